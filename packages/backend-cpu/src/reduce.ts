/**
 * Reductions over the trailing dims of a view. float32 sums add in float32 in
 * PyTorch's own order (ATen's cascade_sum and its loop over the reduced dims), in
 * WebAssembly or JavaScript, for every layout with positive strides (bit-exact with
 * torch.sum at one thread); other sums accumulate in double precision and round once
 * (as do float32 views with negative strides, and with several non-coalescing reduced
 * dims among which an expanded one); products round to the
 * compute dtype at every step.
 */
import type { DTypeName, HostArray, ReduceOp, TensorRef } from '@antorcha/core';
import { castTo, convertRef, dataOf, directStore, readExact } from './memory.js';
import { RowIter, collapse, isContiguous, numel } from './strided.js';
import { heapAddress, heapScratch, heapView, wasmKernels } from './wasm/runtime.js';

/** The WebAssembly reduction kernels (assembly/reduce.ts). */
interface ReduceKernels {
  reduceRowsF32(op: number, x: number, rows: number, n: number, out: number): void;
  torchSumRowsF32(x: number, rows: number, n: number, out: number): void;
  torchSumColsF32(x: number, rows: number, rowStride: number, cols: number, out: number): void;
  extremeColsF32(isMax: number, x: number, rows: number, rowStride: number, cols: number, out: number): void;
}

/** Below this many input elements the JavaScript loops are as fast as a call into WebAssembly. */
const WASM_MIN_NUMEL = 64;

const SUM = 0, NANSUM = 1, PROD = 2, MAX = 3, MIN = 4, ARGMAX = 5, ARGMIN = 6, ALL = 7, ANY = 8;
const CODES: Record<ReduceOp, number> = {
  sum: SUM, nansum: NANSUM, prod: PROD, max: MAX, min: MIN, argmax: ARGMAX, argmin: ARGMIN, all: ALL, any: ANY,
};

/** Product step rounded to the compute dtype. */
function prodStep(cd: DTypeName): (p: number, v: number) => number {
  switch (cd) {
    case 'float32':
      return (p, v) => Math.fround(p * v);
    case 'int32':
      return Math.imul;
    case 'uint8':
      return (p, v) => (p * v) & 0xff;
    case 'bool':
      return (p, v) => (p !== 0 && v !== 0 ? 1 : 0);
    case 'int64':
      return (p, v) => p * v + 0; // no −0 in integers
    default:
      return (p, v) => p * v;
  }
}

/** Running state of an arg-reduction: the extreme so far and its flat index (-1 before the first). */
interface ArgState {
  best: number;
  index: number;
}

/**
 * Sum of a contiguous float32 run in double precision. Monomorphic (only ever
 * sees Float32Array) with four independent accumulators, so the loop is not
 * bound by the latency of one dependent add chain.
 */
function sumFloat32Run(X: Float32Array, xi: number, n: number): number {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  const end4 = xi + (n & ~3);
  let i = xi;
  for (; i < end4; i += 4) {
    a0 += X[i]!;
    a1 += X[i + 1]!;
    a2 += X[i + 2]!;
    a3 += X[i + 3]!;
  }
  for (const end = xi + n; i < end; i++) a0 += X[i]!;
  return a0 + a1 + (a2 + a3);
}

// ---- PyTorch's float32 summation order in JavaScript (ATen SumKernel.cpp, cascade_sum) ----
// The same order as assembly/reduce.ts (8-lane float vectors, ilp 4, four cascade levels; the
// scalar row_sum with ilp 4), for sums the WebAssembly kernels don't take (small tensors,
// operands outside the heap, setCpuKernels('js')) and for the strided 2-D layouts ATen's
// scalar_inner_sum / scalar_outer_sum cover. Float32Array stores round every add to float32.

/** Level accumulators of the 8-lane cascade: 4 levels × (4 ilp rows × 8 lanes). */
const CASCADE = new Float32Array(128);
/** Level-folded lanes of the scalar cascade (4 ilp rows). */
const LANES4 = new Float32Array(4);

/** utils::CeilLog2: 1 for v <= 2, else floor(log2(v − 1)) + 1. */
function ceilLog2(v: number): number {
  return v <= 2 ? 1 : 32 - Math.clz32(v - 1);
}

