/**
 * Checking a link without opening it (the context menu's "Check where this article comes from", and the popup's
 * link field): the background fetches the page (the host permission for that origin is asked for by the reader's
 * click) with this, extracts the article where a DOM is at hand (offscreen-client.ts), and judges it like any page.
 * Each failure is one line for the reader. Plain fetch, no extension API: tested in Node against a local server.
 */
import { decodePage, EncodingError } from '../extract/decode';
import { readCapped } from '../extract/read-capped';

export const LINK_TIMEOUT_MS = 20_000;
export const MAX_LINK_BYTES = 5 * 1024 * 1024;

/** The host permission an address needs: its origin only (match patterns name no port). */
export function originPattern(url: URL | string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

export class LinkError extends Error {
  override name = 'LinkError';
}

/** The page's HTML, or a LinkError saying why not (timeout, not HTML, too large, HTTP error). */
export async function fetchLinkedPage(url: string): Promise<{ html: string; url: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      signal: AbortSignal.timeout(LINK_TIMEOUT_MS),
    });
  } catch (error) {
    const name = (error as Error).name;
    throw new LinkError(
      name === 'TimeoutError' || name === 'AbortError'
        ? `the page did not answer within ${LINK_TIMEOUT_MS / 1000} s`
        : `the page could not be fetched (${(error as Error).message || 'network error'})`,
    );
  }
  if (!response.ok) throw new LinkError(`the site answered ${response.status} ${response.statusText}`.trim());
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  if (type && !/html/.test(type)) {
    await response.body?.cancel();
    throw new LinkError(`not a web page (${type.split(';')[0]})`);
  }
  if (Number(response.headers.get('content-length') ?? 0) > MAX_LINK_BYTES) {
    await response.body?.cancel();
    throw new LinkError(`the page is larger than ${MAX_LINK_BYTES / 1024 / 1024} MB`);
  }
  const bytes = await readCapped(
    response,
    MAX_LINK_BYTES,
    () => new LinkError(`the page is larger than ${MAX_LINK_BYTES / 1024 / 1024} MB`),
  );
  try {
    return { html: decodePage(bytes, type), url: response.url || url };
  } catch (error) {
    if (error instanceof EncodingError) throw new LinkError(`the page cannot be read: ${error.message}`);
    throw error;
  }
}
