/**
 * Catalogue rows of the structure ops (see `types.ts` for the row's fields): stacking and
 * splitting, shape views (and their `*_copy` forms), in-place view ops and creation-like
 * ops. Functions live in `ops/structure.ts`, or in `ops/views.ts` / `ops/indexing.ts` /
 * `ops/conversion.ts` for ops that were there before their row (cat, transpose, movedim,
 * t, squeeze, unsqueeze, as_strided, tril, triu, fill_).
 */
import type { OpTable } from './types.js';

const F = ['function'] as const;
const M = ['method'] as const;
const I = ['inplace'] as const;
const FM = ['function', 'method'] as const;
const MI = ['method', 'inplace'] as const;
const FI = ['function', 'inplace'] as const;
const FMI = ['function', 'method', 'inplace'] as const;
const C = 'composite' as const;

/** The structure ops. */
export const STRUCTURE = {
  // ---------------------------------------------------------------- stacking
  cat: { aten: 'cat', variants: F, doc: 'Concatenates tensors along a dim.', aliases: ['concat', 'concatenate'], impl: C, grad: 'composite' },
  hstack: { aten: 'hstack', variants: F, doc: 'Concatenates horizontally (dim 0 of 1-D tensors, else dim 1).', impl: C, grad: 'composite' },
  vstack: { aten: 'vstack', variants: F, doc: 'Concatenates vertically (dim 0), 1-D tensors as rows.', aliases: ['row_stack'], impl: C, grad: 'composite' },
  dstack: { aten: 'dstack', variants: F, doc: 'Concatenates depth-wise (dim 2), tensors made 3-D first.', impl: C, grad: 'composite' },
  columnStack: { aten: 'column_stack', variants: F, doc: 'Stacks 1-D tensors as columns (and concatenates 2-D ones along dim 1).', impl: C, grad: 'composite' },
  atleast1d: { aten: 'atleast_1d', variants: F, doc: 'Views with at least one dim.', impl: C, grad: 'composite' },
  atleast2d: { aten: 'atleast_2d', variants: F, doc: 'Views with at least two dims.', impl: C, grad: 'composite' },
  atleast3d: { aten: 'atleast_3d', variants: F, doc: 'Views with at least three dims.', impl: C, grad: 'composite' },

  // ---------------------------------------------------------------- splitting
  tensorSplit: { aten: 'tensor_split', variants: FM, doc: 'Splits into n nearly equal views, or at the given indices, along a dim.', impl: C, grad: 'composite' },
  hsplit: { aten: 'hsplit', variants: FM, doc: 'Splits horizontally into equal sections or at indices (views).', impl: C, grad: 'composite' },
  vsplit: { aten: 'vsplit', variants: FM, doc: 'Splits vertically (dim 0) into equal sections or at indices (views).', impl: C, grad: 'composite' },
  dsplit: { aten: 'dsplit', variants: FM, doc: 'Splits depth-wise (dim 2) into equal sections or at indices (views).', impl: C, grad: 'composite' },
  splitWithSizes: { aten: 'split_with_sizes', variants: FM, doc: 'Splits into views of the given sizes along a dim.', impl: C, grad: 'composite' },
  unsafeSplit: { aten: 'unsafe_split', variants: FM, doc: '`split` whose pieces are not tracked as views of one multi-output op.', impl: C, grad: 'composite' },
  unsafeChunk: { aten: 'unsafe_chunk', variants: FM, doc: '`chunk` whose pieces are not tracked as views of one multi-output op.', impl: C, grad: 'composite' },
  unsafeSplitWithSizes: { aten: 'unsafe_split_with_sizes', variants: FM, doc: '`split_with_sizes` whose pieces are not tracked as views of one multi-output op.', impl: C, grad: 'composite' },

  // ---------------------------------------------------------------- shape views
  broadcastTo: { aten: 'broadcast_to', variants: FM, doc: 'A broadcast view with a larger shape (as `expand`).', impl: C, grad: 'composite' },
  transpose: { aten: 'transpose', variants: FMI, doc: 'Swaps two dims (a view; in place: changes strides).', aliases: ['swapaxes', 'swapdims'], impl: C, grad: 'composite' },
  movedim: { aten: 'movedim', variants: FM, doc: 'Moves dims to new positions (a view).', aliases: ['moveaxis'], impl: C, grad: 'composite' },
  t: { aten: 't', variants: FMI, doc: 'Transpose of a ≤2-D tensor (a view; in place: changes strides).', impl: C, grad: 'composite' },
  squeeze: { aten: 'squeeze', variants: FMI, doc: 'Removes size-1 dims (a view; in place: changes the shape).', impl: C, grad: 'composite' },
  unsqueeze: { aten: 'unsqueeze', variants: FMI, doc: 'Inserts a size-1 dim (a view; in place: changes the shape).', impl: C, grad: 'composite' },
  asStrided: { aten: 'as_strided', variants: FMI, doc: 'A view with explicit size, stride and storage offset (in place: sets them).', impl: C, grad: 'composite' },
  ravel: { aten: 'ravel', variants: FM, doc: 'The elements as 1-D (a view when contiguous).', impl: C, grad: 'composite' },
  unfold: { aten: 'unfold', variants: M, doc: 'Sliding windows of a dim as a new last dim (a view).', impl: C, grad: 'composite' },
  fliplr: { aten: 'fliplr', variants: FM, doc: 'Reverses dim 1.', impl: C, grad: 'composite' },
  flipud: { aten: 'flipud', variants: FM, doc: 'Reverses dim 0.', impl: C, grad: 'composite' },
  rot90: { aten: 'rot90', variants: FM, doc: 'Rotates by 90° k times in the plane of two dims.', impl: C, grad: 'composite' },

  // ---------------------------------------------------------------- *_copy forms (new tensors, not views)
  narrowCopy: { aten: 'narrow_copy', variants: FM, doc: '`narrow` as a new tensor.', impl: C, grad: 'composite' },
  viewCopy: { aten: 'view_copy', variants: F, doc: '`view` as a new tensor.', impl: C, grad: 'composite' },
  expandCopy: { aten: 'expand_copy', variants: F, doc: '`expand` as a new tensor.', impl: C, grad: 'composite' },
  permuteCopy: { aten: 'permute_copy', variants: F, doc: '`permute` as a new tensor.', impl: C, grad: 'composite' },
  squeezeCopy: { aten: 'squeeze_copy', variants: F, doc: '`squeeze` as a new tensor.', impl: C, grad: 'composite' },
  unsqueezeCopy: { aten: 'unsqueeze_copy', variants: F, doc: '`unsqueeze` as a new tensor.', impl: C, grad: 'composite' },
  tCopy: { aten: 't_copy', variants: F, doc: '`t` as a new tensor.', impl: C, grad: 'composite' },
  transposeCopy: { aten: 'transpose_copy', variants: F, doc: '`transpose` as a new tensor.', impl: C, grad: 'composite' },
  selectCopy: { aten: 'select_copy', variants: F, doc: '`select` as a new tensor.', impl: C, grad: 'composite' },
  sliceCopy: { aten: 'slice_copy', variants: F, doc: 'A `start:end:step` slice of a dim as a new tensor.', impl: C, grad: 'composite' },
  splitCopy: { aten: 'split_copy', variants: F, doc: '`split` as new tensors.', impl: C, grad: 'composite' },
  splitWithSizesCopy: { aten: 'split_with_sizes_copy', variants: F, doc: '`split_with_sizes` as new tensors.', impl: C, grad: 'composite' },
  unbindCopy: { aten: 'unbind_copy', variants: F, doc: '`unbind` as new tensors.', impl: C, grad: 'composite' },
  unfoldCopy: { aten: 'unfold_copy', variants: F, doc: '`Tensor.unfold` as a new tensor.', impl: C, grad: 'composite' },
  diagonalCopy: { aten: 'diagonal_copy', variants: F, doc: 'The diagonal of two dims as a new tensor.', impl: C, grad: 'composite' },
  aliasCopy: { aten: 'alias_copy', variants: F, doc: 'A copy of the tensor (its alias, copied).', impl: C, grad: 'composite' },
  asStridedCopy: { aten: 'as_strided_copy', variants: F, doc: '`as_strided` as a new tensor.', impl: C, grad: 'composite' },
  detachCopy: { aten: 'detach_copy', variants: F, doc: '`detach` as a new tensor.', impl: C, grad: 'none' },

  // ---------------------------------------------------------------- creation-like and predicates
  newZeros: { aten: 'new_zeros', variants: M, doc: 'Zeros with this tensor’s dtype and device unless given.', impl: C, grad: 'none' },
  newOnes: { aten: 'new_ones', variants: M, doc: 'Ones with this tensor’s dtype and device unless given.', impl: C, grad: 'none' },
  newFull: { aten: 'new_full', variants: M, doc: 'A filled tensor with this tensor’s dtype and device unless given.', impl: C, grad: 'none' },
  newEmpty: { aten: 'new_empty', variants: M, doc: 'An uninitialised tensor with this tensor’s dtype and device unless given.', impl: C, grad: 'none' },
  newEmptyStrided: { aten: 'new_empty_strided', variants: M, doc: 'An uninitialised strided tensor with this tensor’s dtype and device unless given.', impl: C, grad: 'none' },
  emptyStrided: { aten: 'empty_strided', variants: F, doc: 'An uninitialised tensor with the given size and strides.', impl: C, grad: 'none' },
  typeAs: { aten: 'type_as', variants: M, doc: 'Cast to another tensor’s dtype.', impl: C, grad: 'composite' },
  resize: { aten: 'resize', variants: MI, doc: 'Another shape of the same number of elements (deprecated out-of-place form); in place: resizes the storage.', impl: C, grad: 'composite' },
  resizeAs: { aten: 'resize_as', variants: MI, doc: 'Another tensor’s shape (deprecated out-of-place form); in place: resizes to it.', impl: C, grad: 'composite' },
  sumToSize: { aten: 'sum_to_size', variants: M, doc: 'Sums down to a shape that broadcasts to this one.', impl: C, grad: 'composite' },
  isSameSize: { aten: 'is_same_size', variants: FM, doc: 'Whether two tensors have the same shape.', impl: C, grad: 'none' },
  isSigned: { aten: 'is_signed', variants: FM, doc: 'Whether the dtype is signed.', impl: C, grad: 'none' },
  isFloatingPoint: { aten: 'is_floating_point', variants: FM, doc: 'Whether the dtype is floating point.', impl: C, grad: 'none', manualMethod: true },
  ndimension: { aten: 'ndimension', variants: M, doc: 'Number of dims.', impl: C, grad: 'none' },
  nelement: { aten: 'nelement', variants: M, doc: 'Number of elements.', impl: C, grad: 'none' },
  numel: { aten: 'numel', variants: FM, doc: 'Number of elements.', impl: C, grad: 'none', manualMethod: true },
  isNonzero: { aten: 'is_nonzero', variants: FM, doc: 'Whether a one-element tensor is nonzero.', impl: C, grad: 'none' },
  isTensor: { aten: 'is_tensor', variants: F, doc: 'Whether a value is a Tensor.', impl: C, grad: 'none' },
  meshgrid: { aten: 'meshgrid', variants: F, doc: 'Coordinate grids of 1-D tensors (views), `ij` or `xy` indexing.', impl: C, grad: 'composite' },
  cartesianProd: { aten: 'cartesian_prod', variants: F, doc: 'Cartesian product of 1-D tensors, one row per combination.', impl: C, grad: 'composite' },
  combinations: { aten: 'combinations', variants: F, doc: 'Length-r combinations of a 1-D tensor’s elements.', impl: C, grad: 'composite' },
  trilIndices: { aten: 'tril_indices', variants: F, doc: 'Coordinates of a matrix’s lower triangle.', impl: C, grad: 'none' },
  triuIndices: { aten: 'triu_indices', variants: F, doc: 'Coordinates of a matrix’s upper triangle.', impl: C, grad: 'none' },
  repeatInterleave: { aten: 'repeat_interleave', variants: FM, doc: 'Repeats each slice of a dim (int or per-slice tensor repeats).', impl: C, grad: 'composite' },
  logspace: { aten: 'logspace', variants: F, doc: 'Values base^e for exponents evenly spaced from start to end.', impl: C, grad: 'none' },
  range: { aten: 'range', variants: F, doc: 'Values from start to end inclusive, step apart (deprecated; use arange).', impl: C, grad: 'none' },
  asTensor: { aten: 'as_tensor', variants: F, doc: 'A tensor from data, sharing a given tensor when nothing changes.', impl: C, grad: 'composite' },
  asarray: { aten: 'asarray', variants: F, doc: 'A tensor from data, with a copy choice.', impl: C, grad: 'composite' },
  fill: { aten: 'fill', variants: FI, doc: 'A new tensor like the input, filled with a value.', impl: C, grad: 'composite' },
  fillDiagonal: { aten: 'fill_diagonal', variants: I, doc: 'Fills the main diagonal in place (optionally wrapping tall matrices).', impl: C, grad: 'composite' },
  tril: { aten: 'tril', variants: FMI, doc: 'Lower triangle of the last two dims, others zero.', impl: C, grad: 'composite' },
  triu: { aten: 'triu', variants: FMI, doc: 'Upper triangle of the last two dims, others zero.', impl: C, grad: 'composite' },
} as const satisfies OpTable;
