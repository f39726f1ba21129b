/**
 * View ops: they edit shape/strides/offset and share storage with their base,
 * so a write through the view shows in the base. Copies happen only where
 * PyTorch copies (`reshape` of incompatible strides, `contiguous`, `clone`).
 */
import { composite, recordOp } from '../autograd-hook.js';
import { TorchIndexError, TorchRuntimeError, TorchTypeError, TorchValueError, fmtShape } from '../errors.js';
import {
  broadcastStrides,
  computeViewStrides,
  contiguousStrides,
  inferSize,
  isContiguousLayout,
  numelOf,
  wrapDim,
} from '../shape.js';
import { Tensor } from '../tensor.js';
import { toDType } from '../dtype.js';
import { expectInt, expectIntList, expectIntOrList, expectTensor, pyTypeName } from '../validate.js';
import { type AdvancedIndexSpec, advancedIndex, hasTensorIndex } from './advanced-index.js';
import { backendFor, emptyTensor, refOf } from './dispatch.js';

/** Shape arguments accepted both ways: `f(2, 3)` and `f([2, 3])`. */
export type ShapeArgs = readonly number[] | [readonly number[]];

/** Flattens `(2, 3)` / `([2, 3])` to `[2, 3]`. */
export function shapeFromArgs(args: readonly unknown[], op: string): number[] {
  const list = args.length === 1 && (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ? Array.from(args[0] as ArrayLike<number>) : args;
  for (const d of list) {
    if (typeof d !== 'number' || !Number.isInteger(d)) {
      throw new TorchTypeError(op, `${op}(): argument 'size' must be a sequence of ints, but got ${fmtShape(list as number[])}`);
    }
  }
  return list as number[];
}

/** Makes a view of `base`'s storage. */
export function makeView(base: Tensor, shape: number[], strides: number[], offset: number, op: string, attrs: Record<string, unknown> = {}): Tensor {
  const v = new Tensor(base._storage, shape, strides, offset, base.dtype);
  v._conj = base._conj;
  v._neg = base._neg;
  v._base = base._base ?? base;
  v._viewVersion = base._version;
  recordOp(op, [base], [v], attrs);
  return v;
}

/**
 * A view with another shape; fails when the strides don't allow it (PyTorch's text).
 * @example
 * ```ts pytorch=core.view
 * const x = torch.arange(6);
 * console.log(x.view(2, 3));
 * console.log(x.view([-1, 2]).shape); // -1: inferred
 * ```
 * ```text
 * tensor([[0, 1, 2],
 *         [3, 4, 5]])
 * torch.Size([3, 2])
 * ```
 */
export function view(x: Tensor, ...shape: ShapeArgs): Tensor {
  expectTensor('view', 'input', 1, x);
  const target = inferSize(shapeFromArgs(shape, 'view'), x.numel(), 'view');
  const strides = computeViewStrides(x._shape, x._strides, target);
  if (strides === null) {
    throw new TorchRuntimeError(
      'view',
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
  }
  return makeView(x, target, strides, x._offset, 'view', { shape: target, inputShape: [...x._shape] });
}

/**
 * A view when strides allow, otherwise a contiguous copy.
 * @example
 * ```ts pytorch=core.reshape
 * const x = torch.arange(6).view(2, 3).t(); // not contiguous: view(6) would throw
 * console.log(x.reshape(6));
 * console.log(torch.reshape(x, [3, -1]).shape);
 * ```
 * ```text
 * tensor([0, 3, 1, 4, 2, 5])
 * torch.Size([3, 2])
 * ```
 */
export function reshape(x: Tensor, ...shape: ShapeArgs): Tensor {
  expectTensor('reshape', 'input', 1, x);
  const target = inferSize(shapeFromArgs(shape, 'reshape'), x.numel(), 'reshape');
  const strides = computeViewStrides(x._shape, x._strides, target);
  if (strides !== null) return makeView(x, target, strides, x._offset, 'view', { shape: target, inputShape: [...x._shape], reshape: 'alias' });
  const c = contiguous(x);
  return makeView(c, target, contiguousStrides(target), c._offset, 'view', { shape: target, inputShape: [...c._shape], reshape: 'copy' });
}

/**
 * Reorders dims.
 * @example
 * ```ts pytorch=core.permute
 * const x = torch.zeros(2, 3, 4);
 * console.log(x.permute(2, 0, 1).shape);
 * console.log(torch.permute(x, [1, 0, 2]).shape);
 * ```
 * ```text
 * torch.Size([4, 2, 3])
 * torch.Size([3, 2, 4])
 * ```
 */
export function permute(x: Tensor, ...dims: ShapeArgs): Tensor {
  expectTensor('permute', 'input', 1, x);
  const list = shapeFromArgs(dims, 'permute');
  const n = x._shape.length;
  if (list.length !== n) {
    throw new TorchRuntimeError('permute', `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${n} is not equal to len(dims) = ${list.length}`);
  }
  const seen = new Set<number>();
  const w = list.map((d) => {
    const k = wrapDim(d, n, 'permute');
    if (seen.has(k)) throw new TorchRuntimeError('permute', 'permute(): duplicate dims are not allowed.');
    seen.add(k);
    return k;
  });
  return makeView(x, w.map((d) => x._shape[d]!), w.map((d) => x._strides[d]!), x._offset, 'permute', { dims: w });
}

/** Swaps two dims. */
/**
 * The conjugate transpose of the last two dims (the transpose for real dtypes): a view.
 * @throws TorchRuntimeError for 1-D tensors, as PyTorch.
 */
export function adjoint(x: Tensor): Tensor {
  expectTensor('adjoint', 'input', 1, x);
  if (x._shape.length === 1) throw new TorchRuntimeError('adjoint', 'tensor.adjoint() is only supported on matrices or batches of matrices. Got 1-D tensor.');
  // a conjugate view of the transpose (conj is x itself for real dtypes), as PyTorch
  return (x._shape.length === 0 ? transpose(x, 0, 0) : transpose(x, -2, -1)).conj();
}

/**
 * Swaps dims `dim0` and `dim1`: a view (`torch.transpose`).
 * @example
 * ```ts pytorch=core.transpose
 * const x = torch.tensor([[1, 2, 3], [4, 5, 6]]);
 * console.log(x.transpose(0, 1));
 * ```
 * ```text
 * tensor([[1, 4],
 *         [2, 5],
 *         [3, 6]])
 * ```
 */
export function transpose(x: Tensor, dim0: number, dim1: number): Tensor {
  expectTensor('transpose', 'input', 1, x);
  const n = x._shape.length;
  if (n === 0) {
    wrapDim(dim0, 0, 'transpose');
    wrapDim(dim1, 0, 'transpose');
    return makeView(x, [], [], x._offset, 'transpose', { dim0: 0, dim1: 0 });
  }
  const a = wrapDim(dim0, n, 'transpose');
  const b = wrapDim(dim1, n, 'transpose');
  const shape = [...x._shape];
  const strides = [...x._strides];
  [shape[a], shape[b]] = [shape[b]!, shape[a]!];
  [strides[a], strides[b]] = [strides[b]!, strides[a]!];
  return makeView(x, shape, strides, x._offset, 'transpose', { dim0: a, dim1: b });
}

/**
 * Transpose of a ≤2-D tensor.
 * @example
 * ```ts pytorch=core.t
 * console.log(torch.tensor([[1, 2, 3]]).t());
 * ```
 * ```text
 * tensor([[1],
 *         [2],
 *         [3]])
 * ```
 */
export function t(x: Tensor): Tensor {
  expectTensor('t', 'input', 1, x);
  if (x._shape.length > 2) throw new TorchRuntimeError('t', `t() expects a tensor with <= 2 dimensions, but self is ${x._shape.length}D`);
  if (x._shape.length < 2) return makeView(x, [...x._shape], [...x._strides], x._offset, 't', {});
  return makeView(x, [x._shape[1]!, x._shape[0]!], [x._strides[1]!, x._strides[0]!], x._offset, 't', {});
}

/**
 * Broadcasts to a larger shape without copying (`-1` keeps a dim).
 * @example
 * ```ts pytorch=core.expand
 * const x = torch.tensor([[1], [2]]);
 * console.log(x.expand(2, 3)); // no copy: stride 0 along dim 1
 * console.log(x.expand(-1, 4).shape);
 * ```
 * ```text
 * tensor([[1, 1, 1],
 *         [2, 2, 2]])
 * torch.Size([2, 4])
 * ```
 */
export function expand(x: Tensor, ...shape: ShapeArgs): Tensor {
  expectTensor('expand', 'input', 1, x);
  const target = shapeFromArgs(shape, 'expand');
  const lead = target.length - x._shape.length;
  const resolved = target.map((d, i) => {
    if (d === -1) {
      if (i < lead) throw new TorchRuntimeError('expand', `The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension ${i}`);
      return x._shape[i - lead]!;
    }
    return d;
  });
  // Only -1 may stand for a size (PyTorch 1.13 lets other negatives through to a numel
  // overflow; this is the text its compiled path gives for the same mistake).
  const negative = resolved.find((d) => d < 0);
  if (negative !== undefined) throw new TorchRuntimeError('expand', `Trying to create tensor with negative dimension ${negative}: ${fmtShape(target)}`);
  const strides = broadcastStrides(x._shape, x._strides, resolved, 'expand');
  return makeView(x, resolved, strides, x._offset, 'expand', { shape: resolved, inputShape: [...x._shape] });
}

/** Expands to `other`'s shape. */
export function expandAs(x: Tensor, other: Tensor): Tensor {
  expectTensor('expand_as', 'input', 1, x);
  expectTensor('expand_as', 'other', 2, other);
  return expand(x, other._shape);
}

/**
 * Removes size-1 dims (all, or the given ones).
 * @example
 * ```ts pytorch=core.squeeze
 * const x = torch.zeros(2, 1, 3, 1);
 * console.log(x.squeeze().shape);
 * console.log(x.squeeze(1).shape);
 * ```
 * ```text
 * torch.Size([2, 3])
 * torch.Size([2, 3, 1])
 * ```
 */
export function squeeze(x: Tensor, dim?: number | readonly number[] | null): Tensor {
  expectTensor('squeeze', 'input', 1, x);
  if (dim !== undefined && dim !== null) expectIntOrList('squeeze', 'dim', 2, dim);
  const n = x._shape.length;
  let drop: Set<number>;
  if (dim === undefined || dim === null) drop = new Set(x._shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0));
  else {
    const dims = (typeof dim === 'number' ? [dim] : dim).map((d) => wrapDim(d, n, 'squeeze'));
    drop = new Set(dims.filter((d) => n > 0 && x._shape[d] === 1));
  }
  const shape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < n; i++) {
    if (drop.has(i)) continue;
    shape.push(x._shape[i]!);
    strides.push(x._strides[i]!);
  }
  return makeView(x, shape, strides, x._offset, 'squeeze', { inputShape: [...x._shape], dims: dim ?? null });
}

