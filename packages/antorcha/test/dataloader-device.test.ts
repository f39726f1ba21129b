// DataLoader's `device` option: batches (tensors inside arrays and objects too) arrive on
// the device, in the CPU loader's order, here on the asynchronous CPU test device
// (test/async-device.ts); WebGPU: packages/backend-webgpu/test/dataloader-device.test.ts.
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';
import { ASYNC_DEVICE } from './async-device.js';

const { data } = torch.utils;
const dev = `${ASYNC_DEVICE}:0`;

describe('DataLoader device option', () => {
  it('moves every batch to the device, same values and order as without it', async () => {
    const ds = new data.TensorDataset(torch.randn(7, 2), torch.arange(7));
    const plain = [...new data.DataLoader(ds, { batchSize: 3, shuffle: true, generator: new torch.Generator().manualSeed(4) })] as torch.Tensor[][];
    const loader = new data.DataLoader(ds, { batchSize: 3, shuffle: true, generator: new torch.Generator().manualSeed(4), device: dev });
    expect(String(loader.device)).toBe(dev);
    const moved = [...loader] as torch.Tensor[][];
    expect(moved.length).toBe(3);
    for (let i = 0; i < plain.length; i++) {
      for (let j = 0; j < 2; j++) {
        expect(String(moved[i]![j]!.device)).toBe(dev);
        expect(await moved[i]![j]!.tolistAsync()).toEqual(plain[i]![j]!.tolist());
      }
    }
    expect(new data.DataLoader(ds).device).toBeNull();
  });

  it('applies after a custom collateFn', async () => {
    const ds = new data.TensorDataset(torch.arange(4));
    const loader = new data.DataLoader(ds, { batchSize: 2, collateFn: (items) => ({ sum: torch.stack(items.map((it) => it[0]!)).sum(), count: items.length }), device: dev });
    const batches = [...loader] as { sum: torch.Tensor; count: number }[];
    expect(String(batches[1]!.sum.device)).toBe(dev);
    expect(await batches[1]!.sum.itemAsync()).toBe(5);
    expect(batches[1]!.count).toBe(2);
  });
});
