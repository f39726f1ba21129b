/**
 * `F.interpolate` (nearest, linear, bilinear) with ATen's index and weight rules: the
 * source indices and weights are computed on the host exactly as PyTorch's CPU kernels
 * compute them (float arithmetic for float32 inputs), then applied with `indexSelect`.
 */
import { fusedNode } from '@antorcha/autograd';
import { type Tensor, TorchValueError, empty, float64, fmtShape, fromHost, int64, expectTensor } from '@antorcha/core';
import { expectFloatKernel, expectOptions } from './utils.js';

/** Options of `interpolate`. */
export interface InterpolateOptions {
  /** Output size of the spatial dims (a number for every dim). */
  size?: number | readonly number[] | null;
  /** Multiplier of the spatial dims (output = floor(input · scale)). */
  scaleFactor?: number | readonly number[] | null;
  /** `'nearest'` (default), `'linear'` (3-D input) or `'bilinear'` (4-D input). */
  mode?: 'nearest' | 'linear' | 'bilinear';
  /** Linear modes: map corner pixels onto corner pixels (default false). */
  alignCorners?: boolean | null;
}

const f32 = Math.fround;

/** ATen's compute_scales_value: 1/scale when a scale was given, else in/out (as float when `float`). */
function scaleOf(scale: number | null, inSize: number, outSize: number, float: boolean): number {
  const v = scale !== null && scale > 0 ? 1.0 / scale : inSize / outSize;
  return float ? f32(v) : v;
}

/** Source index of each output index along one dim, nearest mode (ATen's nearest_idx, float math). */
function nearestIndices(inSize: number, outSize: number, scale: number | null): number[] {
  const idx: number[] = [];
  const s = scaleOf(scale, inSize, outSize, true);
  for (let o = 0; o < outSize; o++) {
    if (outSize === inSize) idx.push(o);
    else if (outSize === 2 * inSize) idx.push(o >> 1);
    else idx.push(Math.min(Math.floor(f32(o * s)), inSize - 1));
  }
  return idx;
}

/** Two source indices and weights per output index, linear modes (ATen's compute_indices_weights_linear). */
function linearIndices(inSize: number, outSize: number, scale: number | null, alignCorners: boolean, float: boolean): { i0: number[]; i1: number[]; w0: number[]; w1: number[] } {
  const r = float ? f32 : (v: number) => v;
  const s = alignCorners ? (outSize > 1 ? r((inSize - 1) / (outSize - 1)) : 0) : scaleOf(scale, inSize, outSize, float);
  const out = { i0: [] as number[], i1: [] as number[], w0: [] as number[], w1: [] as number[] };
  for (let o = 0; o < outSize; o++) {
    let src = alignCorners ? r(s * o) : r(r(s * r(o + 0.5)) - 0.5);
    if (!alignCorners && src < 0) src = 0;
    const i0 = Math.trunc(src);
    const i1 = i0 + (i0 < inSize - 1 ? 1 : 0);
    const l1 = Math.min(Math.max(r(src - i0), 0), 1);
    out.i0.push(i0);
    out.i1.push(i1);
    out.w1.push(l1);
    out.w0.push(r(1 - l1));
  }
  return out;
}

function indexTensor(v: number[], x: Tensor): Tensor {
  return fromHost(Float64Array.from(v), [v.length], int64).to(x.device);
}

function weightTensor(v: number[], x: Tensor, shape: number[]): Tensor {
  return fromHost(Float64Array.from(v), [v.length], float64).to(x.dtype).to(x.device).reshape(shape);
}

