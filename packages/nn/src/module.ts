/**
 * `nn.Module`: the base class of every layer and model. Assigning a
 * {@link Parameter}, a Module, or (for registered names) a buffer to a property
 * registers it, as in PyTorch: `this.fc1 = new nn.Linear(4, 8)` in a subclass
 * constructor makes `fc1.weight` a parameter of the model.
 */
import { type DTypeLike, type DeviceLike, Tensor, TorchRuntimeError, TorchTypeError, TorchValueError, adopt, cppName, device as toDevice, fmtShape, getBackend, keep, release } from '@antorcha/core';
import { noGrad } from '@antorcha/autograd';
import { checkArg, checkOptions } from './layers/_util.js';
import { Parameter, swapTensorData } from './parameter.js';
import type { Loaded } from './serialization/torch-format.js';
import { addIndent } from './utils/pyrepr.js';

/** A state dict: names (PyTorch's dotted keys, e.g. `fc1.weight`) → tensors, in registration order. */
export type StateDict = Record<string, Tensor>;

/**
 * Per-module metadata PyTorch stores with a state dict (`_metadata`: module prefix →
 * `{ version }`), a Map so that prefixes keep PyTorch's order (`''` first).
 */
export type StateDictMetadata = Map<string, { version: number }>;

/** What `loadStateDict` reports (PyTorch's `_IncompatibleKeys`). */
export interface IncompatibleKeys {
  /** Keys the module expects that the state dict lacks. */
  missingKeys: string[];
  /** Keys in the state dict that the module does not have. */
  unexpectedKeys: string[];
}

/** A handle returned by the hook registration methods. */
export interface RemovableHandle {
  /** Unregisters the hook. */
  remove(): void;
}

/** `hook(module, inputs)`: may return replacement inputs (an array) or nothing. */
export type ForwardPreHook = (module: Module, inputs: unknown[]) => unknown[] | void;
/** `hook(module, inputs, output)`: may return a replacement output or nothing. */
export type ForwardHook = (module: Module, inputs: unknown[], output: unknown) => unknown;

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** Internal registries, kept off the enumerable properties. */
interface Registries {
  _parameters: Map<string, Parameter | null>;
  _buffers: Map<string, Tensor | null>;
  _nonPersistentBuffers: Set<string>;
  _modules: Map<string, Module | null>;
  _forwardHooks: Map<number, ForwardHook>;
  _forwardPreHooks: Map<number, ForwardPreHook>;
}

let nextHookId = 0;

function typeName(v: unknown): string {
  if (v === null) return 'None';
  if (v instanceof Tensor) return `torch.${cppName(v.dtype)}Tensor`;
  if (v instanceof Module) return v._getName();
  return typeof v;
}

function removeFrom(t: Registries, name: string): void {
  t._parameters.delete(name);
  t._buffers.delete(name);
  t._nonPersistentBuffers.delete(name);
  t._modules.delete(name);
}

/**
 * Routes property writes into the registries. Returns true when the value was handled
 * as a registered member (the property is still set on the object so reads are plain).
 */
function register(target: Module, prop: string, value: unknown): void {
  const t = target as unknown as Registries;
  if (value instanceof Parameter) {
    if (!t._parameters.has(prop)) removeFrom(t, prop);
    t._parameters.set(prop, keep(value));
  } else if (t._parameters.has(prop)) {
    if (value !== null) {
      throw new TorchTypeError('__setattr__', `cannot assign '${typeName(value)}' as parameter '${prop}' (torch.nn.Parameter or None expected)`);
    }
    t._parameters.set(prop, null);
  } else if (value instanceof Module) {
    if (!t._modules.has(prop)) removeFrom(t, prop);
    t._modules.set(prop, value);
  } else if (t._modules.has(prop)) {
    if (value !== null) throw new TorchTypeError('__setattr__', `cannot assign '${typeName(value)}' as child module '${prop}' (torch.nn.Module or None expected)`);
    t._modules.set(prop, null);
  } else if (t._buffers.has(prop)) {
    if (value !== null && !(value instanceof Tensor)) {
      throw new TorchTypeError('__setattr__', `cannot assign '${typeName(value)}' as buffer '${prop}' (torch.Tensor or None expected)`);
    }
    t._buffers.set(prop, value === null ? null : keep(value as Tensor));
  }
}

function isRegistered(target: Module, prop: string): boolean {
  const t = target as unknown as Registries;
  return t._parameters.has(prop) || t._modules.has(prop) || t._buffers.has(prop);
}

const handler: ProxyHandler<Module> = {
  set(target, prop, value) {
    if (typeof prop === 'string') register(target, prop, value);
    return Reflect.set(target, prop, value);
  },
  defineProperty(target, prop, desc) {
    if (typeof prop === 'string' && 'value' in desc) {
      // A TS/JS class field declared without initialiser defines `undefined`: keep what is registered.
      if (desc.value === undefined && isRegistered(target, prop)) return true;
      register(target, prop, desc.value);
    }
    return Reflect.defineProperty(target, prop, desc);
  },
  deleteProperty(target, prop) {
    if (typeof prop === 'string') removeFrom(target as unknown as Registries, prop);
    return Reflect.deleteProperty(target, prop);
  },
};

function hidden(obj: object, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: false, configurable: true });
}

