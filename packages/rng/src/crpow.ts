/**
 * Correctly rounded integer powers `x ** n` of a double, as the scalar arithmetic of
 * PyTorch's Python code computes them: Python's `float ** int` calls C's `pow`, which
 * glibc rounds correctly but for vanishingly rare hard cases, while V8's `Math.pow`
 * (and `**`) is off by an ulp on common inputs (0.9 ** 4, 0.99 ** 6), enough to move
 * Adam's bias corrections.
 *
 * Method: binary exponentiation in double-double (relative error below (n+1)·2^-100),
 * a rounding test, and an exact BigInt evaluation when the test cannot decide.
 */
import { T2, decompose, twoProd } from './crmath.js';

/** Largest exponent given to the exact BigInt fallback (M^n has 53·n bits). */
const EXACT_MAX_N = 4096;

/**
 * `x ** n` rounded to nearest-even for an integer `n` ≥ 0. Other exponents, and
 * results that overflow or leave the normal range, return `x ** n` unchanged.
 */
export function crPowInt(x: number, n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 31 || !Number.isFinite(x)) return x ** n;
  if (n === 0) return 1;
  if (x === 0) return n % 2 === 1 ? x : 0; // (−0) ** even = +0
  if (n === 1) return x;
  // r = result, b = x^(2^k), both double-doubles (hi, lo)
  let rh = 1, rl = 0, bh = x, bl = 0;
  for (let k = n; ; ) {
    if (k & 1) {
      const p = twoProd(rh, bh);
      const e = T2[0]! + (rh * bl + rl * bh);
      rh = p + e;
      rl = e - (rh - p);
    }
    k = Math.floor(k / 2);
    if (k === 0) break;
    const p = twoProd(bh, bh);
    const e = T2[0]! + 2 * bh * bl;
    bh = p + e;
    bl = e - (bh - p);
  }
  const mag = Math.abs(rh);
  if (!(mag > 2 ** -1000 && mag < 2 ** 1000)) return x ** n;
  const margin = (n + 1) * 2 ** -100 * mag;
  const lo = rh + (rl - margin);
  if (lo === rh + (rl + margin)) return lo;
  return n <= EXACT_MAX_N ? exactPowInt(x, n) : rh + rl;
}

/** `x ** n` exactly in BigInt, rounded once (x finite and nonzero, result in the normal range). */
function exactPowInt(x: number, n: number): number {
  const { M, E } = decompose(Math.abs(x));
  let v = M ** BigInt(n);
  // keep 64 significant bits plus a sticky bit, so Number() rounds as the full value would
  const extra = v.toString(2).length - 64;
  let scale = E * n;
  if (extra > 0) {
    const sticky = (v & ((1n << BigInt(extra)) - 1n)) !== 0n ? 1n : 0n;
    v = (v >> BigInt(extra)) | sticky;
    scale += extra;
  }
  const half = Math.trunc(scale / 2);
  const r = Number(v) * 2 ** half * 2 ** (scale - half); // power-of-two scalings are exact here
  return x < 0 && n % 2 === 1 ? -r : r;
}
