/**
 * Elementwise functions of one argument. Each op has a scalar function table
 * entry (float semantics, plus integer variants where integers behave
 * differently); the most used float ops also have a specialised loop so the hot
 * path makes no per-element indirect call.
 */
import type { DTypeName, HostArray, TensorRef, UnaryOp, UnaryParams } from '@antorcha/core';
import { copyWith, resultCast } from './copy.js';
import { convertRef, dataOf, directStore, readExact, tempRef } from './memory.js';
import { digamma, digammaf, erf, erfc, erfinv, frexpExponent, frexpMantissa, i0, i0f, i1, i1f, lgamma, polygamma, polygammaf, roundHalfEven } from './math.js';
import { SPECIAL_UNARY_SPECS } from './special.js';
import { RowIter, collapse, isContiguous, numel } from './strided.js';
import { heapAddress, wasmKernels } from './wasm/runtime.js';

/** A scalar unary function; `p`, `q` are the op's parameters (see {@link UnaryParams}). */
export type UnaryFn = (x: number, p: number, q: number) => number;

/** How one unary op computes, per kind of compute dtype. */
export interface UnarySpec {
  /** Float semantics, evaluated in double precision (float32 results are rounded by the store). */
  f: UnaryFn;
  /** float32 semantics where PyTorch's kernel computes in float arithmetic (Math.h's float overloads). */
  f32?: UnaryFn;
  /** Integer semantics (int64, and int32/uint8/bool unless overridden). */
  int?: UnaryFn;
  /** int32 semantics (wrapping). */
  i32?: UnaryFn;
  /** bool semantics (0/1 in, 0/1 out). */
  bool?: UnaryFn;
  /** The op writes bool (0/1) whatever the compute dtype. */
  boolOut?: boolean;
  /** Default of `params.a`. */
  a?: number;
  /** Default of `params.b`. */
  b?: number;
}

const SQRT1_2 = Math.SQRT1_2;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const identity: UnaryFn = (x) => x;

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Scalar semantics of every unary op (PyTorch's). */
export const UNARY: Record<UnaryOp, UnarySpec> = {
  neg: { f: (x) => -x, int: (x) => 0 - x },
  exp: { f: Math.exp },
  expm1: { f: Math.expm1 },
  log: { f: Math.log },
  log1p: { f: Math.log1p },
  log2: { f: Math.log2 },
  log10: { f: Math.log10 },
  sqrt: { f: Math.sqrt },
  rsqrt: { f: (x) => 1 / Math.sqrt(x) },
  abs: { f: Math.abs },
  // torch.sign(nan) is 0: (0 < x) - (x < 0)
  sign: { f: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0) },
  sin: { f: Math.sin },
  cos: { f: Math.cos },
  tan: { f: Math.tan },
  asin: { f: Math.asin },
  acos: { f: Math.acos },
  atan: { f: Math.atan },
  sinh: { f: Math.sinh },
  cosh: { f: Math.cosh },
  tanh: { f: Math.tanh },
  asinh: { f: Math.asinh },
  acosh: { f: Math.acosh },
  atanh: { f: Math.atanh },
  sigmoid: { f: sigmoid },
  relu: { f: (x) => (x < 0 ? 0 : x) }, // keeps NaN and −0, like torch.relu
  reciprocal: { f: (x) => 1 / x },
  floor: { f: Math.floor, int: identity },
  ceil: { f: Math.ceil, int: identity },
  round: { f: roundHalfEven, int: identity },
  trunc: { f: Math.trunc, int: identity },
  frac: { f: (x) => x - Math.trunc(x), int: () => 0 },
  erf: { f: erf },
  erfc: { f: erfc },
  erfinv: { f: erfinv },
  square: { f: (x) => x * x, i32: (x) => Math.imul(x, x) },
  logicalNot: { f: (x) => (x === 0 ? 1 : 0), boolOut: true },
  bitwiseNot: { f: (x) => -x - 1, i32: (x) => ~x, bool: (x) => (x === 0 ? 1 : 0) },
  isnan: { f: (x) => (x !== x ? 1 : 0), boolOut: true },
  isinf: { f: (x) => (x === Infinity || x === -Infinity ? 1 : 0), boolOut: true },
  isfinite: { f: (x) => (Number.isFinite(x) ? 1 : 0), boolOut: true },
  signbit: { f: (x) => (x < 0 || Object.is(x, -0) ? 1 : 0), boolOut: true },
  exp2: { f: (x) => Math.pow(2, x) },
  lgamma: { f: lgamma },
  digamma: { f: digamma, f32: digammaf },
  i0: { f: i0, f32: i0f },
  i1: { f: i1, f32: i1f },
  polygammaN: { f: (x, n) => polygamma(x, n), f32: (x, n) => polygammaf(x, n) },
  frexpMantissa: { f: frexpMantissa },
  frexpExponent: { f: frexpExponent },
  gelu: { f: (x) => x * 0.5 * (1 + erf(x * SQRT1_2)) },
  geluTanh: {
    f: (x) => 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x))),
  },
  silu: { f: (x) => x / (1 + Math.exp(-x)) },
  softplus: { f: (x, beta, threshold) => (x * beta > threshold ? x : Math.log1p(Math.exp(x * beta)) / beta), a: 1, b: 20 },
  elu: { f: (x, alpha) => (x > 0 ? x : alpha * Math.expm1(x)), a: 1 },
  leakyRelu: { f: (x, slope) => (x > 0 ? x : x * slope), a: 0.01 },
  hardtanh: { f: (x, lo, hi) => (x < lo ? lo : x > hi ? hi : x), a: -1, b: 1 },
  logSigmoid: { f: (x) => Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x))) },
  // torch.special's kernels (special.ts)
  ...SPECIAL_UNARY_SPECS,
};

