import type { Reference, ReferenceMeta } from '../fingerprint/fingerprint';
import type { Hash64 } from '../fingerprint/hash';
import { SHINGLE_SIZE, WINNOW_WINDOW } from '../fingerprint/params';
import { BitReader, BitWriter, ByteReader, ByteWriter, readSortedSet, writeSortedSet } from './bits';
import { PackError } from './pack-error';
import { decodePackInfo, EMPTY_PACK_INFO, encodePackInfo, type PackInfo } from './pack-info';
import { decodePackV1 } from './pack-v1';

/**
 * The corpus pack, version 2: reference metadata and fingerprints (never article text) in one binary file whose
 * sections load straight into typed arrays. The byte layout is in the README ("Corpus pack format"); in short:
 *
 *   header (64 bytes): "FHPK", version, shingle size, winnow window, reference count, body length, section count,
 *                      SHA-256 of the body
 *   body: sections, each a 4-byte name, a 4-byte length and its bytes, padded to 4 bytes:
 *     REFS  six little-endian u32 arrays: words, simhash high and low halves (n each), and the offsets of each
 *           reference's entry in SHIN, CODE and META (n + 1 each)
 *     PUBS  the publishers, once each (varint count, then varint length + UTF-8 each)
 *     META  per reference: varint publisher number, then id, url, title, publishedAt (varint length + UTF-8 each)
 *     SHIN  per reference: varint count, then the sorted winnowed shingle hashes, Rice-coded
 *     CODE  per reference: varint sentence count, varint code count of each sentence, then each sentence's content
 *           codes as a sorted set, Rice-coded (a reference's sentences are compared as sets: the order of codes
 *           within a sentence is never read)
 *     INFO  optional: the pack's name, publisher, home page, date and refresh interval (UTF-8 JSON, see pack-info)
 *   signature (optional, 100 bytes after the body): "FHSG", an Ed25519 public key (32 bytes), and its signature
 *              (64 bytes) of SIGNED_PREFIX followed by the header, which holds the body's digest
 *
 * NOTE: PACK_VERSION must change together with anything that changes a stored value: the hash (`hash.ts`), the
 * normaliser, tokeniser and stemmer, the stop words, the parameters in `params.ts`, and this layout.
 */
export const PACK_VERSION = 2;
const MAGIC = [0x46, 0x48, 0x50, 0x4b]; // "FHPK"
const HEADER_BYTES = 64;
const DIGEST_AT = 32;
/** The body's sections: five always, in this order, then INFO when the pack says something about itself. */
type SectionName = 'REFS' | 'PUBS' | 'META' | 'SHIN' | 'CODE' | 'INFO';
const SIGNATURE_MAGIC = [0x46, 0x48, 0x53, 0x47]; // "FHSG"
const SIGNATURE_BYTES = 4 + 32 + 64;
/** What a pack's signature signs, before the header: names the purpose, so the key signs nothing else by accident. */
const SIGNED_PREFIX = 'Firsthand corpus pack signature, version 1\n';
const SHINGLE_UNIVERSE = 2 ** 32;
const CODE_UNIVERSE = 2 ** 16;

/** Longest metadata field, in UTF-16 units, a pack may hold; anything longer is a malformed or hostile pack. */
export const FIELD_LIMITS: Readonly<Record<keyof ReferenceMeta, number>> = {
  id: 512,
  url: 2048,
  publisher: 256,
  title: 1024,
  publishedAt: 64,
};

/** The SHA-256 of some bytes, as the platform computes it (node:crypto in the CLI, WebCrypto in the browser). */
export type Sha256 = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

export { PackError };

/**
 * Refuses metadata a pack must not carry: an address that is not http(s) (a `javascript:` link would become a
 * link in the popup) and oversized fields.
 */
