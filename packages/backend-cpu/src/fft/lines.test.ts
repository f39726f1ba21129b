import { afterAll, describe, expect, it } from 'vitest';
import { heapAlloc, heapFree, heapView, setCpuKernels } from '../wasm/runtime.js';
import { c2cAxis, c2rAxis, r2cAxis, type FloatArrayND } from './lines.js';
import { root } from './plan.js';

let seed = 12345;
function rand(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32 - 0.5;
}

const blocks: number[] = [];
afterAll(() => {
  for (const b of blocks) heapFree(b);
  setCpuKernels('wasm');
});

/**
 * A strided array of `shape` (complex: pairs) with a gap of 3 floats after every element
 * along the last dim and an offset of 5, in the heap or in a plain typed array.
 */
function make(shape: number[], complex: boolean, f32: boolean, heap: boolean): FloatArrayND {
  const w = complex ? 2 : 1;
  const strides = new Array<number>(shape.length);
  let s = w + 3;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d]!;
  }
  const len = 5 + s;
  let data: Float32Array | Float64Array, address = -1;
  if (heap) {
    address = heapAlloc(len * (f32 ? 4 : 8));
    expect(address).toBeGreaterThanOrEqual(0);
    blocks.push(address);
    data = heapView(f32 ? 'float32' : 'float64', address, len) as Float32Array | Float64Array;
  } else data = f32 ? new Float32Array(len) : new Float64Array(len);
  for (let i = 0; i < len; i++) data[i] = rand();
  return { data, address, offset: 5, shape, strides, complex };
}

/** Element (re, im) at a multi-index. */
function at(a: FloatArrayND, idx: number[]): [number, number] {
  let p = a.offset;
  idx.forEach((v, d) => (p += v * a.strides[d]!));
  return [a.data[p]!, a.complex ? a.data[p + 1]! : 0];
}

/** Lines along `axis` as arrays of [re, im], keyed by the other indices. */
function lines(a: FloatArrayND, axis: number, count = a.shape[axis]!): [number, number][][] {
  const out: [number, number][][] = [];
  const other = a.shape.map((n, d) => (d === axis ? 1 : n));
  const total = other.reduce((x, y) => x * y, 1);
  for (let t = 0; t < total; t++) {
    const idx: number[] = [];
    let r = t;
    for (let d = other.length - 1; d >= 0; d--) {
      idx[d] = r % other[d]!;
      r = Math.floor(r / other[d]!);
    }
    const line: [number, number][] = [];
    for (let k = 0; k < count; k++) {
      idx[axis] = k;
      line.push(at(a, idx));
    }
    out.push(line);
  }
  return out;
}

/** Direct DFT of a line (sign −1 forward, +1 backward), float64. */
function dft(x: [number, number][], sign: number, outLen = x.length): [number, number][] {
  const n = x.length;
  const y: [number, number][] = [];
  for (let k = 0; k < outLen; k++) {
    let sr = 0, si = 0;
    for (let j = 0; j < n; j++) {
      const [c, d0] = root((j * k) % n, n);
      const d = sign < 0 ? d0 : -d0;
      sr += x[j]![0] * c - x[j]![1] * d;
      si += x[j]![0] * d + x[j]![1] * c;
    }
    y.push([sr, si]);
  }
  return y;
}

function expectClose(got: [number, number][][], want: [number, number][][], f32: boolean): void {
  let m = 0;
  for (const l of want) for (const [a, b] of l) m = Math.max(m, Math.abs(a), Math.abs(b));
  const tol = (f32 ? 2e-7 : 1e-14) * Math.max(m, 1) * 4;
  expect(got.length).toBe(want.length);
  got.forEach((l, i) => l.forEach(([a, b], k) => {
    expect(Math.abs(a - want[i]![k]![0]), `line ${i} k ${k} re`).toBeLessThanOrEqual(tol);
    expect(Math.abs(b - want[i]![k]![1]), `line ${i} k ${k} im`).toBeLessThanOrEqual(tol);
  }));
}

