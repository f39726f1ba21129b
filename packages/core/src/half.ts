/**
 * Scalar conversions of the 16-bit float dtypes, as PyTorch's `c10::Half` and
 * `c10::BFloat16` do them: a JS number first rounds to float32 (both types are built
 * from a `float`), then to 16 bits with round-to-nearest-even. float16 keeps the NaN's
 * sign with the quiet bit (0x7E00); bfloat16 turns every NaN into 0x7FC0 (PyTorch's
 * vectorised tensor cast writes 0xFFFF instead: NaN payloads are not part of the contract).
 * Array loops live in the backends; these are for scalars and for backends to share.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The float16 bit pattern nearest to `x` (after rounding `x` to float32, as `c10::Half(float)`). */
export function float16Bits(x: number): number {
  f32[0] = x;
  const w = u32[0]!;
  const sign = (w >>> 16) & 0x8000;
  const abs = w & 0x7fffffff;
  if (abs > 0x7f800000) return sign | 0x7e00; // NaN
  if (abs >= 0x477ff000) return sign | 0x7c00; // rounds to ±inf (≥ 65520)
  if (abs < 0x38800000) {
    // subnormal half (or zero): the value in units of 2^-24, rounded to nearest even
    f32[0] = Math.abs(f32[0]!);
    const v = f32[0]! * 16777216; // exact: a float32 scaled by a power of two
    const r = Math.round(v);
    const even = r - v === 0.5 && r % 2 === 1 ? r - 1 : r;
    return sign | even;
  }
  // normal: rebias the exponent, round the 13 dropped mantissa bits to nearest even
  const mant = abs & 0x7fffff;
  const exp = (abs >>> 23) - 127 + 15;
  let h = (exp << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (h & 1) === 1)) h += 1; // a carry into the exponent is correct
  return sign | h;
}

/** The number a float16 bit pattern holds. */
export function float16Value(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant === 0 ? sign * Infinity : NaN;
  return sign * (1024 + mant) * 2 ** (exp - 25);
}

/** The bfloat16 bit pattern nearest to `x` (after rounding `x` to float32, as `c10::BFloat16(float)`). */
export function bfloat16Bits(x: number): number {
  f32[0] = x;
  if (Number.isNaN(f32[0])) return 0x7fc0;
  const w = u32[0]!;
  return ((w + 0x7fff + ((w >>> 16) & 1)) >>> 16) & 0xffff;
}

/** The number a bfloat16 bit pattern holds. */
export function bfloat16Value(h: number): number {
  u32[0] = (h & 0xffff) << 16;
  return f32[0]!;
}

/** `x` rounded to the nearest float16 value (via float32), as a cast to `torch.float16` does. */
export function roundToFloat16(x: number): number {
  return float16Value(float16Bits(x));
}

/** `x` rounded to the nearest bfloat16 value (via float32), as a cast to `torch.bfloat16` does. */
export function roundToBfloat16(x: number): number {
  return bfloat16Value(bfloat16Bits(x));
}

/** Whether `dtype` is one of the 16-bit float dtypes, whose host arrays hold bit patterns (a Uint16Array). */
export function isHalfDtype(dtype: string): dtype is 'float16' | 'bfloat16' {
  return dtype === 'float16' || dtype === 'bfloat16';
}

/** float16 values of all 65,536 bit patterns, built on first use (a 256 KiB table). */
let f16Table: Float32Array | null = null;
function float16Table(): Float32Array {
  if (f16Table === null) {
    f16Table = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) f16Table[h] = float16Value(h);
  }
  return f16Table;
}

/**
 * The values of an array of float16 or bfloat16 bit patterns, as a Float32Array (every
 * 16-bit float is exactly a float32).
 * @example
 * ```ts
 * import { decodeHalf } from 'antorcha';
 *
 * console.log(decodeHalf(new Uint16Array([0x3c00, 0xc000]), 'float16'));
 * ```
 * ```text
 * Float32Array(2) [ 1, -2 ]
 * ```
 */
export function decodeHalf(bits: ArrayLike<number>, dtype: 'float16' | 'bfloat16'): Float32Array {
  const n = bits.length;
  const out = new Float32Array(n);
  if (dtype === 'float16') {
    const table = float16Table();
    for (let i = 0; i < n; i++) out[i] = table[bits[i]! & 0xffff]!;
  } else {
    const w = new Uint32Array(out.buffer);
    for (let i = 0; i < n; i++) w[i] = (bits[i]! & 0xffff) << 16;
  }
  return out;
}

/**
 * The float16 or bfloat16 bit patterns of numbers, each rounded as a cast does
 * (to float32, then to nearest even): the host array of a 16-bit float tensor.
 * @example
 * ```ts
 * import { encodeHalf } from 'antorcha';
 *
 * const bits = encodeHalf([1, 0.1], 'bfloat16');
 * console.log([...bits].map((b) => b.toString(16)));
 * ```
 * ```text
 * [ '3f80', '3dcd' ]
 * ```
 */
export function encodeHalf(values: ArrayLike<number>, dtype: 'float16' | 'bfloat16'): Uint16Array {
  const n = values.length;
  const out = new Uint16Array(n);
  const enc = dtype === 'float16' ? float16Bits : bfloat16Bits;
  for (let i = 0; i < n; i++) out[i] = enc(values[i]!);
  return out;
}

/** The bit pattern of one number in `dtype` (float16 or bfloat16), rounded as a cast does. */
export function halfBits(x: number, dtype: 'float16' | 'bfloat16'): number {
  return dtype === 'float16' ? float16Bits(x) : bfloat16Bits(x);
}

/** The number a float16 or bfloat16 bit pattern holds. */
export function halfValue(h: number, dtype: 'float16' | 'bfloat16'): number {
  return dtype === 'float16' ? float16Value(h) : bfloat16Value(h);
}