export function checkReferenceMeta(meta: ReferenceMeta, where: string): void {
  for (const field of Object.keys(FIELD_LIMITS) as Array<keyof ReferenceMeta>) {
    const value = meta[field];
    if (typeof value !== 'string') throw new PackError(`${where}: "${field}" must be a string`);
    if (value.length > FIELD_LIMITS[field]) {
      throw new PackError(`${where}: "${field}" is ${value.length} characters long (at most ${FIELD_LIMITS[field]})`);
    }
  }
  if (meta.id === '') throw new PackError(`${where}: "id" must not be empty`);
  if (meta.url !== '' && !isWebAddress(meta.url)) {
    throw new PackError(`${where} (${meta.id}): "url" must be an http(s) address`);
  }
}

function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol);
  } catch {
    return false;
  }
}

/** Writes references into a version-2 pack one at a time, so that a million never sit in memory as objects. */
export class PackEncoder {
  private readonly words: number[] = [];
  private readonly simhashHi: number[] = [];
  private readonly simhashLo: number[] = [];
  private readonly shinOffsets: number[] = [0];
  private readonly codeOffsets: number[] = [0];
  private readonly metaOffsets: number[] = [0];
  private readonly publishers = new Map<string, number>();
  private readonly ids = new Set<string>();
  private readonly shin = new ByteWriter();
  private readonly code = new ByteWriter();
  private readonly meta = new ByteWriter();
  private readonly utf8 = new TextEncoder();

  get count(): number {
    return this.words.length;
  }

  /** Adds one reference; throws PackError (naming it) for bad metadata or a repeated id, and adds nothing then. */
  add(ref: Reference): void {
    const where = `reference ${this.count + 1}`;
    checkReferenceMeta(ref, where);
    if (this.ids.has(ref.id)) throw new PackError(`${where} repeats id ${JSON.stringify(ref.id)}`);
    this.ids.add(ref.id);
    this.words.push(ref.words);
    this.simhashHi.push(ref.simhash.hi >>> 0);
    this.simhashLo.push(ref.simhash.lo >>> 0);

    const shingles = sortedUnique(ref.shingles);
    this.shin.varint(shingles.length);
    const shinBits = new BitWriter(this.shin);
    writeSortedSet(shinBits, shingles, SHINGLE_UNIVERSE);
    shinBits.flush();
    this.shinOffsets.push(this.shin.length);

    const sentences = ref.sentences.map((codes) => sortedUnique(codes));
    this.code.varint(sentences.length);
    for (const codes of sentences) this.code.varint(codes.length);
    const codeBits = new BitWriter(this.code);
    for (const codes of sentences) writeSortedSet(codeBits, codes, CODE_UNIVERSE);
    codeBits.flush();
    this.codeOffsets.push(this.code.length);

    let publisher = this.publishers.get(ref.publisher);
    if (publisher === undefined) {
      publisher = this.publishers.size;
      this.publishers.set(ref.publisher, publisher);
    }
    this.meta.varint(publisher);
    for (const text of [ref.id, ref.url, ref.title, ref.publishedAt]) this.string(this.meta, text);
    this.metaOffsets.push(this.meta.length);
  }

  private string(out: ByteWriter, text: string): void {
    const bytes = this.utf8.encode(text);
    out.varint(bytes.length);
    out.raw(bytes);
  }

  /** The pack's bytes, with its digest field zero (see `sealPack`); `info` is written as its INFO section. */
  finish(info?: PackInfo): Uint8Array {
    const pubs = new ByteWriter();
    pubs.varint(this.publishers.size);
    for (const name of this.publishers.keys()) this.string(pubs, name);
    const refs = new ByteWriter();
    for (const list of [
      this.words,
      this.simhashHi,
      this.simhashLo,
      this.shinOffsets,
      this.codeOffsets,
      this.metaOffsets,
    ]) {
      for (const value of list) refs.u32(value);
    }
    const sections: Partial<Record<SectionName, Uint8Array>> = {
      REFS: refs.finish(),
      PUBS: pubs.finish(),
      META: this.meta.finish(),
      SHIN: this.shin.finish(),
      CODE: this.code.finish(),
    };
    if (info) sections.INFO = encodePackInfo(info);
    const names = Object.keys(sections) as SectionName[];
    const body = new ByteWriter();
    for (const name of names) {
      const data = sections[name] as Uint8Array;
      for (let i = 0; i < 4; i++) body.u8(name.charCodeAt(i));
      body.u32(data.length);
      body.raw(data);
      body.align(4);
    }
    const head = new ByteWriter();
    for (const byte of MAGIC) head.u8(byte);
    head.u8(PACK_VERSION & 0xff);
    head.u8(PACK_VERSION >> 8);
    head.u8(SHINGLE_SIZE);
    head.u8(WINNOW_WINDOW);
    head.u32(this.count);
    head.u32(body.length);
    head.u32(names.length);
    head.align(HEADER_BYTES);
    const out = new Uint8Array(HEADER_BYTES + body.length);
    out.set(head.finish().subarray(0, HEADER_BYTES));
    out.set(body.finish(), HEADER_BYTES);
    return out;
  }
}

