// The surface loss golden cases of tools/golden/nn_surface_losses.py: how each fixture case
// calls its loss, which objective an LBFGS case minimises, and how an RNN case builds its
// module. Shared by packages/nn/test/surface-losses.test.ts (CPU) and
// packages/backend-webgpu/test/nn-surface-losses-golden.test.ts (WebGPU); `decode` makes a
// fixture tensor on the device under test.
import type { EncodedResult } from '@antorcha/core/testing';
import type { nn as NN } from '../../src/index.js';
import type { CaseLib, Tensor } from './lib.js';
import type { Decode } from './losses.js';

/** A multilabel-margin, triplet-with-distance or NLLLoss2d case. */
export interface Loss3Case {
  name: string;
  inputs: EncodedResult[];
  target: EncodedResult | null;
  opts: Record<string, any>;
  output: EncodedResult;
  out_grad: EncodedResult;
  input_grads: EncodedResult[];
}

/** An RNN-on-PackedSequence case's module. */
export interface RnnSpec {
  kind: 'RNN' | 'LSTM' | 'GRU';
  in: number;
  hidden: number;
  opts: { num_layers?: number; bidirectional?: boolean; proj_size?: number };
  batch_first: boolean;
}

/** An LBFGS objective of the parameters. */
export type Objective = (ps: Tensor[]) => Tensor;

/** The calls of nn_surface_losses.json. */
export function surfaceLossCases(
  { nn }: CaseLib,
  decode: Decode,
): {
  makeLoss3(c: Loss3Case): (...xs: Tensor[]) => Tensor;
  lbfgsObjective(name: string, X: Tensor, Y: Tensor): Objective;
  lbfgsOptions(opts: Record<string, any>): Record<string, any>;
  makeRnn(c: RnnSpec, dtype: 'float32' | 'float64'): NN.RNN | NN.LSTM | NN.GRU;
} {
  const F = nn.functional;

  function makeLoss3(c: Loss3Case): (...xs: Tensor[]) => Tensor {
    const o = c.opts;
    if (c.name.startsWith('multilabel_margin_1d') || c.name === 'multilabel_margin_float32' || c.name === 'multilabel_margin_ties') {
      return (x, t) => F.multilabelMarginLoss(x, t, { reduction: o.reduction });
    }
    if (c.name.startsWith('multilabel_margin')) return (x, t) => new nn.MultiLabelMarginLoss({ reduction: o.reduction }).call(x, t) as Tensor;
    if (c.name.startsWith('triplet_distance_default')) return (a, p, n) => new nn.TripletMarginWithDistanceLoss({ reduction: o.reduction }).call(a, p, n) as Tensor;
    if (c.name === 'triplet_distance_cosine') {
      return (a, p, n) => F.tripletMarginWithDistanceLoss(a, p, n, { distanceFunction: (x, y) => F.cosineSimilarity(x, y).neg().add(1), margin: o.margin });
    }
    if (c.name === 'triplet_distance_swap') {
      return (a, p, n) => new nn.TripletMarginWithDistanceLoss({ distanceFunction: new nn.PairwiseDistance({ p: 1 }), swap: true, margin: o.margin, reduction: o.reduction }).call(a, p, n) as Tensor;
    }
    if (c.name === 'triplet_distance_1d') return (a, p, n) => F.tripletMarginWithDistanceLoss(a, p, n);
    if (c.name.startsWith('nll2d')) return (x, t) => new nn.NLLLoss2d({ weight: decode(o.weight), reduction: o.reduction, ignoreIndex: o.ignoreIndex }).call(x, t) as Tensor;
    throw new Error(`no loss for ${c.name}`);
  }

  /** Rosenbrock's function of a 2-vector, or the mean squared error of a linear fit of Y on X. */
  function lbfgsObjective(name: string, X: Tensor, Y: Tensor): Objective {
    if (name.startsWith('rosenbrock')) {
      return (ps) => {
        const [x, y] = [ps[0]!.select(0, 0), ps[0]!.select(0, 1)];
        return x.neg().add(1).pow(2).add(y.sub(x.pow(2)).pow(2).mul(100));
      };
    }
    if (name.startsWith('linear32')) return (ps) => X.float().matmul(ps[0]!.t()).add(ps[1]!).sub(Y.float()).pow(2).mean();
    return (ps) => X.matmul(ps[0]!.t()).add(ps[1]!).sub(Y).pow(2).mean();
  }

  /** PyTorch's snake_case LBFGS options in camelCase. */
  const lbfgsOptions = (o: Record<string, any>): Record<string, any> =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase()), v]));

  function makeRnn(c: RnnSpec, dtype: 'float32' | 'float64'): NN.RNN | NN.LSTM | NN.GRU {
    const opts = { numLayers: c.opts.num_layers, bidirectional: c.opts.bidirectional, projSize: c.opts.proj_size, batchFirst: c.batch_first, dtype };
    const clean = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
    return c.kind === 'LSTM' ? new nn.LSTM(c.in, c.hidden, clean) : c.kind === 'GRU' ? new nn.GRU(c.in, c.hidden, clean) : new nn.RNN(c.in, c.hidden, clean);
  }

  return { makeLoss3, lbfgsObjective, lbfgsOptions, makeRnn };
}
