/**
 * Lines of page widgets by their words, shared by the HTML extraction (article.ts) and the plain-text one: decided on
 * what a line says, never on a site or template.
 */

/** Lines that start the way page widgets do: tickers, share rows, newsletter prompts, tags, "read more" runs, image
 * credits, ads. */
const WIDGET_START =
  /^(?:trending(?: now)?\s*:|advertisement|sponsored|share(?: this(?: article| story)?)?\s*:|tags?\s*:|topics?\s*:|read more\s*:|related\s*:|related (?:posts|stories|articles)\b|you may also like\b|recommended for you\b|more from\b|get the latest\b|sign up for\b|subscribe to (?:our|the)\b|follow (?:us|on)\b|(?:photo|image|picture|video)(?: credit)?s?\s*:|credit\s*:|getty images\b)/i;
/** Widget words anywhere in a short line: view counts, reading times, "Follow on X", "Updated … GMT". */
const WIDGET_ANYWHERE =
  /\b\d[\d,.]*\s+(?:views|shares|comments)\b|\b\d+\s+min(?:ute)?s? read\b|\bfollow (?:us |me )?on (?:x|twitter|facebook|instagram)\b/i;
/** A short line that starts like a widget, or that carries widget words and does not read as a sentence. */
export function isWidgetLine(text: string, words: number, sentence: boolean): boolean {
  return (words <= 25 && WIDGET_START.test(text)) || (words <= 20 && !sentence && WIDGET_ANYWHERE.test(text));
}

/** A name as bylines write it: capitalised words ("Jane Doe", "Mary-Ann O'Neil", "J. R. Smith"). */
const NAME = "\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*)*";

/** A byline, with or without its dateline: "By Jane Doe | Updated 2 March 2025, 09:01 GMT", "By Jane Doe and John
 * Roe", "By Jane Doe, Chief Political Correspondent". */
export const BYLINE = new RegExp(`^[Bb]y\\s+${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*\\s*(?:[|·,-]|$)`, 'u');
