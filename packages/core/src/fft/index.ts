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
 * ```ts
 * torch.fft.fftfreq(4); // tensor([ 0.0000,  0.2500, -0.5000, -0.2500])
 * torch.fft.fftshift(torch.arange(5)); // tensor([3, 4, 0, 1, 2])
 * ```
 * @packageDocumentation
 */
export {
  fft, ifft, rfft, irfft, hfft, ihfft, fft2, ifft2, rfft2, irfft2, hfft2, ihfft2, fftn, ifftn, rfftn, irfftn, hfftn, ihfftn,
  type FftNorm, type FftOptions, type FftnOptions,
} from './transforms.js';
export { fftfreq, rfftfreq } from './freq.js';
export { fftshift, ifftshift, type ShiftDims } from './shift.js';
