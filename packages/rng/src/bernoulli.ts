/**
 * `Tensor.bernoulli_(p)`, `torch.bernoulli(probs)` and dropout (SPEC §6),
 * non-MKL kernels (PyTorch 2.x everywhere; 1.13 on AMD CPUs and non-MKL builds).
 */

import { RngError, formatCppDouble } from './errors.js';
import type { Generator } from './generator.js';
import type { FloatArray, OutArray } from './types.js';

const TWO_M53 = 1.1102230246251565e-16;
const TWO_M24 = 5.9604644775390625e-8;

/**
 * PyTorch's check of `bernoulli_(p: float)`:
 * `bernoulli_ expects p to be in [0, 1], but got p=1.5`.
 * @throws RngError (RuntimeError).
 */
export function checkBernoulliP(p: number): void {
  if (!(p >= 0 && p <= 1)) {
    throw new RngError('bernoulli_', `bernoulli_ expects p to be in [0, 1], but got p=${formatCppDouble(p)}`);
  }
}

/** The text PyTorch raises for a probability tensor entry outside [0, 1] (or NaN). */
export const BERNOULLI_TENSOR_P_MESSAGE =
  'Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)';

/**
 * PyTorch's check of a probability tensor for `bernoulli(probs)`: every entry
 * in [0, 1] (NaN fails). PyTorch checks while sampling; this checks all
 * entries before any draw.
 * @throws RngError (RuntimeError) {@link BERNOULLI_TENSOR_P_MESSAGE}.
 */
export function checkBernoulliProbs(probs: FloatArray): void {
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i]!;
    if (!(p >= 0 && p <= 1)) throw new RngError('bernoulli', BERNOULLI_TENSOR_P_MESSAGE);
  }
}

/**
 * `Tensor.bernoulli_(p)` with a scalar p: one `random64()` uniform `u` per
 * element (TensorIterator order), output `u < p ? 1 : 0` in any dtype
 * (`Uint8Array` for uint8/bool, `Float64Array` for float64 or int64, …).
 * This is the non-MKL kernel (PyTorch 1.13 on Intel CPUs with MKL used
 * another stream). Checked before any draw.
 * @throws RngError as {@link checkBernoulliP}.
 */
export function bernoulliScalar_(gen: Generator, out: OutArray, p: number): void {
  checkBernoulliP(p);
  const n = out.length;
  const eng = gen.engine;
  if (out instanceof BigInt64Array) {
    for (let i = 0; i < n; i++) {
      const hi = eng.nextInt32() & 0x1fffff;
      const lo = eng.nextInt32() >>> 0;
      out[i] = (hi * 4294967296 + lo) * TWO_M53 < p ? 1n : 0n;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const hi = eng.nextInt32() & 0x1fffff;
    const lo = eng.nextInt32() >>> 0;
    out[i] = (hi * 4294967296 + lo) * TWO_M53 < p ? 1 : 0;
  }
}

/**
 * `torch.bernoulli(probs)` / `Tensor.bernoulli_(p_tensor)`: `probs` holds
 * one probability per output element (already broadcast, TensorIterator
 * order). The kernel depends on the dtype of p: float64 probabilities
 * (`Float64Array`) compare against a `random64()` uniform, float32
 * probabilities (`Float32Array`) against a `random()` 24-bit uniform.
 * Checked before any draw.
 * @throws RngError as {@link checkBernoulliProbs}; RangeError if lengths differ.
 */
export function bernoulliTensor_(gen: Generator, out: OutArray, probs: FloatArray): void {
  const n = out.length;
  if (probs.length !== n) throw new RangeError(`bernoulli: probs has ${probs.length} elements, output ${n}`);
  checkBernoulliProbs(probs);
  const eng = gen.engine;
  const big = out instanceof BigInt64Array;
  if (probs instanceof Float64Array) {
    for (let i = 0; i < n; i++) {
      const hi = eng.nextInt32() & 0x1fffff;
      const lo = eng.nextInt32() >>> 0;
      const b = (hi * 4294967296 + lo) * TWO_M53 < probs[i]!;
      if (big) (out as BigInt64Array)[i] = b ? 1n : 0n;
      else (out as Exclude<OutArray, BigInt64Array>)[i] = b ? 1 : 0;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const b = (eng.nextInt32() & 0xffffff) * TWO_M24 < probs[i]!;
    if (big) (out as BigInt64Array)[i] = b ? 1n : 0n;
    else (out as Exclude<OutArray, BigInt64Array>)[i] = b ? 1 : 0;
  }
}

/**
 * Python's check of `F.dropout(x, p)`:
 * `dropout probability has to be between 0 and 1, but got 1.5` (ValueError).
 * @throws RngError (ValueError).
 */
export function checkDropoutP(p: number): void {
  if (!(p >= 0 && p <= 1)) {
    throw new RngError('dropout', `dropout probability has to be between 0 and 1, but got ${pyFloat(p)}`, 'ValueError');
  }
}

/** Python's `repr(float)` for the common cases (shortest round-trip). */
function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return x.toFixed(1);
  const s = String(x);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/**
 * The dropout noise of `F.dropout(x, p, training=True)` on CPU:
 * `noise = empty_like(x).bernoulli_(1 - p)` (one `random64()` per element in
 * TensorIterator order), then `noise.div_(1 - p)` in the dtype: kept
 * elements get `1 / (1 - p)` (float32: `fround(1 / fround(1 - p))`), dropped
 * ones 0. `p == 0` or `p == 1` draw nothing (PyTorch returns early): the mask
 * is then all `1` resp. all `0`.
 * @throws RngError as {@link checkDropoutP}.
 */
export function dropoutMask_(gen: Generator, mask: FloatArray, p: number): void {
  checkDropoutP(p);
  if (p === 0 || p === 1) {
    mask.fill(p === 0 ? 1 : 0);
    return;
  }
  const keep = 1 - p;
  bernoulliScalar_(gen, mask, keep);
  const scale = mask instanceof Float32Array ? Math.fround(1 / Math.fround(keep)) : 1 / keep;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) mask[i] = scale;
}

/**
 * `F.dropout(x, p, training)` on CPU, written into `out` (may be `x`):
 * `out = x * noise` with the noise of {@link dropoutMask_}, in x's dtype.
 * `training = false`, `p == 0` or an empty x copy x (no draws); `p == 1`
 * gives `x * 0` (no draws). `x` and `out` are in TensorIterator order
 * (storage order for non-contiguous x, as `empty_like` keeps the strides).
 * @throws RngError as {@link checkDropoutP}.
 */
export function dropout(gen: Generator, x: FloatArray, out: FloatArray, p: number, training = true): void {
  checkDropoutP(p);
  const n = x.length;
  if (out.length !== n) throw new RangeError(`dropout: out has ${out.length} elements, x ${n}`);
  if (p === 0 || !training || n === 0) {
    if (out !== x) out.set(x);
    return;
  }
  if (p === 1) {
    for (let i = 0; i < n; i++) out[i] = x[i]! * 0;
    return;
  }
  const mask = x instanceof Float32Array ? new Float32Array(n) : new Float64Array(n);
  dropoutMask_(gen, mask, p);
  for (let i = 0; i < n; i++) out[i] = x[i]! * mask[i]!;
}
