/** `torch.fft.fftshift` / `ifftshift`: rolls that move the zero-frequency bin to the centre and back. */
import type { Tensor } from '../tensor.js';
import { wrapDim } from '../shape.js';
import { roll } from '../ops/indexing.js';
import { expectTensor } from '../validate.js';

/** The dims argument: positional, or `{ dim }` (PyTorch's keyword). */
export type ShiftDims = number | readonly number[] | null | { dim?: number | readonly number[] | null };

function shifted(op: string, x: Tensor, dimArg: ShiftDims | undefined, inverse: boolean): Tensor {
  expectTensor(op, 'input', 1, x);
  const dim = dimArg !== null && typeof dimArg === 'object' && !Array.isArray(dimArg)
    ? (dimArg as { dim?: number | readonly number[] | null }).dim : (dimArg as number | readonly number[] | null | undefined);
  // PyTorch's default_alldims: all dims, or the given ones wrapped (in the given order)
  const dims = dim === undefined || dim === null ? x._shape.map((_, i) => i)
    : (typeof dim === 'number' ? [dim] : [...dim]).map((d) => wrapDim(d, x._shape.length, op));
  const shifts = dims.map((d) => (inverse ? Math.floor((x._shape[d]! + 1) / 2) : Math.floor(x._shape[d]! / 2)));
  return roll(x, shifts, dims);
}

/**
 * Rolls each of `dim` (default all dims; positional or `{ dim }`) by half its length, so that the zero-frequency
 * bin of an FFT sits in the centre.
 * @example
 * ```ts pytorch=core.fft.fftshiftFreq
 * console.log(torch.fft.fftshift(torch.fft.fftfreq(5))); // zero frequency in the middle
 * ```
 * ```text
 * tensor([-0.4000, -0.2000,  0.0000,  0.2000,  0.4000])
 * ```
 */
export function fftshift(x: Tensor, dim?: ShiftDims): Tensor {
  return shifted('fftshift', x, dim, false);
}

/**
 * The inverse of {@link fftshift}: rolls each of `dim` (default all dims) back by ⌈n/2⌉.
 * @example
 * ```ts pytorch=core.fft.fftshift
 * const x = torch.arange(5);
 * const y = torch.fft.fftshift(x);
 * console.log(y);
 * console.log(torch.fft.ifftshift(y)); // x again
 * ```
 * ```text
 * tensor([3, 4, 0, 1, 2])
 * tensor([0, 1, 2, 3, 4])
 * ```
 */
export function ifftshift(x: Tensor, dim?: ShiftDims): Tensor {
  return shifted('ifftshift', x, dim, true);
}
