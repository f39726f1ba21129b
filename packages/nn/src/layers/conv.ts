/**
 * `Conv1d`, `Conv2d` and `ConvTranspose2d`, initialised as PyTorch's `_ConvNd`
 * (kaiming-uniform with a = √5, bias U(−1/√fan_in, 1/√fan_in)).
 */
import { type Tensor, TorchRuntimeError, TorchValueError, expectIntList, fmtShape } from '@antorcha/core';
import * as F from '../functional/conv.js';
import { type IntOrTuple, ntuple } from '../functional/utils.js';
import * as init from '../init.js';
import { Module } from '../module.js';
import type { Parameter } from '../parameter.js';
import { pyTuple } from '../utils/pyrepr.js';
import { type ArgKind, FACTORY, type FactoryOptions, checkArgs, checkOptions, emptyParam, expectInput, refuseAbstract } from './_util.js';

const CONV_OPTIONS: Readonly<Record<string, ArgKind>> = { stride: 'ints', padding: 'any', dilation: 'ints', groups: 'int', bias: 'bool', paddingMode: 'string', ...FACTORY };
const CONV_TRANSPOSE_OPTIONS: Readonly<Record<string, ArgKind>> = { stride: 'ints', padding: 'ints', outputPadding: 'ints', groups: 'int', bias: 'bool', dilation: 'ints', ...FACTORY };

/** Options of {@link Conv1d} and {@link Conv2d}. */
export interface ConvLayerOptions extends FactoryOptions {
  /** Stride (default 1). */
  stride?: IntOrTuple;
  /** Zero padding (default 0), or `'same'` / `'valid'`. */
  padding?: IntOrTuple | 'same' | 'valid';
  /** Kernel dilation (default 1). */
  dilation?: IntOrTuple;
  /** Blocked connections (default 1). */
  groups?: number;
  /** Learn a bias (default true). */
  bias?: boolean;
  /** Only `'zeros'` is supported. */
  paddingMode?: 'zeros';
}

/** Options of {@link ConvTranspose2d}. */
export interface ConvTransposeLayerOptions extends FactoryOptions {
  /** Stride (default 1). */
  stride?: IntOrTuple;
  /** Padding removed from the output (default 0). */
  padding?: IntOrTuple;
  /** Extra output size on one side (default 0). */
  outputPadding?: IntOrTuple;
  /** Blocked connections (default 1). */
  groups?: number;
  /** Learn a bias (default true). */
  bias?: boolean;
  /** Kernel dilation (default 1). */
  dilation?: IntOrTuple;
}

/** PyTorch's `_ConvNd`: shared state, initialisation and repr. */
export abstract class ConvNd extends Module {
  /** Input channels. */
  declare inChannels: number;
  /** Output channels. */
  declare outChannels: number;
  /** Kernel size per spatial dim. */
  declare kernelSize: number[];
  /** Stride per spatial dim. */
  declare stride: number[];
  /** Padding per spatial dim, or `'same'`/`'valid'`. */
  declare padding: number[] | 'same' | 'valid';
  /** Dilation per spatial dim. */
  declare dilation: number[];
  /** Whether this is a transposed convolution. */
  declare transposed: boolean;
  /** Output padding per spatial dim (transposed convolutions). */
  declare outputPadding: number[];
  /** Groups. */
  declare groups: number;
  /** Padding mode (`'zeros'`). */
  declare paddingMode: string;
  /** [out, in/groups, *k] (transposed: [in, out/groups, *k]). */
  declare weight: Parameter;
  /** [out] or null. */
  declare bias: Parameter | null;