/**
 * Inserts a size-1 dim at `dim`.
 * @example
 * ```ts pytorch=core.unsqueeze
 * const x = torch.tensor([1, 2, 3]);
 * console.log(x.unsqueeze(0));
 * console.log(x.unsqueeze(-1));
 * ```
 * ```text
 * tensor([[1, 2, 3]])
 * tensor([[1],
 *         [2],
 *         [3]])
 * ```
 */
export function unsqueeze(x: Tensor, dim: number): Tensor {
  expectTensor('unsqueeze', 'input', 1, x);
  const n = x._shape.length;
  const d = wrapDim(dim, n + 1, 'unsqueeze');
  const shape = [...x._shape];
  const strides = [...x._strides];
  const stride = d < n ? x._shape[d]! * x._strides[d]! : 1;
  shape.splice(d, 0, 1);
  strides.splice(d, 0, stride);
  return makeView(x, shape, strides, x._offset, 'unsqueeze', { dim: d });
}

/**
 * Flattens dims startDim..endDim into one (a view when possible).
 * @example
 * ```ts pytorch=core.flatten
 * const x = torch.zeros(2, 3, 4);
 * console.log(x.flatten().shape);
 * console.log(x.flatten(1).shape); // keeps dim 0 (a batch)
 * ```
 * ```text
 * torch.Size([24])
 * torch.Size([2, 12])
 * ```
 */
