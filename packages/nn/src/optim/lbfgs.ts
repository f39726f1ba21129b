/**
 * `optim.LBFGS`: PyTorch's limited-memory BFGS (after minFunc), with an optional
 * strong-Wolfe line search. One parameter group; `step(closure)` re-evaluates the loss
 * as often as the algorithm needs. Its state lives on the first parameter, as in PyTorch:
 * `func_evals`, `n_iter`, `d`, `t`, `old_dirs`, `old_stps`, `ro`, `H_diag`,
 * `prev_flat_grad`, `prev_loss`, `al`.
 *
 * The scalars the algorithm branches on (dot products, the loss) are read on the host,
 * as PyTorch's `float(closure())` and tensor comparisons do.
 */
import { Tensor, TorchRuntimeError, TorchTypeError, TorchValueError, cat, pyTypeName, zeros } from '@antorcha/core';
import { enableGrad, noGrad } from '@antorcha/autograd';
import { type OptimizerStateDict, type ParamsInput, Optimizer, withDefaults } from './optimizer.js';

/** Options of {@link LBFGS}. */
export interface LBFGSOptions {
  /** Learning rate (default 1). */
  lr?: number;
  /** Most iterations per `step` (default 20). */
  maxIter?: number;
  /** Most closure evaluations per `step` (default ⌊maxIter·5/4⌋). */
  maxEval?: number | null;
  /** Stop when the largest gradient entry is at most this (default 1e-7). */
  toleranceGrad?: number;
  /** Stop when the loss or the step changes less than this (default 1e-9). */
  toleranceChange?: number;
  /** Curvature pairs kept (default 100). */
  historySize?: number;
  /** `'strong_wolfe'` or null (default: fixed step `lr`). */
  lineSearchFn?: 'strong_wolfe' | null;
}

/**
 * The algorithm is written as generators that yield each 0-d tensor whose value it needs
 * and receive the number back: `step` reads them synchronously, `stepAsync` awaits them.
 */
type Reads<R> = Generator<Tensor, R, number>;

/** Minimiser of the cubic interpolating (x1, f1, g1) and (x2, f2, g2), within bounds. */
function cubicInterpolate(x1: number, f1: number, g1: number, x2: number, f2: number, g2: number, bounds?: [number, number]): number {
  const [xminBound, xmaxBound] = bounds ?? (x1 <= x2 ? [x1, x2] : [x2, x1]);
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2Square = d1 ** 2 - g1 * g2;
  if (d2Square >= 0) {
    const d2 = Math.sqrt(d2Square);
    const minPos = x1 <= x2 ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2)) : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    return Math.min(Math.max(minPos, xminBound), xmaxBound);
  }
  return (xminBound + xmaxBound) / 2;
}

type ObjFunc = (x: Tensor[], t: number, d: Tensor) => Reads<[number, Tensor]>;

