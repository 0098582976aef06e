import type { TextAnalysis } from '../fingerprint/analyze';
import type { ComparedReference } from '../corpus/corpus-index';
import type { Reference } from '../fingerprint/fingerprint';
import type { Hash64 } from '../fingerprint/hash';
import { CONTENT_KEY_MASK, ENTITY_FLAG } from '../fingerprint/params';
import { hammingDistance } from '../fingerprint/simhash';
import {
  ADJACENT_PAIR_DISCOUNT,
  ALIGNED_SENTENCE_MIN,
  ENTITY_WEIGHT,
  MIN_SENTENCE_CONTENT,
  OWN_PASSAGE_MAX_SHARE,
  REACH_MIN_SHARE,
  SHARED_FACTS_SATURATION,
} from './thresholds';

/**
 * How one page relates to one reference: the measurements the verdict and the rewrite model are made of. A page is
 * fingerprinted once (`pageFingerprint`), then compared with each candidate reference: copied wording (winnowed
 * shingles, both ways), content-word overlap and facts (names and numbers), and sentence alignment.
 */

/** The page side of a comparison, computed once per page. */
export interface PageFingerprint {
  /** Winnowed shingle hashes, no repeats. */
  shingles: ReadonlySet<number>;
  simhash: Hash64;
  /** Content-word codes per sentence (as `analyzeText` gives them). */
  sentences: readonly (readonly number[])[];
  /** For each code of `sentences`, 1 / (the page's sentences holding that word): the weight rareSoftAlign gives it. */
  rarity: readonly (readonly number[])[];
  /** The page's content-word keys, and those of its names and numbers. */
  keys: ReadonlySet<number>;
  entityKeys: ReadonlySet<number>;
  /** Content words (codes) in all, their weight (names and numbers weigh ENTITY_WEIGHT), adjacent pairs. */
  contentWords: number;
  contentWeight: number;
  pairCount: number;
}

export function pageFingerprint(analysis: TextAnalysis): PageFingerprint {
  const sentences = analysis.sentenceCodes;
  const sentencesWith = new Map<number, number>();
  for (const codes of sentences) {
    for (const code of codes) {
      const key = code & CONTENT_KEY_MASK;
      sentencesWith.set(key, (sentencesWith.get(key) ?? 0) + 1);
    }
  }
  const rarity = sentences.map((codes) =>
    codes.map((code) => 1 / (sentencesWith.get(code & CONTENT_KEY_MASK) as number)),
  );
  const keys = new Set<number>();
  const entityKeys = new Set<number>();
  let contentWords = 0;
  let contentWeight = 0;
  let pairCount = 0;
  for (const codes of sentences) {
    contentWords += codes.length;
    pairCount += Math.max(0, codes.length - 1);
    for (const code of codes) {
      contentWeight += wordWeight(code);
      keys.add(code & CONTENT_KEY_MASK);
      if (code & ENTITY_FLAG) entityKeys.add(code & CONTENT_KEY_MASK);
    }
  }
  return {
    shingles: new Set(analysis.winnowed.hashes),
    simhash: analysis.simhash,
    sentences,
    rarity,
    keys,
    entityKeys,
    contentWords,
    contentWeight,
    pairCount,
  };
}

