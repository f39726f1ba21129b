/**
 * Recurrent layers `RNN`, `LSTM`, `GRU` (multi-layer, bidirectional, batchFirst,
 * inter-layer dropout) and the single-step cells `RNNCell`, `LSTMCell`,
 * `GRUCell`, with PyTorch's parameter names, shapes, initialisation order and
 * cell formulas. The input projection of all time steps is one matmul; the
 * recurrence runs step by step.
 */
import { Tensor, TorchRuntimeError, TorchTypeError, TorchValueError, cat, fmtShape, pyTypeName, stack, tensor, where, zeros } from '@antorcha/core';
import { PackedSequence, _padSorted } from '../utils/rnn.js';
import { dropout } from '../functional/dropout.js';
import { linear } from '../functional/linear.js';
import * as init from '../init.js';
import { Module } from '../module.js';
import type { Parameter } from '../parameter.js';
import { pyBool, pyFloat } from '../utils/pyrepr.js';
import { type ArgKind, FACTORY, type FactoryOptions, checkArg, checkArgs, checkOptions, emptyParam, expectInput, refuseAbstract } from './_util.js';

const RNN_OPTIONS: Readonly<Record<string, ArgKind>> = { numLayers: 'int', bias: 'bool', batchFirst: 'bool', dropout: 'number', bidirectional: 'bool', ...FACTORY };
const CELL_OPTIONS: Readonly<Record<string, ArgKind>> = { bias: 'bool', ...FACTORY };
const NONLINEARITY: ArgKind = ['tanh', 'relu'];

/** The options a recurrent layer of `mode` accepts. */
function rnnOptions(mode: Mode): Readonly<Record<string, ArgKind>> {
  if (mode === 'LSTM') return { ...RNN_OPTIONS, projSize: 'int' };
  return mode === 'GRU' ? RNN_OPTIONS : { ...RNN_OPTIONS, nonlinearity: 'string' };
}

/** An optional state argument: null, or a Tensor. */
function checkState(op: string, hx: unknown, name = 'hx'): void {
  if (hx !== null && hx !== undefined) checkArg(op, name, 2, hx, 'tensor');
}

/** LSTM's optional `[h, c]` state: null, or a pair of Tensors. */
function checkPair(op: string, hx: unknown): void {
  if (hx === null || hx === undefined) return;
  if (!Array.isArray(hx) || hx.length !== 2 || !hx.every((t) => t instanceof Tensor)) {
    const what = Array.isArray(hx) ? `a list of ${hx.length} (${hx.map((t: unknown) => pyTypeName(t)).join(', ')})` : pyTypeName(hx);
    throw new TorchTypeError(op, `${op}(): argument 'hx' (position 2) must be a tuple of two Tensors (h_0, c_0), not ${what}`);
  }
}

/** The recurrence of one layer/direction. */
type Mode = 'RNN_TANH' | 'RNN_RELU' | 'LSTM' | 'GRU';

function gateMultiplier(mode: Mode): number {
  return mode === 'LSTM' ? 4 : mode === 'GRU' ? 3 : 1;
}

/** One step of a cell. `gi` is the input projection (with b_ih); returns [h, c?]. */
function cellStep(mode: Mode, gi: Tensor, h: Tensor, c: Tensor | null, wHh: Tensor, bHh: Tensor | null): [Tensor, Tensor | null] {
  const gh = linear(h, wHh, bHh);
  switch (mode) {
    case 'RNN_TANH':
      return [gi.add(gh).tanh(), null];
    case 'RNN_RELU':
      return [gi.add(gh).relu(), null];
    case 'LSTM': {
      const gates = gh.add(gi).chunk(4, 1);
      const i = gates[0]!.sigmoid();
      const f = gates[1]!.sigmoid();
      const g = gates[2]!.tanh();
      const o = gates[3]!.sigmoid();
      const cy = f.mul(c!).add(i.mul(g));
      return [o.mul(cy.tanh()), cy];
    }
    case 'GRU': {
      const [ir, iz, inn] = gi.chunk(3, 1) as [Tensor, Tensor, Tensor];
      const [hr, hz, hn] = gh.chunk(3, 1) as [Tensor, Tensor, Tensor];
      const r = ir.add(hr).sigmoid();
      const z = iz.add(hz).sigmoid();
      const n = inn.add(hn.mul(r)).tanh();
      return [h.sub(n).mul(z).add(n), null];
    }
  }
}

