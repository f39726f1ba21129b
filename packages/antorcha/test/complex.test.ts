// complex64/complex128 on the CPU against tools/golden/complex.py (fixture complex.json):
// printing, Python's complex repr, elementwise functions (special values included),
// arithmetic with tensors and complex/real scalars, promotion, reductions, products,
// casts and PyTorch's errors; plus storage sharing of the views and the scalar API.
import { describe, expect, it } from 'vitest';
import { loadFixture } from '@antorcha/core/testing';
import * as torch from '../src/index.js';

type V = number | string;
type Pair = [V, V];
interface Enc {
  dtype: string;
  shape: number[];
  values: (V | Pair | boolean)[];
}
interface Fixture {
  repr: { input: Enc; repr: string }[];
  scalar_repr: { value: Pair; repr: string }[];
  unary: { op: string; kind: string; input: Enc; output?: Enc; exact?: Enc; error?: string }[];
  exact_unary: { op: string; input: Enc; output: Enc }[];
  binary: { op: string; a: Enc; b: Enc; output: Enc }[];
  scalar_ops: { tensor: string; input: Enc; op: string; scalar: V | Pair; output: Enc }[];
  promotion: { a: string; b: string; result: string }[];
  reductions: { op: string; input: Enc; output: Enc }[];
  products: { op: string; args: Enc[]; output: Enc }[];
  casts: { input: Enc; dtype: string; output: Enc }[];
  creation: Record<string, Enc>;
  misc: Record<string, Enc>;
  errors: Record<string, { type: string; message: string }>;
}

const F = loadFixture<Fixture>('complex.json');

function num(v: V | boolean): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === '-0') return -0;
  return v as number;
}
const isCx = (dt: string): boolean => dt === 'complex64' || dt === 'complex128';
function scalarOf(v: V | Pair): number | torch.Complex {
  return Array.isArray(v) ? torch.cplx(num(v[0]), num(v[1])) : num(v);
}

/** The tensor a fixture encodes. */
function mk(e: Enc): torch.Tensor {
  const vals = e.values.map((v) => (Array.isArray(v) ? torch.cplx(num(v[0]), num(v[1])) : num(v)));
  if (e.shape.length === 0) return torch.tensor(vals[0]!, { dtype: e.dtype as torch.DTypeName });
  return torch.tensor(vals, { dtype: e.dtype as torch.DTypeName }).reshape(e.shape);
}

/** Flat [re, im] (complex) or [v] parts of a tensor's values. */
function parts(t: torch.Tensor): number[] {
  return Array.from(t.contiguous().dataSync());
}
function expectedParts(e: Enc): number[] {
  return e.values.flatMap((v) => (Array.isArray(v) ? [num(v[0]), num(v[1])] : [num(v)]));
}

/**
 * Compares `t` with an encoded result: dtype and shape exactly; values elementwise with
 * |got − want| ≤ atol + rtol·|want| per element (the complex modulus for complex elements,
 * so a part that is a small difference of large terms is judged against the element's size);
 * NaN and infinities in the same parts.
 */
function check(t: torch.Tensor, e: Enc, rtol: number, atol = 0, exact?: Enc): void {
  expect(t.dtype.name).toBe(e.dtype);
  expect([...t.shape]).toEqual(e.shape);
  const got = parts(t);
  const want = expectedParts(e);
  const ref = exact === undefined ? null : expectedParts(exact);
  expect(got.length).toBe(want.length);
  const k = isCx(e.dtype) ? 2 : 1;
  for (let i = 0; i < want.length; i += k) {
    let mag = 0;
    for (let j = 0; j < k; j++) if (Number.isFinite(want[i + j]!)) mag = Math.hypot(mag, want[i + j]!);
    if (ref !== null && k === 2) {
      // as accurate as PyTorch: no farther from the exact value than PyTorch's result is
      const dist = (a: number, b: number) => Math.hypot(a - ref[i]!, b - ref[i + 1]!);
      const tol = rtol * Math.hypot(ref[i]!, ref[i + 1]!);
      if (dist(got[i]!, got[i + 1]!) <= dist(want[i]!, want[i + 1]!) + tol) continue;
    }
    for (let j = 0; j < k; j++) {
      const g = got[i + j]!, w = want[i + j]!;
      const where = `element ${i / k} part ${j}: got ${g}, want ${w}`;
      if (Number.isNaN(w)) expect(Number.isNaN(g), where).toBe(true);
      else if (!Number.isFinite(w)) expect(g, where).toBe(w);
      else expect(Math.abs(g - w) <= atol + rtol * mag, where).toBe(true);
    }
  }
}

