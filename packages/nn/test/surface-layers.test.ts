// The nn surface added for issue #11 against real PyTorch (tools/golden/nn_surface_layers.py):
// layers (seeded init bit for bit, repr, forward/backward; random layers replay PyTorch's
// stream bit for bit), functional forms with gradients, random functional calls bit for
// bit, and error classes and messages.
import { describe, expect, it } from 'vitest';
import { type Tensor, TorchError, arange, manualSeed, randn, setRngCompat, tensor, zeros } from '@antorcha/core';
import { grad, gradcheck, gradgradcheck } from '@antorcha/autograd';
import { nn } from '../src/index.js';
import { type EncodedExact, type EncodedResult, type LayerCall as Call, type LayerCase as Case, checkState, compareExact, decode, expectClose, fixture, flatOutputs } from './helpers.js';

const F = nn.functional;


interface FuncCase {
  name: string;
  inputs: EncodedResult[];
  requires_grad: boolean[];
  outputs: EncodedResult[];
  out_grads?: EncodedResult[];
  input_grads?: (EncodedResult | null)[];
}

interface RandomCase {
  name: string;
  seed: number;
  inputs: EncodedResult[];
  outputs: EncodedResult[];
}

interface ErrorCase {
  name: string;
  type: string;
  message: string;
}

const fx = fixture<{ cases: Case[]; functional: FuncCase[]; random: RandomCase[]; errors: ErrorCase[]; grad_fns: Record<string, string> }>('nn_surface_layers.json');

type Run = (m: nn.Module, xs: Tensor[]) => unknown;
const plain: Run = (m, xs) => m.call(...xs);

/** F.max_pool1d(x, k, return_indices=True) through the 2-D pooling. */
function maxPool1dWithIndices(x: Tensor, k: number, stride = k): [Tensor, Tensor] {
  const [v, i] = F.maxPool2dWithIndices(x.unsqueeze(-2), [1, k], { stride: [1, stride] });
  return [v.squeeze(-2), i.squeeze(-2)];
}

