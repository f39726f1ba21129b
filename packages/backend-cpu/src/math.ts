/**
 * Scalar special functions in double precision, shared by the kernels.
 *
 * `erf`/`erfc` follow fdlibm's s_erf.c (rational approximations on five intervals,
 * < 1 ulp): Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 * Developed at SunPro, a Sun Microsystems, Inc. business. Permission to use, copy,
 * modify, and distribute this software is freely granted, provided that this
 * notice is preserved.
 *
 * `erfinv` follows PyTorch's `calc_erfinv` (ATen/native/Math.h): a rational initial
 * guess refined by two Newton steps.
 */

const ERX = 8.45062911510467529297e-1;
const EFX = 1.28379167095512586316e-1;
// erf on [0, 0.84375]
const PP0 = 1.28379167095512558561e-1, PP1 = -3.25042107247001499370e-1, PP2 = -2.84817495755985104766e-2;
const PP3 = -5.77027029648944159157e-3, PP4 = -2.37630166566501626084e-5;
const QQ1 = 3.97917223959155352819e-1, QQ2 = 6.50222499887672944485e-2, QQ3 = 5.08130628187576562776e-3;
const QQ4 = 1.32494738004321644526e-4, QQ5 = -3.96022827877536812320e-6;
// erf on [0.84375, 1.25]
const PA0 = -2.36211856075265944077e-3, PA1 = 4.14856118683748331666e-1, PA2 = -3.72207876035701323847e-1;
const PA3 = 3.18346619901161753674e-1, PA4 = -1.10894694282396677476e-1, PA5 = 3.54783043256182359371e-2;
const PA6 = -2.16637559486879084300e-3;
const QA1 = 1.06420880400844228286e-1, QA2 = 5.40397917702171048937e-1, QA3 = 7.18286544141962662868e-2;
const QA4 = 1.26171219808761642112e-1, QA5 = 1.36370839120290507362e-2, QA6 = 1.19844998467991074170e-2;
// erfc on [1.25, 1/0.35]
const RA0 = -9.86494403484714822705e-3, RA1 = -6.93858572707181764372e-1, RA2 = -1.05586262253232909814e1;
const RA3 = -6.23753324503260060396e1, RA4 = -1.62396669462573470355e2, RA5 = -1.84605092906711035994e2;
const RA6 = -8.12874355063065934246e1, RA7 = -9.81432934416914548592;
const SA1 = 1.96512716674392571292e1, SA2 = 1.37657754143519042600e2, SA3 = 4.34565877475229228821e2;
const SA4 = 6.45387271733267880336e2, SA5 = 4.29008140027567833386e2, SA6 = 1.08635005541779435134e2;
const SA7 = 6.57024977031928170135, SA8 = -6.04244152148580987438e-2;
// erfc on [1/0.35, 28]
const RB0 = -9.86494292470009928597e-3, RB1 = -7.99283237680523006574e-1, RB2 = -1.77579549177547519889e1;
const RB3 = -1.60636384855821916062e2, RB4 = -6.37566443368389627722e2, RB5 = -1.02509513161107724954e3;
const RB6 = -4.83519191608651397019e2;
const SB1 = 3.03380607434824582924e1, SB2 = 3.25792512996573918826e2, SB3 = 1.53672958608443695994e3;
const SB4 = 3.19985821950859553908e3, SB5 = 2.55305040643316442583e3, SB6 = 4.74528541206955367215e2;
const SB7 = -2.24409524465858183362e1;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1; // index of the low word

/** x with the low 32 bits of its significand cleared (fdlibm's SET_LOW_WORD(z, 0)). */
function truncLow(x: number): number {
  f64[0] = x;
  u32[LOW] = 0;
  return f64[0];
}

/** exp(-x*x) * R/S tail shared by erf and erfc for 1.25 <= ax < 28: returns erfc(ax) * ax. */
function erfcTail(ax: number): number {
  const s = 1 / (ax * ax);
  let R: number, S: number;
  if (ax < 1 / 0.35) {
    R = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
    S = 1 + s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
  } else {
    R = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
    S = 1 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
  }
  const z = truncLow(ax);
  return Math.exp(-z * z - 0.5625) * Math.exp((z - ax) * (z + ax) + R / S);
}

