/**
 * A boosted-trees classifier, as `npm run eval -- --fit` fits it: complete binary trees of one depth whose leaves
 * add log-odds. Trees, not a weighted sum, because what tells a rewrite from another outlet's report is a
 * combination (many sentences restated *and* no facts added), which a linear model can only approximate.
 */
export interface BoostedTrees<Feature extends string> {
  /** The measurements the trees read, by index. */
  features: readonly Feature[];
  /** Log-odds before any tree. */
  base: number;
  /**
   * Each tree: `split[i]` = [feature index, threshold] of node i, whose children are 2i + 1 (value <= threshold) and
   * 2i + 2 (greater); `leaf` holds the log-odds each leaf adds, left to right (learning rate included).
   */
  trees: ReadonlyArray<{ split: ReadonlyArray<readonly [number, number]>; leaf: readonly number[] }>;
}

/** Log-odds of the model for one set of measurements. */
export function logOdds<F extends string>(model: BoostedTrees<F>, values: Readonly<Record<F, number>>): number {
  const row = model.features.map((f) => values[f]);
  let z = model.base;
  for (const tree of model.trees) {
    let node = 0;
    while (node < tree.split.length) {
      const [feature, threshold] = tree.split[node] as readonly [number, number];
      node = 2 * node + ((row[feature] as number) <= threshold ? 1 : 2);
    }
    z += tree.leaf[node - tree.split.length] as number;
  }
  return z;
}

export function probability<F extends string>(model: BoostedTrees<F>, values: Readonly<Record<F, number>>): number {
  return 1 / (1 + Math.exp(-logOdds(model, values)));
}
