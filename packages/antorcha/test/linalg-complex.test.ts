// torch.linalg with complex inputs, and gradients of linalg.eig / linalg.eigvals, against
// PyTorch (tools/golden/linalg_complex.py → linalg-complex.json). Forward results that are
// unique (solutions, inverses, determinants, LU factors and pivots, …) are compared entry
// by entry, relative to each result's largest entry; gradients are `.grad` values of
// phase-invariant losses (conjugate Wirtinger for complex leaves, real parts for real
// ones); the phase-dependent losses must raise PyTorch's error. The inputs are random
// matrices of size ≤ 6 (condition numbers ≲ 10²), so the results of two backward-stable
// computations agree to ~n·κ·ε: TOL below is that with room (complex64 ε ≈ 1.2e-7).
import { describe, expect, it } from 'vitest';
import { loadFixture } from '@antorcha/core/testing';
import * as torch from '../src/index.js';

type T = torch.Tensor;
type V = number | string;
interface Enc {
  dtype: string;
  shape: number[];
  values: (V | [V, V])[];
}
interface Err {
  error: string;
  type: string;
}
interface ForwardCase {
  name: string;
  fn: string;
  args: (Enc | number)[];
  kwargs: Record<string, unknown>;
  expected: Enc | Enc[] | Err;
}
interface GradCase {
  name: string;
  loss: string;
  inputs: Enc[];
  value?: Enc;
  grads?: (Enc | null)[];
  expected?: Err;
}
const F = loadFixture<{ forward: ForwardCase[]; grads: GradCase[] }>('linalg-complex.json');

const num = (v: V): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : (v as number));
function mk(e: Enc): T {
  const vals = e.values.map((v) => (Array.isArray(v) ? torch.cplx(num(v[0]), num(v[1])) : num(v)));
  if (e.shape.length === 0) return torch.tensor(vals[0]!, { dtype: e.dtype as torch.DTypeName });
  return torch.tensor(vals, { dtype: e.dtype as torch.DTypeName }).reshape(e.shape);
}
const flat = (e: Enc): number[] => e.values.flatMap((v) => (Array.isArray(v) ? [num(v[0]), num(v[1])] : [num(v)]));
const isErr = (e: unknown): e is Err => typeof e === 'object' && e !== null && 'error' in e;

const TOL: Record<string, number> = { complex64: 2e-4, float32: 2e-4, complex128: 1e-10, float64: 1e-10 };

/** The largest error per op family, relative to each result's largest entry (reported by the last test). */
const MEASURED = new Map<string, number>();

/** dtype, shape and values within `tol` of the result's largest entry; returns the relative error. */
function close(label: string, t: T, e: Enc, tol: number): number {
  expect(t.dtype.name, `${label}: dtype`).toBe(e.dtype);
  expect([...t.shape], `${label}: shape`).toEqual(e.shape);
  const got = Array.from(t.contiguous().dataSync() as ArrayLike<number | bigint>, Number);
  const want = flat(e);
  if (e.dtype === 'int32' || e.dtype === 'int64' || e.dtype === 'bool') {
    expect(got, label).toEqual(want);
    return 0;
  }
  const scale = Math.max(Number.MIN_VALUE, ...want.filter(Number.isFinite).map(Math.abs));
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (!Number.isFinite(w)) {
      expect(Object.is(g, w) || (Number.isNaN(w) && Number.isNaN(g)), `${label}[${i}]: got ${g}, want ${w}`).toBe(true);
      continue;
    }
    worst = Math.max(worst, Math.abs(g - w) / scale);
  }
  expect(worst, `${label}: relative error ${worst}`).toBeLessThanOrEqual(tol);
  return worst;
}

function record(family: string, err: number): void {
  MEASURED.set(family, Math.max(MEASURED.get(family) ?? 0, err));
}

