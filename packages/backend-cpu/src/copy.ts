/**
 * `copy` (strided, casting) and `fill`.
 */
import type { DTypeName, TensorRef } from '@antorcha/core';
import { castTo, dataOf, storeExact } from './memory.js';
import { RowIter, collapse, isContiguous, numel } from './strided.js';
import { ELEMENT_BYTES, heapAddress, wasmKernels } from './wasm/runtime.js';

/** A per-element conversion applied between reading and storing, or null when the store alone is exact. */
export type Cast = ((x: number) => number) | null;

const toBool = (x: number): number => (x !== 0 ? 1 : 0);
const toInt64 = (x: number): number => castTo(x, 'int64');

/** The conversion a copy from `src` to `dst` needs on top of the typed-array store. */
export function castFor(src: DTypeName, dst: DTypeName): Cast {
  if (storeExact(src, dst)) return null;
  return dst === 'bool' ? toBool : toInt64;
}

/**
 * A same-dtype contiguous copy of `n` elements between two heap tensors with the kernel
 * module's memory.copy (V8 copies typed arrays over shared memory element by element);
 * false when either is outside the heap or the module is not loaded.
 */
function heapCopy(src: TensorRef, dst: TensorRef, n: number): boolean {
  const K = wasmKernels();
  if (K === null) return false;
  const s = heapAddress(src), d = heapAddress(dst);
  if (s < 0 || d < 0) return false;
  K.heapCopy!(d, s, n * ELEMENT_BYTES[dst.dtype]);
  return true;
}

/** The WebAssembly strided bit copy for each element size. */
const STRIDED_COPY: Partial<Record<number, string>> = { 1: 'copyStrided8', 4: 'copyStrided32', 8: 'copyStrided64' };

/** Most dims the WebAssembly strided copy walks (after {@link collapse}). */
const STRIDED_DIMS = 6;

/**
 * A same-dtype strided copy between two heap tensors (of different storages) by the
 * kernel module's `copyStrided*`, over the collapsed iteration space `c` (dst strides
 * first); false when it does not apply (not in the heap, too many dims, cast needed).
 * Bit-exact: every element's bits are moved unchanged, as the JavaScript loop does for
 * a same-dtype copy.
 */
function stridedHeapCopy(src: TensorRef, dst: TensorRef, c: { shape: number[]; strides: number[][] }): boolean {
  if (src.dtype !== dst.dtype || c.shape.length > STRIDED_DIMS) return false;
  const name = STRIDED_COPY[ELEMENT_BYTES[dst.dtype]];
  const K = wasmKernels();
  if (K === null || name === undefined) return false;
  const s = heapAddress(src), d = heapAddress(dst);
  if (s < 0 || d < 0) return false;
  const pad = STRIDED_DIMS - c.shape.length;
  const args: number[] = [d, s];
  for (let j = 0; j < 3; j++) {
    const v = j === 0 ? c.shape : c.strides[j - 1]!;
    for (let i = 0; i < pad; i++) args.push(j === 0 ? 1 : 0);
    for (let i = 0; i < v.length; i++) args.push(v[i]!);
  }
  K[name]!(...args);
  return true;
}

/** `dst = cast(src)` elementwise over equal shapes, with an explicit per-element conversion. */
export function copyWith(src: TensorRef, dst: TensorRef, cast: Cast): void {
  const n = numel(dst.shape);
  if (n === 0) return;
  const S = dataOf(src);
  const D = dataOf(dst);
  if (cast === null && isContiguous(dst.shape, dst.strides) && isContiguous(src.shape, src.strides)) {
    if (S === D && src.offset === dst.offset) return;
    if (src.dtype === dst.dtype && n >= 64 && heapCopy(src, dst, n)) return;
    // TypedArray#set converts between array kinds with exactly the store semantics
    D.set(S.subarray(src.offset, src.offset + n), dst.offset);
    return;
  }
  const c = collapse(dst.shape, [dst.strides, src.strides]);
  if (cast === null && S !== D && n >= 64 && stridedHeapCopy(src, dst, c)) return;
  const it = new RowIter(c.shape, c.strides, [dst.offset, src.offset]);
  const p = it.pos;
  const len = it.rowLen, ds = it.inner[0], ss = it.inner[1];
  do {
    let di = p[0], si = p[1];
    if (cast === null) for (let i = 0; i < len; i++, di += ds, si += ss) D[di] = S[si];
    else for (let i = 0; i < len; i++, di += ds, si += ss) D[di] = cast(S[si]);
  } while (it.next());
}

/** `dst[i] = cast(src[i])` over equal shapes (strided, any dtypes), PyTorch's cast rules. */
export function copy(src: TensorRef, dst: TensorRef): void {
  copyWith(src, dst, castFor(src.dtype, dst.dtype));
}

/** `dst[i] = value` over a strided view. */
export function fill(dst: TensorRef, value: number): void {
  const n = numel(dst.shape);
  if (n === 0) return;
  const D = dataOf(dst);
  const v = castTo(value, dst.dtype);
  if (isContiguous(dst.shape, dst.strides)) {
    D.fill(v, dst.offset, dst.offset + n);
    return;
  }
  const c = collapse(dst.shape, [dst.strides]);
  const it = new RowIter(c.shape, c.strides, [dst.offset]);
  const len = it.rowLen, s = it.inner[0];
  do {
    let di = it.pos[0];
    for (let i = 0; i < len; i++, di += s) D[di] = v;
  } while (it.next());
}

/**
 * Per-element conversion from a temporary holding results computed in `cd` (already
 * rounded to `cd` by the temporary's store, except bool, whose temporary is float64)
 * to `out`'s dtype.
 */
export function resultCast(cd: DTypeName, out: DTypeName): (x: number) => number {
  return cd === 'bool' ? (x) => castTo(x !== 0 ? 1 : 0, out) : (x) => castTo(x, out);
}
