/**
 * Pooling (`F.maxPool1d/2d/3d`, `F.avgPool1d/2d/3d`, `F.adaptiveAvgPool1d/2d/3d`,
 * `F.adaptiveMaxPool2d/3d`) from strided window views of the padded input and
 * core reductions. Max pooling takes the first maximum of each window in
 * row-major order, as PyTorch's CPU kernel does, and routes the gradient to it.
 */
import { fusedNode } from '@antorcha/autograd';
import { type Generator, type Tensor, TorchIndexError, TorchRuntimeError, TorchTypeError, TorchValueError, arange, cat, deviceCheck, empty, fmtShape, fromHost, full, float64, int32, int64, rand, stack, zeros, boolArg, expectIntList, expectIntOrList, expectTensor, keywordArgs } from '@antorcha/core';
import { padDim } from './padding.js';
import { type IntOrTuple, ntuple, expectFloatKernel, expectOptions, keepRngOnError } from './utils.js';

/** PyTorch's `pooling_output_shape`. */
export function poolOutputSize(input: number, k: number, pad: number, stride: number, dilation: number, ceilMode: boolean): number {
  const num = input + 2 * pad - dilation * (k - 1) - 1 + (ceilMode ? stride - 1 : 0);
  let out = Math.floor(num / stride) + 1;
  if (ceilMode && (out - 1) * stride >= input + pad) out--;
  return out;
}

function batchify(input: Tensor, dims: number, op: string): [Tensor, boolean] {
  if (input.ndim === dims + 1) return [input.unsqueeze(0), true];
  if (input.ndim === dims + 2) return [input, false];
  throw new TorchRuntimeError(op, `${op}: Expected ${dims + 1}D or ${dims + 2}D (batch mode) tensor with optional 0 dim batch size for input, but got: ${fmtShape(input._shape)}`);
}

interface Geometry {
  k: number[];
  s: number[];
  p: number[];
  d: number[];
  out: number[];
}

/** Kernel, stride, padding, dilation and output size per spatial dim (x is [N, C, *spatial]). */
function geometry(x: Tensor, kernel: IntOrTuple, stride: IntOrTuple | null | undefined, padding: IntOrTuple, dilation: IntOrTuple, ceilMode: boolean, op: string): Geometry {
  const n = x.ndim - 2;
  const k = ntuple(kernel, n, op, 'kernel_size');
  const s = stride === null || stride === undefined || (Array.isArray(stride) && stride.length === 0) ? k : ntuple(stride, n, op, 'stride');
  const p = ntuple(padding, n, op, 'padding');
  const d = ntuple(dilation, n, op, 'dilation');
  for (let i = 0; i < n; i++) {
    if (p[i]! * 2 > d[i]! * (k[i]! - 1) + 1 && p[i]! * 2 > k[i]!) {
      throw new TorchRuntimeError(op, `pad should be at most half of effective kernel size, but got pad=${p[i]}, kernel_size=${k[i]} and dilation=${d[i]}`);
    }
  }
  const sizes = x._shape.slice(2);
  const out = sizes.map((size, i) => poolOutputSize(size, k[i]!, p[i]!, s[i]!, d[i]!, ceilMode));
  if (out.some((o) => o < 1)) {
    throw new TorchRuntimeError(op, `Given input size: (${[x._shape[1], ...sizes].join('x')}). Calculated output size: (${[x._shape[1], ...out].join('x')}). Output size is too small`);
  }
  return { k, s, p, d, out };
}

/** Pads with `value` (left: p, right: enough for every window) and returns the windows [N, C, *out, *kernel]. */
function windows(x: Tensor, g: Geometry, value: number): Tensor {
  const n = x.ndim - 2;
  let xp = x;
  for (let i = 0; i < n; i++) {
    const size = x._shape[2 + i]!;
    // padded extent every window offset's strided narrow (length stride·out) needs; the part
    // past the last window is never read
    const need = Math.max((g.out[i]! - 1) * g.s[i]! + g.d[i]! * (g.k[i]! - 1) + 1, g.d[i]! * (g.k[i]! - 1) + g.s[i]! * g.out[i]!);
    const right = Math.max(0, need - size - g.p[i]!);
    if (g.p[i]! > 0 || right > 0) xp = padDim(xp, 2 + i, g.p[i]!, right, value);
  }
  // One view per kernel offset (narrow, then every stride-th element by unflatten + select):
  // their backward is a pad, not the index scatter of a general as_strided.
  const kProd = g.k.reduce((a, b) => a * b, 1);
  const slices: Tensor[] = [];
  for (let f = 0; f < kProd; f++) {
    let v = xp;
    for (let i = n - 1, rest = f; i >= 0; i--) {
      const ki = rest % g.k[i]!;
      rest = Math.floor(rest / g.k[i]!);
      const dim = 2 + i;
      v = v.narrow(dim, ki * g.d[i]!, g.s[i]! * g.out[i]!);
      if (g.s[i]! > 1) v = v.unflatten(dim, [g.out[i]!, g.s[i]!]).select(dim + 1, 0);
    }
    slices.push(v);
  }
  const [N, C] = xp._shape as [number, number];
  return stack(slices, -1).reshape([N, C, ...g.out, ...g.k]);
}

/** Options of `maxPool1d/2d`. */
export interface MaxPoolOptions {
  /** Window stride (default: the kernel size). */
  stride?: IntOrTuple | null;
  /** Implicit −∞ padding on both sides (default 0). */
  padding?: IntOrTuple;
  /** Spacing between window elements (default 1). */
  dilation?: IntOrTuple;
  /** Use ceil instead of floor for the output size (default false). */
  ceilMode?: boolean;
}

/** Max pooling over the spatial dims of [N, C, *spatial]: values and each window's local argmax. */
function maxPoolImpl(input: Tensor, dims: number, kernelSize: IntOrTuple, opts: MaxPoolOptions, op: string): [Tensor, Tensor, boolean, Geometry, number[]] {
  const [x, unbatched] = batchify(input, dims, op);
  const g = geometry(x, kernelSize, opts.stride, opts.padding ?? 0, opts.dilation ?? 1, opts.ceilMode ?? false, op);
  expectFloatKernel(op, dims === 2 ? 'max_pool2d' : 'max_pool3d_with_indices_cpu', x);
  const win = windows(x, g, -Infinity);
  const [N, C] = x._shape as [number, number];
  const [values, idx] = win.reshape([N, C, ...g.out, g.k.reduce((a, b) => a * b, 1)]).max(-1);
  return [values!, idx!, unbatched, g, x._shape.slice(2)];
}

/** Flat input indices (row-major over the spatial dims) of the window maxima, as `return_indices=True` gives them. */
function flatIndices(local: Tensor, g: Geometry, sizes: number[]): Tensor {
  const n = sizes.length;
  let flat: Tensor | null = null;
  let rest = local;
  // the local index is row-major over the kernel dims: peel them off from the last
  const parts: Tensor[] = new Array(n);
  for (let i = n - 1; i >= 0; i--) {
    parts[i] = rest.remainder(g.k[i]!);
    rest = rest.div(g.k[i]!, { roundingMode: 'floor' });
  }
  for (let i = 0; i < n; i++) {
    const shape = new Array<number>(n).fill(1);
    shape[i] = g.out[i]!;
    const start = arange(g.out[i]!, { dtype: int64, device: local.device }).mul(g.s[i]!).sub(g.p[i]!).view(shape);
    const pos = start.add(parts[i]!.mul(g.d[i]!));
    flat = flat === null ? pos : flat.mul(sizes[i]!).add(pos);
  }
  return flat!;
}

