/**
 * The SVD behind `linalg.svd`/`svdvals`/`pinv`/`matrix_rank`/`lstsq` ('gelsd', 'gelss'):
 * one-sided (Hestenes) Jacobi on the columns of the taller orientation, in float64.
 * Plane rotations orthogonalise column pairs until every pair satisfies
 * |⟨aᵢ,aⱼ⟩| ≤ ε‖aᵢ‖‖aⱼ‖ (quadratic convergence; high relative accuracy even for tiny
 * singular values); the column norms are the singular values, sorted descending as
 * LAPACK returns them. Left vectors of zero singular values and the extra columns of
 * `full_matrices` come from an orthonormal completion (the standard basis vector least
 * covered by the columns so far, orthogonalised twice). Complex matrices run the same
 * sweeps (see {@link svdComplex}).
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

/** {@link SvdResult} of a complex matrix: the factors' imaginary parts beside their real parts. */
export interface SvdResultComplex extends SvdResult {
  /** Imaginary parts of U (null when not asked for). */
  uIm: Float64Array | null;
  /** Imaginary parts of Vᴴ (null when not asked for). */
  vhIm: Float64Array | null;
}

/**
 * SVD of the m×n row-major matrix `a` (not modified). `vectors` asks for U and Vᴴ;
 * `full` makes them square (m×m and n×n).
 */
export function svd(a: Float64Array, m: number, n: number, vectors: boolean, full: boolean): SvdResult {
  return svdOf(a, null, m, n, vectors, full);
}

/** SVD of the complex m×n row-major matrix with parts `re`, `im` (not modified): `A = U·S·Vᴴ`. */
export function svdComplex(re: Float64Array, im: Float64Array, m: number, n: number, vectors: boolean, full: boolean): SvdResultComplex {
  return svdOf(re, im, m, n, vectors, full) as SvdResultComplex;
}

/** The SVD of a real (`im` null) or complex matrix: one algorithm for both. */
function svdOf(a: Float64Array, ai: Float64Array | null, m: number, n: number, vectors: boolean, full: boolean): SvdResult | SvdResultComplex {
  if (m < n) {
    // A = U S Vh  ⇔  Aᴴ = V S Uᴴ: decompose the conjugate transpose and swap the factors.
    // The row-major storage of A is the column-major storage of Aᵀ (n×m); Aᴴ conjugates it.
    const r = svdTall(a.slice(), ai === null ? null : ai.map((x) => -x), n, m, vectors, full);
    if (!vectors) return r;
    // r.u is n×c (c = m or n), r.vh is m×m: U = r.vhᴴ (m×m), Vh = r.uᴴ (c×n).
    const c = full ? n : m;
    return {
      s: r.s,
      u: transpose(r.vh!, m, m),
      vh: transpose(r.u!, n, c),
      uIm: r.vhIm === null ? null : negTranspose(r.vhIm, m, m),
      vhIm: r.uIm === null ? null : negTranspose(r.uIm, n, c),
      converged: r.converged,
    };
  }
  // Column-major copy: each column contiguous.
  const g = new Float64Array(m * n);
  const gi = ai === null ? null : new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      g[j * m + i] = a[i * n + j]!;
      if (gi !== null) gi[j * m + i] = ai![i * n + j]!;
    }
  }
  return svdTall(g, gi, m, n, vectors, full);
}

function transpose(x: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = x[i * c + j]!;
  return out;
}

/** −xᵀ: the imaginary part of a conjugate transpose. */
function negTranspose(x: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = -x[i * c + j]!;
  return out;
}

/** Scaled Euclidean norm of column `o..o+m` of the real (and imaginary) parts. */
function columnNorm(g: Float64Array, gi: Float64Array | null, o: number, m: number): number {
  let scale = 0;
  for (let i = 0; i < m; i++) scale = Math.max(scale, Math.abs(g[o + i]!), gi === null ? 0 : Math.abs(gi[o + i]!));
  if (!(scale > 0)) return 0;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    const x = g[o + i]! / scale;
    sum += x * x;
    if (gi !== null) {
      const y = gi[o + i]! / scale;
      sum += y * y;
    }
  }
  return scale * Math.sqrt(sum);
}

