/**
 * `torch.randn` / `Tensor.normal_(mean, std)` (SPEC §3): the scalar
 * Box–Muller path with the generator's cached double normal, and the
 * 16-wide block path (`normal_fill`) with the AVX2 float32 kernel emulated
 * bit for bit.
 */

import { is113 } from './compat.js';
import { CR_SINCOS, crLog, crSinCos } from './crmath.js';
import { RngError, formatCppDouble } from './errors.js';
import { TIE, fma32TieInto, fma64 } from './fma.js';
import type { Generator } from './generator.js';
import type { FillLayout, FloatArray } from './types.js';
import { fillUnit24, fillUnit53 } from './uniform.js';

const fround = Math.fround;
const TWO_M53 = 1.1102230246251565e-16;
const TWO_PI = 2 * Math.PI; // exact doubling of M_PI

/**
 * PyTorch's check of `normal_(mean, std)`: `normal expects std >= 0.0, but found std -1`.
 * @throws RngError (RuntimeError) if `std` is negative or NaN.
 */
export function checkNormalArgs(std: number): void {
  if (!(std >= 0)) {
    throw new RngError('normal_', `normal expects std >= 0.0, but found std ${formatCppDouble(std)}`);
  }
}

/**
 * Whether PyTorch takes the 16-wide block path (`normal_fill`) for a tensor
 * with `numel` elements: `numel >= 16` and contiguous.
 */
export function normalUsesBlockPath(numel: number, contiguous: boolean): boolean {
  return numel >= 16 && contiguous;
}

/**
 * One sample of `at::normal_distribution<double>(mean, std)`: serves the
 * generator's cached value if any, otherwise draws a fresh Box–Muller pair
 * (two `random64()` uniforms: angle first, radius second), caches the sine
 * part and returns the cosine part. The result is `fma64(z, std, mean)`.
 * PyTorch 1.13 uses `log(1 - u2)`, 2.x `log1p(-u2)` for the radius.
 */
export function normalScalarSample(gen: Generator, mean: number, std: number): number {
  let z: number;
  const cached = gen.nextDoubleNormal;
  if (cached !== null) {
    z = cached;
    gen.nextDoubleNormal = null;
  } else {
    const eng = gen.engine;
    let hi = eng.nextInt32() & 0x1fffff;
    let lo = eng.nextInt32() >>> 0;
    const u1 = (hi * 4294967296 + lo) * TWO_M53;
    hi = eng.nextInt32() & 0x1fffff;
    lo = eng.nextInt32() >>> 0;
    const u2 = (hi * 4294967296 + lo) * TWO_M53;
    const l = is113() ? crLog(1 - u2) : Math.log1p(-u2);
    const r = Math.sqrt(-2 * l);
    const s = crSinCos(TWO_PI * u1);
    gen.nextDoubleNormal = r * s;
    z = r * CR_SINCOS[0]!;
  }
  return std === 1 && mean === 0 ? z + 0 : fma64(z, std, mean);
}

// avx_mathfun.h constants rounded to float32 (SPEC §3.4)
const SQRTHF = fround(0.707106781186547524);
const P0 = fround(7.0376836292e-2);
const P1 = fround(-1.1514610310e-1);
const P2 = fround(1.1676998740e-1);
const P3 = fround(-1.2420140846e-1);
const P4 = fround(1.4249322787e-1);
const P5 = fround(-1.6668057665e-1);
const P6 = fround(2.0000714765e-1);
const P7 = fround(-2.4999993993e-1);
const P8 = fround(3.3333331174e-1);
const Q1 = fround(-2.12194440e-4);
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

/** INV_POW2[b] = 2^-b for b = 0..32. */
const INV_POW2 = Float64Array.from({ length: 33 }, (_, b) => 2 ** -b);

/** Results of {@link logLane} / {@link sincosLane} (a typed array: no boxed doubles). */
export const LANE = new Float64Array(3);

/**
 * One lane of `log256_ps` as compiled by GCC (FMA contraction), for
 * `u1 = M * 2^-24` with an integer `M` in [1, 2^24] — the only inputs the
 * kernel sees, since u1 = 1 - d with d a float32 uniform. Writes log(u1) to
 * LANE[0].
 *
 * Each FMA of the kernel is evaluated as `fround(a*b + c)` (product exact in
 * binary64, then two roundings). That equals the single-rounding FMA for
 * every one of the 2^24 possible inputs — verified exhaustively by
 * test/kernel.test.ts against an exact FMA emulation — so no midpoint check
 * is needed here.
 */
