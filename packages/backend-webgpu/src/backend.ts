/**
 * The WebGPU Backend object: memory (pooled buffers, host conversions, a
 * FinalizationRegistry for forgotten tensors) and the kernels.
 */
import { TorchRuntimeError, getMemoryLimit } from '@antorcha/core';
import type { Backend, BackendBuffer, DTypeName, HostArray } from '@antorcha/core';
import { type BufferPool, amountOf, webgpuOutOfMemory } from './buffer-pool.js';
import { type WebGPUOptions, requestDevice } from './device.js';
import { binary, copy, fill, ternary, unary, where } from './kernels/elementwise.js';
import { gather, indexSelect, scatter } from './kernels/indexing.js';
import { matmul } from './kernels/matmul.js';
import { reduce } from './kernels/reduce.js';
import { scan } from './kernels/scan.js';
import { sort } from './kernels/sort.js';
import { check } from './kernels/check.js';
import { ELEMENT_BYTES, GpuRuntime, WEBGPU, WebGPUBuffer, gpuOf } from './runtime.js';

/** Element types stored on WebGPU (float64 is not; int64 is held in 32 bits). */
export const WEBGPU_DTYPES: ReadonlySet<DTypeName> = new Set<DTypeName>(['float32', 'int32', 'int64', 'uint8', 'bool']);

/** Memory statistics of a WebGPU backend, in bytes. */
export interface MemoryStats {
  /** Bytes in buffers held by live tensors (pool bucket sizes). */
  allocated: number;
  /** Peak of `allocated` since creation or `resetPeakMemoryStats()`. */
  maxAllocated: number;
  /** `allocated` plus freed buffers the pool keeps for reuse. */
  reserved: number;
  /** GPU buffers created so far (reuses create none). */
  buffersCreated: number;
  /** Compute pipelines compiled so far. */
  pipelines: number;
  /** Kernel dispatches recorded so far. */
  dispatches: number;
}

/** A Backend on a WebGPU device, with its memory controls. */
export interface WebGPUBackend extends Backend {
  /** The device the backend runs on. */
  readonly device: GPUDevice;
  /** @internal The recording runtime. */
  readonly runtime: GpuRuntime;
  /** Memory and compilation statistics. */
  memoryStats(): MemoryStats;
  /** Starts a new peak measurement for `maxAllocated`. */
  resetPeakMemoryStats(): void;
  /** Destroys the cached (free) buffers of the pool. */
  emptyCache(): void;
  /** Resolves when all queued GPU work has finished. */
  synchronize(): Promise<void>;
}

/** Checks every value of an int64 host array fits the 32 bits WebGPU holds it in. */
function int64ToInt32(data: ArrayLike<number>): Int32Array {
  const out = new Int32Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v > 2147483647 || v < -2147483648) {
      throw new TorchRuntimeError('to', `int64 value ${v} does not fit in 32 bits: the WebGPU backend holds int64 tensors as int32 (values must lie in [-2^31, 2^31 - 1])`);
    }
    out[i] = v;
  }
  return out;
}

/** Host data converted to the 32-bit words a buffer of `dtype` holds. */
function toDeviceWords(dtype: DTypeName, data: HostArray): ArrayBufferView {
  switch (dtype) {
    case 'float32':
      return data instanceof Float32Array ? data : Float32Array.from(data);
    case 'int32':
      return data instanceof Int32Array ? data : Int32Array.from(data);
    case 'int64':
      return int64ToInt32(data);
    case 'uint8':
    case 'bool':
      return Uint32Array.from(data);
    case 'float64':
      throw new TorchRuntimeError('to', 'float64 is not supported on WebGPU');
  }
}

/** Device words converted to the host array core expects for `dtype`. */
function toHost(dtype: DTypeName, bytes: ArrayBuffer): HostArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(bytes);
    case 'int32':
      return new Int32Array(bytes);
    case 'int64':
      return Float64Array.from(new Int32Array(bytes));
    default:
      return Uint8Array.from(new Uint32Array(bytes));
  }
}

/**
 * Makes room for a new buffer of `size` bytes under the memory limit `limit` (the bytes
 * live tensors may hold together, set with core's `setMemoryLimit(bytes, 'webgpu')`),
 * like PyTorch's per-process memory fraction: cached free buffers are released when
 * they stand in the way (after submitting the work that may still use them).
 * @throws OutOfMemoryError, before anything is created, when tensors would then hold more than `limit`.
 */
function reserveUnderLimit(rt: GpuRuntime, pool: BufferPool, bytes: number, size: number, limit: number): void {
  if (pool.allocated + size > limit) {
    throw webgpuOutOfMemory(
      bytes,
      `tensors hold ${amountOf(pool.allocated)}, and a ${size}-byte buffer would bring them to ${pool.allocated + size} bytes, over the memory limit of ${amountOf(limit)} set with setMemoryLimit(bytes, 'webgpu').`,
    );
  }
  if (!pool.hasCached(size) && pool.allocated + pool.cachedBytes + size > limit) {
    rt.flush();
    pool.emptyCache();
  }
}

