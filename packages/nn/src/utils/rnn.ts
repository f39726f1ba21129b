/**
 * `torch.nn.utils.rnn`: `PackedSequence` and the packing utilities `packPaddedSequence`,
 * `padPackedSequence`, `packSequence`, `unpackSequence`, `padSequence`, `unpadSequence`,
 * `invertPermutation`. Lengths are read on the host, as PyTorch requires CPU lengths.
 */
import { Tensor, TorchRuntimeError, TorchTypeError, TorchValueError, arange, cat, expectTensor, expectTensorList, full, int64, pyTypeName, stack, tensor, zeros } from '@antorcha/core';
import { checkOptions } from '../layers/_util.js';
import { fusedNode } from '@antorcha/autograd';

/** ATen's ScalarType name of a tensor's dtype (`Long`, `Int`, …), as its messages print it. */
function scalarTypeName(v: Tensor): string {
  const names: Record<string, string> = { int64: 'Long', int32: 'Int', int16: 'Short', int8: 'Char', uint8: 'Byte', bool: 'Bool', float32: 'Float', float64: 'Double' };
  return names[v.dtype.name] ?? v.dtype.name;
}

/** Lengths (a tensor or a list) as host integers. */
function hostInts(v: Tensor | readonly number[], op: string): number[] {
  if (v instanceof Tensor) {
    if (v.dtype.isFloatingPoint || v.dtype.name === 'bool') throw new TorchRuntimeError(op, "'lengths' argument should be a 1D CPU int64 tensor");
    // PyTorch's text for lengths on a GPU: "… but got 1D cuda:0 Long tensor"
    if (!v._storage.backend.syncRead) throw new TorchRuntimeError(op, `'lengths' argument should be a 1D CPU int64 tensor, but got ${v.ndim}D ${v.device} ${scalarTypeName(v)} tensor`);
    return Array.from(v.reshape(-1).to(int64).dataSync() as ArrayLike<number>, Number);
  }
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isInteger(x))) {
    throw new TorchTypeError(op, `${op}(): argument 'lengths' must be a Tensor or a list of ints, not ${pyTypeName(v)}`);
  }
  return [...v];
}

/** The inverse of a permutation given as an int64 tensor (`output[perm[i]] = i`). */
export function invertPermutation(permutation: Tensor | null): Tensor | null {
  if (permutation === null || permutation === undefined) return null;
  expectTensor('invert_permutation', 'permutation', 1, permutation);
  if (permutation.ndim !== 1 || permutation.dtype !== int64) throw new TorchRuntimeError('invert_permutation', 'invert_permutation expects a 1-D int64 tensor');
  const n = permutation.numel();
  return zeros([n], { dtype: int64, device: permutation.device }).scatter(0, permutation, arange(n, { device: permutation.device }));
}

/**
 * A batch of variable-length sequences packed time step by time step (PyTorch's named tuple):
 * `data` holds, for each time step, the entries of the sequences that are that long;
 * `batchSizes[t]` how many. Destructures as `[data, batchSizes, sortedIndices, unsortedIndices]`.
 * @example
 * ```ts pytorch=nn.utils.rnn.PackedSequence
 * const packed = torch.nn.utils.rnn.packSequence([torch.tensor([1, 2, 3]), torch.tensor([4, 5]), torch.tensor([6])]);
 * console.log(packed.data); // time step by time step: 1 4 6, then 2 5, then 3
 * console.log(packed.batchSizes);
 * ```
 * ```text
 * tensor([1, 4, 6, 2, 5, 3])
 * tensor([3, 2, 1])
 * ```
 */
export class PackedSequence {
  /** The packed entries, [Σ lengths, *]. */
  readonly data: Tensor;
  /** Sequences present at each time step (int64, on the CPU). */
  readonly batchSizes: Tensor;
  /** The order that sorted the batch by decreasing length, or null when it was sorted. */
  readonly sortedIndices: Tensor | null;
  /** The inverse of `sortedIndices`. */
  readonly unsortedIndices: Tensor | null;