/** Options of `RNN`, `LSTM` and `GRU`. */
export interface RNNOptions extends FactoryOptions {
  /** Stacked layers (default 1). */
  numLayers?: number;
  /** Learn b_ih and b_hh (default true). */
  bias?: boolean;
  /** Input and output are [N, L, H] instead of [L, N, H] (default false). */
  batchFirst?: boolean;
  /** Dropout on the outputs of every layer but the last, in training mode (default 0). */
  dropout?: number;
  /** Run a second direction and concatenate (default false). */
  bidirectional?: boolean;
}

/** PyTorch's `RNNBase`: parameters `weight_ih_l{k}[_reverse]`, `weight_hh_…`, `bias_ih_…`, `bias_hh_…`. */
export abstract class RNNBase extends Module {
  /** Recurrence kind. */
  declare mode: Mode;
  /** Features of the input. */
  declare inputSize: number;
  /** Features of the hidden state. */
  declare hiddenSize: number;
  /** Stacked layers. */
  declare numLayers: number;
  /** Whether biases are learned. */
  declare bias: boolean;
  /** Batch-first layout. */
  declare batchFirst: boolean;
  /** Inter-layer dropout. */
  declare dropout: number;
  /** Two directions. */
  declare bidirectional: boolean;
  /** LSTM only: size of the projected hidden state (0: no projection). */
  declare projSize: number;
  /** Parameter names per layer and direction. */
  declare _allWeights: string[][];

  protected constructor(mode: Mode, inputSize: number, hiddenSize: number, o: RNNOptions & { projSize?: number }) {
    refuseAbstract(new.target, RNNBase, 'RNNBase');
    const name = new.target.name;
    checkArgs(name, [
      ['input_size', inputSize, 'size'],
      ['hidden_size', hiddenSize, 'int'],
    ]);
    o = checkOptions(name, o, rnnOptions(mode), 3);
    super();
    const numLayers = o.numLayers ?? 1;
    const p = o.dropout ?? 0;
    if (p < 0 || p > 1) throw new TorchValueError('RNN', 'dropout should be a number in range [0, 1] representing the probability of an element being zeroed');
    if (hiddenSize <= 0) throw new TorchValueError('RNN', 'hidden_size must be greater than zero');
    if (numLayers <= 0) throw new TorchValueError('RNN', 'num_layers must be greater than zero');
    if (numLayers > 2 ** 31 - 1) throw new TorchValueError('RNN', `num_layers is too large (${numLayers})`);
    const projSize = o.projSize ?? 0;
    if (projSize < 0) throw new TorchValueError('RNN', 'proj_size should be a positive integer or zero to disable projections');
    if (projSize >= hiddenSize) throw new TorchValueError('RNN', 'proj_size has to be smaller than hidden_size');
    this.projSize = projSize;
    const real = projSize > 0 ? projSize : hiddenSize;
    this.mode = mode;
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.numLayers = numLayers;
    this.bias = o.bias ?? true;
    this.batchFirst = o.batchFirst ?? false;
    this.dropout = p;
    this.bidirectional = o.bidirectional ?? false;
    const dirs = this.bidirectional ? 2 : 1;
    const gate = gateMultiplier(mode) * hiddenSize;
    const all: string[][] = [];
    for (let layer = 0; layer < numLayers; layer++) {
      for (let d = 0; d < dirs; d++) {
        const inSize = layer === 0 ? inputSize : real * dirs;
        const sfx = d === 1 ? '_reverse' : '';
        const names = [`weight_ih_l${layer}${sfx}`, `weight_hh_l${layer}${sfx}`];
        const params = [emptyParam([gate, inSize], o), emptyParam([gate, real], o)];
        if (this.bias) {
          names.push(`bias_ih_l${layer}${sfx}`, `bias_hh_l${layer}${sfx}`);
          params.push(emptyParam([gate], o), emptyParam([gate], o));
        }
        if (projSize > 0) {
          names.push(`weight_hr_l${layer}${sfx}`);
          params.push(emptyParam([projSize, hiddenSize], o));
        }
        names.forEach((n, i) => this.registerParameter(n, params[i]!));
        all.push(names);
      }
    }
    this._allWeights = all;
    this.resetParameters();
  }

