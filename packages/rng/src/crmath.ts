/**
 * Correctly rounded `log`, `sin` and `cos` for float64 (round to nearest,
 * ties to even), as needed to reproduce glibc's results in the float64
 * Box–Muller paths (SPEC §0.4). V8's `Math.log/sin/cos` differ from glibc on
 * several percent of inputs; glibc's own functions are correctly rounded on
 * about 99.9 % of them.
 *
 * Method (Ziv's strategy): a fast double-double evaluation whose relative
 * error is below 2^-85, followed by a rounding test with a margin of 2^-77;
 * when the test cannot decide (probability about 2^-23), the value is
 * recomputed with BigInt fixed-point arithmetic at 160+ bits, doubling the
 * precision until the rounding is decided.
 */

// ---------------------------------------------------------------------------
// bit access and error-free transformations
// ---------------------------------------------------------------------------

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LO = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HI = 1 - LO;

const SPLIT = 134217729; // 2^27 + 1

/**
 * Second results of the error-free transformations and double-double
 * helpers, kept in a typed array so that no double is boxed:
 * T2[0] = error term (T2[0]!), T2[1] = low part (T2[1]!).
 */
export const T2 = new Float64Array(2);

/** @internal a*b = p + T2[0]! exactly (Dekker/Veltkamp); returns p. */
export function twoProd(a: number, b: number): number {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  T2[0] = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}

/** a+b = s + T2[0]! exactly (Knuth); returns s. */
function twoSum(a: number, b: number): number {
  const s = a + b;
  const bb = s - a;
  T2[0] = a - (s - bb) + (b - bb);
  return s;
}

/** a+b = s + T2[0]! exactly, for |a| >= |b| or a == 0; returns s. */
function fastTwoSum(a: number, b: number): number {
  const s = a + b;
  T2[0] = b - (s - a);
  return s;
}

const EPS_REL = 2 ** -77;

/**
 * Rounding test: if every value within `EPS_REL*|h|` of h + l rounds to the
 * same double, returns it; otherwise NaN (undecided).
 */
function roundOrNaN(h: number, l: number): number {
  const e = EPS_REL * Math.abs(h) + 2 ** -49 * Math.abs(l);
  const a = h + (l - e);
  const b = h + (l + e);
  return a === b ? a : NaN;
}

// ---------------------------------------------------------------------------
// BigInt fixed-point slow path
// ---------------------------------------------------------------------------

/** @internal x = M * 2^E exactly, M a non-negative bigint (x finite). */
export function decompose(x: number): { M: bigint; E: number } {
  F64[0] = x;
  const hi = U32[HI]!;
  const lo = U32[LO]!;
  const ex = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (ex === 0) return { M: mant, E: -1074 };
  return { M: mant | (1n << 52n), E: ex - 1075 };
}

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/** round(x * 2^W) as bigint for a double x (exact when x*2^W is an integer). */
function doubleToFixed(x: number, W: number): bigint {
  if (x === 0) return 0n;
  const { M, E } = decompose(Math.abs(x));
  const sh = E + W;
  const v = sh >= 0 ? M << BigInt(sh) : M >> BigInt(-sh);
  return x < 0 ? -v : v;
}

/**
 * atan(1/q)·2^W (`alternating`) or atanh(1/q)·2^W (q integer ≥ 2): the truncated
 * series Σ ±q^-(2k+1)/(2k+1); error below W/2 units.
 */
function invSeriesFixed(q: bigint, W: number, alternating: boolean): bigint {
  const one = 1n << BigInt(W);
  const q2 = q * q;
  let term = one / q;
  let sum = term;
  for (let k = 1n; term !== 0n; k++) {
    term /= q2;
    const t = term / (2n * k + 1n);
    sum += alternating && k & 1n ? -t : t;
  }
  return sum;
}

/** atan(1/q)·2^W. */
const atanInvFixed = (q: bigint, W: number): bigint => invSeriesFixed(q, W, true);
/** atanh(1/q)·2^W. */
const atanhInvFixed = (q: bigint, W: number): bigint => invSeriesFixed(q, W, false);

