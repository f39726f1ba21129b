/**
 * `optim.lrScheduler`: `StepLR`, `MultiStepLR`, `ExponentialLR`,
 * `CosineAnnealingLR`, `LinearLR`, `OneCycleLR`, `LambdaLR`, `MultiplicativeLR`,
 * `ConstantLR`, `PolynomialLR`, `CosineAnnealingWarmRestarts`, `ReduceLROnPlateau`, `SequentialLR`,
 * `ChainedScheduler` — PyTorch's recursive
 * ("chainable") formulas, evaluated in float64 as Python does (cosines
 * correctly rounded, as glibc's are in practice).
 */
import { Tensor, TorchRuntimeError, TorchTypeError, TorchValueError, expectInt, expectNumber, pyTypeName } from '@antorcha/core';
import { crCos, crPowInt } from '@antorcha/rng';
import { type ArgKind, checkArg, checkArgs, checkOptions, refuseAbstract } from '../layers/_util.js';
import { Optimizer } from './optimizer.js';

/** Checks the optimizer and `last_epoch` every scheduler takes (before it touches the groups). */
function checkScheduler(op: string, optimizer: unknown, lastEpoch: unknown): asserts optimizer is Optimizer {
  if (!(optimizer instanceof Optimizer)) throw new TorchTypeError(op, `${pyTypeName(optimizer)} is not an Optimizer`);
  checkArg(op, 'last_epoch', undefined, lastEpoch, 'int');
  if (lastEpoch !== -1) {
    optimizer.paramGroups.forEach((g, i) => {
      if (g.initialLr === undefined) throw new TorchRuntimeError(op, `param 'initial_lr' is not specified in param_groups[${i}] when resuming an optimizer`);
    });
  }
}

/** One number per group, or the same for all (PyTorch's `_format_param`); a list must have one per group. */
function perGroupValues(op: string, optimizer: Optimizer, name: string, v: unknown): number[] {
  const n = optimizer.paramGroups.length;
  if (Array.isArray(v)) {
    if (v.length !== n) throw new TorchValueError(op, `expected ${n} values for ${name}, got ${v.length}`);
    v.forEach((x: unknown, i) => {
      if (typeof x !== 'number') throw new TorchTypeError(op, `${op}(): argument '${name}' must be a float or a list of floats, but found ${pyTypeName(x)} at pos ${i + 1}`);
    });
    return [...(v as number[])];
  }
  if (typeof v !== 'number') throw new TorchTypeError(op, `${op}(): argument '${name}' must be a float or a list of floats, not ${pyTypeName(v)}`);
  return new Array<number>(n).fill(v);
}

/** An optional epoch given to `step`: a number, or null/undefined for "the next one". */
function checkEpoch(op: string, epoch: unknown): void {
  if (epoch !== undefined && epoch !== null) checkArg(op, 'epoch', 1, epoch, 'number');
}

/**
 * Base of the schedulers (PyTorch's `_LRScheduler`): sets `initialLr` on every
 * group, and takes the initial step (epoch 0) on construction.
 */
export abstract class LRScheduler {
  /** The scheduled optimizer. */
  readonly optimizer: Optimizer;
  /** Each group's initial learning rate. */
  baseLrs: number[];
  /** Index of the last epoch (step) taken; −1 before construction finishes. */
  lastEpoch: number;
  /** @internal Steps taken (PyTorch's `_step_count`). */
  _stepCount = 0;
  /** @internal */
  _lastLr: number[] = [];

  /**
   * @param optimizer the scheduled optimizer
   * @param lastEpoch index of the last epoch taken (default −1: start afresh)
   */
  constructor(optimizer: Optimizer, lastEpoch = -1) {
    refuseAbstract(new.target, LRScheduler, 'LRScheduler');
    checkScheduler(new.target.name, optimizer, lastEpoch);
    this.optimizer = optimizer;
    if (lastEpoch === -1) {
      for (const g of optimizer.paramGroups) if (g.initialLr === undefined) g.initialLr = g.lr;
    }
    this.baseLrs = optimizer.paramGroups.map((g) => g.initialLr as number);
    this.lastEpoch = lastEpoch;
  }

  /** @internal Called at the end of every subclass constructor (PyTorch's `_initial_step`). */
  protected initialStep(): void {
    this.optimizer._stepCount = 0;
    this._stepCount = 0;
    this.step();
  }

  /** The learning rates for `lastEpoch` (chainable form: from the groups' current rates). */
  protected abstract getLr(): number[];

  /**
   * The rates at `lastEpoch` from the base rates alone (PyTorch's `_get_closed_form_lr`),
   * for schedulers that have one; used by `step(epoch)`.
   */
  protected closedFormLr?(): number[];

  /** @internal The constructor's initial step, for schedulers that drive others (SequentialLR). */
  _initialStep(): void {
    this.initialStep();
  }

  /**
   * Advances one epoch and writes the new learning rates into the groups. With `epoch`
   * (deprecated in PyTorch, used by SequentialLR), jumps there and uses the closed form.
   */
  step(epoch?: number | null): void {
    checkEpoch(`${this.constructor.name}.step`, epoch);
    this._stepCount++;
    let values: number[];
    if (epoch === undefined || epoch === null) {
      this.lastEpoch++;
      values = this.getLr();
    } else {
      this.lastEpoch = epoch;
      values = this.closedFormLr ? this.closedFormLr() : this.getLr();
    }
    this.optimizer.paramGroups.forEach((g, i) => (g.lr = values[i]!));
    this._lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  /** The learning rates the last `step()` set. */
  getLastLr(): number[] {
    return [...this._lastLr];
  }

  /** The scheduler's state (everything but the optimizer), with PyTorch's key names. */
  stateDict(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) {
      if (k === 'optimizer') continue;
      const key = k.startsWith('_') ? `_${k.slice(1).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}` : k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      out[key] = Array.isArray(v) ? [...v] : v;
    }
    return out;
  }

  /** Restores a state from {@link stateDict}. */
  loadStateDict(sd: Record<string, unknown>): void {
    if (sd === null || typeof sd !== 'object') throw new TorchTypeError('load_state_dict', `scheduler state dict must be an object, not ${pyTypeName(sd)}`);
    for (const [k, v] of Object.entries(sd)) {
      const camel = k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
      const key = k.startsWith('_') ? `_${camel.slice(1).replace(/^([A-Z])/, (c) => c.toLowerCase())}` : camel;
      (this as Record<string, unknown>)[key] = Array.isArray(v) ? [...v] : v;
    }
  }

  /** @internal */
  protected lrs(): number[] {
    return this.optimizer.paramGroups.map((g) => g.lr);
  }
}

/**
 * Multiplies the learning rate by `gamma` every `stepSize` epochs.
 * @example
 * ```ts pytorch=nn.lrScheduler.StepLR
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 1 });
 * const sched = new torch.optim.lrScheduler.StepLR(opt, 2, 0.1); // × 0.1 every 2 epochs
 * const lrs = [];
 * for (let epoch = 0; epoch < 6; epoch++) { lrs.push(opt.paramGroups[0]!.lr); opt.step(); sched.step(); }
 * console.log(torch.tensor(lrs));
 * ```
 * ```text
 * tensor([1.0000, 1.0000, 0.1000, 0.1000, 0.0100, 0.0100])
 * ```
 */
