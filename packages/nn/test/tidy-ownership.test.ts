// `tidy` and owners (shared decision 3 of issue #13): what a leaf's `.grad`, a module or an
// optimizer holds survives the scope it was made in; what an owner drops is freed with the
// innermost scope. The CPU heap's counters show a training loop with one tidy per step flat.
import { describe, expect, it } from 'vitest';
import { type Tensor, manualSeed, randn, randint, tensor, tidy, zeros } from '@antorcha/core';
import { heapStats } from '@antorcha/backend-cpu';
import { nn, optim } from '../src/index.js';

const F = nn.functional;

/** A small regression problem: a quadratic loss of two parameters. */
function quadratic(): { w: nn.Parameter; b: nn.Parameter; loss: () => Tensor } {
  const w = new nn.Parameter(tensor([[0.5, -1.0], [2.0, 0.25]]));
  const b = new nn.Parameter(tensor([0.1, -0.2]));
  const x = tensor([[1.0, 2.0], [-1.0, 0.5], [0.3, 0.3]]);
  const y = tensor([[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]]);
  return { w, b, loss: () => x.matmul(w).add(b).sub(y).square().sum() };
}

describe('gradients under tidy', () => {
  it('a leaf’s .grad made by backward inside tidy survives it, and accumulates across tidies', () => {
    const { w, b, loss } = quadratic();
    tidy(() => loss().backward());
    expect(w.grad!.isDisposed).toBe(false);
    const once = w.grad!.clone();
    tidy(() => loss().backward());
    expect(w.grad!.isDisposed).toBe(false);
    expect([...w.grad!.dataSync()]).toEqual([...once.add(once).dataSync()]);
    expect(b.grad!.isDisposed).toBe(false);
  });

  it('a gradient replaced by backward (createGraph) is freed with the scope; the new one is kept', () => {
    const { w, loss } = quadratic();
    loss().backward();
    const first = w.grad!;
    tidy(() => loss().backward(undefined, { createGraph: true }));
    expect(first.isDisposed).toBe(true);
    expect(w.grad!.isDisposed).toBe(false);
  });

  it('zeroGrad() inside tidy frees the dropped gradients at the end of the scope, not before', () => {
    const { w, b, loss } = quadratic();
    const opt = new optim.SGD([w, b], { lr: 0.1 });
    loss().backward();
    const gw = w.grad!;
    tidy(() => {
      opt.zeroGrad();
      expect(gw.isDisposed).toBe(false);
    });
    expect(w.grad).toBeNull();
    expect(gw.isDisposed).toBe(true);
    // nested scopes: the innermost one frees it
    loss().backward();
    const gw1 = w.grad!;
    tidy(() => {
      tidy(() => opt.zeroGrad());
      expect(gw1.isDisposed).toBe(true);
    });
    // outside tidy nothing is freed (the garbage collector reclaims it)
    loss().backward();
    const gw2 = w.grad!;
    opt.zeroGrad();
    expect(gw2.isDisposed).toBe(false);
  });

  it('Module.zeroGrad() inside tidy frees the dropped gradients; a gradient the user assigned is never freed', () => {
    const lin = new nn.Linear(2, 2);
    F.mseLoss(lin.call(tensor([[1.5, 2.5]])), tensor([[0.5, 1.5]])).backward();
    const g = lin.weight.grad!;
    const mine = zeros([2]);
    lin.bias!.grad = mine;
    tidy(() => lin.zeroGrad());
    expect(g.isDisposed).toBe(true);
    expect(mine.isDisposed).toBe(false);
  });

  it('a tensor returned from tidy keeps its retained .grad', () => {
    const x = new nn.Parameter(tensor([1.5, 2.5, 3.5]));
    const y = tidy(() => {
      const t = x.mul(2);
      t.retainGrad();
      t.sum().backward();
      return t;
    });
    expect(y.grad!.isDisposed).toBe(false);
    expect([...y.grad!.dataSync()]).toEqual([1, 1, 1]);
  });
});

