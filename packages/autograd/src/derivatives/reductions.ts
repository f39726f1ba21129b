/**
 * Derivatives of reductions and scans (sum, mean, prod, amax/max, var/std,
 * logsumexp, norm, cumsum/cumprod/cummax) and of softmax/log_softmax.
 */
import { type OpRecord, type Tensor, arange, cat, int64, normalizeDims, onesLike, where, zeros } from '@antorcha/core';
import { type RuleTable, rule } from './rule.js';

/** `g` with the reduced `dims` put back as size-1 dims (when the op dropped them). */
export function restoreDims(g: Tensor, dims: readonly number[], keepdim: boolean): Tensor {
  if (keepdim) return g;
  let r = g;
  for (const d of [...dims].sort((a, b) => a - b)) r = r.unsqueeze(d);
  return r;
}

interface ReduceAttrs {
  dims: number[];
  keepdim: boolean;
  all?: boolean;
}

/** The gradient of a reduction, broadcast back to the input's shape. */
function expandBack(g: Tensor, rec: OpRecord, shape: readonly number[]): Tensor {
  const { dims, keepdim } = rec.attrs as unknown as ReduceAttrs;
  return restoreDims(g, dims, keepdim).expand([...shape]);
}

const inputShape = (rec: OpRecord) => rec.inputs[0]!._shape.slice();

/** Moves `dim` last and back. */
function alongLast(x: Tensor, d: number, f: (xl: Tensor) => Tensor): Tensor {
  const n = x._shape.length;
  if (d === n - 1) return f(x);
  return f(x.movedim(d, -1)).movedim(-1, d);
}

/**
 * Gradient of `prod` along `d` without dividing (exact with zeros): the product
 * of every other element, from exclusive prefix and suffix products.
 */
function prodGrad(x: Tensor, g: Tensor, d: number): Tensor {
  const n = x._shape[d]!;
  if (n <= 1) return g.expand([...x._shape]);
  const one = onesLike(x.narrow(d, 0, 1));
  const left = cat([one, x.narrow(d, 0, n - 1)], d).cumprod(d);
  const right = cat([one, x.flip([d]).narrow(d, 0, n - 1)], d).cumprod(d).flip([d]);
  return g.mul(left).mul(right);
}

/**
 * Gradient of `cumprod` along the last dim, exact with zeros:
 * ∂y_j/∂x_i = Π_{k≤j, k≠i} x_k for j ≥ i.
 */
function cumprodGradLast(x: Tensor, g: Tensor): Tensor {
  const n = x._shape[x._shape.length - 1]!;
  if (n === 0) return g;
  const ones = onesLike(x.narrow(-1, 0, 1));
  const left = n > 1 ? cat([ones, x.narrow(-1, 0, n - 1)], -1).cumprod(-1) : ones;
  const i = arange(n, { dtype: int64, device: x.device }).view(n, 1);
  const k = arange(n, { dtype: int64, device: x.device });
  // m[..., i, j] = Π_{i<k≤j} x_k (for j ≥ i).
  const m = where(k.gt(i), x.unsqueeze(-2), 1).cumprod(-1);
  const s = where(k.ge(i), g.unsqueeze(-2).mul(m), 0).sum(-1);
  return left.mul(s);
}

/** `mask * g / count(mask)` over the reduced dims: ties share the gradient evenly. */
function evenly(g: Tensor, mask: Tensor, dims: number[]): Tensor {
  const count = mask.sum(dims, true);
  return where(mask, g.div(count), 0);
}

function varParts(rec: OpRecord): { dims: number[]; correction: number; keepdim: boolean; n: number } {
  const x = rec.inputs[0]!;
  const { dim, opts } = rec.attrs as { dim: number | number[] | null | undefined; opts: unknown };
  const o = (typeof opts === 'boolean' ? { unbiased: opts } : opts ?? {}) as { correction?: number; unbiased?: boolean; keepdim?: boolean };
  const dims = normalizeDims(dim, x._shape.length, 'var');
  let n = 1;
  for (const d of dims) n *= x._shape[d]!;
  return { dims, correction: o.correction ?? (o.unbiased === false ? 0 : 1), keepdim: o.keepdim ?? false, n };
}

