/**
 * Derivatives of the FFT primitives core records (`fft_c2c`, `fft_r2c`, `fft_c2r`), as
 * PyTorch's derivatives.yaml gives them for `_fft_c2c`, `_fft_r2c` and `_fft_c2r`
 * (`fft_r2c_backward` and `fft_c2r_backward` in FunctionsManual.cpp), with PyTorch's node
 * names. Every `torch.fft` function is composed of these (and `conj`).
 */
import { _fftC2c, _fftC2r, _fftR2c, real, zeros, type FftNormMode as NormMode, type Tensor } from '@antorcha/core';
import { type RuleTable, rule } from './rule.js';

interface FftAttrs {
  dims: number[];
  normalization: NormMode;
  forward?: boolean;
  onesided?: boolean;
  lastDimSize?: number;
}

/**
 * `fft_r2c_backward`: the onesided half is zero-filled back to the full length, then the
 * real part of the inverse complex transform (unnormalized as the forward one was).
 */
function r2cBackward(g: Tensor, a: FftAttrs): Tensor {
  if (!a.onesided) return real(_fftC2c(g, a.dims, a.normalization, false));
  const last = a.dims[a.dims.length - 1]!;
  const full = [...g._shape];
  full[last] = a.lastDimSize!;
  const zeroLength = a.lastDimSize! - g._shape[last]!;
  let c = g;
  if (zeroLength > 0) {
    c = zeros(full, { dtype: g.dtype, device: g.device });
    c.narrow(last, 0, g._shape[last]!).copy_(g);
  }
  return real(_fftC2c(c, a.dims, a.normalization, false));
}

/**
 * `fft_c2r_backward`: the onesided real transform of the gradient, with the bins whose
 * mirror images fell outside the half (1 … n − (⌊n/2⌋ + 1)) doubled.
 */
function c2rBackward(g: Tensor, a: FftAttrs): Tensor {
  const gI = _fftR2c(g, a.dims, a.normalization, true);
  const last = a.dims[a.dims.length - 1]!;
  const doubleLength = g._shape[last]! - gI._shape[last]!;
  if (doubleLength > 0) gI.narrow(last, 1, doubleLength).mul_(2);
  return gI;
}

/** FFT rules. */
export const FFT: RuleTable = {
  fft_c2c: rule('FftC2CBackward0', (ctx) => {
    const a = ctx.rec.attrs as unknown as FftAttrs;
    return ([g]) => [_fftC2c(g!, a.dims, a.normalization, !a.forward)];
  }),
  fft_r2c: rule('FftR2CBackward0', (ctx) => {
    const a = ctx.rec.attrs as unknown as FftAttrs;
    return ([g]) => [r2cBackward(g!, a)];
  }),
  fft_c2r: rule('FftC2RBackward0', (ctx) => {
    const a = ctx.rec.attrs as unknown as FftAttrs;
    return ([g]) => [c2rBackward(g!, a)];
  }),
};
