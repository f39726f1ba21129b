/**
 * `torch.save` / `torch.load` in PyTorch's own checkpoint format: a zip with
 * `<archive>/data.pkl` (a protocol-2 pickle whose tensors are
 * `torch._utils._rebuild_tensor_v2` calls over storages referenced by persistent
 * ids), the raw little-endian storages under `<archive>/data/<key>`, and
 * `<archive>/version`. Loading is `weights_only`: only the globals and opcodes
 * state dicts use are accepted, nothing is ever executed.
 */
import { type DTypeName, type Device, type HostArray, type DeviceLike, Tensor, TorchRuntimeError, allocHost, device, fromHost, hostStorage, readStorage, toDType } from '@antorcha/core';
import { Parameter } from '../parameter.js';
import { SerializationError, readGuard } from './errors.js';
import { DictBuilder, type PyCallable, PyGlobal, PyPersistent, PyReduce, PyTuple, pickle, unpickle } from './pickle.js';
import { ZipReader, writeZip } from './zip.js';

/** Storage classes ↔ dtypes. Known but unsupported storages give a clear error. */
const STORAGE_DTYPES: Record<string, DTypeName | null> = {
  FloatStorage: 'float32',
  DoubleStorage: 'float64',
  LongStorage: 'int64',
  IntStorage: 'int32',
  ByteStorage: 'uint8',
  BoolStorage: 'bool',
  HalfStorage: 'float16',
  BFloat16Storage: 'bfloat16',
  ShortStorage: null,
  CharStorage: null,
  ComplexFloatStorage: 'complex64',
  ComplexDoubleStorage: 'complex128',
  QInt8Storage: null,
  QUInt8Storage: null,
  QInt32Storage: null,
};

const DTYPE_STORAGE: Record<DTypeName, string> = {
  float32: 'FloatStorage',
  float64: 'DoubleStorage',
  int64: 'LongStorage',
  int32: 'IntStorage',
  uint8: 'ByteStorage',
  bool: 'BoolStorage',
  float16: 'HalfStorage',
  bfloat16: 'BFloat16Storage',
  complex64: 'ComplexFloatStorage',
  complex128: 'ComplexDoubleStorage',
};

const itemsize = (d: DTypeName): number => toDType(d).itemsize;

/** torch dtype globals (`torch.float32`) → names (unsupported ones resolve but cannot build tensors). */
const TORCH_DTYPES = new Set([
  'float32', 'float', 'float64', 'double', 'float16', 'half', 'bfloat16', 'int64', 'long', 'int32', 'int', 'int16', 'short', 'int8', 'uint8', 'bool',
  'complex64', 'complex128', 'cfloat', 'cdouble', 'qint8', 'quint8', 'qint32',
]);

interface StorageRef {
  readonly kind: 'storage';
  readonly key: string;
  readonly dtype: DTypeName;
  readonly numel: number;
  /** A 1-D tensor over the whole storage (shared by every tensor that views it). */
  readonly base: Tensor;
}

/** Storage references, callables and storage types this module created: values built from a pickle's data never pass for them. */
const ours = new WeakSet<object>();

function isStorageRef(v: unknown): v is StorageRef {
  return typeof v === 'object' && v !== null && ours.has(v) && (v as StorageRef).kind === 'storage';
}

/**
 * What the allowlisted globals may copy, in elements, per file: a pickle can call
 * `torch.Size(t)` (or `set`, `_codecs.encode`) on one memoised value many times,
 * which would otherwise turn a small file into gigabytes.
 */
interface CopyBudget {
  charge(n: number, what: string): void;
}

function copyBudget(fileSize: number): CopyBudget {
  let left = 1_000_000 + 16 * fileSize;
  return {
    charge(n, what) {
      left -= n;
      if (left < 0) fail(`${what}: the pickle copies more data than a file of ${fileSize} bytes can hold`, 'UnpicklingError');
    },
  };
}

function fail(msg: string, pythonName = 'RuntimeError'): never {
  throw new SerializationError('load', msg, pythonName);
}

function asInt(v: unknown, what: string): number {
  if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) fail(`${what} must be an integer, got ${v}, which is out of range`);
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(`${what} must be an integer, got ${typeof v === 'bigint' ? 'a 64-bit integer out of range' : typeof v}`);
  return v + 0; // (no -0)
}

