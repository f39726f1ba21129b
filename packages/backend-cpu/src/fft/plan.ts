/**
 * Complex FFT plans of any length, in float64 over split real/imaginary arrays.
 *
 * A length whose prime factors are all small runs a mixed-radix Stockham transform
 * (radix 4, 2, 3, 5 butterflies and a generic odd radix), one pass per factor,
 * ping-ponging between the plan's input/output arrays and its scratch, with every
 * twiddle precomputed once per plan by `Math.cos`/`Math.sin` of the exact angle reduced
 * to [0, π/4] (no recurrences, so the error grows as log n). The radix-4 and radix-2
 * passes run in WebAssembly SIMD (assembly/fft.ts) when the kernel module is loaded and
 * the plan's arrays live in the CPU heap, in JavaScript otherwise (same arithmetic, same
 * order, so the same bits). A length with a large prime factor runs Bluestein's
 * algorithm: the chirp-z convolution through a power-of-two plan. (A four-step variant,
 * short transforms in cache, measured slower here: the passes are compute-bound, not
 * memory-bound, in WebAssembly at 2^20.)
 *
 * Only the forward transform (`exp(-2πi·jk/n)`) is implemented: the unnormalized
 * backward transform of (re, im) is the forward transform of (im, re) read back as
 * (im, re), so callers swap the arrays they fill and read.
 *
 * Plans are cached per length ({@link complexPlan}); a plan owns its arrays, so it is
 * not reentrant (the kernels run on one thread).
 */
import { heapAlloc, heapFree, heapView, wasmKernels } from '../wasm/runtime.js';

/** A forward complex DFT of one length, over arrays the plan owns. */
export interface ComplexPlan {
  /** Transform length. */
  readonly n: number;
  /** How the plan computes: `'stockham'` or `'bluestein'` (for tests). */
  readonly kind: 'stockham' | 'bluestein';
  /**
   * The plan's input/output arrays `[re, im]` (length n). Fill them, call {@link exec},
   * read them; valid until the next call on any plan (heap views are re-made per call).
   */
  io(): [Float64Array, Float64Array];
  /** Heap byte addresses of the {@link io} arrays, or -1 where they are not in the heap. */
  ioAddress(): [number, number];
  /** `X[k] = Σ_j x[j]·exp(-2πi·jk/n)` over {@link io}, in place. */
  exec(): void;
  /** Bytes the plan holds (its arrays and twiddles). */
  readonly bytes: number;
  /** Releases the plan's heap memory (the cache calls it on eviction). */
  dispose(): void;
}

/** Runs `plan` over `re[off..off+n)`, `im[off..off+n)` in place (copies through the plan's arrays). */
export function fftInPlace(plan: ComplexPlan, re: Float64Array, im: Float64Array, off = 0): void {
  const n = plan.n;
  const [r, i] = plan.io();
  r.set(re.subarray(off, off + n));
  i.set(im.subarray(off, off + n));
  plan.exec();
  const [r2, i2] = plan.io();
  re.set(r2, off);
  im.set(i2, off);
}

/**
 * Float64 arrays in the CPU heap (so WebAssembly reaches them), or plain arrays when the
 * heap can't hold them.
 */
class F64Block {
  private constructor(readonly address: number, readonly n: number, private readonly own: Float64Array | null) {}

  static alloc(n: number): F64Block {
    const address = n > 0 ? heapAlloc(n * 8) : -1;
    return new F64Block(address, n, address < 0 ? new Float64Array(n) : null);
  }

  view(): Float64Array {
    return this.own ?? (heapView('float64', this.address, this.n) as Float64Array);
  }

  free(): void {
    if (this.address >= 0) heapFree(this.address);
  }
}

type Pair = readonly [F64Block, F64Block];

// ------------------------------------------------------------------ factorization

/** The radices of a Stockham plan for `n`: 4s first, then one 2, then odd primes ascending (so 4 and 2 run at strides 1 or even). */
export function factorize(n: number): number[] {
  const f: number[] = [];
  let m = n;
  while (m % 4 === 0) {
    f.push(4);
    m /= 4;
  }
  if (m % 2 === 0) {
    f.push(2);
    m /= 2;
  }
  for (let p = 3; p * p <= m; p += 2) {
    while (m % p === 0) {
      f.push(p);
      m /= p;
    }
  }
  if (m > 1) f.push(m);
  return f;
}

