// Gradients of the structure ops (stacking/splitting, views and their *_copy forms,
// in-place view ops, creation-like ops that carry autograd): `gradcheck` on float64
// inputs, plus the view/in-place behaviour autograd must keep (shared storage,
// leaf checks, gradients through an in-place view op).
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

type T = torch.Tensor;
const { gradcheck } = torch.autograd;

torch.manualSeed(3);
const leaf = (...shape: number[]): T => torch.randn(shape, { dtype: 'float64' }).requiresGrad_();
/** A non-contiguous leaf (transposed storage). */
const leafT = (a: number, b: number): T => {
  const base = torch.randn([b, a], { dtype: 'float64' });
  return base.t().requiresGrad_();
};

/** Sums a list of outputs with distinct weights, so every output's gradient is checked. */
const weighted = (outs: readonly T[]): T => outs.map((o, i) => o.mul(i + 1).sum()).reduce((a, b) => a.add(b));

const cases: [string, (...xs: T[]) => T | T[], () => T[]][] = [
  ['hstack', (a, b) => torch.hstack([a!, b!]), () => [leaf(2, 3), leaf(2, 1)]],
  ['hstack 1-D', (a, b) => torch.hstack([a!, b!]), () => [leaf(3), leaf(2)]],
  ['vstack', (a, b) => torch.vstack([a!, b!]), () => [leaf(3), leaf(2, 3)]],
  ['row_stack', (a, b) => torch.rowStack([a!, b!]), () => [leaf(3), leaf(3)]],
  ['dstack', (a, b) => torch.dstack([a!, b!]), () => [leaf(2, 3), leaf(2, 3, 2)]],
  ['column_stack', (a, b) => torch.columnStack([a!, b!]), () => [leaf(3), leaf(3, 2)]],
  ['concat', (a, b) => torch.concat([a!, b!], 1), () => [leaf(2, 1), leafT(2, 3)]],
  ['concatenate', (a, b) => torch.concatenate([a!, b!]), () => [leaf(1, 2), leaf(2, 2)]],
  ['atleast_1d', (a) => torch.atleast1d(a!), () => [leaf()]],
  ['atleast_2d', (a, b) => torch.atleast2d([a!, b!]), () => [leaf(), leaf(3)]],
  ['atleast_3d', (a, b) => torch.atleast3d(a!, b!), () => [leaf(3), leafT(2, 3)]],
  ['tensor_split sections', (a) => torch.tensorSplit(a!, 3, 1), () => [leaf(2, 7)]],
  ['tensor_split indices', (a) => torch.tensorSplit(a!, [1, -2]), () => [leafT(6, 2)]],
  ['tensor_split tensor', (a) => torch.tensorSplit(a!, torch.tensor([2, 3])), () => [leaf(5)]],
  ['hsplit', (a) => torch.hsplit(a!, 2), () => [leaf(3, 4)]],
  ['vsplit', (a) => torch.vsplit(a!, [1]), () => [leaf(3, 4)]],
  ['dsplit', (a) => torch.dsplit(a!, 2), () => [leaf(2, 1, 4)]],
  ['split_with_sizes', (a) => torch.splitWithSizes(a!, [1, 3], 1), () => [leaf(2, 4)]],
  ['unsafe_split', (a) => torch.unsafeSplit(a!, 2), () => [leaf(5, 2)]],
  ['unsafe_chunk', (a) => torch.unsafeChunk(a!, 2, 1), () => [leafT(3, 5)]],
  ['unsafe_split_with_sizes', (a) => torch.unsafeSplitWithSizes(a!, [2, 1]), () => [leaf(3, 2)]],
  ['broadcast_to', (a) => torch.broadcastTo(a!, [2, 3, 4]), () => [leaf(3, 1)]],
  ['swapaxes', (a) => torch.swapaxes(a!, 0, 2), () => [leaf(2, 3, 4)]],
  ['swapdims', (a) => torch.swapdims(a!, -1, 0), () => [leaf(2, 3)]],
  ['moveaxis', (a) => torch.moveaxis(a!, [0, 1], [2, 0]), () => [leaf(2, 3, 4)]],
  ['ravel', (a) => torch.ravel(a!), () => [leafT(2, 3)]],
  ['unfold', (a) => a!.unfold(1, 3, 2), () => [leaf(2, 7)]],
  ['unfold overlapping', (a) => a!.unfold(0, 3, 1), () => [leaf(5)]],
  ['fliplr', (a) => torch.fliplr(a!), () => [leaf(2, 3)]],
  ['flipud', (a) => torch.flipud(a!), () => [leafT(2, 3)]],
  ['rot90', (a) => torch.rot90(a!, 1), () => [leaf(2, 3)]],
  ['rot90 k=3 dims', (a) => torch.rot90(a!, 3, [2, 0]), () => [leaf(2, 3, 2)]],
  ['rot90 k=2', (a) => torch.rot90(a!, -2), () => [leaf(2, 3)]],
  ['narrow_copy', (a) => torch.narrowCopy(a!, 1, 1, 2), () => [leaf(2, 4)]],
  ['view_copy', (a) => torch.viewCopy(a!, [3, 2]), () => [leafT(2, 3)]],
  ['expand_copy', (a) => torch.expandCopy(a!, [3, 4]), () => [leaf(3, 1)]],
  ['permute_copy', (a) => torch.permuteCopy(a!, [2, 0, 1]), () => [leaf(2, 3, 2)]],
  ['squeeze_copy', (a) => torch.squeezeCopy(a!), () => [leaf(2, 1, 3)]],
  ['unsqueeze_copy', (a) => torch.unsqueezeCopy(a!, 1), () => [leaf(2, 3)]],
  ['t_copy', (a) => torch.tCopy(a!), () => [leaf(2, 3)]],
  ['transpose_copy', (a) => torch.transposeCopy(a!, 0, 1), () => [leaf(2, 3)]],
  ['select_copy', (a) => torch.selectCopy(a!, 1, -1), () => [leaf(2, 3)]],
  ['slice_copy', (a) => torch.sliceCopy(a!, 1, 1, 7, 2), () => [leaf(2, 7)]],
  ['split_copy', (a) => torch.splitCopy(a!, 2, 1), () => [leaf(2, 5)]],
  ['split_with_sizes_copy', (a) => torch.splitWithSizesCopy(a!, [2, 1]), () => [leaf(3, 2)]],
  ['unbind_copy', (a) => torch.unbindCopy(a!, 1), () => [leaf(2, 3)]],
  ['unfold_copy', (a) => torch.unfoldCopy(a!, 0, 2, 1), () => [leaf(4, 2)]],
  ['diagonal_copy', (a) => torch.diagonalCopy(a!, 1), () => [leaf(3, 4)]],
  ['diagonal_copy dims', (a) => torch.diagonalCopy(a!, -1, 2, 0), () => [leaf(3, 2, 3)]],
  ['alias_copy', (a) => torch.aliasCopy(a!), () => [leafT(2, 3)]],
  ['as_strided_copy', (a) => torch.asStridedCopy(a!, [2, 2], [1, 2], 1), () => [leaf(6)]],
  ['type_as', (a, b) => a!.typeAs(b!), () => [leaf(2, 2), leaf(1)]],
  ['resize', (a) => a!.resize(3, 2), () => [leafT(2, 3)]],
  ['resize_as', (a, b) => a!.resizeAs(b!), () => [leaf(2, 3), leaf(6)]],
  ['sum_to_size', (a) => a!.sumToSize(3, 1), () => [leaf(2, 3, 4)]],
  ['sum_to_size keep', (a) => a!.sumToSize([1, 3]), () => [leafT(2, 3)]],
  ['meshgrid ij', (a, b) => torch.meshgrid(a!, b!, { indexing: 'ij' }), () => [leaf(2), leaf(3)]],
  ['meshgrid xy', (a, b, c) => torch.meshgrid([a!, b!, c!], { indexing: 'xy' }), () => [leaf(2), leaf(3), leaf()]],
  ['cartesian_prod', (a, b) => torch.cartesianProd(a!, b!), () => [leaf(2), leaf(3)]],
  ['combinations', (a) => torch.combinations(a!, { r: 3 }), () => [leaf(4)]],
  ['combinations with replacement', (a) => torch.combinations(a!, { withReplacement: true }), () => [leaf(3)]],
  ['repeat_interleave int', (a) => torch.repeatInterleave(a!, 3, { dim: 1 }), () => [leafT(2, 3)]],
  ['repeat_interleave flat', (a) => a!.repeatInterleave(2), () => [leaf(2, 2)]],
  ['repeat_interleave tensor', (a) => torch.repeatInterleave(a!, torch.tensor([2, 0, 1]), { dim: 0 }), () => [leaf(3, 2)]],
  ['as_tensor', (a) => torch.asTensor(a!).mul(2), () => [leaf(3)]],
  ['asarray', (a) => torch.asarray(a!), () => [leaf(3)]],
  ['fill (tensor value)', (a, v) => torch.fill(a!, v!), () => [leaf(2, 3), leaf()]],
  ['fill (number)', (a) => torch.fill(a!, 2.5).add(a!), () => [leaf(2, 3)]],
  ['fill_diagonal_', (a) => a!.mul(1).fillDiagonal_(0.5, { wrap: true }), () => [leaf(5, 2)]],
  ['tril_', (a) => a!.mul(1).tril_(1), () => [leaf(3, 4)]],
  ['triu_', (a) => a!.mul(1).triu_(-1), () => [leafT(3, 3)]],
  ['t_', (a) => a!.mul(1).t_(), () => [leaf(2, 3)]],
  ['transpose_', (a) => a!.mul(1).transpose_(0, 2), () => [leaf(2, 3, 2)]],
  ['swapaxes_', (a) => a!.mul(1).swapaxes_(0, 1), () => [leaf(2, 3)]],
  ['swapdims_', (a) => a!.mul(1).swapdims_(1, 0), () => [leaf(2, 3)]],
  ['squeeze_', (a) => a!.mul(1).squeeze_(), () => [leaf(2, 1, 3)]],
  ['unsqueeze_', (a) => a!.mul(1).unsqueeze_(1), () => [leaf(2, 3)]],
  ['as_strided_', (a) => a!.mul(1).asStrided_([2, 2], [1, 2], 1), () => [leaf(6)]],
  ['in-place view op on a view', (a) => a!.mul(1).view(3, 2).t_().unsqueeze_(0).mul(torch.arange(6, { dtype: 'float64' }).view(1, 2, 3)), () => [leaf(2, 3)]],
];

