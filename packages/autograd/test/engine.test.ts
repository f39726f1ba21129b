// Engine mechanics: grad mode, detach, deep graphs, fan-out, broadcasting,
// in-place rebasing (CopySlices, views regenerated), memory staying flat.
import './setup.js';
import * as torch from '@antorcha/core';
import type { Tensor } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { Function, type FunctionCtx, enableGrad, grad, gradcheck, isGradEnabled, noGrad, setGradEnabled, sumTo } from '../src/index.js';

const f32 = (data: number[], requiresGrad = false) => torch.tensor(data, { dtype: 'float32', requiresGrad });

describe('grad mode', () => {
  it('noGrad / enableGrad / setGradEnabled', () => {
    const x = f32([1, 2], true);
    expect(isGradEnabled()).toBe(true);
    const y = noGrad(() => {
      expect(isGradEnabled()).toBe(false);
      const inner = enableGrad(() => x.mul(2));
      expect(inner.requiresGrad).toBe(true);
      return x.mul(2);
    });
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
    setGradEnabled(false);
    try {
      expect(x.add(1).requiresGrad).toBe(false);
    } finally {
      setGradEnabled(true);
    }
    expect(isGradEnabled()).toBe(true);
  });

  it('noGrad restores the mode when fn throws', () => {
    expect(() => noGrad(() => {
      throw new Error('boom');
    })).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
  });

  it('in-place updates of leaves are allowed under noGrad (an optimizer step)', () => {
    const w = f32([1, 2], true);
    w.mul(w).sum().backward();
    noGrad(() => w.sub_(w.grad!.mul(0.5)));
    expect(w.tolist()).toEqual([0, 0]);
    expect(w.isLeaf).toBe(true);
    expect(w.requiresGrad).toBe(true);
  });
});

describe('detach', () => {
  it('detach() shares storage, is cut from the graph and is not a view', () => {
    const x = f32([1, 2], true);
    const y = x.mul(2);
    const d = y.detach();
    expect(d.requiresGrad).toBe(false);
    expect(d.gradFn).toBeNull();
    expect(d._base).toBeNull();
    d.fill_(5);
    expect(y.tolist()).toEqual([5, 5]);
  });

  it('detach_() cuts a tensor in place', () => {
    const y = f32([1, 2], true).mul(2);
    y.detach_();
    expect(y.isLeaf).toBe(true);
    expect(y.requiresGrad).toBe(false);
  });
});

describe('graph walk', () => {
  it('a 30,000-node chain backpropagates without overflowing the stack', () => {
    const x = torch.tensor(1, { dtype: 'float64', requiresGrad: true });
    let y: Tensor = x;
    for (let i = 0; i < 30_000; i++) y = y.add(1e-6);
    y.backward();
    expect(x.grad!.item()).toBe(1);
  });

  it('fan-out sums the gradients of every use', () => {
    const x = f32([1, 2, 3], true);
    const y = x.mul(2);
    y.mul(y).add(y).add(x).sum().backward();
    // d/dx (4x² + 2x + x) = 8x + 3
    expect(x.grad!.tolist()).toEqual([11, 19, 27]);
  });

  it('broadcast gradients are summed back to each input shape', () => {
    const a = torch.ones([3, 1], { dtype: 'float32', requiresGrad: true });
    const b = torch.ones([4], { dtype: 'float32', requiresGrad: true });
    const c = torch.ones([], { dtype: 'float32', requiresGrad: true });
    a.mul(b).add(c).sum().backward();
    expect(a.grad!.tolist()).toEqual([[4], [4], [4]]);
    expect(b.grad!.tolist()).toEqual([3, 3, 3, 3]);
    expect(c.grad!.item()).toBe(12);
    expect(sumTo(torch.ones(2, 3), [3]).tolist()).toEqual([2, 2, 2]);
  });

  it('gradients keep the dtype of each input', () => {
    const a = f32([1, 2], true);
    const b = torch.tensor([3, 4], { dtype: 'float64', requiresGrad: true });
    a.mul(b).sum().backward();
    expect(a.grad!.dtype.name).toBe('float32');
    expect(b.grad!.dtype.name).toBe('float64');
  });

  it('.grad is a contiguous copy (never an expanded view of another gradient)', () => {
    const x = f32([1, 2, 3], true);
    const y = f32([1, 2, 3], true);
    x.add(y).sum().backward();
    expect(x.grad!.isContiguous()).toBe(true);
    x.grad!.zero_();
    expect(y.grad!.tolist()).toEqual([1, 1, 1]);
  });
});

