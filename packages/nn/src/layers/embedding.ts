/** `Embedding`: a lookup table initialised from N(0, 1). */
import { type Tensor, TorchRuntimeError, TorchValueError, expectTensor } from '@antorcha/core';
import { noGrad } from '@antorcha/autograd';
import * as F from '../functional/linear.js';
import * as init from '../init.js';
import { Module } from '../module.js';
import { Parameter as ParameterClass, type Parameter } from '../parameter.js';
import { pyFloat } from '../utils/pyrepr.js';
import { type ArgKind, FACTORY, type FactoryOptions, checkArgs, checkOptions, emptyParam } from './_util.js';

const LOOKUP_OPTIONS: Readonly<Record<string, ArgKind>> = { paddingIdx: 'int?', maxNorm: 'number?', normType: 'number' };
const EMBEDDING_OPTIONS: Readonly<Record<string, ArgKind>> = { ...LOOKUP_OPTIONS, _weight: 'tensor?', _freeze: 'bool', ...FACTORY };

/** Options of {@link Embedding}. */
export interface EmbeddingLayerOptions extends FactoryOptions {
  /** This row is zero-initialised and receives no gradient. */
  paddingIdx?: number | null;
  /** Looked-up rows are renormalised in place to at most this norm. */
  maxNorm?: number | null;
  /** The p of the norm for `maxNorm` (default 2). */
  normType?: number;
  /** @internal Use this tensor as the table (PyTorch's `_weight`; no initialisation). */
  _weight?: Tensor | null;
  /** @internal With `_weight`: freeze it (PyTorch's `_freeze`). */
  _freeze?: boolean;
}

/**
 * Maps integer indices to rows of a learned [numEmbeddings, embeddingDim] table.
 * @example
 * ```ts pytorch=nn.Embedding
 * torch.manualSeed(0);
 * const emb = new torch.nn.Embedding(10, 3, { paddingIdx: 0 });
 * console.log(emb);
 * console.log(emb.call(torch.tensor([[1, 2], [0, 9]])));
 * ```
 * ```text
 * Embedding(10, 3, padding_idx=0)
 * tensor([[[-0.4339,  0.8487,  0.6920],
 *          [-0.3160, -2.1152,  0.3223]],
 *
 *         [[ 0.0000,  0.0000,  0.0000],
 *          [ 0.0525,  0.5229,  2.3022]]], grad_fn=<EmbeddingBackward0>)
 * ```
 */
export class Embedding extends Module {
  /** Table size. */
  declare numEmbeddings: number;
  /** Row size. */
  declare embeddingDim: number;
  /** Padding row (normalised to a non-negative index), or null. */
  declare paddingIdx: number | null;
  /** Renormalisation bound, or null. */
  declare maxNorm: number | null;
  /** The p of the renormalisation norm. */
  declare normType: number;
  /** The table [numEmbeddings, embeddingDim]. */
  declare weight: Parameter;

  /**
   * @param numEmbeddings table size
   * @param embeddingDim row size
   * @param opts padding row, renormalisation, dtype
   */
  constructor(numEmbeddings: number, embeddingDim: number, opts: EmbeddingLayerOptions = {}) {
    const op = new.target.name;
    checkArgs(op, [
      ['num_embeddings', numEmbeddings, 'size'],
      ['embedding_dim', embeddingDim, 'size'],
    ]);
    opts = checkOptions(op, opts, EMBEDDING_OPTIONS, 3);
    let p = opts.paddingIdx ?? null;
    if (p !== null) {
      if (p >= numEmbeddings || p < -numEmbeddings) throw new TorchValueError(op, 'Padding_idx must be within num_embeddings');
      if (p < 0) p += numEmbeddings;
    }
    super();
    this.numEmbeddings = numEmbeddings;
    this.embeddingDim = embeddingDim;
    this.paddingIdx = p;
    this.maxNorm = opts.maxNorm ?? null;
    this.normType = opts.normType ?? 2.0;
    const given = opts._weight ?? null;
    if (given !== null) {
      if (given.ndim !== 2 || given._shape[0] !== numEmbeddings || given._shape[1] !== embeddingDim) {
        throw new TorchRuntimeError('Embedding', 'Shape of weight does not match num_embeddings and embedding_dim');
      }
      this.weight = new ParameterClass(given, !(opts._freeze ?? false));
    } else {
      this.weight = emptyParam([numEmbeddings, embeddingDim], opts);
      this.resetParameters();
    }
  }

