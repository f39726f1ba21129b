// Random fills of complex tensors against PyTorch 1.13 (tools/golden/complex_random.py →
// complex-random.json): PyTorch draws over the real view (std/√2 per part for normal), so
// complex64/complex128 values follow the float stream bit for bit, for several seeds and shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '@antorcha/core/testing';
import * as torch from '../src/index.js';

type V = number | string;
interface Enc {
  dtype: string;
  shape: number[];
  values: [V, V][];
}
interface Case {
  op: string;
  dtype: string;
  shape: number[];
  seed: number;
  out: Enc;
}
const F = loadFixture<{ cases: Case[]; generator: Record<string, Enc>; errors: Record<string, { message: string; message_2x?: string }> }>('complex-random.json');

const num = (v: V): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : (v as number));

/** Exactly PyTorch's values (the same draws, the same float arithmetic). */
function exact(t: torch.Tensor, e: Enc): void {
  expect(t.dtype.name).toBe(e.dtype);
  expect([...t.shape]).toEqual(e.shape);
  const got = Array.from(t.resolveConj().contiguous().dataSync() as Float32Array | Float64Array);
  expect(got).toEqual(e.values.flatMap(([re, im]) => [num(re), num(im)]));
}

type Dt = torch.DTypeName;
const OPS: Record<string, (shape: number[], dt: Dt) => torch.Tensor> = {
  randn: (s, dt) => torch.randn(s, { dtype: dt }),
  rand: (s, dt) => torch.rand(s, { dtype: dt }),
  randn_like: (s, dt) => torch.randnLike(torch.zeros(s, { dtype: dt })),
  rand_like: (s, dt) => torch.randLike(torch.zeros(s, { dtype: dt })),
  normal_: (s, dt) => torch.zeros(s, { dtype: dt }).normal_(1.5, 3),
  uniform_: (s, dt) => torch.zeros(s, { dtype: dt }).uniform_(-2, 5),
  normal_t: (s, dt) => torch.zeros(s, { dtype: dt }).t().normal_(),
  uniform_t: (s, dt) => torch.zeros(s, { dtype: dt }).t().uniform_(),
  normal_conj_view: (s, dt) => torch.zeros(s, { dtype: dt }).conj().normal_(),
  normal_conj_base: (s, dt) => {
    const b = torch.zeros(s, { dtype: dt });
    b.conj().normal_();
    return b;
  },
  normal_mean_tensor: (s, dt) => torch.normal(torch.full(s, torch.cplx(1, 2), { dtype: dt }), 0.5),
  normal_mean_tensor_std: (s, dt) => torch.normal(torch.full(s, torch.cplx(1, -0.5), { dtype: dt }), 0.3),
  normal_mean_std_tensors: (s, dt) => torch.normal(torch.full(s, torch.cplx(1, -0.5), { dtype: dt }), torch.full(s, 0.3)),
};

describe('complex random fills (PyTorch stream, bit-exact)', () => {
  // the golden is 1.13's stream: its float64 Box–Muller radius is log(1 − u), 2.x's log1p(−u)
  beforeAll(() => torch.setRngCompat('1.13'));
  afterAll(() => torch.setRngCompat('2'));
  it('every PyTorch op has a replay here', () => expect(Object.keys(OPS).sort()).toEqual([...new Set(F.cases.map((c) => c.op))].sort()));
  for (const c of F.cases) {
    it(`${c.op} ${c.dtype} [${c.shape}] seed ${c.seed}`, () => {
      torch.manualSeed(c.seed);
      exact(OPS[c.op]!(c.shape, c.dtype as Dt), c.out);
    });
  }
  it('a generator of its own', () => {
    const g = new torch.Generator().manualSeed(7);
    for (const dt of ['complex64', 'complex128'] as const) exact(torch.randn([6], { dtype: dt, generator: g }), F.generator[dt]!);
  });
});

describe('complex random fills: errors', () => {
  const z = (dt: Dt = 'complex64') => torch.zeros(3, { dtype: dt });
  it('exponential_, random_ and bernoulli_ have no complex kernel', () => {
    expect(() => z().exponential_()).toThrow(F.errors.exponential_!.message);
    expect(() => z().random_()).toThrow(F.errors.random_!.message);
    expect(() => z().bernoulli_()).toThrow(F.errors.bernoulli_!.message);
    expect(() => z().bernoulli_(torch.full([3], 0.5))).toThrow(F.errors.bernoulli_tensor!.message);
    expect(() => z('complex128').random_(0, 5)).toThrow(F.errors.random_from_to!.message);
    expect(() => torch.randint(0, 3, [2], { dtype: 'complex64' })).toThrow(F.errors.randint!.message);
    expect(() => torch.randperm(3, { dtype: 'complex64' })).toThrow(F.errors.randperm!.message);
    expect(() => z().cauchy_()).toThrow(F.errors.cauchy_!.message_2x!); // 2.x's text (see the golden script)
    expect(() => z().logNormal_()).toThrow(F.errors.log_normal_!.message);
    expect(() => z().geometric_(0.5)).toThrow(F.errors.geometric_!.message);
  });
  it('normal_ with a negative std, uniform_ with from > to', () => {
    expect(() => z().normal_(0, -1)).toThrow(F.errors.normal_std!.message);
    expect(() => z('complex128').uniform_(2, 1)).toThrow(F.errors.uniform_bounds!.message);
  });
});
