/**
 * `torch.special`: PyTorch 1.13's 56 special functions, with its signatures, dtype
 * promotion (integers and bool compute in the default float), results and derivatives.
 *
 * Names PyTorch also spells at top level (`erf`, `i0`, `xlogy`, `logit`, …) are those
 * ops; the others run kernels of the catalogue's `special.ts` rows (PyTorch's Cephes,
 * SciPy and Faddeeva algorithms, per backend). Bessel functions and the orthogonal
 * polynomials are not differentiable in PyTorch: their results never require grad.
 * @example
 * ```ts pytorch=core.special
 * const x = torch.tensor([0.5, 1, 2], 'float64');
 * console.log(torch.special.erfcx(x)); // exp(x²)·erfc(x)
 * console.log(torch.special.chebyshevPolynomialT(x, 3)); // T₃(x)
 * ```
 * ```text
 * tensor([0.6157, 0.4276, 0.2554], dtype=torch.float64)
 * tensor([-1.,  1., 26.], dtype=torch.float64)
 * ```
 * @packageDocumentation
 */
import type { BinaryOp, UnaryOp } from '../backend.js';
import { composite } from '../autograd-hook.js';
import { getDefaultDtype } from '../dtype.js';
import { TorchRuntimeError } from '../errors.js';
import { type LogitOptions, type SoftmaxOptions, type TensorOrScalar } from '../ops/index.js';
import * as ops from '../ops/index.js';
import { binaryOp, unaryOp } from '../ops/elementwise.js';
import { cppName } from '../ops/promotion.js';
import { Tensor } from '../tensor.js';
import { type KeepdimArg, expectInt, expectTensor, keepdimArg, pyTypeName } from '../validate.js';
import { TorchTypeError } from '../errors.js';

/** A unary kernel of the catalogue's special rows, recorded under PyTorch's name. */
function unary(aten: string, kernel: UnaryOp, x: Tensor): Tensor {
  expectTensor(aten, 'input', 1, x);
  return unaryOp(aten, kernel, x, 'float');
}

/** A unary kernel PyTorch declares not differentiable: the result never requires grad. */
function unaryNoGrad(aten: string, kernel: UnaryOp, x: Tensor, argName = 'input'): Tensor {
  expectTensor(aten, argName, 1, x);
  return unaryOp(aten, kernel, x.detach(), 'float');
}

/** A binary kernel; either operand may be a number (PyTorch's Scalar overloads). */
function binary(aten: string, kernel: BinaryOp, a: TensorOrScalar, b: TensorOrScalar, noGrad = false): Tensor {
  if (!(a instanceof Tensor) && !(b instanceof Tensor)) {
    throw new TorchTypeError(aten, `${aten}() received an invalid combination of arguments - got (${pyTypeName(a)}, ${pyTypeName(b)}), but expected one of:`);
  }
  const d = (v: TensorOrScalar) => (noGrad && v instanceof Tensor ? v.detach() : v);
  return binaryOp(aten, kernel, d(a), d(b), 'float');
}

// ------------------------------------------------------------ error functions

/** The error function (`torch.erf`). */
export const erf = ops.erf;
/** The complementary error function 1 − erf(x) (`torch.erfc`). */
export const erfc = ops.erfc;
/** The inverse error function (`torch.erfinv`). */
export const erfinv = ops.erfinv;

/**
 * The scaled complementary error function exp(x²)·erfc(x), accurate where erfc underflows.
 * @example
 * ```ts pytorch=core.special.erfcx
 * console.log(torch.special.erfcx(torch.tensor([0, 30], 'float64'))); // no overflow where exp(x²) would
 * ```
 * ```text
 * tensor([1.0000, 0.0188], dtype=torch.float64)
 * ```
 */
export function erfcx(input: Tensor): Tensor {
  return unary('special_erfcx', 'erfcx', input);
}

/** The standard normal CDF Φ(x) = (1 + erf(x/√2))/2. */
export function ndtr(input: Tensor): Tensor {
  expectTensor('special_ndtr', 'input', 1, input);
  const x = input.dtype.isFloatingPoint ? input : input.to(getDefaultDtype());
  return composite('special_ndtr', [x], {}, () => ops.erf(x.mul(Math.SQRT1_2)).add(1).mul(0.5));
}

/** The inverse of the standard normal CDF: the x with Φ(x) = p (±inf at 0 and 1, NaN outside [0, 1]). */
export function ndtri(input: Tensor): Tensor {
  return unary('special_ndtri', 'ndtri', input);
}

/** log Φ(x), accurate for very negative x. */
export function logNdtr(input: Tensor): Tensor {
  return unary('special_log_ndtr', 'logNdtr', input);
}

