// The WebAssembly float32 reductions: row, column and whole-tensor sums bit-exact with
// PyTorch (fixtures/sum-order.json, written by tools/golden/sum_order.py) and close to the JS
// kernel's double sum (within the float32 summation error bound); max/min bit for bit
// against the JavaScript kernels (the sign of zero results included; NaN
// payloads, which the JS kernels themselves don't fix, compared as NaN).
import type { DTypeName, ReduceOp, TensorRef } from '@antorcha/core';
import { contiguousStrides } from '@antorcha/core';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createCpuBackend } from './index.js';
import { type CpuBuffer, wrapHost } from './memory.js';
import { reduce } from './reduce.js';
import { heapAddress, setCpuKernels, wasmKernels } from './wasm/runtime.js';
import { xorshift32 } from '../test/helpers.js';

const backend = createCpuBackend();
afterAll(() => setCpuKernels('wasm'));

const rand32 = xorshift32(0x2545f491);

const SPECIAL = [0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7fc12345, 0xffd00001, 0x00000001, 0x807fffff, 0x7f7fffff, 0xff7fffff];

/** mode: 'plain' moderate values; 'special' with specials sprinkled; 'zeros' non-positive values with both zeros; 'nan' with a few NaNs. */
function fill(a: Float32Array, mode: 'plain' | 'special' | 'zeros' | 'nan'): void {
  const u = new Uint32Array(a.buffer, a.byteOffset, a.length);
  for (let i = 0; i < a.length; i++) {
    const r = rand32();
    if (mode === 'zeros') u[i] = r % 3 === 0 ? 0 : r % 3 === 1 ? 0x80000000 : (0x80000000 | (r >>> 9)) >>> 0;
    else if (mode === 'special' && r % 13 === 0) u[i] = SPECIAL[(r >>> 8) % SPECIAL.length]!;
    else if (mode === 'nan' && r % 97 === 0) u[i] = (0x7fc00000 | (r & 0x803fffff)) >>> 0;
    else a[i] = ((r / 2 ** 32) - 0.3) * 100;
  }
}

function heapRef(dtype: DTypeName, shape: number[], strides?: number[], offset = 0): TensorRef {
  const st = strides ?? contiguousStrides(shape);
  let span = 1;
  for (let i = 0; i < shape.length; i++) span += (shape[i]! - 1) * Math.abs(st[i]!);
  const buffer = backend.alloc(dtype, Math.max(offset + span, 64));
  return { buffer, dtype, shape, strides: st, offset };
}

function run(mode: 'js' | 'wasm', op: ReduceOp, x: TensorRef, dims: number, out: TensorRef): Uint32Array {
  (out.buffer as CpuBuffer).data.fill(0);
  setCpuKernels(mode);
  reduce(op, x, dims, out, 'float32');
  // read through the buffer again: a non-shared heap replaces its ArrayBuffer when it grows
  const u = new Uint32Array(new Float32Array((out.buffer as CpuBuffer).data as Float32Array).buffer);
  // NaN payloads are left out (the JS kernels' payloads depend on V8's tier): any NaN is 0x7fc00000
  for (let i = 0; i < u.length; i++) if ((u[i]! & 0x7f800000) === 0x7f800000 && (u[i]! & 0x7fffff) !== 0) u[i] = 0x7fc00000;
  return u;
}

function sameBits(a: Uint32Array, b: Uint32Array): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) expect(`${i}: ${a[i]!.toString(16)}`).toBe(`${i}: ${b[i]!.toString(16)}`);
}

/** One float32 ulp at |v|. */
function ulp32(v: number): number {
  const a = Math.abs(v);
  if (a < 2 ** -126) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(a)) - 23);
}

interface SumOrderCase {
  rows: number;
  n: number;
  seed: number;
  /** torch.sum(x, 1) and torch.sum(x) (row cases) */
  sums?: number[];
  all?: number;
  /** torch.sum(x, 0) (column cases) */
  cols?: number[];
}
const SUM_ORDER = JSON.parse(readFileSync(new URL('../fixtures/sum-order.json', import.meta.url), 'utf8')) as { cases: SumOrderCase[] };

