/**
 * Complex views as real ones (core's `complex/refs.ts`, shared with the WebGPU backend): a
 * complex64/complex128 buffer is a Float32Array / Float64Array of interleaved (re, im)
 * pairs, so a complex view is a real view with a trailing dim of 2 (`view_as_real`), and
 * one part is a real view with doubled strides.
 */
import type { DTypeName } from '@antorcha/core';

export {
  isComplexDtypeName as isComplexName,
  complexPartDtype as partDtype,
  complexAsRealRef as asReal,
  complexPartRef as partOf,
  withPairDimRef as withPairDim,
} from '@antorcha/core';

/** The complex dtype with parts of `d` (float32 → complex64, otherwise complex128 for float64). */
export function complexOf(d: DTypeName): DTypeName {
  return d === 'float64' || d === 'complex128' ? 'complex128' : 'complex64';
}
