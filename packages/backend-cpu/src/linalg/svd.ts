/**
 * `svd` kernel: `[A m×n] → [S k, info]` (singular values only) or
 * `[S k, U m×c, Vh c'×n, info]` with `c = c' = k` (thin) or `c = m, c' = n` (full, read
 * from the output shapes). One-sided Jacobi in float64 (./svd-jacobi.ts). `info` is
 * LAPACK's `gesdd` convention as PyTorch reads it: −4 when the matrix holds a NaN
 * (PyTorch: "contained non-finite values"), `> 0` when the sweeps did not converge.
 * A matrix with infinities but no NaN gives NaN results and `info = 0`, as `gesdd` does.
 */
import type { TensorRef } from '@antorcha/core';
import { batchOf, dims, loadMatrix, store, storeScalar } from './matrix.js';
import { svd as jacobiSvd } from './svd-jacobi.js';

/** See the module comment. */
export function svd(inputs: readonly TensorRef[], outputs: readonly TensorRef[]): void {
  const [A] = inputs as [TensorRef];
  const vectors = outputs.length === 4;
  const S = outputs[0]!;
  const info = outputs[outputs.length - 1]!;
  const [m, n] = dims(A);
  const k = Math.min(m, n);
  const full = vectors && outputs[1]!.shape[2] === m && m !== k;
  const fullV = vectors && outputs[2]!.shape[1] === n && n !== k;
  for (let b = 0; b < batchOf(A); b++) {
    const a = loadMatrix(A, b);
    let nan = false;
    let inf = false;
    for (let i = 0; i < a.length; i++) {
      if (Number.isNaN(a[i]!)) nan = true;
      else if (!Number.isFinite(a[i]!)) inf = true;
    }
    if (nan || inf) {
      store(S, b, new Float64Array(k).fill(NaN));
      if (vectors) {
        store(outputs[1]!, b, new Float64Array(m * outputs[1]!.shape[2]!).fill(NaN));
        store(outputs[2]!, b, new Float64Array(outputs[2]!.shape[1]! * n).fill(NaN));
      }
      storeScalar(info, b, nan ? -4 : 0);
      continue;
    }
    const r = jacobiSvd(a, m, n, vectors, full || fullV);
    store(S, b, r.s);
    if (vectors) {
      store(outputs[1]!, b, r.u!);
      store(outputs[2]!, b, r.vh!);
    }
    storeScalar(info, b, r.converged ? 0 : 1);
  }
}
