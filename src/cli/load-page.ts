import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { extractArticle, isProbablyArticle, readMetadata, sentenceWords } from '../extract/article';
import { decodePage, EncodingError } from '../extract/decode';
import { extractPlainText } from '../extract/plain-text';
import { CliError } from './cli-error';
import { parseDocument } from './dom';
import { Fetcher } from './fetcher';

/** One page read for the engine: its article text and what the page says about itself. */
export interface LoadedPage {
  label: string;
  text: string;
  title: string;
  /** Where the page lives: --url, the address fetched, or the page's canonical link. */
  url: string;
  links: string[];
  siteName: string;
  publishedTime: string;
  /** The date the page's metadata declares (see ExtractedArticle.declaredTime), '' for a text page, whose date is
   * read from a date line that may be another story's (a box of related headlines above the article): only a
   * declared date tells the engine which of two articles came first (LATER_MIN_DAYS). */
  declaredTime: string;
}

/** Pages larger than this are refused: no news article needs it, and parsing one would take seconds. */
const MAX_PAGE_BYTES = 20 * 1024 * 1024;
/** A page Readability does not find readerable is still judged when its article holds this many words of running
 * text (sentences): briefs, snippets and "read the full story at…" reposts. */
export const SHORT_ARTICLE_WORDS = 50;
const PAGE_TYPES = /html|xml|text\/plain/;

let defaultFetcher: Fetcher | undefined;

/** Reads a page from a file, standard input (-) or an http(s) address (fetched politely, see Fetcher). */
export async function loadPage(input: string, url?: string, fetcher?: Fetcher): Promise<LoadedPage> {
  if (/^https?:\/\//i.test(input)) return fromUrl(input, fetcher ?? (defaultFetcher ??= new Fetcher()));
  const label = input === '-' ? 'standard input' : input;
  let bytes: Buffer;
  try {
    bytes = input === '-' ? await readStdin() : await readFile(input);
  } catch (error) {
    throw new CliError(`cannot read ${label}: ${describeFsError(error)}`);
  }
  return fromBytes(bytes, label, kindByName(input), url ?? '');
}

/** A page's kind by its file name, or 'auto' (decided by its first tags, see kindOf). */
function kindByName(path: string): 'html' | 'text' | 'auto' {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.txt' || ext === '.text' || ext === '.md') return 'text';
  return 'auto';
}

function kindOf(source: string): 'html' | 'text' {
  const head = source.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(head|body|p|div|article)[\s>]/.test(head)
    ? 'html'
    : 'text';
}

/** A page from its bytes, decoded in the encoding they were written in (see src/extract/decode.ts; `contentType` is
 * the one it was served with, if fetched). */
export function fromBytes(
  bytes: Buffer,
  label: string,
  given: 'html' | 'text' | 'auto',
  url: string,
  contentType = '',
): LoadedPage {
  if (bytes.length > MAX_PAGE_BYTES) {
    throw new CliError(
      `${label} is ${(bytes.length / 1048576).toFixed(1)} MB; pages over ${MAX_PAGE_BYTES / 1048576} MB are not checked`,
    );
  }
  let source: string;
  try {
    source = decodePage(bytes, contentType);
  } catch (error) {
    if (error instanceof EncodingError) throw new CliError(`${label}: ${error.message}`);
    throw error;
  }
  if (source.includes('\0')) throw new CliError(`${label} is not a text or HTML page (binary data)`);
  if (!source.trim()) throw new CliError(`${label} is empty`);
  const kind = given === 'auto' ? kindOf(source) : given;
  if (kind === 'text') {
    const article = extractPlainText(source);
    return {
      label,
      text: article.text,
      title: article.title,
      url,
      links: [],
      siteName: '',
      publishedTime: article.publishedTime,
      declaredTime: '',
    };
  }
  const doc = parseDocument(source);
  const readerable = isProbablyArticle(doc);
  const meta = readMetadata(doc, url);
  const article = articleOf(doc, url || meta.canonicalUrl);
  if (!readerable && (!article || sentenceWords(article.text) < SHORT_ARTICLE_WORDS)) {
    throw new CliError(`${label}: not an article page (no block of running text to judge)`);
  }
  if (!article) throw new CliError(`${label}: no article found on the page`);
  return {
    label,
    text: article.text,
    title: article.title,
    url: url || article.canonicalUrl,
    links: article.links,
    siteName: article.siteName,
    publishedTime: article.publishedTime,
    declaredTime: article.declaredTime,
  };
}

/** Readability's article, or null when it finds none or cannot read the document (a fragment without a body). */
function articleOf(doc: Document, url: string): ReturnType<typeof extractArticle> {
  try {
    return extractArticle(doc, url);
  } catch {
    return null;
  }
}

async function fromUrl(address: string, fetcher: Fetcher): Promise<LoadedPage> {
  const fetched = await fetcher.get(address, PAGE_TYPES, 'web page');
  const kind = fetched.contentType.includes('text/plain') ? 'text' : 'html';
  return fromBytes(fetched.body, address, kind, fetched.url, fetched.contentType);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > MAX_PAGE_BYTES) break;
  }
  return Buffer.concat(chunks);
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
