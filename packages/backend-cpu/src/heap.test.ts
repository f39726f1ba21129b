import { describe, expect, it, vi } from 'vitest';
import { CpuBuffer, _setHeapMinBytes, allocBuffer } from './memory.js';
import { HEAP_BASE, heapAlloc, heapFree, heapStats, setHeapLimit, sizeClass } from './wasm/heap.js';
import { heapAddress, wasmInfo, wasmKernels } from './wasm/runtime.js';

describe('size classes', () => {
  it('are 64-byte aligned, at least the request, and waste at most a quarter above 256 bytes', () => {
    for (let b = 1; b < 1 << 20; b = Math.ceil(b * 1.37) + 1) {
      const c = sizeClass(b);
      expect(c).toBeGreaterThanOrEqual(b);
      expect(c % 64).toBe(0);
      if (b > 256) expect(c).toBeLessThanOrEqual(b * 1.25 + 64);
    }
    expect(sizeClass(1)).toBe(64);
    expect(sizeClass(4096)).toBe(4096);
    expect(sizeClass(4097)).toBe(5120);
  });
});

describe('the CPU heap', () => {
  it('loads the SIMD kernel module over shared memory in Node', () => {
    const info = wasmInfo();
    expect(info.loaded).toBe(true);
    expect(info.error).toBeNull();
    expect(info.sharedMemory).toBe(true);
    expect(wasmKernels()).not.toBeNull();
  });

  it('hands a freed block to the next request of its class, zero-filled', () => {
    const a = allocBuffer('float32', 1000);
    expect(a.address).toBeGreaterThanOrEqual(HEAP_BASE);
    expect(a.address % 64).toBe(0);
    (a.data as Float32Array).fill(7);
    const address = a.address;
    a.release();
    expect(a.freed).toBe(true);
    expect(a.numel).toBe(0);
    const b = allocBuffer('float32', 990); // same class (4000 → 4096 bytes)
    expect(b.address).toBe(address);
    expect(Array.from(b.data).every((v) => v === 0)).toBe(true);
    b.release();
  });

  it('allocUninit skips the zero-fill of a reused block (for outputs a kernel writes in full)', () => {
    const a = allocBuffer('float32', 3000);
    (a.data as Float32Array).fill(5);
    const address = a.address;
    a.release();
    const b = allocBuffer('float32', 3000, false);
    expect(b.address).toBe(address);
    expect((b.data as Float32Array)[2999]).toBe(5);
    b.release();
    const c = allocBuffer('float32', 3000);
    expect(c.address).toBe(address);
    expect((c.data as Float32Array)[2999]).toBe(0);
    c.release();
  });

  it('keeps buffers under 4 KiB as ordinary typed arrays by default', () => {
    _setHeapMinBytes(4096); // this package's tests put every buffer in the heap (test/setup-heap.ts)
    const big = allocBuffer('float32', 1024);
    const s = allocBuffer('float32', 1023);
    _setHeapMinBytes(0);
    expect(big.address).toBeGreaterThan(0);
    big.release();
    expect(s.address).toBe(-1);
    expect(s.data.buffer).toBeInstanceOf(ArrayBuffer);
    const ref = { buffer: s, dtype: 'float32' as const, shape: [5], strides: [1], offset: 0 };
    expect(heapAddress(ref)).toBe(-1);
  });

  it('gives the byte address of a view’s first element', () => {
    const b = allocBuffer('float64', 100);
    const ref = { buffer: b, dtype: 'float64' as const, shape: [10], strides: [1], offset: 7 };
    expect(heapAddress(ref)).toBe(b.address + 7 * 8);
    b.release();
    expect(heapAddress(ref)).toBe(-1);
  });

  it('falls back to typed arrays over its limit, counts what it refused, and warns once', () => {
    const before = heapStats();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    setHeapLimit(before.reserved); // nothing more may be reserved
    try {
      const big = allocBuffer('float32', (before.reserved - HEAP_BASE) / 4 + 1024);
      expect(big.address).toBe(-1);
      expect(big.data).toBeInstanceOf(Float32Array);
      expect(heapStats().refused).toBe(before.refused + 1);
      allocBuffer('float32', (before.reserved - HEAP_BASE) / 4 + 1024);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/CPU heap is full .* dispose tensors .*torch\.tidy/);
    } finally {
      setHeapLimit(before.limit);
      warn.mockRestore();
    }
    expect(before.limit).toBe(1024 ** 3);
  });

  it('grows past its first reservation and keeps earlier views valid (shared memory)', () => {
    const a = allocBuffer('float32', 1024);
    (a.data as Float32Array)[3] = 1.5;
    const reserved = heapStats().reserved;
    const big = heapAlloc(reserved); // forces growth
    expect(big).toBeGreaterThan(0);
    expect(heapStats().reserved).toBeGreaterThan(reserved);
    expect((a.data as Float32Array)[3]).toBe(1.5);
    heapFree(big);
    a.release();
  });

  it('tracks allocated and peak bytes, and rejects a double free', () => {
    const s0 = heapStats();
    const address = heapAlloc(10_000);
    expect(heapStats().allocated).toBe(s0.allocated + sizeClass(10_000));
    expect(heapStats().peak).toBeGreaterThanOrEqual(heapStats().allocated);
    heapFree(address);
    expect(heapStats().allocated).toBe(s0.allocated);
    expect(() => heapFree(address)).toThrow(/not a live block/);
  });

  it('a released buffer is not freed twice', () => {
    const b = allocBuffer('int32', 512);
    b.release();
    expect(() => b.release()).not.toThrow();
    expect(b).toBeInstanceOf(CpuBuffer);
  });
});

