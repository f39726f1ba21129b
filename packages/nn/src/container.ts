/**
 * Containers: `Sequential`, `ModuleList`, `ModuleDict`, `ParameterList`, `ParameterDict`.
 */
import { Tensor, TorchIndexError, TorchTypeError, cppName, expectInt, pyTypeName } from '@antorcha/core';
import { Module } from './module.js';
import { Parameter } from './parameter.js';

/** Whether `v` is a plain object (a dict of named entries), not a class instance. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `[key, value]` pairs of a Map or a plain object; otherwise PyTorch's `update` TypeError. */
function namedEntries(v: unknown, what: string): [string, unknown][] {
  if (v instanceof Map) {
    const entries = [...(v as Map<unknown, unknown>).entries()];
    for (const [k] of entries) if (typeof k !== 'string') throw new TorchTypeError(what, `module name should be a string. Got ${pyTypeName(k)}`);
    return entries as [string, unknown][];
  }
  if (isPlainObject(v)) return Object.entries(v);
  throw new TorchTypeError(what, `${what} should be called with a Map or an object of name/module pairs, but got ${pyTypeName(v)}`);
}

/** `v` must be a Module (or null): PyTorch's `add_module` TypeError otherwise. */
function checkModule(v: unknown): void {
  if (v !== null && !(v instanceof Module)) throw new TorchTypeError('add_module', `${pyTypeName(v)} is not a Module subclass`);
}

/** The elements of an iterable; otherwise PyTorch's `extend` TypeError. */
function iterate(v: unknown, what: string): unknown[] {
  if (v === null || v === undefined || typeof v === 'string' || typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
    throw new TorchTypeError(what, `${what} should be called with an iterable, but got ${pyTypeName(v)}`);
  }
  return [...(v as Iterable<unknown>)];
}

function wrapIndex(i: number, n: number, what: string): number {
  const j = i < 0 ? i + n : i;
  if (!Number.isInteger(j) || j < 0 || j >= n) throw new TorchIndexError(what, `index ${i} is out of range`);
  return j;
}

/**
 * Runs its modules in order, each on the previous one's output. Children are
 * named `'0'`, `'1'`, … (or by the keys of an object/Map given instead).
 * `forward` takes and returns tensors; give `In`/`Out` for other kinds of data
 * (`new nn.Sequential<Tensor, [Tensor, Tensor]>(…)`): they are not checked.
 * @example
 * ```ts pytorch=nn.Sequential
 * torch.manualSeed(0);
 * const model = new torch.nn.Sequential(new torch.nn.Linear(4, 3), new torch.nn.ReLU(), new torch.nn.Linear(3, 1));
 * console.log(model);
 * console.log(model.call(torch.ones(2, 4)));
 * ```
 * ```text
 * Sequential(
 *   (0): Linear(in_features=4, out_features=3, bias=True)
 *   (1): ReLU()
 *   (2): Linear(in_features=3, out_features=1, bias=True)
 * )
 * tensor([[-0.3914],
 *         [-0.3914]], grad_fn=<AddmmBackward0>)
 * ```
 */
export class Sequential<In = Tensor, Out = Tensor> extends Module {
  /** @param modules the modules in order, or one Map/object of named modules */
  constructor(...modules: Module[] | [Record<string, Module> | Map<string, Module>]) {
    const first = modules[0] as unknown;
    const named = modules.length === 1 && (first instanceof Map || isPlainObject(first));
    const entries = named ? namedEntries(first, 'Sequential') : [];
    // every module is checked before any is registered
    if (named) for (const [, m] of entries) checkModule(m);
    else modules.forEach(checkModule);
    super();
    if (named) {
      for (const [k, m] of entries) this.registerModule(k, m as Module | null);
    } else {
      (modules as Module[]).forEach((m, i) => this.registerModule(String(i), m));
    }
  }

  /** Number of modules. */
  get length(): number {
    return this._modules.size;
  }

  /** The module at position `i` (negative counts from the end). */
  at(i: number): Module {
    const keys = [...this._modules.keys()];
    return this._modules.get(keys[wrapIndex(i, keys.length, 'Sequential')]!)!;
  }

  /**
   * A new Sequential with modules [start, end) (keys kept, as PyTorch's slicing does).
   * @example
   * ```ts pytorch=nn.Sequential.slice
   * const model = new torch.nn.Sequential(new torch.nn.Linear(4, 3), new torch.nn.ReLU(), new torch.nn.Linear(3, 1));
   * console.log(model.slice(0, 2)); // the first two modules, as model[0:2]
   * console.log(model.at(-1));
   * ```
   * ```text
   * Sequential(
   *   (0): Linear(in_features=4, out_features=3, bias=True)
   *   (1): ReLU()
   * )
   * Linear(in_features=3, out_features=1, bias=True)
   * ```
   */
  slice(start = 0, end = this.length): Sequential<In, Out> {
    expectInt('Sequential.slice', 'start', 1, start);
    expectInt('Sequential.slice', 'end', 2, end);
    const entries = [...this._modules.entries()].slice(start, end);
    return new Sequential<In, Out>(new Map(entries.filter((e): e is [string, Module] => e[1] !== null)));
  }

