/**
 * `F.unfold` (im2col: sliding local blocks as columns) and `F.fold` (col2im: summing
 * columns back into an image). `unfold` is a strided window view of the zero-padded
 * input; `fold` is its adjoint, a grouped transposed convolution with a one-hot
 * kernel. Each is one autograd node with PyTorch's name (`Im2ColBackward0`,
 * `Col2ImBackward0`).
 */
import { fusedNode } from '@antorcha/autograd';
import { type Tensor, TorchIndexError, TorchRuntimeError, eye, fmtShape, expectTensor } from '@antorcha/core';
import { convTranspose2d } from './conv.js';
import { padDim } from './padding.js';
import { type IntOrTuple, ntuple, expectFloatKernel, expectOptions } from './utils.js';

/** Options of {@link unfold} and {@link fold}. */
export interface FoldOptions {
  /** Spacing between block elements (default 1). */
  dilation?: IntOrTuple;
  /** Implicit zero padding on both sides of the spatial dims (default 0). */
  padding?: IntOrTuple;
  /** Step between blocks (default 1). */
  stride?: IntOrTuple;
}

interface Geometry {
  k: number[];
  d: number[];
  p: number[];
  s: number[];
}

function geometry(op: string, kernelSize: IntOrTuple, opts: FoldOptions): Geometry {
  const k = ntuple(kernelSize, 2, op, 'kernel_size');
  const d = ntuple(opts.dilation ?? 1, 2, op, 'dilation');
  const p = ntuple(opts.padding ?? 0, 2, op, 'padding');
  const s = ntuple(opts.stride ?? 1, 2, op, 'stride');
  if (!(k[0]! > 0 && k[1]! > 0)) throw new TorchRuntimeError(op, `kernel size should be greater than zero, but got kernel_height: ${k[0]} kernel_width: ${k[1]}`);
  if (!(s[0]! > 0 && s[1]! > 0)) throw new TorchRuntimeError(op, `stride should be greater than zero, but got stride_height: ${s[0]} stride_width: ${s[1]}`);
  if (!(d[0]! > 0 && d[1]! > 0)) throw new TorchRuntimeError(op, `dilation should be greater than zero, but got dilation_height: ${d[0]} dilation_width: ${d[1]}`);
  if (!(p[0]! >= 0 && p[1]! >= 0)) throw new TorchRuntimeError(op, `padding should be non-negative, but got pad_height: ${p[0]} pad_width: ${p[1]}`);
  return { k, d, p, s };
}

/** Number of blocks along each spatial dim (C++ integer division, as ATen computes it). */
function blocks(sizes: number[], g: Geometry): number[] {
  return sizes.map((n, i) => Math.trunc((n + 2 * g.p[i]! - (g.d[i]! * (g.k[i]! - 1) + 1)) / g.s[i]!) + 1);
}

const tuple = (v: number[]): string => `(${v.join(', ')})`;

/**
 * Extracts sliding local blocks: input [N, C, H, W] (or [C, H, W]) → [N, C·kh·kw, L]
 * with L the number of blocks.
 * @example
 * ```ts pytorch=nn.F.unfold
 * const x = torch.arange(16, { dtype: 'float32' }).reshape(1, 1, 4, 4);
 * const cols = torch.nn.functional.unfold(x, 2, { stride: 2 });
 * console.log(cols.shape);
 * console.log(cols);
 * ```
 * ```text
 * torch.Size([1, 4, 4])
 * tensor([[[ 0.,  2.,  8., 10.],
 *          [ 1.,  3.,  9., 11.],
 *          [ 4.,  6., 12., 14.],
 *          [ 5.,  7., 13., 15.]]])
 * ```
 */
