/**
 * Correctly rounded (to nearest) float64 `exp` and `tan`, for the float64
 * `log_normal_` and `cauchy_` streams. glibc's `exp` and `tan` are not
 * correctly rounded on about 0.07 % resp. 0.24 % of the inputs these
 * distributions give them (measured with mpmath), and V8's `Math.exp` /
 * `Math.tan` are fdlibm ports with errors of their own; a correctly rounded
 * function is the portable reference closest to glibc.
 *
 * Method: double-double evaluation (relative error about 2^-95), rounded once
 * at the end. A result is misrounded only if the exact value lies within
 * 2^-95 relative of a rounding midpoint (probability about 2^-42 per call).
 */

const SPLIT = 134217729; // 2^27 + 1

// double-double results are returned through these two slots (no allocation)
let RH = 0;
let RL = 0;

function twoProdErr(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** (ah, al) + (bh, bl) → (RH, RL) */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  const s = ah + bh;
  const bb = s - ah;
  const e = ah - (s - bb) + (bh - bb);
  const t = al + bl;
  const tb = t - al;
  const f = al - (t - tb) + (bl - tb);
  let hi = s;
  let lo = e + t;
  let h = hi + lo;
  lo = lo - (h - hi);
  hi = h;
  lo += f;
  h = hi + lo;
  RL = lo - (h - hi);
  RH = h;
}

/** (ah, al) * (bh, bl) → (RH, RL) */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  const p = ah * bh;
  const e = twoProdErr(ah, bh, p) + (ah * bl + al * bh);
  const h = p + e;
  RL = e - (h - p);
  RH = h;
}

/** (ah, al) / (bh, bl) → (RH, RL): three quotient digits, each from the exact dd remainder. */
function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMul(q1, 0, bh, bl);
  ddAdd(ah, al, -RH, -RL);
  const r1h = RH;
  const r1l = RL;
  const q2 = r1h / bh;
  ddMul(q2, 0, bh, bl);
  ddAdd(r1h, r1l, -RH, -RL);
  const q3 = RH / bh;
  const s = q1 + q2;
  const e = q2 - (s - q1);
  ddAdd(s, e, q3, 0);
}

// ln 2 split in three parts: LN2_1 has 32 significant bits (k*LN2_1 exact for |k| < 2^21)
const LN2_1 = 0.6931471803691238;
const LN2_2 = 1.9082149292705877e-10;
const LN2_3 = 1.1612227229362532e-26;
const INV_LN2 = 1.4426950408889634;

/**
 * Correctly rounded `exp(x)` for float64 (results in the normal range;
 * outside it, overflow to `Infinity` and subnormal results fall back to
 * `Math.exp`).
 */
export function crExp(x: number): number {
  if (!(x > -708 && x < 709.7)) return Math.exp(x);
  if (x === 0) return 1;
  const k = Math.round(x * INV_LN2);
  // r = x - k ln2 in double-double
  const r0 = x - k * LN2_1; // exact: k*LN2_1 exact and x, k*LN2_1 close (Sterbenz) or k = 0
  const p2 = k * LN2_2;
  const p2e = twoProdErr(k, LN2_2, p2);
  ddAdd(r0, 0, -p2, -p2e);
  ddAdd(RH, RL, -k * LN2_3, 0);
  // s = r / 256, |s| < 0.00136: expm1(s) by Taylor to s^11
  const sh = RH / 256;
  const sl = RL / 256;
  // Horner on e = s(1 + s/2(1 + s/3(...)))
  let th = 1;
  let tl = 0;
  for (let n = 11; n >= 2; n--) {
    ddMul(th, tl, sh, sl);
    const ph = RH;
    const pl = RL;
    // divide by n: (ph, pl) / n
    const qh = ph / n;
    const qe = -twoProdErr(qh, n, qh * n) + (ph - qh * n);
    const ql = (qe + pl) / n;
    ddAdd(1, 0, qh, ql);
    th = RH;
    tl = RL;
  }
  ddMul(th, tl, sh, sl);
  let eh = RH;
  let el = RL;
  // (1 + e)^256 - 1: e <- e*(2 + e), eight times
  for (let i = 0; i < 8; i++) {
    ddAdd(2, 0, eh, el);
    ddMul(eh, el, RH, RL);
    eh = RH;
    el = RL;
  }
  ddAdd(1, 0, eh, el);
  // exact scaling of the rounded sum by 2^k (normal range only)
  const v = RH + RL;
  return k > 1000 ? v * 2 ** 1000 * 2 ** (k - 1000) : k < -1000 ? v * 2 ** -1000 * 2 ** (k + 1000) : v * 2 ** k;
}

// pi/2 in three parts
const PIO2_1 = 1.5707963267948966;
const PIO2_2 = 6.123233995736766e-17;
const PIO2_3 = -1.4973849048591698e-33;

/** sin and cos of a double-double |y| <= pi/4 by Taylor series: (SH, SL), (CH, CL). */
let SH = 0;
let SL = 0;
let CH = 0;
let CL = 0;
function ddSinCos(yh: number, yl: number): void {
  ddMul(yh, yl, yh, yl);
  const zh = -RH;
  const zl = -RL; // z = -y^2
  // sin y = y (1 + z/(2·3) (1 + z/(4·5) (...))), cos y = 1 + z/(1·2)(1 + z/(3·4)(...))
  let sh = 1;
  let sl = 0;
  let ch = 1;
  let cl = 0;
  for (let n = 30; n >= 2; n -= 2) {
    // sin term: divide by n(n+1); cos term: divide by (n-1)n
    ddMul(sh, sl, zh, zl);
    let d = n * (n + 1);
    let qh = RH / d;
    let ql = (-twoProdErr(qh, d, qh * d) + (RH - qh * d) + RL) / d;
    ddAdd(1, 0, qh, ql);
    sh = RH;
    sl = RL;
    ddMul(ch, cl, zh, zl);
    d = (n - 1) * n;
    qh = RH / d;
    ql = (-twoProdErr(qh, d, qh * d) + (RH - qh * d) + RL) / d;
    ddAdd(1, 0, qh, ql);
    ch = RH;
    cl = RL;
  }
  ddMul(sh, sl, yh, yl);
  SH = RH;
  SL = RL;
  CH = ch;
  CL = cl;
}

/**
 * Correctly rounded `tan(x)` for float64 |x| <= pi/2 (the range of
 * `pi * (u - 0.5)`); larger |x| falls back to `Math.tan`.
 */
export function crTan(x: number): number {
  const ax = Math.abs(x);
  if (!(ax <= PIO2_1)) return Math.tan(x);
  if (ax < 1e-8) {
    // tan x = x + x^3/3 + ...: x^3/3 < ulp(x)/2^40, so x unless at a midpoint (impossible for a double)
    return x;
  }
  let th: number;
  let tl: number;
  if (ax <= 0.7853981633974483) {
    ddSinCos(ax, 0);
    ddDiv(SH, SL, CH, CL);
  } else {
    // tan(ax) = cot(pi/2 - ax); PIO2_1 - ax is exact (Sterbenz)
    ddAdd(PIO2_1 - ax, 0, PIO2_2, 0);
    ddAdd(RH, RL, PIO2_3, 0);
    ddSinCos(RH, RL);
    ddDiv(CH, CL, SH, SL);
  }
  th = RH;
  tl = RL;
  const v = th + tl;
  return x < 0 ? -v : v;
}