describe('optimizer state under tidy', () => {
  const makers: [string, (p: nn.Parameter[]) => optim.Optimizer][] = [
    ['SGD momentum', (p) => new optim.SGD(p, { lr: 0.01, momentum: 0.9 })],
    ['Adam amsgrad', (p) => new optim.Adam(p, { lr: 0.01, amsgrad: true })],
    ['AdamW', (p) => new optim.AdamW(p, { lr: 0.01 })],
    ['Adamax', (p) => new optim.Adamax(p)],
    ['NAdam', (p) => new optim.NAdam(p)],
    ['RAdam', (p) => new optim.RAdam(p)],
    ['Adagrad', (p) => new optim.Adagrad(p)],
    ['Adadelta', (p) => new optim.Adadelta(p)],
    ['RMSprop centered momentum', (p) => new optim.RMSprop(p, { centered: true, momentum: 0.5 })],
    ['Rprop', (p) => new optim.Rprop(p)],
    ['ASGD', (p) => new optim.ASGD(p, { t0: 1 })],
  ];
  for (const [name, make] of makers) {
    it(`${name}: steps inside tidy equal steps outside it, and the state survives`, () => {
      const run = (scoped: boolean): Tensor[] => {
        const { w, b, loss } = quadratic();
        // built inside tidy too: Adagrad makes its state in the constructor
        const opt = scoped ? tidy(() => make([w, b])) : make([w, b]);
        for (let i = 0; i < 4; i++) {
          const step = (): void => {
            opt.zeroGrad();
            loss().backward();
            opt.step();
          };
          if (scoped) tidy(step);
          else step();
        }
        for (const st of opt.state.values()) for (const [k, v] of Object.entries(st)) if (v !== null && typeof v === 'object') expect((v as Tensor).isDisposed, k).toBe(false);
        return [w, b];
      };
      const plain = run(false);
      const scoped = run(true);
      scoped.forEach((p, i) => expect([...p.dataSync()]).toEqual([...plain[i]!.dataSync()]));
    });
  }

  it('LBFGS (strong Wolfe) inside tidy keeps its history and equals the run outside it', () => {
    const run = (scoped: boolean): { params: Tensor[]; opt: optim.LBFGS } => {
      const { w, b, loss } = quadratic();
      const opt = new optim.LBFGS([w, b], { lineSearchFn: 'strong_wolfe', maxIter: 5, historySize: 3 });
      const closure = (): Tensor => {
        opt.zeroGrad();
        const l = loss();
        l.backward();
        return l;
      };
      for (let i = 0; i < 3; i++) {
        if (scoped) tidy(() => void opt.step(closure));
        else opt.step(closure);
        for (const t of (opt.state.get(w) as { old_dirs?: Tensor[] }).old_dirs ?? []) seen.add(t);
      }
      return { params: [w, b], opt };
    };
    const seen = new Set<Tensor>();
    const plain = run(false);
    seen.clear();
    const scoped = run(true);
    scoped.params.forEach((p, i) => expect([...p.dataSync()]).toEqual([...plain.params[i]!.dataSync()]));
    const st = scoped.opt.state.get(scoped.params[0]!)! as Record<string, unknown>;
    for (const k of ['d', 'prev_flat_grad']) expect((st[k] as Tensor).isDisposed, k).toBe(false);
    const history = new Set(st.old_dirs as Tensor[]);
    expect(history.size).toBe(3);
    // curvature pairs that left the history (historySize 3) were freed with their step's scope
    expect(seen.size).toBeGreaterThan(3);
    for (const t of seen) expect(t.isDisposed).toBe(!history.has(t));
  });

  it('state an optimizer replaces inside tidy is freed with the scope', () => {
    const { w, b, loss } = quadratic();
    const opt = new optim.SGD([w, b], { lr: 0.01, momentum: 0.9 });
    const step = (): void =>
      tidy(() => {
        opt.zeroGrad();
        loss().backward();
        opt.step();
      });
    step();
    const buf = opt.state.get(w)!.momentum_buffer as Tensor;
    opt.paramGroups[0]!.momentum = 0; // PyTorch then sets momentum_buffer to None
    step();
    expect(opt.state.get(w)!.momentum_buffer).toBeNull();
    expect(buf.isDisposed).toBe(true);
  });

  it('loadStateDict inside tidy: the loaded state is the optimizer’s; the state it replaces goes with the scope', () => {
    const { w, b, loss } = quadratic();
    const opt = new optim.Adam([w, b], { lr: 0.01 });
    tidy(() => {
      loss().backward();
      opt.step();
    });
    const old = opt.state.get(w)!.exp_avg as Tensor;
    const sd = opt.stateDict();
    const saved = new Map([...sd.state].map(([i, s]) => [i, Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v instanceof Object ? (v as Tensor).clone() : v]))]));
    tidy(() => opt.loadStateDict({ state: saved, param_groups: sd.param_groups }));
    expect(old.isDisposed).toBe(true);
    const st = opt.state.get(w)!;
    expect((st.exp_avg as Tensor).isDisposed).toBe(false);
    expect((st.step as Tensor).item()).toBe(1);
    tidy(() => {
      opt.zeroGrad();
      loss().backward();
      opt.step();
    });
    expect((st.step as Tensor).item()).toBe(2);
  });
});

