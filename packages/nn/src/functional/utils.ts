/** Argument normalisation shared by the functional ops. */
import { TorchRuntimeError } from '@antorcha/core';

/** An int or a tuple of `n` ints (PyTorch's `_pair`, `_single`). */
export type IntOrTuple = number | readonly number[];

/** Expands an int to `n` copies; checks a tuple's length. */
export function ntuple(x: IntOrTuple, n: number, op: string, what: string): number[] {
  if (typeof x === 'number') return new Array<number>(n).fill(x);
  if (x.length === 1 && n > 1) return new Array<number>(n).fill(x[0]!);
  if (x.length !== n) throw new TorchRuntimeError(op, `${op}: expected ${what} to be a single integer value or a list of ${n} values`);
  return [...x];
}

/** The reduction PyTorch's losses take. */
export type Reduction = 'mean' | 'sum' | 'none';
