// File fuzz of torch.load and safetensors.deserialize (issue 10, "Trust"): byte flips,
// truncations, insertions/deletions, huge length fields, zip central-directory and
// pickle-opcode corruption, and safetensors header corruption of valid files (written
// by PyTorch, tools/golden/nn_serialization.py, and by Antorcha) must either load or
// throw a SerializationError: never another error, never a hang, never a huge
// allocation. Then one regression test per bug the fuzz (and its review) found.
//
// Reproducible: every case derives from FUZZ_SEED (default below) and its index.
// FUZZ_ITERATIONS (or FUZZ_RUNS, as the other fuzz suites) sets the number of random
// mutations per suite (default 3000; with the every-byte truncations about 20 000
// loads, ~10 s). A failure prints the seed, the case index, the input and the
// mutation as JSON, one reproducer per distinct problem; `applyOps(input, ops)` below
// replays it. FUZZ_DUMP=1 adds stack traces.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Tensor, arange, float32, float64, int32, int64, manualSeed, randn, tensor, uint8, zeros } from '@antorcha/core';
import { SerializationError, load, nn, optim, safetensors, save, serialization } from '../src/index.js';

/** What these tests read field by field from a loaded file (load's `T` names what the caller knows the file holds). */
// biome-ignore lint: the tests walk arbitrary pickled structures.
type Dyn = any;

const { PyGlobal, PyPersistent, PyReduce, PyTuple, pickle, writeZip, ZipReader } = serialization;

const SEED = Number(process.env.FUZZ_SEED ?? 0x7e57ab1e) >>> 0;
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? process.env.FUZZ_RUNS ?? 3000);
/** Each load must finish well within this (a hang would be far longer). */
const TIME_LIMIT_MS = 1000;
/** vitest's timeout for one fuzz test (scales with FUZZ_ITERATIONS). */
const TEST_TIMEOUT_MS = Math.max(60_000, ITERATIONS * 10);

// ------------------------------------------------------------------ seeded PRNG

/** sfc32: small, fast, seedable. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(...seeds: number[]) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = 1;
    for (const s of seeds) {
      this.a ^= s >>> 0;
      this.d = (this.d + Math.imul(s >>> 0, 0x85ebca6b)) >>> 0;
      for (let i = 0; i < 12; i++) this.u32();
    }
  }
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
  /** Uniform integer in [0, n). */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor((this.u32() / 0x100000000) * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.u32() / 0x100000000 < p;
  }
}

// ------------------------------------------------------------------ mutations (replayable data)

/** Interesting values for length/offset/count fields. */
const HUGE = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
const HUGE64 = ['18446744073709551615', '9223372036854775807', '9223372036854775808', '4294967296', '100000001', '99999999', '2147483648'];

/** One mutation step; a list of them is a case, printed as JSON on failure. */
type Op =
  | ['flip', number, number] // data[pos] ^= mask
  | ['set', number, number] // data[pos] = byte
  | ['trunc', number] // keep the first n bytes
  | ['ins', number, number[]] // insert bytes at pos
  | ['del', number, number] // delete n bytes at pos
  | ['u16' | 'u32', number, number] // little-endian field at pos
  | ['u64', number, string]
  | ['entry', string, Op[]] // mutate one zip record, re-pack with valid CRCs
  | ['drop', string] // remove a zip record, re-pack
  | ['rename', string, string]
  | ['jset', (string | number)[], unknown] // safetensors: set a header JSON path, re-encode
  | ['jraw', (string | number)[], string] // … to raw JSON text (for -0, 1e400, deep nesting)
  | ['jdel', (string | number)[]]
  | ['jtext', Op[]] // byte ops on the header text, header length fixed up
  | ['stlen', string]; // safetensors header length field

function applyBytes(data: Uint8Array, op: Op): Uint8Array {
  const d = data;
  switch (op[0]) {
    case 'flip': {
      const out = d.slice();
      if (op[1] < out.length) out[op[1]]! ^= op[2];
      return out;
    }
    case 'set': {
      const out = d.slice();
      if (op[1] < out.length) out[op[1]] = op[2];
      return out;
    }
    case 'trunc':
      return d.slice(0, op[1]);
    case 'ins': {
      const out = new Uint8Array(d.length + op[2].length);
      out.set(d.subarray(0, op[1]));
      out.set(op[2], op[1]);
      out.set(d.subarray(op[1]), op[1] + op[2].length);
      return out;
    }
    case 'del': {
      const pos = Math.min(op[1], d.length);
      const n = Math.min(op[2], d.length - pos);
      const out = new Uint8Array(d.length - n);
      out.set(d.subarray(0, pos));
      out.set(d.subarray(pos + n), pos);
      return out;
    }
    case 'u16':
    case 'u32':
    case 'u64': {
      const w = op[0] === 'u16' ? 2 : op[0] === 'u32' ? 4 : 8;
      const out = d.slice();
      if (op[1] + w > out.length) return out;
      const dv = new DataView(out.buffer);
      if (op[0] === 'u16') dv.setUint16(op[1], op[2] & 0xffff, true);
      else if (op[0] === 'u32') dv.setUint32(op[1], op[2] >>> 0, true);
      else dv.setBigUint64(op[1], BigInt(op[2]), true);
      return out;
    }
    default:
      throw new Error(`not a byte op: ${op[0]}`);
  }
}

function zipEntries(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  const z = new ZipReader(bytes);
  return [...z.entries.keys()].map((name) => ({ name, data: z.read(name).slice() }));
}

const RAW = '\u0000raw\u0000';

function stParts(bytes: Uint8Array): { header: Record<string, unknown>; text: Uint8Array; data: Uint8Array } {
  const n = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
  const text = bytes.subarray(8, 8 + n);
  return { header: JSON.parse(new TextDecoder().decode(text)), text, data: bytes.subarray(8 + n) };
}

function stJoin(text: Uint8Array, data: Uint8Array, len?: bigint): Uint8Array {
  const out = new Uint8Array(8 + text.length + data.length);
  new DataView(out.buffer).setBigUint64(0, len ?? BigInt(text.length), true);
  out.set(text, 8);
  out.set(data, 8 + text.length);
  return out;
}

function setPath(root: unknown, path: readonly (string | number)[], value: unknown, del = false): void {
  let o = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const next = o[path[i]!];
    if (typeof next !== 'object' || next === null) return;
    o = next as Record<string | number, unknown>;
  }
  const k = path[path.length - 1]!;
  if (del) delete o[k];
  else Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies a case's mutations to an input (replays a failure printed by the fuzz). */
