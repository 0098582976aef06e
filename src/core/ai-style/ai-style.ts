import { LLM_WORD_WEIGHTS, SCAFFOLD_PHRASES } from './ai-style-words';
import { splitSentences, type Span } from '../text/sentences';
import {
  AI_STYLE_CAPS,
  AI_STYLE_MODEL,
  AI_STYLE_REASON_LINES,
  RHYTHM_MIN_SENTENCES,
  RHYTHM_UNMEASURED,
} from './ai-style-model';
import { tokenize, type Tokens } from '../text/tokenize';

/**
 * A transparent, local AI-style score: a few style features a reader can check, combined by a logistic model whose
 * weights the evaluation harness measured (see AI_STYLE_MODEL). Shown beside a verdict, never a verdict: human
 * writing trips such detectors far too often (61% of non-native English essays in Liang et al. 2023).
 */
export interface AiStyleFeatures {
  /** LLM-favoured words per 100 words, each counted by its weight (LLM_WORD_WEIGHTS). */
  llmWords: number;
  /** Title-case section headers ("Mexico's Stance: Sovereignty and Partnership"). */
  headers: number;
  /** Scaffolding phrases ("Looking ahead", "In conclusion", "remains to be seen"). */
  scaffolds: number;
  /** 1 when the text ends on a question to the reader. */
  closingQuestion: number;
  /** Coefficient of variation of sentence lengths (low = even rhythm). */
  rhythmVariation: number;
  /** Share of sentences with a direct quotation, as reporting has. */
  quotedSentences: number;
}

export interface AiStyle {
  score: number;
  reasons: string[];
  features: AiStyleFeatures;
}

/** The text's words and sentences, when the caller has them already (the verdict does: `analyzeText`). */
export interface TextParts {
  tokens: Tokens;
  sentences: readonly Span[];
}

export function aiStyleFeatures(text: string, parts?: TextParts): AiStyleFeatures & { words: string[] } {
  const tokens = parts?.tokens ?? tokenize(text);
  const wordCount = Math.max(1, tokens.words.length);
  const found: string[] = [];
  let weight = 0;
  for (const word of tokens.words) {
    const w = LLM_WORD_WEIGHTS.get(word);
    if (w === undefined) continue;
    found.push(word);
    weight += w;
  }
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const headers = lines.filter((line, i) => i > 0 && isSectionHeader(line)).length;
  const scaffolds = SCAFFOLD_PHRASES.filter((pattern) => pattern.test(text)).length;
  const lastLine = lines[lines.length - 1] ?? '';
  const closingQuestion = /\?["'\u201d\u2019]?$/.test(lastLine) && !/["\u201c\u201d]/.test(lastLine) ? 1 : 0;
  const sentences = (parts?.sentences ?? splitSentences(text))
    .map(({ start, end }) => text.slice(start, end))
    .filter((s) => /[.!?]["'\u201d\u2019)]*$/.test(s));
  const lengths = sentences.map((s) => s.split(/\s+/).length);
  const mean = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  const variance = lengths.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, lengths.length);
  const rhythmVariation =
    lengths.length >= RHYTHM_MIN_SENTENCES && mean > 0 ? Math.sqrt(variance) / mean : RHYTHM_UNMEASURED;
  const quoted = sentences.filter((s) => /["\u201c\u201d][^"\u201c\u201d]{12,}["\u201c\u201d]/.test(s)).length;
  return {
    llmWords: (100 * weight) / wordCount,
    headers,
    scaffolds,
    closingQuestion,
    rhythmVariation,
    quotedSentences: sentences.length ? quoted / sentences.length : 0,
    words: found,
  };
}

export function aiStyle(text: string, parts?: TextParts): AiStyle {
  const { words, ...features } = aiStyleFeatures(text, parts);
  const m = AI_STYLE_MODEL;
  const z =
    m.bias +
    m.llmWords * Math.min(features.llmWords, AI_STYLE_CAPS.llmWords) +
    m.headers * Math.min(features.headers, AI_STYLE_CAPS.headers) +
    m.scaffolds * Math.min(features.scaffolds, AI_STYLE_CAPS.scaffolds) +
    m.closingQuestion * features.closingQuestion +
    m.rhythmVariation * Math.min(features.rhythmVariation, AI_STYLE_CAPS.rhythmVariation) +
    m.quotedSentences * features.quotedSentences;
  const score = 1 / (1 + Math.exp(-z));
  const reasons: string[] = [];
  if (features.llmWords >= AI_STYLE_REASON_LINES.llmWords) {
    const distinct = [...new Set(words)].slice(0, 6).join(', ');
    reasons.push(`LLM-favoured words, ${features.llmWords.toFixed(1)} weighted per 100 words (${distinct})`);
  }
  if (features.headers > 0)
    reasons.push(`${features.headers} title-case section header${features.headers > 1 ? 's' : ''}`);
  if (features.scaffolds > 0)
    reasons.push(
      `${features.scaffolds} stock scaffolding phrase${features.scaffolds > 1 ? 's' : ''} ("Looking ahead", "remains to be seen", ...)`,
    );
  if (features.closingQuestion) reasons.push('ends on a question to the reader');
  if (features.rhythmVariation < AI_STYLE_REASON_LINES.evenRhythm) reasons.push('unusually even sentence lengths');
  if (features.quotedSentences >= AI_STYLE_REASON_LINES.quotedSentences)
    reasons.push('quotes people directly, as reporting does (counts against)');
  return { score, reasons, features };
}

/** A short line in Title Case, without a full stop: a section header. Colons ("Stance: Sovereignty") count. */
function isSectionHeader(line: string): boolean {
  const words = line.split(/\s+/);
  if (words.length < 2 || words.length > 14 || /[.!?]["'\u201d]?$/.test(line)) return false;
  const significant = words.filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  if (significant.length < 2) return false;
  const capitalised = significant.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / significant.length >= 0.75;
}
