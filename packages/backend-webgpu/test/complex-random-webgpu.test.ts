// Random fills of complex64 tensors on WebGPU against PyTorch (complex-random.json, from
// tools/golden/complex_random.py): the draws are made on the host over the real view, as on
// the CPU, so the device holds PyTorch's values bit for bit, whatever the target's layout.
import 'antorcha';
import * as torch from '@antorcha/core';
import { loadFixture } from '@antorcha/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from './gpu.js';

const suite = backend ? describe : describe.skip;
type V = number | string;
interface Case {
  op: string;
  dtype: string;
  shape: number[];
  seed: number;
  out: { dtype: string; shape: number[]; values: [V, V][] };
}
const F = loadFixture<{ cases: Case[] }>('complex-random.json');
const num = (v: V): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : (v as number));
const dev = { dtype: 'complex64' as const, device: 'webgpu' as const };

// the CPU suite's scenarios of the same names, on the device
const OPS: Record<string, (s: number[]) => torch.Tensor> = {
  randn: (s) => torch.randn(s, dev),
  rand: (s) => torch.rand(s, dev),
  normal_: (s) => torch.zeros(s, dev).normal_(1.5, 3),
  uniform_: (s) => torch.zeros(s, dev).uniform_(-2, 5),
  normal_t: (s) => torch.zeros(s, dev).t().normal_(),
  normal_conj_base: (s) => {
    const b = torch.zeros(s, dev);
    b.conj().normal_();
    return b;
  },
};

suite('complex64 random fills on WebGPU (PyTorch stream, bit-exact)', () => {
  beforeAll(() => torch.setRngCompat('1.13'));
  afterAll(() => torch.setRngCompat('2'));
  for (const c of F.cases.filter((k) => k.dtype === 'complex64' && OPS[k.op] !== undefined)) {
    it(`${c.op} [${c.shape}] seed ${c.seed}`, async () => {
      torch.manualSeed(c.seed);
      const t = OPS[c.op]!(c.shape);
      expect(t.device.type).toBe('webgpu');
      expect([...t.shape]).toEqual(c.out.shape);
      expect(Array.from(await t.resolveConj().data())).toEqual(c.out.values.flatMap(([re, im]) => [num(re), num(im)]));
    });
  }
  it('a fill into a slice at a storage offset', async () => {
    const c = F.cases.find((k) => k.op === 'randn' && k.dtype === 'complex64' && k.shape.length === 1 && k.shape[0] === 3)!;
    torch.manualSeed(c.seed);
    const b = torch.zeros([6], dev);
    b.narrow(0, 2, 3).normal_();
    const got = Array.from(await b.data());
    expect(got.slice(4, 10)).toEqual(c.out.values.flatMap(([re, im]) => [num(re), num(im)]));
    expect(got.slice(0, 4).concat(got.slice(10))).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
