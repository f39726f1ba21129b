/**
 * The CPU backend's worker pool: runs a WebAssembly kernel on several threads at once,
 * each job on its own part of the output, all over the one shared heap memory.
 *
 * - Threads: the calling thread plus up to `getNumThreads() - 1` workers (Node's
 *   `worker_threads`, browsers' module Web Workers), each with its own instance of the
 *   kernel module over the same `WebAssembly.Memory`. They start at the first
 *   {@link poolThreads} call that wants more than one thread, and count only once they
 *   have instantiated the module: until then everything runs on the calling thread;
 *   nothing ever waits for start-up. Node workers are unref'd, so they never keep a
 *   process alive.
 * - Dispatch does not use postMessage: each worker has a 512-byte control slot in the
 *   heap; the caller writes a job (kernel index and up to 16 numeric arguments) there,
 *   bumps the slot's sequence number (`Atomics.notify`), runs job 0 itself, runs any job
 *   no worker has claimed yet (a compare-exchange on the slot's claim word decides who
 *   runs it), then waits for each worker's completion word (`Atomics.wait` where the
 *   thread may block, a spin on `Atomics.load` on a browser's main thread, where it may
 *   not). Workers spin briefly for the next job before they sleep in `Atomics.wait`;
 *   neither side spins when there are more threads than processors.
 * - A job that throws (a trap, an abort) in a worker is raised on the caller as an Error
 *   once every job of the dispatch has finished.
 * - One thread only (every call runs on the caller) where memory is not shared (browsers
 *   without cross-origin isolation), the kernel module is not loaded or `'js'` kernels are
 *   chosen, workers can't be made, or `getNumThreads()` is 1.
 *
 * Limitation: a worker that dies in the middle of a job (killed by the host; kernels
 * themselves cannot crash it) leaves its caller waiting.
 */
import { getNumThreads } from '@antorcha/core';
import { getHeap, heapAlloc, heapFree } from './heap.js';
import { wasmKernels, wasmModule } from './runtime.js';
import { POOL_WORKER_NAME, type PoolWorkerStart, SLOT_MSG_UNITS, SLOT_WORDS, poolWorkerMain } from './worker.js';

/** Int32 word indices of a control slot (see worker.ts). */
const { STATE, SEQ, DONE, KERNEL, NARGS, STATUS, MSGLEN, SPIN, CLAIM } = SLOT_WORDS;
/** Bytes of a control slot: words, then 16 float64 arguments at 64, then the error message at 192. */
const SLOT_BYTES = 512;
/** The most numeric arguments a job may have. */
export const MAX_JOB_ARGS = 16;
/** Microseconds a worker polls for its next job, and the caller for a job's end, before sleeping in Atomics.wait. */
let workerSpin = 20;
let callerSpin = 50;
let processors: number | null = null;

/** Logical processors of the host (spinning only helps while every thread has one); Infinity when unknown. */
function hostProcessors(): number {
  if (processors !== null) return processors;
  let n = Infinity;
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process;
    const os = proc?.getBuiltinModule?.('os') as { availableParallelism?(): number } | undefined;
    const h = os?.availableParallelism?.() ?? (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
    if (typeof h === 'number' && h >= 1) n = h;
  } catch {
    // unknown
  }
  return (processors = n);
}

interface PoolWorker {
  readonly i32: Int32Array;
  readonly f64: Float64Array;
  readonly text: Uint16Array;
  seq: number;
  ready: boolean;
  failed: boolean;
  /** Node's or the browser's worker object, kept for terminate(). */
  readonly handle: { terminate(): unknown };
}

/** The Node `worker_threads` API, as far as the pool uses it. */
interface NodeWorkerThreads {
  Worker: new (code: string, options: { eval: true; workerData: PoolWorkerStart; name: string; stdout?: boolean }) => NodeWorker;
}
interface NodeWorker {
  unref(): void;
  terminate(): Promise<number>;
  on(event: 'error' | 'exit', fn: (arg: unknown) => void): void;
}

const workers: PoolWorker[] = [];
/** Why the pool runs on one thread for good (a worker failed to start), or null. */
let disabled: string | null = null;
let names: Map<string, number> | null = null;
let canWait: boolean | null = null;
/** Jobs the caller ran because their worker had not taken them (a measure of wake-up delays). */
let stolen = 0;
let steal = true;

function nodeWorkerThreads(): NodeWorkerThreads | null {
  const proc = (globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?(id: string): unknown } }).process;
  if (typeof proc?.versions?.node !== 'string') return null;
  try {
    const wt = proc.getBuiltinModule?.('node:worker_threads') as NodeWorkerThreads | undefined;
    return typeof wt?.Worker === 'function' ? wt : null;
  } catch {
    return null;
  }
}

