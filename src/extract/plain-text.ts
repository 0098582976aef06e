/**
 * The article inside a page saved as plain text (what a reader gets by copying a page): navigation, tag lists,
 * "related posts" and footers copied along with it are dropped, keeping the densest run of prose lines and the
 * headings between them.
 */
import { isWidgetLine } from './widget-lines';

export interface PlainTextArticle {
  title: string;
  text: string;
}

/** A line of running prose: ten words or more ending like a sentence, or long enough to be prose anyway. */
function isProse(line: string): boolean {
  const words = line.split(/\s+/).length;
  return (words >= 10 && /[.!?:;"'\u201d\u2019)\]]$/.test(line)) || words >= 25;
}

/** A line ends as a sentence does: a full stop, question or exclamation mark or ellipsis, then any closing quotes. */
const SENTENCE_END = /[.!?\u2026]["'\u201d\u2019)\]]*$/;

/** A short sentence of the article (a line of a quotation, "Good luck, man."): three words or more ending as a
 * sentence does. Inside a run of prose it neither breaks the run nor counts toward a gap; navigation, tags and
 * headings do not end this way. */
function isShortSentence(line: string): boolean {
  return line.split(/\s+/).length >= 3 && SENTENCE_END.test(line);
}

/** Most non-prose lines allowed between two prose lines of one article (headings, captions, an ad label). */
const MAX_GAP_LINES = 3;

/** A line that introduces what follows ("The rest of the injury report is as follows:", "Best Play:"), unless it is
 * a widget's ("Share this:", "Related:"). */
function introduces(line: string, words: number): boolean {
  return line.endsWith(':') && !isWidgetLine(line, words, false);
}

/** Most lines of a list the article introduces with a colon ("The Q10 features:" then its specifications), counted
 * from the last line that introduces one. The list is the article's when a prose line of ten words or more
 * introduces it, or when the article's prose goes on after it; a short "Share this:" after the last paragraph
 * introduces nothing. */
const MAX_LIST_LINES = 40;

export function extractPlainText(raw: string): PlainTextArticle {
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean);
  const blocks: Array<{ first: number; last: number; words: number }> = [];
  let gap = Infinity;
  // Lines since the last line of the open block that introduces a list (Infinity: none does), and whether such a
  // line opens the current gap (within its first MAX_GAP_LINES lines, where a heading may stand).
  let sinceIntro = Infinity;
  let gapIntroduced = false;
  lines.forEach((line, i) => {
    const words = line.split(/\s+/).length;
    const open = blocks[blocks.length - 1];
    const intro = introduces(line, words);
    const extend = (): void => {
      if (!open) return;
      open.last = i;
      open.words += words;
    };
    if (!isProse(line)) {
      // A widget's line ends the article's list.
      if (isWidgetLine(line, words, SENTENCE_END.test(line))) sinceIntro = Infinity;
      if (open && gap <= MAX_GAP_LINES && intro) gapIntroduced = true;
      if (open && sinceIntro < MAX_LIST_LINES) {
        extend();
        sinceIntro = intro ? 0 : sinceIntro + 1;
      } else if (open && gap <= MAX_GAP_LINES && isShortSentence(line)) {
        extend();
      } else {
        gap++;
      }
      return;
    }
    if (open && (gap <= MAX_GAP_LINES || (gapIntroduced && gap <= MAX_LIST_LINES))) {
      // The lines of the gap belong to the article too (a list it introduced, headings).
      extend();
    } else {
      blocks.push({ first: i, last: i, words });
    }
    gap = 0;
    gapIntroduced = false;
    // A prose line (ten words or more) that introduces a list starts one.
    sinceIntro = intro ? 0 : Infinity;
  });
  const main = blocks.reduce<(typeof blocks)[number] | undefined>(
    (a, b) => (!a || b.words > a.words ? b : a),
    undefined,
  );
  if (!main) return { title: lines.find(isTitleLike) ?? '', text: lines.join('\n') };
  const body = lines
    .slice(main.first, main.last + 1)
    .filter((line) => isProse(line) || line.split(/\s+/).length >= 2 || line.endsWith(':'));
  const before = lines.slice(0, main.first).reverse();
  // Only a headline-like line can be the title: never a paragraph of the article (packs hold no article text).
  return { title: before.find(isTitleLike) ?? '', text: body.join('\n') };
}

function isTitleLike(line: string): boolean {
  const words = line.split(/\s+/).length;
  return words >= 4 && words <= 25 && !SENTENCE_END.test(line);
}
