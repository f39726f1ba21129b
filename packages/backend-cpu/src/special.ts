/**
 * Scalar kernels of `torch.special` (the catalogue's `SPECIAL_UNARY`/`SPECIAL_BINARY`
 * rows), following PyTorch 1.13's ATen/native/Math.h step by step: Cephes' Bessel, Airy
 * and ndtri approximations, the Faddeeva package's erfcx, SciPy's log_ndtr, and the
 * orthogonal polynomials' recurrences with their special cases (|x| = 1, n < 0, the
 * trigonometric forms for large n).
 *
 * PyTorch instantiates these templates with `T = float` for float32 tensors, so every
 * function here takes a rounding function `r`: the identity for float64, `Math.fround`
 * for float32 (each arithmetic step rounded to float32 as PyTorch's is; libm calls are
 * the correctly rounded double result rounded once). Where Math.h mixes in a `double`
 * literal (`M_PI`, `M_SQRT1_2`, `0.5 * x` in K₀) the step stays in double, as C++ does.
 * The multiply-adds GCC fuses in PyTorch's AVX2 build (Horner and Chebyshev steps, the
 * recurrences, the Bessel forms) are fused here too ({@link fma}): with both, results are
 * within a few ulps of PyTorch's (bit-exact for the recurrences); the polynomials'
 * trigonometric forms differ by the libm's acos/cos ulp times n.
 * Coefficient tables come from `special-tables.ts` (generated from PyTorch's header).
 * Cephes: Copyright (c) 2018, Steven Moshier (3-clause BSD licence); Faddeeva package:
 * Copyright (c) 2012 Massachusetts Institute of Technology (MIT licence).
 */
import type { BinarySpec } from './binary.js';
import { I0_A, I0_B, I1_A, I1_A_F, I1_B, I1_B_F, erfc, zeta } from './math.js';
import * as TB from './special-tables.js';
import type { UnarySpec } from './unary.js';

/** A rounding step: identity (float64) or Math.fround (float32). */
type R = (v: number) => number;
const id: R = (v) => v;
const fr: R = Math.fround;

/**
 * `a·b + c` with one rounding, as PyTorch's AVX2 build of these kernels computes it: GCC
 * contracts `a * b + c` (and `a * b - c * d` into `fma(a, b, -(c * d))`) in Horner steps,
 * recurrences and the Bessel forms. In float32 the double `a·b + c` is that fma (a·b is
 * exact in double); float64 uses {@link fma64}. Matching it takes the recurrences from
 * hundreds of ulps (near their roots) to bit-exact.
 */
function fma(a: number, b: number, c: number, r: R): number {
  return r === id ? fma64(a, b, c) : fr(a * b + c);
}

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter

/** a·b + c with one rounding (Dekker's exact product and Knuth's two-sum; overflow and non-finite values fall back to a·b + c). */
function fma64(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  if (!Number.isFinite(s) || Math.abs(p) > 1e300) return s;
  const A = SPLIT * a, ah = A - (A - a), al = a - ah;
  const B = SPLIT * b, bh = B - (B - b), bl = b - bh;
  const e = ((ah * bh - p) + ah * bl + al * bh) + al * bl; // p + e = a·b exactly
  const bb = s - p;
  const t = (p - (s - bb)) + (c - bb); // s + t = p + c exactly
  return s + (t + e);
}

/** Horner's rule from 0 over `c` (Math.h's `polevl` and its inline loops), each step rounded by r. */
function horner(z: number, c: readonly number[], r: R): number {
  let acc = 0;
  for (let i = 0; i < c.length; i++) acc = fma(acc, z, r(c[i]!), r);
  return acc;
}

/** Cephes' chbevl in T (double or float steps), its `x * b1 - b2` fused as PyTorch's AVX2 build fuses it. */
function cheb(y: number, c: readonly number[], r: R): number {
  let b0 = r(c[0]!), b1 = 0, b2 = 0;
  for (let i = 1; i < c.length; i++) {
    b2 = b1;
    b1 = b0;
    b0 = r(fma(y, b1, -b2, r) + r(c[i]!));
  }
  return r(0.5 * r(b0 - b2));
}

