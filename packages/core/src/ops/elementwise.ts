/**
 * Elementwise ops: one generic path for unary and binary functions (promotion,
 * broadcasting, device checks, in-place rules), and the named ops on top of it.
 */
import { inFloat32 } from './half-compute.js';
import type { BinaryOp, Operand, TernaryOp, UnaryOp, UnaryParams } from '../backend.js';
import { BINARY, UNARY } from './catalogue/elementwise.js';
import type { DtypeRule, Rejects } from './catalogue/types.js';
import { abs, eq, lt, mul, reciprocal } from './generated.js';
// The catalogue's generated functions, re-exported so importers of this module find every elementwise op here.
export * from './generated.js';
import { type DType, type DTypeName, bool, castScalar, getDefaultDtype } from '../dtype.js';
import type { BinaryResultDType, OperandDType, UnaryResultDType } from './result-dtype.js';
import type { Device } from '../device.js';
import { TorchRuntimeError, TorchTypeError, fmtShape } from '../errors.js';
import { broadcastShapes, broadcastStrides, numelOf } from '../shape.js';
import { composite, needsGrad2, notifyInplace, recordChecked, recordOp } from '../autograd-hook.js';
import { Tensor } from '../tensor.js';
import { expectNumber, expectScalarFits, expectTensor, pyTypeName } from '../validate.js';
import { hostValues, readsAsyncOnly, toDeviceSync } from './conversion.js';
import { backendFor, emptyTensor, operandDevice, refOf, refWith, uninitTensorOn } from './dispatch.js';
import { type Scalar, canCast, cppName, resultType } from './promotion.js';
import { Complex } from '../complex/scalar.js';
import { checkComplexBinary, complexUnaryOut, wrapComplexScalar } from '../complex/elementwise.js';
import { finishWrite } from '../complex/mathbits.js';

/** A tensor, a JS number/boolean, or a complex scalar ({@link Complex}). */
export type TensorOrScalar = Tensor | Scalar | Complex;

export type { DtypeRule } from './catalogue/types.js';

function outputDtypes(op: string, rule: DtypeRule, promoted: DType): { compute: DType; out: DType } {
  switch (rule) {
    case 'same':
      return { compute: promoted, out: promoted };
    case 'float': {
      const f = promoted.isFloatingPoint || promoted.isComplex ? promoted : getDefaultDtype();
      return { compute: f, out: f };
    }
    case 'bool':
      return { compute: promoted, out: bool };
    case 'intOrBool':
      if (promoted.isFloatingPoint || promoted.isComplex) throw new TorchRuntimeError(op, `"${op.replace(/_$/, '')}_cpu" not implemented for '${cppName(promoted)}'`);
      return { compute: promoted, out: promoted };
  }
}

/**
 * Dtypes PyTorch's CPU kernels reject per op (keyed by PyTorch name), from the catalogue
 * rows. `kernel` errors read `"<kernel>" not implemented for '<Dtype>'`.
 */
const UNSUPPORTED: ReadonlyMap<string, Rejects> = new Map(
  [...Object.values(UNARY), ...Object.values(BINARY)].flatMap((row) => ('rejects' in row.impl ? [[row.aten, row.impl.rejects] as const] : [])),
);

/** The result dtype a rule gives, without its support checks (for PyTorch's check order). */
function outputDtypeOf(rule: DtypeRule, promoted: DType): DType {
  if (rule === 'bool') return bool;
  if (rule === 'float' && !promoted.isFloatingPoint && !promoted.isComplex) return getDefaultDtype();
  return promoted;
}

/**
 * Raises PyTorch's error when the op's kernel rejects `dtype`. `only: 'message'` checks
 * just the rejections the op raises itself before any kernel runs (relu, neg on bool).
 */
function checkSupported(name: string, dtype: DType, only?: 'message'): void {
  const rule = UNSUPPORTED.get(name);
  if (rule === undefined) return;
  if (only === 'message' && rule.message === undefined) return;
  if (rule && rule.dtypes.includes(dtype.name)) {
    throw new TorchRuntimeError(name, rule.message ?? `"${rule.kernel}" not implemented for '${cppName(dtype)}'`);
  }
}

/** Rejects views whose elements overlap (e.g. expanded tensors) as in-place targets. */
export function checkWritable(self: Tensor, op: string): void {
  for (let i = 0; i < self._shape.length; i++) {
    if (self._strides[i] === 0 && self._shape[i]! > 1) {
      throw new TorchRuntimeError(
        op,
        'unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.',
      );
    }
  }
}

/** Marks a completed in-place write (a target with math bits gets its resolved copy written back first). */
export function bumpVersion(self: Tensor): void {
  if (self._conj || self._neg) finishWrite(self);
  self._storage.version++;
}

/**
 * Applies a unary kernel. `name` is the op's public name (for errors and autograd),
 * `op` the kernel.
 */
export function unaryOp(name: string, op: UnaryOp, x: Tensor, rule: DtypeRule, params?: UnaryParams, attrs?: Record<string, unknown>): Tensor {
  expectTensor(name, 'input', 1, x);
  checkSupported(name, x.dtype);
  let compute = x.dtype;
  let outDtype = compute;
  if (rule !== 'same') ({ compute, out: outDtype } = outputDtypes(name, rule, compute));
  if (compute.isComplex) outDtype = complexUnaryOut(name, op, compute, outDtype);
  const dev = x.device;
  const backend = backendFor(dev, compute, name);
  const out = outDtype === compute ? uninitTensorOn(backend, x._shape, outDtype, dev) : emptyTensor(x._shape, outDtype, dev, name);
  backend.unary(op, refOf(x), refOf(out), compute.name, params);
  if (needsGrad2(x, null)) recordChecked(name, [x], [out], attrs ?? (params ? { ...params } : {}));
  return out;
}

