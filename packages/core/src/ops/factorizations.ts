/**
 * The `torch.*` spellings of the linear-algebra ops (and, through the catalogue rows in
 * `catalogue/factorizations.ts`, their Tensor methods): `det`, `logdet`, `slogdet`,
 * `inverse`, `cholesky`, `choleskySolve`, `choleskyInverse`, `lu`, `luUnpack`, `luSolve`,
 * `triangularSolve`, `qr`, `geqrf`, `orgqr`, `ormqr`, `matrixExp`, `matrixPower`. Each is
 * the `torch.linalg` function (in `linalg/`) with PyTorch's older argument order and names.
 */
import { composite } from '../autograd-hook.js';
import { TorchRuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { expectBoolOptions, expectTensor } from '../validate.js';
import { type CholeskyOptions, choleskyInverse, choleskySolve, choleskyTorch } from '../linalg/cholesky.js';
import { det as linalgDet, logdet as linalgLogdet, slogdet as linalgSlogdet } from '../linalg/det.js';
import { luFactorEx, luSolve as linalgLuSolve, luUnpack } from '../linalg/lu.js';
import { matrixExp as linalgMatrixExp, matrixPower as linalgMatrixPower } from '../linalg/matfun.js';
import { type OrmqrOptions, geqrf, orgqr, ormqr, qrTorch } from '../linalg/qr.js';
import { invWith, solveTriangularRaw } from '../linalg/solve.js';
import { type NamedTuple, namedTuple } from '../linalg/tuple.js';
import { cppName } from './promotion.js';
import { matDims } from '../linalg/util.js';

export { type OrmqrOptions, choleskyInverse, choleskySolve, geqrf, luUnpack, orgqr, ormqr };

/**
 * The determinant of square matrices (`torch.linalg.det`).
 * @example
 * ```ts pytorch=core.det
 * console.log(torch.det(torch.tensor([[4, 1], [2, 3]], 'float64')));
 * ```
 * ```text
 * tensor(10., dtype=torch.float64)
 * ```
 */
export function det(A: Tensor): Tensor {
  return linalgDet(A);
}

/** The log of the determinant (NaN where it is negative, −inf where it is 0). */
export function logdet(A: Tensor): Tensor {
  return linalgLogdet(A);
}

/** Sign and log of the absolute value of the determinant (`torch.linalg.slogdet`). */
export function slogdet(A: Tensor): NamedTuple<'sign' | 'logabsdet'> {
  const r = linalgSlogdet(A);
  return namedTuple('slogdet', [['sign', r.sign], ['logabsdet', r.logabsdet]]);
}

/**
 * The inverse of square matrices (`torch.linalg.inv`).
 * @example
 * ```ts pytorch=core.inverse
 * console.log(torch.inverse(torch.tensor([[2, 0], [0, 4]], 'float64')));
 * ```
 * ```text
 * tensor([[0.5000, 0.0000],
 *         [0.0000, 0.2500]], dtype=torch.float64)
 * ```
 */
export function inverse(A: Tensor): Tensor {
  return invWith('linalg.inv', A);
}

/** `torch.cholesky` (deprecated in PyTorch for `torch.linalg.cholesky`): the lower factor, or the upper one with `upper`. */
export function cholesky(A: Tensor, upper?: boolean | CholeskyOptions): Tensor {
  return choleskyTorch(A, upper);
}

/** Options of {@link lu}. */
export interface TorchLuOptions {
  /** Partial pivoting (the CPU supports only `true`). */
  pivot?: boolean;
  /** Also return LAPACK's `info` per matrix instead of raising for a singular one. */
  getInfos?: boolean;
}

/**
 * `torch.lu` (deprecated in PyTorch for `linalg.lu_factor`): `[LU, pivots]`, or
 * `[LU, pivots, infos]` with `getInfos`.
 */
export function lu(A: Tensor, opts: TorchLuOptions = {}): Tensor[] {
  expectBoolOptions('lu', opts, ['pivot', 'getInfos']);
  const r = luFactorEx(A, { pivot: opts.pivot ?? true, checkErrors: !(opts.getInfos ?? false) });
  return opts.getInfos === true ? [r.LU, r.pivots, r.info] : [r.LU, r.pivots];
}

/** `torch.lu_solve(b, LU_data, LU_pivots)`: solves `A·X = b` from `torch.lu`'s factorization. */
export function luSolve(b: Tensor, LU: Tensor, pivots: Tensor): Tensor {
  return linalgLuSolve(LU, pivots, b);
}

/** Options of {@link triangularSolve}. */
export interface TriangularSolveOptions {
  /** A is upper triangular (default true). */
  upper?: boolean;
  /** Solve with Aᵀ. */
  transpose?: boolean;
  /** A's diagonal is taken as ones. */
  unitriangular?: boolean;
}

/**
 * `torch.triangular_solve(b, A)` (deprecated in PyTorch for `linalg.solve_triangular`):
 * the solution of `op(A)·X = b` and a copy of A.
 */
export function triangularSolve(b: Tensor, A: Tensor, opts: TriangularSolveOptions = {}): NamedTuple<'solution' | 'cloned_coefficient'> {
  expectBoolOptions('triangular_solve', opts, ['upper', 'transpose', 'unitriangular']);
  const op = 'triangular_solve';
  expectTensor(op, 'input', 1, b);
  expectTensor(op, 'A', 2, A);
  if (b._shape.length < 2) throw new TorchRuntimeError(op, `b should have at least 2 dimensions, but has ${b._shape.length} dimensions instead`);
  if (A._shape.length < 2) throw new TorchRuntimeError(op, `u should have at least 2 dimensions, but has ${A._shape.length} dimensions instead`);
  const [r, c] = matDims(A);
  if (r !== c) throw new TorchRuntimeError(op, `A must be batches of square matrices, but they are ${r} by ${c} matrices`);
  if (b.dtype !== A.dtype) throw new TorchRuntimeError(op, `Expected b and A to have the same dtype, but found b of type ${cppName(b.dtype)} and A of type ${cppName(A.dtype)} instead.`);
  if (!A.dtype.isFloatingPoint) throw new TorchRuntimeError(op, `"triangular_solve_cpu" not implemented for '${cppName(A.dtype)}'`);
  if (matDims(b)[0] !== r) throw new TorchRuntimeError(op, `Incompatible matrix sizes for triangular_solve: each A matrix is ${r} by ${r} but each b matrix is ${matDims(b)[0]} by ${matDims(b)[1]}`);
  const upper = opts.upper ?? true;
  const transpose = opts.transpose ?? false;
  const unit = opts.unitriangular ?? false;
  const [solution, clone] = composite('triangular_solve', [b, A], { upper, transpose, unitriangular: unit }, () => {
    const T = transpose ? A.mT : A;
    return [solveTriangularRaw(op, T, b, upper !== transpose, true, unit), A.clone()];
  });
  return namedTuple('triangular_solve', [['solution', solution!], ['cloned_coefficient', clone!]]);
}

/** `torch.qr(A, some)` (deprecated in PyTorch for `linalg.qr`): reduced (`some`, default) or complete. */
export function qr(A: Tensor, some?: boolean | { some?: boolean }): NamedTuple<'Q' | 'R'> {
  return qrTorch(A, some);
}

/** The matrix exponential (`torch.linalg.matrix_exp`). */
export function matrixExp(A: Tensor): Tensor {
  return linalgMatrixExp(A);
}

/** The integer matrix power (`torch.linalg.matrix_power`). */
export function matrixPower(A: Tensor, n: number): Tensor {
  return linalgMatrixPower(A, n);
}
