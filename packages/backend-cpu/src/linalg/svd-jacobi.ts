/**
 * The SVD behind `linalg.svd`/`svdvals`/`pinv`/`matrix_rank`/`lstsq` ('gelsd', 'gelss'):
 * one-sided (Hestenes) Jacobi on the columns of the taller orientation, in float64.
 * Plane rotations orthogonalise column pairs until every pair satisfies
 * |⟨aᵢ,aⱼ⟩| ≤ ε‖aᵢ‖‖aⱼ‖ (quadratic convergence; high relative accuracy even for tiny
 * singular values); the column norms are the singular values, sorted descending as
 * LAPACK returns them. Left vectors of zero singular values and the extra columns of
 * `full_matrices` come from an orthonormal completion (the standard basis vector least
 * covered by the columns so far, orthogonalised twice).
 */

const EPS = 2 ** -52;
const MAX_SWEEPS = 80;

/** A thin or full SVD of one matrix, all row-major float64. */
export interface SvdResult {
  /** Singular values, descending (length k = min(m, n)). */
  s: Float64Array;
  /** Left vectors: m×k (thin) or m×m (full); null when not asked for. */
  u: Float64Array | null;
  /** Right vectors transposed (Vᴴ): k×n (thin) or n×n (full); null when not asked for. */
  vh: Float64Array | null;
  /** Whether the sweeps converged (false only past the sweep bound). */
  converged: boolean;
}

/**
 * SVD of the m×n row-major matrix `a` (not modified). `vectors` asks for U and Vᴴ;
 * `full` makes them square (m×m and n×n).
 */
export function svd(a: Float64Array, m: number, n: number, vectors: boolean, full: boolean): SvdResult {
  if (m < n) {
    // A = U S Vh  ⇔  Aᵀ = V S Uᵀ: decompose the transpose and swap the factors.
    // The row-major storage of A is the column-major storage of Aᵀ (n×m).
    const r = svdTall(a.slice(), n, m, vectors, full);
    if (!vectors) return r;
    // r.u is n×c (c = m or n), r.vh is m×m: U = r.vhᵀ (m×m), Vh = r.uᵀ (c×n).
    return { s: r.s, u: transpose(r.vh!, m, m), vh: transpose(r.u!, n, full ? n : m), converged: r.converged };
  }
  // Column-major copy: each column contiguous.
  const g = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) g[j * m + i] = a[i * n + j]!;
  return svdTall(g, m, n, vectors, full);
}

function transpose(x: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = x[i * c + j]!;
  return out;
}

/**
 * Jacobi on an m×n (m ≥ n) matrix whose columns are stored contiguously in `g`
 * (column-major, overwritten). Returns U as m×c row-major (c = n thin, m full) and
 * Vh as n×n row-major. Inputs must be finite (callers check).
 */
