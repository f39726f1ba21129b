/**
 * `linalg.cond`: the condition number `‖A‖·‖A⁻¹‖` in the orders PyTorch accepts, computed
 * as PyTorch computes each: 2 / −2 (default 2) as a ratio of singular values, 'nuc' as
 * `Σσ · Σ1/σ`, and 'fro', ±1, ±inf from the inverse (`inv_ex`; a singular matrix gives
 * inf). Gradients flow through the ops it is made of, as in PyTorch.
 */
import { toRealDtype } from '../dtype.js';
import { TorchRuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { expectTensor } from '../validate.js';
import { zeros } from '../ops/creation.js';
import { checkSquare } from './errors.js';
import { type MatrixNormOrd, matrixNorm } from './norms.js';
import { invEx } from './solve.js';
import { svdvals } from './svd.js';
import { batchOf } from './util.js';

/** PyTorch's spelling of an order in its messages (`inf`, `-inf`, `fro`, `1`). */
function ordText(ord: MatrixNormOrd): string {
  if (ord === Infinity) return 'inf';
  if (ord === -Infinity) return '-inf';
  return String(ord);
}

/**
 * The condition number of a matrix or batch of matrices in the order `p` (default 2:
 * `σ_max/σ_min`; also −2, 'fro', 'nuc', ±1, ±inf).
 * @example
 * ```ts pytorch=core.linalg.cond
 * console.log(torch.linalg.cond(torch.tensor([[1, 0], [0, 4]], 'float64')));
 * ```
 * ```text
 * tensor(4., dtype=torch.float64)
 * ```
 */
export function cond(A: Tensor, p: MatrixNormOrd | null = null): Tensor {
  const op = 'linalg.cond';
  expectTensor(op, 'A', 1, A);
  if (A._shape.length < 2) throw new TorchRuntimeError(op, 'linalg.cond: The input tensor must have at least 2 dimensions.');
  const ord = p ?? 2;
  const valid = typeof ord === 'string' ? ord === 'fro' || ord === 'nuc' : [1, 2, Infinity].includes(Math.abs(ord));
  if (!valid) throw new TorchRuntimeError(op, `linalg.cond got an invalid norm type: ${ordText(ord)}`);
  if (A.numel() === 0) return zeros(batchOf(A), { dtype: toRealDtype(A.dtype), device: A.device });
  if (ord === 2 || ord === -2) {
    const S = svdvals(A);
    const sMax = S.narrow(-1, 0, 1);
    const sMin = S.narrow(-1, S._shape[S._shape.length - 1]! - 1, 1);
    return (ord === -2 ? sMin.div(sMax) : sMax.div(sMin)).squeeze(-1);
  }
  checkSquare(`linalg.cond(ord=${ordText(ord)})`, A);
  if (ord === 'nuc') {
    const S = svdvals(A);
    return S.sum(-1).mul(S.reciprocal().sum(-1));
  }
  const { inverse, info } = invEx(A);
  const bad = info.gt(0).unsqueeze(-1).unsqueeze(-1);
  const inv = inverse.maskedFill(bad, Infinity);
  return matrixNorm(A, ord).mul(matrixNorm(inv, ord)).nanToNum({ nan: Infinity, posinf: Infinity, neginf: -Infinity });
}
