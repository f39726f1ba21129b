// torch.linalg (part 1) through the facade: gradients of every differentiable op
// (gradcheck on float64 inputs: analytic gradients against finite differences, no
// expected numbers), autograd node names against PyTorch's
// (packages/core/fixtures/linalg-grad-fns.json, tools/golden/linalg.py). Values, dtypes
// and errors are checked by the op conformance suites (packages/core/fixtures/ops-linalg.json).
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

type T = torch.Tensor;
const L = torch.linalg;
const r = (...shape: number[]): T => torch.randn(shape, { dtype: 'float64', requiresGrad: true });
/** Well-conditioned square matrices (n added to the diagonal), requiring grad. */
const well = (...shape: number[]): T => {
  const n = shape[shape.length - 1]!;
  return torch.randn(shape, { dtype: 'float64' }).add(torch.eye(n, { dtype: 'float64' }).mul(n)).requiresGrad_();
};
/** A symmetric positive-definite matrix built from `x` inside the checked function. */
const spdOf = (x: T): T => x.matmul(x.mT).add(torch.eye(x.shape[x.shape.length - 1]!, { dtype: 'float64' }).mul(3));
const check = (fn: (...xs: any[]) => T | readonly T[], inputs: unknown[]) => expect(torch.autograd.gradcheck(fn as never, inputs)).toBe(true);

const gradFns = JSON.parse(readFileSync(new URL('../../core/fixtures/linalg-grad-fns.json', import.meta.url), 'utf8')) as Record<string, string>;

beforeEach(() => {
  torch.manualSeed(11);
});

