// Issue #13's "done when": one training script, unchanged, on 'cpu' and on 'webgpu'.
// Each step runs inside `tidy`; losses are read with `itemAsync`; the trained model is
// saved with `saveAsync` from wherever it lives and loaded back. Both devices are
// compared with the same script run by real PyTorch (tools/golden/train_anywhere.py).
import type { DeviceLike } from '@antorcha/core';
import { readFileSync } from 'node:fs';
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';
import { webgpu } from '../src/index.js';

type Tensor = torch.Tensor;
const { nn, optim } = torch;
const { DataLoader, TensorDataset } = torch.utils.data;

interface Encoded {
  dtype: string;
  shape: number[];
  values: number[];
}
interface Run {
  losses: number[];
  state: Record<string, Encoded>;
}
const golden = JSON.parse(readFileSync(new URL('./fixtures/train_anywhere.json', import.meta.url), 'utf8')) as { classifier: Run; embedding: Run };

/** What a run leaves behind: per-step losses, device memory per step, the saved checkpoint and the trained state. */
interface Trained {
  losses: number[];
  memory: number[];
  checkpoint: Uint8Array;
  state: Record<string, Tensor>;
}

/** Bytes held by tensors on `device` (the CPU heap's count, or the WebGPU pool's). */
function memoryAllocated(device: DeviceLike): number {
  return device === 'webgpu' ? webgpu.memoryAllocated() : torch.backends.cpu.heapStats().allocated;
}

/** Runs `step` inside `tidy` and reads its loss without a synchronous read, then frees it. */
async function tidyStep(step: () => Tensor): Promise<number> {
  const loss = torch.tidy(step);
  const value = (await loss.itemAsync()) as number;
  loss.dispose();
  return value;
}

async function finish(model: torch.nn.Module, losses: number[], memory: number[]): Promise<Trained> {
  const checkpoint = await torch.saveAsync(model.stateDict());
  return { losses, memory, checkpoint, state: model.stateDict() as Record<string, Tensor> };
}

/** The classifier: an MLP, CrossEntropyLoss, Adam, a shuffled DataLoader. */
async function trainClassifier(device: DeviceLike): Promise<Trained> {
  torch.manualSeed(0);
  const x = torch.randn([96, 6]);
  const y = torch.bucketize(x.mul(torch.linspace(-1, 1, 6)).sum(1), torch.tensor([-0.5, 0.5]));
  const model = new nn.Sequential(new nn.Linear(6, 32), new nn.Tanh(), new nn.Linear(32, 3)).to(device);
  const opt = new optim.Adam(model.parameters(), { lr: 1e-2 });
  const lossFn = new nn.CrossEntropyLoss();
  const loader = new DataLoader(new TensorDataset(x, y), { batchSize: 32, shuffle: true, generator: new torch.Generator().manualSeed(1) });
  const losses: number[] = [];
  const memory: number[] = [];
  for (let epoch = 0; epoch < 4; epoch++) {
    for (const [xb, yb] of loader) {
      const [xd, yd] = [(xb as Tensor).to(device), (yb as Tensor).to(device)];
      losses.push(
        await tidyStep(() => {
          opt.zeroGrad();
          const loss = lossFn.call(model.call(xd), yd) as Tensor;
          loss.backward();
          opt.step();
          return loss;
        }),
      );
      if (device !== 'cpu') [xd, yd].forEach((t) => t.dispose());
      memory.push(memoryAllocated(device));
    }
  }
  return finish(model, losses, memory);
}

/** Embedding → mean over tokens → Linear → LogSoftmax, trained with NLLLoss and SGD with momentum. */
class Bag extends nn.Module {
  readonly emb = new nn.Embedding(20, 8);
  readonly out = new nn.Linear(8, 4);
  readonly logSoftmax = new nn.LogSoftmax(1);
  override forward(tokens: Tensor): Tensor {
    return this.logSoftmax.call(this.out.call((this.emb.call(tokens) as Tensor).mean(1))) as Tensor;
  }
}

async function trainEmbedding(device: DeviceLike): Promise<Trained> {
  torch.manualSeed(1);
  const tokens = torch.randint(0, 20, [64, 5]);
  const y = tokens.sum(1).remainder(4);
  const model = new Bag().to(device);
  const opt = new optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
  const lossFn = new nn.NLLLoss();
  const [td, yd] = [tokens.to(device), y.to(device)];
  const losses: number[] = [];
  const memory: number[] = [];
  for (let step = 0; step < 30; step++) {
    losses.push(
      await tidyStep(() => {
        opt.zeroGrad();
        const loss = lossFn.call(model.call(td), yd) as Tensor;
        loss.backward();
        opt.step();
        return loss;
      }),
    );
    memory.push(memoryAllocated(device));
  }
  return finish(model, losses, memory);
}

