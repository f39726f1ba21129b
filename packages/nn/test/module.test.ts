// nn.Module mechanics: registration by assignment (also class fields), traversal
// order, state dicts and their errors, hooks, modes, conversion — against
// real PyTorch where PyTorch defines the result (tools/golden/nn_module.py).
import { describe, expect, it } from 'vitest';
import { Tensor, float32, float64, getRngState, manualSeed, ones, randn, tensor, zeros } from '@antorcha/core';
import { noGrad } from '@antorcha/autograd';
import { nn } from '../src/index.js';
import { fixture } from './helpers.js';

const fx = fixture<{
  net_repr: string;
  named_parameters: string[];
  named_buffers: string[];
  named_modules: string[];
  named_children: string[];
  state_dict_keys: string[];
  load_error: string;
  missing_only_error: string;
  parameter_repr: string;
  parameter_no_grad_repr: string;
  x: number[][];
  out: number[][];
  seq_slice_repr: string;
  empty_sequential_repr: string;
  losses_repr: string[];
  clip: { grads: number[][][] | number[][]; norm: { norm_type: number | 'inf'; total: number; grads: unknown[] }[]; value: unknown[] };
}>('nn_module.json');

class Net extends nn.Module {
  declare fc1: nn.Linear;
  declare act: nn.ReLU;
  declare blocks: nn.ModuleList<nn.Linear>;
  declare heads: nn.ModuleDict<nn.Linear>;
  declare scale: Tensor;
  declare w: nn.Parameter;
  constructor() {
    super();
    this.fc1 = new nn.Linear(2, 3);
    this.act = new nn.ReLU();
    this.blocks = new nn.ModuleList([new nn.Linear(3, 3), new nn.Linear(3, 3)]);
    this.heads = new nn.ModuleDict({ a: new nn.Linear(3, 1) });
    this.registerBuffer('scale', ones(1));
    this.registerBuffer('tmp', zeros(1), false);
    this.w = new nn.Parameter(zeros(2));
  }
  override forward(x: Tensor): Tensor {
    let h = this.act.call(this.fc1.call(x));
    for (const b of this.blocks) h = b.call(h);
    return this.heads.get('a').call(h).mul(this.scale).add(this.w.sum());
  }
}

/** Registration through class field initialisers (defineProperty), as users write it. */
class FieldNet extends nn.Module {
  fc = new nn.Linear(2, 2);
  gain = new nn.Parameter(ones(1));
  note = 'not registered';
  override forward(x: Tensor): Tensor {
    return this.fc.call(x).mul(this.gain);
  }
}

