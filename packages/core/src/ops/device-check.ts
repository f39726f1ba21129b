/**
 * Device-side checks: value checks (class indices in range, probabilities in
 * [0, 1], finite norms) that must not read the device synchronously. On a device
 * that reads synchronously (the CPU) a check is evaluated at once and throws; on
 * an asynchronous device (WebGPU) it is queued behind the op's kernels and the
 * error is raised by the next read or synchronize, as CUDA raises device-side
 * asserts. Message templates are interned, so a check run every step does not
 * grow the registry.
 */
import type { DTypeName } from '../dtype.js';
import { TorchError, TorchIndexError, TorchRuntimeError, TorchTypeError, TorchValueError } from '../errors.js';
import { formatPythonFloat } from '../printing/index.js';
import type { Tensor } from '../tensor.js';
import { hostValues } from './conversion.js';
import { refOf } from './dispatch.js';

/** The Python exception class a failed device check raises (PyTorch's). */
export type DeviceCheckErrorClass = 'RuntimeError' | 'IndexError' | 'ValueError' | 'TypeError';

/** An interned check message: the op, the error class and the text. */
export interface DeviceCheckTemplate {
  /** The op named by the error, e.g. `'nll_loss'`. */
  readonly op: string;
  /** The Python exception class. */
  readonly errorClass: DeviceCheckErrorClass;
  /** The message; `{value}` is replaced by the first failing value. */
  readonly message: string;
  /** dtype of the reported values (decides how `{value}` is printed), or null without values. */
  readonly valueDtype: DTypeName | null;
}

// One registry per process, shared by every copy of this module that is loaded (a backend
// bundled with its own copy of core must still find the templates by id).
interface Registry {
  templates: DeviceCheckTemplate[];
  ids: Map<string, number>;
}
const registry: Registry = ((globalThis as { [k: symbol]: Registry | undefined })[Symbol.for('antorcha.deviceCheckTemplates')] ??= { templates: [], ids: new Map() });
const { templates, ids: templateIds } = registry;

/** The id of a template (ids start at 1; 0 means "no error"), interning it on first use. */
function internTemplate(t: DeviceCheckTemplate): number {
  const key = `${t.op}\u0000${t.errorClass}\u0000${t.valueDtype ?? ''}\u0000${t.message}`;
  let id = templateIds.get(key);
  if (id === undefined) {
    templates.push(t);
    id = templates.length;
    templateIds.set(key, id);
  }
  return id;
}

/** Prints a failing value the way PyTorch's messages print it (ints bare, floats as Python floats). */
function formatValue(value: number, dtype: DTypeName | null): string {
  if (dtype === 'bool') return value !== 0 ? 'True' : 'False';
  if (dtype === 'float32' || dtype === 'float64') return formatPythonFloat(value);
  return String(value);
}

/**
 * The error a failed device check raises: template `id` (as passed to
 * {@link Backend.check}) with `{value}` replaced by the first failing `value`.
 * Asynchronous backends call it when they find a check's report in their error word.
 * @throws TorchRuntimeError when `id` names no template.
 */
export function deviceCheckError(id: number, value: number | null = null): TorchError {
  const t = templates[id - 1];
  if (t === undefined) throw new TorchRuntimeError('device_check', `device check: unknown template id ${id}`);
  const message = t.message.replace('{value}', value === null ? '' : formatValue(value, t.valueDtype));
  switch (t.errorClass) {
    case 'IndexError':
      return new TorchIndexError(t.op, message);
    case 'ValueError':
      return new TorchValueError(t.op, message);
    case 'TypeError':
      return new TorchTypeError(t.op, message);
    default:
      return new TorchRuntimeError(t.op, message);
  }
}

/** A message template: the text alone (a RuntimeError), or the text and its error class. */
export type DeviceCheckMessage = string | { readonly message: string; readonly errorClass?: DeviceCheckErrorClass };

/**
 * Checks that `bad` (a bool tensor, any shape) is false everywhere; where it is
 * true, raises `op`'s error with `template`, whose `{value}` placeholder is
 * replaced by the element of `values` (broadcast to `bad`'s shape) at the first
 * failing position in row-major order.
 *
 * On a device that reads synchronously (the CPU) the check runs now and throws.
 * On an asynchronous device the backend queues it ({@link Backend.check}) and the
 * error is raised by the next `await t.data()` / `synchronize()` on that device,
 * like CUDA's device-side asserts: the ops after it still run (on data that may be
 * invalid) until then.
 * @example
 * ```ts
 * const target = torch.tensor([0, 5, 1]);
 * const C = 3;
 * try {
 *   torch.deviceCheck('nll_loss', target.lt(0).logicalOr(target.ge(C)), 'Target {value} is out of bounds.', target);
 * } catch (e) {
 *   console.log((e as Error).message);
 * }
 * ```
 * ```text
 * Target 5 is out of bounds.
 * ```
 * @throws the template's error (CPU), or TorchRuntimeError when an asynchronous backend lacks `check`.
 */
export function deviceCheck(op: string, bad: Tensor, template: DeviceCheckMessage, values?: Tensor | null): void {
  if (bad.dtype.name !== 'bool') throw new TorchTypeError(op, `device check: expected a bool mask, got ${bad.dtype}`);
  const vals = values ?? null;
  if (vals !== null && !vals.device.equals(bad.device)) {
    throw new TorchRuntimeError(op, `device check: values on ${vals.device} but the mask on ${bad.device}`);
  }
  const { message, errorClass = 'RuntimeError' } = typeof template === 'string' ? { message: template } : template;
  const id = internTemplate({ op, errorClass, message, valueDtype: vals === null ? null : vals.dtype.name });
  if (bad.numel() === 0) return;
  const backend = bad._storage.backend;
  const expanded = vals === null ? null : vals.detach().expand(bad._shape as number[]);
  if (backend.syncRead) {
    const any = bad.any();
    const failed = hostValues(any)[0] !== 0;
    any.dispose();
    if (!failed) return;
    const mask = hostValues(bad);
    let first = 0;
    while (mask[first] === 0) first++;
    throw deviceCheckError(id, expanded === null ? null : Number(hostValues(expanded)[first]));
  }
  if (backend.check === undefined) {
    throw new TorchRuntimeError(op, `${op}: the '${backend.name}' backend reads asynchronously and has no device-side checks (Backend.check)`);
  }
  backend.check(refOf(bad), expanded === null ? null : refOf(expanded), id);
}
