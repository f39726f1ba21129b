/**
 * Argument checks shared by every public op, with the texts of PyTorch's Python
 * argument parser (`torch/csrc/utils/python_arg_parser.cpp`), so a wrong type is a
 * `TorchTypeError` naming the op, the argument and what was passed, never a V8
 * `TypeError` from deeper down.
 */
import { TorchRuntimeError, TorchTypeError } from './errors.js';
import { Tensor } from './tensor.js';

/** The Python type name PyTorch would report for a JavaScript value. */
export function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (v instanceof Tensor) return 'Tensor';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'function') return 'function';
  if (Array.isArray(v)) return 'list';
  return (v as object).constructor?.name ?? 'object';
}

function where(name: string, pos: number | undefined): string {
  return pos === undefined ? `argument '${name}'` : `argument '${name}' (position ${pos})`;
}

/** `v` must be a Tensor: `matmul(): argument 'other' (position 2) must be Tensor, not int`. */
export function expectTensor(op: string, name: string, pos: number | undefined, v: unknown): asserts v is Tensor {
  if (!(v instanceof Tensor)) throw new TorchTypeError(op, `${op}(): ${where(name, pos)} must be Tensor, not ${pyTypeName(v)}`);
}

/** Every element of a tensor list must be a Tensor: `expected Tensor as element 1 in argument 0, but got int`. */
export function expectTensorList(op: string, pos: number, v: unknown): asserts v is Tensor[] {
  if (!Array.isArray(v)) throw new TorchTypeError(op, `${op}(): argument 'tensors' (position ${pos + 1}) must be tuple of Tensors, not ${pyTypeName(v)}`);
  v.forEach((t, i) => {
    if (!(t instanceof Tensor)) throw new TorchTypeError(op, `expected Tensor as element ${i} in argument ${pos}, but got ${pyTypeName(t)}`);
  });
}

/** `v` must be an integer number: `linspace(): argument 'steps' (position 3) must be int, not float`. */
export function expectInt(op: string, name: string, pos: number | undefined, v: unknown): asserts v is number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new TorchTypeError(op, `${op}(): ${where(name, pos)} must be int, not ${pyTypeName(v)}`);
}

/** `v` must be an integer or a list of integers: `roll(): argument 'shifts' (position 2) must be tuple of ints, not float`. */
export function expectIntOrList(op: string, name: string, pos: number | undefined, v: unknown): void {
  if (typeof v === 'number' && Number.isInteger(v)) return;
  if (Array.isArray(v)) {
    v.forEach((d, i) => {
      if (typeof d !== 'number' || !Number.isInteger(d)) {
        throw new TorchTypeError(op, `${op}(): ${where(name, pos)} must be tuple of ints, but found element of type ${pyTypeName(d)} at pos ${i + 1}`);
      }
    });
    return;
  }
  throw new TorchTypeError(op, `${op}(): ${where(name, pos)} must be tuple of ints, not ${pyTypeName(v)}`);
}

/** `v` must be a list of integers: `as_strided(): argument 'size' (position 2) must be tuple of ints, not int`. */
export function expectIntList(op: string, name: string, pos: number | undefined, v: unknown): asserts v is number[] {
  if (!Array.isArray(v)) throw new TorchTypeError(op, `${op}(): ${where(name, pos)} must be tuple of ints, not ${pyTypeName(v)}`);
  expectIntOrList(op, name, pos, v);
}

/** `v` must be a number: `normal_(): argument 'mean' (position 2) must be float, not Tensor`. */
export function expectNumber(op: string, name: string, pos: number | undefined, v: unknown): asserts v is number {
  if (typeof v !== 'number') throw new TorchTypeError(op, `${op}(): ${where(name, pos)} must be float, not ${pyTypeName(v)}`);
}

const CPP_NAMES: Record<string, string> = { uint8: 'uint8_t', int32: 'int', int64: 'int64_t' };
const INT_RANGE: Record<string, [number, number]> = { uint8: [-255, 255], int32: [-2147483648, 2147483647], int64: [-(2 ** 63), 2 ** 63 - 1] };

/**
 * A number stored into an integer dtype must fit it, as PyTorch's `checked_convert`
 * demands where a Python scalar becomes an element (fill, full, clamp bounds, where,
 * masked_fill, addcmul's value): `value cannot be converted to type uint8_t without
 * overflow`. uint8 takes -255..255 (negative values wrap, as in C++); NaN and ±inf never fit.
 */
export function expectScalarFits(op: string, v: number | boolean, dtype: string): void {
  const range = INT_RANGE[dtype];
  if (range === undefined || typeof v === 'boolean') return;
  if (!(v >= range[0] && v <= range[1])) throw new TorchRuntimeError(op, `value cannot be converted to type ${CPP_NAMES[dtype]} without overflow`);
}

/** `v` must be a boolean: `relu(): argument 'inplace' (position 2) must be bool, not Tensor`. */
export function expectBool(op: string, name: string, pos: number | undefined, v: unknown): asserts v is boolean {
  if (typeof v !== 'boolean') throw new TorchTypeError(op, `${op}(): ${where(name, pos)} must be bool, not ${pyTypeName(v)}`);
}

/**
 * A `keepdim` argument: positional (`x.amax(1, true)`) or PyTorch's keyword as a trailing
 * options object (`x.amax(1, { keepdim: true })`).
 */
export type KeepdimArg = boolean | { readonly keepdim?: boolean };

/**
 * The boolean of a {@link KeepdimArg}. Anything else (a number, a tensor, an object of
 * another kind) is PyTorch's type error, never a truthy `keepdim`.
 */
export function keepdimArg(op: string, pos: number, k: unknown): boolean {
  if (k === undefined) return false;
  if (k !== null && typeof k === 'object' && (Object.getPrototypeOf(k) === Object.prototype || Object.getPrototypeOf(k) === null)) {
    const v = (k as { keepdim?: unknown }).keepdim;
    if (v === undefined) return false;
    expectBool(op, 'keepdim', pos, v);
    return v;
  }
  expectBool(op, 'keepdim', pos, k);
  return k;
}

/** `v` must be a number or a boolean (a Python scalar). */
export function expectScalar(op: string, name: string, pos: number | undefined, v: unknown): asserts v is number | boolean {
  if (typeof v !== 'number' && typeof v !== 'boolean') throw new TorchTypeError(op, `${op}(): ${where(name, pos)} must be Number, not ${pyTypeName(v)}`);
}
