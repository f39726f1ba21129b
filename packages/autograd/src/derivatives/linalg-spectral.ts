/**
 * Derivatives of torch.linalg's spectral ops, from PyTorch's `derivatives.yaml` and
 * `FunctionsManual.cpp`: `linalg_svd` (`svd_backward`, the full factors narrowed to
 * their first k = min(m, n) columns/rows), `linalg_svdvals` (its S-only case,
 * U·diag(gS)·Vh), `linalg_eigh` / `linalg_eigvalsh` (`linalg_eig_backward` with
 * `is_hermitian`), `linalg_eig` / `linalg_eigvals` (`linalg_eig_backward`, complex),
 * `linalg_pinv` (`pinv_backward`) and `linalg_lstsq`
 * (`linalg_lstsq_backward`, through the pseudoinverse). As in PyTorch, the vector
 * gradients are well defined only for distinct singular values / eigenvalues and only
 * for losses invariant to the vectors' signs (gauge invariance). Formulas use
 * differentiable ops, so double backward works.
 */
import { type Tensor, TorchRuntimeError, hostValues, imag, linalg, real } from '@antorcha/core';
import { sumTo } from '../unbroadcast.js';
import { type RuleTable, rule } from './rule.js';

/** `x` with its diagonal (last two dims) replaced by `d`. */
function withDiagonal(x: Tensor, d: Tensor): Tensor {
  return x.sub(x.diagonal(0, -2, -1).diagEmbed()).add(d.diagEmbed());
}

/**
 * PyTorch's `svd_backward` on the thin factors (U m×k, S k, Vh k×n); for complex factors
 * with its check that the loss does not depend on the singular vectors' phases and the
 * diagonal term `i·Im(diag(UᴴgU))/(2S)`.
 */
export function svdBackward(gU: Tensor, gS: Tensor, gVh: Tensor, U: Tensor, S: Tensor, Vh: Tensor): Tensor {
  const m = U._shape[U._shape.length - 2]!;
  const n = Vh._shape[Vh._shape.length - 1]!;
  const complex = U.dtype.isComplex;
  const skew = (A: Tensor) => A.sub(adjoint(A));
  const UhgU = skew(adjoint(U).matmul(gU));
  const VhgV = skew(Vh.matmul(adjoint(gVh)));
  if (complex) {
    // allclose(imag(diag(UhgU)), −imag(diag(VhgV)), rtol=1e-2, atol=1e-2)
    const a = imag(UhgU.diagonal(0, -2, -1));
    const b = imag(VhgV.diagonal(0, -2, -1)).neg();
    const bad = hostValues(a.sub(b).abs().le(b.abs().mul(1e-2).add(1e-2)).logicalNot().any(), 'svd_backward');
    if (Number(bad[0]) !== 0) {
      throw new TorchRuntimeError('backward', 'svd_backward: The singular vectors in the complex case are specified up to multiplication by e^{i phi}. The specified loss function depends on this phase term, making it ill-defined.');
    }
  }
  const S2 = S.mul(S);
  // E[i][j] = S_j² − S_i², with ones on the diagonal (divided into zeros there)
  const E = withDiagonal(S2.unsqueeze(-2).sub(S2.unsqueeze(-1)), S2.mul(0).add(1));
  let gA = UhgU.mul(S.unsqueeze(-2)).add(S.unsqueeze(-1).mul(VhgV)).div(E);
  gA = gA.add(gS.diagEmbed());
  if (complex) gA = gA.add(UhgU.diagonal(0, -2, -1).div(S.mul(2)).diagEmbed());
  if (m > n) {
    gA = U.matmul(gA);
    const gUSinv = gU.div(S.unsqueeze(-2));
    gA = gA.add(gUSinv).sub(U.matmul(adjoint(U).matmul(gUSinv)));
    return gA.matmul(Vh);
  }
  if (m < n) {
    gA = gA.matmul(Vh);
    const SinvgVh = gVh.div(S.unsqueeze(-1));
    gA = gA.add(SinvgVh).sub(SinvgVh.matmul(adjoint(Vh)).matmul(Vh));
    return U.matmul(gA);
  }
  return U.matmul(gA.matmul(Vh));
}

/**
 * PyTorch's `linalg_eig_backward` for Hermitian input: `V·(VᴴgV skew-projected / E, diag gL)·Vᴴ`
 * (complex V: with the check that the loss does not depend on the eigenvectors' phases).
 */
