/**
 * An inverted index from 32-bit keys to reference numbers in compressed-sparse-row form: one sorted key array, one
 * offset array, one flat array of reference numbers. About 4 bytes per posting plus 8 per distinct key, with no
 * per-key objects, so it holds hundreds of thousands of references in a service worker.
 */
export class Postings {
  private readonly keys: Uint32Array;
  private readonly offsets: Uint32Array;
  private readonly refs: Uint32Array;

  constructor(pairs: { keys: number[]; refs: number[] }) {
    const order = Array.from(pairs.keys.keys()).sort(
      (a, b) =>
        (pairs.keys[a] as number) - (pairs.keys[b] as number) || (pairs.refs[a] as number) - (pairs.refs[b] as number),
    );
    const keys: number[] = [];
    const offsets: number[] = [];
    const refs = new Uint32Array(order.length);
    order.forEach((at, i) => {
      const key = pairs.keys[at] as number;
      if (keys.length === 0 || keys[keys.length - 1] !== key) {
        keys.push(key);
        offsets.push(i);
      }
      refs[i] = pairs.refs[at] as number;
    });
    offsets.push(order.length);
    this.keys = Uint32Array.from(keys);
    this.offsets = Uint32Array.from(offsets);
    this.refs = refs;
  }

  /** Reference numbers filed under `key` (a view, not a copy). */
  lookup(key: number): Uint32Array {
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.keys[mid] as number;
      if (value === key) return this.refs.subarray(this.offsets[mid], this.offsets[mid + 1]);
      if (value < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return EMPTY;
  }
}

const EMPTY = new Uint32Array(0);
