/** `Dropout` and `Dropout2d`. */
import { type Tensor, TorchValueError } from '@antorcha/core';
import * as F from '../functional/dropout.js';
import { Module } from '../module.js';
import { pyBool, pyFloat } from '../utils/pyrepr.js';
import { checkArgs, ctorArgs } from './_util.js';

abstract class DropoutNd extends Module {
  /** Drop probability. */
  declare p: number;
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  /**
   * @param p drop probability (default 0.5)
   * @param inplace overwrite the input (default false)
   */
  constructor(p?: number | { p?: number; inplace?: boolean }, inplace?: boolean | { p?: number; inplace?: boolean }) {
    const kw = ctorArgs(new.target.name, ['p', 'inplace'], [p, inplace], [0.5, false]);
    p = kw[0] as number;
    inplace = kw[1] as boolean;
    checkArgs(new.target.name, [
      ['p', p, 'number'],
      ['inplace', inplace, 'bool'],
    ]);
    super();
    if (!(p >= 0 && p <= 1)) throw new TorchValueError('Dropout', `dropout probability has to be between 0 and 1, but got ${p}`);
    this.p = p;
    this.inplace = inplace;
  }
  override extraRepr(): string {
    return `p=${pyFloat(this.p)}, inplace=${pyBool(this.inplace)}`;
  }
}

/**
 * Zeroes elements with probability `p` in training mode (masks drawn exactly as
 * PyTorch draws them), scaling the rest by 1/(1−p); the identity in eval mode.
 * @example
 * ```ts pytorch=nn.Dropout
 * torch.manualSeed(0);
 * const drop = new torch.nn.Dropout(0.5);
 * const x = torch.ones(2, 4);
 * console.log(drop.call(x)); // training: zeros half, scales the rest by 2
 * console.log(drop.eval().call(x)); // eval: the identity
 * ```
 * ```text
 * tensor([[0., 0., 2., 0.],
 *         [0., 0., 2., 2.]])
 * tensor([[1., 1., 1., 1.],
 *         [1., 1., 1., 1.]])
 * ```
 */
export class Dropout extends DropoutNd {
  override forward(input: Tensor): Tensor {
    return F.dropout(input, this.p, this.training, this.inplace);
  }
}

/**
 * Zeroes whole channels of [N, C, H, W] with probability `p` in training mode.
 * @example
 * ```ts pytorch=nn.Dropout2d
 * torch.manualSeed(0);
 * const drop = new torch.nn.Dropout2d(0.5);
 * console.log(drop.call(torch.ones(1, 4, 2, 2)).sum([2, 3])); // whole channels are zeroed, the rest × 2
 * ```
 * ```text
 * tensor([[0., 0., 8., 0.]])
 * ```
 */
export class Dropout2d extends DropoutNd {
  override forward(input: Tensor): Tensor {
    return F.dropout2d(input, this.p, this.training, this.inplace);
  }
}

/**
 * Zeroes whole channels of [N, C, L] (or [C, L]) with probability `p` in training mode.
 * @example
 * ```ts pytorch=nn.Dropout1d
 * torch.manualSeed(0);
 * const drop = new torch.nn.Dropout1d(0.5);
 * console.log(drop, drop.call(torch.ones(1, 4, 2)));
 * ```
 * ```text
 * Dropout1d(p=0.5, inplace=False) tensor([[[0., 0.],
 *          [0., 0.],
 *          [2., 2.],
 *          [0., 0.]]])
 * ```
 */
export class Dropout1d extends DropoutNd {
  override forward(input: Tensor): Tensor {
    return F.dropout1d(input, this.p, this.training, this.inplace);
  }
}

/**
 * Zeroes whole channels of [N, C, D, H, W] (or [C, D, H, W]) with probability `p` in training mode.
 * @example
 * ```ts pytorch=nn.Dropout3d
 * torch.manualSeed(0);
 * const drop = new torch.nn.Dropout3d(0.5);
 * console.log(drop.call(torch.ones(1, 4, 2, 2, 2)).sum([2, 3, 4]));
 * ```
 * ```text
 * tensor([[ 0.,  0., 16.,  0.]])
 * ```
 */
export class Dropout3d extends DropoutNd {
  override forward(input: Tensor): Tensor {
    return F.dropout3d(input, this.p, this.training, this.inplace);
  }
}

/**
 * Alpha dropout for self-normalising (SELU) networks: keeps zero mean and unit variance
 * in training mode; the identity in eval mode.
 * @example
 * ```ts pytorch=nn.AlphaDropout
 * torch.manualSeed(0);
 * const model = new torch.nn.Sequential(new torch.nn.SELU(), new torch.nn.AlphaDropout(0.2));
 * console.log(model);
 * console.log(model.call(torch.tensor([-1, 0, 1, 2], { dtype: 'float32' })));
 * ```
 * ```text
 * Sequential(
 *   (0): SELU()
 *   (1): AlphaDropout(p=0.2, inplace=False)
 * )
 * tensor([-1.2362,  0.3090,  1.2325, -1.2362])
 * ```
 */
export class AlphaDropout extends DropoutNd {
  override forward(input: Tensor): Tensor {
    return F.alphaDropout(input, this.p, this.training);
  }
}

/**
 * Alpha dropout of whole channels of [N, C, *] input in training mode.
 * @example
 * ```ts pytorch=nn.FeatureAlphaDropout
 * torch.manualSeed(0);
 * const drop = new torch.nn.FeatureAlphaDropout(0.5);
 * console.log(drop.call(torch.ones(1, 4, 1)).flatten()); // whole channels set to SELU's negative saturation, then rescaled
 * ```
 * ```text
 * tensor([-0.7792, -0.7792,  1.6656, -0.7792])
 * ```
 */
export class FeatureAlphaDropout extends DropoutNd {
  override forward(input: Tensor): Tensor {
    return F.featureAlphaDropout(input, this.p, this.training);
  }
}