// ------------------------------------------------------------ exponentials and logarithms

/** 2ˣ (`torch.exp2`). */
export const exp2 = ops.exp2;
/** eˣ − 1, accurate near 0 (`torch.expm1`). */
export const expm1 = ops.expm1;
/** log(1 + x), accurate near 0 (`torch.log1p`). */
export const log1p = ops.log1p;
/** The logistic sigmoid 1/(1 + e⁻ˣ) (`torch.sigmoid`). */
export const expit = ops.sigmoid;

/** The log-odds log(x/(1 − x)), with x first clamped to [eps, 1 − eps] when eps is given (`torch.logit`). */
export function logit(input: Tensor, eps?: number | null | LogitOptions): Tensor {
  return ops.logit(input, eps);
}

/** x·log(y), 0 where x is 0 (`torch.xlogy`); either operand may be a number. */
export function xlogy(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return ops.xlogy(input, other);
}

/** x·log1p(y), 0 where x is 0 unless y is NaN; either operand may be a number. */
export function xlog1py(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return binary('special_xlog1py', 'xlog1py', input, other);
}

/** The elementwise entropy: −x·log(x) for x > 0, 0 at 0, −inf for x < 0. */
export function entr(input: Tensor): Tensor {
  return unary('special_entr', 'entr', input);
}

/** `x.round()`, or rounded to `decimals` decimal digits (negative: to tens, hundreds, …), half to even. */
export interface RoundOptions {
  /** Decimal digits to keep (default 0). */
  decimals?: number;
}

/** Rounds half to even, optionally to `decimals` digits (`torch.round(x, decimals=…)`). */
export function round(input: Tensor, opts?: RoundOptions): Tensor {
  expectTensor('round', 'input', 1, input);
  const decimals = opts?.decimals ?? 0;
  expectInt('round', 'decimals', undefined, decimals);
  // round(x, decimals) has no integer kernel (plain torch.round copies integers through)
  if (!input.dtype.isFloatingPoint) {
    throw new TorchRuntimeError('round', `"${decimals === 0 ? 'round_vml_cpu' : 'round_cpu'}" not implemented for '${cppName(input.dtype)}'`);
  }
  return composite('round_decimals', [input], { decimals }, () => {
    if (decimals === 0) return ops.round(input);
    const scale = 10 ** Math.abs(decimals);
    return decimals < 0 ? input.div(scale).round().mul(scale) : input.mul(scale).round().div(scale);
  });
}

// ------------------------------------------------------------ softmax and friends

/** Softmax along `dim`, optionally computed in `dtype` (`torch.softmax`). */
export function softmax(input: Tensor, dim: number, opts?: SoftmaxOptions): Tensor {
  return ops.softmax(input, dim, opts);
}

/** log of the softmax along `dim`, optionally computed in `dtype` (`torch.log_softmax`). */
export function logSoftmax(input: Tensor, dim: number, opts?: SoftmaxOptions): Tensor {
  return ops.logSoftmax(input, dim, opts);
}

/** log Σ exp(x) over `dim` without overflow (`torch.logsumexp`). */
export function logsumexp(input: Tensor, dim: number | readonly number[], keepdimIn: KeepdimArg = false): Tensor {
  const keepdim = keepdimArg('special.logsumexp', 3, keepdimIn);
  return ops.logsumexp(input, dim, keepdim);
}

// ------------------------------------------------------------ gamma family

/** The digamma function ψ(x) (`torch.digamma`). */
export const digamma = ops.digamma;
/** Alias of {@link digamma} (PyTorch's `special.psi`). */
export const psi = ops.digamma;
/** log |Γ(x)| (`torch.lgamma`). */
export const gammaln = ops.lgamma;

/** The n-th derivative of digamma, `special.polygamma(n, x)` (`torch.polygamma`). */
export function polygamma(n: number, input: Tensor): Tensor {
  return ops.polygamma(n, input);
}

/**
 * The multivariate log-gamma function of dimension p:
 * log π·p(p − 1)/4 + Σⱼ₌₀^(p−1) lgamma(x − j/2) (PyTorch's `mvlgamma`).
 */
