/**
 * Padding layers: `ConstantPad1d/2d/3d`, `ZeroPad2d`, `ReflectionPad1d/2d/3d` and
 * `ReplicationPad1d/2d/3d`, each a fixed call of `F.pad`.
 */
import type { Tensor } from '@antorcha/core';
import { type PadMode, pad } from '../functional/padding.js';
import { type IntOrTuple, ntuple } from '../functional/utils.js';
import { Module } from '../module.js';
import { pyTuple } from '../utils/pyrepr.js';
import { checkArgs, expectInput } from './_util.js';

/** An int padding expands to 2·n equal amounts (PyTorch's `_pair`/`_quadruple`/`_ntuple(6)`); a list is kept. */
function expand(op: string, padding: IntOrTuple, n: number): number[] {
  checkArgs(op, [['padding', padding, 'ints']]);
  return typeof padding === 'number' ? ntuple(padding, 2 * n, op, 'padding') : [...padding];
}

abstract class PadNd extends Module {
  /** (before, after) amounts, last dim first. */
  declare padding: number[];
  /** The `F.pad` mode. */
  protected abstract readonly mode: PadMode;
  override forward(input: Tensor): Tensor {
    expectInput(`${this._getName()}.forward`, input);
    return pad(input, this.padding, this.mode);
  }
  override extraRepr(): string {
    return pyTuple(this.padding);
  }
}

/** Pads with a constant `value`. */
abstract class ConstantPadNd extends PadNd {
  /** The fill value. */
  declare value: number;
  protected override readonly mode = 'constant' as const;
  /**
   * @param padding one amount for every side, or (before, after) pairs starting from the last dim
   * @param value the fill value
   * @param dims padded dims
   */
  constructor(padding: IntOrTuple, value: number, dims: number) {
    const op = new.target.name;
    const p = expand(op, padding, dims);
    checkArgs(op, [
      ['padding', p, 'ints'],
      ['value', value, 'number'],
    ]);
    super();
    this.padding = p;
    this.value = value;
  }
  override forward(input: Tensor): Tensor {
    expectInput(`${this._getName()}.forward`, input);
    return pad(input, this.padding, 'constant', this.value);
  }
  override extraRepr(): string {
    return `padding=${pyTuple(this.padding)}, value=${String(this.value)}`;
  }
}

/**
 * Pads the last dim with a constant.
 * @example
 * ```ts pytorch=nn.ConstantPad1d
 * const pad = new torch.nn.ConstantPad1d(2, 3.5);
 * console.log(pad);
 * console.log(pad.call(torch.ones(1, 1, 2)));
 * ```
 * ```text
 * ConstantPad1d(padding=(2, 2), value=3.5)
 * tensor([[[3.5000, 3.5000, 1.0000, 1.0000, 3.5000, 3.5000]]])
 * ```
 */
export class ConstantPad1d extends ConstantPadNd {
  /**
   * @param padding an int for both sides, or (left, right)
   * @param value the fill value
   */
  constructor(padding: IntOrTuple, value: number) {
    super(padding, value, 1);
  }
}

/**
 * Pads the last 2 dims with a constant.
 * @example
 * ```ts pytorch=nn.ConstantPad2d
 * const pad = new torch.nn.ConstantPad2d([1, 0, 1, 0], -1);
 * console.log(pad, pad.call(torch.zeros(1, 2, 2)));
 * ```
 * ```text
 * ConstantPad2d(padding=(1, 0, 1, 0), value=-1) tensor([[[-1., -1., -1.],
 *          [-1.,  0.,  0.],
 *          [-1.,  0.,  0.]]])
 * ```
 */
export class ConstantPad2d extends ConstantPadNd {
  /**
   * @param padding an int for all sides, or (left, right, top, bottom)
   * @param value the fill value
   */
  constructor(padding: IntOrTuple, value: number) {
    super(padding, value, 2);
  }
}

/**
 * Pads the last 3 dims with a constant.
 * @example
 * ```ts pytorch=nn.ConstantPad3d
 * const pad = new torch.nn.ConstantPad3d(1, 0.5);
 * console.log(pad, pad.call(torch.zeros(1, 1, 1, 1)).shape);
 * ```
 * ```text
 * ConstantPad3d(padding=(1, 1, 1, 1, 1, 1), value=0.5) torch.Size([1, 3, 3, 3])
 * ```
 */
export class ConstantPad3d extends ConstantPadNd {
  /**
   * @param padding an int for all sides, or (left, right, top, bottom, front, back)
   * @param value the fill value
   */
  constructor(padding: IntOrTuple, value: number) {
    super(padding, value, 3);
  }
}

/**
 * Pads the last 2 dims with zeros.
 * @example
 * ```ts pytorch=nn.ZeroPad2d
 * const pad = new torch.nn.ZeroPad2d([1, 0, 0, 1]); // left, right, top, bottom
 * console.log(pad);
 * console.log(pad.call(torch.ones(1, 1, 2, 2)));
 * ```
 * ```text
 * ZeroPad2d((1, 0, 0, 1))
 * tensor([[[[0., 1., 1.],
 *           [0., 1., 1.],
 *           [0., 0., 0.]]]])
 * ```
 */
export class ZeroPad2d extends ConstantPadNd {
  /** @param padding an int for all sides, or (left, right, top, bottom) */
  constructor(padding: IntOrTuple) {
    super(padding, 0, 2);
  }
  override extraRepr(): string {
    return pyTuple(this.padding);
  }
}

