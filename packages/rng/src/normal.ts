/**
 * `torch.randn` / `Tensor.normal_(mean, std)` (SPEC §3): the scalar
 * Box–Muller path with the generator's cached double normal, and the
 * 16-wide block path (`normal_fill`) with the AVX2 float32 kernel emulated
 * bit for bit.
 */

import { is113 } from './compat.js';
import { CR_SINCOS, crLog, crSinCos } from './crmath.js';
import { RngError, formatCppDouble } from './errors.js';
import { fma64 } from './fma.js';
import type { Generator } from './generator.js';
import type { FillLayout, FloatArray } from './types.js';
import { MAX_LANES, boxMullerBlocksFloat32 } from './normal-float32.js';
import { fillUnit53 } from './uniform.js';

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

/** Raw engine draws per batch of the float32 block path: 78 blocks of 16. */
const RAW = new Int32Array(2 * MAX_LANES);

/**
 * The float32 block path (`normal_fill` with the AVX2 kernel) into a contiguous
 * array of n ≥ 16 elements, with float32 `mean` and `std`. PyTorch draws all n
 * uniforms, transforms the whole 16-blocks, then draws 16 more for the last 16
 * elements when n % 16 ≠ 0. Here each batch of raw engine draws is transformed
 * straight away (u = r·2^-24, so 1 − u = (2^24 − r)·2^-24), without storing
 * the uniforms first; the draws of a partial last block are consumed and
 * discarded exactly as PyTorch overwrites them.
 */
function normalBlocksFloat32(gen: Generator, out: Float32Array, mean: number, std: number): void {
  const n = out.length;
  const eng = gen.engine;
  let drawn = 0;
  let o = 0;
  while (drawn < n) {
    const c = eng.fillInt32(RAW, n - drawn);
    drawn += c;
    const whole = c & ~15;
    if (whole > 0) boxMullerBlocksFloat32(RAW, whole, out, o, mean, std);
    o += whole;
  }
  if (n % 16 !== 0) {
    eng.fillInt32(RAW, 16);
    boxMullerBlocksFloat32(RAW, 16, out, n - 16, mean, std);
  }
}

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
      normalBlocksFloat32(gen, out, fround(mean), fround(std));
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