function applyOps(input: Uint8Array, ops: readonly Op[]): Uint8Array {
  let d = input;
  for (const op of ops) {
    switch (op[0]) {
      case 'entry':
      case 'drop':
      case 'rename': {
        const es = zipEntries(d);
        if (op[0] === 'entry') for (const e of es) if (e.name === op[1]) e.data = applyOps(e.data, op[2]);
        if (op[0] === 'rename') for (const e of es) if (e.name === op[1]) e.name = op[2];
        d = writeZip(op[0] === 'drop' ? es.filter((e) => e.name !== op[1]) : es);
        break;
      }
      case 'jset':
      case 'jraw':
      case 'jdel': {
        const { header, data } = stParts(d);
        setPath(header, op[1], op[0] === 'jraw' ? RAW : op[2], op[0] === 'jdel');
        let text = JSON.stringify(header);
        if (op[0] === 'jraw') text = text.replace(JSON.stringify(RAW), op[2]);
        d = stJoin(new TextEncoder().encode(text), data);
        break;
      }
      case 'jtext': {
        const { text, data } = stParts(d);
        d = stJoin(applyOps(text, op[1]), data);
        break;
      }
      case 'stlen':
        d = d.slice();
        if (d.length >= 8) new DataView(d.buffer).setBigUint64(0, BigInt(op[1]), true);
        break;
      default:
        d = applyBytes(d, op);
    }
  }
  return d;
}

// ------------------------------------------------------------------ structure: zip records, pickle opcodes