  /**
   * @param n spatial dims
   * @param inChannels input channels
   * @param outChannels output channels
   * @param kernelSize kernel size
   * @param o the layer's options
   * @param transposed whether this is a transposed convolution
   */
  protected constructor(
    n: number,
    inChannels: number,
    outChannels: number,
    kernelSize: IntOrTuple,
    o: { stride?: IntOrTuple; padding?: IntOrTuple | 'same' | 'valid'; dilation?: IntOrTuple; groups?: number; bias?: boolean; paddingMode?: string; outputPadding?: IntOrTuple; dtype?: FactoryOptions['dtype'] },
    transposed: boolean,
  ) {
    refuseAbstract(new.target, ConvNd, 'ConvNd');
    const op = new.target.name;
    checkArgs(op, [
      ['in_channels', inChannels, 'size'],
      ['out_channels', outChannels, 'size'],
      ['kernel_size', kernelSize, 'ints'],
    ]);
    checkOptions(op, o, transposed ? CONV_TRANSPOSE_OPTIONS : CONV_OPTIONS, 4);
    super();
    const groups = o.groups ?? 1;
    if (groups <= 0) throw new TorchValueError(op, 'groups must be a positive integer');
    if (inChannels % groups !== 0) throw new TorchValueError(op, 'in_channels must be divisible by groups');
    if (outChannels % groups !== 0) throw new TorchValueError(op, 'out_channels must be divisible by groups');
    const padding = o.padding ?? 0;
    const stride = ntuple(o.stride ?? 1, n, op, 'stride');
    if (typeof padding === 'string') {
      if (padding !== 'same' && padding !== 'valid') throw new TorchValueError(op, `Invalid padding string '${padding}', should be one of ['valid', 'same']`);
      if (padding === 'same' && stride.some((s) => s !== 1)) throw new TorchValueError(op, "padding='same' is not supported for strided convolutions");
    }
    const paddingMode = o.paddingMode ?? 'zeros';
    if (paddingMode !== 'zeros') throw new TorchValueError(op, `padding_mode must be 'zeros' here (got '${paddingMode}')`);
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.kernelSize = ntuple(kernelSize, n, op, 'kernel_size');
    this.stride = stride;
    this.padding = typeof padding === 'string' ? padding : ntuple(padding, n, op, 'padding');
    this.dilation = ntuple(o.dilation ?? 1, n, op, 'dilation');
    this.transposed = transposed;
    this.outputPadding = ntuple(o.outputPadding ?? 0, n, op, 'output_padding');
    this.groups = groups;
    this.paddingMode = paddingMode;
    const wshape = transposed ? [inChannels, outChannels / groups, ...this.kernelSize] : [outChannels, inChannels / groups, ...this.kernelSize];
    this.weight = emptyParam(wshape, o);
    if (o.bias ?? true) this.bias = emptyParam([outChannels], o);
    else this.registerParameter('bias', null);
    this.resetParameters();
  }

  /** Re-draws the parameters as PyTorch's `_ConvNd.reset_parameters` does. */
  resetParameters(): void {
    init.kaimingUniform_(this.weight, { a: Math.sqrt(5) });
    if (this.bias !== null) {
      const { fanIn } = init.calculateFanInAndFanOut(this.weight);
      if (fanIn !== 0) {
        const bound = 1 / Math.sqrt(fanIn);
        init.uniform_(this.bias, -bound, bound);
      }
    }
  }

