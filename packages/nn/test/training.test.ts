// Training parity and data loading order against real PyTorch
// (tools/golden/nn_training.py): 50 steps of an MLP with SGD+momentum, an MLP with
// dropout and Adam, and a small CNN with AdamW and a cosine schedule — data,
// initialisation, shuffling and dropout masks all drawn from the same seed.
import { describe, expect, it } from 'vitest';
import { Generator, type Tensor, arange, int64, manualSeed, rand, randn, setRngCompat, tensor } from '@antorcha/core';
import { noGrad } from '@antorcha/autograd';
import * as core from '@antorcha/core';
import { nn, optim, utils } from '../src/index.js';
import { type Run, trainingSetups } from './cases/training.js';
import { fixture } from './helpers.js';

const { data } = utils;

interface LoaderCase {
  n: number;
  batch_size: number;
  shuffle: boolean;
  drop_last: boolean;
  seed: number;
  generator_seed: number | null;
  epochs: number[][][];
  after: number[];
}

const fx = fixture<{ loaders: LoaderCase[]; splits: { n: number; lengths: number[]; seed: number; subsets: number[][] }[]; runs: Run[] }>('nn_training.json');
const SETUPS = trainingSetups({ ...core, nn, optim, utils });

describe('DataLoader order vs PyTorch', () => {
  setRngCompat('1.13');
  for (const c of fx.loaders) {
    it(`n=${c.n} batch=${c.batch_size} shuffle=${c.shuffle} dropLast=${c.drop_last} seed=${c.seed}${c.generator_seed !== null ? ' with generator' : ''}`, () => {
      manualSeed(c.seed);
      const generator = c.generator_seed !== null ? new Generator().manualSeed(c.generator_seed) : undefined;
      const dl = new data.DataLoader(new data.TensorDataset(arange(c.n)), { batchSize: c.batch_size, shuffle: c.shuffle, dropLast: c.drop_last, generator });
      const epochs = [0, 1].map(() => [...dl].map(([b]) => Array.from((b as Tensor).dataSync())));
      expect(epochs).toEqual(c.epochs);
      expect(dl.length).toBe(c.epochs[0]!.length);
      expect(Array.from(rand(3).dataSync()).map((v) => Math.fround(v))).toEqual(c.after.map((v) => Math.fround(v)));
    });
  }
  for (const s of fx.splits) {
    it(`randomSplit(${s.n}, [${s.lengths}]) seed ${s.seed}`, () => {
      manualSeed(s.seed);
      const parts = data.randomSplit(new data.TensorDataset(arange(s.n)), s.lengths);
      expect(parts.map((p) => p.indices)).toEqual(s.subsets);
    });
  }
  it('default collate of items (tuples, numbers, objects)', () => {
    class Pairs extends data.Dataset<{ x: Tensor; y: number }> {
      override get length() {
        return 3;
      }
      override getItem(i: number) {
        return { x: tensor([i, i + 0.5]), y: i };
      }
    }
    const [b] = [...new data.DataLoader(new Pairs(), { batchSize: 3 })];
    expect((b.x as Tensor).shape).toEqual([3, 2]);
    expect((b.y as Tensor).dtype.name).toBe('int64');
    expect((b.y as Tensor).tolist()).toEqual([0, 1, 2]);
  });
});

/** The required parity: every step's loss within 1e-4 relative of PyTorch's (float32 training). */
const LOSS_RTOL = 1e-4;

describe('training parity vs PyTorch (50 steps)', () => {
  setRngCompat('1.13');
  for (const r of fx.runs) {
    it(r.name, () => {
      manualSeed(r.seed);
      const x = randn([r.n, ...r.shape]);
      expect(x.double().sum().item()).toBe(r.x_sum);
      const y = tensor(r.y, { dtype: int64 });
      const setup = SETUPS[r.name]!();
      const model = setup.model;
      const opt = setup.opt(model);
      const sched = setup.sched?.(opt);
      const loader = new data.DataLoader(new data.TensorDataset(x, y), { batchSize: r.batch_size, shuffle: true });
      const lossFn = new nn.CrossEntropyLoss();
      const losses: number[] = [];
      const lrs: number[] = [];
      model.train();
      while (losses.length < 50) {
        for (const [xb, yb] of loader) {
          opt.zeroGrad();
          const loss = lossFn.call(model.call(xb), yb);
          loss.backward();
          opt.step();
          sched?.step();
          losses.push(loss.item() as number);
          lrs.push(opt.paramGroups[0]!.lr);
          if (losses.length === 50) break;
        }
      }
      losses.forEach((l, i) => {
        const want = r.losses[i]!;
        expect(Math.abs(l - want) / Math.abs(want), `step ${i}: ${l} vs PyTorch ${want}`).toBeLessThanOrEqual(LOSS_RTOL);
      });
      expect(lrs).toEqual(r.lrs);
      model.eval();
      const evalLoss = noGrad(() => lossFn.call(model.call(x), y).item() as number);
      expect(Math.abs(evalLoss - r.eval_loss) / r.eval_loss).toBeLessThanOrEqual(LOSS_RTOL);
    });
  }
});
