/**
 * Pooling (`F.maxPool1d/2d/3d`, `F.avgPool1d/2d/3d`, `F.adaptiveAvgPool1d/2d/3d`,
 * `F.adaptiveMaxPool2d/3d`) from strided window views of the padded input and
 * core reductions. Max pooling takes the first maximum of each window in
 * row-major order, as PyTorch's CPU kernel does, and routes the gradient to it.
 */
import { fusedNode } from '@antorcha/autograd';
import { type Tensor, TorchRuntimeError, TorchTypeError, arange, empty, fmtShape, fromHost, float64, int64, stack, expectIntOrList, expectTensor } from '@antorcha/core';
import { padDim } from './padding.js';
import { type IntOrTuple, ntuple, expectOptions } from './utils.js';

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
    const need = (g.out[i]! - 1) * g.s[i]! + g.d[i]! * (g.k[i]! - 1) + 1;
    const right = Math.max(0, need - size - g.p[i]!);
    if (g.p[i]! > 0 || right > 0) xp = padDim(xp, 2 + i, g.p[i]!, right, value);
  }
  xp = xp.contiguous();
  const st = xp._strides;
  const sp = st.slice(2);
  const [N, C] = xp._shape as [number, number];
  return xp.asStrided([N, C, ...g.out, ...g.k], [st[0]!, st[1]!, ...sp.map((v, i) => v * g.s[i]!), ...sp.map((v, i) => v * g.d[i]!)], xp._offset);
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
    const start = arange(g.out[i]!, { dtype: int64 }).mul(g.s[i]!).sub(g.p[i]!).view(shape);
    const pos = start.add(parts[i]!.mul(g.d[i]!));
    flat = flat === null ? pos : flat.mul(sizes[i]!).add(pos);
  }
  return flat!;
}

/**
 * 2-D max pooling over [N, C, H, W] (or [C, H, W]).
 * @example
 * ```ts
 * F.maxPool2d(x, 2); // halves H and W
 * ```
 */
export function maxPool2d(input: Tensor, kernelSize: IntOrTuple, opts: MaxPoolOptions = {}): Tensor {
  expectTensor('max_pool2d', 'input', 1, input);
  expectOptions('max_pool2d', opts);
  return maxPool2dWithIndices(input, kernelSize, opts)[0];
}

/** 3-D max pooling over [N, C, D, H, W] (or [C, D, H, W]). */
export function maxPool3d(input: Tensor, kernelSize: IntOrTuple, opts: MaxPoolOptions = {}): Tensor {
  expectTensor('max_pool3d', 'input', 1, input);
  expectOptions('max_pool3d', opts);
  return maxPool3dWithIndices(input, kernelSize, opts)[0];
}

/** `maxPool3d` that also returns the flat indices of the maxima (`return_indices=True`). */
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

/** `maxPool2d` that also returns the flat indices of the maxima (`return_indices=True`). */
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

