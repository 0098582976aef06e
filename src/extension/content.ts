import { declaresArticle, extractArticle, isProbablyArticle, pruneForExtraction } from '../extract/article';
import browser from './browser';
import { showInPageBadge } from './in-page-badge';
import { clearHighlights, isHighlightSupported, showHighlights } from './highlight';
import { articleMessage, type ContentRequest, type PageReport, type Timings } from './messages';
import { readSettings } from './settings';

/**
 * The content script: once the page is idle, and only if it looks like an article (Readability's cheap
 * isProbablyReaderable, or article metadata, so other pages cost almost nothing), it extracts the article from a clone of the document,
 * sends the text to the background to be judged there, and shows the answer. Each step runs in its own task, so no
 * single task holds the page's main thread for long; nothing it does can throw into the page.
 */
let report: PageReport | null = null;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const whenIdle = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 3000 });
    else setTimeout(resolve, 200);
  });

async function run(): Promise<void> {
  if (!/^https?:$/.test(location.protocol) || window.top !== window) return;
  // Without the "tabs" permission the background cannot see navigations: tell it a new page is here, so the last
  // page's verdict leaves the toolbar even when this page is not an article.
  await browser.runtime.sendMessage({ type: 'page-start', url: location.href });
  await whenIdle();
  const timings: Timings = { gate: 0, clone: 0, prune: 0, extract: 0 };
  const timed = <T>(step: keyof Timings, work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      timings[step] = Math.round((performance.now() - start) * 10) / 10;
    }
  };
  // Readability's cheap test, or the page's own word that it is an article (a brief, a snippet): other pages cost
  // almost nothing and never reach Readability.
  if (!timed('gate', () => isProbablyArticle(document) || declaresArticle(document))) return;
  await nextTask();
  const clone = timed('clone', () => document.cloneNode(true) as Document);
  await nextTask();
  timed('prune', () => pruneForExtraction(clone));
  await nextTask();
  const article = timed('extract', () => extractArticle(clone, location.href));
  if (!article) return;
  await nextTask();
  const message = articleMessage(article, location.href, timings);
  report = (await browser.runtime.sendMessage(message)) as PageReport;
  // The in-page badge speaks only when there is something to say: a repost or a rewrite.
  if (report?.status !== 'judged' || (report.verdict !== 'repost' && report.verdict !== 'rewrite')) return;
  const settings = await readSettings();
  if (settings.inPageBadge) showInPageBadge(document, report);
}

browser.runtime.onMessage.addListener((message: unknown) => {
  const request = message as ContentRequest;
  if (request?.type === 'ping') return Promise.resolve({ ok: true });
  if (request?.type !== 'highlight') return undefined;
  if (!isHighlightSupported())
    return Promise.resolve({ ok: false, error: 'this browser cannot highlight text (CSS Custom Highlight API)' });
  if (!request.on) {
    clearHighlights(document);
    return Promise.resolve({ ok: true, marked: 0 });
  }
  const passages = report?.status === 'judged' ? report.passages : [];
  return Promise.resolve({ ok: true, marked: showHighlights(document, passages) });
});

run().catch(() => {
  // The page must never see an error of ours; the toolbar simply shows no verdict.
});
