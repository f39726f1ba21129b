/**
 * `BatchNorm1d`, `BatchNorm2d`, `LayerNorm`, `GroupNorm`.
 */
import { type Tensor, TorchValueError, int64, ones, tensor, zeros } from '@antorcha/core';
import { Function, type FunctionCtx, noGrad } from '@antorcha/autograd';
import * as F from '../functional/normalization.js';
import * as init from '../init.js';
import { Module } from '../module.js';
import type { Parameter } from '../parameter.js';
import { pyBool, pyFloat, pyTuple } from '../utils/pyrepr.js';
import { type ArgKind, FACTORY, type FactoryOptions, checkArgs, checkOptions, emptyParam, expectInput, refuseAbstract } from './_util.js';

const BATCH_NORM_OPTIONS: Readonly<Record<string, ArgKind>> = { eps: 'number', momentum: 'number?', affine: 'bool', trackRunningStats: 'bool', ...FACTORY };

/** Options of the batch-norm layers. */
export interface BatchNormOptions extends FactoryOptions {
  /** Added to the variance (default 1e-5). */
  eps?: number;
  /** Running-average weight (default 0.1); null for a cumulative average. */
  momentum?: number | null;
  /** Learn γ and β (default true). */
  affine?: boolean;
  /** Keep running mean/var buffers (default true). */
  trackRunningStats?: boolean;
}

/** PyTorch's `_BatchNorm`: running statistics, momentum, train/eval behaviour. */
export abstract class BatchNormBase extends Module {
  static override _version = 2;
  /** Channels C. */
  declare numFeatures: number;
  /** Variance epsilon. */
  declare eps: number;
  /** Running-average weight, or null (cumulative). */
  declare momentum: number | null;
  /** Whether γ/β are learned. */
  declare affine: boolean;
  /** Whether running statistics are kept. */
  declare trackRunningStats: boolean;
  /** γ [C] or null. */
  declare weight: Parameter | null;
  /** β [C] or null. */
  declare bias: Parameter | null;
  /** Running mean [C] (buffer) or null. */
  declare runningMean: Tensor | null;
  /** Running variance [C] (buffer) or null. */
  declare runningVar: Tensor | null;
  /** Number of training batches seen (int64 scalar buffer) or null. */
  declare numBatchesTracked: Tensor | null;

  /**
   * @param numFeatures channels C
   * @param opts eps, momentum, affine, running statistics, dtype
   */
  constructor(numFeatures: number, opts: BatchNormOptions = {}) {
    refuseAbstract(new.target, BatchNormBase, 'BatchNormBase');
    const op = new.target.name;
    checkArgs(op, [['num_features', numFeatures, 'size']]);
    opts = checkOptions(op, opts, BATCH_NORM_OPTIONS, 2);
    super();
    this.numFeatures = numFeatures;
    this.eps = opts.eps ?? 1e-5;
    this.momentum = opts.momentum === undefined ? 0.1 : opts.momentum;
    this.affine = opts.affine ?? true;
    this.trackRunningStats = opts.trackRunningStats ?? true;
    if (this.affine) {
      this.registerParameter('weight', emptyParam([numFeatures], opts));
      this.registerParameter('bias', emptyParam([numFeatures], opts));
    } else {
      this.registerParameter('weight', null);
      this.registerParameter('bias', null);
    }
    const dt = opts.dtype !== undefined ? { dtype: opts.dtype } : undefined;
    if (this.trackRunningStats) {
      this.registerBuffer('running_mean', zeros([numFeatures], dt));
      this.registerBuffer('running_var', ones([numFeatures], dt));
      this.registerBuffer('num_batches_tracked', tensor(0, { dtype: int64 }));
    } else {
      this.registerBuffer('running_mean', null);
      this.registerBuffer('running_var', null);
      this.registerBuffer('num_batches_tracked', null);
    }
    this.resetParameters();
  }

  /** Resets running statistics to mean 0, variance 1, 0 batches. */
  resetRunningStats(): void {
    if (!this.trackRunningStats) return;
    noGrad(() => {
      this.runningMean!.zero_();
      this.runningVar!.fill_(1);
      this.numBatchesTracked!.zero_();
    });
  }

  /** Resets running statistics and sets γ = 1, β = 0. */
  resetParameters(): void {
    this.resetRunningStats();
    if (this.affine) {
      init.ones_(this.weight!);
      init.zeros_(this.bias!);
    }
  }

