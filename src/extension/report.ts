import type { NoVerdict, Verdict, VerdictKind } from '../core';
import type { PageReport } from './messages';

/** A verdict reduced to what the UI shows (no offsets into the page, no internal measurements). */
export function toReport(url: string, result: Verdict | NoVerdict): PageReport {
  if (result.verdict === null) return { status: 'nothing', url, reason: result.reason };
  const { evidence: _evidence, ...verdict } = result;
  return {
    ...verdict,
    status: 'judged',
    url,
    alignedSentences: result.evidence.alignedSentences,
    comparedSentences: result.evidence.comparedSentences,
    sharedFacts: result.evidence.measurements?.sharedFacts ?? 0,
    passages: result.evidence.passages.slice(0, 200).map(({ kind, text }) => ({ kind, text })),
  };
}

export const BADGE: Record<VerdictKind | 'nothing', { text: string; color: string; label: string }> = {
  original: { text: 'ORIG', color: '#2e7d32', label: 'Original' },
  repost: { text: 'COPY', color: '#c62828', label: 'Repost' },
  rewrite: { text: 'RW', color: '#e65100', label: 'Rewrite' },
  nothing: { text: '–', color: '#757575', label: 'Nothing to judge' },
};

/** The toolbar title: the verdict with its source ("Repost of: The New York Times — Trump Officials Split…"). */
export function badgeTitle(report: PageReport): string {
  if (report.status === 'nothing') return `Firsthand: nothing to judge (${report.reason})`;
  const source = report.source;
  const name = source ? `${source.publisher || source.url}${source.title ? ` — ${clip(source.title, 60)}` : ''}` : '';
  if (report.verdict === 'repost') return `Repost of: ${name}`;
  if (report.verdict === 'rewrite') return `Rewrite of: ${name}${report.attributed ? ' (credits it)' : ''}`;
  return source ? `Original: ${name}` : 'Original: matches no known article';
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
