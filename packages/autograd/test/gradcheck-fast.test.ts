// gradcheck / gradgradcheck with fastMode (PyTorch's fast_mode=True): passes on
// correct functions (real, complex, several inputs and outputs, second order),
// fails on a wrong backward with PyTorch 1.13's exact error text (fixtures from
// tools/golden/autograd_gradcheck_fast.py), and is faster than slow mode.
import './setup.js';
import { readFileSync } from 'node:fs';
import * as torch from '@antorcha/core';
import type { Tensor } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { Function, type FunctionCtx, gradcheck, gradgradcheck } from '../src/index.js';

type Scenario = { error?: string; type?: string; passed?: boolean };
const FX = JSON.parse(readFileSync(new URL('./fixtures/gradcheck-fast.json', import.meta.url), 'utf8')) as Record<string, Scenario>;

/** exp whose backward is twice the right one (g·conj(y) is right). */
class WrongExp extends Function {
  static override forward(ctx: FunctionCtx, a: Tensor): Tensor {
    const y = a.exp();
    ctx.saveForBackward(y);
    return y;
  }
  static override backward(ctx: FunctionCtx, g: Tensor): Tensor {
    const [y] = ctx.savedTensors;
    return g.mul(y!.conj()).mul(2);
  }
}

/** |z|² (real output) whose backward forgets the factor 2 (2·g·z is right). */
class WrongAbsSq extends Function {
  static override forward(ctx: FunctionCtx, z: Tensor): Tensor {
    ctx.saveForBackward(z);
    return z.mul(z.conj()).real;
  }
  static override backward(ctx: FunctionCtx, g: Tensor): Tensor {
    const [z] = ctx.savedTensors;
    return g.mul(z!);
  }
}

const xReal = () => torch.tensor([0.1, -0.2, 0.3], { dtype: 'float64', requiresGrad: true });
const zComplex = () => torch.complex(torch.tensor([0.1, -0.3], { dtype: 'float64' }), torch.tensor([0.2, 0.1], { dtype: 'float64' })).requiresGrad_(true);

const SCENARIOS: Record<string, () => boolean> = {
  real: () => gradcheck((a: Tensor) => WrongExp.apply(a), [xReal()], { fastMode: true }),
  second_input: () => gradcheck((c: Tensor, a: Tensor) => WrongExp.apply(a).mul(c), [torch.tensor([0.5], { dtype: 'float64' }), xReal()], { fastMode: true }),
  complex: () => gradcheck((a: Tensor) => WrongExp.apply(a), [zComplex()], { fastMode: true }),
  complex_to_real: () => gradcheck((a: Tensor) => WrongAbsSq.apply(a), [zComplex()], { fastMode: true }),
};

describe('gradcheck fastMode: a wrong backward fails with PyTorch’s text', () => {
  for (const [name, run] of Object.entries(SCENARIOS)) {
    it(name, () => {
      const want = FX[name]!;
      expect(want.error).toBeDefined();
      let msg: string | null = null;
      try {
        run();
      } catch (e) {
        msg = (e as Error).message;
      }
      expect(msg).toBe(want.error);
    });
  }

  it('returns false instead of throwing with raiseException: false', () => {
    expect(gradcheck((a: Tensor) => WrongExp.apply(a), [xReal()], { fastMode: true, raiseException: false })).toBe(false);
    expect(gradcheck((a: Tensor) => WrongExp.apply(a), [zComplex()], { fastMode: true, raiseException: false })).toBe(false);
  });
});

describe('gradcheck fastMode: correct functions pass', () => {
  torch.manualSeed(0);
  const a = torch.randn([3, 4], { dtype: 'float64', requiresGrad: true });
  const b = torch.randn([4, 2], { dtype: 'float64', requiresGrad: true });
  const za = torch.randn([3, 4], { dtype: 'complex128', requiresGrad: true });
  const zb = torch.randn([4, 2], { dtype: 'complex128', requiresGrad: true });
  const c = torch.randn([4], { dtype: 'float64' });

  it('real, one input', () => {
    expect(gradcheck((x: Tensor) => x.sigmoid().mul(x), [a], { fastMode: true })).toBe(true);
  });
  it('real, several inputs and outputs, with a non-differentiable input', () => {
    expect(gradcheck((x: Tensor, w: Tensor, k: Tensor) => [x.matmul(w).tanh(), x.mul(k).sum(1)], [a, b, c], { fastMode: true })).toBe(true);
  });
  it('complex inputs and outputs', () => {
    expect(gradcheck((x: Tensor, w: Tensor) => [x.matmul(w).exp(), x.mul(x.conj())], [za, zb], { fastMode: true })).toBe(true);
  });
  it('complex input, real output; mixed real and complex inputs', () => {
    expect(gradcheck((x: Tensor) => x.abs(), [za], { fastMode: true })).toBe(true);
    expect(gradcheck((x: Tensor, w: Tensor) => x.mul(w.sum()), [za, b], { fastMode: true })).toBe(true);
  });
  it('gradgradcheck, real and complex', () => {
    expect(gradgradcheck((x: Tensor, w: Tensor) => x.matmul(w).tanh(), [a, b], null, { fastMode: true })).toBe(true);
    expect(gradgradcheck((x: Tensor, w: Tensor) => x.matmul(w).mul(x.matmul(w)), [za, zb], null, { fastMode: true })).toBe(true);
  });
});

describe('gradcheck fastMode is faster than slow mode', () => {
  it('50×50 input', () => {
    torch.manualSeed(0);
    const x = torch.randn([50, 50], { dtype: 'float64', requiresGrad: true });
    const f = (t: Tensor) => t.sin().mul(t);
    let t0 = performance.now();
    expect(gradcheck(f, [x], { fastMode: true })).toBe(true);
    const fast = performance.now() - t0;
    t0 = performance.now();
    expect(gradcheck(f, [x])).toBe(true);
    const slow = performance.now() - t0;
    console.log(`gradcheck 50x50: fast ${fast.toFixed(1)} ms, slow ${slow.toFixed(1)} ms`);
    expect(fast).toBeLessThan(slow);
  }, 600_000);
});
