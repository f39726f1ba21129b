/**
 * Pooling layers: `MaxPool1d/2d`, `AvgPool1d/2d`, `AdaptiveAvgPool1d/2d`, `AdaptiveMaxPool2d`.
 */
import { type Tensor, TorchTypeError, TorchValueError, pyTypeName } from '@antorcha/core';
import * as F from '../functional/pooling.js';
import { type IntOrTuple, ntuple } from '../functional/utils.js';
import { Module } from '../module.js';
import { pyBool, pyIntOrTuple, pyTuple } from '../utils/pyrepr.js';
import { checkArgs, checkOptions } from './_util.js';

/**
 * An adaptive pool's target size: a non-negative int, or a list of `n` entries each a
 * non-negative int or null (keep that input size).
 */
function checkOutputSize(op: string, v: unknown, n: number): void {
  if (!Array.isArray(v)) {
    checkArgs(op, [['output_size', v, 'size']]);
    return;
  }
  if (v.length !== n) throw new TorchValueError(op, `${op}(): argument 'output_size' (position 1) must have ${n} elements, got ${v.length}`);
  v.forEach((d: unknown, i) => {
    if (d !== null && (typeof d !== 'number' || !Number.isInteger(d) || d < 0)) {
      throw new TorchTypeError(op, `${op}(): argument 'output_size' (position 1) must be a tuple of non-negative ints or None, but found ${typeof d === 'number' ? d : pyTypeName(d)} at pos ${i + 1}`);
    }
  });
}

/** Options of the max-pooling layers. */
export interface MaxPoolLayerOptions {
  /** Window stride (default: kernel size). */
  stride?: IntOrTuple | null;
  /** −∞ padding (default 0). */
  padding?: IntOrTuple;
  /** Window dilation (default 1). */
  dilation?: IntOrTuple;
  /** Also return the flat indices of the maxima (2-D only). */
  returnIndices?: boolean;
  /** Ceil instead of floor for the output size. */
  ceilMode?: boolean;
}

/**
 * What a max-pooling layer's `forward` (and `call`) returns: the pooled tensor, or
 * `[pooled, indices]` for a layer built with `returnIndices: true`.
 */
export type MaxPoolResult<R extends boolean> = R extends true ? [Tensor, Tensor] : Tensor;

abstract class MaxPoolNd extends Module {
  /** Window size. */
  declare kernelSize: IntOrTuple;
  /** Window stride. */
  declare stride: IntOrTuple;
  /** Padding. */
  declare padding: IntOrTuple;
  /** Dilation. */
  declare dilation: IntOrTuple;
  /** Whether `forward` also returns indices. */
  declare returnIndices: boolean;
  /** Ceil mode. */
  declare ceilMode: boolean;
  /**
   * @param kernelSize window size
   * @param o options
   * @param withIndices whether `returnIndices` is supported
   */
  constructor(kernelSize: IntOrTuple, o: MaxPoolLayerOptions, withIndices = true) {
    const op = new.target.name;
    checkArgs(op, [['kernel_size', kernelSize, 'ints']]);
    o = checkOptions(op, o, { stride: 'ints?', padding: 'ints', dilation: 'ints', ceilMode: 'bool', ...(withIndices ? { returnIndices: 'bool' } : {}) }, 2);
    super();
    this.kernelSize = kernelSize;
    this.stride = o.stride ?? kernelSize;
    this.padding = o.padding ?? 0;
    this.dilation = o.dilation ?? 1;
    this.returnIndices = o.returnIndices ?? false;
    this.ceilMode = o.ceilMode ?? false;
  }
  override extraRepr(): string {
    return `kernel_size=${pyIntOrTuple(this.kernelSize)}, stride=${pyIntOrTuple(this.stride)}, padding=${pyIntOrTuple(this.padding)}, dilation=${pyIntOrTuple(this.dilation)}, ceil_mode=${pyBool(this.ceilMode)}`;
  }
}

/**
 * 1-D max pooling over [N, C, L].
 * @example
 * ```ts pytorch=nn.MaxPool1d
 * const pool = new torch.nn.MaxPool1d(2);
 * console.log(pool, pool.call(torch.tensor([[[1, 3, 2, 5, 4]]], { dtype: 'float32' })));
 * ```
 * ```text
 * MaxPool1d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False) tensor([[[3., 5.]]])
 * ```
 */
