import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Generator, type OutArray, RANDPERM_WIDE_THRESHOLD, randperm, setRngCompat } from '../src/index.js';
import { cases, diffs, expected, large, main, sha256 } from './helpers.js';

describe('randperm', () => {
  beforeAll(() => setRngCompat('1.13'));
  afterAll(() => setRngCompat('2'));

  it('matches torch 1.13 for n up to 5000 and several dtypes (n-1 draws, swap with r[i + random() % (n-i)])', () => {
    const cs = cases(main(), 'randperm');
    expect(cs.length).toBe(3 * 12);
    for (const c of cs) {
      const want = expected(c);
      const dt = c.args.dtype as string;
      const out: OutArray =
        dt === 'int64' ? new BigInt64Array(c.args.n) : dt === 'int32' ? new Int32Array(c.args.n)
          : dt === 'float32' ? new Float32Array(c.args.n) : dt === 'float64' ? new Float64Array(c.args.n) : new Uint8Array(c.args.n);
      randperm(new Generator().manualSeed(BigInt(c.seed)), out, dt as 'int64');
      expect(diffs(out, want), `${c.seed} ${c.args.n} ${dt}`).toEqual([]);
    }
  });

  it('randperm(300000) (sha256) and the same result in 2.x mode below the threshold', () => {
    const c = cases(large(), 'randperm')[0]!;
    const out = new BigInt64Array(c.args.n);
    randperm(new Generator().manualSeed(BigInt(c.seed)), out);
    expect(sha256(out)).toBe(c.sha256);
    setRngCompat('2');
    const f = new BigInt64Array(c.args.n);
    randperm(new Generator().manualSeed(BigInt(c.seed)), f);
    setRngCompat('1.13');
    expect(sha256(f)).toBe(c.sha256);
    expect(RANDPERM_WIDE_THRESHOLD).toBe(Math.floor(0xffffffff / 20));
  });

  it('consumes n-1 words', () => {
    const g = new Generator().manualSeed(1);
    randperm(g, new Float64Array(10));
    const h = new Generator().manualSeed(1);
    for (let i = 0; i < 9; i++) h.random();
    expect(g.random()).toBe(h.random());
    const k = new Generator().manualSeed(1);
    randperm(k, new Float64Array(1));
    expect(k.random()).toBe(new Generator().manualSeed(1).random());
  });
});
