/**
 * Joining, splitting and index-driven ops: cat, stack, split, chunk, gather,
 * scatter, indexSelect, masks, nonzero, sort, topk, flip, roll, repeat, tile,
 * tril/triu. Composed from the backend's copy/gather/scatter/sort kernels.
 */
import { composite, notifyInplace, recordOp } from '../autograd-hook.js';
import { bool, int64, promoteTypes } from '../dtype.js';
import { TorchIndexError, TorchRuntimeError, TorchTypeError, fmtShape } from '../errors.js';
import { Complex } from '../complex/scalar.js';
import { complexScalarTensor, complexValueCastError } from '../complex/create.js';
import { broadcastShapes, broadcastStrides, normalizeDims, numelOf, wrapDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { boolArg, expectIntList, expectIntOrList, expectScalar, expectScalarFits, expectTensor, expectTensorList, keywordArgs } from '../validate.js';
import { type ValuesIndices, backendFor, commonDevice, emptyTensor, refOf, refWith, valuesIndices } from './dispatch.js';
import { bumpVersion, checkWritable, where } from './elementwise.js';
import { cppName, typeMetaName } from './promotion.js';
import { arange, scalarTensor } from './creation.js';
import { narrow, makeView } from './views.js';

/**
 * Concatenates along `dim`; shapes must match elsewhere. 1-D empty tensors are
 * skipped, as in PyTorch.
 * @example
 * ```ts pytorch=core.cat
 * const a = torch.tensor([[1, 2]]);
 * console.log(torch.cat([a, a], 0));
 * console.log(torch.cat([a, a], 1));
 * ```
 * ```text
 * tensor([[1, 2],
 *         [1, 2]])
 * tensor([[1, 2, 1, 2]])
 * ```
 */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  expectTensorList('cat', 0, tensors);
  if (tensors.length === 0) {
    throw new TorchRuntimeError('cat', 'torch.cat(): expected a non-empty list of Tensors');
  }
  const dev = commonDevice('cat', tensors);
  const parts = tensors.filter((t) => !(t._shape.length === 1 && t._shape[0] === 0));
  const ref = parts[0] ?? tensors[0]!;
  const dtype = tensors.map((t) => t.dtype).reduce((a, b) => promoteTypes(a, b));
  if (ref._shape.length === 0) throw new TorchRuntimeError('cat', 'zero-dimensional tensor (at position 0) cannot be concatenated');
  // Only legacy empty 1-d tensors: PyTorch returns an empty tensor without looking at dim.
  const d = parts.length === 0 ? 0 : wrapDim(dim, ref._shape.length, 'cat');
  let total = 0;
  parts.forEach((t, i) => {
    if (t._shape.length !== ref._shape.length) {
      throw new TorchRuntimeError('cat', `Tensors must have same number of dimensions: got ${ref._shape.length} and ${t._shape.length}`);
    }
    for (let k = 0; k < ref._shape.length; k++) {
      if (k !== d && t._shape[k] !== ref._shape[k]) {
        throw new TorchRuntimeError(
          'cat',
          `Sizes of tensors must match except in dimension ${d}. Expected size ${ref._shape[k]} but got size ${t._shape[k]} for tensor number ${tensors.indexOf(t)} in the list.`,
        );
      }
    }
    total += t._shape[d]!;
    void i;
  });
  const shape = [...ref._shape];
  shape[d] = total;
  const out = emptyTensor(shape, dtype, dev, 'cat');
  const backend = backendFor(dev, dtype, 'cat');
  let offset = 0;
  for (const t of parts) {
    const len = t._shape[d]!;
    const s = [...shape];
    s[d] = len;
    backend.copy(refOf(t), refWith(out, s, out._strides, offset * out._strides[d]!));
    offset += len;
  }
  recordOp('cat', [...tensors], [out], { dim: d, sizes: tensors.map((t) => (t._shape.length === 1 && t._shape[0] === 0 ? 0 : t._shape[d]!)), skipped: tensors.map((t) => t._shape.length === 1 && t._shape[0] === 0) });
  return out;
}

/**
 * Stacks equal-shaped tensors along a new dim.
 * @example
 * ```ts pytorch=core.stack
 * console.log(torch.stack([torch.tensor([1, 2]), torch.tensor([3, 4])], 1));
 * ```
 * ```text
 * tensor([[1, 3],
 *         [2, 4]])
 * ```
 */
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  expectTensorList('stack', 0, tensors);
  if (tensors.length === 0) throw new TorchRuntimeError('stack', 'stack expects a non-empty TensorList');
  const s0 = tensors[0]!._shape;
  wrapDim(dim, s0.length + 1, 'stack'); // the dim is checked before the sizes, as in PyTorch
  tensors.forEach((t, i) => {
    if (t._shape.length !== s0.length || t._shape.some((x: number, k: number) => x !== s0[k])) {
      throw new TorchRuntimeError('stack', `stack expects each tensor to be equal size, but got ${fmtShape(s0)} at entry 0 and ${fmtShape(t._shape)} at entry ${i}`);
    }
  });
  const d = wrapDim(dim, s0.length + 1, 'stack');
  return composite('stack', tensors, { dim: d }, () => cat(tensors.map((t) => t.unsqueeze(d)), d));
}