/** The scalar function an op uses in compute dtype `cd`. */
export function unaryFn(op: UnaryOp, cd: DTypeName): UnaryFn {
  const s = UNARY[op];
  switch (cd) {
    case 'float32':
      return s.f32 ?? s.f;
    case 'float64':
      return s.f;
    case 'int32':
      return s.i32 ?? s.int ?? s.f;
    case 'bool':
      return s.bool ?? s.int ?? s.f;
    default:
      return s.int ?? s.f;
  }
}

// Ops with a specialised loop (float compute only): codes index the switch in fastUnaryRow.
const FAST_UNARY: Partial<Record<UnaryOp, number>> = {
  neg: 0, abs: 1, exp: 2, log: 3, sqrt: 4, relu: 5, sigmoid: 6, tanh: 7, square: 8, reciprocal: 9, rsqrt: 10, sin: 11, cos: 12,
};

// relu selects through this scratch (slot 0 stays 0) instead of branching on the sign
const SEL = new Float64Array(2);

/** Specialised strided loops of the hottest float ops; false when `code` has none. */
function fastUnaryRow(code: number, n: number, X: HostArray, xi: number, xs: number, O: HostArray, oi: number, os: number): boolean {
  const T = SEL;
  if (xi === 0 && oi === 0 && xs === 1 && os === 1) {
    // plain contiguous loops (bounds checks eliminated)
    switch (code) {
      case 0: for (let i = 0; i < n; i++) O[i] = -X[i]; return true;
      case 1: for (let i = 0; i < n; i++) O[i] = Math.abs(X[i]); return true;
      case 2: for (let i = 0; i < n; i++) O[i] = Math.exp(X[i]); return true;
      case 5: for (let i = 0; i < n; i++) { const x = X[i]; T[1] = x; O[i] = T[+(x >= 0) | +(x !== x)]; } return true;
      case 6: for (let i = 0; i < n; i++) O[i] = 1 / (1 + Math.exp(-X[i])); return true;
      case 8: for (let i = 0; i < n; i++) { const x = X[i]; O[i] = x * x; } return true;
    }
  }
  switch (code) {
    case 0: for (let i = 0; i < n; i++, xi += xs, oi += os) O[oi] = -X[xi]; return true;
    case 1: for (let i = 0; i < n; i++, xi += xs, oi += os) O[oi] = Math.abs(X[xi]); return true;
    case 2: for (let i = 0; i < n; i++, xi += xs, oi += os) O[oi] = Math.exp(X[xi]); return true;
    case 3: for (let i = 0; i < n; i++, xi += xs, oi += os) O[oi] = Math.log(X[xi]); return true;
    case 4: for (let i = 0; i < n; i++, xi += xs, oi += os) O[oi] = Math.sqrt(X[xi]); return true;
    case 5: for (let i = 0; i < n; i++, xi += xs, oi += os) { const x = X[xi]; T[1] = x; O[oi] = T[+(x >= 0) | +(x !== x)]; } return true;
    case 6: for (let i = 0; i < n; i++, xi += xs, oi += os) O[oi] = 1 / (1 + Math.exp(-X[xi])); return true;
    case 7: for (let i = 0; i < n; i++, xi += xs, oi += os) O[oi] = Math.tanh(X[xi]); return true;
    case 8: for (let i = 0; i < n; i++, xi += xs, oi += os) { const x = X[xi]; O[oi] = x * x; } return true;
    case 9: for (let i = 0; i < n; i++, xi += xs, oi += os) O[oi] = 1 / X[xi]; return true;
    case 10: for (let i = 0; i < n; i++, xi += xs, oi += os) O[oi] = 1 / Math.sqrt(X[xi]); return true;
    case 11: for (let i = 0; i < n; i++, xi += xs, oi += os) O[oi] = Math.sin(X[xi]); return true;
    case 12: for (let i = 0; i < n; i++, xi += xs, oi += os) O[oi] = Math.cos(X[xi]); return true;
  }
  return false;
}

function unaryRow(
  code: number, f: UnaryFn, p: number, q: number,
  n: number, X: HostArray, xi: number, xs: number, O: HostArray, oi: number, os: number,
): void {
  if (code >= 0 && fastUnaryRow(code, n, X, xi, xs, O, oi, os)) return;
  for (let i = 0; i < n; i++, xi += xs, oi += os) O[oi] = f(X[xi], p, q);
}

