/**
 * `F.linear`, `F.bilinear`, `F.embedding`, `F.embeddingBag` and `F.oneHot`.
 */
import { fusedNode, noGrad } from '@antorcha/autograd';
import { type DType, type Tensor, TorchRuntimeError, TorchValueError, arange, bool, cppName, deviceCheck, resultType, float64, fmtShape, full, getBackend, int64, ones, where, zeros, expectTensor } from '@antorcha/core';
import { expectOptions } from './utils.js';

/**
 * `input @ weight.T + bias`: input [*, in], weight [out, in], bias [out].
 * @example
 * ```ts pytorch=nn.F.linear
 * const x = torch.tensor([[1, 2, 3]], { dtype: 'float32' });
 * const w = torch.tensor([[1, 0, -1], [0.5, 0.5, 0.5]]);
 * console.log(torch.nn.functional.linear(x, w, torch.tensor([0, 1])));
 * ```
 * ```text
 * tensor([[-2.,  4.]])
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
  const hasBias = bias !== null && bias !== undefined;
  if (!input.dtype.isFloatingPoint && !input.dtype.isComplex && input.dtype !== weight.dtype) {
    // PyTorch 1.13's CPU texts for an integer (or bool) input with a weight of another dtype
    if (hasBias && input.ndim >= 2) throw new TorchRuntimeError('linear', 'mat1 and mat2 must have the same dtype');
    if (input.dtype.name !== 'bool') throw new TorchRuntimeError('linear', `expected scalar type ${cppName(input.dtype)} but found ${cppName(weight.dtype)}`);
    if (input.ndim === 2) throw new TorchRuntimeError('linear', `"addmm_impl_cpu_" not implemented for 'Bool'`);
  }
  if (!hasBias) return input.matmul(weight.t());
  // PyTorch: addmm(bias, input, weight.t()) for 2-D input, folded through a view for more dims
  const addmm = (x: Tensor): Tensor => fusedNode('AddmmBackward0', [bias, x, weight.t()], (b, m1, m2) => m1.matmul(m2).add(b));
  if (input.ndim === 2) return addmm(input);
  if (input.ndim === 1) return input.matmul(weight.t()).add(bias);
  const lead = input._shape.slice(0, -1);
  return addmm(input.reshape(-1, input._shape[input.ndim - 1]!)).view([...lead, weight._shape[0]!]);
}

/**
 * `x1ᵀ A x2 + b`: x1 [*, in1], x2 [*, in2], weight [out, in1, in2], bias [out].
 * @example
 * ```ts pytorch=nn.F.bilinear
 * const x1 = torch.tensor([[1, 2]], { dtype: 'float32' });
 * const x2 = torch.tensor([[1, 0, 1]], { dtype: 'float32' });
 * const w = torch.ones(1, 2, 3); // [out, in1, in2]
 * console.log(torch.nn.functional.bilinear(x1, x2, w, torch.tensor([0.5])));
 * ```
 * ```text
 * tensor([[6.5000]])
 * ```
 */
