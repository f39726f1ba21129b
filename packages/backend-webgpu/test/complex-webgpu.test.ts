// complex64 on WebGPU: storage (interleaved f32 pairs, the CPU's layout), views sharing
// storage (view_as_real, .real/.imag), moves and casts, structural ops, complex128's refusal,
// and autograd through complex ops on the device against the CPU.
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

  it('casts into and out of complex64 as PyTorch (real part kept, imaginary part 0)', async () => {
    const x = torch.tensor([1.5, -2], { device: 'webgpu' });
    const z = x.to('complex64');
    expect(await values(z)).toEqual([1.5, 0, -2, 0]);
    const w = torch.tensor([c(1.5, 9), c(0, 2)], { device: 'webgpu' });
    expect(await values(w.to('float32'))).toEqual([1.5, 0]);
    expect(await values(w.to('int32'))).toEqual([1, 0]);
    expect(await values(w.to('bool'))).toEqual([1, 0]);
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