  /** @internal Checks the input rank. */
  protected abstract checkInputDim(input: Tensor): void;

  override forward(input: Tensor): Tensor {
    expectInput(`${this._getName()}.forward`, input);
    this.checkInputDim(input);
    let factor: number | Tensor = this.momentum ?? 0.0;
    // PyTorch counts the batch first; it is counted after the op here, so a failing
    // call leaves the module as it was
    const nbt = this.training && this.trackRunningStats ? this.numBatchesTracked : null;
    if (nbt !== null && this.momentum === null) {
      // the cumulative average's 1 / num_batches_tracked: read on the CPU, formed on the device elsewhere
      factor = nbt._storage.backend.syncRead ? 1.0 / (Number(nbt.item()) + 1) : nbt.add(1).to(this.runningMean?.dtype ?? input.dtype).reciprocal();
    }
    const bnTraining = this.training ? true : this.runningMean === null && this.runningVar === null;
    const useRunning = !this.training || this.trackRunningStats;
    const out = F.batchNorm(input, useRunning ? this.runningMean : null, useRunning ? this.runningVar : null, {
      weight: this.weight,
      bias: this.bias,
      training: bnTraining,
      momentum: factor,
      eps: this.eps,
    });
    if (nbt !== null) noGrad(() => nbt.add_(1));
    return out;
  }

  override extraRepr(): string {
    return `${this.numFeatures}, eps=${pyFloat(this.eps)}, momentum=${this.momentum === null ? 'None' : pyFloat(this.momentum)}, affine=${pyBool(this.affine)}, track_running_stats=${pyBool(this.trackRunningStats)}`;
  }

  /** @internal Old state dicts (version < 2) lack `num_batches_tracked`: it loads as 0. */
  override _loadFromStateDict(sd: Map<string, unknown>, prefix: string, meta: { version?: number }, missing: string[], unexpected: string[], errors: string[], copy = true): void {
    const version = meta.version;
    if ((version === undefined || version < 2) && this.trackRunningStats) {
      const key = `${prefix}num_batches_tracked`;
      if (!sd.has(key)) sd.set(key, tensor(0, { dtype: int64 }));
    }
    super._loadFromStateDict(sd, prefix, meta, missing, unexpected, errors, copy);
  }
}

// PyTorch's buffer names (snake_case, as in state dicts) with camelCase accessors over them.
for (const [alias, name] of [
  ['runningMean', 'running_mean'],
  ['runningVar', 'running_var'],
  ['numBatchesTracked', 'num_batches_tracked'],
] as const) {
  Object.defineProperty(BatchNormBase.prototype, alias, {
    get(this: Module) {
      return this._buffers.get(name) ?? null;
    },
    set(this: Module, v: Tensor | null) {
      this.registerBuffer(name, v);
    },
    configurable: true,
  });
}

/**
 * Batch normalisation over [N, C] or [N, C, L].
 * @example
 * ```ts pytorch=nn.BatchNorm1d
 * const bn = new torch.nn.BatchNorm1d(2);
 * const x = torch.tensor([[1, 2], [3, 6]], { dtype: 'float32' });
 * console.log(bn.call(x)); // training: normalised with the batch's statistics
 * console.log(bn.runningMean, bn.runningVar); // moved 10% of the way towards them
 * ```
 * ```text
 * tensor([[-1.0000, -1.0000],
 *         [ 1.0000,  1.0000]], grad_fn=<NativeBatchNormBackward0>)
 * tensor([0.2000, 0.4000]) tensor([1.1000, 1.7000])
 * ```
 */
export class BatchNorm1d extends BatchNormBase {
  protected override checkInputDim(input: Tensor): void {
    if (input.ndim !== 2 && input.ndim !== 3) throw new TorchValueError('BatchNorm1d', `expected 2D or 3D input (got ${input.ndim}D input)`);
  }
}

/**
 * Batch normalisation over [N, C, H, W].
 * @example
 * ```ts pytorch=nn.BatchNorm2d
 * const bn = new torch.nn.BatchNorm2d(4);
 * console.log(bn);
 * console.log(Object.keys(bn.stateDict()).join(', '));
 * ```
 * ```text
 * BatchNorm2d(4, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
 * weight, bias, running_mean, running_var, num_batches_tracked
 * ```
 */
