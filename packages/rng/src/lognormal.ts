/**
 * `Tensor.log_normal_(mean, std)`: `exp` of PyTorch's scalar Box–Muller normal
 * (`at::lognormal_distribution<double>`), sharing the generator's cached normal.
 */

import { crExp } from './crtrans.js';
import { RngError, formatCppDouble } from './errors.js';
import type { Generator } from './generator.js';
import { normalScalarSample } from './normal.js';
import type { FloatArray } from './types.js';

/**
 * PyTorch's check of `log_normal_(mean, std)`:
 * `log_normal_ expects std > 0.0, but found std=0`.
 * @throws RngError (RuntimeError) if `std` is not positive (or NaN).
 */
export function checkLogNormalArgs(std: number): void {
  if (!(std > 0)) {
    throw new RngError('log_normal_', `log_normal_ expects std > 0.0, but found std=${formatCppDouble(std)}`);
  }
}

/**
 * `Tensor.log_normal_(mean, std)`: per element (TensorIterator order) one
 * sample `z` of the scalar Box–Muller normal `N(mean, std)` in float64 — the
 * generator's cached normal first if there is one, else a fresh pair (four
 * 32-bit draws) whose sine part is cached — then `exp(z)` rounded to the
 * output dtype. Every tensor size and layout takes this path (no 16-wide
 * blocks). `exp` is correctly rounded here; glibc's differs by one ulp on
 * about 0.07 % of float64 outputs. Checked before any draw.
 * @throws RngError as {@link checkLogNormalArgs}.
 */
export function logNormal_(gen: Generator, out: FloatArray, mean = 1, std = 2): void {
  checkLogNormalArgs(std);
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = crExp(normalScalarSample(gen, mean, std));
}