  /** Appends a module under the next index. */
  append(module: Module): this {
    this.registerModule(String(this.length), module);
    return this;
  }

  /** Iterates over the modules. */
  *[Symbol.iterator](): Iterator<Module> {
    for (const m of this._modules.values()) if (m !== null) yield m;
  }

  /** Feeds `input` through every module (`module.call`, so hooks run). */
  override forward(input: In): Out {
    let x: unknown = input;
    for (const m of this) x = m.call(x);
    return x as Out;
  }
}

/**
 * A list of submodules (registered as `'0'`, `'1'`, …) without a forward of its own.
 * `M` is the modules' type, inferred from the constructor's argument, so calling an
 * element is typed (`layer.call(x)` is a Tensor for a list of `Linear`s).
 * @example
 * ```ts pytorch=nn.ModuleList
 * torch.manualSeed(0);
 * const layers = new torch.nn.ModuleList([new torch.nn.Linear(2, 2), new torch.nn.Linear(2, 1)]);
 * let x = torch.ones(1, 2);
 * for (const layer of layers) x = layer.call(x);
 * console.log(layers.length, x);
 * ```
 * ```text
 * 2 tensor([[-0.5759]], grad_fn=<AddmmBackward0>)
 * ```
 */
export class ModuleList<M extends Module = Module> extends Module {
  /** @param modules the initial modules (an iterable) */
  constructor(modules: Iterable<M> = []) {
    const list = iterate(modules, 'ModuleList.extend');
    list.forEach(checkModule);
    super();
    for (const m of list) this.append(m as M);
  }

  /** Number of modules. */
  get length(): number {
    return this._modules.size;
  }

  /** The module at `i` (negative counts from the end). */
  at(i: number): M {
    const keys = [...this._modules.keys()];
    return this._modules.get(keys[wrapIndex(i, keys.length, 'ModuleList')]!)! as M;
  }

  /** Replaces the module at `i`. */
  set(i: number, module: M): void {
    const keys = [...this._modules.keys()];
    this.registerModule(keys[wrapIndex(i, keys.length, 'ModuleList')]!, module);
  }

  /** Appends a module. */
  append(module: M): this {
    this.registerModule(String(this._modules.size), module);
    return this;
  }

  /** Appends several modules. */
  extend(modules: Iterable<M>): this {
    const list = iterate(modules, 'ModuleList.extend');
    list.forEach(checkModule);
    for (const m of list) this.append(m as M);
    return this;
  }

  /** Inserts a module before position `index`. */
  insert(index: number, module: M): void {
    expectInt('ModuleList.insert', 'index', 1, index);
    checkModule(module);
    const mods = [...this._modules.values()] as Module[];
    const n = mods.length;
    const i = Math.max(0, Math.min(n, index < 0 ? index + n : index));
    mods.splice(i, 0, module);
    for (const k of [...this._modules.keys()]) delete (this as unknown as Record<string, unknown>)[k];
    mods.forEach((m, j) => this.registerModule(String(j), m));
  }

  /** Iterates over the modules. */
  *[Symbol.iterator](): Iterator<M> {
    for (const m of this._modules.values()) if (m !== null) yield m as M;
  }
}

/**
 * A dictionary of submodules, in insertion order; `M` is the modules' type (inferred from
 * the constructor's argument), so `heads.get('cls').call(x)` is typed.
 * @example
 * ```ts pytorch=nn.ModuleDict
 * const heads = new torch.nn.ModuleDict({ cls: new torch.nn.Linear(8, 3), reg: new torch.nn.Linear(8, 1) });
 * console.log(heads);
 * console.log(heads.get('reg'));
 * ```
 * ```text
 * ModuleDict(
 *   (cls): Linear(in_features=8, out_features=3, bias=True)
 *   (reg): Linear(in_features=8, out_features=1, bias=True)
 * )
 * Linear(in_features=8, out_features=1, bias=True)
 * ```
 */
export class ModuleDict<M extends Module = Module> extends Module {
  /** @param modules the initial entries (a Map or an object) */
  constructor(modules: Record<string, M> | Map<string, M> = {}) {
    const entries = namedEntries(modules, 'ModuleDict.update');
    for (const [, m] of entries) checkModule(m);
    super();
    for (const [k, m] of entries) this.registerModule(k, m as M);
  }

