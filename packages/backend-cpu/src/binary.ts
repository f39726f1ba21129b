/**
 * Elementwise functions of two arguments, and `where`. Scalar operands (JS
 * numbers) are read through a one-element array with stride 0, so they cost no
 * allocation and share the strided loops.
 */
import type { BinaryOp, DTypeName, HostArray, Operand, TensorRef, UnaryOp } from '@antorcha/core';
import { copyWith, resultCast } from './copy.js';
import { castTo, convertRef, dataOf, directStore, readExact, storeExact, tempRef } from './memory.js';
import {
  bitwise64, floorDivFloat, gcd, igamma, igammac, lcm, nextafter32, nextafter64, shiftLeft64, shiftRight64, floorDivFloat32, floorDivInt, fmodInt, powFloat, powInt, powInt32, powUint8,
  remainderFloat, remainderInt, truncDivInt,
} from './math.js';
import { SPECIAL_BINARY_SPECS } from './special.js';
import { RowIter, collapse, isContiguous, numel } from './strided.js';
import { unaryWith } from './unary.js';
import type { UnaryFn } from './unary.js';
import { heapBuffer } from './wasm/heap.js';
import { heapAddress, heapAlloc, wasmKernels } from './wasm/runtime.js';

/** A scalar binary function. */
export type BinaryFn = (a: number, b: number) => number;

/** How one binary op computes, per kind of compute dtype. */
export interface BinarySpec {
  /** Float semantics in double precision (float32 results are rounded by the store). */
  f: BinaryFn;
  /** float32 semantics where rounding intermediate steps matters. */
  f32?: BinaryFn;
  /** Integer semantics (int64, and int32/uint8/bool unless overridden). */
  int?: BinaryFn;
  /** int32 semantics (wrapping). */
  i32?: BinaryFn;
  /** uint8 (and bool) semantics. */
  u8?: BinaryFn;
  /** The op writes bool (0/1) whatever the compute dtype. */
  boolOut?: boolean;
}

const and32: BinaryFn = (a, b) => a & b;
const or32: BinaryFn = (a, b) => a | b;
const xor32: BinaryFn = (a, b) => a ^ b;
const bitwise = (f: BinaryFn, op: 0 | 1 | 2): BinarySpec => ({
  f,
  int: (a, b) => bitwise64(a, b, op),
  i32: f,
  u8: f,
});

/** Scalar semantics of every binary op (PyTorch's). */
export const BINARY: Record<BinaryOp, BinarySpec> = {
  add: { f: (a, b) => a + b },
  sub: { f: (a, b) => a - b },
  mul: { f: (a, b) => a * b, int: (a, b) => a * b + 0, i32: Math.imul, u8: (a, b) => a * b },
  div: { f: (a, b) => a / b },
  floorDivide: { f: floorDivFloat, f32: floorDivFloat32, int: floorDivInt },
  truncDivide: { f: (a, b) => Math.trunc(a / b), f32: (a, b) => Math.trunc(Math.fround(a / b)), int: truncDivInt },
  pow: { f: powFloat, int: powInt, i32: powInt32, u8: powUint8 },
  maximum: { f: Math.max },
  minimum: { f: Math.min },
  fmax: { f: (a, b) => (a !== a ? b : b !== b ? a : Math.max(a, b)) },
  fmin: { f: (a, b) => (a !== a ? b : b !== b ? a : Math.min(a, b)) },
  remainder: { f: remainderFloat, int: remainderInt },
  fmod: { f: (a, b) => a % b, int: fmodInt },
  atan2: { f: Math.atan2 },
  hypot: { f: Math.hypot },
  eq: { f: (a, b) => (a === b ? 1 : 0), boolOut: true },
  ne: { f: (a, b) => (a !== b ? 1 : 0), boolOut: true },
  lt: { f: (a, b) => (a < b ? 1 : 0), boolOut: true },
  le: { f: (a, b) => (a <= b ? 1 : 0), boolOut: true },
  gt: { f: (a, b) => (a > b ? 1 : 0), boolOut: true },
  ge: { f: (a, b) => (a >= b ? 1 : 0), boolOut: true },
  logicalAnd: { f: (a, b) => (a !== 0 && b !== 0 ? 1 : 0), boolOut: true },
  logicalOr: { f: (a, b) => (a !== 0 || b !== 0 ? 1 : 0), boolOut: true },
  logicalXor: { f: (a, b) => ((a !== 0) !== (b !== 0) ? 1 : 0), boolOut: true },
  bitwiseAnd: bitwise(and32, 0),
  bitwiseOr: bitwise(or32, 1),
  bitwiseXor: bitwise(xor32, 2),
  copysign: { f: copysign },
  nextafter: { f: nextafter64, f32: nextafter32 },
  igamma: { f: igamma },
  igammac: { f: igammac },
  gcd: { f: gcd, i32: (a, b) => gcd(a, b) | 0 },
  lcm: { f: lcm, i32: (a, b) => lcm32(a, b), u8: (a, b) => lcm(a, b) & 0xff },
  // PyTorch 1.13 shifts with a bare C++ `<<`/`>>` (uint8 promoted to int): x86 takes the
  // count mod the operand width (32, or 64 for int64), as JS's 32-bit shifts do.
  bitwiseLeftShift: { f: shiftLeft64, i32: (a, b) => a << b, u8: (a, b) => (a << b) & 0xff },
  bitwiseRightShift: { f: shiftRight64, i32: (a, b) => a >> b, u8: (a, b) => a >>> (b & 31) },
  // torch.special's kernels (special.ts)
  ...SPECIAL_BINARY_SPECS,
};

