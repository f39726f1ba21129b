// The tensor API as users see it through `import * as torch from 'antorcha'`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

type Operand = { kind: 'tensor' | 'zerodim'; dtype: torch.DTypeName } | { kind: 'scalar'; value: number | boolean };
interface PromotionCase {
  a: Operand;
  b: Operand;
  result_type: string | { error: string };
  add: string | { error: string };
  div: string | { error: string };
  lt: string | { error: string };
}

const promotion: PromotionCase[] = JSON.parse(readFileSync(new URL('./fixtures/promotion.json', import.meta.url), 'utf8'));

function operand(o: Operand): torch.Tensor | number | boolean {
  if (o.kind === 'scalar') return o.value;
  return o.kind === 'tensor' ? torch.ones([2], { dtype: o.dtype }) : torch.ones([], { dtype: o.dtype });
}

function outcome(f: () => torch.Tensor | torch.DType): string | { error: string } {
  try {
    const r = f();
    return r instanceof torch.Tensor ? r.dtype.name : r.name;
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('type promotion (golden from PyTorch)', () => {
  for (const c of promotion) {
    const label = (o: Operand) => (o.kind === 'scalar' ? `scalar ${o.value}` : `${o.kind} ${o.dtype}`);
    it(`${label(c.a)} with ${label(c.b)}`, () => {
      const a = operand(c.a);
      const b = operand(c.b);
      expect(outcome(() => torch.resultType(a, b))).toEqual(c.result_type);
      expect(outcome(() => torch.add(a, b))).toEqual(c.add);
      expect(outcome(() => torch.div(a, b))).toEqual(c.div);
      expect(outcome(() => torch.lt(a, b))).toEqual(c.lt);
    });
  }
});

describe('views share storage with their base', () => {
  const views: [string, (x: torch.Tensor) => torch.Tensor][] = [
    ['view', (x) => x.view(4, 3)],
    ['transpose', (x) => x.t()],
    ['permute', (x) => x.view(2, 2, 3).permute(2, 0, 1)],
    ['expand source', (x) => x.select(0, 1)],
    ['narrow', (x) => x.narrow(1, 1, 2)],
    ['slice with step', (x) => x.index('::2', '1:')],
    ['unsqueeze', (x) => x.unsqueeze(0)],
    ['flatten', (x) => x.flatten()],
    ['asStrided', (x) => x.asStrided([2, 2], [1, 4], 1)],
    ['unbind', (x) => x.unbind(1)[2]!],
  ];
  for (const [name, make] of views) {
    it(`a write through ${name} shows in the base`, () => {
      const base = torch.arange(12, { dtype: 'float32' }).view(3, 4);
      const before = base.clone();
      const v = make(base);
      const version = base._version;
      v.fill_(-1);
      expect(base._version).toBe(version + 1);
      // Every element the view covers is now -1 in the base; all others are unchanged.
      const touched = torch.zeros(3, 4);
      make(touched).fill_(1);
      const expected = torch.where(touched.eq(1), -1, before);
      expect(base.equal(expected)).toBe(true);
    });
  }

  it('reshape of a non-viewable layout copies instead', () => {
    const base = torch.arange(6, { dtype: 'float32' }).view(2, 3);
    const r = base.t().reshape(6);
    r.fill_(0);
    expect(base.equal(torch.arange(6, { dtype: 'float32' }).view(2, 3))).toBe(true);
  });

  it('resize_ grows the storage every view shares', () => {
    const base = torch.arange(4, { dtype: 'float32' });
    const v = base.view(2, 2);
    base.resize_(3, 3);
    expect([...base.shape]).toEqual([3, 3]);
    expect(base.flatten().narrow(0, 0, 4).equal(v.flatten())).toBe(true);
    v.fill_(5);
    expect(base.flatten().narrow(0, 0, 4).equal(torch.full([4], 5, { dtype: 'float32' }))).toBe(true);
  });
});

describe('reading data', () => {
  it('shape and size are torch.Size', () => {
    const x = torch.zeros(1, 5);
    expect(String(x.shape)).toBe('torch.Size([1, 5])');
    expect(x.size()).toBeInstanceOf(torch.Size);
    expect(x.size(-1)).toBe(5);
    expect(x.ndim).toBe(2);
    expect(x.numel()).toBe(5);
  });

  it('item, tolist and data agree with each other', async () => {
    const x = torch.arange(6).view(2, 3);
    expect(x.tolist()).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(Array.from(await x.t().data())).toEqual((x.t().contiguous().tolist() as number[][]).flat());
    expect(x.sum().item()).toBe((x.tolist() as number[][]).flat().reduce((a, b) => a + b));
    expect(torch.tensor([true]).item()).toBe(true);
  });

  it('template literals give the number of a 0-dim tensor and the repr otherwise', () => {
    const s = torch.tensor(0.25);
    expect(`${s}`).toBe(torch.formatPythonFloat(s.item() as number));
    const v = torch.tensor([0.25, 0.5]);
    expect(`${v}`).toBe(v.toString());
    expect(`${torch.tensor(3)}`).toBe('3');
  });

  it('dtypes print like PyTorch and names are accepted everywhere', () => {
    expect(String(torch.float32)).toBe('torch.float32');
    expect(torch.zeros(2, { dtype: 'int32' }).dtype).toBe(torch.int32);
    expect(torch.ones(2).to('float64').dtype).toBe(torch.float64);
  });

  it('int64 beyond 2^53 is refused with a clear error', () => {
    expect(() => torch.tensor(new BigInt64Array([2n ** 60n]))).toThrow(/cannot be stored exactly as int64/);
  });
});

describe('errors name the op and leave tensors unchanged', () => {
  it('a failed in-place op does not modify its target', () => {
    const x = torch.arange(3);
    const before = x.clone();
    expect(() => x.add_(torch.ones(3))).toThrow(torch.TorchError); // text checked by the golden suite (add_/int_self_float_other)
    expect(x.equal(before)).toBe(true);
    expect(x._version).toBe(before._version);
  });

  it('errors carry the op and Python exception class', () => {
    try {
      torch.mm(torch.zeros(1, 5), torch.zeros(1, 5));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(torch.TorchError);
      expect((e as torch.TorchError).op).toBe('mm');
      expect((e as torch.TorchError).pythonName).toBe('RuntimeError');
    }
  });

  it('bad shapes are rejected', () => {
    // PyTorch's texts for these are checked by the golden suite (zeros/neg, view/bad_size).
    expect(() => torch.zeros(2, -1)).toThrow(torch.TorchError);
    expect(() => torch.zeros(2, Number.NaN)).toThrow(/must be tuple of ints, but found element of type float at pos 2/);
    expect(() => torch.zeros(2).view(3)).toThrow(torch.TorchError);
  });
});

describe("replacing a tensor's data in place", () => {
  it('setData_ keeps the object and takes the new storage, layout and dtype', () => {
    const p = torch.zeros([2, 3], { requiresGrad: true });
    const src = torch.arange(6, { dtype: 'float64' }).view(3, 2).t();
    p.setData_(src);
    expect(p.dtype).toBe(torch.float64);
    expect([...p.shape]).toEqual([2, 3]);
    expect(p.requiresGrad).toBe(true);
    expect(p.detach().equal(src)).toBe(true);
    src.fill_(1);
    expect(p.detach().equal(src)).toBe(true); // shares the storage
  });

});

describe('ops that had no Tensor method have one, equal to the function', () => {
  const a = torch.tensor([[3, -4, 0], [7, 1, -2]], { dtype: 'int32' });
  const b = torch.tensor([[5, 2, -1], [-3, 1, 6]], { dtype: 'int32' });
  const x = torch.tensor([1.5, Number.NaN, -2, 4]);
  const y = torch.tensor([Number.NaN, 0.5, 3, -1]);
  const same = (p: torch.Tensor, q: torch.Tensor) => expect(Array.from(p.dataSync() as ArrayLike<number>)).toEqual(Array.from(q.dataSync() as ArrayLike<number>));
  it('bitwiseAnd/Or/Xor, hypot, fmax, fmin', () => {
    same(a.bitwiseAnd(b), torch.bitwiseAnd(a, b));
    same(a.bitwiseOr(b), torch.bitwiseOr(a, b));
    same(a.bitwiseXor(b), torch.bitwiseXor(a, b));
    same(x.hypot(y), torch.hypot(x, y));
    same(x.fmax(y), torch.fmax(x, y));
    same(x.fmin(y), torch.fmin(x, y));
  });
  it('cummax/cummin give values and indices', () => {
    for (const [m, f] of [[a.cummax(1), torch.cummax(a, 1)], [a.cummin(0), torch.cummin(a, 0)]] as const) {
      same(m.values, f.values);
      same(m.indices, f.indices);
    }
  });
});
