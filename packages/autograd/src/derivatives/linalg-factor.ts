/**
 * Derivatives of torch.linalg's factorizations and solvers, from PyTorch's
 * `derivatives.yaml` (`linalg_inv_ex`, `linalg_solve_ex`, `linalg_det`, `linalg_slogdet`,
 * `linalg_cholesky_ex`, `linalg_qr`, `linalg_lu_factor_ex`, `linalg_lu`,
 * `linalg_lu_solve`, `linalg_solve_triangular`, `linalg_matrix_exp`,
 * `linalg_householder_product`, `linalg_cross`, `linalg_vector_norm`) and of the older
 * `torch.*` spellings with nodes of their own (`cholesky`, `cholesky_solve`,
 * `cholesky_inverse`, `triangular_solve`, `lu_unpack`). Formulas use differentiable ops
 * (and the linalg functions themselves), so double backward works.
 */
import { Complex, type Tensor, TorchRuntimeError, cat, choleskySolve, eye, hostValues, imag, linalg, luUnpack, where, zeros } from '@antorcha/core';
import { sumTo } from '../unbroadcast.js';
import { REDUCTIONS } from './reductions.js';
import { type RuleTable, rule } from './rule.js';

const sq = (t: Tensor) => t.unsqueeze(-1).unsqueeze(-1);
/** The conjugate transpose of the last two dims (the transpose for reals): PyTorch's formulas use `mH` throughout. */
const H = (t: Tensor) => (t.dtype.isComplex ? t.mT.conj() : t.mT);
const zerosLike = (t: Tensor) => zeros(t._shape, { dtype: t.dtype, device: t.device });

/** `X·Aᵀ⁻¹` for triangular A (`upper` names A's triangle). */
function rightSolveT(A: Tensor, X: Tensor, upper: boolean, unitriangular = false): Tensor {
  return linalg.solveTriangular(H(A), X, { upper: !upper, left: false, unitriangular });
}

/**
 * The gradient of `B = L·U` (square) from gL, gU: `L⁻ᴴ·(tril(Lᴴ·gL, −1) + triu(gU·Uᴴ))·U⁻ᴴ`.
 */
function luSquareBackward(gL: Tensor | null, gU: Tensor | null, L: Tensor, U: Tensor): Tensor {
  let phi: Tensor | null = null;
  if (gL !== null) phi = H(L).matmul(gL).tril(-1);
  if (gU !== null) {
    const u = gU.matmul(H(U)).triu();
    phi = phi === null ? u : phi.add(u);
  }
  if (phi === null) return zerosLike(L.matmul(U));
  const x = linalg.solveTriangular(H(L), phi, { upper: true, left: true, unitriangular: true });
  return rightSolveT(U, x, true);
}

/** PyTorch's `linalg_lu_backward`: the gradient of A = P·L·U (any m×n) from gL and gU. */
function luBackward(gL: Tensor | null, gU: Tensor | null, P: Tensor, L: Tensor, U: Tensor): Tensor {
  const m = L._shape[L._shape.length - 2]!;
  const n = U._shape[U._shape.length - 1]!;
  const k = Math.min(m, n);
  let gB: Tensor;
  if (m === n) {
    gB = luSquareBackward(gL, gU, L, U);
  } else if (m < n) {
    // B = L·[U1 U2]: U2 = L⁻¹·B2, so gB2 = L⁻ᴴ·gU2 and L gets −L⁻ᴴ·gU2·U2ᴴ.
    const U1 = U.narrow(-1, 0, k);
    const U2 = U.narrow(-1, k, n - k);
    const gU1 = gU === null ? null : gU.narrow(-1, 0, k);
    const gU2 = gU === null ? null : gU.narrow(-1, k, n - k);
    let gLe = gL;
    let gB2: Tensor;
    if (gU2 !== null) {
      gB2 = linalg.solveTriangular(H(L), gU2, { upper: true, left: true, unitriangular: true });
      const extra = gB2.matmul(H(U2)).neg();
      gLe = gLe === null ? extra : gLe.add(extra);
    } else {
      gB2 = zerosLike(U2);
    }
    gB = cat([luSquareBackward(gLe, gU1, L, U1), gB2], -1);
  } else {
    // B = [L1; L2]·U: L2 = B2·U⁻¹, so gB2 = gL2·U⁻ᴴ and U gets −L2ᴴ·gL2·U⁻ᴴ.
    const L1 = L.narrow(-2, 0, k);
    const L2 = L.narrow(-2, k, m - k);
    const gL1 = gL === null ? null : gL.narrow(-2, 0, k);
    const gL2 = gL === null ? null : gL.narrow(-2, k, m - k);
    let gUe = gU;
    let gB2: Tensor;
    if (gL2 !== null) {
      gB2 = rightSolveT(U, gL2, true);
      const extra = H(L2).matmul(gB2).neg();
      gUe = gUe === null ? extra : gUe.add(extra);
    } else {
      gB2 = zerosLike(L2);
    }
    gB = cat([luSquareBackward(gL1, gUe, L1, U), gB2], -2);
  }
  return P.matmul(gB);
}

