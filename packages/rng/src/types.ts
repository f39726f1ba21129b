/**
 * Shared types of the distribution functions.
 */

/** Floating output arrays: a `Float32Array` is a float32 tensor, a `Float64Array` a float64 one. */
export type FloatArray = Float32Array | Float64Array;

/**
 * Element types of the integer-capable functions (`random_`, `randint`,
 * `randperm`, `bernoulli`). `int64` values are written into a `Float64Array`
 * (exact within ±2^53) or a `BigInt64Array` (always exact).
 */
export type RngDType = 'float32' | 'float64' | 'int64' | 'int32' | 'int16' | 'int8' | 'uint8' | 'bool';

/** Output arrays of the integer-capable functions. */
export type OutArray =
  | Float32Array
  | Float64Array
  | Int32Array
  | Int16Array
  | Int8Array
  | Uint8Array
  | BigInt64Array;

/**
 * Facts about the output tensor that decide PyTorch's kernel path. The output
 * array is always filled in TensorIterator order: for a contiguous tensor
 * that is row-major order; for a non-contiguous but dense tensor (a
 * transposed view, channels_last, ...) it is storage (memory) order, i.e.
 * `out[k]` is the element at the k-th lowest storage offset (SPEC §0.5).
 */
export interface FillLayout {
  /**
   * `tensor.is_contiguous()` in PyTorch's sense (C-contiguous, ignoring the
   * strides of size-1 dimensions). Default `true`.
   */
  contiguous?: boolean;
}
