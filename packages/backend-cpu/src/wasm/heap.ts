/**
 * The CPU heap: one WebAssembly memory that tensors live in, so that the
 * WebAssembly kernels reach them without copying, and a caching allocator over it.
 *
 * - The memory is shared (a SharedArrayBuffer) wherever the engine allows it (Node;
 *   browsers when cross-origin isolated), so worker threads see the same tensors and
 *   typed-array views stay valid when it grows. Without sharing, growth replaces the
 *   buffer; {@link heapGeneration} changes and views are re-made (see `CpuBuffer.data`).
 * - Blocks come in size classes (four per power of two, 64-byte aligned, ≤ 25% slack).
 *   A freed block goes to its class's free list and is handed out again, zeroed, to the
 *   next request of that class: like PyTorch's caching allocators, memory is reused,
 *   never returned to the engine (WebAssembly memory cannot shrink).
 * - A request the heap can't serve (over its limit, or past the 4 GiB of a 32-bit
 *   address space) returns -1: the caller falls back to an ordinary typed array, which
 *   the JavaScript kernels handle. Nothing fails because the heap is full.
 */

/** Bytes below the heap's first block: the kernel module's static data lives there. */
export const HEAP_BASE = 64 * 1024;
const PAGE = 64 * 1024;
/** A 32-bit memory holds at most 65,536 pages (4 GiB). */
const MAX_PAGES = 65536;
const ALIGN = 64;

/** Counters of {@link heapStats}. */
export interface HeapStats {
  /** Bytes held by live blocks (by their size class). */
  readonly allocated: number;
  /** Highest `allocated` seen. */
  readonly peak: number;
  /** Bytes of freed blocks kept for reuse. */
  readonly cached: number;
  /** Bytes of WebAssembly memory reserved (grows, never shrinks). */
  readonly reserved: number;
  /** The most bytes the heap may reserve. */
  readonly limit: number;
  /** Whether the memory is shared (worker threads can use it). */
  readonly shared: boolean;
  /** Requests served from a free list / by new memory / refused (fell back to typed arrays). */
  readonly reused: number;
  /** Requests served by new memory. */
  readonly fresh: number;
  /** Requests refused (they fell back to typed arrays). */
  readonly refused: number;
}

/** Rounds a request up to its size class: 64-byte multiples up to 256 B, then 4 classes per power of two. */
export function sizeClass(bytes: number): number {
  if (bytes <= 256) return Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
  const p = 2 ** Math.floor(Math.log2(bytes));
  const step = p / 4;
  return Math.ceil(bytes / step) * step;
}

/** 1 GiB: enough for most models, and a bound on what a loop that never frees can pin. */
const DEFAULT_LIMIT = 1024 ** 3;

let warned = false;

/** Says once, when the heap first refuses a request for lack of room, what that costs and what to do. */
function warnFull(bytes: number, limit: number): void {
  if (warned) return;
  warned = true;
  console.warn(
    `antorcha: the CPU heap is full (${bytes} more bytes requested, limit ${limit} bytes, torch.backends.cpu.setHeapLimit()). ` +
      'New tensors are ordinary typed arrays and run on the slower JavaScript kernels until heap memory is returned: ' +
      'dispose tensors you no longer need (torch.tidy, using, .dispose()), or let the event loop run (await) between steps so that ' +
      'the garbage collector can return the ones you forgot.',
  );
}

function canShare(): boolean {
  if (typeof SharedArrayBuffer === 'undefined') return false;
  const g = globalThis as { crossOriginIsolated?: boolean };
  return g.crossOriginIsolated !== false;
}

/** Zeroes bytes of the heap: the kernel module's memory.fill once loaded (runtime.ts sets it), a typed-array fill before. */
let zeroBytes: (memory: WebAssembly.Memory, address: number, bytes: number) => void = (memory, address, bytes) => {
  new Uint8Array(memory.buffer, address, bytes).fill(0);
};

/** @internal runtime.ts installs the kernel module's bulk fill. */
export function _setZeroFill(fn: (address: number, bytes: number) => void): void {
  zeroBytes = (_memory, address, bytes) => fn(address, bytes);
}

class Heap {
  readonly memory: WebAssembly.Memory;
  readonly shared: boolean;
  generation = 0;
  private top = HEAP_BASE;
  private highWater = HEAP_BASE;
  private readonly free = new Map<number, number[]>();
  /** Size class of every live block, by address. */
  private readonly live = new Map<number, number>();
  limit = DEFAULT_LIMIT;
  allocated = 0;
  peak = 0;
  cached = 0;
  reused = 0;
  fresh = 0;
  refused = 0;

  constructor() {
    const initial = 256; // 16 MiB
    let memory: WebAssembly.Memory | null = null;
    let shared = false;
    if (canShare()) {
      try {
        memory = new WebAssembly.Memory({ initial, maximum: MAX_PAGES, shared: true });
        shared = true;
      } catch {
        memory = null;
      }
    }
    this.memory = memory ?? new WebAssembly.Memory({ initial, maximum: MAX_PAGES });
    this.shared = shared;
  }

