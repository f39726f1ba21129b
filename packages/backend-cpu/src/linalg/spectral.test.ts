// The spectral numerics on their own (no PyTorch involved): reconstruction and
// orthogonality of the symmetric eigensolver, the Jacobi SVD (thin and full, tall and
// wide, rank-deficient) and the general eigensolver (A·x = λ·x for every real or complex
// pair, unit norm, largest component real), 1×1 to 64×64. Bounds: c·n·ε·‖A‖ with c = 16.
// PyTorch agreement is tested in packages/antorcha/test/linalg-spectral.test.ts.
import { describe, expect, it } from 'vitest';
import { eigGeneral } from './hqr.js';
import { svd } from './svd-jacobi.js';
import { symEig } from './symeig.js';

const EPS = 2 ** -52;

/** Deterministic values in [-1, 1) (Park–Miller). */
function rnd(n: number, seed: number): Float64Array {
  let s = seed;
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    a[i] = (s / 2147483647) * 2 - 1;
  }
  return a;
}

describe('symmetric eigensolver', () => {
  for (const n of [1, 2, 3, 5, 10, 64]) {
    it(`n = ${n}: V·diag(w)·Vᵀ = A, VᵀV = I, w ascending`, () => {
      const r = rnd(n * n, n);
      const a = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = r[i * n + j]! + r[j * n + i]!;
      const v = a.slice();
      const w = new Float64Array(n);
      expect(symEig(v, n, w)).toBe(0);
      let err = 0;
      let orth = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          let o = 0;
          for (let k = 0; k < n; k++) {
            s += v[i * n + k]! * w[k]! * v[j * n + k]!;
            o += v[k * n + i]! * v[k * n + j]!;
          }
          err = Math.max(err, Math.abs(s - a[i * n + j]!));
          orth = Math.max(orth, Math.abs(o - (i === j ? 1 : 0)));
        }
      }
      for (let i = 1; i < n; i++) expect(w[i]!).toBeGreaterThanOrEqual(w[i - 1]!);
      expect(err).toBeLessThanOrEqual(16 * n * EPS * 2 * n);
      expect(orth).toBeLessThanOrEqual(16 * n * EPS);
    });
  }
});

describe('Jacobi SVD', () => {
  const shapes: [number, number, boolean][] = [[1, 1, false], [3, 2, false], [3, 2, true], [2, 5, true], [2, 5, false], [64, 64, false], [10, 3, true], [5, 5, true], [0, 3, true], [3, 0, true]];
  for (const [m, n, full] of shapes) {
    it(`${m}×${n}${full ? ' full' : ''}${m === 5 ? ' rank 3' : ''}: U·S·Vh = A, orthonormal factors, S descending`, () => {
      const a = rnd(m * n, m * 7 + n);
      if (m === 5) {
        for (let i = 0; i < 5; i++) {
          a[i * 5 + 4] = a[i * 5]! + a[i * 5 + 1]!;
          a[i * 5 + 3] = 0;
        }
      }
      const r = svd(a, m, n, true, full);
      expect(r.converged).toBe(true);
      const k = Math.min(m, n);
      const cu = full ? m : k;
      const rv = full ? n : k;
      let err = 0;
      let ou = 0;
      let ov = 0;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let t = 0; t < k; t++) s += r.u![i * cu + t]! * r.s[t]! * r.vh![t * n + j]!;
          err = Math.max(err, Math.abs(s - a[i * n + j]!));
        }
      }
      for (let i = 0; i < cu; i++) {
        for (let j = 0; j < cu; j++) {
          let s = 0;
          for (let t = 0; t < m; t++) s += r.u![t * cu + i]! * r.u![t * cu + j]!;
          ou = Math.max(ou, Math.abs(s - (i === j ? 1 : 0)));
        }
      }
      for (let i = 0; i < rv; i++) {
        for (let j = 0; j < rv; j++) {
          let s = 0;
          for (let t = 0; t < n; t++) s += r.vh![i * n + t]! * r.vh![j * n + t]!;
          ov = Math.max(ov, Math.abs(s - (i === j ? 1 : 0)));
        }
      }
      for (let i = 1; i < k; i++) expect(r.s[i]!).toBeLessThanOrEqual(r.s[i - 1]!);
      const bound = 16 * Math.max(m, n, 1) * EPS * Math.max(1, r.s[0] ?? 0);
      expect(err).toBeLessThanOrEqual(bound);
      expect(ou).toBeLessThanOrEqual(bound);
      expect(ov).toBeLessThanOrEqual(bound);
      if (m === 5) expect(r.s[3]!).toBeLessThanOrEqual(bound);
    });
  }
});

describe('general eigensolver', () => {
  for (const n of [1, 2, 3, 4, 7, 20, 64]) {
    it(`n = ${n}: A·x = λ·x for every (complex) pair, ‖x‖ = 1, largest component real`, () => {
      const a = rnd(n * n, 3 * n + 1);
      const wr = new Float64Array(n);
      const wi = new Float64Array(n);
      const v = new Float64Array(n * n);
      expect(eigGeneral(a.slice(), n, wr, wi, v)).toBe(0);
      let res = 0;
      let nrm = 0;
      let phase = 0;
      let complexPairs = 0;
      for (let j = 0; j < n; j++) {
        const xr = new Float64Array(n);
        const xi = new Float64Array(n);
        if (wi[j] === 0) for (let i = 0; i < n; i++) xr[i] = v[i * n + j]!;
        else if (wi[j]! > 0) {
          complexPairs++;
          expect(wi[j + 1]).toBe(-wi[j]!);
          expect(wr[j + 1]).toBe(wr[j]!);
          for (let i = 0; i < n; i++) {
            xr[i] = v[i * n + j]!;
            xi[i] = v[i * n + j + 1]!;
          }
        } else {
          for (let i = 0; i < n; i++) {
            xr[i] = v[i * n + j - 1]!;
            xi[i] = -v[i * n + j]!;
          }
        }
        let s = 0;
        let best = 0;
        let bestMod = -1;
        for (let i = 0; i < n; i++) {
          const m2 = xr[i]! ** 2 + xi[i]! ** 2;
          s += m2;
          if (m2 > bestMod) {
            bestMod = m2;
            best = i;
          }
        }
        nrm = Math.max(nrm, Math.abs(Math.sqrt(s) - 1));
        phase = Math.max(phase, Math.abs(xi[best]!));
        for (let i = 0; i < n; i++) {
          let ar = 0;
          let ai = 0;
          for (let k = 0; k < n; k++) {
            ar += a[i * n + k]! * xr[k]!;
            ai += a[i * n + k]! * xi[k]!;
          }
          res = Math.max(res, Math.abs(ar - (wr[j]! * xr[i]! - wi[j]! * xi[i]!)), Math.abs(ai - (wr[j]! * xi[i]! + wi[j]! * xr[i]!)));
        }
      }
      const bound = 16 * n * EPS * n;
      expect(res).toBeLessThanOrEqual(bound);
      expect(nrm).toBeLessThanOrEqual(bound);
      expect(phase).toBe(0);
      if (n >= 7) expect(complexPairs).toBeGreaterThan(0); // the random matrices do have complex eigenvalues
    });
  }
});
