/**
 * Data types, PyTorch's way: objects that print as `torch.float32`, with the
 * storage array each one uses on the host.
 */
import { TorchTypeError } from './errors.js';
import { roundToBfloat16, roundToFloat16 } from './half.js';
import { checkHostAllocation, hostAllocationFailed } from './memory-limit.js';

/** Names of the supported dtypes; wherever a dtype is taken, the name works too. */
export type DTypeName =
  | 'float32'
  | 'float64'
  | 'int32'
  | 'int64'
  | 'uint8'
  | 'bool'
  | 'float16'
  | 'bfloat16'
  | 'complex64'
  | 'complex128';

/**
 * Host arrays that hold tensor data. int64 lives in a Float64Array (exact within ±2^53);
 * float16 and bfloat16 hold their bit patterns in a Uint16Array; complex64/complex128
 * interleave real and imaginary parts (`[re0, im0, re1, im1, …]`) in a Float32Array /
 * Float64Array of twice the element count.
 */
export type HostArray = Float32Array | Float64Array | Int32Array | Uint8Array | Uint16Array;

/** Promotion category: bool < integral < floating < complex. */
export type DTypeCategory = 0 | 1 | 2 | 3;

/**
 * A tensor element type, like `torch.float32`.
 * @example
 * ```ts pytorch=core.DType
 * console.log(torch.float32, torch.zeros([2], { dtype: torch.int32 }).dtype);
 * ```
 * ```text
 * torch.float32 torch.int32
 * ```
 */
export class DType<N extends DTypeName = DTypeName> {
  /** @internal */
  constructor(
    /** The dtype's name, e.g. `'float32'`. */
    readonly name: N,
    /** Bytes per element in PyTorch's layout (what `element_size()` returns). */
    readonly itemsize: number,
    /** Whether this is a floating-point dtype. */
    readonly isFloatingPoint: boolean,
    /** Whether values can be negative. */
    readonly isSigned: boolean,
    /** Whether this is a complex dtype (`is_complex`); complex dtypes are not floating point, as in PyTorch. */
    readonly isComplex = false,
  ) {}

  /** 0 for bool, 1 for integers, 2 for floating point, 3 for complex (PyTorch's promotion categories). */
  get category(): DTypeCategory {
    return this.isComplex ? 3 : this.isFloatingPoint ? 2 : this.name === 'bool' ? 0 : 1;
  }

  /** `torch.float32`, as Python prints it. */
  toString(): string {
    return `torch.${this.name}`;
  }

