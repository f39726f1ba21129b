/** `PixelShuffle` and `PixelUnshuffle`. */
import type { Tensor } from '@antorcha/core';
import { channelShuffle, pixelShuffle, pixelUnshuffle } from '../functional/pixel-shuffle.js';
import { Module } from '../module.js';
import { checkArgs } from './_util.js';

/** [*, C·r², H, W] → [*, C, H·r, W·r]. */
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

/** [*, C, H·r, W·r] → [*, C·r², H, W]. */
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
 * ```ts
 * new nn.ChannelShuffle(2); // ChannelShuffle(groups=2)
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
