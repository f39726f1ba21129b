/**
 * Activation layers: `ReLU`, `ReLU6`, `LeakyReLU`, `ELU`, `GELU`, `SiLU`,
 * `Sigmoid`, `Tanh`, `Softmax`, `LogSoftmax`, `Softmin`, `Softplus`,
 * `Hardtanh`, `LogSigmoid`.
 */
import type { Tensor } from '@antorcha/core';
import * as F from '../functional/activation.js';
import { Module } from '../module.js';
import { pyFloat, pyStr } from '../utils/pyrepr.js';

function inplaceRepr(inplace: boolean, lead: boolean): string {
  return inplace ? (lead ? ', inplace=True' : 'inplace=True') : '';
}

/** max(x, 0). */
export class ReLU extends Module {
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  constructor(inplace = false) {
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

/** min(max(x, 0), 6). */
export class ReLU6 extends Module {
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  constructor(inplace = false) {
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

/** x, or `negativeSlope·x` for x ≤ 0. */
export class LeakyReLU extends Module {
  /** Slope for negative inputs. */
  declare negativeSlope: number;
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  constructor(negativeSlope = 0.01, inplace = false) {
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

/** x, or `alpha·(exp(x) − 1)` for x ≤ 0. */
export class ELU extends Module {
  /** Scale of the negative part. */
  declare alpha: number;
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  constructor(alpha = 1.0, inplace = false) {
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

/** Gaussian error linear unit (`approximate: 'tanh'` for the tanh form). */
export class GELU extends Module {
  /** `'none'` or `'tanh'`. */
  declare approximate: 'none' | 'tanh';
  constructor(opts: { approximate?: 'none' | 'tanh' } = {}) {
    super();
    this.approximate = opts.approximate ?? 'none';
  }
  override forward(input: Tensor): Tensor {
    return F.gelu(input, { approximate: this.approximate });
  }
  override extraRepr(): string {
    return `approximate=${pyStr(this.approximate)}`;
  }
}

/** x·sigmoid(x). */
export class SiLU extends Module {
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  constructor(inplace = false) {
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

/** Logistic sigmoid. */
export class Sigmoid extends Module {
  override forward(input: Tensor): Tensor {
    return input.sigmoid();
  }
}

/** Hyperbolic tangent. */
export class Tanh extends Module {
  override forward(input: Tensor): Tensor {
    return input.tanh();
  }
}

/** log(sigmoid(x)). */
export class LogSigmoid extends Module {
  override forward(input: Tensor): Tensor {
    return F.logSigmoid(input);
  }
}

/** Softmax along `dim`. */
export class Softmax extends Module {
  /** The normalised dim (null: PyTorch's legacy implicit choice). */
  declare dim: number | null;
  constructor(dim: number | null = null) {
    super();
    this.dim = dim;
  }
  override forward(input: Tensor): Tensor {
    return F.softmax(input, implicitDim(this.dim, input));
  }
  override extraRepr(): string {
    return `dim=${this.dim === null ? 'None' : this.dim}`;
  }
}

/** Softmin along `dim`. */
export class Softmin extends Module {
  /** The normalised dim. */
  declare dim: number | null;
  constructor(dim: number | null = null) {
    super();
    this.dim = dim;
  }
  override forward(input: Tensor): Tensor {
    return F.softmin(input, implicitDim(this.dim, input));
  }
  override extraRepr(): string {
    return `dim=${this.dim === null ? 'None' : this.dim}`;
  }
}

/** Log-softmax along `dim`. */
export class LogSoftmax extends Module {
  /** The normalised dim. */
  declare dim: number | null;
  constructor(dim: number | null = null) {
    super();
    this.dim = dim;
  }
  override forward(input: Tensor): Tensor {
    return F.logSoftmax(input, implicitDim(this.dim, input));
  }
  override extraRepr(): string {
    return `dim=${this.dim === null ? 'None' : this.dim}`;
  }
}

/** PyTorch's `_get_softmax_dim` for `dim=None`: 0 for 0/1/3-D inputs, else 1. */
function implicitDim(dim: number | null, input: Tensor): number {
  if (dim !== null) return dim;
  const n = input.ndim;
  return n === 0 || n === 1 || n === 3 ? 0 : 1;
}

/** log(1 + exp(beta·x)) / beta, linear above `threshold`. */
export class Softplus extends Module {
  /** Sharpness. */
  declare beta: number;
  /** Linear above beta·x > threshold. */
  declare threshold: number;
  constructor(beta = 1, threshold = 20) {
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

/** Clamps into [minVal, maxVal]. */
export class Hardtanh extends Module {
  /** Lower bound. */
  declare minVal: number;
  /** Upper bound. */
  declare maxVal: number;
  /** Whether the input is overwritten. */
  declare inplace: boolean;
  constructor(minVal = -1.0, maxVal = 1.0, inplace = false) {
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
