import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Generator,
  RngError,
  bernoulliScalar_,
  bernoulliTensor_,
  checkDropoutP,
  checkRandpermArgs,
  exponential_,
  formatCppDouble,
  multinomial,
  normal_,
  randint,
  randomFromTo_,
  setRngCompat,
  uniform_,
} from '../src/index.js';
import { cases, main } from './helpers.js';

interface TorchError {
  name: string;
  type: string | null;
  message: string | null;
}

const g = new Generator().manualSeed(99);
const f32 = (): Float32Array => new Float32Array(3);
const f64 = (): Float64Array => new Float64Array(3);
const p = (...v: number[]): Float32Array => Float32Array.from(v);
const idx = (n: number): BigInt64Array => new BigInt64Array(n);

/** Our call for each torch error case of the fixture. */
const calls: Record<string, () => void> = {
  'randint(5,5)': () => randint(g, new Float64Array(3), 5, 5),
  'random_(7,2)': () => randomFromTo_(g, f32(), 7, 2, 'float32'),
  'random_(0,1000) int8': () => randomFromTo_(g, new Int8Array(3), 0, 1000, 'int8'),
  'random_(-1000,10) int8': () => randomFromTo_(g, new Int8Array(3), -1000, 10, 'int8'),
  'random_(0) float32': () => randomFromTo_(g, f32(), 0, 0, 'float32'),
  'random_(-1,None) uint8': () => randomFromTo_(g, new Uint8Array(3), -1, null, 'uint8'),
  'uniform_(2,1)': () => uniform_(g, f32(), 2, 1),
  'uniform_(-3e38,3e38)': () => uniform_(g, f32(), -3e38, 3e38),
  'uniform_(-1e308,1e308) float64': () => uniform_(g, f64(), -1e308, 1e308),
  'uniform_(nan,1)': () => uniform_(g, f32(), NaN, 1),
  'uniform_(0,inf)': () => uniform_(g, f32(), 0, Infinity),
  'uniform_(0,1e39)': () => uniform_(g, f32(), 0, 1e39),
  'normal_(0,-1)': () => normal_(g, f32(), 0, -1),
  'normal_(0,-0.5)': () => normal_(g, f32(), 0, -0.5),
  'normal_(0,nan)': () => normal_(g, f32(), 0, NaN),
  'exponential_(-1)': () => exponential_(g, f32(), -1),
  'bernoulli_(1.5)': () => bernoulliScalar_(g, f32(), 1.5),
  'bernoulli_(-0.5)': () => bernoulliScalar_(g, f32(), -0.5),
  'bernoulli_(nan)': () => bernoulliScalar_(g, f32(), NaN),
  'bernoulli([0.5,1.5])': () => bernoulliTensor_(g, new Float32Array(2), p(0.5, 1.5)),
  'multinomial neg': () => multinomial(g, p(0.5, -0.5), 1, false, idx(1)),
  'multinomial neg repl': () => multinomial(g, p(0.5, -0.5), 2, true, idx(2)),
  'multinomial nan': () => multinomial(g, p(0.5, NaN), 1, false, idx(1)),
  'multinomial inf repl': () => multinomial(g, p(0.5, Infinity), 2, true, idx(2)),
  'multinomial zero': () => multinomial(g, p(0, 0), 1, false, idx(1)),
  'multinomial zero repl': () => multinomial(g, p(0, 0), 2, true, idx(2)),
  'multinomial k>n': () => multinomial(g, p(0.5, 0.5), 3, false, idx(3)),
  'multinomial k0': () => multinomial(g, p(0.5, 0.5), 0, false, idx(0)),
  'multinomial 3d': () => multinomial(g, new Float32Array(8).fill(1), 1, false, idx(4), { dim: 3, numCategories: 2 }),
  'multinomial int': () => multinomial(g, p(1, 2), 1, false, idx(1), { dtypeName: 'int64' }),
  'randperm(300) int8': () => checkRandpermArgs(300, 'int8'),
  'randperm(2^24+2) float32': () => checkRandpermArgs(2 ** 24 + 2, 'float32'),
  'dropout p=1.5': () => checkDropoutP(1.5),
};

describe("argument errors carry PyTorch's texts and consume no random numbers", () => {
  beforeAll(() => setRngCompat('1.13'));
  afterAll(() => setRngCompat('2'));

  it('every torch error case of the fixture', () => {
    const errs = cases(main(), 'errors')[0]!.errors as TorchError[];
    let checked = 0;
    for (const e of errs) {
      const call = calls[e.name];
      if (!call) continue; // set_rng_state cases: see state.test.ts
      const before = g.getState();
      let thrown: unknown = null;
      try {
        call();
      } catch (err) {
        thrown = err;
      }
      expect(thrown, e.name).toBeInstanceOf(RngError);
      expect((thrown as RngError).message, e.name).toBe(e.message);
      expect((thrown as RngError).pythonName, e.name).toBe(e.type);
      expect(Array.from(g.getState()), e.name).toEqual(Array.from(before));
      checked++;
    }
    expect(checked).toBe(Object.keys(calls).length);
  });

  it('formats numbers like C++ ostream', () => {
    expect(formatCppDouble(1.5)).toBe('1.5');
    expect(formatCppDouble(3e38)).toBe('3e+38');
    expect(formatCppDouble(-1)).toBe('-1');
    expect(formatCppDouble(NaN)).toBe('nan');
    expect(formatCppDouble(1e-5)).toBe('1e-05');
    expect(formatCppDouble(0.30000001192092896)).toBe('0.3');
    expect(formatCppDouble(123456.7)).toBe('123457');
    expect(formatCppDouble(1234567)).toBe('1.23457e+06');
    expect(formatCppDouble(-Infinity)).toBe('-inf');
  });
});