// ------------------------------------------------------------ erfcx, ndtri, log_ndtr

/** erfc(x)·exp(x²) on y100 = 100·4/(4 + x): 100 Chebyshev pieces (the Faddeeva package's erfcx_y100). */
function erfcxY100(y100: number, r: R): number {
  const k = Math.trunc(y100);
  if (!(k >= 0 && k < 100)) return 1; // y = 1: |x| < 4 eps
  const t = r(r(2 * y100) - (2 * k + 1));
  const c = TB.ERFCX_Y100;
  let acc = r(c[7 * k + 6]!);
  for (let i = 5; i >= 0; i--) acc = r(r(c[7 * k + i]!) + r(acc * t));
  return acc;
}

const ISPI = 0.56418958354775628694807945156;

/** PyTorch's calc_erfcx: exp(x²)·erfc(x). */
export function erfcx(x: number, r: R = id): number {
  if (x !== x) return x;
  if (x >= 0) {
    if (x > 50) {
      const ispi = r(ISPI);
      if (x > 5e7) return r(ispi / x);
      // 4.5 and 3.75 are double literals: those sums (and what follows them) are doubles in C++
      const xx = r(x * x);
      const num = ispi * (xx * (xx + 4.5) + 2);
      return r(num / (x * (r(xx * r(xx + 5)) + 3.75)));
    }
    return erfcxY100(r(400 / r(4 + x)), r);
  }
  if (x < -26.7) return Infinity;
  if (x < -6.1) return r(2 * r(Math.exp(r(x * x))));
  return r(r(2 * r(Math.exp(r(x * x)))) - erfcxY100(r(400 / r(4 - x)), r));
}

const EXP_M2 = 0.13533528323661269189;
const S2PI = 2.50662827463100050242;

/** PyTorch's calc_ndtri: the inverse of the standard normal CDF. */
export function ndtri(y0: number, r: R = id): number {
  if (y0 === 0) return -Infinity;
  if (y0 === 1) return Infinity;
  if (y0 < 0 || y0 > 1) return NaN;
  let code = true;
  let y = y0;
  if (y > r(1 - r(EXP_M2))) {
    y = r(1 - y);
    code = false;
  }
  if (y > r(EXP_M2)) {
    y = r(y - 0.5);
    const y2 = r(y * y);
    const x = r(y + r(y * r(r(y2 * horner(y2, TB.NDTRI_P0, r)) / horner(y2, TB.NDTRI_Q0, r))));
    return r(x * r(S2PI));
  }
  let x = r(Math.sqrt(r(-2 * r(Math.log(y)))));
  const x0 = r(x - r(r(Math.log(x)) / x));
  const z = r(1 / x);
  const x1 = x < 8
    ? r(r(z * horner(z, TB.NDTRI_P1, r)) / horner(z, TB.NDTRI_Q1, r))
    : r(r(z * horner(z, TB.NDTRI_P2, r)) / horner(z, TB.NDTRI_Q2, r));
  x = r(x0 - x1);
  return code ? -x : x;
}

/** PyTorch's calc_log_ndtr (after SciPy): log Φ(x). */
export function logNdtr(x: number, r: R = id): number {
  const t = r(x * Math.SQRT1_2); // M_SQRT1_2 is a double: one rounding of the double product
  if (x < -1) return r(r(Math.log(r(erfcx(-t, r) / 2))) - r(t * t));
  return r(Math.log1p(r(-r(erfc(t)) / 2)));
}

// ------------------------------------------------------------ exponentially scaled I₀, I₁

/** PyTorch's calc_i0e: e^(−|x|)·I₀(x). */
export function i0e(x: number, r: R = id): number {
  const ax = Math.abs(x);
  if (ax <= 8) return cheb(r(r(ax / 2) - 2), I0_A, r);
  return r(cheb(r(r(32 / ax) - 2), I0_B, r) / r(Math.sqrt(ax)));
}

