// CTC, multilabel margin, triplet-with-distance, adaptive log-softmax, NLLLoss2d, LBFGS and the
// packed-sequence utilities against real PyTorch (tools/golden/nn_surface_losses.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as torchCore from '@antorcha/core';
import { type Tensor, TorchError, manualSeed, setRngCompat } from '@antorcha/core';
import { grad } from '@antorcha/autograd';
import { load, nn, optim, save, utils } from '../src/index.js';
import { type Loss3Case, surfaceLossCases } from './cases/surface-losses.js';
import { type EncodedResult, decode, expectClose, fixture } from './helpers.js';

const F = nn.functional;

interface ErrorCase {
  type: string;
  message: string;
}

/** Runs `fn` and checks it throws PyTorch's error class and message. */
function expectTorchError(fn: () => unknown, e: ErrorCase): void {
  let caught: unknown = null;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected ${e.type}: ${e.message}`).toBeInstanceOf(TorchError);
  const err = caught as TorchError;
  expect(err.message).toContain(e.message);
  const kind: Record<string, string> = { RuntimeError: 'TorchRuntimeError', ValueError: 'TorchValueError', TypeError: 'TorchTypeError', IndexError: 'TorchIndexError' };
  expect(err.constructor.name).toBe(kind[e.type]);
}

interface CtcCase {
  name: string;
  input: EncodedResult;
  logits: boolean;
  targets: EncodedResult;
  input_lengths: EncodedResult | number[];
  target_lengths: EncodedResult | number[];
  opts: { blank?: number; reduction?: 'mean' | 'sum' | 'none'; zero_infinity?: boolean };
  output: EncodedResult;
  out_grad: EncodedResult;
  input_grad: EncodedResult;
}

interface AsmCase {
  name: string;
  seed: number;
  in_features: number;
  n_classes: number;
  cutoffs: number[];
  opts: { div_value?: number; head_bias?: boolean };
  init: Record<string, EncodedResult>;
  repr: string;
  input: EncodedResult;
  target: EncodedResult;
  output: EncodedResult;
  loss: EncodedResult;
  input_grad: EncodedResult;
  param_grads: Record<string, EncodedResult | null>;
  log_prob: EncodedResult;
  predict: EncodedResult;
}

interface LbfgsCase {
  name: string;
  init: EncodedResult[];
  opts: Record<string, any>;
  steps: { returned: number; params: EncodedResult[]; closure_calls: number }[];
  saved: { after: number; state_keys: string[]; func_evals: number; n_iter: number; history: number; param_groups: Record<string, unknown>[] } | null;
  final_state: { func_evals: number; n_iter: number; history: number };
}

interface EncPacked {
  data: EncodedResult;
  batch_sizes: number[];
  sorted_indices: number[] | null;
  unsorted_indices: number[] | null;
}

interface PackCase {
  name: string;
  input: EncodedResult;
  lengths: number[];
  batch_first: boolean;
  enforce_sorted: boolean;
  packed: EncPacked;
  padded: EncodedResult;
  padded_lengths: number[];
  padded_total7: EncodedResult;
}

interface RnnCase {
  name: string;
  kind: 'RNN' | 'LSTM' | 'GRU';
  enforce_sorted: boolean;
  in: number;
  hidden: number;
  opts: { num_layers?: number; bidirectional?: boolean; proj_size?: number };
  lengths: number[];
  batch_first: boolean;
  state: Record<string, EncodedResult>;
  input: EncodedResult;
  hx: EncodedResult[] | null;
  packed_out: EncPacked;
  padded_out: EncodedResult;
  h: EncodedResult[];
  out_grad: EncodedResult;
  h_grads: EncodedResult[];
  input_grad: EncodedResult;
  weight_grad: EncodedResult;
}

const fx = fixture<{
  ctc: CtcCase[];
  ctc_errors: Record<string, ErrorCase>;
  losses: Loss3Case[];
  loss_errors: Record<string, ErrorCase>;
  asm: AsmCase[];
  asm_errors: Record<string, ErrorCase>;
  lbfgs: LbfgsCase[];
  lbfgs_data: { X: EncodedResult; Y: EncodedResult };
  lbfgs_errors: Record<string, ErrorCase>;
  pack: PackCase[];
  seq: Record<string, any>;
  pack_errors: Record<string, ErrorCase>;
  pack_grad: { w: EncodedResult; grad: EncodedResult };
  rnns: RnnCase[];
  pdict: { repr: string; keys: string[]; named: string[]; after_pop: string[] } & Record<string, unknown>;
}>('nn_surface_losses.json');

const { makeLoss3, lbfgsObjective, lbfgsOptions, makeRnn } = surfaceLossCases({ ...torchCore, nn, optim, utils }, decode);
const isEncoded = (v: unknown): v is EncodedResult => v !== null && typeof v === 'object' && !Array.isArray(v);

describe('F.ctcLoss / nn.CTCLoss vs PyTorch', () => {
  for (const c of fx.ctc) {
    it(c.name, () => {
      const leaf = decode(c.input).requiresGrad_(true);
      const lp = c.logits ? leaf.logSoftmax(-1) : leaf;
      const il = isEncoded(c.input_lengths) ? decode(c.input_lengths) : c.input_lengths;
      const tl = isEncoded(c.target_lengths) ? decode(c.target_lengths) : c.target_lengths;
      const opts = { blank: c.opts.blank, reduction: c.opts.reduction, zeroInfinity: c.opts.zero_infinity };
      const out = F.ctcLoss(lp, decode(c.targets), il, tl, opts);
      expectClose(out, c.output, 'loss');
      const [g] = grad([out], [leaf], { gradOutputs: [decode(c.out_grad)] });
      expectClose(g!, c.input_grad, 'grad');
      // the module gives the same
      const m = new nn.CTCLoss({ blank: c.opts.blank, reduction: c.opts.reduction, zeroInfinity: c.opts.zero_infinity });
      expectClose(m.call(lp, decode(c.targets), il, tl) as Tensor, c.output, 'module loss');
    });
  }
  it('errors as PyTorch', () => {
    const lp = decode(fx.ctc[0]!.input).narrow(0, 0, 6).narrow(1, 0, 2).narrow(2, 0, 4).logSoftmax(2);
    const t = (rows: number[][]) => decode({ dtype: 'int64', shape: [rows.length, rows[0]!.length], values: rows.flat() } as EncodedResult);
    const e = fx.ctc_errors;
    const tt = t([[1, 2], [1, 1]]);
    expectTorchError(() => F.ctcLoss(lp, tt, [6, 6], [2, 2], { blank: 4 }), e.blank_out_of_range!);
    expectTorchError(() => F.ctcLoss(lp, tt, [7, 6], [2, 2]), e.input_length_too_long!);
    expectTorchError(() => F.ctcLoss(lp, tt, [6], [2, 2]), e.input_lengths_size!);
    expectTorchError(() => F.ctcLoss(lp, tt, [6, 6], [2, 2, 1]), e.target_lengths_size!);
    expectTorchError(() => F.ctcLoss(lp, tt, [6, 6], [3, 2]), e.targets_too_short!);
    expectTorchError(() => F.ctcLoss(lp, t([[1, 2, 1]]).reshape(-1), [6, 6], [2, 2]), e.concat_too_short!);
    expectTorchError(() => F.ctcLoss(lp, tt, [6, 6], [2, 2], { reduction: 'avg' as 'mean' }), e.bad_reduction!);
    const leaf = lp.detach().requiresGrad_(true);
    const [g] = grad([F.ctcLoss(leaf, tt, [6, 6], [2, 2])], [leaf], { createGraph: true });
    expectTorchError(() => g!.sum().backward(), e.double_backward!);
  });
});

describe('multilabel margin, triplet with distance, NLLLoss2d vs PyTorch', () => {
  for (const c of fx.losses) {
    it(c.name, () => {
      const xs = c.inputs.map((e) => decode(e).requiresGrad_(true));
      const args = c.target ? [...xs, decode(c.target)] : xs;
      const out = makeLoss3(c)(...args);
      expectClose(out, c.output, 'loss');
      const gs = grad([out], xs, { gradOutputs: [decode(c.out_grad)] });
      gs.forEach((g, i) => expectClose(g!, c.input_grads[i]!, `grad ${i}`));
    });
  }
  it('errors as PyTorch', () => {
    const e = fx.loss_errors;
    const x = (s: number[]) => decode({ dtype: 'float64', shape: s, values: new Array(s.reduce((a, b) => a * b, 1)).fill(0.5) } as EncodedResult);
    const t = (s: number[], v: number[]) => decode({ dtype: 'int64', shape: s, values: v } as EncodedResult);
    expectTorchError(() => F.multilabelMarginLoss(x([3, 4]), t([2, 4], [0, 1, -1, 2, 0, 1, -1, 2])), e.mlm_target_shape!);
    expectTorchError(() => F.multilabelMarginLoss(x([2, 4]), t([2, 4], [0, 4, -1, 2, 0, 1, -1, 2])), e.mlm_target_range!);
    expectTorchError(() => F.multilabelMarginLoss(x([2, 2, 4]), t([2, 2, 4], new Array(16).fill(0))), e.mlm_input_3d!);
    expectTorchError(() => F.tripletMarginWithDistanceLoss(x([3, 4]), x([3, 4]), x([3, 4]), { reduction: 'avg' as 'mean' }), e.triplet_reduction!);
  });
  it('NLLLoss2d is NLLLoss', () => {
    expect(new nn.NLLLoss2d()).toBeInstanceOf(nn.NLLLoss);
  });
});

describe('nn.AdaptiveLogSoftmaxWithLoss vs PyTorch', () => {
  setRngCompat('1.13');
  for (const c of fx.asm) {
    it(c.name, () => {
      manualSeed(c.seed);
      const m = new nn.AdaptiveLogSoftmaxWithLoss(c.in_features, c.n_classes, c.cutoffs, { divValue: c.opts.div_value, headBias: c.opts.head_bias });
      const sd = m.stateDict();
      expect(Object.keys(sd)).toEqual(Object.keys(c.init));
      for (const [k, v] of Object.entries(c.init)) expectClose(sd[k]!, v, `init ${k}`, { rtol: 0, atol: 0 });
      m.double();
      expect(m.toString()).toBe(c.repr);
      const x = decode(c.input).requiresGrad_(true);
      const res = m.call(x, decode(c.target)) as nn.ASMoutput;
      const [output, loss] = res;
      expectClose(output!, c.output, 'output');
      expectClose(res.loss, c.loss, 'loss');
      loss!.backward();
      expectClose(x.grad!, c.input_grad, 'input grad');
      for (const [k, p] of m.namedParameters()) {
        const want = c.param_grads[k];
        if (want === null) expect(p.grad, k).toBeNull();
        else expectClose(p.grad!, want!, `grad ${k}`);
      }
      const xx = x.detach().ndim === 2 ? x.detach() : x.detach().unsqueeze(0);
      expectClose(m.logProb(xx), c.log_prob, 'log_prob');
      expectClose(m.predict(xx), c.predict, 'predict');
    });
  }
  it('errors as PyTorch', () => {
    const e = fx.asm_errors;
    const x = (s: number[]) => decode({ dtype: 'float32', shape: s, values: new Array(s.reduce((a, b) => a * b, 1)).fill(0.25) } as EncodedResult);
    const t = (s: number[], v: number[]) => decode({ dtype: 'int64', shape: s, values: v } as EncodedResult);
    expectTorchError(() => new nn.AdaptiveLogSoftmaxWithLoss(8, 10, [6, 3]), e.bad_cutoffs!);
    expectTorchError(() => new nn.AdaptiveLogSoftmaxWithLoss(8, 10, [3, 10]), e.cutoff_too_big!);
    const m = new nn.AdaptiveLogSoftmaxWithLoss(8, 10, [3, 6]);
    expectTorchError(() => m.call(x([4, 8]), t([3], [1, 2, 3])), e.batch_mismatch!);
    expectTorchError(() => m.call(x([3, 8]), t([3], [1, 12, 3])), e.target_range!);
    expectTorchError(() => m.call(x([3, 8]), t([3, 2], [0, 0, 0, 0, 0, 0])), e.multi_target!);
  });
});

describe('optim.LBFGS vs PyTorch', () => {
  const X = decode(fx.lbfgs_data.X);
  const Y = decode(fx.lbfgs_data.Y);

  function setup(c: LbfgsCase) {
    const params = c.init.map((e) => decode(e).requiresGrad_(true));
    const opt = new optim.LBFGS(params, lbfgsOptions(c.opts));
    const fn = lbfgsObjective(c.name, X, Y);
    let calls = 0;
    const closure = () => {
      opt.zeroGrad();
      const loss = fn(params);
      loss.backward();
      calls++;
      return loss;
    };
    return { params, opt, closure, calls: () => calls };
  }

  for (const c of fx.lbfgs) {
    it(c.name, () => {
      const { params, opt, closure, calls } = setup(c);
      const tol = undefined;
      c.steps.forEach((s, i) => {
        const ret = opt.step(closure) as Tensor;
        expectClose(ret.reshape([1]), { dtype: c.init[0]!.dtype, shape: [1], values: [s.returned] } as EncodedResult, `step ${i} loss`, tol);
        params.forEach((p, j) => expectClose(p.detach(), s.params[j]!, `step ${i} param ${j}`, tol));
        expect(calls(), `closure calls after step ${i}`).toBe(s.closure_calls);
      });
      const st = opt.state.get(params[0]!) as Record<string, any>;
      expect({ func_evals: st.func_evals, n_iter: st.n_iter, history: st.old_dirs.length }).toEqual(c.final_state);
    });
    if (c.saved) {
      it(`${c.name}: state dict and resuming from it`, () => {
        const saved = c.saved!;
        const a = setup(c);
        for (let i = 0; i < saved.after; i++) a.opt.step(a.closure);
        const sd = a.opt.stateDict();
        expect(Object.keys(sd.state.get(0)!).sort()).toEqual(saved.state_keys);
        expect(sd.state.get(0)!.func_evals).toBe(saved.func_evals);
        expect(sd.param_groups.map((g) => ({ ...g }))).toEqual(saved.param_groups);
        // a fresh optimizer on copies of the parameters resumes identically
        const b = setup(c);
        b.params.forEach((p, j) => p.detach().copy_(a.params[j]!.detach()));
        b.opt.loadStateDict(sd);
        for (let i = saved.after; i < c.steps.length; i++) {
          b.opt.step(b.closure);
          b.params.forEach((p, j) => expectClose(p.detach(), c.steps[i]!.params[j]!, `resumed step ${i} param ${j}`));
        }
      });
    }
  }

  it('a saved and loaded (torch.save format) state resumes identically', () => {
    const c = fx.lbfgs.find((k) => k.saved !== null)!;
    const a = setup(c);
    for (let i = 0; i < c.saved!.after; i++) a.opt.step(a.closure);
    const loaded = load(save(a.opt.stateDict())) as Parameters<typeof a.opt.loadStateDict>[0];
    const b = setup(c);
    b.params.forEach((p, j) => p.detach().copy_(a.params[j]!.detach()));
    b.opt.loadStateDict(loaded);
    for (let i = c.saved!.after; i < c.steps.length; i++) {
      b.opt.step(b.closure);
      b.params.forEach((p, j) => expectClose(p.detach(), c.steps[i]!.params[j]!, `resumed step ${i} param ${j}`));
    }
  });

  for (const c of fx.lbfgs.filter((k) => k.saved !== null)) {
    it(`${c.name}: resumes from PyTorch's saved state dict (torch.save)`, () => {
      const sd = load(readFileSync(new URL(`./fixtures/lbfgs_state_${c.name}.pt`, import.meta.url))) as Parameters<InstanceType<typeof optim.LBFGS>['loadStateDict']>[0];
      const b = setup(c);
      b.params.forEach((p, j) => p.detach().copy_(decode(c.steps[c.saved!.after - 1]!.params[j]!)));
      b.opt.loadStateDict(sd);
      for (let i = c.saved!.after; i < c.steps.length; i++) {
        b.opt.step(b.closure);
        b.params.forEach((p, j) => expectClose(p.detach(), c.steps[i]!.params[j]!, `resumed step ${i} param ${j}`));
      }
    });
  }

  it('stepAsync takes the same steps', async () => {
    for (const c of fx.lbfgs) {
      const { params, opt, closure } = setup(c);
      for (const [i, s] of c.steps.entries()) {
        await opt.stepAsync(closure);
        const tol = undefined;
        params.forEach((p, j) => expectClose(p.detach(), s.params[j]!, `${c.name} step ${i} param ${j}`, tol));
      }
    }
  });

  it('errors as PyTorch', () => {
    const p = decode({ dtype: 'float32', shape: [2], values: [1, 1] } as EncodedResult).requiresGrad_(true);
    const q = decode({ dtype: 'float32', shape: [2], values: [1, 1] } as EncodedResult).requiresGrad_(true);
    expectTorchError(() => new optim.LBFGS([{ params: [p] }, { params: [q] }]), fx.lbfgs_errors.two_groups!);
    const opt = new optim.LBFGS([p], { lineSearchFn: 'armijo' as 'strong_wolfe' });
    expectTorchError(() => opt.step(() => {
      opt.zeroGrad();
      const l = p.mul(p).sum();
      l.backward();
      return l;
    }), fx.lbfgs_errors.bad_line_search!);
  });
});

