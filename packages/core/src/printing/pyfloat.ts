/**
 * Python-compatible float → string conversions.
 *
 * PyTorch formats tensor elements with Python's `'{:.Nf}'`, `'{:.Ne}'` and
 * `repr(float)`. Python rounds the *exact* binary value half-to-even, while
 * JS `toFixed`/`toExponential` round exact ties away from zero
 * (`(0.125).toFixed(2) === '0.13'`, Python gives `'0.12'`), drop the sign of
 * `-0` and switch to exponent notation at 1e21. So the fixed/exponent
 * formatters here work on the exact value with BigInt arithmetic.
 *
 * @module
 */

const BIG_10 = 10n;

/** Exact decomposition of a finite, non-zero |x| as `mant * 2^exp` (mant a BigInt). */
interface Dyadic {
  mant: bigint;
  exp: number;
}

const scratch = new DataView(new ArrayBuffer(8));

/** Splits a finite |x| > 0 into integer mantissa and binary exponent, exactly. */
function decompose(absX: number): Dyadic {
  scratch.setFloat64(0, absX);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const biasedExp = (hi >>> 20) & 0x7ff;
  const fracHi = hi & 0xfffff;
  let mant = (BigInt(fracHi) << 32n) | BigInt(lo);
  let exp: number;
  if (biasedExp === 0) {
    // subnormal: no implicit leading bit
    exp = -1074;
  } else {
    mant |= 1n << 52n;
    exp = biasedExp - 1075;
  }
  return { mant, exp };
}

const pow10Cache: bigint[] = [];
/** 10^k as a BigInt, cached (k >= 0). */
function pow10(k: number): bigint {
  let v = pow10Cache[k];
  if (v === undefined) {
    v = BIG_10 ** BigInt(k);
    if (k < 512) pow10Cache[k] = v;
  }
  return v;
}

/** round-half-even of num/den for non-negative BigInts. */
function divRoundHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/**
 * Rounds |x| * 10^scale to an integer, half-to-even on the exact value.
 * `scale` may be negative.
 */
function scaledRound(d: Dyadic, scale: number): bigint {
  let num = d.mant;
  let den = 1n;
  if (d.exp >= 0) num <<= BigInt(d.exp);
  else den <<= BigInt(-d.exp);
  if (scale >= 0) num *= pow10(scale);
  else den *= pow10(-scale);
  return divRoundHalfEven(num, den);
}

/** Compares the exact value `d` with 10^k: negative, zero or positive. */
function comparePow10(d: Dyadic, k: number): number {
  let lhs = d.mant;
  let rhs = 1n;
  if (d.exp >= 0) lhs <<= BigInt(d.exp);
  else rhs <<= BigInt(-d.exp);
  if (k >= 0) rhs *= pow10(k);
  else lhs *= pow10(-k);
  return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
}

/** Python's spelling of non-finite values (sign of NaN is never shown). */
function nonFinite(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  return x > 0 ? 'inf' : '-inf';
}

/** Sign prefix as Python prints it: '-' whenever the sign bit is set, including -0.0. */
function signOf(x: number): string {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

/**
 * Python's `'{:.{precision}f}'.format(x)`: exact value, rounded half-to-even.
 * @param x any double
 * @param precision digits after the decimal point (>= 0)
 */
export function formatFixed(x: number, precision: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const sign = signOf(x);
  const absX = Math.abs(x);
  let digits: string;
  if (absX === 0) {
    digits = '0';
  } else {
    digits = scaledRound(decompose(absX), precision).toString();
  }
  if (precision === 0) return sign + digits;
  if (digits.length <= precision) digits = '0'.repeat(precision + 1 - digits.length) + digits;
  const cut = digits.length - precision;
  return sign + digits.slice(0, cut) + '.' + digits.slice(cut);
}

/** Python exponent suffix: sign always, at least two digits (e+05, e-10, e+100). */
function expSuffix(e: number): string {
  const a = Math.abs(e);
  return 'e' + (e < 0 ? '-' : '+') + (a < 10 ? '0' : '') + String(a);
}

/**
 * Python's `'{:.{precision}e}'.format(x)`: exact value, rounded half-to-even.
 * @param x any double
 * @param precision digits after the decimal point of the mantissa (>= 0)
 */
export function formatExp(x: number, precision: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const sign = signOf(x);
  const absX = Math.abs(x);
  let digits: string;
  let e10: number;
  if (absX === 0) {
    digits = '0'.repeat(precision + 1);
    e10 = 0;
  } else {
    const d = decompose(absX);
    // log10 estimate, then fix it exactly so that 10^e10 <= |x| < 10^(e10+1)
    e10 = Math.floor(Math.log10(absX));
    while (comparePow10(d, e10) < 0) e10--;
    while (comparePow10(d, e10 + 1) >= 0) e10++;
    let n = scaledRound(d, precision - e10);
    if (n >= pow10(precision + 1)) {
      // rounding carried into a new digit (9.99.. → 10.0): n is exactly 10^(p+1)
      n /= BIG_10;
      e10++;
    }
    digits = n.toString();
  }
  const mantissa = precision === 0 ? digits : digits[0] + '.' + digits.slice(1);
  return sign + mantissa + expSuffix(e10);
}

/**
 * Python's `repr(float)` (also `str(float)`): the shortest string that
 * round-trips, in fixed notation when the decimal exponent is in [-5, 16),
 * e.g. `0.2405461221933365`, `1e-05`, `1e+16`, `100.0`, `-0.0`, `inf`, `nan`.
 *
 * Relies on JS `toExponential()` (no argument), which yields the same
 * shortest round-trip digits as Python's repr; only the layout differs.
 * @param x any double
 */
export function formatPythonFloat(x: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const sign = signOf(x);
  const absX = Math.abs(x);
  if (absX === 0) return sign + '0.0';
  const s = absX.toExponential();
  const ePos = s.indexOf('e');
  const digits = s.slice(0, ePos).replace('.', '');
  const e10 = Number(s.slice(ePos + 1));
  // Python's decpt: value = 0.DIGITS * 10^decpt
  const decpt = e10 + 1;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) return sign + '0.' + '0'.repeat(-decpt) + digits;
    if (decpt >= digits.length) return sign + digits + '0'.repeat(decpt - digits.length) + '.0';
    return sign + digits.slice(0, decpt) + '.' + digits.slice(decpt);
  }
  const mantissa = digits.length === 1 ? digits : digits[0] + '.' + digits.slice(1);
  return sign + mantissa + expSuffix(e10);
}