function checkName(kind: string, name: string, target: Module): void {
  if (typeof name !== 'string') throw new TorchTypeError(`register_${kind}`, `${kind} name should be a string. Got ${typeof name}`);
  if (name.includes('.')) throw new TorchRuntimeError(`register_${kind}`, `${kind} name can't contain ".", got: ${name}`);
  if (name === '') throw new TorchRuntimeError(`register_${kind}`, `${kind} name can't be empty string ""`);
  if (name in target && !isRegistered(target, name)) throw new TorchRuntimeError(`register_${kind}`, `attribute '${name}' already exists`);
}

/** Copies a value reached from a module's attributes for {@link Module.deepcopy}. */
function deepcopyValue(v: unknown, memo: Map<unknown, unknown>): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (memo.has(v)) return memo.get(v);
  let out: unknown;
  if (v instanceof Module) out = deepcopyModule(v, memo);
  else if (v instanceof Parameter) {
    const p = new Parameter(noGrad(() => v.detach().clone()), v.requiresGrad);
    if (v.grad) p.grad = adopt(noGrad(() => v.grad!.clone()));
    out = p;
  } else if (v instanceof Tensor) out = noGrad(() => v.detach().clone().requiresGrad_(v.requiresGrad && v.isLeaf));
  else if (Array.isArray(v)) out = v.map((x) => deepcopyValue(x, memo));
  else if (Object.getPrototypeOf(v) === Object.prototype) out = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepcopyValue(x, memo)]));
  else out = v; // functions, class instances other than tensors and modules: shared
  memo.set(v, out);
  return out;
}

function deepcopyModule(m: Module, memo: Map<unknown, unknown>): Module {
  const done = memo.get(m);
  if (done !== undefined) return done as Module;
  const src = m as unknown as Registries & Record<string, unknown>;
  const target = Object.create(Object.getPrototypeOf(m) as object) as Module;
  hidden(target, '_parameters', new Map());
  hidden(target, '_buffers', new Map());
  hidden(target, '_nonPersistentBuffers', new Set(src._nonPersistentBuffers));
  hidden(target, '_modules', new Map());
  hidden(target, '_forwardHooks', new Map(src._forwardHooks));
  hidden(target, '_forwardPreHooks', new Map(src._forwardPreHooks));
  hidden(target, 'training', m.training);
  const copy = new Proxy(target, handler);
  memo.set(m, copy);
  const dst = copy as unknown as Registries & Record<string, unknown>;
  // registries first, in their order (state-dict order), then the plain attributes
  for (const [k, p] of src._parameters) dst[k] = deepcopyValue(p, memo);
  for (const [k, b] of src._buffers) {
    dst._buffers.set(k, null);
    dst[k] = deepcopyValue(b, memo);
  }
  for (const [k, c] of src._modules) dst[k] = deepcopyValue(c, memo);
  for (const k of Object.keys(m)) if (!isRegistered(copy, k)) dst[k] = deepcopyValue(src[k], memo);
  return copy;
}

/**
 * Base class for all neural network modules. Subclasses assign parameters,
 * buffers and submodules in their constructor and implement `forward`.
 * @example
 * ```ts pytorch=nn.Module
 * class Net extends torch.nn.Module {
 *   declare fc1: torch.nn.Linear;
 *   declare fc2: torch.nn.Linear;
 *   constructor() {
 *     super();
 *     this.fc1 = new torch.nn.Linear(4, 8);
 *     this.fc2 = new torch.nn.Linear(8, 2);
 *   }
 *   override forward(x: torch.Tensor): torch.Tensor {
 *     return this.fc2.call(torch.nn.functional.relu(this.fc1.call(x)));
 *   }
 * }
 * torch.manualSeed(0);
 * const net = new Net();
 * console.log(net);
 * console.log(net.call(torch.ones(1, 4)));
 * ```
 * ```text
 * Net(
 *   (fc1): Linear(in_features=4, out_features=8, bias=True)
 *   (fc2): Linear(in_features=8, out_features=2, bias=True)
 * )
 * tensor([[-0.1394, -0.1776]], grad_fn=<AddmmBackward0>)
 * ```
 */
export class Module {
  /** Version written to state-dict metadata (PyTorch's `_version`). */
  static _version = 1;

  /** Whether the module is in training mode (see `train()`/`eval()`). */
  declare training: boolean;
  /** @internal */ declare _parameters: Map<string, Parameter | null>;
  /** @internal */ declare _buffers: Map<string, Tensor | null>;
  /** @internal */ declare _nonPersistentBuffers: Set<string>;
  /** @internal */ declare _modules: Map<string, Module | null>;
  /** @internal */ declare _forwardHooks: Map<number, ForwardHook>;
  /** @internal */ declare _forwardPreHooks: Map<number, ForwardPreHook>;

  constructor() {
    hidden(this, '_parameters', new Map());
    hidden(this, '_buffers', new Map());
    hidden(this, '_nonPersistentBuffers', new Set());
    hidden(this, '_modules', new Map());
    hidden(this, '_forwardHooks', new Map());
    hidden(this, '_forwardPreHooks', new Map());
    hidden(this, 'training', true);
    return new Proxy(this, handler);
  }

  /**
   * A deep copy, as PyTorch's `copy.deepcopy(module)`: a module of the same class whose
   * parameters (with their `.grad`), buffers and submodules are copies (new storage, no
   * random draws), registered in the same order; other attributes are copied (arrays and
   * plain objects recursively, tensors cloned); hooks are shared. A parameter or module
   * reached twice is copied once, so sharing (tied weights) is kept.
   */
  deepcopy(): this {
    return deepcopyModule(this, new Map()) as this;
  }

