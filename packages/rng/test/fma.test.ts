import { describe, expect, it } from 'vitest';
import { fma32, fma64, float32Bits, float32FromBits } from '../src/index.js';

/** x = M * 2^E exactly (finite double). */
function dyadic(x: number): [bigint, number] {
  if (x === 0) return [0n, 0];
  const f = new Float64Array([x]);
  const u = new BigUint64Array(f.buffer)[0]!;
  const ex = Number((u >> 52n) & 0x7ffn);
  let m = u & ((1n << 52n) - 1n);
  if (ex !== 0) m |= 1n << 52n;
  const M = x < 0 ? -m : m;
  return [M, (ex === 0 ? 1 : ex) - 1075];
}

/** Correctly rounded (ties to even) value of S * 2^E with p significant bits. */
function roundDyadic(S: bigint, E: number, p: number): number {
  if (S === 0n) return 0;
  const neg = S < 0n;
  let a = neg ? -S : S;
  const L = a.toString(2).length;
  let e = E;
  if (L > p) {
    const sh = BigInt(L - p);
    let q = a >> sh;
    const rem = a - (q << sh);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    a = q;
    e += L - p;
  }
  const v = Number(a) * 2 ** e;
  return neg ? -v : v;
}

/** Exact a*b + c, correctly rounded to p bits (no underflow in the tests' ranges). */
function exactFma(a: number, b: number, c: number, p: number): number {
  const [ma, ea] = dyadic(a);
  const [mb, eb] = dyadic(b);
  const [mc, ec] = dyadic(c);
  let S1 = ma * mb;
  let E1 = ea + eb;
  let S2 = mc;
  let E2 = ec;
  if (S1 === 0n) E1 = E2;
  if (S2 === 0n) E2 = E1;
  const E = Math.min(E1, E2);
  S1 <<= BigInt(E1 - E);
  S2 <<= BigInt(E2 - E);
  const r = roundDyadic(S1 + S2, E, p);
  return r === 0 && (S1 + S2 === 0n) ? a * b + c : r;
}

/** A deterministic stream of doubles for the tests (xorshift). */
function stream(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

describe('FMA emulation', () => {
  it('fma32: the midpoint case that naive double rounding gets wrong', () => {
    const a = 1 + 2 ** -23;
    const b = 2 ** -24 * (1 - 2 ** -23);
    const c = 1 + 2 ** -23;
    expect(Math.fround(a * b + c)).not.toBe(exactFma(a, b, c, 24)); // double rounding fails...
    expect(fma32(a, b, c)).toBe(exactFma(a, b, c, 24)); // ...fma32 does not
    expect(fma32(a, b, c)).toBe(c);
  });

  it('fma32 equals the exact rounding on 30000 random float32 triples (incl. near-cancelling ones)', () => {
    const r = stream(7);
    for (let i = 0; i < 30000; i++) {
      const a = Math.fround((r() * 4 - 2) * 2 ** Math.floor(r() * 40 - 20));
      const b = Math.fround((r() * 4 - 2) * 2 ** Math.floor(r() * 40 - 20));
      const c = i % 3 === 0 ? Math.fround(-a * b * (1 + (r() - 0.5) * 2 ** -20)) : Math.fround((r() * 4 - 2) * 2 ** Math.floor(r() * 40 - 20));
      const want = exactFma(a, b, c, 24);
      if (fma32(a, b, c) !== want) throw new Error(`fma32(${a}, ${b}, ${c}) = ${fma32(a, b, c)}, want ${want}`);
    }
    // values on exact float32 midpoints with a tiny product
    for (let k = 0; k < 2000; k++) {
      const c = float32FromBits(0x3f800000 + Math.floor(r() * 0x7fffff));
      const half = float32FromBits(float32Bits(c) + 1) - c;
      const a = Math.fround(half / 2);
      const b = Math.fround(1 + (r() - 0.5) * 2 ** -10);
      expect(fma32(a, b, c)).toBe(exactFma(a, b, c, 24));
    }
  });

  it('fma64 (Boldo–Melquiond) equals the exact rounding on 30000 random triples', () => {
    const r = stream(11);
    for (let i = 0; i < 30000; i++) {
      const a = (r() * 2 - 1) * 2 ** Math.floor(r() * 60 - 30) + r() * 2 ** -40;
      const b = r() * 2 - 1 + r() * 2 ** -30;
      const c = i % 3 === 0 ? -a * b * (1 + (r() - 0.5) * 2 ** -30) : (r() * 2 - 1) * 2 ** Math.floor(r() * 70 - 60);
      const want = exactFma(a, b, c, 53);
      if (fma64(a, b, c) !== want) throw new Error(`fma64(${a}, ${b}, ${c}) = ${fma64(a, b, c)}, want ${want}`);
    }
  });

  it('fma64 follows IEEE for infinite and NaN inputs and at overflow (issue 10, finding 1)', () => {
    // With c = ±inf or NaN and a finite product, the exact a*b + c is c itself.
    for (const c of [Infinity, -Infinity, NaN]) {
      for (const [a, b] of [[1, 2], [-3.5, 1e-300], [0, 7]] as const) {
        expect(Object.is(fma64(a, b, c), a * b + c)).toBe(true);
      }
      // a*b alone overflows, but the exact product is finite: the sum is still c.
      expect(Object.is(fma64(1e300, 1e10, c), c)).toBe(true);
    }
    expect(Object.is(fma64(Infinity, 2, 1), Infinity)).toBe(true);
    expect(Number.isNaN(fma64(Infinity, 0, 1))).toBe(true);
    expect(Number.isNaN(fma64(Infinity, 1, -Infinity))).toBe(true);
    // Finite inputs whose sum overflows, or lies just below the overflow threshold.
    const max = Number.MAX_VALUE;
    const r = stream(5);
    for (let i = 0; i < 6000; i++) {
      const a = (1 + r()) * 2 ** (i % 3 === 0 ? 1000 + Math.floor(r() * 23) : 480 + Math.floor(r() * 40));
      const b = (max / a) * (0.4 + r() * 1.8);
      const c = i % 2 === 0 ? -a * b * (1 + (r() - 0.5) * 2 ** -30) : (r() < 0.5 ? 1 : -1) * max * r();
      if (!Number.isFinite(c)) continue;
      const want = exactFma(a, b, c, 53);
      if (!Object.is(fma64(a, b, c), want)) throw new Error(`fma64(${a}, ${b}, ${c}) = ${fma64(a, b, c)}, want ${want}`);
    }
  });
});
