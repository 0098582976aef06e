import { aiStyle } from '../ai-style/ai-style';
import type { CorpusIndex } from '../corpus/corpus-index';
import { analyzeText, type TextAnalysis } from '../fingerprint/analyze';
import { PackError } from '../corpus/pack-error';
import type { ReferenceMeta } from '../fingerprint/fingerprint';
import { findAttribution } from './attribution';
import { probability } from './boosted-trees';
import { compareWith, pageFingerprint, type Comparison, type Measurement, type PageFingerprint } from './compare';
import { passagesOf, type Passage } from './passages';
import { REWRITE_MODEL } from './rewrite-model';
import { canonicalUrl, siteOf } from './site';
import {
  ATTRIBUTION_COPY_SLACK,
  COMMON_SOURCE_MIN_COPIED,
  COMMON_SOURCE_MIN_NEW_FACTS,
  DEFAULT_SENSITIVITY,
  LATER_MIN_DAYS,
  MIN_ARTICLE_WORDS,
  MIN_SENTENCE_CONTENT,
  REPOST_CONFIDENCE_FLOOR,
  REPOST_MIN_COPIED,
  REPOST_SOURCE_MARGIN,
  REWRITE_THRESHOLDS,
  type Sensitivity,
  STITCHED_MIN_SHARE,
} from './thresholds';

/**
 * The verdict on one page: find the candidate references (corpus index), measure each against the page (compare),
 * pick the match (a repost first, else the likeliest rewrite), apply the same-site rule, then say why, with
 * evidence passages, attribution and the AI-style signal beside it.
 */
export type VerdictKind = 'original' | 'repost' | 'rewrite';

/** What the engine is given: the article as extracted from a page, never the page's HTML. */
export interface PageInput {
  /** Article text, one paragraph (or heading) a line. */
  text: string;
  url?: string;
  title?: string;
  /** Absolute addresses of the links inside the article. */
  links?: readonly string[];
  /** When the page says it was published (an ISO date or timestamp), or '' / absent when it does not. */
  publishedAt?: string;
}

export interface JudgeOptions {
  /** How much evidence a rewrite verdict needs (see REWRITE_THRESHOLDS); default "balanced". Validated where it
   * enters (the CLI's flag, the extension's stored settings): the engine trusts its type. */
  sensitivity?: Sensitivity;
}

export type { Passage };

/**
 * What an "original" rests on, and what the other verdicts rest on: "self", the page is a known reference (its own
 * address or its own site); "none", it matches nothing known, which says nothing about where it comes from (the
 * corpus may simply not hold its source); "source", a repost or rewrite of the reference named.
 */
export type MatchKind = 'self' | 'none' | 'source';

export interface Verdict {
  verdict: VerdictKind;
  match: MatchKind;
  /** The reference the verdict is about; null when the page matches nothing known. */
  source: ReferenceMeta | null;
  /** Where the source came from in the corpus: the name of the pack (segment) that holds it, or the origin it was
   * added with (`CorpusIndex.originOf`); null with no source. */
  sourceOrigin: string | null;
  /** With `match: "none"`, the known article the page shares passages with while bringing facts of its own (a common
   * source, see COMMON_SOURCE_MIN_COPIED), or, failing one, a known article published after the page that it would
   * be a copy or rewrite of (LATER_MIN_DAYS), which the reason names: not its source (`relatedAs` says which). Null
   * otherwise. The CLI's JSON leaves it out (its contract names the reason); the extension shows it. */
  related: ReferenceMeta | null;
  /** Why `related` is named and not its source: it shares passages with the page, which brings facts of its own
   * ("common source"), or it was published LATER_MIN_DAYS or more after the page, which would otherwise be a copy or
   * rewrite of it ("published later"). Null without `related`. The CLI's JSON leaves it out with `related`. */
  relatedAs: 'common source' | 'published later' | null;
  /** A repost stitched from several known articles (see STITCHED_MIN_SHARE): the share of the page they hold together
   * (a passage two of them share counted once) and each with its own share, the source first. Null otherwise. The
   * CLI's JSON leaves it out (its reason names each); the CLI's text and the extension list them. */
  stitched: { copied: number; sources: Array<{ source: ReferenceMeta; copied: number }> } | null;
  /** 0..1: how sure the engine is of this verdict. */
  confidence: number;
  /** Share of the page's article text copied word for word from the source. */
  copied: number;
  /** Share of the source's text found word for word in the page. */
  copiedOfSource: number;
  attributed: boolean;
  /** The sentence (or link) that credits the source. */
  attribution: string | null;
  aiStyle: number;
  aiStyleReasons: string[];
  /** One sentence saying why, for people. */
  reason: string;
  evidence: Evidence;
}

