/**
 * Anomaly detection (PyTorch's `torch.autograd.detect_anomaly` / `set_detect_anomaly`):
 * while it is on, every graph node records the stack of the forward call that created
 * it, and backward checks the gradients each node returns for NaN, raising PyTorch's
 * `Function 'MulBackward0' returned nan values in its 0th output.`
 *
 * When a node's backward fails under anomaly mode (the NaN check or any other error),
 * the forward stack is printed with `console.warn`, as PyTorch's `UserWarning` prints it
 * (`Error detected in MulBackward0. Traceback of forward call that caused the error:` and
 * the stack); the error itself keeps PyTorch's text unchanged.
 */
import { TorchRuntimeError, TorchTypeError, pyTypeName } from '@antorcha/core';

let enabled = false;
let checkNan = true;

/** Whether anomaly detection is on (`torch.is_anomaly_enabled()`). */
export function isAnomalyEnabled(): boolean {
  return enabled;
}

/** Whether anomaly detection checks backward's gradients for NaN (`torch.is_anomaly_check_nan_enabled()`). */
export function isAnomalyCheckNanEnabled(): boolean {
  return checkNan;
}

function expectBool(name: string, pos: number, v: unknown): asserts v is boolean {
  if (typeof v !== 'boolean') {
    throw new TorchTypeError('set_anomaly_enabled', `set_anomaly_enabled(): argument '${name}' (position ${pos}) must be bool, not ${pyTypeName(v)}`);
  }
}

/**
 * Turns anomaly detection on or off globally (`torch.autograd.set_detect_anomaly(mode,
 * check_nan=True)`). While on, nodes created by forward ops record their creation stack,
 * and (with `checkNan`) backward raises PyTorch's error when a node returns a NaN
 * gradient. It slows both passes down: use it for debugging. Prefer
 * {@link detectAnomaly}, which restores the previous setting.
 *
 * The NaN check reads each gradient back synchronously, so it runs only for tensors on
 * devices with synchronous reads (CPU); on WebGPU it is skipped (with one `console.warn`),
 * while creation stacks are still recorded and printed on errors.
 * @example
 * While on, a NaN gradient makes `backward()` throw `Function 'MulBackward0' returned nan
 * values in its 0th output.` after printing the traceback of the forward call.
 * ```ts
 * torch.autograd.setDetectAnomaly(true);
 * console.log(torch.isAnomalyEnabled(), torch.isAnomalyCheckNanEnabled());
 * torch.autograd.setDetectAnomaly(false);
 * console.log(torch.isAnomalyEnabled());
 * ```
 * ```text
 * true true
 * false
 * ```
 */
export function setDetectAnomaly(mode: boolean, checkNanMode = true): void {
  expectBool('enabled', 1, mode);
  expectBool('check_nan', 2, checkNanMode);
  enabled = mode;
  checkNan = checkNanMode;
}

/**
 * Runs `fn` with anomaly detection on (PyTorch's `with torch.autograd.detect_anomaly(check_nan):`)
 * and restores the previous setting afterwards, even on error; warns once per call, as
 * PyTorch does, that the mode slows things down. `fn` must be synchronous (as for `noGrad`):
 * an async `fn` is refused.
 * @example
 * ```ts
 * const x = torch.tensor([1, 4], { dtype: 'float32', requiresGrad: true });
 * const loss = x.sqrt().sum();
 * torch.autograd.detectAnomaly(() => loss.backward());
 * console.log(x.grad);
 * ```
 * ```text
 * Anomaly Detection has been enabled. This mode will increase the runtime and should only be enabled for debugging.
 * tensor([0.5000, 0.2500])
 * ```
 */
export function detectAnomaly<T>(fn: () => T, checkNanMode = true): T {
  if (typeof fn !== 'function') throw new TorchTypeError('detect_anomaly', `detectAnomaly(): expected a function, got ${pyTypeName(fn)}`);
  expectBool('check_nan', 2, checkNanMode);
  if (fn.constructor?.name === 'AsyncFunction' || fn.constructor?.name === 'AsyncGeneratorFunction') throw asyncError();
  const prev = enabled;
  const prevNan = checkNan;
  console.warn('Anomaly Detection has been enabled. This mode will increase the runtime and should only be enabled for debugging.');
  enabled = true;
  checkNan = checkNanMode;
  let result: T;
  try {
    result = fn();
  } finally {
    enabled = prev;
    checkNan = prevNan;
  }
  if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') throw asyncError();
  return result;
}

function asyncError(): TorchRuntimeError {
  return new TorchRuntimeError(
    'detect_anomaly',
    'detectAnomaly(fn): fn must be synchronous; the anomaly mode cannot follow an await. Call detectAnomaly around the synchronous steps, or use setDetectAnomaly(true) and restore it yourself.',
  );
}

/** @internal The stack of the forward call creating a node (frames inside Antorcha's packages dropped). */
export function creationStack(): string {
  // V8 keeps 10 frames by default, most of them Antorcha's own: take more while recording
  const limit = (Error as { stackTraceLimit?: number }).stackTraceLimit;
  (Error as { stackTraceLimit?: number }).stackTraceLimit = 64;
  let stack: string;
  try {
    stack = new Error().stack ?? '';
  } finally {
    (Error as { stackTraceLimit?: number }).stackTraceLimit = limit;
  }
  const lines = stack.split('\n').slice(1);
  const own = /[\\/](packages[\\/](core|autograd|backend-[a-z]+)[\\/](src|dist)[\\/]|node_modules[\\/]@antorcha[\\/](core|autograd|backend-[a-z]+)[\\/])/;
  const user = lines.filter((l) => !own.test(l));
  return (user.length > 0 ? user : lines).join('\n');
}

/** @internal PyTorch's warning for a node whose backward failed under anomaly mode. */
export function warnFailedNode(name: string, trace: string | null): void {
  if (trace === null) {
    console.warn(`Error detected in ${name}. No forward pass information available. Enable detect anomaly during forward pass for more information.`);
  } else {
    console.warn(`Error detected in ${name}. Traceback of forward call that caused the error:\n${trace}`);
  }
}

let warnedSkip = false;

/** @internal Warns once that the NaN check can't read a device's gradients synchronously. */
export function warnNanCheckSkipped(device: string): void {
  if (warnedSkip) return;
  warnedSkip = true;
  console.warn(`Anomaly detection: gradients on '${device}' are not checked for NaN (the device reads back only asynchronously).`);
}
