/**
 * Index-driven kernels: gather, scatter (with reductions) and indexSelect.
 * Index values are int64 (held in Float64Array); an index outside the dim's
 * range raises PyTorch's message, since only the kernel sees index values.
 */
import type { HostArray, Operand, ScatterReduce, TensorRef } from '@antorcha/core';
import { castFor, type Cast } from './copy.js';
import { castTo, dataOf, readExact, storeExact } from './memory.js';
import { RowIter, collapse, numel } from './strided.js';

/**
 * Thrown for an index value outside a dim, with PyTorch's message (core may rethrow
 * it as its own error type; PyTorch raises RuntimeError for gather/scatter and
 * IndexError for index_select).
 */
export class KernelIndexError extends RangeError {
  /** @param message PyTorch's message for the op. */
  constructor(message: string) {
    super(message);
    this.name = 'KernelIndexError';
  }
}

function outOfBounds(index: number, dim: number, size: number): KernelIndexError {
  return new KernelIndexError(`index ${index} is out of bounds for dimension ${dim} with size ${size}`);
}

/**
 * A 0-d view as the 1-d view of its one element: core passes dim 0 for 0-d tensors
 * (PyTorch treats a 0-d tensor as one element along dim 0), with index and output
 * 0-d or 1-d.
 */
function atLeast1d<T extends TensorRef>(t: T): T {
  return t.shape.length ? t : { ...t, shape: [1], strides: [1] };
}

/** Strides with the entry at `dim` set to 0 (that coordinate comes from the index instead). */
function withoutDim(strides: readonly number[], dim: number): number[] {
  const s = strides.slice();
  s[dim] = 0;
  return s;
}

/** `out[i][j][k] = x[i][index[i][j][k]][k]` along `dim` (index int64 with out's shape). */
export function gather(x: TensorRef, dim: number, index: TensorRef, out: TensorRef): void {
  if (numel(out.shape) === 0) return;
  x = atLeast1d(x);
  index = atLeast1d(index);
  out = atLeast1d(out);
  const X = dataOf(x), I = dataOf(index), O = dataOf(out);
  const size = x.shape[dim], xd = x.strides[dim];
  const cast: Cast = castFor(x.dtype, out.dtype);
  const c = collapse(out.shape, [out.strides, index.strides, withoutDim(x.strides, dim)]);
  const it = new RowIter(c.shape, c.strides, [out.offset, index.offset, x.offset]);
  const len = it.rowLen, os = it.inner[0], is = it.inner[1], xs = it.inner[2];
  do {
    let oi = it.pos[0], ii = it.pos[1], xi = it.pos[2];
    for (let n = 0; n < len; n++, oi += os, ii += is, xi += xs) {
      const j = I[ii];
      if (!(j >= 0 && j < size)) throw outOfBounds(j, dim, size);
      const v = X[xi + j * xd];
      O[oi] = cast === null ? v : cast(v);
    }
  } while (it.next());
}

const SRC = new Float64Array(1);

/**
 * Scatters `src` (a view iterated over index's shape, or a scalar) into `out` in
 * place along `dim`: `out[i][index[i][j][k]][k] (op)= src[i][j][k]`, combining with
 * `reduce` in out's dtype ('amax'/'amin' propagate NaN).
 */
export function scatter(out: TensorRef, dim: number, index: TensorRef, src: Operand, reduce: ScatterReduce): void {
  if (numel(index.shape) === 0) return;
  out = atLeast1d(out);
  index = atLeast1d(index);
  if (typeof src !== 'number') src = atLeast1d(src);
  const O = dataOf(out), I = dataOf(index);
  const dt = out.dtype;
  let S: HostArray, srcStrides: readonly number[], srcOffset: number;
  let conv = false;
  if (typeof src === 'number') {
    SRC[0] = castTo(src, dt);
    S = SRC;
    srcStrides = index.shape.map(() => 0);
    srcOffset = 0;
  } else {
    S = dataOf(src);
    srcStrides = src.strides;
    srcOffset = src.offset;
    conv = !readExact(src.dtype, dt) || !storeExact(src.dtype, dt);
  }
  const size = out.shape[dim], od = out.strides[dim];
  const c = collapse(index.shape, [withoutDim(out.strides, dim), index.strides, srcStrides]);
  const it = new RowIter(c.shape, c.strides, [out.offset, index.offset, srcOffset]);
  const len = it.rowLen, os = it.inner[0], is = it.inner[1], ss = it.inner[2];
  const int64 = dt === 'int64', int32 = dt === 'int32', isBool = dt === 'bool';
  do {
    let ob = it.pos[0], ii = it.pos[1], si = it.pos[2];
    for (let n = 0; n < len; n++, ob += os, ii += is, si += ss) {
      const j = I[ii];
      if (!(j >= 0 && j < size)) throw outOfBounds(j, dim, size);
      const oi = ob + j * od;
      const v = conv ? castTo(S[si], dt) : S[si];
      switch (reduce) {
        case 'none':
          O[oi] = v;
          break;
        case 'add':
          O[oi] = isBool ? (O[oi] !== 0 || v !== 0 ? 1 : 0) : O[oi] + v;
          break;
        case 'multiply':
          O[oi] = int32 ? Math.imul(O[oi], v) : int64 ? O[oi] * v + 0 : O[oi] * v;
          break;
        case 'amax':
          O[oi] = Math.max(O[oi], v);
          break;
        case 'amin':
          O[oi] = Math.min(O[oi], v);
          break;
      }
    }
  } while (it.next());
}

/** `out = x` with dim `dim` picked at `index` (int64, 1-D): out's dim has index's length. */
export function indexSelect(x: TensorRef, dim: number, index: TensorRef, out: TensorRef): void {
  if (numel(out.shape) === 0) return;
  x = atLeast1d(x);
  out = atLeast1d(out);
  const X = dataOf(x), I = dataOf(index), O = dataOf(out);
  const size = x.shape[dim], xd = x.strides[dim], od = out.strides[dim];
  const count = index.shape.length === 0 ? 1 : index.shape[0];
  const ist = index.shape.length === 0 ? 0 : index.strides[0];
  const cast = castFor(x.dtype, out.dtype);
  // every selected slice has the same layout: collapse it once, then copy it per index
  const sliceShape = out.shape.filter((_, i) => i !== dim);
  const drop = (s: readonly number[]): number[] => s.filter((_, i) => i !== dim);
  const c = collapse(sliceShape, [drop(out.strides), drop(x.strides)]);
  const it = new RowIter(c.shape, c.strides, [0, 0]);
  const len = it.rowLen, os = it.inner[0], xs = it.inner[1];
  for (let k = 0; k < count; k++) {
    const j = I[index.offset + k * ist];
    if (!(j >= 0 && j < size)) throw new KernelIndexError('index out of range in self');
    it.reset([out.offset + k * od, x.offset + j * xd]);
    do {
      let oi = it.pos[0], xi = it.pos[1];
      if (cast === null) for (let n = 0; n < len; n++, oi += os, xi += xs) O[oi] = X[xi];
      else for (let n = 0; n < len; n++, oi += os, xi += xs) O[oi] = cast(X[xi]);
    } while (it.next());
  }
}
