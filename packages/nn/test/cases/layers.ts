// The layer golden cases of tools/golden/nn_layers.py: how each fixture case builds its
// module and calls it. Shared by packages/nn/test/layers.test.ts (CPU, against PyTorch)
// and packages/backend-webgpu/test/nn-layers-golden.test.ts (the same cases on WebGPU), so
// tensors a call makes (masks) are made on its input's device.
import type { nn as NN } from '../../src/index.js';
import type { CaseLib, Tensor } from './lib.js';

/** Calls a built module on a case's inputs. */
export type Run = (m: NN.Module, xs: Tensor[]) => unknown;

/** A case's module factory and, where it is not `m.call(...inputs)`, how to call it. */
export type Builder = [() => NN.Module, Run?];

/** Calls the module on the inputs in order. */
export const plain: Run = (m, xs) => m.call(...xs);
const lstmHc: Run = (m, xs) => m.call(xs[0], [xs[1], xs[2]]);

/** The builder of every case of nn_layers.json, by case name. */
export function layerBuilders({ nn, ones, tensor, arange }: CaseLib): Record<string, Builder> {
  return {
    linear: [() => new nn.Linear(5, 3)],
    linear_3d: [() => new nn.Linear(5, 3)],
    linear_nobias: [() => new nn.Linear(6, 2, { bias: false })],
    linear_784_128: [() => new nn.Linear(784, 128)],
    bilinear: [() => new nn.Bilinear(3, 4, 2)],
    identity: [() => new nn.Identity()],
    flatten: [() => new nn.Flatten()],
    unflatten: [() => new nn.Unflatten(1, [2, 3])],
    conv1d: [() => new nn.Conv1d(3, 4, 3, { stride: 2, padding: 1 })],
    conv1d_same_dil_groups: [() => new nn.Conv1d(2, 4, 3, { padding: 'same', dilation: 2, groups: 2 })],
    conv2d: [() => new nn.Conv2d(1, 4, 3, { padding: 1 })],
    conv2d_unbatched: [() => new nn.Conv2d(2, 3, 2)],
    conv2d_stride_groups: [() => new nn.Conv2d(4, 6, [3, 2], { stride: [2, 1], padding: [1, 0], dilation: [1, 2], groups: 2, bias: false })],
    conv2d_same_even: [() => new nn.Conv2d(3, 2, 4, { padding: 'same' })],
    conv_transpose2d: [() => new nn.ConvTranspose2d(3, 2, 3, { stride: 2, padding: 1, outputPadding: 1 })],
    conv_transpose2d_groups: [() => new nn.ConvTranspose2d(4, 6, [2, 3], { stride: [1, 2], groups: 2, dilation: [2, 1] })],
    maxpool1d: [() => new nn.MaxPool1d(3, { stride: 2, padding: 1 })],
    maxpool2d: [() => new nn.MaxPool2d(2)],
    maxpool2d_ceil_pad: [() => new nn.MaxPool2d(3, { stride: 2, padding: 1, ceilMode: true })],
    maxpool2d_dilation: [() => new nn.MaxPool2d([2, 3], { stride: [1, 2], dilation: [2, 1] })],
    maxpool2d_indices: [() => new nn.MaxPool2d(2, { stride: 1, padding: 1, returnIndices: true })],
    avgpool1d: [() => new nn.AvgPool1d(3, { stride: 2, padding: 1 })],
    maxpool3d: [() => new nn.MaxPool3d(2)],
    maxpool3d_ceil_pad_indices: [() => new nn.MaxPool3d([2, 3, 2], { stride: [1, 2, 2], padding: [1, 1, 0], ceilMode: true, returnIndices: true })],
    avgpool3d: [() => new nn.AvgPool3d(2)],
    avgpool3d_pad_exclude_unbatched: [() => new nn.AvgPool3d([1, 3, 2], { stride: [1, 2, 2], padding: [0, 1, 1], countIncludePad: false })],
    avgpool3d_divisor: [() => new nn.AvgPool3d(2, { divisorOverride: 3 })],
    adaptive_avgpool3d: [() => new nn.AdaptiveAvgPool3d([2, null, 3])],
    adaptive_avgpool3d_one: [() => new nn.AdaptiveAvgPool3d(1)],
    adaptive_maxpool3d: [() => new nn.AdaptiveMaxPool3d(2)],
    avgpool2d: [() => new nn.AvgPool2d(2)],
    avgpool2d_ceil_exclude_pad: [() => new nn.AvgPool2d(3, { stride: 2, padding: 1, ceilMode: true, countIncludePad: false })],
    avgpool2d_ceil_include_pad: [() => new nn.AvgPool2d(3, { stride: 2, padding: 1, ceilMode: true })],
    adaptive_avgpool2d_1: [() => new nn.AdaptiveAvgPool2d([1, 1])],
    adaptive_avgpool2d_uneven: [() => new nn.AdaptiveAvgPool2d([3, 2])],
    adaptive_maxpool2d: [() => new nn.AdaptiveMaxPool2d([2, 3])],
    batchnorm1d: [() => new nn.BatchNorm1d(4)],
    batchnorm1d_3d: [() => new nn.BatchNorm1d(3, { momentum: 0.3 })],
    batchnorm2d: [() => new nn.BatchNorm2d(3)],
    batchnorm2d_cumulative: [() => new nn.BatchNorm2d(2, { momentum: null, affine: false })],
    layernorm: [() => new nn.LayerNorm(5)],
    layernorm_2d_noaffine: [() => new nn.LayerNorm([4, 5], { elementwiseAffine: false })],
    groupnorm: [() => new nn.GroupNorm(2, 6)],
    groupnorm_4d: [() => new nn.GroupNorm(3, 6, { eps: 1e-3 })],
    dropout: [() => new nn.Dropout(0.3)],
    dropout_half: [() => new nn.Dropout()],
    dropout2d: [() => new nn.Dropout2d(0.4)],
    embedding: [() => new nn.Embedding(10, 3)],
    embedding_padding: [() => new nn.Embedding(10, 3, { paddingIdx: 0 })],
    embedding_bag_mean: [() => new nn.EmbeddingBag(10, 3), (m, [x, o]) => m.call(x, o)],
    embedding_bag_sum_weights: [() => new nn.EmbeddingBag(10, 3, { mode: 'sum' }), (m, [x, o, w]) => m.call(x, o, w)],
    embedding_bag_max_2d: [() => new nn.EmbeddingBag(10, 3, { mode: 'max' })],
    embedding_bag_padding_last_offset: [() => new nn.EmbeddingBag(10, 3, { paddingIdx: 2, includeLastOffset: true }), (m, [x, o]) => m.call(x, o)],
    embedding_max_norm: [() => new nn.Embedding(10, 3, { maxNorm: 1.0 })],
    embedding_max_norm_p1: [() => new nn.Embedding(10, 3, { maxNorm: 0.5, normType: 1.0 })],
    embedding_from_pretrained: [() => nn.Embedding.fromPretrained(arange(12, { dtype: 'float32' }).reshape(4, 3).div(10), { freeze: false, paddingIdx: 1 })],
    rnn: [() => new nn.RNN(4, 5, { numLayers: 2 })],
    rnn_relu_bidir_batch_first: [() => new nn.RNN(3, 4, { nonlinearity: 'relu', bidirectional: true, batchFirst: true })],
    lstm: [() => new nn.LSTM(3, 4, { numLayers: 2, bidirectional: true }), lstmHc],
    lstm_unbatched: [() => new nn.LSTM(3, 4)],
    lstm_proj: [() => new nn.LSTM(3, 5, { projSize: 2, numLayers: 2, bidirectional: true }), lstmHc],
    lstm_proj_nobias_batch_first: [() => new nn.LSTM(3, 4, { projSize: 3, bias: false, batchFirst: true })],
    gru: [() => new nn.GRU(3, 4, { batchFirst: true, numLayers: 2 })],
    gru_nobias: [() => new nn.GRU(3, 2, { bias: false })],
    rnncell: [() => new nn.RNNCell(3, 4)],
    lstmcell: [() => new nn.LSTMCell(3, 4), lstmHc],
    grucell: [() => new nn.GRUCell(3, 4)],
    mha: [() => new nn.MultiheadAttention(8, 2)],
    transformer_encoder_layer: [() => new nn.TransformerEncoderLayer(8, 2, { dimFeedforward: 16, dropout: 0 })],
    transformer_encoder_layer_prenorm_gelu: [
      () => new nn.TransformerEncoderLayer(8, 4, { dimFeedforward: 12, dropout: 0, activation: 'gelu', batchFirst: true, normFirst: true }),
    ],
    transformer_encoder_layer_masks: [
      () => new nn.TransformerEncoderLayer(6, 3, { dimFeedforward: 10, dropout: 0 }),
      (m, [x]) =>
        m.call(x, {
          mask: ones([4, 4], { dtype: 'bool', device: x!.device }).triu(1),
          srcKeyPaddingMask: tensor(
            [
              [false, false, false, true],
              [false, false, false, false],
            ],
            { device: x!.device },
          ),
        }),
    ],
    transformer_decoder_layer: [() => new nn.TransformerDecoderLayer(8, 2, { dimFeedforward: 16, dropout: 0 }), (m, [t, mem]) => m.call(t, mem)],
    transformer_decoder_layer_prenorm_masks: [
      () => new nn.TransformerDecoderLayer(6, 3, { dimFeedforward: 10, dropout: 0, activation: 'gelu', batchFirst: true, normFirst: true }),
      (m, [t, mem]) =>
        m.call(t, mem, {
          tgtMask: ones([4, 4], { dtype: 'bool', device: t!.device }).triu(1),
          memoryKeyPaddingMask: tensor(
            [
              [false, false, true],
              [false, false, false],
            ],
            { device: t!.device },
          ),
        }),
    ],
    transformer: [
      () => new nn.Transformer({ dModel: 8, nhead: 2, numEncoderLayers: 2, numDecoderLayers: 1, dimFeedforward: 12, dropout: 0 }),
      (m, [src, tgt]) => m.call(src, tgt, { tgtMask: nn.Transformer.generateSquareSubsequentMask(4).to(src!.device) }),
    ],
    conv3d: [() => new nn.Conv3d(2, 3, 3, { padding: 1 })],
    conv3d_stride_groups_unbatched: [() => new nn.Conv3d(4, 2, [2, 3, 2], { stride: [1, 2, 1], dilation: [2, 1, 1], groups: 2, bias: false })],
    conv3d_same: [() => new nn.Conv3d(1, 2, [2, 3, 3], { padding: 'same' })],
    conv_transpose1d: [() => new nn.ConvTranspose1d(3, 2, 3, { stride: 2, padding: 1, outputPadding: 1 })],
    conv_transpose1d_groups_unbatched: [() => new nn.ConvTranspose1d(4, 6, 2, { groups: 2, dilation: 2, bias: false })],
    batchnorm3d: [() => new nn.BatchNorm3d(2)],
    instancenorm1d: [() => new nn.InstanceNorm1d(3)],
    instancenorm2d_affine_tracked: [() => new nn.InstanceNorm2d(3, { affine: true, trackRunningStats: true, momentum: 0.2 })],
    instancenorm1d_unbatched: [() => new nn.InstanceNorm1d(4, { affine: true })],
    pixel_shuffle: [() => new nn.PixelShuffle(2)],
    pixel_unshuffle: [() => new nn.PixelUnshuffle(2)],
    upsample_nearest_x2: [() => new nn.Upsample({ scaleFactor: 2 })],
    upsample_nearest_size: [() => new nn.Upsample({ size: [5, 7] })],
    upsample_nearest_frac: [() => new nn.Upsample({ scaleFactor: 1.7 })],
    upsample_nearest_1d: [() => new nn.Upsample({ scaleFactor: 3 })],
    upsample_bilinear: [() => new nn.Upsample({ scaleFactor: 2, mode: 'bilinear' })],
    upsample_bilinear_size_align: [() => new nn.Upsample({ size: [5, 7], mode: 'bilinear', alignCorners: true })],
    upsample_bilinear_frac: [() => new nn.Upsample({ scaleFactor: 1.5, mode: 'bilinear' })],
    upsample_linear_1d: [() => new nn.Upsample({ size: 8, mode: 'linear' })],
    upsampling_bilinear2d: [() => new nn.UpsamplingBilinear2d({ scaleFactor: 2 })],
    upsampling_nearest2d: [() => new nn.UpsamplingNearest2d({ size: [6, 5] })],
    transformer_encoder: [() => new nn.TransformerEncoder(new nn.TransformerEncoderLayer(8, 2, { dimFeedforward: 16, dropout: 0 }), 2, new nn.LayerNorm(8))],
    mha_self_masks: [
      () => new nn.MultiheadAttention(6, 3),
      (m, [x]) =>
        m.call(x, x, x, {
          keyPaddingMask: tensor(
            [
              [false, false, false, true],
              [false, true, false, false],
            ],
            { device: x!.device },
          ),
          attnMask: tensor(
            [
              [false, true, false, false],
              [false, false, true, false],
              [true, false, false, false],
              [false, false, false, false],
            ],
            { device: x!.device },
          ),
        }),
    ],
    mha_batch_first_kv: [() => new nn.MultiheadAttention(4, 2, { batchFirst: true, addBiasKv: true, addZeroAttn: true }), (m, xs) => m.call(xs[0], xs[1], xs[2], { averageAttnWeights: false })],
    mha_kdim_vdim: [() => new nn.MultiheadAttention(4, 1, { kdim: 3, vdim: 5, bias: false })],
    relu: [() => new nn.ReLU()],
    relu6: [() => new nn.ReLU6()],
    leaky_relu: [() => new nn.LeakyReLU(0.2)],
    leaky_relu_default: [() => new nn.LeakyReLU()],
    elu: [() => new nn.ELU(0.5)],
    gelu: [() => new nn.GELU()],
    gelu_tanh: [() => new nn.GELU({ approximate: 'tanh' })],
    silu: [() => new nn.SiLU()],
    sigmoid: [() => new nn.Sigmoid()],
    tanh: [() => new nn.Tanh()],
    softmax: [() => new nn.Softmax(1)],
    softmin: [() => new nn.Softmin(0)],
    log_softmax: [() => new nn.LogSoftmax(-1)],
    softplus: [() => new nn.Softplus()],
    softplus_beta: [() => new nn.Softplus(2, 5)],
    hardtanh: [() => new nn.Hardtanh(-0.5, 0.7)],
    log_sigmoid: [() => new nn.LogSigmoid()],
    hardswish: [() => new nn.Hardswish()],
    hardsigmoid: [() => new nn.Hardsigmoid()],
    mish: [() => new nn.Mish()],
    selu: [() => new nn.SELU()],
    celu: [() => new nn.CELU(0.5)],
    softsign: [() => new nn.Softsign()],
    tanhshrink: [() => new nn.Tanhshrink()],
    threshold: [() => new nn.Threshold(0.1, 20.0)],
    prelu: [() => new nn.PReLU()],
    glu: [() => new nn.GLU()],
    glu_dim1: [() => new nn.GLU(1)],
    prelu_channels: [() => new nn.PReLU(3, { init: 0.1 })],
    sequential_nested: [() => new nn.Sequential(new nn.Linear(4, 6), new nn.ReLU(), new nn.Sequential(new nn.Linear(6, 3), new nn.Tanh()))],
    cnn_block: [
      () =>
        new nn.Sequential(new nn.Conv2d(1, 4, 3, { padding: 1 }), new nn.BatchNorm2d(4), new nn.ReLU(), new nn.MaxPool2d(2), new nn.Flatten(), new nn.Linear(4 * 3 * 3, 5)),
    ],
  };
}
