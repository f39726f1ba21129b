/** `ormqr`: `op(Q)·C` or `C·op(Q)` with `Q = H₁·…·H_k`, as LAPACK's `dorm2r`. */
import type { LinalgParams, TensorRef } from '@antorcha/core';
import { applyLeft, applyRight } from './householder.js';
import { batchOf, dims, loadMatrix, loadVector, store } from './matrix.js';

/** `[V, tau, C] → [out]` (see `LinalgKernel`). */
export function ormqr(inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: LinalgParams = {}): void {
  const [V, TAU, C] = inputs as [TensorRef, TensorRef, TensorRef];
  const [OUT] = outputs as [TensorRef];
  const [mq, vc] = dims(V);
  const [m, n] = dims(C);
  const k = TAU.shape[1]!;
  const left = params.left !== false;
  const trans = params.transpose === true;
  // Q·C = H₁(H₂(…H_k C)): the last reflector first; Qᵀ·C and C·Q apply H₁ first.
  const forward = left === trans;
  for (let b = 0; b < batchOf(C); b++) {
    const vm = loadMatrix(V, b);
    const tau = loadVector(TAU, b);
    const c = loadMatrix(C, b);
    for (let s = 0; s < k; s++) {
      const i = forward ? s : k - 1 - s;
      const v = new Float64Array(mq - i);
      v[0] = 1;
      for (let r = i + 1; r < mq; r++) v[r - i] = vm[r * vc + i]!;
      if (left) applyLeft(c, m, n, i, 0, v, tau[i]!);
      else applyRight(c, m, n, i, v, tau[i]!);
    }
    store(OUT, b, c);
  }
}
