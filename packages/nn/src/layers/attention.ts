/** `MultiheadAttention`, initialised and computed as PyTorch's. */
import { type Tensor, TorchValueError } from '@antorcha/core';
import { multiHeadAttentionForward } from '../functional/attention.js';
import * as init from '../init.js';
import { Module } from '../module.js';
import type { Parameter } from '../parameter.js';
import { FACTORY, type FactoryOptions, checkArgs, checkOptions, emptyParam, expectInput } from './_util.js';
import { NonDynamicallyQuantizableLinear } from './linear.js';

/** Options of {@link MultiheadAttention}. */
export interface MultiheadAttentionOptions extends FactoryOptions {
  /** Dropout on the attention weights (default 0). */
  dropout?: number;
  /** Learn projection biases (default true). */
  bias?: boolean;
  /** Learn an extra key and value (default false). */
  addBiasKv?: boolean;
  /** Append a zero key and value (default false). */
  addZeroAttn?: boolean;
  /** Key feature size (default embedDim). */
  kdim?: number | null;
  /** Value feature size (default embedDim). */
  vdim?: number | null;
  /** Inputs are [N, L, E] instead of [L, N, E] (default false). */
  batchFirst?: boolean;
}

/** Options of {@link MultiheadAttention.forward}. */
export interface MultiheadAttentionForwardOptions {
  /** `[N, S]`: true (or a float added) at padded keys. */
  keyPaddingMask?: Tensor | null;
  /** Return the attention weights (default true). */
  needWeights?: boolean;
  /** [L, S] or [N·heads, L, S] mask: true where attention is not allowed, or floats added. */
  attnMask?: Tensor | null;
  /** Average the weights over heads (default true). */
  averageAttnWeights?: boolean;
}

/**
 * Multi-head attention: packed input projection `in_proj_weight` [3E, E]
 * (xavier-uniform), zero biases, and `out_proj` (a Linear).
 * @example
 * ```ts pytorch=nn.MultiheadAttention
 * torch.manualSeed(0);
 * const mha = new torch.nn.MultiheadAttention(4, 2, { batchFirst: true });
 * const x = torch.randn(1, 3, 4); // [batch, sequence, embedding]
 * const [out, weights] = mha.call(x, x, x);
 * console.log(out.shape);
 * console.log(weights); // averaged over the heads
 * ```
 * ```text
 * torch.Size([1, 3, 4])
 * tensor([[[0.3149, 0.4049, 0.2803],
 *          [0.3181, 0.3441, 0.3378],
 *          [0.3125, 0.3801, 0.3073]]], grad_fn=<DivBackward0>)
 * ```
 */
export class MultiheadAttention extends Module {
  /** E. */
  declare embedDim: number;
  /** Key features. */
  declare kdim: number;
  /** Value features. */
  declare vdim: number;
  /** Whether q, k and v share one packed projection. */
  declare _qkvSameEmbedDim: boolean;
  /** Heads. */
  declare numHeads: number;
  /** Attention dropout. */
  declare dropout: number;
  /** Batch-first layout. */
  declare batchFirst: boolean;
  /** E / heads. */
  declare headDim: number;
  /** [3E, E] or null. */
  declare in_proj_weight: Parameter | null;
  /** Separate projections (kdim/vdim ≠ E) or null. */
  declare q_proj_weight: Parameter | null;
  /** Separate key projection or null. */
  declare k_proj_weight: Parameter | null;
  /** Separate value projection or null. */
  declare v_proj_weight: Parameter | null;
  /** [3E] or null. */
  declare in_proj_bias: Parameter | null;
  /** Output projection. */
  declare out_proj: NonDynamicallyQuantizableLinear;
  /** [1, 1, E] or null. */
  declare bias_k: Parameter | null;
  /** [1, 1, E] or null. */
  declare bias_v: Parameter | null;
  /** Whether a zero key/value is appended. */
  declare addZeroAttn: boolean;

