// Memory limits on the CPU: allocations the host cannot hold raise OutOfMemoryError
// (PyTorch's "DefaultCPUAllocator: not enough memory: you tried to allocate N bytes.")
// at once, naming the bytes, before anything is allocated. Nothing here allocates
// more than a few kilobytes.
import { readFileSync } from 'node:fs';
import { constants as bufferConstants } from 'node:buffer';
import { totalmem } from 'node:os';
import * as torch from '@antorcha/core';
import { OutOfMemoryError, TorchRuntimeError, TorchValueError, getMemoryLimit, registerBackend, setMemoryLimit } from '@antorcha/core';
import { FAST_MS, timedFailure } from '@antorcha/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { cpuBackend } from '../src/index.js';

// Limits are per device type, also for a type whose backend this package does not depend on:
// 'webgpu' declared to the type checker as @antorcha/backend-webgpu declares it.
declare module '@antorcha/core' {
  interface DeviceTypes {
    webgpu: true;
  }
}

registerBackend(cpuBackend);

const failure = timedFailure;

/** Bytes in host ArrayBuffers now (typed arrays included). */
const arrayBuffers = (): number => process.memoryUsage().arrayBuffers;

/** Asserts an OutOfMemoryError for `bytes` bytes on the CPU, thrown within `fastMs`. */
function expectCpuOom(fn: () => unknown, bytes: number, fastMs = FAST_MS): OutOfMemoryError {
  const before = arrayBuffers();
  const { error, ms } = failure(fn);
  expect(error).toBeInstanceOf(OutOfMemoryError);
  const e = error as OutOfMemoryError;
  expect(e).toBeInstanceOf(TorchRuntimeError); // torch.OutOfMemoryError is a RuntimeError
  expect(e.pythonName).toBe('RuntimeError');
  expect(e.name).toBe('OutOfMemoryError');
  expect(e.device).toBe('cpu');
  expect(e.bytes).toBe(bytes);
  expect(e.message.startsWith(`DefaultCPUAllocator: not enough memory: you tried to allocate ${bytes} bytes.`)).toBe(true);
  expect(ms).toBeLessThan(fastMs);
  // nothing was allocated (a megabyte of slack for unrelated buffers)
  expect(arrayBuffers() - before).toBeLessThan(1 << 20);
  return e;
}

afterEach(() => setMemoryLimit(null));