const L = torch.linalg;
/** The call each fixture `fn` names, PyTorch's keyword arguments spelt as Antorcha's options. */
const CALLS: Record<string, (a: (T | number)[], k: Record<string, unknown>) => T | T[]> = {
  'linalg.solve': ([A, B], k) => L.solve(A as T, B as T, { left: k.left as boolean | undefined }),
  'linalg.solve_ex': ([A, B]) => { const r = L.solveEx(A as T, B as T); return [r.result, r.info]; },
  'linalg.inv': ([A]) => L.inv(A as T),
  'linalg.inv_ex': ([A]) => { const r = L.invEx(A as T); return [r.inverse, r.info]; },
  'linalg.det': ([A]) => L.det(A as T),
  'linalg.slogdet': ([A]) => { const r = L.slogdet(A as T); return [r.sign, r.logabsdet]; },
  'linalg.lu_factor': ([A]) => { const r = L.luFactor(A as T); return [r.LU, r.pivots]; },
  'linalg.lu_factor_ex': ([A]) => { const r = L.luFactorEx(A as T); return [r.LU, r.pivots, r.info]; },
  'linalg.lu': ([A]) => { const r = L.lu(A as T); return [r.P, r.L, r.U]; },
  'linalg.lu_solve': ([LU, piv, B], k) => L.luSolve(LU as T, piv as T, B as T, { left: k.left as boolean | undefined, adjoint: k.adjoint as boolean | undefined }),
  lu_unpack: ([LU, piv]) => { const r = torch.luUnpack(LU as T, piv as T); return [r.P, r.L, r.U]; },
  'linalg.solve_triangular': ([A, B], k) => L.solveTriangular(A as T, B as T, { upper: k.upper as boolean, left: k.left as boolean | undefined, unitriangular: k.unitriangular as boolean | undefined }),
  'linalg.tensorinv': ([A], k) => L.tensorinv(A as T, k.ind as number),
  'linalg.tensorsolve': ([A, B]) => L.tensorsolve(A as T, B as T),
  'linalg.matrix_power': ([A, n]) => L.matrixPower(A as T, n as number),
  'linalg.multi_dot': (ms) => L.multiDot(ms as T[]),
  'linalg.vecdot': ([x, y], k) => L.vecdot(x as T, y as T, { dim: k.dim as number | undefined }),
  'linalg.cholesky': ([A], k) => L.cholesky(A as T, { upper: k.upper as boolean | undefined }),
  'linalg.cholesky_ex': ([A], k) => { const r = L.choleskyEx(A as T, { upper: k.upper as boolean | undefined }); return [r.L, r.info]; },
  'linalg.cholesky_ex:info': ([A]) => L.choleskyEx(A as T).info,
  cholesky_solve: ([B, Lf], k) => torch.choleskySolve(B as T, Lf as T, (k.upper as boolean | undefined) ?? false),
  cholesky_inverse: ([Lf], k) => torch.choleskyInverse(Lf as T, (k.upper as boolean | undefined) ?? false),
  'linalg.qr': ([A], k) => { const r = L.qr(A as T, (k.mode as 'reduced' | 'complete' | 'r' | undefined) ?? 'reduced'); return [r.Q, r.R]; },
  'linalg.householder_product': ([A, tau]) => L.householderProduct(A as T, tau as T),
  geqrf: ([A]) => { const r = torch.geqrf(A as T); return [r.a, r.tau]; },
  ormqr: ([A, tau, C], k) => torch.ormqr(A as T, tau as T, C as T, (k.left as boolean | undefined) ?? true, (k.transpose as boolean | undefined) ?? false),
  'linalg.eigh': ([A], k) => { const r = L.eigh(A as T, (k.UPLO as 'L' | 'U' | undefined) ?? 'L'); return [r.eigenvalues, r.eigenvectors]; },
  'linalg.eigvalsh': ([A], k) => L.eigvalsh(A as T, (k.UPLO as 'L' | 'U' | undefined) ?? 'L'),
  'linalg.svd': ([A], k) => { const r = L.svd(A as T, (k.full_matrices as boolean | undefined) ?? true); return [r.U, r.S, r.Vh]; },
  'linalg.svdvals': ([A]) => L.svdvals(A as T),
  'linalg.pinv': ([A], k) => L.pinv(A as T, { hermitian: k.hermitian as boolean | undefined }),
  'linalg.matrix_rank': ([A], k) => L.matrixRank(A as T, { hermitian: k.hermitian as boolean | undefined }),
  'linalg.lstsq': ([A, B], k) => {
    const r = L.lstsq(A as T, B as T, { driver: k.driver as 'gelsy' | 'gelsd' | 'gelss' | 'gels' | undefined });
    return [r.solution, r.residuals, r.rank, r.singular_values];
  },
  'linalg.vector_norm': ([x], k) => L.vectorNorm(x as T, k.ord === undefined ? 2 : (ordOf(k.ord) as number), k.dim as number | undefined),
  'linalg.matrix_norm': ([A], k) => L.matrixNorm(A as T, ordOf(k.ord) as never),
  'linalg.cond': ([A], k) => L.cond(A as T, k.p === null ? null : (ordOf(k.p) as never)),
  'linalg.matrix_exp': ([A]) => L.matrixExp(A as T),
  'linalg.ldl_factor': ([A], k) => { const r = L.ldlFactor(A as T, { hermitian: k.hermitian as boolean | undefined }); return [r.LD, r.pivots]; },
  'linalg.ldl_factor_ex': ([A], k) => { const r = L.ldlFactorEx(A as T, { hermitian: k.hermitian as boolean | undefined }); return [r.LD, r.pivots, r.info]; },
  'linalg.ldl_solve': ([LD, piv, B], k) => L.ldlSolve(LD as T, piv as T, B as T, { hermitian: k.hermitian as boolean | undefined }),
  logdet: ([A]) => torch.logdet(A as T),
  'linalg.eig': ([A]) => { const r = L.eig(A as T); return [r.eigenvalues, r.eigenvectors]; },
  'linalg.eigvals': ([A]) => L.eigvals(A as T),
};

