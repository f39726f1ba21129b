// The surface layer golden cases of tools/golden/nn_surface_layers.py: how each fixture
// case builds its module or calls its function. Shared by packages/nn/test/surface-layers.test.ts
// (CPU) and packages/backend-webgpu/test/nn-surface-layers-golden.test.ts (WebGPU).
import type { EncodedResult } from '@antorcha/core/testing';
import type { CaseLib, Tensor } from './lib.js';
import type { Builder } from './layers.js';

/** A functional case: inputs (which require grad), outputs, gradients. */
export interface FuncCase {
  name: string;
  inputs: EncodedResult[];
  requires_grad: boolean[];
  outputs: EncodedResult[];
  out_grads?: EncodedResult[];
  input_grads?: (EncodedResult | null)[];
}

/** A random functional case, replayed bit for bit from its seed. */
export interface RandomCase {
  name: string;
  seed: number;
  inputs: EncodedResult[];
  outputs: EncodedResult[];
}

/** A functional case's call. */
export type Fn = (...xs: Tensor[]) => unknown;

/** The tables of nn_surface_layers.json: module builders, functional and random calls, and backward-node cases. */
export interface SurfaceLayerCases {
  builders: Record<string, Builder>;
  funcs: Record<string, Fn>;
  random: Record<string, Fn>;
  /** Calls whose backward node is named; `rg` makes a leaf that requires grad (on the device under test). */
  gradFns: Record<string, () => Tensor>;
}

