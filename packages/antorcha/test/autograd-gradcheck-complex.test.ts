// gradcheck with complex inputs and outputs (PyTorch's slow mode: real and imaginary
// parts perturbed separately, analytical rows from grad_output 1 and 1j), and inputs
// carrying the lazy conjugate or negative bit.
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';
import type { Tensor } from '../src/index.js';

const { gradcheck } = torch.autograd;

function z(shape: number[]): Tensor {
  return torch.complex(torch.randn(shape, { dtype: 'float64' }), torch.randn(shape, { dtype: 'float64' })).requiresGrad_(true);
}

/** |z|² whose backward returns 2·g·conj(z): wrong (PyTorch's gradient, dL/dx + i·dL/dy, is 2·g·z). */
class WrongAbs2 extends torch.autograd.Function {
  static override forward(ctx: torch.autograd.FunctionCtx, x: Tensor): Tensor {
    ctx.saveForBackward(x);
    return x.abs().square();
  }
  static override backward(ctx: torch.autograd.FunctionCtx, g: Tensor): Tensor {
    const [x] = ctx.savedTensors;
    return g.mul(x!.conj()).mul(2);
  }
}

describe('gradcheck of complex functions', () => {
  it('passes on mul, div, exp, abs, angle, matmul, sum, linalg.inv, fft.fft', () => {
    torch.manualSeed(3);
    const unary: [string, (a: Tensor) => Tensor][] = [
      ['exp', (a) => a.exp()],
      ['abs', (a) => a.abs()],
      ['angle', (a) => a.angle()],
      ['sum', (a) => a.sum()],
      ['fft', (a) => torch.fft.fft(a)],
    ];
    for (const [name, f] of unary) expect(gradcheck(f, [z([4])]), name).toBe(true);
    expect(gradcheck((a: Tensor, b: Tensor) => a.mul(b), [z([3]), z([3])])).toBe(true);
    expect(gradcheck((a: Tensor, b: Tensor) => a.div(b), [z([3]), z([3])])).toBe(true);
    expect(gradcheck((a: Tensor, b: Tensor) => a.matmul(b), [z([2, 3]), z([3, 2])])).toBe(true);
    expect(gradcheck((a: Tensor) => torch.linalg.inv(a), [z([3, 3])])).toBe(true);
    // A real input mixed with a complex one.
    expect(gradcheck((a: Tensor, x: Tensor) => a.mul(x), [z([3]), torch.randn([3], { dtype: 'float64', requiresGrad: true })])).toBe(true);
  });

  it('fails on a wrong (non-conjugated) derivative', () => {
    torch.manualSeed(4);
    const a = z([3]);
    expect(gradcheck((t: Tensor) => WrongAbs2.apply(t), [a], { raiseException: false })).toBe(false);
    expect(() => gradcheck((t: Tensor) => WrongAbs2.apply(t), [a])).toThrow(/Jacobian mismatch for output 0 with respect to input 0/);
  });

  it('perturbs inputs carrying the conjugate or negative bit with the right sign', () => {
    torch.manualSeed(5);
    const base = z([3]).detach();
    const conjLeaf = base.conj().detach().requiresGrad_(true);
    expect(conjLeaf.isConj()).toBe(true);
    expect(gradcheck((t: Tensor) => t.mul(t.exp()), [conjLeaf])).toBe(true);
    const negLeaf = base.conj().imag.detach().requiresGrad_(true);
    expect(negLeaf.isNeg()).toBe(true);
    expect(gradcheck((t: Tensor) => t.mul(t).sin(), [negLeaf])).toBe(true);
  });
});
