/**
 * complex64 in WGSL: a value is a `vec2<f32>` (re, im). The library functions (`m_c_*`,
 * added to codegen/math.ts's library so shaders include only what they use) follow the CPU
 * backend's complex kernels (backend-cpu `complex/cmath.ts`): PyTorch's formulas, principal
 * branches and C99 Annex G special values, in float32 on the library's accurate scalar
 * functions. Expressions read `z` (unary) or `a`, `b` (binary), and `p` (a scalar exponent).
 */
import type { BinaryOp, UnaryOp } from '@antorcha/core';
import { addLibrary } from './math.js';

/** A complex op's WGSL: `e` gives a `vec2<f32>`, or a WGSL bool when `pred`. */
export interface ComplexWgsl {
  e: string;
  pred?: boolean;
}

addLibrary({
  // a·b, each product and sum rounded in float32 as c10::complex<float>'s operator*
  m_c_mul: `fn m_c_mul(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return vec2<f32>(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x); }`,
  // a/b as c10::complex's operator/= (scaled division; 0/0 gives a complex inf or NaN)
  m_c_div: `fn m_c_div(n: vec2<f32>, d: vec2<f32>) -> vec2<f32> {
  let ac = abs(d.x); let ad = abs(d.y);
  if (ac >= ad) {
    if (ac == 0.0 && ad == 0.0) { return vec2<f32>(m_fdiv(n.x, ac), m_fdiv(n.y, ad)); }
    let rat = d.y / d.x; let scl = 1.0 / (d.x + d.y * rat);
    return vec2<f32>((n.x + n.y * rat) * scl, (n.y - n.x * rat) * scl);
  }
  let rat = d.x / d.y; let scl = 1.0 / (d.y + d.x * rat);
  return vec2<f32>((n.x * rat + n.y) * scl, (n.y * rat - n.x) * scl);
}`,
  // x/y with IEEE's division by zero (WGSL leaves it to the implementation)
  m_fdiv: `fn m_fdiv(x: f32, y: f32) -> f32 {
  if (y == 0.0) { if (x == 0.0 || m_isnan(x)) { return m_nan(); } return m_copysign(m_inf(), select(x, -x, m_signbit(y))); }
  return x / y;
}`,
  // 1/z as PyTorch's vectorized reciprocal: (x − iy)/(x² + y²); a finite z too small or large for
  // x² + y² in float32 is scaled by a power of two first (GPUs flush the subnormals CPUs keep)
  m_c_recip: `fn m_c_recip(z: vec2<f32>) -> vec2<f32> {
  let s = max(abs(z.x), abs(z.y));
  if (s > 0.0 && m_isfinite(s) && (s < 8.673617379884035e-19 || s > 1.152921504606847e18)) {
    let k = m_pow2(-i32(floor(log2(s))));
    let w = z * k;
    let d = w.x * w.x + w.y * w.y;
    return vec2<f32>(w.x / d, -w.y / d) * k;
  }
  let d = z.x * z.x + z.y * z.y;
  return vec2<f32>(m_fdiv(z.x, d), m_fdiv(-z.y, d));
}`,
  m_c_abs: `fn m_c_abs(z: vec2<f32>) -> f32 {
  if (m_isinf(z.x) || m_isinf(z.y)) { return m_inf(); }
  if (m_isnan(z.x) || m_isnan(z.y)) { return m_nan(); }
  return m_hypot(z.x, z.y);
}`,
  m_c_sgn: `fn m_c_sgn(z: vec2<f32>) -> vec2<f32> { let a = m_c_abs(z); if (a == 0.0) { return vec2<f32>(0.0, 0.0); } return vec2<f32>(z.x / a, z.y / a); }`,
  // 1/(1 + e^−z)
  m_c_sigmoid: `fn m_c_sigmoid(z: vec2<f32>) -> vec2<f32> { let e = m_c_exp(-z); return m_c_recip(vec2<f32>(1.0 + e.x, e.y)); }`,
  m_c_nz: `fn m_c_nz(z: vec2<f32>) -> bool { return !(z.x == 0.0) || !(z.y == 0.0); }`,
  m_negzero: `fn m_negzero() -> f32 { var u = 0x80000000u; return bitcast<f32>(u); }`,
  // e^z as PyTorch's vectorized kernel: e^x·cos y + i·e^x·sin y, no special-value handling
  m_c_exp: `fn m_c_exp(z: vec2<f32>) -> vec2<f32> { let e = m_exp(z.x); let sc = m_sincos(z.y); return vec2<f32>(e * sc.y, e * sc.x); }`,
  // e^z with C99 Annex G special values (glibc's cexp, which std::pow reaches)
  m_c_expg: `fn m_c_expg(z: vec2<f32>) -> vec2<f32> {
  if (z.y == 0.0) { return vec2<f32>(m_exp(z.x), z.y); }
  if (m_isinf(z.x) && !m_isfinite(z.y)) { if (z.x < 0.0) { return vec2<f32>(0.0, 0.0); } return vec2<f32>(m_inf(), m_nan()); }
  return m_c_exp(z);
}`,
  // principal log: log|z| + i·arg z; near |z| = 1, log|z| as ½·log1p((x − 1)(x + 1) + y²), which keeps the digits log(hypot) rounds away
  m_c_log: `fn m_c_log(z: vec2<f32>) -> vec2<f32> {
  let r2 = z.x * z.x + z.y * z.y;
  var re: f32;
  if (r2 > 0.5 && r2 < 2.0) { re = 0.5 * m_log1p((z.x - 1.0) * (z.x + 1.0) + z.y * z.y); } else { re = m_log(m_c_abs(z)); }
  return vec2<f32>(re, m_atan2(z.y, z.x));
}`,
  // log(1 + z), accurate for small |z|
  m_c_log1p: `fn m_c_log1p(z: vec2<f32>) -> vec2<f32> {
  if (abs(z.x) < 0.5 && abs(z.y) < 0.5) { return vec2<f32>(0.5 * m_log1p(z.x * (2.0 + z.x) + z.y * z.y), m_atan2(z.y, 1.0 + z.x)); }
  return m_c_log(vec2<f32>(1.0 + z.x, z.y));
}`,
  // e^z − 1, accurate for small |z|
  m_c_expm1: `fn m_c_expm1(z: vec2<f32>) -> vec2<f32> {
  if (z.y == 0.0) { return vec2<f32>(m_expm1(z.x), z.y); }
  let s = m_sin(0.5 * z.y);
  let sc = m_sincos(z.y);
  return vec2<f32>(m_expm1(z.x) * sc.y - 2.0 * s * s, m_exp(z.x) * sc.x);
}`,
  // principal square root (Kahan; the cut along the negative reals keeps im's sign), Annex G's infinities
  m_c_sqrt: `fn m_c_sqrt(z: vec2<f32>) -> vec2<f32> {
  let x = z.x; let y = z.y;
  if (m_isinf(y)) { return vec2<f32>(m_inf(), y); }
  if (m_isnan(x) || m_isnan(y)) {
    if (m_isinf(x) && x > 0.0) { return vec2<f32>(x, m_nan()); }
    if (m_isinf(x)) { return vec2<f32>(m_nan(), -m_inf()); }
    return vec2<f32>(m_nan(), m_nan());
  }
  if (m_isinf(x)) {
    if (x < 0.0) { return vec2<f32>(0.0, m_copysign(m_inf(), y)); }
    return vec2<f32>(x, m_copysign(0.0, y));
  }
  if (x == 0.0 && y == 0.0) { return vec2<f32>(0.0, y); }
  let big = abs(x) > 1e37 || abs(y) > 1e37;
  let sx = select(x, 0.25 * x, big); let sy = select(y, 0.25 * y, big);
  let t = sqrt(0.5 * (abs(sx) + m_hypot(sx, sy))) * select(1.0, 2.0, big);
  if (x >= 0.0) { return vec2<f32>(t, y / (2.0 * t)); }
  return vec2<f32>(abs(y) / (2.0 * t), m_copysign(t, y));
}`,
  // sinh z with C99 Annex G special values (glibc's csinh)
  m_c_sinh: `fn m_c_sinh(z: vec2<f32>) -> vec2<f32> {
  let x = z.x; let y = z.y;
  if (m_isfinite(x) && m_isfinite(y)) {
    if (y == 0.0) { return vec2<f32>(m_sinh(x), y); }
    let sc = m_sincos(y);
    return vec2<f32>(m_sinh(x) * sc.y, m_cosh(x) * sc.x);
  }
  if (x == 0.0) { return vec2<f32>(x, m_nan()); }
  if (m_isinf(x)) {
    if (y == 0.0) { return vec2<f32>(x, y); }
    if (m_isfinite(y)) { let sc = m_sincos(y); return vec2<f32>(x * sc.y, m_inf() * sc.x); }
    return vec2<f32>(x, m_nan());
  }
  if (m_isnan(x) && y == 0.0) { return vec2<f32>(m_nan(), y); }
  return vec2<f32>(m_nan(), m_nan());
}`,
  // cosh z with C99 Annex G special values (glibc's ccosh)
  m_c_cosh: `fn m_c_cosh(z: vec2<f32>) -> vec2<f32> {
  let x = z.x; let y = z.y;
  if (m_isfinite(x) && m_isfinite(y)) {
    if (y == 0.0) {
      if (x == 0.0) { return vec2<f32>(1.0, select(0.0, m_negzero(), m_signbit(x) != m_signbit(y))); }
      return vec2<f32>(m_cosh(x), m_sinh(x) * y);
    }
    let sc = m_sincos(y);
    return vec2<f32>(m_cosh(x) * sc.y, m_sinh(x) * sc.x);
  }
  if (x == 0.0) { return vec2<f32>(m_nan(), 0.0); }
  if (m_isinf(x)) {
    if (y == 0.0) { return vec2<f32>(m_inf(), select(0.0, m_negzero(), (x < 0.0) != m_signbit(y))); }
    if (m_isfinite(y)) { let sc = m_sincos(y); return vec2<f32>(m_inf() * sc.y, x * sc.x); }
    return vec2<f32>(m_inf(), m_nan());
  }
  if (m_isnan(x) && y == 0.0) { return vec2<f32>(m_nan(), 0.0); }
  return vec2<f32>(m_nan(), m_nan());
}`,
  // tanh z (Kahan's formula, as glibc; saturates for large |re|)
  m_c_tanh: `fn m_c_tanh(z: vec2<f32>) -> vec2<f32> {
  let x = z.x; let y = z.y;
  if (!m_isfinite(x)) {
    if (m_isnan(x)) { return vec2<f32>(m_nan(), select(m_nan(), y, y == 0.0)); }
    var im = 0.0;
    if (m_isfinite(y)) { let s2 = m_sin(2.0 * y); if (s2 < 0.0 || (s2 == 0.0 && y < 0.0)) { im = m_negzero(); } }
    return vec2<f32>(m_copysign(1.0, x), im);
  }
  if (!m_isfinite(y)) { return vec2<f32>(select(m_nan(), x, x == 0.0), m_nan()); }
  if (y == 0.0) { return vec2<f32>(m_tanh(x), y); }
  if (abs(x) > 9.0) {
    let sc = m_sincos(y);
    return vec2<f32>(m_copysign(1.0, x), 4.0 * sc.x * sc.y * m_exp(-2.0 * abs(x)));
  }
  let t = m_tan(y);
  let beta = 1.0 + t * t;
  let s = m_sinh(x);
  let rho = sqrt(1.0 + s * s);
  let den = 1.0 + beta * s * s;
  return vec2<f32>((beta * rho * s) / den, t / den);
}`,
  // sin z = −i·sinh(i·z), cos z = cosh(i·z), tan z = −i·tanh(i·z)
  m_c_sin: `fn m_c_sin(z: vec2<f32>) -> vec2<f32> { let r = m_c_sinh(vec2<f32>(-z.y, z.x)); return vec2<f32>(r.y, -r.x); }`,
  m_c_cos: `fn m_c_cos(z: vec2<f32>) -> vec2<f32> { return m_c_cosh(vec2<f32>(-z.y, z.x)); }`,
  m_c_tan: `fn m_c_tan(z: vec2<f32>) -> vec2<f32> { let r = m_c_tanh(vec2<f32>(-z.y, z.x)); return vec2<f32>(r.y, -r.x); }`,
  // asinh z = log(z + √(z² + 1)) on the right half-plane (asinh is odd), Annex G's infinities
  m_c_asinh: `fn m_c_asinh(z: vec2<f32>) -> vec2<f32> {
  let x = z.x; let y = z.y;
  if (!m_isfinite(x) || !m_isfinite(y)) {
    let xi = m_isinf(x); let yi = m_isinf(y);
    if (xi || yi) {
      var re = x;
      if (!xi) { re = select(m_inf(), -m_inf(), !m_isnan(x) && m_signbit(x)); }
      var im: f32;
      if (m_isnan(x) || m_isnan(y)) { im = m_nan(); }
      else if (xi && yi) { im = m_copysign(0.7853981633974483, y); }
      else if (yi) { im = m_copysign(1.5707963267948966, y); }
      else { im = m_copysign(0.0, y); }
      return vec2<f32>(re, im);
    }
    return vec2<f32>(m_nan(), select(m_nan(), y, y == 0.0));
  }
  let neg = m_signbit(x);
  let w = select(z, -z, neg);
  var r: vec2<f32>;
  if (abs(w.x) < 1e-4 && abs(w.y) < 1e-4) { r = w; }
  else if (w.x < 0.5 && abs(w.y) < 0.5) {
    // small |z|: asinh z = log1p(z + z²/(1 + √(1 + z²))), free of the cancellation in log(z + …)
    let zz = vec2<f32>(w.x * w.x - w.y * w.y, 2.0 * w.x * w.y);
    let s = m_c_sqrt(vec2<f32>(1.0 + zz.x, zz.y));
    let q = m_c_div(zz, vec2<f32>(1.0 + s.x, s.y));
    r = m_c_log1p(w + q);
  } else {
    // √(z² + 1) = √((z + i)(z − i)) keeps precision near ±i
    let s = m_c_mul(m_c_sqrt(vec2<f32>(w.x, w.y + 1.0)), m_c_sqrt(vec2<f32>(w.x, w.y - 1.0)));
    r = m_c_log(w + s);
  }
  return select(r, -r, neg);
}`,
  // asin z = −i·log(iz + √(1 − z²)), PyTorch's formula and so its special values; for finite z
  // Kahan's atan2(x, re(√(1−z)·√(1+z))) + i·asinh(im(conj(√(1−z))·√(1+z))), free of the formula's
  // cancellations (near 0, and between iz and the root for large |z|)
  m_c_asin: `fn m_c_asin(z: vec2<f32>) -> vec2<f32> {
  let x = z.x; let y = z.y;
  if (!m_isfinite(x) || !m_isfinite(y)) {
    let s = m_c_sqrt(vec2<f32>(1.0 - (x * x - y * y), -(2.0 * (x * y))));
    let l = m_c_log(vec2<f32>(-y + s.x, x + s.y));
    return vec2<f32>(l.y, -l.x);
  }
  let a = m_c_sqrt(vec2<f32>(1.0 - x, -y));
  let b = m_c_sqrt(vec2<f32>(1.0 + x, y));
  return vec2<f32>(m_atan2(x, a.x * b.x - a.y * b.y), m_asinh(a.x * b.y - a.y * b.x));
}`,
  // acos z (glibc's cacosf, which PyTorch's complex64 kernel maps): Kahan's
  // 2·atan2(re √(1−z), re √(1+z)) + i·asinh(im(conj(√(1+z))·√(1−z))), Annex G's infinities
  m_c_acos: `fn m_c_acos(z: vec2<f32>) -> vec2<f32> {
  let x = z.x; let y = z.y;
  if (!m_isfinite(x) || !m_isfinite(y)) {
    let xi = m_isinf(x); let yi = m_isinf(y);
    if (yi) {
      var re = 1.5707963267948966;
      if (m_isnan(x)) { re = m_nan(); } else if (xi && x > 0.0) { re = 0.7853981633974483; } else if (xi) { re = 2.356194490192345; }
      return vec2<f32>(re, select(m_inf(), -m_inf(), y > 0.0));
    }
    if (xi) {
      if (m_isnan(y)) { return vec2<f32>(m_nan(), m_inf()); }
      return vec2<f32>(select(3.141592653589793, 0.0, x > 0.0), select(-m_inf(), m_inf(), m_signbit(y)));
    }
    return vec2<f32>(m_nan(), m_nan());
  }
  let a = m_c_sqrt(vec2<f32>(1.0 + x, y));
  let b = m_c_sqrt(vec2<f32>(1.0 - x, -y));
  return vec2<f32>(2.0 * m_atan2(b.x, a.x), m_asinh(a.x * b.y - a.y * b.x));
}`,
  // acosh z = 2·log(√((z+1)/2) + √((z−1)/2)) (Kahan)
  m_c_acosh: `fn m_c_acosh(z: vec2<f32>) -> vec2<f32> {
  let a = m_c_sqrt(vec2<f32>(z.x + 1.0, z.y));
  let b = m_c_sqrt(vec2<f32>(z.x - 1.0, z.y));
  return vec2<f32>(m_asinh(a.x * b.x + a.y * b.y), 2.0 * m_atan2(b.y, a.x));
}`,
  // atanh z = (log1p(z) − log1p(−z))/2, Annex G's infinities
  m_c_atanh: `fn m_c_atanh(z: vec2<f32>) -> vec2<f32> {
  let x = z.x; let y = z.y;
  if (!m_isfinite(x) || !m_isfinite(y)) {
    let re = select(0.0, m_negzero(), m_signbit(x));
    if (m_isinf(y)) { return vec2<f32>(re, m_copysign(1.5707963267948966, y)); }
    if (m_isinf(x)) { return vec2<f32>(re, select(m_copysign(1.5707963267948966, y), m_nan(), m_isnan(y))); }
    return vec2<f32>(m_nan(), m_nan());
  }
  let ax = abs(x);
  let re = 0.25 * m_log1p(m_fdiv(4.0 * ax, (1.0 - ax) * (1.0 - ax) + y * y));
  return vec2<f32>(m_copysign(re, x), 0.5 * m_atan2(2.0 * y, (1.0 - x) * (1.0 + x) - y * y));
}`,
  // atan z = (i/2)·log((i + z)/(i − z)), PyTorch's vectorized formula (plain quotient) and so its
  // special values; for finite z as −i·atanh(iz), free of the formula's cancellation near 0
  m_c_atan: `fn m_c_atan(z: vec2<f32>) -> vec2<f32> {
  if (m_isfinite(z.x) && m_isfinite(z.y)) { let t = m_c_atanh(vec2<f32>(-z.y, z.x)); return vec2<f32>(t.y, -t.x); }
  let a = 0.0 + z.x; let b = 1.0 + z.y; let c = 0.0 - z.x; let d = 1.0 - z.y;
  let den = c * c + d * d;
  let l = m_c_log(vec2<f32>(m_fdiv(a * c + b * d, den), m_fdiv(a * -d + b * c, den)));
  return vec2<f32>(-0.5 * l.y, 0.5 * l.x);
}`,
  // z^w = e^{w·log z} (glibc's cpow, which PyTorch's pow kernel maps)
  m_c_pow: `fn m_c_pow(z: vec2<f32>, w: vec2<f32>) -> vec2<f32> {
  let l = m_c_log(z);
  return m_c_expg(vec2<f32>(w.x * l.x - w.y * l.y, w.x * l.y + w.y * l.x));
}`,
});