describe('linalg: gradcheck (float64)', () => {
  it('inv, inv_ex, inverse, solve (matrix, vector, right, broadcast), solve_ex', () => {
    check((a) => L.inv(a), [well(3, 3)]);
    check((a) => L.invEx(a).inverse, [well(2, 3, 3)]);
    check((a) => torch.inverse(a), [well(2, 2)]);
    check((a, b) => L.solve(a, b), [well(3, 3), r(3, 2)]);
    check((a, b) => L.solve(a, b), [well(2, 3, 3), r(2, 3)]);
    check((a, b) => L.solve(a, b, { left: false }), [well(3, 3), r(4, 3)]);
    check((a, b) => L.solve(a, b), [well(2, 3, 3), r(3, 2)]);
    check((a, b) => L.solveEx(a, b).result, [well(3, 3), r(3)]);
  });

  it('det, slogdet, logdet (batched)', () => {
    check((a) => L.det(a), [well(3, 3)]);
    check((a) => L.det(a), [well(2, 3, 3)]);
    check((a) => L.slogdet(a).logabsdet, [well(2, 3, 3)]);
    check((a) => torch.logdet(spdOf(a)), [r(3, 3)]);
  });

  it('det at exactly singular matrices (the cofactors from the SVD, as PyTorch)', () => {
    // rank 2 and rank 1: U has an exact zero on its diagonal, det is exactly 0
    const s2 = torch.tensor([[1, 1, 0], [1, 1, 0], [0, 0, 2]], 'float64');
    const s1 = torch.tensor([[1, 2, 3], [2, 4, 6], [3, 6, 9]], 'float64');
    expect(L.det(s2).item() === 0).toBe(true);
    check((a) => L.det(a), [s2.clone().requiresGrad_()]);
    check((a) => L.det(a), [s1.clone().requiresGrad_()]);
    check((a) => L.det(a), [torch.stack([s2, torch.eye(3, { dtype: 'float64' }).mul(2)]).requiresGrad_()]);
  });

  it('cholesky (lower, upper), cholesky_ex, torch.cholesky, cholesky_solve, cholesky_inverse', () => {
    check((a) => L.cholesky(spdOf(a)), [r(3, 3)]);
    check((a) => L.cholesky(spdOf(a), { upper: true }), [r(2, 3, 3)]);
    check((a) => L.choleskyEx(spdOf(a)).L, [r(3, 3)]);
    check((a) => torch.cholesky(spdOf(a), true), [r(3, 3)]);
    check((b, a) => torch.choleskySolve(b, L.cholesky(spdOf(a))), [r(3, 2), r(3, 3)]);
    check((b, a) => torch.choleskySolve(b, L.cholesky(spdOf(a), { upper: true }), true), [r(3, 2), r(3, 3)]);
    check((a) => torch.choleskyInverse(L.cholesky(spdOf(a))), [r(3, 3)]);
    check((a) => torch.choleskyInverse(L.cholesky(spdOf(a), { upper: true }), true), [r(3, 3)]);
  });

  it('qr: square, tall, wide, batched, complete (m ≤ n)', () => {
    check((a) => L.qr(a), [well(3, 3)]);
    check((a) => L.qr(a), [r(5, 3)]);
    check((a) => L.qr(a), [r(3, 5)]);
    check((a) => L.qr(a), [r(2, 4, 3)]);
    check((a) => L.qr(a, 'complete'), [r(3, 4)]);
    check((a) => torch.qr(a), [r(4, 3)]);
  });

  it('lu_factor, lu_factor_ex, lu (square, tall, wide), lu_unpack, lu_solve (left/right, adjoint)', () => {
    check((a) => L.luFactor(a).LU, [well(3, 3)]);
    check((a) => L.luFactorEx(a).LU, [r(2, 4, 4)]);
    check((a) => L.lu(a), [well(3, 3)]);
    check((a) => { const { L: l, U } = L.lu(a); return [l, U]; }, [r(5, 3)]);
    check((a) => { const { L: l, U } = L.lu(a); return [l, U]; }, [r(3, 5)]);
    check((a) => { const { LU, pivots } = L.luFactor(a); const u = torch.luUnpack(LU, pivots); return [u.L, u.U]; }, [well(3, 3)]);
    for (const left of [true, false]) {
      for (const adjoint of [false, true]) {
        check((a, b) => { const { LU, pivots } = L.luFactor(a); return L.luSolve(LU, pivots, b, { left, adjoint }); }, [well(3, 3), left ? r(3, 2) : r(2, 3)]);
      }
    }
    check((a, b) => { const f = L.luFactor(a); return torch.luSolve(b, f.LU, f.pivots); }, [well(2, 3, 3), r(2, 3, 1)]);
  });

  it('solve_triangular (upper/lower, left/right, unitriangular), triangular_solve', () => {
    for (const upper of [true, false]) {
      for (const left of [true, false]) {
        for (const unitriangular of [false, true]) {
          check((a, b) => L.solveTriangular(a, b, { upper, left, unitriangular }), [well(3, 3), left ? r(3, 2) : r(2, 3)]);
        }
      }
    }
    for (const transpose of [false, true]) {
      check((b, a) => torch.triangularSolve(b, a, { upper: false, transpose }).solution, [r(3, 2), well(3, 3)]);
      check((b, a) => torch.triangularSolve(b, a, { transpose }).cloned_coefficient.mul(2), [r(3, 2), well(3, 3)]);
    }
  });

  it('matrix_exp, matrix_power (positive, zero, negative), multi_dot', () => {
    check((a) => L.matrixExp(a), [r(3, 3)]);
    check((a) => L.matrixExp(a.mul(3)), [r(2, 3, 3)]);
    check((a) => L.matrixPower(a, 5), [r(3, 3)]);
    check((a) => L.matrixPower(a, -2), [well(3, 3)]);
    check((a, b, c) => L.multiDot([a, b, c]), [r(2, 4), r(4, 3), r(3)]);
  });

  it('householder_product / orgqr (k = n and k < n)', () => {
    const { a, tau } = torch.geqrf(torch.randn([5, 3], { dtype: 'float64' }));
    check((v, t) => L.householderProduct(v, t), [a.clone().requiresGrad_(), tau.clone().requiresGrad_()]);
    check((v, t) => torch.orgqr(v, t), [a.clone().requiresGrad_(), tau.narrow(0, 0, 2).clone().requiresGrad_()]);
  });

  it('ormqr (left/right, transposed or not, batched C)', () => {
    const { a, tau } = torch.geqrf(torch.randn([4, 3], { dtype: 'float64' }));
    for (const left of [true, false]) {
      for (const transpose of [false, true]) {
        check((v, t, c) => torch.ormqr(v, t, c, left, transpose), [a.clone().requiresGrad_(), tau.clone().requiresGrad_(), left ? r(2, 4, 2) : r(2, 4)]);
      }
    }
  });

  it('geqrf has a node whose backward is refused, as in PyTorch', () => {
    const { a } = torch.geqrf(r(3, 3));
    expect(a.gradFn?.name()).toBe('GeqrfBackward0');
    expect(() => a.sum().backward()).toThrow(/the derivative for 'geqrf' is not implemented/);
  });

  it('norms, cross, vecdot, vander, tensorinv, tensorsolve', () => {
    for (const ord of [2, 1, 3.5, Infinity, -Infinity]) check((x) => L.vectorNorm(x, ord, [0, 2]), [r(2, 3, 4)]);
    for (const ord of ['fro', 1, -1, Infinity, -Infinity] as const) check((a) => L.matrixNorm(a, ord), [r(2, 3, 4)]);
    check((x) => L.norm(x), [r(3, 4)]);
    check((a, b) => L.cross(a, b), [r(2, 4, 3), r(1, 4, 3)]);
    check((a, b) => L.vecdot(a, b), [r(2, 4), r(4)]);
    check((x) => L.vander(x), [r(2, 3)]);
    check((a) => L.tensorinv(a.reshape(2, 3, 6), 2), [well(6, 6)]);
    check((a, b) => L.tensorsolve(a.reshape(2, 3, 6), b), [well(6, 6), r(2, 3)]);
  });
});

