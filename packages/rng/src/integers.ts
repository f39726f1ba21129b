/**
 * `torch.randint`, `Tensor.random_()`, `random_(to)`, `random_(from, to)`
 * (SPEC §4; `native/DistributionTemplates.h` `random_from_to_impl`).
 */

import { RngError } from './errors.js';
import type { Generator } from './generator.js';
import type { OutArray, RngDType } from './types.js';

/** An integer argument: a number (an integer value) or a bigint. */
export type IntLike = number | bigint;

const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;
const TWO32 = 4294967296;

/** PyTorch's dtype names as its error messages print them (caffe2 TypeMeta names). */
const CNAME: Record<RngDType, string> = {
  float32: 'float',
  float64: 'double',
  int64: 'long int',
  int32: 'int',
  int16: 'short int',
  int8: 'signed char',
  uint8: 'unsigned char',
  bool: 'bool',
};

const INT_BOUNDS: Record<string, [bigint, bigint]> = {
  int64: [I64_MIN, I64_MAX],
  int32: [-(1n << 31n), (1n << 31n) - 1n],
  int16: [-(1n << 15n), (1n << 15n) - 1n],
  int8: [-128n, 127n],
  uint8: [0n, 255n],
  bool: [0n, 1n],
};

function isFloating(dtype: RngDType): boolean {
  return dtype === 'float32' || dtype === 'float64';
}

function digits(dtype: 'float32' | 'float64'): number {
  return dtype === 'float32' ? 24 : 53;
}

/** Converts an int64 argument to bigint, checking that it is an integer in int64 range. */
export function toInt64(v: IntLike, what: string): bigint {
  let b: bigint;
  if (typeof v === 'bigint') b = v;
  else if (typeof v === 'number' && Number.isInteger(v)) b = BigInt(v);
  else throw new RngError('random_', `random_(): argument '${what}' must be int, not ${typeof v === 'number' ? 'float' : typeof v}`, 'TypeError');
  if (b < I64_MIN || b > I64_MAX) {
    throw new RngError('random_', `Overflow when unpacking long (argument '${what}' = ${b.toString()})`);
  }
  return b;
}

/** Rounds an int64 (as bigint) to the float type, as `static_cast<float|double>(int64)`. */
function castToFloat(v: bigint, dtype: 'float32' | 'float64'): number {
  const d = Number(v);
  if (dtype === 'float64' || (d >= -16777216 && d <= 16777216)) return dtype === 'float64' ? d : Math.fround(d);
  return int64ToFloat32(v);
}

/** Correctly rounded int64 → float32 (avoids double rounding through float64). */
export function int64ToFloat32(v: bigint): number {
  const neg = v < 0n;
  let a = neg ? -v : v;
  const bl = a.toString(2).length;
  if (bl <= 24) return neg ? -Number(a) : Number(a);
  const sh = BigInt(bl - 24);
  let m = a >> sh;
  const rem = a - (m << sh);
  const half = 1n << (sh - 1n);
  if (rem > half || (rem === half && (m & 1n) === 1n)) m += 1n;
  a = m << sh;
  const r = Number(a); // exact: at most 25 significant bits
  return Math.fround(neg ? -r : r);
}

/** `update_from<scalar_t>`: nudges `from` up to a value the float type represents. */
function updateFrom(from: bigint, dtype: 'float32' | 'float64'): bigint {
  const fp1 = BigInt(castToFloat(from + 1n, dtype)); // static_cast<int64_t>(static_cast<scalar_t>(from + 1))
  if (fp1 < from) {
    let f = from + 1n;
    if (f < 0n) f = -f;
    let n = 0;
    while ((f >>= 1n) !== 0n) n++;
    return fp1 + (1n << BigInt(n - digits(dtype) + 1));
  }
  return from;
}

/** `update_to<scalar_t>`: nudges `to` down to a value the float type represents. */
function updateTo(to: bigint, dtype: 'float32' | 'float64'): bigint {
  const tm1 = BigInt(castToFloat(to - 1n, dtype));
  if (tm1 >= to) {
    let t = to - 1n;
    if (t < 0n) t = -t;
    let n = 0;
    while ((t >>= 1n) !== 0n) n++;
    return tm1 - (1n << BigInt(n - digits(dtype) + 1));
  }
  return to;
}

function checkFromToInRange(from: bigint, toInc: bigint, dtype: RngDType): void {
  if (isFloating(dtype)) {
    const max = dtype === 'float32' ? 3.4028234663852886e38 : Number.MAX_VALUE;
    const f = Number(from);
    const t = Number(toInc);
    if (!(f >= -max && f <= max)) throw new RngError('random_', `from is out of bounds for ${CNAME[dtype]}`);
    if (!(t >= -max && t <= max)) throw new RngError('random_', `to - 1 is out of bounds for ${CNAME[dtype]}`);
    // PyTorch only warns beyond ±2^digits (no error).
    return;
  }
  const [lo, hi] = INT_BOUNDS[dtype]!;
  if (!(from >= lo && from <= hi)) throw new RngError('random_', `from is out of bounds for ${CNAME[dtype]}`);
  if (!(toInc >= lo && toInc <= hi)) throw new RngError('random_', `to - 1 is out of bounds for ${CNAME[dtype]}`);
}

