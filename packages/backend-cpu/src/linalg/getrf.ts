/**
 * `getrf`: LU factorization with partial pivoting, as LAPACK's `dgetf2`/`zgetf2` (the
 * pivot is the first entry of largest magnitude in the column, `|re| + |im|` for complex
 * as `izamax`; a zero pivot sets `info` and the elimination goes on). One algorithm for
 * real and complex dtypes ({@link Mat}).
 */
import type { TensorRef } from '@antorcha/core';
import { type Mat, abs1, absAt, cdiv, divide, loadMat, scale, storeMat, subScaled, swap } from './field.js';
import { batchOf, dims, iamax, store, storeScalar } from './matrix.js';

const SFMIN = 2.2250738585072014e-308;

/** Factors a row-major m×n matrix in place; writes 1-based pivots into `piv`; returns LAPACK's info. */
export function luInPlace(a: Mat, m: number, n: number, piv: Int32Array): number {
  const k = Math.min(m, n);
  let info = 0;
  for (let j = 0; j < k; j++) {
    const p = iamax(j, m, (i) => abs1(a, i * n + j));
    piv[j] = p + 1;
    const pr = a.re[p * n + j]!;
    const pi = a.im === null ? 0 : a.im[p * n + j]!;
    if (pr !== 0 || pi !== 0) {
      if (p !== j) for (let c = 0; c < n; c++) swap(a, j * n + c, p * n + c);
      if (absAt(a, j * n + j) >= SFMIN) {
        const r = a.im === null ? [1 / pr, 0] : cdiv(1, 0, pr, pi);
        scale(a, (j + 1) * n + j, n, m - j - 1, r[0]!, r[1]!);
      } else {
        divide(a, (j + 1) * n + j, n, m - j - 1, pr, pi);
      }
    } else if (info === 0) {
      info = j + 1;
    }
    for (let i = j + 1; i < m; i++) {
      const lr = a.re[i * n + j]!;
      const li = a.im === null ? 0 : a.im[i * n + j]!;
      if (lr === 0 && li === 0) continue;
      subScaled(a, i * n + j + 1, 1, lr, li, a, j * n + j + 1, 1, n - j - 1);
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
    const a = loadMat(A, b);
    const inf = luInPlace(a, m, n, piv);
    storeMat(LU, b, a);
    store(P, b, piv);
    storeScalar(info, b, inf);
  }
}
