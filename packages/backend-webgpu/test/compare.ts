// Helpers comparing a WebGPU result with the CPU backend's for the same inputs.
import type { Tensor } from '@antorcha/core';
import { expect } from 'vitest';

/** Tolerances of a comparison. */
export interface Tol {
  rtol?: number;
  atol?: number;
}

/**
 * Asserts `gpu` (on webgpu) equals `cpu` (on cpu): same dtype and shape, NaN at the
 * same places, infinities equal, finite values within `atol + rtol·|cpu|`
 * (exact for integers and bools).
 */
export async function expectMatchesCpu(gpu: Tensor, cpu: Tensor, tol: Tol = {}, what = ''): Promise<void> {
  expect(gpu.device.type, what).toBe('webgpu');
  expect(gpu.dtype, what).toBe(cpu.dtype);
  expect([...gpu.shape], what).toEqual([...cpu.shape]);
  const a = await gpu.data();
  const e = cpu.dataSync();
  const exact = !cpu.dtype.isFloatingPoint;
  const rtol = exact ? 0 : (tol.rtol ?? 1e-5);
  const atol = exact ? 0 : (tol.atol ?? 1e-6);
  for (let i = 0; i < e.length; i++) {
    const x = a[i]!, y = e[i]!;
    if (Number.isNaN(y) || Number.isNaN(x)) {
      if (Number.isNaN(x) !== Number.isNaN(y)) expect.fail(`${what} element ${i}: ${x} != expected ${y}`);
      continue;
    }
    if (!Number.isFinite(y) || !Number.isFinite(x)) {
      if (x !== y) expect.fail(`${what} element ${i}: ${x} != expected ${y}`);
      continue;
    }
    if (Math.abs(x - y) > atol + rtol * Math.abs(y)) expect.fail(`${what} element ${i}: ${x} != expected ${y}`);
  }
}
