/**
 * Norms: `vector_norm`, `matrix_norm` ('fro', 1, −1, inf, −inf here; 2, −2 and 'nuc'
 * through the singular values of the spectral module) and `norm`, which picks between
 * them as PyTorch does.
 */
import { composite } from '../autograd-hook.js';
import { type DTypeLike, toDType } from '../dtype.js';
import { TorchRuntimeError, TorchTypeError } from '../errors.js';
import { normalizeDims, wrapDim } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { type KeepdimArg, expectTensor, keepdimArg } from '../validate.js';
import { amax, amin } from '../ops/reduction.js';
import { checkFloat, checkRank } from './errors.js';

/** Options of the norms: the dtype to compute (and return) in. */
export interface NormOptions {
  /** Cast the input to this float dtype first. */
  dtype?: DTypeLike | null;
}

/** @internal The vector norm of a checked float tensor over `dims` (all when empty and `all`), no recording. */
export function vectorNormRaw(x: Tensor, ord: number, dims: number[], keepdim: boolean): Tensor {
  const a = x.abs();
  if (ord === Infinity) return amax(a, dims, keepdim);
  if (ord === -Infinity) return amin(a, dims, keepdim);
  if (ord === 0) return a.ne(0).to(a.dtype).sum(dims, keepdim);
  if (ord === 1) return a.sum(dims, keepdim);
  // the moduli for complex x (a real result, as PyTorch's)
  const y = x.dtype.isComplex ? a : x;
  if (ord === 2) return y.mul(y).sum(dims, keepdim).sqrt();
  return a.pow(ord).sum(dims, keepdim).pow(1 / ord);
}

/**
 * The vector `ord`-norm (default 2) over `dim` (all elements when omitted): `Infinity`
 * and `-Infinity` are the largest and smallest magnitudes, 0 counts non-zeros, any other
 * number p is `(Σ|x|ᵖ)^(1/p)`.
 * @example
 * ```ts pytorch=core.linalg.vectorNorm
 * const v = torch.tensor([3, -4], 'float32');
 * console.log(torch.linalg.vectorNorm(v));
 * console.log(torch.linalg.vectorNorm(v, 1));
 * ```
 * ```text
 * tensor(5.)
 * tensor(7.)
 * ```
 */
export function vectorNorm(x: Tensor, ord: number = 2, dim?: number | readonly number[] | null, keepdimIn: KeepdimArg = false, opts: NormOptions = {}): Tensor {
  const keepdim = keepdimArg('linalg.vector_norm', 4, keepdimIn);
  const op = 'linalg.vector_norm';
  expectTensor(op, 'x', 1, x);
  if (typeof ord !== 'number') throw new TorchTypeError(op, `linalg_vector_norm(): argument 'ord' must be Number, not str`);
  checkFloat(op, x, true, true);
  const xd = opts.dtype === undefined || opts.dtype === null ? x : x.to(toDType(opts.dtype));
  const dims = normalizeDims(dim ?? null, x._shape.length, op);
  if (ord < 0 || ord === Infinity) {
    const reduced = dim === undefined || dim === null ? x._shape : dims.map((d) => x._shape[d]!);
    if (reduced.some((d) => d === 0) || (x.numel() === 0 && (dim === undefined || dim === null))) {
      throw new TorchRuntimeError(op, `linalg.vector_norm cannot compute the ${ord === Infinity ? 'inf' : ord} norm on an empty tensor because the operation does not have an identity`);
    }
  }
  return composite('linalg_vector_norm', [xd], { ord, p: ord, dims, keepdim }, () => vectorNormRaw(xd, ord, dims, keepdim));
}

/** The singular values kernel of the spectral module (registered by it), for the 2, −2 and 'nuc' norms. */
let svdvalsImpl: ((A: Tensor) => Tensor) | null = null;

/** @internal Lets the spectral module provide `svdvals` to {@link matrixNorm} (2, −2, 'nuc'). */
export function registerSvdvals(fn: (A: Tensor) => Tensor): void {
  svdvalsImpl = fn;
}

/** The orders of {@link matrixNorm}. */
export type MatrixNormOrd = 'fro' | 'nuc' | number;

/**
 * The matrix norm over the two dims `dim` (default the last two): `'fro'` (default),
 * `'nuc'` (sum of singular values), 1 / −1 (largest / smallest column sum of
 * magnitudes), `Infinity` / `-Infinity` (rows), 2 / −2 (largest / smallest singular value).
 * @example
 * ```ts pytorch=core.linalg.matrixNorm
 * const A = torch.tensor([[1, -2], [3, 4]], { dtype: 'float32' });
 * console.log(torch.linalg.matrixNorm(A)); // Frobenius
 * console.log(torch.linalg.matrixNorm(A, 1)); // largest column sum of |A|
 * ```
 * ```text
 * tensor(5.4772)
 * tensor(6.)
 * ```
 */
