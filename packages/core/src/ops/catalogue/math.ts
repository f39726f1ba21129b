/** Catalogue rows of the math ops (see `types.ts` for the row's fields). */
import type { OpTable } from './types.js';

const FMI = ['function', 'method', 'inplace'] as const;
const FM = ['function', 'method'] as const;
const F = ['function'] as const;

/**
 * The elementwise math composites (ops/math.ts). Special functions PyTorch computes
 * with a formula of their own are kernel rows in `elementwise.ts` (exp2, lgamma,
 * digamma, i0, copysign, nextafter, gcd, lcm, bitwise shifts); polygamma and frexp
 * are composites here over internal kernels.
 */
export const MATH = {
  positive: { aten: 'positive', variants: FM, doc: 'Returns the input itself (`+x`); bool tensors are rejected.', impl: 'composite', grad: 'composite' },
  sgn: { aten: 'sgn', variants: FMI, doc: 'The sign (x/|x|, which for real tensors is `sign`).', impl: 'composite', grad: 'rule' },
  deg2rad: { aten: 'deg2rad', variants: FMI, doc: 'Degrees to radians.', impl: 'composite', grad: 'composite' },
  rad2deg: { aten: 'rad2deg', variants: FMI, doc: 'Radians to degrees.', impl: 'composite', grad: 'composite' },
  nanToNum: { aten: 'nan_to_num', variants: FMI, doc: 'Replaces NaN, +inf and −inf with finite numbers.', impl: 'composite', grad: 'rule' },
  isposinf: { aten: 'isposinf', variants: FM, doc: 'Whether each element is +inf (bool).', impl: 'composite', grad: 'none' },
  isneginf: { aten: 'isneginf', variants: FM, doc: 'Whether each element is −inf (bool).', impl: 'composite', grad: 'none' },
  isreal: { aten: 'isreal', variants: FM, doc: 'Whether each element is real-valued (bool).', impl: 'composite', grad: 'none' },
  floatPower: { aten: 'float_power', variants: FMI, doc: '`input ** exponent` computed in float64.', impl: 'composite', grad: 'composite' },
  ldexp: { aten: 'ldexp', variants: FMI, doc: '`input · 2^other`.', impl: 'composite', grad: 'composite' },
  xlogy: { aten: 'xlogy', variants: FMI, doc: '`x · log(y)`, 0 where x is 0.', impl: 'composite', grad: 'rule' },
  logit: { aten: 'logit', variants: FMI, doc: 'The log-odds log(x/(1 − x)), optionally clamped by eps.', impl: 'composite', grad: 'rule' },
  sinc: { aten: 'sinc', variants: FMI, doc: 'The normalised sinc sin(πx)/(πx).', impl: 'composite', grad: 'rule' },
  logaddexp: { aten: 'logaddexp', variants: FM, doc: 'log(eˣ + eʸ) without overflow.', impl: 'composite', grad: 'composite' },
  logaddexp2: { aten: 'logaddexp2', variants: FM, doc: 'log₂(2ˣ + 2ʸ) without overflow.', impl: 'composite', grad: 'composite' },
  heaviside: { aten: 'heaviside', variants: FMI, doc: 'The Heaviside step with `values` at 0.', impl: 'composite', grad: 'none' },
  clampMin: { aten: 'clamp_min', variants: FMI, doc: 'Clamps from below: max(input, min).', impl: 'composite', grad: 'composite' },
  clampMax: { aten: 'clamp_max', variants: FMI, doc: 'Clamps from above: min(input, max).', impl: 'composite', grad: 'composite' },
  rsub: { aten: 'rsub', variants: F, doc: 'Reversed subtraction `other − alpha·input`.', impl: 'composite', grad: 'composite' },
  frexp: { aten: 'frexp', variants: FM, doc: 'Mantissa and int32 exponent: `[mantissa, exponent]`.', impl: 'composite', grad: 'composite' },
  polygamma: { aten: 'polygamma', variants: FMI, doc: 'The n-th derivative of digamma: `torch.polygamma(n, x)`, `x.polygamma(n)`.', impl: 'composite', grad: 'composite' },
} as const satisfies OpTable;