export class StepLR extends LRScheduler {
  constructor(
    optimizer: Optimizer,
    /** Epochs between decays. */
    readonly stepSize: number,
    /** Decay factor (default 0.1). */
    readonly gamma = 0.1,
    lastEpoch = -1,
  ) {
    checkScheduler('StepLR', optimizer, lastEpoch);
    expectInt('StepLR', 'step_size', 2, stepSize);
    expectNumber('StepLR', 'gamma', 3, gamma);
    if (stepSize <= 0) throw new TorchValueError('StepLR', `StepLR(): argument 'step_size' (position 2) must be a positive integer, got ${stepSize}`);
    super(optimizer, lastEpoch);
    this.initialStep();
  }
  protected override getLr(): number[] {
    if (this.lastEpoch === 0 || this.lastEpoch % this.stepSize !== 0) return this.lrs();
    return this.lrs().map((lr) => lr * this.gamma);
  }
  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => b * crPowInt(this.gamma, Math.floor(this.lastEpoch / this.stepSize)));
  }
}

/**
 * Multiplies the learning rate by `gamma` at each milestone epoch.
 * @example
 * ```ts pytorch=nn.lrScheduler.MultiStepLR
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 1 });
 * const sched = new torch.optim.lrScheduler.MultiStepLR(opt, [2, 4], 0.1);
 * const lrs = [];
 * for (let epoch = 0; epoch < 6; epoch++) { lrs.push(opt.paramGroups[0]!.lr); opt.step(); sched.step(); }
 * console.log(torch.tensor(lrs));
 * ```
 * ```text
 * tensor([1.0000, 1.0000, 0.1000, 0.1000, 0.0100, 0.0100])
 * ```
 */
export class MultiStepLR extends LRScheduler {
  /** Milestone → how many times it was listed. */
  readonly milestones: Map<number, number>;
  constructor(
    optimizer: Optimizer,
    milestones: readonly number[],
    /** Decay factor (default 0.1). */
    readonly gamma = 0.1,
    lastEpoch = -1,
  ) {
    checkScheduler('MultiStepLR', optimizer, lastEpoch);
    checkArgs('MultiStepLR', [
      ['optimizer', optimizer, 'any'],
      ['milestones', milestones, 'ints'],
      ['gamma', gamma, 'number'],
    ]);
    if (!Array.isArray(milestones)) throw new TorchTypeError('MultiStepLR', `MultiStepLR(): argument 'milestones' (position 2) must be a list of ints, not ${pyTypeName(milestones)}`);
    super(optimizer, lastEpoch);
    this.milestones = new Map();
    for (const m of milestones) this.milestones.set(m, (this.milestones.get(m) ?? 0) + 1);
    this.initialStep();
  }
  protected override getLr(): number[] {
    const n = this.milestones.get(this.lastEpoch);
    if (n === undefined) return this.lrs();
    return this.lrs().map((lr) => lr * crPowInt(this.gamma, n));
  }
  protected override closedFormLr(): number[] {
    let passed = 0; // bisect_right over the milestones listed with multiplicity
    for (const [m, count] of this.milestones) if (m <= this.lastEpoch) passed += count;
    return this.baseLrs.map((b) => b * crPowInt(this.gamma, passed));
  }
}

/**
 * Multiplies the learning rate by `gamma` every epoch.
 * @example
 * ```ts pytorch=nn.lrScheduler.ExponentialLR
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 1 });
 * const sched = new torch.optim.lrScheduler.ExponentialLR(opt, 0.5);
 * for (let epoch = 0; epoch < 3; epoch++) { opt.step(); sched.step(); }
 * console.log(sched.getLastLr()[0]);
 * ```
 * ```text
 * 0.125
 * ```
 */
export class ExponentialLR extends LRScheduler {
  constructor(
    optimizer: Optimizer,
    /** Decay factor. */
    readonly gamma: number,
    lastEpoch = -1,
  ) {
    checkScheduler('ExponentialLR', optimizer, lastEpoch);
    checkArg('ExponentialLR', 'gamma', 2, gamma, 'number');
    super(optimizer, lastEpoch);
    this.initialStep();
  }
  protected override getLr(): number[] {
    if (this.lastEpoch === 0) return this.lrs();
    return this.lrs().map((lr) => lr * this.gamma);
  }
  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => b * crPowInt(this.gamma, this.lastEpoch));
  }
}

/**
 * Cosine annealing from the initial rate to `etaMin` over `tMax` epochs (SGDR without restarts).
 * @example
 * ```ts pytorch=nn.lrScheduler.CosineAnnealingLR
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 0.1 });
 * const sched = new torch.optim.lrScheduler.CosineAnnealingLR(opt, 4);
 * const lrs = [];
 * for (let epoch = 0; epoch < 5; epoch++) { lrs.push(opt.paramGroups[0]!.lr); opt.step(); sched.step(); }
 * console.log(torch.tensor(lrs));
 * ```
 * ```text
 * tensor([0.1000, 0.0854, 0.0500, 0.0146, 0.0000])
 * ```
 */
export class CosineAnnealingLR extends LRScheduler {
  constructor(
    optimizer: Optimizer,
    /** Half-period in epochs. */
    readonly tMax: number,
    /** Minimum learning rate (default 0). */
    readonly etaMin = 0,
    lastEpoch = -1,
  ) {
    checkScheduler('CosineAnnealingLR', optimizer, lastEpoch);
    checkArg('CosineAnnealingLR', 'T_max', 2, tMax, 'number');
    checkArg('CosineAnnealingLR', 'eta_min', 3, etaMin, 'number');
    if (!(tMax > 0)) throw new TorchValueError('CosineAnnealingLR', `CosineAnnealingLR(): argument 'T_max' (position 2) must be positive, got ${tMax}`);
    super(optimizer, lastEpoch);
    this.initialStep();
  }
  protected override getLr(): number[] {
    const e = this.lastEpoch;
    const T = this.tMax;
    const m = this.etaMin;
    if (e === 0) return this.lrs();
    if (this._stepCount === 1 && e > 0) return this.baseLrs.map((b) => m + ((b - m) * (1 + crCos((e * Math.PI) / T))) / 2);
    if ((((e - 1 - T) % (2 * T)) + 2 * T) % (2 * T) === 0) {
      return this.optimizer.paramGroups.map((g, i) => g.lr + ((this.baseLrs[i]! - m) * (1 - crCos(Math.PI / T))) / 2);
    }
    return this.lrs().map((lr) => ((1 + crCos((Math.PI * e) / T)) / (1 + crCos((Math.PI * (e - 1)) / T))) * (lr - m) + m);
  }
  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => this.etaMin + ((b - this.etaMin) * (1 + crCos((Math.PI * this.lastEpoch) / this.tMax))) / 2);
  }
}