/** C's copysign: |a| with b's sign bit (−0 and NaN signs included). */
function copysign(a: number, b: number): number {
  const neg = b < 0 || Object.is(b, -0) || (b !== b && signbitNaN(b));
  const m = Math.abs(a);
  return neg ? -m : m;
}

const NAN_BITS = new Float64Array(1);
const NAN_WORDS = new Uint8Array(NAN_BITS.buffer);
/** The sign bit of a NaN (JS keeps NaN payloads in typed arrays). */
function signbitNaN(x: number): boolean {
  NAN_BITS[0] = x;
  return (NAN_WORDS[7]! & 0x80) !== 0;
}

/** int32 lcm, wrapping like C++'s `abs(a / g * b)` in int. */
function lcm32(a: number, b: number): number {
  const g = gcd(a, b);
  if (g === 0) return 0;
  const r = Math.imul((a / g) | 0, b);
  return r < 0 ? -r | 0 : r;
}

/** The scalar function an op uses in compute dtype `cd`. */
export function binaryFn(op: BinaryOp, cd: DTypeName): BinaryFn {
  const s = BINARY[op];
  switch (cd) {
    case 'float32':
      return s.f32 ?? s.f;
    case 'float64':
      return s.f;
    case 'int32':
      return s.i32 ?? s.int ?? s.f;
    case 'uint8':
    case 'bool':
      return s.u8 ?? s.int ?? s.f;
    case 'int64':
      return s.int ?? s.f;
    default:
      throw new Error(`binary ${op}: no CPU kernel computes in ${cd}`);
  }
}

// Ops with specialised loops; the code indexes the switch in fastBinaryRow.
const ADD = 0, SUB = 1, MUL = 2, DIV = 3, MAX = 4, MIN = 5, EQ = 6, NE = 7, LT = 8, LE = 9, GT = 10, GE = 11;

/** The specialised loop for `op` in `cd`, or -1 (then the table function is called per element). */
function fastCode(op: BinaryOp, cd: DTypeName): number {
  switch (op) {
    case 'add': return ADD;
    case 'sub': return SUB;
    // int32 needs Math.imul, int64 must not produce -0
    case 'mul': return cd === 'int32' || cd === 'int64' ? -1 : MUL;
    case 'div': return cd === 'float32' || cd === 'float64' ? DIV : -1;
    case 'maximum': return MAX;
    case 'minimum': return MIN;
    case 'eq': return EQ;
    case 'ne': return NE;
    case 'lt': return LT;
    case 'le': return LE;
    case 'gt': return GT;
    case 'ge': return GE;
    default: return -1;
  }
}

// Two-slot scratch for branch-free selection: `SEL[cond]` picks without a
// data-dependent branch, which random data would mispredict half the time.
const SEL = new Float64Array(2);

/**
 * float32 contiguous arithmetic, zero offsets (the common fresh-tensor case), in
 * loops that only ever see Float32Array so they stay monomorphic however many
 * other dtypes the program uses. `bs` is 1 for a tensor, 0 for a scalar.
 */
