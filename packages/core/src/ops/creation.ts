/**
 * Factories: `tensor` from nested arrays, `zeros`/`ones`/`full`/`empty`,
 * `arange`, `linspace`, `eye` and the `*Like` forms. Shapes are accepted both
 * ways (`zeros(2, 3)` and `zeros([2, 3])`); options come last.
 */
import { DType, type DTypeLike, type DTypeName, type HostArray, INT64_EXACT_LIMIT, allocHost, bool, castScalar, float32, float64, getDefaultDtype, int32, int64, toDType, toRealDtype, uint8 } from '../dtype.js';
import { TorchRuntimeError, TorchTypeError, TorchValueError, fmtShape } from '../errors.js';
import { encodeHalf, isHalfDtype } from '../half.js';
import { checkShape } from '../shape.js';
import { Complex } from '../complex/scalar.js';
import { complexTensorFrom, fullComplex } from '../complex/create.js';
import { Tensor } from '../tensor.js';
import { expectInt, expectTensor, pyTypeName } from '../validate.js';
import { arangeValues, linspaceValues } from './range-fill.js';
import { type TensorOptions, backendFor, emptyTensor, finishCreation, refOf, resolveOptions } from './dispatch.js';

/** Nested arrays of numbers/booleans, or a typed array. */
export type NestedArray = number | boolean | Complex | readonly NestedArray[];

/** Nested arrays of booleans: `torch.tensor` makes them a bool tensor. */
export type NestedBoolean = boolean | readonly NestedBoolean[];
/** What `torch.tensor` takes: nested arrays (numbers, booleans, `Complex`) or a 1-D typed array. */
export type TensorData = NestedArray | Float32Array | Float64Array | Int32Array | Uint8Array | BigInt64Array;

function typedArrayDtype(a: ArrayBufferView): DType | null {
  if (a instanceof Float32Array) return float32;
  if (a instanceof Float64Array) return float64;
  if (a instanceof Int32Array) return int32;
  if (a instanceof Uint8Array) return uint8;
  if (a instanceof BigInt64Array) return int64;
  return null;
}

/** Walks nested arrays: shape, flat values, and the inferred dtype. */
function flattenNested(data: NestedArray): { shape: number[]; values: number[]; dtype: DType } {
  const shape: number[] = [];
  let probe: NestedArray = data;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0] as NestedArray;
  }
  if (shape.includes(0)) {
    // No elements: PyTorch sizes the tensor from the first item at each level and never
    // stores (nor checks) the rest, whose dtypes still join the inference -- with an empty
    // list among them (the default dtype), which always gives the default dtype.
    const check = (v: NestedArray): void => {
      if (Array.isArray(v)) for (const item of v) check(item as NestedArray);
      else if (typeof v !== 'number' && typeof v !== 'boolean') throw new TorchTypeError('tensor', `Could not infer dtype of ${v === null ? 'None' : typeof v}`);
    };
    check(data);
    return { shape, values: [], dtype: getDefaultDtype() };
  }
  const values: number[] = [];
  let allBool = true;
  let allInt = true;
  const walk = (v: NestedArray, depth: number): void => {
    if (depth === shape.length) {
      if (Array.isArray(v)) throw new TorchValueError('tensor', `expected a number at dim ${depth} but got a sequence`);
      if (typeof v === 'boolean') {
        values.push(v ? 1 : 0);
        return;
      }
      if (typeof v !== 'number') throw new TorchTypeError('tensor', `Could not infer dtype of ${v === null ? 'None' : typeof v}`);
      allBool = false;
      if (!Number.isInteger(v)) allInt = false;
      values.push(v);
      return;
    }
    if (!Array.isArray(v)) throw new TorchValueError('tensor', `expected sequence of length ${shape[depth]} at dim ${depth} (got ${typeof v})`);
    if (v.length !== shape[depth]) {
      throw new TorchValueError('tensor', `expected sequence of length ${shape[depth]} at dim ${depth} (got ${v.length})`);
    }
    for (const item of v) walk(item as NestedArray, depth + 1);
  };
  walk(data, 0);
  const dtype = values.length === 0 ? getDefaultDtype() : allBool ? bool : allInt ? int64 : getDefaultDtype();
  return { shape, values, dtype };
}

