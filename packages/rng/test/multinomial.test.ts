import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Generator, multinomial, multinomialUsesExponentialPath, setRngCompat } from '../src/index.js';
import { cases, decode, diffs, expected, main } from './helpers.js';

describe('multinomial against torch 1.13', () => {
  beforeAll(() => setRngCompat('1.13'));
  afterAll(() => setRngCompat('2'));

  it('without replacement (exponential race, argmax / topk) and with replacement (CDF search), 1-D and 2-D', () => {
    const cs = cases(main(), 'multinomial');
    expect(cs.length).toBe(3 * (2 * 9 + 1));
    for (const c of cs) {
      const probs = decode(c.args.probs_b64, c.args.probs_dtype) as Float32Array | Float64Array;
      const want = expected(c);
      const out = new BigInt64Array(want.length);
      const k = probs.length / c.args.rows;
      multinomial(new Generator().manualSeed(BigInt(c.seed)), probs, c.args.k, c.args.replacement, out, {
        numCategories: k,
        dim: c.args.rows > 1 ? 2 : 1,
      });
      expect(diffs(out, want), `${c.seed} ${c.args.probs_dtype} rows=${c.args.rows} k=${c.args.k} r=${c.args.replacement}`).toEqual([]);
    }
  });

  it('writes into a Float64Array too; path choice per version', () => {
    const c = cases(main(), 'multinomial', (c) => c.args.k === 5)[0]!;
    const probs = decode(c.args.probs_b64, c.args.probs_dtype) as Float32Array;
    const out = new Float64Array(5);
    multinomial(new Generator().manualSeed(BigInt(c.seed)), probs, 5, false, out);
    expect(diffs(out, Array.from(expected(c) as BigInt64Array, Number))).toEqual([]);
    expect(multinomialUsesExponentialPath(1, true)).toBe(false);
    setRngCompat('2');
    expect(multinomialUsesExponentialPath(1, true)).toBe(true);
    expect(multinomialUsesExponentialPath(2, true)).toBe(false);
    setRngCompat('1.13');
  });
});
