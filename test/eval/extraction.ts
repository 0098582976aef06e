import { readFileSync } from 'node:fs';
import { parseDocument } from '../../src/cli/dom';
import { extractArticle } from '../../src/extract/article';
import { extractPlainText } from '../../src/extract/plain-text';
import { pageAsText } from './chrome';
import { readabilityNewsPages, readabilityPageHtml, sharedPath } from './data';

/**
 * How much page chrome the extraction keeps, measured on the real news pages of readability-pages against
 * Readability's own expected output for each: words our article text has that the expected text lacks ("kept",
 * chrome we let through, or lines we add back), and words the expected text has that ours lacks ("lost", article
 * text a cleanup rule threw away). Words are compared as multisets of lower-cased letter and digit runs. Each page is
 * measured as HTML (`html`) and saved as text (`text`: all the page says, a block a line, through the plain-text
 * extraction, as a reader who saves or copies a page hands it to the CLI).
 */
export interface ExtractionFigures {
  pages: number;
  expectedWords: number;
  kept: number;
  lost: number;
  /** Pages losing more than 2% of their expected words. */
  pagesLosingOver2: string[];
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
  const html = figuresOf(
    (name) => extractArticle(parseDocument(readabilityPageHtml(name)), `https://${name}.example/`)?.text ?? '',
  );
  const text = figuresOf((name) => extractPlainText(pageAsText(readabilityPageHtml(name))).text);
  return { html, text };
}

function figuresOf(extract: (name: string) => string): ExtractionFigures {
  const figures: ExtractionFigures = { pages: 0, expectedWords: 0, kept: 0, lost: 0, pagesLosingOver2: [] };
  for (const { name } of readabilityNewsPages()) {
    const expectedHtml = readFileSync(
      sharedPath('data', 'readability-pages', 'test', 'test-pages', name, 'expected.html'),
      'utf8',
    );
    const expected = counts(words(parseDocument(`<html><body>${expectedHtml}</body></html>`).body.textContent ?? ''));
    const ours = counts(words(extract(name)));
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