  get reserved(): number {
    return this.memory.buffer.byteLength;
  }

  alloc(bytes: number, zero = true): number {
    const size = sizeClass(bytes);
    const list = this.free.get(size);
    if (list !== undefined && list.length > 0) {
      const address = list.pop()!;
      this.cached -= size;
      this.reused++;
      if (zero) zeroBytes(this.memory, address, size);
      return this.track(address, size);
    }
    const end = this.top + size;
    if (end > this.limit + HEAP_BASE || end > MAX_PAGES * PAGE || (end > this.reserved && !this.grow(end))) {
      this.refused++;
      if (size <= this.limit) warnFull(size, this.limit);
      return -1;
    }
    const address = this.top;
    this.top = end;
    this.fresh++;
    // Memory above the high-water mark is still zero; below it (after emptyCache) it was used.
    if (zero && address < this.highWater) zeroBytes(this.memory, address, Math.min(size, this.highWater - address));
    if (end > this.highWater) this.highWater = end;
    return this.track(address, size);
  }

  private track(address: number, size: number): number {
    this.live.set(address, size);
    this.allocated += size;
    if (this.allocated > this.peak) this.peak = this.allocated;
    return address;
  }

  /** Grows the memory to hold `end` bytes, by at least an eighth of its size (fewer, larger steps). */
  private grow(end: number): boolean {
    const have = this.reserved;
    const want = Math.min(Math.max(end, have + have / 8), this.limit + HEAP_BASE, MAX_PAGES * PAGE);
    const pages = Math.ceil((Math.max(want, end) - have) / PAGE);
    try {
      this.memory.grow(pages);
    } catch {
      return false;
    }
    if (!this.shared) this.generation++;
    return true;
  }

  release(address: number): void {
    const size = this.live.get(address);
    if (size === undefined) throw new Error(`antorcha cpu heap: free of an address that is not a live block (${address})`);
    this.live.delete(address);
    this.allocated -= size;
    this.cached += size;
    let list = this.free.get(size);
    if (list === undefined) this.free.set(size, (list = []));
    list.push(address);
  }

  /** Forgets the cached free blocks above the bump pointer's reach: only the top block can go back. */
  emptyCache(): void {
    // Blocks are never coalesced; a cached block on top of the heap returns to the bump pointer.
    let changed = true;
    while (changed) {
      changed = false;
      for (const [size, list] of this.free) {
        const i = list.indexOf(this.top - size);
        if (i >= 0) {
          list.splice(i, 1);
          this.top -= size;
          this.cached -= size;
          changed = true;
        }
      }
    }
  }
}

let heap: Heap | null = null;

/** The process's CPU heap, made at first use. */
export function getHeap(): Heap {
  return (heap ??= new Heap());
}

/** A block of at least `bytes` (zero-filled, 64-byte aligned) in the heap, or -1 when it can't be had. */
export function heapAlloc(bytes: number): number {
  return getHeap().alloc(bytes);
}

/** Like {@link heapAlloc}, but a reused block keeps whatever it held: for buffers a kernel writes in full. */
export function heapAllocUninit(bytes: number): number {
  return getHeap().alloc(bytes, false);
}

/** Returns a block from {@link heapAlloc} to the heap for reuse. */
export function heapFree(address: number): void {
  getHeap().release(address);
}

/** Changes whenever the memory's buffer is replaced (growth of a non-shared memory): views must be re-made. */
export function heapGeneration(): number {
  return heap === null ? 0 : heap.generation;
}

/** The heap's memory buffer (for views). */
export function heapBuffer(): ArrayBuffer | SharedArrayBuffer {
  return getHeap().memory.buffer;
}

/**
 * Sets how many bytes the CPU heap may reserve (default 1 GiB; at most 4 GiB − 64 KiB). Tensors that don't fit are ordinary typed arrays and run on the
 * JavaScript kernels: correct, slower. Memory already reserved is kept.
 */
export function setHeapLimit(bytes: number): void {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`setHeapLimit: expected a byte count ≥ 0, got ${bytes}`);
  getHeap().limit = Math.min(Math.floor(bytes), MAX_PAGES * PAGE - HEAP_BASE);
}

/** The CPU heap's counters: bytes allocated, peak, cached for reuse, reserved, and how requests were served. */
export function heapStats(): HeapStats {
  const h = getHeap();
  return {
    allocated: h.allocated, peak: h.peak, cached: h.cached, reserved: h.reserved, limit: h.limit, shared: h.shared,
    reused: h.reused, fresh: h.fresh, refused: h.refused,
  };
}

/** Resets the peak to the bytes allocated now (`torch.cuda.reset_peak_memory_stats`'s meaning). */
export function resetHeapPeak(): void {
  const h = getHeap();
  h.peak = h.allocated;
}

/** Gives cached blocks at the top of the heap back to the bump pointer (the rest stay cached). */
export function emptyHeapCache(): void {
  getHeap().emptyCache();
}
