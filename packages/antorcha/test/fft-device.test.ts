// torch.fft on a backend without FFT kernels (WebGPU had none before backend-webgpu/src/fft): the transforms raise an error
// naming the op, the device and the way out; fftfreq, the shifts and the windows, built from
// ordinary kernels, still run there.
import { registerBackend, unregisterBackend } from '@antorcha/core';
import { createCpuBackend } from '@antorcha/backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

// The stub backend's device type, declared to the type checker as a backend package declares its own.
declare module '@antorcha/core' {
  interface DeviceTypes {
    nofft: true;
  }
}

describe('a backend without FFT kernels', () => {
  beforeAll(() => {
    const b = { ...createCpuBackend(), name: 'nofft' };
    delete (b as { fft?: unknown }).fft;
    registerBackend(b);
  });
  afterAll(() => unregisterBackend('nofft'));

  it('the transforms name the op, the device and the way out', () => {
    const x = torch.randn([8], { device: 'nofft' });
    expect(() => torch.fft.rfft(x)).toThrow(/^_fft_r2c: the 'nofft:0' backend has no FFT kernels; move the input to the CPU first \(`await t\.toAsync\('cpu'\)`\)/);
    expect(() => torch.fft.fft(x)).toThrow(torch.TorchRuntimeError);
    expect(() => torch.stft(x, 4, { returnComplex: true })).toThrow(/the 'nofft:0' backend has no FFT kernels/);
  });

  it('fftfreq, fftshift and the windows run there', () => {
    const f = torch.fft.fftfreq(6, { device: 'nofft' });
    expect(f.device.type).toBe('nofft');
    expect(Array.from(torch.fft.fftshift(f).dataSync())).toEqual(Array.from(torch.fft.fftshift(torch.fft.fftfreq(6)).dataSync()));
    expect(Array.from(torch.hannWindow(8, { device: 'nofft' }).dataSync())).toEqual(Array.from(torch.hannWindow(8).dataSync()));
  });
});
