import type { TextAnalysis } from '../fingerprint/analyze';
import type { Reference } from '../fingerprint/fingerprint';
import { hammingDistance } from '../fingerprint/simhash';
import type { Hash64 } from '../fingerprint/hash';
import { CONTENT_KEY_MASK, ENTITY_FLAG, MIN_SENTENCE_CONTENT } from '../fingerprint/params';
import { ALIGNED_SENTENCE_MIN } from './thresholds';

/** The page side of a comparison, computed once per page. */
export interface PageFingerprint {
  /** Winnowed shingle hashes, no repeats. */
  shingles: ReadonlySet<number>;
  simhash: Hash64;
  /** Content-word codes per sentence (as `analyzeText` gives them). */
  sentences: readonly (readonly number[])[];
  /** For each code of `sentences`, 1 / (the page's sentences holding that word): the weight rareSoftAlign gives it. */
  rarity: readonly (readonly number[])[];
}

/** The page side of every comparison, computed once per page. */
export function pageFingerprint(analysis: TextAnalysis): PageFingerprint {
  const sentences = analysis.sentenceCodes;
  const sentencesWith = new Map<number, number>();
  for (const codes of sentences) {
    for (const code of codes)
      sentencesWith.set(code & CONTENT_KEY_MASK, (sentencesWith.get(code & CONTENT_KEY_MASK) ?? 0) + 1);
  }
  const rarity = sentences.map((codes) =>
    codes.map((code) => 1 / (sentencesWith.get(code & CONTENT_KEY_MASK) as number)),
  );
  return { shingles: new Set(analysis.winnowed.hashes), simhash: analysis.simhash, sentences, rarity };
}

/** How one page relates to one reference: the measurements the verdict is made of, each 0..1 unless named. */
export interface Comparison {
  /** Share of the page's winnowed shingles found in the reference (copied share of the page). */
  copiedPage: number;
  /** Share of the reference's winnowed shingles found in the page (share of the reference copied). */
  copiedSource: number;
  /** Differing bits between the two simhashes, 0..64. */
  simhashDistance: number;
  /** Share of the page's content words (names and numbers count double) that occur in the reference. */
  contentContainment: number;
  /** Share of the page's adjacent content-word pairs that occur as a pair in one reference sentence. */
  pairContainment: number;
  /** Share of the page's content (by weight) in sentences that align with a reference sentence. */
  alignedShare: number;
  /** Aligned page sentences that keep the reference's order (longest increasing run / aligned sentences). */
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
  /** Share of the page's names and numbers that the reference does not have: a rewrite adds few, reporting many. */
  newFacts: number;
  /** alignedShare × (1 − newFacts): high only when the page follows the reference *and* adds no facts of its own,
   * the combination that tells a rewrite from another outlet's reporting of the same event. */
  alignedWithoutNewFacts: number;
  /** pairContainment × (1 − newFacts), for the same reason. */
  pairsWithoutNewFacts: number;
  /** Share of the reference's names and numbers that the page has too: a rewrite keeps its source's facts. */
  factsKept: number;
  /** How many names and numbers the page shares with the reference, over 20 (capped at 1), times (1 − newFacts):
   * many shared facts and none added is strong evidence of derivation even for a short summary. */
  sharedFactsWithoutNew: number;
  /** Shorter over longer of the two texts' content-word counts: a rewrite keeps about its source's length. */
  lengthRatio: number;
  /** Names and numbers of the page that the reference has too. */
  sharedFacts: number;
  /** For each page sentence (by index), the reference sentence it aligns with, or -1. */
  alignment: number[];
}

/** The numeric measurements of a comparison, which the rewrite model reads. */
export type Measurement = Exclude<keyof Comparison, 'alignment'>;

export function compare(page: PageFingerprint, ref: Reference): Comparison {
  let shared = 0;
  for (const hash of ref.shingles) if (page.shingles.has(hash)) shared++;
  const copiedPage = page.shingles.size ? shared / page.shingles.size : 0;
  const copiedSource = ref.shingles.length ? shared / ref.shingles.length : 0;

  const refSentenceKeys = ref.sentences.map((codes) => keySet(codes));
  const refKeys = new Set<number>();
  const refEntities = new Set<number>();
  const refPairs = new Set<number>();
  let refContentWords = 0;
  for (const codes of ref.sentences) {
    refContentWords += codes.length;
    for (let i = 0; i < codes.length; i++) {
      refKeys.add((codes[i] as number) & CONTENT_KEY_MASK);
      if ((codes[i] as number) & ENTITY_FLAG) refEntities.add((codes[i] as number) & CONTENT_KEY_MASK);
      for (let j = i + 1; j < codes.length; j++) refPairs.add(pairKey(codes[i] as number, codes[j] as number));
    }
  }

  let contentTotal = 0;
  let contentShared = 0;
  let pairTotal = 0;
  let pairShared = 0;
  const pageEntities = new Set<number>();
  const pageKeys = new Set<number>();
  let pageContentWords = 0;
  for (const codes of page.sentences) {
    pageContentWords += codes.length;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as number;
      const key = code & CONTENT_KEY_MASK;
      const weight = code & ENTITY_FLAG ? 2 : 1;
      contentTotal += weight;
      if (refKeys.has(key)) contentShared += weight;
      if (code & ENTITY_FLAG) pageEntities.add(key);
      pageKeys.add(key);
      if (i + 1 < codes.length) {
        pairTotal++;
        if (refPairs.has(pairKey(code, codes[i + 1] as number))) pairShared++;
      }
    }
  }
  let newFacts = 0;
  for (const key of pageEntities) if (!refKeys.has(key)) newFacts++;

  const { alignment, alignedShare, order, sourceCoverage, softAlign, rareSoftAlign } = align(page, refSentenceKeys);
  const newFactsShare = pageEntities.size ? newFacts / pageEntities.size : 0;
  const pairContainment = pairTotal ? pairShared / pairTotal : 0;
  return {
    copiedPage,
    copiedSource,
    simhashDistance: hammingDistance(page.simhash, ref.simhash),
    contentContainment: contentTotal ? contentShared / contentTotal : 0,
    pairContainment,
    alignedShare,
    order,
    sourceCoverage,
    softAlign,
    rareSoftAlign,
    newFacts: newFactsShare,
    alignedWithoutNewFacts: alignedShare * (1 - newFactsShare),
    pairsWithoutNewFacts: pairContainment * (1 - newFactsShare),
    sharedFactsWithoutNew: Math.min(1, (pageEntities.size - newFacts) / 20) * (1 - newFactsShare),
    factsKept: refEntities.size ? [...refEntities].filter((k) => pageKeys.has(k)).length / refEntities.size : 0,
    lengthRatio: lengthRatio(pageContentWords, refContentWords),
    sharedFacts: pageEntities.size - newFacts,
    alignment,
  };
}