/** The WebAssembly unary kernel (assembly/elementwise.ts). */
interface UnaryKernels {
  unaryF32(op: number, x: number, out: number, n: number): void;
  unaryF32Rows(op: number, x: number, xRow: number, out: number, outRow: number, rows: number, n: number): void;
}

/**
 * Codes of assembly/elementwise.ts's unaryF32. exp, sigmoid and rsqrt compute in double
 * with fdlibm's exp as V8's Math.exp does: checked bit for bit against the JavaScript loops
 * over every float32 input.
 */
const WASM_UNARY: Partial<Record<UnaryOp, number>> = {
  neg: 0, abs: 1, relu: 2, sqrt: 3, square: 4, reciprocal: 5, rsqrt: 6, exp: 7, sigmoid: 8,
};

/** Below this many elements (or this row length) the JavaScript loops are as fast as a call into WebAssembly. */
const WASM_MIN_NUMEL = 64;
const WASM_MIN_ROW = 8;

/**
 * float32 `op` through the WebAssembly kernel when x and out are in the heap and the layout
 * reduces to contiguous rows; false otherwise (nothing written). Bit-identical to the JS loops.
 */
function unaryWasm(op: UnaryOp | UnaryFn, x: TensorRef, out: TensorRef, cd: DTypeName): boolean {
  if (typeof op !== 'string' || cd !== 'float32' || x.dtype !== 'float32' || out.dtype !== 'float32') return false;
  const code = WASM_UNARY[op];
  if (code === undefined) return false;
  if (numel(out.shape) < WASM_MIN_NUMEL) return false;
  const K = wasmKernels() as unknown as UnaryKernels | null;
  if (K === null) return false;
  const xAddr = heapAddress(x);
  const oAddr = heapAddress(out);
  if (xAddr < 0 || oAddr < 0) return false;
  const c = collapse(out.shape, [out.strides, x.strides]);
  const it = new RowIter(c.shape, c.strides, [0, 0]);
  const s = it.inner, len = it.rowLen, p = it.pos;
  if (s[0] !== 1 || s[1] !== 1 || len < WASM_MIN_ROW) return false;
  if (c.shape.length === 2) {
    K.unaryF32Rows(code, xAddr, 4 * c.strides[1][0], oAddr, 4 * c.strides[0][0], c.shape[0], len);
    return true;
  }
  do K.unaryF32(code, xAddr + 4 * p[1], oAddr + 4 * p[0], len);
  while (it.next());
  return true;
}

/** Runs op (or, when `op` is a function, that scalar function) over x into `out`, whose host array must store results exactly (see {@link directStore}). */
function unaryInto(op: UnaryOp | UnaryFn, x: TensorRef, out: TensorRef, cd: DTypeName, params: UnaryParams | undefined): void {
  if (unaryWasm(op, x, out, cd)) return;
  const spec: UnarySpec = typeof op === 'string' ? UNARY[op] : { f: op };
  const f = typeof op === 'string' ? unaryFn(op, cd) : op;
  const code = typeof op === 'string' && (cd === 'float32' || cd === 'float64') && f === spec.f ? (FAST_UNARY[op] ?? -1) : -1;
  const p = params?.a ?? spec.a ?? 0;
  const q = params?.b ?? spec.b ?? 0;
  if (!readExact(x.dtype, cd)) x = convertRef(x, cd);
  const X = dataOf(x);
  const O = dataOf(out);
  const n = numel(out.shape);
  if (isContiguous(out.shape, out.strides) && isContiguous(x.shape, x.strides)) {
    unaryRow(code, f, p, q, n, X, x.offset, 1, O, out.offset, 1);
    return;
  }
  const c = collapse(out.shape, [out.strides, x.strides]);
  const it = new RowIter(c.shape, c.strides, [out.offset, x.offset]);
  const pos = it.pos, s = it.inner, len = it.rowLen;
  do unaryRow(code, f, p, q, len, X, pos[1], s[1], O, pos[0], s[0]);
  while (it.next());
}

/** `out[i] = op(x[i])` computed in `cd`, with PyTorch's semantics; see {@link UNARY}. */
export function unary(op: UnaryOp, x: TensorRef, out: TensorRef, cd: DTypeName, params?: UnaryParams): void {
  unaryWith(op, x, out, cd, params);
}

/** {@link unary} for a table op or an ad-hoc scalar function (float semantics, results rounded by the store). */
export function unaryWith(op: UnaryOp | UnaryFn, x: TensorRef, out: TensorRef, cd: DTypeName, params?: UnaryParams): void {
  if (numel(out.shape) === 0) return;
  const spec: UnarySpec = typeof op === 'string' ? UNARY[op] : { f: op };
  const boolResult = spec.boolOut === true || (cd === 'bool' && spec.bool !== undefined);
  if (boolResult || directStore(cd, out.dtype)) {
    unaryInto(op, x, out, cd, params);
    return;
  }
  // round to the compute dtype in a temporary, then cast into out
  const tmp = tempRef(cd === 'bool' ? 'float64' : cd, out.shape);
  unaryInto(op, x, tmp, cd, params);
  copyWith(tmp, out, resultCast(cd, out.dtype));
}
