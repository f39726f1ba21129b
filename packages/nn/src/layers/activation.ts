/**
 * Activation layers: `ReLU`, `ReLU6`, `LeakyReLU`, `ELU`, `GELU`, `SiLU`,
 * `Sigmoid`, `Tanh`, `Softmax`, `LogSoftmax`, `Softmin`, `Softplus`,
 * `Hardtanh`, `LogSigmoid`, `Hardswish`, `Hardsigmoid`, `Mish`, `SELU`, `CELU`,
 * `Softsign`, `Tanhshrink`, `Threshold`, `GLU`, `PReLU`.
 */
import { type Tensor, TorchError, TorchValueError } from '@antorcha/core';
import * as F from '../functional/activation.js';
import * as init from '../init.js';
import { Module } from '../module.js';
import type { Parameter } from '../parameter.js';
import { pyFloat, pyStr } from '../utils/pyrepr.js';
import { FACTORY, type FactoryOptions, checkArgs, checkOptions, ctorArgs, emptyParam, expectInput } from './_util.js';

function inplaceRepr(inplace: boolean, lead: boolean): string {
  return inplace ? (lead ? ', inplace=True' : 'inplace=True') : '';
}

/**
 * max(x, 0).
 * @example
 * ```ts pytorch=nn.ReLU
 * const relu = new torch.nn.ReLU();
 * console.log(relu, relu.call(torch.tensor([-1, 0, 2], { dtype: 'float32' })));
 * ```
 * ```text
 * ReLU() tensor([0., 0., 2.])
 * ```
 */
export class ReLU extends Module {
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  /** @param inplace overwrite the input (default false) */
  constructor(inplace?: boolean | { inplace?: boolean }) {
    const kw = ctorArgs('ReLU', ['inplace'], [inplace], [false]);
    inplace = kw[0] as boolean;
    checkArgs('ReLU', [['inplace', inplace, 'bool']]);
    super();
    this.inplace = inplace;
  }
  override forward(input: Tensor): Tensor {
    return F.relu(input, this.inplace);
  }
  override extraRepr(): string {
    return inplaceRepr(this.inplace, false);
  }
}

/**
 * min(max(x, 0), 6).
 * @example
 * ```ts pytorch=nn.ReLU6
 * console.log(new torch.nn.ReLU6().call(torch.tensor([-1, 3, 8], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([0., 3., 6.])
 * ```
 */
export class ReLU6 extends Module {
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  /** @param inplace overwrite the input (default false) */
  constructor(inplace?: boolean | { inplace?: boolean }) {
    const kw = ctorArgs('ReLU6', ['inplace'], [inplace], [false]);
    inplace = kw[0] as boolean;
    checkArgs('ReLU6', [['inplace', inplace, 'bool']]);
    super();
    this.inplace = inplace;
  }
  override forward(input: Tensor): Tensor {
    return F.relu6(input, this.inplace);
  }
  override extraRepr(): string {
    return inplaceRepr(this.inplace, false);
  }
}

/**
 * x, or `negativeSlope·x` for x ≤ 0.
 * @example
 * ```ts pytorch=nn.LeakyReLU
 * const act = new torch.nn.LeakyReLU(0.1);
 * console.log(act, act.call(torch.tensor([-2, 0, 2], { dtype: 'float32' })));
 * ```
 * ```text
 * LeakyReLU(negative_slope=0.1) tensor([-0.2000,  0.0000,  2.0000])
 * ```
 */
export class LeakyReLU extends Module {
  /** Slope for negative inputs. */
  declare negativeSlope: number;
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  /**
   * @param negativeSlope slope for negative inputs (default 0.01)
   * @param inplace overwrite the input (default false)
   */
  constructor(negativeSlope?: number | { negativeSlope?: number; inplace?: boolean }, inplace?: boolean | { negativeSlope?: number; inplace?: boolean }) {
    const kw = ctorArgs('LeakyReLU', ['negativeSlope', 'inplace'], [negativeSlope, inplace], [0.01, false]);
    negativeSlope = kw[0] as number;
    inplace = kw[1] as boolean;
    checkArgs('LeakyReLU', [
      ['negative_slope', negativeSlope, 'number'],
      ['inplace', inplace, 'bool'],
    ]);
    super();
    this.negativeSlope = negativeSlope;
    this.inplace = inplace;
  }
  override forward(input: Tensor): Tensor {
    return F.leakyRelu(input, this.negativeSlope, this.inplace);
  }
  override extraRepr(): string {
    return `negative_slope=${pyFloat(this.negativeSlope)}${inplaceRepr(this.inplace, true)}`;
  }
}