/**
 * Jacobi on an m×n (m ≥ n) matrix whose columns are stored contiguously in `g` (and
 * imaginary parts in `gi` for complex; column-major, overwritten). Returns U as m×c
 * row-major (c = n thin, m full) and Vh as n×n row-major. Inputs must be finite (callers
 * check). A complex pair is first made real (column q times the conjugate phase of
 * ⟨g_p, g_q⟩, in V too, which keeps G = A·V), then rotated as a real pair.
 */
function svdTall(g: Float64Array, gi: Float64Array | null, m: number, n: number, vectors: boolean, full: boolean): SvdResultComplex {
  const v = vectors ? identity(n) : null; // column-major: column j at j*n
  const vi = vectors && gi !== null ? new Float64Array(n * n) : null;
  // A column whose norm falls to ε‖A‖_F is numerically zero: rotating it against the
  // others only stirs rounding noise and would never meet the relative test below
  // (rank-deficient inputs), so such pairs count as orthogonal and the column's left
  // vector comes from the orthonormal completion.
  let scale = 0;
  for (let i = 0; i < m * n; i++) scale = Math.max(scale, Math.abs(g[i]!), gi === null ? 0 : Math.abs(gi[i]!));
  let fro = 0;
  if (scale > 0) {
    for (let i = 0; i < m * n; i++) fro += (g[i]! / scale) ** 2 + (gi === null ? 0 : (gi[i]! / scale) ** 2);
    fro = scale * Math.sqrt(fro);
  }
  const negligible = EPS * fro;
  /** Multiplies column `o..o+len` of (re, im) by (cr + i·ci). */
  const phase = (re: Float64Array, im: Float64Array, o: number, len: number, cr: number, ci: number) => {
    for (let i = 0; i < len; i++) {
      const x = re[o + i]!;
      const y = im[o + i]!;
      re[o + i] = x * cr - y * ci;
      im[o + i] = x * ci + y * cr;
    }
  };
  /** The real rotation of columns p, q (offsets op, oq) of one part. */
  const rotate = (x: Float64Array, op: number, oq: number, len: number, c: number, s: number) => {
    for (let i = 0; i < len; i++) {
      const a = x[op + i]!;
      const b = x[oq + i]!;
      x[op + i] = c * a - s * b;
      x[oq + i] = s * a + c * b;
    }
  };
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
        let gammaIm = 0;
        for (let i = 0; i < m; i++) {
          const x = g[op + i]!;
          const y = g[oq + i]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
          if (gi !== null) {
            const xi = gi[op + i]!;
            const yi = gi[oq + i]!;
            alpha += xi * xi;
            beta += yi * yi;
            // conj(x)·y
            gamma += xi * yi;
            gammaIm += x * yi - xi * y;
          }
        }
        const mag = gi === null ? Math.abs(gamma) : Math.hypot(gamma, gammaIm);
        if (mag === 0 || !(mag > EPS * Math.sqrt(alpha) * Math.sqrt(beta))) continue;
        if (Math.sqrt(alpha) <= negligible || Math.sqrt(beta) <= negligible) continue;
        rotated = true;
        if (gi !== null) {
          // column q times conj(γ)/|γ|: ⟨g_p, g_q⟩ becomes |γ|
          const cr = gamma / mag;
          const ci = -gammaIm / mag;
          phase(g, gi, oq, m, cr, ci);
          if (v !== null) phase(v, vi!, q * n, n, cr, ci);
          gamma = mag;
        }
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.hypot(1, zeta));
        const c = 1 / Math.hypot(1, t);
        const s = c * t;
        rotate(g, op, oq, m, c, s);
        if (gi !== null) rotate(gi, op, oq, m, c, s);
        if (v !== null) {
          rotate(v, p * n, q * n, n, c, s);
          if (vi !== null) rotate(vi, p * n, q * n, n, c, s);
        }
      }
    }
    if (!rotated) converged = true;
  }
  // Singular values and their order (descending, stable).
  const norms = new Float64Array(n);
  for (let j = 0; j < n; j++) norms[j] = columnNorm(g, gi, j * m, m);
  const order = Array.from({ length: n }, (_, j) => j);
  order.sort((x, y) => norms[y]! - norms[x]! || x - y);
  const s = new Float64Array(n);
  for (let j = 0; j < n; j++) s[j] = norms[order[j]!]!;
  if (!vectors) return { s, u: null, vh: null, uIm: null, vhIm: null, converged };
  // U columns (column-major, c columns), completed to an orthonormal set.
  const c = full ? m : n;
  const uc = new Float64Array(m * c);
  const uci = gi === null ? null : new Float64Array(m * c);
  const have: boolean[] = new Array<boolean>(c).fill(false);
  for (let j = 0; j < n; j++) {
    const sj = s[j]!;
    if (!(sj > negligible)) continue;
    const src = order[j]! * m;
    for (let i = 0; i < m; i++) uc[j * m + i] = g[src + i]! / sj;
    if (uci !== null) for (let i = 0; i < m; i++) uci[j * m + i] = gi![src + i]! / sj;
    have[j] = true;
  }
  completeColumns(uc, m, c, have, uci);
  const u = new Float64Array(m * c);
  const uIm = uci === null ? null : new Float64Array(m * c);
  for (let j = 0; j < c; j++) {
    for (let i = 0; i < m; i++) {
      u[i * c + j] = uc[j * m + i]!;
      if (uIm !== null) uIm[i * c + j] = uci![j * m + i]!;
    }
  }
  // Vh rows are the (permuted, conjugated) columns of V.
  const vh = new Float64Array(n * n);
  const vhIm = vi === null ? null : new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const src = order[j]! * n;
    for (let i = 0; i < n; i++) {
      vh[j * n + i] = v![src + i]!;
      if (vhIm !== null) vhIm[j * n + i] = -vi![src + i]!;
    }
  }
  return { s, u, vh, uIm, vhIm, converged };
}

