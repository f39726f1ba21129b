/**
 * Statistics ops (see the catalogue rows in `catalogue/statistics.ts`): order statistics
 * (median, nanmedian, mode, kthvalue, quantile, nanquantile, msort), moments (nanmean,
 * std_mean, var_mean), extrema (aminmax), counting (count_nonzero, bincount, histc,
 * histogram, unique, unique_consecutive), search (searchsorted, bucketize, isin,
 * argwhere) and comparison (isclose, allclose).
 *
 * Every op is a composite of existing ops (sort, gather, scatter, reductions,
 * comparisons), so it runs on every backend and differentiates through its parts.
 * Ops whose result size depends on the data (unique, unique_consecutive, argwhere,
 * bincount, histc/histogram with a range taken from the data, allclose's boolean) read a
 * number back: synchronously on CPU-like devices, and through their `…Async` form on
 * devices that read back only asynchronously (WebGPU).
 */
import { type DType, bool, float32, float64, int32, int64 } from '../dtype.js';
import { needsGrad } from '../autograd-hook.js';
import { TorchIndexError, TorchRuntimeError, TorchTypeError } from '../errors.js';
import { normalizeDims, wrapDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { type KeepdimArg, expectBool, expectInt, expectTensor, keepdimArg, pyTypeName } from '../validate.js';
import { arange, full, linspace, scalarTensor, zeros } from './creation.js';
import { ValuesIndices, returnTypeRepr, valuesIndices } from './dispatch.js';
import { add, div, lerp, sub, where } from './elementwise.js';
import { abs, eq, ge, gt, isfinite, isnan, le, logicalAnd, logicalNot, logicalOr, mul, ne, signbit } from './generated.js';
import { cat, gather, indexSelect, nonzero, nonzeroAsync, sort } from './indexing.js';
import { cppName, typeMetaName } from './promotion.js';
import { type DimArg, type ReduceOptions, type VarOptions, amax, amin, argmax, mean, nansum, std, sum, variance } from './reduction.js';

// ------------------------------------------------------------------ helpers

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** A double as C++'s `ostream <<` prints it (6 significant digits, `%g` style). */
function cDouble(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(v)));
  if (exp < -5 || exp >= 6) {
    const [m, e] = v.toExponential(5).split('e') as [string, string];
    const mm = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const n = Number(e);
    return `${mm}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const s = v.toPrecision(6);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** The error for data-dependent results on devices that read back only asynchronously. */
function needsAsync(op: string, x: Tensor, alternative: string): TorchRuntimeError {
  return new TorchRuntimeError(op, `${op}: the result's size depends on the data, which tensors on '${x.device}' can only read asynchronously; use await torch.${alternative}`);
}

function syncRead(x: Tensor): boolean {
  return x._storage.backend.syncRead;
}

/** The numbers in a small tensor, synchronously. */
function readSync(t: Tensor): number[] {
  return Array.from(t.dataSync(), Number);
}

/** The numbers in a small tensor, on any device. */
async function readAsync(t: Tensor): Promise<number[]> {
  return Array.from(await t.data(), Number);
}

/** `"kernel" not implemented for 'Bool'`, PyTorch's dispatch error. */
function notImplemented(op: string, kernel: string, x: Tensor): TorchRuntimeError {
  return new TorchRuntimeError(op, `"${kernel}" not implemented for '${cppName(x.dtype)}'`);
}

/** An int64 tensor of `shape` filled with `v`, on x's device. */
function fullLong(shape: readonly number[], v: number, x: Tensor): Tensor {
  return full(shape, v, { dtype: int64, device: x.device });
}

/**
 * ATen's `zero_numel_check_dims` for one dim (run when x has no elements): a reduced dim
 * of size 0 is an IndexError.
 */
function zeroSizeDim(op: string, x: Tensor, d: number, prefix = `${op}():`): void {
  if (x.numel() === 0 && x._shape.length > 0 && x._shape[d] === 0) {
    throw new TorchIndexError(op, `${prefix} Expected reduction dim ${d} to have non-zero size.`);
  }
}

/**
 * Picks one element per row along `dim` by its place in a stable ascending sort (NaN
 * last): `pick` gets the sorted values, the row length and the NaN count per row (shape
 * `[…, 1]`) and returns the sorted positions (`[…, 1]`, int64). The values are gathered
 * from x, so gradients flow to the picked elements.
 */
function selectAlong(
  op: string,
  name: string,
  x: Tensor,
  dim: number,
  keepdim: boolean,
  pick: (sorted: Tensor, n: number, x: Tensor) => Tensor,
): ValuesIndices {
  const nd = x._shape.length;
  const d = wrapDim(dim, nd, op);
  const x1 = nd === 0 ? x.reshape([1]) : x;
  const m = x1.movedim(d, -1);
  const n = m._shape[m._shape.length - 1]!;
  const s = sort(m.detach(), -1, false, { stable: true });
  const pos = pick(s.values, n, m);
  const idx = gather(s.indices, -1, pos);
  let values = gather(m, -1, idx);
  let indices = idx;
  if (nd === 0) {
    values = values.reshape([]);
    indices = indices.reshape([]);
  } else {
    values = values.squeeze(-1);
    indices = indices.squeeze(-1);
    if (keepdim) {
      values = values.unsqueeze(d);
      indices = indices.unsqueeze(d);
    }
  }
  return valuesIndices(values, indices, name);
}

/** Rows' NaN counts, `[…, 1]` int64. */
function nanCount(sorted: Tensor): Tensor {
  return sum(isnan(sorted), -1, true);
}

// ------------------------------------------------------------------ argument checks

/** The kind of value an option takes. */
type OptKind = 'bool' | 'int' | 'intOrNull' | 'number' | 'scalar' | 'tensor' | 'dims' | 'dtype' | 'string' | 'range' | 'floats';

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A wrong argument type, as PyTorch's argument parser words it. */
function badArg(op: string, name: string, pos: number | undefined, want: string, v: unknown): TorchTypeError {
  const at = pos === undefined ? `argument '${name}'` : `argument '${name}' (position ${pos})`;
  return new TorchTypeError(op, `${op}(): ${at} must be ${want}, not ${pyTypeName(v)}`);
}

/** Checks one argument's type (undefined is "not given" and always passes). */
function checkArg(op: string, name: string, pos: number | undefined, kind: OptKind, v: unknown): void {
  if (v === undefined) return;
  const isInt = typeof v === 'number' && Number.isInteger(v);
  switch (kind) {
    case 'bool':
      if (typeof v !== 'boolean') throw badArg(op, name, pos, 'bool', v);
      return;
    case 'int':
      if (!isInt) throw badArg(op, name, pos, 'int', v);
      return;
    case 'intOrNull':
      if (v !== null && !isInt) throw badArg(op, name, pos, 'int', v);
      return;
    case 'number':
      if (typeof v !== 'number') throw badArg(op, name, pos, 'float', v);
      return;
    case 'scalar':
      if (typeof v !== 'number') throw badArg(op, name, pos, 'Number', v);
      return;
    case 'tensor':
      if (!(v instanceof Tensor)) throw badArg(op, name, pos, 'Tensor', v);
      return;
    case 'string':
      if (typeof v !== 'string') throw badArg(op, name, pos, 'str', v);
      return;
    case 'dims':
      if (v === null || isInt) return;
      if (!Array.isArray(v) || v.some((d) => typeof d !== 'number' || !Number.isInteger(d))) throw badArg(op, name, pos, 'tuple of ints', v);
      return;
    case 'dtype':
      if (v === null || typeof v === 'string' || (typeof v === 'object' && v !== null && 'isFloatingPoint' in v)) return;
      throw badArg(op, name, pos, 'torch.dtype', v);
    case 'floats':
      if (v === null) return;
      if (!Array.isArray(v) || v.some((d) => typeof d !== 'number')) throw badArg(op, name, pos, 'tuple of floats', v);
      return;
    case 'range':
      if (v === null) return;
      if (!Array.isArray(v) || v.length !== 2 || v.some((d) => typeof d !== 'number')) throw badArg(op, name, pos, 'tuple of floats', v);
      return;
  }
}

/**
 * Checks a trailing options object: a plain object whose keys are known, each of the
 * declared kind (`op() got an unexpected keyword argument 'x'` otherwise).
 */
function checkOpts(op: string, opts: unknown, spec: Record<string, OptKind>): void {
  if (opts === undefined || opts === null) return;
  if (typeof opts !== 'object' || Array.isArray(opts) || opts instanceof Tensor) {
    throw new TorchTypeError(op, `${op}(): options must be an object of keyword arguments, not ${pyTypeName(opts)}`);
  }
  for (const [k, v] of Object.entries(opts as Record<string, unknown>)) {
    if (v === undefined) continue;
    const kind = spec[k];
    if (kind === undefined) throw new TorchTypeError(op, `${op}() got an unexpected keyword argument '${snake(k)}'`);
    checkArg(op, snake(k), undefined, kind, v);
  }
}

/** A tensor or a Python number: `isin(): argument 'elements' (position 1) must be Tensor, not str`. */
function checkTensorOrNumber(op: string, name: string, pos: number, v: unknown): void {
  if (!(v instanceof Tensor) && typeof v !== 'number') throw badArg(op, name, pos, 'Tensor', v);
}

// ------------------------------------------------------------------ median / nanmedian / kthvalue / mode

function medianPick(ignoreNan: boolean) {
  return (sorted: Tensor, n: number, x: Tensor): Tensor => {
    const rows = sorted._shape.slice(0, -1);
    if (!sorted.dtype.isFloatingPoint) return fullLong([...rows, 1], (n - 1) >> 1, x);
    const nans = nanCount(sorted);
    if (ignoreNan) {
      // ((n − nans) − 1) / 2, truncated as C++ does (an all-NaN row picks position 0)
      return sub(n - 1, nans).clamp(0, null).div(2, { roundingMode: 'floor' });
    }
    // a row with NaN answers its first NaN, which the stable sort puts at n − nans
    return where(gt(nans, 0), sub(n, nans), (n - 1) >> 1);
  };
}