/** Writes a host array into a new tensor. */
export function fromHost(values: HostArray, shape: readonly number[], dtype: DType, opts?: TensorOptions): Tensor {
  const o = resolveOptions(opts, dtype);
  const t = emptyTensor(shape, o.dtype, o.device, 'tensor');
  if (values.length > 0) backendFor(o.device, o.dtype, 'tensor').write(t._storage.buffer, values, 0);
  return finishCreation(t, o.requiresGrad);
}

/** Converts plain numbers to the host array of `dtype` (casting as PyTorch does). */
export function hostFromNumbers(values: ArrayLike<number>, dtype: DType): HostArray {
  if (isHalfDtype(dtype.name)) return encodeHalf(values, dtype.name);
  const out = allocHost(dtype.name, values.length);
  if (dtype === int64) {
    for (let i = 0; i < values.length; i++) {
      const v = castScalar(values[i]!, 'int64');
      if (Math.abs(v) > INT64_EXACT_LIMIT) {
        throw new TorchRuntimeError('tensor', `value ${values[i]} cannot be stored exactly as int64 here (the limit is ±2^53 − 1)`);
      }
      out[i] = v;
    }
  } else if (dtype === bool) {
    for (let i = 0; i < values.length; i++) out[i] = values[i] !== 0 ? 1 : 0;
  } else if (dtype.isFloatingPoint) {
    out.set(values as ArrayLike<number>);
  } else {
    for (let i = 0; i < values.length; i++) out[i] = castScalar(values[i]!, dtype.name);
  }
  return out;
}

/**
 * Creates a tensor from nested arrays (shape and dtype inferred: all booleans → bool,
 * all integers → int64, otherwise the default float) or from a typed array (1-D).
 *
 * JavaScript has no `1.` literal, so `[1, 2, 3]` holds integers and gives int64 where a
 * Python user wrote `[1., 2., 3.]`: pass the dtype as the second argument
 * (`torch.tensor([1, 2, 3], 'float32')`) or an options object.
 * @example
 * ```ts pytorch=core.tensor
 * console.log(torch.tensor([[1, 2], [3, 4]])); // all integers: int64
 * console.log(torch.tensor([1, 2, 3], 'float32')); // PyTorch's torch.tensor([1., 2., 3.])
 * console.log(torch.tensor([0.5, 1], { dtype: 'float64', requiresGrad: true }));
 * console.log(torch.tensor([true, false]));
 * ```
 * ```text
 * tensor([[1, 2],
 *         [3, 4]])
 * tensor([1., 2., 3.])
 * tensor([0.5000, 1.0000], dtype=torch.float64, requires_grad=True)
 * tensor([ True, False])
 * ```
 */
