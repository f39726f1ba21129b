/**
 * `torch.get_num_threads` / `torch.set_num_threads`: how many threads intra-op work
 * (the CPU backend's large kernels) may use.
 *
 * Nothing here imports Node modules: Node's `os` is reached through
 * `process.getBuiltinModule` at first use, so browser bundles stay clean.
 */
import { TorchRuntimeError } from './errors.js';
import { pyTypeName } from './validate.js';

/** The most threads the default uses (a larger count may still be set explicitly). */
const DEFAULT_CAP = 8;

let numThreads: number | null = null;

interface ProcessLike {
  getBuiltinModule?(id: string): unknown;
}

/** Logical processors the host reports (Node's `os.availableParallelism()`, a browser's `navigator.hardwareConcurrency`), or 1. */
function hostProcessors(): number {
  try {
    const proc = (globalThis as { process?: ProcessLike }).process;
    const os = proc?.getBuiltinModule?.('os') as { availableParallelism?(): number; cpus?(): unknown[] } | undefined;
    const n = os?.availableParallelism?.() ?? os?.cpus?.().length;
    if (typeof n === 'number' && n >= 1) return Math.floor(n);
    const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
    const h = nav?.hardwareConcurrency;
    if (typeof h === 'number' && h >= 1) return Math.floor(h);
  } catch {
    // a host that refuses to say: one thread
  }
  return 1;
}

/**
 * The number of threads intra-op work may use (`torch.get_num_threads()`): the value last
 * given to {@link setNumThreads}, or by default the host's processor count capped at 8
 * (Node's `os.availableParallelism()`, a browser's `navigator.hardwareConcurrency`).
 *
 * The CPU backend splits its large WebAssembly kernels (matrix products and the like)
 * over this many threads: the calling thread and worker threads started at the first
 * large op, sharing the tensors' WebAssembly memory. Small ops, the JavaScript kernels,
 * and hosts without shared memory run on the calling thread only. Browsers share memory
 * only with cross-origin isolation (the page served with `Cross-Origin-Opener-Policy:
 * same-origin` and `Cross-Origin-Embedder-Policy: require-corp`); without it the CPU
 * backend uses one thread whatever this says.
 *
 * PyTorch's default is the number of physical cores, which JavaScript cannot see: hosts
 * report logical processors, so on a machine with simultaneous multithreading the default
 * here is up to twice PyTorch's (which is 1 on a 2-vCPU virtual machine whose two vCPUs
 * share a core, for example). Results do not depend on the thread count.
 * @example
 * ```ts
 * torch.getNumThreads(); // e.g. 8 on a laptop with 8 or more processors
 * ```
 */
export function getNumThreads(): number {
  return (numThreads ??= Math.min(hostProcessors(), DEFAULT_CAP));
}

/**
 * Sets the number of threads intra-op work may use (`torch.set_num_threads(n)`): `n` must
 * be a positive integer (PyTorch's errors otherwise); {@link getNumThreads} then returns
 * it. `setNumThreads(1)` keeps every kernel on the calling thread (no worker threads are
 * started); a larger value lets the CPU backend start up to `n - 1` workers at its next
 * large op. Worker threads already started stay (idle) when the value is lowered.
 */
export function setNumThreads(n: number): void {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new TorchRuntimeError('set_num_threads', `set_num_threads expects an int, but got ${pyTypeName(n)}`);
  }
  if (n <= 0) throw new TorchRuntimeError('set_num_threads', 'set_num_threads expects a positive integer');
  numThreads = n;
}
