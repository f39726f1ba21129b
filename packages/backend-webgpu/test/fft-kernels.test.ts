// The WebGPU FFT kernels on raw device buffers against a float64 DFT evaluated here (the plans'
// radices and Bluestein, strided lines, the three kinds, both directions, scales, several dims).
// torch.fft through the backend against PyTorch's values: fft-webgpu.test.ts.
import { describe, expect, it } from 'vitest';
import type { FftKind, TensorRef } from '@antorcha/core';
import { WebGPUBuffer } from '../src/runtime.js';
import { fft, fusedMode, workLimit } from '../src/fft/fft.js';
import { hostFft, nextPow2, radices, twiddleTable } from '../src/fft/plan.js';
import { backend, hasGpu } from './gpu.js';

/** A random interleaved complex (or real) array, deterministic. */
function random(count: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const a = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = Math.fround(s / 2 ** 31 - 1);
  }
  return a;
}

/** The float64 DFT of one complex line (sign −1 forward). */
function dft(re: number[], im: number[], forward: boolean): [number[], number[]] {
  const n = re.length, sg = forward ? 1 : -1; // the table holds exp(-2πi·t/n)
  const tw = twiddleTable(n);
  const R: number[] = [], I: number[] = [];
  for (let k = 0; k < n; k++) {
    let sr = 0, si = 0;
    for (let j = 0; j < n; j++) {
      const t = (j * k) % n;
      const wr = tw[2 * t]!, wi = sg * tw[2 * t + 1]!;
      sr += re[j]! * wr - im[j]! * wi;
      si += re[j]! * wi + im[j]! * wr;
    }
    R.push(sr);
    I.push(si);
  }
  return [R, I];
}

function device(words: Float64Array, dtype: 'float32' | 'complex64', numel: number): WebGPUBuffer {
  const d = backend!.device;
  const size = Math.max(4, Math.ceil((words.length * 4) / 256) * 256);
  const buf = d.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
  if (words.length > 0) d.queue.writeBuffer(buf, 0, Float32Array.from(words));
  return new WebGPUBuffer(dtype, numel, buf, size);
}

async function readBack(b: WebGPUBuffer, words: number): Promise<Float32Array> {
  return new Float32Array(await backend!.runtime.read(b.gpu!, 0, words * 4));
}

const ref = (buffer: WebGPUBuffer, shape: number[], strides: number[], offset = 0): TensorRef =>
  ({ buffer, dtype: buffer.dtype, shape, strides, offset });

const run = (kind: FftKind, x: TensorRef, out: TensorRef, dims: number[], forward: boolean, scale: number): void =>
  fft(backend!.runtime, kind, x, out, dims, forward, scale);

/** Max |got − want| over max |want| (complex parts together). */
function relErr(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let e = 0, m = 0;
  for (let i = 0; i < want.length; i++) {
    e = Math.max(e, Math.abs(got[i]! - want[i]!));
    m = Math.max(m, Math.abs(want[i]!));
  }
  return e / Math.max(m, 1e-30);
}

/**
 * The f32 error bound of an n-point FFT relative to its largest output: η·log2 n, η = (1 + 4√2)·2⁻²⁴
 * (Higham's, see fft-webgpu.test.ts), 3·log2(4n) stages for Bluestein's lengths.
 */
const bound = (n: number): number =>
  (1 + 4 * Math.SQRT2) * 2 ** -24 * (radices(n) === null ? 3 * Math.log2(4 * n) : Math.max(1, Math.log2(n)));

