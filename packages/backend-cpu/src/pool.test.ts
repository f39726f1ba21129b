// The worker pool (src/wasm/pool.ts): start-up in the background, jobs on every thread,
// no lost wake-ups, errors from workers raised on the caller, memory growth seen by
// workers, and processes that exit with workers started. Kernels: assembly/pool_probe.ts.
import { availableParallelism } from 'node:os';
import { getNumThreads, setNumThreads } from '@antorcha/core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { getHeap, heapAlloc, heapFree } from './wasm/heap.js';
import { _poolInfo, _setPoolOptions, poolThreads, runOnThreads } from './wasm/pool.js';
import { setCpuKernels, wasmInfo } from './wasm/runtime.js';

const THREADS = 4;

/** Polls poolThreads() (which never blocks) until `n` threads are ready. */
async function untilThreads(n: number, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (poolThreads() < n) {
    if (Date.now() > end) throw new Error(`pool not ready after ${ms} ms: ${JSON.stringify(_poolInfo())}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function f32(address: number, n: number): Float32Array {
  return new Float32Array(getHeap().memory.buffer, address, n);
}

describe('threads setting', () => {
  it("defaults to the host's processor count, at most 8", () => {
    // runs first in this file's fresh module graph: nothing has set it yet
    expect(getNumThreads()).toBe(Math.min(availableParallelism(), 8));
  });
});

describe('worker pool', () => {
  beforeAll(() => {
    expect(wasmInfo().loaded).toBe(true);
    expect(wasmInfo().sharedMemory).toBe(true);
  });
  afterAll(() => setNumThreads(Math.min(availableParallelism(), 8)));

  it('reports 1 thread until the workers are ready, and never waits for them', async () => {
    setNumThreads(THREADS);
    expect(_poolInfo().started).toBe(0);
    expect(poolThreads()).toBe(1); // starts the workers; they can't be ready yet
    expect(_poolInfo().started).toBe(THREADS - 1);
    expect(() => runOnThreads('poolTrap', [[0], [0]])).toThrow(RangeError);
    await untilThreads(THREADS);
    expect(poolThreads()).toBe(THREADS);
    expect(_poolInfo()).toMatchObject({ started: THREADS - 1, ready: THREADS - 1, disabled: null });
  });

  it('reports 1 thread with setNumThreads(1), and no more than the setting', async () => {
    await untilThreads(THREADS);
    try {
      setNumThreads(1);
      expect(poolThreads()).toBe(1);
      setNumThreads(2);
      expect(poolThreads()).toBe(2);
    } finally {
      setNumThreads(THREADS);
    }
    expect(poolThreads()).toBe(THREADS);
  });

  it("reports 1 thread with the 'js' kernels", async () => {
    await untilThreads(THREADS);
    try {
      setCpuKernels('js');
      expect(poolThreads()).toBe(1);
    } finally {
      setCpuKernels('wasm');
    }
  });

  it.each([true, false])('runs every job: disjoint ranges written exactly (caller may take jobs: %s)', async (steal) => {
    await untilThreads(THREADS);
    _setPoolOptions({ steal });
    onTestFinished(() => _setPoolOptions({ steal: true }));
    for (const len of [0, 1, 3, 5, 1001, 100_003]) {
      const total = THREADS * len + 1;
      const a = heapAlloc(4 * total);
      const jobs = Array.from({ length: THREADS }, (_, j) => [a + 4 * j * len, len, j + 0.5]);
      runOnThreads('poolFillF32', jobs);
      const v = f32(a, total);
      for (let j = 0; j < THREADS; j++) for (let i = 0; i < len; i++) if (v[j * len + i] !== j + 0.5) throw new Error(`len ${len}: element ${j * len + i} is ${v[j * len + i]}`);
      expect(v[total - 1]).toBe(0); // nothing written past the ranges
      heapFree(a);
    }
  });

  it.each([false, true])('loses no wake-up over 10,000 consecutive dispatches (caller may take jobs: %s)', async (steal) => {
    await untilThreads(THREADS);
    // without stealing every job j ≥ 1 runs on its worker: a lost wake-up hangs
    _setPoolOptions({ steal });
    onTestFinished(() => _setPoolOptions({ steal: true }));
    const a = heapAlloc(4 * THREADS);
    const v = f32(a, THREADS);
    const jobs = Array.from({ length: THREADS }, (_, j) => [a + 4 * j, 1, 0]);
    let bad = -1;
    for (let it = 1; it <= 10_000 && bad < 0; it++) {
      for (const job of jobs) job[2] = it;
      // alternate between all threads and fewer, so workers also see skipped turns
      const n = it % 3 === 0 ? 2 : THREADS;
      runOnThreads('poolFillF32', jobs.slice(0, n));
      for (let j = 0; j < n; j++) if (v[j] !== it) bad = it;
    }
    expect(bad).toBe(-1);
    heapFree(a);
  }, 120_000); // a lost wake-up hangs: the timeout is the failure (4 threads on 2 busy vCPUs take seconds)

  it('raises a trap or an abort in a worker on the caller, naming the job', async () => {
    await untilThreads(THREADS);
    _setPoolOptions({ steal: false });
    onTestFinished(() => _setPoolOptions({ steal: true }));
    expect(() => runOnThreads('poolTrap', [[0], [1]])).toThrow(/poolTrap failed on worker thread \(job 1\): RuntimeError: unreachable/);
    expect(() => runOnThreads('poolTrap', [[0], [0], [0], [2]])).toThrow(/job 3\): Error: antorcha cpu backend: a WebAssembly kernel aborted/);
    expect(() => runOnThreads('poolTrap', [[0], [2], [1]])).toThrow(/job 1\): Error: .*aborted/);
    const a = heapAlloc(4 * THREADS);
    runOnThreads('poolFillF32', Array.from({ length: THREADS }, (_, j) => [a + 4 * j, 1, 5]));
    expect(Array.from(f32(a, THREADS))).toEqual(new Array(THREADS).fill(5));
    heapFree(a);
  });

  it('raises any job\'s trap or abort on the caller, and keeps working', async () => {
    await untilThreads(THREADS);
    // (a job its worker had not taken yet runs on the caller: the error is then the kernel's own)
    expect(() => runOnThreads('poolTrap', [[0], [1]])).toThrow(/unreachable/);
    expect(() => runOnThreads('poolTrap', [[0], [0], [0], [2]])).toThrow(/a WebAssembly kernel aborted/);
    // the caller's own trap is raised as it is, after the workers finished
    expect(() => runOnThreads('poolTrap', [[1], [0]])).toThrow(WebAssembly.RuntimeError);
    // the lowest job's error wins
    expect(() => runOnThreads('poolTrap', [[2], [1]])).toThrow(/kernel aborted/);
    expect(() => runOnThreads('poolTrap', [[0], [2], [1]])).toThrow(/kernel aborted/);
    expect(() => runOnThreads('poolTrap', [[0], [0], [1], [2]])).toThrow(/unreachable/);
    const a = heapAlloc(4 * THREADS);
    runOnThreads('poolFillF32', Array.from({ length: THREADS }, (_, j) => [a + 4 * j, 1, 7]));
    expect(Array.from(f32(a, THREADS))).toEqual(new Array(THREADS).fill(7));
    heapFree(a);
  });

  it('checks its arguments', async () => {
    await untilThreads(THREADS);
    expect(() => runOnThreads('noSuchKernel', [[0], [0]])).toThrow(/no kernel named noSuchKernel/);
    expect(() => runOnThreads('poolTrap', new Array(THREADS + 1).fill([0]))).toThrow(RangeError);
    expect(() => runOnThreads('poolTrap', [[0], new Array(17).fill(0)])).toThrow(/17 arguments/);
    runOnThreads('poolTrap', []);
    runOnThreads('poolTrap', [[0]]);
  });

  it('workers write into memory the caller has just grown', async () => {
    await untilThreads(THREADS);
    const before = getHeap().memory.buffer.byteLength;
    const bytes = before + (8 << 20);
    const a = heapAlloc(bytes); // grows the memory
    expect(a).toBeGreaterThan(0);
    expect(getHeap().memory.buffer.byteLength).toBeGreaterThan(before);
    const part = 4096;
    const jobs = Array.from({ length: THREADS }, (_, j) => [a + bytes - (THREADS - j) * part, part, j + 1]);
    runOnThreads('poolFillBytes', jobs); // memory.fill: bounds-checked against the grown size
    const end = new Uint8Array(getHeap().memory.buffer, a + bytes - THREADS * part, THREADS * part);
    for (let j = 0; j < THREADS; j++) expect(end[j * part] === j + 1 && end[(j + 1) * part - 1] === j + 1).toBe(true);
    runOnThreads('poolFillF32', Array.from({ length: THREADS }, (_, j) => [a + bytes - 4 * (THREADS - j), 1, 9]));
    expect(Array.from(f32(a + bytes - 4 * THREADS, THREADS))).toEqual(new Array(THREADS).fill(9));
    heapFree(a);
  });
});

describe('process exit', () => {
  it('a process with started workers exits by itself (dist build)', async () => {
    const { spawnSync } = await import('node:child_process');
    const dist = (p: string): string => JSON.stringify(new URL(`../dist/${p}`, import.meta.url).href);
    const script = `
      const pool = await import(${dist('wasm/pool.js')});
      const heap = await import(${dist('wasm/heap.js')});
      const { setNumThreads } = await import('@antorcha/core');
      setNumThreads(3);
      pool.poolThreads();
      while (pool.poolThreads() < 3) await new Promise((r) => setTimeout(r, 5));
      const a = heap.heapAlloc(12);
      pool.runOnThreads('poolFillF32', [[a, 1, 1], [a + 4, 1, 2], [a + 8, 1, 3]]);
      console.log(Array.from(new Float32Array(heap.getHeap().memory.buffer, a, 3)).join(','));`;
    const t = Date.now();
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('..', import.meta.url), encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBe(null); // not killed by the timeout
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('1,2,3');
    expect(Date.now() - t).toBeLessThan(30_000);
  });
});
