import { afterAll, describe, expect, it } from 'vitest';
import { setCpuKernels } from '../wasm/runtime.js';
import { CACHE_BYTES, CACHE_SIZE, clearPlanCache, complexPlan, factorize, planWith, root, type ComplexPlan } from './plan.js';

/** Direct O(n²) DFT in float64 with exact roots (index jk mod n). */
function dft(xr: Float64Array, xi: Float64Array): [Float64Array, Float64Array] {
  const n = xr.length, yr = new Float64Array(n), yi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sr = 0, si = 0;
    for (let j = 0; j < n; j++) {
      const [c, d] = root((j * k) % n, n);
      sr += xr[j]! * c - xi[j]! * d;
      si += xr[j]! * d + xi[j]! * c;
    }
    yr[k] = sr;
    yi[k] = si;
  }
  return [yr, yi];
}

/** Deterministic pseudo-random values in [-0.5, 0.5). */
function signal(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  return Float64Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  });
}

function run(p: ComplexPlan, xr: Float64Array, xi: Float64Array): [Float64Array, Float64Array] {
  const [r, i] = p.io();
  r.set(xr);
  i.set(xi);
  p.exec();
  const [r2, i2] = p.io();
  return [Float64Array.from(r2), Float64Array.from(i2)];
}

/** max |a − b| / max |b| over complex entries. */
function relErr(a: [Float64Array, Float64Array], b: [Float64Array, Float64Array]): number {
  let e = 0, m = 0;
  for (let k = 0; k < a[0].length; k++) {
    e = Math.max(e, Math.hypot(a[0][k]! - b[0][k]!, a[1][k]! - b[1][k]!));
    m = Math.max(m, Math.hypot(b[0][k]!, b[1][k]!));
  }
  return m === 0 ? e : e / m;
}

const LENGTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 16, 17, 25, 27, 30, 49, 60, 64, 97, 100, 121, 128, 243, 360,
  500, 1009, 1024, 2018];

afterAll(() => {
  setCpuKernels('wasm');
  clearPlanCache();
});

describe('fft plans against the direct DFT (float64)', () => {
  for (const kernels of ['wasm', 'js'] as const) {
    it(`every length, stockham and bluestein agree with the O(n²) DFT (${kernels} kernels)`, () => {
      setCpuKernels(kernels);
      for (const n of LENGTHS) {
        const xr = signal(n, n), xi = signal(n, 7 * n + 1);
        const want = dft(xr, xi);
        for (const p of [complexPlan(n), planWith(n, 'stockham'), planWith(n, 'bluestein')]) {
          const err = relErr(run(p, xr, xi), want);
          // float64 roundoff: O(log n) ulps for Stockham, a few more for Bluestein's three transforms
          expect(err, `n=${n} ${p.kind}`).toBeLessThan(1e-14 * Math.max(1, Math.log2(n)));
          if (p !== complexPlan(n)) p.dispose();
        }
      }
    });
  }

  it('wasm and js kernels give identical bits', () => {
    for (const n of [2, 4, 8, 16, 32, 64, 1024, 4096, 360, 2 * 3 * 5 * 7, 1 << 16, 1009]) {
      const xr = signal(n, 3), xi = signal(n, 4);
      setCpuKernels('wasm');
      const a = run(complexPlan(n), xr, xi);
      setCpuKernels('js');
      const b = run(complexPlan(n), xr, xi);
      expect(Array.from(a[0])).toEqual(Array.from(b[0]));
      expect(Array.from(a[1])).toEqual(Array.from(b[1]));
    }
    setCpuKernels('wasm');
  });

  it('large prime factors choose Bluestein, smooth lengths Stockham', () => {
    expect(complexPlan(1009).kind).toBe('bluestein');
    expect(complexPlan(2018).kind).toBe('bluestein');
    expect(complexPlan(360).kind).toBe('stockham');
    expect(complexPlan(13).kind).toBe('stockham');
    expect(factorize(360)).toEqual([4, 2, 3, 3, 5]);
    expect(factorize(1 << 20)).toEqual(Array(10).fill(4));
    expect(factorize(2 * 7 * 7)).toEqual([2, 7, 7]);
  });

  it('the cache keeps recent plans, at most CACHE_SIZE of them within CACHE_BYTES, and frees the rest', () => {
    clearPlanCache();
    const big = complexPlan(1 << 20);
    // io, scratch and twiddles: at least 4 arrays of n float64, and under the byte budget
    expect(big.bytes).toBeGreaterThanOrEqual(32 * (1 << 20));
    expect(big.bytes).toBeLessThan(CACHE_BYTES);
    expect(complexPlan(1 << 20)).toBe(big);
    for (let n = 2; n < 2 + CACHE_SIZE - 1; n++) complexPlan(n);
    expect(complexPlan(1 << 20)).toBe(big); // 16 plans: still cached (and now the most recent)
    for (let n = 100; n < 100 + CACHE_SIZE; n++) complexPlan(n);
    expect(complexPlan(1 << 20)).not.toBe(big); // pushed out by 16 newer lengths, rebuilt
    clearPlanCache();
  });

  it('roots are exact at quarter turns and conjugate-symmetric', () => {
    expect(root(0, 8)).toEqual([1, 0]);
    expect(root(2, 8)).toEqual([0, -1]);
    expect(root(4, 8)).toEqual([-1, 0]);
    expect(root(6, 8)).toEqual([0, 1]);
    for (const n of [7, 12, 1000]) {
      for (let k = 1; k < n; k++) {
        const [a, b] = root(k, n), [c, d] = root(n - k, n);
        expect(a).toBe(c);
        expect(b).toBe(0 - d);
      }
    }
  });

  it('backward transform by swapping re and im: x = IDFT(DFT(x)) / n', () => {
    for (const n of [1, 6, 97, 1009, 4096]) {
      const xr = signal(n, 11), xi = signal(n, 12);
      const p = complexPlan(n);
      const [fr, fi] = run(p, xr, xi);
      const [bi, br] = run(p, fi, fr);
      for (let k = 0; k < n; k++) {
        br[k]! /= n;
        bi[k]! /= n;
      }
      expect(relErr([br, bi], [xr, xi])).toBeLessThan(1e-14 * Math.max(1, Math.log2(n)));
    }
  });

  it('2^20 points: Stockham matches the DFT on a few bins', () => {
    const n = 1 << 20;
    const xr = signal(n, 5), xi = signal(n, 6);
    const [yr, yi] = run(complexPlan(n), xr, xi);
    for (const k of [0, 1, 12345, n / 2, n - 1]) {
      let sr = 0, si = 0;
      for (let j = 0; j < n; j++) {
        const [c, d] = root(((j % n) * k) % n, n);
        sr += xr[j]! * c - xi[j]! * d;
        si += xr[j]! * d + xi[j]! * c;
      }
      expect(Math.abs(yr[k]! - sr) + Math.abs(yi[k]! - si)).toBeLessThan(1e-9);
    }
  });
});
