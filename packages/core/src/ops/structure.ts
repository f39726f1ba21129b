/**
 * Structure ops (see the catalogue rows in `catalogue/structure.ts`): stacking and
 * splitting (`hstack`, `tensorSplit`, …), shape views and their `*Copy` forms, the
 * in-place view ops (`t_`, `transpose_`, …) and creation-like ops (`newZeros`,
 * `meshgrid`, `combinations`, `repeatInterleave`, …). All are composites of other
 * ops (so they carry autograd and run on every backend); views share storage.
 */
import { composite, notifyInplace } from '../autograd-hook.js';
import { type DType, allocHost, bool, castScalar, float32, getDefaultDtype, int32, int64, toDType, uint8 } from '../dtype.js';
import { TorchIndexError, TorchRuntimeError, fmtShape } from '../errors.js';
import { checkShape, numelOf, wrapDim } from '../shape.js';
import { Storage } from '../storage.js';
import { checkHostAllocation } from '../memory-limit.js';
import { Tensor } from '../tensor.js';
import { expectBool, expectInt, expectIntList, expectIntOrList, expectNumber, expectTensor, expectTensorList } from '../validate.js';
import { fill_, hostValues, readValues, toDtype, toDeviceSync } from './conversion.js';
import { cppName } from './promotion.js';
import { type NestedArray, type SizeAndOptions, type TensorData, asStored, fromHost, full, parseSizeArgs, tensor, valueHost, zeros } from './creation.js';
import { type TensorOptions, backendFor, emptyTensor, finishCreation, resolveOptions } from './dispatch.js';
import { bumpVersion } from './elementwise.js';
import { diagonal } from './products.js';
import { cat, flip, indexSelect, split, stack, tril, triu } from './indexing.js';
import { asStrided, clone, expand, makeView, narrow, permute, reshape, resize_, select, squeeze, t, transpose, unbind, unsqueeze, view } from './views.js';

/** PyTorch's ScalarType names (`Float`, `Long`, …), as its kernels print them. */
function scalarTypeName(d: DType): string {
  return cppName(d);
}

// ------------------------------------------------------------------ atleast_nd

function atleast(op: string, args: readonly (Tensor | readonly Tensor[])[], one: (x: Tensor) => Tensor): Tensor | Tensor[] {
  if (args.length === 1 && args[0] instanceof Tensor) return one(args[0]);
  const list = (args.length === 1 && Array.isArray(args[0]) ? args[0] : args) as Tensor[];
  expectTensorList(op, 0, list);
  return list.map(one);
}

function atleast1dOne(x: Tensor): Tensor {
  return x._shape.length === 0 ? reshape(x, [1]) : x;
}
function atleast2dOne(x: Tensor): Tensor {
  const n = x._shape.length;
  return n === 0 ? reshape(x, [1, 1]) : n === 1 ? unsqueeze(x, 0) : x;
}
function atleast3dOne(x: Tensor): Tensor {
  const n = x._shape.length;
  if (n === 0) return reshape(x, [1, 1, 1]);
  if (n === 1) return unsqueeze(unsqueeze(x, 0), -1);
  return n === 2 ? unsqueeze(x, -1) : x;
}

/**
 * Views with at least one dim: 0-dim tensors become shape `[1]`, others are returned
 * as they are. Several tensors (or a list) give a list.
 * @example
 * ```ts pytorch=core.atleast1d
 * console.log(torch.atleast1d(torch.tensor(3)));
 * ```
 * ```text
 * tensor([3])
 * ```
 */
export function atleast1d(x: Tensor): Tensor;
export function atleast1d(...tensors: Tensor[]): Tensor[];
export function atleast1d(tensors: readonly Tensor[]): Tensor[];
export function atleast1d(...args: (Tensor | readonly Tensor[])[]): Tensor | Tensor[] {
  return atleast('atleast_1d', args, atleast1dOne);
}

/** Views with at least two dims (a 1-D tensor `[n]` becomes `[1, n]`). */
export function atleast2d(x: Tensor): Tensor;
export function atleast2d(...tensors: Tensor[]): Tensor[];
export function atleast2d(tensors: readonly Tensor[]): Tensor[];
export function atleast2d(...args: (Tensor | readonly Tensor[])[]): Tensor | Tensor[] {
  return atleast('atleast_2d', args, atleast2dOne);
}

/** Views with at least three dims (`[n]` → `[1, n, 1]`, `[m, n]` → `[m, n, 1]`). */
export function atleast3d(x: Tensor): Tensor;
export function atleast3d(...tensors: Tensor[]): Tensor[];
export function atleast3d(tensors: readonly Tensor[]): Tensor[];
export function atleast3d(...args: (Tensor | readonly Tensor[])[]): Tensor | Tensor[] {
  return atleast('atleast_3d', args, atleast3dOne);
}

// ------------------------------------------------------------------ stacking

function stackList(op: string, name: string, tensors: readonly Tensor[]): void {
  expectTensorList(op, 0, tensors);
  if (tensors.length === 0) throw new TorchRuntimeError(op, `${name} expects a non-empty TensorList`);
}

/**
 * Concatenates horizontally: along dim 0 for 1-D tensors, dim 1 otherwise (0-dim
 * tensors count as 1-D).
 * @example
 * ```ts pytorch=core.hstack
 * console.log(torch.hstack([torch.tensor([1, 2]), torch.tensor([3])]));
 * console.log(torch.hstack([torch.tensor([[1], [2]]), torch.tensor([[3], [4]])]));
 * ```
 * ```text
 * tensor([1, 2, 3])
 * tensor([[1, 3],
 *         [2, 4]])
 * ```
 */
export function hstack(tensors: readonly Tensor[]): Tensor {
  stackList('hstack', 'hstack', tensors);
  const rs = tensors.map(atleast1dOne);
  return cat(rs, rs[0]!._shape.length === 1 ? 0 : 1);
}

/** Concatenates vertically (along dim 0), 0-dim and 1-D tensors made 2-D first. */
export function vstack(tensors: readonly Tensor[]): Tensor {
  stackList('vstack', 'vstack', tensors);
  return cat(tensors.map(atleast2dOne), 0);
}

/** Concatenates depth-wise (along dim 2), tensors made 3-D first. */
export function dstack(tensors: readonly Tensor[]): Tensor {
  stackList('dstack', 'dstack', tensors);
  return cat(tensors.map(atleast3dOne), 2);
}

/** Stacks as columns: 0-dim and 1-D tensors become `[n, 1]` columns, then cat along dim 1. */
export function columnStack(tensors: readonly Tensor[]): Tensor {
  stackList('column_stack', 'column_stack', tensors);
  return cat(tensors.map((x) => (x._shape.length <= 1 ? reshape(x, [x.numel(), 1]) : x)), 1);
}

// ------------------------------------------------------------------ splitting

/** A Python-style slice `[start, end)` of dim `d` (clamped, negative indices wrapped): a view. */
function sliceDim(x: Tensor, d: number, start: number, end: number): Tensor {
  const size = x._shape[d]!;
  const wrap = (v: number) => Math.min(Math.max(v < 0 ? v + size : v, 0), size);
  const s = wrap(start);
  const e = Math.max(wrap(end), s);
  return narrow(x, d, s, e - s);
}

function tensorSplitIndices(x: Tensor, indices: readonly number[], d: number): Tensor[] {
  const out: Tensor[] = [];
  let start = 0;
  for (const i of indices) {
    out.push(sliceDim(x, d, start, i));
    start = i;
  }
  out.push(sliceDim(x, d, start, x._shape[d]!));
  return out;
}

