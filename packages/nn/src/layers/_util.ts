/**
 * @internal Helpers shared by the layer constructors: parameter allocation and the
 * argument checks of every module, optimizer and scheduler constructor (PyTorch's
 * Python argument-parser texts, `Linear(): argument 'in_features' (position 1) must be
 * int, not float`, so bad input is a `TorchError` before any work or random draw).
 */
import {
  type DTypeLike,
  Tensor,
  TorchTypeError,
  TorchValueError,
  empty,
  expectBool,
  expectInt,
  expectIntOrList,
  expectNumber,
  expectTensor,
  keywordArgs,
  pyTypeName,
  toDType,
} from '@antorcha/core';
import { defaultGenerator } from '@antorcha/rng';
import { Module } from '../module.js';
import { Parameter } from '../parameter.js';

/**
 * A constructor's optional arguments `names`, positional or as PyTorch's keywords in one trailing
 * options object (`new nn.ReLU({ inplace: true })`); `defaults` fill the ones not given. The values
 * are checked afterwards by {@link checkArgs}.
 */
export function ctorArgs(op: string, names: readonly string[], values: readonly unknown[], defaults: readonly unknown[]): unknown[] {
  const kw = keywordArgs(op, names, values);
  return names.map((name, i) => (kw[name] === undefined ? defaults[i] : kw[name]));
}

/** Options every layer constructor accepts (PyTorch's `factory_kwargs`). */
export interface FactoryOptions {
  /** Parameter dtype (default float32). */
  dtype?: DTypeLike;
}

/** An uninitialised parameter of `shape` (filled by the layer's `resetParameters`). */
export function emptyParam(shape: readonly number[], opts?: FactoryOptions): Parameter {
  return new Parameter(empty([...shape], opts?.dtype !== undefined ? { dtype: opts.dtype } : undefined));
}

/**
 * What an argument must be:
 * - `'int'`: an integer; `'size'`: an integer ≥ 0; `'positive'`: an integer > 0;
 * - `'number'`: any number; `'bool'`: a boolean; `'ints'`: an integer or a list of them;
 * - `'tensor'`, `'module'`, `'function'`, `'string'`;
 * - `'dtype'`: a dtype or dtype name; `'reduction'`: `'mean'`, `'sum'` or `'none'`;
 * - `'any'`: not checked;
 * - a list of strings: one of them.
 *
 * A trailing `?` (`'int?'`) also accepts `null` (PyTorch's `None`).
 */
export type ArgKind = BaseKind | `${BaseKind}?` | readonly (string | null)[];

type BaseKind = 'int' | 'size' | 'positive' | 'number' | 'bool' | 'ints' | 'tensor' | 'module' | 'function' | 'string' | 'dtype' | 'reduction' | 'any';

/** PyTorch's name for the type of `v`, with plain objects as Python's `dict`. */
export function typeNameOf(v: unknown): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto === Object.prototype || proto === null) return 'dict';
  }
  return pyTypeName(v);
}

function where(name: string, pos: number | undefined): string {
  return pos === undefined ? `argument '${name}'` : `argument '${name}' (position ${pos})`;
}

function show(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined ? String(v) : typeNameOf(v);
}

