/**
 * Transforms along one axis of a strided N-d float array: complex-to-complex, real-to-complex
 * (the half spectrum) and complex-to-real, line by line through the cached plans of plan.ts.
 *
 * Arrays are described in floats: a complex array holds (re, im) pairs and its strides count
 * floats (2 per element of a contiguous complex array). Lines are loaded into a plan's float64
 * arrays and stored back rounded to the destination's precision (float32 arrays round once,
 * from the float64 result); the loads and stores run in WebAssembly when both sides are in the
 * CPU heap. Every function reads its whole line before storing, so `src` and `dst` may be the
 * same array (in place).
 */
import { wasmKernels } from '../wasm/runtime.js';
import { complexPlan, root } from './plan.js';

/** A strided N-d array of floats, `data[offset + Σ i_d·strides[d]]` (strides in floats). */
export interface FloatArrayND {
  readonly data: Float32Array | Float64Array;
  /** Byte address of `data[0]` in the CPU heap, or -1. */
  readonly address: number;
  readonly offset: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  /** Whether the array holds (re, im) pairs (the imaginary part one float after the real part). */
  readonly complex: boolean;
}

interface LineKernels {
  fftLoadF32(src: number, n: number, stride: number, imOff: number, dr: number, di: number): void;
  fftLoadF64(src: number, n: number, stride: number, imOff: number, dr: number, di: number): void;
  fftStoreF32(sr: number, si: number, n: number, reScale: number, imScale: number, dst: number, stride: number, imOff: number): void;
  fftStoreF64(sr: number, si: number, n: number, reScale: number, imScale: number, dst: number, stride: number, imOff: number): void;
}

/** Calls `fn(baseA, baseB)` for every line along `axis` of `shape` (the other dims in row-major order). */
export function forEachLine(shape: readonly number[], axis: number, a: FloatArrayND, b: FloatArrayND,
  fn: (baseA: number, baseB: number) => void): void {
  const dims: number[] = [];
  for (let d = 0; d < shape.length; d++) if (d !== axis) dims.push(d);
  for (const d of dims) if (shape[d] === 0) return;
  const idx = new Array<number>(dims.length).fill(0);
  let pa = a.offset, pb = b.offset;
  for (;;) {
    fn(pa, pb);
    let i = dims.length - 1;
    for (; i >= 0; i--) {
      const d = dims[i]!;
      idx[i]!++;
      pa += a.strides[d]!;
      pb += b.strides[d]!;
      if (idx[i]! < shape[d]!) break;
      pa -= a.strides[d]! * shape[d]!;
      pb -= b.strides[d]! * shape[d]!;
      idx[i] = 0;
    }
    if (i < 0) return;
  }
}

/**
 * Loads `n` values of a line at float index `base` (stride and imaginary offset in floats,
 * imOff < 0: real) into float64 arrays `(dr, di)` at heap addresses `(ar, ai)` (or -1).
 */
function load(a: FloatArrayND, base: number, stride: number, imOff: number, n: number, dr: Float64Array,
  di: Float64Array, ar: number, ai: number): void {
  const K = wasmKernels() as unknown as LineKernels | null;
  if (K !== null && a.address >= 0 && ar >= 0 && ai >= 0) {
    const f32 = a.data instanceof Float32Array;
    (f32 ? K.fftLoadF32 : K.fftLoadF64)(a.address + base * (f32 ? 4 : 8), n, stride, imOff, ar, ai);
    return;
  }
  const x = a.data;
  for (let k = 0, p = base; k < n; k++, p += stride) {
    dr[k] = x[p]!;
    di[k] = imOff >= 0 ? x[p + imOff]! : 0;
  }
}

/** Stores `n` values `(sr·reScale, si·imScale)` (imOff < 0: the real parts only) into a line of `a`. */
function store(sr: Float64Array, si: Float64Array, asr: number, asi: number, n: number, reScale: number,
  imScale: number, a: FloatArrayND, base: number, stride: number, imOff: number): void {
  const K = wasmKernels() as unknown as LineKernels | null;
  if (K !== null && a.address >= 0 && asr >= 0 && asi >= 0) {
    const f32 = a.data instanceof Float32Array;
    (f32 ? K.fftStoreF32 : K.fftStoreF64)(asr, asi, n, reScale, imScale, a.address + base * (f32 ? 4 : 8), stride, imOff);
    return;
  }
  const x = a.data;
  for (let k = 0, p = base; k < n; k++, p += stride) {
    x[p] = sr[k]! * reScale;
    if (imOff >= 0) x[p + imOff] = si[k]! * imScale;
  }
}

