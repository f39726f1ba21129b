// DataLoader's `device` option on WebGPU: batches arrive on the device with the values
// and order of the CPU loader, moved by writes only (the backend's read is never called).
import * as torch from 'antorcha';
import { describe, expect, it, vi } from 'vitest';
import { backend, hasGpu } from './gpu.js';

const { data } = torch.utils;

describe.skipIf(!hasGpu)('DataLoader feeding WebGPU', () => {
  it('batches of a TensorDataset arrive on the device, as the CPU loader gives them', async () => {
    const x = torch.randn(10, 3);
    const y = torch.arange(10);
    const ds = new data.TensorDataset(x, y);
    const cpu = [...new data.DataLoader(ds, { batchSize: 4, shuffle: true, generator: new torch.Generator().manualSeed(1) })];
    const read = vi.spyOn(backend!, 'read');
    const gpu = [...new data.DataLoader(ds, { batchSize: 4, shuffle: true, generator: new torch.Generator().manualSeed(1), device: 'webgpu' })];
    expect(read).not.toHaveBeenCalled();
    await (gpu[0] as torch.Tensor[])[0]!.data();
    expect(read).toHaveBeenCalled(); // (the spy sees reads)
    read.mockRestore();
    expect(gpu.length).toBe(cpu.length);
    for (let i = 0; i < cpu.length; i++) {
      const [xb, yb] = gpu[i] as torch.Tensor[];
      const [xc, yc] = cpu[i] as torch.Tensor[];
      expect(String(xb!.device)).toBe('webgpu:0');
      expect(String(yb!.device)).toBe('webgpu:0');
      expect(yb!.dtype).toBe(torch.int64);
      expect(await xb!.tolistAsync()).toEqual(xc!.tolist());
      expect(await yb!.tolistAsync()).toEqual(yc!.tolist());
    }
  });

  it('collated objects and arrays keep their shape; non-tensor values stay as they are', async () => {
    class Items extends data.Dataset<{ v: torch.Tensor; n: number; name: string }> {
      get length() {
        return 3;
      }
      getItem(i: number) {
        return { v: torch.full([2], i), n: i, name: `item${i}` };
      }
    }
    const [b] = [...new data.DataLoader(new Items(), { batchSize: 3, device: 'webgpu' })] as { v: torch.Tensor; n: torch.Tensor; name: string[] }[];
    expect(String(b!.v.device)).toBe('webgpu:0');
    expect(await b!.v.tolistAsync()).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect(String(b!.n.device)).toBe('webgpu:0');
    expect(await b!.n.tolistAsync()).toEqual([0, 1, 2]);
    expect(b!.name).toEqual(['item0', 'item1', 'item2']);
  });
});