/**
 * 2-D max pooling over [N, C, H, W] (or [C, H, W]).
 * @example
 * ```ts pytorch=nn.F.maxPool2d
 * const x = torch.arange(16, { dtype: 'float32' }).reshape(1, 1, 4, 4);
 * console.log(torch.nn.functional.maxPool2d(x, 2));
 * console.log(torch.nn.functional.maxPool2d(x, 3, { stride: 1, padding: 1 }).shape);
 * ```
 * ```text
 * tensor([[[[ 5.,  7.],
 *           [13., 15.]]]])
 * torch.Size([1, 1, 4, 4])
 * ```
 */
export function maxPool2d(input: Tensor, kernelSize: IntOrTuple, opts: MaxPoolOptions = {}): Tensor {
  expectTensor('max_pool2d', 'input', 1, input);
  expectOptions('max_pool2d', opts);
  // The same node as maxPool2dWithIndices, without computing the flat indices nobody reads.
  return fusedNode('MaxPool2DWithIndicesBackward0', [input], (x) => {
    const [v, , unbatched] = maxPoolImpl(x, 2, kernelSize, opts, 'max_pool2d');
    return unbatched ? v.squeeze(0) : v;
  });
}

/**
 * 3-D max pooling over [N, C, D, H, W] (or [C, D, H, W]).
 * @example
 * ```ts pytorch=nn.F.maxPool3d
 * const x = torch.arange(8, { dtype: 'float32' }).reshape(1, 1, 2, 2, 2);
 * console.log(torch.nn.functional.maxPool3d(x, 2).flatten(), torch.nn.functional.maxPool3d(x, [1, 2, 2]).flatten());
 * ```
 * ```text
 * tensor([7.]) tensor([3., 7.])
 * ```
 */
export function maxPool3d(input: Tensor, kernelSize: IntOrTuple, opts: MaxPoolOptions = {}): Tensor {
  expectTensor('max_pool3d', 'input', 1, input);
  expectOptions('max_pool3d', opts);
  return fusedNode('MaxPool3DWithIndicesBackward0', [input], (x) => {
    const [v, , unbatched] = maxPoolImpl(x, 3, kernelSize, opts, 'max_pool3d');
    return unbatched ? v.squeeze(0) : v;
  });
}

/**
 * `maxPool3d` that also returns the flat indices of the maxima (`return_indices=True`).
 * @example
 * ```ts pytorch=nn.F.maxPool3dWithIndices
 * const x = torch.arange(8, { dtype: 'float32' }).reshape(1, 1, 2, 2, 2);
 * const [values, indices] = torch.nn.functional.maxPool3dWithIndices(x, [1, 2, 2]);
 * console.log(values.flatten(), indices.flatten());
 * ```
 * ```text
 * tensor([3., 7.]) tensor([3, 7])
 * ```
 */
export function maxPool3dWithIndices(input: Tensor, kernelSize: IntOrTuple, opts: MaxPoolOptions = {}): [Tensor, Tensor] {
  expectTensor('max_pool3d_with_indices', 'input', 1, input);
  expectOptions('max_pool3d_with_indices', opts);
  let idx: Tensor | null = null;
  const values = fusedNode('MaxPool3DWithIndicesBackward0', [input], (x) => {
    const [v, local, unbatched, g, sizes] = maxPoolImpl(x, 3, kernelSize, opts, 'max_pool3d');
    const flat = flatIndices(local, g, sizes);
    idx = unbatched ? flat.squeeze(0) : flat;
    return unbatched ? v.squeeze(0) : v;
  });
  return [values, idx!];
}

/**
 * `maxPool2d` that also returns the flat indices of the maxima (`return_indices=True`).
 * @example
 * ```ts pytorch=nn.F.maxPool2dWithIndices
 * const x = torch.tensor([[[[1, 5], [3, 2]]]], { dtype: 'float32' });
 * const [values, indices] = torch.nn.functional.maxPool2dWithIndices(x, 2);
 * console.log(values, indices); // indices into the flattened H × W plane
 * ```
 * ```text
 * tensor([[[[5.]]]]) tensor([[[[1]]]])
 * ```
 */
export function maxPool2dWithIndices(input: Tensor, kernelSize: IntOrTuple, opts: MaxPoolOptions = {}): [Tensor, Tensor] {
  expectTensor('max_pool2d_with_indices', 'input', 1, input);
  expectOptions('max_pool2d_with_indices', opts);
  let idx: Tensor | null = null;
  // PyTorch's one kernel: max_pool2d_with_indices
  const values = fusedNode('MaxPool2DWithIndicesBackward0', [input], (x) => {
    const [v, local, unbatched, g, sizes] = maxPoolImpl(x, 2, kernelSize, opts, 'max_pool2d');
    const flat = flatIndices(local, g, sizes);
    idx = unbatched ? flat.squeeze(0) : flat;
    return unbatched ? v.squeeze(0) : v;
  });
  return [values, idx!];
}

function to2d(v: IntOrTuple | null | undefined, fill: number, op: string, what: string): number[] | null {
  if (v === null || v === undefined) return null;
  return [fill, ntuple(v, 1, op, what)[0]!];
}

/**
 * 1-D max pooling over [N, C, L] (or [C, L]).
 * @example
 * ```ts pytorch=nn.F.maxPool1d
 * const x = torch.tensor([[[1, 3, 2, 5, 4]]], { dtype: 'float32' });
 * console.log(torch.nn.functional.maxPool1d(x, 2), torch.nn.functional.maxPool1d(x, 2, { ceilMode: true }));
 * ```
 * ```text
 * tensor([[[3., 5.]]]) tensor([[[3., 5., 4.]]])
 * ```
 */
export function maxPool1d(input: Tensor, kernelSize: IntOrTuple, opts: MaxPoolOptions = {}): Tensor {
  expectTensor('max_pool1d', 'input', 1, input);
  expectOptions('max_pool1d', opts);
  const op = 'max_pool1d';
  if (input.ndim !== 2 && input.ndim !== 3) throw new TorchRuntimeError(op, `max_pool1d() Expected 2D or 3D input tensor, but got ${fmtShape(input._shape)}`);
  expectIntOrList(op, 'kernel_size', 2, kernelSize);
  const k = to2d(kernelSize, 1, op, 'kernel_size')!;
  const s = to2d(opts.stride, 1, op, 'stride') ?? [1, k[1]!];
  expectFloatKernel(op, 'max_pool1d_impl', input);
  const out = maxPool2d(input.unsqueeze(-2), k, {
    stride: s,
    padding: to2d(opts.padding ?? 0, 0, op, 'padding')!,
    dilation: to2d(opts.dilation ?? 1, 1, op, 'dilation')!,
    ceilMode: opts.ceilMode ?? false,
  });
  return out.squeeze(-2);
}

