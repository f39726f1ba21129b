/**
 * `torch.get_num_threads` / `torch.set_num_threads`: the intra-op thread count setting.
 */
import { TorchRuntimeError } from './errors.js';
import { pyTypeName } from './validate.js';

let numThreads = 1;

/**
 * The number of threads intra-op work may use (`torch.get_num_threads()`): the value last
 * given to {@link setNumThreads}, 1 until then. Antorcha's CPU kernels run on one thread
 * today (the JavaScript main thread; see the CPU speed issue), so 1 is also what they
 * actually use; a larger setting is stored and reported but doesn't parallelise them yet.
 * @example
 * ```ts
 * torch.getNumThreads(); // 1
 * ```
 */
export function getNumThreads(): number {
  return numThreads;
}

/**
 * Sets the number of threads intra-op work may use (`torch.set_num_threads(n)`): `n` must
 * be a positive integer (PyTorch's errors otherwise); {@link getNumThreads} then returns
 * it. Kernels run on one thread today (see {@link getNumThreads}), so this is a setting
 * for the future and for code ported from PyTorch; it changes no result.
 */
export function setNumThreads(n: number): void {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new TorchRuntimeError('set_num_threads', `set_num_threads expects an int, but got ${pyTypeName(n)}`);
  }
  if (n <= 0) throw new TorchRuntimeError('set_num_threads', 'set_num_threads expects a positive integer');
  numThreads = n;
}
