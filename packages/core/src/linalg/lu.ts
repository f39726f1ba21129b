/**
 * LU with partial pivoting: `lu_factor(_ex)`, `lu`, `lu_unpack`, `lu_solve`, all from
 * the backend's `getrf`, `pivots` and `trsm` kernels.
 */
import { composite } from '../autograd-hook.js';
import { int32, int64 } from '../dtype.js';
import { TorchRuntimeError, fmtShape } from '../errors.js';
import { broadcastShapes } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { expectBoolOptions, expectTensor } from '../validate.js';
import { zeros } from '../ops/creation.js';
import { cppName } from '../ops/promotion.js';
import { checkInfo, checkRank, checkSameDtype, isLinalgDtype } from './errors.js';
import { runLinalg } from './run.js';
import { type NamedTuple, namedTuple } from './tuple.js';
import { adjointOf, batchOf, eyeLike, expandBatch, matDims } from './util.js';

/** Options of {@link luFactorEx}. */
export interface LuFactorOptions {
  /** Partial pivoting (the CPU supports only `true`, as PyTorch's). */
  pivot?: boolean;
  /** Raise PyTorch's error for a singular input instead of returning `info`. */
  checkErrors?: boolean;
}

/** The checks of the LU factorizations (PyTorch's texts for rank, dtype and `pivot=false`). */
function checkLuInput(A: Tensor, pivot: boolean, api: string): void {
  if (A._shape.length < 2) throw new TorchRuntimeError(api, `torch.lu_factor: Expected tensor with 2 or more dimensions. Got size: ${fmtShape(A._shape)} instead`);
  if (!isLinalgDtype(A)) throw new TorchRuntimeError(api, `"lu_cpu" not implemented for '${cppName(A.dtype)}'`);
  if (!pivot) throw new TorchRuntimeError(api, 'linalg.lu_factor: LU without pivoting is not implemented on the CPU');
}

/** getrf on a checked input: `[LU, pivots (int32), info (int32)]`. */
export function getrf(op: string, A: Tensor): [Tensor, Tensor, Tensor] {
  const [m, n] = matDims(A);
  const [LU, piv, info] = runLinalg(op, 'getrf', batchOf(A), [A], [
    { shape: [m, n], dtype: A.dtype },
    { shape: [Math.min(m, n)], dtype: int32 },
    { shape: [], dtype: int32 },
  ]);
  return [LU!, piv!, info!];
}

/** The permutation (int64, `[..., m]`) that LAPACK pivots apply: row `i` of `L·U` is row `perm[i]` of A. */
export function pivotsToPerm(op: string, piv: Tensor, m: number): Tensor {
  return runLinalg(op, 'pivots', batchOf(piv, 1), [piv], [{ shape: [m], dtype: int64 }])[0]!;
}

/** The permutation matrix P (A = P·L·U) of a permutation from {@link pivotsToPerm}. */
export function permMatrix(perm: Tensor, like: Tensor): Tensor {
  const m = perm._shape[perm._shape.length - 1]!;
  const P = zeros([...perm._shape, m], { dtype: like.dtype, device: like.device });
  return P.scatter_(-2, perm.unsqueeze(-2), 1);
}

/**
 * LU factorization with partial pivoting, returning LAPACK's `info` instead of raising
 * for singular inputs: `A = P·L·U` with `L` and `U` packed in `LU` and 1-based int32
 * row interchanges in `pivots`.
 * @example
 * ```ts pytorch=core.linalg.luFactorEx
 * const A = torch.tensor([[4, 1], [2, 3]], { dtype: 'float32' });
 * const { LU, pivots, info } = torch.linalg.luFactorEx(A);
 * console.log(LU);
 * console.log(pivots, info); // info 0: A is not singular
 * ```
 * ```text
 * tensor([[4.0000, 1.0000],
 *         [0.5000, 2.5000]])
 * tensor([1, 2], dtype=torch.int32) tensor(0, dtype=torch.int32)
 * ```
 */
export function luFactorEx(A: Tensor, opts: LuFactorOptions = {}): NamedTuple<'LU' | 'pivots' | 'info'> {
  expectBoolOptions('linalg.lu_factor_ex', opts, ['pivot', 'checkErrors']);
  expectTensor('linalg.lu_factor_ex', 'A', 1, A);
  checkLuInput(A, opts.pivot ?? true, 'linalg.lu_factor_ex');
  const out = composite('linalg_lu_factor_ex', [A], {}, () => getrf('linalg.lu_factor_ex', A));
  if (opts.checkErrors === true) checkInfo('torch.linalg.lu_factor_ex', out[2], 'lu_factor', A._shape.length > 2);
  return namedTuple('linalg_lu_factor_ex', [['LU', out[0]], ['pivots', out[1]], ['info', out[2]]]);
}