/**
 * x, or `alpha·(exp(x) − 1)` for x ≤ 0.
 * @example
 * ```ts pytorch=nn.ELU
 * const elu = new torch.nn.ELU();
 * console.log(elu, elu.call(torch.tensor([-2, 0, 2], { dtype: 'float32' })));
 * ```
 * ```text
 * ELU(alpha=1.0) tensor([-0.8647,  0.0000,  2.0000])
 * ```
 */
export class ELU extends Module {
  /** Scale of the negative part. */
  declare alpha: number;
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  /**
   * @param alpha α (default 1)
   * @param inplace overwrite the input (default false)
   */
  constructor(alpha?: number | { alpha?: number; inplace?: boolean }, inplace?: boolean | { alpha?: number; inplace?: boolean }) {
    const kw = ctorArgs('ELU', ['alpha', 'inplace'], [alpha, inplace], [1.0, false]);
    alpha = kw[0] as number;
    inplace = kw[1] as boolean;
    checkArgs('ELU', [
      ['alpha', alpha, 'number'],
      ['inplace', inplace, 'bool'],
    ]);
    super();
    this.alpha = alpha;
    this.inplace = inplace;
  }
  override forward(input: Tensor): Tensor {
    return F.elu(input, this.alpha, this.inplace);
  }
  override extraRepr(): string {
    return `alpha=${pyFloat(this.alpha)}${inplaceRepr(this.inplace, true)}`;
  }
}

/**
 * Gaussian error linear unit (`approximate: 'tanh'` for the tanh form).
 * @example
 * ```ts pytorch=nn.GELU
 * const x = torch.tensor([-1, 0, 1], { dtype: 'float32' });
 * console.log(new torch.nn.GELU().call(x));
 * console.log(new torch.nn.GELU({ approximate: 'tanh' }).call(x));
 * ```
 * ```text
 * tensor([-0.1587,  0.0000,  0.8413])
 * tensor([-0.1588,  0.0000,  0.8412])
 * ```
 */
export class GELU extends Module {
  /** `'none'` or `'tanh'`. */
  declare approximate: 'none' | 'tanh';
  /** @param opts `approximate`: `'none'` (default) or `'tanh'` */
  constructor(opts: { approximate?: 'none' | 'tanh' } = {}) {
    const o = checkOptions('GELU', opts, { approximate: ['none', 'tanh'] }, 1);
    super();
    this.approximate = o.approximate ?? 'none';
  }
  override forward(input: Tensor): Tensor {
    return F.gelu(input, { approximate: this.approximate });
  }
  override extraRepr(): string {
    return `approximate=${pyStr(this.approximate)}`;
  }
}

/**
 * x·sigmoid(x).
 * @example
 * ```ts pytorch=nn.SiLU
 * console.log(new torch.nn.SiLU().call(torch.tensor([-1, 0, 1], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([-0.2689,  0.0000,  0.7311])
 * ```
 */
export class SiLU extends Module {
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  /** @param inplace overwrite the input (default false) */
  constructor(inplace?: boolean | { inplace?: boolean }) {
    const kw = ctorArgs('SiLU', ['inplace'], [inplace], [false]);
    inplace = kw[0] as boolean;
    checkArgs('SiLU', [['inplace', inplace, 'bool']]);
    super();
    this.inplace = inplace;
  }
  override forward(input: Tensor): Tensor {
    return F.silu(input, this.inplace);
  }
  override extraRepr(): string {
    return inplaceRepr(this.inplace, false);
  }
}

/**
 * Logistic sigmoid.
 * @example
 * ```ts pytorch=nn.Sigmoid
 * console.log(new torch.nn.Sigmoid().call(torch.tensor([-2, 0, 2], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([0.1192, 0.5000, 0.8808])
 * ```
 */
