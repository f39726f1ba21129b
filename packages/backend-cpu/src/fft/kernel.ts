/**
 * The CPU backend's `fft` kernel ({@link Backend.fft}): complex-to-complex, real-to-complex
 * and complex-to-real transforms over a list of dims of strided tensors, one dim at a time
 * through lines.ts (float64 plans; float32 results rounded once from them).
 */
import type { Backend, FftKind, TensorRef } from '@antorcha/core';
import { CpuBuffer } from '../memory.js';
import { c2cAxis, c2rAxis, r2cAxis, type FloatArrayND } from './lines.js';

/** A tensor view as a float array: complex elements count two floats each. */
function floats(ref: TensorRef): FloatArrayND {
  const buf = ref.buffer;
  if (!(buf instanceof CpuBuffer)) throw new Error(`antorcha cpu backend: fft got a buffer of backend '${buf.backend}'`);
  const complex = ref.dtype === 'complex64' || ref.dtype === 'complex128';
  const data = buf.data;
  if (!(data instanceof Float32Array || data instanceof Float64Array)) throw new Error(`antorcha cpu backend: fft of ${ref.dtype}`);
  const w = complex ? 2 : 1;
  return { data, address: buf.address, offset: ref.offset * w, shape: ref.shape, strides: ref.strides.map((s) => s * w), complex };
}

/** A zero-offset contiguous complex float64 array of `shape` (scratch, outside the heap). */
function scratch(shape: readonly number[]): FloatArrayND {
  const strides = new Array<number>(shape.length);
  let s = 2;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d]!;
  }
  return { data: new Float64Array(s), address: -1, offset: 0, shape, strides, complex: true };
}

/** {@link Backend.fft} on the CPU. */
export const fft: NonNullable<Backend['fft']> = (kind: FftKind, x: TensorRef, out: TensorRef, dims: readonly number[], forward: boolean, scale: number): void => {
  if (dims.length === 0) throw new Error('antorcha cpu backend: fft over no dims');
  const X = floats(x), O = floats(out);
  const k = dims.length;
  const last = dims[k - 1]!;
  const scaleAt = (i: number): number => (i === k - 1 ? scale : 1);
  if (kind === 'c2c') {
    dims.forEach((d, i) => c2cAxis(i === 0 ? X : O, O, d, forward, scaleAt(i)));
    return;
  }
  if (kind === 'r2c') {
    // the real dim first (conjugated for the backward transform: conj of the forward one), then the others
    r2cAxis(X, O, last, k === 1 ? scale : 1, !forward);
    dims.slice(0, -1).forEach((d, i) => c2cAxis(O, O, d, forward, scaleAt(i + 1)));
    return;
  }
  // c2r: the complex dims first, into scratch (the input stays untouched), then the real dim
  let src = X;
  if (k > 1) {
    const t = scratch(x.shape);
    dims.slice(0, -1).forEach((d, i) => c2cAxis(i === 0 ? X : t, t, d, forward, 1));
    src = t;
  }
  c2rAxis(src, O, last, out.shape[last]!, scale, forward);
};