/** A short description of a value from a pickle for error messages: never stringifies containers (they may be cyclic or huge). */
function brief(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.slice(0, 40));
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v === null) return 'None';
  if (Array.isArray(v)) return `a tuple of ${v.length}`;
  return typeof v === 'object' && (v as PyCallable).fullName !== undefined && ours.has(v) ? (v as PyCallable).fullName : typeof v;
}

function asIntList(v: unknown, what: string): number[] {
  if (!Array.isArray(v)) fail(`${what} must be a tuple of integers`);
  if (v.length > 64) fail(`${what} has ${v.length} dimensions (at most 64 are supported)`);
  return v.map((x, i) => asInt(x, `${what}[${i}]`));
}

/** Decodes little- (or big-) endian storage bytes into a host array of `dtype` (a copy, bounded by the data). */
function decodeStorage(bytes: Uint8Array, dtype: DTypeName, bigEndian: boolean): HostArray {
  const size = itemsize(dtype);
  const n = bytes.length / size;
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  if (bigEndian && size > 1) {
    for (let i = 0; i < copy.length; i += size) copy.subarray(i, i + size).reverse();
  }
  switch (dtype) {
    case 'float32':
      return new Float32Array(copy.buffer, 0, n);
    case 'float64':
      return new Float64Array(copy.buffer, 0, n);
    case 'int32':
      return new Int32Array(copy.buffer, 0, n);
    case 'int64': {
      const src = new BigInt64Array(copy.buffer, 0, n);
      const out = allocHost('int64', n) as Float64Array;
      for (let i = 0; i < n; i++) out[i] = Number(src[i]!);
      return out;
    }
    case 'uint8':
      return copy;
    case 'bool': {
      for (let i = 0; i < n; i++) copy[i] = copy[i] !== 0 ? 1 : 0;
      return copy;
    }
    case 'float16':
    case 'bfloat16':
      return new Uint16Array(copy.buffer, 0, n);
    case 'complex64':
      return new Float32Array(copy.buffer, 0, 2 * n);
    case 'complex128':
      return new Float64Array(copy.buffer, 0, 2 * n);
  }
}

/** A loaded storage on the `mapLocation` device (a write, no read-back). */
function onDevice(host: StorageValues, numel: number, dtype: DTypeName, dev: Device): Tensor {
  try {
    return fromHost(host, [numel], toDType(dtype), { device: dev });
  } catch (e) {
    if (dev.type === 'cpu') throw e;
    throw new SerializationError('load', `cannot map a ${dtype} storage to '${dev}': ${(e as Error).message}`);
  }
}

/** Builds a strided view over a storage after checking it stays inside. */
function rebuildTensor(storage: unknown, offsetV: unknown, sizeV: unknown, strideV: unknown): Tensor {
  if (!isStorageRef(storage)) fail('_rebuild_tensor_v2: first argument is not a storage');
  const offset = asInt(offsetV, 'storage offset');
  const size = asIntList(sizeV, 'size');
  const stride = asIntList(strideV, 'stride');
  if (size.length !== stride.length) fail(`size ${JSON.stringify(size)} and stride ${JSON.stringify(stride)} have different lengths`);
  if (offset < 0 || size.some((s) => s < 0) || stride.some((s) => s < 0)) fail('negative size, stride or offset');
  let numel = 1;
  for (const s of size) {
    numel *= s;
    if (numel > Number.MAX_SAFE_INTEGER) fail(`tensor of size ${JSON.stringify(size)} is too large`);
  }
  if (numel > 0) {
    let last = offset;
    size.forEach((s, i) => (last += (s - 1) * stride[i]!));
    if (last >= storage.numel) fail(`tensor (size ${JSON.stringify(size)}, stride ${JSON.stringify(stride)}, offset ${offset}) extends beyond its storage of ${storage.numel} elements`);
  } else if (offset > storage.numel) fail(`storage offset ${offset} beyond its storage of ${storage.numel} elements`);
  return storage.base.asStrided(size, stride, offset);
}

/**
 * What {@link load} returns: the saved value, made of what a weights-only checkpoint can hold.
 * Python dicts with string keys become plain objects ({@link LoadedDict}: a state dict is
 * one), other dicts `Map`s (an optimizer's `state`, keyed by parameter index); lists and
 * tuples arrays; ints numbers (bigints beyond 2^53); None null. Narrow it before use
 * (`value instanceof Tensor`), or pass it straight to `loadStateDict`, which checks it.
 */
