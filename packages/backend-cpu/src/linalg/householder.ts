/**
 * Householder reflectors as LAPACK builds and applies them, once for real and complex
 * elements ({@link Mat}): `dlarfg`/`zlarfg` (generation, with their sign convention
 * `β = −sign(re α)·‖(α, x)‖`, real β, which gives PyTorch's signs of R) and
 * `dlarf`/`zlarf` (application of `H = I − τ·v·vᴴ` from the left or the right; `Hᴴ` is
 * applied as the reflector with `conj(τ)`).
 */
import { type Mat, cdiv, zerosMat } from './field.js';

/** Euclidean norm of `a[from + i·step]`, i < len (real and imaginary parts), scaled against overflow (`dnrm2`/`dznrm2`). */
function norm2(a: Mat, from: number, step: number, len: number): number {
  let scale = 0;
  let ssq = 1;
  const add = (v: number) => {
    if (v === 0) return;
    const av = Math.abs(v);
    if (scale < av) {
      ssq = 1 + ssq * (scale / av) * (scale / av);
      scale = av;
    } else {
      ssq += (av / scale) * (av / scale);
    }
  };
  for (let i = 0; i < len; i++) {
    add(a.re[from + i * step]!);
    if (a.im !== null) add(a.im[from + i * step]!);
  }
  return scale * Math.sqrt(ssq);
}

/** A reflector's τ: real and imaginary parts (0 for real dtypes). */
export type Tau = [number, number];

/**
 * Generates the reflector that zeroes column `col` of the row-major `a` (`cols` wide)
 * below row `row`: `a[row][col]` becomes β (real), the entries below become v (v₀ = 1
 * implicit). Returns τ.
 */
export function larfg(a: Mat, cols: number, rows: number, row: number, col: number): Tau {
  const p = row * cols + col;
  const ar = a.re[p]!;
  const ai = a.im === null ? 0 : a.im[p]!;
  const len = rows - row - 1;
  const xnorm = len > 0 ? norm2(a, (row + 1) * cols + col, cols, len) : 0;
  if (xnorm === 0 && ai === 0) return [0, 0];
  const mag = a.im === null ? Math.hypot(ar, xnorm) : Math.hypot(ar, ai, xnorm);
  const beta = ar >= 0 ? -mag : mag;
  const tau: Tau = [(beta - ar) / beta, -ai / beta];
  // x ← x / (α − β)
  const [sr, si] = a.im === null ? [1 / (ar - beta), 0] : Array.from(cdiv(1, 0, ar - beta, ai));
  for (let i = row + 1; i < rows; i++) {
    const q = i * cols + col;
    const xr = a.re[q]!;
    if (a.im === null) a.re[q] = xr * sr!;
    else {
      const xi = a.im[q]!;
      a.re[q] = xr * sr! - xi * si!;
      a.im[q] = xr * si! + xi * sr!;
    }
  }
  a.re[p] = beta;
  if (a.im !== null) a.im[p] = 0;
  return tau;
}

/**
 * Applies `H = I − τ·v·vᴴ` from the left to rows `r0..` of the row-major matrix `c`
 * (`cRows`×`cCols`), columns `c0..cCols-1`; `v` has length `cRows − r0`.
 */
export function applyLeft(c: Mat, cRows: number, cCols: number, r0: number, c0: number, v: Mat, tau: Tau): void {
  const [tr, ti] = tau;
  if (tr === 0 && ti === 0) return;
  for (let j = c0; j < cCols; j++) {
    // w = vᴴ·c_j
    let wr = 0;
    let wi = 0;
    for (let i = r0; i < cRows; i++) {
      const q = i * cCols + j;
      const vr = v.re[i - r0]!;
      if (c.im === null) wr += c.re[q]! * vr;
      else {
        const vi = v.im![i - r0]!;
        wr += vr * c.re[q]! + vi * c.im[q]!;
        wi += vr * c.im[q]! - vi * c.re[q]!;
      }
    }
    if (wr === 0 && wi === 0) continue;
    // c_j −= (τ·w)·v
    const twr = tr * wr - ti * wi;
    const twi = tr * wi + ti * wr;
    for (let i = r0; i < cRows; i++) {
      const q = i * cCols + j;
      const vr = v.re[i - r0]!;
      if (c.im === null) c.re[q]! -= twr * vr;
      else {
        const vi = v.im![i - r0]!;
        c.re[q]! -= twr * vr - twi * vi;
        c.im[q]! -= twr * vi + twi * vr;
      }
    }
  }
}

/** Applies `H` from the right to columns `c0..` of every row of `c` (`cRows`×`cCols`); `v` has length `cCols − c0`. */
export function applyRight(c: Mat, cRows: number, cCols: number, c0: number, v: Mat, tau: Tau): void {
  const [tr, ti] = tau;
  if (tr === 0 && ti === 0) return;
  for (let i = 0; i < cRows; i++) {
    // w = c_i·v (row i)
    let wr = 0;
    let wi = 0;
    for (let j = c0; j < cCols; j++) {
      const q = i * cCols + j;
      const vr = v.re[j - c0]!;
      if (c.im === null) wr += c.re[q]! * vr;
      else {
        const vi = v.im![j - c0]!;
        wr += c.re[q]! * vr - c.im[q]! * vi;
        wi += c.re[q]! * vi + c.im[q]! * vr;
      }
    }
    if (wr === 0 && wi === 0) continue;
    // c_i −= (τ·w)·vᴴ
    const twr = tr * wr - ti * wi;
    const twi = tr * wi + ti * wr;
    for (let j = c0; j < cCols; j++) {
      const q = i * cCols + j;
      const vr = v.re[j - c0]!;
      if (c.im === null) c.re[q]! -= twr * vr;
      else {
        const vi = v.im![j - c0]!;
        c.re[q]! -= twr * vr + twi * vi;
        c.im[q]! -= twi * vr - twr * vi;
      }
    }
  }
}

/** Reflector `i` stored in column `i` of row-major `a` (`rows`×`cols`) below the diagonal, with v₀ = 1, as a vector of length `rows − i`. */
export function reflector(a: Mat, rows: number, cols: number, i: number): Mat {
  const v = zerosMat(rows - i, a.im !== null);
  v.re[0] = 1;
  for (let r = i + 1; r < rows; r++) {
    v.re[r - i] = a.re[r * cols + i]!;
    if (v.im !== null) v.im[r - i] = a.im![r * cols + i]!;
  }
  return v;
}
