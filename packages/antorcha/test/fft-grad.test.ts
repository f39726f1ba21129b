// torch.fft's autograd against PyTorch 1.13 (fixture fft-grad.json, written by tools/golden/fft.py):
// the node name of every transform's result (FftC2CBackward0, FftR2CBackward0, FftC2RBackward0,
// ConjBackward0 for ihfft) and the gradient of sum(viewAsReal(f(x))·w) for a fixed weight w on
// complex128/float64 inputs; gradcheck (finite differences) through the c2c, r2c and c2r paths.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

type T = torch.Tensor;
interface Enc { dtype: string; shape: number[]; values: (number | string)[] }
interface GradCase { name: string; fn: string; kwargs: Record<string, unknown>; input: Enc; weight: Enc; grad_fn: string; grad: Enc }

const fixture = <X>(name: string): X =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../core/fixtures/${name}`, import.meta.url)), 'utf8')) as X;
const num = (v: number | string): number => (typeof v === 'number' ? v : Number(v.replace('inf', 'Infinity')));

function decode(e: Enc): T {
  const values = e.values.map(num);
  if (e.dtype === 'complex128') return torch.viewAsComplex(torch.tensor(values, { dtype: 'float64' }).reshape([...e.shape, 2]));
  return torch.tensor(values, { dtype: e.dtype as torch.DTypeName }).reshape(e.shape);
}

function flat(t: T): number[] {
  const r = t.dtype.isComplex ? torch.viewAsReal(t) : t;
  return Array.from(r.contiguous().dataSync() as Float64Array, Number);
}

function call(c: GradCase, x: T): T {
  const f = (torch.fft as unknown as Record<string, (...a: unknown[]) => T>)[c.fn]!;
  return Object.keys(c.kwargs).length ? f(x, c.kwargs) : f(x);
}

describe('torch.fft gradients', () => {
  for (const c of fixture<GradCase[]>('fft-grad.json')) {
    it(`${c.name}: ${c.grad_fn} and PyTorch's gradient`, () => {
      const x = decode(c.input).detach().requiresGrad_(true);
      const y = call(c, x);
      expect(y.gradFn?.name()).toBe(c.grad_fn);
      const w = decode(c.weight);
      (y.dtype.isComplex ? torch.viewAsReal(y) : y).mul(w).sum().backward();
      const got = flat(x.grad!), want = c.grad.values.map(num);
      got.forEach((v, i) => expect(Math.abs(v - want[i]!), `grad[${i}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want[i]!)) * 16));
    });
  }

  it('gradcheck: c2c, r2c and c2r paths (float64/complex128)', () => {
    const re = (...s: number[]) => torch.randn(s, { dtype: 'float64', requiresGrad: true });
    const check = (fn: (x: T) => T, x: T) => expect(torch.autograd.gradcheck(((a: T) => {
      const y = fn(a);
      return y.dtype.isComplex ? torch.viewAsReal(y) : y;
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