function medianImpl(op: 'median' | 'nanmedian', x: Tensor, dim: number | null | undefined, keepdim: boolean): Tensor | ValuesIndices {
  expectTensor(op, 'input', 1, x);
  checkArg(op, 'dim', 2, 'intOrNull', dim);
  checkArg(op, 'keepdim', 3, 'bool', keepdim);
  const ignoreNan = op === 'nanmedian';
  if (dim === undefined || dim === null) {
    if (x.dtype === bool) throw notImplemented(op, 'median_cpu', x);
    if (x.numel() === 0) return full([], NaN, { dtype: x.dtype, device: x.device });
    const xd = x.detach();
    const v = selectAlong(op, op, xd.reshape(-1), 0, false, medianPick(ignoreNan)).values;
    if (!needsGrad([x])) return v;
    // PyTorch's evenly_distribute_backward: the gradient is shared by every element equal to
    // the median (every NaN when it is NaN), +0 elsewhere. v + Σ(x − xd)/count has v's value
    // and that gradient, but turns a −0 median into +0: for it, both terms and the sum are
    // negated (exact, and the gradient's sign is kept).
    const mask = logicalOr(eq(xd, v), logicalAnd(isnan(xd), isnan(v)));
    const share = div(sum(where(mask, sub(x, xd), 0)), sum(mask));
    const sign = where(logicalAnd(eq(v, 0), signbit(v)), -1, 1).to(v.dtype);
    return mul(sign, add(mul(sign, v), mul(sign, share)));
  }
  const d = wrapDim(dim, x._shape.length, op);
  zeroSizeDim(op, x, d, 'median():');
  if (x.dtype === bool) throw notImplemented(op, 'median_out', x);
  return selectAlong(op, op, x, d, keepdim, medianPick(ignoreNan));
}

/**
 * The median of all elements (`median(x)` → a 0-d tensor), or along `dim`
 * (`median(x, dim, keepdim?)` → `(values, indices)`). Even-sized inputs give the lower of
 * the two middle values; a NaN makes the result NaN (see {@link nanmedian}). Ties take
 * the index a stable sort puts at the median's place, as PyTorch's CPU kernel does.
 * @example
 * ```ts pytorch=core.median
 * console.log(torch.median(torch.tensor([3, 1, 2, 4]))); // the lower of the two middle values
 * const x = torch.tensor([[5, 1, 3], [2, 8, 6]]);
 * const [values, indices] = torch.median(x, 1);
 * console.log(values, indices);
 * ```
 * ```text
 * tensor(2)
 * tensor([3, 6]) tensor([2, 2])
 * ```
 */
export function median(x: Tensor): Tensor;
export function median(x: Tensor, dim: number, keepdim?: KeepdimArg): ValuesIndices;
export function median(x: Tensor, dim?: number | null, keepdim?: KeepdimArg): Tensor | ValuesIndices;
export function median(x: Tensor, dim?: number | null, keepdimIn: KeepdimArg = false): Tensor | ValuesIndices {
  const keepdim = keepdimArg('median', 3, keepdimIn);
  return medianImpl('median', x, dim, keepdim);
}

/** {@link median} ignoring NaN (the median of the non-NaN values; NaN when all are NaN). */
export function nanmedian(x: Tensor): Tensor;
export function nanmedian(x: Tensor, dim: number, keepdim?: KeepdimArg): ValuesIndices;
export function nanmedian(x: Tensor, dim?: number | null, keepdim?: KeepdimArg): Tensor | ValuesIndices;
export function nanmedian(x: Tensor, dim?: number | null, keepdimIn: KeepdimArg = false): Tensor | ValuesIndices {
  const keepdim = keepdimArg('nanmedian', 3, keepdimIn);
  return medianImpl('nanmedian', x, dim, keepdim);
}

/**
 * The `k`-th smallest element (1-based) along `dim` (default last): `(values, indices)`.
 * NaN counts as the largest. Among equal values the index is the one a stable sort puts
 * at place k (PyTorch's quick-select may name another of the equal elements).
 * @example
 * ```ts pytorch=core.kthvalue
 * const [v, i] = torch.kthvalue(torch.tensor([5, 1, 4]), 2); // the 2nd smallest
 * console.log(v, i);
 * ```
 * ```text
 * tensor(4) tensor(2)
 * ```
 */
export function kthvalue(x: Tensor, k: number, dim = -1, keepdimIn: KeepdimArg = false): ValuesIndices {
  const keepdim = keepdimArg('kthvalue', 4, keepdimIn);
  expectTensor('kthvalue', 'input', 1, x);
  expectInt('kthvalue', 'k', 2, k);
  expectInt('kthvalue', 'dim', 3, dim);
  expectBool('kthvalue', 'keepdim', 4, keepdim);
  const d = wrapDim(dim, x._shape.length, 'kthvalue');
  const size = x._shape.length === 0 ? 1 : x._shape[d]!;
  if (!Number.isInteger(k) || k < 1 || k > size) {
    throw new TorchRuntimeError('kthvalue', `kthvalue(): selected number k out of range for dimension ${d}`);
  }
  if (x.dtype === bool) throw notImplemented('kthvalue', 'kthvalue_cpu', x);
  return selectAlong('kthvalue', 'kthvalue', x, d, keepdim, (sorted, _n, t) => fullLong([...sorted._shape.slice(0, -1), 1], k - 1, t));
}

/**
 * The most frequent value along `dim` (default last) and the index of its last
 * occurrence: `(values, indices)`. Among equally frequent values the smallest wins.
 * (PyTorch's CPU kernel finds the index with an unstable sort: for rows of 16 or more
 * elements it may name another occurrence of the value.)
 * @example
 * ```ts pytorch=core.mode
 * console.log(torch.mode(torch.tensor([1, 2, 2, 3, 3]))); // ties: the smallest value
 * ```
 * ```text
 * torch.return_types.mode(
 * values=tensor(2),
 * indices=tensor(2))
 * ```
 */
export function mode(x: Tensor, dim = -1, keepdimIn: KeepdimArg = false): ValuesIndices {
  const keepdim = keepdimArg('mode', 3, keepdimIn);
  expectTensor('mode', 'input', 1, x);
  expectInt('mode', 'dim', 2, dim);
  expectBool('mode', 'keepdim', 3, keepdim);
  const d = wrapDim(dim, x._shape.length, 'mode');
  zeroSizeDim('mode', x, d);
  return selectAlong('mode', 'mode', x, d, keepdim, (sorted, n, t) => {
    const rows = sorted._shape.slice(0, -1);
    if (n <= 1) return fullLong([...rows, 1], 0, t);
    // runs of equal values in the sorted row: each run's length at its last element
    const neq = ne(sorted.narrow(-1, 1, n - 1), sorted.narrow(-1, 0, n - 1));
    const edge = full([...rows, 1], true, { dtype: bool, device: t.device });
    const isStart = cat([edge, neq], -1);
    const isEnd = cat([neq, edge], -1);
    const ar = arange(n, { dtype: int64, device: t.device });
    const start = where(isStart, ar, 0).cummax(-1).values;
    const len = where(isEnd, sub(ar, start).add(1), 0);
    // the first longest run: the smallest of the most frequent values; its last element
    // in a stable sort is the value's last occurrence
    return argmax(len, -1, true);
  });
}

// ------------------------------------------------------------------ quantile / nanquantile

/** How {@link quantile} picks a value between two data points. */
export type QuantileInterpolation = 'linear' | 'lower' | 'higher' | 'midpoint' | 'nearest';

/** Options of {@link quantile} and {@link nanquantile}. */
export interface QuantileOptions {
  /** Keep the reduced dim (or all dims, without `dim`) with size 1. */
  keepdim?: boolean;
  /** Between two data points: `'linear'` (default), `'lower'`, `'higher'`, `'midpoint'` or `'nearest'`. */
  interpolation?: QuantileInterpolation;
}

const INTERPOLATIONS = ['linear', 'lower', 'higher', 'midpoint', 'nearest'];

/** quantile's argument checks, in PyTorch's order (all but q's range). */
function quantileChecks(op: string, x: Tensor, q: number | Tensor, opts: QuantileOptions | undefined, dim?: unknown): void {
  expectTensor(op, 'input', 1, x);
  checkTensorOrNumber(op, 'q', 2, q);
  checkArg(op, 'dim', 3, 'intOrNull', dim);
  checkOpts(op, opts, { keepdim: 'bool', interpolation: 'string' });
  const interpolation = opts?.interpolation ?? 'linear';
  const err = (msg: string) => new TorchRuntimeError(op, msg);
  if (typeof q === 'number' && !(q >= 0 && q <= 1)) throw err(`quantile() q must be in the range [0, 1] but got ${cDouble(q)}`);
  if (!INTERPOLATIONS.includes(interpolation)) {
    throw err(`quantile() interpolation must be one of linear, lower, higher, midpoint or nearest, but got ${String(interpolation)}`);
  }
  if (x.numel() === 0) throw err('quantile() input tensor must be non-empty');
  if (q instanceof Tensor && q._shape.length > 1) throw err('quantile() q must be a scalar or 1D tensor');
  if (x.dtype !== float32 && x.dtype !== float64) throw err('quantile() input tensor must be either float or double dtype');
  if (q instanceof Tensor && q.dtype !== x.dtype) throw err('quantile() q tensor must be same dtype as the input tensor');
}