/** Whether this thread may block in Atomics.wait (not on a browser's main thread). */
function threadCanWait(i32: Int32Array): boolean {
  if (canWait === null) {
    try {
      // word 15 (unused) holds 0, so this returns 'not-equal' at once where waiting is allowed
      Atomics.wait(i32, 15, 1, 0);
      canWait = true;
    } catch {
      canWait = false;
    }
  }
  return canWait;
}

function exportIndex(module: WebAssembly.Module): Map<string, number> {
  const m = new Map<string, number>();
  WebAssembly.Module.exports(module)
    .filter((e) => e.kind === 'function')
    .forEach((e, i) => m.set(e.name, i));
  return m;
}

/** Starts one worker; false when none can be made here. */
function startWorker(module: WebAssembly.Module, memory: WebAssembly.Memory): boolean {
  const slot = heapAlloc(SLOT_BYTES);
  if (slot < 0) return false;
  const buffer = memory.buffer;
  const w: Omit<PoolWorker, 'handle'> = {
    i32: new Int32Array(buffer, slot, 16),
    f64: new Float64Array(buffer, slot + 64, MAX_JOB_ARGS),
    text: new Uint16Array(buffer, slot + 192, SLOT_MSG_UNITS),
    seq: 0,
    ready: false,
    failed: false,
  };
  const start: PoolWorkerStart = { module, memory, slot, words: SLOT_WORDS, msgUnits: SLOT_MSG_UNITS };
  const node = nodeWorkerThreads();
  let handle: { terminate(): unknown };
  try {
    if (node !== null) {
      // process.getBuiltinModule, not require: the eval code is an ES module when the process runs with --input-type=module
      const code = `(${poolWorkerMain.toString()})(process.getBuiltinModule('node:worker_threads').workerData);`;
      const nw = new node.Worker(code, { eval: true, workerData: start, name: POOL_WORKER_NAME });
      nw.unref();
      nw.on('error', (e) => fail(pw, e));
      nw.on('exit', (code) => fail(pw, `exited with code ${String(code)}`));
      handle = nw;
    } else if (typeof Worker === 'function') {
      const bw = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: POOL_WORKER_NAME });
      bw.addEventListener('error', (e) => fail(pw, e.message));
      bw.postMessage(start);
      handle = bw;
    } else {
      heapFree(slot);
      return false;
    }
  } catch {
    heapFree(slot);
    return false;
  }
  const pw: PoolWorker = { ...w, handle };
  workers.push(pw);
  return true;
}

/** Takes a worker that failed or exited out of use; the pool runs on one thread from then on if it was not ready yet. */
function fail(w: PoolWorker, why: unknown): void {
  if (!w.ready) disabled ??= `a pool worker failed to start: ${String(why)}`;
  w.failed = true;
}

/** Marks workers that became ready; returns how many are ready (in order, stopping at the first that isn't). */
function readyWorkers(): number {
  let n = 0;
  for (const w of workers) {
    if (!w.ready && !w.failed) {
      const state = Atomics.load(w.i32, STATE);
      if (state === 1) w.ready = true;
      else if (state === -1) {
        w.failed = true;
        const len = Atomics.load(w.i32, MSGLEN);
        disabled = `a pool worker failed to instantiate the kernel module: ${String.fromCharCode(...w.text.subarray(0, len))}`;
      }
    }
    if (!w.ready || w.failed) break;
    n++;
  }
  return n;
}

/**
 * The number of threads {@link runOnThreads} can use right now: 1 + the workers that are
 * ready, at most `getNumThreads()`. The first call that wants more than one thread starts
 * the workers (in the background: this call still returns 1). Always 1 where memory is not
 * shared, the kernel module is not in use, or workers can't be made.
 */
export function poolThreads(): number {
  const want = getNumThreads();
  if (want <= 1 || disabled !== null) return 1;
  if (wasmKernels() === null) return 1;
  const heap = getHeap();
  const module = wasmModule();
  if (!heap.shared || module === null) return 1;
  names ??= exportIndex(module);
  while (workers.length < want - 1) {
    if (!startWorker(module, heap.memory)) {
      if (workers.length === 0) disabled = 'worker threads are not available';
      break;
    }
  }
  return 1 + Math.min(readyWorkers(), want - 1);
}

function workerError(w: PoolWorker, kernel: string, j: number): Error {
  const len = Atomics.load(w.i32, MSGLEN);
  const text = String.fromCharCode(...w.text.subarray(0, len));
  return new Error(`antorcha cpu backend: kernel ${kernel} failed on worker thread (job ${j}): ${text}`);
}

