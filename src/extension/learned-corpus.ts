import {
  encodePack,
  FIELD_LIMITS,
  fingerprintText,
  PackError,
  readPack,
  siteOf,
  type Reference,
  type ReferenceMeta,
} from '../core';
import { bundledStore, webSha256 } from './corpus';
import { linkedSites } from './learning';
import {
  allDerived,
  allPacks,
  deleteLearned,
  eachLearned,
  eraseAllLearned,
  eraseDerivedOfSite,
  getLearned,
  learnedBytes,
  learnedCount,
  learnedOfSite,
  leastRecentlySeen,
  newestLearned,
  putLearned,
  replaceWithOriginal,
  type LearnedRecord,
} from './pack-store';

/**
 * The learned corpus in IndexedDB: what is kept of a page learned as an original (metadata and fingerprints, never
 * its text), the cap (least recently seen out first), erasing, and exporting as a pack file.
 */
export interface LearnedPage {
  url: string;
  title: string;
  siteName: string;
  publishedTime: string;
  text: string;
  links: readonly string[];
}

const clip = (text: string, field: keyof ReferenceMeta): string => text.slice(0, FIELD_LIMITS[field]);

/** The reference a learned page becomes: its canonical address is its id. */
export function learnedReference(page: LearnedPage): Reference {
  const host = siteOf(page.url);
  return {
    id: clip(page.url, 'id'),
    url: page.url.length <= FIELD_LIMITS.url ? page.url : '',
    publisher: clip(page.siteName || host, 'publisher'),
    title: clip(page.title, 'title'),
    publishedAt: Number.isNaN(Date.parse(page.publishedTime)) ? '' : clip(page.publishedTime, 'publishedAt'),
    ...fingerprintText(page.text),
  };
}

function sizeOf(ref: Reference, links: readonly string[]): number {
  const codes = ref.sentences.reduce((n, s) => n + s.length, 0);
  const text = ref.id.length + ref.url.length + ref.publisher.length + ref.title.length + ref.publishedAt.length;
  return 4 * ref.shingles.length + 2 * codes + 2 * text + links.join('').length * 2 + 120;
}

function recordOf(page: LearnedPage): LearnedRecord {
  const reference = learnedReference(page);
  const links = linkedSites(page.links, page.url);
  const now = Date.now();
  return {
    url: reference.id,
    site: siteOf(page.url),
    reference,
    learnedAt: new Date(now).toISOString(),
    seenAt: now,
    links,
    bytes: sizeOf(reference, links),
  };
}

/** Stores a learned original, then drops the least recently seen beyond `cap`; returns the record and how many were
 * dropped. */
export async function keepLearned(page: LearnedPage, cap: number): Promise<{ record: LearnedRecord; dropped: number }> {
  const record = recordOf(page);
  await putLearned(record);
  const count = await learnedCount();
  let dropped = 0;
  if (count > cap) {
    const oldest = await leastRecentlySeen(count - cap);
    await deleteLearned(oldest);
    dropped = oldest.length;
  }
  return { record, dropped };
}

/** The page learned first turned out to copy or rewrite `original`: it leaves the corpus, the original comes in. */
export async function replaceDerived(derivedUrl: string, original: LearnedPage): Promise<LearnedRecord | null> {
  const derived = await getLearned(derivedUrl);
  if (!derived) return null;
  const record = recordOf(original);
  await replaceWithOriginal(
    {
      url: derived.url,
      site: derived.site,
      title: derived.reference.title,
      publisher: derived.reference.publisher,
      derivedFrom: record.url,
      at: record.learnedAt,
    },
    record,
  );
  return record;
}

export interface LearnedStats {
  count: number;
  bytes: number;
  newest: Array<{ url: string; title: string; site: string; learnedAt: string }>;
  derived: Array<{ url: string; title: string; derivedFrom: string }>;
}

export async function learnedStats(newest = 10): Promise<LearnedStats> {
  const [count, bytes, latest, derived] = await Promise.all([
    learnedCount(),
    learnedBytes(),
    newestLearned(newest),
    allDerived(),
  ]);
  return {
    count,
    bytes,
    newest: latest.map((r) => ({ url: r.url, title: r.reference.title, site: r.site, learnedAt: r.learnedAt })),
    derived: derived.slice(-newest).map((d) => ({ url: d.url, title: d.title, derivedFrom: d.derivedFrom })),
  };
}

export async function eraseLearned(): Promise<void> {
  await eraseAllLearned();
}

/** Erases everything learned from one site (and its derived marks); returns how many references went. */
export async function eraseLearnedSite(site: string): Promise<number> {
  const urls = await learnedOfSite(site);
  await deleteLearned(urls);
  await eraseDerivedOfSite(site);
  return urls.length;
}

/**
 * The learned corpus, or everything the extension knows (bundled, imported, subscribed and learned), as one pack
 * file another reader or the CLI can use. A reference whose id or address is already in it is left out.
 */
export async function exportPack(scope: 'learned' | 'everything'): Promise<{ bytes: Uint8Array; count: number }> {
  const references: Reference[] = [];
  const seen = new Set<string>();
  const keep = (ref: Reference): void => {
    if (seen.has(ref.id) || (ref.url && seen.has(ref.url))) return;
    seen.add(ref.id);
    if (ref.url) seen.add(ref.url);
    references.push(ref);
  };
  if (scope === 'everything') {
    const bundled = await bundledStore();
    for (let i = 0; i < bundled.count; i++) keep(bundled.reference(i));
    for (const record of await allPacks()) {
      const store = readPack(record.pack);
      for (let i = 0; i < store.count; i++) keep(store.reference(i));
    }
  }
  await eachLearned((record) => keep(record.reference));
  if (references.length === 0) throw new PackError('nothing to export: no reference has been learned yet');
  const bytes = await encodePack(references, webSha256, {
    name: scope === 'learned' ? 'Learned with Firsthand' : 'Everything Firsthand knows',
    publisher: '',
    homepage: '',
    created: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    expires: '',
  });
  return { bytes, count: references.length };
}