/** tools/golden/sum_order.py's inputs: xorshift32 words u → ((u >> 8)·2⁻²³ − 1)·2^((u & 15) − 8), exact in float32. */
function sumOrderValues(seed: number, count: number, into: Float32Array): void {
  let x = seed >>> 0;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    into[i] = ((x >>> 8) * 2 ** -23 - 1) * 2 ** ((x & 15) - 8);
  }
}

interface SumOrderView {
  count: number;
  shape: number[];
  strides: number[];
  offset: number;
  dims: number[];
  seed: number;
  view: number[];
}

/** A float32 ref of `shape` over seeded values: in the heap, or (host) over a plain Float32Array the user wrapped. */
function seededRef(where: 'heap' | 'host', seed: number, count: number, pad: number): TensorRef {
  if (where === 'heap') {
    const ref = heapRef('float32', [count], undefined, pad);
    expect(heapAddress(ref)).toBeGreaterThanOrEqual(0);
    sumOrderValues(seed, count, ((ref.buffer as CpuBuffer).data as Float32Array).subarray(pad));
    return ref;
  }
  const data = new Float32Array(pad + count);
  sumOrderValues(seed, count, data.subarray(pad));
  const ref: TensorRef = { buffer: wrapHost('float32', data), dtype: 'float32', shape: [count], strides: [1], offset: pad };
  expect(heapAddress(ref)).toBe(-1);
  return ref;
}

/** Runs the sum as core does (kept dims first, then `dims` in their order) into a fresh contiguous output; its bits. */
function sumAsCore(mode: 'js' | 'wasm', base: TensorRef, shape: number[], strides: number[], offset: number, dims: number[], hostOut = false): Uint32Array {
  const kept = shape.map((_, i) => i).filter((i) => !dims.includes(i));
  const order = [...kept, ...dims];
  const x: TensorRef = { ...base, shape: order.map((i) => shape[i]!), strides: order.map((i) => strides[i]!), offset: base.offset + offset };
  const outShape = kept.map((i) => shape[i]!);
  const count = outShape.reduce((a, b) => a * b, 1);
  const out: TensorRef = hostOut
    ? { buffer: wrapHost('float32', new Float32Array(count + 2)), dtype: 'float32', shape: outShape, strides: contiguousStrides(outShape), offset: 2 }
    : heapRef('float32', outShape);
  if (hostOut) return run(mode, 'sum', x, dims.length, out).slice(2, 2 + count);
  return run(mode, 'sum', x, dims.length, out).slice(0, outShape.reduce((a, b) => a * b, 1));
}

const hex = (u: number): string => u.toString(16);

