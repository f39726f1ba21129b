// Memory limits on WebGPU: a request larger than one buffer can be on the device, or
// over the limit set with setMemoryLimit(bytes, 'webgpu'), raises OutOfMemoryError at
// once, synchronously, naming the bytes, before any buffer is created. An
// out-of-memory the device reports itself (asynchronously) surfaces as
// OutOfMemoryError at the next read. Nothing here allocates more than a megabyte.
import * as torch from '@antorcha/core';
import { OutOfMemoryError, TorchRuntimeError, formatMemorySize, setMemoryLimit } from '@antorcha/core';
import { FAST_MS, timedFailure } from '@antorcha/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebGPUBackend, createWebGPUBackendOn, webgpu } from '../src/index.js';
import { backend, hasGpu } from './gpu.js';

const failure = timedFailure;

/**
 * Asserts `fn` raises a WebGPU OutOfMemoryError for `bytes` bytes within FAST_MS,
 * without creating a buffer or changing the allocated bytes.
 */
function expectGpuOom(fn: () => unknown, bytes: number, be: WebGPUBackend = backend!): OutOfMemoryError {
  const before = be.memoryStats();
  const { error, ms } = failure(fn);
  expect(error).toBeInstanceOf(OutOfMemoryError);
  const e = error as OutOfMemoryError;
  expect(e).toBeInstanceOf(TorchRuntimeError);
  expect(e.pythonName).toBe('RuntimeError');
  expect(e.device).toBe('webgpu');
  expect(e.bytes).toBe(bytes);
  expect(e.message).toMatch(/^WebGPU out of memory\. Tried to allocate /);
  expect(e.message).toContain(`${bytes} bytes`);
  expect(ms).toBeLessThan(FAST_MS);
  const after = be.memoryStats();
  expect(after.buffersCreated).toBe(before.buffersCreated);
  expect(after.allocated).toBe(before.allocated);
  return e;
}

/**
 * The real device seen through a Proxy: chosen limits replaced (to reach the largest
 * buffer without allocating it), and, while `oom.next` is set, the next popped error
 * scope reports an out-of-memory error as a device would.
 */
