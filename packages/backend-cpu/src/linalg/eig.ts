/**
 * `eig` kernel: `[A n×n] → [wr n, wi n, info]` (eigenvalues only) or
 * `[wr n, wi n, V n×n, info]`: the real and imaginary parts of the eigenvalues and the
 * right eigenvectors in LAPACK `geev`'s real packing (for a pair `wr[j] ± i·wi[j]` with
 * `wi[j] > 0`, columns j and j+1 hold the real and imaginary parts of the vector of
 * `wr[j] + i·wi[j]`; the vector of its conjugate is the conjugate), each of unit norm
 * with its largest component real. Core assembles complex results from them. Hessenberg
 * reduction + Francis double-shift QR in float64 (./hqr.ts). A matrix with a non-finite
 * entry gives NaN results (`linalg.eigvals` returns them; `linalg.eig` refuses such input
 * first, as PyTorch does); `info > 0` when the QR iteration failed to converge.
 */
import type { TensorRef } from '@antorcha/core';
import { eigGeneral } from './hqr.js';
import { batchOf, dims, loadMatrix, store, storeScalar } from './matrix.js';

/** See the module comment. */
export function eig(inputs: readonly TensorRef[], outputs: readonly TensorRef[]): void {
  const [A] = inputs as [TensorRef];
  const vectors = outputs.length === 4;
  const [WR, WI] = outputs as [TensorRef, TensorRef];
  const info = outputs[outputs.length - 1]!;
  const [n] = dims(A);
  for (let b = 0; b < batchOf(A); b++) {
    const h = loadMatrix(A, b);
    const wr = new Float64Array(n);
    const wi = new Float64Array(n);
    const v = vectors ? new Float64Array(n * n) : null;
    let finite = true;
    for (let i = 0; i < h.length; i++) if (!Number.isFinite(h[i]!)) finite = false;
    const code = finite ? eigGeneral(h, n, wr, wi, v) : 0;
    if (!finite) {
      wr.fill(NaN);
      wi.fill(NaN);
      v?.fill(NaN);
    }
    store(WR, b, wr);
    store(WI, b, wi);
    if (v !== null) store(outputs[2]!, b, v);
    storeScalar(info, b, code);
  }
}