export interface Evidence {
  passages: Passage[];
  words: number;
  /** Page sentences that restate a source sentence / page sentences long enough to compare. */
  alignedSentences: number;
  comparedSentences: number;
  rewriteProbability: number;
  /** Every measurement of the comparison with the source (or with the nearest reference for an original), rounded;
   * null when no reference came near. */
  measurements: Record<Measurement, number> | null;
}

export interface NoVerdict {
  verdict: null;
  reason: string;
  words: number;
}

/** The rewrite model's probability that the page rewrites the reference it was compared with. */
export function rewriteProbability(c: Comparison): number {
  return probability(REWRITE_MODEL, c);
}

interface Scored {
  /** The reference's number in the corpus. */
  index: number;
  meta: ReferenceMeta;
  /** The page's winnowed shingle hashes the reference holds too. */
  shared: Set<number>;
  comparison: Comparison;
  probability: number;
  /** The larger of the two copied shares. */
  copied: number;
  /** The page copies passages of it and brings facts of its own, as a report from a common source does (see
   * COMMON_SOURCE_MIN_COPIED): never a rewrite match. */
  commonSource: boolean;
  /** Published LATER_MIN_DAYS or more after the page: it can be no source of the page (see LATER_MIN_DAYS). */
  later: boolean;
}

/** The reason of an "original" that matches nothing known. */
const NO_MATCH_REASON = 'matches no article in the reference corpus';

/** Judges one page against the corpus. */
export function judge(page: PageInput, index: CorpusIndex, options: JudgeOptions = {}): Verdict | NoVerdict {
  const analysis = analyzeText(page.text);
  const words = analysis.tokens.words.length;
  if (words < MIN_ARTICLE_WORDS) {
    return {
      verdict: null,
      reason: `too little article text to judge (${words} words; at least ${MIN_ARTICLE_WORDS} needed)`,
      words,
    };
  }
  const fingerprint = pageFingerprint(analysis);
  const scored = scoreCandidates(fingerprint, analysis, index);
  markLater(scored, page.publishedAt);
  const threshold = REWRITE_THRESHOLDS[options.sensitivity ?? DEFAULT_SENSITIVITY];
  // A stitched page copies no one article's half (stitchedFrom), so no other repost competes with it.
  const stitched = stitchedFrom(scored, fingerprint.shingles.size);
  if (!stitched) markCommonSources(scored, page, analysis);
  const { match, isRepost } = stitched
    ? { match: stitched.sources[0] as Scored, isRepost: true }
    : pickMatch(
        scored.filter((s) => !s.later),
        threshold,
      );
  const style = aiStyle(page.text, analysis);
  const styleFields = { aiStyle: style.score, aiStyleReasons: style.reasons };
  if (!match) {
    // A reference the page shares a common source with comes near by what it copies, not as a rewrite.
    const nearness = (s: Scored): number => (s.commonSource ? s.copied : Math.max(s.probability, s.copied));
    const nearest = best(scored, nearness);
    // The one it copies most is named even when a reference it merely resembles comes nearer: passages printed word
    // for word are what the reader can check. Failing that, a later article the page would be a copy or rewrite of.
    const later = pickMatch(
      scored.filter((s) => s.later),
      threshold,
    ).match;
    const related =
      best(
        scored.filter((s) => s.commonSource && !s.later),
        (s) => s.comparison.copied,
      ) ?? later;
    return {
      verdict: 'original',
      match: 'none',
      source: null,
      sourceOrigin: null,
      related: related?.meta ?? null,
      relatedAs: related ? (related.later ? 'published later' : 'common source') : null,
      stitched: null,
      confidence: 1 - (nearest ? nearness(nearest) : 0),
      copied: 0,
      copiedOfSource: 0,
      attributed: false,
      attribution: null,
      ...styleFields,
      reason: related
        ? related.later
          ? laterReason(related, page.publishedAt)
          : commonSourceReason(related)
        : NO_MATCH_REASON,
      evidence: evidenceOf(analysis, related ?? nearest, false),
    };
  }

  const source = match.meta;
  // A stitched page's evidence is every passage copied from any of its articles.
  const evidence = evidenceOf(analysis, match, true, stitched?.held);
  const credit = creditOf(page, analysis, source, evidence.passages);
  const kind: VerdictKind = isSameSite(page.url, source.url) ? 'original' : isRepost ? 'repost' : 'rewrite';
  return {
    verdict: kind,
    match: kind === 'original' ? 'self' : 'source',
    source,
    sourceOrigin: index.originOf(match.index),
    related: null,
    relatedAs: null,
    stitched:
      kind === 'repost' && stitched
        ? {
            copied: round(stitched.copied),
            sources: stitched.sources.map((s) => ({ source: s.meta, copied: round(s.comparison.copied) })),
          }
        : null,
    confidence: round(
      kind === 'repost'
        ? repostConfidence(stitched?.copied ?? match.copied)
        : Math.max(match.probability, match.copied),
    ),
    copied: round(match.comparison.copied),
    copiedOfSource: round(match.comparison.copiedOfSource),
    attributed: credit.attributed,
    attribution: credit.evidence,
    ...styleFields,
    reason: kind === 'repost' && stitched ? stitchedReason(stitched) : reasonFor(kind, match, source),
    evidence,
  };
}

