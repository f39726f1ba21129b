/**
 * Derivatives of view and copy ops: view/reshape, expand, permute, transpose,
 * squeeze/unsqueeze, narrow/select (slices), as_strided and indexing, split,
 * unbind, stack, cat, clone, dtype/device casts, `copy_` and `fill_`.
 */
import { type OpRecord, type Tensor, arange, cat, full, int64, numelOf, ones, stack, zeros } from '@antorcha/core';
import { sumTo } from '../unbroadcast.js';
import { type RuleTable, rule } from './rule.js';

/** A strided layout in storage elements. */
export interface Geometry {
  shape: readonly number[];
  strides: readonly number[];
  offset: number;
}

/** `g` placed at [start, start + len) of dim `d` of a tensor with `size` there, zeros elsewhere. */
export function padAlong(g: Tensor, d: number, start: number, size: number): Tensor {
  const len = g._shape[d]!;
  const after = size - start - len;
  if (start === 0 && after === 0) return g;
  const part = (n: number) => {
    const s = g._shape.slice();
    s[d] = n;
    return zeros(s, { dtype: g.dtype, device: g.device });
  };
  const parts: Tensor[] = [];
  if (start > 0) parts.push(part(start));
  parts.push(g);
  if (after > 0) parts.push(part(after));
  return cat(parts, d);
}

/** Flat storage position of every element of a layout (int64, the layout's shape). */
function positions(geo: Geometry, like: Tensor): Tensor {
  let p: Tensor = full([], geo.offset, { dtype: int64, device: like.device });
  const n = geo.shape.length;
  geo.shape.forEach((size, d) => {
    const shape = new Array<number>(n).fill(1);
    shape[d] = size;
    p = p.add(arange(size, { dtype: int64, device: like.device }).mul(geo.strides[d]!).view(shape));
  });
  return p.expand([...geo.shape]);
}

function overlaps(geo: Geometry): boolean {
  return geo.shape.some((s, i) => s > 1 && geo.strides[i] === 0);
}

/**
 * PyTorch's `as_strided_backward`: scatters the gradient of a strided view into
 * storage space and reads it back with the input's layout (dividing by the
 * multiplicity of storage elements the input itself repeats).
 */
export function asStridedBackward(g: Tensor, input: Geometry, output: Geometry, storageNumel: number): Tensor {
  const opts = { dtype: g.dtype, device: g.device };
  const idx = positions(output, g).reshape(-1);
  const st = zeros([storageNumel], opts).scatterAdd(0, idx, g.reshape(-1));
  let r = st.asStrided(input.shape, input.strides, input.offset);
  if (overlaps(input)) {
    const count = zeros([storageNumel], opts).scatterAdd(0, positions(input, g).reshape(-1), ones([numelOf(input.shape)], opts));
    r = r.div(count.asStrided(input.shape, input.strides, input.offset));
  }
  return r;
}

const INDEX_NAMES: Record<string, string> = {
  select: 'SelectBackward0',
  slice: 'SliceBackward0',
  unsqueeze: 'UnsqueezeBackward0',
  alias: 'AliasBackward0',
};

function viewName(rec: OpRecord): string {
  if (rec.attrs.reshape === 'alias') return 'ReshapeAliasBackward0';
  if (rec.attrs.reshape === 'copy') return 'UnsafeViewBackward0';
  return 'ViewBackward0';
}

