/**
 * Loss modules: `MSELoss`, `L1Loss`, `SmoothL1Loss`, `HuberLoss`,
 * `CrossEntropyLoss`, `NLLLoss`, `BCELoss`, `BCEWithLogitsLoss`, `KLDivLoss`,
 * `SoftMarginLoss`, `MultiLabelSoftMarginLoss`, `HingeEmbeddingLoss`, `PoissonNLLLoss`,
 * `MarginRankingLoss`, `CosineEmbeddingLoss`, `TripletMarginLoss`, `GaussianNLLLoss`,
 * `MultiMarginLoss`, `MultiLabelMarginLoss`, `TripletMarginWithDistanceLoss`, `CTCLoss`,
 * `AdaptiveLogSoftmaxWithLoss`, `NLLLoss2d`, and the distance
 * modules `CosineSimilarity`, `PairwiseDistance`.
 * Class weights are registered as buffers, as in PyTorch.
 */
import { type Tensor, TorchRuntimeError, TorchTypeError, TorchValueError, cat, deviceCheck, fmtShape, int64, pyTypeName, tensor, where, zeros } from '@antorcha/core';
import { type ArgKind, FACTORY, type FactoryOptions, checkArg, checkArgs, checkOptions, expectInput, refuseAbstract } from './layers/_util.js';
import { Linear } from './layers/linear.js';
import { ModuleList, Sequential } from './container.js';
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
 * ```ts pytorch=nn.MSELoss
 * const pred = torch.tensor([0.5, 1, 2], { dtype: 'float32' });
 * const target = torch.tensor([1, 1, 1], { dtype: 'float32' });
 * console.log(new torch.nn.MSELoss().call(pred, target));
 * console.log(new torch.nn.MSELoss({ reduction: 'none' }).call(pred, target));
 * ```
 * ```text
 * tensor(0.4167)
 * tensor([0.2500, 0.0000, 1.0000])
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

/**
 * Mean absolute error.
 * @example
 * ```ts pytorch=nn.L1Loss
 * const pred = torch.tensor([0.5, 1, 2], { dtype: 'float32' });
 * console.log(new torch.nn.L1Loss().call(pred, torch.ones(3)));
 * ```
 * ```text
 * tensor(0.5000)
 * ```
 */
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

/**
 * Smooth L1 (quadratic below `beta`).
 * @example
 * ```ts pytorch=nn.SmoothL1Loss
 * const pred = torch.tensor([0, 0.5, 3], { dtype: 'float32' });
 * console.log(new torch.nn.SmoothL1Loss({ reduction: 'none' }).call(pred, torch.zeros(3)));
 * ```
 * ```text
 * tensor([0.0000, 0.1250, 2.5000])
 * ```
 */
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

/**
 * Huber loss (quadratic below `delta`, linear with slope `delta` above).
 * @example
 * ```ts pytorch=nn.HuberLoss
 * const loss = new torch.nn.HuberLoss({ delta: 1 });
 * console.log(loss, loss.call(torch.tensor([0, 0.5, 3], { dtype: 'float32' }), torch.zeros(3)));
 * ```
 * ```text
 * HuberLoss() tensor(0.8750)
 * ```
 */
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
 * ```ts pytorch=nn.CrossEntropyLoss
 * const logits = torch.tensor([[2, 0.5, -1], [0, 1, 0]], { dtype: 'float32', requiresGrad: true });
 * const labels = torch.tensor([0, 2]);
 * const loss = new torch.nn.CrossEntropyLoss({ labelSmoothing: 0.1 }).call(logits, labels);
 * loss.backward();
 * console.log(loss);
 * console.log(logits.grad);
 * ```
 * ```text
 * tensor(0.9547, grad_fn=<AddBackward0>)
 * tensor([[-0.0739,  0.0710,  0.0029],
 *         [ 0.0893,  0.2714, -0.3607]])
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

/**
 * Negative log likelihood of log-probabilities at class indices.
 * @example
 * ```ts pytorch=nn.NLLLoss
 * const logProbs = torch.tensor([[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]], { dtype: 'float32' }).log();
 * console.log(new torch.nn.NLLLoss().call(logProbs, torch.tensor([2, 0])));
 * ```
 * ```text
 * tensor(0.6020)
 * ```
 */
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

