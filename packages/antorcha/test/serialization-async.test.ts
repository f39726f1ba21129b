// Saving tensors that live on a device that reads back only asynchronously
// (`torch.saveAsync`, `safetensors.serializeAsync`) and loading onto a device
// (`load(…, { mapLocation })`, `deserialize(…, { device })`), on the asynchronous CPU
// test device (test/async-device.ts). WebGPU runs the same in
// packages/backend-webgpu/test/serialization-webgpu.test.ts.
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';
import { ASYNC_DEVICE } from './async-device.js';

const dev = `${ASYNC_DEVICE}:0`;

function model(): torch.nn.Sequential {
  torch.manualSeed(3);
  return new torch.nn.Sequential(new torch.nn.Linear(4, 3), new torch.nn.BatchNorm1d(3), new torch.nn.ReLU(), new torch.nn.Linear(3, 2));
}

/** Every entry of a state dict as [name, dtype, device, values] (values read asynchronously). */
async function entries(sd: Record<string, torch.Tensor>): Promise<[string, string, string, torch.NestedList][]> {
  return Promise.all(Object.entries(sd).map(async ([k, t]) => [k, t.dtype.name, String(t.device), await t.tolistAsync()] as [string, string, string, torch.NestedList]));
}

describe('saveAsync / load with mapLocation', () => {
  it('save of device tensors names saveAsync; saveAsync writes the bytes save writes for the CPU copy', async () => {
    const m = model();
    m.train();
    m.forward(torch.randn(5, 4)); // running statistics and num_batches_tracked (int64) set
    const cpuBytes = torch.save(m.stateDict());
    await m.toAsync(dev);
    expect(String(m.stateDict()['0.weight']!.device)).toBe(dev);
    expect(() => torch.save(m.stateDict())).toThrow(`save: tensor on '${dev}' can only be read asynchronously; use await torch.saveAsync(obj)`);
    expect(() => torch.save(m.stateDict())).toThrow(torch.TorchRuntimeError);
    const bytes = await torch.saveAsync(m.stateDict());
    expect(bytes).toEqual(cpuBytes);
  });

  it('saves the values at the call, though the tensors change before it resolves', async () => {
    const w = torch.arange(4, { dtype: 'float32' });
    const obj = { w: w.to(dev), c: w.clone() };
    const want = torch.save({ w, c: w.clone() });
    const pending = torch.saveAsync(obj);
    obj.w.add_(1);
    obj.c.add_(1);
    expect(await pending).toEqual(want);
  });

  it('loads back on the CPU and on the device with the same values; views keep sharing a storage', async () => {
    const base = torch.arange(12, { dtype: 'float32' }).to(dev);
    const obj = { base, view: base.view(3, 4).t(), ints: torch.tensor([1, -2, 3], { dtype: 'int64' }).to(dev), flags: torch.tensor([true, false]).to(dev), n: 7 };
    const bytes = await torch.saveAsync(obj);
    const cpuCopy = torch.arange(12, { dtype: 'float32' });
    expect(bytes).toEqual(torch.save({ base: cpuCopy, view: cpuCopy.view(3, 4).t(), ints: torch.tensor([1, -2, 3]), flags: torch.tensor([true, false]), n: 7 }));
    for (const where of ['cpu', dev] as const) {
      const back = torch.load<Record<string, torch.Tensor>>(bytes, { mapLocation: where });
      expect(String(back.view.device)).toBe(where === 'cpu' ? 'cpu' : dev);
      expect(await back.view.tolistAsync()).toEqual(await obj.view.tolistAsync());
      expect(await back.ints.tolistAsync()).toEqual([1, -2, 3]);
      expect(await back.flags.tolistAsync()).toEqual([true, false]);
      expect(back.n).toBe(7);
      back.base.add_(1); // one storage, as saved
      expect(await back.view.tolistAsync()).toEqual(await obj.view.add(1).tolistAsync());
    }
  });

  it('a model saved from the device loads into a model on the device', async () => {
    const m = model();
    await m.toAsync(dev);
    const bytes = await torch.saveAsync(m.stateDict());
    const m2 = new torch.nn.Sequential(new torch.nn.Linear(4, 3), new torch.nn.BatchNorm1d(3), new torch.nn.ReLU(), new torch.nn.Linear(3, 2));
    await m2.toAsync(dev);
    m2.loadStateDict(torch.load(bytes, { mapLocation: dev }));
    expect(await entries(m2.stateDict())).toEqual(await entries(m.stateDict()));
  });
});

describe('safetensors on devices', () => {
  it('serialize names serializeAsync; serializeAsync writes the CPU copy’s bytes; deserialize onto a device', async () => {
    const t = { w: torch.randn(3, 2), i: torch.tensor([5, -6], { dtype: 'int64' }), b: torch.tensor([true]) };
    const cpuBytes = torch.safetensors.serialize(t, { format: 'pt' });
    const onDev = { w: t.w.to(dev), i: t.i.to(dev), b: t.b.to(dev) };
    expect(() => torch.safetensors.serialize(onDev)).toThrow(`serialize: tensor on '${dev}' can only be read asynchronously; use await safetensors.serializeAsync(tensors)`);
    expect(() => torch.safetensors.serialize(onDev)).toThrow(torch.TorchRuntimeError);
    expect(await torch.safetensors.serializeAsync(onDev, { format: 'pt' })).toEqual(cpuBytes);
    const back = torch.safetensors.deserialize(cpuBytes, { device: dev });
    expect(String(back.tensors.w!.device)).toBe(dev);
    expect(await back.tensors.w!.tolistAsync()).toEqual(t.w.tolist());
    expect(await back.tensors.i!.tolistAsync()).toEqual([5, -6]);
    expect(back.metadata).toEqual({ format: 'pt' });
  });
});
