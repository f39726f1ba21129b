/**
 * The `torch.fft` transforms, composed from the primitives exactly as PyTorch 1.13's
 * `SpectralOps.cpp` composes them: argument canonicalization (`n`/`s`/`dim`, defaults,
 * errors with PyTorch's texts), dtype promotion (integers to the default float, float16 and
 * bfloat16 refused, real to complex where a complex input is needed), zero-padding or
 * trimming of the input to the signal size, the normalization mode, and the conjugations
 * around `hfft`/`ihfft`.
 */
import { getDefaultDtype, float32, float64, toComplexDtype } from '../dtype.js';
import { TorchRuntimeError, TorchTypeError, TorchIndexError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { zeros } from '../ops/creation.js';
import { cppName } from '../ops/promotion.js';
import { expectTensor } from '../validate.js';
import { conj, conjPhysical } from '../complex/ops.js';
import { fftC2c, fftC2r, fftR2c, type NormMode } from './primitives.js';

/** A normalization mode: `'backward'` (the default: the inverse divides by n), `'ortho'` (both by √n), `'forward'`. */
export type FftNorm = 'backward' | 'ortho' | 'forward';

/** Options of the one-dimensional transforms (PyTorch's keyword arguments). */
export interface FftOptions {
  /** Signal length: the input is zero-padded or trimmed to it along `dim` (output length for `irfft`/`hfft`). */
  n?: number | null;
  /** The dim to transform (default −1). */
  dim?: number;
  /** Normalization mode (default `'backward'`). */
  norm?: FftNorm | null;
}

/** Options of the n-dimensional transforms. */
export interface FftnOptions {
  /** Signal size per transformed dim (−1: keep that dim's size). */
  s?: readonly number[] | null;
  /** The dims to transform (default: the last `s.length`, or all; `*2` functions: the last two). */
  dim?: number | readonly number[] | null;
  /** Normalization mode (default `'backward'`). */
  norm?: FftNorm | null;
}

// ------------------------------------------------------------------ arguments

function normMode(op: string, norm: FftNorm | null | undefined, forward: boolean): NormMode {
  if (norm === undefined || norm === null || norm === 'backward') return forward ? 0 : 2;
  if (norm === 'forward') return forward ? 2 : 0;
  if (norm === 'ortho') return 1;
  throw new TorchRuntimeError(op, `Invalid normalization mode: "${String(norm)}"`);
}

function invalidPoints(op: string, n: number): TorchRuntimeError {
  return new TorchRuntimeError(op, `Invalid number of data points (${n}) specified`);
}

/** PyTorch's `maybe_wrap_dim` for a transform dim. */
function wrap(op: string, dim: number, ndim: number): number {
  if (typeof dim !== 'number' || !Number.isInteger(dim)) throw new TorchTypeError(op, `${op}(): argument 'dim' must be int, not ${typeof dim}`);
  if (ndim === 0) throw new TorchIndexError(op, `Dimension specified as ${dim} but tensor has no dimensions`);
  if (dim < -ndim || dim >= ndim) throw new TorchIndexError(op, `Dimension out of range (expected to be in range of [${-ndim}, ${ndim - 1}], but got ${dim})`);
  return dim < 0 ? dim + ndim : dim;
}

/** PyTorch's `promote_tensor_fft`: integers to the default float; float16/bfloat16 refused; complex on request. */
function promote(op: string, x: Tensor, requireComplex: boolean): Tensor {
  if (x.dtype.isComplex) return x;
  let d = x.dtype.isFloatingPoint ? x.dtype : getDefaultDtype();
  if (d !== float32 && d !== float64) throw new TorchRuntimeError(op, `Unsupported dtype ${cppName(d)}`);
  if (requireComplex) d = toComplexDtype(d);
  return d === x.dtype ? x : x.to(d);
}

/** PyTorch's `resize_fft_input`: trims or zero-pads `x` to `sizes` along `dims` (−1 keeps a size). */
function resize(x: Tensor, dims: readonly number[], sizes: readonly number[]): Tensor {
  const shape = [...x._shape];
  let pad = false;
  dims.forEach((d, i) => {
    const s = sizes[i]!;
    if (s === -1) return;
    if (x._shape[d]! > s) x = x.narrow(d, 0, s);
    if (shape[d]! < s) pad = true;
    shape[d] = s;
  });
  if (!pad) return x;
  const out = zeros(shape, { dtype: x.dtype, device: x.device });
  let region = out;
  x._shape.forEach((n, d) => {
    if (n < shape[d]!) region = region.narrow(d, 0, n);
  });
  region.copy_(x);
  return out;
}

interface ShapeAndDims {
  shape: number[];
  dim: number[];
}

/** PyTorch's `canonicalize_fft_shape_and_dim_args`. */
function canonicalize(op: string, x: Tensor, s: readonly number[] | null | undefined, dimArg: number | readonly number[] | null | undefined): ShapeAndDims {
  const ndim = x._shape.length;
  let dim: number[] | null = null;
  if (dimArg !== null && dimArg !== undefined) {
    dim = (typeof dimArg === 'number' ? [dimArg] : [...dimArg]).map((d) => wrap(op, d, ndim));
    if (new Set(dim).size !== dim.length) throw new TorchRuntimeError(op, 'FFT dims must be unique');
  }
  let shape: number[];
  if (s !== null && s !== undefined) {
    if (dim !== null && dim.length !== s.length) throw new TorchRuntimeError(op, 'When given, dim and shape arguments must have the same length');
    if (s.length > ndim) throw new TorchRuntimeError(op, `Got shape with ${s.length} values but input tensor only has ${ndim} dimensions.`);
    if (dim === null) dim = s.map((_, i) => ndim - s.length + i);
    shape = s.map((n, i) => (n === -1 ? x._shape[dim![i]!]! : n));
  } else if (dim === null) {
    dim = x._shape.map((_, i) => i);
    shape = [...x._shape];
  } else {
    shape = dim.map((d) => x._shape[d]!);
  }
  for (const n of shape) if (!(n > 0)) throw invalidPoints(op, n);
  return { shape, dim };
}

/** PyTorch's `canonicalize_fft_c2r_shape_and_dim_args`: the input's half size along the last dim, and the output's size there. */
function canonicalizeC2r(op: string, x: Tensor, s: readonly number[] | null | undefined, dimArg: number | readonly number[] | null | undefined): ShapeAndDims & { lastDimSize: number } {
  const desc = canonicalize(op, x, s, dimArg);
  if (desc.shape.length === 0) throw new TorchRuntimeError(op, `${op} must transform at least one axis`);
  const lastDimSize = s === null || s === undefined || s[s.length - 1] === -1 ? 2 * (x._shape[desc.dim[desc.dim.length - 1]!]! - 1) : desc.shape[desc.shape.length - 1]!;
  if (lastDimSize < 1) throw invalidPoints(op, lastDimSize);
  desc.shape[desc.shape.length - 1] = Math.floor(lastDimSize / 2) + 1;
  return { ...desc, lastDimSize };
}

/** Positional `(n, dim, norm)` or an options object, as the one-dimensional transforms take them. */
function opts1(n: number | null | FftOptions | undefined, dim: number | undefined, norm: FftNorm | null | undefined): FftOptions {
  if (n !== null && typeof n === 'object') return n;
  return { n: n ?? null, dim: dim ?? -1, norm: norm ?? null };
}

/** Positional `(s, dim, norm)` or an options object, as the n-dimensional transforms take them. */
function optsN(s: readonly number[] | null | FftnOptions | undefined, dim: number | readonly number[] | null | undefined,
  norm: FftNorm | null | undefined): FftnOptions {
  if (s !== null && s !== undefined && !Array.isArray(s)) return s as FftnOptions;
  return { s: (s as readonly number[] | null | undefined) ?? null, dim: dim ?? null, norm: norm ?? null };
}

/** The 1-D signal dim and length: `n` given, or the input's size along `dim`. */
function dimAndN(op: string, x: Tensor, o: FftOptions): { dim: number; n: number | null } {
  if (x._shape.length === 0 && (o.n === null || o.n === undefined)) throw invalidPoints(op, 0);
  return { dim: wrap(op, o.dim ?? -1, x._shape.length), n: o.n ?? null };
}

// ------------------------------------------------------------------ one-dimensional

function c2c1(op: string, x: Tensor, o: FftOptions, forward: boolean): Tensor {
  const { dim, n } = dimAndN(op, x, o);
  const len = n ?? x._shape[dim]!;
  if (!(len >= 1)) throw invalidPoints(op, len);
  if (n !== null) x = resize(x, [dim], [n]);
  return fftC2c(x, [dim], normMode(op, o.norm, forward), forward);
}

function r2c1(op: string, x: Tensor, o: FftOptions, forward: boolean, onesided: boolean): Tensor {
  if (x.dtype.isComplex) throw new TorchRuntimeError(op, `${op} expects a real input tensor, but got ${cppName(x.dtype)}`);
  x = promote(op, x, false);
  const { dim, n } = dimAndN(op, x, o);
  const len = n ?? x._shape[dim]!;
  if (!(len >= 1)) throw invalidPoints(op, len);
  if (n !== null) x = resize(x, [dim], [n]);
  const r = fftR2c(x, [dim], normMode(op, o.norm, forward), onesided);
  return forward ? r : conj(r);
}

function c2r1(op: string, x: Tensor, o: FftOptions, forward: boolean): Tensor {
  x = promote(op, x, true);
  const dim = x._shape.length === 0 ? wrap(op, o.dim ?? -1, 1) : wrap(op, o.dim ?? -1, x._shape.length);
  const n = o.n ?? 2 * ((x._shape[dim] ?? 1) - 1);
  if (!(n >= 1)) throw invalidPoints(op, n);
  if (o.n !== null && o.n !== undefined) x = resize(x, [dim], [Math.floor(n / 2) + 1]);
  if (forward) x = conj(x);
  return fftC2r(x, [dim], normMode(op, o.norm, forward), n);
}

/**
 * The one-dimensional discrete Fourier transform along `dim` (default the last); a real
 * input gives the full (Hermitian) spectrum.
 * @example
 * ```ts pytorch=core.fft.fft
 * const x = torch.tensor([1, 2, 3, 4], { dtype: 'float32' });
 * console.log(torch.fft.fft(x));
 * console.log(torch.fft.fft(x, { n: 8, norm: 'ortho' })); // zero-padded to 8, scaled by 1/√8
 * ```
 * ```text
 * tensor([10.+0.j, -2.+2.j, -2.+0.j, -2.-2.j])
 * tensor([ 3.5355+0.0000j, -0.1464-2.5607j, -0.7071+0.7071j,  0.8536-0.4393j,
 *         -0.7071+0.0000j,  0.8536+0.4393j, -0.7071-0.7071j, -0.1464+2.5607j])
 * ```
 */
export function fft(x: Tensor, n?: number | null | FftOptions, dim?: number, norm?: FftNorm | null): Tensor {
  expectTensor('fft_fft', 'input', 1, x);
  const o = opts1(n, dim, norm);
  return x.dtype.isComplex ? c2c1('fft', x, o, true) : r2c1('fft', x, o, true, false);
}

/**
 * The inverse of {@link fft}: `ifft(fft(x)) ≈ x` (the `'backward'` mode divides by n here).
 * @example
 * ```ts pytorch=core.fft.ifft
 * const x = torch.tensor([1, 2, 3, 4], { dtype: 'float32' });
 * console.log(torch.fft.ifft(torch.fft.fft(x))); // x, as complex
 * ```
 * ```text
 * tensor([1.+0.j, 2.+0.j, 3.+0.j, 4.+0.j])
 * ```
 */
export function ifft(x: Tensor, n?: number | null | FftOptions, dim?: number, norm?: FftNorm | null): Tensor {
  expectTensor('fft_ifft', 'input', 1, x);
  const o = opts1(n, dim, norm);
  return x.dtype.isComplex ? c2c1('ifft', x, o, false) : r2c1('ifft', x, o, false, false);
}

/**
 * The FFT of a real input: the ⌊n/2⌋ + 1 non-negative-frequency bins (the rest are their conjugates).
 * @example
 * ```ts pytorch=core.fft.rfft
 * console.log(torch.fft.rfft(torch.tensor([1, 2, 3, 4], 'float32'))); // n / 2 + 1 frequencies
 * ```
 * ```text
 * tensor([10.+0.j, -2.+2.j, -2.+0.j])
 * ```
 */
export function rfft(x: Tensor, n?: number | null | FftOptions, dim?: number, norm?: FftNorm | null): Tensor {
  expectTensor('fft_rfft', 'input', 1, x);
  return r2c1('rfft', x, opts1(n, dim, norm), true, true);
}

/**
 * The inverse of {@link rfft}: a real signal of length `n` (default 2·(m − 1) for m input
 * bins) from its half spectrum. Give `n` to recover odd lengths.
 * @example
 * ```ts pytorch=core.fft.irfft
 * const x = torch.tensor([0.5, 2, 3, 4, 5], { dtype: 'float32' });
 * const X = torch.fft.rfft(x); // the 3 non-redundant frequencies
 * console.log(torch.fft.irfft(X, { n: x.shape[0] })); // x
 * ```
 * ```text
 * tensor([0.5000, 2.0000, 3.0000, 4.0000, 5.0000])
 * ```
 */
export function irfft(x: Tensor, n?: number | null | FftOptions, dim?: number, norm?: FftNorm | null): Tensor {
  expectTensor('fft_irfft', 'input', 1, x);
  return c2r1('irfft', x, opts1(n, dim, norm), false);
}

/**
 * The FFT of a Hermitian-symmetric signal given by its first half: a real spectrum of length
 * `n` (default 2·(m − 1)).
 * @example
 * ```ts pytorch=core.fft.hfft
 * const x = torch.tensor([0.5, 2, 3, 4, 5], { dtype: 'float32' });
 * console.log(torch.fft.hfft(torch.fft.ihfft(x), { n: x.shape[0] })); // x
 * ```
 * ```text
 * tensor([0.5000, 2.0000, 3.0000, 4.0000, 5.0000])
 * ```
 */
export function hfft(x: Tensor, n?: number | null | FftOptions, dim?: number, norm?: FftNorm | null): Tensor {
  expectTensor('fft_hfft', 'input', 1, x);
  return c2r1('hfft', x, opts1(n, dim, norm), true);
}

/**
 * The inverse of {@link hfft}: the half spectrum (⌊n/2⌋ + 1 bins) of the inverse FFT of a real signal.
 * @example
 * ```ts pytorch=core.fft.ihfft
 * console.log(torch.fft.ihfft(torch.tensor([1, 2, 3, 4], 'float32')));
 * ```
 * ```text
 * tensor([ 2.5000-0.0000j, -0.5000-0.5000j, -0.5000-0.0000j])
 * ```
 */
export function ihfft(x: Tensor, n?: number | null | FftOptions, dim?: number, norm?: FftNorm | null): Tensor {
  expectTensor('fft_ihfft', 'input', 1, x);
  return r2c1('ihfft', x, opts1(n, dim, norm), false, true);
}

// ------------------------------------------------------------------ n-dimensional

function c2cN(op: string, x: Tensor, o: FftnOptions, forward: boolean): Tensor {
  const desc = canonicalize(op, x, o.s, o.dim);
  x = promote(op, x, true);
  x = resize(x, desc.dim, desc.shape);
  return fftC2c(x, desc.dim, normMode(op, o.norm, forward), forward);
}

function rfftN(op: string, x: Tensor, o: FftnOptions): Tensor {
  if (x.dtype.isComplex) throw new TorchRuntimeError(op, `${op} expects a real-valued input tensor, but got ${cppName(x.dtype)}`);
  const desc = canonicalize(op, x, o.s, o.dim);
  if (desc.shape.length === 0) throw new TorchRuntimeError(op, `${op} must transform at least one axis`);
  x = promote(op, x, false);
  x = resize(x, desc.dim, desc.shape);
  return fftR2c(x, desc.dim, normMode(op, o.norm, true), true);
}

function irfftN(op: string, x: Tensor, o: FftnOptions): Tensor {
  const desc = canonicalizeC2r(op, x, o.s, o.dim);
  x = promote(op, x, true);
  x = resize(x, desc.dim, desc.shape);
  return fftC2r(x, desc.dim, normMode(op, o.norm, false), desc.lastDimSize);
}

function hfftN(op: string, x: Tensor, o: FftnOptions): Tensor {
  const desc = canonicalizeC2r(op, x, o.s, o.dim);
  x = promote(op, x, true);
  x = resize(x, desc.dim, desc.shape);
  const norm = normMode(op, o.norm, true);
  const tmp = desc.dim.length > 1 ? fftC2c(x, desc.dim.slice(0, -1), norm, true) : x;
  return fftC2r(conj(tmp), desc.dim.slice(-1), norm, desc.lastDimSize);
}

function ihfftN(op: string, x: Tensor, o: FftnOptions): Tensor {
  const desc = canonicalize(op, x, o.s, o.dim);
  if (desc.shape.length === 0) throw new TorchRuntimeError(op, `${op} must transform at least one axis`);
  x = promote(op, x, false);
  x = resize(x, desc.dim, desc.shape);
  const norm = normMode(op, o.norm, false);
  const tmp = fftR2c(x, desc.dim.slice(-1), norm, true);
  if (desc.dim.length === 1) return conj(tmp);
  // conj(rfftn(x)) = the backward transform over the other dims of conj(rfft(x))
  return fftC2c(conjPhysical(tmp), desc.dim.slice(0, -1), norm, false);
}

/** The `*2` functions' default dims. */
function two(o: FftnOptions): FftnOptions {
  return { ...o, dim: o.dim ?? [-2, -1] };
}

/**
 * The n-dimensional FFT over `dim` (default all dims, or the last `s.length`).
 * @example
 * ```ts pytorch=core.fft.fftn
 * const x = torch.arange(4, { dtype: 'float32' }).reshape([2, 2]);
 * console.log(torch.fft.fftn(x)); // every dim
 * console.log(torch.fft.fftn(x, { s: [3], dim: [1] })); // dim 1 only, zero-padded to 3
 * ```
 * ```text
 * tensor([[ 6.+0.j, -2.+0.j],
 *         [-4.+0.j,  0.+0.j]])
 * tensor([[ 1.0000+0.0000j, -0.5000-0.8660j, -0.5000+0.8660j],
 *         [ 5.0000+0.0000j,  0.5000-2.5981j,  0.5000+2.5981j]])
 * ```
 */
export function fftn(x: Tensor, s?: readonly number[] | null | FftnOptions, dim?: number | readonly number[] | null, norm?: FftNorm | null): Tensor {
  expectTensor('fft_fftn', 'input', 1, x);
  return c2cN('fftn', x, optsN(s, dim, norm), true);
}

/** The inverse of {@link fftn}. */
export function ifftn(x: Tensor, s?: readonly number[] | null | FftnOptions, dim?: number | readonly number[] | null, norm?: FftNorm | null): Tensor {
  expectTensor('fft_ifftn', 'input', 1, x);
  return c2cN('ifftn', x, optsN(s, dim, norm), false);
}

/**
 * The two-dimensional FFT over the last two dims (or `dim`).
 * @example
 * ```ts pytorch=core.fft.fft2
 * const x = torch.tensor([[1, 2], [3, 4]], { dtype: 'float32' });
 * console.log(torch.fft.fft2(x));
 * ```
 * ```text
 * tensor([[10.+0.j, -2.+0.j],
 *         [-4.+0.j,  0.+0.j]])
 * ```
 */
export function fft2(x: Tensor, s?: readonly number[] | null | FftnOptions, dim?: number | readonly number[] | null, norm?: FftNorm | null): Tensor {
  expectTensor('fft_fft2', 'input', 1, x);
  return c2cN('fftn', x, two(optsN(s, dim, norm)), true);
}

/** The inverse of {@link fft2}. */
export function ifft2(x: Tensor, s?: readonly number[] | null | FftnOptions, dim?: number | readonly number[] | null, norm?: FftNorm | null): Tensor {
  expectTensor('fft_ifft2', 'input', 1, x);
  return c2cN('ifftn', x, two(optsN(s, dim, norm)), false);
}

/** The n-dimensional FFT of a real input, the last transformed dim cut to its non-negative half. */
export function rfftn(x: Tensor, s?: readonly number[] | null | FftnOptions, dim?: number | readonly number[] | null, norm?: FftNorm | null): Tensor {
  expectTensor('fft_rfftn', 'input', 1, x);
  return rfftN('rfftn', x, optsN(s, dim, norm));
}

/** The inverse of {@link rfftn} (give `s` to recover an odd last length). */
export function irfftn(x: Tensor, s?: readonly number[] | null | FftnOptions, dim?: number | readonly number[] | null, norm?: FftNorm | null): Tensor {
  expectTensor('fft_irfftn', 'input', 1, x);
  return irfftN('irfftn', x, optsN(s, dim, norm));
}

/**
 * The two-dimensional FFT of a real input (last two dims), half spectrum along the last.
 * @example
 * ```ts pytorch=core.fft.rfft2
 * console.log(torch.fft.rfft2(torch.ones(4, 6)).shape); // the last dim halved: 6 / 2 + 1
 * ```
 * ```text
 * torch.Size([4, 4])
 * ```
 */
export function rfft2(x: Tensor, s?: readonly number[] | null | FftnOptions, dim?: number | readonly number[] | null, norm?: FftNorm | null): Tensor {
  expectTensor('fft_rfft2', 'input', 1, x);
  return rfftN('rfftn', x, two(optsN(s, dim, norm)));
}

/** The inverse of {@link rfft2}. */
export function irfft2(x: Tensor, s?: readonly number[] | null | FftnOptions, dim?: number | readonly number[] | null, norm?: FftNorm | null): Tensor {
  expectTensor('fft_irfft2', 'input', 1, x);
  return irfftN('irfftn', x, two(optsN(s, dim, norm)));
}

/** The n-dimensional FFT of a Hermitian-symmetric signal given by its half (a real result). */
export function hfftn(x: Tensor, s?: readonly number[] | null | FftnOptions, dim?: number | readonly number[] | null, norm?: FftNorm | null): Tensor {
  expectTensor('fft_hfftn', 'input', 1, x);
  return hfftN('hfftn', x, optsN(s, dim, norm));
}

/** The inverse of {@link hfftn}: the half spectrum of a real signal's inverse FFT. */
export function ihfftn(x: Tensor, s?: readonly number[] | null | FftnOptions, dim?: number | readonly number[] | null, norm?: FftNorm | null): Tensor {
  expectTensor('fft_ihfftn', 'input', 1, x);
  return ihfftN('ihfftn', x, optsN(s, dim, norm));
}

/** {@link hfftn} over the last two dims (or `dim`). */
export function hfft2(x: Tensor, s?: readonly number[] | null | FftnOptions, dim?: number | readonly number[] | null, norm?: FftNorm | null): Tensor {
  expectTensor('fft_hfft2', 'input', 1, x);
  return hfftN('hfft2', x, two(optsN(s, dim, norm)));
}

/** {@link ihfftn} over the last two dims (or `dim`). */
export function ihfft2(x: Tensor, s?: readonly number[] | null | FftnOptions, dim?: number | readonly number[] | null, norm?: FftNorm | null): Tensor {
  expectTensor('fft_ihfft2', 'input', 1, x);
  return ihfftN('ihfft2', x, two(optsN(s, dim, norm)));
}
