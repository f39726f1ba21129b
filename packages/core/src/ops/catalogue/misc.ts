/** Catalogue rows of elementwise composites and views with hand-written functions and methods. */
import type { OpTable } from './types.js';

const hand = { manualFunction: true, manualMethod: true } as const;

/** Clamping, interpolation and selection built on the kernels. */
export const MISC = {
  clamp: { aten: 'clamp', variants: ['function', 'method', 'inplace'], doc: 'Clamps into [min, max] (either bound a number, a tensor or null).', aliases: ['clip'], impl: 'composite', grad: 'rule', ...hand },
  lerp: { aten: 'lerp', variants: ['function', 'method', 'inplace'], doc: '`start + weight·(end − start)`, PyTorch’s formula for |weight| ≥ 0.5 included.', impl: 'composite', grad: 'rule', ...hand },
  where: { aten: 'where', variants: ['function', 'method'], doc: '`cond ? a : b` elementwise (with one argument: the indices where cond holds).', impl: 'composite', grad: 'rule', ...hand },
  hardshrink: { aten: 'hardshrink', variants: ['function', 'method'], doc: 'Hard shrinkage: 0 where −λ ≤ x ≤ λ, else x (float only).', impl: 'composite', grad: 'rule', manualFunction: true },
  adjoint: { aten: 'adjoint', variants: ['function', 'method'], doc: 'Conjugate transpose of the last two dims (the transpose for real dtypes): a view.', impl: 'composite', grad: 'composite', manualFunction: true },
} as const satisfies OpTable;
