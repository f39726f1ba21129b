/**
 * `torch.binomial(count, prob)` on CPU (`_s_binomial_cpu`, `sample_binomial`
 * in aten/src/ATen/native/Distributions.h, adapted from TensorFlow): inversion
 * by geometric waiting times when `count * p < 10`, Hörmann's BTRS
 * transformed rejection otherwise, with `p` replaced by `1 - p` above 0.5.
 */

import { crLog } from './crmath.js';
import type { Generator } from './generator.js';
import type { FloatArray } from './types.js';

const TWO_M53 = 1.1102230246251565e-16;

const TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
  0.0138761288230707, 0.0118967099458917, 0.010411265261972, 0.00925546218271273, 0.00833056343336287,
];

/** TensorFlow's `stirling_approx_tail(k)` in float64. */
function stirlingTail(k: number): number {
  if (k <= 9) return TAIL[Math.trunc(k)]!;
  const kp1sq = (k + 1) * (k + 1);
  return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

function u01(gen: Generator): number {
  const eng = gen.engine;
  const hi = eng.nextInt32() & 0x1fffff;
  const lo = eng.nextInt32() >>> 0;
  return (hi * 4294967296 + lo) * TWO_M53;
}

const id = (x: number): number => x;

/** Binomial inversion: count geometric waiting times until they pass `count`. */
function inversion(gen: Generator, count: number, prob: number, S: (x: number) => number): number {
  let geomSum = 0;
  let numGeom = 0;
  // std::log1p on the element type (log1pf for float32)
  const logprob = S(Math.log1p(S(-prob)));
  for (;;) {
    const U = u01(gen);
    const geom = Math.ceil(crLog(U) / logprob);
    geomSum += geom;
    if (geomSum > count) break;
    numGeom = S(numGeom + 1);
  }
  return numGeom;
}

/** BTRS with the element type's rounding `S` where PyTorch computes in scalar_t. */
function btrs(gen: Generator, count: number, prob: number, S: (x: number) => number): number {
  const stddev = S(Math.sqrt(S(S(count * prob) * S(1 - prob))));
  const b = 1.15 + 2.53 * stddev;
  const a = -0.0873 + 0.0248 * b + 0.01 * prob;
  const c = S(count * prob) + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = S(prob / S(1 - prob));
  const alpha = (2.83 + 5.1 / b) * stddev;
  const m = Math.floor(S(S(count + 1) * prob));
  for (;;) {
    const U = u01(gen) - 0.5;
    let V = u01(gen);
    const us = 0.5 - Math.abs(U);
    const k = S(Math.floor(((2 * a) / us + b) * U + c));
    if (k < 0 || k > count) continue;
    if (us >= 0.07 && V <= vr) return k;
    V = crLog((V * alpha) / (a / (us * us) + b));
    const cmk1 = S(S(count - k) + 1);
    const upperbound =
      (m + 0.5) * crLog((m + 1) / (r * (count - m + 1))) +
      S(count + 1) * crLog((count - m + 1) / cmk1) +
      (k + 0.5) * crLog((r * cmk1) / S(k + 1)) +
      stirlingTail(m) +
      stirlingTail(count - m) -
      stirlingTail(k) -
      stirlingTail(S(count - k));
    if (V <= upperbound) return k;
  }
}

/**
 * One sample of PyTorch's `sample_binomial(count, prob)` with element type
 * float32 (`f32`) or float64: 0 for `count <= 0` or `prob <= 0` and `count`
 * for `prob >= 1` (no draws), NaN for a NaN prob (no draws); otherwise BTRS
 * (pairs of `random64()` uniforms) when `count * p >= 10`, else inversion (one
 * `random64()` per geometric waiting time), with `p = min(prob, 1 - prob)`.
 * A non-finite count with `0 < prob < 1` gives NaN without draws (PyTorch's
 * loop does not terminate there).
 */
export function binomialSample(gen: Generator, count: number, prob: number, f32: boolean): number {
  const S = f32 ? Math.fround : id;
  if (count <= 0 || prob <= 0) return 0;
  if (prob >= 1) return count;
  if (!(prob <= 0.5 || prob > 0.5)) return NaN;
  if (!Number.isFinite(count)) return NaN;
  if (prob <= 0.5) {
    return S(count * prob) >= 10 ? btrs(gen, count, prob, S) : inversion(gen, count, prob, S);
  }
  const q = S(1.0 - prob);
  return S(count - (S(count * q) >= 10 ? btrs(gen, count, q, S) : inversion(gen, count, q, S)));
}

/**
 * `torch.binomial(count, prob)`: one sample per element, `count` and `prob`
 * already broadcast to the output (TensorIterator order) and of the output's
 * dtype (`Float32Array` → float32 arithmetic where PyTorch uses scalar_t).
 * @throws RangeError if lengths differ.
 */
export function binomial(gen: Generator, count: FloatArray, prob: FloatArray, out: FloatArray): void {
  const n = out.length;
  if (count.length !== n || prob.length !== n) {
    throw new RangeError(`binomial: count has ${count.length} elements, prob ${prob.length}, output ${n}`);
  }
  const f32 = out instanceof Float32Array;
  for (let i = 0; i < n; i++) out[i] = binomialSample(gen, count[i]!, prob[i]!, f32);
}
