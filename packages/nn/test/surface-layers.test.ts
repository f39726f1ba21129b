// The nn surface added for issue #11 against real PyTorch (tools/golden/nn_surface_layers.py):
// layers (seeded init bit for bit, repr, forward/backward; random layers replay PyTorch's
// stream bit for bit), functional forms with gradients, random functional calls bit for
// bit, and error classes and messages.
import { describe, expect, it } from 'vitest';
import * as core from '@antorcha/core';
import { type Tensor, TorchError, arange, manualSeed, randn, setRngCompat, tensor, zeros } from '@antorcha/core';
import { grad, gradcheck, gradgradcheck } from '@antorcha/autograd';
import { nn, optim, utils } from '../src/index.js';
import { plain } from './cases/layers.js';
import { type FuncCase, type RandomCase, surfaceLayerCases } from './cases/surface-layers.js';
import { type LayerCase as Case, checkState, decode, expectClose, fixture, flatOutputs } from './helpers.js';

const F = nn.functional;

interface ErrorCase {
  name: string;
  type: string;
  message: string;
}

const fx = fixture<{ cases: Case[]; functional: FuncCase[]; random: RandomCase[]; errors: ErrorCase[]; grad_fns: Record<string, string> }>('nn_surface_layers.json');
const { builders: BUILDERS, funcs: FUNCS, random: RANDOM, gradFns: GRAD_FNS } = surfaceLayerCases({ ...core, nn, optim, utils }, (...s) => randn(s, { requiresGrad: true }));

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
