/**
 * The indexing and scatter family, with PyTorch 1.13 semantics: index assignment
 * (`setIndex_`, PyTorch's `x[...] = v`, and `index_put`), index_add/copy/fill/reduce,
 * masked_scatter, take, take_along_dim, put and scatter_reduce, and einsum.
 *
 * Everything is a composite of existing ops (gather/scatter/index_select/where/bmm), so
 * both backends and autograd come for free; in-place forms write through scatter_/copy_,
 * which carry PyTorch's in-place rules (leaf and view checks, version counters).
 * Arguments are checked and indices bounds-checked before anything is written; on devices
 * that read back only asynchronously (WebGPU) the bounds checks are the kernels' own,
 * reported at the next read, as for `gather`.
 */
import { needsGrad, notifyInplace } from '../autograd-hook.js';
import { type DType, bool, int64 } from '../dtype.js';
import { TorchIndexError, TorchRuntimeError, TorchTypeError, TorchValueError, fmtShape } from '../errors.js';
import { broadcastShapes, numelOf, wrapDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { expectScalar, expectTensor, expectTensorList } from '../validate.js';
import { type AdvancedIndexSpec, type Prefetched, hasTensorIndex, planAdvanced } from './advanced-index.js';
import { scalarTensor, zeros } from './creation.js';
import { backendFor, emptyTensor, refOf } from './dispatch.js';
import { bumpVersion, checkWritable, where } from './elementwise.js';
import { indexSelect, maskedFill, maskedFill_, nonzero, nonzeroAsync, scatter_, scatterAdd_ } from './indexing.js';
import { bmm } from './linalg.js';
import { cppName } from './promotion.js';
import { type IndexSpec, asStrided, index as basicIndex, permute } from './views.js';
import { Complex } from '../complex/scalar.js';

// ---------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------

const isSync = (t: Tensor): boolean => t._storage.backend.syncRead;

/** [min, max] of an integer tensor on a synchronous device (null when empty or asynchronous). */
function syncRange(t: Tensor): [number, number] | null {
  if (t.numel() === 0 || !isSync(t)) return null;
  return [t.min().item() as number, t.max().item() as number];
}

/** Negative indices counted from the end (`i < 0 ? i + size : i`). */
function wrapNegative(idx: Tensor, size: number): Tensor {
  return idx.add(idx.lt(0).mul(size));
}

/** `idx` (1-D, length n) as an index of `shape` along `d`: viewed along d and expanded. */
function alongDim(idx: Tensor, d: number, shape: readonly number[]): Tensor {
  const v = shape.map((_, i) => (i === d ? -1 : 1));
  return idx.view(v).expand([...shape]);
}

/** Whether `shape` broadcasts to `target` (without growing it). */
function broadcastsTo(shape: readonly number[], target: readonly number[]): boolean {
  if (shape.length > target.length) return false;
  return shape.every((s, i) => s === 1 || s === target[target.length - shape.length + i]);
}

/** The shape without `d`. */
const dropDim = (s: readonly number[], d: number) => s.filter((_, i) => i !== d);

/** A 1-D int64 view of a ≤1-D index (0-d indices hold one element). */
const asVector = (index: Tensor): Tensor => (index.dtype === int64 ? index : index.to(int64)).reshape(-1);

/** In place when `inplace`, otherwise on a copy. */
function target(x: Tensor, inplace: boolean, op: string): Tensor {
  if (!inplace) return x.clone();
  checkWritable(x, op);
  return x;
}

// ---------------------------------------------------------------------------------------
// index_add / index_copy / index_fill
// ---------------------------------------------------------------------------------------

/** Options of index_add. */
export interface IndexAddOptions {
  /** The multiplier of `source` (default 1). */
  alpha?: number;
}

/** PyTorch's index_func_meta_impl checks, shared by index_add and index_reduce. */
function indexFuncChecks(op: string, x: Tensor, dim: number, index: Tensor, source: Tensor): number {
  const d = wrapDim(dim, Math.max(x._shape.length, 1), op);
  if (index._shape.length > 1) {
    throw new TorchIndexError(op, `${op}(): Index is supposed to be a vector, but got dim: ${index._shape.length} with type: ${cppName(index.dtype)} and size: ${fmtShape(index._shape)}`);
  }
  if (index.dtype !== int64 && index.dtype.name !== 'int32') {
    throw new TorchRuntimeError(op, `${op}(): Expected dtype int32/int64 for index but got: ${cppName(index.dtype)}`);
  }
  if (x.dtype !== source.dtype) {
    throw new TorchRuntimeError(op, `${op}(): self (${cppName(x.dtype)}) and source (${cppName(source.dtype)}) must have the same scalar type`);
  }
  if (!(d === 0 || d < source._shape.length)) {
    throw new TorchIndexError(op, `${op}(): Indexing dim ${d} is out of bounds of the source tensor with dim ${source._shape.length}`);
  }
  const n = index.numel();
  const srcLen = source._shape.length === 0 ? 1 : source._shape[d]!;
  if (n !== srcLen) {
    throw new TorchRuntimeError(op, `${op}(): Number of indices (${n}) should be equal to source.size(dim): (${srcLen}), for dim: ${d}`);
  }
  return d;
}

/** Bounds of a 1-D index for index_add/index_reduce: no negatives, PyTorch's "index out of range in self". */
function checkInRange(op: string, index: Tensor, size: number): void {
  if (index.numel() > 0 && !isSync(index)) {
    // On the device: an index_select over `size` slots reports PyTorch's text for this
    // check at the next read, before the scatter's own (the first error reported wins).
    indexSelect(zeros([size], { dtype: bool, device: index.device }), 0, index);
    return;
  }
  const r = syncRange(index);
  if (r !== null && (r[0] < 0 || r[1] >= size)) throw new TorchIndexError(op, 'index out of range in self');
}

/**
 * `source` laid out for a scatter along `d` into `x`: same rank as x, broadcast over
 * x's other dims (PyTorch adds slices with broadcasting), with the index expanded to it.
 */
function scatterOperands(op: string, x: Tensor, d: number, idx: Tensor, source: Tensor): { src: Tensor; index: Tensor } {
  const n = x._shape.length;
  if (n === 0) return { src: source.reshape([]), index: idx.reshape([]) };
  const len = idx._shape[0]!;
  const xs = dropDim(x._shape, d);
  const ss = source._shape.length === 0 ? [] : dropDim(source._shape, d);
  const b = broadcastShapes(xs, ss, op);
  if (b.length !== xs.length || b.some((v, i) => v !== xs[i])) {
    throw new TorchRuntimeError(op, `output with shape ${fmtShape(xs)} doesn't match the broadcast shape ${fmtShape(b)}`);
  }
  // [len, ...source slice] → broadcast to [len, ...x slice] → index dim back at d.
  const front = source._shape.length === 0 ? source.reshape([1]) : source.movedim(d, 0);
  const lead = front.reshape([len, ...new Array<number>(xs.length - ss.length).fill(1), ...ss]).expand([len, ...xs]);
  const src = lead.movedim(0, d);
  return { src, index: alongDim(idx, d, src._shape) };
}

function indexAddImpl(op: string, x: Tensor, dim: number, index: Tensor, source: Tensor, alpha: number, inplace: boolean): Tensor {
  expectTensor(op, 'input', 1, x);
  expectTensor(op, 'index', 3, index);
  expectTensor(op, 'source', 4, source);
  const d = indexFuncChecks('index_add_', x, dim, index, source);
  // Integer tensors take alpha cast to their type (truncated), as PyTorch's kernel does.
  if (!x.dtype.isFloatingPoint) alpha = x.dtype === bool ? Number(alpha !== 0) : Math.trunc(alpha);
  const idx = asVector(index);
  if (x._shape.length === 0) {
    const r = indexAddImpl(op, x.view(1), 0, idx, source.reshape(-1), alpha, inplace);
    return inplace ? x : r.view([]);
  }
  const { src, index: ie } = scatterOperands('index_add_', x, d, idx, source);
  checkInRange('index_add_', idx, x._shape.length === 0 ? 1 : x._shape[d]!);
  const out = target(x, inplace, op);
  const scaled = alpha === 1 ? src : src.mul(alpha).to(x.dtype);
  return scatterAdd_(out, x._shape.length === 0 ? 0 : d, ie, scaled);
}

/**
 * Adds `alpha * source` into the slices of `x` along `dim` picked by `index` (1-D int64/int32):
 * `out[index[i]] += alpha * source[i]` (for dim 0); repeated indices accumulate.
 * @example
 * ```ts pytorch=core.indexAdd
 * console.log(torch.indexAdd(torch.zeros([3]), 0, torch.tensor([0, 0, 2]), torch.tensor([1, 2, 3], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([3., 0., 3.])
 * ```
 */
export function indexAdd(x: Tensor, dim: number, index: Tensor, source: Tensor, opts?: IndexAddOptions): Tensor {
  return indexAddImpl('index_add', x, dim, index, source, opts?.alpha ?? 1, false);
}

/** In-place {@link indexAdd}. */
export function indexAdd_(x: Tensor, dim: number, index: Tensor, source: Tensor, opts?: IndexAddOptions): Tensor {
  return indexAddImpl('index_add_', x, dim, index, source, opts?.alpha ?? 1, true);
}

function indexCopyImpl(op: string, x: Tensor, dim: number, index: Tensor, source: Tensor, inplace: boolean): Tensor {
  expectTensor(op, 'input', 1, x);
  expectTensor(op, 'index', 3, index);
  expectTensor(op, 'source', 4, source);
  const name = 'index_copy_';
  const d = wrapDim(dim, Math.max(x._shape.length, 1), op);
  if (index._shape.length >= 2) throw new TorchIndexError(op, `${name}(): Index should have dimension 1 or 0 (got ${index._shape.length})`);
  const n = index.numel();
  if (source._shape.length === 0 && n !== 1) throw new TorchIndexError(op, `${name}(): When source is scalar, index should have one element (got ${n})`);
  if (source._shape.length > 0 && x._shape.length > 0 && source._shape.length !== x._shape.length) {
    throw new TorchIndexError(op, `${name}(): When source and destination are not scalars, their dimensionality must match. Source dimensionality (${source._shape.length}), destination dimensionality (${x._shape.length})`);
  }
  if (index.dtype !== int64) throw new TorchRuntimeError(op, `${name}(): Expected a long tensor for index, but got ${cppName(index.dtype)}`);
  if (x.dtype !== source.dtype) {
    throw new TorchRuntimeError(op, `${name}(): self and source expected to have the same dtype, but got (self) ${cppName(x.dtype)} and (source) ${cppName(source.dtype)}`);
  }
  const srcLen = source._shape.length === 0 ? 1 : source._shape[d]!;
  if (n !== srcLen) throw new TorchIndexError(op, `${name}(): Number of indices (${n}) should be equal to source.size(dim) (${srcLen})`);
  if (x._shape.length > 0 && source._shape.length > 0) {
    for (let k = 0; k < x._shape.length; k++) {
      if (k !== d && x._shape[k] !== source._shape[k]) {
        throw new TorchRuntimeError(op, `${name}(): Source/destination tensor must have same slice shapes. Destination slice shape: ${dropDim(x._shape, d).join(' ')} at dimension ${d} and source slice shape: ${dropDim(source._shape, d).join(' ')} at dimension 0.`);
      }
    }
  }
  const idx = asVector(index);
  const size = x._shape.length === 0 ? 1 : x._shape[d]!;
  const r = syncRange(idx);
  if (r !== null && (r[0] < 0 || r[1] >= size)) {
    throw new TorchIndexError(op, `${name}(): index ${r[1] >= size ? r[1] : r[0]} is out of bounds for dimension ${d} with size ${size}`);
  }
  const out = target(x, inplace, op);
  if (x._shape.length === 0) return scatter_(out, 0, idx.reshape([]), source.reshape([]));
  const shape = [...x._shape];
  shape[d] = n;
  return scatter_(out, d, alongDim(idx, d, shape), source.reshape(shape));
}

/**
 * Copies the slices of `source` into `x` along `dim` at `index` (1-D int64):
 * `out[index[i]] = source[i]` (for dim 0).
 */
export function indexCopy(x: Tensor, dim: number, index: Tensor, source: Tensor): Tensor {
  return indexCopyImpl('index_copy', x, dim, index, source, false);
}

/** In-place {@link indexCopy}. */
export function indexCopy_(x: Tensor, dim: number, index: Tensor, source: Tensor): Tensor {
  return indexCopyImpl('index_copy_', x, dim, index, source, true);
}

/** The bool mask of `x`'s shape that is true on the slices `index` picks along `d`. */
function sliceMask(op: string, x: Tensor, dim: number, index: Tensor): Tensor {
  const n = x._shape.length;
  const d = wrapDim(dim, Math.max(n, 1), op);
  if (index._shape.length > 1) throw new TorchRuntimeError(op, `Index has to be a vector/scalar`);
  if (index.dtype !== int64) throw new TorchIndexError(op, `index_fill_(): Expected dtype int64 for index.`);
  const size = n === 0 ? 1 : x._shape[d]!;
  const idx = asVector(index);
  const r = syncRange(idx);
  if (r !== null && (r[0] < -size || r[1] >= size)) {
    throw new TorchIndexError(op, `index ${r[1] >= size ? r[1] : r[0]} is out of bounds for dimension ${d} with size ${size}`);
  }
  const flags = zeros([size], { dtype: bool, device: x.device });
  if (idx.numel() > 0) scatter_(flags, 0, wrapNegative(idx, size), true);
  return n === 0 ? flags.reshape([]) : flags.view(x._shape.map((s, i) => (i === d ? s : 1)));
}

function checkFillValue(op: string, x: Tensor, value: number | boolean | Complex | Tensor): void {
  if (value instanceof Complex) {
    if (!x.dtype.isComplex) throw new TorchRuntimeError(op, 'index_fill_(): Converting complex Scalar to non-complex type is not supported');
  } else if (value instanceof Tensor) {
    if (value._shape.length !== 0) {
      throw new TorchRuntimeError(op, `index_fill_ only supports a 0-dimensional value tensor, but got tensor with ${value._shape.length} dimension(s).`);
    }
  } else expectScalar(op, 'value', 4, value);
}

/**
 * `x` with the slices along `dim` at `index` (int64, negative counts from the end) set to
 * `value` (a number or a 0-d tensor).
 */
export function indexFill(x: Tensor, dim: number, index: Tensor, value: number | boolean | Complex | Tensor): Tensor {
  expectTensor('index_fill', 'input', 1, x);
  expectTensor('index_fill', 'index', 3, index);
  checkFillValue('index_fill', x, value);
  return maskedFill(x, sliceMask('index_fill', x, dim, index), value);
}

/** In-place {@link indexFill}. */
export function indexFill_(x: Tensor, dim: number, index: Tensor, value: number | boolean | Complex | Tensor): Tensor {
  expectTensor('index_fill_', 'input', 1, x);
  expectTensor('index_fill_', 'index', 3, index);
  checkFillValue('index_fill_', x, value);
  return maskedFill_(x, sliceMask('index_fill_', x, dim, index), value);
}

// ---------------------------------------------------------------------------------------
// scatter_reduce / index_reduce
// ---------------------------------------------------------------------------------------

/** A reduction of scatter_reduce. */
export type ScatterReduceMode = 'sum' | 'prod' | 'mean' | 'amax' | 'amin';

/** Options of scatter_reduce and index_reduce. */
export interface ScatterReduceOptions {
  /** Whether `self`'s values take part in the reduction (default true). */
  includeSelf?: boolean;
}

/** The identity of a reduction in a dtype (what a slot starts from when self is left out). */
function identityOf(reduce: ScatterReduceMode, dtype: DType): number {
  if (reduce === 'prod') return 1;
  if (reduce === 'sum' || reduce === 'mean') return 0;
  const big = dtype.isFloatingPoint ? Infinity : dtype === bool ? 1 : dtype.name === 'uint8' ? 255 : dtype.name === 'int32' ? 2147483647 : Number.MAX_SAFE_INTEGER;
  const small = dtype.isFloatingPoint ? -Infinity : dtype === bool || dtype.name === 'uint8' ? 0 : dtype.name === 'int32' ? -2147483648 : Number.MIN_SAFE_INTEGER;
  return reduce === 'amax' ? small : big;
}

/** The kernel's values of scatter_reduce, written into `out` (no autograd record). */
function scatterReduceRaw(out: Tensor, d: number, index: Tensor, src: Tensor, reduce: ScatterReduceMode, includeSelf: boolean): Tensor {
  const b = backendFor(out.device, out.dtype, 'scatter_reduce');
  if (index.numel() === 0) return out;
  // Left out, self's slots start from the identity (sum, prod, mean) or from one of their own
  // values (amax, amin: any member of the group leaves its extremum unchanged).
  if (!includeSelf) b.scatter(refOf(out), d, refOf(index), reduce === 'amax' || reduce === 'amin' ? refOf(src) : identityOf(reduce, out.dtype), 'none');
  const kernel = reduce === 'sum' || reduce === 'mean' ? 'add' : reduce === 'prod' ? 'multiply' : reduce;
  b.scatter(refOf(out), d, refOf(index), refOf(src), kernel);
  if (reduce === 'mean') {
    const count = zeros(out._shape, { dtype: out.dtype, device: out.device });
    b.scatter(refOf(count), d, refOf(index), 1, 'add');
    const c = includeSelf ? count.add(1) : count;
    const safe = where(c.eq(0), 1, c).to(out.dtype);
    const q = out.dtype.isFloatingPoint ? out.div(safe) : out.div(safe, { roundingMode: 'floor' });
    b.copy(refOf(q.to(out.dtype)), refOf(out));
  }
  return out;
}

/** x with only its gradient path kept: its values zeroed exactly (+0), its derivative 1. */
function zeroWithGrad(x: Tensor): Tensor {
  const xd = x.detach();
  const fin = xd.isfinite();
  return where(fin, x, 0).sub(where(fin, xd, 0));
}

/**
 * Gives the kernel result `r` the first-order derivatives `coefSelf` (w.r.t. self) and
 * `coefSrc` (w.r.t. src, scattered along `d` at `index`) without changing its values:
 * `r - (E - E.detach())` with `E = −(coefSelf·self + scatter_add(coefSrc·src))` evaluated on
 * exact zeros (`x − x.detach()`), so every value of `r` (signed zeros included) is kept.
 */
function withDerivatives(r: Tensor, self: Tensor, src: Tensor, d: number, index: Tensor, coefSelf: Tensor, coefSrc: Tensor): Tensor {
  const clean = (c: Tensor) => where(c.isfinite(), c, 0).detach();
  const zs = zeroWithGrad(self).mul(clean(coefSelf));
  const zsrc = zeroWithGrad(src).mul(clean(coefSrc));
  const e = zs.scatterAdd(d, index, zsrc).neg();
  const f = e.sub(e.detach());
  return r.detach().sub(f);
}

/** Differentiable scatter_reduce on a fresh tensor `out` that equals `self`. */
function scatterReduceInto(out: Tensor, self: Tensor, d: number, index: Tensor, src: Tensor, reduce: ScatterReduceMode, includeSelf: boolean): Tensor {
  const grad = needsGrad([self, src]);
  if (!grad) return scatterReduceRaw(out, d, index, src, reduce, includeSelf);
  if (reduce === 'sum' || reduce === 'mean') {
    let r = includeSelf ? self : self.scatter(d, index, 0);
    r = r.scatterAdd(d, index, src);
    if (reduce === 'sum') return r;
    const count = zeros(self._shape, { dtype: self.dtype, device: self.device }).scatterAdd(d, index, src.detach().mul(0).add(1).to(self.dtype));
    const c = includeSelf ? count.add(1) : count;
    const safe = where(c.eq(0), 1, c).to(self.dtype);
    return self.dtype.isFloatingPoint ? r.div(safe) : r.div(safe, { roundingMode: 'floor' });
  }
  const r = scatterReduceRaw(self.detach().clone(), d, index, src.detach(), reduce, includeSelf);
  const selfD = self.detach();
  const srcD = src.detach();
  const scattered = zeros(self._shape, { dtype: bool, device: self.device }).scatter(d, index, true);
  const selfIn = includeSelf ? null : scattered;
  let coefSelf: Tensor;
  let coefSrc: Tensor;
  if (reduce === 'amax' || reduce === 'amin') {
    // PyTorch's scatter_reduce_backward: the gradient is shared evenly by the elements equal
    // to the result, self's counted even when left out (then its own share is dropped).
    const value = r.gather(d, index);
    const selfIs = selfD.eq(r);
    const srcIs = srcD.eq(value);
    const n = selfIs.to(self.dtype).scatterAdd(d, index, srcIs.to(self.dtype));
    coefSelf = selfIs.to(self.dtype).div(n);
    if (selfIn) coefSelf = where(selfIn, 0, coefSelf);
    coefSrc = srcIs.to(self.dtype).div(n.gather(d, index));
  } else {
    // prod: PyTorch's scatter_reduce_backward (zeros handled by masking them to one).
    const selfZero = selfD.eq(0);
    const maskedSelf = where(selfZero, 1, selfD).to(self.dtype);
    const maskedSelfResult = scatterReduceRaw(maskedSelf.clone(), d, index, srcD, 'prod', includeSelf);
    coefSelf = maskedSelfResult.div(maskedSelf);
    if (selfIn) coefSelf = where(selfIn, 0, coefSelf);
    const srcZero = srcD.eq(0);
    const zerosPer = zeros(self._shape, { dtype: self.dtype, device: self.device }).scatterAdd(d, index, srcZero.to(self.dtype)).gather(d, index);
    const single = srcZero.logicalAnd(zerosPer.eq(1));
    const maskedSrc = where(single, 1, srcD).to(self.dtype);
    const maskedSrcResult = scatterReduceRaw(selfD.clone(), d, index, maskedSrc, 'prod', includeSelf);
    coefSrc = where(single, maskedSrcResult.gather(d, index), r.gather(d, index).div(where(srcZero, 1, srcD)));
  }
  return withDerivatives(r, self, src, d, index, coefSelf, coefSrc);
}

const REDUCTIONS = ['sum', 'prod', 'mean', 'amax', 'amin'];

function scatterReduceImpl(op: string, x: Tensor, dim: number, index: Tensor, src: Tensor, reduce: string, includeSelf: boolean, inplace: boolean): Tensor {
  expectTensor(op, 'input', 1, x);
  expectTensor(op, 'index', 3, index);
  expectTensor(op, 'src', 4, src);
  if (!REDUCTIONS.includes(reduce)) throw new TorchRuntimeError(op, 'reduce argument must be either sum, prod, mean, amax or amin.');
  const n = x._shape.length;
  const d = wrapDim(dim, Math.max(n, 1), op);
  if (index.dtype !== int64 && index.numel() > 0) throw new TorchRuntimeError(op, `scatter(): Expected dtype int64 for index`);
  if (src.dtype !== x.dtype) throw new TorchRuntimeError(op, 'scatter(): Expected self.dtype to be equal to src.dtype');
  if (index._shape.length !== n && !(n === 0 && index._shape.length <= 1)) {
    throw new TorchRuntimeError(op, 'Index tensor must have the same number of dimensions as self tensor');
  }
  if (index.numel() > 0) {
    for (let k = 0; k < n; k++) {
      if (index._shape[k]! > src._shape[k]!) {
        throw new TorchRuntimeError(op, `Expected index ${fmtShape(index._shape)} to be smaller than self ${fmtShape(x._shape)} apart from dimension ${d} and to be smaller size than src ${fmtShape(src._shape)}`);
      }
    }
    for (let k = 0; k < n; k++) {
      if (k !== d && index._shape[k]! > x._shape[k]!) {
        throw new TorchRuntimeError(op, `Expected index ${fmtShape(index._shape)} to be smaller than self ${fmtShape(x._shape)} apart from dimension ${d}`);
      }
    }
  }
  const size = n === 0 ? 1 : x._shape[d]!;
  const r = syncRange(index);
  if (r !== null && (r[0] < 0 || r[1] >= size)) {
    throw new TorchRuntimeError(op, `index ${r[1] >= size ? r[1] : r[0]} is out of bounds for dimension ${d} with size ${size}`);
  }
  const idx = n === 0 ? index.reshape([]) : index;
  // src is read over index's shape.
  const s = n === 0 ? src.reshape([]) : idx._shape.some((v, k) => v !== src._shape[k]) ? sliceTo(src, idx._shape) : src;
  const dd = n === 0 ? 0 : d;
  if (!inplace) return scatterReduceInto(x.clone(), x, dd, idx, s, reduce as ScatterReduceMode, includeSelf);
  checkWritable(x, op);
  if (!needsGrad([x, s])) {
    notifyInplace(x, op);
    scatterReduceRaw(x, dd, idx, s, reduce as ScatterReduceMode, includeSelf);
    bumpVersion(x);
    return x;
  }
  return x.copy_(scatterReduceInto(x.clone(), x, dd, idx, s, reduce as ScatterReduceMode, includeSelf));
}

/** The leading `shape` block of `t` (a view). */
function sliceTo(t: Tensor, shape: readonly number[]): Tensor {
  let v = t;
  shape.forEach((len, k) => {
    if (v._shape[k] !== len) v = v.narrow(k, 0, len);
  });
  return v;
}

/**
 * Reduces the values of `src` into `x` along `dim` at `index` (as scatter):
 * `reduce` is `'sum'`, `'prod'`, `'mean'`, `'amax'` or `'amin'`; with `includeSelf: false`
 * the slots that receive values start from the reduction's identity instead of x's value.
 * @example
 * ```ts pytorch=core.scatterReduce
 * const src = torch.tensor([1, 5, 2], { dtype: 'float32' });
 * console.log(torch.scatterReduce(torch.zeros([3]), 0, torch.tensor([0, 0, 2]), src, 'amax'));
 * ```
 * ```text
 * tensor([5., 0., 2.])
 * ```
 */
export function scatterReduce(x: Tensor, dim: number, index: Tensor, src: Tensor, reduce: ScatterReduceMode, opts?: ScatterReduceOptions): Tensor {
  return scatterReduceImpl('scatter_reduce', x, dim, index, src, reduce, opts?.includeSelf ?? true, false);
}

/** In-place {@link scatterReduce}. */
export function scatterReduce_(x: Tensor, dim: number, index: Tensor, src: Tensor, reduce: ScatterReduceMode, opts?: ScatterReduceOptions): Tensor {
  return scatterReduceImpl('scatter_reduce_', x, dim, index, src, reduce, opts?.includeSelf ?? true, true);
}

/** A reduction of index_reduce. */
export type IndexReduceMode = 'prod' | 'mean' | 'amax' | 'amin';

function indexReduceImpl(op: string, x: Tensor, dim: number, index: Tensor, source: Tensor, reduce: string, includeSelf: boolean, inplace: boolean): Tensor {
  expectTensor(op, 'input', 1, x);
  expectTensor(op, 'index', 3, index);
  expectTensor(op, 'source', 4, source);
  const d = indexFuncChecks('index_reduce_', x, dim, index, source);
  if (!['prod', 'mean', 'amax', 'amin'].includes(reduce)) {
    throw new TorchRuntimeError(op, `index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got ${reduce}.`);
  }
  const idx = asVector(index);
  if (x._shape.length === 0) {
    const r = indexReduceImpl(op, x.view(1), 0, idx, source.reshape(-1), reduce, includeSelf, inplace);
    return inplace ? x : r.view([]);
  }
  const { src, index: ie } = scatterOperands('index_reduce_', x, d, idx, source);
  checkInRange('index_reduce_', idx, x._shape.length === 0 ? 1 : x._shape[d]!);
  const dd = x._shape.length === 0 ? 0 : d;
  const s = src.contiguous();
  if (!inplace) return scatterReduceInto(x.clone(), x, dd, ie, s, reduce as ScatterReduceMode, includeSelf);
  checkWritable(x, op);
  if (!needsGrad([x, s])) {
    notifyInplace(x, op);
    scatterReduceRaw(x, dd, ie, s, reduce as ScatterReduceMode, includeSelf);
    bumpVersion(x);
    return x;
  }
  return x.copy_(scatterReduceInto(x.clone(), x, dd, ie, s, reduce as ScatterReduceMode, includeSelf));
}

/**
 * Reduces the slices of `source` into `x` along `dim` at `index` (1-D): `reduce` is
 * `'prod'`, `'mean'`, `'amax'` or `'amin'`; `includeSelf: false` leaves x's own values out
 * of the slices that receive any.
 */
export function indexReduce(x: Tensor, dim: number, index: Tensor, source: Tensor, reduce: IndexReduceMode, opts?: ScatterReduceOptions): Tensor {
  return indexReduceImpl('index_reduce', x, dim, index, source, reduce, opts?.includeSelf ?? true, false);
}

/** In-place {@link indexReduce}. */
export function indexReduce_(x: Tensor, dim: number, index: Tensor, source: Tensor, reduce: IndexReduceMode, opts?: ScatterReduceOptions): Tensor {
  return indexReduceImpl('index_reduce_', x, dim, index, source, reduce, opts?.includeSelf ?? true, true);
}

// ---------------------------------------------------------------------------------------
// take / take_along_dim / put / masked_scatter
// ---------------------------------------------------------------------------------------

/** Flat-index bounds of take/put: negative counts from the end. */
function checkFlat(op: string, index: Tensor, numel: number): void {
  const r = syncRange(index);
  if (r === null) return;
  const bad = r[1] >= numel ? r[1] : r[0] < -numel ? r[0] : null;
  if (bad !== null) throw new TorchIndexError(op, `out of range: tried to access index ${bad} on a tensor of ${numel} elements.`);
}

/**
 * The elements of `x` (read as 1-D, row-major) at `index` (int64; negative counts from
 * the end), in `index`'s shape.
 */
export function take(x: Tensor, index: Tensor): Tensor {
  expectTensor('take', 'input', 1, x);
  expectTensor('take', 'index', 2, index);
  if (index.dtype !== int64) throw new TorchRuntimeError('take', `take(): Expected a long tensor for index, but got ${cppName(index.dtype)}`);
  const numel = x.numel();
  if (numel === 0 && index.numel() > 0) throw new TorchIndexError('take', 'take(): tried to take from an empty tensor');
  checkFlat('take', index, numel);
  const flat = x.reshape(-1);
  return indexSelect(flat, 0, wrapNegative(index.reshape(-1), numel)).view(index._shape);
}

/** Options of put. */
export interface PutOptions {
  /** Add into the elements instead of replacing them (repeated indices then accumulate). */
  accumulate?: boolean;
}

function putImpl(op: string, x: Tensor, index: Tensor, source: Tensor, accumulate: boolean, inplace: boolean): Tensor {
  expectTensor(op, 'input', 1, x);
  expectTensor(op, 'index', 2, index);
  expectTensor(op, 'source', 3, source);
  if (index.dtype !== int64) throw new TorchRuntimeError(op, `put_(): Expected a long tensor for index, but got ${cppName(index.dtype)}`);
  if (x.dtype !== source.dtype) {
    throw new TorchRuntimeError(op, `put_(): self and source expected to have the same dtype, but got self.dtype = ${cppName(x.dtype)} and source.dtype = ${cppName(source.dtype)}`);
  }
  if (index.numel() !== source.numel()) {
    throw new TorchIndexError(op, `put_(): Expected source and index to have the same number of elements, but got source.numel() = ${source.numel()}, index.numel() = ${index.numel()}`);
  }
  const numel = x.numel();
  if (numel === 0 && index.numel() > 0) throw new TorchIndexError(op, 'put_(): Tried to put elements into an empty tensor');
  checkFlat(op, index, numel);
  const out = target(x, inplace, op);
  if (index.numel() === 0) return out;
  const idx = wrapNegative(index.reshape(-1), numel);
  const src = source.reshape(-1);
  const contiguousOut = out._strides.every((s, i) => s === numelOf(out._shape.slice(i + 1)) || out._shape[i] === 1);
  if (contiguousOut) {
    const flat = out.view(-1);
    if (accumulate) scatterAdd_(flat, 0, idx, src);
    else scatter_(flat, 0, idx, src);
    return out;
  }
  const work = out.reshape(-1).clone();
  if (accumulate) scatterAdd_(work, 0, idx, src);
  else scatter_(work, 0, idx, src);
  return out.copy_(work.view(out._shape));
}

/**
 * `x` with the elements at `index` (flat, row-major; negative counts from the end) set to
 * `source`'s, or added to them with `accumulate: true`.
 */
export function put(x: Tensor, index: Tensor, source: Tensor, opts?: PutOptions): Tensor {
  return putImpl('put', x, index, source, opts?.accumulate ?? false, false);
}

/** In-place {@link put}. */
export function put_(x: Tensor, index: Tensor, source: Tensor, opts?: PutOptions): Tensor {
  return putImpl('put_', x, index, source, opts?.accumulate ?? false, true);
}

/**
 * Picks values of `x` along `dim` at `indices` (int64, same ndim; the other dims
 * broadcast), as `gather` with broadcasting; without `dim`, both are read as 1-D.
 * @example
 * ```ts pytorch=core.takeAlongDim
 * const x = torch.tensor([[10, 30, 20], [60, 40, 50]]);
 * console.log(torch.takeAlongDim(x, x.argmax(1, true), 1)); // each row's max
 * ```
 * ```text
 * tensor([[30],
 *         [60]])
 * ```
 */
export function takeAlongDim(x: Tensor, indices: Tensor, dim?: number | null): Tensor {
  const op = 'take_along_dim';
  expectTensor(op, 'input', 1, x);
  expectTensor(op, 'indices', 2, indices);
  if (indices.dtype !== int64) throw new TorchRuntimeError(op, `torch.take_along_dim(): dtype of indices should be Long but got ${cppName(indices.dtype)}`);
  if (dim === undefined || dim === null) return x.view(-1).gather(0, indices.view(-1));
  if (x._shape.length === 0) throw new TorchIndexError(op, `Dimension specified as ${dim} but tensor has no dimensions`);
  if (x._shape.length !== indices._shape.length) {
    throw new TorchRuntimeError(op, `torch.take_along_dim(): input and indices should have the same number of dimensions, but got ${x._shape.length} dimensions for input, and ${indices._shape.length} dimensions for indices`);
  }
  const d = wrapDim(dim, Math.max(x._shape.length, 1), op);
  if (x._shape.length === 0) return x.gather(0, indices);
  const selfSizes = [...x._shape];
  selfSizes[d] = indices._shape[d]!;
  const shape = broadcastShapes(selfSizes, indices._shape, op);
  const ib = indices.expand(shape);
  const xs = [...shape];
  xs[d] = x._shape[d]!;
  return x.expand(xs).gather(d, ib);
}

function maskedScatterImpl(op: string, x: Tensor, mask: Tensor, source: Tensor, inplace: boolean): Tensor {
  expectTensor(op, 'input', 1, x);
  expectTensor(op, 'mask', 2, mask);
  expectTensor(op, 'source', 3, source);
  if (mask.dtype !== bool && mask.dtype.name !== 'uint8') {
    throw new TorchRuntimeError(op, `masked_scatter_ only supports boolean masks, but got mask with dtype ${mask.dtype.name === 'int64' ? 'long int' : mask.dtype.name}`);
  }
  if (x.dtype !== source.dtype) throw new TorchRuntimeError(op, `masked_scatter: expected self and source to have same dtypes but got${cppName(x.dtype)} and ${cppName(source.dtype)}`);
  let shape: number[];
  if (inplace) {
    shape = broadcastShapes(x._shape, mask._shape, op);
    if (shape.length !== x._shape.length || shape.some((v, i) => v !== x._shape[i])) {
      if (mask._shape.length > x._shape.length) {
        throw new TorchRuntimeError(op, `expand(CPU${cppName(mask.dtype)}Type{${fmtShape(mask._shape)}}, size=${fmtShape(x._shape)}): the number of sizes provided (${x._shape.length}) must be greater or equal to the number of dimensions in the tensor (${mask._shape.length})`);
      }
      mask.expand(x._shape); // PyTorch's expand error for mismatched sizes
    }
  } else shape = broadcastShapes(mask._shape, x._shape, op);
  const m = (mask.dtype === bool ? mask : mask.ne(0)).expand(shape);
  const flat = m.reshape(-1);
  const total = source.numel();
  if (isSync(m)) {
    const count = flat.sum().item() as number;
    if (count > total) throw new TorchRuntimeError(op, 'Number of elements of source < number of ones in mask');
  }
  if (inplace && x._shape.length > 1) {
    // PyTorch 1.13 fills an in-place target in its memory order (the order of its strides).
    const order = x._shape.map((_, i) => i).sort((a, b) => x._strides[b]! - x._strides[a]! || a - b);
    if (order.some((d, i) => d !== i)) {
      const xv = permute(x, order);
      maskedScatterImpl(op, xv, permute(m, order), source, true);
      return x;
    }
  }
  const xb = x.expand(shape);
  if (total === 0) return inplace ? x : xb.clone();
  // Each true element takes the next source element: slot = (running count of trues) − 1.
  const slot = where(flat, flat.cumsum(0).sub(1), 0);
  const picked = indexSelect(source.reshape(-1), 0, slot).view(shape);
  const r = where(m, picked, xb);
  return inplace ? x.copy_(r) : r;
}

/**
 * Copies the elements of `source` (read in row-major order) into `x` where `mask` is true,
 * one after another. Runs on the device without reading the mask back.
 */
export function maskedScatter(x: Tensor, mask: Tensor, source: Tensor): Tensor {
  return maskedScatterImpl('masked_scatter', x, mask, source, false);
}

/** In-place {@link maskedScatter}. */
export function maskedScatter_(x: Tensor, mask: Tensor, source: Tensor): Tensor {
  return maskedScatterImpl('masked_scatter_', x, mask, source, true);
}

// ---------------------------------------------------------------------------------------
// index_put and x[...] = value
// ---------------------------------------------------------------------------------------

const isMask = (t: Tensor) => t.dtype === bool || t.dtype.name === 'uint8';


/** Options of index_put. */
export interface IndexPutOptions {
  /** Add the values into the picked elements (repeated indices accumulate) instead of replacing them. */
  accumulate?: boolean;
}

/**
 * Writes `values` into `x[specs]` in place, PyTorch's index_put_ on the basic-indexed view:
 * `specs` hold at least one tensor. `values` must already have x's dtype.
 */
function putIndexed(op: string, x: Tensor, specs: readonly AdvancedIndexSpec[], values: Tensor, accumulate: boolean, pre?: Prefetched, tooManyText?: (n: number, total: number) => string): Tensor {
  const maskCoords = (m: Tensor): Tensor[] => {
    const got = pre?.coords.get(m);
    if (got) return got;
    if (!isSync(m)) throw new TorchRuntimeError(op, `${op}: a boolean mask's positions depend on the data, which tensors on '${m.device}' can only read asynchronously; use await torch.setIndexAsync_(x, specs, value)`);
    const mm = m.dtype === bool ? m : m.ne(0);
    return m._shape.length === 0 ? [nonzero(mm.reshape(1)).reshape(-1)] : nonzero(mm).unbind(1);
  };
  const { v, advPos, bshape, linear, mult } = planAdvanced(op, x, specs, pre, { maskCoords, tooManyText });
  const rest = v._shape.map((_, i) => i).filter((i) => !advPos.includes(i));
  const restShape = rest.map((i) => v._shape[i]!);
  const adjacent = advPos.every((p, i) => i === 0 || p === advPos[i - 1]! + 1);
  const at = adjacent ? advPos[0]! : 0;
  // The indexing result's shape: the broadcast index dims replace adjacent indexed dims.
  const resultShape = [...restShape.slice(0, at), ...bshape, ...restShape.slice(at)];
  if (!broadcastsTo(values._shape, resultShape)) {
    throw new TorchRuntimeError(op, `shape mismatch: value tensor of shape ${fmtShape(values._shape)} cannot be broadcast to indexing result of shape ${fmtShape(resultShape)}`);
  }
  checkWritable(v, op);
  const B = numelOf(bshape);
  if (B === 0 || numelOf(restShape) === 0) {
    notifyInplace(x, op);
    return x;
  }
  // Values as [B, ...rest]: the index dims first.
  let vals = values.expand(resultShape);
  if (at > 0) {
    const nb = bshape.length;
    vals = permute(vals, [...Array.from({ length: nb }, (_, i) => at + i), ...Array.from({ length: at }, (_, i) => i), ...Array.from({ length: restShape.length - at }, (_, i) => at + nb + i)]);
  }
  vals = vals.reshape([B, ...restShape]);
  const moved = permute(v, [...advPos, ...rest]);
  const lin = linear.expand(bshape).reshape([B, ...restShape.map(() => 1)]).expand([B, ...restShape]);
  let flat: Tensor | null = null;
  try {
    flat = moved.view([mult, ...restShape]);
  } catch {
    flat = null;
  }
  const write = (t: Tensor) => (accumulate ? scatterAdd_(t, 0, lin, vals) : scatter_(t, 0, lin, vals));
  if (flat !== null) {
    write(flat);
    return x;
  }
  const work = moved.reshape([mult, ...restShape]).clone();
  write(work);
  moved.copy_(work.view(moved._shape));
  return x;
}

function indexPutSpecs(op: string, x: Tensor, indices: readonly (Tensor | null)[]): AdvancedIndexSpec[] {
  if (!Array.isArray(indices)) throw new TorchTypeError(op, `${op}(): argument 'indices' must be tuple of Tensors, not ${typeof indices}`);
  indices.forEach((t, i) => {
    if (!(t instanceof Tensor)) {
      throw new TorchTypeError(op, `expected Tensor as element ${i} in argument 0, but got ${t === null ? 'NoneType' : typeof t}`);
    }
  });
  void x;
  return indices as Tensor[];
}

function indexPutImpl(op: string, x: Tensor, indices: readonly (Tensor | null)[], values: Tensor, accumulate: boolean, inplace: boolean, pre?: Prefetched): Tensor {
  expectTensor(op, 'input', 1, x);
  let specs = indexPutSpecs(op, x, indices);
  expectTensor(op, 'values', 3, values);
  if (values.dtype !== x.dtype) {
    throw new TorchRuntimeError(op, `Index put requires the source and destination dtypes match, got ${cppName(x.dtype)} for the destination and ${cppName(values.dtype)} for the source.`);
  }
  // A 0-d mask counts as one index but selects the whole tensor (when true), as PyTorch's
  // index_put expands it to no index at all.
  const zeroD = specs.filter((t) => isMask(t as Tensor) && (t as Tensor)._shape.length === 0) as Tensor[];
  if (zeroD.length > 0) {
    const counted = specs.reduce<number>((k, t) => k + ((t as Tensor)._shape.length === 0 ? 1 : isMask(t as Tensor) ? (t as Tensor)._shape.length : 1), 0);
    if (counted > x._shape.length) throw new TorchIndexError(op, `too many indices for tensor of dimension ${x._shape.length} (got ${counted})`);
    for (const m of zeroD) {
      const got = pre?.coords.get(m);
      if (!got && !isSync(m)) throw new TorchRuntimeError(op, `${op}: a boolean mask's positions depend on the data, which tensors on '${m.device}' can only read asynchronously; use await torch.indexPutAsync(x, indices, values)`);
      const on = got ? got[0]!.numel() > 0 : Boolean(m.item());
      if (!on) return inplace ? x : x.clone();
    }
    specs = specs.filter((t) => !zeroD.includes(t as Tensor));
  }
  const out = inplace ? x : x.clone();
  if (specs.length === 0) {
    // No index: the whole tensor is the indexing result.
    if (!broadcastsTo(values._shape, x._shape)) {
      throw new TorchRuntimeError(op, `shape mismatch: value tensor of shape ${fmtShape(values._shape)} cannot be broadcast to indexing result of shape ${fmtShape(x._shape)}`);
    }
    return accumulate ? out.copy_(out.add(values)) : out.copy_(values);
  }
  if (!pre && setByMask(op, out, specs, values, accumulate)) return out;
  return putIndexed(op, out, specs, values, accumulate, pre, (n, total) => `too many indices for tensor of dimension ${n} (got ${total})`);
}

/** Reads masks' positions and index tensors' ranges ahead of time (for devices that read back only asynchronously). */
async function prefetch(specs: readonly AdvancedIndexSpec[]): Promise<{ resolved: AdvancedIndexSpec[]; pre: Prefetched }> {
  const pre: Prefetched = { coords: new Map(), bounds: new Map() };
  const resolved: AdvancedIndexSpec[] = [];
  for (const s of specs) {
    if (!(s instanceof Tensor)) resolved.push(s);
    else if (isMask(s)) {
      const m = s.dtype === bool ? s : s.ne(0);
      const nz = await nonzeroAsync(s._shape.length === 0 ? m.reshape(1) : m);
      pre.coords.set(s, s._shape.length === 0 ? [nz.reshape(-1)] : nz.unbind(1));
      resolved.push(s);
    } else {
      if (s.numel() > 0 && s.dtype === int64) {
        const [mn, mx] = await Promise.all([s.min().data(), s.max().data()]);
        pre.bounds.set(s, [Number(mn[0]), Number(mx[0])]);
      }
      resolved.push(s);
    }
  }
  return { resolved, pre };
}

/**
 * `x` with `values` written at the positions the index tensors pick, as
 * `x[indices] = values` (or `+=` with `accumulate: true`, where repeated positions add up).
 * `indices` is a list of int64 (or bool mask) tensors, one per leading dim; `values` has
 * x's dtype and broadcasts to the indexing result.
 */
export function indexPut(x: Tensor, indices: readonly Tensor[], values: Tensor, opts?: IndexPutOptions): Tensor {
  return indexPutImpl('index_put', x, indices, values, opts?.accumulate ?? false, false);
}

/** In-place {@link indexPut}. */
export function indexPut_(x: Tensor, indices: readonly Tensor[], values: Tensor, opts?: IndexPutOptions): Tensor {
  return indexPutImpl('index_put_', x, indices, values, opts?.accumulate ?? false, true);
}

/**
 * {@link indexPut} on any device: reads bool masks' positions and index ranges
 * asynchronously first (devices that read back only asynchronously, such as WebGPU, need
 * this for masks whose values vary along the selected elements).
 */
export async function indexPutAsync(x: Tensor, indices: readonly Tensor[], values: Tensor, opts?: IndexPutOptions): Promise<Tensor> {
  expectTensor('index_put', 'input', 1, x);
  const { pre } = await prefetch(indexPutSpecs('index_put', x, indices));
  return indexPutImpl('index_put', x, indices, values, opts?.accumulate ?? false, false, pre);
}

/** In-place {@link indexPutAsync}. */
export async function indexPutAsync_(x: Tensor, indices: readonly Tensor[], values: Tensor, opts?: IndexPutOptions): Promise<Tensor> {
  expectTensor('index_put_', 'input', 1, x);
  const { pre } = await prefetch(indexPutSpecs('index_put_', x, indices));
  return indexPutImpl('index_put_', x, indices, values, opts?.accumulate ?? false, true, pre);
}

/** An entry of {@link setIndex_}'s specs: what `x.index(...)` takes, or a bool (a 0-d mask, as Python's `x[True]`). */
export type SetIndexSpec = AdvancedIndexSpec | boolean;

/** The specs of `setIndex_`: a list, or one spec; a bool becomes a 0-d mask. */
function specList(specs: SetIndexSpec | readonly SetIndexSpec[], x: Tensor): AdvancedIndexSpec[] {
  const list = Array.isArray(specs) ? [...(specs as SetIndexSpec[])] : [specs as SetIndexSpec];
  return list.map((s) => (typeof s === 'boolean' ? scalarTensor(s ? 1 : 0, bool, x) : s));
}

/** PyTorch's value for `x[...] = value`: a tensor of x's dtype, leading size-1 dims dropped. */
function setValue(op: string, x: Tensor, value: number | boolean | Complex | Tensor): Tensor {
  let v: Tensor;
  if (value instanceof Tensor) v = value.dtype === x.dtype && value.device.equals(x.device) ? value : value.to(x.device).to(x.dtype);
  else if (value instanceof Complex) {
    // a complex value into a complex tensor (into a real one: PyTorch's cast error, from fill_)
    v = emptyTensor([], x.dtype, x.device, op);
    v.fill_(value);
  } else {
    if (typeof value !== 'number' && typeof value !== 'boolean') {
      throw new TorchTypeError(op, `can't assign a ${value === null ? 'NoneType' : typeof value} to a ${x.dtype.name === 'float32' ? 'torch.FloatTensor' : `torch.${cppName(x.dtype)}Tensor`}`);
    }
    v = scalarTensor(Number(value), x.dtype, x);
  }
  // PyTorch's slicePrefix1sSize: leading ones don't take part in broadcasting.
  let k = 0;
  while (k < v._shape.length && v._shape[k] === 1) k++;
  return k === 0 ? v : v.reshape(v._shape.slice(k));
}

/**
 * A single bool mask among basic specs, with a value that doesn't vary along the
 * mask's count dim: written with `where` on the device (no read-back). Returns false when
 * the case doesn't apply.
 */
function setByMask(op: string, x: Tensor, specs: readonly AdvancedIndexSpec[], value: Tensor, accumulate = false): boolean {
  const tensors = specs.filter((s): s is Tensor => s instanceof Tensor);
  if (tensors.length !== 1 || tensors[0]!.dtype !== bool || tensors[0]!._shape.length === 0) return false;
  const mask = tensors[0]!;
  const k = mask._shape.length;
  const n = x._shape.length;
  const total = specs.reduce<number>((sum, s) => sum + (s === null || s === '...' ? 0 : s === mask ? k : 1), 0);
  if (total > n) return false;
  // The mask's place in the basic-indexed view.
  let p = 0;
  for (const s of specs) {
    if (s === mask) break;
    if (s === '...') p += n - total;
    else if (typeof s === 'number') continue;
    else p++;
  }
  const basic = specs.flatMap((s): IndexSpec[] => (s === mask ? new Array<IndexSpec>(k).fill(':') : [s as IndexSpec]));
  const v = basicIndex(x, ...basic);
  for (let j = 0; j < k; j++) {
    if (mask._shape[j] !== v._shape[p + j]) return false; // the general path reports it
  }
  const before = v._shape.slice(0, p);
  const after = v._shape.slice(p + k);
  const rank = before.length + 1 + after.length;
  const vs = value._shape;
  if (vs.length > rank) return false;
  const countAt = vs.length - rank + before.length; // the value's dim on the count axis (may be < 0)
  if (countAt >= 0 && vs[countAt] !== 1) return false;
  const padded = [...new Array<number>(rank - vs.length).fill(1), ...vs];
  const vv = value.reshape([...padded.slice(0, before.length), ...new Array<number>(k).fill(1), ...padded.slice(before.length + 1)]);
  if (!broadcastsTo(vv._shape, v._shape)) {
    const count = isSync(mask) ? (mask.sum().item() as number) : '?';
    throw new TorchRuntimeError(op, `shape mismatch: value tensor of shape ${fmtShape(vs)} cannot be broadcast to indexing result of shape [${[...before, count, ...after].join(', ')}]`);
  }
  checkWritable(v, op);
  const mb = mask.reshape([...before.map(() => 1), ...mask._shape, ...after.map(() => 1)]);
  // Mask positions are distinct, so accumulating adds each value once.
  v.copy_(where(mb, accumulate ? v.add(vv) : vv, v));
  return true;
}

function setIndexImpl(op: string, x: Tensor, specsIn: SetIndexSpec | readonly SetIndexSpec[], value: number | boolean | Complex | Tensor, pre?: Prefetched): Tensor {
  expectTensor(op, 'input', 1, x);
  let specs = specList(specsIn, x);
  const v = setValue(op, x, value);
  // A 0-d int64 tensor indexes as the int it holds, as in PyTorch.
  specs = specs.map((s) => (s instanceof Tensor && s._shape.length === 0 && s.dtype === int64 && isSync(s) ? (s.item() as number) : s));
  if (!hasTensorIndex(specs)) {
    const view = basicIndex(x, ...(specs as IndexSpec[]));
    if (v._shape.length > view._shape.length) {
      throw new TorchRuntimeError(op, `expand(torch.${cppName(v.dtype)}Tensor{${fmtShape(v._shape)}}, size=${fmtShape(view._shape)}): the number of sizes provided (${view._shape.length}) must be greater or equal to the number of dimensions in the tensor (${v._shape.length})`);
    }
    // PyTorch expands the value to the view, then copies.
    const expanded = v.expand(view._shape);
    view.copy_(expanded);
    return x;
  }
  if (!pre && setByMask(op, x, specs, v)) return x;
  return putIndexed(op, x, specs, v, false, pre);
}

/**
 * Index assignment, PyTorch's `x[specs] = value`, in place: `specs` takes everything
 * {@link Tensor.index} takes (ints, slices such as `'1:3'`/`'::2'`/`torch.slice(…)`, `'...'`,
 * `null` for a new axis, bool masks and int64 index tensors), as a list or a single spec.
 * `value` (a number or a tensor) is cast to x's dtype and broadcast to the indexed shape.
 * Repeated index positions take one of their values (as PyTorch's, without accumulation).
 * Differentiable (a write into a view of a tensor, as PyTorch's CopySlices).
 *
 * On devices that read back only asynchronously (WebGPU), a single bool mask whose value
 * doesn't vary along the selected elements (`x[mask] = 0`, `x[mask] = row`) runs on the
 * device (a `where`); other masks need the selected count: use {@link setIndexAsync_}.
 * @example
 * ```ts pytorch=core.setIndex_
 * const x = torch.tensor([[1, -2, 3], [-4, 5, 6]]);
 * x.setIndex_([0, '1:3'], 7);                                      // x[0, 1:3] = 7
 * x.setIndex_(x.lt(0), 0);                                         // x[x < 0] = 0
 * x.setIndex_(['...', torch.tensor([2, 0])], torch.tensor([8, 9])); // x[..., [2, 0]] = [8, 9]
 * console.log(x);
 * ```
 * ```text
 * tensor([[9, 7, 8],
 *         [9, 5, 8]])
 * ```
 */
export function setIndex_(x: Tensor, specs: SetIndexSpec | readonly SetIndexSpec[], value: number | boolean | Complex | Tensor): Tensor {
  return setIndexImpl('setitem', x, specs, value);
}

/** {@link setIndex_} on a copy: returns `x` with `x[specs] = value` applied, leaving `x` unchanged. */
export function setIndex(x: Tensor, specs: SetIndexSpec | readonly SetIndexSpec[], value: number | boolean | Complex | Tensor): Tensor {
  expectTensor('setitem', 'input', 1, x);
  return setIndexImpl('setitem', x.clone(), specs, value);
}

/**
 * {@link setIndex_} on any device: reads the masks' positions and the index tensors'
 * ranges asynchronously first, so devices that read back only asynchronously (WebGPU) get
 * the CPU's results and errors for every kind of index.
 * @example
 * ```ts pytorch=core.setIndexAsync_
 * const x = torch.zeros([2, 3]);
 * const mask = torch.tensor([[true, false, true], [false, true, false]]);
 * await torch.setIndexAsync_(x, mask, torch.arange(3)); // x[mask] = arange(3)
 * console.log(x);
 * ```
 * ```text
 * tensor([[0., 0., 1.],
 *         [0., 2., 0.]])
 * ```
 */
export async function setIndexAsync_(x: Tensor, specs: SetIndexSpec | readonly SetIndexSpec[], value: number | boolean | Complex | Tensor): Promise<Tensor> {
  expectTensor('setitem', 'input', 1, x);
  const list: AdvancedIndexSpec[] = [];
  // A 0-d int64 tensor indexes as the int it holds.
  for (const s of specList(specs, x)) list.push(s instanceof Tensor && s._shape.length === 0 && s.dtype === int64 ? Number((await s.data())[0]) : s);
  const { resolved, pre } = await prefetch(list);
  return setIndexImpl('setitem', x, resolved, value, pre);
}

// ---------------------------------------------------------------------------------------
// einsum
// ---------------------------------------------------------------------------------------

/** Label numbers: 'A'–'Z' → 0–25, 'a'–'z' → 26–51 (PyTorch's order for implicit outputs); −1: '...'. */
function labelOf(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 97 && code <= 122) return code - 97 + 26;
  return -2;
}
const ELL = -1;

