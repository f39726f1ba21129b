// Composite graphs against real PyTorch: loss, gradients (float32, within twice
// PyTorch's own rounding error plus the default float32 tolerance), node names
// breadth-first along nextFunctions, and printed reprs.
import './setup.js';
import * as torch from '@antorcha/core';
import type { Tensor } from '@antorcha/core';
import { compareTensor } from '@antorcha/core/testing';
import { describe, expect, it } from 'vitest';
import { grad } from '../src/index.js';
import { fixture, graphNames, input } from './golden.js';

type Build = (...t: Tensor[]) => [Tensor, Record<string, Tensor>];

const activation = (x: Tensor) => torch.div(1, torch.add(1, torch.exp(x.neg())));

/** The same graphs as tools/golden/autograd.py builds. */
const BUILDS: Record<string, Build> = {
  mlp: (x, w1, b1, w2, b2, w3, b3) => {
    const h1 = torch.sigmoid(x!.matmul(w1!).add(b1!));
    const h2 = torch.tanh(h1.matmul(w2!).add(b2!));
    const out = torch.relu(h2.matmul(w3!).add(b3!));
    return [out.pow(2).mean(), { h1, out }];
  },
  softmax_log: (z, t) => {
    const p = torch.softmax(z!, 1);
    const loss = torch.log(p).mul(t!).sum(1).mean().neg();
    return [loss, { p, loss }];
  },
  log_softmax_nll: (z) => {
    // The golden script's target classes.
    const target = torch.tensor([[2], [0], [1], [1]]);
    const lsm = torch.logSoftmax(z!, 1);
    const loss = lsm.gather(1, target).mean().neg();
    return [loss, { lsm, loss }];
  },
  fanout_views: (x, w) => {
    const a = x!.view(2, 6);
    const b = a.t();
    const c = a.mul(2).add(b.t());
    const d = c.index(0).add(c.index(1).mul(w!));
    const e = x!.unsqueeze(0).expand(3, 3, 4).permute(2, 0, 1);
    const f = e.narrow(0, 1, 2).sum().add(d.sum()).add(x!.sum(0).dot(x!.sum(0)));
    return [f.mul(x!.mean()), { c, d, f }];
  },
  inplace_chain: (x, z) => {
    const y = x!.clone();
    y.mul_(2);
    y.index(0).mul_(3);
    y.narrow(1, 1, 2).add_(z!.narrow(1, 0, 2).exp());
    y.add_(z!);
    y.sigmoid_();
    return [y.sum().add(y.mul(y).mean()), { y }];
  },
  seed_notebook: (features, w1, w2, b1, b2) => {
    const h1 = activation(torch.mm(features!, w1!).add(b1!));
    const output = torch.sigmoid(h1.matmul(w2!).add(b2!));
    return [output.sum(), { h1, output }];
  },
};

describe('graphs vs PyTorch', () => {
  for (const g of fixture().graphs) {
    it(g.name, () => {
      const inputs = g.inputs.map(input);
      const [loss, shown] = BUILDS[g.name]!(...inputs);
      expect(compareTensor(loss, g.loss)).toBeNull();
      expect(graphNames(loss)).toEqual(g.names);
      for (const [k, v] of Object.entries(g.reprs)) expect(shown[k]!.toString(), k).toBe(v);
      const grads = grad(loss, inputs.filter((t) => t.requiresGrad));
      grads.forEach((gr, i) => expect(compareTensor(gr!, g.grads[i]!), `grad ${i}`).toBeNull());
    });
  }

  it('seed notebook: output.backward() fills W1, W2, B1, B2 .grad as PyTorch', () => {
    const g = fixture().graphs.find((c) => c.name === 'seed_notebook')!;
    const [features, W1, W2, B1, B2] = g.inputs.map(input);
    const h1 = activation(torch.mm(features!, W1!).add(B1!));
    const output = torch.sigmoid(h1.matmul(W2!).add(B2!));
    expect(output.shape).toEqual(torch.Size.of_([1]));
    output.backward();
    [W1, W2, B1, B2].forEach((p, i) => expect(compareTensor(p!.grad!, g.grads[i]!), `param ${i}`).toBeNull());
    expect(features!.grad).toBeNull();
  });
});
