/**
 * Householder reflectors as LAPACK builds and applies them: `dlarfg` (generation, with
 * its sign convention `β = −sign(α)·‖(α, x)‖`, which gives PyTorch's signs of R) and
 * `dlarf` (application of `H = I − τ·v·vᵀ` from the left or the right).
 */

/** Euclidean norm of `a[from + i·step]`, i < len, scaled against overflow (`dnrm2`). */
function norm2(a: Float64Array, from: number, step: number, len: number): number {
  let scale = 0;
  let ssq = 1;
  for (let i = 0; i < len; i++) {
    const v = a[from + i * step]!;
    if (v !== 0) {
      const av = Math.abs(v);
      if (scale < av) {
        ssq = 1 + ssq * (scale / av) * (scale / av);
        scale = av;
      } else {
        ssq += (av / scale) * (av / scale);
      }
    }
  }
  return scale * Math.sqrt(ssq);
}

/**
 * Generates the reflector that zeroes column `col` of the row-major `a` (`cols` wide)
 * below row `row`: `a[row][col]` becomes β, the entries below become v (v₀ = 1 implicit).
 * Returns τ.
 */
export function larfg(a: Float64Array, cols: number, rows: number, row: number, col: number): number {
  const alpha = a[row * cols + col]!;
  const len = rows - row - 1;
  const xnorm = len > 0 ? norm2(a, (row + 1) * cols + col, cols, len) : 0;
  if (xnorm === 0) return 0;
  const mag = Math.hypot(alpha, xnorm);
  const beta = alpha >= 0 ? -mag : mag;
  const tau = (beta - alpha) / beta;
  const s = 1 / (alpha - beta);
  for (let i = row + 1; i < rows; i++) a[i * cols + col]! *= s;
  a[row * cols + col] = beta;
  return tau;
}

/**
 * Applies `H = I − τ·v·vᵀ` from the left to rows `r0..` of the row-major matrix `c`
 * (`cRows`×`cCols`), columns `c0..cCols-1`; `v` has length `cRows − r0`.
 */
export function applyLeft(c: Float64Array, cRows: number, cCols: number, r0: number, c0: number, v: Float64Array, tau: number): void {
  if (tau === 0) return;
  for (let j = c0; j < cCols; j++) {
    let w = 0;
    for (let i = r0; i < cRows; i++) w += c[i * cCols + j]! * v[i - r0]!;
    if (w === 0) continue;
    const tw = tau * w;
    for (let i = r0; i < cRows; i++) c[i * cCols + j]! -= tw * v[i - r0]!;
  }
}

/** Applies `H` from the right to columns `c0..` of every row of `c` (`cRows`×`cCols`); `v` has length `cCols − c0`. */
export function applyRight(c: Float64Array, cRows: number, cCols: number, c0: number, v: Float64Array, tau: number): void {
  if (tau === 0) return;
  for (let i = 0; i < cRows; i++) {
    let w = 0;
    for (let j = c0; j < cCols; j++) w += c[i * cCols + j]! * v[j - c0]!;
    if (w === 0) continue;
    const tw = tau * w;
    for (let j = c0; j < cCols; j++) c[i * cCols + j]! -= tw * v[j - c0]!;
  }
}

/** Reflector `i` stored in column `i` of row-major `a` (`rows`×`cols`) below the diagonal, with v₀ = 1, as a vector of length `rows − i`. */
export function reflector(a: Float64Array, rows: number, cols: number, i: number): Float64Array {
  const v = new Float64Array(rows - i);
  v[0] = 1;
  for (let r = i + 1; r < rows; r++) v[r - i] = a[r * cols + i]!;
  return v;
}
