/**
 * Shared plumbing of every op: backend lookup, device and dtype checks, output
 * allocation and the kernel view (`TensorRef`) of a tensor.
 */
import type { Backend, TensorRef } from '../backend.js';
import { type DType, type DTypeLike, type DTypeName, toDType } from '../dtype.js';
import { type Device, type DeviceLike, device as toDevice, cpu } from '../device.js';
import { TorchRuntimeError, TorchTypeError } from '../errors.js';
import { getBackend } from '../registry.js';
import { contiguousStrides, numelOf } from '../shape.js';
import { Storage } from '../storage.js';
import { Tensor } from '../tensor.js';
import { resolvedRef } from '../complex/mathbits.js';

/** Throws a clear error when `t`'s storage was freed by `dispose()` or `tidy()`. */
export function assertAlive(t: Tensor): void {
  if (t._storage.disposed) {
    throw new TorchRuntimeError('dispose', 'Tensor has been disposed: its memory was freed by dispose() or tidy() and it (like every view of it) can no longer be used');
  }
}

/**
 * The kernel view of a tensor. A tensor with the conjugate or negative bit is resolved
 * here, where every operand reaches the kernels: the view is one of a materialized
 * copy (see complex/mathbits.ts), so no backend sees the bits.
 */
export function refOf(t: Tensor): TensorRef {
  assertAlive(t);
  if (t._conj || t._neg) return resolvedRef(t, t._shape, t._strides, t._offset);
  return { buffer: t._storage.buffer, dtype: t.dtype.name, shape: t._shape, strides: t._strides, offset: t._offset };
}

/** A kernel view of `t`'s storage with another layout (derived from t's; math bits resolved as in {@link refOf}). */
export function refWith(t: Tensor, shape: readonly number[], strides: readonly number[], offset = t._offset): TensorRef {
  assertAlive(t);
  if (t._conj || t._neg) return resolvedRef(t, shape, strides, offset);
  return { buffer: t._storage.buffer, dtype: t.dtype.name, shape, strides, offset };
}

/** The backend serving a device, checking it stores `dtype`. */
export function backendFor(dev: Device, dtype: DType, op: string): Backend {
  const b = getBackend(dev.type);
  if (dev.index !== null && b.deviceCount !== undefined && dev.index >= b.deviceCount) {
    throw new TorchRuntimeError(op, `${op}: invalid device '${dev}': ${b.deviceCount} ${dev.type} device(s) available`);
  }
  if (!b.dtypes.has(dtype.name)) {
    throw new TorchTypeError(op, `${op}: dtype ${dtype} is not supported on device '${dev}' (supported: ${[...b.dtypes].join(', ')})`);
  }
  return b;
}

/** Allocates a new contiguous tensor (zero-filled by the backend). */
export function emptyTensor(shape: readonly number[], dtype: DType, dev: Device = cpu, op = 'empty'): Tensor {
  return emptyTensorOn(backendFor(dev, dtype, op), shape, dtype, dev);
}

/**
 * @internal {@link emptyTensor} on a backend the caller already got from
 * {@link backendFor} for `dev` and `dtype` (the checks are not repeated).
 */
export function emptyTensorOn(backend: Backend, shape: readonly number[], dtype: DType, dev: Device): Tensor {
  const storage = new Storage(backend, dev, backend.alloc(dtype.name, numelOf(shape)), dtype.name);
  return new Tensor(storage, shape.slice(), contiguousStrides(shape), 0, dtype);
}

/**
 * @internal Like {@link emptyTensorOn}, but the elements are unspecified where the backend
 * can skip zeroing them (`allocUninit`): only for outputs the kernel called next writes
 * in full (elementwise results).
 */
export function uninitTensorOn(backend: Backend, shape: readonly number[], dtype: DType, dev: Device): Tensor {
  const n = numelOf(shape);
  const buffer = backend.allocUninit !== undefined ? backend.allocUninit(dtype.name, n) : backend.alloc(dtype.name, n);
  const storage = new Storage(backend, dev, buffer, dtype.name);
  return new Tensor(storage, shape.slice(), contiguousStrides(shape), 0, dtype);
}

/** A new contiguous tensor of `like`'s shape, on its device. */
export function emptyLikeShape(like: Tensor, dtype: DType = like.dtype, shape: readonly number[] = like._shape, op = 'empty_like'): Tensor {
  return emptyTensor(shape, dtype, like.device, op);
}

/** PyTorch's "Expected all tensors to be on the same device" error. */
function deviceMismatch(op: string, first: Device, other: Device): TorchRuntimeError {
  return new TorchRuntimeError(
    op,
    `Expected all tensors to be on the same device, but found at least two devices, ${first} and ${other}! (when checking argument for ${op})`,
  );
}

/**
 * Checks all tensors share one device, with PyTorch's text, and returns it.
 */
export function commonDevice(op: string, tensors: readonly Tensor[]): Device {
  const first = tensors[0]!.device;
  for (let i = 1; i < tensors.length; i++) {
    const d = tensors[i]!.device;
    if (!d.equals(first)) throw deviceMismatch(op, first, d);
  }
  return first;
}

/**
 * Whether `t` is a CPU scalar: a 0-dim CPU tensor, which elementwise ops take as an
 * input beside tensors of another device (PyTorch's `is_cpu_scalar`), its value read
 * on the CPU and passed to the kernel as a number.
 */
export function isCpuScalar(t: Tensor): boolean {
  return t._shape.length === 0 && t._storage.device.type === 'cpu';
}