/** Each measurement is a share, 0..1, unless it says otherwise. */
export interface Comparison {
  /** Share of the page's winnowed shingles found in the reference: the share of the page copied word for word. */
  copied: number;
  /** Share of the reference's winnowed shingles found in the page: the share of the source copied. */
  copiedOfSource: number;
  /** Differing bits between the two simhashes, 0..64. */
  simhashDistance: number;
  /** Share of the page's content words (names and numbers weigh ENTITY_WEIGHT) that occur in the reference. */
  contentContainment: number;
  /** Share of the page's adjacent content-word pairs that occur as a pair in one reference sentence. */
  pairContainment: number;
  /** Share of the page's content (by weight) in sentences that align with a reference sentence. */
  alignedShare: number;
  /** Aligned page sentences that keep the reference's order (longest increasing run / aligned sentences). Measured,
   * not read by the rewrite model: the eval's rewrites are LLM texts, which keep their source's order almost always,
   * so fitted with it the model learned that a page which reorders is no rewrite, and scored the human aggregation
   * seed (004) at 0.68; without it, 0.87, and the model's figures move by under a point. */
  order: number;
  /** Share of the reference's sentences that some page sentence aligns with. */
  sourceCoverage: number;
  /** Mean over the page's sentences (weighted by content) of the share of its content words found in its best
   * reference sentence or adjacent pair, with no cut-off: a rewrite restates every sentence in part, reporting of the
   * same event matches a few sentences well and the rest hardly at all. */
  softAlign: number;
  /** softAlign with each word weighed by 1 / (page sentences it occurs in): the words of the story's subject, which
   * run through every sentence of any article about it, count little; a sentence's own words count most. */
  rareSoftAlign: number;
  /** Share of the page's content (by weight) in its longest run of consecutive sentences whose best reference
   * sentence holds less than OWN_PASSAGE_MAX_SHARE of their words: a passage of the page's own (reporting, or the
   * commentary a generated text adds after restating a story's lead) where a rewrite restates sentence after sentence. */
  ownPassage: number;
  /** How far into the reference the page reaches: the last reference sentence that is some page sentence's best match
   * with at least REACH_MIN_SHARE of its words, over the reference's sentence count. A rewrite of a whole article
   * reaches its end; a generated text prompted with a story's lead restates the lead and goes on with commentary of
   * its own; a rewrite of an article's first part reaches as far as that part, and restates every sentence of it. */
  reach: number;
  /** Share of the page's names and numbers that the reference does not have: a rewrite adds few, reporting many. */
  newFactsShare: number;
  /** alignedShare × (1 − newFactsShare): high only when the page follows the reference *and* adds no facts of its
   * own, the combination that tells a rewrite from another outlet's reporting of the same event. */
  alignedWithoutNewFacts: number;
  /** pairContainment × (1 − newFactsShare), for the same reason. */
  pairsWithoutNewFacts: number;
  /** contentContainment × (1 − newFactsShare): a summary restates few sentences whole (its sentences merge several
   * of the source's), but the words it keeps are its source's and it adds no facts. */
  containedWithoutNewFacts: number;
  /** Shared names and numbers over SHARED_FACTS_SATURATION (capped at 1) when the page adds no name or number at all,
   * else 0. Of the eval's comparisons that add none and share 10 or more, 97% are a rewrite and its source; another
   * outlet's report of the same event nearly always brings a name, a number or a place of its own. */
  sharedFactsNoneNew: number;
  /** Share of the reference's names and numbers that the page has too: a rewrite keeps its source's facts. */
  factsKept: number;
  /** Shared names and numbers over SHARED_FACTS_SATURATION (capped at 1), times (1 − newFactsShare): many shared
   * facts and none added is strong evidence of derivation even for a short summary. */
  sharedFactsWithoutNew: number;
  /** Shorter over longer of the two texts' content-word counts: a rewrite keeps about its source's length. */
  lengthRatio: number;
  /** How many names and numbers of the page the reference has too (a count). */
  sharedFacts: number;
  /** For each page sentence (by index), the reference sentence it aligns with, or -1. */
  alignment: number[];
}

/** The numeric measurements of a comparison, which the rewrite model reads. */
export type Measurement = Exclude<keyof Comparison, 'alignment'>;

/** Compares a page with a reference held in full (its shingle hashes at hand). */
export function compare(page: PageFingerprint, ref: Reference): Comparison {
  let shared = 0;
  for (const hash of new Set(ref.shingles)) if (page.shingles.has(hash)) shared++;
  return compareWith(
    page,
    { simhash: ref.simhash, shingleCount: new Set(ref.shingles).size, sentences: ref.sentences },
    shared,
  );
}

