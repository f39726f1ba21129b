/**
 * Catalogue rows of the `torch.special` kernels (PyTorch's `special_*` ops). They have
 * no `torch.*` or Tensor form of their own (`variants: []`): the namespace
 * `special/index.ts` calls them, and every `torch.special` name that PyTorch spells
 * at top level too (`erf`, `i0`, `xlogy`, …) reuses that op instead of a row here.
 * The keys are the kernel names the backends implement.
 */
import type { OpTable } from './types.js';

const FLOAT = { family: 'unary', dtype: 'float' } as const;
const FLOAT2 = { family: 'binary', dtype: 'float' } as const;

/** Unary special-function kernels: integers and bool compute in the default float. */
export const SPECIAL_UNARY = {
  erfcx: { aten: 'special_erfcx', variants: [], doc: 'The scaled complementary error function exp(x²)·erfc(x).', impl: FLOAT, grad: 'rule' },
  ndtri: { aten: 'special_ndtri', variants: [], doc: 'The inverse of the standard normal CDF.', impl: FLOAT, grad: 'rule' },
  logNdtr: { aten: 'special_log_ndtr', variants: [], doc: 'log of the standard normal CDF.', impl: FLOAT, grad: 'rule' },
  i0e: { aten: 'special_i0e', variants: [], doc: 'The exponentially scaled modified Bessel function e^(−|x|)·I₀(x).', impl: FLOAT, grad: 'rule' },
  i1e: { aten: 'special_i1e', variants: [], doc: 'The exponentially scaled modified Bessel function e^(−|x|)·I₁(x).', impl: FLOAT, grad: 'rule' },
  entr: { aten: 'special_entr', variants: [], doc: 'The elementwise entropy −x·log(x).', impl: FLOAT, grad: 'rule' },
  besselJ0: { aten: 'special_bessel_j0', variants: [], doc: 'The Bessel function of the first kind J₀.', impl: FLOAT, grad: 'none' },
  besselJ1: { aten: 'special_bessel_j1', variants: [], doc: 'The Bessel function of the first kind J₁.', impl: FLOAT, grad: 'none' },
  besselY0: { aten: 'special_bessel_y0', variants: [], doc: 'The Bessel function of the second kind Y₀.', impl: FLOAT, grad: 'none' },
  besselY1: { aten: 'special_bessel_y1', variants: [], doc: 'The Bessel function of the second kind Y₁.', impl: FLOAT, grad: 'none' },
  modifiedBesselI0: { aten: 'special_modified_bessel_i0', variants: [], doc: 'The modified Bessel function of the first kind I₀.', impl: FLOAT, grad: 'none' },
  modifiedBesselI1: { aten: 'special_modified_bessel_i1', variants: [], doc: 'The modified Bessel function of the first kind I₁.', impl: FLOAT, grad: 'none' },
  modifiedBesselK0: { aten: 'special_modified_bessel_k0', variants: [], doc: 'The modified Bessel function of the second kind K₀.', impl: FLOAT, grad: 'none' },
  modifiedBesselK1: { aten: 'special_modified_bessel_k1', variants: [], doc: 'The modified Bessel function of the second kind K₁.', impl: FLOAT, grad: 'none' },
  scaledModifiedBesselK0: { aten: 'special_scaled_modified_bessel_k0', variants: [], doc: 'eˣ·K₀(x).', impl: FLOAT, grad: 'none' },
  scaledModifiedBesselK1: { aten: 'special_scaled_modified_bessel_k1', variants: [], doc: 'eˣ·K₁(x).', impl: FLOAT, grad: 'none' },
  sphericalBesselJ0: { aten: 'special_spherical_bessel_j0', variants: [], doc: 'The spherical Bessel function of the first kind j₀ = sin(x)/x.', impl: FLOAT, grad: 'none' },
  airyAi: { aten: 'special_airy_ai', variants: [], doc: 'The Airy function Ai.', impl: FLOAT, grad: 'none' },
} as const satisfies OpTable;

/** Binary special-function kernels (either operand may be a number): integers and bool compute in the default float. */
export const SPECIAL_BINARY = {
  xlog1py: { aten: 'special_xlog1py', variants: [], doc: 'x·log1p(y), 0 where x is 0 (unless y is NaN).', impl: FLOAT2, grad: 'rule' },
  zeta: { aten: 'special_zeta', variants: [], doc: 'The Hurwitz zeta function ζ(x, q).', impl: FLOAT2, grad: 'rule' },
  chebyshevPolynomialT: { aten: 'special_chebyshev_polynomial_t', variants: [], doc: 'The Chebyshev polynomial of the first kind Tₙ(x).', impl: FLOAT2, grad: 'none' },
  chebyshevPolynomialU: { aten: 'special_chebyshev_polynomial_u', variants: [], doc: 'The Chebyshev polynomial of the second kind Uₙ(x).', impl: FLOAT2, grad: 'none' },
  chebyshevPolynomialV: { aten: 'special_chebyshev_polynomial_v', variants: [], doc: 'The Chebyshev polynomial of the third kind Vₙ(x).', impl: FLOAT2, grad: 'none' },
  chebyshevPolynomialW: { aten: 'special_chebyshev_polynomial_w', variants: [], doc: 'The Chebyshev polynomial of the fourth kind Wₙ(x).', impl: FLOAT2, grad: 'none' },
  shiftedChebyshevPolynomialT: { aten: 'special_shifted_chebyshev_polynomial_t', variants: [], doc: 'The shifted Chebyshev polynomial T*ₙ(x) = Tₙ(2x − 1).', impl: FLOAT2, grad: 'none' },
  shiftedChebyshevPolynomialU: { aten: 'special_shifted_chebyshev_polynomial_u', variants: [], doc: 'The shifted Chebyshev polynomial U*ₙ(x) = Uₙ(2x − 1).', impl: FLOAT2, grad: 'none' },
  shiftedChebyshevPolynomialV: { aten: 'special_shifted_chebyshev_polynomial_v', variants: [], doc: 'The shifted Chebyshev polynomial V*ₙ(x) = Vₙ(2x − 1).', impl: FLOAT2, grad: 'none' },
  shiftedChebyshevPolynomialW: { aten: 'special_shifted_chebyshev_polynomial_w', variants: [], doc: 'The shifted Chebyshev polynomial W*ₙ(x) = Wₙ(2x − 1).', impl: FLOAT2, grad: 'none' },
  hermitePolynomialH: { aten: 'special_hermite_polynomial_h', variants: [], doc: 'The physicists’ Hermite polynomial Hₙ(x).', impl: FLOAT2, grad: 'none' },
  hermitePolynomialHe: { aten: 'special_hermite_polynomial_he', variants: [], doc: 'The probabilists’ Hermite polynomial Heₙ(x).', impl: FLOAT2, grad: 'none' },
  laguerrePolynomialL: { aten: 'special_laguerre_polynomial_l', variants: [], doc: 'The Laguerre polynomial Lₙ(x).', impl: FLOAT2, grad: 'none' },
  legendrePolynomialP: { aten: 'special_legendre_polynomial_p', variants: [], doc: 'The Legendre polynomial Pₙ(x).', impl: FLOAT2, grad: 'none' },
} as const satisfies OpTable;