/** Largest prime factor radix a Stockham pass takes before Bluestein is cheaper (generic radix costs p per point). */
function useBluestein(n: number, factors: readonly number[]): boolean {
  const largest = factors.reduce((a, b) => Math.max(a, b), 1);
  if (largest <= 13) return false;
  // generic radix cost ~ n·Σp, Bluestein ~ 3 power-of-two transforms of m ≥ 2n-1 (each ~ m·log2 m · 1.25) + O(m)
  const direct = n * factors.reduce((a, p) => a + (p <= 5 ? p : p * 1.5), 0);
  const m = nextPow2(2 * n - 1);
  const blue = 3 * m * Math.log2(m) * 1.25 + 6 * m;
  return blue < direct;
}

/** Smallest power of two ≥ x. */
export function nextPow2(x: number): number {
  let m = 1;
  while (m < x) m *= 2;
  return m;
}

// ------------------------------------------------------------------ Stockham passes
// A pass of radix r over the current sub-length l = r·m at stride s (s·l = n): for each
// p < m and q < s, the r inputs x[q + s(p + k·m)] (k < r) go through a length-r DFT and
// y[q + s(r·p + j)] = DFT_j · ω_l^{jp}. Twiddles of a pass: tw[(r-1)·p + j-1] = ω_l^{jp}.

function pass2(m: number, s: number, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array,
  twr: Float64Array, twi: Float64Array): void {
  const sm = s * m;
  for (let p = 0; p < m; p++) {
    const wr = twr[p]!, wi = twi[p]!;
    const ib = s * p, ob = 2 * s * p;
    for (let q = 0; q < s; q++) {
      const i0 = ib + q, i1 = i0 + sm;
      const ar = xr[i0]!, ai = xi[i0]!, br = xr[i1]!, bi = xi[i1]!;
      const o = ob + q;
      yr[o] = ar + br;
      yi[o] = ai + bi;
      const dr = ar - br, di = ai - bi;
      yr[o + s] = dr * wr - di * wi;
      yi[o + s] = dr * wi + di * wr;
    }
  }
}

function pass4(m: number, s: number, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array,
  twr: Float64Array, twi: Float64Array): void {
  const sm = s * m;
  for (let p = 0; p < m; p++) {
    const t = 3 * p;
    const w1r = twr[t]!, w1i = twi[t]!, w2r = twr[t + 1]!, w2i = twi[t + 1]!, w3r = twr[t + 2]!, w3i = twi[t + 2]!;
    const ib = s * p, ob = 4 * s * p;
    for (let q = 0; q < s; q++) {
      const i0 = ib + q, i1 = i0 + sm, i2 = i1 + sm, i3 = i2 + sm;
      const a0r = xr[i0]!, a0i = xi[i0]!, a1r = xr[i1]!, a1i = xi[i1]!;
      const a2r = xr[i2]!, a2i = xi[i2]!, a3r = xr[i3]!, a3i = xi[i3]!;
      const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
      const t2r = a1r + a3r, t2i = a1i + a3i;
      // (a1 - a3)·(-i)
      const t3r = a1i - a3i, t3i = a3r - a1r;
      const o = ob + q;
      yr[o] = t0r + t2r;
      yi[o] = t0i + t2i;
      const y1r = t1r + t3r, y1i = t1i + t3i, y2r = t0r - t2r, y2i = t0i - t2i, y3r = t1r - t3r, y3i = t1i - t3i;
      yr[o + s] = y1r * w1r - y1i * w1i;
      yi[o + s] = y1r * w1i + y1i * w1r;
      yr[o + 2 * s] = y2r * w2r - y2i * w2i;
      yi[o + 2 * s] = y2r * w2i + y2i * w2r;
      yr[o + 3 * s] = y3r * w3r - y3i * w3i;
      yi[o + 3 * s] = y3r * w3i + y3i * w3r;
    }
  }
}

const S3 = Math.sqrt(3) / 2;