export function eighBackward(gL: Tensor, gV: Tensor | null, L: Tensor, V: Tensor): Tensor {
  if (gV === null) return V.mul(gL.unsqueeze(-2)).matmul(adjoint(V));
  let VhgV = adjoint(V).matmul(gV);
  if (V.dtype.isComplex) checkPhaseInvariant(VhgV, 'linalg_eigh_backward');
  VhgV = VhgV.sub(adjoint(VhgV)).mul(0.5);
  // E[i][j] = L_j − L_i, ones on the diagonal
  const E = withDiagonal(L.unsqueeze(-2).sub(L.unsqueeze(-1)), L.mul(0).add(1));
  const inner = withDiagonal(VhgV.div(E), V.dtype.isComplex ? gL.to(V.dtype) : gL);
  return V.matmul(inner.matmul(adjoint(V)));
}

/**
 * PyTorch's check that a loss does not depend on the eigenvectors' phases: the imaginary
 * parts of diag(VᴴgV) within `allclose(·, 0, rtol=1e-2, atol=1e-2)`; else its error.
 */
function checkPhaseInvariant(VhgV: Tensor, name: string): void {
  const bad = hostValues(imag(VhgV.diagonal(0, -2, -1)).abs().le(1e-2).logicalNot().any(), name);
  if (Number(bad[0]) !== 0) {
    throw new TorchRuntimeError('backward', `${name}: The eigenvectors in the complex case are specified up to multiplication by e^{i phi}. The specified loss function depends on this quantity, so it is ill-defined.`);
  }
}

/** The conjugate transpose of the last two dims. */
function adjoint(t: Tensor): Tensor {
  return t.dtype.isComplex ? t.mT.conj() : t.mT;
}

/**
 * PyTorch's `linalg_eig_backward` for general (non-Hermitian) A = V·diag(L)·V⁻¹ with unit
 * eigenvectors: `gA = V⁻ᴴ·(diag(gL) + (VᴴgV − VᴴV·diag(re(diag(VᴴgV)))) / conj(E))·Vᴴ`,
 * `E[i][j] = L_j − L_i` (ones on the diagonal, which diag(gL) replaces). The eigenvectors are
 * unique only up to a phase each, so a loss that depends on it (imaginary parts of
 * diag(VᴴgV) beyond 1e-2) raises PyTorch's error. Complex gradients, conjugate Wirtinger.
 */
export function eigBackward(gL: Tensor, gV: Tensor, L: Tensor, V: Tensor): Tensor {
  const Vh = adjoint(V);
  let VhgV = Vh.matmul(gV);
  const d = VhgV.diagonal(0, -2, -1);
  checkPhaseInvariant(VhgV, 'linalg_eig_backward');
  VhgV = VhgV.sub(Vh.matmul(V.mul(real(d).unsqueeze(-2))));
  const Lc = L.conj();
  const Econj = withDiagonal(Lc.unsqueeze(-2).sub(Lc.unsqueeze(-1)), Lc.mul(0).add(1));
  const inner = withDiagonal(VhgV.div(Econj), gL);
  return linalg.solve(Vh, inner.matmul(Vh));
}

/** PyTorch's `pinv_backward(grad, pinvA, A)`. */
export function pinvBackward(grad: Tensor, pinvA: Tensor, A: Tensor): Tensor {
  const m = A._shape[A._shape.length - 2]!;
  const n = A._shape[A._shape.length - 1]!;
  const pinvAh = adjoint(pinvA);
  const gradh = adjoint(grad);
  if (m <= n) {
    const K = gradh.matmul(pinvA);
    const KpinvAh = K.matmul(pinvAh);
    return adjoint(pinvA.matmul(K))
      .neg()
      .add(KpinvAh)
      .sub(A.matmul(pinvA).matmul(KpinvAh))
      .add(pinvAh.matmul(pinvA).matmul(gradh.sub(K.matmul(A))));
  }
  const K = pinvA.matmul(gradh);
  const pinvAhK = pinvAh.matmul(K);
  return adjoint(K.matmul(pinvA))
    .neg()
    .add(gradh.sub(A.matmul(K)).matmul(pinvA).matmul(pinvAh))
    .add(pinvAhK)
    .sub(pinvAhK.matmul(pinvA).matmul(A));
}

