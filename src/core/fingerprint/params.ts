/**
 * Fingerprint parameters. NOTE: every one of them shapes what a corpus pack stores: change one and bump
 * `PACK_VERSION` in `pack.ts`, then rebuild `reference-corpus/` (`npm run corpus:build`).
 */

/** Words per shingle. 5 keeps a copied passage findable through small edits while two unrelated articles on the
 * same story share almost none (median 8-word overlap between outlets in basil-same-event is about 0.5%). */
export const SHINGLE_SIZE = 5;

/** Winnowing window, in shingles. A copied run of WINNOW_WINDOW + SHINGLE_SIZE - 1 = 16 words is always caught;
 * about 2 / (12 + 1) = 15% of shingles are kept, which keeps a reference near 2 KB in a pack. */
export const WINNOW_WINDOW = 12;

/** Content words are stored as 15-bit keys (the 16th bit marks a name or number). At about 300 distinct content
 * words per article, a page word collides with an unrelated reference word about 1% of the time: noise far below
 * the shares the verdict compares. */
export const CONTENT_KEY_MASK = 0x7fff;
export const ENTITY_FLAG = 0x8000;