function pass3(m: number, s: number, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array,
  twr: Float64Array, twi: Float64Array): void {
  const sm = s * m;
  for (let p = 0; p < m; p++) {
    const t = 2 * p;
    const w1r = twr[t]!, w1i = twi[t]!, w2r = twr[t + 1]!, w2i = twi[t + 1]!;
    const ib = s * p, ob = 3 * s * p;
    for (let q = 0; q < s; q++) {
      const i0 = ib + q, i1 = i0 + sm, i2 = i1 + sm;
      const a0r = xr[i0]!, a0i = xi[i0]!, a1r = xr[i1]!, a1i = xi[i1]!, a2r = xr[i2]!, a2i = xi[i2]!;
      const sr = a1r + a2r, si = a1i + a2i;
      const mr = a0r - 0.5 * sr, mi = a0i - 0.5 * si;
      // -i·sin(2π/3)·(a1 - a2)
      const dr = S3 * (a1i - a2i), di = -S3 * (a1r - a2r);
      const o = ob + q;
      yr[o] = a0r + sr;
      yi[o] = a0i + si;
      const y1r = mr + dr, y1i = mi + di, y2r = mr - dr, y2i = mi - di;
      yr[o + s] = y1r * w1r - y1i * w1i;
      yi[o + s] = y1r * w1i + y1i * w1r;
      yr[o + 2 * s] = y2r * w2r - y2i * w2i;
      yi[o + 2 * s] = y2r * w2i + y2i * w2r;
    }
  }
}

const C51 = Math.cos((2 * Math.PI) / 5), C52 = Math.cos((4 * Math.PI) / 5);
const S51 = Math.sin((2 * Math.PI) / 5), S52 = Math.sin((4 * Math.PI) / 5);

function pass5(m: number, s: number, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array,
  twr: Float64Array, twi: Float64Array): void {
  const sm = s * m;
  for (let p = 0; p < m; p++) {
    const t = 4 * p;
    const ib = s * p, ob = 5 * s * p;
    for (let q = 0; q < s; q++) {
      const i0 = ib + q, i1 = i0 + sm, i2 = i1 + sm, i3 = i2 + sm, i4 = i3 + sm;
      const a0r = xr[i0]!, a0i = xi[i0]!;
      const b1r = xr[i1]! + xr[i4]!, b1i = xi[i1]! + xi[i4]!, d1r = xr[i1]! - xr[i4]!, d1i = xi[i1]! - xi[i4]!;
      const b2r = xr[i2]! + xr[i3]!, b2i = xi[i2]! + xi[i3]!, d2r = xr[i2]! - xr[i3]!, d2i = xi[i2]! - xi[i3]!;
      const c1r = a0r + C51 * b1r + C52 * b2r, c1i = a0i + C51 * b1i + C52 * b2i;
      const c2r = a0r + C52 * b1r + C51 * b2r, c2i = a0i + C52 * b1i + C51 * b2i;
      // -i·(S51·d1 + S52·d2) and -i·(S52·d1 - S51·d2)
      const e1r = S51 * d1i + S52 * d2i, e1i = -(S51 * d1r + S52 * d2r);
      const e2r = S52 * d1i - S51 * d2i, e2i = -(S52 * d1r - S51 * d2r);
      const o = ob + q;
      yr[o] = a0r + b1r + b2r;
      yi[o] = a0i + b1i + b2i;
      const o1 = o + s, o2 = o1 + s, o3 = o2 + s, o4 = o3 + s;
      let vr = c1r + e1r, vi = c1i + e1i, wr = twr[t]!, wi = twi[t]!;
      yr[o1] = vr * wr - vi * wi;
      yi[o1] = vr * wi + vi * wr;
      vr = c2r + e2r; vi = c2i + e2i; wr = twr[t + 1]!; wi = twi[t + 1]!;
      yr[o2] = vr * wr - vi * wi;
      yi[o2] = vr * wi + vi * wr;
      vr = c2r - e2r; vi = c2i - e2i; wr = twr[t + 2]!; wi = twi[t + 2]!;
      yr[o3] = vr * wr - vi * wi;
      yi[o3] = vr * wi + vi * wr;
      vr = c1r - e1r; vi = c1i - e1i; wr = twr[t + 3]!; wi = twi[t + 3]!;
      yr[o4] = vr * wr - vi * wi;
      yi[o4] = vr * wi + vi * wr;
    }
  }
}