function sortedUnique(values: ArrayLike<number>): Uint32Array {
  const sorted = Uint32Array.from(values as ArrayLike<number>).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number;
  return sorted.subarray(0, n);
}

/** The references as a version-2 pack, its digest filled in. */
export async function encodePack(
  references: Iterable<Reference>,
  sha256: Sha256,
  info?: PackInfo,
): Promise<Uint8Array> {
  const encoder = new PackEncoder();
  for (const ref of references) encoder.add(ref);
  return sealPack(encoder.finish(info), sha256);
}

/** Fills in a pack's digest (the SHA-256 of its body). */
export async function sealPack(bytes: Uint8Array, sha256: Sha256): Promise<Uint8Array> {
  bytes.set(await sha256(bytes.subarray(HEADER_BYTES)), DIGEST_AT);
  return bytes;
}

/** The digest a pack's header records (the SHA-256 of its body), as 64 hex digits. */
export function packDigest(bytes: Uint8Array): string {
  return hex(bytes.subarray(DIGEST_AT, DIGEST_AT + 32));
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Is this a version-2 pack (as opposed to a version-1 JSON pack, or something else)? */
export function isBinaryPack(bytes: Uint8Array): boolean {
  return MAGIC.every((byte, i) => bytes[i] === byte);
}

/**
 * Opens a pack of either version: a version-2 pack is checked against its digest, then its sections are viewed in
 * place; a version-1 (JSON) pack is decoded and written as version 2 in memory. Throws PackError with a message fit
 * to show a user, and never anything else, whatever the bytes.
 */
export async function openPack(bytes: Uint8Array, sha256: Sha256): Promise<ReferenceStore> {
  return readPack(await checkedVersion2(bytes, sha256));
}

/** A pack file's bytes as version 2: a version-2 file checked against its digest, a version-1 (JSON) file decoded
 * and written as version 2 (digest filled in). Throws PackError, like `openPack`. */
export async function checkedVersion2(bytes: Uint8Array, sha256: Sha256): Promise<Uint8Array> {
  if (!isBinaryPack(bytes)) {
    if (bytes[0] !== 0x7b /* { */) throw new PackError('not a corpus pack (neither version 2 nor version 1)');
    const encoder = new PackEncoder();
    for (const ref of decodePackV1(new TextDecoder().decode(bytes))) encoder.add(ref);
    return sealPack(encoder.finish(), sha256);
  }
  checkHeader(bytes);
  const expected = packDigest(bytes);
  const actual = hex(await sha256(bytes.subarray(HEADER_BYTES, HEADER_BYTES + bodyLength(bytes))));
  if (actual !== expected) throw new PackError('corpus pack is damaged: its checksum does not match its contents');
  return bytes;
}

function bodyLength(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(12, true);
}

function checkHeader(bytes: Uint8Array): void {
  if (bytes.length < HEADER_BYTES || !isBinaryPack(bytes)) throw new PackError('not a corpus pack');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== PACK_VERSION) {
    throw new PackError(
      `corpus pack version ${version} is not supported (this build reads versions 1 and ${PACK_VERSION}); rebuild the pack with this version of firsthand`,
    );
  }
  if (view.getUint8(6) !== SHINGLE_SIZE || view.getUint8(7) !== WINNOW_WINDOW) {
    throw new PackError('corpus pack was built with different fingerprint parameters; rebuild it');
  }
  const end = HEADER_BYTES + view.getUint32(12, true);
  const signed = end + SIGNATURE_BYTES === bytes.length && SIGNATURE_MAGIC.every((byte, i) => bytes[end + i] === byte);
  if (end !== bytes.length && !signed) throw new PackError('corpus pack is truncated or has bytes after its end');
}

