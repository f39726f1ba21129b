/**
 * The caching allocator: freed GPU buffers go back to a pool bucketed by size
 * and are handed out again instead of being destroyed, so a training loop
 * that allocates the same shapes every step stops calling `createBuffer`.
 *
 * Sizes are rounded up to a bucket: powers of two up to 1 MiB, then multiples
 * of 1 MiB. `allocated` counts the bucket sizes of buffers in use (what
 * `memoryAllocated()` reports, like PyTorch's `torch.cuda.memory_allocated`);
 * `reserved` adds the cached ones.
 *
 * No buffer is ever larger than the device can bind (see {@link BufferPool.maxBytes}):
 * a larger request raises core's `OutOfMemoryError` before `createBuffer` is called,
 * so nothing is created and the pool is untouched.
 */
import { OutOfMemoryError, formatMemorySize } from '@antorcha/core';

/** Smallest buffer handed out (bytes). */
export const MIN_BUCKET = 256;
const MIB = 1 << 20;

/** The bucket size for a request of `bytes`. */
export function bucketSize(bytes: number): number {
  if (bytes <= MIN_BUCKET) return MIN_BUCKET;
  if (bytes <= MIB) return 2 ** Math.ceil(Math.log2(bytes));
  return Math.ceil(bytes / MIB) * MIB;
}

/** A pooled buffer and its bucket size. */
export interface PooledBuffer {
  /** The GPU buffer (STORAGE | COPY_SRC | COPY_DST). */
  readonly buffer: GPUBuffer;
  /** Its size in bytes (a bucket size). */
  readonly size: number;
}

/** Name of the device type in messages (the backend's name). */
const DEVICE = 'webgpu';

/**
 * The OutOfMemoryError of a WebGPU allocation of `bytes` bytes, in PyTorch's CUDA
 * wording (`"CUDA out of memory. Tried to allocate 2.00 GiB …"`) plus the exact count;
 * `why` completes the message.
 */
export function webgpuOutOfMemory(bytes: number, why: string): OutOfMemoryError {
  return new OutOfMemoryError('alloc', `WebGPU out of memory. Tried to allocate ${amountOf(bytes)} on device '${DEVICE}': ${why}`, bytes, DEVICE);
}

/** `'512 bytes'`, or `'4.00 MiB (4194304 bytes)'` above 1 KiB: the size PyTorch would print, and the exact count. */
export function amountOf(bytes: number): string {
  return bytes <= 1024 ? `${bytes} bytes` : `${formatMemorySize(bytes)} (${bytes} bytes)`;
}

/** A size-bucketed pool of storage buffers for one device. */
export class BufferPool {
  private readonly cached = new Map<number, GPUBuffer[]>();
  /** Buffers whose creation the device reported out of memory: destroyed on release, never reused. */
  private readonly failed = new WeakSet<GPUBuffer>();
  /** Bytes in buffers handed out and not released. */
  allocated = 0;
  /** Peak of {@link BufferPool.allocated} since creation or the last {@link BufferPool.resetPeak}. */
  peak = 0;
  /** Bytes in cached (free) buffers. */
  cachedBytes = 0;
  /** Buffers created so far (a pool hit creates none). */
  created = 0;

  /**
   * The largest buffer handed out, in bytes (a multiple of 4): the smaller of the
   * device's `maxBufferSize` and `maxStorageBufferBindingSize`, since kernels bind
   * whole buffers as storage.
   */
  readonly maxBytes: number;
  /** Which device limit {@link BufferPool.maxBytes} comes from (for messages). */
  private readonly maxBytesLimit: string;

  /**
   * Called (asynchronously, once the device has answered) when creating a buffer ran
   * out of device memory, with the bytes requested and the device's message. The buffer
   * was handed out already: WebGPU reports this error only through a promise.
   */
  onOutOfMemory: ((bytes: number, message: string) => void) | null = null;