/** Compares a page with a reference as the corpus holds it: `sharedShingles` of the page's winnowed hashes are the
 * reference's too (the corpus index knows which without decoding the reference's own). */
export function compareWith(page: PageFingerprint, ref: ComparedReference, sharedShingles: number): Comparison {
  const source = referenceProfile(ref);
  const overlap = contentOverlap(page, source);
  const { alignment, alignedShare, order, sourceCoverage, softAlign, rareSoftAlign, ownPassage, reach } = align(
    page,
    source,
  );
  const sharedFacts = page.entityKeys.size - overlap.newFactCount;
  const newFactsShare = page.entityKeys.size ? overlap.newFactCount / page.entityKeys.size : 0;
  return {
    copied: page.shingles.size ? sharedShingles / page.shingles.size : 0,
    copiedOfSource: ref.shingleCount ? sharedShingles / ref.shingleCount : 0,
    simhashDistance: hammingDistance(page.simhash, ref.simhash),
    contentContainment: overlap.contentContainment,
    pairContainment: overlap.pairContainment,
    alignedShare,
    order,
    sourceCoverage,
    softAlign,
    rareSoftAlign,
    ownPassage,
    reach,
    newFactsShare,
    alignedWithoutNewFacts: alignedShare * (1 - newFactsShare),
    pairsWithoutNewFacts: overlap.pairContainment * (1 - newFactsShare),
    containedWithoutNewFacts: overlap.contentContainment * (1 - newFactsShare),
    sharedFactsWithoutNew: Math.min(1, sharedFacts / SHARED_FACTS_SATURATION) * (1 - newFactsShare),
    sharedFactsNoneNew: overlap.newFactCount === 0 ? Math.min(1, sharedFacts / SHARED_FACTS_SATURATION) : 0,
    factsKept: source.entities.size
      ? [...source.entities].filter((k) => page.keys.has(k)).length / source.entities.size
      : 0,
    lengthRatio: lengthRatio(page.contentWords, source.contentWords),
    sharedFacts,
    alignment,
  };
}

interface ReferenceProfile {
  /** How many sentences the reference has. */
  sentenceCount: number;
  /** Sentences with at least MIN_SENTENCE_CONTENT distinct keys. */
  eligibleSentences: number;
  /** For each content-word key, the sentences that hold it, ascending. */
  sentencesWith: Map<number, number[]>;
  /** Keys held twice in one sentence (as a name and as a plain word: "Bush" and "bush"), which pair with themselves. */
  selfPairs: Set<number>;
  /** Keys of the names and numbers. */
  entities: Set<number>;
  contentWords: number;
  /** Scratch space for alignment, one slot a sentence (zero between uses). */
  scratch: { single: Float64Array; pair: Float64Array; rareSingle: Float64Array; rarePair: Float64Array };
}

function referenceProfile(ref: ComparedReference): ReferenceProfile {
  const count = ref.sentences.length;
  const profile: ReferenceProfile = {
    sentenceCount: count,
    eligibleSentences: 0,
    sentencesWith: new Map(),
    selfPairs: new Set(),
    entities: new Set(),
    contentWords: 0,
    scratch: {
      single: new Float64Array(count),
      pair: new Float64Array(count),
      rareSingle: new Float64Array(count),
      rarePair: new Float64Array(count),
    },
  };
  ref.sentences.forEach((codes, s) => {
    profile.contentWords += codes.length;
    let distinct = 0;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as number;
      const key = code & CONTENT_KEY_MASK;
      if (code & ENTITY_FLAG) profile.entities.add(key);
      const holders = profile.sentencesWith.get(key);
      if (holders === undefined) profile.sentencesWith.set(key, [s]);
      else if (holders[holders.length - 1] !== s) holders.push(s);
      else {
        profile.selfPairs.add(key);
        continue;
      }
      distinct++;
    }
    if (distinct >= MIN_SENTENCE_CONTENT) profile.eligibleSentences++;
  });
  return profile;
}

