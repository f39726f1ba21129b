/** `nn.utils.clipGradNorm_` and `nn.utils.clipGradValue_`, as PyTorch computes them. */
import { Tensor, boolArg, deviceCheck, expectNumber, keywordArgs, stack, tensor } from '@antorcha/core';
import { pyFloat } from './pyrepr.js';
import { noGrad } from '@antorcha/autograd';

function gradsOf(parameters: Tensor | Iterable<Tensor>): Tensor[] {
  const list = parameters instanceof Tensor ? [parameters] : [...parameters];
  return list.filter((p) => p.grad !== null).map((p) => p.grad!);
}

/**
 * Options of {@link clipGradNorm_}: PyTorch's keyword arguments, given as the trailing options
 * object (`clipGradNorm_(params, 1.0, { errorIfNonfinite: true })`).
 */
export interface ClipGradNormOptions {
  /** The norm's order (default 2; `Infinity` for the largest magnitude). */
  normType?: number;
  /** Raise when the total norm is NaN or infinite instead of scaling by it (default `false`). */
  errorIfNonfinite?: boolean;
}

/**
 * Scales the gradients in place so that their total `normType`-norm is at most
 * `maxNorm` (coefficient `maxNorm / (total + 1e-6)`, clamped at 1). Returns the
 * total norm before clipping.
 * @example
 * ```ts pytorch=nn.utils.clipGradNorm_
 * const w = torch.tensor([3, 4], { dtype: 'float32', requiresGrad: true });
 * w.pow(2).sum().div(2).backward(); // w.grad = w, of norm 5
 * console.log(torch.nn.utils.clipGradNorm_([w], 1.0)); // the norm before clipping
 * console.log(w.grad); // scaled to norm 1
 * ```
 * ```text
 * tensor(5.)
 * tensor([0.6000, 0.8000])
 * ```
 */
export function clipGradNorm_(parameters: Tensor | Iterable<Tensor>, maxNorm: number, normTypeIn?: number | ClipGradNormOptions,
  errorIfNonfiniteIn?: boolean | ClipGradNormOptions): Tensor {
  const op = 'clip_grad_norm_';
  const kw = keywordArgs(op, ['normType', 'errorIfNonfinite'], [normTypeIn, errorIfNonfiniteIn]);
  const normType = kw.normType ?? 2.0;
  expectNumber(op, 'norm_type', 3, normType);
  const errorIfNonfinite = boolArg(op, 'error_if_nonfinite', 4, kw.errorIfNonfinite, false);
  const grads = gradsOf(parameters);
  if (grads.length === 0) return tensor(0.0);
  return noGrad(() => {
    let total: Tensor;
    if (normType === Infinity) {
      const norms = grads.map((g) => g.detach().abs().max());
      total = norms.length === 1 ? norms[0]! : stack(norms).max();
    } else {
      total = stack(grads.map((g) => g.detach().norm(normType))).norm(normType);
    }
    if (errorIfNonfinite) {
      // a device-side check: raised at once on the CPU, by the next read on WebGPU (PyTorch reads it back on CUDA)
      deviceCheck(
        'clip_grad_norm_',
        total.isfinite().logicalNot(),
        `The total norm of order ${pyFloat(normType)} for gradients from \`parameters\` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set \`error_if_nonfinite=False\``,
      );
    }
    const coef = total.add(1e-6).reciprocal().mul(maxNorm).clamp(null, 1.0);
    for (const g of grads) g.detach().mul_(coef);
    return total;
  });
}

/**
 * Clamps every gradient into [−clipValue, clipValue] in place.
 * @example
 * ```ts pytorch=nn.utils.clipGradValue_
 * const w = torch.tensor([3, -0.5], { dtype: 'float32', requiresGrad: true });
 * w.pow(2).sum().backward();
 * torch.nn.utils.clipGradValue_([w], 1.0);
 * console.log(w.grad);
 * ```
 * ```text
 * tensor([ 1., -1.])
 * ```
 */
export function clipGradValue_(parameters: Tensor | Iterable<Tensor>, clipValue: number): void {
  noGrad(() => {
    for (const g of gradsOf(parameters)) g.clamp_(-clipValue, clipValue);
  });
}
