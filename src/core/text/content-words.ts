import { STOPWORDS } from './stopwords';
import type { Tokens } from './tokenize';

/** A word that can carry a fact: not a stop word, and longer than one letter (digits and Han or kana characters
 * count alone). */
export function isContentWord(word: string): boolean {
  return !STOPWORDS.has(word) && (word.length > 1 || /\p{N}|[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(word));
}

/**
 * Names and numbers: words written with a digit, or capitalised somewhere other than at the start of a sentence,
 * outside headline-style lines (where most words are capitalised and capitals say nothing).
 */
export function entityWords(tokens: Tokens, sentenceTokenStart: readonly number[]): Set<string> {
  const entities = new Set<string>();
  for (let s = 0; s < sentenceTokenStart.length; s++) {
    const start = sentenceTokenStart[s] as number;
    const end = sentenceTokenStart[s + 1] ?? tokens.words.length;
    let content = 0;
    let capitalised = 0;
    for (let t = start; t < end; t++) {
      if (!isContentWord(tokens.words[t] as string)) continue;
      content++;
      if (tokens.capitalized[t]) capitalised++;
    }
    const isHeadline = content >= 3 && capitalised / content > 0.6;
    for (let t = start; t < end; t++) {
      const word = tokens.words[t] as string;
      if (!isContentWord(word)) continue;
      if (/\p{N}/u.test(word)) entities.add(word);
      else if (!isHeadline && t > start && tokens.capitalized[t]) entities.add(word);
    }
  }
  return entities;
}