/**
 * Float32 training on another device: every kernel rounds like the CPU's but sums in
 * another order (parallel reductions, tiled matmul), so a loss drifts by a few float32
 * ulps per step and the drift compounds through the optimizer; 1e-4 relative over these
 * 12–30 steps is the bound the CPU parity tests use against PyTorch (training.test.ts).
 * The CPU follows PyTorch's kernels and differs from it by at most a few ulps (1e-6).
 */
const LOSS_RTOL = { webgpu: 1e-4, cpu: 1e-6 } as const;
/** Trained weights after the same steps: the same compounding, on values of order 1. */
const STATE_TOL = { webgpu: 1e-4, cpu: 1e-6 } as const;

function expectLosses(got: number[], want: number[], label: string, rtol: number): void {
  expect(got.length, label).toBe(want.length);
  got.forEach((l, i) => expect(Math.abs(l - want[i]!) / Math.abs(want[i]!), `${label} step ${i}: ${l} vs ${want[i]}`).toBeLessThanOrEqual(rtol));
}

async function expectState(state: Record<string, Tensor>, want: Record<string, Encoded>, label: string, tol: number): Promise<void> {
  expect(Object.keys(state).sort(), label).toEqual(Object.keys(want).sort());
  for (const [k, e] of Object.entries(want)) {
    const t = state[k]!;
    expect(t.shape, `${label} ${k}`).toEqual(e.shape);
    const v = await t.data();
    e.values.forEach((w, i) => expect(Math.abs(Number(v[i]) - w), `${label} ${k}[${i}]`).toBeLessThanOrEqual(tol * (1 + Math.abs(w))));
  }
}

/** Loads a checkpoint onto `device` into a fresh model and checks it equals the trained state bit for bit. */
async function expectReloads(make: () => torch.nn.Module, trained: Trained, device: DeviceLike): Promise<void> {
  const fresh = make().to(device);
  fresh.loadStateDict(torch.load(trained.checkpoint) as Record<string, Tensor>);
  const got = fresh.stateDict() as Record<string, Tensor>;
  for (const [k, t] of Object.entries(trained.state)) {
    expect(got[k]!.device.type, k).toBe(device);
    expect(Array.from(await got[k]!.data()), `${k} after save/load on ${device}`).toEqual(Array.from(await t.data()));
  }
}

/**
 * No step keeps anything alive: memory never rises above what the first step left, and
 * the last ten steps leave exactly the same. (It may fall: the garbage collector can
 * free tensors an earlier test dropped without dispose, through the backend's finalizer.)
 */
function expectFlat(memory: number[], label: string): void {
  const seen = `${label}: bytes after each step ${memory.join(', ')}`;
  expect(Math.max(...memory), seen).toBe(memory[0]);
  expect(new Set(memory.slice(-10)).size, seen).toBe(1);
}

const devices: ('cpu' | 'webgpu')[] = hasGpu ? ['cpu', 'webgpu'] : ['cpu'];

describe.each(devices)('the same training script on %s', (device) => {
  it('classifier: CrossEntropyLoss + Adam + DataLoader, inside tidy', async () => {
    const run = await trainClassifier(device);
    expectLosses(run.losses, golden.classifier.losses, `${device} vs PyTorch`, LOSS_RTOL[device as 'cpu']);
    await expectState(run.state, golden.classifier.state, device, STATE_TOL[device as 'cpu']);
    expectFlat(run.memory, device);
    await expectReloads(() => new nn.Sequential(new nn.Linear(6, 32), new nn.Tanh(), new nn.Linear(32, 3)), run, device);
    await expectReloads(() => new nn.Sequential(new nn.Linear(6, 32), new nn.Tanh(), new nn.Linear(32, 3)), run, 'cpu');
  });

  it('Embedding + NLLLoss + SGD with momentum, inside tidy', async () => {
    const run = await trainEmbedding(device);
    expectLosses(run.losses, golden.embedding.losses, `${device} vs PyTorch`, LOSS_RTOL[device as 'cpu']);
    await expectState(run.state, golden.embedding.state, device, STATE_TOL[device as 'cpu']);
    expectFlat(run.memory, device);
    await expectReloads(() => new Bag(), run, device);
    await expectReloads(() => new Bag(), run, 'cpu');
  });
});

describe.skipIf(!hasGpu)('cpu and webgpu agree step by step', () => {
  it('per-step losses of both scripts agree within float32 tolerance', async () => {
    for (const train of [trainClassifier, trainEmbedding]) {
      const [c, g] = [await train('cpu'), await train('webgpu')];
      expectLosses(g.losses, c.losses, `${train.name} webgpu vs cpu`, LOSS_RTOL.webgpu);
      // the checkpoints hold the same keys and shapes; values differ only by float32 drift
      const fromGpu = torch.load(g.checkpoint) as Record<string, Tensor>;
      for (const [k, t] of Object.entries(torch.load(c.checkpoint) as Record<string, Tensor>)) expect(fromGpu[k]!.shape, k).toEqual(t.shape);
    }
  });
});