function float32Row(code: number, n: number, A: Float32Array, B: HostArray, bs: number, O: Float32Array): boolean {
  if (bs === 1) {
    if (!(B instanceof Float32Array)) return false;
    switch (code) {
      case ADD: for (let i = 0; i < n; i++) O[i] = A[i] + B[i]; return true;
      case SUB: for (let i = 0; i < n; i++) O[i] = A[i] - B[i]; return true;
      case MUL: for (let i = 0; i < n; i++) O[i] = A[i] * B[i]; return true;
      case DIV: for (let i = 0; i < n; i++) O[i] = A[i] / B[i]; return true;
    }
    return false;
  }
  const b = B[0];
  switch (code) {
    case ADD: for (let i = 0; i < n; i++) O[i] = A[i] + b; return true;
    case SUB: for (let i = 0; i < n; i++) O[i] = A[i] - b; return true;
    case MUL: for (let i = 0; i < n; i++) O[i] = A[i] * b; return true;
    case DIV: for (let i = 0; i < n; i++) O[i] = A[i] / b; return true;
  }
  return false;
}

/** Specialised loops: float32 tier, contiguous zero-offset, tensor-scalar and general strided variants. */
function fastBinaryRow(
  code: number, n: number,
  A: HostArray, ai: number, as: number, B: HostArray, bi: number, bs: number, O: HostArray, oi: number, os: number,
): void {
  if (oi === 0 && os === 1 && ai === 0 && as === 1 && bi === 0 && bs <= 1) {
    if (O instanceof Float32Array && A instanceof Float32Array && float32Row(code, n, A, B, bs, O)) return;
    if (bs === 1) {
      switch (code) {
        case ADD: for (let i = 0; i < n; i++) O[i] = A[i] + B[i]; return;
        case SUB: for (let i = 0; i < n; i++) O[i] = A[i] - B[i]; return;
        case MUL: for (let i = 0; i < n; i++) O[i] = A[i] * B[i]; return;
        case DIV: for (let i = 0; i < n; i++) O[i] = A[i] / B[i]; return;
      }
    } else {
      const b = B[0];
      switch (code) {
        case ADD: for (let i = 0; i < n; i++) O[i] = A[i] + b; return;
        case SUB: for (let i = 0; i < n; i++) O[i] = A[i] - b; return;
        case MUL: for (let i = 0; i < n; i++) O[i] = A[i] * b; return;
        case DIV: for (let i = 0; i < n; i++) O[i] = A[i] / b; return;
      }
    }
  }
  const T = SEL;
  switch (code) {
    case ADD: for (let i = 0; i < n; i++, ai += as, bi += bs, oi += os) O[oi] = A[ai] + B[bi]; return;
    case SUB: for (let i = 0; i < n; i++, ai += as, bi += bs, oi += os) O[oi] = A[ai] - B[bi]; return;
    case MUL: for (let i = 0; i < n; i++, ai += as, bi += bs, oi += os) O[oi] = A[ai] * B[bi]; return;
    case DIV: for (let i = 0; i < n; i++, ai += as, bi += bs, oi += os) O[oi] = A[ai] / B[bi]; return;
    // NaN propagates: a is picked when a > b or a is NaN, else b (NaN if b is)
    case MAX:
      for (let i = 0; i < n; i++, ai += as, bi += bs, oi += os) {
        const a = A[ai], b = B[bi];
        T[0] = b;
        T[1] = a;
        O[oi] = T[+(a > b) | +(a !== a)];
      }
      return;
    case MIN:
      for (let i = 0; i < n; i++, ai += as, bi += bs, oi += os) {
        const a = A[ai], b = B[bi];
        T[0] = b;
        T[1] = a;
        O[oi] = T[+(a < b) | +(a !== a)];
      }
      return;
    case EQ: for (let i = 0; i < n; i++, ai += as, bi += bs, oi += os) O[oi] = +(A[ai] === B[bi]); return;
    case NE: for (let i = 0; i < n; i++, ai += as, bi += bs, oi += os) O[oi] = +(A[ai] !== B[bi]); return;
    case LT: for (let i = 0; i < n; i++, ai += as, bi += bs, oi += os) O[oi] = +(A[ai] < B[bi]); return;
    case LE: for (let i = 0; i < n; i++, ai += as, bi += bs, oi += os) O[oi] = +(A[ai] <= B[bi]); return;
    case GT: for (let i = 0; i < n; i++, ai += as, bi += bs, oi += os) O[oi] = +(A[ai] > B[bi]); return;
    case GE: for (let i = 0; i < n; i++, ai += as, bi += bs, oi += os) O[oi] = +(A[ai] >= B[bi]); return;
  }
}

