// Engine behaviour against PyTorch: accumulation, retain_graph, retain_grad,
// hooks, backward(inputs), explicit gradients, reprs, higher-order gradients,
// custom functions.
import './setup.js';
import * as torch from '@antorcha/core';
import type { Tensor } from '@antorcha/core';
import { compareTensor } from '@antorcha/core/testing';
import { describe, expect, it } from 'vitest';
import { AccumulateGrad, Function, type FunctionCtx, type Node, backward, grad, noGrad } from '../src/index.js';
import { compareGrad, fixture, input } from './golden.js';

const b = () => fixture().behaviour;
const h = (name: string) => fixture().higher.find((c) => c.name === name)!;
const leaf = (spec: unknown) => input(spec as never).requiresGrad_(true);

describe('accumulation and graph lifetime', () => {
  it('accumulates over two backward passes with retainGraph', () => {
    const c = b().accumulate_twice;
    const x = leaf(c.x);
    const y = x.mul(x.sigmoid()).sum();
    y.backward(null, { retainGraph: true });
    y.backward();
    expect(compareGrad(x.grad!, c.grad)).toBeNull();
  });

  it('frees saved tensors, but nodes without saved tensors can run again (as PyTorch)', () => {
    const x = torch.randn([3], { requiresGrad: true });
    const y = x.add(1).sum();
    y.backward();
    y.backward();
    expect(x.grad!.tolist()).toEqual([2, 2, 2]);
  });

  it('explicit gradient argument', () => {
    const x = torch.tensor([1, 2, 3], { dtype: 'float64', requiresGrad: true });
    x.mul(2).backward(torch.tensor([1.0, 0.5, -1.0], { dtype: 'float64' }));
    expect(compareGrad(x.grad!, b().gradient_arg.x_grad)).toBeNull();
  });

  it('backward(inputs) accumulates only into the given tensors', () => {
    const c = b().backward_inputs;
    const x = leaf(c.x);
    const w = leaf(c.w);
    x.mul(w).sum().backward(null, { inputs: [w] });
    expect(x.grad).toBeNull();
    expect(c.x_grad_is_none).toBe(true);
    expect(compareGrad(w.grad!, c.w_grad)).toBeNull();
  });

  it('backward on a leaf and on a non-leaf input of backward(inputs)', () => {
    const x = torch.tensor(2.0, { dtype: 'float32', requiresGrad: true });
    x.backward();
    expect(x.grad!.item()).toBe(1);
    const y = torch.tensor([1, 2], { dtype: 'float32', requiresGrad: true });
    const m = y.mul(3);
    backward(m.sum(), null, { inputs: [m] });
    expect(m.grad!.tolist()).toEqual([1, 1]);
    expect(y.grad).toBeNull();
  });
});

describe('hooks and retainGrad', () => {
  it('hooks replace gradients; retainGrad keeps the hooked gradient (as PyTorch)', () => {
    const c = b().hooks;
    const x = leaf(c.x);
    const hh = x.mul(2);
    hh.retainGrad();
    hh.registerHook((g) => g.mul(3));
    const z = hh.exp().sum();
    x.registerHook((g) => g.add(1));
    z.backward();
    expect(compareGrad(x.grad!, c.x_grad)).toBeNull();
    expect(compareGrad(hh.grad!, c.h_grad)).toBeNull();
  });

  it('a removed hook no longer runs', () => {
    const x = torch.ones([2], { requiresGrad: true });
    const y = x.mul(1);
    const handle = y.registerHook((g) => g.mul(10));
    handle.remove();
    y.sum().backward();
    expect(x.grad!.tolist()).toEqual([1, 1]);
  });
});