/**
 * Splits into chunks of `splitSize` (or the given section sizes) along `dim`: views.
 * @example
 * ```ts pytorch=core.split
 * const x = torch.arange(5);
 * console.log(...torch.split(x, 2)); // pieces of 2, the last shorter
 * console.log(...x.split([1, 4]));
 * ```
 * ```text
 * tensor([0, 1]) tensor([2, 3]) tensor([4])
 * tensor([0]) tensor([1, 2, 3, 4])
 * ```
 */
export function split(x: Tensor, splitSizeOrSections: number | readonly number[], dim = 0): Tensor[] {
  expectTensor('split', 'input', 1, x);
  expectIntOrList('split', 'split_size_or_sections', 2, splitSizeOrSections);
  const d = wrapDim(dim, x._shape.length, 'split');
  return composite('split', [x], { dim: d, sizes: splitSizeOrSections }, () => splitViews(x, splitSizeOrSections, d));
}

function splitViews(x: Tensor, splitSizeOrSections: number | readonly number[], d: number): Tensor[] {
  const size = x._shape[d]!;
  if (typeof splitSizeOrSections === 'number') {
    const s = splitSizeOrSections;
    if (!Number.isInteger(s) || s < 0 || (s === 0 && size !== 0)) {
      throw new TorchRuntimeError('split', `split_size can only be 0 if dimension size is 0, but got dimension size of ${size}`);
    }
    const out: Tensor[] = [];
    if (s === 0) return [x];
    for (let start = 0; start < size || (size === 0 && out.length === 0); start += s) {
      out.push(narrow(x, d, start, Math.min(s, size - start)));
      if (size === 0) break;
    }
    return out;
  }
  const total = splitSizeOrSections.reduce((a, b) => a + b, 0);
  if (total !== size) {
    throw new TorchRuntimeError('split', `split_with_sizes expects split_sizes to sum exactly to ${size} (input tensor's size at dimension ${d}), but got split_sizes=${fmtShape(splitSizeOrSections)}`);
  }
  let start = 0;
  return splitSizeOrSections.map((len) => {
    const v = narrow(x, d, start, len);
    start += len;
    return v;
  });
}

/**
 * Splits into `chunks` nearly equal views along `dim`.
 * @example
 * ```ts pytorch=core.chunk
 * const x = torch.arange(6);
 * console.log(...torch.chunk(x, 3));
 * console.log(...x.chunk(4)); // chunks of ceil(6 / 4) = 2: only 3 of them
 * ```
 * ```text
 * tensor([0, 1]) tensor([2, 3]) tensor([4, 5])
 * tensor([0, 1]) tensor([2, 3]) tensor([4, 5])
 * ```
 */
export function chunk(x: Tensor, chunks: number, dim = 0): Tensor[] {
  expectTensor('chunk', 'input', 1, x);
  if (!Number.isInteger(chunks) || chunks <= 0) throw new TorchRuntimeError('chunk', `chunk expects \`chunks\` to be greater than 0, got: ${chunks}`);
  const d = wrapDim(dim, x._shape.length, 'chunk');
  const size = x._shape[d]!;
  // An empty dim gives `chunks` empty pieces (PyTorch's split_with_sizes of zeros).
  if (size === 0) {
    if (chunks > 2 ** 32 - 1) throw new TorchRuntimeError('chunk', `chunk: cannot return ${chunks} empty pieces (a JavaScript array holds at most 4294967295)`);
    return split(x, new Array<number>(chunks).fill(0), d);
  }
  return split(x, Math.ceil(size / chunks), d);
}

function checkIndexDtype(op: string, index: Tensor): void {
  // An empty index of any dtype is accepted (PyTorch checks the dtype only with elements).
  if (index.dtype !== int64 && index.numel() > 0) throw new TorchRuntimeError(op, `${op}(): Expected dtype int64 for index`);
}

/** Reads index values on a synchronous backend to check bounds (GPU backends skip the check). */
function checkIndexBounds(op: string, index: Tensor, size: number, dim: number): void {
  // index_select reports PyTorch's own wording; gather/scatter name the index and dim.
  const b = index._storage.backend;
  if (!b.syncRead || index.numel() === 0) return;
  const mn = index.min().item() as number;
  const mx = index.max().item() as number;
  // gather/scatter/index_select take no negative indices (unlike x[i]): PyTorch rejects them.
  const bad = mx >= size ? mx : mn < 0 ? mn : null;
  if (bad === null) return;
  if (op === 'index_select') throw new TorchIndexError(op, 'index out of range in self');
  throw new TorchRuntimeError(op, `index ${bad} is out of bounds for dimension ${dim} with size ${size}`);
}