describe('forgotten buffers', () => {
  it('return to the heap once the garbage collector takes them (FinalizationRegistry)', async () => {
    const { spawnSync } = await import('node:child_process');
    const dist = new URL('../dist/index.js', import.meta.url).href;
    const script = `
      const cpu = await import(${JSON.stringify(dist)});
      const { registerBackend, randn } = await import('@antorcha/core');
      registerBackend(cpu.cpuBackend);
      const base = cpu.heapStats().allocated;
      for (let i = 0; i < 100; i++) randn(2000);
      const held = cpu.heapStats().allocated - base;
      for (let i = 0; i < 5; i++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 10)); }
      console.log(JSON.stringify({ held, after: cpu.heapStats().allocated - base, cached: cpu.heapStats().cached }));`;
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { cwd: new URL('..', import.meta.url), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const { held, after, cached } = JSON.parse(r.stdout) as { held: number; after: number; cached: number };
    expect(held).toBe(100 * 8192);
    expect(after).toBe(0);
    expect(cached).toBeGreaterThanOrEqual(held);
  });
});

describe('without shared memory (a page that is not cross-origin isolated)', () => {
  it('loads the kernels over an unshared memory, and views follow the memory when it grows', async () => {
    const { spawnSync } = await import('node:child_process');
    const dist = new URL('../dist/index.js', import.meta.url).href;
    const script = `
      delete globalThis.SharedArrayBuffer;
      const cpu = await import(${JSON.stringify(dist)});
      const { registerBackend, randn, tensor } = await import('@antorcha/core');
      registerBackend(cpu.cpuBackend);
      const info = cpu.wasmInfo();
      const a = randn(300, 300), b = randn(300, 300);
      const before = a.add(b).sum().item();
      const big = randn(20_000_000); // grows the memory: the buffer is replaced
      const after = a.add(b).sum().item();
      const m = a.matmul(b);
      cpu.setCpuKernels('js');
      const mj = a.matmul(b);
      // float32 (wasm) against float64 (JS) accumulation: within K·2⁻²⁴·(|a|·|b|) elementwise
      const over = m.sub(mj).abs().sub(a.abs().matmul(b.abs()).mul(300 * 2 ** -24)).max().item();
      console.log(JSON.stringify({ info, same: before === after, grew: cpu.heapStats().reserved > 80_000_000, over, n: big.numel() }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('..', import.meta.url), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { info: { loaded: boolean; sharedMemory: boolean; error: string | null }; same: boolean; grew: boolean; over: number };
    expect(out.info).toMatchObject({ loaded: true, sharedMemory: false, error: null });
    expect(out.same).toBe(true);
    expect(out.grew).toBe(true);
    expect(out.over).toBeLessThanOrEqual(0);
  });
});