function quantileImpl(op: 'quantile' | 'nanquantile', x: Tensor, q: number | Tensor, dim: number | null | undefined, opts: QuantileOptions | undefined): Tensor {
  quantileChecks(op, x, q, opts, dim);
  const keepdim = opts?.keepdim ?? false;
  const interpolation = opts?.interpolation ?? 'linear';
  const err = (msg: string) => new TorchRuntimeError(op, msg);
  const qt = typeof q === 'number' ? null : q;
  const nd = x._shape.length;
  const d = dim === undefined || dim === null ? null : wrapDim(dim, nd, op);
  // Output shape without q's dim.
  let outShape: number[];
  if (d !== null && nd > 0) {
    outShape = [...x._shape];
    if (keepdim) outShape[d] = 1;
    else outShape.splice(d, 1);
  } else outShape = keepdim ? x._shape.map(() => 1) : [];
  // Checking q's range reads it back: only where reading is synchronous (PyTorch checks on CPU only).
  if (qt !== null && syncRead(qt) && qt.numel() > 0 && !(ge(qt, 0).logicalAnd(le(qt, 1)).all().item() as boolean)) {
    throw err('quantile() q values must be in the range [0, 1]');
  }
  const qv = qt ?? scalarTensor(q as number, x.dtype, x);
  // Rows to reduce, sorted (NaN last): [R, n].
  const rowsOf = d === null ? x.reshape([1, -1]) : (nd === 0 ? x.reshape([1]) : x).movedim(nd === 0 ? 0 : d, -1);
  const n = rowsOf._shape[rowsOf._shape.length - 1]!;
  const rows = rowsOf.reshape([-1, n]);
  const sorted = sort(rows, -1).values;
  const q1 = qv.reshape([1, -1]); // [1, Q]
  let ranks: Tensor;
  if (op === 'nanquantile') {
    ranks = mul(q1, sub(sum(logicalNot(isnan(sorted)), -1, true), 1));
    ranks = where(ranks.lt(0), 0, ranks);
  } else {
    const last = n - 1;
    ranks = where(isnan(sorted).any(-1, true), last, mul(q1, last)).to(x.dtype);
  }
  if (interpolation === 'lower') ranks = ranks.floor();
  else if (interpolation === 'higher') ranks = ranks.ceil();
  else if (interpolation === 'nearest') ranks = ranks.round();
  const below = ranks.to(int64);
  let result = gather(sorted, -1, below);
  if (interpolation === 'linear' || interpolation === 'midpoint') {
    const weights = interpolation === 'midpoint' ? full(ranks._shape, 0.5, { dtype: x.dtype, device: x.device }) : sub(ranks, below);
    const above = gather(sorted, -1, ranks.ceil().to(int64));
    result = lerp(result, above, weights);
  }
  // [R, Q] → [Q, …outShape] (or outShape for a 0-d q)
  const qn = q1._shape[1]!;
  const moved = result.t();
  return qt !== null && qt._shape.length === 1 ? moved.reshape([qn, ...outShape]) : moved.reshape(outShape);
}

/**
 * The `q`-th quantiles (q in [0, 1], a number or a 0-d/1-D tensor of x's dtype) of all
 * elements or along `dim`, interpolating between data points (`opts.interpolation`).
 * A 1-D `q` adds a leading dim of its size. A row with NaN gives NaN
 * (see {@link nanquantile}). Floats only.
 * @example
 * ```ts pytorch=core.quantile
 * console.log(torch.quantile(torch.tensor([1, 2, 3, 4], { dtype: 'float32' }), 0.5));
 * const x = torch.tensor([[0, 1, 2, 3, 4], [0, 10, 20, 30, 40]], { dtype: 'float32' });
 * console.log(torch.quantile(x, torch.tensor([0.25, 0.75]), 1, { keepdim: true }));
 * ```
 * ```text
 * tensor(2.5000)
 * tensor([[[ 1.],
 *          [10.]],
 *
 *         [[ 3.],
 *          [30.]]])
 * ```
 */
export function quantile(x: Tensor, q: number | Tensor, dim?: number | null, opts?: QuantileOptions): Tensor {
  return quantileImpl('quantile', x, q, dim, opts);
}

/** {@link quantile} ignoring NaN (NaN only where a row is all NaN). */
export function nanquantile(x: Tensor, q: number | Tensor, dim?: number | null, opts?: QuantileOptions): Tensor {
  return quantileImpl('nanquantile', x, q, dim, opts);
}

/** Whether all of q lies in [0, 1], read back on any device. */
async function qInRange(q: number | Tensor): Promise<void> {
  if (typeof q === 'number' || q.numel() === 0) return;
  const ok = (await readAsync(ge(q, 0).logicalAnd(le(q, 1)).all()))[0] !== 0;
  if (!ok) throw new TorchRuntimeError('quantile', 'quantile() q values must be in the range [0, 1]');
}

/**
 * {@link quantile} with q's range checked on any device: on devices that read back only
 * asynchronously (WebGPU) the synchronous form skips reading a tensor q back (as PyTorch
 * does off the CPU); this form awaits the check first.
 */
export async function quantileAsync(x: Tensor, q: number | Tensor, dim?: number | null, opts?: QuantileOptions): Promise<Tensor> {
  quantileChecks('quantile', x, q, opts, dim);
  await qInRange(q);
  return quantileImpl('quantile', x, q, dim, opts);
}

/** {@link nanquantile} with q's range checked on any device (see {@link quantileAsync}). */
export async function nanquantileAsync(x: Tensor, q: number | Tensor, dim?: number | null, opts?: QuantileOptions): Promise<Tensor> {
  quantileChecks('nanquantile', x, q, opts, dim);
  await qInRange(q);
  return quantileImpl('nanquantile', x, q, dim, opts);
}

/** Sorts along the first dim (`sort(x, 0).values`). */
export function msort(x: Tensor): Tensor {
  expectTensor('msort', 'input', 1, x);
  return sort(x, 0).values;
}

// ------------------------------------------------------------------ moments

/**
 * The mean over `dim` (all dims when omitted) ignoring NaN: the sum of the non-NaN values
 * over their count (NaN where there are none). Floats only.
 * @example
 * ```ts pytorch=core.nanmean
 * const x = torch.tensor([1, NaN, 2]);
 * console.log(torch.nanmean(x), x.mean());
 * ```
 * ```text
 * tensor(1.5000) tensor(nan)
 * ```
 */
export function nanmean(x: Tensor, dim?: DimArg, keepdim?: boolean | ReduceOptions, opts?: ReduceOptions): Tensor {
  expectTensor('nanmean', 'input', 1, x);
  checkArg('nanmean', 'dim', 2, 'dims', dim);
  if (typeof keepdim !== 'boolean') checkOpts('nanmean', keepdim, { keepdim: 'bool', dtype: 'dtype' });
  checkOpts('nanmean', opts, { keepdim: 'bool', dtype: 'dtype' });
  if (!x.dtype.isFloatingPoint) {
    throw new TorchRuntimeError('nanmean', `nanmean(): expected input to have floating point dtype but got ${cppName(x.dtype)}`);
  }
  const o: ReduceOptions = typeof keepdim === 'boolean' ? { ...opts, keepdim } : { ...keepdim, ...opts };
  const dims = dim === undefined || dim === null ? undefined : normalizeDims(dim, x._shape.length, 'nanmean');
  const count = sum(logicalNot(isnan(x)), dims, o.keepdim ?? false);
  return div(nansum(x, dims, o), count);
}

function momentMean(op: 'std_mean' | 'var_mean', x: Tensor, dim: DimArg, opts: VarOptions | boolean | undefined): [Tensor, Tensor] {
  expectTensor(op, 'input', 1, x);
  checkArg(op, 'dim', 2, 'dims', dim);
  if (typeof opts !== 'boolean') checkOpts(op, opts, { correction: 'int', unbiased: 'bool', keepdim: 'bool' });
  if (!x.dtype.isFloatingPoint) throw new TorchRuntimeError(op, `${op} only support floating point and complex dtypes`);
  const o: VarOptions = typeof opts === 'boolean' ? { unbiased: opts } : opts ?? {};
  // PyTorch computes both with one Welford pass in double (acc_type of float): the mean
  // too is rounded once from double, which may differ from torch.mean's float sum.
  const wide = x.dtype === float32 && x._storage.backend.dtypes.has('float64');
  const xw = wide ? x.to(float64) : x;
  const dims = dim === undefined || dim === null ? undefined : normalizeDims(dim, x._shape.length, op);
  const m = x.numel() === 0 ? full(x._shape.filter((_, i) => !(dims ?? x._shape.map((__, j) => j)).includes(i)), NaN, { dtype: xw.dtype, device: x.device }) : mean(xw, dims, o.keepdim ?? false);
  const s = op === 'std_mean' ? std(xw, dims, o) : variance(xw, dims, o);
  return wide ? [s.to(x.dtype), m.to(x.dtype)] : [s, m];
}

/**
 * The standard deviation and the mean over `dim` (all dims when omitted), as a pair
 * `[std, mean]`; options as for {@link std}.
 * @example
 * ```ts pytorch=core.stdMean
 * const x = torch.tensor([[1, 3], [2, 6]], { dtype: 'float32' });
 * const [s, m] = torch.stdMean(x, 1, { correction: 0 });
 * console.log(s, m);
 * ```
 * ```text
 * tensor([1., 2.]) tensor([2., 4.])
 * ```
 */
export function stdMean(x: Tensor, dim?: DimArg, opts?: VarOptions | boolean): [Tensor, Tensor] {
  return momentMean('std_mean', x, dim, opts);
}

/** The variance and the mean over `dim` (all dims when omitted), as a pair `[var, mean]`. */
export function varMean(x: Tensor, dim?: DimArg, opts?: VarOptions | boolean): [Tensor, Tensor] {
  return momentMean('var_mean', x, dim, opts);
}

// ------------------------------------------------------------------ aminmax / count_nonzero

/**
 * The result of {@link aminmax}: `torch.return_types.aminmax(min, max)`. Use it by name
 * (`r.min`, `r.max`) or destructure it (`const [lo, hi] = torch.aminmax(x)`).
 */
export class MinMax implements Iterable<Tensor> {
  /** @internal */
  constructor(
    /** The minima. */
    readonly min: Tensor,
    /** The maxima. */
    readonly max: Tensor,
  ) {}
  /** Always 2, as a tuple. */
  get length(): 2 {
    return 2;
  }
  /** Tuple access: 0 → min. */
  get 0(): Tensor {
    return this.min;
  }
  /** Tuple access: 1 → max. */
  get 1(): Tensor {
    return this.max;
  }
  /** Destructuring support. */
  *[Symbol.iterator](): Iterator<Tensor> {
    yield this.min;
    yield this.max;
  }
  /** PyTorch's repr: `torch.return_types.aminmax(\nmin=tensor(…),\nmax=tensor(…))`. */
  toString(): string {
    return returnTypeRepr('aminmax', [
      ['min', this.min.toString()],
      ['max', this.max.toString()],
    ]);
  }
  /** {@link toString} for tensors on asynchronous devices. */
  async toStringAsync(): Promise<string> {
    return returnTypeRepr('aminmax', [
      ['min', await this.min.toStringAsync()],
      ['max', await this.max.toStringAsync()],
    ]);
  }
  /** @internal `console.log(r)` prints the repr. */
  [inspectSymbol](): string {
    return syncRead(this.min) ? this.toString() : `torch.return_types.aminmax(<on ${this.min.device}: await r.toStringAsync()>)`;
  }
}