/** LU factorization with partial pivoting (`LU`, `pivots`); raises for a singular input, as PyTorch. */
export function luFactor(A: Tensor, opts: { pivot?: boolean } = {}): NamedTuple<'LU' | 'pivots'> {
  expectBoolOptions('linalg.lu_factor', opts, ['pivot']);
  expectTensor('linalg.lu_factor', 'A', 1, A);
  checkLuInput(A, opts.pivot ?? true, 'linalg.lu_factor');
  const out = composite('linalg_lu_factor_ex', [A], {}, () => getrf('linalg.lu_factor', A));
  checkInfo('torch.linalg.lu_factor', out[2], 'lu_factor', A._shape.length > 2);
  return namedTuple('linalg_lu_factor', [['LU', out[0]], ['pivots', out[1]]]);
}

/** Unpacks `LU` (m×n) into `L` (m×k, unit lower) and `U` (k×n, upper). */
export function unpackLU(LU: Tensor): [Tensor, Tensor] {
  const [m, n] = matDims(LU);
  const k = Math.min(m, n);
  const L = LU.narrow(-1, 0, k).tril(-1).add(eyeLike(LU, m, k));
  const U = LU.narrow(-2, 0, k).triu();
  return [L, U];
}

/**
 * The LU decomposition `A = P·L·U` with partial pivoting, as three tensors (P a
 * permutation matrix, L unit lower trapezoidal, U upper trapezoidal).
 * @example
 * ```ts pytorch=core.linalg.lu
 * const A = torch.tensor([[4, 1], [2, 3]], { dtype: 'float32' });
 * const { P, L, U } = torch.linalg.lu(A);
 * console.log(L);
 * console.log(U);
 * console.log(P.matmul(L).matmul(U)); // A
 * ```
 * ```text
 * tensor([[1.0000, 0.0000],
 *         [0.5000, 1.0000]])
 * tensor([[4.0000, 1.0000],
 *         [0.0000, 2.5000]])
 * tensor([[4., 1.],
 *         [2., 3.]])
 * ```
 */
export function lu(A: Tensor, opts: { pivot?: boolean } = {}): NamedTuple<'P' | 'L' | 'U'> {
  expectBoolOptions('linalg.lu', opts, ['pivot']);
  expectTensor('linalg.lu', 'A', 1, A);
  if (A._shape.length < 2) throw new TorchRuntimeError('linalg.lu', `linalg.lu: Expected tensor with 2 or more dimensions. Got size: ${fmtShape(A._shape)} instead`);
  checkLuInput(A, opts.pivot ?? true, 'linalg.lu');
  const out = composite('linalg_lu', [A], {}, () => {
    const [LU, piv] = getrf('linalg.lu', A);
    const [L, U] = unpackLU(LU);
    return [permMatrix(pivotsToPerm('linalg.lu', piv, matDims(A)[0]), A), L, U];
  });
  return namedTuple('linalg_lu', [['P', out[0]!], ['L', out[1]!], ['U', out[2]!]]);
}

/** Options of {@link luSolve}. */
export interface LuSolveOptions {
  /** Solve `A·X = B` (default) or `X·A = B`. */
  left?: boolean;
  /** Solve with `Aᴴ` instead of `A`. */
  adjoint?: boolean;
}

/**
 * Solves with an LU factorization computed by one of the backend kernels: `left`
 * `A·X = B`, or `X·A = B`, with `Aᴴ` for `adjoint`. LU and pivots share B's broadcast
 * batch dims. No autograd recording (the callers record).
 */
export function luSolveRaw(op: string, LU: Tensor, piv: Tensor, B: Tensor, left: boolean, adjoint: boolean): Tensor {
  // X·A = B ⇔ Aᴴ·Xᴴ = Bᴴ (Aᵀ·Xᵀ = Bᵀ for reals)
  if (!left) return adjointOf(luSolveRaw(op, LU, piv, adjointOf(B), true, !adjoint));
  const n = matDims(LU)[0];
  const batch = broadcastShapes(batchOf(LU), batchOf(B), op);
  const LUb = expandBatch(LU, batch);
  const pivb = expandBatch(piv, batch, 1);
  const Bb = expandBatch(B, batch);
  const r = matDims(B)[1];
  const perm = pivotsToPerm(op, pivb, n);
  const idx = perm.unsqueeze(-1).expand([...batch, n, r]);
  if (!adjoint) {
    // L·U·X = P⁻¹·B = B[perm]
    const pb = Bb.gather(-2, idx);
    const y = runLinalg(op, 'trsm', batch, [LUb, pb], [{ shape: [n, r], dtype: LU.dtype }], { upper: false, unitDiagonal: true })[0]!;
    return runLinalg(op, 'trsm', batch, [LUb, y], [{ shape: [n, r], dtype: LU.dtype }], { upper: true })[0]!;
  }
  // Uᴴ·Lᴴ·Pᵀ·X = B → Z = L⁻ᴴ·U⁻ᴴ·B, X = P·Z (X[perm[i]] = Z[i])
  const y = runLinalg(op, 'trsm', batch, [LUb, Bb], [{ shape: [n, r], dtype: LU.dtype }], { upper: true, transpose: true, conjugate: true })[0]!;
  const z = runLinalg(op, 'trsm', batch, [LUb, y], [{ shape: [n, r], dtype: LU.dtype }], { upper: false, unitDiagonal: true, transpose: true, conjugate: true })[0]!;
  return zeros([...batch, n, r], { dtype: LU.dtype, device: LU.device }).scatter_(-2, idx, z);
}

