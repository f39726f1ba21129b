/**
 * The subset of Python's pickle format that tensor state dicts use.
 *
 * The reader is a restricted virtual machine, like PyTorch's `weights_only`
 * unpickler: it runs only the opcodes state dicts need, resolves GLOBALs only
 * through a caller-supplied allowlist, and never executes anything. Every read is
 * bounds-checked, so truncated or hostile input fails with a clear error.
 *
 * The writer emits protocol 2, as `torch.save` does.
 */
import { SerializationError } from './errors.js';

// ------------------------------------------------------------------ opcodes

const OP = {
  MARK: 0x28, // (
  STOP: 0x2e, // .
  BINFLOAT: 0x47, // G
  BININT: 0x4a, // J
  BININT1: 0x4b, // K
  BININT2: 0x4d, // M
  NONE: 0x4e, // N
  BINPERSID: 0x51, // Q
  REDUCE: 0x52, // R
  SHORT_BINSTRING: 0x55, // U
  BINUNICODE: 0x58, // X
  EMPTY_LIST: 0x5d, // ]
  APPEND: 0x61, // a
  BUILD: 0x62, // b
  GLOBAL: 0x63, // c
  APPENDS: 0x65, // e
  BINGET: 0x68, // h
  LONG_BINGET: 0x6a, // j
  BINPUT: 0x71, // q
  LONG_BINPUT: 0x72, // r
  SETITEM: 0x73, // s
  TUPLE: 0x74, // t
  SETITEMS: 0x75, // u
  EMPTY_DICT: 0x7d, // }
  EMPTY_TUPLE: 0x29, // )
  PROTO: 0x80,
  NEWOBJ: 0x81,
  TUPLE1: 0x85,
  TUPLE2: 0x86,
  TUPLE3: 0x87,
  NEWTRUE: 0x88,
  NEWFALSE: 0x89,
  LONG1: 0x8a,
  EMPTY_SET: 0x8f,
} as const;

const OPCODE_NAMES: Record<number, string> = Object.fromEntries(Object.entries(OP).map(([k, v]) => [v, k]));

// ------------------------------------------------------------------ values

/** A Python global (`module.name`) that the allowlist resolved, as the reader hands it to REDUCE/NEWOBJ. */
export interface PyCallable {
  /** `module.name`. */
  readonly fullName: string;
  /** REDUCE: `func(*args)`. */
  call?(args: unknown[]): unknown;
  /** NEWOBJ: `cls.__new__(cls, *args)`. */
  newobj?(args: unknown[]): unknown;
  /** A value used when the global itself is the payload (e.g. `torch.float32`, `torch.FloatStorage`). */
  readonly value?: unknown;
}

/** A Python dict whose keys are not all strings (kept as a Map). */
export type PyDict = Map<unknown, unknown>;

/** An object that BUILD may update (what `OrderedDict` instances become). */
export interface Buildable {
  /** BUILD with `state`. */
  build(state: unknown): void;
}

/** What the reader needs from its caller. */
export interface UnpickleHooks {
  /** Resolves `GLOBAL module name` or throws (the allowlist). */
  resolveGlobal(module: string, name: string): PyCallable;
  /** Resolves a persistent id (BINPERSID), e.g. a storage reference. */
  persistentLoad(pid: unknown): unknown;
  /**
   * BUILD on a value the hooks created; throw to refuse. `state` is raw (dicts are
   * still `DictBuilder`s, so their key order is known); `finalize` converts a
   * raw value to its JS form.
   */
  build(target: unknown, state: unknown, finalize: (v: unknown) => unknown): void;
}

const MARK = Symbol('mark');

/**
 * Deepest nesting of containers the reader accepts (Python's default recursion
 * limit: deeper structures cannot be pickled by Python either).
 */
export const MAX_PICKLE_DEPTH = 1000;

/** Longest encoded tuple used as a dict key (tuples become JSON-like string keys). */
const MAX_KEY_CHARS = 4096;

/** Longest GLOBAL module or name line. */
const MAX_LINE = 1024;

/** Dict under construction: string keys go to a plain object until a non-string key appears. */
export class DictBuilder {
  /** Entries in insertion order. */
  readonly entries: Map<unknown, unknown> = new Map();
}

