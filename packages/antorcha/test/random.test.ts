// Random tensors equal PyTorch's bit for bit after the same seed (fixture from
// real PyTorch 1.13 via tools/golden/random_api.py; compared in 1.13 mode, since
// PyTorch 2.x differs in a few documented paths — see @antorch/rng's README).
import { readFileSync } from 'node:fs';
import type { EncodedResult } from '@antorcha/core/testing';
import { decodeValue } from '@antorcha/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

interface Step {
  call: string;
  result: EncodedResult;
  [k: string]: unknown;
}
interface RandomCase {
  name: string;
  seed?: string;
  state?: number[];
  initial_seed?: string;
  steps: Step[];
}

const cases: RandomCase[] = JSON.parse(readFileSync(new URL('./fixtures/random.json', import.meta.url), 'utf8'));

function perform(s: Step): torch.Tensor {
  const dtype = s.dtype as torch.DTypeName | undefined;
  const size = s.size as number[];
  switch (s.call) {
    case 'rand':
      return torch.rand(size, { dtype });
    case 'randn':
      return torch.randn(size, { dtype });
    case 'randn_gen':
      return torch.randn(size, { generator: new torch.Generator().manualSeed(s.gen_seed as number) });
    case 'normal_T':
      return torch.empty([...size].reverse(), { dtype }).t().normal_(s.mean as number, s.std as number);
    case 'uniform_T':
      return torch.empty([...size].reverse(), { dtype }).t().uniform_(s.from as number, s.to as number);
    case 'uniform_':
      return torch.empty(size).uniform_(-(s.bound as number), s.bound as number);
    case 'randint':
      return torch.randint(s.low as number, s.high as number, size, { dtype });
    case 'randperm':
      return torch.randperm(s.n as number);
    case 'bernoulli_':
      return torch.empty(size).bernoulli_(s.p as number);
    case 'bernoulli':
      return torch.bernoulli(torch.tensor(s.probs as number[], { dtype: 'float32' }).view(size));
    case 'bernoulli_T':
      return torch.empty([...size].reverse()).t().bernoulli_(torch.tensor(s.probs as number[], { dtype: 'float32' }).view(size));
    case 'multinomial':
      return torch.multinomial(torch.tensor(s.weights as number[], { dtype: 'float32' }).view(size), s.k as number, s.replacement as boolean);
    case 'exponential_':
      return torch.empty(size).exponential_(s.lambd as number);
    case 'random_':
      return s.to === undefined ? torch.empty(size, { dtype }).random_() : torch.empty(size, { dtype }).random_(s.to as number);
    case 'normal':
      return torch.normal(s.mean as number, s.std as number, size);
    case 'normal_tensor':
      return torch.normal(torch.tensor(s.mean as number[], { dtype: 'float32' }), s.std as number);
    default:
      throw new Error(`unknown call ${s.call}`);
  }
}

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Number(view.getBigInt64(0) - view.getBigInt64(8)) * (a < 0 ? -1 : 1);
}

/**
 * float64 normals go through glibc's log/sin/cos in PyTorch, which are not correctly
 * rounded on ~0.1% of inputs; ours are. Issue 3's target is bit-exact on at least 99.9%
 * of values and within 1 ulp on all, checked here on this fixture's values. (Over the
 * 150k values of @antorcha/rng's fixtures the rate is 99.83%, with a few 2-ulp cases:
 * see that package's normal.test.ts.) Every other value must be bit-exact.
 */
const float64Normal = { values: 0, inexact: 0 };

function bitsEqual(t: torch.Tensor, e: EncodedResult, normal64: boolean): string | null {
  if (t.dtype.name !== e.dtype) return `dtype ${t.dtype.name} != ${e.dtype}`;
  if ([...t.shape].join() !== e.shape.join()) return `shape ${t.shape} != [${e.shape}]`;
  const v = t.dataSync();
  for (let i = 0; i < e.values.length; i++) {
    const want = decodeValue(e.values[i]!);
    if (normal64) float64Normal.values++;
    if (Object.is(v[i], want)) continue;
    if (normal64 && Math.abs(ulps(v[i]!, want)) <= 1) {
      float64Normal.inexact++;
      continue;
    }
    return `element ${i}: ${v[i]} != ${want}`;
  }
  return null;
}

const NORMAL_CALLS = new Set(['randn', 'randn_gen', 'normal_T', 'normal', 'normal_tensor']);

describe('random tensors match PyTorch bit for bit', () => {
  beforeAll(() => torch.setRngCompat('1.13'));
  afterAll(() => torch.setRngCompat('2'));
  for (const c of cases) {
    it(c.name, () => {
      if (c.state) {
        torch.setRngState(torch.tensor(c.state, { dtype: 'uint8' }));
        expect(torch.getRngState().tolist()).toEqual(c.state);
      } else if (c.seed !== undefined) {
        torch.manualSeed(BigInt(c.seed));
      }
      if (c.initial_seed !== undefined) expect(torch.initialSeed().toString()).toBe(c.initial_seed);
      for (const s of c.steps) expect(bitsEqual(perform(s), s.result, NORMAL_CALLS.has(s.call) && s.result.dtype === 'float64')).toBeNull();
    });
  }
  it('float64 normals are bit-exact on at least 99.9% of values', () => {
    expect(float64Normal.values).toBeGreaterThan(5000); // enough values for the rate to mean something
    expect(float64Normal.inexact / float64Normal.values).toBeLessThanOrEqual(0.001);
  });
});

// PyTorch's texts for these errors are checked against real PyTorch in @antorcha/rng's tests.
describe('random API errors consume no random numbers', () => {
  it('randint with high <= low', () => {
    torch.manualSeed(3);
    const before = torch.getRngState();
    expect(() => torch.randint(5, 5, [3])).toThrow(torch.TorchError);
    expect(torch.getRngState().equal(before)).toBe(true);
  });
  it('bernoulli with p outside [0, 1]', () => {
    torch.manualSeed(3);
    const before = torch.getRngState();
    expect(() => torch.empty(3).bernoulli_(1.5)).toThrow(torch.TorchError);
    expect(torch.getRngState().equal(before)).toBe(true);
  });
  it('multinomial without replacement asking for too many samples', () => {
    torch.manualSeed(3);
    const before = torch.getRngState();
    expect(() => torch.multinomial(torch.ones(3), 4)).toThrow(torch.TorchError);
    expect(() => torch.multinomial(torch.zeros(3), 1)).toThrow(torch.TorchError);
    expect(torch.getRngState().equal(before)).toBe(true);
  });
  it('randperm with negative n', () => {
    expect(() => torch.randperm(-1)).toThrow(torch.TorchError);
  });
});