export function multigammaln(input: Tensor, p: number): Tensor {
  expectTensor('special_multigammaln', 'input', 1, input);
  expectInt('special_multigammaln', 'p', 2, p);
  if (input.dtype.name === 'bool') throw new TorchRuntimeError('mvlgamma', 'The input tensor may not be a boolean tensor.');
  if (p < 1) throw new TorchRuntimeError('mvlgamma', 'p has to be greater than or equal to 1');
  const x = input.dtype.isFloatingPoint ? input : input.to(getDefaultDtype());
  return composite('mvlgamma', [x], { p }, () => {
    const args = ops.arange(-p * 0.5 + 0.5, 0.5, 0.5, { dtype: x.dtype, device: x.device });
    return x.unsqueeze(-1).add(args).lgamma().sum(-1).add((p * (p - 1) * Math.log(Math.PI)) / 4);
  });
}

/** The regularized lower incomplete gamma function P(a, x) (`torch.igamma`; tensors only). */
export function gammainc(input: Tensor, other: Tensor): Tensor {
  tensorsOnly('special_gammainc', input, other);
  return ops.igamma(input, other);
}

/** The regularized upper incomplete gamma function Q(a, x) (`torch.igammac`; tensors only). */
export function gammaincc(input: Tensor, other: Tensor): Tensor {
  tensorsOnly('special_gammaincc', input, other);
  return ops.igammac(input, other);
}

function tensorsOnly(op: string, input: unknown, other: unknown): void {
  if (!(input instanceof Tensor)) throw new TorchTypeError(op, `${op}(): argument 'input' (position 1) must be Tensor, not ${pyTypeName(input)}`);
  if (!(other instanceof Tensor)) throw new TorchTypeError(op, `${op}(): argument 'other' (position 2) must be Tensor, not ${pyTypeName(other)}`);
}

/** The Hurwitz zeta function ζ(x, q) = Σₖ (k + q)^(−x); either operand may be a number. */
export function zeta(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return binary('special_zeta', 'zeta', input, other);
}

/** The normalised sinc sin(πx)/(πx) (`torch.sinc`). */
export const sinc = ops.sinc;

// ------------------------------------------------------------ Bessel functions

/** The modified Bessel function of the first kind I₀ (`torch.i0`). */
export const i0 = ops.i0;

/** The exponentially scaled modified Bessel function of the first kind e^(−|x|)·I₀(x). */
export function i0e(input: Tensor): Tensor {
  return unary('special_i0e', 'i0e', input);
}

/** The modified Bessel function of the first kind I₁. */
export function i1(input: Tensor): Tensor {
  return ops.specialI1(input);
}

/** The exponentially scaled modified Bessel function of the first kind e^(−|x|)·I₁(x). */
export function i1e(input: Tensor): Tensor {
  return unary('special_i1e', 'i1e', input);
}

/** The Bessel function of the first kind J₀ (not differentiable). */
export function besselJ0(input: Tensor): Tensor {
  return unaryNoGrad('special_bessel_j0', 'besselJ0', input);
}

/** The Bessel function of the first kind J₁ (not differentiable). */
export function besselJ1(input: Tensor): Tensor {
  return unaryNoGrad('special_bessel_j1', 'besselJ1', input);
}

/** The Bessel function of the second kind Y₀ (−inf at 0, NaN for x < 0; not differentiable). */
export function besselY0(input: Tensor): Tensor {
  return unaryNoGrad('special_bessel_y0', 'besselY0', input);
}

/** The Bessel function of the second kind Y₁ (−inf at 0, NaN for x < 0; not differentiable). */
export function besselY1(input: Tensor): Tensor {
  return unaryNoGrad('special_bessel_y1', 'besselY1', input);
}

/** The modified Bessel function of the first kind I₀ (not differentiable; {@link i0} is). */
export function modifiedBesselI0(input: Tensor): Tensor {
  return unaryNoGrad('special_modified_bessel_i0', 'modifiedBesselI0', input);
}

/** The modified Bessel function of the first kind I₁ (not differentiable; {@link i1} is). */
export function modifiedBesselI1(input: Tensor): Tensor {
  return unaryNoGrad('special_modified_bessel_i1', 'modifiedBesselI1', input);
}

/** The modified Bessel function of the second kind K₀ (inf at 0, NaN for x < 0; not differentiable). */
export function modifiedBesselK0(input: Tensor): Tensor {
  return unaryNoGrad('special_modified_bessel_k0', 'modifiedBesselK0', input);
}

/** The modified Bessel function of the second kind K₁ (inf at 0, NaN for x < 0; not differentiable). */
export function modifiedBesselK1(input: Tensor): Tensor {
  return unaryNoGrad('special_modified_bessel_k1', 'modifiedBesselK1', input);
}

/** The scaled modified Bessel function of the second kind eˣ·K₀(x) (not differentiable). */
export function scaledModifiedBesselK0(input: Tensor): Tensor {
  return unaryNoGrad('special_scaled_modified_bessel_k0', 'scaledModifiedBesselK0', input, 'x');
}