/** Options of `avgPool1d/2d`. */
export interface AvgPoolOptions {
  /** Window stride (default: the kernel size). */
  stride?: IntOrTuple | null;
  /** Implicit zero padding on both sides (default 0). */
  padding?: IntOrTuple;
  /** Use ceil instead of floor for the output size (default false). */
  ceilMode?: boolean;
  /** Count padded zeros in the divisor (default true). */
  countIncludePad?: boolean;
  /** Divide by this instead of the window size. */
  divisorOverride?: number | null;
}

/**
 * The per-window divisors of PyTorch's avg_pool2d/3d CPU kernels (row-major over the
 * output positions): the window clipped to input + padding, or to the input alone
 * without `countIncludePad`, or `override`.
 */
function avgDivisors(sizes: number[], g: Geometry, countIncludePad: boolean, override: number | null | undefined): number[] {
  const total = g.out.reduce((a, b) => a * b, 1);
  const out = new Array<number>(total);
  const pos = new Array<number>(sizes.length).fill(0);
  for (let flat = 0; flat < total; flat++) {
    let withPad = 1;
    let inside = 1;
    for (let i = 0; i < sizes.length; i++) {
      const start = pos[i]! * g.s[i]! - g.p[i]!;
      const end = Math.min(start + g.k[i]!, sizes[i]! + g.p[i]!);
      withPad *= end - start;
      inside *= Math.min(end, sizes[i]!) - Math.max(start, 0);
    }
    out[flat] = override !== null && override !== undefined ? override : countIncludePad ? withPad : inside;
    for (let i = sizes.length - 1; i >= 0; i--) {
      if (++pos[i]! < g.out[i]!) break;
      pos[i] = 0;
    }
  }
  return out;
}

/**
 * 2-D average pooling over [N, C, H, W] (or [C, H, W]).
 * @example
 * ```ts pytorch=nn.F.avgPool2d
 * const x = torch.arange(16, { dtype: 'float32' }).reshape(1, 1, 4, 4);
 * console.log(torch.nn.functional.avgPool2d(x, 2));
 * ```
 * ```text
 * tensor([[[[ 2.5000,  4.5000],
 *           [10.5000, 12.5000]]]])
 * ```
 */
export function avgPool2d(input: Tensor, kernelSize: IntOrTuple, opts: AvgPoolOptions = {}): Tensor {
  expectTensor('avg_pool2d', 'input', 1, input);
  expectOptions('avg_pool2d', opts);
  return fusedNode('AvgPool2DBackward0', [input], (x) => avgPoolImpl(x, 2, kernelSize, opts, 'avg_pool2d'));
}

/**
 * 3-D average pooling over [N, C, D, H, W] (or [C, D, H, W]).
 * @example
 * ```ts pytorch=nn.F.avgPool3d
 * const x = torch.arange(8, { dtype: 'float32' }).reshape(1, 1, 2, 2, 2);
 * console.log(torch.nn.functional.avgPool3d(x, 2).flatten(), torch.nn.functional.avgPool3d(x, [2, 1, 1]).flatten());
 * ```
 * ```text
 * tensor([3.5000]) tensor([2., 3., 4., 5.])
 * ```
 */
export function avgPool3d(input: Tensor, kernelSize: IntOrTuple, opts: AvgPoolOptions = {}): Tensor {
  expectTensor('avg_pool3d', 'input', 1, input);
  expectOptions('avg_pool3d', opts);
  return fusedNode('AvgPool3DBackward0', [input], (x) => avgPoolImpl(x, 3, kernelSize, opts, 'avg_pool3d'));
}

function avgPoolImpl(input: Tensor, dims: number, kernelSize: IntOrTuple, opts: AvgPoolOptions, op: string): Tensor {
  const [x, unbatched] = batchify(input, dims, op);
  const g = geometry(x, kernelSize, opts.stride, opts.padding ?? 0, 1, opts.ceilMode ?? false, op);
  // PyTorch's CPU kernels take float types and int64 (an int64 average is truncated, as C++ divides)
  expectFloatKernel(op, dims === 2 ? 'avg_pool2d' : 'avg_pool3d_out_frame', x, true);
  const win = windows(x, g, 0);
  const sums = win.sum(g.k.map((_, i) => i - g.k.length)); // row-major over the window, as before
  const div = avgDivisors(x._shape.slice(2), g, opts.countIncludePad ?? true, opts.divisorOverride);
  const uniform = div.every((v) => v === div[0]);
  const mode = x.dtype === int64 ? { roundingMode: 'trunc' as const } : {};
  const out = uniform ? sums.div(div[0]!, mode) : sums.div(fromHost(Float64Array.from(div), g.out, float64).to(x.dtype).to(x.device), mode);
  return unbatched ? out.squeeze(0) : out;
}

/**
 * 1-D average pooling over [N, C, L] (or [C, L]).
 * @example
 * ```ts pytorch=nn.F.avgPool1d
 * const x = torch.tensor([[[1, 2, 3, 4, 5]]], { dtype: 'float32' });
 * console.log(torch.nn.functional.avgPool1d(x, 2), torch.nn.functional.avgPool1d(x, 3, { stride: 1, padding: 1 }));
 * ```
 * ```text
 * tensor([[[1.5000, 3.5000]]]) tensor([[[1., 2., 3., 4., 3.]]])
 * ```
 */
export function avgPool1d(input: Tensor, kernelSize: IntOrTuple, opts: Omit<AvgPoolOptions, 'divisorOverride'> = {}): Tensor {
  expectTensor('avg_pool1d', 'input', 1, input);
  expectOptions('avg_pool1d', opts);
  const op = 'avg_pool1d';
  if (input.ndim !== 2 && input.ndim !== 3) throw new TorchRuntimeError(op, `avg_pool1d: Expected 2D or 3D input tensor, but got ${fmtShape(input._shape)}`);
  expectIntOrList(op, 'kernel_size', 2, kernelSize);
  const k = to2d(kernelSize, 1, op, 'kernel_size')!;
  const s = to2d(opts.stride, 1, op, 'stride') ?? [1, k[1]!];
  return avgPool2d(input.unsqueeze(-2), k, {
    stride: s,
    padding: to2d(opts.padding ?? 0, 0, op, 'padding')!,
    ceilMode: opts.ceilMode ?? false,
    countIncludePad: opts.countIncludePad ?? true,
  }).squeeze(-2);
}

/** Adaptive pooling ranges: [floor(i·In/Out), ceil((i+1)·In/Out)). */
function adaptiveRanges(inSize: number, outSize: number): [number, number][] {
  const r: [number, number][] = [];
  for (let i = 0; i < outSize; i++) r.push([Math.floor((i * inSize) / outSize), Math.ceil(((i + 1) * inSize) / outSize)]);
  return r;
}

/** Most windows one adaptive-pooling dim builds (one narrowed view each). */
const MAX_ADAPTIVE_WINDOWS = 2 ** 24;

