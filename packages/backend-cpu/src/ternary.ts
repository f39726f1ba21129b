/**
 * Fused pointwise kernels of three operands (`addcmul`, `addcdiv`), rounded as
 * PyTorch's CPU kernels round them (see core's `TernaryOp`): `addcmul` ends in a
 * single-rounding fused multiply-add, emulated exactly (`fma32`/`fma64`).
 */
import type { DTypeName, HostArray, Operand, TensorRef, TernaryOp } from '@antorcha/core';
import { fma32, fma64 } from '@antorcha/rng';
import { source, zeros } from './binary.js';
import { copyWith, resultCast } from './copy.js';
import { dataOf, directStore, readExact, tempRef } from './memory.js';
import { RowIter, collapse, isContiguous, numel } from './strided.js';
import { heapBuffer } from './wasm/heap.js';
import { heapAddress, heapAlloc, wasmKernels } from './wasm/runtime.js';

const fround = Math.fround;

/** One element: `self`, `t1`, `t2` and the scalar `value`, all values of the compute dtype. */
type TernaryFn = (s: number, a: number, b: number, v: number) => number;

/** Per op and float compute dtype: PyTorch's evaluation order and roundings. */
const TERNARY: Record<TernaryOp, { float32: TernaryFn; float64: TernaryFn }> = {
  // self + value*t1*t2, contracted by the compiler into fma(value*t1, t2, self)
  addcmul: {
    float32: (s, a, b, v) => fma32(fround(v * a), b, s),
    float64: (s, a, b, v) => fma64(v * a, b, s),
  },
  // self + value*t1/t2: the division cannot fuse, so every step rounds
  addcdiv: {
    float32: (s, a, b, v) => fround(s + fround(fround(v * a) / b)),
    float64: (s, a, b, v) => s + (v * a) / b,
  },
};

function ternaryRow(
  f: TernaryFn, v: number, n: number,
  S: HostArray, si: number, ss: number, A: HostArray, ai: number, as: number,
  B: HostArray, bi: number, bs: number, O: HostArray, oi: number, os: number,
): void {
  for (let i = 0; i < n; i++, si += ss, ai += as, bi += bs, oi += os) O[oi] = f(S[si]!, A[ai]!, B[bi]!, v);
}

/**
 * float32 `addcmul` over whole float32 arrays (zero offsets; stride 1, or 0 for a scalar
 * `t2`, the `add(a, b, alpha)` case): the fma32 fast path inlined, the exact routine
 * only for the rare binary32 midpoint. Returns false when the layout does not fit.
 */
function addcmulFloat32(v: number, n: number, S: HostArray, A: HostArray, B: HostArray, bs: number, O: HostArray): boolean {
  if (!(S instanceof Float32Array && A instanceof Float32Array && O instanceof Float32Array)) return false;
  const fr = Math.fround;
  if (bs === 0) {
    const b = B[0]!;
    for (let i = 0; i < n; i++) {
      const a = fr(v * A[i]!);
      const c = S[i]!;
      const s = a * b + c; // a·b is exact in binary64
      const r = fr(s);
      const h = s - r;
      const m = r + (h + h);
      O[i] = h === 0 || fr(m) !== m ? r : fma32(a, b, c);
    }
    return true;
  }
  if (!(B instanceof Float32Array)) return false;
  for (let i = 0; i < n; i++) {
    const a = fr(v * A[i]!);
    const b = B[i]!;
    const c = S[i]!;
    const s = a * b + c;
    const r = fr(s);
    const h = s - r;
    const m = r + (h + h);
    O[i] = h === 0 || fr(m) !== m ? r : fma32(a, b, c);
  }
  return true;
}

/** float32 `addcdiv` over whole float32 arrays (zero offsets, stride 1). */
function addcdivFloat32(v: number, n: number, S: HostArray, A: HostArray, B: HostArray, O: HostArray): boolean {
  if (!(S instanceof Float32Array && A instanceof Float32Array && B instanceof Float32Array && O instanceof Float32Array)) return false;
  const fr = Math.fround;
  for (let i = 0; i < n; i++) O[i] = S[i]! + fr(fr(v * A[i]!) / B[i]!); // the store rounds the sum
  return true;
}

// One-element arrays through which scalar operands are read (stride 0).
const SCALAR_S = new Float64Array(1);
const SCALAR_1 = new Float64Array(1);
const SCALAR_2 = new Float64Array(1);

/** The WebAssembly kernels of assembly/ternary.ts. */
interface TernaryKernels {
  addcmulF32(self: number, t1: number, t2: number, bs: number, out: number, n: number, v: number): void;
  addcdivF32(self: number, t1: number, t2: number, out: number, n: number, v: number): void;
}

/** Below this many elements the JavaScript loops are as fast as a call into WebAssembly. */
const WASM_MIN_NUMEL = 64;

