/**
 * `TransformerEncoderLayer`, `TransformerEncoder`, `TransformerDecoderLayer`,
 * `TransformerDecoder` and `Transformer`, built and initialised as PyTorch's
 * (the same submodules, created in the same order, so the same random draws).
 */
import type { DTypeLike, DeviceLike, Tensor } from '@antorcha/core';
import { TorchRuntimeError, TorchTypeError, TorchValueError, full, pyTypeName } from '@antorcha/core';
import { ModuleList } from '../container.js';
import * as F from '../functional/activation.js';
import * as init from '../init.js';
import { Module } from '../module.js';
import { type ArgKind, FACTORY, type FactoryOptions, checkArgs, checkOptions, expectInput, restoreRngOnError } from './_util.js';

/** The options of both layer kinds (and of {@link Transformer}, which passes them on). */
const LAYER_OPTIONS: Readonly<Record<string, ArgKind>> = {
  dimFeedforward: 'size',
  dropout: 'number',
  activation: 'any',
  layerNormEps: 'number',
  batchFirst: 'bool',
  normFirst: 'bool',
  ...FACTORY,
};
const ENCODER_FORWARD: Readonly<Record<string, ArgKind>> = { mask: 'tensor?', srcKeyPaddingMask: 'tensor?' };
const DECODER_FORWARD: Readonly<Record<string, ArgKind>> = { tgtMask: 'tensor?', memoryMask: 'tensor?', tgtKeyPaddingMask: 'tensor?', memoryKeyPaddingMask: 'tensor?' };

/** Checks a layer's arguments (before anything is built or drawn). */
function checkLayerArgs(op: string, dModel: unknown, nhead: unknown, opts: unknown): TransformerEncoderLayerOptions {
  checkArgs(op, [
    ['d_model', dModel, 'size'],
    ['nhead', nhead, 'positive'],
  ]);
  const o = checkOptions(op, opts as TransformerEncoderLayerOptions | undefined, LAYER_OPTIONS, 3);
  resolveActivation(o.activation, op);
  return o;
}
import { MultiheadAttention } from './attention.js';
import { Dropout } from './dropout.js';
import { Linear } from './linear.js';
import { LayerNorm } from './normalization.js';

/** The feed-forward activation: `'relu'`, `'gelu'`, a function, or a module. */
export type TransformerActivation = 'relu' | 'gelu' | ((x: Tensor) => Tensor) | Module;

/** The activation a layer stores: `'relu'`/`'gelu'` become functions, modules stay modules (registered). */
function resolveActivation(act: TransformerActivation | undefined, op: string): ((x: Tensor) => Tensor) | Module {
  const a = act ?? 'relu';
  if (a === 'relu') return (x: Tensor) => F.relu(x);
  if (a === 'gelu') return (x: Tensor) => F.gelu(x);
  if (typeof a === 'string') throw new TorchRuntimeError(op, `activation should be relu/gelu, not ${String(a)}`);
  if (typeof a !== 'function' && !(a instanceof Module)) throw new TorchTypeError(op, `${op}(): argument 'activation' must be 'relu', 'gelu', a function or a Module, not ${pyTypeName(a)}`);
  return a;
}

/** linear2(dropout(activation(linear1(x)))), the feed-forward block of both layer kinds. */
function feedForward(l: { linear1: Linear; dropout: Dropout; linear2: Linear; activation: ((x: Tensor) => Tensor) | Module }, x: Tensor): Tensor {
  const h = l.linear1.call(x);
  const a = l.activation instanceof Module ? (l.activation.call(h) as Tensor) : l.activation(h);
  return l.linear2.call(l.dropout.call(a));
}

/** The layer members both layer kinds create after their attention blocks, in PyTorch's order. */
interface FeedForwardMembers {
  linear1: Linear;
  dropout: Dropout;
  linear2: Linear;
  normFirst: boolean;
}