let piCacheBits = 0;
let piCache = 0n; // pi * 2^piCacheBits, |error| < 1
let ln2CacheBits = 0;
let ln2Cache = 0n; // ln2 * 2^ln2CacheBits, |error| < 1

/** pi * 2^W with |error| < 1 unit. */
function piFixed(W: number): bigint {
  if (piCacheBits < W) {
    const G = W + 64;
    const v = 16n * atanInvFixed(5n, G) - 4n * atanInvFixed(239n, G); // Machin
    piCacheBits = W + 32;
    piCache = v >> 32n;
  }
  return piCache >> BigInt(piCacheBits - W);
}

/** ln2 * 2^W with |error| < 1 unit. */
function ln2Fixed(W: number): bigint {
  if (ln2CacheBits < W) {
    const G = W + 64;
    const v = 2n * atanhInvFixed(3n, G);
    ln2CacheBits = W + 32;
    ln2Cache = v >> 32n;
  }
  return ln2Cache >> BigInt(ln2CacheBits - W);
}

/** Number nearest to v * 2^-W (v bigint). */
function fixedToDouble(v: bigint, W: number): number {
  if (W > 1000) {
    // keep at least ~900 bits: truncation error is far below the rounding test margin
    const s = W - 1000;
    return Number(v >> BigInt(s)) * 2 ** -1000;
  }
  return Number(v) * 2 ** -W;
}

/** The double all of [v - err, v + err] * 2^-W rounds to, or NaN. */
function roundFixed(v: bigint, W: number, err: bigint): number {
  const lo = v - err;
  const hi = v + err;
  if ((lo < 0n) !== (hi < 0n)) return NaN;
  if (W > 1000) {
    const s = BigInt(W - 1000);
    const a = Number(lo >> s) * 2 ** -1000;
    const b = Number((hi >> s) + 1n) * 2 ** -1000;
    return a === b ? a : NaN;
  }
  const a = Number(lo) * 2 ** -W;
  const b = Number(hi) * 2 ** -W;
  return a === b ? a : NaN;
}

/** log(x) * 2^W for finite x > 0 (W >= 64), with |error| <= the returned bound. */
function logFixed(x: number, W: number): { v: bigint; err: bigint } {
  const { M, E } = decompose(x);
  const bl = bitLength(M);
  // x = m0 * 2^k0 with m0 = M / 2^(bl-1) in [1, 2)
  let k = E + bl - 1;
  const WB = BigInt(W);
  let mF = M << BigInt(W - (bl - 1)); // m0 * 2^W (exact)
  // m0 >= sqrt(2)  <=>  M^2 >= 2^(2bl-1)
  if (M * M >= 1n << BigInt(2 * bl - 1)) {
    mF >>= 1n; // exact: W - bl + 1 >= 1
    k += 1;
  }
  const one = 1n << WB;
  const sSigned = ((mF - one) << WB) / (mF + one); // |s| <= 0.1716
  const neg = sSigned < 0n;
  const s = neg ? -sSigned : sSigned; // series on |s| (atanh is odd)
  const s2 = (s * s) >> WB;
  let term = s;
  let sum = s;
  let n = 0;
  for (let j = 1n; term !== 0n; j++) {
    term = (term * s2) >> WB;
    sum += term / (2n * j + 1n);
    n++;
  }
  if (neg) sum = -sum;
  const v = 2n * sum + BigInt(k) * ln2Fixed(W);
  const err = BigInt(2 * n + 8 + 2 * Math.abs(k));
  return { v, err };
}

/**
 * sin|x| * 2^W and cos|x| * 2^W (reduced by pi/2 internally; W >= 64 + the
 * bits |x| needs below its leading bit), with an error bound in units.
 */