/**
 * Binary cross entropy of probabilities.
 * @example
 * ```ts pytorch=nn.BCELoss
 * const probs = torch.tensor([0.9, 0.2, 0.5], { dtype: 'float32' });
 * console.log(new torch.nn.BCELoss().call(probs, torch.tensor([1, 0, 1], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor(0.3406)
 * ```
 */
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

/**
 * Sigmoid + binary cross entropy, stable; `posWeight` weighs positives (a buffer named `pos_weight`).
 * @example
 * ```ts pytorch=nn.BCEWithLogitsLoss
 * const logits = torch.tensor([2, -1, 0], { dtype: 'float32' });
 * const target = torch.tensor([1, 0, 1], { dtype: 'float32' });
 * console.log(new torch.nn.BCEWithLogitsLoss().call(logits, target));
 * console.log(new torch.nn.BCEWithLogitsLoss({ posWeight: torch.tensor([2]) }).call(logits, target));
 * ```
 * ```text
 * tensor(0.3778)
 * tensor(0.6511)
 * ```
 */
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

/**
 * KL divergence with log-probability inputs.
 * @example
 * ```ts pytorch=nn.KLDivLoss
 * const input = torch.tensor([[0.25, 0.75]], { dtype: 'float32' }).log(); // log-probabilities
 * const target = torch.tensor([[0.5, 0.5]], { dtype: 'float32' });
 * console.log(new torch.nn.KLDivLoss({ reduction: 'batchmean' }).call(input, target));
 * ```
 * ```text
 * tensor(0.1438)
 * ```
 */
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

/**
 * log(1 + exp(−y·x)) for targets ±1.
 * @example
 * ```ts pytorch=nn.SoftMarginLoss
 * const loss = new torch.nn.SoftMarginLoss();
 * console.log(loss.call(torch.tensor([2, -1, 0.5]), torch.tensor([1, -1, -1], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor(0.4714)
 * ```
 */
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

/**
 * Multi-label one-versus-all loss on logits with 0/1 targets, averaged over classes.
 * @example
 * ```ts pytorch=nn.MultiLabelSoftMarginLoss
 * const loss = new torch.nn.MultiLabelSoftMarginLoss();
 * const logits = torch.tensor([[2, -1, 0.5]]);
 * console.log(loss.call(logits, torch.tensor([[1, 0, 1]], { dtype: 'float32' }))); // several labels per sample
 * ```
 * ```text
 * tensor(0.3048)
 * ```
 */
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

/**
 * x where y = 1, max(0, margin − x) where y = −1.
 * @example
 * ```ts pytorch=nn.HingeEmbeddingLoss
 * const loss = new torch.nn.HingeEmbeddingLoss({ margin: 1 });
 * console.log(loss.call(torch.tensor([0.3, 2, 0.5], { dtype: 'float32' }), torch.tensor([1, -1, -1], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor(0.2667)
 * ```
 */
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

/**
 * Poisson negative log likelihood.
 * @example
 * ```ts pytorch=nn.PoissonNLLLoss
 * const loss = new torch.nn.PoissonNLLLoss(); // input is log(rate)
 * console.log(loss.call(torch.tensor([0, 1], { dtype: 'float32' }), torch.tensor([1, 3], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor(0.3591)
 * ```
 */
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

/**
 * max(0, −y·(x1 − x2) + margin).
 * @example
 * ```ts pytorch=nn.MarginRankingLoss
 * const loss = new torch.nn.MarginRankingLoss({ margin: 0.5 });
 * const x1 = torch.tensor([1, 2, 3], { dtype: 'float32' });
 * const x2 = torch.tensor([2, 2, 1], { dtype: 'float32' });
 * console.log(loss.call(x1, x2, torch.tensor([1, -1, 1], { dtype: 'float32' }))); // y = 1: x1 should rank higher
 * ```
 * ```text
 * tensor(0.6667)
 * ```
 */
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

