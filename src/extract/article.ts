import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { SENTENCE_END, withoutChrome } from './widget-lines';

/**
 * The article on a page, as the engine wants it: text one paragraph (or heading) a line, plus the metadata a
 * reference needs. Readability is used here and nowhere else; the caller hands in a Document (the page's own
 * clone in the extension, a linkedom document in Node), so this module needs no DOM globals.
 */
export interface ExtractedArticle {
  title: string;
  text: string;
  /** Where the page says it lives: canonical link, og:url, or the address it was loaded from. */
  canonicalUrl: string;
  siteName: string;
  publishedTime: string;
  /** The date the page's metadata declares (article:published_time, itemprop datePublished, a "date" meta tag,
   * JSON-LD's datePublished), '' when none does: publishedTime may come from the page's first <time> element, which
   * can be a related story's or today's. Only a declared date tells the engine which of two articles came first. */
  declaredTime: string;
  byline: string;
  lang: string;
  /** Absolute addresses of the links inside the article. */
  links: string[];
  /** The page declares itself an article: og:type "article", an article:published_time, or JSON-LD of an Article
   * type (NewsArticle, ReportageNewsArticle…). */
  articleMetadata: boolean;
}

/** Elements whose text stands on a line of its own. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** Elements that never hold article text: removed from the copy before Readability walks it. */
const NEVER_ARTICLE =
  'script, style, noscript, template, svg, canvas, iframe, object, embed, video, audio, link, input, select, textarea, button, dialog';

/**
 * Strips from a copy of the page what can never be article text, so that Readability has less to walk: on the 47
 * real news pages this is most of the nodes of the heaviest pages (embedded players, icon sprites). Metadata in
 * <head> is kept. Returns how many elements were removed.
 */
export function pruneForExtraction(doc: Document): number {
  const doomed = (doc.body ?? doc.documentElement).querySelectorAll(NEVER_ARTICLE);
  doomed.forEach((el) => el.remove());
  return doomed.length;
}

/**
 * Social posts embedded as the networks' embed codes give them: a blockquote that the network's script turns into a
 * frame, so that in a browser the post is never article text (frames are not read). Where no script runs (a page the
 * CLI fetches or reads from a file) the blockquote stays, with the post's text and its signature; it is removed so that
 * a page reads alike in both, and a post the page embeds is not taken for the page's own words.
 */
const EMBEDDED_POSTS = [
  'blockquote.twitter-tweet',
  'blockquote.twitter-video',
  'blockquote.instagram-media',
  'blockquote.tiktok-embed',
  'blockquote.text-post-media',
  'blockquote.bluesky-embed',
  'blockquote.mastodon-embed',
  'blockquote.reddit-embed-bq',
].join(', ');

/**
 * Comments are removed before Readability reads the page: a page rendered by a framework separates the text pieces of
 * one line with empty comments ("on Page <!-- -->A<!-- -->7 of the print edition"), and Readability, wrapping a
 * block's loose text into paragraphs, ends a paragraph at each, so that one line became five ("A", "7"). Walked with
 * a stack, not recursion: a hostile page may nest deeper than the call stack goes.
 */
function removeComments(root: Node | null): void {
  const stack: Node[] = root ? [root] : [];
  const comments: Node[] = [];
  while (stack.length) {
    const node = stack.pop() as Node;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 8) comments.push(child);
      else if (child.nodeType === 1) stack.push(child);
    }
  }
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

/** Words of a line long enough to read as running text whatever its end (a headline is shorter). */
const RUNNING_TEXT_WORDS = 12;

/** Words in the lines of `text` that read as running text: ending as a sentence does, or of RUNNING_TEXT_WORDS words
 * or more (a list of headlines has none). */
