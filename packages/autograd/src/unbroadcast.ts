/**
 * Broadcasting, undone: a gradient computed at a broadcast shape is summed back
 * to the shape of the input it belongs to (PyTorch's `at::sum_to`). The engine
 * applies it once to every gradient, so derivative rules never deal with it.
 */
import { type Tensor, TorchRuntimeError } from '@antorcha/core';

/** Whether `shape` broadcasts to `target` (so a gradient at `target` can be summed to it). */
export function expandableTo(shape: readonly number[], target: readonly number[]): boolean {
  if (shape.length > target.length) return false;
  const lead = target.length - shape.length;
  for (let i = 0; i < shape.length; i++) {
    const s = shape[i]!;
    if (s !== 1 && s !== target[lead + i]) return false;
  }
  return true;
}

/** Whether two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Sums `grad` over the dims along which `shape` was broadcast, returning a tensor of `shape`.
 * @example
 * ```ts pytorch=core.autograd.sumTo
 * console.log(torch.autograd.sumTo(torch.ones([2, 3]), [3]));
 * ```
 * ```text
 * tensor([2., 2., 2.])
 * ```
 */
export function sumTo(grad: Tensor, shape: readonly number[]): Tensor {
  const gs = grad._shape;
  if (sameShape(gs, shape)) return grad;
  if (!expandableTo(shape, gs)) {
    throw new TorchRuntimeError('sum_to', `size {[${shape.join(', ')}]} is not expandable to size {[${gs.join(', ')}]}.`);
  }
  const lead = gs.length - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < lead; i++) dims.push(i);
  for (let i = 0; i < shape.length; i++) if (shape[i] === 1 && gs[lead + i] !== 1) dims.push(lead + i);
  let r = dims.length > 0 ? grad.sum(dims, true) : grad;
  if (lead > 0 || !sameShape(r._shape, shape)) r = r.reshape([...shape]);
  return r;
}