/** Do two content-word keys stand in one reference sentence? */
function isPairInReference(source: ReferenceProfile, a: number, b: number): boolean {
  if (a === b) return source.selfPairs.has(a);
  const x = source.sentencesWith.get(a);
  const y = source.sentencesWith.get(b);
  if (!x || !y) return false;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) return true;
    if ((x[i] as number) < (y[j] as number)) i++;
    else j++;
  }
  return false;
}

/** The page's content words, word pairs and facts, against the reference's (the page's own counts are in its
 * fingerprint, computed once). */
function contentOverlap(page: PageFingerprint, source: ReferenceProfile) {
  let contentShared = 0;
  let pairShared = 0;
  for (const codes of page.sentences) {
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as number;
      const key = code & CONTENT_KEY_MASK;
      if (source.sentencesWith.has(key)) contentShared += wordWeight(code);
      if (i + 1 < codes.length && isPairInReference(source, key, (codes[i + 1] as number) & CONTENT_KEY_MASK)) {
        pairShared++;
      }
    }
  }
  let newFactCount = 0;
  for (const key of page.entityKeys) if (!source.sentencesWith.has(key)) newFactCount++;
  return {
    contentContainment: page.contentWeight ? contentShared / page.contentWeight : 0,
    pairContainment: page.pairCount ? pairShared / page.pairCount : 0,
    newFactCount,
  };
}

type AlignmentMeasurements = Pick<
  Comparison,
  'alignment' | 'alignedShare' | 'order' | 'sourceCoverage' | 'softAlign' | 'rareSoftAlign' | 'ownPassage' | 'reach'
>;

/**
 * Sentence alignment: each page sentence of at least MIN_SENTENCE_CONTENT content words is matched to the
 * reference sentence, or pair of adjacent sentences (a rewrite merges and splits sentences), holding the largest
 * weighted share of its content words. It aligns when that share reaches ALIGNED_SENTENCE_MIN. The same pass
 * measures the best shares without a cut-off (softAlign), and with words weighed by rarity within the page
 * (rareSoftAlign).
 */
function align(page: PageFingerprint, source: ReferenceProfile): AlignmentMeasurements {
  const alignment: number[] = [];
  const covered = new Set<number>();
  let eligibleWeight = 0;
  let alignedWeight = 0;
  let softWeight = 0;
  let rareTotalWeight = 0;
  let rareSoftWeight = 0;
  let ownRun = 0;
  let longestOwnRun = 0;
  let furthest = -1;
  page.sentences.forEach((codes, i) => {
    if (codes.length < MIN_SENTENCE_CONTENT) {
      alignment.push(-1);
      return;
    }
    const match = bestReferenceSentence(codes, page.rarity[i] as readonly number[], source);
    eligibleWeight += match.weight;
    rareTotalWeight += match.rareWeight;
    softWeight += match.share * match.weight;
    rareSoftWeight += match.rareShare * match.rareWeight;
    if (match.share >= REACH_MIN_SHARE) furthest = Math.max(furthest, match.index);
    if (match.share < OWN_PASSAGE_MAX_SHARE) {
      ownRun += match.weight;
      longestOwnRun = Math.max(longestOwnRun, ownRun);
    } else {
      ownRun = 0;
    }
    if (match.share >= ALIGNED_SENTENCE_MIN) {
      alignment.push(match.index);
      alignedWeight += match.weight;
      covered.add(match.index);
    } else {
      alignment.push(-1);
    }
  });
  const aligned = alignment.filter((j) => j >= 0);
  const eligibleRef = source.eligibleSentences;
  return {
    alignment,
    alignedShare: eligibleWeight ? alignedWeight / eligibleWeight : 0,
    order: aligned.length ? longestNonDecreasing(aligned) / aligned.length : 0,
    sourceCoverage: eligibleRef ? Math.min(1, covered.size / eligibleRef) : 0,
    softAlign: eligibleWeight ? softWeight / eligibleWeight : 0,
    rareSoftAlign: rareTotalWeight ? rareSoftWeight / rareTotalWeight : 0,
    ownPassage: eligibleWeight ? longestOwnRun / eligibleWeight : 0,
    reach: source.sentenceCount ? (furthest + 1) / source.sentenceCount : 0,
  };
}

