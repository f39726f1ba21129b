/**
 * Loss modules: `MSELoss`, `L1Loss`, `SmoothL1Loss`, `HuberLoss`,
 * `CrossEntropyLoss`, `NLLLoss`, `BCELoss`, `BCEWithLogitsLoss`, `KLDivLoss`,
 * `SoftMarginLoss`, `MultiLabelSoftMarginLoss`, `HingeEmbeddingLoss`, `PoissonNLLLoss`,
 * `MarginRankingLoss`, `CosineEmbeddingLoss`, `TripletMarginLoss`, `GaussianNLLLoss`,
 * `MultiMarginLoss`, and the distance
 * modules `CosineSimilarity`, `PairwiseDistance`.
 * Class weights are registered as buffers, as in PyTorch.
 */
import { type Tensor, TorchValueError } from '@antorcha/core';
import { type ArgKind, checkArg, checkOptions, refuseAbstract } from './layers/_util.js';
import * as F from './functional/loss.js';
import type { Reduction } from './functional/utils.js';
import { Module } from './module.js';

/** Checks a loss module's options: `reduction` and the `extra` ones. */
function lossOptions<T extends object>(op: string, opts: T, extra: Readonly<Record<string, ArgKind>> = {}): T {
  return checkOptions(op, opts, { reduction: 'reduction', ...extra }, 1);
}

const WEIGHT: Readonly<Record<string, ArgKind>> = { weight: 'tensor?' };

