/**
 * The dense matrix kernels a backend may implement through {@link Backend.linalg}: few,
 * LAPACK-like factorizations and solves. Everything else in `torch.linalg` (inv, solve,
 * det, slogdet, lu_unpack, matrix_exp, the norms, tensorinv, …) is composed in core from
 * these kernels and ordinary ops.
 *
 * Conventions shared by every kernel:
 * - Matrices come batched: every input and output ref has shape `[B, …]` with one
 *   leading batch dim (core collapses or copies the caller's batch dims). Inputs may
 *   have any strides; outputs are contiguous tensors core allocated (zero-filled).
 * - Float inputs and outputs share one dtype (`float32`, `float64`, or, for the kernels
 *   that say so, `complex64`/`complex128` with PyTorch's conjugate-transpose semantics:
 *   Hermitian for `potrf`, `Aᴴ` for `trsm`'s `conjugate`); `piv`, `info` are int32 and
 *   `perm` is int64, as PyTorch returns them. A backend without complex kernels lets
 *   core raise (see {@link LinalgKernel}).
 * - Pivots are LAPACK's: 1-based row numbers (`ipiv`), and for `sytrf` LAPACK's
 *   Bunch–Kaufman encoding (a negative entry marks a 2×2 block), exactly as PyTorch
 *   returns them. `info` is LAPACK's: 0 on success, `i > 0` for the 1-based position
 *   where the factorization broke down (a zero pivot for `getrf`/`sytrf`, a
 *   non-positive leading minor for `potrf`); the kernel still writes what it computed.
 * - Kernels never throw on numerical failure: core reads `info` and raises PyTorch's
 *   error (or returns `info` from the `_ex` forms).
 */

/**
 * The kernels, with their inputs → outputs (shapes without the leading batch dim `B`;
 * `k = min(m, n)`):
 * - `getrf`: LU with partial pivoting, `P·L·U = A`. `[A m×n]` →
 *   `[LU m×n (L unit lower below the diagonal, U on and above), piv k (int32), info (int32, shape [B])]`.
 * - `pivots`: LAPACK row interchanges to a permutation. `[piv k (int32)]` →
 *   `[perm m (int64)]` where `perm[i]` is the row of `A` that ends in row `i` of `L·U`
 *   (so `A[perm] = L·U`); `m` is taken from the output's shape.
 * - `potrf`: Cholesky, `A = L·Lᴴ` (`params.upper`: `A = Uᴴ·U`). `[A n×n]` (only the
 *   named triangle is read, and for complex dtypes only the real parts of its diagonal) → `[L or U n×n (other triangle zero), info]`.
 * - `trsm`: triangular solve `op(T)·X = R`, `op` = transpose when `params.transpose`.
 *   `[T n×n, R n×r]` → `[X n×r]`; with `params.conjugate` (complex) `op` is `Tᴴ`; `params.upper` says which triangle of `T` is read,
 *   `params.unitDiagonal` takes its diagonal as ones. (Right-side solves are
 *   transposed left-side ones, composed in core.)
 * - `geqrf`: Householder QR as LAPACK's `geqrf` (reflectors `H = I − τ·v·vᴴ`, `v[0] = 1`
 *   implicit, signs by `dlarfg`/`zlarfg` (real β), so `R`'s diagonal has PyTorch's signs). `[A m×n]` →
 *   `[QR m×n (R on and above the diagonal, v below), tau k]`.
 * - `orgqr`: the product `H₁·…·H_k` of the reflectors, first `n` columns, as LAPACK's
 *   `orgqr` (`householder_product`). `[V m×n, tau k]` (k ≤ n ≤ m) → `[Q m×n]`.
 * - `ormqr`: `op(Q)·C` (`params.left`, default) or `C·op(Q)` with `Q = H₁·…·H_k`,
 *   `op` = transpose when `params.transpose` (the conjugate transpose for complex dtypes,
 *   as torch.ormqr's, core also passing `conjugate`). `[V mq×k, tau k, C m×n]` → `[out m×n]`,
 *   `mq` = m (left) or n (right).
 * - `sytrf`: symmetric indefinite `L·D·Lᵀ` with Bunch–Kaufman pivoting as LAPACK's
 *   unblocked `sytf2` with `uplo = 'L'` (PyTorch's `ldl_factor` uses the lower triangle
 *   only). `[A n×n]` (lower triangle read) → `[LD n×n (upper triangle zero), piv n
 *   (int32), info]`. `params.hermitian`: `L·D·Lᴴ` for complex dtypes (`hetrf`; no-op for reals).
 * - `sytrs`: solves `A·X = R` from `sytrf`'s result. `[LD n×n, piv n, R n×r]` → `[X n×r]`
 *   (`params.hermitian` as for `sytrf`).
 *
 * Part 2 of torch.linalg appends the spectral kernels ('svd', 'eigh', 'eig') to this union.
 */
export type LinalgKernel = 'getrf' | 'pivots' | 'potrf' | 'trsm' | 'geqrf' | 'orgqr' | 'ormqr' | 'sytrf' | 'sytrs' | 'svd' | 'eigh' | 'eig'; // spectral kernels: see spectral-kernels.ts

/** Options of the {@link LinalgKernel}s (each kernel reads the ones its description names). */
export interface LinalgParams {
  /** Which triangle: `potrf`, `trsm` (default false: lower). */
  readonly upper?: boolean;
  /** `trsm`/`ormqr`: apply the transpose of the triangular matrix / of `Q`. */
  readonly transpose?: boolean;
  /** `trsm`/`ormqr` with `transpose`, complex dtypes: the conjugate transpose (BLAS's `'C'`); no-op for reals. */
  readonly conjugate?: boolean;
  /** `trsm`: the triangular matrix has an implicit unit diagonal. */
  readonly unitDiagonal?: boolean;
  /** `ormqr`: `Q` multiplies from the left (default true). */
  readonly left?: boolean;
  /** `sytrf`/`sytrs`: Hermitian rather than symmetric (only differs for complex dtypes). */
  readonly hermitian?: boolean;
}

/** All part-1 kernel names, for tables and checks. */
export const LINALG_KERNELS: readonly LinalgKernel[] = ['getrf', 'pivots', 'potrf', 'trsm', 'geqrf', 'orgqr', 'ormqr', 'sytrf', 'sytrs'];
