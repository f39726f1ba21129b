/**
 * Softmax and log-softmax along a dim, computed stably (shift by the maximum),
 * each recorded as one autograd node.
 */
import { composite } from '../autograd-hook.js';
import { type DTypeLike, toDType } from '../dtype.js';
import { TorchRuntimeError } from '../errors.js';
import { wrapDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { expectTensor } from '../validate.js';
import { cppName } from './promotion.js';

function prepare(op: string, x: Tensor, dim: number, dtype?: DTypeLike): { xf: Tensor; d: number } {
  const d = wrapDim(dim, x._shape.length, op);
  const xf = dtype !== undefined ? x.to(toDType(dtype)) : x;
  // PyTorch checks the dtype in the kernel, which an empty tensor never reaches.
  if (!xf.dtype.isFloatingPoint && xf.numel() > 0) throw new TorchRuntimeError(op, `"${op}_lastdim_kernel_impl" not implemented for '${cppName(xf.dtype)}'`);
  return { xf, d };
}

/** Options of softmax/logSoftmax. */
export interface SoftmaxOptions {
  /** Cast the input to this dtype first. */
  dtype?: DTypeLike;
}

/**
 * exp(x) / Σ exp(x) along `dim`.
 * @example
 * ```ts
 * torch.softmax(x, 1);
 * ```
 */
export function softmax(x: Tensor, dim: number, opts?: SoftmaxOptions): Tensor {
  expectTensor('softmax', 'input', 1, x);
  const { xf, d } = prepare('softmax', x, dim, opts?.dtype);
  return composite('softmax', [x], { dim: d }, () => {
    if (xf.numel() === 0) return xf.clone();
    const e = xf.sub(xf.amax(d, true)).exp();
    return e.div(e.sum(d, true));
  });
}

/** x − log Σ exp(x) along `dim`. */
export function logSoftmax(x: Tensor, dim: number, opts?: SoftmaxOptions): Tensor {
  expectTensor('log_softmax', 'input', 1, x);
  const { xf, d } = prepare('log_softmax', x, dim, opts?.dtype);
  return composite('log_softmax', [x], { dim: d }, () => {
    if (xf.numel() === 0) return xf.clone();
    const shifted = xf.sub(xf.amax(d, true));
    return shifted.sub(shifted.exp().sum(d, true).log());
  });
}
