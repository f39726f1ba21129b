/**
 * Derivatives of `torch.special` (PyTorch 1.13's derivatives.yaml): erfcx, ndtri,
 * log_ndtr, i0e, i1, i1e, entr, xlog1py, zeta (in q only: the derivative in x raises
 * PyTorch's "not implemented" at backward), ndtr, multigammaln (`MvlgammaBackward0`) and
 * `round(decimals=…)` (`RoundBackward1`). Bessel functions and the orthogonal polynomials
 * have none: PyTorch's results never require grad (core detaches their inputs).
 */
import { type OpRecord, Tensor, TorchRuntimeError, arange, special, where, xlogy } from '@antorcha/core';
import { type BackwardFn, type Rule, type RuleCtx, type RuleTable, operands, rule } from './rule.js';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** A unary rule reading the saved input `x` and output `y`. */
function unary(name: string, f: (g: Tensor, x: Tensor, y: Tensor) => Tensor): Rule {
  return rule(name, (ctx) => {
    const x = ctx.save(ctx.rec.inputs[0]!);
    const y = ctx.saveOutput(0);
    return ([g]) => [f(g!, x(), y())];
  });
}

/**
 * PyTorch's i1_backward / i1e_backward: the formula away from 0, and its limit 0.5 where
 * |x| ≤ eps (the formula's 0/0 there); `safe` keeps the unused branch finite.
 */
function besselI1Backward(g: Tensor, x: Tensor, y: Tensor, scaled: boolean): Tensor {
  const eps = x.dtype.name === 'float32' ? 1.1920928955078125e-7 : Number.EPSILON;
  const notTiny = x.abs().gt(eps);
  const safe = where(notTiny, x, eps);
  const dx = scaled ? special.i0e(safe).sub(y.mul(safe.sgn().add(safe.reciprocal()))) : safe.i0().sub(y.mul(safe.reciprocal()));
  return g.mul(where(notTiny, dx, 0.5));
}

/**
 * A binary rule with PyTorch's Scalar overloads: a number operand leaves one edge (the
 * tensor's) and names the node `…Backward1` (number input) or `…Backward2` (number other).
 */
function binaryScalar(base: string, build: (ctx: RuleCtx, a: Tensor | number, b: Tensor | number, needA: boolean, needB: boolean) => (g: Tensor) => [Tensor | null, Tensor | null]): Rule {
  return {
    name: (rec: OpRecord) => `${base}${rec.attrs.scalarA !== undefined ? 1 : rec.attrs.scalarB !== undefined ? 2 : 0}`,
    edges: (rec: OpRecord) => (rec.attrs.scalarA !== undefined || rec.attrs.scalarB !== undefined ? [rec.inputs[0]!] : [rec.inputs[0]!, rec.inputs[1]!]),
    build(ctx): BackwardFn {
      const [a, b] = operands(ctx.rec);
      const aIsT = a instanceof Tensor;
      const bIsT = b instanceof Tensor;
      const needA = aIsT && ctx.needs(0);
      const needB = bIsT && ctx.needs(aIsT ? 1 : 0);
      const f = build(ctx, a, b, needA, needB);
      return ([g]) => {
        const [ga, gb] = f(g!);
        if (aIsT && bIsT) return [needA ? ga : null, needB ? gb : null];
        return [aIsT ? (needA ? ga : null) : needB ? gb : null];
      };
    },
  };
}

/** Saves a tensor operand (a number stays a number). */
const saved = (ctx: RuleCtx, v: Tensor | number): (() => Tensor | number) => (v instanceof Tensor ? ctx.save(v) : () => v);

