/**
 * The general (nonsymmetric) real eigensolver behind `linalg.eig`/`eigvals`: Householder
 * reduction to upper Hessenberg form, then the Francis double-shift QR algorithm with
 * exceptional shifts on stagnation, and back substitution on the real Schur form for the
 * eigenvectors (the EISPACK orthes/hqr2 pair), in float64. Eigenvalues come in Schur
 * order, a complex-conjugate pair with the positive imaginary part first, as LAPACK's
 * `geev` returns them. Vectors are returned in `geev`'s real packing and normalised as
 * `geev` normalises them (unit Euclidean norm, largest component real).
 */

const EPS = 2 ** -52;

/**
 * Eigen-decomposes the row-major n×n matrix `h` (overwritten). Writes eigenvalues into
 * `wr`/`wi` and, when `v` is given, the eigenvectors into `v` (row-major n×n, real
 * packing: for a pair `wr[j] ± i·wi[j]` with `wi[j] > 0`, columns j and j+1 hold the real
 * and imaginary parts of the vector of `wr[j] + i·wi[j]`). Returns 0 or the failing index.
 */
export function eigGeneral(h: Float64Array, n: number, wr: Float64Array, wi: Float64Array, v: Float64Array | null): number {
  if (n === 0) return 0;
  const V = v ?? new Float64Array(n * n);
  hessenberg(h, n, V);
  const info = hqr2(h, n, wr, wi, V, v !== null);
  if (info !== 0 || v === null) return info;
  normalize(V, n, wi);
  return 0;
}

/** Householder reduction to Hessenberg form, accumulating the transform into `V`. */
function hessenberg(H: Float64Array, n: number, V: Float64Array): void {
  const high = n - 1;
  const ort = new Float64Array(n);
  for (let m = 1; m <= high - 1; m++) {
    let scale = 0;
    for (let i = m; i <= high; i++) scale += Math.abs(H[i * n + m - 1]!);
    if (scale === 0) continue;
    let h = 0;
    for (let i = high; i >= m; i--) {
      ort[i] = H[i * n + m - 1]! / scale;
      h += ort[i]! * ort[i]!;
    }
    let g = Math.sqrt(h);
    if (ort[m]! > 0) g = -g;
    h -= ort[m]! * g;
    ort[m] = ort[m]! - g;
    for (let j = m; j < n; j++) {
      let f = 0;
      for (let i = high; i >= m; i--) f += ort[i]! * H[i * n + j]!;
      f /= h;
      for (let i = m; i <= high; i++) H[i * n + j] = H[i * n + j]! - f * ort[i]!;
    }
    for (let i = 0; i <= high; i++) {
      let f = 0;
      for (let j = high; j >= m; j--) f += ort[j]! * H[i * n + j]!;
      f /= h;
      for (let j = m; j <= high; j++) H[i * n + j] = H[i * n + j]! - f * ort[j]!;
    }
    ort[m] = scale * ort[m]!;
    H[m * n + m - 1] = scale * g;
  }
  V.fill(0);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let m = high - 1; m >= 1; m--) {
    if (H[m * n + m - 1] === 0) continue;
    for (let i = m + 1; i <= high; i++) ort[i] = H[i * n + m - 1]!;
    for (let j = m; j <= high; j++) {
      let g = 0;
      for (let i = m; i <= high; i++) g += ort[i]! * V[i * n + j]!;
      g = g / ort[m]! / H[m * n + m - 1]!;
      for (let i = m; i <= high; i++) V[i * n + j] = V[i * n + j]! + g * ort[i]!;
    }
  }
}

/** Complex division (xr + i·xi) / (yr + i·yi), scaled. */
function cdiv(xr: number, xi: number, yr: number, yi: number): [number, number] {
  if (Math.abs(yr) > Math.abs(yi)) {
    const r = yi / yr;
    const d = yr + r * yi;
    return [(xr + r * xi) / d, (xi - r * xr) / d];
  }
  const r = yr / yi;
  const d = yi + r * yr;
  return [(r * xr + xi) / d, (r * xi - xr) / d];
}

