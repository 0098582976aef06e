import { describe, expect, test } from 'vitest';
import { CorpusIndex, fingerprintText, type Measurement, type Reference } from '../../src/core';
import { analyzeText } from '../../src/core/fingerprint/analyze';
import { logOdds, type BoostedTrees } from '../../src/core/judge/boosted-trees';
import { pageFingerprint } from '../../src/core/judge/compare';
import { REWRITE_MODEL } from '../../src/core/judge/rewrite-model';
import { fitBoostedTrees, Neighbourhood } from '../eval/metrics';

describe('boosted trees', () => {
  const model: BoostedTrees<'a' | 'b'> = {
    features: ['a', 'b'],
    base: -1,
    trees: [
      {
        split: [
          [0, 0.5],
          [1, 0.2],
          [1, 0.8],
        ],
        leaf: [1, 2, 3, 4],
      },
    ],
  };

  test('a value at the threshold goes left; the leaves are read left to right', () => {
    expect(logOdds(model, { a: 0.5, b: 0.2 })).toBe(0);
    expect(logOdds(model, { a: 0.1, b: 0.3 })).toBe(1);
    expect(logOdds(model, { a: 0.9, b: 0.8 })).toBe(2);
    expect(logOdds(model, { a: 0.9, b: 0.81 })).toBe(3);
  });

  test('a monotone fit moves the score one way even where the data would pull it the other', () => {
    // Label 1 mostly where x is high, but a cluster of 0s sits at the top of x: unconstrained trees would learn a dip.
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 600; i++) {
      const x = (i % 100) / 100;
      const y = ((i * 37) % 100) / 100;
      rows.push([x, y]);
      labels.push(x > 0.9 ? 0 : x > 0.4 ? 1 : 0);
    }
    const fitted = {
      features: ['x', 'y'] as const,
      ...fitBoostedTrees(rows, labels, { rounds: 30, depth: 3 }, [1, 0]),
    };
    const free = { features: ['x', 'y'] as const, ...fitBoostedTrees(rows, labels, { rounds: 30, depth: 3 }) };
    const at = (m: typeof fitted, x: number): number => logOdds(m, { x, y: 0.5 });
    expect(at(free, 0.95)).toBeLessThan(at(free, 0.6)); // the dip is real in the data
    for (let x = 0; x < 1; x += 0.01) expect(at(fitted, x + 0.01)).toBeGreaterThanOrEqual(at(fitted, x));
  });
});

describe('the shipped rewrite model', () => {
  test('more shared wording, alignment or facts never lowers the probability; more new facts or more of its own never raises it', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const features = REWRITE_MODEL.features as readonly Measurement[];
    for (let trial = 0; trial < 500; trial++) {
      const values = Object.fromEntries(features.map((f) => [f, random()])) as Record<Measurement, number>;
      for (const feature of features) {
        if (feature === 'lengthRatio') continue;
        const higher = { ...values, [feature]: Math.min(1, values[feature] + 0.1 + random() * 0.5) };
        const before = logOdds(REWRITE_MODEL, values);
        const after = logOdds(REWRITE_MODEL, higher);
        if (feature === 'newFactsShare' || feature === 'ownPassage')
          expect(after, feature).toBeLessThanOrEqual(before + 1e-9);
        else expect(after, feature).toBeGreaterThanOrEqual(before - 1e-9);
      }
    }
  });
});

describe('candidate retrieval', () => {
  test('finds a rewrite that shares no five-word run and no name or number with its source, among many references', () => {
    const source = [
      'the lighthouse keeper said the flotilla of kayaks drifted past the breakwater before dawn.',
      'volunteers hauled driftwood and tarpaulins onto the shingle as the squall approached.',
      'a schooner anchored offshore signalled with lanterns until the harbourmaster answered.',
    ].join('\n');
    const rewrite = [
      'before dawn, a flotilla of kayaks slipped by the breakwater, according to the keeper of the lighthouse.',
      'as a squall closed in, volunteers dragged tarpaulins and driftwood up onto the shingle beach.',
      'lanterns flashed from a schooner at anchor offshore until at last the harbourmaster replied.',
    ].join('\n');
    const filler = (i: number): string =>
      [
        `the council met on tuesday to discuss the budget for road repairs and school meals ${'again '.repeat(i % 5)}.`,
        'residents asked questions about parking charges, bin collections and the new library opening hours.',
        `officials said the plans would be published next month after a consultation ${'period '.repeat(i % 3)}.`,
      ].join('\n');
    const refs: Reference[] = Array.from({ length: 40 }, (_, i) => ({
      id: `filler-${i}`,
      url: '',
      publisher: '',
      title: '',
      publishedAt: '',
      ...fingerprintText(filler(i)),
    }));
    refs.push({ id: 'harbour', url: '', publisher: '', title: '', publishedAt: '', ...fingerprintText(source) });
    const index = new CorpusIndex(refs);
    const analysis = analyzeText(rewrite);
    const fingerprint = pageFingerprint(analysis);
    // Nothing to find it by but its words: no shared shingle, no name or number.
    expect([...fingerprint.shingles].filter((h) => (refs.at(-1) as Reference).shingles.includes(h))).toEqual([]);
    const found = index.candidates(fingerprint.shingles, analysis.sentenceCodes).map((c) => refs[c.index]?.id);
    expect(found[0]).toBe('harbour');
  });
});

describe("the harness's nearest comparisons (eval --neighbours)", () => {
  // Rewrites (label 1) where the first measurement is high; the second measurement spans 0..100 and means nothing.
  const rows = Array.from({ length: 40 }, (_, i) => [i < 20 ? 0.1 + i / 1000 : 0.9 + i / 1000, (i * 37) % 100]);
  const labels = rows.map((_, i) => (i < 20 ? 0 : 1));
  const neighbourhood = new Neighbourhood(rows, labels);

  test('counts the rewrites among the nearest, each measurement scaled by its spread', () => {
    // Unscaled, the wide second measurement would pick the neighbours; scaled, the first one counts as much.
    expect(neighbourhood.labelsNear([0.95, 50], 5)).toBe(5);
    expect(neighbourhood.labelsNear([0.05, 50], 5)).toBe(0);
  });

  test("leaves out the rows it is told to (a page's own comparisons)", () => {
    const rewrites = new Set(labels.flatMap((l, i) => (l === 1 ? [i] : [])));
    expect(neighbourhood.labelsNear([0.95, 50], 5, (i) => rewrites.has(i))).toBe(0);
  });
});