describe('reprs', () => {
  it('print grad_fn and requires_grad as PyTorch', () => {
    const r = b().reprs;
    const x = torch.tensor([1.0, -2.0, 3.0], { dtype: 'float32', requiresGrad: true });
    expect(x.toString()).toBe(r.leaf);
    expect(x.mul(2).toString()).toBe(r.mul);
    expect(x.sum().toString()).toBe(r.sum);
    expect(x.mul(2).detach().toString()).toBe(r.detach);
    expect(noGrad(() => x.mul(2)).toString()).toBe(r.no_grad);
    expect(x.max(0).values.toString()).toBe(r.max_values);
    expect(torch.tensor([0.5, 1.5], { dtype: 'float64', requiresGrad: true }).toString()).toBe(r.float64_leaf);
    expect(torch.div(1, torch.add(1, torch.exp(x.neg()))).toString()).toBe(r.activation);
  });

  it('grad takes grad_outputs positionally as PyTorch does (never ignoring it)', () => {
    const x = torch.tensor([1, 2], { dtype: 'float64', requiresGrad: true });
    const v = torch.tensor([1, 10], { dtype: 'float64' });
    const y = x.mul(x);
    const [positional] = grad(y, [x], v, { retainGraph: true });
    const [keyword] = grad(y, [x], { gradOutputs: v, retainGraph: true });
    expect(torch.equal(positional!, keyword!)).toBe(true);
    expect(torch.equal(positional!, x.detach().mul(2).mul(v))).toBe(true);
    const [fromNull] = grad(y.sum(), [x], null);
    expect(torch.equal(fromNull!, x.detach().mul(2))).toBe(true);
    expect(() => grad(x.sum(), [x], v.sum(), { gradOutputs: null } as never)).toThrow(/multiple values for argument 'grad_outputs'/);
  });

  it('console.log of a node shows its name, as String() does', async () => {
    const { inspect } = await import('node:util');
    const s = torch.randn([3], { requiresGrad: true }).sum();
    expect(inspect(s.gradFn)).toBe(`<${s.gradFn!.name()}>`);
    expect(inspect([s.gradFn])).toBe(`[ ${String(s.gradFn)} ]`);
  });

  it('nextFunctions and AccumulateGrad.variable', () => {
    const a = torch.randn([3], { requiresGrad: true });
    const s = a.sum();
    const [[acc, nr]] = (s.gradFn as Node).nextFunctions as [[Node, number]];
    expect(acc).toBeInstanceOf(AccumulateGrad);
    expect((acc as AccumulateGrad).variable).toBe(a);
    expect(nr).toBe(0);
    // One AccumulateGrad per leaf, shared by every op reading it.
    expect((a.mul(2).gradFn as Node).nextFunctions[0]![0]).toBe(acc);
    expect(a.isLeaf).toBe(true);
    expect(s.isLeaf).toBe(false);
  });

  it('non-differentiable results never require grad', () => {
    const x = torch.randn([3, 4], { requiresGrad: true });
    for (const t of [x.gt(0), x.argmax(), x.max(1).indices, x.eq(x), x.isnan(), x.sort().indices, x.long()]) {
      expect(t.requiresGrad).toBe(false);
      expect(t.gradFn).toBeNull();
    }
  });
});

describe('higher-order gradients', () => {
  it('grad of grad of tanh (three levels)', () => {
    const c = h('tanh');
    const x = leaf(c.x);
    const [g1] = grad(x.tanh().sum(), [x], { createGraph: true });
    const [g2] = grad(g1!.sum(), [x], { createGraph: true });
    const [g3] = grad(g2!.sum(), [x]);
    expect(compareGrad(g1!, c.g1)).toBeNull();
    expect(compareGrad(g2!, c.g2)).toBeNull();
    expect(compareGrad(g3!, c.g3)).toBeNull();
    expect(g1!.requiresGrad).toBe(true);
    expect(g3!.requiresGrad).toBe(false);
  });

  it('Hessian-vector product', () => {
    const c = h('hvp');
    const x = leaf(c.x);
    const y = leaf(c.y);
    const v = input(c.v);
    const f = x.pow(3).mul(y).sum().add(x.mul(y).sin().sum()).add(x.outer(y).logsumexp(1).sum());
    const [gx] = grad(f, [x], { createGraph: true });
    const [hx, hy] = grad(gx!.matmul(v), [x, y]);
    expect(compareGrad(hx!, c.hvp_x)).toBeNull();
    expect(compareGrad(hy!, c.hvp_y)).toBeNull();
  });

  it('backward with createGraph, then backward through .grad', () => {
    const c = h('backward_create_graph');
    const x = leaf(c.x);
    x.pow(3).sum().backward(null, { createGraph: true });
    const first = noGrad(() => x.grad!.clone());
    expect(compareGrad(first, c.first)).toBeNull();
    x.grad!.sum().backward();
    expect(compareGrad(x.grad!, c.accumulated)).toBeNull();
  });
});

