/**
 * Which site a URL belongs to: its host without "www.", "m.", "amp." or "mobile.", cut to the registrable part
 * (example.com, bbc.co.uk). No public-suffix list is bundled: two-letter country domains with a generic second
 * level (co.uk, com.au, ...) are the case that matters for news sites, and it is handled.
 */
const GENERIC_SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'ne', 'or', 'go']);

export function siteOf(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
  const labels = host.replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const [tld, second] = [labels[labels.length - 1] as string, labels[labels.length - 2] as string];
  const keep = tld.length === 2 && GENERIC_SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** A URL reduced to what identifies the page: host without "www.", path without trailing slash, no query or hash. */
export function canonicalUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
    return `${host}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return '';
  }
}