export class BatchNorm2d extends BatchNormBase {
  protected override checkInputDim(input: Tensor): void {
    if (input.ndim !== 4) throw new TorchValueError('BatchNorm2d', `expected 4D input (got ${input.ndim}D input)`);
  }
}

/**
 * 5-D batch normalisation over [N, C, D, H, W].
 * @example
 * ```ts pytorch=nn.BatchNorm3d
 * const bn = new torch.nn.BatchNorm3d(2, { momentum: null }); // momentum null: a cumulative average
 * console.log(bn);
 * bn.call(torch.arange(16, { dtype: 'float32' }).reshape(1, 2, 2, 2, 2));
 * console.log(bn.runningMean, bn.numBatchesTracked);
 * ```
 * ```text
 * BatchNorm3d(2, eps=1e-05, momentum=None, affine=True, track_running_stats=True)
 * tensor([ 3.5000, 11.5000]) tensor(1)
 * ```
 */
export class BatchNorm3d extends BatchNormBase {
  protected override checkInputDim(input: Tensor): void {
    if (input.ndim !== 5) throw new TorchValueError('BatchNorm3d', `expected 5D input (got ${input.ndim}D input)`);
  }
}

/**
 * Instance normalisation (PyTorch's `_InstanceNorm`): no affine parameters and no running
 * statistics unless asked (`affine`, `trackRunningStats`); unbatched input is accepted.
 */
export abstract class InstanceNormBase extends BatchNormBase {
  /**
   * @param numFeatures channels C
   * @param opts eps, momentum, affine (default false), running statistics (default false), dtype
   */
  constructor(numFeatures: number, opts: BatchNormOptions = {}) {
    refuseAbstract(new.target, InstanceNormBase, 'InstanceNormBase');
    opts = checkOptions(new.target.name, opts, BATCH_NORM_OPTIONS, 2);
    super(numFeatures, { affine: false, trackRunningStats: false, ...opts });
  }
  /** Spatial dims of the layer (1 or 2). */
  protected abstract readonly spatialDims: number;
  protected override checkInputDim(input: Tensor): void {
    const d = this.spatialDims;
    if (input.ndim !== d + 1 && input.ndim !== d + 2) {
      throw new TorchValueError(this._getName(), `expected ${d + 1}D or ${d + 2}D input (got ${input.ndim}D input)`);
    }
  }
  override forward(input: Tensor): Tensor {
    expectInput(`${this._getName()}.forward`, input);
    this.checkInputDim(input);
    const unbatched = input.ndim === this.spatialDims + 1;
    const x = unbatched ? input.unsqueeze(0) : input;
    const out = F.instanceNorm(x, {
      runningMean: this.runningMean,
      runningVar: this.runningVar,
      weight: this.weight,
      bias: this.bias,
      useInputStats: this.training || !this.trackRunningStats,
      momentum: this.momentum ?? 0.1,
      eps: this.eps,
    });
    return unbatched ? out.squeeze(0) : out;
  }
}

/**
 * Instance normalisation over [N, C, L] (or [C, L]).
 * @example
 * ```ts pytorch=nn.InstanceNorm1d
 * const norm = new torch.nn.InstanceNorm1d(2);
 * console.log(norm);
 * console.log(norm.call(torch.tensor([[[1, 2, 3], [0, 0, 6]]], { dtype: 'float32' })));
 * ```
 * ```text
 * InstanceNorm1d(2, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False)
 * tensor([[[-1.2247,  0.0000,  1.2247],
 *          [-0.7071, -0.7071,  1.4142]]])
 * ```
 */
export class InstanceNorm1d extends InstanceNormBase {
  protected override readonly spatialDims = 1;
}

/**
 * Instance normalisation over [N, C, H, W] (or [C, H, W]).
 * @example
 * ```ts pytorch=nn.InstanceNorm2d
 * const norm = new torch.nn.InstanceNorm2d(1, { affine: true });
 * console.log(norm);
 * console.log(norm.call(torch.tensor([[[[1, 2], [3, 6]]]], { dtype: 'float32' })));
 * ```
 * ```text
 * InstanceNorm2d(1, eps=1e-05, momentum=0.1, affine=True, track_running_stats=False)
 * tensor([[[[-1.0690, -0.5345],
 *           [ 0.0000,  1.6036]]]], grad_fn=<ViewBackward0>)
 * ```
 */
