// The statistics ops through the facade: gradients (gradcheck on float64 inputs without
// ties, where PyTorch's derivative is the one a composite gives), `torch.return_types`
// results (destructuring, named fields) and their printing against PyTorch's repr
// (packages/core/fixtures/return-types.json, written by tools/golden/ops_statistics.py).
// Values, dtypes and errors are checked by the op conformance suites (ops-statistics.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

interface GradCase {
  name: string;
  input: (number | string)[];
  grad: (number | string)[];
}
const gradCases = JSON.parse(readFileSync(new URL('./fixtures/statistics-grads.json', import.meta.url), 'utf8')) as GradCase[];
const num = (v: number | string): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : (v as number));
const f64 = (v: number[]) => torch.tensor(v, { dtype: 'float64' });

/** The functions of tools/golden/ops_statistics.py's GRADS, by name. */
const GRAD_FNS: Record<string, (x: torch.Tensor) => torch.Tensor> = {
  median_all_ties: (x) => torch.median(x),
  median_all_nan: (x) => torch.median(x),
  nanmedian_all_ties: (x) => torch.nanmedian(x),
  median_all_neg_zero: (x) => torch.median(x),
  median_dim_ties: (x) => torch.median(x.reshape(2, 4), 1).values,
  nanmedian_dim_nan: (x) => torch.nanmedian(x.reshape(2, 4), 1).values,
  mode_ties: (x) => torch.mode(x).values,
  kthvalue: (x) => torch.kthvalue(x, 2).values,
  quantile_ties: (x) => torch.quantile(x, f64([0.2, 0.5, 0.9])),
  quantile_nan: (x) => torch.quantile(x, 0.5),
  nanquantile_nan: (x) => torch.nanquantile(x, 0.4),
  quantile_midpoint: (x) => torch.quantile(x.reshape(2, 3), 0.3, 1, { interpolation: 'midpoint' }),
  nanmean_nan: (x) => torch.nanmean(x),
  std_mean: (x) => torch.add(...torch.stdMean(x)),
  var_mean_dim: (x) => torch.add(...torch.varMean(x.reshape(2, 2), 0)),
  msort_ties: (x) => torch.msort(x).mul(torch.arange(1, 5, { dtype: 'float64' })),
};

const reprs = JSON.parse(readFileSync(new URL('../../core/fixtures/return-types.json', import.meta.url), 'utf8')) as Record<string, string>;

