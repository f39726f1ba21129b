/**
 * PyTorch's type promotion (`torch.result_type`): dimensioned tensors outrank
 * 0-dim tensors, which outrank JS numbers, unless a lower tier brings a higher
 * category (bool < integer < float).
 */
import { type DType, type DTypeName, bool, getDefaultDtype, int64, promoteTypes, toComplexDtype } from '../dtype.js';
import { Complex } from '../complex/scalar.js';
import { complexScalarDtype, wrappedDtypeOf } from '../complex/wrapped.js';
import { Tensor } from '../tensor.js';

/** A JS scalar accepted wherever PyTorch accepts a Python number. */
export type Scalar = number | boolean;

/** Dtype a JS scalar stands for: bool, int64 for integral numbers, default float otherwise. */
export function scalarDtype(x: Scalar): DType {
  if (typeof x === 'boolean') return bool;
  return Number.isInteger(x) ? int64 : getDefaultDtype();
}

/** Wrapped-number dtype: a float scalar counts as the default float dtype. */
function combineCategories(higher: DType | null, lower: DType | null): DType | null {
  if (higher === null) return lower;
  if (higher.isComplex) return higher;
  // a complex lower tier keeps a floating higher tier's precision (c10's combine_categories)
  if (lower !== null && lower.isComplex) return higher.isFloatingPoint ? toComplexDtype(higher) : lower;
  if (higher.isFloatingPoint) return higher;
  if (lower === null) return higher;
  if (higher === bool || lower.isFloatingPoint) return promoteTypes(higher, lower);
  return higher;
}

function promoteNullable(a: DType | null, b: DType): DType {
  return a === null ? b : promoteTypes(a, b);
}

/**
 * The dtype PyTorch computes `op(a, b, …)` in, before op-specific rules
 * (true division and float-only functions then move integers to the default float).
 * @example
 * ```ts pytorch=core.resultType
 * console.log(torch.resultType(torch.tensor([1, 2]), 1.5));
 * console.log(torch.resultType(torch.tensor([1, 2], 'int32'), torch.tensor([1], 'int64')));
 * ```
 * ```text
 * torch.float32
 * torch.int64
 * ```
 */
export function resultType(...operands: (Tensor | Scalar | Complex)[]): DType {
  let dimResult: DType | null = null;
  let zeroResult: DType | null = null;
  let wrappedResult: DType | null = null;
  for (const o of operands) {
    const wrapped = o instanceof Tensor ? wrappedDtypeOf(o) : null;
    if (o instanceof Complex || wrapped !== null) {
      // a complex scalar is a wrapped number of the default complex dtype
      wrappedResult = promoteNullable(wrappedResult, wrapped ?? complexScalarDtype());
    } else if (o instanceof Tensor) {
      if (o._shape.length > 0) dimResult = promoteNullable(dimResult, o.dtype);
      else zeroResult = promoteNullable(zeroResult, o.dtype);
    } else {
      wrappedResult = promoteNullable(wrappedResult, scalarDtype(o));
    }
  }
  return combineCategories(dimResult, combineCategories(zeroResult, wrappedResult))!;
}

/** Whether a value of `from` may be written into `to` by an in-place op (PyTorch's `canCast`). */
export function canCast(from: DType, to: DType): boolean {
  if (from.isComplex && !to.isComplex) return false;
  if (from.isFloatingPoint && !to.isFloatingPoint) return false;
  if (from !== bool && to === bool) return false;
  return true;
}

const CPP_NAMES: Record<DTypeName, string> = {
  float32: 'Float',
  float64: 'Double',
  int32: 'Int',
  int64: 'Long',
  uint8: 'Byte',
  bool: 'Bool',
  float16: 'Half',
  bfloat16: 'BFloat16',
  complex64: 'ComplexFloat',
  complex128: 'ComplexDouble',
};

const TYPE_META_NAMES: Record<DTypeName, string> = {
  float32: 'float',
  float64: 'double',
  int32: 'int',
  int64: 'long int',
  uint8: 'unsigned char',
  bool: 'bool',
  float16: 'c10::Half',
  bfloat16: 'c10::BFloat16',
  complex64: 'c10::complex<float>',
  complex128: 'c10::complex<double>',
};

/** Short C++-style dtype name used in PyTorch messages: Float, Double, Long, Int, Byte, Bool, Half, BFloat16, ComplexFloat, ComplexDouble. */
export function cppName(d: DType): string {
  return CPP_NAMES[d.name];
}

/**
 * The name PyTorch's C++ type meta prints for a dtype in messages such as
 * `expected m1 and m2 to have the same dtype, but got: float != double`.
 */
export function typeMetaName(d: DType): string {
  return TYPE_META_NAMES[d.name];
}