function sinCosFixed(x: number, W: number): { s: bigint; c: bigint; err: bigint } {
  const { M, E } = decompose(Math.abs(x));
  const WB = BigInt(W);
  const nb = Math.max(0, E + 53 + 2); // bits of the quotient x / (pi/2)
  const Wp = W + nb + 8;
  const halfPi = piFixed(Wp + 1) >> 2n; // pi/2 * 2^Wp, |error| < 1
  const sh = E + Wp;
  const X = sh >= 0 ? M << BigInt(sh) : M >> BigInt(-sh);
  const n = (2n * X + halfPi) / (2n * halfPi);
  let r = X - n * halfPi; // |error| <= n units of 2^-Wp  (< 2^-(W+8))
  const neg = r < 0n;
  if (neg) r = -r; // series on |r|: sin is odd, cos even
  r >>= BigInt(Wp - W); // to W bits
  const r2 = (r * r) >> WB;
  const one = 1n << WB;
  // sin r = r - r^3/3! + ... ; cos r = 1 - r^2/2! + ...
  let ts = r;
  let s = r;
  let tc = one;
  let c = one;
  let count = 0;
  for (let k = 1n; ts !== 0n || tc !== 0n; k++) {
    // magnitudes only (truncation towards zero), alternating signs applied on accumulation
    tc = ((tc * r2) >> WB) / ((2n * k - 1n) * (2n * k));
    ts = ((ts * r2) >> WB) / ((2n * k) * (2n * k + 1n));
    if (k & 1n) {
      c -= tc;
      s -= ts;
    } else {
      c += tc;
      s += ts;
    }
    count++;
  }
  if (neg) s = -s;
  // rotate by the quadrant: sin|x| and cos|x|
  const q = Number(n & 3n);
  const sv = q === 0 ? s : q === 1 ? c : q === 2 ? -s : -c;
  const cv = q === 0 ? c : q === 1 ? -s : q === 2 ? -c : s;
  return { s: sv, c: cv, err: BigInt(2 * count + 8) };
}

const SLOW_START_BITS = 160;
const SLOW_MAX_BITS = 4000;

function slowLog(x: number): number {
  for (let F = SLOW_START_BITS; ; F *= 2) {
    const W = F + 64;
    const { v, err } = logFixed(x, W);
    const r = roundFixed(v, W, err);
    if (r === r || F >= SLOW_MAX_BITS) return r === r ? r : fixedToDouble(v, W);
  }
}

/** which: 0 = sin, 1 = cos. x finite, |x| >= 2^-27. */
function slowTrig(x: number, which: 0 | 1): number {
  for (let F = SLOW_START_BITS; ; F *= 2) {
    const W = F + 96;
    const { s, c, err } = sinCosFixed(x, W);
    const v = which === 1 ? c : x < 0 ? -s : s;
    const r = roundFixed(v, W, err);
    if (r === r || F >= SLOW_MAX_BITS) return r === r ? r : fixedToDouble(v, W);
  }
}

/** Splits a fixed-point value into a double-double (hi + lo). */
function fixedToDD(v: bigint, W: number): [number, number] {
  const hi = fixedToDouble(v, W);
  const lo = fixedToDouble(v - doubleToFixed(hi, W), W);
  return [hi, lo];
}

// ---------------------------------------------------------------------------
// tables (built lazily, with the slow path, on first use)
// ---------------------------------------------------------------------------

const TABLE_BITS = 200;

/** Reciprocals for log: RT[i-88] = fl(128/(i+0.5)), i in [88,176); LT = -log(RT) as double-double. */
let RT: Float64Array | null = null;
let LTH: Float64Array | null = null;
let LTL: Float64Array | null = null;
let LN2_HI = 0;
let LN2_LO = 0;

function initLogTables(): void {
  const n = 176 - 88;
  const rt = new Float64Array(n);
  const lth = new Float64Array(n);
  const ltl = new Float64Array(n);
  for (let i = 88; i < 176; i++) {
    const r = 256 / (2 * i + 1);
    rt[i - 88] = r;
    const { v } = logFixed(r, TABLE_BITS);
    const [h, l] = fixedToDD(-v, TABLE_BITS);
    lth[i - 88] = h;
    ltl[i - 88] = l;
  }
  const l2 = ln2Fixed(TABLE_BITS);
  // LN2_HI: ln2 truncated to 42 significant bits, so k*LN2_HI is exact for |k| < 2^11
  const hiFixed = (l2 >> BigInt(TABLE_BITS - 42)) << BigInt(TABLE_BITS - 42);
  LN2_HI = fixedToDouble(hiFixed, TABLE_BITS);
  LN2_LO = fixedToDouble(l2 - hiFixed, TABLE_BITS);
  RT = rt;
  LTH = lth;
  LTL = ltl;
}