  override extraRepr(): string {
    let s = `${this.inChannels}, ${this.outChannels}, kernel_size=${pyTuple(this.kernelSize)}, stride=${pyTuple(this.stride)}`;
    const p = this.padding;
    if (typeof p === 'string') s += `, padding=${p}`;
    else if (p.some((v) => v !== 0)) s += `, padding=${pyTuple(p)}`;
    if (this.dilation.some((v) => v !== 1)) s += `, dilation=${pyTuple(this.dilation)}`;
    if (this.outputPadding.some((v) => v !== 0)) s += `, output_padding=${pyTuple(this.outputPadding)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (this.bias === null) s += ', bias=False';
    if (this.paddingMode !== 'zeros') s += `, padding_mode=${this.paddingMode}`;
    return s;
  }
}

/**
 * 1-D convolution over [N, C, L].
 * @example
 * ```ts pytorch=nn.Conv1d
 * const conv = new torch.nn.Conv1d(16, 33, 3, { stride: 2 });
 * console.log(conv);
 * console.log(conv.call(torch.randn(20, 16, 50)).shape);
 * ```
 * ```text
 * Conv1d(16, 33, kernel_size=(3,), stride=(2,))
 * torch.Size([20, 33, 24])
 * ```
 */
export class Conv1d extends ConvNd {
  /**
   * @param inChannels input channels
   * @param outChannels output channels
   * @param kernelSize kernel size (an int, or one per spatial dim)
   * @param opts stride, padding, dilation, groups, bias, dtype
   */
  constructor(inChannels: number, outChannels: number, kernelSize: IntOrTuple, opts: ConvLayerOptions = {}) {
    super(1, inChannels, outChannels, kernelSize, opts, false);
  }
  override forward(input: Tensor): Tensor {
    return F.conv1d(input, this.weight, this.bias, { stride: this.stride, padding: this.padding, dilation: this.dilation, groups: this.groups });
  }
}

/**
 * 2-D convolution over [N, C, H, W].
 * @example
 * ```ts pytorch=nn.Conv2d
 * torch.manualSeed(0);
 * const conv = new torch.nn.Conv2d(1, 2, 3, { padding: 1 });
 * console.log(conv);
 * console.log(conv.weight.shape, conv.bias);
 * console.log(conv.call(torch.ones(1, 1, 4, 4)).shape);
 * ```
 * ```text
 * Conv2d(1, 2, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
 * torch.Size([2, 1, 3, 3]) Parameter containing:
 * tensor([-0.2260, -0.1452], requires_grad=True)
 * torch.Size([1, 2, 4, 4])
 * ```
 */
export class Conv2d extends ConvNd {
  /**
   * @param inChannels input channels
   * @param outChannels output channels
   * @param kernelSize kernel size (an int, or one per spatial dim)
   * @param opts stride, padding, dilation, groups, bias, dtype
   */
  constructor(inChannels: number, outChannels: number, kernelSize: IntOrTuple, opts: ConvLayerOptions = {}) {
    super(2, inChannels, outChannels, kernelSize, opts, false);
  }
  override forward(input: Tensor): Tensor {
    return F.conv2d(input, this.weight, this.bias, { stride: this.stride, padding: this.padding, dilation: this.dilation, groups: this.groups });
  }
}

/**
 * 3-D convolution over [N, C, D, H, W].
 * @example
 * ```ts pytorch=nn.Conv3d
 * const conv = new torch.nn.Conv3d(2, 4, [1, 3, 3], { padding: [0, 1, 1] });
 * console.log(conv);
 * console.log(conv.call(torch.randn(1, 2, 5, 8, 8)).shape);
 * ```
 * ```text
 * Conv3d(2, 4, kernel_size=(1, 3, 3), stride=(1, 1, 1), padding=(0, 1, 1))
 * torch.Size([1, 4, 5, 8, 8])
 * ```
 */
export class Conv3d extends ConvNd {
  /**
   * @param inChannels input channels
   * @param outChannels output channels
   * @param kernelSize kernel size (an int, or one per spatial dim)
   * @param opts stride, padding, dilation, groups, bias, dtype
   */
  constructor(inChannels: number, outChannels: number, kernelSize: IntOrTuple, opts: ConvLayerOptions = {}) {
    super(3, inChannels, outChannels, kernelSize, opts, false);
  }
  override forward(input: Tensor): Tensor {
    return F.conv3d(input, this.weight, this.bias, { stride: this.stride, padding: this.padding, dilation: this.dilation, groups: this.groups });
  }
}

/**
 * Transposed 1-D convolution over [N, C, L].
 * @example
 * ```ts pytorch=nn.ConvTranspose1d
 * const up = new torch.nn.ConvTranspose1d(4, 2, 3, { stride: 2, padding: 1, outputPadding: 1 });
 * console.log(up);
 * console.log(up.call(torch.randn(1, 4, 5)).shape); // exactly doubles L
 * ```
 * ```text
 * ConvTranspose1d(4, 2, kernel_size=(3,), stride=(2,), padding=(1,), output_padding=(1,))
 * torch.Size([1, 2, 10])
 * ```
 */
export class ConvTranspose1d extends ConvNd {
  /**
   * @param inChannels input channels
   * @param outChannels output channels
   * @param kernelSize kernel size (an int, or one per spatial dim)
   * @param opts stride, padding, output padding, dilation, groups, bias, dtype
   */
  constructor(inChannels: number, outChannels: number, kernelSize: IntOrTuple, opts: ConvTransposeLayerOptions = {}) {
    super(1, inChannels, outChannels, kernelSize, opts, true);
  }
  override forward(input: Tensor): Tensor {
    return F.convTranspose1d(input, this.weight, this.bias, {
      stride: this.stride,
      padding: this.padding as number[],
      outputPadding: this.outputPadding,
      groups: this.groups,
      dilation: this.dilation,
    });
  }
}

/**
 * Transposed 2-D convolution over [N, C, H, W].
 * @example
 * ```ts pytorch=nn.ConvTranspose2d
 * const up = new torch.nn.ConvTranspose2d(8, 4, 2, { stride: 2 });
 * console.log(up);
 * console.log(up.call(torch.randn(1, 8, 5, 5)).shape); // doubles H and W
 * ```
 * ```text
 * ConvTranspose2d(8, 4, kernel_size=(2, 2), stride=(2, 2))
 * torch.Size([1, 4, 10, 10])
 * ```
 */
export class ConvTranspose2d extends ConvNd {
  /**
   * @param inChannels input channels
   * @param outChannels output channels
   * @param kernelSize kernel size (an int, or one per spatial dim)
   * @param opts stride, padding, output padding, dilation, groups, bias, dtype
   */
  constructor(inChannels: number, outChannels: number, kernelSize: IntOrTuple, opts: ConvTransposeLayerOptions = {}) {
    super(2, inChannels, outChannels, kernelSize, opts, true);
  }
  /** `outputSize` ([H, W] or [N, C, H, W]) picks the output padding that gives that size. */
  override forward(input: Tensor, outputSize?: readonly number[] | null): Tensor {
    expectInput('ConvTranspose2d.forward', input);
    const padding = this.padding as number[];
    let outputPadding = this.outputPadding;
    if (outputSize !== undefined && outputSize !== null) {
      expectIntList('ConvTranspose2d.forward', 'output_size', 2, outputSize);
      if (outputSize.length !== 2 && outputSize.length !== 4) throw new TorchValueError('ConvTranspose2d', `ConvTranspose2d: output_size must have 2 or 4 elements (got ${outputSize.length})`);
      if (input.ndim < 2) throw new TorchRuntimeError('ConvTranspose2d', `Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got input of size: ${fmtShape(input._shape)}`);
      const sizes = outputSize.slice(-2);
      const spatial = input._shape.slice(-2);
      outputPadding = sizes.map((want, i) => {
        const min = (spatial[i]! - 1) * this.stride[i]! - 2 * padding[i]! + this.dilation[i]! * (this.kernelSize[i]! - 1) + 1;
        const extra = want - min;
        if (extra < 0 || extra >= Math.max(this.stride[i]!, this.dilation[i]!)) {
          throw new TorchRuntimeError('ConvTranspose2d', `requested an output size of [${sizes.join(', ')}], but valid sizes range from ${min} to ${min + this.stride[i]! - 1}`);
        }
        return extra;
      });
    }
    return F.convTranspose2d(input, this.weight, this.bias, { stride: this.stride, padding, outputPadding, groups: this.groups, dilation: this.dilation });
  }
}

/**
 * Transposed 3-D convolution over [N, C, D, H, W].
 * @example
 * ```ts pytorch=nn.ConvTranspose3d
 * const conv = new torch.nn.ConvTranspose3d(16, 33, 3, { stride: 2 });
 * console.log(conv);
 * console.log(conv.call(torch.randn(1, 16, 4, 5, 6)).shape);
 * ```
 * ```text
 * ConvTranspose3d(16, 33, kernel_size=(3, 3, 3), stride=(2, 2, 2))
 * torch.Size([1, 33, 9, 11, 13])
 * ```
 */
export class ConvTranspose3d extends ConvNd {
  /**
   * @param inChannels input channels
   * @param outChannels output channels
   * @param kernelSize kernel size (an int, or one per spatial dim)
   * @param opts stride, padding, output padding, dilation, groups, bias, dtype
   */
  constructor(inChannels: number, outChannels: number, kernelSize: IntOrTuple, opts: ConvTransposeLayerOptions = {}) {
    super(3, inChannels, outChannels, kernelSize, opts, true);
  }
  /** `outputSize` ([D, H, W] or [N, C, D, H, W]) picks the output padding that gives that size. */
  override forward(input: Tensor, outputSize?: readonly number[] | null): Tensor {
    expectInput('ConvTranspose3d.forward', input);
    const padding = this.padding as number[];
    let outputPadding = this.outputPadding;
    if (outputSize !== undefined && outputSize !== null) {
      expectIntList('ConvTranspose3d.forward', 'output_size', 2, outputSize);
      if (outputSize.length !== 3 && outputSize.length !== 5) throw new TorchValueError('ConvTranspose3d', `ConvTranspose3d: output_size must have 3 or 5 elements (got ${outputSize.length})`);
      if (input.ndim < 3) throw new TorchRuntimeError('ConvTranspose3d', `Expected 4D (unbatched) or 5D (batched) input to conv_transpose3d, but got input of size: ${fmtShape(input._shape)}`);
      const sizes = outputSize.slice(-3);
      const spatial = input._shape.slice(-3);
      outputPadding = sizes.map((want, i) => {
        const min = (spatial[i]! - 1) * this.stride[i]! - 2 * padding[i]! + this.dilation[i]! * (this.kernelSize[i]! - 1) + 1;
        const extra = want - min;
        if (extra < 0 || extra >= Math.max(this.stride[i]!, this.dilation[i]!)) {
          throw new TorchRuntimeError('ConvTranspose3d', `requested an output size of [${sizes.join(', ')}], but valid sizes range from ${min} to ${min + this.stride[i]! - 1}`);
        }
        return extra;
      });
    }
    return F.convTranspose3d(input, this.weight, this.bias, { stride: this.stride, padding, outputPadding, groups: this.groups, dilation: this.dilation });
  }
}
