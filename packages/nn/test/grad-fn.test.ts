// Backward node names of nn functional ops, and of their first next functions, against
// PyTorch (tools/golden/nn_grad_fns.py builds the same calls). Names do not depend on values.
import { type Tensor, ones, rand, randn, tensor, zeros } from '@antorcha/core';
import { gradgradcheck } from '@antorcha/autograd';
import { describe, expect, it } from 'vitest';
import { nn } from '../src/index.js';

const F = nn.functional;
import { fixture } from './helpers.js';

interface Expected {
  grad_fn: string | null;
  next: (string | null)[];
}
const fx = fixture<{ torch: string; cases: Record<string, Expected> }>('nn_grad_fns.json');

/**
 * Where the graph below the top node is shaped differently (the name still matches):
 * matmul of a 1-D input by a 2-D weight is one node here, PyTorch's is mm between
 * an unsqueeze and a squeeze.
 */
const NEXT_DIFFERS = new Set(['linear/1d']);

const rg = (...shape: number[]): Tensor => randn(shape, { requiresGrad: true });
const x = rg(2, 3, 8, 8);
const w = rg(4, 3, 3, 3);
const b = rg(4);
const v = rg(5, 6);
const W = rg(7, 6);
const B = rg(7);
const t = tensor([1, 0, 3, 2, 1]);
const p = rand([5, 6], { requiresGrad: true });
const z = zeros(5, 6);

const CALLS: Record<string, () => Tensor> = {
  'linear/bias': () => F.linear(v, W, B),
  'linear/nobias': () => F.linear(v, W),
  'linear/3d': () => F.linear(rg(2, 5, 6), W, B),
  'linear/1d': () => F.linear(rg(6), W, B),
  'conv2d/bias': () => F.conv2d(x, w, b),
  'conv2d/nobias': () => F.conv2d(x, w),
  'conv2d/unbatched': () => F.conv2d(rg(3, 8, 8), w),
  conv1d: () => F.conv1d(rg(2, 3, 9), rg(4, 3, 3)),
  conv_transpose2d: () => F.convTranspose2d(rg(1, 3, 4, 4), rg(3, 2, 3, 3)),
  max_pool2d: () => F.maxPool2d(x, 2),
  'max_pool2d/unbatched': () => F.maxPool2d(rg(3, 8, 8), 2),
  max_pool1d: () => F.maxPool1d(rg(2, 3, 8), 2),
  avg_pool2d: () => F.avgPool2d(x, 2),
  avg_pool1d: () => F.avgPool1d(rg(2, 3, 8), 2),
  'adaptive_avg_pool2d/1': () => F.adaptiveAvgPool2d(x, 1),
  'adaptive_avg_pool2d/2': () => F.adaptiveAvgPool2d(x, 2),
  adaptive_max_pool2d: () => F.adaptiveMaxPool2d(x, 2),
  'batch_norm/train': () => F.batchNorm(x, zeros(3), ones(3), { weight: rg(3), bias: rg(3), training: true }),
  'batch_norm/eval': () => F.batchNorm(x, zeros(3), ones(3), { weight: rg(3), bias: rg(3), training: false }),
  layer_norm: () => F.layerNorm(v, [6], { weight: rg(6), bias: rg(6) }),
  group_norm: () => F.groupNorm(rg(2, 4, 3), 2),
  cross_entropy: () => F.crossEntropy(v, t),
  nll_loss: () => F.nllLoss(F.logSoftmax(v, 1), t),
  'nll_loss/4d': () => F.nllLoss(rg(2, 3, 4, 4), zeros([2, 4, 4], { dtype: 'int64' })),
  mse_loss: () => F.mseLoss(v, z),
  'mse_loss/none': () => F.mseLoss(v, z, { reduction: 'none' }),
  l1_loss: () => F.l1Loss(v, z),
  binary_cross_entropy: () => F.binaryCrossEntropy(p, rand(5, 6)),
  binary_cross_entropy_with_logits: () => F.binaryCrossEntropyWithLogits(v, rand(5, 6)),
  smooth_l1_loss: () => F.smoothL1Loss(v, z),
  huber_loss: () => F.huberLoss(v, z),
  kl_div: () => F.klDiv(F.logSoftmax(v, 1), F.softmax(randn(5, 6), 1), { reduction: 'batchmean' }),
  softmax: () => F.softmax(v, 1),
  log_softmax: () => F.logSoftmax(v, 1),
  relu: () => F.relu(v),
  gelu: () => F.gelu(v),
  silu: () => F.silu(v),
  leaky_relu: () => F.leakyRelu(v),
  elu: () => F.elu(v),
  softplus: () => F.softplus(v),
  hardtanh: () => F.hardtanh(v),
  'dropout/train': () => F.dropout(v, 0.5, true),
  embedding: () => F.embedding(t, W),
  pad: () => F.pad(v, [1, 1]),
  hardswish: () => F.hardswish(v),
  hardsigmoid: () => F.hardsigmoid(v),
  mish: () => F.mish(v),
  selu: () => F.selu(v),
  celu: () => F.celu(v),
  softsign: () => F.softsign(v),
  tanhshrink: () => F.tanhshrink(v),
  threshold: () => F.threshold(v, 0.1, 20.0),
  glu: () => F.glu(v),
  prelu: () => F.prelu(v, tensor([0.25], { requiresGrad: true })),
  'interpolate/nearest2d': () => F.interpolate(x, { scaleFactor: 2 }),
  'interpolate/bilinear2d': () => F.interpolate(x, { size: [5, 7], mode: 'bilinear' }),
  'interpolate/nearest1d': () => F.interpolate(rg(2, 3, 5), { size: 8 }),
  pixel_shuffle: () => F.pixelShuffle(rg(1, 8, 2, 3), 2),
  pixel_unshuffle: () => F.pixelUnshuffle(rg(1, 2, 4, 6), 2),
  conv_transpose1d: () => F.convTranspose1d(rg(2, 3, 5), rg(3, 2, 3), null, { stride: 2 }),
  'interpolate/linear1d': () => F.interpolate(rg(2, 3, 5), { scaleFactor: 1.5, mode: 'linear' }),
};

