/**
 * Dtype and device conversion, copies between tensors, fills, and reading data
 * back to the host.
 */
import { composite, needsGrad, notifyInplace, recordOp } from '../autograd-hook.js';
import { type DTypeLike, type DType, type HostArray, castScalar, toDType } from '../dtype.js';
import { decodeHalf, isHalfDtype } from '../half.js';
import { type DeviceLike, device as toDevice } from '../device.js';
import { TorchRuntimeError, fmtShape } from '../errors.js';
import { broadcastShapes, broadcastStrides, isContiguousLayout, numelOf } from '../shape.js';
import { type NestedList, Tensor } from '../tensor.js';
import { expectScalarFits, expectTensor } from '../validate.js';
import { assertAlive, backendFor, emptyTensor, refOf, refWith } from './dispatch.js';
import { bumpVersion, checkWritable } from './elementwise.js';
import { copyToNew } from './views.js';
import { Complex } from '../complex/scalar.js';
import { fillComplex_ } from '../complex/create.js';
import { resolvedCopy } from '../complex/mathbits.js';

/** Casts to `dtype` (a copy; `x` itself when the dtype already matches). */
export function toDtype(x: Tensor, dtype: DTypeLike): Tensor {
  expectTensor('to', 'input', 1, x);
  const dt = toDType(dtype);
  if (dt === x.dtype) return x;
  const out = emptyTensor(x._shape, dt, x.device, 'to');
  backendFor(x.device, dt, 'to').copy(refOf(x), refOf(out));
  recordOp('to', [x], [out], { dtype: dt, fromDtype: x.dtype });
  return out;
}

/**
 * Moves to another device (a copy; `x` itself when already there). Reading
 * back from an asynchronous device needs `await x.toAsync('cpu')`.
 */
export function toDeviceSync(x: Tensor, dev: DeviceLike, dtype?: DType): Tensor {
  expectTensor('to', 'input', 1, x);
  const d = toDevice(dev);
  const dt = dtype ?? x.dtype;
  if (d.equals(x.device)) return toDtype(x, dt);
  const host = hostStorage(x, 'to', `await t.toAsync('${d}')`);
  const out = emptyTensor(x._shape, x.dtype, d, 'to');
  if (host.length > 0) backendFor(d, x.dtype, 'to').write(out._storage.buffer, host, 0);
  recordOp('to_device', [x], [out], { device: d, fromDevice: x.device });
  return toDtype(out, dt);
}

/** Moves to another device, awaiting the read-back when the source is asynchronous. */
export async function toDeviceAsync(x: Tensor, dev: DeviceLike, dtype?: DType): Promise<Tensor> {
  const d = toDevice(dev);
  if (d.equals(x.device) || x._storage.backend.syncRead) return toDeviceSync(x, d, dtype);
  const host = await readStorage(x);
  const out = emptyTensor(x._shape, x.dtype, d, 'to');
  if (host.length > 0) backendFor(d, x.dtype, 'to').write(out._storage.buffer, host, 0);
  recordOp('to_device', [x], [out], { device: d, fromDevice: x.device });
  return toDtype(out, dtype ?? x.dtype);
}

/**
 * The asynchronous call that replaces each synchronous reader, named in the error a
 * synchronous read of a tensor on an asynchronous device (WebGPU) raises.
 */
const ASYNC_CALL: Readonly<Record<string, string>> = {
  item: 'await t.itemAsync()',
  tolist: 'await t.tolistAsync()',
  dataSync: 'await t.data()',
  toString: 'await t.toStringAsync()',
  Number: 'Number(await t.itemAsync())',
};

/**
 * The error of a synchronous read of `x` on an asynchronous device: it names the
 * asynchronous call to use instead (`asyncCall`, or the one {@link ASYNC_CALL} gives `op`).
 */
export function readsAsyncOnly(x: Tensor, op: string, asyncCall?: string): TorchRuntimeError {
  const call = asyncCall ?? ASYNC_CALL[op] ?? 'await t.data()';
  return new TorchRuntimeError(op, `${op}: tensor on '${x.device}' can only be read asynchronously; use ${call}`);
}

/**
 * Row-major host copy of `x`'s logical elements as stored, synchronously (CPU-like backends):
 * the dtype's host array, so float16/bfloat16 give their bit patterns (a Uint16Array).
 * `op` names the reader in errors; `asyncCall` the asynchronous call that replaces it
 * (known readers — `item`, `tolist`, `dataSync`, `toString` — have theirs).
 * @throws TorchRuntimeError on asynchronous devices, naming the async call to use.
 */
export function hostStorage(x: Tensor, op = 'data', asyncCall?: string): HostArray {
  assertAlive(x);
  const b = x._storage.backend;
  if (!b.syncRead || !b.readSync) throw readsAsyncOnly(x, op, asyncCall);
  if (x._conj || x._neg) x = resolvedCopy(x);
  // complex elements are two host entries (re, im); offsets count elements of x's dtype
  const k = x.dtype.isComplex ? 2 : 1;
  const n = x.numel() * k;
  if (isContiguousLayout(x._shape, x._strides)) return b.readSync(x._storage.buffer).slice(k * x._offset, k * x._offset + n) as HostArray;
  const c = copyToNew(x);
  return b.readSync(c._storage.buffer).slice(0, n) as HostArray;
}

/**
 * Row-major host copy of `x`'s logical elements as numbers, synchronously (CPU-like backends):
 * {@link hostStorage}, with float16/bfloat16 bit patterns decoded to their values (a Float32Array).
 * @throws TorchRuntimeError on asynchronous devices, naming the async call to use.
 */
export function hostValues(x: Tensor, op = 'data', asyncCall?: string): HostArray {
  return storageValues(hostStorage(x, op, asyncCall), x.dtype);
}

