import { readFileSync } from 'node:fs';
import { extractPlainText } from '../../src/extract/plain-text';
import { sharedPath } from '../eval/data';

/**
 * Web pages around the seed texts, for the browser tests: each seed's lines (read from ../shared at run time) inside
 * page chrome written here, so that Readability has a real page to work on.
 */
const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function seedText(file: string): string {
  return readFileSync(sharedPath('seeds', file), 'utf8');
}

export function articlePage(options: {
  site: string;
  title: string;
  text: string;
  canonical?: string;
  extraChrome?: boolean;
  /** Publication time: said as article metadata (og:type article, article:published_time). */
  published?: string;
  /** A closing line crediting another article, with its link. */
  credit?: { text: string; href: string };
}): string {
  const { title, text } = options;
  const lines = extractPlainText(text).text.split('\n');
  const body = lines
    .map((line) =>
      line.split(/\s+/).length < 14 && !/[.!?"”]$/.test(line) ? `<h2>${escape(line)}</h2>` : `<p>${escape(line)}</p>`,
    )
    .join('\n');
  const chrome = options.extraChrome
    ? `<aside class="related"><h3>Related Posts</h3><ul>${['Why the Roman Empire still captivates us', 'Ten quiet towns to visit', 'Markets close higher'].map((t) => `<li><a href="/p">${t}</a></li>`).join('')}</ul></aside>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} - ${escape(options.site)}</title>
${options.canonical ? `<link rel="canonical" href="${options.canonical}">` : ''}
<meta property="og:site_name" content="${escape(options.site)}">
${options.published ? `<meta property="og:type" content="article"><meta property="article:published_time" content="${options.published}">` : ''}</head>
<body><header><a href="/">${escape(options.site)}</a><nav><a href="/world">World</a> <a href="/politics">Politics</a> <a href="/opinion">Opinion</a></nav></header>
<main><article><h1>${escape(title)}</h1>
${body}
${options.credit ? `<p>${escape(options.credit.text)} <a href="${options.credit.href}">${escape(options.credit.href)}</a></p>` : ''}
</article>${chrome}</main><footer><p>© ${escape(options.site)}</p></footer></body></html>`;
}
