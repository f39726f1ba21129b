// Gradients of the indexing family and einsum (ops/scatter.ts): torch.autograd.gradcheck
// on float64 inputs for every differentiable op, in place and out of place, and PyTorch's
// in-place rules for index assignment (leaves, views). Values are covered by the golden
// cases (packages/core/fixtures/ops-indexing.json).
import { readFileSync } from 'node:fs';
import { type EncodedResult, compareTensor, decodeArg, opCall } from '@antorcha/core/testing';
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

const f64 = { dtype: 'float64' as const };
/** A float64 leaf requiring grad, seeded, with distinct values (no ties for amax/amin). */
function leaf(shape: number[], seed: number): torch.Tensor {
  torch.manualSeed(seed);
  return torch.randn(shape, f64).mul(1.5).requiresGrad_();
}
const L = (v: number[] | number[][] | number[][][] | boolean[]) => torch.tensor(v);
const check = (fn: (...a: torch.Tensor[]) => torch.Tensor, inputs: torch.Tensor[]) => expect(torch.autograd.gradcheck(fn as never, inputs)).toBe(true);

describe('gradcheck: index_* ops', () => {
  it('indexAdd (and in place on a clone), with alpha', () => {
    const idx = L([0, 2, 0]);
    check((x, s) => torch.indexAdd(x, 0, idx, s, { alpha: 2 }), [leaf([4, 3], 1), leaf([3, 3], 2)]);
    check((x, s) => x.clone().indexAdd_(1, L([1, 1]), s), [leaf([3, 4], 3), leaf([3, 2], 4)]);
  });
  it('indexCopy', () => {
    check((x, s) => torch.indexCopy(x, 0, L([3, 0]), s), [leaf([4, 3], 5), leaf([2, 3], 6)]);
    check((x, s) => x.clone().indexCopy_(1, L([2]), s), [leaf([3, 4], 7), leaf([3, 1], 8)]);
  });
  it('indexFill (with a 0-d tensor value)', () => {
    check((x, v) => torch.indexFill(x, 1, L([0, 2, 2]), v), [leaf([3, 4], 9), leaf([], 10)]);
    check((x) => x.clone().indexFill_(0, L([-1]), 2.5), [leaf([3, 4], 11)]);
  });
  for (const reduce of ['prod', 'mean', 'amax', 'amin'] as const) {
    for (const includeSelf of [true, false]) {
      it(`indexReduce ${reduce} includeSelf=${includeSelf}`, () => {
        check((x, s) => torch.indexReduce(x, 0, L([0, 2, 0, 3, 0]), s, reduce, { includeSelf }), [leaf([4, 3], 12), leaf([5, 3], 13)]);
        check((x, s) => x.clone().indexReduce_(1, L([1, 1, 3]), s, reduce, { includeSelf }), [leaf([3, 4], 14), leaf([3, 3], 15)]);
      });
    }
  }
});

describe('gradcheck: scatter_reduce', () => {
  const idx = L([
    [0, 1, 2, 0],
    [2, 2, 0, 1],
    [0, 0, 0, 2],
  ]);
  for (const reduce of ['sum', 'prod', 'mean', 'amax', 'amin'] as const) {
    for (const includeSelf of [true, false]) {
      it(`${reduce} includeSelf=${includeSelf}`, () => {
        check((x, s) => torch.scatterReduce(x, 0, idx, s, reduce, { includeSelf }), [leaf([3, 4], 20), leaf([3, 4], 21)]);
        check((x, s) => x.clone().scatterReduce_(1, L([[1, 1], [0, 3], [2, 2]]), s, reduce, { includeSelf }), [leaf([3, 4], 22), leaf([3, 3], 23)]);
      });
    }
  }
  it('values stay exact (signed zeros kept) when gradients are recorded', () => {
    const x = torch.tensor([-0, 1, 2], f64).requiresGrad_();
    const s = torch.tensor([-0, 5], f64).requiresGrad_();
    const y = torch.scatterReduce(x, 0, L([0, 1]), s, 'amax');
    const z = torch.noGrad(() => torch.scatterReduce(x, 0, L([0, 1]), s, 'amax'));
    expect(Object.is(y.dataSync()[0], z.dataSync()[0])).toBe(true);
    expect(Array.from(y.dataSync())).toEqual(Array.from(z.dataSync()));
  });
});

