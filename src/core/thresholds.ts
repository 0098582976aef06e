/**
 * Every threshold and weight the verdict uses, in one place, each with the measurement it came from.
 * The evaluation harness (`npm run eval`) prints the figures on its tuning half and its checking half.
 */

/** Most references scored in full per page. */
export const CANDIDATE_LIMIT = 8;

/** A reference is scored only when it shares at least this much rarity-weighted evidence with the page (about three
 * names, numbers or shingles when the corpus is small). */
export const MIN_CANDIDATE_SCORE = 2;

/** Fewest words of article text worth judging: below it a page is a teaser, a caption or an error page. */
export const MIN_ARTICLE_WORDS = 40;

/** A page sentence aligns with a reference sentence (or adjacent pair) holding this weighted share of its content
 * words. */
export const ALIGNED_SENTENCE_MIN = 0.5;

/** Repost: the larger of the two copied shares (of the page, of the source) reaches this. */
export const REPOST_MIN_COPIED = 0.5;

/** Rewrite: the rewrite model's probability reaches this. */
export const REWRITE_MIN_PROBABILITY = 0.5;

/** Logistic model of "this page rewrites that reference", over `Comparison` measurements. */
export const REWRITE_MODEL = {
  bias: -9,
  alignedShare: 6,
  order: 1.5,
  sourceCoverage: 3,
  contentContainment: 4,
  pairContainment: 3,
  newFacts: -3,
  copiedPage: 4,
} as const;

/** Logistic model of the AI-style score, over `AiStyleFeatures` (each capped as `aiStyle` says). */
export const AI_STYLE_MODEL = {
  bias: -1.2,
  llmWords: 0.9,
  headers: 1.2,
  scaffolds: 1.0,
  closingQuestion: 1.0,
  rhythmVariation: -1.0,
  quotedSentences: -4,
} as const;