export function flatten(x: Tensor, startDim = 0, endDim = -1): Tensor {
  expectTensor('flatten', 'input', 1, x);
  const n = x._shape.length;
  if (n === 0) {
    wrapDim(startDim, 0, 'flatten');
    wrapDim(endDim, 0, 'flatten');
    return reshape(x, [1]);
  }
  const s = wrapDim(startDim, n, 'flatten');
  const e = wrapDim(endDim, n, 'flatten');
  if (s > e) throw new TorchRuntimeError('flatten', 'flatten() has invalid args: start_dim cannot come after end_dim');
  if (s === e) return x;
  const shape = [...x._shape.slice(0, s), numelOf(x._shape.slice(s, e + 1)), ...x._shape.slice(e + 1)];
  return reshape(x, shape);
}

/** Splits dim `dim` into `sizes` (one may be -1). */
export function unflatten(x: Tensor, dim: number, sizes: readonly number[]): Tensor {
  expectTensor('unflatten', 'input', 1, x);
  expectInt('unflatten', 'dim', 2, dim);
  expectIntList('unflatten', 'sizes', 3, sizes);
  const n = x._shape.length;
  const d = wrapDim(dim, n, 'unflatten');
  if (sizes.length === 0) throw new TorchRuntimeError('unflatten', 'unflatten: sizes must be non-empty');
  if (n === 0) throw noDimsError('unflatten');
  let inner: number[];
  try {
    inner = inferSize(sizes, x._shape[d]!, 'unflatten');
  } catch (e) {
    // ATen's unflatten rewords infer_size's "is invalid for input of size" error.
    if (e instanceof TorchRuntimeError && e.message.includes('is invalid for input of size')) {
      throw new TorchRuntimeError('unflatten', `unflatten: Provided sizes ${fmtShape(sizes)} don't multiply up to the size of dim ${d} (${x._shape[d]}) in the input tensor`);
    }
    throw e;
  }
  return view(x, [...x._shape.slice(0, d), ...inner, ...x._shape.slice(d + 1)]);
}

