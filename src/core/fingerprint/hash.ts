/**
 * The one hash behind every fingerprint: 64-bit FNV-1a over the UTF-8 bytes of a string.
 *
 * Why not simhash-js's Jenkins hash: see README ("Dependency choices"). FNV-1a 64 is computed here in two 32-bit
 * halves with exact integer arithmetic (no BigInt), so it costs a few multiplications per byte in the page, the
 * worker and Node alike, and it is checked against the published FNV test vectors in `hash.test.ts`.
 *
 * NOTE: every stored fingerprint in a corpus pack depends on this function. Changing it makes old packs
 * incompatible: bump `PACK_VERSION` in `pack.ts` together with it.
 */

/** A 64-bit value as two unsigned 32-bit halves. */
export interface Hash64 {
  hi: number;
  lo: number;
}

const OFFSET_HI = 0xcbf29ce4;
const OFFSET_LO = 0x84222325;
const PRIME_LOW = 0x1b3; // FNV 64-bit prime is 2^40 + 0x1b3
const TWO_32 = 0x100000000;

function mixByte(state: Hash64, byte: number): void {
  const lo = (state.lo ^ byte) >>> 0;
  const loProduct = lo * PRIME_LOW; // < 2^41: exact in a double
  const carry = Math.floor(loProduct / TWO_32);
  state.hi = (Math.imul(state.hi, PRIME_LOW) + carry + (lo << 8)) >>> 0; // (h << 40) moves lo's low 24 bits into hi
  state.lo = loProduct >>> 0;
}

/** FNV-1a 64 of the UTF-8 encoding of `text`. */
export function fnv1a64(text: string): Hash64 {
  const state: Hash64 = { hi: OFFSET_HI, lo: OFFSET_LO };
  mixUtf8(state, text);
  return state;
}

/** FNV-1a 64 of `words[start]` … `words[start + count - 1]` joined by single spaces: what
 * `fnv1a64(words.slice(start, start + count).join(' '))` gives, without building the string. */
export function fnv1a64Words(words: readonly string[], start: number, count: number): Hash64 {
  const state: Hash64 = { hi: OFFSET_HI, lo: OFFSET_LO };
  for (let w = start; w < start + count; w++) {
    if (w > start) mixByte(state, 0x20);
    mixUtf8(state, words[w] as string);
  }
  return state;
}

function mixUtf8(state: Hash64, text: string): void {
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      mixByte(state, code);
      continue;
    }
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    if (code < 0x800) {
      mixByte(state, 0xc0 | (code >> 6));
    } else if (code < 0x10000) {
      mixByte(state, 0xe0 | (code >> 12));
      mixByte(state, 0x80 | ((code >> 6) & 0x3f));
    } else {
      mixByte(state, 0xf0 | (code >> 18));
      mixByte(state, 0x80 | ((code >> 12) & 0x3f));
      mixByte(state, 0x80 | ((code >> 6) & 0x3f));
    }
    mixByte(state, 0x80 | (code & 0x3f));
  }
}

/** Murmur3's 32-bit finaliser: spreads every input bit over the output. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A well-mixed 32-bit hash of `text` (both halves of FNV-1a 64 folded, then finalised). */
export function hash32(text: string): number {
  const { hi, lo } = fnv1a64(text);
  return fmix32(hi ^ fmix32(lo));
}

export function toHex64({ hi, lo }: Hash64): string {
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

export function fromHex64(hex: string): Hash64 {
  if (!/^[0-9a-f]{16}$/.test(hex)) throw new Error(`not a 64-bit hex value: ${JSON.stringify(hex)}`);
  return { hi: parseInt(hex.slice(0, 8), 16) >>> 0, lo: parseInt(hex.slice(8), 16) >>> 0 };
}
