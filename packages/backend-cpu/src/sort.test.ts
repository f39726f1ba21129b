import type { DTypeName } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { be, type LayoutKind, numelOf, output, read, rng, sample, view } from '../test/helpers.js';

/** Naive stable sort of one row: (value, index) pairs, NaN largest. */
function refRow(row: number[], desc: boolean): { v: number[]; i: number[] } {
  const key = (x: number): number => (Number.isNaN(x) ? Infinity : x);
  const rank = (x: number): number => (Number.isNaN(x) ? 1 : 0); // NaN above +inf
  const pairs = row.map((v, i) => ({ v, i }));
  pairs.sort((a, b) => {
    const c = key(a.v) - key(b.v) || rank(a.v) - rank(b.v) || 0;
    return (desc ? -c : c) || a.i - b.i;
  });
  return { v: pairs.map((p) => p.v), i: pairs.map((p) => p.i) };
}

const LAYOUTS: LayoutKind[] = ['contiguous', 'permuted', 'gapped', 'offset'];

describe('sort', () => {
  for (const dt of ['float32', 'float64', 'int32', 'int64', 'uint8', 'bool'] as DTypeName[]) {
    it(`${dt}: rows of every length class, both directions, every layout`, () => {
      for (const shape of [[3, 7], [2, 2, 40], [1, 300], [5], [4, 1]]) {
        const n = numelOf(shape);
        const L = shape[shape.length - 1];
        const r = rng(L);
        // many ties (small value range) plus specials
        let values = sample(dt, n, L, true).map((v) => (dt === 'float32' || dt === 'float64' ? (Number.isFinite(v) ? Math.round(v) : v) : v));
        if (dt === 'int32' || dt === 'int64') values = values.map((v) => (v % 5) + 0);
        for (const desc of [false, true]) {
          const wantV: number[] = [], wantI: number[] = [];
          for (let o = 0; o < n / L; o++) {
            const res = refRow(values.slice(o * L, (o + 1) * L), desc);
            wantV.push(...res.v);
            wantI.push(...res.i);
          }
          for (const lo of LAYOUTS) {
            const lo2 = LAYOUTS[Math.floor(r() * 4)];
            const vals = output(dt, shape, lo2), idx = output('int64', shape, lo);
            be.sort(view(dt, shape, values, lo), desc, false, vals, idx);
            expect({ shape, desc, lo, v: read(vals), i: read(idx) }).toEqual({ shape, desc, lo, v: wantV, i: wantI });
          }
        }
      }
    });
  }
  it('sorts a 0-d tensor and skips empty ones', () => {
    const v = output('float32', []), i = output('int64', []);
    be.sort(view('float32', [], [5]), false, true, v, i);
    expect([read(v), read(i)]).toEqual([[5], [0]]);
    be.sort(output('float32', [2, 0]), false, true, output('float32', [2, 0]), output('int64', [2, 0]));
  });
  it('keeps -0 and 0 in input order (they compare equal)', () => {
    const v = output('float64', [4]), i = output('int64', [4]);
    be.sort(view('float64', [4], [0, -0, 0, -0]), false, true, v, i);
    expect(read(i)).toEqual([0, 1, 2, 3]);
    expect(Object.is(read(v)[1], -0)).toBe(true);
  });
});
