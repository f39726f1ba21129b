// The loss and functional golden cases of tools/golden/nn_losses.py: how each fixture case
// builds its loss module or calls its op. Shared by packages/nn/test/losses.test.ts (CPU)
// and packages/backend-webgpu/test/nn-losses-golden.test.ts (WebGPU); `decode` makes a
// fixture tensor on the device under test.
import type { EncodedResult } from '@antorcha/core/testing';
import type { nn as NN } from '../../src/index.js';
import type { CaseLib, Tensor } from './lib.js';

/** A two-input loss case (input, target). */
export interface LossCase {
  name: string;
  input: EncodedResult;
  target: EncodedResult;
  opts: Record<string, unknown>;
  output: EncodedResult;
  out_grad?: EncodedResult;
  input_grad?: EncodedResult;
}

/** A three-input loss case. */
export interface Loss3Case {
  name: string;
  inputs: EncodedResult[];
  opts: Record<string, any>;
  output: EncodedResult;
  out_grad: EncodedResult;
  input_grads: EncodedResult[];
}

/** A functional op case. */
export interface FnCase {
  name: string;
  op: string;
  args: (EncodedResult | null)[];
  opts: Record<string, any>;
  output: EncodedResult;
}

/** Makes a fixture tensor (an option's weight, a functional op's argument) where the test runs. */
export type Decode = (e: EncodedResult) => Tensor;

/** The loss modules and functional calls of nn_losses.json. */
export function lossCases({ nn }: CaseLib, decode: Decode): { makeLoss(c: LossCase): NN.Module; makeLoss3(c: Loss3Case): NN.Module; fnRun(c: FnCase): Tensor } {
  const F = nn.functional;
  const opt = (c: LossCase, k: string): any => {
    const v = c.opts[k];
    return v !== null && typeof v === 'object' ? decode(v as EncodedResult) : v;
  };

  function makeLoss(c: LossCase): NN.Module {
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

  function makeLoss3(c: Loss3Case): NN.Module {
    const o = Object.fromEntries(Object.entries(c.opts).filter(([, v]) => v !== undefined));
    if (c.name.startsWith('margin_ranking')) return new nn.MarginRankingLoss(o);
    if (c.name.startsWith('cosine_embedding')) return new nn.CosineEmbeddingLoss(o);
    if (c.name.startsWith('triplet_margin')) return new nn.TripletMarginLoss(o);
    if (c.name.startsWith('gaussian_nll')) return new nn.GaussianNLLLoss(o);
    throw new Error(`no loss for ${c.name}`);
  }

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
  return { makeLoss, makeLoss3, fnRun };
}