/**
 * Resizes the spatial dims of [N, C, L] or [N, C, H, W] input.
 * @example
 * ```ts pytorch=nn.F.interpolate
 * const F = torch.nn.functional;
 * const x = torch.tensor([[[[1, 2], [3, 4]]]], { dtype: 'float32' });
 * console.log(F.interpolate(x, { scaleFactor: 2 }));
 * console.log(F.interpolate(x, { size: [3, 3], mode: 'bilinear', alignCorners: true }));
 * ```
 * ```text
 * tensor([[[[1., 1., 2., 2.],
 *           [1., 1., 2., 2.],
 *           [3., 3., 4., 4.],
 *           [3., 3., 4., 4.]]]])
 * tensor([[[[1.0000, 1.5000, 2.0000],
 *           [2.0000, 2.5000, 3.0000],
 *           [3.0000, 3.5000, 4.0000]]]])
 * ```
 */
export function interpolate(input: Tensor, opts: InterpolateOptions = {}): Tensor {
  expectTensor('interpolate', 'input', 1, input);
  expectOptions('interpolate', opts);
  const op = 'interpolate';
  const mode = opts.mode ?? 'nearest';
  if (mode === 'nearest' && opts.alignCorners !== undefined && opts.alignCorners !== null) {
    throw new TorchValueError(op, 'align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear');
  }
  const dims = input.ndim - 2;
  if (dims < 1 || dims > 2) throw new TorchValueError(op, `Input Error: Only 3D and 4D input Tensors supported (got ${input.ndim}D) for the modes: nearest | linear | bilinear (got ${mode})`);
  if (mode === 'linear' && dims !== 1) throw new TorchValueError(op, `Got ${input.ndim}D input, but linear mode needs 3D input`);
  if (mode === 'bilinear' && dims !== 2) throw new TorchValueError(op, `Got ${input.ndim}D input, but bilinear mode needs 4D input`);
  const hasSize = opts.size !== undefined && opts.size !== null;
  const hasScale = opts.scaleFactor !== undefined && opts.scaleFactor !== null;
  if (hasSize === hasScale) throw new TorchValueError(op, hasSize ? 'only one of size or scale_factor should be defined' : 'either size or scale_factor should be defined');
  const inSizes = input._shape.slice(2);
  const list = (v: number | readonly number[], what: string): number[] => {
    const a = typeof v === 'number' ? new Array<number>(dims).fill(v) : [...v];
    if (a.length !== dims) throw new TorchValueError(op, `Input and ${what} must have the same number of spatial dimensions, but got input with spatial dimensions of ${fmtShape(inSizes)} and output size of ${fmtShape(a)}. Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.`);
    return a;
  };
  const scales: (number | null)[] = hasScale ? list(opts.scaleFactor!, 'scale_factor') : new Array<null>(dims).fill(null);
  const outSizes = hasSize ? list(opts.size!, 'output size') : inSizes.map((n, i) => Math.floor(n * scales[i]!));
  for (const [d, n] of outSizes.entries()) {
    if (!Number.isSafeInteger(n) || n <= 0) {
      throw new TorchValueError(op, `Input and output sizes should be greater than 0, but got input (${fmtShape(inSizes)}) and output (${fmtShape(outSizes)}) at spatial dim ${d}`);
    }
  }
  // The index lists and the output must fit before any is built (a huge size fails here,
  // with OutOfMemoryError, not in the JS heap).
  for (const n of outSizes) empty([n], { dtype: int64 }).dispose();
  empty([...input._shape.slice(0, 2), ...outSizes], { dtype: input.dtype, device: input.device }).dispose();
  // PyTorch's CPU kernels: nearest takes uint8 as well as floats, the interpolating modes floats only
  if (!(mode === 'nearest' && input.dtype.name === 'uint8')) {
    const kernel = mode === 'linear' ? 'compute_indices_weights_linear' : mode === 'bilinear' ? 'upsample_bilinear2d_channels_last' : dims === 1 ? 'compute_indices_weights_nearest' : `upsample_nearest${dims}d_channels_last`;
    expectFloatKernel(op, kernel, input);
  }
  const alignCorners = opts.alignCorners ?? false;
  const float = input.dtype.name === 'float32';
  const name = `Upsample${mode === 'nearest' ? 'Nearest' : mode === 'linear' ? 'Linear' : 'Bilinear'}${dims}DBackward1`;
  return fusedNode(name, [input], (x) => {
    let y = x;
    if (mode === 'nearest') {
      for (let d = 0; d < dims; d++) y = y.indexSelect(2 + d, indexTensor(nearestIndices(inSizes[d]!, outSizes[d]!, scales[d]!), x));
      return y;
    }
    // separable: innermost dim first, then out = t0·w0 + t1·w1 along each outer dim (ATen's order)
    for (let d = dims - 1; d >= 0; d--) {
      const { i0, i1, w0, w1 } = linearIndices(inSizes[d]!, outSizes[d]!, scales[d]!, alignCorners, float);
      const shape = new Array<number>(y.ndim - 2 - d).fill(1);
      shape[0] = outSizes[d]!;
      const a = y.indexSelect(2 + d, indexTensor(i0, x)).mul(weightTensor(w0, x, shape));
      const b = y.indexSelect(2 + d, indexTensor(i1, x)).mul(weightTensor(w1, x, shape));
      y = a.add(b);
    }
    return y;
  });
}

