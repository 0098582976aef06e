import { analyzeText, compare, fingerprintText, pageFingerprint, type Passage, type Verdict } from '../core';
import type { JudgedPage } from './check';

/**
 * `check --report FILE.html`: one self-contained page (inline styles, no scripts, nothing fetched) with a table of
 * every page checked (verdict, source, copied share, AI style, credit) and, for each repost or rewrite, the page's
 * text with its copied and reworded passages marked. Readable on screen, printable, and accessible: a real table with
 * headers, marks named in words as well as colours, a contents list, sufficient contrast in light and dark mode.
 */
const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const pct = (share: number): string => `${Math.round(share * 100)}%`;

const LABEL: Record<string, string> = {
  repost: 'Repost',
  rewrite: 'Rewrite',
  original: 'Original',
  none: 'No known source',
};

function verdictOf(entry: JudgedPage): { key: string; label: string } {
  const { result } = entry;
  if ('error' in result) return { key: 'error', label: 'Not checked' };
  if (result.verdict === null) return { key: 'nothing', label: 'Nothing to judge' };
  if (result.verdict === 'original' && result.match === 'none') return { key: 'none', label: LABEL.none as string };
  return { key: result.verdict, label: LABEL[result.verdict] as string };
}

/** The page's text as paragraphs, its passages wrapped in <mark> (offsets are into that text). */
function markedText(text: string, passages: readonly Passage[]): string {
  const sorted = [...passages].sort((a, b) => a.start - b.start);
  let html = '';
  let at = 0;
  for (const passage of sorted) {
    if (passage.start < at) continue;
    html += escape(text.slice(at, passage.start));
    const title = passage.kind === 'copied' ? 'copied word for word' : 'reworded from the source';
    html += `<mark class="${passage.kind}" title="${title}"><span class="sr">[${title}:] </span>${escape(text.slice(passage.start, passage.end))}</mark>`;
    at = passage.end;
  }
  html += escape(text.slice(at));
  return html
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `<p>${line}</p>`)
    .join('\n');
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #555; --line: #ccc;
  --repost: #b71c1c; --rewrite: #bf360c; --original: #1b5e20; --none: #37474f; --copied: #ffcdd2; --reworded: #ffe0b2; }
@media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #1e1e1e; --muted: #bbb; --line: #444;
  --repost: #ef9a9a; --rewrite: #ffcc80; --original: #a5d6a7; --none: #b0bec5; --copied: #5c1f1f; --reworded: #5a3c12; } }
body { font: 15px/1.55 system-ui, -apple-system, 'Segoe UI', sans-serif; color: var(--fg); background: var(--bg);
  max-width: 1100px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 6px; } .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 12px 0; font-size: 14px; }
caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { font-weight: 600; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.verdict { font-weight: 700; white-space: nowrap; }
.v-repost { color: var(--repost); } .v-rewrite { color: var(--rewrite); } .v-original { color: var(--original); }
.v-none, .v-nothing, .v-error { color: var(--none); }
mark { color: inherit; padding: 0 1px; } mark.copied { background: var(--copied); border-bottom: 2px solid var(--repost); }
mark.reworded { background: var(--reworded); border-bottom: 2px dotted var(--rewrite); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.legend span { margin-right: 16px; } article { border-top: 2px solid var(--line); margin-top: 24px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; } dt { color: var(--muted); } dd { margin: 0; }
a { color: inherit; } table.pairs td { width: 50%; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } article { break-before: page; }
  mark.copied, mark.reworded { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

type Article = NonNullable<Verdict['source']>;

/** An article as the report names it: publisher, title and date, then its link. */
function describeArticle(article: Article): string {
  const date = article.publishedAt ? ` (${escape(article.publishedAt.slice(0, 10))})` : '';
  const title = article.title ? `, “${escape(article.title)}”` : '';
  const link = article.url ? `<br><a href="${escape(article.url)}">${escape(article.url)}</a>` : '';
  return `${escape(article.publisher || article.id)}${title}${date}${link}`;
}

/**
 * The page's sentences beside the source's they follow, when the source's text is at hand (a private pack built with
 * --keep-text): the comparison is made again on the two texts, and each aligned pair is one row. A page stitched from
 * several known articles gets one table for each article whose text is at hand.
 */
function sideBySide(pageText: string, result: Verdict, texts: ReadonlyMap<string, string>): string {
  const articles = result.stitched
    ? result.stitched.sources.map((s) => s.source)
    : result.source
      ? [result.source]
      : [];
  return articles
    .filter((article) => texts.has(article.id))
    .map((article) => sentencePairs(pageText, result, article, texts.get(article.id) as string, articles.length > 1))
    .filter(Boolean)
    .join('\n');
}

function sentencePairs(pageText: string, result: Verdict, meta: Article, sourceText: string, named: boolean): string {
  const page = analyzeText(pageText);
  const source = analyzeText(sourceText);
  const sourceSentences = source.sentences.filter((_, i) => (source.sentenceCodes[i]?.length ?? 0) > 0);
  const comparison = compare(pageFingerprint(page), { ...meta, ...fingerprintText(sourceText) });
  const copied = result.evidence.passages.filter((p) => p.kind === 'copied');
  const rows = page.sentences
    .map((span, i) => {
      const j = comparison.alignment[i] ?? -1;
      const other = j >= 0 ? sourceSentences[j] : undefined;
      if (!other) return '';
      const isCopied = copied.some((p) => p.start <= span.start && p.end >= span.end);
      const kind = isCopied ? 'copied' : 'reworded';
      const words = isCopied ? 'copied word for word' : 'reworded';
      return `<tr><td><mark class="${kind}"><span class="sr">[${words}:] </span>${escape(pageText.slice(span.start, span.end))}</mark></td><td>${escape(sourceText.slice(other.start, other.end))}</td></tr>`;
    })
    .filter(Boolean);
  if (rows.length === 0) return '';
  const whose = named ? `${escape(meta.publisher || meta.id)}'s` : "the source's";
  return `<table class="pairs">
<caption>Sentences of the page beside ${whose} sentences they follow (${rows.length})</caption>
<thead><tr><th scope="col">This page</th><th scope="col">${named ? escape(meta.publisher || meta.id) : 'The source'}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

export function htmlReport(
  entries: readonly JudgedPage[],
  meta: { corpus: string; references: number; at: Date; texts?: ReadonlyMap<string, string> },
): string {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const { label } = verdictOf(entry);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const summary = [...counts].map(([label, n]) => `${n} ${label.toLowerCase()}`).join(', ');
  const rows = entries
    .map((entry, i) => {
      const { key, label } = verdictOf(entry);
      const { result } = entry;
      const judged = !('error' in result) && result.verdict !== null ? result : null;
      const source = judged?.source;
      const detail = judged && (judged.verdict === 'repost' || judged.verdict === 'rewrite');
      const name = entry.page?.url || entry.id;
      return `<tr>
<td class="num">${i + 1}</td>
<td>${detail ? `<a href="#page-${i + 1}">${escape(entry.id)}</a>` : escape(entry.id)}${name !== entry.id ? `<br><span class="muted">${escape(name)}</span>` : ''}</td>
<td class="verdict v-${key}">${label}</td>
<td>${source ? `${escape(source.publisher || source.id)}${source.title ? ` — “${escape(source.title)}”` : ''}${source.publishedAt ? ` <span class="muted">(${escape(source.publishedAt.slice(0, 10))})</span>` : ''}${judged?.stitched ? ` <span class="muted">and ${judged.stitched.sources.length - 1} more known article${judged.stitched.sources.length === 2 ? '' : 's'}</span>` : ''}` : 'error' in result ? escape(result.error) : judged === null && 'reason' in result ? escape(result.reason) : judged?.related ? escape(judged.reason) : '—'}</td>
<td class="num">${judged && source ? pct(judged.copied) : '—'}</td>
<td class="num">${judged ? judged.aiStyle.toFixed(2) : '—'}</td>
<td>${judged && source ? (judged.attributed ? 'yes' : 'no') : '—'}</td>
</tr>`;
    })
    .join('\n');
  const details = entries
    .map((entry, i) => {
      const { result } = entry;
      if ('error' in result || result.verdict === null || !entry.page) return '';
      if (result.verdict !== 'repost' && result.verdict !== 'rewrite') return '';
      const { source, stitched } = result;
      const { key, label } = verdictOf(entry);
      const pairs = meta.texts ? sideBySide(entry.page.text, result, meta.texts) : '';
      return `<article id="page-${i + 1}" aria-labelledby="page-${i + 1}-title">
<h2 id="page-${i + 1}-title">${i + 1}. ${escape(entry.page.title || entry.id)} — <span class="v-${key}">${label}</span></h2>
<dl>
<dt>Page</dt><dd>${escape(entry.page.url || entry.id)}</dd>
${source ? `<dt>Source</dt><dd>${describeArticle(source)}</dd>` : ''}
${stitched ? `<dt>Stitched from</dt><dd><ul>${stitched.sources.map((part) => `<li>${pct(part.copied)} of the page from ${describeArticle(part.source)}</li>`).join('')}</ul></dd>` : ''}
<dt>Why</dt><dd>${escape(result.reason)}</dd>
<dt>Copied</dt><dd>${stitched ? `${pct(stitched.copied)} of the page word for word from ${stitched.sources.length} known articles; ` : ''}${pct(result.copied)} of the page word for word from the source (${pct(result.copiedOfSource)} of the source); ${result.evidence.alignedSentences} of ${result.evidence.comparedSentences} sentences follow the source</dd>
<dt>Credit</dt><dd>${result.attributed ? `credits the source: “${escape(result.attribution ?? '')}”` : 'does not credit the source'}</dd>
<dt>AI style</dt><dd>${result.aiStyle.toFixed(2)}${result.aiStyleReasons.length ? ` — ${escape(result.aiStyleReasons.join('; '))}` : ''}</dd>
${entry.siteLines ? `<dt>Left out</dt><dd>${entry.siteLines.length} line${entry.siteLines.length === 1 ? '' : 's'} this site prints beside other stories of the batch (its chrome, not the article's):<ul>${entry.siteLines.map((line) => `<li>${escape(line)}</li>`).join('')}</ul></dd>` : ''}
</dl>
<p class="legend muted"><span><mark class="copied">copied word for word</mark></span><span><mark class="reworded">reworded from the source</mark></span></p>
${pairs || markedText(entry.page.text, result.evidence.passages)}
</article>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Firsthand report: ${entries.length} page${entries.length === 1 ? '' : 's'}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Where these articles come from</h1>
<p class="muted">Firsthand report, ${escape(meta.at.toISOString().slice(0, 16).replace('T', ' '))} UTC · ${entries.length} page${entries.length === 1 ? '' : 's'} checked against ${meta.references.toLocaleString('en')} reference${meta.references === 1 ? '' : 's'} (${escape(meta.corpus)}) · ${escape(summary)}</p>
<p class="muted">“No known source” means the page matches nothing in the corpus: that is not proof that it is original.</p>
</header>
<main>
<table>
<caption>Every page checked, in the order given</caption>
<thead><tr><th scope="col">#</th><th scope="col">Page</th><th scope="col">Verdict</th><th scope="col">Source</th><th scope="col">Copied</th><th scope="col">AI style</th><th scope="col">Credits source</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${details}
</main>
</body>
</html>
`;
}
