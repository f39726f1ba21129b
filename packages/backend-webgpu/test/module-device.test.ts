// Modules between the CPU and WebGPU: `module.to('webgpu')` writes without reading,
// `await module.toAsync(device)` brings parameters (with their gradients) and buffers back,
// keeping each Parameter object (PyTorch's `module.to` replaces `param.data`), and the
// synchronous `module.to('cpu')` from WebGPU names the asynchronous call.
import type { DeviceLike } from '@antorcha/core';
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';

type Tensor = torch.Tensor;
const { nn } = torch;

/** A model with parameters, an integer buffer and float buffers (BatchNorm's running stats). */
function model(): torch.nn.Sequential {
  torch.manualSeed(3);
  return new nn.Sequential(new nn.Linear(4, 6), new nn.BatchNorm1d(6), new nn.ReLU(), new nn.Linear(6, 2));
}

/** Each tensor's device and values, by state-dict name (read asynchronously). */
async function snapshot(m: torch.nn.Module): Promise<Map<string, { device: string; dtype: string; values: number[] }>> {
  const out = new Map<string, { device: string; dtype: string; values: number[] }>();
  for (const [k, t] of Object.entries(m.stateDict())) out.set(k, { device: t.device.type, dtype: t.dtype.name, values: [...(await t.data())].map(Number) });
  return out;
}

describe.skipIf(!hasGpu)('Module between CPU and WebGPU', () => {
  it("to('webgpu') moves parameters and buffers (a write), keeping the Parameter objects", async () => {
    const m = model();
    const before = await snapshot(m);
    const params = m.parameters();
    expect(m.to('webgpu')).toBe(m);
    expect(m.parameters()).toHaveLength(params.length);
    m.parameters().forEach((p, i) => expect(p).toBe(params[i]));
    const after = await snapshot(m);
    for (const [k, v] of before) {
      expect(after.get(k)!.device, k).toBe('webgpu');
      expect(after.get(k)!.dtype, k).toBe(v.dtype);
      expect(after.get(k)!.values, k).toEqual(v.values);
    }
  });

  it("to('webgpu') inside tidy: the moved parameters and buffers are the module's and survive the scope", async () => {
    const m = model();
    const before = await snapshot(m);
    torch.tidy(() => void m.to('webgpu'));
    for (const [k, t] of Object.entries(m.stateDict())) {
      expect(t.isDisposed, k).toBe(false);
      expect([...(await t.data())].map(Number), k).toEqual(before.get(k)!.values);
    }
  });

  it("to('cpu') from WebGPU throws naming module.toAsync, and changes nothing", () => {
    const m = model().to('webgpu');
    const w = m.parameters()[0]!;
    const storage = w._storage;
    expect(() => m.to('cpu')).toThrow(torch.TorchRuntimeError);
    expect(() => m.to('cpu')).toThrow("Module.to('cpu'): the module has tensors on 'webgpu:0', which can only be read asynchronously; use await module.toAsync('cpu')");
    expect(() => m.cpu()).toThrow(/await module\.toAsync\('cpu'\)/);
    expect(w._storage).toBe(storage);
    expect(w.device.type).toBe('webgpu');
  });

  it('await toAsync(cpu) moves parameters, their gradients and buffers back, keeping the Parameter objects', async () => {
    const m = model().to('webgpu');
    const x = torch.randn([5, 4]).to('webgpu');
    m.call(x).sum().backward(); // gradients, and BatchNorm's running stats updated on the device
    const before = await snapshot(m);
    const grads = await Promise.all(m.parameters().map(async (p) => [...(await p.grad!.data())]));
    const params = m.parameters();
    expect(await m.toAsync('cpu')).toBe(m);
    m.parameters().forEach((p, i) => {
      expect(p, `parameter ${i}`).toBe(params[i]);
      expect(p).toBeInstanceOf(nn.Parameter);
      expect(p.requiresGrad).toBe(true);
      expect(p.device.type).toBe('cpu');
      expect(p.grad!.device.type).toBe('cpu');
      expect([...p.grad!.dataSync()], `grad ${i}`).toEqual(grads[i]);
    });
    const after = await snapshot(m);
    for (const [k, v] of before) {
      expect(after.get(k), k).toEqual({ ...v, device: 'cpu' });
    }
    const bn = m.at(1) as torch.nn.BatchNorm1d;
    expect(bn.runningMean!.device.type).toBe('cpu');
    expect(bn.numBatchesTracked!.dtype.name).toBe('int64');
    expect(bn.numBatchesTracked!.item()).toBe(1);
  });

  it('toAsync(device, dtype) casts floating-point tensors only; toAsync to the same device is a no-op', async () => {
    const m = model().to('webgpu');
    const w = m.parameters()[0]!;
    const storage = w._storage;
    await m.toAsync('webgpu');
    expect(w._storage).toBe(storage);
    await m.toAsync('cpu', 'float64');
    expect(w.dtype.name).toBe('float64');
    const bn = m.at(1) as torch.nn.BatchNorm1d;
    expect(bn.runningVar!.dtype.name).toBe('float64');
    expect(bn.numBatchesTracked!.dtype.name).toBe('int64');
  });

  it('a model trained on WebGPU and brought back with toAsync equals the same training on the CPU', async () => {
    const train = async (device: DeviceLike): Promise<torch.nn.Module> => {
      const m = model().to(device);
      const opt = new torch.optim.SGD(m.parameters(), { lr: 0.1, momentum: 0.9 });
      torch.manualSeed(4);
      const x = torch.randn([8, 4]).to(device);
      const y = torch.randn([8, 2]).to(device);
      for (let i = 0; i < 3; i++) {
        torch.tidy(() => {
          opt.zeroGrad();
          nn.functional.mseLoss(m.call(x), y).backward();
          opt.step();
        });
      }
      return m.toAsync('cpu');
    };
    const cpu = (await train('cpu')).stateDict();
    const gpu = (await train('webgpu')).stateDict();
    for (const [k, t] of Object.entries(cpu) as [string, Tensor][]) {
      const g = gpu[k]!;
      expect(g.device.type, k).toBe('cpu');
      const a = g.dataSync();
      const e = t.dataSync();
      // three SGD steps through BatchNorm: float32 rounding of the device's reductions
      for (let i = 0; i < e.length; i++) expect(Math.abs(Number(a[i]) - Number(e[i])), `${k}[${i}]`).toBeLessThanOrEqual(1e-5 + 1e-4 * Math.abs(Number(e[i])));
    }
  });
});
