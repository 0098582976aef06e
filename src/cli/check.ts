import { dirname, resolve } from 'node:path';
import { judge, type CorpusIndex, type JudgeOptions, type NoVerdict, type Verdict } from '../core';
import { CliError } from './cli-error';
import { field, readJsonLines } from './jsonl';
import { loadPage, type LoadedPage } from './load-page';
import { CSV_COLUMNS, verdictCsv, verdictJson, verdictText } from './report';

/** The verdict on a loaded page, exactly as `check` computes it. */
export function judgePage(page: LoadedPage, index: CorpusIndex, options: JudgeOptions = {}): Verdict | NoVerdict {
  return judge({ text: page.text, url: page.url, title: page.title, links: page.links }, index, options);
}

export interface CheckItem {
  id: string;
  input: string;
  url?: string;
  /** Why this input cannot be checked (a bad manifest line): reported in its place, the others go on. */
  error?: string;
}

/** The inputs of a `check` manifest ({"id","file","url"} a line, files relative to the manifest). */
export async function checkItemsFromManifest(manifest: string): Promise<CheckItem[]> {
  const base = dirname(resolve(manifest));
  const rows = await readJsonLines(manifest);
  return rows.map((row) => {
    try {
      if ('error' in row) throw new CliError(row.error);
      const file = field(row, 'file', manifest, true);
      const url = field(row, 'url', manifest, false);
      const input = /^https?:\/\//i.test(file) ? file : resolve(base, file);
      return { id: field(row, 'id', manifest, false) || file, input, ...(url ? { url } : {}) };
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      return { id: `line ${row.line}`, input: '', error: error.message };
    }
  });
}

/**
 * Judges each input in order, writing one line (JSON) or one report (text) per input as soon as it is judged. An
 * input that cannot be read gets its error in its place and on stderr; the others go on. Returns how many failed.
 */
export type OutputFormat = 'text' | 'json' | 'csv';

export async function checkAll(
  items: readonly CheckItem[],
  index: CorpusIndex,
  format: OutputFormat,
  write: (text: string) => void,
  warn: (text: string) => void,
  options: JudgeOptions = {},
): Promise<number> {
  let failures = 0;
  if (format === 'csv') write(CSV_COLUMNS.join(','));
  for (const item of items) {
    try {
      if (item.error) throw new CliError(item.error);
      const result = judgePage(await loadPage(item.input, item.url), index, options);
      if (format === 'json') write(JSON.stringify(verdictJson(item.id, result)));
      else if (format === 'csv') write(verdictCsv(item.id, result));
      else write(verdictText(item.id, result, index.size));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      failures++;
      warn(`firsthand: ${error.message}`);
      if (format === 'json') write(JSON.stringify({ id: item.id, verdict: null, error: error.message }));
      if (format === 'csv') write(verdictCsv(item.id, { error: error.message }));
    }
  }
  return failures;
}