/** In-place unary: `x.op_()`. The result must be castable back to x's dtype. */
export function unaryInplace(name: string, op: UnaryOp, x: Tensor, rule: DtypeRule, params?: UnaryParams): Tensor {
  expectTensor(name, 'input', 1, x);
  const base = name.replace(/_$/, '');
  // PyTorch's order: the op's own checks, then overlap, then the cast to x's dtype, then kernel support.
  checkSupported(base, x.dtype, 'message');
  checkWritable(x, name);
  const out = outputDtypeOf(rule, x.dtype);
  if (x.dtype.isComplex) {
    if (op === 'abs') throw new TorchRuntimeError(name, 'In-place abs is not supported for complex tensors.');
    complexUnaryOut(base, op, x.dtype, out);
  }
  if (!canCast(out, x.dtype)) {
    throw new TorchRuntimeError(name, `result type ${cppName(out)} can't be cast to the desired output type ${cppName(x.dtype)}`);
  }
  checkSupported(base, x.dtype);
  const { compute } = outputDtypes(name, rule, x.dtype);
  notifyInplace(x, name);
  const backend = backendFor(x.device, compute, name);
  backend.unary(op, refOf(x), refOf(x), compute.name, params);
  bumpVersion(x);
  recordOp(name, [x], [x], { ...(params ?? {}), inplace: true });
  return x;
}

/**
 * The kernel operand of `v` for an op on `dev` in `compute`: a strided view broadcast to
 * `shape`, or a number (a JS scalar, or a CPU scalar tensor's value for a kernel on
 * another device, as PyTorch passes CPU scalars to CUDA kernels), cast to `compute`.
 */
function operandOf(vIn: TensorOrScalar, shape: readonly number[], compute: DType, op: string, dev: Device): Operand {
  const v: Tensor | Scalar = wrapComplexScalar(vIn);
  if (v instanceof Tensor) {
    // Only a CPU scalar reaches here from another device (operandDevice checked it).
    if (v._storage.device !== dev && !v._storage.device.equals(dev)) {
      // a complex CPU scalar has two parts, no number holds it: it goes to the device as a 0-dim tensor of `compute`
      if (v.dtype.isComplex) return refWith(toDeviceSync(v.to(compute.name), dev), shape, shape.map(() => 0));
      return castScalar(hostValues(v, op)[0]!, compute.name);
    }
    // Of the result's shape already: broadcasting would copy the strides unchanged.
    if (sameShape(v._shape, shape)) return refWith(v, shape, v._strides);
    return refWith(v, shape, broadcastStrides(v._shape, v._strides, shape, op));
  }
  return castScalar(typeof v === 'boolean' ? (v ? 1 : 0) : v, compute.name);
}

function checkOperand(name: string, v: unknown, what: string): void {
  if (v instanceof Tensor || typeof v === 'number' || typeof v === 'boolean') return;
  throw new TorchTypeError(name, `${name}(): argument '${what}' must be Tensor or Number, not ${v === null ? 'null' : typeof v}`);
}

function boolSubCheck(name: string, a: TensorOrScalar, b: TensorOrScalar, op: BinaryOp): void {
  if (op !== 'sub') return;
  const isBool = (v: TensorOrScalar) => (v instanceof Tensor ? v.dtype === bool : typeof v === 'boolean');
  if (isBool(a) && isBool(b)) {
    throw new TorchRuntimeError(name, 'Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.');
  }
  if (isBool(a) || isBool(b)) {
    throw new TorchRuntimeError(
      name,
      'Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.',
    );
  }
}

/** Ops PyTorch has no bool kernel for, with its text (`"pow" not implemented for 'Bool'`). */
const NO_BOOL_KERNEL: Partial<Record<BinaryOp, string>> = { pow: 'pow', truncDivide: 'div_trunc_cpu', floorDivide: 'div_floor_cpu' };

/**
 * Applies a binary kernel with broadcasting and type promotion; either side may be a scalar.
 */
export function binaryOp(name: string, op: BinaryOp, aIn: TensorOrScalar, bIn: TensorOrScalar, rule: DtypeRule, attrs?: Record<string, unknown>): Tensor {
  // a complex scalar operand is a 0-dim complex tensor that promotes as a wrapped number
  const a: Tensor | Scalar = wrapComplexScalar(aIn);
  const b: Tensor | Scalar = wrapComplexScalar(bIn);
  checkOperand(name, a, 'input');
  checkOperand(name, b, 'other');
  const aT = a instanceof Tensor;
  const bT = b instanceof Tensor;
  if (!aT && !bT) throw new TorchTypeError(name, `${name}(): expected at least one Tensor argument, got two numbers`);
  // The common case (two tensors of one device, dtype and shape) skips the general
  // arithmetic below; the checks and their order are the same.
  const dev = aT && bT ? sameDevice(name, a, b) : (aT ? a : (b as Tensor)).device;
  boolSubCheck(name, a, b, op);
  const promoted = aT && bT && a.dtype === b.dtype ? a.dtype : resultType(a, b);
  checkSupported(name, promoted);
  let compute = promoted;
  let outDtype = promoted;
  if (rule !== 'same') ({ compute, out: outDtype } = outputDtypes(name, rule, promoted));
  if (compute.isComplex) checkComplexBinary(name, op, compute);
  const shape = aT && bT ? (sameShape(a._shape, b._shape) ? a._shape : broadcastShapes(a._shape, b._shape, name)) : (aT ? a : (b as Tensor))._shape;
  checkIntegerArgs(name, op, compute, b, shape);
  const backend = backendFor(dev, compute, name);
  const out = outDtype === compute ? uninitTensorOn(backend, shape, outDtype, dev) : emptyTensor(shape, outDtype, dev, name);
  // A number exponent stays a double, as PyTorch's pow_tensor_scalar kernel keeps it
  // (pow(0, 5e-324) is 0, not pow(0, 0) = 1); the result is still rounded to `compute`.
  const bOperand = op === 'pow' && typeof b === 'number' && (compute.isFloatingPoint || compute.isComplex) ? b : operandOf(b, shape, compute, name, dev);
  backend.binary(op, operandOf(a, shape, compute, name, dev), bOperand, refOf(out), compute.name);
  const first = aT ? a : (b as Tensor);
  if (needsGrad2(first, aT && bT ? b : null)) {
    recordChecked(
      name,
      aT && bT ? [a, b] : [first],
      [out],
      aT && bT ? { ...attrs } : { ...attrs, ...(aT ? {} : { scalarA: a }), ...(bT ? {} : { scalarB: b }) },
    );
  }
  return out;
}

/** Whether two shapes are equal. */
function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** {@link operandDevice} of two tensors, without its array when they share a device. */
function sameDevice(name: string, a: Tensor, b: Tensor): Device {
  const da = a.device;
  const db = b.device;
  if (da !== db && !db.equals(da)) return operandDevice(name, [a, b]);
  return da;
}

