/**
 * Cholesky: `cholesky(_ex)` from the backend's `potrf`, and the `torch.*` spellings
 * `cholesky`, `cholesky_solve`, `cholesky_inverse` built on it and `trsm`.
 */
import { composite } from '../autograd-hook.js';
import { int32 } from '../dtype.js';
import { TorchRuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { boolArg, expectBoolOptions, expectTensor, keywordArgs } from '../validate.js';
import { cppName } from '../ops/promotion.js';
import { checkFloat, checkInfo, checkSquare, isLinalgDtype } from './errors.js';
import { runLinalg } from './run.js';
import { solveTriangularRaw } from './solve.js';
import { type NamedTuple, namedTuple } from './tuple.js';
import { adjointOf, batchOf, broadcastBatch, eyeLike, matDims } from './util.js';

/** potrf on a checked input: `[L or U, info]`. */
function potrf(op: string, A: Tensor, upper: boolean): [Tensor, Tensor] {
  const n = matDims(A)[0];
  const [F, info] = runLinalg(op, 'potrf', batchOf(A), [A], [{ shape: [n, n], dtype: A.dtype }, { shape: [], dtype: int32 }], { upper });
  return [F!, info!];
}

/** Options of {@link choleskyEx}. */
export interface CholeskyOptions {
  /** Return the upper factor `U` (`A = Uᴴ·U`) instead of `L`. */
  upper?: boolean;
}

/** The checked factorization both forms share: `[L, info]`, recorded as one `linalg_cholesky_ex` node (as PyTorch's cholesky calls cholesky_ex). */
function factorWithInfo(A: Tensor, opts: CholeskyOptions): [Tensor, Tensor] {
  expectBoolOptions('linalg.cholesky', opts, ['upper']);
  const op = 'linalg.cholesky';
  expectTensor(op, 'A', 1, A);
  checkSquare(op, A);
  checkFloat(op, A, false, true);
  const upper = opts.upper ?? false;
  return composite('linalg_cholesky_ex', [A], { upper }, () => potrf(op, A, upper));
}

/** {@link cholesky} returning LAPACK's `info` (the order of the first non-positive leading minor, or 0) instead of raising. */
export function choleskyEx(A: Tensor, opts: CholeskyOptions & { checkErrors?: boolean } = {}): NamedTuple<'L' | 'info'> {
  expectBoolOptions('linalg.cholesky_ex', opts, ['checkErrors']);
  const [L, info] = factorWithInfo(A, opts);
  if (opts.checkErrors === true) checkInfo('linalg.cholesky_ex', info, 'cholesky', A._shape.length > 2);
  return namedTuple('linalg_cholesky_ex', [['L', L], ['info', info]]);
}

/**
 * The Cholesky factor `L` of symmetric positive-definite matrices (`A = L·Lᴴ`; only the
 * lower triangle is read, the upper one with `upper: true`, which returns `U = Lᴴ`).
 * Raises `TorchLinAlgError` when a leading minor is not positive-definite.
 * @example
 * ```ts pytorch=core.linalg.cholesky
 * const L = torch.linalg.cholesky(torch.tensor([[4, 2], [2, 5]], 'float64'));
 * console.log(L); // lower triangular, L @ Lᵀ = A
 * ```
 * ```text
 * tensor([[2., 0.],
 *         [1., 2.]], dtype=torch.float64)
 * ```
 */
export function cholesky(A: Tensor, opts: CholeskyOptions = {}): Tensor {
  const [L, info] = factorWithInfo(A, opts);
  checkInfo('linalg.cholesky', info, 'cholesky', A._shape.length > 2);
  return L;
}

/** `upper` positional or as `{ upper }` (PyTorch's keyword); anything but a boolean is a type error. */
function upperArg(op: string, upperIn: unknown, pos = 2): boolean {
  return boolArg(op, 'upper', pos, keywordArgs(op, ['upper'], [upperIn]).upper, false);
}

/** `torch.cholesky` (deprecated in PyTorch for `linalg.cholesky`): `upper` as a positional flag. */
export function choleskyTorch(A: Tensor, upperIn?: boolean | CholeskyOptions): Tensor {
  const op = 'cholesky';
  expectTensor(op, 'input', 1, A);
  const upper = upperArg(op, upperIn);
  checkSquare(op, A);
  if (!isLinalgDtype(A)) throw new TorchRuntimeError(op, `"cholesky_cpu" not implemented for '${cppName(A.dtype)}'`);
  const [L, info] = composite('cholesky', [A], { upper }, () => potrf(op, A, upper));
  checkInfo(op, info, 'cholesky', A._shape.length > 2);
  return L;
}

/**
 * `torch.cholesky_solve`: solves `A·X = B` given the Cholesky factor of A (`L`, or `U`
 * with `upper`). Batch dims broadcast.
 */
export function choleskySolve(B: Tensor, L: Tensor, upperIn?: boolean | CholeskyOptions): Tensor {
  const op = 'cholesky_solve';
  expectTensor(op, 'input', 1, B);
  expectTensor(op, 'input2', 2, L);
  const upper = upperArg(op, upperIn, 3);
  if (B._shape.length < 2) throw new TorchRuntimeError(op, `b should have at least 2 dimensions, but has ${B._shape.length} dimensions instead`);
  if (L._shape.length < 2) throw new TorchRuntimeError(op, `u should have at least 2 dimensions, but has ${L._shape.length} dimensions instead`);
  if (B.dtype !== L.dtype) throw new TorchRuntimeError(op, `Expected b and A to have the same dtype, but found b of type ${cppName(B.dtype)} and A of type ${cppName(L.dtype)} instead.`);
  if (!isLinalgDtype(B)) throw new TorchRuntimeError(op, `"cholesky_solve_cpu" not implemented for '${cppName(B.dtype)}'`);
  const [r, c] = matDims(L);
  if (r !== c) throw new TorchRuntimeError(op, `A must be batches of square matrices, but they are ${r} by ${c} matrices`);
  if (matDims(B)[0] !== r) throw new TorchRuntimeError(op, `Incompatible matrix sizes for cholesky_solve: each A matrix is ${r} by ${r} but each b matrix is ${matDims(B)[0]} by ${matDims(B)[1]}`);
  broadcastBatch(op, B, L);
  return composite('cholesky_solve', [B, L], { upper }, () => {
    // A = L·Lᴴ: solve L·Y = B, then Lᴴ·X = Y (for upper, A = Uᴴ·U).
    const lower = upper ? adjointOf(L) : L;
    const y = solveTriangularRaw(op, lower, B, false, true, false);
    return solveTriangularRaw(op, adjointOf(lower), y, true, true, false);
  });
}

/**
 * `torch.cholesky_inverse`: the inverse of `A = L·Lᴴ` (or `Uᴴ·U` with `upper`) from its
 * Cholesky factor; raises `TorchLinAlgError` for a zero on the factor's diagonal.
 */
export function choleskyInverse(L: Tensor, upperIn?: boolean | CholeskyOptions): Tensor {
  const op = 'cholesky_inverse';
  expectTensor(op, 'input', 1, L);
  const upper = upperArg(op, upperIn);
  checkSquare(op, L);
  if (!isLinalgDtype(L)) throw new TorchRuntimeError(op, `"cholesky_inverse_out_cpu" not implemented for '${cppName(L.dtype)}'`);
  const n = matDims(L)[0];
  // LAPACK's potri reports the first zero on the diagonal, as trtri does.
  const zero = L.diagonal(0, -2, -1).eq(0);
  const first = zero.to(int32).argmax(-1).add(1);
  checkInfo(op, first.mul(zero.any(-1).to(int32)).to(int32), 'inv', L._shape.length > 2);
  return composite('cholesky_inverse', [L], { upper }, () => {
    const I = eyeLike(L, n, n, batchOf(L));
    // A⁻¹ = L⁻ᴴ·L⁻¹ (lower) or U⁻¹·U⁻ᴴ (upper)
    const Linv = solveTriangularRaw(op, L, I, upper, true, false);
    return upper ? Linv.matmul(adjointOf(Linv)) : adjointOf(Linv).matmul(Linv);
  });
}

