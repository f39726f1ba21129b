/**
 * Composite ops on the 16-bit float dtypes: PyTorch's CPU kernels for float16/bfloat16
 * (softmax, log_softmax, logsumexp, lerp, logaddexp, …) compute in float32 (`opmath_type`)
 * and round the result once, where a composite of Antorcha's primitives would round
 * after every step. {@link inFloat32} runs such a composite in float32 and casts back.
 * @module
 */
import { isHalfDtype } from '../half.js';
import { Tensor } from '../tensor.js';

/** Whether `v` is a tensor of a 16-bit float dtype. */
function isHalf(v: unknown): v is Tensor {
  return v instanceof Tensor && isHalfDtype(v.dtype.name);
}

/**
 * `fn` of `x`, computed in float32 when `x` is float16/bfloat16 (the result cast back to
 * `x`'s dtype, so its float32 results round once, as PyTorch's kernels round them);
 * `fn(x)` itself for the other dtypes. Autograd flows through the casts.
 */
export function inFloat32(x: Tensor, fn: (x: Tensor) => Tensor): Tensor;
/** The same over several arguments (tensors and scalars): 16-bit tensors are widened, the result cast to the first one's dtype. */
export function inFloat32<A extends readonly unknown[]>(args: A, fn: (args: A) => Tensor): Tensor;
export function inFloat32(x: unknown, fn: (x: any) => Tensor): Tensor {
  const args = Array.isArray(x) ? (x as unknown[]) : [x];
  const half = args.find(isHalf);
  if (half === undefined) return fn(x);
  const wide = args.map((a) => (isHalf(a) ? a.float() : a));
  const out = fn(Array.isArray(x) ? wide : wide[0]);
  return out.dtype.name === 'float32' ? out.to(half.dtype) : out;
}