/** Base of the losses: holds `reduction`. */
export abstract class Loss extends Module {
  /** `'mean'`, `'sum'` or `'none'`. */
  declare reduction: Reduction;
  /** @param reduction `'mean'` (default), `'sum'` or `'none'` */
  constructor(reduction: Reduction = 'mean') {
    refuseAbstract(new.target, Loss, 'Loss');
    checkArg(new.target.name, 'reduction', undefined, reduction, 'reduction');
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
  /**
   * @param weight per-class weights, or null
   * @param reduction `'mean'` (default), `'sum'` or `'none'`
   */
  constructor(weight: Tensor | null | undefined, reduction: Reduction = 'mean') {
    refuseAbstract(new.target, WeightedLoss, 'WeightedLoss');
    checkArg(new.target.name, 'weight', undefined, weight ?? null, 'tensor?');
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
  /** @param opts the reduction */
  constructor(opts: { reduction?: Reduction } = {}) {
    opts = lossOptions('MSELoss', opts);
    super(opts.reduction);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.mseLoss(input, target, { reduction: this.reduction });
  }
}

/** Mean absolute error. */
export class L1Loss extends Loss {
  /** @param opts the reduction */
  constructor(opts: { reduction?: Reduction } = {}) {
    opts = lossOptions('L1Loss', opts);
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
  /** @param opts the options */
  constructor(opts: { reduction?: Reduction; beta?: number } = {}) {
    opts = lossOptions('SmoothL1Loss', opts, { beta: 'number' });
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
  /** @param opts the options */
  constructor(opts: { reduction?: Reduction; delta?: number } = {}) {
    opts = lossOptions('HuberLoss', opts, { delta: 'number' });
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
  /** @param opts the options */
  constructor(opts: { weight?: Tensor | null; ignoreIndex?: number; reduction?: Reduction; labelSmoothing?: number } = {}) {
    opts = lossOptions('CrossEntropyLoss', opts, { ...WEIGHT, ignoreIndex: 'int', labelSmoothing: 'number' });
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
  /** @param opts the options */
  constructor(opts: { weight?: Tensor | null; ignoreIndex?: number; reduction?: Reduction } = {}) {
    opts = lossOptions('NLLLoss', opts, { ...WEIGHT, ignoreIndex: 'int' });
    super(opts.weight, opts.reduction);
    this.ignoreIndex = opts.ignoreIndex ?? -100;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.nllLoss(input, target, { weight: this.weight, ignoreIndex: this.ignoreIndex, reduction: this.reduction });
  }
}

/** Binary cross entropy of probabilities. */
export class BCELoss extends WeightedLoss {
  /** @param opts the options */
  constructor(opts: { weight?: Tensor | null; reduction?: Reduction } = {}) {
    opts = lossOptions('BCELoss', opts, WEIGHT);
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
  /** @param opts the options */
  constructor(opts: { weight?: Tensor | null; reduction?: Reduction; posWeight?: Tensor | null } = {}) {
    opts = lossOptions('BCEWithLogitsLoss', opts, { ...WEIGHT, posWeight: 'tensor?' });
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
  /** @param opts the reduction (`'batchmean'` too) and whether the target holds log-probabilities */
  constructor(opts: { reduction?: Reduction | 'batchmean'; logTarget?: boolean } = {}) {
    opts = checkOptions('KLDivLoss', opts, { reduction: ['mean', 'batchmean', 'sum', 'none'], logTarget: 'bool' }, 1);
    super();
    this.reduction = opts.reduction ?? 'mean';
    this.logTarget = opts.logTarget ?? false;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.klDiv(input, target, { reduction: this.reduction, logTarget: this.logTarget });
  }
}

/** log(1 + exp(−y·x)) for targets ±1. */
export class SoftMarginLoss extends Loss {
  /** @param opts the reduction */
  constructor(opts: { reduction?: Reduction } = {}) {
    opts = lossOptions('SoftMarginLoss', opts);
    super(opts.reduction);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.softMarginLoss(input, target, { reduction: this.reduction });
  }
}

/** Multi-label one-versus-all loss on logits with 0/1 targets, averaged over classes. */
export class MultiLabelSoftMarginLoss extends WeightedLoss {
  /** @param opts the options */
  constructor(opts: { weight?: Tensor | null; reduction?: Reduction } = {}) {
    opts = lossOptions('MultiLabelSoftMarginLoss', opts, WEIGHT);
    super(opts.weight, opts.reduction);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.multilabelSoftMarginLoss(input, target, { weight: this.weight, reduction: this.reduction });
  }
}

/** x where y = 1, max(0, margin − x) where y = −1. */
export class HingeEmbeddingLoss extends Loss {
  /** Margin (default 1). */
  declare margin: number;
  /** @param opts the options */
  constructor(opts: { margin?: number; reduction?: Reduction } = {}) {
    opts = lossOptions('HingeEmbeddingLoss', opts, { margin: 'number' });
    super(opts.reduction);
    this.margin = opts.margin ?? 1.0;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.hingeEmbeddingLoss(input, target, { margin: this.margin, reduction: this.reduction });
  }
}

/** Poisson negative log likelihood. */
export class PoissonNLLLoss extends Loss {
  /** Whether inputs are log-rates. */
  declare logInput: boolean;
  /** Whether the Stirling term is added. */
  declare full: boolean;
  /** Keeps log away from 0. */
  declare eps: number;
  /** @param opts the options */
  constructor(opts: { logInput?: boolean; full?: boolean; eps?: number; reduction?: Reduction } = {}) {
    opts = lossOptions('PoissonNLLLoss', opts, { logInput: 'bool', full: 'bool', eps: 'number' });
    super(opts.reduction);
    this.logInput = opts.logInput ?? true;
    this.full = opts.full ?? false;
    this.eps = opts.eps ?? 1e-8;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.poissonNllLoss(input, target, { logInput: this.logInput, full: this.full, eps: this.eps, reduction: this.reduction });
  }
}

/** A loss of three tensors (two inputs and a target, or anchor/positive/negative). */
abstract class Loss3 extends Module {
  /** `'mean'`, `'sum'` or `'none'`. */
  declare reduction: Reduction;
  /** @param reduction `'mean'` (default), `'sum'` or `'none'` */
  constructor(reduction: Reduction = 'mean') {
    checkArg(new.target.name, 'reduction', undefined, reduction, 'reduction');
    super();
    this.reduction = reduction;
  }
}

/** max(0, −y·(x1 − x2) + margin). */
export class MarginRankingLoss extends Loss3 {
  /** Margin (default 0). */
  declare margin: number;
  /** @param opts the options */
  constructor(opts: { margin?: number; reduction?: Reduction } = {}) {
    opts = lossOptions('MarginRankingLoss', opts, { margin: 'number' });
    super(opts.reduction);
    this.margin = opts.margin ?? 0;
  }
  override forward(input1: Tensor, input2: Tensor, target: Tensor): Tensor {
    return F.marginRankingLoss(input1, input2, target, { margin: this.margin, reduction: this.reduction });
  }
}

/** 1 − cos where y = 1, max(0, cos − margin) where y = −1. */
export class CosineEmbeddingLoss extends Loss3 {
  /** Margin (default 0). */
  declare margin: number;
  /** @param opts the options */
  constructor(opts: { margin?: number; reduction?: Reduction } = {}) {
    opts = lossOptions('CosineEmbeddingLoss', opts, { margin: 'number' });
    super(opts.reduction);
    this.margin = opts.margin ?? 0;
  }
  override forward(input1: Tensor, input2: Tensor, target: Tensor): Tensor {
    return F.cosineEmbeddingLoss(input1, input2, target, { margin: this.margin, reduction: this.reduction });
  }
}

/** max(0, margin + d(a, p) − d(a, n)). */
export class TripletMarginLoss extends Loss3 {
  /** Margin. */
  declare margin: number;
  /** Norm degree. */
  declare p: number;
  /** Added to the differences. */
  declare eps: number;
  /** Distance swap. */
  declare swap: boolean;
  /** @param opts the options */
  constructor(opts: F.TripletMarginOptions = {}) {
    opts = lossOptions('TripletMarginLoss', opts, { margin: 'number', p: 'number', eps: 'number', swap: 'bool' });
    super(opts.reduction);
    this.margin = opts.margin ?? 1.0;
    this.p = opts.p ?? 2;
    this.eps = opts.eps ?? 1e-6;
    this.swap = opts.swap ?? false;
  }
  override forward(anchor: Tensor, positive: Tensor, negative: Tensor): Tensor {
    return F.tripletMarginLoss(anchor, positive, negative, { margin: this.margin, p: this.p, eps: this.eps, swap: this.swap, reduction: this.reduction });
  }
}

/** Cosine similarity along `dim`. */
export class CosineSimilarity extends Module {
  /** The reduced dim. */
  declare dim: number;
  /** Lower bound of the norms. */
  declare eps: number;
  /** @param opts the reduced dim (default 1) and the norms' lower bound */
  constructor(opts: { dim?: number; eps?: number } = {}) {
    opts = checkOptions('CosineSimilarity', opts, { dim: 'int', eps: 'number' }, 1);
    super();
    this.dim = opts.dim ?? 1;
    this.eps = opts.eps ?? 1e-8;
  }
  override forward(x1: Tensor, x2: Tensor): Tensor {
    return F.cosineSimilarity(x1, x2, { dim: this.dim, eps: this.eps });
  }
}

/** p-norm distance along the last dim. */
export class PairwiseDistance extends Module {
  /** Norm degree. */
  declare norm: number;
  /** Added to the differences. */
  declare eps: number;
  /** Keep the reduced dim. */
  declare keepdim: boolean;
  /** @param opts norm degree (default 2), eps, keepdim */
  constructor(opts: { p?: number; eps?: number; keepdim?: boolean } = {}) {
    opts = checkOptions('PairwiseDistance', opts, { p: 'number', eps: 'number', keepdim: 'bool' }, 1);
    super();
    this.norm = opts.p ?? 2;
    this.eps = opts.eps ?? 1e-6;
    this.keepdim = opts.keepdim ?? false;
  }
  override forward(x1: Tensor, x2: Tensor): Tensor {
    return F.pairwiseDistance(x1, x2, { p: this.norm, eps: this.eps, keepdim: this.keepdim });
  }
}

/** Gaussian negative log likelihood of `input` (means) with `target` and `variance`. */
export class GaussianNLLLoss extends Loss3 {
  /** Whether the constant term is added. */
  declare full: boolean;
  /** Lower clamp of the variance. */
  declare eps: number;
  /** @param opts the options */
  constructor(opts: { full?: boolean; eps?: number; reduction?: Reduction } = {}) {
    opts = lossOptions('GaussianNLLLoss', opts, { full: 'bool', eps: 'number' });
    super(opts.reduction);
    this.full = opts.full ?? false;
    this.eps = opts.eps ?? 1e-6;
  }
  override forward(input: Tensor, target: Tensor, variance: Tensor): Tensor {
    return F.gaussianNllLoss(input, target, variance, { full: this.full, eps: this.eps, reduction: this.reduction });
  }
}

/** Multi-class hinge loss (power `p`, `margin`, optional per-class weights). */
export class MultiMarginLoss extends WeightedLoss {
  /** 1 or 2. */
  declare p: number;
  /** Margin. */
  declare margin: number;
  /** @param opts the options */
  constructor(opts: { p?: number; margin?: number; weight?: Tensor | null; reduction?: Reduction } = {}) {
    opts = lossOptions('MultiMarginLoss', opts, { ...WEIGHT, p: 'number', margin: 'number' });
    super(opts.weight, opts.reduction);
    if (opts.p !== undefined && opts.p !== 1 && opts.p !== 2) throw new TorchValueError('MultiMarginLoss', 'only p == 1 and p == 2 supported');
    this.p = opts.p ?? 1;
    this.margin = opts.margin ?? 1;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.multiMarginLoss(input, target, { p: this.p, margin: this.margin, weight: this.weight, reduction: this.reduction });
  }
}
