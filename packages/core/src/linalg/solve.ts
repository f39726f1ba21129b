/**
 * Linear solvers and inverses: `solve(_ex)`, `inv(_ex)`, `solve_triangular`,
 * `tensorinv`, `tensorsolve` (LU through `getrf`, substitution through `trsm`).
 */
import { composite } from '../autograd-hook.js';
import { TorchRuntimeError, TorchTypeError } from '../errors.js';
import { numelOf } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { expectBoolOptions, expectInt, expectTensor } from '../validate.js';
import { cppName } from '../ops/promotion.js';
import { checkFloat, checkInfo, checkRank, checkSameDtype, checkSquare, isLinalgDtype } from './errors.js';
import { getrf, luSolveRaw } from './lu.js';
import { runLinalg } from './run.js';
import { type NamedTuple, namedTuple } from './tuple.js';
import { batchOf, broadcastBatch, expandBatch, eyeLike, matDims } from './util.js';

/** Options of {@link solveEx}. */
export interface SolveOptions {
  /** Solve `A·X = B` (default) or `X·A = B`. */
  left?: boolean;
}

/** PyTorch's rule for a vector right-hand side: 1-D, or A's shape without its last dim. */
function isVectorRhs(A: Tensor, B: Tensor): boolean {
  if (B._shape.length === 1) return true;
  const want = A._shape.slice(0, -1);
  return B._shape.length === A._shape.length - 1 && B._shape.every((d, i) => d === want[i]);
}

/** The solve of a checked square A: `[X, info]`, no recording. */
function solveRaw(op: string, A: Tensor, B: Tensor, left: boolean, vector: boolean): [Tensor, Tensor] {
  // As PyTorch: a contiguous A is factored transposed (Aᵀ = P·L·U) and solved with the
  // adjoint, which decides the pivots and the `info` reported for singular inputs.
  // (PyTorch does so only for real A: a complex A is factored as it is.)
  const useT = A.isContiguous() && !A.dtype.isComplex;
  const [LU, piv, info] = getrf(op, useT ? A.mT : A);
  const Bm = vector ? B.unsqueeze(-1) : B;
  const X = luSolveRaw(op, LU, piv, Bm, left, useT);
  return [vector ? X.squeeze(-1) : X, info];
}

function checkSolveInputs(op: string, A: Tensor, B: Tensor, left: boolean): boolean {
  checkSquare(op, A);
  checkFloat(op, A, false, true);
  checkSameDtype(op, A, B);
  const vector = isVectorRhs(A, B);
  const n = matDims(A)[0];
  const rows = vector ? B._shape[B._shape.length - 1]! : left ? B._shape[B._shape.length - 2] : B._shape[B._shape.length - 1];
  const shown = vector ? `${B._shape[B._shape.length - 1]}x1` : `${B._shape[B._shape.length - 2]}x${B._shape[B._shape.length - 1]}`;
  if (!vector) checkRank(op, B, 'B', 1);
  if (rows !== n) {
    throw new TorchRuntimeError(op, `${op}: Incompatible shapes of A and B for the equation ${left ? 'AX = B' : 'XA = B'} (${n}x${n} and ${shown})`);
  }
  if (!vector) broadcastBatch(op, B, A);
  return vector;
}

/** The checked solve both forms share: `[X, info]`, recorded as one `linalg_solve_ex` node (as PyTorch's solve calls solve_ex). */
function solveWithInfo(A: Tensor, B: Tensor, opts: SolveOptions): [Tensor, Tensor] {
  expectBoolOptions('linalg.solve', opts, ['left']);
  const op = 'linalg.solve';
  expectTensor(op, 'A', 1, A);
  expectTensor(op, 'B', 2, B);
  const left = opts.left ?? true;
  const vector = checkSolveInputs(op, A, B, left);
  return composite('linalg_solve_ex', [A, B], { left, vector }, () => solveRaw(op, A, B, left, vector));
}

/**
 * Solves `A·X = B` (or `X·A = B` with `left: false`) for square A, returning LAPACK's
 * `info` (nonzero for a singular A) instead of raising. A 1-D B (or one shaped like A
 * without its last dim) is a batch of vectors.
 */
export function solveEx(A: Tensor, B: Tensor, opts: SolveOptions & { checkErrors?: boolean } = {}): NamedTuple<'result' | 'info'> {
  expectBoolOptions('linalg.solve_ex', opts, ['checkErrors']);
  const [X, info] = solveWithInfo(A, B, opts);
  if (opts.checkErrors === true) checkInfo('torch.linalg.solve_ex', info, 'solve', A._shape.length > 2);
  return namedTuple('linalg_solve_ex', [['result', X], ['info', info]]);
}

