/**
 * Storage: a backend buffer shared by a tensor and all its views, with the
 * version counter that in-place ops bump (autograd checks it).
 */
import type { Backend, BackendBuffer } from './backend.js';
import type { DTypeName } from './dtype.js';
import type { Device } from './device.js';
import { trackStorage } from './memory.js';

/** The memory behind one or more tensors. */
export class Storage {
  /** Bumped by every in-place write; autograd compares it with what it saved. */
  version = 0;

  /** @internal */
  constructor(
    /** The backend that owns the buffer. */
    readonly backend: Backend,
    /** Device the buffer lives on. */
    readonly device: Device,
    /** The buffer (replaced when `resize_` grows the storage). */
    public buffer: BackendBuffer,
    /** Element type. */
    readonly dtype: DTypeName,
  ) {
    trackStorage(this);
  }

  /**
   * Whether `resize_` may grow it (false for memory Antorcha doesn't own, e.g. a
   * `frombuffer` tensor's: PyTorch's "Trying to resize storage that is not resizable").
   */
  resizable = true;

  /** Whether {@link Storage.dispose} freed the buffer. */
  disposed = false;

  /** Frees the buffer now (all views of it become unusable); idempotent. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.backend.free?.(this.buffer);
  }

  /** Capacity in elements. */
  get numel(): number {
    return this.buffer.numel;
  }
}
