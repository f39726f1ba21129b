// Optimizers and learning-rate schedulers against real PyTorch (tools/golden/nn_optim.py).
import { describe, expect, it } from 'vitest';
import * as core from '@antorcha/core';
import { type Tensor, tensor, zeros } from '@antorcha/core';
import { nn, optim, utils } from '../src/index.js';
import { type OptCase, type PlateauCase, type SchedCase, type SdCase, optimCases } from './cases/optim.js';
import { decode, expectClose, fixture } from './helpers.js';

const fx = fixture<{ optimizers: OptCase[]; state_dicts: SdCase[]; schedulers: SchedCase[]; plateau: PlateauCase[] }>('nn_optim.json');
const { makeOpt, makeSched } = optimCases({ ...core, nn, optim, utils });

/**
 * Optimizer steps match PyTorch bit for bit: its CPU kernels fuse `a + alpha·b` and
 * `addcmul` into single-rounding FMAs and round `addcdiv` as self + (value·t1)/t2, and
 * core's fused kernels reproduce exactly that.
 */
const EXACT_STEPS = { rtol: 0, atol: 0 };

describe('optimizers vs PyTorch (single-tensor implementation)', () => {
  for (const c of fx.optimizers) {
    it(`${c.name} (${c.dtype})`, () => {
      const [p1, p2] = c.init.map((e) => new nn.Parameter(decode(e))) as [nn.Parameter, nn.Parameter];
      const params = c.groups ? [{ params: [p1] }, { params: [p2], lr: c.opts.lr * 0.5 }] : [p1, p2];
      const opt = makeOpt(c.name, params, c.opts);
      const tol = EXACT_STEPS;
      c.steps.forEach((s, k) => {
        opt.zeroGrad();
        p1.grad = decode(s.grads[0]!);
        if (s.grads[1] !== null) p2.grad = decode(s.grads[1]!);
        opt.step();
        expectClose(p1, s.params[0]!, `step ${k} p1`, tol);
        expectClose(p2, s.params[1]!, `step ${k} p2`, tol);
      });
      [p1, p2].forEach((p, i) => {
        const st = opt.state.get(p)!;
        for (const [k, v] of Object.entries(c.state[String(i)]!)) {
          if (typeof v === 'number' || v === null) expect(st[k], `state ${i}.${k}`).toBe(v);
          else expectClose(st[k] as Tensor, v, `state ${i}.${k}`, k === 'step' ? { rtol: 0, atol: 0 } : tol);
        }
      });
    });
  }

  it('state dicts have PyTorch layout and load back', () => {
    for (const c of fx.state_dicts) {
      const p1 = new nn.Parameter(zeros(2));
      const p2 = new nn.Parameter(zeros(3));
      const opt = makeOpt(c.name, [{ params: [p1] }, { params: [p2], lr: 0.5 }], c.opts);
      for (let i = 0; i < 2; i++) {
        p1.grad = tensor([1, 1], { dtype: 'float32' });
        p2.grad = tensor([2, 2, 2], { dtype: 'float32' });
        opt.step();
      }
      const sd = opt.stateDict();
      sd.param_groups.forEach((g, i) => {
        const want = c.param_groups[i]!;
        expect(Object.keys(g).sort(), `${c.name} group ${i} keys`).toEqual(Object.keys(want).sort());
        for (const [k, v] of Object.entries(want)) if (k !== 'foreach') expect(g[k], `${c.name} group ${i}.${k}`).toEqual(v);
      });
      expect([...sd.state.keys()]).toEqual(Object.keys(c.state).map(Number));
      for (const [k, st] of Object.entries(c.state)) {
        for (const [name, v] of Object.entries(st)) {
          const got = sd.state.get(Number(k))![name];
          if (typeof v === 'number') expect(got, `${c.name} state ${k}.${name}`).toBe(v);
          else expectClose(got as Tensor, v, `${c.name} state ${k}.${name}`, { rtol: 0, atol: 0 });
        }
      }
      // Round trip into a fresh optimizer: the same next step.
      const q1 = new nn.Parameter(p1.detach().clone());
      const q2 = new nn.Parameter(p2.detach().clone());
      const opt2 = makeOpt(c.name, [{ params: [q1] }, { params: [q2], lr: 0.5 }], c.opts);
      opt2.loadStateDict(sd);
      p1.grad = tensor([0.5, -1]);
      p2.grad = tensor([1, 0, -1], { dtype: 'float32' });
      q1.grad = tensor([0.5, -1]);
      q2.grad = tensor([1, 0, -1], { dtype: 'float32' });
      opt.step();
      opt2.step();
      expect(q1.equal(p1) && q2.equal(p2), c.name).toBe(true);
    }
  });

  it('zeroGrad sets to null by default, or zeroes', () => {
    const p = new nn.Parameter(zeros(2));
    const opt = new optim.SGD([p], { lr: 0.1 });
    p.grad = tensor([1, 2], { dtype: 'float32' });
    opt.zeroGrad({ setToNone: false });
    expect(p.grad!.tolist()).toEqual([0, 0]);
    opt.zeroGrad();
    expect(p.grad).toBeNull();
  });

  it('validates options with PyTorch messages', () => {
    const p = new nn.Parameter(zeros(2));
    expect(() => new optim.SGD([p], { lr: -1 })).toThrow('Invalid learning rate: -1');
    expect(() => new optim.Adam([p], { betas: [1.0, 0.9] })).toThrow('Invalid beta parameter at index 0: 1');
    expect(() => new optim.SGD([p], { lr: 0.1, nesterov: true })).toThrow('Nesterov momentum requires a momentum and zero dampening');
    expect(() => new optim.SGD([], { lr: 0.1 })).toThrow('optimizer got an empty parameter list');
  });
});

describe('lr schedulers vs PyTorch', () => {
  for (const c of fx.schedulers) {
    it(c.name, () => {
      const p = new nn.Parameter(zeros(2));
      const oo = c.optimizer_opts;
      const opt = c.optimizer === 'SGD' ? new optim.SGD([p], { lr: oo.lr, momentum: oo.momentum }) : new optim.Adam([p], { lr: oo.lr });
      const sched = makeSched(c, opt);
      const snap = () => {
        const g = opt.paramGroups[0]!;
        const e: Record<string, unknown> = { lr: g.lr };
        if (c.sequence[0]!.momentum !== undefined) e.momentum = g.momentum;
        if (c.sequence[0]!.betas !== undefined) e.betas = g.betas;
        return e;
      };
      const seq = [snap()];
      for (let i = 1; i < c.sequence.length; i++) {
        p.grad = zeros(2);
        opt.step();
        sched.step();
        seq.push(snap());
      }
      expect(seq).toEqual(c.sequence);
      expect(sched.getLastLr()).toEqual(c.last_lr);
    });
  }
});

describe('ReduceLROnPlateau vs PyTorch', () => {
  for (const c of fx.plateau) {
    it(c.name, () => {
      const opt = new optim.SGD([new nn.Parameter(zeros(2))], { lr: 0.1 });
      const sched = new optim.lrScheduler.ReduceLROnPlateau(opt, c.opts);
      const lrs = c.metrics.map((m) => {
        sched.step(m);
        return opt.paramGroups[0]!.lr;
      });
      expect(lrs).toEqual(c.lrs);
    });
  }
});
