import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractArticle, isProbablyArticle } from '../../src/extract/article';
import { parseDocument } from '../../src/cli/dom';
import { hasShared, readabilityNewsPages, sharedPath } from '../eval/data';
import { ORIGINAL, ORIGINAL_PARAGRAPHS, farmPage, publisherPage, sectionFrontPage } from '../fixtures/story';

describe('extractArticle on our own pages', () => {
  test('reads text a paragraph a line, and the metadata a reference needs', () => {
    const article = extractArticle(parseDocument(publisherPage()), 'https://www.harlowcourier.example/x');
    expect(article).not.toBeNull();
    expect(article!.text.split('\n')).toEqual(expect.arrayContaining(ORIGINAL_PARAGRAPHS));
    expect(article!.canonicalUrl).toBe(ORIGINAL.url);
    expect(article!.siteName).toBe(ORIGINAL.publisher);
    expect(article!.publishedTime).toMatch(/^2026-05-12/);
  });

  test("leaves the content farm's chrome out and keeps its links", () => {
    const article = extractArticle(parseDocument(farmPage()), 'https://buzzdaily.example/harlow');
    expect(article!.text).not.toMatch(/Related Posts|dog did next|Trending/);
    expect(article!.links).toContain('https://www.harlowcourier.example/');
  });

  test('a section front of links is not an article', () => {
    expect(isProbablyArticle(parseDocument(sectionFrontPage()))).toBe(false);
    expect(isProbablyArticle(parseDocument(publisherPage()))).toBe(true);
  });
});

// The real news pages of readability-pages: our block-text extraction must keep what Readability's own expected
// output holds (the test corpus's expected.html), with paragraph breaks.
describe.skipIf(!hasShared())('extractArticle on the 47 real news pages', () => {
  const pages = hasShared() ? readabilityNewsPages() : [];
  test.each(pages.map((p) => [p.name]))('%s', (name) => {
    const dir = sharedPath('data', 'readability-pages', 'test', 'test-pages', name);
    const article = extractArticle(
      parseDocument(readFileSync(`${dir}/source.html`, 'utf8')),
      `https://${name}.example/`,
    );
    expect(article).not.toBeNull();
    const expected =
      parseDocument(
        `<!doctype html><html><head></head><body>${readFileSync(`${dir}/expected.html`, 'utf8')}</body></html>`,
      ).body.textContent ?? '';
    const squash = (s: string): string => s.replace(/\s+/g, '');
    // Same characters as Readability's expected output, give or take 2% (white space aside).
    const ratio = squash(article!.text).length / Math.max(1, squash(expected).length);
    expect(ratio).toBeGreaterThan(0.98);
    expect(ratio).toBeLessThan(1.02);
    if (existsSync(`${dir}/expected.html`) && squash(expected).length > 2000)
      expect(article!.text.split('\n').length).toBeGreaterThan(3);
  });
});
