/**
 * The WebGPU backend's `fft` kernel ({@link Backend.fft}): complex-to-complex, real-to-complex
 * and complex-to-real transforms of float32/complex64 tensors over a list of dims, one dim at a
 * time, every line of a dim in one batch of dispatches (kernels.ts, plans in plan.ts). The
 * arithmetic is f32 with host-computed (float64, rounded once) twiddles; see the README for
 * the error this gives against PyTorch's.
 */
import { TorchRuntimeError, type Backend, type FftKind, type TensorRef } from '@antorcha/core';
import { contiguousStrides, numel } from '../codegen/layout.js';
import { type GpuRuntime, gpuOf } from '../runtime.js';
import { type GpuView, type LoadMode, fused, fusedMax, load, pass, pointwise, store } from './kernels.js';
import { type FftPlan, type StockhamPlan, planFor, workLength } from './plan.js';

function viewOf(ref: TensorRef): GpuView {
  return { buffer: gpuOf(ref.buffer), offset: ref.offset, shape: ref.shape, strides: ref.strides };
}

/** A split n = n1·n2 with both factors at most `max`, as balanced as can be (n1 ≤ n2), or null. */
export function splitOf(n: number, max: number): [number, number] | null {
  for (let n1 = Math.floor(Math.sqrt(n)); n1 >= 2; n1--) {
    if (n % n1 === 0) return n / n1 <= max ? [n1, n / n1] : null;
  }
  return null;
}

/**
 * Runs the n-point FFT of `plan` over `lines` lines in `a` (using `b`); returns the buffer
 * holding the result. Where {@link useFused}: up to {@link fusedMax} points, one dispatch; Longer lengths that split
 * into n1·n2 ≤ fusedMax² points: the four-step transform, two dispatches (n2 transforms of n1
 * points at stride n2, times the twiddles ω_n^{j2·k1}, then n1 of n2 points, written at stride
 * n1: X[k1 + n1·k2]). Otherwise one dispatch per Stockham pass.
 */
function stockham(rt: GpuRuntime, plan: StockhamPlan, lines: number, a: GPUBuffer, b: GPUBuffer): GPUBuffer {
  const n = plan.n, max = fusedMax(rt.device), fuse = useFused(rt.device);
  if (plan.passes.length > 1 && n <= max && fuse) {
    fused(rt, plan.passes, n, lines, plan.twiddles, a, b);
    return b;
  }
  const split = n > max && fuse ? splitOf(n, max) : null;
  if (split !== null) {
    const [n1, n2] = split;
    const p1 = planFor(rt, n1) as StockhamPlan, p2 = planFor(rt, n2) as StockhamPlan;
    fused(rt, p1.passes, n1, lines, p1.twiddles, a, b, { count: n2, N: n, inT: 1, inS: n2, outT: 1, outS: n2, post: plan.twiddles });
    fused(rt, p2.passes, n2, lines, p2.twiddles, b, a, { count: n1, N: n, inT: n2, inS: 1, outT: 1, outS: n1, post: null });
    return a;
  }
  let src = a, dst = b;
  for (const p of plan.passes) {
    pass(rt, p, n, lines, plan.twiddles, src, dst);
    [src, dst] = [dst, src];
  }
  return src;
}

/** What one axis transform reads and writes. */
interface AxisJob {
  src: GpuView;
  dst: GpuView;
  axis: number;
  /** Transform length. */
  n: number;
  mode: LoadMode;
  conjIn: boolean;
  conjOut: boolean;
  complexOut: boolean;
  mirror: boolean;
  scale: number;
}

/**
 * @internal Whether transforms run in workgroup-memory dispatches (true) or pass by pass
 * (false); null (the default): by the adapter, see {@link useFused}. Tests force both.
 */
export const fusedMode: { on: boolean | null } = { on: null };

const software = new WeakMap<GPUDevice, boolean>();

/**
 * Whether `device` gets the workgroup-memory kernels: yes on GPUs (the usual shape of a GPU
 * FFT: one global read and write per transform instead of one per pass), no on software
 * adapters (SwiftShader, llvmpipe), where workgroup barriers are coroutine switches: there a
 * 1024×1024-point batch took 8–11 s fused vs 1.7–1.8 s pass by pass, and 2^20 points 16–17 s
 * vs 2.3–3.3 s (measured on this repository's CI machine). The GPU side is not measured here.
 */
function useFused(device: GPUDevice): boolean {
  if (fusedMode.on !== null) return fusedMode.on;
  let sw = software.get(device);
  if (sw === undefined) {
    const info = (device as GPUDevice & { adapterInfo?: GPUAdapterInfo & { isFallbackAdapter?: boolean } }).adapterInfo;
    sw = info !== undefined && (info.isFallbackAdapter === true || /swiftshader|llvmpipe|lavapipe|software/i.test(`${info.vendor} ${info.architecture} ${info.device} ${info.description}`));
    software.set(device, sw);
  }
  return !sw;
}

/** @internal A cap on the bytes of one work buffer below the device's binding limit (tests of the chunked path), or null. */
export const workLimit: { bytes: number | null } = { bytes: null };

