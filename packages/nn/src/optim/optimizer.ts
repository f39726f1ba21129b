/**
 * `optim.Optimizer`: parameter groups, per-parameter state, `zeroGrad`, and
 * state dicts in PyTorch's layout (`state` keyed by parameter index,
 * `param_groups` with snake_case option names), so `torch.save(opt.stateDict())`
 * loads in PyTorch's `optimizer.load_state_dict`.
 */
import { Tensor, TorchRuntimeError, float32, tensor, TorchTypeError, TorchValueError, adopt, cppName, pyTypeName, release, tidyActive } from '@antorcha/core';
import { noGrad } from '@antorcha/autograd';
import { checkOptions, refuseAbstract, typeNameOf } from '../layers/_util.js';
import type { Loaded } from '../serialization/torch-format.js';
import { pyFloat } from '../utils/pyrepr.js';

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

/**
 * State kept as CPU tensors whatever the parameters' device (PyTorch 1.13's non-capturable
 * layout): the optimizers read them on the host, which is synchronous, so a step on WebGPU
 * parameters never waits for the device.
 */
const HOST_STATE = new Set(['step', 'mu_product', 'eta', 'mu']);

/** The tensors an optimizer's state holds (values, and arrays of them: LBFGS's history). */
function stateTensors(state: Map<Tensor, ParamState>): Set<Tensor> {
  const out = new Set<Tensor>();
  for (const s of state.values()) {
    for (const v of Object.values(s) as unknown[]) {
      if (v instanceof Tensor) out.add(v);
      else if (Array.isArray(v)) for (const x of v) if (x instanceof Tensor) out.add(x);
    }
  }
  return out;
}

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

/** PyTorch's `torch.typename` of a tensor: `torch.FloatTensor`. */
function tensorTypeName(t: Tensor): string {
  return `torch.${cppName(t.dtype)}Tensor`;
}

