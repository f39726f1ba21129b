/**
 * The CPU backend's worker thread (see pool.ts): it instantiates the kernel module over
 * the shared heap memory, then runs the jobs the calling thread writes into its control
 * slot, forever. It never returns to its event loop; the pool starts it unref'd (Node)
 * so it never keeps a process alive.
 *
 * This file has no imports: in browsers it is the Web Worker's module (started with the
 * name {@link POOL_WORKER_NAME}); in Node the pool runs {@link poolWorkerMain}'s source
 * text as an `eval` worker, so it works the same from sources and from a bundle. The
 * function must therefore stay self-contained (no references outside its body).
 */

/** The name pool workers are started with: the module starts the loop only under it. */
export const POOL_WORKER_NAME = 'antorcha-cpu-pool';

/** What a pool worker is given at start: the kernel module, the heap memory, its slot's byte address. */
/**
 * Int32 word indices of a control slot, shared by the caller (pool.ts) and the worker
 * (which receives them in its start message: the worker function is run from its source
 * text, so it can't read this module's bindings).
 */
export const SLOT_WORDS = { STATE: 0, SEQ: 1, DONE: 2, KERNEL: 3, NARGS: 4, STATUS: 5, MSGLEN: 6, SPIN: 7, CLAIM: 8 } as const;
/** UTF-16 code units of a slot's error message (from byte 192 of the 512-byte slot). */
export const SLOT_MSG_UNITS = 160;

/** What a worker is started with. */
export interface PoolWorkerStart {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly slot: number;
  readonly words: typeof SLOT_WORDS;
  readonly msgUnits: number;
}

/**
 * The worker's loop. The slot (512 bytes, laid out as in pool.ts) holds Int32 words
 * `[0] state` (0 starting, 1 ready, -1 failed to instantiate), `[1] seq` (the caller bumps
 * it to post a job), `[2] done` (the worker sets it to `seq` when the job finished),
 * `[3] kernel` (index into the module's function exports, -1: stop), `[4] nargs`,
 * `[5] status` (0 ok, 1 threw), `[6] message length`, `[7] spin` (microseconds the
 * worker polls for the next job before it sleeps in Atomics.wait), `[8] claim` (the caller
 * sets it to `seq` with the job; whoever swaps it to 0 first, this worker or the caller once
 * its own job is done, runs the job); float64 arguments from byte 64;
 * the error message as UTF-16 code units from byte 192.
 */
export function poolWorkerMain(start: PoolWorkerStart): void {
  const { STATE, SEQ, DONE, KERNEL, NARGS, STATUS, MSGLEN, SPIN, CLAIM } = start.words;
  const MSG_UNITS = start.msgUnits;
  const buffer = start.memory.buffer;
  const i32 = new Int32Array(buffer, start.slot, 16);
  const f64 = new Float64Array(buffer, start.slot + 64, 16);
  const text = new Uint16Array(buffer, start.slot + 192, MSG_UNITS);
  const report = (e: unknown): void => {
    let s = 'unknown error';
    try {
      s = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    } catch {
      // keep the generic text
    }
    const n = Math.min(s.length, MSG_UNITS);
    for (let i = 0; i < n; i++) text[i] = s.charCodeAt(i);
    Atomics.store(i32, MSGLEN, n);
  };
  let fns: ((...args: number[]) => unknown)[];
  try {
    const instance = new WebAssembly.Instance(start.module, {
      env: {
        memory: start.memory,
        abort(): never {
          throw new Error('antorcha cpu backend: a WebAssembly kernel aborted');
        },
      },
    });
    const exports = instance.exports as Record<string, unknown>;
    fns = WebAssembly.Module.exports(start.module)
      .filter((e) => e.kind === 'function')
      .map((e) => exports[e.name] as (...args: number[]) => unknown);
  } catch (e) {
    report(e);
    Atomics.store(i32, STATE, -1);
    return;
  }
  const args: number[][] = [];
  for (let n = 0; n <= 16; n++) args.push(new Array<number>(n).fill(0));
  let seen = Atomics.load(i32, SEQ);
  Atomics.store(i32, STATE, 1);
  for (;;) {
    let s = Atomics.load(i32, SEQ);
    const spinUs = Atomics.load(i32, SPIN);
    if (s === seen && spinUs > 0) {
      const end = performance.now() + spinUs / 1000;
      poll: do {
        for (let k = 0; k < 64; k++) {
          s = Atomics.load(i32, SEQ);
          if (s !== seen) break poll;
        }
      } while (performance.now() < end);
    }
    while (s === seen) {
      Atomics.wait(i32, SEQ, seen);
      s = Atomics.load(i32, SEQ);
    }
    seen = s;
    // the caller may have run the job itself (it takes jobs no worker has taken once its own is done)
    if (Atomics.compareExchange(i32, CLAIM, s, 0) !== s) continue;
    const kernel = Atomics.load(i32, KERNEL);
    if (kernel < 0) return;
    try {
      const a = args[Atomics.load(i32, NARGS)];
      for (let i = 0; i < a.length; i++) a[i] = f64[i];
      fns[kernel].apply(null, a);
      Atomics.store(i32, STATUS, 0);
    } catch (e) {
      report(e);
      Atomics.store(i32, STATUS, 1);
    }
    Atomics.store(i32, DONE, seen);
    Atomics.notify(i32, DONE);
  }
}

/** A browser's Web Worker global, as far as this module uses it. */
interface WorkerScope {
  name?: string;
  addEventListener?(type: 'message', fn: (e: { data: PoolWorkerStart }) => void, options?: { once: boolean }): void;
}

const scope = globalThis as WorkerScope & { document?: unknown };
if (scope.document === undefined && scope.name === POOL_WORKER_NAME && typeof scope.addEventListener === 'function') {
  scope.addEventListener('message', (e) => poolWorkerMain(e.data), { once: true });
}