const RTOL: Record<string, number> = { complex64: 2e-6, complex128: 1e-14, float32: 2e-6, float64: 1e-14 };
const rtolOf = (e: Enc): number => RTOL[e.dtype] ?? 0;

describe('printing', () => {
  for (const [i, c] of F.repr.entries()) {
    it(`repr ${i}: ${c.repr.slice(0, 60).replace(/\n/g, '⏎')}`, () => {
      expect(mk(c.input).toString()).toBe(c.repr);
    });
  }
  for (const c of F.scalar_repr) {
    it(`Python repr ${c.repr}`, () => {
      expect(String(scalarOf(c.value))).toBe(c.repr);
    });
  }
});

// PyTorch 1.13 has no complex expm1/log1p/exp2 (2.x has: those are checked against exact values below).
const V2_ONLY = new Set(['expm1', 'log1p', 'exp2']);
const FNS: Record<string, (x: torch.Tensor) => torch.Tensor> = {
  logical_not: (x) => torch.logicalNot(x),
};

describe('unary functions', () => {
  for (const c of F.unary) {
    if (V2_ONLY.has(c.op)) continue;
    it(`${c.op} ${c.input.dtype} ${c.kind}`, () => {
      const fn = FNS[c.op] ?? ((x: torch.Tensor) => (torch as unknown as Record<string, (x: torch.Tensor) => torch.Tensor>)[c.op]!(x));
      const x = mk(c.input);
      if (c.error !== undefined) {
        expect(() => fn(x)).toThrow(c.error);
        return;
      }
      // std::complex special values are checked for NaN/∞ placement; finite ones to a few ulps
      check(fn(x), c.output!, 4 * rtolOf(c.output!), c.kind === 'special' ? 1e-30 : 0, c.exact);
    });
  }
  for (const c of F.exact_unary) {
    it(`${c.op} ${c.input.dtype} (PyTorch 2.x; exact values)`, () => {
      const x = mk(c.input);
      const fn = (torch as unknown as Record<string, (x: torch.Tensor) => torch.Tensor>)[c.op]!;
      check(fn(x), c.output, 4 * rtolOf(c.output));
    });
  }
});

describe('binary operations', () => {
  for (const [i, c] of F.binary.entries()) {
    it(`${c.op} ${c.a.dtype} #${i}`, () => {
      const fn = (torch as unknown as Record<string, (a: torch.Tensor, b: torch.Tensor) => torch.Tensor>)[c.op]!;
      check(fn(mk(c.a), mk(c.b)), c.output, 4 * rtolOf(c.output));
    });
  }
  for (const c of F.scalar_ops) {
    it(`${c.tensor} ${c.op} ${JSON.stringify(c.scalar)}`, () => {
      const x = mk(c.input);
      const s = scalarOf(c.scalar);
      let r: torch.Tensor;
      if (c.op === 'rsub') r = torch.sub(s, x);
      else if (c.op === 'rdiv') r = torch.div(s, x);
      else r = (torch as unknown as Record<string, (a: torch.Tensor, b: number | torch.Complex) => torch.Tensor>)[c.op]!(x, s);
      check(r, c.output, 4 * rtolOf(c.output));
    });
  }
});

describe('promotion', () => {
  const T: Record<string, torch.Tensor | number | torch.Complex> = {
    f32: torch.tensor([1], 'float32'), f64: torch.tensor([1], 'float64'), i64: torch.tensor([1]), b: torch.tensor([true]),
    c64: torch.tensor([torch.cplx(0, 1)]), c128: torch.tensor([torch.cplx(0, 1)], 'complex128'),
    f32_0: torch.tensor(1, 'float32'), f64_0: torch.tensor(1, 'float64'), i64_0: torch.tensor(1), c64_0: torch.tensor(torch.cplx(0, 1)),
    c128_0: torch.tensor(torch.cplx(0, 1), 'complex128'), py_complex: torch.cplx(0, 1), py_float: 1.5, py_int: 2,
  };
  it(`result_type over ${F.promotion.length} pairs`, () => {
    const got = F.promotion.map((c) => `${c.a},${c.b}: ${torch.resultType(T[c.a]!, T[c.b]!).name}`);
    expect(got).toEqual(F.promotion.map((c) => `${c.a},${c.b}: ${c.result}`));
  });
});