/** The k = min(m, n) leading columns of U and rows of Vh (the full factors' extra part has no gradient). */
function thin(U: Tensor, Vh: Tensor, k: number): [Tensor, Tensor] {
  return [U.narrow(-1, 0, k), Vh.narrow(-2, 0, k)];
}

/** Spectral rules. */
export const LINALG_SPECTRAL = {
  // outputs [U, S, Vh]
  linalg_svd: rule('LinalgSvdBackward0', (ctx) => {
    const U = ctx.saveOutput(0);
    const S = ctx.saveOutput(1);
    const Vh = ctx.saveOutput(2);
    return ([gU, gS, gVh]) => {
      const s = S();
      const k = s._shape[s._shape.length - 1]!;
      const [u, vh] = thin(U(), Vh(), k);
      const [gu, gvh] = thin(gU!, gVh!, k);
      return [svdBackward(gu, gS!, gvh, u, s, vh)];
    };
  }),
  // outputs [S, U, Vh] (U, Vh thin and not returned to the caller)
  linalg_svdvals: rule('LinalgSvdBackward0', (ctx) => {
    const S = ctx.saveOutput(0);
    const U = ctx.saveOutput(1);
    const Vh = ctx.saveOutput(2);
    void S;
    return ([gS]) => {
      const u = U();
      const vh = Vh();
      const m = u._shape[u._shape.length - 2]!;
      const n = vh._shape[vh._shape.length - 1]!;
      return [m >= n ? u.matmul(gS!.unsqueeze(-1).mul(vh)) : u.mul(gS!.unsqueeze(-2)).matmul(vh)];
    };
  }),
  // outputs [eigenvalues, eigenvectors]
  linalg_eigh: rule('LinalgEighBackward0', (ctx) => {
    const L = ctx.saveOutput(0);
    const V = ctx.saveOutput(1);
    return ([gL, gV]) => [eighBackward(gL!, gV!, L(), V())];
  }),
  // outputs [eigenvalues, eigenvectors] (vectors not returned to the caller)
  linalg_eigvalsh: rule('LinalgEighBackward0', (ctx) => {
    const L = ctx.saveOutput(0);
    const V = ctx.saveOutput(1);
    return ([gL]) => [eighBackward(gL!, null, L(), V())];
  }),
  // outputs [eigenvalues, eigenvectors] (complex; eigvals records both and returns the first)
  linalg_eig: rule('LinalgEigBackward0', (ctx) => {
    const L = ctx.saveOutput(0);
    const V = ctx.saveOutput(1);
    const realInput = !ctx.rec.inputs[0]!.dtype.isComplex;
    return ([gL, gV]) => {
      const gA = eigBackward(gL!, gV!, L(), V());
      // a real input takes the real part (PyTorch's handle_r_to_c)
      return [realInput ? real(gA) : gA];
    };
  }),
  linalg_pinv: rule('LinalgPinvBackward0', (ctx) => {
    const A = ctx.save(ctx.rec.inputs[0]!);
    const P = ctx.saveOutput(0);
    return ([g]) => [pinvBackward(g!, P(), A())];
  }),
  // inputs [A, B], output [X]; `attrs.vector`: B was a vector right-hand side
  linalg_lstsq: rule('LinalgLstsqBackward0', (ctx) => {
    const A = ctx.save(ctx.rec.inputs[0]!);
    const B = ctx.save(ctx.rec.inputs[1]!);
    const vector = ctx.rec.attrs.vector === true;
    const needA = ctx.needs(0);
    const needB = ctx.needs(1);
    return ([g]) => {
      const a = A();
      const b = B();
      const gX = vector ? g!.unsqueeze(-1) : g!;
      const B2 = vector ? b.unsqueeze(-1) : b;
      const pinvA = linalg.pinv(a);
      const gA = needA ? sumTo(pinvBackward(gX.matmul(adjoint(B2)), pinvA, a), a._shape) : null;
      let gB: Tensor | null = null;
      if (needB) {
        const full = adjoint(pinvA).matmul(gX);
        gB = vector ? sumTo(full, [...b._shape, 1]).squeeze(-1) : sumTo(full, b._shape);
      }
      return [gA, gB];
    };
  }),
} satisfies RuleTable;
