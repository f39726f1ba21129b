/**
 * Moving one matrix of a batched {@link TensorRef} in and out of a row-major
 * Float64Array: every linalg kernel works on such a copy. float32 inputs are widened
 * exactly, so the factorizations compute in float64 and round once when the result is
 * stored (PyTorch's LAPACK computes float32 in float32; the results agree to float32's
 * rounding).
 */
import type { TensorRef } from '@antorcha/core';
import { dataOf } from '../memory.js';

/** Rows and columns of the matrices of a `[B, rows, cols]` ref. */
export function dims(ref: TensorRef): [number, number] {
  return [ref.shape[1]!, ref.shape[2]!];
}

/** Matrix `b` of a `[B, rows, cols]` ref (any strides) as a row-major Float64Array. */
export function loadMatrix(ref: TensorRef, b: number): Float64Array {
  const [rows, cols] = dims(ref);
  const data = dataOf(ref);
  const [s0, s1, s2] = ref.strides as [number, number, number];
  const out = new Float64Array(rows * cols);
  const base = ref.offset + b * s0;
  for (let i = 0; i < rows; i++) {
    const r = base + i * s1;
    for (let j = 0; j < cols; j++) out[i * cols + j] = Number(data[r + j * s2]);
  }
  return out;
}

/** Vector `b` of a `[B, len]` ref (any strides) as a Float64Array. */
export function loadVector(ref: TensorRef, b: number): Float64Array {
  const len = ref.shape[1]!;
  const data = dataOf(ref);
  const out = new Float64Array(len);
  const base = ref.offset + b * ref.strides[0]!;
  for (let i = 0; i < len; i++) out[i] = Number(data[base + i * ref.strides[1]!]);
  return out;
}

/** Writes `values` (row-major, the size of one batch element) into batch element `b` of a contiguous output ref. */
export function store(ref: TensorRef, b: number, values: ArrayLike<number>): void {
  const data = dataOf(ref) as Float64Array;
  let size = 1;
  for (let d = 1; d < ref.shape.length; d++) size *= ref.shape[d]!;
  const base = ref.offset + b * size;
  for (let i = 0; i < size; i++) data[base + i] = values[i]!;
}

/** Writes one number (an `info`) at batch element `b` of a contiguous `[B]` ref. */
export function storeScalar(ref: TensorRef, b: number, value: number): void {
  (dataOf(ref) as Int32Array)[ref.offset + b] = value;
}

/** The batch size of a kernel's refs. */
export function batchOf(ref: TensorRef): number {
  return ref.shape[0]!;
}

/**
 * Index of the first entry of largest magnitude among `get(i)`, `i` in `[from, to)`, as
 * BLAS's `idamax`: the first entry is the start and only a strictly larger one replaces
 * it, so a NaN in first place stays the pivot and a NaN later never wins.
 */
export function iamax(from: number, to: number, get: (i: number) => number): number {
  let best = from;
  let bestAbs = Math.abs(get(from));
  for (let i = from + 1; i < to; i++) {
    const v = Math.abs(get(i));
    if (v > bestAbs) {
      bestAbs = v;
      best = i;
    }
  }
  return best;
}