  /**
   * The computation. Every subclass overrides it with its own signature (e.g.
   * `forward(input: Tensor): Tensor`), which `call` then takes and returns.
   */
  forward(..._args: unknown[]): unknown {
    throw new TorchRuntimeError('forward', `Module [${this._getName()}] is missing the required "forward" function`);
  }

  /**
   * Runs the forward pre-hooks, `forward`, then the forward hooks (PyTorch's `module(x)`).
   */
  get call(): this['forward'] {
    // Typed as this module's own `forward`, overloads included (RNN's Tensor and
    // PackedSequence forms), which a `(...args: Parameters<…>)` method would collapse.
    return ((...args: unknown[]) => this._call(args)) as this['forward'];
  }

  private _call(args: unknown[]): unknown {
    let inputs: unknown[] = args;
    for (const hook of [...this._forwardPreHooks.values()]) {
      const r = hook(this, inputs);
      if (r !== undefined) inputs = Array.isArray(r) ? r : [r];
    }
    let out: unknown = this.forward(...inputs);
    for (const hook of [...this._forwardHooks.values()]) {
      const r = hook(this, inputs, out);
      if (r !== undefined) out = r;
    }
    return out;
  }

  // ------------------------------------------------------------------ registration

  /** Registers (or replaces) a parameter; `null` registers an absent one (e.g. `bias=False`). */
  registerParameter(name: string, param: Parameter | null): void {
    if (param !== null && !(param instanceof Parameter)) {
      throw new TorchTypeError('register_parameter', `cannot assign '${typeName(param)}' object to parameter '${name}' (torch.nn.Parameter or None required)`);
    }
    if (!this._parameters.has(name)) {
      checkName('parameter', name, this);
      removeFrom(this as unknown as Registries, name);
    }
    this._parameters.set(name, param === null ? null : keep(param));
    Reflect.set(this, name, param);
  }

  /**
   * Registers a buffer: state that is not a parameter (BatchNorm's running mean).
   * Non-persistent buffers are left out of the state dict.
   * @example
   * ```ts pytorch=nn.Module.registerBuffer
   * class Scale extends torch.nn.Module {
   *   declare factor: torch.Tensor;
   *   constructor() {
   *     super();
   *     this.registerBuffer('factor', torch.tensor([2, 3], { dtype: 'float32' })); // saved, not trained
   *   }
   *   override forward(x: torch.Tensor): torch.Tensor {
   *     return x.mul(this.factor);
   *   }
   * }
   * const m = new Scale();
   * console.log(m.call(torch.ones(2)), m.parameters().length, Object.keys(m.stateDict()).join(', '));
   * ```
   * ```text
   * tensor([2., 3.]) 0 factor
   * ```
   */
  registerBuffer(name: string, tensor: Tensor | null, persistent = true): void {
    if (tensor !== null && !(tensor instanceof Tensor)) {
      throw new TorchTypeError('register_buffer', `cannot assign '${typeName(tensor)}' object to buffer '${name}' (torch Tensor or None required)`);
    }
    if (!this._buffers.has(name)) {
      checkName('buffer', name, this);
      removeFrom(this as unknown as Registries, name);
    }
    this._buffers.set(name, tensor === null ? null : keep(tensor));
    if (persistent) this._nonPersistentBuffers.delete(name);
    else this._nonPersistentBuffers.add(name);
    Reflect.set(this, name, tensor);
  }

  /** Registers a child module under `name` (PyTorch's `add_module`). */
  registerModule(name: string, module: Module | null): void {
    if (module !== null && !(module instanceof Module)) throw new TorchTypeError('add_module', `${typeName(module)} is not a Module subclass`);
    if (!this._modules.has(name)) {
      checkName('module', name, this);
      removeFrom(this as unknown as Registries, name);
    }
    this._modules.set(name, module);
    Reflect.set(this, name, module);
  }

  /** Alias of {@link registerModule}. */
  addModule(name: string, module: Module | null): void {
    this.registerModule(name, module);
  }

  // ------------------------------------------------------------------ traversal

  /**
   * Child modules with their names (direct children only).
   * @example
   * ```ts pytorch=nn.Module.children
   * const model = new torch.nn.Sequential(new torch.nn.Linear(2, 2), new torch.nn.Sequential(new torch.nn.ReLU()));
   * for (const [name, child] of model.namedChildren()) console.log(name, child);
   * ```
   * ```text
   * 0 Linear(in_features=2, out_features=2, bias=True)
   * 1 Sequential(
   *   (0): ReLU()
   * )
   * ```
   */
  namedChildren(): [string, Module][] {
    const out: [string, Module][] = [];
    const seen = new Set<Module>();
    for (const [name, m] of this._modules) {
      if (m !== null && !seen.has(m)) {
        seen.add(m);
        out.push([name, m]);
      }
    }
    return out;
  }

  /** Direct child modules. */
  children(): Module[] {
    return this.namedChildren().map(([, m]) => m);
  }

