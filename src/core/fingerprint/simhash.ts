import type { Hash64 } from './hash';
import { popcount32 } from './popcount';

/**
 * Charikar's simhash over 64-bit feature hashes: bit b of the result is set when more features have bit b set
 * than not. Near-identical texts get fingerprints a few bits apart; unrelated texts differ in about 32 of 64.
 */
export function simhash(features: readonly Hash64[]): Hash64 {
  const votes = new Int32Array(64);
  for (const { hi, lo } of features) {
    for (let bit = 0; bit < 32; bit++) {
      votes[bit]! += (lo >>> bit) & 1 ? 1 : -1;
      votes[bit + 32]! += (hi >>> bit) & 1 ? 1 : -1;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((votes[bit] as number) > 0) lo |= 1 << bit;
    if ((votes[bit + 32] as number) > 0) hi |= 1 << bit;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

/** Number of differing bits between two 64-bit fingerprints (0..64). */
export function hammingDistance(a: Hash64, b: Hash64): number {
  return popcount32(a.hi ^ b.hi) + popcount32(a.lo ^ b.lo);
}
