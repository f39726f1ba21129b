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

/**
 * Whether `v` is a plain object literal (`{ descending: true }`): the form PyTorch's keyword
 * arguments take as a trailing options object, as opposed to a tensor, an array or a scalar.
 */
export function isKeywordObject(v: unknown): v is Readonly<Record<string, unknown>> {
  if (v === null || typeof v !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Optional arguments that PyTorch takes by position or by keyword. `values` are what the caller
 * passed for the parameters `names`, in order. Where one of them is a plain object, it is a
 * trailing options object: its camelCase keys name that parameter and the later ones (plus the
 * keyword-only ones in `keywordOnly`); any later value must be another options object or absent.
 * A key naming no such parameter is PyTorch's `got an unexpected keyword argument`, a parameter
 * given twice is `got multiple values for argument`. Returns each parameter's value (`undefined`
 * where not given); check the values with {@link boolArg} or the other `expect*` helpers.
 */
export function keywordArgs(op: string, names: readonly string[], values: readonly unknown[], keywordOnly: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let keywordsFrom = -1;
  values.forEach((v, i) => {
    if (isKeywordObject(v)) {
      if (keywordsFrom < 0) keywordsFrom = i;
      const allowed = [...names.slice(keywordsFrom), ...keywordOnly];
      for (const key of Object.keys(v)) {
        if (!allowed.includes(key)) throw new TorchTypeError(op, `${op}() got an unexpected keyword argument '${key}'`);
        if (out[key] !== undefined) throw new TorchTypeError(op, `${op}() got multiple values for argument '${key}'`);
        out[key] = v[key];
      }
    } else if (v !== undefined) {
      const name = names[i];
      if (name === undefined) throw new TorchTypeError(op, `${op}(): options must be an object of keyword arguments, not ${pyTypeName(v)}`);
      if (keywordsFrom >= 0) throw new TorchTypeError(op, `${op}(): argument '${name}' cannot follow an options object, got ${pyTypeName(v)}`);
      out[name] = v;
    }
  });
  return out;
}

/**
 * The flags `keys` of an options object must be booleans where given (`null` counts as not
 * given): `linalg.cholesky(): argument 'upper' must be bool, not int`, never a truthy number.
 */
export function expectBoolOptions(op: string, opts: unknown, keys: readonly string[]): void {
  if (opts === null || typeof opts !== 'object') return;
  for (const key of keys) {
    const v = (opts as Record<string, unknown>)[key];
    if (v !== undefined && v !== null) expectBool(op, key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), undefined, v);
  }
}

/**
 * A boolean argument read by {@link keywordArgs}: `dflt` when absent; any value that is not a
 * boolean (a number, a tensor, null, an object) is PyTorch's type error, never a truthy flag.
 */
export function boolArg(op: string, name: string, pos: number | undefined, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  expectBool(op, name, pos, v);
  return v;
}

/** `v` must be a number or a boolean (a Python scalar). */
export function expectScalar(op: string, name: string, pos: number | undefined, v: unknown): asserts v is number | boolean {
  if (typeof v !== 'number' && typeof v !== 'boolean') throw new TorchTypeError(op, `${op}(): ${where(name, pos)} must be Number, not ${pyTypeName(v)}`);
}