/**
 * Creates a WebGPU backend on a new device (or `opts.device`). Register it with
 * core's `registerBackend` to make `device: 'webgpu'` work, or use `initWebGPU()`.
 * @throws WebGPUUnavailableError when no adapter exists (see `WebGPUOptions.timeoutMs`).
 * @example
 * ```ts
 * const backend = await createWebGPUBackend();
 * registerBackend(backend);
 * ```
 */
export async function createWebGPUBackend(opts: WebGPUOptions = {}): Promise<WebGPUBackend> {
  const device = await requestDevice(opts);
  return createWebGPUBackendOn(device);
}

/** Creates a WebGPU backend on an existing device (synchronously). */
export function createWebGPUBackendOn(device: GPUDevice): WebGPUBackend {
  const rt = new GpuRuntime(device);
  const pool = rt.pool;
  // Frees the GPU buffers of tensors that were garbage-collected without dispose().
  const registry = new FinalizationRegistry<{ buffer: GPUBuffer; size: number }>((h) => pool.release(h.buffer, h.size));
  const asGpu = (b: BackendBuffer): WebGPUBuffer => {
    gpuOf(b);
    return b as WebGPUBuffer;
  };
  return {
    name: WEBGPU,
    dtypes: WEBGPU_DTYPES,
    syncRead: false,
    deviceCount: 1, // one adapter/device per backend instance
    device,
    runtime: rt,
    alloc(dtype: DTypeName, numel: number): BackendBuffer {
      if (!WEBGPU_DTYPES.has(dtype)) throw new TorchRuntimeError('empty', `dtype torch.${dtype} is not supported on WebGPU`);
      // Checked synchronously, before any buffer is created: the device's buffer limits
      // (sizeFor) and the memory limit. An out-of-memory the device itself reports comes
      // later, asynchronously (see BufferPool.create).
      const bytes = Math.max(numel, 1) * ELEMENT_BYTES;
      const limit = getMemoryLimit(WEBGPU);
      if (limit !== null) reserveUnderLimit(rt, pool, bytes, pool.sizeFor(bytes), limit);
      const { buffer, size, fresh } = pool.acquire(bytes);
      if (!fresh) rt.clear(buffer, 0, numel * ELEMENT_BYTES);
      const wrapper = new WebGPUBuffer(dtype, numel, buffer, size);
      registry.register(wrapper, { buffer, size }, wrapper);
      return wrapper;
    },
    free(b: BackendBuffer): void {
      if (!(b instanceof WebGPUBuffer) || b.gpu === null) return;
      registry.unregister(b);
      pool.release(b.gpu, b.size);
      b.gpu = null;
    },
    write(b: BackendBuffer, data: HostArray, offset: number): void {
      const w = asGpu(b);
      if (data.length === 0) return;
      if (offset + data.length > w.numel) throw new RangeError(`antorcha webgpu backend: write of ${data.length} elements at ${offset} overflows a buffer of ${w.numel}`);
      rt.write(w.gpu!, offset * ELEMENT_BYTES, toDeviceWords(w.dtype, data));
    },
    async read(b: BackendBuffer, offset: number, numel: number): Promise<HostArray> {
      const w = asGpu(b);
      const bytes = await rt.read(w.gpu!, offset * ELEMENT_BYTES, numel * ELEMENT_BYTES);
      return toHost(w.dtype, bytes);
    },
    copy: (src, dst) => copy(rt, src, dst),
    fill: (dst, value) => fill(rt, dst, value),
    unary: (op, x, out, cd, params) => unary(rt, op, x, out, cd, params),
    binary: (op, a, b, out, cd) => binary(rt, op, a, b, out, cd),
    ternary: (op, self, t1, t2, value, out, cd) => ternary(rt, op, self, t1, t2, value, out, cd),
    where: (cond, a, b, out) => where(rt, cond, a, b, out),
    reduce: (op, x, dims, out, cd) => reduce(rt, op, x, dims, out, cd),
    scan: (op, x, dim, out, cd, indices) => scan(rt, op, x, dim, out, cd, indices),
    matmul: (a, b, out, cd) => matmul(rt, a, b, out, cd),
    gather: (x, dim, index, out) => gather(rt, x, dim, index, out),
    scatter: (out, dim, index, src, red) => scatter(rt, out, dim, index, src, red),
    indexSelect: (x, dim, index, out) => indexSelect(rt, x, dim, index, out),
    sort: (x, desc, stable, values, indices) => sort(rt, x, desc, stable, values, indices),
    check: (bad, values, id) => check(rt, bad, values, id),
    memoryStats(): MemoryStats {
      return {
        allocated: pool.allocated,
        maxAllocated: pool.peak,
        reserved: pool.allocated + pool.cachedBytes,
        buffersCreated: pool.created,
        pipelines: rt.pipelines.size,
        dispatches: rt.dispatches,
      };
    },
    resetPeakMemoryStats(): void {
      pool.resetPeak();
    },
    emptyCache(): void {
      rt.flush();
      pool.emptyCache();
    },
    synchronize(): Promise<void> {
      return rt.synchronize();
    },
  };
}
