/**
 * `sytrf`: symmetric indefinite factorization `A = L·D·Lᵀ` with Bunch–Kaufman
 * pivoting, as LAPACK's unblocked `dsytf2` with `uplo = 'L'` (what PyTorch's
 * `ldl_factor` calls): D has 1×1 and 2×2 blocks, pivots use LAPACK's encoding
 * (positive: a 1×1 block with that row interchanged; two equal negative entries: a 2×2
 * block with row `−p` interchanged with the block's second row). Only the lower triangle
 * of the input is read and written.
 */
import type { TensorRef } from '@antorcha/core';
import { batchOf, dims, iamax, loadMatrix, store, storeScalar } from './matrix.js';

const ALPHA = (1 + Math.sqrt(17)) / 8;

/** Factors the lower triangle of the row-major n×n `a` in place; writes `ipiv` (1-based); returns info. */
export function ldlInPlace(a: Float64Array, n: number, ipiv: Int32Array): number {
  const A = (i: number, j: number) => a[i * n + j]!;
  const set = (i: number, j: number, v: number) => void (a[i * n + j] = v);
  const swap = (i1: number, j1: number, i2: number, j2: number) => {
    const t = A(i1, j1);
    set(i1, j1, A(i2, j2));
    set(i2, j2, t);
  };
  let info = 0;
  let k = 0;
  while (k < n) {
    let kstep = 1;
    let kp = k;
    const absakk = Math.abs(A(k, k));
    let imax = k;
    let colmax = 0;
    if (k < n - 1) {
      imax = iamax(k + 1, n, (i) => A(i, k));
      colmax = Math.abs(A(imax, k));
    }
    if (Math.max(absakk, colmax) === 0 || absakk !== absakk) {
      if (info === 0) info = k + 1;
      kp = k;
    } else {
      if (absakk >= ALPHA * colmax) {
        kp = k;
      } else {
        let jmax = iamax(k, imax, (j) => A(imax, j));
        let rowmax = Math.abs(A(imax, jmax));
        if (imax < n - 1) {
          jmax = iamax(imax + 1, n, (i) => A(i, imax));
          rowmax = Math.max(rowmax, Math.abs(A(jmax, imax)));
        }
        if (absakk >= ALPHA * colmax * (colmax / rowmax)) {
          kp = k;
        } else if (Math.abs(A(imax, imax)) >= ALPHA * rowmax) {
          kp = imax;
        } else {
          kp = imax;
          kstep = 2;
        }
      }
      const kk = k + kstep - 1;
      if (kp !== kk) {
        for (let i = kp + 1; i < n; i++) swap(i, kk, i, kp);
        for (let j = kk + 1; j < kp; j++) swap(j, kk, kp, j);
        swap(kk, kk, kp, kp);
        if (kstep === 2) swap(k + 1, k, kp, k);
      }
      if (kstep === 1) {
        if (k < n - 1) {
          const d11 = 1 / A(k, k);
          for (let j = k + 1; j < n; j++) {
            const xj = A(j, k);
            if (xj === 0) continue;
            const t = -d11 * xj;
            for (let i = j; i < n; i++) set(i, j, A(i, j) + A(i, k) * t);
          }
          for (let i = k + 1; i < n; i++) set(i, k, A(i, k) * d11);
        }
      } else if (k < n - 2) {
        let d21 = A(k + 1, k);
        const d11 = A(k + 1, k + 1) / d21;
        const d22 = A(k, k) / d21;
        const t = 1 / (d11 * d22 - 1);
        d21 = t / d21;
        for (let j = k + 2; j < n; j++) {
          const wk = d21 * (d11 * A(j, k) - A(j, k + 1));
          const wkp1 = d21 * (d22 * A(j, k + 1) - A(j, k));
          for (let i = j; i < n; i++) set(i, j, A(i, j) - A(i, k) * wk - A(i, k + 1) * wkp1);
          set(j, k, wk);
          set(j, k + 1, wkp1);
        }
      }
    }
    if (kstep === 1) {
      ipiv[k] = kp + 1;
    } else {
      ipiv[k] = -(kp + 1);
      ipiv[k + 1] = -(kp + 1);
    }
    k += kstep;
  }
  return info;
}

/** `[A] → [LD, piv, info]` (see `LinalgKernel`). */
export function sytrf(inputs: readonly TensorRef[], outputs: readonly TensorRef[]): void {
  const [A] = inputs as [TensorRef];
  const [LD, P, info] = outputs as [TensorRef, TensorRef, TensorRef];
  const [n] = dims(A);
  const ipiv = new Int32Array(n);
  for (let b = 0; b < batchOf(A); b++) {
    const a = loadMatrix(A, b);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) a[i * n + j] = 0;
    const inf = ldlInPlace(a, n, ipiv);
    store(LD, b, a);
    store(P, b, ipiv);
    storeScalar(info, b, inf);
  }
}