/** Reduction rules. */
export const REDUCTIONS = {
  sum: {
    name: (rec) => (rec.attrs.all ? 'SumBackward0' : 'SumBackward1'),
    build(ctx) {
      const shape = inputShape(ctx.rec);
      return ([g]) => [expandBack(g!, ctx.rec, shape)];
    },
  },
  nansum: rule('NansumBackward0', (ctx) => {
    const x = ctx.save(ctx.rec.inputs[0]!);
    return ([g]) => [where(x().isnan(), 0, expandBack(g!, ctx.rec, x()._shape))];
  }),
  mean: {
    name: (rec) => (rec.attrs.all ? 'MeanBackward0' : 'MeanBackward1'),
    build(ctx) {
      const shape = inputShape(ctx.rec);
      const count = ctx.rec.attrs.count as number;
      return ([g]) => [expandBack(g!, ctx.rec, shape).div(count)];
    },
  },
  prod: {
    name: (rec) => (rec.attrs.all ? 'ProdBackward0' : 'ProdBackward1'),
    build(ctx) {
      const x = ctx.save(ctx.rec.inputs[0]!);
      const { dims, keepdim } = ctx.rec.attrs as unknown as ReduceAttrs;
      return ([g]) => {
        const xv = x();
        if (ctx.rec.attrs.all || xv._shape.length === 0) {
          if (xv._shape.length === 0) return [g!];
          return [prodGrad(xv.reshape(-1), g!.reshape([1]), 0).reshape([...xv._shape])];
        }
        return [prodGrad(xv, restoreDims(g!, dims, keepdim), dims[0]!)];
      };
    },
  },
  amax: {
    name: (rec) => (rec.attrs.all ? 'MaxBackward1' : 'AmaxBackward0'),
    build: (ctx) => extremumBackward(ctx.save(ctx.rec.inputs[0]!), ctx.saveOutput(0), ctx.rec),
  },
  amin: {
    name: (rec) => (rec.attrs.all ? 'MinBackward1' : 'AminBackward0'),
    build: (ctx) => extremumBackward(ctx.save(ctx.rec.inputs[0]!), ctx.saveOutput(0), ctx.rec),
  },
  max_dim: rule('MaxBackward0', (ctx) => selectingBackward(ctx.save(ctx.rec.attrs.indices as Tensor), ctx.rec)),
  min_dim: rule('MinBackward0', (ctx) => selectingBackward(ctx.save(ctx.rec.attrs.indices as Tensor), ctx.rec)),
  var: rule('VarBackward0', (ctx) => {
    const x = ctx.save(ctx.rec.inputs[0]!);
    const { dims, correction, keepdim, n } = varParts(ctx.rec);
    return ([g]) => {
      const xv = x();
      return [restoreDims(g!, dims, keepdim).mul(2 / (n - correction)).mul(xv.sub(xv.mean(dims, true)))];
    };
  }),
  std: rule('StdBackward0', (ctx) => {
    const x = ctx.save(ctx.rec.inputs[0]!);
    const y = ctx.saveOutput(0);
    const { dims, correction, keepdim, n } = varParts(ctx.rec);
    return ([g]) => {
      const xv = x();
      const yr = restoreDims(y(), dims, keepdim);
      const gs = where(yr.eq(0), 0, restoreDims(g!, dims, keepdim).div(yr));
      return [gs.mul(1 / (n - correction)).mul(xv.sub(xv.mean(dims, true)))];
    };
  }),
  logsumexp: rule('LogsumexpBackward0', (ctx) => {
    const x = ctx.save(ctx.rec.inputs[0]!);
    const y = ctx.saveOutput(0);
    const { dims, keepdim } = ctx.rec.attrs as unknown as ReduceAttrs;
    return ([g]) => [restoreDims(g!, dims, keepdim).mul(x().sub(restoreDims(y(), dims, keepdim)).exp())];
  }),
  norm: rule('NormBackward1', (ctx) => {
    const x = ctx.save(ctx.rec.inputs[0]!);
    const y = ctx.saveOutput(0);
    const { dims, keepdim } = ctx.rec.attrs as unknown as ReduceAttrs;
    const p = ctx.rec.attrs.p === 'fro' ? 2 : (ctx.rec.attrs.p as number);
    return ([g]) => {
      const xv = x();
      const gr = restoreDims(g!, dims, keepdim);
      const yr = restoreDims(y(), dims, keepdim);
      if (p === 0) return [xv.mul(0).mul(gr)];
      if (p === 1) return [xv.sign().mul(gr)];
      if (p === 2) return [xv.mul(where(yr.eq(0), 0, gr.div(yr)))];
      if (p === Infinity || p === -Infinity) return [xv.sign().mul(evenly(gr, xv.abs().eq(yr), dims))];
      return [xv.mul(xv.abs().pow(p - 2)).mul(where(yr.eq(0), 0, gr.div(yr.pow(p - 1))))];
    };
  }),
  cumsum: rule('CumsumBackward0', (ctx) => {
    const d = ctx.rec.attrs.dim as number;
    const nd = ctx.rec.inputs[0]!._shape.length;
    return ([g]) => [nd === 0 ? g! : g!.flip([d]).cumsum(d).flip([d])];
  }),
  cumprod: rule('CumprodBackward0', (ctx) => {
    const d = ctx.rec.attrs.dim as number;
    const x = ctx.save(ctx.rec.inputs[0]!);
    return ([g]) => {
      const xv = x();
      if (xv._shape.length === 0) return [g!];
      return [alongLast(xv, d, (xl) => cumprodGradLast(xl, d === xv._shape.length - 1 ? g! : g!.movedim(d, -1)))];
    };
  }),
  logcumsumexp: rule('LogcumsumexpBackward0', (ctx) => {
    const d = ctx.rec.attrs.dim as number;
    const x = ctx.save(ctx.rec.inputs[0]!);
    const y = ctx.saveOutput(0);
    return ([g]) => [logcumsumexpGrad(g!, x(), y(), d)];
  }),
  cummax: rule('CummaxBackward0', (ctx) => scanSelectBackward(ctx.save(ctx.rec.attrs.indices as Tensor), ctx.rec)),
  cummin: rule('CumminBackward0', (ctx) => scanSelectBackward(ctx.save(ctx.rec.attrs.indices as Tensor), ctx.rec)),
  softmax: rule('SoftmaxBackward0', (ctx) => {
    const y = ctx.saveOutput(0);
    const d = ctx.rec.attrs.dim as number;
    return ([g]) => {
      const yv = y();
      return [yv.mul(g!.sub(g!.mul(yv).sum(d, true)))];
    };
  }),
  log_softmax: rule('LogSoftmaxBackward0', (ctx) => {
    const y = ctx.saveOutput(0);
    const d = ctx.rec.attrs.dim as number;
    return ([g]) => [g!.sub(y().exp().mul(g!.sum(d, true)))];
  }),
} satisfies RuleTable;

