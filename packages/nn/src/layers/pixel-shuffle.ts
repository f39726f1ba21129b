/** `PixelShuffle` and `PixelUnshuffle`. */
import type { Tensor } from '@antorcha/core';
import { channelShuffle, pixelShuffle, pixelUnshuffle } from '../functional/pixel-shuffle.js';
import { Module } from '../module.js';
import { checkArgs } from './_util.js';

/**
 * [*, C·r², H, W] → [*, C, H·r, W·r].
 * @example
 * ```ts pytorch=nn.PixelShuffle
 * const ps = new torch.nn.PixelShuffle(2);
 * console.log(ps);
 * console.log(ps.call(torch.arange(4, { dtype: 'float32' }).reshape(1, 4, 1, 1)));
 * ```
 * ```text
 * PixelShuffle(upscale_factor=2)
 * tensor([[[[0., 1.],
 *           [2., 3.]]]])
 * ```
 */
export class PixelShuffle extends Module {
  /** r. */
  declare upscaleFactor: number;
  /** @param upscaleFactor r (a positive integer) */
  constructor(upscaleFactor: number) {
    checkArgs('PixelShuffle', [['upscale_factor', upscaleFactor, 'positive']]);
    super();
    this.upscaleFactor = upscaleFactor;
  }
  override forward(input: Tensor): Tensor {
    return pixelShuffle(input, this.upscaleFactor);
  }
  override extraRepr(): string {
    return `upscale_factor=${this.upscaleFactor}`;
  }
}

/**
 * [*, C, H·r, W·r] → [*, C·r², H, W].
 * @example
 * ```ts pytorch=nn.PixelUnshuffle
 * const unshuffle = new torch.nn.PixelUnshuffle(2);
 * console.log(unshuffle, unshuffle.call(torch.zeros(1, 3, 8, 8)).shape);
 * ```
 * ```text
 * PixelUnshuffle(downscale_factor=2) torch.Size([1, 12, 4, 4])
 * ```
 */
export class PixelUnshuffle extends Module {
  /** r. */
  declare downscaleFactor: number;
  /** @param downscaleFactor r (a positive integer) */
  constructor(downscaleFactor: number) {
    checkArgs('PixelUnshuffle', [['downscale_factor', downscaleFactor, 'positive']]);
    super();
    this.downscaleFactor = downscaleFactor;
  }
  override forward(input: Tensor): Tensor {
    return pixelUnshuffle(input, this.downscaleFactor);
  }
  override extraRepr(): string {
    return `downscale_factor=${this.downscaleFactor}`;
  }
}

/**
 * Interleaves the channels of [N, C, *] in `groups` groups (ShuffleNet).
 * @example
 * ```ts pytorch=nn.ChannelShuffle
 * const shuffle = new torch.nn.ChannelShuffle(2);
 * console.log(shuffle);
 * console.log(shuffle.call(torch.arange(4).reshape(1, 4, 1, 1)).flatten());
 * ```
 * ```text
 * ChannelShuffle(groups=2)
 * tensor([0, 2, 1, 3])
 * ```
 */
export class ChannelShuffle extends Module {
  /** Number of groups. */
  declare groups: number;
  /** @param groups number of groups the channels are divided into */
  constructor(groups: number) {
    checkArgs('ChannelShuffle', [['groups', groups, 'int']]);
    super();
    this.groups = groups;
  }
  override forward(input: Tensor): Tensor {
    return channelShuffle(input, this.groups);
  }
  override extraRepr(): string {
    return `groups=${this.groups}`;
  }
}
