// Training with one `tidy` per step on WebGPU: what the model and the optimizer create inside
// the scope (gradients, Adam's moments, momentum buffers) is theirs and survives it, what they
// drop is freed with it, so the bytes held by tensors stay the same step after step.
import type { DeviceLike } from '@antorcha/core';
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { webgpu } from '../src/index.js';
import { expectMatchesCpu } from './compare.js';
import { hasGpu } from './gpu.js';

type Tensor = torch.Tensor;
const { nn, optim } = torch;
const F = nn.functional;

const STEPS = 1000;

/** A small classifier and a fixed batch on `device` (the same values on every device). */
function setup(device: DeviceLike): { model: torch.nn.Sequential; x: Tensor; y: Tensor } {
  torch.manualSeed(13);
  const model = new nn.Sequential(new nn.Linear(8, 16), new nn.ReLU(), new nn.Linear(16, 4)).to(device);
  const x = torch.randn([32, 8]).to(device);
  const y = torch.randint(0, 4, [32]).to(device);
  return { model, x, y };
}

/** Frees what a test made (the parameters, their gradients, the optimizer's state), so the next test's count starts clean. */
function free(model: torch.nn.Module, opt: torch.optim.Optimizer, ...more: Tensor[]): void {
  for (const p of model.parameters()) {
    p.grad?.dispose();
    p.dispose();
  }
  for (const st of opt.state.values()) for (const v of Object.values(st)) if (v instanceof torch.Tensor) v.dispose();
  for (const t of more) t.dispose();
}

/**
 * Runs `steps` training steps, each inside its own `tidy`, and returns the memory held
 * after each step and the first and last losses (read asynchronously, outside the scope).
 */
async function train(opt: torch.optim.Optimizer, model: torch.nn.Sequential, x: Tensor, y: Tensor, steps: number): Promise<{ memory: number[]; first: number; last: number }> {
  const lossFn = new nn.CrossEntropyLoss();
  const memory: number[] = [];
  let first = NaN;
  let last = NaN;
  for (let i = 0; i < steps; i++) {
    const loss = torch.tidy(() => {
      opt.zeroGrad();
      const l = lossFn.call(model.call(x), y);
      l.backward();
      opt.step();
      return l.detach();
    });
    if (i === 0) first = (await loss.itemAsync()) as number;
    if (i === steps - 1) last = (await loss.itemAsync()) as number;
    loss.dispose();
    memory.push(webgpu.memoryAllocated());
  }
  return { memory, first, last };
}

describe.skipIf(!hasGpu)('tidy training on WebGPU', () => {
  it(`MLP + CrossEntropyLoss + Adam: memoryAllocated() is flat for ${STEPS} steps`, async () => {
    const { model, x, y } = setup('webgpu');
    const opt = new optim.Adam(model.parameters(), { lr: 1e-2 });
    const base = webgpu.memoryAllocated();
    const { memory, first, last } = await train(opt, model, x, y, STEPS);
    // after the first step the parameters have their gradients and Adam its two moments
    // (per parameter 3 tensors of its size); nothing else outlives a step
    expect(memory[0]).toBeGreaterThan(base);
    expect(new Set(memory).size, `memory per step: ${[...new Set(memory)].join(', ')}`).toBe(1);
    for (const p of model.parameters()) {
      const st = opt.state.get(p)!;
      expect((st.step as Tensor).device.type).toBe('cpu');
      expect((st.step as Tensor).item()).toBe(STEPS);
      expect((st.exp_avg as Tensor).isDisposed).toBe(false);
    }
    expect(last).toBeLessThan(first);
    free(model, opt, x, y);
  }, 180_000);

  it(`MLP + CrossEntropyLoss + SGD with momentum: memoryAllocated() is flat for ${STEPS} steps`, async () => {
    const { model, x, y } = setup('webgpu');
    const opt = new optim.SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
    const { memory, first, last } = await train(opt, model, x, y, STEPS);
    expect(new Set(memory).size, `memory per step: ${[...new Set(memory)].join(', ')}`).toBe(1);
    expect(last).toBeLessThan(first);
    free(model, opt, x, y);
  }, 180_000);

  it('the same steps inside tidy give the CPU run', async () => {
    const run = async (device: DeviceLike): Promise<Tensor[]> => {
      const { model, x, y } = setup(device);
      const opt = new optim.Adam(model.parameters(), { lr: 1e-2 });
      await train(opt, model, x, y, 5);
      return model.parameters();
    };
    const cpu = await run('cpu');
    const gpu = await run('webgpu');
    // five Adam steps: WGSL's division and sqrt are within a few ulp, and the matmul sums in another order
    for (const [i, p] of gpu.entries()) await expectMatchesCpu(p, cpu[i]!, { rtol: 1e-4, atol: 1e-5 }, `parameter ${i}`);
  });

  it('gradients accumulate across several tidy(() => loss.backward()) calls', async () => {
    const grads = async (device: DeviceLike, chunks: number): Promise<Tensor[]> => {
      const { model, x, y } = setup(device);
      const lossFn = new nn.CrossEntropyLoss({ reduction: 'sum' });
      const n = x.shape[0]! / chunks;
      for (let c = 0; c < chunks; c++) torch.tidy(() => lossFn.call(model.call(x.narrow(0, c * n, n)), y.narrow(0, c * n, n)).backward());
      return model.parameters().map((p) => p.grad!);
    };
    const accumulated = await grads('webgpu', 4);
    for (const g of accumulated) expect(g.isDisposed).toBe(false);
    const cpu = await grads('cpu', 4);
    const whole = await grads('webgpu', 1);
    for (const [i, g] of accumulated.entries()) {
      await expectMatchesCpu(g, cpu[i]!, { rtol: 1e-5, atol: 1e-5 }, `grad ${i} vs CPU`);
      await expectMatchesCpu(g, (await whole[i]!.toAsync('cpu')), { rtol: 1e-5, atol: 1e-5 }, `grad ${i} vs one backward`);
    }
  });

  it("Adam's state made inside tidy survives it: the second step runs", async () => {
    const { model, x, y } = setup('webgpu');
    const opt = new optim.Adam(model.parameters(), { lr: 1e-2, amsgrad: true });
    const step = (): void =>
      torch.tidy(() => {
        opt.zeroGrad();
        F.crossEntropy(model.call(x), y).backward();
        opt.step();
      });
    step();
    expect(step).not.toThrow();
    const st = opt.state.get(model.parameters()[0]!)!;
    for (const k of ['exp_avg', 'exp_avg_sq', 'max_exp_avg_sq']) expect((st[k] as Tensor).isDisposed, k).toBe(false);
    expect((st.step as Tensor).item()).toBe(2);
  });
});

