/**
 * Dropout with PyTorch's exact masks: the mask is drawn by core's
 * `dropoutMask` (the same Bernoulli stream as PyTorch's CPU dropout) and
 * multiplied in, so the node is `MulBackward0` as in PyTorch.
 */
import { keepRngOnError } from './utils.js';
import { type Generator, type Tensor, TorchRuntimeError, TorchValueError, bernoulli_, boolArg, cppName, dropoutMask, empty, expectNumber, expectTensor, expectBool, keywordArgs, zeros } from '@antorcha/core';

/** PyTorch scales an integer input's noise in place (`noise.div_(1 - p)`), which fails with this text. */
function integerNoise(op: string, input: Tensor): void {
  if (!input.dtype.isFloatingPoint && !input.dtype.isComplex) throw new TorchRuntimeError(op, `result type Float can't be cast to the desired output type ${cppName(input.dtype)}`);
}

/** p = 1: PyTorch multiplies by a 0-dim zero of the input's dtype (a bool input stays bool). */
function zeroed(input: Tensor, inplace: boolean): Tensor {
  const zero = zeros([], { dtype: input.dtype, device: input.device });
  return inplace ? input.mul_(zero) : input.mul(zero);
}

function checkP(p: number): void {
  if (p < 0 || p > 1) throw new TorchValueError('dropout', `dropout probability has to be between 0 and 1, but got ${p}`);
}

/**
 * Options of the dropout functions: PyTorch's keywords, given as the trailing options object in
 * the position of any optional argument (`F.dropout(x, { p: 0.2, training: false })`).
 */
export interface DropoutOptions {
  /** The probability of zeroing an element (default 0.5). */
  p?: number;
  /** Apply dropout (default `true` for dropout/dropout1d/2d/3d, `false` for the alpha dropouts); `false` returns the input. */
  training?: boolean;
  /** Write into the input (default `false`). */
  inplace?: boolean;
  /** Draw from this generator instead of the default one. */
  generator?: Generator;
}

/** A dropout's optional arguments, positional or keyword; `training` and `inplace` must be booleans. */
function dropoutArgs(op: string, values: readonly unknown[], trainingDefault: boolean): { p: number; training: boolean; inplace: boolean; generator?: Generator } {
  const kw = keywordArgs(op, ['p', 'training', 'inplace', 'generator'].slice(0, values.length), values);
  const p = kw.p === undefined ? 0.5 : kw.p;
  expectNumber(op, 'p', 2, p);
  const training = boolArg(op, 'training', 3, kw.training, trainingDefault);
  const inplace = boolArg(op, 'inplace', 4, kw.inplace, false);
  return { p, training, inplace, generator: (kw.generator ?? undefined) as Generator | undefined };
}

/**
 * Zeroes each element with probability `p` and scales the rest by 1/(1−p) when
 * `training`; the identity otherwise.
 * @example
 * ```ts pytorch=nn.F.dropout
 * torch.manualSeed(0);
 * const x = torch.ones(8);
 * console.log(torch.nn.functional.dropout(x, 0.5));
 * console.log(torch.nn.functional.dropout(x, 0.5, false));
 * ```
 * ```text
 * tensor([0., 0., 2., 0., 0., 0., 2., 2.])
 * tensor([1., 1., 1., 1., 1., 1., 1., 1.])
 * ```
 */
export function dropout(input: Tensor, pIn?: number | DropoutOptions, trainingIn?: boolean | DropoutOptions, inplaceIn?: boolean | DropoutOptions, generatorIn?: Generator | DropoutOptions): Tensor {
  expectTensor('dropout', 'input', 1, input);
  const { p, training, inplace, generator } = dropoutArgs('dropout', [pIn, trainingIn, inplaceIn, generatorIn], true);
  expectBool('dropout', 'training', 3, training);
  expectBool('dropout', 'inplace', 4, inplace);
  checkP(p);
  if (!training || p === 0 || input.numel() === 0) return input;
  if (p === 1) return zeroed(input, inplace);
  integerNoise('dropout', input);
  const mask = dropoutMask(input, p, generator ? { generator } : undefined);
  return inplace ? input.mul_(mask) : input.mul(mask);
}

/**
 * Channel dropout for [N, C, *] (or [C, *]) inputs: zeroes whole channels with
 * probability `p` (PyTorch's `feature_dropout`).
 * @example
 * ```ts pytorch=nn.F.dropout2d
 * torch.manualSeed(0);
 * const x = torch.ones(1, 4, 2, 2);
 * console.log(torch.nn.functional.dropout2d(x, 0.5).sum([2, 3])); // whole channels are zeroed
 * ```
 * ```text
 * tensor([[0., 0., 8., 0.]])
 * ```
 */