/** Every special-function rule, by the op name core records. */
export const SPECIAL = {
  // xlogy.Tensor / .Scalar_Self / .Scalar_Other (XlogyBackward0/1/2), PyTorch 2.x's formulas
  // (pytorch/pytorch#80770): at x = 0 the gradient in x is log(y) for y > 0 and 0 for y <= 0;
  // 1.13's `xlogy(self != 0, other)` gave 0 at every x = 0.
  xlogy: binaryScalar('XlogyBackward', (ctx, a, b, needA, needB) => {
    const sa = saved(ctx, a);
    const sb = saved(ctx, b);
    return (g) => {
      const x = sa();
      const y = sb();
      let ga: Tensor | null = null;
      if (needA) {
        const xt = x as Tensor;
        const base = xlogy(g, y);
        const mask = y instanceof Tensor ? xt.eq(0).logicalAnd(y.le(0)) : y > 0 ? null : xt.eq(0);
        ga = mask === null ? base : base.maskedFill(mask, 0);
      }
      const gb = needB ? g.mul(x).div(y as Tensor) : null;
      return [ga, gb];
    };
  }),
  special_erfcx: unary('SpecialErfcxBackward0', (g, x, y) => g.mul(x.mul(2).mul(y).sub(2 / Math.sqrt(Math.PI)))),
  special_ndtri: unary('SpecialNdtriBackward0', (g, _x, y) => g.mul(SQRT_2PI).mul(y.square().div(2).exp())),
  special_log_ndtr: unary('SpecialLogNdtrBackward0', (g, x, y) => g.div(SQRT_2PI).mul(y.add(x.pow(2).div(2)).neg().exp())),
  special_i0e: unary('SpecialI0EBackward0', (g, x, y) => g.mul(special.i1e(x).sub(x.sgn().mul(y)))),
  special_i1: unary('SpecialI1Backward0', (g, x, y) => besselI1Backward(g, x, y, false)),
  special_i1e: unary('SpecialI1EBackward0', (g, x, y) => besselI1Backward(g, x, y, true)),
  special_entr: unary('SpecialEntrBackward0', (g, x) => g.mul(x.log().add(1).neg())),
  // ndtr is (1 + erf(x/√2))·0.5 in PyTorch (a composite): the outer node is mul(…, 0.5).
  special_ndtr: unary('MulBackward1', (g, x) => g.mul(x.square().mul(-0.5).exp().div(SQRT_2PI))),
  round_decimals: rule('RoundBackward1', () => ([g]) => [g!.mul(0)], { needsSelf: false }),
  mvlgamma: rule('MvlgammaBackward0', (ctx) => {
    const x = ctx.save(ctx.rec.inputs[0]!);
    const p = ctx.rec.attrs.p as number;
    return ([g]) => {
      const xv = x();
      const args = arange(-p * 0.5 + 0.5, 0.5, 0.5, { dtype: xv.dtype, device: xv.device });
      return [g!.mul(xv.unsqueeze(-1).add(args).digamma().sum(-1))];
    };
  }),
  // x·log1p(y): d/dx = xlog1py(x != 0, y), d/dy = x/(y + 1).
  special_xlog1py: binaryScalar('SpecialXlog1PyBackward', (ctx, a, b, needA, needB) => {
    const sa = saved(ctx, a);
    const sb = saved(ctx, b);
    return (g) => {
      const x = sa();
      const y = sb();
      const ga = needA ? g.mul(special.xlog1py((x as Tensor).ne(0), y)) : null;
      const gb = needB ? g.mul(x).div((y as Tensor).add(1)) : null;
      return [ga, gb];
    };
  }),
  // ζ(x, q): d/dq = −x·ζ(x + 1, q); PyTorch has no derivative in x.
  special_zeta: binaryScalar('SpecialZetaBackward', (ctx, a, b, needA, needB) => {
    const sa = saved(ctx, a);
    const sb = saved(ctx, b);
    return (g) => {
      if (needA) throw new TorchRuntimeError('backward', "the derivative for 'zeta' is not implemented.");
      const x = sa();
      const q = sb();
      const xp1 = x instanceof Tensor ? x.add(1) : x + 1;
      return [null, needB ? g.mul(special.zeta(xp1, q).mul(x).neg()) : null];
    };
  }),
} satisfies RuleTable;
