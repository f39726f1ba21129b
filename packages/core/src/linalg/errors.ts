/**
 * `torch.linalg.LinAlgError` and the checks that raise PyTorch's texts: input ranks,
 * square matrices, float dtypes, and the numerical failures kernels report in `info`.
 */
import { TorchRuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { cppName } from '../ops/promotion.js';
import { hostValues } from '../ops/conversion.js';

/**
 * PyTorch's `torch.linalg.LinAlgError` (a `RuntimeError`): a singular matrix, a matrix
 * that is not positive-definite, a failed factorization.
 */
export class TorchLinAlgError extends TorchRuntimeError {
  /** @internal */
  constructor(op: string, message: string) {
    super(op, message);
    (this as { pythonName: string }).pythonName = 'LinAlgError';
    this.name = 'TorchLinAlgError';
  }
}

/** At least `rank` dims: `linalg.inv: The input tensor A must have at least 2 dimensions.` */
export function checkRank(op: string, t: Tensor, name = 'A', rank = 2): void {
  if (t._shape.length < rank) throw new TorchRuntimeError(op, `${op}: The input tensor ${name} must have at least ${rank} dimensions.`);
}

/** Batches of square matrices (checked after the rank). */
export function checkSquare(op: string, t: Tensor, name = 'A'): void {
  checkRank(op, t, name);
  const n = t._shape.length;
  const r = t._shape[n - 2]!;
  const c = t._shape[n - 1]!;
  if (r !== c) throw new TorchRuntimeError(op, `${op}: ${name} must be batches of square matrices, but they are ${r} by ${c} matrices`);
}

/** float32/float64, and complex64/complex128 when `complex`: the dtypes the factorizations compute in. */
export function isLinalgDtype(t: Tensor, complex = true): boolean {
  return t.dtype.isComplex ? complex : t.dtype.isFloatingPoint;
}

/**
 * float32/float64: `linalg.inv: Expected a floating point or complex tensor as input. Got Long`;
 * float16/bfloat16 are refused as PyTorch's factorizations refuse them (`Low precision dtypes
 * not supported`) unless `lowPrecision` (the norms compute in them); complex64/complex128
 * pass when `complex` (the ops whose kernels compute in them), otherwise an error says
 * they are not supported yet (PyTorch supports them).
 */
export function checkFloat(op: string, t: Tensor, lowPrecision = false, complex = false): void {
  if (t.dtype.isComplex && complex) return;
  if (t.dtype.isComplex) throw new TorchRuntimeError(op, `${op}: complex inputs are not supported yet (got ${cppName(t.dtype)}); this op computes in float32 and float64 only`);
  if (!t.dtype.isFloatingPoint) throw new TorchRuntimeError(op, `${op}: Expected a floating point or complex tensor as input. Got ${cppName(t.dtype)}`);
  if (!lowPrecision && (t.dtype.name === 'float16' || t.dtype.name === 'bfloat16')) throw new TorchRuntimeError(op, `${op}: Low precision dtypes not supported. Got ${cppName(t.dtype)}`);
}

/** Same dtype of A and B: PyTorch's text for the solvers. */
export function checkSameDtype(op: string, a: Tensor, b: Tensor, an = 'A', bn = 'B'): void {
  if (a.dtype !== b.dtype) {
    throw new TorchRuntimeError(op, `${op}: Expected ${an} and ${bn} to have the same dtype, but found ${an} of type ${cppName(a.dtype)} and ${bn} of type ${cppName(b.dtype)} instead`);
  }
}

/** The failures `info` reports, by the kernel that reported them (PyTorch's `_linalg_check_errors`). */
export type InfoKind = 'inv' | 'solve' | 'cholesky' | 'lu_factor' | 'ldl_factor';

/**
 * Raises PyTorch's error for the first batch element whose `info` is positive (after
 * the kernel ran). `batched`: the input had batch dims, so the text names the element.
 */
export function checkInfo(op: string, info: Tensor, kind: InfoKind, batched: boolean): void {
  const values = hostValues(info, op);
  for (let b = 0; b < values.length; b++) {
    const i = Number(values[b]);
    if (i <= 0) continue;
    const where = batched ? `: (Batch element ${b}):` : ':';
    switch (kind) {
      case 'inv':
        throw new TorchLinAlgError(op, `${op}${where} The diagonal element ${i} is zero, the inversion could not be completed because the input matrix is singular.`);
      case 'solve':
        throw new TorchLinAlgError(op, `${op}${where} The solver failed because the input matrix is singular.`);
      case 'cholesky':
        throw new TorchLinAlgError(op, `${op}${where} The factorization could not be completed because the input is not positive-definite (the leading minor of order ${i} is not positive-definite).`);
      case 'lu_factor':
        throw new TorchRuntimeError(op, `${op}${where} U[${i},${i}] is zero and using it on lu_solve would result in a division by zero. If you still want to perform the factorization, consider calling linalg.lu(A, pivot) or linalg.lu_factor_ex(A, pivot)`);
      case 'ldl_factor':
        throw new TorchLinAlgError(op, `${op}${where} The factorization could not be completed because the input is not invertible (D[${i},${i}] is zero).`);
    }
  }
}
