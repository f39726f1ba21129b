/**
 * FFT plans of the WebGPU backend: how a length n is computed (a list of Stockham passes of
 * small radices, or Bluestein's chirp-z transform through a power-of-two FFT for lengths with
 * a large prime factor) and the constant tables the kernels read (twiddles, chirps, the
 * Bluestein filter). Every table is computed on the host in float64 and uploaded rounded once
 * to f32, so no kernel evaluates sin/cos of a large angle in f32. Plans are cached per device.
 */
import type { GpuRuntime } from '../runtime.js';

/** Largest prime factor computed by a Stockham pass (the generic radix, O(p²) per p points); larger ones go through Bluestein. */
export const MAX_RADIX = 31;

/** One Stockham pass: radix `p` over sub-transforms of size `ns` (the product of the earlier radices). */
export interface Pass {
  readonly p: number;
  readonly ns: number;
}

/**
 * The radices of an n-point Stockham FFT: 8s first, then a 4 or a 2, then 3, 5 and other primes up to
 * {@link MAX_RADIX}; null when n has a larger prime factor (Bluestein).
 */
export function radices(n: number): number[] | null {
  const out: number[] = [];
  let m = n;
  while (m % 8 === 0) {
    out.push(8);
    m /= 8;
  }
  if (m % 4 === 0) {
    out.push(4);
    m /= 4;
  }
  for (let p = 2; m > 1; p++) {
    if (p * p > m) p = m; // what is left is prime
    while (m % p === 0) {
      if (p > MAX_RADIX) return null;
      out.push(p);
      m /= p;
    }
  }
  return out;
}

/** The passes of a Stockham FFT with these radices, in order. */
export function passesOf(rs: readonly number[]): Pass[] {
  let ns = 1;
  return rs.map((p) => {
    const pass = { p, ns };
    ns *= p;
    return pass;
  });
}

/** The smallest power of two ≥ x. */
export function nextPow2(x: number): number {
  let m = 1;
  while (m < x) m *= 2;
  return m;
}

/** Complex values per line of an n-point transform's work buffers: n, or Bluestein's padded length. */
export function workLength(n: number): number {
  return radices(n) === null ? nextPow2(2 * n - 1) : n;
}

/** exp(-2πi·j/n) in float64: exact on the axes, elsewhere cos/sin of the angle reduced to (−π, π]. */
export function root(j: number, n: number): [number, number] {
  j %= n;
  if (j < 0) j += n;
  // exact values on the axes; elsewhere cos/sin of an angle in (-π, π]
  if (4 * j === n) return [0, -1];
  if (2 * j === n) return [-1, 0];
  if (4 * j === 3 * n) return [0, 1];
  if (j === 0) return [1, 0];
  const a = (-2 * Math.PI * (2 * j > n ? j - n : j)) / n;
  return [Math.cos(a), Math.sin(a)];
}

/** The interleaved f64 table exp(-2πi·j/n), j < n. */
export function twiddleTable(n: number): Float64Array {
  const t = new Float64Array(2 * n);
  for (let j = 0; j < n; j++) [t[2 * j], t[2 * j + 1]] = root(j, n);
  return t;
}

/** The Bluestein chirp exp(-πi·k²/n), k < n, interleaved (k² reduced mod 2n exactly, so the angle stays small). */
export function chirpTable(n: number): Float64Array {
  const t = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    const k2 = (k * k) % (2 * n); // exact: k² < 2^53 for every length a device buffer holds
    [t[2 * k], t[2 * k + 1]] = root(k2, 2 * n);
  }
  return t;
}

/** In-place iterative radix-2 forward FFT of an interleaved f64 array (m a power of two), for host tables. */
export function hostFft(a: Float64Array): void {
  const m = a.length / 2;
  for (let i = 1, j = 0; i < m; i++) {
    let bit = m >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [a[2 * i], a[2 * j]] = [a[2 * j]!, a[2 * i]!];
      [a[2 * i + 1], a[2 * j + 1]] = [a[2 * j + 1]!, a[2 * i + 1]!];
    }
  }
  for (let len = 2; len <= m; len *= 2) {
    const half = len / 2;
    const w = new Float64Array(2 * half);
    for (let k = 0; k < half; k++) [w[2 * k], w[2 * k + 1]] = root(k, len);
    for (let s = 0; s < m; s += len) {
      for (let k = 0; k < half; k++) {
        const i = 2 * (s + k), j = 2 * (s + k + half);
        const wr = w[2 * k]!, wi = w[2 * k + 1]!;
        const tr = a[j]! * wr - a[j + 1]! * wi, ti = a[j]! * wi + a[j + 1]! * wr;
        a[j] = a[i]! - tr;
        a[j + 1] = a[i + 1]! - ti;
        a[i] = a[i]! + tr;
        a[i + 1] = a[i + 1]! + ti;
      }
    }
  }
}