describe('reductions and products', () => {
  const R: Record<string, (x: torch.Tensor) => torch.Tensor> = {
    sum: (x) => x.sum(), sum0: (x) => x.sum(0), sum1k: (x) => x.sum(1, { keepdim: true }), mean: (x) => x.mean(), mean1: (x) => x.mean(1),
    prod1: (x) => x.prod(1), prod: (x) => x.prod(), cumsum1: (x) => x.cumsum(1), cumprod1: (x) => x.cumprod(1), var: (x) => x.var(),
    std0: (x) => x.std(0), var1u: (x) => x.var(1, { unbiased: false }), norm: (x) => x.norm(), norm1_dim: (x) => x.norm(1, 1),
  };
  for (const c of F.reductions) {
    it(`${c.op} ${c.input.dtype}`, () => check(R[c.op]!(mk(c.input)), c.output, 8 * rtolOf(c.output)));
  }
  for (const c of F.products) {
    it(`${c.op} ${c.output.dtype}`, () => {
      const fn = (torch as unknown as Record<string, (a: torch.Tensor, b: torch.Tensor) => torch.Tensor>)[c.op]!;
      check(fn(mk(c.args[0]!), mk(c.args[1]!)), c.output, 8 * rtolOf(c.output));
    });
  }
});

describe('casts', () => {
  for (const c of F.casts) {
    it(`${c.input.dtype} → ${c.dtype}`, () => check(mk(c.input).to(c.dtype as torch.DTypeName), c.output, 0));
  }
});

describe('creation', () => {
  const mkC: Record<string, () => torch.Tensor> = {
    full: () => torch.full([2], torch.cplx(1, 2)),
    full128: () => torch.full([2], 3, { dtype: 'complex128' }),
    linspace: () => torch.linspace(0, 1, 5, { dtype: 'complex64' }),
    frombuffer: () => torch.frombuffer(new Float32Array([1.5, -2, 3, 4]).buffer, { dtype: 'complex64' }),
    ones: () => torch.ones(2, { dtype: 'complex64' }),
    eye: () => torch.eye(2, { dtype: 'complex128' }),
  };
  for (const [name, e] of Object.entries(F.creation)) {
    it(name, () => check(mkC[name]!(), e, 0));
  }
});

describe('complex scalars in where, setIndex_ and comparisons', () => {
  const z = mk(F.misc.input!);
  it('where with a complex scalar', () => check(torch.where(z.real.gt(0), torch.cplx(9, 9), z), F.misc.where_scalar!, 0));
  it('setIndex_ with a complex value', () => check(z.clone().setIndex_([0, 0], torch.cplx(5, 5)), F.misc.set_index!, 0));
  it('eq with a complex scalar', () => check(z.eq(torch.cplx(3, -4)), F.misc.eq_scalar!, 0));
});

describe("PyTorch's errors", () => {
  const z = torch.tensor([torch.cplx(1, 2), torch.cplx(3, -1)]);
  const E: Record<string, () => unknown> = {
    lt: () => z.lt(z),
    max: () => z.max(),
    imag_real: () => torch.tensor([1], 'float32').imag,
    add_inplace_real: () => torch.tensor([1], 'float32').add_(torch.cplx(0, 1)),
    floor: () => torch.floor(z),
    sign: () => torch.sign(z),
    maximum: () => torch.maximum(z, z),
    view_as_real_real: () => torch.viewAsReal(torch.tensor([1], 'float32')),
    view_as_complex_last: () => torch.viewAsComplex(torch.zeros(3, 3)),
    view_as_complex_stride: () => torch.viewAsComplex(torch.zeros(2, 4).index(':', '::2')),
    complex_dtypes: () => torch.complex(torch.zeros(2), torch.zeros(2, { dtype: 'float64' })),
    complex_int: () => torch.complex(torch.zeros(2, { dtype: 'int64' }), torch.zeros(2, { dtype: 'int64' })),
    abs_inplace: () => z.clone().abs_(),
    sort: () => z.sort(),
    logsumexp: () => z.logsumexp(0),
    max_dim: () => z.max(0),
    arange: () => torch.arange(3, { dtype: 'complex64' }),
    float_of_complex: () => Number(torch.tensor(torch.cplx(1, 2))),
  };
  for (const [name, e] of Object.entries(F.errors)) {
    it(name, () => {
      expect(E[name], `no call for ${name}`).toBeDefined();
      expect(E[name]!).toThrow(e.message);
      try {
        E[name]!();
      } catch (err) {
        expect(err).toBeInstanceOf(torch.TorchError);
      }
    });
  }
});

