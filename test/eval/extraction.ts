import { readFileSync } from 'node:fs';
import { parseDocument } from '../../src/cli/dom';
import { extractArticle } from '../../src/extract/article';
import { extractPlainText } from '../../src/extract/plain-text';
import { SITE_LINE_MIN_PAGES, siteLineKey } from '../../src/extract/site-lines';
import { pageAsText } from './chrome';
import { readabilityNewsPages, readabilityPageHtml, sharedPath } from './data';

/**
 * How much page chrome the extraction keeps, measured on the real news pages of readability-pages against
 * Readability's own expected output for each: words our article text has that the expected text lacks ("kept",
 * chrome we let through, or lines we add back), and words the expected text has that ours lacks ("lost", article
 * text a cleanup rule threw away). Words are compared as multisets of lower-cased letter and digit runs. Each page is
 * measured as HTML (`html`) and saved as text (`text`: all the page says, a block a line, through the plain-text
 * extraction, as a reader who saves or copies a page hands it to the CLI). Readability's expected text keeps some
 * chrome of its own (captions, "Related" lines, newsletter prompts, print notes), so "lost" counts those too;
 * `proseLost` counts only the words of its blocks of running text (12 words or more, ending as a sentence) that our
 * text lacks, each block's words in order.
 */
export interface ExtractionFigures {
  pages: number;
  expectedWords: number;
  kept: number;
  lost: number;
  /** Pages losing more than 2% of their expected words. */
  pagesLosingOver2: string[];
  /** Words of the expected text's blocks of running text missing from ours, and how many such blocks. */
  proseLost: number;
  proseBlocksLost: number;
  /** Pages whose title is their headline (see isHeadlineOf), and the others' names. */
  titled: number;
  mistitled: string[];
}

/** Words of a block of running text: as many as a sentence of the article has, where a caption or headline has fewer. */
const PROSE_WORDS = 12;

/** The expected text's innermost blocks, as text. */
function blocksOf(body: Element): string[] {
  return Array.from(body.querySelectorAll('p, li, h1, h2, h3, h4, figcaption, blockquote, td, div'))
    .filter((el) => !el.querySelector('p, li, div, blockquote, td'))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function counts(list: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const w of list) map.set(w, (map.get(w) ?? 0) + 1);
  return map;
}

function excess(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [w, c] of a) n += Math.max(0, c - (b.get(w) ?? 0));
  return n;
}

export function extractionFigures(): { html: ExtractionFigures; text: ExtractionFigures } {
  const html = figuresOf((name) => {
    const article = extractArticle(parseDocument(readabilityPageHtml(name)), `https://${name}.example/`);
    return { text: article?.text ?? '', title: article?.title ?? '' };
  });
  const text = figuresOf((name) => extractPlainText(pageAsText(readabilityPageHtml(name))));
  return { html, text };
}

const titleWords = (text: string): string => words(text).join(' ');

/**
 * Whether a title is the page's headline: the title Readability's expected metadata gives (the document's title,
 * often with the site's name after it) or one of the page's top-level headings holds it, and it is at least half of
 * that one. A heading may say it otherwise than the document's title ("The Modern Ambitions Behind Neon" over "Why
 * Neon Is the Ultimate Symbol of the 20th Century").
 */
function isHeadlineOf(title: string, name: string, html: string): boolean {
  const ours = titleWords(title);
  if (ours === '') return false;
  const metadata = JSON.parse(
    readFileSync(sharedPath('data', 'readability-pages', 'test', 'test-pages', name, 'expected-metadata.json'), 'utf8'),
  ) as { title?: string };
  const headings = Array.from(parseDocument(html).querySelectorAll('h1'), (h) => h.textContent ?? '');
  return [metadata.title ?? '', ...headings].some((candidate) => {
    const theirs = titleWords(candidate);
    return theirs.includes(ours) && ours.length * 2 >= theirs.length;
  });
}

function figuresOf(extract: (name: string) => { text: string; title: string }): ExtractionFigures {
  const figures: ExtractionFigures = {
    pages: 0,
    expectedWords: 0,
    kept: 0,
    lost: 0,
    pagesLosingOver2: [],
    proseLost: 0,
    proseBlocksLost: 0,
    titled: 0,
    mistitled: [],
  };
  for (const { name } of readabilityNewsPages()) {
    const expectedHtml = readFileSync(
      sharedPath('data', 'readability-pages', 'test', 'test-pages', name, 'expected.html'),
      'utf8',
    );
    const body = parseDocument(`<html><body>${expectedHtml}</body></html>`).body;
    const expected = counts(words(body.textContent ?? ''));
    const article = extract(name);
    if (isHeadlineOf(article.title, name, readabilityPageHtml(name))) figures.titled++;
    else figures.mistitled.push(name);
    const ourWords = words(article.text);
    const ours = counts(ourWords);
    const inOrder = ` ${ourWords.join(' ')} `;
    for (const block of blocksOf(body)) {
      const blockWords = words(block);
      if (blockWords.length < PROSE_WORDS || !/[.!?"”’)]$/.test(block)) continue;
      if (inOrder.includes(` ${blockWords.join(' ')} `)) continue;
      figures.proseLost += blockWords.length;
      figures.proseBlocksLost++;
    }
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    const lost = excess(expected, ours);
    figures.pages++;
    figures.expectedWords += total;
    figures.kept += excess(ours, expected);
    figures.lost += lost;
    if (total > 0 && lost / total > 0.02)
      figures.pagesLosingOver2.push(`${name} (${Math.round((100 * lost) / total)}%)`);
  }
  return figures;
}

/**
 * Chrome the extraction leaves that a rule on lines repeated across pages of one site would take out: lines (lower
 * case, digits as "#", so that a view count or a date does not hide a repeat) found in the article text of
 * SITE_LINE_MIN_PAGES or more pages of one host. Returns how many such lines there are and how many pages hold one.
 */
export function siteRepeatedLines(pages: ReadonlyArray<{ url: string; text: string }>): {
  lines: number;
  pages: number;
} {
  const byHost = new Map<string, Map<string, number>>();
  const keysOf = pages.map((page) => {
    const host = URL.canParse(page.url) ? new URL(page.url).host : '';
    const keys = new Set(page.text.split('\n').map(siteLineKey).filter(Boolean));
    const seen = byHost.get(host) ?? new Map<string, number>();
    byHost.set(host, seen);
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
    return { host, keys };
  });
  let lines = 0;
  for (const seen of byHost.values()) for (const n of seen.values()) if (n >= SITE_LINE_MIN_PAGES) lines++;
  const holding = keysOf.filter(({ host, keys }) => {
    const seen = byHost.get(host) as Map<string, number>;
    return [...keys].some((k) => (seen.get(k) ?? 0) >= SITE_LINE_MIN_PAGES);
  }).length;
  return { lines, pages: holding };
}
