import type { ExtractedArticle } from '../extract/article';
import browser from './browser';
import { LinkError } from './link-check';

/**
 * A DOM for the background, to extract a checked link's article: Firefox's background page has one (pass its
 * extractor as `here`); Chrome's service worker has none, so an offscreen document (made on first use) does it.
 */
interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

const OFFSCREEN_PAGE = 'src/extension/offscreen.html';
let offscreenReady: Promise<void> | undefined;

/** The article of some HTML, extracted where there is a DOM: here (Firefox's background page), or in Chrome's
 * offscreen document, made on first use. */
export async function extractElsewhere(
  html: string,
  url: string,
  here: ((html: string, url: string) => ExtractedArticle | null) | null,
): Promise<ExtractedArticle | null> {
  if (here) return here(html, url);
  const offscreen = (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
  if (!offscreen) throw new LinkError('this browser has no DOM to read the page in');
  offscreenReady ??= (async () => {
    if (offscreen.hasDocument && (await offscreen.hasDocument())) return;
    await offscreen.createDocument({
      url: OFFSCREEN_PAGE,
      reasons: ['DOM_PARSER'],
      justification: 'Extract the article of a link the reader asked to check, without opening it in a tab',
    });
  })().catch((error: unknown) => {
    offscreenReady = undefined;
    throw error;
  });
  await offscreenReady;
  return (await browser.runtime.sendMessage({ type: 'extract-html', html, url })) as ExtractedArticle | null;
}
