/**
 * Sorting along the last dim, always stable (so `stable` is always honoured),
 * with NaN ordered above every number as in PyTorch (last ascending, first
 * descending) and −0 equal to +0.
 *
 * Rows of 32-bit dtypes (float32, int32, uint8, bool) map each value to an
 * order-preserving unsigned 32-bit code and sort (code, index) pairs with an LSD
 * radix sort (four 8-bit passes, passes whose digit is constant skipped): linear
 * time and stable by construction. float64/int64 rows use a merge sort of index
 * arrays comparing the values.
 */
import type { HostArray, TensorRef } from '@antorcha/core';
import { castFor } from './copy.js';
import { dataOf } from './memory.js';
import { RowIter, collapse, numel } from './strided.js';

/** Whether a sorts strictly before b (ascending, NaN largest). */
function lessAsc(a: number, b: number): boolean {
  return a < b || (b !== b && a === a);
}

/** Whether a sorts strictly before b (descending, NaN first). */
function lessDesc(a: number, b: number): boolean {
  return a > b || (a !== a && b === b);
}

/**
 * Stable sort of `idx[0..n)` by `keys[idx[i]]`: insertion sort on short runs, then
 * bottom-up merges through `tmp`. Returns the array holding the result.
 */
export function sortIndices(keys: Float64Array, idx: Int32Array, tmp: Int32Array, n: number, desc: boolean): Int32Array {
  const less = desc ? lessDesc : lessAsc;
  const RUN = 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const t = idx[i];
      const kt = keys[t];
      let j = i - 1;
      while (j >= lo && less(kt, keys[idx[j]])) {
        idx[j + 1] = idx[j];
        j--;
      }
      idx[j + 1] = t;
    }
  }
  let src = idx, dst = tmp;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, k = lo;
      // already in order: copy through
      if (mid >= hi || !less(keys[src[mid]], keys[src[mid - 1]])) {
        for (; i < hi; i++) dst[i] = src[i];
        continue;
      }
      while (i < mid && j < hi) dst[k++] = less(keys[src[j]], keys[src[i]]) ? src[j++] : src[i++];
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/**
 * An order-preserving 32-bit code (compared as unsigned) of a float32 given its bit
 * pattern as an int32: NaN largest, −0 equal to +0.
 */
function float32Code(bits: number): number {
  if ((bits & 0x7fffffff) > 0x7f800000) return -1; // NaN: 0xffffffff
  if (bits === -0x80000000) bits = 0; // −0 sorts as +0
  return bits ^ ((bits >> 31) & 0x7fffffff) ^ 0x80000000;
}

/** Whether rows of `dtype` sort by 32-bit codes. */
function radixable(dtype: string): boolean {
  return dtype === 'float32' || dtype === 'int32' || dtype === 'uint8' || dtype === 'bool';
}

/** Scratch of the radix sort, sized to the row length. */
interface RadixScratch {
  codes: Int32Array;
  codes2: Int32Array;
  idx2: Int32Array;
  count: Int32Array;
}

/**
 * Sorts one row of a 32-bit dtype: fills `idx` with source indices in sorted order
 * (stable). Returns the array holding the result (`idx` or the scratch).
 */
function sortRadix(
  X: HostArray, xb: number, xl: number, L: number, bits: Int32Array | null, desc: boolean, idx: Int32Array, sc: RadixScratch,
): Int32Array {
  let codes = sc.codes, codes2 = sc.codes2, src = idx, dst = sc.idx2;
  let all = -1, any = 0;
  const flip = desc ? -1 : 0;
  for (let k = 0, xi = xb; k < L; k++, xi += xl) {
    // float32 through its bits; int32 with the sign bit flipped; uint8/bool as they are
    const c = (bits !== null ? float32Code(bits[xi]) : X[xi] ^ (X instanceof Int32Array ? 0x80000000 : 0)) ^ flip;
    codes[k] = c;
    src[k] = k;
    all &= c;
    any |= c;
  }
  const count = sc.count;
  for (let shift = 0; shift < 32; shift += 8) {
    // a digit shared by every key leaves the order as it is
    if (((all >>> shift) & 0xff) === ((any >>> shift) & 0xff)) continue;
    count.fill(0);
    for (let k = 0; k < L; k++) count[((codes[k] >>> shift) & 0xff) + 1]++;
    for (let d = 1; d < 257; d++) count[d] += count[d - 1];
    for (let k = 0; k < L; k++) {
      const c = codes[k];
      const p = count[(c >>> shift) & 0xff]++;
      codes2[p] = c;
      dst[p] = src[k];
    }
    let t = codes;
    codes = codes2;
    codes2 = t;
    t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/**
 * Sorts x along its last dim into `values` (x's dtype, or cast) and `indices`
 * (int64 source positions). Always stable, so `stable` needs no special path.
 */
export function sort(x: TensorRef, descending: boolean, _stable: boolean, values: TensorRef, indices: TensorRef): void {
  if (numel(x.shape) === 0) return;
  const nd = x.shape.length;
  const X = dataOf(x), V = dataOf(values), I = dataOf(indices);
  const cast = castFor(x.dtype, values.dtype);
  const L = nd === 0 ? 1 : x.shape[nd - 1];
  const xl = nd === 0 ? 0 : x.strides[nd - 1], vl = nd === 0 ? 0 : values.strides[nd - 1], il = nd === 0 ? 0 : indices.strides[nd - 1];
  const lead = x.shape.slice(0, Math.max(nd - 1, 0));
  const c = collapse(lead, [values.strides.slice(0, lead.length), x.strides.slice(0, lead.length), indices.strides.slice(0, lead.length)], false);
  const it = new RowIter(c.shape, c.strides, [values.offset, x.offset, indices.offset]);
  const keys = new Float64Array(L);
  const idx = new Int32Array(L), tmp = new Int32Array(L);
  const rows = it.rowLen, vs = it.inner[0], xs = it.inner[1], is = it.inner[2];
  const radix = radixable(x.dtype);
  const sc: RadixScratch | null = radix
    ? { codes: new Int32Array(L), codes2: new Int32Array(L), idx2: new Int32Array(L), count: new Int32Array(257) }
    : null;
  const bits = x.dtype === 'float32' ? new Int32Array(X.buffer, X.byteOffset, X.length) : null;
  do {
    for (let r = 0; r < rows; r++) {
      const xb = it.pos[1] + r * xs, vb = it.pos[0] + r * vs, ib = it.pos[2] + r * is;
      for (let k = 0, xi = xb; k < L; k++, xi += xl) {
        keys[k] = X[xi];
        idx[k] = k;
      }
      let sorted: Int32Array = idx;
      if (sc !== null) sorted = sortRadix(X, xb, xl, L, bits, descending, idx, sc);
      else sorted = sortIndices(keys, idx, tmp, L, descending);
      writeRow(sorted, keys, L, V, vb, vl, I, ib, il, cast);
    }
  } while (it.next());
}

function writeRow(
  sorted: Int32Array, keys: Float64Array, L: number,
  V: HostArray, vb: number, vl: number, I: HostArray, ib: number, il: number, cast: ((x: number) => number) | null,
): void {
  for (let k = 0, vi = vb, ii = ib; k < L; k++, vi += vl, ii += il) {
    const s = sorted[k];
    V[vi] = cast === null ? keys[s] : cast(keys[s]);
    I[ii] = s;
  }
}
