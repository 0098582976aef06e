import { extractArticle, pruneForExtraction, type ExtractedArticle } from '../extract/article';

/** The article of a page given as HTML, parsed with the DOMParser of the context this runs in (an offscreen
 * document, Firefox's background page): scripts in it never run, and nothing it names is fetched. */
export function extractFromHtml(html: string, url: string): ExtractedArticle | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  pruneForExtraction(doc);
  return extractArticle(doc, url);
}
