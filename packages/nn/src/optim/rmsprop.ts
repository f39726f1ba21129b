/** `optim.RMSprop`: PyTorch's `_single_tensor_rmsprop`. */
import { type Tensor, TorchValueError, zerosLike } from '@antorcha/core';
import { type ParamGroup, type ParamsInput, Optimizer, checkNonNegative, gradOf, withDefaults } from './optimizer.js';

/** Options of {@link RMSprop}. */
export interface RMSpropOptions {
  /** Learning rate (default 1e-2). */
  lr?: number;
  /** Smoothing constant (default 0.99). */
  alpha?: number;
  /** Denominator epsilon (default 1e-8). */
  eps?: number;
  /** L2 penalty (default 0). */
  weightDecay?: number;
  /** Momentum (default 0). */
  momentum?: number;
  /** Normalise by the centred second moment (default false). */
  centered?: boolean;
  /** Maximise the objective (default false). */
  maximize?: boolean;
}

/**
 * RMSprop (Hinton), optionally centred, with momentum.
 * @example
 * ```ts pytorch=nn.optim.RMSprop
 * const w = torch.tensor([1, -2], { dtype: 'float32', requiresGrad: true });
 * const opt = new torch.optim.RMSprop([w], { lr: 0.01 });
 * w.pow(2).sum().backward();
 * opt.step();
 * console.log(w);
 * ```
 * ```text
 * tensor([ 0.9000, -1.9000], requires_grad=True)
 * ```
 */
export class RMSprop extends Optimizer {
  protected override readonly pytorchOnlyDefaults = { foreach: null, differentiable: false };

  constructor(params: ParamsInput, opts: RMSpropOptions = {}) {
    const o = withDefaults<Required<RMSpropOptions>>({ lr: 1e-2, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false, maximize: false }, opts, 'RMSprop');
    checkNonNegative(o.lr, 'learning rate', 'RMSprop');
    checkNonNegative(o.eps, 'epsilon value', 'RMSprop');
    checkNonNegative(o.momentum, 'momentum value', 'RMSprop');
    checkNonNegative(o.weightDecay, 'weight_decay value', 'RMSprop');
    if (!(o.alpha >= 0)) throw new TorchValueError('RMSprop', `Invalid alpha value: ${o.alpha}`);
    super(params, o);
  }

  protected override _update(group: ParamGroup): void {
    const { lr, alpha, eps, weightDecay, momentum, centered, maximize } = group as ParamGroup & Required<RMSpropOptions>;
    for (const p of group.params) {
      if (p.grad === null) continue;
      let grad = gradOf(p, maximize);
      const state = this.stateOf(p);
      if (state.step === undefined) {
        state.step = 0;
        state.square_avg = zerosLike(p);
        if (momentum > 0) state.momentum_buffer = zerosLike(p);
        if (centered) state.grad_avg = zerosLike(p);
      }
      state.step = (state.step as number) + 1;
      if (weightDecay !== 0) grad = grad.add(p, { alpha: weightDecay });
      const squareAvg = state.square_avg as Tensor;
      squareAvg.mul_(alpha).addcmul_(grad, grad, { value: 1 - alpha });
      let avg: Tensor;
      if (centered) {
        const gradAvg = state.grad_avg as Tensor;
        gradAvg.mul_(alpha).add_(grad, { alpha: 1 - alpha });
        avg = squareAvg.addcmul(gradAvg, gradAvg, { value: -1 }).sqrt_();
      } else avg = squareAvg.sqrt();
      avg = avg.add_(eps);
      if (momentum > 0) {
        const buf = state.momentum_buffer as Tensor;
        buf.mul_(momentum).addcdiv_(grad, avg);
        p.add_(buf, { alpha: -lr });
      } else p.addcdiv_(grad, avg, { value: -lr });
    }
  }
}
