/**
 * `linalg.matrix_rank`: the number of singular values (or, with `hermitian`, absolute
 * eigenvalues) above `max(atol, rtol·σ_max)`, int64, as PyTorch computes it. Not
 * differentiable (an integer result).
 */
import { TorchRuntimeError, TorchTypeError } from '../errors.js';
import { int64 } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import { expectBoolOptions, expectTensor } from '../validate.js';
import { zeros } from '../ops/creation.js';
import { type ToleranceOptions, atolRtol } from './pinv.js';
import { checkSpectralDtype, eighRaw, svdRaw } from './spectral-kernels.js';
import { batchOf } from './util.js';

/** Options of {@link matrixRank}. */
export interface MatrixRankOptions extends ToleranceOptions {
  /** Deprecated absolute tolerance (`atol` with `rtol` 0); cannot be combined with `atol`/`rtol`. */
  tol?: number | Tensor | null;
}

/**
 * The numerical rank of a matrix or batch of matrices (int64).
 * @example
 * ```ts pytorch=core.linalg.matrixRank
 * console.log(torch.linalg.matrixRank(torch.tensor([[1, 2], [2, 4]], 'float64'))); // the rows are parallel
 * ```
 * ```text
 * tensor(1)
 * ```
 */
export function matrixRank(A: Tensor, opts: MatrixRankOptions | number = {}): Tensor {
  expectBoolOptions('linalg.matrix_rank', opts, ['hermitian']);
  const op = 'linalg.matrix_rank';
  expectTensor(op, 'A', 1, A);
  const o: MatrixRankOptions = typeof opts === 'number' ? { tol: opts } : opts;
  if (A._shape.length < 2) throw new TorchRuntimeError(op, 'torch.linalg.matrix_rank: The input tensor input must have at least 2 dimensions.');
  let { atol, rtol } = o;
  if (o.tol !== undefined && o.tol !== null) {
    if ((atol ?? null) !== null || (rtol ?? null) !== null) {
      throw new TorchTypeError(op, 'linalg_matrix_rank() received an invalid combination of arguments - got (Tensor, atol, rtol, tol): tol is the deprecated spelling of atol');
    }
    atol = o.tol;
    rtol = 0;
  }
  if (A.dtype.isComplex) checkSpectralDtype(op, A, '', true);
  const [at, rt] = atolRtol(op, A, atol, rtol);
  if (A.numel() === 0) return zeros(batchOf(A), { dtype: int64, device: A.device });
  // The kernels' results carry no gradient, so nothing below is recorded.
  let S: Tensor;
  let maxS: Tensor;
  if (o.hermitian === true) {
    S = eighRaw(op, A, false, false)[0]!.abs();
    maxS = S.amax(-1, true);
  } else {
    S = svdRaw(op, A, false, false)[0]!;
    maxS = S.narrow(-1, 0, 1);
  }
  const tol = at.unsqueeze(-1).maximum(rt.unsqueeze(-1).mul(maxS));
  return S.gt(tol).sum(-1);
}
