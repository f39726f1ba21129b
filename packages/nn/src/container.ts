/**
 * Containers: `Sequential`, `ModuleList`, `ModuleDict`, `ParameterList`.
 */
import { type Tensor, TorchIndexError, TorchTypeError } from '@antorcha/core';
import { Module } from './module.js';
import { Parameter } from './parameter.js';

function wrapIndex(i: number, n: number, what: string): number {
  const j = i < 0 ? i + n : i;
  if (!Number.isInteger(j) || j < 0 || j >= n) throw new TorchIndexError(what, `index ${i} is out of range`);
  return j;
}

/**
 * Runs its modules in order, each on the previous one's output. Children are
 * named `'0'`, `'1'`, … (or by the keys of an object/Map given instead).
 * @example
 * ```ts
 * const model = new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10));
 * model.stateDict(); // '0.weight', '0.bias', '2.weight', '2.bias'
 * ```
 */
export class Sequential extends Module {
  constructor(...modules: Module[] | [Record<string, Module> | Map<string, Module>]) {
    super();
    const first = modules[0];
    if (modules.length === 1 && first !== undefined && !(first instanceof Module)) {
      const entries = first instanceof Map ? [...first.entries()] : Object.entries(first);
      for (const [k, m] of entries) this.registerModule(k, m);
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

  /** A new Sequential with modules [start, end) (keys kept, as PyTorch's slicing does). */
  slice(start = 0, end = this.length): Sequential {
    const entries = [...this._modules.entries()].slice(start, end);
    return new Sequential(new Map(entries.filter((e): e is [string, Module] => e[1] !== null)));
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
  override forward(input: unknown): any {
    let x = input;
    for (const m of this) x = m.call(x);
    return x;
  }
}

/**
 * A list of submodules (registered as `'0'`, `'1'`, …) without a forward of its own.
 * @example
 * ```ts
 * this.layers = new nn.ModuleList([new nn.Linear(4, 4), new nn.Linear(4, 4)]);
 * for (const layer of this.layers) x = layer.call(x);
 * ```
 */
export class ModuleList extends Module {
  constructor(modules: Iterable<Module> = []) {
    super();
    for (const m of modules) this.append(m);
  }

  /** Number of modules. */
  get length(): number {
    return this._modules.size;
  }

  /** The module at `i` (negative counts from the end). */
  at(i: number): Module {
    const keys = [...this._modules.keys()];
    return this._modules.get(keys[wrapIndex(i, keys.length, 'ModuleList')]!)!;
  }

  /** Replaces the module at `i`. */
  set(i: number, module: Module): void {
    const keys = [...this._modules.keys()];
    this.registerModule(keys[wrapIndex(i, keys.length, 'ModuleList')]!, module);
  }

  /** Appends a module. */
  append(module: Module): this {
    this.registerModule(String(this._modules.size), module);
    return this;
  }

  /** Appends several modules. */
  extend(modules: Iterable<Module>): this {
    for (const m of modules) this.append(m);
    return this;
  }

  /** Inserts a module before position `index`. */
  insert(index: number, module: Module): void {
    const mods = [...this._modules.values()] as Module[];
    const n = mods.length;
    const i = Math.max(0, Math.min(n, index < 0 ? index + n : index));
    mods.splice(i, 0, module);
    for (const k of [...this._modules.keys()]) delete (this as unknown as Record<string, unknown>)[k];
    mods.forEach((m, j) => this.registerModule(String(j), m));
  }

  /** Iterates over the modules. */
  *[Symbol.iterator](): Iterator<Module> {
    for (const m of this._modules.values()) if (m !== null) yield m;
  }
}

/**
 * A dictionary of submodules, in insertion order.
 * @example
 * ```ts
 * const heads = new nn.ModuleDict({ cls: new nn.Linear(8, 3), reg: new nn.Linear(8, 1) });
 * heads.get('cls');
 * ```
 */
export class ModuleDict extends Module {
  constructor(modules: Record<string, Module> | Map<string, Module> = {}) {
    super();
    this.update(modules);
  }

  /** Number of entries. */
  get length(): number {
    return this._modules.size;
  }

  /** The module under `key`. */
  get(key: string): Module {
    const m = this._modules.get(key);
    if (m === undefined || m === null) throw new TorchIndexError('ModuleDict', `KeyError: '${key}'`);
    return m;
  }

  /** Adds or replaces the module under `key`. */
  set(key: string, module: Module): void {
    this.registerModule(key, module);
  }

  /** Whether `key` is present. */
  has(key: string): boolean {
    return this._modules.has(key);
  }

  /** Removes `key` and returns its module. */
  pop(key: string): Module {
    const m = this.get(key);
    delete (this as unknown as Record<string, unknown>)[key];
    this._modules.delete(key);
    return m;
  }

  /** Adds all entries of a record or Map. */
  update(modules: Record<string, Module> | Map<string, Module>): void {
    const entries = modules instanceof Map ? [...modules.entries()] : Object.entries(modules);
    for (const [k, m] of entries) this.registerModule(k, m);
  }

  /** The keys. */
  keys(): string[] {
    return [...this._modules.keys()];
  }

  /** The modules. */
  values(): Module[] {
    return [...this._modules.values()].filter((m): m is Module => m !== null);
  }

  /** `[key, module]` pairs. */
  entries(): [string, Module][] {
    return [...this._modules.entries()].filter((e): e is [string, Module] => e[1] !== null);
  }

  /** Iterates over the keys, as a Python dict does. */
  *[Symbol.iterator](): Iterator<string> {
    yield* this._modules.keys();
  }
}

/** A list of parameters registered as `'0'`, `'1'`, … */
export class ParameterList extends Module {
  constructor(values: Iterable<Tensor> = []) {
    super();
    for (const v of values) this.append(v);
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
    if (!(value instanceof Parameter) && !(value && typeof value === 'object' && 'dtype' in value)) {
      throw new TorchTypeError('ParameterList', 'ParameterList.append expects a Tensor');
    }
    this.registerParameter(String(this._parameters.size), value instanceof Parameter ? value : new Parameter(value));
    return this;
  }

  /** Iterates over the parameters. */
  *[Symbol.iterator](): Iterator<Parameter> {
    for (const p of this._parameters.values()) if (p !== null) yield p;
  }
}
