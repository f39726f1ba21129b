// torch.fft's autograd against PyTorch 1.13 (fixture fft-grad.json, written by tools/golden/fft.py):
// the node name of every transform's result (FftC2CBackward0, FftR2CBackward0, FftC2RBackward0,
// ConjBackward0 for ihfft) and the gradient of sum(viewAsReal(f(x))·w) for a fixed weight w on
// complex128/float64 inputs; gradcheck (finite differences) through the c2c, r2c and c2r paths.
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';
import { type GradCase, fftFixture, fftHelpers, num } from './fft-fixture.js';

type T = torch.Tensor;
const { decode, call } = fftHelpers(torch);

function flat(t: T): number[] {
  const r = t.dtype.isComplex ? torch.viewAsReal(t.resolveConj()) : t;
  return Array.from(r.contiguous().dataSync() as Float64Array, Number);
}

describe('torch.fft gradients', () => {
  for (const c of fftFixture<GradCase[]>('fft-grad.json')) {
    it(`${c.name}: ${c.grad_fn} and PyTorch's gradient`, () => {
      const x = decode(c.input).detach().requiresGrad_(true);
      const y = call(c, x);
      expect(y.gradFn?.name()).toBe(c.grad_fn);
      const w = decode(c.weight);
      // resolved first, as the golden script does (ihfft returns a conjugate view, as PyTorch)
      (y.dtype.isComplex ? torch.viewAsReal(y.resolveConj()) : y).mul(w).sum().backward();
      const got = flat(x.grad!), want = c.grad.values.map(num);
      got.forEach((v, i) => expect(Math.abs(v - want[i]!), `grad[${i}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want[i]!)) * 16));
    });
  }

  it('gradcheck: c2c, r2c and c2r paths (float64/complex128)', () => {
    const re = (...s: number[]) => torch.randn(s, { dtype: 'float64', requiresGrad: true });
    const check = (fn: (x: T) => T, x: T) => expect(torch.autograd.gradcheck(((a: T) => {
      const y = fn(a);
      return y.dtype.isComplex ? torch.viewAsReal(y.resolveConj()) : y;
    }) as never, [x])).toBe(true);
    check((x) => torch.fft.rfft(x), re(6));
    check((x) => torch.fft.rfft(x, { n: 9, norm: 'ortho' }), re(7));
    check((x) => torch.fft.irfft(torch.fft.rfft(x).mul(2), { n: 7 }), re(7));
    check((x) => torch.fft.hfft(torch.fft.rfft(x), { n: 8 }), re(8));
    check((x) => torch.fft.ihfft(x, { norm: 'forward' }), re(5));
    check((x) => torch.fft.rfft2(x), re(3, 4));
    check((x) => torch.fft.irfftn(torch.fft.rfftn(x), { s: [3, 5] }), re(3, 5));
    check((x) => torch.fft.fft(x), re(5));
  });
});

