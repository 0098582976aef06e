import type { NoVerdict, ReferenceMeta, Verdict } from '../core';

/** The JSON line `check --json` prints for one input: the verdict, without the page-offset detail of passages. */
export function verdictJson(id: string, result: Verdict | NoVerdict): Record<string, unknown> {
  if (result.verdict === null) return { id, verdict: null, reason: result.reason, words: result.words };
  // Where the source sits in the corpus (its provenance line), the article a page shares a common source with and the
  // articles a stitched page is made of are the extension's business; the CLI's JSON keeps its contract (the reason
  // names those articles).
  const {
    evidence,
    sourceOrigin: _origin,
    related: _related,
    relatedAs: _relatedAs,
    stitched: _stitched,
    ...rest
  } = result;
  return {
    id,
    ...rest,
    evidence: {
      ...evidence,
      passages: evidence.passages.map(({ kind, start, end, text }) => ({ kind, start, end, text: clip(text, 300) })),
    },
  };
}

/** A short report for people. `searched` is how many references the corpus holds. */
export function verdictText(label: string, result: Verdict | NoVerdict, searched: number): string {
  if (result.verdict === null) return `${label}: no verdict: ${result.reason}`;
  const lines: string[] = [];
  const { source } = result;
  if (result.match === 'none') {
    const { related } = result;
    if (related) {
      // A known article published after the page, which the page would be a copy or rewrite of; or one it shares
      // passages with while bringing facts of its own (a common source).
      const later = result.relatedAs === 'published later';
      lines.push(
        `${label}: NO KNOWN SOURCE — ${later ? 'a known article published after this page tells its story' : 'shares passages with a known article, but is not judged a copy of it'}`,
      );
      lines.push(`  ${later ? 'published later' : 'shares passages with'}: ${articleName(related)}`);
      if (related.url) lines.push(`  ${related.url}`);
      lines.push(`  why: ${result.reason}`);
    } else {
      lines.push(
        `${label}: NO KNOWN SOURCE — matches nothing in the ${searched} reference${searched === 1 ? '' : 's'} searched`,
      );
    }
    lines.push(
      `  (the JSON verdict is "original" with "match": "none": ${related ? 'no source claimed' : 'nothing known'}, which is not proof of an original)`,
    );
    lines.push(aiStyleLine(result));
    return lines.join('\n');
  }
  const head = `${label}: ${result.verdict.toUpperCase()}`;
  if (source) {
    lines.push(`${head} — source: ${articleName(source)}`);
    if (source.url) lines.push(`  ${source.url}`);
    if (result.stitched) {
      lines.push(
        `  stitched from ${result.stitched.sources.length} known articles (${pct(result.stitched.copied)} of the page):`,
      );
      for (const part of result.stitched.sources) {
        const from = part.source;
        lines.push(
          `    ${pct(part.copied)} from ${from.publisher || from.id}, "${from.title}"${from.url ? ` ${from.url}` : ''}`,
        );
      }
    }
  } else {
    lines.push(head);
  }
  lines.push(`  why: ${result.reason}`);
  lines.push(
    `  confidence ${result.confidence.toFixed(2)} · copied ${pct(result.copied)} of the page, ${pct(result.copiedOfSource)} of the source`,
  );
  if (source)
    lines.push(`  credits the source: ${result.attributed ? `yes — ${clip(result.attribution ?? '', 120)}` : 'no'}`);
  lines.push(aiStyleLine(result));
  const copied = result.evidence.passages.filter((p) => p.kind === 'copied');
  const reworded = result.evidence.passages.filter((p) => p.kind === 'reworded');
  if (source) {
    lines.push(
      `  evidence: ${copied.length} copied passage(s), ${result.evidence.alignedSentences} of ${result.evidence.comparedSentences} sentences follow the source, ${result.evidence.measurements?.sharedFacts ?? 0} shared names/numbers`,
    );
    const example = copied[0] ?? reworded[0];
    if (example) lines.push(`  e.g. "${clip(example.text, 160)}"`);
  }
  return lines.join('\n');
}

/** A known article as the report names it: publisher (else id), "title" and date. */
function articleName(article: ReferenceMeta): string {
  const date = article.publishedAt ? ` (${article.publishedAt.slice(0, 10)})` : '';
  return `${article.publisher || article.id}, "${article.title}"${date}`;
}

function aiStyleLine(result: Verdict): string {
  const level = result.aiStyle >= 0.5 ? 'high' : 'low';
  const reasons = result.aiStyleReasons.length ? ` — ${result.aiStyleReasons.join('; ')}` : '';
  return `  AI style: ${result.aiStyle.toFixed(2)} (${level})${reasons}`;
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The columns of `check --csv`, one row a page (README "The CLI" documents them). */
export const CSV_COLUMNS = [
  'id',
  'verdict',
  'match',
  'source_id',
  'source_publisher',
  'source_title',
  'source_url',
  'source_published',
  'confidence',
  'copied',
  'copied_of_source',
  'attributed',
  'ai_style',
  'reason',
  'error',
] as const;

/** One CSV row (RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled). */
export function verdictCsv(id: string, result: Verdict | NoVerdict | { error: string }): string {
  const row: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null> = {
    id,
    verdict: null,
    match: null,
    source_id: null,
    source_publisher: null,
    source_title: null,
    source_url: null,
    source_published: null,
    confidence: null,
    copied: null,
    copied_of_source: null,
    attributed: null,
    ai_style: null,
    reason: null,
    error: null,
  };
  if ('error' in result) row.error = result.error;
  else if (result.verdict === null) row.reason = result.reason;
  else {
    Object.assign(row, {
      verdict: result.verdict,
      match: result.match,
      source_id: result.source?.id ?? null,
      source_publisher: result.source?.publisher ?? null,
      source_title: result.source?.title ?? null,
      source_url: result.source?.url ?? null,
      source_published: result.source?.publishedAt ?? null,
      confidence: result.confidence,
      copied: result.copied,
      copied_of_source: result.copiedOfSource,
      attributed: result.attributed,
      ai_style: Math.round(result.aiStyle * 1000) / 1000,
      reason: result.reason,
    });
  }
  return CSV_COLUMNS.map((column) => csvField(row[column])).join(',');
}

function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
