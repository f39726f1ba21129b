/**
 * `torch.linalg`: linear algebra on batches of matrices (any leading batch dims),
 * float32, float64, complex64 and complex128 (conjugate-transpose semantics: Hermitian
 * for cholesky/eigh, unitary Q, `U·S·Vᴴ`; complex gradients in the conjugate Wirtinger
 * convention), with PyTorch's results, errors and derivatives.
 *
 * Factorizations run on the backend's dense matrix kernels ({@link Backend.linalg},
 * LAPACK-like: LU with partial pivoting, Cholesky, triangular solves, Householder QR,
 * Bunch–Kaufman LDL); everything else is composed here from those kernels and ordinary
 * ops. The CPU backend has the kernels. A backend without them (WebGPU today) raises a
 * `TorchRuntimeError` naming the op and the device: move the tensor to the CPU with
 * `await t.toAsync('cpu')`, compute there, and move the result back. Numerical failures
 * (a singular matrix, one that is not positive-definite) raise {@link LinAlgError}
 * with PyTorch's text; the `_ex` forms return LAPACK's `info` instead.
 * @example
 * ```ts pytorch=core.linalg
 * const a = torch.tensor([[4, 1], [2, 3]], 'float64');
 * console.log(torch.linalg.det(a));
 * console.log(torch.linalg.inv(a));
 * ```
 * ```text
 * tensor(10., dtype=torch.float64)
 * tensor([[ 0.3000, -0.1000],
 *         [-0.2000,  0.4000]], dtype=torch.float64)
 * ```
 * @packageDocumentation
 */
export { TorchLinAlgError as LinAlgError } from './errors.js';
export { inv, invEx, solve, solveEx, solveTriangular, tensorinv, tensorsolve, type SolveOptions, type SolveTriangularOptions } from './solve.js';
export { det, slogdet } from './det.js';
export { cholesky, choleskyEx, type CholeskyOptions } from './cholesky.js';
export { lu, luFactor, luFactorEx, luSolve, type LuFactorOptions, type LuSolveOptions } from './lu.js';
export { ldlFactor, ldlFactorEx, ldlSolve, type LdlOptions } from './ldl.js';
export { qr, householderProduct, type QrMode } from './qr.js';
export { matrixExp, matrixExpAsync, matrixPower, multiDot } from './matfun.js';
export { vectorNorm, matrixNorm, norm, type NormOptions, type MatrixNormOrd } from './norms.js';
export { cross, vecdot, vander, diagonal, matmul } from './misc.js';
export type { NamedTuple } from './tuple.js';
export * from './spectral.js';
