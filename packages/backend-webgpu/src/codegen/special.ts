/**
 * The WGSL library of `torch.special` (the catalogue's SPECIAL_UNARY/SPECIAL_BINARY
 * rows): PyTorch 1.13's float algorithms from ATen/native/Math.h — Cephes' Bessel, Airy
 * and ndtri approximations, the Faddeeva package's erfcx, SciPy's log_ndtr, and the
 * orthogonal polynomials' recurrences — in float32 over the library's own exp/log/sin
 * (see math.ts), so results differ from PyTorch's float32 CPU kernel by the few ulps of
 * those functions (the conformance fixtures' tolerance). Coefficient tables come from
 * `special-tables.ts`, generated from PyTorch's header (Cephes: Copyright (c) 2018,
 * Steven Moshier, 3-clause BSD; Faddeeva package: Copyright (c) 2012 MIT, MIT licence).
 */
import type { BINARY, BinaryOp, UNARY, UnaryOp } from '@antorcha/core';
import { I0_A, I0_B, I1_A_F32, I1_B_F32, addLibrary, chbevl, lit } from './math.js';
import type { OpWgsl, UnaryWgsl } from './ops.js';
import * as TB from './special-tables.js';

/** WGSL Horner's rule from 0 (Math.h's polevl and its inline loops) over constant coefficients. */
function horner(z: string, c: readonly number[]): string {
  let e = lit(c[0]!);
  for (let i = 1; i < c.length; i++) e = `(${e} * ${z} + ${lit(c[i]!)})`;
  return e;
}

/** A WGSL function computing one Chebyshev series into `name` (chbevl's 0.5·(b0 − b2)). */
function cheb(name: string, arg: string, c: readonly number[]): string {
  return `{\n    ${chbevl(arg, c)}\n    ${name} = 0.5 * (b0 - b2);\n  }`;
}

/** The asymptotic form of J and Y for x > 5 (`y` picks Y's trigonometric terms). */
function tail(pre: string, z: string, phase: number, y: boolean): string {
  const t = (TB as unknown as Record<string, readonly number[]>);
  const [s1, s2, op] = y ? ['m_sin', 'm_cos', '+'] : ['m_cos', 'm_sin', '-'];
  return `let z = ${z};
  let pp = ${horner('z', t[`${pre}_PP`]!)};
  let pq = ${horner('z', t[`${pre}_PQ`]!)};
  let qp = ${horner('z', t[`${pre}_QP`]!)};
  let qq = ${horner('z', t[`${pre}_QQ`]!)};
  let arg = x - ${lit(phase)};
  return (pp / pq * ${s1}(arg) ${op} 5.0 / x * (qp / qq) * ${s2}(arg)) * 0.7978845608028654 / m_sqrt(x);`;
}

const PIO4 = 0.7853981633974483;
const THPIO4 = 2.356194490192345;

/** Integer degree of the polynomials (C++'s int64 cast; NaN, ±inf and huge give a negative n). */
const DEGREE = `let n = select(-1, i32(trunc(nf)), abs(nf) < 2147483648.0);`;

/** A Chebyshev-type recurrence r = y2·q − p up to degree n from (1, q1). */
const recurrence = (y2: string, q1: string) => `var p = 1.0;
  var q = ${q1};
  var r = q;
  for (var k = 2; k <= n; k = k + 1) { r = ${y2} * q - p; p = q; q = r; }
  return r;`;

