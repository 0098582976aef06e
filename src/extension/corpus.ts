import {
  buildSegmentIndex,
  checkedVersion2,
  CorpusIndex,
  decodeBase64,
  encodeSegmentIndex,
  openPack,
  PackEncoder,
  packDigest,
  PackError,
  readPack,
  readSegmentIndex,
  type Ed25519Verify,
  type ReferenceStore,
  type SegmentIndex,
  type Sha256,
} from '../core';
import bundledPack from '../../reference-corpus/corpus.pack?inline';
import browser from './browser';
import type { ImportedPackInfo, SearchedCorpus } from './messages';
import {
  allPacks,
  allSubscriptions,
  deletePack,
  eachLearned,
  getLearned,
  getSnapshot,
  learnedUrls,
  putPack,
  putSnapshot,
  replacePackIndex,
  replaceSnapshotIndex,
  type PackRecord,
  type SnapshotRecord,
} from './pack-store';

/**
 * The corpus the background holds, one CorpusIndex of segments: the bundled pack (inlined in the worker), each
 * imported or subscribed pack (kept in IndexedDB with its index), and the learned references (a stored snapshot
 * with its index, plus those learned since, added one by one). Built from views of stored bytes, so no index is
 * rebuilt at a worker start, and built again only when a pack comes or goes or learned references are erased.
 */
let index: Promise<Corpus> | undefined;

/** Segment names: where each reference comes from. */
export const BUNDLED = 'bundled';
export const LEARNED = 'learned';

/** The corpus, and what it holds, corpus by corpus (shown beside every verdict). */
export interface Corpus {
  index: CorpusIndex;
  searched: SearchedCorpus[];
  /** Segment name → what the popup says of a source found there. */
  provenance: Map<string, string>;
  /** Learned references added since the snapshot, and snapshot ones since erased: when many, rebuild it. */
  learnedOutsideSnapshot: number;
}

/** SHA-256 from WebCrypto, which every extension context has. */
export const webSha256: Sha256 = async (data) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));

/** Ed25519 from WebCrypto (Chrome 137+, Firefox 129+). */
export const webVerify: Ed25519Verify = async (publicKey, signature, message) => {
  const key = await crypto.subtle.importKey('raw', publicKey as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, [
    'verify',
  ]);
  return crypto.subtle.verify(
    { name: 'Ed25519' },
    key,
    signature as Uint8Array<ArrayBuffer>,
    message as Uint8Array<ArrayBuffer>,
  );
};

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

let bundled: Promise<ReferenceStore> | undefined;

/** The pack shipped with the extension. */
export function bundledStore(): Promise<ReferenceStore> {
  bundled ??= openPack(bytesOfDataUrl(bundledPack), webSha256);
  return bundled;
}

const day = (iso: string): string => iso.slice(0, 10);

/** A stored pack's index; one stored by an older version of Firsthand (another index format) is built again from
 * the pack, and stored for the next time. */
function storedIndex(record: PackRecord, pack: ReferenceStore): Promise<SegmentIndex> {
  return indexOrRebuilt(record.pack, record.index, pack, (digest, bytes) => replacePackIndex(record.id, digest, bytes));
}

/** The index stored beside pack bytes, or, when it cannot be read (an older format), one built from the pack and
 * saved in its place (`save` keeps it only if the pack is still the one stored). */
async function indexOrRebuilt(
  packBytes: Uint8Array,
  indexBytes: Uint8Array,
  pack: ReferenceStore,
  save: (digest: string, bytes: Uint8Array) => Promise<void>,
): Promise<SegmentIndex> {
  try {
    return readSegmentIndex(indexBytes, pack.count);
  } catch {
    const digest = packDigest(packBytes);
    const bytes = encodeSegmentIndex(buildSegmentIndex(pack), pack.count, digest);
    await save(digest, bytes).catch(() => undefined);
    return readSegmentIndex(bytes, pack.count);
  }
}

async function build(): Promise<Corpus> {
  await migrateStorageLocalPacks();
  const corpus = new CorpusIndex();
  const store = await bundledStore();
  corpus.addSegment(store, undefined, BUNDLED);
  const searched: SearchedCorpus[] = [{ name: 'bundled', references: store.count }];
  const provenance = new Map([[BUNDLED, 'known from the corpus bundled with Firsthand']]);
  const subscriptions = new Map((await allSubscriptions()).map((s) => [s.id, s]));
  for (const record of await allPacks()) {
    try {
      // Checked whole (digest, signature, every entry) when it came; stored by us since: viewed, not re-checked.
      const pack = readPack(record.pack);
      corpus.addSegment(pack, await storedIndex(record, pack), record.id);
      const subscription = subscriptions.get(record.id);
      if (record.kind === 'subscription') {
        const name = subscription?.info.name || record.name;
        searched.push({ name: `subscription “${name}”`, references: pack.count });
        const updated = subscription ? `, updated ${day(subscription.lastSuccess)}` : '';
        provenance.set(record.id, `known from your subscription “${name}”${updated}`);
      } else {
        searched.push({ name: `imported “${record.name}”`, references: pack.count });
        provenance.set(record.id, `known from the pack “${record.name}” you imported on ${day(record.importedAt)}`);
      }
    } catch {
      // A record that no longer opens (an older format) is skipped, never fatal to the verdict.
    }
  }
  const learnedOutsideSnapshot = await addLearned(corpus);
  searched.push({ name: 'learned', references: corpus.size - searched.reduce((n, s) => n + s.references, 0) });
  return { index: corpus, searched, provenance, learnedOutsideSnapshot };
}

