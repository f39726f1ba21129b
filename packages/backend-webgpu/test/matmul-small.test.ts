// The small-product matmul path (one thread per output element, operands read through
// their strides): the rule that picks it, and its results against the CPU backend on
// every operand layout, batched, broadcast and transposed-batch operands, int32 with
// wrapping, and the degenerate shapes K = 0, K = 1, M = 1, N = 1. Comparison as in
// matmul-check.ts (float32 within the dot-product bound, integers exact).
import * as torch from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { isSmallProduct } from '../src/kernels/matmul-small.js';
import { hasGpu } from './gpu.js';
import { LAYOUTS, expectProduct, make } from './matmul-check.js';

/** Narrow shapes [M, K, N]: few columns, few rows, a row and a column vector, and a shallow K. */
const NARROW = [[37, 21, 5], [3, 40, 29], [1, 17, 33], [19, 9, 1], [30, 3, 26]] as const;

describe('small-product rule', () => {
  it('M or N at most 16, or K at most 4, takes the small-product path', () => {
    expect(isSmallProduct(2304, 8, 36)).toBe(true);
    expect(isSmallProduct(8, 144, 36)).toBe(true);
    expect(isSmallProduct(16, 4096, 4096)).toBe(true);
    expect(isSmallProduct(1, 1, 1)).toBe(true);
    expect(isSmallProduct(64, 64, 4)).toBe(true);
    expect(isSmallProduct(64, 64, 0)).toBe(true);
    expect(isSmallProduct(17, 17, 5)).toBe(false);
    expect(isSmallProduct(37, 66, 21)).toBe(false);
  });
});

describe.skipIf(!hasGpu)('webgpu small-product matmul', () => {
  // one pipeline serves every layout: only metadata differs
  it('float32: every layout of A times every layout of B, narrow shapes, equals the CPU product', async () => {
    torch.manualSeed(31);
    for (const [M, K, N] of NARROW) {
      expect(isSmallProduct(M, N, K)).toBe(true);
      for (const la of LAYOUTS) {
        for (const lb of LAYOUTS) {
          const [a, ga] = make(la, M, K, 'float32');
          const [b, gb] = make(lb, K, N, 'float32');
          await expectProduct(ga, gb, a, b, `float32 [${M},${K}]·[${K},${N}] ${la}·${lb}`);
        }
      }
    }
  });

  it('int32 on every layout pair, and wrapping, equals the CPU product exactly', async () => {
    torch.manualSeed(32);
    for (const la of LAYOUTS) {
      for (const lb of LAYOUTS) {
        const [a, ga] = make(la, 23, 11, 'int32');
        const [b, gb] = make(lb, 11, 6, 'int32');
        await expectProduct(ga, gb, a, b, `int32 ${la}·${lb}`);
      }
    }
    const big = torch.full([4, 8], 2 ** 20, { dtype: 'int32' }), big2 = torch.full([8, 4], 2 ** 12, { dtype: 'int32' });
    await expectProduct(big.to('webgpu'), big2.to('webgpu'), big, big2, 'int32 wrapping');
  });

  it('batched, broadcast and transposed-batch operands, and x·x sharing one buffer', async () => {
    torch.manualSeed(33);
    // the CNN's batched product: 16 × [8,36]·[36,144]
    const a = torch.randn([16, 8, 36]), b = torch.randn([16, 36, 144]);
    await expectProduct(a.to('webgpu'), b.to('webgpu'), a, b, 'batched [16,8,36]·[16,36,144]');
    // a [2304,36]·[36,8] product (an im2col convolution's shape)
    const x = torch.randn([2304, 36]), w = torch.randn([8, 36]);
    await expectProduct(x.to('webgpu'), w.to('webgpu').t(), x, w.t(), '[2304,36]·[36,8] transposed weight');
    // a weight broadcast over the batch through stride 0
    const v = torch.randn([5, 7, 20]), m = torch.randn([20, 3]);
    await expectProduct(v.to('webgpu'), m.to('webgpu'), v, m, 'broadcast weight');
    // batches of transposed matrices on both sides, and an int32 batch
    const p = torch.randn([3, 12, 9]), q = torch.randn([3, 30, 12]);
    await expectProduct(p.to('webgpu').transpose(1, 2), q.to('webgpu').transpose(1, 2), p.transpose(1, 2), q.transpose(1, 2), 'transposed batches');
    const ia = torch.randint(-9, 9, [4, 6, 13], { dtype: 'int32' }), ib = torch.randint(-9, 9, [4, 13, 40], { dtype: 'int32' });
    await expectProduct(ia.to('webgpu'), ib.to('webgpu'), ia, ib, 'int32 batched');
    const s = torch.randn([12, 12]);
    const gs = s.to('webgpu');
    await expectProduct(gs, gs, s, s, 'x·x');
    await expectProduct(gs, gs.t(), s, s.t(), 'x·xᵀ');
  });

  it('degenerate shapes: K = 0 gives zeros, K = 1, M = 1, N = 1, vectors', async () => {
    torch.manualSeed(34);
    for (const [M, K, N] of [[5, 0, 3], [40, 1, 50], [1, 8, 4], [5, 3, 1], [4, 1, 4], [1, 30, 1], [1, 0, 1]] as const) {
      for (const dtype of ['float32', 'int32'] as const) {
        const [a, ga] = make('row', M, K, dtype);
        const [b, gb] = make('col', K, N, dtype);
        await expectProduct(ga, gb, a, b, `${dtype} [${M},${K}]·[${K},${N}]`);
      }
    }
    const z = await torch.ones([3, 0]).to('webgpu').matmul(torch.ones([0, 2]).to('webgpu')).toAsync('cpu');
    expect([...z.dataSync()]).toEqual([0, 0, 0, 0, 0, 0]);
    // vector · matrix, matrix · vector, vector · vector
    const u = torch.randn([9]), mat = torch.randn([9, 7]), mat2 = torch.randn([7, 9]);
    await expectProduct(u.to('webgpu'), mat.to('webgpu'), u, mat, 'vector·matrix');
    await expectProduct(mat2.to('webgpu'), u.to('webgpu'), mat2, u, 'matrix·vector');
    await expectProduct(u.to('webgpu'), u.to('webgpu'), u, u, 'vector·vector');
  });
});