/** The gradient of A = Q·R (reduced, m ≥ n): `(gQ + Q·copyltu(M))·R⁻ᴴ`, `M = R·gRᴴ − gQᴴ·Q`. */
function qrTallBackward(gQ: Tensor | null, gR: Tensor | null, Q: Tensor, R: Tensor): Tensor {
  let M: Tensor | null = null;
  if (gR !== null) M = R.matmul(H(gR));
  if (gQ !== null) {
    const t = H(gQ).matmul(Q);
    M = M === null ? t.neg() : M.sub(t);
  }
  let rhs: Tensor;
  if (M === null) {
    rhs = zerosLike(Q);
  } else {
    // tril(M) + tril(M, −1)ᴴ with the real part of M's diagonal (Hermitian)
    let copyltu = M.tril().add(H(M.tril(-1)));
    if (M.dtype.isComplex) copyltu = copyltu.sub(imag(M.diagonal(0, -2, -1)).mul(new Complex(0, 1)).diagEmbed());
    rhs = Q.matmul(copyltu);
  }
  if (gQ !== null) rhs = rhs.add(gQ);
  return rightSolveT(R, rhs, true);
}

/** `linalg_qr_backward` for mode 'reduced' (or 'complete' with m ≤ n). */
function qrBackward(gQ: Tensor | null, gR: Tensor | null, Q: Tensor, R: Tensor, mode: string): Tensor {
  if (mode === 'r') {
    throw new Error("The derivative of linalg.qr depends on Q, which is not computed when mode='r'. Please use linalg.qr(A, mode='reduced') if you are going to differentiate through linalg.qr.");
  }
  const m = Q._shape[Q._shape.length - 2]!;
  const n = R._shape[R._shape.length - 1]!;
  if (mode === 'complete' && m > n) throw new Error("The QR decomposition is not differentiable when mode='complete' and nrows > ncols.");
  if (m >= n) return qrTallBackward(gQ, gR, Q, R);
  // A = Q·[U V] with X = A[:, :m] = Q·U and Y = A[:, m:] = Q·V.
  const U = R.narrow(-1, 0, m);
  const Y = Q.matmul(R.narrow(-1, m, n - m));
  const gU = gR === null ? null : gR.narrow(-1, 0, m);
  const gV = gR === null ? null : gR.narrow(-1, m, n - m);
  let gQe = gQ;
  if (gV !== null) {
    const t = Y.matmul(H(gV));
    gQe = gQe === null ? t : gQe.add(t);
  }
  const gX = qrTallBackward(gQe, gU, Q, U);
  const gY = gV === null ? zeros([...Q._shape.slice(0, -2), m, n - m], { dtype: Q.dtype, device: Q.device }) : Q.matmul(gV);
  return cat([gX, gY], -1);
}