/**
 * 1 − cos where y = 1, max(0, cos − margin) where y = −1.
 * @example
 * ```ts pytorch=nn.CosineEmbeddingLoss
 * const loss = new torch.nn.CosineEmbeddingLoss({ margin: 0.2 });
 * const a = torch.tensor([[1, 0], [1, 1]], { dtype: 'float32' });
 * const b = torch.tensor([[1, 1], [1, 1]], { dtype: 'float32' });
 * console.log(loss.call(a, b, torch.tensor([1, -1], { dtype: 'float32' }))); // similar, dissimilar pairs
 * ```
 * ```text
 * tensor(0.5464)
 * ```
 */
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

/**
 * max(0, margin + d(a, p) − d(a, n)).
 * @example
 * ```ts pytorch=nn.TripletMarginLoss
 * torch.manualSeed(0);
 * const loss = new torch.nn.TripletMarginLoss({ margin: 1 });
 * const [anchor, positive, negative] = [torch.randn(4, 8), torch.randn(4, 8), torch.randn(4, 8)];
 * console.log(loss.call(anchor, positive, negative));
 * ```
 * ```text
 * tensor(1.0627)
 * ```
 */
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

/**
 * Cosine similarity along `dim`.
 * @example
 * ```ts pytorch=nn.CosineSimilarity
 * const cos = new torch.nn.CosineSimilarity({ dim: 1 });
 * const a = torch.tensor([[1, 0], [3, 4]], { dtype: 'float32' });
 * console.log(cos, cos.call(a, torch.tensor([[0, 1], [6, 8]], { dtype: 'float32' })));
 * ```
 * ```text
 * CosineSimilarity() tensor([0., 1.])
 * ```
 */
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

/**
 * p-norm distance along the last dim.
 * @example
 * ```ts pytorch=nn.PairwiseDistance
 * const dist = new torch.nn.PairwiseDistance({ p: 1 });
 * console.log(dist, dist.call(torch.tensor([[0, 0]], { dtype: 'float32' }), torch.tensor([[3, 4]], { dtype: 'float32' })));
 * ```
 * ```text
 * PairwiseDistance() tensor([7.0000])
 * ```
 */
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

/**
 * Gaussian negative log likelihood of `input` (means) with `target` and `variance`.
 * @example
 * ```ts pytorch=nn.GaussianNLLLoss
 * const loss = new torch.nn.GaussianNLLLoss();
 * const mean = torch.tensor([0, 1], { dtype: 'float32' });
 * const variance = torch.tensor([1, 0.5], { dtype: 'float32' });
 * console.log(loss.call(mean, torch.tensor([0.5, 1], { dtype: 'float32' }), variance));
 * ```
 * ```text
 * tensor(-0.1108)
 * ```
 */
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

/**
 * Multi-class hinge loss (power `p`, `margin`, optional per-class weights).
 * @example
 * ```ts pytorch=nn.MultiMarginLoss
 * const loss = new torch.nn.MultiMarginLoss();
 * console.log(loss.call(torch.tensor([[0.1, 0.2, 0.4, 0.8]]), torch.tensor([3])));
 * ```
 * ```text
 * tensor(0.3250)
 * ```
 */
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

/** Deprecated alias of {@link NLLLoss} (PyTorch 1.13 keeps `NLLLoss2d` for [N, C, H, W] inputs; it is NLLLoss). */
export class NLLLoss2d extends NLLLoss {}

/**
 * Multi-class multi-label hinge loss; each target row lists class indices, ended by −1.
 * @example
 * ```ts pytorch=nn.MultiLabelMarginLoss
 * const loss = new torch.nn.MultiLabelMarginLoss();
 * console.log(loss.call(torch.tensor([[0.1, 0.2, 0.4, 0.8]]), torch.tensor([[3, 0, -1, 1]]))); // targets 3 and 0
 * ```
 * ```text
 * tensor(0.8500)
 * ```
 */
export class MultiLabelMarginLoss extends Loss {
  /** @param opts the reduction */
  constructor(opts: { reduction?: Reduction } = {}) {
    opts = lossOptions('MultiLabelMarginLoss', opts);
    super(opts.reduction);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.multilabelMarginLoss(input, target, { reduction: this.reduction });
  }
}

