/**
 * The caching allocator: freed GPU buffers go back to a pool bucketed by size
 * and are handed out again instead of being destroyed, so a training loop
 * that allocates the same shapes every step stops calling `createBuffer`.
 *
 * Sizes are rounded up to a bucket: powers of two up to 1 MiB, then multiples
 * of 1 MiB. `allocated` counts the bucket sizes of buffers in use (what
 * `memoryAllocated()` reports, like PyTorch's `torch.cuda.memory_allocated`);
 * `reserved` adds the cached buffers and the unused tails of larger buffers
 * reused for smaller requests (below).
 *
 * The cache is bounded: {@link BufferPool.cacheLimit} caps the bytes of cached
 * (free) buffers, the least recently freed going first when a release would pass
 * it. By default the cap follows the workload: {@link defaultCacheLimit}, or the
 * peak of live bytes when that is larger, so a loop that repeats its shapes never
 * evicts (its freed buffers are at most its peak), while shapes that keep changing
 * cannot grow the idle bytes past it. Under pressure a request reuses before it grows: when its bucket is empty
 * and creating a buffer would pass the memory limit or (once freed) the cache
 * cap, a cached buffer of a larger bucket, at most twice the size, serves it
 * (the request counts its bucket as allocated; the rest of the buffer is reserved
 * and inactive, as the unused tail of a split block in PyTorch's allocator); under a memory limit, cached
 * buffers of other sizes are then released, oldest first, before a new one is created.
 *
 * No buffer is ever larger than the device can bind (see {@link BufferPool.maxBytes}):
 * a larger request raises core's `OutOfMemoryError` before `createBuffer` is called,
 * so nothing is created and the pool is untouched.
 */
import { OutOfMemoryError, formatMemorySize } from '@antorcha/core';

/** Smallest buffer handed out (bytes). */
export const MIN_BUCKET = 256;
const MIB = 1 << 20;
/** Bounds of the default cache cap (see {@link defaultCacheLimit}). */
const MIN_DEFAULT_CACHE = 256 * MIB;
const MAX_DEFAULT_CACHE = 4096 * MIB;
/** A cached buffer serves a smaller request only when at most this many times its bucket. */
const REUSE_FACTOR = 2;

/** The bucket size for a request of `bytes`. */
export function bucketSize(bytes: number): number {
  if (bytes <= MIN_BUCKET) return MIN_BUCKET;
  if (bytes <= MIB) return 2 ** Math.ceil(Math.log2(bytes));
  return Math.ceil(bytes / MIB) * MIB;
}

/**
 * The default cap on cached bytes for a device whose largest buffer is `maxBytes`:
 * twice that, kept within [256 MiB, 4 GiB]. WebGPU does not tell how much memory a
 * device has (so a fraction of it, as PyTorch's memory fraction, cannot be computed);
 * the largest buffer is the only size the adapter reports. Twice it lets the cache keep
 * the two largest buffers a step can free (a weight's gradient and an optimizer
 * temporary, say), so steady training loops never evict, while a browser tab on a
 * default adapter (256 MiB buffers) keeps at most 512 MiB idle.
 */