export class Sigmoid extends Module {
  override forward(input: Tensor): Tensor {
    return F.sigmoid(input);
  }
}

/**
 * Hyperbolic tangent.
 * @example
 * ```ts pytorch=nn.Tanh
 * console.log(new torch.nn.Tanh().call(torch.tensor([-2, 0, 2], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([-0.9640,  0.0000,  0.9640])
 * ```
 */
export class Tanh extends Module {
  override forward(input: Tensor): Tensor {
    return F.tanh(input);
  }
}

/**
 * log(sigmoid(x)).
 * @example
 * ```ts pytorch=nn.LogSigmoid
 * console.log(new torch.nn.LogSigmoid().call(torch.tensor([-1, 0, 1], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([-1.3133, -0.6931, -0.3133])
 * ```
 */
export class LogSigmoid extends Module {
  override forward(input: Tensor): Tensor {
    return F.logSigmoid(input);
  }
}

/** The softmax family: a normalised `dim` (null: PyTorch's legacy implicit choice). */
abstract class SoftmaxLike extends Module {
  /** The normalised dim. */
  declare dim: number | null;
  /** @param dim the normalised dim (default null: PyTorch's legacy implicit choice) */
  constructor(dim?: (number | null) | { dim?: number | null }) {
    const kw = ctorArgs(new.target.name, ['dim'], [dim], [null]);
    dim = kw[0] as number | null;
    checkArgs(new.target.name, [['dim', dim, 'int?']]);
    super();
    this.dim = dim;
  }
  /** The functional form. */
  protected abstract fn(input: Tensor, dim: number): Tensor;
  override forward(input: Tensor): Tensor {
    expectInput(`${this._getName()}.forward`, input);
    return this.fn(input, implicitDim(this.dim, input));
  }
  override extraRepr(): string {
    return `dim=${this.dim === null ? 'None' : this.dim}`;
  }
}

/**
 * Softmax along `dim`.
 * @example
 * ```ts pytorch=nn.Softmax
 * const softmax = new torch.nn.Softmax(1);
 * console.log(softmax);
 * console.log(softmax.call(torch.tensor([[1, 2, 3], [1, 1, 1]], { dtype: 'float32' })));
 * ```
 * ```text
 * Softmax(dim=1)
 * tensor([[0.0900, 0.2447, 0.6652],
 *         [0.3333, 0.3333, 0.3333]])
 * ```
 */
export class Softmax extends SoftmaxLike {
  protected override fn(input: Tensor, dim: number): Tensor {
    return F.softmax(input, dim);
  }
}

/**
 * Softmin along `dim`.
 * @example
 * ```ts pytorch=nn.Softmin
 * const softmin = new torch.nn.Softmin(1);
 * console.log(softmin, softmin.call(torch.tensor([[1, 2, 3]], { dtype: 'float32' })));
 * ```
 * ```text
 * Softmin(dim=1) tensor([[0.6652, 0.2447, 0.0900]])
 * ```
 */
export class Softmin extends SoftmaxLike {
  protected override fn(input: Tensor, dim: number): Tensor {
    return F.softmin(input, dim);
  }
}

/**
 * Log-softmax along `dim`.
 * @example
 * ```ts pytorch=nn.LogSoftmax
 * const logSoftmax = new torch.nn.LogSoftmax(1);
 * console.log(logSoftmax, logSoftmax.call(torch.tensor([[1, 2, 3]], { dtype: 'float32' })));
 * ```
 * ```text
 * LogSoftmax(dim=1) tensor([[-2.4076, -1.4076, -0.4076]])
 * ```
 */
export class LogSoftmax extends SoftmaxLike {
  protected override fn(input: Tensor, dim: number): Tensor {
    return F.logSoftmax(input, dim);
  }
}

/** PyTorch's `_get_softmax_dim` for `dim=None`: 0 for 0/1/3-D inputs, else 1. */
function implicitDim(dim: number | null, input: Tensor): number {
  if (dim !== null) return dim;
  const n = input.ndim;
  return n === 0 || n === 1 || n === 3 ? 0 : 1;
}

