import type { DTypeName, TensorRef } from '@antorcha/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { be, close, type LayoutKind, numelOf, output, read, sample, view } from '../test/helpers.js';
import { isFloat, roundFloat, wrapInt } from '../test/reference.js';
import { setCpuKernels } from './wasm/runtime.js';

/** Naive batched product over logical values: double sums in k order, exact BigInt for integers. */
function refMatmul(a: number[], b: number[], B: number, M: number, K: number, N: number, cd: DTypeName): number[] {
  const out: number[] = [];
  for (let t = 0; t < B; t++)
    for (let i = 0; i < M; i++)
      for (let j = 0; j < N; j++) {
        if (isFloat(cd)) {
          let s = 0;
          for (let k = 0; k < K; k++) s += a[(t * M + i) * K + k] * b[(t * K + k) * N + j];
          out.push(roundFloat(s, cd));
        } else {
          let s = 0n;
          for (let k = 0; k < K; k++) s += BigInt(a[(t * M + i) * K + k]) * BigInt(b[(t * K + k) * N + j]);
          out.push(wrapInt(s, cd));
        }
      }
  return out;
}

/** A [B, R, C] view whose last two dims are stored transposed (column-major per batch). */
function transposed(dt: DTypeName, shape: number[], values: number[]): TensorRef {
  const [B, R, C] = shape;
  const phys = view(dt, [B, C, R], Array.from({ length: B * C * R }, (_, f) => {
    const t = Math.floor(f / (C * R)), c = Math.floor(f / R) % C, r = f % R;
    return values[(t * R + r) * C + c];
  }));
  return { ...phys, shape: [B, R, C], strides: [C * R, 1, R] };
}

type Kind = LayoutKind | 'transposed';
function mk(dt: DTypeName, shape: number[], values: number[], kind: Kind): TensorRef {
  return kind === 'transposed' ? transposed(dt, shape, values) : view(dt, shape, values, kind);
}

const CASES: [number, number, number, number][] = [[2, 3, 4, 5], [1, 1, 7, 1], [2, 21, 19, 23], [3, 16, 16, 16], [1, 37, 5, 41], [2, 0, 3, 4], [1, 2, 0, 3]];
const KINDS: [Kind, Kind, LayoutKind][] = [['contiguous', 'contiguous', 'contiguous'], ['transposed', 'gapped', 'contiguous'], ['gapped', 'transposed', 'permuted'], ['offset', 'offset', 'gapped']];

// The JavaScript kernels (float32 products of heap or host operands run the WebAssembly
// GEMM in 'wasm' mode, checked in matmul-wasm.test.ts).
describe('matmul: dtypes, layouts, sizes (small loop and packed GEMM, edge tiles)', () => {
  beforeAll(() => setCpuKernels('js'));
  afterAll(() => setCpuKernels('wasm'));
  for (const cd of ['float32', 'float64', 'int32', 'int64', 'uint8', 'bool'] as DTypeName[]) {
    it(cd, () => {
      for (const [B, M, K, N] of CASES) {
        let av = sample(cd, B * M * K, 21), bv = sample(cd, B * K * N, 22);
        if (cd === 'int32') {
          av = av.map((v, i) => (i % 5 === 0 ? 2 ** 30 + v : v));
          bv = bv.map((v, i) => (i % 7 === 0 ? 2 ** 20 - v : v));
        }
        const want = refMatmul(av, bv, B, M, K, N, cd);
        for (const [ka, kb, ko] of KINDS) {
          const out = output(cd, [B, M, N], ko);
          be.matmul(mk(cd, [B, M, K], av, ka), mk(cd, [B, K, N], bv, kb), out, cd);
          const got = read(out);
          const bad = got.findIndex((g, i) => !close(g, want[i], 0));
          if (bad >= 0) expect({ B, M, K, N, ka, kb, bad, got: got[bad] }).toEqual({ B, M, K, N, ka, kb, bad, got: want[bad] });
        }
      }
    });
  }

  it('long K (several cache blocks) stays within float64 rounding of the exact sum', () => {
    const [B, M, K, N] = [1, 9, 700, 6];
    const av = sample('float64', M * K, 31), bv = sample('float64', K * N, 32);
    const want = refMatmul(av, bv, B, M, K, N, 'float64');
    const out = output('float32', [B, M, N]);
    be.matmul(view('float32', [B, M, K], av), view('float32', [B, K, N], bv), out, 'float32');
    const wantF32 = refMatmul(av.map(Math.fround), bv.map(Math.fround), B, M, K, N, 'float32');
    read(out).forEach((g, i) => expect(close(g, wantF32[i], 2e-7, 1e-6)).toBe(true));
    const o64 = output('float64', [B, M, N]);
    be.matmul(view('float64', [B, M, K], av), view('float64', [B, K, N], bv), o64, 'float64');
    read(o64).forEach((g, i) => expect(close(g, want[i], 1e-13, 1e-13)).toBe(true));
  });

  it('broadcasts a batch with stride 0 (and merges it into rows when possible)', () => {
    const [B, M, K, N] = [3, 5, 6, 7];
    const av = sample('float64', B * M * K, 41), bv = sample('float64', K * N, 42);
    const b: TensorRef = { ...view('float64', [1, K, N], bv), shape: [B, K, N], strides: [0, N, 1] };
    const want = refMatmul(av, [...bv, ...bv, ...bv], B, M, K, N, 'float64');
    const out = output('float64', [B, M, N]);
    be.matmul(view('float64', [B, M, K], av), b, out, 'float64');
    expect(read(out)).toEqual(want);
    // broadcast a instead, output not stackable
    const a: TensorRef = { ...view('float64', [1, M, K], av.slice(0, M * K)), shape: [B, M, K], strides: [0, K, 1] };
    const bv3 = sample('float64', B * K * N, 43);
    const out2 = output('float64', [B, M, N], 'permuted');
    be.matmul(a, view('float64', [B, K, N], bv3), out2, 'float64');
    expect(read(out2)).toEqual(refMatmul([...av.slice(0, M * K), ...av.slice(0, M * K), ...av.slice(0, M * K)], bv3, B, M, K, N, 'float64'));
  });

  it('propagates NaN and inf, and fills zeros for K = 0', () => {
    const a = view('float32', [1, 2, 2], [NaN, 1, 0, 1]);
    const b = view('float32', [1, 2, 2], [0, 1, Infinity, 2]);
    const out = output('float32', [1, 2, 2]);
    be.matmul(a, b, out, 'float32');
    const got = read(out);
    expect(Number.isNaN(got[0]) && Number.isNaN(got[1])).toBe(true);
    expect(got.slice(2)).toEqual([Infinity, 2]);
    const o = view('float32', [1, 2, 3], [9, 9, 9, 9, 9, 9]);
    be.matmul(output('float32', [1, 2, 0]), output('float32', [1, 0, 3]), o, 'float32');
    expect(read(o)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('rounds to the compute dtype before casting to another output dtype', () => {
    const out = output('float64', [1, 1, 1]);
    be.matmul(view('float32', [1, 1, 2], [1, 1]), view('float32', [1, 2, 1], [1, 1e-8]), out, 'float32');
    expect(read(out)).toEqual([1]);
    expect(numelOf([1])).toBe(1);
  });
});
