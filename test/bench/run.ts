/**
 * `npm run bench [-- --json]`: what a corpus costs, from 10,000 to 1,000,000 references. A benchmark, never a timed
 * test: it prints figures and ratios from one run on a shared machine (compare within a run, not across runs).
 *
 * References are fingerprinted from real articles (../shared/data: the 47 readability news pages and the ECB+
 * documents of the repost group, 965 in all), then multiplied into corpora of 10k, 100k and 1M by re-salting every
 * stored hash (each copy is a distinct reference with the same shape: shingle hashes fmix32(h ^ salt), content-word
 * keys fmix32(key ^ salt) & 0x7fff, the name-or-number bit kept), written as version-2 packs with their index beside
 * them, as `firsthand corpus build` writes them. Each size is then opened in a fresh Node process (so memory and the
 * cold open are measured from nothing; the files are in the page cache, as a pack opened before is), where pages
 * copied from the real references (the repost group's pages, in content-farm chrome) are judged. The same figures are measured for a linear scan (every reference compared with
 * the page, no index): the baseline the index must beat.
 *
 * The last line of output is one JSON object with every figure (the README's "Performance" section names them).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  analyzeText,
  buildSegmentIndex,
  compareWith,
  CONTENT_KEY_MASK,
  CorpusIndex,
  ENTITY_FLAG,
  encodeSegmentIndex,
  fmix32,
  judge,
  openPack,
  PackEncoder,
  packDigest,
  pageFingerprint,
  readPack,
  readSegmentIndex,
  sealPack,
  type Reference,
  type ReferenceStore,
} from '../../src/core';
import { sha256 } from '../../src/cli/corpus-file';
import { fromBytes } from '../../src/cli/load-page';
import { hasShared, readabilityNewsPages, readabilityPageHtml, sharedDir } from '../eval/data';
import { basilGroup, repostGroup } from '../eval/groups';

const SIZES = [10_000, 100_000, 1_000_000] as const;
/** Each phase's time on stderr, to see where a run spends it. */
const phase = (name: string, since: number): void => {
  process.stderr.write(`  ${name}: ${((performance.now() - since) / 1000).toFixed(1)} s\n`);
};
const LINEAR_SLICE = 100_000;

interface Page {
  text: string;
  url: string;
}

/** `--content-salts S`: a copy's content codes are re-salted with its salt modulo S (0: kept as they are), so that
 * copies of one reference share them, about one copy in S (at a million, each real reference's 1,036 copies hold
 * S forms of its names and words): stories told again and again, as a real corpus's are, where the default spreads
 * every copy's keys evenly. Shingles stay distinct. Unset: every copy's codes its own. */
const argv = process.argv.slice(2);
const CONTENT_SALTS = (() => {
  if (!argv.includes('--content-salts')) return 0;
  const s = Number(argv[argv.indexOf('--content-salts') + 1]);
  if (!Number.isInteger(s) || s < 1) {
    console.error('bench: --content-salts takes a whole number, 1 or more');
    process.exit(2);
  }
  return s;
})();

