/**
 * `torch.poisson(rates)` on CPU (`_s_poisson_cpu` / `sample_poisson` in
 * aten/src/ATen/native/Distributions.cpp): multiplication of uniforms for
 * rates below 10, Hörmann's transformed rejection (PTRS) from 10 up.
 */

import { crLog } from './crmath.js';
import { crExp } from './crtrans.js';
import { RngError } from './errors.js';
import type { Generator } from './generator.js';
import type { FloatArray } from './types.js';

const TWO_M53 = 1.1102230246251565e-16;
const INT64_MIN = -9223372036854775808;
const HALF_LOG_2PI = 0.9189385332046728;

/** The text PyTorch raises for a negative (or NaN) Poisson rate. */
export const POISSON_RATE_MESSAGE = 'invalid Poisson rate, expected rate to be non-negative';

/**
 * PyTorch's check of the rates of `torch.poisson`: every rate `>= 0` (NaN
 * fails). PyTorch checks while sampling; this checks all rates before any draw.
 * @throws RngError (RuntimeError) {@link POISSON_RATE_MESSAGE}.
 */
export function checkPoissonRates(rates: FloatArray): void {
  for (let i = 0; i < rates.length; i++) {
    if (!(rates[i]! >= 0)) throw new RngError('poisson', POISSON_RATE_MESSAGE);
  }
}

/** log(k!) = lgamma(k + 1) for an integer k >= 0 (only used in a rejection test). */
function logFactorial(k: number): number {
  if (k < 20) {
    let p = 1;
    for (let i = 2; i <= k; i++) p *= i;
    return crLog(p);
  }
  const x = k + 1;
  const r = 1 / x;
  const r2 = r * r;
  // Stirling series of lgamma(x), x >= 21: error below 1e-16 relative
  const series = r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 / 1188))));
  return (x - 0.5) * crLog(x) - x + HALF_LOG_2PI + series;
}

/** One 53-bit uniform (`random64()`). */
function u01(gen: Generator): number {
  const eng = gen.engine;
  const hi = eng.nextInt32() & 0x1fffff;
  const lo = eng.nextInt32() >>> 0;
  return (hi * 4294967296 + lo) * TWO_M53;
}

/**
 * One sample of PyTorch's `sample_poisson(lambda)` (float64 arithmetic, no
 * FMA): 0 for rate 0 (no draw); below 10, the number of uniforms whose
 * running product stays above `exp(-lambda)` (one `random64()` each);
 * from 10 up, the transformed rejection method with pairs of `random64()`
 * uniforms. Returns the int64 result as a number (`INT64_MIN` where the C++
 * cast of a non-finite value gives it, e.g. an infinite rate).
 */
export function poissonSample(gen: Generator, lambda: number): number {
  if (lambda >= 10) {
    const slam = Math.sqrt(lambda);
    const loglam = crLog(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const U = u01(gen) - 0.5;
      const V = u01(gen);
      const us = 0.5 - Math.abs(U);
      const f = Math.floor(((2 * a) / us + b) * U + lambda + 0.43);
      // (int64_t) of a double: x86 gives INT64_MIN for NaN and out-of-range values
      const k = f >= -9223372036854775808 && f < 9223372036854775808 ? f : INT64_MIN;
      if (us >= 0.07 && V <= vr) return k;
      if (k < 0 || (us < 0.013 && V > us)) continue;
      if (crLog(V) + crLog(invalpha) - crLog(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
    }
  }
  if (lambda === 0) return 0;
  const enlam = crExp(-lambda);
  let X = 0;
  let prod = 1.0;
  for (;;) {
    prod *= u01(gen);
    if (prod > enlam) X += 1;
    else return X;
  }
}

/**
 * `torch.poisson(rates)`: one sample per rate (TensorIterator order, so
 * `rates` and `out` are in the same order), written in the output dtype
 * (`Float32Array` / `Float64Array`). Rates are checked before any draw.
 * @throws RngError as {@link checkPoissonRates}; RangeError if lengths differ.
 */
export function poisson(gen: Generator, rates: FloatArray, out: FloatArray): void {
  const n = out.length;
  if (rates.length !== n) throw new RangeError(`poisson: rates has ${rates.length} elements, output ${n}`);
  checkPoissonRates(rates);
  for (let i = 0; i < n; i++) out[i] = poissonSample(gen, rates[i]!);
}