const INTEGER_DIVISIONS: ReadonlySet<BinaryOp> = new Set<BinaryOp>(['truncDivide', 'floorDivide', 'remainder', 'fmod']);

/**
 * Integer arithmetic that PyTorch refuses: a zero divisor in integer division or
 * modulus (`ZeroDivisionError`, checked before any write; devices that read back only
 * asynchronously skip the check on tensor divisors) and integers to a negative number
 * power.
 */
function checkIntegerArgs(name: string, op: BinaryOp, compute: DType, b: TensorOrScalar, resultShape: readonly number[]): void {
  if (compute === bool && NO_BOOL_KERNEL[op] !== undefined && (b instanceof Tensor || op !== 'pow')) {
    throw new TorchRuntimeError(name, `"${NO_BOOL_KERNEL[op]}" not implemented for 'Bool'`);
  }
  if (compute.isFloatingPoint || compute.isComplex) return;
  if (op === 'pow' && compute !== bool) {
    // Only a number exponent: a tensor of negative exponents gives 0/±1 (PyTorch's pow kernel).
    if (typeof b === 'number' && b < 0) throw new TorchRuntimeError(name, 'Integers to negative integer powers are not allowed.');
    return;
  }
  if (!INTEGER_DIVISIONS.has(op) || numelOf(resultShape) === 0) return; // no element divides by zero
  // A number divisor is cast to the compute dtype first (256 is 0 in uint8).
  const zero = b instanceof Tensor ? b._storage.backend.syncRead && b.numel() > 0 && (b.eq(0).any().item() as boolean) : castScalar(Number(b), compute.name) === 0;
  if (zero) throw new TorchRuntimeError(name, 'ZeroDivisionError');
}

/**
 * In-place binary `self.op_(other)`: other broadcasts to self's shape, and the
 * promoted result must be castable to self's dtype.
 */
export function binaryInplace(name: string, op: BinaryOp, self: Tensor, otherIn: TensorOrScalar, rule: DtypeRule, attrs: Record<string, unknown> = {}): Tensor {
  const other: Tensor | Scalar = wrapComplexScalar(otherIn);
  checkOperand(name, other, 'other');
  if (other instanceof Tensor) operandDevice(name, [other], self);
  boolSubCheck(name, self, other, op);
  const base = name.replace(/_$/, '');
  // PyTorch's order: the op's own checks, overlap, shapes, the cast to self's dtype, then kernel support.
  const promoted = resultType(self, other);
  checkSupported(base, promoted, 'message');
  checkWritable(self, name);
  if (other instanceof Tensor) {
    const b = broadcastShapes(self._shape, other._shape, name);
    if (b.length !== self._shape.length || b.some((d, i) => d !== self._shape[i])) {
      throw new TorchRuntimeError(
        name,
        `output with shape [${self._shape.join(', ')}] doesn't match the broadcast shape [${b.join(', ')}]`,
      );
    }
  }
  const out = outputDtypeOf(rule, promoted);
  if (!canCast(out, self.dtype)) {
    throw new TorchRuntimeError(name, `result type ${cppName(out)} can't be cast to the desired output type ${cppName(self.dtype)}`);
  }
  checkSupported(base, promoted);
  const { compute } = outputDtypes(name, rule, promoted);
  if (compute.isComplex) checkComplexBinary(name, op, compute);
  checkIntegerArgs(name, op, compute, other, self._shape);
  notifyInplace(self, name);
  // An operand that aliases self with another layout would read half-written data.
  let src = other;
  if (src instanceof Tensor && src._storage === self._storage && !sameLayout(src, self)) src = src.clone();
  const backend = backendFor(self.device, compute, name);
  const dev = self.device;
  backend.binary(op, operandOf(self, self._shape, compute, name, dev), operandOf(src, self._shape, compute, name, dev), refOf(self), compute.name);
  bumpVersion(self);
  recordOp(name, other instanceof Tensor ? [self, other] : [self], [self], {
    ...attrs,
    inplace: true,
    ...(other instanceof Tensor ? {} : { scalarB: other }),
  });
  return self;
}

/**
 * Runs a fused ternary kernel ({@link TernaryOp}) in the float dtype `compute`, with
 * broadcasting; any operand but one may be a number. Records nothing: callers wrap
 * it in `composite` under the op autograd knows (`add`, `addcmul`, …).
 */
function ternaryOp(name: string, op: TernaryOp, self: TensorOrScalar, t1: TensorOrScalar, t2: TensorOrScalar, value: number, compute: DType): Tensor {
  const tensors = [self, t1, t2].filter((x): x is Tensor => x instanceof Tensor);
  const dev = operandDevice(name, tensors);
  let shape: readonly number[] = [];
  for (const t of tensors) shape = broadcastShapes(shape, t._shape, name);
  const backend = backendFor(dev, compute, name);
  const out = uninitTensorOn(backend, shape, compute, dev); // written in full by the kernel
  backend.ternary(
    op, operandOf(self, shape, compute, name, dev), operandOf(t1, shape, compute, name, dev), operandOf(t2, shape, compute, name, dev),
    castScalar(value, compute.name), refOf(out), compute.name,
  );
  return out;
}

/**
 * In-place {@link ternaryOp} into `self`: the operands broadcast to self's shape and
 * the float result must be castable to self's dtype. Records nothing (see ternaryOp).
 */
function ternaryInplace(name: string, op: TernaryOp, self: Tensor, t1: TensorOrScalar, t2: TensorOrScalar, value: number, compute: DType): Tensor {
  const others = [t1, t2].filter((x): x is Tensor => x instanceof Tensor);
  const dev = operandDevice(name, others, self);
  if (!canCast(compute, self.dtype)) {
    throw new TorchRuntimeError(name, `result type ${cppName(compute)} can't be cast to the desired output type ${cppName(self.dtype)}`);
  }
  let shape: readonly number[] = self._shape;
  for (const t of others) shape = broadcastShapes(shape, t._shape, name);
  if (shape.length !== self._shape.length || shape.some((d, i) => d !== self._shape[i])) {
    throw new TorchRuntimeError(name, `output with shape [${self._shape.join(', ')}] doesn't match the broadcast shape [${shape.join(', ')}]`);
  }
  checkWritable(self, name);
  notifyInplace(self, name);
  // An operand that aliases self with another layout would read half-written data.
  const safe = (x: TensorOrScalar): TensorOrScalar => (x instanceof Tensor && x._storage === self._storage && !sameLayout(x, self) ? x.clone() : x);
  const a = safe(t1);
  const b = safe(t2);
  const backend = backendFor(self.device, compute, name);
  backend.ternary(
    op, operandOf(self, self._shape, compute, name, dev), operandOf(a, self._shape, compute, name, dev), operandOf(b, self._shape, compute, name, dev),
    castScalar(value, compute.name), refOf(self), compute.name,
  );
  bumpVersion(self);
  return self;
}