export function tensor<N extends DTypeName>(data: TensorData, opts: DTypeLike<N> | (TensorOptions<N> & { dtype: DTypeLike<N> })): Tensor<N>;
export function tensor(data: NestedBoolean, opts?: TensorOptions<never>): Tensor<'bool'>;
export function tensor(data: Float32Array, opts?: TensorOptions<never>): Tensor<'float32'>;
export function tensor(data: Float64Array, opts?: TensorOptions<never>): Tensor<'float64'>;
export function tensor(data: Int32Array, opts?: TensorOptions<never>): Tensor<'int32'>;
export function tensor(data: Uint8Array, opts?: TensorOptions<never>): Tensor<'uint8'>;
export function tensor(data: BigInt64Array, opts?: TensorOptions<never>): Tensor<'int64'>;
export function tensor(data: TensorData, opts?: TensorOptions | DTypeLike): Tensor;
export function tensor(data: TensorData, opts?: TensorOptions | DTypeLike): Tensor {
  // A dtype alone is the short spelling of `{ dtype }`.
  if (typeof opts === 'string' || opts instanceof DType) opts = { dtype: opts };
  // complex values, or a complex dtype: interleaved (re, im) storage
  const complexT = complexTensorFrom(data, opts);
  if (complexT !== null) return complexT;
  if (ArrayBuffer.isView(data)) {
    const dt = typedArrayDtype(data);
    if (dt === null) throw new TorchTypeError('tensor', `tensor(): unsupported typed array ${(data as object).constructor.name}`);
    const numbers = data instanceof BigInt64Array ? Array.from(data, (v) => {
      if (v > BigInt(INT64_EXACT_LIMIT) || v < -BigInt(INT64_EXACT_LIMIT)) {
        throw new TorchRuntimeError('tensor', `value ${v} cannot be stored exactly as int64 here (the limit is ±2^53 − 1)`);
      }
      return Number(v);
    }) : (data as ArrayLike<number>);
    const o = resolveOptions(opts, dt);
    return fromHost(hostFromNumbers(numbers, o.dtype), [data.length], o.dtype, { ...opts, dtype: o.dtype });
  }
  const { shape, values, dtype } = flattenNested(data as NestedArray);
  const o = resolveOptions(opts, dtype);
  return fromHost(hostFromNumbers(values, o.dtype), shape, o.dtype, { ...opts, dtype: o.dtype });
}

/** Shape arguments then optional options: `(2, 3, opts?)` or `([2, 3], opts?)`. */
export type SizeAndOptions<N extends DTypeName = DTypeName> = (number | readonly number[] | TensorOptions<N> | undefined)[];

/** Splits `(2, 3, {…})` / `([2, 3], {…})` into shape and options. */
export function parseSizeArgs(args: SizeAndOptions, op: string): { shape: number[]; opts: TensorOptions | undefined } {
  let opts: TensorOptions | undefined;
  let list = args;
  const last = list[list.length - 1];
  if (last !== undefined && typeof last === 'object' && !Array.isArray(last)) {
    opts = last as TensorOptions;
    list = list.slice(0, -1);
  } else if (last === undefined && list.length > 1) list = list.slice(0, -1);
  let shape: number[];
  if (list.length === 1 && Array.isArray(list[0])) shape = [...(list[0] as number[])];
  else shape = list as number[];
  shape.forEach((d, i) => {
    if (typeof d !== 'number' || !Number.isInteger(d)) {
      throw new TorchTypeError(op, shape.length === 1 ? `${op}(): argument 'size' (position 1) must be tuple of ints, not ${pyTypeName(d)}` : `${op}(): argument 'size' must be tuple of ints, but found element of type ${pyTypeName(d)} at pos ${i + 1}`);
    }
  });
  checkShape(shape, op);
  return { shape, opts };
}

function filled(op: string, shape: number[], value: number, opts: TensorOptions | undefined, defaultDtype: DType): Tensor {
  const o = resolveOptions(opts, defaultDtype);
  const t = emptyTensor(shape, o.dtype, o.device, op);
  if (value !== 0 && t.numel() > 0) backendFor(o.device, o.dtype, op).fill(refOf(t), castScalar(value, o.dtype.name));
  return finishCreation(t, o.requiresGrad);
}

/**
 * A tensor of zeros: `zeros(2, 3)` or `zeros([2, 3], { dtype })`.
 * @example
 * ```ts pytorch=core.zeros
 * console.log(torch.zeros(2, 3));
 * console.log(torch.zeros([2], { dtype: 'int64' }));
 * ```
 * ```text
 * tensor([[0., 0., 0.],
 *         [0., 0., 0.]])
 * tensor([0, 0])
 * ```
 */
export function zeros<N extends DTypeName = DTypeName>(...args: SizeAndOptions<N>): Tensor<N> {
  const { shape, opts } = parseSizeArgs(args, 'zeros');
  return <Tensor<N>>filled('zeros', shape, 0, opts, getDefaultDtype());
}

/**
 * A tensor of ones.
 * @example
 * ```ts pytorch=core.ones
 * console.log(torch.ones(2, 2));
 * ```
 * ```text
 * tensor([[1., 1.],
 *         [1., 1.]])
 * ```
 */