/**
 * log(1 + exp(beta·x)) / beta, linear above `threshold`.
 * @example
 * ```ts pytorch=nn.Softplus
 * const sp = new torch.nn.Softplus(2);
 * console.log(sp, sp.call(torch.tensor([-1, 0, 1], { dtype: 'float32' })));
 * ```
 * ```text
 * Softplus(beta=2, threshold=20) tensor([0.0635, 0.3466, 1.0635])
 * ```
 */
export class Softplus extends Module {
  /** Sharpness. */
  declare beta: number;
  /** Linear above beta·x > threshold. */
  declare threshold: number;
  /**
   * @param beta sharpness (default 1)
   * @param threshold linear above beta·x > threshold (default 20)
   */
  constructor(beta?: number | { beta?: number; threshold?: number }, threshold?: number | { beta?: number; threshold?: number }) {
    const kw = ctorArgs('Softplus', ['beta', 'threshold'], [beta, threshold], [1, 20]);
    beta = kw[0] as number;
    threshold = kw[1] as number;
    checkArgs('Softplus', [
      ['beta', beta, 'number'],
      ['threshold', threshold, 'number'],
    ]);
    super();
    this.beta = beta;
    this.threshold = threshold;
  }
  override forward(input: Tensor): Tensor {
    return F.softplus(input, this.beta, this.threshold);
  }
  override extraRepr(): string {
    return `beta=${this.beta}, threshold=${this.threshold}`;
  }
}

/**
 * Clamps into [minVal, maxVal].
 * @example
 * ```ts pytorch=nn.Hardtanh
 * const act = new torch.nn.Hardtanh(-2, 2);
 * console.log(act, act.call(torch.tensor([-3, -1, 0, 3], { dtype: 'float32' })));
 * ```
 * ```text
 * Hardtanh(min_val=-2.0, max_val=2.0) tensor([-2., -1.,  0.,  2.])
 * ```
 */
export class Hardtanh extends Module {
  /** Lower bound. */
  declare minVal: number;
  /** Upper bound. */
  declare maxVal: number;
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  /**
   * @param minVal lower bound (default −1)
   * @param maxVal upper bound (default 1; must exceed minVal)
   * @param inplace overwrite the input (default false)
   */
  constructor(minVal?: number | { minVal?: number; maxVal?: number; inplace?: boolean }, maxVal?: number | { minVal?: number; maxVal?: number; inplace?: boolean }, inplace?: boolean | { minVal?: number; maxVal?: number; inplace?: boolean }) {
    const kw = ctorArgs('Hardtanh', ['minVal', 'maxVal', 'inplace'], [minVal, maxVal, inplace], [-1.0, 1.0, false]);
    minVal = kw[0] as number;
    maxVal = kw[1] as number;
    inplace = kw[2] as boolean;
    checkArgs('Hardtanh', [
      ['min_val', minVal, 'number'],
      ['max_val', maxVal, 'number'],
      ['inplace', inplace, 'bool'],
    ]);
    if (!(maxVal > minVal)) throw new TorchValueError('Hardtanh', `Hardtanh(): max_val (${maxVal}) must be greater than min_val (${minVal})`);
    super();
    this.minVal = minVal;
    this.maxVal = maxVal;
    this.inplace = inplace;
  }
  override forward(input: Tensor): Tensor {
    return F.hardtanh(input, this.minVal, this.maxVal, this.inplace);
  }
  override extraRepr(): string {
    return `min_val=${pyFloat(this.minVal)}, max_val=${pyFloat(this.maxVal)}${inplaceRepr(this.inplace, true)}`;
  }
}

/** A parameterless activation with PyTorch's `inplace` flag, which its repr leaves out. */
abstract class InplaceActivation extends Module {
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  /** @param inplace overwrite the input (default false) */
  constructor(inplace?: boolean | { inplace?: boolean }) {
    const kw = ctorArgs(new.target.name, ['inplace'], [inplace], [false]);
    inplace = kw[0] as boolean;
    checkArgs(new.target.name, [['inplace', inplace, 'bool']]);
    super();
    this.inplace = inplace;
  }
}

/**
 * x·relu6(x + 3)/6.
 * @example
 * ```ts pytorch=nn.Hardswish
 * console.log(new torch.nn.Hardswish().call(torch.tensor([-4, -1, 0, 1, 4], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([-0.0000, -0.3333,  0.0000,  0.6667,  4.0000])
 * ```
 */
