/**
 * One description per op: the WGSL expression of every elementwise op, per kind
 * of compute type. Kernels are generated from these tables (dtype and rank are
 * template parameters), so no op is written out per dtype or rank.
 *
 * Expressions read the operand(s) `x` (unary) or `a`, `b` (binary) in the compute
 * type, and the parameters `p`, `q` (f32). `f` is float32 semantics; `i` is int32
 * (and int64, held in 32 bits); `u` is uint8 (values 0..255, results must wrap);
 * `bool` overrides `u` for bool. An op without an integer expression computes in
 * float32 and converts back, as the CPU backend does.
 */
import type { BinaryOp, UnaryOp } from '@antorcha/core';
import { SPECIAL_BINARY_WGSL, SPECIAL_UNARY_WGSL } from './special.js';

/** WGSL expressions of one elementwise op. */
export interface OpWgsl {
  /** float32 expression. */
  f: string;
  /** int32/int64 (i32) expression. */
  i?: string;
  /** uint8 (u32, wrapping mod 256) expression; also bool's unless `bool` is given. */
  u?: string;
  /** bool (u32 0/1) expression. */
  bool?: string;
  /** The expression is a WGSL bool (written as a bool tensor) whatever the compute dtype. */
  boolOut?: boolean;
}

/** A unary op's expressions and parameter defaults. */
export interface UnaryWgsl extends OpWgsl {
  /** Default of `p` (params.a). */
  pa?: number;
  /** Default of `q` (params.b). */
  pb?: number;
}

const ident: Pick<OpWgsl, 'i' | 'u'> = { i: 'x', u: 'x' };

/** Every unary op, PyTorch's semantics (see the CPU backend's UNARY table). */
export const UNARY_WGSL: Record<UnaryOp, UnaryWgsl> = {
  neg: { f: '-x', i: '-x', u: '((0u - x) & 255u)' },
  exp: { f: 'm_exp(x)' },
  expm1: { f: 'm_expm1(x)' },
  log: { f: 'm_log(x)' },
  log1p: { f: 'm_log1p(x)' },
  log2: { f: '(m_log(x) * 1.4426950408889634)' },
  log10: { f: '(m_log(x) * 0.4342944819032518)' },
  sqrt: { f: 'm_sqrt(x)' },
  rsqrt: { f: 'm_rsqrt(x)' },
  abs: { f: 'abs(x)', i: 'select(x, -x, x < 0)', u: 'x' },
  sign: { f: 'select(select(0.0, -1.0, x < 0.0), 1.0, x > 0.0)', i: 'select(select(0, -1, x < 0), 1, x > 0)', u: 'select(0u, 1u, x > 0u)' },
  sin: { f: 'm_sin(x)' },
  cos: { f: 'm_cos(x)' },
  tan: { f: 'm_tan(x)' },
  asin: { f: 'm_asin(x)' },
  acos: { f: 'm_acos(x)' },
  atan: { f: 'm_atan(x)' },
  sinh: { f: 'm_sinh(x)' },
  cosh: { f: 'm_cosh(x)' },
  tanh: { f: 'm_tanh(x)' },
  asinh: { f: 'm_asinh(x)' },
  acosh: { f: 'm_acosh(x)' },
  atanh: { f: 'm_atanh(x)' },
  sigmoid: { f: 'm_sigmoid(x)' },
  relu: { f: 'select(x, 0.0, x < 0.0)', i: 'select(x, 0, x < 0)', u: 'x' },
  reciprocal: { f: '(1.0 / x)' },
  floor: { f: 'floor(x)', ...ident },
  ceil: { f: 'ceil(x)', ...ident },
  round: { f: 'm_round(x)', ...ident },
  trunc: { f: 'trunc(x)', ...ident },
  frac: { f: '(x - trunc(x))', i: '0', u: '0u' },
  erf: { f: 'm_erf(x)' },
  erfc: { f: 'm_erfc(x)' },
  erfinv: { f: 'm_erfinv(x)' },
  square: { f: '(x * x)', i: '(x * x)', u: '((x * x) & 255u)' },
  logicalNot: { f: '(x == 0.0)', i: '(x == 0)', u: '(x == 0u)', boolOut: true },
  bitwiseNot: { f: '(-x - 1.0)', i: '(~x)', u: '((~x) & 255u)', bool: 'select(0u, 1u, x == 0u)' },
  isnan: { f: 'm_isnan(x)', i: 'false', u: 'false', boolOut: true },
  isinf: { f: 'm_isinf(x)', i: 'false', u: 'false', boolOut: true },
  isfinite: { f: 'm_isfinite(x)', i: 'true', u: 'true', boolOut: true },
  signbit: { f: 'm_signbit(x)', i: '(x < 0)', u: 'false', boolOut: true },
  exp2: { f: 'm_exp2(x)' },
  lgamma: { f: 'm_lgamma(x)' },
  digamma: { f: 'm_digamma(x)' },
  i0: { f: 'm_i0(x)' },
  i1: { f: 'm_i1(x)' },
  polygammaN: { f: 'm_polygamma(x, p)', pa: 0 },
  frexpMantissa: { f: 'm_frexp_m(x)' },
  frexpExponent: { f: 'm_frexp_e(x)' },
  gelu: { f: '(x * 0.5 * (1.0 + m_erf(x * 0.7071067811865476)))' },
  geluTanh: { f: '(0.5 * x * (1.0 + m_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x))))' },
  silu: { f: '(x / (1.0 + m_exp(-x)))' },
  softplus: { f: 'select(m_log1p(m_exp(x * p)) / p, x, x * p > q)', pa: 1, pb: 20 },
  elu: { f: 'select(p * m_expm1(x), x, x > 0.0)', pa: 1 },
  leakyRelu: { f: 'select(x * p, x, x > 0.0)', pa: 0.01 },
  hardtanh: { f: 'select(select(x, q, x > q), p, x < p)', pa: -1, pb: 1 },
  logSigmoid: { f: '(select(0.0, x, x < 0.0) - m_log1p(m_exp(-abs(x))))' },
  // torch.special (codegen/special.ts)
  ...SPECIAL_UNARY_WGSL,
};