/** Adds one group of 4 × 8 floats (row k's 8 lanes at p + k·k1) into level 0. */
function addGroup32(X: Float32Array, p: number, k1: number): void {
  const A = CASCADE;
  for (let k = 0, o = 0; k < 4; k++, o += 8) {
    const q = p + k * k1;
    A[o] += X[q]!;
    A[o + 1] += X[q + 1]!;
    A[o + 2] += X[q + 2]!;
    A[o + 3] += X[q + 3]!;
    A[o + 4] += X[q + 4]!;
    A[o + 5] += X[q + 5]!;
    A[o + 6] += X[q + 6]!;
    A[o + 7] += X[q + 7]!;
  }
}

/** Level `to` += level `from`, then level `from` = 0. */
function foldLevel(to: number, from: number): void {
  const A = CASCADE;
  for (let l = 0; l < 32; l++) {
    A[to + l] += A[from + l]!;
    A[from + l] = 0;
  }
}

/**
 * ATen's multi_row_sum of 4 rows of 8-lane vectors over `size` groups (group i at
 * x + i·advance, its row k at + k·k1); the 32 level-folded lanes are left in CASCADE[0..32).
 */
function cascade32(X: Float32Array, x: number, advance: number, k1: number, size: number): void {
  const A = CASCADE;
  A.fill(0);
  const lp = Math.max(4, Math.floor(ceilLog2(size) / 4));
  const step = 2 ** lp, mask = step - 1;
  let i = 0, p = x;
  while (i + step <= size) {
    for (let j = 0; j < step; j++, i++, p += advance) addGroup32(X, p, k1);
    foldLevel(32, 0);
    if ((i & (mask << lp)) !== 0) continue;
    foldLevel(64, 32);
    if ((i & (mask << (2 * lp))) !== 0) continue;
    foldLevel(96, 64);
  }
  for (; i < size; i++, p += advance) addGroup32(X, p, k1);
  for (let l = 0; l < 32; l++) {
    A[l] += A[32 + l]!;
    A[l] += A[64 + l]!;
    A[l] += A[96 + l]!;
  }
}

/** Adds 8 floats from X at q into lanes 0..8 of CASCADE's row 0. */
function addVec8(X: Float32Array, q: number): void {
  const A = CASCADE;
  for (let l = 0; l < 8; l++) A[l] += X[q + l]!;
}

/** partial_sums[0] += partial_sums[1], [2], [3] (lanes 0..8 of CASCADE). */
function foldRows8(): void {
  const A = CASCADE;
  for (let l = 0; l < 8; l++) {
    A[l] += A[8 + l]!;
    A[l] += A[16 + l]!;
    A[l] += A[24 + l]!;
  }
}

/**
 * ATen's scalar multi_row_sum with 4 rows over `size` groups (lane k of group i at
 * x + i·advance + k·ks); the level-folded lanes are left in LANES4.
 */
function cascade4(X: Float32Array, x: number, advance: number, ks: number, size: number): void {
  const fr = Math.fround;
  const lp = Math.max(4, Math.floor(ceilLog2(size) / 4));
  const step = 2 ** lp, mask = step - 1;
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0;
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
  let d0 = 0, d1 = 0, d2 = 0, d3 = 0;
  let i = 0, p = x;
  const k2 = 2 * ks, k3 = 3 * ks;
  while (i + step <= size) {
    for (let j = 0; j < step; j++, i++, p += advance) {
      a0 = fr(a0 + X[p]!);
      a1 = fr(a1 + X[p + ks]!);
      a2 = fr(a2 + X[p + k2]!);
      a3 = fr(a3 + X[p + k3]!);
    }
    b0 = fr(b0 + a0); b1 = fr(b1 + a1); b2 = fr(b2 + a2); b3 = fr(b3 + a3);
    a0 = a1 = a2 = a3 = 0;
    if ((i & (mask << lp)) !== 0) continue;
    c0 = fr(c0 + b0); c1 = fr(c1 + b1); c2 = fr(c2 + b2); c3 = fr(c3 + b3);
    b0 = b1 = b2 = b3 = 0;
    if ((i & (mask << (2 * lp))) !== 0) continue;
    d0 = fr(d0 + c0); d1 = fr(d1 + c1); d2 = fr(d2 + c2); d3 = fr(d3 + c3);
    c0 = c1 = c2 = c3 = 0;
  }
  for (; i < size; i++, p += advance) {
    a0 = fr(a0 + X[p]!);
    a1 = fr(a1 + X[p + ks]!);
    a2 = fr(a2 + X[p + k2]!);
    a3 = fr(a3 + X[p + k3]!);
  }
  const L = LANES4;
  L[0] = fr(fr(fr(a0 + b0) + c0) + d0);
  L[1] = fr(fr(fr(a1 + b1) + c1) + d1);
  L[2] = fr(fr(fr(a2 + b2) + c2) + d2);
  L[3] = fr(fr(fr(a3 + b3) + c3) + d3);
}

