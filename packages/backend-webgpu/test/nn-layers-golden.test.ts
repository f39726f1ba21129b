// Every layer of tools/golden/nn_layers.py on WebGPU against real PyTorch: forward and
// backward in train and eval mode (outputs, input and parameter gradients) and the state
// after the calls (running statistics). The module is built and seeded on the CPU (PyTorch's
// initialisation, which packages/nn/test/layers.test.ts checks bit for bit together with the
// repr) and moved to the device. PyTorch ran most cases in float64; the device runs them in
// float32 from the float32-rounded inputs.
import * as torch from 'antorcha';
import type { LayerCase } from '../../nn/test/helpers.js';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';
import { EXACT, F32, type Tol, expectGolden, flatOutputs, lib, nnCases, nnFixture, onGpu } from './nn-golden.js';

type Tensor = torch.Tensor;
type Module = torch.nn.Module;
type Run = (m: Module, xs: Tensor[]) => unknown;

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
    it(`${c.name}: forward/backward (${c.calls.map((x) => x.mode).join(', ')})`, async () => {
      torch.manualSeed(c.seed);
      const m = make().to('webgpu');
      // float32 cases replay PyTorch's stream: inputs, the layer's draws (on the device), output gradients.
      const float32 = c.calls[0]!.inputs.some((x) => x.dtype === 'float32');
      const tol = float32 ? EXACT : (TOL[c.name] ?? F32);
      if (float32) torch.manualSeed(100 + c.seed);
      for (const [ci, call] of c.calls.entries()) {
        const label = `${c.name} call ${ci} (${call.mode})`;
        m.train(call.mode === 'train');
        const xs = call.inputs.map((e) => (float32 ? torch.randn(e.shape).to('webgpu') : onGpu(e)));
        for (const x of xs) if (x.dtype.isFloatingPoint) x.requiresGrad_(true);
        const outs = flatOutputs(run(m, xs));
        expect(outs.length, `${label}: number of outputs`).toBe(call.outputs.length);
        for (const [i, o] of outs.entries()) await expectGolden(o, call.outputs[i]!, `${label} output ${i}`, tol);
        if (!call.out_grads) continue;
        const gs = call.out_grads.map((e) => (float32 ? torch.randn(e.shape).to('webgpu') : onGpu(e)));
        const diff = outs.filter((o) => o.dtype.isFloatingPoint && o.requiresGrad);
        let loss = diff[0]!.mul(gs[0]!).sum();
        for (let i = 1; i < diff.length; i++) loss = loss.add(diff[i]!.mul(gs[i]!).sum());
        const floatXs = xs.filter((x) => x.dtype.isFloatingPoint);
        const named = m.namedParameters();
        const grads = torch.autograd.grad([loss], [...floatXs, ...named.map(([, p]) => p)], { allowUnused: true });
        for (const [i] of floatXs.entries()) {
          const want = call.input_grads![i];
          if (want === null) expect(grads[i], `${label} input grad ${i}`).toBeNull();
          else await expectGolden(grads[i]!, want!, `${label} input grad ${i}`, tol);
        }
        for (const [j, [name]] of named.entries()) {
          const want = call.param_grads![name];
          const g = grads[floatXs.length + j];
          if (want === null || want === undefined) expect(g ?? null, `${label} grad of ${name}`).toBeNull();
          else await expectGolden(g!, want, `${label} grad of ${name}`, tol);
        }
      }
      const sd = m.stateDict();
      expect(Object.keys(sd)).toEqual(Object.keys(c.state!));
      for (const [k, e] of Object.entries(c.state!)) await expectGolden(sd[k]!, e, `${c.name} state ${k}`, tol);
    });
  }
});
