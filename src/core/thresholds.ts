/**
 * Every threshold and weight the verdict uses, in one place, each with the measurement it came from.
 * The evaluation harness (`npm run eval`) prints the figures on its tuning half and its checking half.
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

/** Fewest words of article text worth judging: below it a page is a teaser, a caption or an error page. */
export const MIN_ARTICLE_WORDS = 40;

/** A page sentence aligns with a reference sentence (or adjacent pair) holding this weighted share of its content
 * words. 0.5: at 0.4 (model refitted, 2026-11-22) the eval gains a point (80.0% against 79.0% of rewrites found on
 * the tuning half at the same false-flag rate), but stray alignments scramble sentence order, and the refit leans
 * on order so hard that a rewrite which regroups its source into sections is missed. */
export const ALIGNED_SENTENCE_MIN = 0.5;

/** Repost: the larger of the two copied shares (of the page, of the source) reaches this. */
export const REPOST_MIN_COPIED = 0.5;

/**
 * Rewrite: the rewrite model's probability reaches this, by the sensitivity the user picks (default "balanced").
 * No threshold meets both targets of the accuracy issue (90% of rewrites found, at most 2% of other outlets' own
 * reports flagged), so the trade-off is the user's. Measured verdict by verdict by `npm run eval -- --sensitivity S`
 * (2026-11-22), tuning half / checking half:
 *    rewrites found with the right source / independent coverage flagged / generated-not-derived flagged
 *  - strict 0.9:    53.9% / 55.9%, 4.3% / 2.5%, 0.8% / 0.9% (seeds 003 and 004, the summary and the aggregation,
 *                   fall under it);
 *  - balanced 0.7:  80.6% / 83.0%, 6.9% / 4.3%, 4.5% / 7.6% (seeds 5/5);
 *  - sensitive 0.5: 84.7% / 87.4%, 11.0% / 8.0%, 6.4% / 11.2% (seeds 5/5).
 */
export const REWRITE_THRESHOLDS = { strict: 0.9, balanced: 0.7, sensitive: 0.5 } as const;
export type Sensitivity = keyof typeof REWRITE_THRESHOLDS;
export const SENSITIVITIES = Object.keys(REWRITE_THRESHOLDS) as Sensitivity[];
export const DEFAULT_SENSITIVITY: Sensitivity = 'balanced';
export function isSensitivity(value: string): value is Sensitivity {
  return Object.hasOwn(REWRITE_THRESHOLDS, value);
}

/** The rewrite model: boosted trees over `Comparison` measurements, fitted and written by
 * `npm run eval -- --fit --write` on the tuning half (see the header of rewrite-model.ts for what it was fitted on).
 * Refit after any change to the measurements. */
export { REWRITE_MODEL } from './rewrite-model';

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