  /** Number of entries. */
  get length(): number {
    return this._modules.size;
  }

  /** The module under `key`. */
  get(key: string): M {
    const m = this._modules.get(key);
    if (m === undefined || m === null) throw new TorchIndexError('ModuleDict', `KeyError: '${key}'`);
    return m as M;
  }

  /** Adds or replaces the module under `key`. */
  set(key: string, module: M): void {
    this.registerModule(key, module);
  }

  /** Whether `key` is present. */
  has(key: string): boolean {
    return this._modules.has(key);
  }

  /** Removes `key` and returns its module. */
  pop(key: string): M {
    const m = this.get(key);
    delete (this as unknown as Record<string, unknown>)[key];
    this._modules.delete(key);
    return m;
  }

  /** Adds all entries of a record or Map. */
  update(modules: Record<string, M> | Map<string, M>): void {
    const entries = namedEntries(modules, 'ModuleDict.update');
    for (const [, m] of entries) checkModule(m);
    for (const [k, m] of entries) this.registerModule(k, m as M);
  }

  /** The keys. */
  keys(): string[] {
    return [...this._modules.keys()];
  }

  /** The modules. */
  values(): M[] {
    return [...this._modules.values()].filter((m): m is M => m !== null);
  }

  /** `[key, module]` pairs. */
  entries(): [string, M][] {
    return [...this._modules.entries()].filter((e): e is [string, M] => e[1] !== null);
  }

  /** Iterates over the keys, as a Python dict does. */
  *[Symbol.iterator](): Iterator<string> {
    yield* this._modules.keys();
  }
}

/** `value` must be a Tensor (ParameterList wraps it in a Parameter). */
function checkParameterValue(value: unknown): void {
  if (!(value instanceof Tensor)) throw new TorchTypeError('ParameterList', `ParameterList.append expects a Tensor, not ${pyTypeName(value)}`);
}

/**
 * A list of parameters registered as `'0'`, `'1'`, …
 * @example
 * ```ts pytorch=nn.ParameterList
 * const params = new torch.nn.ParameterList([torch.zeros(2), torch.ones(3)]);
 * console.log(params);
 * console.log(params.at(1));
 * ```
 * ```text
 * ParameterList(
 *     (0): Parameter containing: [torch.float32 of size 2]
 *     (1): Parameter containing: [torch.float32 of size 3]
 * )
 * Parameter containing:
 * tensor([1., 1., 1.], requires_grad=True)
 * ```
 */
export class ParameterList extends Module {
  /** @param values the initial tensors (an iterable; each wrapped in a Parameter unless it is one) */
  constructor(values: Iterable<Tensor> = []) {
    const list = iterate(values, 'ParameterList.extend');
    list.forEach((v) => checkParameterValue(v));
    super();
    for (const v of list) this.append(v as Tensor);
  }

  /** Number of parameters. */
  get length(): number {
    return this._parameters.size;
  }

  /** The parameter at `i`. */
  at(i: number): Parameter {
    const keys = [...this._parameters.keys()];
    return this._parameters.get(keys[wrapIndex(i, keys.length, 'ParameterList')]!)!;
  }

  /** Appends a tensor (wrapped in a Parameter unless it is one). */
  append(value: Tensor): this {
    checkParameterValue(value);
    this.registerParameter(String(this._parameters.size), value instanceof Parameter ? value : new Parameter(value));
    return this;
  }

  /** Iterates over the parameters. */
  *[Symbol.iterator](): Iterator<Parameter> {
    for (const p of this._parameters.values()) if (p !== null) yield p;
  }

  /** PyTorch 1.13's lines, one per parameter: `(0): Parameter containing: [torch.float32 of size 2x3]`. */
  override extraRepr(): string {
    return [...this].map((p, k) => `  (${k}): Parameter containing: [${String(p.dtype)} of size ${p._shape.join('x')}]`).join('\n');
  }
}

/** PyTorch's `torch.typename` of a parameter: `torch.FloatTensor`. */
function paramTypeName(t: Tensor): string {
  return `torch.${cppName(t.dtype)}Tensor`;
}

/**
 * A dictionary of parameters registered under their keys. A plain object is taken in
 * sorted key order (PyTorch sorts a `dict`'s items); a Map keeps its order.
 * @example
 * ```ts pytorch=nn.ParameterDict
 * const pd = new torch.nn.ParameterDict({ scale: torch.ones(3), shift: torch.zeros(3) });
 * console.log(pd);
 * console.log(pd.get('scale'));
 * ```
 * ```text
 * ParameterDict(
 *     (scale): Parameter containing: [torch.FloatTensor of size 3]
 *     (shift): Parameter containing: [torch.FloatTensor of size 3]
 * )
 * Parameter containing:
 * tensor([1., 1., 1.], requires_grad=True)
 * ```
 */
