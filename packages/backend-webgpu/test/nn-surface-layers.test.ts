// The nn layer surface added for issue #11 on WebGPU gives the CPU results (which
// packages/nn/test/surface-layers.test.ts checks against PyTorch): outputs and input
// gradients of composite layers and functions, and random layers drawing the same stream.
import type { DeviceLike } from '@antorcha/core';
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';

type Tensor = torch.Tensor;
const { nn } = torch;
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
async function same(inputs: Tensor[], fn: (...xs: Tensor[]) => Tensor, label: string, grads = true): Promise<void> {
  const run = (dev: DeviceLike): Tensor[] => {
    const xs = inputs.map((x) => x.to(dev).detach().requiresGrad_(grads));
    const out = fn(...xs);
    if (!grads) return [out];
    out.mul(out).sum().backward();
    return [out, ...xs.map((x) => x.grad!)];
  };
  const c = run('cpu');
  const g = run('webgpu');
  for (let i = 0; i < c.length; i++) await expectNear(g[i]!, c[i]!, `${label} ${i === 0 ? 'output' : `grad ${i - 1}`}`);
}

const r = (...s: number[]): Tensor => torch.randn(s);

describe.skipIf(!hasGpu)('nn surface layers on WebGPU', () => {
  it('pad: reflect, replicate, circular; padding layers', async () => {
    torch.manualSeed(0);
    await same([r(2, 3, 5)], (x) => F.pad(x, [2, 1], 'reflect'), 'reflect 1d');
    await same([r(1, 2, 4, 5)], (x) => F.pad(x, [1, 2, 3, 0], 'replicate'), 'replicate 2d');
    await same([r(1, 2, 3, 4)], (x) => F.pad(x, [1, 0, 2, 2], 'circular'), 'circular 2d');
    await same([r(1, 2, 3, 3, 4)], (x) => new nn.ReflectionPad3d(1).call(x) as Tensor, 'ReflectionPad3d');
    await same([r(2, 3, 3)], (x) => new nn.ZeroPad2d([1, 1, 2, 0]).call(x) as Tensor, 'ZeroPad2d');
  });

  it('hardshrink, softshrink, softmax2d, channel shuffle', async () => {
    torch.manualSeed(1);
    await same([r(4, 5).mul(2)], (x) => F.hardshrink(x, 0.7), 'hardshrink');
    await same([r(4, 5).mul(2)], (x) => F.softshrink(x, 0.3), 'softshrink');
    await same([r(2, 3, 4, 5)], (x) => new nn.Softmax2d().call(x) as Tensor, 'softmax2d');
    await same([r(2, 6, 3)], (x) => F.channelShuffle(x, 3), 'channel shuffle');
    await same([r(3, 5)], (x) => F.rrelu(x, 0.1, 0.3), 'rrelu (eval)');
    // training on the device draws a slope per element there (as CUDA does); nn-no-sync.test.ts checks it
  });

  it('unfold, fold, convTranspose3d', async () => {
    torch.manualSeed(2);
    await same([r(2, 3, 4, 5)], (x) => F.unfold(x, 2, { padding: 1, stride: [1, 2] }), 'unfold');
    await same([r(1, 12, 6)], (x) => F.fold(x, [5, 6], [2, 3], { dilation: [1, 2], padding: 1, stride: 2 }), 'fold');
    await same([r(1, 2, 2, 3, 2), r(2, 3, 2, 2, 2), r(3)], (x, w, b) => F.convTranspose3d(x, w, b, { stride: 2 }), 'conv_transpose3d');
  });

  it('LP pooling, local response norm, CrossMapLRN2d, pdist', async () => {
    torch.manualSeed(3);
    await same([r(2, 2, 4, 6)], (x) => F.lpPool2d(x, 2, 2), 'lp_pool2d');
    await same([r(2, 3, 9)], (x) => F.lpPool1d(x, 2, 3, 2), 'lp_pool1d');
    await same([r(2, 6, 3, 3)], (x) => F.localResponseNorm(x, 3, 0.05, 0.6, 1.5), 'local_response_norm');
    await same([r(2, 6, 3, 3)], (x) => new nn.CrossMapLRN2d(3, 0.01).call(x) as Tensor, 'CrossMapLRN2d');
    await same([r(5, 3)], (x) => F.pdist(x), 'pdist');
  });

  it('adaptive max pool 1d, max unpooling, fractional max pooling with given samples', async () => {
    torch.manualSeed(4);
    await same([r(2, 3, 7)], (x) => F.adaptiveMaxPool1d(x, 5), 'adaptive_max_pool1d');
    await same([r(2, 2, 4, 6)], (x) => F.maxUnpool2d(...F.maxPool2dWithIndices(x, 2), 2), 'max_unpool2d');
    await same([r(1, 2, 4, 4, 2)], (x) => F.maxUnpool3d(...F.maxPool3dWithIndices(x, 2), 2), 'max_unpool3d');
    const u = torch.rand([2, 3, 2]);
    await same([r(2, 3, 7, 6)], (x) => F.fractionalMaxPool2d(x, 2, { outputSize: 3, randomSamples: u }), 'fractional_max_pool2d');
  });

  it('affineGrid and gridSample', async () => {
    torch.manualSeed(5);
    for (const paddingMode of ['zeros', 'border', 'reflection'] as const) {
      await same([r(2, 3, 4, 5), r(2, 3, 6, 2).mul(1.3)], (x, g) => F.gridSample(x, g, { paddingMode, alignCorners: false }), `grid_sample ${paddingMode}`);
    }
    await same([r(1, 2, 4, 5), r(1, 3, 3, 2).mul(1.3)], (x, g) => F.gridSample(x, g, { mode: 'nearest', alignCorners: true }), 'grid_sample nearest', false);
    await same([r(1, 2, 4, 5), r(1, 3, 4, 2).mul(1.3)], (x, g) => F.gridSample(x, g, { mode: 'bicubic', paddingMode: 'reflection', alignCorners: false }), 'grid_sample bicubic');
    await same([r(1, 2, 3, 4, 3), r(1, 2, 2, 3, 3).mul(1.3)], (x, g) => F.gridSample(x, g, { paddingMode: 'border', alignCorners: true }), 'grid_sample 3d');
    await same([r(2, 2, 3)], (t) => F.affineGrid(t, [2, 3, 4, 5], false), 'affine_grid');
  });

  it('random layers draw the same stream as on the CPU', async () => {
    const draw = async (fn: (x: Tensor) => Tensor, shape: number[], label: string, tol = 0): Promise<void> => {
      torch.manualSeed(9);
      const x = r(...shape);
      torch.manualSeed(10);
      const c = fn(x);
      torch.manualSeed(10);
      const g = fn(x.to('webgpu'));
      await expectNear(g, c, label, tol);
    };
    await draw((x) => F.dropout1d(x, 0.5), [3, 4, 6], 'dropout1d');
    await draw((x) => F.dropout3d(x, 0.4), [2, 3, 2, 2, 2], 'dropout3d');
    await draw((x) => F.alphaDropout(x, 0.25, true), [5, 13], 'alpha_dropout');
    await draw((x) => F.featureAlphaDropout(x, 0.5, true), [4, 3, 5], 'feature_alpha_dropout');
    await draw((x) => F.fractionalMaxPool2d(x, 2, { outputSize: [3, 4] }), [2, 3, 6, 7], 'fractional_max_pool2d');
    // the same noise; the GPU's float32 log/exp/softmax round differently in the last bits
    await draw((x) => F.gumbelSoftmax(x, { tau: 0.7 }), [4, 6], 'gumbel_softmax', 1e-6);
  });
});
