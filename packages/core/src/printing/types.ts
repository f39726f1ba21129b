/**
 * Input and option types of the printing module. Kept free of any dependency
 * on the Tensor class so printing can be tested (and used) on plain data.
 *
 * @module
 */

import type { DTypeName } from '../dtype.js';

/** dtype names as used across the project */
export type PrintDTypeName = DTypeName;

/** The data `tensorRepr` needs: a plain description of a tensor, not the Tensor itself. */
export interface PrintableTensor {
  /** sizes of each dimension; `[]` for a 0-dim tensor */
  shape: readonly number[];
  /** element type; decides the formatter and the `dtype=` suffix */
  dtype: PrintDTypeName;
  /** row-major logical values, length = product(shape); bool as 0/1; int64 as numbers (exact within 2^53) */
  values: ArrayLike<number>;
  /** 'cpu' → no suffix; anything else, e.g. 'webgpu:0', prints PyTorch-style `device='webgpu:0'` */
  device: string;
  /** prints `requires_grad=True` when set and `gradFnName` is null */
  requiresGrad: boolean;
  /** e.g. 'SigmoidBackward0'; when set, printed as grad_fn=<SigmoidBackward0> instead of requires_grad=True */
  gradFnName: string | null;
  /** true for nn.Parameter: PyTorch prints 'Parameter containing:\n' + repr with requires_grad=True */
  isParameter?: boolean;
}

/** Print options, mirroring `torch._tensor_str.PRINT_OPTS`. */
export interface PrintOptions {
  /** digits after the decimal point for floating output (default 4) */
  precision: number;
  /** element count above which output is summarized with `...` (default 1000; `Infinity` never) */
  threshold: number;
  /** items kept at the start and end of each summarized dimension (default 3) */
  edgeitems: number;
  /** characters per line used for wrapping (default 80) */
  linewidth: number;
  /** force scientific notation on (true) or off (false); null lets the formatter decide */
  sciMode: boolean | null;
}
