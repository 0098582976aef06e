import type { Passage, Verdict } from '../core';
import type { ExtractedArticle } from '../extract/article';
import type { Listing } from './context-lists';
import { DEFAULT_SENSITIVITY, isSensitivity, type Sensitivity } from '../core';

/**
 * What the extension's parts say to each other. The content script sends the article it extracted; the background
 * judges it against the corpus it holds and answers with a `PageReport`, which the popup reads back.
 */
export interface ArticleMessage {
  type: 'judge-article';
  text: string;
  url: string;
  title: string;
  links: string[];
  /** What the page says of itself (for learning it as an original): its canonical address, site name, the date its
   * metadata declares (the only date the engine compares with a reference's, LATER_MIN_DAYS, and the one a learned
   * reference keeps), and whether it declares itself an article. */
  canonicalUrl: string;
  siteName: string;
  declaredTime: string;
  articleMetadata: boolean;
  /** How long each step took on the page's main thread, in ms (each step is its own task). */
  timings: Timings;
}

/** The message that sends an extracted article to be judged (links capped at 500). */
export function articleMessage(article: ExtractedArticle, url: string, timings: Timings): ArticleMessage {
  return {
    type: 'judge-article',
    text: article.text,
    url,
    title: article.title,
    links: article.links.slice(0, 500),
    canonicalUrl: article.canonicalUrl,
    siteName: article.siteName,
    declaredTime: article.declaredTime,
    articleMetadata: article.articleMetadata,
    timings,
  };
}

export interface Timings {
  gate: number;
  clone: number;
  prune: number;
  extract: number;
}

/** The verdict on one tab as the UI shows it: everything is plain data, rendered with text APIs only. */
export type PageReport =
  | (Omit<Verdict, 'evidence'> &
      Pick<Verdict['evidence'], 'alignedSentences' | 'comparedSentences'> & {
        /** Names and numbers of the page that the source has too. */
        sharedFacts: number;
        status: 'judged';
        url: string;
        /** The corpora the page was judged against, with their reference counts. */
        searched: SearchedCorpus[];
        /** Context lists naming the page's site (said beside the verdict, never part of it). */
        listed: Listing[];
        /** Where the source is known from, in words ("known from your subscription “Example News”, updated
         * 2026-11-30"); null without a source. */
        provenance: string | null;
        /** What the reader's own corpus did with this page ("learned as an original"), or null. */
        learned: string | null;
        passages: Array<Pick<Passage, 'kind' | 'text'>>;
        timings?: Timings;
      })
  | { status: 'nothing'; url: string; reason: string; timings?: Timings };

export interface SearchedCorpus {
  name: string;
  references: number;
}

export interface ImportedPackInfo {
  id: string;
  kind: 'imported' | 'subscription';
  name: string;
  references: number;
  bytes: number;
  importedAt: string;
}

/** The last link checked from the context menu or the popup. */
export type LinkReport =
  | { url: string; at: string; outcome: 'judged'; report: PageReport }
  | { url: string; at: string; outcome: 'failed'; error: string };

export type BackgroundRequest =
  | ArticleMessage
  /** Check a linked page without opening it (the popup's field; the context menu calls the same). */
  | { type: 'check-link'; url: string }
  | { type: 'get-last-link' }
  | { type: 'page-start'; url: string }
  | { type: 'get-report'; tabId: number }
  /** The options page imported or removed a pack, subscribed, or erased learned references (all in IndexedDB): the
   * background rebuilds its corpus, and sets or clears its update alarm. */
  | { type: 'packs-changed' };

export type ContentRequest = { type: 'highlight'; on: boolean } | { type: 'ping' };

export interface Settings {
  /** Show the small verdict badge inside the page (the toolbar badge is always shown). */
  inPageBadge: boolean;
  /** How much evidence a rewrite verdict needs: strict flags fewer pages wrongly and finds fewer rewrites. */
  sensitivity: Sensitivity;
  /** Learn originals as the reader reads them on trusted publishers' sites (off: paused). */
  learning: boolean;
  /** Learn from every site that is not on a content-farm or AI-site list, not only trusted publishers. */
  learnEverywhere: boolean;
  /** Most learned references kept; the least recently seen go first. */
  learnedCap: number;
  /** Domains the reader added to the trusted-publisher list, and bundled ones the reader removed. */
  trustedAdded: string[];
  trustedRemoved: string[];
}

export const LEARNED_CAP_CHOICES = [10_000, 50_000, 100_000] as const;

export const DEFAULT_SETTINGS: Settings = {
  inPageBadge: true,
  sensitivity: DEFAULT_SENSITIVITY,
  learning: true,
  learnEverywhere: false,
  learnedCap: 50_000,
  trustedAdded: [],
  trustedRemoved: [],
};

const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$/;

/** A domain name as the reader typed it ("https://www.Example.com/x" → "example.com"), or null if it is none. */
export function domainOf(text: string): string | null {
  let name = text.trim().toLowerCase();
  if (!name || name.startsWith('#')) return null;
  try {
    if (/^[a-z]+:\/\//.test(name)) name = new URL(name).hostname;
  } catch {
    return null;
  }
  name = name
    .replace(/\/.*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return DOMAIN.test(name) ? name : null;
}

function domains(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const found = new Set<string>();
  for (const item of value) {
    const domain = typeof item === 'string' ? domainOf(item) : null;
    if (domain) found.add(domain);
  }
  return [...found].slice(0, 100_000);
}

/**
 * Settings as stored (storage.local can hold anything: an older version's keys, a hand edit), checked field by field:
 * what is missing or not valid falls back to its default, so an unknown sensitivity never switches rewrites off.
 */
export function parseSettings(stored: unknown): Settings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  return {
    inPageBadge: typeof value.inPageBadge === 'boolean' ? value.inPageBadge : DEFAULT_SETTINGS.inPageBadge,
    sensitivity:
      typeof value.sensitivity === 'string' && isSensitivity(value.sensitivity)
        ? value.sensitivity
        : DEFAULT_SETTINGS.sensitivity,
    learning: typeof value.learning === 'boolean' ? value.learning : DEFAULT_SETTINGS.learning,
    learnEverywhere:
      typeof value.learnEverywhere === 'boolean' ? value.learnEverywhere : DEFAULT_SETTINGS.learnEverywhere,
    learnedCap: (LEARNED_CAP_CHOICES as readonly unknown[]).includes(value.learnedCap)
      ? (value.learnedCap as number)
      : DEFAULT_SETTINGS.learnedCap,
    trustedAdded: domains(value.trustedAdded),
    trustedRemoved: domains(value.trustedRemoved),
  };
}