/** A norm order from the fixture: "inf"/"-inf" strings as numbers, 'fro'/'nuc' as they are. */
const ordOf = (v: unknown): number | string => (v === 'inf' || v === '-inf' ? num(v) : (v as number | string));
const dim = (A: T) => A.shape[A.shape.length - 1]!;
const weights = (A: T) => torch.arange(1, dim(A) + 1, { dtype: 'float64' });
/** Σ w_i·|V_ij|², weights by row: invariant to the eigenvectors' phases and to their order. */
const vnorm = (V: T, w: T) => V.abs().pow(2).mul(w.unsqueeze(-1)).sum();
const eye = (A: T) => torch.eye(dim(A), { dtype: A.dtype.name as torch.DTypeName });
/** X·Xᴴ + n·I: Hermitian positive-definite, differentiable in X. */
const hpd = (X: T) => X.matmul(X.mT.conj()).add(eye(X).mul(dim(X)));
const LOSSES: Record<string, (...xs: T[]) => T> = {
  eig_abs: (A) => L.eig(A).eigenvalues.abs().sum().add(vnorm(L.eig(A).eigenvectors, weights(A))),
  eig_vectors_abs2: (A) => vnorm(L.eig(A).eigenvectors, weights(A)),
  eig_values_poly: (A) => L.eig(A).eigenvalues.pow(2).real.sum().add(L.eig(A).eigenvalues.imag.abs().sum()),
  eig_reconstruct: (A) => {
    const { eigenvalues, eigenvectors } = L.eig(A);
    return eigenvectors.matmul(eigenvalues.diagEmbed()).matmul(L.inv(eigenvectors)).abs().pow(2).sum();
  },
  eigvals_real: (A) => L.eigvals(A).real.sum(),
  eigvals_abs: (A) => L.eigvals(A).abs().sum(),
  eigvals_prod: (A) => torch.viewAsReal(L.eigvals(A).prod(-1)).sum(),
  eig_vectors_real: (A) => L.eig(A).eigenvectors.real.sum(),
  eig_vectors_imag: (A) => L.eig(A).eigenvectors.imag.sum(),
  solve_abs2: (A, B) => L.solve(A, B).abs().pow(2).sum(),
  solve_left_false: (A, B) => L.solve(A, B.mT, { left: false }).abs().sum(),
  inv_abs: (A) => L.inv(A).abs().sum(),
  det_abs: (A) => L.det(A).abs(),
  det_real: (A) => L.det(A).real.sum(),
  slogdet_both: (A) => {
    const { sign, logabsdet } = L.slogdet(A);
    return sign.imag.sum().add(sign.real.sum()).add(logabsdet.sum());
  },
  lu_abs: (A) => {
    const { L: l, U } = L.lu(A);
    return l.abs().sum().add(U.abs().pow(2).sum());
  },
  lu_factor_abs: (A) => L.luFactor(A).LU.abs().sum(),
  cholesky_abs: (X) => L.cholesky(hpd(X)).abs().sum(),
  cholesky_upper_abs: (X) => L.cholesky(hpd(X), { upper: true }).abs().sum(),
  cholesky_solve_abs: (X, B) => torch.choleskySolve(B, L.cholesky(hpd(X))).abs().sum(),
  cholesky_inverse_abs: (X) => torch.choleskyInverse(L.cholesky(hpd(X))).abs().sum(),
  // Q's phases are fixed by R's real diagonal, so Q and R themselves enter the losses
  qr_abs: (A) => {
    const { Q, R } = L.qr(A);
    return Q.abs().pow(2).sum(-2).sum().add(Q.mul(R.diagonal(0, -2, -1).unsqueeze(-2)).real.sum()).add(R.abs().sum());
  },
  qr_wide_abs: (A) => {
    const { Q, R } = L.qr(A.narrow(-2, 0, 2));
    return Q.abs().sum().add(R.abs().sum());
  },
  eigh_abs: (X) => {
    const { eigenvalues: w, eigenvectors: V } = L.eigh(X.add(X.mT.conj()));
    const rows = torch.arange(1, dim(X) + 1, { dtype: w.dtype.name as torch.DTypeName }).unsqueeze(-1);
    return w.sum().add(w.unsqueeze(-2).mul(V.abs().pow(2)).mul(rows).sum());
  },
  eigh_reconstruct: (X) => {
    const { eigenvalues: w, eigenvectors: V } = L.eigh(X.add(X.mT.conj()), 'U');
    return V.matmul(w.diagEmbed().to(V.dtype)).matmul(V.mT.conj()).abs().sum();
  },
  eigvalsh_sum2: (X) => L.eigvalsh(X.add(X.mT.conj())).pow(2).mul(torch.arange(1, dim(X) + 1, { dtype: 'float64' })).sum(),
  eigh_vectors_real: (X) => L.eigh(X.add(X.mT.conj())).eigenvectors.real.sum(),
  svd_invariant: (A) => {
    const { U, S, Vh } = L.svd(A, false);
    const rows = torch.arange(1, A.shape[A.shape.length - 2]! + 1, { dtype: 'float64' }).unsqueeze(-1);
    return S.sum().add(U.matmul(Vh).abs().sum()).add(U.abs().pow(2).mul(rows).sum());
  },
  svdvals_sum: (A) => L.svdvals(A).mul(torch.arange(1, Math.min(A.shape[A.shape.length - 2]!, dim(A)) + 1, { dtype: 'float64' })).sum(),
  svd_phase: (A) => L.svd(A).U.real.sum(),
  householder_product_abs: (A, tau) => L.householderProduct(A, tau).abs().sum(),
  ormqr_abs: (A, tau, C) => torch.ormqr(A, tau, C).abs().sum().add(torch.ormqr(A, tau, C, true, true).abs().sum()),
  lu_solve_adjoint_abs: (A, B) => {
    const { LU, pivots } = L.luFactor(A);
    return L.luSolve(LU, pivots, B, { adjoint: true }).abs().sum().add(L.luSolve(LU, pivots, B.mT, { left: false }).abs().sum());
  },
  pinv_abs: (A) => L.pinv(A).abs().sum(),
  lstsq_abs: (A, B) => L.lstsq(A, B).solution.abs().sum(),
  matrix_exp_abs: (A) => L.matrixExp(A).abs().sum(),
  norms: (A) => L.matrixNorm(A).add(L.matrixNorm(A, 'nuc')).add(L.vectorNorm(A, 3)).add(L.matrixNorm(A, 2)),
  solve_triangular_abs: (A, B) => L.solveTriangular(A.triu().add(eye(A).mul(3)), B, { upper: true }).abs().sum(),
};

