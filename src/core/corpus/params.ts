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

/** A content code (a name, a number or a rare word) that a segment files under more of its references than this has
 * no list there: reading it would cost more than it tells, and at a million references nearly every one of the
 * 32,768 keys is that common (so a lookup that read them all grew with the corpus: 11.4x from 10k to 1M). Such codes
 * are found through pairs instead (see SegmentIndex). At 256, no verdict of `npm run eval` changes (its corpora
 * hold at most 965 references); `npm run eval -- --scan-limit 0` judges every page through pairs alone. */
export const SCAN_LIMIT = 256;

/** Content codes of each reference whose pairs are indexed (at most n(n-1)/2 = 45 pairs, about 7 bytes each): the
 * first it uses, names and numbers first (`pairedCodes`). With every code read through pairs (`--scan-limit 0`),
 * rewrite recall (tuning / checking, 2026-12-03): 8 codes 83.1% / 84.7%, 10 84.8% / 85.9%, 12 85.1% / 86.2% (66
 * pairs); 10 keeps a million references within 1,500 resident bytes each (1,487 in the bench). Names and numbers are
 * paired before other words: by first use alone, words and names together, 10 codes find 70.3% / 73.9%. (With the
 * rarest codes paired, as until then, and the model of then: 7 codes 66.2%, 10 70.6%, 14 75.2% on the tuning half.) */
export const PAIRED_KEYS_PER_REFERENCE = 10;

/** Content codes of a page paired at lookup (the codes some reference holds, chosen as a reference's are: its first).
 * With `--scan-limit 0` (2026-12-03): 10 codes find 84.3% / 85.6% of rewrites, 12 84.5% / 85.9%, 16 84.8% / 85.9%.
 * 12 looks up 66 pairs where 16 looked up 120: at a million references (`npm run bench`), 16 first codes made 58,372
 * pair lookups for the bench's 560 (104 a page, against 56 with the rarest codes, which were more often read key by
 * key) and took the lookup's median from 0.24 to 0.31 ms. (With the rarest paired, 16, 24 and 40 found the same
 * sources.) */
export const PAGE_PAIRED_KEYS = 12;

/** Postings a page may read through pairs, its rarest pairs first (fewest references filed under them): a pair
 * that would take the page past it is not read, nor any more common one. Names many articles open with together
 * ("Donald", "Trump"; in 45 of the 1,620 real articles of ../shared/data, the most shared pair) tell little and cost
 * a long read; read rarest first, they are what the budget leaves out. The eval's corpora never reach it.
 * Until 2026-12-04 each pair filed under more than 4,096 references was skipped, however rare the page's other pairs
 * were: a page whose story is told in names that thousands of articles share had none read, and a page at most
 * 66 x 4,096 = 270,336 postings otherwise. With every code read through pairs and the large corpora's reads scaled to
 * a million references like them (`npm run eval -- --as-if 1000000`), rewrites found (tuning / checking): that limit
 * 83.9% / 83.1% (LLMFake sources not a candidate for 47 / 45 pages; 87.3% / 85.6% in farm chrome), this budget
 * 85.0% / 86.3% (36 / 13; 88.5% / 88.6%), against 84.6% / 86.2% unscaled (`--scan-limit 0`); pairs were keyed with
 * the name-or-number bit then (`pairKey`). Other budgets, with pairs keyed as now (at `--as-if 1000000`, against
 * 85.8% / 86.7%): 16,384 finds 85.5% / 83.9%, 270,336 (the old worst case) 85.7% / 86.6%. */
export const PAIR_POSTINGS_BUDGET = 65_536;

/** A rare-word list holds a word only for the references it is among the 16 rarest words of, so a long one means
 * the word is not rare here: rare-word lists are read up to SCAN_LIMIT / RARE_WORD_SCAN_SHARE (32) references. The
 * eval's longest is 31. */
export const RARE_WORD_SCAN_SHARE = 8;