/** In-place `self += alpha * other` (`add_`) or `self -= alpha * other` (`sub_`), as {@link add} computes it. */
export function addInplace(op: 'add_' | 'sub_', self: Tensor, other: TensorOrScalar, alpha: number | boolean): Tensor {
  const kernel = op === 'add_' ? 'add' : 'sub';
  if (alpha === 1) return binaryInplace(op, kernel, self, other, 'same');
  checkOperand(op, other, 'other');
  boolSubCheck(op, self, other, kernel);
  const promoted = resultType(self, other);
  checkAlpha(op, promoted, alpha);
  const signed = op === 'sub_' ? -Number(alpha) : Number(alpha);
  const inputs = other instanceof Tensor ? [self, other] : [self];
  const attrs = { alpha, inplace: true, ...(other instanceof Tensor ? {} : { scalarB: other }) };
  if (promoted.isFloatingPoint) {
    return composite(op, inputs, attrs, () => ternaryInplace(op, 'addcmul', self, other, signed, 1, promoted));
  }
  const scaled = (t: Tensor) => (promoted === bool ? mul(t, signed !== 0) : mul(t.to(promoted), signed));
  return composite(op, inputs, attrs, () => binaryInplace(op, 'add', self, other instanceof Tensor ? scaled(other) : Number(other) * signed, 'same'));
}

function sameLayout(a: Tensor, b: Tensor): boolean {
  return a._offset === b._offset && a._shape.length === b._shape.length && a._shape.every((d, i) => d === b._shape[i] && a._strides[i] === b._strides[i]);
}

// ------------------------------------------------- functions from catalogue rows

/** `torch.<key>(x)` for a unary kernel row: the PyTorch name and dtype rule come from the row. */
export function unaryFn<K extends keyof typeof UNARY>(key: K): <D extends DTypeName>(input: Tensor<D>) => Tensor<UnaryResultDType<(typeof UNARY)[K]['impl']['dtype'], D>> {
  const row = UNARY[key];
  return ((input: Tensor): Tensor => unaryOp(row.aten, key, input, row.impl.dtype)) as never;
}
/** `x.<key>_()` for a unary kernel row. */
export function unaryInplaceFn(key: keyof typeof UNARY): <D extends DTypeName>(input: Tensor<D>) => Tensor<D> {
  const row = UNARY[key];
  return ((input: Tensor): Tensor => unaryInplace(`${row.aten}_`, key, input, row.impl.dtype)) as never;
}
/** `torch.<key>(a, b)` for a binary kernel row; either operand may be a number. */
export function binaryFn<K extends keyof typeof BINARY>(
  key: K,
): <A extends TensorOrScalar, B extends TensorOrScalar>(input: A, other: B) => Tensor<BinaryResultDType<(typeof BINARY)[K]['impl']['dtype'], OperandDType<A>, OperandDType<B>>> {
  const row = BINARY[key];
  const scalars = scalarsOf(key);
  return ((input: TensorOrScalar, other: TensorOrScalar): Tensor => {
    checkScalarOperands(row.aten, scalars, input, other, false);
    return binaryOp(row.aten, key, input, other, row.impl.dtype);
  }) as never;
}

function scalarsOf(key: keyof typeof BINARY): 'both' | 'other' | 'none' {
  const impl = BINARY[key].impl as { scalars?: 'both' | 'other' | 'none' };
  return impl.scalars ?? 'both';
}

/**
 * PyTorch's Python binding: ops without a Scalar overload take tensors only, and some
 * take a number only as `other`. The texts are its arg parser's.
 */
function checkScalarOperands(name: string, scalars: 'both' | 'other' | 'none', input: unknown, other: unknown, inplace: boolean): void {
  if (scalars === 'both') return;
  const isNumber = (v: unknown) => typeof v === 'number' || typeof v === 'boolean';
  if (!inplace && isNumber(input) && other instanceof Tensor) {
    if (scalars === 'other') {
      throw new TorchTypeError(name, `${name}() received an invalid combination of arguments - got (${pyTypeName(input)}, Tensor), but expected one of:`);
    }
    throw new TorchTypeError(name, `${name}(): argument 'input' (position 1) must be Tensor, not ${pyTypeName(input)}`);
  }
  if (scalars === 'none' && isNumber(other)) {
    throw new TorchTypeError(inplace ? `${name}_` : name, `${inplace ? `${name}_` : name}(): argument 'other' (position ${inplace ? 1 : 2}) must be Tensor, not ${pyTypeName(other)}`);
  }
}
/** `x.<key>_(other)` for a binary kernel row. */
export function binaryInplaceFn(key: keyof typeof BINARY): <D extends DTypeName>(input: Tensor<D>, other: TensorOrScalar) => Tensor<D> {
  const row = BINARY[key];
  const scalars = scalarsOf(key);
  return ((input: Tensor, other: TensorOrScalar): Tensor => {
    expectTensor(`${row.aten}_`, 'input', 1, input);
    checkScalarOperands(row.aten, scalars, input, other, true);
    return binaryInplace(`${row.aten}_`, key, input, other, row.impl.dtype);
  }) as never;
}

// ---------------------------------------------------------------- unary ops

// Unary functions come from the catalogue rows (ops/generated.ts); these need more.

/** x² (bool squares to int64, as PyTorch's `pow(x, 2)` does). */
export function square(x: Tensor): Tensor {
  expectTensor('square', 'input', 1, x);
  return x.dtype === bool ? unaryOp('square', 'square', x.long(), 'same') : unaryOp('square', 'square', x, 'same');
}