/** PyTorch's `_strong_wolfe` line search: returns [loss, flat grad, step, evaluations]. */
function* strongWolfe(objFunc: ObjFunc, x: Tensor[], t: number, d: Tensor, f: number, g: Tensor, gtd: number, c1 = 1e-4, c2 = 0.9, toleranceChange = 1e-9, maxLs = 25): Reads<[number, Tensor, number, number]> {
  const dNorm = yield d.abs().max();
  g = g.clone();
  let [fNew, gNew] = yield* objFunc(x, t, d);
  let lsFuncEvals = 1;
  let gtdNew = (yield gNew.dot(d));
  let tPrev = 0;
  let fPrev = f;
  let gPrev = g;
  let gtdPrev = gtd;
  let done = false;
  let lsIter = 0;
  let bracket: number[] = [];
  let bracketF: number[] = [];
  let bracketG: Tensor[] = [];
  let bracketGtd: number[] = [];
  while (lsIter < maxLs) {
    if (fNew > f + c1 * t * gtd || (lsIter > 1 && fNew >= fPrev)) {
      bracket = [tPrev, t];
      bracketF = [fPrev, fNew];
      bracketG = [gPrev, gNew.clone()];
      bracketGtd = [gtdPrev, gtdNew];
      break;
    }
    if (Math.abs(gtdNew) <= -c2 * gtd) {
      bracket = [t];
      bracketF = [fNew];
      bracketG = [gNew];
      done = true;
      break;
    }
    if (gtdNew >= 0) {
      bracket = [tPrev, t];
      bracketF = [fPrev, fNew];
      bracketG = [gPrev, gNew.clone()];
      bracketGtd = [gtdPrev, gtdNew];
      break;
    }
    // interpolate
    const minStep = t + 0.01 * (t - tPrev);
    const maxStep = t * 10;
    const tmp = t;
    t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, [minStep, maxStep]);
    tPrev = tmp;
    fPrev = fNew;
    gPrev = gNew.clone();
    gtdPrev = gtdNew;
    [fNew, gNew] = yield* objFunc(x, t, d);
    lsFuncEvals += 1;
    gtdNew = (yield gNew.dot(d));
    lsIter += 1;
  }
  if (lsIter === maxLs) {
    bracket = [0, t];
    bracketF = [f, fNew];
    bracketG = [g, gNew];
  }
  // zoom: refine the bracket until a point satisfies the conditions
  let insufProgress = false;
  let [lowPos, highPos] = bracketF[0]! <= bracketF[bracketF.length - 1]! ? [0, 1] : [1, 0];
  while (!done && lsIter < maxLs) {
    if (Math.abs(bracket[1]! - bracket[0]!) * dNorm < toleranceChange) break;
    t = cubicInterpolate(bracket[0]!, bracketF[0]!, bracketGtd[0]!, bracket[1]!, bracketF[1]!, bracketGtd[1]!);
    const bMax = Math.max(...bracket);
    const bMin = Math.min(...bracket);
    const eps = 0.1 * (bMax - bMin);
    if (Math.min(bMax - t, t - bMin) < eps) {
      if (insufProgress || t >= bMax || t <= bMin) {
        t = Math.abs(t - bMax) < Math.abs(t - bMin) ? bMax - eps : bMin + eps;
        insufProgress = false;
      } else insufProgress = true;
    } else insufProgress = false;
    [fNew, gNew] = yield* objFunc(x, t, d);
    lsFuncEvals += 1;
    gtdNew = (yield gNew.dot(d));
    lsIter += 1;
    if (fNew > f + c1 * t * gtd || fNew >= bracketF[lowPos]!) {
      bracket[highPos] = t;
      bracketF[highPos] = fNew;
      bracketG[highPos] = gNew.clone();
      bracketGtd[highPos] = gtdNew;
      [lowPos, highPos] = bracketF[0]! <= bracketF[1]! ? [0, 1] : [1, 0];
    } else {
      if (Math.abs(gtdNew) <= -c2 * gtd) done = true;
      else if (gtdNew * (bracket[highPos]! - bracket[lowPos]!) >= 0) {
        bracket[highPos] = bracket[lowPos]!;
        bracketF[highPos] = bracketF[lowPos]!;
        bracketG[highPos] = bracketG[lowPos]!;
        bracketGtd[highPos] = bracketGtd[lowPos]!;
      }
      bracket[lowPos] = t;
      bracketF[lowPos] = fNew;
      bracketG[lowPos] = gNew.clone();
      bracketGtd[lowPos] = gtdNew;
    }
  }
  return [bracketF[lowPos]!, bracketG[lowPos]!, bracket[lowPos]!, lsFuncEvals];
}

/** What LBFGS keeps between steps (on its first parameter). */
interface LbfgsState {
  func_evals?: number;
  n_iter?: number;
  d?: Tensor;
  t?: number;
  old_dirs?: Tensor[];
  old_stps?: Tensor[];
  ro?: number[];
  H_diag?: number;
  prev_flat_grad?: Tensor | null;
  prev_loss?: number;
  al?: (number | null)[];
}

/**
 * L-BFGS. Takes one group of parameters; `step(closure)` needs a closure that zeroes the
 * gradients, computes the loss, calls `backward()` and returns the loss.
 * @example
 * ```ts pytorch=nn.optim.LBFGS
 * const target = torch.tensor([3, -1], { dtype: 'float32' });
 * const x = torch.zeros(2, { requiresGrad: true });
 * const opt = new torch.optim.LBFGS([x], { lineSearchFn: 'strong_wolfe' });
 * opt.step(() => {
 *   opt.zeroGrad();
 *   const loss = x.sub(target).pow(2).sum();
 *   loss.backward();
 *   return loss;
 * });
 * console.log(x);
 * ```
 * ```text
 * tensor([ 3., -1.], requires_grad=True)
 * ```
 */
export class LBFGS extends Optimizer {
  private readonly _params: Tensor[];

  constructor(params: ParamsInput, opts: LBFGSOptions = {}) {
    const o = withDefaults<Required<LBFGSOptions>>(
      { lr: 1, maxIter: 20, maxEval: null, toleranceGrad: 1e-7, toleranceChange: 1e-9, historySize: 100, lineSearchFn: null },
      opts,
      'LBFGS',
    );
    if (o.maxEval === null) o.maxEval = Math.floor((o.maxIter * 5) / 4);
    if (o.lineSearchFn !== null && typeof o.lineSearchFn !== 'string') {
      throw new TorchTypeError('LBFGS', `LBFGS(): argument 'line_search_fn' must be str or None, not ${pyTypeName(o.lineSearchFn)}`);
    }
    super(params, o);
    if (this.paramGroups.length !== 1) throw new TorchValueError('LBFGS', "LBFGS doesn't support per-parameter options (parameter groups)");
    this._params = this.paramGroups[0]!.params;
  }

