/**
 * Loss modules: `MSELoss`, `L1Loss`, `SmoothL1Loss`, `HuberLoss`,
 * `CrossEntropyLoss`, `NLLLoss`, `BCELoss`, `BCEWithLogitsLoss`, `KLDivLoss`.
 * Class weights are registered as buffers, as in PyTorch.
 */
import type { Tensor } from '@antorcha/core';
import * as F from './functional/loss.js';
import type { Reduction } from './functional/utils.js';
import { Module } from './module.js';

/** Base of the losses: holds `reduction`. */
export abstract class Loss extends Module {
  /** `'mean'`, `'sum'` or `'none'`. */
  declare reduction: Reduction;
  constructor(reduction: Reduction = 'mean') {
    super();
    this.reduction = reduction;
  }
  /** The loss of `input` against `target`. */
  abstract override forward(input: Tensor, target: Tensor): Tensor;
}

/** Base of the losses with per-class weights (a buffer named `weight`). */
export abstract class WeightedLoss extends Loss {
  /** Per-class weights, or null. */
  declare weight: Tensor | null;
  constructor(weight: Tensor | null | undefined, reduction: Reduction = 'mean') {
    super(reduction);
    this.registerBuffer('weight', weight ?? null);
  }
}

/**
 * Mean squared error.
 * @example
 * ```ts
 * new nn.MSELoss().call(pred, target);
 * ```
 */
export class MSELoss extends Loss {
  constructor(opts: { reduction?: Reduction } = {}) {
    super(opts.reduction);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.mseLoss(input, target, { reduction: this.reduction });
  }
}

/** Mean absolute error. */
export class L1Loss extends Loss {
  constructor(opts: { reduction?: Reduction } = {}) {
    super(opts.reduction);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.l1Loss(input, target, { reduction: this.reduction });
  }
}

/** Smooth L1 (quadratic below `beta`). */
export class SmoothL1Loss extends Loss {
  /** Threshold between the quadratic and linear parts. */
  declare beta: number;
  constructor(opts: { reduction?: Reduction; beta?: number } = {}) {
    super(opts.reduction);
    this.beta = opts.beta ?? 1.0;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.smoothL1Loss(input, target, { reduction: this.reduction, beta: this.beta });
  }
}

/** Huber loss (quadratic below `delta`, linear with slope `delta` above). */
export class HuberLoss extends Loss {
  /** Threshold. */
  declare delta: number;
  constructor(opts: { reduction?: Reduction; delta?: number } = {}) {
    super(opts.reduction);
    this.delta = opts.delta ?? 1.0;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.huberLoss(input, target, { reduction: this.reduction, delta: this.delta });
  }
}

/**
 * Cross entropy of logits with class indices or probabilities.
 * @example
 * ```ts
 * const loss = new nn.CrossEntropyLoss({ labelSmoothing: 0.1 });
 * loss.call(logits, labels).backward();
 * ```
 */
export class CrossEntropyLoss extends WeightedLoss {
  /** Target value that is ignored. */
  declare ignoreIndex: number;
  /** Label smoothing ε. */
  declare labelSmoothing: number;
  constructor(opts: { weight?: Tensor | null; ignoreIndex?: number; reduction?: Reduction; labelSmoothing?: number } = {}) {
    super(opts.weight, opts.reduction);
    this.ignoreIndex = opts.ignoreIndex ?? -100;
    this.labelSmoothing = opts.labelSmoothing ?? 0.0;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.crossEntropy(input, target, { weight: this.weight, ignoreIndex: this.ignoreIndex, reduction: this.reduction, labelSmoothing: this.labelSmoothing });
  }
}

/** Negative log likelihood of log-probabilities at class indices. */
export class NLLLoss extends WeightedLoss {
  /** Target value that is ignored. */
  declare ignoreIndex: number;
  constructor(opts: { weight?: Tensor | null; ignoreIndex?: number; reduction?: Reduction } = {}) {
    super(opts.weight, opts.reduction);
    this.ignoreIndex = opts.ignoreIndex ?? -100;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.nllLoss(input, target, { weight: this.weight, ignoreIndex: this.ignoreIndex, reduction: this.reduction });
  }
}

/** Binary cross entropy of probabilities. */
export class BCELoss extends WeightedLoss {
  constructor(opts: { weight?: Tensor | null; reduction?: Reduction } = {}) {
    super(opts.weight, opts.reduction);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.binaryCrossEntropy(input, target, { weight: this.weight, reduction: this.reduction });
  }
}

/** Sigmoid + binary cross entropy, stable; `posWeight` weighs positives (a buffer named `pos_weight`). */
export class BCEWithLogitsLoss extends WeightedLoss {
  /** Positive-class weights, or null. */
  declare posWeight: Tensor | null;
  constructor(opts: { weight?: Tensor | null; reduction?: Reduction; posWeight?: Tensor | null } = {}) {
    super(opts.weight, opts.reduction);
    this.registerBuffer('pos_weight', opts.posWeight ?? null);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.binaryCrossEntropyWithLogits(input, target, { weight: this.weight, posWeight: this._buffers.get('pos_weight') ?? null, reduction: this.reduction });
  }
}

/** KL divergence with log-probability inputs. */
export class KLDivLoss extends Module {
  /** `'mean'`, `'batchmean'`, `'sum'` or `'none'`. */
  declare reduction: Reduction | 'batchmean';
  /** Whether the target holds log-probabilities. */
  declare logTarget: boolean;
  constructor(opts: { reduction?: Reduction | 'batchmean'; logTarget?: boolean } = {}) {
    super();
    this.reduction = opts.reduction ?? 'mean';
    this.logTarget = opts.logTarget ?? false;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.klDiv(input, target, { reduction: this.reduction, logTarget: this.logTarget });
  }
}