  /**
   * This module and all descendants with dotted names (`''` for this one), each once.
   * @example
   * ```ts pytorch=nn.Module.namedModules
   * const model = new torch.nn.Sequential(new torch.nn.Linear(2, 2), new torch.nn.Sequential(new torch.nn.ReLU()));
   * for (const [name, m] of model.namedModules()) console.log(JSON.stringify(name), m.constructor.name);
   * ```
   * ```text
   * "" Sequential
   * "0" Linear
   * "1" Sequential
   * "1.0" ReLU
   * ```
   */
  namedModules(prefix = '', memo: Set<Module> = new Set()): [string, Module][] {
    checkArg('named_modules', 'prefix', 1, prefix, 'string');
    if (!(memo instanceof Set)) throw new TorchTypeError('named_modules', `named_modules(): argument 'memo' (position 2) must be a Set, not ${typeName(memo)}`);
    const out: [string, Module][] = [];
    if (memo.has(this)) return out;
    memo.add(this);
    out.push([prefix, this]);
    for (const [name, m] of this._modules) {
      if (m === null) continue;
      out.push(...m.namedModules(prefix ? `${prefix}.${name}` : name, memo));
    }
    return out;
  }

  /** This module and all descendants. */
  modules(): Module[] {
    return this.namedModules().map(([, m]) => m);
  }

  private namedMembers<T>(get: (m: Module) => Iterable<[string, T | null]>, prefix: string, recurse: boolean): [string, T][] {
    const memo = new Set<T>();
    const out: [string, T][] = [];
    const mods: [string, Module][] = recurse ? this.namedModules(prefix) : [[prefix, this]];
    for (const [mp, m] of mods) {
      for (const [k, v] of get(m)) {
        if (v === null || memo.has(v)) continue;
        memo.add(v);
        out.push([mp ? `${mp}.${k}` : k, v]);
      }
    }
    return out;
  }

  /**
   * Parameters with dotted names (`fc1.weight`), each once, in registration order.
   * @example
   * ```ts pytorch=nn.Module.namedParameters
   * const model = new torch.nn.Sequential(new torch.nn.Linear(4, 3), new torch.nn.ReLU(), new torch.nn.Linear(3, 1));
   * for (const [name, p] of model.namedParameters()) console.log(name, p.shape);
   * ```
   * ```text
   * 0.weight torch.Size([3, 4])
   * 0.bias torch.Size([3])
   * 2.weight torch.Size([1, 3])
   * 2.bias torch.Size([1])
   * ```
   */
  namedParameters(prefix = '', recurse = true): [string, Parameter][] {
    checkMembersArgs('named_parameters', prefix, recurse);
    return this.namedMembers((m) => m._parameters, prefix, recurse);
  }

  /**
   * All parameters (of descendants too unless `recurse` is false).
   * @example
   * ```ts pytorch=nn.Module.parameters
   * const model = new torch.nn.Sequential(new torch.nn.Linear(4, 3), new torch.nn.ReLU(), new torch.nn.Linear(3, 1));
   * const params = model.parameters();
   * console.log(params.length, params.reduce((n, p) => n + p.numel(), 0)); // tensors, numbers
   * ```
   * ```text
   * 4 19
   * ```
   */
  parameters(recurse = true): Parameter[] {
    checkArg('parameters', 'recurse', 1, recurse, 'bool');
    return this.namedParameters('', recurse).map(([, p]) => p);
  }

  /** Buffers with dotted names. */
  namedBuffers(prefix = '', recurse = true): [string, Tensor][] {
    checkMembersArgs('named_buffers', prefix, recurse);
    return this.namedMembers((m) => m._buffers, prefix, recurse);
  }

  /** All buffers. */
  buffers(recurse = true): Tensor[] {
    checkArg('buffers', 'recurse', 1, recurse, 'bool');
    return this.namedBuffers('', recurse).map(([, b]) => b);
  }

  /**
   * The submodule at a dotted path (`'encoder.layers.0'`).
   * @example
   * ```ts pytorch=nn.Module.getSubmodule
   * const model = new torch.nn.Sequential(new torch.nn.Linear(2, 2), new torch.nn.Sequential(new torch.nn.Linear(2, 1)));
   * console.log(model.getSubmodule('1.0'));
   * console.log(model.getParameter('1.0.bias').shape);
   * ```
   * ```text
   * Linear(in_features=2, out_features=1, bias=True)
   * torch.Size([1])
   * ```
   */
  getSubmodule(target: string): Module {
    checkArg('get_submodule', 'target', 1, target, 'string');
    if (target === '') return this;
    let mod: Module = this;
    for (const item of target.split('.')) {
      const next = mod._modules.get(item);
      if (next === undefined) throw new TorchRuntimeError('get_submodule', `${mod._getName()} has no attribute \`${item}\``);
      if (next === null) throw new TorchRuntimeError('get_submodule', `\`${item}\` is not an nn.Module`);
      mod = next;
    }
    return mod;
  }

  /** The parameter at a dotted path (`'fc1.weight'`). */
  getParameter(target: string): Parameter {
    checkArg('get_parameter', 'target', 1, target, 'string');
    const i = target.lastIndexOf('.');
    const mod = this.getSubmodule(i < 0 ? '' : target.slice(0, i));
    const name = target.slice(i + 1);
    const p = mod._parameters.get(name);
    if (p === undefined || p === null) throw new TorchRuntimeError('get_parameter', `\`${name}\` is not an nn.Parameter`);
    return p;
  }

  // ------------------------------------------------------------------ modes and bulk operations

