/** `geqrf`: Householder QR as LAPACK's `dgeqr2`. */
import type { TensorRef } from '@antorcha/core';
import { applyLeft, larfg, reflector } from './householder.js';
import { batchOf, dims, loadMatrix, store } from './matrix.js';

/** `[A] → [QR, tau]` (see `LinalgKernel`). */
export function geqrf(inputs: readonly TensorRef[], outputs: readonly TensorRef[]): void {
  const [A] = inputs as [TensorRef];
  const [QR, TAU] = outputs as [TensorRef, TensorRef];
  const [m, n] = dims(A);
  const k = Math.min(m, n);
  for (let b = 0; b < batchOf(A); b++) {
    const a = loadMatrix(A, b);
    const tau = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      tau[i] = larfg(a, n, m, i, i);
      if (i < n - 1) applyLeft(a, m, n, i, i + 1, reflector(a, m, n, i), tau[i]!);
    }
    store(QR, b, a);
    store(TAU, b, tau);
  }
}
