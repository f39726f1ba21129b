// The tiled matmul kernel on every operand layout it reads differently: row-major and
// transposed operands (vec4 loads when the contiguous extent, strides and offset are
// multiples of 4), misaligned views and strided views (scalar loads), broadcast batches,
// both tile sizes, float32 and int32; and the plan (tiling, load modes) per adapter limits.
// Every product here has M, N > 16 and K > 4, so it takes the tiled kernel, not the small-product one.
// Float32 results are compared with the CPU backend within 2·γ_K·(|a|·|b|), γ_K = K·u/(1 − K·u),
// u = 2⁻²⁴: each side's float32 dot product is within γ_K·Σ|aᵢbᵢ| of the exact one whatever
// its summation order (the bound is computed in float64 from the operands); int32 is exact.
import * as torch from '@antorcha/core';
import type { TensorRef } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { type MatmulLimits, matmulTiling, planMatmul } from '../src/kernels/matmul.js';
import { backend, hasGpu } from './gpu.js';
import { LAYOUTS, expectProduct, make } from './matmul-check.js';

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

  it('int32 (vec4 and scalar loads, wrapping) equals the CPU product', async () => {
    torch.manualSeed(23);
    for (const [la, lb, M, K, N] of [['row', 'row', 64, 32, 64], ['col', 'col', 64, 32, 64], ['strided', 'misaligned', 37, 21, 66]] as const) {
      const [a, ga] = make(la, M, K, 'int32');
      const [b, gb] = make(lb, K, N, 'int32');
      await expectProduct(ga, gb, a, b, `int32 [${M},${K}]·[${K},${N}] ${la}·${lb}`);
    }
    // wider than the small-product path (matmul-small.test.ts covers narrow and degenerate shapes)
    const big = torch.full([20, 8], 2 ** 20, { dtype: 'int32' }), big2 = torch.full([8, 20], 2 ** 12, { dtype: 'int32' });
    await expectProduct(big.to('webgpu'), big2.to('webgpu'), big, big2, 'int32 wrapping');
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