describe('linalg: autograd node names (PyTorch)', () => {
  it('each differentiable result names its node as PyTorch does', () => {
    torch.manualSeed(1);
    const A = torch.randn([3, 3], { dtype: 'float64' }).add(torch.eye(3, { dtype: 'float64' }).mul(3)).requiresGrad_();
    const S = A.matmul(A.mT).add(torch.eye(3, { dtype: 'float64' }).mul(3));
    const B = torch.randn([3, 2], { dtype: 'float64', requiresGrad: true });
    const v = torch.randn([3], { dtype: 'float64', requiresGrad: true });
    const { LU, pivots } = L.luFactor(A);
    const g = torch.geqrf(A.detach());
    const a = g.a.requiresGrad_();
    const got: Record<string, T> = {
      inv: L.inv(A), inv_ex: L.invEx(A).inverse, inverse: torch.inverse(A),
      solve: L.solve(A, B), solve_ex: L.solveEx(A, B).result,
      det: L.det(A), det_torch: torch.det(A), slogdet: L.slogdet(A).logabsdet, logdet: torch.logdet(S),
      cholesky: L.cholesky(S), cholesky_ex: L.choleskyEx(S).L, cholesky_torch: torch.cholesky(S),
      qr: L.qr(A).Q, lu_factor: LU, lu_factor_ex: L.luFactorEx(A).LU, lu: L.lu(A).L,
      lu_solve: L.luSolve(LU, pivots, B), solve_triangular: L.solveTriangular(A, B, { upper: true }),
      triangular_solve: torch.triangularSolve(B, A).solution, matrix_exp: L.matrixExp(A),
      householder_product: L.householderProduct(a, g.tau), orgqr: torch.orgqr(a, g.tau),
      cholesky_solve: torch.choleskySolve(B, A), cholesky_inverse: torch.choleskyInverse(A),
      lu_unpack: torch.luUnpack(LU, pivots).U, cross: L.cross(B.mT, B.mT), vector_norm: L.vectorNorm(A),
      matrix_norm_fro: L.matrixNorm(A), matrix_norm_1: L.matrixNorm(A, 1), norm: L.norm(v),
      matrix_power_2: L.matrixPower(A, 2), vecdot: L.vecdot(v, v),
      ormqr: torch.ormqr(a, g.tau, B), geqrf: torch.geqrf(A).a,
    };
    const names = Object.fromEntries(Object.entries(got).map(([k, t]) => [k, t.gradFn?.name()]));
    expect(names).toEqual(gradFns);
  });
});

describe('linalg: Tensor methods are the torch functions', () => {
  it('det, logdet, slogdet, inverse, cholesky, qr, lu, matrixPower, matrixExp, choleskySolve, choleskyInverse, luSolve, triangularSolve, geqrf, orgqr, ormqr', () => {
    torch.manualSeed(3);
    const A = torch.randn([2, 3, 3], { dtype: 'float64' }).add(torch.eye(3, { dtype: 'float64' }).mul(3));
    const S = A.matmul(A.mT);
    const B = torch.randn([2, 3, 2], { dtype: 'float64' });
    const same = (x: T, y: T) => expect(torch.equal(x, y)).toBe(true);
    same(A.det(), torch.det(A));
    same(S.logdet(), torch.logdet(S));
    same(A.slogdet().logabsdet, torch.slogdet(A).logabsdet);
    same(A.inverse(), torch.inverse(A));
    same(S.cholesky(), torch.cholesky(S));
    same(A.qr().R, torch.qr(A).R);
    same(A.lu()[0]!, torch.lu(A)[0]!);
    same(A.matrixPower(3), torch.matrixPower(A, 3));
    same(A.matrixExp(), torch.matrixExp(A));
    const Lc = torch.cholesky(S);
    same(B.choleskySolve(Lc), torch.choleskySolve(B, Lc));
    same(Lc.choleskyInverse(), torch.choleskyInverse(Lc));
    const [LU, piv] = torch.lu(A);
    same(B.luSolve(LU!, piv!), torch.luSolve(B, LU!, piv!));
    same(B.triangularSolve(A).solution, torch.triangularSolve(B, A).solution);
    const g = A.geqrf();
    same(g.a.orgqr(g.tau), torch.orgqr(g.a, g.tau));
    same(g.a.ormqr(g.tau, B), torch.ormqr(g.a, g.tau, B));
  });
});
