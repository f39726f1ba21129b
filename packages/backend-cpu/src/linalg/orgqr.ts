/** `orgqr`: the first n columns of `H₁·…·H_k`, as LAPACK's `dorg2r` (`householder_product`). */
import type { TensorRef } from '@antorcha/core';
import { applyLeft, reflector } from './householder.js';
import { batchOf, dims, loadMatrix, loadVector, store } from './matrix.js';

/** `[V, tau] → [Q]` (see `LinalgKernel`). */
export function orgqr(inputs: readonly TensorRef[], outputs: readonly TensorRef[]): void {
  const [V, TAU] = inputs as [TensorRef, TensorRef];
  const [Q] = outputs as [TensorRef];
  const [m, n] = dims(V);
  const k = TAU.shape[1]!;
  for (let b = 0; b < batchOf(V); b++) {
    const q = loadMatrix(V, b);
    const tau = loadVector(TAU, b);
    for (let j = k; j < n; j++) {
      for (let i = 0; i < m; i++) q[i * n + j] = 0;
      q[j * n + j] = 1;
    }
    for (let i = k - 1; i >= 0; i--) {
      if (i < n - 1) applyLeft(q, m, n, i, i + 1, reflector(q, m, n, i), tau[i]!);
      for (let r = i + 1; r < m; r++) q[r * n + i]! *= -tau[i]!;
      q[i * n + i] = 1 - tau[i]!;
      for (let r = 0; r < i; r++) q[r * n + i] = 0;
    }
    store(Q, b, q);
  }
}
