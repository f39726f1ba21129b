// The products ops through the facade: gradients of every differentiable op (gradcheck on
// float64 inputs: analytic gradients against finite differences, no expected numbers), the
// Tensor methods, in-place forms and aliases the catalogue rows generate, and results no
// per-device golden case can hold (tools/golden/ops_products.py writes fixtures/products.json).
import { readFileSync } from 'node:fs';
import { type EncodedResult, compareTensor } from '@antorcha/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

const extras = JSON.parse(readFileSync(new URL('./fixtures/products.json', import.meta.url), 'utf8')) as Record<string, EncodedResult>;

type T = torch.Tensor;
const r = (...shape: number[]): T => torch.randn(shape, { dtype: 'float64', requiresGrad: true });
const c = (...shape: number[]): T => torch.randn(shape, { dtype: 'float64' });
/** Finite differences agree with autograd (gradcheck throws with the Jacobians otherwise). */
const check = (fn: (...xs: any[]) => T, inputs: unknown[]) => expect(torch.autograd.gradcheck(fn as never, inputs)).toBe(true);

beforeEach(() => {
  torch.manualSeed(11);
});

describe('products: gradcheck (float64)', () => {
  it('diag, diagflat, diag_embed, diagonal, trace', () => {
    check((x) => torch.diag(x), [r(3)]);
    check((x) => torch.diag(x, -2), [r(3)]);
    check((x) => torch.diag(x, 1), [r(3, 4)]);
    check((x) => torch.diagflat(x, 1), [r(2, 2)]);
    check((x) => torch.diagEmbed(x, 1, 0, 2), [r(2, 3)]);
    check((x) => torch.diagonal(x), [r(3, 4)]);
    check((x) => torch.diagonal(x, -1, 2, 0), [r(3, 2, 4)]);
    check((x) => torch.diagonal(x.t(), 1).mul(2), [r(4, 3)]);
    check((x) => torch.trace(x), [r(3, 4)]);
    // an in-place write through the diagonal view reaches the base's graph
    check((x) => {
      const y = x.clone();
      torch.diagonal(y, 1).mul_(2);
      return y;
    }, [r(3, 4)]);
  });

  it('kron, block_diag, cross', () => {
    check((a, b) => torch.kron(a, b), [r(2, 3), r(2, 2)]);
    check((a, b) => torch.kron(a, b), [r(2, 1, 2), r(3)]);
    check((a, b, s) => torch.blockDiag(a, b, s), [r(2, 2), r(3), r()]);
    check((a, b) => torch.cross(a, b, 1), [r(4, 3), r(4, 3)]);
    check((a, b) => torch.cross(a, b), [r(3, 2), r(3, 1)]);
  });

  it('cdist (direct and matrix-product formulas), dist', () => {
    for (const p of [1, 2, 3]) check((a, b) => torch.cdist(a, b, p), [r(4, 3), r(5, 3)]);
    check((a, b) => torch.cdist(a, b, 2, 'use_mm_for_euclid_dist'), [r(2, 4, 3), r(2, 5, 3)]);
    check((a, b) => torch.cdist(a, b), [r(27, 2), r(3, 2)]);
    check((a, b) => torch.dist(a, b), [r(3, 4), r(4)]);
    check((a, b) => torch.dist(a, b, 3), [r(3, 4), r(3, 4)]);
  });

  it('tensordot, inner, outer/ger, vdot, chain_matmul', () => {
    check((a, b) => torch.tensordot(a, b, 2), [r(2, 3, 4), r(3, 4, 2)]);
    check((a, b) => torch.tensordot(a, b, [[0, 2], [1, 0]]), [r(2, 3, 4), r(4, 2, 2)]);
    check((a, b) => torch.tensordot(a, b, [[1, 2], [0, 1]]), [r(2, 1, 4), r(3, 4)]);
    check((a, b) => torch.inner(a, b), [r(2, 3), r(4, 3)]);
    check((a, b) => torch.ger(a, b), [r(3), r(2)]);
    check((a, b) => torch.vdot(a, b), [r(5), r(5)]);
    check((a, b, x, y) => torch.chainMatmul(a, b, x, y), [r(3, 5), r(5, 1), r(1, 6), r(6, 2)]);
    check((a, b, x) => torch.chainMatmul(a, b, x), [r(2, 3), r(3, 4), r(4, 2)]);
  });

  it('addmm, addmv, addr, baddbmm, addbmm and their in-place forms', () => {
    const o = { beta: 0.5, alpha: -2 };
    check((i, a, b) => torch.addmm(i, a, b, o), [r(4), r(3, 5), r(5, 4)]);
    check((i, a, b) => torch.addmm_(i.clone(), a, b, o), [r(3, 4), r(3, 5), r(5, 4)]);
    check((i, a, b) => torch.addmm(i, a, b, { beta: 0 }), [r(3, 4), r(3, 5), r(5, 4)]);
    check((i, m, v) => torch.addmv(i, m, v, o), [r(3), r(3, 4), r(4)]);
    check((i, m, v) => torch.addmv_(i.clone(), m, v, o), [r(3), r(3, 4), r(4)]);
    check((i, u, v) => torch.addr(i, u, v, o), [r(3, 4), r(3), r(4)]);
    check((i, u, v) => torch.addr_(i.clone(), u, v, o), [r(3, 4), r(3), r(4)]);
    check((i, a, b) => torch.baddbmm(i, a, b, o), [r(3, 4), r(2, 3, 5), r(2, 5, 4)]);
    check((i, a, b) => torch.baddbmm_(i.clone(), a, b, o), [r(2, 3, 4), r(2, 3, 5), r(2, 5, 4)]);
    check((i, a, b) => torch.addbmm(i, a, b, o), [r(3, 4), r(2, 3, 5), r(2, 5, 4)]);
    check((i, a, b) => torch.addbmm_(i.clone(), a, b, o), [r(3, 4), r(2, 3, 5), r(2, 5, 4)]);
  });

  it('cov (with weights), corrcoef', () => {
    check((x) => torch.cov(x), [r(3, 5)]);
    check((x) => torch.cov(x, { correction: 0 }), [r(6)]);
    const fw = torch.tensor([1, 2, 0, 3]);
    const aw = torch.tensor([0.5, 1, 2, 0.25], { dtype: 'float64', requiresGrad: true });
    check((x, w) => torch.cov(x, { fweights: fw, aweights: w }), [r(3, 4), aw]);
    check((x) => torch.corrcoef(x), [r(3, 5)]);
  });

  it('diff, trapezoid, cumulative_trapezoid', () => {
    check((x) => torch.diff(x, 2), [r(3, 6)]);
    check((x, p, a) => torch.diff(x, 1, 0, p, a), [r(3, 4), r(1, 4), r(2, 4)]);
    check((y) => torch.trapezoid(y, { dx: 0.5 }), [r(3, 5)]);
    check((y, x) => torch.trapezoid(y, x, { dim: 0 }), [r(4, 3), r(4)]);
    check((y, x) => torch.trapz(y, x), [r(3, 4), r(3, 4)]);
    check((y) => torch.cumulativeTrapezoid(y, { dx: 2, dim: 0 }), [r(4, 3)]);
    check((y, x) => torch.cumulativeTrapezoid(y, x), [r(3, 4), r(1, 4)]);
  });

  it('renorm, renorm_, vander', () => {
    // row norms of randn(3, 4)·2 straddle maxnorm 3: some rows scaled, some not
    const x = c(3, 4).mul(2).requiresGrad_();
    check((t) => torch.renorm(t, 2, 0, 3), [x]);
    check((t) => torch.renorm(t, 1, 1, 2), [x]);
    check((t) => torch.renorm_(t.clone(), 3, 0, 3), [x]);
    check((t) => torch.vander(t), [r(4)]);
    check((t) => torch.vander(t, 3, true), [r(5)]);
  });
});