/** PyTorch's calc_i1e: e^(−|x|)·I₁(x) (float32 uses PyTorch's shorter float tables). */
export function i1e(x: number, r: R = id): number {
  const ax = Math.abs(x);
  const f = r === id;
  const out = ax <= 8
    ? r(cheb(r(r(ax / 2) - 2), f ? I1_A : I1_A_F, r) * ax)
    : r(cheb(r(r(32 / ax) - 2), f ? I1_B : I1_B_F, r) / r(Math.sqrt(ax)));
  return x < 0 ? -out : out;
}

// ------------------------------------------------------------ Bessel J, Y

const PIO4 = 0.785398163397448309615660845819875721;
const THPIO4 = 2.356194490192344928846982537459627163;
const SQ2OPI = 0.797884560802865355879892119868763737;
const TWOOPI = 0.636619772367581343075535053490057448;

/** The asymptotic form shared by J and Y for x > 5: (p·trig₁(x − φ) ∓ (5/x)·q·trig₂(x − φ))·√(2/π)/√x. */
function besselTail(x: number, z: number, t: { PP: readonly number[]; PQ: readonly number[]; QP: readonly number[]; QQ: readonly number[] }, phase: number, y: boolean, r: R): number {
  const pp = horner(z, t.PP, r), pq = horner(z, t.PQ, r), qp = horner(z, t.QP, r), qq = horner(z, t.QQ, r);
  const arg = r(x - r(phase));
  const b = r(r(r(5 / x) * r(qp / qq)) * r(y ? Math.cos(arg) : Math.sin(arg)));
  const sum = fma(r(pp / pq), r(y ? Math.sin(arg) : Math.cos(arg)), y ? b : -b, r);
  return r(r(sum * r(SQ2OPI)) / r(Math.sqrt(x)));
}

const J0T = { PP: TB.J0_PP, PQ: TB.J0_PQ, QP: TB.J0_QP, QQ: TB.J0_QQ };
const J1T = { PP: TB.J1_PP, PQ: TB.J1_PQ, QP: TB.J1_QP, QQ: TB.J1_QQ };
const Y0T = { PP: TB.Y0_PP, PQ: TB.Y0_PQ, QP: TB.Y0_QP, QQ: TB.Y0_QQ };
const Y1T = { PP: TB.Y1_PP, PQ: TB.Y1_PQ, QP: TB.Y1_QP, QQ: TB.Y1_QQ };

/** PyTorch's bessel_j0_forward. */
export function besselJ0(x: number, r: R = id): number {
  if (x < 0) x = -x;
  if (x <= 5) {
    if (x < r(0.00001)) return r(1 - r(r(x * x) / 4));
    const z = r(x * x);
    const rp = horner(z, TB.J0_RP, r);
    const rq = horner(z, TB.J0_RQ, r);
    return r(r(r(r(z - r(5.78318596294678452118)) * r(z - r(3.04712623436620863991e1))) * rp) / rq);
  }
  return besselTail(x, r(25 / r(x * x)), J0T, PIO4, false, r);
}

/** PyTorch's bessel_j1_forward. */
export function besselJ1(x: number, r: R = id): number {
  if (x < 0) return -besselJ1(-x, r);
  if (x <= 5) {
    const z = r(x * x);
    const rp = horner(z, TB.J1_RP, r);
    const rq = horner(z, TB.J1_RQ, r);
    return r(r(r(r(rp / rq) * x) * r(z - r(1.46819706421238932572e1))) * r(z - r(4.92184563216946036703e1)));
  }
  const f = r(5 / x);
  return besselTail(x, r(f * f), J1T, THPIO4, false, r);
}

/** PyTorch's bessel_y0_forward. */
export function besselY0(x: number, r: R = id): number {
  if (x <= 5) {
    if (x === 0) return -Infinity;
    if (x < 0) return NaN;
    const z = r(x * x);
    const yp = horner(z, TB.Y0_YP, r);
    const yq = horner(z, TB.Y0_YQ, r);
    return fma(r(r(TWOOPI) * r(Math.log(x))), besselJ0(x, r), r(yp / yq), r);
  }
  return besselTail(x, r(25 / r(x * x)), Y0T, PIO4, true, r);
}