/** Turns a finished dict into a JS value: a plain object when all keys are strings, else a Map. */
export function finishDict(d: DictBuilder): Record<string, unknown> | PyDict {
  for (const k of d.entries.keys()) if (typeof k !== 'string') return new Map(d.entries);
  const o: Record<string, unknown> = {};
  for (const [k, v] of d.entries) Object.defineProperty(o, k as string, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** Reads pickles with the hooks' allowlist. */
export class Unpickler {
  private pos = 0;
  private stack: unknown[] = [];
  private readonly metastack: unknown[][] = [];
  private readonly memo = new Map<number, unknown>();
  private readonly finalized = new Map<unknown, unknown>();
  /** What GLOBAL produced: only these may be called by REDUCE/NEWOBJ. */
  private readonly globals = new WeakSet<object>();
  /** Encoded tuple keys, once per tuple (memoised tuples can be keys many times). */
  private readonly keyCache = new Map<unknown[], string>();

  constructor(
    private readonly data: Uint8Array,
    private readonly hooks: UnpickleHooks,
  ) {}

  private fail(msg: string): never {
    throw new SerializationError('load', `Failed to load pickle data: ${msg}`, 'UnpicklingError');
  }

  private need(n: number): void {
    if (this.pos + n > this.data.length) this.fail(`truncated data (needed ${n} bytes at offset ${this.pos}, ${this.data.length - this.pos} left)`);
  }

  private u8(): number {
    this.need(1);
    return this.data[this.pos++]!;
  }

  private u16(): number {
    this.need(2);
    const v = this.data[this.pos]! | (this.data[this.pos + 1]! << 8);
    this.pos += 2;
    return v;
  }

  private u32(): number {
    this.need(4);
    const d = this.data;
    const p = this.pos;
    this.pos += 4;
    return (d[p]! | (d[p + 1]! << 8) | (d[p + 2]! << 16)) + d[p + 3]! * 0x1000000;
  }

  private i32(): number {
    const v = this.u32();
    return v >= 0x80000000 ? v - 0x100000000 : v;
  }

  private bytes(n: number): Uint8Array {
    this.need(n);
    const b = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  private line(): string {
    const start = this.pos;
    const nl = this.data.subarray(start, start + MAX_LINE + 1).indexOf(0x0a);
    if (nl < 0) this.fail('unterminated GLOBAL line');
    this.pos = start + nl + 1;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.data.subarray(start, start + nl));
    } catch {
      this.fail(`invalid UTF-8 in the GLOBAL line at offset ${start}`);
    }
  }

  /** Whether `v` is a global that GLOBAL resolved (values from the data never are). */
  private isGlobal(v: unknown): v is PyCallable {
    return typeof v === 'object' && v !== null && this.globals.has(v);
  }

  /**
   * A dict key: primitives as they are, tuples as a JSON-like string (`[1,"a"]`).
   * Tuples may only hold primitives and tuples; cyclic, too long or too deep ones
   * are refused, and each tuple is encoded once (a memoised tuple can be a key
   * many times, and shared sub-tuples could otherwise grow exponentially).
   */
  private dictKey(k: unknown): unknown {
    if (typeof k === 'string' || typeof k === 'number' || typeof k === 'bigint' || typeof k === 'boolean' || k === null) return k;
    if (Array.isArray(k)) return this.tupleKey(k, 0, new Set());
    this.fail(`unsupported dict key type (${describe(k)})`);
  }

  private tupleKey(k: unknown[], depth: number, active: Set<unknown[]>): string {
    const cached = this.keyCache.get(k);
    if (cached !== undefined) return cached;
    if (active.has(k)) this.fail('a recursive tuple cannot be a dict key');
    if (depth >= MAX_PICKLE_DEPTH) this.fail('dict key nested too deeply');
    active.add(k);
    let s = '[';
    for (let i = 0; i < k.length; i++) {
      const x = k[i];
      let part: string;
      if (typeof x === 'string' || typeof x === 'number') part = JSON.stringify(x);
      else if (typeof x === 'bigint') part = x.toString();
      else if (typeof x === 'boolean' || x === null) part = String(x);
      else if (Array.isArray(x)) part = this.tupleKey(x, depth + 1, active);
      else this.fail(`unsupported dict key type (a tuple holding ${describe(x)})`);
      s += i === 0 ? part : `,${part}`;
      if (s.length > MAX_KEY_CHARS) this.fail(`dict key longer than ${MAX_KEY_CHARS} characters`);
    }
    s += ']';
    active.delete(k);
    this.keyCache.set(k, s);
    return s;
  }

  private pop(): unknown {
    if (this.stack.length === 0) this.fail('stack underflow');
    const v = this.stack.pop();
    if (v === MARK) this.fail('unexpected MARK');
    return v;
  }

  private top(): unknown {
    if (this.stack.length === 0) this.fail('stack underflow');
    return this.stack[this.stack.length - 1];
  }

  /** Items pushed since the last MARK (restores the outer stack). */
  private popMark(): unknown[] {
    const outer = this.metastack.pop();
    if (outer === undefined) this.fail('MARK missing');
    const items = this.stack;
    this.stack = outer;
    return items;
  }

  /**
   * Dicts stay builders while SETITEM(S) may still fill them; values handed to
   * REDUCE/NEWOBJ/BUILD/BINPERSID and the final result are converted (once per object).
   */
  private finalize(v: unknown, seen = this.finalized, depth = 0): unknown {
    if (v instanceof DictBuilder) {
      if (seen.has(v)) return seen.get(v);
      if (depth >= MAX_PICKLE_DEPTH) this.fail(`structure too deeply nested (more than ${MAX_PICKLE_DEPTH} levels)`);
      const out = finishDict(v);
      seen.set(v, out);
      if (out instanceof Map) {
        for (const [k, x] of [...out.entries()]) out.set(k, this.finalize(x, seen, depth + 1));
      } else {
        for (const k of Object.keys(out)) out[k] = this.finalize(out[k], seen, depth + 1);
      }
      const meta = (v as DictBuilder & { _metadata?: unknown })._metadata;
      if (meta !== undefined) Object.defineProperty(out, '_metadata', { value: this.finalize(meta, seen, depth + 1), enumerable: false, writable: true, configurable: true });
      return out;
    }
    if (Array.isArray(v)) {
      if (seen.has(v)) return seen.get(v);
      if (depth >= MAX_PICKLE_DEPTH) this.fail(`structure too deeply nested (more than ${MAX_PICKLE_DEPTH} levels)`);
      seen.set(v, v);
      for (let i = 0; i < v.length; i++) v[i] = this.finalize(v[i], seen, depth + 1);
      return v;
    }
    return v;
  }

  /** Runs the pickle and returns its value. */
  load(): unknown {
    const d = this.data;
    for (;;) {
      if (this.pos >= d.length) this.fail('truncated data (no STOP opcode)');
      const op = d[this.pos++]!;
      switch (op) {
        case OP.PROTO: {
          const v = this.u8();
          if (v > 5) this.fail(`unsupported pickle protocol: ${v}`);
          break;
        }
        case OP.STOP:
          return this.finalize(this.pop());
        case OP.MARK:
          this.metastack.push(this.stack);
          this.stack = [];
          break;
        case OP.NONE:
          this.stack.push(null);
          break;
        case OP.NEWTRUE:
          this.stack.push(true);
          break;
        case OP.NEWFALSE:
          this.stack.push(false);
          break;
        case OP.BININT:
          this.stack.push(this.i32());
          break;
        case OP.BININT1:
          this.stack.push(this.u8());
          break;
        case OP.BININT2:
          this.stack.push(this.u16());
          break;
        case OP.LONG1: {
          const n = this.u8();
          const b = this.bytes(n);
          let v = 0n;
          for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!);
          if (n > 0 && b[n - 1]! & 0x80) v -= 1n << BigInt(8 * n);
          this.stack.push(v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v);
          break;
        }
        case OP.BINFLOAT: {
          const b = this.bytes(8);
          this.stack.push(new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, false));
          break;
        }
        case OP.BINUNICODE: {
          const n = this.u32();
          const b = this.bytes(n);
          try {
            this.stack.push(new TextDecoder('utf-8', { fatal: true }).decode(b));
          } catch {
            this.fail('invalid UTF-8 in string');
          }
          break;
        }
        case OP.SHORT_BINSTRING: {
          const n = this.u8();
          this.stack.push(String.fromCharCode(...this.bytes(n)));
          break;
        }
        case OP.EMPTY_TUPLE:
          this.stack.push([]);
          break;
        case OP.TUPLE: {
          const items = this.popMark(); // (re-assigns this.stack: pop first, then push)
          this.stack.push(items);
          break;
        }
        case OP.TUPLE1: {
          const a = this.pop();
          this.stack.push([a]);
          break;
        }
        case OP.TUPLE2: {
          const b = this.pop();
          const a = this.pop();
          this.stack.push([a, b]);
          break;
        }
        case OP.TUPLE3: {
          const c = this.pop();
          const b = this.pop();
          const a = this.pop();
          this.stack.push([a, b, c]);
          break;
        }
        case OP.EMPTY_LIST:
          this.stack.push([]);
          break;
        case OP.EMPTY_DICT: {
          this.stack.push(new DictBuilder());
          break;
        }
        case OP.EMPTY_SET:
          this.stack.push(new Set());
          break;
        case OP.APPEND: {
          const v = this.pop();
          const list = this.top();
          if (!Array.isArray(list)) this.fail('APPEND to a non-list');
          list.push(v);
          break;
        }
        case OP.APPENDS: {
          const items = this.popMark();
          const list = this.top();
          if (!Array.isArray(list)) this.fail('APPENDS to a non-list');
          for (const x of items) list.push(x);
          break;
        }
        case OP.SETITEM: {
          const v = this.pop();
          const k = this.pop();
          const dict = this.top();
          if (!(dict instanceof DictBuilder)) this.fail('SETITEM on a non-dict');
          dict.entries.set(this.dictKey(k), v);
          break;
        }
        case OP.SETITEMS: {
          const items = this.popMark();
          const dict = this.top();
          if (!(dict instanceof DictBuilder)) this.fail('SETITEMS on a non-dict');
          if (items.length % 2 !== 0) this.fail('SETITEMS with an odd number of items');
          for (let i = 0; i < items.length; i += 2) dict.entries.set(this.dictKey(items[i]), items[i + 1]);
          break;
        }
        case OP.BINPUT:
          this.memo.set(this.u8(), this.top());
          break;
        case OP.LONG_BINPUT:
          this.memo.set(this.u32(), this.top());
          break;
        case OP.BINGET:
        case OP.LONG_BINGET: {
          const i = op === OP.BINGET ? this.u8() : this.u32();
          if (!this.memo.has(i)) this.fail(`memo key ${i} not found`);
          this.stack.push(this.memo.get(i));
          break;
        }
        case OP.GLOBAL: {
          const module = this.line();
          const name = this.line();
          const g = this.hooks.resolveGlobal(module, name);
          if (typeof g === 'object' && g !== null) this.globals.add(g);
          this.stack.push(g);
          break;
        }
        case OP.REDUCE: {
          const args = this.pop();
          const func = this.pop();
          if (!this.isGlobal(func) || typeof func.call !== 'function') this.fail(`Trying to call reduce for unrecognized function ${describe(func)}`);
          if (!Array.isArray(args)) this.fail('REDUCE arguments are not a tuple');
          this.stack.push(func.call(args.map((a) => this.finalize(a))));
          break;
        }
        case OP.NEWOBJ: {
          const args = this.pop();
          const cls = this.pop();
          if (!this.isGlobal(cls) || typeof cls.newobj !== 'function') this.fail(`Can only create new object for nn.Parameter or allowlisted classes but got ${describe(cls)}`);
          if (!Array.isArray(args)) this.fail('NEWOBJ arguments are not a tuple');
          this.stack.push(cls.newobj(args.map((a) => this.finalize(a))));
          break;
        }
        case OP.BUILD: {
          const state = this.pop();
          const inst = this.top();
          this.hooks.build(inst, state, (v) => this.finalize(v));
          break;
        }
        case OP.BINPERSID: {
          const pid = this.finalize(this.pop());
          this.stack.push(this.hooks.persistentLoad(pid));
          break;
        }
        default:
          this.fail(`Unsupported operand ${op} (${OPCODE_NAMES[op] ?? `0x${op.toString(16)}`}) at offset ${this.pos - 1}`);
      }
    }
  }
}

