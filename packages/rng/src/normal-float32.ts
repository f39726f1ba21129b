/**
 * The float32 block kernel of `normal_fill` as PyTorch's AVX2 build runs it
 * (SPEC §3.4): `log256_ps` and `sincos256_ps` from avx_mathfun.h with GCC's
 * FMA placement, then Box–Muller on 16-element blocks.
 *
 * Layout for speed: each polynomial is a chain of about ten dependent
 * roundings, so evaluating one lane at a time leaves the CPU waiting on
 * latency. The kernel therefore works on up to {@link MAX_LANES} lanes at
 * once, one stage per loop over typed arrays (structure of arrays), which lets
 * independent lanes overlap.
 *
 * Each FMA of the kernel is evaluated as `fround(a*b + c)`: the product is
 * exact in binary64 and the double rounding equals the single-rounding FMA
 * for every one of the 2^24 possible inputs of each function (verified
 * exhaustively by test/kernel.test.ts against an exact FMA emulation).
 */

import { TIE, fma32TieInto } from './fma.js';

const fround = Math.fround;

// avx_mathfun.h constants rounded to float32
const SQRTHF = fround(0.707106781186547524);
const P0 = fround(7.0376836292e-2);
const P1 = fround(-1.151461031e-1);
const P2 = fround(1.167699874e-1);
const P3 = fround(-1.2420140846e-1);
const P4 = fround(1.4249322787e-1);
const P5 = fround(-1.6668057665e-1);
const P6 = fround(2.0000714765e-1);
const P7 = fround(-2.4999993993e-1);
const P8 = fround(3.3333331174e-1);
const Q1 = fround(-2.1219444e-4);
const Q2 = fround(0.693359375);
const FOPI = fround(1.27323954473516);
const DP1 = fround(-0.78515625);
const DP2 = fround(-2.4187564849853515625e-4);
const DP3 = fround(-3.77489497744594108e-8);
const SIN0 = fround(-1.9515295891e-4);
const SIN1 = fround(8.3321608736e-3);
const SIN2 = fround(-1.6666654611e-1);
const COS0 = fround(2.443315711809948e-5);
const COS1 = fround(-1.388731625493765e-3);
const COS2 = fround(4.166664568298827e-2);
const TWO_PI_F = fround(2 * Math.PI);
const TWO_M24 = 2 ** -24;
const TWO_24 = 16777216;
/** Smallest 24-bit mantissa Mn (in [2^23, 2^24)) with Mn·2^-24 ≥ SQRTHF. */
const SQRTHF_MANT = Math.ceil(SQRTHF * TWO_24);

/** Lanes (Box–Muller pairs) per batch: 78 blocks of 16 draws. */
export const MAX_LANES = 624;

// stage scratch: a lane's reduced argument, exponent, log/radius, octant
const X = new Float64Array(MAX_LANES);
const E = new Float64Array(MAX_LANES);
const R = new Float64Array(MAX_LANES);
const Q = new Int32Array(MAX_LANES);
const PAIR = new Float64Array(2);
const SIN = new Float64Array(MAX_LANES);
const COS = new Float64Array(MAX_LANES);

/** Index in a block-laid raw array of lane i's first draw (block i/8, position i%8). */
const lane = (i: number): number => ((i >> 3) << 4) + (i & 7);

/**
 * @internal `log256_ps` on `u1 = 1 − d` for lanes i < n (n ≤ {@link MAX_LANES}),
 * where d = (raw[lane(i)] & 0xFFFFFF)·2^-24 is lane i's float32 uniform and
 * lane(i) is position i % 8 of 16-block i / 8. Writes log(u1) (a float32
 * value) to out[i]. u1 = M·2^-24 with M = 2^24 − (raw & 0xFFFFFF) in [1, 2^24]:
 * these are the kernel's only inputs.
 */
export function logLanes(raw: Int32Array, n: number, out: Float64Array): void {
  // frexp: u1 = m·2^e with m in [0.5, 1); below sqrt(1/2) the kernel uses 2m − 1
  // and e − 1. m − 1 and 2m − 1 are exact, so no rounding happens here.
  for (let i = 0; i < n; i++) {
    const m = TWO_24 - (raw[lane(i)]! & 0xffffff);
    const sh = Math.clz32(m) - 8; // normalises m into [2^23, 2^24); −1 only for m = 2^24
    const mn = sh < 0 ? 8388608 : m << sh;
    const small = (mn - SQRTHF_MANT) >>> 31; // 1 iff mn < SQRTHF_MANT
    E[i] = -sh - small;
    X[i] = (mn << small) * TWO_M24 - 1;
  }
  // the polynomial in two halves keeps each loop body small enough for
  // consecutive lanes to overlap in the CPU
  for (let i = 0; i < n; i++) {
    const x = X[i]!;
    let y = fround(P0 * x + P1);
    y = fround(y * x + P2);
    y = fround(y * x + P3);
    out[i] = fround(y * x + P4);
  }
  for (let i = 0; i < n; i++) {
    const x = X[i]!;
    const e = E[i]!;
    let y = fround(out[i]! * x + P5);
    y = fround(y * x + P6);
    y = fround(y * x + P7);
    y = fround(y * x + P8);
    const z = fround(x * x);
    y = fround(y * x);
    y = fround(y * z + fround(e * Q1));
    y = fround(-z * 0.5 + y);
    out[i] = fround(e * Q2 + fround(x + y));
  }
}