/** Options of {@link aminmax}. */
export interface AminmaxOptions {
  /** The dim to reduce (all dims when omitted). */
  dim?: number | null;
  /** Keep reduced dims with size 1. */
  keepdim?: boolean;
}

/**
 * The minimum and maximum over `opts.dim` (all elements when omitted), as
 * `torch.return_types.aminmax(min, max)`. NaN propagates.
 * @example
 * ```ts pytorch=core.aminmax
 * const x = torch.tensor([[4, -1, 7], [0, 2, 2]]);
 * const { min, max } = torch.aminmax(x, { dim: 1 });
 * console.log(min, max);
 * ```
 * ```text
 * tensor([-1,  0]) tensor([7, 2])
 * ```
 */
export function aminmax(x: Tensor, opts?: AminmaxOptions): MinMax {
  expectTensor('aminmax', 'input', 1, x);
  checkOpts('aminmax', opts, { dim: 'intOrNull', keepdim: 'bool' });
  const keepdim = opts?.keepdim ?? false;
  const dim = opts?.dim;
  if (dim === undefined || dim === null) {
    if (x.numel() === 0) {
      throw new TorchRuntimeError('aminmax', 'aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity.');
    }
    const lo = amin(x);
    const hi = amax(x);
    return keepdim ? new MinMax(lo.reshape(x._shape.map(() => 1)), hi.reshape(x._shape.map(() => 1))) : new MinMax(lo, hi);
  }
  const d = wrapDim(dim, x._shape.length, 'aminmax');
  zeroSizeDim('aminmax', x, d, 'aminmax:');
  return new MinMax(amin(x, d, keepdim), amax(x, d, keepdim));
}

/**
 * The number of nonzero elements over `dim` (one dim or several; all when omitted), int64.
 * @example
 * ```ts pytorch=core.countNonzero
 * const x = torch.tensor([[0, 1], [2, 3]]);
 * console.log(torch.countNonzero(x), torch.countNonzero(x, 0));
 * ```
 * ```text
 * tensor(3) tensor([1, 2])
 * ```
 */
export function countNonzero(x: Tensor, dim?: DimArg): Tensor {
  expectTensor('count_nonzero', 'input', 1, x);
  checkArg('count_nonzero', 'dim', 2, 'dims', dim);
  const dims = dim === undefined || dim === null ? undefined : normalizeDims(dim, x._shape.length, 'count_nonzero');
  return sum(ne(x, 0), dims);
}

// ------------------------------------------------------------------ searchsorted / bucketize / isin

/** Options of {@link searchsorted}. */
export interface SearchsortedOptions {
  /** Return int32 indices (default int64). */
  outInt32?: boolean;
  /** The last fitting place instead of the first (`side: 'right'`). */
  right?: boolean;
  /** `'left'` or `'right'`, the same as `right`. */
  side?: 'left' | 'right';
  /** Indices that sort `sortedSequence` along its last dim (int64), when it is not sorted. */
  sorter?: Tensor;
}

/**
 * PyTorch's binary search (`cus_lower_bound`/`cus_upper_bound`) run on whole tensors: every
 * value halves its own [lo, hi) window in step, ⌈log2(N + 1)⌉ steps of gathers and
 * compares. A value moves right past a boundary b when !(b >= v) (left) or !(b > v)
 * (right), so NaN values go last and a sequence with NaN behaves as PyTorch's does.
 * `seq` is 1-D (serving every value) or matches `values` in all but its last dim; `hi`
 * overrides the window's end (a tensor of the result's shape, or broadcastable to it).
 */
function binarySearch(seq: Tensor, values: Tensor | number, right: boolean, hi0?: Tensor): Tensor {
  const n = seq._shape[seq._shape.length - 1]!;
  const vt = values instanceof Tensor ? values : null;
  const oneD = seq._shape.length === 1;
  const outShape = vt === null ? [] : vt._shape;
  const v: Tensor | number = vt === null ? values : oneD ? vt.reshape(-1) : vt;
  const idxShape = vt === null ? [1] : oneD ? [vt.numel()] : vt._shape;
  let lo: Tensor = zeros(idxShape, { dtype: int64, device: seq.device });
  let hi = hi0 === undefined ? fullLong(idxShape, n, seq) : hi0.expand(idxShape).to(int64);
  if (n > 0 && lo.numel() > 0) {
    const steps = Math.ceil(Math.log2(n + 1));
    for (let i = 0; i < steps; i++) {
      const active = lo.lt(hi);
      const mid = add(lo, sub(hi, lo).div(2, { roundingMode: 'floor' }));
      const b = gather(seq, -1, mid.clamp(null, n - 1));
      const goRight = logicalNot(right ? gt(b, v as Tensor) : ge(b, v as Tensor));
      lo = where(logicalAnd(active, goRight), add(mid, 1), lo);
      hi = where(logicalAnd(active, logicalNot(goRight)), mid, hi);
    }
  }
  return lo.reshape(outShape);
}

function searchPlaces(op: string, seq: Tensor, values: Tensor | number, right: boolean, outInt32: boolean): Tensor {
  if (seq.dtype === bool) throw notImplemented(op, 'searchsorted_out_cpu', seq);
  const places = binarySearch(seq.detach(), values instanceof Tensor ? values.detach() : values, right);
  return outInt32 ? places.to(int32) : places;
}

/**
 * For each value, the index where it would be inserted into `sortedSequence` (sorted along
 * its last dim) to keep it sorted: the first such place, or the last with `right`. A 1-D
 * sequence serves every value; an N-D one matches `values` in all but the last dim.
 * @example
 * ```ts pytorch=core.searchsorted
 * const sorted = torch.tensor([1, 3, 5]);
 * console.log(torch.searchsorted(sorted, torch.tensor([3, 6])));
 * console.log(torch.searchsorted(sorted, torch.tensor([3, 6]), { right: true }));
 * ```
 * ```text
 * tensor([1, 3])
 * tensor([2, 3])
 * ```
 */
export function searchsorted(sortedSequence: Tensor, values: Tensor | number, opts?: SearchsortedOptions): Tensor {
  const op = 'searchsorted';
  expectTensor(op, 'sorted_sequence', 1, sortedSequence);
  checkTensorOrNumber(op, 'input', 2, values);
  checkOpts(op, opts, { outInt32: 'bool', right: 'bool', side: 'string', sorter: 'tensor' });
  const side = opts?.side;
  if (side !== undefined && side !== 'left' && side !== 'right') {
    throw new TorchRuntimeError(op, `torch.searchsorted(): side can only be 'left' or 'right' but got ${String(side)}`);
  }
  if (side !== undefined && opts?.right !== undefined && (side === 'right') !== opts.right) {
    throw new TorchRuntimeError(op, `torch.searchsorted(): side and right can't be set to opposites, got side of ${side} while right was ${opts.right ? 'True' : 'False'}`);
  }
  const right = opts?.right ?? side === 'right';
  const seq = sortedSequence;
  const sorter = opts?.sorter;
  if (sorter !== undefined) {
    if (sorter.dtype !== int64) throw new TorchRuntimeError(op, `torch.searchsorted(): sorter must be a tensor of long dtype but got dtype ${cppName(sorter.dtype)}`);
    if (sorter._shape.join() !== seq._shape.join() || sorter._shape.length !== seq._shape.length) {
      throw new TorchRuntimeError(op, `torch.searchsorted(): boundary and sorter must have the same size, but got boundary tensor [${seq._shape.join(', ')}]and got sorter tensor [${sorter._shape.join(', ')}]`);
    }
  }
  if (seq._shape.length === 0) {
    throw new TorchRuntimeError(op, 'torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension');
  }
  if (seq._shape.length > 1) {
    const vs = values instanceof Tensor ? values._shape : [];
    const ok = vs.length === seq._shape.length && seq._shape.slice(0, -1).every((s, i) => s === vs[i]);
    if (!ok) {
      throw new TorchRuntimeError(
        op,
        `torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor [${seq._shape.join(', ')}] and input value tensor [${vs.join(', ')}]`,
      );
    }
  }
  const sortedSeq = sorter === undefined ? seq : gather(seq, -1, sorter);
  return searchPlaces(op, sortedSeq, values, right, opts?.outInt32 ?? false);
}

/** Options of {@link bucketize}. */
export interface BucketizeOptions {
  /** Return int32 indices (default int64). */
  outInt32?: boolean;
  /** Buckets closed on the left (`boundaries[i-1] <= x < boundaries[i]`) instead of the right. */
  right?: boolean;
}

/**
 * The bucket of each element of `input` among sorted 1-D `boundaries`: i with
 * `boundaries[i-1] < x <= boundaries[i]` (`<=`/`<` swapped with `right`).
 * @example
 * ```ts pytorch=core.bucketize
 * console.log(torch.bucketize(torch.tensor([1, 5, 9]), torch.tensor([2, 6]))); // which bucket of the boundaries
 * ```
 * ```text
 * tensor([0, 1, 2])
 * ```
 */
export function bucketize(input: Tensor | number, boundaries: Tensor, opts?: BucketizeOptions): Tensor {
  checkTensorOrNumber('bucketize', 'input', 1, input);
  expectTensor('bucketize', 'boundaries', 2, boundaries);
  checkOpts('bucketize', opts, { outInt32: 'bool', right: 'bool' });
  if (boundaries._shape.length !== 1) {
    throw new TorchRuntimeError('bucketize', `boundaries tensor must be 1 dimension, but got dim(${boundaries._shape.length})`);
  }
  return searchPlaces('bucketize', boundaries, input, opts?.right ?? false, opts?.outInt32 ?? false);
}

