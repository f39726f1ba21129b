/** `F.pixelShuffle` / `F.pixelUnshuffle`: channels ↔ space rearrangements (sub-pixel convolution). */
import { fusedNode } from '@antorcha/autograd';
import { type Tensor, TorchRuntimeError, fmtShape, expectInt, expectTensor } from '@antorcha/core';

/**
 * [*, C·r², H, W] → [*, C, H·r, W·r] (`PixelShuffleBackward0`).
 * @example
 * ```ts pytorch=nn.F.pixelShuffle
 * const x = torch.arange(8, { dtype: 'float32' }).reshape(1, 8, 1, 1);
 * console.log(torch.nn.functional.pixelShuffle(x, 2)); // [1, 2, 2, 2]
 * ```
 * ```text
 * tensor([[[[0., 1.],
 *           [2., 3.]],
 *
 *          [[4., 5.],
 *           [6., 7.]]]])
 * ```
 */
export function pixelShuffle(input: Tensor, upscaleFactor: number): Tensor {
  expectTensor('pixel_shuffle', 'input', 1, input);
  const op = 'pixel_shuffle';
  const r = upscaleFactor;
  if (input.ndim < 3) throw new TorchRuntimeError(op, `pixel_shuffle expects its input to have at least 3 dimensions, but got input with ${input.ndim} dimension(s)`);
  if (!(r > 0)) throw new TorchRuntimeError(op, `pixel_shuffle expects a positive upscale_factor, but got ${r}`);
  const lead = input._shape.slice(0, -3);
  const [c, h, w] = input._shape.slice(-3) as [number, number, number];
  if (c % (r * r) !== 0) {
    throw new TorchRuntimeError(op, `pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=${c} is not divisible by ${r * r}`);
  }
  const n = lead.length;
  return fusedNode('PixelShuffleBackward0', [input], (x) =>
    x
      .reshape([...lead, c / (r * r), r, r, h, w])
      .permute([...lead.map((_, i) => i), n, n + 3, n + 1, n + 4, n + 2])
      .reshape([...lead, c / (r * r), h * r, w * r]),
  );
}

/**
 * [*, C, H·r, W·r] → [*, C·r², H, W] (`PixelUnshuffleBackward0`).
 * @example
 * ```ts pytorch=nn.F.pixelUnshuffle
 * const x = torch.arange(4, { dtype: 'float32' }).reshape(1, 1, 2, 2);
 * console.log(torch.nn.functional.pixelUnshuffle(x, 2).flatten(), torch.nn.functional.pixelUnshuffle(x, 2).shape);
 * ```
 * ```text
 * tensor([0., 1., 2., 3.]) torch.Size([1, 4, 1, 1])
 * ```
 */
export function pixelUnshuffle(input: Tensor, downscaleFactor: number): Tensor {
  expectTensor('pixel_unshuffle', 'input', 1, input);
  const op = 'pixel_unshuffle';
  const r = downscaleFactor;
  if (input.ndim < 3) throw new TorchRuntimeError(op, `pixel_unshuffle expects its input to have at least 3 dimensions, but got input with ${input.ndim} dimension(s)`);
  if (!(r > 0)) throw new TorchRuntimeError(op, `pixel_unshuffle expects a positive downscale_factor, but got ${r}`);
  const lead = input._shape.slice(0, -3);
  const [c, h, w] = input._shape.slice(-3) as [number, number, number];
  if (h % r !== 0) throw new TorchRuntimeError(op, `pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)=${h} is not divisible by ${r}`);
  if (w % r !== 0) throw new TorchRuntimeError(op, `pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)=${w} is not divisible by ${r}`);
  const n = lead.length;
  return fusedNode('PixelUnshuffleBackward0', [input], (x) =>
    x
      .reshape([...lead, c, h / r, r, w / r, r])
      .permute([...lead.map((_, i) => i), n, n + 2, n + 4, n + 1, n + 3])
      .reshape([...lead, c * r * r, h / r, w / r]),
  );
}

/**
 * Rearranges the channels of [N, C, *] into `groups` interleaved groups: [N, g, C/g, *] →
 * [N, C/g, g, *] → [N, C, *] (ShuffleNet).
 * @example
 * ```ts pytorch=nn.F.channelShuffle
 * const x = torch.arange(4).reshape(1, 4, 1, 1);
 * console.log(torch.nn.functional.channelShuffle(x, 2).flatten());
 * ```
 * ```text
 * tensor([0, 2, 1, 3])
 * ```
 */
export function channelShuffle(input: Tensor, groups: number): Tensor {
  const op = 'channel_shuffle';
  expectTensor(op, 'input', 1, input);
  expectInt(op, 'groups', 2, groups);
  if (input.ndim <= 2) throw new TorchRuntimeError(op, `channel_shuffle expects input with > 2 dims, but got input with sizes ${fmtShape(input._shape)}`);
  if (groups <= 0) throw new TorchRuntimeError(op, `Number of groups to divide channels in must be positive. Value of groups:${groups}`);
  const [n, c] = input._shape as [number, number];
  if (c % groups !== 0) throw new TorchRuntimeError(op, `Number of channels must be divisible by groups. Got ${c} channels and ${groups} groups.`);
  const rest = input._shape.slice(2);
  return input
    .reshape([n, groups, c / groups, ...rest])
    .transpose(1, 2)
    .reshape([n, c, ...rest]);
}
