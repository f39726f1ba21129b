/**
 * Convolutions (`F.conv1d/2d/3d`, `F.convTranspose1d/2d`) by im2col: a strided
 * window view of the (padded) input, one copy into column layout, and a batched
 * `matmul` with the weight. All steps are differentiable core ops, recorded with
 * `fusedNode` as PyTorch's one `ConvolutionBackward0` node.
 */
import { fusedNode, isGradEnabled } from '@antorcha/autograd';
import { type Tensor, TorchRuntimeError, cat, cppName, fmtShape, stack, zeros, expectTensor } from '@antorcha/core';
import { padDim } from './padding.js';
import { type IntOrTuple, ntuple, expectOptions } from './utils.js';

/** Padding of a convolution: per-dim amounts, or `'same'` / `'valid'`. */
export type ConvPadding = IntOrTuple | 'same' | 'valid';

/** Options of the functional convolutions (PyTorch's keyword arguments). */
export interface ConvOptions {
  /** Stride (default 1). */
  stride?: IntOrTuple;
  /** Zero padding (default 0), or `'same'` (stride 1 only) / `'valid'`. */
  padding?: ConvPadding;
  /** Spacing between kernel elements (default 1). */
  dilation?: IntOrTuple;
  /** Number of blocked connections from input to output channels (default 1). */
  groups?: number;
}

/** Resolves `padding` into per-dim (before, after) amounts. */
function resolvePadding(padding: ConvPadding, kernel: number[], dilation: number[], stride: number[], op: string): [number, number][] {
  const n = kernel.length;
  if (padding === 'valid') return kernel.map(() => [0, 0]);
  if (padding === 'same') {
    if (stride.some((s) => s !== 1)) throw new TorchRuntimeError(op, "padding='same' is not supported for strided convolutions");
    return kernel.map((k, i) => {
      const total = dilation[i]! * (k - 1);
      const left = Math.floor(total / 2);
      return [left, total - left];
    });
  }
  if (typeof padding === 'string') throw new TorchRuntimeError(op, `Invalid padding string '${padding}'`);
  return ntuple(padding, n, op, 'padding').map((p) => [p, p]);
}

/**
 * The im2col core of every convolution: x [N, C, *spatial] (1 to 3 spatial dims), weight
 * [O, C/g, *kernel]; `pads` are (before, after) per spatial dim. One strided window view
 * [N, C, *out] of the padded input per kernel offset, stacked into columns, times the weight.
 */