/** Unary ops with a complex kernel (core's COMPLEX_UNARY_OPS). */
export const COMPLEX_UNARY_WGSL: Partial<Record<UnaryOp, ComplexWgsl>> = {
  neg: { e: '-z' },
  exp: { e: 'm_c_exp(z)' },
  exp2: { e: 'm_c_exp(z * 0.6931471805599453)' },
  expm1: { e: 'm_c_expm1(z)' },
  log: { e: 'm_c_log(z)' },
  log1p: { e: 'm_c_log1p(z)' },
  log2: { e: 'm_c_log(z) * 1.4426950408889634' },
  log10: { e: 'm_c_log(z) * 0.4342944819032518' },
  sqrt: { e: 'm_c_sqrt(z)' },
  rsqrt: { e: 'm_c_recip(m_c_sqrt(z))' },
  sin: { e: 'm_c_sin(z)' },
  cos: { e: 'm_c_cos(z)' },
  tan: { e: 'm_c_tan(z)' },
  asin: { e: 'm_c_asin(z)' },
  acos: { e: 'm_c_acos(z)' },
  atan: { e: 'm_c_atan(z)' },
  sinh: { e: 'm_c_sinh(z)' },
  cosh: { e: 'm_c_cosh(z)' },
  tanh: { e: 'm_c_tanh(z)' },
  asinh: { e: 'm_c_asinh(z)' },
  acosh: { e: 'm_c_acosh(z)' },
  atanh: { e: 'm_c_atanh(z)' },
  sigmoid: { e: 'm_c_sigmoid(z)' },
  reciprocal: { e: 'm_c_recip(z)' },
  square: { e: 'm_c_mul(z, z)' },
  abs: { e: 'vec2<f32>(m_c_abs(z), 0.0)' },
  // `sign` reaches a complex kernel only from torch.sgn: z/|z|, 0 at 0
  sign: { e: 'm_c_sgn(z)' },
  isnan: { e: 'm_isnan(z.x) || m_isnan(z.y)', pred: true },
  isinf: { e: 'm_isinf(z.x) || m_isinf(z.y)', pred: true },
  isfinite: { e: 'm_isfinite(z.x) && m_isfinite(z.y)', pred: true },
  logicalNot: { e: '!m_c_nz(z)', pred: true },
};

