/**
 * Complex dtypes in the elementwise machinery: which unary and binary kernels have
 * a complex meaning (the others raise PyTorch's error before any kernel runs), the
 * real result dtype of `abs`, and complex scalars ({@link Complex}) as operands.
 */
import type { BinaryOp, UnaryOp } from '../backend.js';
import { type DType, complex128, toRealDtype } from '../dtype.js';
import { TorchRuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { cppName } from '../ops/promotion.js';
import { Complex } from './scalar.js';
import { complexScalarTensor } from './create.js';
import { complexScalarDtype } from './wrapped.js';

export { complexScalarDtype, wrappedDtypeOf } from './wrapped.js';

/** Unary kernels defined for complex inputs (the CPU backend implements each). */
export const COMPLEX_UNARY_OPS: ReadonlySet<string> = new Set<UnaryOp>([
  'neg', 'exp', 'exp2', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sqrt', 'rsqrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan',
  'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'sigmoid', 'reciprocal', 'square', 'abs', 'isnan', 'isinf', 'isfinite', 'logicalNot',
]);

/** Binary kernels defined for complex inputs. */
export const COMPLEX_BINARY_OPS: ReadonlySet<string> = new Set<BinaryOp>(['add', 'sub', 'mul', 'div', 'pow', 'eq', 'ne', 'logicalAnd', 'logicalOr', 'logicalXor']);

/** PyTorch's own words for some ops it refuses on complex tensors (the rest get the kernel-not-implemented text). */
const MESSAGES: Readonly<Record<string, string>> = {
  floor: 'floor is not supported for complex inputs',
  ceil: 'ceil is not supported for complex inputs',
  round: 'round is not supported for complex inputs',
  trunc: 'trunc is not supported for complex inputs',
  sign: 'Unlike NumPy, torch.sign is not intended to support complex numbers. Please use torch.sgn instead.',
  maximum: 'maximum not implemented for complex tensors.',
  minimum: 'minimum not implemented for complex tensors.',
  fmax: 'fmax not implemented for complex tensors.',
  fmin: 'fmin not implemented for complex tensors.',
  clamp: 'clamp is not supported for complex types',
  relu: '"clamp_min_scalar_cpu" not implemented for \'ComplexFloat\'',
};

/** The error for an op with no complex meaning: PyTorch's text where known, else `"<op>_cpu" not implemented for 'ComplexFloat'`. */
export function complexUnsupported(name: string, dtype: DType): TorchRuntimeError {
  const base = name.replace(/_$/, '');
  const msg = MESSAGES[base]?.replace('ComplexFloat', cppName(dtype)) ?? `"${base}_cpu" not implemented for '${cppName(dtype)}'`;
  return new TorchRuntimeError(name, msg);
}

/** Checks a unary kernel accepts the complex `dtype`; returns the output dtype (real for `abs`, bool for tests, else `dtype`). */
export function complexUnaryOut(name: string, op: UnaryOp, dtype: DType, outDtype: DType): DType {
  if (!COMPLEX_UNARY_OPS.has(op)) throw complexUnsupported(name, dtype);
  if (op === 'abs') return toRealDtype(dtype);
  return outDtype.isComplex || outDtype.name === 'bool' ? outDtype : dtype;
}

/** Checks a binary kernel accepts the complex compute dtype. */
export function checkComplexBinary(name: string, op: BinaryOp, compute: DType): void {
  if (!COMPLEX_BINARY_OPS.has(op)) throw complexUnsupported(name, compute);
}

/**
 * A {@link Complex} operand as a 0-dim complex128 CPU tensor that promotes as a wrapped
 * number (of the default complex dtype), so its parts are not rounded before the kernel
 * computes in the promoted dtype; anything else is returned unchanged.
 */
export function wrapComplexScalar<T>(v: T | Complex): Exclude<T, Complex> | Tensor {
  if (!(v instanceof Complex)) return v as Exclude<T, Complex>;
  const t = complexScalarTensor(v, complex128);
  (t as { _wrappedDtype?: DType })._wrappedDtype = complexScalarDtype();
  return t;
}


/** Reductions with a complex kernel; the others raise PyTorch's error before any kernel runs. */
const COMPLEX_REDUCE_OPS: ReadonlySet<string> = new Set(['sum', 'prod', 'all', 'any']);

/**
 * Checks a reduction accepts the complex input `dtype`: max/min/arg-reductions raise
 * PyTorch's `"max_all" not implemented for 'ComplexFloat'` (`_all` over every dim, `_cpu`
 * otherwise), nansum its own text.
 */
export function checkComplexReduce(op: string, name: string, dtype: DType, allDims: boolean): void {
  if (COMPLEX_REDUCE_OPS.has(op)) return;
  if (op === 'nansum') throw new TorchRuntimeError(name, 'nansum does not support complex inputs');
  // amax/amin run PyTorch's max_values/min_values kernels; max()/min() over all dims max_all
  const kernel = name === 'amax' || name === 'amin' ? `${op}_values_cpu` : (op === 'max' || op === 'min') && allDims ? `${op}_all` : `${op}_cpu`;
  throw new TorchRuntimeError(name, `"${kernel}" not implemented for '${cppName(dtype)}'`);
}
