// Elementwise float32 kernels: binary ops over 1-D runs whose operands step by 0 or 1
// element (the glue reduces every layout it accepts to loops of such runs), and unary ops
// over contiguous runs. Every result is bit-identical to the JavaScript kernels in
// src/binary.ts and src/unary.ts (which compute in double and round once to float32):
// - add/sub/mul/div/sqrt in float32 equal the double operation rounded to float32
//   (double carries more than 2·24+2 bits, so the double rounding is innocuous), and x86
//   propagates the first operand's NaN in both;
// - maximum/minimum/relu/abs/neg select or flip bits exactly as the JS code does;
// - rsqrt, exp and sigmoid compute in f64x2 lanes with the same double operations, in
//   the same order, as V8's Math.sqrt/Math.exp (fdlibm's e_exp.c as in V8's ieee754.cc).
// Scalar tails run the same lane code on one element, so tails cannot differ from bodies.

// binary op codes (the glue's table mirrors these)
const ADD = 0;
const SUB = 1;
const MUL = 2;
const DIV = 3;
const MAX = 4;
const MIN = 5;

@inline function bin4(op: i32, a: v128, b: v128): v128 {
  if (op == ADD) return f32x4.add(a, b);
  if (op == SUB) return f32x4.sub(a, b);
  if (op == MUL) return f32x4.mul(a, b);
  if (op == DIV) return f32x4.div(a, b);
  // JS: a > b || a !== a ? a : b (keeps a's bits, b's otherwise: −0/+0 order and NaN payloads)
  if (op == MAX) return v128.bitselect(a, b, v128.or(f32x4.gt(a, b), f32x4.ne(a, a)));
  return v128.bitselect(a, b, v128.or(f32x4.lt(a, b), f32x4.ne(a, a)));
}

@inline function binLoop(op: i32, a: usize, as: i32, b: usize, bs: i32, o: usize, n: i32): void {
  let i = 0;
  if (as == 1 && bs == 1) {
    for (; i + 8 <= n; i += 8) {
      const p = <usize>i << 2;
      const r0 = bin4(op, v128.load(a + p), v128.load(b + p));
      const r1 = bin4(op, v128.load(a + p, 16), v128.load(b + p, 16));
      v128.store(o + p, r0);
      v128.store(o + p, r1, 16);
    }
  } else if (as == 1) {
    const vb = v128.load32_splat(b);
    for (; i + 8 <= n; i += 8) {
      const p = <usize>i << 2;
      const r0 = bin4(op, v128.load(a + p), vb);
      const r1 = bin4(op, v128.load(a + p, 16), vb);
      v128.store(o + p, r0);
      v128.store(o + p, r1, 16);
    }
  } else if (bs == 1) {
    const va = v128.load32_splat(a);
    for (; i + 8 <= n; i += 8) {
      const p = <usize>i << 2;
      const r0 = bin4(op, va, v128.load(b + p));
      const r1 = bin4(op, va, v128.load(b + p, 16));
      v128.store(o + p, r0);
      v128.store(o + p, r1, 16);
    }
  }
  for (; i < n; i++) {
    const r = bin4(op, v128.load32_splat(a + ((<usize>(i * as)) << 2)), v128.load32_splat(b + ((<usize>(i * bs)) << 2)));
    v128.store32_lane(o + (<usize>i << 2), r, 0);
  }
}

/**
 * `out[i] = op(a[i·as], b[i·bs])` for i < n over float32 (as, bs ∈ {0, 1}; out contiguous).
 * op: 0 add, 1 sub, 2 mul, 3 div, 4 maximum, 5 minimum (NaN-propagating, JS's selection).
 */
export function binaryF32(op: i32, a: usize, as: i32, b: usize, bs: i32, out: usize, n: i32): void {
  switch (op) {
    case ADD: binLoop(ADD, a, as, b, bs, out, n); break;
    case SUB: binLoop(SUB, a, as, b, bs, out, n); break;
    case MUL: binLoop(MUL, a, as, b, bs, out, n); break;
    case DIV: binLoop(DIV, a, as, b, bs, out, n); break;
    case MAX: binLoop(MAX, a, as, b, bs, out, n); break;
    case MIN: binLoop(MIN, a, as, b, bs, out, n); break;
  }
}

// comparison op codes
const EQ = 0;
const NE = 1;
const LT = 2;
const LE = 3;
const GT = 4;
const GE = 5;