/** Creates linear1, dropout, linear2 (consuming the random draws PyTorch does, in its order). */
function addFeedForward(l: FeedForwardMembers, dModel: number, opts: TransformerEncoderLayerOptions): void {
  const factory = opts.dtype !== undefined ? { dtype: opts.dtype } : {};
  const ff = opts.dimFeedforward ?? 2048;
  l.linear1 = new Linear(dModel, ff, factory);
  l.dropout = new Dropout(opts.dropout ?? 0.1);
  l.linear2 = new Linear(ff, dModel, factory);
  l.normFirst = opts.normFirst ?? false;
}

/** The attention blocks' options: the layer's dropout, layout and dtype. */
function attentionOptions(opts: TransformerEncoderLayerOptions): { dropout: number; batchFirst: boolean; dtype?: TransformerEncoderLayerOptions['dtype'] } {
  return { dropout: opts.dropout ?? 0.1, batchFirst: opts.batchFirst ?? false, ...(opts.dtype !== undefined ? { dtype: opts.dtype } : {}) };
}

/** A LayerNorm with the layer's eps and dtype. */
function layerNorm(dModel: number, opts: TransformerEncoderLayerOptions): LayerNorm {
  return new LayerNorm(dModel, { eps: opts.layerNormEps ?? 1e-5, ...(opts.dtype !== undefined ? { dtype: opts.dtype } : {}) });
}

/** A stack of deep copies of one layer, then an optional final norm (PyTorch's `_get_clones`). */
abstract class LayerStack extends Module {
  /** The layers. */
  declare layers: ModuleList;
  /** Number of layers. */
  declare numLayers: number;
  /** Final norm, or null. */
  declare norm: Module | null;

  /**
   * @param layer the layer copied
   * @param numLayers copies
   * @param norm final norm, or null
   */
  constructor(layer: Module, numLayers: number, norm: Module | null) {
    const op = new.target.name;
    checkArgs(op, [
      [op === 'TransformerEncoder' ? 'encoder_layer' : 'decoder_layer', layer, 'module'],
      ['num_layers', numLayers, 'size'],
      ['norm', norm, 'module?'],
    ]);
    if (numLayers > 2 ** 31 - 1) throw new TorchValueError(op, `${op}(): argument 'num_layers' (position 2) is too large (${numLayers})`);
    super();
    this.layers = new ModuleList(Array.from({ length: numLayers }, () => layer.deepcopy()));
    this.numLayers = numLayers;
    this.registerModule('norm', norm);
  }

  /** Runs `step` through every layer, then the norm. */
  protected stacked(x: Tensor, step: (layer: Module, x: Tensor) => Tensor): Tensor {
    for (const layer of this.layers.children()) x = step(layer, x);
    return this.norm ? (this.norm.call(x) as Tensor) : x;
  }
}

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
  /** `[N, S]`: true (or a float added) at padded positions. */
  srcKeyPaddingMask?: Tensor | null;
}