/** Options of {@link isin}. */
export interface IsinOptions {
  /** Both inputs hold unique values (a hint; the result is the same). */
  assumeUnique?: boolean;
  /** Whether each element is NOT in `testElements`. */
  invert?: boolean;
}

/**
 * Whether each element of `elements` is in `testElements` (bool, of `elements`' shape).
 * Either may be a number.
 * @example
 * ```ts pytorch=core.isin
 * console.log(torch.isin(torch.tensor([1, 2, 3]), torch.tensor([2, 5])));
 * ```
 * ```text
 * tensor([False,  True, False])
 * ```
 */
export function isin(elements: Tensor | number, testElements: Tensor | number, opts?: IsinOptions): Tensor {
  checkTensorOrNumber('isin', 'elements', 1, elements);
  checkTensorOrNumber('isin', 'test_elements', 2, testElements);
  checkOpts('isin', opts, { assumeUnique: 'bool', invert: 'bool' });
  const like = elements instanceof Tensor ? elements : testElements instanceof Tensor ? testElements : null;
  if (like === null) throw new TorchTypeError('isin', 'isin() received an invalid combination of arguments - got (int, int)');
  for (const t of [elements, testElements]) {
    if (t instanceof Tensor && t.dtype === bool) throw new TorchRuntimeError('isin', 'Unsupported input type encountered for isin(): Bool');
  }
  const el = (elements instanceof Tensor ? elements : scalarTensor(elements, Number.isInteger(elements) ? int64 : float64, like)).detach();
  const te = (testElements instanceof Tensor ? testElements : scalarTensor(testElements, Number.isInteger(testElements) ? int64 : float64, like)).detach().reshape(-1);
  const m = te.numel();
  let found: Tensor;
  if (m === 0) found = zeros(el._shape, { dtype: bool, device: el.device });
  else {
    // Sorted test elements (NaN last, never matching): each element's lower bound among the
    // non-NaN ones, then whether the element there equals it. O((n + m) log m).
    const sorted = sort(te).values;
    const real = te.dtype.isFloatingPoint ? sum(logicalNot(isnan(te))).reshape([1]) : fullLong([1], m, te);
    const at = binarySearch(sorted, el, false, real);
    found = logicalAnd(at.lt(real.reshape([])), eq(gather(sorted, 0, at.reshape(-1).clamp(null, m - 1)).reshape(el._shape), el));
  }
  return opts?.invert ? logicalNot(found) : found;
}

// ------------------------------------------------------------------ isclose / allclose

/** Options of {@link isclose} and {@link allclose}. */
export interface IscloseOptions {
  /** Relative tolerance (default 1e-5). */
  rtol?: number;
  /** Absolute tolerance (default 1e-8). */
  atol?: number;
  /** NaN equals NaN. */
  equalNan?: boolean;
}

/**
 * Elementwise `|a − b| <= atol + rtol·|b|` (or a == b, which covers infinities), as bool.
 * Both tensors must have the same dtype.
 * @example
 * ```ts pytorch=core.isclose
 * const a = torch.tensor([1, 2, NaN], { dtype: 'float32' });
 * const b = torch.tensor([1.000001, 2.1, NaN], { dtype: 'float32' });
 * console.log(torch.isclose(a, b));
 * console.log(torch.isclose(a, b, { equalNan: true }));
 * ```
 * ```text
 * tensor([ True, False, False])
 * tensor([ True, False,  True])
 * ```
 */
export function isclose(a: Tensor, b: Tensor, opts?: IscloseOptions): Tensor {
  expectTensor('isclose', 'input', 1, a);
  expectTensor('isclose', 'other', 2, b);
  checkOpts('isclose', opts, { rtol: 'number', atol: 'number', equalNan: 'bool' });
  const rtol = opts?.rtol ?? 1e-5;
  const atol = opts?.atol ?? 1e-8;
  if (a.dtype !== b.dtype) throw new TorchRuntimeError('isclose', `${cppName(a.dtype)} did not match ${cppName(b.dtype)}`);
  if (!(rtol >= 0)) throw new TorchRuntimeError('isclose', `rtol must be greater than or equal to zero, but got ${cDouble(rtol)}`);
  if (!(atol >= 0)) throw new TorchRuntimeError('isclose', `atol must be greater than or equal to zero, but got ${cDouble(atol)}`);
  let close = eq(a, b);
  if (opts?.equalNan && a.dtype.isFloatingPoint) close = logicalOr(close, logicalAnd(isnan(a), isnan(b)));
  if (rtol === 0 && atol === 0) return close;
  const ca = a.dtype === bool ? a.float() : a;
  const cb = b.dtype === bool ? b.float() : b;
  const allowed = add(atol, abs(mul(rtol, cb)));
  const actual = abs(sub(ca, cb));
  return logicalOr(close, logicalAnd(isfinite(actual), le(actual, allowed)));
}

/**
 * Whether all elements are {@link isclose} (a boolean; reads back, so on asynchronous
 * devices use {@link allcloseAsync}).
 */
export function allclose(a: Tensor, b: Tensor, opts?: IscloseOptions): boolean {
  expectTensor('allclose', 'input', 1, a);
  expectTensor('allclose', 'other', 2, b);
  const c = isclose(a, b, opts).all();
  if (!syncRead(c)) throw needsAsync('allclose', c, 'allcloseAsync(a, b)');
  return c.item() as boolean;
}

/** {@link allclose} on any device. */
export async function allcloseAsync(a: Tensor, b: Tensor, opts?: IscloseOptions): Promise<boolean> {
  expectTensor('allclose', 'input', 1, a);
  expectTensor('allclose', 'other', 2, b);
  return (await readAsync(isclose(a, b, opts).all()))[0] !== 0;
}

// ------------------------------------------------------------------ argwhere

/** The indices of nonzero elements, `[count, ndim]` int64 (`nonzero`); async devices: {@link argwhereAsync}. */
export function argwhere(x: Tensor): Tensor {
  expectTensor('argwhere', 'input', 1, x);
  if (!syncRead(x)) throw needsAsync('argwhere', x, 'argwhereAsync(x)');
  return nonzero(x);
}

/** {@link argwhere} on any device. */
export async function argwhereAsync(x: Tensor): Promise<Tensor> {
  expectTensor('argwhere', 'input', 1, x);
  return nonzeroAsync(x);
}

// ------------------------------------------------------------------ bincount

/** Options of {@link bincount}. */
export interface BincountOptions {
  /** Per-element weights (same length as the input): the bins sum them. */
  weights?: Tensor;
  /** The least number of bins. */
  minlength?: number;
}

function bincountCheck(x: Tensor, opts: BincountOptions | undefined): number {
  expectTensor('bincount', 'input', 1, x);
  checkOpts('bincount', opts, { weights: 'tensor', minlength: 'int' });
  if (x.dtype.isFloatingPoint || x.dtype === bool) throw notImplemented('bincount', 'bincount_cpu', x);
  const minlength = opts?.minlength ?? 0;
  if (minlength < 0) throw new TorchRuntimeError('bincount', 'minlength should be >= 0');
  if (x._shape.length !== 1) throw new TorchRuntimeError('bincount', 'bincount only supports 1-d non-negative integral inputs.');
  return minlength;
}

function bincountWith(x: Tensor, opts: BincountOptions | undefined, minlength: number, lo: number, hi: number): Tensor {
  if (x.numel() === 0) return zeros([minlength], { dtype: int64, device: x.device });
  if (lo < 0) throw new TorchRuntimeError('bincount', 'bincount only supports 1-d non-negative integral inputs.');
  const w = opts?.weights;
  if (w !== undefined && (w._shape.length !== 1 || w._shape[0] !== x._shape[0])) {
    throw new TorchRuntimeError('bincount', 'weights should be 1-d and have the same length as input');
  }
  const n = Math.max(hi + 1, minlength);
  const dtype = w === undefined ? int64 : w.dtype === float32 ? float32 : float64;
  const src = w === undefined ? full(x._shape, 1, { dtype: int64, device: x.device }) : w.to(dtype);
  return zeros([n], { dtype, device: x.device }).scatterAdd(0, x.to(int64), src);
}

/**
 * The number of occurrences of each value 0…max in a 1-D non-negative integer tensor (or
 * the sum of `weights` per value), at least `minlength` bins. The size depends on the
 * data: on asynchronous devices use {@link bincountAsync}.
 * @example
 * ```ts pytorch=core.bincount
 * console.log(torch.bincount(torch.tensor([1, 1, 3])));
 * ```
 * ```text
 * tensor([0, 2, 0, 1])
 * ```
 */
export function bincount(x: Tensor, opts?: BincountOptions): Tensor {
  const minlength = bincountCheck(x, opts);
  if (x.numel() === 0) return bincountWith(x, opts, minlength, 0, -1);
  if (!syncRead(x)) throw needsAsync('bincount', x, 'bincountAsync(x)');
  const [lo, hi] = readSync(cat([amin(x).reshape([1]), amax(x).reshape([1])]).to(int64));
  return bincountWith(x, opts, minlength, lo!, hi!);
}

/** {@link bincount} on any device: awaits the largest value. */
export async function bincountAsync(x: Tensor, opts?: BincountOptions): Promise<Tensor> {
  const minlength = bincountCheck(x, opts);
  if (x.numel() === 0) return bincountWith(x, opts, minlength, 0, -1);
  const [lo, hi] = await readAsync(cat([amin(x).reshape([1]), amax(x).reshape([1])]).to(int64));
  return bincountWith(x, opts, minlength, lo!, hi!);
}

// ------------------------------------------------------------------ histc / histogram

function histFloatOnly(op: string, kernel: string, x: Tensor): void {
  if (!x.dtype.isFloatingPoint) throw notImplemented(op, kernel, x);
}

/** The data's [min, max] as numbers (only when the range is not given). */
function dataRange(x: Tensor, sync: boolean): number[] | Promise<number[]> {
  const ext = cat([amin(x).reshape([1]), amax(x).reshape([1])]).to(float64Or(x));
  return sync ? readSync(ext) : readAsync(ext);
}

function float64Or(x: Tensor): DType {
  return x._storage.backend.dtypes.has('float64') ? float64 : x.dtype;
}

