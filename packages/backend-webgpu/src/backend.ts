/**
 * The WebGPU Backend object: memory (pooled buffers, host conversions, a
 * FinalizationRegistry for forgotten tensors) and the kernels.
 */
import { withComplex } from './complex.js';
import { elementWords } from './codegen/dtypes.js';
import { withHalf } from './half.js';
import { TorchRuntimeError, decodeHalf, encodeHalf, getMemoryLimit } from '@antorcha/core';
import type { Backend, BackendBuffer, DTypeName, HostArray } from '@antorcha/core';
import { type WebGPUOptions, requestDevice } from './device.js';
import { binary, copy, fill, ternary, unary, where } from './kernels/elementwise.js';
import { gather, indexSelect, scatter } from './kernels/indexing.js';
import { matmul } from './kernels/matmul.js';
import { reduce } from './kernels/reduce.js';
import { scan } from './kernels/scan.js';
import { sort } from './kernels/sort.js';
import { check } from './kernels/check.js';
import { fftMethod } from './fft/fft.js';
import { ELEMENT_BYTES, GpuRuntime, WEBGPU, WebGPUBuffer, gpuOf } from './runtime.js';

/** Element types stored on WebGPU (float64 and complex128 are not; int64 is held in 32 bits; complex64 as f32 pairs). */
export const WEBGPU_DTYPES: ReadonlySet<DTypeName> = new Set<DTypeName>(['float32', 'int32', 'int64', 'uint8', 'bool', 'float16', 'bfloat16', 'complex64']);

/**
 * Memory statistics of a WebGPU backend. The dotted keys follow PyTorch's
 * `torch.cuda.memory_stats()` (`"allocated_bytes.all.current"` …); the short ones
 * came first and stay. Bytes unless said otherwise.
 */
export interface MemoryStats {
  /** Bytes in buffers held by live tensors (their bucket sizes). Same as `"allocated_bytes.all.current"`. */
  allocated: number;
  /** Peak of `allocated` since creation or `resetPeakMemoryStats()`. Same as `"allocated_bytes.all.peak"`. */
  maxAllocated: number;
  /** Every byte the pool holds on the device, live or cached. Same as `"reserved_bytes.all.current"`. */
  reserved: number;
  /** GPU buffers created so far (reuses create none). Same as `"num_device_alloc"`. */
  buffersCreated: number;
  /** Compute pipelines compiled so far. */
  pipelines: number;
  /** Kernel dispatches recorded so far. */
  dispatches: number;
  /**
   * Bytes held by live tensors (and kernels' temporaries), each request rounded up to its
   * bucket, as `torch.cuda.memory_allocated()`.
   */
  'allocated_bytes.all.current': number;
  /** Peak of `"allocated_bytes.all.current"` since creation or `resetPeakMemoryStats()`. */
  'allocated_bytes.all.peak': number;
  /** Bytes the live buffers' holders asked for, before rounding to a bucket (PyTorch 2.x `requested_bytes`). */
  'requested_bytes.all.current': number;
  /** Peak of `"requested_bytes.all.current"`. */
  'requested_bytes.all.peak': number;
  /** Live plus cached bytes: everything the pool holds on the device, as `torch.cuda.memory_reserved()`. */
  'reserved_bytes.all.current': number;
  /** Peak of `"reserved_bytes.all.current"`, as `torch.cuda.max_memory_reserved()`. */
  'reserved_bytes.all.peak': number;
  /**
   * Bytes of live buffers that hold no requested data: the rounding of each request up to
   * its bucket (`allocated − requested`) plus the unused tail of a larger cached buffer
   * reused under pressure. Like PyTorch's inactive split bytes, they cannot be released
   * while the buffer lives (fragmentation inside buffers).
   */
  'inactive_split_bytes.all.current': number;
  /**
   * Bytes of cached (free) buffers, what `emptyCache()` releases
   * (fragmentation between buffers: held, but serving only requests of their own bucket).
   */
  'cached_bytes.all.current': number;
  /** Cap on `"cached_bytes.all.current"` (see `setCacheLimit`), or null for none. */
  cache_limit_bytes: number | null;
  /**
   * Share of reserved bytes that hold no tensor data, `(reserved − requested) / reserved`
   * (0 when nothing is reserved): the two kinds of fragmentation above together.
   */
  fragmentation: number;
  /** Live buffers (PyTorch's `"allocation.all.current"`). */
  'allocation.all.current': number;
  /** Live plus cached buffers (PyTorch's `"segment.all.current"`: here a buffer is a segment). */
  'segment.all.current': number;
  /** GPU buffers created so far (PyTorch 2.1's `num_device_alloc`). */
  num_device_alloc: number;
  /** GPU buffers destroyed so far: evicted over the cache cap or memory limit, or by `emptyCache()` (`num_device_free`). */
  num_device_free: number;
  /** Requests served by a larger cached buffer (at most twice their bucket) instead of creating one, under pressure. */
  num_reuse_larger: number;
}

