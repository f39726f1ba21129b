// Losses and functional ops against real PyTorch (tools/golden/nn_losses.py).
import { describe, expect, it } from 'vitest';
import { type Tensor, TorchError, tensor } from '@antorcha/core';
import { grad } from '@antorcha/autograd';
import { nn } from '../src/index.js';
import { type EncodedResult, decode, expectClose, fixture } from './helpers.js';

const F = nn.functional;

interface LossCase {
  name: string;
  input: EncodedResult;
  target: EncodedResult;
  opts: Record<string, unknown>;
  output: EncodedResult;
  out_grad?: EncodedResult;
  input_grad?: EncodedResult;
}

interface Loss3Case {
  name: string;
  inputs: EncodedResult[];
  opts: Record<string, any>;
  output: EncodedResult;
  out_grad: EncodedResult;
  input_grads: EncodedResult[];
}

interface FnCase {
  name: string;
  op: string;
  args: (EncodedResult | null)[];
  opts: Record<string, any>;
  output: EncodedResult;
}

const fx = fixture<{ losses: LossCase[]; losses3: Loss3Case[]; functional: FnCase[]; fixed: Record<string, Record<string, EncodedResult>> }>('nn_losses.json');

function opt(c: LossCase, k: string): any {
  const v = c.opts[k];
  return v !== null && typeof v === 'object' ? decode(v as EncodedResult) : v;
}

function makeLoss(c: LossCase): nn.Module {
  const reduction = opt(c, 'reduction');
  const base = c.name.split('_')[0];
  const o = { reduction, weight: opt(c, 'weight'), ignoreIndex: opt(c, 'ignoreIndex'), labelSmoothing: opt(c, 'labelSmoothing'), posWeight: opt(c, 'posWeight') };
  const clean = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  if (c.name.startsWith('mse')) return new nn.MSELoss(clean);
  if (c.name.startsWith('l1')) return new nn.L1Loss(clean);
  if (c.name.startsWith('cross_entropy') || base === 'ce') return new nn.CrossEntropyLoss(clean);
  if (c.name.startsWith('nll')) return new nn.NLLLoss(clean);
  if (c.name.startsWith('bce_logits')) return new nn.BCEWithLogitsLoss(clean);
  if (c.name.startsWith('bce')) return new nn.BCELoss(clean);
  if (c.name.startsWith('smooth_l1')) return new nn.SmoothL1Loss({ ...clean, beta: opt(c, 'beta') });
  if (c.name.startsWith('huber')) return new nn.HuberLoss({ ...clean, delta: opt(c, 'delta') });
  if (c.name.startsWith('kl_div')) return new nn.KLDivLoss({ ...clean, logTarget: opt(c, 'logTarget') });
  if (c.name.startsWith('soft_margin')) return new nn.SoftMarginLoss(clean);
  if (c.name.startsWith('multilabel_soft_margin')) return new nn.MultiLabelSoftMarginLoss(clean);
  if (c.name.startsWith('hinge_embedding')) return new nn.HingeEmbeddingLoss({ ...clean, margin: opt(c, 'margin') });
  if (c.name.startsWith('multi_margin')) return new nn.MultiMarginLoss({ ...clean, p: opt(c, 'p'), margin: opt(c, 'margin') });
  if (c.name.startsWith('poisson_nll')) return new nn.PoissonNLLLoss({ ...clean, logInput: opt(c, 'logInput'), full: opt(c, 'full') });
  throw new Error(`no loss for ${c.name}`);
}

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
    expect(() => F.binaryCrossEntropy(tensor([1.5]), tensor([1.0]))).toThrow('all elements of input should be between 0 and 1');
    expect(() => F.nllLoss(x, tensor([0, 1]))).toThrow(TorchError);
  });
});

function makeLoss3(c: Loss3Case): nn.Module {
  const o = Object.fromEntries(Object.entries(c.opts).filter(([, v]) => v !== undefined));
  if (c.name.startsWith('margin_ranking')) return new nn.MarginRankingLoss(o);
  if (c.name.startsWith('cosine_embedding')) return new nn.CosineEmbeddingLoss(o);
  if (c.name.startsWith('triplet_margin')) return new nn.TripletMarginLoss(o);
  if (c.name.startsWith('gaussian_nll')) return new nn.GaussianNLLLoss(o);
  throw new Error(`no loss for ${c.name}`);
}

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

function fnRun(c: FnCase): Tensor {
  const a = c.args.map((e) => (e === null ? null : decode(e)));
  const o = c.opts;
  switch (c.op) {
    case 'pad':
      return F.pad(a[0]!, o.pad, 'constant', o.value ?? 0);
    case 'normalize':
      return F.normalize(a[0]!, { p: o.p, dim: o.dim });
    case 'conv2d':
      return F.conv2d(a[0]!, a[1]!, a[2], { stride: o.stride, padding: o.padding, dilation: o.dilation });
    case 'convTranspose2d':
      return F.convTranspose2d(a[0]!, a[1]!, a[2], { stride: o.stride, padding: o.padding });
    case 'maxPool2d':
      return F.maxPool2d(a[0]!, o.kernel, { stride: o.stride, padding: o.padding });
    case 'avgPool2d':
      return F.avgPool2d(a[0]!, o.kernel, { divisorOverride: o.divisorOverride });
    case 'adaptiveAvgPool1d':
      return F.adaptiveAvgPool1d(a[0]!, o.output);
    case 'softmax':
      return F.softmax(a[0]!, o.dim, { dtype: o.dtype });
    case 'dropout':
      return F.dropout(a[0]!, o.p, o.training);
    case 'cosineSimilarity':
      return F.cosineSimilarity(a[0]!, a[1]!, { dim: o.dim });
    case 'pairwiseDistance':
      return F.pairwiseDistance(a[0]!, a[1]!, { p: o.p, keepdim: o.keepdim });
  }
  throw new Error(`no functional op ${c.op}`);
}

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