function binaryRow(
  code: number, f: BinaryFn, n: number,
  A: HostArray, ai: number, as: number, B: HostArray, bi: number, bs: number, O: HostArray, oi: number, os: number,
): void {
  if (code >= 0) fastBinaryRow(code, n, A, ai, as, B, bi, bs, O, oi, os);
  else for (let i = 0; i < n; i++, ai += as, bi += bs, oi += os) O[oi] = f(A[ai], B[bi]);
}

// One-element arrays through which scalar operands are read (stride 0).
const SCALAR_A = new Float64Array(1);
const SCALAR_B = new Float64Array(1);
const SCALAR_C = new Float64Array(1);

const fr = Math.fround;
/**
 * PyTorch evaluates `pow(x, scalar)` for a few exponents with cheaper exact
 * formulas (ATen's pow_tensor_scalar kernels); so do we, with the same results
 * (e.g. pow(-0, 0.5) is sqrt(-0) = -0 there, not +0).
 */
function powScalar(e: number, cd: DTypeName): UnaryOp | UnaryFn | null {
  const f32 = cd === 'float32';
  switch (e) {
    case 2: return 'square';
    case 0.5: return 'sqrt';
    case -0.5: return 'rsqrt';
    case -1: return 'reciprocal';
    case 3: return f32 ? (x) => fr(x * x) * x : (x) => x * x * x;
    case -2: return f32 ? (x) => 1 / fr(x * x) : (x) => 1 / (x * x);
    default: return null;
  }
}

/** Zero strides for a scalar operand of rank `nd`. */
export function zeros(nd: number): number[] {
  return new Array<number>(nd).fill(0);
}

/** Host array, offset and strides (null for a scalar) of an operand, read in dtype `dt`. */
export interface Source {
  data: HostArray;
  offset: number;
  strides: readonly number[] | null;
  contiguous: boolean;
}

/** Resolves an operand: scalars go through `slot`; views are converted to `dt` when `exact` says so. */
export function source(x: Operand, dt: DTypeName, slot: Float64Array, exact: (src: DTypeName, dst: DTypeName) => boolean): Source {
  if (typeof x === 'number') {
    slot[0] = castTo(x, dt);
    return { data: slot, offset: 0, strides: null, contiguous: true };
  }
  if (!exact(x.dtype, dt)) x = convertRef(x, dt);
  return { data: dataOf(x), offset: x.offset, strides: x.strides, contiguous: isContiguous(x.shape, x.strides) };
}

/** A double scalar operand, not rounded to the compute dtype. */
function scalarSource(v: number): Source {
  SCALAR_B[0] = v;
  return { data: SCALAR_B, offset: 0, strides: null, contiguous: true };
}

/** The WebAssembly elementwise kernels binary ops use (assembly/elementwise.ts). */
interface BinaryKernels {
  binaryF32(op: number, a: number, as: number, b: number, bs: number, out: number, n: number): void;
  compareF32(op: number, a: number, as: number, b: number, bs: number, out: number, n: number): void;
  binaryF32Rows(op: number, a: number, aRow: number, as: number, b: number, bRow: number, bs: number, out: number, outRow: number, rows: number, n: number): void;
  compareF32Rows(op: number, a: number, aRow: number, as: number, b: number, bRow: number, bs: number, out: number, outRow: number, rows: number, n: number): void;
}

// Codes of assembly/elementwise.ts: arithmetic (float32 out) and comparisons (bool out).
const WASM_ARITH: Partial<Record<BinaryOp, number>> = { add: 0, sub: 1, mul: 2, div: 3, maximum: 4, minimum: 5 };
const WASM_COMPARE: Partial<Record<BinaryOp, number>> = { eq: 0, ne: 1, lt: 2, le: 3, gt: 4, ge: 5 };

/** Below this many elements (or this row length) the JavaScript loops are as fast as a call into WebAssembly. */
const WASM_MIN_NUMEL = 64;
const WASM_MIN_ROW = 8;

