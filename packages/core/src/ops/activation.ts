/**
 * Softmax and log-softmax along a dim, computed stably (shift by the maximum),
 * each recorded as one autograd node.
 */
import { inFloat32 } from './half-compute.js';
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
  // ATen's CPU kernel: the last-dim one for the last dim, else the general one (named
  // softmax_kernel_impl for log_softmax too)
  const kernel = d === x.ndim - 1 || x.ndim === 0 ? `${op}_lastdim_kernel_impl` : 'softmax_kernel_impl';
  if (!xf.dtype.isFloatingPoint && xf.numel() > 0) throw new TorchRuntimeError(op, `"${kernel}" not implemented for '${cppName(xf.dtype)}'`);
  return { xf, d };
}

/**
 * Frees the memory of a composite's intermediates at once (they are recorded nowhere:
 * the op is one autograd node), so the next allocation reuses their blocks instead of
 * touching fresh memory; a tensor sharing storage with one of `keep` is left alone.
 */
function release(temps: readonly Tensor[], keep: readonly Tensor[]): void {
  for (const t of temps) if (!keep.some((k) => k._storage === t._storage)) t.dispose();
}

/** Options of softmax/logSoftmax. */
export interface SoftmaxOptions {
  /** Cast the input to this dtype first. */
  dtype?: DTypeLike;
}

/**
 * exp(x) / Σ exp(x) along `dim`.
 * @example
 * ```ts pytorch=core.softmax
 * const x = torch.tensor([[1, 2, 3], [1, 1, 1]], { dtype: 'float32' });
 * console.log(torch.softmax(x, 1));
 * ```
 * ```text
 * tensor([[0.0900, 0.2447, 0.6652],
 *         [0.3333, 0.3333, 0.3333]])
 * ```
 */
export function softmax(x: Tensor, dim: number, opts?: SoftmaxOptions): Tensor {
  expectTensor('softmax', 'input', 1, x);
  const { xf, d } = prepare('softmax', x, dim, opts?.dtype);
  return composite('softmax', [x], { dim: d }, () => inFloat32(xf, (xf) => {
    if (xf.numel() === 0) return xf.clone();
    const m = xf.amax(d, true);
    const shifted = xf.sub(m);
    const e = shifted.exp();
    const sum = e.sum(d, true);
    const out = e.div(sum);
    release([m, shifted, e, sum, xf], [x, out]);
    return out;
  }));
}

/**
 * x − log Σ exp(x) along `dim`.
 * @example
 * ```ts pytorch=core.logSoftmax
 * const x = torch.tensor([[1, 2, 3]], 'float32');
 * console.log(torch.logSoftmax(x, 1));
 * console.log(x.logSoftmax(1).exp().sum()); // the softmax sums to 1
 * ```
 * ```text
 * tensor([[-2.4076, -1.4076, -0.4076]])
 * tensor(1.)
 * ```
 */
export function logSoftmax(x: Tensor, dim: number, opts?: SoftmaxOptions): Tensor {
  expectTensor('log_softmax', 'input', 1, x);
  const { xf, d } = prepare('log_softmax', x, dim, opts?.dtype);
  return composite('log_softmax', [x], { dim: d }, () => inFloat32(xf, (xf) => {
    if (xf.numel() === 0) return xf.clone();
    const m = xf.amax(d, true);
    const shifted = xf.sub(m);
    const e = shifted.exp();
    const sum = e.sum(d, true);
    const lse = sum.log();
    const out = shifted.sub(lse);
    release([m, shifted, e, sum, lse, xf], [x, out]);
    return out;
  }));
}