  /** Every parameter from U(−1/√hidden, 1/√hidden), in registration order. */
  resetParameters(): void {
    const stdv = this.hiddenSize > 0 ? 1.0 / Math.sqrt(this.hiddenSize) : 0;
    for (const w of this.parameters()) init.uniform_(w, -stdv, stdv);
  }

  private weightsOf(layer: number, d: number): [Tensor, Tensor, Tensor | null, Tensor | null, Tensor | null] {
    const names = this._allWeights[layer * (this.bidirectional ? 2 : 1) + d]!;
    const p = (i: number): Tensor | null => (names[i] !== undefined ? this._parameters.get(names[i]!)! : null);
    const hr = this.projSize > 0 ? p(names.length - 1) : null;
    return this.bias ? [p(0)!, p(1)!, p(2), p(3), hr] : [p(0)!, p(1)!, null, null, hr];
  }

  /**
   * Runs the layers. `input` [L, N, Hin] ([N, L, Hin] with batchFirst, or unbatched [L, Hin]);
   * `hx` [D·layers, N, H] (and `cx` for LSTM) default to zeros.
   * @internal
   */
  protected run(input: Tensor, hx: Tensor | null, cx: Tensor | null, lengths: number[] | null = null): [Tensor, Tensor, Tensor | null] {
    const op = this._getName();
    expectInput(`${op}.forward`, input);
    const batched = input.ndim === 3;
    if (!batched && input.ndim !== 2) throw new TorchValueError(op, `${op}: Expected input to be 2D or 3D, got ${input.ndim}D instead`);
    const packed = lengths !== null; // time-major input in packed (sorted) batch order
    let x = batched ? (this.batchFirst && !packed ? input.transpose(0, 1) : input) : input.unsqueeze(1);
    if (x._shape[2] !== this.inputSize) throw new TorchRuntimeError(op, `input.size(-1) must be equal to input_size. Expected ${this.inputSize}, got ${x._shape[2]}`);
    const [L, N] = x._shape as [number, number];
    const dirs = this.bidirectional ? 2 : 1;
    const H = this.hiddenSize;
    const R = this.projSize > 0 ? this.projSize : H; // size of h (projected) and of each direction's output
    const prep = (s: Tensor | null, size: number, what: string): Tensor => {
      const expected = [this.numLayers * dirs, N, size];
      if (s === null) return zeros(expected, { dtype: x.dtype, device: x.device });
      const t = batched ? s : s.unsqueeze(1);
      if (t.ndim !== 3 || t._shape.some((v, i) => v !== expected[i])) throw new TorchRuntimeError(op, `Expected ${what} size ${fmtShape(expected)}, got ${fmtShape(t._shape)}`);
      return t;
    };
    const h0 = prep(hx, R, 'hidden');
    const c0 = this.mode === 'LSTM' ? prep(cx, H, 'hidden') : null;
    const hOut: Tensor[] = [];
    const cOut: Tensor[] = [];
    // packed input: sequence b takes part in step t when t < lengths[b]; the others keep their state
    const active = packed ? Array.from({ length: L }, (_, t) => tensor(lengths.map((l) => l > t), { device: x.device }).unsqueeze(1)) : null;
    for (let layer = 0; layer < this.numLayers; layer++) {
      const outs: Tensor[] = [];
      for (let d = 0; d < dirs; d++) {
        const [wIh, wHh, bIh, bHh, wHr] = this.weightsOf(layer, d);
        const idx = layer * dirs + d;
        let h = h0.select(0, idx);
        let c = c0 ? c0.select(0, idx) : null;
        const gi = linear(x, wIh, bIh);
        const steps: Tensor[] = new Array(L);
        for (let s = 0; s < L; s++) {
          const t = d === 0 ? s : L - 1 - s;
          let [h1, c1] = cellStep(this.mode, gi.select(0, t), h, c, wHh, bHh);
          if (wHr) h1 = h1.matmul(wHr.t()); // LSTM projection: h = (o ⊙ tanh c) W_hrᵀ
          if (active) {
            h1 = where(active[t]!, h1, h);
            if (c1) c1 = where(active[t]!, c1, c!);
          }
          [h, c] = [h1, c1];
          steps[t] = h;
        }
        outs.push(L > 0 ? stack(steps, 0) : zeros([0, N, R], { dtype: x.dtype, device: x.device }));
        hOut.push(h);
        if (c) cOut.push(c);
      }
      x = dirs === 1 ? outs[0]! : cat(outs, 2);
      if (this.dropout > 0 && this.training && layer < this.numLayers - 1) x = dropout(x, this.dropout, true);
    }
    let output = x;
    let hn = stack(hOut, 0);
    let cn = c0 ? stack(cOut, 0) : null;
    if (!batched) {
      output = output.squeeze(1);
      hn = hn.squeeze(1);
      if (cn) cn = cn.squeeze(1);
    } else if (this.batchFirst && !packed) output = output.transpose(0, 1);
    return [output, hn, cn];
  }