// Heap words through which scalar operands reach the kernels (allocated once, never freed).
let scalarWords = -2;
let scalarView: Float32Array | null = null;
function scalarAddress(slot: number, v: number): number {
  if (scalarWords === -2) scalarWords = heapAlloc(16);
  if (scalarWords < 0) return -1;
  const buf = heapBuffer();
  if (scalarView === null || scalarView.buffer !== buf) scalarView = new Float32Array(buf, scalarWords, 4);
  scalarView[slot] = v;
  return scalarWords + 4 * slot;
}

/**
 * float32 `op` through the WebAssembly kernels when every operand is in the heap and the
 * layout reduces to rows where out steps by 1 and each input by 0 or 1; false otherwise
 * (nothing written). Results are bit-identical to the JavaScript loops.
 */
function binaryWasm(op: BinaryOp, a: Operand, b: Operand, out: TensorRef, cd: DTypeName): boolean {
  if (cd !== 'float32') return false;
  const arith = WASM_ARITH[op];
  const cmp = WASM_COMPARE[op];
  if (arith === undefined && cmp === undefined) return false;
  if (out.dtype !== (arith !== undefined ? 'float32' : 'bool')) return false;
  const n = numel(out.shape);
  if (n < WASM_MIN_NUMEL) return false;
  if ((typeof a !== 'number' && a.dtype !== 'float32') || (typeof b !== 'number' && b.dtype !== 'float32')) return false;
  const K = wasmKernels() as unknown as BinaryKernels | null;
  if (K === null) return false;
  const oAddr = heapAddress(out);
  if (oAddr < 0) return false;
  const aAddr = typeof a === 'number' ? -1 : heapAddress(a);
  const bAddr = typeof b === 'number' ? -1 : heapAddress(b);
  if ((typeof a !== 'number' && aAddr < 0) || (typeof b !== 'number' && bAddr < 0)) return false;
  const nd = out.shape.length;
  const c = collapse(out.shape, [out.strides, typeof a === 'number' ? zeros(nd) : a.strides, typeof b === 'number' ? zeros(nd) : b.strides]);
  const it = new RowIter(c.shape, c.strides, [0, 0, 0]);
  const s = it.inner, len = it.rowLen;
  if (s[0] !== 1 || (s[1] !== 0 && s[1] !== 1) || (s[2] !== 0 && s[2] !== 1) || len < WASM_MIN_ROW) return false;
  // scalars last: their heap word is written just before the calls
  const aBase = typeof a === 'number' ? scalarAddress(0, castTo(a, 'float32')) : aAddr;
  const bBase = typeof b === 'number' ? scalarAddress(1, castTo(b, 'float32')) : bAddr;
  if (aBase < 0 || bBase < 0) return false;
  const p = it.pos;
  const oBytes = arith !== undefined ? 4 : 1;
  if (c.shape.length === 2) {
    // one call for a matrix of rows (row broadcast, column broadcast, strided rows)
    const st = c.strides, rows = c.shape[0];
    if (arith !== undefined) K.binaryF32Rows(arith, aBase, 4 * st[1][0], s[1], bBase, 4 * st[2][0], s[2], oAddr, oBytes * st[0][0], rows, len);
    else K.compareF32Rows(cmp!, aBase, 4 * st[1][0], s[1], bBase, 4 * st[2][0], s[2], oAddr, oBytes * st[0][0], rows, len);
    return true;
  }
  if (arith !== undefined) {
    do K.binaryF32(arith, aBase + 4 * p[1], s[1], bBase + 4 * p[2], s[2], oAddr + oBytes * p[0], len);
    while (it.next());
  } else {
    do K.compareF32(cmp!, aBase + 4 * p[1], s[1], bBase + 4 * p[2], s[2], oAddr + oBytes * p[0], len);
    while (it.next());
  }
  return true;
}

