/**
 * Reductions over the trailing dims of a view. Sums accumulate in double
 * precision and round once (float32 sums are then as accurate as PyTorch's
 * cascade sums, or more); products round to the compute dtype at every step.
 */
import type { DTypeName, HostArray, ReduceOp, TensorRef } from '@antorcha/core';
import { castTo, convertRef, dataOf, directStore, readExact } from './memory.js';
import { RowIter, collapse, isContiguous, numel } from './strided.js';
import { heapAddress, wasmKernels } from './wasm/runtime.js';

/** The WebAssembly reduction kernels (assembly/reduce.ts). */
interface ReduceKernels {
  reduceRowsF32(op: number, x: number, rows: number, n: number, out: number): void;
  torchSumRowsF32(x: number, rows: number, n: number, out: number): void;
  torchSumColsF32(x: number, rows: number, rowStride: number, cols: number, out: number): void;
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
 * max/min are bit-identical to the JS loops. Sums (rows, columns, whole tensors) add in
 * float32 in PyTorch's own order (ATen's cascade_sum with 8-lane vectors), which makes them
 * bit-exact with torch.sum on one thread (fixtures/sum-order.json), where the JS loops'
 * double accumulation can differ from it in the last bit.
 */
function reduceWasm(code: number, x: TensorRef, reduceDims: number, out: TensorRef, cd: DTypeName): boolean {
  if (cd !== 'float32' || x.dtype !== 'float32' || out.dtype !== 'float32') return false;
  if (code !== SUM && code !== MAX && code !== MIN) return false;
  const total = numel(x.shape);
  if (total < WASM_MIN_NUMEL) return false;
  const K = wasmKernels() as unknown as ReduceKernels | null;
  if (K === null) return false;
  const xAddr = heapAddress(x);
  const oAddr = heapAddress(out);
  if (xAddr < 0 || oAddr < 0) return false;
  const lead = x.shape.length - reduceDims;
  const outerN = numel(x.shape.slice(0, lead));
  const innerN = numel(x.shape.slice(lead));
  if (innerN === 0 || outerN === 0) return false;
  if (isContiguous(x.shape, x.strides) && isContiguous(out.shape, out.strides)) {
    if (code === SUM) K.torchSumRowsF32(xAddr, outerN, innerN, oAddr);
    else K.reduceRowsF32(code, xAddr, outerN, innerN, oAddr);
    return true;
  }
  if (code !== SUM) return false;
  // columns: outputs step by 1 in x and in out, the reduced elements by a row stride >= their count
  const outer = collapse(x.shape.slice(0, lead), [out.strides.slice(0, lead), x.strides.slice(0, lead)], false);
  const inner = collapse(x.shape.slice(lead), [x.strides.slice(lead)], false);
  if (outer.shape.length !== 1 || inner.shape.length !== 1) return false;
  if (outer.strides[0][0] !== 1 || outer.strides[1][0] !== 1) return false;
  const rowStride = inner.strides[0][0];
  const cols = outer.shape[0];
  if (rowStride < cols || cols < 2) return false;
  K.torchSumColsF32(xAddr, inner.shape[0], rowStride, cols, oAddr);
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