/** Options of {@link createWebGPUBackend} and {@link createWebGPUBackendOn}. */
export interface WebGPUBackendOptions {
  /**
   * Cap on the bytes of cached (free) buffers the pool keeps for reuse; null for none
   * (PyTorch's behaviour). Default (`'auto'`): the larger of twice the largest buffer the
   * device allows, within [256 MiB, 4 GiB] (`defaultCacheLimit`), and the peak of bytes
   * live tensors have held, so a training loop that repeats its shapes never evicts while
   * ever-changing shapes cannot grow the idle bytes past it.
   */
  cacheLimit?: number | null | 'auto';
}

/** A Backend on a WebGPU device, with its memory controls. */
export interface WebGPUBackend extends Backend {
  /** The device the backend runs on. */
  readonly device: GPUDevice;
  /** @internal The recording runtime. */
  readonly runtime: GpuRuntime;
  /** Memory and compilation statistics. */
  memoryStats(): MemoryStats;
  /** Starts new peak measurements (allocated, requested, reserved) from the current values. */
  resetPeakMemoryStats(): void;
  /** Destroys the cached (free) buffers of the pool; buffers of live tensors are untouched (`torch.cuda.empty_cache()`). */
  emptyCache(): void;
  /**
   * Caps the bytes of cached (free) buffers (null: no cap; `'auto'`: the default, see
   * {@link WebGPUBackendOptions.cacheLimit}); cached buffers over the new cap are
   * destroyed at once, least recently freed first.
   * @throws RangeError for a negative or non-finite count.
   */
  setCacheLimit(bytes: number | null | 'auto'): void;
  /** The cap on cached bytes in effect (the automatic one's current value under `'auto'`), or null for none. */
  getCacheLimit(): number | null;
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
    case 'complex64': // interleaved (re, im) pairs, as core's host arrays hold them
      return data instanceof Float32Array ? data : Float32Array.from(data);
    case 'int32':
      return data instanceof Int32Array ? data : Int32Array.from(data);
    case 'int64':
      return int64ToInt32(data);
    case 'uint8':
    case 'bool':
      return Uint32Array.from(data);
    case 'float16':
    case 'bfloat16':
      // bit patterns → the f32 words holding their exact values (half.ts)
      return decodeHalf(data, dtype);
    default:
      throw new TorchRuntimeError('to', `${dtype} is not supported on WebGPU`);
  }
}

/** Device words converted to the host array core expects for `dtype`. */
function toHost(dtype: DTypeName, bytes: ArrayBuffer): HostArray {
  switch (dtype) {
    case 'float32':
    case 'complex64':
      return new Float32Array(bytes);
    case 'int32':
      return new Int32Array(bytes);
    case 'int64':
      return Float64Array.from(new Int32Array(bytes));
    case 'float16':
    case 'bfloat16':
      return encodeHalf(new Float32Array(bytes), dtype); // exact: the words hold 16-bit values
    default:
      return Uint8Array.from(new Uint32Array(bytes));
  }
}

/**
 * Creates a WebGPU backend on a new device (or `opts.device`). Register it with
 * core's `registerBackend` to make `device: 'webgpu'` work, or use `initWebGPU()`.
 * @throws WebGPUUnavailableError when no adapter exists (see `WebGPUOptions.timeoutMs`).
 * @example
 * Falling back to the CPU where there is no GPU:
 * ```ts pytorch=core.webgpu.createWebGPUBackend
 * import * as torch from 'antorcha';
 * import { createWebGPUBackend, webgpu } from '@antorcha/backend-webgpu';
 *
 * const device = (await webgpu.isAvailable()) ? 'webgpu' : 'cpu';
 * if (device === 'webgpu') torch.registerBackend(await createWebGPUBackend());
 * const y = torch.ones([3], { device }).mul(2);
 * console.log(await y.toAsync('cpu'));
 * ```
 * ```text
 * tensor([2., 2., 2.])
 * ```
 */
