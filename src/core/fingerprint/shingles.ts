import { fnv1a64Words, fmix32, type Hash64 } from './hash';

/**
 * Overlapping word shingles: every run of `size` consecutive tokens, hashed once to 64 bits (the simhash feature)
 * and folded to 32 bits (the containment fingerprint). Position i is the shingle that starts at token i.
 */
export interface ShingleHashes {
  full: Hash64[];
  folded: Uint32Array;
}

export function shingleHashes(words: readonly string[], size: number): ShingleHashes {
  const count = Math.max(0, words.length - size + 1);
  const full: Hash64[] = new Array<Hash64>(count);
  const folded = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const hash = fnv1a64Words(words, i, size);
    full[i] = hash;
    folded[i] = fmix32(hash.hi ^ fmix32(hash.lo));
  }
  return { full, folded };
}
