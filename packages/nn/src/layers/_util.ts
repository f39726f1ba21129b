/** @internal Helpers shared by the layer constructors. */
import { type DTypeLike, empty } from '@antorcha/core';
import { Parameter } from '../parameter.js';

/** Options every layer constructor accepts (PyTorch's `factory_kwargs`). */
export interface FactoryOptions {
  /** Parameter dtype (default float32). */
  dtype?: DTypeLike;
}

/** An uninitialised parameter of `shape` (filled by the layer's `resetParameters`). */
export function emptyParam(shape: readonly number[], opts?: FactoryOptions): Parameter {
  return new Parameter(empty([...shape], opts?.dtype !== undefined ? { dtype: opts.dtype } : undefined));
}
