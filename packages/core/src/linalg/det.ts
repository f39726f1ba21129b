/** Determinants from the LU factorization: `det`, `slogdet`, and `torch.logdet`. */
import { composite } from '../autograd-hook.js';
import { int32 } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import { expectTensor } from '../validate.js';
import { arange } from '../ops/creation.js';
import { where } from '../ops/elementwise.js';
import { checkFloat, checkSquare } from './errors.js';
import { getrf } from './lu.js';
import { type NamedTuple, namedTuple } from './tuple.js';
import { matDims } from './util.js';

/** The diagonal of U and the sign (±1, A's dtype) of the row permutation of A's LU factorization. */
function luDiagSign(op: string, A: Tensor): [Tensor, Tensor] {
  const [LU, piv] = getrf(op, A);
  const n = matDims(A)[0];
  const swaps = piv.ne(arange(1, n + 1, { dtype: int32, device: A.device })).sum(-1);
  const sign = swaps.remainder(2).mul(-2).add(1).to(A.dtype);
  return [LU.diagonal(0, -2, -1), sign];
}

function checkDetInput(op: string, A: Tensor): void {
  expectTensor(op, 'A', 1, A);
  checkSquare(op, A);
  checkFloat(op, A, false, true);
}

/**
 * The determinant of square matrices (product of U's diagonal of the LU factorization,
 * signed by the row permutation).
 * @example
 * ```ts pytorch=core.linalg.det
 * console.log(torch.linalg.det(torch.tensor([[4, 1], [2, 3]], 'float64')));
 * ```
 * ```text
 * tensor(10., dtype=torch.float64)
 * ```
 */
export function det(A: Tensor): Tensor {
  const op = 'linalg.det';
  checkDetInput(op, A);
  return composite('linalg_det', [A], {}, () => {
    const [d, sign] = luDiagSign(op, A);
    return d.prod(-1).mul(sign);
  });
}

/**
 * The sign and the natural log of the absolute value of the determinant (`sign` 0 and
 * `logabsdet` −inf for a singular matrix): stable where `det` over- or underflows.
 */
export function slogdet(A: Tensor): NamedTuple<'sign' | 'logabsdet'> {
  const op = 'linalg.slogdet';
  checkDetInput(op, A);
  const [sign, logabsdet] = composite('linalg_slogdet', [A], {}, () => {
    const [d, psign] = luDiagSign(op, A);
    // complex: the sign is the product of the diagonal's phases (sgn), logabsdet real
    return [d.sgn().prod(-1).mul(psign), d.abs().log().sum(-1)];
  });
  return namedTuple('linalg_slogdet', [['sign', sign!], ['logabsdet', logabsdet!]]);
}

/** `torch.logdet`: the log of the determinant (NaN for a negative determinant, −inf for a singular matrix; complex for complex input). */
export function logdet(A: Tensor): Tensor {
  const op = 'logdet';
  expectTensor(op, 'input', 1, A);
  checkSquare(op, A);
  checkFloat(op, A, false, true);
  const [sign, logabsdet] = slogdet(A);
  // complex: log(sign) + logabsdet, as PyTorch
  if (A.dtype.isComplex) return sign!.log().add(logabsdet!);
  return where(sign!.eq(-1), NaN, logabsdet!);
}