function convCore(x: Tensor, weight: Tensor, bias: Tensor | null | undefined, stride: number[], pads: [number, number][], dilation: number[], groups: number, op: string): Tensor {
  const d = x.ndim - 2;
  const [N, C] = x._shape as [number, number];
  const [O, Cg] = weight._shape as [number, number];
  const k = weight._shape.slice(2);
  if (C !== Cg * groups) {
    throw new TorchRuntimeError(op, `Given groups=${groups}, weight of size ${fmtShape(weight._shape)}, expected input${fmtShape(x._shape)} to have ${Cg * groups} channels, but got ${C} channels instead`);
  }
  if (O % groups !== 0) throw new TorchRuntimeError(op, 'out_channels must be divisible by groups');
  const padded = x._shape.slice(2).map((n, i) => n + pads[i]![0] + pads[i]![1]);
  const span = k.map((ki, i) => dilation[i]! * (ki - 1) + 1);
  const out = padded.map((p, i) => Math.floor((p - span[i]!) / stride[i]!) + 1);
  if (out.some((o) => o <= 0)) {
    throw new TorchRuntimeError(op, `Calculated padded input size per channel: (${padded.join(' x ')}). Kernel size: (${span.join(' x ')}). Kernel size can't be greater than actual input size`);
  }
  // Each kernel offset reads a window `narrow(offset, stride·out)` of the padded input, every
  // stride-th element of it (unflatten + select 0): views whose backward is a pad, not the
  // index scatter of a general as_strided. A window running past the padded end (stride > 1)
  // gets extra zeros on the right; they are never read.
  const extra = padded.map((p, i) => Math.max(0, dilation[i]! * (k[i]! - 1) + stride[i]! * out[i]! - p));
  let xp = x;
  for (let i = 0; i < d; i++) {
    const [before, after] = pads[i]!;
    if (before || after || extra[i]) xp = padDim(xp, 2 + i, before, after + extra[i]!);
  }
  const kProd = k.reduce((a, b) => a * b, 1);
  const slices: Tensor[] = [];
  for (let f = 0; f < kProd; f++) {
    let v = xp;
    for (let i = d - 1, rest = f; i >= 0; i--) {
      const ki = rest % k[i]!;
      rest = Math.floor(rest / k[i]!);
      const dim = 2 + i;
      v = v.narrow(dim, ki * dilation[i]!, stride[i]! * out[i]!);
      if (stride[i]! > 1) v = v.unflatten(dim, [out[i]!, stride[i]!]).select(dim + 1, 0);
    }
    slices.push(v);
  }
  // columns [N, C, ∏kernel, *out] (C-major, then kernel offsets in row-major order) -> [N, g, Cg·∏kernel, ∏out]
  const cols = stack(slices, 2).reshape(N, groups, Cg * kProd, out.reduce((a, b) => a * b, 1));
  const w = weight.reshape(groups, O / groups, Cg * kProd);
  let y = w.matmul(cols).reshape([N, O, ...out]);
  if (!isGradEnabled() || !(x._requiresGrad || weight._requiresGrad)) {
    // Nothing records: the padded input and the columns are garbage now. Freed at once, their
    // heap blocks serve the next call instead of fresh (page-faulting) memory.
    if (cols._storage !== x._storage) cols.dispose();
    if (xp._storage !== x._storage) xp.dispose();
  }
  if (bias !== null && bias !== undefined) y = y.add(bias.view([1, O, ...out.map(() => 1)]));
  return y;
}

/** The 2-D case of {@link convCore} (conv1d and the transposed convolutions go through it). */
const conv2dCore = convCore;

/**
 * PyTorch 1.13's CPU convolution kernels on an integer or bool input: the kernel's dispatch
 * refuses the types it lacks (`"<kernel>" not implemented for …`), and a dispatched input
 * reads the weight as its own type (`expected scalar type Long but found Float`).
 */
function convDtypes(op: string, x: Tensor, weight: Tensor, kernel: string, longOnly: boolean): void {
  const d = x.dtype;
  if (d.isFloatingPoint || d.isComplex) return;
  const dispatched = longOnly ? d.name === 'int64' : d.name !== 'bool';
  if (!dispatched) throw new TorchRuntimeError(op, `"${kernel}" not implemented for '${cppName(d)}'`);
  if (weight.dtype !== d) throw new TorchRuntimeError(op, `expected scalar type ${cppName(d)} but found ${cppName(weight.dtype)}`);
}

function batchify(input: Tensor, dims: number, op: string): [Tensor, boolean] {
  if (input.ndim === dims + 1) return [input.unsqueeze(0), true];
  if (input.ndim === dims + 2) return [input, false];
  throw new TorchRuntimeError(op, `Expected ${dims + 1}D (unbatched) or ${dims + 2}D (batched) input to ${op}, but got input of size: ${fmtShape(input._shape)}`);
}

/** A batched convolution recorded as PyTorch's one `ConvolutionBackward0` node (edges: input, weight, bias). */
function convolution(inputs: readonly [Tensor, Tensor, Tensor | null | undefined], fn: (x: Tensor, w: Tensor, b: Tensor | null | undefined) => Tensor): Tensor {
  return fusedNode('ConvolutionBackward0', inputs, fn);
}

/**
 * 2-D convolution: input [N, C, H, W] (or [C, H, W]), weight [O, C/groups, kh, kw].
 * @example
 * ```ts pytorch=nn.F.conv2d
 * const x = torch.arange(9, { dtype: 'float32' }).reshape(1, 1, 3, 3);
 * const w = torch.ones(1, 1, 2, 2);
 * console.log(torch.nn.functional.conv2d(x, w));
 * console.log(torch.nn.functional.conv2d(x, w, torch.tensor([0.5]), { padding: 1 }).shape);
 * ```
 * ```text
 * tensor([[[[ 8., 12.],
 *           [20., 24.]]]])
 * torch.Size([1, 1, 4, 4])
 * ```
 */
