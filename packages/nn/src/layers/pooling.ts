/**
 * Pooling layers: `MaxPool1d/2d`, `AvgPool1d/2d`, `AdaptiveAvgPool1d/2d`, `AdaptiveMaxPool2d`.
 */
import type { Tensor } from '@antorcha/core';
import * as F from '../functional/pooling.js';
import type { IntOrTuple } from '../functional/utils.js';
import { Module } from '../module.js';
import { pyBool, pyIntOrTuple } from '../utils/pyrepr.js';

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
  constructor(kernelSize: IntOrTuple, o: MaxPoolLayerOptions) {
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

/** 1-D max pooling over [N, C, L]. */
export class MaxPool1d extends MaxPoolNd {
  constructor(kernelSize: IntOrTuple, opts: Omit<MaxPoolLayerOptions, 'returnIndices'> = {}) {
    super(kernelSize, opts);
  }
  override forward(input: Tensor): Tensor {
    return F.maxPool1d(input, this.kernelSize, { stride: this.stride, padding: this.padding, dilation: this.dilation, ceilMode: this.ceilMode });
  }
}

/**
 * 2-D max pooling over [N, C, H, W].
 * @example
 * ```ts
 * new nn.MaxPool2d(2); // MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
 * ```
 */
export class MaxPool2d extends MaxPoolNd {
  constructor(kernelSize: IntOrTuple, opts: MaxPoolLayerOptions = {}) {
    super(kernelSize, opts);
  }
  /** The pooled tensor, or `[pooled, indices]` with `returnIndices`. */
  override forward(input: Tensor): Tensor | [Tensor, Tensor] {
    const o = { stride: this.stride, padding: this.padding, dilation: this.dilation, ceilMode: this.ceilMode };
    return this.returnIndices ? F.maxPool2dWithIndices(input, this.kernelSize, o) : F.maxPool2d(input, this.kernelSize, o);
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

/** 1-D average pooling over [N, C, L]. */
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
  constructor(kernelSize: IntOrTuple, opts: Omit<AvgPoolLayerOptions, 'divisorOverride'> = {}) {
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

/** 2-D average pooling over [N, C, H, W]. */
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
  constructor(kernelSize: IntOrTuple, opts: AvgPoolLayerOptions = {}) {
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

/** 2-D adaptive average pooling to a fixed output size. */
export class AdaptiveAvgPool2d extends Module {
  /** Target size (null keeps that input size). */
  declare outputSize: IntOrTuple | (number | null)[];
  constructor(outputSize: IntOrTuple | (number | null)[]) {
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

/** 1-D adaptive average pooling to a fixed output length. */
export class AdaptiveAvgPool1d extends Module {
  /** Target length. */
  declare outputSize: number;
  constructor(outputSize: number) {
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

/** 2-D adaptive max pooling to a fixed output size. */
export class AdaptiveMaxPool2d extends Module {
  /** Target size. */
  declare outputSize: IntOrTuple | (number | null)[];
  constructor(outputSize: IntOrTuple | (number | null)[]) {
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

/** 3-D max pooling over [N, C, D, H, W]. */
export class MaxPool3d extends MaxPoolNd {
  constructor(kernelSize: IntOrTuple, opts: MaxPoolLayerOptions = {}) {
    super(kernelSize, opts);
  }
  /** The pooled tensor, or `[pooled, indices]` with `returnIndices`. */
  override forward(input: Tensor): Tensor | [Tensor, Tensor] {
    const o = { stride: this.stride, padding: this.padding, dilation: this.dilation, ceilMode: this.ceilMode };
    return this.returnIndices ? F.maxPool3dWithIndices(input, this.kernelSize, o) : F.maxPool3d(input, this.kernelSize, o);
  }
}

/** 3-D average pooling over [N, C, D, H, W] (the options of {@link AvgPool2d}). */
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

/** 3-D adaptive average pooling to a fixed output size. */
export class AdaptiveAvgPool3d extends AdaptiveAvgPool2d {
  override forward(input: Tensor): Tensor {
    return F.adaptiveAvgPool3d(input, this.outputSize);
  }
}

/** 3-D adaptive max pooling to a fixed output size. */
export class AdaptiveMaxPool3d extends AdaptiveMaxPool2d {
  override forward(input: Tensor): Tensor {
    return F.adaptiveMaxPool3d(input, this.outputSize);
  }
}
