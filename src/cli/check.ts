import { dirname, resolve } from 'node:path';
import { judge, type CorpusIndex, type JudgeOptions, type NoVerdict, type Verdict } from '../core';
import { CliError } from './cli-error';
import { field, readJsonLines } from './jsonl';
import { inOrder, Progress } from './batch';
import type { Fetcher } from './fetcher';
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
 * Judges each input, writing one line (JSON, CSV) or one report (text) per input in input order, as soon as it and
 * those before it are judged (pages are loaded a few at a time: downloads overlap, within the fetcher's limits). An
 * input that cannot be read gets its error in its place and on stderr; the others go on. Returns how many failed.
 */
export type OutputFormat = 'text' | 'json' | 'csv';

export interface CheckOptions extends JudgeOptions {
  fetcher?: Fetcher;
  quiet?: boolean;
  /** Called with every page judged (for the HTML report). */
  judged?: (entry: JudgedPage) => void;
}

export interface JudgedPage {
  id: string;
  page: LoadedPage | null;
  result: Verdict | NoVerdict | { error: string };
}

export async function checkAll(
  items: readonly CheckItem[],
  index: CorpusIndex,
  format: OutputFormat,
  write: (text: string) => void,
  warn: (text: string) => void,
  options: CheckOptions = {},
): Promise<number> {
  let failures = 0;
  if (format === 'csv') write(CSV_COLUMNS.join(','));
  const progress = new Progress(items.length, 'check', options.quiet ?? false, warn);
  await inOrder(
    items,
    8,
    async (item): Promise<JudgedPage> => {
      try {
        if (item.error) throw new CliError(item.error);
        const page = await loadPage(item.input, item.url, options.fetcher);
        return { id: item.id, page, result: judgePage(page, index, options) };
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        return { id: item.id, page: null, result: { error: error.message } };
      }
    },
    (entry) => {
      progress.tick();
      options.judged?.(entry);
      const { id, result } = entry;
      if ('error' in result) {
        failures++;
        progress.line(`firsthand: ${result.error}`);
        if (format === 'json') write(JSON.stringify({ id, verdict: null, error: result.error }));
        if (format === 'csv') write(verdictCsv(id, { error: result.error }));
        return;
      }
      if (format === 'json') write(JSON.stringify(verdictJson(id, result)));
      else if (format === 'csv') write(verdictCsv(id, result));
      else write(verdictText(id, result, index.size));
    },
  );
  progress.stop();
  return failures;
}
