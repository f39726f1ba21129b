// Gradients of torch.linalg's spectral half (float64 gradcheck: analytic gradients from
// the derivatives.yaml formulas in autograd/derivatives/linalg-spectral.ts against finite
// differences; no expected numbers). Singular vectors and eigenvectors are defined only up
// to sign, so — as PyTorch's own tests do — the checked functions are gauge-invariant:
// U·Vh, U∘U, Vh∘Vh (each unchanged by flipping a vector's sign), V∘V; symmetric inputs are
// built as A + Aᵀ so that the derivative with respect to both triangles is the true one.
// Node names are checked against PyTorch in linalg-spectral.test.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

type T = torch.Tensor;
const r = (...shape: number[]): T => torch.randn(shape, { dtype: 'float64', requiresGrad: true });
const check = (fn: (...xs: any[]) => T | T[], inputs: unknown[]) => expect(torch.autograd.gradcheck(fn as never, inputs)).toBe(true);
const sym = (A: T) => A.add(A.mT);

beforeEach(() => {
  torch.manualSeed(14);
});

describe('svd, svdvals (gauge-invariant functions of U, S, Vh)', () => {
  for (const shape of [[3, 3], [4, 3], [3, 5], [2, 4, 3]]) {
    it(`linalg.svd ${shape.join('×')} thin and full`, () => {
      for (const full of [false, true]) {
        check((A: T) => {
          const { U, S, Vh } = torch.linalg.svd(A, full);
          const k = S.shape[S.shape.length - 1]!;
          const u = U.narrow(-1, 0, k);
          const vh = Vh.narrow(-2, 0, k);
          return [u.matmul(vh), S, u.mul(u), vh.mul(vh)];
        }, [r(...shape)]);
      }
    });
  }
  it('svdvals, and the 2 / −2 / nuc matrix norms built on it', () => {
    check((A: T) => torch.linalg.svdvals(A), [r(4, 3)]);
    check((A: T) => torch.linalg.svdvals(A), [r(2, 3, 5)]);
    check((A: T) => torch.linalg.matrixNorm(A, 2), [r(3, 4)]);
    check((A: T) => torch.linalg.matrixNorm(A, -2), [r(2, 3, 3)]);
    check((A: T) => torch.linalg.matrixNorm(A, 'nuc'), [r(4, 2)]);
    check((A: T) => torch.linalg.norm(A, 'nuc'), [r(3, 3)]);
  });
  it('torch.svd returns V (and zeros without compute_uv)', () => {
    check((A: T) => {
      const { U, S, V } = torch.svd(A);
      return [U.matmul(V.mT), S, V.mul(V)];
    }, [r(4, 3)]);
    check((A: T) => torch.svd(A, { computeUv: false }).S, [r(3, 5)]);
    check((A: T) => {
      const { U, S, V } = A.svd();
      return [U.mul(U), S, V.mul(V)];
    }, [r(3, 4)]);
  });
});

describe('eigh, eigvalsh (symmetric input A + Aᵀ)', () => {
  it('linalg.eigh: eigenvalues and V∘V, both triangles', () => {
    for (const uplo of ['L', 'U'] as const) {
      check((A: T) => {
        const { eigenvalues, eigenvectors } = torch.linalg.eigh(sym(A), uplo);
        return [eigenvalues, eigenvectors.mul(eigenvectors)];
      }, [r(4, 4)]);
    }
    check((A: T) => {
      const { eigenvalues, eigenvectors } = torch.linalg.eigh(sym(A));
      return [eigenvalues, eigenvectors.matmul(eigenvalues.diagEmbed()).matmul(eigenvectors.mT)];
    }, [r(2, 3, 3)]);
  });
  it('linalg.eigvalsh', () => {
    check((A: T) => torch.linalg.eigvalsh(sym(A)), [r(5, 5)]);
    check((A: T) => torch.linalg.eigvalsh(sym(A), 'U'), [r(2, 3, 3)]);
  });
});

describe('pinv, pinverse, lstsq, cond', () => {
  it('linalg.pinv: square, tall, wide, batched, hermitian', () => {
    check((A: T) => torch.linalg.pinv(A), [r(3, 3)]);
    check((A: T) => torch.linalg.pinv(A), [r(5, 3)]);
    check((A: T) => torch.linalg.pinv(A), [r(2, 3, 4)]);
    check((A: T) => torch.linalg.pinv(sym(A), { hermitian: true }), [r(4, 4)]);
    check((A: T) => torch.pinverse(A), [r(3, 4)]);
    check((A: T) => A.pinverse(), [r(4, 2)]);
  });
  it('linalg.lstsq: solution in A and B (tall, wide, vector, broadcast batch)', () => {
    check((A: T, B: T) => torch.linalg.lstsq(A, B).solution, [r(5, 3), r(5, 2)]);
    check((A: T, B: T) => torch.linalg.lstsq(A, B, { driver: 'gelsd' }).solution, [r(3, 5), r(3, 2)]);
    check((A: T, B: T) => torch.linalg.lstsq(A, B).solution, [r(5, 3), r(5)]);
    check((A: T, B: T) => torch.linalg.lstsq(A, B, { driver: 'gelss' }).solution, [r(2, 1, 4, 3), r(1, 3, 4, 2)]);
  });
  it('linalg.cond: 2, −2, nuc, fro, 1, inf', () => {
    for (const p of [null, -2, 'nuc', 'fro', 1, Infinity] as const) check((A: T) => torch.linalg.cond(A, p), [r(3, 3)]);
  });
  it('eig / eigvals (gauge-invariant functions: eigenvalues, |V|², V·diag(L)·V⁻¹); PyTorch’s values in linalg-complex.test.ts', () => {
    const asReal = (z: T) => torch.viewAsReal(z);
    check((A: T) => asReal(torch.linalg.eigvals(A)).pow(2).sum(-1), [r(3, 3)]);
    check((A: T) => torch.linalg.eig(A).eigenvectors.abs(), [r(4, 4)]);
    check((A: T) => {
      const { eigenvalues, eigenvectors } = torch.linalg.eig(A);
      return asReal(eigenvectors.matmul(eigenvalues.diagEmbed()).matmul(torch.linalg.inv(eigenvectors)));
    }, [r(2, 3, 3)]);
    const { eigenvalues } = torch.linalg.eig(r(3, 3));
    expect(eigenvalues.gradFn!.name()).toBe('LinalgEigBackward0');
  });
  it('eig: a loss depending on the eigenvectors’ phases raises PyTorch’s error', () => {
    const A = torch.tensor([[1, -1], [1, 1]], { dtype: 'float64', requiresGrad: true });
    expect(() => torch.linalg.eig(A).eigenvectors.real.sum().backward()).toThrow(
      'linalg_eig_backward: The eigenvectors in the complex case are specified up to multiplication by e^{i phi}. The specified loss function depends on this quantity, so it is ill-defined.',
    );
  });
  it('matrix_rank is not differentiable (an integer result)', () => {
    const rank = torch.linalg.matrixRank(r(3, 3));
    expect(rank.dtype.name).toBe('int64');
    expect(rank.requiresGrad).toBe(false);
  });
});