/** A validated `random_(from, to)` plan: draw `r % range + base`. */
export interface RandomPlan {
  /** `to - from` as uint64 (0 means the full 2^64 range). */
  range: bigint;
  /** `from`. */
  base: bigint;
  /** Whether each element uses `random64()` (else `random()`). */
  wide: boolean;
}

/**
 * PyTorch's argument processing of `random_(from, to)` for a tensor of
 * `dtype`, without drawing: `to === null` means `[from, max]` (for float
 * dtypes max is 2^digits; `from = -2^63` with `to = null` is the full 64-bit
 * range). Float dtypes first nudge the bounds to representable values.
 * Texts: `random_ expects 'from' to be less than 'to', but got from=5 >= to=5`,
 * `from is out of bounds for signed char`, `to - 1 is out of bounds for int`, ….
 * @throws RngError (RuntimeError).
 */
export function planRandomFromTo(from: IntLike, to: IntLike | null, dtype: RngDType): RandomPlan {
  let f = toInt64(from, 'from');
  if (to !== null) {
    let t = toInt64(to, 'to');
    if (!(f < t)) {
      throw new RngError('random_', `random_ expects 'from' to be less than 'to', but got from=${f} >= to=${t}`);
    }
    if (isFloating(dtype)) {
      const fd = dtype as 'float32' | 'float64';
      f = updateFrom(f, fd);
      t = updateTo(t, fd);
      if (!(f < t)) {
        throw new RngError(
          'random_',
          `random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got from=${f} >= to=${t}`,
        );
      }
    }
    checkFromToInRange(f, t - 1n, dtype);
    const range = BigInt.asUintN(64, t - f);
    return { range, base: f, wide: wideOk(dtype) && range >= 1n << 32n };
  }
  if (f !== I64_MIN) {
    let toInc: bigint;
    if (isFloating(dtype)) {
      const fd = dtype as 'float32' | 'float64';
      toInc = 1n << BigInt(digits(fd));
      f = updateFrom(f, fd);
      if (!(f < toInc)) {
        throw new RngError(
          'random_',
          `random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted to dtype, but got from=${f} > to_inc=${toInc}`,
        );
      }
    } else {
      toInc = INT_BOUNDS[dtype]![1];
    }
    checkFromToInRange(f, toInc, dtype);
    const range = BigInt.asUintN(64, toInc - f + 1n);
    return { range, base: f, wide: wideOk(dtype) && (range === 0n || range >= 1n << 32n) };
  }
  if (!(dtype === 'int64' || dtype === 'float32' || dtype === 'float64')) {
    throw new RngError('random_', 'random_full_64_bits_range_kernel_cpu handles only int64, double, float and bfloat16');
  }
  return { range: 0n, base: f, wide: true };
}

function wideOk(dtype: RngDType): boolean {
  return dtype === 'int64' || dtype === 'float32' || dtype === 'float64';
}

/** Writes an int64 result (given as a safe-integer number) into out[i] for dtype. */
function storeNumber(out: OutArray, i: number, v: number, dtype: RngDType): void {
  if (out instanceof BigInt64Array) out[i] = BigInt(v);
  else if (dtype === 'bool') out[i] = v !== 0 ? 1 : 0;
  else if (out instanceof Float32Array) out[i] = v; // |v| <= 2^24 or a float32-rounded value
  else out[i] = v;
}

/** Writes an int64 result (bigint) into out[i] for dtype, as PyTorch's casts. */
function storeBig(out: OutArray, i: number, v: bigint, dtype: RngDType): void {
  if (out instanceof BigInt64Array) out[i] = v;
  else if (dtype === 'float32') out[i] = int64ToFloat32(v);
  else if (dtype === 'bool') out[i] = v !== 0n ? 1 : 0;
  else if (out instanceof Float64Array) out[i] = Number(v); // float64, or int64 (exact within ±2^53)
  else out[i] = Number(BigInt.asIntN(32, v));
}

function checkOut(out: OutArray, dtype: RngDType): void {
  const ok =
    (out instanceof Float32Array && dtype === 'float32') ||
    (out instanceof Float64Array && (dtype === 'float64' || dtype === 'int64')) ||
    (out instanceof BigInt64Array && dtype === 'int64') ||
    (out instanceof Int32Array && dtype === 'int32') ||
    (out instanceof Int16Array && dtype === 'int16') ||
    (out instanceof Int8Array && dtype === 'int8') ||
    (out instanceof Uint8Array && (dtype === 'uint8' || dtype === 'bool'));
  if (!ok) {
    throw new TypeError(`output array ${out.constructor.name} cannot hold dtype ${dtype}`);
  }
}

/**
 * Fills `out` with draws of a plan from {@link planRandomFromTo}, element by
 * element in TensorIterator order: `value = (r % range) + from` with uint64
 * modulo and int64 wrap-around, `r` one `random()` (range < 2^32 or a
 * 32-bit dtype) or one `random64()`.
 */
