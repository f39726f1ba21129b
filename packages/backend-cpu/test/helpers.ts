/**
 * Test helpers: build TensorRefs with chosen memory layouts over the same logical
 * values, read views back in logical order, and load the PyTorch fixtures.
 */
import { readFileSync } from 'node:fs';
import { allocHost, castScalar, contiguousStrides, numelOf } from '@antorcha/core';
import type { DTypeName, TensorRef } from '@antorcha/core';
import { createCpuBackend } from '../src/index.js';
import { CpuBuffer } from '../src/memory.js';

/** The backend under test. */
export const be = createCpuBackend();

/** All dtypes the backend stores. */
export const DTYPES: DTypeName[] = ['float32', 'float64', 'int32', 'int64', 'uint8', 'bool'];

/** How a view's elements are laid out in its buffer. */
export type LayoutKind = 'contiguous' | 'offset' | 'gapped' | 'permuted';
/** Every layout kind. */
export const LAYOUTS: LayoutKind[] = ['contiguous', 'offset', 'gapped', 'permuted'];

export { contiguousStrides, numelOf };

/** Logical (row-major) coordinates of flat index i. */
export function coords(i: number, shape: readonly number[]): number[] {
  const c = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    c[d] = i % shape[d];
    i = Math.floor(i / shape[d]);
  }
  return c;
}

/** A view of `dtype` with `shape` holding `values` (row-major, cast to dtype) in the given layout. */
export function view(dtype: DTypeName, shape: readonly number[], values: readonly number[], layout: LayoutKind = 'contiguous'): TensorRef {
  const n = numelOf(shape);
  const nd = shape.length;
  let strides: number[];
  let offset = 0;
  let size = n;
  switch (layout) {
    case 'contiguous':
      strides = contiguousStrides(shape);
      break;
    case 'offset':
      strides = contiguousStrides(shape);
      offset = 3;
      size = n + 5;
      break;
    case 'gapped':
      // every dim strided by twice its contiguous stride, plus an offset
      strides = contiguousStrides(shape).map((s) => 2 * s);
      offset = 1;
      size = 2 * n + 2;
      break;
    case 'permuted': {
      // memory order is the reversed dim order (a transpose for 2-D)
      const perm = [...Array(nd).keys()].reverse();
      const phys = contiguousStrides(perm.map((d) => shape[d]));
      strides = new Array<number>(nd);
      perm.forEach((d, i) => (strides[d] = phys[i]));
      break;
    }
  }
  const data = allocHost(dtype, Math.max(size, 1));
  // poison the gaps so reading them would show
  data.fill(castScalar(99, dtype));
  for (let i = 0; i < n; i++) {
    const c = coords(i, shape);
    let o = offset;
    for (let d = 0; d < nd; d++) o += c[d] * strides[d];
    data[o] = castScalar(values[i], dtype);
  }
  return { buffer: new CpuBuffer(dtype, data), dtype, shape: [...shape], strides, offset };
}

/**
 * A broadcast view: `small` has `smallShape` (1 where `shape` broadcasts), stored
 * contiguously; broadcast dims get stride 0. Returns the view and its logical values.
 */
export function broadcastView(dtype: DTypeName, shape: readonly number[], smallShape: readonly number[], small: readonly number[]): { ref: TensorRef; values: number[] } {
  const ss = contiguousStrides(smallShape);
  const strides = shape.map((d, i) => (smallShape[i] === 1 && d !== 1 ? 0 : ss[i]));
  const data = allocHost(dtype, small.length);
  small.forEach((v, i) => (data[i] = castScalar(v, dtype)));
  const ref: TensorRef = { buffer: new CpuBuffer(dtype, data), dtype, shape: [...shape], strides, offset: 0 };
  return { ref, values: read(ref) };
}

/** An output view (zero-filled) in the given layout. */
export function output(dtype: DTypeName, shape: readonly number[], layout: LayoutKind = 'contiguous'): TensorRef {
  return view(dtype, shape, new Array(numelOf(shape)).fill(0), layout);
}

/** The view's elements in logical row-major order. */
export function read(ref: TensorRef): number[] {
  const data = (ref.buffer as CpuBuffer).data;
  const n = numelOf(ref.shape);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = coords(i, ref.shape);
    let o = ref.offset;
    for (let d = 0; d < c.length; d++) o += c[d] * ref.strides[d];
    out.push(data[o]);
  }
  return out;
}

/** Deterministic pseudo-random numbers in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A deterministic xorshift32 generator of uint32 values (all bit patterns, for bit-level tests). */
export function xorshift32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

/** n sample values suited to dtype (signed floats with a few specials, ints in range). */
export function sample(dtype: DTypeName, n: number, seed = 1, specials = false): number[] {
  const r = rng(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let v = 0;
    switch (dtype) {
      case 'float32':
      case 'float64':
        v = (r() - 0.5) * 8;
        break;
      case 'int32':
      case 'int64':
        v = Math.floor((r() - 0.5) * 200);
        break;
      case 'uint8':
        v = Math.floor(r() * 256);
        break;
      case 'bool':
        v = r() < 0.5 ? 1 : 0;
        break;
    }
    out.push(castScalar(v, dtype));
  }
  if (specials && (dtype === 'float32' || dtype === 'float64')) {
    const sp = [NaN, Infinity, -Infinity, -0, 0];
    for (let i = 0; i < sp.length && i < n; i++) out[(i * 7) % n] = sp[i];
  }
  return out;
}

/** Decodes a fixture value ('nan', 'inf', '-inf', '-0' or a number). */
export function dec(v: number | string): number {
  if (typeof v === 'number') return v;
  return v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : Number(v);
}

/** One PyTorch fact from fixtures/kernels.json. */
export interface GoldenCase {
  kind: string;
  op: string;
  dtype: DTypeName;
  inputs: (number | string)[][];
  shape: number[];
  out: (number | string)[];
  indices?: (number | string)[];
  params?: { a?: number; b?: number };
  descending?: boolean;
  dst?: DTypeName;
  /** A scalar second operand (binary ops). */
  scalar?: number;
}

/** The fixtures written by tools/golden/cpu_kernels.py. */
export function golden(): GoldenCase[] {
  const url = new URL('./fixtures/kernels.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: GoldenCase[] }).cases;
}

/** Whether two numbers are equal, NaN equal to NaN and −0 distinct from +0. */
export function same(a: number, b: number): boolean {
  return Object.is(a, b);
}

/** Relative closeness with NaN/inf handled (NaN matches NaN, inf must match exactly). */
export function close(a: number, b: number, rtol: number, atol = 0): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}
