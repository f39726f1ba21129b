/**
 * `potrf`: Cholesky factorization as LAPACK's `dpotf2`: stops at the first leading
 * minor that is not positive, reporting its order in `info`. A NaN pivot is not a failure
 * (it propagates), as in the LAPACK PyTorch calls.
 */
import type { LinalgParams, TensorRef } from '@antorcha/core';
import { batchOf, dims, loadMatrix, store, storeScalar } from './matrix.js';

/** `[A] → [L or U, info]` (see `LinalgKernel`). */
export function potrf(inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: LinalgParams = {}): void {
  const [A] = inputs as [TensorRef];
  const [F, info] = outputs as [TensorRef, TensorRef];
  const [n] = dims(A);
  const upper = params.upper === true;
  for (let b = 0; b < batchOf(A); b++) {
    const a = loadMatrix(A, b);
    // Symmetric entry (i ≥ j) read from the named triangle.
    const at = (i: number, j: number) => (upper ? a[j * n + i]! : a[i * n + j]!);
    const L = new Float64Array(n * n);
    let inf = 0;
    for (let j = 0; j < n && inf === 0; j++) {
      let d = at(j, j);
      for (let k = 0; k < j; k++) d -= L[j * n + k]! * L[j * n + k]!;
      if (d <= 0) {
        L[j * n + j] = d;
        inf = j + 1;
        break;
      }
      const ljj = Math.sqrt(d);
      L[j * n + j] = ljj;
      for (let i = j + 1; i < n; i++) {
        let s = at(i, j);
        for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
        L[i * n + j] = s / ljj;
      }
    }
    if (upper) {
      const U = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) U[j * n + i] = L[i * n + j]!;
      store(F, b, U);
    } else {
      store(F, b, L);
    }
    storeScalar(info, b, inf);
  }
}