const R = nn.utils.rnn;

function expectPacked(p: InstanceType<typeof R.PackedSequence>, e: EncPacked, label: string): void {
  expectClose(p.data, e.data, `${label} data`);
  expect(Array.from(p.batchSizes.dataSync() as ArrayLike<number>, Number)).toEqual(e.batch_sizes);
  const idx = (t: Tensor | null) => (t === null ? null : Array.from(t.dataSync() as ArrayLike<number>, Number));
  expect(idx(p.sortedIndices)).toEqual(e.sorted_indices);
  expect(idx(p.unsortedIndices)).toEqual(e.unsorted_indices);
}

describe('nn.utils.rnn packing vs PyTorch', () => {
  for (const c of fx.pack) {
    it(c.name, () => {
      const x = decode(c.input);
      const p = R.packPaddedSequence(x, c.lengths, { batchFirst: c.batch_first, enforceSorted: c.enforce_sorted });
      expectPacked(p, c.packed, 'packed');
      const [out, lens] = R.padPackedSequence(p, { batchFirst: c.batch_first });
      expectClose(out, c.padded, 'padded');
      expect(Array.from(lens.dataSync() as ArrayLike<number>, Number)).toEqual(c.padded_lengths);
      const [out7] = R.padPackedSequence(p, { batchFirst: c.batch_first, paddingValue: -1, totalLength: 7 });
      expectClose(out7, c.padded_total7, 'padded to 7');
    });
  }
  it('packSequence, unpackSequence, padSequence, unpadSequence', () => {
    const s = fx.seq;
    const seqs = (s.seqs as EncodedResult[]).map(decode);
    const p = R.packSequence(seqs, { enforceSorted: false });
    expectPacked(p, s.packed, 'pack_sequence');
    R.unpackSequence(p).forEach((t, i) => expectClose(t, s.unpacked[i], `unpacked ${i}`));
    expectClose(R.padSequence(seqs, { batchFirst: true, paddingValue: 2.5 }), s.pad_bf, 'pad_sequence');
    R.unpadSequence(R.padSequence(seqs, { batchFirst: true }), [3, 1, 4], { batchFirst: true }).forEach((t, i) => expectClose(t, s.unpadded[i], `unpadded ${i}`));
    expectPacked(R.packSequence((s.sorted_seqs as EncodedResult[]).map(decode)), s.sorted_packed, 'sorted pack_sequence');
  });
  it('gradients flow through pack and pad', () => {
    const x = decode(fx.pack[0]!.input).requiresGrad_(true);
    const p = R.packPaddedSequence(x, fx.pack[0]!.lengths, { enforceSorted: false });
    expect(p.data.gradFn?.name()).toBe('PackPaddedSequenceBackward0');
    const [out] = R.padPackedSequence(p, { totalLength: 5 });
    out.mul(decode(fx.pack_grad.w)).sum().backward();
    expectClose(x.grad!, fx.pack_grad.grad, 'grad');
  });
  it('errors as PyTorch', () => {
    const e = fx.pack_errors;
    const x = decode(fx.pack[0]!.input);
    expectTorchError(() => R.packPaddedSequence(x, [5, 2, 4, 1]), e.unsorted_enforced!);
    expectTorchError(() => R.packPaddedSequence(x, [5, 0, 2, 1], { enforceSorted: false }), e.zero_length!);
    expectTorchError(() => R.padPackedSequence(R.packPaddedSequence(x, [5, 2, 4, 1], { enforceSorted: false }), { totalLength: 3 }), e.total_length_short!);
    expectTorchError(() => R.packPaddedSequence(x, [5, 4, 2]), e.lengths_count!);
  });
});