function tensorSplitSections(x: Tensor, sections: number, d: number): Tensor[] {
  if (sections <= 0) throw new TorchRuntimeError('tensor_split', `number of sections must be larger than 0, got ${sections}`);
  if (sections > 2 ** 32 - 1) throw new TorchRuntimeError('tensor_split', `tensor_split: cannot return ${sections} pieces (a JavaScript array holds at most 4294967295)`);
  const size = x._shape[d]!;
  const min = Math.floor(size / sections);
  const extra = size % sections;
  const out: Tensor[] = [];
  let start = 0;
  for (let i = 0; i < sections; i++) {
    const len = min + (i < extra ? 1 : 0);
    out.push(narrow(x, d, start, len));
    start += len;
  }
  return out;
}

function tensorArgValues(op: string, v: Tensor): { sections: number | null; indices: number[] } {
  if (!v._storage.backend.syncRead) {
    throw new TorchRuntimeError(op, `tensor_split expected tensor_indices_or_sections to be on cpu, but it's on ${v.device}`);
  }
  if (v.dtype !== int64) throw new TorchRuntimeError(op, `tensor_split expected tensor_indices_or_sections to have dtype of long, but got ${scalarTypeName(v.dtype)}`);
  const nd = v._shape.length;
  if (nd > 1) throw new TorchRuntimeError(op, `tensor_split expected tensor_indices_or_sections to be a zero-dimensional or one-dimensional tensor, but got a tensor with ${nd} dims`);
  const values = Array.from(hostValues(v, op));
  return nd === 0 ? { sections: values[0]!, indices: [] } : { sections: null, indices: values };
}

/**
 * Splits into views along `dim`: an integer `n` gives `n` nearly equal parts (the first
 * `size % n` one element longer); a list of indices (or a 1-D int64 CPU tensor) splits
 * before each index, Python-slice style. A 0-dim int64 tensor counts as `n`.
 * @example
 * ```ts pytorch=core.tensorSplit
 * console.log(...torch.tensorSplit(torch.arange(7), 3)); // 3 near-equal parts
 * console.log(...torch.tensorSplit(torch.arange(7), [1, 4])); // split before indices 1 and 4
 * ```
 * ```text
 * tensor([0, 1, 2]) tensor([3, 4]) tensor([5, 6])
 * tensor([0]) tensor([1, 2, 3]) tensor([4, 5, 6])
 * ```
 */
export function tensorSplit(x: Tensor, indicesOrSections: number | readonly number[] | Tensor, dim = 0): Tensor[] {
  expectTensor('tensor_split', 'input', 1, x);
  let sections: number | null;
  let indices: readonly number[];
  if (indicesOrSections instanceof Tensor) ({ sections, indices } = tensorArgValues('tensor_split', indicesOrSections));
  else {
    expectIntOrList('tensor_split', 'indices_or_sections', 2, indicesOrSections);
    sections = typeof indicesOrSections === 'number' ? indicesOrSections : null;
    indices = typeof indicesOrSections === 'number' ? [] : indicesOrSections;
  }
  expectInt('tensor_split', 'dim', 3, dim);
  const n = x._shape.length;
  if (n === 0) throw new TorchRuntimeError('tensor_split', `tensor_split expected at least a 1-dimensional tensor, but got a tensor with ${n} dims`);
  const d = wrapDim(dim, n, 'tensor_split');
  return sections !== null ? tensorSplitSections(x, sections, d) : tensorSplitIndices(x, indices, d);
}

function dirSplit(op: 'hsplit' | 'vsplit' | 'dsplit', x: Tensor, arg: number | readonly number[], minDims: number, dim: number): Tensor[] {
  expectTensor(op, 'input', 1, x);
  expectIntOrList(op, 'indices_or_sections', 2, arg);
  const n = x._shape.length;
  if (n < minDims) throw new TorchRuntimeError(op, `torch.${op} requires a tensor with at least ${minDims} dimension, but got a tensor with ${n} dimensions!`);
  if (typeof arg === 'number') {
    const size = x._shape[dim]!;
    if (arg === 0 || size % arg !== 0) {
      throw new TorchRuntimeError(op, `torch.${op} attempted to split along dimension ${dim}, but the size of the dimension ${size} is not divisible by the split_size ${arg}!`);
    }
  }
  return tensorSplit(x, arg, dim);
}

/** Splits horizontally (dim 1, or dim 0 of a 1-D tensor) into equal sections or at indices: views. */
export function hsplit(x: Tensor, indicesOrSections: number | readonly number[]): Tensor[] {
  const n = x instanceof Tensor ? x._shape.length : 0;
  return dirSplit('hsplit', x, indicesOrSections, 1, n === 1 ? 0 : 1);
}

/** Splits vertically (dim 0) into equal sections or at indices: views. */
export function vsplit(x: Tensor, indicesOrSections: number | readonly number[]): Tensor[] {
  return dirSplit('vsplit', x, indicesOrSections, 2, 0);
}

/** Splits depth-wise (dim 2) into equal sections or at indices: views. */
export function dsplit(x: Tensor, indicesOrSections: number | readonly number[]): Tensor[] {
  return dirSplit('dsplit', x, indicesOrSections, 3, 2);
}

function checkSplitSizes(op: string, x: Tensor, sizes: readonly number[], dim: number): number {
  expectTensor(op, 'input', 1, x);
  expectIntList(op, 'split_sizes', 2, sizes);
  expectInt(op, 'dim', 3, dim);
  const d = wrapDim(dim, x._shape.length, op);
  const size = x._shape[d]!;
  if (sizes.some((s) => s < 0)) throw new TorchRuntimeError(op, `split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=${fmtShape(sizes)}`);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== size) {
    throw new TorchRuntimeError(op, `split_with_sizes expects split_sizes to sum exactly to ${size} (input tensor's size at dimension ${d}), but got split_sizes=${fmtShape(sizes)}`);
  }
  return d;
}

/** Splits into views of the given sizes along `dim` (they must sum to the dim's size). */
export function splitWithSizes(x: Tensor, splitSizes: readonly number[], dim = 0): Tensor[] {
  const d = checkSplitSizes('split_with_sizes', x, splitSizes, dim);
  return split(x, splitSizes, d);
}

function narrowPieces(x: Tensor, sizes: readonly number[], d: number): Tensor[] {
  let start = 0;
  return sizes.map((len) => {
    const v = narrow(x, d, start, len);
    start += len;
    return v;
  });
}

/** {@link splitWithSizes} whose pieces autograd does not treat as views of one multi-output op (in-place writes allowed). */
export function unsafeSplitWithSizes(x: Tensor, splitSizes: readonly number[], dim = 0): Tensor[] {
  const d = checkSplitSizes('unsafe_split_with_sizes', x, splitSizes, dim);
  return narrowPieces(x, splitSizes, d);
}

function chunkSizes(size: number, splitSize: number): number[] {
  if (splitSize === 0) return [size];
  const out: number[] = [];
  for (let start = 0; start < size; start += splitSize) out.push(Math.min(splitSize, size - start));
  return out.length === 0 ? [0] : out;
}

/** `split` with an integer size whose pieces autograd does not treat as views of one multi-output op. */
export function unsafeSplit(x: Tensor, splitSize: number, dim = 0): Tensor[] {
  expectTensor('unsafe_split', 'input', 1, x);
  expectInt('unsafe_split', 'split_size', 2, splitSize);
  expectInt('unsafe_split', 'dim', 3, dim);
  const d = wrapDim(dim, x._shape.length, 'unsafe_split');
  const size = x._shape[d]!;
  if (splitSize < 0 || (splitSize === 0 && size !== 0)) {
    throw new TorchRuntimeError('unsafe_split', `split_size can only be 0 if dimension size is 0, but got dimension size of ${size}`);
  }
  return narrowPieces(x, chunkSizes(size, splitSize), d);
}

