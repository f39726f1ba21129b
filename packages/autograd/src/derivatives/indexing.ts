/**
 * Derivatives of index-driven ops: gather/scatter, index_select, masks, sort and
 * topk, flip, roll, repeat, tril/triu.
 */
import { type OpRecord, type Tensor, broadcastShapes, nonzero, numelOf, where, zeros } from '@antorcha/core';
import { notImplemented } from './elementwise.js';
import { type Rule, type RuleTable, rule } from './rule.js';

const zerosOf = (shape: readonly number[], like: Tensor) => zeros([...shape], { dtype: like.dtype, device: like.device });

/** The inverse of a permutation of dims. */
function inverse(perm: readonly number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((d, i) => (inv[d] = i));
  return inv;
}

/** Gradient of an op that picks `indices` along `dim`: the gradient scattered back into zeros. */
function selectedBackward(name: string): Rule {
  return rule(name, (ctx) => {
    const shape = ctx.rec.inputs[0]!._shape.slice();
    const dim = ctx.rec.attrs.dim as number;
    const indices = ctx.save(ctx.rec.attrs.indices as Tensor);
    return ([g]) => [shape.length === 0 ? g! : zerosOf(shape, g!).scatter(dim, indices(), g!.contiguous())];
  });
}

function scatterRule(reduceAdd: boolean): Rule {
  return {
    name: (rec) => (reduceAdd ? 'ScatterAddBackward0' : rec.inputs.length > 1 ? 'ScatterBackward0' : 'ScatterBackward1'),
    needsSelf: false,
    build(ctx) {
      const { dim, reduce } = ctx.rec.attrs as { dim: number; reduce?: string };
      if (reduce === 'multiply') return notImplemented('scatter_reduce').build(ctx);
      const add = reduceAdd || reduce === 'add';
      const index = ctx.save(ctx.rec.attrs.index as Tensor);
      return ([g]) => [
        ctx.needs(0) ? (add ? g! : g!.scatter(dim, index(), 0)) : null,
        ctx.rec.inputs.length > 1 && ctx.needs(1) ? g!.gather(dim, index()) : null,
      ];
    },
  };
}

function repeatBackward(rec: OpRecord) {
  const shape = rec.inputs[0]!._shape.slice();
  const reps = rec.attrs.repeats as number[];
  const padded = [...new Array<number>(reps.length - shape.length).fill(1), ...shape];
  const split: number[] = [];
  padded.forEach((s, i) => split.push(reps[i]!, s));
  const dims = reps.map((_, i) => 2 * i);
  return ([g]: Tensor[]) => [numelOf(split) === 0 ? zerosOf(shape, g!) : g!.reshape(split).sum(dims).reshape(shape)];
}

/** Indexing rules. */
export const INDEXING = {
  gather: rule('GatherBackward0', (ctx) => {
    const shape = ctx.rec.inputs[0]!._shape.slice();
    const dim = ctx.rec.attrs.dim as number;
    const index = ctx.save(ctx.rec.attrs.index as Tensor);
    return ([g]) => [shape.length === 0 ? g!.reshape([]) : zerosOf(shape, g!).scatterAdd(dim, index(), g!.contiguous())];
  }),
  scatter: scatterRule(false),
  scatter_add: scatterRule(true),
  // x[tensor indices] (core's advancedIndex): the gradient accumulated back at the picked
  // positions through the forward's plan (permute the indexed dims first, flatten them,
  // index_add along the flat index, undo the reshape and the permutation).
  index: rule('IndexBackward0', (ctx) => {
    const a = ctx.rec.attrs as { vShape: number[]; perm: number[]; restShape: number[]; mult: number; bshape: number[]; order: number[] | null };
    const flatIndex = ctx.save(ctx.rec.attrs.flatIndex as Tensor);
    const advSizes = a.perm.slice(0, a.perm.length - a.restShape.length).map((d) => a.vShape[d]!);
    const picked = numelOf(a.bshape);
    return ([g]) => {
      const go = a.order === null ? g! : g!.permute(inverse(a.order));
      const gp = go.reshape([picked, ...a.restShape]);
      const gflat = zerosOf([a.mult, ...a.restShape], g!).indexAdd(0, flatIndex(), gp);
      return [gflat.reshape([...advSizes, ...a.restShape]).permute(inverse(a.perm))];
    };
  }),
  index_select: rule('IndexSelectBackward0', (ctx) => {
    const shape = ctx.rec.inputs[0]!._shape.slice();
    const dim = ctx.rec.attrs.dim as number;
    const index = ctx.save(ctx.rec.attrs.index as Tensor);
    return ([g]) => {
      if (shape.length === 0) return [g!.sum().reshape([])];
      const view = shape.map((_, i) => (i === dim ? -1 : 1));
      const idx = index().view(view).expand([...g!._shape]);
      return [zerosOf(shape, g!).scatterAdd(dim, idx, g!.contiguous())];
    };
  }),
  masked_fill: {
    name: (rec) => (rec.inputs.length > 1 ? 'MaskedFillBackward1' : 'MaskedFillBackward0'),
    needsSelf: false,
    build(ctx) {
      const mask = ctx.save(ctx.rec.attrs.mask as Tensor);
      return ([g]) => [ctx.needs(0) ? where(mask(), 0, g!) : null, ctx.rec.inputs.length > 1 && ctx.needs(1) ? where(mask(), g!, 0).sum() : null];
    },
  },
  masked_select: rule('MaskedSelectBackward0', (ctx) => {
    const x = ctx.rec.inputs[0]!;
    const mask = ctx.save(ctx.rec.attrs.mask as Tensor);
    const shape = broadcastShapes(x._shape, (ctx.rec.attrs.mask as Tensor)._shape);
    return ([g]) => {
      const idx = nonzero(mask().expand(shape).reshape(-1)).view(-1);
      return [zerosOf([numelOf(shape)], g!).scatterAdd(0, idx, g!).view(shape)];
    };
  }),
  sort: selectedBackward('SortBackward0'),
  topk: selectedBackward('TopkBackward0'),
  flip: rule('FlipBackward0', (ctx) => {
    const dims = ctx.rec.attrs.dims as number | number[];
    return ([g]) => [g!.flip(dims)];
  }),
  roll: rule('RollBackward0', (ctx) => {
    const { shifts, dims } = ctx.rec.attrs as { shifts: number | number[]; dims?: number | number[] };
    const neg = typeof shifts === 'number' ? -shifts : shifts.map((s) => -s);
    return ([g]) => [g!.roll(neg, dims)];
  }),
  repeat: rule('RepeatBackward0', (ctx) => repeatBackward(ctx.rec)),
  tril: rule('TrilBackward0', (ctx) => {
    const k = ctx.rec.attrs.diagonal as number;
    return ([g]) => [g!.tril(k)];
  }),
  triu: rule('TriuBackward0', (ctx) => {
    const k = ctx.rec.attrs.diagonal as number;
    return ([g]) => [g!.triu(k)];
  }),
} satisfies RuleTable;