describe('gradcheck: take, put, take_along_dim, masked_scatter', () => {
  it('take', () => check((x) => torch.take(x, L([[0, 11], [-1, 5], [5, 5]])), [leaf([3, 4], 30)]));
  it('put / put_ (replace and accumulate)', () => {
    check((x, s) => torch.put(x, L([1, -1, 6]), s), [leaf([3, 4], 31), leaf([3], 32)]);
    check((x, s) => x.clone().put_(L([1, 1, 6]), s, { accumulate: true }), [leaf([3, 4], 33), leaf([3], 34)]);
    check((x, s) => x.t().clone().t().put_(L([0, 5]), s), [leaf([3, 4], 35), leaf([2], 36)]);
  });
  it('takeAlongDim (broadcast and flat)', () => {
    check((x) => torch.takeAlongDim(x, L([[[0], [3]]]), 2), [leaf([3, 1, 4], 37)]);
    check((x) => torch.takeAlongDim(x, L([0, 11, 5, 5])), [leaf([3, 4], 38)]);
  });
  it('maskedScatter / maskedScatter_', () => {
    const mask = torch.tensor([true, false, true, true]);
    check((x, s) => torch.maskedScatter(x, mask, s), [leaf([3, 4], 39), leaf([10], 40)]);
    check((x, s) => x.clone().maskedScatter_(mask, s), [leaf([3, 4], 41), leaf([2, 5], 42)]);
  });
});

describe('gradcheck: index_put and x[...] = value', () => {
  it('indexPut (two index tensors, accumulate with duplicates, a mask)', () => {
    check((x, v) => torch.indexPut(x, [L([[0], [2]]), L([1, 3])], v), [leaf([3, 4], 50), leaf([2], 51)]);
    check((x, v) => torch.indexPut(x, [L([0, 0, 2]), L([1, 1, 2])], v, { accumulate: true }), [leaf([3, 4], 52), leaf([3], 53)]);
    check((x, v) => x.clone().indexPut_([L([true, false, true])], v, { accumulate: true }), [leaf([3, 4], 54), leaf([2, 4], 55)]);
  });
  const specs: [string, torch.SetIndexSpec[], number[]][] = [
    ['int and slice', [0, '1:3'], [2]],
    ['steps', ['::2', torch.slice(1, null, 2)], [2, 2]],
    ['ellipsis and new axis', ['...', null, 1], [3, 1]],
    ['index tensor', [L([2, 0])], [4]],
    ['index tensors broadcast', [L([[0], [2]]), L([3, 1])], [2, 2]],
    ['non-adjacent tensors', [L([0, 2]), '1:3', L([3, 3])], [2, 2]],
    ['row mask (device-side where)', [L([true, false, true]) as never], [4]],
    ['element mask with values', [torch.tensor([[true, false, false, true], [false, false, true, false], [true, true, false, false]])], [5]],
  ];
  for (const [name, spec, vshape] of specs) {
    it(`setIndex: ${name}`, () => {
      const shape = name === 'non-adjacent tensors' ? [3, 4, 5] : [3, 4];
      check((x, v) => x.clone().setIndex_(spec, v), [leaf(shape, 60), leaf(vshape, 61)]);
      check((x, v) => torch.setIndex(x, spec, v), [leaf(shape, 62), leaf(vshape, 63)]);
    });
  }
  it('a leaf that requires grad refuses index assignment, as in PyTorch', () => {
    const x = leaf([3, 4], 72);
    expect(() => x.setIndex_(0, 1)).toThrow(/a leaf Variable that requires grad/);
    expect(() => x.setIndex_([L([0])], 1)).toThrow(/a leaf Variable that requires grad/);
    expect(() => x.setIndex_(x.gt(0), 1)).toThrow(/a leaf Variable that requires grad/);
    expect(() => torch.indexPut_(x, [L([0])], torch.tensor(1, f64))).toThrow(/a leaf Variable that requires grad/);
    expect(() => x.indexAdd_(0, L([0]), torch.ones([1, 4], f64))).toThrow(/a leaf Variable that requires grad/);
    // Under no_grad the write is allowed.
    torch.noGrad(() => x.setIndex_(0, 1));
    expect(torch.equal(x.index(0), torch.ones([4], f64))).toBe(true);
  });
  it('a view of a leaf refuses it too, and a write to a saved tensor fails its backward', () => {
    const x = leaf([3, 4], 73);
    expect(() => x.index(1).setIndex_([L([0])], 1)).toThrow(/a view of a leaf Variable that requires grad is being used in an in-place operation/);
    const y = x.mul(1);
    const z = y.exp(); // saves its output
    z.setIndex_(0, 1);
    expect(() => z.sum().backward()).toThrow(/modified by an inplace operation/);
  });
  it('errors leave the target untouched', () => {
    const x = torch.zeros([3, 4], f64);
    expect(() => x.setIndex_([L([0, 5])], 1)).toThrow(/index 5 is out of bounds for dimension 0 with size 3/);
    expect(() => x.indexAdd_(0, L([0, 3]), torch.ones([2, 4], f64))).toThrow(/index out of range in self/);
    expect(() => x.put_(L([1, 12]), torch.ones([2], f64))).toThrow(/out of range/);
    expect(x.abs().sum().item()).toBe(0);
  });
});

