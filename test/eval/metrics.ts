import type { VerdictKind } from '../../src/core';

export type Predicted = VerdictKind | 'none';
export const LABELS: readonly Predicted[] = ['original', 'repost', 'rewrite', 'none'];

export interface Outcome {
  expect: VerdictKind;
  alsoRight: readonly VerdictKind[];
  predicted: Predicted;
  sourceExpected: string | null;
  /** References holding the very text of the expected source under other ids: naming one names the source. */
  sameTextSources: readonly string[];
  sourcePredicted: string | null;
}

export function isRight(o: Outcome): boolean {
  return o.predicted === o.expect || o.alsoRight.includes(o.predicted as VerdictKind);
}

/** The reference `id` is the expected source, or holds the very text of it under another id. */
export function isExpectedSource(id: string, expected: string | null, sameText: readonly string[] = []): boolean {
  return id === expected || sameText.includes(id);
}

/** The reference named is the expected source, or a reference with the same text. */
export function isRightSource(o: Outcome): boolean {
  return o.sourcePredicted !== null && isExpectedSource(o.sourcePredicted, o.sourceExpected, o.sameTextSources);
}

/** Verdict right and, for repost and rewrite, the right source named. */
export function isRightWithSource(o: Outcome): boolean {
  return isRight(o) && (o.expect === 'original' || isRightSource(o));
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
  const flagged = outcomes.filter(
    (o) => o.sourceExpected && o.expect !== 'original' && (o.predicted === 'repost' || o.predicted === 'rewrite'),
  );
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
    sourceAccuracy: flagged.length ? flagged.filter(isRightSource).length / flagged.length : null,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
    confusion,
  };
}

/** Each feature's mean over `rows` and its standard deviation (1 where it does not vary), to standardise by. */
function spreadOf(rows: readonly (readonly number[])[]): { mean: number[]; scale: number[] } {
  const d = rows[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const row of rows) row.forEach((v, j) => (mean[j] = (mean[j] as number) + v / rows.length));
  for (const row of rows)
    row.forEach((v, j) => (sd[j] = (sd[j] as number) + (v - (mean[j] as number)) ** 2 / rows.length));
  return { mean, scale: sd.map((v) => Math.sqrt(v) || 1) };
}

