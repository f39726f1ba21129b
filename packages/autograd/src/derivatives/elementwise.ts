/**
 * Derivatives of elementwise ops (PyTorch's `derivatives.yaml` formulas): unary
 * functions, binary arithmetic with tensor or number operands, `where`, `clamp`
 * and the composite elementwise ops.
 */
import { type OpRecord, Tensor, TorchRuntimeError, cosh, digamma, div, exp2, frexp, polygamma, sinh, specialI1, where } from '@antorcha/core';
import { type BackwardFn, type Rule, type RuleCtx, type RuleTable, num, operands, rule } from './rule.js';
import { fused } from './half.js';

const SQRT_PI = Math.sqrt(Math.PI);

/** A unary op whose gradient reads the input `x` (saved) and/or the output `y` (saved). */
function unary(name: string, uses: 'x' | 'y' | 'xy' | 'none', f: (g: Tensor, x: () => Tensor, y: () => Tensor, rec: OpRecord) => Tensor): Rule {
  return rule(
    name,
    (ctx) => {
      const x = uses === 'x' || uses === 'xy' ? ctx.save(ctx.rec.inputs[0]!) : noTensor;
      const y = uses === 'y' || uses === 'xy' ? ctx.saveOutput(0) : noTensor;
      return ([g]) => [f(g!, x, y, ctx.rec)];
    },
    { needsSelf: uses === 'x' || uses === 'xy' },
  );
}

function noTensor(): Tensor {
  throw new Error('autograd: tensor not saved');
}

const zeroGrad = (g: Tensor): Tensor => g.mul(0);

