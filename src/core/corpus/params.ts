/**
 * How the corpus index picks the references worth scoring for a page. The eval harness (`npm run eval`) prints what
 * each choice finds on its tuning and checking halves.
 */

/** Most references scored in full per page. */
export const CANDIDATE_LIMIT = 8;

/** Content words (not names or numbers) of each reference in the candidate index: its rarest, by how many
 * references use them. Rewrites (MixSet, LLMFake; 2,280 pages) whose source is among the candidates: without this
 * index 2,140, with 8 words 2,243, with 16 2,270, with 24 2,270, with 48 2,268 (2026-11-22). */
export const RARE_WORDS_PER_REFERENCE = 16;

/** A reference is scored only when it shares at least this much rarity-weighted evidence with the page (about three
 * names, numbers or shingles when the corpus is small). */
export const MIN_CANDIDATE_SCORE = 2;

/** References added one at a time (learned as the reader reads) are indexed in maps, which cost about three times the
 * memory of a segment's typed arrays; every DELTA_LIMIT of them are folded into a segment of their own (a fold of
 * 4,096 references takes about as long as judging a page or two; see `npm run bench`). */
export const DELTA_LIMIT = 4096;
