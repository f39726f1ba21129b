// A 0-dim CPU tensor as an operand with WebGPU tensors, as PyTorch accepts a 0-dim CPU
// tensor with CUDA tensors: binary, comparison, ternary, where and in-place ops, and
// autograd through them, against tools/golden/cpu_scalar_operand.py. Ops that PyTorch
// computes in float64 (int32 tensor + 0-dim float64 tensor, or compared with one) raise
// WebGPU's dtype error: the 0-dim tensor promotes as a tensor, not as a number.
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { type CpuScalarCase as Case, cpuScalarGolden, decodeValue as decode, runCpuScalarCase as runCase } from '@antorcha/core/testing';
import { hasGpu } from './gpu.js';

const golden = cpuScalarGolden();

/** WGSL's division and fma are not correctly rounded: float32 results within a few ulp. */
const INEXACT = new Set(['div', 'div_', 'addcmul']);

function expectValues(c: Case, got: number[], want: number[]): void {
  if (!INEXACT.has(c.op) || c.result.dtype !== 'float32') {
    expect(got).toEqual(want);
    return;
  }
  // 4 float32 ulp of the expected value (WGSL: x / y within 2.5 ulp).
  got.forEach((g, i) => {
    const w = want[i]!;
    if (!Number.isFinite(w)) expect(g).toBe(w);
    else expect(Math.abs(g - w)).toBeLessThanOrEqual(4 * 2 ** -23 * Math.abs(w));
  });
}

describe.skipIf(!hasGpu)('a 0-dim CPU tensor with WebGPU tensors', () => {
  it.each(golden.cases.map((c) => [`${c.op} ${c.order} ${c.x} with 0-dim ${c.s}`, c] as const))('%s', async (_, c) => {
    const x = torch.tensor(c.xValues, { dtype: c.x as torch.DTypeLike }).to('webgpu');
    const s = torch.tensor(c.sValue, { dtype: c.s as torch.DTypeLike });
    if (c.result.error !== undefined) {
      expect(() => runCase(c, x, s)).toThrow(c.result.error);
      return;
    }
    if (c.result.dtype === 'float64' || c.promoted === 'float64') {
      expect(() => runCase(c, x, s)).toThrow("dtype torch.float64 is not supported on device 'webgpu:0'");
      return;
    }
    const r = runCase(c, x, s);
    expect(String(r.device)).toBe('webgpu:0');
    expect(r.dtype.name).toBe(c.result.dtype);
    expect([...r.shape]).toEqual(c.result.shape);
    expectValues(c, Array.from(await r.data(), Number), c.result.values!.map(decode));
  });

  it('autograd through them: the WebGPU operand’s gradient, as PyTorch computes it', async () => {
    for (const g of golden.grads.filter((k) => !k.sRequiresGrad)) {
      const x = torch.tensor(g.xValues).to('webgpu').requiresGrad_();
      const s = torch.tensor(g.sValue, { dtype: g.s as torch.DTypeLike });
      const y = x.mul(s).add(s).div(s).sub(x.abs().sub(s).mul(x)).sum();
      // float32 sums and divisions on the device: within a few ulp of PyTorch's CPU values
      const close = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(8 * 2 ** -23 * Math.max(1, Math.abs(want)));
      close(Number(await y.itemAsync()), decode(g.y.values![0]!));
      y.backward();
      expect(String(x.grad!.device)).toBe('webgpu:0');
      const grad = Array.from(await x.grad!.data());
      g.xGrad.values!.forEach((v, i) => close(grad[i]!, decode(v)));
      expect(s.grad).toBeNull();
    }
  });

  it('a 0-dim CPU tensor that requires grad: backward names the fix instead of a blocking read', () => {
    const x = torch.ones(3).to('webgpu').requiresGrad_();
    const s = torch.tensor(2.5, { requiresGrad: true });
    const y = x.mul(s).sum();
    expect(() => y.backward()).toThrow(/belongs to a CPU tensor of shape \[\] but was computed on 'webgpu:0'.*move it there first \(x\.to\('webgpu'\)\)/);
  });

  it('an in-place update with a CPU scalar reads nothing back (optimizer-style)', async () => {
    const p = torch.ones(3).to('webgpu');
    const lr = torch.tensor(0.5, { dtype: 'float64' });
    for (let i = 0; i < 3; i++) p.sub_(p.mul(lr));
    expect(await p.tolistAsync()).toEqual([0.125, 0.125, 0.125]);
  });

  it('other CPU tensors still raise PyTorch’s device error', () => {
    const x = torch.ones(2, { device: 'webgpu' });
    const msg = 'Expected all tensors to be on the same device, but found at least two devices, webgpu:0 and cpu!';
    expect(() => x.add(torch.ones(2))).toThrow(msg);
    expect(() => torch.ones(2).add(x)).toThrow(msg);
    expect(() => x.mul(torch.ones(1))).toThrow(msg);
    expect(() => torch.tensor(1.0).add_(x.sum())).toThrow(msg);
    expect(() => torch.addcmul(x, torch.ones(2), x)).toThrow(msg);
  });
});
