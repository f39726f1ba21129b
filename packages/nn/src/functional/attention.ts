/**
 * `F.multiHeadAttentionForward`: PyTorch's `multi_head_attention_forward`
 * (packed or separate input projections, bool/float masks, key padding mask,
 * bias_k/bias_v, zero attention, dropout on the weights).
 */
import { type Tensor, TorchRuntimeError, cat, fmtShape, zeros, zerosLike, expectTensor } from '@antorcha/core';
import { expectOptions } from './utils.js';
import { dropout } from './dropout.js';
import { linear } from './linear.js';
import { padDim } from './padding.js';

/** Inputs of {@link multiHeadAttentionForward} besides query/key/value. */
export interface MultiHeadAttentionForwardOptions {
  /** Embedding dimension E. */
  embedDim: number;
  /** Number of heads (E must be divisible by it). */
  numHeads: number;
  /** Packed [3E, E] projection (unless `qProjWeight`… are given). */
  inProjWeight: Tensor | null;
  /** Packed [3E] projection bias. */
  inProjBias: Tensor | null;
  /** Extra learned key appended to the keys [1, 1, E]. */
  biasK?: Tensor | null;
  /** Extra learned value appended to the values [1, 1, E]. */
  biasV?: Tensor | null;
  /** Append a zero key/value. */
  addZeroAttn?: boolean;
  /** Dropout on the attention weights (training only). */
  dropoutP?: number;
  /** Output projection weight [E, E]. */
  outProjWeight: Tensor;
  /** Output projection bias [E]. */
  outProjBias: Tensor | null;
  /** Training mode (enables dropout). */
  training?: boolean;
  /** [N, S] (or [S]): true (or a float added) where keys are padding. */
  keyPaddingMask?: Tensor | null;
  /** Return the attention weights (default true). */
  needWeights?: boolean;
  /** [L, S] or [N·heads, L, S]: true where attention is not allowed, or floats added. */
  attnMask?: Tensor | null;
  /** Separate projection weights (for kdim/vdim ≠ E). */
  qProjWeight?: Tensor | null;
  /** Separate key projection weight. */
  kProjWeight?: Tensor | null;
  /** Separate value projection weight. */
  vProjWeight?: Tensor | null;
  /** Average the returned weights over heads (default true). */
  averageAttnWeights?: boolean;
}

function inProjection(q: Tensor, k: Tensor, v: Tensor, o: MultiHeadAttentionForwardOptions): [Tensor, Tensor, Tensor] {
  const E = o.embedDim;
  const b = o.inProjBias;
  if (o.qProjWeight) {
    const [bq, bk, bv] = b ? b.chunk(3) : [null, null, null];
    return [linear(q, o.qProjWeight, bq), linear(k, o.kProjWeight!, bk), linear(v, o.vProjWeight!, bv)];
  }
  const w = o.inProjWeight!;
  if (k === v) {
    if (q === k) {
      const [a, c, d] = linear(q, w, b).chunk(3, -1);
      return [a!, c!, d!];
    }
    const [wq, wkv] = w.split([E, E * 2]);
    const [bq, bkv] = b ? b.split([E, E * 2]) : [null, null];
    const [kk, vv] = linear(k, wkv!, bkv).chunk(2, -1);
    return [linear(q, wq!, bq), kk!, vv!];
  }
  const [wq, wk, wv] = w.chunk(3);
  const [bq, bk, bv] = b ? b.chunk(3) : [null, null, null];
  return [linear(q, wq!, bq), linear(k, wk!, bk), linear(v, wv!, bv)];
}

/**
 * Multi-head attention on (L, N, E) query and (S, N, E) key/value (or unbatched
 * (L, E)/(S, E)). Returns `[output, weights | null]`.
 */
