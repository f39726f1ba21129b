// complex64/complex128 files both ways with PyTorch: `.pt` ComplexFloatStorage /
// ComplexDoubleStorage and safetensors C64 that PyTorch 1.13 wrote (tools/golden/complex_files.py
// write) load with identical values and shared storages; the files Antorcha writes here
// (committed, compared byte for byte, rewritten with ANTORCHA_WRITE_FIXTURES=1) load in PyTorch
// with identical values (`complex_files.py check`, verdict in complex_files_check.json).
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Tensor, TorchError, viewAsReal } from '@antorcha/core';
import { safetensors, save, load } from '../src/index.js';

const WRITE = process.env.ANTORCHA_WRITE_FIXTURES === '1';
const url = (name: string) => new URL(`./fixtures/complex/${name}`, import.meta.url);
const fx = (name: string) => new Uint8Array(readFileSync(url(name)));

type V = number | string;
interface Expected {
  dtype: string;
  shape: number[];
  stride: number[];
  values: [V, V][];
}
const golden = JSON.parse(readFileSync(url('complex_files.json'), 'utf8')) as Record<string, Expected>;
const num = (v: V): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : (v as number));

function expectValues(t: Tensor, e: Expected, label: string): void {
  expect(t.dtype.name, label).toBe(e.dtype);
  expect([...t.shape], label).toEqual(e.shape);
  expect(Array.from(t.contiguous().dataSync()), label).toEqual(e.values.flatMap(([a, b]) => [num(a), num(b)]));
}

const KEYS = ['c64', 'c128', 'c64_t', 'special'];

describe('.pt ComplexFloatStorage/ComplexDoubleStorage', () => {
  it("loads PyTorch's file with identical values, the transposed view sharing its storage", () => {
    const pt = load(fx('by_pytorch.pt')) as Record<string, Tensor>;
    for (const k of KEYS) expectValues(pt[k]!, golden[k]!, k);
    expect(pt.c64_t!.stride()).toEqual(golden.c64_t!.stride);
    expect(pt.c64_t!._storage).toBe(pt.c64!._storage);
  });

  it('writes a file PyTorch loads with identical values (complex_files.py check)', () => {
    const pt = load(fx('by_pytorch.pt')) as Record<string, Tensor>;
    const bytes = save({ c64: pt.c64, c128: pt.c128, c64_t: pt.c64_t, special: pt.special });
    const back = load(bytes) as Record<string, Tensor>;
    for (const k of KEYS) expectValues(back[k]!, golden[k]!, `round trip ${k}`);
    if (WRITE) writeFileSync(url('by_antorcha.pt'), bytes);
    expect(fx('by_antorcha.pt')).toEqual(bytes);
    const verdict = JSON.parse(readFileSync(url('complex_files_check.json'), 'utf8')) as Record<string, boolean>;
    expect(Object.keys(verdict).length).toBeGreaterThan(0);
    for (const [k, ok] of Object.entries(verdict)) expect(ok, k).toBe(true);
  });

  it("refuses a real view saved beside its complex base, as PyTorch", () => {
    const pt = load(fx('by_pytorch.pt')) as Record<string, Tensor>;
    expect(() => save({ c: pt.c64, r: viewAsReal(pt.c64!) })).toThrow('Cannot save multiple tensors or storages that view the same data as different types');
    // alone, the real view is a float storage of twice the length
    const r = load(save({ r: viewAsReal(pt.c64!) })) as Record<string, Tensor>;
    expect(r.r!.dtype.name).toBe('float32');
    expect(r.r!.tolist()).toEqual(viewAsReal(pt.c64!).tolist());
  });
});

describe('safetensors C64', () => {
  it("loads PyTorch's C64 file, writes one PyTorch reads, and refuses complex128 (no format name)", () => {
    const { tensors } = safetensors.deserialize(fx('by_pytorch_c64.safetensors'));
    expectValues(tensors.c64!, golden.c64!, 'c64');
    expectValues(tensors.special!, golden.special!, 'special');
    const bytes = safetensors.serialize({ c64: tensors.c64!, special: tensors.special! });
    if (WRITE) writeFileSync(url('by_antorcha_c64.safetensors'), bytes);
    expect(fx('by_antorcha_c64.safetensors')).toEqual(bytes);
    const pt = load(fx('by_pytorch.pt')) as Record<string, Tensor>;
    expect(() => safetensors.serialize({ z: pt.c128! })).toThrow(TorchError);
    expect(() => safetensors.serialize({ z: pt.c128! })).toThrow('safetensors has no format name for dtype complex128');
  });
});