function adaptiveAlong(x: Tensor, dim: number, outSize: number, reduce: 'mean' | 'max'): Tensor {
  const op = reduce === 'mean' ? 'adaptive_avg_pool' : 'adaptive_max_pool';
  if (typeof outSize !== 'number' || !Number.isInteger(outSize)) {
    throw new TorchTypeError(op, `${op}(): argument 'output_size' must be tuple of ints, but found element of type ${typeof outSize === 'number' ? 'float' : typeof outSize}`);
  }
  if (outSize < 0) throw new TorchRuntimeError(op, `${op}: elements of output_size must be greater than or equal to 0 but received ${outSize}`);
  // The output must fit before any window is built (a huge size fails here, not in the JS heap).
  const outShape = [...x._shape];
  outShape[dim] = outSize;
  empty(outShape, { dtype: x.dtype, device: x.device }).dispose();
  if (outSize > MAX_ADAPTIVE_WINDOWS) throw new TorchRuntimeError(op, `${op}: output_size ${outSize} along one dim is more than the ${MAX_ADAPTIVE_WINDOWS} windows supported here`);
  const inSize = x._shape[dim]!;
  if (outSize === inSize) return x;
  if (inSize % outSize === 0) {
    const k = inSize / outSize;
    const shape = [...x._shape];
    shape.splice(dim, 1, outSize, k);
    const v = x.reshape(shape);
    return reduce === 'mean' ? v.mean(dim + 1) : v.amax(dim + 1);
  }
  const parts = adaptiveRanges(inSize, outSize).map(([s, e]) => {
    const n = x.narrow(dim, s, e - s);
    return reduce === 'mean' ? n.mean(dim) : n.amax(dim);
  });
  return stack(parts, dim);
}

function adaptiveSizes(outputSize: IntOrTuple | (number | null)[], x: Tensor, op: string): number[] {
  const o = typeof outputSize === 'number' ? [outputSize, outputSize] : [...outputSize];
  if (o.length !== 2) throw new TorchRuntimeError(op, `${op}: output_size must be 2`);
  return o.map((v, i) => (v === null ? x._shape[x.ndim - 2 + i]! : v));
}

/**
 * 2-D adaptive average pooling to `outputSize` (an int, or [h, w] with null
 * keeping that input size).
 * @example
 * ```ts pytorch=nn.F.adaptiveAvgPool2d
 * const x = torch.arange(16, { dtype: 'float32' }).reshape(1, 1, 4, 4);
 * console.log(torch.nn.functional.adaptiveAvgPool2d(x, 1));
 * console.log(torch.nn.functional.adaptiveAvgPool2d(x, [1, 2]));
 * ```
 * ```text
 * tensor([[[[7.5000]]]])
 * tensor([[[[6.5000, 8.5000]]]])
 * ```
 */
export function adaptiveAvgPool2d(input: Tensor, outputSize: IntOrTuple | (number | null)[]): Tensor {
  expectTensor('adaptive_avg_pool2d', 'input', 1, input);
  const op = 'adaptive_avg_pool2d';
  if (input.ndim !== 3 && input.ndim !== 4) throw new TorchRuntimeError(op, `adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got ${fmtShape(input._shape)}`);
  const [oh, ow] = adaptiveSizes(outputSize, input, op) as [number, number];
  const n = input.ndim;
  const pool = (x: Tensor): Tensor => adaptiveAlong(adaptiveAlong(x, n - 2, oh, 'mean'), n - 1, ow, 'mean');
  // PyTorch takes a mean for a 1×1 output, its _adaptive_avg_pool2d kernel otherwise
  if (oh === 1 && ow === 1) return input.mean([-2, -1], true);
  expectFloatKernel(op, 'adaptive_avg_pool2d', input);
  return fusedNode('AdaptiveAvgPool2DBackward0', [input], pool);
}

/**
 * 1-D adaptive average pooling over the last dim.
 * @example
 * ```ts pytorch=nn.F.adaptiveAvgPool1d
 * console.log(torch.nn.functional.adaptiveAvgPool1d(torch.tensor([[[1, 2, 3, 4, 5]]], { dtype: 'float32' }), 2));
 * ```
 * ```text
 * tensor([[[2., 4.]]])
 * ```
 */
export function adaptiveAvgPool1d(input: Tensor, outputSize: number): Tensor {
  expectTensor('adaptive_avg_pool1d', 'input', 1, input);
  if (input.ndim !== 2 && input.ndim !== 3) throw new TorchRuntimeError('adaptive_avg_pool1d', `adaptive_avg_pool1d(): Expected 2D or 3D tensor, but got ${fmtShape(input._shape)}`);
  // PyTorch runs adaptive_avg_pool2d on [.., 1, L]: a mean for output 1, its kernel otherwise
  if (outputSize === 1) return input.mean(-1, true);
  expectFloatKernel('adaptive_avg_pool1d', 'adaptive_avg_pool2d', input);
  return adaptiveAlong(input, input.ndim - 1, outputSize, 'mean');
}

/**
 * 2-D adaptive max pooling to `outputSize`.
 * @example
 * ```ts pytorch=nn.F.adaptiveMaxPool2d
 * const x = torch.arange(16, { dtype: 'float32' }).reshape(1, 1, 4, 4);
 * console.log(torch.nn.functional.adaptiveMaxPool2d(x, [1, 2]));
 * ```
 * ```text
 * tensor([[[[13., 15.]]]])
 * ```
 */
export function adaptiveMaxPool2d(input: Tensor, outputSize: IntOrTuple | (number | null)[]): Tensor {
  expectTensor('adaptive_max_pool2d', 'input', 1, input);
  const op = 'adaptive_max_pool2d';
  if (input.ndim !== 3 && input.ndim !== 4) throw new TorchRuntimeError(op, `adaptive_max_pool2d(): Expected 3D or 4D tensor, but got ${fmtShape(input._shape)}`);
  const [oh, ow] = adaptiveSizes(outputSize, input, op) as [number, number];
  const n = input.ndim;
  expectFloatKernel(op, 'adaptive_max_pool2d', input);
  return fusedNode('AdaptiveMaxPool2DBackward0', [input], (x) => adaptiveAlong(adaptiveAlong(x, n - 2, oh, 'max'), n - 1, ow, 'max'));
}

/**
 * 3-D adaptive average pooling to `outputSize` (an int, or [d, h, w] with null keeping that size).
 * @example
 * ```ts pytorch=nn.F.adaptiveAvgPool3d
 * console.log(torch.nn.functional.adaptiveAvgPool3d(torch.arange(16, { dtype: 'float32' }).reshape(1, 2, 2, 2, 2), 1).flatten());
 * ```
 * ```text
 * tensor([ 3.5000, 11.5000])
 * ```
 */
export function adaptiveAvgPool3d(input: Tensor, outputSize: IntOrTuple | (number | null)[]): Tensor {
  expectTensor('adaptive_avg_pool3d', 'input', 1, input);
  const op = 'adaptive_avg_pool3d';
  if (input.ndim !== 4 && input.ndim !== 5) throw new TorchRuntimeError(op, `adaptive_avg_pool3d(): Expected 4D or 5D tensor, but got ${fmtShape(input._shape)}`);
  const o = adaptiveSizes3(outputSize, input, op);
  const n = input.ndim;
  const pool = (x: Tensor): Tensor => o.reduce((y, size, i) => adaptiveAlong(y, n - 3 + i, size, 'mean'), x);
  // PyTorch takes a mean for a 1×1×1 output, its _adaptive_avg_pool3d kernel otherwise
  if (o.every((v) => v === 1)) return input.mean([-3, -2, -1], true);
  expectFloatKernel(op, 'adaptive_avg_pool3d_cpu', input);
  return fusedNode('AdaptiveAvgPool3DBackward0', [input], pool);
}

