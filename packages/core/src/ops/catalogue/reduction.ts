/**
 * Catalogue rows of reductions, scans and the fused ternary ops. Kernel rows' keys are
 * the kernel names (`ReduceOp`, `ScanOp`, `TernaryOp` in backend.ts derive from them);
 * their functions live in `ops/reduction.ts` / `ops/elementwise.ts` (options objects and
 * overloads the generator does not write).
 */
import type { OpTable } from './types.js';

const FM = ['function', 'method'] as const;
const FMI = ['function', 'method', 'inplace'] as const;
const REDUCE = { family: 'reduce' } as const;
const SCAN = { family: 'scan' } as const;
const TERNARY = { family: 'ternary' } as const;
const hand = { manualFunction: true, manualMethod: true } as const;

/** Reductions over dims (kernel `reduce`). */
export const REDUCE_OPS = {
  sum: { aten: 'sum', variants: FM, doc: 'Sum of elements, over all or some dims.', impl: REDUCE, grad: 'rule', ...hand },
  nansum: { aten: 'nansum', variants: FM, doc: 'Sum treating NaN as zero.', impl: REDUCE, grad: 'rule', ...hand },
  prod: { aten: 'prod', variants: FM, doc: 'Product of elements, over all or one dim.', impl: REDUCE, grad: 'rule', ...hand },
  max: { aten: 'max', variants: FM, doc: 'Maximum: of all elements, along a dim (values and indices), or elementwise with another tensor.', impl: REDUCE, grad: 'composite', ...hand },
  min: { aten: 'min', variants: FM, doc: 'Minimum: of all elements, along a dim (values and indices), or elementwise with another tensor.', impl: REDUCE, grad: 'composite', ...hand },
  argmax: { aten: 'argmax', variants: FM, doc: 'Index of the maximum (first one; NaN counts as the maximum).', impl: REDUCE, grad: 'none', ...hand },
  argmin: { aten: 'argmin', variants: FM, doc: 'Index of the minimum (first one; NaN counts as the minimum).', impl: REDUCE, grad: 'none', ...hand },
  all: { aten: 'all', variants: FM, doc: 'Whether every element is true (non-zero).', impl: REDUCE, grad: 'none', ...hand },
  any: { aten: 'any', variants: FM, doc: 'Whether some element is true (non-zero).', impl: REDUCE, grad: 'none', ...hand },
  amax: { aten: 'amax', variants: FM, doc: 'Maximum over dims (gradient spread evenly over ties).', impl: 'composite', grad: 'rule', ...hand },
  amin: { aten: 'amin', variants: FM, doc: 'Minimum over dims (gradient spread evenly over ties).', impl: 'composite', grad: 'rule', ...hand },
  mean: { aten: 'mean', variants: FM, doc: 'Mean over all or some dims.', impl: 'composite', grad: 'rule', ...hand },
  var: { aten: 'var', variants: FM, doc: 'Variance (with `correction`, default 1).', impl: 'composite', grad: 'rule', ...hand },
  std: { aten: 'std', variants: FM, doc: 'Standard deviation (with `correction`, default 1).', impl: 'composite', grad: 'rule', ...hand },
  logsumexp: { aten: 'logsumexp', variants: FM, doc: 'log Σ eˣ over dims, computed stably.', impl: 'composite', grad: 'rule', ...hand },
  norm: { aten: 'norm', variants: FM, doc: 'Vector p-norm (or Frobenius) over all or some dims.', impl: 'composite', grad: 'rule', ...hand },
} as const satisfies OpTable;

/** Scans along one dim (kernel `scan`). */
export const SCAN_OPS = {
  cumsum: { aten: 'cumsum', variants: FMI, doc: 'Cumulative sum along a dim (integers accumulate in int64).', impl: SCAN, grad: 'rule', manualFunction: true },
  cumprod: { aten: 'cumprod', variants: FMI, doc: 'Cumulative product along a dim.', impl: SCAN, grad: 'rule', manualFunction: true },
  cummax: { aten: 'cummax', variants: FM, doc: 'Running maximum along a dim: values and indices.', impl: SCAN, grad: 'rule', manualFunction: true },
  cummin: { aten: 'cummin', variants: FM, doc: 'Running minimum along a dim: values and indices.', impl: SCAN, grad: 'rule', manualFunction: true },
  logcumsumexp: { aten: 'logcumsumexp', variants: FM, doc: 'log of the cumulative sum of eˣ along a dim, computed stably (float only).', impl: SCAN, grad: 'rule', manualFunction: true },
} as const satisfies OpTable;

/** Fused pointwise ops of three operands (kernel `ternary`). */
export const TERNARY_OPS = {
  addcmul: { aten: 'addcmul', variants: FMI, doc: '`input + value·t1·t2`, rounded as PyTorch’s fused kernel.', impl: TERNARY, grad: 'rule', ...hand },
  addcdiv: { aten: 'addcdiv', variants: FMI, doc: '`input + value·t1/t2`, rounded as PyTorch’s fused kernel.', impl: TERNARY, grad: 'rule', ...hand },
} as const satisfies OpTable;
