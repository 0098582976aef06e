/**
 * Splits text into sentences, as character ranges. Paragraph breaks always end a sentence; inside a paragraph a
 * sentence ends at . ! ? (with closing quotes or brackets) followed by white space and an upper-case letter, digit
 * or opening quote, unless the word before the full stop is a known abbreviation or a single letter (U.S., Mr.).
 */
export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'pres',
  'supt',
  'no',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
  'approx',
  'dept',
  'est',
  'fig',
  'al',
]);

const END =
  /[.!?\u3002\uff01\uff1f]+["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018([]?[\p{Lu}\p{N}])|[\u3002\uff01\uff1f]/gu;

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const paragraph = /[^\n]+/g;
  for (const para of text.matchAll(paragraph)) {
    const body = para[0];
    const offset = para.index;
    let start = 0;
    for (const end of body.matchAll(END)) {
      const stop = end.index + end[0].length;
      if (isAbbreviationBefore(body, end.index)) continue;
      pushTrimmed(spans, body, offset, start, stop);
      start = stop;
    }
    pushTrimmed(spans, body, offset, start, body.length);
  }
  return spans;
}

function isAbbreviationBefore(body: string, dotIndex: number): boolean {
  if (body[dotIndex] !== '.') return false;
  const word = /([\p{L}.]+)$/u.exec(body.slice(Math.max(0, dotIndex - 12), dotIndex))?.[1] ?? '';
  const last = word.split('.').pop() ?? '';
  if (last.length === 1) return true; // initials and U.S., U.N., J. Smith
  return ABBREVIATIONS.has(last.toLowerCase());
}

function pushTrimmed(spans: Span[], body: string, offset: number, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(body[s] ?? '')) s++;
  while (e > s && /\s/.test(body[e - 1] ?? '')) e--;
  if (e > s) spans.push({ start: offset + s, end: offset + e });
}