describe('gradcheck: einsum', () => {
  const cases: [string, number[][]][] = [
    ['ij,jk->ik', [[3, 4], [4, 2]]],
    ['bij,bjk', [[2, 3, 4], [2, 4, 2]]],
    ['ii->i', [[3, 3]]],
    ['ii', [[3, 3]]],
    ['...ij,...jk->...ik', [[2, 1, 3, 4], [3, 4, 2]]],
    ['i,j->ij', [[3], [4]]],
    ['ij,jk,kl->il', [[2, 3], [3, 4], [4, 2]]],
    ['bn,anm,bm->ba', [[2, 3], [4, 3, 5], [2, 5]]],
    ['ij,ij->i', [[3, 4], [3, 1]]],
    ['ii,ij->j', [[3, 3], [3, 2]]],
  ];
  cases.forEach(([eq, shapes], k) => {
    it(eq, () => check((...ops) => torch.einsum(eq, ...ops), shapes.map((s, i) => leaf(s, 80 + 10 * k + i))));
  });
  it('takes its operands as a list too', () => {
    const a = leaf([2, 3], 1);
    const b = leaf([3, 2], 2);
    expect(Array.from(torch.einsum('ij,jk', [a, b]).dataSync())).toEqual(Array.from(torch.mm(a, b).dataSync()));
  });
});

// PyTorch's gradients where gradcheck can't judge (ties of amax/amin, zeros in prod,
// duplicate indices, masks), written by tools/golden/ops_indexing.py.
interface GradCase {
  name: string;
  op: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  wrt: number[];
  weight: unknown;
  value: EncodedResult;
  grads: EncodedResult[];
  /** getitem cases: PyTorch's node name and its next functions' names. */
  grad_fn?: string;
  next?: (string | null)[];
}
const gradCases = JSON.parse(readFileSync(new URL('./fixtures/indexing-grads.json', import.meta.url), 'utf8')) as GradCase[];
const LOCAL_CALLS: Record<string, (args: any[], kw: Record<string, unknown>) => unknown> = {
  // y = x * 2; y[1][[0, 3]] = v[0:2]: a write into a view of a non-leaf (CopySlices).
  setitem_view: ([x, v]) => {
    const y = x.mul(2);
    y.index(1).setIndex_([torch.tensor([0, 3])], v.index('0:2'));
    return y;
  },
  // x[...] with index tensors (tools/golden/ops_indexing.py's getitem cases)
  'getitem/mask': ([x]) => x.index(x.gt(0.5)),
  'getitem/idx': ([x]) => x.index(torch.tensor([1, 0])),
  'getitem/slice_idx': ([x]) => x.index(':', torch.tensor([1, 0])),
  'getitem/idx_slice_idx': ([x]) => x.index(torch.tensor([1, 0]), ':', torch.tensor([1, 0])),
  'getitem/select_idx': ([x]) => x.index(0, torch.tensor([1, 0])),
  'getitem/none_idx': ([x]) => x.index(null, torch.tensor([1, 0])),
  'getitem/dup': ([x]) => x.index(torch.tensor([[0, 1], [1, 1]]), '1:3'),
  'getitem/apart': ([x]) => x.index(torch.tensor([1, 0]), ':', torch.tensor([3, 3])),
};

describe('gradients against PyTorch', () => {
  for (const c of gradCases) {
    it(c.name, () => {
      const args = c.args.map((a) => decodeArg(a, 'cpu')) as unknown[];
      const kw = Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, decodeArg(v, 'cpu')]));
      for (const i of c.wrt) (args[i] as torch.Tensor).requiresGrad_();
      const leaves = c.wrt.map((i) => args[i] as torch.Tensor);
      if (c.op.endsWith('_') || c.op === 'setitem') args[0] = (args[0] as torch.Tensor).clone();
      const call = LOCAL_CALLS[c.op] ?? opCall(c.op)!;
      const out = call(args, kw) as torch.Tensor;
      expect(compareTensor(out.detach(), c.value), 'value').toBeNull();
      out.mul(decodeArg(c.weight, 'cpu') as torch.Tensor).sum().backward();
      leaves.forEach((t, k) => expect(compareTensor(t.grad!, c.grads[k]!), `grad of input ${c.wrt[k]}`).toBeNull());
      if (c.grad_fn !== undefined) {
        // PyTorch's node and its input's node (the leaf's AccumulateGrad, or the basic view)
        expect(out.gradFn!.name()).toBe(c.grad_fn);
        const node = out.gradFn as torch.autograd.Node;
        expect(node.nextFunctions.map(([f]) => (f ? f.name() : null))).toEqual(c.next);
      }
    });
  }
});
