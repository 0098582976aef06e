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

/** Rewrite: the rewrite model's probability reaches this. 0.9, measured page by page on the eval harness, 2026-11-22
 * (tuning and checking halves together): 81% of MixSet and 85% of LLMFake rewrites found with the right source,
 * while 2.7% of BASIL and 10% of ECB+ cross-outlet articles and 4% of open-ended generations are flagged. At 0.8:
 * 93% / 91% found, 7% / 15% / 12% flagged. Short of the targets; see README "Accuracy". */
export const REWRITE_MIN_PROBABILITY = 0.9;

/** Logistic model of "this page rewrites that reference", over `Comparison` measurements. Fitted by
 * `npm run eval -- --fit` on the tuning half (10,797 page/candidate comparisons, 615 of them a page and the article
 * it rewrites), 2026-11-22. Refit after any change to the measurements. */
export const REWRITE_MODEL = {
  bias: -3.12,
  alignedShare: 1.39,
  order: 1.98,
  sourceCoverage: 0.32,
  contentContainment: 2.82,
  pairContainment: 4.32,
  newFacts: -4.74,
  copiedPage: 0.28,
  alignedWithoutNewFacts: 0.1,
  pairsWithoutNewFacts: 1.15,
} as const;

/** Logistic model of the AI-style score, over `AiStyleFeatures` (each capped as `aiStyle` says). llmWords, scaffolds,
 * rhythmVariation and quotedSentences: fitted by `npm run eval -- --fit` on the tuning half (1,452 texts: MixSet and
 * LLMFake rewrites against human originals, BASIL, ECB+), 2026-11-22. bias: the fit's -0.21 flags 8% of human texts,
 * so it was lowered on the tuning half until 96.8% of human originals score below 0.5 (a margin over the 95% target).
 * headers and closingQuestion: priors, not fitted — no rewrite in that data has sections or a closing question, so
 * the fit cannot weigh them (it makes them negative only because some human pages have subheads). Checking half:
 * 97.5% of human originals below 0.5, 70.8% of LLM rewrites at or above it. */
export const AI_STYLE_MODEL = {
  bias: -1.3,
  llmWords: 1.26,
  headers: 1.2,
  scaffolds: 0.7,
  closingQuestion: 1.0,
  rhythmVariation: -3.18,
  quotedSentences: -4.08,
} as const;