/** `chunk` whose pieces autograd does not treat as views of one multi-output op. */
export function unsafeChunk(x: Tensor, chunks: number, dim = 0): Tensor[] {
  expectTensor('unsafe_chunk', 'input', 1, x);
  expectInt('unsafe_chunk', 'chunks', 2, chunks);
  expectInt('unsafe_chunk', 'dim', 3, dim);
  if (chunks <= 0) throw new TorchRuntimeError('unsafe_chunk', `chunk expects \`chunks\` to be greater than 0, got: ${chunks}`);
  const d = wrapDim(dim, x._shape.length, 'unsafe_chunk');
  const size = x._shape[d]!;
  if (size === 0) return narrowPieces(x, new Array<number>(chunks).fill(0), d);
  return narrowPieces(x, chunkSizes(size, Math.ceil(size / chunks)), d);
}

// ------------------------------------------------------------------ shape views

/** A broadcast view of `x` with `shape` (`-1` keeps a dim), as `expand`. */
export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  expectTensor('broadcast_to', 'input', 1, x);
  expectIntList('broadcast_to', 'size', 2, shape);
  if (shape.length < x._shape.length) {
    throw new TorchRuntimeError(
      'broadcast_to',
      `expand(torch.${tensorTypeName(x.dtype)}{${fmtShape(x._shape)}}, size=${fmtShape(shape)}): the number of sizes provided (${shape.length}) must be greater or equal to the number of dimensions in the tensor (${x._shape.length})`,
    );
  }
  return expand(x, shape);
}

function tensorTypeName(d: DType): string {
  return `${cppName(d)}Tensor`;
}

/** The elements as a 1-D tensor: a view when `x` is contiguous, else a contiguous copy. */
export function ravel(x: Tensor): Tensor {
  expectTensor('ravel', 'input', 1, x);
  const c = x.contiguous();
  return view(c, [-1]);
}

/**
 * All slices of length `size` of dim `dimension`, `step` apart, as a new last dim: a view
 * (`Tensor.unfold`).
 * @example
 * ```ts pytorch=core.unfold
 * console.log(torch.arange(5).unfold(0, 2, 2)); // windows of 2, every 2
 * console.log(torch.arange(5).unfold(0, 3, 1)); // sliding windows of 3
 * ```
 * ```text
 * tensor([[0, 1],
 *         [2, 3]])
 * tensor([[0, 1, 2],
 *         [1, 2, 3],
 *         [2, 3, 4]])
 * ```
 */
export function unfold(x: Tensor, dimension: number, size: number, step: number): Tensor {
  expectTensor('unfold', 'input', 1, x);
  expectInt('unfold', 'dimension', 1, dimension);
  expectInt('unfold', 'size', 2, size);
  expectInt('unfold', 'step', 3, step);
  const n = x._shape.length;
  const d = wrapDim(dimension, n, 'unfold');
  const maxSize = n === 0 ? 1 : x._shape[d]!;
  if (size > maxSize) throw new TorchRuntimeError('unfold', `maximum size for tensor at dimension ${d} is ${maxSize} but size is ${size}`);
  if (step <= 0) throw new TorchRuntimeError('unfold', `step is ${step} but must be > 0`);
  if (size < 0) throw new TorchRuntimeError('unfold', `size is ${size} but must be >= 0`);
  const shape = [...x._shape, size];
  const strides = [...x._strides, n === 0 ? 1 : x._strides[d]!];
  if (d < n) {
    shape[d] = Math.floor((shape[d]! - size) / step) + 1;
    strides[d] = strides[d]! * step;
  }
  return stridedView(x, shape, strides, x._offset);
}

/** A view with explicit geometry, recorded for autograd as `as_strided` (no storage check). */
function stridedView(x: Tensor, shape: number[], strides: number[], offset: number): Tensor {
  return makeView(x, shape, strides, offset, 'as_strided', {
    size: shape,
    stride: strides,
    storageOffset: offset,
    inputShape: [...x._shape],
    inputStrides: [...x._strides],
    inputOffset: x._offset,
  });
}

/** Reverses the order of columns (dim 1); needs at least 2 dims. A copy. */
export function fliplr(x: Tensor): Tensor {
  expectTensor('fliplr', 'input', 1, x);
  if (x._shape.length < 2) throw new TorchRuntimeError('fliplr', 'Input must be >= 2-d.');
  return flip(x, [1]);
}

/** Reverses the order of rows (dim 0); needs at least 1 dim. A copy. */
export function flipud(x: Tensor): Tensor {
  expectTensor('flipud', 'input', 1, x);
  if (x._shape.length < 1) throw new TorchRuntimeError('flipud', 'Input must be >= 1-d.');
  return flip(x, [0]);
}

/**
 * Rotates by 90° `k` times in the plane of `dims` (from the first toward the second).
 * @example
 * ```ts pytorch=core.rot90
 * console.log(torch.rot90(torch.tensor([[1, 2], [3, 4]]))); // counterclockwise
 * ```
 * ```text
 * tensor([[2, 4],
 *         [1, 3]])
 * ```
 */
export function rot90(x: Tensor, k = 1, dims: readonly number[] = [0, 1]): Tensor {
  expectTensor('rot90', 'input', 1, x);
  expectInt('rot90', 'k', 2, k);
  expectIntList('rot90', 'dims', 3, dims);
  const n = x._shape.length;
  if (dims.length !== 2) throw new TorchRuntimeError('rot90', `expected total rotation dims == 2, but got dims = ${dims.length}`);
  if (n < 2) throw new TorchRuntimeError('rot90', `expected total dims >= 2, but got total dims = ${n}`);
  const [d0, d1] = dims as [number, number];
  if (d0 === d1 || Math.abs(d0 - d1) === n) throw new TorchRuntimeError('rot90', `expected rotation dims to be different, but got dim0 = ${d0} and dim1 = ${d1}`);
  if (d0 >= n || d0 < -n) throw new TorchRuntimeError('rot90', `Rotation dim0 out of range, dim0 = ${d0}`);
  if (d1 >= n || d1 < -n) throw new TorchRuntimeError('rot90', `Rotation dim1 out of range, dim1 = ${d1}`);
  const r = (4 + (k % 4)) % 4;
  if (r === 1) return transpose(flip(x, [d1]), d0, d1);
  if (r === 2) return flip(x, [d0, d1]);
  if (r === 3) return transpose(flip(x, [d0]), d0, d1);
  return clone(x);
}

// ------------------------------------------------------------------ *_copy forms

/** A contiguous copy of a view, tracked by autograd (the `*_copy` ops). */
function copyOf(v: Tensor): Tensor {
  return clone(v);
}

