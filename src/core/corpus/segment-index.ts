import { CONTENT_KEY_MASK, ENTITY_FLAG } from '../fingerprint/params';
import { ByteWriter } from './bits';
import { PackError } from './pack-error';
import type { ReferenceStore } from './pack';
import { RARE_WORDS_PER_REFERENCE } from './params';
import { checkedPostings, type Postings, PostingsBuilder } from './postings';

/**
 * The candidate index of one pack: which references hold each winnowed shingle hash, each name or number, and
 * each of their RARE_WORDS_PER_REFERENCE rarest other content words (rarest by how many of the pack's references
 * use them, which `wordFrequency` keeps for every word). Built once, ahead of time (`firsthand corpus build` writes
 * it beside the pack; the extension keeps it beside the pack in IndexedDB), and opened as typed-array views.
 *
 * Index file ("FHIX", version 1), little-endian:
 *   header (64 bytes): "FHIX", version (u16), 0 (u16), reference count (u32), body length (u32), 0 (u32),
 *                      12 zero bytes, then the 32-byte digest of the pack it indexes
 *   body: four postings blocks (shingles, names and numbers, rare words), each: key bits, bucket bits, postings
 *         count, key bytes (0, 2 or 4) (u32 each), the 2^bucketBits + 1 bucket offsets (u32), the keys' low bits
 *         (u16 or u32, padded to 4 bytes), the reference numbers (u32); then the word frequencies, sparse: how
 *         many keys are used (u32), those keys (u16, padded to 4 bytes), their counts (u32).
 */
export interface SegmentIndex {
  shingles: Postings;
  entities: Postings;
  rareWords: Postings;
  /** How many references use each content-word key (names and numbers not counted). */
  wordFrequency: Uint32Array;
}

const KEY_SPACE = CONTENT_KEY_MASK + 1;
const CONTENT_KEY_BITS = 15;

/** Builds the index of a store: one pass over every reference's fingerprints, then the rare words. */
export function buildSegmentIndex(store: ReferenceStore): SegmentIndex {
  const shingles = new PostingsBuilder(32);
  const entities = new PostingsBuilder(CONTENT_KEY_BITS);
  const wordFrequency = new Uint32Array(KEY_SPACE);
  // Each reference's distinct plain-word keys, kept for the rare-word pass (2 bytes a word).
  let wordKeys = new Uint16Array(1 << 16);
  const wordStarts = new Uint32Array(store.count + 1);
  let wordCount = 0;
  const seen = new Int32Array(1 << 16).fill(-1);
  for (let r = 0; r < store.count; r++) {
    for (const hash of store.shingles(r)) shingles.add(hash, r);
    for (const sentence of store.sentences(r)) {
      for (const code of sentence) {
        if (seen[code] === r) continue;
        seen[code] = r;
        const key = code & CONTENT_KEY_MASK;
        if (code & ENTITY_FLAG) {
          entities.add(key, r);
        } else {
          if (wordCount === wordKeys.length) {
            const grown = new Uint16Array(wordKeys.length * 2);
            grown.set(wordKeys);
            wordKeys = grown;
          }
          wordKeys[wordCount++] = key;
          wordFrequency[key]!++;
        }
      }
    }
    wordStarts[r + 1] = wordCount;
  }
  const rareWords = new PostingsBuilder(CONTENT_KEY_BITS);
  for (let r = 0; r < store.count; r++) {
    for (const key of rarestWords(
      wordKeys.subarray(wordStarts[r], wordStarts[r + 1]),
      (k) => wordFrequency[k] as number,
    )) {
      rareWords.add(key, r);
    }
  }
  return { shingles: shingles.build(), entities: entities.build(), rareWords: rareWords.build(), wordFrequency };
}

/**
 * A reference's RARE_WORDS_PER_REFERENCE rarest word keys, rarest first and ties by key: frequency and key packed
 * in one number, so the sort is the engine's numeric one.
 */
export function rarestWords(keys: ArrayLike<number>, frequency: (key: number) => number): Float64Array {
  const ranked = Float64Array.from(keys, (key) => frequency(key) * KEY_SPACE + key).sort();
  const top = ranked.subarray(0, RARE_WORDS_PER_REFERENCE);
  for (let i = 0; i < top.length; i++) top[i] = (top[i] as number) % KEY_SPACE;
  return top;
}

const MAGIC = [0x46, 0x48, 0x49, 0x58]; // "FHIX"
const VERSION = 1;
const HEADER_BYTES = 64;

/** The index as bytes, tied to the pack it was built from by that pack's digest (64 hex digits). */
export function encodeSegmentIndex(index: SegmentIndex, referenceCount: number, packDigest: string): Uint8Array {
  const body = new ByteWriter();
  for (const postings of [index.shingles, index.entities, index.rareWords]) {
    body.u32(postings.keyBits);
    body.u32(postings.bucketBits);
    body.u32(postings.refs.length);
    body.u32(postings.low ? postings.low.BYTES_PER_ELEMENT : 0);
    body.raw(bytesOf(postings.offsets));
    if (postings.low) body.raw(bytesOf(postings.low));
    body.align(4);
    body.raw(bytesOf(postings.refs));
  }
  // Word frequencies, sparse: how many keys are used, their keys (u16, padded), their counts (u32).
  const used: number[] = [];
  index.wordFrequency.forEach((count, key) => {
    if (count > 0) used.push(key);
  });
  body.u32(used.length);
  body.raw(bytesOf(Uint16Array.from(used)));
  body.align(4);
  body.raw(bytesOf(Uint32Array.from(used, (key) => index.wordFrequency[key] as number)));
  const head = new ByteWriter();
  for (const byte of MAGIC) head.u8(byte);
  head.u8(VERSION);
  head.u8(0);
  head.u8(0);
  head.u8(0);
  head.u32(referenceCount);
  head.u32(body.length);
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
    for (let b = 0; b < 3; b++) {
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
    const [used] = u32s(1) as unknown as [number];
    if (used > KEY_SPACE || at + 2 * used > bytes.length) throw new RangeError('bad word frequencies');
    const keys = new Uint16Array(bytes.buffer, bytes.byteOffset + at, used);
    at += 2 * used + ((4 - ((2 * used) % 4)) % 4);
    const counts = u32s(used);
    const wordFrequency = new Uint32Array(KEY_SPACE);
    for (let i = 0; i < used; i++) {
      if ((keys[i] as number) >= KEY_SPACE) throw new RangeError('a word key out of range');
      wordFrequency[keys[i] as number] = counts[i] as number;
    }
    if (at !== bytes.length) throw new RangeError('bytes after the end');
    const [shingles, entities, rareWords] = blocks as [Postings, Postings, Postings];
    return { shingles, entities, rareWords, wordFrequency };
  } catch (error) {
    throw new PackError(`corpus index is malformed (${(error as Error).message}); rebuild it`);
  }
}
