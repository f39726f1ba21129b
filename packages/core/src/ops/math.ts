/**
 * Elementwise math composites (PyTorch 1.13): ops PyTorch itself builds from other
 * ops, or whose kernel is a select or fixed sequence of float operations that the
 * ops below round the same way. Special functions with a formula of their own
 * (lgamma, digamma, i0, polygamma, frexp, nextafter, gcd, …) are backend kernels
 * (catalogue/elementwise.ts); the functions here that need one call it.
 */
import { inFloat32 } from './half-compute.js';
import { isHalfDtype } from '../half.js';
import { composite } from '../autograd-hook.js';
import { type DType, bool, float32, float64, getDefaultDtype, int32 } from '../dtype.js';
import { TorchRuntimeError, TorchTypeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { expectInt, expectNumber, expectTensor, pyTypeName } from '../validate.js';
import { fullLike } from './creation.js';
import { type AlphaOptions, type TensorOrScalar, binaryInplace, add, binaryOp, div, sub, unaryOp, where } from './elementwise.js';
import { abs, eq, exp, exp2, gt, isinf, isnan, log, logicalAnd, maximum, mul, neg, pow, sign, sign_, sin } from './generated.js';
import { canCast, cppName, resultType } from './promotion.js';
import { isrealComplex, sgnComplex } from '../complex/ops.js';

/** Integer and bool tensors move to the default float dtype (PyTorch's "int to float" ops). */
function toFloat(x: Tensor): Tensor {
  return x.dtype.isFloatingPoint ? x : x.to(getDefaultDtype());
}

/**
 * Writes an out-of-place result into `self` as PyTorch's in-place form does: the result
 * dtype must be castable to self's. The result must have been computed from a clone
 * of self (so autograd's saved inputs are not the tensor being overwritten).
 */
function assignInplace(name: string, self: Tensor, result: Tensor): Tensor {
  if (!canCast(result.dtype, self.dtype)) {
    throw new TorchRuntimeError(name, `result type ${cppName(result.dtype)} can't be cast to the desired output type ${cppName(self.dtype)}`);
  }
  return self.copy_(result);
}

/** `other` must be a tensor (ops without a Scalar overload): PyTorch's TypeError text. */
function expectOther(name: string, what: string, v: unknown): asserts v is Tensor {
  if (!(v instanceof Tensor)) throw new TorchTypeError(name, `${name}(): argument '${what}' (position 2) must be Tensor, not ${pyTypeName(v)}`);
}

// ---------------------------------------------------------------- sign-like

/**
 * Returns `input` itself (`+x`); bool tensors are rejected as PyTorch does.
 * @example
 * ```ts pytorch=core.positive
 * const x = torch.tensor([-1, 2]);
 * console.log(torch.positive(x)); // x itself
 * ```
 * ```text
 * tensor([-1,  2])
 * ```
 */
export function positive(input: Tensor): Tensor {
  expectTensor('positive', 'input', 1, input);
  if (input.dtype === bool) throw new TorchRuntimeError('positive', 'The `+` operator, on a bool tensor is not supported.');
  return input;
}

/** The sign of each element, extended to complex numbers as x/|x|; for real tensors it is {@link sign}. */
export function sgn(input: Tensor): Tensor {
  expectTensor('sgn', 'input', 1, input);
  if (input.dtype.isComplex) return sgnComplex(input, false);
  return composite('sgn', [input], {}, () => sign(input));
}

/** In-place {@link sgn}. */
export function sgn_(input: Tensor): Tensor {
  expectTensor('sgn_', 'input', 1, input);
  if (input.dtype.isComplex) return sgnComplex(input, true);
  return sign_(input);
}

// ---------------------------------------------------------------- angles

const M_PI_180 = 0.017453292519943295;
const M_180_PI = 57.29577951308232;

/**
 * Degrees to radians: `x · (π/180)` (integers give the default float).
 * @example
 * ```ts pytorch=core.deg2rad
 * console.log(torch.deg2rad(torch.tensor([180, 90], 'float32')));
 * ```
 * ```text
 * tensor([3.1416, 1.5708])
 * ```
 */
export function deg2rad(input: Tensor): Tensor {
  expectTensor('deg2rad', 'input', 1, input);
  return mul(toFloat(input), M_PI_180);
}

/** In-place {@link deg2rad} (float tensors only). */
export function deg2rad_(input: Tensor): Tensor {
  expectTensor('deg2rad_', 'input', 1, input);
  return assignInplace('deg2rad_', input, deg2rad(input.clone()));
}

/** Radians to degrees: `x · (180/π)` (integers give the default float). */
export function rad2deg(input: Tensor): Tensor {
  expectTensor('rad2deg', 'input', 1, input);
  return mul(toFloat(input), M_180_PI);
}

/** In-place {@link rad2deg} (float tensors only). */
export function rad2deg_(input: Tensor): Tensor {
  expectTensor('rad2deg_', 'input', 1, input);
  return assignInplace('rad2deg_', input, rad2deg(input.clone()));
}

// ---------------------------------------------------------------- special values

/** Replacements of {@link nanToNum}: NaN (default 0), +inf and −inf (default: the dtype's largest/lowest finite value). */
export interface NanToNumOptions {
  /** The value NaN becomes (default 0). */
  nan?: number | null;
  /** The value +inf becomes (default the dtype's largest finite value). */
  posinf?: number | null;
  /** The value −inf becomes (default the dtype's lowest finite value). */
  neginf?: number | null;
}

const FLOAT_MAX: Record<string, number> = { float32: 3.4028234663852886e38, float64: Number.MAX_VALUE };

/**
 * Replaces NaN, +inf and −inf with finite numbers; integer and bool tensors are copied.
 * @example
 * ```ts pytorch=core.nanToNum
 * const x = torch.tensor([NaN, Infinity, -Infinity, 1]);
 * console.log(torch.nanToNum(x, { nan: 0, posinf: 9 })); // -inf: the most negative float32
 * ```
 * ```text
 * tensor([ 0.0000e+00,  9.0000e+00, -3.4028e+38,  1.0000e+00])
 * ```
 */
export function nanToNum(input: Tensor, opts: NanToNumOptions = {}): Tensor {
  expectTensor('nan_to_num', 'input', 1, input);
  opts = nanToNumOptions('nan_to_num', opts);
  if (!input.dtype.isFloatingPoint) return input.clone();
  const max = FLOAT_MAX[input.dtype.name]!;
  const posinf = opts.posinf ?? max;
  const neginf = opts.neginf ?? -max;
  const nan = opts.nan ?? 0;
  // one autograd node (NanToNumBackward0), as PyTorch records it
  return composite('nan_to_num', [input], {}, () =>
    where(isnan(input), nan, where(eq(input, Infinity), posinf, where(eq(input, -Infinity), neginf, input))),
  );
}

/** In-place {@link nanToNum}. */
export function nanToNum_(input: Tensor, opts: NanToNumOptions = {}): Tensor {
  expectTensor('nan_to_num_', 'input', 1, input);
  return input.copy_(nanToNum(input.clone(), nanToNumOptions('nan_to_num_', opts)));
}

/** Checks the options object (absent or null: defaults); each replacement is a number or null. */
function nanToNumOptions(op: string, opts: unknown): NanToNumOptions {
  if (opts === undefined || opts === null) return {};
  if (typeof opts !== 'object' || Array.isArray(opts) || opts instanceof Tensor) {
    throw new TorchTypeError(op, `${op}(): argument 'nan' (position 2) must be float, not ${pyTypeName(opts)}`);
  }
  const o = opts as Record<string, unknown>;
  (['nan', 'posinf', 'neginf'] as const).forEach((k, i) => {
    if (o[k] !== undefined && o[k] !== null) expectNumber(op, k, i + 2, o[k]);
  });
  return o as NanToNumOptions;
}

/** Whether each element is +inf (bool). */
export function isposinf(input: Tensor): Tensor {
  expectTensor('isposinf', 'input', 1, input);
  return eq(input, Infinity);
}

/** Whether each element is −inf (bool). */
export function isneginf(input: Tensor): Tensor {
  expectTensor('isneginf', 'input', 1, input);
  return eq(input, -Infinity);
}

/** Whether each element is real-valued (bool): true for real dtypes; for complex ones, whether the imaginary part is 0. */
export function isreal(input: Tensor): Tensor {
  expectTensor('isreal', 'input', 1, input);
  if (input.dtype.isComplex) return isrealComplex(input);
  return fullLike(input, true, { dtype: bool });
}

// ---------------------------------------------------------------- powers and logs

/**
 * `input ** exponent` in double precision: both sides become float64 (either may be a number).
 * @example
 * ```ts pytorch=core.floatPower
 * console.log(torch.floatPower(torch.tensor([2, 3]), 2)); // always float64
 * ```
 * ```text
 * tensor([4., 9.], dtype=torch.float64)
 * ```
 */
export function floatPower(input: TensorOrScalar, exponent: TensorOrScalar): Tensor {
  if (!(input instanceof Tensor) && !(exponent instanceof Tensor)) {
    throw new TorchTypeError('float_power', `float_power(): argument 'input' (position 1) must be Tensor, not ${pyTypeName(input)}`);
  }
  const d = (v: TensorOrScalar): TensorOrScalar => (v instanceof Tensor ? v.to(float64) : Number(v));
  const base = d(input);
  const e = d(exponent);
  // A number base meets a float64 tensor exponent: pow keeps float64 either way.
  return pow(base, e);
}

/** In-place {@link floatPower}: `input` must already be float64. */
export function floatPower_(input: Tensor, exponent: TensorOrScalar): Tensor {
  expectTensor('float_power_', 'input', 1, input);
  if (input.dtype !== float64) {
    throw new TorchRuntimeError('float_power_', `the base given to float_power_ has dtype ${cppName(input.dtype)} but the operation's result requires dtype Double`);
  }
  return input.pow_(exponent instanceof Tensor ? exponent.to(float64) : Number(exponent));
}

/** 2^other as PyTorch's `pow(2.0, other)`: a float (the default dtype for integer exponents). */
function twoTo(other: Tensor): Tensor {
  return pow(2, toFloat(other));
}

/**
 * `input · 2^other` (PyTorch computes `input * pow(2.0, other)`).
 * @example
 * ```ts pytorch=core.ldexp
 * console.log(torch.ldexp(torch.tensor([1, 0.5]), torch.tensor([3, 2]))); // x * 2 ** e
 * ```
 * ```text
 * tensor([8., 2.])
 * ```
 */
export function ldexp(input: Tensor, other: Tensor): Tensor {
  expectTensor('ldexp', 'input', 1, input);
  expectOther('ldexp', 'other', other);
  return mul(input, twoTo(other));
}

/** In-place {@link ldexp}: `input.mul_(2^other)`. */
export function ldexp_(input: Tensor, other: Tensor): Tensor {
  expectTensor('ldexp_', 'input', 1, input);
  expectOther('ldexp_', 'other', other);
  return input.mul_(twoTo(other));
}

/**
 * `input · log(other)`, 0 where input is 0 and NaN where other is NaN (either side may
 * be a number; integers give the default float).
 * @example
 * ```ts pytorch=core.xlogy
 * console.log(torch.xlogy(torch.tensor([0, 2]), torch.tensor([0, Math.E]))); // 0 where x is 0, even at y = 0
 * ```
 * ```text
 * tensor([0.0000, 2.0000])
 * ```
 */
export function xlogy(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const like = input instanceof Tensor ? input : other instanceof Tensor ? other : null;
  if (like === null) throw new TorchTypeError('xlogy', `xlogy(): argument 'self' (position 1) must be Tensor, not ${pyTypeName(input)}`);
  const promoted = resultType(input, other);
  const dt = promoted.isFloatingPoint ? promoted : getDefaultDtype();
  const x = input instanceof Tensor ? (input.dtype === dt ? input : input.to(dt)) : Number(input);
  const y = other instanceof Tensor ? (other.dtype === dt ? other : other.to(dt)) : Number(other);
  // one autograd node per overload (XlogyBackward0/1/2 for tensor·tensor, number·tensor, tensor·number)
  if (x instanceof Tensor && y instanceof Tensor) return composite('xlogy', [x, y], {}, () => xlogyValues(like, dt, x, y));
  if (y instanceof Tensor) return composite('xlogy', [y], { scalarA: x }, () => xlogyValues(like, dt, x, y));
  return composite('xlogy', [x as Tensor], { scalarB: y }, () => xlogyValues(like, dt, x, y));
}

/** xlogy's values: `x·log(y)`, 0 where x is 0, NaN where y is NaN (operands already in `dt`). */
function xlogyValues(like: Tensor, dt: DType, x: Tensor | number, y: Tensor | number): Tensor {
  const logY = y instanceof Tensor ? log(y) : log(fullLike(like, y, { dtype: dt }));
  const prod = mul(x instanceof Tensor ? x : fullLike(like, x, { dtype: dt }), logY);
  const zero = x instanceof Tensor ? eq(x, 0) : x === 0;
  const yNan = y instanceof Tensor ? isnan(y) : y !== y;
  const inner = typeof zero === 'boolean' ? (zero ? fullLike(prod, 0) : prod) : where(zero, 0, prod);
  if (typeof yNan === 'boolean') return yNan ? fullLike(inner, NaN) : inner;
  return where(yNan, NaN, inner);
}

/** In-place {@link xlogy} into a float `input`. */
export function xlogy_(input: Tensor, other: TensorOrScalar): Tensor {
  expectTensor('xlogy_', 'input', 1, input);
  return assignInplace('xlogy_', input, xlogy(input.clone(), other));
}

/** The float32 (or float64) value of `v` in `dt`'s precision. */
function inDtype(v: number, dt: DType): number {
  return dt === float32 ? Math.fround(v) : v;
}

/**
 * The log-odds `log(x / (1 − x))`; with `eps`, x is clamped into [eps, 1 − eps] first.
 * @example
 * ```ts pytorch=core.logit
 * console.log(torch.logit(torch.tensor([0.25, 0.5, 0.9])));
 * ```
 * ```text
 * tensor([-1.0986,  0.0000,  2.1972])
 * ```
 */
export function logit(input: Tensor, eps?: number | null | LogitOptions): Tensor {
  expectTensor('logit', 'input', 1, input);
  if (eps !== null && typeof eps === 'object') eps = eps.eps;
  const x = toFloat(input);
  const e = eps === undefined || eps === null ? -1 : eps;
  // one autograd node (LogitBackward0, whose formula knows eps), as PyTorch records it
  return composite('logit', [x], { eps: e }, () => {
    let z = x;
    if (e >= 0) {
      const lo = inDtype(e, x.dtype);
      const hi = inDtype(1 - lo, x.dtype);
      z = where(x.lt(lo), lo, where(x.gt(hi), hi, x));
    }
    return log(div(z, sub(1, z)));
  });
}

/** Options of {@link logit}. */
export interface LogitOptions {
  /** Clamp the input into [eps, 1 − eps] first (none by default). */
  eps?: number | null;
}

/** In-place {@link logit} (float tensors only). */
export function logit_(input: Tensor, eps?: number | null | LogitOptions): Tensor {
  expectTensor('logit_', 'input', 1, input);
  return assignInplace('logit_', input, logit(input.clone(), eps));
}

/**
 * The normalised sinc function sin(πx)/(πx), 1 at 0 (integers give the default float).
 * @example
 * ```ts pytorch=core.sinc
 * console.log(torch.sinc(torch.tensor([0, 0.5, 1]))); // sin(πx) / (πx), 1 at 0
 * ```
 * ```text
 * tensor([ 1.0000e+00,  6.3662e-01, -2.7828e-08])
 * ```
 */
export function sinc(input: Tensor): Tensor {
  expectTensor('sinc', 'input', 1, input);
  const x = toFloat(input);
  return composite('sinc', [x], {}, () => {
    const product = mul(x, Math.PI);
    return where(eq(x, 0), 1, div(sin(product), product));
  });
}

/** In-place {@link sinc} (float tensors only). */
export function sinc_(input: Tensor): Tensor {
  expectTensor('sinc_', 'input', 1, input);
  return assignInplace('sinc_', input, sinc(input.clone()));
}

/** Checks a float-only binary op's operands (`"<kernel>" not implemented for 'Long'`). */
function floatOnly(name: string, kernel: string, a: Tensor, b: Tensor): void {
  expectTensor(name, 'input', 1, a);
  expectOther(name, 'other', b);
  const dt = resultType(a, b);
  if (!dt.isFloatingPoint) throw new TorchRuntimeError(name, `"${kernel}" not implemented for '${cppName(dt)}'`);
}

/**
 * log(eˣ + eʸ) without overflow: `max + log(1 + exp(−|x − y|))`, and x where both are
 * the same infinity (float tensors).
 * @example
 * ```ts pytorch=core.logaddexp
 * const a = torch.tensor([0, -100, 1000], { dtype: 'float32' });
 * const b = torch.tensor([0, -101, 1000], { dtype: 'float32' });
 * console.log(torch.logaddexp(a, b)); // no overflow or underflow
 * ```
 * ```text
 * tensor([ 6.9315e-01, -9.9687e+01,  1.0007e+03])
 * ```
 */
export function logaddexp(input: Tensor, other: Tensor): Tensor {
  floatOnly('logaddexp', 'logaddexp_cpu', input, other);
  if (isHalfDtype(input.dtype.name) || isHalfDtype(other.dtype.name)) return inFloat32([input, other], ([a, b]) => logaddexp(a as Tensor, b as Tensor));
  const m = maximum(input, other);
  const r = add(m, log(add(exp(neg(abs(sub(input, other)))), 1)));
  return where(logicalAnd(isinf(input), eq(input, other)), input, r);
}

const INV_LN2 = 1 / Math.LN2;

/** log₂(2ˣ + 2ʸ) without overflow (float tensors). */
export function logaddexp2(input: Tensor, other: Tensor): Tensor {
  floatOnly('logaddexp2', 'logaddexp2_cpu', input, other);
  if (isHalfDtype(input.dtype.name) || isHalfDtype(other.dtype.name)) return inFloat32([input, other], ([a, b]) => logaddexp2(a as Tensor, b as Tensor));
  const m = maximum(input, other);
  const r = add(m, mul(log(add(exp2(neg(abs(sub(input, other)))), 1)), INV_LN2));
  return where(logicalAnd(isinf(input), eq(input, other)), input, r);
}

// ---------------------------------------------------------------- steps and bounds

/**
 * The Heaviside step: 0 for x < 0, `values` where x is 0, 1 for x > 0 (same dtypes required).
 * @example
 * ```ts pytorch=core.heaviside
 * console.log(torch.heaviside(torch.tensor([-1, 0, 2]), torch.tensor([7]))); // the second argument where x is 0
 * ```
 * ```text
 * tensor([0, 7, 1])
 * ```
 */
export function heaviside(input: Tensor, values: Tensor): Tensor {
  expectTensor('heaviside', 'input', 1, input);
  expectOther('heaviside', 'values', values);
  if (input.dtype !== values.dtype) throw new TorchRuntimeError('heaviside', 'heaviside is not yet implemented for tensors with different dtypes.');
  // one node without a derivative, as PyTorch's (backward raises 'derivative for aten::heaviside is not implemented')
  return composite('heaviside', [input, values], {}, () => where(eq(input, 0), values, gt(input, 0).to(input.dtype)));
}

/** In-place {@link heaviside}. */
export function heaviside_(input: Tensor, values: Tensor): Tensor {
  expectTensor('heaviside_', 'input', 1, input);
  return assignInplace('heaviside_', input, heaviside(input.clone(), values));
}

/** PyTorch's clamp_min/clamp_max have no bool kernel for a number bound. */
function checkBoolBound(name: string, x: Tensor, bound: TensorOrScalar, kernel: string): void {
  if (!(bound instanceof Tensor) && resultType(x, bound) === bool) throw new TorchRuntimeError(name, `"${kernel}" not implemented for 'Bool'`);
}

/**
 * `max(input, min)` elementwise: clamps from below (the bound may be a tensor or a number).
 * @example
 * ```ts pytorch=core.clampMin
 * console.log(torch.clampMin(torch.tensor([-1, 2]), 0));
 * ```
 * ```text
 * tensor([0, 2])
 * ```
 */
export function clampMin(input: Tensor, min: TensorOrScalar): Tensor {
  expectTensor('clamp_min', 'input', 1, input);
  checkBoolBound('clamp_min', input, min, 'clamp_min_cpu');
  return binaryOp('clamp_min', 'maximum', input, min, 'same');
}

/** C++'s type names, which clamp_min_/clamp_max_ with a number bound report. */
const CPP_TYPE: Record<string, string> = { int64: 'long int', int32: 'int', uint8: 'unsigned char', bool: 'bool', float32: 'float', float64: 'double' };

/** A number bound whose promoted result can't be written back: PyTorch's text for the scalar overloads. */
function checkScalarBoundCast(name: string, input: Tensor, bound: TensorOrScalar): void {
  if (bound instanceof Tensor) return;
  const dt = resultType(input, bound);
  if (!canCast(dt, input.dtype)) throw new TorchRuntimeError(name, `result type ${cppName(dt)} can't be cast to the desired output type ${CPP_TYPE[input.dtype.name]}`);
}

/** In-place {@link clampMin}. */
export function clampMin_(input: Tensor, min: TensorOrScalar): Tensor {
  expectTensor('clamp_min_', 'input', 1, input);
  checkBoolBound('clamp_min_', input, min, 'clamp_min_cpu');
  checkScalarBoundCast('clamp_min_', input, min);
  return binaryInplace('clamp_min_', 'maximum', input, min, 'same');
}

/** `min(input, max)` elementwise: clamps from above (the bound may be a tensor or a number). */
export function clampMax(input: Tensor, max: TensorOrScalar): Tensor {
  expectTensor('clamp_max', 'input', 1, input);
  checkBoolBound('clamp_max', input, max, 'clamp_max_scalar_cpu');
  return binaryOp('clamp_max', 'minimum', input, max, 'same');
}

/** In-place {@link clampMax}. */
export function clampMax_(input: Tensor, max: TensorOrScalar): Tensor {
  expectTensor('clamp_max_', 'input', 1, input);
  checkBoolBound('clamp_max_', input, max, 'clamp_max_scalar_cpu');
  checkScalarBoundCast('clamp_max_', input, max);
  return binaryInplace('clamp_max_', 'minimum', input, max, 'same');
}

/**
 * Reversed subtraction: `other − alpha · input`.
 * @example
 * ```ts pytorch=core.rsub
 * console.log(torch.rsub(torch.tensor([1, 2]), 10)); // 10 - x
 * ```
 * ```text
 * tensor([9, 8])
 * ```
 */
export function rsub(input: Tensor, other: TensorOrScalar, opts?: AlphaOptions): Tensor {
  expectTensor('rsub', 'input', 1, input);
  return sub(other, input, opts);
}

// ---------------------------------------------------------------- kernels with options

/**
 * Splits each element into a mantissa in [0.5, 1) (by magnitude) and an int32 exponent
 * with `input = mantissa · 2^exponent` (float tensors only): `[mantissa, exponent]`.
 * @example
 * ```ts pytorch=core.frexp
 * const [m, e] = torch.frexp(torch.tensor([8, 0.3, -5], { dtype: 'float32' }));
 * console.log(m, e); // x = m * 2 ** e
 * ```
 * ```text
 * tensor([ 0.5000,  0.6000, -0.6250]) tensor([ 4, -1,  3], dtype=torch.int32)
 * ```
 */
export function frexp(input: Tensor): FrexpResult {
  expectTensor('frexp', 'input', 1, input);
  if (!input.dtype.isFloatingPoint) throw new TorchRuntimeError('frexp', 'torch.frexp() only supports floating-point dtypes');
  const mantissa = unaryOp('frexp', 'frexpMantissa', input, 'same');
  const exponent = unaryOp('frexp_exponent', 'frexpExponent', input.detach(), 'same').to(int32);
  return Object.assign([mantissa, exponent] as [Tensor, Tensor], { mantissa, exponent });
}

/** `torch.frexp`'s result: `[mantissa, exponent]`, also by name (PyTorch's `torch.return_types.frexp`). */
export type FrexpResult = [Tensor, Tensor] & { readonly mantissa: Tensor; readonly exponent: Tensor };

/**
 * The n-th derivative of the digamma function, ψ⁽ⁿ⁾(x) (integers give the default float).
 * `torch.polygamma(n, input)`; the method form is `input.polygamma(n)`.
 * @example
 * ```ts pytorch=core.polygamma
 * console.log(torch.polygamma(1, torch.tensor([1, 2], 'float32'))); // trigamma: π²/6 at 1
 * ```
 * ```text
 * tensor([1.6449, 0.6449])
 * ```
 */
export function polygamma(n: number, input: Tensor): Tensor;
export function polygamma(input: Tensor, n: number): Tensor;
export function polygamma(a: number | Tensor, b: Tensor | number): Tensor {
  const [n, input] = a instanceof Tensor ? [b, a] : [a, b];
  expectInt('polygamma', 'n', 1, n);
  expectTensor('polygamma', 'input', 2, input);
  if (n < 0) throw new TorchRuntimeError('polygamma', 'polygamma(n, x) does not support negative n.');
  return unaryOp('polygamma', 'polygammaN', input, 'float', { a: n });
}

/** In-place {@link polygamma}: `input.polygamma_(n)` (float tensors only). */
export function polygamma_(input: Tensor, n: number): Tensor {
  expectTensor('polygamma_', 'input', 1, input);
  return assignInplace('polygamma_', input, polygamma(n, input.clone()));
}

/** The modified Bessel function of the first kind of order 1 (PyTorch's `torch.special.i1`); i0's derivative. */
export function specialI1(input: Tensor): Tensor {
  expectTensor('special_i1', 'input', 1, input);
  return unaryOp('special_i1', 'i1', input, 'float');
}