/** The error function, accurate to about 1 ulp in double precision. */
export function erf(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 2 ** -28) return x + EFX * x;
    const z = x * x;
    const r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
    const s = 1 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
    return x + x * (r / s);
  }
  if (ax < 1.25) {
    const s = ax - 1;
    const P = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
    const Q = 1 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
    return x >= 0 ? ERX + P / Q : -ERX - P / Q;
  }
  if (ax >= 6) return x > 0 ? 1 : -1;
  const r = erfcTail(ax) / ax;
  return x >= 0 ? 1 - r : r - 1;
}

/** The complementary error function 1 − erf(x), accurate also where it is tiny. */
export function erfc(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 2 ** -56) return 1 - x;
    const z = x * x;
    const r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
    const s = 1 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
    const y = r / s;
    if (x < 0.25) return 1 - (x + x * y);
    return 0.5 - (x * y + (x - 0.5));
  }
  if (ax < 1.25) {
    const s = ax - 1;
    const P = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
    const Q = 1 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
    return x >= 0 ? 1 - ERX - P / Q : 1 + (ERX + P / Q);
  }
  if (ax < 28) {
    if (x < -6) return 2;
    const r = erfcTail(ax) / ax;
    return x > 0 ? r : 2 - r;
  }
  return x > 0 ? 0 : 2;
}

const ERFINV_A = [0.886226899, -1.645349621, 0.914624893, -0.140543331];
const ERFINV_B = [-2.118377725, 1.442710462, -0.329097515, 0.012229801];
const ERFINV_C = [-1.970840454, -1.624906493, 3.429567803, 1.641345311];
const ERFINV_D = [3.5438892, 1.6370678];
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** The inverse error function on [−1, 1] (±inf at ±1, NaN outside), as PyTorch computes it. */
export function erfinv(y: number): number {
  const ay = Math.abs(y);
  if (ay > 1 || y !== y) return NaN;
  if (ay === 1) return y * Infinity;
  let x: number;
  if (ay <= 0.7) {
    const z = y * y;
    const num = ((ERFINV_A[3] * z + ERFINV_A[2]) * z + ERFINV_A[1]) * z + ERFINV_A[0];
    const dem = (((ERFINV_B[3] * z + ERFINV_B[2]) * z + ERFINV_B[1]) * z + ERFINV_B[0]) * z + 1;
    x = (y * num) / dem;
  } else {
    const z = Math.sqrt(-Math.log((1 - ay) / 2));
    const num = ((ERFINV_C[3] * z + ERFINV_C[2]) * z + ERFINV_C[1]) * z + ERFINV_C[0];
    const dem = (ERFINV_D[1] * z + ERFINV_D[0]) * z + 1;
    x = (y < 0 ? -num : num) / dem;
  }
  x = x - (erf(x) - y) / (TWO_OVER_SQRT_PI * Math.exp(-x * x));
  x = x - (erf(x) - y) / (TWO_OVER_SQRT_PI * Math.exp(-x * x));
  return x;
}

/** Rounds half to even, like `torch.round` (and keeps the sign of zero). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x); // rounds half toward +inf
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Integer power by squaring, PyTorch's `powi` for int64 (negative exponents give 0, ±1 for bases ±1). */
export function powInt(a: number, b: number): number {
  if (b < 0) {
    if (a === 1) return 1;
    if (a === -1) return b % 2 === 0 ? 1 : -1;
    return 0;
  }
  let r = 1;
  while (b > 0) {
    if (b % 2 === 1) r *= a;
    b = Math.floor(b / 2);
    if (b > 0) a *= a;
  }
  return r + 0;
}

/** {@link powInt} with int32 wrapping at every step. */
export function powInt32(a: number, b: number): number {
  if (b < 0) {
    if (a === 1) return 1;
    if (a === -1) return b % 2 === 0 ? 1 : -1;
    return 0;
  }
  let r = 1;
  while (b > 0) {
    if (b & 1) r = Math.imul(r, a);
    b >>>= 1;
    a = Math.imul(a, a);
  }
  return r;
}

