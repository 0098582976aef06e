import { normalizeText } from './normalize';

/**
 * Words of a text, with where each stands in it (UTF-16 offsets into the original string), so that a match can be
 * shown as a passage of the page. Han, Hiragana and Katakana are written without spaces: each such character is a
 * token of its own. Apostrophes inside a word are dropped ("don't" -> "dont"), so a curly and a straight
 * apostrophe tokenise alike.
 *
 * NOTE: changing what a token is changes every stored fingerprint: bump `PACK_VERSION` in `pack.ts` with it.
 */
export interface Tokens {
  /** Normalised token text. */
  words: string[];
  starts: number[];
  ends: number[];
  /** The token starts with an upper-case letter in the original text. */
  capitalized: boolean[];
}

const TOKEN =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}\p{M}])+(?:['\u2019.](?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}\p{M}])+)*/gu;

export function tokenize(text: string): Tokens {
  const tokens: Tokens = { words: [], starts: [], ends: [], capitalized: [] };
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index;
    // ASCII needs no compatibility form, has no curly quotes or odd dashes: lower case alone is its normal form.
    tokens.words.push((isAscii(raw) ? raw.toLowerCase() : normalizeText(raw)).replace(/'/g, ''));
    tokens.starts.push(start);
    tokens.ends.push(start + raw.length);
    tokens.capitalized.push(/^\p{Lu}/u.test(raw));
  }
  return tokens;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