export class InstanceNorm2d extends InstanceNormBase {
  protected override readonly spatialDims = 2;
}

/** Options of {@link LayerNorm}. */
export interface LayerNormLayerOptions extends FactoryOptions {
  /** Added to the variance (default 1e-5). */
  eps?: number;
  /** Learn elementwise γ and β (default true). */
  elementwiseAffine?: boolean;
}

/**
 * Layer normalisation over the trailing `normalizedShape` dims.
 * @example
 * ```ts pytorch=nn.LayerNorm
 * const ln = new torch.nn.LayerNorm(3);
 * console.log(ln);
 * console.log(ln.call(torch.tensor([[1, 2, 3], [2, 2, 8]], { dtype: 'float32' })));
 * ```
 * ```text
 * LayerNorm((3,), eps=1e-05, elementwise_affine=True)
 * tensor([[-1.2247,  0.0000,  1.2247],
 *         [-0.7071, -0.7071,  1.4142]], grad_fn=<NativeLayerNormBackward0>)
 * ```
 */
export class LayerNorm extends Module {
  /** The normalised trailing shape. */
  declare normalizedShape: number[];
  /** Variance epsilon. */
  declare eps: number;
  /** Whether γ/β are learned. */
  declare elementwiseAffine: boolean;
  /** γ or null. */
  declare weight: Parameter | null;
  /** β or null. */
  declare bias: Parameter | null;

  /**
   * @param normalizedShape the trailing shape normalised over (an int for one dim)
   * @param opts eps, elementwise affine, dtype
   */
  constructor(normalizedShape: number | readonly number[], opts: LayerNormLayerOptions = {}) {
    checkArgs('LayerNorm', [['normalized_shape', normalizedShape, 'ints']]);
    opts = checkOptions('LayerNorm', opts, { eps: 'number', elementwiseAffine: 'bool', ...FACTORY }, 2);
    super();
    this.normalizedShape = typeof normalizedShape === 'number' ? [normalizedShape] : [...normalizedShape];
    this.eps = opts.eps ?? 1e-5;
    this.elementwiseAffine = opts.elementwiseAffine ?? true;
    if (this.elementwiseAffine) {
      this.weight = emptyParam(this.normalizedShape, opts);
      this.bias = emptyParam(this.normalizedShape, opts);
    } else {
      this.registerParameter('weight', null);
      this.registerParameter('bias', null);
    }
    this.resetParameters();
  }

  /** γ = 1, β = 0. */
  resetParameters(): void {
    if (this.elementwiseAffine) {
      init.ones_(this.weight!);
      init.zeros_(this.bias!);
    }
  }

  override forward(input: Tensor): Tensor {
    return F.layerNorm(input, this.normalizedShape, { weight: this.weight, bias: this.bias, eps: this.eps });
  }

  override extraRepr(): string {
    return `${pyTuple(this.normalizedShape)}, eps=${pyFloat(this.eps)}, elementwise_affine=${pyBool(this.elementwiseAffine)}`;
  }
}

/** Options of {@link GroupNorm}. */
export interface GroupNormLayerOptions extends FactoryOptions {
  /** Added to the variance (default 1e-5). */
  eps?: number;
  /** Learn per-channel γ and β (default true). */
  affine?: boolean;
}

/**
 * Group normalisation: `numChannels` split into `numGroups` groups.
 * @example
 * ```ts pytorch=nn.GroupNorm
 * const gn = new torch.nn.GroupNorm(2, 4);
 * console.log(gn);
 * console.log(gn.call(torch.arange(8, { dtype: 'float32' }).reshape(1, 4, 2)));
 * ```
 * ```text
 * GroupNorm(2, 4, eps=1e-05, affine=True)
 * tensor([[[-1.3416, -0.4472],
 *          [ 0.4472,  1.3416],
 *          [-1.3416, -0.4472],
 *          [ 0.4472,  1.3416]]], grad_fn=<NativeGroupNormBackward0>)
 * ```
 */
export class GroupNorm extends Module {
  /** Groups. */
  declare numGroups: number;
  /** Channels. */
  declare numChannels: number;
  /** Variance epsilon. */
  declare eps: number;
  /** Whether γ/β are learned. */
  declare affine: boolean;
  /** γ [C] or null. */
  declare weight: Parameter | null;
  /** β [C] or null. */
  declare bias: Parameter | null;

