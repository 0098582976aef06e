import { aiStyle } from '../ai-style/ai-style';
import { analyzeText, type TextAnalysis } from '../fingerprint/analyze';
import { findAttribution } from './attribution';
import { probability } from './boosted-trees';
import { REWRITE_MODEL } from './rewrite-model';
import { compare, pageFingerprint, type Comparison } from './compare';
import type { CorpusIndex } from '../corpus/corpus-index';
import type { Reference, ReferenceMeta } from '../fingerprint/fingerprint';
import { SHINGLE_SIZE, WINNOW_WINDOW } from '../fingerprint/params';
import { canonicalUrl, siteOf } from './site';
import {
  MIN_ARTICLE_WORDS,
  REPOST_MIN_COPIED,
  DEFAULT_SENSITIVITY,
  isSensitivity,
  REWRITE_THRESHOLDS,
  type Sensitivity,
} from './thresholds';

export type VerdictKind = 'original' | 'repost' | 'rewrite';

/** What the engine is given: the article as extracted from a page, never the page's HTML. */
export interface PageInput {
  /** Article text, one paragraph (or heading) a line. */
  text: string;
  url?: string;
  title?: string;
  /** Absolute addresses of the links inside the article. */
  links?: readonly string[];
}

export type Source = ReferenceMeta;

export interface JudgeOptions {
  /** How much evidence a rewrite verdict needs (see REWRITE_THRESHOLDS); default "balanced". */
  sensitivity?: Sensitivity;
}

export interface Passage {
  /** Offsets into PageInput.text. */
  start: number;
  end: number;
  text: string;
  /** "copied": word for word; "reworded": a sentence that restates a sentence of the source. */
  kind: 'copied' | 'reworded';
}

export interface Verdict {
  verdict: VerdictKind;
  /** The reference the verdict is about; null for an original that matches nothing known. */
  source: Source | null;
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
  /** Names and numbers on the page that the source has too, and those it does not. */
  sharedFacts: number;
  newFactsShare: number;
  simhashDistance: number;
  rewriteProbability: number;
  measurements: Omit<Comparison, 'alignment'> | null;
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
  ref: Reference;
  comparison: Comparison;
  probability: number;
  copied: number;
}

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
  const scored: Scored[] = index.candidates(fingerprint.shingles, analysis.sentenceCodes).map(({ index: i }) => {
    const ref = index.references[i] as Reference;
    const comparison = compare(fingerprint, ref);
    return {
      ref,
      comparison,
      probability: rewriteProbability(comparison),
      copied: Math.max(comparison.copiedPage, comparison.copiedSource),
    };
  });
  // Among references the page copies, the one it copies most of both ways: a partial copy of one of two wire
  // duplicates in the corpus names the one it covers more of.
  const repost = best(
    scored.filter((s) => s.copied >= REPOST_MIN_COPIED),
    (s) => s.comparison.copiedPage + s.comparison.copiedSource,
  );
  // An unknown setting (an old or hand-edited store) falls back to the default rather than switching rewrites off.
  const sensitivity =
    options.sensitivity !== undefined && isSensitivity(options.sensitivity) ? options.sensitivity : DEFAULT_SENSITIVITY;
  const threshold = REWRITE_THRESHOLDS[sensitivity];
  const rewrite = best(
    scored.filter((s) => s.probability >= threshold),
    (s) => s.probability,
  );
  const match = repost ?? rewrite;
  const style = aiStyle(page.text);
  const base = { aiStyle: style.score, aiStyleReasons: style.reasons };

  if (!match) {
    const nearest = best(scored, (s) => Math.max(s.probability, s.copied));
    return {
      verdict: 'original',
      source: null,
      confidence: 1 - (nearest ? Math.max(nearest.probability, nearest.copied) : 0),
      copied: 0,
      copiedOfSource: 0,
      attributed: false,
      attribution: null,
      ...base,
      reason: 'matches no article in the reference corpus',
      evidence: evidenceOf(analysis, nearest, false),
    };
  }

  const source = metaOf(match.ref);
  const evidence = evidenceOf(analysis, match, true);
  const copiedPassages = evidence.passages.filter((p) => p.kind === 'copied');
  const credit = findAttribution(
    page.text,
    analysis.sentences,
    page.links ?? [],
    source.publisher,
    source.url,
    (span) => copiedPassages.some((p) => p.start <= span.start + 10 && p.end >= span.end - 10),
  );
  const isSameSite =
    page.url !== undefined &&
    source.url !== '' &&
    (canonicalUrl(page.url) === canonicalUrl(source.url) || siteOf(page.url) === siteOf(source.url));
  const kind: VerdictKind = isSameSite ? 'original' : match === repost ? 'repost' : 'rewrite';
  const name = source.publisher || source.url || source.id;
  const reason =
    kind === 'original'
      ? `this is the known article itself, on its publisher's site (${siteOf(source.url)})`
      : kind === 'repost'
        ? `${percent(match.comparison.copiedPage)} of this page's article is copied word for word from ${name} (${percent(match.comparison.copiedSource)} of the source)`
        : `restates ${name}: ${match.comparison.alignment.filter((j) => j >= 0).length} sentences follow the source's, with ${percent(match.comparison.newFacts)} new names and numbers`;
  return {
    verdict: kind,
    source,
    confidence: round(
      kind === 'repost' ? Math.min(1, 0.5 + match.copied / 2) : Math.max(match.probability, match.copied),
    ),
    copied: round(match.comparison.copiedPage),
    copiedOfSource: round(match.comparison.copiedSource),
    attributed: credit.attributed,
    attribution: credit.evidence,
    ...base,
    reason,
    evidence,
  };
}

