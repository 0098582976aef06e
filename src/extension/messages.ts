import type { Passage, Verdict } from '../core';
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
  /** How long each step took on the page's main thread, in ms (each step is its own task). */
  timings: Timings;
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
  name: string;
  references: number;
  bytes: number;
  importedAt: string;
}

export type BackgroundRequest =
  | ArticleMessage
  | { type: 'page-start'; url: string }
  | { type: 'get-report'; tabId: number }
  /** The options page imported or removed a pack (in IndexedDB): the background rebuilds its corpus. */
  | { type: 'packs-changed' };

export type ContentRequest = { type: 'highlight'; on: boolean } | { type: 'ping' };

export interface Settings {
  /** Show the small verdict badge inside the page (the toolbar badge is always shown). */
  inPageBadge: boolean;
  /** How much evidence a rewrite verdict needs: strict flags fewer pages wrongly and finds fewer rewrites. */
  sensitivity: Sensitivity;
}

export const DEFAULT_SETTINGS: Settings = { inPageBadge: true, sensitivity: DEFAULT_SENSITIVITY };

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
  };
}