/**
 * Solves the square system `A·X = B` (or `X·A = B`, `left: false`) by LU with partial
 * pivoting; raises `TorchLinAlgError` for a singular A. Batch dims broadcast.
 * @example
 * ```ts pytorch=core.linalg.solve
 * const A = torch.tensor([[3, 1], [1, 2]], 'float64');
 * console.log(torch.linalg.solve(A, torch.tensor([9, 8], 'float64'))); // x with A @ x = b
 * ```
 * ```text
 * tensor([2., 3.], dtype=torch.float64)
 * ```
 */
export function solve(A: Tensor, B: Tensor, opts: SolveOptions = {}): Tensor {
  const [X, info] = solveWithInfo(A, B, opts);
  checkInfo('torch.linalg.solve', info, 'solve', A._shape.length > 2);
  return X;
}

/** The inverse of checked square matrices: `[inverse, info]`. */
function invRaw(op: string, A: Tensor): [Tensor, Tensor] {
  const n = matDims(A)[0];
  const useT = A.isContiguous() && !A.dtype.isComplex;
  const [LU, piv, info] = getrf(op, useT ? A.mT : A);
  return [luSolveRaw(op, LU, piv, eyeLike(A, n, n, batchOf(A)), true, useT), info];
}

/** {@link inv} returning LAPACK's `info` (nonzero for a singular input) instead of raising. */
export function invEx(A: Tensor, opts: { checkErrors?: boolean } = {}): NamedTuple<'inverse' | 'info'> {
  expectBoolOptions('linalg.inv_ex', opts, ['checkErrors']);
  const op = 'linalg.inv';
  expectTensor(op, 'A', 1, A);
  checkSquare(op, A);
  checkFloat(op, A, false, true);
  const [X, info] = composite('linalg_inv_ex', [A], {}, () => invRaw(op, A));
  if (opts.checkErrors === true) checkInfo('linalg.inv_ex', info, 'inv', A._shape.length > 2);
  return namedTuple('linalg_inv_ex', [['inverse', X], ['info', info]]);
}

/** @internal inv with the error prefix of the calling API (`linalg.inv`, `inv` for torch.inverse). */
export function invWith(api: string, A: Tensor): Tensor {
  const op = 'linalg.inv';
  expectTensor(op, 'A', 1, A);
  checkSquare(op, A);
  checkFloat(op, A, false, true);
  const [X, info] = composite('linalg_inv_ex', [A], {}, () => invRaw(op, A));
  checkInfo(api, info, 'inv', A._shape.length > 2);
  return X;
}

/**
 * The inverse of square matrices (LU with partial pivoting); raises `TorchLinAlgError`
 * for a singular input.
 * @example
 * ```ts pytorch=core.linalg.inv
 * console.log(torch.linalg.inv(torch.tensor([[2, 0], [0, 4]], 'float64')));
 * ```
 * ```text
 * tensor([[0.5000, 0.0000],
 *         [0.0000, 0.2500]], dtype=torch.float64)
 * ```
 */
export function inv(A: Tensor): Tensor {
  return invWith('linalg.inv', A);
}

/** Options of {@link solveTriangular}. */
export interface SolveTriangularOptions {
  /** A is upper triangular (required, as in PyTorch). */
  upper: boolean;
  /** Solve `A·X = B` (default) or `X·A = B`. */
  left?: boolean;
  /** A's diagonal is taken as ones. */
  unitriangular?: boolean;
}

/** @internal Triangular solve of checked inputs (dtypes equal), no recording. */
export function solveTriangularRaw(op: string, A: Tensor, B: Tensor, upper: boolean, left: boolean, unit: boolean): Tensor {
  const batch = broadcastBatch(op, A, B);
  const Ab = expandBatch(A, batch);
  const Bb = expandBatch(B, batch);
  const [r, c] = matDims(Bb);
  if (left) return runLinalg(op, 'trsm', batch, [Ab, Bb], [{ shape: [r, c], dtype: A.dtype }], { upper, unitDiagonal: unit })[0]!;
  return runLinalg(op, 'trsm', batch, [Ab, Bb.mT], [{ shape: [c, r], dtype: A.dtype }], { upper, unitDiagonal: unit, transpose: true })[0]!.mT;
}

