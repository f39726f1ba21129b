/** `optim.Adagrad`: PyTorch's `_single_tensor_adagrad`. */
import { type Tensor, adopt, fullLike } from '@antorcha/core';
import { type ParamGroup, type ParamsInput, Optimizer, advanceStep, hostScalar, checkNonNegative, gradOf, withDefaults } from './optimizer.js';

/** Options of {@link Adagrad}. */
export interface AdagradOptions {
  /** Learning rate (default 1e-2). */
  lr?: number;
  /** Learning-rate decay (default 0). */
  lrDecay?: number;
  /** L2 penalty (default 0). */
  weightDecay?: number;
  /** Initial value of the squared-gradient sums (default 0). */
  initialAccumulatorValue?: number;
  /** Denominator epsilon (default 1e-10). */
  eps?: number;
  /** Maximise the objective (default false). */
  maximize?: boolean;
}

/**
 * Adagrad (Duchi et al.). State (`sum`, `step`) is created for every parameter up front, as in PyTorch.
 * @example
 * ```ts pytorch=nn.optim.Adagrad
 * const w = torch.tensor([1, -2], { dtype: 'float32', requiresGrad: true });
 * const opt = new torch.optim.Adagrad([w], { lr: 0.5 });
 * w.pow(2).sum().backward();
 * opt.step();
 * console.log(w);
 * ```
 * ```text
 * tensor([ 0.5000, -1.5000], requires_grad=True)
 * ```
 */
export class Adagrad extends Optimizer {
  protected override readonly pytorchOnlyDefaults = { foreach: null };

  constructor(params: ParamsInput, opts: AdagradOptions = {}) {
    const o = withDefaults<Required<AdagradOptions>>({ lr: 1e-2, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, maximize: false }, opts, 'Adagrad');
    checkNonNegative(o.lr, 'learning rate', 'Adagrad');
    checkNonNegative(o.lrDecay, 'lr_decay value', 'Adagrad');
    checkNonNegative(o.weightDecay, 'weight_decay value', 'Adagrad');
    checkNonNegative(o.initialAccumulatorValue, 'initial_accumulator_value value', 'Adagrad');
    checkNonNegative(o.eps, 'epsilon value', 'Adagrad');
    super(params, o);
    for (const g of this.paramGroups) {
      for (const p of g.params) {
        const s = this.stateOf(p);
        // created eagerly, as PyTorch does: the optimizer's even when built inside tidy
        s.step = adopt(hostScalar(0));
        s.sum = adopt(fullLike(p, g.initialAccumulatorValue as number));
      }
    }
  }

  protected override _update(group: ParamGroup): void {
    const { lr, lrDecay, weightDecay, eps, maximize } = group as ParamGroup & Required<AdagradOptions>;
    for (const p of group.params) {
      if (p.grad === null) continue;
      let grad = gradOf(p, maximize);
      const state = this.stateOf(p);
      const step = advanceStep(state.step as Tensor);
      if (weightDecay !== 0) grad = grad.add(p, { alpha: weightDecay });
      const clr = lr / (1 + (step - 1) * lrDecay);
      const sum = state.sum as Tensor;
      sum.addcmul_(grad, grad, { value: 1 });
      const std = sum.sqrt().add_(eps);
      p.addcdiv_(grad, std, { value: -clr });
    }
  }
}
