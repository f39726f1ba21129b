import { describe, expect, it } from 'vitest';
import { Generator, bernoulliScalar_, bernoulliTensor_, dropout, dropoutMask_ } from '../src/index.js';
import { cases, decode, diffs, expected, hex, main } from './helpers.js';

describe('bernoulli / dropout against torch 1.13 (non-MKL kernels, same in 2.x)', () => {
  it('bernoulli_(p) with a scalar p, float32 / int64 / bool outputs', () => {
    const cs = cases(main(), 'bernoulli_scalar');
    expect(cs.length).toBe(3 * 6);
    for (const c of cs) {
      const want = expected(c);
      const out = c.args.dtype === 'float32' ? new Float32Array(c.args.n) : c.args.dtype === 'int64' ? new BigInt64Array(c.args.n) : new Uint8Array(c.args.n);
      bernoulliScalar_(new Generator().manualSeed(BigInt(c.seed)), out, hex(c.args.p));
      expect(diffs(out, want), `${c.seed} p=${hex(c.args.p)} ${c.args.dtype}`).toEqual([]);
    }
  });

  it('bernoulli(probs): float32 probs draw 32-bit uniforms, float64 probs 64-bit ones', () => {
    const cs = cases(main(), 'bernoulli_tensor');
    expect(cs.length).toBe(3 * 4);
    for (const c of cs) {
      const probs = decode(c.args.probs_b64, c.args.probs_dtype) as Float32Array | Float64Array;
      const want = expected(c);
      const out = c.args.dtype === 'float32' ? new Float32Array(probs.length) : new Float64Array(probs.length);
      bernoulliTensor_(new Generator().manualSeed(BigInt(c.seed)), out, probs);
      expect(diffs(out, want), `${c.seed} ${c.args.probs_dtype} -> ${c.args.dtype}`).toEqual([]);
    }
  });

  it('F.dropout(x, p, training=True): noise = bernoulli_(1-p) / (1-p) in the dtype', () => {
    const cs = cases(main(), 'dropout');
    expect(cs.length).toBe(3 * 6);
    for (const c of cs) {
      const x = decode(c.args.x_b64, c.args.dtype) as Float32Array | Float64Array;
      const out = x instanceof Float32Array ? new Float32Array(x.length) : new Float64Array(x.length);
      dropout(new Generator().manualSeed(BigInt(c.seed)), x, out, hex(c.args.p));
      expect(diffs(out, expected(c)), `${c.seed} p=${hex(c.args.p)} ${c.args.dtype}`).toEqual([]);
    }
  });

  it('dropout edge cases draw nothing', () => {
    const g = new Generator().manualSeed(3);
    const x = new Float32Array([1, -2, 3]);
    const out = new Float32Array(3);
    dropout(g, x, out, 0);
    expect(Array.from(out)).toEqual([1, -2, 3]);
    dropout(g, x, out, 0.5, false);
    expect(Array.from(out)).toEqual([1, -2, 3]);
    dropout(g, x, out, 1);
    expect(Array.from(out)).toEqual([0, -0, 0]);
    expect(g.random()).toBe(new Generator().manualSeed(3).random());
    const m = new Float64Array(4);
    dropoutMask_(new Generator().manualSeed(0), m, 0.25);
    for (const v of m) expect(v === 0 || v === 1 / 0.75).toBe(true);
  });
});