/** Counts per bin: bin index `pos` (float, truncated) for the elements where `valid`. */
function countBins(x: Tensor, posf: Tensor, valid: Tensor, bins: number, weight: Tensor | undefined): Tensor {
  let pos: Tensor = where(valid, posf, 0).to(int64);
  pos = where(eq(pos, bins), bins - 1, pos);
  const w = weight === undefined ? valid.to(x.dtype) : where(valid, weight, 0);
  return zeros([bins], { dtype: x.dtype, device: x.device }).scatterAdd(0, pos.reshape(-1), w.reshape(-1));
}

function histcWith(x: Tensor, bins: number, lo: number, hi: number): Tensor {
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new TorchRuntimeError('histc', `torch.histc: range of [${cDouble(lo)}, ${cDouble(hi)}] is not finite`);
  }
  if (!(lo < hi)) throw new TorchRuntimeError('histc', 'torch.histc: max must be larger than min');
  const edges = linspace(lo, hi, bins + 1, { dtype: x.dtype, device: x.device });
  const left = edges.narrow(0, 0, 1);
  const right = edges.narrow(0, bins, 1);
  const flat = x.reshape(-1);
  const valid = logicalAnd(ge(flat, left), le(flat, right));
  // PyTorch's linear bin search (no local correction): (x − left)·bins / (right − left)
  const posf = div(mul(sub(flat, left), bins), sub(right, left));
  return countBins(flat, posf, valid, bins, undefined);
}

function histcCheck(x: Tensor, bins: number): void {
  expectTensor('histc', 'input', 1, x);
  expectInt('histc', 'bins', 2, bins);
  histFloatOnly('histc', 'histogram_cpu', x);
  if (!Number.isInteger(bins) || bins <= 0) throw new TorchRuntimeError('histc', `torch.histogram(): bins must be > 0, but got ${bins} for dimension 0`);
}

/**
 * A histogram of `bins` equal-width bins over [min, max] (the data's range when min ==
 * max), in x's float dtype; elements outside are ignored. With the data's range on
 * asynchronous devices, use {@link histcAsync}.
 * @example
 * ```ts pytorch=core.histc
 * console.log(torch.histc(torch.tensor([1, 2, 1], { dtype: 'float32' }), 4, 0, 3));
 * ```
 * ```text
 * tensor([0., 2., 1., 0.])
 * ```
 */
export function histc(x: Tensor, bins = 100, min = 0, max = 0): Tensor {
  histcCheck(x, bins);
  checkArg('histc', 'min', 3, 'scalar', min);
  checkArg('histc', 'max', 4, 'scalar', max);
  if (min === max && x.numel() > 0) {
    if (!syncRead(x)) throw needsAsync('histc', x, 'histcAsync(x, bins)');
    const [lo, hi] = dataRange(x, true) as number[];
    return histcWith(x, bins, lo!, hi!);
  }
  return histcWith(x, bins, min, max);
}

/** {@link histc} on any device: awaits the data's range when it is needed. */
export async function histcAsync(x: Tensor, bins = 100, min = 0, max = 0): Promise<Tensor> {
  histcCheck(x, bins);
  checkArg('histc', 'min', 3, 'scalar', min);
  checkArg('histc', 'max', 4, 'scalar', max);
  if (min === max && x.numel() > 0) {
    const [lo, hi] = await dataRange(x, false);
    return histcWith(x, bins, lo!, hi!);
  }
  return histcWith(x, bins, min, max);
}

/**
 * The result of {@link histogram}: `torch.return_types.histogram(hist, bin_edges)`. Use
 * it by name (`r.hist`, `r.binEdges`) or destructure it.
 */
export class Histogram implements Iterable<Tensor> {
  /** @internal */
  constructor(
    /** The counts (or weight sums, or densities) per bin. */
    readonly hist: Tensor,
    /** The bins' edges (one more than bins). */
    readonly binEdges: Tensor,
  ) {}
  /** Always 2, as a tuple. */
  get length(): 2 {
    return 2;
  }
  /** Tuple access: 0 → hist. */
  get 0(): Tensor {
    return this.hist;
  }
  /** Tuple access: 1 → bin edges. */
  get 1(): Tensor {
    return this.binEdges;
  }
  /** Destructuring support. */
  *[Symbol.iterator](): Iterator<Tensor> {
    yield this.hist;
    yield this.binEdges;
  }
  /** PyTorch's repr: `torch.return_types.histogram(\nhist=tensor(…),\nbin_edges=tensor(…))`. */
  toString(): string {
    return returnTypeRepr('histogram', [
      ['hist', this.hist.toString()],
      ['bin_edges', this.binEdges.toString()],
    ]);
  }
  /** {@link toString} for tensors on asynchronous devices. */
  async toStringAsync(): Promise<string> {
    return returnTypeRepr('histogram', [
      ['hist', await this.hist.toStringAsync()],
      ['bin_edges', await this.binEdges.toStringAsync()],
    ]);
  }
  /** @internal `console.log(r)` prints the repr. */
  [inspectSymbol](): string {
    return syncRead(this.hist) ? this.toString() : `torch.return_types.histogram(<on ${this.hist.device}: await r.toStringAsync()>)`;
  }
}

/** Options of {@link histogram}. */
export interface HistogramOptions {
  /** The range [min, max] of the bins (default: the data's range). */
  range?: readonly [number, number];
  /** Per-element weights (x's shape and dtype): the bins sum them. */
  weight?: Tensor;
  /** Divide by the total and the bin widths, so the histogram integrates to 1. */
  density?: boolean;
}

function histogramCheck(x: Tensor, bins: number | Tensor, opts: HistogramOptions | undefined): void {
  expectTensor('histogram', 'input', 1, x);
  if (!(bins instanceof Tensor)) expectInt('histogram', 'bins', 2, bins);
  checkOpts('histogram', opts, { range: 'range', weight: 'tensor', density: 'bool' });
  histFloatOnly('histogram', 'histogramdd', x);
  if (bins instanceof Tensor && bins.dtype !== x.dtype) {
    throw new TorchRuntimeError(
      'histogram',
      `torch.histogramdd: input tensor and bins tensors should have the same dtype, but got input with dtype ${typeMetaName(x.dtype)} and bins for dimension 0 with dtype ${typeMetaName(bins.dtype)}`,
    );
  }
  const count = bins instanceof Tensor ? bins.numel() - 1 : bins;
  if (count <= 0) throw new TorchRuntimeError('histogram', `torch.histogram(): bins must be > 0, but got ${count} for dimension 0`);
  const w = opts?.weight;
  if (w !== undefined && w._shape.join() !== x._shape.join()) {
    throw new TorchRuntimeError(
      'histogram',
      `torch.histogramdd: if weight tensor is provided it should have the same shape as the input tensor excluding its innermost dimension, but got input with shape [${x.numel()}, 1] and weight with shape [${w._shape.join(', ')}]`,
    );
  }
  if (w !== undefined && w.dtype !== x.dtype) {
    throw new TorchRuntimeError(
      'histogram',
      `torch.histogramdd: if weight tensor is provided, input tensor and weight tensor should have the same dtype, but got input(${typeMetaName(x.dtype)}), and weight(${typeMetaName(w.dtype)})`,
    );
  }
}

function histogramRange(lo: number, hi: number, dim = 0, op = 'histogram'): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new TorchRuntimeError(op, `torch.histogramdd: dimension ${dim}'s range [${cDouble(lo)}, ${cDouble(hi)}] is not finite`);
  }
  if (lo > hi) throw new TorchRuntimeError(op, `torch.histogramdd: min should not exceed max, but got min ${cDouble(lo)} max ${cDouble(hi)} for dimension ${dim}`);
  return lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
}

/**
 * PyTorch's bin search for equal-width bins (LINEAR_INTERPOLATION_WITH_LOCAL_SEARCH): the
 * linear estimate ⌊(x − left)·bins / (right − left)⌋, then upper_bound among the edges
 * [pos − 1, pos + 2) minus one (which corrects the estimate's rounding).
 */
function linearBinSearch(flat: Tensor, edges: Tensor, left: Tensor, right: Tensor, valid: Tensor): Tensor {
  const nEdges = edges.numel();
  const est = where(valid, div(mul(sub(flat, left), nEdges - 1), sub(right, left)), 0).to(int64);
  const lo = est.sub(1).clamp(0, null);
  const hi = est.add(2).clamp(null, nEdges);
  let ub = lo;
  for (const k of [-1, 0, 1]) {
    const i = est.add(k);
    const inWindow = logicalAnd(ge(i, lo), i.lt(hi));
    const below = le(gather(edges, 0, i.clamp(0, nEdges - 1)), flat);
    ub = add(ub, logicalAnd(inWindow, below).to(int64));
  }
  return sub(ub, 1);
}

function histogramWith(x: Tensor, edges: Tensor, opts: HistogramOptions | undefined, linear: boolean): Histogram {
  const bins = edges.numel() - 1;
  const flat = x.reshape(-1).detach();
  const left = edges.narrow(0, 0, 1);
  const right = edges.narrow(0, bins, 1);
  const valid = logicalAnd(ge(flat, left), le(flat, right));
  // the bin is the last edge <= x; x == the last edge goes to the last bin (countBins)
  const pos = linear ? linearBinSearch(flat, edges, left, right, valid) : sub(searchPlaces('histogram', edges, flat, true, false), 1);
  let hist = countBins(flat, pos, valid, bins, opts?.weight?.reshape(-1));
  if (opts?.density) {
    const widths = sub(edges.narrow(0, 1, bins), edges.narrow(0, 0, bins));
    hist = div(div(hist, sum(hist)), widths);
  }
  return new Histogram(hist, edges);
}

/**
 * A histogram of x: `bins` equal-width bins over `opts.range` (default the data's range),
 * or the given increasing bin edges (a 1-D tensor of x's dtype). Returns
 * `torch.return_types.histogram(hist, bin_edges)`. With the data's range on asynchronous
 * devices, use {@link histogramAsync}.
 * @example
 * ```ts pytorch=core.histogram
 * const { hist, binEdges } = torch.histogram(torch.tensor([1, 2, 1], { dtype: 'float32' }), 2, { range: [0, 2] });
 * console.log(hist, binEdges);
 * ```
 * ```text
 * tensor([0., 3.]) tensor([0., 1., 2.])
 * ```
 */