/** Binary ops with a complex kernel (core's COMPLEX_BINARY_OPS). */
export const COMPLEX_BINARY_WGSL: Partial<Record<BinaryOp, ComplexWgsl>> = {
  add: { e: 'a + b' },
  sub: { e: 'a - b' },
  mul: { e: 'm_c_mul(a, b)' },
  div: { e: 'm_c_div(a, b)' },
  pow: { e: 'm_c_pow(a, b)' },
  eq: { e: 'a.x == b.x && a.y == b.y', pred: true },
  ne: { e: '!(a.x == b.x && a.y == b.y)', pred: true },
  logicalAnd: { e: 'm_c_nz(a) && m_c_nz(b)', pred: true },
  logicalOr: { e: 'm_c_nz(a) || m_c_nz(b)', pred: true },
  logicalXor: { e: 'm_c_nz(a) != m_c_nz(b)', pred: true },
};

/**
 * `pow(z, p)` for a number exponent, with the specialisations of PyTorch's pow_tensor_scalar
 * kernels (½ → sqrt, −½ → rsqrt, −1 → reciprocal, 2, 3, −2 by multiplication); `key` names
 * the expression for the pipeline cache.
 */
export function complexPowScalar(p: number): { key: string; e: string } {
  if (p === 0) return { key: '0', e: 'vec2<f32>(1.0, 0.0)' };
  if (p === -1) return { key: 'm1', e: 'm_c_recip(z)' };
  if (p === 2) return { key: '2', e: 'm_c_mul(z, z)' };
  if (p === 3) return { key: '3', e: 'm_c_mul(m_c_mul(z, z), z)' };
  if (p === -2) return { key: 'm2', e: 'm_c_div(vec2<f32>(1.0, 0.0), m_c_mul(z, z))' };
  if (p === 0.5) return { key: 'h', e: 'm_c_sqrt(z)' };
  if (p === -0.5) return { key: 'mh', e: 'm_c_recip(m_c_sqrt(z))' };
  return { key: 'p', e: 'm_c_pow(z, vec2<f32>(p, 0.0))' };
}