/** PyTorch's `cholesky_backward`. */
function choleskyBackward(gL: Tensor, L: Tensor, upper: boolean): Tensor {
  const Ll = upper ? H(L) : L;
  const gLl = upper ? H(gL) : gL;
  let gA = H(Ll).matmul(gLl).tril();
  gA = gA.add(H(gA.tril(-1))).mul(0.5);
  gA = linalg.solveTriangular(H(Ll), gA, { upper: true, left: true });
  return linalg.solveTriangular(Ll, gA, { upper: false, left: false });
}

/**
 * The gradient of det: `g·det·A⁻ᴴ` (the cofactor matrix), and for singular matrices
 * (det exactly 0, where A⁻¹ does not exist) the cofactors from the SVD, as PyTorch:
 * `det(U)·det(Vh)·U·diag(π)·Vh` with `π_i = Π_{j≠i} σ_j`.
 */
function detBackward(g: Tensor, det: Tensor, A: Tensor): Tensor {
  const gd = sq(g.mul(det.conj()));
  const regular = gd.mul(H(linalg.invEx(A).inverse));
  const singular = det.eq(0);
  if (A.numel() === 0 || !hostValues(singular.any(), 'linalg.det backward')[0]) return regular;
  const { U, S, Vh } = linalg.svd(A);
  const n = S._shape[S._shape.length - 1]!;
  const ones = S.narrow(-1, 0, 1).mul(0).add(1);
  // π_i = (σ_0…σ_{i−1})·(σ_{i+1}…σ_{n−1}): exclusive products from the left and from the right.
  const leftP = n === 1 ? ones : cat([ones, S.narrow(-1, 0, n - 1).cumprod(-1)], -1);
  const rightP = n === 1 ? ones : cat([ones, S.flip([-1]).narrow(-1, 0, n - 1).cumprod(-1)], -1).flip([-1]);
  const pi = leftP.mul(rightP);
  const sign = linalg.det(U).mul(linalg.det(Vh));
  const cof = U.mul(pi.mul(sq(sign).squeeze(-1)).unsqueeze(-2)).matmul(Vh);
  return where(sq(singular), sq(g).mul(cof), regular);
}

/** Projects a gradient onto the triangle a triangular solve read. */
function triangle(g: Tensor, upper: boolean, unit: boolean): Tensor {
  return upper ? g.triu(unit ? 1 : 0) : g.tril(unit ? -1 : 0);
}

