import { canonicalUrl, siteOf } from '../core';
import { listingsFor, type DomainList } from './context-lists';
import type { Settings } from './messages';

/**
 * Learning originals as the reader reads: which pages are learned, and who is the original when a copy was learned
 * first. Pure rules (no browser API), so that each is tested on its own; the background applies them.
 */

/** Fewest words of article text a learned original has (shorter pages are briefs, section fronts, teasers). */
export const MIN_LEARNED_WORDS = 150;

/** What the background knows of a page when deciding whether to learn it. */
export interface LearnablePage {
  url: string;
  canonicalUrl: string;
  words: number;
  articleMetadata: boolean;
  /** Readability found a main text block (always so when the content script sent an article). */
  mainText: boolean;
  /** The tab is in a private (incognito) window. */
  incognito: boolean;
}

export type LearnDecision = { learn: true } | { learn: false; why: string };

/** The trusted-publisher list in use: the bundled one, less what the reader removed, plus what the reader added. */
export function trustedList(bundled: DomainList, settings: Pick<Settings, 'trustedAdded' | 'trustedRemoved'>) {
  const domains = new Set(bundled.domains);
  for (const domain of settings.trustedRemoved) domains.delete(domain);
  for (const domain of settings.trustedAdded) domains.add(domain);
  return { ...bundled, domains };
}

/**
 * Whether a page that matched nothing known is learned as an original: learning is on, the window is not private,
 * the page is its own canonical, looks like an article, is long enough, its site is not on a content-farm or AI-site
 * list, and it is on the trusted-publisher list (or the reader chose to learn from every unlisted site).
 */
export function learnDecision(
  page: LearnablePage,
  settings: Pick<Settings, 'learning' | 'learnEverywhere'>,
  trusted: DomainList,
  farmLists: readonly DomainList[],
): LearnDecision {
  if (!settings.learning) return { learn: false, why: 'learning is paused' };
  if (page.incognito) return { learn: false, why: 'nothing is learned in a private window' };
  if (!/^https?:\/\//.test(page.url)) return { learn: false, why: 'not a web page' };
  if (canonicalUrl(page.canonicalUrl) !== canonicalUrl(page.url)) {
    return { learn: false, why: 'the page names another address as its canonical one' };
  }
  if (!page.articleMetadata && !page.mainText) return { learn: false, why: 'the page does not look like an article' };
  if (page.words < MIN_LEARNED_WORDS) {
    return { learn: false, why: `too short to learn (${page.words} words; ${MIN_LEARNED_WORDS} needed)` };
  }
  const listed = listingsFor(page.url, farmLists)[0];
  if (listed) return { learn: false, why: `the site is on “${listed.list}”` };
  if (listingsFor(page.url, [trusted]).length > 0) return { learn: true };
  if (settings.learnEverywhere) return { learn: true };
  return { learn: false, why: 'the site is not on the trusted-publisher list' };
}

/** What the rule needs of the page being read and of the learned reference it matched. */
export interface DatedPage {
  url: string;
  /** ISO date or timestamp, or ''. */
  publishedAt: string;
}

export interface LearnedSource extends DatedPage {
  /** Addresses the learned article linked to. */
  links: readonly string[];
}

/**
 * The copy seen before its original. A page on its own (trusted) site matches a reference learned earlier: the page
 * is the original, and the learned one derived from it, when the learned one credits the page's site (links to it),
 * or when both are dated and the learned one was published later. Otherwise (the learned one is older, or a date
 * is missing and there is no credit) the first one learned stays the original: the reader saw it first, and a date
 * that is not there cannot overturn that.
 */
export function pageIsOriginalOf(page: DatedPage, learned: LearnedSource): boolean {
  const site = siteOf(page.url);
  if (learned.links.some((link) => siteOf(link) === site)) return true;
  const pageDate = Date.parse(page.publishedAt);
  const learnedDate = Date.parse(learned.publishedAt);
  if (Number.isNaN(pageDate) || Number.isNaN(learnedDate)) return false;
  return learnedDate > pageDate;
}

/** The sites an article links to, once each, at most 50 (what a learned reference keeps of its links). */
export function linkedSites(links: readonly string[], pageUrl: string): string[] {
  const own = siteOf(pageUrl);
  const sites = new Set<string>();
  for (const link of links) {
    const site = siteOf(link);
    if (site && site !== own) sites.add(`https://${site}/`);
    if (sites.size >= 50) break;
  }
  return [...sites];
}
