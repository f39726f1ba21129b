import type { DTypeName, UnaryOp } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { be, close, type LayoutKind, numelOf, output, read, rng, sample, view } from '../test/helpers.js';
import { roundFloat, wrapInt } from '../test/reference.js';

const SHAPE = [2, 3, 7];
const N = numelOf(SHAPE);

/** Naive references in double precision (the kernel result is this, rounded to the dtype). */
const erfSeries = (x: number): number => {
  // Taylor series, adequate for |x| <= 3 in double precision
  let term = x, sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
};
/** log Γ(x) by Lanczos' approximation (g = 7), with the reflection formula below 1/2. */
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
const lgammaRef = (x: number): number => {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgammaRef(1 - x);
  const y = x - 1;
  let a = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
};
/** ψ(x): recurrence up to x ≥ 30, then the asymptotic series; reflection for x < 0. */
const digammaRef = (x: number): number => {
  if (x < 0) return digammaRef(1 - x) - Math.PI / Math.tan(Math.PI * x);
  let r = 0;
  while (x < 30) r -= 1 / x++;
  const z = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x - z * (1 / 12 - z * (1 / 120 - z * (1 / 252 - z * (1 / 240 - z / 132))));
};
/** Modified Bessel functions by their power series. */
const besselRef = (x: number, order: 0 | 1): number => {
  let term = order === 0 ? 1 : x / 2, sum = term;
  for (let k = 1; k < 200; k++) {
    term *= (x * x) / 4 / (k * (k + order));
    sum += term;
  }
  return sum;
};
const frexpRef = (x: number): [number, number] => {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let m = Math.abs(x), e = 0;
  while (m >= 1) { m /= 2; e++; }
  while (m < 0.5) { m *= 2; e--; }
  return [x < 0 ? -m : m, e];
};
// Optional double-precision references for kernel-level layout tests: the golden suite
// (real PyTorch, every layout and dtype) is what every kernel must pass; a new op may add
// a reference here but does not have to.
const REF: Partial<Record<UnaryOp, (x: number) => number>> = {
  neg: (x) => -x, exp: Math.exp, expm1: Math.expm1, log: Math.log, log1p: Math.log1p, log2: Math.log2,
  log10: Math.log10, sqrt: Math.sqrt, rsqrt: (x) => 1 / Math.sqrt(x), abs: Math.abs,
  sign: (x) => (Number.isNaN(x) ? 0 : x > 0 ? 1 : x < 0 ? -1 : 0),
  sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan,
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, asinh: Math.asinh, acosh: Math.acosh, atanh: Math.atanh,
  sigmoid: (x) => 1 / (1 + Math.exp(-x)), relu: (x) => (x > 0 || Number.isNaN(x) ? x : 0), reciprocal: (x) => 1 / x,
  floor: Math.floor, ceil: Math.ceil, trunc: Math.trunc, frac: (x) => x - Math.trunc(x),
  round: (x) => {
    const f = Math.floor(x), d = x - f;
    return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
  },
  erf: erfSeries, erfc: (x) => 1 - erfSeries(x),
  erfinv: (y) => {
    // bisection on erf
    let lo = -6, hi = 6;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (erfSeries(Math.max(-3, Math.min(3, mid))) < y) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  },
  square: (x) => x * x, logicalNot: (x) => (x ? 0 : 1), bitwiseNot: (x) => -x - 1,
  isnan: (x) => (Number.isNaN(x) ? 1 : 0), isinf: (x) => (Math.abs(x) === Infinity ? 1 : 0),
  isfinite: (x) => (Number.isFinite(x) ? 1 : 0), signbit: (x) => (x < 0 || Object.is(x, -0) ? 1 : 0),
  gelu: (x) => 0.5 * x * (1 + erfSeries(x / Math.SQRT2)),
  geluTanh: (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3))),
  silu: (x) => x / (1 + Math.exp(-x)),
  softplus: (x) => (x > 20 ? x : Math.log(1 + Math.exp(x))),
  elu: (x) => (x > 0 ? x : Math.exp(x) - 1),
  leakyRelu: (x) => (x > 0 ? x : 0.01 * x),
  hardtanh: (x) => Math.min(1, Math.max(-1, x)),
  logSigmoid: (x) => -Math.log(1 + Math.exp(-x)),
  exp2: (x) => 2 ** x, lgamma: lgammaRef, digamma: digammaRef, polygammaN: digammaRef,
  i0: (x) => besselRef(x, 0), i1: (x) => besselRef(x, 1),
  frexpMantissa: (x) => frexpRef(x)[0], frexpExponent: (x) => frexpRef(x)[1],
};
/** Ops whose naive reference (series, Lanczos) is itself good to ~1e-13 only. */
const LOOSE = new Set<UnaryOp>(['lgamma', 'digamma', 'polygammaN', 'i0', 'i1']);
const BOOL_OUT = new Set<UnaryOp>(['logicalNot', 'isnan', 'isinf', 'isfinite', 'signbit']);
const ALL_OPS = Object.keys(REF) as UnaryOp[];
const FLOAT_OPS = ALL_OPS.filter((op) => op !== 'bitwiseNot');

