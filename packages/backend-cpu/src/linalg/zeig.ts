/**
 * The general eigensolver for complex matrices behind `linalg.eig`/`eigvals` of
 * complex64/complex128 input: Householder reduction to upper Hessenberg form, the
 * single-shift complex QR algorithm (Wilkinson shifts, exceptional shifts on stagnation,
 * Givens bulge chasing, as LAPACK's `zlahqr`) to the complex Schur form `A = Q·T·Qᴴ`,
 * then back substitution on the triangular `T` for its eigenvectors (`ztrevc`) mapped
 * back by `Q`. In float64. Eigenvalues come in the Schur form's diagonal order; vectors
 * are normalised as `zgeev` normalises them (unit Euclidean norm, largest component real).
 * Real input takes the real double-shift solver (./hqr.ts): a complex Schur form would
 * not pair the conjugate eigenvalues as LAPACK's real `geev` does.
 */
import { type Mat, cdiv, zerosMat } from './field.js';

const EPS = 2 ** -52;
const SMALL = 2.2250738585072014e-308 / EPS;

/**
 * Householder reduction of the complex n×n `a` (row-major, overwritten) to Hessenberg
 * form (tridiagonal for Hermitian `a`); `q` (the identity on entry) accumulates the
 * unitary transform, `a_in = q·a_out·qᴴ`.
 */
export function hessenberg(a: Mat, n: number, q: Mat): void {
  const ar = a.re;
  const ai = a.im!;
  const vr = new Float64Array(n);
  const vi = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    let xnorm = 0;
    for (let i = k + 1; i < n; i++) xnorm = Math.hypot(xnorm, ar[i * n + k]!, ai[i * n + k]!);
    if (xnorm === 0) continue;
    const x0r = ar[(k + 1) * n + k]!;
    const x0i = ai[(k + 1) * n + k]!;
    const x0 = Math.hypot(x0r, x0i);
    // β = −e^{i·arg(x₀)}·‖x‖, v = x − β·e₁ (no cancellation in v₀)
    const pr = x0 === 0 ? 1 : x0r / x0;
    const pi = x0 === 0 ? 0 : x0i / x0;
    for (let i = k + 1; i < n; i++) {
      vr[i] = ar[i * n + k]!;
      vi[i] = ai[i * n + k]!;
    }
    vr[k + 1] = x0r + pr * xnorm;
    vi[k + 1] = x0i + pi * xnorm;
    let vv = 0;
    for (let i = k + 1; i < n; i++) vv += vr[i]! * vr[i]! + vi[i]! * vi[i]!;
    const f = 2 / vv;
    // a ← P·a (rows k+1..), P = I − f·v·vᴴ
    for (let j = 0; j < n; j++) {
      let sr = 0;
      let si = 0;
      for (let i = k + 1; i < n; i++) {
        // conj(v_i)·a_ij
        sr += vr[i]! * ar[i * n + j]! + vi[i]! * ai[i * n + j]!;
        si += vr[i]! * ai[i * n + j]! - vi[i]! * ar[i * n + j]!;
      }
      sr *= f;
      si *= f;
      for (let i = k + 1; i < n; i++) {
        ar[i * n + j]! -= vr[i]! * sr - vi[i]! * si;
        ai[i * n + j]! -= vr[i]! * si + vi[i]! * sr;
      }
    }
    // a ← a·P and q ← q·P (columns k+1..)
    for (const m of [a, q]) {
      const mr = m.re;
      const mi = m.im!;
      for (let i = 0; i < n; i++) {
        let sr = 0;
        let si = 0;
        for (let j = k + 1; j < n; j++) {
          // m_ij·v_j
          sr += mr[i * n + j]! * vr[j]! - mi[i * n + j]! * vi[j]!;
          si += mr[i * n + j]! * vi[j]! + mi[i * n + j]! * vr[j]!;
        }
        sr *= f;
        si *= f;
        for (let j = k + 1; j < n; j++) {
          // −= s·conj(v_j)
          mr[i * n + j]! -= sr * vr[j]! + si * vi[j]!;
          mi[i * n + j]! -= si * vr[j]! - sr * vi[j]!;
        }
      }
    }
    for (let i = k + 2; i < n; i++) {
      ar[i * n + k] = 0;
      ai[i * n + k] = 0;
    }
  }
}

/**
 * Applies the rotation `G = [[c, s], [−conj(s), c]]` to rows k, k+1 of `h` (columns
 * `from..n−1`), and `Gᴴ` to columns k, k+1 of `h` (rows `0..to`) and of `q` (all rows).
 */
