import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSegmentIndex,
  CorpusIndex,
  EMPTY_PACK_INFO,
  encodeSegmentIndex,
  indexedPackDigest,
  isBinaryPack,
  openPack,
  PackEncoder,
  packDigest,
  PackError,
  readPack,
  readPackInfo,
  readSegmentIndex,
  sealPack,
  verifyPackSignature,
  type PackInfo,
  type Reference,
  type ReferenceStore,
  type SegmentIndex,
} from '../core';
import { CliError } from './cli-error';
import { describeFsError } from './load-page';
import { nodeVerify, signPack, type SigningKey } from './pack-signing';

/**
 * Pack files on disk: `PACK` (the references, version 2) and `PACK.idx` beside it (the candidate index, built ahead
 * of time, tied to the pack by the pack's digest). A pack without an up-to-date index beside it still opens: its
 * index is built in memory, and large packs say how to save it.
 */
export const sha256 = (data: Uint8Array): Uint8Array => createHash('sha256').update(data).digest();

/** Packs with at least this many references say so when they open without a saved index (it takes seconds). */
const INDEX_HINT_MIN_REFERENCES = 10_000;

/** The pack shipped in the repository (reference-corpus/), found upwards from the built CLI (dist/cli/, or the
 * chunk folder below it). */
function bundledPackPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    const candidate = resolve(dir, 'reference-corpus', 'corpus.pack');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'reference-corpus', 'corpus.pack');
}

export function indexPathOf(pack: string): string {
  return `${pack}.idx`;
}

export interface OpenedPack {
  path: string;
  store: ReferenceStore;
  /** The digest in the pack's header (the SHA-256 of its body). */
  digest: string;
  version: 1 | 2;
  bytes: number;
  /** The file's bytes, as read. */
  data: Uint8Array;
  /** What the pack says about itself (every field '' when it says nothing). */
  info: PackInfo;
  /** The key that signed it (base64 of the raw Ed25519 key; the signature is verified), or null when unsigned. */
  signedBy: string | null;
}

/** Reads and checks a pack file of either version; errors are CliErrors naming the file. */
export async function readPackFile(path: string): Promise<OpenedPack> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError(`cannot read corpus pack ${path}: ${describeFsError(error)}`);
  }
  try {
    const version = isBinaryPack(bytes) ? 2 : 1;
    const store = await openPack(bytes, sha256);
    if (version === 1) {
      const info = { ...EMPTY_PACK_INFO };
      return { path, store, digest: '', version, bytes: bytes.length, data: bytes, info, signedBy: null };
    }
    const key = await verifyPackSignature(bytes, nodeVerify);
    return {
      path,
      store,
      digest: packDigest(bytes),
      version,
      bytes: bytes.length,
      data: bytes,
      info: readPackInfo(bytes),
      signedBy: key ? Buffer.from(key).toString('base64') : null,
    };
  } catch (error) {
    if (error instanceof PackError) throw new CliError(`${path}: ${error.message}`);
    throw error;
  }
}

/** The saved index beside a pack when it was built from this very pack; null otherwise. */
async function savedIndex(pack: OpenedPack): Promise<SegmentIndex | null> {
  if (pack.version !== 2) return null;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(indexPathOf(pack.path));
  } catch {
    return null;
  }
  if (indexedPackDigest(bytes) !== pack.digest) return null;
  try {
    return readSegmentIndex(bytes, pack.store.count);
  } catch {
    return null; // a damaged index is rebuilt, never trusted
  }
}

/** The corpus of one pack file (the bundled one without a path), with its index. */
export async function loadCorpus(
  path: string | undefined,
  warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<{ index: CorpusIndex; path: string }> {
  const file = path ?? bundledPackPath();
  const pack = await readPackFile(file);
  if (pack.version === 1) {
    warn(
      `firsthand: ${file} is a version-1 pack; it opens, but convert it once: firsthand corpus convert ${file} --out NEW.pack`,
    );
  }
  let index = await savedIndex(pack);
  if (!index) {
    const started = performance.now();
    index = buildSegmentIndex(pack.store);
    if (pack.store.count >= INDEX_HINT_MIN_REFERENCES) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      warn(
        `firsthand: indexed ${pack.store.count} references of ${file} in ${seconds} s; save the index with: firsthand corpus index ${file}`,
      );
    }
  }
  const corpus = new CorpusIndex();
  corpus.addSegment(pack.store, index, file);
  return { index: corpus, path: file };
}

/** Writes a file through a temporary name, so that a failed write leaves the old file as it was. */
async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

/** Writes the index of an opened version-2 pack beside it. */
export async function writeIndexFile(
  pack: OpenedPack,
  index: SegmentIndex = buildSegmentIndex(pack.store),
): Promise<number> {
  const bytes = encodeSegmentIndex(index, pack.store.count, pack.digest);
  await writeAtomically(indexPathOf(pack.path), bytes);
  return bytes.length;
}

export interface PackWriteOptions {
  /** What the pack says about itself (its INFO section). */
  info?: PackInfo;
  /** Sign it with this key. */
  key?: SigningKey;
}

/** Writes references as a version-2 pack and its index beside it; returns the pack's size in bytes. */
export async function writePackFile(
  path: string,
  references: Iterable<Reference>,
  options: PackWriteOptions = {},
): Promise<{ bytes: number; count: number }> {
  const encoder = new PackEncoder();
  let bytes: Uint8Array;
  try {
    for (const ref of references) encoder.add(ref);
    bytes = await sealPack(encoder.finish(options.info), sha256);
    if (options.key) bytes = signPack(bytes, options.key);
  } catch (error) {
    if (error instanceof PackError) throw new CliError(error.message);
    throw error;
  }
  await writeAtomically(path, bytes);
  await writeIndexFile(openedInMemory(path, bytes));
  return { bytes: bytes.length, count: encoder.count };
}

/** Writes a pack's bytes as they are (a pack just signed), and its index beside it. */
export async function writePackBytes(path: string, bytes: Uint8Array): Promise<void> {
  await writeAtomically(path, bytes);
  await writeIndexFile(openedInMemory(path, bytes));
}

function openedInMemory(path: string, bytes: Uint8Array): OpenedPack {
  return {
    path,
    store: readPack(bytes),
    digest: packDigest(bytes),
    version: 2,
    bytes: bytes.length,
    data: bytes,
    info: readPackInfo(bytes),
    signedBy: null,
  };
}
