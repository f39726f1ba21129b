/**
 * Complex tensors from JS values: `torch.tensor` of nested arrays holding
 * {@link Complex} numbers (or any data with a complex `dtype`), 0-dim complex
 * scalars, `fill_` with a complex value, and reading elements back as `Complex`.
 */
import { type DType, allocHost, complex128, getDefaultDtype, toComplexDtype, toDType } from '../dtype.js';
import { TorchRuntimeError, TorchTypeError, TorchValueError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { backendFor, emptyTensor, finishCreation, refOf, resolveOptions, type TensorOptions } from '../ops/dispatch.js';
import { Complex } from './scalar.js';

/** Whether nested data holds a {@link Complex} anywhere. */
function hasComplex(data: unknown): boolean {
  if (data instanceof Complex) return true;
  if (Array.isArray(data)) return data.some(hasComplex);
  return false;
}

/** Shape and interleaved (re, im) values of nested data of numbers, booleans and Complex values. */
function flattenComplex(data: unknown): { shape: number[]; values: number[] } {
  const shape: number[] = [];
  let probe = data;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  const values: number[] = [];
  if (shape.includes(0)) return { shape, values };
  const walk = (v: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (Array.isArray(v)) throw new TorchValueError('tensor', `expected a number at dim ${depth} but got a sequence`);
      if (v instanceof Complex) values.push(v.re, v.im);
      else if (typeof v === 'number') values.push(v, 0);
      else if (typeof v === 'boolean') values.push(v ? 1 : 0, 0);
      else throw new TorchTypeError('tensor', `Could not infer dtype of ${v === null ? 'None' : typeof v}`);
      return;
    }
    if (!Array.isArray(v)) throw new TorchValueError('tensor', `expected sequence of length ${shape[depth]} at dim ${depth} (got ${typeof v})`);
    if (v.length !== shape[depth]) throw new TorchValueError('tensor', `expected sequence of length ${shape[depth]} at dim ${depth} (got ${v.length})`);
    for (const item of v) walk(item, depth + 1);
  };
  walk(data, 0);
  return { shape, values };
}

/** Writes interleaved (re, im) values into a new complex tensor of `dtype`. */
function fromPairs(values: ArrayLike<number>, shape: readonly number[], dtype: DType, opts: TensorOptions | undefined): Tensor {
  const o = resolveOptions(opts, dtype);
  const t = emptyTensor(shape, o.dtype, o.device, 'tensor');
  if (values.length > 0) {
    const host = allocHost(o.dtype.name, values.length / 2);
    host.set(values);
    backendFor(o.device, o.dtype, 'tensor').write(t._storage.buffer, host, 0);
  }
  return finishCreation(t, o.requiresGrad);
}

/**
 * `torch.tensor(data)` when `data` holds a {@link Complex} (the default complex dtype
 * unless `dtype` says otherwise) or the requested dtype is complex; null otherwise, for
 * the real path. A complex value with a real dtype raises PyTorch's error.
 */
export function complexTensorFrom(data: unknown, opts: TensorOptions | undefined): Tensor | null {
  const requested = opts?.dtype !== undefined ? toDType(opts.dtype) : null;
  const typed = ArrayBuffer.isView(data);
  const cx = !typed && hasComplex(data);
  if (!cx && (requested === null || !requested.isComplex)) return null;
  if (cx && requested !== null && !requested.isComplex) {
    throw new TorchTypeError('tensor', `can't convert complex to ${requested.isFloatingPoint ? 'float' : 'int'}`);
  }
  const dtype = requested ?? toComplexDtype(getDefaultDtype());
  if (typed) {
    if (data instanceof BigInt64Array) throw new TorchTypeError('tensor', 'tensor(): a BigInt64Array cannot hold complex values');
    const src = data as unknown as ArrayLike<number>;
    const pairs = new Float64Array(2 * src.length);
    for (let i = 0; i < src.length; i++) pairs[2 * i] = src[i]!;
    return fromPairs(pairs, [src.length], dtype, { ...opts, dtype });
  }
  const { shape, values } = flattenComplex(data);
  return fromPairs(values, shape, dtype, { ...opts, dtype });
}

/** A 0-dim complex tensor on the CPU holding `z`. */
export function complexScalarTensor(z: Complex, dtype: DType = complex128): Tensor {
  return fromPairs([z.re, z.im], [], dtype, undefined);
}

/** PyTorch's error for a complex fill value into a real tensor (`fill_`, `masked_fill`). */
export function complexValueCastError(op: string, dtype: DType): TorchRuntimeError {
  const name = dtype.isFloatingPoint ? (dtype.name === 'float64' ? 'double' : 'float') : dtype.name === 'bool' ? 'bool' : 'int64_t';
  return new TorchRuntimeError(op, `value cannot be converted to type ${name} without overflow`);
}

/** `fill_` of a complex tensor with a complex value (both parts); a real tensor raises PyTorch's cast error. */
export function fillComplex_(self: Tensor, z: Complex): void {
  if (!self.dtype.isComplex) throw complexValueCastError('fill_', self.dtype);
  const b = backendFor(self.device, self.dtype, 'fill_');
  const r = refOf(self);
  const re = { ...r, dtype: self.dtype.name === 'complex64' ? 'float32' as const : 'float64' as const, strides: r.strides.map((s) => 2 * s), offset: 2 * r.offset };
  b.fill(re, z.re);
  b.fill({ ...re, offset: re.offset + 1 }, z.im);
}

/** Interleaved host values (`[re0, im0, …]`) as {@link Complex} numbers. */
export function complexValues(pairs: ArrayLike<number>): Complex[] {
  const out: Complex[] = new Array<Complex>(pairs.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = new Complex(pairs[2 * i]!, pairs[2 * i + 1]!);
  return out;
}


/** `torch.full(shape, z)` for a complex value: the default complex dtype unless `opts.dtype` says otherwise. */
export function fullComplex(shape: readonly number[], z: Complex, opts: TensorOptions | undefined): Tensor {
  const o = resolveOptions(opts, toComplexDtype(getDefaultDtype()));
  const t = emptyTensor(shape, o.dtype, o.device, 'full');
  if (t.numel() > 0) fillComplex_(t, z);
  return finishCreation(t, o.requiresGrad);
}