  /** Sets training mode on this module and its descendants. */
  train(mode = true): this {
    if (typeof mode !== 'boolean') throw new TorchValueError('train', 'training mode is expected to be boolean');
    this.training = mode;
    for (const m of this.children()) m.train(mode);
    return this;
  }

  /**
   * Evaluation mode (`train(false)`): dropout off, batch norm uses running stats.
   * @example
   * ```ts pytorch=nn.Module.eval
   * torch.manualSeed(0);
   * const model = new torch.nn.Sequential(new torch.nn.Linear(2, 2), new torch.nn.Dropout(0.5));
   * const x = torch.ones(1, 2);
   * model.eval(); // dropout off (and batch norm on its running statistics)
   * console.log(model.call(x));
   * console.log(model.train().call(x));
   * ```
   * ```text
   * tensor([[ 0.1017, -0.9128]], grad_fn=<AddmmBackward0>)
   * tensor([[0., -0.]], grad_fn=<MulBackward0>)
   * ```
   */
  eval(): this {
    return this.train(false);
  }

  /**
   * Sets `requiresGrad` of every parameter.
   * @example
   * ```ts pytorch=nn.Module.requiresGrad_
   * const model = new torch.nn.Sequential(new torch.nn.Linear(4, 3), new torch.nn.Linear(3, 1));
   * model.at(0).requiresGrad_(false); // freeze the first layer
   * const trainable = model.parameters().filter((p) => p.requiresGrad);
   * console.log(trainable.length, trainable.reduce((n, p) => n + p.numel(), 0));
   * ```
   * ```text
   * 2 4
   * ```
   */
  requiresGrad_(requiresGrad = true): this {
    checkArg('requires_grad_', 'requires_grad', 1, requiresGrad, 'bool');
    for (const p of this.parameters()) p.requiresGrad_(requiresGrad);
    return this;
  }

  /**
   * Resets the gradients of all parameters: to null (default, PyTorch 2's
   * `set_to_none=True`) or to zeros.
   * @example
   * ```ts
   * const fc = new torch.nn.Linear(2, 1);
   * fc.call(torch.ones(1, 2)).sum().backward();
   * console.log(fc.bias!.grad);
   * fc.zeroGrad({ setToNone: false }); // PyTorch 1.13's default: zeros
   * console.log(fc.bias!.grad);
   * fc.zeroGrad(); // the default here, as in PyTorch 2: null
   * console.log(fc.bias!.grad);
   * ```
   * ```text
   * tensor([1.])
   * tensor([0.])
   * null
   * ```
   */
  zeroGrad(opts: { setToNone?: boolean } = {}): void {
    const setToNone = checkOptions('zero_grad', opts, { setToNone: 'bool' }, 1).setToNone ?? true;
    for (const p of this.parameters()) {
      if (p.grad === null) continue;
      if (setToNone) {
        // the dropped gradient is freed at the end of the enclosing tidy, if any
        release(p.grad);
        p.grad = null;
      } else {
        const g = p.grad;
        noGrad(() => {
          if (g.gradFn !== null) p.grad = g.detach();
          p.grad!.zero_();
        });
      }
    }
  }

  /**
   * Calls `fn` on every descendant (children first) and then on this module.
   * @example
   * ```ts pytorch=nn.Module.apply
   * const model = new torch.nn.Sequential(new torch.nn.Linear(2, 2), new torch.nn.Linear(2, 1));
   * model.apply((m) => {
   *   if (m instanceof torch.nn.Linear) {
   *     torch.nn.init.ones_(m.weight);
   *     torch.nn.init.zeros_(m.bias!);
   *   }
   * });
   * console.log(model.call(torch.tensor([[1, 2]], { dtype: 'float32' })));
   * ```
   * ```text
   * tensor([[6.]], grad_fn=<AddmmBackward0>)
   * ```
   */
  apply(fn: (m: Module) => void): this {
    checkArg('apply', 'fn', 1, fn, 'function');
    for (const m of this.children()) m.apply(fn);
    fn(this);
    return this;
  }

  /**
   * Converts parameters and buffers in place (their identities are kept, so
   * optimizers still hold them): `to('cpu')`, `to('float64')`, `to(device, dtype)`.
   * Only floating-point tensors change dtype, as in PyTorch. Moving to an asynchronous
   * device (`to('webgpu')`) writes without reading; moving tensors off one needs
   * `await module.toAsync(device)`.
   * @throws TorchRuntimeError when a tensor would have to be read synchronously from an
   * asynchronous device (WebGPU), naming `toAsync`.
   * @example
   * ```ts pytorch=nn.Module.to
   * const model = new torch.nn.Linear(2, 1).to('float64');
   * console.log(model.weight.dtype, model.call(torch.ones(1, 2, { dtype: 'float64' })).dtype);
   * ```
   * ```text
   * torch.float64 torch.float64
   * ```
   */
  to(deviceOrDtype: DeviceLike | DTypeLike, dtype?: DTypeLike): this {
    const { dev, dt } = toArgs(deviceOrDtype, dtype);
    if (dev !== undefined) {
      const target = toDevice(dev);
      for (const t of this._tensors()) {
        if (!t.device.equals(target) && !t._storage.backend.syncRead) {
          throw new TorchRuntimeError(
            'to',
            `Module.to('${target}'): the module has tensors on '${t.device}', which can only be read asynchronously; use await module.toAsync('${target}')`,
          );
        }
      }
    }
    this._apply((t) => castFloating(noGrad(() => (dev === undefined ? t : t.to(dev))), dt));
    return this;
  }

