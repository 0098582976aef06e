/**
 * Lines of page widgets by their words, shared by the HTML extraction (article.ts) and the plain-text one: decided on
 * what a line says, never on a site or template.
 */

/** How a line ends that reads as a sentence (with six words or more). */
export const SENTENCE_END = /[.!?…"”»)]$/;

/** Lines that start the way page widgets do: tickers, share rows, newsletter and app prompts, tags and categories,
 * "read more" runs, image credits and galleries, copyright lines, ads. An opening parenthesis before it is allowed
 * ("(Photo courtesy of …)"). A sentence may start so too (prompts are written as sentences): these starts are never
 * an article's. */
const WIDGET_START = startingWith([
  'trending(?: now)?\\s*:',
  'breaking(?: news)?\\s*:',
  'latest(?: news)?\\s*:',
  'hot(?: topics)?\\s*:',
  'just in\\s*:',
  'newsletters?\\s*:',
  'keywords?\\s*:',
  '(?:also read|read also|see also|more)\\s*:',
  'send us a tip\\b',
  'got a (?:story|tip)\\b',
  'advertisement',
  'sponsored',
  'story continues\\b',
  'continue reading below\\b',
  'share(?: this(?: article| story)?)?\\s*:',
  'like this\\s*:',
  'tags?\\s*:',
  'topics?\\s*:',
  'categor(?:y|ies)\\s*:',
  'read more\\s*:',
  'related\\s*:',
  'related (?:posts|stories|articles)\\b',
  'you may also like\\b',
  'recommended for you\\b',
  'more from\\b',
  'more about\\s*:',
  'watch\\s*:',
  'listen to this (?:article|story)\\b',
  'get the latest\\b',
  'get (?:breaking )?news alerts\\b',
  'sign up for\\b',
  'subscribe to (?:our|the)\\b',
  'enter your email\\b',
  'join our\\b',
  'download (?:the|our)\\b[^.]*\\bapp\\b',
  'click here\\b',
  'for more (?:news|updates|stories)\\b',
  '(?:photo|image|picture|video|foto)(?: credit| source)?s?\\s*:',
  '(?:photo(?:graph)?|image|picture)s? (?:by|courtesy of|via)\\b',
  'source\\s*:\\s*(?:getty|shutterstock|istock|alamy|unsplash|pexels)\\b',
  'gallery\\s*:',
  'credit(?:\\s*:|\\.{2,}|…)',
  'contributing\\s*:',
  '(?:additional )?reporting by\\b[^.]*;\\s*(?:writing|editing) by\\b',
  '(?:have|do you have) a (?:news )?tip\\b',
  'also on [\\w .&-]{1,40}:',
  'this (?:story|article) has been shared\\b',
  'your support helps\\b',
  '(?:media|image) (?:caption|copyright)\\b',
  'check out more (?:articles|stories)\\b',
  'in this article\\s*:',
  'you must (?:be )?log(?:ged)? ?in\\b',
  'e-?mail\\s+\\S+@\\S+\\.\\w',
  'want to see fewer ads\\b',
  '(?:are you )?using an ad ?blocker\\b',
  'continue using ad-?block\\b',
  'register for a free account\\b',
  '(?:log ?in|sign in) with your\\b',
  'inread invented by\\b',
  '(?:promoted|sponsored) (?:links|stories|content) by\\b',
  'by taboola\\b',
  'getty images\\b',
  'author\\s*:',
  'disclaimer\\s*:',
  'disclosure\\s*:',
  'estimated reading time\\b',
  '(?:content|article|story) continues below\\b',
  'click to (?:share|print|email|tweet)\\b',
  'please enable javascript\\b',
  '(?:log ?in|sign in) to (?:leave|post|add) a (?:comment|reply)\\b',
  'your email address will not be published\\b',
  'save my name, email\\b',
  'featured (?:image|photo)(?: credit)?s?\\s*:',
  'join [\\d,.]+[km]?\\+? (?:subscribers|readers|others|people)\\b',
  'this (?:post|article|page) (?:may )?contains? affiliate\\b',
  'add (?:\\S+ ){1,4}as a preferred source\\b',
  'copyright\\s*(?:©|\\(c\\)|\\d{4})',
  '©',
]);

/** "Follow us on X" prompts, in a short line only (a page's text can run a prompt into its lead: "Follow Us on Twitter
 * Sunday marked a big night for …"). */
const FOLLOW_START = startingWith(['follow (?:us|on)\\b']);

/** Most words of a "Follow us" prompt. */
const FOLLOW_MAX_WORDS = 12;

/** Starts of widget labels that an article's sentence may have too ("Powered by solar panels, the school …", "Filed
 * under seal, the papers …"): a widget only in a line that does not read as a sentence. */
const LABEL_START = startingWith([
  'filed (?:under|in)\\b',
  'tagged\\b',
  'courtesy(?: of)?\\b',
  'posted in\\b',
  'continue reading\\b',
  'most (?:read|popular|viewed|shared)\\b',
  'top stories\\b',
  '(?:next|previous) (?:article|post|story)\\b',
  'reading time\\b',
  'file (?:photo|image|picture)\\b',
  'representa(?:tional|tive) (?:photo|image|picture)\\b',
  'about the author\\b',
  '(?:written|posted) by\\b',
  '(?:additional )?reporting by\\b',
  'powered by\\b',
  'terms of (?:use|service)\\b',
  'privacy policy\\b',
  '(?:previous|next)\\s*:',
  'rating\\s*:\\s*\\d',
  'recommended by\\b',
  'fact[- ]checked by\\b',
  'reviewed by\\b',
  'next up\\b',
]);

function startingWith(starts: readonly string[]): RegExp {
  return new RegExp(`^\\(?(?:${starts.join('|')})`, 'i');
}

/** Headings of a list of other stories, the whole line ("More from Kotaku", "Related Coverage", "You may also like",
 * "Most Read", "Around the Web"): labels of widgets anywhere (CONTROL_OR_LABEL), and in plain text the end of the
 * article's run of prose (isStoriesHeading). */
const STORIES_HEADINGS = [
  "more from [\\p{L}\\p{N} .&'’-]{1,30}",
  'related(?: posts| stories| articles| coverage| news| content)?',
  'you (?:may|might) also like',
  'recommended(?: for you| stories| articles)?',
  'read next',
  'most (?:read|popular|viewed|shared)(?: stories| articles| news)?',
  'top stories',
  'more (?:stories|news|headlines)',
  "don['’]t miss",
  '(?:from )?around the web',
  'trending(?: now| stories)?',
  'popular(?: now| stories)?',
  'latest (?:news|stories)',
  'other (?:stories|news)',
  "(?:top|our|editor['’]?s['’]?) picks",
  'more to explore',
  'related reading',
  'you (?:may|might) (?:also )?be interested in',
  "also on [\\p{L}\\p{N} .&'’-]{1,30}",
  'also read',
  'recent posts',
];

const STORIES_HEADING = new RegExp(`^(?:${STORIES_HEADINGS.join('|')})\\s*:?$`, 'iu');

/** A line that is one control of a video player or photo viewer, as its text reaches the article ("Play Video",
 * "Current Time 0:00", "Loaded: 0%", "Fullscreen", "View photo"), or a widget's lone label ("Share", "Print",
 * "Comments", "Loading...", "Newsletter", "Photo"). */
const CONTROL_OR_LABEL = new RegExp(
  `^(?:${[
    'play(?: video)?',
    'pause',
    'mute',
    'unmute',
    '(?:exit )?full ?screen',
    'view (?:photo|gallery)',
    'photo',
    'image',
    'share',
    'print',
    'e-?mail',
    'comments?',
    'leave a (?:comment|reply)(?: cancel reply)?',
    'cancel reply',
    'spread the love',
    'table of contents',
    'toggle',
    'post navigation',
    'archives',
    'categories',
    'tags',
    'topics',
    'fact[- ]checked',
    'more',
    'ad ?choices',
    'hide',
    'show',
    'menu',
    'search',
    'home',
    'thank you for reading!?',
    'share via:?',
    'sign (?:in|up|out)',
    'log ?(?:in|out)',
    'register',
    'subscribe',
    'my account',
    'view this image(?:\\s*[»›>→]+)?',
    'view profile',
    'next page(?:\\s*[»›>→]+)?',
    'read now',
    'buy photo',
    'wait \\d+ seconds? to continue\\.?',
    'share this (?:story|article|post)',
    'reader comments',
    'scroll to accept',
    'source link',
    // A gallery's counter ("Image 1 of 12"); numbers alone may be a table's cells, and stay.
    '(?:image|photo|picture|slide)s?\\s*\\d+\\s*(?:of|/)\\s*\\d+',
    '(?:enlarge|expand) this (?:image|photo)',
    '(?:toggle|hide|show) caption',
    'open image in gallery',
    'view image in full ?screen',
    'click to enlarge',
    'expand',
    'collapse',
    'close',
    'skip advertisement',
    'supported by',
    'send any friend a story',
    'share full article',
    'gift this article',
    'copy link',
    'link copied!?',
    'save(?: article| story)?',
    'saved',
    'print this (?:page|article|story)',
    'e-?mail this (?:page|article|story)',
    'content from our partners',
    'subscriber exclusive',
    'premium',
    'opinion',
    'subscribe now',
    'unlock this article',
    'already a subscriber\\?(?: log ?in| sign in)?',
    'open in app',
    'get the app',
    'donate',
    'support independent journalism',
    'comments are closed\\.?',
    'videos?',
    'photos',
    'audio',
    '(?:next|previous) slide',
    'translate',
    'font size',
    'a(?:\\s+a){2,}',
    'listen\\s*[·•|-]?\\s*\\d+:\\d{2}(?:\\s*min)?',
    'report this ad',
    'show (?:more|less)',
    'read (?:the )?full (?:article|story)',
    '(?:partner|paid|sponsored) (?:content|post)',
    'listen to (?:this )?(?:article|story)',
    '\\d+ min(?:ute)?s?',
    // A share button's name alone.
    'facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|telegram|flipboard',
    // A picture agency's name alone, a credit under a photo.
    '\\(?(?:reuters|ap|afp|epa|getty(?: images)?|bloomberg|xinhua|dpa|anadolu|efe|ansa|kyodo)\\)?',
    // A rating's stars.
    '[★☆⭐✩✰](?:\\s*[★☆⭐✩✰])*',
    'show comments',
    'add (?:a )?comment',
    'sign in to comment',
    'report an error',
    'loading(?: comments)?\\.*',
    'comments?\\s*\\(\\d[\\d,]*\\)',
    'view (?:all )?(?:\\d[\\d,]* )?comments',
    'now playing',
    'up next',
    '\\d+:\\d{2}\\s*/\\s*\\d+:\\d{2}',
    'newsletter',
    'breaking news',
    'exclusive',
    'ad',
    'read more(?:\\s*[»›>→]+)?',
    'scroll to continue(?: with content)?',
    ...STORIES_HEADINGS,
    'shutterstock',
    'istock(?:photo)?',
    '(?:updated |posted |published )?\\d+ (?:second|minute|min|hour|hr|day|week|month|year)s? ago',
    '(?:current|remaining|duration)(?: time)?\\s*-?\\d+:\\d{2}',
    '(?:loaded|progress)\\s*:\\s*\\d+(?:\\.\\d+)?\\s*%',
  ].join('|')})\\s*:?$`,
  'iu',
);

/** Most words of a control or label line. */
const LABEL_MAX_WORDS = 5;

/** A capitalised word of a credit ("AFP", "Getty", "O'Neil", "Jean-Luc"). */
const CAPITALISED = "\\p{Lu}[\\p{L}.&'-]*";

/** A photo credit as captions print it: a photographer of two or more names and an agency, joined by slashes ("Jane
 * Doe/AFP/Getty Images", "Jane Doe/AFP via Getty Images", "(AP Photo/Jane Doe)"), "Photo by" before it or not. One
 * word before the slash is not enough ("AC/DC Returns"). */
const SLASH_CREDIT = new RegExp(
  `^\\(?(?:(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture)s?(?:\\s+by)?\\s*:?\\s+)?${CAPITALISED}(?:\\s+${CAPITALISED})+\\s*/\\s*${CAPITALISED}(?:(?:\\s*/\\s*|\\s+(?:via\\s+)?)${CAPITALISED})*\\)?$`,
  'u',
);

/** Most words of a credit line. */
const CREDIT_MAX_WORDS = 8;

/** A photo's caption as its line ends, with the picture's credit: in brackets ("… at dusk. (Photo: Shutterstock)",
 * "… on Monday. (AP Photo/Jane Doe)", "(Photo by Jane Doe/Reuters)") or after the caption's last sentence ("… in
 * Washington. Image: Reuters"). The caption is the page's own words about a picture. */
const CAPTION_CREDIT = new RegExp(
  `(?:\\((?:(?:(?:photo(?:graph)?|image|picture|foto|video)s?(?:\\s+credit)?|credit)\\s*(?::|by)\\s*[^()]{1,60}|(?:AP|AFP|EPA|Reuters|Getty)\\b[^()]{0,60})\\)|[.!?]\\s+(?:photo|image|picture|foto)s?(?:\\s+credit)?\\s*:\\s*[^.!?]{1,40})$`,
  'iu',
);

/** A caption's credit after its last words, capitalised as credits are ("… on Thursday Credit: STR/AFP"; "a line of
 * credit: $4 million" is a sentence's). */
const TRAILING_CREDIT = /\s(?:Photo |Image )?Credit\s*:\s*[^.!?:]{1,40}$/u;

/** Most words of a caption with its credit. */
const CAPTION_MAX_WORDS = 30;

/** Widget words anywhere in a short line: view counts ("246 views", "Views: 1,234"), reading times, "Follow on X",
 * "All rights reserved". */
const WIDGET_ANYWHERE =
  /\b\d[\d,.]*[km]?\s+(?:views|shares|comments)\b|\bviews?\s*:\s*\d|\b\d+\s+min(?:ute)?s? read\b|\bfollow (?:us |me )?on (?:x|twitter|facebook|instagram)\b|\ball rights reserved\b/i;
/** A newsletter prompt, however it is worded ("Don't miss out! Subscribe to our free newsletter.", "Never miss a story —
 * sign up for our daily email."): it speaks to the reader (our, your) of a newsletter, an inbox or signing up. */
const NEWSLETTER_PROMPT = /^(?=.*\b(?:our|your)\b)(?=.*\b(?:newsletters?|inbox|sign[ -]up)\b)/i;

/** The words of a share row ("Facebook Twitter WhatsApp Email", "Share on Facebook Share via Email", "Tweet Pin"). */
const SOCIAL_WORD =
  /^(?:share|on|via|facebook|twitter|x|whatsapp|e-?mail|mail|linkedin|pinterest|pin|reddit|telegram|messenger|tweet|print|copy|link|flipboard|tumblr|google|plus|sms|threads|bluesky|instagram|mastodon)$/i;

/** A line of share buttons' names only (three or more, at least one a network's: two may be a heading, "Facebook
 * Messenger"). */
function isSocialRow(text: string): boolean {
  // Buttons whose texts run together when a page is saved as text ("Share on FacebookShare on Twitter"), though a
  // network's name may have a capital inside it ("WhatsApp").
  return isSocialWords(text) || isSocialWords(text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'));
}

function isSocialWords(text: string): boolean {
  const words = text.match(/[\p{L}-]+/gu) ?? [];
  return (
    words.length >= 3 &&
    words.every((word) => SOCIAL_WORD.test(word)) &&
    words.some((word) => !/^(?:share|on|via|copy|link|print)$/i.test(word))
  );
}

/** A ticker's label ("Trending:", "Breaking:", "Latest:", "Hot topics:"). */
const TICKER_LABEL =
  /^(?:trending(?: now)?|breaking(?: news)?|latest(?: news)?|hot(?: topics)?|just in|top stories|most read|popular|headlines)\s*:/i;

/** Separators between a ticker's headlines. */
const TICKER_SEPARATOR = /\s[•|·]\s/g;

/**
 * A ticker of headlines written as text rather than links, however long: a ticker's label and a separator ("Trending:
 * Chef opens third restaurant • Ten gadgets under $20 • …"), or three separators between headlines of at most 15
 * words each in a line that does not read as a sentence.
 */
function isTicker(text: string, sentence: boolean): boolean {
  const separators = (text.match(TICKER_SEPARATOR) ?? []).length;
  if (separators >= 1 && TICKER_LABEL.test(text)) return true;
  return (
    !sentence &&
    separators >= 3 &&
    text.split(TICKER_SEPARATOR).every((part) => part.trim().split(/\s+/).length <= TICKER_HEADLINE_MAX_WORDS)
  );
}

/** Most words of one headline in a ticker. */
const TICKER_HEADLINE_MAX_WORDS = 15;

/** The signature line that closes a social post embedded as the network's embed code prints it, when no script has
 * turned it into a frame ("— Jane Doe (@janedoe) March 3, 2025", "A post shared by Jane Doe (@janedoe) on Oct 23,
 * 2017"): a dash or "A post shared by", who posted it, and their handle in brackets. */
const EMBED_SIGNATURE = /^(?:[—–-]\s*|a post shared by\s+)[^()]{1,60}\s\(@\w{1,30}\)/iu;

/** Most words of an embed's signature line. */
const EMBED_SIGNATURE_MAX_WORDS = 15;

/** Most characters of an embedded post's text (a post on X holds 280). */
const EMBEDDED_POST_MAX_CHARS = 280;

/** What a post has and a paragraph of an article seldom does: a hashtag, a handle, a link. */
const POST_MARK = /(?:^|\s)[#@]\w|https?:\/\/|\bpic\.twitter\.com\//;

function isEmbedSignature(text: string): boolean {
  return text.split(' ').length <= EMBED_SIGNATURE_MAX_WORDS && EMBED_SIGNATURE.test(text);
}

/** The text of an embedded post: the line just above its signature, as long as a post, that does not read as a
 * sentence or that has a post's hashtag, handle or link. A paragraph of the article there (a post of a picture alone
 * has no text) ends as a sentence, and is kept. */
function isEmbeddedPost(text: string, next: string | undefined): boolean {
  return (
    next !== undefined &&
    isEmbedSignature(next) &&
    text.length <= EMBEDDED_POST_MAX_CHARS &&
    (!SENTENCE_END.test(text) || POST_MARK.test(text))
  );
}

/** A cookie notice, however long ("We use cookies and similar technologies to improve your browsing experience, …"). */
const COOKIE_NOTICE =
  /^(?:we (?:and our partners )?use cookies\b|this (?:site|website) uses cookies\b|by (?:continuing to (?:browse|use)|using) (?:this|our) (?:site|website)\b[^.]{0,80}\bcookies\b)/i;

/** Most words of a cookie notice. */
const COOKIE_NOTICE_MAX_WORDS = 120;

/** A teaser of a gallery or a video, as lists of other stories print them ("Inside the bakery that won the sourdough
 * prize (12 Photos)", "Watch the floodwall debate get heated (Video)"). */
const TEASER_MARK = /\((?:\d+\s+)?(?:photos?|pics|pictures|videos?|watch|gallery|slideshow)\)$/i;
const TEASER_MAX_WORDS = 25;

/** A teaser of another story ending with its link's label ("… die im Frühjahr eröffnet werden soll. Mehr…",
 * "… Read more »"): a "more" with its ellipsis or arrow, or a "read more" in any of the languages of the test pages.
 * Prose ending with "more" has a full stop. */
const MORE_LINK_END =
  /(?:\b(?:read more|continue reading|weiterlesen|lire la suite|leer más|leia mais)\s*(?:…|\.{3}|»|›|>)?|\b(?:more|mehr|plus|más|mais|meer)\s*(?:…|\.{3}|»|›|>))$/iu;
const MORE_TEASER_MAX_WORDS = 80;

/** Most characters of a teaser's line: the end-anchored patterns above are tried at every position of a line, and a
 * hostile page's line of one 20,000-letter word has one word. */
const TEASER_MAX_CHARS = 1000;

/** A headline printed two to four times on one line, as a story card's image text, title and link run together in
 * a page saved as text ("How the Floodwall Will Work How the Floodwall Will Work …"): a link to another story. A
 * paragraph repeated whole is longer than a headline, or ends as a sentence; a date printed twice ("3 Mar, 2025 3
 * Mar, 2025") is a dateline, read as one. */
function isRepeatedHeadline(words: readonly string[]): boolean {
  for (let times = 2; times <= 4; times++) {
    const size = words.length / times;
    if (!Number.isInteger(size) || size < 3 || size > REPEATED_HEADLINE_MAX_WORDS) continue;
    if (SENTENCE_END.test(words[size - 1] as string)) continue;
    if (words.every((word, i) => word === words[i % size])) return true;
  }
  return false;
}
const REPEATED_HEADLINE_MAX_WORDS = 15;

/** A gallery's item as its counter and title print it ("3/50 Bakery wins the sourdough prize"): the picture's place
 * in the gallery, then its headline. */
export function isGalleryItem(text: string, sentence: boolean): boolean {
  const counter = /^(\d{1,3})\/(\d{1,3})\s+\S/.exec(text);
  return !sentence && counter !== null && Number(counter[1]) >= 1 && Number(counter[1]) <= Number(counter[2]);
}
const GALLERY_ITEM_MAX_WORDS = 15;

/** A newspaper's note of the printed edition, which ends with the story's headline however long ("A version of this
 * article appears in print on March 3, 2025, on Page A22 of the New York edition with the headline: …"). */
const PRINT_NOTE = /^a version of this (?:article|story) appear(?:s|ed) in print\b/i;
const PRINT_NOTE_MAX_WORDS = 60;

export function isStoriesHeading(text: string): boolean {
  return text.split(' ').length <= 6 && STORIES_HEADING.test(text);
}

/** A short line that starts like a widget, or that carries widget words and does not read as a sentence. */
export function isWidgetLine(text: string, words: number, sentence: boolean): boolean {
  return (
    (words <= 25 && WIDGET_START.test(text)) ||
    (words <= 25 && !sentence && LABEL_START.test(text)) ||
    (words <= FOLLOW_MAX_WORDS && FOLLOW_START.test(text)) ||
    (words <= 20 && !sentence && WIDGET_ANYWHERE.test(text)) ||
    (words <= LABEL_MAX_WORDS && CONTROL_OR_LABEL.test(text)) ||
    (words <= 40 && isSocialRow(text)) ||
    (words <= 80 && isTicker(text, sentence)) ||
    (words <= 20 && NEWSLETTER_PROMPT.test(text)) ||
    (words <= CREDIT_MAX_WORDS && SLASH_CREDIT.test(text)) ||
    (words <= CAPTION_MAX_WORDS && (CAPTION_CREDIT.test(text) || TRAILING_CREDIT.test(text))) ||
    isEmbedSignature(text) ||
    (words <= COOKIE_NOTICE_MAX_WORDS && COOKIE_NOTICE.test(text)) ||
    (words <= PRINT_NOTE_MAX_WORDS && PRINT_NOTE.test(text)) ||
    (words <= TEASER_MAX_WORDS && text.length <= TEASER_MAX_CHARS && TEASER_MARK.test(text)) ||
    (words <= MORE_TEASER_MAX_WORDS && text.length <= TEASER_MAX_CHARS && MORE_LINK_END.test(text)) ||
    (words <= 4 * REPEATED_HEADLINE_MAX_WORDS && isRepeatedHeadline(text.split(' ')) && !isDateOnly(text)) ||
    (words <= GALLERY_ITEM_MAX_WORDS && isGalleryItem(text, sentence))
  );
}

/** A name as bylines write it: capitalised words ("Jane Doe", "Mary-Ann O'Neil", "J. R. Smith"). */
const NAME = "\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*)*";

/** One or more names, joined by commas, "and" or "&". */
const NAMES = `${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*`;

/** A name of two or more capitalised words, as an author's note opens with one, and as a byline does before its
 * dateline ("By JEFFREY GETTLEMAN JAN. 13, 2017": one word alone may be a weekday, "By Tuesday March 3, the council …"). */
const FULL_NAME = "\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*)+";

/** A month's name, whole or cut short, as datelines write it. */
const MONTH =
  '(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]une?|[Jj]uly?|[Aa]ug|[Ss]ept?|[Oo]ct|[Nn]ov|[Dd]ec|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)\\p{L}*';

/** A byline, with or without its dateline: "By Jane Doe | Updated 2 March 2025, 09:01 GMT", "By Jane Doe and John
 * Roe", "By Jane Doe, Chief Political Correspondent", "By JANE DOE JAN. 13, 2017", "By Jane Doe 2 March 2025" (and
 * "By Jane Doe2 Mar 2025", as a page saved as text glues the name to the day its markup set apart). */
export const BYLINE = new RegExp(
  `^(?:[Bb]y|(?:[Aa]nalysis|[Oo]pinion|[Cc]ommentary|[Rr]eview) by)\\s+(?:${NAMES}\\s*(?:[|·,-]|$)|${FULL_NAME}\\s+${MONTH}\\.?\\s+\\d|${FULL_NAME}\\s*\\d{1,2}\\s+${MONTH}\\.?\\s+\\d{4})`,
  'u',
);

/** A dateline that ends with its byline ("Posted on March 3, 2025 by Jane D.", "Updated 10:42 am by Jane Doe"). */
const DATED_BYLINE = new RegExp(
  `^(?:[Pp]osted|[Pp]ublished|[Uu]pdated|[Ll]ast [Uu]pdated)\\b[^.!?]{0,40}?\\s[Bb]y\\s+${NAMES}\\s*$`,
  'u',
);

/** A word in any case, for patterns that must match names by their capitals ("is" as "is", "Is" or "IS"). */
const caseless = (word: string): string =>
  [...word].map((c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`)).join('');

/** A line of names only, two or more joined by "and", "&" or commas ("Jane Doe and John Roe"): a byline without its
 * "By". */
const NAMES_ONLY = new RegExp(`^${FULL_NAME}(?:\\s*(?:,|&|and)\\s*${FULL_NAME})+$`, 'u');

export function isNamesOnly(line: string): boolean {
  return NAMES_ONLY.test(line);
}

/** What a reporter is ("reporter", "Staff Writer", "POLITICAL EDITOR"). */
const REPORTER = `(?:${['reporter', 'writer', 'editor', 'correspondent', 'journalist', 'contributor', 'columnist'].map(caseless).join('|')})s?`;

/** A reporter's title after a name, the whole line ("Jane Doe, Staff Reporter"): chrome at the article's edges. */
const REPORTER_TITLE = new RegExp(`^${FULL_NAME},\\s*(?:\\p{L}+\\s+){0,3}${REPORTER}$`, 'u');

/** The first words of an author's note ("Jane Doe is a senior reporter covering …", "JANE DOE IS THE NETWORK'S
 * POLITICAL EDITOR"): chrome in the article's last lines (in its first, it may be the lead: "Jane Doe is a reporter
 * who was held for 400 days"). */
const AUTHOR_NOTE = new RegExp(
  `^${FULL_NAME}\\s+(?:${caseless('is')}|${caseless('was')})\\s+(?:${caseless('an')}|${caseless('a')}|${caseless('the')})\\s+(?:[\\p{L}'’-]+\\s+){0,3}${REPORTER}\\b`,
  'u',
);

/** Two or more separators as breadcrumbs and footer links print them ("Home » News » Politics", "Terms | Privacy"). */
function isBreadcrumb(text: string, words: number, sentence: boolean): boolean {
  return !sentence && words <= 10 && (text.match(/\s[>|/›»]\s/g) ?? []).length >= 2;
}

/** A line that dates the page ("PUBLISHED: 16: 05 GMT, 9 June 2013", "Updated 10.30am ET", "2026-05-12 09:58 来源：…",
 * a year, month and day first, as pages in any language print them): never its title. */
export const DATELINE =
  /^(?:published|updated|last updated|last modified|first published|posted)\b|^\d{4}\s?[-/.年]\s?\d{1,2}\s?[-/.月]\s?\d{1,2}(?!\d)|\b\d{1,2}\s?[:.]\s?\d{2}\s?(?:[ap]\.?m\b|GMT\b|BST\b|UTC\b|[ECMP][SD]?T\b)/i;

/** Most words of a line that is a byline with a date ("By Jane Doe | May 12, 2026 3:04 pm") rather than a headline
 * naming a day. */
export const DATE_LINE_MAX_WORDS = 12;

/** Month and weekday names, whole or cut short. */
const CALENDAR =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';

/** A month or weekday name: with a number, a line of them dates something. */
const CALENDAR_WORD = new RegExp(`^(?:${CALENDAR})$`, 'i');

/** Words of a line that only dates it: month and weekday names, clock and zone words, and the words datelines put
 * around them. */
const DATE_WORD = new RegExp(
  `^(?:${CALENDAR}|am|pm|hrs|gmt|bst|utc|ist|cet|cest|[ecmp][sd]t|et|pt|at|on|of|the|time|edited|modified|created|last|published|updated|posted|st|nd|rd|th)$`,
  'i',
);

/**
 * A short line that is a date and little else ("Sunday, 21 July 2013", "2013 - 09 - 26", "Sat Nov 12 2011, 01: 19
 * hrs", "Mumbai, Nov 11 -"): a month or weekday name and a number, or three numbers, with at most one other word (a
 * place). Never the title, though it has no sentence's end: on the 982 ECB+ documents, 65 titles were such lines.
 */
export function isDateOnly(line: string): boolean {
  const words = line.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length > DATE_LINE_MAX_WORDS) return false;
  let numbers = 0;
  let calendar = 0;
  let other = 0;
  for (const word of words) {
    if (/^\d+(?:st|nd|rd|th)?$/i.test(word)) numbers++;
    else if (CALENDAR_WORD.test(word)) calendar++;
    else if (!DATE_WORD.test(word) && word.length > 1) other++;
  }
  return other <= 1 && ((calendar > 0 && numbers > 0) || numbers >= 3);
}

/** Whether a line of article text is page chrome wherever it stands, by what it says: a widget's line or
 * breadcrumbs. */
function isWidgetText(text: string): boolean {
  const words = text.split(' ').length;
  const sentence = SENTENCE_END.test(text) && words >= 6;
  return isWidgetLine(text, words, sentence) || isBreadcrumb(text, words, sentence);
}

/**
 * Whether a line at the text's edges (the `index`th of `count` lines) is page chrome: in the first or last three a
 * byline, a reporter's title, a dateline or a date alone (inside the article a table of dates is its data); in the
 * last three an author's note (in the first it may be the lead).
 */
function isEdgeChrome(text: string, index: number, count: number): boolean {
  const atEdge = index < 3 || index >= count - 3;
  if (!atEdge) return false;
  const words = text.split(' ').length;
  const sentence = SENTENCE_END.test(text) && words >= 6;
  if (words <= 16 && (BYLINE.test(text) || DATED_BYLINE.test(text))) return true;
  if (words <= 8 && REPORTER_TITLE.test(text)) return true;
  if (index >= count - 3 && words <= 40 && AUTHOR_NOTE.test(text)) return true;
  // A date that introduces what follows ("May 2, 2016:") is a timeline's entry, not a dateline.
  return (
    !sentence &&
    !text.endsWith(':') &&
    words <= DATE_LINE_MAX_WORDS &&
    ((DATELINE.test(text) && /\d/.test(text)) || isDateOnly(text))
  );
}

/**
 * The lines of article text that are not page chrome by what they say, in the HTML extraction and the plain-text one
 * alike. First the lines that are chrome wherever they stand: a widget's line, breadcrumbs, an embedded post's text
 * above its signature, and what `alsoChrome` adds (the HTML extraction's link-density rule). Then, of the lines left,
 * those at the edges that are chrome there (isEdgeChrome): counted without the widgets, so that a comment counter
 * or a copyright line under an author's note leaves the note at the text's end.
 */
export function withoutChrome<T>(
  lines: readonly T[],
  textOf: (line: T) => string,
  alsoChrome: (line: T, index: number) => boolean = () => false,
): T[] {
  const kept = lines.filter((line, i) => {
    const text = textOf(line);
    const next = lines[i + 1];
    return !(
      isWidgetText(text) ||
      isEmbeddedPost(text, next === undefined ? undefined : textOf(next)) ||
      alsoChrome(line, i)
    );
  });
  return kept.filter((line, i) => !isEdgeChrome(textOf(line), i, kept.length));
}