function inputs(op: UnaryOp, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: N }, () => {
    const u = r();
    if (op === 'erfinv' || op === 'atanh' || op === 'asin' || op === 'acos') return 2 * u - 1;
    if (op === 'erf' || op === 'erfc' || op === 'gelu') return (u - 0.5) * 5;
    if (op === 'acosh') return 1 + u * 4;
    return (u - 0.5) * 10;
  });
}

const LAYOUT_PAIRS: [LayoutKind, LayoutKind][] = [['contiguous', 'contiguous'], ['permuted', 'contiguous'], ['gapped', 'permuted'], ['offset', 'gapped']];

describe('unary: every op on float dtypes and layouts against naive references', () => {
  for (const dt of ['float32', 'float64'] as DTypeName[]) {
    for (const op of FLOAT_OPS) {
      it(`${op} ${dt}`, () => {
        const xs = inputs(op, 3).map((v) => roundFloat(v, dt));
        const outDt: DTypeName = BOOL_OUT.has(op) ? 'bool' : dt;
        // the references lose a few ulps in places (series, log(1+e^x)); the kernel must be close
        const rtol = LOOSE.has(op) ? (dt === 'float32' ? 1e-6 : 1e-12) : dt === 'float32' ? 3e-7 : ['erf', 'erfc', 'gelu', 'geluTanh', 'silu', 'erfinv', 'softplus', 'logSigmoid', 'elu'].includes(op) ? 1e-12 : 4e-16;
        for (const [lx, lo] of LAYOUT_PAIRS) {
          const out = output(outDt, SHAPE, lo);
          be.unary(op, view(dt, SHAPE, xs, lx), out, dt);
          const got = read(out);
          xs.forEach((x, i) => {
            const want = BOOL_OUT.has(op) ? REF[op]!(x) : roundFloat(REF[op]!(x), dt);
            if (!close(got[i], want, rtol, op === 'erfc' || op === 'frac' ? 1e-15 : LOOSE.has(op) ? (dt === 'float32' ? 1e-6 : 1e-12) : 0)) expect({ op, x, got: got[i] }).toEqual({ op, x, got: want });
          });
        }
      });
    }
  }
});

describe('unary: integer dtypes', () => {
  const INT_OPS: UnaryOp[] = ['neg', 'abs', 'sign', 'relu', 'square', 'floor', 'ceil', 'round', 'trunc', 'bitwiseNot', 'logicalNot', 'isnan', 'isfinite', 'signbit'];
  for (const dt of ['int32', 'int64', 'uint8'] as DTypeName[]) {
    it(`${dt}`, () => {
      const xs = sample(dt, N, 9);
      xs[0] = dt === 'int32' ? -(2 ** 31) : dt === 'int64' ? -(2 ** 26) - 3 : 255;
      xs[1] = 0;
      for (const op of INT_OPS) {
        for (const [lx, lo] of LAYOUT_PAIRS.slice(0, 2)) {
          const outDt: DTypeName = BOOL_OUT.has(op) ? 'bool' : dt;
          const out = output(outDt, SHAPE, lo);
          be.unary(op, view(dt, SHAPE, xs, lx), out, dt);
          const want = xs.map((x) => {
            const v = REF[op]!(x);
            return BOOL_OUT.has(op) ? v : wrapInt(BigInt(v), dt);
          });
          const got = read(out);
          got.forEach((g) => expect(Object.is(g, -0)).toBe(false));
          expect({ op, got }).toEqual({ op, got: want });
        }
      }
    });
  }
  it('bool', () => {
    const out = output('bool', [4]);
    be.unary('bitwiseNot', view('bool', [4], [1, 0, 0, 1]), out, 'bool');
    expect(read(out)).toEqual([0, 1, 1, 0]);
    be.unary('logicalNot', view('float32', [4], [NaN, 0, -0, 2]), out, 'float32');
    expect(read(out)).toEqual([0, 1, 1, 0]);
  });
});