/**
 * The slice [start, start+length) of dim `dim`, as a view.
 * @example
 * ```ts pytorch=core.narrow
 * const x = torch.arange(12).view(3, 4);
 * console.log(x.narrow(1, 1, 2)); // columns 1 and 2, a view
 * ```
 * ```text
 * tensor([[ 1,  2],
 *         [ 5,  6],
 *         [ 9, 10]])
 * ```
 */
export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  expectTensor('narrow', 'input', 1, x);
  expectInt('narrow', 'dim', 2, dim);
  expectInt('narrow', 'start', 3, start);
  expectInt('narrow', 'length', 4, length);
  const n = x._shape.length;
  if (n === 0) throw new TorchRuntimeError('narrow', 'narrow() cannot be applied to a 0-dim tensor.');
  const d = wrapDim(dim, n, 'narrow');
  const size = x._shape[d]!;
  if (length < 0) throw new TorchRuntimeError('narrow', 'narrow(): length must be non-negative.');
  if (start < -size || start > size) {
    throw new TorchIndexError('narrow', `start out of range (expected to be in range of [${-size}, ${size}], but got ${start})`);
  }
  const s = start < 0 ? start + size : start;
  if (s + length > size) {
    throw new TorchRuntimeError('narrow', `start (${s}) + length (${length}) exceeds dimension size (${size}).`);
  }
  const shape = [...x._shape];
  shape[d] = length;
  return makeView(x, shape, [...x._strides], x._offset + s * x._strides[d]!, 'narrow', { dim: d, start: s, length, inputShape: [...x._shape] });
}