export function bilinear(input1: Tensor, input2: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  expectTensor('bilinear', 'input1', 1, input1);
  expectTensor('bilinear', 'input2', 2, input2);
  expectTensor('bilinear', 'weight', 3, weight);
  const [O, I1, I2] = weight._shape as [number, number, number];
  const lead = input1._shape.slice(0, -1);
  const a = input1.reshape(-1, I1);
  const b = input2.reshape(-1, I2);
  if (a._shape[0] !== b._shape[0]) throw new TorchRuntimeError('bilinear', `bilinear(): input batch dimensions do not match: got ${a._shape[0]} and ${b._shape[0]}`);
  // PyTorch 1.13's CPU texts: bmm refuses bool, other integer types read the weight as their own type
  if (input1.dtype.name === 'bool') throw new TorchRuntimeError('bilinear', `"bmm" not implemented for 'Bool'`);
  if (!input1.dtype.isFloatingPoint && !input1.dtype.isComplex && input1.dtype !== weight.dtype) {
    throw new TorchRuntimeError('bilinear', `expected scalar type ${cppName(input1.dtype)} but found ${cppName(weight.dtype)}`);
  }
  // (x1 · W) over in1 → [B, O, in2], then dot with x2 over in2.
  const t = a.matmul(weight.permute(1, 0, 2).reshape(I1, O * I2)).view(-1, O, I2);
  // reshaped before the bias is added, as ATen does (the result's grad_fn is AddBackward0 with a bias)
  // an integer product is summed in its own dtype (a bmm in PyTorch), not widened to int64
  const prod = t.mul(b.unsqueeze(1));
  const out = (prod.dtype.isFloatingPoint || prod.dtype.isComplex ? prod.sum(-1) : prod.sum(-1, { dtype: prod.dtype })).reshape([...lead, O]);
  return bias !== null && bias !== undefined ? out.add(bias) : out;
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
 * ATen's `embedding_renorm_`: every row indexed by `flat` whose p-norm exceeds `maxNorm`
 * is scaled in place by maxNorm / (norm + 1e-7), without autograd. Done on the device:
 * the rows are gathered, scaled and written back (a row indexed twice is written twice
 * with the same values). The scale is formed in float64 where the device has it (as
 * ATen forms it in double), else in the weight's dtype.
 */
function embeddingRenorm_(weight: Tensor, flat: Tensor, maxNorm: number, normType: number): void {
  if (flat.numel() === 0) return;
  noGrad(() => {
    const ids = flat.to(int64);
    const rows = weight.detach().indexSelect(0, ids); // [T, D]
    const norms = rows.norm(normType, 1);
    const acc = getBackend(weight.device.type).dtypes.has('float64') ? float64 : weight.dtype;
    const scale = full([], maxNorm, { dtype: acc, device: weight.device }).div(norms.to(acc).add(1e-7));
    const factor = where(norms.gt(maxNorm), scale, 1).to(weight.dtype);
    weight.scatter_(0, ids.unsqueeze(1).expand(rows._shape as number[]), rows.mul(factor.unsqueeze(1)));
  });
}

/** ATen's refusal of non-integer indices; it spells the type as PyTorch 1.13 does (`torch.ByteTensor`, but `CPUBoolType`). */
function badIndices(op: string, dtype: DType): TorchRuntimeError {
  const names: Record<string, string> = { float64: 'torch.DoubleTensor', uint8: 'torch.ByteTensor', bool: 'CPUBoolType' };
  const got = names[dtype.name] ?? 'torch.FloatTensor';
  return new TorchRuntimeError(op, `Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got ${got} instead (while checking arguments for ${op})`);
}

/**
 * Looks up rows of `weight` [num, dim] for integer `input` of any shape → [*input.shape, dim].
 * Rows at `paddingIdx` receive no gradient, as in PyTorch.
 * @example
 * ```ts pytorch=nn.F.embedding
 * const weight = torch.tensor([[0, 0], [1, 10], [2, 20]], { dtype: 'float32' });
 * console.log(torch.nn.functional.embedding(torch.tensor([[2, 1], [0, 2]]), weight));
 * ```
 * ```text
 * tensor([[[ 2., 20.],
 *          [ 1., 10.]],
 *
 *         [[ 0.,  0.],
 *          [ 2., 20.]]])
 * ```
 */
export function embedding(input: Tensor, weight: Tensor, opts: EmbeddingOptions = {}): Tensor {
  expectTensor('embedding', 'input', 1, input);
  expectTensor('embedding', 'weight', 2, weight);
  expectOptions('embedding', opts);
  if (input.dtype.isFloatingPoint || input.dtype.name === 'bool' || input.dtype.name === 'uint8') throw badIndices('embedding', input.dtype);
  const flat = input.reshape(-1);
  const num = weight._shape[0]!;
  // PyTorch's index_select raises IndexError with this text (a device-side assert on CUDA)
  deviceCheck('embedding', flat.lt(0).logicalOr(flat.ge(num)), { message: 'index out of range in self', errorClass: 'IndexError' });
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

/**
 * One-hot encoding of int64 class indices → int64 [*input.shape, numClasses]. With
 * `numClasses` −1 the size is max + 1, read from the data: on a device that reads only
 * asynchronously (WebGPU) that needs {@link oneHotAsync}. Out-of-range classes are a
 * device-side check there (raised by the next read).
 * @throws TorchRuntimeError for classes out of range; for `numClasses` −1 on WebGPU.
 * @example
 * ```ts pytorch=nn.F.oneHot
 * console.log(torch.nn.functional.oneHot(torch.tensor([0, 2, 1])));
 * console.log(torch.nn.functional.oneHot(torch.tensor([0, 2]), 4));
 * ```
 * ```text
 * tensor([[1, 0, 0],
 *         [0, 0, 1],
 *         [0, 1, 0]])
 * tensor([[1, 0, 0, 0],
 *         [0, 0, 1, 0]])
 * ```
 */
export function oneHot(input: Tensor, numClasses = -1): Tensor {
  expectTensor('one_hot', 'input', 1, input);
  if (input.dtype !== int64) throw new TorchRuntimeError('one_hot', 'one_hot is only applicable to index tensor.');
  if (numClasses === -1 && input.numel() > 0 && !input._storage.backend.syncRead) {
    throw new TorchRuntimeError('one_hot', `one_hot: tensor on '${input.device}' can only be read asynchronously (num_classes=-1 reads the number of classes from it); use await F.oneHotAsync(input), or pass numClasses`);
  }
  const n = numClasses === -1 ? (input.numel() === 0 ? 0 : Number(input.max().item()) + 1) : numClasses;
  return oneHotOf(input, n);
}

/**
 * {@link oneHot} for any device: with `numClasses` −1 the number of classes (max + 1) is
 * read with an asynchronous read, so it works on WebGPU.
 * @example
 * ```ts pytorch=nn.F.oneHotAsync
 * const labels = torch.tensor([0, 2, 1]); // on the CPU here; on WebGPU this reads the labels back without blocking
 * console.log(await torch.nn.functional.oneHotAsync(labels));
 * ```
 * ```text
 * tensor([[1, 0, 0],
 *         [0, 0, 1],
 *         [0, 1, 0]])
 * ```
 */
export async function oneHotAsync(input: Tensor, numClasses = -1): Promise<Tensor> {
  expectTensor('one_hot', 'input', 1, input);
  if (input.dtype !== int64) throw new TorchRuntimeError('one_hot', 'one_hot is only applicable to index tensor.');
  const n = numClasses === -1 ? (input.numel() === 0 ? 0 : Number(await input.max().itemAsync()) + 1) : numClasses;
  return oneHotOf(input, n);
}

/** The one-hot encoding of `input` with `n` classes, its range checked on the device. */
function oneHotOf(input: Tensor, n: number): Tensor {
  // PyTorch's checks, in its order: non-negative, then below num_classes
  deviceCheck('one_hot', input.lt(0), 'Class values must be non-negative.');
  deviceCheck('one_hot', input.ge(n), 'Class values must be smaller than num_classes.');
  if (n < 0) throw new TorchValueError('one_hot', `num_classes should be positive, got ${fmtShape([n])}`);
  const out = zeros([...input._shape, n], { dtype: int64, device: input.device });
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
 * @example
 * ```ts pytorch=nn.F.embeddingBag
 * const weight = torch.tensor([[1, 0], [0, 1], [2, 2]], { dtype: 'float32' });
 * const input = torch.tensor([0, 1, 2, 2]);
 * console.log(torch.nn.functional.embeddingBag(input, weight, { offsets: torch.tensor([0, 2]) })); // bags [0, 1] and [2, 2], mean
 * console.log(torch.nn.functional.embeddingBag(input, weight, { offsets: torch.tensor([0, 2]), mode: 'max' }));
 * ```
 * ```text
 * tensor([[0.5000, 0.5000],
 *         [2.0000, 2.0000]])
 * tensor([[1., 1.],
 *         [2., 2.]])
 * ```
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
  const dev = input.device;
  let flat: Tensor;
  let bagOf: Tensor; // each position's bag, int64 [T], computed on the device
  let B: number;
  if (input.ndim === 2) {
    if (opts.offsets) throw new TorchValueError(op, 'if input is 2D, then offsets has to be None, as input is treated is a mini-batch of fixed length sequences. However, found offsets of type Tensor');
    // PyTorch builds the offsets with arange(..., dtype=input.dtype)
    if (input.dtype.name === 'bool') throw new TorchRuntimeError(op, `"arange_cpu" not implemented for 'Bool'`);
    if (input.dtype.name === 'uint8') throw badIndices(op, input.dtype);
    const [nb, N] = input._shape as [number, number];
    B = nb;
    flat = input.reshape(-1);
    bagOf = arange(B, { dtype: int64, device: dev }).unsqueeze(1).expand(B, N).reshape(-1);
  } else if (input.ndim === 1) {
    if (!opts.offsets) throw new TorchValueError(op, 'offsets has to be a 1D Tensor but got None');
    if (opts.offsets.ndim !== 1) throw new TorchValueError(op, 'offsets has to be a 1D Tensor');
    // PyTorch promotes the indices and offsets to a common type, which must be int64 or int32
    flat = input;
    if (input.dtype.name === 'uint8' || input.dtype.name === 'bool') {
      const common = resultType(input, opts.offsets);
      if (common.name !== 'int64' && common.name !== 'int32') throw badIndices(op, common);
      flat = input.to(common);
    }
    const T = flat._shape[0]!;
    const given = opts.offsets.to(int64);
    const nOff = given._shape[0]!;
    if (nOff > 0) {
      // ATen's checks of the offsets (device-side on WebGPU); PyTorch 2.x's text (1.13 prints
      // offsets[0] as a tensor after it: "…got 1\n[ torch.LongTensor{} ]")
      const first = given.narrow(0, 0, 1);
      const last = given.narrow(0, nOff - 1, 1);
      deviceCheck(op, first.ne(0), `offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from position 0. However, got {value}`, first);
      deviceCheck(op, last.gt(T), `offsets[-1] can not be greater than input's length ${T} but got offsets[-1] of {value}`, last);
    }
    const offsets = opts.includeLastOffset ? given.narrow(0, 0, Math.max(nOff - 1, 0)) : given;
    B = offsets._shape[0]!;
    // bag of position i = (number of offsets ≤ i) − 1: mark each start, then a running count
    const marks = zeros([T + 1], { dtype: int64, device: dev }).scatterAdd(0, offsets.clamp(0, T), ones([B], { dtype: int64, device: dev }));
    bagOf = marks.narrow(0, 0, T).cumsum(0).sub(1);
  } else {
    throw new TorchValueError(op, `input has to be 1D or 2D Tensor, but got Tensor of dimension ${input.ndim}`);
  }
  const T = flat._shape[0]!;
  const D = weight._shape[1]!;
  if (opts.maxNorm !== null && opts.maxNorm !== undefined) embeddingRenorm_(weight, flat, opts.maxNorm, opts.normType ?? 2);
  const pad = opts.paddingIdx ?? null;
  // positions that count (padding entries are left out of their bag)
  const keep = pad === null ? ones([T], { dtype: bool, device: dev }) : flat.ne(pad);
  return fusedNode('EmbeddingBagBackward0', [weight, psw], (w, sw) => {
    let rows = w.indexSelect(0, flat.to(int64));
    if (mode === 'max') {
      // [B, T, D]: each bag's members, −∞ elsewhere; empty bags give zeros
      const member = bagOf.unsqueeze(0).eq(arange(B, { dtype: int64, device: dev }).unsqueeze(1)).logicalAnd(keep.unsqueeze(0));
      const best = where(member.unsqueeze(2), rows.unsqueeze(0), -Infinity).amax(1);
      return where(member.any(1).unsqueeze(1), best, 0);
    }
    rows = rows.mul(keep.to(w.dtype).unsqueeze(1));
    if (sw) rows = rows.mul(sw.reshape(-1, 1));
    const sums = zeros([B, D], { dtype: w.dtype, device: dev }).scatterAdd(0, bagOf.unsqueeze(1).expand(T, D), rows);
    if (mode === 'sum') return sums;
    const counts = zeros([B], { dtype: w.dtype, device: dev }).scatterAdd(0, bagOf, keep.to(w.dtype)).clamp(1);
    return sums.div(counts.unsqueeze(1));
  });
}