/**
 * 3-D adaptive max pooling to `outputSize`.
 * @example
 * ```ts pytorch=nn.F.adaptiveMaxPool3d
 * console.log(torch.nn.functional.adaptiveMaxPool3d(torch.arange(16, { dtype: 'float32' }).reshape(1, 2, 2, 2, 2), [1, 1, 2]).flatten());
 * ```
 * ```text
 * tensor([ 6.,  7., 14., 15.])
 * ```
 */
export function adaptiveMaxPool3d(input: Tensor, outputSize: IntOrTuple | (number | null)[]): Tensor {
  expectTensor('adaptive_max_pool3d', 'input', 1, input);
  const op = 'adaptive_max_pool3d';
  if (input.ndim !== 4 && input.ndim !== 5) throw new TorchRuntimeError(op, `adaptive_max_pool3d(): Expected 4D or 5D tensor, but got ${fmtShape(input._shape)}`);
  const o = adaptiveSizes3(outputSize, input, op);
  const n = input.ndim;
  expectFloatKernel(op, 'adaptive_max_pool3d_cpu', input);
  return fusedNode('AdaptiveMaxPool3DBackward0', [input], (x) => o.reduce((y, size, i) => adaptiveAlong(y, n - 3 + i, size, 'max'), x));
}

function adaptiveSizes3(outputSize: IntOrTuple | (number | null)[], x: Tensor, op: string): number[] {
  const o = typeof outputSize === 'number' ? [outputSize, outputSize, outputSize] : [...outputSize];
  if (o.length !== 3) throw new TorchRuntimeError(op, `${op}: internal error: output_size.size() must be 3`);
  return o.map((v, i) => (v === null ? x._shape[x.ndim - 3 + i]! : v));
}

/** An int64 index tensor from host numbers. */
function indexTensor(values: readonly number[], shape: readonly number[], like: Tensor): Tensor {
  return fromHost(Float64Array.from(values), shape, int64, { device: like.device });
}

/**
 * Max over windows given by flat positions in each [N, C] plane: `pos` [N|1, C|1, P, K]
 * (K window elements per output P; repeats allowed). Returns values [N, C, P] and the flat
 * index of each window's first maximum.
 */
function gatherMax(x: Tensor, pos: Tensor): [Tensor, Tensor] {
  const [N, C] = x._shape as [number, number];
  const flat = x.reshape(N, C, -1);
  const [, , P, K] = pos._shape as [number, number, number, number];
  const full = pos.expand([N, C, P, K]);
  const win = flat.gather(2, full.reshape(N, C, P * K)).reshape(N, C, P, K);
  const [v, local] = win.max(-1);
  return [v!, full.gather(3, local!.unsqueeze(-1)).squeeze(-1)];
}

/**
 * 1-D adaptive max pooling over the last dim of [N, C, L] (or [C, L]).
 * @example
 * ```ts pytorch=nn.F.adaptiveMaxPool1d
 * const x = torch.tensor([[[1, 5, 2, 8, 3, 4, 7]]], { dtype: 'float32' });
 * console.log(torch.nn.functional.adaptiveMaxPool1d(x, 3));
 * ```
 * ```text
 * tensor([[[5., 8., 7.]]])
 * ```
 */
export function adaptiveMaxPool1d(input: Tensor, outputSize: number | readonly number[]): Tensor {
  return adaptiveMaxPool1dWithIndices(input, outputSize)[0];
}

/**
 * `adaptiveMaxPool1d` that also returns the index of each maximum along the last dim (`return_indices=True`).
 * @example
 * ```ts pytorch=nn.F.adaptiveMaxPool1dWithIndices
 * const [values, indices] = torch.nn.functional.adaptiveMaxPool1dWithIndices(torch.tensor([[[1, 5, 2, 8, 3, 4]]], { dtype: 'float32' }), 2);
 * console.log(values, indices);
 * ```
 * ```text
 * tensor([[[5., 8.]]]) tensor([[[1, 3]]])
 * ```
 */
export function adaptiveMaxPool1dWithIndices(input: Tensor, outputSize: number | readonly number[]): [Tensor, Tensor] {
  const op = 'adaptive_max_pool1d';
  expectTensor(op, 'input', 1, input);
  expectIntOrList(op, 'output_size', 2, outputSize);
  const o = typeof outputSize === 'number' ? [outputSize] : [...outputSize];
  if (o.length !== 1) throw new TorchRuntimeError(op, `adaptive_max_pool1d() argument 'output_size' should contain one int (got ${o.length})`);
  if (input.ndim !== 2 && input.ndim !== 3) {
    throw new TorchRuntimeError(op, `Expected 2 to 3 dimensions, but got ${input.ndim}-dimensional tensor for argument #1 'self' (while checking arguments for adaptive_max_pool1d)`);
  }
  const out = o[0]!;
  if (out < 0) throw new TorchRuntimeError(op, `${op}: elements of output_size must be greater than or equal to 0 but received ${out}`);
  // the output must fit before any window is built (a huge size fails here, not in the JS heap)
  empty([...input._shape.slice(0, -1), out], { dtype: input.dtype, device: input.device }).dispose();
  if (out > MAX_ADAPTIVE_WINDOWS) throw new TorchRuntimeError(op, `${op}: output_size ${out} is more than the ${MAX_ADAPTIVE_WINDOWS} windows supported here`);
  expectFloatKernel(op, 'adaptive_max_pool2d', input);
  const L = input._shape[input.ndim - 1]!;
  const ranges = adaptiveRanges(L, out);
  const K = Math.max(1, ...ranges.map(([s, e]) => e - s));
  const pos: number[] = [];
  for (const [s, e] of ranges) for (let j = 0; j < K; j++) pos.push(Math.min(s + j, e - 1));
  const unbatched = input.ndim === 2;
  const posT = indexTensor(pos, [1, 1, out, K], input);
  let idx: Tensor | null = null;
  // as PyTorch: adaptive_max_pool2d of input.unsqueeze(-2), then squeeze(-2)
  const v = fusedNode('AdaptiveMaxPool2DBackward0', [input.unsqueeze(-2)], (x4) => {
    const x = x4.squeeze(-2);
    const [vals, i] = gatherMax(unbatched ? x.unsqueeze(0) : x, posT);
    idx = (unbatched ? i.squeeze(0) : i).unsqueeze(-2);
    return (unbatched ? vals.squeeze(0) : vals).unsqueeze(-2);
  });
  return [v.squeeze(-2), idx!.squeeze(-2)];
}

/**
 * Options of `lpPool1d` / `lpPool2d`: PyTorch's keyword arguments, given as the trailing options
 * object in the position of `stride` or of `ceilMode` (`F.lpPool1d(x, 2, 2, { ceilMode: true })`).
 */
