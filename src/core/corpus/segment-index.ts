import { fmix32 } from '../fingerprint/hash';
import { CONTENT_KEY_MASK, ENTITY_FLAG } from '../fingerprint/params';
import { ByteWriter } from './bits';
import { PackError } from './pack-error';
import type { ReferenceStore } from './pack';
import { PAIRED_KEYS_PER_REFERENCE, RARE_WORD_SCAN_SHARE, RARE_WORDS_PER_REFERENCE, SCAN_LIMIT } from './params';
import { checkedPostings, type Postings, PostingsBuilder } from './postings';

/**
 * The candidate index of one pack: which references hold each winnowed shingle hash, each name or number, and
 * each of their RARE_WORDS_PER_REFERENCE rarest other content words (rarest by how many of the pack's references
 * use them, which `wordFrequency` and `entityFrequency` keep for every key). Built once, ahead of time (`firsthand
 * corpus build` writes it beside the pack; the extension keeps it beside the pack in IndexedDB), and opened as
 * typed-array views.
 *
 * A name or number filed under more than `scanLimit` of the pack's references, or a word among the rarest of more
 * than scanLimit / RARE_WORD_SCAN_SHARE, has no list of its own (reading it would cost more than it tells, and in a
 * large pack nearly every one of the 32,768 keys is that common): it is marked
 * `unread`, and the pairs of each reference's first PAIRED_KEYS_PER_REFERENCE codes (`pairedCodes`) that hold an
 * unread one are filed instead, which stay few per pair however large the pack grows.
 *
 * Index file ("FHIX", version 4: the layout of version 2, the pairs chosen as `pairedCodes` says and keyed as
 * `pairKey` says), little-endian:
 *   header (64 bytes): "FHIX", version (u16), 0 (u16), reference count (u32), body length (u32), scan limit (u32),
 *                      12 zero bytes, then the 32-byte digest of the pack it indexes
 *   body: four postings blocks (shingles, names and numbers, rare words, pairs), each: key bits, bucket bits,
 *         postings count, key bytes (0, 2 or 4) (u32 each), the 2^bucketBits + 1 bucket offsets (u32), the keys'
 *         low bits (u16 or u32, padded to 4 bytes), the reference numbers (u32); then the word frequencies and the
 *         name-and-number frequencies, each sparse: how many keys are used (u32), those keys (u16, padded to 4
 *         bytes), their counts (u32); then the unread codes, a bit a code (2,048 u32).
 */
export interface SegmentIndex {
  shingles: Postings;
  entities: Postings;
  rareWords: Postings;
  /** Pairs (`pairKey`) of each reference's first PAIRED_KEYS_PER_REFERENCE content codes, names and numbers first
   * (`pairedCodes`), where one of the two is unread. */
  pairs: Postings;
  /** How many references use each content-word key (names and numbers not counted). */
  wordFrequency: Uint32Array;
  /** How many references use each name-or-number key. */
  entityFrequency: Uint32Array;
  /** Content codes (16 bits, the name-or-number bit included) whose lists were left out, a bit each. */
  unread: Uint32Array;
  /** The name-and-number list length over which a code is unread (rare-word lists: RARE_WORD_SCAN_SHARE times
   * shorter). */
  scanLimit: number;
}

const KEY_SPACE = CONTENT_KEY_MASK + 1;
const CONTENT_KEY_BITS = 15;
const UNREAD_WORDS = 0x10000 / 32;

/** Is content code `code` unread in this index (its references found through pairs)? */
export function isUnread(index: Pick<SegmentIndex, 'unread'>, code: number): boolean {
  return ((index.unread[code >>> 5] as number) & (1 << (code & 31))) !== 0;
}

/**
 * Builds the index of a store: one pass over every reference's fingerprints (shingles, and each distinct content
 * code counted), then one that files the names, numbers and rare words whose lists stay within `scanLimit`, and
 * the pairs that stand for the others.
 */