export function dropout2d(input: Tensor, pIn?: number | DropoutOptions, trainingIn?: boolean | DropoutOptions, inplaceIn?: boolean | DropoutOptions): Tensor {
  expectTensor('dropout2d', 'input', 1, input);
  const { p, training, inplace } = dropoutArgs('dropout2d', [pIn, trainingIn, inplaceIn], true);
  expectBool('dropout2d', 'training', 3, training);
  expectBool('dropout2d', 'inplace', 4, inplace);
  checkP(p);
  if (!training || p === 0 || input.numel() === 0) return input;
  const batched = input.ndim === 4;
  const shape = batched ? [input._shape[0]!, input._shape[1]!, 1, 1] : [input._shape[0]!, 1, 1];
  if (p === 1) return zeroed(input, inplace);
  integerNoise('dropout2d', input);
  const mask = dropoutMask(empty(shape, { dtype: input.dtype, device: input.device }), p);
  return inplace ? input.mul_(mask) : input.mul(mask);
}

/** SELU's negative saturation −λα (ATen's `alpha` of alpha dropout). */
const ALPHA_DROPOUT_ALPHA = 1.7580993408473766;

/**
 * ATen's `_dropout_impl`: the noise (one element per input element, or per [N, C] channel
 * for the feature variants) is drawn with `bernoulli_(1 − p)` in the input's dtype, then
 * scaled by 1/(1−p) (plain dropout) or turned into alpha dropout's affine a·x + b.
 */
function dropoutImpl(op: string, input: Tensor, p: number, training: boolean, inplace: boolean, feature: boolean, alpha: boolean, generator?: Generator, lead = 2): Tensor {
  expectNumber(op, 'p', 2, p);
  if (p < 0 || p > 1) throw new TorchValueError(op, `dropout probability has to be between 0 and 1, but got ${p}`);
  if (p === 0 || !training || input.numel() === 0) return input;
  if (p === 1) return zeroed(input, inplace);
  // `lead` = 1: an unbatched input PyTorch unsqueezes to a batch of one (the same draws)
  if (feature && input.ndim + 2 - lead < 2) throw new TorchRuntimeError(op, 'Feature dropout requires at least 2 dimensions in the input');
  const shape = feature ? input._shape.map((s, i) => (i < lead ? s : 1)) : input._shape;
  return keepRngOnError(generator, () => {
    const noise = bernoulli_(empty(shape, { dtype: input.dtype, device: input.device }), 1 - p, generator ? { generator } : undefined);
    if (!alpha) {
      const scaled = noise.div_(1 - p);
      return inplace ? input.mul_(scaled) : input.mul(scaled);
    }
    const a = 1 / Math.sqrt((ALPHA_DROPOUT_ALPHA * ALPHA_DROPOUT_ALPHA * p + 1) * (1 - p));
    const b = noise.add(-1).mul_(ALPHA_DROPOUT_ALPHA * a).add_(ALPHA_DROPOUT_ALPHA * a * p);
    noise.mul_(a);
    return inplace ? input.mul_(noise).add_(b) : input.mul(noise).add_(b);
  });
}

function checkFlags(op: string, training: boolean, inplace: boolean): void {
  expectBool(op, 'training', 3, training);
  expectBool(op, 'inplace', 4, inplace);
}

/**
 * Channel dropout for [N, C, L] (or [C, L]) inputs: zeroes whole channels with
 * probability `p` and scales the rest by 1/(1−p).
 * @example
 * ```ts pytorch=nn.F.dropout1d
 * torch.manualSeed(0);
 * console.log(torch.nn.functional.dropout1d(torch.ones(1, 4, 3), 0.5)); // whole channels of [N, C, L]
 * ```
 * ```text
 * tensor([[[0., 0., 0.],
 *          [0., 0., 0.],
 *          [2., 2., 2.],
 *          [0., 0., 0.]]])
 * ```
 */
export function dropout1d(input: Tensor, pIn?: number | DropoutOptions, trainingIn?: boolean | DropoutOptions, inplaceIn?: boolean | DropoutOptions, generatorIn?: Generator | DropoutOptions): Tensor {
  expectTensor('dropout1d', 'input', 1, input);
  const { p, training, inplace, generator } = dropoutArgs('dropout1d', [pIn, trainingIn, inplaceIn, generatorIn], true);
  checkFlags('dropout1d', training, inplace);
  expectNumber('dropout1d', 'p', 2, p);
  if (p < 0 || p > 1) throw new TorchValueError('dropout1d', `dropout probability has to be between 0 and 1, but got ${p}`);
  const d = input.ndim;
  if (d !== 2 && d !== 3) {
    throw new TorchRuntimeError(
      'dropout1d',
      `dropout1d: Expected 2D or 3D input, but received a ${d}D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).`,
    );
  }
  return featureBatched('dropout1d', input, d === 3, p, training, inplace, false, generator);
}

