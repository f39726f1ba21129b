// The WebAssembly float32 GEMM (assembly/gemm.ts) against a float64 reference, directly
// (every size from 1, element strides for transposed / gapped / offset operands, the
// accumulate flag, K = 0, cache-block edges) and through the backend's matmul (batches,
// broadcast batches, the JavaScript fallback for small products and non-heap operands).
// float32 accumulation: each result must be within (K + 2)·2⁻²⁴·Σ|a·b| (plus |C₀|·2⁻²⁴
// when accumulating) of the exact sum; an indexing or packing bug is off by far more.
// The relaxed-SIMD (FMA) build: GEMM_EXPECT_RELAXED=1 node --experimental-wasm-relaxed-simd
// <vitest.mjs> run src/matmul-wasm.test.ts --pool=threads (the first test then checks it is the one loaded).
import type { TensorRef } from '@antorcha/core';
import { contiguousStrides } from '@antorcha/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createCpuBackend } from './index.js';
import type { CpuBuffer } from './memory.js';
import { heapAlloc, heapAddress, heapFree, heapView, setCpuKernels, wasmInfo, wasmKernels } from './wasm/runtime.js';

const backend = createCpuBackend();
afterAll(() => setCpuKernels('wasm'));

interface GemmKernels {
  sgemm(M: number, N: number, K: number, a: number, am: number, ak: number, b: number, bk: number, bn: number, c: number, ldc: number, accumulate: number, scratch: number): void;
  sgemmScratchBytes(M: number, N: number, K: number): number;
}

let seed = 0x9e3779b9;
function rand(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
}

/** A heap block of `n` float32 values filled by `f` (address, and a reader of the current contents). */
function block(n: number, f: (i: number) => number): { address: number; read: () => Float32Array } {
  const address = heapAlloc(Math.max(4 * n, 16));
  expect(address).toBeGreaterThanOrEqual(0);
  const v = heapView('float32', address, n) as Float32Array;
  for (let i = 0; i < n; i++) v[i] = f(i);
  return { address, read: () => new Float32Array(heapView('float32', address, n) as Float32Array) };
}

/** Strides of an R×C operand stored row-major ('n'), column-major ('t') or with gaps ('g'); span = elements it covers. */
function layout(kind: 'n' | 't' | 'g', R: number, C: number): { rs: number; cs: number; span: number } {
  if (kind === 'n') return { rs: C, cs: 1, span: R * C };
  if (kind === 't') return { rs: 1, cs: R, span: R * C };
  return { rs: 2 * C + 3, cs: 2, span: Math.max(1, (R - 1) * (2 * C + 3) + 2 * (C - 1) + 1) };
}

/**
 * Runs sgemm on random operands with the given layouts and checks every element of C
 * (and that the gaps of C's rows are untouched).
 */
function check(M: number, N: number, K: number, ka: 'n' | 't' | 'g', kb: 'n' | 't' | 'g', accumulate: boolean, off = 0, ldcGap = 0): void {
  const W = wasmKernels() as unknown as GemmKernels;
  const la = layout(ka, M, K), lb = layout(kb, K, N);
  const A = block(la.span + off, () => rand() * 2 - 1);
  const B = block(lb.span + off, () => rand() * 2 - 1);
  const ldc = N + ldcGap;
  const C0 = Array.from({ length: M * ldc + off }, () => Math.fround(rand() * 4 - 2));
  const C = block(M * ldc + off, (i) => (accumulate || (i - off) % ldc >= N || i < off ? C0[i]! : NaN));
  const S = block(W.sgemmScratchBytes(M, N, K) / 4 + 1, () => 0);
  W.sgemm(M, N, K, A.address + 4 * off, la.rs, la.cs, B.address + 4 * off, lb.rs, lb.cs, C.address + 4 * off, ldc, accumulate ? 1 : 0, S.address);
  const a = A.read(), b = B.read(), c = C.read();
  for (let i = 0; i < M; i++)
    for (let j = 0; j < ldc; j++) {
      const got = c[off + i * ldc + j]!;
      if (j >= N) {
        if (!Object.is(got, C0[off + i * ldc + j])) expect({ M, N, K, i, j, gap: got }).toEqual({ M, N, K, i, j, gap: C0[off + i * ldc + j] });
        continue;
      }
      let s = 0, abs = 0;
      for (let k = 0; k < K; k++) {
        const p = a[off + i * la.rs + k * la.cs]! * b[off + k * lb.rs + j * lb.cs]!;
        s += p;
        abs += Math.abs(p);
      }
      const c0 = accumulate ? C0[off + i * ldc + j]! : 0;
      const bound = (K + 2) * 2 ** -24 * abs + (accumulate ? 2 ** -23 * (Math.abs(c0) + abs) : 0) + 1e-30;
      if (!(Math.abs(got - (c0 + s)) <= bound)) {
        expect({ M, N, K, ka, kb, accumulate, off, ldcGap, i, j, got }).toEqual({ M, N, K, ka, kb, accumulate, off, ldcGap, i, j, got: c0 + s });
      }
    }
  for (const x of [A, B, C, S]) heapFree(x.address);
}

