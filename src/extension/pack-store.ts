import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { packDigest, type PackInfo, type Reference } from '../core';

/**
 * The extension's IndexedDB (through `idb`, named in this file only). It holds, with room far beyond storage.local's
 * quota (`unlimitedStorage`):
 *   packs          imported packs and subscribed packs, each as its file's bytes with its candidate index beside it,
 *                  so that a worker start opens them as typed-array views instead of rebuilding anything;
 *   subscriptions  each subscription's address, pinned key, validators and last success and error;
 *   learned        the originals learned as the reader reads: metadata and fingerprints, never text;
 *   derived        learned pages found later to copy or rewrite an original (their metadata only);
 *   snapshot       the learned references as one pack with its index, rebuilt now and then, so that a worker start
 *                  does not index them one by one.
 */
export interface PackRecord {
  id: string;
  kind: 'imported' | 'subscription';
  name: string;
  importedAt: string;
  references: number;
  /** The pack file, version 2 (a version-1 file is converted on import). */
  pack: Uint8Array;
  /** Its candidate index, as `encodeSegmentIndex` writes it. */
  index: Uint8Array;
}

export interface SubscriptionRecord {
  /** Also the id of its pack in `packs` (absent until the first download succeeded). */
  id: string;
  url: string;
  /** The origin whose host permission it uses ("https://news.example"). */
  origin: string;
  subscribedAt: string;
  /** The Ed25519 key seen at subscription (base64 of its 32 bytes), or null for an unsigned pack. */
  pinnedKey: string | null;
  info: PackInfo;
  references: number;
  bytes: number;
  /** Dates of the oldest and newest reference ('' when none is dated). */
  from: string;
  to: string;
  /** The pack's digest: an update with the same one changes nothing. */
  digest: string;
  etag: string;
  lastModified: string;
  /** When the copy in use was downloaded (or last confirmed unchanged). */
  lastSuccess: string;
  lastError: { at: string; message: string } | null;
  /** When to look for an update next (ms since the epoch). */
  nextCheck: number;
}

export interface LearnedRecord {
  /** The page's canonical address: the key. */
  url: string;
  site: string;
  reference: Reference;
  learnedAt: string;
  /** When the reader last read it (least recently seen are dropped first when the cap is reached). */
  seenAt: number;
  /** Sites the article links to (the credit a later page may be given). */
  links: string[];
  /** Approximate bytes it takes. */
  bytes: number;
}

export interface DerivedRecord {
  url: string;
  site: string;
  title: string;
  publisher: string;
  /** The original it copies or rewrites. */
  derivedFrom: string;
  at: string;
}

export interface SnapshotRecord {
  key: 'learned';
  pack: Uint8Array;
  index: Uint8Array;
  /** The learned references it holds, in pack order (canonical addresses). */
  urls: string[];
  builtAt: string;
}

interface FirsthandDb extends DBSchema {
  packs: { key: string; value: PackRecord };
  subscriptions: { key: string; value: SubscriptionRecord };
  learned: { key: string; value: LearnedRecord; indexes: { seenAt: number; site: string } };
  derived: { key: string; value: DerivedRecord };
  snapshot: { key: string; value: SnapshotRecord };
}

let db: Promise<IDBPDatabase<FirsthandDb>> | undefined;

function open(): Promise<IDBPDatabase<FirsthandDb>> {
  db ??= openDB<FirsthandDb>('firsthand', 2, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) database.createObjectStore('packs', { keyPath: 'id' });
      if (oldVersion < 2) {
        database.createObjectStore('subscriptions', { keyPath: 'id' });
        const learned = database.createObjectStore('learned', { keyPath: 'url' });
        learned.createIndex('seenAt', 'seenAt');
        learned.createIndex('site', 'site');
        database.createObjectStore('derived', { keyPath: 'url' });
        database.createObjectStore('snapshot', { keyPath: 'key' });
        // Packs stored by version 1 of this database were all imported files.
        void transaction
          .objectStore('packs')
          .openCursor()
          .then(async function mark(cursor): Promise<void> {
            if (!cursor) return;
            if (!cursor.value.kind) await cursor.update({ ...cursor.value, kind: 'imported' });
            await mark(await cursor.continue());
          });
      }
    },
  });
  return db;
}

export async function allPacks(): Promise<PackRecord[]> {
  return (await open()).getAll('packs');
}

/** Stores a pack whole, in one transaction: it is there entirely or not at all. */
export async function putPack(record: PackRecord): Promise<void> {
  await (await open()).put('packs', record);
}

/** Stores a pack's index built again (after an index format change), unless the pack changed meanwhile. */
export function replacePackIndex(id: string, digest: string, index: Uint8Array): Promise<void> {
  return replaceIndex('packs', id, digest, index);
}

/** A stored record's index, replaced in one transaction if the record stored is still of the pack with this digest
 * (one replaced or rebuilt meanwhile is left as it is). */
async function replaceIndex<Name extends 'packs' | 'snapshot'>(
  storeName: Name,
  key: string,
  digest: string,
  index: Uint8Array,
): Promise<void> {
  const tx = (await open()).transaction(storeName, 'readwrite');
  const record = await tx.store.get(key);
  if (record && packDigest(record.pack) === digest) await tx.store.put({ ...record, index });
  await tx.done;
}

export async function deletePack(id: string): Promise<void> {
  await (await open()).delete('packs', id);
}

