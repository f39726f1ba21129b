/**
 * `F.pad` (constant mode): pads the last dims, built from `cat` and `narrow`
 * and recorded as PyTorch's one `ConstantPadNdBackward0` node.
 */
import { fusedNode } from '@antorcha/autograd';
import { type Tensor, TorchRuntimeError, cat, full, expectIntList, expectTensor } from '@antorcha/core';

/**
 * Pads `input` with `value`. `pad` lists (before, after) pairs starting from the
 * last dim, as in PyTorch: `pad(x, [1, 1, 2, 0])` pads the last dim by 1 on each
 * side and the one before by 2 at the start. Negative amounts crop.
 */
export function pad(input: Tensor, padding: readonly number[], mode: 'constant' = 'constant', value = 0): Tensor {
  expectTensor('pad', 'input', 1, input);
  expectIntList('pad', 'pad', 2, padding);
  if (mode !== 'constant') throw new TorchRuntimeError('pad', `Padding mode "${mode}" is not supported (only "constant")`);
  if (padding.length % 2 !== 0) throw new TorchRuntimeError('pad', 'Padding length must be divisible by 2');
  if (padding.length / 2 > input.ndim) throw new TorchRuntimeError('pad', 'Padding length too large');
  // PyTorch's one kernel: constant_pad_nd (node ConstantPadNdBackward0)
  return fusedNode('ConstantPadNdBackward0', [input], (x0) => {
    let x = x0;
    for (let i = 0; i < padding.length / 2; i++) {
      const dim = input.ndim - 1 - i;
      x = padDim(x, dim, padding[2 * i]!, padding[2 * i + 1]!, value);
    }
    // Zero or negative pads leave x0 itself or a view of it: pad always returns a new tensor.
    return x._storage === x0._storage ? x.clone() : x;
  });
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