/**
 * Bluestein's filter for length n padded to m: FFT_m(b)/m with b_k = conj(chirp_k) for
 * |k| < n (indices mod m), zero elsewhere; the 1/m of the inverse transform is folded in.
 */
export function bluesteinFilter(n: number, m: number, chirp: Float64Array): Float64Array {
  const b = new Float64Array(2 * m);
  for (let k = 0; k < n; k++) {
    b[2 * k] = chirp[2 * k]!;
    b[2 * k + 1] = -chirp[2 * k + 1]!;
    if (k > 0) {
      b[2 * (m - k)] = chirp[2 * k]!;
      b[2 * (m - k) + 1] = -chirp[2 * k + 1]!;
    }
  }
  hostFft(b);
  for (let i = 0; i < 2 * m; i++) b[i]! /= m;
  return b;
}

/** A Stockham FFT of length n on the device: its passes and twiddle table (n complex f32). */
export interface StockhamPlan {
  readonly kind: 'stockham';
  readonly n: number;
  readonly passes: readonly Pass[];
  readonly twiddles: GPUBuffer;
}

/** Bluestein's transform of length n through Stockham FFTs of the power of two m ≥ 2n − 1. */
export interface BluesteinPlan {
  readonly kind: 'bluestein';
  readonly n: number;
  readonly m: number;
  readonly inner: StockhamPlan;
  /** exp(-πi·k²/n), n complex f32. */
  readonly chirp: GPUBuffer;
  /** FFT_m(b)/m, m complex f32. */
  readonly filter: GPUBuffer;
}

/** How an n-point transform runs on the device. */
export type FftPlan = StockhamPlan | BluesteinPlan;

const PLAN_CACHE = 24;
const plans = new WeakMap<GpuRuntime, Map<number, FftPlan>>();

/** A read-only storage buffer holding `data` rounded to f32. */
function upload(device: GPUDevice, data: Float64Array, label: string): GPUBuffer {
  const buffer = device.createBuffer({ size: Math.max(data.length, 1) * 4, usage: GPUBufferUsage.STORAGE, mappedAtCreation: true, label });
  new Float32Array(buffer.getMappedRange()).set(data);
  buffer.unmap();
  return buffer;
}

function buffersOf(p: FftPlan): GPUBuffer[] {
  return p.kind === 'stockham' ? [p.twiddles] : [p.chirp, p.filter];
}

function stockham(rt: GpuRuntime, n: number, rs: number[]): StockhamPlan {
  return { kind: 'stockham', n, passes: passesOf(rs), twiddles: upload(rt.device, twiddleTable(n), `antorcha-fft-twiddles-${n}`) };
}

/**
 * The cached plan of an n-point transform on `rt`'s device (the least recently used of more
 * than {@link PLAN_CACHE} plans is dropped, after the work that may name its tables is submitted).
 */
export function planFor(rt: GpuRuntime, n: number): FftPlan {
  let cache = plans.get(rt);
  if (cache === undefined) plans.set(rt, (cache = new Map()));
  let plan = cache.get(n);
  if (plan !== undefined) {
    cache.delete(n); // re-insert: most recently used last
    cache.set(n, plan);
    return plan;
  }
  const rs = radices(n);
  if (rs !== null) plan = stockham(rt, n, rs);
  else {
    const m = nextPow2(2 * n - 1);
    const inner = planFor(rt, m) as StockhamPlan;
    const c = chirpTable(n);
    plan = {
      kind: 'bluestein', n, m, inner,
      chirp: upload(rt.device, c, `antorcha-fft-chirp-${n}`),
      filter: upload(rt.device, bluesteinFilter(n, m, c), `antorcha-fft-filter-${n}`),
    };
  }
  cache.set(n, plan);
  if (cache.size > PLAN_CACHE) {
    const [oldN, old] = cache.entries().next().value!;
    // a Bluestein plan names its inner plan: keep inner plans of cached Bluestein plans
    const used = [...cache.values()].some((p) => p.kind === 'bluestein' && p.inner === old);
    if (!used) {
      cache.delete(oldN);
      rt.flush();
      for (const b of buffersOf(old)) b.destroy();
    }
  }
  return plan;
}