/** Runs a feature dropout on a batch of one when `batched` is false (PyTorch's unsqueeze/squeeze). */
function featureBatched(op: string, input: Tensor, batched: boolean, p: number, training: boolean, inplace: boolean, alpha: boolean, generator?: Generator): Tensor {
  if (batched || inplace) return dropoutImpl(op, input, p, training, inplace, true, alpha, generator, batched ? 2 : 1);
  // as PyTorch: a batch of one (the same draws), squeezed back
  return dropoutImpl(op, input.unsqueeze(0), p, training, false, true, alpha, generator).squeeze(0);
}

/**
 * Channel dropout for [N, C, D, H, W] (or [C, D, H, W]) inputs: zeroes whole channels with
 * probability `p` and scales the rest by 1/(1−p).
 * @example
 * ```ts pytorch=nn.F.dropout3d
 * torch.manualSeed(0);
 * console.log(torch.nn.functional.dropout3d(torch.ones(1, 4, 1, 1, 2), 0.5).flatten());
 * ```
 * ```text
 * tensor([0., 0., 0., 0., 2., 2., 0., 0.])
 * ```
 */
export function dropout3d(input: Tensor, pIn?: number | DropoutOptions, trainingIn?: boolean | DropoutOptions, inplaceIn?: boolean | DropoutOptions, generatorIn?: Generator | DropoutOptions): Tensor {
  expectTensor('dropout3d', 'input', 1, input);
  const { p, training, inplace, generator } = dropoutArgs('dropout3d', [pIn, trainingIn, inplaceIn, generatorIn], true);
  checkFlags('dropout3d', training, inplace);
  expectNumber('dropout3d', 'p', 2, p);
  if (p < 0 || p > 1) throw new TorchValueError('dropout3d', `dropout probability has to be between 0 and 1, but got ${p}`);
  return featureBatched('dropout3d', input, input.ndim === 5, p, training, inplace, false, generator);
}

/**
 * Alpha dropout (for SELU networks): dropped elements are set to SELU's negative saturation
 * and the result is shifted and scaled to keep zero mean and unit variance. As in
 * PyTorch, `training` defaults to false (the identity).
 * @example
 * ```ts pytorch=nn.F.alphaDropout
 * torch.manualSeed(0);
 * console.log(torch.nn.functional.alphaDropout(torch.tensor([-1, 0, 1, 2], { dtype: 'float32' }), 0.5, true));
 * ```
 * ```text
 * tensor([-0.7792, -0.7792,  1.6656, -0.7792])
 * ```
 */
export function alphaDropout(input: Tensor, pIn?: number | DropoutOptions, trainingIn?: boolean | DropoutOptions, inplaceIn?: boolean | DropoutOptions, generatorIn?: Generator | DropoutOptions): Tensor {
  expectTensor('alpha_dropout', 'input', 1, input);
  const { p, training, inplace, generator } = dropoutArgs('alpha_dropout', [pIn, trainingIn, inplaceIn, generatorIn], false);
  checkFlags('alpha_dropout', training, inplace);
  return dropoutImpl('alpha_dropout', input, p, training, inplace, false, true, generator);
}

/**
 * Alpha dropout of whole channels of [N, C, *] inputs (`training` defaults to false, as in
 * PyTorch).
 * @example
 * ```ts pytorch=nn.F.featureAlphaDropout
 * torch.manualSeed(0);
 * console.log(torch.nn.functional.featureAlphaDropout(torch.ones(1, 4, 2), 0.5, true));
 * ```
 * ```text
 * tensor([[[-0.7792, -0.7792],
 *          [-0.7792, -0.7792],
 *          [ 1.6656,  1.6656],
 *          [-0.7792, -0.7792]]])
 * ```
 */
export function featureAlphaDropout(input: Tensor, pIn?: number | DropoutOptions, trainingIn?: boolean | DropoutOptions, inplaceIn?: boolean | DropoutOptions, generatorIn?: Generator | DropoutOptions): Tensor {
  expectTensor('feature_alpha_dropout', 'input', 1, input);
  const { p, training, inplace, generator } = dropoutArgs('feature_alpha_dropout', [pIn, trainingIn, inplaceIn, generatorIn], false);
  checkFlags('feature_alpha_dropout', training, inplace);
  return dropoutImpl('feature_alpha_dropout', input, p, training, inplace, true, true, generator);
}
