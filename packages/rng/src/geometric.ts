/**
 * `Tensor.geometric_(p)`: one `random64()` uniform per element
 * (`at::geometric_distribution<double>` for every dtype).
 */

import { crLog } from './crmath.js';
import { RngError, formatCppDouble } from './errors.js';
import type { Generator } from './generator.js';
import type { OutArray } from './types.js';

const TWO_M53 = 1.1102230246251565e-16;

/**
 * PyTorch's check of `geometric_(p)`:
 * `geometric_ expects p to be in (0, 1), but got p=1.5`.
 * @throws RngError (RuntimeError).
 */
export function checkGeometricArgs(p: number): void {
  if (!(p > 0 && p < 1)) {
    throw new RngError('geometric_', `geometric_ expects p to be in (0, 1), but got p=${formatCppDouble(p)}`);
  }
}

/**
 * `Tensor.geometric_(p)`: one `random64()` uniform `u` per element in
 * TensorIterator order, `ceil(log(u) / log(1 - p))` in float64 (the number of
 * Bernoulli(p) trials up to the first success, >= 1), cast to the output
 * dtype: any floating or integer array (`Float64Array` for int64 holds values
 * below 2^53 exactly, a `BigInt64Array` any value). Narrow integer outputs keep
 * the low bits as the C++ cast does on x86; values beyond the range of the
 * conversion (u = 0 gives +inf) become INT64_MIN resp. INT32_MIN's low bits,
 * as x86's conversion instructions give. Checked before any draw.
 * @throws RngError as {@link checkGeometricArgs}.
 */
export function geometric_(gen: Generator, out: OutArray, p: number): void {
  checkGeometricArgs(p);
  const n = out.length;
  const eng = gen.engine;
  const denom = crLog(1 - p);
  const big = out instanceof BigInt64Array;
  const isFloat = out instanceof Float32Array || out instanceof Float64Array;
  for (let i = 0; i < n; i++) {
    const hi = eng.nextInt32() & 0x1fffff;
    const lo = eng.nextInt32() >>> 0;
    const u = (hi * 4294967296 + lo) * TWO_M53;
    const v = Math.ceil(crLog(u) / denom);
    if (big) {
      (out as BigInt64Array)[i] = Number.isFinite(v) && v < 9223372036854775807 ? BigInt(v) : -9223372036854775808n;
    } else if (isFloat) {
      out[i] = v;
    } else {
      // x86 converts through int32 (cvttsd2si): out of range gives INT32_MIN, then the
      // typed array keeps the low bits as the narrowing cast does
      (out as Int32Array)[i] = v < 2147483648 ? v : -2147483648;
    }
  }
}