/** Complex values of a tensor as [re, im] pairs. */
function pairs(t: T): [number, number][] {
  const v = Array.from(torch.viewAsReal(t.dtype.isComplex ? t : torch.complex(t, t.mul(0))).contiguous().dataSync() as ArrayLike<number>);
  const out: [number, number][] = [];
  for (let i = 0; i < v.length; i += 2) out.push([v[i]!, v[i + 1]!]);
  return out;
}
const encPairs = (e: Enc): [number, number][] => e.values.map((v) => (Array.isArray(v) ? [num(v[0]), num(v[1])] : [num(v), 0]));

/**
 * eig/eigvals: the eigenvalues of each matrix matched to PyTorch's as sets (the order is
 * each algorithm's own), within TOL of the largest; for eig, each eigenvector equals
 * PyTorch's vector of the matched eigenvalue up to a phase, within TOL divided by the
 * eigenvalue's relative gap to the others (a vector's sensitivity), and A·v = λ·v.
 * Returns the largest relative eigenvalue error.
 */
function checkEig(label: string, A: T, out: T[], want: Enc[], tol: number, residual = true): number {
  const n = A.shape[A.shape.length - 1]!;
  expect(out[0]!.dtype.name, label).toBe(want[0]!.dtype);
  expect([...out[0]!.shape], label).toEqual(want[0]!.shape);
  const w = pairs(out[0]!);
  const ew = encPairs(want[0]!);
  const batches = n === 0 ? 0 : w.length / n;
  const A2 = pairs(A);
  const V = out.length > 1 ? pairs(out[1]!) : null;
  const eV = out.length > 1 ? encPairs(want[1]!) : null;
  let worst = 0;
  for (let b = 0; b < batches; b++) {
    const ours = w.slice(b * n, (b + 1) * n);
    const theirs = ew.slice(b * n, (b + 1) * n);
    const scale = Math.max(...theirs.map(([r, i]) => Math.hypot(r, i)), Number.MIN_VALUE);
    const used = new Set<number>();
    for (let j = 0; j < n; j++) {
      let best = -1;
      let bestD = Infinity;
      for (let k = 0; k < n; k++) {
        const d = Math.hypot(ours[j]![0] - theirs[k]![0], ours[j]![1] - theirs[k]![1]);
        if (!used.has(k) && d < bestD) [best, bestD] = [k, d];
      }
      used.add(best);
      worst = Math.max(worst, bestD / scale);
      expect(bestD / scale, `${label}: eigenvalue ${j} (batch ${b})`).toBeLessThanOrEqual(tol);
      if (V === null || eV === null) continue;
      // the gap of the matched eigenvalue to PyTorch's others, relative to the largest
      let gap = Infinity;
      for (let k = 0; k < n; k++) if (k !== best) gap = Math.min(gap, Math.hypot(theirs[k]![0] - theirs[best]![0], theirs[k]![1] - theirs[best]![1]) / scale);
      const col = (M: [number, number][], c: number) => Array.from({ length: n }, (_, i) => M[b * n * n + i * n + c]!);
      const v = col(V, j);
      const u = col(eV, best);
      // phase: c = uᴴv / |uᴴv|
      let cr = 0;
      let ci = 0;
      for (let i = 0; i < n; i++) {
        cr += u[i]![0] * v[i]![0] + u[i]![1] * v[i]![1];
        ci += u[i]![0] * v[i]![1] - u[i]![1] * v[i]![0];
      }
      const m = Math.hypot(cr, ci);
      let diff = 0;
      for (let i = 0; i < n; i++) {
        // v·conj(c)/|c| − u
        const ar = (v[i]![0] * cr + v[i]![1] * ci) / m;
        const ai = (v[i]![1] * cr - v[i]![0] * ci) / m;
        diff = Math.max(diff, Math.hypot(ar - u[i]![0], ai - u[i]![1]));
      }
      expect(diff, `${label}: eigenvector ${j} (batch ${b}), gap ${gap}`).toBeLessThanOrEqual(tol / Math.min(1, gap));
      if (!residual) continue;
      // A·v = λ·v
      let res = 0;
      let normA = 0;
      for (let i = 0; i < n; i++) {
        let sr = -(ours[j]![0] * v[i]![0] - ours[j]![1] * v[i]![1]);
        let si = -(ours[j]![0] * v[i]![1] + ours[j]![1] * v[i]![0]);
        for (let k = 0; k < n; k++) {
          const [ar, ai] = A2[b * n * n + i * n + k]!;
          normA = Math.max(normA, Math.hypot(ar, ai));
          sr += ar * v[k]![0] - ai * v[k]![1];
          si += ar * v[k]![1] + ai * v[k]![0];
        }
        res = Math.max(res, Math.hypot(sr, si));
      }
      expect(res, `${label}: A·v − λ·v (column ${j}, batch ${b})`).toBeLessThanOrEqual(tol * n * normA);
    }
  }
  return worst;
}

