/**
 * PyTorch's `torch.return_types.<name>` results of the linalg ops (`Q, R`,
 * `sign, logabsdet`, `LU, pivots, info`, …): arrays (destructure them) with the fields
 * also reachable by name (`r.Q`), printing as PyTorch prints them.
 */
import type { Tensor } from '../tensor.js';
import { returnTypeRepr } from '../ops/dispatch.js';

/** A named tuple of tensors: `[Q, R]` with `.Q` and `.R`. */
export type NamedTuple<N extends string> = readonly Tensor[] & { readonly [K in N]: Tensor };

/** Builds a named tuple `torch.return_types.<name>` from its fields, in order. */
export function namedTuple<N extends string>(name: string, fields: readonly (readonly [N, Tensor])[]): NamedTuple<N> {
  const arr = fields.map(([, t]) => t) as Tensor[] & Record<string, unknown>;
  for (const [k, t] of fields) Object.defineProperty(arr, k, { value: t, enumerable: false });
  Object.defineProperty(arr, 'toString', {
    value: () => returnTypeRepr(name, fields.map(([k, t]) => [k, t.toString()] as const)),
    enumerable: false,
  });
  Object.defineProperty(arr, Symbol.for('nodejs.util.inspect.custom'), { value: () => arr.toString(), enumerable: false });
  return arr as unknown as NamedTuple<N>;
}
