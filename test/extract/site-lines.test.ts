import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SiteLines } from '../../src/extract/site-lines';
import { INDEPENDENT_PARAGRAPHS, ORIGINAL_PARAGRAPHS } from '../fixtures/story';

/** Three stories of our own, each a few sentences a line, as a farm's pages print them. */
const STORIES = [
  ORIGINAL_PARAGRAPHS.slice(0, 3),
  ORIGINAL_PARAGRAPHS.slice(3, 6),
  INDEPENDENT_PARAGRAPHS.slice(0, 3),
  [...ORIGINAL_PARAGRAPHS.slice(6), ...INDEPENDENT_PARAGRAPHS.slice(3)],
];

/** A farm's chrome in words no vocabulary of ours knows (German), with a counter that changes from page to page. */
const chrome = (n: number): string[] => [
  'Beliebt: Bürgermeisterin eröffnet neue Brücke • Rekordernte im Umland',
  `Maria Schulz – ${n + 3}. März 2025 – ${100 + n * 37} Aufrufe`,
  'Folgen Sie uns auf Telegram für tägliche Nachrichten',
];

const page = (story: readonly string[], n: number): string =>
  [chrome(n)[0], chrome(n)[1], ...story, chrome(n)[2]].join('\n');

function cleaned(pages: ReadonlyArray<[string, string]>): string[] {
  const lines = new SiteLines();
  for (const [site, text] of pages) lines.add(site, text);
  return pages.map(([site, text]) => lines.clean(site, text).text);
}

describe('lines a site prints beside several stories are left out', () => {
  test('beside three stories, whatever their numbers; the stories are kept whole', () => {
    const out = cleaned(STORIES.slice(0, 3).map((story, n) => ['farm.example', page(story, n)]));
    STORIES.slice(0, 3).forEach((story, n) => expect(out[n]).toBe(story.join('\n')));
  });

  test('beside two stories, or on pages of other sites, they are kept', () => {
    const two = cleaned(STORIES.slice(0, 2).map((story, n) => ['farm.example', page(story, n)]));
    STORIES.slice(0, 2).forEach((story, n) => expect(two[n]).toBe(page(story, n)));
    const spread = cleaned(STORIES.slice(0, 3).map((story, n) => [`farm${n}.example`, page(story, n)]));
    STORIES.slice(0, 3).forEach((story, n) => expect(spread[n]).toBe(page(story, n)));
    // A page without a site (a saved file without its address) is never cleaned.
    const noSite = cleaned(STORIES.slice(0, 3).map((story, n) => ['', page(story, n)]));
    STORIES.slice(0, 3).forEach((story, n) => expect(noSite[n]).toBe(page(story, n)));
  });

  test("one story printed three times, or excerpts of it, keeps its sentences: they are the story's, not the site's", () => {
    const story = ORIGINAL_PARAGRAPHS;
    const excerpts = [story.slice(0, 5), story.slice(2, 7), [...story.slice(0, 3), ...story.slice(5, 7)]];
    const out = cleaned([
      ...excerpts.map((excerpt, n): [string, string] => ['farm.example', page(excerpt, n)]),
      ['farm.example', page(STORIES[2] as string[], 3)],
      ['farm.example', page(STORIES[3] as string[], 4)],
    ]);
    // Each excerpt shares three of its five paragraphs with each other one; the chrome stands beside three stories.
    excerpts.forEach((excerpt, n) => expect(out[n]).toBe(excerpt.join('\n')));
  });

  test('a line crediting a source stays, however often the site prints it', () => {
    const credit = 'Source: The Harlow Courier';
    const out = cleaned(STORIES.slice(0, 3).map((story, n) => ['farm.example', `${page(story, n)}\n${credit}`]));
    for (const text of out) expect(text.endsWith(`\n${credit}`)).toBe(true);
  });

  test('a page made mostly of the lines its site prints elsewhere keeps them all (it is another copy)', () => {
    const short = 'Pell County will meet the city next week.';
    const pages: Array<[string, string]> = [
      ...STORIES.slice(0, 3).map((story, n): [string, string] => ['farm.example', page(story, n)]),
      ['farm.example', [...chrome(9), short].join('\n')],
    ];
    expect(cleaned(pages)[3]).toBe(pages[3]?.[1]);
  });

  test("a page of thousands of lines is not counted, and is still cleaned of its site's lines", () => {
    // Lines of letters only (numbers would make them one line): a word for each entry, as a long index has them.
    const letters = (i: number): string =>
      [0, 1, 2].map((k) => String.fromCharCode(97 + (Math.floor(i / 26 ** k) % 26))).join('');
    const huge = (n: number): string =>
      page(
        Array.from({ length: 6000 }, (_, i) => `Entry ${letters(i)} of index ${letters(n)}`),
        n,
      );
    const out = cleaned([
      ...STORIES.slice(0, 3).map((story, n): [string, string] => ['farm.example', page(story, n)]),
      ['farm.example', huge(7)],
    ]);
    expect(out[3]?.split('\n')).toHaveLength(6000);
    // Three such pages alone teach nothing (were they counted, their chrome would go: it stands beside three stories).
    const alone = cleaned([1, 2, 3].map((n): [string, string] => ['farm.example', huge(n)]));
    for (const text of alone) expect(text.split('\n')).toHaveLength(6003);
  });

  test('the answer does not depend on the order the pages were added', () => {
    const pages: Array<[string, string]> = STORIES.map((story, n) => ['farm.example', page(story, n)]);
    const expected = cleaned(pages);
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }), (order) => {
        const lines = new SiteLines();
        for (const i of order) lines.add(...(pages[i] as [string, string]));
        pages.forEach(([site, text], i) => expect(lines.clean(site, text).text).toBe(expected[i]));
      }),
    );
  });

  test('every page is added before any is cleaned', () => {
    const lines = new SiteLines();
    lines.add('farm.example', page(STORIES[0] as string[], 0));
    lines.clean('farm.example', 'x');
    expect(() => lines.add('farm.example', 'y')).toThrow(/before any is cleaned/);
  });
});