/**
 * One encoder layer: self-attention then a feed-forward block (linear1 → activation →
 * dropout → linear2), each with dropout, a residual connection and LayerNorm
 * (after the block, or before it with `normFirst`).
 * @example
 * ```ts pytorch=nn.TransformerEncoderLayer
 * torch.manualSeed(0);
 * const layer = new torch.nn.TransformerEncoderLayer(16, 4, { dimFeedforward: 64, batchFirst: true });
 * const x = torch.randn(2, 5, 16); // [batch, sequence, dModel]
 * console.log(layer.call(x).shape);
 * ```
 * ```text
 * torch.Size([2, 5, 16])
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

  /**
   * @param dModel model width
   * @param nhead attention heads (must divide dModel)
   * @param opts feed-forward size, dropout, activation, LayerNorm eps, layout, pre-norm, dtype
   */
  constructor(dModel: number, nhead: number, opts: TransformerEncoderLayerOptions = {}) {
    opts = checkLayerArgs('TransformerEncoderLayer', dModel, nhead, opts);
    super();
    restoreRngOnError(() => {
      const p = opts.dropout ?? 0.1;
      this.self_attn = new MultiheadAttention(dModel, nhead, attentionOptions(opts));
      addFeedForward(this, dModel, opts);
      this.norm1 = layerNorm(dModel, opts);
      this.norm2 = layerNorm(dModel, opts);
      this.dropout1 = new Dropout(p);
      this.dropout2 = new Dropout(p);
      this.activation = resolveActivation(opts.activation, 'TransformerEncoderLayer');
    });
  }

  override forward(src: Tensor, opts: TransformerEncoderForwardOptions = {}): Tensor {
    expectInput('TransformerEncoderLayer.forward', src, 'src');
    const o = checkOptions('TransformerEncoderLayer.forward', opts, ENCODER_FORWARD, 2);
    // dropout draws before a later block can fail (a bad mask): the draws are undone then
    return restoreRngOnError(() => {
      let x = src;
      if (this.normFirst) {
        x = x.add(this.saBlock(this.norm1.call(x), o));
        x = x.add(this.ffBlock(this.norm2.call(x)));
      } else {
        x = this.norm1.call(x.add(this.saBlock(x, o)));
        x = this.norm2.call(x.add(this.ffBlock(x)));
      }
      return x;
    });
  }

  private saBlock(x: Tensor, opts: TransformerEncoderForwardOptions): Tensor {
    const [y] = this.self_attn.call(x, x, x, { attnMask: opts.mask ?? null, keyPaddingMask: opts.srcKeyPaddingMask ?? null, needWeights: false });
    return this.dropout1.call(y);
  }

  private ffBlock(x: Tensor): Tensor {
    return this.dropout2.call(feedForward(this, x));
  }
}

/**
 * A stack of `numLayers` copies of `encoderLayer` (deep copies: all start with its
 * weights, as in PyTorch), then an optional final norm.
 * @example
 * ```ts pytorch=nn.TransformerEncoder
 * torch.manualSeed(0);
 * const layer = new torch.nn.TransformerEncoderLayer(8, 2, { dimFeedforward: 16, batchFirst: true });
 * const encoder = new torch.nn.TransformerEncoder(layer, 3); // three copies of the layer
 * const padding = torch.tensor([[false, false, true]]); // the third token is padding
 * console.log(encoder.call(torch.randn(1, 3, 8), { srcKeyPaddingMask: padding }).shape);
 * console.log(encoder.layers.length);
 * ```
 * ```text
 * torch.Size([1, 3, 8])
 * 3
 * ```
 */
export class TransformerEncoder extends LayerStack {
  /**
   * @param encoderLayer the layer copied
   * @param numLayers copies
   * @param norm final norm (default null)
   */
  constructor(encoderLayer: TransformerEncoderLayer, numLayers: number, norm: Module | null = null) {
    super(encoderLayer, numLayers, norm);
  }

  override forward(src: Tensor, opts: TransformerEncoderForwardOptions = {}): Tensor {
    expectInput('TransformerEncoder.forward', src, 'src');
    const o = checkOptions('TransformerEncoder.forward', opts, ENCODER_FORWARD, 2);
    return restoreRngOnError(() => this.stacked(src, (layer, x) => (layer as TransformerEncoderLayer).call(x, o)));
  }
}

/** Options of {@link TransformerDecoderLayer.forward} and {@link TransformerDecoder.forward}. */
export interface TransformerDecoderForwardOptions {
  /** Self-attention mask [T, T] (e.g. {@link Transformer.generateSquareSubsequentMask}). */
  tgtMask?: Tensor | null;
  /** Cross-attention mask [T, S]. */
  memoryMask?: Tensor | null;
  /** `[N, T]`: padded target positions. */
  tgtKeyPaddingMask?: Tensor | null;
  /** `[N, S]`: padded memory positions. */
  memoryKeyPaddingMask?: Tensor | null;
}

