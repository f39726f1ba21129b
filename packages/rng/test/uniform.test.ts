import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Generator, rand, setRngCompat, uniform_ } from '../src/index.js';
import { bytesOf, cases, diffs, expected, floatArray, hex, large, main, sha256 } from './helpers.js';

describe('rand / uniform_ against torch 1.13', () => {
  beforeAll(() => setRngCompat('1.13'));
  afterAll(() => setRngCompat('2'));

  it('rand: every seed and size, float32 and float64, bit-exact', () => {
    const cs = cases(main(), 'rand');
    expect(cs.length).toBe(6 * 8 * 2);
    for (const c of cs) {
      const out = floatArray(c.args.dtype, c.args.n);
      rand(new Generator().manualSeed(BigInt(c.seed)), out);
      expect(diffs(out, expected(c)), `${c.seed} ${c.args.dtype} ${c.args.n}`).toEqual([]);
    }
  });

  it('uniform_(a, b): FMA rounding emulated, contiguous and transposed outputs', () => {
    const cs = cases(main(), 'uniform_');
    expect(cs.length).toBeGreaterThan(40);
    for (const c of cs) {
      const out = floatArray(c.args.dtype, c.args.n);
      uniform_(new Generator().manualSeed(BigInt(c.seed)), out, hex(c.args.from), hex(c.args.to));
      expect(diffs(out, expected(c)), `${c.seed} ${c.args.dtype} ${c.args.from} ${c.args.to}`).toEqual([]);
    }
  });

  it('large samples: rand(100000) for 6 seeds and uniform_ 1M values, bit-exact (sha256)', () => {
    for (const c of cases(large(), 'rand')) {
      const out = floatArray(c.args.dtype, c.args.n);
      rand(new Generator().manualSeed(BigInt(c.seed)), out);
      expect(sha256(out), `${c.seed} ${c.args.dtype}`).toBe(c.sha256);
    }
    const u = cases(large(), 'uniform_')[0]!;
    const out = new Float32Array(u.args.n);
    uniform_(new Generator().manualSeed(BigInt(u.seed)), out, hex(u.args.from), hex(u.args.to));
    expect(sha256(out)).toBe(u.sha256);
  });

  it('1.13 can return `to` exactly (crafted state whose next word is 0xFFFFFFFF)', () => {
    const c = cases(main(), 'uniform_.upper_bound')[0]!;
    const out = new Float32Array(1);
    uniform_(new Generator().setState(bytesOf(c.state_b64)), out, hex(c.args.from), hex(c.args.to));
    expect(diffs(out, expected(c))).toEqual([]);
    expect(out[0]).toBe(Math.fround(hex(c.args.to)));
  });
});

describe('uniform_ in PyTorch 2.x mode', () => {
  it('maps a value equal to `to` back to `from` (SPEC §2), otherwise identical streams', () => {
    setRngCompat('2');
    const c = cases(main(), 'uniform_.upper_bound')[0]!;
    const out = new Float32Array(1);
    uniform_(new Generator().setState(bytesOf(c.state_b64)), out, hex(c.args.from), hex(c.args.to));
    expect(out[0]).toBe(Math.fround(hex(c.args.from)));
    for (const u of cases(main(), 'uniform_').slice(0, 10)) {
      const o = floatArray(u.args.dtype, u.args.n);
      uniform_(new Generator().manualSeed(BigInt(u.seed)), o, hex(u.args.from), hex(u.args.to));
      expect(diffs(o, expected(u))).toEqual([]);
    }
  });
});
