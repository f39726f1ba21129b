/** Argument normalisation shared by the functional ops. */
import { type DType, type Generator, TorchRuntimeError, TorchTypeError, cppName, defaultGenerator, expectBoolOptions, expectIntOrList, pyTypeName } from '@antorcha/core';

/** An int or a tuple of `n` ints (PyTorch's `_pair`, `_single`). */
export type IntOrTuple = number | readonly number[];

/** Expands an int to `n` copies; checks a tuple's length. */
export function ntuple(x: IntOrTuple, n: number, op: string, what: string): number[] {
  expectIntOrList(op, what, undefined, x);
  if (typeof x === 'number') return new Array<number>(n).fill(x);
  if (x.length === 1 && n > 1) return new Array<number>(n).fill(x[0]!);
  if (x.length !== n) throw new TorchRuntimeError(op, `${op}: expected ${what} to be a single integer value or a list of ${n} values`);
  return [...x];
}

/** PyTorch keywords that are flags wherever the functional ops take them (`None` allowed where PyTorch allows it). */
const FLAG_KEYWORDS = [
  'alignCorners', 'antialias', 'averageAttnWeights', 'batchFirst', 'ceilMode', 'countIncludePad', 'full', 'hard', 'includeLast',
  'inplace', 'isCausal', 'keepdim', 'logInput', 'needWeights', 'recomputeScaleFactor', 'reduce', 'returnIndices', 'scaleGradByFreq',
  'sizeAverage', 'sparse', 'training', 'zeroInfinity',
];

/**
 * An options argument must be an object when given (`null` or a number is a user error), and
 * its flags (`alignCorners`, `returnIndices`, `training`, …) booleans: PyTorch's type error,
 * never a truthy number taken for `true`.
 */
export function expectOptions(op: string, opts: unknown): void {
  if (opts !== undefined && (opts === null || typeof opts !== 'object' || Array.isArray(opts))) {
    throw new TorchTypeError(op, `${op}(): the options argument must be an object, not ${pyTypeName(opts)}`);
  }
  expectBoolOptions(op, opts, FLAG_KEYWORDS);
}

/** The reduction PyTorch's losses take. */
export type Reduction = 'mean' | 'sum' | 'none';

/** PyTorch's `NotImplementedError` (a `RuntimeError` subclass in Python). */
export class TorchNotImplementedError extends TorchRuntimeError {
  /** @internal */
  constructor(op: string, message: string) {
    super(op, message);
    (this as { pythonName: string }).pythonName = 'NotImplementedError';
    this.name = 'TorchNotImplementedError';
  }
}

/**
 * Runs `fn`; if it throws, puts `generator` (default: the global one) back where it was,
 * so a random op that fails after drawing leaves the stream untouched.
 */
export function keepRngOnError<T>(generator: Generator | undefined, fn: () => T): T {
  const gen = generator ?? defaultGenerator;
  const state = gen.getState();
  try {
    return fn();
  } catch (e) {
    gen.setState(state);
    throw e;
  }
}

/**
 * PyTorch's CPU dispatch refusal for integer and bool inputs: throws
 * `"<kernel>" not implemented for '<Type>'` unless `x` is floating point or complex
 * (or int64, when `allowInt64` is set: the kernels that also dispatch on Long).
 */
export function expectFloatKernel(op: string, kernel: string, x: { readonly dtype: DType }, allowInt64 = false): void {
  const d = x.dtype;
  if (d.isFloatingPoint || d.isComplex || (allowInt64 && d.name === 'int64')) return;
  throw new TorchRuntimeError(op, `"${kernel}" not implemented for '${cppName(d)}'`);
}

/**
 * A Python `float` argument converted to an integer dtype must fit it, as c10's
 * `checked_convert` of a double demands (uint8 takes 0..255 here: only integer scalars wrap):
 * `value cannot be converted to type uint8_t without overflow`.
 */
export function expectDoubleFits(op: string, v: number, dtype: DType): void {
  const ranges: Record<string, [number, number, string]> = { uint8: [0, 255, 'uint8_t'], int32: [-2147483648, 2147483647, 'int'], int64: [-(2 ** 63), 2 ** 63 - 1, 'int64_t'] };
  const r = ranges[dtype.name];
  if (r !== undefined && !(v >= r[0] && v <= r[1])) throw new TorchRuntimeError(op, `value cannot be converted to type ${r[2]} without overflow`);
}