function parseTerm(op: string, term: string, start: number, forOperand: number | null): number[] {
  const out: number[] = [];
  let ellipsis = false;
  for (let i = 0; i < term.length; i++) {
    const c = term[i]!;
    if (c === '.') {
      if (ellipsis) {
        throw new TorchRuntimeError(op, forOperand === null ? "einsum(): found '.' for output that is not part of any ellipsis" : `einsum(): found '.' for operand ${forOperand} for which an ellipsis was already found`);
      }
      if (term.slice(i, i + 3) !== '...') {
        throw new TorchRuntimeError(op, forOperand === null ? "einsum(): found '.' for output that is not part of any ellipsis (...)" : `einsum(): found '.' for operand ${forOperand} that is not part of any ellipsis`);
      }
      ellipsis = true;
      out.push(ELL);
      i += 2;
    } else if (c === ' ') {
      continue;
    } else {
      const l = labelOf(c);
      if (l < 0) throw new TorchRuntimeError(op, `einsum(): invalid subscript given at index ${start + i} in the equation string, subscripts must be in [a-zA-Z]`);
      out.push(l);
    }
  }
  return out;
}

/** Contracts two aligned operands (same rank): sums `sumDims`, keeps the rest (PyTorch's sumproduct_pair). */
function sumproductPair(left: Tensor, right: Tensor, sumDims: readonly number[]): Tensor {
  const rank = left._shape.length;
  const isSum = new Array<boolean>(rank).fill(false);
  for (const d of sumDims) isSum[d] = true;
  const lro: number[] = [];
  const lo: number[] = [];
  const ro: number[] = [];
  const sum: number[] = [];
  let l = left;
  let r = right;
  const lsumKeep: number[] = [];
  const rsumKeep: number[] = [];
  for (let i = 0; i < rank; i++) {
    const sl = left._shape[i]! !== 1;
    const sr = right._shape[i]! !== 1;
    if (isSum[i]) {
      if (sl && sr) sum.push(i);
      else if (sl) lsumKeep.push(i);
      else if (sr) rsumKeep.push(i);
    } else if (sl && sr) lro.push(i);
    else if (sl) lo.push(i);
    else if (sr) ro.push(i);
  }
  if (sumDims.length === 0) return left.mul(right); // PyTorch multiplies (promoting dtypes)
  if (left.dtype !== right.dtype) {
    throw new TorchRuntimeError('einsum', `expected scalar type ${cppName(left.dtype)} but found ${cppName(right.dtype)}`);
  }
  if (lsumKeep.length) l = l.sum(lsumKeep, true);
  if (rsumKeep.length) r = r.sum(rsumKeep, true);
  if (sum.length === 0) return l.mul(r);
  const size = (t: Tensor, dims: number[]) => dims.reduce((p, d) => p * t._shape[d]!, 1);
  const lroSize = size(l, lro);
  const loSize = size(l, lo);
  const roSize = size(r, ro);
  const sumSize = size(l, sum);
  const rest = Array.from({ length: rank }, (_, i) => i).filter((i) => !lro.includes(i) && !lo.includes(i) && !ro.includes(i) && !sum.includes(i));
  // left: [lro, lo, sum, rest(1s), ro(1s)] → [lroSize, loSize, sumSize]
  const lp = permute(l, [...lro, ...lo, ...sum, ...ro, ...rest]).reshape([lroSize, loSize, sumSize]);
  const rp = permute(r, [...lro, ...sum, ...ro, ...lo, ...rest]).reshape([lroSize, sumSize, roSize]);
  if (lp.dtype === bool) throw new TorchRuntimeError('einsum', `"bmm" not implemented for 'Bool'`);
  const prod = bmm(lp, rp);
  // Result dims in order [lro, lo, ro] with sum dims as size 1, then back to the aligned order.
  const outSizes = [...lro.map((d) => l._shape[d]!), ...lo.map((d) => l._shape[d]!), ...sum.map(() => 1), ...ro.map((d) => r._shape[d]!), ...rest.map(() => 1)];
  const order = [...lro, ...lo, ...sum, ...ro, ...rest];
  const inv = new Array<number>(rank);
  order.forEach((d, i) => (inv[d] = i));
  return permute(prod.view(outSizes), inv);
}