/** {@link powInt} for uint8: wraps mod 256 at every step. */
export function powUint8(a: number, b: number): number {
  let r = 1;
  while (b > 0) {
    if (b & 1) r = (r * a) & 0xff;
    b >>>= 1;
    a = (a * a) & 0xff;
  }
  return r;
}

/** IEEE/C `pow`: like `Math.pow` except pow(1, y) = 1 and pow(−1, ±inf) = 1. */
export function powFloat(a: number, b: number): number {
  if (a === 1 || (a === -1 && (b === Infinity || b === -Infinity))) return 1;
  return Math.pow(a, b);
}

/** Python-style floor division of doubles, PyTorch's `div_floor_floating` (c10/util/generic_math.h). */
export function floorDivFloat(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div !== 0) {
    let fl = Math.floor(div);
    if (div - fl > 0.5) fl += 1;
    return fl;
  }
  return a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
}

/** {@link floorDivFloat} with every step rounded to float32. */
export function floorDivFloat32(a: number, b: number): number {
  const fr = Math.fround;
  if (b === 0) return fr(a / b);
  const mod = a % b; // exact
  let div = fr(fr(a - mod) / b);
  if (mod !== 0 && b < 0 !== mod < 0) div = fr(div - 1);
  if (div !== 0) {
    let fl = Math.floor(div);
    if (fr(div - fl) > 0.5) fl += 1;
    return fl;
  }
  const q = fr(a / b);
  return q < 0 || Object.is(q, -0) ? -0 : 0;
}

/** Python-style remainder of doubles (sign of the divisor), PyTorch's float `remainder`. */
export function remainderFloat(a: number, b: number): number {
  let mod = a % b;
  if (mod !== 0 && b < 0 !== mod < 0) mod += b;
  return mod;
}

/** Floor division of integers; division by zero gives 0 (core raises ZeroDivisionError). */
export function floorDivInt(a: number, b: number): number {
  if (b === 0) return 0;
  const q = Math.trunc(a / b);
  const r = a - q * b;
  return (r !== 0 && r < 0 !== b < 0 ? q - 1 : q) + 0;
}

/** Truncating division of integers; division by zero gives 0. */
export function truncDivInt(a: number, b: number): number {
  return b === 0 ? 0 : Math.trunc(a / b) + 0;
}

/** Python-style remainder of integers; by zero gives 0. */
export function remainderInt(a: number, b: number): number {
  if (b === 0) return 0;
  let r = a % b;
  if (r !== 0 && r < 0 !== b < 0) r += b;
  return r + 0;
}

/** C-style remainder of integers (sign of the dividend); by zero gives 0. */
export function fmodInt(a: number, b: number): number {
  return b === 0 ? 0 : (a % b) + 0;
}

const TWO32 = 4294967296;

/** Bitwise and/or/xor of two int64 values held exactly in doubles (|x| < 2^53). */
export function bitwise64(a: number, b: number, op: 0 | 1 | 2): number {
  if ((a | 0) === a && (b | 0) === b) return op === 0 ? a & b : op === 1 ? a | b : a ^ b;
  const ah = Math.floor(a / TWO32), bh = Math.floor(b / TWO32);
  const al = a - ah * TWO32, bl = b - bh * TWO32;
  let h: number, l: number;
  if (op === 0) {
    h = ah & bh;
    l = (al & bl) >>> 0;
  } else if (op === 1) {
    h = ah | bh;
    l = (al | bl) >>> 0;
  } else {
    h = ah ^ bh;
    l = (al ^ bl) >>> 0;
  }
  return h * TWO32 + l;
}

/** log(exp(x) + exp(y)) without overflow, PyTorch's `_log_add_exp_helper` (NaN propagates). */
export function logAddExp(x: number, y: number): number {
  const mn = y !== y ? y : Math.min(x, y);
  const mx = y !== y ? y : Math.max(x, y);
  if (mn !== mx || Number.isFinite(mn)) return Math.log1p(Math.exp(mn - mx)) + mx;
  return x;
}