describe('float32 sums in PyTorch\'s order (both kernel modes)', () => {
  it('the WebAssembly kernels are loaded', () => {
    setCpuKernels('wasm');
    expect(wasmKernels()).not.toBeNull();
  });

  for (const mode of ['wasm', 'js'] as const) {
    for (const where of ['heap', 'host'] as const) {
      it(`${mode}, ${where} operands: bit-exact with torch.sum (one thread, AVX2) over the last dim and over everything, every size`, () => {
        for (const c of SUM_ORDER.cases) {
          if (c.sums === undefined) continue;
          for (const pad of [0, 1]) {
            const base = seededRef(where, c.seed, c.rows * c.n, pad);
            const rows = sumAsCore(mode, base, [c.rows, c.n], [c.n, 1], 0, [1]);
            expect([c.rows, c.n, Array.from(rows, hex)]).toEqual([c.rows, c.n, c.sums.map(hex)]);
            // the one-element output of a whole-tensor sum lives outside the heap, as core's do
            for (const hostOut of [false, true]) {
              const all = sumAsCore(mode, base, [c.rows, c.n], [c.n, 1], 0, [0, 1], hostOut);
              expect([c.rows, c.n, hostOut, hex(all[0]!)]).toEqual([c.rows, c.n, hostOut, hex(c.all!)]);
            }
            const rowsHost = sumAsCore(mode, base, [c.rows, c.n], [c.n, 1], 0, [1], true);
            expect([c.rows, c.n, Array.from(rowsHost, hex)]).toEqual([c.rows, c.n, c.sums.map(hex)]);
          }
        }
      }, 60_000);

      it(`${mode}, ${where} operands: bit-exact with torch.sum(x, 0) (columns)`, () => {
        for (const c of SUM_ORDER.cases) {
          if (c.cols === undefined) continue;
          const base = seededRef(where, c.seed, c.rows * c.n, 0);
          for (const hostOut of [false, true]) {
            const got = sumAsCore(mode, base, [c.rows, c.n], [c.n, 1], 0, [0], hostOut);
            expect([c.rows, c.n, hostOut, Array.from(got, hex)]).toEqual([c.rows, c.n, hostOut, c.cols.map(hex)]);
          }
        }
      }, 60_000);

      it(`${mode}, ${where} operands: bit-exact with torch.sum over strided views (stepped rows and columns, a middle dim, transposed)`, () => {
        for (const c of SUM_ORDER.cases as unknown as SumOrderView[]) {
          if (c.view === undefined) continue;
          const base = seededRef(where, c.seed, c.count, 0);
          const got = sumAsCore(mode, base, c.shape, c.strides, c.offset, c.dims);
          expect([c.shape, c.strides, c.dims, Array.from(got, hex)]).toEqual([c.shape, c.strides, c.dims, c.view.map(hex)]);
        }
      });
    }
  }
});