// A heap word through which a number `t2` reaches the kernel (allocated once, never freed).
let scalarWord = -2;
function scalarAddress(v: number): number {
  if (scalarWord === -2) scalarWord = heapAlloc(64);
  if (scalarWord >= 0) new Float32Array(heapBuffer(), scalarWord, 1)[0] = v;
  return scalarWord;
}

/** Heap address of a float32 operand every element of which is one value (all strides 0), else -1. */
function broadcastScalarAddress(x: Operand): number {
  if (typeof x === 'number') return scalarAddress(x);
  if (x.dtype !== 'float32' || x.strides.some((st, i) => st !== 0 && x.shape[i] !== 1)) return -1;
  return heapAddress(x);
}

/** Heap address of a contiguous float32 operand, else -1. */
function contiguousAddress(x: Operand): number {
  if (typeof x === 'number' || x.dtype !== 'float32' || !isContiguous(x.shape, x.strides)) return -1;
  return heapAddress(x);
}

/**
 * float32 addcmul/addcdiv through the WebAssembly kernels when self, t1 and out are
 * contiguous heap tensors and t2 is one too or a single value (addcmul); false otherwise
 * (nothing written). Results are bit-identical to the JavaScript loops.
 */
function ternaryWasm(op: TernaryOp, self: Operand, t1: Operand, t2: Operand, value: number, out: TensorRef): boolean {
  const n = numel(out.shape);
  if (n < WASM_MIN_NUMEL || out.dtype !== 'float32' || !isContiguous(out.shape, out.strides)) return false;
  const K = wasmKernels() as unknown as TernaryKernels | null;
  if (K === null) return false;
  const o = heapAddress(out);
  const s = contiguousAddress(self);
  const a = contiguousAddress(t1);
  if (o < 0 || s < 0 || a < 0) return false;
  let b = contiguousAddress(t2);
  if (op === 'addcdiv') {
    if (b < 0) return false;
    K.addcdivF32(s, a, b, o, n, value);
    return true;
  }
  let bs = 1;
  if (b < 0) {
    b = broadcastScalarAddress(t2);
    bs = 0;
  }
  if (b < 0) return false;
  K.addcmulF32(s, a, b, bs, o, n, value);
  return true;
}

function ternaryInto(op: TernaryOp, f: TernaryFn, self: Operand, t1: Operand, t2: Operand, value: number, out: TensorRef, cd: DTypeName): void {
  if (cd === 'float32' && ternaryWasm(op, self, t1, t2, value, out)) return;
  const O = dataOf(out);
  const s = source(self, cd, SCALAR_S, readExact);
  const a = source(t1, cd, SCALAR_1, readExact);
  const b = source(t2, cd, SCALAR_2, readExact);
  if (s.contiguous && a.contiguous && b.contiguous && isContiguous(out.shape, out.strides)) {
    const n = numel(out.shape);
    // whole-array float32 loops for the optimizer-shaped calls (fresh or in-place tensors)
    if (cd === 'float32' && s.offset === 0 && a.offset === 0 && b.offset === 0 && out.offset === 0 && s.strides && a.strides) {
      if (op === 'addcmul' && addcmulFloat32(value, n, s.data, a.data, b.data, b.strides ? 1 : 0, O)) return;
      if (op === 'addcdiv' && b.strides && addcdivFloat32(value, n, s.data, a.data, b.data, O)) return;
    }
    ternaryRow(f, value, n, s.data, s.offset, s.strides ? 1 : 0, a.data, a.offset, a.strides ? 1 : 0, b.data, b.offset, b.strides ? 1 : 0, O, out.offset, 1);
    return;
  }
  const nd = out.shape.length;
  const c = collapse(out.shape, [out.strides, s.strides ?? zeros(nd), a.strides ?? zeros(nd), b.strides ?? zeros(nd)]);
  const it = new RowIter(c.shape, c.strides, [out.offset, s.offset, a.offset, b.offset]);
  const p = it.pos, st = it.inner, len = it.rowLen;
  do ternaryRow(f, value, len, s.data, p[1], st[1], a.data, p[2], st[2], b.data, p[3], st[3], O, p[0], st[0]);
  while (it.next());
}

/**
 * `out[i] = op(self[i], t1[i], t2[i])` with scalar `value`, computed in the float
 * dtype `cd`; operands have out's shape (broadcast via stride 0) or are scalars.
 */
export function ternary(op: TernaryOp, self: Operand, t1: Operand, t2: Operand, value: number, out: TensorRef, cd: DTypeName): void {
  if (numel(out.shape) === 0) return;
  if (cd !== 'float32' && cd !== 'float64') throw new Error(`antorcha cpu backend: ${op} computes in float32 or float64, not ${cd}`);
  const f = TERNARY[op][cd];
  if (directStore(cd, out.dtype)) {
    ternaryInto(op, f, self, t1, t2, value, out, cd);
    return;
  }
  const tmp = tempRef(cd, out.shape);
  ternaryInto(op, f, self, t1, t2, value, tmp, cd);
  copyWith(tmp, out, resultCast(cd, out.dtype));
}
