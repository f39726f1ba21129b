// mm's backward follows PyTorch's mm_mat1_backward / mm_mat2_backward: a column-major
// operand (a transposed contiguous matrix, as a linear layer's weight.t()) gets its
// gradient as the transpose of a row-major product, so the leaf's gradient is contiguous
// in the leaf's own layout (no transposing copy when it is accumulated).
import './setup.js';
import * as torch from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { grad } from '../src/index.js';

/**
 * The two sides are the same float32 products summed in different orders (the layout rule
 * only transposes): each element may differ by float32 rounding, K·2⁻²⁴ times the sum of
 * |terms| (`bound`, computed from the operands); a wrong or transposed gradient is off by O(1).
 */
function closeTo(x: torch.Tensor, y: torch.Tensor, bound: torch.Tensor): void {
  expect(x.shape).toEqual(y.shape);
  const over = x.sub(y).abs().sub(bound).max().item() as number;
  expect(over).toBeLessThanOrEqual(0);
}

/** K·2⁻²⁴·(|p|·|q|): the float32 error bound of the product p·q, elementwise. */
function bound(p: torch.Tensor, q: torch.Tensor): torch.Tensor {
  return p.abs().mm(q.abs()).mul(p.shape[1]! * 2 ** -24);
}

describe('mm backward in the operands’ layouts', () => {
  for (const op of ['mm', 'matmul'] as const) {
    it(`${op}: the gradient of a column-major operand is itself column-major (PyTorch's layout)`, () => {
      torch.manualSeed(5);
      const x = torch.randn([6, 5]);
      const w = torch.randn([4, 5], { requiresGrad: true });
      const wt = w.t();
      const y = op === 'mm' ? x.mm(wt) : x.matmul(wt);
      const [gwt] = grad([y], [wt], { gradOutputs: [torch.ones([6, 4])] });
      expect(gwt!.stride()).toEqual([1, 5]);
      closeTo(gwt!, x.t().mm(torch.ones([6, 4])), bound(x.t(), torch.ones([6, 4])));
    });
    it(`${op}: x · w.t() gives w a contiguous gradient equal to xᵀ-products computed plainly`, () => {
      torch.manualSeed(3);
      const x = torch.randn([6, 5], { requiresGrad: true });
      const w = torch.randn([4, 5], { requiresGrad: true });
      const gy = torch.randn([6, 4]);
      const y = op === 'mm' ? x.mm(w.t()) : x.matmul(w.t());
      y.backward(gy);
      expect(w.grad!.isContiguous()).toBe(true);
      expect(w.grad!.stride()).toEqual([5, 1]);
      closeTo(w.grad!, gy.t().mm(x.detach()), bound(gy.t(), x.detach()));
      closeTo(x.grad!, gy.mm(w.detach()), bound(gy, w.detach()));
    });
    it(`${op}: a column-major left operand gets its gradient column-major too`, () => {
      torch.manualSeed(4);
      const at = torch.randn([5, 6], { requiresGrad: true });
      const b = torch.randn([5, 3], { requiresGrad: true });
      const gy = torch.randn([6, 3]);
      const y = op === 'mm' ? at.t().mm(b) : at.t().matmul(b);
      y.backward(gy);
      expect(at.grad!.isContiguous()).toBe(true);
      closeTo(at.grad!, b.detach().mm(gy.t()), bound(b.detach(), gy.t()));
      closeTo(b.grad!, at.detach().mm(gy), bound(at.detach(), gy));
    });
  }
});
