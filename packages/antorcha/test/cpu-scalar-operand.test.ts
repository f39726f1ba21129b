// A 0-dim CPU tensor as an operand of elementwise ops on another device (PyTorch
// accepts one beside CUDA tensors), on an asynchronous test device that computes with
// the CPU kernels (test/async-device.ts), against tools/golden/cpu_scalar_operand.py.
// The same golden runs on WebGPU in packages/backend-webgpu/test/cpu-scalar-operand.test.ts.
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';
import { ASYNC_DEVICE } from './async-device.js';
import { cpuScalarGolden, decodeValue as decode, runCpuScalarCase as runCase } from '@antorcha/core/testing';

const golden = cpuScalarGolden();

describe('a 0-dim CPU tensor beside tensors on another device', () => {
  const dev = `${ASYNC_DEVICE}:0`;
  it.each(golden.cases.map((c) => [`${c.op} ${c.order} ${c.x} with 0-dim ${c.s}`, c] as const))('%s', async (_, c) => {
    const x = torch.tensor(c.xValues, { dtype: c.x as torch.DTypeLike }).to(dev);
    const s = torch.tensor(c.sValue, { dtype: c.s as torch.DTypeLike });
    if (c.result.error !== undefined) {
      expect(() => runCase(c, x, s)).toThrow(c.result.error);
      return;
    }
    const r = runCase(c, x, s);
    expect(String(r.device)).toBe(dev);
    expect(r.dtype.name).toBe(c.result.dtype);
    expect([...r.shape]).toEqual(c.result.shape);
    // The CPU kernels compute here: the same values as PyTorch's, bit for bit.
    expect(Array.from(await r.data(), Number)).toEqual(c.result.values!.map(decode));
  });

  it('promotes as a dimensionless tensor, not as a number (int32 tensor + 0-dim float64 is float64)', () => {
    const x = torch.tensor([1, 2], { dtype: 'int32' }).to(dev);
    expect(x.add(torch.tensor(2.5, { dtype: 'float64' })).dtype).toBe(torch.float64);
    expect(x.add(2.5).dtype).toBe(torch.float32);
  });

  it('autograd: the gradient of the dimensioned operand stays on its device', async () => {
    for (const g of golden.grads.filter((k) => !k.sRequiresGrad)) {
      const x = torch.tensor(g.xValues).to(dev).requiresGrad_();
      const s = torch.tensor(g.sValue, { dtype: g.s as torch.DTypeLike });
      const y = x.mul(s).add(s).div(s).sub(x.abs().sub(s).mul(x)).sum();
      expect(await y.itemAsync()).toBe(decode(g.y.values![0]!));
      y.backward();
      expect(String(x.grad!.device)).toBe(dev);
      expect(Array.from(await x.grad!.data())).toEqual(g.xGrad.values!.map(decode));
      expect(s.grad).toBeNull();
    }
  });

  it('other CPU tensors and CPU outputs still raise PyTorch’s device error', () => {
    const x = torch.ones(2).to(dev);
    const msg = `Expected all tensors to be on the same device, but found at least two devices, ${dev} and cpu!`;
    expect(() => x.add(torch.ones(2))).toThrow(msg);
    expect(() => torch.ones(2).add(x)).toThrow(msg);
    expect(() => torch.ones(1).mul(x)).toThrow(msg); // one element, but not 0-dim
    expect(() => torch.tensor(1.0).add_(x)).toThrow(msg); // a CPU scalar is never an output
    expect(() => torch.tensor(1.0).add_(x.sum())).toThrow(`found at least two devices, ${dev} and cpu!`);
    expect(() => torch.where(torch.tensor([true, false]), x, torch.ones(2))).toThrow(msg);
  });
});