abstract class ModePadNd extends PadNd {
  /**
   * @param padding one amount for every side, or (before, after) pairs starting from the last dim
   * @param dims padded dims
   */
  constructor(padding: IntOrTuple, dims: number) {
    const p = expand(new.target.name, padding, dims);
    super();
    this.padding = p;
  }
}

/**
 * Pads the last dim with its reflection (the edge not repeated).
 * @example
 * ```ts pytorch=nn.ReflectionPad1d
 * const pad = new torch.nn.ReflectionPad1d([2, 1]);
 * console.log(pad, pad.call(torch.tensor([[[1, 2, 3]]], { dtype: 'float32' })));
 * ```
 * ```text
 * ReflectionPad1d((2, 1)) tensor([[[3., 2., 1., 2., 3., 2.]]])
 * ```
 */
export class ReflectionPad1d extends ModePadNd {
  protected override readonly mode = 'reflect' as const;
  /** @param padding an int for both sides, or (left, right) */
  constructor(padding: IntOrTuple) {
    super(padding, 1);
  }
}

/**
 * Pads the last 2 dims with their reflection.
 * @example
 * ```ts pytorch=nn.ReflectionPad2d
 * const x = torch.arange(9, { dtype: 'float32' }).reshape(1, 1, 3, 3);
 * console.log(new torch.nn.ReflectionPad2d([1, 1, 2, 0]).call(x));
 * ```
 * ```text
 * tensor([[[[7., 6., 7., 8., 7.],
 *           [4., 3., 4., 5., 4.],
 *           [1., 0., 1., 2., 1.],
 *           [4., 3., 4., 5., 4.],
 *           [7., 6., 7., 8., 7.]]]])
 * ```
 */
export class ReflectionPad2d extends ModePadNd {
  protected override readonly mode = 'reflect' as const;
  /** @param padding an int for all sides, or (left, right, top, bottom) */
  constructor(padding: IntOrTuple) {
    super(padding, 2);
  }
}

/**
 * Pads the last 3 dims with their reflection.
 * @example
 * ```ts pytorch=nn.ReflectionPad3d
 * const pad = new torch.nn.ReflectionPad3d([1, 1, 0, 0, 0, 0]);
 * console.log(pad, pad.call(torch.tensor([[[[[1, 2, 3]]]]], { dtype: 'float32' })).flatten());
 * ```
 * ```text
 * ReflectionPad3d((1, 1, 0, 0, 0, 0)) tensor([2., 1., 2., 3., 2.])
 * ```
 */
export class ReflectionPad3d extends ModePadNd {
  protected override readonly mode = 'reflect' as const;
  /** @param padding an int for all sides, or (left, right, top, bottom, front, back) */
  constructor(padding: IntOrTuple) {
    super(padding, 3);
  }
}

/**
 * Pads the last dim by repeating its edge values.
 * @example
 * ```ts pytorch=nn.ReplicationPad1d
 * const pad = new torch.nn.ReplicationPad1d(2);
 * console.log(pad, pad.call(torch.tensor([[[1, 2, 3]]], { dtype: 'float32' })));
 * ```
 * ```text
 * ReplicationPad1d((2, 2)) tensor([[[1., 1., 1., 2., 3., 3., 3.]]])
 * ```
 */
export class ReplicationPad1d extends ModePadNd {
  protected override readonly mode = 'replicate' as const;
  /** @param padding an int for both sides, or (left, right) */
  constructor(padding: IntOrTuple) {
    super(padding, 1);
  }
}

/**
 * Pads the last 2 dims by repeating their edge values.
 * @example
 * ```ts pytorch=nn.ReplicationPad2d
 * const pad = new torch.nn.ReplicationPad2d(1);
 * console.log(pad);
 * console.log(pad.call(torch.tensor([[[[1, 2], [3, 4]]]], { dtype: 'float32' })));
 * ```
 * ```text
 * ReplicationPad2d((1, 1, 1, 1))
 * tensor([[[[1., 1., 2., 2.],
 *           [1., 1., 2., 2.],
 *           [3., 3., 4., 4.],
 *           [3., 3., 4., 4.]]]])
 * ```
 */
export class ReplicationPad2d extends ModePadNd {
  protected override readonly mode = 'replicate' as const;
  /** @param padding an int for all sides, or (left, right, top, bottom) */
  constructor(padding: IntOrTuple) {
    super(padding, 2);
  }
}

/**
 * Pads the last 3 dims by repeating their edge values.
 * @example
 * ```ts pytorch=nn.ReplicationPad3d
 * const pad = new torch.nn.ReplicationPad3d([2, 0, 0, 0, 0, 1]);
 * console.log(pad, pad.call(torch.tensor([[[[[1, 2]]]]], { dtype: 'float32' })).flatten());
 * ```
 * ```text
 * ReplicationPad3d((2, 0, 0, 0, 0, 1)) tensor([1., 1., 1., 2., 1., 1., 1., 2.])
 * ```
 */
export class ReplicationPad3d extends ModePadNd {
  protected override readonly mode = 'replicate' as const;
  /** @param padding an int for all sides, or (left, right, top, bottom, front, back) */
  constructor(padding: IntOrTuple) {
    super(padding, 3);
  }
}
