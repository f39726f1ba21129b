import type { DTypeName, ScatterReduce, TensorRef } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { be, coords, type LayoutKind, numelOf, output, read, rng, sample, view } from '../test/helpers.js';
import { KernelIndexError } from './indexing.js';

const LAYOUTS: LayoutKind[] = ['contiguous', 'permuted', 'gapped', 'offset'];

/** Flat row-major index of coordinates. */
function flatOf(c: number[], shape: number[]): number {
  return c.reduce((f, x, d) => f * shape[d] + x, 0);
}

function randomIndex(shape: number[], size: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: numelOf(shape) }, () => Math.floor(r() * size));
}

describe('gather', () => {
  for (const dt of ['float32', 'int64', 'bool'] as DTypeName[]) {
    it(`${dt} along every dim and layout`, () => {
      const xShape = [3, 4, 5];
      const xv = sample(dt, numelOf(xShape), 3);
      for (let dim = 0; dim < 3; dim++) {
        const iShape = [2, 3, 4];
        const iv = randomIndex(iShape, xShape[dim], 10 + dim);
        const want = iv.map((j, f) => {
          const c = coords(f, iShape);
          c[dim] = j;
          return xv[flatOf(c, xShape)];
        });
        for (const lo of LAYOUTS) {
          const out = output(dt, iShape, lo);
          be.gather(view(dt, xShape, xv, lo), dim, view('int64', iShape, iv, LAYOUTS[(LAYOUTS.indexOf(lo) + 1) % 4]), out);
          expect({ dim, lo, got: read(out) }).toEqual({ dim, lo, got: want });
        }
      }
    });
  }
  it('rejects out-of-range indices with PyTorch\'s message', () => {
    const x = view('float32', [2, 3], [1, 2, 3, 4, 5, 6]);
    expect(() => be.gather(x, 1, view('int64', [1, 1], [3]), output('float32', [1, 1]))).toThrow(
      new KernelIndexError('index 3 is out of bounds for dimension 1 with size 3'),
    );
    expect(() => be.gather(x, 0, view('int64', [1, 1], [-1]), output('float32', [1, 1]))).toThrow(/index -1 is out of bounds/);
  });
});

describe('scatter', () => {
  const REDUCES: ScatterReduce[] = ['none', 'add', 'multiply', 'amax', 'amin'];
  function refScatter(outv: number[], outShape: number[], dim: number, iv: number[], iShape: number[], src: number[] | number, reduce: ScatterReduce, dt: DTypeName): number[] {
    const res = outv.slice();
    iv.forEach((j, f) => {
      const c = coords(f, iShape);
      const s = typeof src === 'number' ? src : src[flatOf(c, iShape)];
      c[dim] = j;
      const o = flatOf(c, outShape);
      const cur = res[o];
      let v: number;
      switch (reduce) {
        case 'none': v = s; break;
        case 'add': v = cur + s; break;
        case 'multiply': v = cur * s; break;
        case 'amax': v = Number.isNaN(cur) || Number.isNaN(s) ? NaN : Math.max(cur, s); break;
        case 'amin': v = Number.isNaN(cur) || Number.isNaN(s) ? NaN : Math.min(cur, s); break;
      }
      res[o] = dt === 'float32' ? Math.fround(v) : dt === 'int32' ? Number(BigInt.asIntN(32, BigInt(v))) : v;
    });
    return res;
  }
  for (const dt of ['float32', 'float64', 'int32'] as DTypeName[]) {
    for (const reduce of REDUCES) {
      it(`${reduce} ${dt}`, () => {
        const outShape = [3, 4, 5];
        const outv = sample(dt, numelOf(outShape), 5, true);
        for (let dim = 0; dim < 3; dim++) {
          // src is bigger than index: it is iterated over index's shape
          const iShape = [2, 3, 4], sShape = [3, 3, 5];
          const iv = randomIndex(iShape, outShape[dim], 20 + dim);
          const sv = sample(dt, numelOf(sShape), 7 + dim);
          const srcIter = iv.map((_, f) => sv[flatOf(coords(f, iShape), sShape)]);
          const want = refScatter(outv, outShape, dim, iv, iShape, srcIter, reduce, dt);
          for (const lo of LAYOUTS) {
            const out = view(dt, outShape, outv, lo);
            be.scatter(out, dim, view('int64', iShape, iv, lo), view(dt, sShape, sv, LAYOUTS[(LAYOUTS.indexOf(lo) + 2) % 4]), reduce);
            expect({ dim, lo, got: read(out) }).toEqual({ dim, lo, got: want });
          }
          const out = view(dt, outShape, outv);
          be.scatter(out, dim, view('int64', iShape, iv), 2, reduce);
          expect({ dim, scalar: true, got: read(out) }).toEqual({ dim, scalar: true, got: refScatter(outv, outShape, dim, iv, iShape, 2, reduce, dt) });
        }
      });
    }
  }
  it('casts src to the output dtype and wraps int32 products', () => {
    const out = view('int32', [3], [2 ** 30, 5, 1]);
    be.scatter(out, 0, view('int64', [2], [0, 1]), view('float64', [2], [4, -2.7]), 'multiply');
    expect(read(out)).toEqual([0, -10, 1]);
    const ob = view('bool', [3], [0, 1, 0]);
    be.scatter(ob, 0, view('int64', [3], [0, 0, 2]), view('bool', [3], [1, 1, 0]), 'add');
    expect(read(ob)).toEqual([1, 1, 0]);
    expect(() => be.scatter(out, 0, view('int64', [1], [4]), 1, 'none')).toThrow(/index 4 is out of bounds for dimension 0 with size 3/);
  });
});

