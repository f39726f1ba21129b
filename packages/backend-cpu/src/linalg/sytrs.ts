/**
 * `sytrs`: solves `A·X = R` from `sytrf`'s lower `L·D·Lᵀ` factors (`L·D·Lᴴ` with
 * `params.hermitian`), as LAPACK's `dsytrs`/`zsytrs`/`zhetrs` (`uplo = 'L'`); one algorithm
 * for real, complex symmetric and Hermitian factors ({@link Mat}).
 */
import type { LinalgParams, TensorRef } from '@antorcha/core';
import { type C, type Mat, div, loadMat, loadVec, mul, storeMat, sub, subScaled, swap } from './field.js';
import { batchOf, dims } from './matrix.js';


/** Solves in place: `r` (n×cols, row-major) becomes X. */
export function ldlSolveInPlace(a: Mat, n: number, ipiv: ArrayLike<number>, r: Mat, cols: number, herm = false): void {
  const cx = a.im !== null;
  const hm = cx && herm;
  const A = (i: number, j: number): C => [a.re[i * n + j]!, cx ? a.im![i * n + j]! : 0];
  const R = (i: number, c: number): C => [r.re[i * cols + c]!, cx ? r.im![i * cols + c]! : 0];
  const setR = (i: number, c: number, v: C) => {
    r.re[i * cols + c] = v[0];
    if (cx) r.im![i * cols + c] = v[1];
  };
  const cj = (v: C): C => (hm ? [v[0], -v[1]] : v);
  const swapRows = (i: number, j: number) => {
    if (i === j) return;
    for (let c = 0; c < cols; c++) swap(r, i * cols + c, j * cols + c);
  };
  // rows from.. of R −= L[:, col]·R[k]
  const axpyCol = (col: number, from: number, k: number) => {
    for (let i = from; i < n; i++) {
      const [lr, li] = A(i, col);
      if (lr === 0 && li === 0) continue;
      subScaled(r, i * cols, 1, lr, li, r, k * cols, 1, cols);
    }
  };
  // R[k] −= L[from.., col]⁽ᴴ⁾·R[from..]
  const dotCol = (col: number, from: number, k: number) => {
    for (let c = 0; c < cols; c++) {
      let s: C = [0, 0];
      for (let i = from; i < n; i++) {
        const p = mul(cj(A(i, col)), R(i, c));
        s = [s[0] + p[0], s[1] + p[1]];
      }
      setR(k, c, sub(R(k, c), s));
    }
  };
  let k = 0;
  while (k < n) {
    if (ipiv[k]! > 0) {
      swapRows(k, ipiv[k]! - 1);
      axpyCol(k, k + 1, k);
      const d = div([1, 0], A(k, k));
      for (let c = 0; c < cols; c++) setR(k, c, mul(R(k, c), d));
      k += 1;
    } else {
      swapRows(k + 1, -ipiv[k]! - 1);
      if (k < n - 2) {
        axpyCol(k, k + 2, k);
        axpyCol(k + 1, k + 2, k + 1);
      }
      const akm1k = A(k + 1, k);
      const akm1 = div(A(k, k), cj(akm1k));
      const ak = div(A(k + 1, k + 1), akm1k);
      const denom = sub(mul(akm1, ak), [1, 0]);
      for (let c = 0; c < cols; c++) {
        const bkm1 = div(R(k, c), cj(akm1k));
        const bk = div(R(k + 1, c), akm1k);
        setR(k, c, div(sub(mul(ak, bkm1), bk), denom));
        setR(k + 1, c, div(sub(mul(akm1, bk), bkm1), denom));
      }
      k += 2;
    }
  }
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
export function sytrs(inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: LinalgParams = {}): void {
  const [LD, P, R] = inputs as [TensorRef, TensorRef, TensorRef];
  const [X] = outputs as [TensorRef];
  const [n] = dims(LD);
  const cols = R.shape[2]!;
  for (let b = 0; b < batchOf(LD); b++) {
    const a = loadMat(LD, b);
    const piv = loadVec(P, b).re;
    const r = loadMat(R, b);
    ldlSolveInPlace(a, n, piv, r, cols, params.hermitian === true);
    storeMat(X, b, r);
  }
}
