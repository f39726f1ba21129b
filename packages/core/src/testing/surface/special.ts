/**
 * Golden-case calls for `torch.special` (fixture `ops-special.json`, written by
 * `tools/golden/ops_special.py`): the case op `special.<snake_name>` calls
 * `torch.special.<camelName>` with the positional arguments, and keyword arguments as a
 * trailing options object (`softmax(x, 1, dtype=…)` → `softmax(x, 1, { dtype })`,
 * `round(x, decimals=2)` → `round(x, { decimals: 2 })`, `logit(x, eps=…)` → `logit(x, { eps })`).
 */
import * as core from '../../index.js';
import type { Call, SurfaceCalls } from './types.js';

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** PyTorch 1.13's torch.special names. */
const NAMES = [
  'airy_ai', 'bessel_j0', 'bessel_j1', 'bessel_y0', 'bessel_y1', 'chebyshev_polynomial_t', 'chebyshev_polynomial_u',
  'chebyshev_polynomial_v', 'chebyshev_polynomial_w', 'digamma', 'entr', 'erf', 'erfc', 'erfcx', 'erfinv', 'exp2', 'expit',
  'expm1', 'gammainc', 'gammaincc', 'gammaln', 'hermite_polynomial_h', 'hermite_polynomial_he', 'i0', 'i0e', 'i1', 'i1e',
  'laguerre_polynomial_l', 'legendre_polynomial_p', 'log1p', 'log_ndtr', 'log_softmax', 'logit', 'logsumexp',
  'modified_bessel_i0', 'modified_bessel_i1', 'modified_bessel_k0', 'modified_bessel_k1', 'multigammaln', 'ndtr', 'ndtri',
  'polygamma', 'psi', 'round', 'scaled_modified_bessel_k0', 'scaled_modified_bessel_k1', 'shifted_chebyshev_polynomial_t',
  'shifted_chebyshev_polynomial_u', 'shifted_chebyshev_polynomial_v', 'shifted_chebyshev_polynomial_w', 'sinc', 'softmax',
  'spherical_bessel_j0', 'xlog1py', 'xlogy', 'zeta',
];

function call(name: string): Call {
  return (args, kw) => {
    const fn = (core.special as unknown as Record<string, (...a: unknown[]) => unknown>)[camel(name)]!;
    const opts = Object.fromEntries(Object.entries(kw).map(([k, v]) => [camel(k), v]));
    return fn(...args, ...(Object.keys(opts).length ? [opts] : []));
  };
}

/** The calls of this area. */
export const SPECIAL: SurfaceCalls = { calls: Object.fromEntries(NAMES.map((n) => [`special.${n}`, call(n)])) };
