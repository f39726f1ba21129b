/**
 * The element arithmetic the linalg kernels are written in, once for real and complex
 * dtypes: a matrix is a {@link Mat} (row-major float64 real parts, and imaginary parts
 * for complex64/complex128, `null` for float32/float64). Each helper branches once on
 * `im === null` outside its loop, so the real path does exactly the real operations
 * (no products with zero imaginary parts, whose `inf·0` would turn an `inf` into NaN).
 */
import type { TensorRef } from '@antorcha/core';
import { dataOf } from '../memory.js';
import { isComplexName } from '../complex/layout.js';
import { dims } from './matrix.js';

/** One matrix (or vector) of a kernel: real parts and, for complex dtypes, imaginary parts. */
export interface Mat {
  readonly re: Float64Array;
  readonly im: Float64Array | null;
}

/** A zero matrix of `size` entries, complex when `complex`. */
export function zerosMat(size: number, complex: boolean): Mat {
  return { re: new Float64Array(size), im: complex ? new Float64Array(size) : null };
}

/** A copy of `m`. */
export function cloneMat(m: Mat): Mat {
  return { re: m.re.slice(), im: m.im === null ? null : m.im.slice() };
}

/** Whether a ref holds complex elements. */
export function isComplexRef(ref: TensorRef): boolean {
  return isComplexName(ref.dtype);
}

/** Matrix `b` of a `[B, rows, cols]` ref (any strides, real or complex) as a row-major {@link Mat}. */
export function loadMat(ref: TensorRef, b: number): Mat {
  const [rows, cols] = dims(ref);
  const data = dataOf(ref);
  const [s0, s1, s2] = ref.strides as [number, number, number];
  const m = zerosMat(rows * cols, isComplexRef(ref));
  const base = ref.offset + b * s0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const e = base + i * s1 + j * s2;
      if (m.im === null) m.re[i * cols + j] = Number(data[e]);
      else {
        m.re[i * cols + j] = Number(data[2 * e]);
        m.im[i * cols + j] = Number(data[2 * e + 1]);
      }
    }
  }
  return m;
}

/** Vector `b` of a `[B, len]` ref (any strides, real or complex). */
export function loadVec(ref: TensorRef, b: number): Mat {
  const len = ref.shape[1]!;
  const data = dataOf(ref);
  const m = zerosMat(len, isComplexRef(ref));
  const base = ref.offset + b * ref.strides[0]!;
  for (let i = 0; i < len; i++) {
    const e = base + i * ref.strides[1]!;
    if (m.im === null) m.re[i] = Number(data[e]);
    else {
      m.re[i] = Number(data[2 * e]);
      m.im[i] = Number(data[2 * e + 1]);
    }
  }
  return m;
}

/** Writes `m` (row-major, one batch element) into batch element `b` of a contiguous output ref (real or complex). */
export function storeMat(ref: TensorRef, b: number, m: Mat): void {
  const data = dataOf(ref) as Float64Array;
  let size = 1;
  for (let d = 1; d < ref.shape.length; d++) size *= ref.shape[d]!;
  const base = ref.offset + b * size;
  if (!isComplexRef(ref)) {
    for (let i = 0; i < size; i++) data[base + i] = m.re[i]!;
    return;
  }
  for (let i = 0; i < size; i++) {
    data[2 * (base + i)] = m.re[i]!;
    data[2 * (base + i) + 1] = m.im === null ? 0 : m.im[i]!;
  }
}

/** `|re| + |im|` of entry `i` (BLAS's `dcabs1`, the pivot measure of `izamax`); `|re|` for real. */
export function abs1(m: Mat, i: number): number {
  return m.im === null ? Math.abs(m.re[i]!) : Math.abs(m.re[i]!) + Math.abs(m.im[i]!);
}

/** The modulus of entry `i`. */
export function absAt(m: Mat, i: number): number {
  return m.im === null ? Math.abs(m.re[i]!) : Math.hypot(m.re[i]!, m.im[i]!);
}