/** The pack without its signature: header and body. */
export function unsignedPack(bytes: Uint8Array): Uint8Array {
  checkHeader(bytes);
  return bytes.subarray(0, HEADER_BYTES + bodyLength(bytes));
}

/** The bytes a pack's signature signs: SIGNED_PREFIX, then the header (whose digest covers the body). */
export function packSignedMessage(bytes: Uint8Array): Uint8Array {
  checkHeader(bytes);
  const prefix = new TextEncoder().encode(SIGNED_PREFIX);
  const message = new Uint8Array(prefix.length + HEADER_BYTES);
  message.set(prefix);
  message.set(bytes.subarray(0, HEADER_BYTES), prefix.length);
  return message;
}

/** A pack's signature as it carries it (not yet verified: see `verifyPackSignature`), or null when unsigned. */
export function packSignature(bytes: Uint8Array): { publicKey: Uint8Array; signature: Uint8Array } | null {
  const unsigned = unsignedPack(bytes);
  if (unsigned.length === bytes.length) return null;
  const at = unsigned.length + 4;
  return { publicKey: bytes.slice(at, at + 32), signature: bytes.slice(at + 32, at + 96) };
}

/** The pack with this signature after its body (any earlier signature replaced). */
export function withSignature(bytes: Uint8Array, publicKey: Uint8Array, signature: Uint8Array): Uint8Array {
  if (publicKey.length !== 32 || signature.length !== 64) throw new PackError('not an Ed25519 key and signature');
  const unsigned = unsignedPack(bytes);
  const out = new Uint8Array(unsigned.length + SIGNATURE_BYTES);
  out.set(unsigned);
  out.set(SIGNATURE_MAGIC, unsigned.length);
  out.set(publicKey, unsigned.length + 4);
  out.set(signature, unsigned.length + 36);
  return out;
}

/** Ed25519 verification as the platform does it (node:crypto in the CLI, WebCrypto in the browser). */
export type Ed25519Verify = (
  publicKey: Uint8Array,
  signature: Uint8Array,
  message: Uint8Array,
) => boolean | Promise<boolean>;

/**
 * Checks a pack's signature, if it has one: returns the signing key (raw, 32 bytes) when the signature is good,
 * null when the pack is unsigned, and throws PackError when it is signed but the signature does not verify (an
 * altered pack, or a signature copied from another pack). Check the digest first (`checkedVersion2`).
 */
export async function verifyPackSignature(bytes: Uint8Array, verify: Ed25519Verify): Promise<Uint8Array | null> {
  const found = packSignature(bytes);
  if (!found) return null;
  let good: boolean;
  try {
    good = await verify(found.publicKey, found.signature, packSignedMessage(bytes));
  } catch {
    good = false;
  }
  if (!good) throw new PackError('corpus pack: its signature does not match its contents');
  return found.publicKey;
}

/**
 * Views a version-2 pack's sections without copying them, after checking every bound a reader relies on (so that
 * a malformed pack is refused here, not met later as an out-of-range read). Does not check the digest: `openPack`
 * does, and packs built in memory have none to check.
 */
