// Conjugate views of complex64 tensors on WebGPU against PyTorch (complex-conj.json, the CPU
// suite's golden from tools/golden/complex_conj.py): core resolves the conjugate/negative bits
// before the device kernels, and in-place writes through the views land in the original.
import 'antorcha';
import * as torch from '@antorcha/core';
import { loadFixture } from '@antorcha/core/testing';
import { describe, expect, it } from 'vitest';
import { backend } from './gpu.js';

const suite = backend ? describe : describe.skip;
const C = torch.cplx;
type T = torch.Tensor;
type V = number | string;
interface Enc {
  dtype: string;
  shape: number[];
  values: (V | [V, V])[];
}
const F = loadFixture<{ dtypes: Record<string, { x: Enc; other: Enc; values: Record<string, Enc>; writes: Record<string, Enc> }> }>('complex-conj.json');
const P = F.dtypes.complex64!;
const num = (v: V): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : (v as number));
const mk = (e: Enc): T => torch.tensor(e.values.map((v) => (Array.isArray(v) ? C(num(v[0]), num(v[1])) : num(v))), { dtype: e.dtype as torch.DTypeName, device: 'webgpu' }).reshape(e.shape);

/** Within float32 rounding of the largest magnitude (the device's f32 arithmetic vs PyTorch's). */
async function close(t: T, e: Enc): Promise<void> {
  expect(t.dtype.name).toBe(e.dtype);
  expect([...t.shape]).toEqual(e.shape);
  const got = Array.from(await t.data()), want = e.values.flatMap((v) => (Array.isArray(v) ? [num(v[0]), num(v[1])] : [num(v)]));
  const scale = Math.max(1, ...want.map(Math.abs));
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!), `part ${i}: got ${got[i]}, want ${want[i]}`).toBeLessThanOrEqual(4 * 2 ** -24 * scale);
}

// a subset of the CPU suite's scenarios (same names), on ops the WebGPU backend has complex64 kernels for
const VALUES: Record<string, (x: T, w: T) => T> = {
  conj: (x) => x.conj(),
  conj_imag: (x) => x.conj().imag,
  conj_t: (x) => x.conj().t(),
  add: (x, w) => x.conj().add(w),
  mul_self: (x) => x.conj().mul(x),
  imag_add_imag: (x) => x.conj().imag.add(x.imag),
  resolve_conj: (x) => x.conj().resolveConj(),
  neg: (x) => x.conj().neg(),
};
const WRITES: Record<string, (t: T, w: T) => unknown> = {
  add_: (t) => t.conj().add_(C(0, 1)),
  mul_tensor: (t, w) => t.conj().mul_(w),
  fill_: (t) => t.conj().fill_(C(1, 1)),
  copy_: (t, w) => t.conj().copy_(w),
  add_base: (t) => t.conj().add_(t),
  imag_add_: (t) => t.conj().imag.add_(1),
  imag_mul_: (t) => t.conj().imag.mul_(3),
  real_mul_: (t) => t.conj().real.mul_(-2),
};

suite('conjugate views of complex64 on WebGPU', () => {
  for (const [name, f] of Object.entries(VALUES)) {
    it(`reads: ${name}`, async () => {
      const x = mk(P.x), w = mk(P.other);
      const y = f(x, w);
      expect(y.device.type).toBe('webgpu');
      await close(y, P.values[name]!);
    });
  }
  for (const [name, f] of Object.entries(WRITES)) {
    it(`writes through: ${name}`, async () => {
      const t = mk(P.x), w = mk(P.other);
      f(t, w);
      await close(t, P.writes[name]!);
      await close(w, P.other);
    });
  }
});