/** PyTorch's bessel_y1_forward. */
export function besselY1(x: number, r: R = id): number {
  if (x <= 5) {
    if (x === 0) return -Infinity;
    if (x <= 0) return NaN;
    const z = r(x * x);
    const yp = horner(z, TB.Y1_YP, r);
    const yq = horner(z, TB.Y1_YQ, r);
    return fma(r(TWOOPI), fma(besselJ1(x, r), r(Math.log(x)), -r(1 / x), r), r(x * r(yp / yq)), r);
  }
  const f = r(5 / x);
  return besselTail(x, r(f * f), Y1T, THPIO4, true, r);
}

// ------------------------------------------------------------ modified Bessel I, K

/** PyTorch's modified_bessel_i0_forward (calc_i0's steps). */
export function modifiedBesselI0(x: number, r: R = id): number {
  const ax = Math.abs(x);
  if (ax <= 8) return r(r(Math.exp(ax)) * cheb(r(r(ax / 2) - 2), I0_A, r));
  return r(r(r(Math.exp(ax)) * cheb(r(r(32 / ax) - 2), I0_B, r)) / r(Math.sqrt(ax)));
}

/** PyTorch's modified_bessel_i1_forward (the full coefficient tables in float too). */
export function modifiedBesselI1(x: number, r: R = id): number {
  const ax = Math.abs(x);
  let out: number;
  if (ax <= 8) out = r(r(cheb(r(r(ax / 2) - 2), I1_A, r) * ax) * r(Math.exp(ax)));
  else out = r(r(r(Math.exp(ax)) * cheb(r(r(32 / ax) - 2), I1_B, r)) / r(Math.sqrt(ax)));
  return x < 0 ? -out : out;
}

/** The Chebyshev part of K₀/K₁ for x ≤ 2 (argument x² − 2) or x > 2 (argument 8/x − 2). */
function kSeries(x: number, table: readonly number[], small: boolean, r: R): number {
  return cheb(small ? r(r(x * x) - 2) : r(r(8 / x) - 2), table, r);
}

/** PyTorch's modified_bessel_k0_forward. */
export function modifiedBesselK0(x: number, r: R = id): number {
  if (x === 0) return Infinity;
  if (x < 0) return NaN;
  if (x <= 2) return r(fma64(-Math.log(0.5 * x), modifiedBesselI0(x, r), kSeries(x, TB.K0_A, true, r))); // log(0.5 * x): a double
  return r(r(r(Math.exp(-x)) * kSeries(x, TB.K0_B, false, r)) / r(Math.sqrt(x)));
}

/** PyTorch's modified_bessel_k1_forward. */
export function modifiedBesselK1(x: number, r: R = id): number {
  if (x === 0) return Infinity;
  if (x < 0) return NaN;
  if (x <= 2) return r(r(r(Math.log(r(0.5 * x))) * modifiedBesselI1(x, r)) + r(kSeries(x, TB.K1_A, true, r) / x));
  return r(r(r(Math.exp(-x)) * kSeries(x, TB.K1_B, false, r)) / r(Math.sqrt(x)));
}

/** PyTorch's scaled_modified_bessel_k0_forward: eˣ·K₀(x). */
export function scaledModifiedBesselK0(x: number, r: R = id): number {
  if (x === 0) return Infinity;
  if (x < 0) return NaN;
  if (x <= 2) return r(r(kSeries(x, TB.SK0_A, true, r) - r(r(Math.log(r(0.5 * x))) * modifiedBesselI0(x, r))) * r(Math.exp(x)));
  return r(kSeries(x, TB.SK0_B, false, r) / r(Math.sqrt(x)));
}

/** PyTorch's scaled_modified_bessel_k1_forward: eˣ·K₁(x). */
export function scaledModifiedBesselK1(x: number, r: R = id): number {
  if (x === 0) return Infinity;
  if (x < 0) return NaN;
  if (x <= 2) return r(r(r(r(Math.log(r(0.5 * x))) * modifiedBesselI1(x, r)) + r(kSeries(x, TB.SK1_A, true, r) / x)) * r(Math.exp(x)));
  return r(kSeries(x, TB.SK1_B, false, r) / r(Math.sqrt(x)));
}

