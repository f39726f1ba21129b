/**
 * `trsm`: triangular solve `op(T)·X = R` by substitution (no singularity check: a zero
 * diagonal gives inf/NaN, as BLAS's `trsm`).
 */
import type { LinalgParams, TensorRef } from '@antorcha/core';
import { batchOf, dims, loadMatrix, store } from './matrix.js';

/**
 * Solves in place: `r` (n×cols, row-major) becomes X. Row-oriented substitution: each
 * row of X is its right-hand side minus the earlier rows scaled by T's entries, in
 * increasing k, then divided by the diagonal (the same operations in the same order per
 * element as the column-by-column form).
 */
export function triangularSolve(t: Float64Array, n: number, r: Float64Array, cols: number, upper: boolean, transpose: boolean, unit: boolean): void {
  let a = t;
  if (transpose) {
    a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = t[j * n + i]!;
  }
  const up = upper !== transpose;
  const row = (i: number) => {
    const from = up ? i + 1 : 0;
    const to = up ? n : i;
    const ri = i * cols;
    for (let k = from; k < to; k++) {
      // No skip of zero entries: 0·inf must give NaN, as in BLAS (a singular system's inf/NaN pattern).
      const tik = a[i * n + k]!;
      const rk = k * cols;
      for (let c = 0; c < cols; c++) r[ri + c]! -= tik * r[rk + c]!;
    }
    if (!unit) {
      const d = a[i * n + i]!;
      for (let c = 0; c < cols; c++) r[ri + c]! /= d;
    }
  };
  if (up) for (let i = n - 1; i >= 0; i--) row(i);
  else for (let i = 0; i < n; i++) row(i);
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
