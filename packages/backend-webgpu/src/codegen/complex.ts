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
  // 1/z as PyTorch's vectorized reciprocal: (x − iy)/(x² + y²)
  m_c_recip: `fn m_c_recip(z: vec2<f32>) -> vec2<f32> { let d = z.x * z.x + z.y * z.y; return vec2<f32>(m_fdiv(z.x, d), m_fdiv(-z.y, d)); }`,
  m_c_abs: `fn m_c_abs(z: vec2<f32>) -> f32 {
  if (m_isinf(z.x) || m_isinf(z.y)) { return m_inf(); }
  if (m_isnan(z.x) || m_isnan(z.y)) { return m_nan(); }
  return m_hypot(z.x, z.y);
}`,
  m_c_sgn: `fn m_c_sgn(z: vec2<f32>) -> vec2<f32> { let a = m_c_abs(z); if (a == 0.0) { return vec2<f32>(0.0, 0.0); } return vec2<f32>(z.x / a, z.y / a); }`,
  m_c_nz: `fn m_c_nz(z: vec2<f32>) -> bool { return !(z.x == 0.0) || !(z.y == 0.0); }`,
});

/** Unary ops with a complex kernel (core's COMPLEX_UNARY_OPS). */
export const COMPLEX_UNARY_WGSL: Partial<Record<UnaryOp, ComplexWgsl>> = {
  neg: { e: '-z' },
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
  throw new Error(`antorcha webgpu backend: complex pow by ${p} has no kernel yet`);
}
