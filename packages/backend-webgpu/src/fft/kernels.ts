/**
 * The WGSL kernels of the WebGPU FFT. A transform along one axis runs on contiguous work
 * buffers of complex f32 pairs (`lines × L`, interleaved): `load` gathers every line of a
 * strided tensor into one (complex, real or a Hermitian half spectrum, optionally conjugated
 * and multiplied by Bluestein's chirp), `pass` runs one Stockham pass of radix p
 * (out-of-place, autosorting), `pointwise` multiplies by Bluestein's filter, and `store`
 * scatters the result into a strided tensor (scaled, conjugated, complex or its real part).
 * Only the forward transform runs on the device; the backward one is conj∘forward∘conj.
 */
import { ENTRY_PARAMS, GROUP_ID, Meta, collapse, grid, indexToOffsets } from '../codegen/layout.js';
import { Bindings, type GpuRuntime } from '../runtime.js';
import type { Pass } from './plan.js';

const WG = 64;

/** A strided tensor view on a raw GPU buffer of f32 words; offset and strides count elements (a complex element is 2 words). */
export interface GpuView {
  /** The device buffer. */
  readonly buffer: GPUBuffer;
  /** Element offset of the view's first element. */
  readonly offset: number;
  /** Sizes of the view's dims. */
  readonly shape: readonly number[];
  /** Element strides of the view's dims. */
  readonly strides: readonly number[];
}

/** How `load` reads a line: complex, real (imaginary 0), or the half of a Hermitian spectrum (c2r). */
export type LoadMode = 'complex' | 'real' | 'hermitian';

const CMUL = 'fn cmul(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return vec2<f32>(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x); }';

/** WGSL reading complex element `i` of f32 array `b`. */
const ld = (b: string, i: string): string => `vec2<f32>(${b}[2u * (${i})], ${b}[2u * (${i}) + 1u])`;
/** WGSL writing complex `v` into element `i` of f32 array `b`. */
const st = (b: string, i: string, v: string): string => `${b}[2u * (${i})] = ${v}.x; ${b}[2u * (${i}) + 1u] = ${v}.y;`;

/** A WGSL f32 literal of a float64 value. */
const lit = (v: number): string => Math.fround(v).toExponential(9);

const f32Bits = (v: number): number => new Uint32Array(new Float32Array([v]).buffer)[0]!;

/** The other dims of a view (its axis dropped), collapsed, into `meta`: returns the WGSL of the line's element offset `name`. */
function lineOffset(meta: Meta, v: GpuView, axis: number, name: string, line: string): string {
  const shape = v.shape.filter((_, d) => d !== axis);
  const c = collapse(shape, [v.strides.filter((_, d) => d !== axis)]);
  const shapeAt = meta.pushAll(c.shape);
  const offAt = meta.push(v.offset);
  const strideAt = meta.pushAll(c.strides[0]!);
  return indexToOffsets(line, c.shape.length, shapeAt, [name], [offAt], [strideAt]);
}

/** Rank of a view's other dims after collapsing (part of pipeline keys). */
function rankOf(v: GpuView, axis: number): number {
  return collapse(v.shape.filter((_, d) => d !== axis), [v.strides.filter((_, d) => d !== axis)]).shape.length;
}

/**
 * Gathers lines `first … first + lines − 1` of `src` along `axis` into `work` (`lines × L`):
 * value k < n of a line is the source's (complex, real, or for `'hermitian'` X_k for k ≤ n/2
 * and conj X_{n−k} above, the imaginary parts of X_0 and X_{n/2} dropped), conjugated when
 * `conj`, times `chirp[k]` when given; values n ≤ k < L are 0.
 */