/** Francis double-shift QR on the Hessenberg `H`, then eigenvectors by back substitution. */
function hqr2(H: Float64Array, nn: number, d: Float64Array, e: Float64Array, V: Float64Array, vectors: boolean): number {
  const low = 0;
  const high = nn - 1;
  let n = nn - 1;
  let exshift = 0;
  let p = 0, q = 0, r = 0, s = 0, z = 0, t: number, w: number, x: number, y: number;
  let norm = 0;
  for (let i = 0; i < nn; i++) for (let j = Math.max(i - 1, 0); j < nn; j++) norm += Math.abs(H[i * nn + j]!);
  const at = (i: number, j: number) => H[i * nn + j]!;
  const set = (i: number, j: number, val: number) => {
    H[i * nn + j] = val;
  };
  let iter = 0;
  let total = 0;
  const maxTotal = 30 * nn;
  while (n >= low) {
    let l = n;
    while (l > low) {
      s = Math.abs(at(l - 1, l - 1)) + Math.abs(at(l, l));
      if (s === 0) s = norm;
      if (Math.abs(at(l, l - 1)) < EPS * s) break;
      l--;
    }
    if (l === n) {
      set(n, n, at(n, n) + exshift);
      d[n] = at(n, n);
      e[n] = 0;
      n--;
      iter = 0;
    } else if (l === n - 1) {
      w = at(n, n - 1) * at(n - 1, n);
      p = (at(n - 1, n - 1) - at(n, n)) / 2;
      q = p * p + w;
      z = Math.sqrt(Math.abs(q));
      set(n, n, at(n, n) + exshift);
      set(n - 1, n - 1, at(n - 1, n - 1) + exshift);
      x = at(n, n);
      if (q >= 0) {
        z = p >= 0 ? p + z : p - z;
        d[n - 1] = x + z;
        d[n] = d[n - 1]!;
        if (z !== 0) d[n] = x - w / z;
        e[n - 1] = 0;
        e[n] = 0;
        x = at(n, n - 1);
        s = Math.abs(x) + Math.abs(z);
        p = x / s;
        q = z / s;
        r = Math.sqrt(p * p + q * q);
        p /= r;
        q /= r;
        for (let j = n - 1; j < nn; j++) {
          z = at(n - 1, j);
          set(n - 1, j, q * z + p * at(n, j));
          set(n, j, q * at(n, j) - p * z);
        }
        for (let i = 0; i <= n; i++) {
          z = at(i, n - 1);
          set(i, n - 1, q * z + p * at(i, n));
          set(i, n, q * at(i, n) - p * z);
        }
        for (let i = low; i <= high; i++) {
          z = V[i * nn + n - 1]!;
          V[i * nn + n - 1] = q * z + p * V[i * nn + n]!;
          V[i * nn + n] = q * V[i * nn + n]! - p * z;
        }
      } else {
        d[n - 1] = x + p;
        d[n] = x + p;
        e[n - 1] = z;
        e[n] = -z;
      }
      n -= 2;
      iter = 0;
    } else {
      x = at(n, n);
      y = 0;
      w = 0;
      if (l < n) {
        y = at(n - 1, n - 1);
        w = at(n, n - 1) * at(n - 1, n);
      }
      if (iter === 10) {
        exshift += x;
        for (let i = low; i <= n; i++) set(i, i, at(i, i) - x);
        s = Math.abs(at(n, n - 1)) + Math.abs(at(n - 1, n - 2));
        x = y = 0.75 * s;
        w = -0.4375 * s * s;
      }
      if (iter === 30) {
        s = (y - x) / 2;
        s = s * s + w;
        if (s > 0) {
          s = Math.sqrt(s);
          if (y < x) s = -s;
          s = x - w / ((y - x) / 2 + s);
          for (let i = low; i <= n; i++) set(i, i, at(i, i) - s);
          exshift += s;
          x = y = w = 0.964;
        }
      }
      iter++;
      if (++total > maxTotal) return n + 1;
      let m = n - 2;
      while (m >= l) {
        z = at(m, m);
        r = x - z;
        s = y - z;
        p = (r * s - w) / at(m + 1, m) + at(m, m + 1);
        q = at(m + 1, m + 1) - z - r - s;
        r = at(m + 2, m + 1);
        s = Math.abs(p) + Math.abs(q) + Math.abs(r);
        p /= s;
        q /= s;
        r /= s;
        if (m === l) break;
        if (Math.abs(at(m, m - 1)) * (Math.abs(q) + Math.abs(r)) < EPS * (Math.abs(p) * (Math.abs(at(m - 1, m - 1)) + Math.abs(z) + Math.abs(at(m + 1, m + 1))))) break;
        m--;
      }
      for (let i = m + 2; i <= n; i++) {
        set(i, i - 2, 0);
        if (i > m + 2) set(i, i - 3, 0);
      }
      for (let k = m; k <= n - 1; k++) {
        const notlast = k !== n - 1;
        if (k !== m) {
          p = at(k, k - 1);
          q = at(k + 1, k - 1);
          r = notlast ? at(k + 2, k - 1) : 0;
          x = Math.abs(p) + Math.abs(q) + Math.abs(r);
          if (x === 0) continue;
          p /= x;
          q /= x;
          r /= x;
        }
        s = Math.sqrt(p * p + q * q + r * r);
        if (p < 0) s = -s;
        if (s !== 0) {
          if (k !== m) set(k, k - 1, -s * x!);
          else if (l !== m) set(k, k - 1, -at(k, k - 1));
          p += s;
          x = p / s;
          y = q / s;
          z = r / s;
          q /= p;
          r /= p;
          for (let j = k; j < nn; j++) {
            p = at(k, j) + q * at(k + 1, j);
            if (notlast) {
              p += r * at(k + 2, j);
              set(k + 2, j, at(k + 2, j) - p * z);
            }
            set(k, j, at(k, j) - p * x);
            set(k + 1, j, at(k + 1, j) - p * y);
          }
          for (let i = 0; i <= Math.min(n, k + 3); i++) {
            p = x * at(i, k) + y * at(i, k + 1);
            if (notlast) {
              p += z * at(i, k + 2);
              set(i, k + 2, at(i, k + 2) - p * r);
            }
            set(i, k, at(i, k) - p);
            set(i, k + 1, at(i, k + 1) - p * q);
          }
          for (let i = low; i <= high; i++) {
            p = x * V[i * nn + k]! + y * V[i * nn + k + 1]!;
            if (notlast) {
              p += z * V[i * nn + k + 2]!;
              V[i * nn + k + 2] = V[i * nn + k + 2]! - p * r;
            }
            V[i * nn + k] = V[i * nn + k]! - p;
            V[i * nn + k + 1] = V[i * nn + k + 1]! - p * q;
          }
        }
      }
    }
  }
  if (!vectors || norm === 0) return 0;
  // Back substitution: eigenvectors of the quasi-triangular Schur form.
  for (n = nn - 1; n >= 0; n--) {
    p = d[n]!;
    q = e[n]!;
    if (q === 0) {
      let l = n;
      set(n, n, 1);
      for (let i = n - 1; i >= 0; i--) {
        w = at(i, i) - p;
        r = 0;
        for (let j = l; j <= n; j++) r += at(i, j) * at(j, n);
        if (e[i]! < 0) {
          z = w;
          s = r;
        } else {
          l = i;
          if (e[i] === 0) {
            set(i, n, w !== 0 ? -r / w : -r / (EPS * norm));
          } else {
            x = at(i, i + 1);
            y = at(i + 1, i);
            q = (d[i]! - p) * (d[i]! - p) + e[i]! * e[i]!;
            t = (x * s - z * r) / q;
            set(i, n, t);
            set(i + 1, n, Math.abs(x) > Math.abs(z) ? (-r - w * t) / x : (-s - y * t) / z);
          }
          t = Math.abs(at(i, n));
          if (EPS * t * t > 1) for (let j = i; j <= n; j++) set(j, n, at(j, n) / t);
        }
      }
    } else if (q < 0) {
      let l = n - 1;
      if (Math.abs(at(n, n - 1)) > Math.abs(at(n - 1, n))) {
        set(n - 1, n - 1, q / at(n, n - 1));
        set(n - 1, n, -(at(n, n) - p) / at(n, n - 1));
      } else {
        const [cr, ci] = cdiv(0, -at(n - 1, n), at(n - 1, n - 1) - p, q);
        set(n - 1, n - 1, cr);
        set(n - 1, n, ci);
      }
      set(n, n - 1, 0);
      set(n, n, 1);
      for (let i = n - 2; i >= 0; i--) {
        let ra = 0;
        let sa = 0;
        for (let j = l; j <= n; j++) {
          ra += at(i, j) * at(j, n - 1);
          sa += at(i, j) * at(j, n);
        }
        w = at(i, i) - p;
        if (e[i]! < 0) {
          z = w;
          r = ra;
          s = sa;
        } else {
          l = i;
          if (e[i] === 0) {
            const [cr, ci] = cdiv(-ra, -sa, w, q);
            set(i, n - 1, cr);
            set(i, n, ci);
          } else {
            x = at(i, i + 1);
            y = at(i + 1, i);
            let vr = (d[i]! - p) * (d[i]! - p) + e[i]! * e[i]! - q * q;
            const vi = (d[i]! - p) * 2 * q;
            if (vr === 0 && vi === 0) vr = EPS * norm * (Math.abs(w) + Math.abs(q) + Math.abs(x) + Math.abs(y) + Math.abs(z));
            const [cr, ci] = cdiv(x * r - z * ra + q * sa, x * s - z * sa - q * ra, vr, vi);
            set(i, n - 1, cr);
            set(i, n, ci);
            if (Math.abs(x) > Math.abs(z) + Math.abs(q)) {
              set(i + 1, n - 1, (-ra - w * at(i, n - 1) + q * at(i, n)) / x);
              set(i + 1, n, (-sa - w * at(i, n) - q * at(i, n - 1)) / x);
            } else {
              const [c2r, c2i] = cdiv(-r - y * at(i, n - 1), -s - y * at(i, n), z, q);
              set(i + 1, n - 1, c2r);
              set(i + 1, n, c2i);
            }
          }
          t = Math.max(Math.abs(at(i, n - 1)), Math.abs(at(i, n)));
          if (EPS * t * t > 1) {
            for (let j = i; j <= n; j++) {
              set(j, n - 1, at(j, n - 1) / t);
              set(j, n, at(j, n) / t);
            }
          }
        }
      }
    }
  }
  // Back transformation: V·(Schur vectors).
  for (let j = nn - 1; j >= low; j--) {
    for (let i = low; i <= high; i++) {
      z = 0;
      for (let k = low; k <= Math.min(j, high); k++) z += V[i * nn + k]! * at(k, j);
      V[i * nn + j] = z;
    }
  }
  return 0;
}