/** In-place {@link square}: a bool tensor can't hold the int64 square (PyTorch's text). */
export function square_(x: Tensor): Tensor {
  expectTensor('square_', 'input', 1, x);
  if (x.dtype === bool) throw new TorchRuntimeError('square_', 'Found dtype Bool but expected Long');
  return unaryInplace('square_', 'square', x, 'same');
}
/** Options of {@link round}. */
export interface RoundOptions {
  /** Decimal places to round to (negative: to tens, hundreds, …); 0 by default. */
  decimals?: number;
}

/**
 * Rounds to the nearest integer, ties to even; with `decimals`, to that many decimal places
 * as PyTorch's kernel computes it: `nearbyint(x · 10^d) / 10^d` (or `nearbyint(x / 10^-d) · 10^-d`
 * for negative `d`) in the dtype's compute type (float32 for float16/bfloat16), so the rounding
 * of `x · 10^d` shows as PyTorch's does.
 * @example
 * ```ts pytorch=core.round
 * console.log(torch.round(torch.tensor([-1.5, -0.5, 0.5, 1.5, 2.5]))); // ties to even
 * console.log(torch.tensor([1.23456, 1234.5], 'float32').round({ decimals: 2 }));
 * console.log(torch.tensor([1.23456, 1234.5], 'float32').round({ decimals: -2 }));
 * ```
 * ```text
 * tensor([-2., -0.,  0.,  2.,  2.])
 * tensor([1.2300e+00, 1.2345e+03])
 * tensor([   0., 1200.])
 * ```
 */
export function round<D extends DTypeName>(x: Tensor<D>, opts?: RoundOptions): Tensor<UnaryResultDType<'same', D>> {
  expectTensor('round', 'input', 1, x);
  const decimals = roundDecimals('round', opts);
  if (decimals === 0) return unaryOp('round', 'round', x, 'same') as never;
  return composite('round', [x], { decimals }, () => roundToDecimals(x, decimals)) as never;
}

/** In-place {@link round}. */
export function round_<D extends DTypeName>(x: Tensor<D>, opts?: RoundOptions): Tensor<D> {
  expectTensor('round_', 'input', 1, x);
  const decimals = roundDecimals('round_', opts);
  if (decimals === 0) return unaryInplace('round_', 'round', x, 'same') as Tensor<D>;
  return composite('round_', [x], { decimals, inplace: true }, () => x.copy_(roundToDecimals(x, decimals))) as Tensor<D>;
}

function roundDecimals(op: string, opts: RoundOptions | undefined): number {
  if (opts !== undefined && (opts === null || typeof opts !== 'object')) {
    throw new TorchTypeError(op, `${op}(): expected an options object { decimals }, got ${pyTypeName(opts)}`);
  }
  const d = opts?.decimals ?? 0;
  if (typeof d !== 'number' || !Number.isInteger(d)) throw new TorchTypeError(op, `${op}(): argument 'decimals' must be int, not ${pyTypeName(d)}`);
  return d;
}

/** PyTorch's round_decimals kernel: floating dtypes only, computed in float32 for 16-bit floats. */
function roundToDecimals(x: Tensor, decimals: number): Tensor {
  if (!x.dtype.isFloatingPoint) throw new TorchRuntimeError('round', `"round_cpu" not implemented for '${cppName(x.dtype)}'`);
  const half = x.dtype.itemsize === 2;
  const v = half ? x.float() : x;
  const scale = 10 ** Math.abs(decimals);
  const r = decimals > 0 ? unaryOp('round', 'round', mul(v, scale), 'same').div(scale) : unaryOp('round', 'round', v.div(scale), 'same').mul(scale);
  return half ? r.to(x.dtype) : r;
}

// ---------------------------------------------------------------- binary ops

/** Options of `add`/`sub`: `alpha` scales the second operand. */
export interface AlphaOptions {
  /** Multiplier of `other` (default 1); a boolean only where the result is bool. */
  alpha?: number | boolean;
}

/**
 * `a + alpha * b`, broadcasting; either side may be a number.
 * @example
 * ```ts pytorch=core.add
 * const a = torch.tensor([1, 2, 3]);
 * console.log(torch.add(a, 10));
 * console.log(a.add(torch.tensor([0.5, 0.5, 0.5]), { alpha: 2 })); // a + 2 * b
 * ```
 * ```text
 * tensor([11, 12, 13])
 * tensor([2., 3., 4.])
 * ```
 */
export function add(a: TensorOrScalar, b: TensorOrScalar, opts?: AlphaOptions): Tensor {
  return withAlpha('add', a, b, opts?.alpha);
}
/**
 * `a - alpha * b`.
 * @example
 * ```ts pytorch=core.sub
 * const a = torch.tensor([5, 7]);
 * console.log(torch.sub(a, 2));
 * console.log(a.sub(torch.tensor([1, 1]), { alpha: 3 })); // a - 3 * b
 * ```
 * ```text
 * tensor([3, 5])
 * tensor([2, 4])
 * ```
 */
export function sub(a: TensorOrScalar, b: TensorOrScalar, opts?: AlphaOptions): Tensor {
  return withAlpha('sub', a, b, opts?.alpha);
}

/**
 * PyTorch's `alpha_check`: a fractional alpha needs a floating result.
 * @throws TorchRuntimeError `For integral input tensors, argument alpha must not be a floating point number.`
 */
function checkAlpha(op: string, dtype: DType, alpha: number | boolean): void {
  if (typeof alpha === 'boolean') {
    if (dtype !== bool) throw new TorchRuntimeError(op, 'Boolean alpha only supported for Boolean results.');
    return;
  }
  if (!dtype.isFloatingPoint && !dtype.isComplex && !Number.isInteger(alpha)) {
    throw new TorchRuntimeError(op, 'For integral input tensors, argument alpha must not be a floating point number.');
  }
}

/**
 * add/sub with `alpha`, recorded by autograd as one node (attrs.alpha, b unscaled) as
 * PyTorch does. Floats compute `fma(b, ±alpha, a)` with one rounding, as PyTorch's
 * CPU kernel does; integers are exact either way.
 */