export function defaultCacheLimit(maxBytes: number): number {
  return Math.min(MAX_DEFAULT_CACHE, Math.max(MIN_DEFAULT_CACHE, 2 * maxBytes));
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
  /** Cached (free) buffers by size, each list used as a stack (the last freed is reused first). */
  private readonly cached = new Map<number, GPUBuffer[]>();
  /** The cached buffers and their sizes, oldest release first (the eviction order). */
  private readonly cacheOrder = new Map<GPUBuffer, number>();
  /** Buffers handed out and not released, with the bytes requested and the bucket counted for each. */
  private readonly live = new Map<GPUBuffer, { requested: number; bucket: number }>();
  /** Buffers whose creation the device reported out of memory: destroyed on release, never reused. */
  private readonly failed = new WeakSet<GPUBuffer>();
  /** Bucket sizes of the buffers handed out and not released. */
  allocated = 0;
  /** Bytes of live buffers beyond their request's bucket (larger cached buffers reused under pressure). */
  tails = 0;
  /** Peak of {@link BufferPool.allocated} since creation or the last {@link BufferPool.resetPeak}. */
  peak = 0;
  /** Bytes the holders of live buffers asked for (at most {@link BufferPool.allocated}). */
  requested = 0;
  /** Peak of {@link BufferPool.requested}. */
  requestedPeak = 0;
  /** Peak of {@link BufferPool.reserved}. */
  reservedPeak = 0;
  /** Bytes in cached (free) buffers. */
  cachedBytes = 0;
  /** Buffers created so far (a pool hit creates none). */
  created = 0;
  /** Buffers destroyed so far (evicted, emptied, or failed). */
  destroyed = 0;
  /** Requests served by a cached buffer of a larger bucket (reuse under pressure). */
  reusedLarger = 0;
  /** The cap set with {@link BufferPool.setCacheLimit}, or `'auto'` (the default: see {@link BufferPool.cacheLimit}). */
  private cacheSetting: number | null | 'auto' = 'auto';
  /** The floor of the automatic cap: {@link defaultCacheLimit} of {@link BufferPool.maxBytes}. */
  private readonly autoFloor: number;
  /** Peak of {@link BufferPool.allocated} over the pool's life (never reset). */
  private lifetimePeak = 0;

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

  /**
   * Called before cached buffers are destroyed: submits recorded work that may still use
   * them (destroying a buffer an unsubmitted command uses makes the submit fail; once
   * submitted, WebGPU waits for that work). The backend sets it to the runtime's flush.
   */
  beforeDestroy: (() => void) | null = null;

  /** @param device the device buffers are created on. */
  constructor(private readonly device: GPUDevice) {
    const bufferMax = device.limits.maxBufferSize;
    const bindingMax = device.limits.maxStorageBufferBindingSize;
    this.maxBytesLimit = bindingMax <= bufferMax ? 'maxStorageBufferBindingSize' : 'maxBufferSize';
    this.maxBytes = Math.floor(Math.min(bufferMax, bindingMax) / 4) * 4;
    this.autoFloor = defaultCacheLimit(this.maxBytes);
  }

  /**
   * Cap on {@link BufferPool.cachedBytes}, or null for none (PyTorch's behaviour: keep
   * everything until `empty_cache()`). Unless set, it is the larger of
   * {@link defaultCacheLimit} and the peak of live bytes so far.
   */
  get cacheLimit(): number | null {
    const set = this.cacheSetting;
    return set === 'auto' ? Math.max(this.autoFloor, this.lifetimePeak) : set;
  }

  /** Bytes in live and cached buffers together. */
  get reserved(): number {
    return this.allocated + this.tails + this.cachedBytes;
  }

  /** Bytes of live buffers that hold no requested data: bucket rounding plus tails. */
  get inactive(): number {
    return this.allocated + this.tails - this.requested;
  }

  /** Number of live buffers. */
  get liveCount(): number {
    return this.live.size;
  }

  /** Number of cached buffers. */
  get cachedCount(): number {
    return this.cacheOrder.size;
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
   * A buffer of at least `bytes` bytes; `size` is its real size (its bucket, or a larger
   * cached buffer's under pressure: pass it back to {@link BufferPool.release}), `fresh` tells whether it was just created (and so is
   * zero-filled) or reused (holding old data).
   *
   * `limit` is the memory limit (bytes live buffers may hold together, set with core's
   * `setMemoryLimit(bytes, 'webgpu')`), like PyTorch's per-process memory fraction: the
   * pool also keeps its reserved bytes under it, reusing, then releasing, cached buffers.
   * @throws OutOfMemoryError, before creating anything, when `bytes` exceeds {@link BufferPool.maxBytes}
   *   or live buffers would then hold more than `limit`.
   */
  acquire(bytes: number, limit: number | null = null): { buffer: GPUBuffer; size: number; fresh: boolean } {
    const bucket = this.sizeFor(bytes);
    if (limit !== null && this.allocated + bucket > limit) {
      throw webgpuOutOfMemory(
        bytes,
        `tensors hold ${amountOf(this.allocated)}, and a ${bucket}-byte buffer would bring them to ${this.allocated + bucket} bytes, over the memory limit of ${amountOf(limit)} set with setMemoryLimit(bytes, 'webgpu').`,
      );
    }
    let size = bucket;
    let buffer = this.takeCached(bucket);
    if (buffer === undefined) {
      const overLimit = limit !== null && this.reserved + bucket > limit;
      const overCap = this.cacheLimit !== null && this.cachedBytes + bucket > this.cacheLimit;
      if (overLimit || overCap) {
        // reuse before growth: the smallest cached buffer that is at most twice the bucket
        const larger = this.smallestCachedIn(bucket, REUSE_FACTOR * bucket);
        if (larger !== null) {
          buffer = this.takeCached(larger);
          size = larger;
          this.reusedLarger++;
        } else if (overLimit) this.evict(this.reserved + bucket - limit);
      }
    }
    const fresh = buffer === undefined;
    if (buffer === undefined) {
      buffer = this.create(bytes, size);
      this.created++;
    }
    this.live.set(buffer, { requested: bytes, bucket });
    this.allocated += bucket;
    this.tails += size - bucket;
    this.requested += bytes;
    if (this.allocated > this.peak) this.peak = this.allocated;
    if (this.allocated > this.lifetimePeak) this.lifetimePeak = this.allocated;
    if (this.requested > this.requestedPeak) this.requestedPeak = this.requested;
    if (this.reserved > this.reservedPeak) this.reservedPeak = this.reserved;
    return { buffer, size, fresh };
  }

  /** Pops a cached buffer of exactly `size` bytes, if any. */
  private takeCached(size: number): GPUBuffer | undefined {
    const buffer = this.cached.get(size)?.pop();
    if (buffer !== undefined) {
      this.cacheOrder.delete(buffer);
      this.cachedBytes -= size;
    }
    return buffer;
  }

  /** The smallest size in (`above`, `most`] with a cached buffer, or null. */
  private smallestCachedIn(above: number, most: number): number | null {
    let best: number | null = null;
    for (const [size, list] of this.cached) {
      if (size > above && size <= most && list.length > 0 && (best === null || size < best)) best = size;
    }
    return best;
  }

  /** Destroys cached buffers, least recently freed first, until at least `bytes` bytes are released. */
  private evict(bytes: number): void {
    let freed = 0;
    const victims: [GPUBuffer, number][] = [];
    for (const [buffer, size] of this.cacheOrder) {
      if (freed >= bytes) break;
      victims.push([buffer, size]);
      freed += size;
    }
    if (victims.length === 0) return;
    this.beforeDestroy?.();
    for (const [buffer, size] of victims) {
      const list = this.cached.get(size)!;
      list.splice(list.lastIndexOf(buffer), 1);
      this.cacheOrder.delete(buffer);
      this.cachedBytes -= size;
      this.destroy(buffer);
    }
  }

  private destroy(buffer: GPUBuffer): void {
    buffer.destroy();
    this.destroyed++;
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
          if (this.cacheOrder.has(buffer)) {
            // already freed and cached: drop it (no work can use a failed buffer)
            const list = this.cached.get(size)!;
            list.splice(list.lastIndexOf(buffer), 1);
            this.cacheOrder.delete(buffer);
            this.cachedBytes -= size;
            this.destroy(buffer);
          }
          this.onOutOfMemory?.(bytes, error.message);
        },
        () => undefined, // device lost: reported by the runtime
      );
    }
    return buffer;
  }

  /**
   * Returns a buffer to the pool (GPU work already queued on it still sees its data).
   * When the cache would then pass {@link BufferPool.cacheLimit}, the least recently
   * freed cached buffers are destroyed (after submitting pending work).
   */
  release(buffer: GPUBuffer, size: number): void {
    const held = this.live.get(buffer);
    if (held === undefined) return; // not live: released already
    this.live.delete(buffer);
    this.allocated -= held.bucket;
    this.tails -= size - held.bucket;
    this.requested -= held.requested;
    if (this.failed.has(buffer)) {
      this.destroy(buffer); // its creation failed: never hand it out again
      return;
    }
    const cap = this.cacheLimit;
    if (cap !== null && size > cap) {
      this.beforeDestroy?.();
      this.destroy(buffer);
      return;
    }
    if (cap !== null && this.cachedBytes + size > cap) this.evict(this.cachedBytes + size - cap);
    this.cachedBytes += size;
    this.cacheOrder.set(buffer, size);
    let list = this.cached.get(size);
    if (!list) this.cached.set(size, (list = []));
    list.push(buffer);
  }

  /**
   * Sets {@link BufferPool.cacheLimit}: a byte count, null (no cap) or `'auto'` (the
   * default), and evicts what no longer fits.
   * @throws RangeError for a negative or non-finite byte count.
   */
  setCacheLimit(bytes: number | null | 'auto'): void {
    if (bytes !== null && bytes !== 'auto' && !(Number.isFinite(bytes) && bytes >= 0)) {
      throw new RangeError(`setCacheLimit: expected a byte count ≥ 0, null or 'auto', got ${bytes}`);
    }
    this.cacheSetting = typeof bytes === 'number' ? Math.floor(bytes) : bytes;
    const cap = this.cacheLimit;
    if (cap !== null && this.cachedBytes > cap) this.evict(this.cachedBytes - cap);
  }

  /** Destroys every cached buffer (buffers in use are untouched), like `torch.cuda.empty_cache()`. */
  emptyCache(): void {
    this.evict(this.cachedBytes);
  }

  /** Starts new peak measurements from the current values. */
  resetPeak(): void {
    this.peak = this.allocated;
    this.requestedPeak = this.requested;
    this.reservedPeak = this.reserved;
  }
}
