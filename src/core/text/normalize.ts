/**
 * Text normalisation shared by every fingerprint. Compatibility forms (NFKC), one kind of apostrophe, quote and
 * dash, no soft hyphens or zero-width characters, lower case.
 *
 * NOTE: changing this changes every stored fingerprint: bump `PACK_VERSION` in `pack.ts` with it.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase();
}