/** A host array of `dtype` as numbers: float16/bfloat16 bit patterns decoded, other arrays as they are. */
export function storageValues(host: HostArray, dtype: DType): HostArray {
  return isHalfDtype(dtype.name) ? decodeHalf(host, dtype.name) : host;
}

/** Nested arrays of `values` (row-major) in `shape`; bool dtypes give booleans. */
export function nestValues(values: ArrayLike<number>, shape: readonly number[], isBool: boolean): NestedList {
  let pos = 0;
  const build = (d: number): NestedList => {
    if (d === shape.length) {
      const v = values[pos++]!;
      return isBool ? v !== 0 : v;
    }
    const out: NestedList[] = [];
    for (let i = 0; i < shape[d]!; i++) out.push(build(d + 1));
    return out;
  };
  return build(0);
}

/** Row-major host copy of `x`'s logical elements as stored (float16/bfloat16: bit patterns), on any device. */
export async function readStorage(x: Tensor): Promise<HostArray> {
  assertAlive(x);
  if (x._conj || x._neg) x = resolvedCopy(x);
  // a view with another dtype than its storage (view_as_real/view_as_complex) reads through a copy
  const src = isContiguousLayout(x._shape, x._strides) && x.dtype.name === x._storage.dtype ? x : copyToNew(x);
  return x._storage.backend.read(src._storage.buffer, src._offset, numelOf(x._shape));
}

/** Row-major host copy of `x`'s logical elements as numbers (float16/bfloat16 decoded to a Float32Array), on any device. */
export async function readValues(x: Tensor): Promise<HostArray> {
  return storageValues(await readStorage(x), x.dtype);
}

/** Copies `src` (broadcast to self's shape, any dtype/device) into `self` in place. */
export function copy_(self: Tensor, src: Tensor): Tensor {
  expectTensor('copy_', 'input', 1, self);
  if (!(src instanceof Tensor)) throw new TorchRuntimeError('copy_', `copy_(): argument 'src' must be Tensor`);
  const shape = broadcastShapes(self._shape, src._shape, 'copy_');
  if (shape.length !== self._shape.length || shape.some((d, i) => d !== self._shape[i])) {
    throw new TorchRuntimeError('copy_', `output with shape ${fmtShape(self._shape)} doesn't match the broadcast shape ${fmtShape(shape)}`);
  }
  checkWritable(self, 'copy_');
  notifyInplace(self, 'copy_');
  let s = src.device.equals(self.device) ? src : toDeviceSync(src, self.device);
  if (s._storage === self._storage) s = copyToNew(s);
  backendFor(self.device, self.dtype, 'copy_').copy(refWith(s, self._shape, broadcastStrides(s._shape, s._strides, self._shape, 'copy_')), refOf(self));
  bumpVersion(self);
  recordOp('copy_', [self, src], [self], { inplace: true, srcShape: [...src._shape], srcDtype: src.dtype });
  return self;
}

/**
 * `fill_` with a 0-dim tensor on the same asynchronous device (WebGPU): a broadcast copy
 * on the device, with the same cast as the scalar path, so nothing is read back.
 */
function fillFromDevice(self: Tensor, value: Tensor): Tensor {
  checkWritable(self, 'fill_');
  notifyInplace(self, 'fill_');
  if (self.numel() > 0) {
    const src = { buffer: value._storage.buffer, dtype: value.dtype.name, shape: self._shape, strides: self._shape.map(() => 0), offset: value._offset };
    backendFor(self.device, self.dtype, 'fill_').copy(src, refOf(self));
  }
  bumpVersion(self);
  recordOp('fill_', [self], [self], { inplace: true, value: null });
  return self;
}

/** Fills `self` with `value` in place. */
export function fill_(self: Tensor, value: number | boolean | Complex | Tensor): Tensor {
  expectTensor('fill_', 'input', 1, self);
  let v: number;
  if (value instanceof Complex) {
    checkWritable(self, 'fill_');
    notifyInplace(self, 'fill_');
    if (self.numel() > 0) fillComplex_(self, value);
    bumpVersion(self);
    recordOp('fill_', [self], [self], { inplace: true, value: null });
    return self;
  }
  if (value instanceof Tensor) {
    if (value._shape.length !== 0) throw new TorchRuntimeError('fill_', `fill_ only supports 0-dimension value tensor but got tensor with ${value._shape.length} dimensions.`);
    // A value that requires grad must get its gradient (the sum of self's): fill by copying it.
    if (needsGrad([value])) return copy_(self, value.expand(self._shape));
    if (!value._storage.backend.syncRead) {
      if (value.device.equals(self.device)) return fillFromDevice(self, value);
      throw readsAsyncOnly(value, 'fill_', 'x.fill_(await value.itemAsync())');
    }
    const item = value.item();
    if (item instanceof Complex) return fill_(self, item);
    v = Number(item);
  } else v = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  if (typeof v !== 'number') throw new TorchRuntimeError('fill_', `fill_(): argument 'value' must be Number`);
  expectScalarFits('fill_', v, self.dtype.name);
  checkWritable(self, 'fill_');
  notifyInplace(self, 'fill_');
  if (self.numel() > 0) backendFor(self.device, self.dtype, 'fill_').fill(refOf(self), castScalar(v, self.dtype.name));
  bumpVersion(self);
  recordOp('fill_', [self], [self], { inplace: true, value: v });
  return self;
}

/** Fills `self` with zeros in place. */
export function zero_(self: Tensor): Tensor {
  expectTensor('zero_', 'input', 1, self);
  return composite('zero_', [self], { inplace: true }, () => fill_(self, 0));
}
