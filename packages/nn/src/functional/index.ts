/**
 * `torch.nn.functional` (`F`): stateless versions of the layers, losses and
 * activations, with PyTorch's positional argument order and keyword options
 * as a trailing object.
 * @example
 * ```ts pytorch=nn.F.index
 * import * as torch from 'antorcha';
 * const F = torch.nn.functional;
 * const x = torch.tensor([[-1, 0, 2]], { dtype: 'float32' });
 * console.log(F.relu(x));
 * console.log(F.softmax(x, 1));
 * console.log(F.crossEntropy(x, torch.tensor([2])));
 * ```
 * ```text
 * tensor([[0., 0., 2.]])
 * tensor([[0.0420, 0.1142, 0.8438]])
 * tensor(0.1698)
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