/**
 * One decoder layer: self-attention, attention over the encoder's output (`memory`), then
 * the feed-forward block, each with dropout, a residual connection and LayerNorm.
 * @example
 * ```ts pytorch=nn.TransformerDecoderLayer
 * torch.manualSeed(0);
 * const layer = new torch.nn.TransformerDecoderLayer(8, 2, { dimFeedforward: 16 });
 * const memory = torch.randn(5, 1, 8); // the encoder's output [S, N, E]
 * const tgt = torch.randn(3, 1, 8);
 * console.log(layer.call(tgt, memory).shape);
 * ```
 * ```text
 * torch.Size([3, 1, 8])
 * ```
 */
export class TransformerDecoderLayer extends Module {
  /** Self-attention. */
  declare self_attn: MultiheadAttention;
  /** Attention over the memory. */
  declare multihead_attn: MultiheadAttention;
  /** d_model → dim_feedforward. */
  declare linear1: Linear;
  /** Dropout after the activation. */
  declare dropout: Dropout;
  /** dim_feedforward → d_model. */
  declare linear2: Linear;
  /** Pre-norm instead of post-norm. */
  declare normFirst: boolean;
  /** Norm of the self-attention block. */
  declare norm1: LayerNorm;
  /** Norm of the cross-attention block. */
  declare norm2: LayerNorm;
  /** Norm of the feed-forward block. */
  declare norm3: LayerNorm;
  /** Dropout after self-attention. */
  declare dropout1: Dropout;
  /** Dropout after cross-attention. */
  declare dropout2: Dropout;
  /** Dropout after the feed-forward block. */
  declare dropout3: Dropout;
  /** The activation (a registered child when it is a module). */
  declare activation: ((x: Tensor) => Tensor) | Module;

  /**
   * @param dModel model width
   * @param nhead attention heads (must divide dModel)
   * @param opts feed-forward size, dropout, activation, LayerNorm eps, layout, pre-norm, dtype
   */
  constructor(dModel: number, nhead: number, opts: TransformerEncoderLayerOptions = {}) {
    opts = checkLayerArgs('TransformerDecoderLayer', dModel, nhead, opts);
    super();
    restoreRngOnError(() => {
      const p = opts.dropout ?? 0.1;
      this.self_attn = new MultiheadAttention(dModel, nhead, attentionOptions(opts));
      this.multihead_attn = new MultiheadAttention(dModel, nhead, attentionOptions(opts));
      addFeedForward(this, dModel, opts);
      this.norm1 = layerNorm(dModel, opts);
      this.norm2 = layerNorm(dModel, opts);
      this.norm3 = layerNorm(dModel, opts);
      this.dropout1 = new Dropout(p);
      this.dropout2 = new Dropout(p);
      this.dropout3 = new Dropout(p);
      this.activation = resolveActivation(opts.activation, 'TransformerDecoderLayer');
    });
  }

  override forward(tgt: Tensor, memory: Tensor, opts: TransformerDecoderForwardOptions = {}): Tensor {
    expectInput('TransformerDecoderLayer.forward', tgt, 'tgt');
    expectInput('TransformerDecoderLayer.forward', memory, 'memory', 2);
    const o = checkOptions('TransformerDecoderLayer.forward', opts, DECODER_FORWARD, 3);
    const sa = (x: Tensor): Tensor =>
      this.dropout1.call(this.self_attn.call(x, x, x, { attnMask: o.tgtMask ?? null, keyPaddingMask: o.tgtKeyPaddingMask ?? null, needWeights: false })[0]);
    const ca = (x: Tensor): Tensor =>
      this.dropout2.call(this.multihead_attn.call(x, memory, memory, { attnMask: o.memoryMask ?? null, keyPaddingMask: o.memoryKeyPaddingMask ?? null, needWeights: false })[0]);
    const ff = (x: Tensor): Tensor => this.dropout3.call(feedForward(this, x));
    // dropout draws before a later block can fail (a bad memory mask): the draws are undone then
    return restoreRngOnError(() => {
      let x = tgt;
      if (this.normFirst) {
        x = x.add(sa(this.norm1.call(x)));
        x = x.add(ca(this.norm2.call(x)));
        x = x.add(ff(this.norm3.call(x)));
      } else {
        x = this.norm1.call(x.add(sa(x)));
        x = this.norm2.call(x.add(ca(x)));
        x = this.norm3.call(x.add(ff(x)));
      }
      return x;
    });
  }
}

