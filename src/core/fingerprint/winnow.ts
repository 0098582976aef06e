/**
 * Winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003): from every window of `window` consecutive shingle
 * hashes keep the smallest (the rightmost on ties). Two texts that share a run of at least window + shingle - 1
 * words are guaranteed to share a kept hash from it, while only about 2 / (window + 1) of all hashes are kept.
 */
export interface Winnowed {
  hashes: number[];
  /** Shingle index each kept hash came from. */
  positions: number[];
}

export function winnow(hashes: ArrayLike<number>, window: number): Winnowed {
  const result: Winnowed = { hashes: [], positions: [] };
  const n = hashes.length;
  if (n === 0) return result;
  if (n <= window) {
    let best = 0;
    for (let i = 1; i < n; i++) if ((hashes[i] as number) <= (hashes[best] as number)) best = i;
    result.hashes.push(hashes[best] as number);
    result.positions.push(best);
    return result;
  }
  let last = -1;
  for (let start = 0; start + window <= n; start++) {
    let best = start;
    for (let i = start + 1; i < start + window; i++) if ((hashes[i] as number) <= (hashes[best] as number)) best = i;
    if (best !== last) {
      result.hashes.push(hashes[best] as number);
      result.positions.push(best);
      last = best;
    }
  }
  return result;
}
