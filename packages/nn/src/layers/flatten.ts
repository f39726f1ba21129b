/** `Flatten` and `Unflatten`. */
import type { Tensor } from '@antorcha/core';
import { Module } from '../module.js';
import { pyTuple } from '../utils/pyrepr.js';

/** Flattens dims startDim..endDim (default 1..−1). */
export class Flatten extends Module {
  /** First flattened dim. */
  declare startDim: number;
  /** Last flattened dim. */
  declare endDim: number;
  constructor(startDim = 1, endDim = -1) {
    super();
    this.startDim = startDim;
    this.endDim = endDim;
  }
  override forward(input: Tensor): Tensor {
    return input.flatten(this.startDim, this.endDim);
  }
  override extraRepr(): string {
    return `start_dim=${this.startDim}, end_dim=${this.endDim}`;
  }
}

/** Splits dim `dim` into `unflattenedSize`. */
export class Unflatten extends Module {
  /** The dim that is split. */
  declare dim: number;
  /** Its new sizes. */
  declare unflattenedSize: number[];
  constructor(dim: number, unflattenedSize: readonly number[]) {
    super();
    this.dim = dim;
    this.unflattenedSize = [...unflattenedSize];
  }
  override forward(input: Tensor): Tensor {
    return input.unflatten(this.dim, this.unflattenedSize);
  }
  override extraRepr(): string {
    return `dim=${this.dim}, unflattened_size=${pyTuple(this.unflattenedSize)}`;
  }
}
