import browser from './browser';
import { extractFromHtml } from './extract-html';

/** Chrome's offscreen document: a DOM for the service worker, used to extract the article of a checked link. */
browser.runtime.onMessage.addListener((message: unknown) => {
  const request = message as { type?: string; html?: unknown; url?: unknown };
  if (request?.type !== 'extract-html' || typeof request.html !== 'string' || typeof request.url !== 'string') {
    return undefined;
  }
  try {
    return Promise.resolve(extractFromHtml(request.html, request.url));
  } catch {
    return Promise.resolve(null);
  }
});
