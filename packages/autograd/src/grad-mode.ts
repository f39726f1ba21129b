/**
 * Gradient mode: whether ops record the graph (PyTorch's `torch.no_grad`,
 * `torch.enable_grad`, `torch.set_grad_enabled`, `torch.is_grad_enabled`).
 */

import { TorchRuntimeError, TorchTypeError } from '@antorcha/core';

let enabled = true;

/**
 * Whether ops on tensors that require grad record the backward graph.
 * @example
 * ```ts
 * console.log(torch.noGrad(() => torch.isGradEnabled()));
 * ```
 * ```text
 * false
 * ```
 */
export function isGradEnabled(): boolean {
  return enabled;
}

/**
 * Turns gradient recording on or off globally (PyTorch's `torch.set_grad_enabled(mode)`).
 * Prefer {@link noGrad} / {@link enableGrad}, which restore the previous mode.
 */
export function setGradEnabled(mode: boolean): void {
  enabled = mode;
}

/**
 * Runs `fn` with gradient mode set to `mode`, restoring the previous mode afterwards (even on error).
 * `fn` must be synchronous: JavaScript cannot carry the mode across an `await` (the code after
 * it would run with whatever mode is current then), so an async `fn` is refused before it
 * runs, and a `fn` that returns a promise raises once it returns.
 */
export function withGradMode<T>(mode: boolean, fn: () => T): T {
  const name = mode ? 'enableGrad' : 'noGrad';
  if (typeof fn !== 'function') throw new TorchTypeError(name, `${name}(): expected a function, got ${typeof fn}`);
  if (fn.constructor?.name === 'AsyncFunction' || fn.constructor?.name === 'AsyncGeneratorFunction') throw asyncError(name);
  const prev = enabled;
  enabled = mode;
  let result: T;
  try {
    result = fn();
  } finally {
    enabled = prev;
  }
  if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') throw asyncError(name);
  return result;
}

function asyncError(name: string): TorchRuntimeError {
  return new TorchRuntimeError(
    name,
    `${name}(fn): fn must be synchronous; the gradient mode cannot follow an await. Call ${name} around the synchronous steps inside the async code, or use setGradEnabled(${name === 'noGrad' ? 'false' : 'true'}) and restore it yourself.`,
  );
}

/**
 * Runs `fn` without recording gradients (PyTorch's `with torch.no_grad():`) and returns its result.
 * Results computed inside never require grad; in-place updates of leaves are allowed
 * (an optimizer step). `fn` must be synchronous: the mode is restored when it returns.
 * @example
 * ```ts
 * const w = torch.tensor([1, 2], { dtype: 'float32', requiresGrad: true });
 * w.mul(w).sum().backward();
 * torch.noGrad(() => w.sub_(w.grad!.mul(0.1)));
 * console.log(w);
 * console.log(torch.noGrad(() => w.mul(2)).requiresGrad);
 * ```
 * ```text
 * tensor([0.8000, 1.6000], requires_grad=True)
 * false
 * ```
 */
export function noGrad<T>(fn: () => T): T {
  return withGradMode(false, fn);
}

/** Runs `fn` with gradient recording on, even inside {@link noGrad} (PyTorch's `torch.enable_grad`). */
export function enableGrad<T>(fn: () => T): T {
  return withGradMode(true, fn);
}