export function unfold(input: Tensor, kernelSize: IntOrTuple, opts: FoldOptions = {}): Tensor {
  const op = 'unfold';
  expectTensor(op, 'input', 1, input);
  expectOptions(op, opts);
  const g = geometry(op, kernelSize, opts);
  if (input.ndim < 2) throw new TorchIndexError(op, `Dimension out of range (expected to be in range of [${-Math.max(1, input.ndim)}, ${Math.max(1, input.ndim) - 1}], but got 1)`);
  const valid = (input.ndim === 3 || input.ndim === 4) && input._shape.slice(input.ndim - 3).every((v) => v > 0);
  if (!valid) {
    throw new TorchRuntimeError(op, `Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: ${fmtShape(input._shape)}`);
  }
  const sizes = input._shape.slice(-2);
  const out = blocks(sizes, g);
  if (out.some((o) => o < 1)) {
    // PyTorch 1.13's message repeats the input height as the width
    throw new TorchRuntimeError(
      op,
      `Given input with spatial size ${tuple([sizes[0]!, sizes[0]!])}, kernel_size=${tuple(g.k)}, dilation=${tuple(g.d)}, padding=${tuple(g.p)}, calculated shape of the array of sliding blocks as ${tuple(out)}, but its components must be at least one.`,
    );
  }
  expectFloatKernel(op, 'im2col_out_cpu', input);
  const unbatched = input.ndim === 3;
  const res = fusedNode('Im2ColBackward0', [input], (x0) => {
    let x = unbatched ? x0.unsqueeze(0) : x0;
    for (let i = 0; i < 2; i++) if (g.p[i]! > 0) x = padDim(x, 2 + i, g.p[i]!, g.p[i]!);
    x = x.contiguous();
    const st = x._strides;
    const [N, C] = x._shape as [number, number];
    const win = x.asStrided([N, C, g.k[0]!, g.k[1]!, out[0]!, out[1]!], [st[0]!, st[1]!, st[2]! * g.d[0]!, st[3]! * g.d[1]!, st[2]! * g.s[0]!, st[3]! * g.s[1]!], x._offset);
    return win.reshape(N, C * g.k[0]! * g.k[1]!, out[0]! * out[1]!);
  });
  return unbatched ? res.squeeze(0) : res;
}

/**
 * Combines sliding local blocks into an image, summing overlaps: input [N, C·kh·kw, L]
 * (or [C·kh·kw, L]) → [N, C, *outputSize]. The adjoint of {@link unfold}.
 * @example
 * ```ts pytorch=nn.F.fold
 * const cols = torch.ones(1, 4, 4); // 4 blocks of 2 × 2 values
 * console.log(torch.nn.functional.fold(cols, [3, 3], 2)); // overlapping blocks add up
 * ```
 * ```text
 * tensor([[[[1., 2., 1.],
 *           [2., 4., 2.],
 *           [1., 2., 1.]]]])
 * ```
 */
export function fold(input: Tensor, outputSize: IntOrTuple, kernelSize: IntOrTuple, opts: FoldOptions = {}): Tensor {
  const op = 'fold';
  expectTensor(op, 'input', 1, input);
  expectOptions(op, opts);
  const size = ntuple(outputSize, 2, op, 'output_size');
  const g = geometry(op, kernelSize, opts);
  const valid = (input.ndim === 2 || input.ndim === 3) && input._shape.slice(input.ndim - 2).every((v) => v > 0);
  if (!valid) {
    throw new TorchRuntimeError(op, `Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions for input, but got: ${fmtShape(input._shape)}`);
  }
  const K = g.k[0]! * g.k[1]!;
  const ck = input._shape[input.ndim - 2]!;
  const L = input._shape[input.ndim - 1]!;
  if (ck % K !== 0) {
    throw new TorchRuntimeError(op, `Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)=${ck} and kernel_size=${tuple(g.k)}.`);
  }
  const out = blocks(size, g);
  if (out.some((o) => o < 1)) {
    throw new TorchRuntimeError(
      op,
      `Given output_size=${tuple(size)}, kernel_size=${tuple(g.k)}, dilation=${tuple(g.d)}, padding=${tuple(g.p)}, stride=${tuple(g.s)}, calculated shape of the array of sliding blocks as ${tuple(out)}, but its components must be at least one.`,
    );
  }
  if (L !== out[0]! * out[1]!) {
    throw new TorchRuntimeError(
      op,
      `Given output_size=${tuple(size)}, kernel_size=${tuple(g.k)}, dilation=${tuple(g.d)}, padding=${tuple(g.p)}, stride=${tuple(g.s)}, expected size of input's dimension 2 to match the calculated number of sliding blocks ${out[0]} * ${out[1]} = ${out[0]! * out[1]!}, but got input.size(2)=${L}.`,
    );
  }
  expectFloatKernel(op, 'col2im_out_cpu', input);
  const C = ck / K;
  const unbatched = input.ndim === 2;
  const res = fusedNode('Col2ImBackward0', [input], (x0) => {
    const x = (unbatched ? x0.unsqueeze(0) : x0).reshape(-1, ck, out[0]!, out[1]!);
    // one output channel per group of K columns, each column scattered to its kernel offset
    const w = eye(K, { dtype: x.dtype, device: x.device }).reshape(K, 1, g.k[0]!, g.k[1]!).repeat(C, 1, 1, 1);
    // the full (uncropped) sum over the padded image, then the image's window [p, p + size)
    let y = convTranspose2d(x, w, null, { stride: g.s, dilation: g.d, groups: C });
    for (let i = 0; i < 2; i++) {
      const extra = g.p[i]! + size[i]! - y._shape[2 + i]!;
      if (extra > 0) y = padDim(y, 2 + i, 0, extra);
      y = y.narrow(2 + i, g.p[i]!, size[i]!);
    }
    return y.contiguous();
  });
  return unbatched ? res.squeeze(0) : res;
}
