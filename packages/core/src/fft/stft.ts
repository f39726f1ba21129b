/**
 * `torch.stft` and `torch.istft`, composed as PyTorch's `torch/functional.py` and
 * `SpectralOps.cpp` compose them: centre padding (reflect, constant, replicate, circular),
 * frames as a strided view, the window (zero-padded to `n_fft` when shorter), a real or
 * complex transform per frame; the inverse by overlap-add with the squared window's
 * envelope. As PyTorch 2.x (and unlike 1.13, which only warns), real inputs need
 * `returnComplex` given, and `istft` needs a complex input.
 */
import { int64 } from '../dtype.js';
import { TorchIndexError, TorchRuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { fromHost, ones, zeros } from '../ops/creation.js';
import { cat, indexSelect } from '../ops/indexing.js';
import { deviceCheck } from '../ops/device-check.js';
import { expectBoolOptions, expectTensor } from '../validate.js';
import { viewAsReal } from '../complex/ops.js';
import { fftC2c, fftC2r, fftR2c } from './primitives.js';

/** Options of {@link stft} (PyTorch's keyword arguments). */
export interface StftOptions {
  /** Distance between frames (default ⌊nFft/4⌋). */
  hopLength?: number | null;
  /** Window length (default nFft); the window is zero-padded on both sides to nFft. */
  winLength?: number | null;
  /** The window (default all ones), 1-D of length `winLength`. */
  window?: Tensor | null;
  /** Pad the signal by ⌊nFft/2⌋ on both sides so frame t is centred at t·hop (default true). */
  center?: boolean;
  /** How `center` pads (default `'reflect'`). */
  padMode?: 'reflect' | 'constant' | 'replicate' | 'circular';
  /** Multiply by 1/√nFft (default false). */
  normalized?: boolean;
  /** Keep only the ⌊nFft/2⌋ + 1 non-negative frequencies (default: true for real input and window). */
  onesided?: boolean | null;
  /** Return a complex tensor (true) or its `viewAsReal` (false); required for real inputs. */
  returnComplex?: boolean | null;
}

/** Options of {@link istft}. */
export interface IstftOptions {
  /** Distance between frames (default ⌊nFft/4⌋), as given to {@link stft}. */
  hopLength?: number | null;
  /** Window length (default nFft), as given to {@link stft}. */
  winLength?: number | null;
  /** The window the frames were taken with (default all ones). */
  window?: Tensor | null;
  /** Whether the forward transform padded the signal (default true). */
  center?: boolean;
  /** Whether the forward transform was normalized by 1/√nFft (default false). */
  normalized?: boolean;
  /** Whether the input holds the half spectrum (default: its frequency size ≠ nFft). */
  onesided?: boolean | null;
  /** Trim or zero-pad the output to this length. */
  length?: number | null;
  /** A complex output (for complex signals; needs the full spectrum). Default false. */
  returnComplex?: boolean;
}

const pyBool = (b: boolean | null | undefined): string => (b === null || b === undefined ? 'None' : b ? '1' : '0');
const typeName = (t: Tensor): string =>
  `torch.${{ float32: 'Float', float64: 'Double', complex64: 'ComplexFloat', complex128: 'ComplexDouble' }[t.dtype.name as string] ?? t.dtype.name}Tensor`;
const cpuType = (t: Tensor): string =>
  `CPU${{ float32: 'Float', float64: 'Double', complex64: 'ComplexFloat', complex128: 'ComplexDouble' }[t.dtype.name as string] ?? t.dtype.name}Type`;
const dims = (s: readonly number[]): string => `[${s.join(', ')}]`;

/** The signal padded by `pad` on both sides of its last dim. */
function padSignal(x: Tensor, pad: number, mode: string): Tensor {
  const len = x._shape[x._shape.length - 1]!;
  const last = x._shape.length - 1;
  if (mode === 'constant') {
    const shape = [...x._shape];
    shape[last] = pad;
    const z = zeros(shape, { dtype: x.dtype, device: x.device });
    return cat([z, x, z], last);
  }
  if (mode !== 'reflect' && mode !== 'replicate' && mode !== 'circular') throw new TorchRuntimeError('stft', `Unrecognised padding mode ${mode}`);
  if (mode === 'reflect' && pad >= len) {
    const ext = [...Array<number>(3 - x._shape.length).fill(1), ...x._shape];
    throw new TorchRuntimeError('stft', `Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (${pad}, ${pad}) at dimension 2 of input ${dims(ext)}`);
  }
  const idx = new Float64Array(len + 2 * pad);
  for (let i = -pad; i < len + pad; i++) {
    let j = i;
    if (mode === 'reflect') j = i < 0 ? -i : i >= len ? 2 * (len - 1) - i : i;
    else if (mode === 'replicate') j = Math.min(Math.max(i, 0), len - 1);
    else j = ((i % len) + len) % len;
    idx[i + pad] = j;
  }
  return indexSelect(x, last, fromHost(idx, [idx.length], int64, { device: x.device }));
}

/**
 * The short-time Fourier transform: the FFT of windowed frames of a 1-D signal (or a batch
 * of them, 2-D), as [freq, frames] (batched: [batch, freq, frames]).
 * @example
 * ```ts pytorch=core.stft
 * torch.manualSeed(0);
 * const x = torch.randn(1000);
 * const S = torch.stft(x, 256, { hopLength: 64, window: torch.hannWindow(256), returnComplex: true });
 * console.log(S.shape, S.dtype); // 129 frequencies × 16 frames
 * ```
 * ```text
 * torch.Size([129, 16]) torch.complex64
 * ```
 */
export function stft(x: Tensor, nFft: number, opts: StftOptions = {}): Tensor {
  expectBoolOptions('stft', opts, ['center', 'normalized', 'onesided', 'returnComplex']);
  const op = 'stft';
  expectTensor(op, 'input', 1, x);
  const window = opts.window ?? null;
  const center = opts.center ?? true;
  let input = x;
  if (center) {
    // torch/functional.py: pad the 1-D/2-D signal as a 3-D one ([1, 1, len] / [1, batch, len])
    if (x._shape.length === 0 || x._shape.length > 3) throw new TorchIndexError(op, `Dimension out of range (expected to be in range of [-${Math.max(x._shape.length, 1)}, ${Math.max(x._shape.length, 1) - 1}], but got -3)`);
    input = padSignal(x, Math.floor(nFft / 2), opts.padMode ?? 'reflect');
  }
  const returnComplexOpt = opts.returnComplex ?? null;
  const returnComplex = returnComplexOpt ?? (input.dtype.isComplex || (window !== null && window.dtype.isComplex));
  const hop = opts.hopLength ?? Math.floor(nFft / 4);
  const win = opts.winLength ?? nFft;
  const repr = () =>
    `stft(${typeName(input)}${dims(input._shape)}, n_fft=${nFft}, hop_length=${hop}, win_length=${win}, window=${window === null ? 'None' : `${typeName(window)}{${dims(window._shape)}}`}, ` +
    `normalized=${pyBool(opts.normalized ?? false)}, onesided=${pyBool(opts.onesided)}, return_complex=${pyBool(returnComplexOpt)}) `;
  if (!returnComplex) {
    // PyTorch 2.x (SpectralOps.cpp stft): an error; 1.13 warned and returned view_as_real
    if (returnComplexOpt === null) {
      throw new TorchRuntimeError(op, 'stft requires the return_complex parameter be given for real inputs, and will further require that return_complex=True in a future PyTorch release.');
    }
  }
  if (!input.dtype.isFloatingPoint && !input.dtype.isComplex) throw new TorchRuntimeError(op, `${repr()}: expected a tensor of floating point or complex values`);
  if (input._shape.length > 2 || input._shape.length < 1) throw new TorchRuntimeError(op, `${repr()}: expected a 1D or 2D tensor`);
  const batched = input._shape.length === 2 ? input : input.unsqueeze(0);
  const batch = batched._shape[0]!, len = batched._shape[1]!;
  if (nFft <= 0 || nFft > len) throw new TorchRuntimeError(op, `${repr()}: expected 0 < n_fft < ${len}, but got n_fft=${win}`);
  if (hop <= 0) throw new TorchRuntimeError(op, `${repr()}: expected hop_length > 0, but got hop_length=${hop}`);
  if (win <= 0 || win > nFft) throw new TorchRuntimeError(op, `${repr()}: expected 0 < win_length <= n_fft, but got win_length=${win}`);
  if (window !== null && (window._shape.length !== 1 || window._shape[0] !== win)) {
    throw new TorchRuntimeError(op, `${repr()}: expected a 1D window tensor of size equal to win_length=${win}, but got window with size ${dims(window._shape)}`);
  }
  let w: Tensor | null = window;
  if (win < nFft) {
    const left = Math.floor((nFft - win) / 2);
    w = zeros([nFft], { dtype: window?.dtype ?? input.dtype, device: input.device });
    if (window !== null) w.narrow(0, left, win).copy_(window);
    else w.narrow(0, left, win).fill_(1);
  }
  const nFrames = 1 + Math.floor((len - nFft) / hop);
  let frames = batched.asStrided([batch, nFrames, nFft], [batched._strides[0]!, hop * batched._strides[1]!, batched._strides[1]!]);
  if (w !== null) frames = frames.mul(w);
  const complexFft = frames.dtype.isComplex;
  const onesided = opts.onesided ?? !complexFft;
  const norm = opts.normalized ? 1 : 0;
  let out: Tensor;
  if (complexFft) {
    if (onesided) throw new TorchRuntimeError(op, 'Cannot have onesided output if window or input is complex');
    out = fftC2c(frames, [2], norm, true);
  } else {
    out = fftR2c(frames, [2], norm, onesided);
  }
  out = out.transpose(1, 2);
  if (input._shape.length === 1) out = out.squeeze(0);
  return returnComplex ? out : viewAsReal(out);
}

/**
 * The inverse of {@link stft}: overlap-add of the inverse FFTs of the frames, divided by
 * the squared window's envelope (which must not vanish: `center` and a window that overlaps).
 * @example
 * ```ts pytorch=core.istft
 * const x = torch.arange(8, { dtype: 'float32' });
 * const w = torch.hannWindow(4);
 * const S = torch.stft(x, 4, { hopLength: 1, window: w, returnComplex: true });
 * console.log(torch.istft(S, 4, { hopLength: 1, window: w, length: x.shape[0] })); // ≈ x
 * ```
 * ```text
 * tensor([0., 1., 2., 3., 4., 5., 6., 7.])
 * ```
 */
export function istft(x: Tensor, nFft: number, opts: IstftOptions = {}): Tensor {
  expectBoolOptions('istft', opts, ['center', 'normalized', 'onesided', 'returnComplex']);
  const op = 'istft';
  expectTensor(op, 'input', 1, x);
  const hop = opts.hopLength ?? Math.floor(nFft / 4);
  const win = opts.winLength ?? nFft;
  const window = opts.window ?? null;
  const center = opts.center ?? true;
  const returnComplex = opts.returnComplex ?? false;
  // PyTorch 2.x: a complex input is required (1.13 also took view_as_real's layout, with a warning)
  if (!x.dtype.isComplex) throw new TorchRuntimeError(op, 'istft requires a complex-valued input tensor matching the output from stft with return_complex=True.');
  const repr = () =>
    `istft(${cpuType(x)}${dims(x._shape)}, n_fft=${nFft}, hop_length=${hop}, win_length=${win}, window=${window === null ? 'None' : `${typeName(window)}{${dims(window._shape)}}`}, ` +
    `center=${pyBool(center)}, normalized=${pyBool(opts.normalized ?? false)}, onesided=${pyBool(opts.onesided)}, length=${opts.length ?? 'None'}, return_complex=${pyBool(returnComplex)}) `;
  const inputDim = x._shape.length + 1; // as view_as_real
  if (x.numel() === 0) throw new TorchRuntimeError(op, `${repr()}: input tensor cannot be empty.`);
  if (inputDim !== 3 && inputDim !== 4) {
    throw new TorchRuntimeError(op, `${repr()}: expected a tensor with 3 or 4 dimensions of real, or 2 or 3 dimensions of  complex, but got ${inputDim}`);
  }
  const nFrames = x._shape[x._shape.length - 1]!;
  const fftSize = x._shape[x._shape.length - 2]!;
  const L = nFft + hop * (nFrames - 1);
  const onesided = opts.onesided ?? fftSize !== nFft;
  if (onesided && Math.floor(nFft / 2) + 1 !== fftSize) {
    throw new TorchRuntimeError(op, `${repr()}: expected the frequency dimension (3rd to the last) of the input tensor to match n_fft / 2 + 1 when onesided=True, but got ${fftSize}`);
  }
  if (!onesided && nFft !== fftSize) {
    throw new TorchRuntimeError(op, `${repr()}: expected the frequency dimension (3rd to the last) of the input tensor to match n_fft when onesided=False, but got ${fftSize}`);
  }
  if (!(hop > 0 && hop <= win)) throw new TorchRuntimeError(op, `${repr()}: expected 0 < hop_length <= win_length`);
  if (!(win > 0 && win <= nFft)) throw new TorchRuntimeError(op, `${repr()}: expected 0 < win_length <= n_fft`);
  if (window !== null && (window._shape.length !== 1 || window._shape[0] !== win)) {
    throw new TorchRuntimeError(op, `${repr()}: Invalid window shape. window has to be 1D and length of \`win_length\``);
  }
  const realDtype = viewAsReal(x).dtype;
  let w = window ?? ones([win], { dtype: realDtype, device: x.device });
  if (win !== nFft) {
    const left = Math.floor((nFft - win) / 2);
    const padded = zeros([nFft], { dtype: w.dtype, device: x.device });
    padded.narrow(0, left, win).copy_(w);
    w = padded;
  }
  let input = x._shape.length === 2 ? x.unsqueeze(0) : x;
  input = input.transpose(1, 2); // (channel, n_frames, fft_size)
  const norm = opts.normalized ? 1 : 2;
  let frames: Tensor;
  if (returnComplex) {
    if (onesided) throw new TorchRuntimeError(op, 'Cannot have onesided output if window or input is complex');
    frames = fftC2c(input, [2], norm, false);
  } else {
    if (window !== null && window.dtype.isComplex) throw new TorchRuntimeError(op, 'Complex windows are incompatible with return_complex=False');
    if (!onesided) input = input.narrow(-1, 0, Math.floor(nFft / 2) + 1);
    frames = fftC2r(input, [2], norm, nFft);
  }
  const C = frames._shape[0]!;
  const yTmp = frames.mul(w.view(1, 1, nFft));
  // overlap-add (PyTorch's unfold_backward): sample f·hop + k gets frame f's value k
  const idx = new Float64Array(nFrames * nFft);
  for (let f = 0; f < nFrames; f++) for (let k = 0; k < nFft; k++) idx[f * nFft + k] = f * hop + k;
  const index = fromHost(idx, [1, nFrames * nFft], int64, { device: x.device });
  let y = zeros([C, L], { dtype: yTmp.dtype, device: x.device }).scatterAdd(1, index.expand(C, nFrames * nFft), yTmp.reshape(C, nFrames * nFft));
  const wsq = w.pow(2).expand(1, nFrames, nFft).reshape(1, nFrames * nFft);
  let env = zeros([1, L], { dtype: wsq.dtype, device: x.device }).scatterAdd(1, index, wsq);
  const start = center ? Math.floor(nFft / 2) : 0;
  const end = opts.length !== null && opts.length !== undefined ? start + opts.length : center ? L - Math.floor(nFft / 2) : L;
  const stop = Math.min(end, L);
  y = y.narrow(1, start, Math.max(0, stop - start));
  env = env.narrow(1, start, Math.max(0, stop - start));
  // a device-side check: no synchronous read, so istft runs on asynchronous devices (WebGPU raises it at the next read)
  deviceCheck(op, env.abs().min().lt(1e-11), `${repr()}window overlap add min: 1`);
  y = y.div(env);
  if (x._shape.length === 2) y = y.squeeze(0);
  if (end > L) {
    const shape = [...y._shape];
    shape[shape.length - 1] = end - L;
    y = cat([y, zeros(shape, { dtype: y.dtype, device: y.device })], y._shape.length - 1);
  }
  return y;
}
