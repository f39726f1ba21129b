/// <reference types="@webgpu/types" />
/**
 * `@antorcha/backend-webgpu`: Antorcha's WebGPU backend — WGSL compute kernels
 * generated per op/dtype/rank, a caching allocator, and asynchronous read-back —
 * in browsers (`navigator.gpu`) and in Node (npm `webgpu`, Dawn).
 *
 * ```ts
 * import * as torch from 'antorcha';
 * import { initWebGPU, webgpu } from '@antorcha/backend-webgpu';
 *
 * if (await webgpu.isAvailable()) await initWebGPU();
 * const x = torch.randn([1024, 1024], { device: 'webgpu' });
 * console.log(await x.matmul(x).sum().toStringAsync());
 * ```
 * @packageDocumentation
 */
import { registerBackend } from '@antorcha/core';
import { type MemoryStats, type WebGPUBackend, type WebGPUBackendOptions, createWebGPUBackend } from './backend.js';
import { type WebGPUOptions, isAvailable } from './device.js';

export { WEBGPU_DTYPES, createWebGPUBackend, createWebGPUBackendOn, type MemoryStats, type WebGPUBackend, type WebGPUBackendOptions } from './backend.js';
export { WebGPUUnavailableError, isAvailable, requestDevice, type WebGPUOptions } from './device.js';
export { WebGPUBuffer } from './runtime.js';
export { bucketSize, defaultCacheLimit } from './buffer-pool.js';

let current: WebGPUBackend | null = null;
let initializing: Promise<WebGPUBackend> | null = null;
/** A cache cap set with `webgpu.setCacheLimit` before {@link initWebGPU}, applied by it. */
let pendingCacheLimit: number | null | 'auto' | undefined;

/**
 * Creates the WebGPU backend (once) and registers it, so `device: 'webgpu'` works.
 * Later calls return the same backend.
 * @throws WebGPUUnavailableError when no adapter exists.
 * @example
 * ```ts no-run
 * import * as torch from 'antorcha';
 * import { initWebGPU } from '@antorcha/backend-webgpu';
 *
 * await initWebGPU(); // throws WebGPUUnavailableError without a GPU
 * const y = torch.ones([3], { device: 'webgpu' }).mul(2);
 * console.log(await y.toStringAsync());
 * ```
 */
export function initWebGPU(opts: WebGPUOptions & WebGPUBackendOptions = {}): Promise<WebGPUBackend> {
  initializing ??= createWebGPUBackend(opts.cacheLimit === undefined && pendingCacheLimit !== undefined ? { ...opts, cacheLimit: pendingCacheLimit } : opts).then(
    (b) => {
      current = b;
      registerBackend(b);
      return b;
    },
    (e: unknown) => {
      initializing = null;
      throw e;
    },
  );
  return initializing;
}

/** The registered WebGPU backend from {@link initWebGPU}, or null before it. */
export function currentBackend(): WebGPUBackend | null {
  return current;
}

const none: MemoryStats = {
  allocated: 0,
  maxAllocated: 0,
  reserved: 0,
  buffersCreated: 0,
  pipelines: 0,
  dispatches: 0,
  'allocated_bytes.all.current': 0,
  'allocated_bytes.all.peak': 0,
  'requested_bytes.all.current': 0,
  'requested_bytes.all.peak': 0,
  'reserved_bytes.all.current': 0,
  'reserved_bytes.all.peak': 0,
  'inactive_split_bytes.all.current': 0,
  'cached_bytes.all.current': 0,
  cache_limit_bytes: null,
  fragmentation: 0,
  'allocation.all.current': 0,
  'segment.all.current': 0,
  num_device_alloc: 0,
  num_device_free: 0,
  num_reuse_larger: 0,
};

/**
 * `torch.webgpu`-style helpers (like `torch.cuda`): availability, memory
 * statistics and synchronisation of the backend {@link initWebGPU} created.
 */
export const webgpu = {
  /** Whether a WebGPU adapter can be obtained (async, cached). */
  isAvailable,
  /** Whether {@link initWebGPU} has registered a backend. */
  isInitialized(): boolean {
    return current !== null;
  },
  /** Bytes held by live tensors (like `torch.cuda.memory_allocated()`). */
  memoryAllocated(): number {
    return (current?.memoryStats() ?? none).allocated;
  },
  /** Peak of `memoryAllocated()` (like `torch.cuda.max_memory_allocated()`). */
  maxMemoryAllocated(): number {
    return (current?.memoryStats() ?? none).maxAllocated;
  },
  /** Allocated plus cached bytes (like `torch.cuda.memory_reserved()`). */
  memoryReserved(): number {
    return (current?.memoryStats() ?? none).reserved;
  },
  /** Peak of `memoryReserved()` (like `torch.cuda.max_memory_reserved()`). */
  maxMemoryReserved(): number {
    return (current?.memoryStats() ?? none)['reserved_bytes.all.peak'];
  },
  /**
   * All statistics at once, with `torch.cuda.memory_stats()`-style keys: peaks of allocated,
   * requested and reserved bytes, and fragmentation (`"inactive_split_bytes.all.current"`,
   * `"cached_bytes.all.current"`, `fragmentation`); see {@link MemoryStats}.
   */
  memoryStats(): MemoryStats {
    return current?.memoryStats() ?? { ...none };
  },
  /** Resets the peaks of `maxMemoryAllocated()`, `maxMemoryReserved()` and the requested bytes. */
  resetPeakMemoryStats(): void {
    current?.resetPeakMemoryStats();
  },
  /** Releases cached free buffers to the driver (like `torch.cuda.empty_cache()`); live tensors keep theirs. */
  emptyCache(): void {
    current?.emptyCache();
  },
  /**
   * Caps the bytes of cached free buffers the pool keeps (null: no cap, as PyTorch;
   * `'auto'`, the default: twice the largest buffer, within [256 MiB, 4 GiB], or the peak
   * of live bytes when larger). Over the cap, the least recently freed are destroyed. Called before {@link initWebGPU}, it
   * applies to the backend that call creates (as its `cacheLimit` option would).
   * @throws RangeError for a negative or non-finite count.
   * @example
   * ```ts
   * import { webgpu } from '@antorcha/backend-webgpu';
   *
   * webgpu.setCacheLimit(512 * 2 ** 20); // keep at most 512 MiB idle (before or after initWebGPU)
   * ```
   */
  setCacheLimit(bytes: number | null | 'auto'): void {
    if (bytes !== null && bytes !== 'auto' && !(Number.isFinite(bytes) && bytes >= 0)) {
      throw new RangeError(`setCacheLimit: expected a byte count ≥ 0, null or 'auto', got ${bytes}`);
    }
    if (current) current.setCacheLimit(bytes);
    else pendingCacheLimit = bytes;
  },
  /**
   * The cap on cached bytes in effect (null: none). Before {@link initWebGPU}: the byte
   * count set with `setCacheLimit`, else null.
   */
  getCacheLimit(): number | null {
    if (current) return current.getCacheLimit();
    return pendingCacheLimit === 'auto' ? null : (pendingCacheLimit ?? null);
  },
  /** Resolves when queued GPU work has finished (like `torch.cuda.synchronize()`). */
  async synchronize(): Promise<void> {
    await current?.synchronize();
  },
};

// Adds `'webgpu'` (and `'webgpu:0'`, …) to the device strings the type checker accepts.
declare module '@antorcha/core' {
  interface DeviceTypes {
    /** The WebGPU backend of this package. */
    webgpu: true;
  }
}
