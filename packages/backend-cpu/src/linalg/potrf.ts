/**
 * `potrf`: Cholesky factorization as LAPACK's `dpotf2`/`zpotf2` (`A = L·Lᴴ`, Hermitian for
 * complex dtypes: the imaginary parts of the diagonal are not read): stops at the first
 * leading minor that is not positive, reporting its order in `info`. A NaN pivot is not
 * a failure (it propagates), as in the LAPACK PyTorch calls. One algorithm for real and
 * complex dtypes ({@link Mat}).
 */
import type { LinalgParams, TensorRef } from '@antorcha/core';
import { loadMat, storeMat, transposeMat, zerosMat } from './field.js';
import { batchOf, dims, storeScalar } from './matrix.js';

/** `[A] → [L or U, info]` (see `LinalgKernel`). */
export function potrf(inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: LinalgParams = {}): void {
  const [A] = inputs as [TensorRef];
  const [F, info] = outputs as [TensorRef, TensorRef];
  const [n] = dims(A);
  const upper = params.upper === true;
  for (let b = 0; b < batchOf(A); b++) {
    // The lower triangle of the Hermitian matrix: the conjugate transpose of the upper one when upper.
    const a = upper ? transposeMat(loadMat(A, b), n, n, true) : loadMat(A, b);
    const ai = a.im;
    const L = zerosMat(n * n, ai !== null);
    const Lr = L.re;
    const Li = L.im;
    let inf = 0;
    for (let j = 0; j < n && inf === 0; j++) {
      let d = a.re[j * n + j]!;
      for (let k = 0; k < j; k++) {
        const q = j * n + k;
        d -= Lr[q]! * Lr[q]!;
        if (Li !== null) d -= Li[q]! * Li[q]!;
      }
      if (d <= 0) {
        Lr[j * n + j] = d;
        inf = j + 1;
        break;
      }
      const ljj = Math.sqrt(d);
      Lr[j * n + j] = ljj;
      for (let i = j + 1; i < n; i++) {
        let sr = a.re[i * n + j]!;
        let si = ai === null ? 0 : ai[i * n + j]!;
        for (let k = 0; k < j; k++) {
          const p = i * n + k;
          const q = j * n + k;
          if (Li === null) sr -= Lr[p]! * Lr[q]!;
          else {
            // L[i][k]·conj(L[j][k])
            sr -= Lr[p]! * Lr[q]! + Li[p]! * Li[q]!;
            si -= Li[p]! * Lr[q]! - Lr[p]! * Li[q]!;
          }
        }
        Lr[i * n + j] = sr / ljj;
        if (Li !== null) Li[i * n + j] = si / ljj;
      }
    }
    storeMat(F, b, upper ? transposeMat(L, n, n, true) : L);
    storeScalar(info, b, inf);
  }
}