/** The derivative rules of torch.linalg part 1. */
export const LINALG_FACTOR = {
  linalg_inv_ex: rule('LinalgInvExBackward0', (ctx) => {
    const inv = ctx.saveOutput(0);
    return ([g]) => {
      const ih = H(inv());
      return [ih.matmul(g!).matmul(ih).neg()];
    };
  }),
  linalg_solve_ex: rule('LinalgSolveExBackward0', (ctx) => {
    const A = ctx.save(ctx.rec.inputs[0]!);
    const X = ctx.saveOutput(0);
    const { left, vector } = ctx.rec.attrs as { left: boolean; vector: boolean };
    const sa = ctx.rec.inputs[0]!._shape.slice();
    const sb = ctx.rec.inputs[1]!._shape.slice();
    return ([g]) => {
      const a = A();
      const gm = vector ? g!.unsqueeze(-1) : g!;
      const x = vector ? X().unsqueeze(-1) : X();
      const gB = left ? linalg.solve(H(a), gm) : linalg.solve(H(a), gm, { left: false });
      const gA = left ? gB.matmul(H(x)).neg() : H(x).matmul(gB).neg();
      const gBv = vector ? gB.squeeze(-1) : gB;
      return [ctx.needs(0) ? sumTo(gA, sa) : null, ctx.needs(1) ? sumTo(gBv, sb) : null];
    };
  }),
  linalg_det: rule('LinalgDetBackward0', (ctx) => {
    const A = ctx.save(ctx.rec.inputs[0]!);
    const d = ctx.saveOutput(0);
    return ([g]) => [detBackward(g!, d(), A())];
  }),
  // PyTorch's slogdet_backward: (g_logabsdet − i·Im(conj(g_sign)·sign))·A⁻ᴴ (the sign term only for complex A)
  linalg_slogdet: rule('LinalgSlogdetBackward0', (ctx) => {
    const A = ctx.save(ctx.rec.inputs[0]!);
    const sign = ctx.saveOutput(0);
    return ([gSign, gAbs]) => {
      const a = A();
      const invH = H(linalg.invEx(a).inverse);
      if (!a.dtype.isComplex) return [sq(gAbs!).mul(invH)];
      const g = gAbs!.to(a.dtype).sub(imag(gSign!.conj().mul(sign())).mul(new Complex(0, 1)));
      return [sq(g).mul(invH)];
    };
  }),
  linalg_cholesky_ex: rule('LinalgCholeskyExBackward0', (ctx) => {
    const L = ctx.saveOutput(0);
    const upper = ctx.rec.attrs.upper as boolean;
    return ([g]) => [choleskyBackward(g!, L(), upper)];
  }),
  cholesky: rule('CholeskyBackward0', (ctx) => {
    const L = ctx.saveOutput(0);
    const upper = ctx.rec.attrs.upper as boolean;
    return ([g]) => [choleskyBackward(g!, L(), upper)];
  }),
  linalg_qr: rule('LinalgQrBackward0', (ctx) => {
    const Q = ctx.saveOutput(0);
    const R = ctx.saveOutput(1);
    const mode = ctx.rec.attrs.mode as string;
    return ([gQ, gR]) => [qrBackward(gQ ?? null, gR ?? null, Q(), R(), mode)];
  }),
  linalg_lu_factor_ex: rule('LinalgLuFactorExBackward0', (ctx) => {
    const LU = ctx.saveOutput(0);
    const piv = ctx.saveOutput(1);
    return ([g]) => {
      const { P, L, U } = luUnpack(LU(), piv());
      const m = L._shape[L._shape.length - 2]!;
      const n = U._shape[U._shape.length - 1]!;
      const k = Math.min(m, n);
      return [luBackward(g!.narrow(-1, 0, k).tril(-1), g!.narrow(-2, 0, k).triu(), P, L, U)];
    };
  }),
  linalg_lu: rule('LinalgLuBackward0', (ctx) => {
    const P = ctx.saveOutput(0);
    const L = ctx.saveOutput(1);
    const U = ctx.saveOutput(2);
    return ([, gL, gU]) => [luBackward(gL ?? null, gU ?? null, P(), L(), U())];
  }),
  linalg_lu_solve: rule('LinalgLuSolveBackward0', (ctx) => {
    const LU = ctx.save(ctx.rec.inputs[0]!);
    const X = ctx.saveOutput(0);
    const { pivots, left, adjoint } = ctx.rec.attrs as { pivots: Tensor; left: boolean; adjoint: boolean };
    const sLU = ctx.rec.inputs[0]!._shape.slice();
    const sB = ctx.rec.inputs[1]!._shape.slice();
    return ([g]) => {
      const lu = LU();
      const x = X();
      // gB solves the adjoint system; gA = −(…) as for linalg.solve.
      const gB = linalg.luSolve(lu, pivots, g!, { left, adjoint: !adjoint });
      let gA: Tensor;
      if (left) gA = adjoint ? x.matmul(H(gB)).neg() : gB.matmul(H(x)).neg();
      else gA = adjoint ? H(gB).matmul(x).neg() : H(x).matmul(gB).neg();
      let gLU: Tensor | null = null;
      if (ctx.needs(0)) {
        // A = P·L·U: gL = tril(Pᵀ·gA·Uᴴ, −1), gU = triu(Lᴴ·Pᵀ·gA).
        const { P, L, U } = luUnpack(lu, pivots);
        const pg = H(P).matmul(gA);
        gLU = sumTo(pg.matmul(H(U)).tril(-1).add(H(L).matmul(pg).triu()), sLU);
      }
      return [gLU, ctx.needs(1) ? sumTo(gB, sB) : null];
    };
  }),
  linalg_solve_triangular: rule('LinalgSolveTriangularBackward0', (ctx) => {
    const A = ctx.save(ctx.rec.inputs[0]!);
    const X = ctx.saveOutput(0);
    const { upper, left, unitriangular } = ctx.rec.attrs as { upper: boolean; left: boolean; unitriangular: boolean };
    const sa = ctx.rec.inputs[0]!._shape.slice();
    const sb = ctx.rec.inputs[1]!._shape.slice();
    return ([g]) => {
      const a = A();
      const x = X();
      const gB = linalg.solveTriangular(H(a), g!, { upper: !upper, left, unitriangular });
      const gA = left ? gB.matmul(H(x)).neg() : H(x).matmul(gB).neg();
      return [ctx.needs(0) ? sumTo(triangle(gA, upper, unitriangular), sa) : null, ctx.needs(1) ? sumTo(gB, sb) : null];
    };
  }),
  triangular_solve: rule('TriangularSolveBackward0', (ctx) => {
    const A = ctx.save(ctx.rec.inputs[1]!);
    const X = ctx.saveOutput(0);
    const { upper, transpose, unitriangular } = ctx.rec.attrs as { upper: boolean; transpose: boolean; unitriangular: boolean };
    const sb = ctx.rec.inputs[0]!._shape.slice();
    const sa = ctx.rec.inputs[1]!._shape.slice();
    return ([g, gClone]) => {
      const a = A();
      const x = X();
      const T = transpose ? a.mT : a;
      const up = upper !== transpose;
      const zero = () => zerosLike(x);
      const gX = g ?? zero();
      const gb = linalg.solveTriangular(H(T), gX, { upper: !up, unitriangular });
      let gA = transpose ? x.matmul(H(gb)).neg() : gb.matmul(H(x)).neg();
      gA = triangle(gA, upper, unitriangular);
      if (gClone) gA = gA.add(gClone);
      return [ctx.needs(0) ? sumTo(gb, sb) : null, ctx.needs(1) ? sumTo(gA, sa) : null];
    };
  }),
  cholesky_solve: rule('CholeskySolveBackward0', (ctx) => {
    const L = ctx.save(ctx.rec.inputs[1]!);
    const X = ctx.saveOutput(0);
    const upper = ctx.rec.attrs.upper as boolean;
    const sb = ctx.rec.inputs[0]!._shape.slice();
    const sl = ctx.rec.inputs[1]!._shape.slice();
    return ([g]) => {
      const l = L();
      const gB = choleskySolve(g!, l, upper);
      let gL: Tensor | null = null;
      if (ctx.needs(1)) {
        let common = gB.matmul(H(X()));
        common = common.add(H(common));
        gL = sumTo(upper ? l.matmul(common).neg() : common.matmul(l).neg(), sl);
      }
      return [ctx.needs(0) ? sumTo(gB, sb) : null, gL];
    };
  }),
  cholesky_inverse: rule('CholeskyInverseBackward0', (ctx) => {
    const L = ctx.save(ctx.rec.inputs[0]!);
    const Y = ctx.saveOutput(0);
    const upper = ctx.rec.attrs.upper as boolean;
    return ([g]) => {
      const y = Y();
      const common = y.matmul(g!.add(H(g!))).matmul(y);
      return [upper ? L().matmul(common).neg() : common.matmul(L()).neg()];
    };
  }),
  lu_unpack: rule('LuUnpackBackward0', (ctx) => {
    const shape = ctx.rec.inputs[0]!._shape.slice();
    return ([gL, gU]) => {
      const m = shape[shape.length - 2]!;
      const n = shape[shape.length - 1]!;
      const k = Math.min(m, n);
      const batch = shape.slice(0, -2);
      const like = (gL ?? gU)!;
      const z = (r: number, c: number) => zeros([...batch, r, c], { dtype: like.dtype, device: like.device });
      let g = z(m, n);
      if (gL) g = g.add(n > k ? cat([gL.tril(-1), z(m, n - k)], -1) : gL.tril(-1));
      if (gU) g = g.add(m > k ? cat([gU.triu(), z(m - k, n)], -2) : gU.triu());
      return [g];
    };
  }),
  linalg_matrix_exp: rule('LinalgMatrixExpBackward0', (ctx) => {
    const A = ctx.save(ctx.rec.inputs[0]!);
    return ([g]) => {
      const a = A();
      const n = a._shape[a._shape.length - 1]!;
      const ah = H(a);
      const big = cat([cat([ah, g!], -1), cat([zerosLike(ah), ah], -1)], -2);
      return [linalg.matrixExp(big).narrow(-2, 0, n).narrow(-1, n, n)];
    };
  }),
  linalg_householder_product: rule('LinalgHouseholderProductBackward0', (ctx) => {
    const A = ctx.save(ctx.rec.inputs[0]!);
    const tau = ctx.save(ctx.rec.inputs[1]!);
    return ([g]) => householderBackward(g!, A(), tau());
  }),
  linalg_cross: rule('LinalgCrossBackward0', (ctx) => {
    const a = ctx.save(ctx.rec.inputs[0]!);
    const b = ctx.save(ctx.rec.inputs[1]!);
    const dim = ctx.rec.attrs.dim as number;
    const sa = ctx.rec.inputs[0]!._shape.slice();
    const sb = ctx.rec.inputs[1]!._shape.slice();
    return ([g]) => [
      ctx.needs(0) ? sumTo(linalg.cross(b().expand(g!._shape), g!, { dim }), sa) : null,
      ctx.needs(1) ? sumTo(linalg.cross(g!, a().expand(g!._shape), { dim }), sb) : null,
    ];
  }),
  geqrf: rule('GeqrfBackward0', () => () => {
    throw new TorchRuntimeError('backward', "the derivative for 'geqrf' is not implemented.");
  }),
  ormqr: rule('OrmqrBackward0', (ctx) => {
    const V = ctx.save(ctx.rec.inputs[0]!);
    const tau = ctx.save(ctx.rec.inputs[1]!);
    const C = ctx.save(ctx.rec.inputs[2]!);
    const { left, transpose } = ctx.rec.attrs as { left: boolean; transpose: boolean };
    const shapes = ctx.rec.inputs.map((t) => t._shape.slice());
    return ([g]) => ormqrBackward(g!, V(), tau(), C(), left, transpose, shapes);
  }),
  vdot: rule('VdotBackward0', (ctx) => {
    const a = ctx.needs(1) ? ctx.save(ctx.rec.inputs[0]!) : null;
    const b = ctx.needs(0) ? ctx.save(ctx.rec.inputs[1]!) : null;
    // derivatives.yaml: self: grad.conj() * other, other: grad * self (vdot conjugates x)
    return ([g]) => [b ? b().mul(g!.conj()) : null, a ? a().mul(g!) : null];
  }),
  linalg_vector_norm: { ...REDUCTIONS.norm, name: () => 'LinalgVectorNormBackward0' },
} satisfies RuleTable;

