/**
 * `npm run bench`: how the engine scales with the corpus. References are fingerprinted from real articles
 * (../shared/data: readability news pages and ECB+), then multiplied into corpora of 1,000 to 100,000 references by
 * re-salting every stored hash, so each copy is a distinct reference with the same shape. For each size it prints the
 * index build time, the heap it takes, and the median time to judge a page; for one size it also scores every
 * reference (what the index avoids) and prints the ratio. Figures and ratios from one run, on a shared machine:
 * compare within a run, not across runs.
 */
import {
  analyzeText,
  compare,
  CONTENT_KEY_MASK,
  CorpusIndex,
  ENTITY_FLAG,
  fmix32,
  judge,
  pageFingerprint,
  type Reference,
} from '../../src/core';
import { hasShared, sharedDir } from '../eval/data';
import { repostGroup } from '../eval/groups';

if (!hasShared()) {
  console.log(`bench: skipped: no shared data at ${sharedDir()}`);
  process.exit(0);
}

const group = repostGroup();
const base = group.references;
const pages = group.cases
  .filter((c) => !('error' in c.page))
  .slice(0, 40)
  .map((c) => c.page as { text: string; url: string });

/** Copy `ref` as a distinct reference: every shingle hash and content key re-salted. */
function salted(ref: Reference, salt: number): Reference {
  const shingles = ref.shingles.map((h) => fmix32(h ^ salt)).sort();
  const sentences = ref.sentences.map((codes) =>
    codes.map((c) => (fmix32((c & CONTENT_KEY_MASK) ^ salt) & CONTENT_KEY_MASK || 1) | (c & ENTITY_FLAG)),
  );
  return { ...ref, id: `${ref.id}#${salt}`, shingles, sentences };
}

function corpusOf(size: number): Reference[] {
  const refs: Reference[] = [...base];
  for (let salt = 1; refs.length < size; salt++)
    for (const ref of base) if (refs.length < size) refs.push(salted(ref, salt));
  return refs;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] as number;
const heapMb = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1048576; // the index's postings are typed arrays, counted in arrayBuffers
};

console.log(`firsthand bench — ${base.length} real references multiplied; ${pages.length} pages judged per size`);
console.log('references   build ms   index memory MB   MB per 1k refs   judge ms (median)   judge ms (max)');
let judgeAt1k = 0;
for (const size of [1_000, 10_000, 100_000]) {
  const refs = corpusOf(size);
  const before = heapMb();
  const started = performance.now();
  const index = new CorpusIndex(refs);
  const buildMs = performance.now() - started;
  const heap = heapMb() - before; // the references themselves were built before: this is the index alone
  const times = pages.map((page) => {
    const t = performance.now();
    judge({ text: page.text, url: page.url }, index);
    return performance.now() - t;
  });
  if (size === 1_000) judgeAt1k = median(times);
  console.log(
    `${String(size).padStart(10)} ${buildMs.toFixed(0).padStart(10)} ${heap.toFixed(1).padStart(17)} ${((heap / size) * 1000).toFixed(2).padStart(16)} ${median(times).toFixed(2).padStart(19)} ${Math.max(
      ...times,
    )
      .toFixed(2)
      .padStart(16)}`,
  );
  if (size === 10_000) {
    const scanTimes = pages.slice(0, 10).map((page) => {
      const fingerprint = pageFingerprint(analyzeText(page.text));
      const t = performance.now();
      for (const ref of refs) compare(fingerprint, ref);
      return performance.now() - t;
    });
    const indexed = median(times);
    console.log(
      `           scoring all ${size} references instead: ${median(scanTimes).toFixed(0)} ms a page, ${(median(scanTimes) / indexed).toFixed(0)}x the indexed judge`,
    );
  }
  if (size === 100_000)
    console.log(`           judge time at 100k over 1k references: ${(median(times) / judgeAt1k).toFixed(2)}x`);
}
