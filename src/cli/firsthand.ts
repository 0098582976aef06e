#!/usr/bin/env node
import { listFlag, parseArgs, stringFlag } from './args';
import { writeFile } from 'node:fs/promises';
import { sourceItems } from './batch';
import { checkAll, checkItemsFromManifest, type CheckItem, type JudgedPage } from './check';
import { CliError } from './cli-error';
import { corpus } from './corpus-commands';
import { loadCorpus } from './corpus-file';
import { htmlReport } from './html-report';
import { readPrivateText } from './private-text';
import { fetcherOf, FETCH_FLAGS, sourceFlags, SOURCE_FLAGS } from './source-flags';
import { DEFAULT_SENSITIVITY, isSensitivity, SENSITIVITIES } from '../core';

const USAGE = `firsthand — where does this article come from?

usage:
  firsthand check [--corpus PACK] [--sensitivity S] [--json|--csv] [--url URL] FILE|URL|- …
      judge pages (.html or .txt files, http(s) addresses, - for standard input), in order; --url says where one
      saved page lives
  firsthand check [--corpus PACK] [--sensitivity S] [--json|--csv] --manifest CHECKS.jsonl …
      judge every page of manifests ({"id","file","url"} a line), in order (files and manifests can be mixed)
  firsthand check … --urls LIST --feed URL|FILE --sitemap URL|FILE [--report FILE.html] [--quiet]
      judge every address of a list (one a line), a feed (RSS, Atom, JSON Feed) or a sitemap (index, urlset,
      Google News), each repeatable; --report writes one self-contained HTML page of the verdicts and evidence.
      In a batch, the lines a site prints beside three stories or more are its chrome, left out of each article
      (--each-alone: judge every page by itself)
  firsthand corpus build --out PACK [--manifest REFS.jsonl …] [--dir DIR …] [--urls LIST …] [--feed URL|FILE …]
                         [--sitemap URL|FILE …] [--update] [--strict] [--quiet] [--each-alone] [PUBLISH]
      build a corpus pack and its index (PACK.idx) from manifests ({"id","file","url","publisher","title",
      "publishedAt"} a line) and folders of saved .html/.txt pages; an input that cannot be built is skipped with its
      reason (--strict: fail instead); --update keeps PACK's references and adds only new ones; a site's chrome is
      left out as in check (--each-alone: keep it)
  firsthand corpus merge --out PACK [PUBLISH] A B …
      one pack of several (a reference already in an earlier pack is left out)
  firsthand corpus keygen --out KEY
      make an Ed25519 signing key: KEY (private, mode 600) and KEY.pub; prints the public key
  firsthand corpus sign --key KEY PACK [--out SIGNED]
      sign a pack (subscribers pin the key they first see and refuse updates signed by another)
  firsthand corpus info PACK [--json]
      count, publishers, date range, size and format of a pack
  firsthand corpus index PACK
      (re)write PACK.idx, the index a pack opens with in milliseconds
  firsthand corpus convert PACK --out NEW
      rewrite a pack (a version-1 JSON pack, say) as version 2

Fetching (check and build): at most 4 requests at once (--concurrency N), 2 to one host; 20 s timeout; 3 retries
with backoff on 429 and 5xx (Retry-After honoured, up to 60 s); robots.txt respected; pages over 20 MB and answers
that are not HTML skipped with their reason; at most 5 redirects; User-Agent "Firsthand/0.1 (+…)". A sitemap index
fans out to at most 50 sitemaps and 50,000 addresses. A progress bar is drawn on stderr when it is a terminal
(--quiet: never).

PUBLISH, for packs others subscribe to: --name NAME --publisher WHO --homepage URL --expires "1 day" (how often
subscribers look for a new copy: 1 hour to 30 days) --sign KEY.

Without --corpus, check uses the bundled corpus (reference-corpus/corpus.pack).
--sensitivity strict|balanced|sensitive: how much evidence a rewrite verdict needs (default balanced; strict flags
fewer pages wrongly and finds fewer rewrites; README "Accuracy" has the figures).
--json prints one JSON object per input: {"id","verdict","match","source","confidence","copied","attributed",...}

exit status: 0 done; 1 an input or pack could not be used (check: at least one input or source failed; corpus build: no
reference written, or any skip with --strict); 2 a usage error; 70 an internal error (please report it).`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === 'check') return check(rest);
  if (command === 'corpus') {
    return corpus(
      rest,
      (line) => process.stdout.write(`${line}\n`),
      (line) => process.stderr.write(`${line}\n`),
    );
  }
  throw new CliError(`unknown command "${command}" (try: firsthand help)`, 2);
}

