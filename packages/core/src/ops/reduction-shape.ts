/** Shape helpers shared by reductions. */
import { Tensor } from '../tensor.js';

/** Re-inserts size-1 dims at `dims` (sorted) for keepdim results: a view. */
export function unsqueezeDims(t: Tensor, dims: readonly number[], ndim: number): Tensor {
  if (dims.length === 0) return t;
  const shape: number[] = [];
  let k = 0;
  for (let i = 0; i < ndim; i++) shape.push(dims.includes(i) ? 1 : t._shape[k++]!);
  return t.view(shape);
}
