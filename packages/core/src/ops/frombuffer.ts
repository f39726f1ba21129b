/**
 * `torch.frombuffer`: a 1-D CPU tensor over the bytes of an `ArrayBuffer`, a
 * `SharedArrayBuffer` or a typed array / `DataView` / Node `Buffer`, sharing that memory
 * as PyTorch's frombuffer shares the Python buffer (through the backend's `wrapHost`).
 */
import { isHalfDtype } from '../half.js';
import { type DType, type DTypeLike, type HostArray, INT64_EXACT_LIMIT, toDType } from '../dtype.js';
import { cpu } from '../device.js';
import { TorchRuntimeError, TorchTypeError, TorchValueError } from '../errors.js';
import { getBackend } from '../registry.js';
import { Storage } from '../storage.js';
import { Tensor } from '../tensor.js';
import { expectBool, expectInt, pyTypeName } from '../validate.js';
import { finishCreation } from './dispatch.js';

/** Options of {@link frombuffer}. `dtype` is required, as in PyTorch. */
export interface FrombufferOptions {
  /** Element type the bytes are read as (required). */
  dtype: DTypeLike;
  /** How many elements to read (default −1: all bytes after `offset`). */
  count?: number;
  /** Bytes to skip at the start of the buffer (default 0). */
  offset?: number;
  /** Whether autograd records operations on the tensor (floating dtypes only). */
  requiresGrad?: boolean;
}

/** What `frombuffer` accepts: raw memory or any view of it. */
export type BufferSource = ArrayBuffer | SharedArrayBuffer | ArrayBufferView;

const OP = 'frombuffer';

type HostCtor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => HostArray;
/** The host array kind each dtype lives in on the CPU backend, when its bytes are PyTorch's layout. */
const SHARED: Partial<Record<string, HostCtor>> = {
  float32: Float32Array as unknown as HostCtor,
  float64: Float64Array as unknown as HostCtor,
  int32: Int32Array as unknown as HostCtor,
  uint8: Uint8Array as unknown as HostCtor,
  bool: Uint8Array as unknown as HostCtor,
  float16: Uint16Array as unknown as HostCtor, // bit patterns, as the CPU backend stores them
  bfloat16: Uint16Array as unknown as HostCtor,
};

/**
 * Creates a 1-D CPU tensor from the bytes of a buffer (`torch.frombuffer`), read as
 * `dtype` in the machine's (little-endian) byte order, starting `offset` bytes in and
 * `count` elements long (default: to the end; the rest must then be a whole number of
 * elements). Raises PyTorch's `ValueError`s for an empty buffer, `count` 0, an offset
 * outside the buffer, or a length that doesn't fit.
 *
 * The tensor SHARES the buffer's memory, as in PyTorch: writing to either is seen by the
 * other (and the tensor keeps the buffer alive). Two cases can't share and read a copy
 * instead: `int64` (Antorcha keeps int64 in a `Float64Array`, so its bytes differ from an
 * int64 buffer's; values beyond ±2^53 − 1 are refused), and a start (the view's byte
 * offset plus `offset`) that isn't a multiple of the element size (typed arrays must be
 * aligned). For `bool`, bytes other than 0 and 1 are undefined behaviour, as in PyTorch.
 * As in PyTorch, a shared tensor's storage can't grow: `resize_` past its length raises
 * "Trying to resize storage that is not resizable" (shrinking is fine).
 * @example
 * ```ts
 * const bytes = new Float32Array([1, 2, 3]);
 * const t = torch.frombuffer(bytes, { dtype: 'float32' });
 * t.mul_(2); // shares the memory
 * console.log(bytes);
 * ```
 * ```text
 * Float32Array(3) [ 2, 4, 6 ]
 * ```
 */
