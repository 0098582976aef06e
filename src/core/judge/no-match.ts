/** The reason of an "original" that matches nothing known (`match: "none"`). Any other reason with that match names
 * the nearest reference, which shares passages with the page but is not judged its source; the CLI and the popup
 * show it then. A module of its own so that the popup can read it without the engine. */
export const NO_MATCH_REASON = 'matches no article in the reference corpus';