/**
 * The learned references: the snapshot as a segment (those erased since are removed from it), then each one learned
 * since it was made, added one by one. Returns how many differ from the snapshot.
 */
async function addLearned(corpus: CorpusIndex): Promise<number> {
  const urls = new Set(await learnedUrls());
  const snapshot = await getSnapshot().catch(() => undefined);
  const inSnapshot = new Set<string>();
  let outside = 0;
  if (snapshot) {
    try {
      const store = readPack(snapshot.pack);
      // An index of an older format is built again from the snapshot's pack (quicker than adding each reference).
      const index = await indexOrRebuilt(snapshot.pack, snapshot.index, store, replaceSnapshotIndex);
      const base = corpus.span;
      corpus.addSegment(store, index, LEARNED);
      snapshot.urls.forEach((url, i) => {
        inSnapshot.add(url);
        if (urls.has(url)) return;
        corpus.remove(base + i);
        outside++;
      });
    } catch {
      inSnapshot.clear(); // an unreadable pack: every learned reference is added one by one (and it is rebuilt)
    }
  }
  const missing = [...urls].filter((url) => !inSnapshot.has(url));
  if (missing.length > SNAPSHOT_SLACK) {
    // Many since the snapshot (or none yet): one cursor over the store beats a read per reference.
    await eachLearned((record) => {
      if (inSnapshot.has(record.url)) return;
      corpus.add(record.reference, LEARNED);
      outside++;
    });
    return outside;
  }
  for (const url of missing) {
    const record = await getLearned(url);
    if (!record) continue;
    corpus.add(record.reference, LEARNED);
    outside++;
  }
  return outside;
}

/** Learned references the snapshot lacks (or holds but were erased) before it is rebuilt. */
export const SNAPSHOT_SLACK = 256;

/**
 * Rebuilds the learned snapshot: every learned reference in one pack with its index, stored in one write. Reads the
 * references with a cursor, one at a time, so that a large learned corpus is never all in memory as objects.
 */
export async function rebuildSnapshot(): Promise<void> {
  const encoder = new PackEncoder();
  const urls: string[] = [];
  await eachLearned((record) => {
    try {
      encoder.add(record.reference);
      urls.push(record.url);
    } catch {
      // A record that would not encode (it cannot: it was checked when learned) is left out of the snapshot.
    }
  });
  const pack = encoder.finish();
  const store = readPack(pack);
  const record: SnapshotRecord = {
    key: 'learned',
    pack,
    index: encodeSegmentIndex(buildSegmentIndex(store), store.count, packDigest(pack)),
    urls,
    builtAt: new Date().toISOString(),
  };
  await putSnapshot(record);
}

function infoOf({ pack, index: _index, ...info }: PackRecord): ImportedPackInfo {
  return { ...info, bytes: pack.length };
}

export async function listPacks(): Promise<ImportedPackInfo[]> {
  return (await allPacks()).filter((p) => p.kind !== 'subscription').map(infoOf);
}

/** A pack file's bytes checked whole (digest, every entry, http(s) links, field sizes) and indexed: what importing
 * and subscribing both store. Throws PackError with a message for the reader. */
export async function checkedPack(
  bytes: Uint8Array,
): Promise<{ pack: Uint8Array; store: ReferenceStore; index: Uint8Array }> {
  const pack = await checkedVersion2(bytes, webSha256);
  const store = readPack(pack);
  store.validateAll();
  if (store.count === 0) throw new PackError('the pack holds no references');
  return { pack, store, index: encodeSegmentIndex(buildSegmentIndex(store), store.count, packDigest(pack)) };
}

/**
 * Checks a pack file whole, builds its index and stores both, in one IndexedDB write; throws PackError with a
 * message for the reader, and stores nothing, when it is bad. A version-1 file is converted to version 2 first. Runs
 * where the file is (the options page), so that a large pack is never copied through a message.
 */
export async function importPackFile(name: string, bytes: Uint8Array): Promise<ImportedPackInfo> {
  const { pack, store, index } = await checkedPack(bytes);
  const record: PackRecord = {
    id: `pack-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    kind: 'imported',
    name,
    importedAt: new Date().toISOString(),
    references: store.count,
    pack,
    index,
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