export type Loaded = Tensor | number | bigint | string | boolean | null | Loaded[] | LoadedDict | Map<LoadedKey, Loaded>;

/** A Python dict with string keys as {@link load} returns it (a state dict: name → tensor). */
export interface LoadedDict {
  [key: string]: Loaded;
}

/** The key of a Python dict that {@link load} returns as a `Map`. */
export type LoadedKey = string | number | bigint | boolean | null;

/** Options of {@link load}. */
export interface LoadOptions {
  /**
   * The device the tensors are created on (PyTorch's `map_location` given a device):
   * `'cpu'` (the default) or e.g. `'webgpu'`. Storages are written to the device, so
   * views keep sharing them; nothing is read back.
   */
  mapLocation?: DeviceLike;
}

/**
 * Reads a checkpoint written by `torch.save` (PyTorch ≥ 1.6 zip format, 1.13 and
 * 2.x) or by {@link save}, like `torch.load(f, weights_only=True)`: only state-dict
 * content (tensors, parameters, dicts, OrderedDicts, lists, tuples, numbers,
 * strings, None) is accepted; any other global or opcode is refused. Tensors
 * that shared a storage in PyTorch share one here.
 * @example
 * ```ts pytorch=nn.load
 * torch.manualSeed(0);
 * const bytes = torch.save(new torch.nn.Linear(2, 1).stateDict()); // what a model.pt file holds
 * const copy = new torch.nn.Linear(2, 1);
 * copy.loadStateDict(torch.load(bytes)); // the keys and shapes are checked here
 * const sd = torch.load<Record<string, torch.Tensor>>(bytes); // a type you assert, not checked
 * console.log(copy.weight, sd['bias']);
 * ```
 * ```text
 * Parameter containing:
 * tensor([[-0.0053,  0.3793]], requires_grad=True) tensor([-0.5820])
 * ```
 * `T` (default {@link Loaded}) only names what the caller knows the file holds; it is not checked.
 * @throws SerializationError for corrupt, truncated or non-state-dict files.
 */
export function load<T extends Loaded = Loaded>(data: Uint8Array | ArrayBuffer, opts: LoadOptions = {}): T {
  const dev = device(opts.mapLocation ?? 'cpu');
  return readGuard('load', () => loadChecked(data instanceof Uint8Array ? data : new Uint8Array(data), dev)) as T;
}

