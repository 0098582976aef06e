import type { Reference, ReferenceMeta } from '../fingerprint/fingerprint';
import type { Hash64 } from '../fingerprint/hash';
import { CONTENT_KEY_MASK, ENTITY_FLAG } from '../fingerprint/params';
import { PackEncoder, readPack, type ReferenceStore } from './pack';
import {
  CANDIDATE_LIMIT,
  DELTA_LIMIT,
  MIN_CANDIDATE_SCORE,
  PAGE_PAIRED_KEYS,
  PAIR_POSTINGS_BUDGET,
  SCAN_LIMIT,
} from './params';
import {
  buildSegmentIndex,
  isUnread,
  pairedCodes,
  pairKey,
  rarestWords,
  sameKey,
  type SegmentIndex,
} from './segment-index';

/**
 * The corpus a page is judged against, and how its candidates are found without looking at every reference: the
 * page's winnowed shingle hashes (shared wording), its names and numbers (shared facts, which survive a rewrite) and
 * its other content words (a rewrite keeps its source's rarer words: "flotilla", "arsonist") are looked up in three
 * inverted indexes, and references are ranked by the rarity-weighted keys they share with the page.
 *
 * The corpus is a list of segments, each a pack as opened (its references in a ReferenceStore, its index built ahead
 * of time), plus one small growable segment for references added one at a time. So a pack joins or leaves the corpus
 * without rebuilding anything else: a subscription's update swaps one segment. Frequencies (how many references hold
 * a key) are summed over the segments at lookup; each segment chose its references' rare words by its own counts.
 */
export interface Candidate {
  /** The reference's number in this corpus (valid until the corpus changes). */
  index: number;
  score: number;
}

/** What a comparison needs of a reference (see `compareWith`). */
export interface ComparedReference {
  simhash: Hash64;
  shingleCount: number;
  sentences: readonly ArrayLike<number>[];
}

/** A handle on one segment, to remove it again. */
export interface SegmentHandle {
  readonly name: string;
}

interface Segment extends SegmentHandle {
  store: ReferenceStore;
  index: SegmentIndex;
  /** Where each reference came from, when they came from different places (a fold of one-at-a-time adds); null
   * when all came with the segment (its name says where). */
  origins: readonly string[] | null;
  /** References removed one by one (1), skipped by lookups; null while none is. */
  removed: Uint8Array | null;
}

/** References added one at a time, indexed in maps until DELTA_LIMIT of them are folded into a segment. */
class Delta {
  references: Reference[] = [];
  origins: string[] = [];
  shingles = new Map<number, number[]>();
  entities = new Map<number, number[]>();
  rareWords = new Map<number, number[]>();
  wordFrequency = new Uint32Array(CONTENT_KEY_MASK + 1);
}

export interface CorpusOptions {
  /** The scan limit of the segments this corpus indexes itself (default SCAN_LIMIT; the eval sets 0 to find every
   * candidate through pairs, as in a corpus of a million references). */
  scanLimit?: number;
  /** Postings a page may read through pairs (default PAIR_POSTINGS_BUDGET; the eval's `--as-if` scales it). */
  pairBudget?: number;
}

export class CorpusIndex {
  private segments: Segment[] = [];
  private delta = new Delta();
  private live = 0;
  private scores = new Float64Array(0);
  private touched = new Int32Array(0);
  private segmentNames = 0;
  private readonly scanLimit: number;
  private readonly pairBudget: number;

  /** A corpus of these references, indexed as one segment (what the CLI, the eval and the tests build in memory). */
  constructor(references: readonly Reference[] = [], options: CorpusOptions = {}) {
    this.scanLimit = options.scanLimit ?? SCAN_LIMIT;
    this.pairBudget = options.pairBudget ?? PAIR_POSTINGS_BUDGET;
    if (references.length === 0) return;
    const encoder = new PackEncoder();
    for (const ref of references) encoder.add(ref);
    this.addSegment(readPack(encoder.finish()));
  }

  /** References in the corpus (removed ones not counted). */
  get size(): number {
    return this.live;
  }

  /** Every reference number, removed ones included: the range `meta` and `comparedReference` take. */
  get span(): number {
    return this.segments.reduce((n, s) => n + s.store.count, 0) + this.delta.references.length;
  }

