import { it, expect } from 'vitest';
import { symEig } from './symeig.js';
import { svd } from './svd-jacobi.js';
function rnd(n: number, seed = 1) { let s = seed; const a = new Float64Array(n); for (let i = 0; i < n; i++) { s = (s * 16807) % 2147483647; a[i] = s / 2147483647 * 2 - 1; } return a; }
it('symeig', () => {
  for (const n of [1, 2, 3, 5, 10, 64]) {
    const r = rnd(n * n, n);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = r[i * n + j]! + r[j * n + i]!;
    const v = a.slice(); const w = new Float64Array(n);
    expect(symEig(v, n, w)).toBe(0);
    let err = 0, orth = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let s = 0, o = 0;
      for (let k = 0; k < n; k++) { s += v[i * n + k]! * w[k]! * v[j * n + k]!; o += v[k * n + i]! * v[k * n + j]!; }
      err = Math.max(err, Math.abs(s - a[i * n + j]!)); orth = Math.max(orth, Math.abs(o - (i === j ? 1 : 0)));
    }
    for (let i = 1; i < n; i++) expect(w[i]! >= w[i - 1]!).toBe(true);
    console.log('eig', n, err, orth);
  }
});
it('svd', () => {
  for (const [m, n, full] of [[1, 1, false], [3, 2, false], [3, 2, true], [2, 5, true], [2, 5, false], [64, 64, false], [10, 3, true], [5, 5, true]] as [number, number, boolean][]) {
    const a = rnd(m * n, m * 7 + n);
    if (m === 5) for (let i = 0; i < 5; i++) { a[i * 5 + 4] = a[i * 5]! + a[i * 5 + 1]!; a[i * 5 + 3] = 0; }
    const r = svd(a, m, n, true, full);
    const k = Math.min(m, n), cu = full ? m : k, rv = full ? n : k;
    let err = 0, ou = 0, ov = 0;
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) { let s = 0; for (let t = 0; t < k; t++) s += r.u![i * cu + t]! * r.s[t]! * r.vh![t * n + j]!; err = Math.max(err, Math.abs(s - a[i * n + j]!)); }
    for (let i = 0; i < cu; i++) for (let j = 0; j < cu; j++) { let s = 0; for (let t = 0; t < m; t++) s += r.u![t * cu + i]! * r.u![t * cu + j]!; ou = Math.max(ou, Math.abs(s - (i === j ? 1 : 0))); }
    for (let i = 0; i < rv; i++) for (let j = 0; j < rv; j++) { let s = 0; for (let t = 0; t < n; t++) s += r.vh![i * n + t]! * r.vh![j * n + t]!; ov = Math.max(ov, Math.abs(s - (i === j ? 1 : 0))); }
    console.log('svd', m, n, full, err, ou, ov, r.converged, Array.from(r.s).slice(0, 5));
  }
});
it('eig', async () => {
  const { eigGeneral } = await import('./hqr.js');
  for (const n of [1, 2, 3, 4, 7, 20, 64]) {
    const a = rnd(n * n, 3 * n + 1);
    const h = a.slice(); const wr = new Float64Array(n), wi = new Float64Array(n), v = new Float64Array(n * n);
    expect(eigGeneral(h, n, wr, wi, v)).toBe(0);
    // residual of A x = λ x for each (complex) vector
    let res = 0, nrm = 0, phase = 0;
    for (let j = 0; j < n; j++) {
      const xr = new Float64Array(n), xi = new Float64Array(n);
      if (wi[j] === 0) for (let i = 0; i < n; i++) xr[i] = v[i * n + j]!;
      else if (wi[j]! > 0) for (let i = 0; i < n; i++) { xr[i] = v[i * n + j]!; xi[i] = v[i * n + j + 1]!; }
      else for (let i = 0; i < n; i++) { xr[i] = v[i * n + j - 1]!; xi[i] = -v[i * n + j]!; }
      let s = 0, bi = 0, bm = -1;
      for (let i = 0; i < n; i++) { s += xr[i]! ** 2 + xi[i]! ** 2; const m2 = xr[i]! ** 2 + xi[i]! ** 2; if (m2 > bm) { bm = m2; bi = i; } }
      nrm = Math.max(nrm, Math.abs(Math.sqrt(s) - 1)); phase = Math.max(phase, Math.abs(xi[bi]!));
      for (let i = 0; i < n; i++) {
        let ar = 0, ai = 0;
        for (let k = 0; k < n; k++) { ar += a[i * n + k]! * xr[k]!; ai += a[i * n + k]! * xi[k]!; }
        res = Math.max(res, Math.abs(ar - (wr[j]! * xr[i]! - wi[j]! * xi[i]!)), Math.abs(ai - (wr[j]! * xi[i]! + wi[j]! * xr[i]!)));
      }
    }
    console.log('geig', n, res, nrm, phase, Array.from(wr).slice(0, 3), Array.from(wi).slice(0, 3));
  }
});