/**
 * `geev`'s normalisation: every vector to unit Euclidean norm; a complex one (columns
 * j, j+1: the vector `V[:, j] + i·V[:, j+1]` of `wr[j] + i·wi[j]`, `wi[j] > 0`) then
 * multiplied by the phase that makes its component of largest modulus real and positive.
 */
function normalize(V: Float64Array, n: number, wi: Float64Array): void {
  for (let j = 0; j < n; j++) {
    if (wi[j] === 0) {
      let s = 0;
      for (let i = 0; i < n; i++) s += V[i * n + j]! ** 2;
      s = Math.sqrt(s);
      if (s > 0) for (let i = 0; i < n; i++) V[i * n + j] = V[i * n + j]! / s;
    } else if (wi[j]! > 0) {
      let s = 0;
      let best = 0;
      let bestMod = -1;
      for (let i = 0; i < n; i++) {
        const mod = V[i * n + j]! ** 2 + V[i * n + j + 1]! ** 2;
        s += mod;
        if (mod > bestMod) {
          bestMod = mod;
          best = i;
        }
      }
      s = Math.sqrt(s);
      // rotate by the conjugate phase of the largest component, and scale to norm 1
      const br = V[best * n + j]!;
      const bi = V[best * n + j + 1]!;
      const bm = Math.hypot(br, bi);
      const cr = br / bm / s;
      const ci = -bi / bm / s;
      for (let i = 0; i < n; i++) {
        const xr = V[i * n + j]!;
        const xi = V[i * n + j + 1]!;
        V[i * n + j] = xr * cr - xi * ci;
        V[i * n + j + 1] = xr * ci + xi * cr;
      }
      V[best * n + j + 1] = 0;
      j++;
    }
  }
}