/** Swaps entries `i` and `j`. */
export function swap(m: Mat, i: number, j: number): void {
  const t = m.re[i]!;
  m.re[i] = m.re[j]!;
  m.re[j] = t;
  if (m.im !== null) {
    const u = m.im[i]!;
    m.im[i] = m.im[j]!;
    m.im[j] = u;
  }
}

/** `y[yi + k·ys] −= (ar + i·ai)·x[xi + k·xs]` for k < len (`ai` ignored for a real `y`). */
export function subScaled(y: Mat, yi: number, ys: number, ar: number, ai: number, x: Mat, xi: number, xs: number, len: number): void {
  if (y.im === null || x.im === null) {
    for (let k = 0; k < len; k++) y.re[yi + k * ys]! -= ar * x.re[xi + k * xs]!;
    return;
  }
  const yr = y.re;
  const yim = y.im;
  const xr = x.re;
  const xim = x.im;
  for (let k = 0; k < len; k++) {
    const p = xi + k * xs;
    const q = yi + k * ys;
    const br = xr[p]!;
    const bi = xim[p]!;
    yr[q]! -= ar * br - ai * bi;
    yim[q]! -= ar * bi + ai * br;
  }
}

/** `m[i + k·s] *= (ar + i·ai)` for k < len. */
export function scale(m: Mat, i0: number, s: number, len: number, ar: number, ai: number): void {
  if (m.im === null) {
    for (let k = 0; k < len; k++) m.re[i0 + k * s]! *= ar;
    return;
  }
  for (let k = 0; k < len; k++) {
    const q = i0 + k * s;
    const xr = m.re[q]!;
    const xi = m.im[q]!;
    m.re[q] = xr * ar - xi * ai;
    m.im[q] = xr * ai + xi * ar;
  }
}

/** Scratch for {@link cdiv}'s result. */
const OUT = new Float64Array(2);

/** `(a + i·b) / (c + i·d)` by Smith's algorithm (LAPACK's `zladiv` choice), into `out`. */
export function cdiv(a: number, b: number, c: number, d: number, out: Float64Array = OUT): Float64Array {
  if (Math.abs(c) >= Math.abs(d)) {
    const r = d / c;
    const den = c + d * r;
    out[0] = (a + b * r) / den;
    out[1] = (b - a * r) / den;
  } else {
    const r = c / d;
    const den = c * r + d;
    out[0] = (a * r + b) / den;
    out[1] = (b * r - a) / den;
  }
  return out;
}

/** One complex number as [re, im], for the kernels whose steps are scalar (Bunch–Kaufman). */
export type C = [number, number];
/** a·b */
export const mul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
/** a/b (a real b divides each part, exactly as the real algorithm does) */
export const div = (a: C, b: C): C => (b[1] === 0 ? [a[0] / b[0], a[1] / b[0]] : (Array.from(cdiv(a[0], a[1], b[0], b[1])) as C));
/** a − b */
export const sub = (a: C, b: C): C => [a[0] - b[0], a[1] - b[1]];
/** conj(a) */
export const conj = (a: C): C => [a[0], -a[1]];

/** `m[i + k·s] /= (dr + i·di)` for k < len (`di` ignored for a real `m`). */
export function divide(m: Mat, i0: number, s: number, len: number, dr: number, di: number): void {
  if (m.im === null) {
    for (let k = 0; k < len; k++) m.re[i0 + k * s]! /= dr;
    return;
  }
  for (let k = 0; k < len; k++) {
    const q = i0 + k * s;
    cdiv(m.re[q]!, m.im[q]!, dr, di);
    m.re[q] = OUT[0]!;
    m.im[q] = OUT[1]!;
  }
}

/** The (optionally conjugated, when `conj`) transpose of a row-major rows×cols matrix. */
export function transposeMat(m: Mat, rows: number, cols: number, conj: boolean): Mat {
  const t = zerosMat(rows * cols, m.im !== null);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      t.re[j * rows + i] = m.re[i * cols + j]!;
      if (m.im !== null) t.im![j * rows + i] = conj ? -m.im[i * cols + j]! : m.im[i * cols + j]!;
    }
  }
  return t;
}
