/**
 * `ormqr`: `op(Q)·C` or `C·op(Q)` with `Q = H₁·…·H_k`, as LAPACK's `dorm2r`/`zunm2r`
 * (real and complex, {@link Mat}); for complex dtypes `op` with `params.transpose` is the
 * conjugate transpose (as torch.ormqr's `transpose`).
 */
import type { LinalgParams, TensorRef } from '@antorcha/core';
import { loadMat, loadVec, storeMat, zerosMat } from './field.js';
import { applyLeft, applyRight } from './householder.js';
import { batchOf, dims } from './matrix.js';

/** `[V, tau, C] → [out]` (see `LinalgKernel`). */
export function ormqr(inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: LinalgParams = {}): void {
  const [V, TAU, C] = inputs as [TensorRef, TensorRef, TensorRef];
  const [OUT] = outputs as [TensorRef];
  const [mq, vc] = dims(V);
  const [m, n] = dims(C);
  const k = TAU.shape[1]!;
  const left = params.left !== false;
  const trans = params.transpose === true;
  // Q·C = H₁(H₂(…H_k C)): the last reflector first; Qᴴ·C and C·Q apply H₁ first.
  const forward = left === trans;
  for (let b = 0; b < batchOf(C); b++) {
    const vm = loadMat(V, b);
    const tau = loadVec(TAU, b);
    const c = loadMat(C, b);
    for (let s = 0; s < k; s++) {
      const i = forward ? s : k - 1 - s;
      const v = zerosMat(mq - i, vm.im !== null);
      v.re[0] = 1;
      for (let r = i + 1; r < mq; r++) {
        v.re[r - i] = vm.re[r * vc + i]!;
        if (v.im !== null) v.im[r - i] = vm.im![r * vc + i]!;
      }
      // Hᴴ = I − conj(τ)·v·vᴴ
      const ti = tau.im === null ? 0 : trans ? -tau.im[i]! : tau.im[i]!;
      if (left) applyLeft(c, m, n, i, 0, v, [tau.re[i]!, ti]);
      else applyRight(c, m, n, i, v, [tau.re[i]!, ti]);
    }
    storeMat(OUT, b, c);
  }
}