export class Hardswish extends InplaceActivation {
  override forward(input: Tensor): Tensor {
    return F.hardswish(input, this.inplace);
  }
}

/**
 * relu6(x + 3)/6.
 * @example
 * ```ts pytorch=nn.Hardsigmoid
 * console.log(new torch.nn.Hardsigmoid().call(torch.tensor([-4, 0, 1, 4], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([0.0000, 0.5000, 0.6667, 1.0000])
 * ```
 */
export class Hardsigmoid extends InplaceActivation {
  override forward(input: Tensor): Tensor {
    return F.hardsigmoid(input, this.inplace);
  }
}

/**
 * x·tanh(softplus(x)).
 * @example
 * ```ts pytorch=nn.Mish
 * console.log(new torch.nn.Mish().call(torch.tensor([-1, 0, 1], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([-0.3034,  0.0000,  0.8651])
 * ```
 */
export class Mish extends InplaceActivation {
  override forward(input: Tensor): Tensor {
    return F.mish(input, this.inplace);
  }
}

/**
 * scale·elu(x, α) with SELU's constants.
 * @example
 * ```ts pytorch=nn.SELU
 * console.log(new torch.nn.SELU().call(torch.tensor([-1, 0, 1], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([-1.1113,  0.0000,  1.0507])
 * ```
 */
export class SELU extends InplaceActivation {
  override forward(input: Tensor): Tensor {
    return F.selu(input, this.inplace);
  }
}

/**
 * max(0, x) + min(0, α·(exp(x/α) − 1)).
 * @example
 * ```ts pytorch=nn.CELU
 * const celu = new torch.nn.CELU(0.5);
 * console.log(celu, celu.call(torch.tensor([-1, 1], { dtype: 'float32' })));
 * ```
 * ```text
 * CELU(alpha=0.5) tensor([-0.4323,  1.0000])
 * ```
 */
export class CELU extends Module {
  /** α. */
  declare alpha: number;
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  /**
   * @param alpha α (default 1)
   * @param inplace overwrite the input (default false)
   */
  constructor(alpha?: number | { alpha?: number; inplace?: boolean }, inplace?: boolean | { alpha?: number; inplace?: boolean }) {
    const kw = ctorArgs('CELU', ['alpha', 'inplace'], [alpha, inplace], [1.0, false]);
    alpha = kw[0] as number;
    inplace = kw[1] as boolean;
    checkArgs('CELU', [
      ['alpha', alpha, 'number'],
      ['inplace', inplace, 'bool'],
    ]);
    super();
    this.alpha = alpha;
    this.inplace = inplace;
  }
  override forward(input: Tensor): Tensor {
    return F.celu(input, this.alpha, this.inplace);
  }
  override extraRepr(): string {
    return `alpha=${pyFloat(this.alpha)}${inplaceRepr(this.inplace, true)}`;
  }
}

/**
 * x / (1 + |x|).
 * @example
 * ```ts pytorch=nn.Softsign
 * console.log(new torch.nn.Softsign().call(torch.tensor([-3, 0, 1], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([-0.7500,  0.0000,  0.5000])
 * ```
 */
export class Softsign extends Module {
  override forward(input: Tensor): Tensor {
    return F.softsign(input);
  }
}

/**
 * x − tanh(x).
 * @example
 * ```ts pytorch=nn.Tanhshrink
 * console.log(new torch.nn.Tanhshrink().call(torch.tensor([-1, 0, 2], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([-0.2384,  0.0000,  1.0360])
 * ```
 */
export class Tanhshrink extends Module {
  override forward(input: Tensor): Tensor {
    return F.tanhshrink(input);
  }
}

/**
 * x where x > threshold, `value` elsewhere.
 * @example
 * ```ts pytorch=nn.Threshold
 * const th = new torch.nn.Threshold(0.1, 20);
 * console.log(th, th.call(torch.tensor([-1, 0.1, 0.5], { dtype: 'float32' })));
 * ```
 * ```text
 * Threshold(threshold=0.1, value=20.0) tensor([20.0000, 20.0000,  0.5000])
 * ```
 */