export function conv2d(input: Tensor, weight: Tensor, bias?: Tensor | null, opts: ConvOptions = {}): Tensor {
  expectTensor('conv2d', 'input', 1, input);
  expectTensor('conv2d', 'weight', 2, weight);
  expectOptions('conv2d', opts);
  const op = 'conv2d';
  const [x, unbatched] = batchify(input, 2, op);
  if (weight.ndim !== 4) throw new TorchRuntimeError(op, `weight should have 4 dimensions, got ${weight.ndim}`);
  const stride = ntuple(opts.stride ?? 1, 2, op, 'stride');
  const dilation = ntuple(opts.dilation ?? 1, 2, op, 'dilation');
  const pads = resolvePadding(opts.padding ?? 0, [weight._shape[2]!, weight._shape[3]!], dilation, stride, op);
  convDtypes(op, x, weight, 'slow_conv2d_cpu', false);
  const out = convolution([x, weight, bias], (xx, ww, bb) => conv2dCore(xx, ww, bb, stride, pads, dilation, opts.groups ?? 1, op));
  return unbatched ? out.squeeze(0) : out;
}

/**
 * 3-D convolution: input [N, C, D, H, W] (or [C, D, H, W]), weight [O, C/groups, kd, kh, kw].
 * @example
 * ```ts pytorch=nn.F.conv3d
 * const x = torch.ones(1, 1, 3, 3, 3);
 * console.log(torch.nn.functional.conv3d(x, torch.ones(1, 1, 2, 2, 2)).flatten()); // each output sums 8 ones
 * ```
 * ```text
 * tensor([8., 8., 8., 8., 8., 8., 8., 8.])
 * ```
 */
export function conv3d(input: Tensor, weight: Tensor, bias?: Tensor | null, opts: ConvOptions = {}): Tensor {
  expectTensor('conv3d', 'input', 1, input);
  expectTensor('conv3d', 'weight', 2, weight);
  expectOptions('conv3d', opts);
  const op = 'conv3d';
  const [x, unbatched] = batchify(input, 3, op);
  if (weight.ndim !== 5) throw new TorchRuntimeError(op, `weight should have 5 dimensions, got ${weight.ndim}`);
  const stride = ntuple(opts.stride ?? 1, 3, op, 'stride');
  const dilation = ntuple(opts.dilation ?? 1, 3, op, 'dilation');
  const pads = resolvePadding(opts.padding ?? 0, weight._shape.slice(2), dilation, stride, op);
  convDtypes(op, x, weight, 'compute_columns3d', false);
  const out = convolution([x, weight, bias], (xx, ww, bb) => convCore(xx, ww, bb, stride, pads, dilation, opts.groups ?? 1, op));
  return unbatched ? out.squeeze(0) : out;
}

/**
 * 1-D convolution: input [N, C, L] (or [C, L]), weight [O, C/groups, k].
 * @example
 * ```ts pytorch=nn.F.conv1d
 * const x = torch.tensor([[[1, 2, 3, 4, 5]]], { dtype: 'float32' }); // [N, C, L]
 * const w = torch.tensor([[[1, 0, -1]]], { dtype: 'float32' });
 * console.log(torch.nn.functional.conv1d(x, w));
 * console.log(torch.nn.functional.conv1d(x, w, null, { padding: 1, stride: 2 }));
 * ```
 * ```text
 * tensor([[[-2., -2., -2.]]])
 * tensor([[[-2., -2.,  4.]]])
 * ```
 */
