// The public types that used to be `any`: Sequential's forward, ModuleList/ModuleDict elements,
// DataLoader batches (typed by the dataset's items), and torch.load's result (a union, or what
// the caller names). The type assertions are checked by tsc through vitest's typecheck mode
// (vitest.config.ts), so they count in `npm test`; the values are checked at run time.
import { Tensor, arange, float32, int64, ones, tensor } from '@antorcha/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Loaded, load, nn, optim, save, utils } from '../src/index.js';

const { data } = utils;

describe('public types without any', () => {
  it('Sequential takes and returns tensors by default, or the types it is given', () => {
    const model = new nn.Sequential(new nn.Linear(3, 2), new nn.ReLU());
    const y = model.call(ones([4, 3]));
    expectTypeOf(y).toEqualTypeOf<Tensor>();
    expect(y.shape).toEqual([4, 2]);
    const pair = new nn.Sequential<Tensor, Tensor[]>(new nn.Linear(3, 4), new (class extends nn.Module {
      override forward(x: Tensor): Tensor[] {
        return x.chunk(2, 1);
      }
    })());
    const parts = pair.call(ones([1, 3]));
    expectTypeOf(parts).toEqualTypeOf<Tensor[]>();
    expect(parts.map((p) => p.shape)).toEqual([[1, 2], [1, 2]]);
  });

  it('max-pooling layers return a tensor, or [pooled, indices] when built with returnIndices', () => {
    const x = arange(16, { dtype: float32 }).reshape(1, 1, 4, 4);
    const plain = new nn.MaxPool2d(2).call(x);
    expectTypeOf(plain).toEqualTypeOf<Tensor>();
    expect(plain.shape).toEqual([1, 1, 2, 2]);
    const [pooled, indices] = new nn.MaxPool2d(2, { returnIndices: true }).call(x);
    expectTypeOf(indices).toEqualTypeOf<Tensor>();
    expect(indices.dtype).toBe(int64);
    expect(pooled.shape).toEqual([1, 1, 2, 2]);
    // (checked by assignability: expectTypeOf's deep brand gives up on these unions)
    const flag: boolean = x.numel() > 0;
    const either: Tensor | [Tensor, Tensor] = new nn.MaxPool2d(2, { returnIndices: flag }).call(x);
    // @ts-expect-error: a layer whose returnIndices is only known at run time may return a pair
    const notPlain: Tensor = new nn.MaxPool2d(2, { returnIndices: flag }).call(x);
    const pair: [Tensor, Tensor] = new nn.AdaptiveMaxPool1d(2, true).call(x.reshape(1, 2, 8));
    expect([Array.isArray(either), Array.isArray(notPlain), pair.length]).toEqual([true, true, 2]);
    expectTypeOf(new nn.MaxPool3d(2).call(x.reshape(1, 1, 2, 2, 4))).toEqualTypeOf<Tensor>();
  });

  it('ModuleList and ModuleDict elements have the modules’ type', () => {
    const layers = new nn.ModuleList([new nn.Linear(2, 2), new nn.Linear(2, 2)]);
    let x = ones([1, 2]);
    for (const layer of layers) {
      expectTypeOf(layer).toEqualTypeOf<nn.Linear>();
      x = layer.call(x);
    }
    expect(x.shape).toEqual([1, 2]);
    const heads = new nn.ModuleDict({ cls: new nn.Linear(2, 3) });
    expectTypeOf(heads.get('cls').call(x)).toEqualTypeOf<Tensor>();
    // a plain Module's call is honest about not knowing its output
    const any: nn.Module = new nn.ReLU();
    expectTypeOf(any.call(x)).toEqualTypeOf<unknown>();
  });

  it('DataLoader batches follow the dataset’s items', () => {
    const ds = new data.TensorDataset(arange(6, { dtype: float32 }).reshape(3, 2), tensor([0, 1, 0], { dtype: int64 }));
    for (const batch of new data.DataLoader(ds, { batchSize: 2 })) {
      expectTypeOf(batch).toEqualTypeOf<Tensor[]>();
      expect(batch[0]!.shape[1]).toBe(2);
    }
    class Points extends data.Dataset<{ xy: [number, number]; label: string; w: Tensor }> {
      getItem(i: number) {
        return { xy: [i, -i] as [number, number], label: `p${i}`, w: ones([2]) };
      }
      get length() {
        return 3;
      }
    }
    const batches = [...new data.DataLoader(new Points(), { batchSize: 3 })];
    expectTypeOf(batches[0]!).toEqualTypeOf<{ xy: [Tensor, Tensor]; label: string[]; w: Tensor }>();
    expect(batches[0]!.label).toEqual(['p0', 'p1', 'p2']);
    expect(batches[0]!.xy[1].tolist()).toEqual([0, -1, -2]);
    expect(batches[0]!.w.shape).toEqual([3, 2]);
    const custom = new data.DataLoader(new Points(), { batchSize: 2, collateFn: (items) => items.length });
    expectTypeOf([...custom]).toEqualTypeOf<number[]>();
    expect([...custom]).toEqual([2, 1]);
  });

  it('torch.load returns the Loaded union, or the type the caller names; loadStateDict takes it as is', () => {
    const model = new nn.Linear(2, 1);
    const bytes = save(model.stateDict());
    const loaded = load(bytes);
    expectTypeOf(loaded).toEqualTypeOf<Loaded>();
    expect(new nn.Linear(2, 1).loadStateDict(loaded)).toEqual({ missingKeys: [], unexpectedKeys: [] });
    const sd = load<Record<string, Tensor>>(bytes);
    expect(sd.weight!.shape).toEqual([1, 2]);
    const opt = new optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
    new optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 }).loadStateDict(load(save(opt.stateDict())));
    // what is not a state dict is refused at run time with PyTorch's message
    expect(() => new nn.Linear(2, 1).loadStateDict(load(save(tensor([1, 2]))))).toThrow('Expected state_dict to be dict-like');
  });
});
