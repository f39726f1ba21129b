// cauchy_, log_normal_, geometric_, poisson and binomial on tensors equal PyTorch 1.13's
// bit for bit after the same seed (fixture from real PyTorch via
// tools/golden/rng_distributions.py), and leave the generator where PyTorch leaves it:
// the torch.rand / torch.randn that follow match too.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

interface TensorCase {
  name: string;
  seed: string;
  shape: number[];
  dtype: string;
  b64: string;
  next_rand: string;
  next_randn: string;
}
interface TorchErr {
  name: string;
  type: string;
  message: string;
}

const fixture = JSON.parse(readFileSync(new URL('../../rng/test/fixtures/distributions.json', import.meta.url), 'utf8')) as {
  cases: Array<{ op: string; cases?: TensorCase[]; errors?: TorchErr[] }>;
};
const tensorSection = fixture.cases.find((c) => c.op === 'tensor')!;
const cases = tensorSection.cases!;
const errors = tensorSection.errors!;

/** Decodes base64 little-endian bytes as numbers (int64 as Number: the fixtures stay below 2^53). */
function decode(b64: string, dtype: string): number[] {
  const b = Buffer.from(b64, 'base64');
  const buf = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  if (dtype === 'float32') return Array.from(new Float32Array(buf));
  if (dtype === 'float64') return Array.from(new Float64Array(buf));
  if (dtype === 'int64') return Array.from(new BigInt64Array(buf), Number);
  throw new Error(`dtype ${dtype}`);
}

/** Our call for each fixture case (the same Python expression, in Antorcha's spelling). */
const RATES_2D = [[0.5, 12.0, 3.0], [150.0, 0.0, 9.5], [1e4, 2.0, 33.0], [7.0, 10.0, 0.25]];
const calls: Record<string, () => torch.Tensor> = {
  'cauchy_ transposed': () => torch.empty(5, 4).t().cauchy_(0.5, 2.0),
  'cauchy_ float64': () => torch.empty([2, 3], { dtype: 'float64' }).cauchy_(),
  'log_normal_ float64': () => torch.empty([2, 3], { dtype: 'float64' }).logNormal_(),
  'log_normal_ float32 20': () => torch.empty(4, 5).logNormal_(0.0, 0.5),
  'geometric_ int64': () => torch.empty([3, 4], { dtype: 'int64' }).geometric_(0.25),
  'geometric_ float32': () => torch.empty(3, 4).geometric_(0.6),
  'poisson transposed': () => torch.poisson(torch.tensor(RATES_2D).t()),
  'poisson float64': () => torch.poisson(torch.tensor(RATES_2D, { dtype: 'float64' })),
  'binomial broadcast': () => torch.binomial(torch.tensor([[5.0], [40.0], [1000.0]], { dtype: 'float32' }), torch.tensor([[0.1, 0.5, 0.7, 0.99]])),
  'binomial float64': () =>
    torch.binomial(torch.tensor([[10.0, 200.0], [3.0, 77.0]], { dtype: 'float64' }), torch.tensor([[0.3, 0.45], [0.9, 0.6]], { dtype: 'float64' })),
};

const errorCalls: Record<string, () => unknown> = {
  'cauchy_ int64': () => torch.empty([2], { dtype: 'int64' }).cauchy_(),
  'cauchy_ uint8': () => torch.empty([2], { dtype: 'uint8' }).cauchy_(),
  'log_normal_ int64': () => torch.empty([2], { dtype: 'int64' }).logNormal_(),
  'log_normal_ std 0': () => torch.empty(2).logNormal_(1, 0),
  'geometric_ bool': () => torch.empty([2], { dtype: 'bool' }).geometric_(0.5),
  'geometric_ p 1': () => torch.empty(2).geometric_(1),
  'poisson int64': () => torch.poisson(torch.tensor([1, 2])),
  'poisson int32': () => torch.poisson(torch.tensor([1, 2], { dtype: 'int32' })),
  'poisson negative': () => torch.poisson(torch.tensor([1.0, -2.0], { dtype: 'float32' })),
  'binomial int64': () => torch.binomial(torch.tensor([1, 2]), torch.tensor([1, 1])),
  'binomial float/double': () => torch.binomial(torch.tensor([1.0, 2.0], { dtype: 'float64' }), torch.tensor([0.5, 0.5])),
  'binomial long/float': () => torch.binomial(torch.tensor([1, 2]), torch.tensor([0.5, 0.5])),
};

describe('random distributions on tensors, exact against PyTorch 1.13', () => {
  beforeAll(() => torch.setRngCompat('1.13'));
  afterAll(() => torch.setRngCompat('2'));

  it('every fixture case has a call', () => {
    expect(Object.keys(calls).sort()).toEqual([...new Set(cases.map((c) => c.name))].sort());
    expect(Object.keys(errorCalls).sort()).toEqual(errors.map((e) => e.name).sort());
  });

  for (const c of cases) {
    it(`${c.name} (seed ${c.seed}), then rand and randn continue as in PyTorch`, () => {
      torch.manualSeed(BigInt(c.seed));
      const t = calls[c.name]!();
      expect(t.shape).toEqual(c.shape);
      expect(t.dtype.name).toBe(c.dtype);
      expect(Array.from(t.contiguous().dataSync())).toEqual(decode(c.b64, c.dtype));
      expect(Array.from(torch.rand(4).dataSync())).toEqual(decode(c.next_rand, 'float32'));
      expect(Array.from(torch.randn([3], { dtype: 'float64' }).dataSync())).toEqual(decode(c.next_randn, 'float64'));
    });
  }

  it("argument errors: PyTorch's class and text, no draws", () => {
    for (const e of errors) {
      torch.manualSeed(11);
      let caught: unknown;
      try {
        errorCalls[e.name]!();
      } catch (x) {
        caught = x;
      }
      expect(caught, e.name).toBeInstanceOf(torch.TorchError);
      expect((caught as Error).message, e.name).toContain(e.message);
      expect((caught as torch.TorchError).pythonName ?? e.type, e.name).toBe(e.type);
      const after = torch.rand(2).dataSync();
      torch.manualSeed(11);
      expect(Array.from(after), `${e.name} drew nothing`).toEqual(Array.from(torch.rand(2).dataSync()));
    }
  });

  it('an explicit generator is used instead of the default one', () => {
    const g = new torch.Generator().manualSeed(3);
    torch.manualSeed(3);
    const a = torch.empty(6).cauchy_(0, 1, { generator: g });
    const b = torch.empty(6).cauchy_();
    expect(a.tolist()).toEqual(b.tolist());
    const p = torch.poisson(torch.tensor([3.5, 20]), { generator: new torch.Generator().manualSeed(9) });
    torch.manualSeed(9);
    expect(p.tolist()).toEqual(torch.poisson(torch.tensor([3.5, 20])).tolist());
  });

  it('the fills are in place and return the tensor', () => {
    const t = torch.zeros(3);
    expect(t.geometric_(0.5)).toBe(t);
    expect(t.logNormal_()).toBe(t);
    expect(t.cauchy_()).toBe(t);
  });
});