/** Runs op into `out`, whose host array must store results exactly. */
function binaryInto(op: BinaryOp, a: Operand, b: Operand, out: TensorRef, cd: DTypeName): void {
  if (binaryWasm(op, a, b, out, cd)) return;
  const f = binaryFn(op, cd);
  const code = fastCode(op, cd);
  const O = dataOf(out);
  const sa = source(a, cd, SCALAR_A, readExact);
  // A number exponent of a float pow stays a double (PyTorch's pow_tensor_scalar kernel).
  const sb = op === 'pow' && typeof b === 'number' && cd === 'float32' ? scalarSource(b) : source(b, cd, SCALAR_B, readExact);
  if (sa.contiguous && sb.contiguous && isContiguous(out.shape, out.strides)) {
    const n = numel(out.shape);
    binaryRow(code, f, n, sa.data, sa.offset, sa.strides ? 1 : 0, sb.data, sb.offset, sb.strides ? 1 : 0, O, out.offset, 1);
    return;
  }
  const nd = out.shape.length;
  const c = collapse(out.shape, [out.strides, sa.strides ?? zeros(nd), sb.strides ?? zeros(nd)]);
  const it = new RowIter(c.shape, c.strides, [out.offset, sa.offset, sb.offset]);
  const p = it.pos, s = it.inner, len = it.rowLen;
  do binaryRow(code, f, len, sa.data, p[1], s[1], sb.data, p[2], s[2], O, p[0], s[0]);
  while (it.next());
}

/** Ops of {@link smallFloat32}: their float32 loops in `float32Row`. */
const SMALL_F32_CODE: Partial<Record<BinaryOp, number>> = { add: ADD, sub: SUB, mul: MUL, div: DIV };
/** Up to this many elements, the loop below beats the general path's setup (per-op cost). */
const SMALL_F32_MAX = 64;