export function ones<N extends DTypeName = DTypeName>(...args: SizeAndOptions<N>): Tensor<N> {
  const { shape, opts } = parseSizeArgs(args, 'ones');
  return <Tensor<N>>filled('ones', shape, 1, opts, getDefaultDtype());
}

/** An uninitialised tensor (zero-filled here). */
export function empty<N extends DTypeName = DTypeName>(...args: SizeAndOptions<N>): Tensor<N> {
  const { shape, opts } = parseSizeArgs(args, 'empty');
  return <Tensor<N>>filled('empty', shape, 0, opts, getDefaultDtype());
}

/**
 * A tensor filled with `value`; the dtype follows the value (bool, int64 or default float) unless given.
 * @example
 * ```ts pytorch=core.full
 * console.log(torch.full([2, 3], 7));
 * console.log(torch.full([2], 0.5));
 * ```
 * ```text
 * tensor([[7, 7, 7],
 *         [7, 7, 7]])
 * tensor([0.5000, 0.5000])
 * ```
 */
export function full<N extends DTypeName>(size: readonly number[], value: number | boolean | Complex, opts: TensorOptions<N> & { dtype: DTypeLike<N> }): Tensor<N>;
export function full(size: readonly number[], value: boolean, opts?: TensorOptions<never>): Tensor<'bool'>;
export function full(size: readonly number[], value: number | boolean | Complex, opts?: TensorOptions): Tensor;
export function full(size: readonly number[], value: number | boolean | Complex, opts?: TensorOptions): Tensor {
  const { shape } = parseSizeArgs([size], 'full');
  if (value instanceof Complex) return fullComplex(shape, value, opts);
  const v = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  const dflt = typeof value === 'boolean' ? bool : Number.isInteger(value) ? int64 : getDefaultDtype();
  return filled('full', shape, v, opts, dflt);
}

function likeOptions(x: Tensor, opts?: TensorOptions): TensorOptions {
  return { dtype: x.dtype, device: x.device, ...opts };
}

/**
 * Zeros shaped like `x`.
 * @example
 * ```ts pytorch=core.zerosLike
 * const x = torch.tensor([[1, 2], [3, 4]]);
 * console.log(torch.zerosLike(x)); // same shape and dtype (int64)
 * console.log(torch.zerosLike(x, { dtype: 'float32' }));
 * ```
 * ```text
 * tensor([[0, 0],
 *         [0, 0]])
 * tensor([[0., 0.],
 *         [0., 0.]])
 * ```
 */
export function zerosLike<D extends DTypeName, N extends DTypeName = D>(x: Tensor<D>, opts?: TensorOptions<N>): Tensor<N>;
export function zerosLike(x: Tensor, opts?: TensorOptions): Tensor {
  expectTensor('zeros_like', 'input', 1, x);
  return filled('zeros_like', [...x._shape], 0, likeOptions(x, opts), x.dtype);
}
/**
 * Ones shaped like `x`.
 * @example
 * ```ts pytorch=core.onesLike
 * console.log(torch.onesLike(torch.zeros(2, 3)));
 * ```
 * ```text
 * tensor([[1., 1., 1.],
 *         [1., 1., 1.]])
 * ```
 */
export function onesLike<D extends DTypeName, N extends DTypeName = D>(x: Tensor<D>, opts?: TensorOptions<N>): Tensor<N>;
export function onesLike(x: Tensor, opts?: TensorOptions): Tensor {
  expectTensor('ones_like', 'input', 1, x);
  return filled('ones_like', [...x._shape], 1, likeOptions(x, opts), x.dtype);
}
/**
 * `value` shaped like `x`.
 * @example
 * ```ts pytorch=core.fullLike
 * console.log(torch.fullLike(torch.zeros(2), 7)); // float32, like the input
 * ```
 * ```text
 * tensor([7., 7.])
 * ```
 */