describe('RNN / LSTM / GRU on PackedSequence vs PyTorch', () => {
  for (const c of fx.rnns) {
    it(c.name, () => {
      const m = makeRnn(c, 'float64');
      m.loadStateDict(Object.fromEntries(Object.entries(c.state).map(([k, v]) => [k, decode(v)])));
      const x = decode(c.input).requiresGrad_(true);
      const packed = R.packPaddedSequence(x, c.lengths, { batchFirst: c.batch_first, enforceSorted: c.enforce_sorted });
      const hx = c.hx === null ? null : c.hx.map(decode);
      const [out, h] = (m as nn.LSTM).forward(packed, (c.kind === 'LSTM' ? hx : hx?.[0] ?? null) as [Tensor, Tensor]);
      expect(out).toBeInstanceOf(R.PackedSequence);
      expectPacked(out, c.packed_out, 'output');
      const [padded] = R.padPackedSequence(out, { batchFirst: c.batch_first });
      expectClose(padded, c.padded_out, 'padded output');
      const hs = Array.isArray(h) ? h : [h as unknown as Tensor];
      hs.forEach((t, i) => expectClose(t, c.h[i]!, `h ${i}`));
      const params = [x, m.getParameter('weight_hh_l0')];
      const gs = grad([padded, ...hs], params, { gradOutputs: [decode(c.out_grad), ...c.h_grads.map(decode)] });
      expectClose(gs[0]!, c.input_grad, 'input grad');
      expectClose(gs[1]!, c.weight_grad, 'weight_hh_l0 grad');
    });
  }
  it('RNNCellBase constructs as PyTorch\'s (seeded init, repr, no forward)', () => {
    const want = (fx as unknown as { rnn_cell_base: { repr: string; state: Record<string, EncodedResult>; forward_error: ErrorCase } }).rnn_cell_base;
    setRngCompat('1.13');
    manualSeed(7);
    const m = new nn.RNNCellBase(3, 4, true, 2);
    expect(m.toString()).toBe(want.repr);
    const sd = m.stateDict();
    expect(Object.keys(sd)).toEqual(Object.keys(want.state));
    for (const [k, v] of Object.entries(want.state)) expectClose(sd[k]!, v, k, { rtol: 0, atol: 0 });
    let caught: unknown = null;
    try {
      m.call(torchCore.zeros([2, 3]));
    } catch (e) {
      caught = e;
    }
    expect((caught as Error).message).toContain(want.forward_error.message);
  });
  it('RNNCellBase is the cells\' base class', () => {
    expect(new nn.GRUCell(2, 3)).toBeInstanceOf(nn.RNNCellBase);
    expect(new nn.LSTMCell(2, 3)).toBeInstanceOf(nn.RNNCellBase);
    expect(new nn.RNNCell(2, 3)).toBeInstanceOf(nn.RNNCellBase);
  });
});

