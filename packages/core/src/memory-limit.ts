/**
 * Memory limits: how many bytes allocations may take on a device, checked before
 * anything is allocated, so that an impossible request fails at once with
 * {@link OutOfMemoryError} (naming the bytes) instead of a V8 `RangeError`, a hang
 * while the OS pages in more memory than it has, or a crash.
 *
 * The CPU's limit applies to each host allocation (typed arrays are freed by the
 * garbage collector, so the bytes live tensors hold together are unknown). Its
 * default is the machine's memory in Node (`os.totalmem()`, or the container's
 * cgroup limit when lower), and for requests of 1 GiB or more the memory available
 * at that moment; browsers have no default, and an engine that refuses
 * a typed array raises an `OutOfMemoryError` as well. Other backends read their
 * device type's limit with {@link getMemoryLimit} (WebGPU caps the bytes its live
 * tensors hold together).
 *
 * Nothing here imports Node modules: Node's `os` and `buffer` are reached through
 * `process.getBuiltinModule` at the first allocation, so browser bundles stay clean.
 */
import type { DTypeName } from './dtype.js';
import { type DeviceLike, device as toDevice } from './device.js';
import { OutOfMemoryError, TorchRuntimeError, TorchValueError } from './errors.js';

/** Limits set with setMemoryLimit, by device type. */
const limits = new Map<string, number>();

/** What the host (Node) says about itself; nulls when unknown (browsers). */
interface HostFacts {
  /** Bytes of memory the process can have: the machine's, or its cgroup limit. */
  readonly memory: number | null;
  /** Longest typed array the engine allows (Node's `buffer.constants.MAX_LENGTH`). */
  readonly maxLength: number | null;
  /** The memory the OS could give now (Node's `os.freemem()`: MemAvailable on Linux). */
  readonly available: (() => number) | null;
}

interface NodeProcessLike {
  getBuiltinModule?(id: string): unknown;
  constrainedMemory?(): number | undefined;
}

let host: HostFacts | undefined;

function hostFacts(): HostFacts {
  if (host !== undefined) return host;
  let memory: number | null = null;
  let maxLength: number | null = null;
  let available: (() => number) | null = null;
  try {
    const proc = (globalThis as { process?: NodeProcessLike }).process;
    const os = proc?.getBuiltinModule?.('os') as { totalmem?(): number; freemem?(): number } | undefined;
    if (typeof os?.freemem === 'function') available = () => os.freemem!();
    const total = os?.totalmem?.();
    if (typeof total === 'number' && total > 0) memory = total;
    // 0, undefined or a huge number (2^64) when the process is not constrained
    const constrained = proc?.constrainedMemory?.();
    if (typeof constrained === 'number' && constrained > 0 && (memory === null || constrained < memory)) memory = constrained;
    const buffer = proc?.getBuiltinModule?.('buffer') as { constants?: { MAX_LENGTH?: number } } | undefined;
    const max = buffer?.constants?.MAX_LENGTH;
    if (typeof max === 'number' && max > 0) maxLength = max;
  } catch {
    // a sandbox that refuses built-in modules: no defaults, the engine's own checks remain
  }
  host = { memory, maxLength, available };
  return host;
}

/**
 * Sets the most bytes allocations on a device type may take; `null` restores the
 * default. An allocation over it raises {@link OutOfMemoryError} before anything is
 * allocated.
 *
 * - `'cpu'` (the default `device`): the limit for each host allocation. Without one
 *   it is the machine's memory in Node (see {@link getMemoryLimit}), none in browsers.
 *   A limit below the machine's memory turns requests that would swap or get the
 *   process killed into an immediate error.
 * - `'webgpu'`: the bytes that the tensors living on the device may hold together
 *   (`webgpu.memoryAllocated()`, like PyTorch's
 *   `torch.cuda.set_per_process_memory_fraction`); cached free buffers are released
 *   first when they would push it over. Without one, each buffer is still checked
 *   against the device's `maxBufferSize`/`maxStorageBufferBindingSize`.
 *
 * @param bytes a non-negative number of bytes (fractions round down; `Infinity`
 *   lifts every limit, the CPU default included), or `null` for the default.
 * @param device the device (type) it applies to, `'cpu'` by default.
 * @throws TorchValueError when `bytes` is negative, NaN or not a number.
 * @example
 * ```ts
 * torch.setMemoryLimit(2 ** 30); // no host allocation over 1 GiB
 * try {
 *   torch.ones([3e8], { dtype: 'float64' }); // 2.4 GB: refused at once
 * } catch (e) {
 *   console.log((e as Error).name);
 * }
 * torch.setMemoryLimit(null); // back to the machine's memory
 * torch.setMemoryLimit(512 * 2 ** 20, 'webgpu');
 * console.log(torch.getMemoryLimit('webgpu'));
 * torch.setMemoryLimit(null, 'webgpu');
 * ```
 * ```text
 * OutOfMemoryError
 * 536870912
 * ```
 */
export function setMemoryLimit(bytes: number | null, device: DeviceLike = 'cpu'): void {
  const type = toDevice(device).type;
  if (bytes === null) {
    limits.delete(type);
    smallCap = -1;
    return;
  }
  if (typeof bytes !== 'number' || Number.isNaN(bytes) || bytes < 0) {
    throw new TorchValueError('set_memory_limit', `setMemoryLimit(): bytes must be a non-negative number or null, but got ${String(bytes)}`);
  }
  limits.set(type, Math.floor(bytes));
  smallCap = -1;
}