describe('nn.Module', () => {
  it('registers members by assignment, in PyTorch order, and prints like PyTorch', () => {
    manualSeed(0);
    const net = new Net();
    expect(net.toString()).toBe(fx.net_repr);
    expect(net.namedParameters().map(([n]) => n)).toEqual(fx.named_parameters);
    expect(net.namedBuffers().map(([n]) => n)).toEqual(fx.named_buffers);
    expect(net.namedModules().map(([n]) => n)).toEqual(fx.named_modules);
    expect(net.namedChildren().map(([n]) => n)).toEqual(fx.named_children);
    expect(Object.keys(net.stateDict())).toEqual(fx.state_dict_keys);
    const out = net.call(tensor(fx.x, { dtype: float32 }));
    const want = fx.out.flat();
    Array.from(out.dataSync()).forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(want[i]!)));
    expect(net.getSubmodule('blocks.1')).toBe(net.blocks.at(1));
    expect(net.getParameter('heads.a.bias')).toBe((net.heads.get('a') as nn.Linear).bias);
  });

  it('registers class-field initialisers', () => {
    const m = new FieldNet();
    expect(m.namedParameters().map(([n]) => n)).toEqual(['gain', 'fc.weight', 'fc.bias']);
    expect(m.children()).toEqual([m.fc]);
    expect(m.call(randn(3, 2)).shape).toEqual([3, 2]);
  });

  it('replacing, deleting and type-checking members', () => {
    const m = new nn.Linear(2, 3);
    const w = new nn.Parameter(zeros(3, 2));
    m.weight = w;
    expect(m.parameters()[0]).toBe(w);
    expect(() => {
      (m as unknown as { weight: Tensor }).weight = zeros(3, 2);
    }).toThrow("cannot assign 'torch.FloatTensor' as parameter 'weight' (torch.nn.Parameter or None expected)");
    delete (m as unknown as { bias?: unknown }).bias;
    expect(m.namedParameters().map(([n]) => n)).toEqual(['weight']);
    expect(() => m.registerParameter('a.b', null)).toThrow('can\'t contain "."');
  });

  it('loadStateDict: PyTorch error texts; strict false reports keys', () => {
    const seq = (): nn.Sequential => new nn.Sequential(new nn.Linear(2, 3), new nn.BatchNorm1d(3));
    const sd = seq().stateDict();
    delete sd['0.bias'];
    sd['extra.w'] = zeros(1);
    sd['1.weight'] = zeros(4);
    expect(() => seq().loadStateDict(sd)).toThrow(fx.load_error);
    const sd2 = seq().stateDict();
    delete sd2['1.running_var'];
    expect(() => seq().loadStateDict(sd2)).toThrow(fx.missing_only_error);
    const r = seq().loadStateDict(sd2, { strict: false });
    // As in PyTorch, missing keys are reported (not raised) without strict.
    expect(r).toEqual({ missingKeys: ['1.running_var'], unexpectedKeys: [] });
    const sd3 = seq().stateDict();
    sd3.extra = zeros(1);
    delete sd3['0.weight'];
    const r3 = seq().loadStateDict(sd3, { strict: false });
    expect(r3).toEqual({ missingKeys: ['0.weight'], unexpectedKeys: ['extra'] });
  });

  it('stateDict shares storage and is detached; loadStateDict copies', () => {
    const a = new nn.Linear(2, 2);
    const sd = a.stateDict();
    expect(sd.weight!.requiresGrad).toBe(false);
    expect(sd.weight!._storage).toBe(a.weight._storage);
    const b = new nn.Linear(2, 2);
    b.loadStateDict(sd);
    expect(b.weight.equal(a.weight)).toBe(true);
    expect(b.weight._storage).not.toBe(a.weight._storage);
    expect(a.stateDict({ keepVars: true }).weight).toBe(a.weight);
  });

  it('Parameter prints like PyTorch', () => {
    expect(new nn.Parameter(tensor([1, 2], { dtype: float32 })).toString()).toBe(fx.parameter_repr);
    expect(new nn.Parameter(tensor([1, 2], { dtype: float32 }), false).toString()).toBe(fx.parameter_no_grad_repr);
  });

  it('Sequential slicing, empty, indexing and iteration; losses print plainly', () => {
    const s = new nn.Sequential(new nn.Linear(1, 2), new nn.ReLU(), new nn.Tanh());
    expect(s.slice(1).toString()).toBe(fx.seq_slice_repr);
    expect(new nn.Sequential().toString()).toBe(fx.empty_sequential_repr);
    expect(s.at(-1)).toBeInstanceOf(nn.Tanh);
    expect([...s].length).toBe(3);
    expect([new nn.MSELoss().toString(), new nn.CrossEntropyLoss({ labelSmoothing: 0.1 }).toString()]).toEqual(fx.losses_repr);
    const named = new nn.Sequential({ enc: new nn.Linear(2, 2), act: new nn.ReLU() });
    expect(Object.keys(named.stateDict())).toEqual(['enc.weight', 'enc.bias']);
  });

  it('train/eval, requiresGrad_, zeroGrad, apply', () => {
    const net = new Net();
    net.eval();
    expect(net.modules().every((m) => !m.training)).toBe(true);
    net.train();
    expect(net.blocks.at(0).training).toBe(true);
    net.requiresGrad_(false);
    expect(net.parameters().every((p) => !p.requiresGrad)).toBe(true);
    net.requiresGrad_(true);
    net.call(randn(2, 2)).sum().backward();
    expect(net.fc1.weight.grad).not.toBeNull();
    net.zeroGrad({ setToNone: false });
    expect(net.fc1.weight.grad!.abs().sum().item()).toBe(0);
    net.zeroGrad();
    expect(net.fc1.weight.grad).toBeNull();
    const seen: string[] = [];
    net.apply((m) => seen.push(m.constructor.name));
    expect(seen.at(-1)).toBe('Net');
    expect(seen.filter((s) => s === 'Linear').length).toBe(4);
  });

  it('forward pre-hooks and hooks run in call(), and can be removed', () => {
    const lin = new nn.Linear(2, 2);
    const log: string[] = [];
    const h1 = lin.registerForwardPreHook((_m, [x]) => {
      log.push('pre');
      return [(x as Tensor).mul(0)];
    });
    const h2 = lin.registerForwardHook((_m, _i, out) => {
      log.push('post');
      return (out as Tensor).add(1);
    });
    const y = lin.call(randn(1, 2));
    expect(log).toEqual(['pre', 'post']);
    expect(y.equal(lin.bias!.detach().add(1).unsqueeze(0))).toBe(true);
    h1.remove();
    h2.remove();
    lin.call(randn(1, 2));
    expect(log.length).toBe(2);
  });

  it('to(dtype) converts in place, keeping parameter identity', () => {
    const m = new nn.Sequential(new nn.Linear(2, 2), new nn.BatchNorm1d(2));
    const w = (m.at(0) as nn.Linear).weight;
    m.double();
    expect(w.dtype).toBe(float64);
    expect((m.at(0) as nn.Linear).weight).toBe(w);
    expect((m.at(1) as nn.BatchNorm1d).runningMean!.dtype).toBe(float64);
    expect((m.at(1) as nn.BatchNorm1d).numBatchesTracked!.dtype.name).toBe('int64');
    expect(m.call(randn([3, 2], { dtype: float64 })).dtype).toBe(float64);
    m.to('float32');
    expect(w.dtype).toBe(float32);
  });

  it('batch norm buffers assigned through their camelCase accessors stay registered', () => {
    const bn = new nn.BatchNorm1d(2);
    const rm = tensor([1, 2], { dtype: float32 });
    bn.runningMean = rm;
    expect(bn.stateDict().running_mean).toBeDefined();
    expect(bn.stateDict().running_mean!.equal(rm)).toBe(true);
    expect(bn.namedBuffers().map(([n]) => n)).toEqual(['running_mean', 'running_var', 'num_batches_tracked']);
  });

  it('ModuleList and ModuleDict operations', () => {
    const l = new nn.ModuleList<nn.Module>([new nn.ReLU()]);
    l.append(new nn.Tanh()).extend([new nn.Sigmoid()]);
    l.insert(1, new nn.ELU());
    expect([...l].map((m) => m.constructor.name)).toEqual(['ReLU', 'ELU', 'Tanh', 'Sigmoid']);
    expect(l.namedChildren().map(([n]) => n)).toEqual(['0', '1', '2', '3']);
    const d = new nn.ModuleDict<nn.Module>({ a: new nn.ReLU() });
    d.set('b', new nn.Tanh());
    expect(d.keys()).toEqual(['a', 'b']);
    expect(d.pop('a')).toBeInstanceOf(nn.ReLU);
    expect(d.keys()).toEqual(['b']);
    expect(d.has('a')).toBe(false);
  });

  it('clipGradNorm_ and clipGradValue_ match PyTorch', () => {
    const make = (): nn.Parameter[] =>
      fx.clip.grads.map((g) => {
        const p = new nn.Parameter(zeros(...(tensor(g as number[]).shape as number[])));
        p.grad = tensor(g as number[], { dtype: float32 });
        return p;
      });
    const close = (a: number[], b: number[]): void => a.forEach((v, i) => expect(Math.abs(v - b[i]!), `${v} vs ${b[i]}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b[i]!))));
    for (const c of fx.clip.norm) {
      const ps = make();
      const total = nn.utils.clipGradNorm_(ps, 0.5, c.norm_type === 'inf' ? Infinity : c.norm_type);
      close([total.item() as number], [c.total]);
      ps.forEach((p, i) => close(Array.from(p.grad!.dataSync()), (c.grads[i] as number[][]).flat()));
    }
    const ps = make();
    nn.utils.clipGradValue_(ps, 0.3);
    ps.forEach((p, i) => expect(Array.from(p.grad!.dataSync())).toEqual((fx.clip.value[i] as number[][]).flat()));
  });

  it('clip grad norm and value', () => {
    const p = new nn.Parameter(zeros(4));
    p.grad = tensor([3, 4, 0, 0], { dtype: float32 });
    const total = nn.utils.clipGradNorm_([p], 1.0);
    expect(total.item()).toBe(5);
    expect(Math.abs((p.grad.norm().item() as number) - 1)).toBeLessThan(1e-6);
    nn.utils.clipGradValue_([p], 0.1);
    expect(Math.max(...Array.from(p.grad.abs().dataSync()))).toBeLessThanOrEqual(Math.fround(0.1));
    const v = nn.utils.parametersToVector([p, new nn.Parameter(ones(2))]);
    expect(v.shape).toEqual([6]);
  });
});

describe('Module.deepcopy (copy.deepcopy)', () => {
  it('copies parameters, buffers, submodules and attributes into new storage, drawing nothing', () => {
    manualSeed(3);
    const net = new nn.Sequential(new nn.Linear(4, 3), new nn.BatchNorm1d(3), new nn.ReLU());
    net.call(randn(5, 4)).sum().backward();
    net.eval();
    const before = getRngState();
    const copy = net.deepcopy();
    expect(getRngState().tolist()).toEqual(before.tolist()); // no random draws
    expect(copy).toBeInstanceOf(nn.Sequential);
    expect(copy.toString()).toBe(net.toString());
    expect(copy.training).toBe(false);
    const a = net.stateDict();
    const b = copy.stateDict();
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const k of Object.keys(a)) {
      expect(b[k]!.tolist(), k).toEqual(a[k]!.tolist());
      expect(b[k]!._storage === a[k]!._storage, k).toBe(false);
    }
    const [w, wc] = [net.parameters()[0]!, copy.parameters()[0]!];
    expect(wc.requiresGrad).toBe(true);
    expect(wc.grad!.tolist()).toEqual(w.grad!.tolist());
    // independent: changing the copy leaves the original alone
    noGrad(() => wc.add_(1));
    expect(w.tolist()).not.toEqual(wc.tolist());
    const x = randn(2, 4);
    expect(copy.call(x).shape).toEqual(net.call(x).shape);
  });

  it('keeps shared parameters and modules shared', () => {
    const lin = new nn.Linear(3, 3);
    const tied = new nn.Sequential(lin, new nn.Tanh(), lin);
    const c = tied.deepcopy();
    expect(c.parameters().length).toBe(2);
    expect(c.getSubmodule('0')).toBe(c.getSubmodule('2'));
    expect(c.getSubmodule('0')).not.toBe(lin);
  });
});

describe('Embedding.fromPretrained', () => {
  it('wraps the given table without copying or drawing, frozen by default', () => {
    const table = tensor([
      [0.5, 1.5],
      [2.5, 3.5],
      [4.5, 5.5],
    ]);
    const before = getRngState();
    const emb = nn.Embedding.fromPretrained(table);
    expect(getRngState().tolist()).toEqual(before.tolist());
    expect(emb.weight.requiresGrad).toBe(false);
    expect(emb.weight._storage === table._storage).toBe(true);
    expect(emb.call(tensor([2, 0])).tolist()).toEqual([
      [4.5, 5.5],
      [0.5, 1.5],
    ]);
    expect(nn.Embedding.fromPretrained(table, { freeze: false }).weight.requiresGrad).toBe(true);
    expect(() => nn.Embedding.fromPretrained(tensor([1, 2]))).toThrow('Embeddings parameter is expected to be 2-dimensional');
  });
});
