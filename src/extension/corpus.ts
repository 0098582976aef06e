import {
  buildSegmentIndex,
  checkedVersion2,
  CorpusIndex,
  decodeBase64,
  encodeSegmentIndex,
  openPack,
  packDigest,
  PackError,
  readPack,
  readSegmentIndex,
  type Sha256,
} from '../core';
import bundledPack from '../../reference-corpus/corpus.pack?inline';
import browser from './browser';
import type { ImportedPackInfo, SearchedCorpus } from './messages';
import { allPacks, deletePack, putPack, type PackRecord } from './pack-store';

/**
 * The corpus the background holds: the bundled pack (inlined in the worker) plus the packs the reader imported
 * (kept in IndexedDB with their indexes), each a segment of one CorpusIndex. Built once per worker life, from views
 * of stored bytes (no index is rebuilt at a worker start), and changed only when a pack is imported or removed.
 */
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

/** Forget the corpus: the next verdict builds it again from what is stored (after an import or a removal). */
export function corpusChanged(): void {
  index = undefined;
}

function bytesOfDataUrl(url: string): Uint8Array {
  const bytes = decodeBase64(url.slice(url.indexOf(',') + 1));
  if (!bytes) throw new Error('the bundled pack is not inlined as base64');
  return bytes;
}

async function build(): Promise<Corpus> {
  await migrateStorageLocalPacks();
  const corpus = new CorpusIndex();
  const bundled = await openPack(bytesOfDataUrl(bundledPack), webSha256);
  corpus.addSegment(bundled, undefined, 'bundled');
  const searched: SearchedCorpus[] = [{ name: 'bundled', references: bundled.count }];
  for (const record of await allPacks()) {
    try {
      // Checked whole (digest, every entry) when imported; stored by us since: viewed, not re-checked.
      const store = readPack(record.pack);
      corpus.addSegment(store, readSegmentIndex(record.index, store.count), record.id);
      searched.push({ name: `imported “${record.name}”`, references: store.count });
    } catch {
      // A record that no longer opens (an older format) is skipped, never fatal to the verdict.
    }
  }
  return { index: corpus, searched };
}

function infoOf({ pack, index: _index, ...info }: PackRecord): ImportedPackInfo {
  return { ...info, bytes: pack.length };
}

export async function listPacks(): Promise<ImportedPackInfo[]> {
  return (await allPacks()).map(infoOf);
}

/**
 * Checks a pack file whole (its digest, every entry, http(s) links, field sizes), builds its index and stores both,
 * in one IndexedDB write; throws PackError with a message for the reader, and stores nothing, when it is bad. A
 * version-1 file is converted to version 2 first. Runs where the file is (the options page), so that a large pack
 * is never copied through a message.
 */
export async function importPackFile(name: string, bytes: Uint8Array): Promise<ImportedPackInfo> {
  const stored = await checkedVersion2(bytes, webSha256);
  const store = readPack(stored);
  store.validateAll();
  if (store.count === 0) throw new PackError('the pack holds no references');
  const record: PackRecord = {
    id: `pack-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name,
    importedAt: new Date().toISOString(),
    references: store.count,
    pack: stored,
    index: encodeSegmentIndex(buildSegmentIndex(store), store.count, packDigest(stored)),
  };
  await putPack(record);
  return infoOf(record);
}

export async function removePack(id: string): Promise<void> {
  await deletePack(id);
}

/** Packs imported before they moved to IndexedDB sat in storage.local as JSON text: move them once. */
async function migrateStorageLocalPacks(): Promise<void> {
  const stored = await browser.storage.local.get('packs');
  const packs = stored.packs;
  if (!Array.isArray(packs)) return;
  for (const old of packs as Array<{ name?: unknown; text?: unknown }>) {
    if (typeof old?.text !== 'string') continue;
    try {
      await importPackFile(
        typeof old.name === 'string' ? old.name : 'imported pack',
        new TextEncoder().encode(old.text),
      );
    } catch {
      // A pack that no longer opens is dropped with the old key.
    }
  }
  await browser.storage.local.remove('packs');
}
