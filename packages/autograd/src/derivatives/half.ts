/**
 * Backward formulas that PyTorch computes in one fused kernel (`tanh_backward`,
 * `gelu_backward`): for float16/bfloat16 those kernels compute in float32 and round the
 * gradient once, where the same formula written with tensor ops would round after each op.
 * @module
 */
import { type Tensor, isHalfDtype } from '@antorcha/core';

/**
 * `f(g, ...ts)`, computed on float32 copies and cast back to `g`'s dtype when `g` is
 * float16/bfloat16 (one rounding, as PyTorch's fused backward kernels); `f` itself otherwise.
 * @example
 * tanh's float16 backward goes through it, so its gradient is rounded once, as PyTorch's:
 * ```ts
 * const x = torch.tensor([0.1, 0.5, 2], { dtype: 'float16', requiresGrad: true });
 * x.tanh().sum().backward();
 * console.log(x.grad);
 * ```
 * ```text
 * tensor([0.9902, 0.7866, 0.0710], dtype=torch.float16)
 * ```
 */
export function fused(f: (g: Tensor, ...ts: Tensor[]) => Tensor, g: Tensor, ...ts: Tensor[]): Tensor {
  if (!isHalfDtype(g.dtype.name)) return f(g, ...ts);
  return f(g.float(), ...ts.map((t) => (isHalfDtype(t.dtype.name) ? t.float() : t))).to(g.dtype);
}