export class MaxPool1d extends MaxPoolNd {
  /**
   * @param kernelSize window size
   * @param opts stride (default: the kernel size), padding, dilation, ceil mode
   */
  constructor(kernelSize: IntOrTuple, opts: Omit<MaxPoolLayerOptions, 'returnIndices'> = {}) {
    super(kernelSize, opts, false);
  }
  override forward(input: Tensor): Tensor {
    return F.maxPool1d(input, this.kernelSize, { stride: this.stride, padding: this.padding, dilation: this.dilation, ceilMode: this.ceilMode });
  }
}

/**
 * 2-D max pooling over [N, C, H, W].
 * @example
 * ```ts pytorch=nn.MaxPool2d
 * const pool = new torch.nn.MaxPool2d(2);
 * console.log(pool);
 * console.log(pool.call(torch.arange(16, { dtype: 'float32' }).reshape(1, 1, 4, 4)));
 * ```
 * ```text
 * MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
 * tensor([[[[ 5.,  7.],
 *           [13., 15.]]]])
 * ```
 */
export class MaxPool2d<R extends boolean = false> extends MaxPoolNd {
  /**
   * @param kernelSize window size
   * @param opts stride (default: the kernel size), padding, dilation, ceil mode, whether to return indices
   */
  constructor(kernelSize: IntOrTuple, opts: MaxPoolLayerOptions & { returnIndices?: R } = {}) {
    super(kernelSize, opts);
  }
  /** The pooled tensor, or `[pooled, indices]` with `returnIndices`. */
  override forward(input: Tensor): MaxPoolResult<R> {
    const o = { stride: this.stride, padding: this.padding, dilation: this.dilation, ceilMode: this.ceilMode };
    return (this.returnIndices ? F.maxPool2dWithIndices(input, this.kernelSize, o) : F.maxPool2d(input, this.kernelSize, o)) as MaxPoolResult<R>;
  }
}

/** Options of the average-pooling layers. */
export interface AvgPoolLayerOptions {
  /** Window stride (default: kernel size). */
  stride?: IntOrTuple | null;
  /** Zero padding (default 0). */
  padding?: IntOrTuple;
  /** Ceil instead of floor for the output size. */
  ceilMode?: boolean;
  /** Count padding in the divisor (default true). */
  countIncludePad?: boolean;
  /** Fixed divisor (2-D only). */
  divisorOverride?: number | null;
}

/**
 * 1-D average pooling over [N, C, L].
 * @example
 * ```ts pytorch=nn.AvgPool1d
 * const pool = new torch.nn.AvgPool1d(3, { stride: 1 });
 * console.log(pool, pool.call(torch.tensor([[[1, 2, 3, 4, 5]]], { dtype: 'float32' })));
 * ```
 * ```text
 * AvgPool1d(kernel_size=(3,), stride=(1,), padding=(0,)) tensor([[[2., 3., 4.]]])
 * ```
 */
export class AvgPool1d extends Module {
  /** Window size (a 1-tuple, as PyTorch stores it). */
  declare kernelSize: number[];
  /** Stride. */
  declare stride: number[];
  /** Padding. */
  declare padding: number[];
  /** Ceil mode. */
  declare ceilMode: boolean;
  /** Whether padding counts in the divisor. */
  declare countIncludePad: boolean;
  /**
   * @param kernelSize window size
   * @param opts stride (default: the kernel size), padding, ceil mode, whether padding counts
   */
  constructor(kernelSize: IntOrTuple, opts: Omit<AvgPoolLayerOptions, 'divisorOverride'> = {}) {
    checkArgs('AvgPool1d', [['kernel_size', kernelSize, 'ints']]);
    opts = checkOptions('AvgPool1d', opts, { stride: 'ints?', padding: 'ints', ceilMode: 'bool', countIncludePad: 'bool' }, 2);
    super();
    const one = (v: IntOrTuple): number[] => (typeof v === 'number' ? [v] : [...v]);
    this.kernelSize = one(kernelSize);
    this.stride = one(opts.stride ?? kernelSize);
    this.padding = one(opts.padding ?? 0);
    this.ceilMode = opts.ceilMode ?? false;
    this.countIncludePad = opts.countIncludePad ?? true;
  }
  override forward(input: Tensor): Tensor {
    return F.avgPool1d(input, this.kernelSize, { stride: this.stride, padding: this.padding, ceilMode: this.ceilMode, countIncludePad: this.countIncludePad });
  }
  override extraRepr(): string {
    return `kernel_size=${pyIntOrTuple(this.kernelSize)}, stride=${pyIntOrTuple(this.stride)}, padding=${pyIntOrTuple(this.padding)}`;
  }
}

