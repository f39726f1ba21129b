// float16/bfloat16 in the CPU backend (half/index.ts), against core's scalar conversions
// (float16Bits & co., golden-tested in core against PyTorch): casts between every dtype pair on
// every layout pair, fills of strided views, kernels on broadcast and strided 16-bit operands,
// the float16 add-with-alpha rounding, scatter into a 16-bit output, and linalg's rejection.
// Values against PyTorch: packages/core/fixtures/ops-half.json (tools/golden/ops_half.py).
import { castScalar, halfBits, halfValue } from '@antorcha/core';
import type { DTypeName } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import type { TensorRef } from '@antorcha/core';
import type { CpuBuffer } from '../memory.js';
import { be, DTYPES, type LayoutKind, numelOf, output, read, sample, view as helperView } from '../../test/helpers.js';

/** The helper's view, with `stored` written as they are (the helper casts numbers, which would round bit patterns). */
function view(dt: DTypeName, shape: number[], stored: number[], layout: LayoutKind = 'contiguous'): TensorRef {
  const ref = helperView(dt, shape, new Array(numelOf(shape)).fill(0), layout);
  const data = (ref.buffer as CpuBuffer).data;
  for (let i = 0; i < stored.length; i++) {
    let o = ref.offset, rest = i;
    for (let d = shape.length - 1; d >= 0; d--) {
      o += (rest % shape[d]!) * ref.strides[d]!;
      rest = Math.floor(rest / shape[d]!);
    }
    data[o] = stored[i]!;
  }
  return ref;
}

const H = ['float16', 'bfloat16'] as const;
const SHAPE = [2, 3, 4];
const LAYOUTS: LayoutKind[] = ['contiguous', 'permuted', 'gapped', 'offset'];
/** Values of `dtype` as the storage holds them (bit patterns for the 16-bit floats). */
const stored = (dt: DTypeName, vals: number[]) => (dt === 'float16' || dt === 'bfloat16' ? vals.map((v) => halfBits(v, dt)) : vals.map((v) => castScalar(v, dt)));
/** The number a stored element holds. */
const value = (dt: DTypeName, s: number) => (dt === 'float16' || dt === 'bfloat16' ? halfValue(s, dt) : s);

describe('16-bit float casts', () => {
  it('between every pair of dtypes on every layout pair, rounding to nearest even through float32', () => {
    const all: DTypeName[] = [...DTYPES, ...H];
    for (const src of all) {
      const vals = sample(src === 'float16' || src === 'bfloat16' ? 'float32' : src, numelOf(SHAPE), 5, true).map((v, i) => (i === 1 ? 65519.99 : i === 2 ? 1 + 2 ** -11 : v));
      const inSrc = stored(src, vals);
      for (const dst of all) {
        if (!(H as readonly string[]).includes(src) && !(H as readonly string[]).includes(dst)) continue;
        const want = inSrc.map((s) => {
          const c = stored(dst, [value(src, s)])[0]!;
          return dst === 'int64' ? c + 0 : c;
        });
        for (const ls of LAYOUTS)
          for (const ld of LAYOUTS) {
            const out = output(dst, SHAPE, ld);
            be.copy(view(src, SHAPE, inSrc, ls), out);
            expect({ src, dst, ls, ld, got: read(out) }).toEqual({ src, dst, ls, ld, got: want });
          }
      }
    }
  });

  it('fills strided views with the bit pattern of the rounded value', () => {
    for (const dt of H) {
      for (const lay of LAYOUTS) {
        const out = output(dt, SHAPE, lay);
        be.fill(out, castScalar(0.1, dt));
        expect(read(out)).toEqual(new Array(24).fill(halfBits(0.1, dt)));
      }
    }
  });
});

describe('16-bit float kernels', () => {
  it('compute in float32 and round once, on broadcast and strided operands', () => {
    for (const dt of H) {
      const a = sample('float32', 24, 8), b = sample('float32', 4, 9);
      const x = view(dt, SHAPE, stored(dt, a), 'permuted');
      const y = { ...view(dt, [4], stored(dt, b)), shape: SHAPE, strides: [0, 0, 1] };
      const out = output(dt, SHAPE, 'gapped');
      be.binary('mul', x, y, out, dt);
      const av = stored(dt, a).map((s) => value(dt, s)), bv = stored(dt, b).map((s) => value(dt, s));
      expect(read(out)).toEqual(av.map((v, i) => halfBits(Math.fround(v * bv[i % 4]!), dt)));
      const e = output(dt, SHAPE);
      be.unary('exp', x, e, dt);
      expect(read(e).map((s) => value(dt, s))).toEqual(av.map((v) => halfValue(halfBits(Math.fround(Math.exp(v)), dt), dt)));
    }
  });

  it('sums in float32 and rounds once', () => {
    for (const dt of H) {
      const vals = new Array(4096).fill(1);
      const out = output(dt, []);
      be.reduce('sum', view(dt, [4096], stored(dt, vals)), 1, out, dt);
      // 4096 exceeds float16's 2048 of consecutive integers: accumulating in float16 would stick at 2048
      expect(value(dt, read(out)[0]!)).toBe(4096);
    }
  });

  it('float16 add with alpha rounds alpha·other to float16 before adding (1.13 c10::Half arithmetic)', () => {
    // torch.add(tensor([2**-11], float16), tensor([1 + 2**-10], float16), alpha=1 + 2**-10) is
    // 1.001953125 in PyTorch 1.13; rounding once (float32 product and sum) would give 1.0029296875
    const self = view('float16', [1], stored('float16', [2 ** -11]));
    const other = view('float16', [1], stored('float16', [1 + 2 ** -10]));
    const out = output('float16', [1]);
    be.ternary('addcmul', self, other, 1 + 2 ** -10, 1, out, 'float16');
    expect(value('float16', read(out)[0]!)).toBe(1 + 2 ** -9);
  });

  it('scatters into a 16-bit output, keeping the untouched elements', () => {
    const out = view('bfloat16', [4], stored('bfloat16', [1, 2, 3, 4]));
    be.scatter(out, 0, view('int64', [2], [3, 3]), view('bfloat16', [2], stored('bfloat16', [0.5, 0.25])), 'add');
    expect(read(out).map((s) => value('bfloat16', s))).toEqual([1, 2, 3, 4.75]);
  });

  it('rejects 16-bit linalg as PyTorch does', () => {
    const a = view('float16', [1, 2, 2], stored('float16', [1, 0, 0, 1]));
    expect(() => be.linalg!('getrf', [a], [output('float16', [1, 2, 2])])).toThrow("Low precision dtypes not supported. Got Half");
  });
});
