/** Errors of the serialization formats. */
import { TorchError } from '@antorcha/core';

/**
 * A file could not be read or written: corrupt or truncated archives, bad
 * offsets or lengths, unknown dtypes, or content outside what state dicts use.
 * `pythonName` is `'UnpicklingError'` for refused pickle content, as PyTorch's
 * `weights_only` loader raises.
 *
 * Reading never throws anything else: should an unexpected error escape the
 * checks while a file is read, it is wrapped in a SerializationError with the
 * original error as `cause`.
 */
export class SerializationError extends TorchError {
  /** The unexpected error this one wraps, if any (see the class description). */
  declare readonly cause?: unknown;

  /** @internal */
  constructor(op: string, message: string, pythonName = 'RuntimeError', cause?: unknown) {
    super(op, message, pythonName);
    this.name = 'SerializationError';
    if (cause !== undefined) Object.defineProperty(this, 'cause', { value: cause, enumerable: false, writable: true, configurable: true });
  }
}

/**
 * Runs a reader, turning any error that is not a SerializationError into one
 * (with the original as `cause`), so that corrupt input can only end in a
 * SerializationError.
 * @internal
 */
export function readGuard<T>(op: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof SerializationError) throw e;
    const what = e instanceof Error ? `${e.name}: ${e.message}` : `a thrown ${typeof e}`;
    throw new SerializationError(op, `the file could not be read (${what.slice(0, 200)})`, 'RuntimeError', e);
  }
}