export class Threshold extends Module {
  /** The threshold. */
  declare threshold: number;
  /** The replacement value. */
  declare value: number;
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  /**
   * @param threshold the threshold
   * @param value the value below it
   * @param inplace overwrite the input (default false)
   */
  constructor(threshold: number, value: number, inplace?: boolean | { inplace?: boolean }) {
    const kw = ctorArgs('Threshold', ['inplace'], [inplace], [false]);
    inplace = kw[0] as boolean;
    checkArgs('Threshold', [
      ['threshold', threshold, 'number'],
      ['value', value, 'number'],
      ['inplace', inplace, 'bool'],
    ]);
    super();
    this.threshold = threshold;
    this.value = value;
    this.inplace = inplace;
  }
  override forward(input: Tensor): Tensor {
    return F.threshold(input, this.threshold, this.value, this.inplace);
  }
  override extraRepr(): string {
    return `threshold=${pyFloat(this.threshold)}, value=${pyFloat(this.value)}${inplaceRepr(this.inplace, true)}`;
  }
}

/**
 * Gated linear unit along `dim`.
 * @example
 * ```ts pytorch=nn.GLU
 * const glu = new torch.nn.GLU();
 * console.log(glu, glu.call(torch.tensor([[1, 2, 0, 10]], { dtype: 'float32' })));
 * ```
 * ```text
 * GLU(dim=-1) tensor([[0.5000, 1.9999]])
 * ```
 */
export class GLU extends Module {
  /** The halved dim. */
  declare dim: number;
  /** @param dim the halved dim (default −1) */
  constructor(dim?: number | { dim?: number }) {
    const kw = ctorArgs('GLU', ['dim'], [dim], [-1]);
    dim = kw[0] as number;
    checkArgs('GLU', [['dim', dim, 'int']]);
    super();
    this.dim = dim;
  }
  override forward(input: Tensor): Tensor {
    return F.glu(input, this.dim);
  }
  override extraRepr(): string {
    return `dim=${this.dim}`;
  }
}

/** Options of {@link PReLU}. */
export interface PReLUOptions extends FactoryOptions {
  /** Initial slope (default 0.25). */
  init?: number;
}

/**
 * Leaky ReLU with a learned slope: one, or one per channel (`numParameters`).
 * @example
 * ```ts pytorch=nn.PReLU
 * const prelu = new torch.nn.PReLU(); // one learnable slope, initially 0.25
 * console.log(prelu, prelu.call(torch.tensor([-2, 2], { dtype: 'float32' })));
 * ```
 * ```text
 * PReLU(num_parameters=1) tensor([-0.5000,  2.0000], grad_fn=<PreluBackward0>)
 * ```
 */
export class PReLU extends Module {
  /** Number of slopes. */
  declare numParameters: number;
  /** The slopes [numParameters], filled with `init`. */
  declare weight: Parameter;
  /**
   * @param numParameters number of slopes (default 1)
   * @param opts initial slope and dtype
   */
  constructor(numParameters = 1, opts: PReLUOptions = {}) {
    checkArgs('PReLU', [['num_parameters', numParameters, 'size']]);
    const o = checkOptions('PReLU', opts, { init: 'number', ...FACTORY }, 2);
    super();
    this.numParameters = numParameters;
    this.weight = emptyParam([numParameters], o);
    init.constant_(this.weight, o.init ?? 0.25);
  }
  override forward(input: Tensor): Tensor {
    return F.prelu(input, this.weight);
  }
  override extraRepr(): string {
    return `num_parameters=${this.numParameters}`;
  }
}

/** Shared by `Hardshrink` and `Softshrink`: one threshold `lambd`. */
abstract class ShrinkBase extends Module {
  /** The threshold. */
  declare lambd: number;
  /** @param lambd the threshold (default 0.5) */
  constructor(lambd?: number | { lambd?: number }) {
    const kw = ctorArgs(new.target.name, ['lambd'], [lambd], [0.5]);
    lambd = kw[0] as number;
    checkArgs(new.target.name, [['lambd', lambd, 'number']]);
    super();
    this.lambd = lambd;
  }
  override extraRepr(): string {
    return String(this.lambd);
  }
}