  /** Adds a pack as one segment, with its prebuilt index (or one built now). */
  addSegment(
    store: ReferenceStore,
    index: SegmentIndex = buildSegmentIndex(store, this.scanLimit),
    name?: string,
  ): SegmentHandle {
    const segment: Segment = {
      name: name ?? `segment-${++this.segmentNames}`,
      store,
      index,
      origins: null,
      removed: null,
    };
    // References are numbered segment after segment, the growable one last.
    this.segments.push(segment);
    this.live += store.count;
    return segment;
  }

  /** Removes a segment and every reference in it. */
  removeSegment(handle: SegmentHandle): void {
    const at = this.segments.indexOf(handle as Segment);
    if (at < 0) return;
    const [segment] = this.segments.splice(at, 1) as [Segment];
    this.live -= segment.store.count - countSet(segment.removed);
  }

  /** Adds one reference (learned as the reader reads), indexed at once; `origin` says where it came from. */
  add(ref: Reference, origin = 'added'): void {
    const delta = this.delta;
    const local = delta.references.length;
    delta.references.push(ref);
    delta.origins.push(origin);
    for (const hash of new Set(ref.shingles)) push(delta.shingles, hash, local);
    const { entities, words } = contentKeys(ref.sentences);
    for (const key of entities) push(delta.entities, key, local);
    for (const key of words) delta.wordFrequency[key]!++;
    for (const key of rarestWords([...words], (key) => this.wordFrequency(key))) push(delta.rareWords, key, local);
    this.live++;
    if (delta.references.length >= DELTA_LIMIT) this.foldDelta();
  }

  /** Folds the one-at-a-time references into a segment of their own (DELTA_LIMIT adds at a time). */
  private foldDelta(): void {
    const encoder = new PackEncoder();
    for (const ref of this.delta.references) encoder.add(ref);
    const origins = this.delta.origins;
    this.live -= this.delta.references.length;
    this.delta = new Delta();
    const segment = this.addSegment(readPack(encoder.finish())) as Segment;
    segment.origins = origins;
  }

  /** Where reference `index` came from: the name of its segment, or the origin it was added with. */
  originOf(index: number): string {
    const { segment, local } = this.locate(index);
    if (segment) return segment.origins?.[local] ?? segment.name;
    return this.delta.origins[local] ?? 'added';
  }

  /** Removes reference `index` (as `candidates` numbers it); lookups skip it from now on. */
  remove(index: number): void {
    const { segment, local } = this.locate(index);
    if (segment) {
      segment.removed ??= new Uint8Array(segment.store.count);
      if (segment.removed[local]) return;
      segment.removed[local] = 1;
    } else {
      if (!this.delta.references[local]) return;
      // References added one at a time are few (DELTA_LIMIT at most): index them again without this one.
      const { references, origins } = this.delta;
      this.live -= references.length;
      this.delta = new Delta();
      references.forEach((kept, i) => {
        if (i !== local) this.add(kept, origins[i]);
      });
      return;
    }
    this.live--;
  }

  /** How many references use a content-word key, over every segment. */
  private wordFrequency(key: number): number {
    let n = this.delta.wordFrequency[key] as number;
    for (const segment of this.segments) n += segment.index.wordFrequency[key] as number;
    return n;
  }

  /** How many references hold a content code (a name or number, or another word), over every segment. */
  private codeFrequency(code: number): number {
    const key = code & CONTENT_KEY_MASK;
    if (!(code & ENTITY_FLAG)) return this.wordFrequency(key);
    let n = this.delta.entities.get(key)?.length ?? 0;
    for (const segment of this.segments) n += segment.index.entityFrequency[key] as number;
    return n;
  }

  private locate(index: number): { segment: Segment | null; local: number } {
    let base = 0;
    for (const segment of this.segments) {
      if (index < base + segment.store.count) return { segment, local: index - base };
      base += segment.store.count;
    }
    return { segment: null, local: index - base };
  }

  meta(index: number): ReferenceMeta {
    const { segment, local } = this.locate(index);
    if (segment) return segment.store.metaOf(local);
    const ref = this.delta.references[local] as Reference;
    return { id: ref.id, url: ref.url, publisher: ref.publisher, title: ref.title, publishedAt: ref.publishedAt };
  }

