/**
 * The caching allocator: freed GPU buffers go back to a pool bucketed by size
 * and are handed out again instead of being destroyed, so a training loop
 * that allocates the same shapes every step stops calling `createBuffer`.
 *
 * Sizes are rounded up to a bucket: powers of two up to 1 MiB, then multiples
 * of 1 MiB. `allocated` counts the bucket sizes of buffers in use (what
 * `memoryAllocated()` reports, like PyTorch's `torch.cuda.memory_allocated`);
 * `reserved` adds the cached ones.
 */

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

/** A size-bucketed pool of storage buffers for one device. */
export class BufferPool {
  private readonly cached = new Map<number, GPUBuffer[]>();
  /** Bytes in buffers handed out and not released. */
  allocated = 0;
  /** Peak of {@link BufferPool.allocated} since creation or the last {@link BufferPool.resetPeak}. */
  peak = 0;
  /** Bytes in cached (free) buffers. */
  cachedBytes = 0;
  /** Buffers created so far (a pool hit creates none). */
  created = 0;

  /** @param device the device buffers are created on. */
  constructor(private readonly device: GPUDevice) {}

  /**
   * A buffer of at least `bytes` bytes; `fresh` tells whether it was just created
   * (and so is zero-filled) or reused (holding old data).
   */
  acquire(bytes: number): { buffer: GPUBuffer; size: number; fresh: boolean } {
    const size = bucketSize(bytes);
    const list = this.cached.get(size);
    let buffer = list?.pop();
    const fresh = buffer === undefined;
    if (buffer === undefined) {
      buffer = this.device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
      this.created++;
    } else this.cachedBytes -= size;
    this.allocated += size;
    if (this.allocated > this.peak) this.peak = this.allocated;
    return { buffer, size, fresh };
  }

  /** Returns a buffer to the pool (GPU work already queued on it still sees its data). */
  release(buffer: GPUBuffer, size: number): void {
    this.allocated -= size;
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
