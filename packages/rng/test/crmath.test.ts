import { describe, expect, it } from 'vitest';
import { crCos, crLog, crSin } from '../src/index.js';
import { slowPathForTests } from '../src/crmath.js';
import { decode, loadFixture } from './helpers.js';

interface Fn {
  x: string;
  cr: string;
  glibc: string;
}
const fx = (): { functions: Record<'log' | 'sin' | 'cos', Fn> } =>
  loadFixture('crmath.json') as unknown as { functions: Record<'log' | 'sin' | 'cos', Fn> };

const impl = { log: crLog, sin: crSin, cos: crCos } as const;

describe('correctly rounded log / sin / cos (vs mpmath at 200 bits)', () => {
  for (const name of ['log', 'sin', 'cos'] as const) {
    it(`${name}: correctly rounded on Box–Muller inputs, near 1 / near multiples of pi/2, huge and tiny arguments`, () => {
      const f = fx().functions[name];
      const xs = decode(f.x, 'float64') as Float64Array;
      const want = decode(f.cr, 'float64') as Float64Array;
      const glibc = decode(f.glibc, 'float64') as Float64Array;
      expect(xs.length).toBeGreaterThan(4500);
      const bad: number[] = [];
      let glibcOff = 0;
      let v8Off = 0;
      const native = name === 'log' ? Math.log : name === 'sin' ? Math.sin : Math.cos;
      for (let i = 0; i < xs.length; i++) {
        if (!Object.is(impl[name](xs[i]!), want[i])) bad.push(i);
        if (glibc[i] !== want[i]) glibcOff++;
        if (native(xs[i]!) !== want[i]) v8Off++;
      }
      console.log(`${name}: glibc not correctly rounded on ${glibcOff}/${xs.length}, V8 Math.${name} on ${v8Off}`);
      expect(bad.map((i) => xs[i])).toEqual([]);
    });
  }

  it('the BigInt slow path is correctly rounded too', () => {
    for (const name of ['log', 'sin', 'cos'] as const) {
      const f = fx().functions[name];
      const xs = decode(f.x, 'float64') as Float64Array;
      const want = decode(f.cr, 'float64') as Float64Array;
      for (let i = 0; i < xs.length; i += 20) {
        expect(slowPathForTests[name](xs[i]!), `${name}(${xs[i]})`).toBe(want[i]);
      }
    }
  });

  it('special values', () => {
    expect(crLog(0)).toBe(-Infinity);
    expect(crLog(-0)).toBe(-Infinity);
    expect(crLog(-1)).toBeNaN();
    expect(crLog(NaN)).toBeNaN();
    expect(crLog(Infinity)).toBe(Infinity);
    expect(crLog(1)).toBe(0);
    expect(crSin(Infinity)).toBeNaN();
    expect(crCos(-Infinity)).toBeNaN();
    expect(Object.is(crSin(-0), -0)).toBe(true);
    expect(crCos(0)).toBe(1);
  });
});
