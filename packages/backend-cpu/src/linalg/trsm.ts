/**
 * `trsm`: triangular solve `op(T)·X = R` by substitution (no singularity check: a zero
 * diagonal gives inf/NaN, as BLAS's `trsm`).
 */
import type { LinalgParams, TensorRef } from '@antorcha/core';
import { batchOf, dims, loadMatrix, store } from './matrix.js';

/** Solves in place: `r` (n×cols, row-major) becomes `X`. */
export function triangularSolve(t: Float64Array, n: number, r: Float64Array, cols: number, upper: boolean, transpose: boolean, unit: boolean): void {
  const get = transpose ? (i: number, j: number) => t[j * n + i]! : (i: number, j: number) => t[i * n + j]!;
  const up = upper !== transpose;
  for (let c = 0; c < cols; c++) {
    if (up) {
      for (let i = n - 1; i >= 0; i--) {
        let s = r[i * cols + c]!;
        for (let k = i + 1; k < n; k++) s -= get(i, k) * r[k * cols + c]!;
        r[i * cols + c] = unit ? s : s / get(i, i);
      }
    } else {
      for (let i = 0; i < n; i++) {
        let s = r[i * cols + c]!;
        for (let k = 0; k < i; k++) s -= get(i, k) * r[k * cols + c]!;
        r[i * cols + c] = unit ? s : s / get(i, i);
      }
    }
  }
}

/** `[T, R] → [X]` (see `LinalgKernel`). */
export function trsm(inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: LinalgParams = {}): void {
  const [T, R] = inputs as [TensorRef, TensorRef];
  const [X] = outputs as [TensorRef];
  const [n] = dims(T);
  const cols = R.shape[2]!;
  for (let b = 0; b < batchOf(T); b++) {
    const t = loadMatrix(T, b);
    const r = loadMatrix(R, b);
    triangularSolve(t, n, r, cols, params.upper === true, params.transpose === true, params.unitDiagonal === true);
    store(X, b, r);
  }
}
