import { describe, expect, test } from 'vitest';
import { referenceFromPage } from '../../src/cli/corpus-build';
import { fromBytes } from '../../src/cli/load-page';
import { ORIGINAL, ORIGINAL_PARAGRAPHS, publisherPage } from '../fixtures/story';

const given = { id: 'courier', url: '', publisher: '', title: '', publishedAt: '' };
const html = (page: string): ReturnType<typeof fromBytes> => fromBytes(Buffer.from(page), 'page.html', 'html', '');

describe("a reference's date", () => {
  test("is the page's declared date, before its feed's", () => {
    const ref = referenceFromPage(html(publisherPage()), given, { publishedAt: '2026-06-30' });
    expect(ref.publishedAt).toBe(`${ORIGINAL.publishedAt}T21:40:00-05:00`);
  });

  test("is its feed's before a date the page does not declare (its first <time>, a text page's date line)", () => {
    // The page's only date is a <time> element, as a related story's or today's in a masthead can be.
    const timed = publisherPage()
      .replace(/<meta property="article:published_time"[^>]*>/, '')
      .replace('<main>', '<main><time datetime="2026-07-04">Today</time>');
    expect(referenceFromPage(html(timed), given, { publishedAt: '2026-05-12' }).publishedAt).toBe('2026-05-12');
    expect(referenceFromPage(html(timed), given).publishedAt).toBe('2026-07-04');
    const text = fromBytes(
      Buffer.from(['Published July 4, 2026', ...ORIGINAL_PARAGRAPHS].join('\n')),
      'p.txt',
      'text',
      '',
    );
    expect(referenceFromPage(text, given, { publishedAt: '2026-05-12' }).publishedAt).toBe('2026-05-12');
    expect(referenceFromPage(text, given).publishedAt).toBe('2026-07-04');
  });
});