export function sentenceWords(text: string): number {
  let words = 0;
  for (const line of text.split('\n')) {
    const count = line.split(/\s+/).filter(Boolean).length;
    if (count >= RUNNING_TEXT_WORDS || /[.!?…"”»)]$/.test(line.trim())) words += count;
  }
  return words;
}

/** Does the page declare itself an article (og:type, article:published_time, JSON-LD), whatever its length? */
export function declaresArticle(doc: Document): boolean {
  return readMetadata(doc, '').articleMetadata;
}

/** Readability's own cheap test: does the page look like it has an article at all? */
export function isProbablyArticle(doc: Document): boolean {
  return isProbablyReaderable(doc, { minContentLength: 140, minScore: 20 });
}

/**
 * Extracts the article. Readability rewrites the document it is given, so pass a copy you can spare
 * (`doc.cloneNode(true)`). Returns null when no article is found.
 */
export function extractArticle(doc: Document, pageUrl: string): ExtractedArticle | null {
  const meta = readMetadata(doc, pageUrl);
  for (const embed of Array.from(doc.querySelectorAll(EMBEDDED_POSTS))) embed.remove();
  removeComments(doc.body ?? doc.documentElement);
  const parsed = new Readability<Node>(doc, { serializer: (node: Node) => node }).parse();
  const content = parsed?.content as Element | null | undefined;
  if (!parsed || !content) return null;
  const text = blockText(content);
  if (!text) return null;
  const links: string[] = [];
  for (const anchor of Array.from(content.querySelectorAll('a[href]'))) {
    const href = absolute(anchor.getAttribute('href') ?? '', pageUrl);
    if (href && /^https?:/.test(href)) links.push(href);
  }
  return {
    title: clean(parsed.title ?? '') || meta.title,
    text,
    canonicalUrl: meta.canonicalUrl,
    siteName: clean(parsed.siteName ?? '') || meta.siteName,
    publishedTime: meta.publishedTime || clean(parsed.publishedTime ?? ''),
    declaredTime: meta.declaredTime || clean(parsed.publishedTime ?? ''),
    byline: clean(parsed.byline ?? ''),
    lang: clean(parsed.lang ?? ''),
    links,
    articleMetadata: meta.articleMetadata,
  };
}

/** Page metadata from <head>: canonical address, site name, publication time and title. */
export function readMetadata(
  doc: Document,
  pageUrl: string,
): {
  canonicalUrl: string;
  siteName: string;
  publishedTime: string;
  declaredTime: string;
  title: string;
  articleMetadata: boolean;
} {
  const attr = (selector: string, name: string): string => clean(doc.querySelector(selector)?.getAttribute(name) ?? '');
  const declaredTime =
    attr('meta[property="article:published_time"]', 'content') ||
    attr('meta[name="article:published_time"]', 'content') ||
    attr('meta[itemprop="datePublished"]', 'content') ||
    attr('meta[name="date"]', 'content');
  const canonical =
    absolute(attr('link[rel="canonical"]', 'href'), pageUrl) ||
    absolute(attr('meta[property="og:url"]', 'content'), pageUrl);
  return {
    canonicalUrl: canonical || pageUrl,
    siteName: attr('meta[property="og:site_name"]', 'content') || attr('meta[name="application-name"]', 'content'),
    publishedTime: declaredTime || attr('time[datetime]', 'datetime'),
    declaredTime,
    title: attr('meta[property="og:title"]', 'content') || clean(doc.querySelector('title')?.textContent ?? ''),
    articleMetadata:
      /^article$/i.test(attr('meta[property="og:type"]', 'content')) ||
      attr('meta[property="article:published_time"]', 'content') !== '' ||
      Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).some((script) =>
        ARTICLE_TYPE.test(script.textContent ?? ''),
      ),
  };
}

/** A JSON-LD "@type" of schema.org's Article family (read as text: a page's JSON-LD is often not valid JSON). */
const ARTICLE_TYPE =
  /"@type"\s*:\s*(?:\[[^\]]*)?"(?:News|Reportage|Analysis|Opinion|Report|Background)?(?:News)?Article"/;

/** One line of article text, with how much of it is link text and whether a heading element holds it. */
interface Line {
  text: string;
  linkChars: number;
  heading: boolean;
}

const HEADING = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Text of an element with a line break at every block boundary and white space folded inside lines, page chrome
 * lines left out (see isLinkChrome). */
function blockText(root: Element): string {
  const lines: Line[] = [];
  let current = '';
  let linkText = '';
  let inLink = 0;
  let inHeading = 0;
  const flush = (): void => {
    const line = clean(current);
    if (line) lines.push({ text: line, linkChars: clean(linkText).length, heading: inHeading > 0 });
    current = '';
    linkText = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      if (inLink) linkText += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') return;
    const isBlock = BLOCK_ELEMENTS.has(tag);
    if (isBlock) flush();
    if (tag === 'A') inLink++;
    if (HEADING.has(tag)) inHeading++;
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (tag === 'A') inLink--;
    if (isBlock) flush();
    if (HEADING.has(tag)) inHeading--;
  };
  walk(root);
  flush();
  return withoutChrome(
    lines,
    (line) => line.text,
    (line, i) => isLinkChrome(line, lines[i + 1]),
  )
    .map((line) => line.text)
    .join('\n');
}

/**
 * Page chrome inside the article container, which Readability keeps, is decided line by line on what a line is made
 * of, never on a site or template (withoutChrome, which the plain-text extraction shares: a widget's line, breadcrumbs,
 * an embedded post, and at the text's edges bylines, datelines and authors' notes). Here, too, a line that is mostly
 * link text and does not read as a sentence (a ticker, a share row, a tag list, a "you may also like" item), unless
 * it is a heading over a section of the article (isLinkedHeading). Headings of the article itself (short, no links,
 * no widget words) are kept.
 */
function isLinkChrome(line: Line, next: Line | undefined): boolean {
  const words = line.text.split(' ').length;
  const density = line.linkChars / line.text.length;
  const sentence = SENTENCE_END.test(line.text) && words >= 6;
  return density >= 0.5 && (!sentence || density >= 0.9) && !isLinkedHeading(line, words, next);
}

/** Most words of a heading that links to what its section is about. */
const LINKED_HEADING_MAX_WORDS = 12;

/**
 * A heading of the article that is a link ("“Rez Infinite” ($30)", linked to the game's store page, over the section
 * reviewing it): short (`words` of them), held by a heading element, and followed by running prose, a paragraph of
 * RUNNING_TEXT_WORDS or more ending as a sentence does, that is not itself link text. A list of linked headlines is
 * followed by more links, or by a teaser shorter than that.
 */
function isLinkedHeading(line: Line, words: number, next: Line | undefined): boolean {
  if (!line.heading || words > LINKED_HEADING_MAX_WORDS || next === undefined) return false;
  return (
    !next.heading &&
    next.text.split(' ').length >= RUNNING_TEXT_WORDS &&
    SENTENCE_END.test(next.text) &&
    next.linkChars / next.text.length < 0.5
  );
}

function clean(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function absolute(href: string, base: string): string {
  if (!href) return '';
  try {
    return new URL(href, base || undefined).href;
  } catch {
    return '';
  }
}
