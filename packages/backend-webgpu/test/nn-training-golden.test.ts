// The end-to-end training goldens of tools/golden/nn_training.py on WebGPU: 50 steps of an
// MLP with SGD+momentum, an MLP with dropout and Adam, and a small CNN with AdamW and a
// cosine schedule, the model and every batch on the device; data, initialisation, shuffling
// and dropout masks drawn from the same seed as PyTorch's CPU run. Losses are read once,
// after the loop, as a training script on a GPU would.
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';
import { lib, nnCases, nnFixture } from './nn-golden.js';

type Tensor = torch.Tensor;

/** A training run of nn_training.json (cases/training.ts's Run; see nn-golden.ts). */
interface Run {
  name: string;
  seed: number;
  n: number;
  shape: number[];
  batch_size: number;
  x_sum: number;
  y: number[];
  losses: number[];
  lrs: number[];
  eval_loss: number;
}
interface Setup {
  model: torch.nn.Sequential;
  opt: (m: torch.nn.Module) => torch.optim.Optimizer;
  sched?: (o: torch.optim.Optimizer) => torch.optim.lrScheduler.LRScheduler;
}
const { trainingSetups } = await nnCases<{ trainingSetups: (l: typeof lib) => Record<string, () => Setup> }>('training');
const SETUPS = trainingSetups(lib);
const fx = nnFixture<{ runs: Run[] }>('nn_training.json');

/**
 * Every step's loss within 1e-4 relative of PyTorch's, the parity the CPU run is held to
 * (packages/nn/test/training.test.ts): float32 training, whose rounding differences from
 * PyTorch's CPU kernels compound over 50 steps.
 */
const LOSS_RTOL = 1e-4;

/**
 * The CNN run is ~400 dispatches a step; on SwiftShader its skinny im2col products (e.g.
 * [16, 8, 36]×[16, 36, 144]) run in 64×64 output tiles mostly outside the matrix, ~1 s a step
 * on a loaded 2-CPU machine, so a run gets more than the default minute.
 */
const RUN_TIMEOUT_MS = 600_000;

describe.skipIf(!hasGpu)('training parity vs PyTorch on WebGPU (50 steps)', () => {
  torch.setRngCompat('1.13');
  for (const r of fx.runs) {
    it(r.name, async () => {
      torch.manualSeed(r.seed);
      const x = torch.randn([r.n, ...r.shape]);
      expect(x.double().sum().item()).toBe(r.x_sum);
      const y = torch.tensor(r.y, { dtype: torch.int64 });
      const setup = SETUPS[r.name]!();
      const model = setup.model.to('webgpu');
      const opt = setup.opt(model);
      const sched = setup.sched?.(opt);
      const loader = new torch.utils.data.DataLoader(new torch.utils.data.TensorDataset(x, y), { batchSize: r.batch_size, shuffle: true });
      const lossFn = new torch.nn.CrossEntropyLoss();
      const losses: Tensor[] = [];
      const lrs: number[] = [];
      model.train();
      while (losses.length < 50) {
        for (const [xb, yb] of loader) {
          opt.zeroGrad();
          const loss = lossFn.call(model.call((xb as Tensor).to('webgpu')), (yb as Tensor).to('webgpu')) as Tensor;
          loss.backward();
          opt.step();
          sched?.step();
          losses.push(loss.detach());
          lrs.push(opt.paramGroups[0]!.lr);
          if (losses.length === 50) break;
        }
      }
      for (const [i, l] of losses.entries()) {
        const [got] = await l.data();
        const want = r.losses[i]!;
        expect(Math.abs(got! - want) / Math.abs(want), `step ${i}: ${got} vs PyTorch ${want}`).toBeLessThanOrEqual(LOSS_RTOL);
      }
      expect(lrs).toEqual(r.lrs);
      model.eval();
      const evalLoss = torch.noGrad(() => lossFn.call(model.call(x.to('webgpu')), y.to('webgpu')) as Tensor);
      const [got] = await evalLoss.data();
      expect(Math.abs(got! - r.eval_loss) / r.eval_loss).toBeLessThanOrEqual(LOSS_RTOL);
    }, RUN_TIMEOUT_MS);
  }
});