/**
 * svd: S entry by entry; U·diag(S)·Vh = A and orthonormal columns of U within TOL; each of
 * the first k columns of U (rows of Vh) equal to PyTorch's up to one phase per pair,
 * within TOL over the singular value's relative gap (zero singular values: no check,
 * their vectors are any completion). Returns the largest relative error of S.
 */
function checkSvd(label: string, A: T, out: T[], want: Enc[], tol: number): number {
  const worst = close(`${label}: S`, out[1]!, want[1]!, tol);
  const [U, S, Vh] = out as [T, T, T];
  const k = S.shape[S.shape.length - 1]!;
  if (A.numel() === 0) return worst;
  const Ut = U.narrow(-1, 0, k);
  const Vht = Vh.narrow(-2, 0, k);
  const rec = Ut.mul(S.unsqueeze(-2).to(U.dtype)).matmul(Vht).sub(A).abs().max().item() as number;
  const normA = A.abs().max().item() as number;
  expect(rec, `${label}: U·S·Vh − A`).toBeLessThanOrEqual(tol * Math.max(1, k) * normA);
  const eye2 = torch.eye(U.shape[U.shape.length - 1]!, { dtype: U.dtype.name as torch.DTypeName });
  const orth = U.mT.conj().matmul(U).sub(eye2).abs().max().item() as number;
  expect(orth, `${label}: UᴴU − I`).toBeLessThanOrEqual(tol * 10);
  const s = pairs(S);
  const eu = encPairs(want[0]!);
  const ev = encPairs(want[2]!);
  const gu = pairs(U);
  const gv = pairs(Vh);
  const m = U.shape[U.shape.length - 2]!;
  const cu = U.shape[U.shape.length - 1]!;
  const n = Vh.shape[Vh.shape.length - 1]!;
  const batches = s.length / k;
  for (let b = 0; b < batches; b++) {
    const sv = s.slice(b * k, (b + 1) * k).map(([x]) => x);
    const smax = Math.max(...sv, Number.MIN_VALUE);
    for (let j = 0; j < k; j++) {
      let gap = Infinity;
      for (let i = 0; i < k; i++) if (i !== j) gap = Math.min(gap, Math.abs(sv[i]! - sv[j]!) / smax);
      if (sv[j]! / smax < 1e-3) continue;
      // phase from U's column: c = uᴴ·u_ours
      let cr = 0;
      let ci = 0;
      for (let i = 0; i < m; i++) {
        const [ar, ai] = eu[b * m * cu + i * cu + j]!;
        const [br, bi] = gu[b * m * cu + i * cu + j]!;
        cr += ar * br + ai * bi;
        ci += ar * bi - ai * br;
      }
      const mag = Math.hypot(cr, ci);
      let diff = 0;
      for (let i = 0; i < m; i++) {
        const [ar, ai] = eu[b * m * cu + i * cu + j]!;
        const [br, bi] = gu[b * m * cu + i * cu + j]!;
        diff = Math.max(diff, Math.hypot((br * cr + bi * ci) / mag - ar, (bi * cr - br * ci) / mag - ai));
      }
      // Vh's row j carries the conjugate phase
      for (let i = 0; i < n; i++) {
        const [ar, ai] = ev[b * k * n + j * n + i]!;
        const [br, bi] = gv[b * Vh.shape[Vh.shape.length - 2]! * n + j * n + i]!;
        diff = Math.max(diff, Math.hypot((br * cr - bi * ci) / mag - ar, (bi * cr + br * ci) / mag - ai));
      }
      expect(diff, `${label}: singular vectors ${j} (batch ${b}), gap ${gap}`).toBeLessThanOrEqual(tol / Math.min(1, gap));
    }
  }
  return worst;
}

