/**
 * Products and matrix-shaped composites: the diagonal family (`diag`, `diagflat`,
 * `diagEmbed`, `diagonal`, `trace`), `kron`, `blockDiag`, `cross`, distances (`cdist`,
 * `dist`), contractions (`tensordot`, `inner`, `vdot`, `chainMatmul`), the
 * `addmm` family (`addmm`, `addmv`, `addr`, `baddbmm`, `addbmm` and their in-place
 * forms), statistics built on products (`cov`, `corrcoef`), `diff`, the trapezoid
 * rules, `renorm` and `vander`.
 *
 * Everything here is a composite of existing ops, so it runs on every backend and
 * autograd differentiates it through the ops it is built from (`diagonal` is a view
 * recorded as `as_strided`; writes into fresh zeros record as `CopySlices`).
 */
import { type DType, bool, float32, getDefaultDtype, int64, promoteTypes } from '../dtype.js';
import { TorchIndexError, TorchRuntimeError, TorchTypeError, TorchValueError, fmtShape } from '../errors.js';
import { broadcastShapes, numelOf, wrapDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { boolArg, expectInt, expectNumber, expectTensor, expectTensorList, keywordArgs, pyTypeName } from '../validate.js';
import { ones, zeros } from './creation.js';
import { cat, flip } from './indexing.js';
import { bmm, dot, matmul, mm, mv } from './linalg.js';
import { cppName, typeMetaName } from './promotion.js';
import { div, where } from './elementwise.js';
import { norm, sum } from './reduction.js';
import { makeView } from './views.js';

// ---------------------------------------------------------------------------
// The diagonal family
// ---------------------------------------------------------------------------

/**
 * A view of the diagonal of `x` with respect to `dim1` and `dim2` (the diagonal becomes
 * the last dim). `offset` > 0 is above the main diagonal, < 0 below.
 * @example
 * ```ts pytorch=core.diagonal
 * const x = torch.arange(9).view(3, 3);
 * console.log(torch.diagonal(x));
 * console.log(torch.diagonal(x, 1)); // above the main diagonal
 * ```
 * ```text
 * tensor([0, 4, 8])
 * tensor([1, 5])
 * ```
 */
export function diagonal(x: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor {
  expectTensor('diagonal', 'input', 1, x);
  expectInt('diagonal', 'offset', 2, offset);
  expectInt('diagonal', 'dim1', 3, dim1);
  expectInt('diagonal', 'dim2', 4, dim2);
  const nd = x._shape.length;
  const d1 = wrapDim(dim1, nd, 'diagonal');
  const d2 = wrapDim(dim2, nd, 'diagonal');
  if (d1 === d2) throw new TorchRuntimeError('diagonal', `diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
  const s1 = x._shape[d1]!;
  const s2 = x._shape[d2]!;
  let size: number;
  let start = x._offset;
  if (offset >= 0) {
    size = Math.max(Math.min(s1, s2 - offset), 0);
    if (size > 0) start += offset * x._strides[d2]!;
  } else {
    size = Math.max(Math.min(s1 + offset, s2), 0);
    if (size > 0) start -= offset * x._strides[d1]!;
  }
  const shape: number[] = [];
  const strides: number[] = [];
  for (let d = 0; d < nd; d++) {
    if (d === d1 || d === d2) continue;
    shape.push(x._shape[d]!);
    strides.push(x._strides[d]!);
  }
  shape.push(size);
  strides.push(x._strides[d1]! + x._strides[d2]!);
  return makeView(x, shape, strides, start, 'as_strided', {
    size: shape,
    stride: strides,
    storageOffset: start,
    inputShape: [...x._shape],
    inputStrides: [...x._strides],
    inputOffset: x._offset,
  });
}

/**
 * `x` (last dim of length n) placed on the diagonal (`offset`) of the planes spanned by
 * `dim1` and `dim2` of a new tensor of size n + |offset| there, zeros elsewhere.
 * @example
 * ```ts pytorch=core.diagEmbed
 * console.log(torch.diagEmbed(torch.tensor([[1, 2], [3, 4]]))); // one diagonal matrix per row
 * ```
 * ```text
 * tensor([[[1, 0],
 *          [0, 2]],
 *
 *         [[3, 0],
 *          [0, 4]]])
 * ```
 */
export function diagEmbed(x: Tensor, offset = 0, dim1 = -2, dim2 = -1): Tensor {
  expectTensor('diag_embed', 'input', 1, x);
  expectInt('diag_embed', 'offset', 2, offset);
  expectInt('diag_embed', 'dim1', 3, dim1);
  expectInt('diag_embed', 'dim2', 4, dim2);
  const nd = x._shape.length + 1;
  const d1 = wrapDim(dim1, nd, 'diag_embed');
  const d2 = wrapDim(dim2, nd, 'diag_embed');
  if (d1 === d2) throw new TorchRuntimeError('diag_embed', `diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
  const n = x._shape[x._shape.length - 1]!;
  const m = n + Math.abs(offset);
  const shape = x._shape.slice(0, -1);
  const lo = Math.min(d1, d2);
  const hi = Math.max(d1, d2);
  shape.splice(lo, 0, m);
  shape.splice(hi, 0, m);
  const out = zeros(shape, { dtype: x.dtype, device: x.device });
  diagonal(out, offset, d1, d2).copy_(x);
  return out;
}

/**
 * `torch.diag`: a 1-D input becomes a square matrix with it on diagonal `diagonal`; a
 * 2-D input gives (a copy of) its diagonal `diagonal`.
 * @example
 * ```ts pytorch=core.diag
 * console.log(torch.diag(torch.tensor([1, 2]))); // vector → matrix
 * console.log(torch.diag(torch.tensor([[1, 2], [3, 4]]))); // matrix → its diagonal
 * ```
 * ```text
 * tensor([[1, 0],
 *         [0, 2]])
 * tensor([1, 4])
 * ```
 */
export function diag(x: Tensor, diagonal_ = 0): Tensor {
  expectTensor('diag', 'input', 1, x);
  expectInt('diag', 'diagonal', 2, diagonal_);
  if (x._shape.length === 1) return diagEmbed(x, diagonal_, 0, 1);
  if (x._shape.length === 2) return diagonal(x, diagonal_, 0, 1).clone();
  throw new TorchRuntimeError('diag', 'matrix or a vector expected');
}

/**
 * A 2-D tensor with the flattened input on diagonal `offset`.
 * @example
 * ```ts pytorch=core.diagflat
 * console.log(torch.diagflat(torch.tensor([[1, 2], [3, 4]]))); // the input flattened onto the diagonal
 * ```
 * ```text
 * tensor([[1, 0, 0, 0],
 *         [0, 2, 0, 0],
 *         [0, 0, 3, 0],
 *         [0, 0, 0, 4]])
 * ```
 */
export function diagflat(x: Tensor, offset = 0): Tensor {
  expectTensor('diagflat', 'input', 1, x);
  expectInt('diagflat', 'offset', 2, offset);
  return diagEmbed(x.reshape(-1), offset, 0, 1);
}

/**
 * Sum of the main diagonal of a 2-D tensor (integers sum to int64).
 * @example
 * ```ts pytorch=core.trace
 * console.log(torch.trace(torch.tensor([[1, 2], [3, 4]])));
 * ```
 * ```text
 * tensor(5)
 * ```
 */
export function trace(x: Tensor): Tensor {
  expectTensor('trace', 'input', 1, x);
  if (x._shape.length !== 2) throw new TorchRuntimeError('trace', `trace: expected a matrix, but got tensor with dim ${x._shape.length}`);
  if (x.dtype === bool) throw new TorchRuntimeError('trace', `"trace" not implemented for 'Bool'`);
  return diagonal(x).sum();
}

// ---------------------------------------------------------------------------
// kron, block_diag, cross
// ---------------------------------------------------------------------------

/**
 * Kronecker product: blocks `a[i…] * b`, with the shorter shape padded by leading 1s.
 * @example
 * ```ts pytorch=core.kron
 * console.log(torch.kron(torch.tensor([[1, 2]]), torch.tensor([[1], [10]])));
 * ```
 * ```text
 * tensor([[ 1,  2],
 *         [10, 20]])
 * ```
 */
export function kron(a: Tensor, b: Tensor): Tensor {
  expectTensor('kron', 'input', 1, a);
  expectTensor('kron', 'other', 2, b);
  const nd = Math.max(a._shape.length, b._shape.length);
  const sa = [...new Array<number>(nd - a._shape.length).fill(1), ...a._shape];
  const sb = [...new Array<number>(nd - b._shape.length).fill(1), ...b._shape];
  const ia: number[] = [];
  const ib: number[] = [];
  for (let d = 0; d < nd; d++) {
    ia.push(sa[d]!, 1);
    ib.push(1, sb[d]!);
  }
  return a.reshape(ia).mul(b.reshape(ib)).reshape(sa.map((s, d) => s * sb[d]!));
}

/**
 * Block-diagonal matrix of the given tensors (0-D as 1×1, 1-D as one row), in their
 * promoted dtype.
 * @example
 * ```ts pytorch=core.blockDiag
 * console.log(torch.blockDiag(torch.tensor([[1, 2], [3, 4]]), torch.tensor([5, 6]))); // a 1-D input is one row
 * ```
 * ```text
 * tensor([[1, 2, 0, 0],
 *         [3, 4, 0, 0],
 *         [0, 0, 5, 6]])
 * ```
 */
export function blockDiag(...tensors: Tensor[]): Tensor {
  expectTensorList('block_diag', 0, tensors);
  const mats = tensors.map((t, i) => {
    const d = t._shape.length;
    if (d > 2) throw new TorchRuntimeError('block_diag', `torch.block_diag: Input tensors must have 2 or fewer dimensions. Input ${i} has ${d} dimensions`);
    return d === 2 ? t : t.reshape(1, -1);
  });
  if (mats.length === 0) return zeros([1, 0]);
  const dtype = mats.map((t) => t.dtype).reduce((x, y) => promoteTypes(x, y));
  const device = mats[0]!.device;
  mats.forEach((t, i) => {
    if (!t.device.equals(device)) {
      throw new TorchRuntimeError('block_diag', `torch.block_diag: input tensors must all be on the same device. Input 0 is on device ${device} and input ${i} is on device ${t.device}`);
    }
  });
  const rows = mats.reduce((s, t) => s + t._shape[0]!, 0);
  const cols = mats.reduce((s, t) => s + t._shape[1]!, 0);
  const out = zeros([rows, cols], { dtype, device });
  let r = 0;
  let c = 0;
  for (const t of mats) {
    const [h, w] = t._shape as [number, number];
    if (h > 0 && w > 0) out.narrow(0, r, h).narrow(1, c, w).copy_(t);
    r += h;
    c += w;
  }
  return out;
}

/**
 * Cross product of 3-vectors along `dim`. Without `dim`, PyTorch 1.13's `torch.cross` uses
 * the first dim of size 3 of `input` (deprecated there in favour of `linalg.cross`, which
 * defaults to -1). Inputs of equal rank broadcast.
 * @example
 * ```ts pytorch=core.cross
 * console.log(torch.cross(torch.tensor([1, 0, 0]), torch.tensor([0, 1, 0])));
 * ```
 * ```text
 * tensor([0, 0, 1])
 * ```
 */
export function cross(a: Tensor, b: Tensor, dim?: number | null): Tensor {
  expectTensor('cross', 'input', 1, a);
  expectTensor('cross', 'other', 2, b);
  let d: number;
  if (dim === undefined || dim === null) {
    const i = a._shape.indexOf(3);
    if (i < 0) throw new TorchRuntimeError('cross', 'no dimension of size 3 in input');
    d = i;
  } else {
    expectInt('cross', 'dim', 3, dim);
    d = dim;
  }
  if (a._shape.length !== b._shape.length) throw new TorchRuntimeError('cross', 'linalg.cross: inputs must have the same number of dimensions.');
  const w = wrapDim(d, a._shape.length, 'cross');
  if (a._shape[w] !== 3 || b._shape[w] !== 3) {
    throw new TorchRuntimeError('cross', `linalg.cross: inputs dimension ${d} must have length 3. Got ${a._shape[w]} and ${b._shape[w]}`);
  }
  const shape = broadcastShapes(a._shape, b._shape, 'cross');
  if (a.dtype !== b.dtype) throw new TorchRuntimeError('cross', `expected scalar type ${cppName(a.dtype)} but found ${cppName(b.dtype)}`);
  if (a.dtype === bool) throw new TorchRuntimeError('cross', `"cross" not implemented for 'Bool'`);
  const ea = a.expand(shape);
  const eb = b.expand(shape);
  const c = (t: Tensor, i: number) => t.select(w, i);
  const part = (i: number, j: number) => c(ea, i).mul(c(eb, j)).sub(c(ea, j).mul(c(eb, i)));
  return stackAt([part(1, 2), part(2, 0), part(0, 1)], w);
}

/** Stacks along `dim` with `cat` of unsqueezed parts (keeps autograd). */
function stackAt(parts: Tensor[], dim: number): Tensor {
  return cat(
    parts.map((p) => p.unsqueeze(dim)),
    dim,
  );
}

// ---------------------------------------------------------------------------
// Distances
// ---------------------------------------------------------------------------

const CDIST_MODES = ['use_mm_for_euclid_dist_if_necessary', 'use_mm_for_euclid_dist', 'donot_use_mm_for_euclid_dist'] as const;
/** How `cdist` computes p = 2 distances (PyTorch's `compute_mode`). */
export type CdistComputeMode = (typeof CDIST_MODES)[number];

/**
 * p-norm distances between the rows of `x1` ([…, P, M]) and `x2` ([…, R, M]): […, P, R],
 * batch dims broadcast. For p = 2, `computeMode` chooses the matrix-product formula
 * (by default when P > 25 or R > 25), as PyTorch does.
 * @example
 * ```ts pytorch=core.cdist
 * const a = torch.tensor([[0, 0], [1, 1]], 'float32');
 * const b = torch.tensor([[3, 4], [1, 0]], 'float32');
 * console.log(torch.cdist(a, b)); // out[i][j] = ‖a[i] − b[j]‖
 * ```
 * ```text
 * tensor([[5.0000, 1.0000],
 *         [3.6056, 1.0000]])
 * ```
 */
export function cdist(x1: Tensor, x2: Tensor, p = 2, computeMode: CdistComputeMode = 'use_mm_for_euclid_dist_if_necessary'): Tensor {
  expectTensor('cdist', 'x1', 1, x1);
  expectTensor('cdist', 'x2', 2, x2);
  expectNumber('cdist', 'p', 3, p);
  const mode = CDIST_MODES.indexOf(computeMode);
  if (mode < 0) throw new TorchValueError('cdist', `${computeMode} is not a valid value for compute_mode`);
  if (x1._shape.length < 2) throw new TorchRuntimeError('cdist', `cdist only supports at least 2D tensors, X1 got: ${x1._shape.length}D`);
  if (x2._shape.length < 2) throw new TorchRuntimeError('cdist', `cdist only supports at least 2D tensors, X2 got: ${x2._shape.length}D`);
  const c1 = x1._shape.at(-1)!;
  const c2 = x2._shape.at(-1)!;
  if (c1 !== c2) throw new TorchRuntimeError('cdist', `X1 and X2 must have the same number of columns. X1: ${c1} X2: ${c2}`);
  if (!x1.dtype.isFloatingPoint) throw new TorchRuntimeError('cdist', `cdist only supports floating-point dtypes, X1 got: ${cppName(x1.dtype)}`);
  if (!x2.dtype.isFloatingPoint) throw new TorchRuntimeError('cdist', `cdist only supports floating-point dtypes, X2 got: ${cppName(x2.dtype)}`);
  if (!(p >= 0)) throw new TorchRuntimeError('cdist', 'cdist only supports non-negative p values');
  if (!x1.device.equals(x2.device)) {
    throw new TorchRuntimeError('cdist', `X1 and X2 must have the same device type. X1: ${x1.device.type} X2: ${x2.device.type}`);
  }
  if (x1.dtype !== x2.dtype) throw new TorchRuntimeError('cdist', `expected scalar type ${cppName(x1.dtype)} but found ${cppName(x2.dtype)}`);
  const r1 = x1._shape.at(-2)!;
  const r2 = x2._shape.at(-2)!;
  const batch = broadcastShapes(x1._shape.slice(0, -2), x2._shape.slice(0, -2), 'cdist');
  const outShape = [...batch, r1, r2];
  const a = x1.expand([...batch, r1, c1]);
  const b = x2.expand([...batch, r2, c1]);
  if (r1 === 0 || r2 === 0 || numelOf(batch) === 0 || c1 === 0) {
    // PyTorch returns zeros (no columns) or an empty result, still connected to the inputs.
    return a.sum(-1, true).mul(0).add(b.sum(-1, true).transpose(-1, -2).mul(0)).expand(outShape).contiguous();
  }
  if (p === 2 && (mode === 1 || (mode === 0 && (r1 > 25 || r2 > 25)))) {
    // PyTorch's _euclidean_dist: |a|² − 2 a·b + |b|² as one product, clamped, square root.
    const an = a.mul(a).sum(-1, true);
    const bn = b.mul(b).sum(-1, true);
    const a_ = cat([a.mul(-2), an, ones(an._shape, { dtype: an.dtype, device: an.device })], -1);
    const b_ = cat([b, ones(bn._shape, { dtype: bn.dtype, device: bn.device }), bn], -1);
    return matmul(a_, b_.transpose(-1, -2)).clamp(1e-30).sqrt();
  }
  const diff = a.unsqueeze(-2).sub(b.unsqueeze(-3));
  return norm(diff, p, -1);
}

/**
 * The p-norm of `a − b` (broadcast), as a 0-D tensor.
 * @example
 * ```ts pytorch=core.dist
 * console.log(torch.dist(torch.zeros(2), torch.tensor([3, 4]).float()));
 * console.log(torch.dist(torch.zeros(2), torch.tensor([3, 4]).float(), 1));
 * ```
 * ```text
 * tensor(5.)
 * tensor(7.)
 * ```
 */
export function dist(a: Tensor, b: Tensor, p = 2): Tensor {
  expectTensor('dist', 'input', 1, a);
  expectTensor('dist', 'other', 2, b);
  expectNumber('dist', 'p', 3, p);
  return norm(a.sub(b), p);
}

// ---------------------------------------------------------------------------
// Contractions
// ---------------------------------------------------------------------------

/** `tensordot`'s `dims`: a count of trailing/leading dims, or the two lists of dims to contract. */
export type TensordotDims = number | readonly [readonly number[] | number, readonly number[] | number];

/**
 * Contracts `a` and `b` over the given dims: `dims = n` contracts the last n dims of `a`
 * with the first n of `b`; `[dimsA, dimsB]` names them.
 * @example
 * ```ts pytorch=core.tensordot
 * console.log(torch.tensordot(torch.ones(3, 4), torch.ones(4, 5), 1).shape); // contracts 1 dim: a matmul
 * console.log(torch.tensordot(torch.ones(3, 4), torch.ones(3, 4), 2)); // contracts both: a dot product
 * ```
 * ```text
 * torch.Size([3, 5])
 * tensor(12.)
 * ```
 */
export function tensordot(a: Tensor, b: Tensor, dims: TensordotDims = 2): Tensor {
  expectTensor('tensordot', 'a', 1, a);
  expectTensor('tensordot', 'b', 2, b);
  let da: number[];
  let db: number[];
  if (typeof dims === 'number' && Number.isInteger(dims)) {
    if (dims < 0) throw new TorchRuntimeError('tensordot', `tensordot expects dims >= 0, but got dims=${dims}`);
    da = Array.from({ length: dims }, (_, i) => i - dims);
    db = Array.from({ length: dims }, (_, i) => i);
  } else if (Array.isArray(dims) && dims.length === 2) {
    const list = (v: unknown, name: string, pos: number): number[] => {
      if (Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isInteger(x))) return v as number[];
      throw new TorchTypeError('tensordot', `tensordot(): argument '${name}' (position ${pos}) must be tuple of ints, not ${typeof v === 'number' ? 'int' : typeof v}`);
    };
    da = list(dims[0], 'dims_self', 3);
    db = list(dims[1], 'dims_other', 4);
  } else {
    throw new TorchRuntimeError(
      'tensordot',
      `tensordot expects dims to be int or Tuple[List[int], List[int]] or List[List[int]] containing two lists, but got dims=${String(dims)}`,
    );
  }
  return tensordotDims(a, b, da, db);
}

/** PyTorch's native tensordot: permute, reshape to matrices, `mm`, reshape. */
function tensordotDims(a: Tensor, b: Tensor, dimsA: readonly number[], dimsB: readonly number[]): Tensor {
  if (dimsA.length !== dimsB.length) throw new TorchRuntimeError('tensordot', 'both dimension lists should have same length');
  let t1 = a;
  let t2 = b;
  let csize = 1;
  const wa = dimsA.map((d) => wrapDim(d, a._shape.length, 'tensordot'));
  const wb = dimsB.map((d) => wrapDim(d, b._shape.length, 'tensordot'));
  for (let i = 0; i < wa.length; i++) {
    const s1 = a._shape[wa[i]!]!;
    const s2 = b._shape[wb[i]!]!;
    if (s2 === 1) t1 = t1.sum(wa[i]!, true);
    else if (s1 === 1) t2 = t2.sum(wb[i]!, true);
    else {
      if (s1 !== s2) {
        throw new TorchRuntimeError(
          'tensordot',
          `contracted dimensions need to match, but first has size ${s1} in dim ${dimsA[i]} and second has size ${s2} in dim ${dimsB[i]}`,
        );
      }
      csize *= s1;
    }
  }
  const seen = (ws: number[]) => {
    const s = new Set<number>();
    for (const d of ws) {
      if (s.has(d)) throw new TorchRuntimeError('tensordot', `dim ${d} appears multiple times in the list of dims`);
      s.add(d);
    }
    return s;
  };
  const ca = seen(wa);
  const cb = seen(wb);
  const p1: number[] = [];
  const p2: number[] = [];
  const rsizes: number[] = [];
  let size1 = 1;
  let size2 = 1;
  for (let i = 0; i < a._shape.length; i++) {
    if (!ca.has(i)) {
      p1.push(i);
      size1 *= t1._shape[i]!;
      rsizes.push(t1._shape[i]!);
    }
  }
  p1.push(...wa);
  p2.push(...wb);
  for (let i = 0; i < b._shape.length; i++) {
    if (!cb.has(i)) {
      p2.push(i);
      size2 *= t2._shape[i]!;
      rsizes.push(t2._shape[i]!);
    }
  }
  const m1 = t1.permute(p1).reshape(size1, csize);
  const m2 = t2.permute(p2).reshape(csize, size2);
  return mm(m1, m2).reshape(rsizes);
}

/**
 * Inner product over the last dims (`a * b` when either is 0-D).
 * @example
 * ```ts pytorch=core.inner
 * console.log(torch.inner(torch.tensor([1, 2, 3]), torch.tensor([0, 1, -1])));
 * console.log(torch.inner(torch.ones(2, 3), torch.ones(4, 3)).shape);
 * ```
 * ```text
 * tensor(-1)
 * torch.Size([2, 4])
 * ```
 */
export function inner(a: Tensor, b: Tensor): Tensor {
  expectTensor('inner', 'input', 1, a);
  expectTensor('inner', 'other', 2, b);
  if (a._shape.length === 0 || b._shape.length === 0) return a.mul(b);
  if (a._shape.at(-1) !== b._shape.at(-1)) {
    throw new TorchRuntimeError('inner', `inner() the last dimension must match on both input tensors but got shapes ${fmtShape(a._shape)} and ${fmtShape(b._shape)}`);
  }
  return tensordotDims(a, b, [-1], [-1]);
}

/**
 * Dot product of two 1-D tensors, conjugating the first (the same as `dot` for real dtypes).
 * @example
 * ```ts
 * console.log(torch.vdot(torch.tensor([1, 2]), torch.tensor([3, 4])));
 * console.log(torch.vdot(torch.tensor([torch.cplx(0, 1)]), torch.tensor([torch.cplx(0, 1)]))); // conjugates the first
 * ```
 * ```text
 * tensor(11)
 * tensor(1.+0.j)
 * ```
 */
export function vdot(a: Tensor, b: Tensor): Tensor {
  expectTensor('vdot', 'input', 1, a);
  expectTensor('vdot', 'other', 2, b);
  if (a.dtype === bool && b.dtype === bool && a._shape.length === 1 && b._shape.length === 1 && a._shape[0] === b._shape[0]) {
    throw new TorchRuntimeError('vdot', `"dot" not implemented for 'Bool'`);
  }
  // the first vector is conjugated (a no-op for real dtypes)
  return dot(a.dtype.isComplex ? a.conj() : a, b);
}

/**
 * Product of two or more matrices, multiplied in the cheapest order (deprecated in
 * PyTorch in favour of `torch.linalg.multi_dot`).
 * @example
 * ```ts pytorch=core.chainMatmul
 * console.log(torch.chainMatmul(torch.ones(2, 3), torch.ones(3, 4), torch.ones(4, 1)));
 * ```
 * ```text
 * tensor([[12.],
 *         [12.]])
 * ```
 */
export function chainMatmul(...matrices: Tensor[]): Tensor {
  expectTensorList('chain_matmul', 0, matrices);
  for (const m of matrices) {
    if (m._shape.length !== 2) throw new TorchRuntimeError('chain_matmul', `Tensor dimension is ${m._shape.length}, expected 2 instead.`);
  }
  if (matrices.length === 0) throw new TorchRuntimeError('chain_matmul', 'chain_matmul(): Expected one or more matrices');
  if (matrices.length === 1) return matrices[0]!.clone();
  const n = matrices.length;
  const dtype = matrices[0]!.dtype;
  for (let i = 1; i < n; i++) {
    if (matrices[i]!.dtype !== dtype) {
      throw new TorchRuntimeError(
        'chain_matmul',
        `multi_dot(): all tensors must have be the same dtype but tensor 0 is ${typeMetaName(dtype)} and tensor ${i} ${typeMetaName(matrices[i]!.dtype)}`,
      );
    }
  }
  for (let i = 0; i < n - 1; i++) {
    const x = matrices[i]!;
    const y = matrices[i + 1]!;
    if (x._shape[1] !== y._shape[0]) {
      throw new TorchRuntimeError('chain_matmul', `multi_dot(): tensors ${i} and ${i + 1} with shapes ${fmtShape(x._shape)} and ${fmtShape(y._shape)} cannot be multiplied`);
    }
  }
  if (n === 2) return mm(matrices[0]!, matrices[1]!);
  if (n === 3) {
    const [a, b, c, d] = [matrices[0]!._shape[0]!, matrices[1]!._shape[0]!, matrices[2]!._shape[0]!, matrices[2]!._shape[1]!];
    const cost1 = a * c * (b + d);
    const cost2 = b * d * (a + c);
    return cost1 > cost2 ? mm(matrices[0]!, mm(matrices[1]!, matrices[2]!)) : mm(mm(matrices[0]!, matrices[1]!), matrices[2]!);
  }
  // PyTorch's matrix_chain_order: m[i][j] the cheapest cost of i..j, s[i][j] its split.
  const p = [...matrices.map((t) => t._shape[0]!), matrices[n - 1]!._shape[1]!];
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const s = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let l = 1; l < n; l++) {
    for (let i = 0; i < n - l; i++) {
      const j = i + l;
      m[i]![j] = Infinity;
      for (let k = i; k < j; k++) {
        const q = m[i]![k]! + m[k + 1]![j]! + p[i]! * p[k + 1]! * p[j + 1]!;
        if (q < m[i]![j]!) {
          m[i]![j] = q;
          s[i]![j] = k;
        }
      }
    }
  }
  const chain = (i: number, j: number): Tensor => (i === j ? matrices[i]! : mm(chain(i, s[i]![j]!), chain(s[i]![j]! + 1, j)));
  return chain(0, n - 1);
}

// ---------------------------------------------------------------------------
// The addmm family
// ---------------------------------------------------------------------------

/** `beta` and `alpha` of the addmm family: `beta * input + alpha * (product)`. */
export interface AddProductOptions {
  /** Multiplier of `input` (default 1; with 0, `input` is ignored, NaN included). */
  beta?: number | boolean;
  /** Multiplier of the product (default 1). */
  alpha?: number | boolean;
}

/** beta and alpha as numbers; integer results truncate them, as PyTorch's kernels cast the scalars to the dtype. */
function scalars(op: string, opts: AddProductOptions | undefined, dtype: DType): { beta: number; alpha: number } {
  const beta = opts?.beta ?? 1;
  const alpha = opts?.alpha ?? 1;
  if (typeof beta !== 'number' && typeof beta !== 'boolean') throw new TorchTypeError(op, `${op}(): argument 'beta' must be Number, not ${typeof beta}`);
  if (typeof alpha !== 'number' && typeof alpha !== 'boolean') throw new TorchTypeError(op, `${op}(): argument 'alpha' must be Number, not ${typeof alpha}`);
  const cast = (v: number | boolean) => (dtype.isFloatingPoint ? Number(v) : Math.trunc(Number(v)));
  return { beta: cast(beta), alpha: cast(alpha) };
}

/** `beta * input + alpha * product`, with PyTorch's rules for beta = 0 and alpha = 1. */
function combine(input: Tensor, product: Tensor, beta: number, alpha: number): Tensor {
  const scaled = alpha === 1 ? product : product.mul(alpha);
  // beta = 0: PyTorch ignores input altogether (NaN and inf in it do not propagate).
  if (beta === 0) return scaled;
  return scaled.add(beta === 1 ? input : input.mul(beta));
}

/** Writes a composite's result into `self` (the in-place forms), refusing other shapes. */
function intoSelf(op: string, self: Tensor, outShape: readonly number[], compute: () => Tensor): Tensor {
  if (self._shape.length !== outShape.length || self._shape.some((s, i) => s !== outShape[i])) {
    throw new TorchRuntimeError(op, `Bad in-place call: input tensor size ${fmtShape(self._shape)} and output tensor size ${fmtShape(outShape)} should match`);
  }
  return self.copy_(compute());
}

function checkAddmm(op: string, input: Tensor, m1: Tensor, m2: Tensor): number[] {
  expectTensor(op, 'input', 1, input);
  expectTensor(op, 'mat1', 2, m1);
  expectTensor(op, 'mat2', 3, m2);
  if (m1._shape.length !== 2) throw new TorchRuntimeError(op, `mat1 must be a matrix, got ${m1._shape.length}-D tensor`);
  if (m2._shape.length !== 2) throw new TorchRuntimeError(op, `mat2 must be a matrix, got ${m2._shape.length}-D tensor`);
  if (m1._shape[1] !== m2._shape[0]) {
    throw new TorchRuntimeError(op, `mat1 and mat2 shapes cannot be multiplied (${m1._shape[0]}x${m1._shape[1]} and ${m2._shape[0]}x${m2._shape[1]})`);
  }
  return [m1._shape[0]!, m2._shape[1]!];
}

function addmmImpl(op: string, input: Tensor, m1: Tensor, m2: Tensor, opts: AddProductOptions | undefined): Tensor {
  const { beta, alpha } = scalars(op, opts, m2.dtype);
  const shape = [m1._shape[0]!, m2._shape[1]!];
  const self = input.expand(shape);
  if (self.dtype !== m2.dtype || m1.dtype !== m2.dtype) throw new TorchRuntimeError(op, 'self and mat2 must have the same dtype');
  if (m1.dtype === bool) throw new TorchRuntimeError(op, `"addmm_impl_cpu_" not implemented for 'Bool'`);
  return combine(self, mm(m1, m2), beta, alpha);
}

/**
 * `beta * input + alpha * (mat1 @ mat2)`, `input` broadcast to the product's shape.
 * @example
 * ```ts pytorch=core.addmm
 * console.log(torch.addmm(torch.tensor([1, -1], 'float32'), torch.ones(2, 3), torch.ones(3, 2), { alpha: 2 })); // bias + 2 * (a @ b)
 * ```
 * ```text
 * tensor([[7., 5.],
 *         [7., 5.]])
 * ```
 */
export function addmm(input: Tensor, mat1: Tensor, mat2: Tensor, opts?: AddProductOptions): Tensor {
  checkAddmm('addmm', input, mat1, mat2);
  return addmmImpl('addmm', input, mat1, mat2, opts);
}

/** In-place {@link addmm}: writes into `input`, which must have the product's shape. */
export function addmm_(input: Tensor, mat1: Tensor, mat2: Tensor, opts?: AddProductOptions): Tensor {
  const shape = checkAddmm('addmm_', input, mat1, mat2);
  return intoSelf('addmm_', input, shape, () => addmmImpl('addmm_', input, mat1, mat2, opts));
}

function checkAddmv(op: string, input: Tensor, mat: Tensor, vec: Tensor): number[] {
  expectTensor(op, 'input', 1, input);
  expectTensor(op, 'mat', 2, mat);
  expectTensor(op, 'vec', 3, vec);
  if (!(mat._shape.length === 2 && vec._shape.length === 1 && input._shape.length <= 1)) {
    throw new TorchRuntimeError(op, `vector + matrix @ vector expected, got ${input._shape.length}, ${mat._shape.length}, ${vec._shape.length}`);
  }
  if (!(mat._shape[1] === vec._shape[0] && (mat._shape[0] === input.numel() || input.numel() === 1))) {
    if (input._shape.length === 0) throw new TorchIndexError(op, 'Dimension specified as 0 but tensor has no dimensions');
    throw new TorchRuntimeError(op, `size mismatch, got ${input._shape[0]}, ${mat._shape[0]}x${mat._shape[1]},${vec._shape[0]}`);
  }
  return [mat._shape[0]!];
}

function addmvImpl(op: string, input: Tensor, mat: Tensor, vec: Tensor, opts: AddProductOptions | undefined): Tensor {
  const { beta, alpha } = scalars(op, opts, input.dtype);
  for (const t of [mat, vec]) {
    if (t.dtype !== input.dtype) throw new TorchRuntimeError(op, `expected scalar type ${cppName(input.dtype)} but found ${cppName(t.dtype)}`);
  }
  if (input.dtype === bool) throw new TorchRuntimeError(op, `"addmv_impl_cpu" not implemented for 'Bool'`);
  return combine(input.expand([mat._shape[0]!]), mv(mat, vec), beta, alpha);
}

/**
 * `beta * input + alpha * (mat @ vec)`.
 * @example
 * ```ts pytorch=core.addmv
 * console.log(torch.addmv(torch.ones(2), torch.ones(2, 3), torch.ones(3)));
 * ```
 * ```text
 * tensor([4., 4.])
 * ```
 */
export function addmv(input: Tensor, mat: Tensor, vec: Tensor, opts?: AddProductOptions): Tensor {
  checkAddmv('addmv', input, mat, vec);
  return addmvImpl('addmv', input, mat, vec, opts);
}

/** In-place {@link addmv}: writes into `input`, which must have the product's shape. */
export function addmv_(input: Tensor, mat: Tensor, vec: Tensor, opts?: AddProductOptions): Tensor {
  const shape = checkAddmv('addmv_', input, mat, vec);
  return intoSelf('addmv_', input, shape, () => addmvImpl('addmv_', input, mat, vec, opts));
}

function checkAddr(op: string, input: Tensor, v1: Tensor, v2: Tensor): number[] {
  expectTensor(op, 'input', 1, input);
  expectTensor(op, 'vec1', 2, v1);
  expectTensor(op, 'vec2', 3, v2);
  if (v1._shape.length !== 1) throw new TorchRuntimeError(op, `addr: Expected 1-D argument vec1, but got ${v1._shape.length}-D`);
  if (v2._shape.length !== 1) throw new TorchRuntimeError(op, `addr: Expected 1-D argument vec2, but got ${v2._shape.length}-D`);
  return [v1._shape[0]!, v2._shape[0]!];
}

function addrImpl(op: string, input: Tensor, v1: Tensor, v2: Tensor, opts: AddProductOptions | undefined, dtype: DType): Tensor {
  const beta = opts?.beta ?? 1;
  const alpha = opts?.alpha ?? 1;
  for (const [v, name] of [
    [beta, 'beta'],
    [alpha, 'alpha'],
  ] as const) {
    if (typeof v === 'boolean' && dtype !== bool) throw new TorchRuntimeError(op, `Boolean ${name} only supported for Boolean results.`);
    if (!dtype.isFloatingPoint && typeof v === 'number' && !Number.isInteger(v)) {
      throw new TorchRuntimeError(op, `For integral input tensors, argument ${name} must not be a floating point number.`);
    }
  }
  const shape = [v1._shape[0]!, v2._shape[0]!];
  const self = input.expand(shape);
  const outer = v1.reshape(-1, 1).mul(v2.reshape(1, -1));
  if (dtype === bool) {
    // (beta && input) || (alpha && vec1 ⊗ vec2)
    const prod = alpha ? outer.to(bool) : zeros(shape, { dtype: bool, device: outer.device });
    return beta ? where(self.to(bool), true, prod) : prod.clone();
  }
  return combine(self.to(dtype), outer.to(dtype), Number(beta), Number(alpha));
}

/**
 * `beta * input + alpha * outer(vec1, vec2)` (dtypes promote; bool is logical).
 * @example
 * ```ts pytorch=core.addr
 * console.log(torch.addr(torch.zeros(2, 2), torch.tensor([1, 2]), torch.tensor([3, 4]))); // + outer product
 * ```
 * ```text
 * tensor([[3., 4.],
 *         [6., 8.]])
 * ```
 */
export function addr(input: Tensor, vec1: Tensor, vec2: Tensor, opts?: AddProductOptions): Tensor {
  checkAddr('addr', input, vec1, vec2);
  const dtype = promoteTypes(promoteTypes(input.dtype, vec1.dtype), vec2.dtype);
  return addrImpl('addr', input, vec1, vec2, opts, dtype);
}

/** In-place {@link addr}: writes into `input` (its dtype; the others must cast to it). */
export function addr_(input: Tensor, vec1: Tensor, vec2: Tensor, opts?: AddProductOptions): Tensor {
  const shape = checkAddr('addr_', input, vec1, vec2);
  const dtype = promoteTypes(promoteTypes(input.dtype, vec1.dtype), vec2.dtype);
  if (dtype !== input.dtype) {
    throw new TorchRuntimeError('addr_', `result type ${cppName(dtype)} can't be cast to the desired output type ${cppName(input.dtype)}`);
  }
  if (input._shape.length !== 2 || input._shape[0] !== shape[0] || input._shape[1] !== shape[1]) {
    const bshape = broadcastShapes(input._shape, shape, 'addr_');
    throw new TorchRuntimeError('addr_', `output with shape ${fmtShape(input._shape)} doesn't match the broadcast shape ${fmtShape(bshape)}`);
  }
  return input.copy_(addrImpl('addr_', input, vec1, vec2, opts, dtype));
}

function checkBatches(op: string, input: Tensor, b1: Tensor, b2: Tensor): void {
  expectTensor(op, 'input', 1, input);
  expectTensor(op, 'batch1', 2, b1);
  expectTensor(op, 'batch2', 3, b2);
}

function baddbmmShape(op: string, b1: Tensor, b2: Tensor): number[] {
  if (b1._shape.length !== 3) throw new TorchRuntimeError(op, 'batch1 must be a 3D tensor');
  if (b2._shape.length !== 3) throw new TorchRuntimeError(op, 'batch2 must be a 3D tensor');
  const [bs, rows, k] = b1._shape as [number, number, number];
  if (b2._shape[0] !== bs || b2._shape[1] !== k) {
    throw new TorchRuntimeError(op, `Expected size for first two dimensions of batch2 tensor to be: [${bs}, ${k}] but got: [${b2._shape[0]}, ${b2._shape[1]}].`);
  }
  return [bs, rows, b2._shape[2]!];
}

function baddbmmImpl(op: string, input: Tensor, b1: Tensor, b2: Tensor, opts: AddProductOptions | undefined, shape: number[]): Tensor {
  const { beta, alpha } = scalars(op, opts, b2.dtype);
  if (b1.dtype !== b2.dtype) throw new TorchRuntimeError(op, `expected scalar type ${cppName(b1.dtype)} but found ${cppName(b2.dtype)}`);
  if (b1.dtype === bool) throw new TorchRuntimeError(op, `"baddbmm" not implemented for 'Bool'`);
  // The result takes batch2's dtype; `input` is cast to it.
  const self = input.expand(shape);
  return combine(self.dtype === b2.dtype ? self : self.to(b2.dtype), bmm(b1, b2), beta, alpha);
}

/**
 * `beta * input + alpha * (batch1 @ batch2)` for batches of matrices.
 * @example
 * ```ts pytorch=core.baddbmm
 * console.log(torch.baddbmm(torch.zeros(3), torch.ones(2, 3, 4), torch.ones(2, 4, 3)).shape);
 * ```
 * ```text
 * torch.Size([2, 3, 3])
 * ```
 */
export function baddbmm(input: Tensor, batch1: Tensor, batch2: Tensor, opts?: AddProductOptions): Tensor {
  checkBatches('baddbmm', input, batch1, batch2);
  if (batch1._shape.length !== 3) throw new TorchRuntimeError('baddbmm', 'batch1 must be a 3D tensor');
  if (batch2._shape.length !== 3) throw new TorchRuntimeError('baddbmm', 'batch2 must be a 3D tensor');
  // PyTorch expands input to [batch1.size(0), batch1.size(1), batch2.size(2)] first.
  const target = [batch1._shape[0]!, batch1._shape[1]!, batch2._shape[2]!];
  input.expand(target);
  const shape = baddbmmShape('baddbmm', batch1, batch2);
  return baddbmmImpl('baddbmm', input, batch1, batch2, opts, shape);
}

/** In-place {@link baddbmm}: writes into `input`, which must have the product's shape. */
export function baddbmm_(input: Tensor, batch1: Tensor, batch2: Tensor, opts?: AddProductOptions): Tensor {
  checkBatches('baddbmm_', input, batch1, batch2);
  const shape = baddbmmShape('baddbmm_', batch1, batch2);
  return intoSelf('baddbmm_', input, shape, () => baddbmmImpl('baddbmm_', input, batch1, batch2, opts, shape));
}

function addbmmChecks(op: string, self: Tensor, b1: Tensor, b2: Tensor): void {
  if (b1._shape.length !== 3) throw new TorchRuntimeError(op, 'batch1 must be a 3D tensor');
  if (b2._shape.length !== 3) throw new TorchRuntimeError(op, 'batch2 must be a 3D tensor');
  if (b1._shape[0] !== b2._shape[0]) throw new TorchRuntimeError(op, `batch1 and batch2 must have same number of batches, got ${b1._shape[0]} and ${b2._shape[0]}`);
  if (b1._shape[2] !== b2._shape[1]) {
    throw new TorchRuntimeError(op, `Incompatible matrix sizes for bmm (${b1._shape[1]}x${b1._shape[2]} and ${b2._shape[1]}x${b2._shape[2]})`);
  }
  if (self._shape.length < 2) throw new TorchIndexError(op, `Dimension out of range (expected to be in range of [-1, 0], but got 1)`);
  if (self._shape[0] !== b1._shape[1] || self._shape[1] !== b2._shape[2]) throw new TorchRuntimeError(op, 'self tensor does not match matmul output shape');
}

function addbmmImpl(op: string, self: Tensor, b1: Tensor, b2: Tensor, opts: AddProductOptions | undefined): Tensor {
  const { beta, alpha } = scalars(op, opts, b2.dtype);
  if (self.dtype !== b2.dtype || b1.dtype !== b2.dtype) throw new TorchRuntimeError(op, 'self and mat2 must have the same dtype');
  if (b1.dtype === bool) throw new TorchRuntimeError(op, `"addmm_impl_cpu_" not implemented for 'Bool'`);
  return combine(self, sum(bmm(b1, b2), 0, { dtype: b1.dtype }), beta, alpha);
}

/**
 * `beta * input + alpha * Σᵢ batch1[i] @ batch2[i]` (products summed over the batch).
 * @example
 * ```ts pytorch=core.addbmm
 * console.log(torch.addbmm(torch.zeros(2, 2), torch.ones(3, 2, 4), torch.ones(3, 4, 2))); // the batch summed: 3 × 4
 * ```
 * ```text
 * tensor([[12., 12.],
 *         [12., 12.]])
 * ```
 */
export function addbmm(input: Tensor, batch1: Tensor, batch2: Tensor, opts?: AddProductOptions): Tensor {
  checkBatches('addbmm', input, batch1, batch2);
  // PyTorch reads batch1.size(1) and batch2.size(2) to expand input before any check.
  wrapDim(1, batch1._shape.length, 'addbmm');
  wrapDim(2, batch2._shape.length, 'addbmm');
  const self = input.expand([batch1._shape[1]!, batch2._shape[2]!]);
  addbmmChecks('addbmm', self, batch1, batch2);
  return addbmmImpl('addbmm', self, batch1, batch2, opts);
}

/** In-place {@link addbmm}: writes into `input`, which must have the product's shape. */
export function addbmm_(input: Tensor, batch1: Tensor, batch2: Tensor, opts?: AddProductOptions): Tensor {
  checkBatches('addbmm_', input, batch1, batch2);
  // PyTorch expands input to the product's shape here too (so a wrong shape fails in expand).
  wrapDim(1, batch1._shape.length, 'addbmm_');
  wrapDim(2, batch2._shape.length, 'addbmm_');
  const target = [batch1._shape[1]!, batch2._shape[2]!];
  const self = input.expand(target);
  addbmmChecks('addbmm_', self, batch1, batch2);
  return intoSelf('addbmm_', input, target, () => addbmmImpl('addbmm_', self, batch1, batch2, opts));
}

// ---------------------------------------------------------------------------
// cov, corrcoef
// ---------------------------------------------------------------------------

/** Options of {@link cov}. */
export interface CovOptions {
  /** Difference between the number of observations and the degrees of freedom (default 1). */
  correction?: number;
  /** Integer frequency weights, one per observation. */
  fweights?: Tensor | null;
  /** Floating-point observation weights, one per observation. */
  aweights?: Tensor | null;
}

/** Runs a data-dependent argument check only where values can be read synchronously. */
function syncCheck(t: Tensor, bad: (values: ArrayLike<number>) => boolean, fail: () => never): void {
  if (!t._storage.backend.syncRead) return;
  if (bad(t.dataSync())) fail();
}

/**
 * Covariance matrix of the rows of `input` (variables; columns are observations), with
 * optional frequency and observation weights. A 1-D input or one variable gives a 0-D result.
 * On devices that read back only asynchronously, the checks that need the weights' values
 * (negative weights) are skipped.
 * @example
 * ```ts pytorch=core.cov
 * console.log(torch.cov(torch.tensor([[0, 1, 2], [2, 1, 0]]).float())); // rows are variables
 * ```
 * ```text
 * tensor([[ 1., -1.],
 *         [-1.,  1.]])
 * ```
 */
export function cov(input: Tensor, opts?: CovOptions): Tensor {
  return covImpl(input, opts, true);
}

function covImpl(input: Tensor, opts: CovOptions | undefined, checkValues: boolean): Tensor {
  expectTensor('cov', 'input', 1, input);
  const correction = opts?.correction ?? 1;
  expectInt('cov', 'correction', undefined, correction);
  if (input._shape.length > 2) {
    throw new TorchRuntimeError('cov', `cov(): expected input to have two or fewer dimensions but got an input with ${input._shape.length} dimensions`);
  }
  if (input.dtype === bool) throw new TorchRuntimeError('cov', 'cov(): bool dtype is not supported for input');
  const x = input._shape.length < 2 ? input.view(1, -1) : input;
  const nObs = x._shape[1]!;
  const fw = opts?.fweights ?? null;
  const aw = opts?.aweights ?? null;
  let w: Tensor | null = null;
  if (fw !== null) {
    expectTensor('cov', 'fweights', undefined, fw);
    if (fw._shape.length > 1) throw new TorchRuntimeError('cov', `cov(): expected fweights to have one or fewer dimensions but got fweights with ${fw._shape.length} dimensions`);
    if (fw.dtype.isFloatingPoint || fw.dtype === bool) {
      throw new TorchRuntimeError('cov', `cov(): expected fweights to have integral dtype but got fweights with ${cppName(fw.dtype)} dtype`);
    }
    if (fw.numel() !== nObs) {
      throw new TorchRuntimeError('cov', `cov(): expected fweights to have the same numel as there are observations in the input but got ${fw.numel()} != ${nObs}`);
    }
    if (checkValues) syncCheck(fw, (v) => Array.from(v).some((e) => e < 0), () => {
      throw new TorchRuntimeError('cov', 'cov(): fweights cannot be negative');
    });
    w = fw;
  }
  if (aw !== null) {
    expectTensor('cov', 'aweights', undefined, aw);
    if (aw._shape.length > 1) throw new TorchRuntimeError('cov', `cov(): expected aweights to have one or fewer dimensions but got aweights with ${aw._shape.length} dimensions`);
    if (!aw.dtype.isFloatingPoint) {
      throw new TorchRuntimeError('cov', `cov(): expected aweights to have floating point dtype but got aweights with ${cppName(aw.dtype)} dtype`);
    }
    if (aw.numel() !== nObs) {
      throw new TorchRuntimeError('cov', `cov(): expected aweights to have the same numel as there are observations in the input but got ${aw.numel()} != ${nObs}`);
    }
    if (checkValues) syncCheck(aw, (v) => Array.from(v).some((e) => e < 0), () => {
      throw new TorchRuntimeError('cov', 'cov(): aweights cannot be negative');
    });
    w = w !== null ? w.mul(aw) : aw;
  }
  let avg: Tensor;
  let normFactor: Tensor | number;
  if (w === null) {
    avg = x.sum(1).div(nObs);
    normFactor = Math.max(nObs - correction, 0);
  } else {
    const wSum = w.sum();
    avg = x.mul(w).sum(1).div(wSum);
    let nf: Tensor;
    if (correction === 0) nf = wSum;
    else if (aw === null) nf = wSum.sub(correction);
    else nf = wSum.sub(w.mul(aw).sum().mul(correction).div(wSum));
    normFactor = where(nf.le(0), 0, nf);
  }
  // PyTorch's corner case: one observation with one kind of weights centres to exact zeros.
  const xc =
    nObs === 1 && (fw !== null) !== (aw !== null)
      ? zeros(x._shape, { dtype: x.dtype.isFloatingPoint ? x.dtype : float32, device: x.device })
      : x.sub(avg.unsqueeze(1));
  const c = mm(xc, (w !== null ? xc.mul(w) : xc).t());
  return c.div(normFactor).squeeze();
}

/**
 * {@link cov} that also runs the checks needing the weights' values (negative weights) on
 * devices that read back only asynchronously (WebGPU).
 * @example
 * ```ts pytorch=core.covAsync
 * const x = torch.tensor([[1, 2, 4], [2, 1, 0]], { dtype: 'float32' });
 * console.log(await torch.covAsync(x, { fweights: torch.tensor([1, 2, 1]) }));
 * await torch.covAsync(x, { fweights: torch.tensor([1, -2, 1]) }).catch((e: Error) => console.log(e.message));
 * ```
 * ```text
 * tensor([[ 1.5833, -1.0000],
 *         [-1.0000,  0.6667]])
 * cov(): fweights cannot be negative
 * ```
 */
export async function covAsync(input: Tensor, opts?: CovOptions): Promise<Tensor> {
  const fw = opts?.fweights ?? null;
  const aw = opts?.aweights ?? null;
  // argument errors that need no values are raised while computing
  const result = covImpl(input, opts, false);
  for (const [w, name] of [
    [fw, 'fweights'],
    [aw, 'aweights'],
  ] as const) {
    if (w !== null && w.numel() > 0 && Array.from(await w.data()).some((e) => e < 0)) {
      result.dispose();
      throw new TorchRuntimeError('cov', `cov(): ${name} cannot be negative`);
    }
  }
  return result;
}

/**
 * Pearson correlation coefficients of the rows of `input` (clipped to [-1, 1]).
 * @example
 * ```ts pytorch=core.corrcoef
 * console.log(torch.corrcoef(torch.tensor([[0, 1, 2], [2, 1, 5]]).float()));
 * ```
 * ```text
 * tensor([[1.0000, 0.7206],
 *         [0.7206, 1.0000]])
 * ```
 */
export function corrcoef(input: Tensor): Tensor {
  expectTensor('corrcoef', 'input', 1, input);
  if (input._shape.length > 2) {
    throw new TorchRuntimeError('corrcoef', `corrcoef(): expected input to have two or fewer dimensions but got an input with ${input._shape.length} dimensions`);
  }
  const c = cov(input);
  if (c._shape.length === 0) return c.div(c);
  const std = diagonal(c).sqrt();
  return c.div(std.view(-1, 1)).div(std.view(1, -1)).clamp(-1, 1);
}

// ---------------------------------------------------------------------------
// diff, trapezoid rules
// ---------------------------------------------------------------------------

/**
 * The n-th forward difference along `dim` (`logical_xor` for bool), after concatenating
 * `prepend` and `append` along `dim`.
 * @example
 * ```ts pytorch=core.diff
 * console.log(torch.diff(torch.tensor([1, 4, 9, 16])));
 * console.log(torch.diff(torch.tensor([1, 4, 9, 16]), 2)); // second differences
 * ```
 * ```text
 * tensor([3, 5, 7])
 * tensor([2, 2])
 * ```
 */
export function diff(x: Tensor, n = 1, dim = -1, prepend?: Tensor | null, append?: Tensor | null): Tensor {
  expectTensor('diff', 'input', 1, x);
  expectInt('diff', 'n', 2, n);
  expectInt('diff', 'dim', 3, dim);
  if (x._shape.length < 1) throw new TorchRuntimeError('diff', 'diff expects input to be at least one-dimensional');
  const d = wrapDim(dim, x._shape.length, 'diff');
  for (const o of [prepend, append]) {
    if (o === undefined || o === null) continue;
    expectTensor('diff', 'prepend', undefined, o);
    if (o._shape.length !== x._shape.length) throw new TorchRuntimeError('diff', 'diff expects prepend or append to be the same dimension as input');
    for (let i = 0; i < o._shape.length; i++) {
      if (i !== d && o._shape[i] !== x._shape[i]) {
        throw new TorchRuntimeError(
          'diff',
          `diff expects the shape of tensor to prepend or append to match that of input except along the differencing dimension; input.size(${i}) = ${x._shape[i]}, but got tensor.size(${i}) = ${o._shape[i]}`,
        );
      }
    }
  }
  // PyTorch 1.13: n = 0 returns a copy (prepend/append ignored); n < 0 differences nothing.
  let r = x;
  if (n !== 0 && (prepend || append)) r = cat([prepend, x, append].filter((t): t is Tensor => t !== undefined && t !== null), d);
  if (n === 0) return r.clone();
  let len = r._shape[d]! - 1;
  const steps = Math.min(n, r._shape[d]!);
  for (let i = 0; i < steps; i++) {
    const hi = r.narrow(d, 1, len);
    const lo = r.narrow(d, 0, len);
    r = r.dtype === bool ? hi.logicalXor(lo) : hi.sub(lo);
    len--;
  }
  return r;
}

/** Options of the trapezoid rules: spacing `dx` (when no `x`) and the integration `dim`. */
export interface TrapezoidOptions {
  /** Constant spacing between samples (default 1; only without `x`). */
  dx?: number;
  /** The dim to integrate along (default -1). */
  dim?: number;
}

/** `x` viewed so that its differences broadcast against `y`'s along `dim`. */
function sampleSpacing(op: string, y: Tensor, x: Tensor, d: number): Tensor {
  let xv: Tensor;
  if (x._shape.length === 1) {
    if (x._shape[0] !== y._shape[d]) throw new TorchRuntimeError(op, `${op}: There must be one \`x\` value for each sample point`);
    const sizes = new Array<number>(y._shape.length).fill(1);
    sizes[d] = x._shape[0]!;
    xv = x.view(sizes);
  } else if (x._shape.length < y._shape.length) {
    xv = x.view([...new Array<number>(y._shape.length - x._shape.length).fill(1), ...x._shape]);
  } else xv = x;
  const len = xv._shape[d]!;
  return sliceFrom(xv, d, 1).sub(sliceTo(xv, d, len - 1));
}

/** `t[…, start:]` along `d`. */
function sliceFrom(t: Tensor, d: number, start: number): Tensor {
  const n = t._shape[d]!;
  const s = Math.min(start, n);
  return t.narrow(d, s, n - s);
}

/** `t[…, :end]` along `d` (negative `end` clamps at 0). */
function sliceTo(t: Tensor, d: number, end: number): Tensor {
  return t.narrow(d, 0, Math.max(0, Math.min(end, t._shape[d]!)));
}

function splitTrapezoidArgs(op: string, xOrOpts: Tensor | TrapezoidOptions | null | undefined, opts: TrapezoidOptions | undefined): { x: Tensor | null; o: TrapezoidOptions } {
  if (xOrOpts instanceof Tensor) {
    if (opts?.dx !== undefined) throw new TorchTypeError(op, `${op}() received an invalid combination of arguments - got (Tensor, Tensor, dx=float), but expected (Tensor y, Tensor x, *, int dim) or (Tensor y, *, Number dx, int dim)`);
    return { x: xOrOpts, o: opts ?? {} };
  }
  if (xOrOpts !== null && xOrOpts !== undefined && (typeof xOrOpts !== 'object' || Array.isArray(xOrOpts))) {
    const kind = typeof xOrOpts === 'number' ? (Number.isInteger(xOrOpts) ? 'int' : 'float') : pyTypeName(xOrOpts);
    throw new TorchTypeError(op, `${op}() received an invalid combination of arguments - got (Tensor, ${kind}), but expected one of:`);
  }
  return { x: null, o: { ...(xOrOpts ?? {}), ...(opts ?? {}) } };
}

/**
 * Integral of `y` along `dim` by the trapezoid rule, at sample points `x` (any shape that
 * broadcasts, or 1-D along `dim`) or with constant spacing `dx`.
 * @example
 * ```ts pytorch=core.trapezoid
 * const y = torch.tensor([1, 2, 3]).float();
 * console.log(torch.trapezoid(y));
 * console.log(torch.trapezoid(y, { dx: 2 }));
 * ```
 * ```text
 * tensor(4.)
 * tensor(8.)
 * ```
 */
export function trapezoid(y: Tensor, x?: Tensor | TrapezoidOptions | null, opts?: TrapezoidOptions): Tensor {
  expectTensor('trapezoid', 'y', 1, y);
  const { x: xs, o } = splitTrapezoidArgs('trapezoid', x, opts);
  const dim = o.dim ?? -1;
  expectInt('trapezoid', 'dim', undefined, dim);
  if (y._shape.length === 0) throw new TorchIndexError('trapezoid', `Dimension specified as ${dim} but tensor has no dimensions`);
  const d = wrapDim(dim, y._shape.length, 'trapezoid');
  if (y._shape[d] === 0) {
    const shape = y._shape.filter((_, i) => i !== d);
    return zeros(shape, { dtype: y.dtype, device: y.device });
  }
  if (xs !== null) {
    if (y.dtype === bool || xs.dtype === bool) throw new TorchRuntimeError('trapezoid', 'trapezoid: received a bool input for `x` or `y`, but bool is not supported');
    const dx = sampleSpacing('trapezoid', y, xs, d);
    const n = y._shape[d]!;
    return sliceFrom(y, d, 1).add(sliceTo(y, d, n - 1)).mul(dx).sum(d).div(2);
  }
  const dx = o.dx ?? 1;
  expectNumber('trapezoid', 'dx', undefined, dx);
  if (y.dtype === bool) throw new TorchRuntimeError('trapezoid', 'trapezoid: received a bool input for `y`, but bool is not supported');
  return y.sum(d).sub(y.select(d, 0).add(y.select(d, -1)).mul(0.5)).mul(dx);
}

/**
 * Running integral of `y` along `dim` by the trapezoid rule (one fewer element along
 * `dim`), at sample points `x` or with constant spacing `dx`.
 * @example
 * ```ts pytorch=core.cumulativeTrapezoid
 * console.log(torch.cumulativeTrapezoid(torch.tensor([1, 2, 3]).float()));
 * ```
 * ```text
 * tensor([1.5000, 4.0000])
 * ```
 */
export function cumulativeTrapezoid(y: Tensor, x?: Tensor | TrapezoidOptions | null, opts?: TrapezoidOptions): Tensor {
  expectTensor('cumulative_trapezoid', 'y', 1, y);
  const { x: xs, o } = splitTrapezoidArgs('cumulative_trapezoid', x, opts);
  const dim = o.dim ?? -1;
  expectInt('cumulative_trapezoid', 'dim', undefined, dim);
  if (xs !== null) {
    if (y._shape.length === 0) throw new TorchIndexError('cumulative_trapezoid', `Dimension specified as ${dim} but tensor has no dimensions`);
    const d = wrapDim(dim, y._shape.length, 'cumulative_trapezoid');
    if (y.dtype === bool || xs.dtype === bool) {
      throw new TorchRuntimeError('cumulative_trapezoid', 'cumulative_trapezoid: received a bool input for `x` or `y`, but bool is not supported');
    }
    const dx = sampleSpacing('cumulative_trapezoid', y, xs, d);
    return pairSum(y, d).mul(dx.div(2)).cumsum(d);
  }
  const dx = o.dx ?? 1;
  expectNumber('cumulative_trapezoid', 'dx', undefined, dx);
  if (y.dtype === bool) throw new TorchRuntimeError('cumulative_trapezoid', 'cumulative_trapezoid: received a bool input for `y`, but bool is not supported');
  if (y._shape.length === 0) throw new TorchIndexError('cumulative_trapezoid', 'slice() cannot be applied to a 0-dim tensor.');
  const d = wrapDim(dim, y._shape.length, 'cumulative_trapezoid');
  // dx / 2 is a Python float in PyTorch: integer samples compute in the default float dtype.
  const pairs = pairSum(y, d);
  return (pairs.dtype.isFloatingPoint ? pairs : pairs.to(getDefaultDtype())).mul(dx / 2).cumsum(d);
}

/** `y[…, :-1] + y[…, 1:]` along `d`. */
function pairSum(y: Tensor, d: number): Tensor {
  const n = y._shape[d]!;
  return sliceTo(y, d, n - 1).add(sliceFrom(y, d, 1));
}

// ---------------------------------------------------------------------------
// renorm, vander
// ---------------------------------------------------------------------------

function renormImpl(op: string, x: Tensor, p: number, dim: number, maxnorm: number): Tensor {
  expectTensor(op, 'input', 1, x);
  expectNumber(op, 'p', 2, p);
  expectInt(op, 'dim', 3, dim);
  expectNumber(op, 'maxnorm', 4, maxnorm);
  if (!(p > 0)) throw new TorchRuntimeError(op, 'renorm: non-positive-norm not supported');
  if (!(maxnorm >= 0)) throw new TorchRuntimeError(op, `renorm: expected maxnorm to be >= 0 but got ${maxnorm}`);
  const nd = x._shape.length;
  if (nd <= 1) throw new TorchRuntimeError(op, `renorm: input needs at least 2 dimensions, got ${nd} dimensions`);
  const d = wrapDim(dim, nd, op);
  if (!x.dtype.isFloatingPoint) throw new TorchRuntimeError(op, `linalg.vector_norm: Expected a floating point or complex tensor as input. Got ${cppName(x.dtype)}`);
  const dims = Array.from({ length: nd }, (_, i) => i).filter((i) => i !== d);
  const n = norm(x, p, dims, true);
  // PyTorch's scale factor: maxnorm / (norm + 1e-7) where norm > maxnorm, else 1.
  const factor = where(n.gt(maxnorm), div(maxnorm, n.add(1e-7)), 1);
  return x.mul(factor);
}

/**
 * Rescales each slice of `input` along `dim` whose p-norm exceeds `maxnorm` to norm `maxnorm`.
 * @example
 * ```ts pytorch=core.renorm
 * const x = torch.tensor([[1, 1, 1, 1], [0.1, 0, 0, 0]]);
 * console.log(torch.renorm(x, 2, 0, 1)); // rows with a 2-norm over 1 are scaled down to 1
 * ```
 * ```text
 * tensor([[0.5000, 0.5000, 0.5000, 0.5000],
 *         [0.1000, 0.0000, 0.0000, 0.0000]])
 * ```
 */
export function renorm(input: Tensor, p: number, dim: number, maxnorm: number): Tensor {
  return renormImpl('renorm', input, p, dim, maxnorm);
}

/** In-place {@link renorm}. */
export function renorm_(input: Tensor, p: number, dim: number, maxnorm: number): Tensor {
  expectTensor('renorm_', 'input', 1, input);
  const r = renormImpl('renorm_', input.clone(), p, dim, maxnorm);
  return input.copy_(r);
}

/**
 * Options of `torch.vander`: PyTorch's keyword arguments, given as the trailing options object
 * (`torch.vander(x, 3, { increasing: true })` or `torch.vander(x, { N: 3, increasing: true })`).
 */
export interface VanderOptions {
  /** Number of columns (default: the length of `x`). */
  N?: number | null;
  /** Powers grow from left to right (default `false`: they fall). */
  increasing?: boolean;
}

/**
 * Vandermonde matrix of a 1-D `x`: columns x^(N−1) … x^0 (or x^0 … x^(N−1) when
 * `increasing`); integer and bool inputs give int64.
 * @example
 * ```ts pytorch=core.vander
 * console.log(torch.vander(torch.tensor([1, 2, 3]), 3)); // decreasing powers (numpy's order)
 * ```
 * ```text
 * tensor([[1, 1, 1],
 *         [4, 2, 1],
 *         [9, 3, 1]])
 * ```
 */
export function vander(x: Tensor, NIn?: number | null | VanderOptions, increasingIn?: boolean | VanderOptions): Tensor {
  expectTensor('vander', 'x', 1, x);
  const kw = keywordArgs('vander', ['N', 'increasing'], [NIn, increasingIn]);
  const increasing = boolArg('vander', 'increasing', 3, kw.increasing, false);
  if (x._shape.length !== 1) throw new TorchRuntimeError('vander', 'x must be a one-dimensional tensor.');
  const n = (kw.N as number | null | undefined) ?? x._shape[0]!;
  expectInt('vander', 'N', 2, n);
  if (n < 0) throw new TorchRuntimeError('vander', 'N must be non-negative.');
  const dtype = x.dtype.isFloatingPoint ? x.dtype : int64;
  const len = x._shape[0]!;
  let result: Tensor;
  if (n <= 1) {
    result = ones([len, n], { dtype, device: x.device });
  } else {
    const powers = x.to(dtype).unsqueeze(1).expand(len, n - 1).cumprod(1);
    result = cat([ones([len, 1], { dtype, device: x.device }), powers], 1);
  }
  return increasing ? result : flip(result, 1);
}