  /**
   * {@link to} for any device, awaiting the read-back of tensors that live on an
   * asynchronous device (WebGPU → CPU): parameters (and their gradients) and buffers
   * move; parameters keep their identity (their data is replaced, as PyTorch's
   * `module.to` sets `param.data`), so optimizers still hold them.
   * @example
   * ```ts pytorch=nn.Module.toAsync
   * const model = new torch.nn.Linear(2, 1);
   * await model.toAsync('cpu'); // from WebGPU this awaits the read-back of the weights
   * console.log(model.weight.device.type);
   * ```
   * ```text
   * cpu
   * ```
   */
  toAsync(deviceOrDtype: DeviceLike | DTypeLike, dtype?: DTypeLike): Promise<this> {
    // Bad arguments throw here, synchronously, as `to` does; only the reads are awaited.
    const { dev, dt } = toArgs(deviceOrDtype, dtype);
    if (dev === undefined) return Promise.resolve(this.to(deviceOrDtype, dtype));
    const target = toDevice(dev);
    getBackend(target.type);
    const tensors = [...new Set(this._tensors())];
    // detached: a copy for the module, not a step of the graph
    return Promise.all(tensors.map((t) => (t.device.equals(target) ? t : t.detach().toAsync(target)))).then((moved) => {
      const byTensor = new Map(tensors.map((t, i) => [t, moved[i]!]));
      this._apply((t) => castFloating(byTensor.get(t) ?? noGrad(() => t.to(dev)), dt));
      return this;
    });
  }

  /** @internal Every parameter, parameter gradient and buffer of this module and its descendants. */
  _tensors(): Tensor[] {
    const out: Tensor[] = [];
    for (const m of this.modules()) {
      for (const p of m._parameters.values()) {
        if (p === null) continue;
        out.push(p);
        if (p.grad !== null) out.push(p.grad);
      }
      for (const b of m._buffers.values()) if (b !== null) out.push(b);
    }
    return out;
  }

  /** Casts floating-point parameters and buffers to float32. */
  float(): this {
    return this.to('float32');
  }

  /** Casts floating-point parameters and buffers to float64. */
  double(): this {
    return this.to('float64');
  }

  /**
   * Casts floating-point parameters and buffers to float16 (`torch.half`), as PyTorch's
   * `Module.half()`: integer and bool buffers keep their dtypes.
   * @example
   * ```ts pytorch=nn.Module.half
   * const model = new torch.nn.Linear(4, 2).half();
   * console.log(model.weight.dtype, model.bias!.dtype);
   * ```
   * ```text
   * torch.float16 torch.float16
   * ```
   */
  half(): this {
    return this.to('float16');
  }

  /**
   * Casts floating-point parameters and buffers to bfloat16, as PyTorch's `Module.bfloat16()`:
   * integer and bool buffers keep their dtypes.
   * @example
   * ```ts pytorch=nn.Module.bfloat16
   * const model = new torch.nn.BatchNorm1d(2).bfloat16();
   * console.log(model.weight!.dtype, model.runningMean!.dtype, model.numBatchesTracked!.dtype); // integer buffers keep theirs
   * ```
   * ```text
   * torch.bfloat16 torch.bfloat16 torch.int64
   * ```
   */
  bfloat16(): this {
    return this.to('bfloat16');
  }

  /** Moves parameters and buffers to the CPU. */
  cpu(): this {
    return this.to('cpu');
  }

  /**
   * @internal Applies `fn` to every parameter (in place), gradient and buffer. What it
   * makes belongs to the module (it survives an enclosing `tidy`).
   */
  _apply(fn: (t: Tensor) => Tensor): this {
    for (const m of this.children()) m._apply(fn);
    for (const [, p] of this._parameters) {
      if (p === null) continue;
      swapTensorData(p, fn(p));
      keep(p);
      const g = p.grad;
      if (g !== null) {
        const ng = fn(g);
        if (ng !== g) {
          p.grad = adopt(ng);
          release(g);
        }
      }
    }
    for (const [name, b] of this._buffers) {
      if (b === null) continue;
      const nb = fn(b);
      if (nb !== b) {
        this._buffers.set(name, keep(nb));
        Reflect.set(this, name, nb);
      }
    }
    return this;
  }

  // ------------------------------------------------------------------ state dict

  /**
   * The module's state: parameters and persistent buffers under PyTorch's key
   * names (`0.weight`, `fc1.bias`, `bn.running_mean`, `bn.num_batches_tracked`),
   * detached from autograd but sharing storage with the module. The returned
   * object carries PyTorch's `_metadata` (module versions) as a hidden property.
   * @example
   * ```ts pytorch=nn.Module.stateDict
   * torch.manualSeed(0);
   * const bn = new torch.nn.BatchNorm1d(2);
   * const sd = bn.stateDict(); // parameters and buffers, detached
   * console.log(Object.keys(sd).join(', '));
   * console.log(sd['running_var'], sd['num_batches_tracked']);
   * ```
   * ```text
   * weight, bias, running_mean, running_var, num_batches_tracked
   * tensor([1., 1.]) tensor(0)
   * ```
   */
  stateDict(opts: { prefix?: string; keepVars?: boolean } = {}): StateDict {
    opts = checkOptions('state_dict', opts, { prefix: 'string', keepVars: 'bool' }, 1);
    const dest: StateDict = {};
    const metadata: StateDictMetadata = new Map();
    this._stateDictInto(dest, metadata, opts.prefix ?? '', opts.keepVars ?? false);
    hidden(dest, '_metadata', metadata);
    return dest;
  }

