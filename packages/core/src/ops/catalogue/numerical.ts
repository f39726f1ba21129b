/** Catalogue rows of numerical differentiation and buffer-backed creation (see `types.ts` for the row's fields). */
import type { OpTable } from './types.js';

const F = ['function'] as const;

/** `torch.gradient` and `torch.frombuffer` (functions only in PyTorch 1.13: no Tensor methods). */
export const NUMERICAL = {
  gradient: { aten: 'gradient', variants: F, doc: 'Central-difference estimate of the gradient along each dim (unit, per-dim or coordinate spacing; edge order 1 or 2).', impl: 'composite', grad: 'composite', manualFunction: true },
  frombuffer: { aten: 'frombuffer', variants: F, doc: 'A 1-D CPU tensor over the bytes of a buffer, sharing its memory.', impl: 'composite', grad: 'none', manualFunction: true },
} as const satisfies OpTable;