export function buildSegmentIndex(store: ReferenceStore, scanLimit = SCAN_LIMIT): SegmentIndex {
  const shingles = new PostingsBuilder(32);
  const wordFrequency = new Uint32Array(KEY_SPACE);
  const entityFrequency = new Uint32Array(KEY_SPACE);
  // Each reference's distinct content codes, kept for the second pass (2 bytes a code).
  let codes = new Uint16Array(1 << 16);
  const codeStarts = new Uint32Array(store.count + 1);
  let codeCount = 0;
  const seen = new Int32Array(1 << 16).fill(-1);
  for (let r = 0; r < store.count; r++) {
    for (const hash of store.shingles(r)) shingles.add(hash, r);
    for (const sentence of store.sentences(r)) {
      for (const code of sentence) {
        if (seen[code] === r) continue;
        seen[code] = r;
        if (codeCount === codes.length) {
          const grown = new Uint16Array(codes.length * 2);
          grown.set(codes);
          codes = grown;
        }
        codes[codeCount++] = code;
        const key = code & CONTENT_KEY_MASK;
        if (code & ENTITY_FLAG) entityFrequency[key]!++;
        else wordFrequency[key]!++;
      }
    }
    codeStarts[r + 1] = codeCount;
  }
  const codesOf = (r: number): Uint16Array => codes.subarray(codeStarts[r], codeStarts[r + 1]);
  const wordsOf = (r: number): Uint16Array => codesOf(r).filter((code) => !(code & ENTITY_FLAG));
  const byWordFrequency = (key: number): number => wordFrequency[key] as number;
  // How long each word's rare-word list would be, to know which are unread.
  const rareCount = new Uint32Array(KEY_SPACE);
  const rare = new Uint16Array(store.count * RARE_WORDS_PER_REFERENCE);
  const rareStarts = new Uint32Array(store.count + 1);
  for (let r = 0; r < store.count; r++) {
    let at = rareStarts[r] as number;
    for (const key of rarestWords(wordsOf(r), byWordFrequency)) {
      rareCount[key]!++;
      rare[at++] = key;
    }
    rareStarts[r + 1] = at;
  }
  const unread = new Uint32Array(UNREAD_WORDS);
  const markUnread = (code: number): void => {
    unread[code >>> 5]! |= 1 << (code & 31);
  };
  for (let key = 0; key < KEY_SPACE; key++) {
    if ((entityFrequency[key] as number) > scanLimit) markUnread(key | ENTITY_FLAG);
    if ((rareCount[key] as number) > scanLimit / RARE_WORD_SCAN_SHARE) markUnread(key);
  }
  const index = { wordFrequency, entityFrequency, unread, scanLimit };
  const entities = new PostingsBuilder(CONTENT_KEY_BITS);
  const rareWords = new PostingsBuilder(CONTENT_KEY_BITS);
  const pairs = new PostingsBuilder(32);
  const filed = new Set<number>();
  for (let r = 0; r < store.count; r++) {
    const own = codesOf(r);
    for (const code of own) {
      if (code & ENTITY_FLAG && !isUnread(index, code)) entities.add(code & CONTENT_KEY_MASK, r);
    }
    for (const key of rare.subarray(rareStarts[r], rareStarts[r + 1])) {
      if (!isUnread(index, key)) rareWords.add(key, r);
    }
    // Each pair once: the postings want a reference's keys once each, in reference order.
    filed.clear();
    const paired = pairedCodes(own, PAIRED_KEYS_PER_REFERENCE);
    for (let i = 0; i < paired.length; i++) {
      for (let j = i + 1; j < paired.length; j++) {
        const a = paired[i] as number;
        const b = paired[j] as number;
        if ((isUnread(index, a) || isUnread(index, b)) && !sameKey(a, b)) filed.add(pairKey(a, b));
      }
    }
    for (const key of filed) pairs.add(key, r);
  }
  return {
    shingles: shingles.build(),
    entities: entities.build(),
    rareWords: rareWords.build(),
    pairs: pairs.build(),
    ...index,
  };
}

/** The key of two content codes seen in one text, in either order, by their 15-bit keys: a name and the same word
 * written in lower case pair alike ("DEC" and "dec", "Harlow" mid-sentence and "harlow"), as a rewrite capitalises
 * what its source did not, or the other way. A bijection of the 30 bits the two keys make. Until 2026-12-04 the
 * name-or-number bit was part of it: through pairs alone, 84.6% / 86.2% of rewrites found (tuning / checking), now
 * 85.7% / 86.6%; at `--as-if 1000000`, 85.0% / 86.3%, now 85.8% / 86.7%; false flags the same. */
export function pairKey(a: number, b: number): number {
  const x = a & CONTENT_KEY_MASK;
  const y = b & CONTENT_KEY_MASK;
  return x < y ? fmix32(x * 0x10000 + y) : fmix32(y * 0x10000 + x);
}

/** Are two content codes one word, as a name or not? They make no pair. */
export function sameKey(a: number, b: number): boolean {
  return (a & CONTENT_KEY_MASK) === (b & CONTENT_KEY_MASK);
}

