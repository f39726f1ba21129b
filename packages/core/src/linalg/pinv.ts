/**
 * The pseudoinverse, `linalg.pinv` (and `torch.pinverse`), as PyTorch composes it: an
 * SVD (or, with `hermitian`, an eigen-decomposition) whose singular values at or below
 * `max(atol, rtol·σ_max)` are dropped. Recorded as one `LinalgPinvBackward0` node. Also
 * the tolerance rule (`get_atol_rtol`) shared with `matrix_rank`.
 */
import { composite } from '../autograd-hook.js';
import { type DType, float64 } from '../dtype.js';
import { TorchRuntimeError, TorchTypeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { expectBoolOptions, expectTensor } from '../validate.js';
import { full, zeros } from '../ops/creation.js';
import { where } from '../ops/elementwise.js';
import { cppName } from '../ops/promotion.js';
import { isLinalgDtype } from './errors.js';
import { eighRaw, svdRaw } from './spectral-kernels.js';
import { adjointOf, matDims } from './util.js';

/** The tolerances of {@link pinv} and `matrix_rank`: numbers or tensors (broadcast over the batch). */
export interface ToleranceOptions {
  /** Absolute tolerance (default 0). */
  atol?: number | Tensor | null;
  /** Relative tolerance, times the largest singular value (default ε·max(m, n), or 0 when `atol` > 0). */
  rtol?: number | Tensor | null;
  /** The input is symmetric: use `eigh` (only the lower triangle is read). */
  hermitian?: boolean;
}

/** Options of {@link pinv}. */
export interface PinvOptions extends ToleranceOptions {
  /** Deprecated spelling of `rtol` (with `atol` 0); cannot be combined with `atol`/`rtol`. */
  rcond?: number | Tensor | null;
}

/** Machine epsilon of a float dtype (PyTorch's `_get_epsilon`). */
export function epsilonOf(op: string, dtype: DType): number {
  if (dtype.name === 'float32' || dtype.name === 'complex64') return 2 ** -23;
  if (dtype.name === 'float64' || dtype.name === 'complex128') return 2 ** -52;
  throw new TorchRuntimeError(op, "This function doesn't handle types other than float and double");
}

/** PyTorch's `get_atol_rtol`: float64 0-dim defaults, the given tensors otherwise. */
export function atolRtol(op: string, A: Tensor, atol: number | Tensor | null | undefined, rtol: number | Tensor | null | undefined): [Tensor, Tensor] {
  const dev = { dtype: float64, device: A.device };
  const asT = (v: number | Tensor) => (v instanceof Tensor ? v : full([], v, dev));
  const eps = epsilonOf(op, A.dtype);
  const a = atol === undefined || atol === null ? null : asT(atol);
  let r: Tensor;
  if (rtol !== undefined && rtol !== null) {
    r = asT(rtol);
  } else {
    const [m, n] = matDims(A);
    const def = full([], eps * Math.max(m, n), dev);
    r = a === null ? def : where(a.gt(0), zeros([], dev), def);
  }
  return [a ?? zeros([], dev), r];
}

/**
 * The Moore–Penrose pseudoinverse of a matrix or batch of matrices (n×m for m×n input).
 * Singular values `≤ max(atol, rtol·σ_max)` count as zero.
 * @example
 * ```ts pytorch=core.linalg.pinv
 * console.log(torch.linalg.pinv(torch.tensor([[1, 2], [2, 4]], 'float64'))); // singular: no inverse, but a pseudo-inverse
 * ```
 * ```text
 * tensor([[0.0400, 0.0800],
 *         [0.0800, 0.1600]], dtype=torch.float64)
 * ```
 */
export function pinv(A: Tensor, opts: PinvOptions | number = {}): Tensor {
  expectBoolOptions('linalg.pinv', opts, ['hermitian']);
  const op = 'linalg.pinv';
  expectTensor(op, 'A', 1, A);
  const o: PinvOptions = typeof opts === 'number' ? { rcond: opts } : opts;
  const lowPrecision = A.dtype.name === 'float16' || A.dtype.name === 'bfloat16';
  if (!isLinalgDtype(A) || lowPrecision || A._shape.length < 2) {
    throw new TorchRuntimeError(op, `linalg.pinv(${cppName(A.dtype)}{[${A._shape.join(', ')}]}): expected a tensor with 2 or more dimensions of float, double, cfloat or cdouble types`);
  }
  let { atol, rtol } = o;
  if (o.rcond !== undefined && o.rcond !== null) {
    if ((atol ?? null) !== null || (rtol ?? null) !== null) {
      throw new TorchTypeError(op, 'linalg_pinv() received an invalid combination of arguments - got (Tensor, atol, rtol, rcond): rcond is the deprecated spelling of rtol');
    }
    atol = 0;
    rtol = o.rcond;
  }
  const hermitian = o.hermitian === true;
  const [at, rt] = atolRtol(op, A, atol, rtol);
  return composite('linalg_pinv', [A], { hermitian }, () => pinvRaw(op, A, at, rt, hermitian));
}

/** The pseudoinverse of a checked input, no recording. */
function pinvRaw(op: string, A: Tensor, atol: Tensor, rtol: Tensor, hermitian: boolean): Tensor {
  if (A.numel() === 0 || !hermitian) {
    const [S, U, Vh] = svdRaw(op, A, true, false) as [Tensor, Tensor, Tensor];
    if (A.numel() === 0) return adjointOf(Vh).mul(S.reciprocal().unsqueeze(-2)).matmul(adjointOf(U));
    const maxVal = S.narrow(-1, 0, 1);
    const tol = atol.unsqueeze(-1).maximum(rtol.unsqueeze(-1).mul(maxVal));
    const Sinv = where(S.gt(tol), S.reciprocal(), zeros([], { dtype: S.dtype, device: S.device })).to(A.dtype);
    return adjointOf(Vh).mul(Sinv.unsqueeze(-2)).matmul(adjointOf(U));
  }
  const [S, U] = eighRaw(op, A, false, true) as [Tensor, Tensor];
  const Sabs = S.abs();
  const maxVal = Sabs.amax(-1, true);
  const tol = atol.unsqueeze(-1).maximum(rtol.unsqueeze(-1).mul(maxVal));
  const Sinv = where(Sabs.gt(tol), S.reciprocal(), zeros([], { dtype: S.dtype, device: S.device })).to(A.dtype);
  return U.mul(Sinv.unsqueeze(-2)).matmul(adjointOf(U));
}
