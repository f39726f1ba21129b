/** `optim.RAdam`: PyTorch 1.13's `_single_tensor_radam` (rectified Adam). */
import { type Tensor, zerosLike } from '@antorcha/core';
import { crPowInt } from '@antorcha/rng';
import { checkBetas } from './adamax.js';
import { type ParamGroup, type ParamsInput, Optimizer, advanceStep, hostScalar, withDefaults } from './optimizer.js';

/** Options of {@link RAdam}. */
export interface RAdamOptions {
  /** Learning rate (default 1e-3). */
  lr?: number;
  /** Running-average coefficients (default [0.9, 0.999]). */
  betas?: [number, number];
  /** Denominator epsilon (default 1e-8). */
  eps?: number;
  /** L2 penalty (default 0). */
  weightDecay?: number;
}

/**
 * RAdam (Liu et al.): Adam whose adaptive step is switched on once its variance is tractable.
 * @example
 * ```ts pytorch=nn.optim.RAdam
 * const w = torch.tensor([1, -2], { dtype: 'float32', requiresGrad: true });
 * const opt = new torch.optim.RAdam([w], { lr: 0.1 });
 * for (let i = 0; i < 2; i++) {
 *   opt.zeroGrad();
 *   w.pow(2).sum().backward();
 *   opt.step();
 * }
 * console.log(w);
 * ```
 * ```text
 * tensor([ 0.6211, -1.2421], requires_grad=True)
 * ```
 */
export class RAdam extends Optimizer {
  protected override readonly pytorchOnlyDefaults = { foreach: null };

  constructor(params: ParamsInput, opts: RAdamOptions = {}) {
    const o = withDefaults<Required<RAdamOptions>>({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 }, opts, 'RAdam');
    checkBetas(o, 'RAdam');
    super(params, o);
  }

  protected override _update(group: ParamGroup): void {
    const { lr, eps, weightDecay } = group as ParamGroup & Required<RAdamOptions>;
    const [beta1, beta2] = group.betas as [number, number];
    for (const p of group.params) {
      if (p.grad === null) continue;
      let grad = p.grad;
      const state = this.stateOf(p);
      if (state.step === undefined) {
        state.step = hostScalar(0);
        state.exp_avg = zerosLike(p);
        state.exp_avg_sq = zerosLike(p);
      }
      const step = advanceStep(state.step as Tensor);
      const bc1 = 1 - crPowInt(beta1, step);
      const bc2 = 1 - crPowInt(beta2, step);
      if (weightDecay !== 0) grad = grad.add(p, { alpha: weightDecay });
      const expAvg = state.exp_avg as Tensor;
      const expAvgSq = state.exp_avg_sq as Tensor;
      expAvg.mul_(beta1).add_(grad, { alpha: 1 - beta1 });
      expAvgSq.mul_(beta2).addcmul_(grad, grad, { value: 1 - beta2 });
      const corrected = expAvg.div(bc1);
      const rhoInf = 2 / (1 - beta2) - 1;
      const rhoT = rhoInf - (2 * step * crPowInt(beta2, step)) / bc2;
      if (rhoT > 5) {
        const rect = Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
        // Python's `float / tensor` is reciprocal(tensor) * float
        const adaptiveLr = expAvgSq.sqrt().add_(eps).reciprocal().mul(Math.sqrt(bc2));
        p.add_(corrected.mul(lr).mul(adaptiveLr).mul(rect), { alpha: -1 });
      } else {
        p.add_(corrected.mul(lr), { alpha: -1 });
      }
    }
  }
}
