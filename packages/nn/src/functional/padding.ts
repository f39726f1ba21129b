/**
 * `F.pad`: constant mode built from `cat` and `narrow` and recorded as PyTorch's one
 * `ConstantPadNdBackward0` node; reflect, replicate and circular modes gather with
 * `indexSelect` along each padded dim (`ReflectionPad2DBackward0`, …).
 */
import { fusedNode } from '@antorcha/autograd';
import { TorchNotImplementedError, expectFloatKernel, expectDoubleFits } from './utils.js';
import { type Tensor, TorchRuntimeError, cat, empty, fmtShape, fromHost, full, int64, expectIntList, expectNumber, expectTensor, keywordArgs } from '@antorcha/core';

/** Padding modes of {@link pad}. */
export type PadMode = 'constant' | 'reflect' | 'replicate' | 'circular';

/**
 * Options of {@link pad}: PyTorch's keywords, given as the trailing options object in the
 * position of `mode` or of `value` (`F.pad(x, [1, 1], { value: 2 })`).
 */
export interface PadOptions {
  /** `'constant'` (default), `'reflect'`, `'replicate'` or `'circular'`. */
  mode?: PadMode;
  /** The fill of constant padding (default 0). */
  value?: number | null;
}

/**
 * Pads `input`. `pad` lists (before, after) pairs starting from the last dim, as in
 * PyTorch: `pad(x, [1, 1, 2, 0])` pads the last dim by 1 on each side and the one
 * before by 2 at the start. Negative amounts crop. Modes: `'constant'` (with
 * `value`), `'reflect'` (mirror without repeating the edge), `'replicate'` (repeat the
 * edge) and `'circular'` (wrap around); the last three pad the last 1 to 3 dims of a
 * (batched or unbatched) input, `'circular'` a batched one.
 * @example
 * ```ts pytorch=nn.F.pad
 * const F = torch.nn.functional;
 * const x = torch.tensor([[[1, 2, 3]]], { dtype: 'float32' });
 * console.log(F.pad(x, [2, 1]));
 * console.log(F.pad(x, [2, 1], 'reflect'));
 * console.log(F.pad(x, [1, 1], 'replicate'));
 * ```
 * ```text
 * tensor([[[0., 0., 1., 2., 3., 0.]]])
 * tensor([[[3., 2., 1., 2., 3., 2.]]])
 * tensor([[[1., 1., 2., 3., 3.]]])
 * ```
 */
export function pad(input: Tensor, padding: readonly number[], modeIn?: PadMode | PadOptions, valueIn?: number | null | PadOptions): Tensor {
  expectTensor('pad', 'input', 1, input);
  expectIntList('pad', 'pad', 2, padding);
  const kw = keywordArgs('pad', ['mode', 'value'], [modeIn, valueIn]);
  const mode = (kw.mode ?? 'constant') as PadMode;
  const value = (kw.value ?? null) as number | null;
  if (value !== null) expectNumber('pad', 'value', 4, value);
  if (mode !== 'constant' && mode !== 'reflect' && mode !== 'replicate' && mode !== 'circular') {
    throw new TorchNotImplementedError('pad', `Unrecognised padding mode ${String(mode)}`);
  }
  if (padding.length % 2 !== 0) throw new TorchRuntimeError('pad', 'Padding length must be divisible by 2');
  if (padding.length / 2 > input.ndim) throw new TorchRuntimeError('pad', 'Padding length too large');
  if (mode !== 'constant') return padNonConstant(input, padding, mode, value);
  const v = value ?? 0;
  // PyTorch converts the fill value to the input's dtype, refusing one out of its range
  expectDoubleFits('pad', v, input.dtype);
  // PyTorch's one kernel: constant_pad_nd (node ConstantPadNdBackward0)
  return fusedNode('ConstantPadNdBackward0', [input], (x0) => {
    let x = x0;
    for (let i = 0; i < padding.length / 2; i++) {
      const dim = input.ndim - 1 - i;
      x = padDim(x, dim, padding[2 * i]!, padding[2 * i + 1]!, v);
    }
    // Zero or negative pads leave x0 itself or a view of it: pad always returns a new tensor.
    return x._storage === x0._storage ? x.clone() : x;
  });
}

/** Source index of every output position of one padded dim. */
function padIndices(n: number, before: number, after: number, mode: 'reflect' | 'replicate' | 'circular'): number[] {
  const out: number[] = [];
  for (let o = 0; o < n + before + after; o++) {
    let i = o - before;
    if (mode === 'reflect') {
      if (i < 0) i = -i;
      if (i >= n) i = 2 * (n - 1) - i;
    } else if (mode === 'replicate') {
      i = Math.min(Math.max(i, 0), n - 1);
    } else {
      // PyTorch crops for negative amounts first, then wraps around the cropped dim
      const start = Math.max(-before, 0);
      const len = n - start - Math.max(-after, 0);
      i = start + ((((o - Math.max(before, 0)) % len) + len) % len);
    }
    out.push(i);
  }
  return out;
}