/** Every candidate the index offers, measured against the page. A reference that cannot be decoded (a damaged
 * entry in a pack whose checksum matched: a hostile builder) is left out, never thrown into the page's verdict. */
function scoreCandidates(fingerprint: PageFingerprint, analysis: TextAnalysis, index: CorpusIndex): Scored[] {
  const candidates = index.candidates(fingerprint.shingles, analysis.sentenceCodes).map((c) => c.index);
  const shared = index.sharedShingles(candidates, fingerprint.shingles);
  const scored: Scored[] = [];
  candidates.forEach((i, n) => {
    let meta: ReferenceMeta;
    let comparison: Comparison;
    try {
      meta = index.meta(i);
      comparison = compareWith(fingerprint, index.comparedReference(i), (shared[n] as Set<number>).size);
    } catch (error) {
      if (error instanceof PackError) return;
      throw error;
    }
    scored.push({
      index: i,
      meta,
      shared: shared[n] as Set<number>,
      comparison,
      probability: rewriteProbability(comparison),
      copied: Math.max(comparison.copied, comparison.copiedOfSource),
      commonSource: false,
      later: false,
    });
  });
  return scored;
}

/** Whether the page credits the source, and the sentence or link that does; a crediting sentence inside a copied
 * passage is the source crediting someone else. */
function creditOf(
  page: PageInput,
  analysis: TextAnalysis,
  source: ReferenceMeta,
  passages: readonly Passage[],
): ReturnType<typeof findAttribution> {
  const copied = passages.filter((p) => p.kind === 'copied');
  return findAttribution(page.text, analysis.sentences, page.links ?? [], source.publisher, source.url, (span) =>
    copied.some((p) => p.start <= span.start + ATTRIBUTION_COPY_SLACK && p.end >= span.end - ATTRIBUTION_COPY_SLACK),
  );
}

/** The known articles a page is stitched from (see STITCHED_MIN_SHARE), the one holding most of it first, and the
 * share of the page they hold together; null when it is not stitched. */
interface Stitched {
  sources: Scored[];
  copied: number;
  /** The page's winnowed hashes any of them holds. */
  held: Set<number>;
}