/** sin(j/128), cos(j/128) as double-doubles, j = 0..TRIG_N-1. */
const TRIG_N = 106;
let STH: Float64Array | null = null;
let STL: Float64Array | null = null;
let CTH: Float64Array | null = null;
let CTL: Float64Array | null = null;
/** pi/2 = P1 + P2 + P3 + P4 (P1..P3 with 33 significant bits). */
let P1 = 0;
let P2 = 0;
let P3 = 0;
let P4 = 0;

function initTrigTables(): void {
  const sth = new Float64Array(TRIG_N);
  const stl = new Float64Array(TRIG_N);
  const cth = new Float64Array(TRIG_N);
  const ctl = new Float64Array(TRIG_N);
  for (let j = 0; j < TRIG_N; j++) {
    if (j === 0) {
      cth[0] = 1;
      continue;
    }
    const { s, c } = sinCosFixed(j / 128, TABLE_BITS);
    [sth[j], stl[j]] = fixedToDD(s, TABLE_BITS);
    [cth[j], ctl[j]] = fixedToDD(c, TABLE_BITS);
  }
  const W = 300;
  const hp = piFixed(W + 1) >> 2n; // pi/2 * 2^W
  const p1 = (hp >> BigInt(W - 32)) << BigInt(W - 32); // 1 + 32 fraction bits
  const p2 = ((hp - p1) >> BigInt(W - 65)) << BigInt(W - 65);
  const p3 = ((hp - p1 - p2) >> BigInt(W - 98)) << BigInt(W - 98);
  P1 = fixedToDouble(p1, W);
  P2 = fixedToDouble(p2, W);
  P3 = fixedToDouble(p3, W);
  P4 = fixedToDouble(hp - p1 - p2 - p3, W);
  STH = sth;
  STL = stl;
  CTH = cth;
  CTL = ctl;
}

// ---------------------------------------------------------------------------
// fast paths
// ---------------------------------------------------------------------------



/**
 * log1p(t) for |t| <= 2^-7 with t = th + tl given as a double-double;
 * returns the high part, the low part in T2[1]!. Relative error below 2^-95.
 */
function log1pSmall(th: number, tl: number): number {
  // t^2
  const ah = twoProd(th, th);
  const al = T2[0]! + 2 * th * tl;
  // t^3
  const bh = twoProd(ah, th);
  const bl = T2[0]! + ah * tl + al * th;
  // t^4
  const ch = twoProd(ah, ah);
  const cl = T2[0]! + 2 * ah * al;
  // t^3 / 3 as a double-double
  const b3 = bh / 3;
  const p = twoProd(b3, 3);
  const b3l = (bh - p - T2[0]! + bl) / 3;
  // tail: sum_{k=5..15} (-1)^(k+1) t^k / k  =  t^5 * P(t)
  const t = th;
  const P =
    1 / 5 -
    t *
      (1 / 6 -
        t *
          (1 / 7 -
            t *
              (1 / 8 -
                t *
                  (1 / 9 -
                    t * (1 / 10 - t * (1 / 11 - t * (1 / 12 - t * (1 / 13 - t * (1 / 14 - t / 15)))))))));
  const tail = bh * ah * P;
  // t - t^2/2 + t^3/3 - t^4/4 + tail, accumulated as a double-double
  let s = twoSum(th, -0.5 * ah);
  let e = T2[0]! + tl - 0.5 * al;
  const s2 = twoSum(s, b3);
  e += T2[0]! + b3l;
  s = twoSum(s2, -0.25 * ch);
  e += T2[0]! - 0.25 * cl + tail;
  const h = fastTwoSum(s, e);
  T2[1] = T2[0]!;
  return h;
}

/**
 * Correctly rounded natural logarithm (round to nearest even): `log(x)`
 * exactly as a correctly rounded libm would return it. NaN for x < 0 or NaN,
 * -Infinity for ±0, +Infinity for +Infinity.
 */
