/**
 * A light English suffix stripper, so that "advocates", "advocated" and "advocating" count as one content word.
 * Deliberately small (no Porter measure rules): it only needs to map the inflections a paraphrase swaps between to
 * one key, and it is applied identically to the page and to the reference. Non-Latin words pass through unchanged.
 *
 * NOTE: stored content-word fingerprints depend on it: bump `PACK_VERSION` in `pack.ts` with any change.
 */
const RULES: ReadonlyArray<readonly [suffix: string, replacement: string]> = [
  ['ational', 'ate'],
  ['ization', 'ize'],
  ['isation', 'ize'],
  ['fulness', 'ful'],
  ['iveness', 'ive'],
  ['ousness', 'ous'],
  ['ations', 'ate'],
  ['ation', 'ate'],
  ['ments', ''],
  ['ment', ''],
  ['ingly', ''],
  ['edly', ''],
  ['ings', ''],
  ['ing', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['sses', 'ss'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['xes', 'x'],
  ['ed', ''],
  ['ly', ''],
  ['s', ''],
];

export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let base = word;
  for (const [suffix, replacement] of RULES) {
    if (!base.endsWith(suffix)) continue;
    if (suffix === 's' && /(ss|us|is)$/.test(base)) break;
    const candidate = base.slice(0, -suffix.length) + replacement;
    if (candidate.length >= 3) base = candidate;
    break;
  }
  if (/([b-df-hj-km-np-rtv-z])\1$/.test(base) && base.length > 3) base = base.slice(0, -1);
  if (base.endsWith('e') && base.length > 3) base = base.slice(0, -1);
  return base;
}