/**
 * The `count` content codes of a text that are paired, of its distinct codes in the order the text first uses them:
 * names and numbers before other words (they are what a rewrite keeps), each kind in that order. A reference pairs
 * its own when it is indexed; a page, those of its codes the corpus holds, at lookup. The names an article opens
 * with are its story's (who, where, how much), which a rewrite keeps, and a rewrite of its first part keeps only
 * those. Until 2026-12-03 the rarest were paired (by how many references hold each, ties by code): a story's minor
 * names, each in that story alone, that a rewrite drops, and in a large corpus a rank that 15-bit keys shared by
 * thousands of references make noise. With every code read through pairs (`npm run eval -- --scan-limit 0`),
 * rewrites found (tuning / checking): rarest first 76.3% / 79.0%; rarest first, ties by first use 79.7% / 81.7%; by
 * rarity in bands (log base 4) then first use 82.1% / 83.4%, log base 16 84.7% / 85.5%; first use alone 84.8% /
 * 85.9% (the page pairing 16 of its codes; 12, as now, 84.5% / 85.9%). A pair of names many articles open with
 * ("Donald", "Trump") is filed under many references: the lookup reads a page's rarest pairs first and stops at
 * PAIR_POSTINGS_BUDGET postings. A pack stores each sentence's codes in ascending order, so a stored reference's
 * "first" codes are by sentence, then by code within one (ten numbers and "Friday" in one sentence: "Friday" may
 * displace a number); the page's are by first use. Measured through pairs alone (2026-12-04, pairs keyed with the
 * name-or-number bit as then, against 84.6% / 86.2% of rewrites found, 85.0% / 86.3% at `--as-if 1000000`): the
 * page's codes sorted within each sentence too, 84.8% / 86.3% (85.0% / 86.2%); the reference's by true first use
 * (which the pack would have to store, unsorted), 85.3% / 85.8% (85.3% / 85.9%: LLMFake sources found more often,
 * MixSet's less). Neither done.
 */
export function pairedCodes(codes: ArrayLike<number>, count: number): number[] {
  return lowest(codes, (code, i) => (code & ENTITY_FLAG ? 0 : 0x10000) + i, count);
}

/** A reference's RARE_WORDS_PER_REFERENCE rarest word keys, rarest first and ties by key. */
export function rarestWords(keys: ArrayLike<number>, frequency: (key: number) => number): number[] {
  return lowest(keys, (key) => frequency(key) * KEY_SPACE + key, RARE_WORDS_PER_REFERENCE);
}

/** The `count` values of `values` of lowest `rank` (a distinct number for each, given the value and its place),
 * lowest first: a selection, not a sort, since `count` is small beside a reference's hundred or more codes. */
function lowest(values: ArrayLike<number>, rank: (value: number, at: number) => number, count: number): number[] {
  const ranks: number[] = [];
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    const r = rank(value, i);
    if (kept.length === count && r >= (ranks[count - 1] as number)) continue;
    let at = kept.length === count ? count - 1 : kept.length;
    while (at > 0 && (ranks[at - 1] as number) > r) {
      ranks[at] = ranks[at - 1] as number;
      kept[at] = kept[at - 1] as number;
      at--;
    }
    ranks[at] = r;
    kept[at] = value;
  }
  return kept;
}

const MAGIC = [0x46, 0x48, 0x49, 0x58]; // "FHIX"
/** 3 since 2026-12-03: the pairs are of the codes a reference uses first (`pairedCodes`), no longer of its rarest;
 * 4 since 2026-12-04: a pair is keyed without the name-or-number bit (`pairKey`). An index of an older version is
 * built again from its pack, never read. */
const VERSION = 4;
const HEADER_BYTES = 64;