export function matrixNorm(A: Tensor, ord: MatrixNormOrd = 'fro', dim: readonly number[] = [-2, -1], keepdimIn: KeepdimArg = false, opts: NormOptions = {}): Tensor {
  const keepdim = keepdimArg('linalg.matrix_norm', 4, keepdimIn);
  const op = 'linalg.matrix_norm';
  expectTensor(op, 'A', 1, A);
  checkRank(op, A);
  checkFloat(op, A, true, true);
  if (dim.length !== 2) throw new TorchRuntimeError(op, `${op}: dim must be a 2-tuple. Got ${dim.join(' ')}`);
  const nd = A._shape.length;
  const d0 = wrapDim(dim[0]!, nd, op);
  const d1 = wrapDim(dim[1]!, nd, op);
  if (d0 === d1) throw new TorchRuntimeError(op, `${op}: dims must be different. Got (${dim[0]}, ${dim[1]})`);
  const Ad = opts.dtype === undefined || opts.dtype === null ? A : A.to(toDType(opts.dtype));
  if (ord === 'fro') return vectorNorm(Ad, 2, [d0, d1], keepdim);
  const abs = typeof ord === 'number' ? Math.abs(ord) : NaN;
  if (ord === 'nuc' || abs === 2) {
    if (svdvalsImpl === null) throw new TorchRuntimeError(op, `${op}: the order ${String(ord)} needs the singular values (torch.linalg.svdvals), which are not available in this build`);
    const moved = Ad.movedim([d0, d1], [-2, -1]);
    const sv = svdvalsImpl(moved);
    let r = ord === 'nuc' ? sv.sum(-1) : ord === 2 ? amax(sv, -1) : amin(sv, -1);
    if (keepdim) {
      const [lo, hi] = d0 < d1 ? [d0, d1] : [d1, d0];
      r = r.unsqueeze(lo).unsqueeze(hi);
    }
    return r;
  }
  if (abs !== 1 && abs !== Infinity) throw new TorchRuntimeError(op, `${op}: Order ${String(ord)} not supported.`);
  let [a, b] = [d0, d1];
  if (abs === Infinity) [a, b] = [b, a];
  if (!keepdim && a < b) b--;
  const colSums = vectorNorm(Ad, 1, [a], keepdim);
  return (ord as number) > 0 ? amax(colSums, b, keepdim) : amin(colSums, b, keepdim);
}

/**
 * `torch.linalg.norm`: a vector norm (1-D input or one `dim`) or a matrix norm (2-D input
 * or two `dim`s); without `ord` and `dim`, the 2-norm of all elements.
 * @example
 * ```ts pytorch=core.linalg.norm
 * const A = torch.tensor([[3, 0], [0, 4]], { dtype: 'float32' });
 * const v = torch.tensor([1, -5, 2], { dtype: 'float32' });
 * console.log(torch.linalg.norm(A)); // Frobenius norm
 * console.log(torch.linalg.norm(v, Infinity));
 * ```
 * ```text
 * tensor(5.)
 * tensor(5.)
 * ```
 */
export function norm(A: Tensor, ord?: MatrixNormOrd | null, dim?: number | readonly number[] | null, keepdimIn: KeepdimArg = false, opts: NormOptions = {}): Tensor {
  const keepdim = keepdimArg('linalg.norm', 4, keepdimIn);
  const op = 'linalg.norm';
  expectTensor(op, 'A', 1, A);
  if (dim !== undefined && dim !== null) {
    const dims = typeof dim === 'number' ? [dim] : dim;
    if (dims.length === 1) {
      if (typeof ord === 'string') return matrixNorm(A, ord, dims, keepdim, opts);
      return vectorNorm(A, ord ?? 2, dims, keepdim, opts);
    }
    if (dims.length === 2) return matrixNorm(A, ord ?? 'fro', dims, keepdim, opts);
    throw new TorchRuntimeError(op, `linalg.norm: If dim is specified, it must be of length 1 or 2. Got [${dims.join(', ')}]`);
  }
  if (ord !== undefined && ord !== null) {
    const nd = A._shape.length;
    if (nd === 2 || typeof ord === 'string') return matrixNorm(A, ord, [-2, -1], keepdim, opts);
    if (nd !== 1) throw new TorchRuntimeError(op, `linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got ${nd}D.`);
    return vectorNorm(A, ord, null, keepdim, opts);
  }
  return vectorNorm(A, 2, null, keepdim, opts);
}