/**
 * Triplet margin loss with any distance function (default `F.pairwiseDistance`).
 * @example
 * ```ts pytorch=nn.TripletMarginWithDistanceLoss
 * const loss = new torch.nn.TripletMarginWithDistanceLoss({ distanceFunction: new torch.nn.PairwiseDistance({ p: 1 }), margin: 2 });
 * const anchor = torch.tensor([[0, 0]], { dtype: 'float32' });
 * const positive = torch.tensor([[1, 0]], { dtype: 'float32' });
 * const negative = torch.tensor([[1, 1]], { dtype: 'float32' });
 * console.log(loss.call(anchor, positive, negative)); // max(0, 2 + 1 - 2), up to the distance's eps
 * ```
 * ```text
 * tensor(1.0000)
 * ```
 */
export class TripletMarginWithDistanceLoss extends Loss3 {
  /** The distance of two batches (a function, or a module such as `PairwiseDistance`). */
  declare distanceFunction: ((x1: Tensor, x2: Tensor) => Tensor) | Module | null;
  /** Margin (default 1). */
  declare margin: number;
  /** Whether the swap distance is used. */
  declare swap: boolean;
  /** @param opts the distance, margin, swap and reduction */
  constructor(opts: { distanceFunction?: ((x1: Tensor, x2: Tensor) => Tensor) | Module | null; margin?: number; swap?: boolean; reduction?: Reduction } = {}) {
    opts = lossOptions('TripletMarginWithDistanceLoss', opts, { distanceFunction: 'any', margin: 'number', swap: 'bool' });
    super(opts.reduction);
    const margin = opts.margin ?? 1.0;
    if (!(margin > 0)) throw new TorchValueError('TripletMarginWithDistanceLoss', `TripletMarginWithDistanceLoss: expected margin to be greater than 0, got ${margin} instead`);
    const d = opts.distanceFunction ?? null;
    if (d !== null && typeof d !== 'function' && !(d instanceof Module)) {
      throw new TorchTypeError('TripletMarginWithDistanceLoss', `TripletMarginWithDistanceLoss(): argument 'distance_function' must be callable or None, not ${pyTypeName(d)}`);
    }
    if (d instanceof Module) this.distanceFunction = d; // registered as a submodule, as in PyTorch
    else this.distanceFunction = d;
    this.margin = margin;
    this.swap = opts.swap ?? false;
  }
  override forward(anchor: Tensor, positive: Tensor, negative: Tensor): Tensor {
    const d = this.distanceFunction;
    const fn = d === null ? null : d instanceof Module ? (a: Tensor, b: Tensor) => d.call(a, b) as Tensor : d;
    return F.tripletMarginWithDistanceLoss(anchor, positive, negative, { distanceFunction: fn, margin: this.margin, swap: this.swap, reduction: this.reduction });
  }
}

/**
 * The Connectionist Temporal Classification loss (`F.ctcLoss`).
 * @example
 * ```ts pytorch=nn.CTCLoss
 * torch.manualSeed(0);
 * const ctc = new torch.nn.CTCLoss({ blank: 0 });
 * const logProbs = torch.randn(6, 1, 4).logSoftmax(2).detach().requiresGrad_(); // [T, N, C]
 * const loss = ctc.call(logProbs, torch.tensor([[1, 2, 2]]), [6], [3]);
 * loss.backward();
 * console.log(loss, logProbs.grad!.shape);
 * ```
 * ```text
 * tensor(1.4902, grad_fn=<MeanBackward0>) torch.Size([6, 1, 4])
 * ```
 */