/** Whether `v` is a param-group object (PyTorch's dict), not a tensor or another class instance. */
function isGroup(v: unknown): v is { params: unknown; [option: string]: unknown } {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The elements of an iterable, or Python's `'int' object is not iterable`. */
function listOf(v: unknown, op: string): unknown[] {
  if (v === null || v === undefined || (typeof v !== 'string' && typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function')) {
    throw new TorchTypeError(op, `'${typeNameOf(v)}' object is not iterable`);
  }
  return [...(v as Iterable<unknown>)];
}

/** PyTorch-only flags every optimizer accepts (and, here, ignores): `foreach`, `capturable`, `differentiable`, `fused`. */
const PYTORCH_FLAGS = ['foreach', 'capturable', 'differentiable', 'fused'];

/**
 * Checks an option value against the type of its default: numbers (and the required
 * `lr`) must be numbers, flags booleans, pairs such as `betas` lists of as many numbers.
 */
function checkOptionValue(op: string, key: string, v: unknown, dflt: unknown): void {
  const name = `argument '${toSnake(key)}'`;
  if (typeof dflt === 'number' || dflt === REQUIRED) {
    if (typeof v !== 'number') throw new TorchTypeError(op, `${op}(): ${name} must be float, not ${typeNameOf(v)}`);
  } else if (typeof dflt === 'boolean') {
    if (typeof v !== 'boolean') throw new TorchTypeError(op, `${op}(): ${name} must be bool, not ${typeNameOf(v)}`);
  } else if (Array.isArray(dflt)) {
    if (!Array.isArray(v) || v.length !== dflt.length || v.some((x) => typeof x !== 'number')) {
      const got = Array.isArray(v) ? `a list of ${v.length} (${v.map((x: unknown) => typeNameOf(x)).join(', ')})` : typeNameOf(v);
      throw new TorchTypeError(op, `${op}(): ${name} must be a tuple of ${dflt.length} floats, not ${got}`);
    }
  } else if (PYTORCH_FLAGS.includes(key) && v !== null && typeof v !== 'boolean') {
    throw new TorchTypeError(op, `${op}(): ${name} must be bool or None, not ${typeNameOf(v)}`);
  }
}

/**
 * Base class of optimizers. Subclasses implement {@link Optimizer._update}; `step()`
 * runs it under no-grad (in-place updates of leaf parameters).
 * @example
 * ```ts pytorch=nn.optim.Optimizer
 * const a = torch.zeros(2, { requiresGrad: true });
 * const b = torch.zeros(2, { requiresGrad: true });
 * const opt = new torch.optim.SGD([{ params: [a] }, { params: [b], lr: 0.01 }], { lr: 0.1, momentum: 0.9 });
 * console.log(opt);
 * console.log(new torch.optim.Adam([a], { lr: 1e-3 }));
 * ```
 * ```text
 * SGD (
 * Parameter Group 0
 *     dampening: 0
 *     differentiable: False
 *     foreach: None
 *     lr: 0.1
 *     maximize: False
 *     momentum: 0.9
 *     nesterov: False
 *     weight_decay: 0
 *
 * Parameter Group 1
 *     dampening: 0
 *     differentiable: False
 *     foreach: None
 *     lr: 0.01
 *     maximize: False
 *     momentum: 0.9
 *     nesterov: False
 *     weight_decay: 0
 * )
 * Adam (
 * Parameter Group 0
 *     amsgrad: False
 *     betas: (0.9, 0.999)
 *     capturable: False
 *     differentiable: False
 *     eps: 1e-08
 *     foreach: None
 *     fused: False
 *     lr: 0.001
 *     maximize: False
 *     weight_decay: 0
 * )
 * ```
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

  /**
   * @param params tensors, or param groups (`{ params, ...options }`) overriding the defaults
   * @param defaults every option with its default (subclasses pass their checked options)
   */
  constructor(params: ParamsInput, defaults: Record<string, any>) {
    refuseAbstract(new.target, Optimizer, 'Optimizer');
    const op = new.target.name;
    if (params instanceof Tensor) {
      throw new TorchTypeError(op, `params argument given to the optimizer should be an iterable of Tensors or dicts, but got ${tensorTypeName(params)}`);
    }
    const list = listOf(params, op);
    if (list.length === 0) throw new TorchValueError('Optimizer', 'optimizer got an empty parameter list');
    if (defaults === null || typeof defaults !== 'object') throw new TorchTypeError(op, `${op}(): defaults must be an object, not ${pyTypeName(defaults)}`);
    this.defaults = defaults;
    // PyTorch looks at the first element: a dict means a list of groups
    const groups = isGroup(list[0]) ? list : [{ params: list }];
    for (const g of groups) this.addParamGroup(g as { params: Iterable<Tensor> });
  }

  /** PyTorch's checks of a param group: a dict with iterable `params` of leaf Tensors, options of the right types. */
  private checkParamGroup(group: unknown): { params: Tensor[]; [option: string]: any } {
    if (!isGroup(group)) throw new TorchTypeError('add_param_group', 'param group must be a dict');
    if (!('params' in group)) throw new TorchValueError('add_param_group', "param group must have a 'params' entry");
    const raw = group.params;
    if (raw instanceof Set) {
      throw new TorchTypeError('add_param_group', 'optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets will change between runs. Please use a list instead.');
    }
    const params = raw instanceof Tensor ? [raw] : listOf(raw, 'add_param_group');
    for (const p of params) {
      if (!(p instanceof Tensor)) throw new TorchTypeError('add_param_group', `optimizer can only optimize Tensors, but one of the params is ${typeNameOf(p)}`);
      if (!p.isLeaf) throw new TorchValueError('add_param_group', "can't optimize a non-leaf Tensor");
    }
    const op = this.constructor.name;
    for (const [k, v] of Object.entries(group)) {
      if (k !== 'params' && v !== undefined && k in this.defaults) checkOptionValue(op, k, v, this.defaults[k]);
    }
    return { ...group, params: params as Tensor[] };
  }

  /**
   * Adds a group; options it lacks come from the defaults.
   * @example
   * ```ts pytorch=nn.optim.Optimizer.addParamGroup
   * torch.manualSeed(0);
   * const backbone = new torch.nn.Linear(4, 4);
   * const head = new torch.nn.Linear(4, 2);
   * const opt = new torch.optim.SGD(backbone.parameters(), { lr: 0.01 });
   * opt.addParamGroup({ params: head.parameters(), lr: 0.1 }); // e.g. a new head, trained faster
   * console.log(opt.paramGroups.length, opt.paramGroups[1]!.lr, opt.paramGroups[1]!.momentum);
   * ```
   * ```text
   * 2 0.1 0
   * ```
   */
  addParamGroup(group: { params: Iterable<Tensor> | Tensor; [option: string]: any }): void {
    const { params } = this.checkParamGroup(group);
    const g = { ...this.defaults } as ParamGroup;
    for (const [k, v] of Object.entries(group)) if (v !== undefined) g[k] = v;
    g.params = params;
    for (const [k, v] of Object.entries(this.defaults)) {
      if (v === REQUIRED && g[k] === REQUIRED) throw new TorchValueError('add_param_group', `parameter group didn't specify a value of required optimization parameter ${toSnake(k)}`);
    }
    const seen = new Set(this.paramGroups.flatMap((x) => x.params));
    if (params.some((p) => seen.has(p))) throw new TorchValueError('add_param_group', 'some parameters appear in more than one parameter group');
    this.paramGroups.push(g);
  }

  /** Resets the gradients of all parameters: to null (default, PyTorch 2's `set_to_none=True`) or to zeros. */
  zeroGrad(opts: { setToNone?: boolean } = {}): void {
    const setToNone = checkOptions('zero_grad', opts, { setToNone: 'bool' }, 1).setToNone ?? true;
    for (const g of this.paramGroups) {
      for (const p of g.params) {
        if (p.grad === null) continue;
        if (setToNone) {
          // the dropped gradient is freed at the end of the enclosing tidy, if any
          release(p.grad);
          p.grad = null;
        } else {
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
  step(closure?: (() => Tensor | number) | null): Tensor | number | undefined {
    if (closure !== undefined && closure !== null && typeof closure !== 'function') {
      throw new TorchTypeError('step', `step(): argument 'closure' must be callable, not ${pyTypeName(closure)}`);
    }
    const loss = closure ? closure() : undefined;
    this._stepCount++;
    this._ownState(() =>
      noGrad(() => {
        for (const g of this.paramGroups) this._update(g);
      }),
    );
    return loss;
  }

  /**
   * Runs `fn`, which may create and replace state tensors. Inside `tidy`, the state it
   * creates is the optimizer's (it survives the scope) and the state it drops is handed
   * to the innermost scope, so a loop with one `tidy` per step keeps memory flat.
   */
  protected _ownState<R>(fn: () => R): R {
    if (!tidyActive()) return fn();
    const before = stateTensors(this.state);
    try {
      return fn();
    } finally {
      const after = stateTensors(this.state);
      for (const t of after) if (!before.has(t)) adopt(t);
      for (const t of before) if (!after.has(t)) release(t);
    }
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

  /**
   * The state in PyTorch's layout (tensors are shared, not copied).
   * @example
   * ```ts pytorch=nn.optim.Optimizer.stateDict
   * const w = torch.tensor([1, -2], { dtype: 'float32', requiresGrad: true });
   * const opt = new torch.optim.SGD([w], { lr: 0.1, momentum: 0.9 });
   * w.pow(2).sum().backward();
   * opt.step();
   * const sd = opt.stateDict(); // PyTorch's layout: state by parameter index, param_groups with snake_case keys
   * console.log(sd.state.get(0)!['momentum_buffer'], sd.param_groups[0]!['weight_decay']);
   * ```
   * ```text
   * tensor([ 2., -4.]) 0
   * ```
   */
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
   * Loads a state dict from {@link Optimizer.stateDict} (or one PyTorch saved, read with
   * `torch.load`): groups must match in number and sizes; tensors are copied, to the
   * parameter's dtype (floating point) and device, except the scalars kept on the CPU
   * (`step`, and NAdam's `mu_product`, ASGD's `eta` and `mu`).
   */
  loadStateDict(stateDict: OptimizerStateDict | { state: Record<string, ParamState> | Map<number | string, ParamState>; param_groups: Record<string, unknown>[] } | Loaded): void {
    if (stateDict === null || typeof stateDict !== 'object') throw new TorchTypeError('load_state_dict', `optimizer state dict must be an object, not ${pyTypeName(stateDict)}`);
    // torch.load's result is checked here, field by field, like any other input
    const sd = stateDict as { state: Record<string, ParamState> | Map<number | string, ParamState> | null; param_groups: unknown };
    if (sd.state === null || typeof sd.state !== 'object') throw new TorchTypeError('load_state_dict', 'optimizer state dict has no state entry');
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
          if (!HOST_STATE.has(k)) {
            if (p.dtype.isFloatingPoint && t.dtype.isFloatingPoint) t = t.to(p.dtype);
            if (!t.device.equals(p.device)) t = t.to(p.device);
          }
          copy[k] = t === v ? t.clone() : t;
        } else copy[k] = v;
      }
      state.set(p, copy);
    }
    this._ownState(() => {
      this.state = state;
    });
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

  /**
   * PyTorch's repr: the class name and each group's options under their PyTorch names,
   * sorted, with Python's spelling of the values (`False`, `None`, `1e-08`, `(0.9, 0.999)`);
   * `console.log(opt)` prints it.
   */
  toString(): string {
    let s = `${this.constructor.name} (`;
    this.paramGroups.forEach((g, i) => {
      const opts: Record<string, unknown> = { ...this.pytorchOnlyDefaults };
      for (const [k, v] of Object.entries(g)) if (k !== 'params') opts[toSnake(k)] = v;
      s += `\nParameter Group ${i}\n`;
      for (const k of Object.keys(opts).sort()) s += `    ${k}: ${pyValue(opts[k])}\n`;
    });
    return `${s})`;
  }

  /** @internal Node's console prints the repr. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** An option's value as Python's `str` prints it (integral numbers as ints, arrays as tuples). */
function pyValue(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloat(v);
  if (Array.isArray(v)) return v.length === 1 ? `(${pyValue(v[0])},)` : `(${v.map(pyValue).join(', ')})`;
  return String(v);
}

/**
 * `defaults` overridden by the options that are not undefined. With `op` (the optimizer's
 * name), the options are checked first: an object, no option the optimizer lacks (PyTorch's
 * "unexpected keyword argument"; its `foreach`/`capturable`/`differentiable`/`fused` flags
 * are accepted and have no effect), and values of their defaults' types.
 */
export function withDefaults<T extends object>(defaults: T, opts: Partial<T> | undefined, op?: string): T {
  if (op !== undefined) {
    const spec = Object.fromEntries([...Object.keys(defaults), ...PYTORCH_FLAGS].map((k) => [k, 'any' as const]));
    checkOptions(op, opts, spec, 2);
    for (const [k, v] of Object.entries(opts ?? {})) {
      if (v !== undefined) checkOptionValue(op, k, v, (defaults as Record<string, unknown>)[k]);
    }
  }
  const out = { ...defaults };
  for (const [k, v] of Object.entries(opts ?? {})) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Marker for options without a default (SGD's `lr` in PyTorch 1.13). */
export const REQUIRED = Symbol('required');

/** Checks an option is ≥ 0 with PyTorch's message. */
export function checkNonNegative(value: number, what: string, op: string): void {
  if (!(value >= 0)) throw new TorchValueError(op, `Invalid ${what}: ${value}`);
}

/**
 * @internal A CPU float32 tensor for the scalar state PyTorch 1.13 keeps on the CPU
 * (`step`, `mu_product`, `eta`, `mu`), whatever the parameters' device.
 */
export function hostScalar(value: number): Tensor {
  return tensor(value, { dtype: float32, device: 'cpu' });
}

/** @internal PyTorch's `step_t += 1; step = step_t.item()` on a float32 step tensor (on the CPU: no device read). */
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
