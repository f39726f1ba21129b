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
 * ```ts
 * fused((g, y) => g.mul(y.square().neg().add(1)), g, y); // tanh's backward
 * ```
 */
export function fused(f: (g: Tensor, ...ts: Tensor[]) => Tensor, g: Tensor, ...ts: Tensor[]): Tensor {
  if (!isHalfDtype(g.dtype.name)) return f(g, ...ts);
  return f(g.float(), ...ts.map((t) => (isHalfDtype(t.dtype.name) ? t.float() : t))).to(g.dtype);
}
