/** `Embedding`: a lookup table initialised from N(0, 1). */
import type { Tensor } from '@antorcha/core';
import { noGrad } from '@antorcha/autograd';
import * as F from '../functional/linear.js';
import * as init from '../init.js';
import { Module } from '../module.js';
import type { Parameter } from '../parameter.js';
import { type FactoryOptions, emptyParam } from './_util.js';

/** Options of {@link Embedding}. */
export interface EmbeddingLayerOptions extends FactoryOptions {
  /** This row is zero-initialised and receives no gradient. */
  paddingIdx?: number | null;
}

/**
 * Maps integer indices to rows of a learned [numEmbeddings, embeddingDim] table.
 * @example
 * ```ts
 * const emb = new nn.Embedding(10, 3, { paddingIdx: 0 });
 * emb.call(torch.tensor([[1, 2], [0, 9]])).shape; // [2, 2, 3]
 * ```
 */
export class Embedding extends Module {
  /** Table size. */
  declare numEmbeddings: number;
  /** Row size. */
  declare embeddingDim: number;
  /** Padding row (normalised to a non-negative index), or null. */
  declare paddingIdx: number | null;
  /** The table [numEmbeddings, embeddingDim]. */
  declare weight: Parameter;

  constructor(numEmbeddings: number, embeddingDim: number, opts: EmbeddingLayerOptions = {}) {
    super();
    this.numEmbeddings = numEmbeddings;
    this.embeddingDim = embeddingDim;
    let p = opts.paddingIdx ?? null;
    if (p !== null) {
      if (p >= numEmbeddings || p < -numEmbeddings) throw new RangeError('Padding_idx must be within num_embeddings');
      if (p < 0) p += numEmbeddings;
    }
    this.paddingIdx = p;
    this.weight = emptyParam([numEmbeddings, embeddingDim], opts);
    this.resetParameters();
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
    return F.embedding(input, this.weight, { paddingIdx: this.paddingIdx });
  }

  override extraRepr(): string {
    let s = `${this.numEmbeddings}, ${this.embeddingDim}`;
    if (this.paddingIdx !== null) s += `, padding_idx=${this.paddingIdx}`;
    return s;
  }
}