  /**
   * @param data packed entries
   * @param batchSizes sequences per time step
   * @param sortedIndices the sorting permutation, or null
   * @param unsortedIndices its inverse (computed when omitted)
   */
  constructor(data: Tensor, batchSizes: Tensor, sortedIndices: Tensor | null = null, unsortedIndices: Tensor | null = null) {
    if (!(data instanceof Tensor) || !(batchSizes instanceof Tensor)) throw new TorchTypeError('PackedSequence', 'PackedSequence expects data and batch_sizes tensors');
    this.data = data;
    this.batchSizes = batchSizes;
    this.sortedIndices = sortedIndices;
    this.unsortedIndices = unsortedIndices ?? invertPermutation(sortedIndices);
  }

  /** `[data, batchSizes, sortedIndices, unsortedIndices]`. */
  *[Symbol.iterator](): Iterator<Tensor | null> {
    yield this.data;
    yield this.batchSizes;
    yield this.sortedIndices;
    yield this.unsortedIndices;
  }

  /** The same packing around new `data` (same batch sizes and permutations). */
  withData(data: Tensor): PackedSequence {
    return new PackedSequence(data, this.batchSizes, this.sortedIndices, this.unsortedIndices);
  }

  /** `data` cast or moved (`PackedSequence.to`). */
  to(...args: Parameters<Tensor['to']>): PackedSequence {
    return this.withData(this.data.to(...args));
  }

  /** `data` in float64. */
  double(): PackedSequence {
    return this.withData(this.data.to('float64' as Parameters<Tensor['to']>[0]));
  }

  /** `data` in float32. */
  float(): PackedSequence {
    return this.withData(this.data.to('float32' as Parameters<Tensor['to']>[0]));
  }

  /** PyTorch's repr of the named tuple. */
  toString(): string {
    const str = (t: Tensor | null) => (t === null ? 'None' : String(t));
    return `PackedSequence(data=${str(this.data)}, batch_sizes=${str(this.batchSizes)}, sorted_indices=${str(this.sortedIndices)}, unsorted_indices=${str(this.unsortedIndices)})`;
  }

  /** @internal Node's console prints the repr. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** @internal The batch sizes as host numbers. */
  _sizes(): number[] {
    return hostInts(this.batchSizes, 'PackedSequence');
  }
}

/** Options of {@link packPaddedSequence}. */
export interface PackPaddedOptions {
  /** `input` is [B, T, *] instead of [T, B, *] (default false). */
  batchFirst?: boolean;
  /** `lengths` must be in decreasing order (default true); false sorts the batch and records the permutation. */
  enforceSorted?: boolean;
}

/** Packs time-major `x` [T, B, *] with decreasing `lengths` (PyTorch's `_pack_padded_sequence`). */
function packSorted(x: Tensor, lengths: number[]): [Tensor, number[]] {
  const op = 'pack_padded_sequence';
  const B = x._shape[1]!;
  if (lengths.length !== B) throw new TorchRuntimeError(op, `Expected \`len(lengths)\` to be equal to batch_size, but got ${lengths.length} (batch_size=${B})`);
  if (!(lengths[B - 1]! > 0)) throw new TorchRuntimeError(op, "Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0");
  for (let i = 1; i < B; i++) {
    if (lengths[i]! > lengths[i - 1]!) {
      throw new TorchRuntimeError(
        op,
        '`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this requirement if you do not need ONNX exportability.',
      );
    }
  }
  const T = lengths[0]!;
  if (T > x._shape[0]!) throw new TorchRuntimeError(op, `Expected sequence length to be at most ${x._shape[0]}, but got ${T}`);
  const sizes: number[] = [];
  for (let t = 0; t < T; t++) sizes.push(lengths.filter((l) => l > t).length);
  const data = fusedNode('PackPaddedSequenceBackward0', [x], (xx) => cat(sizes.map((bs, t) => xx.select(0, t).narrow(0, 0, bs)), 0));
  return [data, sizes];
}