/** Generic odd radix r: a direct length-r DFT with the r-th roots `cr`, `ci` (length r). */
function passGeneric(r: number, m: number, s: number, xr: Float64Array, xi: Float64Array, yr: Float64Array,
  yi: Float64Array, twr: Float64Array, twi: Float64Array, cr: Float64Array, ci: Float64Array,
  ar: Float64Array, ai: Float64Array): void {
  const sm = s * m;
  for (let p = 0; p < m; p++) {
    const t = (r - 1) * p;
    const ib = s * p, ob = r * s * p;
    for (let q = 0; q < s; q++) {
      for (let k = 0; k < r; k++) {
        ar[k] = xr[ib + q + k * sm]!;
        ai[k] = xi[ib + q + k * sm]!;
      }
      const o = ob + q;
      for (let j = 0; j < r; j++) {
        let sr = 0, si = 0, idx = 0;
        for (let k = 0; k < r; k++) {
          const wr = cr[idx]!, wi = ci[idx]!;
          sr += ar[k]! * wr - ai[k]! * wi;
          si += ar[k]! * wi + ai[k]! * wr;
          idx += j;
          if (idx >= r) idx -= r;
        }
        if (j === 0) {
          yr[o] = sr;
          yi[o] = si;
        } else {
          const wr = twr[t + j - 1]!, wi = twi[t + j - 1]!;
          yr[o + j * s] = sr * wr - si * wi;
          yi[o + j * s] = sr * wi + si * wr;
        }
      }
    }
  }
}

/** `(cos θ, sin θ)` of θ = 2πk/n for 0 ≤ 4k ≤ n, from an angle reduced to [0, π/4]. */
function cosSin(k: number, n: number): [number, number] {
  if (8 * k <= n) {
    const t = (2 * Math.PI * k) / n;
    return [Math.cos(t), Math.sin(t)];
  }
  const f = (2 * Math.PI * (n - 4 * k)) / (4 * n); // π/2 − θ
  return [Math.sin(f), Math.cos(f)];
}

/**
 * `exp(-2πi·k/n)` as `[re, im]`, from the angle reduced by the circle's symmetries to
 * [0, π/4], so that the quarter turns are exact and conjugate-symmetric roots match.
 */
export function root(k: number, n: number): [number, number] {
  k %= n;
  if (k < 0) k += n;
  if (2 * k > n) {
    const [r, i] = root(n - k, n);
    return [r, 0 - i];
  }
  if (4 * k <= n) {
    const [c, s] = cosSin(k, n);
    return [c, 0 - s];
  }
  // θ in (π/2, π]: θ = π − ψ, ψ = 2π(n − 2k)/(2n)
  const [c, s] = cosSin(n - 2 * k, 2 * n);
  return [0 - c, 0 - s];
}

interface Pass {
  r: number;
  m: number;
  s: number;
  tw: Pair;
}

/** The WebAssembly kernels of assembly/fft.ts. */
interface FftKernels {
  fftPass4(m: number, s: number, xr: number, xi: number, yr: number, yi: number, twr: number, twi: number): void;
  fftPass2(m: number, s: number, xr: number, xi: number, yr: number, yi: number, twr: number, twi: number): void;
}

/** The kernels when they are loaded and every block given lives in the heap; null to run JavaScript. */
function kernelsFor(...blocks: F64Block[]): FftKernels | null {
  const K = wasmKernels() as unknown as FftKernels | null;
  return K !== null && blocks.every((b) => b.address >= 0) ? K : null;
}

class StockhamPlan implements ComplexPlan {
  readonly kind = 'stockham' as const;
  readonly bytes: number;
  private readonly passes: Pass[] = [];
  private readonly io_: Pair;
  private readonly scratch: Pair;
  private readonly roots = new Map<number, [Float64Array, Float64Array]>();
  private readonly gar: Float64Array;
  private readonly gai: Float64Array;