export class CTCLoss extends Loss {
  /** The blank label. */
  declare blank: number;
  /** Whether infinite losses become 0. */
  declare zeroInfinity: boolean;
  /** @param opts blank (default 0), reduction, zeroInfinity */
  constructor(opts: { blank?: number; reduction?: Reduction; zeroInfinity?: boolean } = {}) {
    opts = lossOptions('CTCLoss', opts, { blank: 'int', zeroInfinity: 'bool' });
    super(opts.reduction);
    this.blank = opts.blank ?? 0;
    this.zeroInfinity = opts.zeroInfinity ?? false;
  }
  /** The loss of `logProbs` [T, N, C] against `targets` with the given lengths. */
  override forward(logProbs: Tensor, targets: Tensor, inputLengths?: Tensor | readonly number[] | number, targetLengths?: Tensor | readonly number[] | number): Tensor {
    return F.ctcLoss(logProbs, targets, inputLengths!, targetLengths!, { blank: this.blank, reduction: this.reduction, zeroInfinity: this.zeroInfinity });
  }
}

/** What `AdaptiveLogSoftmaxWithLoss.forward` returns (PyTorch's `_ASMoutput` named tuple): destructures as `[output, loss]`. */
export class ASMoutput {
  /**
   * @param output log-probability of each target [N] (or [])
   * @param loss mean negative log-likelihood
   */
  constructor(
    readonly output: Tensor,
    readonly loss: Tensor,
  ) {}
  /** `[output, loss]`, as the named tuple unpacks. */
  *[Symbol.iterator](): Iterator<Tensor> {
    yield this.output;
    yield this.loss;
  }
  /** Python's repr of the named tuple. */
  toString(): string {
    return `_ASMoutput(output=${String(this.output)}, loss=${String(this.loss)})`;
  }
}

/**
 * Efficient softmax approximation (Grave et al.): frequent classes in a head, the rest in
 * clusters whose log-probabilities add the head's cluster log-probability.
 * Parameters are created in PyTorch's order, so a seeded init matches PyTorch's.
 * @example
 * ```ts pytorch=nn.AdaptiveLogSoftmaxWithLoss
 * torch.manualSeed(0);
 * const asm = new torch.nn.AdaptiveLogSoftmaxWithLoss(8, 10, [4, 8]); // classes 0–3 in the head, 4–7 and 8–9 in clusters
 * const { output, loss } = asm.call(torch.randn(3, 8), torch.tensor([1, 5, 9]));
 * console.log(output, loss);
 * console.log(asm.logProb(torch.randn(1, 8)).exp().sum());
 * ```
 * ```text
 * tensor([-1.0901, -4.0637, -2.1885], grad_fn=<AddBackward0>) tensor(2.4474, grad_fn=<MeanBackward0>)
 * tensor(1., grad_fn=<SumBackward0>)
 * ```
 */
export class AdaptiveLogSoftmaxWithLoss extends Module {
  /** Input features. */
  declare inFeatures: number;
  /** Number of classes. */
  declare nClasses: number;
  /** Cutoffs, with `nClasses` appended. */
  declare cutoffs: number[];
  /** Divides the features of each successive cluster. */
  declare divValue: number;
  /** Whether the head has a bias. */
  declare headBias: boolean;
  /** Classes in the head's shortlist. */
  declare shortlistSize: number;
  /** Number of tail clusters. */
  declare nClusters: number;
  /** Outputs of the head: the shortlist and one per cluster. */
  declare headSize: number;
  /** The head. */
  declare head: Linear;
  /** One `Sequential(Linear(in, hsz), Linear(hsz, osz))` per cluster. */
  declare tail: ModuleList;

