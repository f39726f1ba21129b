/**
 * Memory: CPU buffers are host typed arrays (see `allocHost` in core for the
 * dtype → array mapping), plus the dtype facts kernels use to decide whether a
 * value can be read or stored without an explicit cast.
 */
import { allocHost, castScalar, contiguousStrides } from '@antorcha/core';
import type { BackendBuffer, DTypeName, HostArray, TensorRef } from '@antorcha/core';

/**
 * PyTorch's cast of a number to `dtype` (core's `castScalar`), never producing −0
 * for int64 (which lives in a Float64Array, where −0 would survive).
 */
export function castTo(x: number, dtype: DTypeName): number {
  const v = castScalar(x, dtype);
  return dtype === 'int64' ? v + 0 : v;
}

/** Name the CPU backend reports, and that its buffers carry. */
export const CPU = 'cpu';

/** A CPU buffer: a typed array of `numel` elements of `dtype`. */
export class CpuBuffer implements BackendBuffer {
  /** Always `'cpu'`. */
  readonly backend = CPU;
  /** Whether {@link CpuBuffer.release} was called. */
  freed = false;

  /** @param dtype element type; @param data host array of the matching kind, `numel` long. */
  constructor(
    readonly dtype: DTypeName,
    /** The host array holding the elements (replaced by an empty one when freed). */
    public data: HostArray,
  ) {}

  /** Capacity in elements. */
  get numel(): number {
    return this.freed ? 0 : this.data.length;
  }

  /** Drops the host array so the garbage collector can reclaim it. */
  release(): void {
    this.freed = true;
    this.data = allocHost(this.dtype, 0);
  }
}

/** Wraps an existing host array (of `dtype`'s storage kind) as a buffer; kernels use it for temporaries. */
export function wrapHost(dtype: DTypeName, data: HostArray): CpuBuffer {
  return new CpuBuffer(dtype, data);
}

/** The host array behind a kernel operand. */
export function dataOf(ref: TensorRef): HostArray {
  const buf = ref.buffer as CpuBuffer;
  if (buf.freed) throw new Error('antorcha cpu backend: use of a freed buffer');
  if (buf.backend !== CPU) throw new Error(`antorcha cpu backend: got a buffer of backend '${buf.backend}'`);
  return buf.data;
}


/** A contiguous temporary view of a fresh host array of `dtype` with `shape`. */
export function tempRef(dtype: DTypeName, shape: readonly number[], data?: HostArray): TensorRef {
  let n = 1;
  for (const d of shape) n *= d;
  return { buffer: wrapHost(dtype, data ?? allocHost(dtype, n)), dtype, shape, strides: contiguousStrides(shape), offset: 0 };
}

/**
 * Whether storing a value of dtype `src` (as a JS number) into `dst`'s host array
 * performs exactly PyTorch's cast src → dst. Typed-array stores round to float32,
 * wrap to int32 / uint8 and truncate floats toward zero; only int64 (a Float64Array,
 * which does not truncate) and bool (a Uint8Array, which does not map x ≠ 0 to 1)
 * need an explicit cast.
 */
export function storeExact(src: DTypeName, dst: DTypeName): boolean {
  if (dst === 'bool') return src === 'bool';
  if (dst === 'int64') return src !== 'float32' && src !== 'float64';
  return true;
}

/** Whether every value of dtype `src` is already exactly a value of `dst` (no cast needed when reading). */
export function readExact(src: DTypeName, dst: DTypeName): boolean {
  if (src === dst || src === 'bool') return true;
  switch (dst) {
    case 'float64':
      return true;
    case 'float32':
      return src === 'uint8';
    case 'int64':
      return src === 'int32' || src === 'uint8';
    case 'int32':
      return src === 'uint8';
    case 'uint8':
    case 'bool':
      return false;
  }
}

/**
 * Whether an arithmetic result computed in `compute` (a JS number carrying the exact
 * real result, integral for integer dtypes) is stored correctly into `out`'s host
 * array: the store must both round to `compute` and cast to `out`.
 */
export function directStore(compute: DTypeName, out: DTypeName): boolean {
  if (compute === out) return compute !== 'bool';
  return (compute === 'float64' || compute === 'int64') && storeExact(compute, out);
}

/**
 * A view of `ref`'s values cast to `dtype`, in a fresh compact buffer; broadcast
 * (stride 0) dims stay broadcast, so a broadcast operand is not materialised.
 */
export function convertRef(ref: TensorRef, dtype: DTypeName): TensorRef {
  const shape = ref.shape;
  const nd = shape.length;
  const compactShape: number[] = [];
  for (let i = 0; i < nd; i++) compactShape.push(ref.strides[i] === 0 ? 1 : shape[i]);
  const compact = contiguousStrides(compactShape);
  const strides = compact.map((s, i) => (ref.strides[i] === 0 ? 0 : s));
  let n = 1;
  for (const d of compactShape) n *= d;
  const out = allocHost(dtype, n);
  const src = dataOf(ref);
  // odometer over the compact shape
  const idx = new Array<number>(nd).fill(0);
  let so = ref.offset;
  for (let k = 0; k < n; k++) {
    out[k] = castTo(src[so], dtype);
    for (let d = nd - 1; d >= 0; d--) {
      if (compactShape[d] === 1) continue;
      if (++idx[d] < compactShape[d]) {
        so += ref.strides[d];
        break;
      }
      idx[d] = 0;
      so -= ref.strides[d] * (compactShape[d] - 1);
    }
  }
  return { buffer: wrapHost(dtype, out), dtype, shape, strides, offset: 0 };
}
