/** `optim.NAdam`: PyTorch 1.13's `_single_tensor_nadam` (Adam with Nesterov momentum). */
import { type Tensor, zerosLike } from '@antorcha/core';
import { crPowInt } from '@antorcha/rng';
import { checkBetas } from './adamax.js';
import { type ParamGroup, type ParamsInput, Optimizer, advanceStep, hostScalar, checkNonNegative, withDefaults } from './optimizer.js';

/** Options of {@link NAdam}. */
export interface NAdamOptions {
  /** Learning rate (default 2e-3). */
  lr?: number;
  /** Running-average coefficients (default [0.9, 0.999]). */
  betas?: [number, number];
  /** Denominator epsilon (default 1e-8). */
  eps?: number;
  /** L2 penalty (default 0). */
  weightDecay?: number;
  /** Momentum decay ψ of the schedule μ_t = β1·(1 − ½·0.96^(t·ψ)) (default 4e-3). */
  momentumDecay?: number;
}

/**
 * NAdam (Dozat). The product of the μ_t is kept as a float32 CPU tensor (`mu_product`), as in PyTorch 1.13 (read on the host).
 * @example
 * ```ts pytorch=nn.optim.NAdam
 * const w = torch.tensor([1, -2], { dtype: 'float32', requiresGrad: true });
 * const opt = new torch.optim.NAdam([w], { lr: 0.1 });
 * for (let i = 0; i < 2; i++) {
 *   opt.zeroGrad();
 *   w.pow(2).sum().backward();
 *   opt.step();
 * }
 * console.log(w);
 * ```
 * ```text
 * tensor([ 0.8211, -1.8191], requires_grad=True)
 * ```
 */
export class NAdam extends Optimizer {
  protected override readonly pytorchOnlyDefaults = { foreach: null };

  constructor(params: ParamsInput, opts: NAdamOptions = {}) {
    const o = withDefaults<Required<NAdamOptions>>({ lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, momentumDecay: 4e-3 }, opts, 'NAdam');
    checkBetas(o, 'NAdam');
    checkNonNegative(o.momentumDecay, 'momentum_decay value', 'NAdam');
    super(params, o);
  }

  protected override _update(group: ParamGroup): void {
    const { lr, eps, weightDecay, momentumDecay } = group as ParamGroup & Required<NAdamOptions>;
    const [beta1, beta2] = group.betas as [number, number];
    for (const p of group.params) {
      if (p.grad === null) continue;
      let grad = p.grad;
      const state = this.stateOf(p);
      if (state.step === undefined) {
        state.step = hostScalar(0);
        state.mu_product = hostScalar(1);
        state.exp_avg = zerosLike(p);
        state.exp_avg_sq = zerosLike(p);
      }
      const step = advanceStep(state.step as Tensor);
      const bc2 = 1 - crPowInt(beta2, step);
      if (weightDecay !== 0) grad = grad.add(p, { alpha: weightDecay });
      // 0.96 ** (t·ψ): a non-integer power (Math.pow, V8's; Python's is glibc's)
      const mu = beta1 * (1 - 0.5 * 0.96 ** (step * momentumDecay));
      const muNext = beta1 * (1 - 0.5 * 0.96 ** ((step + 1) * momentumDecay));
      const muProduct = state.mu_product as Tensor;
      muProduct.mul_(mu);
      const muProductNext = muProduct.mul(mu).mul(muNext);
      const expAvg = state.exp_avg as Tensor;
      const expAvgSq = state.exp_avg_sq as Tensor;
      expAvg.mul_(beta1).add_(grad, { alpha: 1 - beta1 });
      expAvgSq.mul_(beta2).addcmul_(grad, grad, { value: 1 - beta2 });
      const denom = expAvgSq.div(bc2).sqrt().add_(eps);
      p.addcdiv_(grad, denom, { value: (-lr * (1 - mu)) / (1 - (muProduct.item() as number)) });
      p.addcdiv_(expAvg, denom, { value: (-lr * muNext) / (1 - (muProductNext.item() as number)) });
    }
  }
}