export function frombuffer(buffer: BufferSource, opts: FrombufferOptions): Tensor {
  if (opts === undefined || opts === null || typeof opts !== 'object' || opts.dtype === undefined || opts.dtype === null) {
    throw new TorchTypeError(OP, 'frombuffer() missing 1 required positional arguments: "dtype"');
  }
  for (const k of Object.keys(opts)) {
    if (k !== 'dtype' && k !== 'count' && k !== 'offset' && k !== 'requiresGrad') {
      throw new TorchTypeError(OP, `frombuffer() got an unexpected keyword argument '${k.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)}'`);
    }
  }
  let ab: ArrayBufferLike;
  let base = 0;
  let len: number;
  if (buffer instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && buffer instanceof SharedArrayBuffer)) {
    ab = buffer;
    len = buffer.byteLength;
  } else if (ArrayBuffer.isView(buffer)) {
    ab = buffer.buffer;
    base = buffer.byteOffset;
    len = buffer.byteLength;
  } else {
    throw new TorchTypeError(OP, `frombuffer(): argument 'buffer' (position 1) must be an object with a buffer (ArrayBuffer, SharedArrayBuffer or a typed array), not ${pyTypeName(buffer)}`);
  }
  const dtype: DType = toDType(opts.dtype);
  const count = opts.count ?? -1;
  const offset = opts.offset ?? 0;
  const requiresGrad = opts.requiresGrad ?? false;
  expectInt(OP, 'count', undefined, count);
  expectInt(OP, 'offset', undefined, offset);
  expectBool(OP, 'requires_grad', undefined, requiresGrad);
  const elsize = dtype.itemsize;
  if (!(len > 0 && count !== 0)) throw new TorchValueError(OP, `both buffer length (${len}) and count (${count}) must not be 0`);
  if (!(offset >= 0 && offset < len)) {
    throw new TorchValueError(OP, `offset (${offset} bytes) must be non-negative and no greater than buffer length (${len} bytes) minus 1`);
  }
  if (!(count > 0 || (len - offset) % elsize === 0)) {
    throw new TorchValueError(OP, `buffer length (${len - offset} bytes) after offset (${offset} bytes) must be a multiple of element size (${elsize})`);
  }
  const n = count < 0 ? (len - offset) / elsize : count;
  if (offset + n * elsize > len) {
    throw new TorchValueError(
      OP,
      `requested buffer length (${n} * ${elsize} bytes) after offset (${offset} bytes) must not be greater than actual buffer length (${len} bytes)`,
    );
  }
  if (requiresGrad && !dtype.isFloatingPoint && !dtype.isComplex) {
    throw new TorchRuntimeError(OP, 'Only Tensors of floating point and complex dtype can require gradients');
  }
  const start = base + offset;
  const ctor = SHARED[dtype.name];
  const backend = getBackend('cpu');
  if (dtype.isComplex) {
    // interleaved (re, im) parts: shared when the parts are aligned, else copied
    const part = dtype.itemsize / 2;
    let host: Float32Array | Float64Array;
    if (start % part === 0) host = part === 4 ? new Float32Array(ab, start, 2 * n) : new Float64Array(ab, start, 2 * n);
    else {
      host = part === 4 ? new Float32Array(2 * n) : new Float64Array(2 * n);
      const view = new DataView(ab, start, n * elsize);
      for (let i = 0; i < 2 * n; i++) host[i] = part === 4 ? view.getFloat32(i * 4, true) : view.getFloat64(i * 8, true);
    }
    const storage = new Storage(backend, cpu, backend.wrapHost!(dtype.name, host), dtype.name);
    storage.resizable = false;
    return finishCreation(new Tensor(storage, [n], [1], 0, dtype), requiresGrad);
  }
  if (ctor !== undefined && start % elsize === 0 && backend.wrapHost !== undefined) {
    const host = new ctor(ab, start, n);
    const storage = new Storage(backend, cpu, backend.wrapHost(dtype.name, host), dtype.name);
    storage.resizable = false;
    return finishCreation(new Tensor(storage, [n], [1], 0, dtype), requiresGrad);
  }
  // A copy: int64 (held as float64 values) or an unaligned start.
  const view = new DataView(ab, start, n * elsize);
  if (isHalfDtype(dtype.name)) {
    const bits = new Uint16Array(n);
    for (let i = 0; i < n; i++) bits[i] = view.getUint16(i * elsize, true);
    const buf16 = backend.alloc(dtype.name, n);
    backend.write(buf16, bits, 0);
    return finishCreation(new Tensor(new Storage(backend, cpu, buf16, dtype.name), [n], [1], 0, dtype), requiresGrad);
  }
  const host = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const at = i * elsize;
    switch (dtype.name) {
      case 'int64': {
        const v = view.getBigInt64(at, true);
        if (v > BigInt(INT64_EXACT_LIMIT) || v < -BigInt(INT64_EXACT_LIMIT)) {
          throw new TorchRuntimeError(OP, `value ${v} at element ${i} cannot be stored exactly as int64 here (the limit is ±2^53 − 1)`);
        }
        host[i] = Number(v);
        break;
      }
      case 'float32':
        host[i] = view.getFloat32(at, true);
        break;
      case 'float64':
        host[i] = view.getFloat64(at, true);
        break;
      case 'int32':
        host[i] = view.getInt32(at, true);
        break;
      default:
        host[i] = view.getUint8(at);
    }
  }
  const buf = backend.alloc(dtype.name, n);
  backend.write(buf, host, 0);
  const storage = new Storage(backend, cpu, buf, dtype.name);
  return finishCreation(new Tensor(storage, [n], [1], 0, dtype), requiresGrad);
}