/** ATen's scalar row_sum (ilp 4) of n floats at x, stride s. */
function torchRowSumScalar(X: Float32Array, x: number, s: number, n: number): number {
  const fr = Math.fround;
  if (n < 8) {
    // fewer than 16 groups: no cascade level is reached (the zero levels change nothing
    // but the sign of a zero, which the final 0 + sum settles)
    let p0 = 0, p1 = 0, p2 = 0, p3 = 0, i = 0;
    if (n >= 4) {
      p0 = X[x]!;
      p1 = X[x + s]!;
      p2 = X[x + 2 * s]!;
      p3 = X[x + 3 * s]!;
      i = 4;
    }
    for (; i < n; i++) p0 = fr(p0 + X[x + i * s]!);
    return fr(fr(fr(p0 + p1) + p2) + p3);
  }
  const groups = Math.floor(n / 4);
  cascade4(X, x, 4 * s, s, groups);
  const L = LANES4;
  let p0 = L[0]!;
  for (let i = groups * 4; i < n; i++) p0 = fr(p0 + X[x + i * s]!);
  p0 = fr(p0 + L[1]!);
  p0 = fr(p0 + L[2]!);
  return fr(p0 + L[3]!);
}

/** ATen's vectorized_inner_sum of one contiguous row of n >= 8 floats at x (before the store). */
function torchRowSumVec(X: Float32Array, x: number, n: number): number {
  const fr = Math.fround;
  const vecSize = Math.floor(n / 8);
  const size = Math.floor(vecSize / 4);
  cascade32(X, x, 32, 8, size);
  for (let v = size * 4; v < vecSize; v++) addVec8(X, x + v * 8);
  foldRows8();
  const A = CASCADE;
  let fin = 0;
  for (let k = vecSize * 8; k < n; k++) fin = fr(fin + X[x + k]!);
  for (let l = 0; l < 8; l++) fin = fr(fin + A[l]!);
  return fin;
}

/**
 * One of ATen's 2-D sum loops: `m` outputs (x stride b, out stride os), each the sum of `n`
 * floats (x stride a), dispatched as cascade_sum does: vectorized inner sums (a = 1, n >= 8),
 * vectorized outer sums (b = 1, m >= 8), scalar inner sums (a < b), else scalar outer sums.
 * Each output is stored as 0 + its sum.
 */
function torchSum2d(X: Float32Array, xi: number, a: number, n: number, b: number, m: number, O: Float32Array, oi: number, os: number): void {
  if (a === 1 && n >= 8) {
    for (let j = 0; j < m; j++) O[oi + j * os] = 0 + torchRowSumVec(X, xi + j * b, n);
    return;
  }
  if (a < b && !(b === 1 && m >= 8)) {
    for (let j = 0; j < m; j++) O[oi + j * os] = 0 + torchRowSumScalar(X, xi + j * b, a, n);
    return;
  }
  const A = CASCADE;
  let j = 0;
  if (b === 1 && m >= 8) {
    // vectorized_outer_sum: 32 columns per group, then 8 columns in groups of 4 rows
    for (; j + 32 <= m; j += 32) {
      cascade32(X, xi + j, a, 8, n);
      for (let c = 0; c < 32; c++) O[oi + (j + c) * os] = 0 + A[c]!;
    }
    for (; j + 8 <= m; j += 8) {
      const size = Math.floor(n / 4);
      cascade32(X, xi + j, 4 * a, a, size);
      for (let r = size * 4; r < n; r++) addVec8(X, xi + j + r * a);
      foldRows8();
      for (let c = 0; c < 8; c++) O[oi + (j + c) * os] = 0 + A[c]!;
    }
  } else {
    // scalar_outer_sum: 4 columns at a time
    const L = LANES4;
    for (; j + 4 <= m; j += 4) {
      cascade4(X, xi + j * b, a, b, n);
      for (let c = 0; c < 4; c++) O[oi + (j + c) * os] = 0 + L[c]!;
    }
  }
  for (; j < m; j++) O[oi + j * os] = 0 + torchRowSumScalar(X, xi + j * b, a, n);
}

