/** `optim.Adamax`: PyTorch's `_single_tensor_adamax` (Adam with an infinity norm). */
import { type Tensor, TorchValueError, zerosLike } from '@antorcha/core';
import { crPowInt } from '@antorcha/rng';
import { type ParamGroup, type ParamsInput, Optimizer, advanceStep, hostScalar, checkNonNegative, gradOf, withDefaults } from './optimizer.js';

/** Options of {@link Adamax}. */
export interface AdamaxOptions {
  /** Learning rate (default 2e-3). */
  lr?: number;
  /** Coefficients of the first moment and of the infinity norm (default [0.9, 0.999]). */
  betas?: [number, number];
  /** Added to |grad| (default 1e-8). */
  eps?: number;
  /** L2 penalty (default 0). */
  weightDecay?: number;
  /** Maximise the objective (default false). */
  maximize?: boolean;
}

/** Checks the shared Adam-family arguments with PyTorch's messages. */
export function checkBetas(o: { lr: number; eps: number; betas: [number, number]; weightDecay: number }, op: string): void {
  checkNonNegative(o.lr, 'learning rate', op);
  checkNonNegative(o.eps, 'epsilon value', op);
  if (!(o.betas[0] >= 0 && o.betas[0] < 1)) throw new TorchValueError(op, `Invalid beta parameter at index 0: ${o.betas[0]}`);
  if (!(o.betas[1] >= 0 && o.betas[1] < 1)) throw new TorchValueError(op, `Invalid beta parameter at index 1: ${o.betas[1]}`);
  checkNonNegative(o.weightDecay, 'weight_decay value', op);
}

/**
 * Adamax (Kingma & Ba): the second moment replaced by an exponentially weighted infinity norm.
 * @example
 * ```ts pytorch=nn.optim.Adamax
 * const w = torch.tensor([1, -2], { dtype: 'float32', requiresGrad: true });
 * const opt = new torch.optim.Adamax([w], { lr: 0.1 });
 * for (let i = 0; i < 2; i++) {
 *   opt.zeroGrad();
 *   w.pow(2).sum().backward();
 *   opt.step();
 * }
 * console.log(w);
 * ```
 * ```text
 * tensor([ 0.8052, -1.8025], requires_grad=True)
 * ```
 */
export class Adamax extends Optimizer {
  protected override readonly pytorchOnlyDefaults = { foreach: null };

  constructor(params: ParamsInput, opts: AdamaxOptions = {}) {
    const o = withDefaults<Required<AdamaxOptions>>({ lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, maximize: false }, opts, 'Adamax');
    checkBetas(o, 'Adamax');
    super(params, o);
  }

  protected override _update(group: ParamGroup): void {
    const { lr, eps, weightDecay, maximize } = group as ParamGroup & Required<AdamaxOptions>;
    const [beta1, beta2] = group.betas as [number, number];
    for (const p of group.params) {
      if (p.grad === null) continue;
      let grad = gradOf(p, maximize);
      const state = this.stateOf(p);
      if (state.step === undefined) {
        state.step = hostScalar(0);
        state.exp_avg = zerosLike(p);
        state.exp_inf = zerosLike(p);
      }
      const step = advanceStep(state.step as Tensor);
      if (weightDecay !== 0) grad = grad.add(p, { alpha: weightDecay });
      const expAvg = state.exp_avg as Tensor;
      const expInf = state.exp_inf as Tensor;
      expAvg.mul_(beta1).add_(grad, { alpha: 1 - beta1 });
      // max(β2·u, |g| + eps), the amax over PyTorch's two-row cat
      expInf.copy_(expInf.mul_(beta2).maximum(grad.abs().add_(eps)));
      const clr = lr / (1 - crPowInt(beta1, step));
      p.addcdiv_(expAvg, expInf, { value: -clr });
    }
  }
}