export function logLane(M: number): void {
  const b = 32 - Math.clz32(M); // bit length, 1..25
  let e = b - 24; // u1 = m * 2^e, m in [0.5, 1)
  const m = M * INV_POW2[b]!; // exact
  let x: number;
  if (m < SQRTHF) {
    x = fround(m + fround(m - 1));
    e = e - 1;
  } else {
    x = fround(m - 1);
  }
  let y = fround(P0 * x + P1);
  y = fround(y * x + P2);
  y = fround(y * x + P3);
  y = fround(y * x + P4);
  y = fround(y * x + P5);
  y = fround(y * x + P6);
  y = fround(y * x + P7);
  y = fround(y * x + P8);
  const t1 = fround(e * Q1);
  const z = fround(x * x);
  y = fround(y * x);
  y = fround(y * z + t1);
  y = fround(-z * 0.5 + y);
  x = fround(x + y);
  LANE[0] = fround(e * Q2 + x);
}

/**
 * One lane of `sincos256_ps` as compiled by GCC (FMA contraction), for
 * `theta = fround(2pi_f * k * 2^-24)`, k in [0, 2^24) (the kernel's only
 * inputs). Writes sin to LANE[1], cos to LANE[2]. As in {@link logLane}, the
 * FMAs are `fround(a*b + c)`, exhaustively verified equal to exact FMAs.
 */
export function sincosLane(theta: number): void {
  let q = Math.trunc(fround(theta * FOPI));
  q = (q + 1) & ~1;
  let x = fround(q * DP1 + theta);
  x = fround(q * DP2 + x);
  x = fround(q * DP3 + x);
  const z = fround(x * x);
  let c = fround(COS0 * z + COS1);
  c = fround(c * z + COS2);
  c = fround(c * z);
  c = fround(c * z - fround(z * 0.5));
  c = fround(c + 1);
  let s = fround(SIN0 * z + SIN1);
  s = fround(s * z + SIN2);
  s = fround(s * z);
  s = fround(s * x + x);
  let sinv: number;
  let cosv: number;
  if ((q & 2) === 0) {
    sinv = s;
    cosv = c;
  } else {
    sinv = c;
    cosv = s;
  }
  if (q & 4) sinv = -sinv;
  if (~(q - 2) & 4) cosv = -cosv;
  LANE[1] = sinv;
  LANE[2] = cosv;
}

/**
 * The AVX2 `normal_fill_16` for float32 (SPEC §3.4), in place on d[o..o+16)
 * holding float32 uniforms (multiples of 2^-24). The final
 * `fma(radius*cos, std, mean)` depends on the caller's mean/std, so it keeps
 * the exact FMA emulation (fast path plus midpoint fix-up, inlined).
 */
function fill16Float32(d: Float32Array, o: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    logLane(16777216 - d[o + j]! * 16777216);
    const radius = fround(Math.sqrt(fround(-2 * LANE[0]!)));
    sincosLane(fround(TWO_PI_F * d[o + j + 8]!));
    // d[j] = fma32(fround(radius*cos), std, mean); d[j+8] = fma32(fround(radius*sin), std, mean)
    let p = fround(radius * LANE[2]!) * std;
    let s = p + mean;
    let r = fround(s);
    let h = s - r;
    let n = r + (h + h);
    d[o + j] = h === 0 || fround(n) !== n ? r : (fma32TieInto(p, mean, s, r, n), TIE[0]!);
    p = fround(radius * LANE[1]!) * std;
    s = p + mean;
    r = fround(s);
    h = s - r;
    n = r + (h + h);
    d[o + j + 8] = h === 0 || fround(n) !== n ? r : (fma32TieInto(p, mean, s, r, n), TIE[0]!);
  }
}

/** Raw engine outputs for {@link randnFloat32Standard}: 78 blocks of 16. */
const RAW = new Int32Array(1248);

/**
 * `randn` into a contiguous float32 array of n ≥ 16 elements: the same stream and
 * arithmetic as {@link fill16Float32} with mean 0 and std 1 (where `fma(x, 1, 0)` is
 * `x + 0`) over {@link fillUnit24}'s uniforms,
 * but transforming each block straight from the engine's 24-bit integers
 * (u = r·2^-24, so 1 − u = (2^24 − r)·2^-24), without storing the uniforms first.
 * PyTorch draws all n uniforms, transforms the whole 16-blocks, then draws 16 more for
 * the last 16 elements when n % 16 ≠ 0; the draws of a partial last block are consumed
 * and discarded here exactly as they are overwritten there.
 */
