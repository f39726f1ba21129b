/**
 * The symmetric eigen-decomposition: `linalg.eigh` and `linalg.eigvalsh` (the `eigh`
 * kernel: Householder tridiagonalisation + implicit QL on the CPU), recorded for
 * autograd as PyTorch's `LinalgEighBackward0`. Only the triangle `UPLO` names is read.
 * Eigenvalues are ascending; each eigenvector is unique only up to sign (and, for a
 * repeated eigenvalue, up to a rotation within its eigenspace).
 */
import { composite, needsGrad } from '../autograd-hook.js';
import { TorchRuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { expectTensor } from '../validate.js';
import { cppName } from '../ops/promotion.js';
import { checkSquare } from './errors.js';
import { checkSpectralDtype, eighRaw } from './spectral-kernels.js';
import { type NamedTuple, namedTuple } from './tuple.js';

/** Which triangle `eigh`/`eigvalsh` read: `'L'` (default) or `'U'`. */
export type Uplo = 'L' | 'U';

/** The checks of `linalg.eigh` / `eigvalsh` (PyTorch's texts), returning whether the upper triangle is read. */
function checkEigh(op: string, A: Tensor, UPLO: unknown): boolean {
  expectTensor(op, 'A', 1, A);
  if (A._shape.length < 2) throw new TorchRuntimeError(op, 'linalg.eigh: The input tensor A must have at least 2 dimensions.');
  checkSquare('linalg.eigh', A);
  if (!checkSpectralDtype('linalg.eigh', A, 'linalg_eigh_cpu', true)) throw new TorchRuntimeError(op, `"linalg_eigh_cpu" not implemented for '${cppName(A.dtype)}'`);
  const u = typeof UPLO === 'string' ? UPLO.toUpperCase() : UPLO;
  if (u !== 'L' && u !== 'U') throw new TorchRuntimeError(op, `Expected UPLO argument to be 'L' or 'U', but got ${String(UPLO)}`);
  return u === 'U';
}

/**
 * Eigenvalues (ascending) and orthonormal eigenvectors (columns) of symmetric (complex:
 * Hermitian) matrices, reading the lower (`UPLO = 'L'`, default) or upper triangle; the
 * eigenvalues are real (float32/float64) for complex input.
 * @example
 * ```ts pytorch=core.linalg.eigh
 * const { eigenvalues, eigenvectors } = torch.linalg.eigh(torch.tensor([[2, 1], [1, 3]], 'float64'));
 * console.log(eigenvalues); // ascending
 * console.log(eigenvectors.abs()); // as columns (their signs may differ from LAPACK's)
 * ```
 * ```text
 * tensor([1.3820, 3.6180], dtype=torch.float64)
 * tensor([[0.8507, 0.5257],
 *         [0.5257, 0.8507]], dtype=torch.float64)
 * ```
 */
export function eigh(A: Tensor, UPLO: Uplo | { UPLO?: Uplo } = 'L'): NamedTuple<'eigenvalues' | 'eigenvectors'> {
  const op = 'linalg.eigh';
  const uplo = typeof UPLO === 'object' && UPLO !== null ? (UPLO.UPLO ?? 'L') : UPLO;
  const upper = checkEigh(op, A, uplo);
  const [w, V] = composite('linalg_eigh', [A], { upper }, () => eighRaw(op, A, upper, true));
  return namedTuple('linalg_eigh', [['eigenvalues', w!], ['eigenvectors', V!]]);
}

/**
 * The eigenvalues of symmetric matrices, ascending (the triangle `UPLO` names is read).
 * @example
 * ```ts pytorch=core.linalg.eigvalsh
 * console.log(torch.linalg.eigvalsh(torch.tensor([[2, 1], [1, 3]], 'float64')));
 * ```
 * ```text
 * tensor([1.3820, 3.6180], dtype=torch.float64)
 * ```
 */
export function eigvalsh(A: Tensor, UPLO: Uplo | { UPLO?: Uplo } = 'L'): Tensor {
  const op = 'linalg.eigvalsh';
  const uplo = typeof UPLO === 'object' && UPLO !== null ? (UPLO.UPLO ?? 'L') : UPLO;
  const upper = checkEigh(op, A, uplo);
  return eigvalshRaw(op, A, upper);
}

/** @internal eigvalsh of a checked input: with the eigenvectors behind it when A needs a gradient (PyTorch's node). */
export function eigvalshRaw(op: string, A: Tensor, upper: boolean): Tensor {
  if (!needsGrad([A])) return eighRaw(op, A, upper, false)[0]!;
  const [w] = composite('linalg_eigvalsh', [A], { upper }, () => eighRaw(op, A, upper, true));
  return w!;
}