/**
 * Hard shrinkage: 0 where −lambd ≤ x ≤ lambd, x elsewhere.
 * @example
 * ```ts pytorch=nn.Hardshrink
 * const m = new torch.nn.Hardshrink();
 * console.log(m);
 * console.log(m.call(torch.tensor([-1, 0.2, 0.7])));
 * ```
 * ```text
 * Hardshrink(0.5)
 * tensor([-1.0000,  0.0000,  0.7000])
 * ```
 */
export class Hardshrink extends ShrinkBase {
  override forward(input: Tensor): Tensor {
    return F.hardshrink(input, this.lambd);
  }
}

/**
 * Soft shrinkage: x ∓ lambd outside [−lambd, lambd], 0 inside.
 * @example
 * ```ts pytorch=nn.Softshrink
 * const shrink = new torch.nn.Softshrink(0.5);
 * console.log(shrink, shrink.call(torch.tensor([-1, 0.2, 2], { dtype: 'float32' })));
 * ```
 * ```text
 * Softshrink(0.5) tensor([-0.5000,  0.0000,  1.5000])
 * ```
 */
export class Softshrink extends ShrinkBase {
  override forward(input: Tensor): Tensor {
    return F.softshrink(input, this.lambd);
  }
}

/**
 * Softmax over the channels (dim −3) of [N, C, H, W] or [C, H, W] input.
 * @example
 * ```ts pytorch=nn.Softmax2d
 * const softmax = new torch.nn.Softmax2d(); // over the channels of [N, C, H, W]
 * console.log(softmax.call(torch.tensor([[[[0]], [[1]], [[2]]]], { dtype: 'float32' })).flatten());
 * ```
 * ```text
 * tensor([0.0900, 0.2447, 0.6652])
 * ```
 */
export class Softmax2d extends Module {
  override forward(input: Tensor): Tensor {
    expectInput('Softmax2d.forward', input);
    if (input.ndim !== 3 && input.ndim !== 4) throw new TorchError('Softmax2d', 'Softmax2d requires a 3D or 4D tensor as input', 'AssertionError');
    return F.softmax(input, -3);
  }
}

/**
 * Randomized leaky ReLU: random slopes in [lower, upper] for non-positive elements in
 * training mode (drawn as PyTorch draws them), the mean slope in eval mode.
 * @example
 * ```ts pytorch=nn.RReLU
 * torch.manualSeed(0);
 * const m = new torch.nn.RReLU();
 * const x = torch.tensor([-2, -1, 1], { dtype: 'float32' });
 * console.log(m);
 * console.log(m.call(x)); // training: a random slope per element
 * console.log(m.eval().call(x)); // eval: the mean slope (lower + upper) / 2
 * ```
 * ```text
 * RReLU(lower=0.125, upper=0.3333333333333333)
 * tensor([-0.6542, -0.2725,  1.0000])
 * tensor([-0.4583, -0.2292,  1.0000])
 * ```
 */
export class RReLU extends Module {
  /** Lower bound of the slope. */
  declare lower: number;
  /** Upper bound of the slope. */
  declare upper: number;
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  /**
   * @param lower lower bound of the slope (default 1/8)
   * @param upper upper bound of the slope (default 1/3)
   * @param inplace overwrite the input (default false)
   */
  constructor(lower?: number | { lower?: number; upper?: number; inplace?: boolean }, upper?: number | { lower?: number; upper?: number; inplace?: boolean }, inplace?: boolean | { lower?: number; upper?: number; inplace?: boolean }) {
    const kw = ctorArgs('RReLU', ['lower', 'upper', 'inplace'], [lower, upper, inplace], [1.0 / 8, 1.0 / 3, false]);
    lower = kw[0] as number;
    upper = kw[1] as number;
    inplace = kw[2] as boolean;
    checkArgs('RReLU', [
      ['lower', lower, 'number'],
      ['upper', upper, 'number'],
      ['inplace', inplace, 'bool'],
    ]);
    super();
    this.lower = lower;
    this.upper = upper;
    this.inplace = inplace;
  }
  override forward(input: Tensor): Tensor {
    return F.rrelu(input, this.lower, this.upper, this.training, this.inplace);
  }
  override extraRepr(): string {
    return `lower=${pyFloat(this.lower)}, upper=${pyFloat(this.upper)}${this.inplace ? ', inplace=True' : ''}`;
  }
}