/**
 * Sentence alignment: each page sentence of at least MIN_SENTENCE_CONTENT content words is matched to the reference
 * sentence, or pair of adjacent sentences (a rewrite merges and splits sentences), holding the largest weighted
 * share of its content words. It aligns when that share reaches ALIGNED_SENTENCE_MIN. The same pass measures the
 * best shares without a cut-off (softAlign), and with words weighed by rarity within the page (rareSoftAlign).
 */
function align(
  page: PageFingerprint,
  refSentences: readonly Set<number>[],
): Pick<Comparison, 'alignment' | 'alignedShare' | 'order' | 'sourceCoverage' | 'softAlign' | 'rareSoftAlign'> {
  const alignment: number[] = [];
  const covered = new Set<number>();
  let eligibleWeight = 0;
  let alignedWeight = 0;
  let softWeight = 0;
  let rareTotalWeight = 0;
  let rareSoftWeight = 0;
  page.sentences.forEach((codes, i) => {
    if (codes.length < MIN_SENTENCE_CONTENT) {
      alignment.push(-1);
      return;
    }
    const keys = codes.map((code) => code & CONTENT_KEY_MASK);
    const weights = codes.map((code) => (code & ENTITY_FLAG ? 2 : 1));
    const rares = page.rarity[i] as readonly number[];
    let total = 0;
    let rareTotal = 0;
    for (let k = 0; k < codes.length; k++) {
      total += weights[k] as number;
      rareTotal += rares[k] as number;
    }
    eligibleWeight += total;
    rareTotalWeight += rareTotal;
    let best = -1;
    let bestShare = 0;
    let bestRare = 0;
    for (let j = 0; j < refSentences.length; j++) {
      const here = refSentences[j] as Set<number>;
      const next = refSentences[j + 1];
      let single = 0;
      let pair = 0;
      let rareSingle = 0;
      let rarePair = 0;
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k] as number;
        const weight = weights[k] as number;
        const rare = rares[k] as number;
        if (here.has(key)) {
          single += weight;
          pair += weight;
          rareSingle += rare;
          rarePair += rare;
        } else if (next?.has(key)) {
          pair += weight;
          rarePair += rare;
        }
      }
      // A pair of sentences must earn its extra reach: count it at 85% so one good sentence wins ties.
      const share = Math.max(single / total, (0.85 * pair) / total);
      if (share > bestShare) {
        bestShare = share;
        best = j;
      }
      bestRare = Math.max(bestRare, rareSingle / rareTotal, (0.85 * rarePair) / rareTotal);
    }
    softWeight += bestShare * total;
    rareSoftWeight += bestRare * rareTotal;
    if (bestShare >= ALIGNED_SENTENCE_MIN) {
      alignment.push(best);
      alignedWeight += total;
      covered.add(best);
    } else {
      alignment.push(-1);
    }
  });
  const aligned = alignment.filter((j) => j >= 0);
  const eligibleRef = refSentences.filter((s) => s.size >= MIN_SENTENCE_CONTENT).length;
  return {
    alignment,
    alignedShare: eligibleWeight ? alignedWeight / eligibleWeight : 0,
    order: aligned.length ? longestNonDecreasing(aligned) / aligned.length : 0,
    sourceCoverage: eligibleRef ? Math.min(1, covered.size / eligibleRef) : 0,
    softAlign: eligibleWeight ? softWeight / eligibleWeight : 0,
    rareSoftAlign: rareTotalWeight ? rareSoftWeight / rareTotalWeight : 0,
  };
}

function lengthRatio(a: number, b: number): number {
  return a && b ? Math.min(a, b) / Math.max(a, b) : 0;
}

function keySet(codes: ArrayLike<number>): Set<number> {
  const keys = new Set<number>();
  for (let i = 0; i < codes.length; i++) keys.add((codes[i] as number) & CONTENT_KEY_MASK);
  return keys;
}

function pairKey(a: number, b: number): number {
  const x = a & CONTENT_KEY_MASK;
  const y = b & CONTENT_KEY_MASK;
  return x < y ? x * 0x8000 + y : y * 0x8000 + x;
}

/** Length of the longest non-decreasing subsequence (patience sorting, O(n log n)). */
export function longestNonDecreasing(values: readonly number[]): number {
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