export function crLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  if (x === 1) return 0;
  if (x > 0.9921875 && x < 1.0078125) {
    const t = x - 1; // exact
    const h = log1pSmall(t, 0);
    const r = roundOrNaN(h, T2[1]!);
    return r === r ? r : slowLog(x);
  }
  if (RT === null) initLogTables();
  let k = 0;
  let y = x;
  if (y < 2.2250738585072014e-308) {
    y *= 18014398509481984; // 2^54
    k = -54;
  }
  F64[0] = y;
  const hi = U32[HI]!;
  k += ((hi >>> 20) & 0x7ff) - 1023;
  U32[HI] = (hi & 0xfffff) | 0x3ff00000;
  let m = F64[0]!; // [1, 2)
  if (m >= 1.375) {
    m *= 0.5;
    k += 1;
  }
  const i = Math.floor(m * 128) - 88; // 0..87
  const p = twoProd(m, RT![i]!);
  const th0 = twoSum(p - 1, T2[0]!); // p - 1 is exact
  const tl0 = T2[0]!;
  const sh = log1pSmall(th0, tl0);
  const sl = T2[1]!;
  // k*ln2 + LT[i] + s
  const kh = k * LN2_HI; // exact
  const kl = k * LN2_LO;
  let a = twoSum(kh, LTH![i]!);
  let e = T2[0]! + kl + LTL![i]!;
  a = twoSum(a, sh);
  e += T2[0]! + sl;
  const h = fastTwoSum(a, e);
  const r = roundOrNaN(h, T2[0]!);
  return r === r ? r : slowLog(x);
}

const TWO_OVER_PI = 0.6366197723675814;
/** Arguments above this go straight to the slow path. */
const FAST_TRIG_MAX = 65536;

/** Results of sinCosDD: [sin hi, sin lo, cos hi, cos lo]. */
const SC = new Float64Array(4);

/**
 * sin and cos of |x| (2^-27 <= |x| < 65536) as double-doubles in SC:
 * [sin hi, sin lo, cos hi, cos lo] (relative error below 2^-85).
 */
function sinCosDD(ax: number): void {
  if (STH === null) initTrigTables();
  const n = Math.round(ax * TWO_OVER_PI);
  // r = ax - n*pi/2 as a double-double (n*P1, n*P2, n*P3 are exact)
  const a = ax - n * P1; // exact (Sterbenz) or n == 0
  let s = twoSum(a, -n * P2);
  let e = T2[0]!;
  s = twoSum(s, -n * P3);
  e += T2[0]! - n * P4;
  const rh = fastTwoSum(s, e);
  const rl = T2[0]!;
  // r = j/128 + d
  const j = Math.round(rh * 128);
  const dh = rh - j / 128; // exact
  const dl = rl;
  // d^2, d^3
  const qh = twoProd(dh, dh);
  const ql = T2[0]! + 2 * dh * dl;
  const ch = twoProd(qh, dh);
  const cl = T2[0]! + qh * dl + ql * dh;
  // d^3/6 as a double-double
  const c6 = ch / 6;
  const pp = twoProd(c6, 6);
  const c6l = (ch - pp - T2[0]! + cl) / 6;
  // sin d = d - d^3/6 + d^5 (1/120 - d^2/5040 + d^4/362880)
  const rest = ch * qh * (1 / 120 - qh * (1 / 5040 - qh / 362880));
  let sd = twoSum(dh, -c6);
  let sdl = T2[0]! + dl - c6l + rest;
  sd = fastTwoSum(sd, sdl);
  sdl = T2[0]!;
  // cos d - 1 = -d^2/2 + d^4 (1/24 - d^2/720 + d^4/40320 - d^6/3628800)
  const q2 = qh * qh + 2 * qh * ql;
  const restc = q2 * (1 / 24 - qh * (1 / 720 - qh * (1 / 40320 - qh / 3628800)));
  let cm = fastTwoSum(-0.5 * qh, restc);
  let cml = T2[0]! - 0.5 * ql;
  cm = fastTwoSum(cm, cml);
  cml = T2[0]!;
  // table values for |j|
  const aj = j < 0 ? -j : j;
  let Sh = STH![aj]!;
  let Sl = STL![aj]!;
  if (j < 0) {
    Sh = -Sh;
    Sl = -Sl;
  }
  const Ch = CTH![aj]!;
  const Cl = CTL![aj]!;
  // u = S*cm, v = C*sd, w = S*sd, z = C*cm (double-double products)
  const uh = twoProd(Sh, cm);
  const ul = T2[0]! + Sh * cml + Sl * cm;
  const vh = twoProd(Ch, sd);
  const vl = T2[0]! + Ch * sdl + Cl * sd;
  const wh = twoProd(Sh, sd);
  const wl = T2[0]! + Sh * sdl + Sl * sd;
  const zh = twoProd(Ch, cm);
  const zl = T2[0]! + Ch * cml + Cl * cm;
  // sin r = S + (u + v)
  let t = twoSum(uh, vh);
  let tl = T2[0]! + ul + vl;
  let sr = twoSum(Sh, t);
  let srl = T2[0]! + Sl + tl;
  sr = fastTwoSum(sr, srl);
  srl = T2[0]!;
  // cos r = C + (z - w)
  t = twoSum(zh, -wh);
  tl = T2[0]! + zl - wl;
  let cr = twoSum(Ch, t);
  let crl = T2[0]! + Cl + tl;
  cr = fastTwoSum(cr, crl);
  crl = T2[0]!;
  switch (n & 3) {
    case 0:
      SC[0] = sr;
      SC[1] = srl;
      SC[2] = cr;
      SC[3] = crl;
      break;
    case 1:
      SC[0] = cr;
      SC[1] = crl;
      SC[2] = -sr;
      SC[3] = -srl;
      break;
    case 2:
      SC[0] = -sr;
      SC[1] = -srl;
      SC[2] = -cr;
      SC[3] = -crl;
      break;
    default:
      SC[0] = -cr;
      SC[1] = -crl;
      SC[2] = sr;
      SC[3] = srl;
  }
}

