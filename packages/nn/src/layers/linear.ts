/**
 * `Identity`, `Linear`, `Bilinear`, and the `NonDynamicallyQuantizableLinear`
 * that `MultiheadAttention` uses for its output projection.
 */
import type { Tensor } from '@antorcha/core';
import * as F from '../functional/linear.js';
import * as init from '../init.js';
import { Module } from '../module.js';
import type { Parameter } from '../parameter.js';
import { pyBool } from '../utils/pyrepr.js';
import { FACTORY, type FactoryOptions, checkArgs, checkOptions, emptyParam } from './_util.js';

/**
 * Returns its input unchanged (a placeholder).
 * @example
 * ```ts pytorch=nn.Identity
 * const id = new torch.nn.Identity();
 * console.log(id, id.call(torch.tensor([1, 2])));
 * ```
 * ```text
 * Identity() tensor([1, 2])
 * ```
 */
export class Identity extends Module {
  /** Accepts and ignores any arguments, as PyTorch's does. */
  constructor(..._args: unknown[]) {
    super();
  }
  /** Returns `input`. */
  override forward(input: Tensor): Tensor {
    return input;
  }
}

/** Options of {@link Linear}. */
export interface LinearOptions extends FactoryOptions {
  /** Learn an additive bias (default true). */
  bias?: boolean;
}

/**
 * `y = x Wᵀ + b`, weight [out, in] and bias [out] initialised as PyTorch does
 * (kaiming-uniform with a = √5, then U(−1/√in, 1/√in) for the bias).
 * @example
 * ```ts pytorch=nn.Linear
 * torch.manualSeed(0);
 * const fc = new torch.nn.Linear(3, 2); // PyTorch's weights, bit for bit
 * console.log(fc.weight);
 * console.log(fc.call(torch.ones(1, 3)));
 * ```
 * ```text
 * Parameter containing:
 * tensor([[-0.0043,  0.3097, -0.4752],
 *         [-0.4249, -0.2224,  0.1548]], requires_grad=True)
 * tensor([[-0.1812, -0.0347]], grad_fn=<AddmmBackward0>)
 * ```
 */
export class Linear extends Module {
  /** Input size. */
  declare inFeatures: number;
  /** Output size. */
  declare outFeatures: number;
  /** [outFeatures, inFeatures]. */
  declare weight: Parameter;
  /** [outFeatures], or null without bias. */
  declare bias: Parameter | null;

  /**
   * @param inFeatures input size
   * @param outFeatures output size
   * @param opts `bias` (default true) and `dtype`
   */
  constructor(inFeatures: number, outFeatures: number, opts: LinearOptions = {}) {
    const name = new.target.name;
    checkArgs(name, [
      ['in_features', inFeatures, 'size'],
      ['out_features', outFeatures, 'size'],
    ]);
    const o = checkOptions(name, opts, { bias: 'bool', ...FACTORY }, 3);
    super();
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.weight = emptyParam([outFeatures, inFeatures], o);
    if (o.bias ?? true) this.bias = emptyParam([outFeatures], o);
    else this.registerParameter('bias', null);
    this.resetParameters();
  }

  /** Re-draws the parameters as PyTorch's `reset_parameters` does. */
  resetParameters(): void {
    init.kaimingUniform_(this.weight, { a: Math.sqrt(5) });
    if (this.bias !== null) {
      const { fanIn } = init.calculateFanInAndFanOut(this.weight);
      const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      init.uniform_(this.bias, -bound, bound);
    }
  }

  override forward(input: Tensor): Tensor {
    return F.linear(input, this.weight, this.bias);
  }

  override extraRepr(): string {
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${pyBool(this.bias !== null)}`;
  }
}

/** A `Linear` under another name (PyTorch uses it for `MultiheadAttention.out_proj`). */
export class NonDynamicallyQuantizableLinear extends Linear {}

/**
 * `y = x1ᵀ A x2 + b` with weight [out, in1, in2], all drawn from U(−1/√in1, 1/√in1).
 * @example
 * ```ts pytorch=nn.Bilinear
 * torch.manualSeed(0);
 * const bil = new torch.nn.Bilinear(2, 3, 1); // x1ᵀ A x2 + b
 * console.log(bil);
 * console.log(bil.call(torch.ones(1, 2), torch.ones(1, 3)));
 * ```
 * ```text
 * Bilinear(in1_features=2, in2_features=3, out_features=1, bias=True)
 * tensor([[-0.8251]], grad_fn=<AddBackward0>)
 * ```
 */
export class Bilinear extends Module {
  /** First input size. */
  declare in1Features: number;
  /** Second input size. */
  declare in2Features: number;
  /** Output size. */
  declare outFeatures: number;
  /** [out, in1, in2]. */
  declare weight: Parameter;
  /** [out] or null. */
  declare bias: Parameter | null;

  /**
   * @param in1Features first input size
   * @param in2Features second input size
   * @param outFeatures output size
   * @param opts `bias` (default true) and `dtype`
   */
  constructor(in1Features: number, in2Features: number, outFeatures: number, opts: LinearOptions = {}) {
    checkArgs('Bilinear', [
      ['in1_features', in1Features, 'size'],
      ['in2_features', in2Features, 'size'],
      ['out_features', outFeatures, 'size'],
    ]);
    const o = checkOptions('Bilinear', opts, { bias: 'bool', ...FACTORY }, 4);
    super();
    this.in1Features = in1Features;
    this.in2Features = in2Features;
    this.outFeatures = outFeatures;
    this.weight = emptyParam([outFeatures, in1Features, in2Features], o);
    if (o.bias ?? true) this.bias = emptyParam([outFeatures], o);
    else this.registerParameter('bias', null);
    this.resetParameters();
  }

  /** Re-draws the parameters as PyTorch does. */
  resetParameters(): void {
    const bound = 1 / Math.sqrt(this.weight._shape[1]!);
    init.uniform_(this.weight, -bound, bound);
    if (this.bias !== null) init.uniform_(this.bias, -bound, bound);
  }

  override forward(input1: Tensor, input2: Tensor): Tensor {
    return F.bilinear(input1, input2, this.weight, this.bias);
  }

  override extraRepr(): string {
    return `in1_features=${this.in1Features}, in2_features=${this.in2Features}, out_features=${this.outFeatures}, bias=${pyBool(this.bias !== null)}`;
  }
}