/** The forward DFT (of the possibly conjugated input) along one axis, for every line, chunked to fit the device's binding limit. */
function axisTransform(rt: GpuRuntime, op: string, j: AxisJob): void {
  const lines = numel(j.dst.shape) / j.dst.shape[j.axis]!;
  if (lines === 0) return;
  // the limit is checked before a plan's tables are made (they are as long as a line)
  const L = workLength(j.n);
  const limits = rt.device.limits;
  const maxBytes = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize, workLimit.bytes ?? Infinity);
  const per = Math.floor(maxBytes / (8 * L));
  if (per < 1) {
    throw new TorchRuntimeError(op, `${op}: a ${j.n}-point transform needs ${8 * L}-byte work buffers, over this WebGPU device's binding limit of ${maxBytes} bytes; move the input to the CPU`);
  }
  const plan: FftPlan = planFor(rt, j.n);
  const chunk = Math.min(per, lines);
  const bytes = chunk * L * 8;
  const A = rt.pool.acquire(bytes), B = rt.pool.acquire(bytes);
  try {
    for (let first = 0; first < lines; first += chunk) {
      const count = Math.min(chunk, lines - first);
      const chirp = plan.kind === 'bluestein' ? plan.chirp : null;
      load(rt, j.src, j.axis, j.mode, j.n, A.buffer, L, first, count, j.conjIn, chirp);
      let res: GPUBuffer;
      if (plan.kind === 'stockham') res = stockham(rt, plan, count, A.buffer, B.buffer);
      else {
        res = stockham(rt, plan.inner, count, A.buffer, B.buffer);
        pointwise(rt, res, count * L, L, plan.filter);
        res = stockham(rt, plan.inner, count, res, res === A.buffer ? B.buffer : A.buffer);
      }
      store(rt, res, L, j.dst, j.axis, first, count, {
        n: j.n, count: j.dst.shape[j.axis]!, complex: j.complexOut, mirror: j.mirror,
        realInput: j.mode === 'real', conj: j.conjOut, scale: j.scale, chirp,
      });
    }
  } finally {
    rt.pool.release(A.buffer, A.size);
    rt.pool.release(B.buffer, B.size);
  }
}

/** Complex transforms along `dims` in order, `src` first read (then `dst` in place), `scale` applied on the last. */
function c2cDims(rt: GpuRuntime, op: string, src: GpuView, dst: GpuView, dims: readonly number[], forward: boolean, scale: number): void {
  dims.forEach((d, i) => {
    axisTransform(rt, op, {
      src: i === 0 ? src : dst, dst, axis: d, n: dst.shape[d]!, mode: 'complex',
      conjIn: !forward, conjOut: !forward, complexOut: true, mirror: false, scale: i === dims.length - 1 ? scale : 1,
    });
  });
}

const OPS: Record<FftKind, string> = { c2c: '_fft_c2c', r2c: '_fft_r2c', c2r: '_fft_c2r' };

/** {@link Backend.fft} on WebGPU (float32 and complex64 only: the device stores no float64). */
export function fft(rt: GpuRuntime, kind: FftKind, x: TensorRef, out: TensorRef, dims: readonly number[], forward: boolean, scale: number): void {
  const op = OPS[kind];
  for (const r of [x, out]) {
    if (r.dtype !== 'float32' && r.dtype !== 'complex64') {
      throw new TorchRuntimeError(op, `${op}: the WebGPU FFT computes float32/complex64 only, got ${r.dtype}; move the input to the CPU for other dtypes`);
    }
  }
  if (dims.length === 0) throw new Error('antorcha webgpu backend: fft over no dims');
  if (numel(x.shape) === 0 || numel(out.shape) === 0) return;
  const X = viewOf(x), O = viewOf(out);
  const k = dims.length;
  const last = dims[k - 1]!;
  if (kind === 'c2c') {
    c2cDims(rt, op, X, O, dims, forward, scale);
    return;
  }
  if (kind === 'r2c') {
    // the real dim first (conjugated for the backward transform: conj of the forward one), then the others
    const n = x.shape[last]!;
    axisTransform(rt, op, {
      src: X, dst: O, axis: last, n, mode: 'real', conjIn: false, conjOut: !forward, complexOut: true,
      mirror: out.shape[last] === n, scale: k === 1 ? scale : 1,
    });
    c2cDims(rt, op, O, O, dims.slice(0, -1), forward, scale);
    return;
  }
  // c2r: the complex dims first, into a scratch copy (the input stays untouched), then the real dim;
  // its backward transform is Re(conj(F(conj H))) = Re(F(conj H)), conj dropped for the forward one
  let src = X;
  let scratch: { buffer: GPUBuffer; size: number } | null = null;
  try {
    if (k > 1) {
      scratch = rt.pool.acquire(numel(x.shape) * 8);
      src = { buffer: scratch.buffer, offset: 0, shape: x.shape, strides: contiguousStrides(x.shape) };
      c2cDims(rt, op, X, src, dims.slice(0, -1), forward, 1);
    }
    axisTransform(rt, op, {
      src, dst: O, axis: last, n: out.shape[last]!, mode: 'hermitian', conjIn: !forward, conjOut: false,
      complexOut: false, mirror: false, scale,
    });
  } finally {
    if (scratch !== null) rt.pool.release(scratch.buffer, scratch.size);
  }
}

/** The `fft` method of a WebGPU backend on `rt`. */
export function fftMethod(rt: GpuRuntime): NonNullable<Backend['fft']> {
  return (kind, x, out, dims, forward, scale) => fft(rt, kind, x, out, dims, forward, scale);
}