function extremumBackward(x: () => Tensor, y: () => Tensor, rec: OpRecord) {
  const { dims, keepdim } = rec.attrs as unknown as ReduceAttrs;
  return ([g]: Tensor[]) => {
    const xv = x();
    const yr = restoreDims(y(), dims, keepdim);
    const mask = where(yr.isnan(), xv.isnan(), xv.eq(yr));
    return [evenly(restoreDims(g!, dims, keepdim), mask, dims.length ? dims : xv._shape.map((_, i) => i))];
  };
}

function selectingBackward(indices: () => Tensor, rec: OpRecord) {
  const shape = inputShape(rec);
  const { dim, keepdim } = rec.attrs as { dim: number; keepdim: boolean };
  return ([g]: Tensor[]) => {
    if (shape.length === 0) return [g!];
    const gi = keepdim ? g! : g!.unsqueeze(dim);
    const ii = keepdim ? indices() : indices().unsqueeze(dim);
    return [zeros(shape, { dtype: g!.dtype, device: g!.device }).scatter(dim, ii, gi)];
  };
}

function scanSelectBackward(indices: () => Tensor, rec: OpRecord) {
  const shape = inputShape(rec);
  const dim = rec.attrs.dim as number;
  return ([g]: Tensor[]) => {
    if (shape.length === 0) return [g!];
    return [zeros(shape, { dtype: g!.dtype, device: g!.device }).scatterAdd(dim, indices(), g!.contiguous())];
  };
}

/**
 * PyTorch's `logcumsumexp_backward` for real inputs: the gradient splits into its
 * positive and negative parts, each summed in log space by a reversed logcumsumexp.
 */
function logcumsumexpGrad(g: Tensor, x: Tensor, y: Tensor, dim: number): Tensor {
  if (g._shape.length === 0 || g.numel() === 0) return g;
  // PyTorch fills with the lowest double, which is -inf in float32.
  const lowest = g.dtype.name === 'float64' ? -Number.MAX_VALUE : -Infinity;
  const reversed = (t: Tensor) => t.flip([dim]).logcumsumexp(dim).flip([dim]);
  const logAbs = g.abs().log();
  const pos = where(g.gt(0), logAbs, lowest);
  const neg = where(g.lt(0), logAbs, lowest);
  return reversed(pos.sub(y)).add(x).exp().sub(reversed(neg.sub(y)).add(x).exp());
}