/** The op family of a case name (`solve/complex64/4x4` → `solve`). */
const family = (name: string) => (name.startsWith('error/') ? 'error' : name.split('/')[0]!);

describe('torch.linalg with complex inputs against PyTorch', () => {
  const groups = new Map<string, ForwardCase[]>();
  for (const c of F.forward) groups.set(family(c.name), [...(groups.get(family(c.name)) ?? []), c]);
  for (const [g, cs] of groups) {
    it(`${g} (${cs.length} cases)`, () => {
      for (const c of cs) {
        const call = CALLS[c.fn];
        expect(call, `no call for ${c.fn}`).toBeDefined();
        const args = c.args.map((a) => (typeof a === 'number' ? a : mk(a)));
        if (isErr(c.expected)) {
          expect(() => call!(args, c.kwargs), c.name).toThrow(c.expected.error);
          continue;
        }
        const out = call!(args, c.kwargs);
        const outs = Array.isArray(out) ? out : [out];
        const want = Array.isArray(c.expected) ? c.expected : [c.expected];
        expect(outs.length, c.name).toBe(want.length);
        if (c.fn === 'linalg.svd') {
          record(`${g} ${want[0]!.dtype}`, checkSvd(c.name, args[0] as T, outs, want, TOL[want[0]!.dtype]!));
          continue;
        }
        if (c.fn === 'linalg.eig' || c.fn === 'linalg.eigvals' || c.fn === 'linalg.eigh') {
          // eigh reads one triangle only: no residual against A itself
          record(`${g} ${want[0]!.dtype}`, checkEig(c.name, args[0] as T, outs, want, TOL[want[0]!.dtype]!, c.fn !== 'linalg.eigh'));
          continue;
        }
        outs.forEach((t, i) => record(`${g} ${want[0]!.dtype}`, close(`${c.name}[${i}]`, t, want[i]!, TOL[want[i]!.dtype] ?? 0)));
      }
    });
  }
});