describe('module members under tidy', () => {
  it('modules built, registered into, converted or copied inside tidy keep their tensors', () => {
    const m = tidy(() => {
      const seq = new nn.Sequential(new nn.Linear(3, 4), new nn.BatchNorm1d(4));
      seq.registerBuffer('scale', tensor([2.0]));
      seq.registerParameter('extra', new nn.Parameter(randn([2])));
      return new nn.Sequential(seq).to('float64');
    });
    const copy = tidy(() => m.deepcopy());
    for (const mod of [m, copy]) {
      for (const [k, t] of Object.entries(mod.stateDict())) expect(t.isDisposed, k).toBe(false);
      expect(mod.parameters()[0]!.dtype.name).toBe('float64');
    }
  });

  it('a parameter made lazily in forward inside tidy (a lazy module) belongs to the module', () => {
    class LazyScale extends nn.Module {
      declare scale: nn.Parameter | undefined;
      override forward(x: Tensor): Tensor {
        if (this.scale === undefined) this.scale = new nn.Parameter(randn([x.shape[1]!]));
        return x.mul(this.scale);
      }
    }
    const m = new LazyScale();
    tidy(() => void m.call(randn([2, 3])));
    expect(m.parameters()).toHaveLength(1);
    expect(m.scale!.isDisposed).toBe(false);
  });

  it('loadStateDict and a gradient moved by to() inside tidy stay with the module', () => {
    const lin = new nn.Linear(2, 2);
    const src = new nn.Linear(2, 2);
    F.mseLoss(lin.call(tensor([[1.5, 2.5]])), tensor([[0.5, 1.5]])).backward();
    const g = lin.weight.grad!;
    tidy(() => {
      lin.loadStateDict(src.stateDict());
      lin.to('float64');
    });
    expect(lin.weight.isDisposed).toBe(false);
    expect(lin.weight.grad!.isDisposed).toBe(false);
    expect(lin.weight.grad!.dtype.name).toBe('float64');
    expect(g.isDisposed).toBe(true); // the float32 gradient it replaced
    expect([...lin.weight.dataSync()]).toEqual([...src.weight.double().dataSync()]);
  });
});

describe('a training loop with one tidy per step (CPU heap)', () => {
  it('keeps the CPU heap’s allocated bytes flat for 1,000 steps', () => {
    // sizes above the 4 KiB from which CPU tensors live in the heap that heapStats counts
    manualSeed(0);
    const model = new nn.Sequential(new nn.Linear(32, 64), new nn.ReLU(), new nn.Linear(64, 32));
    const x = randn([64, 32]);
    const y = randint(0, 32, [64]);
    const lossFn = new nn.CrossEntropyLoss();
    const opt = new optim.Adam(model.parameters(), { lr: 1e-3 });
    const step = (): Tensor => {
      opt.zeroGrad();
      const l = lossFn.call(model.call(x), y);
      l.backward();
      opt.step();
      return l.detach();
    };
    // control: outside tidy the temporaries of a step stay in the heap until collected
    const before = heapStats().allocated;
    step();
    expect(heapStats().allocated).toBeGreaterThan(before);
    const memory: number[] = [];
    const losses: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const loss = tidy(step);
      losses.push(loss.item() as number);
      memory.push(heapStats().allocated);
    }
    expect(new Set(memory).size, `allocated per step: ${[...new Set(memory)].join(', ')}`).toBe(1);
    expect(losses[999]!).toBeLessThan(losses[0]!);
  }, 60_000);
});