/**
 * Complex transform along `axis` from `src` into `dst` (both complex, same shape; may be the
 * same array): `dst = scale · Σ_j src_j · exp(∓2πi·jk/n)` (− forward, + backward).
 */
export function c2cAxis(src: FloatArrayND, dst: FloatArrayND, axis: number, forward: boolean, scale: number): void {
  const n = src.shape[axis]!;
  if (n === 0) return;
  const plan = complexPlan(n);
  const ss = src.strides[axis]!, ds = dst.strides[axis]!;
  forEachLine(src.shape, axis, src, dst, (pa, pb) => {
    // backward = forward over (im, re): swap the arrays on load and store
    const [r, i] = plan.io();
    const [ar, ai] = plan.ioAddress();
    if (forward) load(src, pa, ss, 1, n, r, i, ar, ai);
    else load(src, pa, ss, 1, n, i, r, ai, ar);
    plan.exec();
    const [r2, i2] = plan.io();
    if (forward) store(r2, i2, ar, ai, n, scale, scale, dst, pb, ds, 1);
    else store(i2, r2, ai, ar, n, scale, scale, dst, pb, ds, 1);
  });
}

const halfTwiddles = new Map<number, [Float64Array, Float64Array]>();

/** ω_n^k = exp(-2πi·k/n) for k ≤ n/2 (cached for the last few n). */
function twiddlesOf(n: number): [Float64Array, Float64Array] {
  let t = halfTwiddles.get(n);
  if (t === undefined) {
    const h = n >> 1;
    t = [new Float64Array(h + 1), new Float64Array(h + 1)];
    for (let k = 0; k <= h; k++) [t[0][k], t[1][k]] = root(k, n);
    if (halfTwiddles.size >= 16) halfTwiddles.delete(halfTwiddles.keys().next().value!);
    halfTwiddles.set(n, t);
  }
  return t;
}

/**
 * Real-to-complex transform along `axis`: `src` real with length n there, `dst` complex with
 * length ⌊n/2⌋ + 1 there (the other dims equal): the forward DFT's first half, times `scale`,
 * conjugated when `conj` (the backward DFT's). A `dst` of length n there gets the full
 * spectrum, the second half mirrored from the first. Even n packs the line into n/2 complex values (one half-length
 * transform and a post-pass).
 */
export function r2cAxis(src: FloatArrayND, dst: FloatArrayND, axis: number, scale: number, conj: boolean): void {
  const n = src.shape[axis]!;
  if (n === 0) return;
  const h = n >> 1, ss = src.strides[axis]!, ds = dst.strides[axis]!;
  const imScale = conj ? -scale : scale;
  const full = dst.shape[axis] === n && n > h + 1;
  if (n % 2 === 1) {
    const plan = complexPlan(n);
    forEachLine(src.shape, axis, src, dst, (pa, pb) => {
      const [r, i] = plan.io();
      const [ar, ai] = plan.ioAddress();
      load(src, pa, ss, -1, n, r, i, ar, ai);
      plan.exec();
      const [r2, i2] = plan.io();
      store(r2, i2, ar, ai, h + 1, scale, imScale, dst, pb, ds, 1);
      if (full) mirror(dst, pb, ds, n);
    });
    return;
  }
  const plan = complexPlan(h);
  const [wr, wi] = twiddlesOf(n);
  const xr = new Float64Array(h + 1), xi = new Float64Array(h + 1);
  forEachLine(src.shape, axis, src, dst, (pa, pb) => {
    const [r, i] = plan.io();
    const [ar, ai] = plan.ioAddress();
    // z_k = x_{2k} + i·x_{2k+1}
    load(src, pa, 2 * ss, ss, h, r, i, ar, ai);
    plan.exec();
    const [zr, zi] = plan.io();
    // X_k = E_k + ω^k·O_k, E_k = (Z_k + conj Z_{h−k})/2, O_k = −i(Z_k − conj Z_{h−k})/2
    for (let k = 0; k <= h; k++) {
      const a = k === h ? 0 : k, b = k === 0 ? 0 : h - k;
      const pr = zr[a]!, pi = zi[a]!, qr = zr[b]!, qi = -zi[b]!;
      const er = 0.5 * (pr + qr), ei = 0.5 * (pi + qi);
      const or = 0.5 * (pi - qi), oi = -0.5 * (pr - qr);
      xr[k] = er + (wr[k]! * or - wi[k]! * oi);
      xi[k] = ei + (wr[k]! * oi + wi[k]! * or);
    }
    store(xr, xi, -1, -1, h + 1, scale, imScale, dst, pb, ds, 1);
    if (full) mirror(dst, pb, ds, n);
  });
}