/** {@link narrow} as a new tensor (not a view). */
export function narrowCopy(x: Tensor, dim: number, start: number, length: number): Tensor {
  return copyOf(narrow(x, dim, start, length));
}
/** `view` as a new tensor (any strides: it copies where `view` would fail). */
export function viewCopy(x: Tensor, size: readonly number[]): Tensor {
  expectTensor('view_copy', 'input', 1, x);
  // PyTorch's view_copy reshapes: strides that allow no view give a copy, not an error.
  const r = reshape(x, size);
  return r._storage === x._storage ? copyOf(r) : r;
}
/** `expand` as a new tensor. */
export function expandCopy(x: Tensor, size: readonly number[], opts?: { implicit?: boolean }): Tensor {
  void opts;
  return copyOf(expand(x, size));
}
/** `permute` as a new tensor. */
export function permuteCopy(x: Tensor, dims: readonly number[]): Tensor {
  return copyOf(permute(x, dims));
}
/** `squeeze` as a new tensor. */
export function squeezeCopy(x: Tensor, dim?: number | readonly number[] | null): Tensor {
  return copyOf(squeeze(x, dim));
}
/** `unsqueeze` as a new tensor. */
export function unsqueezeCopy(x: Tensor, dim: number): Tensor {
  return copyOf(unsqueeze(x, dim));
}
/** `t` as a new tensor. */
export function tCopy(x: Tensor): Tensor {
  return copyOf(t(x));
}
/** `transpose` as a new tensor. */
export function transposeCopy(x: Tensor, dim0: number, dim1: number): Tensor {
  return copyOf(transpose(x, dim0, dim1));
}
/** `select` as a new tensor. */
export function selectCopy(x: Tensor, dim: number, index: number): Tensor {
  return copyOf(select(x, dim, index));
}
/** The slice `start:end:step` of dim `dim` as a new tensor (`torch.slice_copy`). */
export function sliceCopy(x: Tensor, dim = 0, start: number | null = null, end: number | null = null, step = 1): Tensor {
  expectTensor('slice_copy', 'input', 1, x);
  expectInt('slice_copy', 'dim', 2, dim);
  if (start !== null) expectInt('slice_copy', 'start', 3, start);
  if (end !== null) expectInt('slice_copy', 'end', 4, end);
  expectInt('slice_copy', 'step', 5, step);
  const n = x._shape.length;
  if (n === 0) throw new TorchRuntimeError('slice_copy', 'slice() cannot be applied to a 0-dim tensor.');
  const d = wrapDim(dim, n, 'slice_copy');
  if (step <= 0) throw new TorchRuntimeError('slice_copy', 'slice step must be positive');
  const size = x._shape[d]!;
  const wrap = (v: number) => Math.min(Math.max(v < 0 ? v + size : v, 0), size);
  const s = wrap(start ?? 0);
  const e = Math.max(wrap(end ?? size), s);
  const shape = [...x._shape];
  const strides = [...x._strides];
  shape[d] = Math.ceil((e - s) / step);
  strides[d] = strides[d]! * step;
  return copyOf(stridedView(x, shape, strides, x._offset + s * x._strides[d]!));
}
/** `split` as new tensors. */
export function splitCopy(x: Tensor, splitSize: number, dim = 0): Tensor[] {
  return split(x, splitSize, dim).map(copyOf);
}
/** {@link splitWithSizes} as new tensors. */
export function splitWithSizesCopy(x: Tensor, splitSizes: readonly number[], dim = 0): Tensor[] {
  return splitWithSizes(x, splitSizes, dim).map(copyOf);
}
/** `unbind` as new tensors. */
export function unbindCopy(x: Tensor, dim = 0): Tensor[] {
  return unbind(x, dim).map(copyOf);
}
/** {@link unfold} as a new tensor. */
export function unfoldCopy(x: Tensor, dimension: number, size: number, step: number): Tensor {
  return copyOf(unfold(x, dimension, size, step));
}
/** `as_strided` as a new tensor. */
export function asStridedCopy(x: Tensor, size: readonly number[], stride: readonly number[], storageOffset?: number): Tensor {
  return copyOf(asStrided(x, size, stride, storageOffset));
}
/** An alias of `x` as a new tensor (a copy). */
export function aliasCopy(x: Tensor): Tensor {
  expectTensor('alias_copy', 'input', 1, x);
  return copyOf(stridedView(x, [...x._shape], [...x._strides], x._offset));
}
/** `detach` as a new tensor (a copy outside the graph). */
export function detachCopy(x: Tensor): Tensor {
  expectTensor('detach_copy', 'input', 1, x);
  return copyOf(x.detach());
}