@inline function cmp4(op: i32, a: v128, b: v128): v128 {
  if (op == EQ) return f32x4.eq(a, b);
  if (op == NE) return f32x4.ne(a, b);
  if (op == LT) return f32x4.lt(a, b);
  if (op == LE) return f32x4.le(a, b);
  if (op == GT) return f32x4.gt(a, b);
  return f32x4.ge(a, b);
}

@inline function ld(p: usize, i: i32, s: i32): v128 {
  // 4 consecutive elements (s = 1) or one splatted (s = 0)
  return s == 1 ? v128.load(p + (<usize>i << 2)) : v128.load32_splat(p);
}

@inline function cmpLoop(op: i32, a: usize, as: i32, b: usize, bs: i32, o: usize, n: i32): void {
  let i = 0;
  const one = i8x16.splat(1);
  for (; i + 16 <= n; i += 16) {
    const m0 = cmp4(op, ld(a, i, as), ld(b, i, bs));
    const m1 = cmp4(op, ld(a, i + 4, as), ld(b, i + 4, bs));
    const m2 = cmp4(op, ld(a, i + 8, as), ld(b, i + 8, bs));
    const m3 = cmp4(op, ld(a, i + 12, as), ld(b, i + 12, bs));
    const w = i8x16.narrow_i16x8_s(i16x8.narrow_i32x4_s(m0, m1), i16x8.narrow_i32x4_s(m2, m3));
    v128.store(o + <usize>i, v128.and(w, one));
  }
  for (; i < n; i++) {
    const m = cmp4(op, v128.load32_splat(a + ((<usize>(i * as)) << 2)), v128.load32_splat(b + ((<usize>(i * bs)) << 2)));
    store<u8>(o + <usize>i, <u8>(i32x4.extract_lane(m, 0) & 1));
  }
}

/**
 * `out[i] = op(a[i·as], b[i·bs]) ? 1 : 0` for i < n: float32 operands (as, bs ∈ {0, 1}),
 * bool (one byte) out, contiguous. op: 0 eq, 1 ne, 2 lt, 3 le, 4 gt, 5 ge (IEEE comparisons).
 */
export function compareF32(op: i32, a: usize, as: i32, b: usize, bs: i32, out: usize, n: i32): void {
  switch (op) {
    case EQ: cmpLoop(EQ, a, as, b, bs, out, n); break;
    case NE: cmpLoop(NE, a, as, b, bs, out, n); break;
    case LT: cmpLoop(LT, a, as, b, bs, out, n); break;
    case LE: cmpLoop(LE, a, as, b, bs, out, n); break;
    case GT: cmpLoop(GT, a, as, b, bs, out, n); break;
    case GE: cmpLoop(GE, a, as, b, bs, out, n); break;
  }
}

// unary op codes
const NEG = 0;
const ABS = 1;
const RELU = 2;
const SQRT = 3;
const SQUARE = 4;
const RECIPROCAL = 5;
const RSQRT = 6;
const EXP = 7;
const SIGMOID = 8;

@inline function un4(op: i32, x: v128): v128 {
  if (op == NEG) return f32x4.neg(x);
  if (op == ABS) return f32x4.abs(x);
  // JS: x >= 0 || x !== x ? x : +0, i.e. +0 exactly where x < 0 (−0 and NaN kept)
  if (op == RELU) return v128.andnot(x, f32x4.lt(x, f32x4.splat(0)));
  if (op == SQRT) return f32x4.sqrt(x);
  if (op == SQUARE) return f32x4.mul(x, x);
  return f32x4.div(f32x4.splat(1), x); // RECIPROCAL
}

// ---- fdlibm exp (V8's ieee754::exp) on f64x2 lanes ----
const INVLN2: f64 = reinterpret<f64>(0x3FF71547652B82FE);
const LN2HI: f64 = reinterpret<f64>(0x3FE62E42FEE00000);
const LN2LO: f64 = reinterpret<f64>(0x3DEA39EF35793C76);
const P1: f64 = reinterpret<f64>(0x3FC555555555553E);
const P2: f64 = reinterpret<f64>(0xBF66C16C16BEBD93);
const P3: f64 = reinterpret<f64>(0x3F11566AAF25DE2C);
const P4: f64 = reinterpret<f64>(0xBEBBBD41C5D26BF1);
const P5: f64 = reinterpret<f64>(0x3E66376972BEA4D0);
const E: f64 = reinterpret<f64>(0x4005BF0A8B145769);
const O_THRESHOLD: f64 = reinterpret<f64>(0x40862E42FEFA39EF);
const U_THRESHOLD: f64 = reinterpret<f64>(0xC0874910D52D3051);
// |x| >= this ⇔ the high word of |x| > 0x3FD62E42 (|x| > ½ ln 2: k ≠ 0)
const HALF_LN2_HW: f64 = reinterpret<f64>(0x3FD62E4300000000);
// |x| < 2^-28: exp is 1 + x
const TINY: f64 = reinterpret<f64>(0x3E30000000000000);