export interface LpPoolOptions {
  /** The window's step (default: the kernel size). */
  stride?: IntOrTuple | null;
  /** Round the output length up instead of down (default `false`). */
  ceilMode?: boolean;
}

/** `stride` and `ceilMode` of the LP pools, positional or keyword; a non-boolean `ceilMode` is a type error. */
function lpPoolArgs(op: string, stride: unknown, ceilMode: unknown): [IntOrTuple | null, boolean] {
  const kw = keywordArgs(op, ['stride', 'ceilMode'], [stride, ceilMode]);
  return [(kw.stride as IntOrTuple | null | undefined) ?? null, boolArg(op, 'ceil_mode', 5, kw.ceilMode, false)];
}

/**
 * 1-D power-average pooling: (Σ x^p over each window)^(1/p) (PyTorch's composite of
 * `avg_pool1d`).
 * @example
 * ```ts pytorch=nn.F.lpPool1d
 * console.log(torch.nn.functional.lpPool1d(torch.tensor([[[3, 4, 6, 8]]], { dtype: 'float32' }), 2, 2)); // L2 norm of each pair
 * ```
 * ```text
 * tensor([[[ 5., 10.]]])
 * ```
 */
export function lpPool1d(input: Tensor, normType: number, kernelSize: number, strideIn?: IntOrTuple | null | LpPoolOptions, ceilModeIn?: boolean | LpPoolOptions): Tensor {
  expectTensor('lp_pool1d', 'input', 1, input);
  const [stride, ceilMode] = lpPoolArgs('lp_pool1d', strideIn, ceilModeIn);
  const k = typeof kernelSize === 'number' ? kernelSize : ntuple(kernelSize, 1, 'lp_pool1d', 'kernel_size')[0]!;
  const out = avgPool1d(input.pow(normType), kernelSize, stride === null ? { padding: 0, ceilMode } : { stride, padding: 0, ceilMode });
  return out.sign().mul(out.abs().relu()).mul(k).pow(1.0 / normType);
}

/**
 * 2-D power-average pooling: (Σ x^p over each window)^(1/p).
 * @example
 * ```ts pytorch=nn.F.lpPool2d
 * console.log(torch.nn.functional.lpPool2d(torch.tensor([[[[1, 1], [1, 1]]]], { dtype: 'float32' }), 1, 2)); // p = 1: the sum
 * ```
 * ```text
 * tensor([[[[4.]]]])
 * ```
 */
export function lpPool2d(input: Tensor, normType: number, kernelSize: IntOrTuple, strideIn?: IntOrTuple | null | LpPoolOptions, ceilModeIn?: boolean | LpPoolOptions): Tensor {
  expectTensor('lp_pool2d', 'input', 1, input);
  const [stride, ceilMode] = lpPoolArgs('lp_pool2d', strideIn, ceilModeIn);
  const [kw, kh] = ntuple(kernelSize, 2, 'lp_pool2d', 'kernel_size') as [number, number];
  const out = avgPool2d(input.pow(normType), kernelSize, stride === null ? { padding: 0, ceilMode } : { stride, padding: 0, ceilMode });
  return out.sign().mul(out.abs().relu()).mul(kw * kh).pow(1.0 / normType);
}

/** Options of the max-unpooling functions. */
export interface MaxUnpoolOptions {
  /** The pooling's stride (default: the kernel size). */
  stride?: IntOrTuple | null;
  /** The pooling's padding (default 0). */
  padding?: IntOrTuple;
  /** The size to restore (the spatial dims, optionally with N and C in front); default from the geometry. */
  outputSize?: readonly number[] | null;
}

/** PyTorch's `_unpool_output_size`. */
function unpoolOutputSize(input: Tensor, k: number[], s: number[], p: number[], outputSize: readonly number[] | null | undefined, op: string): number[] {
  const n = k.length;
  const sizes = input._shape.slice(input.ndim - n);
  const def = k.map((ki, d) => (sizes[d]! - 1) * s[d]! + ki - 2 * p[d]!);
  if (outputSize === null || outputSize === undefined) return def;
  expectIntList(op, 'output_size', undefined, outputSize);
  let o = [...outputSize];
  if (o.length === n + 2) o = o.slice(2);
  if (o.length !== n) throw new TorchValueError(op, `output_size should be a sequence containing ${n} or ${n + 2} elements, but it has a length of '${o.length}'`);
  for (let d = 0; d < n; d++) {
    const min = def[d]! - s[d]!;
    const max = def[d]! + s[d]!;
    if (!(min < o[d]! && o[d]! < max)) throw new TorchValueError(op, `invalid output_size "(${o.join(', ')})" (dim ${d} must be between ${min} and ${max})`);
  }
  return o;
}

/**
 * Scatters `input` [N, C, *spatial] into zeros of `out` spatial size at the flat `indices`
 * (ATen's max_unpool2d/3d, one `MaxUnpool…Backward0` node).
 */
function unpool(input: Tensor, indices: Tensor, out: number[], dims: number, op: string): Tensor {
  const kernelName = dims === 2 ? 'max_unpooling2d' : 'max_unpooling3d';
  if (indices.dtype !== int64) throw new TorchRuntimeError(op, `elements in indices should be type int64 but got: ${indices.dtype === int32 ? 'Int' : indices.dtype.name}`);
  if (input.ndim !== dims + 1 && input.ndim !== dims + 2) {
    throw new TorchRuntimeError(op, `Input to ${kernelName} should be a ${dims + 1}d or ${dims + 2}d Tensor, but got a tensor with ${input.ndim} dimensions.`);
  }
  if (input.ndim !== indices.ndim || input._shape.some((d, i) => d !== indices._shape[i])) {
    throw new TorchRuntimeError(op, `Expected shape of indices to be same as that of the input tensor (${fmtShape(input._shape)}) but got indices tensor with shape: ${fmtShape(indices._shape)}`);
  }
  expectFloatKernel(op, dims === 2 ? 'max_unpool2d' : 'max_unpool3d', input);
  const volume = out.reduce((a, b) => a * b, 1);
  // ATen's loop goes on past a bad index and reports the last one it met: the first of the reversed indices
  const reversed = indices.reshape(-1).flip(0);
  deviceCheck(op, reversed.lt(0).logicalOr(reversed.ge(volume)), `Found an invalid max index: {value} (output volumes are of size ${out.join('x')}`, reversed);
  const unbatched = input.ndim === dims + 1;
  const node = dims === 2 ? 'MaxUnpool2DBackward0' : 'MaxUnpool3DBackward0';
  const res = fusedNode(node, [input], (x0) => {
    const x = unbatched ? x0.unsqueeze(0) : x0;
    const idx = unbatched ? indices.unsqueeze(0) : indices;
    const [N, C] = x._shape as [number, number];
    const zerosOut = zeros([N, C, volume], { dtype: x.dtype, device: x.device });
    return zerosOut.scatter(2, idx.reshape(N, C, -1), x.reshape(N, C, -1)).reshape([N, C, ...out]);
  });
  return unbatched ? res.squeeze(0) : res;
}

