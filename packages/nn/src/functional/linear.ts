/**
 * `F.linear`, `F.bilinear`, `F.embedding`, `F.embeddingBag` and `F.oneHot`.
 */
import { fusedNode, noGrad } from '@antorcha/autograd';
import { type Tensor, TorchRuntimeError, TorchValueError, float64, fmtShape, fromHost, int64, stack, where, zeros, expectTensor } from '@antorcha/core';
import { expectOptions } from './utils.js';

/**
 * `input @ weight.T + bias`: input [*, in], weight [out, in], bias [out].
 * @example
 * ```ts
 * F.linear(x, w, b);
 * ```
 */
export function linear(input: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  expectTensor('linear', 'input', 1, input);
  expectTensor('linear', 'weight', 2, weight);
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
  expectTensor('bilinear', 'input1', 1, input1);
  expectTensor('bilinear', 'input2', 2, input2);
  expectTensor('bilinear', 'weight', 3, weight);
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
  expectTensor('embedding', 'input', 1, input);
  expectTensor('embedding', 'weight', 2, weight);
  expectOptions('embedding', opts);
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
  expectTensor('one_hot', 'input', 1, input);
  if (input.dtype !== int64) throw new TorchRuntimeError('one_hot', 'one_hot is only applicable to index tensor.');
  const n = numClasses === -1 ? (input.numel() === 0 ? 0 : Number(input.max().item()) + 1) : numClasses;
  if (input.numel() > 0 && (Number(input.min().item()) < 0 || Number(input.max().item()) >= n)) throw new TorchRuntimeError('one_hot', 'Class values must be smaller than num_classes.');
  if (n < 0) throw new TorchValueError('one_hot', `num_classes should be positive, got ${fmtShape([n])}`);
  const out = zeros([...input._shape, n], { dtype: int64 });
  return out.scatter(-1, input.unsqueeze(-1), 1);
}

/** Options of `embeddingBag`. */
export interface EmbeddingBagOptions {
  /** Start of each bag in a 1-D `input` (int64 [B], or [B + 1] with `includeLastOffset`). */
  offsets?: Tensor | null;
  /** `'mean'` (default), `'sum'` or `'max'`. */
  mode?: 'sum' | 'mean' | 'max';
  /** Weight of each looked-up row (`'sum'` only), shaped like `input`. */
  perSampleWeights?: Tensor | null;
  /** `offsets` ends with the total length (default false). */
  includeLastOffset?: boolean;
  /** Entries with this index are left out of their bag. */
  paddingIdx?: number | null;
  /** Looked-up rows are renormalised in place to at most this norm. */
  maxNorm?: number | null;
  /** The p of the norm for `maxNorm` (default 2). */
  normType?: number;
}

/**
 * Sums, means or maxima of bags of embedding rows without materialising the per-index
 * rows per bag: `input` [B, N] (B bags of N) or 1-D with `offsets`. Empty bags give zeros.
 * @throws TorchValueError / TorchRuntimeError with PyTorch's messages for bad offsets or modes.
 */
export function embeddingBag(input: Tensor, weight: Tensor, opts: EmbeddingBagOptions = {}): Tensor {
  expectTensor('embedding_bag', 'input', 1, input);
  expectTensor('embedding_bag', 'weight', 2, weight);
  expectOptions('embedding_bag', opts);
  const op = 'embedding_bag';
  const mode = opts.mode ?? 'mean';
  if (mode !== 'sum' && mode !== 'mean' && mode !== 'max') throw new TorchValueError(op, 'mode has to be one of sum, mean or max');
  const psw = opts.perSampleWeights ?? null;
  if (psw && mode !== 'sum') {
    throw new TorchRuntimeError(op, `embedding_bag: per_sample_weights was not None. per_sample_weights is only supported for mode='sum' (got mode='${mode}'). Please open a feature request on GitHub.`);
  }
  let flat: Tensor;
  let starts: number[];
  if (input.ndim === 2) {
    if (opts.offsets) throw new TorchValueError(op, 'if input is 2D, then offsets has to be None, as input is treated is a mini-batch of fixed length sequences. However, found offsets of type Tensor');
    const [B, N] = input._shape as [number, number];
    starts = Array.from({ length: B }, (_, i) => i * N);
    flat = input.reshape(-1);
  } else if (input.ndim === 1) {
    if (!opts.offsets) throw new TorchValueError(op, 'offsets has to be a 1D Tensor but got None');
    if (opts.offsets.ndim !== 1) throw new TorchValueError(op, 'offsets has to be a 1D Tensor');
    starts = (opts.offsets.tolist() as number[]).map(Number);
    if (opts.includeLastOffset) starts = starts.slice(0, -1);
    flat = input;
  } else {
    throw new TorchValueError(op, `input has to be 1D or 2D Tensor, but got Tensor of dimension ${input.ndim}`);
  }
  const T = flat._shape[0]!;
  const B = starts.length;
  const D = weight._shape[1]!;
  const ids = (flat.tolist() as number[]).map(Number);
  if (opts.maxNorm !== null && opts.maxNorm !== undefined) embeddingRenorm_(weight, flat, opts.maxNorm, opts.normType ?? 2);
  const pad = opts.paddingIdx ?? null;
  // one pass: each position's bag, and each bag's non-padding positions
  const bagOf = new Array<number>(T);
  const members: number[][] = Array.from({ length: B }, () => []);
  for (let b = 0; b < B; b++) {
    const end = b + 1 < B ? starts[b + 1]! : T;
    for (let i = starts[b]!; i < end; i++) {
      bagOf[i] = b;
      if (ids[i] !== pad) members[b]!.push(i);
    }
  }
  const keep = fromHost(Float64Array.from(ids, (v) => (v === pad ? 0 : 1)), [T, 1], float64).to(weight.dtype).to(weight.device);
  return fusedNode('EmbeddingBagBackward0', [weight, psw], (w, sw) => {
    let rows = w.indexSelect(0, flat.to(int64));
    if (mode === 'max') {
      const bags = members.map((idx) => {
        if (idx.length === 0) return zeros([D], { dtype: w.dtype, device: w.device });
        return rows.indexSelect(0, fromHost(Float64Array.from(idx), [idx.length], int64).to(w.device)).amax(0);
      });
      return stack(bags, 0);
    }
    rows = rows.mul(keep);
    if (sw) rows = rows.mul(sw.reshape(-1, 1));
    const index = fromHost(Float64Array.from(bagOf), [T, 1], int64).to(w.device).expand(T, D);
    const sums = zeros([B, D], { dtype: w.dtype, device: w.device }).scatterAdd(0, index, rows);
    if (mode === 'sum') return sums;
    const div = fromHost(Float64Array.from(members, (m) => Math.max(m.length, 1)), [B, 1], float64).to(w.dtype).to(w.device);
    return sums.div(div);
  });
}