  /** @internal */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** 32-bit float, the default floating dtype. */
export const float32 = new DType('float32', 4, true, true);
/** 64-bit float. */
export const float64 = new DType('float64', 8, true, true);
/** 32-bit signed integer. */
export const int32 = new DType('int32', 4, false, true);
/** 64-bit signed integer, the default integer dtype (exact within ±2^53 here). */
export const int64 = new DType('int64', 8, false, true);
/** 8-bit unsigned integer. */
export const uint8 = new DType('uint8', 1, false, false);
/** Boolean. */
export const bool = new DType('bool', 1, false, false);
/** 16-bit IEEE half-precision float (1 sign, 5 exponent, 10 mantissa bits). */
export const float16 = new DType('float16', 2, true, true);
/** 16-bit brain float: float32's exponent range with 7 mantissa bits. */
export const bfloat16 = new DType('bfloat16', 2, true, true);
/** Complex number of two float32 parts. */
export const complex64 = new DType('complex64', 8, false, true, true);
/** Complex number of two float64 parts. */
export const complex128 = new DType('complex128', 16, false, true, true);

/** Alias of {@link float32}, as `torch.float`. */
export const float = float32;
/** Alias of {@link float64}, as `torch.double`. */
export const double = float64;
/** Alias of {@link int32}, as `torch.int`. */
export const int = int32;
/** Alias of {@link int64}, as `torch.long`. */
export const long = int64;
/** Alias of {@link float16}, as `torch.half`. */
export const half = float16;
/** Alias of {@link complex64}, as `torch.cfloat`. */
export const cfloat = complex64;
/** Alias of {@link complex128}, as `torch.cdouble`. */
export const cdouble = complex128;

const byName: Record<DTypeName, DType> = { float32, float64, int32, int64, uint8, bool, float16, bfloat16, complex64, complex128 };

/**
 * Anything accepted where a dtype is expected: a `DType` or its name. `N` narrows it to
 * some dtypes (`DTypeLike<'int64'>` is `torch.int64` or `'int64'`), which is how the
 * factories infer their result's dtype.
 */
export type DTypeLike<N extends DTypeName = DTypeName> = DType<N> | N;

/** The floating dtypes (`is_floating_point`). */
export type FloatDTypeName = 'float32' | 'float64' | 'float16' | 'bfloat16';
/** The complex dtypes (`is_complex`). */
export type ComplexDTypeName = 'complex64' | 'complex128';
/** The integer dtypes. */
export type IntDTypeName = 'int32' | 'int64' | 'uint8';
/** The dtypes with real values: everything but bool and the complex dtypes. */
export type RealDTypeName = FloatDTypeName | IntDTypeName;

let defaultFloat: DType<FloatDTypeName> = float32;

/**
 * Resolves a dtype or dtype name to the `DType` object.
 * @throws TypeError naming the bad value.
 */
export function toDType<N extends DTypeName>(d: DTypeLike<N>): DType<N> {
  if (d instanceof DType) return d;
  const found = typeof d === 'string' ? (byName[d as DTypeName] as DType<N> | undefined) : undefined;
  if (!found) {
    const shown = typeof d === 'string' ? `'${d}'` : typeof d === 'object' && d !== null ? (d as object).constructor?.name ?? 'object' : String(d);
    throw new TorchTypeError('dtype', `invalid dtype: ${shown} (expected torch.dtype or one of ${Object.keys(byName).join(', ')})`);
  }
  return found;
}

/** The default floating dtype (`torch.get_default_dtype()`), float32 unless changed. */
export function getDefaultDtype(): DType<FloatDTypeName> {
  return defaultFloat;
}

/**
 * Sets the default floating dtype (`torch.set_default_dtype`): float32 or float64 only.
 * @example
 * ```ts pytorch=core.setDefaultDtype
 * torch.setDefaultDtype(torch.float64);
 * console.log(torch.tensor([1.5]).dtype, torch.zeros(1).dtype);
 * torch.setDefaultDtype(torch.float32);
 * ```
 * ```text
 * torch.float64 torch.float64
 * ```
 */
export function setDefaultDtype(d: DTypeLike): void {
  const dt = toDType(d);
  if (!dt.isFloatingPoint) throw new TypeError(`only floating-point types are supported as the default type, got ${dt}`);
  defaultFloat = dt as DType<FloatDTypeName>;
}

/**
 * Allocates a zeroed host array for `n` elements of `dtype`.
 * @throws OutOfMemoryError, before allocating, when `n` elements exceed the CPU memory
 *   limit (`setMemoryLimit`; by default the machine's memory), the engine's typed-array
 *   length or 2^53 − 1, or when the engine refuses the array.
 */
export function allocHost(dtype: DTypeName, n: number): HostArray {
  const itemsize = byName[dtype].itemsize;
  checkHostAllocation(dtype, n, itemsize);
  try {
    switch (dtype) {
      case 'float32':
        return new Float32Array(n);
      case 'float64':
      case 'int64':
        return new Float64Array(n);
      case 'int32':
        return new Int32Array(n);
      case 'uint8':
      case 'bool':
        return new Uint8Array(n);
      case 'float16':
      case 'bfloat16':
        return new Uint16Array(n);
      case 'complex64':
        return new Float32Array(2 * n);
      case 'complex128':
        return new Float64Array(2 * n);
    }
  } catch (e) {
    throw hostAllocationFailed(dtype, n, itemsize, e);
  }
}

/** Largest magnitude an int64 stored here holds exactly. */
export const INT64_EXACT_LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * Rounds a JS number to what an element of `dtype` stores, as a cast does in PyTorch
 * (float→int truncates toward zero, ints wrap, bool is `x != 0`; float16/bfloat16 round
 * to nearest even; for complex dtypes, the real part).
 */
export function castScalar(x: number, dtype: DTypeName): number {
  switch (dtype) {
    case 'float32':
    case 'complex64':
      return Math.fround(x);
    case 'float64':
    case 'complex128':
      return x;
    case 'float16':
      return roundToFloat16(x);
    case 'bfloat16':
      return roundToBfloat16(x);
    case 'int32':
      return Number.isFinite(x) ? Math.trunc(x) | 0 : 0;
    case 'int64':
      return Number.isFinite(x) ? Math.trunc(x) + 0 : 0; // + 0 turns -0 into 0
    case 'uint8':
      return Number.isFinite(x) ? Math.trunc(x) & 0xff : 0;
    case 'bool':
      return x !== 0 ? 1 : 0;
  }
}

/** The complex dtype whose parts are `d` (float16 has no complex partner here: complex64, as PyTorch's CPU promotes). */
export function toComplexDtype(d: DType): DType {
  if (d.isComplex) return d;
  return d === float64 ? complex128 : complex64;
}

/** The real dtype of a complex dtype's parts (`x.real.dtype`); real dtypes map to themselves. */
export function toRealDtype(d: DType): DType {
  return d === complex64 ? float32 : d === complex128 ? float64 : d;
}

/** PyTorch's `promote_types` for two dtypes. */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a.isComplex || b.isComplex) {
    // complex128 wins; complex64 meets float64 in complex128 (PyTorch's table), anything else in complex64
    if (a === complex128 || b === complex128 || a === float64 || b === float64) return complex128;
    return complex64;
  }
  if (a.isFloatingPoint || b.isFloatingPoint) {
    if (a === float64 || b === float64) return float64;
    if (a === float32 || b === float32) return float32;
    // half and bfloat16 meet in float32; either with an integer or bool stays itself
    if (a.isFloatingPoint && b.isFloatingPoint) return float32;
    return a.isFloatingPoint ? a : b;
  }
  if (a === bool) return b;
  if (b === bool) return a;
  // integers: uint8 with a signed type goes to the signed type, as in PyTorch
  const rank: Record<string, number> = { uint8: 1, int32: 3, int64: 4 };
  if (a === uint8 || b === uint8) {
    const other = a === uint8 ? b : a;
    return other;
  }
  return rank[a.name]! >= rank[b.name]! ? a : b;
}