/** A short description of a value for error messages (never converts it to a string). */
function describe(v: unknown): string {
  if (v === null) return 'None';
  if (typeof v === 'object' && typeof (v as PyCallable).fullName === 'string') return (v as PyCallable).fullName.slice(0, 200);
  if (Array.isArray(v)) return 'tuple';
  if (v instanceof DictBuilder) return 'dict';
  return typeof v;
}

/**
 * Runs a pickle with the given hooks (see {@link UnpickleHooks}).
 * @throws SerializationError for malformed or refused content.
 */
export function unpickle(data: Uint8Array, hooks: UnpickleHooks): unknown {
  try {
    return new Unpickler(data, hooks).load();
  } catch (e) {
    // Nesting is bounded explicitly; this is a last resort for a stack that is already deep.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new SerializationError('load', `Failed to load pickle data: structure too deeply nested (${e.message})`, 'UnpicklingError');
    }
    throw e;
  }
}

// ------------------------------------------------------------------ writer

/** A Python global to write (`GLOBAL module name`). */
export class PyGlobal {
  constructor(
    /** The Python module, e.g. `'torch._utils'`. */
    readonly module: string,
    /** The name in that module, e.g. `'_rebuild_tensor_v2'`. */
    readonly name: string,
  ) {}
}

/** A tuple to write (arrays are written as lists). */
export class PyTuple {
  constructor(
    /** The tuple's items. */
    readonly items: readonly unknown[],
  ) {}
}