/**
 * `out[i][j] = x[i][index[i][j]]` along `dim` (index int64, same ndim).
 * @example
 * ```ts pytorch=core.gather
 * const x = torch.tensor([[1, 2], [3, 4]]);
 * console.log(torch.gather(x, 1, torch.tensor([[0, 0], [1, 0]]))); // out[i][j] = x[i][index[i][j]]
 * ```
 * ```text
 * tensor([[1, 1],
 *         [4, 3]])
 * ```
 */
export function gather(x: Tensor, dim: number, index: Tensor): Tensor {
  expectTensor('gather', 'input', 1, x);
  expectTensor('gather', 'index', 3, index);
  const n = x._shape.length;
  const d = wrapDim(dim, n, 'gather');
  checkIndexDtype('gather', index);
  if (index._shape.length !== n && !(n === 0 && index._shape.length <= 1)) {
    throw new TorchRuntimeError('gather', 'Index tensor must have the same number of dimensions as input tensor');
  }
  for (let k = 0; k < n; k++) {
    if (k !== d && index._shape[k]! > x._shape[k]!) {
      throw new TorchRuntimeError('gather', `Size does not match at dimension ${k} expected index ${fmtShape(index._shape)} to be smaller than self ${fmtShape(x._shape)} apart from dimension ${d}`);
    }
  }
  commonDevice('gather', [x, index]);
  checkIndexBounds('gather', index, n === 0 ? 1 : x._shape[d]!, d);
  const out = emptyTensor(index._shape, x.dtype, x.device, 'gather');
  backendFor(x.device, x.dtype, 'gather').gather(refOf(x), d, refOf(index), refOf(out));
  recordOp('gather', [x], [out], { dim: d, index });
  return out;
}

/** Options of scatter. */
export interface ScatterOptions {
  /** How values landing on one element combine: `'add'` or `'multiply'` (default: replace). */
  reduce?: 'add' | 'multiply';
}

/** In-place scatter: `self[index[i][j]][j] = src[i][j]` along `dim` (`src` may be a number). */
export function scatter_(self: Tensor, dim: number, index: Tensor, src: Tensor | number | boolean, opts?: ScatterOptions): Tensor {
  expectTensor('scatter_', 'input', 1, self);
  return scatterInto('scatter_', self, dim, index, src, opts?.reduce ?? 'none');
}

function scatterInto(op: string, self: Tensor, dim: number, index: Tensor, src: Tensor | number | boolean, reduce: 'none' | 'add' | 'multiply'): Tensor {
  expectTensor(op, 'index', 3, index);
  if (typeof src === 'boolean') src = src ? 1 : 0;
  else if (typeof src !== 'number') expectTensor(op, 'src', 4, src);
  const n = self._shape.length;
  const d = wrapDim(dim, n, op);
  checkIndexDtype(op, index);
  if (index._shape.length !== n && !(n === 0 && index._shape.length <= 1)) {
    throw new TorchRuntimeError(op, 'Index tensor must have the same number of dimensions as self tensor');
  }
  if (src instanceof Tensor) {
    commonDevice(op, [self, index, src]);
    if (src.dtype !== self.dtype) {
      throw new TorchRuntimeError(op, `${op}(): Expected self.dtype to be equal to src.dtype`);
    }
    for (let k = 0; k < n; k++) {
      if (index._shape[k]! > src._shape[k]!) {
        throw new TorchRuntimeError(op, `Expected index ${fmtShape(index._shape)} to be smaller than self ${fmtShape(self._shape)} apart from dimension ${d} and to be smaller size than src ${fmtShape(src._shape)}`);
      }
    }
  }
  for (let k = 0; k < n; k++) {
    if (k !== d && index._shape[k]! > self._shape[k]!) {
      throw new TorchRuntimeError(op, `Expected index ${fmtShape(index._shape)} to be smaller than self ${fmtShape(self._shape)} apart from dimension ${d}`);
    }
  }
  checkIndexBounds(op, index, n === 0 ? 1 : self._shape[d]!, d);
  checkWritable(self, op);
  notifyInplace(self, op);
  const srcOperand = src instanceof Tensor ? refWith(src, index._shape, src._strides.slice(0, index._shape.length)) : src;
  backendFor(self.device, self.dtype, op).scatter(refOf(self), d, refOf(index), srcOperand, reduce);
  bumpVersion(self);
  recordOp(op, src instanceof Tensor ? [self, src] : [self], [self], { dim: d, index, reduce, inplace: true, ...(src instanceof Tensor ? {} : { value: src }) });
  return self;
}

