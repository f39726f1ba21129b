// The value checks that run on the device on WebGPU (core's deviceCheck), on the CPU: raised at
// once with PyTorch's class and text (tools/golden/nn_device_checks.py), and the results of
// the code paths rewritten to avoid synchronous reads. packages/backend-webgpu/test/nn-no-sync.test.ts
// runs the same inputs on WebGPU.
import { describe, expect, it } from 'vitest';
import { type NestedList, type Tensor, TorchError, float32, int64, ones, tensor, zeros } from '@antorcha/core';
import { nn } from '../src/index.js';
import { fixture } from './helpers.js';

const F = nn.functional;

interface ErrorCase {
  type: string;
  message: string;
}
const fx = fixture<{ errors: Record<string, ErrorCase>; results: Record<string, number[]> }>('nn_device_checks.json');

/** PyTorch 1.13 prints offsets[0] as a tensor after the text; 2.x prints the number only (Antorcha's text). */
const expectedMessage = (e: ErrorCase): string => e.message.replace('\n[ torch.LongTensor{} ]', '');

const W = (): Tensor => tensor(Array.from({ length: 12 }, (_, i) => i), { dtype: float32 }).reshape([4, 3]);
const long = (v: NestedList): Tensor => tensor(v, { dtype: int64 });
const float = (v: number[]): Tensor => tensor(v, { dtype: float32 });

function clipNonfinite(normType: number): Tensor {
  const p = new nn.Parameter(ones([3]));
  p.grad = float([1, Infinity, 2]);
  return nn.utils.clipGradNorm_([p], 1.0, normType, true);
}

/** Each bad input of the fixture, as a call. */
const CASES: Record<string, () => unknown> = {
  cross_entropy_target_high: () => F.crossEntropy(zeros([4, 3]), long([0, 1, 3, 1])),
  cross_entropy_target_negative: () => F.crossEntropy(zeros([4, 3]), long([0, -5, 2, 7])),
  nll_loss_target_high: () => F.nllLoss(zeros([2, 3]), long([2, 4])),
  bce_above_one: () => F.binaryCrossEntropy(float([0.5, 1.5]), float([1, 0])),
  bce_negative: () => F.binaryCrossEntropy(float([-0.25, 0.5]), float([1, 0])),
  bce_nan: () => F.binaryCrossEntropy(float([0.5, NaN]), float([1, 0])),
  gaussian_nll_negative_var: () => F.gaussianNllLoss(zeros([3]), zeros([3]), float([1, -1, 1])),
  one_hot_too_large: () => F.oneHot(long([0, 3, 1]), 3),
  one_hot_negative: () => F.oneHot(long([0, -1, 5]), 3),
  embedding_index_high: () => F.embedding(long([0, 4]), W()),
  embedding_index_negative: () => F.embedding(long([-1, 2]), W()),
  embedding_bag_first_offset: () => F.embeddingBag(long([0, 1, 2]), W(), { offsets: long([1, 2]) }),
  embedding_bag_last_offset: () => F.embeddingBag(long([0, 1, 2]), W(), { offsets: long([0, 5]) }),
  clip_grad_norm_nonfinite_2: () => clipNonfinite(2),
  clip_grad_norm_nonfinite_inf: () => clipNonfinite(Infinity),
  max_unpool2d_bad_index: () => F.maxUnpool2d(ones([1, 1, 2, 2]), long([[[[0, 17], [2, 30]]]]), 2),
};

const KIND: Record<string, string> = { RuntimeError: 'TorchRuntimeError', ValueError: 'TorchValueError', TypeError: 'TorchTypeError', IndexError: 'TorchIndexError' };

describe('device-side checks on the CPU: raised at once, as PyTorch raises them', () => {
  it('every fixture case has a call', () => {
    expect(Object.keys(fx.errors).sort()).toEqual(Object.keys(CASES).sort());
  });
  for (const [name, e] of Object.entries(fx.errors)) {
    it(name, () => {
      let caught: unknown = null;
      try {
        CASES[name]!();
      } catch (err) {
        caught = err;
      }
      expect(caught, `expected ${e.type}: ${e.message}`).toBeInstanceOf(TorchError);
      expect((caught as TorchError).message).toBe(expectedMessage(e));
      expect((caught as TorchError).constructor.name).toBe(KIND[e.type]);
    });
  }
});

describe('paths rewritten without synchronous reads give PyTorch results on the CPU', () => {
  it('oneHot with numClasses', () => {
    expect(Array.from(F.oneHot(long([[0, 3], [4, 1]]), 5).dataSync(), Number)).toEqual(fx.results.one_hot_5);
  });
  it('oneHotAsync gives oneHot', async () => {
    const x = long([2, 0, 1]);
    expect(Array.from((await F.oneHotAsync(x)).dataSync(), Number)).toEqual(Array.from(F.oneHot(x).dataSync(), Number));
  });
  it('embeddingBag with empty bags, and max over bags from offsets', () => {
    expect(Array.from(F.embeddingBag(long([0, 1, 2, 3]), W(), { offsets: long([0, 0, 2, 4]) }).dataSync(), Number)).toEqual(fx.results.embedding_bag_empty_bags);
    expect(Array.from(F.embeddingBag(long([3, 1, 0, 2, 2]), W(), { offsets: long([0, 2, 2]), mode: 'max' }).dataSync(), Number)).toEqual(fx.results.embedding_bag_max_offsets);
  });
});
