/** `orgqr`: the first n columns of `H₁·…·H_k`, as LAPACK's `dorg2r`/`zung2r` (`householder_product`; real and complex, {@link Mat}). */
import type { TensorRef } from '@antorcha/core';
import { loadMat, loadVec, scale, storeMat } from './field.js';
import { applyLeft, reflector } from './householder.js';
import { batchOf, dims } from './matrix.js';

/** `[V, tau] → [Q]` (see `LinalgKernel`). */
export function orgqr(inputs: readonly TensorRef[], outputs: readonly TensorRef[]): void {
  const [V, TAU] = inputs as [TensorRef, TensorRef];
  const [Q] = outputs as [TensorRef];
  const [m, n] = dims(V);
  const k = TAU.shape[1]!;
  for (let b = 0; b < batchOf(V); b++) {
    const q = loadMat(V, b);
    const tau = loadVec(TAU, b);
    const zero = (p: number, one: number) => {
      q.re[p] = one;
      if (q.im !== null) q.im[p] = 0;
    };
    for (let j = k; j < n; j++) {
      for (let i = 0; i < m; i++) zero(i * n + j, 0);
      zero(j * n + j, 1);
    }
    for (let i = k - 1; i >= 0; i--) {
      const tr = tau.re[i]!;
      const ti = tau.im === null ? 0 : tau.im[i]!;
      if (i < n - 1) applyLeft(q, m, n, i, i + 1, reflector(q, m, n, i), [tr, ti]);
      scale(q, (i + 1) * n + i, n, m - i - 1, -tr, -ti);
      q.re[i * n + i] = 1 - tr;
      if (q.im !== null) q.im[i * n + i] = -ti;
      for (let r = 0; r < i; r++) zero(r * n + i, 0);
    }
    storeMat(Q, b, q);
  }
}
