// Memory model: pooled buffers, dispose(), `using`, tidy(), the FinalizationRegistry,
// and a 1000-step loop whose allocated bytes stay flat.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as torch from '@antorcha/core';
import type { Tensor } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { webgpu } from '../src/index.js';
import { backend, hasGpu } from './gpu.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const allocated = (): number => webgpu.memoryAllocated();

describe.skipIf(!hasGpu)('webgpu memory', () => {
  it('dispose() frees the storage at once; use after dispose raises a clear error', async () => {
    const before = allocated();
    const x = torch.ones([1000], { device: 'webgpu' });
    const view = x.narrow(0, 10, 5);
    expect(allocated()).toBe(before + 4096);
    x.dispose();
    expect(allocated()).toBe(before);
    expect(x.isDisposed).toBe(true);
    expect(view.isDisposed).toBe(true);
    x.dispose(); // idempotent
    expect(() => view.add(1)).toThrow(/Tensor has been disposed/);
    await expect(x.data()).rejects.toThrow(/Tensor has been disposed/);
  });

  it('freed buffers are reused (caching allocator) and come back zero-filled', async () => {
    const a = torch.full([300], 7, { device: 'webgpu' });
    await a.data();
    a.dispose();
    const created = backend!.memoryStats().buffersCreated;
    const b = torch.zeros([300], { device: 'webgpu' });
    expect(backend!.memoryStats().buffersCreated).toBe(created);
    expect([...(await b.data())].every((v) => v === 0)).toBe(true);
    b.dispose();
  });

  it('`using` disposes at the end of the block', async () => {
    const before = allocated();
    let escaped: Tensor | null = null;
    {
      using t = torch.randn([64, 64], { device: 'webgpu' });
      escaped = t;
      expect(allocated()).toBeGreaterThan(before);
      await t.sum().data();
    }
    expect(escaped.isDisposed).toBe(true);
  });

  it('tidy() frees intermediates, keeps results (views included), nests, and honours keep()', async () => {
    const x = torch.randn([32, 32], { device: 'webgpu' });
    const before = allocated();
    let kept!: Tensor;
    const [y, view] = torch.tidy(() => {
      const a = x.matmul(x).relu();
      const b = a.add(1).mul(2);
      kept = torch.keep(a.sum());
      const inner = torch.tidy(() => b.exp().sub(b.exp()));
      return [inner, b.narrow(0, 0, 4)];
    });
    // survivors: y (from the inner scope), b (through its view), kept
    expect(allocated()).toBe(before + 4096 + 4096 + 256);
    expect(await y!.sum().toAsync('cpu').then((t) => t.item())).toBe(0);
    expect(view!.shape).toEqual(torch.Size.of_([4, 32]));
    expect(kept.isDisposed).toBe(false);
    for (const t of [y!, view!, kept]) t.dispose();
    expect(() => torch.tidy(() => {
      torch.ones([10], { device: 'webgpu' });
      throw new Error('boom');
    })).toThrow('boom');
  });

  it('the FinalizationRegistry frees tensors that were garbage-collected without dispose()', async () => {
    await webgpu.synchronize();
    const before = allocated();
    (() => {
      for (let i = 0; i < 20; i++) torch.ones([4096], { device: 'webgpu' }).mul(2);
    })();
    const peak = allocated();
    expect(peak).toBeGreaterThanOrEqual(before + 20 * 16384);
    for (let i = 0; i < 50 && allocated() > before; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 20));
    }
    // everything unreachable was returned to the pool (possibly more than this test made)
    expect(allocated()).toBeLessThanOrEqual(before);
  });

  it('a 1000-step training-style loop keeps allocated bytes flat (tidy and dispose)', async () => {
    torch.manualSeed(0);
    const x = torch.randn([64, 16], { device: 'webgpu' });
    const target = torch.randn([64, 4], { device: 'webgpu' });
    const w = torch.randn([16, 4], { device: 'webgpu' }).mul_(0.1);
    const step = (): void => {
      const y = x.matmul(w);
      const err = y.sub(target);
      const grad = x.t().matmul(err).mul(2 / 64);
      w.sub_(grad.mul(0.05));
    };
    torch.tidy(step);
    const loss0 = await x.matmul(w).sub(target).square().mean().toAsync('cpu');
    await webgpu.synchronize();
    const start = allocated();
    backend!.resetPeakMemoryStats();
    const created = backend!.memoryStats().buffersCreated;
    for (let i = 0; i < 1000; i++) {
      if (i % 2 === 0) torch.tidy(step);
      else {
        const y = x.matmul(w), err = y.sub(target), g = x.t().matmul(err), u = g.mul(0.1 / 64);
        w.sub_(u);
        for (const t of [y, err, g, u]) t.dispose();
      }
      expect(allocated()).toBe(start);
    }
    expect(webgpu.maxMemoryAllocated()).toBeLessThanOrEqual(start + 8 * 4096);
    expect(backend!.memoryStats().buffersCreated - created).toBeLessThan(16);
    const loss = await x.matmul(w).sub(target).square().mean().toAsync('cpu');
    expect(loss.item() as number).toBeLessThan(loss0.item() as number);
  });
});