function loadChecked(bytes: Uint8Array, dev: Device): Loaded {
  if (bytes.length >= 2 && bytes[0] === 0x80 && bytes[1]! <= 5) {
    fail('this file uses the legacy (pre-1.6, non-zip) torch.save format, which is not supported; re-save it with PyTorch >= 1.6');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) fail('not a PyTorch checkpoint: the file is not a zip archive');
  const zip = new ZipReader(bytes);
  const first = zip.entries.keys().next();
  if (first.done) fail('zip archive is empty');
  const slash = first.value.indexOf('/');
  if (slash < 0) fail(`not a PyTorch checkpoint: record '${first.value}' is not inside an archive folder`);
  const prefix = first.value.slice(0, slash + 1);
  if (!zip.has(`${prefix}data.pkl`)) {
    if (zip.has(`${prefix}constants.pkl`)) fail('this is a TorchScript archive (torch.jit.save), not a torch.save checkpoint');
    fail(`not a PyTorch checkpoint: no ${prefix}data.pkl record`);
  }
  let bigEndian = false;
  if (zip.has(`${prefix}byteorder`)) {
    const order = new TextDecoder().decode(zip.read(`${prefix}byteorder`)).trim();
    if (order !== 'little' && order !== 'big') fail(`unknown byteorder '${order}'`);
    bigEndian = order === 'big';
  }
  const storages = new Map<string, StorageRef>();
  const persistentLoad = (pid: unknown): StorageRef => {
    if (!Array.isArray(pid) || pid.length < 5 || pid[0] !== 'storage') fail(`unsupported persistent id (${brief(Array.isArray(pid) ? pid[0] : pid)})`, 'UnpicklingError');
    const [, stype, keyV, , numelV] = pid as unknown[];
    if (typeof keyV !== 'string') fail(`storage key must be a string, got ${brief(keyV)}`, 'UnpicklingError');
    const key = keyV;
    if (typeof stype !== 'object' || stype === null || !ours.has(stype) || !('storageDtype' in stype)) fail('persistent id does not name a storage type', 'UnpicklingError');
    const st = stype as unknown as { storageDtype: DTypeName | null; fullName: string };
    const cached = storages.get(key); // (as PyTorch: the storage type is checked, then the first load of a key wins)
    if (cached) return cached;
    const dtype = st.storageDtype;
    if (dtype === null) fail(`unsupported dtype: ${st.fullName} tensors cannot be represented (supported: float32, float64, int64, int32, uint8, bool, float16, bfloat16, complex64, complex128)`);
    const numel = asInt(numelV, 'storage size');
    if (numel < 0) fail(`negative storage size ${numel}`);
    const name = `${prefix}data/${key}`;
    if (!/^[A-Za-z0-9_]+$/.test(key) || !zip.has(name)) fail(`storage record '${name}' is missing`);
    const raw = zip.read(name);
    const need = numel * itemsize(dtype);
    if (raw.length !== need) fail(`storage '${key}' has ${raw.length} bytes but ${numel} ${dtype} elements need ${need}`);
    const host = decodeStorage(raw, dtype, bigEndian);
    const ref: StorageRef = { kind: 'storage', key, dtype, numel, base: onDevice(host, numel, dtype, dev) };
    ours.add(ref);
    storages.set(key, ref);
    return ref;
  };
  const budget = copyBudget(bytes.length);
  return unpickle(zip.read(`${prefix}data.pkl`), { resolveGlobal: (m, n) => resolveGlobal(m, n, budget), persistentLoad, build }) as Loaded;
}

function callable(fullName: string, impl: Partial<PyCallable>): PyCallable {
  const c = { fullName, ...impl };
  ours.add(c);
  return c;
}

/** A tensor as `_rebuild_parameter`/`Parameter` get it, made a Parameter (only floating-point ones can require grad, as in PyTorch). */
function parameter(data: unknown, requiresGrad: unknown, what: string): Parameter {
  if (!(data instanceof Tensor)) fail(`${what}: data is not a tensor`, 'UnpicklingError');
  const rg = requiresGrad !== false;
  if (rg && !data.dtype.isFloatingPoint && !data.dtype.isComplex) fail(`${what}: only Tensors of floating point and complex dtype can require gradients (got ${data.dtype.name})`);
  return new Parameter(data, rg);
}

/** How deeply `_rebuild_from_type_v2` may nest (PyTorch writes one level). */
const MAX_REBUILD_DEPTH = 8;

/** OrderedDict instances are dict builders that BUILD may give `_metadata` (kept as an ordered Map). */
function build(target: unknown, state: unknown, finalize: (v: unknown) => unknown): void {
  if (target instanceof DictBuilder) {
    if (state === null) return;
    if (!(state instanceof DictBuilder)) fail('BUILD state of an OrderedDict must be a dict', 'UnpicklingError');
    const meta = state.entries.get('_metadata');
    if (meta !== undefined) {
      (target as DictBuilder & { _metadata?: unknown })._metadata =
        meta instanceof DictBuilder ? new Map([...meta.entries].map(([k, v]) => [k, finalize(v)])) : finalize(meta);
    }
    return;
  }
  const st = finalize(state);
  if (target instanceof Parameter || target instanceof Tensor) {
    if (st === null || (typeof st === 'object' && Object.keys(st as object).length === 0)) return;
    fail('BUILD with tensor attributes is not supported', 'UnpicklingError');
  }
  fail(`Can only build Tensor, Parameter or OrderedDict objects, but got ${typeof target}`, 'UnpicklingError');
}

