import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Generator, RngError, normal_, rand, randn, setRngCompat } from '../src/index.js';
import { bytesOf, cases, diffs, expected, main } from './helpers.js';

describe('get_rng_state / set_rng_state', () => {
  beforeAll(() => setRngCompat('1.13'));
  afterAll(() => setRngCompat('2'));

  it('states after draws are byte-identical to torch (cached normal, across a twist)', () => {
    const f = main();
    for (const c of cases(f, 'state.after_randn3_f64')) {
      const g = new Generator().manualSeed(BigInt(c.seed));
      randn(g, new Float64Array(3));
      expect(diffs(g.getState(), expected(c))).toEqual([]);
    }
    for (const c of cases(f, 'state.after_rand700')) {
      const g = new Generator().manualSeed(BigInt(c.seed));
      rand(g, new Float32Array(700));
      expect(diffs(g.getState(), expected(c))).toEqual([]);
    }
    expect(cases(f, 'state.after_rand700').length).toBe(3);
  });

  it('a torch state loads here and continues the same stream (cached sine included)', () => {
    for (const c of cases(main(), 'state.continue')) {
      const g = new Generator().setState(bytesOf(c.state_b64));
      const a = new Float64Array(3);
      const b = new Float64Array(20);
      const d = new Float64Array(33);
      randn(g, a);
      rand(g, b);
      randn(g, d);
      expect(diffs([...a, ...b, ...d], expected(c))).toEqual([]);
      // and the state we hold at the start serialises to the same bytes
      expect(diffs(new Generator().setState(bytesOf(c.state_b64)).getState(), bytesOf(c.state_b64))).toEqual([]);
    }
  });

  it('restores a cached float normal and round-trips it like torch', () => {
    const c = cases(main(), 'state.roundtrip')[0]!;
    const g = new Generator().setState(bytesOf(c.args.input_b64));
    expect(g.nextFloatNormal).toBe(-1.375);
    expect(diffs(g.getState(), expected(c))).toEqual([]);
  });

  it('accepts the legacy 5048-byte state (cached normal rebuilt as rho*sin(2*pi*x))', () => {
    const c = cases(main(), 'state.legacy')[0]!;
    const input = bytesOf(c.args.input_b64);
    expect(input.length).toBe(5048);
    const g = new Generator().setState(input);
    expect(diffs(g.getState(), expected(c))).toEqual([]);
    const r = cases(main(), 'state.legacy.randn')[0]!;
    const h = new Generator().setState(input);
    const out = new Float64Array(3);
    randn(h, out);
    expect(diffs(out, expected(r))).toEqual([]);
  });

  it('rejects bad states with PyTorch\'s texts and leaves the generator unchanged', () => {
    const g = new Generator().manualSeed(77);
    rand(g, new Float32Array(5));
    g.nextDoubleNormal = 0.25;
    const before = g.getState();
    const errs = cases(main(), 'errors')[0]!.errors as Array<{ name: string; message: string }>;
    const msg = (name: string): string => errs.find((e) => e.name === name)!.message;
    expect(() => g.setState(new Uint8Array(10))).toThrow(msg('set_rng_state size 10'));
    expect(() => g.setState(new Uint8Array(5056))).toThrow(msg('set_rng_state zeros'));
    const bad = g.getState();
    bad.set([0, 0, 0, 0], 8); // left = 0
    expect(() => g.setState(bad)).toThrow(msg('set_rng_state left=0'));
    const bad2 = g.getState();
    new DataView(bad2.buffer).setUint32(16, 625, true); // next > 624
    expect(() => g.setState(bad2)).toThrow(RngError);
    const bad3 = g.getState();
    bad3[12] = 0; // not seeded
    expect(() => g.setState(bad3)).toThrow('Invalid mt19937 state');
    expect(() => g.setState([1, 2] as unknown as Uint8Array)).toThrow(/ByteTensor/);
    expect(diffs(g.getState(), before)).toEqual([]);
  });

  it('a state saved here loads into a fresh generator and continues identically', () => {
    const g = new Generator().manualSeed(2024);
    randn(g, new Float64Array(7)); // odd: leaves a cached sine
    const s = g.getState();
    const h = new Generator().setState(s);
    const a = new Float32Array(50);
    const b = new Float32Array(50);
    normal_(g, a, 1, 2, { contiguous: false });
    normal_(h, b, 1, 2, { contiguous: false });
    expect(diffs(a, b)).toEqual([]);
  });

  it('manualSeed clears both cached normals', () => {
    const g = new Generator().manualSeed(1);
    randn(g, new Float64Array(1));
    g.nextFloatNormal = 2;
    expect(g.nextDoubleNormal).not.toBeNull();
    g.manualSeed(1);
    expect(g.nextDoubleNormal).toBeNull();
    expect(g.nextFloatNormal).toBeNull();
  });
});
