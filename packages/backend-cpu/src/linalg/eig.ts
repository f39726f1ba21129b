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
 * A complex input gives complex `[w n, info]` or `[w n, V n×n, info]` (./zeig.ts).
 */
import type { TensorRef } from '@antorcha/core';
import { isComplexRef, loadMat, storeMat, zerosMat } from './field.js';
import { eigGeneral } from './hqr.js';
import { batchOf, dims, loadMatrix, store, storeScalar } from './matrix.js';
import { eigComplex } from './zeig.js';

/** Complex input: `[A] → [w n, info]` or `[w n, V n×n, info]`, complex (./zeig.ts). */
function eigOfComplex(A: TensorRef, outputs: readonly TensorRef[]): void {
  const vectors = outputs.length === 3;
  const info = outputs[outputs.length - 1]!;
  const [n] = dims(A);
  for (let b = 0; b < batchOf(A); b++) {
    const a = loadMat(A, b);
    const w = zerosMat(n, true);
    const v = vectors ? zerosMat(n * n, true) : null;
    let finite = true;
    for (let i = 0; i < a.re.length; i++) if (!Number.isFinite(a.re[i]!) || !Number.isFinite(a.im![i]!)) finite = false;
    const code = finite ? eigComplex(a, n, w, v) : 0;
    if (!finite) {
      w.re.fill(NaN);
      w.im!.fill(NaN);
      v?.re.fill(NaN);
      v?.im!.fill(NaN);
    }
    storeMat(outputs[0]!, b, w);
    if (v !== null) storeMat(outputs[1]!, b, v);
    storeScalar(info, b, code);
  }
}

/** See the module comment. */
export function eig(inputs: readonly TensorRef[], outputs: readonly TensorRef[]): void {
  const [A] = inputs as [TensorRef];
  if (isComplexRef(A)) {
    eigOfComplex(A, outputs);
    return;
  }
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
