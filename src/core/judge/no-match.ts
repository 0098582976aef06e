/** The reason of an "original" that matches nothing known (`match: "none"`). Any other reason with that match names
 * the nearest reference, which shares passages with the page but is not judged its source (a common source: see
 * COMMON_SOURCE_MIN_COPIED); the CLI, the HTML report, the popup and the toolbar title tell the two apart by it. */
export const NO_MATCH_REASON = 'matches no article in the reference corpus';