export function readPack(input: Uint8Array): ReferenceStore {
  checkHeader(input);
  // Typed-array views need 4-byte alignment; a small file read into a pooled buffer may not have it.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(8, true);
  const found = sectionsOf(bytes);
  const section = (name: SectionName): Uint8Array => {
    const data = found.get(name);
    if (!data) throw new PackError(`corpus pack has no ${name} section`);
    return data;
  };
  const refs = section('REFS');
  if (refs.length !== 4 * (3 * count + 3 * (count + 1))) throw new PackError('corpus pack: REFS has the wrong size');
  const u32 = (index: number, length: number): Uint32Array =>
    new Uint32Array(refs.buffer, refs.byteOffset + 4 * index, length);
  const store = new ReferenceStore(
    count,
    u32(0, count),
    u32(count, count),
    u32(2 * count, count),
    u32(3 * count, count + 1),
    u32(4 * count + 1, count + 1),
    u32(5 * count + 2, count + 1),
    section('SHIN'),
    section('CODE'),
    section('META'),
    readPublishers(section('PUBS')),
  );
  return store;
}

/** The body's sections by name, each bound checked (the header must have been checked). */
function sectionsOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = HEADER_BYTES + bodyLength(bytes);
  const found = new Map<string, Uint8Array>();
  let at = HEADER_BYTES;
  for (let s = 0; s < view.getUint32(16, true); s++) {
    if (at + 8 > end) throw new PackError('corpus pack: a section header runs past the end');
    const name = String.fromCharCode(...bytes.subarray(at, at + 4));
    const length = view.getUint32(at + 4, true);
    if (at + 8 + length > end) throw new PackError(`corpus pack: section ${name} runs past the end`);
    found.set(name, bytes.subarray(at + 8, at + 8 + length));
    at += 8 + length + ((4 - (length % 4)) % 4);
  }
  return found;
}

/** What a pack says about itself (its INFO section; every field '' when it has none). Throws PackError. */
export function readPackInfo(bytes: Uint8Array): PackInfo {
  checkHeader(bytes);
  const info = sectionsOf(bytes).get('INFO');
  return info ? decodePackInfo(info) : { ...EMPTY_PACK_INFO };
}

