/**
 * Wires autograd into core: the recorder every differentiable op reports to,
 * and the implementation behind `tensor.backward()`.
 */
import { setAutogradRecorder, setBackwardImpl } from '@antorcha/core';
import { backward } from './backward.js';
import { recorder } from './recorder.js';

let installed = false;

/**
 * Installs autograd into `@antorcha/core` (idempotent). The `antorcha` facade
 * calls it on import; call it yourself when using `@antorcha/core` directly.
 * @example
 * ```ts
 * import { installAutograd } from '@antorcha/autograd';
 * installAutograd();
 * ```
 */
export function installAutograd(): void {
  if (installed) return;
  setAutogradRecorder(recorder);
  setBackwardImpl((t, gradient, opts) => backward([t], gradient === null ? null : [gradient], opts));
  installed = true;
}

/** Removes autograd from core (ops stop recording; `backward()` throws). Mostly for tests. */
export function uninstallAutograd(): void {
  setAutogradRecorder(null);
  setBackwardImpl(null);
  installed = false;
}