/** fdlibm's k (f64 lanes): 0 where |x| <= ½ ln 2, else (int)(invln2·x + halF[xsb]). */
@inline function expK(x: v128): v128 {
  const half = v128.or(f64x2.splat(0.5), v128.and(x, f64x2.splat(-0.0))); // halF[xsb]
  const big = f64x2.ge(f64x2.abs(x), f64x2.splat(HALF_LN2_HW));
  // for ½ln2 < |x| < 1.5ln2 this equals fdlibm's 1 − 2·xsb
  return v128.and(f64x2.trunc(f64x2.add(f64x2.mul(f64x2.splat(INVLN2), x), half)), big);
}

/** The shared part of exp once the special cases are set aside: y = exp(r), x = k·ln2 + r. */
@inline function expCore(x: v128, k: v128): v128 {
  const hi = f64x2.sub(x, f64x2.mul(k, f64x2.splat(LN2HI)));
  const lo = f64x2.mul(k, f64x2.splat(LN2LO));
  const r = f64x2.sub(hi, lo); // = x exactly where k = 0
  const t = f64x2.mul(r, r);
  let p = f64x2.add(f64x2.splat(P4), f64x2.mul(t, f64x2.splat(P5)));
  p = f64x2.add(f64x2.splat(P3), f64x2.mul(t, p));
  p = f64x2.add(f64x2.splat(P2), f64x2.mul(t, p));
  p = f64x2.add(f64x2.splat(P1), f64x2.mul(t, p));
  const c = f64x2.sub(r, f64x2.mul(t, p));
  // fdlibm: k == 0: 1 − ((x·c)/(c − 2) − x); else 1 − ((lo − (x·c)/(2 − c)) − hi).
  // (x·c)/(c − 2) = −((x·c)/(2 − c)) exactly, and with k = 0 lo is 0 and hi is x, so one
  // formula serves both (0 − q = −q up to the sign of a zero, which 1 − … removes).
  const q = f64x2.div(f64x2.mul(r, c), f64x2.sub(f64x2.splat(2.0), c));
  return f64x2.sub(f64x2.splat(1.0), f64x2.sub(f64x2.sub(lo, q), hi));
}

@inline function pow2(ki: v128): v128 {
  // 2^k for i32 lanes 0..1 (normal range), as f64x2
  return i64x2.shl(i64x2.extend_low_i32x4_s(i32x4.add(ki, i32x4.splat(1023))), 52);
}

/** fdlibm exp on both f64 lanes, any input (all of V8's special cases). */
@inline function expSlow(x: v128): v128 {
  const ax = f64x2.abs(x);
  const k = expK(x);
  const y = expCore(x, k);
  const ki = i32x4.trunc_sat_f64x2_s_zero(k);
  // y·2^k as two exact-then-one-rounding multiplies (fdlibm's k = 1024 and k < −1021 cases)
  const k1 = i32x4.shr_s(ki, 1);
  const k2 = i32x4.sub(ki, k1);
  let res = f64x2.mul(f64x2.mul(y, pow2(k1)), pow2(k2));
  res = v128.bitselect(f64x2.add(f64x2.splat(1.0), x), res, f64x2.lt(ax, f64x2.splat(TINY)));
  res = v128.bitselect(f64x2.splat(E), res, f64x2.eq(x, f64x2.splat(1.0)));
  res = v128.bitselect(f64x2.splat(Infinity), res, f64x2.gt(x, f64x2.splat(O_THRESHOLD)));
  res = v128.bitselect(f64x2.splat(0.0), res, f64x2.lt(x, f64x2.splat(U_THRESHOLD)));
  res = v128.bitselect(f64x2.add(x, x), res, f64x2.ne(x, x));
  return res;
}