function withAlpha(op: 'add' | 'sub', aIn: TensorOrScalar, bIn: TensorOrScalar, alpha: number | boolean | undefined): Tensor {
  const a: Tensor | Scalar = wrapComplexScalar(aIn);
  const b: Tensor | Scalar = wrapComplexScalar(bIn);
  if (alpha === undefined || alpha === 1) return binaryOp(op, op, a, b, 'same');
  checkOperand(op, a, 'input');
  checkOperand(op, b, 'other');
  if (!(a instanceof Tensor) && !(b instanceof Tensor)) return binaryOp(op, op, a, b, 'same');
  boolSubCheck(op, a, b, op);
  const promoted = resultType(a, b);
  checkAlpha(op, promoted, alpha);
  const tensors = [a, b].filter((x): x is Tensor => x instanceof Tensor);
  const attrs = { alpha, ...(a instanceof Tensor ? {} : { scalarA: a }), ...(b instanceof Tensor ? {} : { scalarB: b }) };
  const signed = op === 'sub' ? -Number(alpha) : Number(alpha);
  if (promoted.isFloatingPoint) {
    return composite(op, tensors, attrs, () => ternaryOp(op, 'addcmul', a, b, signed, 1, promoted));
  }
  // bool + bool·alpha stays bool: alpha acts as a truth value (PyTorch's add kernel casts it
  // to bool); integers scale other in the result dtype (a uint8 other must not wrap first).
  const scaled = (t: Tensor) => (promoted === bool ? mul(t, signed !== 0) : mul(t.to(promoted), signed));
  const scaledNumber = (v: number | boolean) => (promoted === bool ? Boolean(v) && signed !== 0 : Number(v) * signed);
  return composite(op, tensors, attrs, () => binaryOp('add', 'add', a, b instanceof Tensor ? scaled(b) : scaledNumber(b), 'same'));
}
/** Options of `div`: `roundingMode` `'trunc'` or `'floor'` (default: true division). */
export interface DivOptions {
  /** `null`/undefined for true division, `'trunc'` or `'floor'` for integer-style division. */
  roundingMode?: 'trunc' | 'floor' | null;
}

/**
 * `a / b`. True division gives a float even for integers. A number divided by a
 * tensor is `reciprocal(b) * a`, as PyTorch's `__rtruediv__` does.
 * @example
 * ```ts pytorch=core.div
 * const a = torch.tensor([7, -7]);
 * console.log(torch.div(a, 2)); // true division: a float result
 * console.log(torch.div(a, 2, { roundingMode: 'floor' }));
 * console.log(a.div(2, { roundingMode: 'trunc' }));
 * ```
 * ```text
 * tensor([ 3.5000, -3.5000])
 * tensor([ 3, -4])
 * tensor([ 3, -3])
 * ```
 */
export function div(a: TensorOrScalar, b: TensorOrScalar, opts?: DivOptions): Tensor {
  const mode = opts?.roundingMode ?? null;
  if (mode === 'trunc') return binaryOp('div', 'truncDivide', a, b, 'same', { roundingMode: mode });
  if (mode === 'floor') return binaryOp('div', 'floorDivide', a, b, 'same', { roundingMode: mode });
  if (!(a instanceof Tensor) && b instanceof Tensor) return mul(reciprocal(b), a);
  return binaryOp('div', 'div', a, b, 'float');
}
/**
 * Whether every element of a equals b's, with equal shapes (PyTorch's `torch.equal`).
 * On asynchronous devices (WebGPU) use {@link equalAsync}.
 */
export function equal(a: Tensor, b: Tensor): boolean {
  expectTensor('equal', 'input', 1, a);
  expectTensor('equal', 'other', 2, b);
  if (a._shape.length !== b._shape.length || a._shape.some((d, i) => d !== b._shape[i])) return false;
  if (!a._storage.backend.syncRead || !b._storage.backend.syncRead) {
    const dev = operandDevice('equal', [a, b]); // the device error first, as eq would raise it
    throw readsAsyncOnly(a._storage.device.equals(dev) ? a : b, 'equal', 'await torch.equalAsync(a, b)');
  }
  return eq(a, b).all().item() as boolean;
}

/** {@link equal} for any device: compares on the device, then reads back one element. */
export async function equalAsync(a: Tensor, b: Tensor): Promise<boolean> {
  if (a._shape.length !== b._shape.length || a._shape.some((d, i) => d !== b._shape[i])) return false;
  const [all] = await eq(a, b).all().data();
  return all !== 0;
}

// ------------------------------------------------------- ternary composites

/**
 * `cond ? a : b` elementwise, broadcasting all three; a and b may be numbers.
 * @example
 * ```ts pytorch=core.where
 * const x = torch.tensor([-1.5, 0.5, 2]);
 * console.log(torch.where(x.gt(0), x, 0));
 * ```
 * ```text
 * tensor([0.0000, 0.5000, 2.0000])
 * ```
 */
export function where(cond: Tensor): Tensor[];
export function where(cond: Tensor, a: TensorOrScalar, b: TensorOrScalar): Tensor;
export function where(cond: Tensor, aIn?: TensorOrScalar, bIn?: TensorOrScalar): Tensor | Tensor[] {
  // a complex scalar operand is a 0-dim complex tensor promoting as a wrapped number
  const a: Tensor | Scalar | undefined = aIn === undefined ? undefined : wrapComplexScalar(aIn);
  const b: Tensor | Scalar | undefined = bIn === undefined ? undefined : wrapComplexScalar(bIn);
  
  const name = 'where';
  if (!(cond instanceof Tensor)) throw new TorchTypeError(name, `where(): argument 'condition' must be Tensor`);
  // where(cond) is nonzero(cond, as_tuple=True): one index tensor per dim.
  if (a === undefined && b === undefined) return cond.nonzero().unbind(1);
  if (a === undefined || b === undefined) {
    throw new TorchTypeError(name, `where() received an invalid combination of arguments: give the condition alone, or the condition, input and other`);
  }
  checkOperand(name, a, 'input');
  checkOperand(name, b, 'other');
  if (cond.dtype !== bool && cond.dtype.name !== 'uint8') {
    throw new TorchRuntimeError(name, `where expected condition to be a boolean tensor, but got a tensor with dtype ${cppName(cond.dtype)}`);
  }
  const tensors = [cond, ...[a, b].filter((v): v is Tensor => v instanceof Tensor)];
  const dev = operandDevice(name, tensors);
  // A CPU scalar condition is written to the device (the kernel reads it as a view).
  const c = cond.device.equals(dev) ? cond : toDeviceSync(cond, dev);
  const dtype = resultType(a, b);
  for (const v of [a, b]) if (!(v instanceof Tensor)) expectScalarFits(name, v, dtype.name);
  let shape: readonly number[] = cond._shape;
  for (const v of [a, b]) if (v instanceof Tensor) shape = broadcastShapes(shape, v._shape, name);
  const backend = backendFor(dev, dtype, name);
  const out = uninitTensorOn(backend, shape, dtype, dev); // written in full by the kernel
  backend.where(
    refWith(c, shape, broadcastStrides(c._shape, c._strides, shape, name)),
    operandOf(a, shape, dtype, name, dev),
    operandOf(b, shape, dtype, name, dev),
    refOf(out),
  );
  recordOp(name, tensors.slice(1), [out], {
    condition: cond,
    ...(a instanceof Tensor ? {} : { scalarA: a }),
    ...(b instanceof Tensor ? {} : { scalarB: b }),
  });
  return out;
}

