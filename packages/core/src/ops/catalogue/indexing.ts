/**
 * Catalogue rows of the indexing ops (see `types.ts` for the row's fields): index
 * assignment, the index_* / scatter_reduce / put / take family and einsum. Functions live
 * in `ops/scatter.ts`.
 */
import type { OpTable } from './types.js';

const F = ['function'] as const;
const FM = ['function', 'method'] as const;
const FI = ['function', 'inplace'] as const;
const FMI = ['function', 'method', 'inplace'] as const;
const C = 'composite' as const;

/** The indexing ops. */
export const INDEXING = {
  // ---------------------------------------------------------------- assignment
  setIndex: {
    aten: '__setitem__',
    variants: FI,
    doc: "Index assignment, PyTorch's `x[specs] = value` (`x.setIndex_(specs, value)`; `setIndex` returns a modified copy).",
    impl: C,
    grad: 'composite',
  },
  indexPut: { aten: 'index_put', variants: FMI, doc: 'Writes (or with `accumulate`, adds) values at the positions a tuple of index tensors picks.', impl: C, grad: 'composite' },

  // ---------------------------------------------------------------- index_* along a dim
  indexAdd: { aten: 'index_add', variants: FMI, doc: 'Adds `alpha * source` into the slices along a dim picked by a 1-D index.', impl: C, grad: 'composite' },
  indexCopy: { aten: 'index_copy', variants: FMI, doc: 'Copies the slices of `source` into the slices along a dim picked by a 1-D index.', impl: C, grad: 'composite' },
  indexFill: { aten: 'index_fill', variants: FMI, doc: 'Fills the slices along a dim picked by a 1-D index with a value.', impl: C, grad: 'composite' },
  indexReduce: { aten: 'index_reduce', variants: FMI, doc: 'Reduces (prod, mean, amax, amin) the slices of `source` into the slices along a dim picked by a 1-D index.', impl: C, grad: 'composite' },

  // ---------------------------------------------------------------- scatter / masks / flat indices
  scatterReduce: { aten: 'scatter_reduce', variants: FMI, doc: 'Scatters `src` along a dim, reducing collisions (sum, prod, mean, amax, amin).', impl: C, grad: 'composite' },
  maskedScatter: { aten: 'masked_scatter', variants: FMI, doc: 'Copies consecutive elements of `source` into the positions where a mask is true.', impl: C, grad: 'composite' },
  take: { aten: 'take', variants: FM, doc: 'Elements at flat (row-major) indices, in the index\'s shape.', impl: C, grad: 'composite' },
  takeAlongDim: { aten: 'take_along_dim', variants: FM, doc: 'Values along a dim at indices that broadcast with the input (gather with broadcasting).', impl: C, grad: 'composite' },
  put: { aten: 'put', variants: FMI, doc: 'Writes (or with `accumulate`, adds) values at flat (row-major) indices.', impl: C, grad: 'composite' },

  // ---------------------------------------------------------------- contractions
  einsum: { aten: 'einsum', variants: F, doc: 'Einstein summation over an equation such as `ij,jk->ik` (ellipsis, diagonals, implicit output).', impl: C, grad: 'composite' },
} as const satisfies OpTable;
