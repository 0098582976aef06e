import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  canonicalUrl,
  checkReferenceMeta,
  siteOf,
  fingerprintText,
  EMPTY_PACK_INFO,
  PackError,
  type PackInfo,
  type Reference,
  type ReferenceMeta,
} from '../core';
import { CliError } from './cli-error';
import { inWindows, Progress, SITE_LINES_WINDOW, sourceItems, type SourceFlags } from './batch';
import { readPackFile, writePackFile, type OpenedPack } from './corpus-file';
import { Fetcher } from './fetcher';
import { readPrivateText, textPathOf, writePrivateText } from './private-text';
import type { SigningKey } from './pack-signing';
import { describeFsError, loadPage, type LoadedPage } from './load-page';
import { SiteLines } from '../extract/site-lines';
import { field, readJsonLines } from './jsonl';

/**
 * `firsthand corpus build`: references from any mix of manifests (one reference a line:
 * {"id","file","url","publisher","title","publishedAt"}, paths relative to the manifest) and folders of saved
 * pages (.html, .htm, .txt, recursively; the id is the path inside the folder). Metadata a line leaves out is read
 * from the page. One bad input never sinks the build: an item that cannot become a reference (a missing file, a page
 * that is not an article, a bad field, a repeated id) is skipped with one line on stderr; with `strict`, any skip
 * fails the build instead. With `update`, the pack's own references are kept and only new ones added (a reference is
 * not new when its id, its canonical address or its fingerprint is already there), so running the same build again
 * changes nothing. The pack is written to a temporary file and renamed, so a failed build leaves an existing pack
 * untouched; its index is written beside it.
 */
export interface BuildOptions {
  manifests?: readonly string[];
  dirs?: readonly string[];
  /** Addresses from --urls, --feed and --sitemap: each page is fetched (politely: see Fetcher). */
  sources?: SourceFlags;
  fetcher?: Fetcher;
  /** No progress bar. */
  quiet?: boolean;
  /** Keep each reference's text in PACK.text.jsonl beside the pack (private; never in the pack). */
  keepText?: boolean;
  strict?: boolean;
  update?: boolean;
  /** What the pack says about itself; fields not given are kept from the pack updated, or left empty. `created`
   * is the time of the build (or SOURCE_DATE_EPOCH), kept when an update adds nothing. */
  info?: Partial<PackInfo>;
  /** Sign the pack with this key. */
  key?: SigningKey;
  /** false: each page made a reference as it is, the lines its site prints beside other stories kept (--each-alone). */
  siteLines?: boolean;
  warn?: (line: string) => void;
}

export interface BuildResult {
  /** References in the pack written. */
  references: number;
  bytes: number;
  /** Inputs left out, each with its reason. */
  skipped: string[];
  /** References the pack already held (`update`), and inputs that were already among them. */
  kept: number;
  alreadyThere: number;
}

/** One input of a build: where it came from (for messages), the file or address, the metadata given with it
 * (which wins over the page's), and metadata its source says of it (a feed's title and date: used when the page
 * says nothing). */
type BuildItem =
  | { where: string; file: string; given: ReferenceMeta; fallback?: Partial<ReferenceMeta> }
  | { where: string; error: string };

const PAGE_FILE = /\.(?:html?|txt)$/i;