/**
 * Backward of `Q = H₁·…·H_k·E` (first n columns), `H_i = I − τ_i·v_i·v_iᵀ`: with prefix
 * `M_i = H₁…H_{i−1}` and suffix `S_i = H_{i+1}…H_k·E`, `gH_i = M_iᵀ·G·S_iᵀ`, so
 * `gτ_i = −v_iᵀ·gH_i·v_i` and `gv_i = −τ_i·(gH_i + gH_iᵀ)·v_i` (below the diagonal).
 */
function householderBackward(G: Tensor, A: Tensor, tau: Tensor): [Tensor, Tensor] {
  const m = A._shape[A._shape.length - 2]!;
  const n = A._shape[A._shape.length - 1]!;
  const k = tau._shape[tau._shape.length - 1]!;
  const batch = A._shape.slice(0, -2);
  const opts = { dtype: A.dtype, device: A.device };
  const I = eye(m, opts).expand([...batch, m, m]);
  const V = A.tril(-1).add(eye(m, n, opts));
  const vs: Tensor[] = [];
  const Hs: Tensor[] = [];
  for (let i = 0; i < k; i++) {
    const v = V.narrow(-1, i, 1);
    vs.push(v);
    Hs.push(I.sub(sq(tau.select(-1, i)).mul(v.matmul(H(v)))));
  }
  const E = I.narrow(-1, 0, n);
  const suffix: Tensor[] = new Array(k);
  let s = E;
  for (let i = k - 1; i >= 0; i--) {
    suffix[i] = s;
    s = Hs[i]!.matmul(s);
  }
  let prefix = I;
  const gv: Tensor[] = [];
  const gtau: Tensor[] = [];
  for (let i = 0; i < k; i++) {
    const gH = H(prefix).matmul(G).matmul(H(suffix[i]!));
    const v = vs[i]!;
    const t = sq(tau.select(-1, i));
    // H = I − τ·v·vᴴ: gτ = −vᴴ·gH·v, gv = −(conj(τ)·gH + τ·gHᴴ)·v
    gtau.push(H(v).matmul(gH).matmul(v).neg().squeeze(-1).squeeze(-1));
    gv.push(gH.matmul(v).mul(t.conj()).add(H(gH).matmul(v).mul(t)).neg());
    prefix = prefix.matmul(Hs[i]!);
  }
  const cols: Tensor[] = gv.map((g, i) => g.mul(rowMask(m, i, A)));
  if (n > k) cols.push(zeros([...batch, m, n - k], opts));
  const gA = k === 0 ? zeros(A._shape, opts) : cat(cols, -1);
  const gT = k === 0 ? zeros(tau._shape, opts) : cat(gtau.map((t) => t.unsqueeze(-1)), -1);
  return [gA, gT];
}