describe.skipIf(!hasGpu)('WebGPU FFT kernels', () => {
  it('plans: radices 8/4/2/3 and generic primes up to 31, Bluestein above', () => {
    expect(radices(1)).toEqual([]);
    expect(radices(1024)).toEqual([8, 8, 8, 2]);
    expect(radices(2 ** 20)).toEqual([8, 8, 8, 8, 8, 8, 4]);
    expect(radices(360)).toEqual([8, 3, 3, 5]);
    expect(radices(7 * 31 * 2)).toEqual([2, 7, 31]);
    expect(radices(97)).toBeNull();
    expect(radices(2 * 1009)).toBeNull();
    // the host FFT that makes Bluestein's filter matches the DFT
    const a = random(2 * 64, 5);
    const [R, I] = dft(Array.from({ length: 64 }, (_, i) => a[2 * i]!), Array.from({ length: 64 }, (_, i) => a[2 * i + 1]!), true);
    hostFft(a);
    expect(relErr(a, R.flatMap((r, i) => [r, I[i]!]))).toBeLessThan(1e-14);
    expect(nextPow2(2 * 97 - 1)).toBe(256);
  });

  const lengths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 16, 25, 29, 37, 60, 97, 128, 360, 1009, 1024, 1029, 4096, 6144];
  const measured: string[] = [];

  for (const mode of [true, false]) it(`c2c forward and backward along the last dim of a batch, any length (${mode ? 'workgroup-memory kernels, four-step above 1024 points' : 'pass by pass'})`, async () => {
    fusedMode.on = mode;
    try {
      await c2cSweep(mode);
    } finally {
      fusedMode.on = null;
    }
  }, 120_000);

  async function c2cSweep(mode: boolean): Promise<void> {
    measured.length = 0;
    for (const n of lengths) {
      const B = 3;
      const x = random(2 * B * n, n);
      const X = device(x, 'complex64', B * n);
      for (const forward of [true, false]) {
        const O = device(new Float64Array(2 * B * n), 'complex64', B * n);
        const scale = forward ? 1 : 1 / n;
        run('c2c', ref(X, [B, n], [n, 1]), ref(O, [B, n], [n, 1]), [1], forward, scale);
        const got = await readBack(O, 2 * B * n);
        const want: number[] = [];
        for (let b = 0; b < B; b++) {
          const re = Array.from({ length: n }, (_, j) => x[2 * (b * n + j)]!), im = Array.from({ length: n }, (_, j) => x[2 * (b * n + j) + 1]!);
          const [R, I] = dft(re, im, forward);
          R.forEach((r, k) => want.push(r * scale, I[k]! * scale));
        }
        const err = relErr(got, want);
        if (forward) measured.push(`n=${n}: ${err.toExponential(2)}`);
        expect(err, `n=${n} forward=${forward}`).toBeLessThanOrEqual(bound(n));
        O.gpu!.destroy();
      }
      X.gpu!.destroy();
    }
    console.log(`[fft-kernels] c2c (${mode ? 'fused' : 'passes'}) max error / max |X| (bound η·log2 n): ${measured.join(', ')}`);
  }

  it('strided input and output views: dim 0 of a transposed, offset tensor', async () => {
    const n = 12, C = 5;
    // x viewed as [n, C] with strides [1, n] at element offset 3 of a bigger buffer
    const words = random(2 * (n * C + 3), 11);
    const X = device(words, 'complex64', n * C + 3);
    const O = device(new Float64Array(2 * n * C), 'complex64', n * C);
    run('c2c', ref(X, [n, C], [1, n], 3), ref(O, [n, C], [C, 1]), [0], true, 1);
    const got = await readBack(O, 2 * n * C);
    const want = new Array<number>(2 * n * C);
    for (let c = 0; c < C; c++) {
      const re = Array.from({ length: n }, (_, j) => words[2 * (3 + c * n + j)]!), im = Array.from({ length: n }, (_, j) => words[2 * (3 + c * n + j) + 1]!);
      const [R, I] = dft(re, im, true);
      for (let k = 0; k < n; k++) [want[2 * (k * C + c)], want[2 * (k * C + c) + 1]] = [R[k]!, I[k]!];
    }
    expect(relErr(got, want)).toBeLessThanOrEqual(bound(n));
  });

  it('short transforms in one workgroup-memory dispatch equal the pass-by-pass ones bit for bit', async () => {
    for (const n of [6, 60, 97, 360, 1024]) {
      const B = 5;
      const X = device(random(2 * B * n, 9 * n), 'complex64', B * n);
      const one = device(new Float64Array(2 * B * n), 'complex64', B * n);
      const passes = device(new Float64Array(2 * B * n), 'complex64', B * n);
      let fusedDispatches = 0;
      try {
        fusedMode.on = true;
        const before = backend!.runtime.dispatches;
        run('c2c', ref(X, [B, n], [n, 1]), ref(one, [B, n], [n, 1]), [1], true, 1);
        fusedDispatches = backend!.runtime.dispatches - before;
        fusedMode.on = false;
        run('c2c', ref(X, [B, n], [n, 1]), ref(passes, [B, n], [n, 1]), [1], true, 1);
      } finally {
        fusedMode.on = null;
      }
      expect(fusedDispatches, `n=${n}`).toBe(n === 97 ? 5 : 3); // load, fused (Bluestein: twice, and its product), store
      expect(Array.from(await readBack(one, 2 * B * n)), `n=${n}`).toEqual(Array.from(await readBack(passes, 2 * B * n)));
      for (const b of [X, one, passes]) b.gpu!.destroy();
    }
  });

  it('lines in several chunks when the work buffers would pass the binding limit (Stockham and Bluestein)', async () => {
    for (const n of [12, 97]) {
      const B = 7;
      const x = random(2 * B * n, 5 * n);
      const X = device(x, 'complex64', B * n);
      const whole = device(new Float64Array(2 * B * n), 'complex64', B * n);
      const chunked = device(new Float64Array(2 * B * n), 'complex64', B * n);
      // dim 0 of a [n, B] view: every line strided, so a chunk's first line offset matters
      run('c2c', ref(X, [n, B], [1, n]), ref(whole, [n, B], [B, 1]), [0], true, 1);
      workLimit.bytes = 3 * 8 * (n === 97 ? 256 : n); // 3 lines a chunk (Bluestein pads 97 to 256)
      try {
        run('c2c', ref(X, [n, B], [1, n]), ref(chunked, [n, B], [B, 1]), [0], true, 1);
      } finally {
        workLimit.bytes = null;
      }
      expect(Array.from(await readBack(chunked, 2 * B * n))).toEqual(Array.from(await readBack(whole, 2 * B * n)));
      // not even one line fits: a clear error, before anything is dispatched
      workLimit.bytes = 8 * n - 8;
      try {
        expect(() => run('c2c', ref(X, [n, B], [1, n]), ref(chunked, [n, B], [B, 1]), [0], true, 1)).toThrow(/_fft_c2c: a \d+-point transform needs \d+-byte work buffers, over this WebGPU device's binding limit/);
      } finally {
        workLimit.bytes = null;
      }
      for (const b of [X, whole, chunked]) b.gpu!.destroy();
    }
  });

  it('r2c half and full spectra, c2r of a Hermitian half (imaginary parts of X_0, X_{n/2} ignored)', async () => {
    for (const n of [1, 2, 5, 8, 9, 97, 360]) {
      const h = (n >> 1) + 1;
      const x = random(n, 7 * n);
      const X = device(x, 'float32', n);
      const [R, I] = dft(Array.from(x), new Array<number>(n).fill(0), true);
      for (const full of [false, true]) {
        const m = full ? n : h;
        const O = device(new Float64Array(2 * m), 'complex64', m);
        run('r2c', ref(X, [n], [1]), ref(O, [m], [1]), [0], true, 1);
        const got = await readBack(O, 2 * m);
        expect(relErr(got, R.slice(0, m).flatMap((r, k) => [r, I[k]!])), `r2c n=${n} full=${full}`).toBeLessThanOrEqual(bound(n));
        if (full) {
          for (let k = 1; k < n; k++) {
            expect(got[2 * k]).toBe(got[2 * (n - k)]);
            expect(got[2 * k + 1]! + got[2 * (n - k) + 1]!).toBe(0); // exactly conjugate
          }
        }
        expect(got[1]).toBe(0);
        O.gpu!.destroy();
      }
      // c2r: spectrum half with junk imaginary parts at 0 and n/2
      const half = random(2 * h, 3 * n);
      const H = device(half, 'complex64', h);
      const Y = device(new Float64Array(n), 'float32', n);
      run('c2r', ref(H, [h], [1]), ref(Y, [n], [1]), [0], false, 1 / n);
      const re: number[] = [], im: number[] = [];
      for (let k = 0; k < n; k++) {
        const j = 2 * k > n ? n - k : k, sg = 2 * k > n ? -1 : 1;
        re.push(half[2 * j]!);
        im.push(j === 0 || 2 * j === n ? 0 : sg * half[2 * j + 1]!);
      }
      const [yr] = dft(re, im, false);
      expect(relErr(await readBack(Y, n), yr.map((v) => v / n)), `c2r n=${n}`).toBeLessThanOrEqual(bound(n));
      X.gpu!.destroy();
      H.gpu!.destroy();
      Y.gpu!.destroy();
    }
  });

  it('several dims: c2c over (0, 1), r2c and c2r over (0, 1) agree with the 2-d DFT', async () => {
    const R = 6, C = 7;
    const x = random(2 * R * C, 21);
    const X = device(x, 'complex64', R * C);
    const O = device(new Float64Array(2 * R * C), 'complex64', R * C);
    run('c2c', ref(X, [R, C], [C, 1]), ref(O, [R, C], [C, 1]), [0, 1], true, 0.5);
    // 2-d DFT: rows then columns
    const rows: [number[], number[]][] = [];
    for (let r = 0; r < R; r++) rows.push(dft(Array.from({ length: C }, (_, c) => x[2 * (r * C + c)]!), Array.from({ length: C }, (_, c) => x[2 * (r * C + c) + 1]!), true));
    const want = new Array<number>(2 * R * C);
    for (let c = 0; c < C; c++) {
      const [cr, ci] = dft(rows.map((w) => w[0][c]!), rows.map((w) => w[1][c]!), true);
      for (let r = 0; r < R; r++) [want[2 * (r * C + c)], want[2 * (r * C + c) + 1]] = [cr[r]! * 0.5, ci[r]! * 0.5];
    }
    expect(relErr(await readBack(O, 2 * R * C), want)).toBeLessThanOrEqual(bound(R * C));
    // irfft2 of the (Hermitian) spectrum of a real signal gives the signal back; the input stays untouched
    const real = random(R * C, 33);
    const XR = device(real, 'float32', R * C);
    const h = (C >> 1) + 1;
    const S = device(new Float64Array(2 * R * h), 'complex64', R * h);
    run('r2c', ref(XR, [R, C], [C, 1]), ref(S, [R, h], [h, 1]), [0, 1], true, 1);
    const spectrum = await readBack(S, 2 * R * h);
    const Y = device(new Float64Array(R * C), 'float32', R * C);
    run('c2r', ref(S, [R, h], [h, 1]), ref(Y, [R, C], [C, 1]), [0, 1], false, 1 / (R * C));
    expect(relErr(await readBack(Y, R * C), real)).toBeLessThanOrEqual(bound(R * C) * 2);
    expect(Array.from(await readBack(S, 2 * R * h))).toEqual(Array.from(spectrum));
    for (const b of [X, O, XR, S, Y]) b.gpu!.destroy();
  });
});
