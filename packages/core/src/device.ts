/**
 * Devices, PyTorch's way: `torch.device('cpu')`, `'webgpu:0'`.
 */
import { TorchRuntimeError, TorchTypeError } from './errors.js';

/**
 * Where a tensor's memory lives: a device type (the backend's name) and an optional index.
 * @example
 * ```ts
 * const d = torch.device('webgpu:0');
 * console.log(d.type, d.index, String(d));
 * ```
 * ```text
 * webgpu 0 webgpu:0
 * ```
 */
export class Device {
  /** @internal */
  constructor(
    /** Device type, e.g. `'cpu'` or `'webgpu'`. */
    readonly type: string,
    /** Device index, or null when unspecified. */
    readonly index: number | null = null,
  ) {}

  /** `'cpu'`, `'webgpu:0'`: what Python's `str(device)` prints. */
  toString(): string {
    return this.index === null ? this.type : `${this.type}:${this.index}`;
  }

  /** Whether two devices are the same (an unspecified index equals index 0). */
  equals(other: Device): boolean {
    return this.type === other.type && (this.index ?? 0) === (other.index ?? 0);
  }

  /** @internal */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.index === null ? `device(type='${this.type}')` : `device(type='${this.type}', index=${this.index})`;
  }
}

/**
 * The device types that device strings may name, for the type checker: `cpu` here, and each
 * backend package adds its own by declaration merging (`@antorcha/backend-webgpu` adds
 * `webgpu`), as a backend written outside this repository can:
 * ```ts
 * declare module '@antorcha/core' {
 *   interface DeviceTypes { mydevice: true }
 * }
 * ```
 * So a misspelt device (`'gpu'`, `'cuda'`, `'webgpu1'`) is a type error, and at run time still
 * a `TorchRuntimeError` naming the registered backends.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface DeviceTypes {
  /** The CPU backend (always registered by the `antorcha` facade). */
  cpu: true;
}

/** A device type name: a key of {@link DeviceTypes}. */
export type DeviceType = keyof DeviceTypes & string;

/** A device string: a type with an optional index, e.g. `'cpu'`, `'webgpu'`, `'webgpu:0'`. */
export type DeviceString = DeviceType | `${DeviceType}:${number}`;

/** Anything accepted where a device is expected: a {@link Device} or a {@link DeviceString}. */
export type DeviceLike = Device | DeviceString;

const cache = new Map<string, Device>();

/**
 * Parses a device: `torch.device('cpu')`, `torch.device('webgpu:0')`.
 * @throws TorchRuntimeError for a malformed string.
 */
export function device(spec: DeviceLike): Device {
  if (spec instanceof Device) return spec;
  if (typeof spec !== 'string') throw new TorchTypeError('device', `device(): expected a device string or torch.device, got ${spec === null ? 'null' : typeof spec}`);
  const hit = cache.get(spec);
  if (hit) return hit;
  const m = /^([a-z][a-z0-9_]*)(?::(\d+))?$/.exec(spec);
  if (!m) throw new TorchRuntimeError('device', `Invalid device string: '${spec}'`);
  const type = m[1]!;
  // CPU has a single device; PyTorch keeps `cpu` without an index.
  const d = new Device(type, m[2] === undefined ? (type === 'cpu' ? null : 0) : Number(m[2]));
  cache.set(spec, d);
  return d;
}

/**
 * Parses a device string known only at run time (a `<select>`'s value, a command-line
 * argument): the untyped counterpart of {@link device}, whose parameter accepts only the
 * {@link DeviceString}s of the declared backends.
 * @throws TorchRuntimeError for a malformed string; a device type no backend registered is
 * refused where the device is first used, naming the registered backends.
 * @example
 * ```ts no-run
 * const d = torch.parseDevice(select.value); // string → Device
 * ```
 */
export function parseDevice(spec: string): Device {
  if (typeof spec !== 'string') throw new TorchTypeError('parseDevice', `parseDevice(): expected a string, got ${spec === null ? 'null' : typeof spec}`);
  return device(spec as DeviceString); // validated by device()'s parser
}

/** The CPU device. */
export const cpu = device('cpu');