const UNARY_RULES = {
  neg: unary('NegBackward0', 'none', (g) => g.neg()),
  exp: unary('ExpBackward0', 'y', (g, _x, y) => g.mul(y())),
  expm1: unary('Expm1Backward0', 'y', (g, _x, y) => g.mul(y().add(1))),
  log: unary('LogBackward0', 'x', (g, x) => g.div(x())),
  log1p: unary('Log1PBackward0', 'x', (g, x) => g.div(x().add(1))),
  log2: unary('Log2Backward0', 'x', (g, x) => g.div(x().mul(Math.LN2))),
  log10: unary('Log10Backward0', 'x', (g, x) => g.div(x().mul(Math.LN10))),
  sqrt: unary('SqrtBackward0', 'y', (g, _x, y) => g.div(y().mul(2))),
  rsqrt: unary('RsqrtBackward0', 'y', (g, _x, y) => g.mul(y().pow(3)).mul(-0.5)),
  abs: unary('AbsBackward0', 'x', (g, x) => g.mul(x().sign())),
  sign: unary('SignBackward0', 'none', zeroGrad),
  sgn: unary('SgnBackward0', 'none', zeroGrad),
  floor: unary('FloorBackward0', 'none', zeroGrad),
  ceil: unary('CeilBackward0', 'none', zeroGrad),
  // round(x, decimals) is PyTorch's second overload: RoundBackward1
  round: { ...unary('RoundBackward0', 'none', zeroGrad), name: (rec) => (rec.attrs.decimals ? 'RoundBackward1' : 'RoundBackward0') },
  trunc: unary('TruncBackward0', 'none', zeroGrad),
  frac: unary('FracBackward0', 'none', (g) => g),
  sin: unary('SinBackward0', 'x', (g, x) => g.mul(x().cos())),
  cos: unary('CosBackward0', 'x', (g, x) => g.mul(x().sin().neg())),
  tan: unary('TanBackward0', 'y', (g, _x, y) => g.mul(y().square().add(1))),
  asin: unary('AsinBackward0', 'x', (g, x) => g.mul(x().square().neg().add(1).rsqrt())),
  acos: unary('AcosBackward0', 'x', (g, x) => g.mul(x().square().neg().add(1).rsqrt()).neg()),
  atan: unary('AtanBackward0', 'x', (g, x) => g.div(x().square().add(1))),
  sinh: unary('SinhBackward0', 'x', (g, x) => g.mul(cosh(x()))),
  cosh: unary('CoshBackward0', 'x', (g, x) => g.mul(sinh(x()))),
  asinh: unary('AsinhBackward0', 'x', (g, x) => g.mul(x().square().add(1).rsqrt())),
  acosh: unary('AcoshBackward0', 'x', (g, x) => g.mul(x().square().sub(1).rsqrt())),
  atanh: unary('AtanhBackward0', 'x', (g, x) => g.div(x().square().neg().add(1))),
  tanh: unary('TanhBackward0', 'y', (g, _x, y) => fused((g, y) => g.mul(y!.square().neg().add(1)), g, y())),
  sigmoid: unary('SigmoidBackward0', 'y', (g, _x, y) => g.mul(y().mul(y().neg().add(1)))),
  relu: unary('ReluBackward0', 'y', (g, _x, y) => where(y().gt(0), g, 0)),
  reciprocal: unary('ReciprocalBackward0', 'y', (g, _x, y) => g.mul(y().square()).neg()),
  erf: unary('ErfBackward0', 'x', (g, x) => g.mul(x().square().neg().exp().mul(2 / SQRT_PI))),
  erfc: unary('ErfcBackward0', 'x', (g, x) => g.mul(x().square().neg().exp().mul(-2 / SQRT_PI))),
  erfinv: unary('ErfinvBackward0', 'y', (g, _x, y) => g.mul(y().square().exp().mul(SQRT_PI / 2))),
  square: unary('PowBackward0', 'x', (g, x) => g.mul(x().mul(2))),
  // Special functions (derivatives.yaml).
  exp2: unary('Exp2Backward0', 'y', (g, _x, y) => g.mul(y().mul(Math.LN2))),
  lgamma: unary('LgammaBackward0', 'x', (g, x) => g.mul(digamma(x()))),
  digamma: unary('DigammaBackward0', 'x', (g, x) => g.mul(polygamma(1, x()))),
  polygamma: unary('PolygammaBackward0', 'x', (g, x, _y, rec) => g.mul(polygamma(((rec.attrs.a as number | undefined) ?? 0) + 1, x()))),
  sinc: unary('SincBackward0', 'x', (g, x) => {
    const px = x().mul(Math.PI);
    return g.mul(where(x().eq(0), 0, px.mul(px.cos()).sub(px.sin()).div(px.mul(x()))));
  }),
  i0: unary('I0Backward0', 'x', (g, x) => g.mul(specialI1(x()))),
  nan_to_num: unary('NanToNumBackward0', 'x', (g, x) => g.mul(x().isfinite())),
  // logit_backward: NaN outside [0, 1] without eps; 0 outside [eps, 1 − eps] with it.
  logit: unary('LogitBackward0', 'x', (g, x, _y, rec) => {
    const eps = rec.attrs.eps as number;
    const xv = x();
    const d = g.div(xv.mul(xv.neg().add(1)));
    if (eps < 0) return where(xv.lt(0).logicalOr(xv.gt(1)), NaN, d);
    const lo = xv.dtype.name === 'float64' ? eps : Math.fround(eps);
    const hi = xv.dtype.name === 'float64' ? 1 - lo : Math.fround(1 - lo);
    return where(xv.lt(lo).logicalOr(xv.gt(hi)), 0, d);
  }),
  // frexp's mantissa x·2^−e: the exponent is piecewise constant.
  frexp: unary('FrexpBackward0', 'x', (g, x) => g.div(exp2(frexp(x())[1]))),
  // Activations nn builds on core's parametrised unary kernels (attrs: a, b as in UnaryParams).
  gelu: unary('GeluBackward0', 'x', (g, x, _y, rec) => fused((g, x) => (rec.attrs.approximate === 'tanh' ? geluTanhGrad(g, x!) : geluGrad(g, x!)), g, x())),
  gelu_tanh: unary('GeluBackward0', 'x', (g, x) => fused((g, x) => geluTanhGrad(g, x!), g, x())),
  silu: unary('SiluBackward0', 'x', (g, x) => {
    const s = x().sigmoid();
    return g.mul(s.mul(x().mul(s.neg().add(1)).add(1)));
  }),
  softplus: unary('SoftplusBackward0', 'x', (g, x, _y, rec) => {
    const beta = (rec.attrs.a as number | undefined) ?? 1;
    const threshold = (rec.attrs.b as number | undefined) ?? 20;
    const xb = x().mul(beta);
    const z = xb.exp();
    return where(xb.gt(threshold), g, g.mul(z.div(z.add(1))));
  }),
  elu: unary('EluBackward0', 'x', (g, x, _y, rec) => {
    const alpha = (rec.attrs.a as number | undefined) ?? 1;
    return where(x().le(0), g.mul(x().exp().mul(alpha)), g);
  }),
  leaky_relu: unary('LeakyReluBackward0', 'x', (g, x, _y, rec) => where(x().gt(0), g, g.mul((rec.attrs.a as number | undefined) ?? 0.01))),
  hardtanh: unary('HardtanhBackward0', 'x', (g, x, _y, rec) => {
    const lo = (rec.attrs.a as number | undefined) ?? -1;
    const hi = (rec.attrs.b as number | undefined) ?? 1;
    return where(x().gt(lo).logicalAnd(x().lt(hi)), g, 0);
  }),
  hardshrink: unary('HardshrinkBackward0', 'x', (g, x, _y, rec) => {
    const lambd = rec.attrs.lambd as number;
    return where(x().ge(-lambd).logicalAnd(x().le(lambd)), 0, g);
  }),
  log_sigmoid: unary('LogSigmoidBackward0', 'x', (g, x) => g.mul(x().neg().sigmoid())),
  // In-place variants PyTorch differentiates from the result (their own node names).
  elu_: unary('EluBackward1', 'y', (g, _x, y, rec) => where(y().le(0), g.mul(y().add((rec.attrs.a as number | undefined) ?? 1)), g)),
  leaky_relu_: unary('LeakyReluBackward1', 'y', (g, _x, y, rec) => where(y().gt(0), g, g.mul((rec.attrs.a as number | undefined) ?? 0.01))),
} satisfies RuleTable;
const UNARY = {
  ...UNARY_RULES,
  leakyRelu: UNARY_RULES.leaky_relu,
  logSigmoid: UNARY_RULES.log_sigmoid,
  geluTanh: UNARY_RULES.gelu_tanh,
} satisfies RuleTable;

