// Random ops and fills whose arguments are tensors on the GPU run without reading them
// back, and give the CPU backend's results for the same seed.
import * as torch from '@antorcha/core';
import type { Tensor } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { expectMatchesCpu } from './compare.js';
import { hasGpu } from './gpu.js';

const gpu = (t: Tensor): Tensor => t.to('webgpu');

describe.skipIf(!hasGpu)('tensor-argument random ops and fills on webgpu', () => {
  it('bernoulli(p) with p on the GPU draws the CPU stream (contiguous and transposed outputs)', async () => {
    torch.manualSeed(21);
    const p = torch.rand([6, 5]);
    torch.manualSeed(8);
    const cpu = torch.bernoulli(p);
    torch.manualSeed(8);
    const onGpu = torch.bernoulli(gpu(p));
    expect(onGpu.device.type).toBe('webgpu');
    await expectMatchesCpu(onGpu, cpu, { rtol: 0, atol: 0 }, 'bernoulli');

    // a transposed output is filled in storage order, as on the CPU, and consumes as many draws
    torch.manualSeed(9);
    const cpuT = torch.empty([5, 6]).t().bernoulli_(p);
    const nextCpu = torch.rand([4]).tolist();
    torch.manualSeed(9);
    const gpuT = torch.empty([5, 6], { device: 'webgpu' }).t().bernoulli_(gpu(p));
    const nextGpu = torch.rand([4]).tolist();
    await expectMatchesCpu(gpuT, cpuT, { rtol: 0, atol: 0 }, 'bernoulli_ transposed');
    expect(nextGpu).toEqual(nextCpu);
  });

  it('normal(mean, std) with GPU tensors', async () => {
    const mean = torch.randn([4, 3]);
    const std = torch.rand([4, 3]).add(0.1);
    torch.manualSeed(5);
    const cpu = torch.normal(mean, std);
    torch.manualSeed(5);
    const onGpu = torch.normal(gpu(mean), gpu(std));
    // same draws, then the same correctly rounded float32 mul and add (WGSL requires them exact)
    await expectMatchesCpu(onGpu, cpu, { rtol: 0, atol: 0 }, 'normal');
  });

  it('fill_ with a 0-dim tensor on the GPU (cast like the scalar path)', async () => {
    const v = gpu(torch.tensor(2.75));
    const f = torch.zeros([3, 4], { device: 'webgpu' });
    f.narrow(1, 1, 2).fill_(v);
    const want = torch.zeros([3, 4]);
    want.narrow(1, 1, 2).fill_(2.75);
    await expectMatchesCpu(f, want, { rtol: 0, atol: 0 }, 'fill_');
    const i = torch.zeros([5], { dtype: 'int32', device: 'webgpu' }).fill_(v);
    await expectMatchesCpu(i, torch.zeros([5], { dtype: 'int32' }).fill_(2.75), { rtol: 0, atol: 0 }, 'fill_ int32');
  });

  it('equalAsync', async () => {
    const a = torch.randn([3, 4]);
    expect(await torch.equalAsync(gpu(a), gpu(a.clone()))).toBe(true);
    expect(await torch.equalAsync(gpu(a), gpu(a.add(1)))).toBe(false);
    expect(await torch.equalAsync(gpu(a), gpu(a.reshape(4, 3)))).toBe(false);
    expect(() => torch.equal(gpu(a), gpu(a))).toThrow(/asynchronously/);
  });
});
