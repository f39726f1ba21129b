/**
 * `torch.fft`: discrete Fourier transforms and their helpers, as PyTorch 1.13's `torch.fft`.
 *
 * `fftfreq`/`rfftfreq` give the bins' frequencies and `fftshift`/`ifftshift` centre the
 * spectrum (both work on every device; the shifts are `roll`s).
 * @example
 * ```ts
 * torch.fft.fftfreq(4); // tensor([ 0.0000,  0.2500, -0.5000, -0.2500])
 * torch.fft.fftshift(torch.arange(5)); // tensor([3, 4, 0, 1, 2])
 * ```
 * @packageDocumentation
 */
export { fftfreq, rfftfreq } from './freq.js';
export { fftshift, ifftshift, type ShiftDims } from './shift.js';