export async function allSubscriptions(): Promise<SubscriptionRecord[]> {
  return (await open()).getAll('subscriptions');
}

export async function getSubscription(id: string): Promise<SubscriptionRecord | undefined> {
  return (await open()).get('subscriptions', id);
}

export async function putSubscription(record: SubscriptionRecord): Promise<void> {
  await (await open()).put('subscriptions', record);
}

/** A subscription's new copy and its record, in one transaction: both change, or neither does. */
export async function putSubscriptionWithPack(record: SubscriptionRecord, pack: PackRecord): Promise<void> {
  const tx = (await open()).transaction(['subscriptions', 'packs'], 'readwrite');
  await Promise.all([tx.objectStore('subscriptions').put(record), tx.objectStore('packs').put(pack), tx.done]);
}

/** Removes a subscription and its pack, in one transaction. */
export async function deleteSubscription(id: string): Promise<void> {
  const tx = (await open()).transaction(['subscriptions', 'packs'], 'readwrite');
  await Promise.all([tx.objectStore('subscriptions').delete(id), tx.objectStore('packs').delete(id), tx.done]);
}

export async function getLearned(url: string): Promise<LearnedRecord | undefined> {
  return (await open()).get('learned', url);
}

export async function allLearned(): Promise<LearnedRecord[]> {
  return (await open()).getAll('learned');
}

export async function learnedUrls(): Promise<string[]> {
  return (await open()).getAllKeys('learned');
}

export async function learnedCount(): Promise<number> {
  return (await open()).count('learned');
}

export async function putLearned(record: LearnedRecord): Promise<void> {
  await (await open()).put('learned', record);
}

export async function touchLearned(url: string, seenAt: number): Promise<void> {
  const database = await open();
  const tx = database.transaction('learned', 'readwrite');
  const record = await tx.store.get(url);
  if (record) await tx.store.put({ ...record, seenAt });
  await tx.done;
}

/** The `count` learned records seen longest ago. */
export async function leastRecentlySeen(count: number): Promise<string[]> {
  const urls: string[] = [];
  let cursor = await (await open()).transaction('learned').store.index('seenAt').openKeyCursor();
  while (cursor && urls.length < count) {
    urls.push(cursor.primaryKey);
    cursor = await cursor.continue();
  }
  return urls;
}

/** The newest learned records, newest first, without their fingerprints' weight mattering (a bounded cursor). */
export async function newestLearned(count: number): Promise<LearnedRecord[]> {
  const found: LearnedRecord[] = [];
  let cursor = await (await open()).transaction('learned').store.index('seenAt').openCursor(null, 'prev');
  while (cursor && found.length < count) {
    found.push(cursor.value);
    cursor = await cursor.continue();
  }
  return found;
}

/** Calls `each` with every learned record, read by a cursor (never all in memory at once). */
export async function eachLearned(each: (record: LearnedRecord) => void): Promise<void> {
  let cursor = await (await open()).transaction('learned').store.openCursor();
  while (cursor) {
    each(cursor.value);
    cursor = await cursor.continue();
  }
}

/** The learned records' total size (their `bytes`), by a cursor. */
export async function learnedBytes(): Promise<number> {
  let total = 0;
  await eachLearned((record) => {
    total += record.bytes;
  });
  return total;
}

export async function learnedOfSite(site: string): Promise<string[]> {
  return (await open()).getAllKeysFromIndex('learned', 'site', site);
}

export async function deleteLearned(urls: readonly string[]): Promise<void> {
  const tx = (await open()).transaction('learned', 'readwrite');
  await Promise.all([...urls.map((url) => tx.store.delete(url)), tx.done]);
}

/** Marks a learned page as derived from an original learned after it: its fingerprints leave the corpus, and the
 * original's come in, in one transaction. */
export async function replaceWithOriginal(derived: DerivedRecord, original: LearnedRecord): Promise<void> {
  const tx = (await open()).transaction(['learned', 'derived'], 'readwrite');
  await Promise.all([
    tx.objectStore('learned').delete(derived.url),
    tx.objectStore('learned').put(original),
    tx.objectStore('derived').put(derived),
    tx.done,
  ]);
}

export async function allDerived(): Promise<DerivedRecord[]> {
  return (await open()).getAll('derived');
}

export async function getDerived(url: string): Promise<DerivedRecord | undefined> {
  return (await open()).get('derived', url);
}

/** Erases everything learned (references, derived marks, snapshot). */
export async function eraseAllLearned(): Promise<void> {
  const tx = (await open()).transaction(['learned', 'derived', 'snapshot'], 'readwrite');
  await Promise.all([
    tx.objectStore('learned').clear(),
    tx.objectStore('derived').clear(),
    tx.objectStore('snapshot').clear(),
    tx.done,
  ]);
}

export async function eraseDerivedOfSite(site: string): Promise<void> {
  const tx = (await open()).transaction('derived', 'readwrite');
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if (cursor.value.site === site) await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}

export async function getSnapshot(): Promise<SnapshotRecord | undefined> {
  return (await open()).get('snapshot', 'learned');
}

export async function putSnapshot(record: SnapshotRecord): Promise<void> {
  await (await open()).put('snapshot', record);
}

/** The learned snapshot's index, replaced if the snapshot stored is still of the pack with this digest. */
export function replaceSnapshotIndex(digest: string, index: Uint8Array): Promise<void> {
  return replaceIndex('snapshot', 'learned', digest, index);
}