/**
 * Picks index `index` of dim `dim`, removing the dim.
 * @example
 * ```ts pytorch=core.select
 * const x = torch.arange(6).view(2, 3);
 * console.log(x.select(1, 0), x.select(0, -1)); // x[:, 0] and x[-1]
 * ```
 * ```text
 * tensor([0, 3]) tensor([3, 4, 5])
 * ```
 */
export function select(x: Tensor, dim: number, index: number): Tensor {
  expectTensor('select', 'input', 1, x);
  const n = x._shape.length;
  if (n === 0) throw new TorchIndexError('select', 'select() cannot be applied to a 0-dim tensor.');
  const d = wrapDim(dim, n, 'select');
  const size = x._shape[d]!;
  if (!Number.isInteger(index) || index < -size || index >= size) {
    throw new TorchIndexError('select', `select(): index ${index} out of range for tensor of size ${fmtShape(x._shape)} at dimension ${d}`);
  }
  const i = index < 0 ? index + size : index;
  const shape = [...x._shape];
  const strides = [...x._strides];
  shape.splice(d, 1);
  strides.splice(d, 1);
  return makeView(x, shape, strides, x._offset + i * x._strides[d]!, 'select', { dim: d, index: i, inputShape: [...x._shape] });
}

/** A 0-dim tensor's `size(0)`: dims 0 and -1 pass `wrapDim` but name no real dim. */
function noDimsError(op: string): TorchIndexError {
  return new TorchIndexError(op, 'Dimension specified as 0 but tensor has no dimensions');
}

/**
 * Splits along `dim` into a list of views, one per index.
 * @example
 * ```ts pytorch=core.unbind
 * console.log(...torch.unbind(torch.tensor([[1, 2], [3, 4]]), 1)); // the columns
 * ```
 * ```text
 * tensor([1, 3]) tensor([2, 4])
 * ```
 */
export function unbind(x: Tensor, dim = 0): Tensor[] {
  expectTensor('unbind', 'input', 1, x);
  const d = wrapDim(dim, x._shape.length, 'unbind');
  if (x._shape.length === 0) throw noDimsError('unbind');
  return composite('unbind', [x], { dim: d }, () => Array.from({ length: x._shape[d]! }, (_, i) => select(x, d, i)));
}

/**
 * A view with explicit size, stride and storage offset (`torch.as_strided`).
 * The view must stay within the storage.
 */
export function asStrided(x: Tensor, size: readonly number[], stride: readonly number[], storageOffset?: number): Tensor {
  expectTensor('as_strided', 'input', 1, x);
  expectIntList('as_strided', 'size', 2, size);
  expectIntList('as_strided', 'stride', 3, stride);
  if (storageOffset !== undefined && storageOffset !== null) expectInt('as_strided', 'storage_offset', 4, storageOffset);
  const offset = storageOffset ?? x._offset;
  if (size.length !== stride.length) {
    throw new TorchRuntimeError('as_strided', `mismatch in length of strides and shape`);
  }
  for (const s of stride) if (s < 0) throw new TorchRuntimeError('as_strided', 'as_strided: Negative strides are not supported at the moment, got strides: ' + fmtShape(stride));
  if (offset < 0) throw new TorchRuntimeError('as_strided', `Tensor: invalid storage offset ${offset}`);
  // A view with no elements needs no storage at all, whatever its offset (PyTorch's rule).
  const empty = size.some((d) => d === 0);
  let maxIndex = offset;
  for (let i = 0; i < size.length && !empty; i++) maxIndex += (size[i]! - 1) * stride[i]!;
  // the storage's bytes in elements of x's dtype (a view_as_real/view_as_complex view has another itemsize)
  const storageBytes = x._storage.numel * toDType(x._storage.dtype).itemsize;
  if (!empty && (maxIndex + 1) * x.dtype.itemsize > storageBytes) {
    throw new TorchRuntimeError(
      'as_strided',
      `setStorage: sizes ${fmtShape(size)}, strides ${fmtShape(stride)}, storage offset ${offset}, and itemsize ${x.dtype.itemsize} requiring a storage size of ${(maxIndex + 1) * x.dtype.itemsize} are out of bounds for storage of size ${storageBytes}`,
    );
  }
  return makeView(x, [...size], [...stride], offset, 'as_strided', { size: [...size], stride: [...stride], storageOffset: offset, inputShape: [...x._shape], inputStrides: [...x._strides], inputOffset: x._offset });
}