export async function buildCorpus(out: string, options: BuildOptions): Promise<BuildResult> {
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const fetcher = options.fetcher ?? new Fetcher();
  const items: BuildItem[] = [];
  const skipped: string[] = [];
  for (const manifest of options.manifests ?? []) items.push(...(await itemsOfManifest(manifest)));
  for (const dir of options.dirs ?? []) items.push(...(await itemsOfDir(dir)));
  let alreadyThere = 0;
  if (options.sources) {
    const found = await sourceItems(options.sources, fetcher, warn);
    skipped.push(...found.failed);
    const addresses = new Set<string>();
    for (const item of found.items) {
      // An address named twice (a feed and a sitemap both list it) is fetched once.
      const address = canonicalUrl(item.url);
      if (addresses.has(address)) {
        alreadyThere++;
        continue;
      }
      addresses.add(address);
      items.push({
        where: item.where,
        file: item.url,
        given: { id: item.url, url: item.url, publisher: '', title: '', publishedAt: '' },
        fallback: { publisher: item.publisher, title: item.title, publishedAt: item.publishedAt },
      });
    }
  }
  if (items.length === 0) {
    throw new CliError('corpus build found nothing to build: give --manifest, --dir, --urls, --feed or --sitemap');
  }

  const known = new KnownReferences();
  const references: Reference[] = [];
  const existing = options.update ? await existingPack(out) : null;
  if (existing) {
    for (let i = 0; i < existing.store.count; i++) {
      const ref = existing.store.reference(i);
      known.add(ref);
      references.push(ref);
    }
  }
  const kept = references.length;
  const texts = options.keepText ? await readPrivateText(out) : new Map<string, string>();
  const idsThisRun = new Set<string>();
  const progress = new Progress(items.length, 'corpus build', options.quiet ?? false, warn);
  const skip = (message: string): void => {
    skipped.push(message);
    progress.line(`firsthand: skipped ${message}`);
  };
  const take = (result: (Reference & { text: string }) | CliError, item: BuildItem): void => {
    if (result instanceof CliError) return skip(result.message);
    if (idsThisRun.has(result.id)) return skip(`${item.where}: id ${JSON.stringify(result.id)} is used twice`);
    idsThisRun.add(result.id);
    if (known.has(result)) {
      alreadyThere++;
      return;
    }
    const { text, ...ref } = result;
    known.add(ref);
    references.push(ref);
    if (options.keepText) texts.set(ref.id, text);
  };
  // Pages are loaded a few at a time (downloads overlap; the fetcher keeps to its limits) and taken in input order,
  // so a build's result does not depend on which server answered first. They are read a window at a time (inWindows),
  // and each window's references are made without the lines their site prints beside several stories (SiteLines), as
  // `check` reads a batch.
  const siteOfEntry = (item: BuildItem, page: LoadedPage): string =>
    siteOf(('given' in item ? item.given.url : '') || page.url);
  await inWindows(
    items,
    options.siteLines === false ? 1 : SITE_LINES_WINDOW,
    async (item): Promise<LoadedPage | CliError> => {
      try {
        if ('error' in item) throw new CliError(item.error);
        return await loadItem(item, fetcher);
      } catch (error) {
        if (error instanceof CliError) return error;
        throw error;
      }
    },
    (page) => (page instanceof CliError ? 0 : page.text.length),
    () => progress.tick(),
    (window) => {
      const lines = new SiteLines();
      for (const { item, result } of window)
        if (!(result instanceof CliError)) lines.add(siteOfEntry(item, result), result.text);
      for (const { item, result: page } of window) {
        if (page instanceof CliError) {
          take(page, item);
          continue;
        }
        if ('error' in item) continue; // an item with an error is never loaded: its page is that error, taken above
        try {
          const text = lines.clean(siteOfEntry(item, page), page.text).text;
          const ref = { ...referenceFromPage({ ...page, text }, item.given, item.fallback), text };
          checkReferenceMeta(ref, item.where);
          take(ref, item);
        } catch (error) {
          if (error instanceof PackError) take(new CliError(error.message), item);
          else throw error;
        }
      }
    },
  );
  progress.stop();
  if (options.strict && skipped.length > 0) {
    throw new CliError(
      `${skipped.length} of ${items.length} references could not be built; nothing written (--strict)`,
    );
  }
  if (references.length === 0) {
    const from = [
      ...(options.manifests ?? []),
      ...(options.dirs ?? []),
      ...(options.sources?.urls ?? []),
      ...(options.sources?.feeds ?? []),
      ...(options.sources?.sitemaps ?? []),
    ].join(', ');
    throw new CliError(`no reference could be built from ${from} (${skipped.length} skipped); nothing written`);
  }
  const info = packInfo(options.info ?? {}, existing?.info ?? EMPTY_PACK_INFO, references.length > kept);
  const { bytes } = await writePackFile(out, references, { info, ...(options.key ? { key: options.key } : {}) });
  if (options.keepText) {
    const ids = new Set(references.map((r) => r.id));
    for (const id of texts.keys()) if (!ids.has(id)) texts.delete(id);
    await writePrivateText(out, texts);
    warn(
      `firsthand: kept the text of ${texts.size} references in ${textPathOf(out)} (private: never publish it; ${out} itself holds no text)`,
    );
  }
  return { references: references.length, bytes, skipped, kept, alreadyThere };
}