describe('products: methods, in-place forms and aliases', () => {
  const same = (a: T, b: T) => expect(torch.equal(a, b)).toBe(true);

  it('Tensor methods give the functions’ results', () => {
    const m = c(3, 4);
    const v = c(3);
    same(m.diag(1), torch.diag(m, 1));
    same(m.diagonal(0, 1, 0), torch.diagonal(m, 0, 1, 0));
    same(v.diagEmbed(), torch.diagEmbed(v));
    same(m.diagflat(), torch.diagflat(m));
    same(m.trace(), torch.trace(m));
    same(m.kron(v), torch.kron(m, v));
    const q = c(4, 3);
    same(m.t().cross(q), torch.cross(m.t(), q));
    same(m.inner(m), torch.inner(m, m));
    same(v.vdot(v), torch.vdot(v, v));
    same(m.cov(), torch.cov(m));
    same(m.corrcoef(), torch.corrcoef(m));
    same(m.diff(1, 0), torch.diff(m, 1, 0));
    same(m.renorm(2, 0, 1), torch.renorm(m, 2, 0, 1));
    const w = c(3, 4);
    same(m.dist(w, 3), torch.dist(m, w, 3));
  });

  it('in-place forms write into self and return it', () => {
    const i = c(3, 4);
    const a = c(3, 5);
    const b = c(5, 4);
    const expected = torch.addmm(i, a, b, { alpha: 2 });
    const target = i.clone();
    expect(target.addmm_(a, b, { alpha: 2 })).toBe(target);
    same(target, expected);
    const x = c(3, 4);
    const y = x.clone();
    expect(y.renorm_(2, 0, 1)).toBe(y);
    same(y, torch.renorm(x, 2, 0, 1));
    const z = c(3);
    same(z.clone().addmv_(c(3, 3).mul(0), c(3)), z);
  });

  it('aliases: ger is outer, trapz is trapezoid', () => {
    const u = c(3);
    const v = c(2);
    same(torch.ger(u, v), torch.outer(u, v));
    same(u.ger(v), u.outer(v));
    const y = c(3, 5);
    same(torch.trapz(y, { dx: 0.5 }), torch.trapezoid(y, { dx: 0.5 }));
  });

  it('diagonal is a view: writes through it reach the base', () => {
    const m = torch.zeros(3, 3);
    torch.diagonal(m, 1).fill_(1);
    same(m, torch.diagEmbed(torch.ones(2), 1));
    expect(torch.diagonal(m)._base).toBe(m);
  });

  it('block_diag() with no tensors: PyTorch’s empty float matrix', () => {
    expect(compareTensor(torch.blockDiag(), extras.block_diag_none!)).toBeNull();
  });

  it('in place into a leaf that requires grad is refused, and the leaf is unchanged', () => {
    const leaf = torch.zeros([2, 2], { requiresGrad: true });
    expect(() => torch.addmm_(leaf, c(2, 2).float(), c(2, 2).float())).toThrow(/leaf Variable that requires grad/);
    same(leaf.detach(), torch.zeros(2, 2));
  });
});