export function load(rt: GpuRuntime, src: GpuView, axis: number, mode: LoadMode, n: number, work: GPUBuffer, L: number,
  first: number, lines: number, conj: boolean, chirp: GPUBuffer | null): void {
  const meta = new Meta();
  meta.pushAll([lines, L, n, first, src.strides[axis]!]);
  const bind = new Bindings();
  const x = bind.raw(src.buffer, false, 'f32');
  const w = bind.raw(work, true, 'f32');
  const ch = chirp === null ? '' : bind.raw(chirp, false, 'f32');
  const locate = lineOffset(meta, src, axis, 'xo', 'line');
  const read = mode === 'complex'
    ? `let p = xo + k * s; v = ${ld(x, 'p')};`
    : mode === 'real'
      ? `v = vec2<f32>(${x}[xo + k * s], 0.0);`
      : `var j = k; var sg = 1.0; if (2u * k > n) { j = n - k; sg = -1.0; }
    let p = xo + j * s; v = vec2<f32>(${x}[2u * p], sg * ${x}[2u * p + 1u]);
    if (j == 0u || 2u * j == n) { v.y = 0.0; }`;
  const key = `fft-load:${mode}:${conj}:${chirp !== null}:${rankOf(src, axis)}`;
  rt.run(key, bind, meta.toArray(), grid(Math.ceil((lines * L) / WG)), () => `${bind.declarations()}
${CMUL}
@compute @workgroup_size(${WG})
fn main(${ENTRY_PARAMS}) {
  let e = ${GROUP_ID} * ${WG}u + lid;
  let L = md[1];
  if (e >= md[0] * L) { return; }
  let line = e / L + md[3]; let k = e % L;
  let n = md[2]; let s = md[4];
  ${locate}
  var v = vec2<f32>(0.0, 0.0);
  if (k < n) {
    ${read}
    ${conj ? 'v.y = -v.y;' : ''}
    ${chirp !== null ? `v = cmul(v, ${ld(ch, 'k')});` : ''}
  }
  ${st(w, 'e', 'v')}
}`);
}

/** WGSL of the forward 4-point DFT of `v` into lets `${out}0 … ${out}3` (temporaries prefixed by `tmp`). */
function dft4(v: readonly string[], out: string, tmp: string): string {
  const [a, b, c, d] = v;
  return `let ${tmp}t0 = ${a} + ${c}; let ${tmp}t1 = ${a} - ${c}; let ${tmp}t2 = ${b} + ${d}; let ${tmp}d = ${b} - ${d};
  let ${tmp}t3 = vec2<f32>(${tmp}d.y, -${tmp}d.x);
  let ${out}0 = ${tmp}t0 + ${tmp}t2; let ${out}2 = ${tmp}t0 - ${tmp}t2; let ${out}1 = ${tmp}t1 + ${tmp}t3; let ${out}3 = ${tmp}t1 - ${tmp}t3;`;
}

/**
 * WGSL of the forward DFT of `v0 … v{p−1}` into `y0 … y{p−1}` (lets), unrolled so every value
 * stays in registers (a private array indexed in loops may live in memory).
 */
function butterfly(p: number): string {
  if (p === 2) return 'let y0 = v0 + v1; let y1 = v0 - v1;';
  if (p === 4) return dft4(['v0', 'v1', 'v2', 'v3'], 'y', '');
  if (p === 8) {
    // evens and odds by DFT4, then y_k, y_{k+4} = E_k ± ω8^k·O_k (ω8 = (1 − i)/√2)
    const c = lit(Math.SQRT1_2);
    return `${dft4(['v0', 'v2', 'v4', 'v6'], 'e', 'e')}
  ${dft4(['v1', 'v3', 'v5', 'v7'], 'o', 'o')}
  let w1 = ${c} * vec2<f32>(o1.x + o1.y, o1.y - o1.x);
  let w2 = vec2<f32>(o2.y, -o2.x);
  let w3 = ${c} * vec2<f32>(o3.y - o3.x, -(o3.x + o3.y));
  let y0 = e0 + o0; let y4 = e0 - o0; let y1 = e1 + w1; let y5 = e1 - w1;
  let y2 = e2 + w2; let y6 = e2 - w2; let y3 = e3 + w3; let y7 = e3 - w3;`;
  }
  if (p === 3) {
    // y1,2 = v0 − t/2 ∓ i·(√3/2)·(v1 − v2), t = v1 + v2
    return `let t = v1 + v2; let m = v0 - 0.5 * t; let d = ${lit(Math.sqrt(3) / 2)} * (v1 - v2);
  let r = vec2<f32>(d.y, -d.x);
  let y0 = v0 + t; let y1 = m + r; let y2 = m - r;`;
  }
  // any other radix: the p×p DFT matrix, its entries computed in float64 and rounded to f32
  const w = (j: number): string => {
    const a = (-2 * Math.PI * j) / p;
    return `vec2<f32>(${lit(Math.cos(a))}, ${lit(Math.sin(a))})`;
  };
  const lines: string[] = [];
  for (let m = 0; m < p; m++) {
    const terms = ['v0'];
    for (let q = 1; q < p; q++) terms.push((q * m) % p === 0 ? `v${q}` : `cmul(v${q}, ${w((q * m) % p)})`);
    lines.push(`let y${m} = ${terms.join(' + ')};`);
  }
  return lines.join('\n  ');
}