// 2^52 + 1023: adding it to an integral k (|k| < 2^51) leaves k + 1023 in the low mantissa bits
const POW2_MAGIC: f64 = 4503599627371519.0;

/** fdlibm exp where every lane has 2^-28 <= |x| <= 700 and x != 1 (no special case; 2^k normal). */
@inline function expFast(x: v128): v128 {
  const k = expK(x);
  const y = expCore(x, k);
  const twopk = i64x2.shl(f64x2.add(k, f64x2.splat(POW2_MAGIC)), 52);
  return f64x2.mul(y, twopk);
}

// float32 bounds of the fast path (exact in float32): 2^-28 and 700
const TINY32: f32 = reinterpret<f32>(0x31800000);
const FAST_MAX32: f32 = 700.0;

/** Whether all four float32 lanes are in exp's fast range. */
@inline function expAllFast(x: v128): bool {
  const ax = f32x4.abs(x);
  const ok = v128.and(
    v128.and(f32x4.ge(ax, f32x4.splat(TINY32)), f32x4.le(ax, f32x4.splat(FAST_MAX32))),
    f32x4.ne(x, f32x4.splat(1.0)),
  );
  return i32x4.all_true(ok);
}

@inline function lanesLo(x: v128): v128 {
  return f64x2.promote_low_f32x4(x);
}

@inline function lanesHi(x: v128): v128 {
  return f64x2.promote_low_f32x4(i32x4.shuffle(x, x, 2, 3, 2, 3));
}

@inline function join(lo: v128, hi: v128): v128 {
  return i32x4.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
}

@inline function sigmoidOf(e: v128): v128 {
  // 1 / (1 + exp(−x)) in double
  return f64x2.div(f64x2.splat(1.0), f64x2.add(f64x2.splat(1.0), e));
}

/** float32 lanes → two f64x2 halves → op in double → rounded back to float32. */
@inline function un4d(op: i32, x: v128): v128 {
  if (op == RSQRT) {
    const one = f64x2.splat(1.0);
    return join(f64x2.div(one, f64x2.sqrt(lanesLo(x))), f64x2.div(one, f64x2.sqrt(lanesHi(x))));
  }
  // exp(x), or exp(−x) for sigmoid (negation is exact in float32)
  const xs = op == SIGMOID ? f32x4.neg(x) : x;
  let lo: v128, hi: v128;
  if (expAllFast(xs)) {
    lo = expFast(lanesLo(xs));
    hi = expFast(lanesHi(xs));
  } else {
    lo = expSlow(lanesLo(xs));
    hi = expSlow(lanesHi(xs));
  }
  if (op == SIGMOID) {
    lo = sigmoidOf(lo);
    hi = sigmoidOf(hi);
  }
  return join(lo, hi);
}

@inline function unLoop(op: i32, x: usize, o: usize, n: i32): void {
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = <usize>i << 2;
    const r0 = un4(op, v128.load(x + p));
    const r1 = un4(op, v128.load(x + p, 16));
    v128.store(o + p, r0);
    v128.store(o + p, r1, 16);
  }
  for (; i < n; i++) v128.store32_lane(o + (<usize>i << 2), un4(op, v128.load32_splat(x + (<usize>i << 2))), 0);
}

@inline function unLoopD(op: i32, x: usize, o: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = <usize>i << 2;
    v128.store(o + p, un4d(op, v128.load(x + p)));
  }
  for (; i < n; i++) v128.store32_lane(o + (<usize>i << 2), un4d(op, v128.load32_splat(x + (<usize>i << 2))), 0);
}

/**
 * `out[i] = op(x[i])` for i < n over contiguous float32. op: 0 neg, 1 abs, 2 relu, 3 sqrt,
 * 4 square, 5 reciprocal, 6 rsqrt, 7 exp, 8 sigmoid.
 */
export function unaryF32(op: i32, x: usize, out: usize, n: i32): void {
  switch (op) {
    case NEG: unLoop(NEG, x, out, n); break;
    case ABS: unLoop(ABS, x, out, n); break;
    case RELU: unLoop(RELU, x, out, n); break;
    case SQRT: unLoop(SQRT, x, out, n); break;
    case SQUARE: unLoop(SQUARE, x, out, n); break;
    case RECIPROCAL: unLoop(RECIPROCAL, x, out, n); break;
    case RSQRT: unLoopD(RSQRT, x, out, n); break;
    case EXP: unLoopD(EXP, x, out, n); break;
    case SIGMOID: unLoopD(SIGMOID, x, out, n); break;
  }
}