/**
 * A stack of `numLayers` deep copies of `decoderLayer`, then an optional final norm.
 * @example
 * ```ts pytorch=nn.TransformerDecoder
 * torch.manualSeed(0);
 * const layer = new torch.nn.TransformerDecoderLayer(8, 2, { dimFeedforward: 16, batchFirst: true });
 * const decoder = new torch.nn.TransformerDecoder(layer, 2);
 * const memory = torch.randn(1, 5, 8);
 * const tgt = torch.randn(1, 3, 8);
 * const mask = torch.nn.Transformer.generateSquareSubsequentMask(3); // each position sees only the earlier ones
 * console.log(decoder.call(tgt, memory, { tgtMask: mask }).shape);
 * ```
 * ```text
 * torch.Size([1, 3, 8])
 * ```
 */
export class TransformerDecoder extends LayerStack {
  /**
   * @param decoderLayer the layer copied
   * @param numLayers copies
   * @param norm final norm (default null)
   */
  constructor(decoderLayer: TransformerDecoderLayer, numLayers: number, norm: Module | null = null) {
    super(decoderLayer, numLayers, norm);
  }

  override forward(tgt: Tensor, memory: Tensor, opts: TransformerDecoderForwardOptions = {}): Tensor {
    expectInput('TransformerDecoder.forward', tgt, 'tgt');
    expectInput('TransformerDecoder.forward', memory, 'memory', 2);
    const o = checkOptions('TransformerDecoder.forward', opts, DECODER_FORWARD, 3);
    return restoreRngOnError(() => this.stacked(tgt, (layer, x) => (layer as TransformerDecoderLayer).call(x, memory, o)));
  }
}

/** Options of {@link Transformer}. */
export interface TransformerOptions extends TransformerEncoderLayerOptions {
  /** Model width (default 512). */
  dModel?: number;
  /** Attention heads (default 8). */
  nhead?: number;
  /** Encoder layers (default 6). */
  numEncoderLayers?: number;
  /** Decoder layers (default 6). */
  numDecoderLayers?: number;
}

/** Options of {@link Transformer.forward}. */
export interface TransformerForwardOptions extends TransformerDecoderForwardOptions {
  /** Encoder self-attention mask [S, S]. */
  srcMask?: Tensor | null;
  /** `[N, S]`: padded source positions. */
  srcKeyPaddingMask?: Tensor | null;
}

/**
 * The encoder–decoder Transformer ("Attention Is All You Need"), as PyTorch's
 * `nn.Transformer`: every parameter with more than one dim is re-initialised with
 * `xavierUniform_` after construction, in `parameters()` order.
 * @example
 * ```ts pytorch=nn.Transformer
 * torch.manualSeed(0);
 * const model = new torch.nn.Transformer({ dModel: 32, nhead: 4, numEncoderLayers: 2, numDecoderLayers: 2 });
 * const src = torch.randn(10, 1, 32); // [sequence, batch, dModel]
 * const tgt = torch.randn(7, 1, 32);
 * const out = model.call(src, tgt, { tgtMask: torch.nn.Transformer.generateSquareSubsequentMask(7) });
 * console.log(out.shape);
 * console.log(torch.nn.Transformer.generateSquareSubsequentMask(3));
 * ```
 * ```text
 * torch.Size([7, 1, 32])
 * tensor([[0., -inf, -inf],
 *         [0., 0., -inf],
 *         [0., 0., 0.]])
 * ```
 */