/**
 * Partial inverse of `maxPool1d`: puts each value back at its index, zeros elsewhere.
 * @example
 * ```ts pytorch=nn.F.maxUnpool1d
 * const values = torch.tensor([[[3, 5]]], { dtype: 'float32' });
 * const indices = torch.tensor([[[1, 3]]]); // where each value came from
 * console.log(torch.nn.functional.maxUnpool1d(values, indices, 2));
 * ```
 * ```text
 * tensor([[[0., 3., 0., 5.]]])
 * ```
 */
export function maxUnpool1d(input: Tensor, indices: Tensor, kernelSize: IntOrTuple, opts: MaxUnpoolOptions = {}): Tensor {
  const op = 'max_unpool1d';
  expectTensor(op, 'input', 1, input);
  expectTensor(op, 'indices', 2, indices);
  expectOptions(op, opts);
  const k = ntuple(kernelSize, 1, op, 'kernel_size');
  const s = opts.stride === null || opts.stride === undefined ? k : ntuple(opts.stride, 1, op, 'stride');
  const p = ntuple(opts.padding ?? 0, 1, op, 'padding');
  const out = unpoolOutputSize(input, k, s, p, opts.outputSize, op);
  return unpool(input.unsqueeze(-1), indices.unsqueeze(-1), [...out, 1], 2, op).squeeze(-1);
}

/**
 * Partial inverse of `maxPool2d`: puts each value back at its flat index (as
 * `maxPool2dWithIndices` returns it), zeros elsewhere.
 * @example
 * ```ts pytorch=nn.F.maxUnpool2d
 * const F = torch.nn.functional;
 * const x = torch.tensor([[[[1, 2], [4, 3]]]], { dtype: 'float32' });
 * const [y, idx] = F.maxPool2dWithIndices(x, 2);
 * console.log(y, idx);
 * console.log(F.maxUnpool2d(y, idx, 2));
 * ```
 * ```text
 * tensor([[[[4.]]]]) tensor([[[[2]]]])
 * tensor([[[[0., 0.],
 *           [4., 0.]]]])
 * ```
 */
export function maxUnpool2d(input: Tensor, indices: Tensor, kernelSize: IntOrTuple, opts: MaxUnpoolOptions = {}): Tensor {
  const op = 'max_unpool2d';
  expectTensor(op, 'input', 1, input);
  expectTensor(op, 'indices', 2, indices);
  expectOptions(op, opts);
  const k = ntuple(kernelSize, 2, op, 'kernel_size');
  const s = opts.stride === null || opts.stride === undefined ? k : ntuple(opts.stride, 2, op, 'stride');
  const p = ntuple(opts.padding ?? 0, 2, op, 'padding');
  return unpool(input, indices, unpoolOutputSize(input, k, s, p, opts.outputSize, op), 2, op);
}

/** Partial inverse of `maxPool3d`. */
export function maxUnpool3d(input: Tensor, indices: Tensor, kernelSize: IntOrTuple, opts: MaxUnpoolOptions = {}): Tensor {
  const op = 'max_unpool3d';
  expectTensor(op, 'input', 1, input);
  expectTensor(op, 'indices', 2, indices);
  expectOptions(op, opts);
  const k = ntuple(kernelSize, 3, op, 'kernel_size');
  const s = opts.stride === null || opts.stride === undefined ? k : ntuple(opts.stride, 3, op, 'stride');
  const p = ntuple(opts.padding ?? 0, 3, op, 'padding');
  return unpool(input, indices, unpoolOutputSize(input, k, s, p, opts.outputSize, op), 3, op);
}

/** Options of the fractional max-pooling functions. */
export interface FractionalMaxPoolOptions {
  /** Output size of the spatial dims. */
  outputSize?: IntOrTuple | null;
  /** Output size as a fraction of the input size (each in (0, 1)). */
  outputRatio?: number | readonly number[] | null;
  /** Per-plane uniform samples [N, C, dims] fixing the windows (default: drawn with `rand`). */
  randomSamples?: Tensor | null;
  /** Generator of the samples when they are drawn (default: the global one). */
  generator?: Generator;
}

/** ATen's generate_intervals: window starts along one dim, from a sample u in [0, 1) (float math for float32). */
/**
 * ATen's `generate_intervals` for every plane at once: window starts [N, C, outSize] (int64)
 * from the samples `u` [N, C] (input dtype), computed in that dtype as ATen computes them:
 * trunc((i + u)·α) − trunc(u·α) with α = (inSize − pool)/(outSize − 1), the last start inSize − pool.
 */
function fractionalStarts(u: Tensor, inSize: number, outSize: number, pool: number): Tensor {
  const [N, C] = u._shape as [number, number];
  const last = full([N, C, outSize > 0 ? 1 : 0], inSize - pool, { dtype: int64, device: u.device });
  if (outSize <= 1) return last;
  const alpha = u.dtype.name === 'float64' ? (inSize - pool) / (outSize - 1) : Math.fround((inSize - pool) / (outSize - 1));
  const i = arange(outSize - 1, { dtype: u.dtype, device: u.device });
  const first = u.unsqueeze(2).add(i).mul(alpha).trunc().sub(u.mul(alpha).trunc().unsqueeze(2)).to(int64);
  return cat([first, last], 2);
}

function fractionalMaxPool(input: Tensor, dims: number, kernelSize: IntOrTuple, opts: FractionalMaxPoolOptions, op: string): [Tensor, Tensor] {
  expectTensor(op, 'input', 1, input);
  expectOptions(op, opts);
  // the samples are drawn before the checks (as in PyTorch); a failed call leaves the stream as it was
  return keepRngOnError(opts.generator, () => fractionalMaxPoolImpl(input, dims, kernelSize, opts, op));
}

