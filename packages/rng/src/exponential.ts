/**
 * `Tensor.exponential_(lambd)` (SPEC §7.1).
 */

import { is113 } from './compat.js';
import { crLog } from './crmath.js';
import { RngError, formatCppDouble } from './errors.js';
import type { Generator } from './generator.js';
import type { FloatArray } from './types.js';

const TWO_M53 = 1.1102230246251565e-16;

/**
 * PyTorch's check of `exponential_(lambd)`: 2.x requires `lambd > 0`
 * (`exponential_ expects lambda > 0.0, but found lambda=0`), 1.13 accepts 0
 * (`exponential_ expects lambda >= 0.0, but found lambda=-1`).
 * @throws RngError (RuntimeError).
 */
export function checkExponentialArgs(lambd: number): void {
  if (is113()) {
    if (!(lambd >= 0)) {
      throw new RngError('exponential_', `exponential_ expects lambda >= 0.0, but found lambda=${formatCppDouble(lambd)}`);
    }
  } else if (!(lambd > 0)) {
    throw new RngError('exponential_', `exponential_ expects lambda > 0.0, but found lambda=${formatCppDouble(lambd)}`);
  }
}

/**
 * `Tensor.exponential_(lambd)`: one `random64()` uniform `u` per element in
 * TensorIterator order, `v = (-1/lambd) * log(1 - u)` (1.13) or
 * `(-1/lambd) * log1p(-u)` (2.x), computed in float64 and rounded to the
 * output dtype. Checked before any draw.
 * @throws RngError as {@link checkExponentialArgs}.
 */
export function exponential_(gen: Generator, out: FloatArray, lambd = 1): void {
  checkExponentialArgs(lambd);
  const n = out.length;
  const eng = gen.engine;
  const c = -1 / lambd;
  const old = is113();
  for (let i = 0; i < n; i++) {
    const hi = eng.nextInt32() & 0x1fffff;
    const lo = eng.nextInt32() >>> 0;
    const u = (hi * 4294967296 + lo) * TWO_M53;
    out[i] = c * (old ? crLog(1 - u) : Math.log1p(-u));
  }
}
