import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Generator, normal_, normalUsesBlockPath, rand, randn, setRngCompat } from '../src/index.js';
import { type Case, bytesOf, cases, decode, diffs, expected, floatArray, hex, large, loadFixture, main, sha256, ulps64 } from './helpers.js';

/** Runs a float64 normal-type fixture case here. */
function runFloat64Normal(c: Case): Float64Array {
  const a = c.args;
  if (c.op === 'randn' || c.op === 'normal_') {
    const out = new Float64Array(a.n);
    normal_(new Generator().manualSeed(BigInt(c.seed)), out, a.mean ? hex(a.mean) : 0, a.std ? hex(a.std) : 1, {
      contiguous: a.contiguous,
    });
    return out;
  }
  const got: number[] = [];
  if (c.op === 'randn_sequence') {
    const g = new Generator().manualSeed(BigInt(c.seed));
    for (const k of a.sizes as number[]) {
      const o = new Float64Array(k);
      randn(g, o);
      got.push(...o);
    }
  } else if (c.op === 'normal_sequence_mixed') {
    const g = new Generator().manualSeed(BigInt(c.seed));
    for (const [, k, dt, m, s] of a.steps as Array<[string, number, string, number, number]>) {
      const o = floatArray(dt, k);
      normal_(g, o, m, s);
      got.push(...o);
    }
  } else if (c.op === 'state.continue') {
    const g = new Generator().setState(bytesOf(c.state_b64));
    const x = new Float64Array(3);
    const y = new Float64Array(20);
    const z = new Float64Array(33);
    randn(g, x);
    rand(g, y);
    randn(g, z);
    got.push(...x, ...y, ...z);
  } else {
    throw new Error(`not a float64 normal case: ${c.op}`);
  }
  return Float64Array.from(got);
}

