import { describe, expect, it } from 'vitest';
import { crPowInt } from '../src/index.js';
import { decode, loadFixture } from './helpers.js';

interface PowFixture {
  x: string;
  n: number[];
  cr: string;
  python: string;
}

describe('crPowInt: x ** n for integer n (vs exact rational arithmetic)', () => {
  const f = loadFixture('crpow.json') as unknown as PowFixture;
  const xs = decode(f.x, 'float64') as Float64Array;
  const cr = decode(f.cr, 'float64') as Float64Array;
  const python = decode(f.python, 'float64') as Float64Array;

  it('is correctly rounded on optimizer betas / scheduler gammas up to n = 3000 and on random bases', () => {
    expect(xs.length).toBe(f.n.length);
    expect(xs.length).toBeGreaterThan(40000);
    const bad: string[] = [];
    for (let i = 0; i < xs.length; i++) {
      const r = crPowInt(xs[i]!, f.n[i]!);
      if (!Object.is(r, cr[i])) bad.push(`${xs[i]} ** ${f.n[i]} = ${r}, want ${cr[i]}`);
    }
    expect(bad).toEqual([]);
  });

  it("differs from Python's float ** int (glibc pow) only where glibc is not correctly rounded", () => {
    let glibcOff = 0;
    let v8Off = 0;
    const unexplained: number[] = [];
    for (let i = 0; i < xs.length; i++) {
      const n = f.n[i]!;
      if (python[i] !== cr[i]) glibcOff++;
      if (xs[i]! ** n !== python[i]) v8Off++;
      if (crPowInt(xs[i]!, n) !== python[i] && python[i] === cr[i]) unexplained.push(i);
    }
    console.log(`glibc pow not correctly rounded on ${glibcOff}/${xs.length}; V8's ** differs from glibc on ${v8Off}`);
    expect(unexplained).toEqual([]);
  });

  it('handles the edges', () => {
    expect(crPowInt(0.9, 0)).toBe(1);
    expect(crPowInt(0, 3)).toBe(0);
    expect(Object.is(crPowInt(-0, 3), -0)).toBe(true);
    expect(Object.is(crPowInt(-0, 2), 0)).toBe(true);
    expect(crPowInt(-2, 3)).toBe(-8);
    expect(crPowInt(2, 1.5)).toBe(2 ** 1.5); // non-integer exponents: plain **
    expect(crPowInt(10, 400)).toBe(Infinity);
    expect(crPowInt(NaN, 2)).toBeNaN();
  });
});