/**
 * 2-D average pooling over [N, C, H, W].
 * @example
 * ```ts pytorch=nn.AvgPool2d
 * const pool = new torch.nn.AvgPool2d(2);
 * console.log(pool);
 * console.log(pool.call(torch.arange(16, { dtype: 'float32' }).reshape(1, 1, 4, 4)));
 * ```
 * ```text
 * AvgPool2d(kernel_size=2, stride=2, padding=0)
 * tensor([[[[ 2.5000,  4.5000],
 *           [10.5000, 12.5000]]]])
 * ```
 */
export class AvgPool2d extends Module {
  /** Window size. */
  declare kernelSize: IntOrTuple;
  /** Stride. */
  declare stride: IntOrTuple;
  /** Padding. */
  declare padding: IntOrTuple;
  /** Ceil mode. */
  declare ceilMode: boolean;
  /** Whether padding counts in the divisor. */
  declare countIncludePad: boolean;
  /** Fixed divisor, or null. */
  declare divisorOverride: number | null;
  /**
   * @param kernelSize window size
   * @param opts stride (default: the kernel size), padding, ceil mode, whether padding counts, a fixed divisor
   */
  constructor(kernelSize: IntOrTuple, opts: AvgPoolLayerOptions = {}) {
    const op = new.target.name;
    checkArgs(op, [['kernel_size', kernelSize, 'ints']]);
    opts = checkOptions(op, opts, { stride: 'ints?', padding: 'ints', ceilMode: 'bool', countIncludePad: 'bool', divisorOverride: 'int?' }, 2);
    super();
    this.kernelSize = kernelSize;
    this.stride = opts.stride ?? kernelSize;
    this.padding = opts.padding ?? 0;
    this.ceilMode = opts.ceilMode ?? false;
    this.countIncludePad = opts.countIncludePad ?? true;
    this.divisorOverride = opts.divisorOverride ?? null;
  }
  override forward(input: Tensor): Tensor {
    return F.avgPool2d(input, this.kernelSize, {
      stride: this.stride,
      padding: this.padding,
      ceilMode: this.ceilMode,
      countIncludePad: this.countIncludePad,
      divisorOverride: this.divisorOverride,
    });
  }
  override extraRepr(): string {
    return `kernel_size=${pyIntOrTuple(this.kernelSize)}, stride=${pyIntOrTuple(this.stride)}, padding=${pyIntOrTuple(this.padding)}`;
  }
}