/**
 * Scales the learning rate linearly from `startFactor` to `endFactor` over `totalIters` epochs.
 * @example
 * ```ts pytorch=nn.lrScheduler.LinearLR
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 1 });
 * const sched = new torch.optim.lrScheduler.LinearLR(opt, 0.2, 1, 4);
 * const lrs = [];
 * for (let epoch = 0; epoch < 6; epoch++) { lrs.push(opt.paramGroups[0]!.lr); opt.step(); sched.step(); }
 * console.log(torch.tensor(lrs));
 * ```
 * ```text
 * tensor([0.2000, 0.4000, 0.6000, 0.8000, 1.0000, 1.0000])
 * ```
 */
export class LinearLR extends LRScheduler {
  /** Factor at epoch 0. */
  readonly startFactor: number;
  /** Factor from `totalIters` on. */
  readonly endFactor: number;
  /** Epochs of the ramp. */
  readonly totalIters: number;
  /**
   * @param startFactor factor at epoch 0 (default 1/3)
   * @param endFactor factor from `totalIters` on (default 1)
   * @param totalIters epochs of the ramp (default 5)
   */
  constructor(optimizer: Optimizer, startFactor = 1.0 / 3, endFactor = 1.0, totalIters = 5, lastEpoch = -1) {
    checkScheduler('LinearLR', optimizer, lastEpoch);
    checkArgs('LinearLR', [
      ['optimizer', optimizer, 'any'],
      ['start_factor', startFactor, 'number'],
      ['end_factor', endFactor, 'number'],
      ['total_iters', totalIters, 'int'],
    ]);
    if (startFactor > 1.0 || startFactor < 0) throw new TorchValueError('LinearLR', 'Starting multiplicative factor expected to be between 0 and 1.');
    if (endFactor > 1.0 || endFactor < 0) throw new TorchValueError('LinearLR', 'Ending multiplicative factor expected to be between 0 and 1.');
    super(optimizer, lastEpoch);
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
    this.initialStep();
  }
  protected override getLr(): number[] {
    const e = this.lastEpoch;
    if (e === 0) return this.lrs().map((lr) => lr * this.startFactor);
    if (e > this.totalIters) return this.lrs();
    const d = this.endFactor - this.startFactor;
    return this.lrs().map((lr) => lr * (1 + d / (this.totalIters * this.startFactor + (e - 1) * d)));
  }
  protected override closedFormLr(): number[] {
    const T = this.totalIters;
    return this.baseLrs.map((b) => b * (this.startFactor + ((this.endFactor - this.startFactor) * Math.min(T, this.lastEpoch)) / T));
  }
}

const MOMENTUM_KIND: ArgKind = 'any'; // a number or one per group, checked by perGroupValues

const ONE_CYCLE_OPTIONS: Readonly<Record<string, ArgKind>> = {
  totalSteps: 'int',
  epochs: 'int',
  stepsPerEpoch: 'int',
  pctStart: 'number',
  annealStrategy: 'string',
  cycleMomentum: 'bool',
  baseMomentum: MOMENTUM_KIND,
  maxMomentum: MOMENTUM_KIND,
  divFactor: 'number',
  finalDivFactor: 'number',
  threePhase: 'bool',
  lastEpoch: 'int',
};

/** Options of {@link OneCycleLR}. */
export interface OneCycleLROptions {
  /** Total steps (or give `epochs` and `stepsPerEpoch`). */
  totalSteps?: number;
  /** Epochs (with `stepsPerEpoch`). */
  epochs?: number;
  /** Steps per epoch (with `epochs`). */
  stepsPerEpoch?: number;
  /** Fraction of the cycle spent increasing the rate (default 0.3). */
  pctStart?: number;
  /** `'cos'` (default) or `'linear'`. */
  annealStrategy?: 'cos' | 'linear';
  /** Cycle momentum (or Adam's β1) inversely (default true). */
  cycleMomentum?: boolean;
  /** Lowest momentum (default 0.85). */
  baseMomentum?: number;
  /** Highest momentum (default 0.95). */
  maxMomentum?: number;
  /** initial_lr = max_lr / divFactor (default 25). */
  divFactor?: number;
  /** min_lr = initial_lr / finalDivFactor (default 1e4). */
  finalDivFactor?: number;
  /** Three phases instead of two (default false). */
  threePhase?: boolean;
  /** Resume index (default −1). */
  lastEpoch?: number;
}

interface Phase {
  endStep: number;
  startLr: string;
  endLr: string;
  startMomentum: string;
  endMomentum: string;
}

/**
 * The 1cycle policy (Smith & Topin): warm up to `maxLr`, then anneal far below the start.
 * @example
 * ```ts pytorch=nn.lrScheduler.OneCycleLR
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 0.1, momentum: 0.9 });
 * const sched = new torch.optim.lrScheduler.OneCycleLR(opt, 1, { totalSteps: 6 });
 * const lrs = [];
 * for (let step = 0; step < 6; step++) { lrs.push(opt.paramGroups[0]!.lr); opt.step(); sched.step(); }
 * console.log(torch.tensor(lrs));
 * ```
 * ```text
 * tensor([4.0000e-02, 9.9442e-01, 8.1175e-01, 4.6264e-01, 1.3348e-01, 4.0000e-06])
 * ```
 */
export class OneCycleLR extends LRScheduler {
  /** Steps in the cycle. */
  readonly totalSteps: number;
  /** @internal */
  readonly _schedulePhases: Phase[];
  /** `'cos'` or `'linear'`. */
  readonly annealStrategy: 'cos' | 'linear';
  /** Whether momentum cycles. */
  readonly cycleMomentum: boolean;
  /** Whether Adam's β1 plays the momentum. */
  readonly useBeta1: boolean;