/**
 * One Stockham pass of radix p on `lines` transforms of length n (contiguous in `src`,
 * results in `dst`): butterfly j reads j + q·n/p, twiddles by ω_{ns·p}^{q·(j mod ns)}
 * (table index q·(j mod ns)·n/(ns·p) of the n-point twiddles), writes (j div ns)·ns·p + j mod ns + q·ns.
 */
export function pass(rt: GpuRuntime, { p, ns }: Pass, n: number, lines: number, twiddles: GPUBuffer, src: GPUBuffer, dst: GPUBuffer): void {
  const meta = new Meta();
  meta.pushAll([lines, n / p, n, ns, n / (ns * p)]);
  const bind = new Bindings();
  const a = bind.raw(src, false, 'f32');
  const b = bind.raw(dst, true, 'f32');
  const tw = bind.raw(twiddles, false, 'f32');
  const P = p;
  rt.run(`fft-pass:${p}`, bind, meta.toArray(), grid(Math.ceil((lines * (n / p)) / WG)), () => `${bind.declarations()}
${CMUL}
@compute @workgroup_size(${WG})
fn main(${ENTRY_PARAMS}) {
  let e = ${GROUP_ID} * ${WG}u + lid;
  let np = md[1];
  if (e >= md[0] * np) { return; }
  let line = e / np; let j = e % np;
  let n = md[2]; let ns = md[3]; let ts = md[4];
  let base = line * n;
  let k = j % ns;
  ${Array.from({ length: P }, (_, q) => `var v${q} = ${ld(a, `base + j + ${q}u * np`)};`).join('\n  ')}
  if (k != 0u) {
    ${Array.from({ length: P - 1 }, (_, i) => `v${i + 1} = cmul(v${i + 1}, ${ld(tw, `${i + 1}u * k * ts`)});`).join('\n    ')}
  }
  ${butterfly(P)}
  let o = base + (j / ns) * ns * ${P}u + k;
  ${Array.from({ length: P }, (_, q) => st(b, `o + ${q}u * ns`, `y${q}`)).join('\n  ')}
}`);
}

/** Threads of a {@link fused} workgroup. */
const FUSED_WG = 64;

/**
 * Where the transforms of a {@link fused} dispatch lie in the work buffers (`N` values per
 * line, `count` transforms per line): transform c of a line reads `c·inT + i·inS` and writes
 * `c·outT + i·outS` (i < n), its value i times ω_N^{c·i} from the N-point table `post` when given.
 */
export interface FusedLayout {
  /** Transforms per line. */
  readonly count: number;
  /** Values per line of the work buffers. */
  readonly N: number;
  /** Offset between consecutive transforms' inputs. */
  readonly inT: number;
  /** Stride of a transform's input values. */
  readonly inS: number;
  /** Offset between consecutive transforms' outputs. */
  readonly outT: number;
  /** Stride of a transform's output values. */
  readonly outS: number;
  /** The N-point twiddle table the outputs are multiplied by, or null. */
  readonly post: GPUBuffer | null;
}

