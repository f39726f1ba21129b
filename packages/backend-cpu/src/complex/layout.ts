/**
 * Complex views as real ones: a complex64/complex128 buffer is a Float32Array /
 * Float64Array of interleaved (re, im) pairs, so a complex view is a real view with a
 * trailing dim of 2 (`view_as_real`), and one part is a real view with doubled strides.
 * The structural kernels (copy, gather, where, …) run on these real views unchanged.
 */
import type { DTypeName, TensorRef } from '@antorcha/core';

/** Whether `d` is a complex dtype. */
export function isComplexName(d: DTypeName): boolean {
  return d === 'complex64' || d === 'complex128';
}

/** The dtype of a complex dtype's parts (float32 / float64). */
export function partDtype(d: DTypeName): DTypeName {
  return d === 'complex64' ? 'float32' : d === 'complex128' ? 'float64' : d;
}

/** The complex dtype with parts of `d` (float32 → complex64, otherwise complex128 for float64). */
export function complexOf(d: DTypeName): DTypeName {
  return d === 'float64' || d === 'complex128' ? 'complex128' : 'complex64';
}

/** `view_as_real(ref)`: the real view with a trailing dim of 2 (stride 1). */
export function asReal(ref: TensorRef): TensorRef {
  return {
    buffer: ref.buffer,
    dtype: partDtype(ref.dtype),
    shape: [...ref.shape, 2],
    strides: [...ref.strides.map((s) => 2 * s), 1],
    offset: 2 * ref.offset,
  };
}

/** The real (`part` 0) or imaginary (1) part of a complex view, as a real view of the same shape. */
export function partOf(ref: TensorRef, part: 0 | 1): TensorRef {
  return { buffer: ref.buffer, dtype: partDtype(ref.dtype), shape: ref.shape, strides: ref.strides.map((s) => 2 * s), offset: 2 * ref.offset + part };
}

/** `ref` with a trailing broadcast dim of 2 (stride 0), to pair with an {@link asReal} view. */
export function withPairDim(ref: TensorRef): TensorRef {
  return { ...ref, shape: [...ref.shape, 2], strides: [...ref.strides, 0] };
}