/**
 * Packs a padded batch of sequences [T, B, *] (or [B, T, *] with `batchFirst`) of the given lengths.
 * @example
 * ```ts pytorch=nn.utils.rnn.packPaddedSequence
 * torch.manualSeed(0);
 * const gru = new torch.nn.GRU(1, 2, { batchFirst: true });
 * const x = torch.randn(3, 4, 1); // 3 sequences padded to length 4
 * const packed = torch.nn.utils.rnn.packPaddedSequence(x, [4, 2, 3], { batchFirst: true, enforceSorted: false });
 * const [, hn] = gru.call(packed);
 * console.log(hn); // each sequence's hidden state at its own last step
 * ```
 * ```text
 * tensor([[[-0.4046,  0.5823],
 *          [-0.1062,  0.2851],
 *          [-0.0723,  0.2742]]], grad_fn=<IndexSelectBackward0>)
 * ```
 */
export function packPaddedSequence(input: Tensor, lengths: Tensor | readonly number[], opts: PackPaddedOptions = {}): PackedSequence {
  const op = 'pack_padded_sequence';
  expectTensor(op, 'input', 1, input);
  opts = checkOptions(op, opts, { batchFirst: 'bool', enforceSorted: 'bool' }, 3);
  let lens = hostInts(lengths, op);
  if (input.ndim < 2) throw new TorchRuntimeError(op, `${op}: expected input with at least 2 dims (time and batch), got ${input.ndim}`);
  const batchFirst = opts.batchFirst ?? false;
  let x = batchFirst ? input.transpose(0, 1) : input;
  let sortedIndices: Tensor | null = null;
  if (!(opts.enforceSorted ?? true)) {
    const order = lens.map((_, i) => i).sort((a, b) => lens[b]! - lens[a]! || a - b);
    lens = order.map((i) => lens[i]!);
    sortedIndices = tensor(order, { dtype: int64, device: 'cpu' });
    x = x.indexSelect(1, sortedIndices.to(x.device));
  }
  const [data, sizes] = packSorted(x, lens);
  return new PackedSequence(data, tensor(sizes, { dtype: int64, device: 'cpu' }), sortedIndices, null);
}

/** Options of {@link padPackedSequence}. */
export interface PadPackedOptions {
  /** Return [B, T, *] instead of [T, B, *] (default false). */
  batchFirst?: boolean;
  /** Value of the padding (default 0). */
  paddingValue?: number;
  /** Pad to this many time steps (default: the longest sequence). */
  totalLength?: number | null;
}

/** @internal Packed data → time-major padded [T, B, *] in the packed (sorted) batch order. */
export function _padSorted(data: Tensor, sizes: number[], totalLength: number, paddingValue: number): Tensor {
  const B = sizes.length > 0 ? sizes[0]! : 0;
  const trailing = data._shape.slice(1);
  return fusedNode('PadPackedSequenceBackward0', [data], (d) => {
    const steps: Tensor[] = [];
    let offset = 0;
    for (const bs of sizes) {
      let rows = d.narrow(0, offset, bs);
      if (bs < B) rows = cat([rows, full([B - bs, ...trailing], paddingValue, { dtype: d.dtype, device: d.device })], 0);
      steps.push(rows);
      offset += bs;
    }
    for (let t = sizes.length; t < totalLength; t++) steps.push(full([B, ...trailing], paddingValue, { dtype: d.dtype, device: d.device }));
    return steps.length > 0 ? stack(steps, 0) : zeros([0, B, ...trailing], { dtype: d.dtype, device: d.device });
  });
}