export function fullLike<D extends DTypeName, N extends DTypeName = D>(x: Tensor<D>, value: number | boolean, opts?: TensorOptions<N>): Tensor<N>;
export function fullLike(x: Tensor, value: number | boolean, opts?: TensorOptions): Tensor {
  expectTensor('full_like', 'input', 1, x);
  return filled('full_like', [...x._shape], typeof value === 'boolean' ? (value ? 1 : 0) : value, likeOptions(x, opts), x.dtype);
}
/** Uninitialised (zero-filled) tensor shaped like `x`. */
export function emptyLike<D extends DTypeName, N extends DTypeName = D>(x: Tensor<D>, opts?: TensorOptions<N>): Tensor<N>;
export function emptyLike(x: Tensor, opts?: TensorOptions): Tensor {
  expectTensor('empty_like', 'input', 1, x);
  return filled('empty_like', [...x._shape], 0, likeOptions(x, opts), x.dtype);
}

/**
 * `arange(end)`, `arange(start, end, step?)`: values start + i·step below end.
 * Integer arguments give int64, otherwise the default float.
 * @example
 * ```ts pytorch=core.arange
 * console.log(torch.arange(5));
 * console.log(torch.arange(1, 2.5, 0.5));
 * ```
 * ```text
 * tensor([0, 1, 2, 3, 4])
 * tensor([1.0000, 1.5000, 2.0000])
 * ```
 */
export function arange<N extends DTypeName = DTypeName>(end: number, opts?: TensorOptions<N>): Tensor<N>;
export function arange<N extends DTypeName = DTypeName>(start: number, end: number, opts?: TensorOptions<N>): Tensor<N>;
export function arange<N extends DTypeName = DTypeName>(start: number, end: number, step: number, opts?: TensorOptions<N>): Tensor<N>;
export function arange(...args: (number | TensorOptions | undefined)[]): Tensor {
  let opts: TensorOptions | undefined;
  if (args.length && typeof args[args.length - 1] === 'object') opts = args.pop() as TensorOptions;
  while (args.length && args[args.length - 1] === undefined) args.pop();
  if (opts?.dtype !== undefined && toDType(opts.dtype).isComplex) {
    throw new TorchRuntimeError('arange', `"arange_cpu" not implemented for '${toDType(opts.dtype).name === 'complex64' ? 'ComplexFloat' : 'ComplexDouble'}'`);
  }
  const nums = args as number[];
  for (const v of nums) if (typeof v !== 'number') throw new TorchTypeError('arange', `arange(): arguments must be numbers, got ${String(v)}`);
  const [start, end, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
  const allInt = nums.every((v) => Number.isInteger(v));
  const o = resolveOptions(opts, allInt ? int64 : getDefaultDtype());
  if (o.dtype === bool) throw new TorchRuntimeError('arange', `"arange_cpu" not implemented for 'Bool'`);
  // PyTorch's arange_out: the bounds in the accumulate type (double for floats, int64 for
  // integers, so truncated toward zero), checks on those, and the length from
  // (end − start) / step in double -- from the truncated bounds for int64 only.
  const integral = !o.dtype.isFloatingPoint;
  if (integral && ![start, end, step].every(Number.isFinite)) {
    throw new TorchRuntimeError('arange', 'value cannot be converted to type int64_t without overflow');
  }
  const acc = (v: number): number => (integral ? Math.trunc(v) + 0 : v);
  const [xstart, xend, xstep] = [acc(start), acc(end), acc(step)];
  if (!(xstep > 0 || xstep < 0)) throw new TorchRuntimeError('arange', 'step must be nonzero');
  if (!Number.isFinite(xstart) || !Number.isFinite(xend)) throw new TorchRuntimeError('arange', `unsupported range: ${cNumber(xstart)} -> ${cNumber(xend)}`);
  if (!((xstep > 0 && xend >= xstart) || (xstep < 0 && xend <= xstart))) {
    throw new TorchRuntimeError('arange', 'upper bound and larger bound inconsistent with step sign');
  }
  const n = (o.dtype === int64 ? Math.ceil((xend - xstart) / xstep) : Math.ceil((end - start) / step)) + 0;
  const values = valueHost(o.dtype, n);
  arangeValues(values, o.dtype.name, n, xstart, xstep);
  return fromHost(asStored(values, o.dtype), [n], o.dtype, { ...opts, dtype: o.dtype });
}

/**
 * A host array to compute `n` values of `dtype` in: the dtype's own array, or a Float64Array
 * for float16/bfloat16 (whose arrays hold bit patterns; {@link asStored} encodes it).
 */
export function valueHost(dtype: DType, n: number): HostArray {
  return isHalfDtype(dtype.name) ? new Float64Array(n) : allocHost(dtype.name, n);
}

/** The array of {@link valueHost} as `dtype` stores it (float16/bfloat16 values become bit patterns). */
export function asStored(values: HostArray, dtype: DType): HostArray {
  return isHalfDtype(dtype.name) ? encodeHalf(values, dtype.name) : values;
}

/** A double as C++'s ostream prints the non-finite ones. */
function cNumber(v: number): string {
  return Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v);
}