  /** No per-group update: LBFGS works in {@link step}. */
  protected override _update(): void {}

  private gatherFlatGrad(): Tensor {
    return cat(this._params.map((p) => (p.grad === null ? zeros([p.numel()], { dtype: p.dtype, device: p.device }) : p.grad.reshape(-1))), 0);
  }

  private addGrad(stepSize: number, update: Tensor): void {
    let offset = 0;
    for (const p of this._params) {
      const n = p.numel();
      p.add_(update.narrow(0, offset, n).view(p._shape), { alpha: stepSize });
      offset += n;
    }
  }

  private *directionalEvaluate(closure: () => Tensor | number, x: Tensor[], t: number, d: Tensor): Reads<[number, Tensor]> {
    this.addGrad(t, d);
    const loss = yield* lossOf(enableGrad(closure));
    const flatGrad = this.gatherFlatGrad();
    this._params.forEach((p, i) => p.copy_(x[i]!));
    return [loss, flatGrad];
  }

  /**
   * Up to `maxIter` L-BFGS iterations. `closure` re-evaluates the model (zero the
   * gradients, compute the loss, `backward()`) and returns the loss; the first loss is returned.
   */
  override step(closure?: (() => Tensor | number) | null): Tensor | number | undefined {
    if (typeof closure !== 'function') {
      throw new TorchTypeError('LBFGS.step', `step() missing 1 required positional argument: 'closure'`);
    }
    for (const p of this._params) if (!p._storage.backend.syncRead) throw needsStepAsync(p);
    this._stepCount++;
    return this._ownState(() =>
      noGrad(() => {
        const gen = this.run(closure);
        let r = gen.next();
        while (!r.done) {
          if (!r.value._storage.backend.syncRead) throw needsStepAsync(r.value);
          r = gen.next(r.value.item() as number);
        }
        return r.value;
      }),
    );
  }

  /**
   * {@link step} for devices that read only asynchronously (WebGPU): the scalars the
   * algorithm branches on are awaited. The closure stays synchronous.
   */
  async stepAsync(closure: () => Tensor | number): Promise<Tensor | number> {
    if (typeof closure !== 'function') {
      throw new TorchTypeError('LBFGS.step', `step() missing 1 required positional argument: 'closure'`);
    }
    this._stepCount++;
    const gen = this.run(closure);
    let r = noGrad(() => gen.next());
    while (!r.done) {
      const v = Number((await r.value.data())[0]);
      r = noGrad(() => gen.next(v));
    }
    return r.value;
  }