describe('indexSelect', () => {
  it('selects along every dim and layout, with repeats', () => {
    const xShape = [3, 4, 5];
    const xv = sample('float64', numelOf(xShape), 9);
    for (let dim = 0; dim < 3; dim++) {
      const iv = [xShape[dim] - 1, 0, 0, 1, xShape[dim] - 1];
      const oShape = xShape.slice();
      oShape[dim] = iv.length;
      const want = Array.from({ length: numelOf(oShape) }, (_, f) => {
        const c = coords(f, oShape);
        c[dim] = iv[c[dim]];
        return xv[flatOf(c, xShape)];
      });
      for (const lo of LAYOUTS) {
        const out = output('float64', oShape, lo);
        const idx: TensorRef = view('int64', [iv.length], iv, lo);
        be.indexSelect(view('float64', xShape, xv, LAYOUTS[(LAYOUTS.indexOf(lo) + 1) % 4]), dim, idx, out);
        expect({ dim, lo, got: read(out) }).toEqual({ dim, lo, got: want });
      }
    }
  });
  it('works on 1-D input, casts, and rejects bad indices', () => {
    const out = output('int32', [3]);
    be.indexSelect(view('float32', [4], [1.5, 2.5, -3.5, 4]), 0, view('int64', [3], [2, 2, 0]), out);
    expect(read(out)).toEqual([-3, -3, 1]);
    expect(() => be.indexSelect(view('float32', [4], [1, 2, 3, 4]), 0, view('int64', [1], [4]), output('float32', [1]))).toThrow(
      'index out of range in self',
    );
  });
});

describe('0-d tensors (dim 0 names their one element, as in PyTorch)', () => {
  // found by the differential suite: torch.scatter(0-d, -1, 0-d index, 0-d src) and
  // torch.indexSelect(0-d, -1, [0]) threw KernelIndexError('... with size undefined')
  it('gather, scatter and indexSelect read and write the element', () => {
    const g = output('float32', []);
    be.gather(view('float32', [], [2.5]), 0, view('int64', [], [0]), g);
    expect(read(g)).toEqual([2.5]);
    const g1 = output('float32', [1]);
    be.gather(view('float32', [], [2.5], 'offset'), 0, view('int64', [1], [0]), g1);
    expect(read(g1)).toEqual([2.5]);
    for (const reduce of ['none', 'add', 'multiply'] as ScatterReduce[]) {
      const s = view('int32', [], [-7]);
      be.scatter(s, 0, view('int64', [], [0]), view('int32', [], [9]), reduce);
      expect({ reduce, got: read(s) }).toEqual({ reduce, got: [reduce === 'none' ? 9 : reduce === 'add' ? 2 : -63] });
    }
    const sv = view('float64', [], [1]);
    be.scatter(sv, 0, view('int64', [1], [0]), 4, 'none');
    expect(read(sv)).toEqual([4]);
    const o = output('uint8', []);
    be.indexSelect(view('uint8', [], [16], 'offset'), 0, view('int64', [1], [0]), o);
    expect(read(o)).toEqual([16]);
    expect(() => be.indexSelect(view('uint8', [], [16]), 0, view('int64', [1], [1]), output('uint8', []))).toThrow('index out of range in self');
  });
});
