/**
 * The three transform primitives every `torch.fft` function is built from, as PyTorch's
 * ATen ops `_fft_c2c`, `_fft_r2c` and `_fft_c2r`: each runs the backend's {@link Backend.fft}
 * kernel into a new contiguous tensor and is recorded for autograd under its own name
 * (`fft_c2c` → `FftC2CBackward0`, …; the derivatives live in autograd's derivatives/fft.ts).
 * A backend without the kernel raises a `TorchRuntimeError` naming the op and the device.
 */
import { recordOp } from '../autograd-hook.js';
import type { Backend } from '../backend.js';
import { float32, toComplexDtype, toRealDtype, type DType } from '../dtype.js';
import { TorchRuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { backendFor, emptyTensor, refOf } from '../ops/dispatch.js';

/** PyTorch's `fft_norm_mode`: 0 none, 1 times 1/√N, 2 times 1/N (N the signal numel). */
export type NormMode = 0 | 1 | 2;

/** The backend of `t`'s device, which must implement `fft`. */
export function fftBackend(op: string, t: Tensor): Backend & Required<Pick<Backend, 'fft'>> {
  const b = backendFor(t.device, t.dtype, op);
  if (b.fft === undefined) {
    throw new TorchRuntimeError(
      op,
      `${op}: the '${t.device}' backend has no FFT kernels; move the input to the CPU first (\`await t.toAsync('cpu')\`), compute there, and move the result back`,
    );
  }
  return b as Backend & Required<Pick<Backend, 'fft'>>;
}

/**
 * The normalization factor as PyTorch's `compute_fct<T>` computes it, in the precision of
 * the result's parts (float32 for complex64/float32): 1, 1/√N or 1/N.
 */
export function normScale(mode: NormMode, signalNumel: number, dtype: DType): number {
  if (mode === 0) return 1;
  const f32 = toRealDtype(dtype) === float32;
  const n = f32 ? Math.fround(signalNumel) : signalNumel;
  const r = mode === 1 ? (f32 ? Math.fround(Math.sqrt(n)) : Math.sqrt(n)) : n;
  return f32 ? Math.fround(1 / r) : 1 / r;
}

function numelOver(shape: readonly number[], dims: readonly number[]): number {
  return dims.reduce((p, d) => p * shape[d]!, 1);
}

function run(op: string, kind: 'c2c' | 'r2c' | 'c2r', x: Tensor, out: Tensor, dims: readonly number[], forward: boolean, scale: number): void {
  const backend = fftBackend(op, x);
  if (out.numel() > 0 && x.numel() > 0) backend.fft(kind, refOf(x), refOf(out), dims, forward, scale);
}

/**
 * `_fft_c2c`: the complex transform over `dims` (forward: exp(−2πi·jk/n)), normalized by
 * `norm` over those dims' sizes.
 */
export function fftC2c(x: Tensor, dims: readonly number[], norm: NormMode, forward: boolean): Tensor {
  const op = '_fft_c2c';
  const out = emptyTensor(x._shape, x.dtype, x.device, op);
  if (dims.length === 0) out.copy_(x);
  else run(op, 'c2c', x, out, dims, forward, normScale(norm, numelOver(x._shape, dims), x.dtype));
  recordOp('fft_c2c', [x], [out], { dims: [...dims], normalization: norm, forward });
  return out;
}

/**
 * `_fft_r2c`: the forward transform of a real tensor over `dims`, the last of them cut to
 * its ⌊n/2⌋ + 1 non-redundant values when `onesided`.
 */
export function fftR2c(x: Tensor, dims: readonly number[], norm: NormMode, onesided: boolean): Tensor {
  const op = '_fft_r2c';
  const last = dims[dims.length - 1]!;
  const shape = [...x._shape];
  if (onesided) shape[last] = Math.floor(shape[last]! / 2) + 1;
  const out = emptyTensor(shape, toComplexDtype(x.dtype), x.device, op);
  run(op, 'r2c', x, out, dims, true, normScale(norm, numelOver(x._shape, dims), out.dtype));
  recordOp('fft_r2c', [x], [out], { dims: [...dims], normalization: norm, onesided, lastDimSize: x._shape[last] });
  return out;
}

/**
 * `_fft_c2r`: the backward transform over `dims` of the Hermitian spectrum whose
 * non-redundant half `x` holds along the last of them; the result has `lastDimSize` there.
 */
export function fftC2r(x: Tensor, dims: readonly number[], norm: NormMode, lastDimSize: number): Tensor {
  const op = '_fft_c2r';
  const last = dims[dims.length - 1]!;
  const shape = [...x._shape];
  shape[last] = lastDimSize;
  const out = emptyTensor(shape, toRealDtype(x.dtype), x.device, op);
  run(op, 'c2r', x, out, dims, false, normScale(norm, numelOver(shape, dims), out.dtype));
  recordOp('fft_c2r', [x], [out], { dims: [...dims], normalization: norm, lastDimSize });
  return out;
}