  /**
   * @param optimizer the scheduled optimizer
   * @param maxLr the peak rate (one, or one per group)
   * @param opts the cycle's length (`totalSteps`, or `epochs` and `stepsPerEpoch`) and shape
   */
  constructor(optimizer: Optimizer, maxLr: number | readonly number[], opts: OneCycleLROptions = {}) {
    const op = 'OneCycleLR';
    opts = checkOptions(op, opts, ONE_CYCLE_OPTIONS, 3);
    const lastEpoch = opts.lastEpoch ?? -1;
    checkScheduler(op, optimizer, lastEpoch);
    let total: number;
    if (opts.totalSteps === undefined && opts.epochs === undefined && opts.stepsPerEpoch === undefined) {
      throw new TorchValueError(op, 'You must define either total_steps OR (epochs AND steps_per_epoch)');
    } else if (opts.totalSteps !== undefined) {
      if (opts.totalSteps <= 0 || !Number.isInteger(opts.totalSteps)) throw new TorchValueError(op, `Expected positive integer total_steps, but got ${opts.totalSteps}`);
      total = opts.totalSteps;
    } else {
      const e = opts.epochs ?? 0;
      const s = opts.stepsPerEpoch ?? 0;
      if (e <= 0 || !Number.isInteger(e)) throw new TorchValueError(op, `Expected positive integer epochs, but got ${e}`);
      if (s <= 0 || !Number.isInteger(s)) throw new TorchValueError(op, `Expected positive integer steps_per_epoch, but got ${s}`);
      total = e * s;
    }
    const pct = opts.pctStart ?? 0.3;
    if (pct < 0 || pct > 1) throw new TorchValueError(op, `Expected float between 0 and 1 pct_start, but got ${pct}`);
    const anneal = opts.annealStrategy ?? 'cos';
    if (anneal !== 'cos' && anneal !== 'linear') throw new TorchValueError(op, `anneal_strategy must by one of 'cos' or 'linear', instead got ${String(anneal)}`);
    const groups = optimizer.paramGroups;
    const divFactor = opts.divFactor ?? 25;
    const finalDiv = opts.finalDivFactor ?? 1e4;
    const maxLrs = perGroupValues(op, optimizer, 'max_lr', maxLr);
    const cycle = opts.cycleMomentum ?? true;
    let useBeta1 = false;
    let maxM: number[] = [];
    let baseM: number[] = [];
    if (cycle) {
      const d = optimizer.defaults;
      if (!('momentum' in d) && !('betas' in d)) throw new TorchValueError(op, 'optimizer must support momentum with `cycle_momentum` option enabled');
      useBeta1 = 'betas' in d;
      maxM = perGroupValues(op, optimizer, 'max_momentum', opts.maxMomentum ?? 0.95);
      baseM = perGroupValues(op, optimizer, 'base_momentum', opts.baseMomentum ?? 0.85);
    }
    // every argument is checked: only now are the groups written
    if (lastEpoch === -1) {
      maxLrs.forEach((m, i) => {
        const g = groups[i]!;
        g.initialLr = m / divFactor;
        g.maxLr = m;
        g.minLr = g.initialLr / finalDiv;
      });
      if (cycle) {
        groups.forEach((g, i) => {
          if (useBeta1) g.betas = [maxM[i]!, ...(g.betas as number[]).slice(1)];
          else g.momentum = maxM[i]!;
          g.maxMomentum = maxM[i]!;
          g.baseMomentum = baseM[i]!;
        });
      }
    }
    super(optimizer, lastEpoch);
    this.totalSteps = total;
    this.annealStrategy = anneal;
    this.cycleMomentum = cycle;
    this.useBeta1 = useBeta1;
    this._schedulePhases = opts.threePhase
      ? [
          { endStep: pct * total - 1, startLr: 'initialLr', endLr: 'maxLr', startMomentum: 'maxMomentum', endMomentum: 'baseMomentum' },
          { endStep: 2 * pct * total - 2, startLr: 'maxLr', endLr: 'initialLr', startMomentum: 'baseMomentum', endMomentum: 'maxMomentum' },
          { endStep: total - 1, startLr: 'initialLr', endLr: 'minLr', startMomentum: 'maxMomentum', endMomentum: 'maxMomentum' },
        ]
      : [
          { endStep: pct * total - 1, startLr: 'initialLr', endLr: 'maxLr', startMomentum: 'maxMomentum', endMomentum: 'baseMomentum' },
          { endStep: total - 1, startLr: 'maxLr', endLr: 'minLr', startMomentum: 'baseMomentum', endMomentum: 'maxMomentum' },
        ];
    this.initialStep();
  }

  private anneal(start: number, end: number, pct: number): number {
    if (this.annealStrategy === 'linear') return (end - start) * pct + start;
    const cosOut = crCos(Math.PI * pct) + 1;
    return end + ((start - end) / 2.0) * cosOut;
  }

  protected override getLr(): number[] {
    const stepNum = this.lastEpoch;
    if (stepNum > this.totalSteps) throw new TorchValueError('OneCycleLR', `Tried to step ${stepNum} times. The specified number of total steps is ${this.totalSteps}`);
    return this.optimizer.paramGroups.map((g) => {
      let startStep = 0;
      let lr = 0;
      let momentum = 0;
      for (let i = 0; i < this._schedulePhases.length; i++) {
        const ph = this._schedulePhases[i]!;
        const endStep = ph.endStep;
        if (stepNum <= endStep || i === this._schedulePhases.length - 1) {
          const pct = (stepNum - startStep) / (endStep - startStep);
          lr = this.anneal(g[ph.startLr] as number, g[ph.endLr] as number, pct);
          if (this.cycleMomentum) momentum = this.anneal(g[ph.startMomentum] as number, g[ph.endMomentum] as number, pct);
          break;
        }
        startStep = ph.endStep;
      }
      if (this.cycleMomentum) {
        if (this.useBeta1) g.betas = [momentum, ...(g.betas as number[]).slice(1)];
        else g.momentum = momentum;
      }
      return lr;
    });
  }
}

/** One lambda for every group, or one per group (PyTorch's check and message). */
function lambdasFor(optimizer: Optimizer, lrLambda: ((epoch: number) => number) | ((epoch: number) => number)[], op: string): ((epoch: number) => number)[] {
  const n = optimizer.paramGroups.length;
  const fns = Array.isArray(lrLambda) ? lrLambda : new Array<(epoch: number) => number>(n).fill(lrLambda);
  if (fns.length !== n) throw new TorchValueError(op, `Expected ${n} lr_lambdas, but got ${fns.length}`);
  fns.forEach((f: unknown) => {
    if (typeof f !== 'function') throw new TorchTypeError(op, `${op}(): argument 'lr_lambda' (position 2) must be a function or a list of functions, but got ${pyTypeName(f)}`);
  });
  return fns.map((f) => (epoch: number) => {
    const r = f(epoch) as unknown;
    if (typeof r !== 'number') throw new TorchTypeError(op, `${op}: lr_lambda must return a number, but returned ${pyTypeName(r)}`);
    return r;
  });
}

/**
 * lr = base_lr · lrLambda(epoch).
 * @example
 * ```ts pytorch=nn.lrScheduler.LambdaLR
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 0.1 });
 * const sched = new torch.optim.lrScheduler.LambdaLR(opt, (epoch) => 1 / (epoch + 1));
 * const lrs = [];
 * for (let epoch = 0; epoch < 4; epoch++) { lrs.push(opt.paramGroups[0]!.lr); opt.step(); sched.step(); }
 * console.log(torch.tensor(lrs));
 * ```
 * ```text
 * tensor([0.1000, 0.0500, 0.0333, 0.0250])
 * ```
 */
export class LambdaLR extends LRScheduler {
  /** @internal One lambda per group. */
  readonly lrLambdas: ((epoch: number) => number)[];
  /**
   * @param optimizer the scheduled optimizer
   * @param lrLambda the factor of each epoch (one function, or one per group)
   * @param lastEpoch index of the last epoch taken (default −1)
   */
  constructor(optimizer: Optimizer, lrLambda: ((epoch: number) => number) | ((epoch: number) => number)[], lastEpoch = -1) {
    checkScheduler('LambdaLR', optimizer, lastEpoch);
    const lambdas = lambdasFor(optimizer, lrLambda, 'LambdaLR');
    super(optimizer, lastEpoch);
    this.lrLambdas = lambdas;
    this.initialStep();
  }
  protected override getLr(): number[] {
    return this.baseLrs.map((b, i) => b * this.lrLambdas[i]!(this.lastEpoch));
  }
}

