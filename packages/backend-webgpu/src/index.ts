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
import { type MemoryStats, type WebGPUBackend, createWebGPUBackend } from './backend.js';
import { type WebGPUOptions, isAvailable } from './device.js';

export { WEBGPU_DTYPES, createWebGPUBackend, createWebGPUBackendOn, type MemoryStats, type WebGPUBackend } from './backend.js';
export { WebGPUUnavailableError, isAvailable, requestDevice, type WebGPUOptions } from './device.js';
export { WebGPUBuffer } from './runtime.js';
export { bucketSize } from './buffer-pool.js';

let current: WebGPUBackend | null = null;
let initializing: Promise<WebGPUBackend> | null = null;

/**
 * Creates the WebGPU backend (once) and registers it, so `device: 'webgpu'` works.
 * Later calls return the same backend.
 * @throws WebGPUUnavailableError when no adapter exists.
 * @example
 * ```ts
 * await initWebGPU();
 * const y = torch.ones(3, { device: 'webgpu' }).mul(2);
 * ```
 */
export function initWebGPU(opts: WebGPUOptions = {}): Promise<WebGPUBackend> {
  initializing ??= createWebGPUBackend(opts).then(
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

const none: MemoryStats = { allocated: 0, maxAllocated: 0, reserved: 0, buffersCreated: 0, pipelines: 0, dispatches: 0 };

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
  /** All statistics at once. */
  memoryStats(): MemoryStats {
    return current?.memoryStats() ?? { ...none };
  },
  /** Resets the peak for `maxMemoryAllocated()`. */
  resetPeakMemoryStats(): void {
    current?.resetPeakMemoryStats();
  },
  /** Releases cached free buffers to the driver (like `torch.cuda.empty_cache()`). */
  emptyCache(): void {
    current?.emptyCache();
  },
  /** Resolves when queued GPU work has finished (like `torch.cuda.synchronize()`). */
  async synchronize(): Promise<void> {
    await current?.synchronize();
  },
};
