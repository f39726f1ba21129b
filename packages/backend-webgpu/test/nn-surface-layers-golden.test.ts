// The nn surface layers of tools/golden/nn_surface_layers.py on WebGPU against real PyTorch:
// padding, pooling (LP, adaptive max, unpooling, fractional), normalisation, shrink and
// shuffle layers, fold/unfold, transposed 3-D convolution, affine grids and grid sampling,
// forward and backward; and the random layers and functions, which draw PyTorch's stream on
// the device. Error texts and backward-node names are checked on the CPU
// (packages/nn/test/surface-layers.test.ts); node names on WebGPU in nn-grad-fns-golden.
import * as torch from 'antorcha';
import type { EncodedResult } from '@antorcha/core/testing';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';
import { EXACT, F32, type LayerCase, type Module, type Run, type Tol, expectGolden, flatOutputs, lib, nnCases, nnFixture, onGpu, runLayerCase } from './nn-golden.js';

type Tensor = torch.Tensor;
type Fn = (...xs: Tensor[]) => unknown;

// the fixture shapes of packages/nn/test/cases/surface-layers.ts (see nn-golden.ts)
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
interface Cases {
  builders: Record<string, [() => Module, Run?]>;
  funcs: Record<string, Fn>;
  random: Record<string, Fn>;
}

const { surfaceLayerCases } = await nnCases<{ surfaceLayerCases: (l: typeof lib, rg: (...s: number[]) => Tensor) => Cases }>('surface-layers');
const { plain } = await nnCases<{ plain: Run }>('layers');
const { builders, funcs, random } = surfaceLayerCases(lib, (...s) => torch.randn(s, { device: 'webgpu', requiresGrad: true }));
const fx = nnFixture<{ cases: LayerCase[]; functional: FuncCase[]; random: RandomCase[] }>('nn_surface_layers.json');

/** Wider than {@link F32} for these cases, each with its reason. */
const TOL: Record<string, Tol> = {};

/**
 * Gumbel softmax: the noise is drawn bit for bit, but WGSL's float32 log and exp are not
 * correctly rounded (PyTorch's SLEEF kernels are within 1 ulp), and the softmax sums them.
 */
const GUMBEL_TOL: Tol = { rtol: 1e-6, atol: 1e-7 };

/**
 * RReLU in training draws its slopes on the device, one per element as PyTorch's CUDA kernel
 * does, so they differ from PyTorch's CPU draws by design (as CUDA's do). These cases check what
 * every draw must give, on the fixture's inputs: x where x > 0, x·a with a in [lower, upper]
 * elsewhere, and the input gradient g·1 or g·a; eval calls (the mean slope) match PyTorch.
 */
const DEVICE_DRAWS = new Set(['rrelu', 'rrelu_bounds', 'rrelu_train']);

async function rreluDeviceDraws(c: LayerCase, m: torch.nn.RReLU): Promise<void> {
  m.to('webgpu');
  const [lo, hi] = [Math.fround(m.lower), Math.fround(m.upper)];
  for (const [ci, call] of c.calls.entries()) {
    const label = `${c.name} call ${ci} (${call.mode})`;
    m.train(call.mode === 'train');
    const x = onGpu(call.inputs[0]!).requiresGrad_(true);
    const out = m.call(x) as Tensor;
    const [gx] = torch.autograd.grad([out.mul(onGpu(call.out_grads![0]!)).sum()], [x]);
    if (call.mode === 'eval') {
      await expectGolden(out, call.outputs[0]!, `${label} output`, EXACT);
      await expectGolden(gx!, call.input_grads![0]!, `${label} input grad`, EXACT);
      continue;
    }
    const [xs, ys, gs] = [await x.data(), await out.data(), await gx!.data()];
    const g = call.out_grads![0]!.values.map(Number);
    for (let i = 0; i < xs.length; i++) {
      if (xs[i]! > 0) {
        expect([ys[i], gs[i]], `${label} element ${i} (x > 0)`).toEqual([xs[i], g[i]]);
        continue;
      }
      const a = ys[i]! / xs[i]!;
      // out = fround(x·a), so out/x is a within an ulp
      expect(a, `${label} element ${i}: slope`).toBeGreaterThanOrEqual(lo * (1 - 2 ** -23));
      expect(a, `${label} element ${i}: slope`).toBeLessThanOrEqual(hi * (1 + 2 ** -23));
      expect(Math.abs(gs[i]! - g[i]! * a), `${label} element ${i}: grad`).toBeLessThanOrEqual(2 ** -22 * Math.abs(g[i]! * a));
    }
  }
}