const LIB: Record<string, string> = {
  m_erfcx_y100: `var<private> m_erfcx_tab: array<f32, 700> = array<f32, 700>(${TB.ERFCX_Y100.map(lit).join(', ')});
fn m_erfcx_y100(y100: f32) -> f32 {
  if (!(y100 >= 0.0 && y100 < 100.0)) { return 1.0; }
  let k = i32(y100);
  let t = 2.0 * y100 - f32(2 * k + 1);
  let o = 7 * k;
  return m_erfcx_tab[o] + (m_erfcx_tab[o + 1] + (m_erfcx_tab[o + 2] + (m_erfcx_tab[o + 3] + (m_erfcx_tab[o + 4] + (m_erfcx_tab[o + 5] + m_erfcx_tab[o + 6] * t) * t) * t) * t) * t) * t;
}`,
  m_erfcx: `fn m_erfcx(x: f32) -> f32 {
  if (m_isnan(x)) { return x; }
  if (x >= 0.0) {
    if (x > 50.0) {
      if (x > 5e7) { return 0.5641895835477563 / x; }
      let xx = x * x;
      return 0.5641895835477563 * (xx * (xx + 4.5) + 2.0) / (x * (xx * (xx + 5.0) + 3.75));
    }
    return m_erfcx_y100(400.0 / (4.0 + x));
  }
  if (x < -26.7) { return m_inf(); }
  if (x < -6.1) { return 2.0 * m_exp(x * x); }
  return 2.0 * m_exp(x * x) - m_erfcx_y100(400.0 / (4.0 - x));
}`,
  // GPUs may flush subnormal operands to 0: zero is tested on the bits, and log reads a subnormal's bits.
  m_log_subnormal: `fn m_log_subnormal(y: f32) -> f32 {
  let bits = bitcast<u32>(y);
  if ((bits & 0x7f800000u) == 0u && (bits & 0x7fffffu) != 0u) { return m_log(f32(bits & 0x7fffffu)) - 103.27892990343185; }
  return m_log(y);
}`,
  m_ndtri: `fn m_ndtri(y0: f32) -> f32 {
  if ((bitcast<u32>(y0) & 0x7fffffffu) == 0u) { return -m_inf(); }
  if (y0 == 1.0) { return m_inf(); }
  if (y0 < 0.0 || y0 > 1.0) { return m_nan(); }
  if (m_isnan(y0)) { return y0; }
  var code = true;
  var y = y0;
  if (y > 1.0 - 0.1353352832366127) { y = 1.0 - y; code = false; }
  if (y > 0.1353352832366127) {
    y = y - 0.5;
    let y2 = y * y;
    let x = y + y * (y2 * ${horner('y2', TB.NDTRI_P0)} / ${horner('y2', TB.NDTRI_Q0)});
    return x * 2.5066282746310002;
  }
  let x = m_sqrt(-2.0 * m_log_subnormal(y));
  let x0 = x - m_log(x) / x;
  let z = 1.0 / x;
  var x1: f32;
  if (x < 8.0) { x1 = z * ${horner('z', TB.NDTRI_P1)} / ${horner('z', TB.NDTRI_Q1)}; }
  else { x1 = z * ${horner('z', TB.NDTRI_P2)} / ${horner('z', TB.NDTRI_Q2)}; }
  return select(x0 - x1, x1 - x0, code);
}`,
  // log1p without the (1 + v) − 1 correction, which a shader compiler may fold away
  // (SwiftShader does: log1p(1e-3) came out 5e-5 off): 2·atanh(v/(2 + v)) as its series for
  // |v| < 0.4, where |s| = |v/(2 + v)| is below 0.25 and seven terms reach float32 precision.
  m_log1p_sp: `fn m_log1p_sp(v: f32) -> f32 {
  if (!(abs(v) < 0.4)) { return m_log1p(v); }
  let s = v / (2.0 + v);
  let z = s * s;
  return 2.0 * s * (1.0 + z * (0.3333333333333333 + z * (0.2 + z * (0.14285714285714285 + z * (0.1111111111111111 + z * (0.09090909090909091 + z * 0.07692307692307693))))));
}`,
  m_log_ndtr: `fn m_log_ndtr(x: f32) -> f32 {
  let t = x * 0.7071067811865476;
  if (x < -1.0) { return m_log(m_erfcx(-t) / 2.0) - t * t; }
  return m_log1p_sp(-m_erfc(t) / 2.0);
}`,
  m_i0e: `fn m_i0e(x0: f32) -> f32 {
  let x = abs(x0);
  var c: f32;
  if (x <= 8.0) ${cheb('c', '(x / 2.0 - 2.0)', I0_A)} else ${cheb('c', '(32.0 / x - 2.0)', I0_B)}
  return select(c / m_sqrt(x), c, x <= 8.0);
}`,
  m_i1e: `fn m_i1e(x0: f32) -> f32 {
  let x = abs(x0);
  var c: f32;
  var out: f32;
  if (x <= 8.0) ${cheb('c', '(x / 2.0 - 2.0)', I1_A_F32)} else ${cheb('c', '(32.0 / x - 2.0)', I1_B_F32)}
  if (x <= 8.0) { out = c * x; } else { out = c / m_sqrt(x); }
  return select(out, -out, x0 < 0.0);
}`,
  m_entr: `fn m_entr(x: f32) -> f32 {
  if (m_isnan(x)) { return x; }
  if (x > 0.0) { return -x * m_log(x); }
  if (x == 0.0) { return 0.0; }
  return -m_inf();
}`,
  m_xlog1py: `fn m_xlog1py(x: f32, y: f32) -> f32 {
  if (m_isnan(y)) { return m_nan(); }
  if (x == 0.0) { return 0.0; }
  return x * m_log1p_sp(y);
}`,
  m_bessel_j0: `fn m_bessel_j0(x0: f32) -> f32 {
  let x = abs(x0);
  if (x <= 5.0) {
    if (x < 0.00001) { return 1.0 - x * x / 4.0; }
    let z = x * x;
    return (z - 5.783185962946784) * (z - 30.471262343662087) * ${horner('z', TB.J0_RP)} / ${horner('z', TB.J0_RQ)};
  }
  ${tail('J0', '25.0 / (x * x)', PIO4, false)}
}`,
  m_bessel_j1: `fn m_bessel_j1(x0: f32) -> f32 {
  let x = abs(x0);
  var out: f32;
  if (x <= 5.0) {
    let z = x * x;
    out = ${horner('z', TB.J1_RP)} / ${horner('z', TB.J1_RQ)} * x * (z - 14.681970642123893) * (z - 49.2184563216946);
  } else {
    out = m_bessel_j1_tail(x);
  }
  return select(out, -out, x0 < 0.0);
}
fn m_bessel_j1_tail(x: f32) -> f32 {
  ${tail('J1', '(5.0 / x) * (5.0 / x)', THPIO4, false)}
}`,
  m_bessel_y0: `fn m_bessel_y0(x: f32) -> f32 {
  if (x <= 5.0) {
    if (x == 0.0) { return -m_inf(); }
    if (x < 0.0) { return m_nan(); }
    let z = x * x;
    return ${horner('z', TB.Y0_YP)} / ${horner('z', TB.Y0_YQ)} + 0.6366197723675814 * m_log(x) * m_bessel_j0(x);
  }
  if (m_isnan(x)) { return x; }
  ${tail('Y0', '25.0 / (x * x)', PIO4, true)}
}`,
  m_bessel_y1: `fn m_bessel_y1(x: f32) -> f32 {
  if (x <= 5.0) {
    if (x == 0.0) { return -m_inf(); }
    if (x <= 0.0) { return m_nan(); }
    let z = x * x;
    return x * (${horner('z', TB.Y1_YP)} / ${horner('z', TB.Y1_YQ)}) + 0.6366197723675814 * (m_bessel_j1(x) * m_log(x) - 1.0 / x);
  }
  if (m_isnan(x)) { return x; }
  ${tail('Y1', '(5.0 / x) * (5.0 / x)', THPIO4, true)}
}`,
  m_mbessel_i1: `fn m_mbessel_i1(x0: f32) -> f32 {
  let x = abs(x0);
  var c: f32;
  var out: f32;
  if (x <= 8.0) ${cheb('c', '(x / 2.0 - 2.0)', TB.MI1_A)} else ${cheb('c', '(32.0 / x - 2.0)', TB.MI1_B)}
  if (x <= 8.0) { out = c * x * m_exp(x); } else { out = m_exp(x) * c / m_sqrt(x); }
  return select(out, -out, x0 < 0.0);
}`,
  m_mbessel_k0: `fn m_mbessel_k0(x: f32) -> f32 {
  if (x == 0.0) { return m_inf(); }
  if (x < 0.0) { return m_nan(); }
  var c: f32;
  if (x <= 2.0) ${cheb('c', '(x * x - 2.0)', TB.K0_A)} else ${cheb('c', '(8.0 / x - 2.0)', TB.K0_B)}
  if (x <= 2.0) { return c - m_log(0.5 * x) * m_i0(x); }
  return m_exp(-x) * c / m_sqrt(x);
}`,
  m_mbessel_k1: `fn m_mbessel_k1(x: f32) -> f32 {
  if (x == 0.0) { return m_inf(); }
  if (x < 0.0) { return m_nan(); }
  var c: f32;
  if (x <= 2.0) ${cheb('c', '(x * x - 2.0)', TB.K1_A)} else ${cheb('c', '(8.0 / x - 2.0)', TB.K1_B)}
  if (x <= 2.0) { return m_log(0.5 * x) * m_mbessel_i1(x) + c / x; }
  return m_exp(-x) * c / m_sqrt(x);
}`,
  m_smbessel_k0: `fn m_smbessel_k0(x: f32) -> f32 {
  if (x == 0.0) { return m_inf(); }
  if (x < 0.0) { return m_nan(); }
  var c: f32;
  if (x <= 2.0) ${cheb('c', '(x * x - 2.0)', TB.SK0_A)} else ${cheb('c', '(8.0 / x - 2.0)', TB.SK0_B)}
  if (x <= 2.0) { return (c - m_log(0.5 * x) * m_i0(x)) * m_exp(x); }
  return c / m_sqrt(x);
}`,
  m_smbessel_k1: `fn m_smbessel_k1(x: f32) -> f32 {
  if (x == 0.0) { return m_inf(); }
  if (x < 0.0) { return m_nan(); }
  var c: f32;
  if (x <= 2.0) ${cheb('c', '(x * x - 2.0)', TB.SK1_A)} else ${cheb('c', '(8.0 / x - 2.0)', TB.SK1_B)}
  if (x <= 2.0) { return (m_log(0.5 * x) * m_mbessel_i1(x) + c / x) * m_exp(x); }
  return c / m_sqrt(x);
}`,
  m_sph_j0: `fn m_sph_j0(x: f32) -> f32 {
  if (m_isinf(x)) { return 0.0; }
  if (abs(x) < 0.5) {
    let z = x * x;
    return 1.0 + z * (${lit(-1 / 6)} + z * (${lit(1 / 120)} + z * (${lit(-1 / 5040)} + z * (${lit(1 / 362880)} + z * (${lit(-1 / 39916800)} + z * ${lit(1 / 6227020800)})))));
  }
  return m_sin(x) / x;
}`,
  m_airy_ai: `fn m_airy_ai(x: f32) -> f32 {
  if (m_isinf(x)) { return m_nan(); }
  if (m_isnan(x)) { return x; }
  if (x > 103.892) { return 0.0; }
  if (x < -2.09) {
    let s = m_sqrt(-x);
    let zeta = -2.0 * x * s / 3.0;
    let z = 1.0 / zeta;
    let zz = z * z;
    let afn = ${horner('zz', TB.AIRY_AFN)};
    let afd = ${horner('zz', TB.AIRY_AFD)};
    let agn = ${horner('zz', TB.AIRY_AGN)};
    let agd = ${horner('zz', TB.AIRY_AGD)};
    let t = zeta + 0.7853981633974483;
    return 0.5641895835477563 / m_sqrt(s) * (m_sin(t) * (1.0 + zz * afn / afd) - m_cos(t) * (z * agn / agd));
  }
  if (x >= 2.09) {
    let zeta = 2.0 * x * m_sqrt(x) / 3.0;
    let iz = 1.0 / zeta;
    let an = ${horner('iz', TB.AIRY_AN)};
    let ad = ${horner('iz', TB.AIRY_AD)};
    return 0.5641895835477563 * (an / ad) / (2.0 * m_sqrt(m_sqrt(x)) * m_exp(zeta));
  }
  var f = 1.0; var g = x; var k = 1.0; var m = 1.0; var n = x; var t = 1.0;
  let z = x * x * x;
  for (var i = 0; i < 100 && t > 1.1920928955078125e-7; i = i + 1) {
    m = m * z; k = k + 1.0; m = m / k;
    n = n * z; k = k + 1.0; n = n / k;
    m = m / k; f = f + m;
    k = k + 1.0; n = n / k; g = g + n;
    t = abs(m / f);
  }
  return 0.3550280538878172 * f - 0.2588194037928068 * g;
}`,
  m_cheb_t: `fn m_cheb_t(x: f32, nf: f32) -> f32 {
  ${DEGREE}
  if (n < 0) { return 0.0; }
  if (abs(x) == 1.0) { return select(-1.0, 1.0, x > 0.0 || n % 2 == 0); }
  if (n > 6 && abs(x) < 1.0) { return m_cos(f32(n) * m_acos(x)); }
  if (n == 0) { return 1.0; }
  if (n == 1) { return x; }
  ${recurrence('(x + x)', 'x')}
}`,
  m_cheb_u: `fn m_cheb_u(x: f32, nf: f32) -> f32 {
  ${DEGREE}
  if (n < 0) { return 0.0; }
  if (abs(x) == 1.0) { return select(-f32(n + 1), f32(n + 1), x > 0.0 || n % 2 == 0); }
  if (n > 8 && abs(x) < 1.0) {
    let a = m_acos(x);
    if (m_sin(a) != 0.0) { return m_sin(f32(n + 1) * a) / m_sin(a); }
    return f32(n + 1) * m_cos(f32(n + 1) * a) / x;
  }
  if (n == 0) { return 1.0; }
  if (n == 1) { return x + x; }
  ${recurrence('(x + x)', '(x + x)')}
}`,
  m_cheb_v: `fn m_cheb_v(x: f32, nf: f32) -> f32 {
  ${DEGREE}
  if (n < 0) { return 0.0; }
  let odd = f32(n + n + 1);
  if (abs(x) == 1.0) { if (x > 0.0) { return 1.0; } return select(-odd, odd, n % 2 == 0); }
  if (n > 8 && abs(x) < 1.0) {
    let a = m_acos(x);
    if (m_sin(a / 2.0) != 1.0) { return m_cos((f32(n) + 0.5) * a) / m_cos(a / 2.0); }
    return select(-odd, odd, n % 2 == 0);
  }
  if (n == 0) { return 1.0; }
  if (n == 1) { return x + x - 1.0; }
  ${recurrence('(x + x)', '(x + x - 1.0)')}
}`,
  m_cheb_w: `fn m_cheb_w(x: f32, nf: f32) -> f32 {
  ${DEGREE}
  if (n < 0) { return 0.0; }
  let odd = f32(n + n + 1);
  if (abs(x) == 1.0) { if (x > 0.0) { return odd; } return select(-1.0, 1.0, n % 2 == 0); }
  if (n > 8 && abs(x) < 1.0) {
    let a = m_acos(x);
    if (m_cos(a / 2.0) != 1.0) { return m_sin((f32(n) + 0.5) * a) / m_sin(a / 2.0); }
    if (x > 0.0) { return odd; }
    return select(-1.0, 1.0, n % 2 == 0);
  }
  if (n == 0) { return 1.0; }
  if (n == 1) { return x + x + 1.0; }
  ${recurrence('(x + x)', '(x + x + 1.0)')}
}`,
  m_scheb_t: `fn m_scheb_t(x: f32, nf: f32) -> f32 {
  ${DEGREE}
  if (n < 0) { return 0.0; }
  if (x == 1.0) { return 1.0; }
  if (x == 0.0) { return select(-1.0, 1.0, n % 2 == 0); }
  let u = x + x - 1.0;
  if (n > 6 && abs(u) < 1.0) { return m_cos(f32(n) * m_acos(u)); }
  if (n == 0) { return 1.0; }
  if (n == 1) { return u; }
  ${recurrence('(u + u)', 'u')}
}`,
  m_scheb_u: `fn m_scheb_u(x: f32, nf: f32) -> f32 {
  ${DEGREE}
  if (n < 0) { return 0.0; }
  if (x == 1.0) { return f32(n + 1); }
  if (x == 0.0) { return select(-f32(n + 1), f32(n + 1), n % 2 == 0); }
  let u = x + x - 1.0;
  if (n > 6 && abs(u) < 1.0) {
    let a = m_acos(u);
    if (m_sin(a) != 0.0) { return m_sin(f32(n + 1) * a) / m_sin(a); }
    return f32(n + 1) * m_cos(f32(n + 1) * a) / u;
  }
  if (n == 0) { return 1.0; }
  if (n == 1) { return u + u; }
  ${recurrence('(u + u)', '(u + u)')}
}`,
  m_scheb_v: `fn m_scheb_v(x: f32, nf: f32) -> f32 {
  ${DEGREE}
  if (n < 0) { return 0.0; }
  let odd = f32(n + n + 1);
  if (x == 1.0) { return 1.0; }
  if (x == 0.0) { return select(-odd, odd, n % 2 == 0); }
  let u = x + x - 1.0;
  if (n > 6 && abs(u) < 1.0) {
    let a = m_acos(u);
    if (m_sin(a / 2.0) != 1.0) { return m_cos((f32(n) + 0.5) * a) / m_cos(a / 2.0); }
    return select(-odd, odd, n % 2 == 0);
  }
  if (n == 0) { return 1.0; }
  if (n == 1) { return u + u - 1.0; }
  ${recurrence('(u + u)', '(u + u - 1.0)')}
}`,
  m_scheb_w: `fn m_scheb_w(x: f32, nf: f32) -> f32 {
  ${DEGREE}
  if (n < 0) { return 0.0; }
  if (x == 1.0) { return f32(n + n + 1); }
  if (x == 0.0) { return select(-1.0, 1.0, n % 2 == 0); }
  let u = x + x - 1.0;
  if (n > 4 && abs(u) < 1.0) {
    let a = m_acos(u);
    if (m_cos(a / 2.0) != 1.0) { return m_sin((f32(n) + 0.5) * a) / m_sin(a / 2.0); }
    return select(-1.0, 1.0, n % 2 == 0);
  }
  if (n == 0) { return 1.0; }
  if (n == 1) { return u + u + 1.0; }
  ${recurrence('(u + u)', '(u + u + 1.0)')}
}`,
  m_hermite_h: `fn m_hermite_h(x: f32, nf: f32) -> f32 {
  ${DEGREE}
  if (n < 0) { return 0.0; }
  if (n == 0) { return 1.0; }
  if (n == 1) { return x + x; }
  var p = 1.0;
  var q = x + x;
  var r = q;
  for (var k = 2; k < n + n; k = k + 2) { r = (x + x) * q - f32(k) * p; p = q; q = r; }
  return r;
}`,
  m_hermite_he: `fn m_hermite_he(x: f32, nf: f32) -> f32 {
  ${DEGREE}
  if (n < 0) { return 0.0; }
  if (n == 0) { return 1.0; }
  if (n == 1) { return x; }
  var p = 1.0;
  var q = x;
  var r = q;
  for (var k = 1; k < n; k = k + 1) { r = x * q - f32(k) * p; p = q; q = r; }
  return r;
}`,
  m_laguerre_l: `fn m_laguerre_l(x: f32, nf: f32) -> f32 {
  ${DEGREE}
  if (n < 0) { return 0.0; }
  if (x == 0.0 || n == 0) { return 1.0; }
  if (n == 1) { return 1.0 - x; }
  var p = 1.0;
  var q = 1.0 - x;
  var r = q;
  for (var k = 1; k < n; k = k + 1) { r = ((f32(k + k) + (1.0 - x)) * q - f32(k) * p) / f32(k + 1); p = q; q = r; }
  return r;
}`,
  m_legendre_p: `fn m_legendre_p(x: f32, nf: f32) -> f32 {
  ${DEGREE}
  if (n < 0) { return 0.0; }
  if (abs(x) == 1.0) { return select(-1.0, 1.0, x > 0.0 || n % 2 == 0); }
  if (n == 0) { return 1.0; }
  if (n == 1) { return x; }
  var p = 1.0;
  var q = x;
  var r = q;
  for (var k = 1; k < n; k = k + 1) { r = (f32(k + k + 1) * x * q - f32(k) * p) / f32(k + 1); p = q; q = r; }
  return r;
}`,
};
addLibrary(LIB);

