/**
 * The symmetric eigensolver behind `linalg.eigh`/`eigvalsh` (and the building block of
 * `pinv(hermitian=True)`, `matrix_rank(hermitian=True)`): Householder reduction to
 * tridiagonal form, then the implicit QL algorithm with Wilkinson-style shifts and
 * deflation on negligible off-diagonals (the EISPACK tred2/tql2 pair). Always computes
 * in float64, converges for every finite symmetric matrix (a bound of 30·n sweeps per
 * eigenvalue reports failure rather than looping), and sorts eigenvalues ascending as
 * LAPACK's syevd returns them, eigenvectors as the matching columns. Hermitian complex
 * input reduces to the same real tridiagonal QL ({@link hermEig}).
 */

import { type Mat, zerosMat } from './field.js';
import { hessenberg } from './zeig.js';

const EPS = 2 ** -52;

/**
 * The Hermitian case (complex64/complex128 input): the complex Householder reduction
 * (./zeig.ts) gives a Hermitian tridiagonal `T = Q·a·Qᴴ`-similar matrix, a diagonal of
 * phases `D` makes it real symmetric (`T = D·T_r·Dᴴ`), the same QL iteration as the real
 * case diagonalises `T_r = Z·diag(w)·Zᵀ`, and the eigenvectors are `Q·D·Z`. `a` is the
 * full Hermitian matrix (overwritten); eigenvalues ascending into `w`; eigenvectors into
 * `v` (n×n, columns) when given. Returns 0 or the 1-based index that failed to converge.
 */
export function hermEig(a: Mat, n: number, w: Float64Array, v: Mat | null): number {
  if (n === 0) return 0;
  const q = zerosMat(n * n, true);
  for (let i = 0; i < n; i++) q.re[i * n + i] = 1;
  hessenberg(a, n, q);
  const e = new Float64Array(n);
  // phases d_i with d_i·|s_i|·conj(d_{i−1}) = s_i (s_i the subdiagonal)
  const pr = new Float64Array(n);
  const pi = new Float64Array(n);
  pr[0] = 1;
  for (let i = 0; i < n; i++) w[i] = a.re[i * n + i]!;
  for (let i = 1; i < n; i++) {
    const sr = a.re[i * n + i - 1]!;
    const si = a.im![i * n + i - 1]!;
    const m = Math.hypot(sr, si);
    e[i] = m;
    const ur = m === 0 ? 1 : sr / m;
    const ui = m === 0 ? 0 : si / m;
    pr[i] = pr[i - 1]! * ur - pi[i - 1]! * ui;
    pi[i] = pr[i - 1]! * ui + pi[i - 1]! * ur;
  }
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) z[i * n + i] = 1;
  const info = ql(z, n, w, e);
  if (info !== 0) return info;
  sortAscending(z, n, w);
  if (v === null) return 0;
  // v = Q·D·Z
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      let sr = 0;
      let si = 0;
      for (let k = 0; k < n; k++) {
        const zk = z[k * n + c]!;
        if (zk === 0) continue;
        const qr = q.re[r * n + k]!;
        const qi = q.im![r * n + k]!;
        sr += (qr * pr[k]! - qi * pi[k]!) * zk;
        si += (qr * pi[k]! + qi * pr[k]!) * zk;
      }
      v.re[r * n + c] = sr;
      v.im![r * n + c] = si;
    }
  }
  return 0;
}

/**
 * Eigen-decomposes the symmetric n×n matrix held row-major in `v` (overwritten with the
 * eigenvectors, as columns, row-major). Writes eigenvalues ascending into `w`.
 * Returns 0 on success, or the 1-based index of the eigenvalue that failed to converge.
 */
export function symEig(v: Float64Array, n: number, w: Float64Array): number {
  if (n === 0) return 0;
  const d = w;
  const e = new Float64Array(n);
  tridiagonalize(v, n, d, e);
  const info = ql(v, n, d, e);
  if (info !== 0) return info;
  sortAscending(v, n, d);
  return 0;
}

/** Householder reduction of the symmetric matrix in `v` to tridiagonal (d, e), accumulating the transform in `v`. */
function tridiagonalize(v: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  for (let j = 0; j < n; j++) d[j] = v[(n - 1) * n + j]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = v[(i - 1) * n + j]!;
        v[i * n + j] = 0;
        v[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] = d[k]! / scale;
        h += d[k]! * d[k]!;
      }
      let f = d[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        v[j * n + i] = f;
        g = e[j]! + v[j * n + j]! * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += v[k * n + j]! * d[k]!;
          e[k] = e[k]! + v[k * n + j]! * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] = e[j]! / h;
        f += e[j]! * d[j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] = e[j]! - hh * d[j]!;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        g = e[j]!;
        for (let k = j; k <= i - 1; k++) v[k * n + j] = v[k * n + j]! - (f * e[k]! + g * d[k]!);
        d[j] = v[(i - 1) * n + j]!;
        v[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  // Accumulate the transformations.
  for (let i = 0; i < n - 1; i++) {
    v[(n - 1) * n + i] = v[i * n + i]!;
    v[i * n + i] = 1;
    const h = d[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[k * n + i + 1]! / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[k * n + i + 1]! * v[k * n + j]!;
        for (let k = 0; k <= i; k++) v[k * n + j] = v[k * n + j]! - g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) v[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[(n - 1) * n + j]!;
    v[(n - 1) * n + j] = 0;
  }
  v[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL iterations on the tridiagonal (d, e), rotating the columns of `v`. Returns 0 or the failing index (1-based). */
function ql(v: Float64Array, n: number, d: Float64Array, e: Float64Array): number {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const maxIter = 30 * n;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n && !(Math.abs(e[m]!) <= EPS * tst1)) m++;
    if (m >= n) return l + 1; // non-finite values: no negligible off-diagonal exists
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > maxIter) return l + 1;
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i] = d[i]! - h;
        f += h;
        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = Math.hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          for (let k = 0; k < n; k++) {
            const row = k * n;
            h = v[row + i + 1]!;
            v[row + i + 1] = s * v[row + i]! + c * h;
            v[row + i] = c * v[row + i]! - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (!(Math.abs(e[l]!) <= EPS * tst1));
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
  return 0;
}

/** Selection sort of eigenvalues ascending, swapping eigenvector columns along. */
function sortAscending(v: Float64Array, n: number, d: Float64Array): void {
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    let p = d[i]!;
    for (let j = i + 1; j < n; j++) {
      if (d[j]! < p) {
        k = j;
        p = d[j]!;
      }
    }
    if (k !== i) {
      d[k] = d[i]!;
      d[i] = p;
      for (let j = 0; j < n; j++) {
        const t = v[j * n + i]!;
        v[j * n + i] = v[j * n + k]!;
        v[j * n + k] = t;
      }
    }
  }
}