describe('views and scalars', () => {
  it('view_as_real, real and imag share storage with the complex tensor', () => {
    const z = torch.tensor([torch.cplx(1, 2), torch.cplx(3, 4)]);
    const r = torch.viewAsReal(z);
    expect([...r.shape]).toEqual([2, 2]);
    expect(r.dtype).toBe(torch.float32);
    r.select(1, 1).fill_(-5);
    z.real.mul_(10);
    expect((z.tolist() as torch.Complex[]).map(String)).toEqual(['(10-5j)', '(30-5j)']);
    expect(z.imag.tolist()).toEqual([-5, -5]);
    z.imag = torch.tensor([7, 8], 'float32');
    expect(r.tolist()).toEqual([[10, 7], [30, 8]]);
  });
  it('view_as_complex of a float tensor shares its storage, also when strided', () => {
    const f = torch.arange(12, { dtype: 'float64' }).reshape(3, 4);
    const c = torch.viewAsComplex(f.reshape(3, 2, 2)).select(1, 1);
    expect(c.dtype).toBe(torch.complex128);
    expect((c.tolist() as torch.Complex[]).map(String)).toEqual(['(2+3j)', '(6+7j)', '(10+11j)']);
    c.fill_(torch.cplx(-1, -2));
    expect(f.select(1, 2).tolist()).toEqual([-1, -1, -1]);
    expect(f.select(1, 3).tolist()).toEqual([-2, -2, -2]);
    expect(torch.viewAsReal(c).tolist()).toEqual([[-1, -2], [-1, -2], [-1, -2]]);
  });
  it('item, tolist and the Complex type', () => {
    const z = torch.tensor([[torch.cplx(1.5, -2)]], 'complex128');
    const v = z.item();
    expect(v).toBeInstanceOf(torch.Complex);
    expect((v as torch.Complex).re).toBe(1.5);
    expect((v as torch.Complex).im).toBe(-2);
    expect((z.tolist() as torch.Complex[][])[0]![0]!.equals(torch.cplx(1.5, -2))).toBe(true);
    expect(`${torch.tensor(torch.cplx(0, 1))}`).toBe('1j');
  });
  it('complex() and polar() build from parts; conj is a view with the conjugate bit', () => {
    const re = torch.tensor([1, 2], 'float32'), im = torch.tensor([3, -4], 'float32');
    const z = torch.complex(re, im);
    expect(z.dtype).toBe(torch.complex64);
    expect(torch.equal(z.real, re) && torch.equal(z.imag, im)).toBe(true);
    const c = z.conj();
    expect(c.isConj()).toBe(true);
    expect(torch.equal(c.imag, im.neg())).toBe(true);
    expect(c.resolveConj().isConj()).toBe(false);
    expect(torch.equal(c.resolveConj(), c)).toBe(true);
    expect(re.conj()).toBe(re);
    const p = torch.polar(torch.tensor([2], 'float64'), torch.tensor([0], 'float64'));
    expect(p.dtype).toBe(torch.complex128);
    expect((p.tolist() as torch.Complex[]).map(String)).toEqual(['(2+0j)']);
  });
  it('fill_, zeros, ones and full accept complex dtypes and values', () => {
    const z = torch.zeros(2, { dtype: 'complex64' });
    expect(z.toString()).toBe(mk({ dtype: 'complex64', shape: [2], values: [[0, 0], [0, 0]] }).toString());
    z.fill_(torch.cplx(1, -1));
    expect((z.tolist() as torch.Complex[]).map(String)).toEqual(['(1-1j)', '(1-1j)']);
    z.fill_(3);
    expect((z.tolist() as torch.Complex[]).map(String)).toEqual(['(3+0j)', '(3+0j)']);
    expect(() => torch.zeros(2).fill_(torch.cplx(0, 1))).toThrow(torch.TorchError);
    expect(torch.tensor([1, 2], 'float32').isComplex()).toBe(false);
    expect(z.isComplex()).toBe(true);
  });
});