/**
 * float32 sum in PyTorch's order over reduced dims that don't coalesce into one run (e.g.
 * dims 0 and 2 of a 3-D tensor): ATen orders them by stride (smallest first), runs its 2-D
 * loop over the two innermost (both with output stride 0: the scalar or vectorized inner
 * sum of each row, added into the output one row after another) and repeats it over the
 * others, the third innermost fastest. `inner` is the reduced dims collapsed (outermost
 * first); strides must be positive and distinct (no ties for ATen to break by size).
 */
function torchSumPlanesF32(x: TensorRef, lead: number, inner: { shape: number[]; strides: number[][] }, out: TensorRef): boolean {
  const k = inner.shape.length;
  const st = inner.strides[0]!;
  for (let d = 0; d < k; d++) if (st[d]! <= 0 || (d > 0 && st[d - 1]! <= st[d]!)) return false;
  const outer = collapse(x.shape.slice(0, lead), [out.strides.slice(0, lead), x.strides.slice(0, lead)], false);
  for (let d = 0; d < outer.shape.length; d++) if (outer.shape[d]! > 1 && outer.strides[1]![d]! <= 0) return false;
  const a = st[k - 1]!, n = inner.shape[k - 1]!, b = st[k - 2]!, m = inner.shape[k - 2]!;
  // offsets of the 2-D planes, in ATen's order (row-major over the remaining reduced dims)
  let planes = [0];
  for (let d = 0; d < k - 2; d++) {
    const next: number[] = [];
    for (const q of planes) for (let i = 0; i < inner.shape[d]!; i++) next.push(q + i * st[d]!);
    planes = next;
  }
  const X = dataOf(x) as Float32Array;
  const O = dataOf(out) as Float32Array;
  const fr = Math.fround;
  const vec = a === 1 && n >= 8;
  const it = new RowIter(outer.shape, outer.strides, [out.offset, x.offset]);
  const len = it.rowLen, os = it.inner[0]!, xs = it.inner[1]!;
  do {
    for (let j = 0, oi = it.pos[0]!, xo = it.pos[1]!; j < len; j++, oi += os, xo += xs) {
      let acc = 0;
      for (const q of planes) {
        for (let r = 0, p = xo + q; r < m; r++, p += b) acc = fr(acc + (vec ? torchRowSumVec(X, p, n) : torchRowSumScalar(X, p, a, n)));
      }
      O[oi] = acc;
    }
  } while (it.next());
  return true;
}

/**
 * float32 sum in PyTorch's order (the JavaScript twin of the WebAssembly kernels): the
 * reduced dims must collapse to one (positive stride), and the outputs' dims are walked
 * with the one of smallest output stride innermost, as ATen's TensorIterator orders them
 * (one 2-D loop per combination of the others). False (nothing written) for other layouts.
 */
