/**
 * How Antorcha dtypes live on the GPU. WGSL has 32-bit scalar types only (8-bit
 * storage needs extensions), so every element takes 4 bytes:
 *
 * | dtype   | storage / compute type | notes                                         |
 * | ------- | ---------------------- | --------------------------------------------- |
 * | float32 | `f32`                  |                                               |
 * | int32   | `i32`                  | wraps like PyTorch                            |
 * | int64   | `i32`                  | held in 32 bits: values must fit in int32     |
 * | uint8   | `u32` (0..255)         | arithmetic wraps mod 256                      |
 * | bool    | `u32` (0 or 1)         |                                               |
 * | float16, bfloat16 | `f32` storage    | exact 16-bit values; kernels compute on float32 views and round (half.ts) |
 * | complex64 | two `f32` per element | interleaved (re, im); kernels see float32 views or pairs (complex.ts) |
 *
 * float64 is not stored on this device.
 */
import type { DTypeName } from '@antorcha/core';

/** A WGSL scalar type. */
export type Wgsl = 'f32' | 'i32' | 'u32';

/** The WGSL type that stores (and computes) a dtype. */
export function wgslType(dtype: DTypeName): Wgsl {
  switch (dtype) {
    case 'float32':
    case 'float16': // f32 words holding 16-bit values (half.ts); kernels see float32 views
    case 'bfloat16':
      return 'f32';
    case 'int32':
    case 'int64':
      return 'i32';
    case 'uint8':
    case 'bool':
      return 'u32';
    default:
      throw new Error(`antorcha webgpu backend: ${dtype} is not supported on WebGPU`);
  }
}

/**
 * The WGSL element type of a buffer holding `dtype`: {@link wgslType}, and `f32` for
 * complex64 (two words per element, interleaved re, im).
 */
export function storageType(dtype: DTypeName): Wgsl {
  return dtype === 'complex64' ? 'f32' : wgslType(dtype);
}

/** 32-bit words one element of `dtype` takes in a buffer (2 for complex64, else 1). */
export function elementWords(dtype: DTypeName): number {
  return dtype === 'complex64' ? 2 : 1;
}

/** Whether a dtype is floating point on this device. */
export function isFloat(dtype: DTypeName): boolean {
  return dtype === 'float32';
}

/**
 * A WGSL expression converting `expr` (a value of dtype `from`, in its WGSL type) to
 * dtype `to`, with PyTorch's cast rules: float→int truncates toward zero (non-finite
 * gives 0, as the CPU backend does), ints wrap, uint8 is mod 256, bool is `x != 0`
 * (NaN is true).
 */
export function convert(expr: string, from: DTypeName, to: DTypeName): string {
  if (from === to) return expr;
  const f = wgslType(from);
  switch (to) {
    case 'bool':
      if (f === 'f32') return `select(0u, 1u, !((${expr}) == 0.0))`;
      if (f === 'i32') return `select(0u, 1u, (${expr}) != 0)`;
      return from === 'bool' ? expr : `select(0u, 1u, (${expr}) != 0u)`;
    case 'uint8':
      if (f === 'f32') return `(u32(m_f2i(${expr})) & 255u)`;
      if (f === 'i32') return `(u32(${expr}) & 255u)`;
      return expr; // bool → uint8: 0/1 already
    case 'int32':
    case 'int64':
      if (f === 'f32') return `m_f2i(${expr})`;
      if (f === 'i32') return expr;
      return `i32(${expr})`;
    case 'float32':
      return `f32(${expr})`;
    default:
      throw new Error(`antorcha webgpu backend: ${to} is not supported on WebGPU`);
  }
}

/**
 * The expression after arithmetic in compute dtype `cd`: bool results are
 * normalised to 0/1 and uint8 results wrapped, so what is stored is a valid value of `cd`.
 */
export function normalize(expr: string, cd: DTypeName): string {
  if (cd === 'bool') return `select(0u, 1u, (${expr}) != 0u)`;
  if (cd === 'uint8') return `((${expr}) & 255u)`;
  return expr;
}

/** The 32-bit pattern of a JS number as stored for `dtype` (for scalars passed in metadata). */
export function scalarBits(value: number, dtype: DTypeName): number {
  switch (wgslType(dtype)) {
    case 'f32':
      F32[0] = value;
      return U32[0]!;
    case 'i32':
      return (Number.isFinite(value) ? Math.trunc(value) | 0 : 0) >>> 0;
    case 'u32':
      return dtype === 'bool' ? (value !== 0 ? 1 : 0) : (Number.isFinite(value) ? Math.trunc(value) & 0xff : 0);
  }
}

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** A WGSL expression reading a scalar of `dtype` from `md[index]`. */
export function metaScalar(index: number | string, dtype: DTypeName): string {
  const w = wgslType(dtype);
  return w === 'u32' ? `md[${index}]` : `bitcast<${w}>(md[${index}])`;
}
