/**
 * `torch.nn.functional` (`F`): stateless versions of the layers, losses and
 * activations, with PyTorch's positional argument order and keyword options
 * as a trailing object.
 * @example
 * ```ts
 * import { nn } from '@antorcha/nn';
 * const F = nn.functional;
 * F.dropout(x, 0.5, true);
 * F.maxPool2d(x, 2);
 * F.crossEntropy(logits, labels, { labelSmoothing: 0.1 });
 * ```
 * @packageDocumentation
 */
export * from './activation.js';
export * from './conv.js';
export * from './dropout.js';
export * from './linear.js';
export * from './loss.js';
export * from './normalization.js';
export * from './padding.js';
export * from './pooling.js';
export * from './upsample.js';
export * from './pixel-shuffle.js';
export { multiHeadAttentionForward, type MultiHeadAttentionForwardOptions } from './attention.js';
export type { IntOrTuple, Reduction } from './utils.js';
export * from './fold.js';
export * from './distance.js';
export * from './vision.js';
