// The Jacobi SVD on rank-deficient matrices whose null column does not come out exactly
// zero (the sweeps used to chase its rounding noise until the sweep bound, and
// linalg.svd reported "failed to converge"): it converges, reconstructs A, and its U and
// Vh stay orthonormal. Bounds: c·n·ε·‖A‖ with c = 16, as in spectral.test.ts.
import { describe, expect, it } from 'vitest';
import { svd } from './svd-jacobi.js';

const EPS = 2 ** -52;
const CASES: number[][][] = [
  [[1, 2, 3], [2, 4, 6], [1, 0, 1]],
  [[2, 0, 1], [4, 0, 2], [1, 3, 0]],
  [[1, 2, 3], [2, 4, 6], [3, 6, 9]],
  [[1, 2], [2, 4], [3, 6], [1, 1]],
  [[1, 2, 3, 4], [2, 4, 6, 8]],
];

describe('Jacobi SVD, rank-deficient inputs', () => {
  for (const rows of CASES) {
    const m = rows.length;
    const n = rows[0]!.length;
    it(`${JSON.stringify(rows)}: converges, U·S·Vh = A, UᵀU = I, Vh·Vhᵀ = I`, () => {
      const a = Float64Array.from(rows.flat());
      for (const full of [false, true]) {
        const r = svd(a, m, n, true, full);
        expect(r.converged).toBe(true);
        const k = Math.min(m, n);
        const cu = full ? m : k;
        const rv = full ? n : k;
        const u = r.u!;
        const vh = r.vh!;
        let norm = 0;
        for (const x of a) norm = Math.max(norm, Math.abs(x));
        const bound = 16 * Math.max(m, n) * EPS * Math.max(norm, 1);
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let t = 0; t < k; t++) s += u[i * cu + t]! * r.s[t]! * vh[t * n + j]!;
            expect(Math.abs(s - a[i * n + j]!)).toBeLessThanOrEqual(bound);
          }
        }
        for (let p = 0; p < cu; p++) {
          for (let q = 0; q < cu; q++) {
            let s = 0;
            for (let i = 0; i < m; i++) s += u[i * cu + p]! * u[i * cu + q]!;
            expect(Math.abs(s - (p === q ? 1 : 0))).toBeLessThanOrEqual(bound);
          }
        }
        for (let p = 0; p < rv; p++) {
          for (let q = 0; q < rv; q++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += vh[p * n + j]! * vh[q * n + j]!;
            expect(Math.abs(s - (p === q ? 1 : 0))).toBeLessThanOrEqual(bound);
          }
        }
      }
    });
  }
});