/**
 * lr = lr · lrLambda(epoch) at every step after the first.
 * @example
 * ```ts pytorch=nn.lrScheduler.MultiplicativeLR
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 1 });
 * const sched = new torch.optim.lrScheduler.MultiplicativeLR(opt, () => 0.9);
 * const lrs = [];
 * for (let epoch = 0; epoch < 4; epoch++) { lrs.push(opt.paramGroups[0]!.lr); opt.step(); sched.step(); }
 * console.log(torch.tensor(lrs));
 * ```
 * ```text
 * tensor([1.0000, 0.9000, 0.8100, 0.7290])
 * ```
 */
export class MultiplicativeLR extends LRScheduler {
  /** @internal One lambda per group. */
  readonly lrLambdas: ((epoch: number) => number)[];
  /**
   * @param optimizer the scheduled optimizer
   * @param lrLambda the factor of each epoch (one function, or one per group)
   * @param lastEpoch index of the last epoch taken (default −1)
   */
  constructor(optimizer: Optimizer, lrLambda: ((epoch: number) => number) | ((epoch: number) => number)[], lastEpoch = -1) {
    checkScheduler('MultiplicativeLR', optimizer, lastEpoch);
    const lambdas = lambdasFor(optimizer, lrLambda, 'MultiplicativeLR');
    super(optimizer, lastEpoch);
    this.lrLambdas = lambdas;
    this.initialStep();
  }
  protected override getLr(): number[] {
    if (this.lastEpoch <= 0) return this.lrs();
    return this.lrs().map((lr, i) => lr * this.lrLambdas[i]!(this.lastEpoch));
  }
}

/**
 * lr · factor for the first `totalIters` epochs, then lr.
 * @example
 * ```ts pytorch=nn.lrScheduler.ConstantLR
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 1 });
 * const sched = new torch.optim.lrScheduler.ConstantLR(opt, 0.5, 3);
 * const lrs = [];
 * for (let epoch = 0; epoch < 5; epoch++) { lrs.push(opt.paramGroups[0]!.lr); opt.step(); sched.step(); }
 * console.log(torch.tensor(lrs));
 * ```
 * ```text
 * tensor([0.5000, 0.5000, 0.5000, 1.0000, 1.0000])
 * ```
 */
export class ConstantLR extends LRScheduler {
  constructor(
    optimizer: Optimizer,
    /** Multiplier during the first epochs (default 1/3). */
    readonly factor = 1.0 / 3,
    /** Epochs it lasts (default 5). */
    readonly totalIters = 5,
    lastEpoch = -1,
  ) {
    checkScheduler('ConstantLR', optimizer, lastEpoch);
    checkArgs('ConstantLR', [
      ['optimizer', optimizer, 'any'],
      ['factor', factor, 'number'],
      ['total_iters', totalIters, 'int'],
    ]);
    if (factor > 1.0 || factor < 0) throw new TorchValueError('ConstantLR', 'Constant multiplicative factor expected to be between 0 and 1.');
    super(optimizer, lastEpoch);
    this.initialStep();
  }
  protected override getLr(): number[] {
    const e = this.lastEpoch;
    if (e === 0) return this.lrs().map((lr) => lr * this.factor);
    if (e !== this.totalIters) return this.lrs();
    return this.lrs().map((lr) => lr * (1.0 / this.factor));
  }
  protected override closedFormLr(): number[] {
    const reached = this.lastEpoch >= this.totalIters ? 1 : 0;
    return this.baseLrs.map((b) => b * (this.factor + reached * (1 - this.factor)));
  }
}

/**
 * Decays the learning rate polynomially to 0 over `totalIters` epochs.
 * @example
 * ```ts pytorch=nn.lrScheduler.PolynomialLR
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 1 });
 * const sched = new torch.optim.lrScheduler.PolynomialLR(opt, 4, 2);
 * const lrs = [];
 * for (let epoch = 0; epoch < 6; epoch++) { lrs.push(opt.paramGroups[0]!.lr); opt.step(); sched.step(); }
 * console.log(torch.tensor(lrs));
 * ```
 * ```text
 * tensor([1.0000, 0.5625, 0.2500, 0.0625, 0.0000, 0.0000])
 * ```
 */
export class PolynomialLR extends LRScheduler {
  constructor(
    optimizer: Optimizer,
    /** Epochs of decay (default 5). */
    readonly totalIters = 5,
    /** Power of the polynomial (default 1). */
    readonly power = 1.0,
    lastEpoch = -1,
  ) {
    checkScheduler('PolynomialLR', optimizer, lastEpoch);
    checkArgs('PolynomialLR', [
      ['optimizer', optimizer, 'any'],
      ['total_iters', totalIters, 'int'],
      ['power', power, 'number'],
    ]);
    super(optimizer, lastEpoch);
    this.initialStep();
  }
  protected override getLr(): number[] {
    const e = this.lastEpoch;
    const T = this.totalIters;
    if (e === 0 || e > T) return this.lrs();
    const ratio = (1.0 - e / T) / (1.0 - (e - 1) / T);
    return this.lrs().map((lr) => lr * this.pow(ratio));
  }
  protected override closedFormLr(): number[] {
    const T = this.totalIters;
    return this.baseLrs.map((b) => b * this.pow(1.0 - Math.min(T, this.lastEpoch) / T));
  }
  /** x ** power as Python computes it (correctly rounded for integer powers). */
  private pow(x: number): number {
    return Number.isInteger(this.power) && this.power >= 0 ? crPowInt(x, this.power) : x ** this.power;
  }
}

/**
 * Cosine annealing with warm restarts (SGDR): periods T0, T0·TMult, T0·TMult², …
 * @example
 * ```ts pytorch=nn.lrScheduler.CosineAnnealingWarmRestarts
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 1 });
 * const sched = new torch.optim.lrScheduler.CosineAnnealingWarmRestarts(opt, 3);
 * const lrs = [];
 * for (let epoch = 0; epoch < 7; epoch++) { lrs.push(opt.paramGroups[0]!.lr); opt.step(); sched.step(); }
 * console.log(torch.tensor(lrs));
 * ```
 * ```text
 * tensor([1.0000, 0.7500, 0.2500, 1.0000, 0.7500, 0.2500, 1.0000])
 * ```
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  /** Epochs since the last restart. */
  tCur: number;
  /** Length of the current period. */
  tI: number;
  constructor(
    optimizer: Optimizer,
    /** First period (a positive integer). */
    readonly t0: number,
    /** Growth of the period after each restart (an integer ≥ 1, default 1). */
    readonly tMult = 1,
    /** Minimum learning rate (default 0). */
    readonly etaMin = 0,
    lastEpoch = -1,
  ) {
    checkScheduler('CosineAnnealingWarmRestarts', optimizer, lastEpoch);
    checkArg('CosineAnnealingWarmRestarts', 'eta_min', 4, etaMin, 'number');
    if (!(typeof t0 === 'number' && t0 > 0 && Number.isInteger(t0))) throw new TorchValueError('CosineAnnealingWarmRestarts', `Expected positive integer T_0, but got ${t0}`);
    if (!(typeof tMult === 'number' && tMult >= 1 && Number.isInteger(tMult))) throw new TorchValueError('CosineAnnealingWarmRestarts', `Expected integer T_mult >= 1, but got ${tMult}`);
    super(optimizer, lastEpoch);
    this.tI = t0;
    this.tCur = lastEpoch;
    this.initialStep();
  }
  protected override getLr(): number[] {
    return this.baseLrs.map((b) => this.etaMin + ((b - this.etaMin) * (1 + crCos((Math.PI * this.tCur) / this.tI))) / 2);
  }
  /** Advances one epoch, or jumps to `epoch` (fractional epochs allowed, as in PyTorch). */
  override step(epoch?: number | null): void {
    checkEpoch('CosineAnnealingWarmRestarts.step', epoch);
    if (epoch === null) epoch = undefined;
    if (epoch === undefined && this.lastEpoch < 0) epoch = 0;
    if (epoch === undefined) {
      epoch = this.lastEpoch + 1;
      this.tCur = this.tCur + 1;
      if (this.tCur >= this.tI) {
        this.tCur = this.tCur - this.tI;
        this.tI = this.tI * this.tMult;
      }
    } else {
      if (epoch < 0) throw new TorchValueError('CosineAnnealingWarmRestarts', `Expected non-negative epoch, but got ${epoch}`);
      if (epoch >= this.t0) {
        if (this.tMult === 1) this.tCur = epoch % this.t0;
        else {
          const n = Math.trunc(Math.log((epoch / this.t0) * (this.tMult - 1) + 1) / Math.log(this.tMult));
          this.tCur = epoch - (this.t0 * (this.tMult ** n - 1)) / (this.tMult - 1);
          this.tI = this.t0 * this.tMult ** n;
        }
      } else {
        this.tI = this.t0;
        this.tCur = epoch;
      }
    }
    this._stepCount++;
    this.lastEpoch = Math.floor(epoch);
    const values = this.getLr();
    this.optimizer.paramGroups.forEach((g, i) => (g.lr = values[i]!));
    this._lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }
}