async function check(argv: readonly string[]): Promise<number> {
  const args = parseArgs(
    argv,
    [
      'corpus',
      'url',
      'json',
      'csv',
      'manifest',
      'sensitivity',
      'report',
      'each-alone',
      ...SOURCE_FLAGS,
      ...FETCH_FLAGS,
    ],
    ['json', 'csv', 'quiet', 'each-alone'],
    ['manifest', ...SOURCE_FLAGS],
  );
  const sensitivity = stringFlag(args, 'sensitivity') ?? DEFAULT_SENSITIVITY;
  if (!isSensitivity(sensitivity))
    throw new CliError(`--sensitivity must be one of ${SENSITIVITIES.join(', ')} (got "${sensitivity}")`, 2);
  if (args.flags.has('json') && args.flags.has('csv')) throw new CliError('give --json or --csv, not both', 2);
  const url = stringFlag(args, 'url');
  const manifests = listFlag(args, 'manifest');
  const sources = sourceFlags(args);
  const named = sources.urls.length + sources.feeds.length + sources.sitemaps.length;
  if (args.positional.length === 0 && manifests.length === 0 && named === 0)
    throw new CliError('check needs FILE, URL or - (or --manifest, --urls, --feed, --sitemap)', 2);
  if (url && args.positional.length !== 1)
    throw new CliError('--url says where one saved page lives: give one FILE', 2);
  if (args.positional.filter((p) => p === '-').length > 1) throw new CliError('standard input (-) can be read once', 2);
  const items: CheckItem[] = args.positional.map((input) => ({
    id: input === '-' ? 'stdin' : input,
    input,
    ...(url ? { url } : {}),
  }));
  for (const manifest of manifests) items.push(...(await checkItemsFromManifest(manifest)));
  const warn = (text: string): void => void process.stderr.write(`${text}\n`);
  const fetcher = fetcherOf(args);
  const found = await sourceItems(sources, fetcher, warn);
  for (const item of found.items) items.push({ id: item.url, input: item.url });
  if (items.length === 0) throw new CliError(`nothing to check (${found.failed.length} sources could not be read)`);
  const report = stringFlag(args, 'report');
  const { index, path } = await loadCorpus(stringFlag(args, 'corpus'));
  const judged: JudgedPage[] = [];
  const failures = await checkAll(
    items,
    index,
    args.flags.has('json') ? 'json' : args.flags.has('csv') ? 'csv' : 'text',
    (text) => process.stdout.write(`${text}\n`),
    warn,
    {
      sensitivity,
      fetcher,
      quiet: args.flags.has('quiet'),
      siteLines: !args.flags.has('each-alone'),
      ...(report ? { judged: (e) => judged.push(e) } : {}),
    },
  );
  if (report) {
    try {
      const texts = await readPrivateText(path);
      await writeFile(report, htmlReport(judged, { corpus: path, references: index.size, at: new Date(), texts }));
    } catch (error) {
      throw new CliError(`cannot write ${report}: ${(error as Error).message}`);
    }
    warn(`firsthand: wrote ${report} (${judged.length} pages)`);
  }
  return failures + found.failed.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`firsthand: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    // Not one of ours: still one line, with what a bug report needs.
    process.stderr.write(
      `firsthand: internal error: ${(error as Error)?.message ?? String(error)} (please report this)\n`,
    );
    process.exitCode = 70;
  },
);
