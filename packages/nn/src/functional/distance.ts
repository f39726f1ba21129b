/** `F.pdist`: pairwise p-norm distances between the rows of a matrix. */
import { fusedNode } from '@antorcha/autograd';
import { type Tensor, TorchRuntimeError, expectNumber, expectTensor, fromHost, int64 } from '@antorcha/core';

/**
 * The p-norm distance between every pair of rows i < j of `input` [N, M], in row-major
 * order of the pairs: a vector of N·(N−1)/2 (`PdistBackward0`).
 * @example
 * ```ts pytorch=nn.F.pdist
 * console.log(torch.nn.functional.pdist(torch.tensor([[0, 0], [3, 4], [6, 8]], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([ 5., 10.,  5.])
 * ```
 */
export function pdist(input: Tensor, p = 2): Tensor {
  const op = 'pdist';
  expectTensor(op, 'input', 1, input);
  expectNumber(op, 'p', 2, p);
  if (input.ndim !== 2) throw new TorchRuntimeError(op, `pdist only supports 2D tensors, got: ${input.ndim}D`);
  if (!input.dtype.isFloatingPoint) throw new TorchRuntimeError(op, 'pdist only supports floating-point dtypes');
  if (!(p >= 0)) throw new TorchRuntimeError(op, 'pdist only supports non-negative p values');
  const n = input._shape[0]!;
  const I: number[] = [];
  const J: number[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) (I.push(i), J.push(j));
  const idx = (v: number[]): Tensor => fromHost(Float64Array.from(v), [v.length], int64, { device: input.device });
  return fusedNode('PdistBackward0', [input], (x) => {
    const diff = x.indexSelect(0, idx(I)).sub(x.indexSelect(0, idx(J)));
    if (diff.numel() === 0 || input._shape[1] === 0) return diff.abs().sum(1);
    if (p === 0) return diff.ne(0).to(x.dtype).sum(1);
    if (p === Infinity) return diff.abs().amax(1);
    if (p === 1) return diff.abs().sum(1);
    return diff.abs().pow(p).sum(1).pow(1 / p);
  });
}