/** Outputs of multi-output ops get zeros for missing gradients, so `grads` are all set. */
export const VIEWS = {
  view: {
    name: viewName,
    build(ctx) {
      const shape = (ctx.rec.attrs.inputShape as number[]).slice();
      return ([g]) => [g!.reshape(shape)];
    },
  },
  expand: rule('ExpandBackward0', (ctx) => {
    const shape = (ctx.rec.attrs.inputShape as number[]).slice();
    return ([g]) => [sumTo(g!, shape)];
  }),
  permute: rule('PermuteBackward0', (ctx) => {
    const dims = ctx.rec.attrs.dims as number[];
    const inv = new Array<number>(dims.length);
    dims.forEach((d, i) => (inv[d] = i));
    return ([g]) => [g!.permute(inv)];
  }),
  transpose: rule('TransposeBackward0', (ctx) => {
    const { dim0, dim1 } = ctx.rec.attrs as { dim0: number; dim1: number };
    return ([g]) => [g!.transpose(dim0, dim1)];
  }),
  t: rule('TBackward0', () => ([g]) => [g!.t()]),
  squeeze: {
    name: (rec) => (rec.attrs.dims === undefined || rec.attrs.dims === null ? 'SqueezeBackward0' : 'SqueezeBackward1'),
    build(ctx) {
      const shape = (ctx.rec.attrs.inputShape as number[]).slice();
      return ([g]) => [g!.reshape(shape)];
    },
  },
  unsqueeze: rule('UnsqueezeBackward0', (ctx) => {
    const d = ctx.rec.attrs.dim as number;
    return ([g]) => [g!.squeeze(d)];
  }),
  narrow: rule('SliceBackward0', (ctx) => {
    const { dim, start, inputShape } = ctx.rec.attrs as { dim: number; start: number; inputShape: number[] };
    const size = inputShape[dim]!;
    return ([g]) => [padAlong(g!, dim, start, size)];
  }),
  select: rule('SelectBackward0', (ctx) => {
    const { dim, index, inputShape } = ctx.rec.attrs as { dim: number; index: number; inputShape: number[] };
    const size = inputShape[dim]!;
    return ([g]) => [padAlong(g!.unsqueeze(dim), dim, index, size)];
  }),
  as_strided: {
    name: (rec) => INDEX_NAMES[rec.attrs.indexKind as string] ?? 'AsStridedBackward0',
    build(ctx) {
      const a = ctx.rec.attrs as { size: number[]; stride: number[]; storageOffset: number; inputShape: number[]; inputStrides: number[]; inputOffset: number };
      const input = { shape: a.inputShape.slice(), strides: a.inputStrides.slice(), offset: a.inputOffset };
      const output = { shape: a.size.slice(), strides: a.stride.slice(), offset: a.storageOffset };
      const storageNumel = ctx.rec.inputs[0]!._storage.numel;
      return ([g]) => [asStridedBackward(g!, input, output, storageNumel)];
    },
  },
  clone: rule('CloneBackward0', () => ([g]) => [g!]),
  split: {
    name: (rec) => (Array.isArray(rec.attrs.sizes) ? 'SplitWithSizesBackward0' : 'SplitBackward0'),
    build(ctx) {
      const d = ctx.rec.attrs.dim as number;
      return (grads) => [grads.length === 1 ? grads[0]! : cat(grads, d)];
    },
  },
  unbind: rule('UnbindBackward0', (ctx) => {
    const d = ctx.rec.attrs.dim as number;
    return (grads) => [stack(grads, d)];
  }),
  stack: rule('StackBackward0', (ctx) => {
    const d = ctx.rec.attrs.dim as number;
    const n = ctx.rec.inputs.length;
    return ([g]) => Array.from({ length: n }, (_, i) => (ctx.needs(i) ? g!.select(d, i) : null));
  }),
  cat: rule('CatBackward0', (ctx) => {
    const { dim, sizes, skipped } = ctx.rec.attrs as { dim: number; sizes: number[]; skipped: boolean[] };
    const shapes = ctx.rec.inputs.map((t) => t._shape.slice());
    return ([g]) => {
      let offset = 0;
      return sizes.map((len, i) => {
        if (skipped[i]) return ctx.needs(i) ? zeros(shapes[i]!, { dtype: g!.dtype, device: g!.device }) : null;
        const r = ctx.needs(i) ? g!.narrow(dim, offset, len) : null;
        offset += len;
        return r;
      });
    };
  }),
  to: rule('ToCopyBackward0', (ctx) => {
    const from = ctx.rec.inputs[0]!.dtype;
    return ([g]) => [g!.to(from)];
  }),
  to_device: rule('ToCopyBackward0', (ctx) => {
    const from = ctx.rec.inputs[0]!.device;
    return ([g]) => [g!.to(from)];
  }),
  copy_: rule('CopyBackwards', (ctx) => ([g]) => [ctx.needs(0) ? g!.mul(0) : null, ctx.needs(1) ? g! : null], { needsSelf: false }),
  fill_: rule('FillBackward2', () => ([g]) => [g!.mul(0)], { needsSelf: false }),
  zero_: rule('ZeroBackward0', () => ([g]) => [g!.mul(0)], { needsSelf: false }),
  // In-place random fills (when core records them): the old values get no gradient.
  normal_: rule('NormalBackward0', () => ([g]) => [g!.mul(0)], { needsSelf: false }),
  uniform_: rule('UniformBackward0', () => ([g]) => [g!.mul(0)], { needsSelf: false }),
  bernoulli_: rule('BernoulliBackward2', () => ([g]) => [g!.mul(0)], { needsSelf: false }),
  exponential_: rule('ExponentialBackward0', () => ([g]) => [g!.mul(0)], { needsSelf: false }),
  random_: rule('RandomBackward0', () => ([g]) => [g!.mul(0)], { needsSelf: false }),
} satisfies RuleTable;
