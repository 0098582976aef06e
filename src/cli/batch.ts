import { SingleBar } from 'cli-progress';
import { CliError } from './cli-error';
import type { Fetcher } from './fetcher';
import { readFeed, readSitemap, readUrlList, type SourceItem } from './sources';

/**
 * What batch commands share: the addresses named by --urls, --feed and --sitemap (each repeatable), work done a few
 * at a time with results taken in input order, and a progress bar on stderr when it is a terminal.
 */
export interface SourceFlags {
  urls: readonly string[];
  feeds: readonly string[];
  sitemaps: readonly string[];
}

/** Every address the flags name, in flag order; a source that cannot be read at all is one skipped line. */
export async function sourceItems(
  flags: SourceFlags,
  fetcher: Fetcher,
  warn: (line: string) => void,
): Promise<{ items: SourceItem[]; failed: string[] }> {
  const items: SourceItem[] = [];
  const failed: string[] = [];
  const read = async (what: string, load: () => Promise<SourceItem[]>): Promise<void> => {
    try {
      items.push(...(await load()));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      failed.push(`${what} ${error.message}`);
      warn(`firsthand: skipped ${what} ${error.message}`);
    }
  };
  for (const file of flags.urls) await read('list', () => readUrlList(file, warn));
  for (const feed of flags.feeds) await read('feed', () => readFeed(feed, fetcher, warn));
  for (const map of flags.sitemaps) await read('sitemap', () => readSitemap(map, fetcher, warn));
  return { items, failed };
}

/** How many pages of a batch are read together, their sites' chrome learned among them (SiteLines): enough pages of
 * one site for its chrome to show. */
export const SITE_LINES_WINDOW = 200;

/** Most characters of article text a window holds: a window closes early when its pages' texts reach this many, so
 * that 200 pages of a hostile batch (each up to 20 MB) are never in memory at once. */
export const SITE_LINES_WINDOW_CHARS = 32_000_000;

/** Pages loaded at once within a window (the fetcher keeps its own limits on requests). */
const WINDOW_LOADS = 16;

/**
 * Runs `load` on the items a window at a time (at most `window` items, and no new load once the window's results
 * hold SITE_LINES_WINDOW_CHARS of what `size` counts, WINDOW_LOADS more at most being under way), WINDOW_LOADS at
 * once (inOrder), and hands each window's results to `each`, in input order, before the next window loads. `loaded`
 * is called as each result is taken (a progress bar).
 */
export async function inWindows<T, R>(
  items: readonly T[],
  window: number,
  load: (item: T) => Promise<R>,
  size: (result: R) => number,
  loaded: () => void,
  each: (results: Array<{ item: T; result: R }>) => void,
): Promise<void> {
  // Windows of one page (each judged alone) need no window: every page is handed on as soon as those before it are.
  if (window <= 1) {
    await inOrder(items, WINDOW_LOADS, load, (result, item) => {
      loaded();
      each([{ item, result }]);
    });
    return;
  }
  let start = 0;
  while (start < items.length) {
    const results: Array<{ item: T; result: R }> = [];
    // Counted as each result arrives, whatever its place: what the window holds, taken or waiting for those before it.
    let chars = 0;
    const counted = async (item: T): Promise<R> => {
      const result = await load(item);
      chars += size(result);
      return result;
    };
    start += await inOrder(
      items.slice(start, start + window),
      WINDOW_LOADS,
      counted,
      (result, item) => {
        loaded();
        results.push({ item, result });
      },
      () => chars < SITE_LINES_WINDOW_CHARS,
    );
    each(results);
  }
}

/**
 * Runs `load` on every item, at most `parallel` at once, and hands each result to `consume` in input order as soon
 * as the results before it are in (so output keeps input order while downloads overlap). With `more`, no new load
 * starts once it says no (those under way finish and are consumed): returns how many items were loaded, a prefix.
 */
export async function inOrder<T, R>(
  items: readonly T[],
  parallel: number,
  load: (item: T, index: number) => Promise<R>,
  consume: (result: R, item: T, index: number) => void,
  more: () => boolean = () => true,
): Promise<number> {
  const results = new Map<number, R>();
  let next = 0;
  let consumed = 0;
  const drain = (): void => {
    while (results.has(consumed)) {
      const result = results.get(consumed) as R;
      results.delete(consumed);
      consume(result, items[consumed] as T, consumed);
      consumed++;
    }
  };
  const worker = async (): Promise<void> => {
    while (next < items.length && more()) {
      const index = next++;
      results.set(index, await load(items[index] as T, index));
      drain();
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  drain();
  return next;
}

/** A progress bar on stderr, drawn only when stderr is a terminal and not --quiet; lines written through `line`
 * appear above it. */
export class Progress {
  private readonly bar: SingleBar | null;
  private done = 0;

  constructor(
    total: number,
    label: string,
    quiet: boolean,
    private readonly warn: (line: string) => void,
    private readonly stream = process.stderr,
  ) {
    this.bar =
      !quiet && stream.isTTY && total > 1
        ? new SingleBar({
            format: `${label} [{bar}] {value}/{total} pages · {eta_formatted} left`,
            stream,
            clearOnComplete: true,
            hideCursor: true,
            etaBuffer: 50,
          })
        : null;
    this.bar?.start(total, 0);
  }

  tick(): void {
    this.done++;
    this.bar?.update(this.done);
  }

  /** Writes a line of stderr (a skip, a warning) without tearing the bar. */
  line(text: string): void {
    if (!this.bar) {
      this.warn(text);
      return;
    }
    this.stream.write(`\r\x1b[K${text}\n`);
    this.bar.update(this.done);
  }

  stop(): void {
    this.bar?.stop();
  }
}
