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
