/** `Fold` and `Unfold`: sliding local blocks ↔ columns. */
import type { Tensor } from '@antorcha/core';
import { fold, unfold } from '../functional/fold.js';
import type { IntOrTuple } from '../functional/utils.js';
import { Module } from '../module.js';
import { pyIntOrTuple } from '../utils/pyrepr.js';
import { checkArgs, checkOptions } from './_util.js';

/** Options of {@link Fold} and {@link Unfold}. */
export interface FoldLayerOptions {
  /** Spacing between block elements (default 1). */
  dilation?: IntOrTuple;
  /** Zero padding on both sides (default 0). */
  padding?: IntOrTuple;
  /** Step between blocks (default 1). */
  stride?: IntOrTuple;
}

abstract class FoldBase extends Module {
  /** Block size. */
  declare kernelSize: IntOrTuple;
  /** Dilation. */
  declare dilation: IntOrTuple;
  /** Padding. */
  declare padding: IntOrTuple;
  /** Stride. */
  declare stride: IntOrTuple;
  /**
   * @param kernelSize block size
   * @param opts dilation, padding, stride
   * @param pos position of the options argument
   */
  constructor(kernelSize: IntOrTuple, opts: FoldLayerOptions, pos: number) {
    const op = new.target.name;
    checkArgs(op, [['kernel_size', kernelSize, 'ints']]);
    opts = checkOptions(op, opts, { dilation: 'ints', padding: 'ints', stride: 'ints' }, pos);
    super();
    this.kernelSize = kernelSize;
    this.dilation = opts.dilation ?? 1;
    this.padding = opts.padding ?? 0;
    this.stride = opts.stride ?? 1;
  }
  protected geometryRepr(): string {
    return `kernel_size=${pyIntOrTuple(this.kernelSize)}, dilation=${pyIntOrTuple(this.dilation)}, padding=${pyIntOrTuple(this.padding)}, stride=${pyIntOrTuple(this.stride)}`;
  }
}

/**
 * Combines sliding blocks [N, C·∏k, L] into an image [N, C, *outputSize], summing overlaps.
 * @example
 * ```ts pytorch=nn.Fold
 * const cols = torch.ones(1, 4, 12); // [N, C * 2 * 2, blocks]
 * const fold = new torch.nn.Fold([4, 5], 2);
 * console.log(fold);
 * console.log(fold.call(cols)); // overlapping blocks add up
 * ```
 * ```text
 * Fold(output_size=(4, 5), kernel_size=2, dilation=1, padding=0, stride=1)
 * tensor([[[[1., 2., 2., 2., 1.],
 *           [2., 4., 4., 4., 2.],
 *           [2., 4., 4., 4., 2.],
 *           [1., 2., 2., 2., 1.]]]])
 * ```
 */
export class Fold extends FoldBase {
  /** Spatial size of the output. */
  declare outputSize: IntOrTuple;
  /**
   * @param outputSize spatial size of the output
   * @param kernelSize block size
   * @param opts dilation, padding, stride
   */
  constructor(outputSize: IntOrTuple, kernelSize: IntOrTuple, opts: FoldLayerOptions = {}) {
    checkArgs('Fold', [['output_size', outputSize, 'ints']]);
    super(kernelSize, opts, 3);
    this.outputSize = outputSize;
  }
  override forward(input: Tensor): Tensor {
    return fold(input, this.outputSize, this.kernelSize, { dilation: this.dilation, padding: this.padding, stride: this.stride });
  }
  override extraRepr(): string {
    return `output_size=${pyIntOrTuple(this.outputSize)}, ${this.geometryRepr()}`;
  }
}

/**
 * Extracts sliding local blocks of [N, C, H, W] as columns [N, C·∏k, L].
 * @example
 * ```ts pytorch=nn.Unfold
 * const unfold = new torch.nn.Unfold(2, { stride: 2 });
 * console.log(unfold);
 * console.log(unfold.call(torch.randn(1, 3, 4, 6)).shape); // [N, C * 2 * 2, 2 * 3]
 * ```
 * ```text
 * Unfold(kernel_size=2, dilation=1, padding=0, stride=2)
 * torch.Size([1, 12, 6])
 * ```
 */
export class Unfold extends FoldBase {
  /**
   * @param kernelSize block size
   * @param opts dilation, padding, stride
   */
  constructor(kernelSize: IntOrTuple, opts: FoldLayerOptions = {}) {
    super(kernelSize, opts, 2);
  }
  override forward(input: Tensor): Tensor {
    return unfold(input, this.kernelSize, { dilation: this.dilation, padding: this.padding, stride: this.stride });
  }
  override extraRepr(): string {
    return this.geometryRepr();
  }
}