/**
 * `steps` evenly spaced values from start to end inclusive (PyTorch's two-sided formula).
 * @example
 * ```ts pytorch=core.linspace
 * console.log(torch.linspace(0, 1, 5));
 * ```
 * ```text
 * tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])
 * ```
 */
export function linspace<N extends DTypeName = DTypeName>(start: number, end: number, steps: number, opts?: TensorOptions<N>): Tensor<N>;
export function linspace(start: number, end: number, steps: number, opts?: TensorOptions): Tensor {
  expectInt('linspace', 'steps', 3, steps);
  if (steps < 0) throw new TorchRuntimeError('linspace', 'number of steps must be non-negative');
  const o = resolveOptions(opts, getDefaultDtype());
  if (o.dtype.isComplex) {
    // real endpoints: the real linspace in the parts' dtype, with zero imaginary parts
    const r = linspace(start, end, steps, { ...opts, dtype: toRealDtype(o.dtype), requiresGrad: false });
    return finishCreation(r.to(o.dtype), o.requiresGrad);
  }
  const values = valueHost(o.dtype, steps);
  if (steps === 1) values[0] = castScalar(start, o.dtype.name);
  else if (steps > 1) linspaceValues(values, o.dtype.name, steps, start, end);
  return fromHost(asStored(values, o.dtype), [steps], o.dtype, { ...opts, dtype: o.dtype });
}

/**
 * The n×m identity matrix.
 * @example
 * ```ts pytorch=core.eye
 * console.log(torch.eye(2, 3));
 * ```
 * ```text
 * tensor([[1., 0., 0.],
 *         [0., 1., 0.]])
 * ```
 */
export function eye<N extends DTypeName = DTypeName>(n: number, m?: number | TensorOptions<N>, opts?: TensorOptions<N>): Tensor<N>;
export function eye(n: number, m?: number | TensorOptions, opts?: TensorOptions): Tensor {
  const cols = typeof m === 'number' ? m : n;
  const o = typeof m === 'object' ? m : opts;
  if (!Number.isInteger(n) || n < 0) throw new TorchRuntimeError('eye', `n must be greater or equal to 0, got ${n}`);
  if (!Number.isInteger(cols) || cols < 0) throw new TorchRuntimeError('eye', `m must be greater or equal to 0, got ${cols}`);
  const r = resolveOptions(o, getDefaultDtype());
  const t = emptyTensor([n, cols], r.dtype, r.device, 'eye');
  const k = Math.min(n, cols);
  if (k > 0) backendFor(r.device, r.dtype, 'eye').fill({ buffer: t._storage.buffer, dtype: r.dtype.name, shape: [k], strides: [cols + 1], offset: 0 }, 1);
  return finishCreation(t, r.requiresGrad);
}

/** A 0-dim tensor holding `value` (used for scalars in composite ops). */
export function scalarTensor(value: number, dtype: DType, like: Tensor): Tensor {
  const t = emptyTensor([], dtype, like.device, 'scalar_tensor');
  if (value !== 0) backendFor(like.device, dtype, 'scalar_tensor').fill(refOf(t), castScalar(value, dtype.name));
  return t;
}

