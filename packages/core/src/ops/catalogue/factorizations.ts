/** Catalogue rows of the `torch.*` spellings of the linear-algebra ops (see `types.ts` for the row's fields). */
import type { OpTable } from './types.js';

const F = ['function'] as const;
const FM = ['function', 'method'] as const;

/**
 * The functions live in `ops/factorizations.ts` (wrappers of `torch.linalg`, whose
 * derivatives autograd records under the `linalg_*` names).
 */
export const FACTORIZATIONS = {
  det: { aten: 'det', variants: FM, doc: 'The determinant of square matrices (linalg.det).', impl: 'composite', grad: 'composite' },
  logdet: { aten: 'logdet', variants: FM, doc: 'The log of the determinant (NaN where negative).', impl: 'composite', grad: 'composite' },
  slogdet: { aten: 'slogdet', variants: FM, doc: 'Sign and log-absolute-value of the determinant.', impl: 'composite', grad: 'composite' },
  inverse: { aten: 'inverse', variants: FM, doc: 'The inverse of square matrices (linalg.inv).', impl: 'composite', grad: 'composite' },
  cholesky: { aten: 'cholesky', variants: FM, doc: 'The Cholesky factor (deprecated in PyTorch for linalg.cholesky).', impl: 'composite', grad: 'composite' },
  choleskySolve: { aten: 'cholesky_solve', variants: FM, doc: 'Solves A·X = B given the Cholesky factor of A.', impl: 'composite', grad: 'composite' },
  choleskyInverse: { aten: 'cholesky_inverse', variants: FM, doc: 'The inverse of A from its Cholesky factor.', impl: 'composite', grad: 'composite' },
  lu: { aten: 'lu', variants: FM, doc: 'LU factorization with pivots (deprecated in PyTorch for linalg.lu_factor).', impl: 'composite', grad: 'composite' },
  luUnpack: { aten: 'lu_unpack', variants: F, doc: 'P, L and U from a packed LU factorization.', impl: 'composite', grad: 'composite' },
  luSolve: { aten: 'lu_solve', variants: FM, doc: 'Solves A·X = b from an LU factorization (deprecated in PyTorch for linalg.lu_solve).', impl: 'composite', grad: 'composite' },
  triangularSolve: { aten: 'triangular_solve', variants: FM, doc: 'Triangular solve returning the solution and a copy of A (deprecated in PyTorch).', impl: 'composite', grad: 'composite' },
  qr: { aten: 'qr', variants: FM, doc: 'QR decomposition (deprecated in PyTorch for linalg.qr).', impl: 'composite', grad: 'composite' },
  geqrf: { aten: 'geqrf', variants: FM, doc: "LAPACK's geqrf: R and the Householder reflectors (its derivative is not implemented, as in PyTorch).", impl: 'composite', grad: 'composite' },
  orgqr: { aten: 'orgqr', variants: FM, doc: 'The product of Householder reflectors (linalg.householder_product).', impl: 'composite', grad: 'composite' },
  ormqr: { aten: 'ormqr', variants: FM, doc: 'Multiplies a matrix by the Q of a geqrf factorization.', impl: 'composite', grad: 'composite' },
  matrixExp: { aten: 'matrix_exp', variants: FM, doc: 'The matrix exponential (linalg.matrix_exp).', impl: 'composite', grad: 'composite' },
  matrixPower: { aten: 'matrix_power', variants: FM, doc: 'The integer power of square matrices (linalg.matrix_power).', impl: 'composite', grad: 'composite' },
} as const satisfies OpTable;