/** The surface layer cases; `rg(...shape)` makes a random leaf that requires grad. */
export function surfaceLayerCases({ nn }: CaseLib, rg: (...s: number[]) => Tensor): SurfaceLayerCases {
  const F = nn.functional;
  /** F.max_pool1d(x, k, return_indices=True) through the 2-D pooling. */
  function maxPool1dWithIndices(x: Tensor, k: number, stride = k): [Tensor, Tensor] {
    const [v, i] = F.maxPool2dWithIndices(x.unsqueeze(-2), [1, k], { stride: [1, stride] });
    return [v.squeeze(-2), i.squeeze(-2)];
  }

  const builders: Record<string, Builder> = {
    constant_pad1d: [() => new nn.ConstantPad1d(2, 1)],
    constant_pad2d: [() => new nn.ConstantPad2d([1, 0, 2, 1], 3.5)],
    constant_pad3d: [() => new nn.ConstantPad3d(1, -1.5)],
    zero_pad2d: [() => new nn.ZeroPad2d([1, 1, 2, 0])],
    reflection_pad1d: [() => new nn.ReflectionPad1d(2)],
    reflection_pad1d_unbatched: [() => new nn.ReflectionPad1d([1, 3])],
    reflection_pad2d: [() => new nn.ReflectionPad2d([1, 2, 2, 0])],
    reflection_pad2d_crop: [() => new nn.ReflectionPad2d([-1, 2, 1, -1])],
    reflection_pad3d: [() => new nn.ReflectionPad3d(1)],
    replication_pad1d: [() => new nn.ReplicationPad1d([3, 1])],
    replication_pad2d: [() => new nn.ReplicationPad2d([1, 2, 3, 0])],
    replication_pad3d: [() => new nn.ReplicationPad3d([1, 0, 2, 1, 0, 2])],
    adaptive_maxpool1d: [() => new nn.AdaptiveMaxPool1d(3)],
    adaptive_maxpool1d_indices_unbatched: [() => new nn.AdaptiveMaxPool1d(4, true)],
    lppool1d: [() => new nn.LPPool1d(2, 3, 2)],
    lppool1d_frac_ceil: [() => new nn.LPPool1d(1.5, 2, null, true)],
    lppool2d: [() => new nn.LPPool2d(2, 2)],
    lppool2d_stride: [() => new nn.LPPool2d(3, [2, 3], 1)],
    maxunpool1d: [() => new nn.MaxUnpool1d(2), (m, [x]) => m.call(...maxPool1dWithIndices(x!, 2))],
    maxunpool2d: [() => new nn.MaxUnpool2d(2), (m, [x]) => m.call(...F.maxPool2dWithIndices(x!, 2))],
    maxunpool2d_stride_pad_size: [
      () => new nn.MaxUnpool2d(3, { stride: 2, padding: 1 }),
      (m, [x]) => m.call(...F.maxPool2dWithIndices(x!, 3, { stride: 2, padding: 1 }), x!._shape.slice(-2)),
    ],
    maxunpool3d: [() => new nn.MaxUnpool3d(2), (m, [x]) => m.call(...F.maxPool3dWithIndices(x!, 2))],
    fractional_maxpool2d: [() => new nn.FractionalMaxPool2d(3, { outputSize: [4, 3] })],
    fractional_maxpool2d_ratio_indices_unbatched: [() => new nn.FractionalMaxPool2d(2, { outputRatio: 0.5, returnIndices: true })],
    fractional_maxpool3d: [() => new nn.FractionalMaxPool3d(2, { outputSize: [2, 3, 2] })],
    fractional_maxpool3d_ratio: [() => new nn.FractionalMaxPool3d([1, 2, 2], { outputRatio: [0.5, 0.6, 0.7], returnIndices: true })],
    instancenorm3d: [() => new nn.InstanceNorm3d(2)],
    instancenorm3d_affine_tracked: [() => new nn.InstanceNorm3d(3, { affine: true, trackRunningStats: true })],
    local_response_norm_3d: [() => new nn.LocalResponseNorm(3)],
    local_response_norm_4d: [() => new nn.LocalResponseNorm(2, 0.01, 0.5, 2.0)],
    local_response_norm_5d: [() => new nn.LocalResponseNorm(4, 0.1)],
    cross_map_lrn2d: [() => new nn.CrossMapLRN2d(3, 0.01)],
    cross_map_lrn2d_even: [() => new nn.CrossMapLRN2d(4, 0.1, 0.6, 2)],
    hardshrink: [() => new nn.Hardshrink()],
    softshrink: [() => new nn.Softshrink(0.3)],
    softmax2d: [() => new nn.Softmax2d()],
    softmax2d_unbatched: [() => new nn.Softmax2d()],
    channel_shuffle: [() => new nn.ChannelShuffle(2)],
    channel_shuffle_3: [() => new nn.ChannelShuffle(3)],
    unfold: [() => new nn.Unfold(2, { padding: 1, stride: [1, 2] })],
    unfold_dilation_unbatched: [() => new nn.Unfold([2, 3], { dilation: [2, 1] })],
    fold: [() => new nn.Fold([4, 5], 2)],
    fold_stride_pad_dil: [() => new nn.Fold([5, 6], [2, 3], { dilation: [1, 2], padding: 1, stride: 2 })],
    fold_unbatched_uneven: [() => new nn.Fold([5, 5], 2, { stride: 2 })],
    conv_transpose3d: [() => new nn.ConvTranspose3d(2, 3, 2, { stride: 2 })],
    conv_transpose3d_groups: [() => new nn.ConvTranspose3d(4, 6, [2, 1, 3], { stride: [1, 2, 1], padding: [0, 0, 1], outputPadding: [0, 1, 0], groups: 2, dilation: [2, 1, 1] })],
    conv_transpose3d_unbatched_nobias: [() => new nn.ConvTranspose3d(2, 2, 3, { padding: 1, bias: false })],
    dropout1d: [() => new nn.Dropout1d(0.4)],
    dropout1d_unbatched: [() => new nn.Dropout1d()],
    dropout3d: [() => new nn.Dropout3d(0.3)],
    dropout3d_unbatched: [() => new nn.Dropout3d(0.6)],
    alpha_dropout: [() => new nn.AlphaDropout(0.3)],
    feature_alpha_dropout: [() => new nn.FeatureAlphaDropout(0.2)],
    rrelu: [() => new nn.RReLU()],
    rrelu_bounds: [() => new nn.RReLU(0.05, 0.6)],
  };

  const funcs: Record<string, Fn> = {
    pad_reflect_1d: (x) => F.pad(x!, [2, 1], 'reflect'),
    pad_replicate_2d_unbatched: (x) => F.pad(x!, [1, 2, 0, 3], 'replicate'),
    pad_reflect_3d_unbatched: (x) => F.pad(x!, [1, 1, 0, 2, 1, 0], 'reflect'),
    pad_circular_1d: (x) => F.pad(x!, [2, 3], 'circular'),
    pad_circular_2d: (x) => F.pad(x!, [1, 0, 2, 2], 'circular'),
    pad_circular_3d_crop: (x) => F.pad(x!, [-1, 1, 1, 1, 0, 2], 'circular'),
    pad_replicate_2d_empty_output: (x) => F.pad(x!, [0, 0, -2, -1], 'replicate'),
    pad_reflect_batch_zero: (x) => F.pad(x!, [1, 1], 'reflect'),
    pad_circular_crop_all: (x) => F.pad(x!, [-3, 0], 'circular'),
    pad_replicate_value_zero: (x) => F.pad(x!, [1, 1], 'replicate', 0),
    hardshrink_lambd: (x) => F.hardshrink(x!, 1.2),
    softshrink_zero: (x) => F.softshrink(x!, 0),
    logsigmoid: (x) => F.logsigmoid(x!),
    hardtanh_: (x) => F.hardtanh_(x!.clone(), -0.5, 0.8),
    threshold_: (x) => F.threshold_(x!.clone(), 0.2, -3.0),
    adaptive_max_pool1d_indices: (x) => F.adaptiveMaxPool1dWithIndices(x!, 5),
    adaptive_max_pool1d_grow: (x) => F.adaptiveMaxPool1d(x!, 6),
    lp_pool1d: (x) => F.lpPool1d(x!, 2.0, 3),
    lp_pool2d_ceil: (x) => F.lpPool2d(x!, 2, [3, 2], [2, 1], true),
    max_unpool1d: (x) => F.maxUnpool1d(...maxPool1dWithIndices(x!, 3, 2), 3, { stride: 2 }),
    max_unpool2d_unbatched: (x) => F.maxUnpool2d(...F.maxPool2dWithIndices(x!, 2), 2),
    max_unpool3d_size: (x) => F.maxUnpool3d(...F.maxPool3dWithIndices(x!, 2), 2, { outputSize: [1, 2, 5, 5, 3] }),
    fractional_max_pool2d_samples: (x, u) => F.fractionalMaxPool2dWithIndices(x!, 2, { outputSize: 3, randomSamples: u! }),
    fractional_max_pool3d_samples: (x, u) => F.fractionalMaxPool3dWithIndices(x!, [2, 1, 2], { outputSize: [2, 3, 3], randomSamples: u! }),
    fractional_max_pool2d_unbatched_samples: (x, u) => F.fractionalMaxPool2d(x!, 3, { outputRatio: [0.5, 0.7], randomSamples: u! }),
    local_response_norm: (x) => F.localResponseNorm(x!, 3, 0.05, 0.6, 1.5),
    channel_shuffle: (x) => F.channelShuffle(x!, 3),
    unfold: (x) => F.unfold(x!, [3, 2], { dilation: [1, 2], padding: [1, 0], stride: [2, 1] }),
    fold: (x) => F.fold(x!, [5, 4], 3, { padding: 1 }),
    conv_transpose3d: (x, w, b) => F.convTranspose3d(x!, w!, b, { stride: 2, padding: 1, outputPadding: 1 }),
    conv_transpose3d_unbatched: (x, w) => F.convTranspose3d(x!, w!, null, { groups: 2, dilation: 2 }),
    pdist: (x) => F.pdist(x!),
    pdist_p1: (x) => F.pdist(x!, 1),
    pdist_p3: (x) => F.pdist(x!, 3.5),
    pdist_inf: (x) => F.pdist(x!, Infinity),
    pdist_p0: (x) => F.pdist(x!, 0),
    pdist_one_row: (x) => F.pdist(x!),
    upsample_nearest: (x) => F.upsampleNearest(x!, { scaleFactor: 2 }),
    upsample_bilinear: (x) => F.upsampleBilinear(x!, { size: [5, 4] }),
    upsample_linear: (x) => F.upsample(x!, { size: 7, mode: 'linear' }),
    affine_grid_2d: (t) => F.affineGrid(t!, [2, 3, 4, 5], false),
    affine_grid_2d_align: (t) => F.affineGrid(t!, [1, 1, 3, 2], true),
    affine_grid_3d: (t) => F.affineGrid(t!, [2, 1, 2, 3, 4], false),
    affine_grid_3d_align_unit: (t) => F.affineGrid(t!, [1, 2, 1, 3, 2], true),
    ...Object.fromEntries(
      (['zeros', 'border', 'reflection'] as const).flatMap((pm) =>
        [false, true].flatMap((ac): [string, Fn][] => [
          [`grid_sample_bilinear_${pm}_${+ac}`, (x, g) => F.gridSample(x!, g!, { mode: 'bilinear', paddingMode: pm, alignCorners: ac })],
          [`grid_sample_nearest_${pm}_${+ac}`, (x, g) => F.gridSample(x!, g!, { mode: 'nearest', paddingMode: pm, alignCorners: ac })],
          [`grid_sample_3d_${pm}_${+ac}`, (x, g) => F.gridSample(x!, g!, { paddingMode: pm, alignCorners: ac })],
          [`grid_sample_bicubic_${pm}_${+ac}`, (x, g) => F.gridSample(x!, g!, { mode: 'bicubic', paddingMode: pm, alignCorners: ac })],
        ]),
      ),
    ),
    grid_sample_3d_nearest: (x, g) => F.gridSample(x!, g!, { mode: 'nearest', alignCorners: false }),
    grid_sample_affine: (x, t) => F.gridSample(x!, F.affineGrid(t!, [1, 2, 5, 4], false), { alignCorners: false }),
    alpha_dropout_eval: (x) => F.alphaDropout(x!, 0.5),
    dropout1d_eval: (x) => F.dropout1d(x!, 0.5, false),
  };

  const random: Record<string, Fn> = {
    alpha_dropout: (x) => F.alphaDropout(x!, 0.25, true),
    alpha_dropout_p1: (x) => F.alphaDropout(x!, 1.0, true),
    feature_alpha_dropout: (x) => F.featureAlphaDropout(x!, 0.5, true),
    feature_alpha_dropout_2d: (x) => F.featureAlphaDropout(x!, 0.3, true),
    dropout1d: (x) => F.dropout1d(x!, 0.5),
    dropout3d_inplace: (x) => F.dropout3d(x!, 0.4, true, true),
    rrelu_train: (x) => F.rrelu(x!, 0.1, 0.4, true),
    rrelu_inplace: (x) => F.rrelu_(x!, 0.2, 0.2, true),
    rrelu_eval: (x) => F.rrelu(x!, 0.1, 0.4),
    leaky_relu_float32: (x) => F.leakyRelu(x!, 0.2),
    gumbel_softmax: (x) => F.gumbelSoftmax(x!, { tau: 0.7 }),
    gumbel_softmax_hard_dim0: (x) => F.gumbelSoftmax(x!, { hard: true, dim: 0 }),
    fractional_max_pool2d: (x) => F.fractionalMaxPool2dWithIndices(x!, 2, { outputSize: [3, 4] }),
    fractional_max_pool3d_ratio: (x) => F.fractionalMaxPool3dWithIndices(x!, 2, { outputRatio: 0.5 }),
  };

  const gradFns: Record<string, () => Tensor> = {
    pad_reflect_1d: () => F.pad(rg(2, 3, 5), [1, 1], 'reflect'),
    pad_reflect_2d: () => F.pad(rg(2, 3, 5), [1, 1, 1, 1], 'reflect'),
    pad_reflect_3d: () => F.pad(rg(1, 2, 3, 3, 3), [1, 1, 1, 1, 1, 1], 'reflect'),
    pad_replicate_1d: () => F.pad(rg(2, 3, 5), [1, 1], 'replicate'),
    pad_replicate_2d: () => F.pad(rg(2, 3, 5), [1, 1, 1, 1], 'replicate'),
    pad_replicate_3d: () => F.pad(rg(1, 2, 3, 3, 3), [1, 1, 1, 1, 1, 1], 'replicate'),
    hardshrink: () => F.hardshrink(rg(3, 4)),
    softshrink: () => F.softshrink(rg(3, 4)),
    logsigmoid: () => F.logsigmoid(rg(3, 4)),
    unfold: () => F.unfold(rg(1, 2, 4, 4), 2),
    fold: () => F.fold(rg(1, 8, 9), [4, 4], 2),
    max_unpool2d: () => F.maxUnpool2d(...F.maxPool2dWithIndices(rg(1, 2, 4, 4), 2), 2),
    max_unpool3d: () => F.maxUnpool3d(...F.maxPool3dWithIndices(rg(1, 2, 4, 4, 2), 2), 2),
    max_unpool1d: () => F.maxUnpool1d(...maxPool1dWithIndices(rg(1, 2, 4), 2), 2),
    fractional_max_pool2d: () => F.fractionalMaxPool2d(rg(1, 2, 6, 6), 2, { outputSize: 3 }),
    fractional_max_pool3d: () => F.fractionalMaxPool3d(rg(1, 2, 5, 5, 5), 2, { outputSize: 3 }),
    adaptive_max_pool1d: () => F.adaptiveMaxPool1d(rg(2, 3, 8), 3),
    pdist: () => F.pdist(rg(4, 3)),
    conv_transpose3d: () => F.convTranspose3d(rg(1, 2, 2, 2, 2), rg(2, 3, 2, 2, 2)),
    affine_grid: () => F.affineGrid(rg(1, 2, 3), [1, 1, 3, 3], false),
    grid_sample_2d: () => F.gridSample(rg(1, 2, 3, 3), rg(1, 2, 2, 2), { alignCorners: false }),
    grid_sample_3d: () => F.gridSample(rg(1, 2, 3, 3, 3), rg(1, 2, 2, 2, 3), { alignCorners: false }),
    dropout1d_unbatched: () => F.dropout1d(rg(3, 4), 0.5),
    dropout3d: () => F.dropout3d(rg(1, 2, 2, 2, 2), 0.5),
    alpha_dropout: () => F.alphaDropout(rg(3, 4), 0.5, true),
    local_response_norm: () => F.localResponseNorm(rg(1, 4, 3), 2),
    lp_pool2d: () => F.lpPool2d(rg(1, 2, 4, 4), 2, 2),
    rrelu_train: () => F.rrelu(rg(3, 4), 1 / 8, 1 / 3, true),
    rrelu_eval: () => F.rrelu(rg(3, 4)),
    gumbel_softmax: () => F.gumbelSoftmax(rg(3, 4)),
    gumbel_softmax_hard: () => F.gumbelSoftmax(rg(3, 4), { hard: true }),
  };
  return { builders, funcs, random, gradFns };
}