/** Correctly rounded sine (round to nearest even). NaN for ±Infinity and NaN. */
export function crSin(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < Infinity)) return NaN;
  if (ax < 7.450580596923828e-9) return x; // 2^-27: sin x rounds to x
  if (ax >= FAST_TRIG_MAX) return slowTrig(x, 0);
  sinCosDD(ax);
  const r = roundOrNaN(SC[0]!, SC[1]!);
  if (r !== r) return slowTrig(x, 0);
  return x < 0 ? -r : r;
}

/** Correctly rounded cosine (round to nearest even). NaN for ±Infinity and NaN. */
export function crCos(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < Infinity)) return NaN;
  if (ax < 7.450580596923828e-9) return 1; // 2^-27: cos x rounds to 1
  if (ax >= FAST_TRIG_MAX) return slowTrig(x, 1);
  sinCosDD(ax);
  const r = roundOrNaN(SC[2]!, SC[3]!);
  return r === r ? r : slowTrig(x, 1);
}

/** Second result of {@link crSinCos}: `CR_SINCOS[0]` holds the cosine. */
export const CR_SINCOS = new Float64Array(1);

/**
 * Correctly rounded sine and cosine of the same argument in one reduction:
 * returns sin(x) and leaves cos(x) in `CR_SINCOS[0]`.
 */
export function crSinCos(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < Infinity)) {
    CR_SINCOS[0] = NaN;
    return NaN;
  }
  if (ax < 7.450580596923828e-9) {
    CR_SINCOS[0] = 1;
    return x;
  }
  if (ax >= FAST_TRIG_MAX) {
    CR_SINCOS[0] = slowTrig(x, 1);
    return slowTrig(x, 0);
  }
  sinCosDD(ax);
  let c = roundOrNaN(SC[2]!, SC[3]!);
  let s = roundOrNaN(SC[0]!, SC[1]!);
  if (c !== c) c = slowTrig(x, 1);
  if (s !== s) s = slowTrig(x, 0);
  else if (x < 0) s = -s;
  CR_SINCOS[0] = c;
  return s;
}

/** @internal Slow-path entry points, exposed for tests. */
export const slowPathForTests = {
  log: slowLog,
  sin: (x: number): number => (Math.abs(x) < 7.450580596923828e-9 ? x : slowTrig(x, 0)),
  cos: (x: number): number => (Math.abs(x) < 7.450580596923828e-9 ? 1 : slowTrig(x, 1)),
};