function readPublishers(bytes: Uint8Array): string[] {
  try {
    const reader = new ByteReader(bytes);
    const names: string[] = [];
    const count = reader.varint();
    if (count > bytes.length) throw new RangeError('too many publishers');
    for (let i = 0; i < count; i++) names.push(readString(reader, FIELD_LIMITS.publisher * 4));
    return names;
  } catch (error) {
    throw new PackError(`corpus pack: the publisher table is malformed (${(error as Error).message})`);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function readString(reader: ByteReader, maxBytes: number): string {
  const length = reader.varint();
  if (length > maxBytes) throw new RangeError(`a field of ${length} bytes`);
  const end = reader.offset + length;
  if (end > reader.bytes.length) throw new RangeError('a field runs past the end');
  const text = UTF8.decode(reader.bytes.subarray(reader.offset, end));
  reader.offset = end;
  return text;
}

function checkOffsets(offsets: Uint32Array, limit: number, name: string): void {
  if (offsets[0] !== 0) throw new PackError(`corpus pack: ${name} offsets do not start at 0`);
  for (let i = 1; i < offsets.length; i++) {
    if ((offsets[i] as number) < (offsets[i - 1] as number))
      throw new PackError(`corpus pack: ${name} offsets go back`);
  }
  if ((offsets[offsets.length - 1] as number) > limit) throw new PackError(`corpus pack: ${name} offsets run past it`);
}

/**
 * A pack's references as stored, struct-of-arrays over the pack's own bytes: no object per reference. Metadata and
 * sentences are decoded only for the references a verdict needs (the few candidates of a page).
 */
export class ReferenceStore {
  constructor(
    readonly count: number,
    readonly words: Uint32Array,
    readonly simhashHi: Uint32Array,
    readonly simhashLo: Uint32Array,
    private readonly shinOffsets: Uint32Array,
    private readonly codeOffsets: Uint32Array,
    private readonly metaOffsets: Uint32Array,
    private readonly shin: Uint8Array,
    private readonly code: Uint8Array,
    private readonly meta: Uint8Array,
    private readonly publishers: readonly string[],
  ) {
    checkOffsets(shinOffsets, shin.length, 'SHIN');
    checkOffsets(codeOffsets, code.length, 'CODE');
    checkOffsets(metaOffsets, meta.length, 'META');
  }

  simhash(i: number): Hash64 {
    return { hi: this.simhashHi[i] as number, lo: this.simhashLo[i] as number };
  }

  /** Throws PackError naming the reference when its entry cannot be decoded. */
  metaOf(i: number): ReferenceMeta {
    try {
      const reader = new ByteReader(this.meta.subarray(0, this.metaOffsets[i + 1]), this.metaOffsets[i]);
      const publisher = this.publishers[reader.varint()];
      if (publisher === undefined) throw new RangeError('no such publisher');
      const id = readString(reader, FIELD_LIMITS.id * 4);
      const url = readString(reader, FIELD_LIMITS.url * 4);
      const title = readString(reader, FIELD_LIMITS.title * 4);
      const publishedAt = readString(reader, FIELD_LIMITS.publishedAt * 4);
      return { id, url, publisher, title, publishedAt };
    } catch (error) {
      throw this.damaged(i, 'metadata', error);
    }
  }

  shingleCount(i: number): number {
    try {
      return new ByteReader(this.shin.subarray(0, this.shinOffsets[i + 1]), this.shinOffsets[i]).varint();
    } catch (error) {
      throw this.damaged(i, 'shingles', error);
    }
  }

  shingles(i: number): Uint32Array {
    const end = this.shinOffsets[i + 1] as number;
    try {
      const reader = new ByteReader(this.shin.subarray(0, end), this.shinOffsets[i]);
      const count = reader.varint();
      if (count > 8 * (end - reader.offset)) throw new RangeError('more values than bits');
      const values = new Uint32Array(count);
      readSortedSet(new BitReader(this.shin, reader.offset, end), count, SHINGLE_UNIVERSE, values);
      return values;
    } catch (error) {
      throw this.damaged(i, 'shingles', error);
    }
  }

  /** Content-word codes of each sentence, each sentence's codes in ascending order. */
  sentences(i: number): Uint16Array[] {
    const end = this.codeOffsets[i + 1] as number;
    try {
      const reader = new ByteReader(this.code.subarray(0, end), this.codeOffsets[i]);
      const count = reader.varint();
      if (count > end - reader.offset) throw new RangeError('more sentences than bytes');
      const lengths: number[] = [];
      let total = 0;
      for (let s = 0; s < count; s++) {
        const length = reader.varint();
        lengths.push(length);
        total += length;
      }
      if (total > 8 * (end - reader.offset)) throw new RangeError('more codes than bits');
      const all = new Uint16Array(total);
      const bits = new BitReader(this.code, reader.offset, end);
      const sentences: Uint16Array[] = [];
      let at = 0;
      for (const length of lengths) {
        readSortedSet(bits, length, CODE_UNIVERSE, all, at);
        sentences.push(all.subarray(at, at + length));
        at += length;
      }
      return sentences;
    } catch (error) {
      throw this.damaged(i, 'content codes', error);
    }
  }

  /** Reference `i` in full, as `fingerprintText` made it (for merging, converting and exporting packs). */
  reference(i: number): Reference {
    return {
      ...this.metaOf(i),
      words: this.words[i] as number,
      simhash: this.simhash(i),
      shingles: this.shingles(i),
      sentences: this.sentences(i),
    };
  }

  /** Decodes every entry and checks its metadata: what importing or subscribing to a pack does once, so that a
   * malformed or hostile pack is refused whole before anything of it is kept. */
  validateAll(): void {
    const ids = new Set<string>();
    for (let i = 0; i < this.count; i++) {
      const meta = this.metaOf(i);
      checkReferenceMeta(meta, `corpus pack: reference ${i + 1}`);
      if (ids.has(meta.id))
        throw new PackError(`corpus pack: reference ${i + 1} repeats id ${JSON.stringify(meta.id)}`);
      ids.add(meta.id);
      this.shingles(i);
      this.sentences(i);
    }
  }

  private damaged(i: number, what: string, error: unknown): PackError {
    if (error instanceof PackError) return error;
    return new PackError(`corpus pack: reference ${i + 1}: ${what} cannot be decoded (${(error as Error).message})`);
  }
}