/**
 * Runs `exports[kernel](...jobs[j])` for every job at once and returns when all have
 * finished. Job 0 runs on the calling thread, job j ≥ 1 on worker j, unless that worker has
 * not taken it by the time job 0 is done (asleep, descheduled): then the caller runs it
 * rather than wait. Jobs never share a thread at the same time, so job j may use
 * `heapScratch(j, …)` as its scratch (allocated by the caller before this call).
 * `jobs.length` must be at most {@link poolThreads}() (asked just before); each job has at
 * most 16 numeric arguments; jobs must write disjoint memory. An error thrown by any job
 * (a WebAssembly trap, an abort) is raised here once all jobs ended: the lowest job's.
 */
export function runOnThreads(kernel: string, jobs: readonly (readonly number[])[]): void {
  const exports = wasmKernels();
  if (exports === null) throw new Error('runOnThreads: the WebAssembly kernels are not in use');
  const fn = exports[kernel];
  if (typeof fn !== 'function') throw new Error(`runOnThreads: no kernel named ${kernel}`);
  const n = jobs.length;
  if (n === 0) return;
  if (n === 1) {
    fn(...jobs[0]);
    return;
  }
  const ready = n - 1 > workers.length ? 0 : readyWorkers();
  if (n - 1 > ready) throw new RangeError(`runOnThreads: ${n} jobs but ${1 + ready} threads are ready (ask poolThreads())`);
  const index = names!.get(kernel)!;
  for (let j = 1; j < n; j++) {
    const args = jobs[j];
    if (args.length > MAX_JOB_ARGS) throw new RangeError(`runOnThreads: a job has ${args.length} arguments (at most ${MAX_JOB_ARGS})`);
  }
  // more threads than processors: a spinning thread would take the time of one it waits for
  const spin = n <= hostProcessors();
  const seqs: number[] = [];
  for (let j = 1; j < n; j++) {
    const w = workers[j - 1];
    const args = jobs[j];
    for (let i = 0; i < args.length; i++) w.f64[i] = args[i];
    w.i32[KERNEL] = index;
    w.i32[NARGS] = args.length;
    w.i32[SPIN] = spin ? workerSpin : 0;
    w.seq = (w.seq + 1) | 0 || 1; // never 0: a claimed job's CLAIM word is 0
    seqs.push(w.seq);
    Atomics.store(w.i32, CLAIM, w.seq);
    Atomics.store(w.i32, SEQ, w.seq);
    Atomics.notify(w.i32, SEQ);
  }
  // errors by job: the lowest job's is raised once every job has ended
  const errors = new Map<number, unknown>();
  try {
    fn(...jobs[0]);
  } catch (e) {
    errors.set(0, e);
  }
  // Jobs a worker has not taken yet (asleep, descheduled) run here rather than be waited for.
  const mine: boolean[] = [];
  for (let j = 1; j < n; j++) {
    const w = workers[j - 1];
    mine[j] = steal && Atomics.compareExchange(w.i32, CLAIM, seqs[j - 1], 0) === seqs[j - 1];
    if (!mine[j]) continue;
    stolen++;
    try {
      fn(...jobs[j]);
    } catch (e) {
      errors.set(j, e);
    }
  }
  const block = threadCanWait(workers[0].i32);
  for (let j = 1; j < n; j++) {
    if (mine[j]) continue;
    const w = workers[j - 1];
    const seq = seqs[j - 1];
    let d = Atomics.load(w.i32, DONE);
    if (d !== seq && block && spin) {
      const end = performance.now() + callerSpin / 1000;
      poll: do {
        for (let k = 0; k < 64; k++) {
          d = Atomics.load(w.i32, DONE);
          if (d === seq) break poll;
        }
      } while (performance.now() < end);
    }
    while (d !== seq) {
      if (block) Atomics.wait(w.i32, DONE, d);
      d = Atomics.load(w.i32, DONE);
    }
    if (Atomics.load(w.i32, STATUS) !== 0) errors.set(j, workerError(w, kernel, j));
  }
  if (errors.size > 0) throw errors.get(Math.min(...errors.keys()));
}

/** @internal The pool's state, for tests: workers started / ready, and why it is off. */
export function _poolInfo(): { started: number; ready: number; disabled: string | null; stolen: number } {
  return { started: workers.length, ready: readyWorkers(), disabled, stolen };
}

/**
 * @internal For tests and measurements: the microseconds workers and the caller poll before
 * they sleep, and whether the caller runs jobs no worker has taken (off: every job j ≥ 1
 * runs on its worker).
 */
export function _setPoolOptions(o: { workerSpinUs?: number; callerSpinUs?: number; steal?: boolean }): void {
  if (o.workerSpinUs !== undefined) workerSpin = o.workerSpinUs;
  if (o.callerSpinUs !== undefined) callerSpin = o.callerSpinUs;
  if (o.steal !== undefined) steal = o.steal;
}