/** PyTorch's spherical_bessel_j0_forward: sin(x)/x, a Taylor series for |x| < 0.5. */
export function sphericalBesselJ0(x: number, r: R = id): number {
  if (x === Infinity || x === -Infinity) return 0;
  if (Math.abs(x) < 0.5) {
    const z = r(x * x);
    const c = [-6, 120, -5040, 362880, -39916800, 6227020800].map((d) => r(r(Math.sign(d)) / r(Math.abs(d))));
    let acc = c[5]!;
    for (let i = 4; i >= 0; i--) acc = r(c[i]! + r(z * acc));
    return r(1 + r(z * acc));
  }
  return r(r(Math.sin(x)) / x);
}

/** PyTorch's airy_ai_forward (Cephes' airy): asymptotic forms beyond ±2.09, the Maclaurin series between. */
export function airyAi(x: number, r: R = id): number {
  if (x === Infinity || x === -Infinity) return NaN;
  // the thresholds are T(…) constants: float32 compares against their float32 values
  if (x > r(103.892)) return 0;
  const C = r(5.64189583547756286948e-1);
  if (x < r(-2.09)) {
    const s = r(Math.sqrt(-x));
    const zeta = r(r(r(-2 * x) * s) / 3);
    const z = r(1 / zeta);
    const zz = r(z * z);
    const afn = horner(zz, TB.AIRY_AFN, r), afd = horner(zz, TB.AIRY_AFD, r);
    const agn = horner(zz, TB.AIRY_AGN, r), agd = horner(zz, TB.AIRY_AGD, r);
    const t = r(zeta + 0.25 * Math.PI); // T(0.25) * M_PI is a double, stored into T t
    const lead = r(C / r(Math.sqrt(s)));
    return r(lead * r(r(r(Math.sin(t)) * r(1 + r(r(zz * afn) / afd))) - r(r(Math.cos(t)) * r(r(z * agn) / agd))));
  }
  let ai = 0;
  let asymptotic = false;
  if (x >= r(2.09)) {
    asymptotic = true;
    const zeta = r(r(r(2 * x) * r(Math.sqrt(x))) / 3);
    const iz = r(1 / zeta);
    const an = horner(iz, TB.AIRY_AN, r), ad = horner(iz, TB.AIRY_AD, r);
    ai = r(r(C * r(an / ad)) / r(r(2 * r(Math.sqrt(r(Math.sqrt(x))))) * r(Math.exp(zeta))));
    if (x > r(8.3203353)) return ai;
  }
  if (asymptotic) return ai; // Math.h sums the series here too, then returns ai
  const eps = r === id ? Number.EPSILON : 1.1920928955078125e-7;
  let f = 1, g = x, k = 1, m = 1, n = x, t = 1;
  const z = r(r(x * x) * x);
  while (t > eps) {
    m = r(m * z);
    k = r(k + 1);
    m = r(m / k);
    n = r(n * z);
    k = r(k + 1);
    n = r(n / k);
    m = r(m / k);
    f = r(f + m);
    k = r(k + 1);
    n = r(n / k);
    g = r(g + n);
    t = Math.abs(r(m / f));
  }
  return fma(r(0.355028053887817239260), f, -r(r(0.258819403792806798405) * g), r);
}

// ------------------------------------------------------------ entr, xlog1py

/** PyTorch's special_entr kernel: −x·log(x), 0 at 0, −inf below. */
export function entr(x: number, r: R = id): number {
  if (x !== x) return x;
  if (x > 0) return r(-x * r(Math.log(x)));
  if (x === 0) return 0;
  return -Infinity;
}

/** PyTorch's xlog1py: x·log1p(y), 0 where x is 0 (NaN where y is). */
export function xlog1py(x: number, y: number, r: R = id): number {
  if (y !== y) return NaN;
  if (x === 0) return 0;
  return r(x * r(Math.log1p(y)));
}

// ------------------------------------------------------------ orthogonal polynomials
// The degree is `static_cast<int64_t>(n)`: x86 turns NaN, ±inf and out-of-range values into
// INT64_MIN, which the n < 0 case maps to 0.