  /** @internal */
  _stateDictInto(dest: StateDict, metadata: StateDictMetadata, prefix: string, keepVars: boolean): void {
    metadata.set(prefix.slice(0, -1), { version: (this.constructor as typeof Module)._version });
    this._saveToStateDict(dest, prefix, keepVars);
    for (const [name, m] of this._modules) if (m !== null) m._stateDictInto(dest, metadata, `${prefix}${name}.`, keepVars);
  }

  /** Writes this module's own parameters and persistent buffers (not its children's). */
  protected _saveToStateDict(dest: StateDict, prefix: string, keepVars: boolean): void {
    for (const [name, p] of this._parameters) if (p !== null) dest[prefix + name] = keepVars ? p : p.detach();
    for (const [name, b] of this._buffers) {
      if (b !== null && !this._nonPersistentBuffers.has(name)) dest[prefix + name] = keepVars ? b : b.detach();
    }
  }

  /**
   * Copies parameters and buffers from `stateDict` (keys as `stateDict()` gives them),
   * also straight from `torch.load`'s result, which is checked here to be dict-like.
   * With `strict` (default), missing or unexpected keys are errors; size mismatches
   * always are, with PyTorch's messages. Everything is checked before anything is
   * copied, so a state dict that raises leaves the module as it was.
   * @example
   * ```ts pytorch=nn.Module.loadStateDict
   * torch.manualSeed(0);
   * const a = new torch.nn.Linear(2, 1);
   * const b = new torch.nn.Linear(2, 1);
   * b.loadStateDict(a.stateDict()); // strict: every key must match
   * console.log(a.weight, b.weight);
   * ```
   * ```text
   * Parameter containing:
   * tensor([[-0.0053,  0.3793]], requires_grad=True) Parameter containing:
   * tensor([[-0.0053,  0.3793]], requires_grad=True)
   * ```
   */
  loadStateDict(stateDict: StateDict | Map<string, Tensor> | Loaded, opts: { strict?: boolean } = {}): IncompatibleKeys {
    const strict = checkOptions('load_state_dict', opts, { strict: 'bool' }, 2).strict ?? true;
    if (typeof stateDict !== 'object' || stateDict === null || stateDict instanceof Tensor || stateDict instanceof Module || Array.isArray(stateDict)) {
      throw new TorchTypeError('load_state_dict', `Expected state_dict to be dict-like, got ${stateDict === null ? 'null' : typeof stateDict === 'object' ? typeName(stateDict) : typeof stateDict}.`);
    }
    const meta = (stateDict as { _metadata?: StateDictMetadata | Record<string, { version: number }> })._metadata;
    const metadata = meta instanceof Map ? meta : meta ? new Map(Object.entries(meta)) : undefined;
    // a dry run first (PyTorch copies as it goes and raises at the end: a half-loaded module)
    const pass = (copy: boolean): IncompatibleKeys => {
      const sd = new Map<unknown, unknown>(stateDict instanceof Map ? stateDict : Object.entries(stateDict)) as Map<string, unknown>;
      const missingKeys: string[] = [];
      const unexpectedKeys: string[] = [];
      const errors: string[] = [];
      const load = (module: Module, local: Map<string, unknown>, prefix: string): void => {
        const localMeta = metadata?.get(prefix.slice(0, -1)) ?? {};
        module._loadFromStateDict(local, prefix, localMeta, missingKeys, unexpectedKeys, errors, copy);
        for (const [name, child] of module._modules) {
          if (child === null) continue;
          const cp = `${prefix}${name}.`;
          const sub = new Map<string, unknown>();
          for (const [k, v] of local) if (k.startsWith(cp)) sub.set(k, v);
          load(child, sub, cp);
        }
      };
      load(this, sd, '');
      if (strict) {
        if (unexpectedKeys.length > 0) errors.unshift(`Unexpected key(s) in state_dict: ${unexpectedKeys.map((k) => `"${k}"`).join(', ')}. `);
        if (missingKeys.length > 0) errors.unshift(`Missing key(s) in state_dict: ${missingKeys.map((k) => `"${k}"`).join(', ')}. `);
      }
      if (errors.length > 0) {
        throw new TorchRuntimeError('load_state_dict', `Error(s) in loading state_dict for ${this._getName()}:\n\t${errors.join('\n\t')}`);
      }
      return { missingKeys, unexpectedKeys };
    };
    pass(false);
    return pass(true);
  }