/** The diagonal of dims `dim1`/`dim2` (offset above, below when negative) as a new tensor. */
export function diagonalCopy(x: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor {
  return copyOf(diagonal(x, offset, dim1, dim2));
}

// ------------------------------------------------------------------ in-place view ops

/** The part of autograd's per-tensor state an in-place view op rewires (see `@antorcha/autograd` node.ts). */
interface ViewState {
  viewBase?: Tensor;
  viewVersion: number;
}

/**
 * Gives `x` the geometry of `make(x)` in place (PyTorch's `t_`, `transpose_`, …): the
 * view is computed (and recorded) as usual, then `x` takes over its shape, strides,
 * offset and autograd node; the storage version is bumped, as PyTorch does.
 */
function inplaceView(x: Tensor, op: string, make: (x: Tensor) => Tensor): Tensor {
  const v = make(x);
  notifyInplace(x, op);
  x._shape = v._shape;
  x._strides = v._strides;
  x._offset = v._offset;
  bumpVersion(x);
  if (x._viewVersion >= 0) x._viewVersion = x._version;
  if (v.gradFn !== null) {
    x.gradFn = v.gradFn;
    const s = v._autograd as ViewState | null;
    if (s !== null) {
      // A tensor that was no view stays none (its own node, not a view of itself).
      if (s.viewBase === x) {
        delete s.viewBase;
        s.viewVersion = -1;
      } else if (s.viewVersion >= 0) s.viewVersion = x._version;
    }
    x._autograd = s;
  }
  return x;
}

/** Transposes a ≤2-D tensor in place (changes its strides, not its data). */
export function t_(x: Tensor): Tensor {
  expectTensor('t_', 'input', 1, x);
  if (x._shape.length > 2) throw new TorchRuntimeError('t_', `t_() expects a tensor with <= 2 dimensions, but self is ${x._shape.length}D`);
  return inplaceView(x, 't_', t);
}
/** Swaps two dims in place (changes strides, not data). */
export function transpose_(x: Tensor, dim0: number, dim1: number): Tensor {
  expectTensor('transpose_', 'input', 1, x);
  return inplaceView(x, 'transpose_', (y) => transpose(y, dim0, dim1));
}
/** Removes size-1 dims (all, or the given one) in place. */
export function squeeze_(x: Tensor, dim?: number | readonly number[] | null): Tensor {
  expectTensor('squeeze_', 'input', 1, x);
  return inplaceView(x, 'squeeze_', (y) => squeeze(y, dim));
}
/** Inserts a size-1 dim at `dim` in place. */
export function unsqueeze_(x: Tensor, dim: number): Tensor {
  expectTensor('unsqueeze_', 'input', 1, x);
  return inplaceView(x, 'unsqueeze_', (y) => unsqueeze(y, dim));
}
/** Gives `x` an explicit size, stride and storage offset in place (within its storage). */
export function asStrided_(x: Tensor, size: readonly number[], stride: readonly number[], storageOffset?: number): Tensor {
  expectTensor('as_strided_', 'input', 1, x);
  return inplaceView(x, 'as_strided_', (y) => asStrided(y, size, stride, storageOffset));
}

// ------------------------------------------------------------------ creation-like

function newOptions(x: Tensor, opts?: TensorOptions): TensorOptions {
  return { dtype: x.dtype, device: x.device, ...opts };
}

function sizeArg(op: string, size: readonly number[]): number[] {
  expectIntList(op, 'size', 1, size);
  checkShape(size, op);
  return [...size];
}

/** `(2, 3, opts?)` or `([2, 3], opts?)` after the tensor, as `x.new_zeros(2, 3)` / `x.new_zeros((2, 3))`. */
function newSizeArgs(op: string, args: SizeAndOptions): { shape: number[]; opts: TensorOptions | undefined } {
  return parseSizeArgs(args, op);
}

/**
 * Zeros of a size (`x.newZeros(2, 3)` or `x.newZeros([2, 3], opts)`) with `x`'s dtype and
 * device unless given (`Tensor.new_zeros`).
 */
export function newZeros(x: Tensor, ...size: SizeAndOptions): Tensor {
  expectTensor('new_zeros', 'input', 0, x);
  const { shape, opts } = newSizeArgs('new_zeros', size);
  return zeros(shape, newOptions(x, opts));
}
/** Ones of a size with `x`'s dtype and device unless given (`Tensor.new_ones`). */
export function newOnes(x: Tensor, ...size: SizeAndOptions): Tensor {
  expectTensor('new_ones', 'input', 0, x);
  const { shape, opts } = newSizeArgs('new_ones', size);
  return full(shape, 1, newOptions(x, opts));
}
/** An uninitialised (zero-filled here) tensor of a size with `x`'s dtype and device unless given. */
export function newEmpty(x: Tensor, ...size: SizeAndOptions): Tensor {
  expectTensor('new_empty', 'input', 0, x);
  const { shape, opts } = newSizeArgs('new_empty', size);
  return zeros(shape, newOptions(x, opts));
}
/** `fillValue` of `size`, with `x`'s dtype and device unless given (the value does not pick the dtype). */
export function newFull(x: Tensor, size: readonly number[], fillValue: number | boolean, opts?: TensorOptions): Tensor {
  expectTensor('new_full', 'input', 0, x);
  const s = sizeArg('new_full', size);
  if (typeof fillValue !== 'boolean') expectNumber('new_full', 'fill_value', 2, fillValue);
  return full(s, fillValue, newOptions(x, opts));
}

function stridedEmpty(op: string, size: readonly number[], stride: readonly number[], opts: TensorOptions | undefined): Tensor {
  expectIntList(op, 'size', 1, size);
  expectIntList(op, 'stride', 2, stride);
  if (size.length !== stride.length) throw new TorchRuntimeError(op, `dimensionality of sizes (${size.length}) must match dimensionality of strides (${stride.length})`);
  checkShape(size, op);
  const o = resolveOptions(opts, getDefaultDtype());
  let need = size.some((d) => d === 0) ? 0 : 1;
  if (need > 0) for (let i = 0; i < size.length; i++) need += (size[i]! - 1) * stride[i]!;
  const backend = backendFor(o.device, o.dtype, op);
  const storage = new Storage(backend, o.device, backend.alloc(o.dtype.name, need), o.dtype.name);
  return finishCreation(new Tensor(storage, [...size], [...stride], 0, o.dtype), o.requiresGrad);
}

/** An uninitialised (zero-filled here) tensor with the given size and strides. */
export function emptyStrided(size: readonly number[], stride: readonly number[], opts?: TensorOptions): Tensor {
  return stridedEmpty('empty_strided', size, stride, opts);
}
/** {@link emptyStrided} with `x`'s dtype and device unless given (`Tensor.new_empty_strided`). */
export function newEmptyStrided(x: Tensor, size: readonly number[], stride: readonly number[], opts?: TensorOptions): Tensor {
  expectTensor('new_empty_strided', 'input', 0, x);
  return stridedEmpty('new_empty_strided', size, stride, newOptions(x, opts));
}

/** `x` cast to `other`'s dtype (`x` itself when they match). */
export function typeAs(x: Tensor, other: Tensor): Tensor {
  expectTensor('type_as', 'input', 0, x);
  expectTensor('type_as', 'other', 1, other);
  return toDtype(x, other.dtype);
}

/** Resizes `x` in place to `other`'s shape (contiguous strides; kept data where it fits). */
export function resizeAs_(x: Tensor, other: Tensor): Tensor {
  expectTensor('resize_as_', 'input', 1, x);
  expectTensor('resize_as_', 'the_template', 2, other);
  return resize_(x, other._shape);
}

/**
 * `x`'s elements with another shape of the same number of elements (the deprecated,
 * out-of-place `Tensor.resize`): a view when `x` is contiguous, else a reshaped copy.
 */
export function resize(x: Tensor, ...size: (number | readonly number[])[]): Tensor {
  expectTensor('resize', 'input', 0, x);
  const target = (size.length === 1 && Array.isArray(size[0]) ? size[0] : size) as number[];
  expectIntList('resize', 'size', 1, target);
  const n = numelOf(target);
  if (n !== x.numel()) {
    throw new TorchRuntimeError(
      'resize',
      `requested resize to ${target.join('x')} (${n} elements in total), but the given tensor has a size of ${x._shape.join('x')} (${x.numel()} elements). autograd's resize can only change the shape of a given tensor, while preserving the number of elements. `,
    );
  }
  return view(x.contiguous(), target);
}

/** {@link resize} to `other`'s shape (the deprecated, out-of-place `Tensor.resize_as`). */
export function resizeAs(x: Tensor, other: Tensor): Tensor {
  expectTensor('resize_as', 'input', 0, x);
  expectTensor('resize_as', 'tensor', 1, other);
  return resize(x, other._shape);
}

/**
 * Sums `x` down to `size` (which must broadcast to `x`'s shape): leading dims are summed
 * away, dims of size 1 summed with keepdim. `x` itself when the shape already matches.
 */
export function sumToSize(x: Tensor, ...size: (number | readonly number[])[]): Tensor {
  expectTensor('sum_to_size', 'input', 0, x);
  const target = (size.length === 1 && Array.isArray(size[0]) ? size[0] : size) as number[];
  expectIntList('sum_to_size', 'size', 1, target);
  const shape = x._shape;
  const lead = shape.length - target.length;
  const expandable = lead >= 0 && target.every((d, i) => d === shape[lead + i] || d === 1);
  if (!expandable) throw new TorchRuntimeError('sum_to_size', `size {${fmtShape(target)}} is not expandable to size {${fmtShape(shape)}}.`);
  if (lead === 0 && target.every((d, i) => d === shape[i])) return x;
  const dims: number[] = [];
  for (let i = 0; i < shape.length; i++) if (i < lead || (target[i - lead] === 1 && shape[i] !== 1)) dims.push(i);
  let r = x.sum(dims, true);
  if (lead > 0) r = view(r, target);
  return r;
}

/** Whether `x` and `other` have the same shape. */
export function isSameSize(x: Tensor, other: Tensor): boolean {
  expectTensor('is_same_size', 'input', 1, x);
  expectTensor('is_same_size', 'other', 2, other);
  return x._shape.length === other._shape.length && x._shape.every((d, i) => d === other._shape[i]);
}

/** Whether the dtype is signed (not `uint8` or `bool`). */
export function isSigned(x: Tensor): boolean {
  expectTensor('is_signed', 'input', 1, x);
  return x.dtype !== uint8 && x.dtype !== bool;
}

/** Whether the dtype is floating point (`torch.is_floating_point`). */
export function isFloatingPoint(x: Tensor): boolean {
  expectTensor('is_floating_point', 'input', 1, x);
  return x.dtype.isFloatingPoint;
}

/** Number of dims (`Tensor.ndimension`, same as `dim()`). */
export function ndimension(x: Tensor): number {
  expectTensor('ndimension', 'input', 0, x);
  return x._shape.length;
}

/** Number of elements (`Tensor.nelement`, same as `numel()`). */
export function nelement(x: Tensor): number {
  expectTensor('nelement', 'input', 0, x);
  return numelOf(x._shape);
}

/** Number of elements (`torch.numel`). */
export function numel(x: Tensor): number {
  expectTensor('numel', 'input', 1, x);
  return numelOf(x._shape);
}

function nonzeroCheck(x: Tensor): void {
  const n = x.numel();
  if (n === 0) throw new TorchRuntimeError('is_nonzero', 'Boolean value of Tensor with no values is ambiguous');
  if (n > 1) throw new TorchRuntimeError('is_nonzero', 'Boolean value of Tensor with more than one value is ambiguous');
}

/**
 * Whether a one-element tensor is nonzero (reads its value; on asynchronous devices use
 * {@link isNonzeroAsync}).
 */
export function isNonzero(x: Tensor): boolean {
  expectTensor('is_nonzero', 'input', 1, x);
  nonzeroCheck(x);
  if (!x._storage.backend.syncRead) {
    throw new TorchRuntimeError('is_nonzero', `is_nonzero: tensors on '${x.device}' can only be read asynchronously; use await torch.isNonzeroAsync(x)`);
  }
  return hostValues(x, 'is_nonzero')[0] !== 0;
}

/** {@link isNonzero} on any device: awaits the value. */
export async function isNonzeroAsync(x: Tensor): Promise<boolean> {
  expectTensor('is_nonzero', 'input', 1, x);
  nonzeroCheck(x);
  return (await readValues(x))[0] !== 0;
}

/** Whether `obj` is a Tensor. */
export function isTensor(obj: unknown): obj is Tensor {
  return obj instanceof Tensor;
}

/** Options of {@link meshgrid}. */
export interface MeshgridOptions {
  /** `'ij'` (matrix indexing, the default) or `'xy'` (Cartesian: the first two outputs' dims swap). */
  indexing?: 'ij' | 'xy';
}

/**
 * Coordinate grids of 1-D tensors: output `i` holds input `i` broadcast along its own
 * dim (views). Tensors may be given as arguments or as one list; options come last.
 * @example
 * ```ts pytorch=core.meshgrid
 * const [gx, gy] = torch.meshgrid(torch.arange(2), torch.arange(3), { indexing: 'ij' });
 * console.log(gx);
 * console.log(gy);
 * ```
 * ```text
 * tensor([[0, 0, 0],
 *         [1, 1, 1]])
 * tensor([[0, 1, 2],
 *         [0, 1, 2]])
 * ```
 */
export function meshgrid(...args: (Tensor | readonly Tensor[] | MeshgridOptions | undefined)[]): Tensor[] {
  let opts: MeshgridOptions | undefined;
  const last = args[args.length - 1];
  if (last === undefined || (!(last instanceof Tensor) && !Array.isArray(last))) {
    opts = last as MeshgridOptions | undefined;
    args = args.slice(0, -1);
  }
  const tensors = (args.length === 1 && Array.isArray(args[0]) ? args[0] : args) as Tensor[];
  expectTensorList('meshgrid', 0, tensors);
  return meshgridOf(tensors, opts?.indexing ?? 'ij');
}

function meshgridOf(tensors: readonly Tensor[], indexing: string): Tensor[] {
  const size = tensors.length;
  if (size === 0) throw new TorchRuntimeError('meshgrid', 'meshgrid expects a non-empty TensorList');
  for (let i = 0; i < size - 1; i++) {
    if (tensors[i]!.dtype !== tensors[i + 1]!.dtype) throw new TorchRuntimeError('meshgrid', 'meshgrid expects all tensors to have the same dtype');
    if (!tensors[i]!.device.equals(tensors[i + 1]!.device)) throw new TorchRuntimeError('meshgrid', 'meshgrid expects all tensors to have the same device');
  }
  const refs = [...tensors];
  let swap = false;
  if (indexing === 'xy') {
    swap = size >= 2;
    if (swap) [refs[0], refs[1]] = [refs[1]!, refs[0]!];
  } else if (indexing !== 'ij') {
    throw new TorchRuntimeError('meshgrid', `torch.meshgrid: indexing must be one of "xy" or "ij", but received: ${indexing}`);
  }
  const shape = refs.map((r) => {
    if (r._shape.length > 1) throw new TorchRuntimeError('meshgrid', `torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got a tensor of shape ${fmtShape(r._shape)}`);
    return r.numel();
  });
  const grids = refs.map((r, i) => {
    const vs = new Array<number>(size).fill(1);
    vs[i] = -1;
    return expand(view(r, vs), shape);
  });
  if (swap) [grids[0], grids[1]] = [grids[1]!, grids[0]!];
  return grids;
}

function expect1d(op: string, x: Tensor): void {
  if (x._shape.length !== 1) throw new TorchRuntimeError(op, `Expect a 1D vector, but got shape ${fmtShape(x._shape)}`);
}

/**
 * The Cartesian product of 1-D tensors, as rows of a 2-D tensor (one column per input);
 * a single tensor is returned as it is.
 */
export function cartesianProd(...args: (Tensor | readonly Tensor[])[]): Tensor {
  const tensors = (args.length === 1 && Array.isArray(args[0]) ? args[0] : args) as Tensor[];
  expectTensorList('cartesian_prod', 0, tensors);
  for (const x of tensors) expect1d('cartesian_prod', x);
  if (tensors.length === 1) return tensors[0]!;
  return stack(meshgridOf(tensors, 'ij').map((g) => reshape(g, [-1])), 1);
}

/** Options of {@link combinations}. */
export interface CombinationsOptions {
  /** Length of each combination (default 2). */
  r?: number;
  /** Whether an element may repeat within a combination. */
  withReplacement?: boolean;
}

/**
 * The length-`r` combinations of a 1-D tensor's elements (by position, in lexicographic
 * order), one per row, as `itertools.combinations` (or `combinations_with_replacement`).
 * @example
 * ```ts pytorch=core.combinations
 * console.log(torch.combinations(torch.tensor([1, 2, 3])));
 * ```
 * ```text
 * tensor([[1, 2],
 *         [1, 3],
 *         [2, 3]])
 * ```
 */
export function combinations(x: Tensor, opts?: CombinationsOptions): Tensor {
  expectTensor('combinations', 'input', 1, x);
  const r = opts?.r ?? 2;
  const withReplacement = opts?.withReplacement ?? false;
  expectInt('combinations', 'r', 2, r);
  expectBool('combinations', 'with_replacement', 3, withReplacement);
  expect1d('combinations', x);
  if (r < 0) throw new TorchRuntimeError('combinations', `Expect a non-negative number, but got ${r}`);
  if (r === 0) return emptyTensor([0], x.dtype, x.device, 'combinations');
  // The index tuples, in the row-major order of PyTorch's masked meshgrid.
  const n = x._shape[0]!;
  const cols: number[][] = Array.from({ length: r }, () => []);
  const cur = new Array<number>(r).fill(0);
  const walk = (pos: number, from: number): void => {
    if (pos === r) {
      cur.forEach((v, i) => cols[i]!.push(v));
      return;
    }
    for (let v = from; v < n; v++) {
      cur[pos] = v;
      walk(pos + 1, withReplacement ? v : v + 1);
    }
  };
  walk(0, 0);
  const picks = cols.map((c) => indexSelect(x, 0, fromHost(Float64Array.from(c) as never, [c.length], int64, { device: x.device })));
  return stack(picks, 1);
}

function triIndices(op: 'tril_indices' | 'triu_indices', row: number, col: number, offset: number, opts?: TensorOptions): Tensor {
  expectInt(op, 'row', 1, row);
  expectInt(op, 'col', 2, col);
  expectInt(op, 'offset', 3, offset);
  const o = resolveOptions(opts, int64);
  if (o.dtype.isFloatingPoint || o.dtype === bool || o.dtype === uint8) {
    if (o.dtype !== uint8) throw new TorchRuntimeError(op, `"${op}" not implemented for '${scalarTypeName(o.dtype)}'`);
  }
  if (row < 0) throw new TorchRuntimeError(op, `row must be non-negative, got${row}`);
  if (col < 0) throw new TorchRuntimeError(op, `col must be non-negative, got${col}`);
  const rs: number[] = [];
  const cs: number[] = [];
  for (let i = 0; i < row; i++) {
    for (let j = 0; j < col; j++) {
      if (op === 'tril_indices' ? j - i <= offset : j - i >= offset) {
        rs.push(i);
        cs.push(j);
      }
    }
  }
  const host = valueHost(o.dtype, 2 * rs.length);
  rs.forEach((v, i) => (host[i] = v));
  cs.forEach((v, i) => (host[rs.length + i] = v));
  return fromHost(asStored(host, o.dtype), [2, rs.length], o.dtype, { ...opts, dtype: o.dtype });
}

/** Coordinates (2 × N, row-major order) of the lower triangle of a `row`×`col` matrix, `offset` above the main diagonal. */
export function trilIndices(row: number, col: number, offset = 0, opts?: TensorOptions): Tensor {
  return triIndices('tril_indices', row, col, offset, opts);
}

/** Coordinates (2 × N, row-major order) of the upper triangle of a `row`×`col` matrix, from `offset` above the main diagonal. */
export function triuIndices(row: number, col: number, offset = 0, opts?: TensorOptions): Tensor {
  return triIndices('triu_indices', row, col, offset, opts);
}

/** Options of {@link repeatInterleave}. */
export interface RepeatInterleaveOptions {
  /** The dim to repeat along (default: the flattened input). */
  dim?: number | null;
  /** The total output length along `dim` (lets tensor repeats skip a read-back of their sum). */
  outputSize?: number | null;
}

function repeatsValues(op: string, repeats: Tensor, values: ArrayLike<number>): number[] {
  void op;
  const list = Array.from(values);
  if (list.some((v) => v < 0)) throw new TorchRuntimeError('repeat_interleave', 'repeats can not be negative');
  return list;
}

function checkRepeatsTensor(repeats: Tensor): void {
  if (repeats._shape.length > 1) throw new TorchRuntimeError('repeat_interleave', 'repeats must be 0-dim or 1-dim tensor');
  if (repeats.dtype !== int64 && repeats.dtype !== int32) {
    throw new TorchRuntimeError('repeat_interleave', `"repeat_interleave_cpu" not implemented for '${scalarTypeName(repeats.dtype)}'`);
  }
}

/** The index list 0…n−1, each repeated its count of times, as an int64 tensor on `device`. */
function repeatIndex(counts: readonly number[], like: Tensor): Tensor {
  const total = counts.reduce((a, b) => a + b, 0);
  // the index list is as long as the result: refuse sizes no host array can hold, as any allocation does
  checkHostAllocation('int64', total, 8);
  const host = new Float64Array(total);
  let k = 0;
  counts.forEach((c, i) => {
    for (let j = 0; j < c; j++) host[k++] = i;
  });
  return fromHost(host as never, [total], int64, { device: like.device });
}

function repeatInterleaveWith(x: Tensor | null, repeats: Tensor, counts: number[], opts: RepeatInterleaveOptions | undefined): Tensor {
  if (x === null) {
    checkOutputSize(counts, opts);
    return repeatIndex(counts, repeats);
  }
  const dim = opts?.dim ?? null;
  noDimsCheck(x, dim);
  let input = x;
  let d: number;
  if (dim === null) {
    input = reshape(x, [-1]);
    d = 0;
  } else d = wrapDim(dim, x._shape.length, 'repeat_interleave');
  const size = input._shape.length === 0 ? 1 : input._shape[d]!;
  if (counts.length === 1 && repeats._shape.length <= 1) counts = new Array<number>(size).fill(counts[0]!);
  else if (counts.length !== size) throw new TorchRuntimeError('repeat_interleave', 'repeats must have the same size as input along dim');
  if (input._shape.length === 0) input = reshape(input, [1]);
  checkOutputSize(counts, opts);
  return indexSelect(input, d, repeatIndex(counts, input));
}

/**
 * Repeats elements: each slice of `dim` (of the flattened input when `dim` is omitted)
 * `repeats` times, or `repeats[i]` times for slice `i` when `repeats` is an int tensor.
 * `repeatInterleave(repeats)` alone gives `i` repeated `repeats[i]` times. Tensor repeats
 * are read back: on asynchronous devices use {@link repeatInterleaveAsync}.
 * @example
 * ```ts pytorch=core.repeatInterleave
 * console.log(torch.repeatInterleave(torch.tensor([1, 2]), 2));
 * console.log(torch.repeatInterleave(torch.tensor([[1, 2]]), torch.tensor([1, 2]), { dim: 1 }));
 * ```
 * ```text
 * tensor([1, 1, 2, 2])
 * tensor([[1, 2, 2]])
 * ```
 */
export function repeatInterleave(x: Tensor, repeats?: number | Tensor, opts?: RepeatInterleaveOptions): Tensor {
  expectTensor('repeat_interleave', 'input', 1, x);
  if (repeats === undefined) {
    checkRepeatsTensor(x);
    return repeatInterleaveWith(null, x, repeatsValues('repeat_interleave', x, readSync(x)), opts);
  }
  if (repeats instanceof Tensor) {
    checkRepeatsTensor(repeats);
    return repeatInterleaveWith(x, repeats, repeatsValues('repeat_interleave', repeats, readSync(repeats)), opts);
  }
  expectInt('repeat_interleave', 'repeats', 2, repeats);
  if (repeats < 0) throw new TorchRuntimeError('repeat_interleave', 'repeats can not be negative');
  return repeatInterleaveInt(x, repeats, opts);
}

function readSync(t: Tensor): ArrayLike<number> {
  if (!t._storage.backend.syncRead) {
    throw new TorchRuntimeError('repeat_interleave', `repeat_interleave: the result's size depends on the repeats, which tensors on '${t.device}' can only read asynchronously; use await torch.repeatInterleaveAsync(…)`);
  }
  return hostValues(t, 'repeat_interleave');
}

/** Integer repeats: an index_select of a repeated index list (no read-back; PyTorch's IndexSelectBackward0). */
function repeatInterleaveInt(x: Tensor, repeats: number, opts: RepeatInterleaveOptions | undefined): Tensor {
  const dim = opts?.dim ?? null;
  noDimsCheck(x, dim);
  const input = dim === null ? reshape(x, [-1]) : x;
  const d = dim === null ? 0 : wrapDim(dim, x._shape.length, 'repeat_interleave');
  const counts = new Array<number>(input._shape[d]!).fill(repeats);
  checkOutputSize(counts, opts);
  return indexSelect(input, d, repeatIndex(counts, input));
}

/** A dim of a 0-dim tensor: PyTorch reads its size and fails. */
function noDimsCheck(x: Tensor, dim: number | null): void {
  if (dim !== null && x._shape.length === 0) {
    expectInt('repeat_interleave', 'dim', 3, dim);
    wrapDim(dim, 0, 'repeat_interleave');
    throw new TorchIndexError('repeat_interleave', `Dimension specified as ${dim} but tensor has no dimensions`);
  }
}

function checkOutputSize(counts: readonly number[], opts: RepeatInterleaveOptions | undefined): void {
  const want = opts?.outputSize;
  if (want === undefined || want === null) return;
  expectInt('repeat_interleave', 'output_size', 4, want);
  if (counts.reduce((a, b) => a + b, 0) !== want) throw new TorchRuntimeError('repeat_interleave', 'allocated size does not match required size');
}

/** {@link repeatInterleave} on any device: awaits tensor repeats before sizing the result. */
export async function repeatInterleaveAsync(x: Tensor, repeats?: number | Tensor, opts?: RepeatInterleaveOptions): Promise<Tensor> {
  expectTensor('repeat_interleave', 'input', 1, x);
  if (repeats === undefined) {
    checkRepeatsTensor(x);
    return repeatInterleaveWith(null, x, repeatsValues('repeat_interleave', x, await readValues(x)), opts);
  }
  if (repeats instanceof Tensor) {
    checkRepeatsTensor(repeats);
    return repeatInterleaveWith(x, repeats, repeatsValues('repeat_interleave', repeats, await readValues(repeats)), opts);
  }
  return repeatInterleave(x, repeats, opts);
}

/** Options of {@link logspace}. */
export interface LogspaceOptions extends TensorOptions {
  /** The base of the exponent (default 10). */
  base?: number;
}

/**
 * `steps` values `base ** e` with exponents evenly spaced from `start` to `end` inclusive
 * (PyTorch's two-sided formula, computed in double and cast to the dtype).
 */
export function logspace(start: number, end: number, steps: number, opts?: LogspaceOptions): Tensor {
  expectNumber('logspace', 'start', 1, start);
  expectNumber('logspace', 'end', 2, end);
  expectInt('logspace', 'steps', 3, steps);
  const base = opts?.base ?? 10;
  expectNumber('logspace', 'base', 4, base);
  if (steps < 0) throw new TorchRuntimeError('logspace', 'number of steps must be non-negative');
  const { base: _b, ...rest } = opts ?? {};
  void _b;
  const o = resolveOptions(rest, getDefaultDtype());
  const name = o.dtype.name;
  const values = valueHost(o.dtype, steps);
  const toScalar = (v: number): number => (o.dtype === float32 ? Math.fround(v) : o.dtype.isFloatingPoint ? v : castScalar(v, name));
  if (steps === 1) values[0] = castScalar(Math.pow(base, start), name);
  else if (steps > 1) {
    const s = toScalar(start);
    const e = toScalar(end);
    const step = toScalar(e - s) / (steps - 1);
    const half = Math.floor(steps / 2);
    for (let i = 0; i < steps; i++) {
      const v = i < half ? Math.pow(base, s + step * i) : Math.pow(base, e - step * (steps - i - 1));
      values[i] = castScalar(v, name);
    }
  }
  return fromHost(asStored(values, o.dtype), [steps], o.dtype, { ...rest, dtype: o.dtype });
}

/**
 * Values from `start` to `end` inclusive, `step` apart (deprecated `torch.range`; prefer
 * `arange`, which excludes `end`). The default dtype is the default float.
 */
export function range(start: number, end: number, step: number | TensorOptions = 1, opts?: TensorOptions): Tensor {
  if (typeof step === 'object') {
    opts = step;
    step = 1;
  }
  expectNumber('range', 'start', 1, start);
  expectNumber('range', 'end', 2, end);
  expectNumber('range', 'step', 3, step);
  const o = resolveOptions(opts, getDefaultDtype());
  if (o.dtype === bool) throw new TorchRuntimeError('range', `"range_cpu" not implemented for 'Bool'`);
  const integral = !o.dtype.isFloatingPoint;
  const acc = (v: number): number => (integral ? Math.trunc(v) + 0 : v);
  const [xs, xe, xst] = [acc(start), acc(end), acc(step)];
  if (!(xst > 0 || xst < 0)) throw new TorchRuntimeError('range', 'step must be nonzero');
  if (!Number.isFinite(xs) || !Number.isFinite(xe)) throw new TorchRuntimeError('range', `unsupported range: ${xs} -> ${xe}`);
  if (!((xst > 0 && xe >= xs) || (xst < 0 && xe <= xs))) throw new TorchRuntimeError('range', 'upper bound and lower bound inconsistent with step sign');
  const n = Math.trunc((xe - xs) / xst + 1);
  const values = valueHost(o.dtype, n);
  for (let i = 0; i < n; i++) values[i] = castScalar(xs + i * xst, o.dtype.name);
  return fromHost(asStored(values, o.dtype), [n], o.dtype, { ...opts, dtype: o.dtype });
}

/**
 * A tensor from data, sharing memory where possible: a Tensor with the requested dtype and
 * device is returned as it is (converted otherwise); nested arrays and typed arrays become
 * a new tensor as with `torch.tensor`.
 */
export function asTensor(data: Tensor | TensorData, opts?: Omit<TensorOptions, 'requiresGrad'>): Tensor {
  if (data instanceof Tensor) return convertTensor(data, opts);
  return tensor(data, opts);
}

function convertTensor(x: Tensor, opts?: TensorOptions): Tensor {
  let r = x;
  if (opts?.device !== undefined) r = toDeviceSync(r, opts.device);
  if (opts?.dtype !== undefined) r = toDtype(r, toDType(opts.dtype));
  return r;
}

/** Options of {@link asarray}. */
export interface AsarrayOptions extends TensorOptions {
  /** Always copy (`true`), never copy (`false`: an error when a copy is needed), or copy only when needed (default). */
  copy?: boolean | null;
}

/** Like {@link asTensor}, with a `copy` choice and `requiresGrad` (`torch.asarray`). */
export function asarray(obj: Tensor | TensorData, opts?: AsarrayOptions): Tensor {
  const { copy = null, requiresGrad = false, ...rest } = opts ?? {};
  let r: Tensor;
  if (obj instanceof Tensor) {
    r = convertTensor(obj, rest);
    if (copy === true && r === obj) r = clone(obj.detach());
    if (copy === false && r !== obj) throw new TorchRuntimeError('asarray', "can't alias tensor from device or dtype without copying");
  } else r = tensor(obj as NestedArray, rest);
  if (requiresGrad) r.requiresGrad_(true);
  return r;
}

/** A new tensor like `x` filled with `value` (a number or a 0-dim tensor; `torch.fill`). */
export function fill(x: Tensor, value: number | boolean | Tensor): Tensor {
  expectTensor('fill', 'input', 1, x);
  if (value instanceof Tensor && value._shape.length !== 0) {
    throw new TorchRuntimeError('fill', `fill_ only supports 0-dimension value tensor but got tensor with ${value._shape.length} dimensions.`);
  }
  return fill_(clone(x), value);
}

/**
 * Fills the main diagonal in place (dims must be equal beyond 2-D). With `wrap`, a tall
 * matrix's diagonal restarts every `cols + 1` rows, as NumPy's `fill_diagonal`.
 */
export function fillDiagonal_(x: Tensor, fillValue: number | boolean, opts?: { wrap?: boolean }): Tensor {
  expectTensor('fill_diagonal_', 'input', 0, x);
  const wrap = opts?.wrap ?? false;
  expectBool('fill_diagonal_', 'wrap', 2, wrap);
  const n = x._shape.length;
  if (n < 2) throw new TorchRuntimeError('fill_diagonal_', 'dimensions must larger than 1');
  const height = x._shape[0]!;
  const width = x._shape[1]!;
  if (n > 2 && x._shape.some((d) => d !== height)) throw new TorchRuntimeError('fill_diagonal_', 'all dimensions of input must be of equal length');
  const size = Math.min(height, width);
  const stride = x._strides.reduce((a, b) => a + b, 0);
  fill_(asStrided(x, [size], [stride], x._offset), fillValue);
  if (wrap && n === 2 && height > width + 1) {
    const step = width + 1;
    const wrapSize = Math.floor((x.numel() + step - 1) / step) - size;
    fill_(asStrided(x, [wrapSize], [stride], x._offset + x._strides[0]! * (width + 1)), fillValue);
  }
  return x;
}

/** Keeps the lower triangle in place (elements with col − row ≤ diagonal), zeroing the rest. */
export function tril_(x: Tensor, diagonal = 0): Tensor {
  expectTensor('tril_', 'input', 0, x);
  expectInt('tril_', 'diagonal', 1, diagonal);
  return composite('tril_', [x], { diagonal, inplace: true }, () => x.copy_(tril(x, diagonal)));
}

/** Keeps the upper triangle in place (elements with col − row ≥ diagonal), zeroing the rest. */
export function triu_(x: Tensor, diagonal = 0): Tensor {
  expectTensor('triu_', 'input', 0, x);
  expectInt('triu_', 'diagonal', 1, diagonal);
  return composite('triu_', [x], { diagonal, inplace: true }, () => x.copy_(triu(x, diagonal)));
}