  /** What a comparison needs of reference `index` (its sentences decoded now). */
  comparedReference(index: number): ComparedReference {
    const { segment, local } = this.locate(index);
    if (segment) {
      const { store } = segment;
      return {
        simhash: store.simhash(local),
        shingleCount: store.shingleCount(local),
        sentences: store.sentences(local),
      };
    }
    const ref = this.delta.references[local] as Reference;
    return { simhash: ref.simhash, shingleCount: new Set(ref.shingles).size, sentences: ref.sentences };
  }

  /** For each of `indexes`, the page's shingle hashes that reference holds too (one lookup a page hash). */
  sharedShingles(indexes: readonly number[], pageShingles: Iterable<number>): Array<Set<number>> {
    const shared = indexes.map(() => new Set<number>());
    const located = indexes.map((index) => this.locate(index));
    for (const hash of pageShingles) {
      for (const segment of this.segments) {
        const refs = segment.index.shingles.lookup(hash);
        for (let i = 0; i < refs.length; i++) {
          const at = located.findIndex((l) => l.segment === segment && l.local === refs[i]);
          if (at >= 0) shared[at]!.add(hash);
        }
      }
      const added = this.delta.shingles.get(hash);
      if (added) {
        for (const local of added) {
          const at = located.findIndex((l) => l.segment === null && l.local === local);
          if (at >= 0) shared[at]!.add(hash);
        }
      }
    }
    return shared;
  }