describe('WebAssembly sgemm kernel', () => {
  it('is loaded', () => {
    if (process.env.GEMM_EXPECT_RELAXED) expect(wasmInfo().relaxedSimd).toBe(true);
    setCpuKernels('wasm');
    expect(typeof (wasmKernels() as unknown as GemmKernels | null)?.sgemm).toBe('function');
  });

  it('every M, N in 1..17 (edge tiles on both sides), small K, all layouts', () => {
    for (let M = 1; M <= 17; M++)
      for (let N = 1; N <= 17; N++) {
        const K = 1 + ((M * 7 + N * 3) % 9);
        const kinds = ['n', 't', 'g'] as const;
        check(M, N, K, kinds[(M + N) % 3]!, kinds[(M * N) % 3]!, (M + N) % 2 === 0, (M * N) % 3, N % 4 === 0 ? 5 : 0);
      }
  });

  it('random odd sizes up to 70, transposed and gapped operands, offsets, both modes', () => {
    const kinds = ['n', 't', 'g'] as const;
    for (let t = 0; t < 120; t++) {
      const M = 1 + Math.floor(rand() * 70), N = 1 + Math.floor(rand() * 70), K = 1 + Math.floor(rand() * 70);
      check(M, N, K, kinds[t % 3]!, kinds[Math.floor(t / 3) % 3]!, t % 2 === 1, t % 4, t % 5 === 0 ? 3 : 0);
    }
  });

  it('across cache blocks (K > 512, M > 60, N > 1024)', () => {
    check(7, 9, 1100, 'n', 'n', false);
    check(11, 13, 513, 't', 'g', true, 1);
    check(131, 17, 37, 'n', 't', false, 2, 1);
    check(243, 19, 600, 'g', 'n', true);
    check(6, 1030, 5, 'n', 'n', false, 0, 2);
    check(3, 1037, 520, 't', 't', true, 3);
  });

  it('K = 0: writes zeros, or leaves C as it was when accumulating; M or N = 0 writes nothing', () => {
    const W = wasmKernels() as unknown as GemmKernels;
    const C = block(24, () => 7);
    W.sgemm(4, 5, 0, 0, 0, 0, 0, 0, 0, C.address, 6, 1, 0);
    expect(Array.from(C.read())).toEqual(Array(24).fill(7));
    W.sgemm(4, 5, 0, 0, 0, 0, 0, 0, 0, C.address, 6, 0, 0);
    expect(Array.from(C.read())).toEqual(Array.from({ length: 24 }, (_, i) => (i % 6 < 5 && i < 24 ? 0 : 7)));
    const D = block(4, () => 3);
    W.sgemm(0, 5, 3, 0, 0, 0, 0, 0, 0, D.address, 5, 0, 0);
    W.sgemm(5, 0, 3, 0, 0, 0, 0, 0, 0, D.address, 5, 0, 0);
    expect(Array.from(D.read())).toEqual([3, 3, 3, 3]);
    expect(W.sgemmScratchBytes(4, 5, 0)).toBe(0);
    heapFree(C.address);
    heapFree(D.address);
  });

  it('propagates NaN and ±Inf like the exact sum (zero padding of edge tiles adds none)', () => {
    const W = wasmKernels() as unknown as GemmKernels;
    const [M, N, K] = [7, 11, 5];
    const a = Array.from({ length: M * K }, () => rand() - 0.5), b = Array.from({ length: K * N }, () => rand() - 0.5);
    a[2 * K + 1] = NaN;
    a[6 * K + 3] = Infinity;
    b[4 * N + 10] = -Infinity;
    const A = block(M * K, (i) => a[i]!), B = block(K * N, (i) => b[i]!), C = block(M * N, () => 0);
    const S = block(W.sgemmScratchBytes(M, N, K) / 4 + 1, () => 0);
    W.sgemm(M, N, K, A.address, K, 1, B.address, N, 1, C.address, N, 0, S.address);
    const c = C.read();
    const af = Float32Array.from(a), bf = Float32Array.from(b);
    for (let i = 0; i < M; i++)
      for (let j = 0; j < N; j++) {
        let s = 0;
        for (let k = 0; k < K; k++) s += af[i * K + k]! * bf[k * N + j]!;
        if (Number.isFinite(s)) expect(Number.isFinite(c[i * N + j]!)).toBe(true);
        else expect(c[i * N + j]).toBe(s);
      }
    for (const x of [A, B, C, S]) heapFree(x.address);
  });
});

