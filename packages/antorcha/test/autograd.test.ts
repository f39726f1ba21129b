// Autograd through the facade: the seed notebook's activity-1 network, built
// from torch.manualSeed(7) as the notebook does, backpropagates to PyTorch's
// gradients (packages/autograd/test/fixtures/autograd.json, tools/golden/autograd.py).
import { readFileSync } from 'node:fs';
import { type EncodedResult, compareTensor } from '@antorcha/core/testing';
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

interface GraphCase {
  name: string;
  inputs: { storage: number[] }[];
  grads: EncodedResult[];
}
const golden = JSON.parse(readFileSync(new URL('../../autograd/test/fixtures/autograd.json', import.meta.url), 'utf8')) as { graphs: GraphCase[] };
const seed = golden.graphs.find((g) => g.name === 'seed_notebook')!;

const activation = (x: torch.Tensor) => torch.div(1, torch.add(1, torch.exp(x.neg())));

describe('autograd via the facade', () => {
  it('activity-1 network: output.backward() gives PyTorch gradients for W1, W2, B1, B2', () => {
    torch.manualSeed(7);
    const features = torch.randn(1, 3);
    const W1 = torch.randn([3, 2], { requiresGrad: true });
    const W2 = torch.randn([2], { requiresGrad: true });
    const B1 = torch.randn([2], { requiresGrad: true });
    const B2 = torch.randn([], { requiresGrad: true });
    // Same inputs as the golden run.
    [features, W1, W2, B1, B2].forEach((t, i) => expect(Array.from(t.dataSync())).toEqual(seed.inputs[i]!.storage));
    const h1 = activation(torch.mm(features, W1).add(B1));
    const output = torch.sigmoid(h1.matmul(W2).add(B2));
    expect(h1.gradFn!.name()).toBe('MulBackward0');
    expect(output.gradFn!.name()).toBe('SigmoidBackward0');
    output.backward();
    [W1, W2, B1, B2].forEach((p, i) => expect(compareTensor(p.grad!, seed.grads[i]!), `param ${i}`).toBeNull());
  });

  it('exports torch.autograd and the grad-mode functions', () => {
    const x = torch.tensor([1, 2], { dtype: 'float64', requiresGrad: true });
    const [g] = torch.autograd.grad(x.pow(2).sum(), [x]);
    expect(g!.requiresGrad).toBe(false);
    expect(torch.noGrad(() => torch.isGradEnabled())).toBe(false);
    expect(torch.noGrad(() => x.mul(2)).requiresGrad).toBe(false);
    expect(torch.isGradEnabled()).toBe(true);
  });
});