  /**
   * @param numGroups groups (a positive divisor of numChannels)
   * @param numChannels channels C
   * @param opts eps, affine, dtype
   */
  constructor(numGroups: number, numChannels: number, opts: GroupNormLayerOptions = {}) {
    checkArgs('GroupNorm', [
      ['num_groups', numGroups, 'positive'],
      ['num_channels', numChannels, 'size'],
    ]);
    opts = checkOptions('GroupNorm', opts, { eps: 'number', affine: 'bool', ...FACTORY }, 3);
    super();
    if (numChannels % numGroups !== 0) throw new TorchValueError('GroupNorm', 'num_channels must be divisible by num_groups');
    this.numGroups = numGroups;
    this.numChannels = numChannels;
    this.eps = opts.eps ?? 1e-5;
    this.affine = opts.affine ?? true;
    if (this.affine) {
      this.weight = emptyParam([numChannels], opts);
      this.bias = emptyParam([numChannels], opts);
    } else {
      this.registerParameter('weight', null);
      this.registerParameter('bias', null);
    }
    this.resetParameters();
  }

  /** γ = 1, β = 0. */
  resetParameters(): void {
    if (this.affine) {
      init.ones_(this.weight!);
      init.zeros_(this.bias!);
    }
  }

  override forward(input: Tensor): Tensor {
    return F.groupNorm(input, this.numGroups, { weight: this.weight, bias: this.bias, eps: this.eps });
  }

  override extraRepr(): string {
    return `${this.numGroups}, ${this.numChannels}, eps=${pyFloat(this.eps)}, affine=${pyBool(this.affine)}`;
  }
}

/**
 * Instance normalisation over [N, C, D, H, W] (or [C, D, H, W]).
 * @example
 * ```ts pytorch=nn.InstanceNorm3d
 * const norm = new torch.nn.InstanceNorm3d(1);
 * console.log(norm, norm.call(torch.arange(8, { dtype: 'float32' }).reshape(1, 1, 2, 2, 2)).flatten());
 * ```
 * ```text
 * InstanceNorm3d(1, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False) tensor([-1.5275, -1.0911, -0.6547, -0.2182,  0.2182,  0.6547,  1.0911,  1.5275])
 * ```
 */
export class InstanceNorm3d extends InstanceNormBase {
  protected override readonly spatialDims = 3;
}

/** The parameters LocalResponseNorm and CrossMapLRN2d share (PyTorch keeps them in each class). */
abstract class LrnParams extends Module {
  /** Number of neighbouring channels summed over. */
  declare size: number;
  /** Multiplicative factor. */
  declare alpha: number;
  /** Exponent. */
  declare beta: number;
  /** Additive factor. */
  declare k: number;
  /**
   * @param size neighbouring channels summed over
   * @param alpha multiplicative factor (default 1e-4)
   * @param beta exponent (default 0.75)
   * @param k additive factor (default 1)
   */
  constructor(size: number, alpha = 1e-4, beta = 0.75, k = 1) {
    checkArgs(new.target.name, [
      ['size', size, 'int'],
      ['alpha', alpha, 'number'],
      ['beta', beta, 'number'],
      ['k', k, 'number'],
    ]);
    super();
    this.size = size;
    this.alpha = alpha;
    this.beta = beta;
    this.k = k;
  }
}

/**
 * Local response normalisation across channels:
 * x / (k + α/n · Σ x² over `size` neighbouring channels)^β.
 * @example
 * ```ts pytorch=nn.LocalResponseNorm
 * const lrn = new torch.nn.LocalResponseNorm(2);
 * console.log(lrn);
 * console.log(lrn.call(torch.tensor([[[1], [2], [3]]], { dtype: 'float32' })).flatten());
 * ```
 * ```text
 * LocalResponseNorm(2, alpha=0.0001, beta=0.75, k=1.0)
 * tensor([1.0000, 1.9996, 2.9985])
 * ```
 */
export class LocalResponseNorm extends LrnParams {
  override forward(input: Tensor): Tensor {
    return F.localResponseNorm(input, this.size, this.alpha, this.beta, this.k);
  }
  override extraRepr(): string {
    return `${this.size}, alpha=${pyFloat(this.alpha)}, beta=${pyFloat(this.beta)}, k=${pyFloat(this.k)}`;
  }
}

