import { createHash, generateKeyPairSync, sign, verify, createPublicKey } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  buildSegmentIndex,
  CorpusIndex,
  encodeBase64,
  encodePack,
  encodeSegmentIndex,
  fingerprintText,
  openPack,
  PackEncoder,
  packDigest,
  PackError,
  readPack,
  readSegmentIndex,
  sealPack,
  packSignedMessage,
  readPackInfo,
  verifyPackSignature,
  withSignature,
  type Ed25519Verify,
  type Reference,
} from '../../src/core';
import { INDEPENDENT_PARAGRAPHS, ORIGINAL, ORIGINAL_PARAGRAPHS, REWRITE_TEXT } from '../fixtures/story';

const sha256 = (data: Uint8Array): Uint8Array => createHash('sha256').update(data).digest();
const ref: Reference = { id: 'courier', ...ORIGINAL, ...fingerprintText(ORIGINAL_PARAGRAPHS.join('\n')) };
/** A reference as a pack gives it back: each sentence's codes as a sorted set (their order is never read). */
const asStored = (r: Reference): Reference => ({
  ...r,
  shingles: Uint32Array.from(new Set(r.shingles)).sort(),
  sentences: r.sentences.map((s) => Uint16Array.from(new Set(s)).sort()),
});

async function reopened(bytes: Uint8Array): Promise<Reference[]> {
  const store = await openPack(bytes, sha256);
  return Array.from({ length: store.count }, (_, i) => store.reference(i));
}

/** A version-1 (JSON) pack, written the way version 1 of `firsthand corpus build` wrote it. */
function v1Pack(refs: readonly Reference[]): string {
  const be = (values: ArrayLike<number>, width: 2 | 4): string => {
    const bytes = new Uint8Array(values.length * width);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < values.length; i++) {
      if (width === 4) view.setUint32(i * 4, values[i] as number);
      else view.setUint16(i * 2, values[i] as number);
    }
    return encodeBase64(bytes);
  };
  return JSON.stringify({
    format: 'firsthand-corpus',
    version: 1,
    shingleSize: 5,
    winnowWindow: 12,
    references: refs.map((r) => ({
      id: r.id,
      url: r.url,
      publisher: r.publisher,
      title: r.title,
      publishedAt: r.publishedAt,
      words: r.words,
      simhash: r.simhash.hi.toString(16).padStart(8, '0') + r.simhash.lo.toString(16).padStart(8, '0'),
      shingles: be(r.shingles, 4),
      content: be(
        r.sentences.flatMap((s) => [...s, 0]),
        2,
      ),
    })),
  });
}

