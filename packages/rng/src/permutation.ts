/**
 * `torch.randperm(n)` (SPEC §5; `randperm_cpu`).
 */

import { is113 } from './compat.js';
import { RngError } from './errors.js';
import type { Generator } from './generator.js';
import type { OutArray, RngDType } from './types.js';

/** `UINT32_MAX / 20`: from this n on, PyTorch 2.x shuffles with 64-bit draws. */
export const RANDPERM_WIDE_THRESHOLD = 214748364;

const MAX_FOR: Partial<Record<RngDType, [number, string]>> = {
  int8: [127, 'int8_t'],
  uint8: [255, 'uint8_t'],
  int16: [32767, 'int16_t'],
  int32: [2147483647, 'int32_t'],
};

/**
 * PyTorch's checks of `randperm(n, dtype)`: `n must be non-negative, got-1`,
 * `value cannot be converted to type int8_t without overflow`,
 * `n cannot be greater than 2^24+1 for Float type.`, and bool is not
 * supported (`"randperm" not implemented for 'Bool'`).
 * @throws RngError (RuntimeError).
 */
export function checkRandpermArgs(n: number, dtype: RngDType): void {
  if (!Number.isInteger(n) || n < 0) throw new RngError('randperm', `n must be non-negative, got ${String(n)}`);
  const lim = MAX_FOR[dtype];
  if (lim && (n > 0 ? n - 1 : n) > lim[0]) {
    throw new RngError('randperm', `value cannot be converted to type ${lim[1]} without overflow`);
  }
  if (dtype === 'float32' && n > 16777217) throw new RngError('randperm', 'n cannot be greater than 2^24+1 for Float type.');
  if (dtype === 'float64' && n > 9007199254740993) {
    throw new RngError('randperm', 'n cannot be greater than 2^53+1 for Double type.');
  }
  if (dtype === 'bool') throw new RngError('randperm', `"randperm" not implemented for 'Bool'`);
}

/**
 * `torch.randperm(n)` with `n = out.length`, written into `out` (dtype
 * int64 by default: `Float64Array` or `BigInt64Array`; int32/int16/int8/uint8
 * and float32/float64 work too).
 *
 * PyTorch 1.13, and 2.x for n < 214748364: `r = [0..n)`, then for
 * `i = 0..n-2`: `z = random() % (n-i)`, swap `r[i]`, `r[i+z]` (n-1 draws).
 * PyTorch 2.x for n >= 214748364: inside-out Fisher–Yates with
 * `z = random64() % (i+1)`.
 * @throws RngError as {@link checkRandpermArgs}.
 */
export function randperm(gen: Generator, out: OutArray, dtype: RngDType = 'int64'): void {
  const n = out.length;
  checkRandpermArgs(n, dtype);
  if (out instanceof BigInt64Array) {
    const tmp = new Float64Array(n);
    randpermInto(gen, tmp);
    for (let i = 0; i < n; i++) out[i] = BigInt(tmp[i]!);
    return;
  }
  randpermInto(gen, out);
}

/** @internal The 2.x inside-out shuffle on any n (exposed for tests). */
export function randpermInsideOutForTests(gen: Generator, r: Float64Array): void {
  insideOut(gen, r);
}

function insideOut(gen: Generator, r: Float32Array | Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array): void {
  const n = r.length;
  const eng = gen.engine;
  for (let i = 0; i < n; i++) {
    const hi = eng.nextInt32() >>> 0;
    const lo = eng.nextInt32() >>> 0;
    // (hi * 2^32 + lo) % m for m = i + 1 < 2^32, exactly, in 16-bit steps
    const m = i + 1;
    let z = hi % m;
    z = (z * 65536 + (lo >>> 16)) % m;
    z = (z * 65536 + (lo & 0xffff)) % m;
    r[i] = r[z]!;
    r[z] = i;
  }
}

function randpermInto(gen: Generator, r: Float32Array | Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array): void {
  const n = r.length;
  const eng = gen.engine;
  if (is113() || n < RANDPERM_WIDE_THRESHOLD) {
    for (let i = 0; i < n; i++) r[i] = i;
    for (let i = 0; i < n - 1; i++) {
      const z = (eng.nextInt32() >>> 0) % (n - i);
      const sav = r[i]!;
      r[i] = r[i + z]!;
      r[i + z] = sav;
    }
    return;
  }
  insideOut(gen, r);
}
