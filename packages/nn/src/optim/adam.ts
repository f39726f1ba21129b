/** `optim.Adam` and `optim.AdamW`: PyTorch's `_single_tensor_adam(w)`. */
import { type Tensor, TorchValueError, zerosLike } from '@antorcha/core';
import { crPowInt } from '@antorcha/rng';
import { type ParamGroup, type ParamsInput, Optimizer, advanceStep, hostScalar, checkNonNegative, gradOf, withDefaults } from './optimizer.js';

/** Options of {@link Adam} and {@link AdamW}. */
export interface AdamOptions {
  /** Learning rate (default 1e-3). */
  lr?: number;
  /** Running-average coefficients (default [0.9, 0.999]). */
  betas?: [number, number];
  /** Denominator epsilon (default 1e-8). */
  eps?: number;
  /** Weight decay (Adam: L2 added to the gradient, default 0; AdamW: decoupled, default 1e-2). */
  weightDecay?: number;
  /** Use the maximum of past squared averages (default false). */
  amsgrad?: boolean;
  /** Maximise the objective (default false). */
  maximize?: boolean;
}

function checkAdam(o: Required<AdamOptions>, op: string): void {
  checkNonNegative(o.lr, 'learning rate', op);
  checkNonNegative(o.eps, 'epsilon value', op);
  if (!(o.betas[0] >= 0 && o.betas[0] < 1)) throw new TorchValueError(op, `Invalid beta parameter at index 0: ${o.betas[0]}`);
  if (!(o.betas[1] >= 0 && o.betas[1] < 1)) throw new TorchValueError(op, `Invalid beta parameter at index 1: ${o.betas[1]}`);
  checkNonNegative(o.weightDecay, 'weight_decay value', op);
}

/** Shared Adam/AdamW update; `decoupled` selects AdamW's weight decay. */
function adamUpdate(opt: Optimizer & { stateOfParam(p: Tensor): Record<string, Tensor | number | null> }, group: ParamGroup, decoupled: boolean): void {
  const { lr, eps, weightDecay, amsgrad, maximize } = group as ParamGroup & Required<AdamOptions>;
  const [beta1, beta2] = group.betas as [number, number];
  for (const p of group.params) {
    if (p.grad === null) continue;
    let grad = gradOf(p, maximize);
    const state = opt.stateOfParam(p);
    if (state.step === undefined) {
      state.step = hostScalar(0);
      state.exp_avg = zerosLike(p);
      state.exp_avg_sq = zerosLike(p);
      if (amsgrad) state.max_exp_avg_sq = zerosLike(p);
    }
    const expAvg = state.exp_avg as Tensor;
    const expAvgSq = state.exp_avg_sq as Tensor;
    const step = advanceStep(state.step as Tensor);
    if (decoupled) p.mul_(1 - lr * weightDecay);
    else if (weightDecay !== 0) grad = grad.add(p, { alpha: weightDecay });
    expAvg.mul_(beta1).add_(grad, { alpha: 1 - beta1 });
    expAvgSq.mul_(beta2).addcmul_(grad, grad, { value: 1 - beta2 });
    // PyTorch computes these in Python (C pow): correctly rounded powers match it, V8's ** often not
    const biasCorrection1 = 1 - crPowInt(beta1, step);
    const biasCorrection2 = 1 - crPowInt(beta2, step);
    const stepSize = lr / biasCorrection1;
    const bc2Sqrt = Math.sqrt(biasCorrection2);
    let denom: Tensor;
    if (amsgrad) {
      const maxSq = state.max_exp_avg_sq as Tensor;
      maxSq.copy_(maxSq.maximum(expAvgSq));
      denom = maxSq.sqrt().div(bc2Sqrt).add_(eps);
    } else {
      denom = expAvgSq.sqrt().div(bc2Sqrt).add_(eps);
    }
    p.addcdiv_(expAvg, denom, { value: -stepSize });
  }
}

/**
 * Adam (Kingma & Ba) with optional L2 weight decay and AMSGrad.
 * @example
 * ```ts pytorch=nn.optim.Adam
 * torch.manualSeed(0);
 * const model = new torch.nn.Linear(3, 1);
 * const opt = new torch.optim.Adam(model.parameters(), { lr: 0.01 });
 * const loss = torch.nn.functional.mseLoss(model.call(torch.randn(8, 3)), torch.randn(8, 1));
 * opt.zeroGrad(); loss.backward(); opt.step();
 * console.log(model.weight);
 * ```
 * ```text
 * Parameter containing:
 * tensor([[-0.0143,  0.2997, -0.4652]], requires_grad=True)
 * ```
 */
export class Adam extends Optimizer {
  protected override readonly pytorchOnlyDefaults = { foreach: null, capturable: false, differentiable: false, fused: false };

  constructor(params: ParamsInput, opts: AdamOptions = {}) {
    const o = withDefaults<Required<AdamOptions>>({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, maximize: false }, opts, 'Adam');
    checkAdam(o, 'Adam');
    super(params, o);
  }

  /** @internal */
  stateOfParam(p: Tensor): Record<string, Tensor | number | null> {
    return this.stateOf(p);
  }

  protected override _update(group: ParamGroup): void {
    adamUpdate(this, group, false);
  }
}

/**
 * AdamW (Loshchilov & Hutter): Adam with decoupled weight decay `p ← p·(1 − lr·wd)` (default wd 1e-2).
 * @example
 * ```ts pytorch=nn.optim.AdamW
 * const w = torch.tensor([1, -2], { dtype: 'float32', requiresGrad: true });
 * const opt = new torch.optim.AdamW([w], { lr: 0.1, weightDecay: 0.1 });
 * w.pow(2).sum().backward();
 * opt.step(); // decoupled decay: w -= lr·wd·w, then the Adam step
 * console.log(w);
 * ```
 * ```text
 * tensor([ 0.8900, -1.8800], requires_grad=True)
 * ```
 */
export class AdamW extends Optimizer {
  protected override readonly pytorchOnlyDefaults = { foreach: null, capturable: false };

  constructor(params: ParamsInput, opts: AdamOptions = {}) {
    const o = withDefaults<Required<AdamOptions>>({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 1e-2, amsgrad: false, maximize: false }, opts, 'AdamW');
    checkAdam(o, 'AdamW');
    super(params, o);
  }

  /** @internal */
  stateOfParam(p: Tensor): Record<string, Tensor | number | null> {
    return this.stateOf(p);
  }

  protected override _update(group: ParamGroup): void {
    adamUpdate(this, group, true);
  }
}