/**
 * Deprecated alias of {@link interpolate} (PyTorch's `F.upsample`): resizes with `size`
 * or `scaleFactor` and `mode`.
 * @example
 * ```ts pytorch=nn.F.upsample
 * console.log(torch.nn.functional.upsample(torch.tensor([[[1, 2, 4]]], { dtype: 'float32' }), { scaleFactor: 2, mode: 'linear' }));
 * ```
 * ```text
 * tensor([[[1.0000, 1.2500, 1.7500, 2.5000, 3.5000, 4.0000]]])
 * ```
 */
export function upsample(input: Tensor, opts: InterpolateOptions = {}): Tensor {
  expectTensor('upsample', 'input', 1, input);
  return interpolate(input, opts);
}

/**
 * Deprecated: nearest-neighbour resizing (PyTorch's `F.upsample_nearest`, `interpolate` in nearest mode).
 * @example
 * ```ts pytorch=nn.F.upsampleNearest
 * console.log(torch.nn.functional.upsampleNearest(torch.tensor([[[[1, 2]]]], { dtype: 'float32' }), { scaleFactor: 2 }));
 * ```
 * ```text
 * tensor([[[[1., 1., 2., 2.],
 *           [1., 1., 2., 2.]]]])
 * ```
 */
export function upsampleNearest(input: Tensor, opts: { size?: number | readonly number[] | null; scaleFactor?: number | readonly number[] | null } = {}): Tensor {
  expectTensor('upsample_nearest', 'input', 1, input);
  expectOptions('upsample_nearest', opts);
  return interpolate(input, { size: opts.size ?? null, scaleFactor: opts.scaleFactor ?? null, mode: 'nearest' });
}

/**
 * Deprecated: bilinear resizing of [N, C, H, W] with corners aligned (PyTorch's
 * `F.upsample_bilinear`, `interpolate(…, mode='bilinear', align_corners=True)`).
 * @example
 * ```ts pytorch=nn.F.upsampleBilinear
 * console.log(torch.nn.functional.upsampleBilinear(torch.tensor([[[[1, 2], [3, 4]]]], { dtype: 'float32' }), { size: [3, 3] })); // alignCorners: true
 * ```
 * ```text
 * tensor([[[[1.0000, 1.5000, 2.0000],
 *           [2.0000, 2.5000, 3.0000],
 *           [3.0000, 3.5000, 4.0000]]]])
 * ```
 */
export function upsampleBilinear(input: Tensor, opts: { size?: number | readonly number[] | null; scaleFactor?: number | readonly number[] | null } = {}): Tensor {
  expectTensor('upsample_bilinear', 'input', 1, input);
  expectOptions('upsample_bilinear', opts);
  return interpolate(input, { size: opts.size ?? null, scaleFactor: opts.scaleFactor ?? null, mode: 'bilinear', alignCorners: true });
}