  /**
   * @internal Loads this module's own entries (or, with `copy` false, only checks them);
   * subclasses may adapt old formats first.
   */
  _loadFromStateDict(
    sd: Map<string, unknown>,
    prefix: string,
    _localMetadata: { version?: number },
    missingKeys: string[],
    unexpectedKeys: string[],
    errors: string[],
    copy = true,
  ): void {
    const local = new Map<string, Tensor>();
    for (const [k, v] of this._parameters) if (v !== null) local.set(k, v);
    for (const [k, v] of this._buffers) if (v !== null && !this._nonPersistentBuffers.has(k)) local.set(k, v);
    for (const [name, param] of local) {
      const key = prefix + name;
      if (!sd.has(key)) {
        missingKeys.push(key);
        continue;
      }
      let input = sd.get(key);
      if (!(input instanceof Tensor)) {
        errors.push(`While copying the parameter named "${key}", expected torch.Tensor or Tensor-like object from checkpoint but received ${typeof input}`);
        continue;
      }
      if (param.ndim === 0 && input.ndim === 1) input = input.select(0, 0);
      const inp = input as Tensor;
      if (inp.ndim !== param.ndim || inp._shape.some((d, i) => d !== param._shape[i])) {
        errors.push(`size mismatch for ${key}: copying a param with shape torch.Size(${fmtList(inp._shape)}) from checkpoint, the shape in current model is torch.Size(${fmtList(param._shape)}).`);
        continue;
      }
      try {
        if (copy) noGrad(() => param.copy_(inp));
      } catch (e) {
        errors.push(`While copying the parameter named "${key}", whose dimensions in the model are ${fmtShape(param._shape)} and whose dimensions in the checkpoint are ${fmtShape(inp._shape)}, an exception occurred : ${(e as Error).message}.`);
      }
    }
    for (const key of sd.keys()) {
      if (!key.startsWith(prefix)) continue;
      const first = key.slice(prefix.length).split('.', 1)[0]!;
      if (!this._modules.has(first) && !local.has(first)) unexpectedKeys.push(key);
    }
  }

  // ------------------------------------------------------------------ hooks

  /**
   * Registers `hook(module, inputs, output)`, run by `call` after `forward`.
   * @example
   * ```ts pytorch=nn.Module.registerForwardHook
   * const model = new torch.nn.Sequential(new torch.nn.Linear(4, 3), new torch.nn.ReLU(), new torch.nn.Linear(3, 1));
   * const handle = model.at(0).registerForwardHook((m, inputs, output) => {
   *   console.log(m.constructor.name, (output as torch.Tensor).shape);
   * });
   * model.call(torch.randn(5, 4));
   * handle.remove();
   * model.call(torch.randn(5, 4)); // prints nothing
   * ```
   * ```text
   * Linear torch.Size([5, 3])
   * ```
   */
  registerForwardHook(hook: ForwardHook): RemovableHandle {
    checkArg('register_forward_hook', 'hook', 1, hook, 'function');
    const id = nextHookId++;
    this._forwardHooks.set(id, hook);
    return { remove: () => void this._forwardHooks.delete(id) };
  }

  /** Registers `hook(module, inputs)`, run by `call` before `forward`. */
  registerForwardPreHook(hook: ForwardPreHook): RemovableHandle {
    checkArg('register_forward_pre_hook', 'hook', 1, hook, 'function');
    const id = nextHookId++;
    this._forwardPreHooks.set(id, hook);
    return { remove: () => void this._forwardPreHooks.delete(id) };
  }

  // ------------------------------------------------------------------ printing

  /** @internal The class name printed in the repr. */
  _getName(): string {
    return this.constructor.name;
  }

  /** The part printed inside the parentheses (override in layers): `in_features=10, …`. */
  extraRepr(): string {
    return '';
  }

  /** PyTorch's module repr, e.g. `Linear(in_features=10, out_features=32, bias=True)`. */
  toString(): string {
    const extra = this.extraRepr();
    const extraLines = extra ? extra.split('\n') : [];
    const childLines: string[] = [];
    for (const [key, m] of this._modules) {
      const s = m === null ? 'None' : addIndent(m.toString(), 2);
      childLines.push(`(${key}): ${s}`);
    }
    const lines = [...extraLines, ...childLines];
    let main = `${this._getName()}(`;
    if (lines.length > 0) {
      if (extraLines.length === 1 && childLines.length === 0) main += extraLines[0];
      else main += `\n  ${lines.join('\n  ')}\n`;
    }
    return `${main})`;
  }

  /** @internal `console.log(module)` prints the repr. */
  [inspectSymbol](): string {
    return this.toString();
  }
}

/** `module.to`'s arguments: `(device)`, `(dtype)` or `(device, dtype)`. */
function toArgs(deviceOrDtype: DeviceLike | DTypeLike, dtype?: DTypeLike): { dev: DeviceLike | undefined; dt: DTypeLike | undefined } {
  const isDtype = (x: unknown): boolean =>
    (typeof x === 'string' && ['float32', 'float64', 'int32', 'int64', 'uint8', 'bool', 'float16', 'bfloat16', 'complex64', 'complex128'].includes(x)) || (typeof x === 'object' && x !== null && 'itemsize' in x);
  return isDtype(deviceOrDtype) ? { dev: undefined, dt: deviceOrDtype as DTypeLike } : { dev: deviceOrDtype as DeviceLike, dt: dtype };
}

/** `t` cast to `dt` when it is floating point (modules leave integer buffers' dtypes alone). */
function castFloating(t: Tensor, dt: DTypeLike | undefined): Tensor {
  return dt !== undefined && t.dtype.isFloatingPoint ? noGrad(() => t.to(dt)) : t;
}

/** `prefix` must be a string and `recurse` a boolean. */
function checkMembersArgs(op: string, prefix: unknown, recurse: unknown): void {
  checkArg(op, 'prefix', 1, prefix, 'string');
  checkArg(op, 'recurse', 2, recurse, 'bool');
}

function fmtList(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
