/**
 * Devices, PyTorch's way: `torch.device('cpu')`, `'webgpu:0'`.
 */
import { TorchRuntimeError, TorchTypeError } from './errors.js';

/**
 * Where a tensor's memory lives: a device type (the backend's name) and an optional index.
 * @example
 * ```ts
 * const d = torch.device('webgpu:0');
 * d.type; // 'webgpu'
 * String(d); // 'webgpu:0'
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

/** Anything accepted where a device is expected. */
export type DeviceLike = Device | string;

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

/** The CPU device. */
export const cpu = device('cpu');