/**
 * @internal `sincos256_ps` on `theta = fround(2π_f · d)` for lanes i < n
 * (n ≤ {@link MAX_LANES}), where d = (raw[lane(i) + 8] & 0xFFFFFF)·2^-24 is the
 * second uniform of the lane's pair. Writes sin(theta) to sin[i] and
 * cos(theta) to cos[i].
 */
export function sincosLanes(raw: Int32Array, n: number, sin: Float64Array, cos: Float64Array): void {
  // Cody–Waite reduction by the octant q (even), in three float32 pieces of pi/4
  for (let i = 0; i < n; i++) {
    const theta = fround(TWO_PI_F * ((raw[lane(i) + 8]! & 0xffffff) * TWO_M24));
    const q = ((fround(theta * FOPI) | 0) + 1) & ~1; // theta ≥ 0: `| 0` truncates
    let x = fround(q * DP1 + theta);
    x = fround(q * DP2 + x);
    X[i] = fround(q * DP3 + x);
    Q[i] = q;
  }
  for (let i = 0; i < n; i++) {
    const x = X[i]!;
    const q = Q[i]!;
    const z = fround(x * x);
    let c = fround(COS0 * z + COS1);
    c = fround(c * z + COS2);
    c = fround(c * z);
    c = fround(c * z - fround(z * 0.5));
    let s = fround(SIN0 * z + SIN1);
    s = fround(s * z + SIN2);
    s = fround(s * z);
    // octant selection without branches (the octant is random): swap the two
    // polynomials when q & 2, then flip signs; multiplying by ±1 is exact
    PAIR[0] = fround(s * x + x);
    PAIR[1] = fround(c + 1);
    const swap = (q >> 1) & 1;
    sin[i] = (1 - ((q & 4) >> 1)) * PAIR[swap]!;
    cos[i] = (1 - ((~(q - 2) & 4) >> 1)) * PAIR[1 - swap]!;
  }
}

/**
 * Box–Muller on the 16-element blocks of `count` raw engine draws
 * raw[0..count) (count a multiple of 16, at most 2·{@link MAX_LANES}), written
 * to out[o..o+count): in each block, lanes j < 8 take u1 = 1 − d[j] and
 * u2 = d[j+8], with d the float32 uniforms `(raw & 0xFFFFFF)·2^-24`, and give
 * out[j] = fma(radius·cos, std, mean), out[j+8] = fma(radius·sin, std, mean).
 * `mean` and `std` must be float32 values.
 */
export function boxMullerBlocksFloat32(
  raw: Int32Array,
  count: number,
  out: Float32Array,
  o: number,
  mean: number,
  std: number,
): void {
  const lanes = count >> 1;
  logLanes(raw, lanes, R);
  sincosLanes(raw, lanes, SIN, COS);
  if (mean === 0 && std === 1) {
    // fma(x, 1, 0) = x + 0 (which turns −0 into +0)
    for (let i = 0; i < lanes; i++) {
      const k = o + lane(i);
      const radius = fround(Math.sqrt(fround(-2 * R[i]!)));
      out[k] = fround(radius * COS[i]!) + 0;
      out[k + 8] = fround(radius * SIN[i]!) + 0;
    }
    return;
  }
  for (let i = 0; i < lanes; i++) {
    const k = o + lane(i);
    const radius = fround(Math.sqrt(fround(-2 * R[i]!)));
    out[k] = fma32Of(fround(radius * COS[i]!) * std, mean);
    out[k + 8] = fma32Of(fround(radius * SIN[i]!) * std, mean);
  }
}

/**
 * fma32 of an exact binary64 product `p = a·b` (a, b float32) and `c`: the
 * fast path of fma.ts's `fma32`, with its midpoint fix-up for the rare tie.
 */
function fma32Of(p: number, c: number): number {
  const s = p + c;
  const r = fround(s);
  const h = s - r;
  const n = r + (h + h);
  if (h === 0 || fround(n) !== n) return r;
  fma32TieInto(p, c, s, r, n);
  return TIE[0]!;
}
