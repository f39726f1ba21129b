/**
 * Window functions for spectral analysis (`torch.hann_window` and friends), composed from
 * ordinary ops in the order PyTorch's `TensorFactories.cpp` composes them, so each step
 * rounds in the window's dtype as PyTorch's does: `arange(N)`, times a scalar, `cos`, …
 * A periodic window of length N is the symmetric window of length N + 1 without its last
 * value (the form `torch.stft` wants).
 */
import { getDefaultDtype, type DType } from '../dtype.js';
import { TorchRuntimeError, TorchTypeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { arange, ones, zeros } from './creation.js';
import { resolveOptions, type TensorOptions } from './dispatch.js';
import { cppName, typeMetaName } from './promotion.js';
import { boolArg, expectNumber, keywordArgs } from '../validate.js';

/**
 * Options of the window functions: PyTorch's keyword `periodic` and the created tensor's dtype
 * (floating), device, requiresGrad. Given as the trailing options object, in the position of
 * `periodic` or after it (`torch.hannWindow(5, { periodic: false, dtype: 'float64' })`).
 */
export interface WindowOptions extends TensorOptions {
  /** N + 1 points with the last dropped, for spectral analysis (default `true`); `false` is the symmetric window. */
  periodic?: boolean;
}

/** Options of {@link hammingWindow}: {@link WindowOptions} plus its coefficients as keywords. */
export interface HammingWindowOptions extends WindowOptions {
  /** The constant term α (default 0.54). */
  alpha?: number;
  /** The cosine's coefficient β (default 0.46). */
  beta?: number;
}

/** Options of {@link kaiserWindow}: {@link WindowOptions} plus its shape parameter as a keyword. */
export interface KaiserWindowOptions extends WindowOptions {
  /** The shape parameter β (default 12). */
  beta?: number;
}

const TENSOR_KEYS = ['dtype', 'device', 'requiresGrad'] as const;

/**
 * A window function's arguments, positional or keyword (`names` from position 2 on, then the
 * creation options): `periodic` checked as a bool, the other values as numbers.
 */
function windowArgs(op: string, names: readonly string[], values: readonly unknown[]): { kw: Record<string, unknown>; periodic: boolean; opts: WindowOptions } {
  const kw = keywordArgs(op, names, values, TENSOR_KEYS);
  const periodic = boolArg(op, 'periodic', 2, kw.periodic, true);
  names.forEach((name, i) => {
    if (name !== 'periodic' && kw[name] !== undefined) expectNumber(op, name, i + 2, kw[name]);
  });
  const opts: Record<string, unknown> = {};
  for (const k of TENSOR_KEYS) if (kw[k] !== undefined) opts[k] = kw[k];
  return { kw, periodic, opts: opts as WindowOptions };
}

/**
 * Checks the arguments as PyTorch's `window_function_checks` and handles the lengths 0 and 1;
 * returns null when the window is already made, else the options with a floating dtype.
 */
function start(op: string, n: number, periodic: unknown, opts: WindowOptions | undefined):
  { window: Tensor } | { dtype: DType; opts: WindowOptions } {
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new TorchTypeError(op, `${op}(): argument 'window_length' must be int, not ${typeof n === 'number' ? 'float' : typeof n}`);
  if (typeof periodic !== 'boolean') throw new TorchTypeError(op, `${op}(): argument 'periodic' must be bool, not ${typeof periodic}`);
  const o = resolveOptions(opts, getDefaultDtype());
  if (!o.dtype.isFloatingPoint && !o.dtype.isComplex) {
    // PyTorch prints the whole TensorOptions (TensorFactories.cpp window_function_checks, 1.13 and 2.x alike)
    const rg = opts?.requiresGrad === undefined ? 'false (default)' : String(opts.requiresGrad);
    throw new TorchRuntimeError(op, `${op} expects floating point dtypes, got: TensorOptions(dtype=${typeMetaName(o.dtype)}, ` +
      `device=${o.device.toString()}, layout=Strided (default), requires_grad=${rg}, pinned_memory=false, memory_format=(nullopt))`);
  }
  if (n < 0) throw new TorchRuntimeError(op, `${op} requires non-negative window_length, got window_length=${n}`);
  const full = { ...opts, dtype: o.dtype };
  if (n === 0) return { window: zeros([0], full) };
  if (n === 1) return { window: ones([1], full) };
  // complex dtypes pass PyTorch's check, then fail in arange, which has no complex kernel
  if (o.dtype.isComplex) throw new TorchRuntimeError(op, `"arange_cpu" not implemented for '${cppName(o.dtype)}'`);
  return { dtype: o.dtype, opts: { ...full, requiresGrad: false } };
}

/** `arange(len)` in the window's dtype, on its device. */
function ramp(len: number, opts: WindowOptions): Tensor {
  return arange(len, opts);
}

/** The symmetric window `w` of `len` points, cut to `len − 1` when periodic; requiresGrad applied last. */
function finish(w: Tensor, periodic: boolean, len: number, opts: WindowOptions | undefined): Tensor {
  const out = periodic ? w.narrow(0, 0, len - 1).contiguous() : w;
  if (opts?.requiresGrad) out.requiresGrad_(true);
  return out;
}

function args(op: string, periodicOrOpts: boolean | WindowOptions | undefined, opts: WindowOptions | undefined): [boolean, WindowOptions] {
  const { periodic, opts: o } = windowArgs(op, ['periodic'], [periodicOrOpts, opts]);
  return [periodic, o];
}

/**
 * The Hamming window `α − β·cos(2πk/(N−1))` (PyTorch's general form: α 0.54, β 0.46 by default).
 * @example
 * ```ts pytorch=core.hammingWindow
 * console.log(torch.hammingWindow(4));
 * console.log(torch.hammingWindow(4, false, 0.5, 0.5, { dtype: 'float64' })); // the symmetric Hann window
 * ```
 * ```text
 * tensor([0.0800, 0.5400, 1.0000, 0.5400])
 * tensor([0.0000, 0.7500, 0.7500, 0.0000], dtype=torch.float64)
 * ```
 */
export function hammingWindow(windowLength: number, periodic?: boolean | HammingWindowOptions, alpha?: number | HammingWindowOptions,
  beta?: number | HammingWindowOptions, opts?: HammingWindowOptions): Tensor {
  const op = 'hamming_window';
  const { kw, periodic: per, opts: o } = windowArgs(op, ['periodic', 'alpha', 'beta'], [periodic, alpha, beta, opts]);
  const s = start(op, windowLength, per, o);
  if ('window' in s) return s.window;
  const a = (kw.alpha as number | undefined) ?? 0.54, b = (kw.beta as number | undefined) ?? 0.46;
  const len = per ? windowLength + 1 : windowLength;
  const w = ramp(len, s.opts).mul((Math.PI * 2) / (len - 1)).cos().mul(-b).add(a);
  return finish(w, per, len, o);
}

/**
 * The Hann window `0.5 − 0.5·cos(2πk/(N−1))` (periodic by default: N + 1 points, the last dropped).
 * @example
 * ```ts pytorch=core.hannWindow
 * console.log(torch.hannWindow(4)); // periodic (for spectral analysis)
 * console.log(torch.hannWindow(5, false)); // symmetric
 * ```
 * ```text
 * tensor([0.0000, 0.5000, 1.0000, 0.5000])
 * tensor([0.0000, 0.5000, 1.0000, 0.5000, 0.0000])
 * ```
 */
export function hannWindow(windowLength: number, periodic?: boolean | WindowOptions, opts?: WindowOptions): Tensor {
  const [per, o] = args('hann_window', periodic, opts);
  const s = start('hann_window', windowLength, per, o);
  if ('window' in s) return s.window;
  return hammingWindow(windowLength, per, 0.5, 0.5, o);
}

/**
 * The Bartlett (triangular) window `1 − |2k/(N−1) − 1|`.
 * @example
 * ```ts pytorch=core.bartlettWindow
 * console.log(torch.bartlettWindow(5, false));
 * ```
 * ```text
 * tensor([0.0000, 0.5000, 1.0000, 0.5000, 0.0000])
 * ```
 */
export function bartlettWindow(windowLength: number, periodic?: boolean | WindowOptions, opts?: WindowOptions): Tensor {
  const [per, o] = args('bartlett_window', periodic, opts);
  const s = start('bartlett_window', windowLength, per, o);
  if ('window' in s) return s.window;
  const len = per ? windowLength + 1 : windowLength;
  const w = ramp(len, s.opts).mul(2 / (len - 1));
  const first = ((len - 1) >> 1) + 1;
  // the second half: 2 − 2k/(N−1), written in place as PyTorch does
  const tail = w.narrow(0, first, len - first);
  tail.copy_(tail.mul(-1).add(2));
  return finish(w, per, len, o);
}

/**
 * The Blackman window `0.42 − 0.5·cos(2πk/(N−1)) + 0.08·cos(4πk/(N−1))`.
 * @example
 * ```ts pytorch=core.blackmanWindow
 * console.log(torch.blackmanWindow(4)); // periodic: the symmetric 5-point window without its last value
 * ```
 * ```text
 * tensor([-2.9802e-08,  3.4000e-01,  1.0000e+00,  3.4000e-01])
 * ```
 */
export function blackmanWindow(windowLength: number, periodic?: boolean | WindowOptions, opts?: WindowOptions): Tensor {
  const [per, o] = args('blackman_window', periodic, opts);
  const s = start('blackman_window', windowLength, per, o);
  if ('window' in s) return s.window;
  const len = per ? windowLength + 1 : windowLength;
  const w = ramp(len, s.opts).mul(Math.PI / (len - 1));
  const out = w.mul(4).cos().mul(0.08).sub(w.mul(2).cos().mul(0.5)).add(0.42);
  return finish(out, per, len, o);
}

/**
 * The Kaiser window `I₀(β·√(1 − ((k − α)/α)²)) / I₀(β)`, α = (N − 1)/2 (β 12 by default).
 * @example
 * ```ts pytorch=core.kaiserWindow
 * console.log(torch.kaiserWindow(5, false, 8.0, { dtype: 'float64' }));
 * ```
 * ```text
 * tensor([0.0023, 0.3690, 1.0000, 0.3690, 0.0023], dtype=torch.float64)
 * ```
 */
export function kaiserWindow(windowLength: number, periodic?: boolean | KaiserWindowOptions, beta?: number | KaiserWindowOptions,
  opts?: KaiserWindowOptions): Tensor {
  const op = 'kaiser_window';
  const { kw, periodic: per, opts: o } = windowArgs(op, ['periodic', 'beta'], [periodic, beta, opts]);
  const s = start(op, windowLength, per, o);
  if ('window' in s) return s.window;
  const b = (kw.beta as number | undefined) ?? 12.0;
  const len = per ? windowLength + 1 : windowLength;
  // PyTorch's kernel, in the dtype's precision: alpha and beta cast to it, then per element
  // i0(beta·sqrt(1 − ((k − alpha)/alpha)²)) / i0(beta)
  const alpha = (len - 1) / 2.0;
  const k = ramp(len, s.opts);
  const t = k.sub(alpha).div(alpha);
  const inner = t.mul(t).neg().add(1).sqrt().mul(b).i0();
  const denom = zeros([], s.opts).add(b).i0();
  return finish(inner.div(denom), per, len, o);
}