interface SentenceMatch {
  /** The best reference sentence (the first of a pair), or -1. */
  index: number;
  /** Its weighted share of the page sentence's content words. */
  share: number;
  /** The best share with words weighed by rarity (not necessarily the same reference sentence). */
  rareShare: number;
  /** The page sentence's content weight, plain and by rarity. */
  weight: number;
  rareWeight: number;
}

/**
 * The reference sentence, or adjacent pair, holding most of one page sentence's content words. Each page word adds
 * its weight to the sentences that hold it (and to the pair starting one sentence before, unless that sentence
 * holds it too), in the page's word order, so each sum is the one a scan of every sentence would make, in the same
 * order; sentences holding none of the words are never visited.
 */
function bestReferenceSentence(
  codes: readonly number[],
  rarity: readonly number[],
  source: ReferenceProfile,
): SentenceMatch {
  const { single, pair, rareSingle, rarePair } = source.scratch;
  let weight = 0;
  let rareWeight = 0;
  for (let k = 0; k < codes.length; k++) {
    weight += wordWeight(codes[k] as number);
    rareWeight += rarity[k] as number;
  }
  const touched: number[] = [];
  const mark = (j: number): void => {
    if (single[j] === 0 && pair[j] === 0) touched.push(j);
  };
  for (let k = 0; k < codes.length; k++) {
    const holders = source.sentencesWith.get((codes[k] as number) & CONTENT_KEY_MASK);
    if (!holders) continue;
    const w = wordWeight(codes[k] as number);
    const r = rarity[k] as number;
    for (let h = 0; h < holders.length; h++) {
      const j = holders[h] as number;
      mark(j);
      single[j]! += w;
      pair[j]! += w;
      rareSingle[j]! += r;
      rarePair[j]! += r;
      if (j > 0 && holders[h - 1] !== j - 1) {
        mark(j - 1);
        pair[j - 1]! += w;
        rarePair[j - 1]! += r;
      }
    }
  }
  touched.sort((a, b) => a - b);
  const match: SentenceMatch = { index: -1, share: 0, rareShare: 0, weight, rareWeight };
  for (const j of touched) {
    const share = Math.max((single[j] as number) / weight, (ADJACENT_PAIR_DISCOUNT * (pair[j] as number)) / weight);
    if (share > match.share) {
      match.share = share;
      match.index = j;
    }
    match.rareShare = Math.max(
      match.rareShare,
      (rareSingle[j] as number) / rareWeight,
      (ADJACENT_PAIR_DISCOUNT * (rarePair[j] as number)) / rareWeight,
    );
    single[j] = 0;
    pair[j] = 0;
    rareSingle[j] = 0;
    rarePair[j] = 0;
  }
  return match;
}

/** A content word's weight in the shares above: names and numbers weigh ENTITY_WEIGHT, other words 1. */
function wordWeight(code: number): number {
  return code & ENTITY_FLAG ? ENTITY_WEIGHT : 1;
}

function lengthRatio(a: number, b: number): number {
  return a && b ? Math.min(a, b) / Math.max(a, b) : 0;
}

/** Length of the longest non-decreasing subsequence (patience sorting, O(n log n)). */
function longestNonDecreasing(values: readonly number[]): number {
  const tails: number[] = [];
  for (const v of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((tails[mid] as number) <= v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
  }
  return tails.length;
}