export function multiHeadAttentionForward(query: Tensor, key: Tensor, value: Tensor, o: MultiHeadAttentionForwardOptions): [Tensor, Tensor | null] {
  expectTensor('multi_head_attention_forward', 'query', 1, query);
  expectTensor('multi_head_attention_forward', 'key', 2, key);
  expectTensor('multi_head_attention_forward', 'value', 3, value);
  if (o === null || typeof o !== 'object') expectOptions('multi_head_attention_forward', o ?? null);
  const op = 'multi_head_attention_forward';
  const batched = query.ndim === 3;
  let kpm = o.keyPaddingMask ?? null;
  if (!batched) {
    if (query.ndim !== 2) throw new TorchRuntimeError(op, `query should be unbatched 2D or batched 3D tensor but received ${query.ndim}-D query tensor`);
    query = query.unsqueeze(1);
    key = key.unsqueeze(1);
    value = value.unsqueeze(1);
    if (kpm) kpm = kpm.unsqueeze(0);
  }
  const [tgtLen, bsz, embedDim] = query._shape as [number, number, number];
  const H = o.numHeads;
  if (embedDim !== o.embedDim) throw new TorchRuntimeError(op, `was expecting embedding dimension of ${o.embedDim}, but got ${embedDim}`);
  const headDim = Math.floor(embedDim / H);
  if (headDim * H !== embedDim) throw new TorchRuntimeError(op, `embed_dim ${embedDim} not divisible by num_heads ${H}`);
  let [q, k, v] = inProjection(query, key, value, o);
  let mask = o.attnMask ?? null;
  if (mask) {
    if (mask.dtype.name === 'uint8') mask = mask.bool();
    const srcLen0 = key._shape[0]!;
    if (mask.ndim === 2) {
      if (mask._shape[0] !== tgtLen || mask._shape[1] !== srcLen0) throw new TorchRuntimeError(op, `The shape of the 2D attn_mask is torch.Size(${fmtShape(mask._shape)}), but should be (${tgtLen}, ${srcLen0}).`);
      mask = mask.unsqueeze(0);
    } else if (mask.ndim !== 3) throw new TorchRuntimeError(op, `attn_mask's dimension ${mask.ndim} is not supported`);
  }
  if (o.biasK && o.biasV) {
    k = cat([k, o.biasK.repeat(1, bsz, 1)]);
    v = cat([v, o.biasV.repeat(1, bsz, 1)]);
    if (mask) mask = padDim(mask, mask.ndim - 1, 0, 1);
    if (kpm) kpm = padDim(kpm, kpm.ndim - 1, 0, 1);
  }
  q = q.contiguous().view(tgtLen, bsz * H, headDim).transpose(0, 1);
  k = k.contiguous().view(k._shape[0]!, bsz * H, headDim).transpose(0, 1);
  v = v.contiguous().view(v._shape[0]!, bsz * H, headDim).transpose(0, 1);
  if (o.addZeroAttn) {
    k = cat([k, zeros([bsz * H, 1, headDim], { dtype: k.dtype, device: k.device })], 1);
    v = cat([v, zeros([bsz * H, 1, headDim], { dtype: v.dtype, device: v.device })], 1);
    if (mask) mask = padDim(mask, mask.ndim - 1, 0, 1);
    if (kpm) kpm = padDim(kpm, kpm.ndim - 1, 0, 1);
  }
  const srcLen = k._shape[1]!;
  if (kpm) {
    if (kpm.ndim !== 2 || kpm._shape[0] !== bsz || kpm._shape[1] !== srcLen) throw new TorchRuntimeError(op, `expecting key_padding_mask shape of (${bsz}, ${srcLen}), but got torch.Size(${fmtShape(kpm._shape)})`);
    const km = kpm.view(bsz, 1, 1, srcLen).expand(-1, H, -1, -1).reshape(bsz * H, 1, srcLen);
    if (mask === null) mask = km;
    else if (mask.dtype.name === 'bool') mask = mask.logicalOr(km);
    else mask = mask.maskedFill(km, -Infinity);
  }
  if (mask && mask.dtype.name === 'bool') mask = zerosLike(mask, { dtype: q.dtype }).maskedFill(mask, -Infinity);
  const p = o.training ? (o.dropoutP ?? 0) : 0;
  const qScaled = q.div(Math.sqrt(headDim));
  let w = qScaled.bmm(k.transpose(-2, -1));
  if (mask) w = w.add(mask);
  w = w.softmax(-1);
  if (p > 0) w = dropout(w, p);
  let out = w.bmm(v);
  out = out.transpose(0, 1).contiguous().view(tgtLen * bsz, embedDim);
  out = linear(out, o.outProjWeight, o.outProjBias).view(tgtLen, bsz, -1);
  if (o.needWeights ?? true) {
    let weights = w.view(bsz, H, tgtLen, srcLen);
    if (o.averageAttnWeights ?? true) weights = weights.sum(1).div(H);
    if (!batched) {
      out = out.squeeze(1);
      weights = weights.squeeze(0);
    }
    return [out, weights];
  }
  if (!batched) out = out.squeeze(1);
  return [out, null];
}