function randnFloat32Standard(gen: Generator, out: Float32Array): void {
  const n = out.length;
  const eng = gen.engine;
  let drawn = 0;
  let o = 0;
  while (drawn < n) {
    const c = eng.fillInt32(RAW, n - drawn);
    drawn += c;
    for (let k = 0; k + 16 <= c; k += 16, o += 16) transform16(RAW, k, out, o);
  }
  if (n % 16 !== 0) {
    eng.fillInt32(RAW, 16);
    transform16(RAW, 0, out, n - 16);
  }
}

/** The float32 standard-normal block transform on 16 raw draws at RAW[k..k+16) into out[o..o+16). */
function transform16(raw: Int32Array, k: number, out: Float32Array, o: number): void {
  for (let j = 0; j < 8; j++) {
    logLane(16777216 - (raw[k + j]! & 0xffffff));
    const radius = fround(Math.sqrt(fround(-2 * LANE[0]!)));
    sincosLane(fround(TWO_PI_F * ((raw[k + j + 8]! & 0xffffff) * TWO_M24)));
    out[o + j] = fround(radius * LANE[2]!) + 0;
    out[o + j + 8] = fround(radius * LANE[1]!) + 0;
  }
}

const TWO_M24 = 2 ** -24;

/** The scalar `normal_fill_16<double>` in place on d[o..o+16) holding float64 uniforms. */
function fill16Float64(d: Float64Array, o: number, mean: number, std: number): void {
  const plain = std === 1 && mean === 0;
  for (let j = 0; j < 8; j++) {
    const u1 = 1 - d[o + j]!;
    const u2 = d[o + j + 8]!;
    const radius = Math.sqrt(-2 * crLog(u1));
    const s = crSinCos(TWO_PI * u2);
    const a = radius * CR_SINCOS[0]!;
    const b = radius * s;
    d[o + j] = plain ? a + 0 : fma64(a, std, mean);
    d[o + j + 8] = plain ? b + 0 : fma64(b, std, mean);
  }
}

/**
 * `Tensor.normal_(mean, std)` on a float32 (`Float32Array`) or float64
 * (`Float64Array`) tensor, choosing PyTorch's path from `layout`:
 *
 * - `out.length >= 16` and `layout.contiguous` (the default): the block path
 *   (`normal_fill`): `n` uniforms, transformed 16 at a time; when `n % 16 != 0`
 *   the last 16 elements are redrawn from 16 fresh uniforms and transformed
 *   again. float32 uses the AVX2 kernel (polynomial log/sincos with GCC's FMA
 *   placement), float64 libm `log/sin/cos` (correctly rounded here). The
 *   generator's cached normal is neither read nor written.
 * - otherwise: the scalar Box–Muller path ({@link normalScalarSample}), element
 *   by element in TensorIterator order (storage order for non-contiguous
 *   tensors), using and updating the generator's cached normal; float32
 *   outputs are the float64 values rounded.
 *
 * `mean` and `std` are cast to the dtype for the block path. The check on
 * `std` happens before any draw.
 * @throws RngError `normal expects std >= 0.0, but found std …`.
 */
export function normal_(gen: Generator, out: FloatArray, mean = 0, std = 1, layout: FillLayout = {}): void {
  checkNormalArgs(std);
  const n = out.length;
  const contiguous = layout.contiguous ?? true;
  if (normalUsesBlockPath(n, contiguous)) {
    if (out instanceof Float32Array) {
      const m = fround(mean);
      const s = fround(std);
      if (m === 0 && s === 1) {
        randnFloat32Standard(gen, out);
        return;
      }
      fillUnit24(gen, out, 0, n);
      for (let i = 0; i + 16 <= n; i += 16) fill16Float32(out, i, m, s);
      if (n % 16 !== 0) {
        fillUnit24(gen, out, n - 16, n);
        fill16Float32(out, n - 16, m, s);
      }
    } else {
      fillUnit53(gen, out, 0, n);
      for (let i = 0; i + 16 <= n; i += 16) fill16Float64(out, i, mean, std);
      if (n % 16 !== 0) {
        fillUnit53(gen, out, n - 16, n);
        fill16Float64(out, n - 16, mean, std);
      }
    }
    return;
  }
  if (out instanceof Float32Array) {
    for (let i = 0; i < n; i++) out[i] = fround(normalScalarSample(gen, mean, std));
  } else {
    for (let i = 0; i < n; i++) out[i] = normalScalarSample(gen, mean, std);
  }
}

/** `torch.randn`: {@link normal_} with mean 0 and std 1. */
export function randn(gen: Generator, out: FloatArray, layout: FillLayout = {}): void {
  normal_(gen, out, 0, 1, layout);
}