function geluGrad(g: Tensor, x: Tensor): Tensor {
  const cdf = x.mul(Math.SQRT1_2).erf().add(1).mul(0.5);
  const pdf = x.square().mul(-0.5).exp().mul(1 / Math.sqrt(2 * Math.PI));
  return g.mul(cdf.add(x.mul(pdf)));
}

function geluTanhGrad(g: Tensor, x: Tensor): Tensor {
  const kBeta = Math.SQRT2 * (2 / SQRT_PI) * 0.5;
  const kKappa = 0.044715;
  const inner = x.add(x.pow(3).mul(kKappa)).mul(kBeta);
  const t = inner.tanh();
  const left = x.mul(0.5);
  const leftDerivative = t.add(1).mul(0.5);
  const rightDerivative = left.mul(t.square().neg().add(1)).mul(x.square().mul(3 * kKappa).add(1).mul(kBeta));
  return g.mul(leftDerivative.add(rightDerivative));
}

// ------------------------------------------------------------------ binary

/** What a binary formula sees: operands (numbers stay numbers), which gradients are needed, saved readers. */
interface Bin {
  readonly ctx: RuleCtx;
  readonly needA: boolean;
  readonly needB: boolean;
  /** Saves operand a (a number is returned as is). */
  a(): () => Tensor | number;
  /** Saves operand b. */
  b(): () => Tensor | number;
  /** Saves the output. */
  out(): () => Tensor;
}

type BinFormula = (g: Tensor) => [Tensor | number | null | undefined, Tensor | number | null | undefined];

