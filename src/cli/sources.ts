import { readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import { decodePage, EncodingError } from '../extract/decode';
import { CliError } from './cli-error';
import type { Fetcher } from './fetcher';
import { describeFsError } from './load-page';

/**
 * Where articles live: lists of addresses, feeds (RSS 2.0, RSS 1.0, Atom 1.0, JSON Feed) and sitemaps (index,
 * urlset, Google News), read from a file or fetched. Each gives article addresses with what the source says of them
 * (title, date, author, the feed's own title as publisher), which fills in metadata a page leaves out. XML is read
 * by fast-xml-parser with entity expansion off (DOCTYPE entities are never expanded; the five XML entities and
 * character references are decoded here, nothing else).
 */
export interface SourceItem {
  url: string;
  title: string;
  publishedAt: string;
  /** The feed's or news sitemap's name for the publication, or ''. */
  publisher: string;
  author: string;
  /** Where this address came from, for messages ("feed.xml item 3"). */
  where: string;
}

export interface SitemapLimits {
  /** Child sitemaps an index may fan out to (in all, over nested indexes). */
  maxSitemaps: number;
  /** Addresses taken from sitemaps in all. */
  maxUrls: number;
}

export const DEFAULT_SITEMAP_LIMITS: SitemapLimits = { maxSitemaps: 50, maxUrls: 50_000 };
const FEED_TYPES = /xml|rss|atom|json|text\/plain/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'url', 'sitemap', 'link', 'author', 'creator'].includes(name),
});

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeChar(parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith('#')) return safeChar(parseInt(lower.slice(1), 10), whole);
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? whole;
  });
}