export function conv1d(input: Tensor, weight: Tensor, bias?: Tensor | null, opts: ConvOptions = {}): Tensor {
  expectTensor('conv1d', 'input', 1, input);
  expectTensor('conv1d', 'weight', 2, weight);
  expectOptions('conv1d', opts);
  const op = 'conv1d';
  const [x, unbatched] = batchify(input, 1, op);
  if (weight.ndim !== 3) throw new TorchRuntimeError(op, `weight should have 3 dimensions, got ${weight.ndim}`);
  const stride = ntuple(opts.stride ?? 1, 1, op, 'stride');
  const dilation = ntuple(opts.dilation ?? 1, 1, op, 'dilation');
  const pads = resolvePadding(opts.padding ?? 0, [weight._shape[2]!], dilation, stride, op);
  convDtypes(op, x, weight, 'slow_conv2d_cpu', false);
  const out = convolution([x, weight, bias], (xx, ww, bb) =>
    conv2dCore(xx.unsqueeze(2), ww.unsqueeze(2), bb, [1, stride[0]!], [[0, 0], pads[0]!], [1, dilation[0]!], opts.groups ?? 1, op).squeeze(2),
  );
  return unbatched ? out.squeeze(0) : out;
}

/** Options of `convTranspose2d`. */
export interface ConvTransposeOptions {
  /** Stride (default 1). */
  stride?: IntOrTuple;
  /** Implicit zero padding removed from both sides of the output (default 0). */
  padding?: IntOrTuple;
  /** Extra size added to one side of the output (default 0). */
  outputPadding?: IntOrTuple;
  /** Blocked connections (default 1). */
  groups?: number;
  /** Spacing between kernel elements (default 1). */
  dilation?: IntOrTuple;
}

/** Inserts `s − 1` zeros between the elements of `dim` (length (n − 1)·s + 1). */
function dilateDim(x: Tensor, dim: number, s: number): Tensor {
  if (s === 1) return x;
  const n = x._shape[dim]!;
  const zshape = [...x._shape];
  zshape.splice(dim + 1, 0, s - 1);
  const z = zeros(zshape, { dtype: x.dtype, device: x.device });
  const inter = cat([x.unsqueeze(dim + 1), z], dim + 1);
  const merged = [...x._shape];
  merged[dim] = n * s;
  return inter.reshape(merged).narrow(dim, 0, (n - 1) * s + 1);
}

/**
 * Transposed 2-D convolution ("deconvolution"): input [N, Cin, H, W], weight
 * [Cin, Cout/groups, kh, kw]; output size (H − 1)·stride − 2·padding + dilation·(k − 1) + outputPadding + 1.
 * @example
 * ```ts pytorch=nn.F.convTranspose2d
 * const x = torch.tensor([[[[1, 2], [3, 4]]]], { dtype: 'float32' });
 * console.log(torch.nn.functional.convTranspose2d(x, torch.ones(1, 1, 2, 2), null, { stride: 2 }));
 * ```
 * ```text
 * tensor([[[[1., 1., 2., 2.],
 *           [1., 1., 2., 2.],
 *           [3., 3., 4., 4.],
 *           [3., 3., 4., 4.]]]])
 * ```
 */
export function convTranspose2d(input: Tensor, weight: Tensor, bias?: Tensor | null, opts: ConvTransposeOptions = {}): Tensor {
  expectTensor('conv_transpose2d', 'input', 1, input);
  expectTensor('conv_transpose2d', 'weight', 2, weight);
  expectOptions('conv_transpose2d', opts);
  const op = 'conv_transpose2d';
  const [x, unbatched] = batchify(input, 2, op);
  if (weight.ndim !== 4) throw new TorchRuntimeError(op, `weight should have 4 dimensions, got ${weight.ndim}`);
  const stride = ntuple(opts.stride ?? 1, 2, op, 'stride');
  const padding = ntuple(opts.padding ?? 0, 2, op, 'padding');
  const outPad = ntuple(opts.outputPadding ?? 0, 2, op, 'output_padding');
  const dilation = ntuple(opts.dilation ?? 1, 2, op, 'dilation');
  const groups = opts.groups ?? 1;
  const [Cin, Cog, kh, kw] = weight._shape as [number, number, number, number];
  if (x._shape[1] !== Cin) {
    throw new TorchRuntimeError(op, `Given transposed=1, weight of size ${fmtShape(weight._shape)}, expected input${fmtShape(x._shape)} to have ${Cin} channels, but got ${x._shape[1]} channels instead`);
  }
  for (let i = 0; i < 2; i++) {
    if (outPad[i]! >= stride[i]! && outPad[i]! >= dilation[i]!) throw new TorchRuntimeError(op, 'output padding must be smaller than either stride or dilation');
  }
  convDtypes(op, x, weight, 'slow_conv_transpose2d_out_cpu', true);
  const out = convolution([x, weight, bias], (xx, ww, bb) => {
    // Equivalent direct convolution: dilate the input by the stride, pad by d·(k−1)−p, flip the kernel.
    let xd = dilateDim(dilateDim(xx, 2, stride[0]!), 3, stride[1]!);
    const k = [kh, kw];
    for (let i = 0; i < 2; i++) {
      const edge = dilation[i]! * (k[i]! - 1) - padding[i]!;
      xd = padDim(xd, 2 + i, edge, edge + outPad[i]!);
    }
    const Cout = Cog * groups;
    const w = ww
      .reshape(groups, Cin / groups, Cog, kh, kw)
      .transpose(1, 2)
      .reshape(Cout, Cin / groups, kh, kw)
      .flip([2, 3]);
    return conv2dCore(xd, w, bb, [1, 1], [[0, 0], [0, 0]], dilation, groups, op);
  });
  return unbatched ? out.squeeze(0) : out;
}

