/**
 * Scans along one dim. Like ATen's CPU kernels, cumsum/cumprod/logcumsumexp carry
 * the running value in double precision (int64 for integers) and round each
 * output to the compute dtype; cummax/cummin also write the source index, the
 * latest among equal extremes and the latest NaN, as PyTorch does.
 */
import type { DTypeName, HostArray, ScanOp, TensorRef } from '@antorcha/core';
import { castTo, convertRef, dataOf, directStore, readExact } from './memory.js';
import { logAddExp } from './math.js';
import { RowIter, collapse, numel } from './strided.js';

const CUMSUM = 0, CUMPROD = 1, CUMMAX = 2, CUMMIN = 3, LOGCUMSUMEXP = 4;
const CODES: Record<ScanOp, number> = { cumsum: CUMSUM, cumprod: CUMPROD, cummax: CUMMAX, cummin: CUMMIN, logcumsumexp: LOGCUMSUMEXP };

/** Running-product step in the accumulation type of `cd`. */
function prodStep(cd: DTypeName): (p: number, v: number) => number {
  switch (cd) {
    case 'int32':
      return Math.imul; // low 32 bits of the int64 running product
    case 'uint8':
      return (p, v) => (p * v) & 0xff;
    case 'int64':
      return (p, v) => p * v + 0;
    case 'bool':
      return (p, v) => (p !== 0 && v !== 0 ? 1 : 0);
    default:
      return (p, v) => p * v;
  }
}

function initial(code: number): number {
  return code === CUMPROD ? 1 : code === LOGCUMSUMEXP ? -Infinity : code === CUMMIN ? Infinity : code === CUMMAX ? -Infinity : 0;
}

/**
 * Scans x along `dim` into out (x's shape), computing in `cd`; for cummax/cummin,
 * `indices` (int64, same shape) receives the index of the running extreme.
 */
export function scan(op: ScanOp, x: TensorRef, dim: number, out: TensorRef, cd: DTypeName, indices?: TensorRef): void {
  const code = CODES[op];
  if (numel(x.shape) === 0) return;
  if (x.shape.length === 0) {
    // a 0-d tensor scans as one element along a dim of size 1
    const one = (r: TensorRef): TensorRef => ({ ...r, shape: [1], strides: [0] });
    scan(op, one(x), 0, one(out), cd, indices ? one(indices) : undefined);
    return;
  }
  if (!readExact(x.dtype, cd)) x = convertRef(x, cd);
  const X = dataOf(x);
  const O = dataOf(out);
  const withIdx = code === CUMMAX || code === CUMMIN;
  const idx = withIdx ? indices : undefined;
  const I: HostArray = idx ? dataOf(idx) : new Float64Array(1); // a sink when no indices are wanted
  const L = x.shape[dim];
  const xd = x.strides[dim], od = out.strides[dim], id = idx ? idx.strides[dim] : 0;
  const others = x.shape.filter((_, i) => i !== dim);
  const drop = (s: readonly number[]): number[] => s.filter((_, i) => i !== dim);
  const c = collapse(others, [drop(out.strides), drop(x.strides), idx ? drop(idx.strides) : others.map(() => 0)]);
  const it = new RowIter(c.shape, c.strides, [out.offset, x.offset, idx ? idx.offset : 0]);
  const rowLen = it.rowLen, os = it.inner[0], xs = it.inner[1], is = it.inner[2];
  const exact = directStore(cd, out.dtype) || (withIdx && out.dtype === cd);
  const outDt = out.dtype;
  const mul = prodStep(cd);
  const isMax = code === CUMMAX;
  // walk each line along dim, unless lines are closer together in memory than
  // steps along dim: then advance all lines of a row together (column mode)
  const column = rowLen > 1 && Math.abs(xs) < Math.abs(xd);
  const acc = new Float64Array(column ? rowLen : 1);
  const arg = new Float64Array(column ? rowLen : 1);
  do {
    const p = it.pos;
    if (!column && code === CUMSUM && exact) {
      // the most common scan: a tight loop per line
      for (let j = 0; j < rowLen; j++) {
        let a = 0;
        for (let k = 0, xi = p[1] + j * xs, oi = p[0] + j * os; k < L; k++, xi += xd, oi += od) {
          a += X[xi];
          O[oi] = a;
        }
      }
      continue;
    }
    const lines = column ? 1 : rowLen;
    for (let j = 0; j < lines; j++) {
      const width = column ? rowLen : 1;
      acc.fill(initial(code));
      arg.fill(0);
      let xb = p[1] + j * xs, ob = p[0] + j * os, ib = p[2] + j * is;
      for (let k = 0; k < L; k++, xb += xd, ob += od, ib += id) {
        for (let w = 0, xi = xb, oi = ob, ii = ib; w < width; w++, xi += xs, oi += os, ii += is) {
          const v = X[xi];
          let a = acc[w];
          switch (code) {
            case CUMSUM: a += v; break;
            case CUMPROD: a = mul(a, v); break;
            case LOGCUMSUMEXP: a = logAddExp(v, a); break;
            default:
              // the latest extreme wins ties; a NaN sticks until the next NaN
              if (v !== v || (a === a && (isMax ? v >= a : v <= a))) {
                a = v;
                arg[w] = k;
              }
              I[ii] = arg[w];
          }
          acc[w] = a;
          O[oi] = exact ? a : castTo(castTo(a, cd), outDt);
        }
      }
    }
  } while (it.next());
}
