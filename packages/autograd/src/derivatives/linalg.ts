/**
 * Derivatives of matrix products: mm, bmm, dot, mv, and matmul in its
 * broadcasting and vector-promotion cases (recorded by core as one node).
 */
import type { OpRecord, Tensor } from '@antorcha/core';
import { sumTo } from '../unbroadcast.js';
import { type RuleTable, rule } from './rule.js';

/** PyTorch's top node for `matmul` by operand ranks (its result is a view or copy of an mm/bmm/mv). */
function matmulName(rec: OpRecord): string {
  const da = rec.inputs[0]!._shape.length;
  const db = rec.inputs[1]!._shape.length;
  if (da === 1 && db === 2) return 'SqueezeBackward3';
  if (da === 2 && db >= 3) return 'CloneBackward0';
  if (da === 1 && db === 1) return 'DotBackward0';
  if (da === 2 && db === 1) return 'MvBackward0';
  if (da === 2 && db === 2) return 'MmBackward0';
  return 'UnsafeViewBackward0';
}

/** Whether a 2-D layout is column-major (a transposed contiguous matrix), PyTorch's test in mm's backward. */
function columnMajor(t: Tensor): boolean {
  const [r, c] = t._shape as [number, number];
  const [s0, s1] = t._strides as [number, number];
  return s0 === 1 && s1 === r && c > 1 && r > 1;
}

/**
 * The gradients of a 2-D product a·b, in the operands' layouts as PyTorch's
 * `mm_mat1_backward`/`mm_mat2_backward` produce them: for a column-major operand (such as
 * the transposed weight of a linear layer) the gradient is computed as the transpose of a
 * row-major product, so it arrives in the parameter's own layout and needs no transposing
 * copy when it is accumulated.
 */
function mmGrads(g: Tensor, a: Tensor | null, b: Tensor | null, aColumnMajor: boolean, bColumnMajor: boolean): [Tensor | null, Tensor | null] {
  const ga = b === null ? null : aColumnMajor ? b.mm(g.t()).t() : g.mm(b.t());
  const gb = a === null ? null : bColumnMajor ? g.t().mm(a).t() : a.t().mm(g);
  return [ga, gb];
}

/** Linear-algebra rules. */
export const LINALG = {
  mm: rule('MmBackward0', (ctx) => {
    const a = ctx.needs(1) ? ctx.save(ctx.rec.inputs[0]!) : null;
    const b = ctx.needs(0) ? ctx.save(ctx.rec.inputs[1]!) : null;
    const aCol = columnMajor(ctx.rec.inputs[0]!), bCol = columnMajor(ctx.rec.inputs[1]!);
    return ([g]) => mmGrads(g!, a ? a() : null, b ? b() : null, aCol, bCol);
  }),
  bmm: rule('BmmBackward0', (ctx) => {
    const a = ctx.needs(1) ? ctx.save(ctx.rec.inputs[0]!) : null;
    const b = ctx.needs(0) ? ctx.save(ctx.rec.inputs[1]!) : null;
    return ([g]) => [b ? g!.bmm(b().transpose(1, 2)) : null, a ? a().transpose(1, 2).bmm(g!) : null];
  }),
  dot: rule('DotBackward0', (ctx) => {
    const a = ctx.needs(1) ? ctx.save(ctx.rec.inputs[0]!) : null;
    const b = ctx.needs(0) ? ctx.save(ctx.rec.inputs[1]!) : null;
    return ([g]) => [b ? b().mul(g!) : null, a ? a().mul(g!) : null];
  }),
  mv: rule('MvBackward0', (ctx) => {
    const a = ctx.needs(1) ? ctx.save(ctx.rec.inputs[0]!) : null;
    const v = ctx.needs(0) ? ctx.save(ctx.rec.inputs[1]!) : null;
    return ([g]) => [v ? g!.outer(v()) : null, a ? a().t().mv(g!) : null];
  }),
  matmul: {
    name: matmulName,
    build(ctx) {
      const a = ctx.needs(1) ? ctx.save(ctx.rec.inputs[0]!) : null;
      const b = ctx.needs(0) ? ctx.save(ctx.rec.inputs[1]!) : null;
      const sa = ctx.rec.inputs[0]!._shape.slice();
      const sb = ctx.rec.inputs[1]!._shape.slice();
      if (sa.length === 2 && sb.length === 2) {
        const aCol = columnMajor(ctx.rec.inputs[0]!), bCol = columnMajor(ctx.rec.inputs[1]!);
        return ([g]) => mmGrads(g!, a ? a() : null, b ? b() : null, aCol, bCol);
      }
      return ([g]) => {
        let g2: Tensor = g!;
        if (sa.length === 1) g2 = g2.unsqueeze(-2);
        if (sb.length === 1) g2 = g2.unsqueeze(-1);
        let ga: Tensor | null = null;
        let gb: Tensor | null = null;
        if (b) {
          const b2 = sb.length === 1 ? b().unsqueeze(-1) : b();
          ga = sumTo(g2.matmul(b2.mT), sa.length === 1 ? [1, sa[0]!] : sa).reshape(sa);
        }
        if (a) {
          const a2 = sa.length === 1 ? a().unsqueeze(0) : a();
          gb = sumTo(a2.mT.matmul(g2), sb.length === 1 ? [sb[0]!, 1] : sb).reshape(sb);
        }
        return [ga, gb];
      };
    },
  },
} satisfies RuleTable;
