// torch.special through the facade: gradients of every differentiable name (gradcheck on
// float64 inputs: analytic gradients against finite differences), PyTorch's autograd node
// names and gradients (packages/core/fixtures/special-grad.json, written by
// tools/golden/ops_special.py), the names whose results never require grad, the
// "not implemented" derivatives (zeta in x, igamma in a), and the namespace's size. Values,
// dtypes and errors are checked by the op conformance suites (ops-special.json) on the
// CPU and on WebGPU.
import { type EncodedInput, type EncodedResult, compareTensor, decodeInput, loadFixture } from '@antorcha/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

type T = torch.Tensor;
const S = torch.special;
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
/** Values in [lo, hi), requiring grad. */
const u = (lo: number, hi: number, ...shape: number[]): T => torch.rand(shape, { dtype: 'float64' }).mul(hi - lo).add(lo).requiresGrad_();
const r = (...shape: number[]): T => torch.randn(shape, { dtype: 'float64', requiresGrad: true });
const check = (fn: (...xs: any[]) => T, inputs: unknown[]) => expect(torch.autograd.gradcheck(fn as never, inputs)).toBe(true);

beforeEach(() => {
  torch.manualSeed(11);
});

interface GradCase {
  name: string;
  input: EncodedInput;
  requires_grad: boolean;
  grad_fn?: string;
  grad?: EncodedResult;
  error?: string;
}

const other = () => torch.tensor([0.5, 1.5, 2, 3, 4], { dtype: 'float64' });
const weights = () => torch.arange(6, { dtype: 'float64' });
/** The golden script's function of each case (the others are `torch.special.<name>(x)`). */
const CALLS: Record<string, (x: T) => T> = {
  multigammaln: (x) => S.multigammaln(x, 3),
  polygamma: (x) => S.polygamma(2, x),
  softmax: (x) => S.softmax(x, 0).mul(weights()),
  log_softmax: (x) => S.logSoftmax(x, 0).mul(weights()),
  logsumexp: (x) => S.logsumexp(x, 0),
  xlog1py: (x) => S.xlog1py(x, other()),
  'xlog1py/other': (y) => S.xlog1py(other(), y),
  xlogy: (x) => S.xlogy(x, other()),
  zeta: (x) => S.zeta(x.add(1.5), other()),
  'zeta/other': (q) => S.zeta(other().add(1.5), q),
  gammainc: (x) => S.gammainc(other(), x),
  'gammainc/input': (a) => S.gammainc(a, other()),
  gammaincc: (x) => S.gammaincc(other(), x),
};
const callOf = (name: string): ((x: T) => T) => {
  if (CALLS[name]) return CALLS[name]!;
  const f = (S as unknown as Record<string, (...a: unknown[]) => T>)[camel(name)]!;
  return name.includes('polynomial') ? (x) => f(x, 3) : (x) => f(x);
};

describe('torch.special: node names and gradients (golden)', () => {
  for (const c of loadFixture<GradCase[]>('special-grad.json')) {
    it(c.name, () => {
      const x = decodeInput(c.input).requiresGrad_();
      const y = callOf(c.name)(x);
      expect(y.requiresGrad).toBe(c.requires_grad);
      if (!c.requires_grad) {
        expect(y.gradFn).toBeNull();
        return;
      }
      expect(y.gradFn!.name()).toBe(c.grad_fn);
      if (c.error !== undefined) {
        expect(() => torch.autograd.grad(y.sum(), [x])).toThrow(c.error);
        return;
      }
      const [g] = torch.autograd.grad(y.sum(), [x]);
      expect(compareTensor(g!, c.grad!)).toBeNull();
    });
  }
});

