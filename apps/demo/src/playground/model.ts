// The playground's model and data, without any DOM: the worker trains with these, and the
// golden script (tools/golden/demo_export.py) repeats the same steps in PyTorch.
import * as torch from 'antorcha';
import type { Tensor } from 'antorcha';

import type { ActivationName, DatasetName, PlaygroundConfig } from './config.js';

export * from './config.js';

const { nn, optim } = torch;

/** A data set: `x` is `[n, 2]` float32 in about [−1, 1]², `y` is `[n, 1]` with 0/1 labels. */
export interface Dataset {
  x: Tensor;
  y: Tensor;
}

/**
 * Draws a data set from its own generator seeded with `seed` (torch.Generator, as PyTorch
 * would: every draw below has a line-for-line twin in tools/golden/demo_export.py).
 */
export function makeDataset(name: DatasetName, points: number, noise: number, seed: number): Dataset {
  const g = new torch.Generator().manualSeed(seed);
  const m = Math.floor(points / 2);
  const gen = { generator: g };
  const half = (cls: number): Tensor[] => {
    let px: Tensor;
    let py: Tensor;
    if (name === 'spirals') {
      // r grows from 0 to 1 over one and a half turns; the second arm is the first turned by π
      const t = torch.rand([m], gen);
      const angle = t.mul(3 * Math.PI).add(cls * Math.PI);
      px = t.mul(angle.cos());
      py = t.mul(angle.sin());
    } else if (name === 'circles') {
      // class 0 inside radius 0.5, class 1 on a ring from 0.7 to 1
      const r = torch.rand([m], gen).mul(cls === 0 ? 0.5 : 0.3).add(cls === 0 ? 0 : 0.7);
      const angle = torch.rand([m], gen).mul(2 * Math.PI);
      px = r.mul(angle.cos());
      py = r.mul(angle.sin());
    } else if (name === 'xor') {
      // uniform in the square; the label is 1 where x and y have the same sign
      const u = torch.rand([m, 2], gen).mul(2).sub(1);
      const sx = u.select(1, 0);
      const sy = u.select(1, 1);
      // flip y's sign for class 0 so that x·y < 0 there and > 0 for class 1
      const sign = sx.sign().mul(cls === 0 ? -1 : 1);
      px = sx;
      py = sy.abs().mul(sign);
    } else {
      // two interleaving half circles (as scikit-learn's make_moons), scaled into [−1, 1]²
      const theta = torch.rand([m], gen).mul(Math.PI);
      const cx = cls === 0 ? theta.cos() : torch.onesLike(theta).sub(theta.cos());
      const cy = cls === 0 ? theta.sin() : torch.fullLike(theta, 0.5).sub(theta.sin());
      px = cx.sub(0.5).div(1.5);
      py = cy.sub(0.25).div(1.5);
    }
    const xy = torch.stack([px, py], 1);
    return [xy.add(torch.randn([m, 2], gen).mul(noise)), torch.full([m, 1], cls, { dtype: 'float32' })];
  };
  const [x0, y0] = half(0);
  const [x1, y1] = half(1);
  return { x: torch.cat([x0!, x1!]), y: torch.cat([y0!, y1!]) };
}

function activation(name: ActivationName): torch.nn.Module {
  switch (name) {
    case 'tanh':
      return new nn.Tanh();
    case 'relu':
      return new nn.ReLU();
    case 'sigmoid':
      return new nn.Sigmoid();
    case 'gelu':
      return new nn.GELU();
  }
}

/**
 * The MLP: `layers` hidden `Linear(·, width)` + activation, then `Linear(width, 1)` giving one
 * logit. Seeds the default generator with `seed` first, so the initial weights are PyTorch's
 * for the same seed.
 */
export function makeModel(cfg: Pick<PlaygroundConfig, 'layers' | 'width' | 'activation' | 'seed'>): torch.nn.Sequential {
  if (!Number.isInteger(cfg.layers) || cfg.layers < 1 || cfg.layers > 4) throw new RangeError(`layers must be an integer in 1..4, got ${cfg.layers}`);
  if (!Number.isInteger(cfg.width) || cfg.width < 1 || cfg.width > 64) throw new RangeError(`width must be an integer in 1..64, got ${cfg.width}`);
  torch.manualSeed(cfg.seed);
  const mods: torch.nn.Module[] = [];
  let inF = 2;
  for (let i = 0; i < cfg.layers; i++) {
    mods.push(new nn.Linear(inF, cfg.width), activation(cfg.activation));
    inF = cfg.width;
  }
  mods.push(new nn.Linear(inF, 1));
  return new nn.Sequential(...mods);
}

/** The optimizer named in `cfg` over the model's parameters (PyTorch's defaults otherwise). */
export function makeOptimizer(model: torch.nn.Module, cfg: Pick<PlaygroundConfig, 'optimizer' | 'lr'>): torch.optim.Optimizer {
  if (!(cfg.lr > 0) || !Number.isFinite(cfg.lr)) throw new RangeError(`learning rate must be a positive number, got ${cfg.lr}`);
  const params = model.parameters();
  switch (cfg.optimizer) {
    case 'adam':
      return new optim.Adam(params, { lr: cfg.lr });
    case 'sgd':
      return new optim.SGD(params, { lr: cfg.lr, momentum: 0.9 });
    case 'rmsprop':
      return new optim.RMSprop(params, { lr: cfg.lr });
  }
}

/** A model, its optimizer, loss and data on one device: one call of {@link Trainer.step} is one full-batch step. */
export class Trainer {
  /** Steps taken so far. */
  step = 0;
  readonly lossFn = new nn.BCEWithLogitsLoss();

  constructor(
    readonly model: torch.nn.Sequential,
    public opt: torch.optim.Optimizer,
    readonly data: Dataset,
  ) {}

  /** One step of gradient descent on the whole data set; returns the loss before the update (a tensor, still on the device). */
  trainStep(): Tensor {
    // one tidy per step frees the step's intermediates (and the dropped gradients) at once
    const loss = torch.tidy(() => {
      this.opt.zeroGrad();
      const l = this.lossFn.call(this.model.call(this.data.x), this.data.y) as Tensor;
      l.backward();
      this.opt.step();
      return l.detach();
    });
    this.step++;
    return loss;
  }

  /** The probability of class 1 at each row of `points` (`[k, 2]`), without recording a graph. */
  predict(points: Tensor): Tensor {
    return torch.tidy(() => torch.noGrad(() => (this.model.call(points) as Tensor).sigmoid().reshape(-1)));
  }
}

/**
 * The heat map's sample points: a `size`×`size` grid over [−extent, extent]², row by row from the
 * top (y = +extent) down, as a `[size·size, 2]` tensor.
 */
export function gridPoints(size: number, extent: number): Tensor {
  const ticks = torch.linspace(-extent, extent, size);
  const ys = ticks.flip(0);
  const gy = ys.reshape(size, 1).expand(size, size);
  const gx = ticks.reshape(1, size).expand(size, size);
  return torch.stack([gx.reshape(-1), gy.reshape(-1)], 1);
}
