import type { VerdictKind } from '../../src/core';

export type Predicted = VerdictKind | 'none';
export const LABELS: readonly Predicted[] = ['original', 'repost', 'rewrite', 'none'];

export interface Outcome {
  expect: VerdictKind;
  alsoRight: readonly VerdictKind[];
  predicted: Predicted;
  sourceExpected: string | null;
  sourcePredicted: string | null;
}

export function isRight(o: Outcome): boolean {
  return o.predicted === o.expect || o.alsoRight.includes(o.predicted as VerdictKind);
}

/** Verdict right and, for repost and rewrite, the right source named. */
export function isRightWithSource(o: Outcome): boolean {
  return isRight(o) && (o.expect === 'original' || o.sourcePredicted === o.sourceExpected);
}

export interface Summary {
  n: number;
  accuracy: number;
  /** Among cases flagged repost or rewrite that expect a source: the right source named. */
  sourceAccuracy: number | null;
  macroF1: number;
  confusion: Map<string, number>;
}

export function summarize(outcomes: readonly Outcome[]): Summary {
  const confusion = new Map<string, number>();
  for (const o of outcomes) {
    const key = `${o.expect}>${isRight(o) ? o.expect : o.predicted}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
  }
  const flagged = outcomes.filter((o) => o.sourceExpected && o.expect !== 'original' && (o.predicted === 'repost' || o.predicted === 'rewrite'));
  const classes = (['original', 'repost', 'rewrite'] as const).filter((c) =>
    outcomes.some((o) => o.expect === c || o.predicted === c),
  );
  const f1s = classes.map((c) => {
    const tp = outcomes.filter((o) => o.expect === c && isRight(o)).length;
    const fp = outcomes.filter((o) => o.expect !== c && !isRight(o) && o.predicted === c).length;
    const fn = outcomes.filter((o) => o.expect === c && !isRight(o)).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return {
    n: outcomes.length,
    accuracy: outcomes.length ? outcomes.filter(isRight).length / outcomes.length : 0,
    sourceAccuracy: flagged.length ? flagged.filter((o) => o.sourcePredicted === o.sourceExpected).length / flagged.length : null,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
    confusion,
  };
}

/**
 * Logistic regression by gradient descent on standardised features, classes weighed equally, light L2. `signs`
 * (optional, one per feature: 1, -1 or 0) keeps a weight non-negative, non-positive or free (projected gradient), so
 * that a model can be made monotone in what a measurement means.
 */
export function fitLogistic(
  rows: readonly number[][],
  labels: readonly number[],
  iterations = 4000,
  signs?: readonly number[],
): { bias: number; weights: number[] } {
  const d = rows[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const row of rows) row.forEach((v, j) => (mean[j] = (mean[j] as number) + v / rows.length));
  for (const row of rows) row.forEach((v, j) => (sd[j] = (sd[j] as number) + (v - (mean[j] as number)) ** 2 / rows.length));
  const scale = sd.map((v) => Math.sqrt(v) || 1);
  const x = rows.map((row) => row.map((v, j) => (v - (mean[j] as number)) / (scale[j] as number)));
  const positives = labels.filter((l) => l === 1).length;
  const classWeight = (l: number): number => (l === 1 ? rows.length / (2 * positives) : rows.length / (2 * (rows.length - positives)));
  let w = new Array<number>(d).fill(0);
  let b = 0;
  const rate = 0.5;
  const l2 = 0.001;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    x.forEach((row, i) => {
      const z = b + row.reduce((s, v, j) => s + v * (w[j] as number), 0);
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - (labels[i] as number)) * classWeight(labels[i] as number);
      row.forEach((v, j) => (gw[j] = (gw[j] as number) + (err * v) / rows.length));
      gb += err / rows.length;
    });
    w = w.map((v, j) => {
      const next = v - rate * ((gw[j] as number) + l2 * v);
      const sign = signs?.[j] ?? 0;
      return sign > 0 ? Math.max(0, next) : sign < 0 ? Math.min(0, next) : next;
    });
    b -= rate * gb;
  }
  const weights = w.map((v, j) => v / (scale[j] as number));
  const bias = b - weights.reduce((s, v, j) => s + v * (mean[j] as number), 0);
  return { bias, weights };
}