  /** @param device the device buffers are created on. */
  constructor(private readonly device: GPUDevice) {
    const bufferMax = device.limits.maxBufferSize;
    const bindingMax = device.limits.maxStorageBufferBindingSize;
    this.maxBytesLimit = bindingMax <= bufferMax ? 'maxStorageBufferBindingSize' : 'maxBufferSize';
    this.maxBytes = Math.floor(Math.min(bufferMax, bindingMax) / 4) * 4;
  }

  /**
   * The size of the buffer a request of `bytes` gets: its bucket, or {@link BufferPool.maxBytes}
   * when the bucket would be larger but the request fits.
   * @throws OutOfMemoryError when `bytes` exceeds {@link BufferPool.maxBytes}.
   */
  sizeFor(bytes: number): number {
    if (!(bytes <= this.maxBytes)) {
      throw webgpuOutOfMemory(bytes, `one buffer can hold at most ${amountOf(this.maxBytes)} on this device (its ${this.maxBytesLimit}).`);
    }
    return Math.min(bucketSize(bytes), this.maxBytes);
  }

  /** Whether a freed buffer of `size` bytes (a {@link BufferPool.sizeFor} result) is cached for reuse. */
  hasCached(size: number): boolean {
    return (this.cached.get(size)?.length ?? 0) > 0;
  }

  /**
   * A buffer of at least `bytes` bytes; `fresh` tells whether it was just created
   * (and so is zero-filled) or reused (holding old data).
   * @throws OutOfMemoryError, before creating anything, when `bytes` exceeds {@link BufferPool.maxBytes}.
   */
  acquire(bytes: number): { buffer: GPUBuffer; size: number; fresh: boolean } {
    const size = this.sizeFor(bytes);
    const list = this.cached.get(size);
    let buffer = list?.pop();
    const fresh = buffer === undefined;
    if (buffer === undefined) {
      buffer = this.create(bytes, size);
      this.created++;
    } else this.cachedBytes -= size;
    this.allocated += size;
    if (this.allocated > this.peak) this.peak = this.allocated;
    return { buffer, size, fresh };
  }

  /**
   * Creates a buffer inside an `'out-of-memory'` error scope. Popping the scope gives a
   * promise, and `alloc` must stay synchronous (kernels only enqueue work), so the error
   * cannot be thrown here: it goes to {@link BufferPool.onOutOfMemory}, which the runtime
   * turns into an OutOfMemoryError at the next read or synchronize, and the buffer is
   * never reused. The checks against {@link BufferPool.maxBytes} and the memory limit,
   * made before this, are what fail synchronously.
   */
  private create(bytes: number, size: number): GPUBuffer {
    const device = this.device;
    const scoped = typeof device.pushErrorScope === 'function' && typeof device.popErrorScope === 'function';
    if (scoped) device.pushErrorScope('out-of-memory');
    const buffer = device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
    if (scoped) {
      device.popErrorScope().then(
        (error) => {
          if (error === null) return;
          this.failed.add(buffer);
          const list = this.cached.get(size);
          const at = list?.indexOf(buffer) ?? -1;
          if (at >= 0) {
            // already freed and cached: drop it
            list!.splice(at, 1);
            this.cachedBytes -= size;
            buffer.destroy();
          }
          this.onOutOfMemory?.(bytes, error.message);
        },
        () => undefined, // device lost: reported by the runtime
      );
    }
    return buffer;
  }

  /** Returns a buffer to the pool (GPU work already queued on it still sees its data). */
  release(buffer: GPUBuffer, size: number): void {
    this.allocated -= size;
    if (this.failed.has(buffer)) {
      buffer.destroy(); // its creation failed: never hand it out again
      return;
    }
    this.cachedBytes += size;
    let list = this.cached.get(size);
    if (!list) this.cached.set(size, (list = []));
    list.push(buffer);
  }

  /** Destroys every cached buffer (buffers in use are untouched). */
  emptyCache(): void {
    for (const list of this.cached.values()) for (const b of list) b.destroy();
    this.cached.clear();
    this.cachedBytes = 0;
  }

  /** Starts a new peak measurement from the current allocation. */
  resetPeak(): void {
    this.peak = this.allocated;
  }
}