/** A distinct reference of the same shape as `ref`: every stored hash re-salted (content codes as CONTENT_SALTS says). */
function salted(ref: Reference, salt: number): Reference {
  if (salt === 0) return ref;
  const contentSalt = CONTENT_SALTS ? salt % CONTENT_SALTS : salt;
  return {
    ...ref,
    id: `${ref.id}#${salt}`,
    url: ref.url ? `${ref.url}#copy-${salt}` : '',
    shingles: ref.shingles.map((h) => fmix32(h ^ salt)),
    sentences:
      contentSalt === 0
        ? ref.sentences
        : ref.sentences.map((codes) =>
            codes.map(
              (c) => (fmix32((c & CONTENT_KEY_MASK) ^ contentSalt) & CONTENT_KEY_MASK || 1) | (c & ENTITY_FLAG),
            ),
          ),
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? NaN;
};
const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const resident = (): number => {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};
const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

function realPages(): Page[] {
  return repostGroup()
    .cases.filter((c) => !('error' in c.page))
    .map((c) => c.page as Page);
}

/** Compares the page with every reference of the store, no index: the linear scan the index must beat. */
function linearScan(store: ReferenceStore, page: Page, count: number): number {
  const analysis = analyzeText(page.text);
  const fingerprint = pageFingerprint(analysis);
  let best = 0;
  for (let i = 0; i < count; i++) {
    let shared = 0;
    for (const hash of store.shingles(i)) if (fingerprint.shingles.has(hash)) shared++;
    const c = compareWith(
      fingerprint,
      { simhash: store.simhash(i), shingleCount: store.shingleCount(i), sentences: store.sentences(i) },
      shared,
    );
    best = Math.max(best, c.copied);
  }
  return best;
}

// ------------------------------------------------------------------------------------------------ child: one size

interface SizeFigures {
  size: number;
  residentBytesPerRef: number;
  packBytesPerRef: number;
  indexBytesPerRef: number;
  coldOpenMs: number;
  verdictMsP50: number;
  verdictMsP99: number;
  verdictMsMax: number;
  lookupMsP50: number;
  addOneRefMs?: number;
  merge10kMs?: number;
  remove10kMs?: number;
  overheadVsReadability?: number;
  extractionMsP50?: number;
  sameVerdictsAsReal?: number;
  pagesJudged: number;
  linear: { openMs: number; residentBytesPerRef: number; verdictMs: number; pages: number; scaledFrom: number | null };
}

async function child(packPath: string, size: number, extraPack: string | null, basePack: string): Promise<void> {
  let since = performance.now();
  const pages = realPages();
  phase('pages', since);
  const newsPages =
    size === 100_000 ? readabilityNewsPages().map(({ name }) => ({ name, html: readabilityPageHtml(name) })) : [];
  const baseline = resident();

  // Cold open: read the pack and its index, check the digest, view the arrays, judge the first page.
  const started = performance.now();
  const packBytes = readFileSync(packPath);
  const store = await openPack(packBytes, sha256);
  const indexBytes = readFileSync(`${packPath}.idx`);
  const corpus = new CorpusIndex();
  corpus.addSegment(store, readSegmentIndex(indexBytes, store.count), 'bench');
  judge(pages[0] as Page, corpus);
  const coldOpenMs = performance.now() - started;
  const residentBytesPerRef = (resident() - baseline) / store.count;
  since = performance.now();

  const verdictTimes: number[] = [];
  const lookupTimes: number[] = [];
  const verdicts: string[] = [];
  for (const page of pages) {
    const t = performance.now();
    const v = judge(page, corpus);
    verdictTimes.push(performance.now() - t);
    verdicts.push(v.verdict === null ? 'none' : `${v.verdict}:${v.source?.id ?? ''}`);
    const analysis = analyzeText(page.text);
    const fingerprint = pageFingerprint(analysis);
    const l = performance.now();
    corpus.candidates(fingerprint.shingles, analysis.sentenceCodes);
    lookupTimes.push(performance.now() - l);
  }
  phase('verdicts', since);
  since = performance.now();
  const figures: SizeFigures = {
    size: store.count,
    pagesJudged: pages.length,
    residentBytesPerRef: round(residentBytesPerRef, 0),
    packBytesPerRef: round(packBytes.length / store.count, 0),
    indexBytesPerRef: round(indexBytes.length / store.count, 0),
    coldOpenMs: round(coldOpenMs, 1),
    verdictMsP50: round(median(verdictTimes)),
    verdictMsP99: round(percentile(verdictTimes, 99)),
    verdictMsMax: round(Math.max(...verdictTimes)),
    lookupMsP50: round(median(lookupTimes), 3),
    linear: { openMs: 0, residentBytesPerRef: 0, verdictMs: 0, pages: 0, scaledFrom: null },
  };

  // The same pages judged against the 965 real references alone: how many verdicts the added copies left alone.
  const real = new CorpusIndex();
  const realStore = readPack(readFileSync(basePack));
  real.addSegment(realStore, buildSegmentIndex(realStore));
  const changed: string[] = [];
  figures.sameVerdictsAsReal = pages.filter((page, i) => {
    const v = judge(page, real);
    const alone = v.verdict === null ? 'none' : `${v.verdict}:${v.source?.id ?? ''}`;
    if (alone !== verdicts[i]) changed.push(`${alone} -> ${verdicts[i]}`);
    return alone === verdicts[i];
  }).length;
  if (changed.length)
    process.stderr.write(
      `  verdicts the copies changed (965 alone -> ${store.count}): ${changed.slice(0, 8).join('; ')}\n`,
    );

  phase('real-corpus verdicts', since);
  since = performance.now();
  if (size === 100_000) {
    // One reference at a time (learning as the reader reads).
    const base = readPack(readFileSync(basePack));
    const adds: number[] = [];
    for (let i = 0; i < 200; i++) {
      const ref = salted(base.reference(i % base.count), 5_000_000 + i);
      const t = performance.now();
      corpus.add(ref);
      adds.push(performance.now() - t);
    }
    figures.addOneRefMs = round(median(adds), 3);
    // Thousands at a time: a 10k pack (a subscription) joins with the index saved beside it, then leaves.
    if (extraPack) {
      const t = performance.now();
      const extra = await openPack(readFileSync(extraPack), sha256);
      const handle = corpus.addSegment(extra, readSegmentIndex(readFileSync(`${extraPack}.idx`), extra.count), 'extra');
      figures.merge10kMs = round(performance.now() - t, 1);
      const r = performance.now();
      corpus.removeSegment(handle);
      figures.remove10kMs = round(performance.now() - r, 3);
    }
    // What Firsthand adds to Readability: extraction (linkedom + Readability) against extraction + verdict.
    const ratios: number[] = [];
    const extractions: number[] = [];
    for (const { name, html } of newsPages) {
      const e = performance.now();
      let loaded;
      try {
        loaded = fromBytes(Buffer.from(html), name, 'html', `https://bench.example/${name}/`);
      } catch {
        continue; // a page the CLI refuses (not an article) has no verdict to time
      }
      const extraction = performance.now() - e;
      const v = performance.now();
      judge({ text: loaded.text, url: loaded.url, links: loaded.links }, corpus);
      const verdict = performance.now() - v;
      extractions.push(extraction);
      ratios.push((extraction + verdict) / extraction);
    }
    figures.overheadVsReadability = round(median(ratios), 3);
    figures.extractionMsP50 = round(median(extractions), 1);
  }

  phase('growth and readability', since);
  since = performance.now();
  // Linear scan: the references held (the pack alone, no index), every one compared with the page. Over a million
  // references one scan takes minutes: there it is timed over the first LINEAR_SLICE references and scaled (a scan
  // is linear by construction), and the output says so.
  {
    const before = resident();
    const t = performance.now();
    const plain = await openPack(readFileSync(packPath), sha256);
    const openMs = performance.now() - t;
    const held = (resident() - before) / plain.count;
    const scanned = Math.min(plain.count, LINEAR_SLICE);
    const times: number[] = [];
    for (const page of pages.slice(0, size === 10_000 ? 3 : 1)) {
      const s = performance.now();
      linearScan(plain, page, scanned);
      times.push(((performance.now() - s) * plain.count) / scanned);
    }
    figures.linear = {
      openMs: round(openMs, 0),
      residentBytesPerRef: round(held, 0),
      verdictMs: round(median(times), 0),
      pages: times.length,
      scaledFrom: scanned < plain.count ? scanned : null,
    };
  }
  phase('linear scan', since);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

// ------------------------------------------------------------------------------------------------ parent

async function writePack(path: string, refs: Iterable<Reference>): Promise<number> {
  const encoder = new PackEncoder();
  for (const ref of refs) encoder.add(ref);
  const bytes = await sealPack(encoder.finish(), sha256);
  writeFileSync(path, bytes);
  const store = readPack(bytes);
  writeFileSync(`${path}.idx`, encodeSegmentIndex(buildSegmentIndex(store), store.count, packDigest(bytes)));
  // Read once, as a pack on disk that has been opened before: on this machine the first read of a file just written
  // costs 250-350 ms more at 100k (measured in the child: 350 ms for the pair of files, then 100 ms read again),
  // which would be timed as the cold open otherwise. The child is still a fresh process with nothing built.
  readFileSync(path);
  readFileSync(`${path}.idx`);
  return bytes.length;
}

function* multiplied(base: readonly Reference[], size: number, firstSalt = 0): Generator<Reference> {
  for (let n = 0; n < size; n++) {
    const salt = firstSalt + Math.floor(n / base.length);
    yield salted(base[n % base.length] as Reference, salt);
  }
}

async function parent(sizes: readonly number[]): Promise<void> {
  const log = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const started = Date.now();
  const base = repostGroup().references;
  const words = base.reduce((n, r) => n + r.words, 0);
  const dir = mkdtempSync(join(tmpdir(), 'firsthand-bench-'));
  try {
    const basePack = join(dir, 'real.pack');
    const realBytes = await writePack(basePack, base);
    const perRef = (ref: Reference): number => {
      const encoder = new PackEncoder();
      encoder.add(ref);
      return encoder.finish().length - new PackEncoder().finish().length;
    };
    const basil = Object.values(basilGroup().corpora ?? {}).flat();
    const basilBytes = basil.map(perRef);
    const basilWords = basil.map((r) => r.words);
    const bytesPer1kWords = (1000 * realBytes) / words;
    const perRefRatios = base.map((r) => (1000 * perRef(r)) / Math.max(1, r.words));
    log(
      `firsthand bench — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    );
    log(
      `real references: ${base.length} (the repost group of ../shared/data: 47 readability news pages and ECB+ documents), ${words} words`,
    );
    log(
      `synthetic corpora: the real references multiplied by re-salting every stored hash (shingles fmix32(h ^ salt), content keys fmix32(key ^ salt) & 0x7fff${CONTENT_SALTS ? `, with salt modulo ${CONTENT_SALTS} (--content-salts: copies share their content codes)` : ''}); pages judged: every page of the repost group (the real references copied into content-farm chrome, whole or in part)`,
    );
    log('');
    log(
      `pack size: ${realBytes} bytes for the ${base.length} real references = ${bytesPer1kWords.toFixed(0)} bytes per 1,000 words (metadata included); per reference, median ${median(perRefRatios).toFixed(0)} bytes per 1,000 words (short articles carry their metadata alone)`,
    );
    log(
      `BASIL long-form (${basil.length} articles, median ${median(basilWords)} words): median ${median(basilBytes)} bytes a reference, ${((1000 * basilBytes.reduce((a, b) => a + b, 0)) / basilWords.reduce((a, b) => a + b, 0)).toFixed(0)} bytes per 1,000 words`,
    );

    const extraPack = join(dir, 'extra-10k.pack');
    await writePack(extraPack, multiplied(base, 10_000, 9_000_000));
    const results: SizeFigures[] = [];
    for (const size of sizes) {
      const packPath = join(dir, `corpus-${size}.pack`);
      const t = performance.now();
      await writePack(packPath, multiplied(base, size));
      const buildSeconds = (performance.now() - t) / 1000;
      const run = spawnSync(
        process.execPath,
        [
          '--expose-gc',
          '--max-old-space-size=8192',
          // FIRSTHAND_BENCH_PROFILE=DIR: a CPU profile of each size's process, to see where a verdict's time goes.
          ...(process.env.FIRSTHAND_BENCH_PROFILE
            ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FIRSTHAND_BENCH_PROFILE}`]
            : []),
          fileURLToPath(import.meta.url),
          '--child',
          packPath,
          String(size),
          extraPack,
          basePack,
        ],
        { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      if (run.status !== 0) throw new Error(`bench child for ${size} failed: ${run.stderr}`);
      const figures = JSON.parse(run.stdout.trim().split('\n').pop() as string) as SizeFigures;
      results.push(figures);
      log(`built the ${size}-reference pack and its index in ${buildSeconds.toFixed(1)} s`);
      rmSync(packPath, { force: true });
      rmSync(`${packPath}.idx`, { force: true });
    }
    // A size left out of `--sizes` has no figures: its fields in the summary are null, never another size's.
    const at = (size: number): SizeFigures | undefined => results.find((r) => r.size === size);
    const ratio = (a: number | undefined, b: number | undefined): number | null =>
      a === undefined || b === undefined ? null : round(a / b);
    log('');
    log(
      'references   pack B/ref  index B/ref  resident B/ref  cold open ms  verdict ms p50 / p99 / max   lookup ms p50  same verdicts as 965',
    );
    for (const r of results) {
      log(
        `${String(r.size).padStart(10)} ${String(r.packBytesPerRef).padStart(11)} ${String(r.indexBytesPerRef).padStart(12)} ${String(r.residentBytesPerRef).padStart(15)} ${String(r.coldOpenMs).padStart(13)}   ${`${r.verdictMsP50} / ${r.verdictMsP99} / ${r.verdictMsMax}`.padStart(26)} ${String(r.lookupMsP50).padStart(14)}   ${r.sameVerdictsAsReal} of ${r.pagesJudged}`,
      );
    }
    log('linear scan (no index, every reference compared):');
    for (const r of results) {
      const how = r.linear.scaledFrom
        ? `one page, timed over the first ${r.linear.scaledFrom} references and scaled`
        : `median of ${r.linear.pages} page${r.linear.pages > 1 ? 's' : ''}`;
      log(
        `${String(r.size).padStart(10)}   resident ${r.linear.residentBytesPerRef} B/ref, open ${r.linear.openMs} ms, verdict ${r.linear.verdictMs} ms (${how}), ${(r.linear.verdictMs / r.verdictMsP50).toFixed(0)}x the indexed verdict`,
      );
    }
    const h = at(100_000);
    const m = at(1_000_000);
    const k = at(10_000);
    log('');
    if (h?.addOneRefMs === undefined) {
      log('(adding a reference, joining a pack and the extraction overhead are measured at 100000: add it to --sizes)');
    } else {
      log(
        `at 100k: add one reference ${h.addOneRefMs} ms (median of 200), a 10k pack joins in ${h.merge10kMs} ms and leaves in ${h.remove10kMs} ms`,
      );
      log(
        `Readability (linkedom) extraction median ${h.extractionMsP50} ms on the 47 news pages; (extraction + verdict at 100k) / extraction, median ${h.overheadVsReadability}`,
      );
    }
    const summary = {
      date: new Date().toISOString().slice(0, 10),
      contentSalts: CONTENT_SALTS || null,
      machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      bytesPer1kWords: round(bytesPer1kWords, 0),
      bytesPer1kWordsMedianPerRef: round(median(perRefRatios), 0),
      basilMedianBytesPerRef: median(basilBytes),
      basilMedianWords: median(basilWords),
      residentBytesPerRefAt100k: h?.residentBytesPerRef ?? null,
      residentBytesPerRefAt1M: m?.residentBytesPerRef ?? null,
      coldOpenMsAt100k: h?.coldOpenMs ?? null,
      verdictMsP50At100k: h?.verdictMsP50 ?? null,
      verdictMsP99At100k: h?.verdictMsP99 ?? null,
      lookupScaling10kTo1M: ratio(m?.lookupMsP50, k?.lookupMsP50),
      addOneRefMsAt100k: h?.addOneRefMs ?? null,
      merge10kInto100kMs: h?.merge10kMs ?? null,
      remove10kFrom100kMs: h?.remove10kMs ?? null,
      overheadVsReadability: h?.overheadVsReadability ?? null,
      sizes: results,
      linear: {
        residentBytesPerRefAt100k: h?.linear.residentBytesPerRef ?? null,
        residentBytesPerRefAt1M: m?.linear.residentBytesPerRef ?? null,
        coldOpenMsAt100k: h ? h.linear.openMs + h.linear.verdictMs : null,
        verdictMsAt100k: h?.linear.verdictMs ?? null,
        verdictScaling10kTo1M: ratio(m?.linear.verdictMs, k?.linear.verdictMs),
      },
      seconds: Math.round((Date.now() - started) / 1000),
    };
    log(JSON.stringify(summary));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (argv[0] === '--child') {
  await child(argv[1] as string, Number(argv[2]), argv[3] ?? null, argv[4] as string);
} else if (!hasShared()) {
  console.log(`bench: skipped: no shared data at ${sharedDir()}`);
} else {
  // `--json` is accepted: the last line is the JSON summary either way. `--sizes 10000,100000` is for a quick look
  // while working; the default (and what the README reports) is every size, the million included.
  const only = argv.includes('--sizes') ? (argv[argv.indexOf('--sizes') + 1] ?? '').split(',').map(Number) : null;
  await parent(only ?? SIZES);
}