/** Copies `x` into a new contiguous tensor (a kernel copy; no autograd record of its own). */
export function copyToNew(x: Tensor): Tensor {
  expectTensor('copy_to_new', 'input', 1, x);
  const out = emptyTensor(x._shape, x.dtype, x.device, 'clone');
  backendFor(x.device, x.dtype, 'clone').copy(refOf(x), refOf(out));
  return out;
}

/** `x` itself when contiguous, else a contiguous copy. */
export function contiguous(x: Tensor): Tensor {
  expectTensor('contiguous', 'input', 1, x);
  if (isContiguousLayout(x._shape, x._strides)) return x;
  const out = copyToNew(x);
  recordOp('clone', [x], [out], {});
  return out;
}

/**
 * `torch.detach(x)`: `x.detach()`, a view of the same storage outside the autograd graph.
 * @example
 * ```ts pytorch=core.detach
 * const x = torch.tensor([1, 2], { dtype: 'float32', requiresGrad: true });
 * const y = x.mul(2);
 * console.log(y);
 * console.log(y.detach()); // same values, out of the graph
 * ```
 * ```text
 * tensor([2., 4.], grad_fn=<MulBackward0>)
 * tensor([2., 4.])
 * ```
 */
export function detach(x: Tensor): Tensor {
  expectTensor('detach', 'input', 1, x);
  return x.detach();
}

/** `torch.detach_(x)`: `x.detach_()`, taking `x` itself out of the graph. */
export function detach_(x: Tensor): Tensor {
  expectTensor('detach_', 'input', 1, x);
  return x.detach_();
}

/**
 * A contiguous copy that autograd tracks (`CloneBackward0`).
 * @example
 * ```ts pytorch=core.clone
 * const x = torch.tensor([1, 2]);
 * const y = x.clone();
 * y.add_(10); // x is unchanged
 * console.log(x, y);
 * ```
 * ```text
 * tensor([1, 2]) tensor([11, 12])
 * ```
 */
export function clone(x: Tensor): Tensor {
  expectTensor('clone', 'input', 1, x);
  const out = copyToNew(x);
  recordOp('clone', [x], [out], {});
  return out;
}

/** One entry of an indexing expression: an index, a slice string like `'1:3'`/`'::2'`/`':'`, a {@link Slice}, `null` (new axis) or `'...'`. */
export type IndexSpec = number | string | Slice | null;

/** A Python slice `start:stop:step`; missing parts are null. */
export interface Slice {
  /** First index (negative counts from the end). */
  start: number | null;
  /** One past the last index. */
  stop: number | null;
  /** Step (> 0). */
  step: number | null;
}

/**
 * Builds a slice, like Python's `slice(start, stop, step)`.
 * @example
 * ```ts pytorch=core.slice
 * const x = torch.arange(6);
 * console.log(x.index(torch.slice(1, null, 2))); // x[1::2]
 * ```
 * ```text
 * tensor([1, 3, 5])
 * ```
 */
export function slice(start: number | null = null, stop: number | null = null, step: number | null = null): Slice {
  return { start, stop, step };
}