export function histogram(x: Tensor, bins: number | Tensor = 100, opts?: HistogramOptions): Histogram {
  histogramCheck(x, bins, opts);
  if (bins instanceof Tensor) return histogramWith(x, bins, opts, false);
  let lo = 0;
  let hi = x.numel() > 0 ? 0 : 1;
  if (opts?.range !== undefined) [lo, hi] = opts.range;
  else if (x.numel() > 0) {
    if (!syncRead(x)) throw needsAsync('histogram', x, 'histogramAsync(x, bins)');
    [lo, hi] = dataRange(x, true) as [number, number];
  }
  [lo, hi] = histogramRange(lo, hi);
  return histogramWith(x, linspace(lo, hi, bins + 1, { dtype: x.dtype, device: x.device }), opts, true);
}

/** {@link histogram} on any device: awaits the data's range when it is needed. */
export async function histogramAsync(x: Tensor, bins: number | Tensor = 100, opts?: HistogramOptions): Promise<Histogram> {
  histogramCheck(x, bins, opts);
  if (bins instanceof Tensor) return histogramWith(x, bins, opts, false);
  let lo = 0;
  let hi = x.numel() > 0 ? 0 : 1;
  if (opts?.range !== undefined) [lo, hi] = opts.range;
  else if (x.numel() > 0) [lo, hi] = (await dataRange(x, false)) as [number, number];
  [lo, hi] = histogramRange(lo, hi);
  return histogramWith(x, linspace(lo, hi, bins + 1, { dtype: x.dtype, device: x.device }), opts, true);
}

// ------------------------------------------------------------------ histogramdd

/**
 * The result of {@link histogramdd}: `torch.return_types.histogramdd(hist, bin_edges)`,
 * with one edge tensor per dim. Use it by name (`r.hist`, `r.binEdges`) or destructure it.
 */
export class HistogramDD implements Iterable<Tensor | Tensor[]> {
  /** @internal */
  constructor(
    /** The counts (or weight sums, or densities), one dim per input coordinate. */
    readonly hist: Tensor,
    /** Each dim's bin edges. */
    readonly binEdges: Tensor[],
  ) {}
  /** Always 2, as a tuple. */
  get length(): 2 {
    return 2;
  }
  /** Tuple access: 0 → hist. */
  get 0(): Tensor {
    return this.hist;
  }
  /** Tuple access: 1 → the bin edges. */
  get 1(): Tensor[] {
    return this.binEdges;
  }
  /** Destructuring support. */
  *[Symbol.iterator](): Iterator<Tensor | Tensor[]> {
    yield this.hist;
    yield this.binEdges;
  }
  private _repr(hist: string, edges: string[]): string {
    const tuple = edges.length === 1 ? `(${edges[0]},)` : `(${edges.join(', ')})`;
    return returnTypeRepr('histogramdd', [
      ['hist', hist],
      ['bin_edges', tuple],
    ]);
  }
  /** PyTorch's repr: `torch.return_types.histogramdd(\nhist=tensor(…),\nbin_edges=(tensor(…), …))`. */
  toString(): string {
    return this._repr(this.hist.toString(), this.binEdges.map((e) => e.toString()));
  }
  /** {@link toString} for tensors on asynchronous devices. */
  async toStringAsync(): Promise<string> {
    const edges: string[] = [];
    for (const e of this.binEdges) edges.push(await e.toStringAsync());
    return this._repr(await this.hist.toStringAsync(), edges);
  }
  /** @internal `console.log(r)` prints the repr. */
  [inspectSymbol](): string {
    return syncRead(this.hist) ? this.toString() : `torch.return_types.histogramdd(<on ${this.hist.device}: await r.toStringAsync()>)`;
  }
}

/** Options of {@link histogramdd}. */
export interface HistogramddOptions {
  /** The range of each dim, flattened: `[min0, max0, min1, max1, …]` (default: the data's). */
  range?: readonly number[];
  /** Per-point weights (the input's shape without its last dim). */
  weight?: Tensor;
  /** Divide by the total and the bins' volumes, so the histogram integrates to 1. */
  density?: boolean;
}

type DDBins = number | readonly number[] | readonly Tensor[];

/** Checks histogramdd's arguments; returns the points ([N, D]) and the bin counts per dim. */
function histogramddCheck(x: Tensor, bins: DDBins, opts: HistogramddOptions | undefined): { pts: Tensor; counts: number[] } {
  const op = 'histogramdd';
  expectTensor(op, 'input', 1, x);
  const isTensors = Array.isArray(bins) && bins.length > 0 && bins.every((b) => b instanceof Tensor);
  if (bins === undefined || bins === null) throw badArg(op, 'bins', 2, 'int', bins);
  if (!isTensors) {
    if (typeof bins === 'number') checkArg(op, 'bins', 2, 'int', bins);
    else checkArg(op, 'bins', 2, 'dims', bins);
  }
  checkOpts(op, opts, { range: 'floats', weight: 'tensor', density: 'bool' });
  histFloatOnly(op, 'histogramdd', x);
  if (x._shape.length < 2) throw new TorchRuntimeError(op, 'torch.histogramdd: input tensor should have at least 2 dimensions');
  const d = x._shape[x._shape.length - 1]!;
  let counts: number[];
  if (isTensors) {
    const list = bins as readonly Tensor[];
    if (list.length !== d) {
      throw new TorchRuntimeError(op, `torch.histogramdd: expected ${d} sequences of bin edges for a ${d}-dimensional histogram but got ${list.length}`);
    }
    list.forEach((b, i) => {
      if (b.dtype !== x.dtype) {
        throw new TorchRuntimeError(
          op,
          `torch.histogramdd: input tensor and bins tensors should have the same dtype, but got input with dtype ${typeMetaName(x.dtype)} and bins for dimension ${i} with dtype ${typeMetaName(b.dtype)}`,
        );
      }
      if (b._shape.length !== 1) {
        throw new TorchRuntimeError(op, `torch.histogramdd: bins tensor should have one dimension, but got ${b._shape.length} dimensions in the bins tensor for dimension ${i}`);
      }
    });
    counts = list.map((b) => b.numel() - 1);
  } else {
    counts = typeof bins === 'number' ? Array.from({ length: d }, () => bins) : Array.from({ length: d }, (_, i) => (bins as readonly number[])[i] ?? 0);
  }
  counts.forEach((n, i) => {
    if (n <= 0) throw new TorchRuntimeError(op, `torch.histogram(): bins must be > 0, but got ${n} for dimension ${i}`);
  });
  const range = opts?.range ?? null;
  if (range !== null && range.length !== 2 * d) {
    throw new TorchRuntimeError(op, `torch.histogramdd: for a ${d}-dimensional histogram range should have ${2 * d} elements, but got ${range.length}`);
  }
  const w = opts?.weight;
  const lead = x._shape.slice(0, -1);
  if (w !== undefined && w._shape.join() !== lead.join()) {
    throw new TorchRuntimeError(
      op,
      `torch.histogramdd: if weight tensor is provided it should have the same shape as the input tensor excluding its innermost dimension, but got input with shape [${x._shape.join(', ')}] and weight with shape [${w._shape.join(', ')}]`,
    );
  }
  if (w !== undefined && w.dtype !== x.dtype) {
    throw new TorchRuntimeError(
      op,
      `torch.histogramdd: if weight tensor is provided, input tensor and weight tensor should have the same dtype, but got input(${typeMetaName(x.dtype)}), and weight(${typeMetaName(w.dtype)})`,
    );
  }
  return { pts: x.reshape([-1, d]).detach(), counts };
}

/** Each dim's [min, max] of the data, flattened, as numbers. */
function dataRanges(pts: Tensor, sync: boolean): number[] | Promise<number[]> {
  const ext = cat([amin(pts, 0), amax(pts, 0)]).reshape([2, -1]).t().reshape(-1).to(float64Or(pts));
  return sync ? readSync(ext) : readAsync(ext);
}

function histogramddWith(pts: Tensor, bins: DDBins, counts: number[], ranges: number[] | null, opts: HistogramddOptions | undefined): HistogramDD {
  const d = counts.length;
  const tensorBins = Array.isArray(bins) && bins.length > 0 && bins[0] instanceof Tensor;
  const edges: Tensor[] = counts.map((n, i) => {
    if (tensorBins) return (bins as readonly Tensor[])[i]!;
    let lo = 0;
    let hi = pts._shape[0]! > 0 ? 0 : 1;
    if (ranges !== null) [lo, hi] = [ranges[2 * i]!, ranges[2 * i + 1]!];
    [lo, hi] = histogramRange(lo, hi, i, 'histogramdd');
    return linspace(lo, hi, n + 1, { dtype: pts.dtype, device: pts.device });
  });
  const cols = pts.unbind(1);
  let valid = full([pts._shape[0]!], true, { dtype: bool, device: pts.device });
  for (let i = 0; i < d; i++) valid = logicalAnd(valid, logicalAnd(ge(cols[i]!, edges[i]!.narrow(0, 0, 1)), le(cols[i]!, edges[i]!.narrow(0, counts[i]!, 1))));
  // Linear index of each point's bin (row-major over the dims).
  let flat: Tensor = zeros([pts._shape[0]!], { dtype: int64, device: pts.device });
  for (let i = 0; i < d; i++) {
    const e = edges[i]!;
    const n = counts[i]!;
    let pos = tensorBins ? sub(searchPlaces('histogramdd', e, cols[i]!, true, false), 1) : linearBinSearch(cols[i]!, e, e.narrow(0, 0, 1), e.narrow(0, n, 1), valid);
    pos = where(valid, pos, 0);
    pos = where(eq(pos, n), n - 1, pos);
    flat = add(mul(flat, n), pos);
  }
  const w = opts?.weight === undefined ? valid.to(pts.dtype) : where(valid, opts.weight.reshape(-1), 0);
  const total = counts.reduce((a, b) => a * b, 1);
  let hist = zeros([total], { dtype: pts.dtype, device: pts.device }).scatterAdd(0, flat, w).reshape(counts);
  if (opts?.density) {
    hist = div(hist, sum(hist));
    for (let i = 0; i < d; i++) {
      const widths = sub(edges[i]!.narrow(0, 1, counts[i]!), edges[i]!.narrow(0, 0, counts[i]!));
      hist = div(hist, widths.reshape(counts.map((c, j) => (j === i ? c : 1))));
    }
  }
  return new HistogramDD(hist, edges);
}

