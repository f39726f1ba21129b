import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Generator,
  type OutArray,
  type RngDType,
  int64ToFloat32,
  planRandomFromTo,
  randint,
  randomFromTo_,
  random_,
  setRngCompat,
} from '../src/index.js';
import { type Case, cases, diffs, expected, main } from './helpers.js';

function outFor(dtype: string, n: number, bigint = true): OutArray {
  switch (dtype) {
    case 'int64':
      return bigint ? new BigInt64Array(n) : new Float64Array(n);
    case 'float32':
      return new Float32Array(n);
    case 'float64':
      return new Float64Array(n);
    case 'int32':
      return new Int32Array(n);
    case 'int16':
      return new Int16Array(n);
    case 'int8':
      return new Int8Array(n);
    default:
      return new Uint8Array(n);
  }
}

const gen = (c: Case): Generator => new Generator().manualSeed(BigInt(c.seed));

describe('randint / random_ against torch 1.13', () => {
  beforeAll(() => setRngCompat('1.13'));
  afterAll(() => setRngCompat('2'));

  it('randint: small ranges, ranges >= 2^32 (random64), full int64 range, every dtype', () => {
    const cs = cases(main(), 'randint', (c) => c.args.dtype !== 'int64' || c.args.high !== String(2 ** 32 - 1));
    expect(cs.length).toBeGreaterThan(70);
    for (const c of cs) {
      const want = expected(c);
      const out = outFor(c.args.dtype, want.length);
      randint(gen(c), out, BigInt(c.args.low), BigInt(c.args.high), c.args.dtype as RngDType);
      expect(diffs(out, want), `${c.seed} [${c.args.low}, ${c.args.high}) ${c.args.dtype}`).toEqual([]);
    }
  });

  it('int64 into a Float64Array (the tensor layer\'s storage) equals Number(value)', () => {
    const safe = (v: string): boolean => BigInt(v) >= -(2n ** 53n) && BigInt(v) <= 2n ** 53n;
    const cs = cases(main(), 'randint', (c) => c.args.dtype === 'int64' && safe(c.args.low) && safe(c.args.high));
    expect(cs.length).toBeGreaterThanOrEqual(30);
    for (const c of cs) {
      const want = expected(c) as BigInt64Array;
      const out = new Float64Array(want.length);
      randint(gen(c), out, Number(c.args.low), Number(c.args.high));
      expect(diffs(out, Array.from(want, Number)), `${c.seed} [${c.args.low}, ${c.args.high})`).toEqual([]);
    }
  });

  it('random_() for every dtype', () => {
    const cs = cases(main(), 'random_');
    expect(cs.length).toBe(4 * 8);
    for (const c of cs) {
      const want = expected(c);
      const out = outFor(c.dtype, want.length);
      random_(gen(c), out, c.args.dtype as RngDType);
      expect(diffs(out, want), `${c.seed} ${c.args.dtype}`).toEqual([]);
    }
    // int64 into Float64Array
    const c = cases(main(), 'random_', (c) => c.args.dtype === 'int64')[0]!;
    const f = new Float64Array(40);
    random_(gen(c), f, 'int64');
    expect(diffs(f, Array.from(expected(c) as BigInt64Array, Number))).toEqual([]);
  });

  it('random_(from, None) and random_(to)', () => {
    for (const c of [...cases(main(), 'random_from'), ...cases(main(), 'random_to')]) {
      const want = expected(c);
      const out = outFor(c.dtype, want.length);
      const from = c.op === 'random_to' ? 0 : BigInt(c.args.from);
      const to = c.op === 'random_to' ? BigInt(c.args.to) : null;
      randomFromTo_(gen(c), out, from, to, c.args.dtype as RngDType);
      expect(diffs(out, want), `${c.op} ${c.seed} ${c.args.from} ${c.args.to} ${c.args.dtype}`).toEqual([]);
    }
  });

  it('32- vs 64-bit draws are chosen by range and dtype', () => {
    expect(planRandomFromTo(0, 2 ** 32 - 1, 'int64').wide).toBe(false);
    expect(planRandomFromTo(0, 2 ** 32, 'int64').wide).toBe(true);
    // float bounds are first nudged to representable values: 2^32 - 1 is not a float32, so to = 2^32 - 2^8
    expect(planRandomFromTo(0, 2 ** 32, 'float32')).toEqual({ range: 2n ** 32n - 256n, base: 0n, wide: false });
    expect(planRandomFromTo(0, 2 ** 33, 'float32').wide).toBe(true);
    expect(planRandomFromTo(-(2 ** 31), 2 ** 31 - 1, 'int32').wide).toBe(false);
    expect(planRandomFromTo(-(2n ** 63n), null, 'int64')).toEqual({ range: 0n, base: -(2n ** 63n), wide: true });
  });

  it('int64 -> float32 conversion rounds once (no double rounding)', () => {
    // 2^60 + 2^36 + 1 lies just above a float32 midpoint; via float64 it would round down
    const v = 2n ** 60n + 2n ** 36n + 1n;
    expect(int64ToFloat32(v)).toBe(2 ** 60 + 2 ** 37);
    expect(Math.fround(Number(v))).toBe(2 ** 60);
    expect(int64ToFloat32(-v)).toBe(-(2 ** 60 + 2 ** 37));
    expect(int64ToFloat32(12345n)).toBe(12345);
  });
});