/** Options of `convTranspose1d`. */
export interface ConvTranspose1dOptions {
  /** Stride (default 1). */
  stride?: IntOrTuple;
  /** Zero padding removed from both ends (default 0). */
  padding?: IntOrTuple;
  /** Extra size added at one end (default 0). */
  outputPadding?: IntOrTuple;
  /** Blocked connections (default 1). */
  groups?: number;
  /** Spacing between kernel elements (default 1). */
  dilation?: IntOrTuple;
}

/**
 * Transposed 1-D convolution: input [N, Cin, L] (or [Cin, L]), weight [Cin, Cout/groups, k].
 * @example
 * ```ts pytorch=nn.F.convTranspose1d
 * const x = torch.tensor([[[1, 2, 3]]], { dtype: 'float32' });
 * console.log(torch.nn.functional.convTranspose1d(x, torch.tensor([[[1, 1]]], { dtype: 'float32' })));
 * console.log(torch.nn.functional.convTranspose1d(x, torch.tensor([[[1, 1]]], { dtype: 'float32' }), null, { stride: 2 }));
 * ```
 * ```text
 * tensor([[[1., 3., 5., 3.]]])
 * tensor([[[1., 1., 2., 2., 3., 3.]]])
 * ```
 */
export function convTranspose1d(input: Tensor, weight: Tensor, bias?: Tensor | null, opts: ConvTranspose1dOptions = {}): Tensor {
  expectTensor('conv_transpose1d', 'input', 1, input);
  expectTensor('conv_transpose1d', 'weight', 2, weight);
  expectOptions('conv_transpose1d', opts);
  const op = 'conv_transpose1d';
  const [x, unbatched] = batchify(input, 1, op);
  if (weight.ndim !== 3) throw new TorchRuntimeError(op, `weight should have 3 dimensions, got ${weight.ndim}`);
  if (x._shape[1] !== weight._shape[0]) {
    throw new TorchRuntimeError(op, `Given transposed=1, weight of size ${fmtShape(weight._shape)}, expected input${fmtShape(x._shape)} to have ${weight._shape[0]} channels, but got ${x._shape[1]} channels instead`);
  }
  // as a 2-D transposed convolution over [N, Cin, 1, L]: the extra dim has size-1 geometry
  const along = (v: IntOrTuple, what: string, extra: number): number[] => [extra, ntuple(v, 1, op, what)[0]!];
  const o = {
    stride: along(opts.stride ?? 1, 'stride', 1),
    padding: along(opts.padding ?? 0, 'padding', 0),
    outputPadding: along(opts.outputPadding ?? 0, 'output_padding', 0),
    dilation: along(opts.dilation ?? 1, 'dilation', 1),
    groups: opts.groups ?? 1,
  };
  convDtypes(op, x, weight, 'slow_conv_transpose2d_out_cpu', true);
  const out = convolution([x, weight, bias], (xx, ww, bb) => convTranspose2d(xx.unsqueeze(2), ww.unsqueeze(2), bb, o).squeeze(2));
  return unbatched ? out.squeeze(0) : out;
}