/**
 * Edges of a binary op as PyTorch lays them out: `[self, other]`, a number
 * operand being a `None` edge; a number on the left (reflected ops) leaves one
 * edge for the tensor, or `[tensor, None]` for commutative ops.
 */
function binaryEdges(commutative: boolean, scalarOverload: boolean) {
  return (rec: OpRecord): (Tensor | null)[] => {
    if (rec.attrs.scalarA !== undefined) return commutative ? [rec.inputs[0]!, null] : [rec.inputs[0]!];
    if (rec.attrs.scalarB !== undefined) return scalarOverload ? [rec.inputs[0]!] : [rec.inputs[0]!, null];
    return [rec.inputs[0]!, rec.inputs[1]!];
  };
}

function binary(name: string | ((rec: OpRecord) => string), build: (p: Bin) => BinFormula, opts: { commutative?: boolean; needsSelf?: boolean; scalarOverload?: boolean } = {}): Rule {
  return {
    name: typeof name === 'string' ? () => name : name,
    edges: binaryEdges(opts.commutative ?? false, opts.scalarOverload ?? false),
    needsSelf: opts.needsSelf ?? true,
    build(ctx): BackwardFn {
      const rec = ctx.rec;
      const [a, b] = operands(rec);
      const aIsT = a instanceof Tensor;
      const bIsT = b instanceof Tensor;
      // Edge index of each operand (-1: a number).
      const ea = aIsT ? 0 : -1;
      const eb = bIsT ? (aIsT ? 1 : 0) : -1;
      const saver = (v: Tensor | number) => (v instanceof Tensor ? ctx.save(v) : () => v);
      const p: Bin = {
        ctx,
        needA: ea >= 0 && ctx.needs(ea),
        needB: eb >= 0 && ctx.needs(eb),
        a: () => saver(a),
        b: () => saver(b),
        out: () => ctx.saveOutput(0),
      };
      const f = build(p);
      return ([g]) => {
        const [ga, gb] = f(g!);
        const res: (Tensor | null)[] = [null, null];
        if (ea >= 0 && p.needA) res[ea] = asTensor(ga, g!);
        if (eb >= 0 && p.needB) res[eb] = asTensor(gb, g!);
        return res;
      };
    },
  };
}

function asTensor(v: Tensor | number | null | undefined, like: Tensor): Tensor | null {
  if (v === null || v === undefined) return null;
  return v instanceof Tensor ? v : like.mul(0).add(v);
}

const mulT = (g: Tensor, v: Tensor | number) => g.mul(v);
const isT = (v: unknown): v is Tensor => v instanceof Tensor;