describe('cpu memory limits', () => {
  it('empty(1e12) raises OutOfMemoryError naming the bytes, at once, and leaves existing tensors intact', () => {
    const x = torch.arange(6, { dtype: 'float64' });
    const n = 1e12;
    expectCpuOom(() => torch.empty(n), n * torch.getDefaultDtype().itemsize);
    expectCpuOom(() => torch.empty(n, { dtype: 'float64' }), n * 8); // 8000000000000 bytes
    expectCpuOom(() => torch.zeros([n / 1e6, 1e6], { dtype: 'int32' }), n * 4);
    expectCpuOom(() => torch.full([n], true), n); // bool: 1 byte per element
    // existing tensors are intact and small allocations still work
    expect([...x.dataSync()]).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...torch.ones(4).add(x.narrow(0, 0, 4)).dataSync()]).toEqual([1, 2, 3, 4]);
  });

  it('ones(3e9, float64) (24 GB) fails fast under a memory limit below it', () => {
    setMemoryLimit(2 ** 30);
    expect(getMemoryLimit()).toBe(2 ** 30);
    expect(getMemoryLimit('cpu')).toBe(2 ** 30);
    const n = 3e9;
    const e = expectCpuOom(() => torch.ones(n, { dtype: 'float64' }), n * 8);
    expect(e.message).toContain('more than the memory limit of 1073741824 bytes (1024.00 MiB) set with setMemoryLimit()');
    expect(e.message).toContain(`${n} elements of float64`);
    expect(torch.ones(3, { dtype: 'float64' }).sum().item()).toBe(3);
  });

  it('the limit is per allocation, inclusive, and covers every host allocation (ops, temporaries)', () => {
    setMemoryLimit(800);
    const a = torch.ones(100, { dtype: 'float64' }); // exactly 800 bytes: allowed
    const b = torch.ones(100, { dtype: 'float64' }); // per allocation, not in total
    expect(a.add(b).sum().item()).toBe(200);
    expectCpuOom(() => torch.ones(101, { dtype: 'float64' }), 808);
    expectCpuOom(() => torch.arange(201), 201 * 8); // int64 lives in 8 bytes per element
    expectCpuOom(() => torch.ones(100, 2).matmul(torch.ones(2, 100)), 100 * 100 * 4); // an op's output
    expect(() => torch.ones(200)).not.toThrow(); // float32: 800 bytes
    setMemoryLimit(0);
    expectCpuOom(() => torch.ones(1, { dtype: 'uint8' }), 1);
    expect(torch.ones(0).numel()).toBe(0); // empty tensors need no memory
  });

  it('the default limit is the machine memory (or a lower cgroup limit); null restores it', () => {
    const dflt = getMemoryLimit();
    expect(dflt).not.toBeNull();
    expect(dflt!).toBeGreaterThan(0);
    expect(dflt!).toBeLessThanOrEqual(totalmem());
    setMemoryLimit(1234.9);
    expect(getMemoryLimit()).toBe(1234);
    setMemoryLimit(null);
    expect(getMemoryLimit()).toBe(dflt);
    // just over the machine's memory, yet within the engine's typed-array length when it
    // is 8 bytes an element: caught by the default limit, not left to the OS
    const n = Math.floor(dflt! / 8) + 1;
    const e = expectCpuOom(() => torch.empty(n, { dtype: 'float64' }), n * 8);
    expect(e.message).toContain(`more than this machine's memory, ${dflt} bytes`);
  });

  it('limits are per device type, and bad limits are refused', () => {
    setMemoryLimit(4096, 'webgpu');
    expect(getMemoryLimit('webgpu')).toBe(4096);
    expect(getMemoryLimit(torch.device('webgpu:0'))).toBe(4096);
    expect(getMemoryLimit('cpu')).toBe(getMemoryLimit());
    expect(() => torch.ones(2048)).not.toThrow(); // 8 KiB on the CPU: the webgpu limit does not apply
    setMemoryLimit(null, 'webgpu');
    expect(getMemoryLimit('webgpu')).toBeNull();
    expect(() => setMemoryLimit(-1)).toThrow(TorchValueError);
    expect(() => setMemoryLimit(Number.NaN)).toThrow(/bytes must be a non-negative number or null, but got NaN/);
    expect(() => setMemoryLimit('1GB' as unknown as number)).toThrow(TorchValueError);
  });

  it('element counts beyond 2^53 - 1 raise OutOfMemoryError, not a RangeError', () => {
    const before = arrayBuffers();
    const { error, ms } = failure(() => torch.empty([1e12, 1e12]));
    expect(error).toBeInstanceOf(OutOfMemoryError);
    expect(ms).toBeLessThan(FAST_MS);
    expect((error as OutOfMemoryError).bytes).toBe(1e24 * 4);
    expect((error as Error).message).toContain('you tried to allocate 4e+24 bytes');
    expect((error as Error).message).toContain('more than 2^53 - 1');
    expect(arrayBuffers() - before).toBeLessThan(1 << 20);
    expect(() => torch.allocHost('float32', 2 ** 53)).toThrow(OutOfMemoryError);
    expect(() => torch.allocHost('float32', Number.POSITIVE_INFINITY)).toThrow(OutOfMemoryError);
  });

  it('negative, fractional and NaN element counts are refused by allocHost', () => {
    for (const n of [-1, 1.5, Number.NaN]) {
      expect(() => torch.allocHost('float32', n)).toThrow(/an element count must be a non-negative integer/);
      expect(() => torch.allocHost('float32', n)).not.toThrow(OutOfMemoryError);
    }
    expect(torch.allocHost('int64', 3)).toEqual(new Float64Array(3));
  });

  // More elements than the engine lets a typed array have, though far less than the
  // machine's memory: Node 20's V8 allows 2^32 elements.
  const maxLength = bufferConstants.MAX_LENGTH;
  it.skipIf(maxLength >= Number.MAX_SAFE_INTEGER || maxLength + 1 > totalmem())('more elements than a typed array can hold: OutOfMemoryError, not V8\'s RangeError', () => {
    const n = maxLength + 1;
    const e = expectCpuOom(() => torch.empty(n, { dtype: 'uint8' }), n);
    expect(e.message).toContain(`more than the ${maxLength} elements a typed array can hold in this JavaScript engine`);
  });

  // With every limit lifted, the engine itself refuses a 32 GiB array where the kernel
  // refuses to overcommit that much (Linux's heuristic mode, less RAM + swap than that):
  // that RangeError becomes an OutOfMemoryError too. Nothing is allocated. Slower than the
  // checks above (V8 collects garbage and retries before giving up): tens of milliseconds.
  const meminfo = ((): { overcommit: string; ramSwap: number } => {
    try {
      const info = readFileSync('/proc/meminfo', 'utf8');
      const kb = (k: string): number => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(info)?.[1] ?? Number.NaN) * 1024;
      return { overcommit: readFileSync('/proc/sys/vm/overcommit_memory', 'utf8').trim(), ramSwap: kb('MemTotal') + kb('SwapTotal') };
    } catch {
      return { overcommit: '', ramSwap: Number.NaN };
    }
  })();
  const engineRefuses = meminfo.overcommit === '0' && meminfo.ramSwap < 2 ** 35 * 0.9 && maxLength >= 2 ** 32;
  it.skipIf(!engineRefuses)('a typed array the engine fails to allocate: its RangeError becomes OutOfMemoryError', () => {
    setMemoryLimit(Number.POSITIVE_INFINITY);
    const n = 2 ** 32;
    const e = expectCpuOom(() => torch.empty(n, { dtype: 'float64' }), n * 8, 2000);
    expect(e.message).toContain('which the JavaScript engine refused (');
  });
});
