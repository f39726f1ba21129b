/**
 * `getrf`: LU factorization with partial pivoting, as LAPACK's `dgetf2` (the pivot is
 * the first entry of largest magnitude in the column; a zero pivot sets `info` and the
 * elimination goes on).
 */
import type { TensorRef } from '@antorcha/core';
import { batchOf, dims, iamax, loadMatrix, store, storeScalar } from './matrix.js';

/** Factors a row-major m×n matrix in place; writes 1-based pivots into `piv`; returns LAPACK's info. */
export function luInPlace(a: Float64Array, m: number, n: number, piv: Int32Array): number {
  const k = Math.min(m, n);
  let info = 0;
  for (let j = 0; j < k; j++) {
    const p = iamax(j, m, (i) => a[i * n + j]!);
    piv[j] = p + 1;
    const pivot = a[p * n + j]!;
    if (pivot !== 0) {
      if (p !== j) {
        for (let c = 0; c < n; c++) {
          const t = a[j * n + c]!;
          a[j * n + c] = a[p * n + c]!;
          a[p * n + c] = t;
        }
      }
      const r = 1 / pivot;
      if (Math.abs(pivot) >= 2.2250738585072014e-308) for (let i = j + 1; i < m; i++) a[i * n + j]! *= r;
      else for (let i = j + 1; i < m; i++) a[i * n + j]! /= pivot;
    } else if (info === 0) {
      info = j + 1;
    }
    for (let i = j + 1; i < m; i++) {
      const l = a[i * n + j]!;
      if (l === 0) continue;
      for (let c = j + 1; c < n; c++) a[i * n + c]! -= l * a[j * n + c]!;
    }
  }
  return info;
}

/** `[A] → [LU, piv, info]` (see `LinalgKernel`). */
export function getrf(inputs: readonly TensorRef[], outputs: readonly TensorRef[]): void {
  const [A] = inputs as [TensorRef];
  const [LU, P, info] = outputs as [TensorRef, TensorRef, TensorRef];
  const [m, n] = dims(A);
  const piv = new Int32Array(Math.min(m, n));
  for (let b = 0; b < batchOf(A); b++) {
    const a = loadMatrix(A, b);
    const inf = luInPlace(a, m, n, piv);
    store(LU, b, a);
    store(P, b, piv);
    storeScalar(info, b, inf);
  }
}