function svdTall(g: Float64Array, m: number, n: number, vectors: boolean, full: boolean): SvdResult {
  const v = vectors ? identity(n) : null; // column-major: column j at j*n
  // A column whose norm falls to ε‖A‖_F is numerically zero: rotating it against the
  // others only stirs rounding noise and would never meet the relative test below
  // (rank-deficient inputs), so such pairs count as orthogonal and the column's left
  // vector comes from the orthonormal completion.
  let scale = 0;
  for (let i = 0; i < m * n; i++) scale = Math.max(scale, Math.abs(g[i]!));
  let fro = 0;
  if (scale > 0) {
    for (let i = 0; i < m * n; i++) fro += (g[i]! / scale) ** 2;
    fro = scale * Math.sqrt(fro);
  }
  const negligible = EPS * fro;
  let converged = n < 2;
  for (let sweep = 0; sweep < MAX_SWEEPS && !converged; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      const op = p * m;
      for (let q = p + 1; q < n; q++) {
        const oq = q * m;
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const x = g[op + i]!;
          const y = g[oq + i]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || !(Math.abs(gamma) > EPS * Math.sqrt(alpha) * Math.sqrt(beta))) continue;
        if (Math.sqrt(alpha) <= negligible || Math.sqrt(beta) <= negligible) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.hypot(1, zeta));
        const c = 1 / Math.hypot(1, t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const x = g[op + i]!;
          const y = g[oq + i]!;
          g[op + i] = c * x - s * y;
          g[oq + i] = s * x + c * y;
        }
        if (v !== null) {
          const vp = p * n;
          const vq = q * n;
          for (let i = 0; i < n; i++) {
            const x = v[vp + i]!;
            const y = v[vq + i]!;
            v[vp + i] = c * x - s * y;
            v[vq + i] = s * x + c * y;
          }
        }
      }
    }
    if (!rotated) converged = true;
  }
  // Singular values and their order (descending, stable).
  const norms = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    const o = j * m;
    // scaled norm: avoids overflow/underflow of the squares
    let scale = 0;
    for (let i = 0; i < m; i++) scale = Math.max(scale, Math.abs(g[o + i]!));
    if (scale > 0) {
      for (let i = 0; i < m; i++) {
        const x = g[o + i]! / scale;
        sum += x * x;
      }
      norms[j] = scale * Math.sqrt(sum);
    }
  }
  const order = Array.from({ length: n }, (_, j) => j);
  order.sort((x, y) => norms[y]! - norms[x]! || x - y);
  const s = new Float64Array(n);
  for (let j = 0; j < n; j++) s[j] = norms[order[j]!]!;
  if (!vectors) return { s, u: null, vh: null, converged };
  // U columns (column-major, c columns), completed to an orthonormal set.
  const c = full ? m : n;
  const uc = new Float64Array(m * c);
  const have: boolean[] = new Array<boolean>(c).fill(false);
  for (let j = 0; j < n; j++) {
    const sj = s[j]!;
    if (!(sj > negligible)) continue;
    const src = order[j]! * m;
    for (let i = 0; i < m; i++) uc[j * m + i] = g[src + i]! / sj;
    have[j] = true;
  }
  completeColumns(uc, m, c, have);
  const u = new Float64Array(m * c);
  for (let j = 0; j < c; j++) for (let i = 0; i < m; i++) u[i * c + j] = uc[j * m + i]!;
  // Vh rows are the (permuted) columns of V.
  const vh = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const src = order[j]! * n;
    for (let i = 0; i < n; i++) vh[j * n + i] = v![src + i]!;
  }
  return { s, u, vh, converged };
}

function identity(n: number): Float64Array {
  const x = new Float64Array(n * n);
  for (let i = 0; i < n; i++) x[i * n + i] = 1;
  return x;
}

/**
 * Fills the columns of the column-major m×c matrix `q` (columns orthonormal where
 * `have[j]`) that are missing, so that all c columns are orthonormal.
 */
export function completeColumns(q: Float64Array, m: number, c: number, have: boolean[]): void {
  const cover = new Float64Array(m); // squared length of each row of the columns so far
  for (let j = 0; j < c; j++) if (have[j]) for (let i = 0; i < m; i++) cover[i] = cover[i]! + q[j * m + i]! ** 2;
  for (let j = 0; j < c; j++) {
    if (have[j]) continue;
    // the basis vector e_k farthest from the span so far
    let k = 0;
    for (let i = 1; i < m; i++) if (cover[i]! < cover[k]!) k = i;
    const o = j * m;
    for (let i = 0; i < m; i++) q[o + i] = i === k ? 1 : 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let t = 0; t < c; t++) {
        if (!have[t]) continue;
        let dot = 0;
        for (let i = 0; i < m; i++) dot += q[t * m + i]! * q[o + i]!;
        for (let i = 0; i < m; i++) q[o + i] = q[o + i]! - dot * q[t * m + i]!;
      }
    }
    let nrm = 0;
    for (let i = 0; i < m; i++) nrm += q[o + i]! ** 2;
    nrm = Math.sqrt(nrm);
    for (let i = 0; i < m; i++) q[o + i] = q[o + i]! / nrm;
    have[j] = true;
    for (let i = 0; i < m; i++) cover[i] = cover[i]! + q[o + i]! ** 2;
  }
}