describe('unary: special functions at known points', () => {
  it('polygamma orders, lgamma and digamma poles, frexp of subnormals', () => {
    const x = view('float64', [4], [1, 2, 0.5, 3]);
    const out = output('float64', [4]);
    be.unary('polygammaN', x, out, 'float64', { a: 1 });
    // trigamma(1) = π²/6, trigamma(2) = π²/6 − 1, trigamma(1/2) = π²/2, trigamma(3) = π²/6 − 5/4
    const z2 = Math.PI ** 2 / 6;
    // PyTorch's trigamma (6 recurrence steps and a short asymptotic series) is good to ~1e-10
    read(out).forEach((g, i) => expect(close(g, [z2, z2 - 1, 3 * z2, z2 - 1.25][i]!, 1e-9)).toBe(true));
    be.unary('polygammaN', x, out, 'float64', { a: 2 });
    // ψ''(1) = −2ζ(3)
    expect(close(read(out)[0]!, -2 * 1.2020569031595942, 1e-13)).toBe(true);
    const poles = view('float64', [4], [0, -0, -1, -2]);
    be.unary('lgamma', poles, out, 'float64');
    expect(read(out)).toEqual([Infinity, Infinity, Infinity, Infinity]);
    be.unary('digamma', poles, out, 'float64');
    expect(read(out)).toEqual([-Infinity, Infinity, NaN, NaN]);
    const sub = view('float64', [3], [5e-324, -1e-310, 1.7e308]);
    const m = output('float64', [3]);
    be.unary('frexpMantissa', sub, m, 'float64');
    expect(read(m)).toEqual([0.5, frexpRef(-1e-310)[0], frexpRef(1.7e308)[0]]);
    const e = output('float64', [3]);
    be.unary('frexpExponent', sub, e, 'float64');
    expect(read(e)).toEqual([-1073, frexpRef(-1e-310)[1], 1024]);
  });
});

describe('unary: parameters, output casts and conversions', () => {
  it('passes params and uses PyTorch defaults', () => {
    const xs = [-3, -1, -0.25, 0, 0.5, 2, 4, 30];
    const x = view('float64', [8], xs);
    const out = output('float64', [8]);
    be.unary('leakyRelu', x, out, 'float64', { a: 0.2 });
    expect(read(out)).toEqual(xs.map((v) => (v > 0 ? v : v * 0.2)));
    be.unary('hardtanh', x, out, 'float64', { a: -0.5, b: 2 });
    expect(read(out)).toEqual(xs.map((v) => Math.min(2, Math.max(-0.5, v))));
    be.unary('softplus', x, out, 'float64', { a: 2, b: 3 });
    read(out).forEach((g, i) => expect(close(g, xs[i] * 2 > 3 ? xs[i] : Math.log1p(Math.exp(2 * xs[i])) / 2, 1e-14)).toBe(true));
    be.unary('elu', x, out, 'float64', { a: 0.5 });
    read(out).forEach((g, i) => expect(close(g, xs[i] > 0 ? xs[i] : 0.5 * Math.expm1(xs[i]), 1e-14)).toBe(true));
    be.unary('softplus', x, out, 'float64');
    expect(read(out)[7]).toBe(30); // threshold 20
  });

  it('converts inputs to the compute dtype and rounds before casting to out', () => {
    const out = output('float64', [2]);
    be.unary('exp', view('int32', [2], [0, 1]), out, 'float32');
    expect(read(out)).toEqual([1, Math.fround(Math.E)]);
    const oi = output('int64', [3]);
    be.unary('neg', view('float64', [3], [1.5, -2.7, 0.2]), oi, 'float64');
    expect(read(oi)).toEqual([-1, 2, 0]);
    expect(Object.is(read(oi)[2], -0)).toBe(false);
  });

  it('handles empty and 0-d views', () => {
    be.unary('exp', output('float32', [0]), output('float32', [0]), 'float32');
    const o = output('float32', []);
    be.unary('sqrt', view('float32', [], [4]), o, 'float32');
    expect(read(o)).toEqual([2]);
  });
});
