/** `torch.fft.fftfreq` and `torch.fft.rfftfreq`: the sample frequencies of a transform's bins. */
import { allocHost, getDefaultDtype } from '../dtype.js';
import { TorchRuntimeError, TorchTypeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { fromHost } from '../ops/creation.js';
import { resolveOptions, type TensorOptions } from '../ops/dispatch.js';
import { cppName } from '../ops/promotion.js';

function parse(op: string, n: number, d: number | TensorOptions | undefined, opts: TensorOptions | undefined):
  { d: number; opts: TensorOptions | undefined } {
  if (typeof d === 'object' && d !== null) [opts, d] = [d, undefined];
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new TorchTypeError(op, `${op}(): argument 'n' (position 1) must be int, not ${typeof n === 'number' ? 'float' : typeof n}`);
  const dd = d ?? 1.0;
  if (typeof dd !== 'number') throw new TorchTypeError(op, `${op}(): argument 'd' (position 2) must be float, not ${typeof dd}`);
  return { d: dd, opts };
}

/** `k · (1/(n·d))` for the integers `ks`, rounded as PyTorch's `mul_` by a double scalar rounds in the dtype. */
function scaled(op: string, ks: number[], n: number, d: number, opts: TensorOptions | undefined): Tensor {
  const o = resolveOptions(opts, getDefaultDtype());
  if (!o.dtype.isFloatingPoint && !o.dtype.isComplex) throw new TorchRuntimeError(op, `${op} requires a floating point or complex dtype`);
  // PyTorch accepts complex dtypes here but fills through arange, which has no complex kernel
  if (o.dtype.isComplex) throw new TorchRuntimeError(op, `"arange_cpu" not implemented for '${cppName(o.dtype)}'`);
  const values = allocHost(o.dtype.name, ks.length);
  const f32 = o.dtype.name === 'float32';
  const s = f32 ? Math.fround(1.0 / (n * d)) : 1.0 / (n * d);
  ks.forEach((k, i) => (values[i] = f32 ? Math.fround(k * s) : k * s));
  return fromHost(values, [ks.length], o.dtype, { ...opts, dtype: o.dtype });
}

/**
 * The frequencies of an n-point FFT's bins with sample spacing `d`: `[0, 1, …, ⌈n/2⌉−1, −⌊n/2⌋, …, −1] / (n·d)`.
 * @example
 * ```ts pytorch=core.fft.fftfreq
 * console.log(torch.fft.fftfreq(5));
 * console.log(torch.fft.fftfreq(4, 0.5, { dtype: 'float64' })); // samples 0.5 apart
 * ```
 * ```text
 * tensor([ 0.0000,  0.2000,  0.4000, -0.4000, -0.2000])
 * tensor([ 0.0000,  0.5000, -1.0000, -0.5000], dtype=torch.float64)
 * ```
 */
export function fftfreq(n: number, d?: number | TensorOptions, opts?: TensorOptions): Tensor {
  const p = parse('fftfreq', n, d, opts);
  const ks: number[] = [];
  for (let i = 0; i < n; i++) ks.push(i < Math.floor((n + 1) / 2) ? i : i - n);
  return scaled('fftfreq', ks, n, p.d, p.opts);
}

/**
 * The frequencies of an n-point real FFT's half spectrum (`rfft`): `[0, 1, …, ⌊n/2⌋] / (n·d)`.
 * @example
 * ```ts pytorch=core.fft.rfftfreq
 * console.log(torch.fft.rfftfreq(5));
 * ```
 * ```text
 * tensor([0.0000, 0.2000, 0.4000])
 * ```
 */
export function rfftfreq(n: number, d?: number | TensorOptions, opts?: TensorOptions): Tensor {
  const p = parse('rfftfreq', n, d, opts);
  const ks: number[] = [];
  for (let i = 0; i <= Math.floor(n / 2); i++) ks.push(i);
  return scaled('rfftfreq', ks, n, p.d, p.opts);
}
