/** `Flatten` and `Unflatten`. */
import { type Tensor, TorchTypeError, flatten, pyTypeName, unflatten } from '@antorcha/core';
import { Module } from '../module.js';
import { pyTuple } from '../utils/pyrepr.js';
import { checkArgs } from './_util.js';

/**
 * Flattens dims startDim..endDim (default 1..−1).
 * @example
 * ```ts pytorch=nn.Flatten
 * const flat = new torch.nn.Flatten();
 * console.log(flat, flat.call(torch.zeros(2, 3, 4, 5)).shape);
 * ```
 * ```text
 * Flatten(start_dim=1, end_dim=-1) torch.Size([2, 60])
 * ```
 */
export class Flatten extends Module {
  /** First flattened dim. */
  declare startDim: number;
  /** Last flattened dim. */
  declare endDim: number;
  /**
   * @param startDim first flattened dim (default 1)
   * @param endDim last flattened dim (default −1)
   */
  constructor(startDim = 1, endDim = -1) {
    checkArgs('Flatten', [
      ['start_dim', startDim, 'int'],
      ['end_dim', endDim, 'int'],
    ]);
    super();
    this.startDim = startDim;
    this.endDim = endDim;
  }
  override forward(input: Tensor): Tensor {
    return flatten(input, this.startDim, this.endDim);
  }
  override extraRepr(): string {
    return `start_dim=${this.startDim}, end_dim=${this.endDim}`;
  }
}

/**
 * Splits dim `dim` into `unflattenedSize`.
 * @example
 * ```ts pytorch=nn.Unflatten
 * const unflatten = new torch.nn.Unflatten(1, [2, 3]);
 * console.log(unflatten, unflatten.call(torch.zeros(4, 6)).shape);
 * ```
 * ```text
 * Unflatten(dim=1, unflattened_size=(2, 3)) torch.Size([4, 2, 3])
 * ```
 */
export class Unflatten extends Module {
  /** The dim that is split. */
  declare dim: number;
  /** Its new sizes. */
  declare unflattenedSize: number[];
  /**
   * @param dim the dim that is split
   * @param unflattenedSize its new sizes (one may be −1)
   */
  constructor(dim: number, unflattenedSize: readonly number[]) {
    checkArgs('Unflatten', [['dim', dim, 'int']]);
    if (!Array.isArray(unflattenedSize)) throw new TorchTypeError('Unflatten', `unflattened_size must be a tuple of ints, but found type ${pyTypeName(unflattenedSize)}`);
    unflattenedSize.forEach((v: unknown, i) => {
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new TorchTypeError('Unflatten', `unflattened_size must be tuple of ints, but found element of type ${pyTypeName(v)} at pos ${i}`);
    });
    super();
    this.dim = dim;
    this.unflattenedSize = [...unflattenedSize];
  }
  override forward(input: Tensor): Tensor {
    return unflatten(input, this.dim, this.unflattenedSize);
  }
  override extraRepr(): string {
    return `dim=${this.dim}, unflattened_size=${pyTuple(this.unflattenedSize)}`;
  }
}