/**
 * Inverse of {@link packPaddedSequence}: the padded batch and the lengths (int64), in the
 * original batch order.
 * @example
 * ```ts pytorch=nn.utils.rnn.padPackedSequence
 * const { packSequence, padPackedSequence } = torch.nn.utils.rnn;
 * const packed = packSequence([torch.tensor([1, 2, 3]), torch.tensor([4, 5])]);
 * const [padded, lengths] = padPackedSequence(packed, { batchFirst: true });
 * console.log(padded, lengths);
 * ```
 * ```text
 * tensor([[1, 2, 3],
 *         [4, 5, 0]]) tensor([3, 2])
 * ```
 */
export function padPackedSequence(sequence: PackedSequence, opts: PadPackedOptions = {}): [Tensor, Tensor] {
  const op = 'pad_packed_sequence';
  if (!(sequence instanceof PackedSequence)) throw new TorchTypeError(op, `${op}(): argument 'sequence' must be a PackedSequence, not ${pyTypeName(sequence)}`);
  opts = checkOptions(op, opts, { batchFirst: 'bool', paddingValue: 'number', totalLength: 'int?' }, 2);
  const sizes = sequence._sizes();
  let maxLen = sizes.length;
  const total = opts.totalLength ?? null;
  if (total !== null) {
    if (total < maxLen) {
      throw new TorchValueError(op, `Expected total_length to be at least the length of the longest sequence in input, but got total_length=${total} and max sequence length being ${maxLen}`);
    }
    maxLen = total;
  }
  let padded = _padSorted(sequence.data, sizes, maxLen, opts.paddingValue ?? 0);
  const B = sizes.length > 0 ? sizes[0]! : 0;
  const lens = new Array<number>(B).fill(0);
  for (const bs of sizes) for (let b = 0; b < bs; b++) lens[b]! += 1;
  let lengths: Tensor = tensor(lens, { dtype: int64, device: 'cpu' });
  const batchFirst = opts.batchFirst ?? false;
  if (batchFirst) padded = padded.transpose(0, 1);
  if (sequence.unsortedIndices !== null) {
    padded = padded.indexSelect(batchFirst ? 0 : 1, sequence.unsortedIndices.to(padded.device));
    lengths = lengths.indexSelect(0, sequence.unsortedIndices.to(lengths.device));
  }
  return [padded, lengths];
}

/**
 * Pads sequences [L_i, *] with `paddingValue` to the longest length and stacks them into
 * [L_max, B, *] (or [B, L_max, *] with `batchFirst`).
 * @example
 * ```ts pytorch=nn.utils.rnn.padSequence
 * const a = torch.tensor([1, 2, 3]), b = torch.tensor([4]), c = torch.tensor([5, 6]);
 * console.log(torch.nn.utils.rnn.padSequence([a, b, c], { batchFirst: true }));
 * ```
 * ```text
 * tensor([[1, 2, 3],
 *         [4, 0, 0],
 *         [5, 6, 0]])
 * ```
 */
export function padSequence(sequences: readonly Tensor[], opts: { batchFirst?: boolean; paddingValue?: number } = {}): Tensor {
  expectTensorList('pad_sequence', 0, sequences);
  opts = checkOptions('pad_sequence', opts, { batchFirst: 'bool', paddingValue: 'number' }, 2);
  if (sequences.some((s) => s.ndim === 0)) throw new TorchRuntimeError('pad_sequence', 'pad_sequence: every sequence needs a length dim, got a 0-d tensor');
  if (sequences.length === 0) throw new TorchRuntimeError('pad_sequence', 'received an empty list of sequences');
  const trailing = sequences[0]!._shape.slice(1);
  const maxLen = Math.max(...sequences.map((s) => s._shape[0]!));
  const padded = sequences.map((s) => {
    const missing = maxLen - s._shape[0]!;
    if (missing === 0) return s;
    return cat([s, full([missing, ...trailing], opts.paddingValue ?? 0, { dtype: s.dtype, device: s.device })], 0);
  });
  return stack(padded, opts.batchFirst ? 0 : 1);
}

