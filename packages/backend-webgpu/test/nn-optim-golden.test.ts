// Every optimizer of tools/golden/nn_optim.py on WebGPU against real PyTorch: six steps from
// the recorded gradients (parameters after each step, the final state), state dicts that load
// back, and the lr schedulers driving a device optimizer. float32 cases compare with PyTorch's
// float32 steps; float64 cases (and the param-group variants, recorded in float64) run in
// float32 against PyTorch's float64 steps. Scalar state (`step`, nadam's `mu_product`, asgd's
// `eta`/`mu`) stays on the CPU as in PyTorch 1.13's non-capturable optimizers.
import * as torch from 'antorcha';
import type { EncodedResult } from '@antorcha/core/testing';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './gpu.js';
import { EXACT, F32, type Tol, compareValues, expectGolden, lib, nnCases, nnFixture, onGpu } from './nn-golden.js';

type Tensor = torch.Tensor;
const { nn, optim } = torch;

// the fixture shapes of packages/nn/test/cases/optim.ts (see nn-golden.ts)
interface OptCase {
  name: string;
  dtype: 'float32' | 'float64';
  groups: boolean;
  opts: Record<string, unknown>;
  init: EncodedResult[];
  steps: { grads: (EncodedResult | null)[]; params: EncodedResult[] }[];
  state: Record<string, Record<string, EncodedResult | number>>;
}
interface SdCase {
  name: string;
  opts: Record<string, unknown>;
  param_groups: Record<string, unknown>[];
  state: Record<string, Record<string, EncodedResult | number>>;
}
interface SchedCase {
  name: string;
  optimizer: 'SGD' | 'Adam';
  optimizer_opts: { lr: number; momentum?: number };
  sequence: { lr: number; momentum?: number; betas?: number[] }[];
  last_lr: number[];
}

interface Cases {
  makeOpt(name: string, params: torch.optim.ParamsInput, opts: Record<string, unknown>): torch.optim.Optimizer;
  makeSched(c: SchedCase, opt: torch.optim.Optimizer): torch.optim.lrScheduler.LRScheduler;
}
const { optimCases } = await nnCases<{ optimCases: (l: typeof lib) => Cases }>('optim');
const { makeOpt, makeSched } = optimCases(lib);
const fx = nnFixture<{ optimizers: OptCase[]; state_dicts: SdCase[]; schedulers: SchedCase[] }>('nn_optim.json');

/**
 * Steps against PyTorch's float32 steps: PyTorch's CPU kernels fuse `a + α·b` and `addcmul`
 * into single-rounding FMAs where WGSL may round the product and the sum apart, and WGSL's
 * division (2.5 ulp) and sqrt (derived from inverseSqrt) are not correctly rounded; a few ulps
 * per step over six steps, through Adam-style divisions by √v, stays within 1e-6 (~16 ulp)
 * relative plus 1e-6 of the parameter's scale.
 */
const F32_STEPS: Tol = { rtol: 1e-6, atol: 1e-6 };

/** Wider than the default for these cases, each with its reason. */
const TOL: Record<string, Tol> = {};

const tolOf = (c: OptCase): Tol => TOL[`${c.name} (${c.dtype})`] ?? (c.dtype === 'float32' ? F32_STEPS : F32);

/** A CPU tensor (optimizer scalar state) equals a golden value. */
function expectCpu(t: Tensor, e: EncodedResult, label: string, tol: Tol): void {
  expect(t.device.type, `${label}: device`).toBe('cpu');
  const err = compareValues(t.contiguous().dataSync(), e.values.map(Number), tol);
  if (err !== null) throw new Error(`${label}: ${err}`);
}

