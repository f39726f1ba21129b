// float16 and bfloat16 through the facade on the CPU: every golden case of ops-half.json
// (tools/golden/ops_half.py: casts, factories, math, promotion, reductions, scans, products,
// sorting, indexing) run here on their own, for a readable report (the conformance suites
// run them too), and the host-side API: data()/dataSync()/item()/tolist() decode values.
import { describe, expect, it } from 'vitest';
import { loadFixture, runOpCase, type OpCase } from '@antorcha/core/testing';
import * as torch from '../src/index.js';

const cases = loadFixture<OpCase[]>('ops-half.json');

describe('ops-half.json on the CPU', () => {
  it('has cases for both dtypes', () => {
    expect(cases.filter((c) => c.name.includes('float16')).length).toBeGreaterThan(200);
    expect(cases.filter((c) => c.name.includes('bfloat16')).length).toBeGreaterThan(200);
  });
  for (const c of cases) {
    it(c.name, () => {
      expect(runOpCase(c)).toBeNull();
    });
  }
});

describe('host values of 16-bit tensors', () => {
  it('data()/dataSync() are Float32Arrays of values; readStorage gives bit patterns', async () => {
    const x = torch.tensor([1, 0.1, -2], { dtype: 'float16' });
    const v = x.dataSync();
    expect(v).toBeInstanceOf(Float32Array);
    expect(Array.from(v)).toEqual([1, torch.roundToFloat16(0.1), -2]);
    expect(Array.from(await x.data())).toEqual(Array.from(v));
    const bits = await torch.readStorage(x);
    expect(bits).toBeInstanceOf(Uint16Array);
    expect(Array.from(bits)).toEqual([torch.float16Bits(1), torch.float16Bits(0.1), torch.float16Bits(-2)]);
    const b = torch.tensor([[0.1]], { dtype: 'bfloat16' });
    expect(b.item()).toBe(torch.roundToBfloat16(0.1));
    expect(b.tolist()).toEqual([[torch.roundToBfloat16(0.1)]]);
  });
});

interface PrintCase {
  name: string;
  dtype: 'float16' | 'bfloat16';
  shape: number[];
  values: (number | string)[];
  requiresGrad: boolean;
  expected: string;
}

describe('printing 16-bit tensors as PyTorch does (printing-half.json, tools/golden/printing_half.py)', () => {
  const decode = (v: number | string): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : (v as number));
  for (const c of loadFixture<PrintCase[]>('printing-half.json')) {
    it(c.name, () => {
      const t = torch.tensor(c.values.map(decode), { dtype: c.dtype, requiresGrad: c.requiresGrad }).reshape(c.shape);
      const leaf = c.requiresGrad ? torch.tensor(c.values.map(decode), { dtype: c.dtype, requiresGrad: true }) : t;
      expect(leaf.toString()).toBe(c.expected);
    });
  }
});

interface RandomCase {
  name: string;
  seed: number;
  call: string;
  dtype: 'float16' | 'bfloat16';
  shape: number[];
  values: number[];
}

describe("random fills of 16-bit tensors follow PyTorch's stream (random-half.json, tools/golden/random_half.py)", () => {
  const CALLS: Record<string, (o: { dtype: 'float16' | 'bfloat16' }) => torch.Tensor> = {
    rand: (o) => torch.rand([7], o),
    randn: (o) => torch.randn([2, 5], o),
    uniform_: (o) => torch.empty([6], o).uniform_(-2, 3),
    normal_: (o) => torch.empty([6], o).normal_(1.5, 0.25),
    random_: (o) => torch.empty([6], o).random_(),
    random_to: (o) => torch.empty([6], o).random_(100),
    randint: (o) => torch.randint(-5, 20, [6], o),
    normal_transposed: (o) => torch.empty([3, 2], o).t().normal_(),
    uniform_transposed: (o) => torch.empty([3, 2], o).t().uniform_(),
    bernoulli: (o) => torch.bernoulli(torch.full([8], 0.3, o)),
  };
  for (const c of loadFixture<RandomCase[]>('random-half.json')) {
    it(c.name, () => {
      torch.manualSeed(c.seed);
      const t = CALLS[c.call]!({ dtype: c.dtype });
      expect(t.dtype.name).toBe(c.dtype);
      expect([...t.shape]).toEqual(c.shape);
      expect(Array.from(t.dataSync())).toEqual(c.values);
    });
  }
});
