import { castScalar } from '@antorcha/core';
import type { DTypeName, TensorRef } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { be, broadcastView, DTYPES, type LayoutKind, numelOf, output, read, sample, view } from '../test/helpers.js';

const SHAPE = [2, 3, 4];
const LAYOUTS: LayoutKind[] = ['contiguous', 'permuted', 'gapped', 'offset'];

describe('copy', () => {
  it('casts between every pair of dtypes on every layout pair', () => {
    for (const src of DTYPES) {
      const values = sample(src, numelOf(SHAPE), 2, true).map((v, i) => (i === 3 && src === 'float64' ? -0.5 : v));
      for (const dst of DTYPES) {
        const want = values.map((v) => {
          const c = castScalar(v, dst);
          return dst === 'int64' ? c + 0 : c;
        });
        for (const ls of LAYOUTS)
          for (const ld of LAYOUTS) {
            const out = output(dst, SHAPE, ld);
            be.copy(view(src, SHAPE, values, ls), out);
            const got = read(out);
            expect({ src, dst, ls, ld, got }).toEqual({ src, dst, ls, ld, got: want });
            if (dst === 'int64') got.forEach((g) => expect(Object.is(g, -0)).toBe(false));
          }
      }
    }
  });

  it('expands a broadcast source', () => {
    const { ref, values } = broadcastView('float32', SHAPE, [1, 3, 1], [1, 2, 3]);
    const out = output('float64', SHAPE, 'permuted');
    be.copy(ref, out);
    expect(read(out)).toEqual(values);
  });

  it('handles 0-d and empty views', () => {
    const o = output('int32', []);
    be.copy(view('float32', [], [-7.9]), o);
    expect(read(o)).toEqual([-7]);
    be.copy(output('float32', [0]), output('float32', [0]));
  });
});

describe('fill', () => {
  for (const dt of DTYPES) {
    it(`${dt} on every layout leaves other elements alone`, () => {
      for (const lo of LAYOUTS) {
        const out = output(dt, SHAPE, lo);
        be.fill(out, castScalar(5, dt));
        expect(read(out)).toEqual(new Array(numelOf(SHAPE)).fill(castScalar(5, dt)));
        const data = be.readSync!(out.buffer);
        // gaps keep the poison value the helper wrote
        if (lo === 'gapped') expect(data[0]).toBe(castScalar(99, dt));
      }
    });
  }
  it('fills a strided sub-view only', () => {
    const base = view('float32', [4, 4], new Array(16).fill(0));
    const col: TensorRef = { ...base, shape: [4], strides: [4], offset: 1 };
    be.fill(col, 3);
    expect(read(base)).toEqual([0, 3, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0]);
  });
});

describe('buffers', () => {
  it('allocates zeroed storage of the right kind, writes, reads and frees', async () => {
    const kinds: Partial<Record<DTypeName, string>> = {
      float32: 'Float32Array', float64: 'Float64Array', int64: 'Float64Array', int32: 'Int32Array', uint8: 'Uint8Array', bool: 'Uint8Array',
      float16: 'Uint16Array', bfloat16: 'Uint16Array', // bit patterns
    };
    for (const dt of [...DTYPES, 'float16', 'bfloat16'] as const) {
      const b = be.alloc(dt, 5);
      expect([b.backend, b.dtype, b.numel]).toEqual(['cpu', dt, 5]);
      const live = be.readSync!(b);
      expect(live.constructor.name).toBe(kinds[dt]);
      expect(Array.from(live)).toEqual([0, 0, 0, 0, 0]);
      const src = new (live.constructor as new (n: number) => typeof live)(2);
      src[0] = 1;
      src[1] = 1;
      be.write(b, src, 2);
      const r = await be.read(b, 1, 3);
      expect(Array.from(r)).toEqual([0, 1, 1]);
      r[0] = 9; // a copy: the buffer is untouched
      expect(be.readSync!(b)[1]).toBe(0);
      be.free!(b);
      expect(b.numel).toBe(0);
      expect(() => be.readSync!(b)).toThrow(/freed/);
    }
    expect(be.name).toBe('cpu');
    expect(be.syncRead).toBe(true);
    // the real dtypes, and the 16-bit floats (half/); complex dtypes come from complex/
    expect([...be.dtypes].filter((d) => !d.startsWith('complex')).sort()).toEqual([...DTYPES, 'float16', 'bfloat16'].sort());
    expect(be.alloc('float32', 0).numel).toBe(0);
  });
});