/** The allowlist: the globals PyTorch's `weights_only` loader accepts that state dicts use. */
function resolveGlobal(module: string, name: string, budget: CopyBudget): PyCallable {
  const full = `${module}.${name}`;
  if (module === 'collections' && (name === 'OrderedDict' || name === 'Counter')) {
    return callable(full, { call: () => new DictBuilder(), newobj: () => new DictBuilder() });
  }
  if (module === 'torch._utils' && name === '_rebuild_tensor_v2') {
    return callable(full, {
      call: (a) => {
        if (a.length < 4) fail('_rebuild_tensor_v2 needs at least 4 arguments', 'UnpicklingError');
        const t = rebuildTensor(a[0], a[1], a[2], a[3]);
        if (a[4] === true && t.dtype.isFloatingPoint) t.requiresGrad_(true);
        return t;
      },
    });
  }
  if (module === 'torch._utils' && name === '_rebuild_tensor') {
    return callable(full, { call: (a) => rebuildTensor(a[0], a[1], a[2], a[3]) });
  }
  if (module === 'torch._utils' && (name === '_rebuild_parameter' || name === '_rebuild_parameter_with_state')) {
    return callable(full, { call: (a) => parameter(a[0], a[1], name) });
  }
  if (module === 'torch._tensor' && name === '_rebuild_from_type_v2') {
    let depth = 0;
    return callable(full, {
      call: (a) => {
        const [func, newType, args] = a as [PyCallable, PyCallable, unknown[]];
        if (typeof func !== 'object' || func === null || !ours.has(func) || typeof func.call !== 'function') fail('_rebuild_from_type_v2: bad rebuild function', 'UnpicklingError');
        if (depth >= MAX_REBUILD_DEPTH) fail('_rebuild_from_type_v2: nested too deeply', 'UnpicklingError');
        depth++;
        let t: unknown;
        try {
          t = func.call(Array.isArray(args) ? args : []);
        } finally {
          depth--;
        }
        const isParamType = typeof newType === 'object' && newType !== null && ours.has(newType) && newType.fullName === 'torch.nn.parameter.Parameter';
        if (isParamType && t instanceof Tensor && !(t instanceof Parameter)) return new Parameter(t, t.requiresGrad);
        return t;
      },
    });
  }
  if (module === 'torch.nn.parameter' && name === 'Parameter') {
    return callable(full, { newobj: (a) => parameter(a[0], a[1], 'Parameter') });
  }
  if (module === 'torch' && Object.hasOwn(STORAGE_DTYPES, name)) {
    const st = { fullName: full, storageDtype: STORAGE_DTYPES[name]! } as PyCallable & { storageDtype: DTypeName | null };
    ours.add(st);
    return st;
  }
  if (module === 'torch' && name === 'Size') {
    return callable(full, {
      call: (a) => {
        if (!Array.isArray(a[0])) return [];
        budget.charge(a[0].length, 'torch.Size');
        return [...a[0]];
      },
    });
  }
  if (module === 'torch' && name === 'device') return callable(full, { call: (a) => nameArg(a[0], 'torch.device') });
  if (module === 'torch' && name === 'Tensor') return callable(full, {});
  if (module === 'torch' && TORCH_DTYPES.has(name)) return callable(full, { value: name });
  if (module === 'torch.serialization' && name === '_get_layout') return callable(full, { call: (a) => nameArg(a[0], '_get_layout') });
  if (module === '_codecs' && name === 'encode') {
    return callable(full, {
      call: (a) => {
        if (typeof a[0] !== 'string') fail('_codecs.encode: expected a string', 'UnpicklingError');
        budget.charge(a[0].length, '_codecs.encode');
        return Uint8Array.from(a[0], (c) => c.charCodeAt(0) & 0xff);
      },
    });
  }
  if (module === 'builtins' && name === 'set') {
    return callable(full, {
      call: (a) => {
        if (!Array.isArray(a[0])) return new Set();
        budget.charge(a[0].length, 'set');
        return new Set(a[0]);
      },
    });
  }
  if (module === 'builtins' && name === 'bytearray') return callable(full, { call: (a) => (a[0] instanceof Uint8Array ? a[0] : new Uint8Array(0)) });
  throw new SerializationError(
    'load',
    `Unsupported global: GLOBAL ${full} was not an allowed global by default. Only state dicts (tensors, parameters, dicts, lists, tuples, numbers, strings) can be loaded; nothing is ever executed.`,
    'UnpicklingError',
  );
}

/** A device or layout name (`'cpu'`, `'torch.strided'`): a string or a device index. */
function nameArg(v: unknown, what: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  fail(`${what}: expected a string, got ${brief(v)}`, 'UnpicklingError');
}

