/**
 * `optim.Optimizer`: parameter groups, per-parameter state, `zeroGrad`, and
 * state dicts in PyTorch's layout (`state` keyed by parameter index,
 * `param_groups` with snake_case option names), so `torch.save(opt.stateDict())`
 * loads in PyTorch's `optimizer.load_state_dict`.
 */
import { Tensor, TorchRuntimeError, TorchTypeError, TorchValueError } from '@antorcha/core';
import { noGrad } from '@antorcha/autograd';

/** A parameter group: its tensors and options (`lr`, and the optimizer's others). */
export interface ParamGroup {
  /** The tensors this group updates. */
  params: Tensor[];
  /** Learning rate. */
  lr: number;
  /** Other options (camelCase: `weightDecay`, `betas`, `initialLr` set by schedulers, …). */
  [option: string]: any;
}

/** What the constructors accept: tensors, or groups with per-group option overrides. */
export type ParamsInput = Iterable<Tensor> | Iterable<{ params: Iterable<Tensor>; [option: string]: any }>;

/** Per-parameter state (PyTorch's names: `momentum_buffer`, `exp_avg`, `step`, …). */
export type ParamState = Record<string, Tensor | number | null>;

/** An optimizer state dict as PyTorch lays it out. */
export interface OptimizerStateDict {
  /** Parameter index → its state. */
  state: Map<number, ParamState>;
  /** Groups with snake_case option names and `params` as indices. */
  param_groups: Record<string, unknown>[];
}

