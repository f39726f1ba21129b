/** `optim.Rprop`: PyTorch's `_single_tensor_rprop` (resilient backpropagation). */
import { type Tensor, TorchValueError, fullLike, where, zerosLike } from '@antorcha/core';
import { type ParamGroup, type ParamsInput, Optimizer, checkNonNegative, gradOf, withDefaults } from './optimizer.js';

/** Options of {@link Rprop}. */
export interface RpropOptions {
  /** Initial step size (default 1e-2). */
  lr?: number;
  /** Step-size multipliers [η−, η+] on a sign change / no change (default [0.5, 1.2]). */
  etas?: [number, number];
  /** Step-size bounds [min, max] (default [1e-6, 50]). */
  stepSizes?: [number, number];
  /** Maximise the objective (default false). */
  maximize?: boolean;
}

/**
 * Rprop: per-element step sizes grown while the gradient keeps its sign and shrunk when it flips.
 * @example
 * ```ts pytorch=nn.optim.Rprop
 * const w = torch.tensor([1, -2], { dtype: 'float32', requiresGrad: true });
 * const opt = new torch.optim.Rprop([w], { lr: 0.1 });
 * for (let i = 0; i < 2; i++) {
 *   opt.zeroGrad();
 *   w.pow(2).sum().backward();
 *   opt.step();
 * }
 * console.log(w);
 * ```
 * ```text
 * tensor([ 0.7800, -1.7800], requires_grad=True)
 * ```
 */
export class Rprop extends Optimizer {
  protected override readonly pytorchOnlyDefaults = { foreach: null };

  constructor(params: ParamsInput, opts: RpropOptions = {}) {
    const o = withDefaults<Required<RpropOptions>>({ lr: 1e-2, etas: [0.5, 1.2], stepSizes: [1e-6, 50], maximize: false }, opts, 'Rprop');
    checkNonNegative(o.lr, 'learning rate', 'Rprop');
    if (!(0 < o.etas[0] && o.etas[0] < 1 && 1 < o.etas[1])) throw new TorchValueError('Rprop', `Invalid eta values: ${o.etas[0]}, ${o.etas[1]}`);
    super(params, o);
  }

  protected override _update(group: ParamGroup): void {
    const { lr, maximize } = group as ParamGroup & Required<RpropOptions>;
    const [etaminus, etaplus] = group.etas as [number, number];
    const [stepMin, stepMax] = group.stepSizes as [number, number];
    for (const p of group.params) {
      if (p.grad === null) continue;
      const grad = gradOf(p, maximize);
      const state = this.stateOf(p);
      if (state.step === undefined) {
        state.step = 0;
        state.prev = zerosLike(p);
        state.step_size = fullLike(grad, lr);
      }
      state.step = (state.step as number) + 1;
      const prev = state.prev as Tensor;
      const stepSize = state.step_size as Tensor;
      // sign of g·prev mapped to η+ (> 0), η− (< 0), 1 (= 0); NaN stays NaN
      const prod = grad.mul(prev).sign();
      const factor = where(prod.gt(0), etaplus, where(prod.lt(0), etaminus, where(prod.eq(0), 1, prod)));
      stepSize.mul_(factor).clamp_(stepMin, stepMax);
      // after a sign change the gradient is taken as zero
      const g = where(factor.eq(etaminus), 0, grad);
      p.addcmul_(g.sign(), stepSize, { value: -1 });
      prev.copy_(g);
    }
  }
}