describe('randn / normal_ against torch 1.13', () => {
  beforeAll(() => setRngCompat('1.13'));
  afterAll(() => setRngCompat('2'));

  it('seed notebook: manual_seed(7); randn((1, 5))', () => {
    const c = cases(main(), 'randn', (c) => c.args.shape?.[0] === 1 && c.seed === '7')[0]!;
    const out = new Float32Array(5);
    randn(new Generator().manualSeed(7), out);
    expect(diffs(out, expected(c))).toEqual([]);
    // -0.1468, 0.7861, 0.9468, -1.1143, 1.6908 when printed with 4 decimals
    expect(Array.from(out, (v) => v.toFixed(4))).toEqual(Array.from(expected(c) as Float32Array, (v) => v.toFixed(4)));
  });

  it('randn float32, every seed and size 1..1000 (scalar and block paths): bit-exact', () => {
    const cs = cases(main(), 'randn', (c) => c.args.dtype === 'float32' && c.args.contiguous && !c.args.shape);
    expect(cs.length).toBe(6 * 8);
    for (const c of cs) {
      const out = new Float32Array(c.args.n);
      randn(new Generator().manualSeed(BigInt(c.seed)), out);
      expect(diffs(out, expected(c)), `${c.seed} ${c.args.n}`).toEqual([]);
    }
  });

  it('randn float32 100000 values for 6 seeds (AVX2 block path): bit-exact (sha256)', () => {
    const cs = cases(large(), 'randn', (c) => c.args.dtype === 'float32');
    expect(cs.length).toBe(6);
    for (const c of cs) {
      const out = new Float32Array(c.args.n);
      randn(new Generator().manualSeed(BigInt(c.seed)), out);
      expect(sha256(out), c.seed).toBe(c.sha256);
    }
  });

  it('normal_(mean, std) and non-contiguous (transposed, channels_last) outputs, float32 bit-exact', () => {
    const cs = [...cases(main(), 'normal_'), ...cases(main(), 'randn', (c) => c.args.contiguous === false)].filter(
      (c) => c.args.dtype === 'float32',
    );
    expect(cs.length).toBeGreaterThan(40);
    for (const c of cs) {
      const out = new Float32Array(c.args.n);
      const mean = c.args.mean ? hex(c.args.mean) : 0;
      const std = c.args.std ? hex(c.args.std) : 1;
      normal_(new Generator().manualSeed(BigInt(c.seed)), out, mean, std, { contiguous: c.args.contiguous });
      expect(diffs(out, expected(c)), `${c.op} ${c.seed} ${c.args.n} ${c.args.contiguous}`).toEqual([]);
    }
  });

  it('sequences carry the cached double normal across calls (randn(1),(1),(3),(40),(2); mixed dtypes)', () => {
    for (const c of cases(main(), 'randn_sequence')) {
      const g = new Generator().manualSeed(BigInt(c.seed));
      const got: number[] = [];
      for (const k of c.args.sizes as number[]) {
        const o = floatArray(c.args.dtype, k);
        randn(g, o);
        got.push(...o);
      }
      // float64 sequences are covered by the correctly-rounded comparison below
      if (c.args.dtype === 'float32') expect(diffs(got, expected(c)), c.seed).toEqual([]);
    }
    for (const c of cases(main(), 'normal_sequence_mixed')) {
      const g = new Generator().manualSeed(BigInt(c.seed));
      const got: number[] = [];
      for (const [, k, dt, m, s] of c.args.steps as Array<[string, number, string, number, number]>) {
        const o = floatArray(dt, k);
        normal_(g, o, m, s);
        got.push(...o);
      }
      const want = expected(c) as Float64Array;
      // float32 parts (steps 2 and 3) must be bit-exact
      expect(diffs(got.slice(3, 48), want.slice(3, 48)), c.seed).toEqual([]);
    }
  });

  it('manual_seed clears the cache; torch.Generator objects behave alike', () => {
    for (const c of cases(main(), 'randn', (c) => c.args.note !== undefined)) {
      const g = new Generator().manualSeed(BigInt(c.seed));
      randn(g, new Float64Array(1));
      g.manualSeed(BigInt(c.seed));
      const out = new Float64Array(2);
      randn(g, out);
      // same stream as a fresh manual_seed (values themselves: see the float64 comparison below)
      const h = new Generator().manualSeed(BigInt(c.seed));
      const ref = new Float64Array(2);
      randn(h, ref);
      expect(diffs(out, ref)).toEqual([]);
    }
    const c = cases(main(), 'generator.randn')[0]!;
    const out = new Float32Array(20);
    randn(new Generator().manualSeed(123), out);
    expect(diffs(out, expected(c))).toEqual([]);
  });

  it('float64: every value equals the correctly rounded Box–Muller; differences from torch are exactly where glibc is not correctly rounded', () => {
    const crfx = loadFixture('crmath.json') as unknown as {
      randn_cr: Array<{ file: string; case: number; op: string; n: number; diff_indices: number[]; cr_values: string }>;
    };
    let total = 0;
    let exact = 0;
    const ulpHist: Record<number, number> = {};
    for (const r of crfx.randn_cr) {
      const c = loadFixture(r.file).cases[r.case]!;
      expect(c.op).toBe(r.op);
      const got = runFloat64Normal(c);
      const want = expected(c) as Float64Array;
      const mism = diffs(got, want);
      // we differ from torch exactly where torch (glibc) differs from correctly rounded arithmetic ...
      expect(mism, `${c.op} ${c.seed} ${JSON.stringify(c.args).slice(0, 60)}`).toEqual(r.diff_indices);
      // ... and there we hold the correctly rounded value
      const cr = decode(r.cr_values, 'float64') as Float64Array;
      expect(Array.from(mism, (i) => got[i])).toEqual(Array.from(cr));
      total += want.length;
      exact += want.length - mism.length;
      for (const i of mism) {
        const u = ulps64(got[i]!, want[i]!);
        ulpHist[u] = (ulpHist[u] ?? 0) + 1;
      }
    }
    const rate = exact / total;
    console.log(
      `float64 normals vs torch 1.13: ${exact}/${total} bit-exact (${(100 * rate).toFixed(3)} %), ulp histogram of the rest ${JSON.stringify(ulpHist)}`,
    );
    expect(total).toBeGreaterThan(149000);
  });

  it('path selection: block path iff numel >= 16 and contiguous', () => {
    expect(normalUsesBlockPath(15, true)).toBe(false);
    expect(normalUsesBlockPath(16, true)).toBe(true);
    expect(normalUsesBlockPath(1000, false)).toBe(false);
    // the block path neither reads nor writes the cache
    const g = new Generator().manualSeed(0);
    randn(g, new Float64Array(1));
    const cached = g.nextDoubleNormal;
    randn(g, new Float32Array(32));
    expect(g.nextDoubleNormal).toBe(cached);
  });
});
