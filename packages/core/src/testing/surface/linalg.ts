/**
 * Golden-case calls for torch.linalg (fixture `ops-linalg.json`, written by
 * `tools/golden/linalg.py`): the case's op `linalg.<name>` → `torch.linalg.<camelName>`
 * with PyTorch's keyword arguments as options. The `torch.*` spellings (det, qr, lu, …)
 * are catalogue rows and need no entry here.
 */
import * as L from '../../linalg/index.js';
import type { Tensor } from '../../tensor.js';
import type { DTypeName } from '../../dtype.js';
import type { Call, SurfaceCalls } from './types.js';

type Kw = Record<string, unknown>;

const opt = <T>(v: unknown): T | undefined => (v === undefined || v === null ? undefined : (v as T));
const dtypeOpt = (kw: Kw) => ({ dtype: opt<DTypeName>(kw.dtype) });
const dims = (v: unknown): number[] | undefined => (v === undefined || v === null ? undefined : typeof v === 'number' ? [v] : (v as number[]));

/** The calls of this area. */
export const LINALG: SurfaceCalls = {
  calls: {
    'linalg.inv': ([A]) => L.inv(A),
    'linalg.inv_ex': ([A]) => L.invEx(A),
    'linalg.det': ([A]) => L.det(A),
    'linalg.slogdet': ([A]) => L.slogdet(A),
    'linalg.cholesky': ([A], kw) => L.cholesky(A, { upper: opt(kw.upper) }),
    'linalg.cholesky_ex': ([A], kw) => L.choleskyEx(A, { upper: opt(kw.upper) }),
    'linalg.lu_factor': ([A], kw) => L.luFactor(A, { pivot: opt(kw.pivot) }),
    'linalg.lu_factor_ex': ([A], kw) => L.luFactorEx(A, { pivot: opt(kw.pivot) }),
    'linalg.lu': ([A], kw) => L.lu(A, { pivot: opt(kw.pivot) }),
    'linalg.lu_solve': ([LU, piv, B], kw) => L.luSolve(LU, piv, B, { left: opt(kw.left), adjoint: opt(kw.adjoint) }),
    'linalg.qr': ([A], kw) => L.qr(A, { mode: opt(kw.mode) }),
    'linalg.ldl_factor': ([A], kw) => L.ldlFactor(A, { hermitian: opt(kw.hermitian) }),
    'linalg.ldl_factor_ex': ([A], kw) => L.ldlFactorEx(A, { hermitian: opt(kw.hermitian) }),
    'linalg.ldl_solve': ([LD, piv, B], kw) => L.ldlSolve(LD, piv, B, { hermitian: opt(kw.hermitian) }),
    'linalg.householder_product': ([A, tau]) => L.householderProduct(A, tau),
    'linalg.solve': ([A, B], kw) => L.solve(A, B, { left: opt(kw.left) }),
    'linalg.solve_ex': ([A, B], kw) => L.solveEx(A, B, { left: opt(kw.left) }),
    'linalg.solve_triangular': ([A, B], kw) => L.solveTriangular(A, B, { upper: kw.upper as boolean, left: opt(kw.left), unitriangular: opt(kw.unitriangular) }),
    'linalg.tensorinv': ([A], kw) => L.tensorinv(A, opt(kw.ind)),
    'linalg.tensorsolve': ([A, B], kw) => L.tensorsolve(A, B, dims(kw.dims)),
    'linalg.matrix_exp': ([A]) => L.matrixExp(A),
    'linalg.matrix_power': ([A], kw) => L.matrixPower(A, kw.n as number),
    'linalg.multi_dot': ([ts]) => L.multiDot(ts as Tensor[]),
    'linalg.cross': ([a, b], kw) => L.cross(a, b, { dim: opt(kw.dim) }),
    'linalg.vecdot': ([a, b], kw) => L.vecdot(a, b, { dim: opt(kw.dim) }),
    'linalg.vander': ([x], kw) => L.vander(x, { N: opt(kw.N) }),
    'linalg.diagonal': ([A], kw) => L.diagonal(A, { offset: opt(kw.offset), dim1: opt(kw.dim1), dim2: opt(kw.dim2) }),
    'linalg.matmul': ([a, b]) => L.matmul(a, b),
    // The `info` of the `_ex` forms alone (their other results are unspecified for failed factorizations).
    'linalg.solve_ex:info': ([A, B]) => L.solveEx(A, B).info,
    'linalg.cholesky_ex:info': ([A]) => L.choleskyEx(A).info,
    'linalg.ldl_factor_ex:info': ([A]) => L.ldlFactorEx(A).info,
    'linalg.vector_norm': ([x], kw) => L.vectorNorm(x, opt(kw.ord), dims(kw.dim), opt(kw.keepdim), dtypeOpt(kw)),
    'linalg.matrix_norm': ([A], kw) => L.matrixNorm(A, opt(kw.ord), dims(kw.dim), opt(kw.keepdim), dtypeOpt(kw)),
    'linalg.norm': ([A], kw) => L.norm(A, opt(kw.ord), dims(kw.dim), opt(kw.keepdim), dtypeOpt(kw)),
  } satisfies Record<string, Call>,
  asyncCalls: {
    // The number of squarings is read from the device.
    'linalg.matrix_exp': ([A]) => L.matrixExpAsync(A),
    matrix_exp: ([A]) => L.matrixExpAsync(A),
  },
  viewOps: ['linalg.diagonal'],
};
