// The asynchronous read surface on WebGPU: `itemAsync`/`tolistAsync`, and the error each
// synchronous reader raises, naming the asynchronous call that replaces it (the same
// checks run on every machine in packages/antorcha/test/async-surface.test.ts).
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';

describe.skipIf(!hasGpu)('asynchronous reads on WebGPU', () => {
  it('itemAsync / tolistAsync', async () => {
    const x = torch.tensor([[1.5, -2], [3, 4]]).to('webgpu');
    expect(await x.sum().itemAsync()).toBe(6.5);
    expect(await x.t().tolistAsync()).toEqual([[1.5, 3], [-2, 4]]);
    expect(await x.gt(0).tolistAsync()).toEqual([[true, false], [true, true]]);
    expect(await x.gt(0).all().itemAsync()).toBe(false);
    await expect(x.itemAsync()).rejects.toThrow('a Tensor with 4 elements cannot be converted to Scalar');
  });

  it('synchronous readers name the asynchronous call', () => {
    const x = torch.tensor([[1.5, -2], [3, 4]]).to('webgpu');
    const s = x.sum();
    const where = "tensor on 'webgpu:0' can only be read asynchronously; use ";
    expect(() => s.item()).toThrow(`item: ${where}await t.itemAsync()`);
    expect(() => x.tolist()).toThrow(`tolist: ${where}await t.tolistAsync()`);
    expect(() => x.dataSync()).toThrow(`dataSync: ${where}await t.data()`);
    expect(() => x.toString()).toThrow(`toString: ${where}await t.toStringAsync()`);
    expect(() => Number(s)).toThrow(`Number: ${where}Number(await t.itemAsync())`);
    expect(() => x.to('cpu')).toThrow(`to: ${where}await t.toAsync('cpu')`);
    expect(() => x.cpu()).toThrow(`to: ${where}await t.toAsync('cpu')`);
    expect(() => torch.equal(x, x)).toThrow(`equal: ${where}await torch.equalAsync(a, b)`);
    expect(() => torch.allclose(x, x)).toThrow('use await torch.allcloseAsync(a, b)');
  });
});
