/**
 * Golden-case calls for the random distributions (fixture `ops-random.json`, written by
 * `tools/golden/ops_random.py`): only their generator-independent behaviour (empty
 * tensors, rates of 0, probabilities at the ends, errors). In-place fills write into the
 * decoded input itself. poisson and binomial read their data, so asynchronous devices
 * use the `…Async` forms.
 */
import * as core from '../../index.js';
import type { SurfaceCalls } from './types.js';

type Kw = Record<string, unknown>;
const num = (kw: Kw, k: string, d: number): number => (kw[k] === undefined ? d : (kw[k] as number));

/** The calls of this area. */
export const RANDOM: SurfaceCalls = {
  calls: {
    cauchy_: ([x], kw) => core.cauchy_(x, num(kw, 'median', 0), num(kw, 'sigma', 1)),
    log_normal_: ([x], kw) => core.logNormal_(x, num(kw, 'mean', 1), num(kw, 'std', 2)),
    geometric_: ([x], kw) => core.geometric_(x, kw.p as number),
    poisson: ([r]) => core.poisson(r),
    binomial: ([c, p]) => core.binomial(c, p),
  },
  asyncCalls: {
    poisson: ([r]) => core.poissonAsync(r),
    binomial: ([c, p]) => core.binomialAsync(c, p),
  },
};