/**
 * The device an elementwise op runs on (PyTorch's TensorIterator rule): the first
 * non-CPU device among `output` (an in-place target) and `inputs`, or the CPU. Every
 * tensor must be on it, except inputs that are CPU scalars ({@link isCpuScalar}); an
 * output is never one. Otherwise PyTorch's "Expected all tensors to be on the same
 * device" error, naming the common device first.
 */
export function operandDevice(op: string, inputs: readonly Tensor[], output: Tensor | null = null): Device {
  let common: Device = output !== null ? output.device : inputs[0]!.device;
  if (common.type === 'cpu') {
    for (const t of inputs) {
      if (t.device.type !== 'cpu') {
        common = t.device;
        break;
      }
    }
  }
  if (output !== null && !output.device.equals(common)) throw deviceMismatch(op, common, output.device);
  for (const t of inputs) {
    const d = t.device;
    if (d !== common && !d.equals(common) && !isCpuScalar(t)) throw deviceMismatch(op, common, d);
  }
  return common;
}

/**
 * Common creation options: `{ dtype, device, requiresGrad }`. `N` is the dtype's static
 * name, inferred from `dtype`, which the factories return as `Tensor<N>`.
 */
export interface TensorOptions<N extends DTypeName = DTypeName> {
  /** Element type (a `DType` or its name). */
  dtype?: DTypeLike<N>;
  /** Device, e.g. `'cpu'` or `'webgpu'`. */
  device?: DeviceLike;
  /** Whether autograd records operations on the new tensor. */
  requiresGrad?: boolean;
}

/** Resolves creation options with defaults. */
export function resolveOptions(opts: TensorOptions | undefined, defaultDtype: DType): { dtype: DType; device: Device; requiresGrad: boolean } {
  return {
    dtype: opts?.dtype !== undefined ? toDType(opts.dtype) : defaultDtype,
    device: opts?.device !== undefined ? toDevice(opts.device) : cpu,
    requiresGrad: opts?.requiresGrad ?? false,
  };
}

/** Applies `requiresGrad` from creation options (with PyTorch's dtype check). */
export function finishCreation(t: Tensor, requiresGrad: boolean): Tensor {
  if (requiresGrad) t.requiresGrad_(true);
  return t;
}

/**
 * PyTorch's `repr` of a `torch.return_types.<name>` structseq: one `field=repr` line per
 * field (`torch.return_types.max(\nvalues=tensor(…),\nindices=tensor(…))`).
 */
export function returnTypeRepr(name: string, fields: readonly (readonly [string, string])[]): string {
  return `torch.return_types.${name}(\n${fields.map(([k, v]) => `${k}=${v}`).join(',\n')})`;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * A result holding values and indices (PyTorch's `torch.return_types.<name>` namedtuple):
 * use it by name (`r.values`, `r.indices`) or destructure it
 * (`const [values, indices] = x.max(1)`). It prints as PyTorch prints it.
 * @example
 * ```ts pytorch=core.ValuesIndices
 * const x = torch.tensor([[1, 5, 2], [7, 3, 4]]);
 * const [values, indices] = torch.median(x, 1);
 * console.log(values, indices);
 * console.log(x.max(1));
 * ```
 * ```text
 * tensor([2, 4]) tensor([2, 2])
 * torch.return_types.max(
 * values=tensor([5, 7]),
 * indices=tensor([1, 0]))
 * ```
 */
export class ValuesIndices implements Iterable<Tensor> {
  /** @internal */
  constructor(
    /** The values. */
    readonly values: Tensor,
    /** The int64 indices. */
    readonly indices: Tensor,
    /**
     * The op that made it, as PyTorch names its return type (`'max'`, `'sort'`, `'median'`…);
     * unnamed results print as a plain Python tuple.
     */
    readonly name?: string,
  ) {}
  /** Always 2, as a tuple. */
  get length(): 2 {
    return 2;
  }
  /** Tuple access: 0 → values. */
  get 0(): Tensor {
    return this.values;
  }
  /** Tuple access: 1 → indices. */
  get 1(): Tensor {
    return this.indices;
  }
  /** Destructuring support. */
  *[Symbol.iterator](): Iterator<Tensor> {
    yield this.values;
    yield this.indices;
  }
  /** PyTorch's repr: `torch.return_types.max(\nvalues=tensor(…),\nindices=tensor(…))` (synchronous devices). */
  toString(): string {
    return this._repr(this.values.toString(), this.indices.toString());
  }
  /** {@link toString} for tensors on asynchronous devices. */
  async toStringAsync(): Promise<string> {
    return this._repr(await this.values.toStringAsync(), await this.indices.toStringAsync());
  }
  private _repr(v: string, i: string): string {
    if (this.name === undefined) return `(${v}, ${i})`;
    return returnTypeRepr(this.name, [
      ['values', v],
      ['indices', i],
    ]);
  }
  /** @internal `console.log(r)` prints the repr. */
  [inspectSymbol](): string {
    if (!this.values._storage.backend.syncRead) return `torch.return_types.${this.name ?? 'tuple'}(<on ${this.values.device}: await r.toStringAsync()>)`;
    return this.toString();
  }
}

/** Builds a {@link ValuesIndices}; `name` is the op's return-type name (`'max'`, `'sort'`…). */
export function valuesIndices(values: Tensor, indices: Tensor, name?: string): ValuesIndices {
  return new ValuesIndices(values, indices, name);
}
