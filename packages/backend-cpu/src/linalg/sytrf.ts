/**
 * `sytrf`: symmetric indefinite factorization `A = L·D·Lᵀ` (complex Hermitian with
 * `params.hermitian`: `A = L·D·Lᴴ`) with Bunch–Kaufman pivoting, as LAPACK's unblocked
 * `dsytf2`/`zsytf2`/`zhetf2` with `uplo = 'L'` (what PyTorch's `ldl_factor` calls): D has
 * 1×1 and 2×2 blocks, pivots use LAPACK's encoding (positive: a 1×1 block with that row
 * interchanged; two equal negative entries: a 2×2 block with row `−p` interchanged with the
 * block's second row). Only the lower triangle of the input is read and written. One
 * algorithm for real, complex symmetric and Hermitian matrices ({@link Mat}; the pivot
 * measure is `|re| + |im|` as `izamax`'s).
 */
import type { LinalgParams, TensorRef } from '@antorcha/core';
import { type C, type Mat, abs1, conj, div, loadMat, mul, storeMat, sub } from './field.js';
import { batchOf, dims, iamax, store, storeScalar } from './matrix.js';

const ALPHA = (1 + Math.sqrt(17)) / 8;


/**
 * Factors the lower triangle of the row-major n×n `a` in place; writes `ipiv` (1-based);
 * returns info. `herm`: Hermitian (complex `a` only; the diagonal is made real).
 */
export function ldlInPlace(a: Mat, n: number, ipiv: Int32Array, herm = false): number {
  const cx = a.im !== null;
  const hm = cx && herm;
  const A = (i: number, j: number): C => [a.re[i * n + j]!, cx ? a.im![i * n + j]! : 0];
  const set = (i: number, j: number, v: C) => {
    a.re[i * n + j] = v[0];
    if (cx) a.im![i * n + j] = v[1];
  };
  const mag = (i: number, j: number) => abs1(a, i * n + j);
  // the size of a diagonal entry: its real part when Hermitian
  const dmag = (i: number) => (hm ? Math.abs(a.re[i * n + i]!) : mag(i, i));
  const realDiag = (i: number) => {
    if (hm) a.im![i * n + i] = 0;
  };
  const cj = (v: C): C => (hm ? conj(v) : v);
  let info = 0;
  let k = 0;
  while (k < n) {
    let kstep = 1;
    let kp = k;
    const absakk = dmag(k);
    let imax = k;
    let colmax = 0;
    if (k < n - 1) {
      imax = iamax(k + 1, n, (i) => mag(i, k));
      colmax = mag(imax, k);
    }
    if (Math.max(absakk, colmax) === 0 || absakk !== absakk) {
      if (info === 0) info = k + 1;
      kp = k;
      realDiag(k);
    } else {
      if (absakk >= ALPHA * colmax) {
        kp = k;
      } else {
        let jmax = iamax(k, imax, (j) => mag(imax, j));
        let rowmax = mag(imax, jmax);
        if (imax < n - 1) {
          jmax = iamax(imax + 1, n, (i) => mag(i, imax));
          rowmax = Math.max(rowmax, mag(jmax, imax));
        }
        if (absakk >= ALPHA * colmax * (colmax / rowmax)) {
          kp = k;
        } else if (dmag(imax) >= ALPHA * rowmax) {
          kp = imax;
        } else {
          kp = imax;
          kstep = 2;
        }
      }
      const kk = k + kstep - 1;
      if (kp !== kk) {
        for (let i = kp + 1; i < n; i++) {
          const t = A(i, kk);
          set(i, kk, A(i, kp));
          set(i, kp, t);
        }
        for (let j = kk + 1; j < kp; j++) {
          const t = cj(A(j, kk));
          set(j, kk, cj(A(kp, j)));
          set(kp, j, t);
        }
        if (hm) set(kp, kk, conj(A(kp, kk)));
        const t = A(kk, kk);
        set(kk, kk, A(kp, kp));
        set(kp, kp, t);
        realDiag(kk);
        realDiag(kp);
        if (kstep === 2) {
          realDiag(k);
          const u = A(k + 1, k);
          set(k + 1, k, A(kp, k));
          set(kp, k, u);
        }
      } else {
        realDiag(k);
        if (kstep === 2) realDiag(k + 1);
      }
      if (kstep === 1) {
        if (k < n - 1) {
          // A₂₂ −= x·d⁻¹·x⁽ᴴ⁾, x ← x·d⁻¹ (d real when Hermitian)
          const r1 = div([1, 0], A(k, k));
          for (let j = k + 1; j < n; j++) {
            const xj = A(j, k);
            if (xj[0] === 0 && xj[1] === 0) continue;
            const t = mul(r1, cj(xj));
            for (let i = j; i < n; i++) set(i, j, sub(A(i, j), mul(A(i, k), t)));
            realDiag(j);
          }
          for (let i = k + 1; i < n; i++) set(i, k, mul(A(i, k), r1));
        }
      } else if (k < n - 2) {
        let d21 = A(k + 1, k);
        let d11: C;
        let d22: C;
        let dd: C;
        if (hm) {
          const d = Math.hypot(d21[0], d21[1]);
          d11 = [a.re[(k + 1) * n + k + 1]! / d, 0];
          d22 = [a.re[k * n + k]! / d, 0];
          const tt = 1 / (d11[0] * d22[0] - 1);
          d21 = [d21[0] / d, d21[1] / d];
          dd = [tt / d, 0];
        } else {
          d11 = div(A(k + 1, k + 1), d21);
          d22 = div(A(k, k), d21);
          const t = div([1, 0], sub(mul(d11, d22), [1, 0]));
          dd = div(t, d21);
          d21 = [1, 0];
        }
        for (let j = k + 2; j < n; j++) {
          const wk = mul(dd, sub(mul(d11, A(j, k)), mul(d21, A(j, k + 1))));
          const wkp1 = mul(dd, sub(mul(d22, A(j, k + 1)), mul(cj(d21), A(j, k))));
          for (let i = j; i < n; i++) set(i, j, sub(sub(A(i, j), mul(A(i, k), cj(wk))), mul(A(i, k + 1), cj(wkp1))));
          set(j, k, wk);
          set(j, k + 1, wkp1);
          realDiag(j);
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
export function sytrf(inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: LinalgParams = {}): void {
  const [A] = inputs as [TensorRef];
  const [LD, P, info] = outputs as [TensorRef, TensorRef, TensorRef];
  const [n] = dims(A);
  const ipiv = new Int32Array(n);
  for (let b = 0; b < batchOf(A); b++) {
    const a = loadMat(A, b);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        a.re[i * n + j] = 0;
        if (a.im !== null) a.im[i * n + j] = 0;
      }
    }
    const inf = ldlInPlace(a, n, ipiv, params.hermitian === true);
    storeMat(LD, b, a);
    store(P, b, ipiv);
    storeScalar(info, b, inf);
  }
}