function rotate(h: Mat, q: Mat, n: number, k: number, c: number, sr: number, si: number, from: number, to: number): void {
  const hr = h.re;
  const hi = h.im!;
  for (let j = from; j < n; j++) {
    const p = k * n + j;
    const r = p + n;
    const ar = hr[p]!, ai = hi[p]!, br = hr[r]!, bi = hi[r]!;
    hr[p] = c * ar + sr * br - si * bi;
    hi[p] = c * ai + sr * bi + si * br;
    // −conj(s)·a + c·b
    hr[r] = -(sr * ar + si * ai) + c * br;
    hi[r] = -(sr * ai - si * ar) + c * bi;
  }
  const cols = (m: Mat, rows: number) => {
    const mr = m.re;
    const mi = m.im!;
    for (let i = 0; i < rows; i++) {
      const p = i * n + k;
      const ar = mr[p]!, ai = mi[p]!, br = mr[p + 1]!, bi = mi[p + 1]!;
      // [a b]·Gᴴ = [a·c + b·conj(s), −a·s + b·c]
      mr[p] = c * ar + br * sr + bi * si;
      mi[p] = c * ai + bi * sr - br * si;
      mr[p + 1] = -(ar * sr - ai * si) + c * br;
      mi[p + 1] = -(ar * si + ai * sr) + c * bi;
    }
  };
  cols(h, Math.min(to, n - 1) + 1);
  cols(q, n);
}

/** The rotation (c real, s complex) with `G·[x; y] = [r; 0]`, into `out` = [c, sr, si]. */
function givens(xr: number, xi: number, yr: number, yi: number, out: Float64Array): void {
  const ax = Math.hypot(xr, xi);
  const ay = Math.hypot(yr, yi);
  const nrm = Math.hypot(ax, ay);
  if (ay === 0) {
    out[0] = 1;
    out[1] = 0;
    out[2] = 0;
  } else if (ax === 0) {
    out[0] = 0;
    out[1] = yr / ay;
    out[2] = -yi / ay;
  } else {
    out[0] = ax / nrm;
    // s = (x/|x|)·conj(y)/‖(x, y)‖
    const ur = xr / ax, ui = xi / ax;
    out[1] = (ur * yr + ui * yi) / nrm;
    out[2] = (ui * yr - ur * yi) / nrm;
  }
}

/** Complex Schur form of the Hessenberg `h` (overwritten by T), accumulating into `q`. Returns 0 or LAPACK-style info. */
function schur(h: Mat, n: number, q: Mat): number {
  const hr = h.re;
  const hi = h.im!;
  const abs = (p: number) => Math.abs(hr[p]!) + Math.abs(hi[p]!);
  const g = new Float64Array(3);
  let norm = 0;
  for (let p = 0; p < n * n; p++) norm = Math.max(norm, abs(p));
  let top = n - 1;
  let iter = 0;
  let total = 0;
  while (top >= 0) {
    // the start l of the unreduced block ending at `top`
    let l = top;
    while (l > 0) {
      const sub = abs(l * n + l - 1);
      let ref = abs((l - 1) * n + l - 1) + abs(l * n + l);
      if (ref === 0) ref = norm;
      if (sub <= EPS * ref || sub < SMALL) {
        hr[l * n + l - 1] = 0;
        hi[l * n + l - 1] = 0;
        break;
      }
      l--;
    }
    if (l === top) {
      top--;
      iter = 0;
      continue;
    }
    iter++;
    if (++total > 30 * Math.max(n, 10)) return top + 1;
    // Wilkinson shift: the eigenvalue of the trailing 2×2 block nearer its last diagonal entry
    const a = (top - 1) * n + top - 1;
    let mur: number;
    let mui: number;
    if (iter % 10 === 0) {
      // exceptional shift (as zlahqr: the last diagonal plus ¾ of the subdiagonal's size)
      mur = hr[top * n + top]! + 0.75 * Math.abs(hr[top * n + top - 1]!);
      mui = hi[top * n + top]!;
    } else {
      const ar = hr[a]!, ai = hi[a]!, br = hr[a + 1]!, bi = hi[a + 1]!;
      const cr = hr[a + n]!, ci = hi[a + n]!, dr = hr[a + n + 1]!, di = hi[a + n + 1]!;
      // half difference t = (a − d)/2, disc = sqrt(t² + b·c)
      const tr = (ar - dr) / 2, ti = (ai - di) / 2;
      const zr = tr * tr - ti * ti + (br * cr - bi * ci);
      const zi = 2 * tr * ti + (br * ci + bi * cr);
      const m = Math.hypot(zr, zi);
      let sr = Math.sqrt((m + Math.abs(zr)) / 2);
      let si = sr === 0 ? 0 : zi / (2 * sr);
      if (zr < 0) [sr, si] = [Math.abs(si), zi < 0 ? -sr : sr];
      // λ = d + t ∓ disc, the sign that keeps t and disc from cancelling (λ nearer d)
      const sign = tr * sr + ti * si >= 0 ? -1 : 1;
      mur = dr + tr + sign * sr;
      mui = di + ti + sign * si;
    }
    // bulge chase over the block l..top
    for (let k = l; k < top; k++) {
      if (k === l) givens(hr[l * n + l]! - mur, hi[l * n + l]! - mui, hr[(l + 1) * n + l]!, hi[(l + 1) * n + l]!, g);
      else givens(hr[k * n + k - 1]!, hi[k * n + k - 1]!, hr[(k + 1) * n + k - 1]!, hi[(k + 1) * n + k - 1]!, g);
      rotate(h, q, n, k, g[0]!, g[1]!, g[2]!, k === l ? l : k - 1, Math.min(k + 2, top));
      if (k > l) {
        hr[(k + 1) * n + k - 1] = 0;
        hi[(k + 1) * n + k - 1] = 0;
      }
    }
  }
  return 0;
}

