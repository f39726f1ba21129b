// The asynchronous read surface: `itemAsync`/`tolistAsync` on every device, typed like
// `item`/`tolist`, and the error each synchronous reader raises on an asynchronous
// device, naming the asynchronous call that replaces it. The asynchronous device here is
// the CPU kernels behind an async-only backend (test/async-device.ts); WebGPU runs the
// same checks in packages/backend-webgpu/test/async-surface.test.ts.
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as torch from '../src/index.js';
import { ASYNC_DEVICE } from './async-device.js';

const dev = `${ASYNC_DEVICE}:0`;

describe('itemAsync / tolistAsync', () => {
  it('give what item/tolist give, on the CPU', async () => {
    const x = torch.tensor([[1.5, -2], [3, 4]]);
    expect(await x.sum().itemAsync()).toBe(x.sum().item());
    expect(await x.tolistAsync()).toEqual(x.tolist());
    expect(await torch.tensor(true).itemAsync()).toBe(true);
    expect(await torch.tensor([true, false]).tolistAsync()).toEqual([true, false]);
    expect(await torch.tensor(7, { dtype: 'int64' }).tolistAsync()).toBe(7);
    expect(await x.t().tolistAsync()).toEqual([[1.5, 3], [-2, 4]]); // a non-contiguous view
    expectTypeOf(x.sum().itemAsync()).toEqualTypeOf<Promise<number | boolean | torch.Complex>>();
    expectTypeOf(x.tolistAsync()).toEqualTypeOf<Promise<torch.NestedList>>();
  });

  it('read tensors on an asynchronous device', async () => {
    const x = torch.tensor([[1.5, -2], [3, 4]]).to(dev);
    expect(await x.sum().itemAsync()).toBe(6.5);
    expect(await x.t().tolistAsync()).toEqual([[1.5, 3], [-2, 4]]);
    expect(await x.gt(0).tolistAsync()).toEqual([[true, false], [true, true]]);
  });

  it('itemAsync needs one element, with PyTorch’s text', async () => {
    await expect(torch.ones(2).to(dev).itemAsync()).rejects.toThrow('a Tensor with 2 elements cannot be converted to Scalar');
  });
});

describe('synchronous reads on an asynchronous device name the asynchronous call', () => {
  const x = torch.tensor([[1.5, -2], [3, 4]]).to(dev);
  const s = x.sum();
  const cases: [string, () => unknown, string][] = [
    ['item', () => s.item(), 'await t.itemAsync()'],
    ['tolist', () => x.tolist(), 'await t.tolistAsync()'],
    ['dataSync', () => x.dataSync(), 'await t.data()'],
    ['toString', () => x.toString(), 'await t.toStringAsync()'],
    ['toString', () => `${s}`, 'await t.toStringAsync()'],
    ['Number', () => Number(s), 'Number(await t.itemAsync())'],
    ['Number', () => +s, 'Number(await t.itemAsync())'],
    ['to', () => x.to('cpu'), "await t.toAsync('cpu')"],
    ['to', () => x.cpu(), "await t.toAsync('cpu')"],
    ['equal', () => torch.equal(x, x), 'await torch.equalAsync(a, b)'],
    ['allclose', () => torch.allclose(x, x), 'await torch.allcloseAsync(a, b)'],
    ['is_nonzero', () => torch.isNonzero(s), 'await torch.isNonzeroAsync(x)'],
    ['fill_', () => torch.zeros(2).fill_(s), 'x.fill_(await value.itemAsync())'],
  ];
  it.each(cases)('%s → %s', (op, read, call) => {
    expect(read).toThrow(torch.TorchRuntimeError);
    expect(read).toThrow(`${op}: `);
    expect(read).toThrow(`use ${call}`);
  });

  it('the asynchronous calls give the values', async () => {
    expect(await s.itemAsync()).toBe(6.5);
    expect(String(await s.toStringAsync())).toBe(`tensor(6.5000, device='${dev}')`);
    expect((await x.toAsync('cpu')).tolist()).toEqual([[1.5, -2], [3, 4]]);
    expect(await torch.equalAsync(x, x)).toBe(true);
    expect(await torch.allcloseAsync(x, x)).toBe(true);
  });
});
