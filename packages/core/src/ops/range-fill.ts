/**
 * The values of `arange` and `linspace` as PyTorch's CPU kernels compute them
 * (aten/src/ATen/native/cpu/RangeFactoriesKernel.cpp, 1.13, built for AVX2): a
 * contiguous output is filled in blocks of two 256-bit vectors, each vector from a base
 * `start + step·idx` (one fused multiply-add, as the compiler contracts it) plus `j·step`
 * per lane (multiply and add rounded separately); the tail after the last full block
 * takes the scalar formula (fused). Matching this order is what makes the last bit agree
 * with PyTorch; a plain `start + i·step` differs in about a third of the elements.
 *
 * Outputs longer than PyTorch's parallel grain (32,768 elements) are split among its
 * threads, each starting its own blocks: these values match PyTorch run on one thread.
 */
import { fma32, fma64 } from '@antorcha/rng';
import { type DTypeName, type HostArray, castScalar } from '../dtype.js';

/** Lanes of a 256-bit vector of `dtype` (AVX2). */
function lanes(dtype: DTypeName): number {
  return dtype === 'float64' || dtype === 'int64' ? 4 : dtype === 'uint8' || dtype === 'bool' ? 32 : 8;
}

/** Arithmetic of a C++ type: float32 rounds every step to float32, others compute in double. */
interface Arith {
  fma(a: number, b: number, c: number): number;
  mul(a: number, b: number): number;
  add(a: number, b: number): number;
}
const F32: Arith = { fma: fma32, mul: (a, b) => Math.fround(a * b), add: (a, b) => Math.fround(a + b) };
const F64: Arith = { fma: fma64, mul: (a, b) => a * b, add: (a, b) => a + b };

/**
 * Fills `out` (length n) with PyTorch's block order: `base(idx)` is a vector's first
 * lane (already in the output type's values), `lane(base, j)` its lane j, `scalar(i)` the
 * tail formula.
 */
function fillBlocks(out: HostArray, n: number, w: number, base: (idx: number) => number, lane: (b: number, j: number) => number, scalar: (i: number) => number): void {
  const full = Math.floor(n / (2 * w)) * 2 * w; // whole blocks of two vectors
  for (let v = 0; v < full; v += w) {
    const b = base(v);
    out[v] = b;
    for (let j = 1; j < w; j++) out[v + j] = lane(b, j);
  }
  for (let i = full; i < n; i++) out[i] = scalar(i);
}

/**
 * `arange`'s values: `start + i·step` in the accumulate type (double for float dtypes,
 * exact integers otherwise), vector bases cast to the output type first.
 */
export function arangeValues(out: HostArray, dtype: DTypeName, n: number, start: number, step: number): void {
  if (dtype !== 'float32' && dtype !== 'float64') {
    for (let i = 0; i < n; i++) out[i] = castScalar(start + i * step, dtype);
    return;
  }
  const cast = (v: number) => castScalar(v, dtype);
  fillBlocks(
    out, n, lanes(dtype),
    (idx) => cast(fma64(step, idx, start)),
    (b, j) => cast(fma64(j, step, b)),
    (i) => cast(fma64(step, i, start)),
  );
}

/**
 * `linspace`'s values: from `start` for the first half, back from `end` for the second,
 * with the step in the output type (double for integer types).
 */
export function linspaceValues(out: HostArray, dtype: DTypeName, steps: number, start: number, end: number): void {
  const A = dtype === 'float32' ? F32 : F64;
  const s = castScalar(start, dtype);
  const e = castScalar(end, dtype);
  // C++: (end − start) / (steps − 1) in the step type, each operation rounded to it
  const step = dtype === 'float32' ? Math.fround(Math.fround(e - s) / (steps - 1)) : (e - s) / (steps - 1);
  const half = Math.floor(steps / 2);
  const cast = (v: number) => castScalar(v, dtype);
  const from = (i: number) => (i < half ? A.fma(step, i, s) : A.fma(-step, steps - i - 1, e));
  fillBlocks(
    out, steps, lanes(dtype),
    (idx) => cast(from(idx)),
    (b, j) => cast(A.add(b, A.mul(j, step))),
    (i) => cast(from(i)),
  );
}
