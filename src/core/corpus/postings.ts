/**
 * An inverted index from keys (15-bit content-word keys or 32-bit shingle hashes) to reference numbers, in typed
 * arrays only: a directory of 2^B buckets on the keys' top bits, then each bucket's entries sorted by the keys'
 * remaining bits (stored in 16 bits when they fit) with their reference numbers. About 6.5 bytes a posting for
 * shingles and 4 for content words, and no object per key or per reference, so that a million references fit.
 * A lookup is a binary search inside one bucket; reference numbers come out in ascending order.
 */
export class Postings {
  constructor(
    readonly keyBits: number,
    readonly bucketBits: number,
    /** 2^bucketBits + 1 offsets into `refs`. */
    readonly offsets: Uint32Array,
    /** Each entry's key without its top bucketBits bits; null when bucketBits === keyBits (the bucket is the key). */
    readonly low: Uint16Array | Uint32Array | null,
    readonly refs: Uint32Array,
  ) {}

  get lowBits(): number {
    return this.keyBits - this.bucketBits;
  }

  /** Reference numbers filed under `key`, ascending (a view, not a copy). */
  lookup(key: number): Uint32Array {
    const lowBits = this.lowBits;
    const bucket = this.bucketBits === 0 ? 0 : Math.floor(key / 2 ** lowBits);
    let lo = this.offsets[bucket] as number;
    const hi = this.offsets[bucket + 1] as number;
    if (lo === hi || this.low === null) return this.refs.subarray(lo, hi);
    const want = key % 2 ** lowBits;
    const low = this.low;
    // First entry with low >= want.
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if ((low[mid] as number) < want) a = mid + 1;
      else b = mid;
    }
    lo = a;
    while (a < hi && low[a] === want) a++;
    return this.refs.subarray(lo, a);
  }

  /** Does reference `ref` hold `key`? */
  has(key: number, ref: number): boolean {
    const refs = this.lookup(key);
    let a = 0;
    let b = refs.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if ((refs[mid] as number) < ref) a = mid + 1;
      else b = mid;
    }
    return a < refs.length && refs[a] === ref;
  }

  get size(): number {
    return this.refs.length;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.offsets.byteLength + (this.low?.byteLength ?? 0) + this.refs.byteLength;
  }
}

/** Bucket bits for `count` postings: about four postings a bucket, never more buckets than keys. */
function bucketBitsFor(count: number, keyBits: number): number {
  let bits = 0;
  while (bits < keyBits && 2 ** (bits + 2) < count) bits++;
  return bits;
}

/** Collects (key, reference) pairs in ascending reference order, then sorts them into Postings. */
export class PostingsBuilder {
  private keys = new Uint32Array(1024);
  private refs = new Uint32Array(1024);
  private count = 0;

  constructor(private readonly keyBits: number) {}

  add(key: number, ref: number): void {
    if (this.count === this.keys.length) {
      const keys = new Uint32Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
      const refs = new Uint32Array(this.refs.length * 2);
      refs.set(this.refs);
      this.refs = refs;
    }
    this.keys[this.count] = key;
    this.refs[this.count] = ref;
    this.count++;
  }

  /** Stable radix sort by key (16 bits a pass), so that each key's references stay in ascending order. */
  build(): Postings {
    const n = this.count;
    let keys = this.keys.subarray(0, n);
    let refs = this.refs.subarray(0, n);
    let spareKeys = new Uint32Array(n);
    let spareRefs = new Uint32Array(n);
    for (let shift = 0; shift < this.keyBits; shift += 16) {
      const counts = new Uint32Array(65537);
      for (let i = 0; i < n; i++) counts[(((keys[i] as number) >>> shift) & 0xffff) + 1]!++;
      for (let d = 1; d <= 65536; d++) counts[d]! += counts[d - 1] as number;
      for (let i = 0; i < n; i++) {
        const at = counts[((keys[i] as number) >>> shift) & 0xffff]!++;
        spareKeys[at] = keys[i] as number;
        spareRefs[at] = refs[i] as number;
      }
      [keys, spareKeys] = [spareKeys, keys];
      [refs, spareRefs] = [spareRefs, refs];
    }
    const bucketBits = bucketBitsFor(n, this.keyBits);
    const lowBits = this.keyBits - bucketBits;
    const offsets = new Uint32Array(2 ** bucketBits + 1);
    const low = lowBits === 0 ? null : lowBits <= 16 ? new Uint16Array(n) : new Uint32Array(n);
    const divisor = 2 ** lowBits;
    for (let i = 0; i < n; i++) {
      const key = keys[i] as number;
      offsets[(bucketBits === 0 ? 0 : Math.floor(key / divisor)) + 1]!++;
      if (low) low[i] = key % divisor;
    }
    for (let b = 1; b < offsets.length; b++) offsets[b]! += offsets[b - 1] as number;
    return new Postings(this.keyBits, bucketBits, offsets, low, refs.slice());
  }
}

/** Postings as read back from bytes, after checking every bound a lookup relies on. Throws RangeError. */
export function checkedPostings(
  keyBits: number,
  bucketBits: number,
  offsets: Uint32Array,
  low: Uint16Array | Uint32Array | null,
  refs: Uint32Array,
  referenceCount: number,
): Postings {
  if (bucketBits > keyBits || offsets.length !== 2 ** bucketBits + 1) throw new RangeError('bad bucket directory');
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== refs.length) throw new RangeError('bad bucket offsets');
  for (let b = 1; b < offsets.length; b++) {
    if ((offsets[b] as number) < (offsets[b - 1] as number)) throw new RangeError('bucket offsets go back');
  }
  if ((keyBits === bucketBits) !== (low === null) || (low && low.length !== refs.length)) {
    throw new RangeError('bad key array');
  }
  for (let i = 0; i < refs.length; i++) {
    if ((refs[i] as number) >= referenceCount) throw new RangeError('a posting names no reference');
  }
  return new Postings(keyBits, bucketBits, offsets, low, refs);
}
