// The dtype tables against PyTorch 1.13 (fixture dtype-tables.json, written by
// tools/golden/dtype_tables.py): promote_types over all pairs of the ten dtypes, each
// dtype's facts, and the bit patterns of float32 and float64 values rounded to float16
// and bfloat16.
import { describe, expect, it } from 'vitest';
import { type DTypeName, promoteTypes, toDType } from './dtype.js';
import { bfloat16Bits, bfloat16Value, float16Bits, float16Value, roundToFloat16 } from './half.js';
import { loadFixture } from './testing/golden.js';

interface Tables {
  promote_types: [DTypeName, DTypeName, DTypeName][];
  facts: Record<DTypeName, { itemsize: number; is_floating_point: boolean; is_complex: boolean; is_signed: boolean }>;
  rounding: {
    float32_source_bits: number[];
    float32_to_float16: number[];
    float32_to_bfloat16: number[];
    float64_source: string[];
    float64_to_float16: number[];
    float64_to_bfloat16: number[];
  };
}
const T = loadFixture<Tables>('dtype-tables.json');

describe('dtypes', () => {
  it('promote_types agrees with PyTorch on every pair', () => {
    const got = T.promote_types.map(([a, b]) => [a, b, promoteTypes(toDType(a), toDType(b)).name]);
    expect(got).toEqual(T.promote_types);
    expect(T.promote_types).toHaveLength(100);
  });

  it('itemsize, is_floating_point, is_complex and is_signed agree with PyTorch', () => {
    for (const [name, f] of Object.entries(T.facts)) {
      const d = toDType(name as DTypeName);
      expect([d.itemsize, d.isFloatingPoint, d.isComplex, d.isSigned], name).toEqual([f.itemsize, f.is_floating_point, f.is_complex, f.is_signed]);
    }
  });
});

describe('16-bit rounding', () => {
  const r = T.rounding;
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  const fromBits = (u: number): number => {
    u32[0] = u;
    return f32[0]!;
  };

  // A NaN's bfloat16 payload depends on PyTorch's code path (0xffff from the vectorised
  // cast, 0x7fc0 from c10::BFloat16(float) and the cast's scalar tail), so NaN sources are
  // checked for NaN-ness; every other pattern must match bit for bit.
  const bfloat16Matches = (src: number[], want: number[]): void => {
    const got = src.map((x, i) => (Number.isNaN(x) && Number.isNaN(bfloat16Value(want[i]!)) ? want[i]! : bfloat16Bits(x)));
    expect(got).toEqual(want);
    expect(src.map(bfloat16Bits).every((h, i) => !Number.isNaN(src[i]!) || Number.isNaN(bfloat16Value(h)))).toBe(true);
  };

  it('float32 → float16 and bfloat16 bit patterns match PyTorch', () => {
    const src = r.float32_source_bits.map(fromBits);
    expect(src.map(float16Bits)).toEqual(r.float32_to_float16);
    bfloat16Matches(src, r.float32_to_bfloat16);
  });

  it('float64 → float16 and bfloat16 round through float32, as PyTorch does', () => {
    const src = r.float64_source.map(Number);
    expect(src.map(float16Bits)).toEqual(r.float64_to_float16);
    bfloat16Matches(src, r.float64_to_bfloat16);
  });

  it('decoding inverts encoding for every finite pattern, and rounding is idempotent', () => {
    for (let h = 0; h < 0x10000; h++) {
      const v = float16Value(h);
      if (Number.isNaN(v)) continue;
      expect(float16Bits(v)).toBe(h);
      expect(roundToFloat16(v)).toBe(v);
      const b = bfloat16Value(h);
      if (!Number.isNaN(b)) expect(bfloat16Bits(b)).toBe(h);
    }
  });
});
