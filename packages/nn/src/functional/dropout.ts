/**
 * Dropout with PyTorch's exact masks: the mask is drawn by core's
 * `dropoutMask` (the same Bernoulli stream as PyTorch's CPU dropout) and
 * multiplied in, so the node is `MulBackward0` as in PyTorch.
 */
import { type Generator, type Tensor, TorchValueError, dropoutMask, empty, expectTensor, expectBool } from '@antorcha/core';

function checkP(p: number): void {
  if (p < 0 || p > 1) throw new TorchValueError('dropout', `dropout probability has to be between 0 and 1, but got ${p}`);
}

/**
 * Zeroes each element with probability `p` and scales the rest by 1/(1−p) when
 * `training`; the identity otherwise.
 * @example
 * ```ts
 * F.dropout(x, 0.5, true);
 * ```
 */
export function dropout(input: Tensor, p = 0.5, training = true, inplace = false, generator?: Generator): Tensor {
  expectTensor('dropout', 'input', 1, input);
  expectBool('dropout', 'training', 3, training);
  expectBool('dropout', 'inplace', 4, inplace);
  checkP(p);
  if (!training || p === 0 || input.numel() === 0) return input;
  if (p === 1) return inplace ? input.mul_(0) : input.mul(0);
  const mask = dropoutMask(input, p, generator ? { generator } : undefined);
  return inplace ? input.mul_(mask) : input.mul(mask);
}

/**
 * Channel dropout for [N, C, *] (or [C, *]) inputs: zeroes whole channels with
 * probability `p` (PyTorch's `feature_dropout`).
 */
export function dropout2d(input: Tensor, p = 0.5, training = true, inplace = false): Tensor {
  expectTensor('dropout2d', 'input', 1, input);
  expectBool('dropout2d', 'training', 3, training);
  expectBool('dropout2d', 'inplace', 4, inplace);
  checkP(p);
  if (!training || p === 0 || input.numel() === 0) return input;
  const batched = input.ndim === 4;
  const shape = batched ? [input._shape[0]!, input._shape[1]!, 1, 1] : [input._shape[0]!, 1, 1];
  if (p === 1) return inplace ? input.mul_(0) : input.mul(0);
  const mask = dropoutMask(empty(shape, { dtype: input.dtype, device: input.device }), p);
  return inplace ? input.mul_(mask) : input.mul(mask);
}