function outRepr(o: IntOrTuple | (number | null)[]): string {
  if (typeof o === 'number') return String(o);
  const parts = o.map((v) => (v === null ? 'None' : String(v)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}

/**
 * 2-D adaptive average pooling to a fixed output size.
 * @example
 * ```ts pytorch=nn.AdaptiveAvgPool2d
 * const pool = new torch.nn.AdaptiveAvgPool2d(1); // global average pooling
 * console.log(pool, pool.call(torch.randn(8, 64, 7, 7)).shape);
 * ```
 * ```text
 * AdaptiveAvgPool2d(output_size=1) torch.Size([8, 64, 1, 1])
 * ```
 */
export class AdaptiveAvgPool2d extends Module {
  /** Target size (null keeps that input size). */
  declare outputSize: IntOrTuple | (number | null)[];
  /** @param outputSize target size: an int, or one entry per pooled dim (null keeps that input size) */
  constructor(outputSize: IntOrTuple | (number | null)[]) {
    checkOutputSize(new.target.name, outputSize, new.target.name.endsWith('3d') ? 3 : 2);
    super();
    this.outputSize = outputSize;
  }
  override forward(input: Tensor): Tensor {
    return F.adaptiveAvgPool2d(input, this.outputSize);
  }
  override extraRepr(): string {
    return `output_size=${outRepr(this.outputSize)}`;
  }
}

/**
 * 1-D adaptive average pooling to a fixed output length.
 * @example
 * ```ts pytorch=nn.AdaptiveAvgPool1d
 * const pool = new torch.nn.AdaptiveAvgPool1d(2);
 * console.log(pool, pool.call(torch.tensor([[[1, 2, 3, 4, 5]]], { dtype: 'float32' })));
 * ```
 * ```text
 * AdaptiveAvgPool1d(output_size=2) tensor([[[2., 4.]]])
 * ```
 */
export class AdaptiveAvgPool1d extends Module {
  /** Target length. */
  declare outputSize: number;
  /** @param outputSize target length */
  constructor(outputSize: number) {
    checkOutputSize('AdaptiveAvgPool1d', outputSize, 1);
    super();
    this.outputSize = outputSize;
  }
  override forward(input: Tensor): Tensor {
    return F.adaptiveAvgPool1d(input, this.outputSize);
  }
  override extraRepr(): string {
    return `output_size=${this.outputSize}`;
  }
}

/**
 * 2-D adaptive max pooling to a fixed output size.
 * @example
 * ```ts pytorch=nn.AdaptiveMaxPool2d
 * const pool = new torch.nn.AdaptiveMaxPool2d([2, null]); // null keeps that size
 * console.log(pool, pool.call(torch.zeros(1, 3, 8, 5)).shape);
 * ```
 * ```text
 * AdaptiveMaxPool2d(output_size=(2, None)) torch.Size([1, 3, 2, 5])
 * ```
 */
export class AdaptiveMaxPool2d extends Module {
  /** Target size. */
  declare outputSize: IntOrTuple | (number | null)[];
  /** @param outputSize target size: an int, or one entry per pooled dim (null keeps that input size) */
  constructor(outputSize: IntOrTuple | (number | null)[]) {
    checkOutputSize(new.target.name, outputSize, new.target.name.endsWith('3d') ? 3 : 2);
    super();
    this.outputSize = outputSize;
  }
  override forward(input: Tensor): Tensor {
    return F.adaptiveMaxPool2d(input, this.outputSize);
  }
  override extraRepr(): string {
    return `output_size=${outRepr(this.outputSize)}`;
  }
}

/**
 * 3-D max pooling over [N, C, D, H, W].
 * @example
 * ```ts pytorch=nn.MaxPool3d
 * const pool = new torch.nn.MaxPool3d(2);
 * console.log(pool, pool.call(torch.arange(8, { dtype: 'float32' }).reshape(1, 1, 2, 2, 2)).flatten());
 * ```
 * ```text
 * MaxPool3d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False) tensor([7.])
 * ```
 */
export class MaxPool3d<R extends boolean = false> extends MaxPoolNd {
  /**
   * @param kernelSize window size
   * @param opts stride (default: the kernel size), padding, dilation, ceil mode, whether to return indices
   */
  constructor(kernelSize: IntOrTuple, opts: MaxPoolLayerOptions & { returnIndices?: R } = {}) {
    super(kernelSize, opts);
  }
  /** The pooled tensor, or `[pooled, indices]` with `returnIndices`. */
  override forward(input: Tensor): MaxPoolResult<R> {
    const o = { stride: this.stride, padding: this.padding, dilation: this.dilation, ceilMode: this.ceilMode };
    return (this.returnIndices ? F.maxPool3dWithIndices(input, this.kernelSize, o) : F.maxPool3d(input, this.kernelSize, o)) as MaxPoolResult<R>;
  }
}

/**
 * 3-D average pooling over [N, C, D, H, W] (the options of {@link AvgPool2d}).
 * @example
 * ```ts pytorch=nn.AvgPool3d
 * const pool = new torch.nn.AvgPool3d(2);
 * console.log(pool, pool.call(torch.arange(8, { dtype: 'float32' }).reshape(1, 1, 2, 2, 2)).flatten());
 * ```
 * ```text
 * AvgPool3d(kernel_size=2, stride=2, padding=0) tensor([3.5000])
 * ```
 */
export class AvgPool3d extends AvgPool2d {
  override forward(input: Tensor): Tensor {
    return F.avgPool3d(input, this.kernelSize, {
      stride: this.stride,
      padding: this.padding,
      ceilMode: this.ceilMode,
      countIncludePad: this.countIncludePad,
      divisorOverride: this.divisorOverride,
    });
  }
}

/**
 * 3-D adaptive average pooling to a fixed output size.
 * @example
 * ```ts pytorch=nn.AdaptiveAvgPool3d
 * const pool = new torch.nn.AdaptiveAvgPool3d(1);
 * console.log(pool, pool.call(torch.arange(16, { dtype: 'float32' }).reshape(1, 2, 2, 2, 2)).flatten());
 * ```
 * ```text
 * AdaptiveAvgPool3d(output_size=1) tensor([ 3.5000, 11.5000])
 * ```
 */
export class AdaptiveAvgPool3d extends AdaptiveAvgPool2d {
  override forward(input: Tensor): Tensor {
    return F.adaptiveAvgPool3d(input, this.outputSize);
  }
}

/**
 * 3-D adaptive max pooling to a fixed output size.
 * @example
 * ```ts pytorch=nn.AdaptiveMaxPool3d
 * const pool = new torch.nn.AdaptiveMaxPool3d([1, 1, 2]);
 * console.log(pool, pool.call(torch.arange(16, { dtype: 'float32' }).reshape(1, 2, 2, 2, 2)).flatten());
 * ```
 * ```text
 * AdaptiveMaxPool3d(output_size=(1, 1, 2)) tensor([ 6.,  7., 14., 15.])
 * ```
 */
export class AdaptiveMaxPool3d extends AdaptiveMaxPool2d {
  override forward(input: Tensor): Tensor {
    return F.adaptiveMaxPool3d(input, this.outputSize);
  }
}

/**
 * 1-D adaptive max pooling to a fixed output length.
 * @example
 * ```ts pytorch=nn.AdaptiveMaxPool1d
 * const pool = new torch.nn.AdaptiveMaxPool1d(3);
 * console.log(pool);
 * console.log(pool.call(torch.tensor([[[1, 5, 2, 8, 3, 4, 7]]], { dtype: 'float32' })));
 * ```
 * ```text
 * AdaptiveMaxPool1d(output_size=3)
 * tensor([[[5., 8., 7.]]])
 * ```
 */
export class AdaptiveMaxPool1d<R extends boolean = false> extends Module {
  /** Target length. */
  declare outputSize: number;
  /** Whether `forward` also returns the indices of the maxima. */
  declare returnIndices: boolean;
  /**
   * @param outputSize target length
   * @param returnIndices also return the indices of the maxima (default false)
   */
  constructor(outputSize: number, returnIndices: R = false as R) {
    checkOutputSize('AdaptiveMaxPool1d', outputSize, 1);
    checkArgs('AdaptiveMaxPool1d', [
      ['output_size', outputSize, 'any'],
      ['return_indices', returnIndices, 'bool'],
    ]);
    super();
    this.outputSize = outputSize;
    this.returnIndices = returnIndices;
  }
  /** The pooled tensor, or `[pooled, indices]` with `returnIndices`. */
  override forward(input: Tensor): MaxPoolResult<R> {
    return (this.returnIndices ? F.adaptiveMaxPool1dWithIndices(input, this.outputSize) : F.adaptiveMaxPool1d(input, this.outputSize)) as MaxPoolResult<R>;
  }
  override extraRepr(): string {
    return `output_size=${this.outputSize}`;
  }
}

abstract class LPPoolNd extends Module {
  /** The p of the p-norm. */
  declare normType: number;
  /** Window size. */
  declare kernelSize: IntOrTuple;
  /** Window stride (null: the kernel size). */
  declare stride: IntOrTuple | null;
  /** Ceil mode. */
  declare ceilMode: boolean;
  /**
   * @param normType p
   * @param kernelSize window size
   * @param stride window stride (default: the kernel size)
   * @param ceilMode ceil instead of floor for the output size (default false)
   */
  constructor(normType: number, kernelSize: IntOrTuple, stride: IntOrTuple | null = null, ceilMode = false) {
    checkArgs(new.target.name, [
      ['norm_type', normType, 'number'],
      ['kernel_size', kernelSize, 'ints'],
      ['stride', stride, 'ints?'],
      ['ceil_mode', ceilMode, 'bool'],
    ]);
    super();
    this.normType = normType;
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.ceilMode = ceilMode;
  }
  override extraRepr(): string {
    return `norm_type=${String(this.normType)}, kernel_size=${pyIntOrTuple(this.kernelSize)}, stride=${this.stride === null ? 'None' : pyIntOrTuple(this.stride)}, ceil_mode=${pyBool(this.ceilMode)}`;
  }
}

/**
 * 1-D power-average pooling: (Σ x^p over each window)^(1/p).
 * @example
 * ```ts pytorch=nn.LPPool1d
 * const pool = new torch.nn.LPPool1d(2, 2);
 * console.log(pool, pool.call(torch.tensor([[[3, 4, 6, 8]]], { dtype: 'float32' })));
 * ```
 * ```text
 * LPPool1d(norm_type=2, kernel_size=2, stride=None, ceil_mode=False) tensor([[[ 5., 10.]]])
 * ```
 */
export class LPPool1d extends LPPoolNd {
  override forward(input: Tensor): Tensor {
    return F.lpPool1d(input, this.normType, this.kernelSize as number, this.stride, this.ceilMode);
  }
}

/**
 * 2-D power-average pooling: (Σ x^p over each window)^(1/p).
 * @example
 * ```ts pytorch=nn.LPPool2d
 * const pool = new torch.nn.LPPool2d(2, 2);
 * console.log(pool);
 * console.log(pool.call(torch.tensor([[[[3, 4], [0, 0]]]], { dtype: 'float32' })));
 * ```
 * ```text
 * LPPool2d(norm_type=2, kernel_size=2, stride=None, ceil_mode=False)
 * tensor([[[[5.]]]])
 * ```
 */
export class LPPool2d extends LPPoolNd {
  override forward(input: Tensor): Tensor {
    return F.lpPool2d(input, this.normType, this.kernelSize, this.stride, this.ceilMode);
  }
}

abstract class MaxUnpoolNd extends Module {
  /** Window size of the pooling undone. */
  declare kernelSize: number[];
  /** Its stride. */
  declare stride: number[];
  /** Its padding. */
  declare padding: number[];
  /** Spatial dims. */
  protected abstract readonly dims: number;
  /**
   * @param kernelSize window size of the pooling undone
   * @param opts its stride (default: the kernel size) and padding (default 0)
   * @param dims spatial dims
   */
  constructor(kernelSize: IntOrTuple, opts: { stride?: IntOrTuple | null; padding?: IntOrTuple }, dims: number) {
    const op = new.target.name;
    checkArgs(op, [['kernel_size', kernelSize, 'ints']]);
    opts = checkOptions(op, opts, { stride: 'ints?', padding: 'ints' }, 2);
    super();
    const tup = (v: IntOrTuple, what: string): number[] => ntuple(v, dims, op, what);
    this.kernelSize = tup(kernelSize, 'kernel_size');
    this.stride = tup(opts.stride ?? kernelSize, 'stride');
    this.padding = tup(opts.padding ?? 0, 'padding');
  }
  override extraRepr(): string {
    return `kernel_size=${pyTuple(this.kernelSize)}, stride=${pyTuple(this.stride)}, padding=${pyTuple(this.padding)}`;
  }
}

/** Options of the max-unpooling layers. */
export interface MaxUnpoolLayerOptions {
  /** Stride of the pooling undone (default: the kernel size). */
  stride?: IntOrTuple | null;
  /** Its padding (default 0). */
  padding?: IntOrTuple;
}

/**
 * Partial inverse of `MaxPool1d`.
 * @example
 * ```ts pytorch=nn.MaxUnpool1d
 * const values = torch.tensor([[[3, 5]]], { dtype: 'float32' });
 * const indices = torch.tensor([[[1, 3]]]); // where each maximum came from
 * const unpool = new torch.nn.MaxUnpool1d(2);
 * console.log(unpool, unpool.call(values, indices));
 * ```
 * ```text
 * MaxUnpool1d(kernel_size=(2,), stride=(2,), padding=(0,)) tensor([[[0., 3., 0., 5.]]])
 * ```
 */
export class MaxUnpool1d extends MaxUnpoolNd {
  protected override readonly dims = 1;
  /**
   * @param kernelSize window size of the pooling undone
   * @param opts its stride and padding
   */
  constructor(kernelSize: IntOrTuple, opts: MaxUnpoolLayerOptions = {}) {
    super(kernelSize, opts, 1);
  }
  /** @param outputSize the size to restore (default from the geometry) */
  override forward(input: Tensor, indices: Tensor, outputSize: readonly number[] | null = null): Tensor {
    return F.maxUnpool1d(input, indices, this.kernelSize, { stride: this.stride, padding: this.padding, outputSize });
  }
}

/**
 * Partial inverse of `MaxPool2d`: the maxima back at their indices, zeros elsewhere.
 * @example
 * ```ts pytorch=nn.MaxUnpool2d
 * const x = torch.tensor([[[[1, 2], [4, 3]]]], { dtype: 'float32' });
 * const [y, idx] = new torch.nn.MaxPool2d(2, { returnIndices: true }).call(x);
 * console.log(new torch.nn.MaxUnpool2d(2).call(y, idx));
 * ```
 * ```text
 * tensor([[[[0., 0.],
 *           [4., 0.]]]])
 * ```
 */
export class MaxUnpool2d extends MaxUnpoolNd {
  protected override readonly dims = 2;
  /**
   * @param kernelSize window size of the pooling undone
   * @param opts its stride and padding
   */
  constructor(kernelSize: IntOrTuple, opts: MaxUnpoolLayerOptions = {}) {
    super(kernelSize, opts, 2);
  }
  /** @param outputSize the size to restore (default from the geometry) */
  override forward(input: Tensor, indices: Tensor, outputSize: readonly number[] | null = null): Tensor {
    return F.maxUnpool2d(input, indices, this.kernelSize, { stride: this.stride, padding: this.padding, outputSize });
  }
}

/**
 * Partial inverse of `MaxPool3d`.
 * @example
 * ```ts pytorch=nn.MaxUnpool3d
 * const x = torch.arange(8, { dtype: 'float32' }).reshape(1, 1, 2, 2, 2);
 * const [y, idx] = new torch.nn.MaxPool3d(2, { returnIndices: true }).call(x);
 * console.log(new torch.nn.MaxUnpool3d(2).call(y, idx).flatten());
 * ```
 * ```text
 * tensor([0., 0., 0., 0., 0., 0., 0., 7.])
 * ```
 */
export class MaxUnpool3d extends MaxUnpoolNd {
  protected override readonly dims = 3;
  /**
   * @param kernelSize window size of the pooling undone
   * @param opts its stride and padding
   */
  constructor(kernelSize: IntOrTuple, opts: MaxUnpoolLayerOptions = {}) {
    super(kernelSize, opts, 3);
  }
  /** @param outputSize the size to restore (default from the geometry) */
  override forward(input: Tensor, indices: Tensor, outputSize: readonly number[] | null = null): Tensor {
    return F.maxUnpool3d(input, indices, this.kernelSize, { stride: this.stride, padding: this.padding, outputSize });
  }
}

/** Options of the fractional max-pooling layers. */
export interface FractionalMaxPoolLayerOptions {
  /** Output size of the spatial dims. */
  outputSize?: IntOrTuple | null;
  /** Output size as a fraction of the input size (each in (0, 1)). */
  outputRatio?: number | readonly number[] | null;
  /** Also return the flat indices of the maxima. */
  returnIndices?: boolean;
  /** Fixed per-plane samples [N, C, dims] (default: drawn on every call). */
  randomSamples?: Tensor | null;
}

abstract class FractionalMaxPoolNd extends Module {
  /** Window size. */
  declare kernelSize: number[];
  /** Output size, or null. */
  declare outputSize: number[] | null;
  /** Output ratio, or null. */
  declare outputRatio: number[] | null;
  /** Whether `forward` also returns indices. */
  declare returnIndices: boolean;
  /** Fixed samples, or null. */
  declare randomSamples: Tensor | null;
  /**
   * @param kernelSize window size
   * @param opts output size or ratio, whether to return indices, fixed samples
   * @param dims spatial dims
   */
  constructor(kernelSize: IntOrTuple, opts: FractionalMaxPoolLayerOptions, dims: number) {
    const op = new.target.name;
    checkArgs(op, [['kernel_size', kernelSize, 'ints']]);
    opts = checkOptions(op, opts, { outputSize: 'ints?', outputRatio: 'any', returnIndices: 'bool', randomSamples: 'tensor?' }, 2);
    super();
    this.kernelSize = ntuple(kernelSize, dims, op, 'kernel_size');
    this.returnIndices = opts.returnIndices ?? false;
    this.randomSamples = opts.randomSamples ?? null;
    this.outputSize = opts.outputSize === null || opts.outputSize === undefined ? null : ntuple(opts.outputSize, dims, op, 'output_size');
    const r = opts.outputRatio ?? null;
    if (r !== null && typeof r !== 'number' && !(Array.isArray(r) && r.length === dims && r.every((v) => typeof v === 'number'))) {
      throw new TorchTypeError(op, `${op}(): output_ratio must be a float or a tuple of ${dims} floats, not ${pyTypeName(r)}`);
    }
    this.outputRatio = r === null ? null : typeof r === 'number' ? new Array<number>(dims).fill(r) : [...r];
    if (this.outputSize === null && this.outputRatio === null) throw new TorchValueError(op, `${op} requires specifying either an output size, or a pooling ratio`);
    if (this.outputSize !== null && this.outputRatio !== null) throw new TorchValueError(op, 'only one of output_size and output_ratio may be specified');
    if (this.outputRatio !== null && !this.outputRatio.every((v) => v > 0 && v < 1)) {
      throw new TorchValueError(op, `output_ratio must be between 0 and 1 (got ${typeof r === 'number' ? String(r) : `(${(r as number[]).join(', ')})`})`);
    }
  }
  protected options(): F.FractionalMaxPoolOptions {
    return { outputSize: this.outputSize, outputRatio: this.outputRatio, randomSamples: this.randomSamples };
  }
}

/**
 * 2-D fractional max pooling over [N, C, H, W] (pseudo-random windows, drawn as PyTorch
 * draws them).
 * @example
 * ```ts pytorch=nn.FractionalMaxPool2d
 * torch.manualSeed(0);
 * const pool = new torch.nn.FractionalMaxPool2d(2, { outputRatio: 0.5 });
 * console.log(pool.call(torch.arange(36, { dtype: 'float32' }).reshape(1, 1, 6, 6)));
 * ```
 * ```text
 * tensor([[[[ 7.,  9., 11.],
 *           [19., 21., 23.],
 *           [31., 33., 35.]]]])
 * ```
 */
export class FractionalMaxPool2d<R extends boolean = false> extends FractionalMaxPoolNd {
  /**
   * @param kernelSize window size
   * @param opts output size or ratio, whether to return indices, fixed samples
   */
  constructor(kernelSize: IntOrTuple, opts: FractionalMaxPoolLayerOptions & { returnIndices?: R } = {}) {
    super(kernelSize, opts, 2);
  }
  /** The pooled tensor, or `[pooled, indices]` with `returnIndices`. */
  override forward(input: Tensor): MaxPoolResult<R> {
    const r = F.fractionalMaxPool2dWithIndices(input, this.kernelSize, this.options());
    return (this.returnIndices ? r : r[0]) as MaxPoolResult<R>;
  }
}

/**
 * 3-D fractional max pooling over [N, C, T, H, W].
 * @example
 * ```ts pytorch=nn.FractionalMaxPool3d
 * torch.manualSeed(0);
 * const pool = new torch.nn.FractionalMaxPool3d(2, { outputSize: 2 });
 * console.log(pool.call(torch.arange(64, { dtype: 'float32' }).reshape(1, 1, 4, 4, 4)).flatten());
 * ```
 * ```text
 * tensor([21., 23., 29., 31., 53., 55., 61., 63.])
 * ```
 */
export class FractionalMaxPool3d<R extends boolean = false> extends FractionalMaxPoolNd {
  /**
   * @param kernelSize window size
   * @param opts output size or ratio, whether to return indices, fixed samples
   */
  constructor(kernelSize: IntOrTuple, opts: FractionalMaxPoolLayerOptions & { returnIndices?: R } = {}) {
    super(kernelSize, opts, 3);
  }
  /** The pooled tensor, or `[pooled, indices]` with `returnIndices`. */
  override forward(input: Tensor): MaxPoolResult<R> {
    const r = F.fractionalMaxPool3dWithIndices(input, this.kernelSize, this.options());
    return (this.returnIndices ? r : r[0]) as MaxPoolResult<R>;
  }
}