/** A column mask selecting rows below `i` (the free entries of reflector i). */
function rowMask(m: number, i: number, like: Tensor): Tensor {
  const mask = zeros([m, 1], { dtype: like.dtype, device: like.device });
  if (i + 1 < m) mask.narrow(0, i + 1, m - i - 1).fill_(1);
  return mask;
}

/**
 * Backward of `ormqr`: with the full mq×mq `Q = H₁·…·H_k` (reflectors padded with zero
 * columns), the product's gradient gives gQ and gC, and gQ goes through
 * {@link householderBackward}.
 */
function ormqrBackward(g: Tensor, V: Tensor, tau: Tensor, C: Tensor, left: boolean, transpose: boolean, shapes: number[][]): Tensor[] {
  const mq = V._shape[V._shape.length - 2]!;
  const kv = V._shape[V._shape.length - 1]!;
  const batch = g._shape.slice(0, -2);
  const opts = { dtype: V.dtype, device: V.device };
  const Vb = V.expand([...batch, mq, kv]);
  const Vsq = kv >= mq ? Vb.narrow(-1, 0, mq) : cat([Vb, zeros([...batch, mq, mq - kv], opts)], -1);
  const tb = tau.expand([...batch, tau._shape[tau._shape.length - 1]!]);
  const Q = linalg.householderProduct(Vsq, tb);
  const Cb = C.expand(g._shape);
  let gQ: Tensor;
  let gC: Tensor;
  if (left && !transpose) [gQ, gC] = [g.matmul(Cb.mT), Q.mT.matmul(g)];
  else if (left) [gQ, gC] = [Cb.matmul(g.mT), Q.matmul(g)];
  else if (!transpose) [gQ, gC] = [Cb.mT.matmul(g), g.matmul(Q.mT)];
  else [gQ, gC] = [g.mT.matmul(Cb), g.matmul(Q)];
  const [gVsq, gTau] = householderBackward(gQ, Vsq, tb);
  const gV = kv >= mq ? cat([gVsq, zeros([...batch, mq, kv - mq], opts)], -1) : gVsq.narrow(-1, 0, kv);
  return [sumTo(gV, shapes[0]!), sumTo(gTau, shapes[1]!), sumTo(gC, shapes[2]!)];
}