class Exp extends Function {
  static override forward(ctx: FunctionCtx, a: Tensor): Tensor {
    const y = a.exp();
    ctx.saveForBackward(y);
    return y;
  }
  static override backward(ctx: FunctionCtx, g: Tensor): Tensor {
    const [y] = ctx.savedTensors;
    return g.mul(y!);
  }
}

class ScaleBy extends Function {
  static override forward(ctx: FunctionCtx, a: Tensor, k: number): Tensor {
    ctx.k = k;
    expect(ctx.needsInputGrad).toEqual([true, false]);
    return a.mul(k);
  }
  static override backward(ctx: FunctionCtx, g: Tensor): (Tensor | null)[] {
    return [g.mul(ctx.k as number), null];
  }
}

class ComplexSquare extends Function {
  static override forward(ctx: FunctionCtx, z: Tensor): Tensor {
    ctx.saveForBackward(z);
    return z.mul(z);
  }
  // PyTorch's convention for a holomorphic f: grad_in = grad_out · conj(f'(z)).
  static override backward(ctx: FunctionCtx, g: Tensor): Tensor {
    const [z] = ctx.savedTensors;
    return g.mul(z!.conj().mul(2));
  }
}

describe('custom functions', () => {
  it('a complex output gets the Function’s node, and its gradient equals the built-in ops’ (z·z)', () => {
    const data = [torch.cplx(1, 2), torch.cplx(-0.5, 0.25)];
    const z = torch.tensor(data, { dtype: 'complex64', requiresGrad: true });
    const out = ComplexSquare.apply(z) as Tensor;
    expect(out.gradFn?.name()).toBe('ComplexSquareBackward');
    out.abs().sum().backward();
    const ref = torch.tensor(data, { dtype: 'complex64', requiresGrad: true });
    ref.mul(ref).abs().sum().backward();
    expect(z.grad!.tolist()).toEqual(ref.grad!.tolist());
  });
  it('a Function subclass: node name, repr and gradient as PyTorch', () => {
    const c = b().custom_function;
    const x = leaf(c.x);
    const y = Exp.apply(x);
    expect(y.gradFn!.name()).toBe(c.name);
    expect(y.toString()).toBe(c.repr);
    const [gx] = grad(y.sum(), [x]);
    expect(compareGrad(gx!, c.grad)).toBeNull();
  });

  it('non-tensor arguments, ctx attributes, saved tensors freed after backward', () => {
    const x = torch.tensor([1, 2], { dtype: 'float64', requiresGrad: true });
    const y = ScaleBy.apply(x, 3);
    y.sum().backward();
    expect(x.grad!.tolist()).toEqual([3, 3]);
    const e = Exp.apply(x);
    e.sum().backward();
    expect(() => e.sum().backward()).toThrow(/Trying to backward through the graph a second time/);
  });

  it('no node when no argument requires grad', () => {
    const y = Exp.apply(torch.tensor([1.0], { dtype: 'float32' }));
    expect(y.gradFn).toBeNull();
    expect(y.requiresGrad).toBe(false);
  });

  it('custom functions compose with createGraph (double backward through them)', () => {
    const x = torch.tensor([0.5, -1.0], { dtype: 'float64', requiresGrad: true });
    const [g] = grad(Exp.apply(x).sum(), [x], { createGraph: true });
    const [gg] = grad(g!.sum(), [x]);
    expect(compareTensor(gg!, { dtype: 'float64', shape: [2], values: [Math.exp(0.5), Math.exp(-1)], stride: [1], offset: 0, contiguous: true })).toBeNull();
  });
});