/**
 * The memory limit in bytes of a device type: the one {@link setMemoryLimit} set, else
 * for `'cpu'` the default (the machine's memory in Node, or the process's cgroup
 * limit when lower), else `null` (no limit but the device's own).
 * @param device the device (type), `'cpu'` by default.
 * @example
 * ```ts
 * torch.getMemoryLimit(); // e.g. 25275953152 (the machine's memory)
 * torch.getMemoryLimit('webgpu'); // null unless set
 * ```
 */
export function getMemoryLimit(device: DeviceLike = 'cpu'): number | null {
  const type = toDevice(device).type;
  const set = limits.get(type);
  if (set !== undefined) return set;
  return type === 'cpu' ? hostFacts().memory : null;
}

/**
 * A byte count the way PyTorch's allocator messages print it (`format_size`):
 * `'512 bytes'`, `'2.00 KiB'`, `'1.50 MiB'`, `'7.45 GiB'`.
 * @example
 * ```ts
 * console.log(torch.formatMemorySize(3 * 2 ** 30), torch.formatMemorySize(1536));
 * ```
 * ```text
 * 3.00 GiB 1.50 KiB
 * ```
 */
export function formatMemorySize(bytes: number): string {
  if (bytes <= 1024) return `${bytes} bytes`;
  if (bytes <= 1048576) return `${(bytes / 1024).toFixed(2)} KiB`;
  if (bytes <= 1073741824) return `${(bytes / 1048576).toFixed(2)} MiB`;
  return `${(bytes / 1073741824).toFixed(2)} GiB`;
}

const CPU_OOM = 'DefaultCPUAllocator: not enough memory: you tried to allocate';

/** Requests from this size on are also checked against the memory available now. */
const LARGE = 2 ** 30;

function hostOom(dtype: DTypeName, n: number, bytes: number, why: string): OutOfMemoryError {
  return new OutOfMemoryError('alloc', `${CPU_OOM} ${bytes} bytes. That is ${n} elements of ${dtype}, ${why}.`, bytes, 'cpu');
}

/**
 * @internal Checks a host allocation of `n` elements of `itemsize` bytes against the
 * engine's typed-array length, the CPU memory limit and exact integer arithmetic;
 * throws {@link OutOfMemoryError} (or a TorchRuntimeError for a negative or fractional
 * count) before anything is allocated.
 */
export function checkHostAllocation(dtype: DTypeName, n: number, itemsize: number): void {
  const bytes = n * itemsize;
  // A request of at most `smallCap` bytes and an integral count ≥ 0 passes every check below.
  if (bytes <= smallCap && n >= 0 && Number.isInteger(n)) return;
  if (smallCap < 0) {
    smallCap = smallAllocationCap();
    if (bytes <= smallCap && n >= 0 && Number.isInteger(n)) return;
  }
  if (!Number.isSafeInteger(n)) {
    if (n > Number.MAX_SAFE_INTEGER) {
      throw hostOom(dtype, n, bytes, 'more than 2^53 - 1, the largest count a JavaScript number holds exactly');
    }
    throw new TorchRuntimeError('alloc', `cannot allocate ${n} elements of ${dtype}: an element count must be a non-negative integer`);
  }
  if (n < 0) throw new TorchRuntimeError('alloc', `cannot allocate ${n} elements of ${dtype}: an element count must be a non-negative integer`);
  const facts = hostFacts();
  const set = limits.get('cpu');
  if (set !== undefined) {
    if (bytes > set) throw hostOom(dtype, n, bytes, `more than the memory limit of ${set} bytes (${formatMemorySize(set)}) set with setMemoryLimit()`);
  } else if (facts.memory !== null && bytes > facts.memory) {
    throw hostOom(dtype, n, bytes, `more than this machine's memory, ${facts.memory} bytes (${formatMemorySize(facts.memory)}); setMemoryLimit() sets another limit`);
  } else if (facts.available !== null && bytes >= LARGE) {
    // Large requests also against what the OS can give now: a 24 GB array on a machine
    // with 24 GB would otherwise swap or stall instead of failing.
    const free = facts.available();
    if (bytes > free) throw hostOom(dtype, n, bytes, `more than the memory available now, ${free} bytes (${formatMemorySize(free)}); setMemoryLimit() sets another limit`);
  }
  if (facts.maxLength !== null && n > facts.maxLength) {
    throw hostOom(dtype, n, bytes, `more than the ${facts.maxLength} elements a typed array can hold in this JavaScript engine`);
  }
}

/**
 * Bytes under which a request of an integral count ≥ 0 passes every check of
 * {@link checkHostAllocation}: under the CPU limit (set or the machine's), under
 * {@link LARGE} (no look at the memory available now) and under the engine's longest
 * typed array (a count is at most its bytes). -1: not computed since the limit changed.
 */
let smallCap = -1;

function smallAllocationCap(): number {
  const facts = hostFacts();
  const set = limits.get('cpu');
  let cap = LARGE - 1;
  const limit = set !== undefined ? set : facts.memory;
  if (limit !== null && limit < cap) cap = limit;
  if (facts.maxLength !== null && facts.maxLength < cap) cap = facts.maxLength;
  return cap;
}

/**
 * @internal What a typed-array constructor's failure becomes: its `RangeError`
 * ("Invalid typed array length", "Array buffer allocation failed") turns into an
 * {@link OutOfMemoryError}; anything else is returned unchanged to be rethrown.
 */
export function hostAllocationFailed(dtype: DTypeName, n: number, itemsize: number, error: unknown): unknown {
  if (!(error instanceof RangeError)) return error;
  return hostOom(dtype, n, n * itemsize, `which the JavaScript engine refused (${error.message})`);
}
