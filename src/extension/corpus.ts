import { CorpusIndex, decodeBase64, openPack, PackError, type Sha256 } from '../core';
import bundledPack from '../../reference-corpus/corpus.pack?inline';
import browser from './browser';
import type { ImportedPackInfo, SearchedCorpus } from './messages';

/**
 * The corpus the background holds: the bundled pack (inlined in the worker) plus the packs the user imported in the
 * options page (kept in storage.local as base64, so they survive a restart), each a segment of one CorpusIndex.
 * Built once per worker life and changed by adding or removing one segment, never rebuilt per page.
 */
interface StoredPack extends ImportedPackInfo {
  /** The pack file, base64. */
  data: string;
}

const PACKS_KEY = 'packs';
let index: Promise<Corpus> | undefined;

/** The corpus, and what it holds, corpus by corpus (shown beside every verdict). */
export interface Corpus {
  index: CorpusIndex;
  searched: SearchedCorpus[];
}

/** SHA-256 from WebCrypto, which every extension context has. */
export const webSha256: Sha256 = async (data) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));

export function corpus(): Promise<Corpus> {
  index ??= build();
  return index;
}

function bytesOfDataUrl(url: string): Uint8Array {
  const bytes = decodeBase64(url.slice(url.indexOf(',') + 1));
  if (!bytes) throw new Error('the bundled pack is not inlined as base64');
  return bytes;
}

async function build(): Promise<Corpus> {
  const index = new CorpusIndex();
  const bundled = await openPack(bytesOfDataUrl(bundledPack), webSha256);
  index.addSegment(bundled, undefined, 'bundled');
  const searched: SearchedCorpus[] = [{ name: 'bundled', references: bundled.count }];
  for (const pack of await storedPacks()) {
    try {
      const bytes = decodeBase64(pack.data);
      if (!bytes) continue;
      const store = await openPack(bytes, webSha256);
      index.addSegment(store, undefined, pack.id);
      searched.push({ name: `imported “${pack.name}”`, references: store.count });
    } catch {
      // A pack was validated when imported; one that no longer opens (an older format) is skipped, not fatal.
    }
  }
  return { index, searched };
}

async function storedPacks(): Promise<StoredPack[]> {
  const stored = await browser.storage.local.get(PACKS_KEY);
  const packs = stored[PACKS_KEY];
  return Array.isArray(packs) ? (packs as StoredPack[]).filter((p) => typeof p?.data === 'string') : [];
}

export async function listPacks(): Promise<ImportedPackInfo[]> {
  return (await storedPacks()).map(({ data: _data, ...info }) => info);
}

/** Validates a pack file (base64) whole and stores it; throws PackError (with a message for the user) and changes
 * nothing when it is bad. */
export async function importPack(name: string, data: string): Promise<ImportedPackInfo> {
  const bytes = decodeBase64(data);
  if (!bytes) throw new PackError('the file could not be read');
  const store = await openPack(bytes, webSha256);
  store.validateAll();
  if (store.count === 0) throw new PackError('the pack holds no references');
  const packs = await storedPacks();
  const info: ImportedPackInfo = {
    id: `pack-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name,
    references: store.count,
    bytes: bytes.length,
    importedAt: new Date().toISOString(),
  };
  await browser.storage.local.set({ [PACKS_KEY]: [...packs, { ...info, data }] });
  index = undefined;
  return info;
}

export async function removePack(id: string): Promise<void> {
  const packs = await storedPacks();
  await browser.storage.local.set({ [PACKS_KEY]: packs.filter((p) => p.id !== id) });
  index = undefined;
}