describe('torch.special: gradcheck (float64)', () => {
  it('erfcx, ndtri, log_ndtr, ndtr (both tails)', () => {
    check((x) => S.erfcx(x), [r(6)]);
    check((x) => S.erfcx(x), [u(-8, 60, 6)]);
    check((x) => S.ndtri(x), [u(0.02, 0.98, 6)]);
    check((x) => S.ndtri(x), [torch.tensor([1e-4, 1e-3, 0.999], { dtype: 'float64', requiresGrad: true })]);
    check((x) => S.logNdtr(x), [u(-30, 6, 8)]);
    check((x) => S.ndtr(x), [r(6)]);
  });

  it('i0e, i1, i1e (0 and both sides of the 8 switch included), entr', () => {
    const xs = () => torch.tensor([-12, -8.5, -3, -0.2, 0, 0.4, 2, 7.9, 9, 25], { dtype: 'float64', requiresGrad: true });
    check((x) => S.i0e(x), [xs()]);
    check((x) => S.i1(x), [xs()]);
    check((x) => S.i1e(x), [xs()]);
    check((x) => S.entr(x), [u(0.05, 5, 6)]);
  });

  it('xlog1py in either operand and with a number, zeta in q, multigammaln, polygamma, round', () => {
    check((x, y) => S.xlog1py(x, y), [r(3, 4), u(-0.9, 3, 4)]);
    check((y) => S.xlog1py(2.5, y), [u(-0.5, 3, 5)]);
    check((x) => S.xlog1py(x, 0.75), [r(5)]);
    check((q) => S.zeta(3, q), [u(0.5, 5, 5)]);
    check((q) => S.zeta(torch.tensor([2, 3.5, 5], { dtype: 'float64' }), q), [u(0.5, 5, 3)]);
    for (const p of [1, 2, 4]) check((x) => S.multigammaln(x, p), [u(2, 8, 5)]);
    check((x) => S.polygamma(1, x), [u(0.5, 4, 4)]);
    check((x) => S.round(x, { decimals: 2 }).add(x), [r(4)]);
  });

  it('the aliases differentiate as their top-level ops', () => {
    check((x) => S.expit(x), [r(5)]);
    check((x) => S.gammaln(x), [u(0.2, 6, 5)]);
    check((x) => S.psi(x), [u(0.2, 6, 5)]);
    check((x) => S.logit(x, 0.1), [u(0.2, 0.8, 5)]);
    check((x) => S.softmax(x, 1).mul(torch.arange(4, { dtype: 'float64' })), [r(3, 4)]);
    check((x) => S.logsumexp(x, [0, 1]), [r(3, 4)]);
    check((x) => S.gammaincc(torch.tensor([0.5, 2, 4], { dtype: 'float64' }), x), [u(0.2, 5, 3)]);
  });
});

describe('torch.special: not differentiable', () => {
  it('Bessel functions and polynomials give results that do not require grad, whatever the inputs', () => {
    const x = u(0.1, 0.9, 4);
    const n = torch.tensor([1, 2, 3, 4], { dtype: 'float64', requiresGrad: true });
    for (const f of [S.besselJ0, S.besselY1, S.modifiedBesselK0, S.scaledModifiedBesselK1, S.sphericalBesselJ0, S.airyAi]) {
      expect(f(x).requiresGrad).toBe(false);
    }
    expect(S.hermitePolynomialH(x, n).requiresGrad).toBe(false);
    expect(S.legendrePolynomialP(0.5, n).requiresGrad).toBe(false);
    expect(S.chebyshevPolynomialT(x, 3).requiresGrad).toBe(false);
  });

  it('zeta has no derivative in x (raised at backward, as PyTorch does)', () => {
    const x = u(2, 4, 3);
    const y = S.zeta(x, 2);
    expect(y.gradFn!.name()).toBe('SpecialZetaBackward2');
    expect(() => y.sum().backward()).toThrow("the derivative for 'zeta' is not implemented.");
    expect(S.zeta(2, x).gradFn!.name()).toBe('SpecialZetaBackward1');
  });
});

describe('torch.special: the namespace', () => {
  it('has all 56 names of PyTorch 1.13', () => {
    const names = ['airy_ai', 'bessel_j0', 'bessel_j1', 'bessel_y0', 'bessel_y1', 'chebyshev_polynomial_t', 'chebyshev_polynomial_u',
      'chebyshev_polynomial_v', 'chebyshev_polynomial_w', 'digamma', 'entr', 'erf', 'erfc', 'erfcx', 'erfinv', 'exp2', 'expit', 'expm1',
      'gammainc', 'gammaincc', 'gammaln', 'hermite_polynomial_h', 'hermite_polynomial_he', 'i0', 'i0e', 'i1', 'i1e', 'laguerre_polynomial_l',
      'legendre_polynomial_p', 'log1p', 'log_ndtr', 'log_softmax', 'logit', 'logsumexp', 'modified_bessel_i0', 'modified_bessel_i1',
      'modified_bessel_k0', 'modified_bessel_k1', 'multigammaln', 'ndtr', 'ndtri', 'polygamma', 'psi', 'round', 'scaled_modified_bessel_k0',
      'scaled_modified_bessel_k1', 'shifted_chebyshev_polynomial_t', 'shifted_chebyshev_polynomial_u', 'shifted_chebyshev_polynomial_v',
      'shifted_chebyshev_polynomial_w', 'sinc', 'softmax', 'spherical_bessel_j0', 'xlog1py', 'xlogy', 'zeta'];
    expect(names.length).toBe(56);
    const missing = names.filter((n) => typeof (S as unknown as Record<string, unknown>)[camel(n)] !== 'function');
    expect(missing).toEqual([]);
  });
});
