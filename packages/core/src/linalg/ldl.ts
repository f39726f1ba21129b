/**
 * Symmetric indefinite LDLᵀ with Bunch–Kaufman pivoting: `ldl_factor(_ex)`, `ldl_solve`
 * (kernels `sytrf`, `sytrs`); for complex input `A = L·D·Lᵀ` (complex symmetric, the
 * default) or `A = L·D·Lᴴ` with `hermitian: true`, as PyTorch's.
 */
import { int32 } from '../dtype.js';
import { TorchRuntimeError, fmtShape } from '../errors.js';
import { cppName } from '../ops/promotion.js';
import type { Tensor } from '../tensor.js';
import { expectBoolOptions, expectTensor } from '../validate.js';
import { checkFloat, checkInfo, checkRank, checkSquare } from './errors.js';
import { runLinalg } from './run.js';
import { type NamedTuple, namedTuple } from './tuple.js';
import { batchOf, broadcastBatch, expandBatch, matDims } from './util.js';

/** Options of {@link ldlFactorEx}. */
export interface LdlOptions {
  /** Hermitian rather than symmetric (the same for real dtypes). */
  hermitian?: boolean;
}

function sytrf(op: string, A: Tensor, hermitian: boolean): [Tensor, Tensor, Tensor] {
  expectTensor(op, 'A', 1, A);
  checkSquare(op, A);
  checkFloat(op, A, false, true);
  const n = matDims(A)[0];
  const [LD, piv, info] = runLinalg(op, 'sytrf', batchOf(A), [A], [
    { shape: [n, n], dtype: A.dtype },
    { shape: [n], dtype: int32 },
    { shape: [], dtype: int32 },
  ], { hermitian });
  return [LD!, piv!, info!];
}

/**
 * The LDLᵀ factorization of symmetric matrices (lower triangle read) with Bunch–Kaufman
 * pivoting, as LAPACK's `sytrf`: L and the block diagonal D packed in `LD`, LAPACK's pivot
 * encoding in `pivots`, and `info` (nonzero when D is singular) instead of an error.
 */
export function ldlFactorEx(A: Tensor, opts: LdlOptions & { checkErrors?: boolean } = {}): NamedTuple<'LD' | 'pivots' | 'info'> {
  expectBoolOptions('linalg.ldl_factor_ex', opts, ['hermitian', 'checkErrors']);
  const op = 'torch.linalg.ldl_factor_ex';
  const [LD, piv, info] = sytrf(op, A, opts.hermitian ?? false);
  if (opts.checkErrors === true) checkInfo(op, info, 'ldl_factor', A._shape.length > 2);
  return namedTuple('linalg_ldl_factor_ex', [['LD', LD], ['pivots', piv], ['info', info]]);
}

/**
 * The LDLᵀ factorization of symmetric matrices (see {@link ldlFactorEx}); raises for a
 * singular D. Not differentiable (as in PyTorch).
 * @example
 * ```ts pytorch=core.linalg.ldlSolve
 * const A = torch.tensor([[4, 2], [2, 3]], { dtype: 'float32' }); // symmetric
 * const B = torch.tensor([[2], [1]], { dtype: 'float32' });
 * const { LD, pivots } = torch.linalg.ldlFactor(A);
 * console.log(torch.linalg.ldlSolve(LD, pivots, B)); // X with A @ X = B
 * ```
 * ```text
 * tensor([[0.5000],
 *         [0.0000]])
 * ```
 */
export function ldlFactor(A: Tensor, opts: LdlOptions = {}): NamedTuple<'LD' | 'pivots'> {
  expectBoolOptions('linalg.ldl_factor', opts, ['hermitian']);
  const op = 'torch.linalg.ldl_factor_ex';
  const [LD, piv, info] = sytrf(op, A, opts.hermitian ?? false);
  checkInfo('torch.linalg.ldl_factor', info, 'ldl_factor', A._shape.length > 2);
  return namedTuple('linalg_ldl_factor', [['LD', LD], ['pivots', piv]]);
}

/** Solves `A·X = B` from {@link ldlFactor}'s `LD` and `pivots`. Batch dims broadcast. */
export function ldlSolve(LD: Tensor, pivots: Tensor, B: Tensor, opts: LdlOptions = {}): Tensor {
  expectBoolOptions('linalg.ldl_solve', opts, ['hermitian']);
  const op = 'torch.linalg.ldl_solve';
  expectTensor(op, 'LD', 1, LD);
  expectTensor(op, 'pivots', 2, pivots);
  expectTensor(op, 'B', 3, B);
  checkSquare(op, LD, 'LD');
  checkRank(op, B, 'B');
  checkFloat(op, LD, false, true);
  if (B.dtype !== LD.dtype) throw new TorchRuntimeError(op, `Expected b and A to have the same dtype, but found b of type ${cppName(B.dtype)} and A of type ${cppName(LD.dtype)} instead.`);
  if (pivots.dtype.isFloatingPoint || pivots.dtype.name === 'bool') throw new TorchRuntimeError(op, `${op}: Expected pivots to be integers. Got ${pivots.dtype}`);
  const n = matDims(LD)[0];
  const want = LD._shape.slice(0, -1);
  if (pivots._shape.length !== want.length || pivots._shape.some((d, i) => d !== want[i])) {
    throw new TorchRuntimeError(op, `${op}: Expected LD.shape[:-1] and pivots.shape to be the same, but got pivots with shape ${fmtShape(pivots._shape)} instead`);
  }
  const [br, bc] = matDims(B);
  if (br !== n) throw new TorchRuntimeError(op, `Incompatible matrix sizes for ${op}: each A matrix is ${n} by ${n} but each b matrix is ${br} by ${bc}`);
  const batch = broadcastBatch(op, LD, B);
  const piv = pivots.dtype === int32 ? pivots : pivots.to(int32);
  return runLinalg(op, 'sytrs', batch, [expandBatch(LD, batch), expandBatch(piv, batch, 1), expandBatch(B, batch)], [{ shape: [n, bc], dtype: B.dtype }], { hermitian: opts.hermitian === true })[0]!;
}
