// Every layer against real PyTorch (tools/golden/nn_layers.py): default
// initialisation bit for bit for several seeds, repr, forward and backward in
// train and eval mode, and running statistics.
import { describe, expect, it } from 'vitest';
import * as core from '@antorcha/core';
import { manualSeed, randn, setRngCompat } from '@antorcha/core';
import { grad } from '@antorcha/autograd';
import { nn, optim, utils } from '../src/index.js';
import { layerBuilders, plain } from './cases/layers.js';
import { type EncodedExact, type EncodedResult, type LayerCall as Call, type LayerCase as Case, checkState, compareExact, decode, expectClose, fixture, flatOutputs } from './helpers.js';

const BUILDERS = layerBuilders({ ...core, nn, optim, utils });

const cases = fixture<{ cases: Case[] }>('nn_layers.json').cases;


describe('layers vs PyTorch', () => {
  setRngCompat('1.13');
  it('has a builder for every fixture case', () => {
    expect(cases.map((c) => c.name).filter((n) => !(n in BUILDERS))).toEqual([]);
  });

  for (const c of cases) {
    const [make, run = plain] = BUILDERS[c.name] ?? [() => new nn.Identity()];
    it(`${c.name}: default init (seeds ${[c.seed, ...Object.keys(c.inits)].join(', ')}) and repr`, () => {
      manualSeed(c.seed);
      const m = make();
      checkState(m.stateDict(), c.init, `seed ${c.seed}`);
      expect(m.toString()).toBe(c.repr);
      for (const [seed, want] of Object.entries(c.inits)) {
        manualSeed(Number(seed));
        checkState(make().stateDict(), want, `seed ${seed}`);
      }
    });

    if (c.calls.length === 0) continue;
    it(`${c.name}: forward/backward (${c.calls.map((x) => x.mode).join(', ')})`, () => {
      manualSeed(c.seed);
      const m = make();
      const float32 = c.calls[0]!.inputs.some((x) => x.dtype === 'float32');
      if (!float32) m.double();
      if (float32) manualSeed(100 + c.seed);
      for (const [ci, call] of c.calls.entries()) {
        const label = `${c.name} call ${ci} (${call.mode})`;
        m.train(call.mode === 'train');
        // float32 cases replay PyTorch's stream: inputs, mask, output gradients.
        const xs = call.inputs.map((e) => (float32 ? randn(e.shape) : decode(e)));
        xs.forEach((x, i) => expectClose(x, call.inputs[i]!, `${label} input ${i}`, { rtol: 0, atol: 0 }));
        for (const x of xs) if (x.dtype.isFloatingPoint) x.requiresGrad_(true);
        const outs = flatOutputs(run(m, xs));
        expect(outs.length, `${label}: number of outputs`).toBe(call.outputs.length);
        outs.forEach((o, i) => expectClose(o, call.outputs[i]!, `${label} output ${i}`, float32 ? { rtol: 0, atol: 0 } : undefined));
        if (!call.out_grads) continue;
        const gs = call.out_grads.map((e) => (float32 ? randn(e.shape) : decode(e)));
        const diff = outs.filter((o) => o.dtype.isFloatingPoint && o.requiresGrad);
        let loss = diff[0]!.mul(gs[0]!).sum();
        for (let i = 1; i < diff.length; i++) loss = loss.add(diff[i]!.mul(gs[i]!).sum());
        const floatXs = xs.filter((x) => x.dtype.isFloatingPoint);
        const named = m.namedParameters();
        const grads = grad([loss], [...floatXs, ...named.map(([, p]) => p)], { allowUnused: true });
        floatXs.forEach((_, i) => {
          const want = call.input_grads![i];
          if (want === null) expect(grads[i], `${label} input grad ${i}`).toBeNull();
          else expectClose(grads[i]!, want!, `${label} input grad ${i}`, float32 ? { rtol: 0, atol: 0 } : undefined);
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