  /**
   * Runs a PackedSequence: unpacks to the sorted time-major batch, runs with per-step masks,
   * and packs the output again; states are permuted into and out of the sorted order.
   * @internal
   */
  protected runPacked(input: PackedSequence, hx: Tensor | null, cx: Tensor | null): [PackedSequence, Tensor, Tensor | null] {
    const sizes = input._sizes();
    const B = sizes.length > 0 ? sizes[0]! : 0;
    const lengths = new Array<number>(B).fill(0);
    for (const bs of sizes) for (let b = 0; b < bs; b++) lengths[b]! += 1;
    const sorted = input.sortedIndices;
    const permute = (s: Tensor | null, idx: Tensor | null): Tensor | null => (s === null || idx === null ? s : s.indexSelect(1, idx.to(s.device)));
    const padded = _padSorted(input.data, sizes, sizes.length, 0);
    if (padded.ndim !== 3) throw new TorchValueError(this._getName(), `${this._getName()}: Expected input to be 2D or 3D, got ${padded.ndim}D instead`);
    const [out, hn, cn] = this.run(padded, permute(hx, sorted), permute(cx, sorted), lengths);
    // pack: the first sizes[t] rows of each step
    const data = cat(sizes.map((bs, t) => out.select(0, t).narrow(0, 0, bs)), 0);
    const unsorted = input.unsortedIndices;
    return [new PackedSequence(data, input.batchSizes, input.sortedIndices, input.unsortedIndices), permute(hn, unsorted)!, permute(cn, unsorted)];
  }

  override extraRepr(): string {
    let s = `${this.inputSize}, ${this.hiddenSize}`;
    if (this.projSize !== 0) s += `, proj_size=${this.projSize}`;
    if (this.numLayers !== 1) s += `, num_layers=${this.numLayers}`;
    if (this.bias !== true) s += `, bias=${pyBool(this.bias)}`;
    if (this.batchFirst !== false) s += `, batch_first=${pyBool(this.batchFirst)}`;
    if (this.dropout !== 0) s += `, dropout=${pyFloat(this.dropout)}`;
    if (this.bidirectional !== false) s += `, bidirectional=${pyBool(this.bidirectional)}`;
    return s;
  }
}

/**
 * Elman RNN: h' = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh) (or relu).
 * @example
 * ```ts pytorch=nn.RNN
 * torch.manualSeed(0);
 * const rnn = new torch.nn.RNN(3, 2, { numLayers: 2 });
 * const [out, hn] = rnn.call(torch.randn(4, 1, 3)); // [sequence, batch, features]
 * console.log(rnn);
 * console.log(out.shape);
 * console.log(hn);
 * ```
 * ```text
 * RNN(3, 2, num_layers=2)
 * torch.Size([4, 1, 2])
 * tensor([[[-0.8806, -0.2492]],
 *
 *         [[-0.0594,  0.3779]]], grad_fn=<StackBackward0>)
 * ```
 */