/** The index as bytes, tied to the pack it was built from by that pack's digest (64 hex digits). */
export function encodeSegmentIndex(index: SegmentIndex, referenceCount: number, packDigest: string): Uint8Array {
  const body = new ByteWriter();
  for (const postings of [index.shingles, index.entities, index.rareWords, index.pairs]) {
    body.u32(postings.keyBits);
    body.u32(postings.bucketBits);
    body.u32(postings.refs.length);
    body.u32(postings.low ? postings.low.BYTES_PER_ELEMENT : 0);
    body.raw(bytesOf(postings.offsets));
    if (postings.low) body.raw(bytesOf(postings.low));
    body.align(4);
    body.raw(bytesOf(postings.refs));
  }
  // Word, then name-and-number frequencies, sparse: how many keys are used, their keys (u16, padded), their counts.
  for (const frequency of [index.wordFrequency, index.entityFrequency]) {
    const used: number[] = [];
    frequency.forEach((count, key) => {
      if (count > 0) used.push(key);
    });
    body.u32(used.length);
    body.raw(bytesOf(Uint16Array.from(used)));
    body.align(4);
    body.raw(bytesOf(Uint32Array.from(used, (key) => frequency[key] as number)));
  }
  body.raw(bytesOf(index.unread));
  const head = new ByteWriter();
  for (const byte of MAGIC) head.u8(byte);
  head.u8(VERSION);
  head.u8(0);
  head.u8(0);
  head.u8(0);
  head.u32(referenceCount);
  head.u32(body.length);
  head.u32(index.scanLimit);
  head.align(32);
  for (let i = 0; i < 32; i++) head.u8(parseInt(packDigest.slice(2 * i, 2 * i + 2), 16));
  const out = new Uint8Array(HEADER_BYTES + body.length);
  out.set(head.finish());
  out.set(body.finish(), HEADER_BYTES);
  return out;
}

function bytesOf(array: Uint32Array | Uint16Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** The digest of the pack an index file was built from (64 hex digits), or null when these are not index bytes. */
export function indexedPackDigest(bytes: Uint8Array): string | null {
  if (bytes.length < HEADER_BYTES || !MAGIC.every((b, i) => bytes[i] === b)) return null;
  return Array.from(bytes.subarray(32, 64), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Views an index file's arrays in place, after checking every bound; throws PackError for anything malformed. */
export function readSegmentIndex(input: Uint8Array, referenceCount: number): SegmentIndex {
  if (indexedPackDigest(input) === null) throw new PackError('not a corpus index file');
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(4, true) !== VERSION) throw new PackError('corpus index version is not supported; rebuild it');
  if (view.getUint32(8, true) !== referenceCount) throw new PackError('corpus index is for another pack; rebuild it');
  if (HEADER_BYTES + view.getUint32(12, true) !== bytes.length) throw new PackError('corpus index is truncated');
  let at = HEADER_BYTES;
  const u32s = (count: number): Uint32Array => {
    if (at + 4 * count > bytes.length) throw new RangeError('runs past the end');
    const array = new Uint32Array(bytes.buffer, bytes.byteOffset + at, count);
    at += 4 * count;
    return array;
  };
  try {
    const blocks: Postings[] = [];
    for (let b = 0; b < 4; b++) {
      const [keyBits, bucketBits, count, keyBytes] = u32s(4) as unknown as [number, number, number, number];
      if (bucketBits > 32 || keyBits > 32 || ![0, 2, 4].includes(keyBytes)) throw new RangeError('bad block header');
      const offsets = u32s(2 ** bucketBits + 1);
      let low: Uint16Array | Uint32Array | null = null;
      if (keyBytes > 0) {
        if (at + keyBytes * count > bytes.length) throw new RangeError('runs past the end');
        low =
          keyBytes === 2
            ? new Uint16Array(bytes.buffer, bytes.byteOffset + at, count)
            : new Uint32Array(bytes.buffer, bytes.byteOffset + at, count);
        at += keyBytes * count;
        at += (4 - (at % 4)) % 4;
      }
      blocks.push(checkedPostings(keyBits, bucketBits, offsets, low, u32s(count), referenceCount));
    }
    const frequencies = [0, 1].map(() => {
      const [used] = u32s(1) as unknown as [number];
      if (used > KEY_SPACE || at + 2 * used > bytes.length) throw new RangeError('bad key frequencies');
      const keys = new Uint16Array(bytes.buffer, bytes.byteOffset + at, used);
      at += 2 * used + ((4 - ((2 * used) % 4)) % 4);
      const counts = u32s(used);
      const frequency = new Uint32Array(KEY_SPACE);
      for (let i = 0; i < used; i++) {
        if ((keys[i] as number) >= KEY_SPACE) throw new RangeError('a key out of range');
        frequency[keys[i] as number] = counts[i] as number;
      }
      return frequency;
    });
    const unread = u32s(UNREAD_WORDS);
    if (at !== bytes.length) throw new RangeError('bytes after the end');
    const [shingles, entities, rareWords, pairs] = blocks as [Postings, Postings, Postings, Postings];
    const [wordFrequency, entityFrequency] = frequencies as [Uint32Array, Uint32Array];
    return {
      shingles,
      entities,
      rareWords,
      pairs,
      wordFrequency,
      entityFrequency,
      unread,
      scanLimit: view.getUint32(16, true),
    };
  } catch (error) {
    throw new PackError(`corpus index is malformed (${(error as Error).message}); rebuild it`);
  }
}