function fakeDevice(real: GPUDevice, limits: Record<string, number>, oom: { next: boolean } = { next: false }): GPUDevice {
  const fakeLimits = new Proxy(real.limits, {
    get: (t, k) => (typeof k === 'string' && k in limits ? limits[k] : Reflect.get(t, k, t)),
  });
  return new Proxy(real, {
    get(t, k) {
      if (k === 'limits') return fakeLimits;
      if (k === 'popErrorScope') {
        return async (): Promise<GPUError | null> => {
          const error = await t.popErrorScope();
          if (!oom.next) return error;
          oom.next = false;
          return { message: 'injected: not enough device memory' } as GPUError;
        };
      }
      const v = Reflect.get(t, k, t) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

afterEach(() => setMemoryLimit(null, 'webgpu'));

describe.skipIf(!hasGpu)('webgpu memory limits', () => {
  it('empty(1e12) raises OutOfMemoryError at once, naming the bytes; nothing is created and tensors stay intact', async () => {
    const x = torch.arange(5, { dtype: 'float32', device: 'webgpu' });
    await webgpu.synchronize();
    const n = 1e12;
    const e = expectGpuOom(() => torch.empty(n, { device: 'webgpu' }), n * 4); // every dtype takes 4 bytes on WebGPU
    const max = backend!.runtime.pool.maxBytes;
    expect(e.message).toContain(`one buffer can hold at most ${formatMemorySize(max)} (${max} bytes) on this device (its max`);
    expectGpuOom(() => torch.zeros([n], { dtype: 'int32', device: 'webgpu' }), n * 4);
    expectGpuOom(() => torch.full([n], true, { device: 'webgpu' }), n * 4);
    expectGpuOom(() => torch.empty([1e12, 1e12], { device: 'webgpu' }), 1e24 * 4);
    // no asynchronous error follows, existing tensors are intact, small allocations work
    expect([...(await x.data())]).toEqual([0, 1, 2, 3, 4]);
    expect([...(await torch.ones(5, { device: 'webgpu' }).add(x).data())]).toEqual([1, 2, 3, 4, 5]);
    await webgpu.synchronize();
  });

  it('the largest buffer is min(maxBufferSize, maxStorageBufferBindingSize); one element more fails', () => {
    const pool = backend!.runtime.pool;
    const lim = backend!.device.limits;
    expect(pool.maxBytes).toBe(Math.floor(Math.min(lim.maxBufferSize, lim.maxStorageBufferBindingSize) / 4) * 4);
    // a request that fits gets at most the largest buffer, even when its bucket is larger
    expect(pool.sizeFor(pool.maxBytes)).toBe(pool.maxBytes);
    expect(pool.sizeFor(pool.maxBytes - 100)).toBeLessThanOrEqual(pool.maxBytes);
    const n = pool.maxBytes / 4 + 1;
    expectGpuOom(() => torch.empty(n, { device: 'webgpu' }), n * 4);
  });

  it('ones(3e9) fails fast under a memory limit, which counts the bytes live tensors hold', async () => {
    await webgpu.synchronize();
    webgpu.emptyCache();
    const base = webgpu.memoryAllocated();
    const limit = base + 64 * 1024;
    setMemoryLimit(limit, 'webgpu');
    expect(torch.getMemoryLimit('webgpu')).toBe(limit);
    const n = 3e9;
    const big = expectGpuOom(() => torch.ones(n, { device: 'webgpu' }), n * 4);
    // 3e9 float32 elements are over any device's buffer limit as well: either message is right
    expect(big.message).toMatch(/one buffer can hold at most|over the memory limit/);
    const a = torch.ones(8192, { device: 'webgpu' }); // 32 KiB
    const b = torch.ones(4096, { device: 'webgpu' }); // 16 KiB
    expect(webgpu.memoryAllocated()).toBe(base + 48 * 1024);
    const e = expectGpuOom(() => torch.ones(8192, { device: 'webgpu' }), 8192 * 4);
    expect(e.message).toContain(`tensors hold ${formatMemorySize(base + 48 * 1024)} (${base + 48 * 1024} bytes), and a 32768-byte buffer`);
    expect(e.message).toContain(`over the memory limit of ${formatMemorySize(limit)} (${limit} bytes) set with setMemoryLimit(bytes, 'webgpu').`);
    // what does fit still works, and existing tensors are intact
    const c = torch.full([4096], 3, { dtype: 'float32', device: 'webgpu' });
    expect(webgpu.memoryAllocated()).toBe(base + 64 * 1024);
    b.dispose(); // room for the sums' outputs
    expect((await a.sum().toAsync('cpu')).item()).toBe(8192);
    expect((await c.sum().toAsync('cpu')).item()).toBe(3 * 4096);
    for (const t of [a, b, c]) t.dispose();
  });

  it('cached free buffers are released when they would push the device over the limit', async () => {
    await webgpu.synchronize();
    webgpu.emptyCache();
    const base = webgpu.memoryAllocated();
    setMemoryLimit(base + 64 * 1024, 'webgpu');
    const a = torch.ones(12 * 1024, { device: 'webgpu' }); // 48 KiB bucket (64 KiB, a power of two)
    a.dispose(); // cached: reserved stays at base + 64 KiB
    expect(webgpu.memoryReserved()).toBe(base + 64 * 1024);
    const b = torch.ones(8192, { device: 'webgpu' }); // another bucket (32 KiB): the cached 64 KiB go first
    expect(webgpu.memoryReserved()).toBeLessThanOrEqual(base + 64 * 1024);
    expect((await b.sum().toAsync('cpu')).item()).toBe(8192);
    b.dispose();
  });

  it('an out-of-memory error the device reports (asynchronously) becomes OutOfMemoryError at the next read', async () => {
    const oom = { next: false };
    const be = createWebGPUBackendOn(fakeDevice(backend!.device, {}, oom));
    oom.next = true;
    const buf = be.alloc('float32', 300); // created before the device answers: alloc is synchronous
    const error = await be.read(buf, 0, 300).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OutOfMemoryError);
    expect((error as OutOfMemoryError).bytes).toBe(1200);
    expect((error as Error).message).toBe(
      "WebGPU out of memory. Tried to allocate 1.17 KiB (1200 bytes) on device 'webgpu': the device could not create the buffer (injected: not enough device memory). " +
        'WebGPU reports this asynchronously, so it is raised by the first WebGPU call after the device answered (a read or synchronize at the latest); the tensor that got the buffer holds no data.',
    );
    // reported once; the failed buffer is destroyed on free, never cached for reuse
    be.free!(buf);
    expect(be.memoryStats().allocated).toBe(0);
    expect(be.memoryStats().reserved).toBe(0);
    const ok = be.alloc('float32', 300);
    be.write(ok, Float32Array.from({ length: 300 }, (_, i) => i), 0);
    expect((await be.read(ok, 0, 300))[299]).toBe(299);
    await be.synchronize();
  });

  it('a read of the largest possible buffer stages the error words separately (within maxBufferSize)', async () => {
    // a device that pretends 4 KiB is its largest buffer: a whole read needs 4 KiB + 32 bytes of staging
    const be = createWebGPUBackendOn(fakeDevice(backend!.device, { maxBufferSize: 4096, maxStorageBufferBindingSize: 4096 }));
    expect(be.runtime.pool.maxBytes).toBe(4096);
    expectGpuOom(() => be.alloc('float32', 1025), 4100, be);
    const buf = be.alloc('int32', 1024);
    be.write(buf, Int32Array.from({ length: 1024 }, (_, i) => i * 3), 0);
    const back = await be.read(buf, 0, 1024);
    expect(back.length).toBe(1024);
    expect(back[1023]).toBe(3069);
    expect((await be.read(buf, 4, 10))[0]).toBe(12);
    be.free!(buf);
  });
});