describe('nn.ParameterDict vs PyTorch', () => {
  it('order, repr and pop', () => {
    const { zeros, ones, float64 } = torchCore;
    const pd = new nn.ParameterDict({ b: new nn.Parameter(zeros([2, 3])), a: ones([4]) });
    pd.set('c', new nn.Parameter(zeros([1], { dtype: float64 })));
    expect(pd.toString()).toBe(fx.pdict.repr);
    expect(pd.keys()).toEqual(fx.pdict.keys);
    expect([...pd.namedParameters()].map(([n]) => n)).toEqual(fx.pdict.named);
    pd.pop('b');
    expect(pd.keys()).toEqual(fx.pdict.after_pop);
    expect(pd.get('a')).toBeInstanceOf(nn.Parameter);
    const w = fx.pdict as unknown as Record<string, any>;
    expect(pd.popitem()[0]).toBe(w.popitem);
    expect(pd.keys()).toEqual(w.after_popitem);
    expect(pd.setdefault('z', zeros([1]))).toBeInstanceOf(nn.Parameter);
    expect(pd.keys()).toEqual(w.after_setdefault);
    const f = pd.fromkeys(['x', 'y'], ones([2]));
    expect({ keys: f.keys(), same_object: f.get('x') === f.get('y') }).toEqual(w.fromkeys);
    const c = pd.copy();
    expect({ keys: c.keys(), shares: c.get('a') === pd.get('a') }).toEqual(w.copy);
    expect(pd.get('nope', 5)).toBe(w.get_missing);
  });
});

