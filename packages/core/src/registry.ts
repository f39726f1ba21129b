/**
 * The backend registry: device types map to backends. A backend package registers
 * itself by calling {@link registerBackend}; the `antorcha` facade registers the CPU
 * backend by default.
 */
import type { Backend } from './backend.js';
import { TorchRuntimeError } from './errors.js';

const backends = new Map<string, Backend>();

/** Makes `backend` serve tensors whose device type is `backend.name`. Replaces an earlier one. */
export function registerBackend(backend: Backend): void {
  backends.set(backend.name, backend);
}

/** Removes the backend for a device type (tests use it). */
export function unregisterBackend(name: string): void {
  backends.delete(name);
}

/** Whether a backend serves `deviceType`. */
export function hasBackend(deviceType: string): boolean {
  return backends.has(deviceType);
}

/** The backend for `deviceType`, or a clear error naming what is registered. */
export function getBackend(deviceType: string): Backend {
  const b = backends.get(deviceType);
  if (!b) {
    const known = [...backends.keys()];
    throw new TorchRuntimeError(
      'device',
      `No backend is registered for device type '${deviceType}'` +
        (known.length ? ` (registered: ${known.join(', ')})` : ' (import "antorcha" or register one with registerBackend)'),
    );
  }
  return b;
}