/** float64 values without ties (a shuffled, scaled range), requiring grad. */
function distinct(shape: number[], seed: number): torch.Tensor {
  torch.manualSeed(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return torch.randperm(n).to('float64').mul(0.37).sub(n * 0.15).reshape(shape).requiresGrad_(true);
}

const check = (fn: (...a: any[]) => torch.Tensor | Iterable<torch.Tensor>, inputs: unknown[]) =>
  expect(torch.autograd.gradcheck(fn, inputs, { raiseException: true })).toBe(true);

describe('statistics ops: gradients (gradcheck, float64)', () => {
  it('median and nanmedian, of all elements and along a dim', () => {
    check((x) => torch.median(x), [distinct([3, 4], 1)]);
    check((x) => torch.median(x, 1).values, [distinct([3, 4], 2)]);
    check((x) => torch.median(x, 0, true).values, [distinct([4, 3], 3)]);
    check((x) => torch.nanmedian(x), [distinct([5], 4)]);
    check((x) => torch.nanmedian(x, -1).values, [distinct([2, 6], 5)]);
  });

  it('nanmedian with NaN: the gradient reaches the picked element only', () => {
    const x = torch.tensor([[1, NaN, 3, 2], [NaN, 5, 4, NaN]], { dtype: 'float64', requiresGrad: true });
    torch.nanmedian(x, 1).values.sum().backward();
    expect(Array.from(x.grad!.dataSync())).toEqual([0, 0, 0, 1, 0, 0, 1, 0]);
  });

  it('mode and kthvalue', () => {
    check((x) => torch.mode(x, 1).values, [distinct([3, 4], 6)]);
    check((x) => torch.kthvalue(x, 2, 1).values, [distinct([3, 4], 7)]);
    check((x) => torch.kthvalue(x, 3, 0, true).values, [distinct([4, 2], 8)]);
  });

  it('quantile and nanquantile, every interpolation', () => {
    for (const interpolation of ['linear', 'lower', 'higher', 'midpoint', 'nearest'] as const) {
      check((x) => torch.quantile(x, 0.3, 1, { interpolation }), [distinct([3, 5], 9)]);
      check((x) => torch.nanquantile(x, torch.tensor([0.1, 0.55, 0.9], { dtype: 'float64' }), null, { interpolation }), [distinct([7], 10)]);
    }
    check((x) => torch.quantile(x, torch.tensor([0.25, 0.8], { dtype: 'float64' }), 0, { keepdim: true }), [distinct([4, 3], 11)]);
    // q differentiates too (through the interpolation weight), as in PyTorch
    check((x, q) => torch.quantile(x, q, 1), [distinct([3, 5], 19), torch.tensor([0.13, 0.62], { dtype: 'float64', requiresGrad: true })]);
    check((x, q) => torch.nanquantile(x, q), [distinct([6], 20), torch.tensor([0.37], { dtype: 'float64', requiresGrad: true })]);
  });

  it('msort, nanmean, std_mean, var_mean, aminmax', () => {
    check((x) => torch.msort(x), [distinct([4, 3], 12)]);
    check((x) => torch.nanmean(x, 1), [distinct([3, 4], 13)]);
    check((x) => torch.nanmean(x), [torch.tensor([1, NaN, 2.5, -1], { dtype: 'float64', requiresGrad: true })]);
    check((x) => torch.stdMean(x, 1), [distinct([3, 4], 14)]);
    check((x) => torch.stdMean(x, null, { correction: 0 }), [distinct([3, 4], 15)]);
    check((x) => torch.varMean(x, [0], { keepdim: true }), [distinct([3, 4], 16)]);
    check((x) => torch.aminmax(x, { dim: 1 }), [distinct([3, 4], 17)]);
    check((x) => torch.aminmax(x), [distinct([3, 4], 18)]);
  });
});

describe('statistics ops: gradients against PyTorch (ties, NaN, interpolation)', () => {
  for (const c of gradCases) {
    it(c.name, () => {
      const x = torch.tensor(c.input.map(num), { dtype: 'float64', requiresGrad: true });
      GRAD_FNS[c.name]!(x).sum().backward();
      // bit for bit (NaN equals NaN)
      expect(Array.from(x.grad!.dataSync())).toEqual(c.grad.map(num));
    });
  }
  it('median keeps −0 (the gradient path adds no +0)', () => {
    const x = torch.tensor([-0, 1, -1], { dtype: 'float64', requiresGrad: true });
    expect(Object.is(torch.median(x).item(), -0)).toBe(true);
  });
});

describe('torch.return_types results', () => {
  const x = torch.tensor([[1, 5, 3], [4, 2, 6]]).float();

  it('destructure, and expose named fields', () => {
    const r = torch.median(x, 1);
    const [values, indices] = r;
    expect(values).toBe(r.values);
    expect(indices).toBe(r.indices);
    expect(r.length).toBe(2);
    expect(r[0]).toBe(values);
    expect(r.name).toBe('median');
    const mm = torch.aminmax(x);
    const [lo, hi] = mm;
    expect(lo).toBe(mm.min);
    expect(hi).toBe(mm.max);
    const h = torch.histogram(x, 2);
    const [hist, edges] = h;
    expect(hist).toBe(h.hist);
    expect(edges).toBe(h.binEdges);
    const dd = torch.histogramdd(x, [2, 3, 4]);
    const [ddHist, ddEdges] = dd;
    expect(ddHist).toBe(dd.hist);
    expect(ddEdges).toBe(dd.binEdges);
    expect(dd.binEdges.length).toBe(3);
  });

  it("print as PyTorch prints them", () => {
    expect(String(torch.median(x, 1))).toBe(reprs.median);
    expect(String(torch.nanmedian(x, 0))).toBe(reprs.nanmedian);
    expect(String(torch.mode(torch.tensor([1, 1, 2])))).toBe(reprs.mode);
    expect(String(torch.kthvalue(x, 2, 1))).toBe(reprs.kthvalue);
    expect(String(torch.aminmax(x))).toBe(reprs.aminmax);
    expect(String(torch.aminmax(x, { dim: 1 }))).toBe(reprs.aminmax_dim);
    expect(String(torch.histogram(x, 2))).toBe(reprs.histogram);
    expect(String(torch.histogramdd(torch.tensor([[0, 1], [1, 0], [2, 2]]).float(), [2, 2]))).toBe(reprs.histogramdd);
    expect(String(torch.histogramdd(torch.tensor([[0], [1]]).float(), 2))).toBe(reprs.histogramdd_1);
  });

  it('a ValuesIndices named after max/min/sort/topk/cummax/cummin prints as PyTorch does', () => {
    const named = (r: torch.ValuesIndices, name: string) => new torch.ValuesIndices(r.values, r.indices, name);
    expect(String(named(torch.max(x, 1), 'max'))).toBe(reprs.max);
    expect(String(named(torch.min(x, 0, true), 'min'))).toBe(reprs.min_keepdim);
    expect(String(named(torch.sort(x, 1), 'sort'))).toBe(reprs.sort);
    expect(String(named(torch.topk(x, 2), 'topk'))).toBe(reprs.topk);
    expect(String(named(torch.cummax(x, 1), 'cummax'))).toBe(reprs.cummax);
    expect(String(named(torch.cummin(x, 0), 'cummin'))).toBe(reprs.cummin);
  });

  it('an unnamed ValuesIndices prints as a Python tuple', () => {
    const r = new torch.ValuesIndices(torch.tensor([1]).float(), torch.tensor([0]));
    expect(String(r)).toBe(reprs.tuple);
  });
});

describe('Tensor methods from the catalogue rows', () => {
  const x = torch.tensor([[1, 5, 3, 3], [4, 2, 6, NaN]]);
  const same = (a: unknown, b: unknown) => {
    const flat = (r: unknown): number[][] =>
      r instanceof torch.Tensor ? [Array.from(r.dataSync(), Number)] : [...(r as Iterable<torch.Tensor>)].map((t) => Array.from(t.dataSync(), Number));
    expect(flat(a)).toEqual(flat(b));
  };

  it('each method is the function with the tensor first', () => {
    same(x.median(), torch.median(x));
    same(x.median(1), torch.median(x, 1));
    same(x.nanmedian(0, true), torch.nanmedian(x, 0, true));
    same(x.mode(1), torch.mode(x, 1));
    same(x.kthvalue(2, 1), torch.kthvalue(x, 2, 1));
    same(x.quantile(0.3, 1), torch.quantile(x, 0.3, 1));
    same(x.nanquantile(0.3, 1, { interpolation: 'lower' }), torch.nanquantile(x, 0.3, 1, { interpolation: 'lower' }));
    same(x.msort(), torch.msort(x));
    same(x.nanmean(1), torch.nanmean(x, 1));
    same(x.aminmax({ dim: 0 }), torch.aminmax(x, { dim: 0 }));
    same(x.countNonzero(1), torch.countNonzero(x, 1));
    same(x.histc(4, 0, 8), torch.histc(x, 4, 0, 8));
    same(x.histogram(3, { range: [0, 6] }), torch.histogram(x, 3, { range: [0, 6] }));
    same(x.unique({ returnCounts: true }), torch.unique(x, { returnCounts: true }));
    same(x.uniqueConsecutive(), torch.uniqueConsecutive(x));
    same(x.argwhere(), torch.argwhere(x));
    same(x.isclose(x, { equalNan: true }), torch.isclose(x, x, { equalNan: true }));
    expect(x.allclose(x, { equalNan: true })).toBe(true);
    const i = torch.tensor([1, 1, 3]);
    same(i.bincount({ minlength: 5 }), torch.bincount(i, { minlength: 5 }));
  });

  it('std_mean, var_mean, searchsorted, bucketize, isin and histogramdd are functions only, as in PyTorch', () => {
    for (const name of ['stdMean', 'varMean', 'searchsorted', 'bucketize', 'isin', 'histogramdd']) {
      expect(typeof (torch as Record<string, unknown>)[name]).toBe('function');
      expect((x as unknown as Record<string, unknown>)[name]).toBeUndefined();
    }
  });
});