export class ParameterDict extends Module {
  /** @param parameters the initial entries (a Map, or an object taken in sorted key order) */
  constructor(parameters: Record<string, Tensor> | Map<string, Tensor> = {}) {
    const entries = ParameterDict.entriesOf(parameters);
    super();
    for (const [k, v] of entries) this.set(k, v);
  }

  private static entriesOf(v: Record<string, Tensor> | Map<string, Tensor> | ParameterDict): [string, Tensor][] {
    if (v instanceof ParameterDict) return v.entries();
    const entries = namedEntries(v, 'ParameterDict.update') as [string, unknown][];
    for (const [, p] of entries) {
      if (!(p instanceof Tensor)) throw new TorchTypeError('ParameterDict', `ParameterDict values must be Tensors, not ${pyTypeName(p)}`);
    }
    if (!(v instanceof Map)) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries as [string, Tensor][];
  }

  /** Number of entries. */
  get length(): number {
    return this._parameters.size;
  }

  /** The parameter under `key`; a missing key gives `dflt` when one is passed, else a KeyError (as `pd[key]`). */
  get(key: string): Parameter;
  get<D>(key: string, dflt: D): Parameter | D;
  get<D>(key: string, ...dflt: [D?]): Parameter | D {
    const p = this._parameters.get(key);
    if (p === undefined || p === null) {
      if (dflt.length > 0) return dflt[0] as D;
      throw new TorchIndexError('ParameterDict', `KeyError: '${key}'`);
    }
    return p;
  }

  /** The parameter under `key`, first setting it to `dflt` when missing. */
  setdefault(key: string, dflt: Tensor): Parameter {
    if (!this.has(key)) this.set(key, dflt);
    return this.get(key);
  }

  /** Removes and returns the last inserted `[key, parameter]`. */
  popitem(): [string, Parameter] {
    const keys = this.keys();
    if (keys.length === 0) throw new TorchIndexError('ParameterDict', "KeyError: 'popitem(): dictionary is empty'");
    const k = keys[keys.length - 1]!;
    return [k, this.pop(k)];
  }

  /** A new ParameterDict with `keys`, each a new Parameter of `dflt`. */
  fromkeys(keys: Iterable<string>, dflt: Tensor): ParameterDict {
    return new ParameterDict(new Map([...keys].map((k) => [k, dflt])));
  }

  /** A shallow copy (the same Parameter objects). */
  copy(): ParameterDict {
    return new ParameterDict(new Map(this.entries()));
  }

  /** `[key, parameter]` pairs (Python's `items()`). */
  items(): [string, Parameter][] {
    return this.entries();
  }

  /** Adds or replaces the entry under `key` (a tensor is wrapped in a Parameter). */
  set(key: string, value: Tensor): void {
    if (!(value instanceof Tensor)) throw new TorchTypeError('ParameterDict', `ParameterDict values must be Tensors, not ${pyTypeName(value)}`);
    this.registerParameter(key, value instanceof Parameter ? value : new Parameter(value));
  }

  /** Whether `key` is present. */
  has(key: string): boolean {
    return this._parameters.has(key);
  }

  /** Removes `key` and returns its parameter. */
  pop(key: string): Parameter {
    const p = this.get(key);
    delete (this as unknown as Record<string, unknown>)[key];
    this._parameters.delete(key);
    return p;
  }

  /** Adds the entries of a Map, an object (sorted keys) or another ParameterDict. */
  update(parameters: Record<string, Tensor> | Map<string, Tensor> | ParameterDict): void {
    for (const [k, v] of ParameterDict.entriesOf(parameters)) this.set(k, v);
  }

  /** Removes every entry. */
  clear(): void {
    for (const k of this.keys()) this.pop(k);
  }

  /** The keys. */
  keys(): string[] {
    return [...this._parameters.keys()];
  }

  /** The parameters. */
  values(): Parameter[] {
    return [...this._parameters.values()].filter((p): p is Parameter => p !== null);
  }

  /** `[key, parameter]` pairs. */
  entries(): [string, Parameter][] {
    return [...this._parameters.entries()].filter((e): e is [string, Parameter] => e[1] !== null);
  }

  /** Iterates over the keys, as a Python dict does. */
  *[Symbol.iterator](): Iterator<string> {
    yield* this._parameters.keys();
  }

  /** One line per entry: `(key): Parameter containing: [torch.FloatTensor of size 2x3]`. */
  override extraRepr(): string {
    return this.entries()
      .map(([k, p]) => `  (${k}): Parameter containing: [${paramTypeName(p)} of size ${p._shape.join('x')}]`)
      .join('\n');
  }
}
