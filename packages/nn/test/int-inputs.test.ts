// Integer and bool inputs to every nn.functional function against real PyTorch 1.13
// (tools/golden/nn_int_inputs.py): the result dtype and values, or the error class and text.
import { describe, expect, it } from 'vitest';
import { type Tensor, TorchError, manualSeed, setRngCompat, tensor } from '@antorcha/core';
import { nn } from '../src/index.js';
import { type EncodedResult, decode, expectClose, fixture } from './helpers.js';

const F = nn.functional;

interface IntCase {
  spec: string;
  dtype: string;
  inputs: EncodedResult[];
  seed: boolean;
  result?: (EncodedResult | null)[];
  error?: { type: string; message: string };
}

type Call = (t: Tensor[]) => Tensor | readonly (Tensor | null)[];

/** The two-operand losses with an integer input and a float target, and the other way round. */
function mixedLosses(): Record<string, Call> {
  const losses: Record<string, (a: Tensor, b: Tensor) => Tensor> = {
    mse_loss: (a, b) => F.mseLoss(a, b),
    l1_loss: (a, b) => F.l1Loss(a, b),
    smooth_l1_loss: (a, b) => F.smoothL1Loss(a, b),
    huber_loss: (a, b) => F.huberLoss(a, b),
    binary_cross_entropy_with_logits: (a, b) => F.binaryCrossEntropyWithLogits(a, b),
    kl_div: (a, b) => F.klDiv(a, b),
    soft_margin_loss: (a, b) => F.softMarginLoss(a, b),
    poisson_nll_loss: (a, b) => F.poissonNllLoss(a, b),
    hinge_embedding_loss: (a, b) => F.hingeEmbeddingLoss(a, b),
    multilabel_soft_margin_loss: (a, b) => F.multilabelSoftMarginLoss(a, b),
  };
  const calls: Record<string, Call> = {};
  for (const [name, fn] of Object.entries(losses)) {
    calls[`${name}_int_input_float_target`] = (t) => fn(t[0]!, t[1]!);
    calls[`${name}_float_input_int_target`] = (t) => fn(t[0]!, t[1]!);
  }
  return calls;
}