describe('grad_fn names and reprs as PyTorch', () => {
  it('names the backward nodes', () => {
    const g = (fx as unknown as { grad_fns: Record<string, string> }).grad_fns;
    const { randn, tensor, int64 } = torchCore;
    const x = randn([3, 4]).requiresGrad_(true);
    const t = tensor([[3, 0, -1, 1], [0, 1, 2, 3], [1, -1, 0, 2]], { dtype: int64 });
    expect(F.multilabelMarginLoss(x, t).gradFn?.name()).toBe(g.multilabel_margin_loss);
    const lp = randn([6, 2, 4]).logSoftmax(2).detach().requiresGrad_(true);
    const tt = tensor([[1, 2], [1, 1]], { dtype: int64 });
    expect(F.ctcLoss(lp, tt, [6, 6], [2, 2], { reduction: 'none' }).gradFn?.name()).toBe(g.ctc_loss_none);
    expect(F.ctcLoss(lp, tt, [6, 6], [2, 2], { reduction: 'sum' }).gradFn?.name()).toBe(g.ctc_loss_sum);
    expect(R.packPaddedSequence(lp, [6, 4]).data.gradFn?.name()).toBe(g.pack_padded_sequence);
  });
  it('prints a PackedSequence', () => {
    const { tensor } = torchCore;
    expect(String(R.packSequence([tensor([1, 2]).float(), tensor([3]).float()]))).toBe(fx.seq.repr);
  });
});
