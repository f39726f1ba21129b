// Every autograd error, provoked as tools/golden/autograd.py provokes it in
// PyTorch; the expected texts are PyTorch's (fixture), never typed here.
import './setup.js';
import * as torch from '@antorcha/core';
import { type Tensor, TorchError } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { Function, type FunctionCtx, grad } from '../src/index.js';
import { fixture } from './golden.js';

class Twice extends Function {
  static override forward(_ctx: FunctionCtx, a: Tensor, b: Tensor): Tensor {
    return a.mul(b);
  }
  static override backward(_ctx: FunctionCtx, g: Tensor): Tensor {
    return g;
  }
}

const leaf = () => torch.randn([3], { requiresGrad: true });

const SCENARIOS: Record<string, () => unknown> = {
  implicit_non_scalar: () => leaf().mul(2).backward(),
  no_grad_fn: () => torch.randn(3).sum().backward(),
  backward_twice: () => {
    const s = leaf().sigmoid().sum();
    s.backward();
    s.backward();
  },
  leaf_inplace: () => leaf().add_(1),
  view_of_leaf_inplace: () => leaf().index('0:2').mul_(2),
  saved_output_modified: () => {
    const y = torch.randn([3, 4], { requiresGrad: true }).sigmoid();
    y.mul_(2);
    y.sum().backward();
  },
  saved_input_modified: () => {
    const w = leaf().mul(1);
    const u = w.sin();
    w.add_(1);
    u.sum().backward();
  },
  saved_leaf_modified: () => {
    // A fresh leaf at version 0 (core's randn currently returns version 1: its fill is an in-place write).
    const c = torch.tensor([0.5, -1.5, 2.0], { dtype: 'float32' });
    const u = leaf().mul(c);
    c.add_(1);
    u.sum().backward();
  },
  inplace_reads_itself: () => {
    const y = leaf().mul(1);
    y.mul_(y);
    y.sum().backward();
  },
  multi_view_inplace: () => leaf().mul(1).split(1)[0]!.mul_(2),
  grad_shape_mismatch: () => leaf().mul(2).backward(torch.ones(2)),
  grad_unused: () => grad(leaf().sum(), [torch.randn([3], { requiresGrad: true })]),
  grad_not_requiring: () => grad(leaf().sum(), [torch.randn(3)]),
  floor_divide_backward: () => {
    const x = leaf();
    x.floorDivide(x.detach().abs().add(1)).sum().backward();
  },
  function_wrong_count: () => {
    const x = leaf();
    Twice.apply(x, x).sum().backward();
  },
  requires_grad_non_leaf: () => {
    leaf().mul(2).requiresGrad = false;
  },
  hook_without_grad: () => torch.randn(3).registerHook((g) => g),
};

describe('autograd errors have PyTorch text', () => {
  for (const [name, expected] of Object.entries(fixture().errors)) {
    it(name, () => {
      const scenario = SCENARIOS[name];
      expect(scenario, `scenario ${name}`).toBeDefined();
      let thrown: unknown = null;
      try {
        scenario!();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(TorchError);
      expect((thrown as TorchError).message).toBe(expected.error);
      expect((thrown as TorchError).pythonName).toBe(expected.type);
    });
  }
});
