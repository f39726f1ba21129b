// The Playground's training (src/playground/model.ts) against PyTorch: the same config, data
// set and seed trained by tools/golden/demo_export.py gives the same state dict.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Trainer, makeDataset, makeModel, makeOptimizer, type PlaygroundConfig } from '../src/playground/model.js';

interface Encoded {
  shape: number[];
  values: (number | string)[];
}
const golden: {
  config: Omit<PlaygroundConfig, 'points' | 'noise'> & { points: number; noise: number };
  steps: number;
  pytorch: { first_loss: number; last_loss: number; state_dict: Record<string, Encoded> };
  datasets: Record<string, { x: Encoded; y: Encoded }>;
  runs: { config: PlaygroundConfig; losses: number[] }[];
} = JSON.parse(readFileSync(new URL('./fixtures/playground-export.json', import.meta.url), 'utf8'));

describe('Playground model vs PyTorch', () => {
  it('trains the golden config to PyTorch’s losses and state dict', () => {
    const cfg = golden.config as PlaygroundConfig;
    const data = makeDataset(cfg.dataset, cfg.points, cfg.noise, cfg.seed);
    expect(data.x.shape).toEqual([cfg.points, 2]);
    expect(data.y.shape).toEqual([cfg.points, 1]);
    const model = makeModel(cfg);
    const trainer = new Trainer(model, makeOptimizer(model, cfg), data);
    const losses: number[] = [];
    for (let i = 0; i < golden.steps; i++) losses.push(trainer.trainStep().item() as number);
    // the first loss is computed on PyTorch's initial weights and data: float32 rounding only
    expect(Math.abs(losses[0]! - golden.pytorch.first_loss)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(losses.at(-1)! - golden.pytorch.last_loss)).toBeLessThanOrEqual(1e-4 * golden.pytorch.last_loss + 1e-6);
    const sd = model.stateDict();
    expect(Object.keys(sd)).toEqual(Object.keys(golden.pytorch.state_dict));
    for (const [k, e] of Object.entries(golden.pytorch.state_dict)) {
      expect(sd[k]!.shape).toEqual(e.shape);
      const mine = Array.from(sd[k]!.dataSync() as Float32Array);
      mine.forEach((v, i) => expect(Math.abs(v - Number(e.values[i]))).toBeLessThanOrEqual(1e-4 + 1e-4 * Math.abs(Number(e.values[i]))));
    }
  }, 30000);

  it('draws every data set as PyTorch does from the same seed', () => {
    const c = golden.config as PlaygroundConfig;
    for (const [name, e] of Object.entries(golden.datasets)) {
      const d = makeDataset(name as PlaygroundConfig['dataset'], c.points, c.noise, c.seed);
      expect(d.x.shape, name).toEqual(e.x.shape);
      expect(Array.from(d.y.dataSync() as Float32Array), name).toEqual(e.y.values.map(Number));
      // the same draws through the same float32 ops: equal up to cos/sin's last bit
      const want = e.x.values.map(Number);
      Array.from(d.x.dataSync() as Float32Array).forEach((v, i) => expect(Math.abs(v - want[i]!), `${name}[${i}]`).toBeLessThanOrEqual(1e-6));
    }
  });

  it('follows PyTorch’s losses for every activation and optimizer', () => {
    for (const { config, losses } of golden.runs) {
      const model = makeModel(config);
      const trainer = new Trainer(model, makeOptimizer(model, config), makeDataset(config.dataset, config.points, config.noise, config.seed));
      const mine = losses.map(() => trainer.trainStep().item() as number);
      const name = `${config.activation}/${config.optimizer}`;
      mine.forEach((v, i) => expect(Math.abs(v - losses[i]!), `${name} step ${i}`).toBeLessThanOrEqual(1e-5 + 1e-5 * losses[i]!));
    }
  }, 30000);

  it('refuses configurations outside the page’s ranges', () => {
    expect(() => makeModel({ layers: 0, width: 8, activation: 'tanh', seed: 1 })).toThrow(/layers must be an integer in 1\.\.4, got 0/);
    expect(() => makeModel({ layers: 2, width: 65, activation: 'tanh', seed: 1 })).toThrow(/width must be an integer in 1\.\.64, got 65/);
    const model = makeModel({ layers: 1, width: 2, activation: 'relu', seed: 1 });
    expect(() => makeOptimizer(model, { optimizer: 'adam', lr: 0 })).toThrow(/learning rate must be a positive number, got 0/);
  });
});
