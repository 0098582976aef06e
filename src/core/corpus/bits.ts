/**
 * Bytes and bits for the pack format: a growable little-endian byte writer, LEB128 varints, and Rice coding of
 * sorted sets. A sorted set of n distinct values spread over [0, U) is stored as the gaps between neighbours, each
 * split into a quotient (in unary) and a k-bit remainder, with k from n and U alone: about log2(U / n) + 1.5 bits a
 * value, against log2(U) for the values written out (14 against 16 bits for a sentence's content-word codes, 27.6
 * against 32 for a reference's winnowed shingles).
 */

export class ByteWriter {
  private bytes = new Uint8Array(1024);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  u8(value: number): void {
    this.reserve(1);
    this.bytes[this.length++] = value;
  }

  u32(value: number): void {
    this.reserve(4);
    const b = this.bytes;
    b[this.length++] = value & 0xff;
    b[this.length++] = (value >>> 8) & 0xff;
    b[this.length++] = (value >>> 16) & 0xff;
    b[this.length++] = (value >>> 24) & 0xff;
  }

  varint(value: number): void {
    let v = value;
    while (v >= 0x80) {
      this.u8((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.u8(v);
  }

  raw(data: Uint8Array): void {
    this.reserve(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  /** Zero bytes up to a multiple of `n`, so that the next section can be viewed as 32-bit values. */
  align(n: number): void {
    while (this.length % n !== 0) this.u8(0);
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Reads varints from `bytes`, starting at `offset`; throws RangeError past the end. */
export class ByteReader {
  constructor(
    readonly bytes: Uint8Array,
    public offset = 0,
  ) {}

  varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (this.offset >= this.bytes.length) throw new RangeError('varint runs past the end');
      const byte = this.bytes[this.offset++] as number;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
    throw new RangeError('varint longer than 8 bytes');
  }
}

/** The Rice parameter for n sorted values below `universe`: floor(log2(0.69 * universe / (n + 1))), at least 0.
 * Integer and IEEE-division arithmetic only, so every engine computes the same k. */
export function riceParameter(n: number, universe: number): number {
  const meanGap = Math.floor((universe * 11) / 16 / (n + 1));
  return meanGap < 1 ? 0 : Math.min(31, 31 - Math.clz32(meanGap));
}

/** Writes bits least-significant first into a ByteWriter, padding the last byte with zeros on `flush`. */
export class BitWriter {
  private current = 0;
  private filled = 0;

  constructor(private readonly out: ByteWriter) {}

  bit(value: number): void {
    if (value) this.current |= 1 << this.filled;
    if (++this.filled === 8) {
      this.out.u8(this.current);
      this.current = 0;
      this.filled = 0;
    }
  }

  /** The low `count` bits of `value` (count <= 32; value < 2^count), a byte's worth at a time. */
  bits(value: number, count: number): void {
    let v = value;
    let left = count;
    while (left > 0) {
      const take = Math.min(8 - this.filled, left);
      const chunk = v % (1 << take);
      this.current |= chunk << this.filled;
      this.filled += take;
      left -= take;
      v = (v - chunk) / (1 << take);
      if (this.filled === 8) {
        this.out.u8(this.current);
        this.current = 0;
        this.filled = 0;
      }
    }
  }

  flush(): void {
    if (this.filled > 0) this.out.u8(this.current);
    this.current = 0;
    this.filled = 0;
  }
}

export class BitReader {
  private bitOffset: number;

  constructor(
    private readonly bytes: Uint8Array,
    byteOffset: number,
    private readonly endByte: number,
  ) {
    this.bitOffset = byteOffset * 8;
  }

  bit(): number {
    const byte = this.bitOffset >>> 3;
    if (byte >= this.endByte) throw new RangeError('bit stream runs past its end');
    const value = ((this.bytes[byte] as number) >>> (this.bitOffset & 7)) & 1;
    this.bitOffset++;
    return value;
  }

  /** `count` bits (count <= 32), a byte's worth at a time. */
  bits(count: number): number {
    let value = 0;
    let scale = 1;
    let left = count;
    while (left > 0) {
      const byte = this.bitOffset >>> 3;
      if (byte >= this.endByte) throw new RangeError('bit stream runs past its end');
      const shift = this.bitOffset & 7;
      const take = Math.min(8 - shift, left);
      value += (((this.bytes[byte] as number) >>> shift) & ((1 << take) - 1)) * scale;
      scale *= 1 << take;
      this.bitOffset += take;
      left -= take;
    }
    return value;
  }

  /** How many 1 bits come before the next 0 (which is read too). */
  unary(): number {
    let count = 0;
    for (;;) {
      const byte = this.bitOffset >>> 3;
      if (byte >= this.endByte) throw new RangeError('bit stream runs past its end');
      const shift = this.bitOffset & 7;
      const ones = (~((this.bytes[byte] as number) >>> shift) & (0xff >>> shift)) === 0;
      if (ones) {
        count += 8 - shift;
        this.bitOffset += 8 - shift;
        continue;
      }
      let rest = (this.bytes[byte] as number) >>> shift;
      while (rest & 1) {
        count++;
        rest >>>= 1;
        this.bitOffset++;
      }
      this.bitOffset++; // the 0
      return count;
    }
  }

  /** The byte after the last bit read (streams are byte-aligned at their ends). */
  get byteEnd(): number {
    return Math.ceil(this.bitOffset / 8);
  }
}

/** Rice-codes a sorted list of distinct values below `universe` (the count is stored elsewhere). */
export function writeSortedSet(out: BitWriter, values: ArrayLike<number>, universe: number): void {
  const k = riceParameter(values.length, universe);
  const divisor = 2 ** k;
  let previous = -1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    const gap = value - previous - 1;
    const quotient = Math.floor(gap / divisor);
    for (let q = 0; q < quotient; q++) out.bit(1);
    out.bit(0); // unary quotients are short: the mean gap is about one divisor
    out.bits(gap - quotient * divisor, k);
    previous = value;
  }
}

/** Reads `count` values written by writeSortedSet into `target` from `at`; throws RangeError on a value that would
 * reach `universe` (a damaged stream). */
export function readSortedSet(
  input: BitReader,
  count: number,
  universe: number,
  target: { [i: number]: number },
  at = 0,
): void {
  const k = riceParameter(count, universe);
  const divisor = 2 ** k;
  let previous = -1;
  for (let i = 0; i < count; i++) {
    const value = previous + 1 + input.unary() * divisor + input.bits(k);
    if (value >= universe) throw new RangeError('a coded value is out of range');
    target[at + i] = value;
    previous = value;
  }
}