/**
 * Out-of-place {@link scatter_}.
 * @example
 * ```ts pytorch=core.scatter
 * const x = torch.zeros(2, 4);
 * const index = torch.tensor([[0, 2], [1, 3]]);
 * console.log(x.scatter(1, index, torch.tensor([[5, 6], [7, 8]], { dtype: 'float32' }))); // out[i][index[i][j]] = src[i][j]
 * console.log(x.scatter(1, index, 1));
 * ```
 * ```text
 * tensor([[5., 0., 6., 0.],
 *         [0., 7., 0., 8.]])
 * tensor([[1., 0., 1., 0.],
 *         [0., 1., 0., 1.]])
 * ```
 */
export function scatter(x: Tensor, dim: number, index: Tensor, src: Tensor | number | boolean, opts?: ScatterOptions): Tensor {
  expectTensor('scatter', 'input', 1, x);
  return composite('scatter', src instanceof Tensor ? [x, src] : [x], { dim, index, reduce: opts?.reduce ?? 'none' }, () =>
    scatter_(x.clone(), dim, index, src, opts),
  );
}

/** In-place scatter-add: `self[index[i][j]][j] += src[i][j]`. */
export function scatterAdd_(self: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  expectTensor('scatter_add_', 'input', 1, self);
  return scatterInto('scatter_add_', self, dim, index, src, 'add');
}

/** Out-of-place {@link scatterAdd_}. */
export function scatterAdd(x: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  expectTensor('scatter_add', 'input', 1, x);
  return composite('scatter_add', [x, src], { dim, index }, () => scatterAdd_(x.clone(), dim, index, src));
}

/**
 * Picks entries of `dim` at `index` (1-D int64).
 * @example
 * ```ts pytorch=core.indexSelect
 * const x = torch.tensor([[1, 2, 3], [4, 5, 6]]);
 * console.log(torch.indexSelect(x, 1, torch.tensor([2, 0])));
 * ```
 * ```text
 * tensor([[3, 1],
 *         [6, 4]])
 * ```
 */
export function indexSelect(x: Tensor, dim: number, index: Tensor): Tensor {
  expectTensor('index_select', 'input', 1, x);
  expectTensor('index_select', 'index', 3, index);
  wrapDim(dim, x._shape.length, 'index_select'); // the dim is checked first, as in PyTorch
  if (index.dtype !== int64 && index.dtype.name !== 'int32') {
    throw new TorchRuntimeError('index_select', `index_select(): Expected dtype int32 or int64 for index`);
  }
  if (index._shape.length > 1) throw new TorchIndexError('index_select', 'index_select(): Index is supposed to be a vector');
  const n = x._shape.length;
  const d = wrapDim(dim, n, 'index_select');
  const idx = index.dtype === int64 ? index : index.to(int64);
  const idx1 = idx._shape.length === 0 ? idx.view(1) : idx;
  checkIndexBounds('index_select', idx1, n === 0 ? 1 : x._shape[d]!, d);
  const shape = [...x._shape];
  if (n > 0) shape[d] = idx1._shape[0]!;
  const out = emptyTensor(shape, x.dtype, x.device, 'index_select');
  backendFor(x.device, x.dtype, 'index_select').indexSelect(refOf(x), d, refOf(idx1), refOf(out));
  recordOp('index_select', [x], [out], { dim: d, index: idx1 });
  return out;
}

function checkMask(op: string, mask: Tensor): void {
  if (!(mask instanceof Tensor)) throw new TorchTypeError(op, `${op}(): argument 'mask' must be Tensor`);
  if (mask.dtype !== bool) throw new TorchRuntimeError(op, `${op} only supports boolean masks, but got mask with dtype ${typeMetaName(mask.dtype)}`);
}

/**
 * `x` with `value` where `mask` is true (mask broadcasts to x).
 * @example
 * ```ts pytorch=core.maskedFill
 * const x = torch.tensor([1, -2, 3, -4]);
 * console.log(x.maskedFill(x.lt(0), 0));
 * ```
 * ```text
 * tensor([1, 0, 3, 0])
 * ```
 */
export function maskedFill(x: Tensor, mask: Tensor, value: number | boolean | Complex | Tensor): Tensor {
  expectTensor('masked_fill', 'input', 1, x);
  checkMask('masked_fill_', mask);
  // Out of place, x and the mask broadcast together (PyTorch's expand_outplace).
  broadcastShapes(x._shape, mask._shape, 'masked_fill');
  if (value instanceof Complex) {
    if (!x.dtype.isComplex) throw complexValueCastError('masked_fill', x.dtype);
    const v = complexScalarTensor(value, x.dtype);
    return composite('masked_fill', [x], { mask }, () => where(mask, v, x));
  }
  if (value instanceof Tensor) {
    if (value._shape.length !== 0) {
      throw new TorchRuntimeError('masked_fill', `masked_fill_ only supports a 0-dimensional value tensor, but got tensor with ${value._shape.length} dimension(s).`);
    }
  } else {
    expectScalar('masked_fill', 'value', 3, value);
    expectScalarFits('masked_fill', value, x.dtype.name);
  }
  // The value is cast to x's dtype first (PyTorch's `value.to<scalar_t>()`), so unmasked
  // elements never pass through a promoted dtype (int32 with 0.5 would go through float32).
  const v = value instanceof Tensor ? value.to(x.dtype) : scalarTensor(Number(value), x.dtype, x);
  return composite('masked_fill', value instanceof Tensor ? [x, value] : [x], { mask }, () => where(mask, v, x));
}