/**
 * Transposed 3-D convolution: input [N, Cin, D, H, W] (or unbatched), weight
 * [Cin, Cout/groups, kd, kh, kw]; each output size is (in − 1)·stride − 2·padding +
 * dilation·(k − 1) + outputPadding + 1.
 * @example
 * ```ts pytorch=nn.F.convTranspose3d
 * const y = torch.nn.functional.convTranspose3d(torch.ones(1, 2, 2, 2, 2), torch.ones(2, 1, 2, 2, 2), null, { stride: 2 });
 * console.log(y.shape, y.sum());
 * ```
 * ```text
 * torch.Size([1, 1, 4, 4, 4]) tensor(128.)
 * ```
 */
export function convTranspose3d(input: Tensor, weight: Tensor, bias?: Tensor | null, opts: ConvTransposeOptions = {}): Tensor {
  expectTensor('conv_transpose3d', 'input', 1, input);
  expectTensor('conv_transpose3d', 'weight', 2, weight);
  expectOptions('conv_transpose3d', opts);
  if (bias !== null && bias !== undefined) expectTensor('conv_transpose3d', 'bias', 3, bias);
  const op = 'conv_transpose3d';
  const [x, unbatched] = batchify(input, 3, op);
  if (weight.ndim !== 5) throw new TorchRuntimeError(op, `weight should have 5 dimensions, got ${weight.ndim}`);
  const stride = ntuple(opts.stride ?? 1, 3, op, 'stride');
  const padding = ntuple(opts.padding ?? 0, 3, op, 'padding');
  const outPad = ntuple(opts.outputPadding ?? 0, 3, op, 'output_padding');
  const dilation = ntuple(opts.dilation ?? 1, 3, op, 'dilation');
  const groups = opts.groups ?? 1;
  const [Cin, Cog] = weight._shape as [number, number];
  const k = weight._shape.slice(2);
  if (x._shape[1] !== Cin) {
    throw new TorchRuntimeError(op, `Given transposed=1, weight of size ${fmtShape(weight._shape)}, expected input${fmtShape(x._shape)} to have ${Cin} channels, but got ${x._shape[1]} channels instead`);
  }
  for (let i = 0; i < 3; i++) {
    if (outPad[i]! >= stride[i]! && outPad[i]! >= dilation[i]!) {
      const [od, oh, ow] = outPad as [number, number, number];
      const [sd, sh, sw] = stride as [number, number, number];
      const [dd, dh, dw] = dilation as [number, number, number];
      throw new TorchRuntimeError(
        op,
        `output padding must be smaller than either stride or dilation, but got output_padding_depth: ${od} output_padding_height: ${oh} output_padding_width: ${ow} stride_depth: ${sd} stride_height: ${sh} stride_width: ${sw} dilation_depth: ${dd} dilation_height: ${dh} dilation_width: ${dw}`,
      );
    }
  }
  convDtypes(op, x, weight, 'slow_conv_transpose3d_out_cpu', true);
  const out = convolution([x, weight, bias], (xx, ww, bb) => {
    let xd = xx;
    for (let i = 0; i < 3; i++) xd = dilateDim(xd, 2 + i, stride[i]!);
    for (let i = 0; i < 3; i++) {
      const edge = dilation[i]! * (k[i]! - 1) - padding[i]!;
      xd = padDim(xd, 2 + i, edge, edge + outPad[i]!);
    }
    const Cout = Cog * groups;
    const w = ww
      .reshape([groups, Cin / groups, Cog, ...k])
      .transpose(1, 2)
      .reshape([Cout, Cin / groups, ...k])
      .flip([2, 3, 4]);
    return convCore(xd, w, bb, [1, 1, 1], [[0, 0], [0, 0], [0, 0]], dilation, groups, op);
  });
  return unbatched ? out.squeeze(0) : out;
}