  /** The CANDIDATE_LIMIT references sharing the most rarity-weighted keys with the page, best first. */
  candidates(pageShingles: Iterable<number>, pageSentences: readonly (readonly number[])[]): Candidate[] {
    const span = this.span;
    if (this.scores.length < span) {
      this.scores = new Float64Array(Math.ceil(span * 1.25) + 16);
      this.touched = new Int32Array(this.scores.length);
    }
    const scores = this.scores;
    const touched = this.touched;
    let touchedCount = 0;
    const n = this.live;
    const lists: Array<[base: number, refs: ArrayLike<number>, removed: Uint8Array | null]> = [];
    /** Adds `weight` to every reference filed under the key in `from` (the lists just gathered, by default). */
    const credit = (weight: number, from: typeof lists = lists): void => {
      for (const [base, refs, removed] of from) {
        for (let i = 0; i < refs.length; i++) {
          const local = refs[i] as number;
          if (removed && removed[local]) continue;
          const r = base + local;
          if (scores[r] === 0) touched[touchedCount++] = r;
          scores[r]! += weight;
        }
      }
    };
    /** Gathers the lists filed under `key` into `lists` (from the segments `pick` gives a table for, and the delta
     * when it has one); returns how many references they name. */
    const gather = (
      pick: (index: SegmentIndex) => { lookup(key: number): ArrayLike<number> } | null,
      delta: Map<number, number[]> | null,
      key: number,
    ): number => {
      lists.length = 0;
      let filed = 0;
      let base = 0;
      for (const segment of this.segments) {
        const refs = pick(segment.index)?.lookup(key);
        if (refs?.length) {
          lists.push([base, refs, segment.removed]);
          filed += refs.length;
        }
        base += segment.store.count;
      }
      const added = delta?.get(key);
      if (added) {
        lists.push([base, added, null]);
        filed += added.length;
      }
      return filed;
    };
    // A key filed under few references is rare, and tells more: weight log(1 + n / filed).
    for (const hash of new Set(pageShingles)) {
      const filed = gather((index) => index.shingles, this.delta.shingles, hash);
      if (filed) credit(Math.log(1 + n / filed));
    }
    const keys = contentKeys(pageSentences);
    // The page's content codes some segment has no list for, read through pairs below.
    const unread = new Set<number>();
    const noteUnread = (code: number): void => {
      for (const segment of this.segments) {
        if (isUnreadAsEither(segment.index, code)) {
          unread.add(code);
          return;
        }
      }
    };
    // A name in most references (the country, the president) tells little about which one was rewritten.
    for (const key of keys.entities) {
      gather((index) => index.entities, this.delta.entities, key);
      noteUnread(key | ENTITY_FLAG);
      if (lists.length) credit(Math.log(1 + n / this.codeFrequency(key | ENTITY_FLAG)));
    }
    for (const key of keys.words) {
      gather((index) => index.rareWords, this.delta.rareWords, key);
      noteUnread(key);
      if (lists.length) credit(Math.log(1 + n / this.wordFrequency(key)));
    }
    if (unread.size > 0) {
      // The page's codes some reference holds in that form (a code no reference holds pairs with nothing; a name only
      // the page writes as one would take the place of words it shares), the first it uses paired. Measured through
      // pairs alone (2026-12-04), a code held in either form instead: 84.8% / 85.2% of rewrites found against 85.7% /
      // 86.6% (MixSet's lower-case excerpts' sources not a candidate for 21 / 28 rewrites against 8 / 16).
      const held = [...Array.from(keys.entities, (key) => key | ENTITY_FLAG), ...keys.words].filter(
        (code) => this.codeFrequency(code) > 0,
      );
      const paired = pairedCodes(held, PAGE_PAIRED_KEYS);
      // Each pair's lists first, then read rarest first within the budget: a common pair tells little and costs most.
      const found: Array<{ filed: number; lists: typeof lists }> = [];
      for (let i = 0; i < paired.length; i++) {
        for (let j = i + 1; j < paired.length; j++) {
          const a = paired[i] as number;
          const b = paired[j] as number;
          if (!unread.has(a) && !unread.has(b)) continue; // both read key by key everywhere
          if (sameKey(a, b)) continue; // one word, as a name and not
          // A segment files the pair only where one of its codes has no list there (in the form its reference holds
          // it in); the delta files no pairs.
          const filed = gather(
            (index) => (isUnreadAsEither(index, a) || isUnreadAsEither(index, b) ? index.pairs : null),
            null,
            pairKey(a, b),
          );
          if (filed) found.push({ filed, lists: lists.slice() });
        }
      }
      found.sort((x, y) => x.filed - y.filed);
      let budget = this.pairBudget;
      for (const pair of found) {
        if (pair.filed > budget) break;
        budget -= pair.filed;
        credit(Math.log(1 + n / pair.filed), pair.lists);
      }
    }
    const top: Candidate[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const index = touched[t] as number;
      const score = scores[index] as number;
      scores[index] = 0;
      if (score < MIN_CANDIDATE_SCORE) continue;
      if (top.length === CANDIDATE_LIMIT && !isBetter(score, index, top[top.length - 1] as Candidate)) continue;
      let at = top.length === CANDIDATE_LIMIT ? top.length - 1 : top.length;
      while (at > 0 && isBetter(score, index, top[at - 1] as Candidate)) {
        top[at] = top[at - 1] as Candidate;
        at--;
      }
      top[at] = { index, score };
    }
    return top;
  }
}

/** Has a segment no list for this code, as a name or as a word? A pair is keyed alike either way (`pairKey`). */
function isUnreadAsEither(index: SegmentIndex, code: number): boolean {
  return isUnread(index, code) || isUnread(index, code ^ ENTITY_FLAG);
}

/** Ranking of candidates: higher score first, then the lower reference number. */
function isBetter(score: number, index: number, than: Candidate): boolean {
  return score > than.score || (score === than.score && index < than.index);
}

function push(map: Map<number, number[]>, key: number, ref: number): void {
  const list = map.get(key);
  if (list) list.push(ref);
  else map.set(key, [ref]);
}

function countSet(flags: Uint8Array | null): number {
  let n = 0;
  if (flags) for (const flag of flags) n += flag;
  return n;
}

/** The keys of a text's content codes, each once, in order of appearance: those of names and numbers apart from
 * those of other words. */
function contentKeys(sentences: Iterable<ArrayLike<number>>): { entities: Set<number>; words: Set<number> } {
  const entities = new Set<number>();
  const words = new Set<number>();
  for (const sentence of sentences) {
    for (let i = 0; i < sentence.length; i++) {
      const code = sentence[i] as number;
      (code & ENTITY_FLAG ? entities : words).add(code & CONTENT_KEY_MASK);
    }
  }
  return { entities, words };
}
