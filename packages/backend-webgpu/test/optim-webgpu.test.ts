// Every optimizer steps WebGPU parameters without reading the device (a synchronous read
// there throws), inside `tidy`, giving the CPU run's parameters; scalar state stays on the
// CPU (PyTorch 1.13's non-capturable layout); a CPU optimizer's state dict loads onto
// WebGPU parameters; and the calls that must read a device value name their async forms.
// (nn-optim-golden.test.ts checks the same optimizers against PyTorch's recorded steps.)
import type { DeviceLike } from '@antorcha/core';
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { webgpu } from '../src/index.js';
import { expectMatchesCpu } from './compare.js';
import { hasGpu } from './gpu.js';

type Tensor = torch.Tensor;
const { nn, optim } = torch;

/** Two parameters on `device` and a quadratic loss of them (the same values on every device). */
function problem(device: DeviceLike): { params: torch.nn.Parameter[]; loss: () => Tensor } {
  const w = new nn.Parameter(torch.tensor([[0.5, -1.0], [2.0, 0.25]]).to(device));
  const b = new nn.Parameter(torch.tensor([0.1, -0.2]).to(device));
  const x = torch.tensor([[1.0, 2.0], [-1.0, 0.5], [0.3, 0.3]]).to(device);
  const y = torch.tensor([[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]]).to(device);
  return { params: [w, b], loss: () => x.matmul(w).add(b).sub(y).square().mean() };
}

type Make = (p: torch.nn.Parameter[]) => torch.optim.Optimizer;

/** Each optimizer with its options, and the float32 tolerance of 4 steps on WebGPU against the CPU. */
const CASES: [string, Make, { rtol: number; atol: number }][] = [
  // plain updates: WGSL rounds a·b + c in two steps where the CPU fuses them; a few ulps
  ['SGD nesterov wd', (p) => new optim.SGD(p, { lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01 }), { rtol: 1e-5, atol: 1e-6 }],
  ['SGD maximize', (p) => new optim.SGD(p, { lr: 0.1, maximize: true }), { rtol: 1e-5, atol: 1e-6 }],
  // divisions by √v (WGSL's sqrt and division are within 3 and 2.5 ulp): a few ulps more per step
  ['Adam amsgrad', (p) => new optim.Adam(p, { lr: 0.05, amsgrad: true, weightDecay: 0.01 }), { rtol: 1e-5, atol: 1e-6 }],
  ['AdamW', (p) => new optim.AdamW(p, { lr: 0.05 }), { rtol: 1e-5, atol: 1e-6 }],
  ['Adamax', (p) => new optim.Adamax(p, { lr: 0.05, weightDecay: 0.01 }), { rtol: 1e-5, atol: 1e-6 }],
  ['NAdam', (p) => new optim.NAdam(p, { lr: 0.05, weightDecay: 0.01 }), { rtol: 1e-5, atol: 1e-6 }],
  ['RAdam', (p) => new optim.RAdam(p, { lr: 0.05 }), { rtol: 1e-5, atol: 1e-6 }],
  ['Adagrad', (p) => new optim.Adagrad(p, { lr: 0.1, lrDecay: 0.01, initialAccumulatorValue: 0.1 }), { rtol: 1e-5, atol: 1e-6 }],
  ['Adadelta', (p) => new optim.Adadelta(p, { lr: 1, weightDecay: 0.01 }), { rtol: 1e-5, atol: 1e-6 }],
  ['RMSprop centered momentum', (p) => new optim.RMSprop(p, { lr: 0.01, centered: true, momentum: 0.5 }), { rtol: 1e-5, atol: 1e-6 }],
  ['Rprop', (p) => new optim.Rprop(p, { lr: 0.05 }), { rtol: 1e-5, atol: 1e-6 }],
  ['ASGD averaging', (p) => new optim.ASGD(p, { lr: 0.05, t0: 1 }), { rtol: 1e-5, atol: 1e-6 }],
];

/** State PyTorch 1.13 keeps as CPU tensors for non-capturable optimizers. */
const HOST_KEYS = new Set(['step', 'mu_product', 'eta', 'mu']);

/** Runs `steps` steps of `make`'s optimizer on `device`, each inside its own tidy. */
function run(device: DeviceLike, make: Make, steps: number, memory?: number[]): { params: torch.nn.Parameter[]; opt: torch.optim.Optimizer; loss: () => Tensor } {
  const { params, loss } = problem(device);
  const opt = make(params);
  for (let i = 0; i < steps; i++) {
    step(opt, loss);
    memory?.push(webgpu.memoryAllocated());
  }
  return { params, opt, loss };
}

/** One training step inside its own tidy. */
function step(opt: torch.optim.Optimizer, loss: () => Tensor): void {
  torch.tidy(() => {
    opt.zeroGrad();
    loss().backward();
    opt.step();
  });
}

