/**
 * The spectral kernels of {@link Backend.linalg} (torch.linalg part 2), appended to
 * {@link LinalgKernel}, and their runners. Inputs/outputs (without the leading batch
 * dim `B`; `k = min(m, n)`; `info` int32 `[B]`):
 * - `svd`: `[A m×n]` → `[S k, info]` (values only) or `[S k, U m×c, Vh c'×n, info]` (S real
 *   for complex A, `A = U·diag(S)·Vh` with Vh the conjugate transpose of V) with
 *   `c = c' = k` (thin) or `c = m, c' = n` (full; the kernel reads which from the output
 *   shapes). Singular values descending. `info` as PyTorch reads LAPACK's `gesdd`: −4
 *   when A holds a NaN, `> 0` when the iteration did not converge; a matrix with
 *   infinities and no NaN gives NaN results with `info = 0`.
 * - `eigh`: `[A n×n]` (only the triangle `params.upper` names is read; lower by default;
 *   Hermitian for complex A, w then real) → `[w n, info]` or `[w n, V n×n, info]`:
 *   eigenvalues ascending, orthonormal
 *   eigenvectors as columns. A non-finite entry gives NaN results with `info = 0`
 *   (what `syevd` returns to PyTorch); `info > 0` when an eigenvalue failed to converge.
 * - `eig`: `[A n×n]` (finite; core checks) → `[wr n, wi n, info]` or `[wr n, wi n, V n×n,
 *   info]`: eigenvalues' real and imaginary parts in Schur order (a conjugate pair with
 *   the positive imaginary part first) and right eigenvectors in LAPACK `geev`'s real
 *   packing (for a pair at j, j+1 the columns hold the real and imaginary parts of the
 *   vector of `wr[j] + i·wi[j]`), unit norm with the largest component real. A complex
 *   input (complex64/complex128) gives complex `[w n, info]` or `[w n, V n×n, info]`
 *   (Schur order, the same normalisation).
 */
import { int32, toRealDtype } from '../dtype.js';
import { TorchRuntimeError } from '../errors.js';
import { cppName } from '../ops/promotion.js';
import type { Tensor } from '../tensor.js';
import { hostValues } from '../ops/conversion.js';
import { TorchLinAlgError } from './errors.js';
import { runLinalg } from './run.js';
import { batchOf, matDims } from './util.js';

/** SVD of a checked float input: `[S]` or `[S, U, Vh]` (U m×c, Vh c'×n); raises PyTorch's errors from `info`. */
export function svdRaw(op: string, A: Tensor, vectors: boolean, full: boolean): Tensor[] {
  const [m, n] = matDims(A);
  const k = Math.min(m, n);
  const batch = batchOf(A);
  const outs = vectors
    ? [
        { shape: [k], dtype: toRealDtype(A.dtype) },
        { shape: [m, full ? m : k], dtype: A.dtype },
        { shape: [full ? n : k, n], dtype: A.dtype },
        { shape: [], dtype: int32 },
      ]
    : [
        { shape: [k], dtype: toRealDtype(A.dtype) },
        { shape: [], dtype: int32 },
      ];
  const r = runLinalg(op, 'svd', batch, [A], outs);
  const info = r[r.length - 1]!;
  checkSpectralInfo(op, info, batch.length > 0, 'svd');
  return r.slice(0, -1);
}

/** Eigen-decomposition of a checked symmetric float input: `[w]` or `[w, V]`. */
export function eighRaw(op: string, A: Tensor, upper: boolean, vectors: boolean): Tensor[] {
  const [n] = matDims(A);
  const batch = batchOf(A);
  // real eigenvalues (the dtype of a complex input's parts), vectors of A's dtype
  const outs = [{ shape: [n], dtype: toRealDtype(A.dtype) }, ...(vectors ? [{ shape: [n, n], dtype: A.dtype }] : []), { shape: [], dtype: int32 }];
  const r = runLinalg(op, 'eigh', batch, [A], outs, { upper });
  checkSpectralInfo(op, r[r.length - 1]!, batch.length > 0, 'eigh');
  return r.slice(0, -1);
}

/**
 * The general eigen-decomposition of a checked finite input: `[wr, wi]` or `[wr, wi, V]`
 * (geev's real packing) for real A, `[w]` or `[w, V]` (complex) for complex A.
 */
export function eigRaw(op: string, A: Tensor, vectors: boolean): Tensor[] {
  const [n] = matDims(A);
  const batch = batchOf(A);
  const outs = A.dtype.isComplex ? [{ shape: [n], dtype: A.dtype }, ...(vectors ? [{ shape: [n, n], dtype: A.dtype }] : []), { shape: [], dtype: int32 }] : [
    { shape: [n], dtype: A.dtype },
    { shape: [n], dtype: A.dtype },
    ...(vectors ? [{ shape: [n, n], dtype: A.dtype }] : []),
    { shape: [], dtype: int32 },
  ];
  const r = runLinalg(op, 'eig', batch, [A], outs);
  checkSpectralInfo(op, r[r.length - 1]!, batch.length > 0, 'eig');
  return r.slice(0, -1);
}

/** PyTorch's errors for the `info` of the spectral kernels (`_linalg_check_errors`). */
function checkSpectralInfo(op: string, info: Tensor, batched: boolean, kind: 'svd' | 'eigh' | 'eig'): void {
  if (info.numel() === 0) return;
  const values = hostValues(info, op);
  for (let b = 0; b < values.length; b++) {
    const i = Number(values[b]);
    if (i === 0) continue;
    const where = batched ? `: (Batch element ${b}):` : ':';
    if (kind === 'svd') {
      if (i < 0) throw new TorchLinAlgError(op, `linalg.svd${where} The algorithm failed to converge because the input matrix contained non-finite values.`);
      throw new TorchLinAlgError(op, `linalg.svd${where} The algorithm failed to converge because the input matrix is ill-conditioned or has too many repeated singular values (error code: ${i}).`);
    }
    if (kind === 'eigh') {
      throw new TorchLinAlgError(op, `linalg.eigh${where} The algorithm failed to converge because the input matrix is ill-conditioned or has too many repeated eigenvalues (error code: ${i}).`);
    }
    throw new TorchLinAlgError(op, `linalg.eig${where} The algorithm failed to converge because the input matrix is ill-conditioned or has too many repeated eigenvalues (error code: ${i}).`);
  }
}

/**
 * The dtype rule of the spectral ops beyond "floating point": complex inputs pass when
 * `complex` (the ops whose kernels compute in them), else are refused as not supported
 * yet (PyTorch accepts them), and
 * float16/bfloat16 with PyTorch's text for its CPU kernel (`"linalg_svd_cpu" not
 * implemented for 'Half'`). Returns false for a non-float dtype, left to the caller's text.
 */
export function checkSpectralDtype(op: string, A: Tensor, cpuKernel: string, complex = false): boolean {
  if (A.dtype.isComplex && complex) return true;
  if (A.dtype.isComplex) throw new TorchRuntimeError(op, `${op}: complex inputs are not supported yet (got ${cppName(A.dtype)}); this op computes in float32 and float64 only`);
  if (!A.dtype.isFloatingPoint) return false;
  if (A.dtype.name === 'float16' || A.dtype.name === 'bfloat16') throw new TorchRuntimeError(op, `"${cpuKernel}" not implemented for '${cppName(A.dtype)}'`);
  return true;
}