/**
 * Clamps into [min, max]; either bound may be null, a number, or a tensor.
 * NaN stays NaN.
 * @example
 * ```ts pytorch=core.clamp
 * console.log(torch.clamp(torch.tensor([-2, 0.5, 3]), -1, 1));
 * ```
 * ```text
 * tensor([-1.0000,  0.5000,  1.0000])
 * ```
 */
export function clamp(x: Tensor, min?: TensorOrScalar | null, max?: TensorOrScalar | null): Tensor {
  expectTensor('clamp', 'input', 1, x);
  if ((min === undefined || min === null) && (max === undefined || max === null)) {
    throw new TorchRuntimeError('clamp', "torch.clamp: At least one of 'min' or 'max' must not be None");
  }
  if (x.dtype.isComplex) throw new TorchRuntimeError('clamp', 'clamp is not supported for complex types');
  const bounds = [min, max].filter((b): b is Tensor => b instanceof Tensor);
  checkScalarBounds('clamp', x, min, max);
  const given = [min, max].filter((b): b is TensorOrScalar => b !== undefined && b !== null);
  const dt = resultType(x, ...given);
  checkBoolClamp(dt, min, max);
  return composite('clamp', [x, ...bounds], { min: min ?? null, max: max ?? null }, () => {
    // Both bounds apply in the result dtype (uint8 with a -1 bound and a 0.1 bound is float32).
    let r = x.dtype === dt ? x : x.to(dt);
    if (min !== undefined && min !== null) r = binaryOp('clamp_min', 'maximum', r, min, 'same');
    if (max !== undefined && max !== null) r = binaryOp('clamp_max', 'minimum', r, max, 'same');
    return r;
  });
}

// `clip` (alias of clamp) is generated from the catalogue row; its in-place form is here.
/** Alias of {@link clamp_} (PyTorch's `clip_`). */
export const clip_ = clamp_;

/**
 * Hard shrinkage: 0 where −λ ≤ x ≤ λ, else x (NaN stays NaN); float dtypes only. One
 * autograd node (`HardshrinkBackward0`); `nn.functional.hardshrink` is this function.
 */
export function hardshrink(x: Tensor, lambd = 0.5): Tensor {
  expectTensor('hardshrink', 'input', 1, x);
  expectNumber('hardshrink', 'lambd', 2, lambd);
  if (!x.dtype.isFloatingPoint) throw new TorchRuntimeError('hardshrink', `"hardshrink_cpu" not implemented for '${cppName(x.dtype)}'`);
  return composite('hardshrink', [x], { lambd }, () => where(x.ge(-lambd).logicalAnd(x.le(lambd)), 0, x));
}

/** PyTorch has no bool clamp kernel, except for a lone tensor bound; its texts per overload. */
function checkBoolClamp(dt: DType, min?: TensorOrScalar | null, max?: TensorOrScalar | null): void {
  if (dt !== bool) return;
  const has = (b?: TensorOrScalar | null) => b !== undefined && b !== null;
  const kernel =
    has(min) && has(max)
      ? min instanceof Tensor || max instanceof Tensor ? 'clamp_cpu' : 'clamp_scalar_cpu'
      : has(min) ? (min instanceof Tensor ? null : 'clamp_min_cpu') : max instanceof Tensor ? null : 'clamp_max_scalar_cpu';
  if (kernel !== null) throw new TorchRuntimeError('clamp', `"${kernel}" not implemented for 'Bool'`);
}

/** Number bounds become elements of the result dtype and must fit it. */
function checkScalarBounds(name: string, x: Tensor, min?: TensorOrScalar | null, max?: TensorOrScalar | null): void {
  const given = [min, max].filter((b): b is TensorOrScalar => b !== undefined && b !== null);
  const dtype = resultType(x, ...given);
  for (const b of given) if (!(b instanceof Tensor) && !(b instanceof Complex)) expectScalarFits(name, b, dtype.name);
}

/** In-place {@link clamp}. */
export function clamp_(x: Tensor, min?: TensorOrScalar | null, max?: TensorOrScalar | null): Tensor {
  expectTensor('clamp_', 'input', 1, x);
  if ((min === undefined || min === null) && (max === undefined || max === null)) {
    throw new TorchRuntimeError('clamp_', "torch.clamp: At least one of 'min' or 'max' must not be None");
  }
  const given = [min, max].filter((b): b is TensorOrScalar => b !== undefined && b !== null);
  for (const b of given) checkOperand('clamp_', b, 'min');
  const tensors = given.filter((b): b is Tensor => b instanceof Tensor);
  operandDevice('clamp_', tensors, x);
  const promoted = resultType(x, ...given);
  if (!canCast(promoted, x.dtype)) {
    // the number-bounds overload reports C++'s type name ('long int'), the tensor one ATen's ('Long')
    const cppType: Record<string, string> = { int64: 'long int', int32: 'int', int16: 'short int', int8: 'signed char', uint8: 'unsigned char', bool: 'bool' };
    const outName = tensors.length === 0 ? cppType[x.dtype.name] ?? cppName(x.dtype) : cppName(x.dtype);
    throw new TorchRuntimeError('clamp_', `result type ${cppName(promoted)} can't be cast to the desired output type ${outName}`);
  }
  checkScalarBounds('clamp_', x, min, max);
  for (const t of tensors) {
    const b = broadcastShapes(x._shape, t._shape, 'clamp_');
    if (b.length !== x._shape.length || b.some((d, i) => d !== x._shape[i])) {
      throw new TorchRuntimeError('clamp_', `output with shape ${fmtShape(x._shape)} doesn't match the broadcast shape ${fmtShape(b)}`);
    }
  }
  checkWritable(x, 'clamp_');
  // One write and one node (ClampBackward0/1), as PyTorch's clamp_ kernel; the
  // pre-write value is kept for the derivative before entering the composite.
  notifyInplace(x, 'clamp_');
  return composite('clamp_', [x, ...tensors], { min: min ?? null, max: max ?? null, inplace: true }, () => {
    const r = clamp(x, min, max);
    if (x.numel() > 0) backendFor(x.device, x.dtype, 'clamp_').copy(refOf(r), refOf(x));
    bumpVersion(x);
    return x;
  });
}

