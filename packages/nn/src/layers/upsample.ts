/** `Upsample`, `UpsamplingNearest2d`, `UpsamplingBilinear2d` (PyTorch's modules over `F.interpolate`). */
import type { Tensor } from '@antorcha/core';
import { interpolate } from '../functional/upsample.js';
import { Module } from '../module.js';
import { pyFloat } from '../utils/pyrepr.js';

/** Options of {@link Upsample}. */
export interface UpsampleOptions {
  /** Output size of the spatial dims. */
  size?: number | readonly number[] | null;
  /** Multiplier of the spatial dims. */
  scaleFactor?: number | null;
  /** `'nearest'` (default), `'linear'` or `'bilinear'`. */
  mode?: 'nearest' | 'linear' | 'bilinear';
  /** Linear modes: align corner pixels. */
  alignCorners?: boolean | null;
}

/** Resizes the spatial dims of its input (see `F.interpolate`). */
export class Upsample extends Module {
  /** Output size, or null. */
  declare size: number | readonly number[] | null;
  /** Scale factor (a float, as PyTorch stores it), or null. */
  declare scaleFactor: number | null;
  /** Interpolation mode. */
  declare mode: 'nearest' | 'linear' | 'bilinear';
  /** Corner alignment of the linear modes. */
  declare alignCorners: boolean | null;
  constructor(opts: UpsampleOptions = {}) {
    super();
    this.size = opts.size ?? null;
    this.scaleFactor = opts.scaleFactor ? opts.scaleFactor : null;
    this.mode = opts.mode ?? 'nearest';
    this.alignCorners = opts.alignCorners ?? null;
  }
  override forward(input: Tensor): Tensor {
    return interpolate(input, { size: this.size, scaleFactor: this.scaleFactor, mode: this.mode, alignCorners: this.alignCorners });
  }
  override extraRepr(): string {
    const s = this.size;
    const info = this.scaleFactor !== null ? `scale_factor=${pyFloat(this.scaleFactor)}` : `size=${typeof s === 'number' ? s : `(${(s ?? []).join(', ')})`}`;
    return `${info}, mode=${this.mode}`;
  }
}

/** Nearest-neighbour 2-D upsampling. */
export class UpsamplingNearest2d extends Upsample {
  constructor(opts: { size?: number | readonly number[] | null; scaleFactor?: number | null } = {}) {
    super({ ...opts, mode: 'nearest' });
  }
}

/** Bilinear 2-D upsampling with aligned corners. */
export class UpsamplingBilinear2d extends Upsample {
  constructor(opts: { size?: number | readonly number[] | null; scaleFactor?: number | null } = {}) {
    super({ ...opts, mode: 'bilinear', alignCorners: true });
  }
}