/** `weightDecay` → `weight_decay`. */
export function toSnake(k: string): string {
  return k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** `weight_decay` → `weightDecay`. */
export function toCamel(k: string): string {
  return k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function isTensorIterable(params: unknown[]): params is Tensor[] {
  return params.every((p) => p instanceof Tensor);
}

/**
 * Base class of optimizers. Subclasses implement {@link Optimizer._update}; `step()`
 * runs it under no-grad (in-place updates of leaf parameters).
 */
export abstract class Optimizer {
  /** Default options for new groups. */
  readonly defaults: Record<string, any>;
  /** The parameter groups. */
  paramGroups: ParamGroup[] = [];
  /** Per-parameter state. */
  state: Map<Tensor, ParamState> = new Map();
  /** Options PyTorch keeps in every group that have no effect here (written to state dicts). */
  protected readonly pytorchOnlyDefaults: Record<string, unknown> = {};
  /** @internal How many times `step()` ran (schedulers read it). */
  _stepCount = 0;

  constructor(params: ParamsInput, defaults: Record<string, any>) {
    this.defaults = defaults;
    const list = [...(params as Iterable<unknown>)];
    if (list.length === 0) throw new TorchValueError('Optimizer', 'optimizer got an empty parameter list');
    const groups = isTensorIterable(list) ? [{ params: list }] : (list as { params: Iterable<Tensor> }[]);
    for (const g of groups) this.addParamGroup(g);
  }

  /** Adds a group; options it lacks come from the defaults. */
  addParamGroup(group: { params: Iterable<Tensor> | Tensor; [option: string]: any }): void {
    if (typeof group !== 'object' || group === null || !('params' in group)) throw new TorchTypeError('add_param_group', 'param group must be a dict');
    const params = group.params instanceof Tensor ? [group.params] : [...group.params];
    for (const p of params) {
      if (!(p instanceof Tensor)) throw new TorchTypeError('add_param_group', `optimizer can only optimize Tensors, but one of the params is ${typeof p}`);
      if (!p.isLeaf) throw new TorchValueError('add_param_group', "can't optimize a non-leaf Tensor");
    }
    const g: ParamGroup = { ...this.defaults, ...group, params } as ParamGroup;
    for (const [k, v] of Object.entries(this.defaults)) {
      if (v === REQUIRED && g[k] === REQUIRED) throw new TorchValueError('add_param_group', `parameter group didn't specify a value of required optimization parameter ${toSnake(k)}`);
    }
    const seen = new Set(this.paramGroups.flatMap((x) => x.params));
    if (params.some((p) => seen.has(p))) throw new TorchValueError('add_param_group', 'some parameters appear in more than one parameter group');
    this.paramGroups.push(g);
  }

  /** Resets the gradients of all parameters: to null (default, PyTorch 2's `set_to_none=True`) or to zeros. */
  zeroGrad(opts: { setToNone?: boolean } = {}): void {
    const setToNone = opts.setToNone ?? true;
    for (const g of this.paramGroups) {
      for (const p of g.params) {
        if (p.grad === null) continue;
        if (setToNone) p.grad = null;
        else {
          const grad = p.grad;
          noGrad(() => {
            if (grad.gradFn !== null) p.grad = grad.detach();
            p.grad!.zero_();
          });
        }
      }
    }
  }

  /**
   * One update of every parameter that has a gradient. `closure` (re-computing
   * the loss) is called first, with grad enabled, and its result returned.
   */
  step(closure?: () => Tensor | number): Tensor | number | undefined {
    const loss = closure ? closure() : undefined;
    this._stepCount++;
    noGrad(() => {
      for (const g of this.paramGroups) this._update(g);
    });
    return loss;
  }

  /** The update of one group (runs under no-grad). */
  protected abstract _update(group: ParamGroup): void;

  /** The state of `p`, created empty on first use. */
  protected stateOf(p: Tensor): ParamState {
    let s = this.state.get(p);
    if (s === undefined) {
      s = {};
      this.state.set(p, s);
    }
    return s;
  }

  /** The state in PyTorch's layout (tensors are shared, not copied). */
  stateDict(): OptimizerStateDict {
    const index = new Map<Tensor, number>();
    let next = 0;
    const groups = this.paramGroups.map((g) => {
      const packed: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(g)) {
        if (k === 'params') continue;
        packed[toSnake(k)] = Array.isArray(v) ? [...v] : v;
      }
      for (const [k, v] of Object.entries(this.pytorchOnlyDefaults)) if (!(k in packed)) packed[k] = v;
      packed.params = g.params.map((p) => {
        if (!index.has(p)) index.set(p, next++);
        return index.get(p)!;
      });
      return packed;
    });
    const state = new Map<number, ParamState>();
    for (const [p, s] of this.state) {
      const i = index.get(p);
      if (i !== undefined) state.set(i, { ...s });
    }
    return { state, param_groups: groups };
  }

  /**
   * Loads a state dict from {@link stateDict} (or one PyTorch saved, read with
   * `torch.load`): groups must match in number and sizes; tensors are copied.
   */
  loadStateDict(sd: OptimizerStateDict | { state: Record<string, ParamState> | Map<number | string, ParamState>; param_groups: Record<string, unknown>[] }): void {
    const saved = sd.param_groups;
    if (!Array.isArray(saved)) throw new TorchTypeError('load_state_dict', 'optimizer state dict has no param_groups list');
    if (saved.length !== this.paramGroups.length) throw new TorchValueError('load_state_dict', 'loaded state dict has a different number of parameter groups');
    saved.forEach((g, i) => {
      const params = g.params as unknown[];
      if (!Array.isArray(params) || params.length !== this.paramGroups[i]!.params.length) {
        throw new TorchValueError('load_state_dict', "loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
      }
    });
    const idMap = new Map<number, Tensor>();
    saved.forEach((g, i) => (g.params as number[]).forEach((id, j) => idMap.set(Number(id), this.paramGroups[i]!.params[j]!)));
    const entries: [number, ParamState][] =
      sd.state instanceof Map ? [...sd.state.entries()].map(([k, v]) => [Number(k), v]) : Object.entries(sd.state).map(([k, v]) => [Number(k), v]);
    const state = new Map<Tensor, ParamState>();
    for (const [id, s] of entries) {
      const p = idMap.get(id);
      if (p === undefined) continue;
      const copy: ParamState = {};
      for (const [k, v] of Object.entries(s)) {
        if (v instanceof Tensor) {
          let t = v;
          if (k !== 'step' && p.dtype.isFloatingPoint && t.dtype.isFloatingPoint) t = t.to(p.dtype);
          copy[k] = t.clone();
        } else copy[k] = v;
      }
      state.set(p, copy);
    }
    this.state = state;
    this.paramGroups = saved.map((g, i) => {
      const group: ParamGroup = { params: this.paramGroups[i]!.params, lr: g.lr as number };
      for (const [k, v] of Object.entries(g)) {
        if (k === 'params' || k in this.pytorchOnlyDefaults) continue;
        group[toCamel(k)] = Array.isArray(v) ? [...v] : v;
      }
      for (const [k, v] of Object.entries(this.defaults)) if (!(k in group)) group[k] = v;
      return group;
    });
  }

  /** PyTorch-style repr: the class name and each group's options. */
  toString(): string {
    let s = `${this.constructor.name} (`;
    this.paramGroups.forEach((g, i) => {
      s += `\nParameter Group ${i}`;
      for (const k of Object.keys(g).sort()) if (k !== 'params') s += `\n    ${toSnake(k)}: ${String(g[k])}`;
    });
    return `${s}\n)`;
  }
}

/** `defaults` overridden by the options that are not undefined. */
export function withDefaults<T extends object>(defaults: T, opts: Partial<T>): T {
  const out = { ...defaults };
  for (const [k, v] of Object.entries(opts)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Marker for options without a default (SGD's `lr` in PyTorch 1.13). */
export const REQUIRED = Symbol('required');

/** Checks an option is ≥ 0 with PyTorch's message. */
export function checkNonNegative(value: number, what: string, op: string): void {
  if (!(value >= 0)) throw new TorchValueError(op, `Invalid ${what}: ${value}`);
}

/** @internal PyTorch's `step_t += 1; step = step_t.item()` on a float32 step tensor. */
export function advanceStep(stepT: Tensor): number {
  stepT.add_(1);
  return stepT.item() as number;
}

/** @internal The gradient used by an update (negated when maximising). */
export function gradOf(p: Tensor, maximize: boolean): Tensor {
  const g = p.grad!;
  if (g.isLeaf === false && g.requiresGrad) throw new TorchRuntimeError('step', 'gradients that require grad are not supported here');
  return maximize ? g.neg() : g;
}