/** Fills bins ⌊n/2⌋+1 … n−1 of a full spectrum line from the first half: X_k = conj(X_{n−k}). */
function mirror(a: FloatArrayND, base: number, stride: number, n: number): void {
  const x = a.data;
  for (let k = (n >> 1) + 1; k < n; k++) {
    const p = base + k * stride, q = base + (n - k) * stride;
    x[p] = x[q]!;
    x[p + 1] = -x[q + 1]!;
  }
}

/**
 * Complex-to-real transform along `axis`: `src` complex with at least ⌊n/2⌋ + 1 values there
 * (the half spectrum; the rest is ignored), `dst` real with length `n` there: the backward
 * DFT of the Hermitian spectrum the half defines, times `scale`. As PyTorch (pocketfft), the
 * imaginary parts of X_0 and, for even n, X_{n/2} are ignored. `conjIn` conjugates the input
 * first (the forward DFT of the Hermitian spectrum).
 */
export function c2rAxis(src: FloatArrayND, dst: FloatArrayND, axis: number, n: number, scale: number, conjIn = false): void {
  if (n === 0) return;
  const h = n >> 1, ss = src.strides[axis]!, ds = dst.strides[axis]!;
  const xr = new Float64Array(h + 1), xi = new Float64Array(h + 1);
  const lineShape = dst.shape;
  if (n % 2 === 1) {
    const plan = complexPlan(n);
    forEachLine(lineShape, axis, src, dst, (pa, pb) => {
      load(src, pa, ss, 1, h + 1, xr, xi, -1, -1);
      if (conjIn) for (let k = 0; k <= h; k++) xi[k] = -xi[k]!;
      // backward over swapped arrays: io = (im, re) of the full Hermitian spectrum
      const [i, r] = plan.io();
      r[0] = xr[0]!;
      i[0] = 0;
      for (let k = 1; k <= h; k++) {
        r[k] = xr[k]!;
        i[k] = xi[k]!;
        r[n - k] = xr[k]!;
        i[n - k] = -xi[k]!;
      }
      plan.exec();
      const [i2, r2] = plan.io();
      const [ai2, ar2] = plan.ioAddress();
      store(r2, i2, ar2, ai2, n, scale, scale, dst, pb, ds, -1);
    });
    return;
  }
  const plan = complexPlan(h);
  const [wr, wi] = twiddlesOf(n);
  forEachLine(lineShape, axis, src, dst, (pa, pb) => {
    load(src, pa, ss, 1, h + 1, xr, xi, -1, -1);
    if (conjIn) for (let k = 0; k <= h; k++) xi[k] = -xi[k]!;
    xi[0] = 0;
    xi[h] = 0;
    // Z_k = (X_k + conj X_{h−k}) + i·ω^{−k}·(X_k − conj X_{h−k}); z = backward_h(Z) = n·(x_{2j} + i·x_{2j+1})
    const [i, r] = plan.io();
    for (let k = 0; k < h; k++) {
      const pr = xr[k]!, pi = xi[k]!, qr = xr[h - k]!, qi = -xi[h - k]!;
      const sr = pr + qr, si = pi + qi, dr = pr - qr, di = pi - qi;
      // ω^{−k}·d = conj(ω^k)·d
      const tr = wr[k]! * dr + wi[k]! * di, ti = wr[k]! * di - wi[k]! * dr;
      r[k] = sr - ti;
      i[k] = si + tr;
    }
    plan.exec();
    const [i2, r2] = plan.io();
    const [ai2, ar2] = plan.ioAddress();
    // x_{2j} = Re z_j, x_{2j+1} = Im z_j
    store(r2, i2, ar2, ai2, h, scale, scale, dst, pb, 2 * ds, ds);
  });
}