export class Transformer extends Module {
  /** The encoder (with a final LayerNorm). */
  declare encoder: TransformerEncoder;
  /** The decoder (with a final LayerNorm). */
  declare decoder: TransformerDecoder;
  /** Model width. */
  declare dModel: number;
  /** Attention heads. */
  declare nhead: number;
  /** Inputs are [N, S, E] instead of [S, N, E]. */
  declare batchFirst: boolean;

  /** @param opts sizes (dModel 512, nhead 8, 6 + 6 layers by default) and the layers' options */
  constructor(opts: TransformerOptions = {}) {
    const { dModel: d, nhead: h, numEncoderLayers, numDecoderLayers, ...layerOpts } = checkOptions(
      'Transformer',
      opts,
      { ...LAYER_OPTIONS, dModel: 'size', nhead: 'positive', numEncoderLayers: 'size', numDecoderLayers: 'size' },
      1,
    );
    const dModel = d ?? 512;
    const nhead = h ?? 8;
    checkLayerArgs('Transformer', dModel, nhead, layerOpts);
    super();
    restoreRngOnError(() => {
      const encoderLayer = new TransformerEncoderLayer(dModel, nhead, layerOpts);
      this.encoder = new TransformerEncoder(encoderLayer, numEncoderLayers ?? 6, layerNorm(dModel, layerOpts));
      const decoderLayer = new TransformerDecoderLayer(dModel, nhead, layerOpts);
      this.decoder = new TransformerDecoder(decoderLayer, numDecoderLayers ?? 6, layerNorm(dModel, layerOpts));
      for (const p of this.parameters()) if (p.ndim > 1) init.xavierUniform_(p);
    });
    this.dModel = dModel;
    this.nhead = nhead;
    this.batchFirst = layerOpts.batchFirst ?? false;
  }

  override forward(src: Tensor, tgt: Tensor, opts: TransformerForwardOptions = {}): Tensor {
    expectInput('Transformer.forward', src, 'src');
    expectInput('Transformer.forward', tgt, 'tgt', 2);
    opts = checkOptions('Transformer.forward', opts, { srcMask: 'tensor?', srcKeyPaddingMask: 'tensor?', ...DECODER_FORWARD }, 3);
    const batched = src.ndim === 3;
    const bd = this.batchFirst ? 0 : 1;
    if (batched && src._shape[bd] !== tgt._shape[bd]) throw new TorchRuntimeError('Transformer', 'the batch number of src and tgt must be equal');
    if (src._shape[src.ndim - 1] !== this.dModel || tgt._shape[tgt.ndim - 1] !== this.dModel) {
      throw new TorchRuntimeError('Transformer', 'the feature number of src and tgt must be equal to d_model');
    }
    const { srcMask, srcKeyPaddingMask, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask } = opts;
    return restoreRngOnError(() => {
      const memory = this.encoder.call(src, { mask: srcMask ?? null, srcKeyPaddingMask: srcKeyPaddingMask ?? null });
      return this.decoder.call(tgt, memory, { tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask });
    });
  }

  /**
   * [sz, sz] float mask: −∞ above the diagonal, 0 elsewhere (PyTorch's causal mask), on
   * `opts.device` with `opts.dtype` (PyTorch 2.x's `device`/`dtype` arguments).
   */
  static generateSquareSubsequentMask(sz: number, opts: { device?: DeviceLike; dtype?: DTypeLike } = {}): Tensor {
    checkArgs('generate_square_subsequent_mask', [['sz', sz, 'size']]);
    return full([sz, sz], -Infinity, { ...(opts.dtype !== undefined ? { dtype: opts.dtype } : {}), ...(opts.device !== undefined ? { device: opts.device } : {}) }).triu(1);
  }
}