/** An ordered dict to save as `collections.OrderedDict` (what PyTorch's state dicts are). */
function orderedDict(entries: [unknown, unknown][], metadata?: unknown): PyReduce {
  let state: unknown;
  if (metadata !== undefined && metadata !== null) {
    // `_metadata` is an OrderedDict of module prefix → plain dict {'version': n}.
    const entriesOfMeta = metadata instanceof Map ? [...metadata.entries()] : Object.entries(metadata as object);
    state = { _metadata: orderedDict(entriesOfMeta) };
  }
  return new PyReduce(new PyGlobal('collections', 'OrderedDict'), [], { dictItems: entries, state });
}

/** A tensor's whole storage as a row-major host array (int64 as Float64Array). */
type StorageValues = HostArray;

/**
 * The whole storage under `t` as one flat view (its elements in storage order, as stored:
 * a conjugate view's storage is written unconjugated and loads without the bit, as PyTorch 1.13 does).
 */
function storageView(t: Tensor): Tensor {
  const d = t.detach();
  d._conj = false;
  d._neg = false;
  return d.asStrided([storageElements(t)], [1], 0);
}

/** The storage's size in elements of `t`'s dtype (a view_as_real view of a complex storage sees twice as many). */
function storageElements(t: Tensor): number {
  return (t._storage.numel * toDType(t._storage.dtype).itemsize) / t.dtype.itemsize;
}

/** Little-endian bytes of a storage's values, as PyTorch writes them. */
function storageBytes(dtype: DTypeName, whole: StorageValues): Uint8Array {
  switch (dtype) {
    case 'float32':
    case 'float64':
    case 'int32':
    case 'uint8':
    case 'bool':
    case 'float16':
    case 'bfloat16':
    case 'complex64':
    case 'complex128':
      // the host layout is PyTorch's: 16-bit patterns, or interleaved (re, im) pairs
      return new Uint8Array(whole.buffer.slice(whole.byteOffset, whole.byteOffset + whole.byteLength));
    case 'int64': {
      const n = whole.length;
      const out = new BigInt64Array(n);
      for (let i = 0; i < n; i++) out[i] = BigInt(whole[i]!);
      return new Uint8Array(out.buffer);
    }
  }
}

/**
 * The checkpoint archive of `obj`, reading each distinct storage once with `values`.
 * Every tensor is recorded with location `'cpu'`: {@link saveAsync} of device tensors
 * writes what {@link save} writes for their CPU copies.
 */
function archive(obj: unknown, values: (t: Tensor) => StorageValues): Uint8Array {
  const storageKeys = new Map<object, string>();
  const storageDtypes = new Map<object, DTypeName>();
  const records: { name: string; data: Uint8Array }[] = [];
  const storageType = (d: DTypeName): PyGlobal => new PyGlobal('torch', DTYPE_STORAGE[d]);
  const globals = new Map<string, PyGlobal>();
  const g = (m: string, n: string): PyGlobal => {
    const k = `${m}.${n}`;
    let x = globals.get(k);
    if (!x) {
      x = new PyGlobal(m, n);
      globals.set(k, x);
    }
    return x;
  };
  const tensorReduce = (t: Tensor): PyReduce => {
    let key = storageKeys.get(t._storage);
    if (key === undefined) {
      key = String(storageKeys.size);
      storageKeys.set(t._storage, key);
      storageDtypes.set(t._storage, t.dtype.name);
      records.push({ name: `archive/data/${key}`, data: storageBytes(t.dtype.name, t._storage.numel === 0 ? new Float32Array(0) : values(t)) });
    } else if (storageDtypes.get(t._storage) !== t.dtype.name) {
      // a complex tensor and its view_as_real view (PyTorch's text)
      throw new SerializationError('save', 'Cannot save multiple tensors or storages that view the same data as different types');
    }
    const pid = new PyPersistent(new PyTuple(['storage', storageType(t.dtype.name), key, 'cpu', storageElements(t)]));
    const args = [pid, t._offset, new PyTuple(t._shape), new PyTuple(t._strides), t.requiresGrad && !(t instanceof Parameter), orderedDict([])];
    const rebuilt = new PyReduce(g('torch._utils', '_rebuild_tensor_v2'), args);
    if (t instanceof Parameter) return new PyReduce(g('torch._utils', '_rebuild_parameter'), [rebuilt, t.requiresGrad, orderedDict([])]);
    return rebuilt;
  };
  const converted = new Map<unknown, unknown>();
  const reduce = (v: unknown): unknown => {
    if (v instanceof Tensor) {
      let r = converted.get(v);
      if (r === undefined) {
        r = tensorReduce(v);
        converted.set(v, r);
      }
      return r;
    }
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && Object.getPrototypeOf(v) === Object.prototype) {
      const meta = (v as { _metadata?: unknown })._metadata;
      if (meta !== undefined && !Object.prototype.propertyIsEnumerable.call(v, '_metadata')) {
        let r = converted.get(v);
        if (r === undefined) {
          r = orderedDict(Object.entries(v), meta);
          converted.set(v, r);
        }
        return r;
      }
    }
    return v;
  };
  const pkl = pickle(obj, reduce);
  return writeZip([
    { name: 'archive/data.pkl', data: pkl },
    { name: 'archive/byteorder', data: new TextEncoder().encode('little') },
    ...records,
    { name: 'archive/version', data: new TextEncoder().encode('3\n') },
  ]);
}