/** C++'s static_cast<int64_t> of a double on x86 (NaN/out of range → INT64_MIN, here −2⁶³). */
function toInt64(n: number): number {
  return n !== n || Math.abs(n) >= 9223372036854775808 ? -9223372036854775808 : Math.trunc(n);
}

/** The Chebyshev recurrence r = (2y)·q − p from (p, q) = (1, q1) up to degree n (the product fused, see {@link fma}). */
function chebRecurrence(y2: number, q1: number, n: number, r: R): number {
  let p = 1, q = q1, s = q1;
  for (let k = 2; k <= n; k++) {
    s = fma(y2, q, -p, r);
    p = q;
    q = s;
  }
  return s;
}

const even = (n: number) => n % 2 === 0;

/** PyTorch's chebyshev_polynomial_t_forward. */
export function chebyshevT(x: number, nf: number, r: R = id): number {
  const n = toInt64(nf);
  if (n < 0) return 0;
  if (Math.abs(x) === 1) return x > 0 || even(n) ? 1 : -1;
  if (n > 6 && Math.abs(x) < 1) return r(Math.cos(r(r(n) * r(Math.acos(x)))));
  if (n === 0) return 1;
  if (n === 1) return x;
  return chebRecurrence(r(x + x), x, n, r);
}

/** PyTorch's chebyshev_polynomial_u_forward. */
export function chebyshevU(x: number, nf: number, r: R = id): number {
  const n = toInt64(nf);
  if (n < 0) return 0;
  if (Math.abs(x) === 1) return x > 0 || even(n) ? r(n + 1) : -r(n + 1);
  if (n > 8 && Math.abs(x) < 1) {
    const a = r(Math.acos(x));
    const s = r(Math.sin(a));
    if (s !== 0) return r(r(Math.sin(r(r(n + 1) * a))) / s);
    return r(r(r(n + 1) * r(Math.cos(r(r(n + 1) * a)))) / x);
  }
  if (n === 0) return 1;
  if (n === 1) return r(x + x);
  return chebRecurrence(r(x + x), r(x + x), n, r);
}

/** PyTorch's chebyshev_polynomial_v_forward. */
export function chebyshevV(x: number, nf: number, r: R = id): number {
  const n = toInt64(nf);
  if (n < 0) return 0;
  const odd = r(n + n + 1);
  if (Math.abs(x) === 1) return x > 0 ? 1 : even(n) ? odd : -odd;
  if (n > 8 && Math.abs(x) < 1) {
    const a = r(Math.acos(x));
    if (r(Math.sin(r(a / 2))) !== 1) return r(r(Math.cos(r(r(r(n) + 0.5) * a))) / r(Math.cos(r(a / 2))));
    return even(n) ? odd : -odd;
  }
  if (n === 0) return 1;
  const q1 = r(r(x + x) - 1);
  if (n === 1) return q1;
  return chebRecurrence(r(x + x), q1, n, r);
}

/** PyTorch's chebyshev_polynomial_w_forward. */
export function chebyshevW(x: number, nf: number, r: R = id): number {
  const n = toInt64(nf);
  if (n < 0) return 0;
  const odd = r(n + n + 1);
  if (Math.abs(x) === 1) return x > 0 ? odd : even(n) ? 1 : -1;
  if (n > 8 && Math.abs(x) < 1) {
    const a = r(Math.acos(x));
    if (r(Math.cos(r(a / 2))) !== 1) return r(r(Math.sin(r(r(r(n) + 0.5) * a))) / r(Math.sin(r(a / 2))));
    return x > 0 ? odd : even(n) ? 1 : -1;
  }
  if (n === 0) return 1;
  const q1 = r(r(x + x) + 1);
  if (n === 1) return q1;
  return chebRecurrence(r(x + x), q1, n, r);
}