/**
 * Solves `A·X = B` (or `X·A = B`, `left: false`; with `Aᴴ`, `adjoint: true`) given the
 * LU factorization of A from {@link luFactor}. Batch dims broadcast.
 * @example
 * ```ts pytorch=core.linalg.luSolve
 * const A = torch.tensor([[4, 1], [2, 3]], { dtype: 'float32' });
 * const B = torch.tensor([[5], [5]], { dtype: 'float32' });
 * const { LU, pivots } = torch.linalg.luFactor(A);
 * console.log(torch.linalg.luSolve(LU, pivots, B)); // X with A @ X = B
 * ```
 * ```text
 * tensor([[1.],
 *         [1.]])
 * ```
 */
export function luSolve(LU: Tensor, pivots: Tensor, B: Tensor, opts: LuSolveOptions = {}): Tensor {
  expectBoolOptions('linalg.lu_solve', opts, ['left', 'adjoint']);
  const op = 'linalg.lu_solve';
  expectTensor(op, 'LU', 1, LU);
  expectTensor(op, 'pivots', 2, pivots);
  expectTensor(op, 'B', 3, B);
  const left = opts.left ?? true;
  const adjoint = opts.adjoint ?? false;
  checkRank(op, LU, 'LU');
  checkRank(op, B, 'B');
  if (!isLinalgDtype(LU)) throw new TorchRuntimeError(op, `torch.linalg.lu_solve: Expected a floating point or complex tensor as input. Got ${cppName(LU.dtype)}`);
  const [n, n2] = matDims(LU);
  if (n !== n2) throw new TorchRuntimeError(op, `torch.linalg.lu_solve: A must be batches of square matrices, but they are ${n} by ${n2} matrices`);
  const [br, bc] = matDims(B);
  if ((left ? br : bc) !== n) {
    throw new TorchRuntimeError(op, left ? `${op}: Incompatible shapes of A and B for the equation AX = B (${n}x${n} and ${br}x${bc})` : `${op}: Incompatible shapes of A and B for the equation XA = B (${n}x${n} and ${br}x${bc})`);
  }
  checkSameDtype(op, LU, B, 'LU', 'B');
  if (pivots.dtype !== int32) throw new TorchRuntimeError(op, `${op}: pivots should be a Tensor of scalar type torch.int32`);
  if (pivots._shape[pivots._shape.length - 1] !== n) throw new TorchRuntimeError(op, `${op}: Number of pivots per batch should be same as the dimension of the matrix`);
  return composite('linalg_lu_solve', [LU, B], { pivots, left, adjoint }, () => luSolveRaw(op, LU, pivots, B, left, adjoint));
}

/** Options of {@link luUnpack}. */
export interface LuUnpackOptions {
  /** Compute L and U (default true; else they are empty). */
  unpackData?: boolean;
  /** Compute P (default true; else it is empty). */
  unpackPivots?: boolean;
}

/**
 * `torch.lu_unpack`: `P`, `L`, `U` from a packed LU factorization and its pivots.
 * @example
 * ```ts pytorch=core.luUnpack
 * const A = torch.tensor([[1, 2], [3, 4]], { dtype: 'float32' });
 * const { LU, pivots } = torch.linalg.luFactor(A);
 * const { P, L, U } = torch.luUnpack(LU, pivots);
 * console.log(P); // rows swapped: the pivot of column 0 is 3
 * console.log(L);
 * console.log(U);
 * ```
 * ```text
 * tensor([[0., 1.],
 *         [1., 0.]])
 * tensor([[1.0000, 0.0000],
 *         [0.3333, 1.0000]])
 * tensor([[3.0000, 4.0000],
 *         [0.0000, 0.6667]])
 * ```
 */
export function luUnpack(LU: Tensor, pivots: Tensor, opts: LuUnpackOptions = {}): NamedTuple<'P' | 'L' | 'U'> {
  expectBoolOptions('lu_unpack', opts, ['unpackData', 'unpackPivots']);
  const op = 'torch.lu_unpack';
  expectTensor(op, 'LU_data', 1, LU);
  expectTensor(op, 'LU_pivots', 2, pivots);
  if (LU._shape.length < 2) throw new TorchRuntimeError(op, `torch.lu_unpack: Expected tensor with 2 or more dimensions. Got size: ${fmtShape(LU._shape)} instead`);
  if (pivots.dtype !== int32) throw new TorchRuntimeError(op, `${op}: LU_pivots is expected to be a contiguous tensor of torch.int32 dtype.`);
  const [m] = matDims(LU);
  const unpackData = opts.unpackData ?? true;
  const unpackPivots = opts.unpackPivots ?? true;
  const empty = () => zeros([0], { dtype: LU.dtype, device: LU.device });
  const [L, U] = unpackData
    ? composite('lu_unpack', [LU], {}, () => unpackLU(LU))
    : [empty(), empty()];
  const P = unpackPivots ? permMatrix(pivotsToPerm(op, pivots, m), LU) : empty();
  return namedTuple('lu_unpack', [['P', P], ['L', L], ['U', U]]);
}

