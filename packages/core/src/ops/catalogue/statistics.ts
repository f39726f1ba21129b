/** Catalogue rows of the statistics ops (see `types.ts` for the row's fields). */
import type { OpTable } from './types.js';

const FM = ['function', 'method'] as const;
const F = ['function'] as const;

/** The statistics ops. */
export const STATISTICS = {
  median: { aten: 'median', variants: FM, doc: 'The median of all elements, or `(values, indices)` along a dim (the lower median; NaN propagates).', impl: 'composite', grad: 'composite', manualMethod: true },
  nanmedian: { aten: 'nanmedian', variants: FM, doc: 'The median ignoring NaN, of all elements or `(values, indices)` along a dim.', impl: 'composite', grad: 'composite', manualMethod: true },
  mode: { aten: 'mode', variants: FM, doc: 'The most frequent value along a dim and the index of its last occurrence: `(values, indices)`.', impl: 'composite', grad: 'composite' },
  kthvalue: { aten: 'kthvalue', variants: FM, doc: 'The k-th smallest element along a dim: `(values, indices)`.', impl: 'composite', grad: 'composite' },
  quantile: { aten: 'quantile', variants: FM, doc: 'The q-th quantiles of all elements or along a dim, interpolated (linear, lower, higher, midpoint, nearest).', impl: 'composite', grad: 'composite' },
  nanquantile: { aten: 'nanquantile', variants: FM, doc: 'The q-th quantiles ignoring NaN.', impl: 'composite', grad: 'composite' },
  msort: { aten: 'msort', variants: FM, doc: 'Sorts along the first dim (values only).', impl: 'composite', grad: 'composite' },
  nanmean: { aten: 'nanmean', variants: FM, doc: 'The mean over dims ignoring NaN.', impl: 'composite', grad: 'composite' },
  stdMean: { aten: 'std_mean', variants: F, doc: 'The standard deviation and the mean over dims: `[std, mean]`.', impl: 'composite', grad: 'composite' },
  varMean: { aten: 'var_mean', variants: F, doc: 'The variance and the mean over dims: `[var, mean]`.', impl: 'composite', grad: 'composite' },
  aminmax: { aten: 'aminmax', variants: FM, doc: 'The minimum and maximum, of all elements or over a dim: `(min, max)`.', impl: 'composite', grad: 'composite' },
  countNonzero: { aten: 'count_nonzero', variants: FM, doc: 'The number of nonzero elements over dims (int64).', impl: 'composite', grad: 'none' },
  searchsorted: { aten: 'searchsorted', variants: F, doc: 'Insertion indices of values into a sequence sorted along its last dim.', impl: 'composite', grad: 'none' },
  bucketize: { aten: 'bucketize', variants: F, doc: 'The bucket of each element among sorted 1-D boundaries.', impl: 'composite', grad: 'none' },
  isin: { aten: 'isin', variants: F, doc: 'Whether each element is among the test elements (bool).', impl: 'composite', grad: 'none' },
  bincount: { aten: 'bincount', variants: FM, doc: 'Occurrences (or summed weights) of each value of a 1-D non-negative integer tensor.', impl: 'composite', grad: 'none' },
  histc: { aten: 'histc', variants: FM, doc: 'A histogram of equal-width bins over [min, max].', impl: 'composite', grad: 'none' },
  histogram: { aten: 'histogram', variants: FM, doc: 'A histogram with its bin edges: `(hist, bin_edges)`.', impl: 'composite', grad: 'none' },
  histogramdd: { aten: 'histogramdd', variants: F, doc: 'A D-dimensional histogram of points with each dim\'s bin edges: `(hist, bin_edges)`.', impl: 'composite', grad: 'none' },
  unique: { aten: 'unique', variants: FM, doc: 'The sorted unique elements (or slices along a dim), optionally with inverse indices and counts.', impl: 'composite', grad: 'none' },
  uniqueConsecutive: { aten: 'unique_consecutive', variants: FM, doc: 'Collapses runs of equal consecutive elements (or slices), optionally with inverse indices and counts.', impl: 'composite', grad: 'none' },
  argwhere: { aten: 'argwhere', variants: FM, doc: 'The indices of nonzero elements, `[count, ndim]`.', impl: 'composite', grad: 'none' },
  isclose: { aten: 'isclose', variants: FM, doc: 'Elementwise |a − b| <= atol + rtol·|b| (bool).', impl: 'composite', grad: 'none' },
  allclose: { aten: 'allclose', variants: FM, doc: 'Whether all elements are close (a boolean).', impl: 'composite', grad: 'none' },
} as const satisfies OpTable;