/** The same calls as the specs of tools/golden/nn_int_inputs.py, by name. */
const CALLS: Record<string, Call> = {
  relu: (t) => F.relu(t[0]!),
  relu6: (t) => F.relu6(t[0]!),
  leaky_relu: (t) => F.leakyRelu(t[0]!, 0.5),
  elu: (t) => F.elu(t[0]!),
  gelu: (t) => F.gelu(t[0]!),
  silu: (t) => F.silu(t[0]!),
  sigmoid: (t) => F.sigmoid(t[0]!),
  tanh: (t) => F.tanh(t[0]!),
  softplus: (t) => F.softplus(t[0]!),
  hardtanh: (t) => F.hardtanh(t[0]!),
  hardtanh_range: (t) => F.hardtanh(t[0]!, -2, 2),
  logsigmoid: (t) => F.logsigmoid(t[0]!),
  softmax: (t) => F.softmax(t[0]!, 1),
  softmax_dtype: (t) => F.softmax(t[0]!, 1, { dtype: 'float64' }),
  softmin: (t) => F.softmin(t[0]!, 1),
  log_softmax: (t) => F.logSoftmax(t[0]!, 1),
  hardswish: (t) => F.hardswish(t[0]!),
  hardsigmoid: (t) => F.hardsigmoid(t[0]!),
  mish: (t) => F.mish(t[0]!),
  selu: (t) => F.selu(t[0]!),
  celu: (t) => F.celu(t[0]!),
  softsign: (t) => F.softsign(t[0]!),
  tanhshrink: (t) => F.tanhshrink(t[0]!),
  threshold: (t) => F.threshold(t[0]!, 1, 5),
  glu: (t) => F.glu(t[0]!),
  prelu: (t) => F.prelu(t[0]!, t[1]!),
  hardshrink: (t) => F.hardshrink(t[0]!),
  softshrink: (t) => F.softshrink(t[0]!),
  gumbel_softmax: (t) => F.gumbelSoftmax(t[0]!),
  rrelu_eval: (t) => F.rrelu(t[0]!),
  rrelu_train: (t) => F.rrelu(t[0]!, 1 / 8, 1 / 3, true),
  relu_: (t) => F.relu_(t[0]!.clone()),
  leaky_relu_: (t) => F.leakyRelu_(t[0]!.clone(), 0.5),
  elu_: (t) => F.elu_(t[0]!.clone()),
  selu_: (t) => F.selu_(t[0]!.clone()),
  celu_: (t) => F.celu_(t[0]!.clone()),
  hardtanh_: (t) => F.hardtanh_(t[0]!.clone()),
  threshold_: (t) => F.threshold_(t[0]!.clone(), 1, 5),
  rrelu_: (t) => F.rrelu_(t[0]!.clone()),

  conv1d: (t) => F.conv1d(t[0]!, t[1]!),
  conv2d: (t) => F.conv2d(t[0]!, t[1]!),
  conv3d: (t) => F.conv3d(t[0]!, t[1]!),
  conv_transpose1d: (t) => F.convTranspose1d(t[0]!, t[1]!),
  conv_transpose2d: (t) => F.convTranspose2d(t[0]!, t[1]!),
  conv_transpose3d: (t) => F.convTranspose3d(t[0]!, t[1]!),
  linear: (t) => F.linear(t[0]!, t[1]!, t[2]!),
  bilinear: (t) => F.bilinear(t[0]!, t[1]!, t[2]!),
  embedding: (t) => F.embedding(t[0]!, t[1]!),
  embedding_bag: (t) => F.embeddingBag(t[0]!, t[1]!),
  one_hot: (t) => F.oneHot(t[0]!, 5),
  pdist: (t) => F.pdist(t[0]!),

  dropout: (t) => F.dropout(t[0]!, 0.5),
  dropout_eval: (t) => F.dropout(t[0]!, 0.5, false),
  dropout1d: (t) => F.dropout1d(t[0]!, 0.5),
  dropout2d: (t) => F.dropout2d(t[0]!, 0.5),
  dropout3d: (t) => F.dropout3d(t[0]!, 0.5),
  alpha_dropout: (t) => F.alphaDropout(t[0]!, 0.5, true),
  alpha_dropout_eval: (t) => F.alphaDropout(t[0]!, 0.5),
  feature_alpha_dropout: (t) => F.featureAlphaDropout(t[0]!, 0.5, true),

  unfold: (t) => F.unfold(t[0]!, 2),
  fold: (t) => F.fold(t[0]!, [3, 3], 2),

  mse_loss: (t) => F.mseLoss(t[0]!, t[1]!),
  l1_loss: (t) => F.l1Loss(t[0]!, t[1]!),
  smooth_l1_loss: (t) => F.smoothL1Loss(t[0]!, t[1]!),
  huber_loss: (t) => F.huberLoss(t[0]!, t[1]!),
  binary_cross_entropy: (t) => F.binaryCrossEntropy(t[0]!, t[1]!),
  binary_cross_entropy_with_logits: (t) => F.binaryCrossEntropyWithLogits(t[0]!, t[1]!),
  kl_div: (t) => F.klDiv(t[0]!, t[1]!),
  kl_div_sum: (t) => F.klDiv(t[0]!, t[1]!, { reduction: 'sum' }),
  soft_margin_loss: (t) => F.softMarginLoss(t[0]!, t[1]!),
  multilabel_soft_margin_loss: (t) => F.multilabelSoftMarginLoss(t[0]!, t[1]!),
  hinge_embedding_loss: (t) => F.hingeEmbeddingLoss(t[0]!, t[1]!),
  poisson_nll_loss: (t) => F.poissonNllLoss(t[0]!, t[1]!),
  pairwise_distance: (t) => F.pairwiseDistance(t[0]!, t[1]!),
  cosine_similarity: (t) => F.cosineSimilarity(t[0]!, t[1]!),
  gaussian_nll_loss: (t) => F.gaussianNllLoss(t[0]!, t[1]!, t[2]!),
  margin_ranking_loss: (t) => F.marginRankingLoss(t[0]!, t[1]!, t[2]!),
  cosine_embedding_loss: (t) => F.cosineEmbeddingLoss(t[0]!, t[1]!, t[2]!),
  triplet_margin_loss: (t) => F.tripletMarginLoss(t[0]!, t[1]!, t[2]!),
  triplet_margin_with_distance_loss: (t) => F.tripletMarginWithDistanceLoss(t[0]!, t[1]!, t[2]!),
  nll_loss: (t) => F.nllLoss(t[0]!, t[1]!),
  cross_entropy: (t) => F.crossEntropy(t[0]!, t[1]!),
  cross_entropy_probs: (t) => F.crossEntropy(t[0]!, t[1]!),
  multi_margin_loss: (t) => F.multiMarginLoss(t[0]!, t[1]!),
  multilabel_margin_loss: (t) => F.multilabelMarginLoss(t[0]!, t[1]!),
  ctc_loss: (t) => F.ctcLoss(t[0]!, t[1]!, [4], [2]),
  nll_loss_target: (t) => F.nllLoss(t[0]!, t[1]!),
  cross_entropy_target: (t) => F.crossEntropy(t[0]!, t[1]!),

  batch_norm: (t) => F.batchNorm(t[0]!, t[1]!, t[2]!),
  batch_norm_train: (t) => F.batchNorm(t[0]!, null, null, { training: true }),
  group_norm: (t) => F.groupNorm(t[0]!, 2),
  instance_norm: (t) => F.instanceNorm(t[0]!),
  layer_norm: (t) => F.layerNorm(t[0]!, [3]),
  local_response_norm: (t) => F.localResponseNorm(t[0]!, 2),
  normalize: (t) => F.normalize(t[0]!),

  pad_constant: (t) => F.pad(t[0]!, [1, 1]),
  pad_value: (t) => F.pad(t[0]!, [1, 1], 'constant', 7),
  pad_reflect: (t) => F.pad(t[0]!, [1, 1], 'reflect'),
  pad_replicate: (t) => F.pad(t[0]!, [1, 1], 'replicate'),
  pad_circular: (t) => F.pad(t[0]!, [1, 1], 'circular'),
  pixel_shuffle: (t) => F.pixelShuffle(t[0]!, 2),
  pixel_unshuffle: (t) => F.pixelUnshuffle(t[0]!, 2),
  channel_shuffle: (t) => F.channelShuffle(t[0]!, 2),

  avg_pool1d: (t) => F.avgPool1d(t[0]!, 2),
  avg_pool2d: (t) => F.avgPool2d(t[0]!, 2),
  avg_pool3d: (t) => F.avgPool3d(t[0]!, 2),
  adaptive_avg_pool1d: (t) => F.adaptiveAvgPool1d(t[0]!, 2),
  adaptive_avg_pool2d: (t) => F.adaptiveAvgPool2d(t[0]!, 2),
  adaptive_avg_pool3d: (t) => F.adaptiveAvgPool3d(t[0]!, 2),
  adaptive_max_pool1d: (t) => F.adaptiveMaxPool1d(t[0]!, 2),
  adaptive_max_pool1d_indices: (t) => F.adaptiveMaxPool1dWithIndices(t[0]!, 2),
  adaptive_max_pool2d: (t) => F.adaptiveMaxPool2d(t[0]!, 2),
  adaptive_max_pool3d: (t) => F.adaptiveMaxPool3d(t[0]!, 2),
  max_pool1d: (t) => F.maxPool1d(t[0]!, 2),
  max_pool2d: (t) => F.maxPool2d(t[0]!, 2),
  max_pool2d_indices: (t) => F.maxPool2dWithIndices(t[0]!, 2),
  max_pool3d: (t) => F.maxPool3d(t[0]!, 2),
  max_pool3d_indices: (t) => F.maxPool3dWithIndices(t[0]!, 2),
  lp_pool1d: (t) => F.lpPool1d(t[0]!, 2, 2),
  lp_pool2d: (t) => F.lpPool2d(t[0]!, 2, 2),
  fractional_max_pool2d: (t) => F.fractionalMaxPool2d(t[0]!, 2, { outputSize: 2 }),
  fractional_max_pool3d: (t) => F.fractionalMaxPool3d(t[0]!, 2, { outputSize: 2 }),
  max_unpool1d: (t) => F.maxUnpool1d(t[0]!, t[1]!, 2),
  max_unpool2d: (t) => F.maxUnpool2d(t[0]!, t[1]!, 2),
  max_unpool3d: (t) => F.maxUnpool3d(t[0]!, t[1]!, 2),

  interpolate_nearest: (t) => F.interpolate(t[0]!, { scaleFactor: 2 }),
  interpolate_nearest_2d: (t) => F.interpolate(t[0]!, { size: [2, 4] }),
  interpolate_linear: (t) => F.interpolate(t[0]!, { scaleFactor: 2, mode: 'linear' }),
  interpolate_bilinear: (t) => F.interpolate(t[0]!, { size: [2, 4], mode: 'bilinear' }),
  upsample: (t) => F.upsample(t[0]!, { scaleFactor: 2 }),
  upsample_nearest: (t) => F.upsampleNearest(t[0]!, { scaleFactor: 2 }),
  upsample_bilinear: (t) => F.upsampleBilinear(t[0]!, { size: [2, 4] }),
  affine_grid: (t) => F.affineGrid(t[0]!, [1, 1, 2, 2], false),
  grid_sample: (t) => F.gridSample(t[0]!, t[1]!, { alignCorners: false }),
  multi_head_attention_forward: (t) =>
    F.multiHeadAttentionForward(t[0]!, t[0]!, t[0]!, {
      embedDim: 2,
      numHeads: 1,
      inProjWeight: t[1]!,
      inProjBias: t[2]!,
      biasK: null,
      biasV: null,
      addZeroAttn: false,
      dropoutP: 0,
      outProjWeight: t[3]!,
      outProjBias: t[4]!,
    }),

  conv1d_int_weight: (t) => F.conv1d(t[0]!, t[1]!),
  conv2d_int_weight: (t) => F.conv2d(t[0]!, t[1]!),
  conv_transpose1d_int_weight: (t) => F.convTranspose1d(t[0]!, t[1]!),
  linear_int_weight: (t) => F.linear(t[0]!, t[1]!, t[2]!),
  linear_int_weight_nobias: (t) => F.linear(t[0]!, t[1]!),
  bilinear_int_weight: (t) => F.bilinear(t[0]!, t[1]!, t[2]!),
  prelu_int_weight: (t) => F.prelu(t[0]!, t[1]!),
  grid_sample_float_int_grid: (t) => F.gridSample(t[0]!, t[1]!, { alignCorners: false }),
  batch_norm_int_stats: (t) => F.batchNorm(t[0]!, t[1]!, t[2]!),
  embedding_int_weight: (t) => F.embedding(t[0]!, t[1]!),
  ...mixedLosses(),
  binary_cross_entropy_float_input_int_target: (t) => F.binaryCrossEntropy(t[0]!, t[1]!),
  gaussian_nll_loss_float_var_int: (t) => F.gaussianNllLoss(t[0]!, t[1]!, t[2]!),
  cosine_similarity_mixed: (t) => F.cosineSimilarity(t[0]!, t[1]!),
  pairwise_distance_mixed: (t) => F.pairwiseDistance(t[0]!, t[1]!),
  margin_ranking_loss_mixed: (t) => F.marginRankingLoss(t[0]!, t[1]!, t[2]!),
  pad_constant_2d: (t) => F.pad(t[0]!, [1, 1, 1, 1]),
  pad_reflect_2d: (t) => F.pad(t[0]!, [1, 1, 1, 1], 'reflect'),
  pad_replicate_3d: (t) => F.pad(t[0]!, [1, 1, 1, 1, 1, 1], 'replicate'),
  avg_pool2d_pad: (t) => F.avgPool2d(t[0]!, 2, { padding: 1, countIncludePad: false }),
  avg_pool2d_divisor: (t) => F.avgPool2d(t[0]!, 2, { divisorOverride: 3 }),
  adaptive_avg_pool2d_1: (t) => F.adaptiveAvgPool2d(t[0]!, 1),
  adaptive_avg_pool1d_same: (t) => F.adaptiveAvgPool1d(t[0]!, 4),
  softmax_dim0: (t) => F.softmax(t[0]!, 0),
  relu6_: (t) => F.relu6(t[0]!.clone(), true),
  hardtanh_frac: (t) => F.hardtanh(t[0]!, -1.5, 2.5),
  threshold_frac: (t) => F.threshold(t[0]!, 0.5, 2.5),
  threshold_neg_value: (t) => F.threshold(t[0]!, 1, -7),
  hardtanh_nonneg: (t) => F.hardtanh(t[0]!, 0, 2),
  hardtanh_nonneg_: (t) => F.hardtanh_(t[0]!.clone(), 0, 2),
  pad_value_frac: (t) => F.pad(t[0]!, [1, 1], 'constant', 2.5),
  pad_value_neg: (t) => F.pad(t[0]!, [1, 1], 'constant', -1),
  glu_dim0: (t) => F.glu(t[0]!, 0),
  normalize_p1: (t) => F.normalize(t[0]!, { p: 1 }),
  leaky_relu_default: (t) => F.leakyRelu(t[0]!),
  softmin_dtype: (t) => F.softmin(t[0]!, 1, { dtype: 'float64' }),
  log_softmax_dtype: (t) => F.logSoftmax(t[0]!, 0, { dtype: 'float64' }),
  avg_pool1d_ceil: (t) => F.avgPool1d(t[0]!, 2, { ceilMode: true }),
  avg_pool3d_divisor: (t) => F.avgPool3d(t[0]!, 2, { divisorOverride: 3 }),
  interpolate_nearest_size_3d: (t) => F.interpolate(t[0]!, { size: 3 }),
  unfold_unbatched: (t) => F.unfold(t[0]!, 2),
  local_response_norm_4d: (t) => F.localResponseNorm(t[0]!, 2),
  dropout_p1: (t) => F.dropout(t[0]!, 1),
  dropout_p0: (t) => F.dropout(t[0]!, 0),
  alpha_dropout_p1: (t) => F.alphaDropout(t[0]!, 1, true),
  one_hot_default: (t) => F.oneHot(t[0]!),
  cross_entropy_smoothing: (t) => F.crossEntropy(t[0]!, t[1]!, { labelSmoothing: 0.1 }),
  embedding_bag_1d: (t) => F.embeddingBag(t[0]!, t[1]!, { offsets: t[2]! }),
  embedding_padding_idx: (t) => F.embedding(t[0]!, t[1]!, { paddingIdx: 0 }),
};