export function fillRandomPlan(gen: Generator, out: OutArray, plan: RandomPlan, dtype: RngDType): void {
  checkOut(out, dtype);
  const n = out.length;
  const eng = gen.engine;
  if (!plan.wide) {
    const range = Number(plan.range); // < 2^32, or a 32-bit dtype with range <= 2^32
    const base = plan.base;
    if (base >= -(1n << 52n) && base <= 1n << 52n) {
      const b = Number(base);
      if (out instanceof Float64Array || out instanceof Int32Array || out instanceof Int16Array || out instanceof Int8Array || (out instanceof Uint8Array && dtype !== 'bool')) {
        for (let i = 0; i < n; i++) out[i] = ((eng.nextInt32() >>> 0) % range) + b;
        return;
      }
      for (let i = 0; i < n; i++) storeNumber(out, i, ((eng.nextInt32() >>> 0) % range) + b, dtype);
      return;
    }
    for (let i = 0; i < n; i++) {
      const v = BigInt.asIntN(64, BigInt((eng.nextInt32() >>> 0) % range) + base);
      storeBig(out, i, v, dtype);
    }
    return;
  }
  const range = plan.range;
  const base = plan.base;
  for (let i = 0; i < n; i++) {
    const hi = BigInt(eng.nextInt32() >>> 0);
    const lo = BigInt(eng.nextInt32() >>> 0);
    const r = (hi << 32n) | lo;
    // range 0 encodes 2^64: the full range, value = int64(r)
    const v = range === 0n ? BigInt.asIntN(64, r) : BigInt.asIntN(64, (r % range) + base);
    storeBig(out, i, v, dtype);
  }
}

/**
 * `Tensor.random_(from, to)`: uniform integers in [from, to) (`to = null`:
 * [from, max of dtype]; `random_(to)` is `from = 0`). Checks the arguments
 * first (PyTorch's texts; no draw on error), then fills `out` in
 * TensorIterator order. `int64` results go into a `Float64Array` (exact
 * within ±2^53) or a `BigInt64Array`.
 * @throws RngError for bad bounds; TypeError if `out` cannot hold `dtype`.
 */
export function randomFromTo_(gen: Generator, out: OutArray, from: IntLike, to: IntLike | null, dtype: RngDType): void {
  checkOut(out, dtype);
  const plan = planRandomFromTo(from, to, dtype);
  fillRandomPlan(gen, out, plan, dtype);
}

/**
 * `torch.randint(low, high, size)`: {@link randomFromTo_} with `[low, high)`
 * (PyTorch's default dtype is int64). Errors carry `random_`'s texts, as in
 * PyTorch.
 */
export function randint(gen: Generator, out: OutArray, low: IntLike, high: IntLike, dtype: RngDType = 'int64'): void {
  randomFromTo_(gen, out, low, high, dtype);
}

/**
 * `Tensor.random_()` with no bounds, per dtype: float32 `random() % (2^24+1)`,
 * float64 `random64() % (2^53+1)`, int64 `random64() % 2^63`, int32
 * `random() % 2^31`, int16 `random() % 2^15`, int8 `random() % 2^7`,
 * uint8 `random() % 2^8`, bool `random() & 1`.
 * @throws TypeError if `out` cannot hold `dtype`.
 */
export function random_(gen: Generator, out: OutArray, dtype: RngDType): void {
  checkOut(out, dtype);
  const n = out.length;
  const eng = gen.engine;
  switch (dtype) {
    case 'float32':
      for (let i = 0; i < n; i++) out[i] = (eng.nextInt32() >>> 0) % 16777217;
      return;
    case 'float64':
      // r = a*2^53 + b, and 2^53 = -1 (mod 2^53+1): r mod (2^53+1) = b - a, plus 2^53+1 if negative
      for (let i = 0; i < n; i++) {
        const hi = eng.nextInt32() >>> 0;
        const lo = eng.nextInt32() >>> 0;
        const v = (hi & 0x1fffff) * TWO32 + lo - (hi >>> 21);
        out[i] = v >= 0 ? v : v + 1 + 9007199254740992;
      }
      return;
    case 'int64':
      for (let i = 0; i < n; i++) {
        const hi = (eng.nextInt32() >>> 0) & 0x7fffffff;
        const lo = eng.nextInt32() >>> 0;
        if (out instanceof BigInt64Array) out[i] = (BigInt(hi) << 32n) | BigInt(lo);
        else out[i] = hi * TWO32 + lo; // may round above 2^53
      }
      return;
    case 'int32':
      for (let i = 0; i < n; i++) out[i] = eng.nextInt32() & 0x7fffffff;
      return;
    case 'int16':
      for (let i = 0; i < n; i++) out[i] = eng.nextInt32() & 0x7fff;
      return;
    case 'int8':
      for (let i = 0; i < n; i++) out[i] = eng.nextInt32() & 0x7f;
      return;
    case 'uint8':
      for (let i = 0; i < n; i++) out[i] = eng.nextInt32() & 0xff;
      return;
    case 'bool':
      for (let i = 0; i < n; i++) out[i] = eng.nextInt32() & 1;
      return;
  }
}