/** `weightDecay` → `weight_decay` (the PyTorch name that messages use). */
export function snakeCase(k: string): string {
  return k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * Checks one argument of `op` against `kind`, raising PyTorch's argument-parser
 * `TypeError` for a wrong type and a `ValueError` for an integer out of range.
 */
export function checkArg(op: string, name: string, pos: number | undefined, v: unknown, kind: ArgKind): void {
  if (typeof kind !== 'string') {
    if (!kind.includes(v as string | null)) {
      const list = kind.map((k) => (k === null ? 'None' : `'${k}'`)).join(', ');
      throw new TorchValueError(op, `${op}(): ${where(name, pos)} must be one of ${list}, not ${show(v)}`);
    }
    return;
  }
  let k = kind as string;
  if (k.endsWith('?')) {
    if (v === null) return;
    k = k.slice(0, -1);
  }
  switch (k as BaseKind) {
    case 'int':
      expectInt(op, name, pos, v);
      return;
    case 'size':
    case 'positive':
      expectInt(op, name, pos, v);
      if (k === 'size' ? v < 0 : v <= 0) throw new TorchValueError(op, `${op}(): ${where(name, pos)} must be a ${k === 'size' ? 'non-negative' : 'positive'} integer, got ${v}`);
      return;
    case 'number':
      expectNumber(op, name, pos, v);
      return;
    case 'bool':
      expectBool(op, name, pos, v);
      return;
    case 'ints':
      expectIntOrList(op, name, pos, v);
      return;
    case 'tensor':
      expectTensor(op, name, pos, v);
      return;
    case 'module':
      if (!(v instanceof Module)) throw new TorchTypeError(op, `${op}(): ${where(name, pos)} must be Module, not ${typeNameOf(v)}`);
      return;
    case 'function':
      if (typeof v !== 'function') throw new TorchTypeError(op, `${op}(): ${where(name, pos)} must be callable, not ${typeNameOf(v)}`);
      return;
    case 'string':
      if (typeof v !== 'string') throw new TorchTypeError(op, `${op}(): ${where(name, pos)} must be str, not ${typeNameOf(v)}`);
      return;
    case 'dtype':
      toDType(v as DTypeLike);
      return;
    case 'reduction':
      if (v !== 'mean' && v !== 'sum' && v !== 'none') throw new TorchValueError(op, `${show(v).replace(/^'|'$/g, '')} is not a valid value for reduction`);
      return;
    case 'any':
      return;
  }
}

/**
 * Checks positional arguments: `[name, value, kind]` in order (positions count from 1,
 * as PyTorch's do). Pass values after defaults are applied; `undefined` is a missing
 * required argument.
 */
export function checkArgs(op: string, args: readonly (readonly [string, unknown, ArgKind])[]): void {
  args.forEach(([name, v, kind], i) => checkArg(op, name, i + 1, v, kind));
}

/**
 * Checks an options argument: an object (or `undefined`) whose keys are all in `spec`
 * (a misspelt option is an error, as an unexpected keyword argument is in Python) and
 * whose values match their kinds; `undefined` values mean "default" and are skipped.
 * Messages name options by PyTorch's snake_case names. Returns the options (`{}` when
 * undefined).
 */
export function checkOptions<T extends object>(op: string, opts: T | undefined, spec: Readonly<Record<string, ArgKind>>, pos?: number): T {
  if (opts === undefined) return {} as T;
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts) || opts instanceof Tensor || opts instanceof Module || opts instanceof Map || opts instanceof Set) {
    throw new TorchTypeError(op, `${op}(): ${pos === undefined ? 'the options argument' : `argument 'options' (position ${pos})`} must be an object, not ${typeNameOf(opts)}`);
  }
  for (const [key, v] of Object.entries(opts)) {
    if (v === undefined) continue;
    const kind = spec[key];
    if (kind === undefined) {
      const known = Object.keys(spec).filter((k) => !k.startsWith('_'));
      throw new TorchTypeError(op, `${op}(): got an unexpected option '${key}' (expected one of: ${known.join(', ')})`);
    }
    checkArg(op, snakeCase(key), undefined, v, kind);
  }
  return opts;
}

/** The option kinds of {@link FactoryOptions}. */
export const FACTORY: Readonly<Record<string, ArgKind>> = { dtype: 'dtype' };

/**
 * The module's input tensor: `op(): argument 'input' (position 1) must be Tensor, not
 * NoneType` when it is not one (for modules that read the input before an `F` op does).
 */
export function expectInput(op: string, v: unknown, name = 'input', pos = 1): asserts v is Tensor {
  expectTensor(op, name, pos, v);
}

/**
 * Refuses `new Base()` for an abstract base class (it lacks what subclasses supply),
 * as Python refuses to instantiate an abstract class.
 */
export function refuseAbstract(target: unknown, base: unknown, name: string): void {
  if (target === base) throw new TorchTypeError(name, `Can't instantiate abstract class ${name}`);
}

/**
 * Runs `build` and, if it throws, puts the default generator back where it was, so a
 * composite module whose later part fails after an earlier part drew (a constructor
 * allocating a huge layer after initialising another, a forward meeting a bad mask
 * after a dropout) leaves the random stream untouched.
 */
export function restoreRngOnError<T>(build: () => T): T {
  const state = defaultGenerator.getState();
  try {
    return build();
  } catch (e) {
    defaultGenerator.setState(state);
    throw e;
  }
}
