/**
 * The numerics of `torch.nn.init` and of `nn.Linear`/`nn.ConvNd`'s
 * `reset_parameters` (SPEC §8): bounds and standard deviations computed in
 * binary64 exactly as Python computes them, plus the draws.
 */

import { RngError } from './errors.js';
import type { Generator } from './generator.js';
import { normal_ } from './normal.js';
import type { FillLayout, FloatArray } from './types.js';
import { uniform_ } from './uniform.js';

/** Nonlinearity names accepted by {@link calculateGain}. */
export type Nonlinearity =
  | 'linear'
  | 'conv1d'
  | 'conv2d'
  | 'conv3d'
  | 'conv_transpose1d'
  | 'conv_transpose2d'
  | 'conv_transpose3d'
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leaky_relu'
  | 'selu';

/**
 * `torch.nn.init.calculate_gain(nonlinearity, param)`: 1 for linear/conv/
 * sigmoid, 5/3 for tanh, sqrt(2) for relu, sqrt(2 / (1 + slope^2)) for
 * leaky_relu (slope default 0.01), 3/4 for selu.
 * @throws RngError (ValueError) for an unknown nonlinearity or a bad slope.
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number | null): number {
  switch (nonlinearity) {
    case 'linear':
    case 'conv1d':
    case 'conv2d':
    case 'conv3d':
    case 'conv_transpose1d':
    case 'conv_transpose2d':
    case 'conv_transpose3d':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5.0 / 3;
    case 'relu':
      return Math.sqrt(2.0);
    case 'leaky_relu': {
      let slope = 0.01;
      if (param !== undefined && param !== null) {
        if (typeof param !== 'number' || Number.isNaN(param)) {
          throw new RngError('calculate_gain', `negative_slope ${String(param)} not a valid number`, 'ValueError');
        }
        slope = param;
      }
      return Math.sqrt(2.0 / (1 + slope * slope));
    }
    case 'selu':
      return 3.0 / 4;
    default:
      throw new RngError('calculate_gain', `Unsupported nonlinearity ${String(nonlinearity)}`, 'ValueError');
  }
}

/**
 * `_calculate_fan_in_and_fan_out(tensor)` from a shape: `fan_in = shape[1] *
 * receptive`, `fan_out = shape[0] * receptive`, receptive = product of
 * shape[2:].
 * @throws RngError (ValueError) for fewer than 2 dimensions.
 */
export function fanInAndFanOut(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length < 2) {
    throw new RngError(
      'init',
      'Fan in and fan out can not be computed for tensor with fewer than 2 dimensions',
      'ValueError',
    );
  }
  let receptive = 1;
  for (let i = 2; i < shape.length; i++) receptive *= shape[i]!;
  return { fanIn: shape[1]! * receptive, fanOut: shape[0]! * receptive };
}

/** Fan mode of the kaiming initialisers. */
export type FanMode = 'fan_in' | 'fan_out';

/**
 * The bound `b` of `kaiming_uniform_(w, a, mode, nonlinearity)` (which then
 * draws `uniform_(-b, b)`): `sqrt(3) * (gain / sqrt(fan))`, in that order.
 * Defaults as PyTorch (`a = 0`, `leaky_relu`). `nn.Linear`/`Conv` use
 * `a = sqrt(5)`: see {@link linearWeightBound}.
 */
export function kaimingUniformBound(fan: number, a = 0, nonlinearity: Nonlinearity = 'leaky_relu'): number {
  const gain = calculateGain(nonlinearity, a);
  const std = gain / Math.sqrt(fan);
  return Math.sqrt(3.0) * std;
}

/** The std of `kaiming_normal_(w, a, mode, nonlinearity)` (draws `normal_(0, std)`): `gain / sqrt(fan)`. */
export function kaimingNormalStd(fan: number, a = 0, nonlinearity: Nonlinearity = 'leaky_relu'): number {
  return calculateGain(nonlinearity, a) / Math.sqrt(fan);
}

/** The bound of `xavier_uniform_(w, gain)`: `sqrt(3) * (gain * sqrt(2 / (fan_in + fan_out)))`. */
export function xavierUniformBound(fanIn: number, fanOut: number, gain = 1): number {
  const std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
  return Math.sqrt(3.0) * std;
}

/** The std of `xavier_normal_(w, gain)`: `gain * sqrt(2 / (fan_in + fan_out))`. */
export function xavierNormalStd(fanIn: number, fanOut: number, gain = 1): number {
  return gain * Math.sqrt(2.0 / (fanIn + fanOut));
}

/**
 * The weight bound of `nn.Linear`/`nn.ConvNd.reset_parameters()`:
 * `kaiming_uniform_(w, a=sqrt(5))`, i.e.
 * `sqrt(3) * (sqrt(2 / (1 + sqrt(5)^2)) / sqrt(fan_in))` — not `1/sqrt(fan_in)`
 * (for fan_in = 2: 0.7071067811865474).
 */
export function linearWeightBound(fanIn: number): number {
  return kaimingUniformBound(fanIn, Math.sqrt(5));
}

/** The bias bound of `nn.Linear`/`nn.ConvNd`: `1 / sqrt(fan_in)`, or 0 when fan_in is 0. */
export function linearBiasBound(fanIn: number): number {
  return fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
}

/**
 * `nn.Linear(in, out).reset_parameters()` / `nn.ConvNd`'s: draws the weight
 * (`uniform_(-b, b)`, row-major, `weight.length` draws) and then, if `bias`
 * is given and `fanIn != 0`, the bias (`uniform_(-bb, bb)`). For Conv,
 * `fanIn = (in / groups) * prod(kernel)`.
 */
export function resetLinearParameters(
  gen: Generator,
  weight: FloatArray,
  bias: FloatArray | null,
  fanIn: number,
): void {
  const b = linearWeightBound(fanIn);
  uniform_(gen, weight, -b, b);
  if (bias !== null && fanIn !== 0) {
    const bb = linearBiasBound(fanIn);
    uniform_(gen, bias, -bb, bb);
  }
}

/**
 * `nn.init.uniform_(w, a, b)`: the same draws as `Tensor.uniform_`.
 */
export function initUniform_(gen: Generator, w: FloatArray, a = 0, b = 1): void {
  uniform_(gen, w, a, b);
}

/**
 * `nn.init.normal_(w, mean, std)`: the same draws as `Tensor.normal_`
 * (path chosen from `layout`, as for `randn`).
 */
export function initNormal_(gen: Generator, w: FloatArray, mean = 0, std = 1, layout: FillLayout = {}): void {
  normal_(gen, w, mean, std, layout);
}
