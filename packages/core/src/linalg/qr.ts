/**
 * Householder QR: `linalg.qr`, `householder_product` and the `torch.*` spellings
 * `qr`, `geqrf`, `orgqr`, `ormqr`, from the backend's `geqrf`, `orgqr`, `ormqr` kernels
 * (LAPACK's reflector conventions, so R's signs are PyTorch's).
 */
import { composite, needsGrad } from '../autograd-hook.js';
import { TorchRuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { boolArg, expectTensor, keywordArgs } from '../validate.js';
import { zeros } from '../ops/creation.js';
import { cat } from '../ops/indexing.js';
import { cppName } from '../ops/promotion.js';
import { checkFloat, checkRank, isLinalgDtype } from './errors.js';
import { runLinalg } from './run.js';
import { type NamedTuple, namedTuple } from './tuple.js';
import { batchOf, broadcastBatch, expandBatch, matDims } from './util.js';

/** geqrf on a checked input: `[QR, tau]`. */
function geqrfRaw(op: string, A: Tensor): [Tensor, Tensor] {
  const [m, n] = matDims(A);
  const [QR, tau] = runLinalg(op, 'geqrf', batchOf(A), [A], [{ shape: [m, n], dtype: A.dtype }, { shape: [Math.min(m, n)], dtype: A.dtype }]);
  return [QR!, tau!];
}

/** orgqr of checked inputs with equal batch dims. */
function orgqrRaw(op: string, V: Tensor, tau: Tensor): Tensor {
  const [m, n] = matDims(V);
  return runLinalg(op, 'orgqr', batchOf(V), [V, tau], [{ shape: [m, n], dtype: V.dtype }])[0]!;
}

/** The modes of {@link qr}. */
export type QrMode = 'reduced' | 'complete' | 'r';

/**
 * The QR decomposition `A = Q·R` by Householder reflections: `'reduced'` (default: Q
 * m×k, R k×n, k = min(m, n)), `'complete'` (Q m×m, R m×n) or `'r'` (R only, Q empty).
 * @example
 * ```ts pytorch=core.linalg.qr
 * const A = torch.tensor([[3, 1], [4, 2]], { dtype: 'float32' });
 * const { Q, R } = torch.linalg.qr(A);
 * console.log(Q);
 * console.log(R);
 * ```
 * ```text
 * tensor([[-0.6000, -0.8000],
 *         [-0.8000,  0.6000]])
 * tensor([[-5.0000, -2.2000],
 *         [ 0.0000,  0.4000]])
 * ```
 */
export function qr(A: Tensor, mode: QrMode | { mode?: QrMode } = 'reduced'): NamedTuple<'Q' | 'R'> {
  const op = 'linalg.qr';
  expectTensor(op, 'A', 1, A);
  const md = typeof mode === 'string' ? mode : (mode.mode ?? 'reduced');
  checkRank(op, A);
  checkFloat(op, A, false, true);
  if (md !== 'reduced' && md !== 'complete' && md !== 'r') {
    throw new TorchRuntimeError(op, `qr received unrecognized mode '${String(md)}' but expected one of 'reduced' (default), 'r', or 'complete'`);
  }
  const [Q, R] = composite('linalg_qr', [A], { mode: md }, () => qrRaw(op, A, md));
  return namedTuple('linalg_qr', [['Q', Q!], ['R', R!]]);
}

/** @internal QR of a checked input, no recording. */
export function qrRaw(op: string, A: Tensor, mode: QrMode): [Tensor, Tensor] {
  const [m, n] = matDims(A);
  const k = Math.min(m, n);
  const [QR, tau] = geqrfRaw(op, A);
  const complete = mode === 'complete' && m > n;
  const R = (complete ? QR : QR.narrow(-2, 0, k)).triu();
  if (mode === 'r') return [zeros([0], { dtype: A.dtype, device: A.device }), R];
  let V = QR.narrow(-1, 0, k);
  if (complete) V = cat([V, zeros([...batchOf(A), m, m - k], { dtype: A.dtype, device: A.device })], -1);
  return [orgqrRaw(op, V, tau), R];
}

/** `torch.qr` (deprecated in PyTorch for `linalg.qr`): `some` true is `'reduced'`, false `'complete'`. */
export function qrTorch(A: Tensor, someIn?: boolean | { some?: boolean }): NamedTuple<'Q' | 'R'> {
  expectTensor('qr', 'input', 1, A);
  const some = boolArg('qr', 'some', 2, keywordArgs('qr', ['some'], [someIn]).some, true);
  const r = qr(A, some ? 'reduced' : 'complete');
  return namedTuple('qr', [['Q', r.Q], ['R', r.R]]);
}

/** The checks of householder_product / orgqr (PyTorch's texts). */
function checkHouseholder(op: string, A: Tensor, tau: Tensor): void {
  const api = 'torch.linalg.householder_product';
  if (A._shape.length < 2) throw new TorchRuntimeError(op, `${api}: input must have at least 2 dimensions.`);
  if (tau._shape.length !== A._shape.length - 1) {
    throw new TorchRuntimeError(op, `${api}: Expected tau to have one dimension less than input, but got tau.ndim equal to ${tau._shape.length} and input.ndim is equal to ${A._shape.length}`);
  }
  const [m, n] = matDims(A);
  const k = tau._shape[tau._shape.length - 1]!;
  if (m < n) throw new TorchRuntimeError(op, `${api}: input.shape[-2] must be greater than or equal to input.shape[-1]`);
  if (n < k) throw new TorchRuntimeError(op, `${api}: input.shape[-1] must be greater than or equal to tau.shape[-1]`);
  if (A._shape.length > 2) {
    const ba = batchOf(A);
    const bt = batchOf(tau, 1);
    if (ba.some((d, i) => d !== bt[i])) throw new TorchRuntimeError(op, `${api}: Expected batch dimensions of tau to be equal to input.shape[:-2], but got ${JSON.stringify(bt)}`);
  }
  if (tau.dtype !== A.dtype) throw new TorchRuntimeError(op, `${api}: tau dtype ${cppName(tau.dtype)} does not match input dtype ${cppName(A.dtype)}`);
  if (!isLinalgDtype(A)) throw new TorchRuntimeError(op, `"orgqr_cpu" not implemented for '${cppName(A.dtype)}'`);
}

/**
 * The first n columns of the product of Householder reflectors `H₁·…·H_k`,
 * `H_i = I − τ_i·v_i·v_iᴴ`, with v_i stored below the diagonal of column i of `A` (as
 * `geqrf` leaves them).
 * @example
 * ```ts pytorch=core.linalg.householderProduct
 * const A = torch.tensor([[3, 1], [4, 2]], { dtype: 'float32' });
 * const { a, tau } = torch.geqrf(A);
 * console.log(torch.linalg.householderProduct(a, tau)); // linalg.qr(A).Q
 * ```
 * ```text
 * tensor([[-0.6000, -0.8000],
 *         [-0.8000,  0.6000]])
 * ```
 */
export function householderProduct(A: Tensor, tau: Tensor): Tensor {
  const op = 'linalg.householder_product';
  expectTensor(op, 'input', 1, A);
  expectTensor(op, 'tau', 2, tau);
  checkHouseholder(op, A, tau);
  return composite('linalg_householder_product', [A, tau], {}, () => orgqrRaw(op, A, tau));
}

/** `torch.orgqr`: {@link householderProduct}. */
export function orgqr(A: Tensor, tau: Tensor): Tensor {
  return householderProduct(A, tau);
}

/**
 * `torch.geqrf`: LAPACK's QR factorization: R on and above the diagonal of `a`, the
 * Householder vectors below it, and their scalars `tau`.
 */
export function geqrf(A: Tensor): NamedTuple<'a' | 'tau'> {
  const op = 'geqrf';
  expectTensor(op, 'input', 1, A);
  if (A._shape.length < 2) throw new TorchRuntimeError(op, 'torch.geqrf: input must have at least 2 dimensions.');
  if (!isLinalgDtype(A)) throw new TorchRuntimeError(op, `"geqrf_cpu" not implemented for '${cppName(A.dtype)}'`);
  const [a, tau] = composite('geqrf', [A], {}, () => geqrfRaw(op, A));
  return namedTuple('geqrf', [['a', a!], ['tau', tau!]]);
}

/**
 * Options of `torch.ormqr`: PyTorch's keyword arguments, given as the trailing options object
 * (`torch.ormqr(a, tau, C, { left: false, transpose: true })`).
 */
export interface OrmqrOptions {
  /** Multiply from the left, `Q·C` (default `true`); `false` gives `C·Q`. */
  left?: boolean;
  /** Use Qᵀ (Qᴴ for complex) instead of Q (default `false`). */
  transpose?: boolean;
}

/**
 * `torch.ormqr`: multiplies `C` by the Q of a `geqrf` factorization without forming it:
 * `Q·C` (default), `Qᵀ·C` (`transpose`), `C·Q` (`left` false), `C·Qᵀ`.
 */
export function ormqr(A: Tensor, tau: Tensor, C: Tensor, leftIn?: boolean | OrmqrOptions, transposeIn?: boolean | OrmqrOptions): Tensor {
  const op = 'ormqr';
  expectTensor(op, 'input', 1, A);
  expectTensor(op, 'input2', 2, tau);
  expectTensor(op, 'input3', 3, C);
  const kw = keywordArgs(op, ['left', 'transpose'], [leftIn, transposeIn]);
  const left = boolArg(op, 'left', 4, kw.left, true);
  const transpose = boolArg(op, 'transpose', 5, kw.transpose, false);
  if (A._shape.length < 2) throw new TorchRuntimeError(op, 'torch.ormqr: input must have at least 2 dimensions.');
  if (C._shape.length < 2) throw new TorchRuntimeError(op, 'torch.ormqr: other must have at least 2 dimensions.');
  const [mq, k0] = matDims(A);
  const k = tau._shape[tau._shape.length - 1]!;
  const [m, n] = matDims(C);
  const need = left ? m : n;
  if (mq !== need) throw new TorchRuntimeError(op, `torch.ormqr: other.shape[${left ? -2 : -1}] must be equal to input.shape[-2]`);
  if (k > k0) throw new TorchRuntimeError(op, 'torch.ormqr: tau.shape[-1] must be less than or equal to input.shape[-1]');
  if (C.dtype !== A.dtype) throw new TorchRuntimeError(op, `torch.ormqr: Expected input and other to have the same dtype, but input has dtype${cppName(A.dtype)} and other has dtype ${cppName(C.dtype)}`);
  if (tau.dtype !== A.dtype) throw new TorchRuntimeError(op, `torch.ormqr: Expected input and tau to have the same dtype, but input has dtype${cppName(A.dtype)} and tau has dtype ${cppName(tau.dtype)}`);
  if (!isLinalgDtype(A)) throw new TorchRuntimeError(op, `"ormqr_cpu" not implemented for '${cppName(A.dtype)}'`);
  // as PyTorch: ormqr has no complex derivative
  if (C.dtype.isComplex && needsGrad([A, tau, C])) throw new TorchRuntimeError(op, 'ormqr does not support automatic differentiation for outputs with complex dtype.');
  const batch = broadcastBatch(op, A, C);
  return composite('ormqr', [A, tau, C], { left, transpose }, () =>
    runLinalg(op, 'ormqr', batch, [expandBatch(A, batch), expandBatch(tau, batch, 1), expandBatch(C, batch)], [{ shape: [m, n], dtype: C.dtype }], { left, transpose, conjugate: transpose })[0]!,
  );
}