/** Options of {@link ReduceLROnPlateau}. */
export interface ReduceLROnPlateauOptions {
  /** `'min'` (default): lower metrics are better; `'max'`: higher. */
  mode?: 'min' | 'max';
  /** Multiplier applied on a plateau (default 0.1; must be < 1). */
  factor?: number;
  /** Bad epochs tolerated before reducing (default 10). */
  patience?: number;
  /** Improvement needed to count as better (default 1e-4). */
  threshold?: number;
  /** `'rel'` (default) or `'abs'` improvement. */
  thresholdMode?: 'rel' | 'abs';
  /** Epochs to wait after a reduction (default 0). */
  cooldown?: number;
  /** Lower bound of each group's rate (a number or one per group, default 0). */
  minLr?: number | number[];
  /** Reductions smaller than this are skipped (default 1e-8). */
  eps?: number;
}

/**
 * Reduces the learning rate when a metric stops improving (`step(metric)` once per epoch).
 * @example
 * ```ts pytorch=nn.lrScheduler.ReduceLROnPlateau
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 1 });
 * const sched = new torch.optim.lrScheduler.ReduceLROnPlateau(opt, { patience: 1, factor: 0.5 });
 * const lrs = [];
 * for (const valLoss of [3, 2, 2, 2, 2, 1]) { sched.step(valLoss); lrs.push(opt.paramGroups[0]!.lr); }
 * console.log(torch.tensor(lrs));
 * ```
 * ```text
 * tensor([1.0000, 1.0000, 1.0000, 0.5000, 0.5000, 0.5000])
 * ```
 */
export class ReduceLROnPlateau {
  /** The scheduled optimizer. */
  readonly optimizer: Optimizer;
  /** See {@link ReduceLROnPlateauOptions}. */
  readonly mode: 'min' | 'max';
  /** Multiplier applied on a plateau. */
  readonly factor: number;
  /** Bad epochs tolerated. */
  readonly patience: number;
  /** Improvement threshold. */
  readonly threshold: number;
  /** `'rel'` or `'abs'`. */
  readonly thresholdMode: 'rel' | 'abs';
  /** Epochs to wait after a reduction. */
  readonly cooldown: number;
  /** Per-group lower bounds. */
  readonly minLrs: number[];
  /** Smallest reduction applied. */
  readonly eps: number;
  /** Best metric so far. */
  best: number;
  /** Consecutive epochs without improvement. */
  numBadEpochs = 0;
  /** Cooldown epochs left. */
  cooldownCounter = 0;
  /** Last epoch index. */
  lastEpoch = 0;
  /** @internal */
  _lastLr: number[];

  /**
   * @param optimizer the scheduled optimizer
   * @param opts mode, factor, patience, threshold, cooldown, lower bounds, eps
   */
  constructor(optimizer: Optimizer, opts: ReduceLROnPlateauOptions = {}) {
    const op = 'ReduceLROnPlateau';
    opts = checkOptions(
      op,
      opts,
      { mode: 'string', factor: 'number', patience: 'int', threshold: 'number', thresholdMode: 'string', cooldown: 'int', minLr: 'any', eps: 'number' },
      2,
    );
    this.factor = opts.factor ?? 0.1;
    if (this.factor >= 1.0) throw new TorchValueError(op, 'Factor should be < 1.0.');
    if (!(optimizer instanceof Optimizer)) throw new TorchTypeError(op, `${pyTypeName(optimizer)} is not an Optimizer`);
    this.optimizer = optimizer;
    const minLr = opts.minLr ?? 0;
    if (Array.isArray(minLr) && minLr.length !== optimizer.paramGroups.length) {
      throw new TorchValueError(op, `expected ${optimizer.paramGroups.length} min_lrs, got ${minLr.length}`);
    }
    this.minLrs = perGroupValues(op, optimizer, 'min_lr', minLr);
    this.patience = opts.patience ?? 10;
    this.cooldown = opts.cooldown ?? 0;
    this.mode = opts.mode ?? 'min';
    this.threshold = opts.threshold ?? 1e-4;
    this.thresholdMode = opts.thresholdMode ?? 'rel';
    this.eps = opts.eps ?? 1e-8;
    if (this.mode !== 'min' && this.mode !== 'max') throw new TorchValueError(op, `mode ${String(this.mode)} is unknown!`);
    if (this.thresholdMode !== 'rel' && this.thresholdMode !== 'abs') throw new TorchValueError(op, `threshold mode ${String(this.thresholdMode)} is unknown!`);
    this.best = this.mode === 'min' ? Infinity : -Infinity;
    this._lastLr = optimizer.paramGroups.map((g) => g.lr);
  }

  private isBetter(a: number, best: number): boolean {
    if (this.mode === 'min') return this.thresholdMode === 'rel' ? a < best * (1 - this.threshold) : a < best - this.threshold;
    return this.thresholdMode === 'rel' ? a > best * (this.threshold + 1) : a > best + this.threshold;
  }