describe.skipIf(!hasGpu)('surface layers vs PyTorch on WebGPU', () => {
  torch.setRngCompat('1.13');
  it('has a builder for every fixture case', () => {
    expect(fx.cases.map((c) => c.name).filter((n) => !(n in builders))).toEqual([]);
  });
  for (const c of fx.cases) {
    const [make, run = plain] = builders[c.name]!;
    const modes = c.calls.map((x) => x.mode).join(', ');
    if (DEVICE_DRAWS.has(c.name)) it(`${c.name}: forward/backward (${modes}; slopes drawn on the device)`, () => rreluDeviceDraws(c, make() as torch.nn.RReLU));
    else it(`${c.name}: forward/backward (${modes})`, () => runLayerCase(c, make, run, TOL[c.name] ?? F32));
  }
});

describe.skipIf(!hasGpu)('surface functional vs PyTorch on WebGPU', () => {
  it('has a call for every fixture case', () => {
    expect(fx.functional.map((c) => c.name).filter((n) => !(n in funcs))).toEqual([]);
    expect(fx.random.map((c) => c.name).filter((n) => !(n in random))).toEqual([]);
  });

  for (const c of fx.functional) {
    it(`F ${c.name}`, async () => {
      const tol = TOL[c.name] ?? F32;
      const xs = c.inputs.map((e, i) => (c.requires_grad[i] ? onGpu(e).requiresGrad_(true) : onGpu(e)));
      const outs = flatOutputs(funcs[c.name]!(...xs));
      expect(outs.length, `${c.name}: number of outputs`).toBe(c.outputs.length);
      for (const [i, o] of outs.entries()) await expectGolden(o, c.outputs[i]!, `${c.name} output ${i}`, tol);
      if (!c.out_grads) return;
      const diff = outs.filter((o) => o.dtype.isFloatingPoint && o.requiresGrad);
      const gs = c.out_grads.map(onGpu);
      let loss = diff[0]!.mul(gs[0]!).sum();
      for (let i = 1; i < diff.length; i++) loss = loss.add(diff[i]!.mul(gs[i]!).sum());
      const wrt = xs.filter((_, i) => c.requires_grad[i]);
      const grads = torch.autograd.grad([loss], wrt, { allowUnused: true });
      for (const [i] of wrt.entries()) {
        const want = c.input_grads![i];
        if (want === null) expect(grads[i] ?? null, `${c.name} input grad ${i}`).toBeNull();
        else await expectGolden(grads[i]!, want!, `${c.name} input grad ${i}`, tol);
      }
    });
  }

  // rrelu_train draws on the device (see DEVICE_DRAWS; checked through the RReLU layer cases)
  for (const c of fx.random.filter((k) => !DEVICE_DRAWS.has(k.name))) {
    it(`F ${c.name} (random, PyTorch's stream drawn on the device)`, async () => {
      torch.setRngCompat('1.13');
      torch.manualSeed(c.seed);
      const xs = c.inputs.map((e) => torch.randn(e.shape).to('webgpu'));
      const outs = flatOutputs(random[c.name]!(...xs));
      expect(outs.length).toBe(c.outputs.length);
      const tol = c.name.startsWith('gumbel') ? GUMBEL_TOL : EXACT;
      for (const [i, o] of outs.entries()) await expectGolden(o, c.outputs[i]!, `${c.name} output ${i}`, tol);
    });
  }
});