function heapRef(shape: number[], strides?: number[], offset = 0): TensorRef {
  const st = strides ?? contiguousStrides(shape);
  let span = 1;
  for (let i = 0; i < shape.length; i++) span += (shape[i]! - 1) * Math.abs(st[i]!);
  const buffer = backend.alloc('float32', Math.max(offset + span, 64));
  const d = (buffer as CpuBuffer).data as Float32Array;
  for (let i = 0; i < d.length; i++) d[i] = rand() * 2 - 1;
  return { buffer, dtype: 'float32', shape, strides: st, offset };
}

/** The backend's matmul in `mode` into a fresh [B, M, N] heap output. */
function run(mode: 'js' | 'wasm', a: TensorRef, b: TensorRef): Float32Array {
  const [B, M] = a.shape as [number, number], N = b.shape[2]!;
  const out = heapRef([B, M, N]);
  setCpuKernels(mode);
  backend.matmul(a, b, out, 'float32');
  setCpuKernels('wasm');
  return new Float32Array((out.buffer as CpuBuffer).data as Float32Array);
}

/** |wasm − js| within float32 accumulation error of the (float64-accumulated) JS result. */
function agree(a: TensorRef, b: TensorRef): void {
  const [B, M, K] = a.shape as [number, number, number], N = b.shape[2]!;
  const js = run('js', a, b), wasm = run('wasm', a, b);
  const A = (a.buffer as CpuBuffer).data as Float32Array, Bd = (b.buffer as CpuBuffer).data as Float32Array;
  for (let t = 0; t < B; t++)
    for (let i = 0; i < M; i++)
      for (let j = 0; j < N; j++) {
        let abs = 0;
        for (let k = 0; k < K; k++) {
          abs += Math.abs(A[a.offset + t * a.strides[0]! + i * a.strides[1]! + k * a.strides[2]!]! * Bd[b.offset + t * b.strides[0]! + k * b.strides[1]! + j * b.strides[2]!]!);
        }
        const o = (t * M + i) * N + j;
        if (!(Math.abs(wasm[o]! - js[o]!) <= (K + 3) * 2 ** -24 * abs + 1e-30)) expect({ t, i, j, wasm: wasm[o] }).toEqual({ t, i, j, wasm: js[o] });
      }
}

