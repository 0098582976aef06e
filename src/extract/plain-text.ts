/**
 * The article inside a page saved as plain text (what a reader gets by copying a page): navigation, tag lists,
 * "related posts" and footers copied along with it are dropped, keeping the densest run of prose lines and the
 * headings between them.
 */
import * as chrono from 'chrono-node';
import { STOPWORDS } from '../core';
import {
  BYLINE,
  DATELINE,
  DATE_LINE_MAX_WORDS,
  isDateOnly,
  isGalleryItem,
  isNamesOnly,
  isStoriesHeading,
  isWidgetLine,
  withoutChrome,
} from './widget-lines';

export interface PlainTextArticle {
  title: string;
  text: string;
  /** The day the page says it was published (YYYY-MM-DD), read from a dateline above the article; '' when none. */
  publishedTime: string;
}

/** Characters of the scripts written without spaces between words (Chinese, Japanese). */
const UNSPACED = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
/** The same, tested first (a plain range of code units scans a long line much faster than script properties do:
 * a hostile page's lines of 20,000 letters are read several times). */
const UNSPACED_ANY = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Characters of an unspaced script that count as one word: a Chinese word averages about two characters. Counted
 * as one word a line, a page in Chinese or Japanese had no line long enough for prose, and the whole page, its
 * navigation and all, was taken for the article (qq, gmw, youth, yahoo-4 of the readability pages saved as text). */
const UNSPACED_CHARS_PER_WORD = 2;

/** Words of a line (its white space folded to single spaces). */
function wordCount(line: string): number {
  if (!UNSPACED_ANY.test(line)) return line.split(/\s+/).length;
  const unspaced = line.match(UNSPACED)?.length ?? 0;
  const spaced = line.replace(UNSPACED, ' ').split(/\s+/).filter(Boolean).length;
  return spaced + Math.ceil(unspaced / UNSPACED_CHARS_PER_WORD);
}