/**
 * Packs a list of sequences [L_i, *] (decreasing lengths unless `enforceSorted` is false).
 * @example
 * ```ts pytorch=nn.utils.rnn.packSequence
 * const a = torch.tensor([1, 2, 3]), b = torch.tensor([4]), c = torch.tensor([5, 6]);
 * console.log(torch.nn.utils.rnn.packSequence([a, b, c], { enforceSorted: false }));
 * ```
 * ```text
 * PackedSequence(data=tensor([1, 5, 4, 2, 6, 3]), batch_sizes=tensor([3, 2, 1]), sorted_indices=tensor([0, 2, 1]), unsorted_indices=tensor([0, 2, 1]))
 * ```
 */
export function packSequence(sequences: readonly Tensor[], opts: { enforceSorted?: boolean } = {}): PackedSequence {
  expectTensorList('pack_sequence', 0, sequences);
  opts = checkOptions('pack_sequence', opts, { enforceSorted: 'bool' }, 2);
  const lengths = sequences.map((s) => s._shape[0]!);
  return packPaddedSequence(padSequence(sequences), lengths, { enforceSorted: opts.enforceSorted ?? true });
}

/**
 * The list of sequences a PackedSequence holds (inverse of {@link packSequence}).
 * @example
 * ```ts pytorch=nn.utils.rnn.unpackSequence
 * const { packSequence, unpackSequence } = torch.nn.utils.rnn;
 * const [a, b] = unpackSequence(packSequence([torch.tensor([1, 2]), torch.tensor([3, 4, 5])], { enforceSorted: false }));
 * console.log(a, b);
 * ```
 * ```text
 * tensor([1, 2]) tensor([3, 4, 5])
 * ```
 */
export function unpackSequence(packedSequences: PackedSequence): Tensor[] {
  if (!(packedSequences instanceof PackedSequence)) throw new TorchTypeError('unpack_sequence', `unpack_sequence(): argument 'packed_sequences' must be a PackedSequence, not ${pyTypeName(packedSequences)}`);
  const [padded, lengths] = padPackedSequence(packedSequences, { batchFirst: true });
  const lens = hostInts(lengths, 'unpack_sequence');
  return lens.map((l, b) => padded.select(0, b).narrow(0, 0, l));
}

/**
 * The sequences of a padded batch, cut to their lengths (inverse of {@link padSequence}).
 * Unlike PyTorch, the input is not transposed in place.
 * @example
 * ```ts pytorch=nn.utils.rnn.unpadSequence
 * const padded = torch.tensor([[1, 2, 3], [4, 5, 0]]);
 * const [a, b] = torch.nn.utils.rnn.unpadSequence(padded, [3, 2], { batchFirst: true });
 * console.log(a, b);
 * ```
 * ```text
 * tensor([1, 2, 3]) tensor([4, 5])
 * ```
 */
export function unpadSequence(paddedSequences: Tensor, lengths: Tensor | readonly number[], opts: { batchFirst?: boolean } = {}): Tensor[] {
  expectTensor('unpad_sequence', 'padded_sequences', 1, paddedSequences);
  opts = checkOptions('unpad_sequence', opts, { batchFirst: 'bool' }, 3);
  if (paddedSequences.ndim < 2) throw new TorchRuntimeError('unpad_sequence', `unpad_sequence: expected at least 2 dims, got ${paddedSequences.ndim}`);
  const x = opts.batchFirst ? paddedSequences : paddedSequences.transpose(0, 1);
  const lens = hostInts(lengths, 'unpad_sequence');
  if (lens.length !== x._shape[0]) throw new TorchRuntimeError('unpad_sequence', `unpad_sequence: got ${lens.length} lengths for a batch of ${x._shape[0]}`);
  if (lens.some((l) => l < 0 || l > x._shape[1]!)) throw new TorchRuntimeError('unpad_sequence', `unpad_sequence: lengths must be in [0, ${x._shape[1]}]`);
  // PyTorch selects with a boolean mask: a copy of the first `l` steps
  return lens.map((l, b) => x.select(0, b).narrow(0, 0, l).clone());
}
