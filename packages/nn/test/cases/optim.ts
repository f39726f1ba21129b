// The optimizer and scheduler golden cases of tools/golden/nn_optim.py: which optimizer or
// scheduler each fixture case makes. Shared by packages/nn/test/optim.test.ts (CPU) and
// packages/backend-webgpu/test/nn-optim-golden.test.ts (WebGPU).
import type { EncodedResult } from '@antorcha/core/testing';
import type { optim as OPT } from '../../src/index.js';
import type { CaseLib } from './lib.js';

/** An optimizer case: initial parameters, each step's gradients and parameters, the final state. */
export interface OptCase {
  name: string;
  dtype: 'float32' | 'float64';
  groups: boolean;
  opts: Record<string, any>;
  init: EncodedResult[];
  steps: { grads: (EncodedResult | null)[]; params: EncodedResult[] }[];
  state: Record<string, Record<string, EncodedResult | number>>;
}

/** An optimizer state dict case: its param_groups and state after two steps. */
export interface SdCase {
  name: string;
  opts: Record<string, any>;
  param_groups: Record<string, unknown>[];
  state: Record<string, Record<string, EncodedResult | number>>;
}

/** A learning-rate scheduler case: the lr (and momentum/betas) sequence. */
export interface SchedCase {
  name: string;
  optimizer: 'SGD' | 'Adam';
  optimizer_opts: Record<string, any>;
  opts: Record<string, any>;
  sequence: { lr: number; momentum?: number; betas?: number[] }[];
  last_lr: number[];
}

/** A ReduceLROnPlateau case: metrics and the lr after each. */
export interface PlateauCase {
  name: string;
  opts: OPT.lrScheduler.ReduceLROnPlateauOptions;
  metrics: number[];
  lrs: number[];
}

/** The optimizer and scheduler factories of nn_optim.json. */
export function optimCases({ optim }: CaseLib): {
  makeOpt(name: string, params: OPT.ParamsInput, opts: Record<string, any>): OPT.Optimizer;
  makeSched(c: SchedCase, opt: OPT.Optimizer): OPT.lrScheduler.LRScheduler;
} {
  function makeOpt(name: string, params: OPT.ParamsInput, opts: Record<string, any>): OPT.Optimizer {
    if (name.startsWith('sgd')) return new optim.SGD(params, opts as OPT.SGDOptions);
    if (name.startsWith('adamax')) return new optim.Adamax(params, opts);
    if (name.startsWith('nadam')) return new optim.NAdam(params, opts);
    if (name.startsWith('radam')) return new optim.RAdam(params, opts);
    if (name.startsWith('adadelta')) return new optim.Adadelta(params, opts);
    if (name.startsWith('rprop')) return new optim.Rprop(params, opts);
    if (name.startsWith('asgd')) return new optim.ASGD(params, opts);
    if (name.startsWith('adamw')) return new optim.AdamW(params, opts);
    if (name.startsWith('adam')) return new optim.Adam(params, opts as OPT.AdamOptions);
    if (name.startsWith('rmsprop')) return new optim.RMSprop(params, opts);
    if (name.startsWith('adagrad')) return new optim.Adagrad(params, opts);
    throw new Error(name);
  }

  function makeSched(c: SchedCase, opt: OPT.Optimizer): OPT.lrScheduler.LRScheduler {
    const o = c.opts;
    const S = optim.lrScheduler;
    switch (c.name.replace(/_default$/, '')) {
      case 'step_lr':
        return new S.StepLR(opt, o.stepSize, o.gamma);
      case 'multi_step_lr':
        return new S.MultiStepLR(opt, o.milestones, o.gamma);
      case 'exponential_lr':
        return new S.ExponentialLR(opt, o.gamma);
      case 'cosine_lr':
        return new S.CosineAnnealingLR(opt, o.tMax, o.etaMin);
      case 'linear_lr':
        return new S.LinearLR(opt, o.startFactor, o.endFactor, o.totalIters);
      case 'lambda_lr':
        return new S.LambdaLR(opt, (e) => 1.0 / (1 + e));
      case 'multiplicative_lr':
        return new S.MultiplicativeLR(opt, () => 0.9);
      case 'constant_lr':
        return new S.ConstantLR(opt, o.factor, o.totalIters);
      case 'polynomial_lr':
        return new S.PolynomialLR(opt, o.totalIters, o.power);
      case 'warm_restarts':
        return new S.CosineAnnealingWarmRestarts(opt, o.t0, o.tMult, o.etaMin);
      case 'sequential_warmup_cosine':
        return new S.SequentialLR(opt, [new S.LinearLR(opt, 0.1, 1.0, 5), new S.CosineAnnealingLR(opt, 10)], [5]);
      case 'sequential_three':
        return new S.SequentialLR(opt, [new S.ConstantLR(opt, 0.5, 3), new S.StepLR(opt, 2, 0.5), new S.ExponentialLR(opt, 0.9)], [4, 9]);
      case 'sequential_poly_multistep':
        return new S.SequentialLR(opt, [new S.PolynomialLR(opt, 4, 2.0), new S.MultiStepLR(opt, [2, 5, 5], 0.5)], [3]);
      case 'cyclic_triangular':
      case 'cyclic_triangular2_down':
      case 'cyclic_exp_range': {
        const { baseLr, maxLr, ...rest } = o;
        return new S.CyclicLR(opt, baseLr, maxLr, rest);
      }
      case 'chained':
        return new S.ChainedScheduler([new S.ConstantLR(opt, 0.1, 2), new S.ExponentialLR(opt, 0.9)]) as unknown as OPT.lrScheduler.LRScheduler;
      default: {
        const { maxLr, ...rest } = o;
        return new S.OneCycleLR(opt, maxLr, rest);
      }
    }
  }
  return { makeOpt, makeSched };
}