function torchSumF32(x: TensorRef, reduceDims: number, out: TensorRef): boolean {
  const lead = x.shape.length - reduceDims;
  if (isContiguous(x.shape, x.strides) && isContiguous(out.shape, out.strides)) {
    // the common case without collapsing: rows of n contiguous floats, one output each
    let n = 1;
    for (let d = lead; d < x.shape.length; d++) n *= x.shape[d]!;
    const m = numel(x.shape) / n;
    torchSum2d(dataOf(x) as Float32Array, x.offset, 1, n, n, m, dataOf(out) as Float32Array, out.offset, 1);
    return true;
  }
  // the reduced dims in ATen's order (smallest stride first), coalesced where they can be
  const inner = collapse(x.shape.slice(lead), [x.strides.slice(lead)], true);
  if (inner.shape.length > 1) return torchSumPlanesF32(x, lead, inner, out);
  const n = inner.shape[0]!;
  const a = n === 1 ? 1 : inner.strides[0]![0]!;
  if (a < 0) return false; // 0: an expanded dim
  const outer = collapse(x.shape.slice(0, lead), [out.strides.slice(0, lead), x.strides.slice(0, lead)], false);
  const od = outer.shape.length;
  const os = outer.strides[0]!, xs = outer.strides[1]!;
  if (od > 1 || outer.shape[0]! > 1) {
    for (let d = 0; d < od; d++) if (os[d]! <= 0 || xs[d]! < 0) return false;
    for (let d = 0; d < od - 1; d++) if (os[d]! <= os[od - 1]!) return false;
  }
  const X = dataOf(x) as Float32Array;
  const O = dataOf(out) as Float32Array;
  const it = new RowIter(outer.shape, outer.strides, [out.offset, x.offset]);
  do torchSum2d(X, it.pos[1]!, a, n, it.inner[1]!, it.rowLen, O, it.pos[0]!, it.inner[0]!);
  while (it.next());
  return true;
}

/** Folds `n` elements of X (from `xi`, stride `xs`) into `acc`. */
function reduceRun(code: number, X: HostArray, xi: number, xs: number, n: number, acc: number, mul: (p: number, v: number) => number): number {
  switch (code) {
    case SUM:
      if (xs === 1 && X instanceof Float32Array) return acc + sumFloat32Run(X, xi, n);
      for (let i = 0; i < n; i++, xi += xs) acc += X[xi];
      return acc;
    case NANSUM:
      for (let i = 0; i < n; i++, xi += xs) {
        const v = X[xi];
        if (v === v) acc += v;
      }
      return acc;
    case PROD:
      for (let i = 0; i < n; i++, xi += xs) acc = mul(acc, X[xi]);
      return acc;
    case MAX:
      for (let i = 0; i < n; i++, xi += xs) {
        const v = X[xi];
        if (v > acc || v !== v) acc = v;
      }
      return acc;
    case MIN:
      for (let i = 0; i < n; i++, xi += xs) {
        const v = X[xi];
        if (v < acc || v !== v) acc = v;
      }
      return acc;
    case ALL:
      for (let i = 0; i < n; i++, xi += xs) if (X[xi] === 0) return 0;
      return acc;
    case ANY:
      for (let i = 0; i < n; i++, xi += xs) if (X[xi] !== 0) return 1;
      return acc;
  }
  return acc;
}

/** Updates an arg-reduction with `n` elements of X whose first has flat index `count`. */
function argRun(max: boolean, X: HostArray, xi: number, xs: number, n: number, count: number, st: ArgState): void {
  let best = st.best, index = st.index;
  if (best !== best) return; // a NaN was found: it stays
  for (let i = 0; i < n; i++, xi += xs) {
    const v = X[xi];
    if (v !== v) {
      st.best = v;
      st.index = count + i;
      return;
    }
    if (index < 0 || (max ? v > best : v < best)) {
      best = v;
      index = count + i;
    }
  }
  st.best = best;
  st.index = index;
}

function initial(code: number): number {
  switch (code) {
    case PROD:
    case ALL:
      return 1;
    case MAX:
      return -Infinity;
    case MIN:
      return Infinity;
    default:
      return 0;
  }
}

/**
 * float32 sum/max/min through the WebAssembly kernels: contiguous rows (`[M, N] → [M]`,
 * whole-tensor) and contiguous columns (`[M, N] → [N]`, x viewed as [N, M] with strides
 * [1, N]); false when the layout, dtypes or heap placement don't fit (nothing written).
 * max/min are bit-identical to the JS loops (columns: their fold run lane-wise). Sums (rows, columns, whole tensors) add in
 * float32 in PyTorch's own order (ATen's cascade_sum with 8-lane vectors), which makes them
 * bit-exact with torch.sum on one thread (fixtures/sum-order.json), as the JavaScript
 * twin (torchSumF32) is. An output outside the heap (a whole-tensor result) is written
 * through heap scratch.
 */