describe('structure ops: gradcheck (float64)', () => {
  for (const [name, fn, make] of cases) {
    it(name, () => {
      const inputs = make();
      const f = (...xs: T[]) => {
        const r = fn(...xs);
        return Array.isArray(r) ? weighted(r) : r;
      };
      expect(gradcheck(f, inputs)).toBe(true);
    });
  }
});

describe('structure ops: views and in-place view ops', () => {
  it('split pieces, unfold and meshgrid share storage with their input', () => {
    const x = torch.arange(12, { dtype: 'float64' }).view(3, 4);
    const [a] = torch.tensorSplit(x, 2, 1);
    a!.fill_(-1);
    const u = x.unfold(1, 2, 2);
    u.select(2, 1).fill_(7);
    const [g] = torch.meshgrid(x.select(0, 2), x.select(1, 0), { indexing: 'ij' });
    expect(g!._storage).toBe(x._storage);
    expect(a!._storage).toBe(x._storage);
    // the writes through the views show in x: columns 0 and 2 hold what the split wrote, 1 and 3 what unfold's windows wrote
    expect(x.index(':', '0:1').eq(-1).all().item()).toBe(true);
    expect(x.index(':', '1::2').eq(7).all().item()).toBe(true);
  });

  it('t_ changes the tensor in place (same object, new strides, version bumped)', () => {
    const x = torch.zeros(2, 3);
    const v = x._version;
    const r = x.t_();
    expect(r).toBe(x);
    expect([...x.shape]).toEqual([3, 2]);
    expect(x.stride()).toEqual([1, 3]);
    expect(x._version).toBe(v + 1);
  });

  it('in-place view ops refuse leaves that require grad and views of them, leaving them unchanged', () => {
    const a = leaf(2, 3);
    expect(() => a.t_()).toThrow(torch.TorchRuntimeError);
    expect([...a.shape]).toEqual([2, 3]);
    const v = a.view(3, 2);
    expect(() => v.squeeze_()).toThrow(torch.TorchRuntimeError);
    expect(() => a.unsqueeze_(0)).toThrow(torch.TorchRuntimeError);
    expect([...a.shape]).toEqual([2, 3]);
  });

  it('a gradient flows through t_ on an intermediate into the leaf', () => {
    const a = leaf(2, 3);
    const y = a.mul(2);
    y.t_();
    const w = torch.arange(6, { dtype: 'float64' }).view(3, 2);
    y.mul(w).sum().backward();
    expect(a.grad!.tolist()).toEqual(w.t().mul(2).tolist());
  });

  it('unsafe_split pieces may be written in place; split pieces may not', () => {
    const a = leaf(4);
    const y = a.mul(1);
    const [p] = torch.unsafeSplit(y, 2);
    expect(() => p!.mul_(2)).not.toThrow();
    const z = a.mul(1);
    const [q] = torch.split(z, 2);
    expect(() => q!.mul_(2)).toThrow(torch.TorchRuntimeError);
  });

  it('new_* take the size as arguments or as a list, with options last', () => {
    const x = torch.zeros([1], { dtype: 'int32' });
    const a = x.newOnes(2, 3);
    const b = x.newOnes([2, 3], { dtype: 'float64' });
    expect([...a.shape]).toEqual([...b.shape]);
    expect(a.dtype).toBe(x.dtype);
    expect(b.dtype).toBe(torch.float64);
    expect(x.newZeros(4).numel()).toBe(x.newEmpty([4]).numel());
  });

  it('repeat_interleave with tensor repeats has an async form', async () => {
    const x = torch.tensor([[1, 2], [3, 4]]);
    const r = await torch.repeatInterleaveAsync(x, torch.tensor([1, 2]), { dim: 0 });
    expect(r.tolist()).toEqual(torch.repeatInterleave(x, torch.tensor([1, 2]), { dim: 0 }).tolist());
    expect(await torch.isNonzeroAsync(torch.tensor([2]))).toBe(true);
  });
});