/**
 * Einstein summation: `torch.einsum('ij,jk->ik', a, b)`. Subscripts are letters; `...`
 * stands for broadcast dims; a letter repeated in one operand takes its diagonal; without
 * `->` the output holds the letters seen once, in alphabetical order (capitals first), after
 * the ellipsis dims. Operands come as arguments or as one list. Contractions are
 * permute/reshape/bmm steps, left to right, so autograd flows through them.
 * @example
 * ```ts pytorch=core.einsum
 * const m = torch.arange(4, { dtype: 'float32' }).reshape(2, 2);
 * const u = torch.tensor([1, 2], { dtype: 'float32' });
 * console.log(torch.einsum('ij,jk->ik', m, m)); // matmul
 * console.log(torch.einsum('ii', m)); // trace
 * console.log(torch.einsum('i,j', u, u)); // outer product
 * ```
 * ```text
 * tensor([[ 2.,  3.],
 *         [ 6., 11.]])
 * tensor(3.)
 * tensor([[1., 2.],
 *         [2., 4.]])
 * ```
 */
export function einsum(equation: string, ...operandsIn: (Tensor | readonly Tensor[])[]): Tensor {
  const op = 'einsum';
  if (typeof equation !== 'string') throw new TorchTypeError(op, `einsum(): argument 'equation' must be str, not ${typeof equation}`);
  const operands: Tensor[] = operandsIn.length === 1 && Array.isArray(operandsIn[0]) ? [...(operandsIn[0] as Tensor[])] : (operandsIn as Tensor[]);
  expectTensorList(op, 1, operands);
  if (operands.length === 0) {
    throw new TorchValueError(op, 'einsum(): must specify the equation string and at least one operand, or at least one operand and its subscripts list');
  }
  const arrow = equation.indexOf('->');
  const lhs = arrow === -1 ? equation : equation.slice(0, arrow);
  const terms: number[][] = [];
  let start = 0;
  const parts = lhs.split(',');
  parts.forEach((t, i) => {
    if (i >= operands.length) return;
    terms.push(parseTerm(op, t, start, i));
    start += t.length + 1;
  });
  if (parts.length < operands.length) throw new TorchRuntimeError(op, 'einsum(): more operands were provided than specified in the equation');
  if (parts.length > operands.length) throw new TorchRuntimeError(op, 'einsum(): fewer operands were provided than specified in the equation');
  // Check ranks and find the ellipsis width.
  let ellDims = 0;
  terms.forEach((t, i) => {
    const x = operands[i]!;
    const has = t.includes(ELL);
    const labels = t.filter((l) => l !== ELL).length;
    if (has) {
      if (labels > x._shape.length) throw new TorchRuntimeError(op, `einsum(): the number of subscripts in the equation (${labels}) is more than the number of dimensions (${x._shape.length}) for operand ${i}`);
      ellDims = Math.max(ellDims, x._shape.length - labels);
    } else if (labels !== x._shape.length) {
      throw new TorchRuntimeError(op, `einsum(): the number of subscripts in the equation (${labels}) does not match the number of dimensions (${x._shape.length}) for operand ${i} and no ellipsis was given`);
    }
  });
  // Label counts and output.
  const counts = new Map<number, number>();
  for (const t of terms) for (const l of t) if (l !== ELL) counts.set(l, (counts.get(l) ?? 0) + 1);
  const anyEll = terms.some((t) => t.includes(ELL));
  let outLabels: number[];
  if (arrow === -1) {
    outLabels = [...(anyEll ? [ELL] : []), ...[...counts].filter(([, c]) => c === 1).map(([l]) => l).sort((a, b) => a - b)];
  } else {
    const out = parseTerm(op, equation.slice(arrow + 2), arrow + 2, null);
    const seen = new Set<number>();
    for (const l of out) {
      if (l === ELL) {
        seen.add(ELL);
        continue;
      }
      const name = String.fromCharCode(l < 26 ? 65 + l : 97 + l - 26);
      if (!counts.has(l)) throw new TorchRuntimeError(op, `einsum(): output subscript ${name} does not appear in the equation for any input operand`);
      if (seen.has(l)) throw new TorchRuntimeError(op, `einsum(): output subscript ${name} appears more than once in the output`);
      seen.add(l);
    }
    outLabels = out;
  }
  // Aligned dims: ellipsis dims, then output letters, then contracted letters.
  const outLetters = outLabels.filter((l) => l !== ELL);
  const contracted = [...counts.keys()].filter((l) => !outLetters.includes(l)).sort((a, b) => a - b);
  const letterOrder = [...outLetters, ...contracted];
  const alignedRank = ellDims + letterOrder.length;
  const dimOf = (l: number) => ellDims + letterOrder.indexOf(l);
  const sizes = new Map<number, number>();
  const aligned = operands.map((x, i) => {
    const t = terms[i]!;
    // Expand the ellipsis into its dims and take diagonals of repeated letters.
    const labels: number[] = [];
    const nEll = x._shape.length - t.filter((l) => l !== ELL).length;
    for (const l of t) {
      if (l === ELL) for (let k = 0; k < nEll; k++) labels.push(-100 - (ellDims - nEll + k));
      else labels.push(l);
    }
    let v = x;
    let cur = [...labels];
    for (let a = 0; a < cur.length; a++) {
      for (let b = cur.length - 1; b > a; b--) {
        if (cur[b] === cur[a] && cur[a]! >= 0) {
          const name = String.fromCharCode(cur[a]! < 26 ? 65 + cur[a]! : 97 + cur[a]! - 26);
          if (v._shape[a] !== v._shape[b]) throw new TorchRuntimeError(op, `einsum(): subscript ${name} is repeated for operand ${i} but the sizes don't match, ${v._shape[b]} != ${v._shape[a]}`);
          const shape = v._shape.filter((_, k) => k !== b);
          const strides = v._strides.filter((_, k) => k !== b);
          strides[a] = v._strides[a]! + v._strides[b]!;
          v = asStrided(v, shape, strides, v._offset);
          cur = cur.filter((_, k) => k !== b);
        }
      }
    }
    // Sizes must agree (size 1 broadcasts).
    cur.forEach((l, k) => {
      if (l < 0) return;
      const s = v._shape[k]!;
      const prev = sizes.get(l);
      if (prev === undefined || prev === 1) sizes.set(l, s);
      else if (s !== 1 && s !== prev) {
        const name = String.fromCharCode(l < 26 ? 65 + l : 97 + l - 26);
        throw new TorchRuntimeError(op, `einsum(): subscript ${name} has size ${s} for operand ${i} which does not broadcast with previously seen size ${prev}`);
      }
    });
    // Permute into aligned order; absent dims are size 1.
    const targetShape = new Array<number>(alignedRank).fill(1);
    const src: number[] = [];
    const dst: number[] = [];
    cur.forEach((l, k) => {
      const d = l < 0 ? -100 - l : dimOf(l);
      targetShape[d] = v._shape[k]!;
      src.push(k);
      dst.push(d);
    });
    const order = src.map((_, j) => j).sort((p, q) => dst[p]! - dst[q]!);
    const pv = permute(v, order.map((j) => src[j]!));
    return pv.reshape(targetShape);
  });
  // Ellipsis dims must broadcast too.
  for (let k = 0; k < ellDims; k++) {
    let s = 1;
    for (const a of aligned) {
      const d = a._shape[k]!;
      if (d !== 1 && s !== 1 && d !== s) throw new TorchRuntimeError(op, `einsum(): operands do not broadcast with remapped shapes (original->remapped): ${operands.map((o, i) => `${fmtShape(o._shape)}->${fmtShape(aligned[i]!._shape)}`).join(' ')}`);
      if (d !== 1) s = d;
    }
  }
  const outEll = outLabels.includes(ELL);
  const keepDims = new Set<number>([...(outEll ? Array.from({ length: ellDims }, (_, k) => k) : []), ...outLetters.map(dimOf)]);
  // Dims needed later: kept ones, or present (non-1 or any) in a later operand.
  const usedBy = (t: Tensor, d: number) => t._shape[d]! !== 1;
  let result = aligned[0]!;
  // Sum dims of the first operand that no other operand and no output uses.
  const sumAlone = (t: Tensor, others: Tensor[]): Tensor => {
    const dims: number[] = [];
    for (let d = 0; d < alignedRank; d++) {
      if (!keepDims.has(d) && usedBy(t, d) && !others.some((o) => usedBy(o, d))) dims.push(d);
    }
    return dims.length ? t.sum(dims, true) : t;
  };
  result = sumAlone(result, aligned.slice(1));
  for (let i = 1; i < aligned.length; i++) {
    const later = aligned.slice(i + 1);
    const right = sumAlone(aligned[i]!, [result, ...later]);
    const sumDims: number[] = [];
    for (let d = 0; d < alignedRank; d++) {
      if (!keepDims.has(d) && !later.some((o) => usedBy(o, d))) sumDims.push(d);
    }
    result = sumproductPair(result, right, sumDims);
  }
  // Remaining contracted dims (size 1 now, or left from a single operand), then the output order.
  const drop = Array.from({ length: alignedRank }, (_, d) => d).filter((d) => !keepDims.has(d));
  if (aligned.length === 1 && drop.some((d) => result._shape[d]! !== 1)) result = result.sum(drop.filter((d) => result._shape[d]! !== 1), true);
  // Broadcast kept dims to their full sizes (a size-1 operand dim broadcasts in PyTorch's result).
  const fullShape = result._shape.map((s, d) => {
    if (!keepDims.has(d)) return 1;
    let m = s;
    for (const a of aligned) if (a._shape[d]! !== 1) m = a._shape[d]!;
    return m;
  });
  if (fullShape.some((s, d) => s !== result._shape[d])) result = result.expand(fullShape);
  const outDims: number[] = [];
  for (const l of outLabels) {
    if (l === ELL) for (let k = 0; k < ellDims; k++) outDims.push(k);
    else outDims.push(dimOf(l));
  }
  const squeezed = result.reshape(outDims.length === 0 ? [] : result._shape.filter((_, d) => keepDims.has(d)));
  const keptOrder = Array.from({ length: alignedRank }, (_, d) => d).filter((d) => keepDims.has(d));
  const perm = outDims.map((d) => keptOrder.indexOf(d));
  return perm.length === 0 ? squeezed : permute(squeezed, perm);
}