const NS = [1, 2, 3, 4, 5, 7, 8, 9, 16, 30, 97, 360, 1009];
const VARIANTS = [
  { f32: true, heap: true, kernels: 'wasm' },
  { f32: false, heap: true, kernels: 'wasm' },
  { f32: true, heap: false, kernels: 'wasm' },
  { f32: false, heap: true, kernels: 'js' },
] as const;

describe('fft along an axis of a strided array', () => {
  for (const v of VARIANTS) {
    const tag = `${v.f32 ? 'float32' : 'float64'}, ${v.heap ? 'heap' : 'plain array'}, ${v.kernels}`;

    it(`c2c forward and backward along each axis, with scale (${tag})`, () => {
      setCpuKernels(v.kernels);
      for (const n of NS.filter((k) => k < 1000)) {
        for (const axis of [0, 1, 2]) {
          const shape = [2, 3, 2];
          shape[axis] = n;
          for (const forward of [true, false]) {
            const src = make(shape, true, v.f32, v.heap), dst = make(shape, true, v.f32, v.heap);
            const want = lines(src, axis).map((l) => dft(l, forward ? -1 : 1).map(([a, b]) => [a * 0.5, b * 0.5] as [number, number]));
            c2cAxis(src, dst, axis, forward, 0.5);
            expectClose(lines(dst, axis), want, v.f32);
            // in place
            c2cAxis(src, src, axis, forward, 0.5);
            expectClose(lines(src, axis), want, v.f32);
          }
        }
      }
    }, 60_000);

    it(`r2c: the half spectrum, scaled and conjugated (${tag})`, () => {
      setCpuKernels(v.kernels);
      for (const n of NS) {
        for (const axis of [0, 1]) {
          const shape = [3, 2];
          shape[axis] = n;
          const dshape = shape.slice();
          dshape[axis] = (n >> 1) + 1;
          for (const conj of [false, true]) {
            const src = make(shape, false, v.f32, v.heap), dst = make(dshape, true, v.f32, v.heap);
            const want = lines(src, axis).map((l) => dft(l, -1, (n >> 1) + 1).map(([a, b]) => [a * 2, (conj ? -b : b) * 2] as [number, number]));
            r2cAxis(src, dst, axis, 2, conj);
            expectClose(lines(dst, axis), want, v.f32);
          }
        }
      }
    }, 60_000);

    it(`c2r: the Hermitian spectrum's backward transform, ignoring Im X_0 and Im X_{n/2} (${tag})`, () => {
      setCpuKernels(v.kernels);
      for (const n of NS) {
        for (const axis of [0, 1]) {
          const h = (n >> 1) + 1;
          const sshape = [3, 2], dshape = [3, 2];
          sshape[axis] = h + 1; // one extra value past the half spectrum, ignored
          dshape[axis] = n;
          const src = make(sshape, true, v.f32, v.heap), dst = make(dshape, false, v.f32, v.heap);
          const want = lines(src, axis, h).map((half) => {
            const full: [number, number][] = [];
            for (let k = 0; k < n; k++) {
              const [a, b] = k < h ? half[k]! : half[n - k]!;
              full.push(k === 0 || 2 * k === n ? [a, 0] : k < h ? [a, b] : [a, -b]);
            }
            return dft(full, 1).map(([a]) => [a / n, 0] as [number, number]);
          });
          c2rAxis(src, dst, axis, n, 1 / n);
          expectClose(lines(dst, axis), want, v.f32);
        }
      }
    }, 60_000);
  }

  it('float32 results round once from the float64 transform', () => {
    const src = make([360], true, true, true), dst = make([360], true, true, true);
    const ref = make([360], true, false, true);
    for (let k = 0; k < 360; k++) {
      ref.data[ref.offset + k * ref.strides[0]!] = src.data[src.offset + k * src.strides[0]!]!;
      ref.data[ref.offset + k * ref.strides[0]! + 1] = src.data[src.offset + k * src.strides[0]! + 1]!;
    }
    c2cAxis(src, dst, 0, true, 1);
    c2cAxis(ref, ref, 0, true, 1);
    const a = lines(dst, 0)[0]!, b = lines(ref, 0)[0]!;
    a.forEach(([re, im], k) => {
      expect(re).toBe(Math.fround(b[k]![0]));
      expect(im).toBe(Math.fround(b[k]![1]));
    });
  });
});
