/** `optim.ASGD`: PyTorch 1.13's `_single_tensor_asgd` (averaged SGD). */
import { type Tensor, zerosLike } from '@antorcha/core';
import { type ParamGroup, type ParamsInput, Optimizer, advanceStep, hostScalar, checkNonNegative, gradOf, withDefaults } from './optimizer.js';

/** Options of {@link ASGD}. */
export interface ASGDOptions {
  /** Learning rate (default 1e-2). */
  lr?: number;
  /** Decay term (default 1e-4). */
  lambd?: number;
  /** Power of the η update (default 0.75). */
  alpha?: number;
  /** Step at which averaging starts (default 1e6). */
  t0?: number;
  /** L2 penalty (default 0). */
  weightDecay?: number;
  /** Maximise the objective (default false). */
  maximize?: boolean;
}

/**
 * ASGD: SGD with a decaying rate and a running average `ax` of the iterates. η and μ are float32 CPU tensors, as in PyTorch 1.13 (read on the host).
 * @example
 * ```ts pytorch=nn.optim.ASGD
 * const w = torch.tensor([1, -2], { dtype: 'float32', requiresGrad: true });
 * const opt = new torch.optim.ASGD([w], { lr: 0.1 });
 * for (let i = 0; i < 2; i++) {
 *   opt.zeroGrad();
 *   w.pow(2).sum().backward();
 *   opt.step();
 * }
 * console.log(w);
 * ```
 * ```text
 * tensor([ 0.6400, -1.2800], requires_grad=True)
 * ```
 */
export class ASGD extends Optimizer {
  protected override readonly pytorchOnlyDefaults = { foreach: null };

  constructor(params: ParamsInput, opts: ASGDOptions = {}) {
    const o = withDefaults<Required<ASGDOptions>>({ lr: 1e-2, lambd: 1e-4, alpha: 0.75, t0: 1e6, weightDecay: 0, maximize: false }, opts, 'ASGD');
    checkNonNegative(o.lr, 'learning rate', 'ASGD');
    checkNonNegative(o.weightDecay, 'weight_decay value', 'ASGD');
    super(params, o);
  }

  protected override _update(group: ParamGroup): void {
    const { lr, lambd, alpha, t0, weightDecay, maximize } = group as ParamGroup & Required<ASGDOptions>;
    for (const p of group.params) {
      if (p.grad === null) continue;
      let grad = gradOf(p, maximize);
      const state = this.stateOf(p);
      if (state.step === undefined) {
        state.step = hostScalar(0);
        state.eta = hostScalar(lr);
        state.mu = hostScalar(1);
        state.ax = zerosLike(p);
      }
      const step = advanceStep(state.step as Tensor);
      if (weightDecay !== 0) grad = grad.add(p, { alpha: weightDecay });
      const eta = state.eta as Tensor;
      const mu = state.mu as Tensor;
      const ax = state.ax as Tensor;
      const etaV = eta.item() as number;
      p.mul_(1 - lambd * etaV);
      p.add_(grad, { alpha: -etaV });
      const muV = mu.item() as number;
      // μ is read on the host (a CPU tensor): the number multiplies as the float32 tensor would
      if (muV !== 1) ax.add_(p.sub(ax).mul(muV));
      else ax.copy_(p);
      // (1 + λ·lr·t)^α: a non-integer power (V8's Math.pow; Python's is glibc's), then stored as float32
      eta.fill_(lr / (1 + lambd * lr * step) ** alpha);
      mu.fill_(1 / Math.max(1, step - t0));
    }
  }
}
