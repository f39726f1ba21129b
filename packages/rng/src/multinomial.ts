/**
 * `torch.multinomial(probs, numSamples, replacement)` (SPEC §7.2–7.3;
 * `native/Distributions.cpp`, `native/cpu/MultinomialKernel.cpp`).
 */

import { is113 } from './compat.js';
import { crLog } from './crmath.js';
import { RngError } from './errors.js';
import type { Generator } from './generator.js';
import type { FloatArray } from './types.js';

const TWO_M53 = 1.1102230246251565e-16;

/** Shape and options of a multinomial call. */
export interface MultinomialOptions {
  /** Number of dimensions of the probability tensor (PyTorch accepts 1 or 2). Default 1 when rows == 1. */
  dim?: number;
  /** Categories per row (the last dimension). Default: `probs.length` (one row). */
  numCategories?: number;
  /** Whether the dtype of probs is floating (PyTorch rejects integer probs). Default true. */
  dtypeName?: string;
}

/** Output arrays of multinomial (int64 indices). */
export type IndexArray = Float64Array | BigInt64Array | Int32Array;

/** Writes index v into out[i] (a bigint for BigInt64Array). */
function putIndex(out: IndexArray, i: number, v: number): void {
  if (out instanceof BigInt64Array) out[i] = BigInt(v);
  else out[i] = v;
}

/** Whether PyTorch uses the exponential-race path (`!replacement || n == 1` in 2.x, `!replacement` in 1.13). */
export function multinomialUsesExponentialPath(numSamples: number, replacement: boolean): boolean {
  return !replacement || (!is113() && numSamples === 1);
}

/**
 * PyTorch's argument checks of `multinomial`, in its order and with its
 * texts, including the value checks of the chosen path:
 * `prob_dist must be 1 or 2 dim`,
 * `multinomial only supports floating-point dtypes for input, got: Long`,
 * `cannot sample n_sample <= 0 samples`,
 * `cannot sample n_sample > prob_dist.size(-1) samples without replacement`,
 * `number of categories cannot exceed 2^24`,
 * `probability tensor contains either \`inf\`, \`nan\` or element < 0`,
 * `invalid multinomial distribution (sum of probabilities <= 0)`,
 * `invalid multinomial distribution (encountering probability entry < 0)`,
 * `invalid multinomial distribution (encountering probability entry = infinity or NaN)`.
 * All checks happen before any draw (PyTorch's with-replacement kernel
 * checks row by row while sampling).
 * @throws RngError (RuntimeError).
 */
export function checkMultinomialArgs(
  probs: FloatArray,
  numSamples: number,
  replacement: boolean,
  opts: MultinomialOptions = {},
): void {
  const k = opts.numCategories ?? probs.length;
  const dim = opts.dim ?? (k === probs.length ? 1 : 2);
  if (!(dim > 0 && dim <= 2)) throw new RngError('multinomial', 'prob_dist must be 1 or 2 dim');
  if (opts.dtypeName !== undefined && opts.dtypeName !== 'float32' && opts.dtypeName !== 'float64') {
    const pretty: Record<string, string> = { int64: 'Long', int32: 'Int', int16: 'Short', int8: 'Char', uint8: 'Byte', bool: 'Bool' };
    throw new RngError(
      'multinomial',
      `multinomial only supports floating-point dtypes for input, got: ${pretty[opts.dtypeName] ?? opts.dtypeName}`,
    );
  }
  if (!(numSamples > 0)) throw new RngError('multinomial', 'cannot sample n_sample <= 0 samples');
  if (!(replacement || numSamples <= k)) {
    throw new RngError('multinomial', 'cannot sample n_sample > prob_dist.size(-1) samples without replacement');
  }
  if (k > 16777216) throw new RngError('multinomial', 'number of categories cannot exceed 2^24');
  const rows = k === 0 ? 0 : probs.length / k;
  if (rows === 0) return;
  if (multinomialUsesExponentialPath(numSamples, replacement)) {
    let ok = true;
    for (let i = 0; i < probs.length; i++) {
      const p = probs[i]!;
      if (!(p < Infinity && p >= 0)) ok = false;
    }
    if (!ok) throw new RngError('multinomial', 'probability tensor contains either `inf`, `nan` or element < 0');
    for (let r = 0; r < rows; r++) {
      let allZero = true;
      for (let j = 0; j < k; j++) if (probs[r * k + j] !== 0) allZero = false;
      if (allZero) throw new RngError('multinomial', 'invalid multinomial distribution (sum of probabilities <= 0)');
    }
    return;
  }
  const f32 = probs instanceof Float32Array;
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const v = probs[r * k + j]!;
      if (!(v >= 0)) {
        throw new RngError('multinomial', 'invalid multinomial distribution (encountering probability entry < 0)');
      }
      if (!Number.isFinite(v)) {
        throw new RngError(
          'multinomial',
          'invalid multinomial distribution (encountering probability entry = infinity or NaN)',
        );
      }
      sum = f32 ? Math.fround(sum + v) : sum + v;
    }
    if (!(sum > 0)) throw new RngError('multinomial', 'invalid multinomial distribution (sum of probabilities <= 0)');
  }
}