/**
 * Serialises a state dict (or any nesting of tensors, objects, Maps, arrays,
 * numbers, strings, booleans and null) in PyTorch's checkpoint format, readable by
 * `torch.load(f, weights_only=True)`. Objects carrying a state dict's `_metadata`
 * (from `module.stateDict()`) are written as `OrderedDict`s with it, as PyTorch does;
 * other objects and Maps as dicts, arrays as lists. Tensors on devices that read back
 * only asynchronously (WebGPU) need {@link saveAsync}.
 * @example
 * ```ts pytorch=nn.save
 * torch.manualSeed(0);
 * const model = new torch.nn.Linear(2, 1);
 * const bytes = torch.save(model.stateDict()); // write them to model.pt: PyTorch's torch.load reads it
 * const sd = torch.load<Record<string, torch.Tensor>>(bytes);
 * console.log(sd['weight'], sd['bias']);
 * ```
 * ```text
 * tensor([[-0.0053,  0.3793]]) tensor([-0.5820])
 * ```
 * @throws TorchRuntimeError for a tensor on an asynchronous device, naming `saveAsync`.
 */
export function save(obj: unknown): Uint8Array {
  return archive(obj, (t) => {
    if (!t._storage.backend.syncRead) {
      throw new TorchRuntimeError('save', `save: tensor on '${t.device}' can only be read asynchronously; use await torch.saveAsync(obj)`);
    }
    return hostStorage(storageView(t), 'save');
  });
}

/**
 * {@link save} for tensors on any device: reads each storage on an asynchronous device
 * (WebGPU) back first, then writes the same bytes that {@link save} writes for the CPU
 * copies (tensors are recorded on `'cpu'`; load them onto a device with
 * `load(bytes, { mapLocation })`). Like PyTorch's `torch.save` of CUDA tensors, views
 * keep sharing their storage. The values saved are those at the call: tensors may be
 * changed (a next training step) before the promise resolves.
 * @example
 * ```ts pytorch=nn.saveAsync
 * torch.manualSeed(0);
 * const model = new torch.nn.Linear(2, 1); // on WebGPU the weights are read back without blocking
 * const bytes = await torch.saveAsync(model.stateDict());
 * console.log(torch.load<Record<string, torch.Tensor>>(bytes)['weight']);
 * ```
 * ```text
 * tensor([[-0.0053,  0.3793]])
 * ```
 */
export async function saveAsync(obj: unknown): Promise<Uint8Array> {
  // First pass (the archive's own walk): every storage is read now, CPU ones copied and
  // device ones queued behind the work already submitted, so the file holds the values
  // at the call even if the tensors change before it resolves.
  const reads = new Map<object, StorageValues | Promise<StorageValues>>();
  archive(obj, (t) => {
    reads.set(t._storage, t._storage.backend.syncRead ? hostStorage(storageView(t), 'save') : readStorage(storageView(t)));
    return new Float32Array(0);
  });
  const values = new Map<object, StorageValues>();
  await Promise.all([...reads].map(async ([storage, v]) => values.set(storage, await v)));
  return archive(obj, (t) => values.get(t._storage)!);
}