function sameDims(x: readonly number[], y: readonly number[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * The per-op fast path: float32 add/sub/mul/div of two small tensors of out's shape and
 * strides, out contiguous, all at offset 0 — one loop, none of the general path's
 * operand resolution. False (nothing written) for anything else.
 */
function smallFloat32(op: BinaryOp, a: Operand, b: Operand, out: TensorRef): boolean {
  const code = SMALL_F32_CODE[op];
  if (code === undefined || typeof a === 'number' || typeof b === 'number') return false;
  if (out.dtype !== 'float32' || a.dtype !== 'float32' || b.dtype !== 'float32' || out.offset !== 0 || a.offset !== 0 || b.offset !== 0) return false;
  const n = numel(out.shape);
  if (n > SMALL_F32_MAX || !isContiguous(out.shape, out.strides)) return false;
  if (!sameDims(a.shape, out.shape) || !sameDims(b.shape, out.shape) || !sameDims(a.strides, out.strides) || !sameDims(b.strides, out.strides)) return false;
  return float32Row(code, n, dataOf(a) as Float32Array, dataOf(b), 1, dataOf(out) as Float32Array);
}

/**
 * `out[i] = op(a[i], b[i])` computed in `cd` with PyTorch's semantics (see {@link BINARY});
 * a and b have out's shape (broadcast via stride 0) or are scalars.
 */
export function binary(op: BinaryOp, a: Operand, b: Operand, out: TensorRef, cd: DTypeName): void {
  if (cd === 'float32' && smallFloat32(op, a, b, out)) return;
  if (numel(out.shape) === 0) return;
  if (op === 'pow' && typeof a !== 'number' && typeof b === 'number' && (cd === 'float32' || cd === 'float64')) {
    const special = powScalar(b, cd);
    if (special !== null) {
      unaryWith(special, a, out, cd);
      return;
    }
  }
  if (BINARY[op].boolOut === true || directStore(cd, out.dtype)) {
    binaryInto(op, a, b, out, cd);
    return;
  }
  const tmp = tempRef(cd === 'bool' ? 'float64' : cd, out.shape);
  binaryInto(op, a, b, tmp, cd);
  copyWith(tmp, out, resultCast(cd, out.dtype));
}

function whereRow(
  n: number, C: HostArray, ci: number, cs: number,
  A: HostArray, ai: number, as: number, B: HostArray, bi: number, bs: number, O: HostArray, oi: number, os: number,
): void {
  const T = SEL;
  for (let i = 0; i < n; i++, ci += cs, ai += as, bi += bs, oi += os) {
    T[0] = B[bi];
    T[1] = A[ai];
    O[oi] = T[+(C[ci] !== 0)];
  }
}

/** The WebAssembly where kernels (assembly/elementwise.ts). */
interface WhereKernels {
  whereF32(c: number, cs: number, a: number, as: number, b: number, bs: number, out: number, n: number): void;
  whereF32Rows(c: number, cRow: number, cs: number, a: number, aRow: number, as: number, b: number, bRow: number, bs: number, out: number, outRow: number, rows: number, n: number): void;
}

/**
 * float32 where through the WebAssembly kernels: a bool/uint8 condition and float32 (or
 * scalar) a and b, every operand in the heap, and a layout that reduces to rows where out
 * steps by 1 and every input by 0 or 1; false otherwise (nothing written). Bit-identical to
 * the JavaScript loop.
 */
function whereWasm(cond: TensorRef, a: Operand, b: Operand, out: TensorRef, n: number): boolean {
  if (out.dtype !== 'float32' || n < WASM_MIN_NUMEL) return false;
  if (cond.dtype !== 'bool' && cond.dtype !== 'uint8') return false;
  if ((typeof a !== 'number' && a.dtype !== 'float32') || (typeof b !== 'number' && b.dtype !== 'float32')) return false;
  const K = wasmKernels() as unknown as WhereKernels | null;
  if (K === null) return false;
  const oAddr = heapAddress(out);
  const cAddr = heapAddress(cond);
  if (oAddr < 0 || cAddr < 0) return false;
  const aAddr = typeof a === 'number' ? -1 : heapAddress(a);
  const bAddr = typeof b === 'number' ? -1 : heapAddress(b);
  if ((typeof a !== 'number' && aAddr < 0) || (typeof b !== 'number' && bAddr < 0)) return false;
  const nd = out.shape.length;
  const c = collapse(out.shape, [out.strides, cond.strides, typeof a === 'number' ? zeros(nd) : a.strides, typeof b === 'number' ? zeros(nd) : b.strides]);
  const it = new RowIter(c.shape, c.strides, [0, 0, 0, 0]);
  const s = it.inner, len = it.rowLen;
  if (s[0] !== 1 || len < WASM_MIN_ROW) return false;
  for (let j = 1; j < 4; j++) if (s[j] !== 0 && s[j] !== 1) return false;
  // scalars last: their heap word is written just before the calls
  const aBase = typeof a === 'number' ? scalarAddress(0, castTo(a, 'float32')) : aAddr;
  const bBase = typeof b === 'number' ? scalarAddress(1, castTo(b, 'float32')) : bAddr;
  if (aBase < 0 || bBase < 0) return false;
  if (c.shape.length === 2) {
    const st = c.strides;
    K.whereF32Rows(cAddr, st[1][0], s[1], aBase, 4 * st[2][0], s[2], bBase, 4 * st[3][0], s[3], oAddr, 4 * st[0][0], c.shape[0], len);
    return true;
  }
  const p = it.pos;
  do K.whereF32(cAddr + p[1], s[1], aBase + 4 * p[2], s[2], bBase + 4 * p[3], s[3], oAddr + 4 * p[0], len);
  while (it.next());
  return true;
}

/** `out[i] = cond[i] ? a[i] : b[i]`; cond is bool or uint8 (nonzero is true), a and b are cast to out's dtype. */
export function where(cond: TensorRef, a: Operand, b: Operand, out: TensorRef): void {
  const n = numel(out.shape);
  if (n === 0) return;
  if (whereWasm(cond, a, b, out, n)) return;
  const dt = out.dtype;
  const O = dataOf(out);
  const nd = out.shape.length;
  const sc = source(cond, cond.dtype, SCALAR_C, () => true);
  const sa = source(a, dt, SCALAR_A, storeExact);
  const sb = source(b, dt, SCALAR_B, storeExact);
  if (sc.contiguous && sa.contiguous && sb.contiguous && isContiguous(out.shape, out.strides)) {
    whereRow(n, sc.data, sc.offset, 1, sa.data, sa.offset, sa.strides ? 1 : 0, sb.data, sb.offset, sb.strides ? 1 : 0, O, out.offset, 1);
    return;
  }
  const c = collapse(out.shape, [out.strides, sc.strides ?? zeros(nd), sa.strides ?? zeros(nd), sb.strides ?? zeros(nd)]);
  const it = new RowIter(c.shape, c.strides, [out.offset, sc.offset, sa.offset, sb.offset]);
  const p = it.pos, s = it.inner, len = it.rowLen;
  do whereRow(len, sc.data, p[1], s[1], sa.data, p[2], s[2], sb.data, p[3], s[3], O, p[0], s[0]);
  while (it.next());
}