function reduceWasm(code: number, x: TensorRef, reduceDims: number, out: TensorRef, cd: DTypeName): boolean {
  if (cd !== 'float32' || x.dtype !== 'float32' || out.dtype !== 'float32') return false;
  if (code !== SUM && code !== MAX && code !== MIN) return false;
  const total = numel(x.shape);
  if (total < WASM_MIN_NUMEL) return false;
  const K = wasmKernels() as unknown as ReduceKernels | null;
  if (K === null) return false;
  const xAddr = heapAddress(x);
  if (xAddr < 0) return false;
  const lead = x.shape.length - reduceDims;
  const outerN = numel(x.shape.slice(0, lead));
  const innerN = numel(x.shape.slice(lead));
  if (innerN === 0 || outerN === 0) return false;
  // a small output (a whole-tensor sum's one element) lives outside the heap: the kernel
  // writes into scratch, copied out after
  let oAddr = heapAddress(out);
  const scratch = oAddr < 0;
  if (scratch) {
    oAddr = heapScratch(0, outerN * 4);
    if (oAddr < 0) return false;
  }
  const copyOut = (): void => {
    if (!scratch) return;
    const S = heapView('float32', oAddr, outerN);
    const O = dataOf(out) as Float32Array;
    for (let i = 0, o = out.offset; i < outerN; i++, o++) O[o] = S[i]!;
  };
  if (isContiguous(x.shape, x.strides) && isContiguous(out.shape, out.strides)) {
    if (code === SUM) K.torchSumRowsF32(xAddr, outerN, innerN, oAddr);
    else K.reduceRowsF32(code, xAddr, outerN, innerN, oAddr);
    copyOut();
    return true;
  }
  // columns: outputs step by 1 in x and in out, the reduced elements by a row stride >= their count
  const outer = collapse(x.shape.slice(0, lead), [out.strides.slice(0, lead), x.strides.slice(0, lead)], false);
  const inner = collapse(x.shape.slice(lead), [x.strides.slice(lead)], false);
  if (outer.shape.length !== 1 || inner.shape.length !== 1) return false;
  if (outer.strides[0][0] !== 1 || outer.strides[1][0] !== 1) return false;
  const rowStride = inner.strides[0][0];
  const cols = outer.shape[0];
  if (rowStride < cols || cols < 2) return false;
  if (code === SUM) K.torchSumColsF32(xAddr, inner.shape[0], rowStride, cols, oAddr);
  else K.extremeColsF32(code === MAX ? 1 : 0, xAddr, inner.shape[0], rowStride, cols, oAddr);
  copyOut(); // outerN === cols, and out steps by 1
  return true;
}

/**
 * Reduces the last `reduceDims` dims of x into out (x's leading dims' shape).
 * arg-reductions write int64 flat indices into the reduced block (first extreme;
 * first NaN if any); all/any write bool; empty reductions give sum 0, prod 1,
 * all true, any false.
 */