/** Contiguous lines of n values, one transform each. */
export const contiguousLines = (n: number): FusedLayout => ({ count: 1, N: n, inT: 0, inS: 1, outT: 0, outS: 1, post: null });

/**
 * Every Stockham pass of an n-point plan in one dispatch, a workgroup per transform: the
 * values are read into workgroup memory, the passes ping-pong between two workgroup arrays
 * (a barrier between passes; each thread loops over butterflies), and the result is written
 * to `dst`. Same arithmetic as {@link pass}, so contiguous lines give bit-identical results;
 * n·16 bytes must fit the device's workgroup storage (see {@link fusedMax}). `layout` places
 * strided transforms (the two steps of a long transform, see fft.ts).
 */
export function fused(rt: GpuRuntime, passes: readonly Pass[], n: number, lines: number, twiddles: GPUBuffer, src: GPUBuffer, dst: GPUBuffer,
  layout: FusedLayout = contiguousLines(n)): void {
  const meta = new Meta();
  meta.pushAll([lines * layout.count, layout.count, layout.N, layout.inT, layout.inS, layout.outT, layout.outS]);
  const bind = new Bindings();
  const a = bind.raw(src, false, 'f32');
  const b = bind.raw(dst, true, 'f32');
  const tw = bind.raw(twiddles, false, 'f32');
  const post = layout.post === null ? '' : bind.raw(layout.post, false, 'f32');
  const body = passes.map(({ p, ns }, i) => {
    const [from, to] = i % 2 === 0 ? ['sa', 'sb'] : ['sb', 'sa'];
    const np = n / p;
    return `for (var j = lid; j < ${np}u; j += ${FUSED_WG}u) {
    let k = j % ${ns}u;
    ${Array.from({ length: p }, (_, q) => `var v${q} = ${from}[j + ${q * np}u];`).join(' ')}
    if (k != 0u) {
      ${Array.from({ length: p - 1 }, (_, q) => `v${q + 1} = cmul(v${q + 1}, ${ld(tw, `${(q + 1) * (n / (ns * p))}u * k`)});`).join('\n      ')}
    }
    ${butterfly(p)}
    let o = (j / ${ns}u) * ${ns * p}u + k;
    ${Array.from({ length: p }, (_, q) => `${to}[o + ${q * ns}u] = y${q};`).join(' ')}
  }
  workgroupBarrier();`;
  });
  const last = passes.length % 2 === 0 ? 'sa' : 'sb';
  const key = `fft-fused:${passes.map((q) => q.p).join('.')}:${layout.post !== null}`;
  rt.run(key, bind, meta.toArray(), grid(lines * layout.count), () => `${bind.declarations()}
${CMUL}
var<workgroup> sa: array<vec2<f32>, ${n}>;
var<workgroup> sb: array<vec2<f32>, ${n}>;
@compute @workgroup_size(${FUSED_WG})
fn main(${ENTRY_PARAMS}) {
  let t = ${GROUP_ID};
  let valid = t < md[0];
  let line = t / md[1]; let c = t % md[1];
  let inBase = line * md[2] + c * md[3]; let inS = md[4];
  let outBase = line * md[2] + c * md[5]; let outS = md[6];
  for (var i = lid; i < ${n}u; i += ${FUSED_WG}u) {
    if (valid) { sa[i] = ${ld(a, 'inBase + i * inS')}; }
  }
  workgroupBarrier();
  ${body.join('\n  ')}
  for (var i = lid; i < ${n}u; i += ${FUSED_WG}u) {
    if (valid) {
      var v = ${last}[i];
      ${layout.post === null ? '' : `v = cmul(v, ${ld(post, 'c * i')});`}
      ${st(b, 'outBase + i * outS', 'v')}
    }
  }
}`);
}

/** The longest transform {@link fused} runs on `device`: two arrays of n complex f32 in workgroup storage. */
export function fusedMax(device: GPUDevice): number {
  return Math.floor(device.limits.maxComputeWorkgroupStorageSize / 16);
}

