// The nn surface additions on WebGPU give the CPU results (which tests in packages/nn check
// against PyTorch): CTC, multilabel margin, triplet with distance, adaptive log-softmax,
// packed sequences through a GRU, and LBFGS.stepAsync.
import type { DeviceLike } from '@antorcha/core';
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';

type Tensor = torch.Tensor;
const { nn, optim } = torch;
const F = nn.functional;

async function expectNear(gpu: Tensor, cpu: Tensor, label: string, tol = 1e-4): Promise<void> {
  expect(String(gpu.device.type ?? gpu.device), label).toBe('webgpu');
  expect(gpu.shape, label).toEqual(cpu.shape);
  const a = await gpu.data();
  const e = cpu.contiguous().dataSync();
  for (let i = 0; i < e.length; i++) {
    expect(Math.abs(Number(a[i]) - Number(e[i])), `${label}[${i}]: ${a[i]} vs ${e[i]}`).toBeLessThanOrEqual(tol * (1 + Math.abs(Number(e[i]))));
  }
}

/** Runs `fn` on CPU and WebGPU copies of `inputs` (float32 leaves) and compares outputs and input gradients. */
async function same(inputs: Tensor[], fn: (...xs: Tensor[]) => Tensor, label: string): Promise<void> {
  const run = (dev: DeviceLike) => {
    const xs = inputs.map((x) => x.to(dev).detach().requiresGrad_(true));
    const out = fn(...xs);
    out.sum().backward();
    return [out, ...xs.map((x) => x.grad!)];
  };
  const c = run('cpu');
  const g = run('webgpu');
  for (let i = 0; i < c.length; i++) await expectNear(g[i]!, c[i]!, `${label} ${i === 0 ? 'output' : `grad ${i - 1}`}`);
}

describe.skipIf(!hasGpu)('nn surface additions on WebGPU', () => {
  it('ctcLoss (padded and concatenated targets)', async () => {
    torch.manualSeed(0);
    const lp = torch.randn([8, 3, 5]).logSoftmax(2);
    const padded = torch.tensor([[1, 2, 2, 3], [3, 1, 0, 0], [2, 2, 2, 0]], { dtype: torch.int64 });
    const concat = torch.tensor([1, 2, 2, 3, 3, 1, 2, 2, 2], { dtype: torch.int64 });
    for (const reduction of ['mean', 'sum', 'none'] as const) {
      await same([lp], (x) => F.ctcLoss(x, padded.to(x.device), [8, 6, 7], [4, 2, 3], { reduction }), `ctc padded ${reduction}`);
      await same([lp], (x) => F.ctcLoss(x, concat.to(x.device), [8, 6, 7], [4, 2, 3], { reduction, zeroInfinity: true }), `ctc concat ${reduction}`);
    }
  });

  it('multilabelMarginLoss and tripletMarginWithDistanceLoss', async () => {
    torch.manualSeed(1);
    const t = torch.tensor([[3, 0, -1, 1], [0, 1, 2, 3], [1, -1, 0, 2]], { dtype: torch.int64 });
    await same([torch.randn([3, 4])], (x) => F.multilabelMarginLoss(x, t.to(x.device), { reduction: 'none' }), 'multilabel margin');
    await same([torch.randn([5, 4]), torch.randn([5, 4]), torch.randn([5, 4])], (a, p, n) => F.tripletMarginWithDistanceLoss(a, p, n, { swap: true }), 'triplet');
  });

  it('AdaptiveLogSoftmaxWithLoss (masked forward), logProb, predict', async () => {
    torch.manualSeed(2);
    const m = new nn.AdaptiveLogSoftmaxWithLoss(8, 10, [3, 6], { divValue: 2 });
    const x = torch.randn([6, 8]);
    const target = torch.tensor([0, 4, 9, 2, 7, 5], { dtype: torch.int64 });
    const c = m.call(x, target) as torch.nn.ASMoutput;
    const logProb = m.logProb(x);
    m.to('webgpu');
    const g = m.call(x.to('webgpu'), target.to('webgpu')) as torch.nn.ASMoutput;
    await expectNear(g.output, c.output, 'output');
    await expectNear(g.loss, c.loss, 'loss');
    await expectNear(m.logProb(x.to('webgpu')), logProb, 'log_prob');
  });

  it('pack → GRU → pad', async () => {
    torch.manualSeed(3);
    const gru = new nn.GRU(3, 4, { bidirectional: true, numLayers: 2 });
    const x = torch.randn([5, 3, 3]);
    const lengths = [2, 5, 3];
    const run = (dev: DeviceLike) => {
      gru.to(dev);
      const xx = x.to(dev).detach().requiresGrad_(true);
      const packed = nn.utils.rnn.packPaddedSequence(xx, lengths, { enforceSorted: false });
      const [out, hn] = gru.forward(packed);
      const [padded] = nn.utils.rnn.padPackedSequence(out);
      padded.sum().add(hn.sum()).backward();
      return [padded, hn, xx.grad!];
    };
    const c = run('cpu');
    const g = run('webgpu');
    for (let i = 0; i < 3; i++) await expectNear(g[i]!, c[i]!, ['padded', 'hn', 'grad'][i]!);
  });

  it('LBFGS.stepAsync takes the CPU steps', async () => {
    const run = async (dev: DeviceLike) => {
      const p = torch.tensor([-1.5, 2.0], { device: dev }).requiresGrad_(true);
      const opt = new optim.LBFGS([p], { lineSearchFn: 'strong_wolfe', maxIter: 10 });
      const closure = () => {
        opt.zeroGrad();
        const [x, y] = [p.select(0, 0), p.select(0, 1)];
        const loss = x.neg().add(1).pow(2).add(y.sub(x.pow(2)).pow(2).mul(100));
        loss.backward();
        return loss;
      };
      if (dev === 'cpu') opt.step(closure);
      else await opt.stepAsync(closure);
      return p.detach();
    };
    const c = await run('cpu');
    const g = await run('webgpu');
    await expectNear(g, c, 'params', 1e-3);
  });
});
