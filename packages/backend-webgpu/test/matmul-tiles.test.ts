// The tiled matmul kernel on every operand layout it reads differently: row-major and
// transposed operands (vec4 loads when the contiguous extent, strides and offset are
// multiples of 4), misaligned views and strided views (scalar loads), broadcast batches,
// both tile sizes, float32 and int32; and the plan (tiling, load modes) per adapter limits.
// Float32 results are compared with the CPU backend within 2·γ_K·(|a|·|b|), γ_K = K·u/(1 − K·u),
// u = 2⁻²⁴: each side's float32 dot product is within γ_K·Σ|aᵢbᵢ| of the exact one whatever
// its summation order (the bound is computed in float64 from the operands); int32 is exact.
import * as torch from '@antorcha/core';
import type { Tensor, TensorRef } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { type MatmulLimits, matmulTiling, planMatmul } from '../src/kernels/matmul.js';
import { backend, hasGpu } from './gpu.js';

const U = 2 ** -24;

/** Asserts a WebGPU product equals the CPU one (exactly for integers, within the float32 dot-product bound otherwise). */
async function expectProduct(gpuA: Tensor, gpuB: Tensor, a: Tensor, b: Tensor, what: string): Promise<void> {
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

/** Views of logical shape [rows, cols] built the same way on a CPU and a WebGPU copy of one base tensor. */
type Layout = 'row' | 'col' | 'strided' | 'misaligned';
const LAYOUTS: Layout[] = ['row', 'col', 'strided', 'misaligned'];

function make(layout: Layout, rows: number, cols: number, dtype: 'float32' | 'int32'): [Tensor, Tensor] {
  const rand = (shape: number[]): Tensor => (dtype === 'float32' ? torch.randn(shape) : torch.randint(-20, 20, shape, { dtype: 'int32' }));
  const base = layout === 'row' ? rand([rows, cols]) : layout === 'col' ? rand([cols, rows]) : layout === 'strided' ? rand([rows, cols, 2]) : rand([rows, cols + 1]);
  const view = (t: Tensor): Tensor => (layout === 'row' ? t : layout === 'col' ? t.t() : layout === 'strided' ? t.select(2, 1) : t.narrow(1, 1, cols));
  return [view(base), view(base.to('webgpu'))];
}

const DEFAULT_LIMITS: MatmulLimits = {
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupStorageSize: 16384,
  maxComputeWorkgroupSizeX: 256,
  maxComputeWorkgroupSizeY: 256,
};

describe('matmul tiling per adapter limits', () => {
  it('16×16 threads; 8×8 outputs each once there are ≥ 128 such tiles, else 4×4; TK fits the workgroup storage', () => {
    expect(matmulTiling(DEFAULT_LIMITS, 1, 1024, 1024)).toEqual({ wgx: 16, wgy: 16, rm: 4, rn: 4, tk: 16 }); // 64 large tiles only
    expect(matmulTiling(DEFAULT_LIMITS, 1, 2048, 1024)).toEqual({ wgx: 16, wgy: 16, rm: 8, rn: 8, tk: 16 }); // 128 large tiles: 16 KiB staged
    expect(matmulTiling(DEFAULT_LIMITS, 1, 4096, 4096)).toEqual({ wgx: 16, wgy: 16, rm: 8, rn: 8, tk: 16 });
    expect(matmulTiling(DEFAULT_LIMITS, 128, 128, 128)).toMatchObject({ rm: 8, rn: 8 });
    // many small matrices: a large tile would leave most of its threads idle
    expect(matmulTiling(DEFAULT_LIMITS, 4096, 8, 8)).toMatchObject({ rm: 4, rn: 4 });
    expect(matmulTiling(DEFAULT_LIMITS, 64, 4096, 100)).toMatchObject({ rm: 4, rn: 4 });
    // less workgroup storage: shallower tiles
    expect(matmulTiling({ ...DEFAULT_LIMITS, maxComputeWorkgroupStorageSize: 8192 }, 1, 4096, 4096)).toMatchObject({ rm: 8, tk: 8 });
    // compatibility-mode devices allow 128 invocations per workgroup
    expect(matmulTiling({ ...DEFAULT_LIMITS, maxComputeInvocationsPerWorkgroup: 128 }, 1, 4096, 4096)).toEqual({ wgx: 16, wgy: 8, rm: 8, rn: 8, tk: 16 });
    expect(matmulTiling({ ...DEFAULT_LIMITS, maxComputeInvocationsPerWorkgroup: 64 }, 1, 64, 64)).toMatchObject({ wgx: 8, wgy: 8 });
  });
});

describe.skipIf(!hasGpu)('webgpu tiled matmul', () => {
  it('vec4 loads and stores only where the contiguous extent, strides and offset are multiples of 4', () => {
    const be = backend!;
    const buf = (n: number) => be.alloc('float32', n);
    const ref = (buffer: ReturnType<typeof buf>, shape: number[], strides: number[], offset = 0): TensorRef => ({ buffer, dtype: 'float32', shape, strides, offset });
    const A = buf(4096), B = buf(4096), O = buf(4096);
    const lim = be.device.limits;
    // row-major A (k contiguous) and B (n contiguous), contiguous output
    let p = planMatmul(lim, ref(A, [1, 32, 16], [0, 16, 1]), ref(B, [1, 16, 64], [0, 64, 1]), ref(O, [1, 32, 64], [0, 64, 1]), 'float32');
    expect([p.aLoad, p.bLoad, p.vecOut]).toEqual(['vecK', 'vecMN', true]);
    // transposed A (m contiguous) and B (k contiguous)
    p = planMatmul(lim, ref(A, [1, 32, 16], [0, 1, 32]), ref(B, [1, 16, 64], [0, 1, 16]), ref(O, [1, 32, 64], [0, 64, 1]), 'float32');
    expect([p.aLoad, p.bLoad]).toEqual(['vecMN', 'vecK']);
    // an offset of 1, a row stride of 17, an extent of 6: scalar loads along the contiguous dim
    p = planMatmul(lim, ref(A, [1, 32, 16], [0, 16, 1], 1), ref(B, [1, 16, 64], [0, 65, 1]), ref(O, [1, 32, 62], [0, 62, 1]), 'float32');
    expect([p.aLoad, p.bLoad, p.vecOut]).toEqual(['fastK', 'fastMN', false]);
    // int32 operands of a float32 product need a conversion: scalar
    p = planMatmul(lim, { ...ref(A, [1, 32, 16], [0, 16, 1]), dtype: 'int32' }, ref(B, [1, 16, 64], [0, 64, 1]), ref(O, [1, 32, 64], [0, 64, 1]), 'float32');
    expect(p.aLoad).toBe('fastK');
    // one buffer as both operands, read 4-wide for one and not the other: both scalar
    p = planMatmul(lim, ref(A, [1, 32, 16], [0, 16, 1]), ref(A, [1, 16, 32], [0, 1, 17]), ref(O, [1, 32, 32], [0, 32, 1]), 'float32');
    expect([p.aLoad, p.bLoad]).toEqual(['fastK', 'fastK']);
    for (const x of [A, B, O]) be.free!(x);
  });

  // one test per layout of A, so each compiles a few kernel variants (seconds each on SwiftShader)
  for (const la of LAYOUTS) {
    it(`float32: ${la} A times every layout of B, aligned and ragged shapes, equals the CPU product`, async () => {
      torch.manualSeed(21);
      for (const [M, K, N] of [[64, 32, 64], [37, 21, 66]] as const) {
        for (const lb of LAYOUTS) {
          const [a, ga] = make(la, M, K, 'float32');
          const [b, gb] = make(lb, K, N, 'float32');
          await expectProduct(ga, gb, a, b, `float32 [${M},${K}]·[${K},${N}] ${la}·${lb}`);
        }
      }
    });
  }

  it('int32 (vec4 and scalar loads, wrapping) and degenerate shapes equal the CPU product', async () => {
    torch.manualSeed(23);
    for (const [la, lb, M, K, N] of [['row', 'row', 64, 32, 64], ['col', 'col', 64, 32, 64], ['strided', 'misaligned', 37, 21, 66]] as const) {
      const [a, ga] = make(la, M, K, 'int32');
      const [b, gb] = make(lb, K, N, 'int32');
      await expectProduct(ga, gb, a, b, `int32 [${M},${K}]·[${K},${N}] ${la}·${lb}`);
    }
    const big = torch.full([4, 8], 2 ** 20, { dtype: 'int32' }), big2 = torch.full([8, 4], 2 ** 12, { dtype: 'int32' });
    await expectProduct(big.to('webgpu'), big2.to('webgpu'), big, big2, 'int32 wrapping');
    for (const [M, K, N] of [[1, 8, 4], [5, 3, 1], [4, 1, 4]] as const) {
      const [a, ga] = make('row', M, K, 'float32');
      const [b, gb] = make('row', K, N, 'float32');
      await expectProduct(ga, gb, a, b, `float32 [${M},${K}]·[${K},${N}]`);
    }
  });

  it('large tiles (8×8 per thread) with ragged edges, batched and broadcast, and x·x sharing one buffer', async () => {
    torch.manualSeed(22);
    // 130 batches × 2 × 2 tiles of 128²: the large tiling; 132 and 136 leave partial edge tiles
    const a = torch.randn([130, 132, 20]), b = torch.randn([130, 20, 136]);
    expect(matmulTiling(backend!.device.limits, 130, 132, 136).rm).toBe(8);
    await expectProduct(a.to('webgpu'), b.to('webgpu'), a, b, 'large tiles');
    // a batch broadcast through stride 0, transposed B
    const w = torch.randn([24, 40]);
    const x = torch.randn([6, 33, 40]);
    await expectProduct(x.to('webgpu'), w.to('webgpu').t(), x, w.t(), 'broadcast weight, transposed');
    const s = torch.randn([48, 48]);
    const gs = s.to('webgpu');
    await expectProduct(gs, gs, s, s, 'x·x');
    await expectProduct(gs, gs.t(), s, s.t(), 'x·xᵀ');
  });
});