describe('corpus pack, version 2', () => {
  test('round trip keeps every field and fingerprint', async () => {
    expect(await reopened(await encodePack([ref], sha256))).toEqual([asStored(ref)]);
  });

  test('holds no article text, and takes under three quarters of what version 1 took', async () => {
    // 780 bytes against 1,136 for this 318-word story (header and metadata weigh most in so short a pack).
    const bytes = await encodePack([ref], sha256);
    expect(Buffer.from(bytes).includes('Kesterine')).toBe(false);
    expect(bytes.length).toBeLessThan(0.75 * Buffer.byteLength(v1Pack([ref])));
  });

  test('round trip of any references (property)', async () => {
    const code = fc.integer({ min: 1, max: 0xffff });
    const reference = fc.record({
      id: fc.string({ minLength: 1, maxLength: 40 }),
      url: fc.constantFrom('', 'https://example.com/a', 'http://news.example/x?y=1'),
      publisher: fc.string({ maxLength: 30 }),
      title: fc.string({ maxLength: 80 }),
      publishedAt: fc.constantFrom('', '2026-05-12', '2015-07-10 09:53:00 -0400'),
      words: fc.nat({ max: 1_000_000 }),
      simhash: fc.record({ hi: fc.nat({ max: 0xffffffff }), lo: fc.nat({ max: 0xffffffff }) }),
      shingles: fc.uniqueArray(fc.nat({ max: 0xffffffff }), { maxLength: 300 }).map((a) => Uint32Array.from(a).sort()),
      sentences: fc.array(
        fc.uniqueArray(code, { maxLength: 40 }).map((a) => Uint16Array.from(a)),
        { maxLength: 30 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(reference, { selector: (r) => r.id, maxLength: 5 }), async (refs) => {
        expect(await reopened(await encodePack(refs, sha256))).toEqual(refs.map(asStored));
      }),
      { numRuns: 60 },
    );
  });

  test('a version-1 pack still opens, with the same references', async () => {
    const text = v1Pack([ref]);
    expect(await reopened(new TextEncoder().encode(text))).toEqual([asStored(ref)]);
  });

  test.each([
    ['not a pack', () => new TextEncoder().encode('hello'), /not a corpus pack/],
    [
      'JSON of another kind',
      () => new TextEncoder().encode('{"format":"something-else","version":1}'),
      /"format" must be/,
    ],
    [
      'a future version-1 number',
      () => new TextEncoder().encode('{"format":"firsthand-corpus","version":7}'),
      /version 7 is not supported/,
    ],
  ])('%s is refused', async (_, bytes, message) => {
    await expect(openPack(bytes(), sha256)).rejects.toThrow(message);
  });

  describe('damage and tampering', () => {
    const good = (): Promise<Uint8Array> => encodePack([ref], sha256);

    test('a changed byte in the body fails the checksum', async () => {
      const bytes = await good();
      bytes[bytes.length - 10]! ^= 0x01;
      await expect(openPack(bytes, sha256)).rejects.toThrow(/checksum does not match/);
    });

    test('a truncated pack is refused', async () => {
      const bytes = await good();
      await expect(openPack(bytes.subarray(0, bytes.length - 8), sha256)).rejects.toThrow(/truncated/);
    });

    test('another format version is refused with what to do', async () => {
      const bytes = await good();
      bytes[4] = 3;
      await expect(openPack(bytes, sha256)).rejects.toThrow(/version 3 is not supported .*rebuild the pack/);
    });

    test('other fingerprint parameters are refused', async () => {
      const bytes = await good();
      bytes[6] = 4;
      await expect(openPack(bytes, sha256)).rejects.toThrow(/different fingerprint parameters/);
    });

    test('offsets that point outside their section are refused even with a matching checksum', async () => {
      const bytes = await good();
      // REFS starts after the 64-byte header and its 8-byte section header; the SHIN offsets are its 4th array.
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      view.setUint32(64 + 8 + 4 * 3 + 4, 0xffffff, true);
      await expect(openPack(await sealPack(bytes, sha256), sha256)).rejects.toThrow(/SHIN offsets/);
    });

    test('a garbled content stream with a matching checksum is refused by validation, and skipped by a verdict', async () => {
      const bytes = await good();
      const code = Buffer.from(bytes).indexOf('CODE');
      bytes.fill(0xff, code + 8 + 2, code + 8 + 40); // unary runs that never end, values past 2^16
      const store = await openPack(await sealPack(bytes, sha256), sha256);
      expect(() => store.validateAll()).toThrow(PackError);
      expect(() => store.validateAll()).toThrow(/reference 1: content codes cannot be decoded/);
    });
  });

  describe('metadata a pack must not carry', () => {
    test.each([
      ['a javascript: link', { url: 'javascript:alert(1)' }, /"url" must be an http\(s\) address/],
      ['a data: link', { url: 'data:text/html,hi' }, /"url" must be an http\(s\) address/],
      ['an oversized title', { title: 'x'.repeat(5000) }, /"title" is 5000 characters long/],
      ['an empty id', { id: '' }, /"id" must not be empty/],
    ])('%s is refused when writing', (_, change, message) => {
      expect(() => new PackEncoder().add({ ...ref, ...change })).toThrow(message);
    });

    test('a repeated id is refused', () => {
      const encoder = new PackEncoder();
      encoder.add(ref);
      expect(() => encoder.add(ref)).toThrow(/reference 2 repeats id "courier"/);
    });

    test('a javascript: link smuggled into a sealed pack is refused by validation', async () => {
      const bytes = await encodePack([{ ...ref, url: 'https://aaaaaaaaaaa.example/' }], sha256);
      const at = Buffer.from(bytes).indexOf('https://aaaaaaaaaaa.example/');
      bytes.set(new TextEncoder().encode('javascript:alert(1)//xxxxxxxx'.slice(0, 28)), at);
      const store = await openPack(await sealPack(bytes, sha256), sha256);
      expect(() => store.validateAll()).toThrow(/"url" must be an http\(s\) address/);
    });
  });
});

describe('the index beside a pack', () => {
  const refs: Reference[] = [
    ref,
    ...INDEPENDENT_PARAGRAPHS.map((p, i) => ({
      id: `other-${i}`,
      url: `https://other${i}.example/a`,
      publisher: `Other ${i}`,
      title: '',
      publishedAt: '',
      ...fingerprintText(`${p}\n${REWRITE_TEXT.slice(0, 60 * i)}`),
    })),
  ];

  test('written and read back, it finds the same candidates as one built in memory', async () => {
    const bytes = await encodePack(refs, sha256);
    const store = readPack(bytes);
    const built = buildSegmentIndex(store);
    const saved = readSegmentIndex(encodeSegmentIndex(built, store.count, packDigest(bytes)), store.count);
    const page = fingerprintText(REWRITE_TEXT);
    const pageShingles = [...page.shingles];
    const pageSentences = page.sentences.map((s) => [...s]);
    const fromBuilt = new CorpusIndex();
    fromBuilt.addSegment(store, built);
    const fromSaved = new CorpusIndex();
    fromSaved.addSegment(store, saved);
    expect(fromSaved.candidates(pageShingles, pageSentences)).toEqual(
      fromBuilt.candidates(pageShingles, pageSentences),
    );
    expect(fromBuilt.candidates(pageShingles, pageSentences)[0]?.index).toBe(0);
  });

  test('an index whose codes are all read through pairs round-trips too', async () => {
    const bytes = await encodePack(refs, sha256);
    const store = readPack(bytes);
    const built = buildSegmentIndex(store, 0);
    const saved = readSegmentIndex(encodeSegmentIndex(built, store.count, packDigest(bytes)), store.count);
    expect(saved.scanLimit).toBe(0);
    expect(saved.pairs.size).toBe(built.pairs.size);
    expect(saved.pairs.size).toBeGreaterThan(0);
    expect(saved.entities.size).toBe(0); // every name and number unread: no list of its own
    const sentences = fingerprintText(REWRITE_TEXT).sentences.map((codes) => [...codes]);
    const fromBuilt = new CorpusIndex();
    fromBuilt.addSegment(store, built);
    const fromSaved = new CorpusIndex();
    fromSaved.addSegment(store, saved);
    expect(fromSaved.candidates([], sentences)).toEqual(fromBuilt.candidates([], sentences));
    expect(fromSaved.candidates([], sentences).map((c) => c.index)).toContain(0);
  });

  test('an index of the earlier format is refused, to be built again', async () => {
    const bytes = await encodePack(refs, sha256);
    const store = readPack(bytes);
    const saved = encodeSegmentIndex(buildSegmentIndex(store), store.count, packDigest(bytes));
    saved[4] = 1;
    expect(() => readSegmentIndex(saved, store.count)).toThrow(/version is not supported; rebuild it/);
  });

  test('an index for another pack, or a damaged one, is refused', async () => {
    const bytes = await encodePack(refs, sha256);
    const store = readPack(bytes);
    const saved = encodeSegmentIndex(buildSegmentIndex(store), store.count, packDigest(bytes));
    expect(() => readSegmentIndex(saved, store.count + 1)).toThrow(/for another pack/);
    const damaged = saved.slice();
    new DataView(damaged.buffer).setUint32(64 + 16 + 4, 0xfffffff, true); // a bucket offset far past the end
    expect(() => readSegmentIndex(damaged, store.count)).toThrow(/corpus index is malformed/);
  });
});

describe('pack information and signatures', () => {
  const info = {
    name: 'Courier archive',
    publisher: 'Harlow Courier',
    homepage: '',
    created: '2026-11-30T08:00:00Z',
    expires: '2 days',
  };
  const keys = generateKeyPairSync('ed25519');
  const raw = (key = keys.publicKey): Uint8Array =>
    new Uint8Array(Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url'));
  const nodeVerify: Ed25519Verify = (publicKey, signature, message) =>
    verify(
      null,
      message,
      createPublicKey({
        key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
        format: 'jwk',
      }),
      signature,
    );
  const signed = async (): Promise<Uint8Array> => {
    const bytes = await encodePack([ref], sha256, info);
    return withSignature(bytes, raw(), new Uint8Array(sign(null, packSignedMessage(bytes), keys.privateKey)));
  };

  test('INFO is read back, covered by the digest, and absent from a pack without it', async () => {
    const bytes = await encodePack([ref], sha256, info);
    expect(readPackInfo(bytes)).toEqual(info);
    expect(readPackInfo(await encodePack([ref], sha256)).name).toBe('');
    expect(await reopened(bytes)).toEqual([asStored(ref)]);
    // The INFO section sits in the body: changing its text breaks the digest.
    const at = Buffer.from(bytes).indexOf('Courier archive');
    const altered = Uint8Array.from(bytes);
    altered[at] = 'K'.charCodeAt(0);
    await expect(openPack(altered, sha256)).rejects.toThrow(/checksum does not match/);
  });

  test('hostile information is refused when written', async () => {
    await expect(encodePack([ref], sha256, { ...info, homepage: 'javascript:alert(1)' })).rejects.toThrow(PackError);
    await expect(encodePack([ref], sha256, { ...info, name: 'x'.repeat(500) })).rejects.toThrow(/at most 120/);
  });

  test('a signed pack opens, names its key, and any change to it or its signature is refused', async () => {
    const bytes = await signed();
    expect(await reopened(bytes)).toEqual([asStored(ref)]);
    expect(await verifyPackSignature(bytes, nodeVerify)).toEqual(raw());
    expect(await verifyPackSignature(await encodePack([ref], sha256), nodeVerify)).toBeNull();
    const badSignature = Uint8Array.from(bytes);
    badSignature[bytes.length - 5]! ^= 0x10;
    await expect(verifyPackSignature(badSignature, nodeVerify)).rejects.toThrow(/signature does not match/);
    // Another key's signature moved onto this pack: refused (the key inside no longer matches the signature).
    const other = generateKeyPairSync('ed25519');
    const swapped = withSignature(bytes, raw(other.publicKey), bytes.slice(bytes.length - 64));
    await expect(verifyPackSignature(swapped, nodeVerify)).rejects.toThrow(/signature does not match/);
    // A trailer that is not a signature is bytes after the end.
    const junk = new Uint8Array(bytes.length);
    junk.set(bytes);
    junk[bytes.length - 100] = 0;
    expect(() => readPack(junk)).toThrow(/bytes after its end/);
  });
});