/**
 * A D-dimensional histogram of points (the input's last dim holds each point's D
 * coordinates): `bins` per dim (one number, one per dim, or each dim's increasing edges
 * as tensors of x's dtype), over `opts.range` (default: the data's). Returns
 * `torch.return_types.histogramdd(hist, bin_edges)`. With the data's range on
 * asynchronous devices, use {@link histogramddAsync}.
 * @example
 * ```ts pytorch=core.histogramdd
 * const { hist, binEdges } = torch.histogramdd(torch.tensor([[0, 1], [1, 0], [2, 2]]).float(), [2, 2]);
 * console.log(hist);
 * console.log(...binEdges);
 * ```
 * ```text
 * tensor([[0., 1.],
 *         [1., 1.]])
 * tensor([0., 1., 2.]) tensor([0., 1., 2.])
 * ```
 */
export function histogramdd(x: Tensor, bins: DDBins, opts?: HistogramddOptions): HistogramDD {
  const { pts, counts } = histogramddCheck(x, bins, opts);
  let ranges = opts?.range ? [...opts.range] : null;
  const tensorBins = Array.isArray(bins) && bins.length > 0 && bins[0] instanceof Tensor;
  if (ranges === null && !tensorBins && pts._shape[0]! > 0) {
    if (!syncRead(pts)) throw needsAsync('histogramdd', x, 'histogramddAsync(x, bins)');
    ranges = dataRanges(pts, true) as number[];
  }
  return histogramddWith(pts, bins, counts, ranges, opts);
}

/** {@link histogramdd} on any device: awaits the data's range when it is needed. */
export async function histogramddAsync(x: Tensor, bins: DDBins, opts?: HistogramddOptions): Promise<HistogramDD> {
  const { pts, counts } = histogramddCheck(x, bins, opts);
  let ranges = opts?.range ? [...opts.range] : null;
  const tensorBins = Array.isArray(bins) && bins.length > 0 && bins[0] instanceof Tensor;
  if (ranges === null && !tensorBins && pts._shape[0]! > 0) ranges = await dataRanges(pts, false);
  return histogramddWith(pts, bins, counts, ranges, opts);
}

// ------------------------------------------------------------------ unique / unique_consecutive

/** Options of {@link unique}. */
export interface UniqueOptions {
  /** Sort the unique values (default true; unsorted results come sorted too). */
  sorted?: boolean;
  /** Also return, for each element, the index of its value in the result. */
  returnInverse?: boolean;
  /** Also return how often each unique value occurs. */
  returnCounts?: boolean;
  /** Unique slices along this dim instead of unique elements. */
  dim?: number | null;
}

/** Options of {@link uniqueConsecutive}. */
export type UniqueConsecutiveOptions = Omit<UniqueOptions, 'sorted'>;

/**
 * The part of unique/unique_consecutive computed without knowing the number of groups:
 * rows ([n, m]) in group order, where each group starts, and the order of the rows.
 */
interface UniquePlan {
  x: Tensor;
  dim: number | null;
  n: number;
  /** The rows (n × m), in their grouped order. */
  ordered: Tensor;
  /** The original position of each ordered row. */
  order: Tensor;
  /** Whether each ordered row starts a new group. */
  isStart: Tensor;
  /** The number of groups, as a 1-element int64 tensor (to read back). */
  count: Tensor;
  opts: UniqueOptions;
}

function uniquePlan(op: string, x: Tensor, sortRows: boolean, opts: UniqueOptions | undefined): UniquePlan {
  expectTensor(op, 'input', 1, x);
  checkOpts(op, opts, sortRows ? { sorted: 'bool', returnInverse: 'bool', returnCounts: 'bool', dim: 'intOrNull' } : { returnInverse: 'bool', returnCounts: 'bool', dim: 'intOrNull' });
  const o = opts ?? {};
  const dim = o.dim === undefined || o.dim === null ? null : wrapDim(o.dim, x._shape.length, op);
  const xd = x.detach();
  const rows = dim === null ? xd.reshape([-1, 1]) : (x._shape.length === 0 ? xd.reshape([1]) : xd).movedim(dim, 0).reshape([x._shape.length === 0 ? 1 : x._shape[dim]!, -1]);
  const n = rows._shape[0]!;
  const m = rows._shape[1]!;
  let order: Tensor = arange(n, { dtype: int64, device: x.device });
  if (sortRows && n > 1) {
    // lexicographic: stable sorts by the last column first
    for (let j = m - 1; j >= 0; j--) {
      const key = indexSelect(rows.select(1, j), 0, order);
      order = indexSelect(order, 0, sort(key, 0, false, { stable: true }).indices);
    }
  }
  const ordered = indexSelect(rows, 0, order);
  let isStart: Tensor;
  if (n === 0) isStart = zeros([0], { dtype: bool, device: x.device });
  else {
    const first = full([1], true, { dtype: bool, device: x.device });
    const diff = ne(ordered.narrow(0, 1, n - 1), ordered.narrow(0, 0, n - 1)).any(1);
    isStart = cat([first, m === 0 ? zeros([n - 1], { dtype: bool, device: x.device }) : diff]);
  }
  return { x, dim, n, ordered, order, isStart, count: sum(isStart).reshape([1]), opts: o };
}

function uniqueFinish(p: UniquePlan, count: number): Tensor | Tensor[] {
  const { x, dim, n, ordered, order, isStart } = p;
  const dev = x.device;
  const group = sub(isStart.cumsum(0), 1);
  // The first ordered row of each group.
  const firstPos = zeros([count + 1], { dtype: int64, device: dev });
  if (n > 0) firstPos.scatter_(0, where(isStart, group, count), arange(n, { dtype: int64, device: dev }));
  const firsts = indexSelect(ordered, 0, firstPos.narrow(0, 0, count));
  let values: Tensor;
  if (dim === null) values = firsts.reshape([count]);
  else {
    const moved = (x._shape.length === 0 ? x.reshape([1]) : x).movedim(dim, 0);
    values = firsts.reshape([count, ...moved._shape.slice(1)]).movedim(0, dim);
  }
  const out: Tensor[] = [values];
  if (p.opts.returnInverse) {
    const inv = zeros([n], { dtype: int64, device: dev });
    if (n > 0) inv.scatter_(0, order, group);
    out.push(dim === null ? inv.reshape(x._shape) : inv);
  }
  if (p.opts.returnCounts) {
    const counts = zeros([count], { dtype: int64, device: dev });
    if (n > 0) counts.scatterAdd_(0, group, full([n], 1, { dtype: int64, device: dev }));
    out.push(counts);
  }
  return out.length === 1 ? values : out;
}

function uniqueSync(op: string, x: Tensor, sortRows: boolean, opts: UniqueOptions | undefined): Tensor | Tensor[] {
  const p = uniquePlan(op, x, sortRows, opts);
  if (!syncRead(p.count)) throw needsAsync(op, x, `${op === 'unique' ? 'uniqueAsync' : 'uniqueConsecutiveAsync'}(x)`);
  return uniqueFinish(p, readSync(p.count)[0]!);
}

async function uniqueAsyncImpl(op: string, x: Tensor, sortRows: boolean, opts: UniqueOptions | undefined): Promise<Tensor | Tensor[]> {
  const p = uniquePlan(op, x, sortRows, opts);
  return uniqueFinish(p, (await readAsync(p.count))[0]!);
}

/**
 * The unique elements of x, sorted (or unique slices along `opts.dim`); with
 * `returnInverse`/`returnCounts` a list `[values, inverse?, counts?]`. The size depends on
 * the data: on asynchronous devices use {@link uniqueAsync}. NaN values are each their own
 * value. (PyTorch 1.13's CPU `sorted: false` returns hash order; this returns sorted
 * values, as PyTorch's CUDA kernel does.)
 * @example
 * ```ts pytorch=core.unique
 * import * as torch from 'antorcha';
 * import type { Tensor } from 'antorcha';
 *
 * console.log(torch.unique(torch.tensor([3, 1, 3])));
 * const x = torch.tensor([2, 7, 2, 5, 7, 2]);
 * const [values, inverse, counts] = torch.unique(x, { returnInverse: true, returnCounts: true }) as Tensor[];
 * console.log(values, inverse, counts);
 * ```
 * ```text
 * tensor([1, 3])
 * tensor([2, 5, 7]) tensor([0, 2, 0, 1, 2, 0]) tensor([3, 1, 2])
 * ```
 */
export function unique(x: Tensor, opts?: UniqueOptions): Tensor | Tensor[] {
  return uniqueSync('unique', x, true, opts);
}

/** {@link unique} on any device: awaits the number of unique values. */
export function uniqueAsync(x: Tensor, opts?: UniqueOptions): Promise<Tensor | Tensor[]> {
  return uniqueAsyncImpl('unique', x, true, opts);
}

/**
 * Collapses runs of equal consecutive elements (or slices along `opts.dim`) into one;
 * with `returnInverse`/`returnCounts` a list `[values, inverse?, counts?]`. On
 * asynchronous devices use {@link uniqueConsecutiveAsync}.
 * @example
 * ```ts pytorch=core.uniqueConsecutive
 * console.log(torch.uniqueConsecutive(torch.tensor([1, 1, 2, 1]))); // only runs collapse
 * ```
 * ```text
 * tensor([1, 2, 1])
 * ```
 */
export function uniqueConsecutive(x: Tensor, opts?: UniqueConsecutiveOptions): Tensor | Tensor[] {
  return uniqueSync('unique_consecutive', x, false, opts);
}

/** {@link uniqueConsecutive} on any device: awaits the number of runs. */
export function uniqueConsecutiveAsync(x: Tensor, opts?: UniqueConsecutiveOptions): Promise<Tensor | Tensor[]> {
  return uniqueAsyncImpl('unique_consecutive', x, false, opts);
}