/**
 * Eigenvalues (into `w`) and, when `v` is given, unit eigenvectors (columns of `v`, n×n)
 * of the complex n×n `a` (overwritten). Returns 0, or `info > 0` when the QR iteration
 * did not converge.
 */
export function eigComplex(a: Mat, n: number, w: Mat, v: Mat | null): number {
  if (n === 0) return 0;
  const q = zerosMat(n * n, true);
  for (let i = 0; i < n; i++) q.re[i * n + i] = 1;
  hessenberg(a, n, q);
  const info = schur(a, n, q);
  for (let i = 0; i < n; i++) {
    w.re[i] = a.re[i * n + i]!;
    w.im![i] = a.im![i * n + i]!;
  }
  if (info !== 0 || v === null) return info;
  const tr = a.re;
  const ti = a.im!;
  let norm = 0;
  for (let p = 0; p < n * n; p++) norm = Math.max(norm, Math.abs(tr[p]!) + Math.abs(ti[p]!));
  const smin = Math.max(EPS * norm, SMALL);
  const xr = new Float64Array(n);
  const xi = new Float64Array(n);
  const out = new Float64Array(2);
  for (let k = 0; k < n; k++) {
    // (T − λ_k)·x = 0 with x_k = 1, x_j = 0 below: back substitution (ztrevc)
    xr.fill(0);
    xi.fill(0);
    xr[k] = 1;
    const lr = tr[k * n + k]!, li = ti[k * n + k]!;
    for (let i = k - 1; i >= 0; i--) {
      let sr = 0;
      let si = 0;
      for (let j = i + 1; j <= k; j++) {
        sr += tr[i * n + j]! * xr[j]! - ti[i * n + j]! * xi[j]!;
        si += tr[i * n + j]! * xi[j]! + ti[i * n + j]! * xr[j]!;
      }
      let dr = tr[i * n + i]! - lr;
      let di = ti[i * n + i]! - li;
      if (Math.abs(dr) + Math.abs(di) < smin) {
        dr = smin;
        di = 0;
      }
      cdiv(-sr, -si, dr, di, out);
      xr[i] = out[0]!;
      xi[i] = out[1]!;
    }
    // column k of v = Q·x, then unit norm with the largest component real (zgeev)
    let nrm = 0;
    for (let i = 0; i < n; i++) {
      let sr = 0;
      let si = 0;
      for (let j = 0; j <= k; j++) {
        sr += q.re[i * n + j]! * xr[j]! - q.im![i * n + j]! * xi[j]!;
        si += q.re[i * n + j]! * xi[j]! + q.im![i * n + j]! * xr[j]!;
      }
      v.re[i * n + k] = sr;
      v.im![i * n + k] = si;
      nrm = Math.hypot(nrm, sr, si);
    }
    let big = 0;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const m = v.re[i * n + k]! ** 2 + v.im![i * n + k]! ** 2;
      if (m > big) {
        big = m;
        at = i;
      }
    }
    // scale by conj(v_at)/(|v_at|·‖v‖)
    const mag = Math.sqrt(big);
    const cr = mag === 0 ? 1 : v.re[at * n + k]! / mag;
    const ci = mag === 0 ? 0 : -v.im![at * n + k]! / mag;
    const s = nrm === 0 ? 1 : 1 / nrm;
    for (let i = 0; i < n; i++) {
      const p = i * n + k;
      const yr = v.re[p]!, yi = v.im![p]!;
      v.re[p] = (yr * cr - yi * ci) * s;
      v.im![p] = (yr * ci + yi * cr) * s;
    }
    v.im![at * n + k] = 0;
  }
  return 0;
}