function stitchedFrom(scored: readonly Scored[], pageShingles: number): Stitched | null {
  if (pageShingles === 0 || scored.some((s) => s.copied >= REPOST_MIN_COPIED && !s.later)) return null;
  const sources = scored
    .filter((s) => s.comparison.copied >= STITCHED_MIN_SHARE && !s.later)
    .sort((a, b) => b.comparison.copied - a.comparison.copied);
  if (sources.length < 2) return null;
  const held = new Set<number>();
  for (const s of sources) for (const hash of s.shared) held.add(hash);
  const copied = held.size / pageShingles;
  return copied >= REPOST_MIN_COPIED ? { sources, copied, held } : null;
}

/**
 * Marks the candidates the page shares a common source with (COMMON_SOURCE_MIN_COPIED): it copies passages of them
 * and brings facts of its own. Not a reference the page credits (an aggregation that quotes its source and adds
 * context); a page stitched from several known articles never comes here (see STITCHED_MIN_SHARE).
 */
function markCommonSources(scored: Scored[], page: PageInput, analysis: TextAnalysis): void {
  for (const s of scored) {
    if (
      s.copied >= REPOST_MIN_COPIED ||
      s.comparison.copied < COMMON_SOURCE_MIN_COPIED ||
      s.comparison.newFactsShare < COMMON_SOURCE_MIN_NEW_FACTS
    ) {
      continue;
    }
    const passages = passagesOf(analysis, s.shared, s.comparison.alignment);
    s.commonSource = !creditOf(page, analysis, s.meta, passages).attributed;
  }
}

/**
 * The match: among references the page copies, those that hold about as much of the page as the one holding most
 * (within REPOST_SOURCE_MARGIN), and of them the one it copies most of both ways (a partial copy of one of two wire
 * duplicates in the corpus names the one it covers more of, and a shorter copy of the same story, which holds less of
 * the page, is not named for being copied whole); failing that, the likeliest rewrite at or above the threshold that is
 * no common source. (A page stitched from several known articles names the one holding most of it: see judge.)
 */
function pickMatch(scored: readonly Scored[], threshold: number): { match: Scored | undefined; isRepost: boolean } {
  const copies = scored.filter((s) => s.copied >= REPOST_MIN_COPIED);
  const most = Math.max(0, ...copies.map((s) => s.comparison.copied));
  const repost = best(
    copies.filter((s) => s.comparison.copied >= most - REPOST_SOURCE_MARGIN),
    (s) => s.comparison.copied + s.comparison.copiedOfSource,
  );
  if (repost) return { match: repost, isRepost: true };
  return {
    match: best(
      scored.filter((s) => s.probability >= threshold && !s.commonSource),
      (s) => s.probability,
    ),
    isRepost: false,
  };
}

/** The day a date names (days since 1970-01-01, by its YYYY-MM-DD start), or NaN for no date. */
function dayOf(date: string | undefined): number {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  return day ? Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])) / DAY_MS : NaN;
}

const DAY_MS = 86_400_000;

/** Marks the candidates published LATER_MIN_DAYS or more after the page (both dated): never its source. */
function markLater(scored: Scored[], pageDate: string | undefined): void {
  const page = dayOf(pageDate);
  if (Number.isNaN(page)) return;
  for (const s of scored) s.later = dayOf(s.meta.publishedAt) - page >= LATER_MIN_DAYS;
}

/** The same-site rule: a page at its source's address, or on its site, is the original whatever it matched. */
function isSameSite(pageUrl: string | undefined, sourceUrl: string): boolean {
  if (pageUrl === undefined || sourceUrl === '') return false;
  return canonicalUrl(pageUrl) === canonicalUrl(sourceUrl) || siteOf(pageUrl) === siteOf(sourceUrl);
}

/** A repost's confidence, from REPOST_CONFIDENCE_FLOOR with nothing copied to 1 for a whole copy. */
function repostConfidence(copied: number): number {
  return Math.min(1, REPOST_CONFIDENCE_FLOOR + copied * (1 - REPOST_CONFIDENCE_FLOOR));
}

