/**
 * Gradient mode: whether ops record the graph (PyTorch's `torch.no_grad`,
 * `torch.enable_grad`, `torch.set_grad_enabled`, `torch.is_grad_enabled`).
 */

let enabled = true;

/**
 * Whether ops on tensors that require grad record the backward graph.
 * @example
 * ```ts
 * noGrad(() => isGradEnabled()); // false
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

/** Runs `fn` with gradient mode set to `mode`, restoring the previous mode afterwards (even on error). */
export function withGradMode<T>(mode: boolean, fn: () => T): T {
  const prev = enabled;
  enabled = mode;
  try {
    return fn();
  } finally {
    enabled = prev;
  }
}

/**
 * Runs `fn` without recording gradients (PyTorch's `with torch.no_grad():`) and returns its result.
 * Results computed inside never require grad; in-place updates of leaves are allowed
 * (an optimizer step). `fn` must be synchronous: the mode is restored when it returns.
 * @example
 * ```ts
 * noGrad(() => w.sub_(w.grad!.mul(0.1)));
 * ```
 */
export function noGrad<T>(fn: () => T): T {
  return withGradMode(false, fn);
}

/** Runs `fn` with gradient recording on, even inside {@link noGrad} (PyTorch's `torch.enable_grad`). */
export function enableGrad<T>(fn: () => T): T {
  return withGradMode(true, fn);
}