  private *run(closure: () => Tensor | number): Reads<Tensor | number> {
    const group = this.paramGroups[0]!;
    const lr = group.lr;
    const maxIter = group.maxIter as number;
    const maxEval = group.maxEval as number;
    const toleranceGrad = group.toleranceGrad as number;
    const toleranceChange = group.toleranceChange as number;
    const lineSearchFn = group.lineSearchFn as string | null;
    const historySize = group.historySize as number;

    const state = this.stateOf(this._params[0]!) as unknown as LbfgsState;
    state.func_evals ??= 0;
    state.n_iter ??= 0;

    const origLoss = enableGrad(closure);
    let loss = yield* lossOf(origLoss);
    let currentEvals = 1;
    state.func_evals += 1;

    let flatGrad = this.gatherFlatGrad();
    let optCond = (yield flatGrad.abs().max()) <= toleranceGrad;
    if (optCond) return origLoss;

    let d = state.d;
    let t = state.t;
    let oldDirs = state.old_dirs;
    let oldStps = state.old_stps;
    let ro = state.ro;
    let hDiag = state.H_diag;
    let prevFlatGrad = state.prev_flat_grad ?? null;
    let prevLoss = state.prev_loss;

    let nIter = 0;
    while (nIter < maxIter) {
      nIter += 1;
      state.n_iter += 1;
      // the direction
      if (state.n_iter === 1) {
        d = flatGrad.neg();
        oldDirs = [];
        oldStps = [];
        ro = [];
        hDiag = 1;
      } else {
        const y = flatGrad.sub(prevFlatGrad!);
        const s = d!.mul(t!);
        const ys = (yield y.dot(s));
        if (ys > 1e-10) {
          if (oldDirs!.length === historySize) {
            oldDirs!.shift();
            oldStps!.shift();
            ro!.shift();
          }
          oldDirs!.push(y);
          oldStps!.push(s);
          ro!.push(1 / ys);
          hDiag = ys / (yield y.dot(y));
        }
        const numOld = oldDirs!.length;
        state.al ??= new Array<number | null>(historySize).fill(null);
        const al = state.al;
        // two-loop recursion
        const q = flatGrad.neg();
        for (let i = numOld - 1; i >= 0; i--) {
          al[i] = (yield oldStps![i]!.dot(q)) * ro![i]!;
          q.add_(oldDirs![i]!, { alpha: -al[i]! });
        }
        const r = q.mul(hDiag!);
        d = r;
        for (let i = 0; i < numOld; i++) {
          const beI = (yield oldDirs![i]!.dot(r)) * ro![i]!;
          r.add_(oldStps![i]!, { alpha: al[i]! - beI });
        }
      }
      if (prevFlatGrad === null) prevFlatGrad = flatGrad.clone();
      else prevFlatGrad.copy_(flatGrad);
      prevLoss = loss;

      // the step
      t = state.n_iter === 1 ? Math.min(1, 1 / (yield flatGrad.abs().sum())) * lr : lr;
      const gtd = (yield flatGrad.dot(d!));
      if (gtd > -toleranceChange) break;

      let lsFuncEvals = 0;
      if (lineSearchFn !== null) {
        if (lineSearchFn !== 'strong_wolfe') throw new TorchRuntimeError('LBFGS.step', "only 'strong_wolfe' is supported");
        const xInit = this._params.map((p) => p.clone());
        const objFunc: ObjFunc = (x, tt, dd) => this.directionalEvaluate(closure, x, tt, dd);
        [loss, flatGrad, t, lsFuncEvals] = yield* strongWolfe(objFunc, xInit, t, d!, loss, flatGrad, gtd);
        this.addGrad(t, d!);
        optCond = (yield flatGrad.abs().max()) <= toleranceGrad;
      } else {
        this.addGrad(t, d!);
        if (nIter !== maxIter) {
          loss = yield* lossOf(enableGrad(closure));
          flatGrad = this.gatherFlatGrad();
          optCond = (yield flatGrad.abs().max()) <= toleranceGrad;
          lsFuncEvals = 1;
        }
      }
      currentEvals += lsFuncEvals;
      state.func_evals += lsFuncEvals;

      // conditions
      if (nIter === maxIter) break;
      if (currentEvals >= maxEval) break;
      if (optCond) break;
      if ((yield d!.mul(t).abs().max()) <= toleranceChange) break;
      if (Math.abs(loss - prevLoss) < toleranceChange) break;
    }
    state.d = d;
    state.t = t;
    state.old_dirs = oldDirs;
    state.old_stps = oldStps;
    state.ro = ro;
    state.H_diag = hDiag;
    state.prev_flat_grad = prevFlatGrad;
    state.prev_loss = prevLoss;
    return origLoss;
  }

  /** Loads a state dict; the history lists are copied, as PyTorch deep-copies the dict. */
  override loadStateDict(sd: Parameters<Optimizer['loadStateDict']>[0]): void {
    this._ownState(() => this.loadState(sd as OptimizerStateDict));
  }

  private loadState(sd: OptimizerStateDict): void {
    super.loadStateDict(sd);
    for (const [p, s] of this.state) {
      const st = s as Record<string, unknown>;
      // copies on the parameters' device, as the tensors the base class loads
      const copy = (t: Tensor): Tensor => (t.device.equals(p.device) ? t.clone() : t.to(p.device));
      for (const k of ['old_dirs', 'old_stps']) if (Array.isArray(st[k])) st[k] = (st[k] as Tensor[]).map(copy);
      // PyTorch keeps these scalars as 0-d tensors: here they are numbers
      const scalar = (v: unknown): unknown => (v instanceof Tensor ? v.item() : v);
      for (const k of ['ro', 'al']) if (Array.isArray(st[k])) st[k] = (st[k] as unknown[]).map(scalar);
      for (const k of ['t', 'H_diag', 'prev_loss', 'func_evals', 'n_iter']) if (k in st) st[k] = scalar(st[k]);
    }
  }
}

/** The error of the synchronous `step` where a value it must read lives on an asynchronous device. */
function needsStepAsync(t: Tensor): TorchRuntimeError {
  return new TorchRuntimeError(
    'LBFGS.step',
    `LBFGS.step(): the loss and the values L-BFGS branches on are on '${t.device}', which can only be read asynchronously; use await optimizer.stepAsync(closure)`,
  );
}

/** A closure's loss as a number (`float(closure())`). */
function* lossOf(v: Tensor | number): Reads<number> {
  return v instanceof Tensor ? yield v : Number(v);
}
