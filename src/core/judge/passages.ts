import type { TextAnalysis } from '../fingerprint/analyze';
import { SHINGLE_SIZE, WINNOW_WINDOW } from '../fingerprint/params';
import { COPIED_SENTENCE_MIN_COVER } from './thresholds';

export interface Passage {
  /** Offsets into PageInput.text. */
  start: number;
  end: number;
  text: string;
  /** "copied": word for word; "reworded": a sentence that restates a sentence of the source. */
  kind: 'copied' | 'reworded';
}

/**
 * Evidence passages, sentence by sentence. Page shingles kept by winnowing that the source has too mark their words
 * as copied; marks closer than a winnowing window are joined (a copied run always has a kept hash at least every
 * window). A sentence at least half covered by such runs is copied whole (a run's first kept hash can sit a few
 * words into it); a shorter run inside a sentence (a quoted phrase) is copied as it is; a sentence that only
 * restates a source sentence is "reworded". Adjacent copied sentences form one passage.
 */
export function passagesOf(
  analysis: TextAnalysis,
  refShingles: ReadonlySet<number>,
  alignment: readonly number[],
): Passage[] {
  const { text, tokens, winnowed, sentences } = analysis;
  const tokenRuns: Array<[first: number, last: number]> = [];
  winnowed.hashes.forEach((hash, i) => {
    if (!refShingles.has(hash)) return;
    const first = winnowed.positions[i] as number;
    const last = Math.min(first + SHINGLE_SIZE, tokens.words.length) - 1;
    const open = tokenRuns[tokenRuns.length - 1];
    if (open && first - open[1] <= WINNOW_WINDOW) open[1] = Math.max(open[1], last);
    else tokenRuns.push([first, last]);
  });
  const runs = tokenRuns.map(([first, last]) => [tokens.starts[first] as number, tokens.ends[last] as number] as const);
  const spans: Array<{ start: number; end: number; kind: Passage['kind'] }> = [];
  sentences.forEach((sentence, s) => {
    let covered = 0;
    const partial: Array<[number, number]> = [];
    for (const [a, b] of runs) {
      const from = Math.max(a, sentence.start);
      const to = Math.min(b, sentence.end);
      if (to > from) {
        covered += to - from;
        partial.push([from, to]);
      }
    }
    if (covered >= COPIED_SENTENCE_MIN_COVER * (sentence.end - sentence.start))
      spans.push({ start: sentence.start, end: sentence.end, kind: 'copied' });
    else if (partial.length) for (const [a, b] of partial) spans.push({ start: a, end: b, kind: 'copied' });
    else if ((alignment[s] ?? -1) >= 0) spans.push({ start: sentence.start, end: sentence.end, kind: 'reworded' });
  });
  const merged: typeof spans = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    // Join a copied span to the previous copied one when only white space or punctuation lies between them.
    if (last && last.kind === span.kind && /^[\s\p{P}]*$/u.test(text.slice(last.end, span.start))) last.end = span.end;
    else merged.push({ ...span });
  }
  return merged.map(({ start, end, kind }) => ({ start, end, kind, text: text.slice(start, end) }));
}