const BINARY = {
  // attrs.alpha: core recorded `a ± alpha * b` as one node (b unscaled).
  add: binary('AddBackward0', (p) => {
    const alpha = p.ctx.rec.attrs.alpha as number | undefined;
    return (g) => [g, p.needB ? (alpha !== undefined ? g.mul(alpha) : g) : null];
  }, { commutative: true, needsSelf: false }),
  sub: binary((rec) => (rec.attrs.scalarA !== undefined ? 'RsubBackward1' : 'SubBackward0'), (p) => {
    const alpha = p.ctx.rec.attrs.alpha as number | undefined;
    return (g) => [g, p.needB ? g.mul(-(alpha ?? 1)) : null];
  }, { needsSelf: false }),
  mul: binary(
    'MulBackward0',
    (p) => {
      const a = p.needB ? p.a() : null;
      const b = p.needA ? p.b() : null;
      return (g) => [b ? mulT(g, b()) : null, a ? mulT(g, a()) : null];
    },
    { commutative: true },
  ),
  div: binary(
    (rec) => (rec.attrs.roundingMode ? 'DivBackward2' : 'DivBackward0'),
    (p) => {
      if (p.ctx.rec.attrs.roundingMode) return (g) => [g.mul(0), g.mul(0)];
      const a = p.needB ? p.a() : null;
      const b = p.needA || p.needB ? p.b() : null;
      return (g) => {
        const bv = b ? b() : 1;
        return [p.needA ? g.div(bv) : null, p.needB ? g.neg().mul(a!()).div(isT(bv) ? bv.square() : bv * bv) : null];
      };
    },
  ),
  pow: binary(
    (rec) => (rec.attrs.scalarA !== undefined ? 'PowBackward2' : rec.attrs.scalarB !== undefined ? 'PowBackward0' : 'PowBackward1'),
    (p) => {
      const a = p.a();
      const b = p.b();
      const out = p.needB ? p.out() : null;
      return (g) => {
        const x = a();
        const e = b();
        let ga: Tensor | null = null;
        let gb: Tensor | null = null;
        if (p.needA) {
          const xt = x as Tensor;
          if (isT(e)) ga = where(e.eq(0), 0, g.mul(e.mul(xt.pow(e.sub(1)))));
          else ga = e === 0 ? g.mul(0) : g.mul(xt.pow(e - 1).mul(e));
        }
        if (p.needB) {
          const r = out!();
          if (isT(x)) gb = g.mul(where(x.eq(0).logicalAnd((e as Tensor).ge(0)), 0, r.mul(x.log())));
          else if (x === 0) gb = g.mul(where((e as Tensor).ge(0), 0, r.mul(Math.log(x))));
          else gb = g.mul(r.mul(Math.log(x)));
        }
        return [ga, gb];
      };
    },
    { scalarOverload: true },
  ),
  maximum: binary('MaximumBackward0', (p) => extremumGrad(p, 'max')),
  minimum: binary('MinimumBackward0', (p) => extremumGrad(p, 'min')),
  fmax: binary('FmaxBackward0', (p) => fextremumGrad(p, 'max')),
  fmin: binary('FminBackward0', (p) => fextremumGrad(p, 'min')),
  clamp_min: binary((rec) => (rec.attrs.scalarB !== undefined ? 'ClampMinBackward0' : 'ClampMinBackward1'), (p) => {
    const a = p.a();
    const b = p.b();
    return (g) => [where((a() as Tensor).ge(b()), g, 0), isT(b()) ? where((a() as Tensor).lt(b()), g, 0) : null];
  }, { scalarOverload: true }),
  clamp_max: binary((rec) => (rec.attrs.scalarB !== undefined ? 'ClampMaxBackward0' : 'ClampMaxBackward1'), (p) => {
    const a = p.a();
    const b = p.b();
    return (g) => [where((a() as Tensor).le(b()), g, 0), isT(b()) ? where((a() as Tensor).gt(b()), g, 0) : null];
  }, { scalarOverload: true }),
  remainder: binary((rec) => (rec.attrs.scalarB !== undefined ? 'RemainderBackward0' : 'RemainderBackward1'), (p) => {
    const a = p.needB ? p.a() : null;
    const b = p.needB ? p.b() : null;
    return (g) => [g, p.needB ? g.neg().mul(div(a!(), b!(), { roundingMode: 'floor' })) : null];
  }, { scalarOverload: true }),
  fmod: binary((rec) => (rec.attrs.scalarB !== undefined ? 'FmodBackward0' : 'FmodBackward1'), (p) => {
    const a = p.needB ? p.a() : null;
    const b = p.needB ? p.b() : null;
    return (g) => [g, p.needB ? g.neg().mul(div(a!(), b!(), { roundingMode: 'trunc' })) : null];
  }, { scalarOverload: true }),
  atan2: binary('Atan2Backward0', (p) => {
    const a = p.a();
    const b = p.b();
    return (g) => {
      const x = a();
      const y = b();
      const d = (isT(x) ? x.square() : (y as Tensor).mul(0).add(x * x)).add(isT(y) ? y.square() : y * y);
      return [p.needA ? g.mul(y).div(d) : null, p.needB ? g.neg().mul(x).div(d) : null];
    };
  }),
  hypot: binary('HypotBackward0', (p) => {
    const a = p.a();
    const b = p.b();
    const out = p.out();
    return (g) => [p.needA ? g.mul(a()).div(out()) : null, p.needB ? g.mul(b()).div(out()) : null];
  }),
  floor_divide: notImplemented('floor_divide'),
  // copysign: d/dself = result / self (0 where self is 0); other gets a zero gradient.
  copysign: binary((rec) => (rec.attrs.scalarB !== undefined ? 'CopysignBackward1' : 'CopysignBackward0'), (p) => {
    const a = p.a();
    const out = p.needA ? p.out() : null;
    return (g) => {
      const x = a() as Tensor;
      return [p.needA ? g.mul(where(x.eq(0), 0, out!().div(x))) : null, p.needB ? g.mul(0) : null];
    };
  }, { scalarOverload: true }),
  // PyTorch's not_implemented("nextafter"): a node named NextafterBackward0 that raises
  nextafter: rule('NextafterBackward0', () => () => {
    throw new TorchRuntimeError('backward', "the derivative for 'nextafter' is not implemented.");
  }, { needsSelf: false }),
  igamma: igammaRule('IgammaBackward0', 'igamma', 1),
  igammac: igammaRule('IgammacBackward0', 'igammac', -1),
} satisfies RuleTable;