/** A [C, C] 0/1 matrix as a tensor like `like`. */
function channelMatrix(rows: number[][], like: Tensor): Tensor {
  const c = rows.length;
  return tensor(rows, { dtype: like.dtype, device: like.device }).reshape(c, c);
}

/** out[n, c] = Σ_j m[c, j]·t[n, j] over the channel dim of [N, C, H, W]. */
function mixChannels(t: Tensor, m: Tensor): Tensor {
  return t.permute(0, 2, 3, 1).matmul(m.t()).permute(0, 3, 1, 2);
}

/**
 * PyTorch's legacy `_functions.CrossMapLRN2d`: a running window sum over channels (which,
 * as in PyTorch, never drops channel 0 once past the first window) and its own
 * hand-written backward.
 */
class CrossMapLRN2dFunction extends Function {
  static override forward(ctx: FunctionCtx, input: Tensor, size: number, alpha: number, beta: number, k: number): Tensor {
    const C = input._shape[1]!;
    const prePad = Math.trunc((size - 1) / 2 + 1);
    const crop = Math.min(prePad, C);
    const rows: number[][] = [];
    let cur = new Array<number>(C).fill(0);
    for (let c = 0; c < crop; c++) cur[c] = 1;
    rows.push([...cur]);
    for (let c = 1; c < C; c++) {
      cur = [...cur];
      if (c < C - prePad + 1) cur[c + prePad - 1]! += 1;
      if (c > prePad) cur[c - prePad]! -= 1;
      rows.push(cur);
    }
    const scale = mixChannels(input.pow(2), channelMatrix(rows, input)).mul(alpha / size).add(k);
    const output = scale.pow(-beta).mul(input);
    ctx.saveForBackward(input, output, scale);
    ctx.size = size;
    ctx.alpha = alpha;
    ctx.beta = beta;
    return output;
  }
  static override backward(ctx: FunctionCtx, g: Tensor): (Tensor | null)[] {
    const [input, output, scale] = ctx.savedTensors as [Tensor, Tensor, Tensor];
    const { size, alpha, beta } = ctx as unknown as { size: number; alpha: number; beta: number };
    const C = input._shape[1]!;
    const inversePrePad = Math.trunc(size - (size - 1) / 2);
    // accum[c] = Σ ratio[j] for j in [c − inversePrePad, c + size − 1 − inversePrePad]
    const rows: number[][] = [];
    for (let c = 0; c < C; c++) {
      const r = new Array<number>(C).fill(0);
      for (let j = c - inversePrePad; j <= c + size - 1 - inversePrePad; j++) if (j >= 0 && j < C) r[j] = 1;
      rows.push(r);
    }
    const ratio = g.mul(output).div(scale);
    const accum = mixChannels(ratio, channelMatrix(rows, input));
    const gradInput = scale.pow(-beta).mul(g).sub(input.mul(accum).mul((2 * alpha * beta) / size));
    return [gradInput, null, null, null, null];
  }
}

/**
 * Legacy cross-channel local response normalisation of [N, C, H, W] input (PyTorch's
 * `CrossMapLRN2d`, with its running-window forward and hand-written backward).
 * @example
 * ```ts pytorch=nn.CrossMapLRN2d
 * const lrn = new torch.nn.CrossMapLRN2d(3, 0.1);
 * console.log(lrn, lrn.call(torch.tensor([[[[1]], [[2]], [[3]]]], { dtype: 'float32' })).flatten());
 * ```
 * ```text
 * CrossMapLRN2d(3, alpha=0.1, beta=0.75, k=1) tensor([0.8908, 1.5007, 2.2510])
 * ```
 */
export class CrossMapLRN2d extends LrnParams {
  override forward(input: Tensor): Tensor {
    expectInput('CrossMapLRN2d.forward', input);
    // PyTorch 2.x's text (1.13 has a bare assert)
    if (input.ndim !== 4) throw new TorchValueError('CrossMapLRN2d', `CrossMapLRN2d: Expected input to be 4D, got ${input.ndim}D instead.`);
    return CrossMapLRN2dFunction.apply(input, this.size, this.alpha, this.beta, this.k);
  }
  override extraRepr(): string {
    return `${this.size}, alpha=${pyFloat(this.alpha)}, beta=${pyFloat(this.beta)}, k=${String(this.k)}`;
  }
}
