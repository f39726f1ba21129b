// The WebAssembly strided copy (copyStrided8/32/64) against the JavaScript copy loop, bit for
// bit: random bit patterns (NaN payloads, ±0, ±Inf, subnormals), permuted, sliced, flipped,
// broadcast and window (im2col-like) source views, odd sizes and unaligned offsets.
import type { DTypeName, TensorRef } from '@antorcha/core';
import type { CpuBuffer } from './memory.js';
import { afterAll, describe, expect, it } from 'vitest';
import { copy } from './copy.js';
import { allocBuffer } from './memory.js';
import { heapAddress, setCpuKernels, wasmKernels } from './wasm/runtime.js';

afterAll(() => setCpuKernels('wasm'));

let seed = 987654;
function rand(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
}

/** A heap buffer of `n` elements filled with random bit patterns. */
function randomRef(dtype: DTypeName, n: number, quietNaNs = true): TensorRef {
  const buffer = allocBuffer(dtype, n);
  const bytes = new Uint8Array(buffer.data.buffer, buffer.data.byteOffset, buffer.data.byteLength);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
  if (dtype === 'float32' && quietNaNs) {
    // The JavaScript loop reads through a double, which quiets signaling NaNs (sets the top
    // mantissa bit); the WebAssembly copy keeps every bit, as memory.copy (contiguous copies) does.
    const w = new Uint32Array(buffer.data.buffer, buffer.data.byteOffset, n);
    for (let i = 0; i < n; i++) if ((w[i]! & 0x7f800000) === 0x7f800000 && (w[i]! & 0x7fffff) !== 0) w[i] = w[i]! | 0x400000;
  }
  return { buffer, dtype, shape: [n], strides: [1], offset: 0 };
}

function bitsOf(ref: TensorRef): Uint8Array {
  const d = (ref.buffer as CpuBuffer).data as ArrayBufferView;
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength).slice();
}

/** A destination of `n` elements (+ `offset`) with the same random filler in both runs. */
function destination(dtype: DTypeName, n: number, fill: number): TensorRef {
  const ref = randomRef(dtype, n);
  ((ref.buffer as CpuBuffer).data as unknown as { fill(v: number): void }).fill(fill);
  return ref;
}

interface Case {
  name: string;
  shape: number[];
  src: { strides: number[]; offset: number; numel: number };
  dst?: { strides: number[]; offset: number; numel: number };
}

function contiguous(shape: number[]): number[] {
  const s = new Array<number>(shape.length);
  let m = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = m;
    m *= shape[i]!;
  }
  return s;
}

const CASES: Case[] = [
  // [N, C, kh, kw, oh, ow] windows of a padded [2, 3, 9, 10] input (im2col)
  { name: 'im2col windows', shape: [2, 3, 3, 3, 7, 8], src: { strides: [270, 90, 10, 1, 10, 1], offset: 0, numel: 540 } },
  { name: 'strided windows', shape: [2, 3, 3, 3, 4, 4], src: { strides: [270, 90, 10, 1, 20, 2], offset: 1, numel: 541 } },
  { name: 'transpose', shape: [37, 53], src: { strides: [1, 37], offset: 3, numel: 37 * 53 + 3 } },
  { name: 'flip', shape: [5, 67], src: { strides: [67, -1], offset: 66, numel: 5 * 67 } },
  { name: 'narrow rows', shape: [13, 29], src: { strides: [31, 1], offset: 5, numel: 13 * 31 + 5 } },
  { name: 'broadcast', shape: [7, 65], src: { strides: [0, 1], offset: 2, numel: 67 } },
  { name: 'permute 4-D', shape: [3, 5, 7, 9], src: { strides: [1, 3, 15, 105], offset: 0, numel: 945 } },
  { name: 'strided dst', shape: [11, 13], src: { strides: [13, 1], offset: 1, numel: 144 }, dst: { strides: [1, 11], offset: 4, numel: 147 } },
  { name: 'short rows (3)', shape: [40, 3], src: { strides: [5, 1], offset: 0, numel: 200 } },
  { name: 'short rows (5)', shape: [30, 5], src: { strides: [7, 1], offset: 1, numel: 211 } },
];

describe('wasm strided copy, bit-identical to the JavaScript loop', () => {
  it('has the kernels', () => {
    expect(wasmKernels()?.copyStrided32).toBeTypeOf('function');
  });
  for (const dtype of ['float32', 'int32', 'float64', 'int64', 'uint8', 'bool'] as DTypeName[]) {
    for (const c of CASES) {
      it(`${dtype}: ${c.name}`, () => {
        const src = randomRef(dtype, c.src.numel);
        const s: TensorRef = { ...src, shape: c.shape, strides: c.src.strides, offset: c.src.offset };
        const dGeom = c.dst ?? { strides: contiguous(c.shape), offset: 0, numel: c.shape.reduce((a, b) => a * b, 1) };
        const run = (mode: 'js' | 'wasm'): Uint8Array => {
          setCpuKernels(mode);
          const dst = destination(dtype, dGeom.numel, 7);
          expect(heapAddress(dst)).toBeGreaterThanOrEqual(0);
          copy(s, { ...dst, shape: c.shape, strides: dGeom.strides, offset: dGeom.offset });
          return bitsOf(dst);
        };
        const js = run('js');
        const wasm = run('wasm');
        expect(Buffer.from(wasm).equals(Buffer.from(js))).toBe(true);
      });
    }
  }
});

describe('wasm strided copy keeps signaling NaN bits', () => {
  it('float32 transpose of signaling NaNs equals a bit copy', () => {
    setCpuKernels('wasm');
    const n = 16 * 16;
    const src = randomRef('float32', n, false);
    const w = new Uint32Array((src.buffer as CpuBuffer).data.buffer, (src.buffer as CpuBuffer).data.byteOffset, n);
    for (let i = 0; i < n; i++) w[i] = 0x7f800001 + (i % 7) + (i & 1 ? 0x80000000 : 0);
    const dst = destination('float32', n, 0);
    copy({ ...src, shape: [16, 16], strides: [1, 16] }, { ...dst, shape: [16, 16], strides: [16, 1] });
    const out = new Uint32Array((dst.buffer as CpuBuffer).data.buffer, (dst.buffer as CpuBuffer).data.byteOffset, n);
    for (let i = 0; i < 16; i++) for (let j = 0; j < 16; j++) expect(out[i * 16 + j]).toBe(w[j * 16 + i]);
  });
});