function parseSlice(s: string, op: string): Slice {
  const parts = s.split(':');
  if (parts.length < 2 || parts.length > 3) throw new TorchValueError(op, `invalid slice '${s}' (expected 'start:stop' or 'start:stop:step')`);
  const num = (p: string | undefined): number | null => {
    if (p === undefined || p.trim() === '') return null;
    const v = Number(p);
    if (!Number.isInteger(v)) throw new TorchValueError(op, `invalid slice '${s}': '${p}' is not an integer`);
    return v;
  };
  return { start: num(parts[0]), stop: num(parts[1]), step: num(parts[2]) };
}

/** Python's slice.indices: clamps start/stop for a positive step. */
function sliceBounds(sl: Slice, size: number, op: string): [number, number, number] {
  const step = sl.step ?? 1;
  if (step <= 0) throw new TorchValueError(op, 'step must be greater than zero');
  const clampIdx = (v: number | null, dflt: number): number => {
    if (v === null) return dflt;
    if (v < 0) v += size;
    return Math.min(Math.max(v, 0), size);
  };
  const start = clampIdx(sl.start, 0);
  const stop = clampIdx(sl.stop, size);
  const len = stop > start ? Math.ceil((stop - start) / step) : 0;
  return [start, len, step];
}

/**
 * Basic indexing, as Python's `x[...]` with ints, slices, `None` and `...`: a view.
 * @example
 * ```ts pytorch=core.index
 * const x = torch.arange(12).reshape([3, 4]);
 * console.log(x.index(0, '1:3'));           // x[0, 1:3]
 * console.log(x.index('...', null).shape); // x[..., None].shape
 * console.log(x.index('::2', -1));         // x[::2, -1]
 * ```
 * ```text
 * tensor([1, 2])
 * torch.Size([3, 4, 1])
 * tensor([ 3, 11])
 * ```
 */
export function index(x: Tensor, ...specs: AdvancedIndexSpec[]): Tensor {
  expectTensor('index', 'input', 1, x);
  const op = 'index';
  if (hasTensorIndex(specs)) return advancedIndex(x, specs);
  for (const s of specs) {
    const ok = s === null || typeof s === 'number' || typeof s === 'string' || (typeof s === 'object' && 'start' in s && 'stop' in s);
    if (!ok) throw new TorchIndexError(op, `only integers, slices (\`:\`), ellipsis (\`...\`), None and long or boolean tensors are valid indices (got ${pyTypeName(s)})`);
  }
  const basic = specs as IndexSpec[];
  const consuming = basic.filter((s) => s !== null && s !== '...').length;
  const n = x._shape.length;
  if (consuming > n) throw new TorchIndexError(op, `too many indices for tensor of dimension ${n}`);
  // PyTorch's applySlicing: a dim pointer walks the result; each `...` moves it past the
  // n − consuming dims no index names (PyTorch 1.13 accepts several ellipses, each
  // skipping that many), and errors name the index's position in the expression.
  const shape = [...x._shape];
  const strides = [...x._strides];
  let offset = x._offset;
  let d = 0;
  basic.forEach((s, pos) => {
    if (s === '...') {
      d += n - consuming;
      return;
    }
    const r = shape.length;
    if (s === null) {
      if (d > r) wrapDim(d, r + 1, op);
      strides.splice(d, 0, d < r ? shape[d]! * strides[d]! : 1);
      shape.splice(d, 0, 1);
      d++;
      return;
    }
    if (typeof s === 'number') {
      // Past the last dim (only after several ellipses) PyTorch reads no size: 0 here.
      const size = d < r ? shape[d]! : 0;
      if (!Number.isInteger(s) || s < -size || s >= size) {
        throw new TorchIndexError(op, `index ${s} is out of bounds for dimension ${pos} with size ${size}`);
      }
      offset += (s < 0 ? s + size : s) * strides[d]!;
      shape.splice(d, 1);
      strides.splice(d, 1);
      return;
    }
    if (d >= r) wrapDim(d, r, op);
    const sl = typeof s === 'string' ? parseSlice(s, op) : s;
    const [start, len, step] = sliceBounds(sl, shape[d]!, op);
    offset += start * strides[d]!;
    shape[d] = len;
    strides[d] = strides[d]! * step;
    d++;
  });
  const last = [...basic].reverse().find((s) => s !== '...');
  const indexKind = last === undefined ? 'alias' : last === null ? 'unsqueeze' : typeof last === 'number' ? 'select' : 'slice';
  return makeView(x, shape, strides, offset, 'as_strided', { size: shape, stride: strides, storageOffset: offset, inputShape: [...x._shape], inputStrides: [...x._strides], inputOffset: x._offset, indexKind });
}