export class RNN extends RNNBase {
  /** `'tanh'` or `'relu'`. */
  declare nonlinearity: 'tanh' | 'relu';
  /**
   * @param inputSize features of the input
   * @param hiddenSize features of the hidden state
   * @param opts layers, bias, layout, dropout, directions, nonlinearity, dtype
   */
  constructor(inputSize: number, hiddenSize: number, opts: RNNOptions & { nonlinearity?: 'tanh' | 'relu' } = {}) {
    const nl = (checkOptions('RNN', opts, rnnOptions('RNN_TANH'), 3).nonlinearity as unknown) ?? 'tanh';
    if (nl !== 'tanh' && nl !== 'relu') throw new TorchValueError('RNN', `Unknown nonlinearity '${String(nl)}'. Select from 'tanh' or 'relu'.`);
    super(nl === 'tanh' ? 'RNN_TANH' : 'RNN_RELU', inputSize, hiddenSize, opts);
    this.nonlinearity = nl;
  }
  /** Returns `[output, hN]` (a PackedSequence output for a PackedSequence input). */
  override forward(input: Tensor, hx?: Tensor | null): [Tensor, Tensor];
  override forward(input: PackedSequence, hx?: Tensor | null): [PackedSequence, Tensor];
  override forward(input: Tensor | PackedSequence, hx: Tensor | null = null): [Tensor | PackedSequence, Tensor] {
    checkState('RNN.forward', hx);
    if (input instanceof PackedSequence) {
      const [out, hn] = this.runPacked(input, hx, null);
      return [out, hn];
    }
    const [out, hn] = this.run(input, hx, null);
    return [out, hn];
  }
}

/**
 * Long short-term memory (gates i, f, g, o), optionally with a projected hidden state (`projSize`).
 * @example
 * ```ts pytorch=nn.LSTM
 * torch.manualSeed(0);
 * const lstm = new torch.nn.LSTM(3, 2, { batchFirst: true });
 * const [out, [hn, cn]] = lstm.call(torch.randn(1, 4, 3)); // [batch, sequence, features]
 * console.log(lstm);
 * console.log(out.shape, hn.shape, cn.shape);
 * console.log(hn);
 * ```
 * ```text
 * LSTM(3, 2, batch_first=True)
 * torch.Size([1, 4, 2]) torch.Size([1, 1, 2]) torch.Size([1, 1, 2])
 * tensor([[[ 0.2673, -0.1583]]], grad_fn=<StackBackward0>)
 * ```
 */
export class LSTM extends RNNBase {
  /**
   * @param inputSize features of the input
   * @param hiddenSize features of the cell state
   * @param opts layers, bias, layout, dropout, directions, projection size, dtype
   */
  constructor(inputSize: number, hiddenSize: number, opts: RNNOptions & { projSize?: number } = {}) {
    super('LSTM', inputSize, hiddenSize, opts);
  }
  /** Returns `[output, [hN, cN]]`; `hx` is `[h0, c0]` or null (a PackedSequence output for a PackedSequence input). */
  override forward(input: Tensor, hx?: [Tensor, Tensor] | null): [Tensor, [Tensor, Tensor]];
  override forward(input: PackedSequence, hx?: [Tensor, Tensor] | null): [PackedSequence, [Tensor, Tensor]];
  override forward(input: Tensor | PackedSequence, hx: [Tensor, Tensor] | null = null): [Tensor | PackedSequence, [Tensor, Tensor]] {
    checkPair('LSTM.forward', hx);
    if (input instanceof PackedSequence) {
      const [out, hn, cn] = this.runPacked(input, hx ? hx[0] : null, hx ? hx[1] : null);
      return [out, [hn, cn!]];
    }
    const [out, hn, cn] = this.run(input, hx ? hx[0] : null, hx ? hx[1] : null);
    return [out, [hn, cn!]];
  }
}

/**
 * Gated recurrent unit (gates r, z, n).
 * @example
 * ```ts pytorch=nn.GRU
 * torch.manualSeed(0);
 * const gru = new torch.nn.GRU(3, 2, { bidirectional: true });
 * const [out, hn] = gru.call(torch.randn(4, 1, 3)); // [sequence, batch, features]
 * console.log(gru);
 * console.log(out.shape, hn.shape);
 * ```
 * ```text
 * GRU(3, 2, bidirectional=True)
 * torch.Size([4, 1, 4]) torch.Size([2, 1, 2])
 * ```
 */