/** PyTorch's shifted_chebyshev_polynomial_t_forward: Tₙ(2x − 1). */
export function shiftedChebyshevT(x: number, nf: number, r: R = id): number {
  const n = toInt64(nf);
  if (n < 0) return 0;
  if (x === 1) return 1;
  if (x === 0) return even(n) ? 1 : -1;
  const u = r(r(x + x) - 1);
  if (n > 6 && Math.abs(u) < 1) return r(Math.cos(r(r(n) * r(Math.acos(u)))));
  if (n === 0) return 1;
  if (n === 1) return u;
  return chebRecurrence(r(u + u), u, n, r);
}

/** PyTorch's shifted_chebyshev_polynomial_u_forward: Uₙ(2x − 1). */
export function shiftedChebyshevU(x: number, nf: number, r: R = id): number {
  const n = toInt64(nf);
  if (n < 0) return 0;
  if (x === 1) return r(n + 1);
  if (x === 0) return even(n) ? r(n + 1) : -r(n + 1);
  const u = r(r(x + x) - 1);
  if (n > 6 && Math.abs(u) < 1) {
    const a = r(Math.acos(u));
    const s = r(Math.sin(a));
    if (s !== 0) return r(r(Math.sin(r(r(n + 1) * a))) / s);
    return r(r(r(n + 1) * r(Math.cos(r(r(n + 1) * a)))) / u);
  }
  if (n === 0) return 1;
  if (n === 1) return r(u + u);
  return chebRecurrence(r(u + u), r(u + u), n, r);
}

/** PyTorch's shifted_chebyshev_polynomial_v_forward: Vₙ(2x − 1). */
export function shiftedChebyshevV(x: number, nf: number, r: R = id): number {
  const n = toInt64(nf);
  if (n < 0) return 0;
  const odd = r(n + n + 1);
  if (x === 1) return 1;
  if (x === 0) return even(n) ? odd : -odd;
  const u = r(r(x + x) - 1);
  if (n > 6 && Math.abs(u) < 1) {
    const a = r(Math.acos(u));
    if (r(Math.sin(r(a / 2))) !== 1) return r(r(Math.cos(r(r(r(n) + 0.5) * a))) / r(Math.cos(r(a / 2))));
    return even(n) ? odd : -odd;
  }
  if (n === 0) return 1;
  const q1 = r(r(u + u) - 1);
  if (n === 1) return q1;
  return chebRecurrence(r(u + u), q1, n, r);
}

/** PyTorch's shifted_chebyshev_polynomial_w_forward: Wₙ(2x − 1) (its trigonometric form from n > 4). */
export function shiftedChebyshevW(x: number, nf: number, r: R = id): number {
  const n = toInt64(nf);
  if (n < 0) return 0;
  if (x === 1) return r(n + n + 1);
  if (x === 0) return even(n) ? 1 : -1;
  const u = r(r(x + x) - 1);
  if (n > 4 && Math.abs(u) < 1) {
    const a = r(Math.acos(u));
    if (r(Math.cos(r(a / 2))) !== 1) return r(r(Math.sin(r(r(r(n) + 0.5) * a))) / r(Math.sin(r(a / 2))));
    return even(n) ? 1 : -1;
  }
  if (n === 0) return 1;
  const q1 = r(r(u + u) + 1);
  if (n === 1) return q1;
  return chebRecurrence(r(u + u), q1, n, r);
}

/** PyTorch's hermite_polynomial_h_forward: Hₖ₊₁ = 2x·Hₖ − 2k·Hₖ₋₁. */
export function hermiteH(x: number, nf: number, r: R = id): number {
  const n = toInt64(nf);
  if (n < 0) return 0;
  if (n === 0) return 1;
  const x2 = r(x + x);
  if (n === 1) return x2;
  let p = 1, q = x2, s = x2;
  for (let k = 2; k < n + n; k += 2) {
    s = fma(x2, q, -r(r(k) * p), r);
    p = q;
    q = s;
  }
  return s;
}

/** PyTorch's hermite_polynomial_he_forward: Heₖ₊₁ = x·Heₖ − k·Heₖ₋₁. */
export function hermiteHe(x: number, nf: number, r: R = id): number {
  const n = toInt64(nf);
  if (n < 0) return 0;
  if (n === 0) return 1;
  if (n === 1) return x;
  let p = 1, q = x, s = x;
  for (let k = 1; k < n; k++) {
    s = fma(x, q, -r(r(k) * p), r);
    p = q;
    q = s;
  }
  return s;
}

