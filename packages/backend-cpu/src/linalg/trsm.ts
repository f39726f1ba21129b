/**
 * `trsm`: triangular solve `op(T)·X = R` by substitution (no singularity check: a zero
 * diagonal gives inf/NaN, as BLAS's `trsm`); `op` is the transpose, or for complex
 * dtypes with `params.conjugate` the conjugate transpose. One algorithm for real and
 * complex dtypes ({@link Mat}).
 */
import type { LinalgParams, TensorRef } from '@antorcha/core';
import { type Mat, divide, loadMat, storeMat, subScaled, transposeMat } from './field.js';
import { batchOf, dims } from './matrix.js';

/**
 * Solves in place: `r` (n×cols, row-major) becomes X. Row-oriented substitution: each
 * row of X is its right-hand side minus the earlier rows scaled by T's entries, in
 * increasing k, then divided by the diagonal (the same operations in the same order per
 * element as the column-by-column form).
 */
export function triangularSolve(t: Mat, n: number, r: Mat, cols: number, upper: boolean, transpose: boolean, unit: boolean, conjugate = false): void {
  const a = transpose ? transposeMat(t, n, n, conjugate) : t;
  const up = upper !== transpose;
  const row = (i: number) => {
    const from = up ? i + 1 : 0;
    const to = up ? n : i;
    const ri = i * cols;
    for (let k = from; k < to; k++) {
      // No skip of zero entries: 0·inf must give NaN, as in BLAS (a singular system's inf/NaN pattern).
      const q = i * n + k;
      subScaled(r, ri, 1, a.re[q]!, a.im === null ? 0 : a.im[q]!, r, k * cols, 1, cols);
    }
    if (!unit) divide(r, ri, 1, cols, a.re[i * n + i]!, a.im === null ? 0 : a.im[i * n + i]!);
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
    const t = loadMat(T, b);
    const r = loadMat(R, b);
    triangularSolve(t, n, r, cols, params.upper === true, params.transpose === true, params.unitDiagonal === true, params.conjugate === true);
    storeMat(X, b, r);
  }
}
