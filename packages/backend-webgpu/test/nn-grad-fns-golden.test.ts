// Backward node names of nn functional ops on WebGPU, against PyTorch
// (tools/golden/nn_grad_fns.py and the surface cases of nn_surface_layers.py): the same calls
// as packages/nn/test/grad-fn.test.ts and surface-layers.test.ts, every tensor on the device,
// build the same graph as on the CPU. Names do not depend on values.
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';
import { lib, nnCases, nnFixture } from './nn-golden.js';

type Tensor = torch.Tensor;
interface Node {
  name(): string;
  nextFunctions: [Node | null, number][];
}

const { gradFnCalls, NEXT_DIFFERS } = await nnCases<{ gradFnCalls: (l: typeof lib, device: string) => Record<string, () => Tensor>; NEXT_DIFFERS: Set<string> }>('grad-fns');
const { surfaceLayerCases } = await nnCases<{ surfaceLayerCases: (l: typeof lib, rg: (...s: number[]) => Tensor) => { gradFns: Record<string, () => Tensor> } }>('surface-layers');
const fx = nnFixture<{ torch: string; cases: Record<string, { grad_fn: string | null; next: (string | null)[] }> }>('nn_grad_fns.json');
const surface = nnFixture<{ grad_fns: Record<string, string> }>('nn_surface_layers.json').grad_fns;

describe.skipIf(!hasGpu)(`backward node names on WebGPU as in PyTorch ${fx.torch}`, () => {
  const calls = hasGpu ? gradFnCalls(lib, 'webgpu') : {};
  it('covers every case of the fixture', () => {
    expect(Object.keys(calls).sort()).toEqual(Object.keys(fx.cases).sort());
  });
  for (const name of Object.keys(fx.cases)) {
    it(name, () => {
      const e = fx.cases[name]!;
      const out = calls[name]!();
      expect(out.device.type).toBe('webgpu');
      const fn = out.gradFn as unknown as Node;
      expect(fn.name()).toBe(e.grad_fn);
      if (!NEXT_DIFFERS.has(name)) expect(fn.nextFunctions.map(([n]) => (n === null ? null : n.name()))).toEqual(e.next);
    });
  }
});

describe.skipIf(!hasGpu)('surface backward node names on WebGPU as in PyTorch', () => {
  const { gradFns } = surfaceLayerCases(lib, (...s) => torch.randn(s, { device: 'webgpu', requiresGrad: true }));
  it('covers every case of the fixture', () => {
    expect(Object.keys(gradFns).sort()).toEqual(Object.keys(surface).sort());
  });
  for (const name of Object.keys(surface)) {
    it(name, () => {
      const out = gradFns[name]!();
      expect(out.device.type).toBe('webgpu');
      expect((out.gradFn as unknown as Node).name()).toBe(surface[name]);
    });
  }
});
