import { describe, expect, test } from 'vitest';
import { fnv1a64, fnv1a64Words, fromHex64, hash32, toHex64 } from '../../src/core/fingerprint/hash';
import { popcount32 } from '../../src/core/fingerprint/popcount';
import { hammingDistance, simhash } from '../../src/core/fingerprint/simhash';
import { analyzeText } from '../../src/core/fingerprint/analyze';
import { winnow } from '../../src/core/fingerprint/winnow';
import { SHINGLE_SIZE, WINNOW_WINDOW } from '../../src/core/fingerprint/params';
import { INDEPENDENT_PARAGRAPHS, ORIGINAL_PARAGRAPHS, REWRITE_TEXT } from '../fixtures/story';

describe('fnv1a64', () => {
  // Published FNV-1a 64-bit test vectors.
  test.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('%j -> %s', (input, hex) => {
    expect(toHex64(fnv1a64(input))).toBe(hex);
  });

  /** FNV-1a 64 written the textbook way, with BigInt over Node's own UTF-8 encoding: the engine's two-halves version
   * and its hand-rolled UTF-8 must agree with it byte for byte. */
  const fnvOfBytes = (bytes: Iterable<number>): string => {
    let h = 0xcbf29ce484222325n;
    for (const byte of bytes) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
    return h.toString(16).padStart(16, '0');
  };
  const reference = (text: string): string => fnvOfBytes(Buffer.from(text, 'utf8'));

  test.each(['é', 'naïve café', '中文新闻', '😀', 'a😀b', 'ß\u0301'])('hashes the UTF-8 bytes of %j', (text) => {
    expect(toHex64(fnv1a64(text))).toBe(reference(text));
  });

  test('a lone surrogate is hashed as its own three bytes (WTF-8), where UTF-8 encoders write U+FFFD', () => {
    // Pinned, not chosen: stored fingerprints depend on it, and a change here needs a pack version bump.
    expect(toHex64(fnv1a64('a\ud800'))).toBe(fnvOfBytes([0x61, 0xed, 0xa0, 0x80]));
    expect(toHex64(fnv1a64('a\ud800'))).not.toBe(reference('a\ud800'));
  });

  test('hex round trip', () => {
    expect(toHex64(fromHex64('0123456789abcdef'))).toBe('0123456789abcdef');
    expect(() => fromHex64('xyz')).toThrow(/64-bit hex/);
  });
});

describe('hamming distance', () => {
  test.each([
    [0xdeadbeef, 0xdeadbead, 2],
    [0xffffffff, 0, 32],
    [0, 0, 0],
  ])('popcount32(%i ^ %i) = %i', (a, b, bits) => {
    expect(popcount32(a ^ b)).toBe(bits);
  });

  test('counts each differing bit once across both halves', () => {
    expect(hammingDistance({ hi: 0xdeadbeef, lo: 0 }, { hi: 0xdeadbead, lo: 0 })).toBe(2);
    expect(hammingDistance({ hi: 0, lo: 1 }, { hi: 1, lo: 0 })).toBe(2);
    expect(hammingDistance({ hi: 0xffffffff, lo: 0xffffffff }, { hi: 0, lo: 0 })).toBe(64);
  });
});

describe('simhash', () => {
  test('golden fingerprint: any change to normalising, tokenising, shingling or hashing shows here', () => {
    // NOTE: if this changes on purpose, bump PACK_VERSION and rebuild reference-corpus/.
    expect(toHex64(analyzeText('The quick brown fox jumps over the lazy dog near the river bank.').simhash)).toBe(
      '91c992bfe19bb0d2',
    );
    expect(hash32('the quick brown fox jumps')).toBe(1227387538);
  });

  test('orders pairs: repost closer than rewrite, rewrite closer than unrelated', () => {
    const original = ORIGINAL_PARAGRAPHS.join('\n');
    const a = analyzeText(original).simhash;
    const repost = analyzeText(['Share this:', ...ORIGINAL_PARAGRAPHS, 'Related posts'].join('\n')).simhash;
    const rewrite = analyzeText(REWRITE_TEXT).simhash;
    const other = analyzeText(INDEPENDENT_PARAGRAPHS.join('\n')).simhash;
    expect(hammingDistance(a, repost)).toBeLessThan(8);
    expect(hammingDistance(a, repost)).toBeLessThan(hammingDistance(a, rewrite));
    expect(hammingDistance(a, rewrite)).toBeGreaterThan(16);
    expect(hammingDistance(a, other)).toBeGreaterThan(16);
  });

  test('an empty feature list gives zero', () => {
    expect(simhash([])).toEqual({ hi: 0, lo: 0 });
  });
});

describe('winnowing', () => {
  test('keeps the minimum of every window, rightmost on ties', () => {
    expect(winnow([5, 3, 9, 3, 7, 8, 1], 3).hashes).toEqual([3, 3, 1]);
    expect(winnow([5, 3, 9, 3, 7, 8, 1], 3).positions).toEqual([1, 3, 6]);
  });

  test('two texts sharing a run of window + shingle - 1 words share a kept hash from it', () => {
    const run = ORIGINAL_PARAGRAPHS[3]!
      .split(' ')
      .slice(0, WINNOW_WINDOW + SHINGLE_SIZE - 1)
      .join(' ');
    const a = analyzeText(`${INDEPENDENT_PARAGRAPHS[0]} ${run} ${INDEPENDENT_PARAGRAPHS[1]}`);
    const b = analyzeText(`${REWRITE_TEXT.slice(0, 300)} ${run} ${INDEPENDENT_PARAGRAPHS[4]}`);
    const shared = a.winnowed.hashes.filter((h) => b.winnowed.hashes.includes(h));
    expect(shared.length).toBeGreaterThan(0);
  });

  test('keeps about 2 / (window + 1) of the shingles', () => {
    const analysis = analyzeText(ORIGINAL_PARAGRAPHS.join('\n'));
    const density = analysis.winnowed.hashes.length / analysis.shingles.length;
    expect(density).toBeGreaterThan(1 / (WINNOW_WINDOW + 1));
    expect(density).toBeLessThan(3 / (WINNOW_WINDOW + 1));
  });
});

describe('fnv1a64Words', () => {
  test.each([
    [['the', 'council', 'approved', 'a', 'floodwall'], 0, 5],
    [['naïve', 'café', '中文', '😀', 'x'], 1, 4],
    [['a'], 0, 1],
  ])('hashes %j from %i, %i words, as the joined string would be', (words, start, count) => {
    expect(toHex64(fnv1a64Words(words, start, count))).toBe(
      toHex64(fnv1a64(words.slice(start, start + count).join(' '))),
    );
  });
});
