// The caching allocator's bounds and statistics: the cap on cached bytes, emptyCache()
// (cached buffers only, never live ones, as torch.cuda.empty_cache()), reuse of a larger
// cached buffer before growing under pressure, and memoryStats()'s peaks and fragmentation.
// Each test runs on a private backend sharing the suite's device, so the counts are exact.
import * as torch from '@antorcha/core';
import { setMemoryLimit } from '@antorcha/core';
import type { BackendBuffer } from '@antorcha/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebGPUBackend, bucketSize, createWebGPUBackendOn, defaultCacheLimit, webgpu } from '../src/index.js';
import { backend, hasGpu } from './gpu.js';

const KIB = 1024;
const MIB = 1024 * 1024;

/** A backend of its own on the suite's device. */
const privateBackend = (cacheLimit?: number | null): WebGPUBackend =>
  createWebGPUBackendOn(backend!.device, cacheLimit === undefined ? {} : { cacheLimit });

/** A float32 buffer of `bytes` bytes (a multiple of 4). */
const alloc = (be: WebGPUBackend, bytes: number): BackendBuffer => be.alloc('float32', bytes / 4);

afterEach(() => setMemoryLimit(null, 'webgpu'));

describe.skipIf(!hasGpu)('webgpu buffer pool: cache cap, emptyCache, pressure, statistics', () => {
  it('the default cache cap is twice the largest buffer, within [256 MiB, 4 GiB] (while live bytes stayed below it)', () => {
    const be = privateBackend();
    const max = be.runtime.pool.maxBytes;
    expect(be.getCacheLimit()).toBe(Math.min(4096 * MIB, Math.max(256 * MIB, 2 * max)));
    expect(defaultCacheLimit(64 * MIB)).toBe(256 * MIB);
    expect(defaultCacheLimit(1024 * MIB)).toBe(2048 * MIB);
    expect(defaultCacheLimit(2 ** 40)).toBe(4096 * MIB);
    expect(be.memoryStats().cache_limit_bytes).toBe(be.getCacheLimit());
    expect(privateBackend(null).getCacheLimit()).toBeNull();
  });

  it("the automatic cap grows to the peak of live bytes, so a loop that repeats its shapes never evicts", () => {
    // a device reporting 64 MiB buffers: the automatic cap's floor is then 256 MiB
    const real = backend!.device;
    const limits = new Proxy(real.limits, { get: (t, k) => (k === 'maxBufferSize' || k === 'maxStorageBufferBindingSize' ? 64 * MIB : Reflect.get(t, k, t)) });
    const device = new Proxy(real, {
      get(t, k) {
        if (k === 'limits') return limits;
        const v = Reflect.get(t, k, t) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
      },
    });
    const be = createWebGPUBackendOn(device);
    expect(be.getCacheLimit()).toBe(256 * MIB);
    const step = (): void => {
      const bufs = Array.from({ length: 5 }, () => alloc(be, 64 * MIB)); // 320 MiB live at the peak
      for (const b of bufs) be.free!(b);
    };
    step();
    expect(be.getCacheLimit()).toBe(320 * MIB);
    step();
    let s = be.memoryStats();
    expect(s.num_device_free).toBe(0);
    expect(s.num_device_alloc).toBe(5);
    expect(s['cached_bytes.all.current']).toBe(320 * MIB);
    // a fixed cap below the working set evicts (and the next step creates again)
    be.setCacheLimit(256 * MIB);
    s = be.memoryStats();
    expect(s['cached_bytes.all.current']).toBe(256 * MIB);
    expect(s.num_device_free).toBe(1);
    be.setCacheLimit('auto');
    expect(be.getCacheLimit()).toBe(320 * MIB);
    be.emptyCache();
  });

  it('emptyCache() destroys cached buffers only: live tensors keep theirs and their data', async () => {
    const be = privateBackend();
    const live = alloc(be, 8 * KIB);
    be.write(live, Float32Array.from({ length: 2048 }, (_, i) => i), 0);
    const freed = [alloc(be, 16 * KIB), alloc(be, 32 * KIB)];
    for (const b of freed) be.free!(b);
    let s = be.memoryStats();
    expect(s['cached_bytes.all.current']).toBe(48 * KIB);
    expect(s['reserved_bytes.all.current']).toBe(56 * KIB);
    expect(s['segment.all.current']).toBe(3);
    be.emptyCache();
    s = be.memoryStats();
    expect(s['cached_bytes.all.current']).toBe(0);
    expect(s['allocated_bytes.all.current']).toBe(8 * KIB);
    expect(s['reserved_bytes.all.current']).toBe(8 * KIB);
    expect(s.num_device_free).toBe(2);
    expect(s['segment.all.current']).toBe(1);
    const back = await be.read(live, 0, 2048);
    expect(back[2047]).toBe(2047);
    be.free!(live);
    expect(be.memoryStats()['cached_bytes.all.current']).toBe(8 * KIB);
  });

  it('the cache never holds more than its cap: the least recently freed buffers go first', () => {
    const be = privateBackend(64 * KIB);
    const bufs = [alloc(be, 32 * KIB), alloc(be, 16 * KIB), alloc(be, 32 * KIB), alloc(be, 8 * KIB)];
    for (const b of bufs) be.free!(b); // 88 KiB freed into a 64 KiB cache: the first 32 KiB goes
    let s = be.memoryStats();
    expect(s['cached_bytes.all.current']).toBe(56 * KIB);
    expect(s.num_device_free).toBe(1);
    // what stayed is reused: 16 + 32 + 8 KiB come back without creating anything
    const again = [alloc(be, 16 * KIB), alloc(be, 32 * KIB), alloc(be, 8 * KIB)];
    expect(be.memoryStats().num_device_alloc).toBe(4);
    for (const b of again) be.free!(b);
    // a buffer larger than the whole cap is destroyed on release, never cached
    const big = alloc(be, 128 * KIB);
    be.free!(big);
    s = be.memoryStats();
    expect(s['cached_bytes.all.current']).toBe(56 * KIB);
    expect(s.num_device_free).toBe(2);
    // lowering the cap evicts at once; 0 keeps nothing, null caps nothing
    be.setCacheLimit(16 * KIB);
    expect(be.memoryStats()['cached_bytes.all.current']).toBeLessThanOrEqual(16 * KIB);
    be.setCacheLimit(0);
    expect(be.memoryStats()['cached_bytes.all.current']).toBe(0);
    be.setCacheLimit(null);
    for (let i = 0; i < 8; i++) be.free!(alloc(be, 2 ** i * KIB)); // eight buckets, 1 KiB … 128 KiB
    expect(be.memoryStats()['cached_bytes.all.current']).toBe(255 * KIB);
    expect(() => be.setCacheLimit(-1)).toThrow(RangeError);
    expect(() => be.setCacheLimit(Number.NaN)).toThrow(RangeError);
    be.emptyCache();
  });

  it('peaks and fragmentation: requested vs allocated (bucket rounding) vs reserved (cache)', () => {
    const be = privateBackend();
    const a = be.alloc('float32', 300); // 1200 bytes requested, a 2048-byte bucket
    const b = be.alloc('int32', 5000); // 20000 bytes requested, a 32 KiB bucket
    let s = be.memoryStats();
    expect(bucketSize(1200)).toBe(2048);
    expect(s['requested_bytes.all.current']).toBe(21200);
    expect(s['allocated_bytes.all.current']).toBe(2048 + 32 * KIB);
    expect(s['inactive_split_bytes.all.current']).toBe(2048 + 32 * KIB - 21200);
    expect(s['allocation.all.current']).toBe(2);
    be.free!(b);
    s = be.memoryStats();
    expect(s['allocated_bytes.all.current']).toBe(2048);
    expect(s['allocated_bytes.all.peak']).toBe(2048 + 32 * KIB);
    expect(s['requested_bytes.all.peak']).toBe(21200);
    expect(s['reserved_bytes.all.current']).toBe(2048 + 32 * KIB);
    expect(s['reserved_bytes.all.peak']).toBe(2048 + 32 * KIB);
    expect(s['cached_bytes.all.current']).toBe(32 * KIB);
    // reserved bytes that hold no tensor data: 848 of rounding, 32 KiB cached
    expect(s.fragmentation).toBeCloseTo((2048 + 32 * KIB - 1200) / (2048 + 32 * KIB), 12);
    be.resetPeakMemoryStats();
    s = be.memoryStats();
    expect(s['allocated_bytes.all.peak']).toBe(2048);
    expect(s['requested_bytes.all.peak']).toBe(1200);
    expect(s['reserved_bytes.all.peak']).toBe(2048 + 32 * KIB);
    be.emptyCache();
    expect(be.memoryStats()['reserved_bytes.all.current']).toBe(2048);
    be.free!(a);
    be.emptyCache();
    expect(be.memoryStats().fragmentation).toBe(0);
  });

  it('under a memory limit, a larger cached buffer serves a request before anything is created; it comes back zero-filled', async () => {
    const be = privateBackend(null);
    setMemoryLimit(4 * MIB + 512 * KIB, 'webgpu');
    const big = alloc(be, 4 * MIB);
    be.write(big, new Float32Array(MIB).fill(7), 0);
    be.free!(big);
    const small = alloc(be, 3 * MIB); // reserved 4 + 3 MiB would pass the 4.5 MiB limit: the 4 MiB buffer serves it
    let s = be.memoryStats();
    expect(s.num_device_alloc).toBe(1);
    expect(s.num_reuse_larger).toBe(1);
    expect(s['allocated_bytes.all.current']).toBe(3 * MIB); // the request's bucket, as PyTorch counts a split block
    expect(s['reserved_bytes.all.current']).toBe(4 * MIB);
    expect(s['inactive_split_bytes.all.current']).toBe(MIB);
    const data = await be.read(small, 0, (3 * MIB) / 4);
    expect(data.every((v) => v === 0)).toBe(true);
    be.free!(small);
    s = be.memoryStats();
    expect(s['cached_bytes.all.current']).toBe(4 * MIB); // back in its own bucket
    expect(s['inactive_split_bytes.all.current']).toBe(0);
    // a cached buffer more than twice the request's bucket does not serve it: cached
    // buffers are released (oldest first) to keep reserved bytes under the limit instead
    const tiny = alloc(be, 1 * MIB);
    s = be.memoryStats();
    expect(s.num_reuse_larger).toBe(1);
    expect(s.num_device_free).toBe(1);
    expect(s['reserved_bytes.all.current']).toBe(1 * MIB);
    be.free!(tiny);
    be.emptyCache();
  });

  it('alternating shapes under a memory limit: one buffer per shape, not one per step', () => {
    // Steps alternate between a 3 MiB and a 4 MiB temporary under a 5 MiB limit. Releasing the
    // whole cache whenever a bucket misses (the allocator before) created a buffer every step;
    // reusing the cached 4 MiB buffer for the 3 MiB request creates two in all.
    const be = privateBackend(null);
    setMemoryLimit(5 * MIB, 'webgpu');
    for (let step = 0; step < 100; step++) be.free!(alloc(be, step % 2 === 0 ? 3 * MIB : 4 * MIB));
    const s = be.memoryStats();
    expect(s.num_device_alloc).toBe(2);
    expect(s.num_device_free).toBe(1);
    expect(s.num_reuse_larger).toBe(49);
    expect(s['reserved_bytes.all.peak']).toBeLessThanOrEqual(5 * MIB);
    be.emptyCache();
  });

  it('alternating shapes under the cache cap reuse the larger buffer instead of evicting and creating', () => {
    const be = privateBackend(4 * MIB);
    for (let step = 0; step < 100; step++) be.free!(alloc(be, step % 2 === 0 ? 3 * MIB : 4 * MIB));
    const s = be.memoryStats();
    expect(s.num_device_alloc).toBe(2);
    expect(s.num_device_free).toBe(1); // the 3 MiB buffer, evicted once for the 4 MiB one
    expect(s['cached_bytes.all.current']).toBe(4 * MIB);
    be.emptyCache();
  });

  it('varying sequence lengths: the cap bounds the idle bytes; without it they grow with every new length', () => {
    const run = (cap: number | null): WebGPUBackend => {
      const be = privateBackend(cap);
      let seed = 12345;
      for (let step = 0; step < 200; step++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const len = 64 + (seed % 960); // activations of len × 4096 float32 (1 … 16 MiB, a bucket per MiB) and len × 256
        const bufs = [alloc(be, len * 16 * KIB), alloc(be, len * KIB)];
        for (const b of bufs) be.free!(b);
      }
      return be;
    };
    const uncappedBackend = run(null);
    const uncapped = uncappedBackend.memoryStats();
    uncappedBackend.emptyCache();
    const cappedBackend = run(8 * MIB);
    const capped = cappedBackend.memoryStats();
    cappedBackend.emptyCache();
    expect(capped['cached_bytes.all.current']).toBeLessThanOrEqual(8 * MIB);
    // the cap plus one step's buffers (a reuse adds nothing to reserved bytes, a creation adds its bucket)
    expect(capped['reserved_bytes.all.peak']).toBeLessThanOrEqual(8 * MIB + 16 * MIB + 1 * MIB);
    expect(uncapped['cached_bytes.all.current']).toBeGreaterThan(4 * capped['cached_bytes.all.current']);
    expect(capped.num_reuse_larger).toBeGreaterThan(0);
    console.log(
      `[memory] 200 steps of varying lengths: uncapped reserved peak ${uncapped['reserved_bytes.all.peak'] / MIB} MiB, ${uncapped.num_device_alloc} buffers created; ` +
        `8 MiB cap: reserved peak ${capped['reserved_bytes.all.peak'] / MIB} MiB, ${capped.num_device_alloc} created, ${capped.num_reuse_larger} reuses of a larger buffer`,
    );
  });

  it('the webgpu object exposes the cap and the statistics of the registered backend', () => {
    const cap = webgpu.getCacheLimit();
    expect(cap).toBe(backend!.getCacheLimit());
    expect(() => webgpu.setCacheLimit(-5)).toThrow(RangeError);
    expect(webgpu.getCacheLimit()).toBe(cap);
    const x = torch.ones([5000], { device: 'webgpu' });
    const s = webgpu.memoryStats();
    expect(s['allocated_bytes.all.current']).toBe(webgpu.memoryAllocated());
    expect(s['reserved_bytes.all.current']).toBe(webgpu.memoryReserved());
    expect(webgpu.maxMemoryReserved()).toBe(s['reserved_bytes.all.peak']);
    expect(webgpu.maxMemoryReserved()).toBeGreaterThanOrEqual(webgpu.memoryReserved());
    expect(s['requested_bytes.all.current']).toBeLessThanOrEqual(s['allocated_bytes.all.current']);
    x.dispose();
  });

  it('evicting buffers that recorded, unsubmitted kernels still use is safe (work is submitted first)', async () => {
    torch.manualSeed(3);
    const x = torch.randn([64, 48]);
    const compute = (): Promise<ArrayLike<number>> => torch.tidy(() => x.to('webgpu').exp().matmul(x.to('webgpu').t()).relu().sum(1)).data();
    const cached = await compute();
    const cap = webgpu.getCacheLimit();
    webgpu.setCacheLimit(0); // every freed buffer is destroyed at once, intermediates included
    try {
      const freedBefore = webgpu.memoryStats().num_device_free;
      const evicted = await compute();
      expect(webgpu.memoryStats()['cached_bytes.all.current']).toBe(0);
      expect(webgpu.memoryStats().num_device_free).toBeGreaterThan(freedBefore);
      // the same kernels on the same inputs: bit-identical, and no WebGPU validation error was raised
      expect(Array.from(evicted)).toEqual(Array.from(cached));
      await webgpu.synchronize();
    } finally {
      webgpu.setCacheLimit(cap);
    }
  });
});