describe(`backward node names as in PyTorch ${fx.torch}`, () => {
  it('covers every case of the fixture', () => {
    expect(Object.keys(CALLS).sort()).toEqual(Object.keys(fx.cases).sort());
  });
  for (const [name, call] of Object.entries(CALLS)) {
    it(name, () => {
      const e = fx.cases[name]!;
      const fn = call().gradFn as unknown as { name(): string; nextFunctions: [{ name(): string } | null, number][] };
      expect(fn.name()).toBe(e.grad_fn);
      if (!NEXT_DIFFERS.has(name)) expect(fn.nextFunctions.map(([n]) => (n === null ? null : n.name()))).toEqual(e.next);
    });
  }
});

describe('fused nn ops: second-order gradients (gradgradcheck, float64)', () => {
  const d = (...shape: number[]): Tensor => randn(shape, { dtype: 'float64', requiresGrad: true });
  const cases: [string, (...xs: Tensor[]) => Tensor, Tensor[]][] = [
    ['mse_loss', (a, b) => F.mseLoss(a, b), [d(3, 4), d(3, 4)]],
    ['conv2d', (x, w, b) => F.conv2d(x, w, b, { padding: 1 }), [d(1, 2, 4, 4), d(3, 2, 3, 3), d(3)]],
    ['batch_norm (training)', (x, w, b) => F.batchNorm(x, null, null, { weight: w, bias: b, training: true }), [d(4, 3), d(3), d(3)]],
    ['layer_norm', (x, w) => F.layerNorm(x, [4], { weight: w }), [d(3, 4), d(4)]],
    ['cross_entropy', (x) => F.crossEntropy(x, tensor([2, 0, 1])), [d(3, 4)]],
    ['max_pool2d', (x) => F.maxPool2d(x, 2), [d(1, 1, 4, 4)]],
    ['mish', (x) => F.mish(x), [d(3, 4)]],
    ['glu', (x) => F.glu(x, 1), [d(3, 4)]],
    ['prelu', (x, w) => F.prelu(x, w), [d(2, 3, 4), d(3)]],
    ['celu', (x) => F.celu(x, 0.7), [d(3, 4)]],
  ];
  for (const [name, fn, inputs] of cases) {
    it(name, () => expect(gradgradcheck(fn, inputs)).toBe(true));
  }
});
