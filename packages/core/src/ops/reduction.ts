/**
 * Reductions over dims (a number, a list, negative allowed, or all), with
 * `keepdim`, and the composites built from them (mean, var, std, logsumexp, norm).
 */
import { inFloat32 } from './half-compute.js';
import type { Backend, ReduceOp, ScanOp } from '../backend.js';
import { composite, needsGrad2, notifyInplace, recordChecked, recordOp } from '../autograd-hook.js';
import { type DType, type DTypeLike, bool, float64, int64, toDType, uint8 } from '../dtype.js';
import { TorchIndexError, TorchRuntimeError } from '../errors.js';
import { normalizeDims, wrapDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { type KeepdimArg, boolArg, expectInt, expectTensor, keepdimArg, keywordArgs } from '../validate.js';
import { type ValuesIndices, backendFor, emptyTensor, emptyTensorOn, refOf, refWith, valuesIndices } from './dispatch.js';
import { add, bumpVersion, checkWritable, div, sub, where } from './elementwise.js';
import { abs, exp, log, mul, pow, sqrt } from './generated.js';
import { cppName, typeMetaName } from './promotion.js';
import { unsqueezeDims } from './reduction-shape.js';
import { checkComplexReduce } from '../complex/elementwise.js';
import { imag, real } from '../complex/ops.js';

/** A dim argument: one dim, several, or all when omitted. */
export type DimArg = number | readonly number[] | null | undefined;

/** Options shared by reductions. */
export interface ReduceOptions {
  /** Keep reduced dims with size 1. */
  keepdim?: boolean;
  /** Compute and return in this dtype (sum/prod/mean/cumsum). */
  dtype?: DTypeLike;
}

/** `keepdim` positional or keyword, with the keyword-only `dtype`; a non-boolean `keepdim` is a type error. */
function keepOpts(op: string, keepdim: boolean | ReduceOptions | undefined, opts: ReduceOptions | undefined): ReduceOptions {
  const kw = keywordArgs(op, ['keepdim'], [keepdim, opts], ['dtype']);
  const o: ReduceOptions = { keepdim: boolArg(op, 'keepdim', 3, kw.keepdim, false) };
  if (kw.dtype !== undefined && kw.dtype !== null) o.dtype = kw.dtype as DTypeLike;
  return o;
}

/**
 * Runs a backend reduction over `dims` of x: permutes reduced dims last and
 * allocates the kept-shape output. Returns the output without keepdim.
 */
export function reduceRaw(op: ReduceOp, name: string, x: Tensor, dims: number[], outDtype: DType, compute: DType): Tensor {
  if (x.dtype.isComplex) checkComplexReduce(op, name, x.dtype, dims.length === x._shape.length);
  const shape = x._shape;
  const strides = x._strides;
  const n = shape.length;
  // The kept dims in order, then `dims` in their order: the view the kernel reduces.
  const outShape: number[] = [];
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (!dims.includes(i)) order.push(i);
  for (let i = 0; i < order.length; i++) outShape.push(shape[order[i]!]!);
  for (let i = 0; i < dims.length; i++) order.push(dims[i]!);
  const permShape = new Array<number>(order.length);
  const permStrides = new Array<number>(order.length);
  for (let i = 0; i < order.length; i++) {
    permShape[i] = shape[order[i]!]!;
    permStrides[i] = strides[order[i]!]!;
  }
  const dev = x.device;
  let backend: Backend;
  let out: Tensor;
  if (outDtype === compute) {
    backend = backendFor(dev, compute, name);
    out = emptyTensorOn(backend, outShape, outDtype, dev);
  } else {
    out = emptyTensor(outShape, outDtype, dev, name);
    backend = backendFor(dev, compute, name);
  }
  backend.reduce(op, refWith(x, permShape, permStrides), dims.length, refOf(out), compute.name);
  return out;
}

function finish(out: Tensor, x: Tensor, dims: number[], keepdim: boolean): Tensor {
  return keepdim ? unsqueezeDims(out, dims, x._shape.length) : out;
}

function sumDtype(x: Tensor, requested?: DTypeLike): DType {
  if (requested !== undefined) return toDType(requested);
  return x.dtype.isFloatingPoint || x.dtype.isComplex ? x.dtype : int64;
}

/**
 * Sum over `dim` (all dims when omitted). Integers and bools sum to int64.
 * @example
 * ```ts pytorch=core.sum
 * const x = torch.tensor([[1, 2, 3], [4, 5, 6]]);
 * console.log(torch.sum(x));
 * console.log(torch.sum(x, 1, { keepdim: true }));
 * console.log(x.sum([0, -1]));
 * ```
 * ```text
 * tensor(21)
 * tensor([[ 6],
 *         [15]])
 * tensor(21)
 * ```
 */
export function sum(x: Tensor, dim?: DimArg, keepdim?: boolean | ReduceOptions, opts?: ReduceOptions): Tensor {
  expectTensor('sum', 'input', 1, x);
  const o = keepOpts('sum', keepdim, opts);
  const dims = normalizeDims(dim, x._shape.length, 'sum');
  const dt = sumDtype(x, o.dtype);
  const out = finish(reduceRaw('sum', 'sum', x, dims, dt, dt), x, dims, o.keepdim ?? false);
  if (needsGrad2(x, null)) recordChecked('sum', [x], [out], { dims, keepdim: o.keepdim ?? false, all: dim === undefined || dim === null });
  return out;
}

/** Sum treating NaN as zero. */
export function nansum(x: Tensor, dim?: DimArg, keepdim?: boolean | ReduceOptions, opts?: ReduceOptions): Tensor {
  expectTensor('nansum', 'input', 1, x);
  const o = keepOpts('nansum', keepdim, opts);
  const dims = normalizeDims(dim, x._shape.length, 'nansum');
  const dt = sumDtype(x, o.dtype);
  const out = finish(reduceRaw('nansum', 'nansum', x, dims, dt, dt), x, dims, o.keepdim ?? false);
  recordOp('nansum', [x], [out], { dims, keepdim: o.keepdim ?? false });
  return out;
}

/**
 * Product over `dim` (all when omitted).
 * @example
 * ```ts pytorch=core.prod
 * console.log(torch.tensor([[1, 2], [3, 4]]).prod(1));
 * ```
 * ```text
 * tensor([ 2, 12])
 * ```
 */
export function prod(x: Tensor, dim?: number | null, keepdim?: boolean | ReduceOptions, opts?: ReduceOptions): Tensor {
  expectTensor('prod', 'input', 1, x);
  const o = keepOpts('prod', keepdim, opts);
  const dims = normalizeDims(dim, x._shape.length, 'prod');
  const dt = sumDtype(x, o.dtype);
  const out = finish(reduceRaw('prod', 'prod', x, dims, dt, dt), x, dims, o.keepdim ?? false);
  recordOp('prod', [x], [out], { dims, keepdim: o.keepdim ?? false, all: dim === undefined || dim === null });
  return out;
}

function floatOnly(name: string, x: Tensor, requested?: DTypeLike): DType {
  const dt = requested !== undefined ? toDType(requested) : x.dtype;
  if (!dt.isFloatingPoint && !dt.isComplex) {
    throw new TorchRuntimeError(
      name,
      `${name}(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${cppName(dt)}`,
    );
  }
  return dt;
}

/** Number of elements the dims cover. */
function countOver(x: Tensor, dims: number[]): number {
  let n = 1;
  for (const d of dims) n *= x._shape[d]!;
  return n;
}

/**
 * Mean over `dim` (floats only, as in PyTorch).
 * @example
 * ```ts pytorch=core.mean
 * const x = torch.tensor([[1, 2], [3, 5]], { dtype: 'float32' });
 * console.log(x.mean());
 * console.log(torch.mean(x, 0));
 * ```
 * ```text
 * tensor(2.7500)
 * tensor([2.0000, 3.5000])
 * ```
 */
export function mean(x: Tensor, dim?: DimArg, keepdim?: boolean | ReduceOptions, opts?: ReduceOptions): Tensor {
  expectTensor('mean', 'input', 1, x);
  const o = keepOpts('mean', keepdim, opts);
  const dt = floatOnly('mean', x, o.dtype);
  const dims = normalizeDims(dim, x._shape.length, 'mean');
  const s = reduceRaw('sum', 'mean', x, dims, dt, dt);
  const out = finish(divInPlaceNoGrad(s, countOver(x, dims)), x, dims, o.keepdim ?? false);
  recordOp('mean', [x], [out], { dims, keepdim: o.keepdim ?? false, count: countOver(x, dims), all: dim === undefined || dim === null });
  return out;
}

function divInPlaceNoGrad(s: Tensor, n: number): Tensor {
  backendFor(s.device, s.dtype, 'mean').binary('div', refOf(s), s.dtype.name === 'float32' ? Math.fround(n) : n, refOf(s), s.dtype.name);
  return s;
}

/**
 * ATen's `zero_numel_check_dims`, run only when x has no elements: no dim given is a
 * RuntimeError; a given dim of size 0 an IndexError naming the dim as given, each dim
 * checked in order (so it may come before a later dim's range error).
 */
function zeroNumelCheckDims(x: Tensor, dim: DimArg, name: string): void {
  // Other dim arguments are for normalizeDims to reject.
  if (x.numel() !== 0 || !(dim === undefined || dim === null || typeof dim === 'number' || Array.isArray(dim))) return;
  const list: readonly number[] = dim === undefined || dim === null ? [] : typeof dim === 'number' ? [dim] : dim;
  if (list.length === 0) {
    throw new TorchRuntimeError(name, `${name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`);
  }
  for (const d of list) {
    if (x._shape[wrapDim(d, x._shape.length, name)] === 0) {
      throw new TorchIndexError(name, `${name}(): Expected reduction dim ${d} to have non-zero size.`);
    }
  }
}

function extremum(op: 'max' | 'min', x: Tensor, dims: number[], name: string): Tensor {
  return reduceRaw(op, name, x, dims, x.dtype, x.dtype);
}

/**
 * Maximum over dims, values only (`torch.amax`).
 * @example
 * ```ts pytorch=core.amax
 * const x = torch.tensor([[1, 9, 3], [7, 2, 8]]);
 * console.log(torch.amax(x, 1), torch.amax(x, [0, 1])); // values only, over several dims
 * ```
 * ```text
 * tensor([9, 8]) tensor(9)
 * ```
 */
export function amax(x: Tensor, dim: DimArg = [], keepdimIn: KeepdimArg = false): Tensor {
  const keepdim = keepdimArg('amax', 3, keepdimIn);
  expectTensor('amax', 'input', 1, x);
  zeroNumelCheckDims(x, dim, 'amax');
  const dims = normalizeDims(dim, x._shape.length, 'amax');
  const out = finish(extremum('max', x, dims, 'amax'), x, dims, keepdim);
  recordOp('amax', [x], [out], { dims, keepdim });
  return out;
}

/**
 * Minimum over dims, values only (`torch.amin`).
 * @example
 * ```ts pytorch=core.amin
 * const x = torch.tensor([[1, 9, 3], [7, 2, 8]]);
 * console.log(torch.amin(x, 0));
 * ```
 * ```text
 * tensor([1, 2, 3])
 * ```
 */
export function amin(x: Tensor, dim: DimArg = [], keepdimIn: KeepdimArg = false): Tensor {
  const keepdim = keepdimArg('amin', 3, keepdimIn);
  expectTensor('amin', 'input', 1, x);
  zeroNumelCheckDims(x, dim, 'amin');
  const dims = normalizeDims(dim, x._shape.length, 'amin');
  const out = finish(extremum('min', x, dims, 'amin'), x, dims, keepdim);
  recordOp('amin', [x], [out], { dims, keepdim });
  return out;
}

function argExtremum(op: 'argmax' | 'argmin', x: Tensor, dim: number | null | undefined, keepdim: boolean): Tensor {
  // PyTorch has no bool kernel for argmax/argmin (max(x, dim) on bool works), and only
  // the kernel rejects bool: it does not run for an empty input or (with a dim of a
  // tensor of 1+ dims) a reduced dim of size 1, whose answer is index 0.
  const noBool = (runs: boolean): void => {
    if (x.dtype === bool && runs) throw new TorchRuntimeError(op, `"${op}_cpu" not implemented for 'Bool'`);
  };
  if (dim === undefined || dim === null) {
    if (x.numel() === 0) throw new TorchIndexError(op, `${op}(): Expected reduction dim to be specified for input.numel() == 0.`);
    noBool(true);
    const flat = x.reshape(-1);
    const out = reduceRaw(op, op, flat, [0], int64, x.dtype);
    return keepdim ? out.reshape(x._shape.map(() => 1)) : out;
  }
  const d = wrapDim(dim, x._shape.length, op);
  const dims = x._shape.length === 0 ? [] : [d];
  if (x._shape.length > 0 && x._shape[d] === 0) throw new TorchIndexError(op, `${op}(): Expected reduction dim ${d} to have non-zero size.`);
  noBool(x.numel() > 0 && (x._shape.length === 0 || x._shape[d]! > 1));
  return finish(reduceRaw(op, op, x, dims, int64, x.dtype), x, dims, keepdim);
}

/**
 * Index of the maximum (over the flattened tensor when `dim` is omitted).
 * @example
 * ```ts pytorch=core.argmax
 * const x = torch.tensor([[1, 9, 3], [7, 2, 8]]);
 * console.log(torch.argmax(x));
 * console.log(torch.argmax(x, 1));
 * ```
 * ```text
 * tensor(1)
 * tensor([1, 2])
 * ```
 */
export function argmax(x: Tensor, dim?: number | null, keepdimIn: KeepdimArg = false): Tensor {
  const keepdim = keepdimArg('argmax', 3, keepdimIn);
  expectTensor('argmax', 'input', 1, x);
  return argExtremum('argmax', x, dim, keepdim);
}

/**
 * Index of the minimum (over the flattened tensor when `dim` is omitted).
 * @example
 * ```ts pytorch=core.argmin
 * const x = torch.tensor([[4, 1, 3], [0, 5, 0]]);
 * console.log(torch.argmin(x), torch.argmin(x, 1)); // ties: the first
 * ```
 * ```text
 * tensor(3) tensor([1, 0])
 * ```
 */
export function argmin(x: Tensor, dim?: number | null, keepdimIn: KeepdimArg = false): Tensor {
  const keepdim = keepdimArg('argmin', 3, keepdimIn);
  expectTensor('argmin', 'input', 1, x);
  return argExtremum('argmin', x, dim, keepdim);
}

function maxMin(op: 'max' | 'min', x: Tensor, dim: number | undefined, keepdim: boolean): Tensor | ValuesIndices {
  if (dim === undefined) {
    zeroNumelCheckDims(x, undefined, op);
    const out = extremum(op, x, normalizeDims(undefined, x._shape.length, op), op);
    recordOp(op === 'max' ? 'amax' : 'amin', [x], [out], { dims: normalizeDims(undefined, x._shape.length, op), keepdim: false, all: true });
    return out;
  }
  if (x.dtype.isComplex) throw new TorchRuntimeError(op, `${op}(): does not support complex input`);
  const d = wrapDim(dim, x._shape.length, op);
  const dims = x._shape.length === 0 ? [] : [d];
  // max(x, dim) names the wrapped dim in its zero-size error (amax names the dim as given).
  zeroNumelCheckDims(x, d, op);
  const values = finish(extremum(op, x, dims, op), x, dims, keepdim);
  const indices = finish(reduceRaw(op === 'max' ? 'argmax' : 'argmin', op, x, dims, int64, x.dtype), x, dims, keepdim);
  recordOp(op === 'max' ? 'max_dim' : 'min_dim', [x], [values], { dim: d, keepdim, indices });
  return valuesIndices(values, indices, op);
}

/**
 * `max(x)` → the maximum; `max(x, dim, keepdim?)` → `[values, indices]` (also `.values`, `.indices`);
 * `max(x, other)` → elementwise maximum.
 * @example
 * ```ts pytorch=core.max
 * const x = torch.tensor([[1, 9, 3], [7, 2, 8]]);
 * console.log(torch.max(x));
 * const { values, indices } = torch.max(x, 1);
 * console.log(values, indices);
 * ```
 * ```text
 * tensor(9)
 * tensor([9, 8]) tensor([1, 2])
 * ```
 */
export function max(x: Tensor): Tensor;
export function max(x: Tensor, dim: number, keepdim?: KeepdimArg): ValuesIndices;
export function max(x: Tensor, other: Tensor): Tensor;
export function max(x: Tensor, dimOrOther?: number | Tensor, keepdimIn: KeepdimArg = false): Tensor | ValuesIndices {
  const keepdim = keepdimArg('max', 3, keepdimIn);
  expectTensor('max', 'input', 1, x);
  if (dimOrOther instanceof Tensor) return x.maximum(dimOrOther);
  return maxMin('max', x, dimOrOther, keepdim);
}

/**
 * Like {@link max}, for the minimum.
 * @example
 * ```ts pytorch=core.min
 * const x = torch.tensor([[1, 9, 3], [7, 2, 8]]);
 * console.log(x.min());
 * console.log(x.min(0, true));
 * ```
 * ```text
 * tensor(1)
 * torch.return_types.min(
 * values=tensor([[1, 2, 3]]),
 * indices=tensor([[0, 1, 0]]))
 * ```
 */
export function min(x: Tensor): Tensor;
export function min(x: Tensor, dim: number, keepdim?: KeepdimArg): ValuesIndices;
export function min(x: Tensor, other: Tensor): Tensor;
export function min(x: Tensor, dimOrOther?: number | Tensor, keepdimIn: KeepdimArg = false): Tensor | ValuesIndices {
  const keepdim = keepdimArg('min', 3, keepdimIn);
  expectTensor('min', 'input', 1, x);
  if (dimOrOther instanceof Tensor) return x.minimum(dimOrOther);
  return maxMin('min', x, dimOrOther, keepdim);
}

/** bool, except for uint8 input, which PyTorch keeps (0/1 values). */
function logicalResult(out: Tensor, x: Tensor): Tensor {
  return x.dtype === uint8 ? out.to(uint8) : out;
}

/**
 * Whether all elements (over `dim`) are nonzero: bool (uint8 for uint8 input).
 * @example
 * ```ts pytorch=core.all
 * const x = torch.tensor([[true, false], [true, true]]);
 * console.log(torch.all(x), x.all(1));
 * ```
 * ```text
 * tensor(False) tensor([False,  True])
 * ```
 */
export function all(x: Tensor, dim?: DimArg, keepdimIn: KeepdimArg = false): Tensor {
  const keepdim = keepdimArg('all', 3, keepdimIn);
  expectTensor('all', 'input', 1, x);
  const dims = normalizeDims(dim, x._shape.length, 'all');
  return logicalResult(finish(reduceRaw('all', 'all', x, dims, bool, x.dtype), x, dims, keepdim), x);
}

/**
 * Whether any element (over `dim`) is nonzero: bool (uint8 for uint8 input).
 * @example
 * ```ts pytorch=core.any
 * const x = torch.tensor([[0, 0], [0, 3]]);
 * console.log(torch.any(x), x.any(1)); // nonzero counts as true
 * ```
 * ```text
 * tensor(True) tensor([False,  True])
 * ```
 */
export function any(x: Tensor, dim?: DimArg, keepdimIn: KeepdimArg = false): Tensor {
  const keepdim = keepdimArg('any', 3, keepdimIn);
  expectTensor('any', 'input', 1, x);
  const dims = normalizeDims(dim, x._shape.length, 'any');
  return logicalResult(finish(reduceRaw('any', 'any', x, dims, bool, x.dtype), x, dims, keepdim), x);
}

/** Options of `var`/`std`. */
export interface VarOptions {
  /** Divisor offset: n − correction (default 1, Bessel's correction). */
  correction?: number;
  /** Legacy flag: `unbiased: false` means correction 0. */
  unbiased?: boolean;
  /** Keep reduced dims with size 1. */
  keepdim?: boolean;
}

/**
 * Checks var/std's `unbiased` (positional) or options object: known keys only, `unbiased` and
 * `keepdim` booleans, `correction` an integer; anything else is PyTorch's type error.
 */
function checkVarOpts(op: string, opts: unknown): void {
  const kw = keywordArgs(op, ['unbiased'], [opts], ['correction', 'keepdim']);
  boolArg(op, 'unbiased', 3, kw.unbiased, true);
  boolArg(op, 'keepdim', 4, kw.keepdim, false);
  if (kw.correction !== undefined && kw.correction !== null) expectInt(op, 'correction', undefined, kw.correction);
}

/**
 * The variance of `x` over `dim` (its square root with `takeSqrt`), as PyTorch 1.13's CPU
 * kernels compute it:
 * - a result of one element (`std_var_all_cpu`): the mean in x's own dtype (for float32 a
 *   float32 sum, which may overflow to ±inf and then makes the result inf or NaN), then
 *   Σ(x − mean)² in float64;
 * - any other result (Welford with acc_type double): mean and moments in float64.
 * Either way the division and the root are taken in float64 and the result is rounded
 * once at the end (a std may be finite where its variance overflows float32). Devices
 * without float64 (WebGPU) scale instead; see below.
 */
function varStd(name: string, x: Tensor, dim: DimArg, opts: VarOptions | boolean | undefined, takeSqrt: boolean): Tensor {
  const o: VarOptions = typeof opts === 'boolean' ? { unbiased: opts } : opts ?? {};
  if (x.dtype.isComplex) {
    // mean |z − mean|² = var(re) + var(im), a real result (autograd through the part views)
    const v = add(varStd(name, real(x), dim, o, false), varStd(name, imag(x), dim, o, false));
    return takeSqrt ? sqrt(v) : v;
  }
  if (!x.dtype.isFloatingPoint) throw new TorchRuntimeError(name, 'std and var only support floating point and complex dtypes');
  const dims = normalizeDims(dim, x._shape.length, name);
  const correction = o.correction ?? (o.unbiased === false ? 0 : 1);
  const keepdim = o.keepdim ?? false;
  const n = countOver(x, dims);
  const divisor = Math.max(n - correction, 0);
  // One output element (n > 0 whenever x has elements).
  const single = x.numel() > 0 && x.numel() / n <= 1;
  const f32 = x.dtype.name === 'float32';
  const wide = f32 && x._storage.backend.dtypes.has('float64');
  const root = (v: Tensor): Tensor => (takeSqrt ? sqrt(v) : v);
  const fromMean = (xw: Tensor, m: Tensor): Tensor => {
    const d = sub(xw, m);
    return root(div(sum(mul(d, d), dims, keepdim), divisor));
  };
  if (!f32 || wide || x.numel() === 0) {
    const xw = wide ? x.to(float64) : x;
    const r = fromMean(xw, single ? mean(x, dims, true).to(xw.dtype) : mean(xw, dims, true));
    return wide ? r.to(x.dtype) : r;
  }
  // No float64 here (WebGPU): scale by the largest magnitude so sums and squares stay
  // finite, then scale back (var by s², which may overflow as PyTorch's does; std by s).
  const s = amax(abs(x), dims, true);
  const safe = where(s.gt(0).logicalAnd(s.isfinite()), s, 1);
  const xs = div(x, safe);
  const vs = fromMean(xs, mean(xs, dims, true));
  const scale = keepdim ? safe : safe.reshape(vs._shape);
  const scaled = takeSqrt ? mul(vs, scale) : mul(mul(vs, scale), scale);
  if (!single) return scaled;
  // A one-element result takes PyTorch's float32 mean: where that overflowed, x − mean is
  // ±inf or NaN in float32 as in float64, so the plain float32 formula gives its answer.
  const m32 = mean(x, dims, true);
  return where(m32.isfinite().reshape(scaled._shape), scaled, fromMean(x, m32));
}

/**
 * Variance over `dim` with `correction` (default 1).
 * @example
 * ```ts pytorch=core.var
 * const x = torch.tensor([[1, 2, 3, 4], [2, 2, 2, 2]], { dtype: 'float32' });
 * console.log(x.var(1)); // unbiased (correction 1)
 * console.log(x.var(1, { correction: 0, keepdim: true }));
 * ```
 * ```text
 * tensor([1.6667, 0.0000])
 * tensor([[1.2500],
 *         [0.0000]])
 * ```
 */
export function variance(x: Tensor, dim?: DimArg, opts?: VarOptions | boolean): Tensor {
  expectTensor('variance', 'input', 1, x);
  checkVarOpts('var', opts);
  return composite('var', [x], { dim, opts }, () => varStd('var', x, dim, opts, false));
}

/**
 * Standard deviation over `dim` with `correction` (default 1).
 * @example
 * ```ts pytorch=core.std
 * const x = torch.tensor([1, 2, 3, 4], { dtype: 'float32' });
 * console.log(torch.std(x));
 * console.log(torch.std(x, null, { correction: 0 }));
 * ```
 * ```text
 * tensor(1.2910)
 * tensor(1.1180)
 * ```
 */
export function std(x: Tensor, dim?: DimArg, opts?: VarOptions | boolean): Tensor {
  expectTensor('std', 'input', 1, x);
  checkVarOpts('std', opts);
  return composite('std', [x], { dim, opts }, () => varStd('std', x, dim, opts, true));
}

/**
 * log(Σ exp(x)) over `dim`, computed stably by shifting by the maximum.
 * @example
 * ```ts pytorch=core.logsumexp
 * const x = torch.tensor([[0, 0], [1000, 1000]], { dtype: 'float32' });
 * console.log(torch.logsumexp(x, 1)); // log(e^1000 + e^1000) without overflow
 * ```
 * ```text
 * tensor([6.9315e-01, 1.0007e+03])
 * ```
 */
export function logsumexp(x: Tensor, dim: DimArg, keepdimIn: KeepdimArg = false): Tensor {
  const keepdim = keepdimArg('logsumexp', 3, keepdimIn);
  expectTensor('logsumexp', 'input', 1, x);
  if (x.dtype.isComplex) throw new TorchRuntimeError('logsumexp', `logsumexp(): Expected floating point type for result tensor, but got: ${cppName(x.dtype)}`);
  const dims = normalizeDims(dim, x._shape.length, 'logsumexp');
  return composite('logsumexp', [x], { dims, keepdim }, () => inFloat32(x, (x) => logsumexpImpl(x, dims, keepdim)));
}

function logsumexpImpl(x: Tensor, dims: number[], keepdim: boolean): Tensor {
  const xf = x.dtype.isFloatingPoint ? x : x.float();
  if (xf.numel() === 0) return log(sum(exp(xf), dims, keepdim));
  const m = amax(xf, dims, true);
  // An infinite maximum would make x − m NaN; shift by 0 there, as PyTorch does.
  const shift = where(m.isinf(), 0, m);
  const s = log(sum(exp(sub(xf, shift)), dims, true));
  const r = add(s, shift);
  return keepdim ? r : r.squeeze(dims);
}

/**
 * Vector p-norm over `dim` (all elements when omitted): p = 2 (`'fro'`), 1, Infinity, −Infinity, 0 or any number.
 * @example
 * ```ts pytorch=core.norm
 * const x = torch.tensor([[3, 4], [6, 8]], 'float32');
 * console.log(torch.norm(x)); // Frobenius
 * console.log(torch.norm(x, 1, 1)); // the 1-norm of each row
 * ```
 * ```text
 * tensor(11.1803)
 * tensor([ 7., 14.])
 * ```
 */
export function norm(x: Tensor, p: number | 'fro' = 'fro', dim?: DimArg, keepdimIn: KeepdimArg = false): Tensor {
  const keepdim = keepdimArg('norm', 4, keepdimIn);
  expectTensor('norm', 'input', 1, x);
  // a complex input's norm is its moduli's (autograd through abs, whose rule is complex-aware)
  if (x.dtype.isComplex) return norm(abs(x), p, dim, keepdim);
  // PyTorch checks the dtype first (before the dims), for every p.
  if (!x.dtype.isFloatingPoint) {
    throw new TorchRuntimeError('norm', `norm(): input dtype should be either floating point or complex. Got ${cppName(x.dtype)} instead.`);
  }
  const dims = normalizeDims(dim, x._shape.length, 'norm');
  return composite('norm', [x], { p, dims, keepdim }, () => normImpl(x, p, dims, keepdim));
}

function normImpl(xf: Tensor, p: number | 'fro', dims: number[], keepdim: boolean): Tensor {
  const pp = p === 'fro' ? 2 : p;
  const a = abs(xf);
  if (pp === Infinity) return amax(a, dims, keepdim);
  if (pp === -Infinity) return amin(a, dims, keepdim);
  if (pp === 0) return sum(a.ne(0).to(xf.dtype), dims, keepdim);
  if (pp === 1) return sum(a, dims, keepdim);
  if (pp === 2) return sqrt(sum(mul(xf, xf), dims, keepdim));
  return pow(sum(pow(a, pp), dims, keepdim), 1 / pp);
}

/** Runs a scan kernel along `dim`. */
function scanRaw(op: ScanOp, name: string, x: Tensor, dim: number, dtype: DType, indices?: Tensor): Tensor {
  const d = wrapDim(dim, x._shape.length, name);
  const out = emptyTensor(x._shape, dtype, x.device, name);
  const backend = backendFor(x.device, dtype, name);
  const src = x.dtype === dtype ? x : x.to(dtype);
  backend.scan(op, refOf(src), x._shape.length === 0 ? 0 : d, refOf(out), dtype.name, indices ? refOf(indices) : undefined);
  return out;
}

/**
 * Cumulative sum along `dim` (integers accumulate in int64).
 * @example
 * ```ts pytorch=core.cumsum
 * console.log(torch.tensor([1, 2, 3, 4]).cumsum(0));
 * console.log(torch.tensor([[1.5, 2], [3, 4]]).cumsum(1));
 * ```
 * ```text
 * tensor([ 1,  3,  6, 10])
 * tensor([[1.5000, 3.5000],
 *         [3.0000, 7.0000]])
 * ```
 */
export function cumsum(x: Tensor, dim: number, opts?: { dtype?: DTypeLike }): Tensor {
  expectTensor('cumsum', 'input', 1, x);
  const out = scanRaw('cumsum', 'cumsum', x, dim, sumDtype(x, opts?.dtype));
  recordOp('cumsum', [x], [out], { dim: wrapDim(dim, x._shape.length, 'cumsum') });
  return out;
}

/**
 * Cumulative product along `dim`.
 * @example
 * ```ts pytorch=core.cumprod
 * console.log(torch.cumprod(torch.tensor([1, 2, 3, 4]), 0));
 * ```
 * ```text
 * tensor([ 1,  2,  6, 24])
 * ```
 */
export function cumprod(x: Tensor, dim: number, opts?: { dtype?: DTypeLike }): Tensor {
  expectTensor('cumprod', 'input', 1, x);
  const out = scanRaw('cumprod', 'cumprod', x, dim, sumDtype(x, opts?.dtype));
  recordOp('cumprod', [x], [out], { dim: wrapDim(dim, x._shape.length, 'cumprod') });
  return out;
}

/**
 * In-place {@link cumsum}/{@link cumprod}: the scan runs in self's dtype (an explicit
 * `dtype` must equal it) and writes into self; one autograd node, as PyTorch records.
 */
function scanInplace(op: 'cumsum' | 'cumprod', x: Tensor, dim: number, opts?: { dtype?: DTypeLike }): Tensor {
  const name = `${op}_`;
  expectTensor(name, 'input', 1, x);
  const want = opts?.dtype === undefined || opts.dtype === null ? x.dtype : toDType(opts.dtype);
  if (want !== x.dtype) {
    throw new TorchRuntimeError(name, `Bad in-place call: input tensor dtype ${typeMetaName(x.dtype)} and output tensor dtype ${typeMetaName(want)} should match`);
  }
  if (x.dtype === bool) throw new TorchRuntimeError(name, `"${op}_out_cpu" not implemented for 'Bool'`);
  const d = x._shape.length === 0 ? 0 : wrapDim(dim, x._shape.length, name);
  checkWritable(x, name);
  notifyInplace(x, name);
  return composite(name, [x], { dim: d, inplace: true }, () => {
    const r = scanRaw(op, name, x, dim, x.dtype);
    if (x.numel() > 0) backendFor(x.device, x.dtype, name).copy(refOf(r), refOf(x));
    bumpVersion(x);
    return x;
  });
}

/** In-place {@link cumsum} (`x.cumsum_(dim)`). */
export function cumsum_(x: Tensor, dim: number, opts?: { dtype?: DTypeLike }): Tensor {
  return scanInplace('cumsum', x, dim, opts);
}

/** In-place {@link cumprod} (`x.cumprod_(dim)`). */
export function cumprod_(x: Tensor, dim: number, opts?: { dtype?: DTypeLike }): Tensor {
  return scanInplace('cumprod', x, dim, opts);
}

/**
 * `log(cumsum(exp(x)))` along `dim`, computed stably (float dtypes only, as PyTorch's
 * CPU kernel).
 */
export function logcumsumexp(x: Tensor, dim: number): Tensor {
  expectTensor('logcumsumexp', 'input', 1, x);
  if (!x.dtype.isFloatingPoint) throw new TorchRuntimeError('logcumsumexp', `"logcumsumexp_out_cpu" not implemented for '${cppName(x.dtype)}'`);
  const out = scanRaw('logcumsumexp', 'logcumsumexp', x, dim, x.dtype);
  recordOp('logcumsumexp', [x], [out], { dim: x._shape.length === 0 ? 0 : wrapDim(dim, x._shape.length, 'logcumsumexp') });
  return out;
}

/** Running maximum along `dim`: `[values, indices]`. */
export function cummax(x: Tensor, dim: number): ValuesIndices {
  expectTensor('cummax', 'input', 1, x);
  const indices = emptyTensor(x._shape, int64, x.device, 'cummax');
  const values = scanRaw('cummax', 'cummax', x, dim, x.dtype, indices);
  recordOp('cummax', [x], [values], { dim: x._shape.length === 0 ? 0 : wrapDim(dim, x._shape.length, 'cummax'), indices });
  return valuesIndices(values, indices, 'cummax');
}

/** Running minimum along `dim`: `[values, indices]`. */
export function cummin(x: Tensor, dim: number): ValuesIndices {
  expectTensor('cummin', 'input', 1, x);
  const indices = emptyTensor(x._shape, int64, x.device, 'cummin');
  const values = scanRaw('cummin', 'cummin', x, dim, x.dtype, indices);
  recordOp('cummin', [x], [values], { dim: x._shape.length === 0 ? 0 : wrapDim(dim, x._shape.length, 'cummin'), indices });
  return valuesIndices(values, indices, 'cummin');
}