  /**
   * An embedding whose table is `embeddings` [num, dim] (shared, not copied; no random
   * draws), frozen unless `freeze: false` (PyTorch's `Embedding.from_pretrained`).
   * @example
   * ```ts pytorch=nn.Embedding.fromPretrained
   * const weights = torch.tensor([[1, 2.5], [3, 4]]);
   * const emb = torch.nn.Embedding.fromPretrained(weights); // frozen unless freeze: false
   * console.log(emb, emb.weight); // no requires_grad=True: not trained
   * console.log(emb.call(torch.tensor([1, 0, 1])));
   * ```
   * ```text
   * Embedding(2, 2) Parameter containing:
   * tensor([[1.0000, 2.5000],
   *         [3.0000, 4.0000]])
   * tensor([[3.0000, 4.0000],
   *         [1.0000, 2.5000],
   *         [3.0000, 4.0000]])
   * ```
   */
  static fromPretrained(embeddings: Tensor, opts: { freeze?: boolean; paddingIdx?: number | null; maxNorm?: number | null; normType?: number } = {}): Embedding {
    expectTensor('Embedding.from_pretrained', 'embeddings', 1, embeddings);
    opts = checkOptions('Embedding.from_pretrained', opts, { ...LOOKUP_OPTIONS, freeze: 'bool' }, 2);
    if (embeddings.ndim !== 2) throw new TorchRuntimeError('Embedding.from_pretrained', 'Embeddings parameter is expected to be 2-dimensional');
    const [rows, cols] = embeddings._shape as [number, number];
    const { freeze, ...rest } = opts;
    return new Embedding(rows, cols, { ...rest, _weight: embeddings, _freeze: freeze ?? true });
  }

  /** N(0, 1), then zeroes the padding row. */
  resetParameters(): void {
    init.normal_(this.weight);
    if (this.paddingIdx !== null) {
      const w = this.weight;
      const p = this.paddingIdx;
      noGrad(() => w.select(0, p).fill_(0));
    }
  }

  override forward(input: Tensor): Tensor {
    return F.embedding(input, this.weight, { paddingIdx: this.paddingIdx, maxNorm: this.maxNorm, normType: this.normType });
  }

  override extraRepr(): string {
    let s = `${this.numEmbeddings}, ${this.embeddingDim}`;
    if (this.paddingIdx !== null) s += `, padding_idx=${this.paddingIdx}`;
    if (this.maxNorm !== null) s += `, max_norm=${pyFloat(this.maxNorm)}`;
    if (this.normType !== 2) s += `, norm_type=${pyFloat(this.normType)}`;
    return s;
  }
}

/** Options of {@link EmbeddingBag}. */
export interface EmbeddingBagLayerOptions extends EmbeddingLayerOptions {
  /** `'mean'` (default), `'sum'` or `'max'`. */
  mode?: 'sum' | 'mean' | 'max';
  /** `offsets` ends with the total length (default false). */
  includeLastOffset?: boolean;
}

/**
 * Sums, means or maxima of bags of embeddings (`input` [B, N], or 1-D with `offsets`),
 * with the table initialised from N(0, 1) as `Embedding`'s.
 * @example
 * ```ts pytorch=nn.EmbeddingBag
 * torch.manualSeed(0);
 * const bag = new torch.nn.EmbeddingBag(10, 3, { mode: 'sum' });
 * // two bags: indices [1, 2, 4] and [5, 4, 3]
 * console.log(bag.call(torch.tensor([1, 2, 4, 5, 4, 3]), torch.tensor([0, 3])));
 * ```
 * ```text
 * tensor([[-0.6301, -0.0289,  0.8708],
 *         [-1.2551,  0.9741,  0.1963]], grad_fn=<EmbeddingBagBackward0>)
 * ```
 */
export class EmbeddingBag extends Embedding {
  /** Reduction of each bag. */
  declare mode: 'sum' | 'mean' | 'max';
  /** Whether `offsets` ends with the total length. */
  declare includeLastOffset: boolean;
  /**
   * @param numEmbeddings table size
   * @param embeddingDim row size
   * @param opts reduction mode, offsets layout, padding row, renormalisation, dtype
   */
  constructor(numEmbeddings: number, embeddingDim: number, opts: EmbeddingBagLayerOptions = {}) {
    const { mode, includeLastOffset, ...rest } = checkOptions(new.target.name, opts, { ...EMBEDDING_OPTIONS, mode: ['sum', 'mean', 'max'], includeLastOffset: 'bool' }, 3);
    super(numEmbeddings, embeddingDim, rest);
    this.mode = mode ?? 'mean';
    this.includeLastOffset = includeLastOffset ?? false;
  }
  override forward(input: Tensor, offsets: Tensor | null = null, perSampleWeights: Tensor | null = null): Tensor {
    return F.embeddingBag(input, this.weight, {
      offsets,
      mode: this.mode,
      perSampleWeights,
      includeLastOffset: this.includeLastOffset,
      paddingIdx: this.paddingIdx,
      maxNorm: this.maxNorm,
      normType: this.normType,
    });
  }
  override extraRepr(): string {
    let s = `${this.numEmbeddings}, ${this.embeddingDim}`;
    if (this.maxNorm !== null) s += `, max_norm=${pyFloat(this.maxNorm)}`;
    if (this.normType !== 2) s += `, norm_type=${pyFloat(this.normType)}`;
    s += `, mode=${this.mode}`;
    if (this.paddingIdx !== null) s += `, padding_idx=${this.paddingIdx}`;
    return s;
  }
}
