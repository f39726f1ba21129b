/**
 * Memory: CPU buffers are host typed arrays (see `allocHost` in core for the
 * dtype → array mapping), plus the dtype facts kernels use to decide whether a
 * value can be read or stored without an explicit cast.
 */
import { allocHost, castScalar, contiguousStrides, getMemoryLimit } from '@antorcha/core';
import { heapAlloc, heapAllocUninit, heapFree, heapGeneration } from './wasm/heap.js';
import { ELEMENT_BYTES, _setAddressOf, heapView } from './wasm/runtime.js';
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

/**
 * Below this many bytes (1,024 float32) a buffer is an ordinary typed array: the
 * WebAssembly kernels save little on so few elements, while a heap block is only
 * returned by `dispose` or by a finalizer that never runs inside a synchronous loop,
 * so many small forgotten tensors would pin heap memory that the garbage collector
 * reclaims at once as typed arrays.
 */
let heapMinBytes = 4096;

/** @internal Tests of the WebAssembly kernels put even tiny buffers in the heap (`0`); the default is 4096. */
export function _setHeapMinBytes(bytes: number): void {
  heapMinBytes = bytes;
}

/** Frees the heap block of a buffer that was never disposed once the garbage collector takes it. */
const finalizer: FinalizationRegistry<number> | null =
  typeof FinalizationRegistry === 'function' ? new FinalizationRegistry<number>((address) => heapFree(address)) : null;

/**
 * A CPU buffer: `numel` elements of `dtype` in a typed array. Buffers of 4 KiB
 * or more normally live in the CPU heap (WebAssembly memory, see `wasm/heap.ts`),
 * where the WebAssembly kernels reach them; smaller ones, arrays wrapped from the
 * user, and requests the heap can't serve are ordinary typed arrays.
 */
export class CpuBuffer implements BackendBuffer {
  /** Always `'cpu'`. */
  readonly backend = CPU;
  /** Whether {@link CpuBuffer.release} was called. */
  freed = false;
  private view: HostArray;
  private generation: number;
  /** Elements (kept apart from the view: a detached view reports length 0). */
  private readonly length: number;

  /**
   * @param dtype element type; @param data host array of the matching kind, `numel` long;
   * @param address the block's byte address in the heap when `data` is a view of it, else -1.
   */
  constructor(
    readonly dtype: DTypeName,
    data: HostArray,
    /** Byte address of the elements in the CPU heap, or -1 for an ordinary typed array. */
    readonly address = -1,
  ) {
    this.view = data;
    // complex arrays interleave (re, im): two entries per element
    this.length = dtype === 'complex64' || dtype === 'complex128' ? data.length / 2 : data.length;
    this.generation = heapGeneration();
  }

  /** The host array holding the elements (an empty one once freed). */
  get data(): HostArray {
    // A non-shared WebAssembly memory replaces its buffer when it grows: re-make the view.
    if (this.address >= 0 && !this.freed && this.generation !== heapGeneration()) {
      this.view = heapView(this.dtype, this.address, this.length);
      this.generation = heapGeneration();
    }
    return this.view;
  }

  /** Capacity in elements. */
  get numel(): number {
    return this.freed ? 0 : this.length;
  }

  /** Returns the memory: a heap block goes back to the heap for reuse; a typed array to the garbage collector. */
  release(): void {
    if (this.freed) return;
    this.freed = true;
    if (this.address >= 0) {
      finalizer?.unregister(this);
      heapFree(this.address);
    }
    this.view = emptyOf(this.dtype);
  }
}

/** One empty host array per dtype, shared by every released buffer (dispose is on hot paths). */
const EMPTY = new Map<DTypeName, HostArray>();
function emptyOf(dtype: DTypeName): HostArray {
  let e = EMPTY.get(dtype);
  if (e === undefined) EMPTY.set(dtype, (e = allocHost(dtype, 0)));
  return e;
}

/**
 * A new buffer for `numel` elements of `dtype`, zero-filled unless `zero` is false (then a
 * reused heap block keeps its old contents: for outputs a kernel writes in full): in the heap when it is large
 * enough and the heap can hold it, else an ordinary typed array (core's `allocHost`, which
 * enforces the CPU memory limit and reports an impossible request).
 */
export function allocBuffer(dtype: DTypeName, numel: number, zero = true): CpuBuffer {
  const bytes = numel * ELEMENT_BYTES[dtype];
  // Over the CPU memory limit (setMemoryLimit), allocHost below raises the OutOfMemoryError.
  if (bytes >= heapMinBytes && bytes > 0 && bytes <= (getMemoryLimit('cpu') ?? Infinity)) {
    const address = zero ? heapAlloc(bytes) : heapAllocUninit(bytes);
    if (address >= 0) {
      const buffer = new CpuBuffer(dtype, heapView(dtype, address, numel), address);
      finalizer?.register(buffer, address, buffer);
      return buffer;
    }
  }
  return new CpuBuffer(dtype, allocHost(dtype, numel));
}

_setAddressOf((buffer) => (buffer instanceof CpuBuffer && !buffer.freed ? buffer.address : -1));

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
    default:
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