/** 1-D max pooling over [N, C, L] (or [C, L]). */
export function maxPool1d(input: Tensor, kernelSize: IntOrTuple, opts: MaxPoolOptions = {}): Tensor {
  expectTensor('max_pool1d', 'input', 1, input);
  expectOptions('max_pool1d', opts);
  const op = 'max_pool1d';
  if (input.ndim !== 2 && input.ndim !== 3) throw new TorchRuntimeError(op, `max_pool1d() Expected 2D or 3D input tensor, but got ${fmtShape(input._shape)}`);
  expectIntOrList(op, 'kernel_size', 2, kernelSize);
  const k = to2d(kernelSize, 1, op, 'kernel_size')!;
  const s = to2d(opts.stride, 1, op, 'stride') ?? [1, k[1]!];
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

/** 2-D average pooling over [N, C, H, W] (or [C, H, W]). */
export function avgPool2d(input: Tensor, kernelSize: IntOrTuple, opts: AvgPoolOptions = {}): Tensor {
  expectTensor('avg_pool2d', 'input', 1, input);
  expectOptions('avg_pool2d', opts);
  return fusedNode('AvgPool2DBackward0', [input], (x) => avgPoolImpl(x, 2, kernelSize, opts, 'avg_pool2d'));
}

/** 3-D average pooling over [N, C, D, H, W] (or [C, D, H, W]). */
export function avgPool3d(input: Tensor, kernelSize: IntOrTuple, opts: AvgPoolOptions = {}): Tensor {
  expectTensor('avg_pool3d', 'input', 1, input);
  expectOptions('avg_pool3d', opts);
  return fusedNode('AvgPool3DBackward0', [input], (x) => avgPoolImpl(x, 3, kernelSize, opts, 'avg_pool3d'));
}

function avgPoolImpl(input: Tensor, dims: number, kernelSize: IntOrTuple, opts: AvgPoolOptions, op: string): Tensor {
  const [x, unbatched] = batchify(input, dims, op);
  const g = geometry(x, kernelSize, opts.stride, opts.padding ?? 0, 1, opts.ceilMode ?? false, op);
  const win = windows(x, g, 0);
  const sums = win.sum(g.k.map((_, i) => i - g.k.length)); // row-major over the window, as before
  const div = avgDivisors(x._shape.slice(2), g, opts.countIncludePad ?? true, opts.divisorOverride);
  const uniform = div.every((v) => v === div[0]);
  const out = uniform ? sums.div(div[0]!) : sums.div(fromHost(Float64Array.from(div), g.out, float64).to(x.dtype));
  return unbatched ? out.squeeze(0) : out;
}

/** 1-D average pooling over [N, C, L] (or [C, L]). */
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
 */
export function adaptiveAvgPool2d(input: Tensor, outputSize: IntOrTuple | (number | null)[]): Tensor {
  expectTensor('adaptive_avg_pool2d', 'input', 1, input);
  const op = 'adaptive_avg_pool2d';
  if (input.ndim !== 3 && input.ndim !== 4) throw new TorchRuntimeError(op, `adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got ${fmtShape(input._shape)}`);
  const [oh, ow] = adaptiveSizes(outputSize, input, op) as [number, number];
  const n = input.ndim;
  const pool = (x: Tensor): Tensor => adaptiveAlong(adaptiveAlong(x, n - 2, oh, 'mean'), n - 1, ow, 'mean');
  // PyTorch takes a mean for a 1×1 output, its _adaptive_avg_pool2d kernel otherwise
  return oh === 1 && ow === 1 ? input.mean([-2, -1], true) : fusedNode('AdaptiveAvgPool2DBackward0', [input], pool);
}

/** 1-D adaptive average pooling over the last dim. */
export function adaptiveAvgPool1d(input: Tensor, outputSize: number): Tensor {
  expectTensor('adaptive_avg_pool1d', 'input', 1, input);
  if (input.ndim !== 2 && input.ndim !== 3) throw new TorchRuntimeError('adaptive_avg_pool1d', `adaptive_avg_pool1d(): Expected 2D or 3D tensor, but got ${fmtShape(input._shape)}`);
  return adaptiveAlong(input, input.ndim - 1, outputSize, 'mean');
}

/** 2-D adaptive max pooling to `outputSize`. */
export function adaptiveMaxPool2d(input: Tensor, outputSize: IntOrTuple | (number | null)[]): Tensor {
  expectTensor('adaptive_max_pool2d', 'input', 1, input);
  const op = 'adaptive_max_pool2d';
  if (input.ndim !== 3 && input.ndim !== 4) throw new TorchRuntimeError(op, `adaptive_max_pool2d(): Expected 3D or 4D tensor, but got ${fmtShape(input._shape)}`);
  const [oh, ow] = adaptiveSizes(outputSize, input, op) as [number, number];
  const n = input.ndim;
  return fusedNode('AdaptiveMaxPool2DBackward0', [input], (x) => adaptiveAlong(adaptiveAlong(x, n - 2, oh, 'max'), n - 1, ow, 'max'));
}

/** 3-D adaptive average pooling to `outputSize` (an int, or [d, h, w] with null keeping that size). */
export function adaptiveAvgPool3d(input: Tensor, outputSize: IntOrTuple | (number | null)[]): Tensor {
  expectTensor('adaptive_avg_pool3d', 'input', 1, input);
  const op = 'adaptive_avg_pool3d';
  if (input.ndim !== 4 && input.ndim !== 5) throw new TorchRuntimeError(op, `adaptive_avg_pool3d(): Expected 4D or 5D tensor, but got ${fmtShape(input._shape)}`);
  const o = adaptiveSizes3(outputSize, input, op);
  const n = input.ndim;
  const pool = (x: Tensor): Tensor => o.reduce((y, size, i) => adaptiveAlong(y, n - 3 + i, size, 'mean'), x);
  // PyTorch takes a mean for a 1×1×1 output, its _adaptive_avg_pool3d kernel otherwise
  return o.every((v) => v === 1) ? input.mean([-3, -2, -1], true) : fusedNode('AdaptiveAvgPool3DBackward0', [input], pool);
}

/** 3-D adaptive max pooling to `outputSize`. */
export function adaptiveMaxPool3d(input: Tensor, outputSize: IntOrTuple | (number | null)[]): Tensor {
  expectTensor('adaptive_max_pool3d', 'input', 1, input);
  const op = 'adaptive_max_pool3d';
  if (input.ndim !== 4 && input.ndim !== 5) throw new TorchRuntimeError(op, `adaptive_max_pool3d(): Expected 4D or 5D tensor, but got ${fmtShape(input._shape)}`);
  const o = adaptiveSizes3(outputSize, input, op);
  const n = input.ndim;
  return fusedNode('AdaptiveMaxPool3DBackward0', [input], (x) => o.reduce((y, size, i) => adaptiveAlong(y, n - 3 + i, size, 'max'), x));
}

function adaptiveSizes3(outputSize: IntOrTuple | (number | null)[], x: Tensor, op: string): number[] {
  const o = typeof outputSize === 'number' ? [outputSize, outputSize, outputSize] : [...outputSize];
  if (o.length !== 3) throw new TorchRuntimeError(op, `${op}: internal error: output_size.size() must be 3`);
  return o.map((v, i) => (v === null ? x._shape[x.ndim - 3 + i]! : v));
}