  /**
   * @param embedDim model width E
   * @param numHeads heads (must divide E)
   * @param opts dropout, biases, key/value sizes, layout, dtype
   */
  constructor(embedDim: number, numHeads: number, opts: MultiheadAttentionOptions = {}) {
    checkArgs('MultiheadAttention', [
      ['embed_dim', embedDim, 'size'],
      ['num_heads', numHeads, 'positive'],
    ]);
    opts = checkOptions(
      'MultiheadAttention',
      opts,
      { dropout: 'number', bias: 'bool', addBiasKv: 'bool', addZeroAttn: 'bool', kdim: 'size?', vdim: 'size?', batchFirst: 'bool', ...FACTORY },
      3,
    );
    super();
    this.embedDim = embedDim;
    this.kdim = opts.kdim ?? embedDim;
    this.vdim = opts.vdim ?? embedDim;
    this._qkvSameEmbedDim = this.kdim === embedDim && this.vdim === embedDim;
    this.numHeads = numHeads;
    this.dropout = opts.dropout ?? 0;
    this.batchFirst = opts.batchFirst ?? false;
    this.headDim = Math.floor(embedDim / numHeads);
    if (this.headDim * numHeads !== embedDim) throw new TorchValueError('MultiheadAttention', 'embed_dim must be divisible by num_heads');
    if (!this._qkvSameEmbedDim) {
      this.q_proj_weight = emptyParam([embedDim, embedDim], opts);
      this.k_proj_weight = emptyParam([embedDim, this.kdim], opts);
      this.v_proj_weight = emptyParam([embedDim, this.vdim], opts);
      this.registerParameter('in_proj_weight', null);
    } else {
      this.in_proj_weight = emptyParam([3 * embedDim, embedDim], opts);
      this.registerParameter('q_proj_weight', null);
      this.registerParameter('k_proj_weight', null);
      this.registerParameter('v_proj_weight', null);
    }
    const bias = opts.bias ?? true;
    if (bias) this.in_proj_bias = emptyParam([3 * embedDim], opts);
    else this.registerParameter('in_proj_bias', null);
    this.out_proj = new NonDynamicallyQuantizableLinear(embedDim, embedDim, { bias, dtype: opts.dtype });
    if (opts.addBiasKv) {
      this.bias_k = emptyParam([1, 1, embedDim], opts);
      this.bias_v = emptyParam([1, 1, embedDim], opts);
    } else {
      this.bias_k = null;
      this.bias_v = null;
    }
    this.addZeroAttn = opts.addZeroAttn ?? false;
    this.resetParameters();
  }

  /** PyTorch's `_reset_parameters`: xavier-uniform projections, zero biases, xavier-normal bias_k/v. */
  resetParameters(): void {
    if (this._qkvSameEmbedDim) init.xavierUniform_(this.in_proj_weight!);
    else {
      init.xavierUniform_(this.q_proj_weight!);
      init.xavierUniform_(this.k_proj_weight!);
      init.xavierUniform_(this.v_proj_weight!);
    }
    if (this.in_proj_bias !== null) {
      init.constant_(this.in_proj_bias, 0);
      init.constant_(this.out_proj.bias!, 0);
    }
    if (this.bias_k !== null) init.xavierNormal_(this.bias_k);
    if (this.bias_v !== null) init.xavierNormal_(this.bias_v);
  }

  /** `[output, weights | null]` for query [L, N, E] and key/value [S, N, E] (or batch-first / unbatched). */
  override forward(query: Tensor, key: Tensor, value: Tensor, opts: MultiheadAttentionForwardOptions = {}): [Tensor, Tensor | null] {
    const op = 'MultiheadAttention.forward';
    expectInput(op, query, 'query', 1);
    expectInput(op, key, 'key', 2);
    expectInput(op, value, 'value', 3);
    opts = checkOptions(op, opts, { keyPaddingMask: 'tensor?', needWeights: 'bool', attnMask: 'tensor?', averageAttnWeights: 'bool' }, 4);
    const batched = query.ndim === 3;
    if (this.batchFirst && batched) {
      if (key === value) {
        if (query === key) query = key = value = query.transpose(1, 0);
        else {
          query = query.transpose(1, 0);
          key = key.transpose(1, 0);
          value = key;
        }
      } else {
        query = query.transpose(1, 0);
        key = key.transpose(1, 0);
        value = value.transpose(1, 0);
      }
    }
    const [out, w] = multiHeadAttentionForward(query, key, value, {
      embedDim: this.embedDim,
      numHeads: this.numHeads,
      inProjWeight: this.in_proj_weight,
      inProjBias: this.in_proj_bias,
      biasK: this.bias_k,
      biasV: this.bias_v,
      addZeroAttn: this.addZeroAttn,
      dropoutP: this.dropout,
      outProjWeight: this.out_proj.weight,
      outProjBias: this.out_proj.bias,
      training: this.training,
      keyPaddingMask: opts.keyPaddingMask ?? null,
      needWeights: opts.needWeights ?? true,
      attnMask: opts.attnMask ?? null,
      qProjWeight: this._qkvSameEmbedDim ? null : this.q_proj_weight,
      kProjWeight: this._qkvSameEmbedDim ? null : this.k_proj_weight,
      vProjWeight: this._qkvSameEmbedDim ? null : this.v_proj_weight,
      averageAttnWeights: opts.averageAttnWeights ?? true,
    });
    return [this.batchFirst && batched ? out.transpose(1, 0) : out, w];
  }
}