/** The pack's information: given fields, else the updated pack's; a new date unless nothing changed. */
function packInfo(given: Partial<PackInfo>, before: PackInfo, added: boolean): PackInfo {
  const info: PackInfo = { ...before };
  for (const field of Object.keys(given) as Array<keyof PackInfo>) {
    const value = given[field];
    if (value !== undefined) info[field] = value;
  }
  const changed = added || (Object.keys(info) as Array<keyof PackInfo>).some((f) => info[f] !== before[f]);
  if (given.created === undefined && (changed || before.created === '')) info.created = buildTime();
  return info;
}

/** Now, or SOURCE_DATE_EPOCH (seconds) for reproducible builds. */
export function buildTime(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return (Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date())
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}

/** References already in a corpus, by id, canonical address and fingerprint: what "the same reference" means. */
export class KnownReferences {
  private readonly ids = new Set<string>();
  private readonly urls = new Set<string>();
  private readonly fingerprints = new Set<string>();

  has(ref: Reference): boolean {
    return (
      this.ids.has(ref.id) ||
      (ref.url !== '' && this.urls.has(canonicalUrl(ref.url))) ||
      this.fingerprints.has(fingerprintKey(ref))
    );
  }

  add(ref: Reference): void {
    this.ids.add(ref.id);
    if (ref.url) this.urls.add(canonicalUrl(ref.url));
    this.fingerprints.add(fingerprintKey(ref));
  }
}

/** Two references with the same words, simhash and winnowed shingles are the same text. */
function fingerprintKey(ref: Reference): string {
  const shingles = Uint32Array.from(new Set(ref.shingles)).sort();
  const digest = createHash('sha256').update(new Uint8Array(shingles.buffer)).digest('base64');
  return `${ref.words}:${ref.simhash.hi}:${ref.simhash.lo}:${digest}`;
}

async function existingPack(path: string): Promise<OpenedPack | null> {
  try {
    return await readPackFile(path);
  } catch (error) {
    // No pack yet: --update on a first run builds it. A damaged pack is an error (it would be overwritten).
    if (error instanceof CliError && /no such file/.test(error.message)) return null;
    throw error;
  }
}

async function itemsOfManifest(manifest: string): Promise<BuildItem[]> {
  const base = dirname(resolve(manifest));
  return (await readJsonLines(manifest)).map((row): BuildItem => {
    const where = `${manifest} line ${row.line}`;
    if ('error' in row) return { where, error: row.error };
    try {
      return {
        where,
        file: resolve(base, field(row, 'file', manifest, true)),
        given: {
          id: field(row, 'id', manifest, true),
          url: field(row, 'url', manifest, false),
          publisher: field(row, 'publisher', manifest, false),
          title: field(row, 'title', manifest, false),
          publishedAt: field(row, 'publishedAt', manifest, false),
        },
      };
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      return { where, error: error.message };
    }
  });
}

async function itemsOfDir(dir: string): Promise<BuildItem[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && PAGE_FILE.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch (error) {
    throw new CliError(`cannot read folder ${dir}: ${describeFsError(error)}`);
  }
  return names.map((file) => {
    const id = relative(dir, file).split(sep).join('/');
    return { where: file, file, given: { id, url: '', publisher: '', title: '', publishedAt: '' } };
  });
}

async function loadItem(
  item: { where: string; file: string; given: ReferenceMeta },
  fetcher: Fetcher,
): Promise<LoadedPage> {
  try {
    return await loadPage(item.file, item.given.url || undefined, fetcher);
  } catch (error) {
    // Messages about a folder's file already name it; a manifest line is named as such.
    if (error instanceof CliError && item.where !== item.file) throw new CliError(`${item.where}: ${error.message}`);
    throw error;
  }
}

/** A reference from a loaded page: metadata given with it wins over what the page says of itself, which wins over
 * what its source (a feed, a news sitemap) says; but for the date, what its source says wins over a date the page's
 * metadata does not declare (its first <time> element, a text page's date line: another story's, or today's), as a
 * reference's date tells which of two articles came first (LATER_MIN_DAYS). */
export function referenceFromPage(
  page: LoadedPage,
  given: ReferenceMeta,
  fallback: Partial<ReferenceMeta> = {},
): Reference {
  const url = given.url || page.url;
  return {
    id: given.id,
    url,
    publisher: given.publisher || page.siteName || fallback.publisher || hostOf(url),
    title: given.title || page.title || fallback.title || '',
    publishedAt: given.publishedAt || page.declaredTime || fallback.publishedAt || page.publishedTime || '',
    ...fingerprintText(page.text),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
