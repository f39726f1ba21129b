/**
 * The general eigen-decomposition: `linalg.eig` and `linalg.eigvals`. Their results are
 * complex in PyTorch (complex64/complex128 even for real input); until Antorcha has
 * complex dtypes they check their input as PyTorch does and then raise an error that
 * says so. The backend's `eig` kernel (Hessenberg + Francis double-shift QR; real and
 * imaginary parts, vectors in LAPACK's real packing) is in place and tested for them.
 */
import { TorchRuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { expectTensor } from '../validate.js';
import { cppName } from '../ops/promotion.js';
import { checkSquare } from './errors.js';
import { needsComplex } from './spectral-kernels.js';
import type { NamedTuple } from './tuple.js';

function checkEig(op: string, A: Tensor): void {
  expectTensor(op, 'A', 1, A);
  if (A._shape.length < 2) throw new TorchRuntimeError(op, `${op}: The input tensor A must have at least 2 dimensions.`);
  checkSquare(op, A);
  if (!A.dtype.isFloatingPoint) throw new TorchRuntimeError(op, `Unknown Complex ScalarType for ${cppName(A.dtype)}`);
}

/**
 * Eigenvalues and right eigenvectors of general square matrices (complex results):
 * raises until complex dtypes are available (use {@link eigh} for symmetric input).
 */
export function eig(A: Tensor): NamedTuple<'eigenvalues' | 'eigenvectors'> {
  checkEig('linalg.eig', A);
  return needsComplex('linalg.eig');
}

/** Eigenvalues of general square matrices (complex results): raises until complex dtypes are available. */
export function eigvals(A: Tensor): Tensor {
  checkEig('linalg.eigvals', A);
  return needsComplex('linalg.eigvals');
}
