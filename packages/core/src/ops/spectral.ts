/**
 * The `torch.*` spellings of the spectral linear-algebra ops (and, through the catalogue
 * rows in `catalogue/spectral.ts`, their Tensor methods): `svd` (PyTorch's older
 * `some`/`compute_uv` form returning V rather than Vh) and `pinverse`.
 */
import { composite } from '../autograd-hook.js';
import { TorchRuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { boolArg, expectNumber, expectTensor, keywordArgs } from '../validate.js';
import { zeros } from './creation.js';
import { pinv } from '../linalg/pinv.js';
import { checkSpectralDtype, svdRaw } from '../linalg/spectral-kernels.js';
import { svdvalsRaw } from '../linalg/svd.js';
import { checkFloat } from '../linalg/errors.js';
import { type NamedTuple, namedTuple } from '../linalg/tuple.js';

/** Options of {@link svd} (`torch.svd`). */
export interface TorchSvdOptions {
  /** Thin factors (default true): U m×k and V n×k; false: U m×m and V n×n. */
  some?: boolean;
  /** Compute U and V (default true); false returns zero-filled m×m and n×n U and V. */
  computeUv?: boolean;
}

/**
 * `torch.svd` (deprecated in PyTorch for `torch.linalg.svd`): `A = U·diag(S)·Vᵀ`,
 * returning V (not Vh); `some` (default true) gives the thin factors.
 * @example
 * ```ts pytorch=core.svd
 * const A = torch.tensor([[3, 0], [4, 5]], { dtype: 'float64' });
 * const { U, S, V } = torch.svd(A);
 * console.log(S);
 * console.log(U.mul(S.unsqueeze(-2)).matmul(V.mT).sub(A).abs().max().lt(1e-12)); // U diag(S) Vᵀ ≈ A
 * ```
 * ```text
 * tensor([6.7082, 2.2361], dtype=torch.float64)
 * tensor(True)
 * ```
 */
export function svd(A: Tensor, some?: boolean | TorchSvdOptions, computeUv?: boolean | TorchSvdOptions): NamedTuple<'U' | 'S' | 'V'> {
  const op = 'svd';
  expectTensor(op, 'input', 1, A);
  const kw = keywordArgs(op, ['some', 'computeUv'], [some, computeUv]);
  const thin = boolArg(op, 'some', 2, kw.some, true);
  const uv = boolArg(op, 'compute_uv', 3, kw.computeUv, true);
  if (A._shape.length < 2) throw new TorchRuntimeError(op, `linalg.svd: input should have at least 2 dimensions, but has ${A._shape.length} dimensions instead`);
  if (!checkSpectralDtype('linalg.svd', A, 'linalg_svd_cpu')) checkFloat('linalg.svd', A);
  const n = A._shape.length;
  const [rows, cols] = [A._shape[n - 2]!, A._shape[n - 1]!];
  const batch = A._shape.slice(0, -2);
  if (!uv) {
    const S = svdvalsRaw('linalg.svd', A);
    const dev = { dtype: A.dtype, device: A.device };
    return namedTuple('svd', [['U', zeros([...batch, rows, rows], dev)], ['S', S], ['V', zeros([...batch, cols, cols], dev)]]);
  }
  const full = !thin;
  const [U, S, Vh] = composite('linalg_svd', [A], { fullMatrices: full }, () => {
    const [s, u, vh] = svdRaw('linalg.svd', A, true, full);
    return [u!, s!, vh!];
  });
  return namedTuple('svd', [['U', U!], ['S', S!], ['V', Vh!.mT]]);
}

/**
 * `torch.pinverse`: the pseudoinverse (`torch.linalg.pinv` with `rtol = rcond`, default 1e-15).
 * @example
 * ```ts pytorch=core.pinverse
 * console.log(torch.pinverse(torch.tensor([[2, 0], [0, 4]], 'float64')));
 * ```
 * ```text
 * tensor([[0.5000, 0.0000],
 *         [0.0000, 0.2500]], dtype=torch.float64)
 * ```
 */
export function pinverse(A: Tensor, rcondIn?: number | { rcond?: number }): Tensor {
  expectTensor('pinverse', 'input', 1, A);
  const given = keywordArgs('pinverse', ['rcond'], [rcondIn]).rcond;
  const rcond = given === undefined ? 1e-15 : given;
  expectNumber('pinverse', 'rcond', 2, rcond);
  return pinv(A, { rcond });
}