/** The unary special ops' WGSL (float32; integers compute in float32 and convert, as on the CPU). */
export const SPECIAL_UNARY_WGSL: Record<Exclude<UnaryOp, keyof typeof UNARY>, UnaryWgsl> = {
  erfcx: { f: 'm_erfcx(x)' },
  ndtri: { f: 'm_ndtri(x)' },
  logNdtr: { f: 'm_log_ndtr(x)' },
  i0e: { f: 'm_i0e(x)' },
  i1e: { f: 'm_i1e(x)' },
  entr: { f: 'm_entr(x)' },
  besselJ0: { f: 'm_bessel_j0(x)' },
  besselJ1: { f: 'm_bessel_j1(x)' },
  besselY0: { f: 'm_bessel_y0(x)' },
  besselY1: { f: 'm_bessel_y1(x)' },
  modifiedBesselI0: { f: 'm_i0(x)' },
  modifiedBesselI1: { f: 'm_mbessel_i1(x)' },
  modifiedBesselK0: { f: 'm_mbessel_k0(x)' },
  modifiedBesselK1: { f: 'm_mbessel_k1(x)' },
  scaledModifiedBesselK0: { f: 'm_smbessel_k0(x)' },
  scaledModifiedBesselK1: { f: 'm_smbessel_k1(x)' },
  sphericalBesselJ0: { f: 'm_sph_j0(x)' },
  airyAi: { f: 'm_airy_ai(x)' },
};