/**
 * `torch.multinomial(probs, numSamples, replacement)`. `probs` is the
 * probability tensor in row-major order (contiguous), float32
 * (`Float32Array`) or float64 (`Float64Array`), with `opts.numCategories`
 * per row (default: one row). Writes `rows * numSamples` int64 indices into
 * `out` (row-major).
 *
 * - Exponential race (`replacement == false`; in 2.x also `numSamples == 1`):
 *   `q = empty_like(p).exponential_(1)` (one `random64()` per entry, all
 *   rows), `s = p / q` in p's dtype, then per row `argmax(s)` (first maximum;
 *   NaN counts as largest) for one sample, else the indices of the
 *   `numSamples` largest `s` in descending order (ties — only possible
 *   between equal values such as zero probabilities — by lower index;
 *   PyTorch's `topk` order for ties is unspecified).
 * - Inverse CDF (`replacement == true`, and 1.13 always): per row the
 *   cumulative sum in p's dtype, divided by the total, last bucket forced to
 *   1; each sample draws one `random64()` uniform `u` and takes the first
 *   bucket with `cum >= u` (binary search).
 * @throws RngError as {@link checkMultinomialArgs}; RangeError for a bad `out` size.
 */
export function multinomial(
  gen: Generator,
  probs: FloatArray,
  numSamples: number,
  replacement: boolean,
  out: IndexArray,
  opts: MultinomialOptions = {},
): void {
  checkMultinomialArgs(probs, numSamples, replacement, opts);
  const k = opts.numCategories ?? probs.length;
  const rows = k === 0 ? 0 : probs.length / k;
  if (out.length !== rows * numSamples) {
    throw new RangeError(`multinomial: out has ${out.length} elements, expected ${rows * numSamples}`);
  }
  if (rows === 0) return;
  const f32 = probs instanceof Float32Array;
  const eng = gen.engine;
  if (multinomialUsesExponentialPath(numSamples, replacement)) {
    const old = is113();
    const s = f32 ? new Float32Array(probs.length) : new Float64Array(probs.length);
    for (let i = 0; i < probs.length; i++) {
      const hi = eng.nextInt32() & 0x1fffff;
      const lo = eng.nextInt32() >>> 0;
      const u = (hi * 4294967296 + lo) * TWO_M53;
      let q = -1 * (old ? crLog(1 - u) : Math.log1p(-u));
      if (f32) q = Math.fround(q);
      s[i] = probs[i]! / q; // rounded to p's dtype by the store
    }
    for (let r = 0; r < rows; r++) {
      const o = r * k;
      if (numSamples === 1) {
        let best = 0;
        let bv = s[o]!;
        if (bv === bv) {
          for (let j = 1; j < k; j++) {
            const v = s[o + j]!;
            if (v !== v) {
              best = j;
              break;
            }
            if (v > bv) {
              bv = v;
              best = j;
            }
          }
        }
        putIndex(out, r, best);
        continue;
      }
      const idx = Array.from({ length: k }, (_, j) => j);
      idx.sort((a, b) => {
        const va = s[o + a]!;
        const vb = s[o + b]!;
        const na = va !== va;
        const nb = vb !== vb;
        if (na || nb) return na && nb ? a - b : na ? -1 : 1;
        return va > vb ? -1 : va < vb ? 1 : a - b;
      });
      for (let j = 0; j < numSamples; j++) putIndex(out, r * numSamples + j, idx[j]!);
    }
    return;
  }
  const cum = f32 ? new Float32Array(k) : new Float64Array(k);
  for (let r = 0; r < rows; r++) {
    const o = r * k;
    let sum = 0;
    for (let j = 0; j < k; j++) {
      sum = f32 ? Math.fround(sum + probs[o + j]!) : sum + probs[o + j]!;
      cum[j] = sum;
    }
    for (let j = 0; j < k; j++) cum[j] = cum[j]! / sum; // rounded to the dtype by the store
    cum[k - 1] = 1;
    for (let t = 0; t < numSamples; t++) {
      const hi = eng.nextInt32() & 0x1fffff;
      const lo = eng.nextInt32() >>> 0;
      const u = (hi * 4294967296 + lo) * TWO_M53;
      let left = 0;
      let right = k;
      while (right - left > 0) {
        const mid = left + ((right - left) >> 1);
        if (cum[mid]! < u) left = mid + 1;
        else right = mid;
      }
      putIndex(out, r * numSamples + t, left);
    }
  }
}