function safeChar(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** The text of an XML value: a string, or an element with text (#text), or nothing. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return decodeEntities(String(value)).trim();
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object') return text((value as Record<string, unknown>)['#text']);
  return '';
}

function isoDate(value: string): string {
  if (!value) return '';
  const at = Date.parse(value);
  return Number.isNaN(at) ? '' : new Date(at).toISOString().replace(/\.000Z$/, 'Z');
}

function absolute(href: string, base: string): string {
  if (!href.trim()) return '';
  try {
    const url = new URL(href, base || undefined);
    return /^https?:$/.test(url.protocol) ? url.href : '';
  } catch {
    return '';
  }
}

function parseXml(source: string, label: string): Record<string, unknown> {
  try {
    return parser.parse(source) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(`${label}: not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** The items of a feed, in its order. */
export function parseFeed(source: string, label: string, base = ''): SourceItem[] {
  const trimmed = source.trimStart();
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed, label, base);
  const doc = parseXml(source, label);
  const rss = doc.rss as Record<string, unknown> | undefined;
  const rdf = doc.RDF as Record<string, unknown> | undefined;
  const atom = doc.feed as Record<string, unknown> | undefined;
  if (rss || rdf) {
    const channel = (rss?.channel ?? rdf?.channel ?? {}) as Record<string, unknown>;
    const items = asArray((rss ? channel.item : rdf?.item) ?? channel.item) as Array<Record<string, unknown>>;
    const publisher = text(channel.title);
    return items.map((item, i) => ({
      url: absolute(text(item.link) || text(item.guid), base),
      title: text(item.title),
      publishedAt: isoDate(text(item.pubDate) || text(item.date)),
      publisher,
      author: text(item.creator) || text(item.author),
      where: `${label} item ${i + 1}`,
    }));
  }
  if (atom) {
    const publisher = text(atom.title);
    return (asArray(atom.entry) as Array<Record<string, unknown>>).map((entry, i) => {
      const links = asArray(entry.link) as Array<Record<string, unknown>>;
      const link = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
      const authors = asArray(entry.author) as Array<Record<string, unknown>>;
      return {
        url: absolute(decodeEntities(String(link?.['@_href'] ?? '')), base),
        title: text(entry.title),
        publishedAt: isoDate(text(entry.published) || text(entry.updated)),
        publisher,
        author: text(authors[0]?.name),
        where: `${label} entry ${i + 1}`,
      };
    });
  }
  throw new CliError(`${label}: not a feed (RSS, Atom or JSON Feed)`);
}

function parseJsonFeed(source: string, label: string, base: string): SourceItem[] {
  let feed: Record<string, unknown>;
  try {
    feed = JSON.parse(source) as Record<string, unknown>;
  } catch {
    throw new CliError(`${label}: not valid JSON`);
  }
  if (typeof feed.version !== 'string' || !feed.version.startsWith('https://jsonfeed.org/version/')) {
    throw new CliError(`${label}: not a JSON Feed (no jsonfeed.org version)`);
  }
  const publisher = typeof feed.title === 'string' ? feed.title : '';
  return (asArray(feed.items) as Array<Record<string, unknown>>).map((item, i) => {
    const authors = asArray(item.authors ?? item.author) as Array<Record<string, unknown>>;
    const str = (value: unknown): string => (typeof value === 'string' ? value : '');
    return {
      url: absolute(str(item.url) || str(item.external_url), base),
      title: str(item.title),
      publishedAt: isoDate(str(item.date_published)),
      publisher,
      author: str(authors[0]?.name),
      where: `${label} item ${i + 1}`,
    };
  });
}

/** A sitemap's addresses, or, for a sitemap index, its child sitemaps'. */
export function parseSitemap(
  source: string,
  label: string,
  base = '',
): { kind: 'index'; sitemaps: string[] } | { kind: 'urlset'; items: SourceItem[] } {
  const doc = parseXml(source, label);
  if (doc.sitemapindex) {
    const entries = asArray((doc.sitemapindex as Record<string, unknown>).sitemap) as Array<Record<string, unknown>>;
    return { kind: 'index', sitemaps: entries.map((e) => absolute(text(e.loc), base)).filter(Boolean) };
  }
  if (doc.urlset) {
    const entries = asArray((doc.urlset as Record<string, unknown>).url) as Array<Record<string, unknown>>;
    return {
      kind: 'urlset',
      items: entries.map((entry, i) => {
        // Google News sitemaps: <news:news><news:publication><news:name/>…<news:publication_date/><news:title/>.
        const news = (entry.news ?? {}) as Record<string, unknown>;
        const publication = (news.publication ?? {}) as Record<string, unknown>;
        return {
          url: absolute(text(entry.loc), base),
          title: text(news.title),
          publishedAt: isoDate(text(news.publication_date) || text(entry.lastmod)),
          publisher: text(publication.name),
          author: '',
          where: `${label} url ${i + 1}`,
        };
      }),
    };
  }
  throw new CliError(`${label}: not a sitemap (no <urlset> or <sitemapindex>)`);
}

/** A file's text, or a fetched address's (with the address it came from, for relative links). */
async function readSource(input: string, fetcher: Fetcher, what: string): Promise<{ text: string; base: string }> {
  if (/^https?:\/\//i.test(input)) {
    const fetched = await fetcher.get(input, FEED_TYPES, what);
    return { text: decodeSource(fetched.body, input, fetched.contentType), base: fetched.url };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(input);
  } catch (error) {
    throw new CliError(`cannot read ${input}: ${describeFsError(error)}`);
  }
  return { text: decodeSource(bytes, input), base: '' };
}

/** A feed's or sitemap's text in its encoding (its XML declaration's, its server's, or UTF-8: src/extract/decode.ts). */
function decodeSource(bytes: Buffer, input: string, contentType = ''): string {
  try {
    return decodePage(bytes, contentType);
  } catch (error) {
    if (error instanceof EncodingError) throw new CliError(`${input}: ${error.message}`);
    throw error;
  }
}

/** The addresses of a feed (file or URL), in its order; items without one are reported through `warn`. */
export async function readFeed(input: string, fetcher: Fetcher, warn: (line: string) => void): Promise<SourceItem[]> {
  const { text: source, base } = await readSource(input, fetcher, 'feed');
  return keepWithAddress(parseFeed(source, input, base), warn);
}

/**
 * The addresses of a sitemap (file or URL), following an index to its child sitemaps breadth first within
 * `limits`; a child that cannot be read is reported through `warn` and the others go on.
 */
export async function readSitemap(
  input: string,
  fetcher: Fetcher,
  warn: (line: string) => void,
  limits: SitemapLimits = DEFAULT_SITEMAP_LIMITS,
): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  const queue = [input];
  const seen = new Set<string>([input]);
  let children = 0;
  while (queue.length > 0 && items.length < limits.maxUrls) {
    const next = queue.shift() as string;
    let parsed: ReturnType<typeof parseSitemap>;
    try {
      const { text: source, base } = await readSource(next, fetcher, 'sitemap');
      parsed = parseSitemap(source, next, base);
    } catch (error) {
      if (!(error instanceof CliError) || next === input) throw error;
      warn(`firsthand: skipped sitemap ${error.message}`);
      continue;
    }
    if (parsed.kind === 'urlset') {
      items.push(...keepWithAddress(parsed.items, warn));
      continue;
    }
    for (const child of parsed.sitemaps) {
      if (seen.has(child)) continue;
      if (children >= limits.maxSitemaps) {
        warn(`firsthand: ${next} lists more sitemaps than the limit of ${limits.maxSitemaps}; the rest are left out`);
        break;
      }
      seen.add(child);
      children++;
      queue.push(child);
    }
  }
  if (items.length > limits.maxUrls) {
    warn(`firsthand: ${input}: ${items.length} addresses, only the first ${limits.maxUrls} are taken`);
    items.length = limits.maxUrls;
  }
  return items;
}

/** One address a line; blank lines and lines starting with # are skipped, anything else not http(s) reported. */
export async function readUrlList(file: string, warn: (line: string) => void): Promise<SourceItem[]> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${describeFsError(error)}`);
  }
  const items: SourceItem[] = [];
  source.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const url = absolute(line, '');
    if (!url || !/^https?:\/\//i.test(line)) {
      warn(`firsthand: skipped ${file} line ${i + 1}: not an http(s) address`);
      return;
    }
    items.push({ url, title: '', publishedAt: '', publisher: '', author: '', where: `${file} line ${i + 1}` });
  });
  return items;
}

function keepWithAddress(items: SourceItem[], warn: (line: string) => void): SourceItem[] {
  return items.filter((item) => {
    if (item.url) return true;
    warn(`firsthand: skipped ${item.where}: no http(s) address`);
    return false;
  });
}