/** In-place {@link maskedFill}. */
export function maskedFill_(x: Tensor, mask: Tensor, value: number | boolean | Complex | Tensor): Tensor {
  expectTensor('masked_fill_', 'input', 1, x);
  checkMask('masked_fill_', mask);
  const b = broadcastShapes(x._shape, mask._shape, 'masked_fill_');
  if (b.length !== x._shape.length || b.some((d, i) => d !== x._shape[i])) {
    throw new TorchRuntimeError('masked_fill_', `The size of tensor a (${x._shape.at(-1)}) must match the size of tensor b (${mask._shape.at(-1)}) at non-singleton dimension ${x._shape.length - 1}`);
  }
  return composite('masked_fill_', [x], { mask, inplace: true }, () => x.copy_(maskedFill(x, mask, value)));
}

/** The error for data-dependent ops on devices that read back only asynchronously. */
function needsAsync(op: string, x: Tensor, alternative: string): TorchRuntimeError {
  return new TorchRuntimeError(op, `${op}: the result's size depends on the data, which tensors on '${x.device}' can only read asynchronously; use await torch.${alternative}`);
}

/**
 * Coordinates of nonzero elements, as an int64 tensor of shape [count, ndim].
 * On asynchronous devices (WebGPU) use {@link nonzeroAsync}.
 * @example
 * ```ts pytorch=core.nonzero
 * const x = torch.tensor([[0, 1], [2, 0]]);
 * console.log(torch.nonzero(x)); // one row of indices per nonzero element
 * ```
 * ```text
 * tensor([[0, 1],
 *         [1, 0]])
 * ```
 */
export function nonzero(x: Tensor): Tensor {
  expectTensor('nonzero', 'input', 1, x);
  const flat = x.reshape(-1).ne(0);
  if (!flat._storage.backend.syncRead) throw needsAsync('nonzero', x, 'nonzeroAsync(x)');
  return nonzeroWithCount(x, flat, flat.sum().item() as number);
}

/** {@link nonzero} on any device: awaits the count of nonzero elements. */
export async function nonzeroAsync(x: Tensor): Promise<Tensor> {
  const flat = x.reshape(-1).ne(0);
  const count = Number((await flat.sum().data())[0]);
  return nonzeroWithCount(x, flat, count);
}

function nonzeroWithCount(x: Tensor, flat: Tensor, count: number): Tensor {
  const n = x._shape.length;
  const numel = flat.numel();
  // Positions of the selected elements: scatter i into slot cumsum(mask)[i] - 1.
  const slot = where(flat, flat.cumsum(0).sub(1), count);
  const positions = emptyTensor([count + 1], int64, x.device, 'nonzero');
  if (numel > 0) positions.scatter_(0, slot, arange(numel, { dtype: int64, device: x.device }));
  const flatIdx = positions.narrow(0, 0, count);
  if (n === 0) return emptyTensor([count, 0], int64, x.device, 'nonzero');
  const coords: Tensor[] = [];
  let rest = flatIdx;
  const strides = x.shape.map((_, i) => numelOf(x._shape.slice(i + 1)));
  for (let i = 0; i < n; i++) {
    coords.push(rest.div(strides[i]!, { roundingMode: 'floor' }));
    rest = rest.remainder(strides[i]!);
  }
  return stack(coords, 1);
}

/**
 * The elements of `x` where `mask` is true, as a 1-D tensor. On asynchronous
 * devices (WebGPU) use {@link maskedSelectAsync}.
 * @example
 * ```ts pytorch=core.maskedSelect
 * const x = torch.tensor([[1, -2], [-3, 4]]);
 * console.log(torch.maskedSelect(x, x.gt(0))); // always 1-D
 * ```
 * ```text
 * tensor([1, 4])
 * ```
 */
export function maskedSelect(x: Tensor, mask: Tensor): Tensor {
  expectTensor('masked_select', 'input', 1, x);
  checkMask('masked_select', mask);
  const shape = broadcastShapes(x._shape, mask._shape, 'masked_select');
  if (!mask._storage.backend.syncRead) throw needsAsync('masked_select', mask, 'maskedSelectAsync(x, mask)');
  const xs = x.expand(shape).reshape(-1);
  const idx = nonzero(mask.expand(shape).reshape(-1)).view(-1);
  return composite('masked_select', [x], { mask }, () => indexSelect(xs, 0, idx));
}

