/**
 * Evidence that two outlets' articles on one event were both written from a common source (a wire story, a press
 * release) rather than reported independently: passages of narration, outside quotation marks, that they share word
 * for word. Quotations are left out because independent reporters quote the same statements; sentences of their own
 * they do not share. Used by the harness only: to report how many of the independent-coverage cases (and of their
 * false flags) carry such evidence, and to keep those doubtful negatives out of fitting (never out of scoring).
 */

/** Words per compared sequence: 8, as the SILVER wire pairs of ECB+ are defined. */
const SEQUENCE_WORDS = 8;

/** Shared narration sequences that mark a pair as co-derived: 3, so about an 10-word run; one shared 8-word
 * sequence can be a stock phrase. */
export const CO_DERIVED_MIN_SEQUENCES = 3;

/** Distinct 8-word sequences of narration (text outside quotation marks) that the two texts share. */
export function sharedNarration(a: string, b: string): number {
  const theirs = sequences(b);
  let shared = 0;
  for (const sequence of sequences(a)) if (theirs.has(sequence)) shared++;
  return shared;
}

function sequences(text: string): Set<string> {
  const narration = text.replace(/[“"][^”"\n]{0,600}[”"]/g, ' \u0000 ');
  const out = new Set<string>();
  // A quotation splits the narration: no sequence runs across one.
  for (const part of narration.split('\u0000')) {
    const words = part.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    for (let i = 0; i + SEQUENCE_WORDS <= words.length; i++) out.add(words.slice(i, i + SEQUENCE_WORDS).join(' '));
  }
  return out;
}