describe('in-place ops', () => {
  it('an in-place op on a non-leaf rebases its gradFn', () => {
    const x = f32([1, 2], true);
    const y = x.mul(3);
    y.exp_();
    expect(y.gradFn!.name()).toBe('ExpBackward0');
    y.sum().backward();
    // Same gradient as the out-of-place graph.
    const [expected] = grad(x.mul(3).exp().sum(), [x]);
    expect(x.grad!.tolist()).toEqual(expected!.tolist());
  });

  it('writing into a view: the base gets CopySlices, the view AsStridedBackward0', () => {
    const x = torch.tensor([1, 2, 3, 4], { dtype: 'float64', requiresGrad: true });
    const y = x.clone();
    const v = y.narrow(0, 1, 2);
    v.mul_(10);
    expect(y.gradFn!.name()).toBe('CopySlices');
    expect(v.gradFn!.name()).toBe('AsStridedBackward0');
    y.sum().backward();
    expect(x.grad!.tolist()).toEqual([1, 10, 10, 1]);
  });

  it('a tensor that did not require grad becomes part of the graph when written from one that does', () => {
    const w = torch.tensor([1, 2], { dtype: 'float64', requiresGrad: true });
    const buf = torch.zeros([4], { dtype: 'float64' });
    buf.index('1:3').copy_(w.mul(2));
    expect(buf.requiresGrad).toBe(true);
    buf.mul(torch.tensor([1, 2, 3, 4], { dtype: 'float64' })).sum().backward();
    expect(w.grad!.tolist()).toEqual([4, 6]);
  });

  it('a view used after its base was written reads the new values (its gradFn is regenerated)', () => {
    const x = torch.tensor([1, 2, 3], { dtype: 'float64', requiresGrad: true });
    const y = x.clone();
    const v = y.index('0:2');
    y.mul_(x);
    v.sum().backward();
    // v = x[0:2]², so dv/dx = 2x on the first two elements.
    expect(x.grad!.tolist()).toEqual([2, 4, 0]);
  });

  it('gradcheck of in-place chains (float64)', () => {
    const x = torch.tensor([0.3, -0.7, 1.1, 0.4], { dtype: 'float64', requiresGrad: true });
    const w = torch.tensor([0.5, 1.5], { dtype: 'float64', requiresGrad: true });
    const f = (a: Tensor, b: Tensor) => {
      const y = a.clone();
      y.narrow(0, 1, 2).mul_(b);
      y.index('::2').add_(b.exp());
      y.tanh_();
      return y.mul(y);
    };
    expect(gradcheck(f, [x, w])).toBe(true);
  });
});

describe('gradcheck', () => {
  class WrongExp extends Function {
    static override forward(_ctx: FunctionCtx, a: Tensor): Tensor {
      return a.exp();
    }
    static override backward(_ctx: FunctionCtx, g: Tensor): Tensor {
      return g.mul(2);
    }
  }

  it('reports a wrong derivative as a Jacobian mismatch', () => {
    const x = torch.tensor([0.1, 0.2], { dtype: 'float64', requiresGrad: true });
    expect(() => gradcheck((a: Tensor) => WrongExp.apply(a), [x])).toThrow(/^Jacobian mismatch for output 0 with respect to input 0,\nnumerical:tensor/);
    expect(gradcheck((a: Tensor) => WrongExp.apply(a), [x], { raiseException: false })).toBe(false);
  });

  it('refuses overlapping inputs', () => {
    const x = torch.tensor([0.1], { dtype: 'float64' }).expand(3).requiresGrad_(true);
    expect(() => gradcheck((a: Tensor) => a.exp(), [x])).toThrow(/stride 0/);
  });
});

describe('memory', () => {
  it('10,000 forward+backward iterations keep the heap flat', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, 'run with --expose-gc (vitest.config.ts execArgv)').toBeDefined();
    const { heapStats } = await import('@antorcha/backend-cpu');
    const x = torch.randn([8, 16]);
    const w1 = torch.randn([16, 32], { requiresGrad: true });
    const b1 = torch.zeros([32], { requiresGrad: true });
    const w2 = torch.randn([32, 4], { requiresGrad: true });
    const step = () => {
      const h = x.matmul(w1).add(b1).sigmoid();
      const loss = h.matmul(w2).tanh().pow(2).mean();
      loss.backward();
      noGrad(() => {
        for (const p of [w1, b1, w2]) {
          p.sub_(p.grad!.mul(1e-3));
          p.grad = null;
        }
      });
    };
    // CPU tensors of 256 bytes or more live in the CPU heap; one that is forgotten rather
    // than disposed returns its block through a FinalizationRegistry, whose callbacks run
    // between tasks, never inside a synchronous loop. So the heaps are compared once the
    // loop has yielded (garbage collected, finalizers run), as any program's event loop does.
    const settle = async () => {
      for (let i = 0; i < 4; i++) {
        gc!();
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    for (let i = 0; i < 500; i++) step();
    await settle();
    const before = process.memoryUsage().heapUsed;
    const cpuBefore = heapStats().allocated;
    for (let i = 0; i < 10_000; i++) step();
    await settle();
    const after = process.memoryUsage().heapUsed;
    const growth = after - before;
    console.log(`heapUsed before ${(before / 1e6).toFixed(2)} MB, after 10,000 iterations ${(after / 1e6).toFixed(2)} MB, growth ${(growth / 1e3).toFixed(1)} kB`, JSON.stringify(heapStats()));
    // A leak of one small object (≥ 100 bytes) per iteration would exceed this.
    expect(growth).toBeLessThan(1_000_000);
    // and no CPU heap block outlives its tensor
    expect(heapStats().allocated).toBe(cpuBefore);
    // 10,500 training steps: about 2 s alone, but `npm test` runs every package's suite at
    // once on a 2-core machine (the WebGPU one on a software rasterizer), so allow more
    // than vitest's default 5 s.
  }, 60_000);
});
