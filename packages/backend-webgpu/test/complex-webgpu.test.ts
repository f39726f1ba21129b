// complex64 on WebGPU: storage (interleaved f32 pairs, the CPU's layout), views sharing
// storage (view_as_real, .real/.imag), moves and casts, structural ops, complex128's refusal,
// and autograd through complex ops on the device against the CPU.
import type { DeviceLike } from '@antorcha/core';
import 'antorcha';
import * as torch from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { backend } from './gpu.js';

const suite = backend ? describe : describe.skip;
const c = torch.cplx;

/** Row-major (re, im) pairs of a complex tensor, or values of a real one. */
async function values(t: torch.Tensor): Promise<number[]> {
  return Array.from(await t.data());
}

suite('complex64 on WebGPU', () => {
  it('uploads, reads back and moves between devices as interleaved pairs', async () => {
    const cpu = torch.tensor([c(1, 2), c(-3, 0.5), c(0, -4)]);
    const g = cpu.to('webgpu');
    expect(g.dtype.name).toBe('complex64');
    expect(g.device.type).toBe('webgpu');
    expect(await values(g)).toEqual([1, 2, -3, 0.5, 0, -4]);
    const back = await g.toAsync('cpu');
    expect(Array.from(back.dataSync())).toEqual([1, 2, -3, 0.5, 0, -4]);
    const direct = torch.tensor([c(5, 6)], { device: 'webgpu' });
    expect(await values(direct)).toEqual([5, 6]);
  });

  it('views share storage: view_as_real, .real and .imag read and write the same buffer', async () => {
    const z = torch.tensor([c(1, 2), c(3, 4)], { device: 'webgpu' });
    const r = torch.viewAsReal(z);
    expect(r.dtype.name).toBe('float32');
    expect(r.shape).toEqual([2, 2]);
    expect(await values(r)).toEqual([1, 2, 3, 4]);
    z.real.mul_(10);
    expect(await values(z)).toEqual([10, 2, 30, 4]);
    z.imag.fill_(-1);
    expect(await values(z)).toEqual([10, -1, 30, -1]);
    r.select(0, 1).zero_();
    expect(await values(z)).toEqual([10, -1, 0, 0]);
    const back = torch.viewAsComplex(r);
    expect(await values(back)).toEqual([10, -1, 0, 0]);
    expect(await values(z.imag)).toEqual([-1, 0]);
  });

  it('casts into and out of complex64 as PyTorch (real part kept, imaginary part 0; bool reads both parts)', async () => {
    const x = torch.tensor([1.5, -2], { device: 'webgpu' });
    const z = x.to('complex64');
    expect(await values(z)).toEqual([1.5, 0, -2, 0]);
    const w = torch.tensor([c(1.5, 9), c(0, 2)], { device: 'webgpu' });
    expect(await values(w.to('float32'))).toEqual([1.5, 0]);
    expect(await values(w.to('int32'))).toEqual([1, 0]);
    // complex → bool is nonzero where either part is (PyTorch 2.x; 1.13 read the real part only):
    // the reference computed on the CPU from the parts
    const wc = torch.tensor([c(1.5, 9), c(0, 2)]);
    expect(await values(w.to('bool'))).toEqual(await values(wc.real.ne(0).logicalOr(wc.imag.ne(0))));
  });

  it('structural ops work through real views: contiguous, cat, stack, flip, index, where', async () => {
    const a = torch.tensor([[c(1, 1), c(2, 2)], [c(3, 3), c(4, 4)]], { device: 'webgpu' });
    const ref = torch.tensor([[c(1, 1), c(2, 2)], [c(3, 3), c(4, 4)]]);
    const same = async (g: torch.Tensor, cpu: torch.Tensor) => expect(await values(g)).toEqual(Array.from(cpu.contiguous().dataSync()));
    await same(a.t().contiguous(), ref.t());
    await same(torch.cat([a, a.flip(0)], 1), torch.cat([ref, ref.flip(0)], 1));
    await same(torch.stack([a, a], 0), torch.stack([ref, ref], 0));
    const idx = torch.tensor([1, 0, 1], { dtype: 'int64' });
    await same(a.indexSelect(1, idx.to('webgpu')), ref.indexSelect(1, idx));
    const m = torch.tensor([[true, false], [false, true]]);
    await same(torch.where(m.to('webgpu'), a, torch.zeros([2, 2], { device: 'webgpu' })), torch.where(m, ref, torch.zeros([2, 2])));
    await same(a.permute([1, 0]).reshape([4]), ref.permute([1, 0]).reshape([4]));
  });

  it('refuses complex128 with the unsupported-dtype error', () => {
    expect(() => torch.zeros([2], { dtype: 'complex128', device: 'webgpu' })).toThrow(/dtype torch.complex128 is not supported on device 'webgpu/);
    expect(() => torch.tensor([c(1, 2)], { dtype: 'complex128' }).to('webgpu')).toThrow(/complex128/);
  });
});

suite('complex64 kernels and autograd on WebGPU against the CPU', () => {
  /** Max distance between a device tensor and the CPU's, relative to the largest modulus of the CPU's elements. */
  async function relErr(g: torch.Tensor, cpu: torch.Tensor): Promise<number> {
    const a = await values(g);
    const b = Array.from(cpu.contiguous().dataSync());
    expect(a.length).toBe(b.length);
    let scale = 0, err = 0;
    for (let i = 0; i < b.length; i++) {
      scale = Math.max(scale, Math.abs(b[i]!));
      err = Math.max(err, Math.abs(a[i]! - b[i]!));
    }
    return err / Math.max(scale, 1e-30);
  }

  it('complex scalars, torch.complex, polar, reductions and products give the CPU results', async () => {
    torch.manualSeed(3);
    const zc = torch.randn([4, 3], { dtype: 'complex64' });
    const wc = torch.randn([3, 5], { dtype: 'complex64' });
    const z = zc.to('webgpu'), w = wc.to('webgpu');
    const pairs: [torch.Tensor, torch.Tensor][] = [
      [z.mul(c(0.5, -2)).add(c(1, 1)).div(c(0, 3)), zc.mul(c(0.5, -2)).add(c(1, 1)).div(c(0, 3))],
      [z.matmul(w), zc.matmul(wc)],
      [z.sum(0), zc.sum(0)],
      [z.mean(), zc.mean()],
      [z.prod(1), zc.prod(1)],
      [z.cumprod(0), zc.cumprod(0)],
      [torch.vdot(z.flatten(), z.flatten().flip(0)), torch.vdot(zc.flatten(), zc.flatten().flip(0))],
      [torch.complex(z.real, z.imag.neg()), torch.complex(zc.real, zc.imag.neg())],
      [torch.polar(z.abs(), z.angle()), torch.polar(zc.abs(), zc.angle())],
      [z.pow(c(0.5, 1)), zc.pow(c(0.5, 1))],
    ];
    for (const [g, cpu] of pairs) {
      expect(g.device.type).toBe('webgpu');
      expect(g.dtype.name).toBe(cpu.dtype.name);
      expect(await relErr(g, cpu)).toBeLessThan(1e-5);
    }
  });

  it('prints through read-back as the CPU prints', async () => {
    const zc = torch.tensor([[c(1, 2), c(-0.5, 0)], [c(0, -3.25), c(1e-3, 7)]]);
    expect(await zc.to('webgpu').toStringAsync()).toBe(zc.toString().replace(/\)$/, ", device='webgpu:0')"));
  });

  it("backward() through complex ops on the device gives the CPU's gradients", async () => {
    const run = (dev: DeviceLike) => {
      torch.manualSeed(7);
      const z = torch.randn([4], { dtype: 'complex64' }).to(dev).requiresGrad_();
      const w = torch.randn([4], { dtype: 'complex64' }).to(dev).requiresGrad_();
      const x = torch.randn([4]).to(dev).requiresGrad_();
      const loss = z.exp().mul(w).real.sum()
        .add(z.abs().sum())
        .add(z.reshape([2, 2]).matmul(w.reshape([2, 2])).abs().pow(2).sum())
        .add(torch.viewAsReal(z.sin()).pow(2).sum())
        .add(z.div(w).log().imag.sum())
        .add(torch.complex(x, x.mul(2)).mul(z).abs().sum());
      loss.backward();
      return [loss, z.grad!, w.grad!, x.grad!];
    };
    const onDevice = run('webgpu');
    const onCpu = run('cpu');
    for (let i = 0; i < onCpu.length; i++) {
      expect(onDevice[i]!.device.type).toBe('webgpu');
      expect(await relErr(onDevice[i]!, onCpu[i]!)).toBeLessThan(2e-5);
    }
  });
});