  /** Records this epoch's metric and reduces the rates after `patience` bad epochs. */
  step(metric: number | Tensor, epoch?: number | null): void {
    const op = 'ReduceLROnPlateau.step';
    if (metric instanceof Tensor) {
      if (metric.numel() !== 1) throw new TorchRuntimeError(op, `a Tensor with ${metric.numel()} elements cannot be converted to Scalar`);
      if (!metric._storage.backend.syncRead) {
        throw new TorchRuntimeError(op, `${op}(): the metric is a tensor on '${metric.device}', which can only be read asynchronously; pass its value: scheduler.step(await metric.itemAsync())`);
      }
    } else checkArg(op, 'metrics', 1, metric, 'number');
    if (epoch !== undefined && epoch !== null) checkArg(op, 'epoch', 2, epoch, 'int');
    const current = metric instanceof Tensor ? Number(metric.item()) : metric;
    this.lastEpoch = epoch ?? this.lastEpoch + 1;
    if (this.isBetter(current, this.best)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else this.numBadEpochs++;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter--;
      this.numBadEpochs = 0; // bad epochs in cooldown do not count
    }
    if (this.numBadEpochs > this.patience) {
      this.optimizer.paramGroups.forEach((g, i) => {
        const old = g.lr;
        const next = Math.max(old * this.factor, this.minLrs[i]!);
        if (old - next > this.eps) g.lr = next;
      });
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this._lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  /** The learning rates after the last step. */
  getLastLr(): number[] {
    return [...this._lastLr];
  }
}

/**
 * Runs `schedulers` one after another, switching at each of `milestones` (one fewer than
 * schedulers); the next scheduler restarts from its closed form at epoch 0.
 * @example
 * ```ts pytorch=nn.lrScheduler.SequentialLR
 * const S = torch.optim.lrScheduler;
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 1 });
 * // 2 epochs of linear warm-up from 0.25, then cosine annealing over 4
 * const sched = new S.SequentialLR(opt, [new S.LinearLR(opt, 0.25, 1, 2), new S.CosineAnnealingLR(opt, 4)], [2]);
 * const lrs = [];
 * for (let epoch = 0; epoch < 7; epoch++) { lrs.push(opt.paramGroups[0]!.lr); opt.step(); sched.step(); }
 * console.log(torch.tensor(lrs));
 * ```
 * ```text
 * tensor([0.2500, 0.6250, 1.0000, 0.8536, 0.5000, 0.1464, 0.0000])
 * ```
 */
export class SequentialLR extends LRScheduler {
  /** @internal The schedulers in order. */
  readonly _schedulers: LRScheduler[];
  /** @internal Epochs at which the next scheduler takes over. */
  readonly _milestones: number[];

  /**
   * @param optimizer the scheduled optimizer (every scheduler's)
   * @param schedulers the schedulers in order
   * @param milestones epochs at which the next one takes over (one fewer than schedulers)
   * @param lastEpoch index of the last epoch taken (default −1)
   */
  constructor(optimizer: Optimizer, schedulers: LRScheduler[], milestones: readonly number[], lastEpoch = -1) {
    checkScheduler('SequentialLR', optimizer, lastEpoch);
    checkSchedulerList('SequentialLR', schedulers, 2);
    if (!Array.isArray(milestones)) throw new TorchTypeError('SequentialLR', `SequentialLR(): argument 'milestones' (position 3) must be a list of ints, not ${pyTypeName(milestones)}`);
    checkArg('SequentialLR', 'milestones', 3, milestones, 'ints');
    schedulers.forEach((s, i) => {
      if (s.optimizer !== optimizer) {
        throw new TorchValueError('SequentialLR', `Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index ${i} to be different than the optimizer passed in.`);
      }
    });
    if (milestones.length !== schedulers.length - 1) {
      throw new TorchValueError('SequentialLR', `Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers ${schedulers.length} and the number of milestones to be equal to ${milestones.length}`);
    }
    super(optimizer, lastEpoch);
    this._schedulers = [...schedulers];
    this._milestones = [...milestones];
    this.lastEpoch = lastEpoch + 1;
    // back to the initial rates, undo the construction steps of the schedulers, restart the first
    for (const g of optimizer.paramGroups) g.lr = g.initialLr as number;
    for (const s of this._schedulers) s.lastEpoch -= 1;
    this._schedulers[0]!._initialStep();
    this._lastLr = this._schedulers[0]!.getLastLr();
  }

  protected override getLr(): number[] {
    return this.lrs();
  }

  /** Steps the scheduler whose phase contains the next epoch. */
  override step(): void {
    this.lastEpoch++;
    let idx = 0; // bisect_right
    while (idx < this._milestones.length && this._milestones[idx]! <= this.lastEpoch) idx++;
    const s = this._schedulers[idx]!;
    if (idx > 0 && this._milestones[idx - 1] === this.lastEpoch) s.step(0);
    else s.step();
    this._lastLr = s.getLastLr();
  }
}

/** `schedulers` must be a list of LRSchedulers. */
function checkSchedulerList(op: string, schedulers: unknown, pos: number): asserts schedulers is LRScheduler[] {
  if (!Array.isArray(schedulers)) throw new TorchTypeError(op, `${op}(): argument 'schedulers' (position ${pos}) must be a list of LRSchedulers, not ${pyTypeName(schedulers)}`);
  schedulers.forEach((s: unknown, i) => {
    if (!(s instanceof LRScheduler)) throw new TorchTypeError(op, `${op}(): argument 'schedulers' (position ${pos}) must be a list of LRSchedulers, but found ${pyTypeName(s)} at pos ${i + 1}`);
  });
}

/**
 * Steps every scheduler of `schedulers` (all on one optimizer) at each `step()`, multiplying their effects.
 * @example
 * ```ts pytorch=nn.lrScheduler.ChainedScheduler
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 1 });
 * const sched = new torch.optim.lrScheduler.ChainedScheduler([new torch.optim.lrScheduler.ConstantLR(opt, 0.5, 2), new torch.optim.lrScheduler.ExponentialLR(opt, 0.9)]);
 * const lrs = [];
 * for (let epoch = 0; epoch < 4; epoch++) { lrs.push(opt.paramGroups[0]!.lr); opt.step(); sched.step(); }
 * console.log(torch.tensor(lrs));
 * ```
 * ```text
 * tensor([0.5000, 0.4500, 0.8100, 0.7290])
 * ```
 */
export class ChainedScheduler {
  /** @internal */
  readonly _schedulers: LRScheduler[];
  /** The shared optimizer. */
  readonly optimizer: Optimizer;
  /** @internal */
  _lastLr: number[];

  /** @param schedulers the schedulers (at least one, all on one optimizer) */
  constructor(schedulers: LRScheduler[]) {
    checkSchedulerList('ChainedScheduler', schedulers, 1);
    if (schedulers.length === 0) throw new TorchValueError('ChainedScheduler', 'ChainedScheduler expects at least one scheduler');
    for (let i = 1; i < schedulers.length; i++) {
      if (schedulers[i]!.optimizer !== schedulers[0]!.optimizer) {
        throw new TorchValueError('ChainedScheduler', `ChainedScheduler expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and ${i} to be different`);
      }
    }
    this._schedulers = [...schedulers];
    this.optimizer = schedulers[0]!.optimizer;
    this._lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  /** One step of every scheduler, in order. */
  step(): void {
    for (const s of this._schedulers) s.step();
    this._lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  /** The learning rates after the last step. */
  getLastLr(): number[] {
    return [...this._lastLr];
  }
}

/** Options of {@link CyclicLR}. */
export interface CyclicLROptions {
  /** Steps of the rising half-cycle (default 2000). */
  stepSizeUp?: number;
  /** Steps of the falling half-cycle (default: `stepSizeUp`). */
  stepSizeDown?: number | null;
  /** `'triangular'` (default), `'triangular2'` (amplitude halves each cycle) or `'exp_range'` (× gamma^step). */
  mode?: 'triangular' | 'triangular2' | 'exp_range';
  /** Base of `'exp_range'` (default 1). */
  gamma?: number;
  /** A custom amplitude scale (replaces `mode`), of the cycle number or of the step. */
  scaleFn?: ((x: number) => number) | null;
  /** What `scaleFn` receives: `'cycle'` (default) or `'iterations'`. */
  scaleMode?: 'cycle' | 'iterations';
  /** Cycle momentum inversely to the rate (default true; needs a momentum optimizer). */
  cycleMomentum?: boolean;
  /** Lower momentum (default 0.8). */
  baseMomentum?: number | number[];
  /** Upper momentum (default 0.9). */
  maxMomentum?: number | number[];
}

/** One value per group, or the same for all (PyTorch's `_format_param`). */
function perGroup(optimizer: Optimizer, what: string, v: number | number[]): number[] {
  return perGroupValues('CyclicLR', optimizer, what, v);
}

/**
 * Cyclical learning rates (Smith): the rate swings between `baseLr` and `maxLr` every
 * `stepSizeUp + stepSizeDown` steps (call `step()` after every batch); momentum swings
 * the other way.
 * @example
 * ```ts pytorch=nn.lrScheduler.CyclicLR
 * const opt = new torch.optim.SGD([torch.zeros(1, { requiresGrad: true })], { lr: 1 });
 * const sched = new torch.optim.lrScheduler.CyclicLR(opt, 0.1, 1, { stepSizeUp: 2, cycleMomentum: false });
 * const lrs = [];
 * for (let epoch = 0; epoch < 7; epoch++) { lrs.push(opt.paramGroups[0]!.lr); opt.step(); sched.step(); }
 * console.log(torch.tensor(lrs));
 * ```
 * ```text
 * tensor([0.1000, 0.5500, 1.0000, 0.5500, 0.1000, 0.5500, 1.0000])
 * ```
 */
export class CyclicLR extends LRScheduler {
  /** Per-group upper rates. */
  readonly maxLrs: number[];
  /** Steps per cycle. */
  readonly totalSize: number;
  /** Fraction of the cycle spent rising. */
  readonly stepRatio: number;
  /** Amplitude scale. */
  readonly scaleFn: (x: number) => number;
  /** What the scale receives. */
  readonly scaleMode: 'cycle' | 'iterations';
  /** Whether momentum cycles. */
  readonly cycleMomentum: boolean;
  /** Per-group lower momentum. */
  readonly baseMomentums: number[] = [];
  /** Per-group upper momentum. */
  readonly maxMomentums: number[] = [];

  /**
   * @param optimizer the scheduled optimizer
   * @param baseLr the lower rate (one, or one per group)
   * @param maxLr the upper rate (one, or one per group)
   * @param opts half-cycle lengths, amplitude mode or function, momentum cycling
   * @param lastEpoch index of the last epoch taken (default −1)
   */
  constructor(optimizer: Optimizer, baseLr: number | number[], maxLr: number | number[], opts: CyclicLROptions = {}, lastEpoch = -1) {
    const op = 'CyclicLR';
    checkScheduler(op, optimizer, lastEpoch);
    opts = checkOptions(
      op,
      opts,
      { stepSizeUp: 'number', stepSizeDown: 'number?', mode: 'string', gamma: 'number', scaleFn: 'function?', scaleMode: ['cycle', 'iterations'], cycleMomentum: 'bool', baseMomentum: 'any', maxMomentum: 'any' },
      4,
    );
    const baseLrs = perGroup(optimizer, 'base_lr', baseLr);
    const maxLrs = perGroup(optimizer, 'max_lr', maxLr);
    const mode = opts.mode ?? 'triangular';
    const scaleFn = opts.scaleFn ?? null;
    if (mode !== 'triangular' && mode !== 'triangular2' && mode !== 'exp_range' && scaleFn === null) {
      throw new TorchValueError('CyclicLR', 'mode is invalid and scale_fn is None');
    }
    const up = opts.stepSizeUp ?? 2000;
    const down = opts.stepSizeDown ?? up;
    if (!(up + down > 0)) throw new TorchValueError(op, `CyclicLR(): step_size_up + step_size_down must be positive, got ${up + down}`);
    const cycleMomentum = opts.cycleMomentum ?? true;
    let bm: number[] = [];
    let maxMomentums: number[] = [];
    if (cycleMomentum) {
      if (!('momentum' in optimizer.defaults)) throw new TorchValueError('CyclicLR', 'optimizer must support momentum with `cycle_momentum` option enabled');
      bm = perGroup(optimizer, 'base_momentum', opts.baseMomentum ?? 0.8);
      maxMomentums = perGroup(optimizer, 'max_momentum', opts.maxMomentum ?? 0.9);
    }
    // every argument is checked: only now are the groups written
    if (lastEpoch === -1) optimizer.paramGroups.forEach((g, i) => (g.lr = baseLrs[i]!));
    let baseMomentums: number[] = [];
    if (cycleMomentum) {
      if (lastEpoch === -1) optimizer.paramGroups.forEach((g, i) => (g.momentum = bm[i]!));
      baseMomentums = optimizer.paramGroups.map((g) => g.momentum as number);
    }
    super(optimizer, lastEpoch);
    this.maxLrs = maxLrs;
    this.totalSize = up + down;
    this.stepRatio = up / this.totalSize;
    const gamma = opts.gamma ?? 1.0;
    if (scaleFn !== null) {
      this.scaleFn = scaleFn;
      this.scaleMode = opts.scaleMode ?? 'cycle';
    } else if (mode === 'triangular') {
      this.scaleFn = () => 1.0;
      this.scaleMode = 'cycle';
    } else if (mode === 'triangular2') {
      this.scaleFn = (x) => 1 / 2 ** (x - 1);
      this.scaleMode = 'cycle';
    } else {
      this.scaleFn = (x) => crPowInt(gamma, x);
      this.scaleMode = 'iterations';
    }
    this.cycleMomentum = cycleMomentum;
    if (cycleMomentum) {
      this.baseMomentums.push(...baseMomentums);
      this.maxMomentums.push(...maxMomentums);
    }
    this.baseLrs = baseLrs;
    this.initialStep();
  }

  protected override getLr(): number[] {
    const e = this.lastEpoch;
    const cycle = Math.floor(1 + e / this.totalSize);
    const x = 1 + e / this.totalSize - cycle;
    const factor = x <= this.stepRatio ? x / this.stepRatio : (x - 1) / (this.stepRatio - 1);
    const scale = this.scaleFn(this.scaleMode === 'cycle' ? cycle : e);
    const lrs = this.baseLrs.map((b, i) => b + (this.maxLrs[i]! - b) * factor * scale);
    if (this.cycleMomentum) {
      this.optimizer.paramGroups.forEach((g, i) => {
        g.momentum = this.maxMomentums[i]! - (this.maxMomentums[i]! - this.baseMomentums[i]!) * factor * scale;
      });
    }
    return lrs;
  }
}
