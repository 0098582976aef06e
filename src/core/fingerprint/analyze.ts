import { fmix32, hash32, type Hash64 } from './hash';
import { CONTENT_KEY_MASK, ENTITY_FLAG, SHINGLE_SIZE, WINNOW_WINDOW } from './params';
import { splitSentences, type Span } from '../text/sentences';
import { shingleHashes } from './shingles';
import { simhash } from './simhash';
import { stem } from '../text/stem';
import { entityWords, isContentWord } from '../text/content-words';
import { tokenize, type Tokens } from '../text/tokenize';
import { winnow, type Winnowed } from './winnow';

/**
 * Everything the engine computes from one text: the page side keeps all of it (positions for evidence), a
 * reference keeps only its fingerprint (see `fingerprint.ts`).
 */
export interface TextAnalysis {
  text: string;
  tokens: Tokens;
  sentences: Span[];
  /** Content-word codes of each sentence, in order, each word once per sentence (see `contentCode`). */
  sentenceCodes: number[][];
  /** Index of the first token of each sentence (tokens of sentence i are [tokenStart[i], tokenStart[i + 1])). */
  sentenceTokenStart: number[];
  /** All 32-bit shingle hashes, by starting token. */
  shingles: Uint32Array;
  winnowed: Winnowed;
  simhash: Hash64;
}

/** 16-bit code of a content word: 15 bits of its stem's hash, plus ENTITY_FLAG for names and numbers. Never 0. */
export function contentCode(stemmed: string, isEntity: boolean): number {
  const key = fmix32(hash32(stemmed)) & CONTENT_KEY_MASK || 1;
  return isEntity ? key | ENTITY_FLAG : key;
}

export function analyzeText(text: string): TextAnalysis {
  const tokens = tokenize(text);
  const sentences = splitSentences(text);
  const sentenceTokenStart = tokenStartsOf(tokens, sentences);
  const entities = entityWords(tokens, sentenceTokenStart);
  const sentenceCodes = sentences.map((_, i) => {
    const codes = new Set<number>();
    const end = sentenceTokenStart[i + 1] ?? tokens.words.length;
    for (let t = sentenceTokenStart[i] as number; t < end; t++) {
      const word = tokens.words[t] as string;
      if (isContentWord(word)) codes.add(contentCode(stem(word), entities.has(word)));
    }
    return [...codes];
  });
  const shingles = shingleHashes(tokens.words, SHINGLE_SIZE);
  return {
    text,
    tokens,
    sentences,
    sentenceCodes,
    sentenceTokenStart,
    shingles: shingles.folded,
    winnowed: winnow(shingles.folded, WINNOW_WINDOW),
    simhash: simhash(shingles.full),
  };
}

function tokenStartsOf(tokens: Tokens, sentences: readonly Span[]): number[] {
  const starts: number[] = [];
  let t = 0;
  for (const sentence of sentences) {
    while (t < tokens.starts.length && (tokens.starts[t] as number) < sentence.start) t++;
    starts.push(t);
  }
  return starts;
}
