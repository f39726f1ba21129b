/**
 * The general eigen-decomposition: `linalg.eig` and `linalg.eigvals`, complex results
 * (complex64 for float32/complex64 input, complex128 for float64/complex128) as PyTorch
 * returns them, from the backend's `eig` kernel (on the CPU, Hessenberg + Francis
 * double-shift QR for real input, single-shift complex QR for complex input): eigenvalues
 * in Schur order (a conjugate pair with the positive imaginary part first, as LAPACK's
 * `geev`), eigenvectors of unit norm with their largest component real (`geev`'s
 * normalisation). Each eigenvector is unique only up to a complex phase, and the order of
 * the eigenvalues is the algorithm's (LAPACK's may differ for the same matrix): compare
 * sets of eigenvalues and the invariant `A·V = V·diag(L)`.
 *
 * Autograd: recorded as `LinalgEigBackward0` (eigvals too), PyTorch's
 * `linalg_eig_backward`: well defined for distinct eigenvalues and for losses that do not
 * depend on each eigenvector's phase (else the backward raises PyTorch's error). A real
 * input gets the real part of the complex gradient.
 */
import { composite, needsGrad } from '../autograd-hook.js';
import { TorchRuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { expectTensor } from '../validate.js';
import { complex } from '../complex/ops.js';
import { zeros } from '../ops/creation.js';
import { cat } from '../ops/indexing.js';
import { where } from '../ops/elementwise.js';
import { cppName } from '../ops/promotion.js';
import { checkSquare } from './errors.js';
import { linalgBackend } from './run.js';
import { checkSpectralDtype, eigRaw } from './spectral-kernels.js';
import { type NamedTuple, namedTuple } from './tuple.js';

function checkEig(op: string, A: Tensor): void {
  expectTensor(op, 'A', 1, A);
  if (A._shape.length < 2) throw new TorchRuntimeError(op, `${op}: The input tensor A must have at least 2 dimensions.`);
  checkSquare(op, A);
  if (!checkSpectralDtype(op, A, 'linalg_eig_out_cpu', true)) throw new TorchRuntimeError(op, `Unknown Complex ScalarType for ${cppName(A.dtype)}`);
}

/** Column j+1 of each matrix moved to column j (`dir` −1) or column j−1 to j (`dir` +1), zeros shifted in. */
function shiftCols(V: Tensor, dir: 1 | -1): Tensor {
  const n = V._shape[V._shape.length - 1]!;
  if (n < 2) return V.mul(0);
  const z = zeros([...V._shape.slice(0, -1), 1], { dtype: V.dtype, device: V.device });
  return dir < 0 ? cat([V.narrow(-1, 1, n - 1), z], -1) : cat([z, V.narrow(-1, 0, n - 1)], -1);
}

/** Complex eigenvalues and (optionally) eigenvectors of a checked input, no recording. */
function eigComplex(op: string, A: Tensor, vectors: boolean): Tensor[] {
  const r = eigRaw(op, A, vectors);
  if (A.dtype.isComplex) return r; // complex kernels return complex results
  const [wr, wi] = r as [Tensor, Tensor];
  const L = complex(wr, wi);
  if (!vectors) return [L];
  // geev's packing: for a pair at j, j+1 (wi[j] > 0) the columns hold re and im of the
  // vector of wr[j] + i·wi[j]; the vector of the conjugate is its conjugate.
  const V = r[2]!;
  const pos = wi.gt(0).unsqueeze(-2);
  const neg = wi.lt(0).unsqueeze(-2);
  const re = where(neg, shiftCols(V, 1), V);
  const im = where(pos, shiftCols(V, -1), where(neg, V.neg(), 0));
  return [L, complex(re, im)];
}

/**
 * Eigenvalues and right eigenvectors (columns) of general square matrices, complex.
 * @example
 * ```ts pytorch=core.linalg.eig
 * const { eigenvalues } = torch.linalg.eig(torch.tensor([[0, -1], [1, 0]], 'float64')); // a rotation
 * console.log(eigenvalues);
 * ```
 * ```text
 * tensor([0.+1.j, 0.-1.j], dtype=torch.complex128)
 * ```
 */
export function eig(A: Tensor): NamedTuple<'eigenvalues' | 'eigenvectors'> {
  const op = 'linalg.eig';
  checkEig(op, A);
  linalgBackend(op, A); // a device without the kernels says so before the finiteness read
  if (A.numel() > 0 && !(A.isfinite().all().item() as boolean)) {
    throw new TorchRuntimeError(op, 'torch.linalg.eig: input tensor should not contain infs or NaNs.');
  }
  const [L, V] = composite('linalg_eig', [A], {}, () => eigComplex(op, A, true));
  return namedTuple('linalg_eig', [['eigenvalues', L!], ['eigenvectors', V!]]);
}

/**
 * Eigenvalues of general square matrices, complex (NaN for a matrix with a non-finite entry).
 * @example
 * ```ts pytorch=core.linalg.eigvals
 * console.log(torch.linalg.eigvals(torch.tensor([[2, 0], [0, 3]], 'float64')));
 * ```
 * ```text
 * tensor([2.+0.j, 3.+0.j], dtype=torch.complex128)
 * ```
 */
export function eigvals(A: Tensor): Tensor {
  const op = 'linalg.eigvals';
  checkEig(op, A);
  if (needsGrad([A])) return composite('linalg_eig', [A], {}, () => eigComplex(op, A, true))[0]!;
  return eigComplex(op, A, false)[0]!;
}