function fractionalMaxPoolImpl(input: Tensor, dims: number, kernelSize: IntOrTuple, opts: FractionalMaxPoolOptions, op: string): [Tensor, Tensor] {
  if ((opts.outputSize === null || opts.outputSize === undefined) && (opts.outputRatio === null || opts.outputRatio === undefined)) {
    throw new TorchValueError(op, `${op} requires specifying either an output_size or an output_ratio`);
  }
  const sizeAt = (d: number): number => {
    const nd = input.ndim;
    if (d < -nd || d >= nd) throw new TorchIndexError(op, `Dimension out of range (expected to be in range of [${-nd}, ${nd - 1}], but got ${d})`);
    return input._shape[d < 0 ? d + nd : d]!;
  };
  let out: number[];
  if (opts.outputSize === null || opts.outputSize === undefined) {
    const r = opts.outputRatio!;
    const ratio = typeof r === 'number' ? new Array<number>(dims).fill(r) : Array.isArray(r) ? [...(r as number[])] : [];
    if (ratio.length !== dims || ratio.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      throw new TorchTypeError(op, `${op}(): output_ratio must be a float or a tuple of ${dims} floats`);
    }
    out = ratio.map((rt, i) => Math.trunc(sizeAt(i - dims) * rt));
  } else {
    out = ntuple(opts.outputSize, dims, op, 'output_size');
  }
  const k = ntuple(kernelSize, dims, op, 'kernel_size');
  let samples = opts.randomSamples ?? null;
  if (samples !== null) expectTensor(op, '_random_samples', 6, samples);
  if (samples === null) {
    const nBatch = input.ndim === dims + 1 ? 1 : sizeAt(0);
    samples = rand([nBatch, sizeAt(-dims - 1), dims], { dtype: input.dtype, ...(opts.generator ? { generator: opts.generator } : {}) });
  }
  if (input.numel() === 0 || (input.ndim !== dims + 1 && input.ndim !== dims + 2)) {
    throw new TorchRuntimeError(op, `${op}(): Expected ${dims + 1}D or ${dims + 2}D tensor, but got: ${fmtShape(input._shape)}`);
  }
  const sizes = input._shape.slice(input.ndim - dims);
  const names = dims === 2 ? ['height', 'width'] : ['time', 'height', 'width'];
  for (let d = 0; d < dims; d++) {
    if (out[d]! + k[d]! - 1 > sizes[d]!) {
      throw new TorchRuntimeError(op, `${dims === 2 ? op : `${op}_out`}(): pool ${names[d]} ${k[d]} too large relative to input ${names[d]} ${sizes[d]}`);
    }
  }
  const unbatched = input.ndim === dims + 1;
  const N = unbatched ? 1 : input._shape[0]!;
  const C = input._shape[input.ndim - dims - 1]!;
  // PyTorch 2.x's checks of the samples (1.13 reads them unchecked)
  if (samples.dtype !== input.dtype) throw new TorchRuntimeError(op, 'Expect _random_samples to be the same dtype as input');
  if (samples.ndim !== 3) throw new TorchRuntimeError(op, `Expect _random_samples to have 3 dimensions, got ${samples.ndim}`);
  if (samples._shape[0]! < N) throw new TorchRuntimeError(op, 'Expect _random_samples.size(0) no less then input batch size.');
  if (samples._shape[1] !== C) throw new TorchRuntimeError(op, 'Expect _random_samples.size(1) equals to input channel size.');
  if (samples._shape[2] !== dims) throw new TorchRuntimeError(op, `Expect _random_samples.size(2) equals to ${dims}; got ${samples._shape[2]}.`);
  // ATen's sample order: 2-D (W, H); 3-D (T, H, W)
  const sampleDim = dims === 2 ? [1, 0] : [0, 1, 2];
  const P = out.reduce((a, b) => a * b, 1);
  const K = k.reduce((a, b) => a * b, 1);
  // Flat input position of each window element, [N, C, out…, k…], formed on the samples' device:
  // Σ_d (start_d[o_d] + kk_d) · stride_d
  const u = samples.detach().narrow(0, 0, N);
  const dev = input.device;
  let pos: Tensor | null = null;
  let stride = 1;
  for (let d = dims - 1; d >= 0; d--) {
    const starts = fractionalStarts(u.select(2, sampleDim[d]!), sizes[d]!, out[d]!, k[d]!).to(dev); // [N, C, out_d]
    const lead = Array.from({ length: dims }, (_, j) => (j === d ? out[d]! : 1));
    const trail = Array.from({ length: dims }, (_, j) => (j === d ? k[d]! : 1));
    const kk = arange(k[d]!, { dtype: int64, device: dev }).reshape([...lead.map(() => 1), ...trail]);
    const term = starts.reshape([N, C, ...lead, ...trail.map(() => 1)]).add(kk).mul(stride);
    pos = pos === null ? term : pos.add(term);
    stride *= sizes[d]!;
  }
  const posT = pos!.expand([N, C, ...out, ...k]).reshape([N, C, P, K]);
  let idx: Tensor | null = null;
  const node = dims === 2 ? 'FractionalMaxPool2DBackward0' : 'FractionalMaxPool3DBackward0';
  const values = fusedNode(node, [input], (x0) => {
    const x = unbatched ? x0.unsqueeze(0) : x0;
    const [v, i] = gatherMax(x, posT);
    const shape = [N, C, ...out];
    idx = unbatched ? i.reshape(shape).squeeze(0) : i.reshape(shape);
    return unbatched ? v.reshape(shape).squeeze(0) : v.reshape(shape);
  });
  return [values, idx!];
}

/**
 * 2-D fractional max pooling (Graham, 2014) over [N, C, H, W] (or [C, H, W]): pseudo-random
 * window starts from one uniform sample per plane and dim, drawn as PyTorch draws them.
 * @example
 * ```ts pytorch=nn.F.fractionalMaxPool2d
 * torch.manualSeed(0);
 * const x = torch.arange(25, { dtype: 'float32' }).reshape(1, 1, 5, 5);
 * console.log(torch.nn.functional.fractionalMaxPool2d(x, 2, { outputSize: [3, 3] }));
 * ```
 * ```text
 * tensor([[[[ 6.,  8.,  9.],
 *           [11., 13., 14.],
 *           [21., 23., 24.]]]])
 * ```
 */
export function fractionalMaxPool2d(input: Tensor, kernelSize: IntOrTuple, opts: FractionalMaxPoolOptions = {}): Tensor {
  return fractionalMaxPool(input, 2, kernelSize, opts, 'fractional_max_pool2d')[0];
}

/**
 * `fractionalMaxPool2d` that also returns the flat indices of the maxima (`return_indices=True`).
 * @example
 * ```ts pytorch=nn.F.fractionalMaxPool2dWithIndices
 * torch.manualSeed(0);
 * const x = torch.arange(25, { dtype: 'float32' }).reshape(1, 1, 5, 5);
 * const [values, indices] = torch.nn.functional.fractionalMaxPool2dWithIndices(x, 2, { outputSize: 2 });
 * console.log(values, indices);
 * ```
 * ```text
 * tensor([[[[ 6.,  9.],
 *           [21., 24.]]]]) tensor([[[[ 6,  9],
 *           [21, 24]]]])
 * ```
 */
export function fractionalMaxPool2dWithIndices(input: Tensor, kernelSize: IntOrTuple, opts: FractionalMaxPoolOptions = {}): [Tensor, Tensor] {
  return fractionalMaxPool(input, 2, kernelSize, opts, 'fractional_max_pool2d');
}

/**
 * 3-D fractional max pooling over [N, C, T, H, W] (or [C, T, H, W]).
 * @example
 * ```ts pytorch=nn.F.fractionalMaxPool3d
 * torch.manualSeed(0);
 * const x = torch.arange(64, { dtype: 'float32' }).reshape(1, 1, 4, 4, 4);
 * console.log(torch.nn.functional.fractionalMaxPool3d(x, 2, { outputSize: 2 }).flatten());
 * ```
 * ```text
 * tensor([21., 23., 29., 31., 53., 55., 61., 63.])
 * ```
 */
export function fractionalMaxPool3d(input: Tensor, kernelSize: IntOrTuple, opts: FractionalMaxPoolOptions = {}): Tensor {
  return fractionalMaxPool(input, 3, kernelSize, opts, 'fractional_max_pool3d')[0];
}

/** `fractionalMaxPool3d` that also returns the flat indices of the maxima (`return_indices=True`). */
export function fractionalMaxPool3dWithIndices(input: Tensor, kernelSize: IntOrTuple, opts: FractionalMaxPoolOptions = {}): [Tensor, Tensor] {
  return fractionalMaxPool(input, 3, kernelSize, opts, 'fractional_max_pool3d');
}