/** {@link maskedSelect} on any device: awaits the number of selected elements. */
export async function maskedSelectAsync(x: Tensor, mask: Tensor): Promise<Tensor> {
  checkMask('masked_select', mask);
  const shape = broadcastShapes(x._shape, mask._shape, 'masked_select');
  const xs = x.expand(shape).reshape(-1);
  const idx = (await nonzeroAsync(mask.expand(shape).reshape(-1))).view(-1);
  return composite('masked_select', [x], { mask }, () => indexSelect(xs, 0, idx));
}

/**
 * Options of `sort` and `argsort`: PyTorch's keyword arguments, given as the trailing options object
 * (`x.sort(1, { descending: true, stable: true })`).
 */
export interface SortOptions {
  /** Largest first (default `false`). */
  descending?: boolean;
  /** Keep equal elements in their original order. */
  stable?: boolean;
}

/**
 * Options of `topk`: PyTorch's keyword arguments, given as the trailing options object in the
 * position of `largest` (`x.topk(2, 1, { largest: false })`) or of `sorted`.
 */
export interface TopkOptions {
  /** The `k` largest elements (default `true`); `false` takes the `k` smallest. */
  largest?: boolean;
  /** Return the elements in sorted order (default `true`). */
  sorted?: boolean;
}

/** `descending` and `stable` of sort/argsort, positional or keyword; non-booleans are type errors. */
function sortArgs(op: string, descendingIn: unknown, opts: unknown): { descending: boolean; stable: boolean } {
  const kw = keywordArgs(op, ['descending'], [descendingIn, opts], ['stable']);
  return { descending: boolArg(op, 'descending', 3, kw.descending, false), stable: boolArg(op, 'stable', undefined, kw.stable, false) };
}

/**
 * Sorts along `dim`: `[values, indices]`. NaN sorts last (first when descending).
 * @example
 * ```ts pytorch=core.sort
 * const x = torch.tensor([3, 1, 2]);
 * const { values, indices } = torch.sort(x);
 * console.log(values, indices);
 * console.log(x.sort(0, true)); // descending
 * ```
 * ```text
 * tensor([1, 2, 3]) tensor([1, 2, 0])
 * torch.return_types.sort(
 * values=tensor([3, 2, 1]),
 * indices=tensor([0, 2, 1]))
 * ```
 */
export function sort(x: Tensor, dim = -1, descendingIn?: boolean | SortOptions, opts?: SortOptions): ValuesIndices {
  expectTensor('sort', 'input', 1, x);
  const { descending, stable } = sortArgs('sort', descendingIn, opts);
  const n = x._shape.length;
  if (n === 0) wrapDim(dim, 0, 'sort');
  if (n === 0) return valuesIndices(x.clone(), emptyTensor([], int64, x.device, 'sort'), 'sort');
  const d = wrapDim(dim, n, 'sort');
  const moved = x.transpose(d, n - 1);
  const values = emptyTensor(moved._shape, x.dtype, x.device, 'sort');
  const indices = emptyTensor(moved._shape, int64, x.device, 'sort');
  backendFor(x.device, x.dtype, 'sort').sort(refOf(moved), descending, stable, refOf(values), refOf(indices));
  const v = values.transpose(d, n - 1);
  const i = indices.transpose(d, n - 1);
  recordOp('sort', [x], [v], { dim: d, indices: i });
  return valuesIndices(v, i, 'sort');
}

/**
 * Indices that sort `x` along `dim`.
 * @example
 * ```ts pytorch=core.argsort
 * console.log(torch.argsort(torch.tensor([3, 1, 2])));
 * ```
 * ```text
 * tensor([1, 2, 0])
 * ```
 */
export function argsort(x: Tensor, dim = -1, descendingIn?: boolean | SortOptions, opts?: SortOptions): Tensor {
  expectTensor('argsort', 'input', 1, x);
  const { descending, stable } = sortArgs('argsort', descendingIn, opts);
  return sort(x, dim, descending, { stable }).indices;
}

/**
 * The `k` largest (or smallest) elements along `dim`: `[values, indices]`.
 * @example
 * ```ts pytorch=core.topk
 * const x = torch.tensor([1, 5, 2, 8, 3]);
 * console.log(torch.topk(x, 2));
 * console.log(x.topk(2, 0, false).values); // the 2 smallest
 * ```
 * ```text
 * torch.return_types.topk(
 * values=tensor([8, 5]),
 * indices=tensor([3, 1]))
 * tensor([1, 2])
 * ```
 */
