// Devices and errors on WebGPU: device strings, dtype support, mixing devices,
// synchronous readers, async alternatives, asynchronous index errors, and a clear
// error (not a hang) when there is no adapter.
import * as torch from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { WebGPUUnavailableError, createWebGPUBackend, webgpu } from '../src/index.js';
import { hasGpu } from './gpu.js';

describe.skipIf(!hasGpu)('webgpu device', () => {
  it("is torch.device('webgpu') / 'webgpu:0' and prints like PyTorch's GPU tensors", async () => {
    expect(await webgpu.isAvailable()).toBe(true);
    expect(webgpu.isInitialized()).toBe(true);
    const a = torch.tensor([1.5, 2], { device: 'webgpu' });
    const b = torch.ones(2, { device: torch.device('webgpu:0') });
    expect(String(a.device)).toBe('webgpu:0');
    expect(a.device.equals(b.device)).toBe(true);
    expect(await a.add(b).toStringAsync()).toBe("tensor([2.5000, 3.0000], device='webgpu:0')");
    const c = await a.toAsync('cpu');
    expect(c.tolist()).toEqual([1.5, 2]);
    expect(await torch.tensor([[1, 2]]).to('webgpu').data()).toEqual(new Float64Array([1, 2]));
  });

  it('float64 raises a clear error; int64 values must fit in 32 bits', () => {
    expect(() => torch.zeros(2, { dtype: 'float64', device: 'webgpu' })).toThrow(
      "zeros: dtype torch.float64 is not supported on device 'webgpu:0' (supported: float32, int32, int64, uint8, bool, float16, bfloat16, complex64)",
    );
    expect(() => torch.tensor([2 ** 40]).to('webgpu')).toThrow(/does not fit in 32 bits/);
  });

  it('a device index beyond the available devices is refused', () => {
    expect(() => torch.zeros(2, { device: 'webgpu:1' })).toThrow("zeros: invalid device 'webgpu:1': 1 webgpu device(s) available");
  });

  it('mixing devices raises PyTorch’s error', () => {
    const g = torch.ones(2, { device: 'webgpu' });
    expect(() => g.add(torch.ones(2))).toThrow('Expected all tensors to be on the same device, but found at least two devices, webgpu:0 and cpu!');
  });

  it('synchronous readers name the asynchronous alternative', async () => {
    const g = torch.ones([2, 2], { device: 'webgpu' });
    expect(() => g.sum().item()).toThrow(/can only be read asynchronously; use await t.itemAsync\(\)/);
    expect(() => g.tolist()).toThrow(/asynchronously/);
    expect(() => g.toString()).toThrow(/toStringAsync/);
    expect(() => g.to('cpu')).toThrow(/use await t.toAsync\('cpu'\)/);
    expect(() => torch.nonzero(g)).toThrow(/use await torch.nonzeroAsync\(x\)/);
    expect(() => torch.maskedSelect(g, g.gt(0))).toThrow(/use await torch.maskedSelectAsync\(x, mask\)/);
    expect((await torch.nonzeroAsync(g.sub(torch.eye(2, { device: 'webgpu' })))).shape).toEqual(torch.Size.of_([2, 2]));
  });

  it('an index out of range is reported by the next read, with PyTorch’s message', async () => {
    const x = torch.arange(6, { device: 'webgpu' }).float().view(2, 3);
    const bad = torch.gather(x, 1, torch.tensor([[0, 5], [1, 2]], { device: 'webgpu' }));
    await expect(bad.data()).rejects.toThrow('index 5 is out of bounds for dimension 1 with size 3');
    await expect(torch.indexSelect(x, 0, torch.tensor([2], { device: 'webgpu' })).data()).rejects.toThrow('index out of range in self');
    expect(await x.sum().toAsync('cpu').then((t) => t.item())).toBe(15); // reported once
  });
});

describe('no adapter', () => {
  const withNavigator = async (gpu: unknown, f: () => Promise<void>): Promise<void> => {
    const g = globalThis as { navigator?: unknown };
    const saved = Object.getOwnPropertyDescriptor(g, 'navigator');
    Object.defineProperty(g, 'navigator', { value: { gpu }, configurable: true, writable: true });
    try {
      await f();
    } finally {
      if (saved) Object.defineProperty(g, 'navigator', saved);
      else delete g.navigator;
    }
  };

  it('raises WebGPUUnavailableError when requestAdapter() finds none', async () => {
    await withNavigator({ requestAdapter: async () => null }, async () => {
      await expect(createWebGPUBackend()).rejects.toThrow(WebGPUUnavailableError);
      await expect(createWebGPUBackend()).rejects.toThrow(/No WebGPU adapter was found/);
    });
  });

  it('gives up instead of hanging when requestAdapter() never answers', async () => {
    await withNavigator({ requestAdapter: () => new Promise(() => {}) }, async () => {
      await expect(createWebGPUBackend({ timeoutMs: 50 })).rejects.toThrow(/did not answer within 50 ms/);
    });
  });
});
