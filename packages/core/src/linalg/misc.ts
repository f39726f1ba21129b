/** The linalg spellings of products and views: `cross`, `vecdot`, `vander`, `diagonal`, `matmul`. */
import { composite } from '../autograd-hook.js';
import { broadcastShapes, wrapDim } from '../shape.js';
import { TorchRuntimeError } from '../errors.js';
import { isLinalgDtype } from './errors.js';
import type { Tensor } from '../tensor.js';
import { expectTensor } from '../validate.js';
import { cat } from '../ops/indexing.js';
import { dot as dotOp, matmul as matmulOp } from '../ops/linalg.js';
import { diagonal as diagonalOp } from '../ops/products.js';
import { cppName } from '../ops/promotion.js';
import { onesLike } from '../ops/creation.js';

/**
 * The cross product of 3-vectors along `dim` (default the last), broadcasting the other dims.
 * @example
 * ```ts pytorch=core.linalg.cross
 * console.log(torch.linalg.cross(torch.tensor([1, 0, 0], 'float32'), torch.tensor([0, 1, 0], 'float32')));
 * ```
 * ```text
 * tensor([0., 0., 1.])
 * ```
 */
export function cross(a: Tensor, b: Tensor, opts: { dim?: number } = {}): Tensor {
  const op = 'linalg.cross';
  expectTensor(op, 'input', 1, a);
  expectTensor(op, 'other', 2, b);
  const dim = opts.dim ?? -1;
  if (a._shape.length !== b._shape.length) throw new TorchRuntimeError(op, `linalg.cross: inputs must have the same number of dimensions.`);
  const d = wrapDim(dim, a._shape.length, op);
  if (a._shape[d] !== 3 || b._shape[d] !== 3) throw new TorchRuntimeError(op, `linalg.cross: inputs dimension ${dim} must have length 3. Got ${a._shape[d]} and ${b._shape[d]}`);
  if (a.dtype !== b.dtype) throw new TorchRuntimeError(op, `expected scalar type ${cppName(a.dtype)} but found ${cppName(b.dtype)}`);
  const shape = broadcastShapes(a._shape, b._shape, op);
  return composite('linalg_cross', [a, b], { dim: d }, () => {
    const x = a.expand(shape);
    const y = b.expand(shape);
    const c = (t: Tensor, i: number) => t.narrow(d, i, 1);
    return cat([
      c(x, 1).mul(c(y, 2)).sub(c(x, 2).mul(c(y, 1))),
      c(x, 2).mul(c(y, 0)).sub(c(x, 0).mul(c(y, 2))),
      c(x, 0).mul(c(y, 1)).sub(c(x, 1).mul(c(y, 0))),
    ], d);
  });
}

/** The dot product `Σ conj(x)·y` of vectors along `dim` (default the last), broadcasting the other dims. */
export function vecdot(x: Tensor, y: Tensor, opts: { dim?: number } = {}): Tensor {
  const op = 'linalg.vecdot';
  expectTensor(op, 'x', 1, x);
  expectTensor(op, 'y', 2, y);
  if (!isLinalgDtype(x)) throw new TorchRuntimeError(op, `linalg.vecdot: Expected a floating point or complex tensor as input. Got ${cppName(x.dtype)}`);
  if (x.dtype !== y.dtype) throw new TorchRuntimeError(op, `linalg.vecdot: Expected x and y to have the same dtype, but found x of type ${cppName(x.dtype)} and y of type ${cppName(y.dtype)} instead`);
  // Two vectors: one `vdot` node, as PyTorch records it.
  if (x._shape.length === 1 && y._shape.length === 1) return composite('vdot', [x, y], {}, () => dotOp(x.dtype.isComplex ? x.conj() : x, y));
  // conj(x)·y for complex vectors, as PyTorch
  return (x.dtype.isComplex ? x.conj() : x).mul(y).sum(opts.dim ?? -1);
}

/**
 * The Vandermonde matrix of the last dim of `x` with increasing powers
 * `x⁰, x¹, …, x^(N−1)` (N defaults to the length of that dim).
 * @example
 * ```ts pytorch=core.linalg.vander
 * console.log(torch.linalg.vander(torch.tensor([1, 2, 3]))); // increasing powers
 * ```
 * ```text
 * tensor([[1, 1, 1],
 *         [1, 2, 4],
 *         [1, 3, 9]])
 * ```
 */
export function vander(x: Tensor, opts: { N?: number | null } = {}): Tensor {
  const op = 'linalg.vander';
  expectTensor(op, 'x', 1, x);
  if (x.dtype.name === 'bool') throw new TorchRuntimeError(op, `linalg.vander supports floating point, complex, and integer tensors, but got Bool`);
  const x1 = x._shape.length === 0 ? x.unsqueeze(-1) : x;
  const shape = x1._shape.slice();
  const n = opts.N ?? shape[shape.length - 1]!;
  if (!(n > 1)) throw new TorchRuntimeError(op, 'N must be greater than 1.');
  const powers = x1.unsqueeze(-1).expand([...shape, n - 1]).cumprod(-1);
  const ones = onesLike(powers.narrow(-1, 0, 1));
  return cat([ones, powers], -1);
}

/** A view of the diagonal of the matrices of `A` (dims `dim1`, `dim2`, default the last two). */
export function diagonal(A: Tensor, opts: { offset?: number; dim1?: number; dim2?: number } = {}): Tensor {
  expectTensor('linalg.diagonal', 'A', 1, A);
  return diagonalOp(A, opts.offset ?? 0, opts.dim1 ?? -2, opts.dim2 ?? -1);
}

/** `torch.linalg.matmul`: {@link matmulOp | torch.matmul}. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  return matmulOp(a, b);
}
