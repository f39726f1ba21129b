// The elementwise math ops through the facade: gradients of every differentiable op
// (gradcheck on float64 inputs: analytic gradients against finite differences, no
// expected numbers), the Tensor methods and in-place forms the catalogue rows generate,
// and autograd node names. Values, dtypes and errors are checked by the op conformance
// suites (packages/core/fixtures/ops-math.json, written by tools/golden/ops_math.py).
import { beforeEach, describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

type T = torch.Tensor;
const r = (...shape: number[]): T => torch.randn(shape, { dtype: 'float64', requiresGrad: true });
/** Values in [lo, hi), requiring grad. */
const u = (lo: number, hi: number, ...shape: number[]): T => torch.rand(shape, { dtype: 'float64' }).mul(hi - lo).add(lo).requiresGrad_();
/** Finite differences agree with autograd (gradcheck throws with the Jacobians otherwise). */
const check = (fn: (...xs: any[]) => T, inputs: unknown[]) => expect(torch.autograd.gradcheck(fn as never, inputs)).toBe(true);

beforeEach(() => {
  torch.manualSeed(7);
});

describe('math: gradcheck (float64)', () => {
  it('exp2, deg2rad, rad2deg, positive, sgn, nan_to_num', () => {
    check((x) => torch.exp2(x), [r(3, 4)]);
    check((x) => torch.deg2rad(x), [r(5)]);
    check((x) => torch.rad2deg(x), [r(5)]);
    check((x) => torch.positive(x).mul(2), [r(4)]);
    check((x) => torch.sgn(x).add(x), [r(4)]);
    check((x) => torch.nanToNum(x.log(), { neginf: -5 }), [u(0.2, 3, 6)]);
  });

  it('lgamma, digamma, polygamma (n = 0 … 3), i0', () => {
    check((x) => torch.lgamma(x), [u(0.1, 6, 8)]);
    check((x) => torch.lgamma(x), [u(-2.9, -2.1, 4)]);
    check((x) => torch.digamma(x), [u(0.2, 6, 8)]);
    for (const n of [0, 1, 2, 3]) check((x) => torch.polygamma(n, x), [u(0.3, 5, 6)]);
    check((x) => x.polygamma(2), [u(0.5, 4, 3)]);
    check((x) => torch.i0(x), [r(3, 3)]);
  });

  it('sinc (0 included), logit (with and without eps), xlogy', () => {
    check((x) => torch.sinc(x), [r(6)]);
    check((x) => torch.sinc(x), [torch.tensor([0, 0.5, -1.5], { dtype: 'float64', requiresGrad: true })]);
    check((x) => torch.logit(x), [u(0.05, 0.95, 6)]);
    check((x) => torch.logit(x, 0.2), [torch.tensor([0.1, 0.3, 0.5, 0.9], { dtype: 'float64', requiresGrad: true })]);
    check((x, y) => torch.xlogy(x, y), [r(3, 4), u(0.2, 3, 4)]);
    check((y) => torch.xlogy(2.5, y), [u(0.2, 3, 5)]);
    check((x) => torch.xlogy(x, 3), [r(5)]);
  });

  it('logaddexp, logaddexp2, copysign, frexp, ldexp, float_power', () => {
    check((x, y) => torch.logaddexp(x, y), [r(3, 4), r(4)]);
    check((x, y) => torch.logaddexp2(x, y), [r(3, 4), r(3, 1)]);
    check((x, y) => torch.copysign(x, y), [r(6), r(6)]);
    check((x) => torch.copysign(x, -2), [r(6)]);
    // away from powers of two, where the mantissa jumps
    check((x) => torch.frexp(x)[0], [torch.tensor([0.7, -3, 5.5, 100.25], { dtype: 'float64', requiresGrad: true })]);
    check((x) => torch.ldexp(x, torch.tensor([0, 3, -2])), [r(3)]);
    check((x, e) => torch.ldexp(x, e), [r(3), r(3)]);
    check((x, e) => torch.floatPower(x, e), [u(0.5, 2, 4), r(4)]);
    check((x) => torch.floatPower(x, 3), [r(4)]);
    check((e) => torch.floatPower(2, e), [r(4)]);
  });

  it('igamma, igammac (in x; PyTorch has no derivative in a)', () => {
    const a = torch.tensor([0.5, 2, 7.5, 30], { dtype: 'float64' });
    check((x) => torch.igamma(a, x), [u(0.2, 6, 4)]);
    check((x) => torch.igammac(a, x), [u(0.2, 6, 4)]);
    check((x) => a.igamma(x).add(a.igammac(x)), [torch.tensor([0.3, 1.7, 8, 29], { dtype: 'float64', requiresGrad: true })]);
    const ag = u(0.5, 3, 4);
    expect(() => torch.igamma(ag, torch.rand([4], { dtype: 'float64' })).sum().backward()).toThrow("the derivative for 'igamma: input' is not implemented.");
  });

  it('clamp_min, clamp_max (number and tensor bounds), rsub', () => {
    const x = torch.tensor([-2, -0.5, 0.25, 1.5, 3], { dtype: 'float64', requiresGrad: true });
    check((t) => torch.clampMin(t, 0.1), [x]);
    check((t) => torch.clampMax(t, 0.1), [x]);
    check((t, b) => torch.clampMin(t, b), [x, torch.tensor([0, 0, 1, 1, 1], { dtype: 'float64', requiresGrad: true })]);
    check((t, b) => torch.clampMax(t, b), [x, torch.tensor([0, 0, 1, 1, 1], { dtype: 'float64', requiresGrad: true })]);
    check((a, b) => torch.rsub(a, b, { alpha: 2.5 }), [r(3, 4), r(4)]);
    check((a) => torch.rsub(a, 3), [r(4)]);
  });

  it('in-place forms and methods on a clone', () => {
    check((x) => x.clone().exp2_(), [r(4)]);
    check((x) => x.clone().lgamma_(), [u(0.5, 4, 4)]);
    check((x) => x.clone().digamma_(), [u(0.5, 4, 4)]);
    check((x) => x.clone().polygamma_(1), [u(0.5, 4, 4)]);
    check((x) => x.clone().sinc_(), [r(4)]);
    check((x) => x.clone().logit_(), [u(0.1, 0.9, 4)]);
    check((x) => x.clone().deg2rad_(), [r(4)]);
    check((x, y) => x.clone().xlogy_(y), [r(4), u(0.5, 2, 4)]);
    check((x, y) => x.clone().copysign_(y), [r(4), r(4)]);
    check((x) => x.clone().clampMin_(0.2), [torch.tensor([-1, 0.5, 2], { dtype: 'float64', requiresGrad: true })]);
    check((x) => x.clone().ldexp_(torch.tensor([1, 2, 3])), [r(3)]);
    check((x) => x.clone().floatPower_(2), [r(3)]);
    check((x) => x.clone().nanToNum_(), [r(3)]);
    check((x, y) => x.logaddexp(y).add(x.logaddexp2(y)).add(x.i0()).add(x.sgn()), [r(3), r(3)]);
  });
});

describe('math: autograd nodes and non-differentiable ops', () => {
  it("names the kernel ops' nodes as PyTorch does", () => {
    const x = u(0.5, 2, 3);
    expect(torch.exp2(x).gradFn!.name()).toBe('Exp2Backward0');
    expect(torch.sgn(x).gradFn!.name()).toBe('SgnBackward0');
    expect(torch.lgamma(x).gradFn!.name()).toBe('LgammaBackward0');
    expect(torch.digamma(x).gradFn!.name()).toBe('DigammaBackward0');
    expect(torch.polygamma(2, x).gradFn!.name()).toBe('PolygammaBackward0');
    expect(torch.i0(x).gradFn!.name()).toBe('I0Backward0');
    expect(torch.sinc(x).gradFn!.name()).toBe('SincBackward0');
    expect(torch.copysign(x, x).gradFn!.name()).toBe('CopysignBackward0');
    expect(torch.copysign(x, -1).gradFn!.name()).toBe('CopysignBackward1');
    expect(torch.frexp(x)[0].gradFn!.name()).toBe('FrexpBackward0');
    expect(torch.igamma(x.detach(), x).gradFn!.name()).toBe('IgammaBackward0');
    expect(torch.igammac(x.detach(), x).gradFn!.name()).toBe('IgammacBackward0');
  });

  it('gives no gradient through frexp\'s exponent and refuses nextafter\'s and heaviside\'s', () => {
    const x = u(0.5, 2, 3);
    const r = torch.frexp(x);
    const [m, e] = r;
    expect(r.mantissa).toBe(m);
    expect(r.exponent).toBe(e);
    expect(e.requiresGrad).toBe(false);
    expect(e.dtype.name).toBe('int32');
    const n = torch.nextafter(x, x.detach());
    expect(n.gradFn!.name()).toBe('NextafterBackward0');
    expect(() => n.sum().backward()).toThrow("the derivative for 'nextafter' is not implemented.");
    const h = torch.heaviside(x, torch.tensor([0.5], { dtype: 'float64' }));
    expect(() => h.sum().backward()).toThrow('derivative for aten::heaviside is not implemented');
  });
});
