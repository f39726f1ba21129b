/**
 * `Tensor.cauchy_(median, sigma)`: one `random64()` uniform per element
 * (PyTorch's `cauchy_kernel` samples `at::cauchy_distribution<double>` for
 * every floating dtype).
 */

import { is113 } from './compat.js';
import { crTan } from './crtrans.js';
import { RngError, formatCppDouble } from './errors.js';
import { fma64 } from './fma.js';
import type { Generator } from './generator.js';
import type { FloatArray } from './types.js';

const TWO_M53 = 1.1102230246251565e-16;

/**
 * PyTorch's check of `cauchy_(median, sigma)`: 2.x requires `sigma > 0`
 * (`cauchy_ expects sigma > 0.0, but found sigma=0`); 1.13 accepts any sigma.
 * @throws RngError (RuntimeError).
 */
export function checkCauchyArgs(sigma: number): void {
  if (!is113() && !(sigma > 0)) {
    throw new RngError('cauchy_', `cauchy_ expects sigma > 0.0, but found sigma=${formatCppDouble(sigma)}`);
  }
}

/**
 * `Tensor.cauchy_(median, sigma)`: one `random64()` uniform `u` per element in
 * TensorIterator order, `v = fma(sigma, tan(pi * (u - 0.5)), median)` in
 * float64 (the AVX2 build contracts `median + sigma * tan(...)`), rounded to
 * the output dtype. `tan` is correctly rounded here; glibc's differs from it
 * by one ulp on about 0.24 % of float64 outputs (float32 outputs are not
 * affected in practice). Checked before any draw.
 * @throws RngError as {@link checkCauchyArgs}.
 */
export function cauchy_(gen: Generator, out: FloatArray, median = 0, sigma = 1): void {
  checkCauchyArgs(sigma);
  const n = out.length;
  const eng = gen.engine;
  for (let i = 0; i < n; i++) {
    const hi = eng.nextInt32() & 0x1fffff;
    const lo = eng.nextInt32() >>> 0;
    const u = (hi * 4294967296 + lo) * TWO_M53;
    out[i] = fma64(crTan(Math.PI * (u - 0.5)), sigma, median);
  }
}
