/**
 * `F.linear`, `F.bilinear`, `F.embedding` and `F.oneHot`.
 */
import { fusedNode, noGrad } from '@antorcha/autograd';
import { type Tensor, TorchRuntimeError, TorchValueError, fmtShape, int64, where, zeros } from '@antorcha/core';

/**
 * `input @ weight.T + bias`: input [*, in], weight [out, in], bias [out].
 * @example
 * ```ts
 * F.linear(x, w, b);
 * ```
 */
export function linear(input: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  if (input.ndim === 0 || input._shape[input.ndim - 1] !== weight._shape[weight.ndim - 1]) {
    throw new TorchRuntimeError(
      'linear',
      `mat1 and mat2 shapes cannot be multiplied (${input.ndim === 0 ? '' : `${input.numel() / (input._shape[input.ndim - 1] || 1)}x${input._shape[input.ndim - 1]}`} and ${weight._shape[weight.ndim - 1]}x${weight._shape[0]})`,
    );
  }
  if (bias === null || bias === undefined) return input.matmul(weight.t());
  // PyTorch: addmm(bias, input, weight.t()) for 2-D input, folded through a view for more dims
  const addmm = (x: Tensor): Tensor => fusedNode('AddmmBackward0', [bias, x, weight.t()], (b, m1, m2) => m1.matmul(m2).add(b));
  if (input.ndim === 2) return addmm(input);
  if (input.ndim === 1) return input.matmul(weight.t()).add(bias);
  const lead = input._shape.slice(0, -1);
  return addmm(input.reshape(-1, input._shape[input.ndim - 1]!)).view([...lead, weight._shape[0]!]);
}

/** `x1ᵀ A x2 + b`: x1 [*, in1], x2 [*, in2], weight [out, in1, in2], bias [out]. */
export function bilinear(input1: Tensor, input2: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  const [O, I1, I2] = weight._shape as [number, number, number];
  const lead = input1._shape.slice(0, -1);
  const a = input1.reshape(-1, I1);
  const b = input2.reshape(-1, I2);
  if (a._shape[0] !== b._shape[0]) throw new TorchRuntimeError('bilinear', `bilinear(): input batch dimensions do not match: got ${a._shape[0]} and ${b._shape[0]}`);
  // (x1 · W) over in1 → [B, O, in2], then dot with x2 over in2.
  const t = a.matmul(weight.permute(1, 0, 2).reshape(I1, O * I2)).view(-1, O, I2);
  let out = t.mul(b.unsqueeze(1)).sum(-1);
  if (bias !== null && bias !== undefined) out = out.add(bias);
  return out.reshape([...lead, O]);
}

/** Options of `embedding`. */
export interface EmbeddingOptions {
  /** Entries at this index get no gradient. */
  paddingIdx?: number | null;
  /** Rows looked up whose `normType`-norm exceeds this are first rescaled in place to it. */
  maxNorm?: number | null;
  /** The p of the norm for `maxNorm` (default 2). */
  normType?: number;
}

/**
 * ATen's `embedding_renorm_`: every distinct row indexed by `flat` whose p-norm exceeds
 * `maxNorm` is scaled in place by maxNorm / (norm + 1e-7), without autograd.
 */
function embeddingRenorm_(weight: Tensor, flat: Tensor, maxNorm: number, normType: number): void {
  const rows = [...new Set((flat.tolist() as number[]).map(Number))].sort((a, b) => a - b);
  noGrad(() => {
    for (const i of rows) {
      const row = weight.select(0, i);
      const norm = Number(row.norm(normType).item());
      if (norm > maxNorm) row.mul_(maxNorm / (norm + 1e-7));
    }
  });
}

/**
 * Looks up rows of `weight` [num, dim] for integer `input` of any shape → [*input.shape, dim].
 * Rows at `paddingIdx` receive no gradient, as in PyTorch.
 */
export function embedding(input: Tensor, weight: Tensor, opts: EmbeddingOptions = {}): Tensor {
  if (input.dtype.isFloatingPoint || input.dtype.name === 'bool') {
    throw new TorchRuntimeError('embedding', `Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.${input.dtype.name === 'bool' ? 'Bool' : input.dtype.name === 'float64' ? 'Double' : 'Float'}Tensor instead (while checking arguments for embedding)`);
  }
  const flat = input.reshape(-1);
  const num = weight._shape[0]!;
  if (flat.numel() > 0) {
    const lo = Number(flat.min().item());
    const hi = Number(flat.max().item());
    if (lo < 0 || hi >= num) throw new TorchRuntimeError('embedding', 'index out of range in self');
  }
  if (opts.maxNorm !== null && opts.maxNorm !== undefined) embeddingRenorm_(weight, flat, opts.maxNorm, opts.normType ?? 2);
  // PyTorch's one kernel: embedding (node EmbeddingBackward0)
  return fusedNode('EmbeddingBackward0', [weight], (w) => {
    let rows = w.indexSelect(0, flat.dtype === int64 ? flat : flat.long());
    const pad = opts.paddingIdx;
    if (pad !== null && pad !== undefined && rows.requiresGrad) {
      const p = pad < 0 ? pad + num : pad;
      const mask = flat.eq(p).unsqueeze(1);
      rows = where(mask, rows.detach(), rows);
    }
    return rows.reshape([...input._shape, w._shape[1]!]);
  });
}

/** One-hot encoding of int64 class indices (`numClasses` −1 infers max + 1). */
export function oneHot(input: Tensor, numClasses = -1): Tensor {
  if (input.dtype !== int64) throw new TorchRuntimeError('one_hot', 'one_hot is only applicable to index tensor.');
  const n = numClasses === -1 ? (input.numel() === 0 ? 0 : Number(input.max().item()) + 1) : numClasses;
  if (input.numel() > 0 && (Number(input.min().item()) < 0 || Number(input.max().item()) >= n)) throw new TorchRuntimeError('one_hot', 'Class values must be smaller than num_classes.');
  if (n < 0) throw new TorchValueError('one_hot', `num_classes should be positive, got ${fmtShape([n])}`);
  const out = zeros([...input._shape, n], { dtype: int64 });
  return out.scatter(-1, input.unsqueeze(-1), 1);
}
