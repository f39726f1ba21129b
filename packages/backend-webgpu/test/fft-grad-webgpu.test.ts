// torch.fft's autograd on WebGPU: every case of fft-grad.json (PyTorch's node name and its
// gradient of sum(viewAsReal(f(x))·w), computed in float64) run on the device in float32/complex64
// from the rounded inputs, against the same run on the CPU and against PyTorch's gradient.
//
// Bound: the gradient is the adjoint transform of w (a linear map), so its error is the f32 FFT's,
// η·log2(N)·max|grad| (η = (1 + 4√2)·u, see fft-webgpu.test.ts), plus what rounding x and w to
// float32 changes: w's rounding (|δw| ≤ u·|w|) moves the gradient by at most u·Σ|w| (each
// gradient value sums the weights times unit-modulus twiddles), the scale applied on top. The
// cases' transforms are small (N ≤ 24), so the bound is a few u relative to the weights' sum.
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';

type T = torch.Tensor;
interface Enc { dtype: string; shape: number[]; values: (number | string)[] }
interface GradCase { name: string; fn: string; kwargs: Record<string, unknown>; input: Enc; weight: Enc; grad_fn: string; grad: Enc }
/** What packages/antorcha/test/fft-fixture.ts exports (loaded by URL: it lies outside this package's TypeScript root). */
interface FixtureModule {
  fftFixture<X>(name: string): X;
  num(v: number | string): number;
  fftHelpers(lib: typeof torch): {
    decode(e: Enc, place?: (t: T) => T): T;
    call(c: { fn: string; args?: unknown[]; kwargs: Record<string, unknown> }, x: T): T;
  };
}

const fx = (await import(new URL('../../antorcha/test/fft-fixture.ts', import.meta.url).href)) as FixtureModule;
const { decode, call } = fx.fftHelpers(torch);
const U = 2 ** -24;
const ETA = (1 + 4 * Math.SQRT2) * U;

/** A float64/complex128 fixture tensor rounded to float32/complex64, on `device`. */
function single(e: Enc, device: 'cpu' | 'webgpu'): T {
  const t = decode(e);
  return t.to(t.dtype.isComplex ? 'complex64' : 'float32').to(device);
}

/** d/dx of sum(viewAsReal(f(x))·w) on `device`, with the result's node name. */
async function gradOn(c: GradCase, device: 'cpu' | 'webgpu'): Promise<{ grad: number[]; node: string | undefined }> {
  const x = single(c.input, device).detach().requiresGrad_(true);
  const y = call(c, x);
  const node = y.gradFn?.name();
  const w = single(c.weight, device);
  (y.dtype.isComplex ? torch.viewAsReal(y.resolveConj()) : y).mul(w).sum().backward();
  const g = x.grad!;
  expect(g.device.type).toBe(device);
  return { grad: Array.from(await g.contiguous().data(), Number), node };
}

describe.skipIf(!hasGpu)('torch.fft gradients on WebGPU', () => {
  const measured: string[] = [];
  for (const c of fx.fftFixture<GradCase[]>('fft-grad.json')) {
    it(`${c.name}: ${c.grad_fn}, the device's gradient vs the CPU's and PyTorch's`, async () => {
      const dev = await gradOn(c, 'webgpu');
      const cpu = await gradOn(c, 'cpu');
      expect(dev.node).toBe(c.grad_fn);
      const want = c.grad.values.map(fx.num);
      expect(dev.grad.length).toBe(want.length);
      const N = c.input.shape.reduce((a, b) => a * b, 1) + c.weight.shape.reduce((a, b) => a * b, 1);
      const sumW = c.weight.values.reduce<number>((s, v) => s + Math.abs(fx.num(v)), 0);
      const maxG = Math.max(...want.map(Math.abs));
      const bound = ETA * Math.log2(N) * maxG + U * sumW + U * maxG;
      let vsTorch = 0, vsCpu = 0;
      want.forEach((v, i) => {
        vsTorch = Math.max(vsTorch, Math.abs(dev.grad[i]! - v));
        vsCpu = Math.max(vsCpu, Math.abs(dev.grad[i]! - cpu.grad[i]!));
      });
      measured.push(`${c.name}: ${vsTorch.toExponential(2)} vs PyTorch, ${vsCpu.toExponential(2)} vs CPU (bound ${bound.toExponential(2)})`);
      expect(vsTorch, 'max |device − PyTorch|').toBeLessThanOrEqual(bound);
      // the CPU's float32 gradient is within one rounding of PyTorch's: the two differ by at most both bounds
      expect(vsCpu, 'max |device − CPU|').toBeLessThanOrEqual(2 * bound);
    });
  }

  it('reports the measured errors', () => {
    console.log(`[fft-grad-webgpu] gradient errors:\n  ${measured.join('\n  ')}`);
  });
});