/**
 * igamma/igammac: d/dx = ±x^(a−1) e^(−x) / Γ(a); PyTorch has no derivative in `a` (its
 * NotImplementedError, a RuntimeError, with the same text).
 */
function igammaRule(name: string, op: string, sign: 1 | -1): Rule {
  return binary(name, (p) => {
    const a = p.needB ? p.a() : null;
    const b = p.needB ? p.b() : null;
    return (g) => {
      if (p.needA) throw new TorchRuntimeError('backward', `the derivative for '${op}: input' is not implemented.`);
      const av = a!() as Tensor;
      const x = b!() as Tensor;
      const d = av.sub(1).mul(x.log()).sub(x).sub(av.lgamma()).exp();
      return [null, sign === 1 ? g.mul(d) : g.mul(d).neg()];
    };
  });
}

/** PyTorch's `max/minimum` backward: ties split the gradient in half. */
function extremumGrad(p: Bin, kind: 'max' | 'min'): BinFormula {
  const a = p.a();
  const b = p.b();
  return (g) => {
    const x = a() as Tensor;
    const y = b() as Tensor;
    const half = where(x.eq(y), g.div(2), g);
    const aLoses = kind === 'max' ? x.lt(y) : x.gt(y);
    const bLoses = kind === 'max' ? x.gt(y) : x.lt(y);
    return [p.needA ? where(aLoses, 0, half) : null, p.needB ? where(bLoses, 0, half) : null];
  };
}

/** `fmax/fmin` backward: the NaN-ignoring pick gets the whole gradient. */
function fextremumGrad(p: Bin, kind: 'max' | 'min'): BinFormula {
  const a = p.a();
  const b = p.b();
  return (g) => {
    const x = a() as Tensor;
    const y = b() as Tensor;
    const aWins = (kind === 'max' ? x.ge(y) : x.le(y)).logicalOr(y.isnan());
    return [p.needA ? where(aWins, g, 0) : null, p.needB ? where(aWins, 0, g) : null];
  };
}

/** A node for an op without a derivative: backward raises PyTorch's error. */
export function notImplemented(op: string): Rule {
  return rule('NotImplemented', () => () => {
    throw new TorchRuntimeError('backward', `derivative for aten::${op} is not implemented`);
  }, { needsSelf: false });
}

// ------------------------------------------------------------------ ternary and composites

