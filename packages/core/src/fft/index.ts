/**
 * `torch.fft`: discrete Fourier transforms and their helpers, as PyTorch 1.13's `torch.fft`.
 *
 * The transforms (`fft`, `ifft`, `rfft`, `irfft`, `hfft`, `ihfft` and their `2`/`n` forms)
 * take PyTorch's arguments positionally or as a trailing options object (`{ n, dim, norm }`,
 * `{ s, dim, norm }`), zero-pad or trim to the signal size, and return complex64/complex128
 * (real inputs are promoted: integers to the default float). They run on backends with FFT
 * kernels (the CPU: any length, mixed radix and Bluestein, computed in float64); elsewhere
 * they raise an error naming the op and the device (`await t.toAsync('cpu')` first).
 * `fftfreq`/`rfftfreq` give the bins' frequencies and `fftshift`/`ifftshift` centre the
 * spectrum (both work on every device; the shifts are `roll`s).
 * @example
 * ```ts pytorch=core.fft
 * console.log(torch.fft.fft(torch.tensor([1, 0, -1, 0], { dtype: 'float32' })));
 * console.log(torch.fft.fftfreq(4));
 * ```
 * ```text
 * tensor([0.+0.j, 2.+0.j, 0.+0.j, 2.-0.j])
 * tensor([ 0.0000,  0.2500, -0.5000, -0.2500])
 * ```
 * @packageDocumentation
 */
export {
  fft, ifft, rfft, irfft, hfft, ihfft, fft2, ifft2, rfft2, irfft2, hfft2, ihfft2, fftn, ifftn, rfftn, irfftn, hfftn, ihfftn,
  type FftNorm, type FftOptions, type FftnOptions,
} from './transforms.js';
export { fftfreq, rfftfreq } from './freq.js';
export { fftshift, ifftshift, type ShiftDims } from './shift.js';