function reasonFor(kind: VerdictKind, match: Scored, source: ReferenceMeta): string {
  const name = nameOf(source);
  const { comparison } = match;
  if (kind === 'original') return `this is the known article itself, on its publisher's site (${siteOf(source.url)})`;
  if (kind === 'repost') {
    return `${percent(comparison.copied)} of this page's article is copied word for word from ${name} (${percent(comparison.copiedOfSource)} of the source)`;
  }
  const restated = comparison.alignment.filter((j) => j >= 0).length;
  return `restates ${name}: ${restated} sentences follow the source's, with ${percent(comparison.newFactsShare)} new names and numbers`;
}

/** How a reason names a reference: its publisher, else its address, else its id. */
function nameOf(meta: ReferenceMeta): string {
  return meta.publisher || meta.url || meta.id;
}

function stitchedReason({ sources, copied }: Stitched): string {
  const parts = sources.map((s) => `${percent(s.comparison.copied)} from ${nameOf(s.meta)}`);
  return `${percent(copied)} of this page's article is copied word for word from ${sources.length} known articles: ${parts.join(', ')}`;
}

/** The reason of an "original" that would be a copy or rewrite of a reference published after it (LATER_MIN_DAYS). */
function laterReason(later: Scored, pageDate: string | undefined): string {
  const name = nameOf(later.meta);
  const days = Math.round(dayOf(later.meta.publishedAt) - dayOf(pageDate));
  const what =
    later.copied >= REPOST_MIN_COPIED
      ? `${percent(later.comparison.copied)} of this page is word for word in ${name}`
      : `${name} tells this page's story in other words`;
  return (
    `no known source: ${what}, but it was published ${days} days after this page, so it cannot be its source ` +
    `(it may be a copy or rewrite of this page, or both may derive from a third); not judged a copy or rewrite of it`
  );
}

/** The reason of an "original" that shares passages with a reference while bringing facts of its own
 * (COMMON_SOURCE_MIN_COPIED). */
function commonSourceReason(related: Scored): string {
  const name = nameOf(related.meta);
  return (
    `no known source: ${percent(related.comparison.copied)} of this page is word for word in ${name}, but it brings ` +
    `names and numbers of its own (${percent(related.comparison.newFactsShare)}): both may print one wire story or ` +
    `press release, or it quotes ${name} without credit; not judged a copy or rewrite of it`
  );
}

/** `shared`: the hashes whose passages count as copied, when more than the match's own (a stitched page's). */
function evidenceOf(
  analysis: TextAnalysis,
  match: Scored | undefined,
  withPassages: boolean,
  shared: Set<number> | undefined = match?.shared,
): Evidence {
  const comparison = match?.comparison;
  const alignment = comparison?.alignment ?? [];
  return {
    passages: match && shared && withPassages ? passagesOf(analysis, shared, alignment) : [],
    words: analysis.tokens.words.length,
    alignedSentences: alignment.filter((j) => j >= 0).length,
    comparedSentences: alignment.filter(
      (j, i) => j >= 0 || (analysis.sentenceCodes[i]?.length ?? 0) >= MIN_SENTENCE_CONTENT,
    ).length,
    rewriteProbability: round(match?.probability ?? 0),
    measurements: comparison ? measurementsOf(comparison) : null,
  };
}

function measurementsOf(comparison: Comparison): Record<Measurement, number> {
  const { alignment: _alignment, ...measurements } = comparison;
  return Object.fromEntries(Object.entries(measurements).map(([k, v]) => [k, round(v)])) as Record<Measurement, number>;
}

function best<T>(items: readonly T[], key: (item: T) => number): T | undefined {
  let top: T | undefined;
  for (const item of items) if (top === undefined || key(item) > key(top)) top = item;
  return top;
}

/** A share as the verdict's own fields round it (to 0.001), then as a whole percent, so that the reason and the fields
 * never disagree (0.99499… is 0.995 in the fields, so 100% in both). */
function percent(share: number): string {
  return `${Math.round(round(share) * 100)}%`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