function padNonConstant(input: Tensor, padding: readonly number[], mode: 'reflect' | 'replicate' | 'circular', value: number | null): Tensor {
  if (value !== null && value !== 0) throw new TorchRuntimeError('pad', `Padding mode "${mode}" doesn't take in value argument`);
  const k = padding.length / 2;
  const nd = input.ndim;
  if (!(k >= 1 && k <= 3 && (nd === k + 1 || nd === k + 2))) {
    throw new TorchNotImplementedError('pad', 'Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now');
  }
  const sizes = fmtShape(input._shape);
  // ATen's shape checks: non-batch dims non-empty; a 1-D pad must leave at least one element
  if (mode !== 'circular') {
    const batchDim = nd === k + 2 ? 1 : 0;
    if (input._shape.some((n, dim) => dim >= batchDim && n === 0)) {
      const typeName = input.dtype.name === 'float64' ? 'DoubleTensor' : input.dtype.name === 'float32' ? 'FloatTensor' : `${input.dtype.name}Tensor`;
      throw new TorchRuntimeError(
        'pad',
        mode === 'reflect' && k < 3
          ? `${k + 1}D or ${k + 2}D (batch mode) tensor expected for input, but got: [ torch.${typeName}{${input._shape.join(',')}} ]`
          : `Expected ${k + 1}D or ${k + 2}D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: ${sizes}`,
      );
    }
  }
  if (mode === 'circular') {
    if (padding.length + 4 !== nd * 2) throw new TorchRuntimeError('pad', `Invalid padding size, expected ${(nd - 2) * 2} but got ${padding.length}`);
    for (let i = 0; i < k; i++) {
      const n = input._shape[nd - 1 - i]!;
      if (padding[2 * i]! > n || padding[2 * i + 1]! > n) throw new TorchRuntimeError('pad', 'Padding value causes wrapping around more than once.');
      if (n + padding[2 * i]! + padding[2 * i + 1]! < 0) throw new TorchRuntimeError('pad', 'Negative padding value is resulting in an empty dimension');
    }
  } else if (mode === 'reflect') {
    for (let i = 0; i < k; i++) {
      const dim = nd - 1 - i;
      const [l, r] = [padding[2 * i]!, padding[2 * i + 1]!];
      const n = input._shape[dim]!;
      if (!(l < n && r < n)) {
        throw new TorchRuntimeError(
          'pad',
          `Argument #${4 + 2 * i}: Padding size should be less than the corresponding input dimension, but got: padding (${l}, ${r}) at dimension ${dim} of input ${k === 2 ? nd : sizes}`,
        );
      }
    }
  }
  for (let i = 0; i < k; i++) {
    const n = input._shape[nd - 1 - i]!;
    const out = n + padding[2 * i]! + padding[2 * i + 1]!;
    if (k === 1 && out < 1 && mode !== 'circular') {
      throw new TorchRuntimeError('pad', mode === 'reflect' ? `2input (W: ${n})is too small. Calculated output W: ${out}` : `input (W: ${n}) is too small. Calculated output W: ${out}`);
    }
    if (out < 0) throw new TorchRuntimeError('pad', 'Negative padding value is resulting in an empty dimension');
    if (mode === 'circular' && out > 0 && n - Math.max(-padding[2 * i]!, 0) - Math.max(-padding[2 * i + 1]!, 0) <= 0) {
      throw new TorchRuntimeError('pad', 'Padding value causes wrapping around more than once.');
    }
  }
  // the output must fit before any index list is built (a huge pad fails here, not in the JS heap)
  const outShape = input._shape.map((n, dim) => (dim >= nd - k ? n + padding[2 * (nd - 1 - dim)]! + padding[2 * (nd - 1 - dim) + 1]! : n));
  empty(outShape, { dtype: input.dtype, device: input.device }).dispose();
  // PyTorch's reflection and replication kernels take floating types only
  if (mode === 'reflect') expectFloatKernel('pad', k === 3 ? 'reflection_pad3d_cpu' : `reflection_pad${k}d`, input);
  if (mode === 'replicate') expectFloatKernel('pad', `replication_pad${k}d_cpu`, input);
  const run = (x0: Tensor): Tensor => {
    let x = x0;
    for (let i = 0; i < k; i++) {
      const dim = nd - 1 - i;
      const idx = padIndices(x._shape[dim]!, padding[2 * i]!, padding[2 * i + 1]!, mode);
      x = x.indexSelect(dim, fromHost(Float64Array.from(idx), [idx.length], int64, { device: x.device }));
    }
    return x;
  };
  if (mode === 'circular') return run(input);
  return fusedNode(`${mode === 'reflect' ? 'Reflection' : 'Replication'}Pad${k}DBackward0`, [input], run);
}

/** Pads (or crops, for negative amounts) one dim with a constant. */
export function padDim(x: Tensor, dim: number, before: number, after: number, value = 0): Tensor {
  expectTensor('pad_dim', 'x', 1, x);
  if (before < 0) {
    x = x.narrow(dim, -before, x.size(dim) + before);
    before = 0;
  }
  if (after < 0) {
    x = x.narrow(dim, 0, x.size(dim) + after);
    after = 0;
  }
  if (before === 0 && after === 0) return x;
  const part = (n: number): Tensor => {
    const s = [...x._shape];
    s[dim] = n;
    return full(s, value, { dtype: x.dtype, device: x.device });
  };
  const parts: Tensor[] = [];
  if (before > 0) parts.push(part(before));
  parts.push(x);
  if (after > 0) parts.push(part(after));
  return cat(parts, dim);
}
