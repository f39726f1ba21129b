// The end-to-end training golden runs of tools/golden/nn_training.py: each run's model,
// optimizer and schedule. Shared by packages/nn/test/training.test.ts (CPU) and
// packages/backend-webgpu/test/nn-training-golden.test.ts (WebGPU).
import type { nn as NN, optim as OPT } from '../../src/index.js';
import type { CaseLib } from './lib.js';

/** A training run: the data, the per-step losses and lrs, the final eval loss. */
export interface Run {
  name: string;
  seed: number;
  n: number;
  shape: number[];
  classes: number;
  batch_size: number;
  x_sum: number;
  y: number[];
  losses: number[];
  lrs: number[];
  eval_loss: number;
}

/** A run's model, its optimizer and (optionally) its lr schedule. */
export interface Setup {
  model: NN.Sequential;
  opt: (m: NN.Module) => OPT.Optimizer;
  sched?: (o: OPT.Optimizer) => OPT.lrScheduler.LRScheduler;
}

/** The setup of every run of nn_training.json, by name. */
export function trainingSetups({ nn, optim }: CaseLib): Record<string, () => Setup> {
  function mlp(din: number, dh: number, dout: number, p = 0): NN.Sequential {
    const layers: NN.Module[] = [new nn.Linear(din, dh), new nn.ReLU()];
    if (p > 0) layers.push(new nn.Dropout(p));
    layers.push(new nn.Linear(dh, dout));
    return new nn.Sequential(...layers);
  }

  function cnn(): NN.Sequential {
    return new nn.Sequential(
      new nn.Conv2d(1, 4, 3, { padding: 1, bias: false }),
      new nn.BatchNorm2d(4),
      new nn.ReLU(),
      new nn.MaxPool2d(2),
      new nn.Conv2d(4, 8, 3, { padding: 1, bias: false }),
      new nn.BatchNorm2d(8),
      new nn.ReLU(),
      new nn.MaxPool2d(2),
      new nn.Flatten(),
      new nn.Linear(8 * 3 * 3, 5),
    );
  }

  return {
    mlp_sgd_momentum: () => ({ model: mlp(20, 64, 4), opt: (m) => new optim.SGD(m.parameters(), { lr: 0.05, momentum: 0.9 }) }),
    mlp_dropout_adam: () => ({ model: mlp(20, 64, 4, 0.2), opt: (m) => new optim.Adam(m.parameters(), { lr: 1e-3 }) }),
    cnn_adamw_cosine: () => ({
      model: cnn(),
      opt: (m) => new optim.AdamW(m.parameters(), { lr: 1e-2, weightDecay: 1e-2 }),
      sched: (o) => new optim.lrScheduler.CosineAnnealingLR(o, 50),
    }),
  };
}
