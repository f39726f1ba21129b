// Losses and functional ops against real PyTorch (tools/golden/nn_losses.py).
import { describe, expect, it } from 'vitest';
import * as core from '@antorcha/core';
import { type Tensor, TorchError, tensor } from '@antorcha/core';
import { grad } from '@antorcha/autograd';
import { nn, optim, utils } from '../src/index.js';
import { type FnCase, type Loss3Case, type LossCase, lossCases } from './cases/losses.js';
import { type EncodedResult, decode, expectClose, fixture } from './helpers.js';

const F = nn.functional;

const fx = fixture<{ losses: LossCase[]; losses3: Loss3Case[]; functional: FnCase[]; fixed: Record<string, Record<string, EncodedResult>> }>('nn_losses.json');
const { makeLoss, makeLoss3, fnRun } = lossCases({ ...core, nn, optim, utils }, decode);

describe('losses vs PyTorch', () => {
  for (const c of fx.losses) {
    it(c.name, () => {
      const x = decode(c.input).requiresGrad_(true);
      const target = decode(c.target);
      const out = makeLoss(c).call(x, target) as Tensor;
      expectClose(out, c.output, 'loss');
      if (c.input_grad) {
        const [gx] = grad([out], [x], { gradOutputs: [decode(c.out_grad!)] });
        expectClose(gx!, c.input_grad, 'input grad');
      }
    });
  }

  it('rejects out-of-range targets and bad probabilities with PyTorch messages', () => {
    const x = tensor([[0.1, 0.2, 0.3]]);
    expect(() => F.crossEntropy(x, tensor([3]))).toThrow('Target 3 is out of bounds.');
    expect(() => F.binaryCrossEntropy(tensor([1.5]), tensor([1.0], { dtype: 'float32' }))).toThrow('all elements of input should be between 0 and 1');
    expect(() => F.nllLoss(x, tensor([0, 1]))).toThrow(TorchError);
  });
});

describe('three-input losses vs PyTorch', () => {
  for (const c of fx.losses3) {
    it(c.name, () => {
      const xs = c.inputs.map((e) => decode(e));
      const wrt = c.name.startsWith('triplet') || c.name.startsWith('gaussian') ? xs : xs.slice(0, 2);
      for (const x of wrt) x.requiresGrad_(true);
      const out = makeLoss3(c).call(xs[0], xs[1], xs[2]) as Tensor;
      expectClose(out, c.output, 'loss');
      const gs = grad([out], wrt, { gradOutputs: [decode(c.out_grad)] });
      gs.forEach((g, i) => expectClose(g!, c.input_grads[i]!, `input grad ${i}`));
    });
  }
});

describe('functional vs PyTorch', () => {
  for (const c of fx.functional) {
    it(c.name, () => expectClose(fnRun(c), c.output, c.name));
  }
  it('utils.rnn.padSequence', () => {
    const f = fx.fixed.pad_sequence!;
    const seqs = [f.in0!, f.in1!, f.in2!].map((e) => decode(e));
    expectClose(nn.utils.rnn.padSequence(seqs), f.output!, 'pad_sequence');
    expectClose(nn.utils.rnn.padSequence(seqs, { batchFirst: true, paddingValue: -1.5 }), f.output_bf!, 'pad_sequence batch_first');
  });
  it('oneHot', () => {
    const f = fx.fixed.one_hot!;
    expectClose(F.oneHot(decode(f.input!)), f.output!, 'one_hot');
    expectClose(F.oneHot(decode(f.input!), 5), f.output5!, 'one_hot(5)');
  });
});
