import type { NoVerdict, Verdict, VerdictKind } from '../core';
import type { Listing } from './context-lists';
import type { PageReport, SearchedCorpus } from './messages';

/** A verdict reduced to what the UI shows (no offsets into the page, no internal measurements). */
export function toReport(
  url: string,
  result: Verdict | NoVerdict,
  searched: SearchedCorpus[],
  listed: Listing[] = [],
  known: { provenance: string | null; learned: string | null } = { provenance: null, learned: null },
): PageReport {
  if (result.verdict === null) return { status: 'nothing', url, reason: result.reason };
  const { evidence: _evidence, ...verdict } = result;
  return {
    ...verdict,
    status: 'judged',
    url,
    searched,
    listed,
    ...known,
    alignedSentences: result.evidence.alignedSentences,
    comparedSentences: result.evidence.comparedSentences,
    sharedFacts: result.evidence.measurements?.sharedFacts ?? 0,
    passages: result.evidence.passages.slice(0, 200).map(({ kind, text }) => ({ kind, text })),
  };
}

/** What the toolbar, the popup and the in-page badge show: a verdict, "unknown" (an article that matches nothing
 * known: not the same as original), or "nothing" (too little text to judge). */
export type Shown = VerdictKind | 'unknown' | 'nothing';

export const BADGE: Record<Shown, { text: string; color: string; label: string }> = {
  original: { text: 'ORIG', color: '#2e7d32', label: 'Original' },
  repost: { text: 'COPY', color: '#c62828', label: 'Repost' },
  rewrite: { text: 'RW', color: '#e65100', label: 'Rewrite' },
  unknown: { text: '?', color: '#546e7a', label: 'No known source' },
  nothing: { text: '–', color: '#757575', label: 'Nothing to judge' },
};

export function shownOf(report: PageReport): Shown {
  if (report.status === 'nothing') return 'nothing';
  return report.match === 'none' ? 'unknown' : report.verdict;
}

/** The corpora a verdict was made against, in words: "bundled (1), harlow.pack (1,204)". */
export function searchedText(report: PageReport & { status: 'judged' }): string {
  const total = report.searched.reduce((n, c) => n + c.references, 0);
  const parts = report.searched.map((c) => `${c.name} (${c.references.toLocaleString('en')})`).join(', ');
  return `${total.toLocaleString('en')} reference${total === 1 ? '' : 's'} searched: ${parts}`;
}

/** An article that matches nothing known but shares passages with a known article (`related`), which its reason
 * names. */
export function sharesPassages(report: PageReport): boolean {
  return report.status === 'judged' && report.related !== null;
}

/** The toolbar title: the verdict with its source ("Repost of: The New York Times — Trump Officials Split…"). */
export function badgeTitle(report: PageReport): string {
  if (report.status === 'nothing') return `Firsthand: nothing to judge (${report.reason})`;
  if (sharesPassages(report) && report.status === 'judged' && report.relatedAs === 'published later')
    return `No known source: a known article published after this one tells its story, so it is not judged its source (${searchedText(report)})`;
  if (sharesPassages(report))
    return `No known source: this article shares passages with a known article, but is not judged a copy of it (${searchedText(report)})`;
  if (report.match === 'none') return `No known source: this article matches nothing in the ${searchedText(report)}`;
  const source = report.source;
  const name = source ? `${source.publisher || source.url}${source.title ? ` — ${clip(source.title, 60)}` : ''}` : '';
  if (report.verdict === 'repost') {
    const more = (report.stitched?.sources.length ?? 1) - 1;
    return `Repost of: ${name}${more > 0 ? ` (and ${more} more known article${more === 1 ? '' : 's'})` : ''}`;
  }
  if (report.verdict === 'rewrite') return `Rewrite of: ${name}${report.attributed ? ' (credits it)' : ''}`;
  return `Original: ${name}`;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
