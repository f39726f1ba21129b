/**
 * `TransformerEncoderLayer` and `TransformerEncoder`, built and initialised as PyTorch's
 * (the same submodules, created in the same order, so the same random draws).
 */
import type { Tensor } from '@antorcha/core';
import { TorchRuntimeError } from '@antorcha/core';
import { ModuleList } from '../container.js';
import * as F from '../functional/activation.js';
import { Module } from '../module.js';
import type { FactoryOptions } from './_util.js';
import { MultiheadAttention } from './attention.js';
import { Dropout } from './dropout.js';
import { Linear } from './linear.js';
import { LayerNorm } from './normalization.js';

/** The feed-forward activation: `'relu'`, `'gelu'`, a function, or a module. */
export type TransformerActivation = 'relu' | 'gelu' | ((x: Tensor) => Tensor) | Module;

/** Options of {@link TransformerEncoderLayer}. */
export interface TransformerEncoderLayerOptions extends FactoryOptions {
  /** Hidden size of the feed-forward block (default 2048). */
  dimFeedforward?: number;
  /** Dropout probability, also inside attention (default 0.1). */
  dropout?: number;
  /** Feed-forward activation (default `'relu'`). */
  activation?: TransformerActivation;
  /** LayerNorm eps (default 1e-5). */
  layerNormEps?: number;
  /** Inputs are [N, S, E] instead of [S, N, E] (default false). */
  batchFirst?: boolean;
  /** Normalise before each block (pre-norm) instead of after (default false). */
  normFirst?: boolean;
}

/** Options of {@link TransformerEncoderLayer.forward} and {@link TransformerEncoder.forward}. */
export interface TransformerEncoderForwardOptions {
  /** [S, S] (or [N·heads, S, S]) attention mask: true where attention is not allowed, or floats added. */
  mask?: Tensor | null;
  /** [N, S]: true (or a float added) at padded positions. */
  srcKeyPaddingMask?: Tensor | null;
}

/**
 * One encoder layer: self-attention then a feed-forward block (linear1 → activation →
 * dropout → linear2), each with dropout, a residual connection and LayerNorm
 * (after the block, or before it with `normFirst`).
 * @example
 * ```ts
 * const layer = new nn.TransformerEncoderLayer(16, 4, { dimFeedforward: 64, batchFirst: true });
 * const y = layer.call(x); // x: [N, S, 16]
 * ```
 */
export class TransformerEncoderLayer extends Module {
  /** The self-attention block. */
  declare self_attn: MultiheadAttention;
  /** d_model → dim_feedforward. */
  declare linear1: Linear;
  /** Dropout after the activation. */
  declare dropout: Dropout;
  /** dim_feedforward → d_model. */
  declare linear2: Linear;
  /** Pre-norm instead of post-norm. */
  declare normFirst: boolean;
  /** Norm of the attention block. */
  declare norm1: LayerNorm;
  /** Norm of the feed-forward block. */
  declare norm2: LayerNorm;
  /** Dropout after attention. */
  declare dropout1: Dropout;
  /** Dropout after the feed-forward block. */
  declare dropout2: Dropout;
  /** The activation (a registered child when it is a module). */
  declare activation: ((x: Tensor) => Tensor) | Module;

  constructor(dModel: number, nhead: number, opts: TransformerEncoderLayerOptions = {}) {
    super();
    const p = opts.dropout ?? 0.1;
    const factory = opts.dtype !== undefined ? { dtype: opts.dtype } : {};
    this.self_attn = new MultiheadAttention(dModel, nhead, { dropout: p, batchFirst: opts.batchFirst ?? false, ...factory });
    const ff = opts.dimFeedforward ?? 2048;
    this.linear1 = new Linear(dModel, ff, factory);
    this.dropout = new Dropout(p);
    this.linear2 = new Linear(ff, dModel, factory);
    this.normFirst = opts.normFirst ?? false;
    const eps = opts.layerNormEps ?? 1e-5;
    this.norm1 = new LayerNorm(dModel, { eps, ...factory });
    this.norm2 = new LayerNorm(dModel, { eps, ...factory });
    this.dropout1 = new Dropout(p);
    this.dropout2 = new Dropout(p);
    const act = opts.activation ?? 'relu';
    if (act === 'relu') this.activation = (x: Tensor) => F.relu(x);
    else if (act === 'gelu') this.activation = (x: Tensor) => F.gelu(x);
    else if (typeof act === 'string') throw new TorchRuntimeError('TransformerEncoderLayer', `activation should be relu/gelu, not ${String(act)}`);
    else this.activation = act;
  }

  override forward(src: Tensor, opts: TransformerEncoderForwardOptions = {}): Tensor {
    let x = src;
    if (this.normFirst) {
      x = x.add(this.saBlock(this.norm1.call(x), opts));
      x = x.add(this.ffBlock(this.norm2.call(x)));
    } else {
      x = this.norm1.call(x.add(this.saBlock(x, opts)));
      x = this.norm2.call(x.add(this.ffBlock(x)));
    }
    return x;
  }

  private saBlock(x: Tensor, opts: TransformerEncoderForwardOptions): Tensor {
    const [y] = this.self_attn.call(x, x, x, { attnMask: opts.mask ?? null, keyPaddingMask: opts.srcKeyPaddingMask ?? null, needWeights: false });
    return this.dropout1.call(y);
  }

  private ffBlock(x: Tensor): Tensor {
    const act = this.activation;
    const h = this.linear1.call(x);
    const a = act instanceof Module ? (act.call(h) as Tensor) : act(h);
    return this.dropout2.call(this.linear2.call(this.dropout.call(a)));
  }
}

/**
 * A stack of `numLayers` copies of `encoderLayer` (deep copies: all start with its
 * weights, as in PyTorch), then an optional final norm.
 */
export class TransformerEncoder extends Module {
  /** The layers. */
  declare layers: ModuleList;
  /** Number of layers. */
  declare numLayers: number;
  /** Final norm, or null. */
  declare norm: Module | null;

  constructor(encoderLayer: TransformerEncoderLayer, numLayers: number, norm: Module | null = null) {
    super();
    this.layers = new ModuleList(Array.from({ length: numLayers }, () => encoderLayer.deepcopy()));
    this.numLayers = numLayers;
    this.registerModule('norm', norm);
  }

  override forward(src: Tensor, opts: TransformerEncoderForwardOptions = {}): Tensor {
    let x = src;
    for (const layer of this.layers.children() as TransformerEncoderLayer[]) x = layer.call(x, opts);
    return this.norm ? (this.norm.call(x) as Tensor) : x;
  }
}