/** A line of running prose: ten words or more ending like a sentence, or long enough to be prose anyway. */
function isProse(line: string): boolean {
  const words = wordCount(line);
  return (
    (words >= 10 && /[.!?:;"'\u201d\u2019)\]\u3002\uff01\uff1f\uff1a\uff1b\u300d\u300f\uff09]$/.test(line)) ||
    words >= 25
  );
}

/** A line ends as a sentence does: a full stop, question or exclamation mark or ellipsis (Western or full-width),
 * then any closing quotes. */
const SENTENCE_END = /[.!?\u2026\u3002\uff01\uff1f]["'\u201d\u2019)\]\u300d\u300f\uff09]*$/;

/** A short sentence of the article (a line of a quotation, "Good luck, man."): three words or more ending as a
 * sentence does. Inside a run of prose it neither breaks the run nor counts toward a gap; navigation, tags and
 * headings do not end this way. */
function isShortSentence(line: string): boolean {
  return wordCount(line) >= 3 && SENTENCE_END.test(line);
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

/** Widest line of a hard-wrapped text (mail and text files wrap at 72 to 80 columns; a paragraph of an unwrapped
 * text is longer). */
const MAX_WRAP_WIDTH = 100;

/** Fewest lines of six words or more that tell a hard-wrapped text (a headline, a dateline and one paragraph do
 * not). */
const MIN_WRAPPED_LINES = 5;

/** A line starting a list item: a bullet, a dash or a number and a full stop or parenthesis. */
const LIST_ITEM = /^([*\u2022\u2023\u25aa\u25cf\u2013\u2014-]|\d{1,3}[.)])\s/u;

/** A line starting with a bullet (a standfirst's points, a list): never the title. (A headline may start with a
 * number: "5. 9 Earthquake Jolts Iran".) */
const BULLET = /^[*\u2022\u2023\u25aa\u25cf]\s/u;

/**
 * The paragraphs of a hard-wrapped text (each broken into lines at a fixed width, as mail and saved text files are)
 * joined back into one line each; any other text as it is. The text is hard-wrapped when its lines of six words or
 * more, at least MIN_WRAPPED_LINES of them, are at most MAX_WRAP_WIDTH characters (nine in ten) and at least three in
 * ten of them go on, mid sentence, on a line that starts in lower case: a list of headlines or a line-per-sentence
 * text does not. A line then joins the next when the next one's first word would not have fitted on it (within a tenth
 * of that width) and the next is not blank or a list item: a run of headlines, each shorter than the width, stays
 * apart.
 */
function unwrap(lines: string[]): string[] {
  const long = lines.flatMap((line, i) => (wordCount(line) >= 6 ? [i] : []));
  if (long.length < MIN_WRAPPED_LINES) return lines;
  const lengths = long.map((i) => lines[i]!.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(0.9 * (lengths.length - 1))]!;
  if (width > MAX_WRAP_WIDTH) return lines;
  const goesOn = long.filter((i) => /^\p{Ll}/u.test(lines[i + 1] ?? '')).length;
  if (goesOn < 0.3 * long.length) return lines;
  const joined: string[] = [];
  let previous = '';
  for (const line of lines) {
    const last = joined.length - 1;
    // Wrapping broke the previous line here only if the next word would not have fitted on it.
    const filled = previous.length + 1 + line.split(' ')[0]!.length > 0.9 * width;
    if (line && previous && filled && !previous.endsWith(':') && !LIST_ITEM.test(line)) {
      joined[last] = `${joined[last]!} ${line}`;
    } else {
      joined.push(line);
    }
    previous = line;
  }
  return joined;
}

/** A run of prose lines (with the short gaps inside it), by line index, and its words. */
interface Block {
  first: number;
  last: number;
  words: number;
}

/** Fewest words of a run of prose that continues the article past a box standing in it: this many, or half the
 * words of the article's longest run if fewer (a short article cut in two by a box). */
const JOINED_RUN_MIN_WORDS = 250;

/** The same for a run before the article's (its first part, under its headline, above a box): fewer, as teasers of
 * other stories come after an article more often than before it. On the 130 readability pages saved as text and the
 * 3,565 texts of the eval's data, 200 joins nytimes-2's first 239 words and nothing else; 150 joins three runs more,
 * v8-blog's and nytimes-4's parts but also bug-1255978's gallery of 50 captions (on the 47 news pages 899 words kept
 * that Readability's text lacks, for 217 more of its own). */
const JOINED_RUN_BEFORE_MIN_WORDS = 200;

/** Most lines of three words or more (headlines, captions, a byline) in a box the article goes on past; lines of one
 * or two words (a chart's figures and labels, buttons) are not counted. */
const JOINED_GAP_MAX_LINES = 6;

/** A chart's figure or axis label, a line of one token holding a digit ("$915", "13.0%", "’17", "2,400"). */
const FIGURE = /^[^\s\d]*\d[^\s]*$/;
/** Figures in a box that make it a chart (an article's own, standing between two of its parts), and the fewest words
 * of a part of the article beyond one. */
const CHART_MIN_FIGURES = 8;
const JOINED_CHART_RUN_MIN_WORDS = 80;

/** A comment section's heading, the whole line ("Comments", "There are 13 comments", "Leave a Reply", "Show
 * comments", "Join the conversation"), or a comment's "Reply" button: the article never goes on past it (a count under
 * the headline stands above the article's run, which starts after it). Not "Discussion" or "Responses" alone: a
 * paper's or a report's section may be headed so. */
const COMMENTS_LABEL =
  /^(?:comments?|reply|(?:there (?:are|is) )?\d[\d,]* (?:comments?|responses?|replies)|(?:show|view|load|read|add|leave|post) (?:a |all |the )?(?:comments?|reply|response)|join the (?:conversation|discussion))\s*:?$/i;

/**
 * Whether the run of prose `added` (one of `before` and `after`, which are neighbours) belongs to the article that
 * the other holds: a page's box of related headlines, a chart, a photo with its caption and byline can stand between
 * two parts of an article and cut its run of prose. The part beyond is the article's when it is long
 * (JOINED_RUN_MIN_WORDS, against `main`, the longest run: teasers of other stories come in shorter runs; a chart's
 * figures, which no box of other stories holds, need JOINED_CHART_RUN_MIN_WORDS) and the box between is short
 * (JOINED_GAP_MAX_LINES) and holds no comment section's heading. Measured on the 47 real news pages
 * saved as text: see the README ("Page chrome").
 */
function joinsArticle(lines: readonly string[], before: Block, after: Block, added: Block, main: Block): boolean {
  const gap = lines.slice(before.last + 1, after.first);
  const chart = gap.filter((line) => FIGURE.test(line)).length >= CHART_MIN_FIGURES;
  const least = chart
    ? JOINED_CHART_RUN_MIN_WORDS
    : added === before
      ? JOINED_RUN_BEFORE_MIN_WORDS
      : JOINED_RUN_MIN_WORDS;
  if (added.words < Math.min(least, main.words / 2)) return false;
  if (gap.some((line) => COMMENTS_LABEL.test(line))) return false;
  return gap.filter((line) => wordCount(line) >= 3).length <= JOINED_GAP_MAX_LINES;
}

export function extractPlainText(raw: string): PlainTextArticle {
  const lines = unwrap(
    raw
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim()),
  ).filter(Boolean);
  const blocks: Block[] = [];
  let gap = Infinity;
  // Lines since the last line of the open block that introduces a list (Infinity: none does), and whether such a
  // line opens the current gap (within its first MAX_GAP_LINES lines, where a heading may stand).
  let sinceIntro = Infinity;
  let gapIntroduced = false;
  lines.forEach((line, i) => {
    const words = wordCount(line);
    const open = blocks[blocks.length - 1];
    const intro = introduces(line, words);
    const extend = (): void => {
      if (!open) return;
      open.last = i;
      open.words += words;
    };
    // A comment section's heading ends the article, and so does the heading of a list of other stories: what follows
    // is another run of prose (the article may go on past such a list: joinsArticle, below).
    if (COMMENTS_LABEL.test(line) || isStoriesHeading(line) || isGalleryItem(line, SENTENCE_END.test(line))) {
      gap = Infinity;
      gapIntroduced = false;
      sinceIntro = Infinity;
      return;
    }
    // A widget's line (a cookie notice or a prompt may be as long as prose) ends the article's list, and does not
    // count toward the gap: a photo's credit and a video player's controls between two paragraphs do not cut the
    // article in two (the body leaves them out, below).
    if (isWidgetLine(line, words, SENTENCE_END.test(line))) {
      sinceIntro = Infinity;
      return;
    }
    if (!isProse(line)) {
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
  if (!main) return { title: lines.find(isTitleLike) ?? '', text: lines.join('\n'), publishedTime: '' };
  // The article goes on past a box that stands in it (related headlines, a chart's labels) when a long run of prose
  // lies just beyond (joinsArticle).
  let first = blocks.indexOf(main);
  let last = first;
  for (;;) {
    const after = blocks[last + 1];
    const before = blocks[first - 1];
    if (after && joinsArticle(lines, blocks[last] as Block, after, after, main)) last++;
    else if (before && joinsArticle(lines, before, blocks[first] as Block, before, main)) first--;
    else break;
  }
  const kept = blocks
    .slice(first, last + 1)
    .flatMap((block) => lines.slice(block.first, block.last + 1))
    .filter((line) => isProse(line) || wordCount(line) >= 2 || line.endsWith(':'));
  // Widgets inside the run of prose (a ticker, a share row, a newsletter prompt between paragraphs) are left out as
  // the HTML extraction leaves them out.
  const body = withoutChrome(kept, (line) => line);
  // The head is above the article's first run, which a run joined before the longest one may be.
  const before = lines.slice(0, (blocks[first] as Block).first).reverse();
  // Only a headline-like line can be the title: never a paragraph of the article (packs hold no article text).
  const title = headlineOverDateline(lines) ?? titleAbove(before, body);
  return { title, text: body.join('\n'), publishedTime: datelineDate(before) };
}

/** Most lines above a page's dateline that are its head (headline, standfirst, summary points). */
const HEAD_LINES = 6;

/** Most words of a headline over a dateline (long headlines with a colon or a quotation run to 30 words and more). */
const HEAD_TITLE_MAX_WORDS = 40;

/**
 * A page that opens with its head, then its dateline ("PUBLISHED: 16: 05 GMT, 9 June 2013", "Posted: Sep 27, 2013"),
 * has its headline first: the title is the first line of the head that reads as a headline, whatever stands between
 * it and the dateline (a standfirst, summary points, which are headline-like too), and however long it is. Null
 * when the page opens otherwise, or with its dateline.
 */
function headlineOverDateline(lines: readonly string[]): string | null {
  const dateline = lines.slice(0, HEAD_LINES + 1).findIndex((line) => DATELINE.test(line));
  if (dateline < 1) return null;
  const headline = lines
    .slice(0, dateline)
    .find((line) => isHeadlineLike(line, HEAD_TITLE_MAX_WORDS) && !NAVIGATION.test(line));
  return headline ?? null;
}

/** Fewest words of a standfirst under a headline ("Boston reportedly looks to ink free-agent slugger for eight
 * years" under "Red Sox extend offer to Teixeira"): a headline is shorter. */
const STANDFIRST_MIN_WORDS = 9;

/** A line that separates items as navigation does ("News > World", "Home | Sport", "Politics • Courts"). */
const NAVIGATION = /\s[>|/›»•·]\s/;

/** Lines above the article, nearest first, among which its headline is looked for by the words it shares with the
 * article's opening (a page saved as text can print a share row, a video player and a byline between them). */
const HEADLINE_SEARCH_LINES = 30;
/** The article's first words, which its headline tells again. */
const OPENING_WORDS = 150;
/** Fewest distinct words (of four letters or more, or numbers) a line shares with the opening to be taken for the
 * headline over a nearer headline-like line: "Share on Google Plus" and "Your video will play in 00:25" share none. */
const HEADLINE_MIN_SHARED = 2;

/** The article's first OPENING_WORDS words, read line by line (a hostile page's body can be megabytes long). */
function openingOf(body: readonly string[]): string {
  const words: string[] = [];
  for (const line of body) {
    for (const word of line.slice(0, OPENING_WORDS * 40).split(/\s+/)) {
      if (word) words.push(word);
      if (words.length === OPENING_WORDS) return words.join(' ');
    }
  }
  return words.join(' ');
}

const keyWords = (text: string): Set<string> =>
  new Set((text.toLowerCase().match(/\p{L}{4,}|\p{N}+/gu) ?? []).filter((word) => !STOPWORDS.has(word)));

/** A photo's caption or credit, which can stand between a headline and its article: a caption ending with its
 * photographer and agency ("… in Paris Jane Roe/Reuters"), or a credit line ("Credit…", "CreditJane Roe"). */
const CAPTION_OR_CREDIT = /^(?:credit|CREDIT|Credit)|\s\p{Lu}[\p{L}.'-]*\/\p{Lu}\p{L}*(?:\s\p{Lu}\p{L}*)?$/u;

/** A headline-like line but for the question or exclamation it ends with ("Where do the talks go after the vote?"). */
function isAskedHeadline(line: string): boolean {
  return /[?!]["'\u201d\u2019)\]]*$/.test(line) && isTitleLike(line.replace(/[?!]+(["'\u201d\u2019)\]]*)$/, '$1'));
}

/**
 * The title among the lines above the article (nearest first): of the headline-like lines (not navigation, a line
 * of names alone, a caption ending with its credit or a credit line), the one sharing most words with the article's
 * opening, at least HEADLINE_MIN_SHARED, the nearest of equals; a line printed twice among them counts its words
 * twice (a page saved as text prints its headline in its masthead or share bar too), and may end with a question as
 * a sentence does. Failing that, the nearest headline-like line. Then the headline above it when that line is the
 * headline's standfirst (STANDFIRST_MIN_WORDS or more, longer than the line above it, with only datelines, date lines
 * and bylines between them and the article, or that line sharing HEADLINE_MIN_SHARED words with the opening too).
 * Widgets, bylines and date lines are never it.
 */
function titleAbove(before: readonly string[], body: readonly string[]): string {
  const opening = keyWords(openingOf(body));
  const sharedWith = (line: string): number => [...keyWords(line)].filter((w) => opening.has(w)).length;
  const near = before.slice(0, HEADLINE_SEARCH_LINES);
  const printed = new Map<string, number>();
  for (const line of near) printed.set(line, (printed.get(line) ?? 0) + 1);
  const isCandidate = (line: string, twice: boolean): boolean =>
    (isTitleLike(line) || (twice && isAskedHeadline(line))) &&
    !isNamesOnly(line) &&
    !NAVIGATION.test(line) &&
    !CAPTION_OR_CREDIT.test(line);
  let told = -1;
  let most = HEADLINE_MIN_SHARED - 1;
  near.forEach((line, i) => {
    const twice = (printed.get(line) as number) >= 2;
    if (!isCandidate(line, twice)) return;
    const shared = sharedWith(line) * (twice ? 2 : 1);
    if (shared > most) [told, most] = [i, shared];
  });
  // A line of names alone under the headline is its byline, not a headline of its own (one when nothing else is).
  const headline = before.findIndex((line) => isTitleLike(line) && !isNamesOnly(line));
  const at = told >= 0 ? told : headline >= 0 ? headline : before.findIndex(isTitleLike);
  const nearest = before[at];
  if (nearest === undefined) return '';
  const above = before[at + 1];
  const between = before.slice(0, at);
  const isStandfirst =
    above !== undefined &&
    isTitleLike(above) &&
    !NAVIGATION.test(above) &&
    !isWidgetLine(above, wordCount(above), false) &&
    wordCount(nearest) >= STANDFIRST_MIN_WORDS &&
    wordCount(nearest) > wordCount(above) &&
    (between.every((line) => DATELINE.test(line) || isDateOnly(line) || BYLINE.test(line) || isNamesOnly(line)) ||
      (told >= 0 && sharedWith(above) >= HEADLINE_MIN_SHARED));
  return isStandfirst ? above : nearest;
}

/** Least share of such a line's characters that the date takes. */
const DATE_LINE_MIN_SHARE = 0.4;

/** Lines above the article, nearest first, where its dateline is looked for (the masthead and navigation above them
 * can be long, and name other days). */
const DATELINE_HEAD_LINES = 10;

/**
 * The first full date (day, month and year all written) of the dateline nearest above the article, among its
 * DATELINE_HEAD_LINES nearest lines: a line that starts as one ("PUBLISHED: 16: 05 GMT, 9 June 2013 | UPDATED: …"
 * gives 2013-06-09) or a short line that is mostly a date. Parsed by chrono-node; a date without its year
 * ("Tuesday", "May 12") is no date.
 */
function datelineDate(head: readonly string[]): string {
  for (const line of head.slice(0, DATELINE_HEAD_LINES)) {
    const dateline = DATELINE.test(line);
    if (!dateline && wordCount(line) > DATE_LINE_MAX_WORDS) continue;
    const found = chrono
      .parse(line)
      .find((r) => r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day'));
    if (!found || (!dateline && found.text.length < DATE_LINE_MIN_SHARE * line.length)) continue;
    const { start } = found;
    const pad = (n: number | null): string => String(n ?? 0).padStart(2, '0');
    return `${start.get('year')}-${pad(start.get('month'))}-${pad(start.get('day'))}`;
  }
  return '';
}

/** Most words of a title-like line. */
const TITLE_MAX_WORDS = 25;

function isTitleLike(line: string): boolean {
  return isHeadlineLike(line, TITLE_MAX_WORDS);
}

/** A headline may end with a question or an exclamation mark ("$48 Million Floodwall ... APPROVED!!!!", "Can Harlow
 * Afford Its New Floodwall?") where a sentence of the article does too ("Can you believe it?"): it is a headline when
 * written as headlines are, most of its longer words capitalised. */
function isExclaimedHeadline(line: string): boolean {
  if (!/[!?]["'\u201d\u2019)\]]*$/.test(line)) return false;
  const long = line.match(/\p{L}{4,}/gu) ?? [];
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return long.length >= 2 && capitalised >= HEADLINE_CAPITALISED_SHARE * long.length;
}

/** Share of a headline's words of four letters or more that start with a capital, in headline style. */
const HEADLINE_CAPITALISED_SHARE = 0.6;

function isHeadlineLike(line: string, maxWords: number): boolean {
  const words = wordCount(line);
  return (
    words >= 4 &&
    words <= maxWords &&
    (!SENTENCE_END.test(line) || isExclaimedHeadline(line)) &&
    !BULLET.test(line) &&
    !BYLINE.test(line) &&
    !DATELINE.test(line) &&
    !isDateOnly(line) &&
    (NEWSFLASH.test(line) || !isWidgetLine(line, words, false))
  );
}

/** A headline's own label ("Breaking News: …", "Exclusive: …"), which a widget's ticker shares: a title all the
 * same. Other widgets' lines (a share row, "Continue reading the main story", a newsletter prompt) never are. */
const NEWSFLASH = /^(?:breaking(?: news)?|latest(?: news)?|just in|exclusive|update[ds]?|watch|live|headline)\s*:/i;
