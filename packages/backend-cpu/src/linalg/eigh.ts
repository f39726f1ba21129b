/**
 * `eigh` kernel: `[A n×n] → [w n, info]` (eigenvalues only) or `[w n, V n×n, info]`,
 * eigenvalues ascending, eigenvectors as columns. Only the triangle `params.upper`
 * names is read (lower by default), as LAPACK's `syevd` reads `uplo`. Householder
 * tridiagonalisation + implicit QL in float64 (./symeig.ts). A matrix with a
 * non-finite entry in the read triangle gives NaN results and `info = 0` (what
 * PyTorch's `syevd` returns); `info > 0` when an eigenvalue failed to converge.
 */
import type { LinalgParams, TensorRef } from '@antorcha/core';
import { batchOf, dims, loadMatrix, store, storeScalar } from './matrix.js';
import { symEig } from './symeig.js';

/** See the module comment. */
export function eigh(inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: LinalgParams = {}): void {
  const [A] = inputs as [TensorRef];
  const vectors = outputs.length === 3;
  const W = outputs[0]!;
  const info = outputs[outputs.length - 1]!;
  const [n] = dims(A);
  const upper = params.upper === true;
  for (let b = 0; b < batchOf(A); b++) {
    const a = loadMatrix(A, b);
    let finite = true;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        // mirror the named triangle onto the other
        if (upper) a[i * n + j] = a[j * n + i]!;
        else a[j * n + i] = a[i * n + j]!;
      }
    }
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) finite = false;
    const w = new Float64Array(n);
    let code = 0;
    if (finite) code = symEig(a, n, w);
    if (!finite || code !== 0) {
      w.fill(NaN);
      a.fill(NaN);
    }
    store(W, b, w);
    if (vectors) store(outputs[1]!, b, a);
    storeScalar(info, b, code);
  }
}
