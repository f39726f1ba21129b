// float16/bfloat16 files both ways with PyTorch (issue #14): safetensors F16/BF16 and `.pt`
// HalfStorage/BFloat16Storage that PyTorch 1.13 wrote (tools/golden/half_files.py write) load
// with identical bits; the files Antorcha writes here (committed, compared byte for byte, and
// rewritten with ANTORCHA_WRITE_FIXTURES=1) load in PyTorch with identical bits
// (`half_files.py check`, whose verdict is fixtures/half/half_files_check.json).
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Tensor, readStorage, tensor } from '@antorcha/core';
import { nn, safetensors, save, load } from '../src/index.js';

const WRITE = process.env.ANTORCHA_WRITE_FIXTURES === '1';
const url = (name: string) => new URL(`./fixtures/half/${name}`, import.meta.url);
const fx = (name: string) => new Uint8Array(readFileSync(url(name)));

interface Expected {
  dtype: 'float16' | 'bfloat16';
  shape: number[];
  bits: number[];
  from?: (number | string)[];
  stride?: number[];
}
const golden = JSON.parse(readFileSync(url('half_files.json'), 'utf8')) as Record<string, Expected>;
const decode = (v: number | string): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : (v as number));

async function bitsOf(t: Tensor): Promise<number[]> {
  return Array.from(await readStorage(t));
}

async function expectBits(t: Tensor, e: Expected, label: string): Promise<void> {
  expect(t.dtype.name, label).toBe(e.dtype);
  expect([...t.shape], label).toEqual(e.shape);
  expect(await bitsOf(t), label).toEqual(e.bits);
}

const TAGS = [['f16', 'float16'], ['bf16', 'bfloat16']] as const;

describe('safetensors F16/BF16', () => {
  for (const [tag, dtype] of TAGS) {
    const names = Object.keys(golden).filter((k) => k.startsWith(`${tag}/`)).map((k) => k.slice(tag.length + 1));

    it(`loads PyTorch's ${dtype} file with identical bits`, async () => {
      const { tensors } = safetensors.deserialize(fx(`by_pytorch_${tag}.safetensors`));
      expect(Object.keys(tensors).sort()).toEqual([...names].sort());
      for (const n of names) await expectBits(tensors[n]!, golden[`${tag}/${n}`]!, n);
    });

    it(`casts the same float64 values to PyTorch's ${dtype} bits, and writes a file PyTorch reads (half_files.py check)`, async () => {
      const loaded = safetensors.deserialize(fx(`by_pytorch_${tag}.safetensors`)).tensors;
      const out: Record<string, Tensor> = {};
      for (const n of names) {
        const e = golden[`${tag}/${n}`]!;
        const cast = tensor(e.from!.map(decode), 'float64').reshape(e.shape).to(dtype);
        await expectBits(cast, e, `cast ${n}`);
        out[n] = cast;
      }
      for (const n of names) out[`reloaded.${n}`] = loaded[n]!;
      const bytes = safetensors.serialize(out);
      const back = safetensors.deserialize(bytes).tensors;
      for (const n of names) await expectBits(back[n]!, golden[`${tag}/${n}`]!, `round trip ${n}`);
      if (WRITE) writeFileSync(url(`by_antorcha_${tag}.safetensors`), bytes);
      expect(fx(`by_antorcha_${tag}.safetensors`)).toEqual(bytes);
    });
  }
});

describe('.pt HalfStorage/BFloat16Storage', () => {
  const KEYS = ['f16', 'bf16', 'bf16_t', 'specials_bf16'];

  it("loads PyTorch's file with identical bits, views sharing their storage", async () => {
    const pt = load(fx('by_pytorch_half.pt')) as Record<string, Tensor> & { linear: Record<string, Tensor> };
    for (const k of KEYS) await expectBits(pt[k]!, golden[`pt/${k}`]!, k);
    expect(pt.bf16_t!.stride()).toEqual(golden['pt/bf16_t']!.stride);
    expect(pt.bf16_t!._storage).toBe(pt.bf16!._storage);
    for (const [k, t] of Object.entries(pt.linear)) await expectBits(t, golden[`pt/linear.${k}`]!, `linear.${k}`);
  });

  it('writes a file PyTorch loads with identical bits (half_files.py check), and a float16 Linear loads it', async () => {
    const pt = load(fx('by_pytorch_half.pt')) as Record<string, unknown> & { linear: Record<string, Tensor> };
    const lin = new nn.Linear(3, 2).half();
    expect(lin.weight.dtype.name).toBe('float16');
    lin.loadStateDict(pt.linear);
    for (const [k, t] of Object.entries(lin.stateDict())) await expectBits(t, golden[`pt/linear.${k}`]!, `module ${k}`);
    const bytes = save({ f16: pt.f16, bf16: pt.bf16, bf16_t: pt.bf16_t, specials_bf16: pt.specials_bf16, linear: lin.stateDict() });
    const back = load(bytes) as Record<string, Tensor>;
    for (const k of KEYS) await expectBits(back[k]!, golden[`pt/${k}`]!, `round trip ${k}`);
    if (WRITE) writeFileSync(url('by_antorcha_half.pt'), bytes);
    expect(fx('by_antorcha_half.pt')).toEqual(bytes);
  });
});

describe('Module.half() / Module.bfloat16()', () => {
  it('casts floating parameters and buffers only', () => {
    const m = new nn.Sequential(new nn.Linear(2, 2), new nn.BatchNorm1d(2));
    m.half();
    for (const [k, t] of Object.entries(m.stateDict())) {
      expect(t.dtype.name, k).toBe(k.endsWith('num_batches_tracked') ? 'int64' : 'float16');
    }
    m.bfloat16();
    for (const [k, t] of Object.entries(m.stateDict())) {
      expect(t.dtype.name, k).toBe(k.endsWith('num_batches_tracked') ? 'int64' : 'bfloat16');
    }
  });
});
