/**
 * The error family. Messages follow PyTorch 2.x's text where PyTorch has one, so
 * users can search them; every error also carries the op that raised it.
 */

/**
 * Base of every error Antorcha raises on bad input. `pythonName` is the Python
 * exception class PyTorch raises for the same mistake.
 */
export class TorchError extends Error {
  /** The op that raised the error, e.g. `'mm'`. */
  readonly op: string;
  /** The Python exception class PyTorch uses here: RuntimeError, IndexError, ValueError or TypeError. */
  readonly pythonName: string;
  /** @internal */
  constructor(op: string, message: string, pythonName = 'RuntimeError') {
    super(message);
    this.op = op;
    this.pythonName = pythonName;
    this.name = pythonName === 'RuntimeError' ? 'TorchRuntimeError' : `Torch${pythonName}`;
  }
}

/** PyTorch's `RuntimeError`: shape mismatches, invalid views, bad states. */
export class TorchRuntimeError extends TorchError {
  /** @internal */
  constructor(op: string, message: string) {
    super(op, message, 'RuntimeError');
  }
}

/** PyTorch's `IndexError`: dimension or index out of range. */
export class TorchIndexError extends TorchError {
  /** @internal */
  constructor(op: string, message: string) {
    super(op, message, 'IndexError');
  }
}

/** PyTorch's `ValueError`. */
export class TorchValueError extends TorchError {
  /** @internal */
  constructor(op: string, message: string) {
    super(op, message, 'ValueError');
  }
}

/** PyTorch's `TypeError`: wrong argument types or dtypes. */
export class TorchTypeError extends TorchError {
  /** @internal */
  constructor(op: string, message: string) {
    super(op, message, 'TypeError');
  }
}

/** Formats a shape the way PyTorch's messages do: `[2, 3]`. */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Raised when an allocation cannot be satisfied: it is larger than the device can
 * hold, than the JavaScript engine lets a typed array be, or than the limit set with
 * `setMemoryLimit`. It is raised before anything is allocated, so the tensors that
 * exist stay intact and smaller allocations keep working.
 *
 * PyTorch 2.x raises `torch.OutOfMemoryError` (a `RuntimeError`) with
 * `"CUDA out of memory. Tried to allocate …"` on GPUs and `"DefaultCPUAllocator: not
 * enough memory: you tried to allocate N bytes."` on the CPU (PyTorch 1.13 raises a
 * plain `RuntimeError` with the CPU text); messages here start the same way and
 * always name the exact byte count. Like Python's, it is a runtime error:
 * `instanceof TorchRuntimeError` holds.
 * @example
 * ```ts
 * try {
 *   torch.empty(1e12, { dtype: 'float64' });
 * } catch (e) {
 *   if (e instanceof torch.OutOfMemoryError) console.log(e.bytes); // 8000000000000
 * }
 * ```
 * ```text
 * 8000000000000
 * ```
 */
export class OutOfMemoryError extends TorchRuntimeError {
  /** Bytes the allocation asked for (not exact above 2^53, where no JS number is). */
  readonly bytes: number;
  /** Device type the allocation was for, e.g. `'cpu'` or `'webgpu'`. */
  readonly device: string;
  /** @internal */
  constructor(op: string, message: string, bytes: number, device: string) {
    super(op, message);
    this.bytes = bytes;
    this.device = device;
    this.name = 'OutOfMemoryError';
  }
}