describe('backend matmul through the WebAssembly GEMM', () => {
  it('operands in the heap (heapAddress ≥ 0)', () => {
    expect(heapAddress(heapRef([1, 20, 20]))).toBeGreaterThanOrEqual(0);
  });

  it('agrees with the JavaScript kernel: plain, transposed a or b, offsets, batches', () => {
    for (const [B, M, K, N] of [[1, 33, 45, 27], [3, 21, 19, 23], [2, 64, 70, 5], [1, 5, 300, 70], [4, 17, 1, 300]] as const) {
      agree(heapRef([B, M, K]), heapRef([B, K, N]));
      agree(heapRef([B, M, K], [M * K, 1, M]), heapRef([B, K, N], [K * N, 1, K], 3));
      agree(heapRef([B, M, K], [2 * M * K + 1, 2 * K, 1], 5), heapRef([B, K, N], [K * N, N, 1], 1));
    }
  });

  it('broadcast batches: b shared (merged into one taller product) and a shared (looped)', () => {
    const [B, M, K, N] = [3, 17, 29, 31];
    agree(heapRef([B, M, K]), heapRef([B, K, N], [0, N, 1]));
    agree(heapRef([B, M, K], [0, K, 1]), heapRef([B, K, N]));
    agree(heapRef([B, M, K], [0, 1, M]), heapRef([B, K, N], [0, 1, K]));
  });

  it('operands or output outside the heap (host arrays, an expanded scalar, strided output rows) go through heap copies', () => {
    const [B, M, K, N] = [2, 19, 37, 23];
    const host = (shape: number[], strides?: number[]): TensorRef => {
      const st = strides ?? contiguousStrides(shape);
      let span = 1;
      for (let i = 0; i < shape.length; i++) span += (shape[i]! - 1) * st[i]!;
      const data = new Float32Array(span).map(() => rand() * 2 - 1);
      const buffer = backend.wrapHost!('float32', data);
      return { buffer, dtype: 'float32', shape, strides: st, offset: 0 };
    };
    const a = host([B, M, K]), b = host([B, K, N], [K * N, 1, K]);
    expect(heapAddress(a)).toBe(-1);
    agree(a, b);
    agree(heapRef([B, M, K]), host([B, K, N], [0, 0, 0]));
    agree(host([B, M, K], [0, K, 1]), heapRef([B, K, N]));
    // output with strided rows (a permuted [B, M, N] view): staged and copied out
    const out: TensorRef = { ...heapRef([N, B, M]), shape: [B, M, N], strides: [M, 1, B * M] };
    const x = heapRef([B, M, K]), y = heapRef([B, K, N]);
    const want = run('js', x, y);
    backend.matmul(x, y, out, 'float32');
    const O = (out.buffer as CpuBuffer).data as Float32Array;
    for (let t = 0; t < B; t++)
      for (let i = 0; i < M; i++)
        for (let j = 0; j < N; j++) expect(Math.abs(O[t * M + i + j * B * M]! - want[(t * M + i) * N + j]!)).toBeLessThan(K * 2 ** -22);
  });

  it('K = 0 writes zeros', () => {
    const out = heapRef([1, 70, 80]);
    backend.matmul(heapRef([1, 70, 0]), heapRef([1, 0, 80]), out, 'float32');
    expect(((out.buffer as CpuBuffer).data as Float32Array).slice(0, 70 * 80).every((v) => v === 0)).toBe(true);
  });
});

describe('matmul on the worker pool', () => {
  it('splits large products over the threads by tile rows or tile columns: bits equal to one thread', async () => {
    const { getNumThreads, setNumThreads } = await import('@antorcha/core');
    const { poolThreads } = await import('./wasm/pool.js');
    const before = getNumThreads();
    setNumThreads(2);
    try {
      for (let i = 0; i < 500 && poolThreads() < 2; i++) await new Promise((r) => setTimeout(r, 10));
      expect(poolThreads()).toBe(2);
      // rows split where M ≥ N, columns where N > M (the 64-row products of a small MLP)
      for (const [M, N, K] of [[256, 128, 784], [203, 197, 300], [64, 784, 128], [129, 257, 257], [37, 1001, 300]] as const) {
        const ref = (shape: number[], f: () => number): TensorRef => {
          const n = shape.reduce((p, d) => p * d, 1);
          const buffer = backend.alloc('float32', n) as CpuBuffer;
          const d = buffer.data as Float32Array;
          for (let i = 0; i < n; i++) d[i] = f();
          return { buffer, dtype: 'float32', shape, strides: contiguousStrides(shape), offset: 0 };
        };
        const a = ref([1, M, K], () => rand() - 0.5), b = ref([1, K, N], () => rand() - 0.5);
        const run = (threads: number): Float32Array => {
          setNumThreads(threads);
          const out = ref([1, M, N], () => 0);
          backend.matmul(a, b, out, 'float32');
          return new Float32Array((out.buffer as CpuBuffer).data as Float32Array);
        };
        const one = run(1), two = run(2);
        expect(M * N * K).toBeGreaterThanOrEqual(1 << 22);
        expect(Buffer.from(two.buffer).equals(Buffer.from(one.buffer))).toBe(true);
      }
    } finally {
      setNumThreads(before);
    }
  });
});