function evidenceOf(analysis: TextAnalysis, match: Scored | undefined, withPassages: boolean): Evidence {
  const comparison = match?.comparison;
  const { alignment, ...measurements } = comparison ?? { alignment: [] as number[] };
  return {
    passages: match && withPassages ? passagesOf(analysis, match.ref, alignment) : [],
    words: analysis.tokens.words.length,
    alignedSentences: alignment.filter((j) => j >= 0).length,
    comparedSentences: alignment.filter((j, i) => j >= 0 || (analysis.sentenceCodes[i]?.length ?? 0) >= 3).length,
    sharedFacts: comparison?.sharedFacts ?? 0,
    newFactsShare: round(comparison?.newFacts ?? 0),
    simhashDistance: comparison?.simhashDistance ?? 64,
    rewriteProbability: round(match?.probability ?? 0),
    measurements: comparison
      ? (Object.fromEntries(
          Object.entries(measurements).map(([k, v]) => [k, round(v as number)]),
        ) as Evidence['measurements'])
      : null,
  };
}

/**
 * Evidence passages, sentence by sentence. Page shingles kept by winnowing that the source has too mark their words
 * as copied; marks closer than a winnowing window are joined (a copied run always has a kept hash at least every
 * window). A sentence at least half covered by such runs is copied whole (a run's first kept hash can sit a few
 * words into it); a shorter run inside a sentence (a quoted phrase) is copied as it is; a sentence that only
 * restates a source sentence is "reworded". Adjacent copied sentences form one passage.
 */
function passagesOf(analysis: TextAnalysis, ref: Reference, alignment: readonly number[]): Passage[] {
  const { text, tokens, winnowed, sentences } = analysis;
  const refShingles = new Set(ref.shingles);
  const tokenRuns: Array<[first: number, last: number]> = [];
  winnowed.hashes.forEach((hash, i) => {
    if (!refShingles.has(hash)) return;
    const first = winnowed.positions[i] as number;
    const last = Math.min(first + SHINGLE_SIZE, tokens.words.length) - 1;
    const open = tokenRuns[tokenRuns.length - 1];
    if (open && first - open[1] <= WINNOW_WINDOW) open[1] = Math.max(open[1], last);
    else tokenRuns.push([first, last]);
  });
  const runs = tokenRuns.map(([first, last]) => [tokens.starts[first] as number, tokens.ends[last] as number] as const);
  const spans: Array<{ start: number; end: number; kind: Passage['kind'] }> = [];
  sentences.forEach((sentence, s) => {
    let covered = 0;
    const partial: Array<[number, number]> = [];
    for (const [a, b] of runs) {
      const from = Math.max(a, sentence.start);
      const to = Math.min(b, sentence.end);
      if (to > from) {
        covered += to - from;
        partial.push([from, to]);
      }
    }
    if (covered >= 0.5 * (sentence.end - sentence.start))
      spans.push({ start: sentence.start, end: sentence.end, kind: 'copied' });
    else if (partial.length) for (const [a, b] of partial) spans.push({ start: a, end: b, kind: 'copied' });
    else if ((alignment[s] ?? -1) >= 0) spans.push({ start: sentence.start, end: sentence.end, kind: 'reworded' });
  });
  const merged: typeof spans = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    // Join a copied span to the previous copied one when only white space or punctuation lies between them.
    if (last && last.kind === span.kind && /^[\s\p{P}]*$/u.test(text.slice(last.end, span.start))) last.end = span.end;
    else merged.push({ ...span });
  }
  return merged.map(({ start, end, kind }) => ({ start, end, kind, text: text.slice(start, end) }));
}

function best<T>(items: readonly T[], key: (item: T) => number): T | undefined {
  let top: T | undefined;
  for (const item of items) if (top === undefined || key(item) > key(top)) top = item;
  return top;
}

function metaOf(ref: Reference): Source {
  return { id: ref.id, url: ref.url, publisher: ref.publisher, title: ref.title, publishedAt: ref.publishedAt };
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