export async function createWebGPUBackend(opts: WebGPUOptions & WebGPUBackendOptions = {}): Promise<WebGPUBackend> {
  const device = await requestDevice(opts);
  return createWebGPUBackendOn(device, opts);
}

/** Creates a WebGPU backend on an existing device (synchronously). */
export function createWebGPUBackendOn(device: GPUDevice, opts: WebGPUBackendOptions = {}): WebGPUBackend {
  const rt = new GpuRuntime(device);
  const pool = rt.pool;
  // Cached buffers may be named by recorded, unsubmitted work: submit it before destroying them.
  pool.beforeDestroy = () => rt.flush();
  if (opts.cacheLimit !== undefined) pool.setCacheLimit(opts.cacheLimit);
  // Frees the GPU buffers of tensors that were garbage-collected without dispose().
  const registry = new FinalizationRegistry<{ buffer: GPUBuffer; size: number }>((h) => pool.release(h.buffer, h.size));
  const asGpu = (b: BackendBuffer): WebGPUBuffer => {
    gpuOf(b);
    return b as WebGPUBuffer;
  };
  // complex64: f32 pairs, kernels on float32 views or pair kernels (complex.ts);
  // float16/bfloat16: f32 words, kernels in float32, outputs rounded (half.ts)
  return withComplex(rt, withHalf(rt, {
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
      const words = numel * elementWords(dtype);
      const bytes = Math.max(words, 1) * ELEMENT_BYTES;
      const { buffer, size, fresh } = pool.acquire(bytes, getMemoryLimit(WEBGPU));
      if (!fresh) rt.clear(buffer, 0, words * ELEMENT_BYTES);
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
      // offsets count elements; data holds elementWords host values per element (re, im for complex64)
      const k = elementWords(w.dtype);
      if (offset * k + data.length > w.numel * k) throw new RangeError(`antorcha webgpu backend: write of ${data.length / k} elements at ${offset} overflows a buffer of ${w.numel}`);
      rt.write(w.gpu!, offset * k * ELEMENT_BYTES, toDeviceWords(w.dtype, data));
    },
    async read(b: BackendBuffer, offset: number, numel: number): Promise<HostArray> {
      const w = asGpu(b);
      const k = elementWords(w.dtype);
      const bytes = await rt.read(w.gpu!, offset * k * ELEMENT_BYTES, numel * k * ELEMENT_BYTES);
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
    fft: fftMethod(rt),
    memoryStats(): MemoryStats {
      const reserved = pool.reserved;
      return {
        allocated: pool.allocated,
        maxAllocated: pool.peak,
        reserved,
        buffersCreated: pool.created,
        pipelines: rt.pipelines.size,
        dispatches: rt.dispatches,
        'allocated_bytes.all.current': pool.allocated,
        'allocated_bytes.all.peak': pool.peak,
        'requested_bytes.all.current': pool.requested,
        'requested_bytes.all.peak': pool.requestedPeak,
        'reserved_bytes.all.current': reserved,
        'reserved_bytes.all.peak': pool.reservedPeak,
        'inactive_split_bytes.all.current': pool.inactive,
        'cached_bytes.all.current': pool.cachedBytes,
        cache_limit_bytes: pool.cacheLimit,
        fragmentation: reserved === 0 ? 0 : (reserved - pool.requested) / reserved,
        'allocation.all.current': pool.liveCount,
        'segment.all.current': pool.liveCount + pool.cachedCount,
        num_device_alloc: pool.created,
        num_device_free: pool.destroyed,
        num_reuse_larger: pool.reusedLarger,
      };
    },
    resetPeakMemoryStats(): void {
      pool.resetPeak();
    },
    emptyCache(): void {
      pool.emptyCache();
    },
    setCacheLimit(bytes: number | null | 'auto'): void {
      pool.setCacheLimit(bytes);
    },
    getCacheLimit(): number | null {
      return pool.cacheLimit;
    },
    synchronize(): Promise<void> {
      return rt.synchronize();
    },
  }));
}