/** Options of `addcmul`/`addcdiv`. */
export interface ValueOptions {
  /** Multiplier of the product/quotient (default 1). */
  value?: number;
}

/** `input + value * t1 * t2`. */
export function addcmul(input: Tensor, t1: Tensor, t2: Tensor, opts?: ValueOptions): Tensor {
  expectTensor('addcmul', 'input', 1, input);
  return addcOp('addcmul', input, t1, t2, opts?.value ?? 1, false);
}

/** `input + value * t1 / t2`. */
export function addcdiv(input: Tensor, t1: Tensor, t2: Tensor, opts?: ValueOptions): Tensor {
  expectTensor('addcdiv', 'input', 1, input);
  return addcOp('addcdiv', input, t1, t2, opts?.value ?? 1, false);
}

/** In-place {@link addcmul} (`addcmul_`) or {@link addcdiv} (`addcdiv_`) into `self`. */
export function addcInplace(op: 'addcmul_' | 'addcdiv_', self: Tensor, t1: Tensor, t2: Tensor, opts?: ValueOptions): Tensor {
  return addcOp(op === 'addcmul_' ? 'addcmul' : 'addcdiv', self, t1, t2, opts?.value ?? 1, true);
}

/**
 * addcmul/addcdiv, out of place or in place: one autograd node. Floats go through the
 * fused kernel (PyTorch's roundings); integer addcmul is exact when composed.
 * @throws TorchRuntimeError for addcdiv on two integer tensors (PyTorch's text).
 */
function addcOp(op: 'addcmul' | 'addcdiv', self: Tensor, t1: Tensor, t2: Tensor, value: number, inplace: boolean): Tensor {
  const name = inplace ? `${op}_` : op;
  for (const [v, what] of [[self, 'input'], [t1, 'tensor1'], [t2, 'tensor2']] as const) {
    if (!(v instanceof Tensor)) throw new TorchTypeError(name, `${name}(): argument '${what}' must be Tensor, not ${v === null ? 'null' : typeof v}`);
  }
  // PyTorch refuses integer (and bool) division only: complex operands divide
  if (op === 'addcdiv' && t1.dtype.category <= 1 && t2.dtype.category <= 1) {
    // (PyTorch's text, double space included)
    throw new TorchRuntimeError(
      name,
      'Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes.',
    );
  }
  const promoted = resultType(self, t1, t2);
  // PyTorch has no bool addcmul kernel (its CPU text).
  if (promoted === bool) throw new TorchRuntimeError(name, `"${op}_cpu_out" not implemented for 'Bool'`);
  const attrs = inplace ? { value, inplace: true } : { value };
  if (promoted.isFloatingPoint) {
    return composite(name, [self, t1, t2], attrs, () =>
      inplace ? ternaryInplace(name, op, self, t1, t2, value, promoted) : ternaryOp(name, op, self, t1, t2, value, promoted),
    );
  }
  if (promoted.isComplex) {
    // PyTorch's complex kernel: self + (value·t1) ∘ t2, the value a complex scalar (so
    // value 1 multiplies too: 1·(inf + 0j) is inf + nanj in complex arithmetic)
    const scaled = mul(t1.to(promoted), wrapComplexScalar(new Complex(value, 0)));
    const term = op === 'addcmul' ? mul(scaled, t2) : div(scaled, t2);
    return composite(name, [self, t1, t2], attrs, () => (inplace ? binaryInplace(name, 'add', self, term, 'same') : add(self, term)));
  }
  expectScalarFits(name, value, promoted.name);
  const v = castScalar(value, promoted.name);
  const t1p = t1.to(promoted);
  const product = v === 1 ? mul(t1p, t2) : mul(mul(t1p, v), t2);
  return composite(name, [self, t1, t2], attrs, () => (inplace ? binaryInplace(name, 'add', self, product, 'same') : add(self, product)));
}

/** `start + weight * (end - start)`, PyTorch's formula for |weight| ≥ 0.5 included. */
export function lerp(start: Tensor, end: Tensor, weight: TensorOrScalar): Tensor {
  expectTensor('lerp', 'input', 1, start);
  expectTensor('lerp', 'end', 2, end);
  for (const [t, what] of [[end, 'end'], [weight, 'weight']] as const) {
    if (t instanceof Tensor && t.dtype !== start.dtype) {
      throw new TorchRuntimeError('lerp', `expected dtype ${cppName(start.dtype)} for \`${what}\` but got dtype ${cppName(t.dtype)}`);
    }
  }
  return composite('lerp', weight instanceof Tensor ? [start, end, weight] : [start, end], { weight }, () => inFloat32([start, end, weight] as const, ([s, e, w]) => lerpImpl(s, e, w)));
}

function lerpImpl(start: Tensor, end: Tensor, weight: TensorOrScalar): Tensor {
  // PyTorch: weight < 0.5 ? start + w*(end-start) : end - (end-start)*(1-w)
  const diff = sub(end, start);
  const low = add(start, mul(diff, weight));
  const high = sub(end, mul(diff, weight instanceof Tensor ? sub(1, weight) : 1 - (weight as number)));
  const small = weight instanceof Tensor ? lt(abs(weight), 0.5) : Math.abs(weight as number) < 0.5;
  if (typeof small === 'boolean') return small ? low : high;
  return where(small, low, high);
}