/** Offsets of the central-directory entries and of the end record (no comment). */
function zipLayout(bytes: Uint8Array): { eocd: number; central: number[]; local: number[] } {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = bytes.length - 22;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const central: number[] = [];
  const local: number[] = [];
  for (let i = 0; i < count; i++) {
    central.push(p);
    local.push(dv.getUint32(p + 42, true));
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return { eocd, central, local };
}

/** Argument sizes of the pickle opcodes the loader supports (−1: variable). */
const ARG: Record<number, number> = {
  0x28: 0, 0x2e: 0, 0x47: 8, 0x4a: 4, 0x4b: 1, 0x4d: 2, 0x4e: 0, 0x51: 0, 0x52: 0, 0x55: -1, 0x58: -1, 0x5d: 0, 0x61: 0, 0x62: 0, 0x63: -1,
  0x65: 0, 0x68: 1, 0x6a: 4, 0x71: 1, 0x72: 4, 0x73: 0, 0x74: 0, 0x75: 0, 0x7d: 0, 0x29: 0, 0x80: 1, 0x81: 0, 0x85: 0, 0x86: 0, 0x87: 0,
  0x88: 0, 0x89: 0, 0x8a: -1, 0x8f: 0,
};

/** Opcode positions of a (valid) pickle: [offset, opcode, total length]. */
function opcodes(p: Uint8Array): [number, number, number][] {
  const out: [number, number, number][] = [];
  let i = 0;
  while (i < p.length) {
    const op = p[i]!;
    const a = ARG[op];
    if (a === undefined) break;
    let len = 1 + Math.max(a, 0);
    if (op === 0x55 || op === 0x8a) len = 2 + p[i + 1]!;
    else if (op === 0x58) len = 5 + new DataView(p.buffer, p.byteOffset).getUint32(i + 1, true);
    else if (op === 0x63) {
      const a1 = p.indexOf(0x0a, i + 1);
      len = p.indexOf(0x0a, a1 + 1) + 1 - i;
    }
    out.push([i, op, len]);
    i += len;
    if (op === 0x2e) break;
  }
  return out;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Hostile pickle snippets spliced in at opcode boundaries. */
const SNIPPETS: number[][] = [
  [0x63, ...ascii('os\nsystem\n'), 0x58, 4, 0, 0, 0, ...ascii('echo'), 0x85, 0x52], // os.system('echo')
  [0x63, ...ascii('builtins\neval\n'), 0x58, 1, 0, 0, 0, 0x31, 0x85, 0x52],
  [0x63, ...ascii('builtins\ngetattr\n')],
  [0x63, ...ascii('torch\nconstructor\n')],
  [0x63, ...ascii('torch\n__proto__\n')],
  [0x63, ...ascii('torch._utils\n_rebuild_tensor_v2\n')],
  [0x63, ...ascii('torch\nFloatStorage\n')],
  [0x63, ...ascii('torch\nSize\n')],
  [0x63, ...ascii('collections\nOrderedDict\n'), 0x29, 0x52],
  [0x63, ...ascii('torch\ndevice\n'), 0x58, 3, 0, 0, 0, ...ascii('cpu'), 0x85, 0x52],
  [0x28], [0x28, 0x28, 0x28], [0x74], [0x65], [0x75], [0x73], [0x61], [0x62], [0x52], [0x81], [0x51], [0x2e],
  [0x5d], [0x7d], [0x29], [0x8f], [0x4e], [0x88], [0x89], [0x85], [0x86], [0x87],
  [0x68, 0], [0x68, 1], [0x68, 255], [0x6a, 0xff, 0xff, 0xff, 0xff], [0x71, 0], [0x72, 0xff, 0xff, 0xff, 0xff],
  [0x4a, 0xff, 0xff, 0xff, 0x7f], [0x4a, 0, 0, 0, 0x80], [0x4b, 0xff], [0x4d, 0xff, 0xff],
  [0x8a, 9, 0, 0, 0, 0, 0, 0, 0, 0, 1], [0x8a, 8, 0, 0, 0, 0, 0, 0, 0, 0x80], [0x8a, 0],
  [0x47, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0], [0x47, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0], [0x47, 0x54, 0xb2, 0x49, 0xad, 0x25, 0x94, 0xc3, 0x7d], // inf, nan, 1e100
  [0x47, 0x43, 0x30, 0, 0, 0, 0, 0, 0], // 2^52 as a float
  [0x58, 0xff, 0xff, 0xff, 0xff], [0x58, 2, 0, 0, 0, 0xc3, 0x28], [0x55, 0xff], [0x55, 1, 0x80],
  [0x80, 0xff], [0x80, 2], [0x95, 0, 0, 0, 0, 0, 0, 0, 0], [0x93], [0x69],
  [0x7d, 0x5d, 0x71, 0, 0x68, 0, 0x61, 0x4e, 0x73], // {[cyclic list]: None}
  [0x7d, 0x8a, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0x85, 0x4e, 0x73], // {(2^64+…,): None}
  [0x7d, 0x58, 8, 0, 0, 0, ...ascii('toString'), 0x4e, 0x73], // {'toString': None}
];

// ------------------------------------------------------------------ inputs

function fx(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

/** Valid checkpoints written by Antorcha's save (more shapes of content than the fixtures). */
function antorchaCheckpoints(): Record<string, Uint8Array> {
  manualSeed(1);
  const linear = new nn.Linear(5, 3);
  const base = arange(24, { dtype: float64 }).reshape(4, 6);
  const w = new nn.Parameter(randn(3));
  const opt = new optim.Adam([w], { lr: 0.1 });
  w.grad = randn(3);
  opt.step();
  const sgd = new optim.SGD([w], { lr: 0.1, momentum: 0.9 });
  w.grad = randn(3);
  sgd.step();
  return {
    'linear.pt': save(linear.stateDict()),
    'nested.pt': save({ a: { b: { c: tensor([1, 2, 3], { dtype: int64 }), d: [tensor(1.5), new PyTuple([1, 'x', null])] } }, e: new Map<unknown, unknown>([[1, 'one'], [2 ** 40, zeros(0)]]) }),
    'adam.pt': save(opt.stateDict()),
    'sgd.pt': save(sgd.stateDict()),
    'views.pt': save({ base, row: base.select(0, 2), cols: base.narrow(1, 1, 3), t: base.t(), strided: base.index('1:', '::2'), i64: tensor([2 ** 50, -1], { dtype: int64 }) }),
    'dtypes.pt': save({ f32: tensor([1, 2], { dtype: float32 }), i32: tensor([3], { dtype: int32 }), u8: tensor([255], { dtype: uint8 }), b: tensor([true, false]), s: tensor(7, { dtype: int64 }) }),
  };
}

function safetensorsFiles(): Record<string, Uint8Array> {
  manualSeed(2);
  return {
    'linear.safetensors': safetensors.serialize(new nn.Linear(4, 2).stateDict() as unknown as Record<string, Tensor>, { format: 'pt' }),
    'mixed.safetensors': safetensors.serialize({
      a: tensor([[1, 2], [3, 4]], { dtype: float64 }),
      b: tensor([1, -(2 ** 40)], { dtype: int64 }),
      c: tensor([true]),
      d: zeros(0, 2),
      e: tensor(3, { dtype: int32 }),
      f: tensor([9, 8, 7], { dtype: uint8 }),
    }),
  };
}

// ------------------------------------------------------------------ the property

type Loader = (b: Uint8Array) => unknown;

interface Outcome {
  ok: boolean;
  /** Why the property failed, or '' when it held. */
  problem: string;
}

function mem(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Loads `bytes`; the property: a value or a SerializationError, quickly, in bounded memory. */
function checkLoad(loader: Loader, bytes: Uint8Array): Outcome {
  const before = mem();
  const t0 = performance.now();
  let problem = '';
  let ok = true;
  try {
    loader(bytes);
  } catch (e) {
    ok = false;
    if (!(e instanceof SerializationError)) problem = `threw ${(e as Error)?.constructor?.name}: ${String((e as Error)?.message ?? e).slice(0, 300)}${process.env.FUZZ_DUMP ? `\n${(e as Error).stack?.split('\n').slice(1, 4).join('\n')}` : ''}`;
    else if ((e as { cause?: unknown }).cause !== undefined) {
      // The loaders wrap unexpected internal errors; reaching that net is a bug.
      const c = (e as { cause: Error }).cause;
      problem = `internal ${c?.constructor?.name} wrapped: ${String(c?.message ?? c).slice(0, 300)}`;
    }
  }
  const ms = performance.now() - t0;
  if (ms > TIME_LIMIT_MS) problem ||= `took ${ms.toFixed(0)} ms`;
  const grown = mem() - before;
  const allowed = 64 * 2 ** 20 + 64 * bytes.length;
  if (grown > allowed) problem ||= `memory grew by ${(grown / 2 ** 20).toFixed(0)} MiB`;
  return { ok, problem };
}

interface Corpus {
  name: string;
  bytes: Uint8Array;
  kind: 'pt' | 'st';
}

const ptLoad: Loader = (b) => load(b);
const stLoad: Loader = (b) => safetensors.deserialize(b);

/** Random mutations of a checkpoint: raw bytes, zip records, the pickle. */
function mutatePt(rng: Rng, input: Uint8Array): Op[] {
  const n = input.length;
  const kind = rng.int(8);
  const { eocd, central, local } = zipLayout(input);
  const pos = (): number => rng.int(n);
  switch (kind) {
    case 0: {
      const k = 1 + rng.int(rng.chance(0.5) ? 1 : 8);
      return Array.from({ length: k }, (): Op => ['flip', pos(), 1 << rng.int(8)]);
    }
    case 1:
      return Array.from({ length: 1 + rng.int(4) }, (): Op => ['set', pos(), rng.int(256)]);
    case 2:
      return [['trunc', pos()]];
    case 3:
      return [rng.chance(0.5) ? ['ins', pos(), Array.from({ length: 1 + rng.int(8) }, () => rng.int(256))] : ['del', pos(), 1 + rng.int(rng.chance(0.5) ? 4 : 256)]];
    case 4: {
      // a central-directory field: sizes, local offset, name/extra/comment lengths, method, CRC
      const c = rng.pick(central);
      const field = rng.pick([[10, 'u16'], [16, 'u32'], [20, 'u32'], [24, 'u32'], [28, 'u16'], [30, 'u16'], [32, 'u16'], [42, 'u32'], [0, 'u32']] as const);
      const v = rng.chance(0.3) ? rng.int(n * 2) : rng.pick(HUGE);
      return [[field[1], c + field[0], v]];
    }
    case 5: {
      // the end record: entry counts, directory size and offset, comment length
      const field = rng.pick([[8, 'u16'], [10, 'u16'], [12, 'u32'], [16, 'u32'], [20, 'u16']] as const);
      const v = rng.chance(0.3) ? rng.int(n * 2) : rng.pick(HUGE);
      return [[field[1], eocd + field[0], v]];
    }
    case 6: {
      // a local header field
      const l = rng.pick(local);
      const field = rng.pick([[0, 'u32'], [8, 'u16'], [18, 'u32'], [22, 'u32'], [26, 'u16'], [28, 'u16']] as const);
      return [[field[1], l + field[0], rng.pick(HUGE)]];
    }
    default: {
      // pick a central entry and point it at another entry's local header (overlapping records)
      const a = rng.int(central.length);
      const b = rng.int(local.length);
      return [['u32', central[a]! + 42, local[b]!]];
    }
  }
}

/** Mutations inside the records, re-packed with valid CRCs so that the pickle and storage checks are reached. */
function mutateRecords(rng: Rng, input: Uint8Array): Op[] {
  const es = zipEntries(input);
  const pklName = es.find((e) => e.name.endsWith('/data.pkl'))!.name;
  const pkl = es.find((e) => e.name === pklName)!.data;
  const ops = opcodes(pkl);
  const kind = rng.int(10);
  const at = (): [number, number, number] => rng.pick(ops);
  switch (kind) {
    case 0:
      return [['entry', pklName, Array.from({ length: 1 + rng.int(3) }, (): Op => ['flip', rng.int(pkl.length), 1 << rng.int(8)])]];
    case 1:
      return [['entry', pklName, [['trunc', rng.int(pkl.length)]]]];
    case 2: {
      // replace an opcode byte
      const [p] = at();
      const codes = Object.keys(ARG).map(Number);
      return [['entry', pklName, [['set', p, rng.chance(0.8) ? rng.pick(codes) : rng.int(256)]]]];
    }
    case 3: {
      // delete or duplicate a whole opcode (with its argument)
      const [p, , len] = at();
      if (rng.chance(0.5)) return [['entry', pklName, [['del', p, len]]]];
      return [['entry', pklName, [['ins', p, [...pkl.subarray(p, p + len)]]]]];
    }
    case 4: {
      // splice in a hostile snippet at an opcode boundary
      const [p] = at();
      return [['entry', pklName, [['ins', p, rng.pick(SNIPPETS)]]]];
    }
    case 5: {
      // corrupt an opcode's argument: lengths, memo indices, integers
      const withArg = ops.filter(([, op]) => ARG[op] !== 0);
      const [p, op, len] = rng.pick(withArg.length > 0 ? withArg : ops);
      if (op === 0x58 || op === 0x6a || op === 0x72 || op === 0x4a) return [['entry', pklName, [['u32', p + 1, rng.chance(0.5) ? rng.pick(HUGE) : rng.int(2 * pkl.length)]]]];
      if (op === 0x63) return [['entry', pklName, [['set', p + 1 + rng.int(len - 1), rng.pick([0x0a, 0x2e, 0x00, 0xff, 0x5f])]]]];
      return [['entry', pklName, [['set', p + 1, rng.pick([0, 1, 0x7f, 0x80, 0xff, rng.int(256)])]]]];
    }
    case 6: {
      // storage records: truncate, extend, drop, rename
      const stor = es.filter((e) => /\/data\/\d+$/.test(e.name));
      if (stor.length === 0) return [];
      const s = rng.pick(stor);
      const r = rng.int(4);
      if (r === 0) return [['entry', s.name, [['trunc', rng.int(s.data.length)]]]];
      if (r === 1) return [['entry', s.name, [['ins', s.data.length, Array.from({ length: 1 + rng.int(16) }, () => rng.int(256))]]]];
      if (r === 2) return [['drop', s.name]];
      return [['rename', s.name, s.name.replace(/\d+$/, rng.pick(['x', '../0', '99', '']))]];
    }
    case 7: {
      // other records
      const e = rng.pick(es);
      if (e.name.endsWith('byteorder')) return [['entry', e.name, [['set', 0, rng.int(256)]]]];
      return rng.chance(0.5) ? [['drop', e.name]] : [['rename', e.name, rng.pick(['x', 'archive/data.pkl', `${e.name}/`, 'other/data.pkl'])]];
    }
    case 8: {
      // swap two opcodes' bytes (structure shuffles)
      const [p] = at();
      const [q] = at();
      return [['entry', pklName, [['set', p, pkl[q]!], ['set', q, pkl[p]!]]]];
    }
    default: {
      // several snippets
      return [['entry', pklName, Array.from({ length: 2 + rng.int(4) }, (): Op => ['ins', rng.pick(ops)[0], rng.pick(SNIPPETS)])]];
    }
  }
}

const BAD_DTYPES = ['F32', 'F64', 'I64', 'I32', 'U8', 'BOOL', 'F16', 'BF16', 'I8', 'C64', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'f32', ' F32', 5, null, ['F32'], {}];
const BAD_NUMS = ['-1', '1.5', '-0', '1e300', '1e400', '9007199254740993', '18446744073709551616', '"8"', 'null', 'true', '[]', '{}', '[8]', '0.0', '8.0', '1e1', '-1e-7', '0'];

/** Safetensors mutations: raw bytes, the header length, header JSON fields, header text. */
function mutateSt(rng: Rng, input: Uint8Array): Op[] {
  const { header, text } = stParts(input);
  const names = Object.keys(header).filter((k) => k !== '__metadata__');
  const name = rng.pick(names);
  const e = header[name] as { shape: number[]; data_offsets: [number, number] };
  const kind = rng.int(12);
  switch (kind) {
    case 0:
      return Array.from({ length: 1 + rng.int(4) }, (): Op => ['flip', rng.int(input.length), 1 << rng.int(8)]);
    case 1:
      return [['trunc', rng.int(input.length)]];
    case 2:
      return [rng.chance(0.5) ? ['ins', rng.int(input.length), [rng.int(256)]] : ['del', rng.int(input.length), 1 + rng.int(8)]];
    case 3:
      return [['stlen', rng.chance(0.5) ? rng.pick(HUGE64) : String(Math.max(0, text.length + rng.int(17) - 8))]];
    case 4:
      return [['jset', [name, 'dtype'], rng.pick(BAD_DTYPES)]];
    case 5: {
      // shapes: wrong numel, negative, fractional, huge, nested, many dims
      const s = e.shape;
      const choices: unknown[] = [[], [...s, 1], [...s, 2], [...s].reverse(), [-1], [1.5], [0, 1e300], [1e300, 0], [2 ** 53], [2 ** 53 + 2, 0], ['2'], [[2]], null, {}, 7, Array(100).fill(1), s.map((x) => x * 2), [0]];
      return [['jset', [name, 'shape'], rng.pick(choices)]];
    }
    case 6: {
      const [b, en] = e.data_offsets;
      const choices: unknown[] = [[en, b], [b + 1, en + 1], [0, en], [b, en + 8], [b - 1, en], [b, en, 0], [b], [String(b), String(en)], null, [1e300, 1e300 + 8], [2 ** 53, 2 ** 53 + en - b], [b + 0.5, en + 0.5], [-0, en]];
      return [['jset', [name, 'data_offsets'], rng.pick(choices)]];
    }
    case 7:
      return [['jraw', [name, rng.pick(['shape', 'data_offsets'] as const), rng.int(2)], rng.pick(BAD_NUMS)]];
    case 8: {
      // overlap: point one tensor at another's range
      const other = header[rng.pick(names)] as { data_offsets: [number, number] };
      return [['jset', [name, 'data_offsets'], [...other.data_offsets]]];
    }
    case 9: {
      const r = rng.int(6);
      if (r === 0) return [['jset', ['__metadata__'], rng.pick<unknown>([{ a: 1 }, { a: { b: 'c' } }, ['x'], 'x', null, { __proto__x: 'y' }])]];
      if (r === 1) return [['jraw', [name], `${'['.repeat(20_000)}${']'.repeat(20_000)}`]];
      if (r === 2) return [['jdel', [name, rng.pick(['dtype', 'shape', 'data_offsets'])]]];
      if (r === 3) return [['jraw', ['__proto__'], '{"dtype":"F32","shape":[0],"data_offsets":[0,0]}']];
      if (r === 4) return [['jset', [name], rng.pick<unknown>([null, 1, 'x', [], { dtype: 'F32' }])]];
      return [['jdel', [name]]];
    }
    case 10:
      return [['jtext', Array.from({ length: 1 + rng.int(3) }, (): Op => ['set', rng.int(text.length), rng.pick([0x22, 0x2c, 0x3a, 0x7b, 0x7d, 0x5b, 0x5d, 0x30, 0x2d, 0x20, 0x00, 0xff, 0xc3, rng.int(128)])])]];
    default:
      return [['jtext', [rng.chance(0.5) ? ['trunc', rng.int(text.length)] : ['del', rng.int(text.length), 1 + rng.int(4)]]], ...(rng.chance(0.3) ? [['stlen', rng.pick(HUGE64)] as Op] : [])];
  }
}

interface Failure {
  seed: number;
  index: number;
  input: string;
  ops: Op[];
  problem: string;
}

/** One reproducer per distinct problem (first line of the message), with counts. */
function report(failures: Failure[]): string {
  const kinds = new Map<string, { n: number; first: Failure }>();
  for (const f of failures) {
    const key = f.problem.split('\n')[0]!.slice(0, 100);
    const k = kinds.get(key);
    if (k) k.n++;
    else kinds.set(key, { n: 1, first: f });
  }
  return [...kinds.values()]
    .slice(0, 20)
    .map(({ n, first: f }) => `${n}× FUZZ_SEED=${f.seed} case ${f.index} input ${f.input}: ${f.problem}\n  ops ${JSON.stringify(f.ops)}`)
    .join('\n');
}

/** Runs `count` random cases over `corpus`; returns failures and how many loaded successfully. */
function fuzz(corpus: Corpus[], count: number, salt: number, mutate: (rng: Rng, c: Corpus) => Op[]): { failures: Failure[]; loaded: number } {
  const failures: Failure[] = [];
  let loaded = 0;
  for (let i = 0; i < count; i++) {
    const rng = new Rng(SEED, salt, i);
    const c = corpus[i % corpus.length]!;
    let ops: Op[] = [];
    let bytes: Uint8Array;
    try {
      ops = mutate(rng, c);
      bytes = applyOps(c.bytes, ops);
    } catch (e) {
      failures.push({ seed: SEED, index: i, input: c.name, ops, problem: `mutator failed: ${(e as Error).message}` });
      continue;
    }
    const r = checkLoad(c.kind === 'pt' ? ptLoad : stLoad, bytes);
    if (r.ok) loaded++;
    if (r.problem) failures.push({ seed: SEED, index: i, input: c.name, ops, problem: r.problem });
  }
  return { failures, loaded };
}

const ptCorpus: Corpus[] = [
  ...['saved_by_pytorch_113.pt', 'objects_by_pytorch_113.pt', 'layout_2x.pt', 'big_endian.pt', 'saved_by_antorcha.pt', 'objects_by_antorcha.pt', 'adam_by_antorcha.pt'].map(
    (name): Corpus => ({ name, bytes: fx(name), kind: 'pt' }),
  ),
  ...Object.entries(antorchaCheckpoints()).map(([name, bytes]): Corpus => ({ name: `antorcha:${name}`, bytes, kind: 'pt' })),
];
const stCorpus: Corpus[] = [
  ...['by_python.safetensors', 'by_antorcha.safetensors'].map((name): Corpus => ({ name, bytes: fx(name), kind: 'st' })),
  ...Object.entries(safetensorsFiles()).map(([name, bytes]): Corpus => ({ name: `antorcha:${name}`, bytes, kind: 'st' })),
];

const stats: string[] = [];

describe('file fuzz: every corruption loads or throws SerializationError', () => {
  it('the unmutated inputs load (control)', () => {
    for (const c of ptCorpus) expect(checkLoad(ptLoad, c.bytes), c.name).toEqual({ ok: true, problem: '' });
    for (const c of stCorpus) expect(checkLoad(stLoad, c.bytes), c.name).toEqual({ ok: true, problem: '' });
  });

  it('truncation at every byte (small files) and at random positions', () => {
    const failures: Failure[] = [];
    const t0 = performance.now();
    let n = 0;
    for (const c of [...ptCorpus, ...stCorpus]) {
      const every = c.bytes.length <= 1500 || c.kind === 'st';
      const rng = new Rng(SEED, 99, n);
      const cuts = every ? Array.from({ length: c.bytes.length }, (_, i) => i) : Array.from({ length: 200 }, () => rng.int(c.bytes.length));
      for (const cut of cuts) {
        n++;
        const r = checkLoad(c.kind === 'pt' ? ptLoad : stLoad, c.bytes.subarray(0, cut));
        if (r.ok) failures.push({ seed: SEED, index: cut, input: c.name, ops: [['trunc', cut]], problem: 'a truncated file loaded' });
        else if (r.problem) failures.push({ seed: SEED, index: cut, input: c.name, ops: [['trunc', cut]], problem: r.problem });
      }
    }
    stats.push(`truncations: ${n} in ${(performance.now() - t0).toFixed(0)} ms`);
    expect(failures.length, report(failures)).toBe(0);
  }, TEST_TIMEOUT_MS);

  it('checkpoints: byte flips, insertions, deletions, huge zip fields, overlapping records', () => {
    const t0 = performance.now();
    const { failures, loaded } = fuzz(ptCorpus, ITERATIONS, 1, (rng, c) => mutatePt(rng, c.bytes));
    stats.push(`checkpoint bytes: ${ITERATIONS} cases (${loaded} loaded) in ${(performance.now() - t0).toFixed(0)} ms`);
    expect(failures.length, report(failures)).toBe(0);
  }, TEST_TIMEOUT_MS);

  it('checkpoints: pickle opcodes, hostile snippets and storage records (re-packed with valid CRCs)', () => {
    const t0 = performance.now();
    const { failures, loaded } = fuzz(ptCorpus, ITERATIONS, 2, (rng, c) => mutateRecords(rng, c.bytes));
    stats.push(`checkpoint records: ${ITERATIONS} cases (${loaded} loaded) in ${(performance.now() - t0).toFixed(0)} ms`);
    expect(failures.length, report(failures)).toBe(0);
  }, TEST_TIMEOUT_MS);

  it('safetensors: bytes, header length, header JSON and header text', () => {
    const t0 = performance.now();
    const { failures, loaded } = fuzz(stCorpus, ITERATIONS, 3, (rng, c) => mutateSt(rng, c.bytes));
    stats.push(`safetensors: ${ITERATIONS} cases (${loaded} loaded) in ${(performance.now() - t0).toFixed(0)} ms`);
    expect(failures.length, report(failures)).toBe(0);
    console.log(`fuzz (FUZZ_SEED=${SEED}, FUZZ_ITERATIONS=${ITERATIONS}):\n  ${stats.join('\n  ')}`);
  }, TEST_TIMEOUT_MS);
});

// ------------------------------------------------------------------ regressions: one per bug found

/** Bytes from byte values, byte arrays and ASCII strings. */
function B(...parts: (number | string | readonly number[])[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else if (typeof p === 'string') out.push(...ascii(p));
    else out.push(...p);
  }
  return new Uint8Array(out);
}

/** A checkpoint around a pickle (and one 16-byte storage record '0'). */
function archive(pkl: Uint8Array, data: Uint8Array = new Uint8Array(16)): Uint8Array {
  return writeZip([
    { name: 'archive/data.pkl', data: pkl },
    { name: 'archive/data/0', data },
    { name: 'archive/version', data: new TextEncoder().encode('3\n') },
  ]);
}

/** `f` must throw a SerializationError (not a wrapped internal error) matching `message`, quickly. */
function rejects(f: () => unknown, message: string | RegExp, maxMs = TIME_LIMIT_MS): void {
  const t0 = performance.now();
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  const ms = performance.now() - t0;
  expect(err, 'should throw').toBeInstanceOf(SerializationError);
  expect((err as SerializationError).cause, `unexpected internal error: ${(err as Error).message}`).toBeUndefined();
  expect((err as Error).message).toMatch(message);
  expect(ms, 'time').toBeLessThan(maxMs);
}

const PROTO = [0x80, 0x02];
const glob = (module: string, name: string): number[] => [0x63, ...ascii(`${module}\n${name}\n`)];
const binunicode = (s: string): number[] => [0x58, s.length & 0xff, (s.length >> 8) & 0xff, (s.length >> 16) & 0xff, s.length >>> 24, ...ascii(s)];

/** `levels` lists, each holding the previous one twice (memo slot i holds level i): a DAG of 2^levels paths. */
function dag(levels: number): number[] {
  const a = [0x5d, 0x71, 0];
  for (let i = 0; i < levels; i++) a.push(0x5d, 0x68, i, 0x61, 0x68, i, 0x61, 0x71, i + 1);
  return a;
}

function rebuild(storageType: unknown, numel: number, size: unknown[], stride: unknown[], offset: unknown = 0): InstanceType<typeof PyReduce> {
  const pid = new PyPersistent(new PyTuple(['storage', storageType, '0', 'cpu', numel]));
  return new PyReduce(new PyGlobal('torch._utils', '_rebuild_tensor_v2'), [pid, offset, new PyTuple(size), new PyTuple(stride), false, null]);
}

describe('regressions found by the fuzz (and its review)', () => {
  it('bug 1: invalid UTF-8 in a GLOBAL line threw a TypeError from TextDecoder', () => {
    rejects(() => load(archive(B(PROTO, 0x63, 0xff, 0xfe, '\nx\n', 0x2e))), 'invalid UTF-8 in the GLOBAL line');
  });

  it('bug 2: a tuple dict key holding a 64-bit+ integer threw a TypeError from JSON.stringify', () => {
    // {(2^64 + …,): None} loads; the tuple becomes a JSON-like string key, as other tuples do.
    const v = load<Dyn>(archive(B(PROTO, 0x7d, 0x8a, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0x85, 0x4e, 0x73, 0x2e)));
    expect(Object.keys(v)).toEqual([`[${(2n ** 64n + 0x0101010101010101n).toString()}]`]);
    expect(load(archive(pickle(new Map([[new PyTuple([1, 'a', [2, null]]), 5]]))))).toEqual({ '[1,"a",[2,null]]': 5 });
  });

  it('bug 3: a cyclic tuple as a dict key threw a TypeError (circular structure) from JSON.stringify', () => {
    // {L: None} where L = [L]
    rejects(() => load(archive(B(PROTO, 0x7d, 0x5d, 0x71, 0, 0x68, 0, 0x61, 0x4e, 0x73, 0x2e))), 'recursive tuple cannot be a dict key');
  });

  it('bug 4: a tuple key with shared sub-tuples took exponential time (JSON.stringify of a DAG)', () => {
    // 40 levels: 2^40 paths; refused once the key passes 4096 characters.
    rejects(() => load(archive(B(PROTO, dag(40), 0x7d, 0x68, 40, 0x4e, 0x73, 0x2e))), 'dict key longer than 4096 characters');
  });

  it('bug 5: a storage key that was a dict with a "toString" entry threw a TypeError from String()', () => {
    const pid = [0x28, ...binunicode('storage'), ...glob('torch', 'FloatStorage'), 0x7d, ...binunicode('toString'), 0x4e, 0x73, ...binunicode('cpu'), 0x4b, 4, 0x74, 0x51];
    rejects(() => load(archive(B(PROTO, pid, 0x2e))), 'storage key must be a string');
    // …and a list key was stringified (exponential for a DAG).
    const pid2 = [...dag(40), 0x28, ...binunicode('storage'), ...glob('torch', 'FloatStorage'), 0x68, 40, ...binunicode('cpu'), 0x4b, 4, 0x74, 0x51];
    rejects(() => load(archive(B(PROTO, pid2, 0x2e))), 'storage key must be a string');
  });

  it('bug 6: a persistent id that was not a storage tuple threw a TypeError from JSON.stringify (64-bit+ ints, cycles)', () => {
    rejects(() => load(archive(B(PROTO, 0x8a, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0x51, 0x2e))), 'unsupported persistent id');
    rejects(() => load(archive(B(PROTO, 0x5d, 0x71, 0, 0x68, 0, 0x61, 0x51, 0x2e))), 'unsupported persistent id');
    rejects(() => load(archive(B(PROTO, dag(40), 0x68, 40, 0x51, 0x2e))), 'unsupported persistent id');
  });

  it('bug 7: torch.device / _get_layout stringified their argument (TypeError for dicts, exponential time for DAGs)', () => {
    rejects(() => load(archive(B(PROTO, dag(40), glob('torch', 'device'), 0x68, 40, 0x85, 0x52, 0x2e))), 'torch.device: expected a string');
    rejects(() => load(archive(B(PROTO, glob('torch', 'device'), 0x7d, binunicode('toString'), 0x4e, 0x73, 0x85, 0x52, 0x2e))), 'torch.device: expected a string');
    rejects(() => load(archive(B(PROTO, dag(40), glob('torch.serialization', '_get_layout'), 0x68, 40, 0x85, 0x52, 0x2e))), '_get_layout: expected a string');
    expect(load(archive(B(PROTO, glob('torch', 'device'), binunicode('cpu'), 0x85, 0x52, 0x2e)))).toBe('cpu');
  });

  it("bug 8: the allowlist accepted Object.prototype's names (torch.constructor, torch.toString, …) as storage types", () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', 'isPrototypeOf', '__defineGetter__']) {
      rejects(() => load(archive(B(PROTO, glob('torch', name), 0x2e))), `Unsupported global: GLOBAL torch.${name}`);
    }
    // safetensors: the same lookup gave "needs NaN bytes" instead of "unknown dtype".
    const st = (dtype: string): Uint8Array => stJoin(new TextEncoder().encode(`{"a":{"dtype":"${dtype}","shape":[2],"data_offsets":[0,8]}}`), new Uint8Array(8));
    for (const dtype of ['constructor', 'toString', '__proto__']) rejects(() => safetensors.deserialize(st(dtype)), `unknown dtype '${dtype}'`);
  });

  it('bug 9: a dict from the data passed for a callable or a storage type (TypeError: func.call is not a function)', () => {
    const fake = { fullName: 'torch._utils._rebuild_tensor_v2', call: 1 };
    rejects(() => load(archive(pickle(new PyReduce(new PyGlobal('torch._tensor', '_rebuild_from_type_v2'), [fake, null, []])))), 'bad rebuild function');
    const fakeStorage = { fullName: 'torch.FloatStorage', storageDtype: 'float32' };
    rejects(() => load(archive(pickle({ t: rebuild(fakeStorage, 4, [4], [1]) }))), 'does not name a storage type');
  });

  it('bug 10: an integer Parameter with requires_grad threw a TorchRuntimeError', () => {
    const p = new PyReduce(new PyGlobal('torch._utils', '_rebuild_parameter'), [rebuild(new PyGlobal('torch', 'IntStorage'), 4, [4], [1]), true, null]);
    rejects(() => load(archive(pickle({ p }))), 'only Tensors of floating point and complex dtype can require gradients');
    const q = new PyReduce(new PyGlobal('torch._utils', '_rebuild_parameter'), [rebuild(new PyGlobal('torch', 'IntStorage'), 4, [4], [1]), false, null]);
    expect(load<Dyn>(archive(pickle({ q }))).q).toBeInstanceOf(nn.Parameter);
  });

  it('bug 11: overlapping zip records let a small file load as many copies of one large record (memory)', () => {
    // 64 central-directory entries all naming one 256 KiB record: 16 MiB of tensors from a 256 KiB file
    // (and gigabytes with more entries or a larger record).
    const N = 64;
    const big = new Uint8Array(1 << 18);
    const sd: Record<string, unknown> = {};
    for (let i = 0; i < N; i++) {
      const pid = new PyPersistent(new PyTuple(['storage', new PyGlobal('torch', 'FloatStorage'), String(i), 'cpu', big.length / 4]));
      sd[`t${i}`] = new PyReduce(new PyGlobal('torch._utils', '_rebuild_tensor_v2'), [pid, 0, new PyTuple([big.length / 4]), new PyTuple([1]), false, null]);
    }
    const entries = [{ name: 'archive/data.pkl', data: pickle(sd) }, { name: 'archive/data/0', data: big }];
    for (let i = 1; i < N; i++) entries.push({ name: `archive/data/${i}`, data: new Uint8Array(0) });
    const z = writeZip(entries);
    const { central } = zipLayout(z);
    const dv = new DataView(z.buffer);
    const first = new ZipReader(z).entries.get('archive/data/0')!;
    for (const c of central.slice(2)) {
      dv.setUint32(c + 16, first.crc, true);
      dv.setUint32(c + 20, first.size, true);
      dv.setUint32(c + 24, first.size, true);
      dv.setUint32(c + 42, first.localOffset, true);
    }
    rejects(() => load(z), /entries archive\/data\/\d+ and archive\/data\/\d+ overlap/);
  });

  it('bug 12: torch.Size / set / _codecs.encode on one memoised value, many times, turned kilobytes into gigabytes', () => {
    // a list of 100 000 Nones (memo 0), then torch.Size(list) 100 times: 10^7 elements from a 100 kB file
    const many = (global: number[], items: number[]): Uint8Array => {
      const calls: number[] = [];
      for (let i = 0; i < 100; i++) calls.push(0x68, 1, 0x68, 0, 0x85, 0x52);
      return B(PROTO, items, 0x71, 0, global, 0x71, 1, calls, 0x2e);
    };
    const list = [0x5d, 0x28, ...new Array<number>(100_000).fill(0x4e), 0x65];
    const size = archive(many(glob('torch', 'Size'), list));
    const set = archive(many(glob('builtins', 'set'), list));
    const encode = archive(many(glob('_codecs', 'encode'), binunicode('x'.repeat(100_000))));
    rejects(() => load(size), 'torch.Size: the pickle copies more data than a file', 5000);
    rejects(() => load(set), 'set: the pickle copies more data than a file', 5000);
    rejects(() => load(encode), '_codecs.encode: the pickle copies more data than a file', 5000);
    expect(load(archive(pickle(new PyReduce(new PyGlobal('torch', 'Size'), [new PyTuple([2, 3])]))))).toEqual([2, 3]);
  });

  it('bug 13: sizes, strides and offsets written as floats (1e300) passed as integers', () => {
    const { PyFloat } = serialization;
    const fs = new PyGlobal('torch', 'FloatStorage');
    rejects(() => load(archive(pickle({ t: rebuild(fs, 4, [0, new PyFloat(1e300)], [1, 1]) }))), 'size[1] must be an integer, got 1e+300, which is out of range');
    rejects(() => load(archive(pickle({ t: rebuild(fs, 4, [0, 4], [new PyFloat(1e300), 1]) }))), 'stride[0] must be an integer');
    rejects(() => load(archive(pickle({ t: rebuild(fs, 4, [0], [1], new PyFloat(2 ** 60)) }))), 'storage offset must be an integer');
    // safetensors: a zero-size tensor with a dimension of 1e300 (or 2^53 + 2) loaded.
    const st = (shape: string): Uint8Array => stJoin(new TextEncoder().encode(`{"a":{"dtype":"F32","shape":${shape},"data_offsets":[0,0]}}`), new Uint8Array(0));
    rejects(() => safetensors.deserialize(st('[0,1e300]')), 'invalid shape');
    rejects(() => safetensors.deserialize(st('[9007199254740994,0]')), 'invalid shape');
    expect(safetensors.deserialize(st('[0,1099511627776]')).tensors.a!.shape).toEqual([0, 2 ** 40]);
  });

  it('bug 14: deep nesting was bounded only by the JS stack overflowing; now an explicit limit (Python: 1000)', () => {
    const nested = (depth: number): Uint8Array => B(PROTO, new Array<number>(depth).fill(0x5d), new Array<number>(depth - 1).fill(0x61), 0x2e);
    let v = load<Dyn>(archive(nested(1000)));
    for (let i = 0; i < 999; i++) v = v[0];
    expect(v).toEqual([]);
    rejects(() => load(archive(nested(1001))), 'structure too deeply nested (more than 1000 levels)');
    // _rebuild_from_type_v2 whose arguments contain themselves: X = (f, None, X)
    const f = glob('torch._tensor', '_rebuild_from_type_v2');
    rejects(() => load(archive(B(PROTO, f, 0x71, 1, 0x5d, 0x71, 0, 0x68, 1, 0x61, 0x4e, 0x61, 0x68, 0, 0x61, 0x52, 0x2e))), '_rebuild_from_type_v2: nested too deeply');
    // safetensors headers nest as deeply as JSON.parse allows, without a crash.
    rejects(() => safetensors.deserialize(stJoin(new TextEncoder().encode(`{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`), new Uint8Array(0))), "tensor 'a' has no dtype", 5000);
  });

  it('code is never run: GLOBAL of anything outside the allowlist is refused', () => {
    const evil = [
      ['os', 'system'], ['posix', 'system'], ['nt', 'system'], ['subprocess', 'Popen'], ['builtins', 'eval'], ['builtins', 'exec'], ['builtins', 'getattr'],
      ['builtins', '__import__'], ['builtins', 'open'], ['__builtin__', 'eval'], ['torch', 'load'], ['torch.serialization', 'load'], ['torch._utils', '__proto__'],
      ['torch._utils', 'constructor'], ['collections', 'constructor'], ['functools', 'partial'], ['numpy.core.multiarray', '_reconstruct'], ['torch', 'Storage'],
    ];
    for (const [m, n] of evil) {
      rejects(() => load(archive(pickle(new PyReduce(new PyGlobal(m!, n!), ['echo pwned'])))), `Unsupported global: GLOBAL ${m}.${n}`);
      rejects(() => load(archive(B(PROTO, glob(m!, n!), 0x29, 0x81, 0x2e))), `Unsupported global: GLOBAL ${m}.${n}`);
    }
  });

  it('huge declared sizes are checked against the file before anything is allocated', () => {
    const fs = new PyGlobal('torch', 'FloatStorage');
    const cases: [() => unknown, string | RegExp][] = [
      [() => load(archive(pickle({ t: rebuild(fs, 2 ** 50, [2 ** 50], [1]) }))), `storage '0' has 16 bytes but ${2 ** 50} float32 elements need`],
      [() => load(archive(pickle({ t: rebuild(fs, 4, [2 ** 26, 2 ** 26], [2 ** 26, 1]) }))), 'extends beyond its storage'],
      [() => load(archive(B(PROTO, 0x58, 0xff, 0xff, 0xff, 0xff, 0x2e))), 'truncated data'],
      [() => safetensors.deserialize(stJoin(new Uint8Array(0), new Uint8Array(0), 2n ** 64n - 1n)), 'header too large'],
      [() => safetensors.deserialize(stJoin(new TextEncoder().encode('{"a":{"dtype":"F64","shape":[65536,65536],"data_offsets":[0,34359738368]}}'), new Uint8Array(8))), 'cover 34359738368 bytes but the data section has 8'],
    ];
    for (const [f, message] of cases) {
      const before = mem();
      rejects(f, message);
      expect(mem() - before).toBeLessThan(64 * 2 ** 20);
    }
  });

  it('the loaders turn any unexpected error into a SerializationError with it as cause (a net; the fuzz checks it is never needed)', async () => {
    const { readGuard } = await import('../src/serialization/errors.js');
    const boom = new TypeError('boom');
    let err: unknown;
    try {
      readGuard('load', () => {
        throw boom;
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SerializationError);
    expect((err as SerializationError).cause).toBe(boom);
    expect((err as Error).message).toMatch('TypeError: boom');
  });
});