export function reduce(op: ReduceOp, x: TensorRef, reduceDims: number, out: TensorRef, cd: DTypeName): void {
  const code = CODES[op];
  if (reduceWasm(code, x, reduceDims, out, cd)) return;
  if (code === SUM && cd === 'float32' && x.dtype === 'float32' && out.dtype === 'float32' && numel(x.shape) > 0 && torchSumF32(x, reduceDims, out)) return;
  const nd = x.shape.length;
  const lead = nd - reduceDims;
  const outerShape = x.shape.slice(0, lead);
  const innerShape = x.shape.slice(lead);
  const outerN = numel(outerShape);
  if (outerN === 0) return;
  const innerN = numel(innerShape);
  if (!readExact(x.dtype, cd)) x = convertRef(x, cd);
  const X = dataOf(x);
  const O = dataOf(out);
  const isArg = code === ARGMAX || code === ARGMIN;
  // how a result reaches out: arg/all/any results are exact; others are rounded to cd then cast
  const exact = isArg || code === ALL || code === ANY || directStore(cd, out.dtype);
  const outDt = out.dtype;
  const write = (oi: number, v: number): void => {
    O[oi] = exact ? v : castTo(castTo(v, cd), outDt);
  };

  if (innerN > 0 && isContiguous(x.shape, x.strides) && isContiguous(out.shape, out.strides)) {
    // the common case: contiguous blocks of innerN elements, one per output
    const mul = prodStep(cd);
    const st: ArgState = { best: 0, index: -1 };
    for (let o = 0, xi = x.offset, oi = out.offset; o < outerN; o++, xi += innerN, oi++) {
      if (isArg) {
        st.best = 0;
        st.index = -1;
        argRun(code === ARGMAX, X, xi, 1, innerN, 0, st);
        O[oi] = st.index;
      } else write(oi, reduceRun(code, X, xi, 1, innerN, initial(code), mul));
    }
    return;
  }

  const outer = collapse(outerShape, [out.strides.slice(0, lead), x.strides.slice(0, lead)], false);
  const inner = collapse(innerShape, [x.strides.slice(lead)], false);
  const oIt = new RowIter(outer.shape, outer.strides, [out.offset, x.offset]);
  const oLen = oIt.rowLen, oStride = oIt.inner[0], xoStride = oIt.inner[1];

  if (innerN === 0) {
    const v = initial(code);
    do for (let j = 0, oi = oIt.pos[0]; j < oLen; j++, oi += oStride) write(oi, isArg ? 0 : v);
    while (oIt.next());
    return;
  }

  const mul = prodStep(cd);
  const iIt = new RowIter(inner.shape, inner.strides, [0]);
  const iLen = iIt.rowLen, iStride = iIt.inner[0];
  const innerRows = innerN / iLen;

  // Column mode: the reduced elements are further apart in memory than consecutive
  // outputs (e.g. summing over dim 0 of a contiguous matrix). Walk the reduced block
  // in the outer loop and the outputs in the inner loop, accumulating in a buffer.
  const minInner = Math.min(...inner.strides[0].map((s, i) => (inner.shape[i] === 1 ? Infinity : Math.abs(s))));
  if (!isArg && outer.shape.length === 1 && oLen > 1 && Math.abs(xoStride) < minInner) {
    const acc = new Float64Array(oLen).fill(initial(code));
    const xBase = x.offset;
    do {
      let rowStart = xBase + iIt.pos[0];
      for (let r = 0; r < iLen; r++, rowStart += iStride) {
        let xi = rowStart;
        switch (code) {
          case SUM: for (let j = 0; j < oLen; j++, xi += xoStride) acc[j] += X[xi]; break;
          case NANSUM: for (let j = 0; j < oLen; j++, xi += xoStride) { const v = X[xi]; if (v === v) acc[j] += v; } break;
          case PROD: for (let j = 0; j < oLen; j++, xi += xoStride) acc[j] = mul(acc[j], X[xi]); break;
          case MAX: for (let j = 0; j < oLen; j++, xi += xoStride) { const v = X[xi]; if (v > acc[j] || v !== v) acc[j] = v; } break;
          case MIN: for (let j = 0; j < oLen; j++, xi += xoStride) { const v = X[xi]; if (v < acc[j] || v !== v) acc[j] = v; } break;
          case ALL: for (let j = 0; j < oLen; j++, xi += xoStride) if (X[xi] === 0) acc[j] = 0; break;
          case ANY: for (let j = 0; j < oLen; j++, xi += xoStride) if (X[xi] !== 0) acc[j] = 1; break;
        }
      }
    } while (iIt.next());
    for (let j = 0, oi = oIt.pos[0]; j < oLen; j++, oi += oStride) write(oi, acc[j]);
    return;
  }

  const st: ArgState = { best: 0, index: -1 };
  const isMax = code === ARGMAX;
  do {
    let xo = oIt.pos[1];
    for (let j = 0, oi = oIt.pos[0]; j < oLen; j++, oi += oStride, xo += xoStride) {
      if (isArg) {
        st.best = 0;
        st.index = -1;
        let count = 0;
        if (innerRows === 1) argRun(isMax, X, xo, iStride, iLen, 0, st);
        else {
          iIt.reset([0]);
          do {
            argRun(isMax, X, xo + iIt.pos[0], iStride, iLen, count, st);
            count += iLen;
          } while (iIt.next());
        }
        O[oi] = st.index;
        continue;
      }
      let acc = initial(code);
      if (innerRows === 1) acc = reduceRun(code, X, xo, iStride, iLen, acc, mul);
      else {
        iIt.reset([0]);
        do acc = reduceRun(code, X, xo + iIt.pos[0], iStride, iLen, acc, mul);
        while (iIt.next());
      }
      write(oi, acc);
    }
  } while (oIt.next());
}
