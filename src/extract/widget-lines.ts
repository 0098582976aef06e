/**
 * Lines of page widgets by their words, shared by the HTML extraction (article.ts) and the plain-text one: decided on
 * what a line says, never on a site or template.
 */

/** Lines that start the way page widgets do: tickers, share rows, newsletter prompts, tags, "read more" runs, image
 * credits and galleries, author boxes, ads. */
const WIDGET_START =
  /^(?:trending(?: now)?\s*:|advertisement|sponsored|share(?: this(?: article| story)?)?\s*:|tags?\s*:|topics?\s*:|read more\s*:|related\s*:|related (?:posts|stories|articles)\b|you may also like\b|recommended for you\b|more from\b|more about\s*:|get the latest\b|sign up for\b|subscribe to (?:our|the)\b|follow (?:us|on)\b|(?:photo|image|picture|video|foto)(?: credit)?s?\s*:|(?:photo(?:graph)?|image|picture)s? (?:by|courtesy of)\b|gallery\s*:|credit\s*:|getty images\b|about the author\b|powered by\b)/i;

/** A line that is one control of a video player or photo viewer, as its text reaches the article ("Play Video",
 * "Current Time 0:00", "Loaded: 0%", "Fullscreen", "View photo"), or a lone "Photo" or "Image" label. */
const PLAYER_CONTROL =
  /^(?:play(?: video)?|pause|mute|unmute|(?:exit )?full ?screen|view (?:photo|gallery)|photo|image|(?:current|remaining|duration)(?: time)?\s*-?\d+:\d{2}|(?:loaded|progress)\s*:\s*\d+(?:\.\d+)?\s*%)$/i;

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

/** Widget words anywhere in a short line: view counts, reading times, "Follow on X", "Updated … GMT". */
const WIDGET_ANYWHERE =
  /\b\d[\d,.]*\s+(?:views|shares|comments)\b|\b\d+\s+min(?:ute)?s? read\b|\bfollow (?:us |me )?on (?:x|twitter|facebook|instagram)\b/i;
/** A short line that starts like a widget, or that carries widget words and does not read as a sentence. */
export function isWidgetLine(text: string, words: number, sentence: boolean): boolean {
  return (
    (words <= 25 && WIDGET_START.test(text)) ||
    (words <= 20 && !sentence && WIDGET_ANYWHERE.test(text)) ||
    (words <= 4 && PLAYER_CONTROL.test(text)) ||
    (words <= CREDIT_MAX_WORDS && SLASH_CREDIT.test(text))
  );
}

/** A name as bylines write it: capitalised words ("Jane Doe", "Mary-Ann O'Neil", "J. R. Smith"). */
const NAME = "\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*)*";

/** A byline, with or without its dateline: "By Jane Doe | Updated 2 March 2025, 09:01 GMT", "By Jane Doe and John
 * Roe", "By Jane Doe, Chief Political Correspondent". */
export const BYLINE = new RegExp(`^[Bb]y\\s+${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*\\s*(?:[|·,-]|$)`, 'u');