/** A float to write even when its value is an integer (`1.0`, not `1`). */
export class PyFloat {
  constructor(
    /** The number, written as a float. */
    readonly value: number,
  ) {}
}

/** `func(*args)` to write as REDUCE, then optional dict items (SETITEMS) and BUILD state. */
export class PyReduce {
  constructor(
    /** The callable. */
    readonly func: PyGlobal,
    /** Its positional arguments. */
    readonly args: readonly unknown[],
    /** Dict items to set on the result and the state to BUILD it with. */
    readonly opts: { dictItems?: [unknown, unknown][]; state?: unknown } = {},
  ) {}
}

/** A persistent id to write (BINPERSID), e.g. a storage reference. */
export class PyPersistent {
  constructor(
    /** The persistent id (a tuple, for a storage reference). */
    readonly pid: unknown,
  ) {}
}

/** Grows a byte buffer. */
class ByteSink {
  buf = new Uint8Array(1024);
  len = 0;
  ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const b = new Uint8Array(cap);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  byte(v: number): void {
    this.ensure(1);
    this.buf[this.len++] = v;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  u32(v: number): void {
    this.ensure(4);
    new DataView(this.buf.buffer).setUint32(this.len, v, true);
    this.len += 4;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/**
 * Writes a value as a protocol-2 pickle. Supported: null/undefined (None),
 * booleans, numbers (integers as int, others as float), bigints, strings,
 * arrays (lists), {@link PyTuple}, {@link PyFloat}, Maps and plain objects (dicts),
 * and the {@link PyGlobal}/{@link PyReduce}/{@link PyPersistent} wrappers.
 * `reduce` may turn other objects (tensors) into wrappers first.
 */
export function pickle(value: unknown, reduce?: (v: unknown) => unknown): Uint8Array {
  const out = new ByteSink();
  const enc = new TextEncoder();
  const memo = new Map<unknown, number>();
  const put = (key: unknown): void => {
    const i = memo.size;
    memo.set(key, i);
    if (i < 256) {
      out.byte(OP.BINPUT);
      out.byte(i);
    } else {
      out.byte(OP.LONG_BINPUT);
      out.u32(i);
    }
  };
  const get = (key: unknown): boolean => {
    const i = memo.get(key);
    if (i === undefined) return false;
    if (i < 256) {
      out.byte(OP.BINGET);
      out.byte(i);
    } else {
      out.byte(OP.LONG_BINGET);
      out.u32(i);
    }
    return true;
  };
  const int = (v: bigint): void => {
    if (v >= 0n && v < 256n) {
      out.byte(OP.BININT1);
      out.byte(Number(v));
    } else if (v >= 0n && v < 65536n) {
      out.byte(OP.BININT2);
      out.byte(Number(v) & 0xff);
      out.byte(Number(v) >> 8);
    } else if (v >= -(2n ** 31n) && v < 2n ** 31n) {
      out.byte(OP.BININT);
      out.u32(Number(BigInt.asUintN(32, v)));
    } else {
      const bytes: number[] = [];
      let x = v;
      for (;;) {
        bytes.push(Number(x & 0xffn));
        x >>= 8n;
        const last = bytes[bytes.length - 1]!;
        if ((x === 0n && (last & 0x80) === 0) || (x === -1n && (last & 0x80) !== 0)) break;
      }
      out.byte(OP.LONG1);
      out.byte(bytes.length);
      for (const b of bytes) out.byte(b);
    }
  };
  const float = (v: number): void => {
    out.byte(OP.BINFLOAT);
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, false);
    out.bytes(b);
  };
  const tuple = (items: readonly unknown[]): void => {
    if (items.length === 0) {
      out.byte(OP.EMPTY_TUPLE);
      return;
    }
    if (items.length <= 3) {
      for (const x of items) save(x);
      out.byte([OP.TUPLE1, OP.TUPLE2, OP.TUPLE3][items.length - 1]!);
    } else {
      out.byte(OP.MARK);
      for (const x of items) save(x);
      out.byte(OP.TUPLE);
    }
  };
  const setitems = (entries: [unknown, unknown][]): void => {
    for (let i = 0; i < entries.length; i += 1000) {
      const chunk = entries.slice(i, i + 1000);
      if (chunk.length === 1) {
        save(chunk[0]![0]);
        save(chunk[0]![1]);
        out.byte(OP.SETITEM);
      } else {
        out.byte(OP.MARK);
        for (const [k, v] of chunk) {
          save(k);
          save(v);
        }
        out.byte(OP.SETITEMS);
      }
    }
  };
  const stack = new Set<unknown>();
  const save = (v0: unknown): void => {
    const v = reduce ? reduce(v0) : v0;
    if (v === null || v === undefined) return out.byte(OP.NONE);
    if (v === true) return out.byte(OP.NEWTRUE);
    if (v === false) return out.byte(OP.NEWFALSE);
    if (typeof v === 'bigint') return int(v);
    if (typeof v === 'number') return Number.isInteger(v) && !Object.is(v, -0) ? int(BigInt(v)) : float(v);
    if (v instanceof PyFloat) return float(v.value);
    if (typeof v === 'string') {
      if (get(v)) return;
      const b = enc.encode(v);
      out.byte(OP.BINUNICODE);
      out.u32(b.length);
      out.bytes(b);
      put(v);
      return;
    }
    if (v instanceof PyGlobal) {
      const key = `global:${v.module}\n${v.name}`;
      if (get(key)) return;
      out.byte(OP.GLOBAL);
      out.bytes(enc.encode(`${v.module}\n${v.name}\n`));
      put(key);
      return;
    }
    if (typeof v !== 'object') throw new SerializationError('save', `cannot pickle a value of type ${typeof v}`);
    if (get(v)) return;
    if (stack.has(v)) throw new SerializationError('save', 'cannot pickle a recursive structure');
    stack.add(v);
    try {
      if (v instanceof PyTuple) {
        tuple(v.items);
        put(v);
      } else if (v instanceof PyPersistent) {
        save(v.pid);
        out.byte(OP.BINPERSID);
      } else if (v instanceof PyReduce) {
        save(v.func);
        tuple(v.args);
        out.byte(OP.REDUCE);
        put(v);
        if (v.opts.dictItems && v.opts.dictItems.length > 0) setitems(v.opts.dictItems);
        if (v.opts.state !== undefined) {
          save(v.opts.state);
          out.byte(OP.BUILD);
        }
      } else if (Array.isArray(v)) {
        out.byte(OP.EMPTY_LIST);
        put(v);
        for (let i = 0; i < v.length; i += 1000) {
          const chunk = v.slice(i, i + 1000);
          if (chunk.length === 1) {
            save(chunk[0]);
            out.byte(OP.APPEND);
          } else {
            out.byte(OP.MARK);
            for (const x of chunk) save(x);
            out.byte(OP.APPENDS);
          }
        }
      } else if (v instanceof Map) {
        out.byte(OP.EMPTY_DICT);
        put(v);
        setitems([...v.entries()]);
      } else if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
        out.byte(OP.EMPTY_DICT);
        put(v);
        setitems(Object.entries(v));
      } else {
        throw new SerializationError('save', `cannot pickle an object of class ${(v as object).constructor?.name ?? 'unknown'}`);
      }
    } finally {
      stack.delete(v);
    }
  };
  out.byte(OP.PROTO);
  out.byte(2);
  save(value);
  out.byte(OP.STOP);
  return out.result();
}
