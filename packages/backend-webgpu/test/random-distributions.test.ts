// cauchy_, log_normal_, geometric_, poisson and binomial on WebGPU tensors: drawn on the
// host with PyTorch's CPU streams and written to the device, so after the same seed they
// equal the CPU results (and PyTorch 1.13's, which packages/antorcha/test checks on CPU),
// including where the generator is left for the next draw.
import type { DeviceLike } from '@antorcha/core';
import * as torch from '@antorcha/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';

const values = async (t: torch.Tensor): Promise<number[]> => Array.from(await t.data());

describe.skipIf(!hasGpu)('random distributions on WebGPU', () => {
  beforeAll(() => torch.setRngCompat('1.13'));
  afterAll(() => torch.setRngCompat('2'));

  it('in-place fills (contiguous and transposed) equal the CPU fills, and the next rand too', async () => {
    const fills: [string, (t: torch.Tensor) => torch.Tensor][] = [
      ['cauchy_', (t) => torch.cauchy_(t, 0.5, 2)],
      ['log_normal_', (t) => torch.logNormal_(t, 0, 0.5)],
      ['geometric_', (t) => torch.geometric_(t, 0.3)],
    ];
    for (const [name, fill] of fills) {
      for (const transposed of [false, true]) {
        const make = (device: DeviceLike) => (transposed ? torch.empty([5, 4], { device }).t() : torch.empty([4, 5], { device }));
        torch.manualSeed(42);
        const cpu = fill(make('cpu'));
        const cpuNext = torch.rand(3);
        torch.manualSeed(42);
        const gpu = fill(make('webgpu'));
        expect(String(gpu.device.type), name).toBe('webgpu');
        const gpuNext = torch.rand([3], { device: 'webgpu' });
        expect(await values(gpu.contiguous()), `${name} transposed=${transposed}`).toEqual(Array.from(cpu.contiguous().dataSync()));
        expect(await values(gpuNext), `${name} next`).toEqual(Array.from(cpuNext.dataSync()));
      }
    }
  });

  it('poisson and binomial need their Async forms on WebGPU, which equal the CPU results', async () => {
    const rates = [[0.5, 12, 3], [150, 0, 9.5], [1e4, 2, 33]];
    const r = torch.tensor(rates, { dtype: 'float32', device: 'webgpu' });
    expect(() => torch.poisson(r)).toThrow(/use await torch\.poissonAsync\(rates\)/);
    torch.manualSeed(7);
    const cpu = torch.poisson(torch.tensor(rates, { dtype: 'float32' }));
    torch.manualSeed(7);
    const gpu = await torch.poissonAsync(r);
    expect(String(gpu.device.type)).toBe('webgpu');
    expect(await values(gpu)).toEqual(Array.from(cpu.dataSync()));

    const count = torch.tensor([[5], [40], [1000]], { dtype: 'float32' });
    const prob = torch.tensor([[0.1, 0.5, 0.7, 0.99]], { dtype: 'float32' });
    expect(() => torch.binomial(count.to('webgpu'), prob.to('webgpu'))).toThrow(/binomialAsync/);
    torch.manualSeed(3);
    const bc = torch.binomial(count, prob);
    torch.manualSeed(3);
    const bg = await torch.binomialAsync(count.to('webgpu'), prob.to('webgpu'));
    expect(bg.shape).toEqual([3, 4]);
    expect(await values(bg)).toEqual(Array.from(bc.dataSync()));
  });

  it('argument errors are raised on WebGPU too', async () => {
    const t = torch.empty([3], { device: 'webgpu' });
    expect(() => torch.geometric_(t, 1.5)).toThrow('geometric_ expects p to be in (0, 1), but got p=1.5');
    expect(() => torch.logNormal_(t, 1, 0)).toThrow('log_normal_ expects std > 0.0, but found std=0');
    await expect(torch.poissonAsync(torch.tensor([1, -1], { dtype: 'float32', device: 'webgpu' }))).rejects.toThrow(
      'invalid Poisson rate, expected rate to be non-negative',
    );
  });
});
