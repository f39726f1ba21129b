/** `sytrs`: solves `A·X = R` from `sytrf`'s lower `L·D·Lᵀ` factors, as LAPACK's `dsytrs` (`uplo = 'L'`). */
import type { TensorRef } from '@antorcha/core';
import { batchOf, dims, loadMatrix, loadVector, store } from './matrix.js';

/** Solves in place: `r` (n×cols, row-major) becomes X. */
export function ldlSolveInPlace(a: Float64Array, n: number, ipiv: ArrayLike<number>, r: Float64Array, cols: number): void {
  const A = (i: number, j: number) => a[i * n + j]!;
  const swapRows = (i: number, j: number) => {
    if (i === j) return;
    for (let c = 0; c < cols; c++) {
      const t = r[i * cols + c]!;
      r[i * cols + c] = r[j * cols + c]!;
      r[j * cols + c] = t;
    }
  };
  // r[i] -= l · r[k] for rows i in [from, n), l = A(i, col)
  const axpyCol = (col: number, from: number, k: number) => {
    for (let i = from; i < n; i++) {
      const l = A(i, col);
      if (l === 0) continue;
      for (let c = 0; c < cols; c++) r[i * cols + c]! -= l * r[k * cols + c]!;
    }
  };
  // r[k] -= Σ_{i ≥ from} A(i, col) · r[i]
  const dotCol = (col: number, from: number, k: number) => {
    for (let c = 0; c < cols; c++) {
      let s = 0;
      for (let i = from; i < n; i++) s += A(i, col) * r[i * cols + c]!;
      r[k * cols + c]! -= s;
    }
  };
  // L·D·X = R
  let k = 0;
  while (k < n) {
    if (ipiv[k]! > 0) {
      swapRows(k, ipiv[k]! - 1);
      axpyCol(k, k + 1, k);
      const d = 1 / A(k, k);
      for (let c = 0; c < cols; c++) r[k * cols + c]! *= d;
      k += 1;
    } else {
      swapRows(k + 1, -ipiv[k]! - 1);
      if (k < n - 2) {
        axpyCol(k, k + 2, k);
        axpyCol(k + 1, k + 2, k + 1);
      }
      const akm1k = A(k + 1, k);
      const akm1 = A(k, k) / akm1k;
      const ak = A(k + 1, k + 1) / akm1k;
      const denom = akm1 * ak - 1;
      for (let c = 0; c < cols; c++) {
        const bkm1 = r[k * cols + c]! / akm1k;
        const bk = r[(k + 1) * cols + c]! / akm1k;
        r[k * cols + c] = (ak * bkm1 - bk) / denom;
        r[(k + 1) * cols + c] = (akm1 * bk - bkm1) / denom;
      }
      k += 2;
    }
  }
  // Lᵀ·X = R
  k = n - 1;
  while (k >= 0) {
    if (ipiv[k]! > 0) {
      if (k < n - 1) dotCol(k, k + 1, k);
      swapRows(k, ipiv[k]! - 1);
      k -= 1;
    } else {
      if (k < n - 1) {
        dotCol(k, k + 1, k);
        dotCol(k - 1, k + 1, k - 1);
      }
      swapRows(k, -ipiv[k]! - 1);
      k -= 2;
    }
  }
}

/** `[LD, piv, R] → [X]` (see `LinalgKernel`). */
export function sytrs(inputs: readonly TensorRef[], outputs: readonly TensorRef[]): void {
  const [LD, P, R] = inputs as [TensorRef, TensorRef, TensorRef];
  const [X] = outputs as [TensorRef];
  const [n] = dims(LD);
  const cols = R.shape[2]!;
  for (let b = 0; b < batchOf(LD); b++) {
    const a = loadMatrix(LD, b);
    const piv = loadVector(P, b);
    const r = loadMatrix(R, b);
    ldlSolveInPlace(a, n, piv, r, cols);
    store(X, b, r);
  }
}
