/**
 * Fused multiply-add emulation (one rounding of `a*b + c`) in float32 and
 * float64, plus float32 helpers. JavaScript has no native FMA; both are exact
 * emulations (SPEC §0.3).
 */

import { T2, twoProd } from './crmath.js';

const fround = Math.fround;

/**
 * `fma32(a, b, c)`: the binary32 rounding of the exact `a*b + c`, for binary32
 * inputs `a`, `b`, `c` (numbers that are float32 values). Exact.
 *
 * `a*b` is exact in binary64 (24+24 bits). `s = a*b + c` is rounded once in
 * binary64; rounding `s` to binary32 is then wrong only when `s` lies exactly
 * on a binary32 midpoint and the binary64 addition was inexact — in that case
 * the exact sum lies on the side of the TwoSum error, and that neighbour is
 * returned.
 */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const r = fround(s);
  const d = s - r; // exact (Sterbenz)
  const o = r + (d + d); // the other float32 neighbour iff s is a midpoint (then exact)
  if (d === 0 || fround(o) !== o) return r;
  return fma32Tie(p, c, s, r, o);
}

/**
 * @internal The rare case of {@link fma32}: `s = fl64(p + c)` (with `p = a*b`
 * exact) is exactly a float32 midpoint between `r = fround(s)` and `o`.
 * Returns the correctly rounded `p + c`.
 */
export function fma32Tie(p: number, c: number, s: number, r: number, o: number): number {
  const bb = s - p;
  const e = p - (s - bb) + (c - bb); // TwoSum error: p + c = s + e exactly
  if (e === 0) return r; // a genuine tie: fround already rounded half to even
  return e > 0 === o > r ? o : r;
}

/** @internal Result slot of {@link fma32TieInto}. */
export const TIE = new Float64Array(1);

/** @internal {@link fma32Tie} writing its result into `TIE[0]` (keeps hot callers free of boxed doubles). */
export function fma32TieInto(p: number, c: number, s: number, r: number, o: number): void {
  TIE[0] = fma32Tie(p, c, s, r, o);
}

const scratch = new Float64Array(1);
const scratchU32 = new Uint32Array(scratch.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/**
 * `fma64(a, b, c)`: the binary64 rounding of the exact `a*b + c` (Boldo &
 * Melquiond: TwoProduct, TwoSum, a round-to-odd addition of the two error
 * terms, one final addition). Exact whenever no intermediate overflows or
 * underflows (|a|,|b| < 2^995, |a*b| and |c| > 2^-960 or zero); outside
 * that range huge operands are rescaled exactly, non-finite inputs give IEEE's
 * FMA result (`fma64(1, 2, -Infinity)` is `-Infinity`), and tiny products
 * return `a*b + c` (two roundings).
 */
export function fma64(a: number, b: number, c: number): number {
  const p = a * b;
  if (!(Math.abs(a) < 1e298 && Math.abs(b) < 1e298 && (Math.abs(p) > 1e-289 || p === 0) && Math.abs(c) < 1e306)) {
    return fma64Edge(a, b, c, p);
  }
  // TwoProduct: p + pe = a*b exactly
  twoProd(a, b);
  const pe = T2[0]!;
  // TwoSum: th + tl = c + p exactly
  const th = c + p;
  if (th - th !== 0) return fma64Edge(a, b, c, p); // c + p overflowed
  const bv = th - c;
  const tl = c - (th - bv) + (p - bv);
  // v = round-to-odd(tl + pe)
  let v = tl + pe;
  const bv2 = v - tl;
  const e = tl - (v - bv2) + (pe - bv2);
  if (e !== 0) {
    scratch[0] = v;
    if ((scratchU32[LOW]! & 1) === 0) {
      // move v one ulp towards e (v is the rounded value, so the exact sum lies on e's side)
      v = nextToward(v, e > 0);
    }
  }
  return th + v;
}

const TWO_M600 = 2 ** -600;
const TWO_600 = 2 ** 600;

/**
 * {@link fma64} outside the range where Boldo–Melquiond is exact as written.
 * Non-finite inputs give IEEE's FMA result (an infinite `c` with a finite
 * product is `c`, even when `a*b` alone would overflow). Huge finite operands
 * are scaled by 2^-600 (exact) and the result scaled back (exact, or an honest
 * overflow). Tiny products keep the two-rounding `a*b + c`.
 */
function fma64Edge(a: number, b: number, c: number, p: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return p + c;
  if (!Number.isFinite(c)) return c;
  if (Math.abs(a) >= 1e298 || Math.abs(b) >= 1e298 || Math.abs(c) >= 1e306 || Math.abs(p) >= 1e306) {
    // A c that underflows here lies far below the product's last bit and only its sign
    // could matter, in an exact tie of a*b: accepted.
    return Math.abs(a) >= Math.abs(b) ? fma64(a * TWO_M600, b, c * TWO_M600) * TWO_600 : fma64(a, b * TWO_M600, c * TWO_M600) * TWO_600;
  }
  return p + c;
}

/** The binary64 neighbour of `x` above (`up`) or below. */
function nextToward(x: number, up: boolean): number {
  if (x === 0) return up ? 5e-324 : -5e-324;
  scratch[0] = x;
  const hi = 1 - LOW;
  let lo = scratchU32[LOW]!;
  let h = scratchU32[hi]!;
  const away = x > 0 === up; // magnitude grows
  if (away) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) h = (h + 1) >>> 0;
  } else {
    if (lo === 0) h = (h - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  scratchU32[LOW] = lo;
  scratchU32[hi] = h;
  return scratch[0]!;
}

/** Bit pattern (uint32) of the float32 value `x`. */
export function float32Bits(x: number): number {
  f32s[0] = x;
  return u32s[0]!;
}

/** The float32 value with bit pattern `bits`. */
export function float32FromBits(bits: number): number {
  u32s[0] = bits >>> 0;
  return f32s[0]!;
}

const f32s = new Float32Array(1);
const u32s = new Uint32Array(f32s.buffer);
