// Shared by the matmul test files: operand layouts built the same way on the CPU and on
// WebGPU, and the comparison of a WebGPU product with the CPU one. Float32 results agree
// within 2·γ_K·(|a|·|b|), γ_K = K·u/(1 − K·u), u = 2⁻²⁴: each side's float32 dot product is
// within γ_K·Σ|aᵢbᵢ| of the exact one whatever its summation order (the bound is computed
// in float64 from the operands); integer results are exact.
import * as torch from '@antorcha/core';
import type { Tensor } from '@antorcha/core';
import { expect } from 'vitest';

const U = 2 ** -24;

/** Asserts a WebGPU product equals the CPU one (exactly for integers, within the float32 dot-product bound otherwise). */
export async function expectProduct(gpuA: Tensor, gpuB: Tensor, a: Tensor, b: Tensor, what: string): Promise<void> {
  const got = await gpuA.matmul(gpuB).toAsync('cpu');
  const want = a.matmul(b);
  expect([...got.shape], what).toEqual([...want.shape]);
  if (!a.dtype.isFloatingPoint) {
    expect([...got.dataSync()], what).toEqual([...want.dataSync()]);
    return;
  }
  const K = a.shape[a.dim() - 1]!;
  const gamma = (K * U) / (1 - K * U);
  const bound = a.double().abs().matmul(b.double().abs()).mul(2 * gamma);
  const over = got.double().sub(want.double()).abs().sub(bound).max().item() as number;
  expect(over, what).toBeLessThanOrEqual(0);
}

/** How an operand of logical shape [rows, cols] sits in its base: row-major, transposed, every other element, or offset by one in padded rows. */
export type Layout = 'row' | 'col' | 'strided' | 'misaligned';
/** Every layout, in the order the tests iterate them. */
export const LAYOUTS: Layout[] = ['row', 'col', 'strided', 'misaligned'];

/** A [rows, cols] operand in `layout`: its CPU view and the same view of a WebGPU copy of its base. */
export function make(layout: Layout, rows: number, cols: number, dtype: 'float32' | 'int32'): [Tensor, Tensor] {
  const rand = (shape: number[]): Tensor => (dtype === 'float32' ? torch.randn(shape) : torch.randint(-20, 20, shape, { dtype: 'int32' }));
  const base = layout === 'row' ? rand([rows, cols]) : layout === 'col' ? rand([cols, rows]) : layout === 'strided' ? rand([rows, cols, 2]) : rand([rows, cols + 1]);
  const view = (t: Tensor): Tensor => (layout === 'row' ? t : layout === 'col' ? t.t() : layout === 'strided' ? t.select(2, 1) : t.narrow(1, 1, cols));
  return [view(base), view(base.to('webgpu'))];
}
