import { dirname, resolve } from 'node:path';
import { judge, siteOf, type CorpusIndex, type JudgeOptions, type NoVerdict, type Verdict } from '../core';
import { CliError } from './cli-error';
import { field, readJsonLines } from './jsonl';
import { inWindows, Progress, SITE_LINES_WINDOW } from './batch';
import type { Fetcher } from './fetcher';
import { loadPage, type LoadedPage } from './load-page';
import { SiteLines } from '../extract/site-lines';
import { CSV_COLUMNS, verdictCsv, verdictJson, verdictText } from './report';

/** The verdict on a loaded page, exactly as `check` computes it (its date only when its metadata declares one). */
export function judgePage(page: LoadedPage, index: CorpusIndex, options: JudgeOptions = {}): Verdict | NoVerdict {
  const publishedAt = page.declaredTime;
  return judge({ text: page.text, url: page.url, title: page.title, links: page.links, publishedAt }, index, options);
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

export type OutputFormat = 'text' | 'json' | 'csv';

export interface CheckOptions extends JudgeOptions {
  fetcher?: Fetcher;
  /** false: each page judged alone, the lines its site prints on other pages of the batch kept (--each-alone). */
  siteLines?: boolean;
  quiet?: boolean;
  /** Called with every page judged (for the HTML report). */
  judged?: (entry: JudgedPage) => void;
}

export interface JudgedPage {
  id: string;
  page: LoadedPage | null;
  result: Verdict | NoVerdict | { error: string };
  /** The lines left out of the page's article as its site's chrome (printed beside other stories of the batch). */
  siteLines?: string[];
}

/**
 * Judges each input, writing one line (JSON, CSV) or one report (text) per input in input order, SITE_LINES_WINDOW
 * inputs at a time (pages are loaded a few at a time: downloads overlap, within the fetcher's limits). An input that
 * cannot be read gets its error in its place and on stderr; the others go on. Returns how many failed.
 */
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
  const output = (entry: JudgedPage): void => {
    const leftOut = entry.siteLines?.length ?? 0;
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
    else {
      write(verdictText(id, result, index.size));
      if (leftOut > 0)
        write(
          `  left out of the article: ${leftOut} line${leftOut === 1 ? '' : 's'} this site prints beside other stories of the batch (its chrome)`,
        );
    }
  };
  // Pages are read a window at a time (inWindows), and each window's pages are judged together, without the lines
  // their site prints beside several stories (SiteLines). Within a window pages download a few at a time; output
  // keeps input order.
  type Loaded = { page: LoadedPage } | { error: string };
  await inWindows(
    items,
    options.siteLines === false ? 1 : SITE_LINES_WINDOW,
    async (item): Promise<Loaded> => {
      try {
        if (item.error) throw new CliError(item.error);
        return { page: await loadPage(item.input, item.url, options.fetcher) };
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        return { error: error.message };
      }
    },
    (loaded) => ('page' in loaded ? loaded.page.text.length : 0),
    () => progress.tick(),
    (window) => {
      const lines = new SiteLines();
      for (const { result } of window) if ('page' in result) lines.add(siteOf(result.page.url), result.page.text);
      for (const { item, result } of window) {
        if (!('page' in result)) {
          output({ id: item.id, page: null, result: { error: result.error } });
          continue;
        }
        const cleaned = lines.clean(siteOf(result.page.url), result.page.text);
        const page = { ...result.page, text: cleaned.text };
        const verdict = judgePage(page, index, options);
        output({
          id: item.id,
          page,
          result: verdict,
          ...(cleaned.removed.length ? { siteLines: cleaned.removed } : {}),
        });
      }
    },
  );
  progress.stop();
  return failures;
}