  constructor(readonly n: number, factors: readonly number[]) {
    let s = 1;
    let maxR = 0;
    for (const r of factors) {
      const l = n / s, m = l / r;
      const tw: Pair = [F64Block.alloc((r - 1) * m), F64Block.alloc((r - 1) * m)];
      const twr = tw[0].view(), twi = tw[1].view();
      for (let p = 0; p < m; p++) {
        for (let j = 1; j < r; j++) {
          const [c, d] = root(j * p, l);
          twr[(r - 1) * p + j - 1] = c;
          twi[(r - 1) * p + j - 1] = d;
        }
      }
      this.passes.push({ r, m, s, tw });
      if (r > 5 && !this.roots.has(r)) {
        const cr = new Float64Array(r), ci = new Float64Array(r);
        for (let k = 0; k < r; k++) [cr[k], ci[k]] = root(k, r);
        this.roots.set(r, [cr, ci]);
      }
      maxR = Math.max(maxR, r);
      s *= r;
    }
    this.io_ = [F64Block.alloc(n), F64Block.alloc(n)];
    this.scratch = [F64Block.alloc(n), F64Block.alloc(n)];
    this.bytes = 8 * (4 * n + this.passes.reduce((a, p) => a + 2 * p.tw[0].n, 0));
    this.gar = new Float64Array(maxR);
    this.gai = new Float64Array(maxR);
  }

  io(): [Float64Array, Float64Array] {
    return [this.io_[0].view(), this.io_[1].view()];
  }

  ioAddress(): [number, number] {
    return [this.io_[0].address, this.io_[1].address];
  }

  exec(): void {
    if (this.runOn(this.io_, this.scratch)) {
      this.io_[0].view().set(this.scratch[0].view());
      this.io_[1].view().set(this.scratch[1].view());
    }
  }

  /**
   * Runs the passes over `a`, ping-ponging with `b` (both n long); returns whether the
   * result ended in `b`.
   */
  private runOn(a: Pair, b: Pair): boolean {
    const K = kernelsFor(a[0], a[1], b[0], b[1]);
    let x = a, y = b;
    for (const { r, m, s, tw } of this.passes) {
      if (K !== null && (r === 4 || r === 2) && tw[0].address >= 0 && tw[1].address >= 0) {
        const f = r === 4 ? K.fftPass4 : K.fftPass2;
        f(m, s, x[0].address, x[1].address, y[0].address, y[1].address, tw[0].address, tw[1].address);
      } else {
        const xr = x[0].view(), xi = x[1].view(), yr = y[0].view(), yi = y[1].view();
        const twr = tw[0].view(), twi = tw[1].view();
        switch (r) {
          case 4: pass4(m, s, xr, xi, yr, yi, twr, twi); break;
          case 2: pass2(m, s, xr, xi, yr, yi, twr, twi); break;
          case 3: pass3(m, s, xr, xi, yr, yi, twr, twi); break;
          case 5: pass5(m, s, xr, xi, yr, yi, twr, twi); break;
          default: {
            const [cr, ci] = this.roots.get(r)!;
            passGeneric(r, m, s, xr, xi, yr, yi, twr, twi, cr, ci, this.gar, this.gai);
          }
        }
      }
      [x, y] = [y, x];
    }
    return x === b;
  }

  dispose(): void {
    for (const blk of [...this.io_, ...this.scratch]) blk.free();
    for (const p of this.passes) {
      p.tw[0].free();
      p.tw[1].free();
    }
  }
}

/** Bluestein's chirp-z algorithm: the length-n DFT as a circular convolution of power-of-two length m ≥ 2n-1. */
class BluesteinPlan implements ComplexPlan {
  readonly kind = 'bluestein' as const;
  readonly bytes: number;
  private readonly m: number;
  private readonly inner: ComplexPlan;
  /** chirp w_k = exp(-πi·k²/n), k < n */
  private readonly cr: Float64Array;
  private readonly ci: Float64Array;
  /** FFT_m of b, b_k = conj(w_k) for |k| < n (wrapped), divided by m (folding the inverse's scale in). */
  private readonly fbr: Float64Array;
  private readonly fbi: Float64Array;
  private readonly xr: Float64Array;
  private readonly xi: Float64Array;

