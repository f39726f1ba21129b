import { describe, expect, it } from 'vitest';
import { DEFAULT_RNG_SEED, Generator, MT19937, defaultGenerator, normalizeSeed, randint } from '../src/index.js';
import { bytesOf, cases, diffs, expected, main } from './helpers.js';

describe('MT19937 engine and seeding', () => {
  it('get_rng_state after manual_seed(s) is byte-identical to torch, for every seed form', () => {
    const cs = cases(main(), 'manual_seed.state');
    expect(cs.length).toBeGreaterThanOrEqual(9);
    for (const c of cs) {
      const g = new Generator().manualSeed(BigInt(c.seed));
      expect(g.initialSeed().toString(), c.seed).toBe(c.initial_seed);
      expect(diffs(g.getState(), bytesOf(c.b64!)), c.seed).toEqual([]);
    }
  });

  it('accepts seeds as numbers and bigints; only the low 32 bits reach the engine', () => {
    const a = new Generator().manualSeed(5);
    const b = new Generator().manualSeed(2n ** 32n + 5n);
    const xa = Array.from({ length: 10 }, () => a.random());
    const xb = Array.from({ length: 10 }, () => b.random());
    expect(xa).toEqual(xb);
    expect(b.initialSeed()).toBe(2n ** 32n + 5n);
    expect(new Generator().manualSeed(-1).initialSeed()).toBe(2n ** 64n - 1n);
    expect(new Generator().manualSeed(-(2n ** 63n)).initialSeed()).toBe(2n ** 63n);
    expect(new Generator().manualSeed(42).initialSeed()).toBe(42n);
  });

  it('rejects bad seeds with errors naming manual_seed', () => {
    const g = new Generator();
    expect(() => g.manualSeed(2n ** 64n)).toThrow(RangeError);
    expect(() => g.manualSeed(2n ** 64n)).toThrow(/manual_seed/);
    expect(() => g.manualSeed(-(2n ** 63n) - 1n)).toThrow(RangeError);
    expect(() => g.manualSeed(2 ** 64)).toThrow(RangeError);
    expect(() => g.manualSeed(1.5)).toThrow(TypeError);
    expect(() => g.manualSeed(NaN)).toThrow(/manual_seed/);
    expect(() => g.manualSeed('3' as unknown as number)).toThrow(TypeError);
    expect(() => normalizeSeed(Infinity)).toThrow(TypeError);
    // the generator is unchanged by a rejected seed
    expect(g.initialSeed()).toBe(DEFAULT_RNG_SEED);
  });

  it('random64 takes the first draw as the high word (via randint(0, 2^62))', () => {
    for (const c of cases(main(), 'randint', (c) => c.args.high === String(2n ** 62n))) {
      const g = new Generator().manualSeed(BigInt(c.seed));
      const h = new Generator().manualSeed(BigInt(c.seed));
      const want = expected(c) as BigInt64Array;
      const viaRandom64 = Array.from({ length: want.length }, () => h.random64() % 2n ** 62n);
      expect(viaRandom64).toEqual(Array.from(want));
      const out = new BigInt64Array(want.length);
      randint(g, out, 0, 2n ** 62n);
      expect(diffs(out, want)).toEqual([]);
    }
  });

  it('random() matches torch through randint(0, 2^32-1) across a twist (700 draws)', () => {
    for (const c of cases(main(), 'randint', (c) => c.args.high === String(2 ** 32 - 1))) {
      const g = new Generator().manualSeed(BigInt(c.seed));
      const want = expected(c) as BigInt64Array;
      const got = Array.from({ length: want.length }, () => BigInt(g.random() % (2 ** 32 - 1)));
      expect(diffs(got, want), c.seed).toEqual([]);
    }
  });

  it('a fresh Generator has seed 67280421310721 and torch.Generator()\'s stream', () => {
    const c = cases(main(), 'fresh_generator')[0]!;
    expect(c.seed).toBe(DEFAULT_RNG_SEED.toString());
    const g = new Generator();
    const out = new Float32Array(8);
    for (let i = 0; i < 8; i++) out[i] = (g.random() & 0xffffff) * 2 ** -24;
    expect(diffs(out, expected(c))).toEqual([]);
  });

  it('the default generator is seeded non-deterministically, seed() returns the new seed', () => {
    expect(defaultGenerator).toBeInstanceOf(Generator);
    const g = new Generator();
    const s = g.seed();
    expect(typeof s).toBe('bigint');
    expect(g.initialSeed()).toBe(s);
    expect(s >= 0n && s < 2n ** 64n).toBe(true);
    const h = new Generator().manualSeed(s);
    expect(g.random()).toBe(h.random());
  });

  it('MT19937 standalone: seed 0 starts 2357136044, 2546248239', () => {
    const e = new MT19937(0);
    const g = new Generator().manualSeed(0);
    for (let i = 0; i < 1300; i++) expect(e.nextUint32()).toBe(g.random());
  });

  it('clone() copies the full state including the cached normal', () => {
    const g = new Generator().manualSeed(3);
    g.random();
    g.nextDoubleNormal = 0.5;
    const c = g.clone();
    expect(Array.from(c.getState())).toEqual(Array.from(g.getState()));
    expect(c.random()).toBe(g.random());
  });
});