/**
 * Solves a triangular system `A·X = B` (or `X·A = B`, `left: false`) by substitution,
 * reading only the triangle `upper` names. Batch dims broadcast; no singularity check (a
 * zero on the diagonal gives inf/NaN, as in PyTorch).
 * @example
 * ```ts pytorch=core.linalg.solveTriangular
 * const U = torch.tensor([[2, 1], [0, 4]], { dtype: 'float32' });
 * const B = torch.tensor([[4], [8]], { dtype: 'float32' });
 * console.log(torch.linalg.solveTriangular(U, B, { upper: true }));
 * ```
 * ```text
 * tensor([[1.],
 *         [2.]])
 * ```
 */
export function solveTriangular(A: Tensor, B: Tensor, opts: SolveTriangularOptions): Tensor {
  expectBoolOptions('linalg.solve_triangular', opts, ['upper', 'left', 'unitriangular']);
  const op = 'linalg.solve_triangular';
  expectTensor(op, 'A', 1, A);
  expectTensor(op, 'B', 2, B);
  if (opts === undefined || opts === null || typeof opts.upper !== 'boolean') throw new TorchTypeError(op, 'linalg_solve_triangular() missing 1 required positional arguments: "upper"');
  const left = opts.left ?? true;
  const unit = opts.unitriangular ?? false;
  checkSquare(op, A);
  checkRank(op, B, 'B');
  // PyTorch computes in A's dtype (B is cast to it).
  const dtype = A.dtype;
  if (!isLinalgDtype(A)) throw new TorchRuntimeError(op, `"triangular_solve_cpu" not implemented for '${cppName(dtype)}'`);
  const n = matDims(A)[0];
  const [br, bc] = matDims(B);
  if ((left ? br : bc) !== n) throw new TorchRuntimeError(op, `${op}: Incompatible shapes of A and B for the equation ${left ? 'AX = B' : 'XA = B'} (${n}x${n} and ${br}x${bc})`);
  const A2 = A.dtype === dtype ? A : A.to(dtype);
  const B2 = B.dtype === dtype ? B : B.to(dtype);
  return composite('linalg_solve_triangular', [A2, B2], { upper: opts.upper, left, unitriangular: unit }, () => solveTriangularRaw(op, A2, B2, opts.upper, left, unit));
}

/**
 * The tensor inverse: `A` reshaped to a square matrix (the product of the first `ind`
 * dims against the rest) and inverted, with the dims of the result swapped to
 * `A.shape[ind:] + A.shape[:ind]`.
 */
export function tensorinv(A: Tensor, ind = 2): Tensor {
  const op = 'linalg.tensorinv';
  expectTensor(op, 'A', 1, A);
  expectInt(op, 'ind', 2, ind);
  if (ind <= 0) throw new TorchRuntimeError(op, `Expected a strictly positive integer for 'ind', but got ${ind}`);
  const outer = A._shape.slice(0, ind);
  const inner = A._shape.slice(ind);
  const p1 = numelOf(outer);
  const p2 = numelOf(inner);
  if (p1 !== p2) throw new TorchRuntimeError(op, `Expected self to satisfy the requirement prod(self.shape[ind:]) == prod(self.shape[:ind]), but got ${p2} != ${p1}`);
  return invWith('inv', A.reshape(p1, p2)).reshape([...inner, ...outer]);
}

/**
 * Solves `tensordot(A, X, X.ndim) = B` for X: A's leading dims (B's shape) against its
 * trailing ones (X's shape); `dims` first moves those dims of A to the end.
 */
export function tensorsolve(A: Tensor, B: Tensor, dims?: readonly number[] | null): Tensor {
  const op = 'linalg.tensorsolve';
  expectTensor(op, 'A', 1, A);
  expectTensor(op, 'B', 2, B);
  let a = A;
  if (dims !== undefined && dims !== null) {
    const nd = A._shape.length;
    const src = dims.map((d) => (d < 0 ? d + nd : d));
    const dst = src.map((_, i) => nd - src.length + i);
    a = A.movedim(src, dst);
  }
  const bn = B._shape.length;
  const outShape = a._shape.slice(bn);
  const rows = numelOf(a._shape.slice(0, bn));
  const cols = numelOf(outShape);
  if (rows !== cols) throw new TorchRuntimeError(op, `Expected self to satisfy the requirement prod(self.shape[other.ndim:]) == prod(self.shape[:other.ndim]), but got ${cols} != ${rows}`);
  return solve(a.reshape(rows, cols), B.reshape(-1)).reshape(outShape);
}
