/**
 * The singular value decomposition: `linalg.svd` and `linalg.svdvals` (the `svd`
 * kernel, one-sided Jacobi on the CPU), recorded for autograd as PyTorch's
 * `LinalgSvdBackward0`. Singular values are descending; singular vectors are unique only
 * up to a simultaneous sign flip of matching columns of U and rows of Vh (compare
 * reconstructions, not raw signs). `svdvals` also serves the 2, −2 and 'nuc' orders of
 * `matrix_norm`/`norm`.
 */
import { composite, needsGrad } from '../autograd-hook.js';
import { TorchRuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { boolArg, expectTensor, keywordArgs } from '../validate.js';
import { checkFloat, checkRank } from './errors.js';
import { registerSvdvals } from './norms.js';
import { checkSpectralDtype, svdRaw } from './spectral-kernels.js';
import { type NamedTuple, namedTuple } from './tuple.js';

/** Options of {@link svd}. */
export interface SvdOptions {
  /** U m×m and Vh n×n (default true, as PyTorch) rather than m×k and k×n. */
  fullMatrices?: boolean;
  /** cuSOLVER's driver: PyTorch accepts it only for CUDA inputs (an error here). */
  driver?: string | null;
}

/** @internal The checks of `linalg.svd` / `svdvals` (PyTorch's texts). */
export function checkSvd(op: string, A: Tensor): void {
  expectTensor(op, 'A', 1, A);
  checkRank('linalg.svd', A);
  if (!checkSpectralDtype('linalg.svd', A, 'linalg_svd_cpu', true)) checkFloat('linalg.svd', A);
}

/**
 * The SVD `A = U·diag(S)·Vh` of a matrix or batch of matrices: singular values
 * descending; `fullMatrices` (default true) makes U and Vh square.
 * @example
 * ```ts pytorch=core.linalg.svd
 * const A = torch.tensor([[3, 0], [4, 5]], { dtype: 'float64' });
 * const { U, S, Vh } = torch.linalg.svd(A, false);
 * console.log(S);
 * console.log(U.mul(S.unsqueeze(-2)).matmul(Vh).sub(A).abs().max().lt(1e-12)); // U diag(S) Vh ≈ A
 * ```
 * ```text
 * tensor([6.7082, 2.2361], dtype=torch.float64)
 * tensor(True)
 * ```
 */
export function svd(A: Tensor, fullMatrices: boolean | SvdOptions = true): NamedTuple<'U' | 'S' | 'Vh'> {
  const op = 'linalg.svd';
  expectTensor(op, 'A', 1, A);
  const opts = keywordArgs(op, ['fullMatrices'], [fullMatrices], ['driver']);
  const full = boolArg(op, 'full_matrices', 2, opts.fullMatrices, true);
  checkSvd(op, A);
  if (opts.driver !== undefined && opts.driver !== null) {
    throw new TorchRuntimeError(op, 'torch.linalg.svd: keyword argument `driver=` is only supported on CUDA inputs with cuSOLVER backend.');
  }
  const [U, S, Vh] = composite('linalg_svd', [A], { fullMatrices: full }, () => {
    const [s, u, vh] = svdRaw(op, A, true, full);
    return [u!, s!, vh!];
  });
  return namedTuple('linalg_svd', [['U', U!], ['S', S!], ['Vh', Vh!]]);
}

/**
 * The singular values of a matrix or batch of matrices, descending (real, of A's dtype).
 * @example
 * ```ts pytorch=core.linalg.svdvals
 * console.log(torch.linalg.svdvals(torch.tensor([[3, 0], [0, -4]], 'float64'))); // descending, non-negative
 * ```
 * ```text
 * tensor([4., 3.], dtype=torch.float64)
 * ```
 */
export function svdvals(A: Tensor): Tensor {
  const op = 'linalg.svdvals';
  checkSvd(op, A);
  return svdvalsRaw(op, A);
}

/** @internal svdvals of a checked input: with U and Vh behind it when A needs a gradient (PyTorch's node). */
export function svdvalsRaw(op: string, A: Tensor): Tensor {
  if (!needsGrad([A])) return svdRaw(op, A, false, false)[0]!;
  // The node keeps U and Vh (outputs 1 and 2, not returned) for the backward.
  const [S] = composite('linalg_svdvals', [A], {}, () => svdRaw(op, A, true, false));
  return S!;
}

registerSvdvals((A) => svdvalsRaw('linalg.svd', A));