describe('WebAssembly float32 reductions', () => {
  it('are loaded and see heap buffers', () => {
    setCpuKernels('wasm');
    expect(wasmKernels()).not.toBeNull();
    expect(heapAddress(heapRef('float32', [100]))).toBeGreaterThanOrEqual(0);
  });

  const shapes: [number, number][] = [[1, 64], [1, 65], [1, 100003], [3, 17], [16, 16], [7, 333], [200, 9], [2, 4096]];

  for (const op of ['max', 'min'] as const) {
    it(`${op} over the last dim and over everything: bit-identical (NaN propagation, signed zeros)`, () => {
      for (const [M, N] of shapes) {
        for (const mode of ['plain', 'special', 'zeros', 'nan'] as const) {
          for (const offset of [0, 1]) {
            const x = heapRef('float32', [M, N], undefined, offset);
            fill((x.buffer as CpuBuffer).data as Float32Array, mode);
            const out = heapRef('float32', [M]);
            sameBits(run('wasm', op, x, 1, out), run('js', op, x, 1, out));
            const all = heapRef('float32', []);
            sameBits(run('wasm', op, x, 2, all), run('js', op, x, 2, all));
            // outputs outside the heap (a one-element result) go through heap scratch
            const hostAll: TensorRef = { buffer: wrapHost('float32', new Float32Array(3)), dtype: 'float32', shape: [], strides: [], offset: 1 };
            sameBits(run('wasm', op, x, 2, hostAll), run('js', op, x, 2, hostAll));
            const hostRows: TensorRef = { buffer: wrapHost('float32', new Float32Array(M + 1)), dtype: 'float32', shape: [M], strides: [1], offset: 1 };
            sameBits(run('wasm', op, x, 1, hostRows), run('js', op, x, 1, hostRows));
          }
        }
      }
    });
  }

  for (const op of ['max', 'min'] as const) {
    it(`${op} over the first dim of a matrix ([M, N] → [N], columns): bit-identical (NaN propagation, signed zeros), heap and host outputs`, () => {
      const colShapes: [number, number][] = [[64, 2], [9, 8], [33, 7], [5, 16], [100, 17], [3, 37], [200, 64], [17, 100], [1000, 5], [2, 333]];
      for (const [M, N] of colShapes) {
        for (const mode of ['plain', 'special', 'zeros', 'nan'] as const) {
          for (const [rowStride, offset] of [[N, 0], [N + 3, 1]] as const) {
            const base = heapRef('float32', [M, rowStride], undefined, offset);
            fill((base.buffer as CpuBuffer).data as Float32Array, mode);
            // x is base's first N columns viewed as [N, M] (strides [1, rowStride]), reducing its last dim
            const x: TensorRef = { ...base, shape: [N, M], strides: [1, rowStride] };
            const out = heapRef('float32', [N]);
            sameBits(run('wasm', op, x, 1, out), run('js', op, x, 1, out));
            const host: TensorRef = { buffer: wrapHost('float32', new Float32Array(N + 2)), dtype: 'float32', shape: [N], strides: [1], offset: 2 };
            sameBits(run('wasm', op, x, 1, host), run('js', op, x, 1, host));
          }
        }
      }
    });
  }

  it('sum over the first dim of a matrix ([M, N] → [N], a transposed view): within the float32 summation error bound of the JS kernel', () => {
    for (const [M, N] of shapes) {
      for (const mode of ['plain', 'special', 'nan'] as const) {
        const base = heapRef('float32', [M, N]);
        fill((base.buffer as CpuBuffer).data as Float32Array, mode);
        // x is base viewed as [N, M] (strides [1, N]), reducing its last dim
        const x: TensorRef = { ...base, shape: [N, M], strides: [1, N] };
        const out = heapRef('float32', [N]);
        const js = new Float32Array(run('js', 'sum', x, 1, out).buffer);
        const wasm = new Float32Array(run('wasm', 'sum', x, 1, out).buffer);
        const X = (base.buffer as CpuBuffer).data as Float32Array;
        for (let j = 0; j < N; j++) {
          if (!Number.isFinite(js[j]!)) {
            expect(wasm[j]).toBe(js[j]);
            continue;
          }
          let abs = 0;
          for (let r = 0; r < M; r++) abs += Math.abs(X[r * N + j]!);
          expect(Math.abs(wasm[j]! - js[j]!)).toBeLessThanOrEqual(M * 2 ** -24 * abs + ulp32(js[j]!));
        }
      }
    }
  }, 60_000);

  it('sum over the last dim and over everything: within the float32 summation error bound (n·2⁻²⁴·Σ|x|, plus one ulp) of the JS kernel, NaN/Inf where it has them', () => {
    for (const [M, N] of shapes) {
      for (const mode of ['plain', 'special'] as const) {
        for (const offset of [0, 3]) {
          const x = heapRef('float32', [M, N], undefined, offset);
          fill((x.buffer as CpuBuffer).data as Float32Array, mode);
          const absSum = (from: number, n: number): number => {
            const X = (x.buffer as CpuBuffer).data as Float32Array; // fresh: the heap may have grown
            let t = 0;
            for (let k = 0; k < n; k++) t += Math.abs(X[offset + from + k]!);
            return t;
          };
          for (const [dims, out] of [[1, heapRef('float32', [M])], [2, heapRef('float32', [])]] as const) {
            const js = run('js', 'sum', x, dims, out);
            const wasm = run('wasm', 'sum', x, dims, out);
            const len = dims === 1 ? N : M * N;
            for (let i = 0; i < (dims === 1 ? M : 1); i++) {
              const a = new Float32Array(new Uint32Array([js[i]!]).buffer)[0]!;
              const b = new Float32Array(new Uint32Array([wasm[i]!]).buffer)[0]!;
              if (Number.isNaN(a) || !Number.isFinite(a)) {
                expect(Number.isNaN(b) ? NaN : b).toBe(Number.isNaN(a) ? NaN : a);
                continue;
              }
              const bound = len * 2 ** -24 * absSum(i * len, len) + ulp32(a);
              expect(Math.abs(a - b)).toBeLessThanOrEqual(bound);
            }
          }
        }
      }
    }
  });

  it('mean-style and other layouts fall back consistently (a strided row)', () => {
    const base = heapRef('float32', [10, 40]);
    fill((base.buffer as CpuBuffer).data as Float32Array, 'plain');
    const x: TensorRef = { ...base, shape: [10, 20], strides: [40, 2] };
    const out = heapRef('float32', [10]);
    for (const op of ['sum', 'max', 'min'] as const) expect(run('wasm', op, x, 1, out)).toEqual(run('js', op, x, 1, out));
  });
});
