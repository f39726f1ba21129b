/** `optim.Adadelta`: PyTorch's `_single_tensor_adadelta`. */
import { type Tensor, TorchValueError, zerosLike } from '@antorcha/core';
import { type ParamGroup, type ParamsInput, Optimizer, checkNonNegative, gradOf, withDefaults } from './optimizer.js';

/** Options of {@link Adadelta}. */
export interface AdadeltaOptions {
  /** Scale of the update (default 1). */
  lr?: number;
  /** Running-average coefficient (default 0.9). */
  rho?: number;
  /** Added inside both square roots (default 1e-6). */
  eps?: number;
  /** L2 penalty (default 0). */
  weightDecay?: number;
  /** Maximise the objective (default false). */
  maximize?: boolean;
}

/**
 * Adadelta (Zeiler): steps scaled by the ratio of running RMS of updates and of gradients.
 * @example
 * ```ts pytorch=nn.optim.Adadelta
 * const w = torch.tensor([1, -2], { dtype: 'float32', requiresGrad: true });
 * const opt = new torch.optim.Adadelta([w], { lr: 1 });
 * for (let i = 0; i < 2; i++) {
 *   opt.zeroGrad();
 *   w.pow(2).sum().backward();
 *   opt.step();
 * }
 * console.log(w);
 * ```
 * ```text
 * tensor([ 0.9936, -1.9936], requires_grad=True)
 * ```
 */
export class Adadelta extends Optimizer {
  protected override readonly pytorchOnlyDefaults = { foreach: null };

  constructor(params: ParamsInput, opts: AdadeltaOptions = {}) {
    const o = withDefaults<Required<AdadeltaOptions>>({ lr: 1.0, rho: 0.9, eps: 1e-6, weightDecay: 0, maximize: false }, opts, 'Adadelta');
    checkNonNegative(o.lr, 'learning rate', 'Adadelta');
    if (!(o.rho >= 0 && o.rho <= 1)) throw new TorchValueError('Adadelta', `Invalid rho value: ${o.rho}`);
    checkNonNegative(o.eps, 'epsilon value', 'Adadelta');
    checkNonNegative(o.weightDecay, 'weight_decay value', 'Adadelta');
    super(params, o);
  }

  protected override _update(group: ParamGroup): void {
    const { lr, rho, eps, weightDecay, maximize } = group as ParamGroup & Required<AdadeltaOptions>;
    for (const p of group.params) {
      if (p.grad === null) continue;
      let grad = gradOf(p, maximize);
      const state = this.stateOf(p);
      if (state.step === undefined) {
        state.step = 0;
        state.square_avg = zerosLike(p);
        state.acc_delta = zerosLike(p);
      }
      state.step = (state.step as number) + 1;
      if (weightDecay !== 0) grad = grad.add(p, { alpha: weightDecay });
      const squareAvg = state.square_avg as Tensor;
      const accDelta = state.acc_delta as Tensor;
      squareAvg.mul_(rho).addcmul_(grad, grad, { value: 1 - rho });
      const std = squareAvg.add(eps).sqrt_();
      const delta = accDelta.add(eps).sqrt_().div_(std).mul_(grad);
      accDelta.mul_(rho).addcmul_(delta, delta, { value: 1 - rho });
      p.add_(delta, { alpha: -lr });
    }
  }
}