  /**
   * @param inFeatures features of the input
   * @param nClasses number of classes
   * @param cutoffs increasing cluster boundaries in (0, nClasses)
   * @param opts `divValue` (default 4), `headBias` (default false), dtype
   */
  constructor(inFeatures: number, nClasses: number, cutoffs: readonly number[], opts: FactoryOptions & { divValue?: number; headBias?: boolean } = {}) {
    checkArgs('AdaptiveLogSoftmaxWithLoss', [
      ['in_features', inFeatures, 'size'],
      ['n_classes', nClasses, 'size'],
      ['cutoffs', cutoffs, 'ints'],
    ]);
    opts = checkOptions('AdaptiveLogSoftmaxWithLoss', opts, { divValue: 'number', headBias: 'bool', ...FACTORY }, 4);
    if (!Array.isArray(cutoffs)) throw new TorchTypeError('AdaptiveLogSoftmaxWithLoss', `'${pyTypeName(cutoffs)}' object is not iterable`);
    const cs = [...cutoffs];
    const sorted = [...cs].sort((a, b) => a - b);
    if (
      cs.some((c, i) => c !== sorted[i]) ||
      cs.length === 0 ||
      Math.min(...cs) <= 0 ||
      Math.max(...cs) > nClasses - 1 ||
      new Set(cs).size !== cs.length ||
      cs.some((c) => !Number.isInteger(c))
    ) {
      throw new TorchValueError(
        'AdaptiveLogSoftmaxWithLoss',
        'cutoffs should be a sequence of unique, positive integers sorted in an increasing order, where each value is between 1 and n_classes-1',
      );
    }
    super();
    this.inFeatures = inFeatures;
    this.nClasses = nClasses;
    this.cutoffs = [...cs, nClasses];
    this.divValue = opts.divValue ?? 4.0;
    this.headBias = opts.headBias ?? false;
    this.shortlistSize = this.cutoffs[0]!;
    this.nClusters = this.cutoffs.length - 1;
    this.headSize = this.shortlistSize + this.nClusters;
    const factory = opts.dtype !== undefined ? { dtype: opts.dtype } : {};
    this.head = new Linear(inFeatures, this.headSize, { bias: this.headBias, ...factory });
    this.tail = new ModuleList();
    for (let i = 0; i < this.nClusters; i++) {
      const hsz = Math.floor(inFeatures / this.divValue ** (i + 1));
      const osz = this.cutoffs[i + 1]! - this.cutoffs[i]!;
      this.tail.append(new Sequential(new Linear(inFeatures, hsz, { bias: false, ...factory }), new Linear(hsz, osz, { bias: false, ...factory })));
    }
  }

  /** Re-initialises the head and every tail projection. */
  resetParameters(): void {
    this.head.resetParameters();
    for (const seq of this.tail) for (const l of seq.children()) (l as Linear).resetParameters();
  }

  /** Log-probability of each target and the mean negative log-likelihood (`input` [N, in] with `target` [N], or [in] with []). */
  override forward(input: Tensor, target: Tensor): ASMoutput {
    const op = 'AdaptiveLogSoftmaxWithLoss';
    expectInput(`${op}.forward`, input);
    expectInput(`${op}.forward`, target, 'target', 2);
    const targDim = target.ndim;
    if (targDim === 1) {
      if (input._shape[0] !== target._shape[0]) throw new TorchRuntimeError(op, 'Input and target should have the same size in the batch dimension.');
      if (input.ndim !== 2) throw new TorchRuntimeError(op, `1D target tensor expects 2D input tensors, but found inputs with size ${fmtShape(input._shape)}`);
    } else if (targDim === 0) {
      if (input.ndim !== 1) throw new TorchRuntimeError(op, `0D target tensor expects 1D input tensors, but found inputs with size ${fmtShape(input._shape)}`);
    } else throw new TorchRuntimeError(op, '0D or 1D target tensor expected, multi-target not supported');
    const batched = targDim > 0;
    const x = batched ? input : input.unsqueeze(0);
    const t = (batched ? target : target.unsqueeze(0)).to(int64);
    const B = t._shape[0]!;
    // without synchronous reads (WebGPU): every cluster on every row, masked (same values; unused clusters get zero gradients)
    if (!t._storage.backend.syncRead) return this.forwardMasked(x, t, batched);
    // the row indices are data: read on the host, as PyTorch's nonzero() does
    const tv = Array.from(t.dataSync() as ArrayLike<number>, Number);
    let output = zeros([B], { dtype: x.dtype, device: x.device });
    const gatherInds = new Array<number>(B).fill(0);
    const cutoffValues = [0, ...this.cutoffs];
    let usedRows = 0;
    for (let i = 0; i < cutoffValues.length - 1; i++) {
      const lo = cutoffValues[i]!;
      const hi = cutoffValues[i + 1]!;
      const rows = tv.flatMap((v, r) => (v >= lo && v < hi ? [r] : []));
      if (rows.length === 0) continue;
      if (i === 0) for (const r of rows) gatherInds[r] = tv[r]!;
      else {
        const rowIdx = tensor(rows, { dtype: int64, device: x.device });
        const rel = tensor(rows.map((r) => tv[r]! - lo), { dtype: int64, device: x.device });
        const clusterOutput = (this.tail.at(i - 1) as Module).call(x.indexSelect(0, rowIdx)) as Tensor;
        for (const r of rows) gatherInds[r] = this.shortlistSize + i - 1;
        const local = clusterOutput.logSoftmax(1).gather(1, rel.unsqueeze(1));
        output = output.scatter(0, rowIdx, local.squeeze(1)); // index_copy_ of disjoint rows
      }
      usedRows += rows.length;
    }
    if (usedRows !== B) {
      throw new TorchRuntimeError(op, `Target values should be in [0, ${this.nClasses - 1}], but values in range [${Math.min(...tv)}, ${Math.max(...tv)}] were found. `);
    }
    const headLogprob = this.head.call(x).logSoftmax(1);
    output = output.add(headLogprob.gather(1, tensor(gatherInds, { dtype: int64, device: x.device }).unsqueeze(1)).squeeze());
    const loss = output.neg().mean();
    if (!batched) output = output.squeeze(0);
    return new ASMoutput(output, loss);
  }