  constructor(readonly n: number) {
    const m = nextPow2(2 * n - 1);
    this.m = m;
    this.inner = build(m);
    this.cr = new Float64Array(n);
    this.ci = new Float64Array(n);
    const n2 = 2 * n;
    for (let k = 0; k < n; k++) {
      // k² mod 2n, exactly
      const k2 = Number((BigInt(k) * BigInt(k)) % BigInt(n2));
      const [c, d] = root(k2, n2);
      this.cr[k] = c;
      this.ci[k] = d;
    }
    const [br, bi] = this.inner.io();
    br.fill(0);
    bi.fill(0);
    br[0] = this.cr[0]! / m;
    bi[0] = -this.ci[0]! / m;
    for (let k = 1; k < n; k++) {
      br[k] = br[m - k] = this.cr[k]! / m;
      bi[k] = bi[m - k] = -this.ci[k]! / m;
    }
    this.inner.exec();
    const [fr, fi] = this.inner.io();
    this.fbr = Float64Array.from(fr);
    this.fbi = Float64Array.from(fi);
    this.xr = new Float64Array(n);
    this.xi = new Float64Array(n);
    this.bytes = this.inner.bytes + 8 * (4 * n + 2 * m);
  }

  io(): [Float64Array, Float64Array] {
    return [this.xr, this.xi];
  }

  ioAddress(): [number, number] {
    return [-1, -1];
  }

  exec(): void {
    const { n, m, cr, ci, xr, xi, fbr, fbi } = this;
    let [ar, ai] = this.inner.io();
    for (let k = 0; k < n; k++) {
      const a = xr[k]!, b = xi[k]!;
      ar[k] = a * cr[k]! - b * ci[k]!;
      ai[k] = a * ci[k]! + b * cr[k]!;
    }
    ar.fill(0, n);
    ai.fill(0, n);
    this.inner.exec();
    [ar, ai] = this.inner.io();
    // product with FFT(b), conjugated: the inverse transform is conj(FFT(conj(·)))
    for (let k = 0; k < m; k++) {
      const a = ar[k]!, b = ai[k]!, c = fbr[k]!, d = fbi[k]!;
      ar[k] = a * c - b * d;
      ai[k] = -(a * d + b * c);
    }
    this.inner.exec();
    [ar, ai] = this.inner.io();
    for (let k = 0; k < n; k++) {
      const a = ar[k]!, b = -ai[k]!;
      xr[k] = a * cr[k]! - b * ci[k]!;
      xi[k] = a * ci[k]! + b * cr[k]!;
    }
  }

  dispose(): void {
    this.inner.dispose();
  }
}

// ------------------------------------------------------------------ cache

/** How many lengths the plan cache keeps at most (most recently used). */
export const CACHE_SIZE = 16;
/** Bytes the cached plans may hold together (a 2^20 plan holds about 48 MiB); the newest plan is always kept. */
export const CACHE_BYTES = 128 * 2 ** 20;
let cachedBytes = 0;
const cache = new Map<number, ComplexPlan>();

function build(n: number, kind?: ComplexPlan['kind']): ComplexPlan {
  const factors = factorize(n);
  if (kind === 'bluestein' || (kind === undefined && n > 16 && useBluestein(n, factors))) return new BluesteinPlan(n);
  return new StockhamPlan(n, factors);
}

/**
 * The cached forward plan for length `n` (n ≥ 1), built on first use; the cache keeps
 * the most recently used lengths, at most {@link CACHE_SIZE} of them and {@link CACHE_BYTES}
 * together, and frees the others' heap memory.
 */
export function complexPlan(n: number): ComplexPlan {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`fft plan: invalid length ${n}`);
  let p = cache.get(n);
  if (p !== undefined) {
    cache.delete(n);
    cache.set(n, p);
    return p;
  }
  p = build(n);
  cache.set(n, p);
  cachedBytes += p.bytes;
  while (cache.size > 1 && (cache.size > CACHE_SIZE || cachedBytes > CACHE_BYTES)) {
    const [k, old] = cache.entries().next().value!;
    cache.delete(k);
    cachedBytes -= old.bytes;
    old.dispose();
  }
  return p;
}

/** Frees every cached plan (their heap memory). */
export function clearPlanCache(): void {
  for (const p of cache.values()) p.dispose();
  cache.clear();
  cachedBytes = 0;
}

/** Builds an uncached plan with an explicit algorithm (tests compare the algorithms on one length); dispose it after use. */
export function planWith(n: number, kind: ComplexPlan['kind']): ComplexPlan {
  return build(n, kind);
}