describe.skipIf(!hasGpu)('optimizers vs PyTorch on WebGPU (single-tensor implementation)', () => {
  for (const c of fx.optimizers) {
    it(`${c.name} (${c.dtype})`, async () => {
      const [p1, p2] = c.init.map((e) => new nn.Parameter(onGpu(e))) as [torch.nn.Parameter, torch.nn.Parameter];
      const params = c.groups ? [{ params: [p1] }, { params: [p2], lr: (c.opts.lr as number) * 0.5 }] : [p1, p2];
      const opt = makeOpt(c.name, params, c.opts);
      const tol = tolOf(c);
      for (const [k, s] of c.steps.entries()) {
        opt.zeroGrad();
        p1.grad = onGpu(s.grads[0]!);
        if (s.grads[1] !== null) p2.grad = onGpu(s.grads[1]!);
        opt.step();
        await expectGolden(p1, s.params[0]!, `step ${k} p1`, tol);
        await expectGolden(p2, s.params[1]!, `step ${k} p2`, tol);
      }
      for (const [i, p] of [p1, p2].entries()) {
        const st = opt.state.get(p)!;
        for (const [k, v] of Object.entries(c.state[String(i)]!)) {
          if (typeof v === 'number' || v === null) expect(st[k], `state ${i}.${k}`).toBe(v);
          else if ((st[k] as Tensor).device.type === 'cpu') expectCpu(st[k] as Tensor, v, `state ${i}.${k}`, k === 'step' ? EXACT : tol);
          else await expectGolden(st[k] as Tensor, v, `state ${i}.${k}`, tol);
        }
      }
    });
  }

  it('state dicts have PyTorch layout and load back', async () => {
    const gpu = (v: number[]): Tensor => torch.tensor(v, { dtype: 'float32', device: 'webgpu' });
    for (const c of fx.state_dicts) {
      const p1 = new nn.Parameter(torch.zeros([2], { device: 'webgpu' }));
      const p2 = new nn.Parameter(torch.zeros([3], { device: 'webgpu' }));
      const opt = makeOpt(c.name, [{ params: [p1] }, { params: [p2], lr: 0.5 }], c.opts);
      for (let i = 0; i < 2; i++) {
        p1.grad = gpu([1, 1]);
        p2.grad = gpu([2, 2, 2]);
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
          const label = `${c.name} state ${k}.${name}`;
          if (typeof v === 'number') expect(got, label).toBe(v);
          else if ((got as Tensor).device.type === 'cpu') expectCpu(got as Tensor, v, label, EXACT);
          else await expectGolden(got as Tensor, v, label, F32_STEPS);
        }
      }
      // Round trip into a fresh optimizer: the same next step.
      const q1 = new nn.Parameter(p1.detach().clone());
      const q2 = new nn.Parameter(p2.detach().clone());
      const opt2 = makeOpt(c.name, [{ params: [q1] }, { params: [q2], lr: 0.5 }], c.opts);
      opt2.loadStateDict(sd);
      for (const [p, q, g] of [[p1, q1, [0.5, -1]], [p2, q2, [1, 0, -1]]] as const) {
        p.grad = gpu([...g]);
        q.grad = gpu([...g]);
      }
      opt.step();
      opt2.step();
      expect(Array.from(await q1.data()), c.name).toEqual(Array.from(await p1.data()));
      expect(Array.from(await q2.data()), c.name).toEqual(Array.from(await p2.data()));
    }
  });
});

describe.skipIf(!hasGpu)('lr schedulers vs PyTorch, driving an optimizer on WebGPU', () => {
  for (const c of fx.schedulers) {
    it(c.name, () => {
      const p = new nn.Parameter(torch.zeros([2], { device: 'webgpu' }));
      const oo = c.optimizer_opts;
      const opt = c.optimizer === 'SGD' ? new optim.SGD([p], { lr: oo.lr, momentum: oo.momentum }) : new optim.Adam([p], { lr: oo.lr });
      const sched = makeSched(c, opt);
      const snap = (): Record<string, unknown> => {
        const g = opt.paramGroups[0]!;
        const e: Record<string, unknown> = { lr: g.lr };
        if (c.sequence[0]!.momentum !== undefined) e.momentum = g.momentum;
        if (c.sequence[0]!.betas !== undefined) e.betas = g.betas;
        return e;
      };
      const seq = [snap()];
      for (let i = 1; i < c.sequence.length; i++) {
        p.grad = torch.zeros([2], { device: 'webgpu' });
        opt.step();
        sched.step();
        seq.push(snap());
      }
      expect(seq).toEqual(c.sequence);
      expect(sched.getLastLr()).toEqual(c.last_lr);
    });
  }
});
