/** `geqrf`: Householder QR as LAPACK's `dgeqr2`/`zgeqr2` (real and complex, {@link Mat}). */
import type { TensorRef } from '@antorcha/core';
import { loadMat, storeMat, zerosMat } from './field.js';
import { applyLeft, larfg, reflector } from './householder.js';
import { batchOf, dims } from './matrix.js';

/** `[A] → [QR, tau]` (see `LinalgKernel`). */
export function geqrf(inputs: readonly TensorRef[], outputs: readonly TensorRef[]): void {
  const [A] = inputs as [TensorRef];
  const [QR, TAU] = outputs as [TensorRef, TensorRef];
  const [m, n] = dims(A);
  const k = Math.min(m, n);
  for (let b = 0; b < batchOf(A); b++) {
    const a = loadMat(A, b);
    const tau = zerosMat(k, a.im !== null);
    for (let i = 0; i < k; i++) {
      const t = larfg(a, n, m, i, i);
      tau.re[i] = t[0];
      if (tau.im !== null) tau.im[i] = t[1];
      // zgeqr2 applies H(i)ᴴ (conj(τ)) to the trailing columns
      if (i < n - 1) applyLeft(a, m, n, i, i + 1, reflector(a, m, n, i), [t[0], -t[1]]);
    }
    storeMat(QR, b, a);
    storeMat(TAU, b, tau);
  }
}
