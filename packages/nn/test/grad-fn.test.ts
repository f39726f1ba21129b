// Backward node names of nn functional ops, and of their first next functions, against
// PyTorch (tools/golden/nn_grad_fns.py builds the same calls). Names do not depend on values.
import * as core from '@antorcha/core';
import { type Tensor, randn, tensor } from '@antorcha/core';
import { gradgradcheck } from '@antorcha/autograd';
import { describe, expect, it } from 'vitest';
import { nn, optim, utils } from '../src/index.js';
import { NEXT_DIFFERS, gradFnCalls } from './cases/grad-fns.js';

const F = nn.functional;
import { fixture } from './helpers.js';

interface Expected {
  grad_fn: string | null;
  next: (string | null)[];
}
const fx = fixture<{ torch: string; cases: Record<string, Expected> }>('nn_grad_fns.json');

const CALLS = gradFnCalls({ ...core, nn, optim, utils }, 'cpu');

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
  // Full slow-mode second-order Jacobians: seconds each on a loaded 2-CPU machine.
  for (const [name, fn, inputs] of cases) {
    it(name, () => expect(gradgradcheck(fn, inputs)).toBe(true), 30_000);
  }
});