describe('gradients through linalg.eig / eigvals and the complex factorizations against PyTorch', () => {
  const groups = new Map<string, GradCase[]>();
  for (const c of F.grads) groups.set(c.loss, [...(groups.get(c.loss) ?? []), c]);
  for (const [loss, cs] of groups) {
    it(`${loss} (${cs.length} cases)`, () => {
      const fn = LOSSES[loss];
      expect(fn, `no loss ${loss}`).toBeDefined();
      for (const c of cs) {
        const leaves = c.inputs.map((e) => mk(e).requiresGrad_());
        if (c.expected !== undefined) {
          // (PyTorch raises some in the forward, as ormqr's, the others in backward)
          expect(() => fn!(...leaves).backward(), c.name).toThrow(c.expected.error);
          continue;
        }
        const out = fn!(...leaves);
        const tol = TOL[c.inputs[0]!.dtype]!;
        close(`${c.name}: loss`, out.detach(), c.value!, tol);
        out.backward();
        c.grads!.forEach((g, i) => {
          if (g === null) expect(leaves[i]!.grad, `${c.name}: grad ${i}`).toBeNull();
          else record(`grad ${loss.split('_')[0]} ${c.inputs[0]!.dtype}`, close(`${c.name}: grad ${i}`, leaves[i]!.grad!, g, tol));
        });
      }
    });
  }
  it('eig/eigvals record LinalgEigBackward0 (PyTorch’s node)', () => {
    const A = torch.randn([3, 3], { dtype: 'float64', requiresGrad: true });
    expect(L.eig(A).eigenvalues.gradFn!.name()).toBe('LinalgEigBackward0');
    expect(L.eig(A).eigenvectors.gradFn!.name()).toBe('LinalgEigBackward0');
    expect(L.eigvals(A).gradFn!.name()).toBe('LinalgEigBackward0');
  });
});

describe('conjugate views (the lazy conjugate bit) as inputs', () => {
  it('give the results of their resolved copies, bit for bit', () => {
    torch.manualSeed(3);
    const A = torch.randn([3, 3], { dtype: 'complex128' });
    const B = torch.randn([3, 2], { dtype: 'complex128' });
    const same = (a: T, b: T) => expect(Array.from(a.contiguous().dataSync() as ArrayLike<number>)).toEqual(Array.from(b.contiguous().dataSync() as ArrayLike<number>));
    const Ac = A.conj();
    const Ar = Ac.resolveConj();
    expect(Ac.isConj()).toBe(true);
    same(L.solve(Ac, B), L.solve(Ar, B));
    same(L.solve(A, B.conj()), L.solve(A, B.conj().resolveConj()));
    same(L.inv(A.mH), L.inv(A.mH.resolveConj()));
    same(L.det(Ac), L.det(Ar));
    same(L.qr(Ac).R, L.qr(Ar).R);
    same(L.svdvals(Ac), L.svdvals(Ar));
    same(L.eigvals(Ac), L.eigvals(Ar));
    const P = A.matmul(A.mH).add(torch.eye(3, { dtype: 'complex128' }).mul(3));
    same(L.cholesky(P.conj()), L.cholesky(P.conj().resolveConj()));
    same(L.eigvalsh(P.conj()), L.eigvalsh(P.conj().resolveConj()));
  });
});

describe('measured errors', () => {
  it('records the largest relative error per op family', () => {
    console.log([...MEASURED].map(([g, e]) => `${g}: ${e.toExponential(2)}`).join('\n'));
    expect(MEASURED.size).toBeGreaterThan(5);
  });
});
