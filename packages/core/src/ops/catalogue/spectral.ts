/** Catalogue rows of the `torch.*` spellings of the spectral linear-algebra ops (see `types.ts` for the row's fields). */
import type { OpTable } from './types.js';

const FM = ['function', 'method'] as const;

/** The functions live in `ops/spectral.ts` (wrappers of `torch.linalg`, recorded under the `linalg_*` names). */
export const SPECTRAL = {
  svd: { aten: 'svd', variants: FM, doc: 'Singular value decomposition returning V (deprecated in PyTorch for linalg.svd).', impl: 'composite', grad: 'composite' },
  pinverse: { aten: 'pinverse', variants: FM, doc: 'The pseudoinverse (linalg.pinv with rtol = rcond).', impl: 'composite', grad: 'composite' },
} as const satisfies OpTable;
