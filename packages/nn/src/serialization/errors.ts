/** Errors of the serialization formats. */
import { TorchError } from '@antorcha/core';

/**
 * A file could not be read or written: corrupt or truncated archives, bad
 * offsets or lengths, unknown dtypes, or content outside what state dicts use.
 * `pythonName` is `'UnpicklingError'` for refused pickle content, as PyTorch's
 * `weights_only` loader raises.
 */
export class SerializationError extends TorchError {
  /** @internal */
  constructor(op: string, message: string, pythonName = 'RuntimeError') {
    super(op, message, pythonName);
    this.name = 'SerializationError';
  }
}