/** PyTorch's laguerre_polynomial_l_forward: (k+1)Lₖ₊₁ = (2k + 1 − x)Lₖ − k·Lₖ₋₁. */
export function laguerreL(x: number, nf: number, r: R = id): number {
  const n = toInt64(nf);
  if (n < 0) return 0;
  if (x === 0) return 1;
  if (n === 0) return 1;
  const q1 = r(1 - x);
  if (n === 1) return q1;
  let p = 1, q = q1, s = q1;
  for (let k = 1; k < n; k++) {
    s = r(fma(r(r(k + k) + q1), q, -r(r(k) * p), r) / r(k + 1));
    p = q;
    q = s;
  }
  return s;
}

/** PyTorch's legendre_polynomial_p_forward: (k+1)Pₖ₊₁ = (2k+1)x·Pₖ − k·Pₖ₋₁. */
export function legendreP(x: number, nf: number, r: R = id): number {
  const n = toInt64(nf);
  if (n < 0) return 0;
  if (Math.abs(x) === 1) return x > 0 || even(n) ? 1 : -1;
  if (n === 0) return 1;
  if (n === 1) return x;
  let p = 1, q = x, s = x;
  for (let k = 1; k < n; k++) {
    s = r(fma(r(r(k + k + 1) * x), q, -r(r(k) * p), r) / r(k + 1));
    p = q;
    q = s;
  }
  return s;
}

// ------------------------------------------------------------ kernel tables

/** A unary spec computing in double for float64 and with float steps for float32. */
const u = (f: (x: number, r: R) => number): UnarySpec => ({ f: (x) => f(x, id), f32: (x) => f(x, fr) });
/** A binary spec computing in double for float64 and with float steps for float32. */
const b = (f: (x: number, y: number, r: R) => number): BinarySpec => ({ f: (x, y) => f(x, y, id), f32: (x, y) => f(x, y, fr) });

/** The unary special kernels (the catalogue's SPECIAL_UNARY rows). */
export const SPECIAL_UNARY_SPECS = {
  erfcx: u(erfcx),
  ndtri: u(ndtri),
  logNdtr: u(logNdtr),
  i0e: u(i0e),
  i1e: u(i1e),
  entr: u(entr),
  besselJ0: u(besselJ0),
  besselJ1: u(besselJ1),
  besselY0: u(besselY0),
  besselY1: u(besselY1),
  modifiedBesselI0: u(modifiedBesselI0),
  modifiedBesselI1: u(modifiedBesselI1),
  modifiedBesselK0: u(modifiedBesselK0),
  modifiedBesselK1: u(modifiedBesselK1),
  scaledModifiedBesselK0: u(scaledModifiedBesselK0),
  scaledModifiedBesselK1: u(scaledModifiedBesselK1),
  sphericalBesselJ0: u(sphericalBesselJ0),
  airyAi: u(airyAi),
} as const;

/** The binary special kernels (the catalogue's SPECIAL_BINARY rows). zeta accumulates in double for float32 too (PyTorch's acc_type). */
export const SPECIAL_BINARY_SPECS = {
  xlog1py: b(xlog1py),
  zeta: { f: zeta },
  chebyshevPolynomialT: b(chebyshevT),
  chebyshevPolynomialU: b(chebyshevU),
  chebyshevPolynomialV: b(chebyshevV),
  chebyshevPolynomialW: b(chebyshevW),
  shiftedChebyshevPolynomialT: b(shiftedChebyshevT),
  shiftedChebyshevPolynomialU: b(shiftedChebyshevU),
  shiftedChebyshevPolynomialV: b(shiftedChebyshevV),
  shiftedChebyshevPolynomialW: b(shiftedChebyshevW),
  hermitePolynomialH: b(hermiteH),
  hermitePolynomialHe: b(hermiteHe),
  laguerrePolynomialL: b(laguerreL),
  legendrePolynomialP: b(legendreP),
} as const;
