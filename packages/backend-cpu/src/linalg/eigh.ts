/**
 * `eigh` kernel: `[A n×n] → [w n, info]` (eigenvalues only) or `[w n, V n×n, info]`,
 * eigenvalues ascending, eigenvectors as columns. Only the triangle `params.upper`
 * names is read (lower by default), as LAPACK's `syevd` reads `uplo`. Householder
 * tridiagonalisation + implicit QL in float64 (./symeig.ts). A matrix with a
 * non-finite entry in the read triangle gives NaN results and `info = 0` (what
 * PyTorch's `syevd` returns); `info > 0` when an eigenvalue failed to converge.
 * Complex (Hermitian) input: `w` real (float32/float64 of the parts), `V` complex.
 */
import type { LinalgParams, TensorRef } from '@antorcha/core';
import { isComplexRef, loadMat, storeMat, zerosMat } from './field.js';
import { batchOf, dims, loadMatrix, store, storeScalar } from './matrix.js';
import { hermEig, symEig } from './symeig.js';

/** Hermitian (complex) input: real eigenvalues, complex eigenvectors; the named triangle mirrored conjugated, the diagonal's imaginary parts not read. */
function eighComplex(A: TensorRef, outputs: readonly TensorRef[], upper: boolean): void {
  const vectors = outputs.length === 3;
  const info = outputs[outputs.length - 1]!;
  const [n] = dims(A);
  for (let b = 0; b < batchOf(A); b++) {
    const a = loadMat(A, b);
    const ai = a.im!;
    for (let i = 0; i < n; i++) {
      ai[i * n + i] = 0;
      for (let j = 0; j < i; j++) {
        const [from, to] = upper ? [j * n + i, i * n + j] : [i * n + j, j * n + i];
        a.re[to] = a.re[from]!;
        ai[to] = -ai[from]!;
      }
    }
    let finite = true;
    for (let i = 0; i < a.re.length; i++) if (!Number.isFinite(a.re[i]!) || !Number.isFinite(ai[i]!)) finite = false;
    const w = new Float64Array(n);
    const v = vectors ? zerosMat(n * n, true) : null;
    const code = finite ? hermEig(a, n, w, v) : 0;
    if (!finite || code !== 0) {
      w.fill(NaN);
      v?.re.fill(NaN);
      v?.im!.fill(NaN);
    }
    store(outputs[0]!, b, w);
    if (v !== null) storeMat(outputs[1]!, b, v);
    storeScalar(info, b, code);
  }
}

/** See the module comment. */
export function eigh(inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: LinalgParams = {}): void {
  const [A] = inputs as [TensorRef];
  if (isComplexRef(A)) {
    eighComplex(A, outputs, params.upper === true);
    return;
  }
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
