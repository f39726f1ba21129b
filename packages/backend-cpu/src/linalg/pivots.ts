/** `pivots`: LAPACK's 1-based row interchanges → the permutation they apply. */
import type { TensorRef } from '@antorcha/core';
import { batchOf, loadVector, store } from './matrix.js';

/** `[piv k] → [perm m]`: `perm[i]` is the original row that the interchanges move to row `i`. */
export function pivots(inputs: readonly TensorRef[], outputs: readonly TensorRef[]): void {
  const [P] = inputs as [TensorRef];
  const [perm] = outputs as [TensorRef];
  const m = perm.shape[1]!;
  for (let b = 0; b < batchOf(P); b++) {
    const piv = loadVector(P, b);
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) out[i] = i;
    for (let i = 0; i < piv.length; i++) {
      const p = piv[i]! - 1;
      const t = out[i]!;
      out[i] = out[p]!;
      out[p] = t;
    }
    store(perm, b, out);
  }
}
