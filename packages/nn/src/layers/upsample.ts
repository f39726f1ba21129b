/** `Upsample`, `UpsamplingNearest2d`, `UpsamplingBilinear2d` (PyTorch's modules over `F.interpolate`). */
import type { Tensor } from '@antorcha/core';
import { interpolate } from '../functional/upsample.js';
import { Module } from '../module.js';
import { pyFloat } from '../utils/pyrepr.js';
import { type ArgKind, checkArg, checkOptions } from './_util.js';

const SIZE_OPTIONS: Readonly<Record<string, ArgKind>> = { size: 'ints?', scaleFactor: 'any' };

/** A scale factor: a number, a list of numbers (one per spatial dim), or null. */
function checkScale(op: string, v: unknown): void {
  if (Array.isArray(v)) v.forEach((f: unknown) => checkArg(op, 'scale_factor', undefined, f, 'number'));
  else if (v !== undefined) checkArg(op, 'scale_factor', undefined, v, 'number?');
}

/** Options of {@link Upsample}. */
export interface UpsampleOptions {
  /** Output size of the spatial dims. */
  size?: number | readonly number[] | null;
  /** Multiplier of the spatial dims (one, or one per spatial dim). */
  scaleFactor?: number | readonly number[] | null;
  /** `'nearest'` (default), `'linear'` or `'bilinear'`. */
  mode?: 'nearest' | 'linear' | 'bilinear';
  /** Linear modes: align corner pixels. */
  alignCorners?: boolean | null;
}

/**
 * Resizes the spatial dims of its input (see `F.interpolate`).
 * @example
 * ```ts pytorch=nn.Upsample
 * const up = new torch.nn.Upsample({ scaleFactor: 2, mode: 'nearest' });
 * console.log(up);
 * console.log(up.call(torch.tensor([[[1, 2]]], { dtype: 'float32' })));
 * ```
 * ```text
 * Upsample(scale_factor=2.0, mode=nearest)
 * tensor([[[1., 1., 2., 2.]]])
 * ```
 */
export class Upsample extends Module {
  /** Output size, or null. */
  declare size: number | readonly number[] | null;
  /** Scale factor (a float or one per spatial dim, as PyTorch stores it), or null. */
  declare scaleFactor: number | readonly number[] | null;
  /** Interpolation mode. */
  declare mode: 'nearest' | 'linear' | 'bilinear';
  /** Corner alignment of the linear modes. */
  declare alignCorners: boolean | null;
  /** @param opts output size or scale factor, mode, corner alignment */
  constructor(opts: UpsampleOptions = {}) {
    opts = checkOptions(new.target.name, opts, { ...SIZE_OPTIONS, mode: ['nearest', 'linear', 'bilinear'], alignCorners: 'bool?' }, 1);
    checkScale(new.target.name, opts.scaleFactor);
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
    const f = this.scaleFactor;
    const scale = f === null ? '' : typeof f === 'number' ? pyFloat(f) : `(${f.map((v) => pyFloat(v)).join(', ')})`;
    const info = f !== null ? `scale_factor=${scale}` : `size=${typeof s === 'number' ? s : `(${(s ?? []).join(', ')})`}`;
    return `${info}, mode=${this.mode}`;
  }
}

/**
 * Nearest-neighbour 2-D upsampling.
 * @example
 * ```ts pytorch=nn.UpsamplingNearest2d
 * const up = new torch.nn.UpsamplingNearest2d({ scaleFactor: 2 });
 * console.log(up);
 * console.log(up.call(torch.tensor([[[[1, 2]]]], { dtype: 'float32' })));
 * ```
 * ```text
 * UpsamplingNearest2d(scale_factor=2.0, mode=nearest)
 * tensor([[[[1., 1., 2., 2.],
 *           [1., 1., 2., 2.]]]])
 * ```
 */
export class UpsamplingNearest2d extends Upsample {
  /** @param opts output size or scale factor */
  constructor(opts: { size?: number | readonly number[] | null; scaleFactor?: number | readonly number[] | null } = {}) {
    super({ ...checkOptions('UpsamplingNearest2d', opts, SIZE_OPTIONS, 1), mode: 'nearest' });
  }
}

/**
 * Bilinear 2-D upsampling with aligned corners.
 * @example
 * ```ts pytorch=nn.UpsamplingBilinear2d
 * const up = new torch.nn.UpsamplingBilinear2d({ size: [3, 3] });
 * console.log(up);
 * console.log(up.call(torch.tensor([[[[1, 2], [3, 4]]]], { dtype: 'float32' })));
 * ```
 * ```text
 * UpsamplingBilinear2d(size=(3, 3), mode=bilinear)
 * tensor([[[[1.0000, 1.5000, 2.0000],
 *           [2.0000, 2.5000, 3.0000],
 *           [3.0000, 3.5000, 4.0000]]]])
 * ```
 */
export class UpsamplingBilinear2d extends Upsample {
  /** @param opts output size or scale factor */
  constructor(opts: { size?: number | readonly number[] | null; scaleFactor?: number | readonly number[] | null } = {}) {
    super({ ...checkOptions('UpsamplingBilinear2d', opts, SIZE_OPTIONS, 1), mode: 'bilinear', alignCorners: true });
  }
}
