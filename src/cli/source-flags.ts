import { listFlag, stringFlag, type ParsedArgs } from './args';
import type { SourceFlags } from './batch';
import { CliError } from './cli-error';
import { Fetcher } from './fetcher';

/** The flags naming where pages live (each repeatable), and the ones that shape fetching, for check and build. */
export const SOURCE_FLAGS = ['urls', 'feed', 'sitemap'] as const;
export const FETCH_FLAGS = ['concurrency', 'quiet'] as const;

export function sourceFlags(args: ParsedArgs): SourceFlags {
  return { urls: listFlag(args, 'urls'), feeds: listFlag(args, 'feed'), sitemaps: listFlag(args, 'sitemap') };
}

/** A fetcher with --concurrency N requests at once in all (default 4; never more than 2 to one host). */
export function fetcherOf(args: ParsedArgs): Fetcher {
  const value = stringFlag(args, 'concurrency');
  if (value === undefined) return new Fetcher();
  const concurrency = Number(value);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) {
    throw new CliError(`--concurrency must be a whole number from 1 to 32 (got "${value}")`, 2);
  }
  return new Fetcher({ concurrency, perHost: Math.min(2, concurrency) });
}