/**
 * {@link binaryF32} over `rows` rows of n: row r reads a + r·aRow, b + r·bRow and writes
 * out + r·outRow (row steps in bytes), saving a call from JavaScript per row.
 */
export function binaryF32Rows(op: i32, a: usize, aRow: i32, as: i32, b: usize, bRow: i32, bs: i32, out: usize, outRow: i32, rows: i32, n: i32): void {
  for (let r = 0; r < rows; r++) binaryF32(op, a + <usize>(r * aRow), as, b + <usize>(r * bRow), bs, out + <usize>(r * outRow), n);
}

/** {@link compareF32} over `rows` rows of n (row steps in bytes; out is one byte per element). */
export function compareF32Rows(op: i32, a: usize, aRow: i32, as: i32, b: usize, bRow: i32, bs: i32, out: usize, outRow: i32, rows: i32, n: i32): void {
  for (let r = 0; r < rows; r++) compareF32(op, a + <usize>(r * aRow), as, b + <usize>(r * bRow), bs, out + <usize>(r * outRow), n);
}

/** {@link unaryF32} over `rows` rows of n (row steps in bytes). */
export function unaryF32Rows(op: i32, x: usize, xRow: i32, out: usize, outRow: i32, rows: i32, n: i32): void {
  for (let r = 0; r < rows; r++) unaryF32(op, x + <usize>(r * xRow), out + <usize>(r * outRow), n);
}

// ---- where(cond, a, b) over float32 ----
// The JS kernel reads a and b through a Float64Array and stores the chosen one into a
// Float32Array: float32 → double → float32, exact for every value, except that x86 sets
// the quiet bit of a signaling NaN (payload kept). The select below does the same.

@inline function quiet4(v: v128): v128 {
  return v128.or(v, v128.and(f32x4.ne(v, v), i32x4.splat(0x00400000)));
}

@inline function condMask(c: usize, i: i32, cs: i32): v128 {
  // 4 condition bytes (cs = 1) or one (cs = 0), nonzero → all-ones lane
  if (cs == 0) return i32x4.splat(load<u8>(c) != 0 ? -1 : 0);
  const w = i16x8.extend_low_i8x16_u(v128.load32_zero(c + <usize>i));
  return v128.not(i32x4.eq(i32x4.extend_low_i16x8_u(w), i32x4.splat(0)));
}

/**
 * `out[i] = cond[i·cs] ? a[i·as] : b[i·bs]` for i < n: cond one byte per element (bool or
 * uint8, nonzero is true), a and b float32, out contiguous float32; cs, as, bs ∈ {0, 1}.
 * Bit-identical to the JavaScript kernel (signaling NaNs come out quiet, as there).
 */
export function whereF32(c: usize, cs: i32, a: usize, as: i32, b: usize, bs: i32, out: usize, n: i32): void {
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const m0 = condMask(c, i, cs);
    const m1 = condMask(c, i + 4, cs);
    const r0 = v128.bitselect(ld(a, i, as), ld(b, i, bs), m0);
    const r1 = v128.bitselect(ld(a, i + 4, as), ld(b, i + 4, bs), m1);
    v128.store(out + (<usize>i << 2), quiet4(r0));
    v128.store(out + (<usize>i << 2), quiet4(r1), 16);
  }
  for (; i < n; i++) {
    const t = load<u8>(c + <usize>(i * cs)) != 0;
    const v = v128.load32_splat(t ? a + ((<usize>(i * as)) << 2) : b + ((<usize>(i * bs)) << 2));
    v128.store32_lane(out + (<usize>i << 2), quiet4(v), 0);
  }
}

/** {@link whereF32} over `rows` rows of n (row steps in bytes: cond's one byte per element). */
export function whereF32Rows(c: usize, cRow: i32, cs: i32, a: usize, aRow: i32, as: i32, b: usize, bRow: i32, bs: i32, out: usize, outRow: i32, rows: i32, n: i32): void {
  for (let r = 0; r < rows; r++) whereF32(c + <usize>(r * cRow), cs, a + <usize>(r * aRow), as, b + <usize>(r * bRow), bs, out + <usize>(r * outRow), n);
}
