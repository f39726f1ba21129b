import type { DTypeName, ScanOp } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { be, close, coords, DTYPES, type LayoutKind, numelOf, output, read, sample, view } from '../test/helpers.js';
import { isFloat, roundFloat, wrapInt } from '../test/reference.js';

const SHAPE = [3, 4, 5];

/** Naive scan of one line; returns values (in the compute dtype) and indices. */
function refLine(op: ScanOp, line: number[], cd: DTypeName): { v: number[]; i: number[] } {
  const v: number[] = [], idx: number[] = [];
  let accF = op === 'cumprod' ? 1 : op === 'logcumsumexp' ? -Infinity : 0;
  let accI = op === 'cumprod' ? 1n : 0n;
  let best = NaN, bestI = -1;
  line.forEach((x, k) => {
    switch (op) {
      case 'cumsum':
      case 'cumprod':
        if (isFloat(cd)) {
          accF = op === 'cumsum' ? accF + x : accF * x;
          v.push(roundFloat(accF, cd));
        } else {
          accI = op === 'cumsum' ? accI + BigInt(x) : accI * BigInt(x);
          v.push(wrapInt(accI, cd));
        }
        break;
      case 'logcumsumexp': {
        const m = Math.max(accF, x);
        accF = Math.abs(m) === Infinity ? (Number.isNaN(accF) || Number.isNaN(x) ? NaN : m) : m + Math.log(Math.exp(accF - m) + Math.exp(x - m));
        v.push(roundFloat(accF, cd));
        break;
      }
      default: {
        const better = op === 'cummax' ? x >= best : x <= best;
        if (bestI < 0 || Number.isNaN(x) || (!Number.isNaN(best) && better)) {
          best = x;
          bestI = k;
        }
        v.push(best);
        idx.push(bestI);
      }
    }
  });
  return { v, i: idx };
}

function expected(op: ScanOp, values: number[], shape: number[], dim: number, cd: DTypeName): { v: number[]; i: number[] } {
  const n = numelOf(shape);
  const v = new Array<number>(n), i = new Array<number>(n);
  const stride = numelOf(shape.slice(dim + 1));
  for (let f = 0; f < n; f++) {
    const c = coords(f, shape);
    if (c[dim] !== 0) continue;
    const line = Array.from({ length: shape[dim] }, (_, k) => values[f + k * stride]);
    const r = refLine(op, line, cd);
    r.v.forEach((x, k) => (v[f + k * stride] = x));
    r.i.forEach((x, k) => (i[f + k * stride] = x));
  }
  return { v, i };
}

const LAYOUTS: [LayoutKind, LayoutKind][] = [['contiguous', 'contiguous'], ['permuted', 'contiguous'], ['gapped', 'permuted'], ['offset', 'gapped']];

describe('scan: every op, dtype, dim and layout', () => {
  for (const cd of DTYPES.filter((d) => d !== 'bool')) {
    for (const op of ['cumsum', 'cumprod', 'cummax', 'cummin', 'logcumsumexp'] as ScanOp[]) {
      if (op === 'logcumsumexp' && !isFloat(cd)) continue;
      it(`${op} ${cd}`, () => {
        let values = sample(cd, numelOf(SHAPE), 6, true);
        if (op === 'cumprod') values = values.map((v) => (isFloat(cd) ? roundFloat(Number.isFinite(v) ? 1 + v / 8 : v, cd) : cd === 'uint8' || cd === 'int32' ? v : v % 9));
        values[2] = values[7]; // ties
        for (let dim = 0; dim < SHAPE.length; dim++) {
          const want = expected(op, values, SHAPE, dim, cd);
          for (const [lx, lo] of LAYOUTS) {
            const out = output(cd, SHAPE, lo);
            const idx = output('int64', SHAPE, lo);
            be.scan(op, view(cd, SHAPE, values, lx), dim, out, cd, idx);
            const got = read(out);
            const rtol = op === 'logcumsumexp' ? (cd === 'float32' ? 1.2e-7 : 1e-15) : 0;
            const bad = got.findIndex((g, k) => !close(g, want.v[k], rtol));
            if (bad >= 0) expect({ dim, lx, lo, bad, got: got[bad] }).toEqual({ dim, lx, lo, bad, got: want.v[bad] });
            if (op === 'cummax' || op === 'cummin') expect({ dim, lx, idx: read(idx) }).toEqual({ dim, lx, idx: want.i });
          }
        }
      });
    }
  }

  it('accumulates float32 cumsum in double precision like ATen', () => {
    const values = [1e8, 0.5, 0.5, 0.5, 0.5];
    const out = output('float32', [5]);
    be.scan('cumsum', view('float32', [5], values), 0, out, 'float32');
    expect(read(out)).toEqual([1e8, 1e8, 100000000, 100000000, 100000000].map((_, k) => Math.fround(1e8 + 0.5 * k)));
  });

  it('scans a 0-d tensor as one element', () => {
    const out = output('float32', []), idx = output('int64', []);
    be.scan('cummax', view('float32', [], [3]), 0, out, 'float32', idx);
    expect([read(out), read(idx)]).toEqual([[3], [0]]);
    be.scan('cumprod', view('float32', [], [4]), 0, out, 'float32');
    expect(read(out)).toEqual([4]);
  });

  it('casts into an output of another dtype and skips empty input', () => {
    const out = output('float64', [3]);
    be.scan('cumsum', view('int32', [3], [2 ** 31 - 1, 1, 1]), 0, out, 'int32');
    expect(read(out)).toEqual([2 ** 31 - 1, -(2 ** 31), -(2 ** 31) + 1]);
    be.scan('cumsum', output('float32', [0, 3]), 1, output('float32', [0, 3]), 'float32');
  });
});
