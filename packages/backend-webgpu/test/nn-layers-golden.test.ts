// Every layer of tools/golden/nn_layers.py on WebGPU against real PyTorch: forward and
// backward in train and eval mode (outputs, input and parameter gradients) and the state
// after the calls (running statistics). The module is built and seeded on the CPU (PyTorch's
// initialisation, which packages/nn/test/layers.test.ts checks bit for bit together with the
// repr) and moved to the device. PyTorch ran most cases in float64; the device runs them in
// float32 from the float32-rounded inputs.
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';
import { F32, type LayerCase, type Module, type Run, type Tol, lib, nnCases, nnFixture, runLayerCase } from './nn-golden.js';

const { layerBuilders, plain } = await nnCases<{ layerBuilders: (l: typeof lib) => Record<string, [() => Module, Run?]>; plain: Run }>('layers');
const BUILDERS = layerBuilders(lib);
const cases = nnFixture<{ cases: LayerCase[] }>('nn_layers.json').cases;

/** Wider than {@link F32} for these cases, each with its reason. */
const TOL: Record<string, Tol> = {
  // the first conv's bias feeds BatchNorm, so its gradient is zero up to rounding (PyTorch's
  // float64 value is ~1e-15); float32 rounding of that cancelling sum of O(1) terms is ~1e-7
  cnn_block: { ...F32, abs: 1e-6 },
};

describe.skipIf(!hasGpu)('layers vs PyTorch on WebGPU', () => {
  torch.setRngCompat('1.13');
  it('has a builder for every fixture case', () => {
    expect(cases.map((c) => c.name).filter((n) => !(n in BUILDERS))).toEqual([]);
  });

  for (const c of cases) {
    if (c.calls.length === 0) continue;
    const [make, run = plain] = BUILDERS[c.name]!;
    it(`${c.name}: forward/backward (${c.calls.map((x) => x.mode).join(', ')})`, () => runLayerCase(c, make, run, TOL[c.name] ?? F32));
  }
});