function standardised(row: readonly number[], mean: readonly number[], scale: readonly number[]): number[] {
  return row.map((v, j) => (v - (mean[j] as number)) / (scale[j] as number));
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
  const { mean, scale } = spreadOf(rows);
  const x = rows.map((row) => standardised(row, mean, scale));
  const positives = labels.filter((l) => l === 1).length;
  const classWeight = (l: number): number =>
    l === 1 ? rows.length / (2 * positives) : rows.length / (2 * (rows.length - positives));
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

/**
 * Gradient-boosted trees for a 0/1 label (log-loss, Newton leaves): `rounds` complete trees of `depth`, each split
 * chosen among up to `bins` quantiles of each feature. A node with fewer than `minNode` rows stops splitting (its
 * split sends everything left, threshold +∞ written as 1e9). `signs` (one per feature: 1, -1 or 0) makes the model
 * non-decreasing, non-increasing or free in each feature: a split that would order its two leaves the wrong way is
 * refused, and each side's later leaves are bounded by the midpoint of the two (LightGBM's basic method), so a
 * monotone feature moves the score one way through every tree. Returns the model's base log-odds and trees in the
 * shape of `BoostedTrees` (features added by the caller).
 */
export function fitBoostedTrees(
  rows: readonly number[][],
  labels: readonly number[],
  { rounds = 80, depth = 3, rate = 0.1, bins = 40, minNode = 20, lambda = 1 } = {},
  signs?: readonly number[],
): { base: number; trees: Array<{ split: Array<[number, number]>; leaf: number[] }> } {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const mean = labels.reduce((s, l) => s + l, 0) / n;
  const base = Math.log(mean / (1 - mean));
  // Candidate thresholds per feature, and each row's bin (index of the first threshold >= value).
  const cuts: number[][] = [];
  const bin: Uint8Array[] = [];
  for (let j = 0; j < d; j++) {
    const sorted = rows.map((r) => r[j] as number).sort((a, b) => a - b);
    const qs = [
      ...new Set(Array.from({ length: bins }, (_, k) => sorted[Math.floor(((k + 0.5) / bins) * (n - 1))] as number)),
    ];
    cuts.push(qs);
    bin.push(
      Uint8Array.from(
        rows.map((r) => {
          let b = 0;
          while (b < qs.length && (r[j] as number) > (qs[b] as number)) b++;
          return b;
        }),
      ),
    );
  }
  const score = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: Array<{ split: Array<[number, number]>; leaf: number[] }> = [];
  const inner = 2 ** depth - 1;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(score[i] as number)));
      g[i] = (labels[i] as number) - p;
      h[i] = p * (1 - p);
    }
    const split: Array<[number, number]> = new Array(inner);
    const leaf: number[] = new Array(inner + 1).fill(0);
    const nodeOf = new Int32Array(n); // every row starts at the root
    const low = new Float64Array(2 * inner + 1).fill(-Infinity);
    const high = new Float64Array(2 * inner + 1).fill(Infinity);
    const clamp = (v: number, node: number): number => Math.min(high[node] as number, Math.max(low[node] as number, v));
    for (let node = 0; node < inner; node++) {
      const members: number[] = [];
      for (let i = 0; i < n; i++) if (nodeOf[i] === node) members.push(i);
      let best: { gain: number; j: number; b: number; mid: number } | null = null;
      if (members.length >= minNode) {
        let G = 0;
        let H = 0;
        for (const i of members) {
          G += g[i] as number;
          H += h[i] as number;
        }
        for (let j = 0; j < d; j++) {
          const cj = cuts[j] as number[];
          const gb = new Float64Array(cj.length + 1);
          const hb = new Float64Array(cj.length + 1);
          const bj = bin[j] as Uint8Array;
          for (const i of members) {
            gb[bj[i] as number]! += g[i] as number;
            hb[bj[i] as number]! += h[i] as number;
          }
          let gl = 0;
          let hl = 0;
          for (let b = 0; b < cj.length; b++) {
            gl += gb[b] as number;
            hl += hb[b] as number;
            const sign = signs?.[j] ?? 0;
            const left = clamp(gl / (hl + lambda), node);
            const right = clamp((G - gl) / (H - hl + lambda), node);
            if ((sign > 0 && left > right) || (sign < 0 && left < right)) continue;
            const gain = (gl * gl) / (hl + lambda) + (G - gl) ** 2 / (H - hl + lambda) - (G * G) / (H + lambda);
            if (!best || gain > best.gain) best = { gain, j, b, mid: (left + right) / 2 };
          }
        }
      }
      split[node] = best ? [best.j, cuts[best.j]![best.b] as number] : [0, 1e9];
      for (const child of [2 * node + 1, 2 * node + 2]) {
        low[child] = low[node] as number;
        high[child] = high[node] as number;
      }
      const sign = best ? (signs?.[best.j] ?? 0) : 0;
      if (best && sign !== 0) {
        const [below, above] = sign > 0 ? [2 * node + 1, 2 * node + 2] : [2 * node + 2, 2 * node + 1];
        high[below] = Math.min(high[below] as number, best.mid);
        low[above] = Math.max(low[above] as number, best.mid);
      }
      for (const i of members) {
        const [j, t] = split[node] as [number, number];
        nodeOf[i] = 2 * node + ((rows[i]![j] as number) <= t ? 1 : 2);
      }
    }
    const G = new Float64Array(inner + 1);
    const H = new Float64Array(inner + 1);
    for (let i = 0; i < n; i++) {
      G[(nodeOf[i] as number) - inner]! += g[i] as number;
      H[(nodeOf[i] as number) - inner]! += h[i] as number;
    }
    for (let k = 0; k <= inner; k++) leaf[k] = rate * clamp((G[k] as number) / ((H[k] as number) + lambda), inner + k);
    for (let i = 0; i < n; i++) score[i]! += leaf[(nodeOf[i] as number) - inner] as number;
    trees.push({ split, leaf });
  }
  return { base, trees };
}

/**
 * The fitting data as points for nearest-neighbour counts: each measurement scaled by its spread in `rows` (so that
 * one with a wide range does not decide alone), distances Euclidean. `labelsNear` counts the label-1 rows among the
 * `k` nearest to `x`, leaving out the rows `skip` names (a page's own comparisons).
 */
export class Neighbourhood {
  private readonly mean: number[];
  private readonly scale: number[];
  private readonly points: number[][];

  constructor(
    rows: readonly (readonly number[])[],
    private readonly labels: readonly number[],
  ) {
    ({ mean: this.mean, scale: this.scale } = spreadOf(rows));
    this.points = rows.map((row) => standardised(row, this.mean, this.scale));
  }

  labelsNear(x: readonly number[], k: number, skip: (i: number) => boolean = () => false): number {
    const point = standardised(x, this.mean, this.scale);
    const near: Array<{ distance: number; label: number }> = [];
    this.points.forEach((p, i) => {
      if (skip(i)) return;
      let distance = 0;
      for (let j = 0; j < p.length; j++) distance += ((p[j] as number) - (point[j] as number)) ** 2;
      if (near.length === k && distance >= (near[k - 1] as { distance: number }).distance) return;
      near.push({ distance, label: this.labels[i] as number });
      near.sort((a, b) => a.distance - b.distance);
      if (near.length > k) near.pop();
    });
    return near.filter((n) => n.label === 1).length;
  }
}
