/** Catalogue rows of the random distributions (see `types.ts` for the row's fields). */
import type { OpTable } from './types.js';

const I = ['inplace'] as const;
const F = ['function'] as const;

/**
 * Random samplers written in ops/random.ts with PyTorch's exact CPU streams
 * (`@antorcha/rng`). The older fills (`uniform_`, `normal_`, `bernoulli_`,
 * `exponential_`, `random_`) are hand-written Tensor methods and have no rows yet.
 */
export const RANDOM = {
  cauchy: { aten: 'cauchy', variants: I, doc: 'Fills with Cauchy samples: `median + sigma·tan(π(u − ½))`.', impl: 'composite', grad: 'none' },
  logNormal: { aten: 'log_normal', variants: I, doc: 'Fills with log-normal samples `exp(N(mean, std))`.', impl: 'composite', grad: 'none' },
  geometric: { aten: 'geometric', variants: I, doc: 'Fills with geometric samples: trials up to the first success with probability p.', impl: 'composite', grad: 'none' },
  poisson: { aten: 'poisson', variants: F, doc: 'Poisson samples with the given rates.', impl: 'composite', grad: 'none' },
  binomial: { aten: 'binomial', variants: F, doc: 'Binomial samples: successes in `count` trials with probability `prob`.', impl: 'composite', grad: 'none' },
} as const satisfies OpTable;