const KIND: Record<string, string> = {
  RuntimeError: 'TorchRuntimeError',
  ValueError: 'TorchValueError',
  TypeError: 'TorchTypeError',
  IndexError: 'TorchIndexError',
};

/** Runs one case: null when Antorcha agrees with PyTorch, else what differs. */
function runCase(c: IntCase): string | null {
  const call = CALLS[c.spec];
  if (call === undefined) return `no call for spec ${c.spec}`;
  const inputs = c.inputs.map((e) => (e.values.length === 0 && e.shape.length === 0 ? tensor([]) : decode(e)));
  if (c.seed) manualSeed(0);
  let out: Tensor | readonly (Tensor | null)[];
  try {
    out = call(inputs);
  } catch (err) {
    if (c.error === undefined) return `threw ${(err as Error).constructor.name}: ${(err as Error).message}; PyTorch returned ${c.result!.map((r) => r?.dtype).join(',')}`;
    if (!(err instanceof TorchError)) return `threw a non-Torch ${(err as Error).constructor.name}: ${(err as Error).message}`;
    const want = `${KIND[c.error.type]}: ${c.error.message}`;
    const got = `${err.constructor.name}: ${err.message}`;
    return got === want ? null : `error ${JSON.stringify(got)} != ${JSON.stringify(want)}`;
  }
  const outs = Array.isArray(out) ? (out as readonly (Tensor | null)[]) : [out as Tensor];
  if (c.error !== undefined) return `returned ${outs.map((o) => o?.dtype.name).join(',')}; PyTorch raised ${c.error.type}: ${c.error.message}`;
  if (outs.length !== c.result!.length) return `${outs.length} outputs != ${c.result!.length}`;
  for (let i = 0; i < outs.length; i++) {
    const want = c.result![i] ?? null;
    const got = outs[i] ?? null;
    if (want === null || got === null) {
      if ((want === null) !== (got === null)) return `output ${i}: ${got === null ? 'null' : got.dtype.name} != ${want === null ? 'null' : want.dtype}`;
      continue;
    }
    if (got.dtype.name !== want.dtype) return `output ${i}: dtype ${got.dtype.name} != ${want.dtype}`;
    try {
      expectClose(got, want, `output ${i}`);
    } catch (e) {
      return (e as Error).message;
    }
  }
  return null;
}

describe('nn.functional with integer and bool inputs (PyTorch 1.13)', () => {
  const cases = fixture<{ cases: IntCase[] }>('int-inputs.json').cases;
  setRngCompat('1.13');

  it('covers every spec of the golden script', () => {
    const specs = new Set(cases.map((c) => c.spec));
    expect([...specs].filter((s) => !(s in CALLS))).toEqual([]);
    expect(Object.keys(CALLS).filter((s) => !specs.has(s))).toEqual([]);
  });

  for (const c of cases) {
    it(`${c.spec} ${c.dtype}`, () => {
      const diff = runCase(c);
      if (diff !== null) throw new Error(`${c.spec} ${c.dtype}: ${diff}`);
    });
  }
});