function identity(n: number): Float64Array {
  const x = new Float64Array(n * n);
  for (let i = 0; i < n; i++) x[i * n + i] = 1;
  return x;
}

/**
 * Fills the columns of the column-major m×c matrix `q` (imaginary parts in `qi` for
 * complex; columns orthonormal where `have[j]`) that are missing, so that all c columns
 * are orthonormal.
 */
export function completeColumns(q: Float64Array, m: number, c: number, have: boolean[], qi: Float64Array | null = null): void {
  const cover = new Float64Array(m); // squared length of each row of the columns so far
  const addCover = (j: number) => {
    for (let i = 0; i < m; i++) cover[i] = cover[i]! + q[j * m + i]! ** 2 + (qi === null ? 0 : qi[j * m + i]! ** 2);
  };
  for (let j = 0; j < c; j++) if (have[j]) addCover(j);
  for (let j = 0; j < c; j++) {
    if (have[j]) continue;
    // the basis vector e_k farthest from the span so far
    let k = 0;
    for (let i = 1; i < m; i++) if (cover[i]! < cover[k]!) k = i;
    const o = j * m;
    for (let i = 0; i < m; i++) q[o + i] = i === k ? 1 : 0;
    if (qi !== null) for (let i = 0; i < m; i++) qi[o + i] = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let t = 0; t < c; t++) {
        if (!have[t]) continue;
        // dot = q_tᴴ·q_o; q_o −= dot·q_t
        let dot = 0;
        let doti = 0;
        for (let i = 0; i < m; i++) {
          dot += q[t * m + i]! * q[o + i]!;
          if (qi !== null) {
            dot += qi[t * m + i]! * qi[o + i]!;
            doti += q[t * m + i]! * qi[o + i]! - qi[t * m + i]! * q[o + i]!;
          }
        }
        for (let i = 0; i < m; i++) {
          if (qi === null) q[o + i] = q[o + i]! - dot * q[t * m + i]!;
          else {
            const tr = q[t * m + i]!;
            const ti = qi[t * m + i]!;
            q[o + i] = q[o + i]! - (dot * tr - doti * ti);
            qi[o + i] = qi[o + i]! - (dot * ti + doti * tr);
          }
        }
      }
    }
    let nrm = 0;
    for (let i = 0; i < m; i++) nrm += q[o + i]! ** 2 + (qi === null ? 0 : qi[o + i]! ** 2);
    nrm = Math.sqrt(nrm);
    for (let i = 0; i < m; i++) {
      q[o + i] = q[o + i]! / nrm;
      if (qi !== null) qi[o + i] = qi[o + i]! / nrm;
    }
    have[j] = true;
    addCover(j);
  }
}