export function topk(x: Tensor, k: number, dim = -1, largestIn?: boolean | TopkOptions, sortedIn?: boolean | TopkOptions): ValuesIndices {
  expectTensor('topk', 'input', 1, x);
  const kw = keywordArgs('topk', ['largest', 'sorted'], [largestIn, sortedIn]);
  const largest = boolArg('topk', 'largest', 4, kw.largest, true);
  const sorted = boolArg('topk', 'sorted', 5, kw.sorted, true);
  const n = x._shape.length;
  const d = n === 0 ? (wrapDim(dim, 0, 'topk'), 0) : wrapDim(dim, n, 'topk');
  const size = n === 0 ? 1 : x._shape[d]!;
  if (!Number.isInteger(k) || k < 0 || k > size) throw new TorchRuntimeError('topk', 'selected index k out of range');
  if ((x.dtype === bool || x.dtype.isComplex) && n > 0) throw new TorchRuntimeError('topk', `"topk_cpu" not implemented for '${cppName(x.dtype)}'`);
  void sorted;
  if (n === 0) {
    const s = sort(x, d, largest, { stable: true });
    return valuesIndices(s.values, s.indices, 'topk');
  }
  // Recorded as one node; its derivative needs the indices, known once computed.
  const attrs: Record<string, unknown> = { dim: d, indices: null };
  const v = composite('topk', [x], attrs, () => {
    const s = sort(x, d, largest, { stable: true });
    attrs.indices = s.indices.narrow(d, 0, k).contiguous();
    return s.values.narrow(d, 0, k).contiguous();
  });
  return valuesIndices(v, attrs.indices as Tensor, 'topk');
}

/**
 * Reverses the order along `dims`.
 * @example
 * ```ts pytorch=core.flip
 * const x = torch.tensor([[1, 2], [3, 4]]);
 * console.log(torch.flip(x, [0]));
 * console.log(x.flip([0, 1]));
 * ```
 * ```text
 * tensor([[3, 4],
 *         [1, 2]])
 * tensor([[4, 3],
 *         [2, 1]])
 * ```
 */
export function flip(x: Tensor, dims: number | readonly number[]): Tensor {
  expectTensor('flip', 'input', 1, x);
  expectIntOrList('flip', 'dims', 2, dims);
  const given = typeof dims === 'number' ? [dims] : dims;
  const list = given.length === 0 ? [] : normalizeDims(given, x._shape.length, 'flip');
  return composite('flip', [x], { dims: list }, () => {
    let r = x;
    for (const d of list) {
      const size = x._shape[d]!;
      r = indexSelect(r, d, arange(size - 1, -1, -1, { dtype: int64, device: x.device }));
    }
    return list.length === 0 ? x.clone() : r;
  });
}

/**
 * Rolls elements along `dims` by `shifts` (flattened when dims is omitted).
 * @example
 * ```ts pytorch=core.roll
 * const x = torch.arange(5);
 * console.log(torch.roll(x, 2)); // what falls off the end comes back at the start
 * console.log(x.roll(-1));
 * ```
 * ```text
 * tensor([3, 4, 0, 1, 2])
 * tensor([1, 2, 3, 4, 0])
 * ```
 */
export function roll(x: Tensor, shifts: number | readonly number[], dims?: number | readonly number[]): Tensor {
  expectTensor('roll', 'input', 1, x);
  return composite('roll', [x], { shifts, dims }, () => rollImpl(x, shifts, dims));
}

function rollImpl(x: Tensor, shifts: number | readonly number[], dims?: number | readonly number[]): Tensor {
  expectIntOrList('roll', 'shifts', 2, shifts);
  if (dims !== undefined) expectIntOrList('roll', 'dims', 3, dims);
  const sh = typeof shifts === 'number' ? [shifts] : [...shifts];
  if (sh.length === 0) throw new TorchRuntimeError('roll', '`shifts` required');
  const ds0 = dims === undefined ? [] : typeof dims === 'number' ? [dims] : dims;
  if (ds0.length > 0 && sh.length !== ds0.length) throw new TorchRuntimeError('roll', `shifts and dimensions must align. shifts: ${sh.length}, dims:${ds0.length}`);
  if (x.numel() === 0) return x.clone(); // PyTorch's roll returns early, before looking at dims
  if (dims === undefined || (Array.isArray(dims) && dims.length === 0)) {
    if (sh.length !== 1) throw new TorchRuntimeError('roll', `roll: shifts and dimensions must align. shifts: ${sh.length}, dims:0`);
    return rollImpl(x.reshape(-1), sh[0]!, 0).view(x._shape);
  }
  const ds = typeof dims === 'number' ? [dims] : [...dims];
  if (sh.length !== ds.length) throw new TorchRuntimeError('roll', `shifts and dimensions must align. shifts: ${sh.length}, dims:${ds.length}`);
  let r = x;
  ds.forEach((dim, i) => {
    if (x._shape.length === 0) throw new TorchIndexError('roll', `Dimension specified as ${dim} but tensor has no dimensions`);
    const d = wrapDim(dim, x._shape.length, 'roll');
    const size = x._shape[d]!;
    if (size === 0) return;
    const s = ((sh[i]! % size) + size) % size;
    if (s === 0) return;
    r = cat([narrow(r, d, size - s, s), narrow(r, d, 0, size - s)], d);
  });
  return r === x ? x.clone() : r;
}

