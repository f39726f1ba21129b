/**
 * `linalg.lstsq`: the least-squares solution of `A·X = B`, with PyTorch's result tuple
 * `(solution, residuals, rank, singular_values)` and its rules for which parts are
 * empty (CPU drivers): `rank` for every driver but 'gels', `singular_values` for
 * 'gelsd'/'gelss', `residuals` (squared residual norms, summed over rows) when m > n,
 * the driver is not 'gelsy', and — for 'gelsd'/'gelss' — every matrix has full rank.
 *
 * All drivers solve through one SVD (σ ≤ rcond·σ_max treated as zero, the minimum-norm
 * solution): identical to LAPACK's answers wherever they are defined (full rank; and
 * for rank-deficient input the minimum-norm solution 'gelsy', 'gelsd' and 'gelss' all
 * return). Two places differ by construction: 'gelsy' finds the rank with an incremental
 * condition estimate on a pivoted QR, here by the same σ threshold (they agree unless a
 * singular value sits at the threshold); 'gels' assumes full rank and LAPACK returns
 * an arbitrary large answer for rank-deficient input, here the minimum-norm one.
 * Differentiable in the solution (`LinalgLstsqBackward0`).
 */
import { composite } from '../autograd-hook.js';
import { int64, toRealDtype } from '../dtype.js';
import { TorchRuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { expectTensor } from '../validate.js';
import { empty } from '../ops/creation.js';
import { where } from '../ops/elementwise.js';
import { cppName } from '../ops/promotion.js';
import { epsilonOf } from './pinv.js';
import { checkSpectralDtype, svdRaw } from './spectral-kernels.js';
import { type NamedTuple, namedTuple } from './tuple.js';
import { adjointOf, broadcastBatch, expandBatch, matDims } from './util.js';

/** LAPACK drivers PyTorch's CPU `lstsq` accepts. */
export type LstsqDriver = 'gels' | 'gelsy' | 'gelsd' | 'gelss';

/** Options of {@link lstsq}. */
export interface LstsqOptions {
  /** Relative threshold for singular values (default ε·max(m, n)). */
  rcond?: number | null;
  /** The LAPACK driver (default 'gelsy'). */
  driver?: LstsqDriver | null;
}

/**
 * Least-squares solutions of `A·X = B` for a matrix or batch of matrices A (m×n) and
 * right-hand sides B (m×k, or m for a vector), batch dims broadcast.
 * @example
 * ```ts pytorch=core.linalg.lstsq
 * const A = torch.tensor([[1, 0], [1, 1], [1, 2]], { dtype: 'float32' });
 * const B = torch.tensor([[1], [2], [4]], { dtype: 'float32' });
 * const { solution } = torch.linalg.lstsq(A, B); // the line through 3 points, fitted
 * console.log(solution);
 * ```
 * ```text
 * tensor([[0.8333],
 *         [1.5000]])
 * ```
 */
export function lstsq(A: Tensor, B: Tensor, opts: LstsqOptions | number = {}): NamedTuple<'solution' | 'residuals' | 'rank' | 'singular_values'> {
  const op = 'linalg.lstsq';
  const api = 'torch.linalg.lstsq';
  expectTensor(op, 'A', 1, A);
  expectTensor(op, 'B', 2, B);
  const o: LstsqOptions = typeof opts === 'number' ? { rcond: opts } : opts;
  if (A._shape.length < 2) throw new TorchRuntimeError(op, `${api}: input must have at least 2 dimensions.`);
  if (B._shape.length < 1) throw new TorchRuntimeError(op, `${api}: other must have at least 1 dimension.`);
  if (A.dtype !== B.dtype) {
    throw new TorchRuntimeError(op, `${api}: Expected input and other to have the same dtype, but got input's dtype ${cppName(A.dtype)} and other's dtype ${cppName(B.dtype)}`);
  }
  const diff = A._shape.length - B._shape.length;
  if (diff < 0 || diff > 1) {
    throw new TorchRuntimeError(op, `${api}: input.dim() must be greater or equal to other.dim() and (input.dim() - other.dim()) <= 1`);
  }
  const vector = diff === 1;
  const B2 = vector ? B.unsqueeze(-1) : B;
  const [m, n] = matDims(A);
  if (B2._shape[B2._shape.length - 2] !== m) {
    throw new TorchRuntimeError(op, vector ? `${api}: input.size(-2) should match other.size(-1)` : `${api}: input.size(-2) should match other.size(-2)`);
  }
  const driver = o.driver ?? 'gelsy';
  if (!['gels', 'gelsy', 'gelsd', 'gelss'].includes(driver)) {
    throw new TorchRuntimeError(op, `${api}: parameter \`driver\` should be one of (gels, gelsy, gelsd, gelss)`);
  }
  if (A.dtype.isComplex) checkSpectralDtype(op, A, '', true);
  const eps = epsilonOf(op, A.dtype);
  const rcond = o.rcond ?? eps * Math.max(m, n);
  const batch = broadcastBatch(op, A, B2);
  const Ab = expandBatch(A, batch);
  const Bb = expandBatch(B2, batch);
  const X = composite('linalg_lstsq', [A, B], { vector }, () => {
    const sol = solveRaw(op, Ab, Bb, rcond);
    return vector ? sol.squeeze(-1) : sol;
  });
  const X2 = vector ? X.detach().unsqueeze(-1) : X.detach();
  // residuals and singular values are real (the parts' dtype for complex A)
  const dev = { dtype: toRealDtype(A.dtype), device: A.device };
  // rank and singular values, recomputed without the graph (integers / not differentiable)
  // (of A's own batch, as PyTorch returns them, not the broadcast one)
  const S = A.numel() === 0 ? empty([...A._shape.slice(0, -2), Math.min(m, n)], dev) : svdRaw(op, A.detach(), false, false)[0]!;
  const rankT = S._shape[S._shape.length - 1] === 0 ? empty(A._shape.slice(0, -2), { dtype: int64, device: A.device }).fill_(0) : rankOf(S, rcond);
  const hasRank = driver !== 'gels';
  const hasSv = driver === 'gelsd' || driver === 'gelss';
  let residuals = empty([0], dev);
  if (m > n && driver !== 'gelsy') {
    const fullRank = driver === 'gels' || (rankT.numel() === 0 ? true : Number(rankT.eq(n).all().item()) === 1);
    if (fullRank) {
      const R = Ab.detach().matmul(X2).sub(Bb.detach());
      residuals = (R.dtype.isComplex ? R.abs().square() : R.mul(R)).sum(-2);
    }
  }
  return namedTuple('linalg_lstsq', [
    ['solution', X],
    ['residuals', residuals],
    ['rank', hasRank ? rankT : empty([0], { dtype: int64, device: A.device })],
    ['singular_values', hasSv ? S : empty([0], dev)],
  ]);
}

/** The number of singular values above `rcond·σ_max` (int64, batch shape). */
function rankOf(S: Tensor, rcond: number): Tensor {
  const tol = S.narrow(-1, 0, 1).mul(rcond);
  return S.gt(tol).sum(-1);
}

/** The minimum-norm least-squares solution through one thin SVD, no recording. */
function solveRaw(op: string, A: Tensor, B: Tensor, rcond: number): Tensor {
  const [m, n] = matDims(A);
  const k = B._shape[B._shape.length - 1]!;
  if (m === 0 || n === 0) return empty([...A._shape.slice(0, -2), n, k], { dtype: A.dtype, device: A.device }).fill_(0);
  const [S, U, Vh] = svdRaw(op, A, true, false) as [Tensor, Tensor, Tensor];
  const tol = S.narrow(-1, 0, 1).mul(rcond);
  const Sinv = where(S.gt(tol), S.reciprocal(), 0);
  return adjointOf(Vh).matmul(Sinv.unsqueeze(-1).mul(adjointOf(U).matmul(B)));
}
