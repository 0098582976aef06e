/**
 * Lines repeated across pages of one site: chrome that a site prints on every page (a ticker, a newsletter prompt, a
 * share row, a plugin's labels, a stock photo's caption), in whatever words and language, which the widget vocabulary
 * (widget-lines.ts) may not know. A batch of pages from one site (a feed, a sitemap, a list) shows them: a line of the
 * article text that the site prints beside SITE_LINE_MIN_PAGES different stories or more is the site's, not the
 * article's.
 *
 * Measured on the eval's rewrites in farm chrome with the extraction of d9f6328 (2026-12-04, before the widget
 * vocabulary knew the templates' newer widgets): 63.2% / 63.9% of rewrites found, 90.0% / 89.2% with these lines left
 * out, which is what today's vocabulary finds without them. Pure: no DOM, no browser or Node API.
 */

/** Pages of one site a line must stand on to be the site's (two pages may share a quotation or a wire story's line). */
export const SITE_LINE_MIN_PAGES = 3;

/** Longest line taken for the site's: chrome is short; a longer line repeated is an article printed twice. */
export const SITE_LINE_MAX_WORDS = 40;

/** A page keeps every line when its site's lines would take more than this share of its words: it is then another
 * copy of an article the batch holds (the same story at two addresses, or its excerpt), not the site's chrome. */
export const SITE_LINE_MAX_SHARE = 0.5;

/** A line that credits a source ("Source: Reuters", "This story first appeared in …") is kept however often the site
 * prints it: it is evidence for the verdict (did the page credit its source?), not noise. */
const CREDIT =
  /\b(?:source[sd]?|originally|first (?:appeared|published|reported)|appeared (?:first )?in|via|according to|reported by|courtesy|republished|reprinted)\b/i;

/** A line of running text, as an article's sentences are: this many words or more, ending as a sentence does. */
const PROSE_WORDS = 8;
const PROSE_END = /[.!?…"”»]$/;

/** Two pages sharing this many lines of running text (or every such line of the shorter one) print one story (the
 * same wire copy, or an excerpt of it): the lines they share are the story's, not the site's. Chrome rarely holds more
 * than two such lines (a newsletter prompt, a disclaimer). */
const STORY_SHARED_LINES = 3;

/** A line of running text on more pages than this links none of them: a story is not printed ten times by one site,
 * a prompt of the site's is printed on every page (and pairing every page with every other would cost a batch's
 * square). */
const STORY_MAX_PAGES = 10;

/** Most lines of a page counted: the longest of the 130 readability pages has 637 (wikipedia-2); a page of more is
 * judged, and cleaned of its site's lines, but not counted, so that a hostile batch of 200 pages of a million short
 * lines each cannot fill the memory. */
const MAX_COUNTED_LINES = 5000;

/** A line as it is compared across pages: lower case, white space folded, every number as "#" (a view count, a date or
 * a page number changes from page to page on the same widget). */
export function siteLineKey(line: string): string {
  return line.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

const wordsIn = (line: string): number => line.split(/\s+/).filter(Boolean).length;

/** What a line must be to be counted at all: short enough for chrome, no credit. */
function isCandidate(line: string): boolean {
  const words = wordsIn(line);
  return words > 0 && words <= SITE_LINE_MAX_WORDS && !CREDIT.test(line);
}

function isProse(line: string): boolean {
  return wordsIn(line) >= PROSE_WORDS && PROSE_END.test(line.trim());
}

interface Page {
  /** The page's candidate lines, as keys. */
  keys: Set<string>;
  /** Its lines of running text, as keys. */
  prose: Set<string>;
}

/**
 * The lines of each site's pages. Add every page of the batch (`add`), then clean each (`clean`): the answer depends
 * on the batch as a whole, never on the order pages were added. A line is the site's when it stands beside
 * SITE_LINE_MIN_PAGES different stories or more: pages that share STORY_SHARED_LINES lines of running text are one
 * story (a site printing one wire story three times does not make its sentences chrome).
 */
export class SiteLines {
  private readonly pages = new Map<string, Page[]>();
  private siteLines: Map<string, Set<string>> | null = null;

  /** One page of `site` (a site as siteOf gives it; an empty site is no site, never counted). */
  add(site: string, text: string): void {
    if (this.siteLines) throw new Error('SiteLines: every page is added before any is cleaned');
    if (!site) return;
    const lines = text.split('\n');
    if (lines.length > MAX_COUNTED_LINES) return;
    const page: Page = { keys: new Set(), prose: new Set() };
    for (const line of lines) {
      if (isCandidate(line)) page.keys.add(siteLineKey(line));
      if (isProse(line)) page.prose.add(siteLineKey(line));
    }
    const pages = this.pages.get(site) ?? [];
    pages.push(page);
    this.pages.set(site, pages);
  }

  /** Is this line one `site` prints beside SITE_LINE_MIN_PAGES stories or more? */
  isSiteLine(site: string, line: string): boolean {
    if (!site || !isCandidate(line)) return false;
    return this.linesOf(site).has(siteLineKey(line));
  }

  /** The page's text without its site's lines, and the lines left out (none: the text as it was). */
  clean(site: string, text: string): { text: string; removed: string[] } {
    const kept: string[] = [];
    const removed: string[] = [];
    for (const line of text.split('\n')) (this.isSiteLine(site, line) ? removed : kept).push(line);
    if (removed.length === 0) return { text, removed: [] };
    const removedWords = removed.reduce((n, line) => n + wordsIn(line), 0);
    if (removedWords > SITE_LINE_MAX_SHARE * wordsIn(text)) return { text, removed: [] };
    return { text: kept.join('\n'), removed };
  }

  private linesOf(site: string): Set<string> {
    if (!this.siteLines) {
      this.siteLines = new Map();
      for (const [name, pages] of this.pages) this.siteLines.set(name, linesBesideStories(pages));
    }
    return this.siteLines.get(site) ?? new Set();
  }
}

/** The lines standing beside SITE_LINE_MIN_PAGES stories or more, pages grouped into stories by the running text
 * they share. */
function linesBesideStories(pages: readonly Page[]): Set<string> {
  const story = pages.map((_, i) => i);
  const root = (i: number): number => {
    while (story[i] !== i) {
      story[i] = story[story[i] as number] as number;
      i = story[i] as number;
    }
    return i;
  };
  const holders = new Map<string, number[]>();
  pages.forEach((page, i) => {
    for (const key of page.prose) {
      const list = holders.get(key);
      if (list) list.push(i);
      else holders.set(key, [i]);
    }
  });
  const shared = new Map<number, number>();
  for (const list of holders.values()) {
    if (list.length < 2 || list.length > STORY_MAX_PAGES) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const pair = (list[a] as number) * pages.length + (list[b] as number);
        const n = (shared.get(pair) ?? 0) + 1;
        shared.set(pair, n);
        const needed = Math.min(
          STORY_SHARED_LINES,
          (pages[list[a] as number] as Page).prose.size,
          (pages[list[b] as number] as Page).prose.size,
        );
        if (n === needed) story[root(list[a] as number)] = root(list[b] as number);
      }
    }
  }
  const stories = new Map<string, Set<number>>();
  pages.forEach((page, i) => {
    const group = root(i);
    for (const key of page.keys) stories.set(key, (stories.get(key) ?? new Set()).add(group));
  });
  const lines = new Set<string>();
  for (const [key, groups] of stories) if (groups.size >= SITE_LINE_MIN_PAGES) lines.add(key);
  return lines;
}