/**
 * Moves dims `source` to positions `destination`.
 * @example
 * ```ts pytorch=core.movedim
 * console.log(torch.movedim(torch.zeros(2, 3, 4), 0, -1).shape);
 * ```
 * ```text
 * torch.Size([3, 4, 2])
 * ```
 */
export function movedim(x: Tensor, source: number | readonly number[], destination: number | readonly number[]): Tensor {
  expectTensor('movedim', 'input', 1, x);
  expectIntOrList('movedim', 'source', 2, source);
  expectIntOrList('movedim', 'destination', 3, destination);
  const n = x._shape.length;
  const rawSrc = typeof source === 'number' ? [source] : source;
  const rawDst = typeof destination === 'number' ? [destination] : destination;
  // ATen's order: lengths, then wrapping, then repeats; a 0-dim tensor is then returned as is.
  if (rawSrc.length !== rawDst.length) {
    throw new TorchRuntimeError('movedim', `movedim: Invalid source or destination dims: source (${fmtShape(rawSrc)} dims) should contain the same number of dims as destination (${fmtShape(rawDst)} dims)`);
  }
  const src = rawSrc.map((d) => wrapDim(d, n, 'movedim'));
  const dst = rawDst.map((d) => wrapDim(d, n, 'movedim'));
  if (new Set(src).size !== src.length) throw new TorchRuntimeError('movedim', `movedim: repeated dim in \`source\` (${fmtShape(rawSrc)})`);
  if (new Set(dst).size !== dst.length) throw new TorchRuntimeError('movedim', `movedim: repeated dim in \`destination\` (${fmtShape(rawDst)})`);
  if (n === 0) return permute(x, []);
  const order = new Array<number>(n).fill(-1);
  dst.forEach((d, i) => (order[d] = src[i]!));
  const rest = Array.from({ length: n }, (_, i) => i).filter((i) => !src.includes(i));
  let r = 0;
  for (let i = 0; i < n; i++) if (order[i] === -1) order[i] = rest[r++]!;
  return permute(x, order);
}

/** Resizes in place (`resize_`): keeps the data that fits; new elements are uninitialised (zeros here). */
export function resize_(x: Tensor, ...shape: ShapeArgs): Tensor {
  expectTensor('resize_', 'input', 1, x);
  const target = shapeFromArgs(shape, 'resize_');
  for (const d of target) if (d < 0) throw new TorchRuntimeError('resize_', `Trying to create tensor with negative dimension ${d}: ${fmtShape(target)}`);
  if (x.requiresGrad) throw new TorchRuntimeError('resize_', 'cannot resize variables that require grad');
  const needed = x._offset + numelOf(target);
  const st = x._storage;
  if (needed > st.numel) {
    if (!st.resizable) throw new TorchRuntimeError('resize_', 'Trying to resize storage that is not resizable');
    // Grow the shared storage in place, so every view of it sees the new buffer.
    const backend = st.backend;
    const fresh = backend.alloc(st.dtype, needed);
    const old = st.buffer;
    if (old.numel > 0) {
      backend.copy(
        { buffer: old, dtype: st.dtype, shape: [old.numel], strides: [1], offset: 0 },
        { buffer: fresh, dtype: st.dtype, shape: [old.numel], strides: [1], offset: 0 },
      );
    }
    st.buffer = fresh;
    backend.free?.(old);
  }
  x._shape = [...target];
  x._strides = contiguousStrides(target);
  return x;
}
