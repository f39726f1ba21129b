/**
 * Derivatives of the complex ops (derivatives.yaml), with PyTorch's convention for
 * complex gradients: a tensor's gradient is the conjugate Wirtinger derivative
 * `∂L/∂z*` (times 2 for a real L: for L = |z|², `z.grad = 2z`). Holomorphic and
 * real-linear ops need no rule of their own here: the recorder runs their real
 * formulas on conjugated gradients (see `complexAware` in rule.ts); these rules are
 * the non-holomorphic ones, which see the gradients as they are.
 */
import { Complex, type Tensor, imag, real, viewAsComplex, viewAsReal, where, zerosLike } from '@antorcha/core';
import { type Rule, type RuleTable, rule } from './rule.js';

const I = (t: Tensor): Tensor => t.mul(new Complex(0, 1));

/** A gradient as the complex dtype `like` has (a real gradient reaching a complex input). */
function asComplexOf(g: Tensor, like: Tensor): Tensor {
  return g.dtype.isComplex ? g : g.to(like.dtype);
}

function aware(r: Rule): Rule {
  return { ...r, complexAware: true };
}

/** The complex rules, by the op name core records. */
export const COMPLEX: RuleTable = {
  conj: aware(rule('ConjBackward0', () => ([g]) => [g!.conj()])),
  conj_physical: aware(rule('ConjPhysicalBackward0', () => ([g]) => [g!.conjPhysical()], { needsSelf: false })),
  // PyTorch 1.13 names the in-place node ConjPhysicalBackward1
  conj_physical_: aware(rule('ConjPhysicalBackward1', () => ([g]) => [g!.conjPhysical()], { needsSelf: false })),
  // real(z) passes the gradient to the real part: ∂L/∂z* = g (a real g, made complex)
  // PyTorch records real/imag as select(view_as_real(z)): the node is SelectBackward0
  real: aware(rule('SelectBackward0', (ctx) => {
    const x = ctx.rec.inputs[0]!;
    return ([g]) => [x.dtype.isComplex ? asComplexOf(real(g!), x) : g!];
  })),
  // imag(z): ∂L/∂z* = i·g
  imag: aware(rule('SelectBackward0', (ctx) => {
    const x = ctx.rec.inputs[0]!;
    return ([g]) => [I(asComplexOf(g!, x))];
  })),
  view_as_real: aware(rule('ViewAsRealBackward0', () => ([g]) => [viewAsComplex(g!.contiguous())])),
  // derivatives.yaml: view_as_real(grad.contiguous().resolve_conj())
  view_as_complex: aware(rule('ViewAsComplexBackward0', () => ([g]) => [viewAsReal((g!.dtype.isComplex ? g! : g!.to(g!.dtype.name === 'float64' ? 'complex128' : 'complex64')).resolveConj())])),
  // complex(re, im): the real and imaginary parts of the gradient
  complex: aware(rule('ComplexBackward0', (ctx) => {
    const needRe = ctx.needs(0), needIm = ctx.needs(1);
    return ([g]) => [needRe ? real(g!) : null, needIm ? imag(g!) : null];
  })),
  // |z|: g·sgn(z) for complex inputs, g·sign(x) for real ones (derivatives.yaml's abs)
  abs: aware(rule('AbsBackward0', (ctx) => {
    const x = ctx.save(ctx.rec.inputs[0]!);
    return ([g]) => {
      const z = x();
      return [z.dtype.isComplex ? asComplexOf(g!, z).mul(z.sgn()) : g!.mul(z.sign())];
    };
  })),
  // sgn(z) = z/|z|: (g − sgn·re(conj(sgn)·g))/|z|, 0 at 0; piecewise constant for real inputs
  sgn: aware(rule('SgnBackward0', (ctx) => {
    const x = ctx.save(ctx.rec.inputs[0]!);
    return ([g]) => {
      const z = x();
      if (!z.dtype.isComplex) return [g!.mul(0)];
      const s = z.sgn();
      const a = z.abs();
      const gc = asComplexOf(g!, z);
      return [where(a.eq(0), 0, gc.sub(s.mul(real(s.conj().mul(gc)))).div(a))];
    };
  })),
  // angle(z): ∂L/∂z* = g·i·z/|z|² (0 at 0); real inputs get zeros
  angle: aware(rule('AngleBackward0', (ctx) => {
    const x = ctx.save(ctx.rec.inputs[0]!);
    return ([g]) => {
      const z = x();
      if (!z.dtype.isComplex) return [zerosLike(z)];
      const a2 = z.abs().square();
      return [where(z.eq(0), 0, I(asComplexOf(g!, z).mul(z).div(a2)))];
    };
  })),
};