export class GRU extends RNNBase {
  /**
   * @param inputSize features of the input
   * @param hiddenSize features of the hidden state
   * @param opts layers, bias, layout, dropout, directions, dtype
   */
  constructor(inputSize: number, hiddenSize: number, opts: RNNOptions = {}) {
    super('GRU', inputSize, hiddenSize, opts);
  }
  /** Returns `[output, hN]` (a PackedSequence output for a PackedSequence input). */
  override forward(input: Tensor, hx?: Tensor | null): [Tensor, Tensor];
  override forward(input: PackedSequence, hx?: Tensor | null): [PackedSequence, Tensor];
  override forward(input: Tensor | PackedSequence, hx: Tensor | null = null): [Tensor | PackedSequence, Tensor] {
    checkState('GRU.forward', hx);
    if (input instanceof PackedSequence) {
      const [out, hn] = this.runPacked(input, hx, null);
      return [out, hn];
    }
    const [out, hn] = this.run(input, hx, null);
    return [out, hn];
  }
}

/** PyTorch's `RNNCellBase` (base of `RNNCell`, `LSTMCell`, `GRUCell`): `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`. */
export class RNNCellBase extends Module {
  /** Input features. */
  declare inputSize: number;
  /** Hidden features. */
  declare hiddenSize: number;
  /** Whether biases are learned. */
  declare bias: boolean;
  /** [G·H, in]. */
  declare weight_ih: Parameter;
  /** [G·H, H]. */
  declare weight_hh: Parameter;
  /** [G·H] or null. */
  declare bias_ih: Parameter | null;
  /** [G·H] or null. */
  declare bias_hh: Parameter | null;
  /**
   * PyTorch's signature: a cell with `numChunks` gates (the subclasses pass 1, 4 or 3).
   * @param inputSize input features
   * @param hiddenSize hidden features
   * @param bias whether `bias_ih` and `bias_hh` are learned
   * @param numChunks gates stacked in the weights
   * @param o dtype
   */
  constructor(inputSize: number, hiddenSize: number, bias: boolean, numChunks: number, o: FactoryOptions = {}) {
    checkArgs(new.target.name, [
      ['input_size', inputSize, 'size'],
      ['hidden_size', hiddenSize, 'size'],
      ['bias', bias, 'bool'],
      ['num_chunks', numChunks, 'size'],
    ]);
    if (new.target === RNNCellBase) o = checkOptions(new.target.name, o, FACTORY, 5);
    const chunks = numChunks;
    super();
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.bias = bias;
    this.weight_ih = emptyParam([chunks * hiddenSize, inputSize], o);
    this.weight_hh = emptyParam([chunks * hiddenSize, hiddenSize], o);
    if (bias) {
      this.bias_ih = emptyParam([chunks * hiddenSize], o);
      this.bias_hh = emptyParam([chunks * hiddenSize], o);
    } else {
      this.registerParameter('bias_ih', null);
      this.registerParameter('bias_hh', null);
    }
    this.resetParameters();
  }
  /** Every parameter from U(−1/√hidden, 1/√hidden). */
  resetParameters(): void {
    const stdv = this.hiddenSize > 0 ? 1.0 / Math.sqrt(this.hiddenSize) : 0;
    for (const w of this.parameters()) init.uniform_(w, -stdv, stdv);
  }
  /** @internal */
  protected step(mode: Mode, input: Tensor, h: Tensor | null, c: Tensor | null): [Tensor, Tensor | null] {
    expectInput(`${this._getName()}.forward`, input);
    const batched = input.ndim === 2;
    const x = batched ? input : input.unsqueeze(0);
    const z = (): Tensor => zeros([x._shape[0]!, this.hiddenSize], { dtype: x.dtype, device: x.device });
    const hh = h === null ? z() : batched ? h : h.unsqueeze(0);
    const cc = mode === 'LSTM' ? (c === null ? z() : batched ? c : c.unsqueeze(0)) : null;
    const [h1, c1] = cellStep(mode, linear(x, this.weight_ih, this.bias_ih), hh, cc, this.weight_hh, this.bias_hh);
    return batched ? [h1, c1] : [h1.squeeze(0), c1 ? c1.squeeze(0) : null];
  }
  override extraRepr(): string {
    let s = `${this.inputSize}, ${this.hiddenSize}`;
    if (this.bias !== true) s += `, bias=${pyBool(this.bias)}`;
    return s;
  }
}