/** The scaled modified Bessel function of the second kind eˣ·K₁(x) (not differentiable). */
export function scaledModifiedBesselK1(input: Tensor): Tensor {
  return unaryNoGrad('special_scaled_modified_bessel_k1', 'scaledModifiedBesselK1', input, 'x');
}

/** The spherical Bessel function of the first kind j₀(x) = sin(x)/x (not differentiable). */
export function sphericalBesselJ0(input: Tensor): Tensor {
  return unaryNoGrad('special_spherical_bessel_j0', 'sphericalBesselJ0', input, 'x');
}

/** The Airy function Ai(x) (not differentiable). */
export function airyAi(input: Tensor): Tensor {
  return unaryNoGrad('special_airy_ai', 'airyAi', input, 'x');
}

// ------------------------------------------------------------ orthogonal polynomials
// (x, n): either may be a number; n is truncated to an integer, and n < 0 gives 0.
// Not differentiable.

/** The Chebyshev polynomial of the first kind Tₙ(x). */
export function chebyshevPolynomialT(input: TensorOrScalar, n: TensorOrScalar): Tensor {
  return binary('special_chebyshev_polynomial_t', 'chebyshevPolynomialT', input, n, true);
}
/** The Chebyshev polynomial of the second kind Uₙ(x). */
export function chebyshevPolynomialU(input: TensorOrScalar, n: TensorOrScalar): Tensor {
  return binary('special_chebyshev_polynomial_u', 'chebyshevPolynomialU', input, n, true);
}
/** The Chebyshev polynomial of the third kind Vₙ(x). */
export function chebyshevPolynomialV(input: TensorOrScalar, n: TensorOrScalar): Tensor {
  return binary('special_chebyshev_polynomial_v', 'chebyshevPolynomialV', input, n, true);
}
/** The Chebyshev polynomial of the fourth kind Wₙ(x). */
export function chebyshevPolynomialW(input: TensorOrScalar, n: TensorOrScalar): Tensor {
  return binary('special_chebyshev_polynomial_w', 'chebyshevPolynomialW', input, n, true);
}
/** The shifted Chebyshev polynomial of the first kind T*ₙ(x) = Tₙ(2x − 1). */
export function shiftedChebyshevPolynomialT(input: TensorOrScalar, n: TensorOrScalar): Tensor {
  return binary('special_shifted_chebyshev_polynomial_t', 'shiftedChebyshevPolynomialT', input, n, true);
}
/** The shifted Chebyshev polynomial of the second kind U*ₙ(x) = Uₙ(2x − 1). */
export function shiftedChebyshevPolynomialU(input: TensorOrScalar, n: TensorOrScalar): Tensor {
  return binary('special_shifted_chebyshev_polynomial_u', 'shiftedChebyshevPolynomialU', input, n, true);
}
/** The shifted Chebyshev polynomial of the third kind V*ₙ(x) = Vₙ(2x − 1). */
export function shiftedChebyshevPolynomialV(input: TensorOrScalar, n: TensorOrScalar): Tensor {
  return binary('special_shifted_chebyshev_polynomial_v', 'shiftedChebyshevPolynomialV', input, n, true);
}
/** The shifted Chebyshev polynomial of the fourth kind W*ₙ(x) = Wₙ(2x − 1). */
export function shiftedChebyshevPolynomialW(input: TensorOrScalar, n: TensorOrScalar): Tensor {
  return binary('special_shifted_chebyshev_polynomial_w', 'shiftedChebyshevPolynomialW', input, n, true);
}
/** The physicists’ Hermite polynomial Hₙ(x). */
export function hermitePolynomialH(input: TensorOrScalar, n: TensorOrScalar): Tensor {
  return binary('special_hermite_polynomial_h', 'hermitePolynomialH', input, n, true);
}
/** The probabilists’ Hermite polynomial Heₙ(x). */
export function hermitePolynomialHe(input: TensorOrScalar, n: TensorOrScalar): Tensor {
  return binary('special_hermite_polynomial_he', 'hermitePolynomialHe', input, n, true);
}
/** The Laguerre polynomial Lₙ(x). */
export function laguerrePolynomialL(input: TensorOrScalar, n: TensorOrScalar): Tensor {
  return binary('special_laguerre_polynomial_l', 'laguerrePolynomialL', input, n, true);
}
/** The Legendre polynomial Pₙ(x). */
export function legendrePolynomialP(input: TensorOrScalar, n: TensorOrScalar): Tensor {
  return binary('special_legendre_polynomial_p', 'legendrePolynomialP', input, n, true);
}
