/** Catalogue rows of the products ops (see `types.ts` for the row's fields). */
import type { OpTable } from './types.js';

const F = ['function'] as const;
const FM = ['function', 'method'] as const;
const FMI = ['function', 'method', 'inplace'] as const;

/**
 * The products ops: functions in `ops/products.ts` (`outer` in `ops/linalg.ts`), all
 * composites of existing ops. PyTorch 1.13 also has the function `torch.addmv_`
 * (exported as `addmv_`, the in-place form).
 */
export const PRODUCTS = {
  diag: { aten: 'diag', variants: FM, doc: 'A 1-D input on a diagonal of a square matrix, or the diagonal of a 2-D input (a copy).', impl: 'composite', grad: 'composite' },
  diagflat: { aten: 'diagflat', variants: FM, doc: 'The flattened input on a diagonal of a square matrix.', impl: 'composite', grad: 'composite' },
  diagEmbed: { aten: 'diag_embed', variants: FM, doc: 'The last dim placed on diagonals of the planes of two new dims.', impl: 'composite', grad: 'composite' },
  diagonal: { aten: 'diagonal', variants: FM, doc: 'A view of a diagonal with respect to two dims (the diagonal becomes the last dim).', impl: 'composite', grad: 'composite' },
  trace: { aten: 'trace', variants: FM, doc: 'Sum of the main diagonal of a matrix.', impl: 'composite', grad: 'composite' },
  kron: { aten: 'kron', variants: FM, doc: 'Kronecker product.', impl: 'composite', grad: 'composite' },
  blockDiag: { aten: 'block_diag', variants: F, doc: 'Block-diagonal matrix of the given tensors.', impl: 'composite', grad: 'composite' },
  cross: { aten: 'cross', variants: FM, doc: 'Cross product of 3-vectors along a dim (by default the first dim of size 3).', impl: 'composite', grad: 'composite' },
  cdist: { aten: 'cdist', variants: F, doc: 'p-norm distances between the rows of two batches of matrices.', impl: 'composite', grad: 'composite' },
  dist: { aten: 'dist', variants: FM, doc: 'p-norm of the difference of two tensors.', impl: 'composite', grad: 'composite' },
  tensordot: { aten: 'tensordot', variants: F, doc: 'Contraction of two tensors over the given dims.', impl: 'composite', grad: 'composite' },
  inner: { aten: 'inner', variants: FM, doc: 'Inner product over the last dims.', impl: 'composite', grad: 'composite' },
  outer: { aten: 'outer', variants: FM, doc: 'Outer product of two vectors.', aliases: ['ger'], impl: 'composite', grad: 'composite' },
  vdot: { aten: 'vdot', variants: FM, doc: 'Dot product of two vectors, conjugating the first.', impl: 'composite', grad: 'composite' },
  addmm: { aten: 'addmm', variants: FMI, doc: 'beta · input + alpha · (mat1 @ mat2).', impl: 'composite', grad: 'composite' },
  addmv: { aten: 'addmv', variants: FMI, doc: 'beta · input + alpha · (mat @ vec).', impl: 'composite', grad: 'composite' },
  addr: { aten: 'addr', variants: FMI, doc: 'beta · input + alpha · outer(vec1, vec2).', impl: 'composite', grad: 'composite' },
  baddbmm: { aten: 'baddbmm', variants: FMI, doc: 'beta · input + alpha · (batch1 @ batch2), batched.', impl: 'composite', grad: 'composite' },
  addbmm: { aten: 'addbmm', variants: FMI, doc: 'beta · input + alpha · Σ batch1[i] @ batch2[i].', impl: 'composite', grad: 'composite' },
  chainMatmul: { aten: 'chain_matmul', variants: F, doc: 'Product of matrices in the cheapest order (deprecated: linalg.multi_dot).', impl: 'composite', grad: 'composite' },
  cov: { aten: 'cov', variants: FM, doc: 'Covariance matrix of the rows (variables) over the columns (observations).', impl: 'composite', grad: 'composite' },
  corrcoef: { aten: 'corrcoef', variants: FM, doc: 'Pearson correlation coefficients of the rows.', impl: 'composite', grad: 'composite' },
  diff: { aten: 'diff', variants: FM, doc: 'n-th forward difference along a dim.', impl: 'composite', grad: 'composite' },
  trapezoid: { aten: 'trapezoid', variants: F, doc: 'Integral by the trapezoid rule along a dim.', aliases: ['trapz'], impl: 'composite', grad: 'composite' },
  cumulativeTrapezoid: { aten: 'cumulative_trapezoid', variants: F, doc: 'Running integral by the trapezoid rule along a dim.', impl: 'composite', grad: 'composite' },
  renorm: { aten: 'renorm', variants: FMI, doc: 'Slices along a dim with p-norm above maxnorm rescaled to maxnorm.', impl: 'composite', grad: 'composite' },
  vander: { aten: 'vander', variants: F, doc: 'Vandermonde matrix of a vector.', impl: 'composite', grad: 'composite' },
} as const satisfies OpTable;
