// Gradients through complex tensors against PyTorch (tools/golden/complex.py →
// complex-grad.json): the conjugate Wirtinger convention (for L = |z|², z.grad = 2z),
// real leaves feeding complex ops, node names, and the refusal to seed a complex output.
import { describe, expect, it } from 'vitest';
import { loadFixture } from '@antorcha/core/testing';
import * as torch from '../src/index.js';

type V = number | string;
interface Enc {
  dtype: string;
  shape: number[];
  values: (V | [V, V])[];
}
interface Case {
  name: string;
  z: Enc;
  w: Enc;
  x: Enc;
  loss: Enc;
  grads: Record<'z' | 'w' | 'x', Enc | null>;
}
const F = loadFixture<{ grads: Case[]; errors: Record<string, { message: string }> }>('complex-grad.json');

const num = (v: V): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : (v as number));
function mk(e: Enc): torch.Tensor {
  const vals = e.values.map((v) => (Array.isArray(v) ? torch.cplx(num(v[0]), num(v[1])) : num(v)));
  if (e.shape.length === 0) return torch.tensor(vals[0]!, { dtype: e.dtype as torch.DTypeName });
  return torch.tensor(vals, { dtype: e.dtype as torch.DTypeName }).reshape(e.shape);
}
const flat = (e: Enc): number[] => e.values.flatMap((v) => (Array.isArray(v) ? [num(v[0]), num(v[1])] : [num(v)]));

/** dtype, shape, and values within rtol of the largest magnitude (gradients sum several terms). */
function close(t: torch.Tensor, e: Enc, rtol: number): void {
  expect(t.dtype.name).toBe(e.dtype);
  expect([...t.shape]).toEqual(e.shape);
  const got = Array.from(t.contiguous().dataSync()), want = flat(e);
  const scale = Math.max(1, ...want.map(Math.abs));
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!), `part ${i}: got ${got[i]}, want ${want[i]}`).toBeLessThanOrEqual(rtol * scale);
}

const C = (re: number, im: number) => torch.cplx(re, im);
const LOSSES: Record<string, (z: torch.Tensor, w: torch.Tensor, x: torch.Tensor) => torch.Tensor> = {
  abs2: (z) => z.mul(z.conj()).real.sum(),
  abs: (z) => z.abs().sum(),
  exp_mul_real: (z, w) => z.exp().mul(w).real.sum(),
  view_as_real_sin: (z) => torch.viewAsReal(z.sin()).pow(2).sum(),
  angle: (z) => z.angle().sum(),
  div_log_imag: (z, w) => z.div(w).log().imag.sum(),
  sqrt_times_i: (z) => z.sqrt().mul(C(0, 2)).real.sum(),
  real_times_complex: (z, _w, x) => x.mul(z).abs().sum(),
  complex_from_parts: (z, _w, x) => torch.complex(x, x.mul(2)).mul(z).abs().sum(),
  matmul: (z, w) => z.reshape(2, 2).matmul(w.reshape(2, 2)).abs().pow(2).sum(),
  sum_mean: (z, w) => z.sum().mul(w.mean()).real,
  conj_mul: (z, w) => z.conj().mul(w).imag.sum(),
  sgn: (z, w) => z.sgn().mul(w).real.sum(),
  pow_sigmoid: (z) => z.pow(2).add(z.sigmoid()).abs().sum(),
  var_norm: (z, w) => z.var().add(z.mul(w).norm()),
  polar: (_z, w, x) => torch.polar(x.abs().add(0.5), x).mul(w).real.sum(),
  view_as_complex: (_z, w, x) => torch.viewAsComplex(torch.stack([x, x.square()], -1)).mul(w).abs().sum(),
};

describe('complex gradients (conjugate Wirtinger, as PyTorch)', () => {
  for (const c of F.grads) {
    it(`${c.name} ${c.z.dtype}`, () => {
      const z = mk(c.z).requiresGrad_(), w = mk(c.w).requiresGrad_(), x = mk(c.x).requiresGrad_();
      const fn = LOSSES[c.name];
      expect(fn, `no loss for ${c.name}`).toBeDefined();
      const loss = fn!(z, w, x);
      const rtol = c.z.dtype === 'complex64' ? 2e-5 : 1e-12;
      close(loss.detach(), c.loss, rtol);
      loss.backward();
      for (const [k, t] of [['z', z], ['w', w], ['x', x]] as const) {
        const e = c.grads[k];
        if (e === null) expect(t.grad, `${k}.grad`).toBeNull();
        else close(t.grad!, e, rtol);
      }
    });
  }
  it('a complex output needs an explicit gradient (PyTorch 2.x)', () => {
    const z = torch.tensor([C(1, 2), C(3, 4)]).requiresGrad_();
    expect(() => z.mul(2).sum().backward()).toThrow(F.errors.complex_scalar_backward!.message);
    expect(() => z.mul(2).sum().backward()).toThrow(torch.TorchError);
  });
  it("node names are PyTorch's", () => {
    const z = torch.tensor([C(1, 2)]).requiresGrad_();
    expect(z.conj().gradFn!.name()).toBe('ConjBackward0');
    // PyTorch 1.13 records .real/.imag as select(view_as_real(z)) (complex-conj.json's part_names)
    expect(z.real.gradFn!.name()).toBe('SelectBackward0');
    expect(z.imag.gradFn!.name()).toBe('SelectBackward0');
    expect(torch.viewAsReal(z).gradFn!.name()).toBe('ViewAsRealBackward0');
    expect(z.abs().gradFn!.name()).toBe('AbsBackward0');
    expect(z.angle().gradFn!.name()).toBe('AngleBackward0');
  });
});