/**
 * Repeats the tensor along each dim (`x.repeat(2, 3)`); extra leading sizes add dims.
 * @example
 * ```ts pytorch=core.repeat
 * const x = torch.tensor([1, 2]);
 * console.log(x.repeat(2, 2)); // copies the data, unlike expand
 * ```
 * ```text
 * tensor([[1, 2, 1, 2],
 *         [1, 2, 1, 2]])
 * ```
 */
export function repeat(x: Tensor, ...sizes: (number | readonly number[])[]): Tensor {
  expectTensor('repeat', 'input', 1, x);
  const reps = (sizes.length === 1 && Array.isArray(sizes[0]) ? sizes[0] : sizes) as number[];
  if (reps.length < x._shape.length) {
    throw new TorchRuntimeError('repeat', 'Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor');
  }
  const lead = reps.length - x._shape.length;
  const padded = [...new Array<number>(lead).fill(1), ...x._shape];
  const xv = x.reshape(padded);
  // [s0, s1, …] → [1, s0, 1, s1, …] → expand to [r0, s0, r1, s1, …] → merge pairs.
  const inter: number[] = [];
  const expanded: number[] = [];
  padded.forEach((s, i) => {
    inter.push(1, s);
    expanded.push(reps[i]!, s);
  });
  return composite('repeat', [x], { repeats: reps }, () => {
    const c = xv.reshape(inter).expand(expanded).contiguous();
    // All-ones repeats of a contiguous x expand to x itself: repeat always copies.
    return (c._storage === x._storage ? c.clone() : c).view(padded.map((s, i) => s * reps[i]!));
  });
}

/**
 * Like {@link repeat}, padding `dims` with leading 1s when shorter than ndim.
 * @example
 * ```ts pytorch=core.tile
 * console.log(torch.tile(torch.tensor([[1, 2]]), [2]));
 * ```
 * ```text
 * tensor([[1, 2, 1, 2]])
 * ```
 */
export function tile(x: Tensor, dims: readonly number[]): Tensor {
  expectTensor('tile', 'input', 1, x);
  expectIntList('tile', 'dims', 2, dims);
  const reps = dims.length < x._shape.length ? [...new Array<number>(x._shape.length - dims.length).fill(1), ...dims] : dims;
  return repeat(x, reps);
}

function triangle(op: 'tril' | 'triu', x: Tensor, diagonal: number): Tensor {
  const n = x._shape.length;
  // PyTorch 2.x's check (aten/src/ATen/native/TriangularOps.cpp); 1.13 let wrapDim(-2) fail.
  if (n < 2) throw new TorchRuntimeError(op, `${op}: input tensor must have at least 2 dimensions`);
  const rows = x._shape[n - 2]!;
  const cols = x._shape[n - 1]!;
  const r = arange(rows, { dtype: int64, device: x.device }).view(rows, 1);
  const c = arange(cols, { dtype: int64, device: x.device });
  const keep = op === 'tril' ? c.sub(r).le(diagonal) : c.sub(r).ge(diagonal);
  return composite(op, [x], { diagonal }, () => where(keep, x, 0).to(x.dtype));
}

/**
 * Lower triangle (elements with col − row ≤ diagonal), others zero.
 * @example
 * ```ts pytorch=core.tril
 * const x = torch.ones(3, 3);
 * console.log(torch.tril(x));
 * console.log(torch.tril(x, -1)); // below the diagonal only
 * ```
 * ```text
 * tensor([[1., 0., 0.],
 *         [1., 1., 0.],
 *         [1., 1., 1.]])
 * tensor([[0., 0., 0.],
 *         [1., 0., 0.],
 *         [1., 1., 0.]])
 * ```
 */
export function tril(x: Tensor, diagonal = 0): Tensor {
  expectTensor('tril', 'input', 1, x);
  return triangle('tril', x, diagonal);
}

/**
 * Upper triangle (elements with col − row ≥ diagonal), others zero.
 * @example
 * ```ts pytorch=core.triu
 * console.log(torch.triu(torch.arange(1, 10).view(3, 3)));
 * ```
 * ```text
 * tensor([[1, 2, 3],
 *         [0, 5, 6],
 *         [0, 0, 9]])
 * ```
 */
export function triu(x: Tensor, diagonal = 0): Tensor {
  expectTensor('triu', 'input', 1, x);
  return triangle('triu', x, diagonal);
}

/** Broadcasts tensors to one shape (views). */
export function broadcastTensors(...tensors: Tensor[]): Tensor[] {
  expectTensorList('broadcast_tensors', 0, tensors);
  const shape = tensors.reduce<readonly number[]>((s, t) => broadcastShapes(s, t._shape, 'broadcast_tensors'), []);
  return tensors.map((t) => makeView(t, [...shape], broadcastStrides(t._shape, t._strides, shape), t._offset, 'expand', { shape: [...shape], inputShape: [...t._shape] }));
}

