/** `optim.SGD`: PyTorch's `_single_tensor_sgd`. */
import { type Tensor, TorchValueError } from '@antorcha/core';
import { type ParamGroup, type ParamsInput, Optimizer, REQUIRED, checkNonNegative, gradOf, withDefaults } from './optimizer.js';

/** Options of {@link SGD}. */
export interface SGDOptions {
  /** Learning rate (required). */
  lr: number;
  /** Momentum factor (default 0). */
  momentum?: number;
  /** Dampening of the momentum (default 0). */
  dampening?: number;
  /** L2 penalty (default 0). */
  weightDecay?: number;
  /** Nesterov momentum (default false). */
  nesterov?: boolean;
  /** Maximise the objective (default false). */
  maximize?: boolean;
}

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov and
 * weight decay — the update order of PyTorch's single-tensor implementation:
 * `d = g (+ wd·p); buf = momentum·buf + (1 − dampening)·d; p −= lr·(nesterov ? d + momentum·buf : buf)`.
 * @example
 * ```ts pytorch=nn.optim.SGD
 * const w = torch.tensor([1, -2], { dtype: 'float32', requiresGrad: true });
 * const opt = new torch.optim.SGD([w], { lr: 0.1, momentum: 0.9 });
 * for (let i = 0; i < 2; i++) {
 *   opt.zeroGrad();
 *   w.pow(2).sum().backward();
 *   opt.step();
 * }
 * console.log(w);
 * ```
 * ```text
 * tensor([ 0.4600, -0.9200], requires_grad=True)
 * ```
 */
export class SGD extends Optimizer {
  protected override readonly pytorchOnlyDefaults = { foreach: null, differentiable: false };

  /**
   * @param params the tensors, or param groups with their own options
   * @param opts `lr` (required unless every group gives one), momentum, dampening, weight decay, Nesterov, maximize
   */
  constructor(params: ParamsInput, opts: Partial<SGDOptions> = {}) {
    // lr has no default (PyTorch 1.13's `required`): the groups must then all give one
    const o = withDefaults<Omit<Required<SGDOptions>, 'lr'> & { lr: number | typeof REQUIRED }>(
      { lr: REQUIRED, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false, maximize: false },
      opts,
      'SGD',
    );
    if (o.lr !== REQUIRED) checkNonNegative(o.lr, 'learning rate', 'SGD');
    checkNonNegative(o.momentum, 'momentum value', 'SGD');
    checkNonNegative(o.weightDecay, 'weight_decay value', 'SGD');
    if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0)) throw new TorchValueError('SGD', 'Nesterov momentum requires a momentum and zero dampening');
    super(params, o);
  }

  protected override _update(group: ParamGroup): void {
    const { lr, momentum, dampening, weightDecay, nesterov, maximize } = group as ParamGroup & Required<SGDOptions>;
    for (const p of group.params) {
      if (p.grad === null) continue;
      let d: Tensor = gradOf(p, maximize);
      if (weightDecay !== 0) d = d.add(p, { alpha: weightDecay });
      const state = this.stateOf(p);
      if (momentum !== 0) {
        let buf = state.momentum_buffer as Tensor | null | undefined;
        if (buf === null || buf === undefined) {
          buf = d.clone().detach();
          state.momentum_buffer = buf;
        } else {
          buf.mul_(momentum).add_(d, { alpha: 1 - dampening });
        }
        d = nesterov ? d.add(buf, { alpha: momentum }) : buf;
      } else state.momentum_buffer = null;
      p.add_(d, { alpha: -lr });
    }
  }
}
