import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Generator, exponential_, setRngCompat } from '../src/index.js';
import { cases, diffs, expected, floatArray, hex, main } from './helpers.js';

describe('exponential_ against torch 1.13', () => {
  beforeAll(() => setRngCompat('1.13'));
  afterAll(() => setRngCompat('2'));

  it('(-1/lambda) * log(1 - u), one random64 per element', () => {
    const cs = cases(main(), 'exponential_');
    expect(cs.length).toBe(3 * 6);
    for (const c of cs) {
      const out = floatArray(c.args.dtype, c.args.n);
      exponential_(new Generator().manualSeed(BigInt(c.seed)), out, hex(c.args.lambd));
      expect(diffs(out, expected(c)), `${c.seed} ${c.args.dtype} ${hex(c.args.lambd)}`).toEqual([]);
    }
  });

  it('1.13 accepts lambda = 0 (all inf); 2.x rejects it', () => {
    const out = new Float32Array(3);
    exponential_(new Generator().manualSeed(0), out, 0);
    expect(Array.from(out)).toEqual([Infinity, Infinity, Infinity]);
    setRngCompat('2');
    expect(() => exponential_(new Generator(), out, 0)).toThrow('exponential_ expects lambda > 0.0, but found lambda=0');
    setRngCompat('1.13');
  });
});