/**
 * One Elman RNN step.
 * @example
 * ```ts pytorch=nn.RNNCell
 * torch.manualSeed(0);
 * const cell = new torch.nn.RNNCell(3, 2, { nonlinearity: 'relu' });
 * console.log(cell, cell.call(torch.ones(1, 3)));
 * ```
 * ```text
 * RNNCell(3, 2, nonlinearity=relu) tensor([[0., 0.]], grad_fn=<ReluBackward0>)
 * ```
 */
export class RNNCell extends RNNCellBase {
  /** `'tanh'` or `'relu'`. */
  declare nonlinearity: 'tanh' | 'relu';
  /**
   * @param inputSize features of the input
   * @param hiddenSize features of the hidden state
   * @param opts bias, nonlinearity, dtype
   */
  constructor(inputSize: number, hiddenSize: number, opts: FactoryOptions & { bias?: boolean; nonlinearity?: 'tanh' | 'relu' } = {}) {
    opts = checkOptions('RNNCell', opts, { ...CELL_OPTIONS, nonlinearity: NONLINEARITY }, 3);
    super(inputSize, hiddenSize, opts.bias ?? true, 1, opts);
    this.nonlinearity = opts.nonlinearity ?? 'tanh';
  }
  /** The next hidden state. */
  override forward(input: Tensor, hx: Tensor | null = null): Tensor {
    checkState('RNNCell.forward', hx);
    return this.step(this.nonlinearity === 'tanh' ? 'RNN_TANH' : 'RNN_RELU', input, hx, null)[0];
  }
  override extraRepr(): string {
    const s = super.extraRepr();
    return this.nonlinearity !== 'tanh' ? `${s}, nonlinearity=${this.nonlinearity}` : s;
  }
}

/**
 * One LSTM step.
 * @example
 * ```ts pytorch=nn.LSTMCell
 * torch.manualSeed(0);
 * const cell = new torch.nn.LSTMCell(3, 2);
 * const [h, c] = cell.call(torch.ones(1, 3)); // one time step, zero initial state
 * console.log(h, c);
 * ```
 * ```text
 * tensor([[-0.2031,  0.0842]], grad_fn=<MulBackward0>) tensor([[-0.3549,  0.1166]], grad_fn=<AddBackward0>)
 * ```
 */
export class LSTMCell extends RNNCellBase {
  /**
   * @param inputSize features of the input
   * @param hiddenSize features of the cell state
   * @param opts bias, dtype
   */
  constructor(inputSize: number, hiddenSize: number, opts: FactoryOptions & { bias?: boolean } = {}) {
    opts = checkOptions('LSTMCell', opts, CELL_OPTIONS, 3);
    super(inputSize, hiddenSize, opts.bias ?? true, 4, opts);
  }
  /** `[h', c']`. */
  override forward(input: Tensor, hx: [Tensor, Tensor] | null = null): [Tensor, Tensor] {
    checkPair('LSTMCell.forward', hx);
    const [h, c] = this.step('LSTM', input, hx ? hx[0] : null, hx ? hx[1] : null);
    return [h, c!];
  }
}

/**
 * One GRU step.
 * @example
 * ```ts pytorch=nn.GRUCell
 * torch.manualSeed(0);
 * const cell = new torch.nn.GRUCell(3, 2);
 * let h = torch.zeros(1, 2);
 * for (let t = 0; t < 3; t++) h = cell.call(torch.ones(1, 3), h); // three steps by hand
 * console.log(cell, h);
 * ```
 * ```text
 * GRUCell(3, 2) tensor([[-0.7660, -0.0162]], grad_fn=<AddBackward0>)
 * ```
 */
export class GRUCell extends RNNCellBase {
  /**
   * @param inputSize features of the input
   * @param hiddenSize features of the hidden state
   * @param opts bias, dtype
   */
  constructor(inputSize: number, hiddenSize: number, opts: FactoryOptions & { bias?: boolean } = {}) {
    opts = checkOptions('GRUCell', opts, CELL_OPTIONS, 3);
    super(inputSize, hiddenSize, opts.bias ?? true, 3, opts);
  }
  /** The next hidden state. */
  override forward(input: Tensor, hx: Tensor | null = null): Tensor {
    checkState('GRUCell.forward', hx);
    return this.step('GRU', input, hx, null)[0];
  }
}