/** The binary special ops' WGSL. */
export const SPECIAL_BINARY_WGSL: Record<Exclude<BinaryOp, keyof typeof BINARY>, OpWgsl> = {
  xlog1py: { f: 'm_xlog1py(a, b)' },
  zeta: { f: 'm_zeta(a, b)' },
  chebyshevPolynomialT: { f: 'm_cheb_t(a, b)' },
  chebyshevPolynomialU: { f: 'm_cheb_u(a, b)' },
  chebyshevPolynomialV: { f: 'm_cheb_v(a, b)' },
  chebyshevPolynomialW: { f: 'm_cheb_w(a, b)' },
  shiftedChebyshevPolynomialT: { f: 'm_scheb_t(a, b)' },
  shiftedChebyshevPolynomialU: { f: 'm_scheb_u(a, b)' },
  shiftedChebyshevPolynomialV: { f: 'm_scheb_v(a, b)' },
  shiftedChebyshevPolynomialW: { f: 'm_scheb_w(a, b)' },
  hermitePolynomialH: { f: 'm_hermite_h(a, b)' },
  hermitePolynomialHe: { f: 'm_hermite_he(a, b)' },
  laguerrePolynomialL: { f: 'm_laguerre_l(a, b)' },
  legendrePolynomialP: { f: 'm_legendre_p(a, b)' },
};