/** Bluestein's middle step on `count` values of `work`: v ← conj(v · filter[i mod m]) (the inverse FFT as conj∘FFT∘conj). */
export function pointwise(rt: GpuRuntime, work: GPUBuffer, count: number, m: number, filter: GPUBuffer): void {
  const meta = new Meta();
  meta.pushAll([count, m]);
  const bind = new Bindings();
  const w = bind.raw(work, true, 'f32');
  const f = bind.raw(filter, false, 'f32');
  rt.run('fft-pointwise', bind, meta.toArray(), grid(Math.ceil(count / WG)), () => `${bind.declarations()}
${CMUL}
@compute @workgroup_size(${WG})
fn main(${ENTRY_PARAMS}) {
  let e = ${GROUP_ID} * ${WG}u + lid;
  if (e >= md[0]) { return; }
  let v = cmul(${ld(w, 'e')}, ${ld(f, 'e % md[1]')});
  let c = vec2<f32>(v.x, -v.y);
  ${st(w, 'e', 'c')}
}`);
}

/** What `store` writes. */
export interface StoreOptions {
  /** The transform length (the work holds n values per line at stride L). */
  readonly n: number;
  /** Values per line written (the destination's size along the axis). */
  readonly count: number;
  /** Complex destination, or the real parts only. */
  readonly complex: boolean;
  /** Bins above n/2 as conj of their mirror (a full spectrum of real input, exactly Hermitian). */
  readonly mirror: boolean;
  /** Real input: the imaginary parts of X_0 and X_{n/2} are exactly 0. */
  readonly realInput: boolean;
  /** Conjugate the values (the backward transform's last step, conj∘forward∘conj). */
  readonly conj: boolean;
  /** Factor applied to every value (the norm mode's), in f32. */
  readonly scale: number;
  /** Bluestein's chirp: the work holds conj of the convolution, value k is conj(w_k)·chirp_k. */
  readonly chirp: GPUBuffer | null;
}

/** Scatters lines `first …` of `work` (`lines × L`) into `dst` along `axis` (see {@link StoreOptions}). */
export function store(rt: GpuRuntime, work: GPUBuffer, L: number, dst: GpuView, axis: number, first: number, lines: number, o: StoreOptions): void {
  const meta = new Meta();
  meta.pushAll([lines, o.count, o.n, first, dst.strides[axis]!, L]);
  meta.pushBits(f32Bits(o.scale));
  const bind = new Bindings();
  const w = bind.raw(work, false, 'f32');
  const y = bind.raw(dst.buffer, true, 'f32');
  const ch = o.chirp === null ? '' : bind.raw(o.chirp, false, 'f32');
  const locate = lineOffset(meta, dst, axis, 'yo', 'line');
  const key = `fft-store:${o.complex}:${o.mirror}:${o.realInput}:${o.conj}:${o.chirp !== null}:${rankOf(dst, axis)}`;
  rt.run(key, bind, meta.toArray(), grid(Math.ceil((lines * o.count) / WG)), () => `${bind.declarations()}
${CMUL}
@compute @workgroup_size(${WG})
fn main(${ENTRY_PARAMS}) {
  let e = ${GROUP_ID} * ${WG}u + lid;
  let cnt = md[1];
  if (e >= md[0] * cnt) { return; }
  let local = e / cnt; let line = local + md[3]; let k = e % cnt;
  let n = md[2]; let s = md[4]; let L = md[5]; let scale = bitcast<f32>(md[6]);
  ${locate}
  var j = k; var sg = 1.0;
  ${o.mirror ? 'if (2u * k > n) { j = n - k; sg = -1.0; }' : ''}
  var v = ${ld(w, 'local * L + j')};
  ${o.chirp !== null ? `v = cmul(vec2<f32>(v.x, -v.y), ${ld(ch, 'j')});` : ''}
  ${o.realInput ? 'if (j == 0u || 2u * j == n) { v.y = 0.0; }' : ''}
  ${o.conj ? 'sg = -sg;' : ''}
  v = vec2<f32>(v.x, sg * v.y) * scale;
  let p = yo + k * s;
  ${o.complex ? st(y, 'p', 'v') : `${y}[p] = v.x;`}
}`);
}