const BUILDERS: Record<string, [() => nn.Module, Run?]> = {
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

type Fn = (...xs: Tensor[]) => unknown;
const FUNCS: Record<string, Fn> = {
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

const RANDOM: Record<string, Fn> = {
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

const r = (...s: number[]): Tensor => randn(s);
const pool2 = (): [Tensor, Tensor] => F.maxPool2dWithIndices(r(1, 2, 4, 4), 2);
const x3 = (): Tensor => r(1, 2, 3);
const x4 = (): Tensor => r(1, 2, 3, 4);
const x5 = (): Tensor => r(1, 2, 3, 4, 5);
const ERRORS: Record<string, () => unknown> = {
  pad_reflect_too_large_1d: () => F.pad(x3(), [3, 3], 'reflect'),
  pad_reflect_too_large_2d_h: () => F.pad(x4(), [1, 1, 5, 5], 'reflect'),
  pad_reflect_too_large_2d_w: () => F.pad(x4(), [4, 1, 1, 1], 'reflect'),
  pad_reflect_too_large_3d: () => F.pad(x5(), [1, 1, 1, 1, 3, 3], 'reflect'),
  pad_odd_length: () => F.pad(x3(), [1], 'reflect'),
  pad_too_long: () => F.pad(x3(), new Array<number>(8).fill(1), 'reflect'),
  pad_circular_wrap: () => F.pad(x3(), [4, 4], 'circular'),
  pad_circular_unbatched: () => F.pad(r(2, 3), [1, 1], 'circular'),
  pad_replicate_value: () => F.pad(x3(), [1, 1], 'replicate', 2.0),
  pad_bad_mode: () => F.pad(x3(), [1, 1], 'foo' as 'reflect'),
  pad_reflect_bad_dims: () => F.pad(r(2, 3, 4, 5, 6), [1, 1], 'reflect'),
  pad_replicate_1d_empty_output: () => F.pad(x3(), [-2, -1], 'replicate'),
  pad_reflect_1d_empty_output: () => F.pad(x3(), [-2, -1], 'reflect'),
  pad_replicate_empty_input: () => F.pad(r(1, 0, 3), [1, 1], 'replicate'),
  pad_reflect_empty_input: () => F.pad(r(1, 2, 0, 3), [1, 1, 0, 0], 'reflect'),
  pad_reflect_3d_empty_input: () => F.pad(r(1, 2, 3, 0, 3), [1, 1, 0, 0, 0, 0], 'reflect'),
  softshrink_negative: () => F.softshrink(x3(), -1.0),
  hardshrink_int: () => F.hardshrink(x3().to('int64')),
  adaptive_max_pool1d_1d: () => F.adaptiveMaxPool1d(r(3), 2),
  adaptive_max_pool1d_two_sizes: () => F.adaptiveMaxPool1d(x3(), [2, 3]),
  max_unpool2d_shape: () => {
    const [y, i] = pool2();
    return F.maxUnpool2d(y, i.narrow(1, 0, 1), 2);
  },
  max_unpool2d_bad_index: () => {
    const [y, i] = F.maxPool2dWithIndices(arange(16, { dtype: 'float32' }).view(1, 1, 4, 4), 2);
    return F.maxUnpool2d(y, i.mul(10), 2);
  },
  max_unpool2d_output_size: () => F.maxUnpool2d(...pool2(), 2, { outputSize: [9, 9] }),
  max_unpool2d_output_size_len: () => F.maxUnpool2d(...pool2(), 2, { outputSize: [4, 4, 4] }),
  max_unpool2d_int32: () => {
    const [y, i] = pool2();
    return F.maxUnpool2d(y, i.to('int32'), 2);
  },
  max_unpool2d_2d_input: () => {
    const [y, i] = pool2();
    return F.maxUnpool2d(y.select(0, 0).select(0, 0), i.select(0, 0).select(0, 0), 2);
  },
  fractional_no_size: () => F.fractionalMaxPool2d(x4(), 2),
  fractional_too_large: () => F.fractionalMaxPool2d(x4(), 2, { outputSize: 4 }),
  fractional_too_large_w: () => F.fractionalMaxPool2d(x4(), [1, 3], { outputSize: [2, 3] }),
  fractional3d_too_large: () => F.fractionalMaxPool3d(x5(), 2, { outputSize: [3, 2, 2] }),
  lp_pool2d_too_small: () => F.lpPool2d(x4(), 2, 5),
  local_response_norm_2d: () => F.localResponseNorm(r(2, 3), 2),
  channel_shuffle_divisible: () => F.channelShuffle(r(1, 4, 2), 3),
  channel_shuffle_dims: () => F.channelShuffle(r(2, 4), 2),
  channel_shuffle_zero: () => F.channelShuffle(r(1, 4, 2), 0),
  pdist_dims: () => F.pdist(x4()),
  pdist_negative_p: () => F.pdist(r(3, 2), -1),
  unfold_kernel_zero: () => F.unfold(x4(), 0),
  unfold_too_large: () => F.unfold(x4(), 6),
  unfold_stride_zero: () => F.unfold(x4(), 2, { stride: 0 }),
  unfold_dilation_zero: () => F.unfold(x4(), 2, { dilation: 0 }),
  unfold_padding_negative: () => F.unfold(x4(), 2, { padding: -1 }),
  unfold_5d: () => F.unfold(x5(), 2),
  fold_not_divisible: () => F.fold(r(2, 5, 12), [4, 5], 2),
  fold_blocks_mismatch: () => F.fold(r(2, 12, 10), [4, 5], 2),
  fold_1d: () => F.fold(r(12), [4, 5], 2),
  conv_transpose3d_channels: () => F.convTranspose3d(r(1, 2, 3, 3, 3), r(3, 2, 2, 2, 2)),
  conv_transpose3d_output_padding: () => F.convTranspose3d(r(1, 2, 3, 3, 3), r(2, 2, 2, 2, 2), null, { outputPadding: 1 }),
  affine_grid_int: () => F.affineGrid(zeros([1, 2, 3], { dtype: 'int64' }), [1, 1, 2, 2], false),
  affine_grid_shape: () => F.affineGrid(zeros([1, 3, 3]), [1, 1, 2, 2], false),
  affine_grid_shape_3d: () => F.affineGrid(zeros([1, 2, 3]), [1, 1, 2, 2, 2], false),
  affine_grid_size_len: () => F.affineGrid(zeros([1, 2, 3]), [1, 2, 2], false),
  affine_grid_size_zero: () => F.affineGrid(zeros([1, 2, 3]), [1, 0, 2, 2], false),
  grid_sample_mode: () => F.gridSample(x4(), zeros([1, 2, 2, 2]), { mode: 'linear' as 'nearest', alignCorners: false }),
  grid_sample_padding: () => F.gridSample(x4(), zeros([1, 2, 2, 2]), { paddingMode: 'wrap' as 'zeros', alignCorners: false }),
  grid_sample_dims: () => F.gridSample(x4(), zeros([1, 2, 2]), { alignCorners: false }),
  grid_sample_batch: () => F.gridSample(x4(), zeros([2, 2, 2, 2]), { alignCorners: false }),
  grid_sample_last_dim: () => F.gridSample(x4(), zeros([1, 2, 2, 3]), { alignCorners: false }),
  grid_sample_bicubic_3d: () => F.gridSample(x5(), zeros([1, 2, 2, 2, 3]), { mode: 'bicubic', alignCorners: false }),
  dropout1d_dims: () => F.dropout1d(x4()),
  alpha_dropout_p: () => F.alphaDropout(x3(), 1.5, true),
  dropout3d_p: () => F.dropout3d(x5(), -0.1),
  feature_alpha_dropout_1d: () => F.featureAlphaDropout(r(4), 0.5, true),
  instancenorm3d_dims: () => new nn.InstanceNorm3d(2).call(x3()),
  rrelu_bounds: () => F.rrelu(x3(), 0.5, 0.2, true),
  rrelu_int: () => F.rrelu(x3().to('int64'), 1 / 8, 1 / 3, true),
  softmax2d_dims: () => new nn.Softmax2d().call(r(2, 3)),
  cross_map_lrn2d_dims: () => new nn.CrossMapLRN2d(3).call(r(2, 3, 4)),
  fractional_module_no_size: () => new nn.FractionalMaxPool2d(2),
  fractional_module_both: () => new nn.FractionalMaxPool2d(2, { outputSize: 2, outputRatio: 0.5 }),
  fractional_module_ratio: () => new nn.FractionalMaxPool2d(2, { outputRatio: 1.5 }),
};


const EXACT = { rtol: 0, atol: 0 };
const GUMBEL_TOL = { rtol: 1e-6, atol: 1e-7 };

describe('surface layers vs PyTorch', () => {
  setRngCompat('1.13');
  it('has a builder for every fixture case', () => {
    expect(fx.cases.map((c) => c.name).filter((n) => !(n in BUILDERS))).toEqual([]);
  });

  for (const c of fx.cases) {
    const [make, run = plain] = BUILDERS[c.name] ?? [() => new nn.Identity()];
    it(`${c.name}: default init and repr`, () => {
      manualSeed(c.seed);
      const m = make();
      checkState(m.stateDict(), c.init, `seed ${c.seed}`);
      expect(m.toString()).toBe(c.repr);
      for (const [seed, want] of Object.entries(c.inits)) {
        manualSeed(Number(seed));
        checkState(make().stateDict(), want, `seed ${seed}`);
      }
    });

    it(`${c.name}: forward/backward (${c.calls.map((x) => x.mode).join(', ')})`, () => {
      manualSeed(c.seed);
      const m = make();
      const float32 = c.calls[0]!.inputs.some((x) => x.dtype === 'float32');
      if (!float32) m.double();
      if (float32) manualSeed(100 + c.seed);
      for (const [ci, call] of c.calls.entries()) {
        const label = `${c.name} call ${ci} (${call.mode})`;
        m.train(call.mode === 'train');
        // float32 cases replay PyTorch's stream: inputs, the layer's draws, output gradients.
        const xs = call.inputs.map((e) => (float32 ? randn(e.shape) : decode(e)));
        xs.forEach((x, i) => expectClose(x, call.inputs[i]!, `${label} input ${i}`, EXACT));
        for (const x of xs) if (x.dtype.isFloatingPoint) x.requiresGrad_(true);
        const outs = flatOutputs(run(m, xs));
        expect(outs.length, `${label}: number of outputs`).toBe(call.outputs.length);
        outs.forEach((o, i) => expectClose(o, call.outputs[i]!, `${label} output ${i}`, float32 ? EXACT : undefined));
        if (!call.out_grads) continue;
        const diff = outs.filter((o) => o.dtype.isFloatingPoint && o.requiresGrad);
        const gs = call.out_grads.map((e) => (float32 ? randn(e.shape) : decode(e)));
        let loss = diff[0]!.mul(gs[0]!).sum();
        for (let i = 1; i < diff.length; i++) loss = loss.add(diff[i]!.mul(gs[i]!).sum());
        const floatXs = xs.filter((x) => x.dtype.isFloatingPoint);
        const named = m.namedParameters();
        const grads = grad([loss], [...floatXs, ...named.map(([, p]) => p)], { allowUnused: true });
        floatXs.forEach((_, i) => {
          const want = call.input_grads![i];
          if (want === null) expect(grads[i], `${label} input grad ${i}`).toBeNull();
          else expectClose(grads[i]!, want!, `${label} input grad ${i}`, float32 ? EXACT : undefined);
        });
        named.forEach(([name], j) => {
          const want = call.param_grads![name];
          const g = grads[floatXs.length + j];
          if (want === null || want === undefined) expect(g ?? null, `${label} grad of ${name}`).toBeNull();
          else expectClose(g!, want, `${label} grad of ${name}`);
        });
      }
      const sd = m.stateDict();
      expect(Object.keys(sd)).toEqual(Object.keys(c.state!));
      for (const [k, e] of Object.entries(c.state!)) expectClose(sd[k]!, e, `${c.name} state ${k}`);
    });
  }
});

describe('surface functional vs PyTorch', () => {
  it('has a call for every fixture case', () => {
    expect(fx.functional.map((c) => c.name).filter((n) => !(n in FUNCS))).toEqual([]);
    expect(fx.random.map((c) => c.name).filter((n) => !(n in RANDOM))).toEqual([]);
    expect(fx.errors.map((c) => c.name).filter((n) => !(n in ERRORS))).toEqual([]);
  });

  for (const c of fx.functional) {
    it(`F ${c.name}`, () => {
      const xs = c.inputs.map((e, i) => {
        const x = decode(e);
        return c.requires_grad[i] ? x.requiresGrad_(true) : x;
      });
      const outs = flatOutputs(FUNCS[c.name]!(...xs));
      expect(outs.length, `${c.name}: number of outputs`).toBe(c.outputs.length);
      outs.forEach((o, i) => expectClose(o, c.outputs[i]!, `${c.name} output ${i}`));
      if (!c.out_grads) return;
      const diff = outs.filter((o) => o.dtype.isFloatingPoint && o.requiresGrad);
      const gs = c.out_grads.map(decode);
      let loss = diff[0]!.mul(gs[0]!).sum();
      for (let i = 1; i < diff.length; i++) loss = loss.add(diff[i]!.mul(gs[i]!).sum());
      const wrt = xs.filter((_, i) => c.requires_grad[i]);
      const grads = grad([loss], wrt, { allowUnused: true });
      wrt.forEach((_, i) => {
        const want = c.input_grads![i];
        if (want === null) expect(grads[i] ?? null, `${c.name} input grad ${i}`).toBeNull();
        else expectClose(grads[i]!, want!, `${c.name} input grad ${i}`);
      });
    });
  }

  for (const c of fx.random) {
    it(`F ${c.name} (random, bit for bit)`, () => {
      setRngCompat('1.13');
      manualSeed(c.seed);
      const xs = c.inputs.map((e) => randn(e.shape));
      xs.forEach((x, i) => expectClose(x, c.inputs[i]!, `${c.name} input ${i}`, EXACT));
      const outs = flatOutputs(RANDOM[c.name]!(...xs));
      expect(outs.length).toBe(c.outputs.length);
      // Gumbel softmax: the noise is drawn bit for bit, but float32 log/exp/softmax may differ
      // from PyTorch's vectorised (SLEEF) kernels by an ulp, so its values get float32 rounding slack.
      const tol = c.name.startsWith('gumbel') ? GUMBEL_TOL : EXACT;
      outs.forEach((o, i) => expectClose(o, c.outputs[i]!, `${c.name} output ${i}`, tol));
    });
  }

  for (const c of fx.errors) {
    it(`error ${c.name}`, () => {
      let caught: unknown = null;
      try {
        ERRORS[c.name]!();
      } catch (e) {
        caught = e;
      }
      expect(caught, `${c.name}: no error`).toBeInstanceOf(TorchError);
      const e = caught as TorchError;
      expect(e.message).toBe(c.message);
      expect(e.pythonName).toBe(c.type);
    });
  }
});

const rg = (...s: number[]): Tensor => randn(s, { requiresGrad: true });
const GRAD_FNS: Record<string, () => Tensor> = {
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

describe('surface backward node names as in PyTorch', () => {
  it('covers every case of the fixture', () => {
    expect(Object.keys(GRAD_FNS).sort()).toEqual(Object.keys(fx.grad_fns).sort());
  });
  for (const [name, call] of Object.entries(GRAD_FNS)) {
    it(name, () => {
      const fn = call().gradFn as unknown as { name(): string };
      expect(fn.name()).toBe(fx.grad_fns[name]);
    });
  }
});

describe('surface ops: first and second derivatives (gradcheck, gradgradcheck, float64)', () => {
  const d = (...shape: number[]): Tensor => randn(shape, { dtype: 'float64', requiresGrad: true });
  manualSeed(0);
  const cases: [string, (...xs: Tensor[]) => Tensor, Tensor[]][] = [
    ['pad reflect', (x) => F.pad(x, [2, 1, 1, 1], 'reflect'), [d(1, 2, 3, 4)]],
    ['pad replicate', (x) => F.pad(x, [1, 2], 'replicate'), [d(2, 3)]],
    ['pad circular', (x) => F.pad(x, [1, 2], 'circular'), [d(1, 2, 3)]],
    ['hardshrink', (x) => F.hardshrink(x, 0.3), [d(3, 4)]],
    ['softshrink', (x) => F.softshrink(x, 0.3), [d(3, 4)]],
    ['rrelu (eval)', (x) => F.rrelu(x, 0.1, 0.3), [d(3, 4)]],
    ['unfold', (x) => F.unfold(x, 2, { padding: 1, stride: 2 }), [d(1, 2, 3, 4)]],
    ['fold', (x) => F.fold(x, [3, 4], 2, { padding: 1 }), [d(1, 8, 20)]],
    ['conv_transpose3d', (x, w) => F.convTranspose3d(x, w, null, { stride: 2 }), [d(1, 2, 2, 2, 1), d(2, 1, 2, 1, 2)]],
    ['lp_pool2d', (x) => F.lpPool2d(x, 2, 2), [d(1, 1, 4, 4)]],
    ['local_response_norm', (x) => F.localResponseNorm(x, 3, 0.1), [d(1, 4, 3)]],
    ['pdist', (x) => F.pdist(x), [d(4, 3)]],
    ['max_unpool2d', (x) => F.maxUnpool2d(...F.maxPool2dWithIndices(x, 2), 2), [d(1, 1, 4, 4)]],
    ['adaptive_max_pool1d', (x) => F.adaptiveMaxPool1d(x, 3), [d(1, 2, 7)]],
    ['fractional_max_pool2d', (x) => F.fractionalMaxPool2d(x, 2, { outputSize: 3, randomSamples: tensor([[[0.3, 0.7]]], { dtype: 'float64' }) }), [d(1, 1, 5, 5)]],
    ['affine_grid', (t) => F.affineGrid(t, [1, 1, 3, 4], false), [d(1, 2, 3)]],
    ['grid_sample bilinear', (x, g) => F.gridSample(x, g, { alignCorners: false }), [d(1, 2, 3, 4), d(1, 2, 3, 2)]],
    ['grid_sample bicubic', (x, g) => F.gridSample(x, g, { mode: 'bicubic', paddingMode: 'border', alignCorners: true }), [d(1, 1, 4, 4), d(1, 2, 2, 2)]],
  ];
  for (const [name, fn, inputs] of cases) {
    it(name, () => {
      expect(gradcheck(fn, inputs), `${name}: gradcheck`).toBe(true);
      expect(gradgradcheck(fn, inputs), `${name}: gradgradcheck`).toBe(true);
    }, 60_000);
  }
});