describe.skipIf(!hasGpu)('optimizers on WebGPU parameters', () => {
  for (const [name, make, tol] of CASES) {
    it(`${name}: steps inside tidy without a synchronous read give the CPU run`, async () => {
      const memory: number[] = [];
      const gpu = run('webgpu', make, 4, memory);
      const cpu = run('cpu', make, 4);
      for (const [i, p] of gpu.params.entries()) await expectMatchesCpu(p, cpu.params[i]!, tol, `${name} parameter ${i}`);
      for (const [i, p] of gpu.params.entries()) {
        const st = gpu.opt.state.get(p)!;
        const cst = cpu.opt.state.get(cpu.params[i]!)!;
        for (const [k, v] of Object.entries(st)) {
          if (!(v instanceof torch.Tensor)) {
            expect(v, `${name} state ${k}`).toEqual(cst[k]);
            continue;
          }
          if (HOST_KEYS.has(k)) {
            expect(v.device.type, `${name} state ${k}`).toBe('cpu');
            expect([...v.dataSync()], `${name} state ${k}`).toEqual([...(cst[k] as Tensor).dataSync()]);
          } else await expectMatchesCpu(v, cst[k] as Tensor, tol, `${name} state ${k}`);
        }
      }
      // after the first step nothing more is held: the state was made once, each step's temporaries freed
      expect(new Set(memory.slice(1)).size, `${name} memory per step ${memory.join(', ')}`).toBe(1);
    });
  }

  it('LBFGS.step on WebGPU throws naming stepAsync, before calling the closure; stepAsync gives the CPU run', async () => {
    const lbfgs = (p: torch.nn.Parameter[]) => new optim.LBFGS(p, { lineSearchFn: 'strong_wolfe', maxIter: 5 });
    const gpu = problem('webgpu');
    const opt = lbfgs(gpu.params);
    let calls = 0;
    const closure = (): Tensor => {
      calls++;
      opt.zeroGrad();
      const l = gpu.loss();
      l.backward();
      return l;
    };
    expect(() => opt.step(closure)).toThrow(torch.TorchRuntimeError);
    expect(() => opt.step(closure)).toThrow(
      "LBFGS.step(): the loss and the values L-BFGS branches on are on 'webgpu:0', which can only be read asynchronously; use await optimizer.stepAsync(closure)",
    );
    expect(calls).toBe(0);
    const cpu = problem('cpu');
    const copt = lbfgs(cpu.params);
    const cclosure = (): Tensor => {
      copt.zeroGrad();
      const l = cpu.loss();
      l.backward();
      return l;
    };
    // one step (five iterations): the line search branches on float32 values that the device
    // rounds differently, so a longer run may take another branch near the optimum (on this
    // problem the second step stops one iteration apart); the first takes the CPU's path
    await opt.stepAsync(closure);
    copt.step(cclosure);
    const [gst, cst] = [opt.state.get(gpu.params[0]!)!, copt.state.get(cpu.params[0]!)!];
    expect([gst.func_evals, gst.n_iter]).toEqual([cst.func_evals, cst.n_iter]);
    // five quasi-Newton iterations solve with curvature pairs built from float32 dot products
    // (H_diag agrees to 2e-8): the solve multiplies that by the problem's conditioning
    for (const [i, p] of gpu.params.entries()) await expectMatchesCpu(p, cpu.params[i]!, { rtol: 1e-5, atol: 1e-5 }, `LBFGS parameter ${i}`);
  });

  it('a CPU optimizer’s state dict loads onto WebGPU parameters: tensors on the device, scalars on the CPU', async () => {
    for (const make of [CASES[2]![1], CASES[5]![1], CASES[11]![1]]) {
      const cpu = run('cpu', make, 2);
      const sd = cpu.opt.stateDict();
      const { params, loss } = problem('webgpu');
      // the same parameters as the CPU's after its two steps
      params.forEach((p, i) => torch.noGrad(() => p.copy_(cpu.params[i]!.to('webgpu'))));
      const opt = make(params);
      torch.tidy(() => opt.loadStateDict(sd));
      for (const st of opt.state.values()) {
        for (const [k, v] of Object.entries(st)) if (v instanceof torch.Tensor) expect(v.device.type, k).toBe(HOST_KEYS.has(k) ? 'cpu' : 'webgpu');
      }
      step(opt, loss);
      step(cpu.opt, cpu.loss);
      for (const [i, p] of params.entries()) await expectMatchesCpu(p, cpu.params[i]!, { rtol: 1e-5, atol: 1e-6 }, `parameter ${i} after loading`);
    }
  });

  it('ReduceLROnPlateau.step with a WebGPU metric throws naming itemAsync; its value steps the scheduler', async () => {
    const { params } = problem('webgpu');
    const opt = new optim.SGD(params, { lr: 0.1 });
    const sched = new optim.lrScheduler.ReduceLROnPlateau(opt, { patience: 0, factor: 0.5 });
    const metric = torch.tensor(1.0).to('webgpu');
    expect(() => sched.step(metric)).toThrow(
      "ReduceLROnPlateau.step(): the metric is a tensor on 'webgpu:0', which can only be read asynchronously; pass its value: scheduler.step(await metric.itemAsync())",
    );
    sched.step((await metric.itemAsync()) as number);
    sched.step((await metric.itemAsync()) as number);
    expect(opt.paramGroups[0]!.lr).toBe(0.05);
  });
});
