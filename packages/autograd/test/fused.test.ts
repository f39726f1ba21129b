// fusedNode: a composite recorded as one node under PyTorch's name for the fused kernel.
import './setup.js';
import * as torch from '@antorcha/core';
import type { Tensor } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { fusedNode, grad, gradgradcheck, noGrad } from '../src/index.js';

const f64 = (shape: number[], requiresGrad = true) => torch.randn(shape, { dtype: 'float64', requiresGrad });
// a composite with a nontrivial second derivative: mean((a − b)²·a)
const body = (a: Tensor, b: Tensor): Tensor => a.sub(b).square().mul(a).mean();
const fused = (a: Tensor, b: Tensor): Tensor => fusedNode('MseLossBackward0', [a, b], body);

function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('fusedNode', () => {
  it('records one node with the given name and edges to the inputs, in order', () => {
    const a = f64([3, 4]);
    const b = f64([3, 4], false);
    const y = fused(a.mul(2), b);
    const fn = y.gradFn as unknown as { name(): string; nextFunctions: [{ name(): string } | null, number][] };
    expect(fn.name()).toBe('MseLossBackward0');
    expect(fn.nextFunctions.map(([n]) => (n === null ? null : n.name()))).toEqual(['MulBackward0', null]);
    expect(y.toString()).toContain('grad_fn=<MseLossBackward0>');
  });

  it('gives the gradients of the composite, of first and second order', () => {
    const a = f64([3, 4]);
    const b = f64([3, 4]);
    const [ga, gb] = grad(fused(a, b), [a, b], { createGraph: true });
    const [wa, wb] = grad(body(a, b), [a, b], { createGraph: true });
    expect(ga!.tolist()).toEqual(wa!.tolist());
    expect(gb!.tolist()).toEqual(wb!.tolist());
    // second order through the fused node equals second order through the plain graph
    const [gaa] = grad(ga!.sum(), [a]);
    const [waa] = grad(wa!.sum(), [a]);
    expect(gaa!.tolist()).toEqual(waa!.tolist());
    expect(gradgradcheck((x: Tensor, y: Tensor) => fused(x, y), [f64([2, 3]), f64([2, 3])])).toBe(true);
  });

  it('frees its graph after backward like any node, and keeps it with retainGraph', () => {
    const plain = f64([4]);
    const p = body(plain, plain.detach());
    p.backward();
    const freed = thrown(() => p.backward());
    expect(freed).toContain('Trying to backward through the graph a second time');

    const a = f64([4]);
    const y = fused(a, a.detach());
    y.backward(null, { retainGraph: true });
    const once = a.grad!.tolist() as number[];
    y.backward();
    expect(a.grad!.tolist()).toEqual(once.map((g) => 2 * g));
    expect(thrown(() => y.backward())).toBe(freed);
  });

  it('sees in-place changes to its inputs made after it ran (version counters)', () => {
    const a = f64([4]);
    const plainIn = a.mul(1);
    const plain = body(plainIn, plainIn.detach());
    plainIn.mul_(2);
    const expected = thrown(() => plain.backward());
    expect(expected).toContain('modified by an inplace operation');

    const x = a.mul(1);
    const y = fused(x, x.detach());
    x.mul_(2);
    expect(thrown(() => y.backward())).toBe(expected);
  });

  it('records nothing without an input that requires grad, or under noGrad', () => {
    const a = f64([3], false);
    expect(fused(a, a).gradFn).toBeNull();
    const r = noGrad(() => fused(f64([3]), a));
    expect(r.gradFn).toBeNull();
    expect(r.requiresGrad).toBe(false);
  });
});