const TERNARY = {
  where: {
    name: () => 'WhereBackward0',
    edges: (rec) => {
      const t = [...rec.inputs];
      return [rec.attrs.scalarA !== undefined ? null : t.shift()!, rec.attrs.scalarB !== undefined ? null : t.shift()!];
    },
    build(ctx) {
      const cond = ctx.save(ctx.rec.attrs.condition as Tensor);
      return ([g]) => [ctx.needs(0) ? where(cond(), g!, 0) : null, ctx.needs(1) ? where(cond(), 0, g!) : null];
    },
  },
  clamp: {
    name: (rec) => (isT(rec.attrs.min) || isT(rec.attrs.max) ? 'ClampBackward0' : 'ClampBackward1'),
    edges: (rec) => {
      const [x] = rec.inputs;
      if (!isT(rec.attrs.min) && !isT(rec.attrs.max)) return [x!];
      return [x!, isT(rec.attrs.min) ? rec.attrs.min : null, isT(rec.attrs.max) ? rec.attrs.max : null];
    },
    build(ctx) {
      const { min, max } = ctx.rec.attrs as { min?: Tensor | number | null; max?: Tensor | number | null };
      const x = ctx.save(ctx.rec.inputs[0]!);
      const lo = isT(min) ? ctx.save(min) : () => min ?? null;
      const hi = isT(max) ? ctx.save(max) : () => max ?? null;
      return ([g]) => {
        const xv = x();
        const mn = lo();
        const mx = hi();
        let keep: Tensor;
        if (mn !== null && mx !== null) keep = xv.ge(mn).logicalAnd(xv.le(mx));
        else if (mn !== null) keep = xv.ge(mn);
        else keep = xv.le(mx!);
        const res: (Tensor | null)[] = [ctx.needs(0) ? where(keep, g!, 0) : null];
        if (isT(mn) && ctx.needs(1)) res[1] = where(mx !== null ? xv.lt(mn).logicalAnd(mn.lt(mx)) : xv.lt(mn), g!, 0);
        if (isT(mx) && ctx.needs(2)) res[2] = where(mn !== null ? xv.gt(mx).logicalOr(mx.lt(mn)) : xv.gt(mx), g!, 0);
        return res;
      };
    },
  },
  lerp: {
    name: (rec) => (isT(rec.attrs.weight) ? 'LerpBackward1' : 'LerpBackward0'),
    build(ctx) {
      const w = ctx.rec.attrs.weight as Tensor | number;
      const wv = isT(w) ? ctx.save(w) : () => w;
      const s = isT(w) && ctx.needs(2) ? ctx.save(ctx.rec.inputs[0]!) : null;
      const e = isT(w) && ctx.needs(2) ? ctx.save(ctx.rec.inputs[1]!) : null;
      return ([g]) => {
        const wt = wv();
        return [
          ctx.needs(0) ? g!.mul(isT(wt) ? wt.neg().add(1) : 1 - wt) : null,
          ctx.needs(1) ? g!.mul(wt) : null,
          s && e ? g!.mul(e().sub(s())) : null,
        ];
      };
    },
  },
  addcmul: {
    name: () => 'AddcmulBackward0',
    needsSelf: false,
    build(ctx) {
      const v = num(ctx.rec.attrs.value ?? 1);
      const t1 = ctx.needs(2) ? ctx.save(ctx.rec.inputs[1]!) : null;
      const t2 = ctx.needs(1) ? ctx.save(ctx.rec.inputs[2]!) : null;
      return ([g]) => [g!, t2 ? g!.mul(t2()).mul(v) : null, t1 ? g!.mul(t1()).mul(v) : null];
    },
  },
  addcdiv: {
    name: () => 'AddcdivBackward0',
    needsSelf: false,
    build(ctx) {
      const v = num(ctx.rec.attrs.value ?? 1);
      const t1 = ctx.needs(2) ? ctx.save(ctx.rec.inputs[1]!) : null;
      const t2 = ctx.needs(1) || ctx.needs(2) ? ctx.save(ctx.rec.inputs[2]!) : null;
      return ([g]) => [
        g!,
        ctx.needs(1) ? g!.mul(v).div(t2!()) : null,
        ctx.needs(2) ? g!.neg().mul(v).mul(t1!()).div(t2!().square()) : null,
      ];
    },
  },
} satisfies RuleTable;

/** Elementwise rules. */
export const ELEMENTWISE = { ...UNARY, ...BINARY, ...TERNARY } satisfies RuleTable;

