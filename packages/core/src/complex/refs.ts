/**
 * Complex kernel operands as real ones, for backends: a complex64/complex128 buffer holds
 * interleaved (re, im) pairs of float32/float64, so a complex view is a real view with a
 * trailing dim of 2 (`view_as_real`), and one part is a real view with doubled strides.
 * Structural kernels (copy, gather, where, …) run on these real views unchanged.
 */
import type { TensorRef } from '../backend.js';
import type { DTypeName } from '../dtype.js';

/** Whether `d` names a complex dtype. */
export function isComplexDtypeName(d: DTypeName): boolean {
  return d === 'complex64' || d === 'complex128';
}

/** The dtype of a complex dtype's parts (float32 / float64); other dtypes unchanged. */
export function complexPartDtype(d: DTypeName): DTypeName {
  return d === 'complex64' ? 'float32' : d === 'complex128' ? 'float64' : d;
}

/** `view_as_real(ref)`: the real view with a trailing dim of 2 (stride 1). */
export function complexAsRealRef(ref: TensorRef): TensorRef {
  return {
    buffer: ref.buffer,
    dtype: complexPartDtype(ref.dtype),
    shape: [...ref.shape, 2],
    strides: [...ref.strides.map((s) => 2 * s), 1],
    offset: 2 * ref.offset,
  };
}

/** The real (`part` 0) or imaginary (1) part of a complex view, as a real view of the same shape. */
export function complexPartRef(ref: TensorRef, part: 0 | 1): TensorRef {
  return { buffer: ref.buffer, dtype: complexPartDtype(ref.dtype), shape: ref.shape, strides: ref.strides.map((s) => 2 * s), offset: 2 * ref.offset + part };
}

/** `ref` with a trailing broadcast dim of 2 (stride 0), to pair with a {@link complexAsRealRef} view. */
export function withPairDimRef(ref: TensorRef): TensorRef {
  return { ...ref, shape: [...ref.shape, 2], strides: [...ref.strides, 0] };
}