  /** The forward without reading the target: each cluster runs on all rows and is masked. */
  private forwardMasked(x: Tensor, t: Tensor, batched: boolean): ASMoutput {
    // PyTorch's text names the range [min, max] of the targets; a device check carries one
    // value, so this names the first bad target instead
    deviceCheck('AdaptiveLogSoftmaxWithLoss', t.lt(0).logicalOr(t.ge(this.nClasses)), `Target values should be in [0, ${this.nClasses - 1}], but the value {value} was found. `, t);
    const cutoffValues = [0, ...this.cutoffs];
    let output = zeros([t._shape[0]!], { dtype: x.dtype, device: x.device });
    let gatherInds = t;
    for (let i = 1; i < cutoffValues.length - 1; i++) {
      const lo = cutoffValues[i]!;
      const hi = cutoffValues[i + 1]!;
      const mask = t.ge(lo).logicalAnd(t.lt(hi));
      const rel = t.sub(lo).clamp(0, hi - lo - 1);
      const local = ((this.tail.at(i - 1) as Module).call(x) as Tensor).logSoftmax(1).gather(1, rel.unsqueeze(1)).squeeze(1);
      output = where(mask, local, output);
      gatherInds = where(mask, this.shortlistSize + i - 1, gatherInds);
    }
    const headLogprob = (this.head.call(x) as Tensor).logSoftmax(1);
    output = output.add(headLogprob.gather(1, gatherInds.clamp(0, this.headSize - 1).unsqueeze(1)).squeeze(1));
    const loss = output.neg().mean();
    return new ASMoutput(batched ? output : output.squeeze(0), loss);
  }

  private fullLogProb(input: Tensor, headOutput: Tensor): Tensor {
    const headLogprob = headOutput.logSoftmax(1);
    const parts = [headLogprob.narrow(1, 0, this.shortlistSize)];
    for (let i = 0; i < this.nClusters; i++) {
      const clusterLogprob = ((this.tail.at(i) as Module).call(input) as Tensor).logSoftmax(1);
      parts.push(clusterLogprob.add(headLogprob.narrow(1, this.shortlistSize + i, 1)));
    }
    return cat(parts, 1);
  }

  /** Log-probabilities of all `nClasses` classes, [N, nClasses]. */
  logProb(input: Tensor): Tensor {
    expectInput('AdaptiveLogSoftmaxWithLoss.log_prob', input);
    return this.fullLogProb(input, this.head.call(input) as Tensor);
  }

  /** The most likely class of each row (as `logProb(input).argmax(1)`), [N]. */
  predict(input: Tensor): Tensor {
    expectInput('AdaptiveLogSoftmaxWithLoss.predict', input);
    return this.logProb(input).argmax(1);
  }
}
