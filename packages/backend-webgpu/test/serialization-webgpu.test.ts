// Saving a model whose tensors live on WebGPU (`torch.saveAsync`, safetensors
// `serializeAsync`) and loading it back on the CPU and on WebGPU
// (`load(…, { mapLocation: 'webgpu' })`, `deserialize(…, { device: 'webgpu' })`):
// identical values, and the bytes `save` writes for the CPU copy.
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';

function model(): torch.nn.Sequential {
  return new torch.nn.Sequential(new torch.nn.Linear(4, 3), new torch.nn.BatchNorm1d(3), new torch.nn.ReLU(), new torch.nn.Linear(3, 2));
}

/** A state dict as [name, dtype, device, values] rows (read asynchronously). */
async function rows(sd: Record<string, torch.Tensor>): Promise<[string, string, string, torch.NestedList][]> {
  return Promise.all(Object.entries(sd).map(async ([k, t]) => [k, t.dtype.name, String(t.device), await t.tolistAsync()] as [string, string, string, torch.NestedList]));
}

describe.skipIf(!hasGpu)('saving and loading WebGPU tensors', () => {
  it('a trained GPU model saved with saveAsync loads back on the CPU and on WebGPU with the same values', async () => {
    torch.manualSeed(5);
    const m = model().to('webgpu');
    const opt = new torch.optim.SGD(m.parameters(), { lr: 0.1 });
    const x = torch.randn(8, 4).to('webgpu');
    for (let i = 0; i < 3; i++) {
      opt.zeroGrad();
      m.forward(x).square().mean().backward();
      opt.step();
    }
    expect(String(m.stateDict()['0.weight']!.device)).toBe('webgpu:0');
    expect(() => torch.save(m.stateDict())).toThrow("save: tensor on 'webgpu:0' can only be read asynchronously; use await torch.saveAsync(obj)");
    const bytes = await torch.saveAsync(m.stateDict());
    const want = await rows(m.stateDict());

    // the bytes of save() of the CPU copy
    const cpuModel = model();
    cpuModel.loadStateDict(torch.load(bytes));
    await m.toAsync('cpu');
    expect(bytes).toEqual(torch.save(m.stateDict()));
    expect(torch.save(cpuModel.stateDict())).toEqual(bytes);

    const onCpu = torch.load<Record<string, torch.Tensor>>(bytes);
    expect(await rows(onCpu)).toEqual(want.map(([k, d, , v]) => [k, d, 'cpu', v]));
    const onGpu = torch.load<Record<string, torch.Tensor>>(bytes, { mapLocation: 'webgpu' });
    expect(await rows(onGpu)).toEqual(want);
    const gpuModel = model().to('webgpu');
    gpuModel.loadStateDict(onGpu);
    const probe = torch.randn(2, 4);
    gpuModel.eval();
    cpuModel.eval();
    const a = (await gpuModel.forward(probe.to('webgpu')).tolistAsync()) as number[][];
    const b = cpuModel.forward(probe).tolist() as number[][];
    a.flat().forEach((v, i) => expect(Math.abs(v - b.flat()[i]!)).toBeLessThan(1e-5));
  });

  it('saveAsync saves the values at the call, though a next step changes them before it resolves', async () => {
    const w = torch.arange(6, { dtype: 'float32' });
    const obj = { w: w.to('webgpu') };
    const pending = torch.saveAsync(obj);
    obj.w.mul_(2);
    expect(await pending).toEqual(torch.save({ w }));
  });

  it('safetensors: serializeAsync writes the CPU copy’s bytes; deserialize onto WebGPU', async () => {
    const t = { w: torch.randn(3, 2), i: torch.tensor([5, -6], { dtype: 'int64' }), b: torch.tensor([true, false]) };
    const cpuBytes = torch.safetensors.serialize(t);
    const onGpu = { w: t.w.to('webgpu'), i: t.i.to('webgpu'), b: t.b.to('webgpu') };
    expect(() => torch.safetensors.serialize(onGpu)).toThrow('use await safetensors.serializeAsync(tensors)');
    expect(await torch.safetensors.serializeAsync(onGpu)).toEqual(cpuBytes);
    const back = torch.safetensors.deserialize(cpuBytes, { device: 'webgpu' }).tensors;
    expect(String(back.w!.device)).toBe('webgpu:0');
    expect(await back.w!.tolistAsync()).toEqual(t.w.tolist());
    expect(await back.i!.tolistAsync()).toEqual([5, -6]);
    expect(await back.b!.tolistAsync()).toEqual([true, false]);
  });

  it('float64 tensors cannot be mapped to WebGPU: a clear error', () => {
    const bytes = torch.save({ d: torch.ones(2, { dtype: 'float64' }) });
    expect(() => torch.load(bytes, { mapLocation: 'webgpu' })).toThrow("cannot map a float64 storage to 'webgpu:0'");
  });
});