/** Every binary op, PyTorch's semantics (see the CPU backend's BINARY table). */
export const BINARY_WGSL: Record<BinaryOp, OpWgsl> = {
  add: { f: '(a + b)', i: '(a + b)', u: '((a + b) & 255u)' },
  sub: { f: '(a - b)', i: '(a - b)', u: '((a - b) & 255u)' },
  mul: { f: '(a * b)', i: '(a * b)', u: '((a * b) & 255u)' },
  div: { f: '(a / b)' },
  floorDivide: { f: 'm_floordiv(a, b)', i: 'm_floordiv_i(a, b)', u: 'm_div_u(a, b)' },
  truncDivide: { f: 'trunc(a / b)', i: 'm_div_i(a, b)', u: 'm_div_u(a, b)' },
  pow: { f: 'm_pow(a, b)', i: 'm_pow_i(a, b)', u: 'm_pow_u(a, b)' },
  maximum: { f: 'm_max(a, b)', i: 'max(a, b)', u: 'max(a, b)' },
  minimum: { f: 'm_min(a, b)', i: 'min(a, b)', u: 'min(a, b)' },
  fmax: { f: 'm_fmax(a, b)', i: 'max(a, b)', u: 'max(a, b)' },
  fmin: { f: 'm_fmin(a, b)', i: 'min(a, b)', u: 'min(a, b)' },
  remainder: { f: 'm_remainder(a, b)', i: 'm_remainder_i(a, b)', u: 'm_mod_u(a, b)' },
  fmod: { f: 'm_fmod(a, b)', i: 'm_mod_i(a, b)', u: 'm_mod_u(a, b)' },
  atan2: { f: 'm_atan2(a, b)' },
  hypot: { f: 'm_hypot(a, b)' },
  eq: { f: '(a == b)', i: '(a == b)', u: '(a == b)', boolOut: true },
  ne: { f: '!(a == b)', i: '(a != b)', u: '(a != b)', boolOut: true },
  lt: { f: '(a < b)', i: '(a < b)', u: '(a < b)', boolOut: true },
  le: { f: '(a <= b)', i: '(a <= b)', u: '(a <= b)', boolOut: true },
  gt: { f: '(a > b)', i: '(a > b)', u: '(a > b)', boolOut: true },
  ge: { f: '(a >= b)', i: '(a >= b)', u: '(a >= b)', boolOut: true },
  logicalAnd: { f: '(m_truthy(a) && m_truthy(b))', i: '(a != 0 && b != 0)', u: '(a != 0u && b != 0u)', boolOut: true },
  logicalOr: { f: '(m_truthy(a) || m_truthy(b))', i: '(a != 0 || b != 0)', u: '(a != 0u || b != 0u)', boolOut: true },
  logicalXor: { f: '(m_truthy(a) != m_truthy(b))', i: '((a != 0) != (b != 0))', u: '((a != 0u) != (b != 0u))', boolOut: true },
  bitwiseAnd: { f: 'm_nan()', i: '(a & b)', u: '(a & b)' },
  bitwiseOr: { f: 'm_nan()', i: '(a | b)', u: '(a | b)' },
  bitwiseXor: { f: 'm_nan()', i: '(a ^ b)', u: '(a ^ b)' },
  copysign: { f: 'm_copysign(a, b)' },
  nextafter: { f: 'm_nextafter(a, b)' },
  igamma: { f: 'm_igamma(a, b)' },
  igammac: { f: 'm_igammac(a, b)' },
  gcd: { f: 'm_nan()', i: 'm_gcd_i(a, b)', u: 'm_gcd_u(a, b)' },
  lcm: { f: 'm_nan()', i: 'm_lcm_i(a, b)', u: 'm_lcm_u(a, b)' },
  // PyTorch 1.13's bare C++ shifts: the count is taken mod 32 (x86), as WGSL does
  bitwiseLeftShift: { f: 'm_nan()', i: '(a << u32(b))', u: '((a << (b & 31u)) & 255u)' },
  bitwiseRightShift: { f: 'm_nan()', i: '(a >> u32(b))', u: '(a >> (b & 31u))' },
  // torch.special (codegen/special.ts)
  ...SPECIAL_BINARY_WGSL,
};

/** Which expression of an op applies in compute dtype `cd`, or null when it computes in float32. */
export function exprFor(def: OpWgsl, cd: string): string | null {
  switch (cd) {
    case 'float32':
      return def.f;
    case 'int32':
    case 'int64':
      return def.i ?? null;
    case 'bool':
      return def.bool ?? def.u ?? null;
    default:
      return def.u ?? null;
  }
}

/**
 * Scalar exponents PyTorch evaluates with cheaper exact formulas (ATen's
 * pow_tensor_scalar kernels), as the CPU backend does: the expression of x.
 */
export function powScalarExpr(e: number): string | null {
  switch (e) {
    case 2:
      return '(x * x)';
    case 0.5:
      return 'm_sqrt(x)';
    case -0.5:
      return 'm_rsqrt(x)';
    case -1:
      return '(1.0 / x)';
    case 3:
      return '(x * x * x)';
    case -2:
      return '(1.0 / (x * x))';
    default:
      return null;
  }
}
