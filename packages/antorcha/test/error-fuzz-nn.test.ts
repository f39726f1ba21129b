// Error-path fuzz of nn modules, optimizers and LR schedulers (issue 10, the counterpart of
// error-fuzz.test.ts for the classes). Every exported class is built from a small valid
// argument list that is then mutated — one argument or one nested value (an option, an
// element of a list, a param group's entry) replaced by a bad or borderline value, an
// unknown option added, arguments cut off, or the whole list replaced — and then run
// (`forward`, `step`) with arguments mutated the same way; the `Module` and container methods
// are called with random arguments too. Contract:
// - a call works or raises a TorchError, never a TypeError/RangeError from V8;
// - when it raises, the input tensors, the module's parameters and buffers, the optimizer's
//   parameters and param groups, and the RNG state are as they were;
// - a constructor given a value of another kind than the valid one it replaced (a tensor,
//   a string or an object for a number, a number for a flag, …) or an unknown option raises:
//   junk is never silently accepted.
// Seeded; FUZZ_RUNS=<n> (or `pnpm test:fuzz`) runs more, FUZZ_REPORT=1 lists every distinct
// failure instead of stopping at the first (shrunk) one, which is printed as a reproducer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';
import { REPORT, fuzzInputs, runProperty } from './fuzz-run.js';

type Tensor = torch.Tensor;
const { nn, optim } = torch;
const S = optim.lrScheduler;

/** Module runs: 2 500 here, 25 000 under `pnpm test:fuzz` (vitest's fuzz mode), or FUZZ_RUNS=<n>; the other properties about a third as many (800 here). */
const FUZZ_MODE = (import.meta as { env?: { MODE?: string } }).env?.MODE === 'fuzz';
const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || (FUZZ_MODE ? 25_000 : 0);

/** {@link runProperty} with this file's grouping of failures for the report mode. */
function run<T extends unknown[]>(arbs: { [K in keyof T]: fc.Arbitrary<T[K]> }, body: (...v: T) => string | null, seed: number, numRuns: number): void {
  runProperty(arbs, body, seed, numRuns, (verdict) => verdict.replace(/\(.*\)/g, '()').replace(/\d+/g, 'N').slice(0, 120));
}

// ------------------------------------------------------------------ values and their descriptions

/** How a value built here prints in a reproducer (`x(2, 3)`, `new nn.Linear(3, 2)`). */
const DESC = new WeakMap<object, string>();
function named<T extends object>(v: T, desc: string): T {
  DESC.set(v, desc);
  return v;
}

/** A float32 tensor of `shape` with the values linspace(−1, 1) (deterministic, no draws). */
function x(...shape: number[]): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return named(torch.linspace(-1, 1, n).reshape(shape), `x(${shape.join(', ')})`);
}
/** Probabilities in (0, 1) of `shape`. */
function prob(...shape: number[]): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return named(torch.linspace(0.1, 0.9, n).reshape(shape), `prob(${shape.join(', ')})`);
}
/** An int64 (or float, `f`) tensor of `values`. */
function ints(values: number[] | number[][]): Tensor {
  return named(torch.tensor(values, { dtype: 'int64' }), `ints(${JSON.stringify(values)})`);
}
function floats(values: number[]): Tensor {
  return named(torch.tensor(values), `floats(${JSON.stringify(values)})`);
}
/** A leaf parameter for the optimizers. */
function param(...shape: number[]): Tensor {
  return named(x(...shape).requiresGrad_(true), `param(${shape.join(', ')})`);
}

/** The shared pool of input tensors (fuzz-run.ts). */
const inputs = fuzzInputs;

/** A replacement value: one of the pool's tensors, or a bad or borderline value. */
type Junk = { tensor: number } | { value: number };
const BAD: unknown[] = [undefined, null, 'x', 'sum', 'relu', '', {}, [], true, false, NaN, Infinity, -Infinity, 2.5, 0.5, -1, -7, 1e12, 0, 1, 2, 3,
  [2.5], [-1], [0, 1], [1, 'a'], [null, 2], [[1]], { dim: 1.5 }, { dtype: 'float16' }, { lr: -1 }, () => 1, () => 'x'];
const junk: fc.Arbitrary<Junk> = fc.oneof(fc.nat({ max: 8 }).map((tensor) => ({ tensor })), fc.nat({ max: BAD.length - 1 }).map((value) => ({ value })));
const junkValue = (j: Junk, ts: Tensor[]): unknown => ('tensor' in j ? ts[j.tensor] : BAD[j.value]);

/** A value as a reproducer shows it. */
function show(v: unknown, ts: Tensor[]): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'function') return DESC.get(v) ?? v.toString();
  if (v instanceof torch.Tensor) {
    const i = ts.indexOf(v);
    return i >= 0 ? `inputs[${i}]` : (DESC.get(v) ?? 'tensor');
  }
  if (v !== null && typeof v === 'object' && DESC.has(v)) return DESC.get(v)!;
  if (v instanceof nn.Module) return `new nn.${v.constructor.name}(…)`;
  if (Array.isArray(v)) return `[${v.map((e) => show(e, ts)).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{ ${Object.entries(v).map(([k, e]) => `${k}: ${show(e, ts)}`).join(', ')} }`;
  return JSON.stringify(v);
}

// ------------------------------------------------------------------ mutations

/**
 * One change to an argument list: none; replace (or append) top-level argument `at`;
 * replace the nested value at path number `at` (options, list elements, group entries);
 * add an option the class does not have; keep only the first `at` arguments; or replace
 * the whole list.
 */
type Edit =
  | { kind: 'none' }
  | { kind: 'arg'; at: number; v: Junk }
  | { kind: 'deep'; at: number; v: Junk }
  | { kind: 'extra'; key: number; v: Junk }
  | { kind: 'cut'; at: number }
  | { kind: 'random'; args: Junk[] };

/** Options no class has (a misspelling, a PyTorch kwarg not taken here), or `dtype` on a class without parameters. */
const EXTRA_KEYS = ['foo', 'inplace', 'device', 'dtype', 'sizeAverage', 'bias_'];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('arg' as const), at: fc.nat({ max: 5 }), v: junk }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('deep' as const), at: fc.nat({ max: 40 }), v: junk }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extra' as const), key: fc.nat({ max: EXTRA_KEYS.length - 1 }), v: junk }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat({ max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('random' as const), args: fc.array(junk, { maxLength: 4 }) }) },
);

function isPlain(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}

/** Paths to the values nested in plain arrays and objects of `args` (top level excluded), depth ≤ 2. */
function paths(args: unknown[]): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (path.length > 0 && path.length <= 3) out.push(path);
    if (path.length >= 3) return;
    if (Array.isArray(v) && (path.length > 0 || v === args)) v.forEach((e, i) => walk(e, [...path, i]));
    else if (isPlain(v)) for (const [k, e] of Object.entries(v)) walk(e, [...path, k]);
  };
  args.forEach((a, i) => walk(a, [i]));
  return out.filter((p) => p.length > 1);
}

/** A deep copy of the plain arrays and objects in `v` (tensors, modules, functions shared). */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy);
  if (isPlain(v)) return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, copy(e)]));
  return v;
}

interface Applied {
  args: unknown[];
  /** The valid value that was replaced and its replacement, for the "junk must raise" check. */
  replaced?: { slot: string; valid: unknown; bad: unknown; unknownKey?: boolean };
}

/** Applies `e` to the valid `args`. */
function apply(e: Edit, valid: unknown[], ts: Tensor[]): Applied {
  const args = copy(valid) as unknown[];
  switch (e.kind) {
    case 'none':
      return { args };
    case 'arg': {
      const at = Math.min(e.at, args.length);
      const old = args[at];
      args[at] = junkValue(e.v, ts);
      return { args, replaced: { slot: String(at), valid: old, bad: args[at] } };
    }
    case 'deep': {
      const ps = paths(args);
      if (ps.length === 0) return { args };
      const path = ps[e.at % ps.length]!;
      let parent = args as unknown as Record<string | number, unknown>;
      for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
      const last = path[path.length - 1]!;
      const old = parent[last];
      parent[last] = junkValue(e.v, ts);
      return { args, replaced: { slot: path.slice(1).join('.'), valid: old, bad: parent[last] } };
    }
    case 'extra': {
      const target = [...args].reverse().find(isPlain);
      if (target === undefined) return { args };
      const key = EXTRA_KEYS[e.key % EXTRA_KEYS.length]!;
      target[key] = junkValue(e.v, ts);
      return { args, replaced: { slot: key, valid: undefined, bad: target[key], unknownKey: true } };
    }
    case 'cut':
      return { args: args.slice(0, e.at) };
    case 'random':
      return { args: e.args.map((j) => junkValue(j, ts)) };
  }
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (v instanceof torch.Tensor) return 'tensor';
  if (v instanceof nn.Module) return 'module';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** An empty options object put in the place of a top-level argument (taken by the layers whose optional arguments are keywords). */
function isEmptyOptionsArg(r: Applied['replaced']): boolean {
  return r !== undefined && /^\d+$/.test(r.slot) && isPlain(r.bad) && Object.keys(r.bad).length === 0;
}

/**
 * Whether a constructor must refuse the replacement: an unknown option, or a value of
 * another kind than the valid primitive it replaced (a number stands in for a list of
 * numbers, as kernel sizes take both). `poly` lists slots that take several kinds.
 */
function mustRaise(r: Applied['replaced'], poly: readonly string[] = []): boolean {
  if (r === undefined || r.bad === undefined) return false;
  if (r.unknownKey) return true;
  const a = kindOf(r.valid);
  const b = kindOf(r.bad);
  if (a === b || b === 'null' || poly.includes(r.slot)) return false;
  if (a !== 'number' && a !== 'boolean' && a !== 'string') return false;
  return !(a === 'number' && b === 'array');
}

// ------------------------------------------------------------------ snapshots

interface Snapshot {
  values: number[][];
  versions: number[];
  rng: number[];
  extra: string;
}

function snapshot(tensors: Tensor[], extra = ''): Snapshot {
  return {
    values: tensors.map((t) => Array.from(t.detach().contiguous().dataSync() as ArrayLike<number>)),
    versions: tensors.map((t) => t._version),
    rng: Array.from(torch.getRngState().dataSync() as ArrayLike<number>),
    extra,
  };
}

/** What differs between two snapshots (NaN equals NaN), or null. */
function changed(a: Snapshot, b: Snapshot, names: string[]): string | null {
  for (let i = 0; i < a.values.length; i++) {
    if (a.versions[i] !== b.versions[i]) return `${names[i]} version ${a.versions[i]} -> ${b.versions[i]}`;
    const p = a.values[i]!;
    const q = b.values[i]!;
    if (p.length !== q.length || p.some((v, k) => !Object.is(v, q[k]) && !(v === 0 && q[k] === 0))) return `${names[i]} values changed`;
  }
  if (a.rng.some((v, k) => v !== b.rng[k])) return 'RNG state changed';
  if (a.extra !== b.extra) return `state changed: ${a.extra} -> ${b.extra}`;
  return null;
}

/** Every tensor reachable from `v` (arguments, nested lists and options, module state). */
function tensorsIn(v: unknown, out: Tensor[] = [], depth = 0): Tensor[] {
  if (v instanceof torch.Tensor) {
    if (!out.includes(v)) out.push(v);
  } else if (v instanceof nn.Module) {
    for (const t of [...v.parameters(), ...v.buffers()]) tensorsIn(t, out);
  } else if (depth < 3 && Array.isArray(v)) v.forEach((e) => tensorsIn(e, out, depth + 1));
  else if (depth < 3 && isPlain(v)) Object.values(v).forEach((e) => tensorsIn(e, out, depth + 1));
  return out;
}

/** How the runs ended (printed with FUZZ_REPORT=1): constructors that raised or built, calls that raised or ran. */
const outcomes = new Map<string, number>();
function count(what: string): void {
  outcomes.set(what, (outcomes.get(what) ?? 0) + 1);
}

/** A reproducer's verdict for an error `e`, or null when the contract holds. */
function verdictOnError(call: string, e: unknown, before: Snapshot, after: () => Snapshot, names: string[]): string | null {
  count(`${call.includes(').') ? 'call' : 'constructor'} raised`);
  if (!(e instanceof torch.TorchError)) return `${call} threw ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`;
  if (!e.op || !e.message) return `${call} threw a TorchError without op or message`;
  const diff = changed(before, after(), names);
  return diff === null ? null : `${call} raised ${e.name} ("${e.message}") but left ${diff}`;
}

// ------------------------------------------------------------------ the modules

/** A valid constructor argument list and a valid forward argument list. */
interface ModuleSpec {
  args: () => unknown[];
  fwd?: () => unknown[];
  /** Slots that take values of several kinds (see {@link mustRaise}). */
  poly?: string[];
}

const enc = (): Module => named(new nn.TransformerEncoderLayer(4, 2, { dimFeedforward: 8 }), 'new nn.TransformerEncoderLayer(4, 2, { dimFeedforward: 8 })');
const dec = (): Module => named(new nn.TransformerDecoderLayer(4, 2, { dimFeedforward: 8 }), 'new nn.TransformerDecoderLayer(4, 2, { dimFeedforward: 8 })');
const lin = (): Module => named(new nn.Linear(3, 2), 'new nn.Linear(3, 2)');
type Module = torch.nn.Module;

const f23 = (): unknown[] => [x(2, 3)];
const pair23 = (): unknown[] => [x(2, 3), x(2, 3)];
const act = (...args: unknown[]): ModuleSpec => ({ args: () => args, fwd: f23 });
const loss = (opts: Record<string, unknown>, fwd: () => unknown[] = pair23): ModuleSpec => ({ args: () => [{ reduction: 'mean', ...opts }], fwd });
const cls = (): unknown[] => [x(2, 3), ints([0, 2])];
const CONV = { stride: 1, padding: 1, dilation: 1, groups: 2, bias: true, paddingMode: 'zeros' };
const CONVT = { stride: 1, padding: 0, outputPadding: 0, groups: 1, bias: true, dilation: 1 };
const MAXPOOL = { stride: null, padding: 0, dilation: 1, ceilMode: false };
const AVGPOOL = { stride: null, padding: 0, ceilMode: false, countIncludePad: true };
const BN = { eps: 1e-5, momentum: 0.1, affine: true, trackRunningStats: true };
const RNN = { numLayers: 1, bias: true, batchFirst: false, dropout: 0, bidirectional: false };
const LAYER = { dimFeedforward: 8, dropout: 0.1, activation: 'relu', layerNormEps: 1e-5, batchFirst: false, normFirst: false };
const EMB = { paddingIdx: null, maxNorm: null, normType: 2 };
const MHA = { dropout: 0, bias: true, addBiasKv: false, addZeroAttn: false, kdim: null, vdim: null, batchFirst: false };
const seq = (): unknown[] => [x(3, 1, 4), { mask: null, srcKeyPaddingMask: null }];
const seq2 = (): unknown[] => [x(3, 1, 4), x(2, 1, 4), { tgtMask: null, memoryMask: null, tgtKeyPaddingMask: null, memoryKeyPaddingMask: null }];

/** Every exported nn class: a valid construction and forward; abstract bases are built from random arguments only. */
const MODULES: Record<string, ModuleSpec | 'abstract'> = {
  Module: { args: () => [], fwd: f23 },
  Parameter: { args: () => [x(2, 3), true] },
  Identity: { args: () => [], fwd: f23, poly: ['0', '1'] },
  Linear: { args: () => [3, 2, { bias: true }], fwd: () => [x(4, 3)] },
  NonDynamicallyQuantizableLinear: { args: () => [3, 2, { bias: true }], fwd: () => [x(4, 3)] },
  Bilinear: { args: () => [3, 2, 4, { bias: true }], fwd: () => [x(2, 3), x(2, 2)] },
  ConvNd: 'abstract',
  Conv1d: { args: () => [2, 4, 3, CONV], fwd: () => [x(1, 2, 5)], poly: ['padding'] },
  Conv2d: { args: () => [2, 2, 3, CONV], fwd: () => [x(1, 2, 4, 4)], poly: ['padding'] },
  Conv3d: { args: () => [2, 2, 1, CONV], fwd: () => [x(1, 2, 2, 3, 3)], poly: ['padding'] },
  ConvTranspose1d: { args: () => [2, 2, 3, CONVT], fwd: () => [x(1, 2, 4)] },
  ConvTranspose2d: { args: () => [2, 2, 3, CONVT], fwd: () => [x(1, 2, 3, 3), [5, 5]] },
  MaxPool1d: { args: () => [2, MAXPOOL], fwd: () => [x(1, 2, 6)] },
  MaxPool2d: { args: () => [2, { ...MAXPOOL, returnIndices: false }], fwd: () => [x(1, 1, 4, 4)] },
  MaxPool3d: { args: () => [2, { ...MAXPOOL, returnIndices: false }], fwd: () => [x(1, 1, 2, 4, 4)] },
  AvgPool1d: { args: () => [2, AVGPOOL], fwd: () => [x(1, 2, 6)] },
  AvgPool2d: { args: () => [2, { ...AVGPOOL, divisorOverride: null }], fwd: () => [x(1, 1, 4, 4)] },
  AvgPool3d: { args: () => [2, { ...AVGPOOL, divisorOverride: null }], fwd: () => [x(1, 1, 2, 4, 4)] },
  AdaptiveAvgPool1d: { args: () => [2], fwd: () => [x(1, 2, 6)] },
  AdaptiveAvgPool2d: { args: () => [[2, null]], fwd: () => [x(1, 1, 4, 4)] },
  AdaptiveAvgPool3d: { args: () => [2], fwd: () => [x(1, 1, 4, 4, 4)] },
  AdaptiveMaxPool2d: { args: () => [[2, 2]], fwd: () => [x(1, 1, 4, 4)] },
  AdaptiveMaxPool3d: { args: () => [2], fwd: () => [x(1, 1, 4, 4, 4)] },
  BatchNormBase: 'abstract',
  BatchNorm1d: { args: () => [3, BN], fwd: () => [x(4, 3)] },
  BatchNorm2d: { args: () => [3, { ...BN, momentum: null }], fwd: () => [x(2, 3, 2, 2)] },
  BatchNorm3d: { args: () => [3, BN], fwd: () => [x(2, 3, 2, 2, 2)] },
  InstanceNormBase: 'abstract',
  InstanceNorm1d: { args: () => [3, { ...BN, affine: false, trackRunningStats: false }], fwd: () => [x(2, 3, 4)] },
  InstanceNorm2d: { args: () => [3, { ...BN, affine: true, trackRunningStats: true }], fwd: () => [x(2, 3, 4, 4)] },
  LayerNorm: { args: () => [[3], { eps: 1e-5, elementwiseAffine: true }], fwd: f23 },
  GroupNorm: { args: () => [2, 4, { eps: 1e-5, affine: true }], fwd: () => [x(2, 4, 3)] },
  Dropout: { args: () => [0.5, false], fwd: f23 },
  Dropout2d: { args: () => [0.5, false], fwd: () => [x(2, 3, 2, 2)] },
  Embedding: { args: () => [10, 3, EMB], fwd: () => [ints([[1, 2], [0, 9]])] },
  EmbeddingBag: { args: () => [10, 3, { ...EMB, mode: 'mean', includeLastOffset: false }], fwd: () => [ints([1, 2, 4, 5, 4, 3]), ints([0, 2]), null] },
  Flatten: { args: () => [1, -1], fwd: () => [x(2, 3, 4)] },
  Unflatten: { args: () => [1, [2, 2]], fwd: () => [x(3, 4)] },
  RNNBase: 'abstract',
  RNN: { args: () => [3, 4, { ...RNN, nonlinearity: 'tanh' }], fwd: () => [x(2, 1, 3), null] },
  LSTM: { args: () => [3, 4, { ...RNN, projSize: 0 }], fwd: () => [x(2, 1, 3), null] },
  GRU: { args: () => [3, 4, RNN], fwd: () => [x(2, 1, 3), null] },
  RNNCell: { args: () => [3, 4, { bias: true, nonlinearity: 'tanh' }], fwd: () => [x(2, 3), null] },
  LSTMCell: { args: () => [3, 4, { bias: true }], fwd: () => [x(2, 3), [x(2, 4), x(2, 4)]] },
  ParameterDict: { args: () => [new Map([['a', x(2)], ['b', x(3)]])], fwd: f23 },
  RNNCellBase: { args: () => [3, 4, true, 1, {}], fwd: f23 },
  NLLLoss2d: loss({ weight: null, ignoreIndex: -100 }, cls),
  MultiLabelMarginLoss: loss({}, () => [x(2, 3), ints([[2, -1, 0], [1, 0, -1]])]),
  TripletMarginWithDistanceLoss: loss({ distanceFunction: null, margin: 1, swap: false }, () => [x(2, 3), x(2, 3), x(2, 3)]),
  CTCLoss: loss({ blank: 0, zeroInfinity: false }, () => [x(4, 2, 3).logSoftmax(2), ints([[1, 2], [2, 0]]), [4, 4], [2, 1]]),
  AdaptiveLogSoftmaxWithLoss: { args: () => [4, 6, [2, 4], { divValue: 2, headBias: false }], fwd: () => [x(2, 4), ints([0, 5])] },
  GRUCell: { args: () => [3, 4, { bias: true }], fwd: () => [x(2, 3), null] },
  MultiheadAttention: {
    args: () => [4, 2, MHA],
    fwd: () => [x(3, 1, 4), x(3, 1, 4), x(3, 1, 4), { keyPaddingMask: null, needWeights: true, attnMask: null, averageAttnWeights: true }],
  },
  TransformerEncoderLayer: { args: () => [4, 2, LAYER], fwd: seq, poly: ['activation'] },
  TransformerDecoderLayer: { args: () => [4, 2, LAYER], fwd: seq2, poly: ['activation'] },
  TransformerEncoder: { args: () => [enc(), 2, null], fwd: seq },
  TransformerDecoder: { args: () => [dec(), 2, null], fwd: seq2 },
  Transformer: {
    args: () => [{ ...LAYER, dModel: 4, nhead: 2, numEncoderLayers: 1, numDecoderLayers: 1 }],
    fwd: () => [x(3, 1, 4), x(2, 1, 4), { srcMask: null, tgtMask: null, memoryMask: null, srcKeyPaddingMask: null, tgtKeyPaddingMask: null, memoryKeyPaddingMask: null }],
    poly: ['activation'],
  },
  Upsample: { args: () => [{ size: null, scaleFactor: 2, mode: 'nearest', alignCorners: null }], fwd: () => [x(1, 1, 2, 2)] },
  UpsamplingNearest2d: { args: () => [{ size: null, scaleFactor: 2 }], fwd: () => [x(1, 1, 2, 2)] },
  UpsamplingBilinear2d: { args: () => [{ size: null, scaleFactor: 2 }], fwd: () => [x(1, 1, 2, 2)] },
  PixelShuffle: { args: () => [2], fwd: () => [x(1, 4, 2, 2)] },
  PixelUnshuffle: { args: () => [2], fwd: () => [x(1, 1, 4, 4)] },
  // the layer surface of issue #11 (packages/nn/test/surface-layers.test.ts)
  ConstantPad1d: { args: () => [1, 0.5], fwd: f23, poly: ['0'] },
  ConstantPad2d: { args: () => [[1, 0, 1, 0], 0.5], fwd: () => [x(1, 2, 3)], poly: ['0'] },
  ConstantPad3d: { args: () => [1, 0.5], fwd: () => [x(1, 2, 2, 2)], poly: ['0'] },
  ZeroPad2d: { args: () => [1], fwd: () => [x(1, 2, 3)], poly: ['0'] },
  ReflectionPad1d: { args: () => [1], fwd: f23, poly: ['0'] },
  ReflectionPad2d: { args: () => [[1, 0, 1, 0]], fwd: () => [x(1, 2, 3)], poly: ['0'] },
  ReflectionPad3d: { args: () => [1], fwd: () => [x(1, 2, 2, 2)], poly: ['0'] },
  ReplicationPad1d: { args: () => [2], fwd: f23, poly: ['0'] },
  ReplicationPad2d: { args: () => [[1, 0, 2, 0]], fwd: () => [x(1, 2, 3)], poly: ['0'] },
  ReplicationPad3d: { args: () => [1], fwd: () => [x(1, 2, 2, 2)], poly: ['0'] },
  AdaptiveMaxPool1d: { args: () => [2, false], fwd: () => [x(1, 2, 6)] },
  LPPool1d: { args: () => [2, 2, null, false], fwd: () => [x(1, 2, 6)] },
  LPPool2d: { args: () => [2, 2, null, false], fwd: () => [x(1, 1, 4, 4)] },
  MaxUnpool1d: { args: () => [2, { stride: null, padding: 0 }], fwd: () => [x(1, 1, 2), ints([[[1, 2]]] as never), null] },
  MaxUnpool2d: { args: () => [2, { stride: null, padding: 0 }], fwd: () => [x(1, 1, 1, 2), ints([[[[1, 2]]]] as never), null] },
  MaxUnpool3d: { args: () => [2, { stride: null, padding: 0 }], fwd: () => [x(1, 1, 1, 1, 2), ints([[[[[1, 2]]]]] as never), null] },
  FractionalMaxPool2d: { args: () => [2, { outputSize: 2, outputRatio: null, returnIndices: false, randomSamples: null }], fwd: () => [x(1, 1, 4, 4)], poly: ['outputSize', 'outputRatio'] },
  FractionalMaxPool3d: { args: () => [2, { outputSize: null, outputRatio: 0.5, returnIndices: false, randomSamples: null }], fwd: () => [x(1, 1, 4, 4, 4)], poly: ['outputSize', 'outputRatio'] },
  ConvTranspose3d: { args: () => [2, 2, 2, CONVT], fwd: () => [x(1, 2, 2, 2, 2), null] },
  InstanceNorm3d: { args: () => [3, { ...BN, affine: false, trackRunningStats: false }], fwd: () => [x(2, 3, 2, 2, 2)] },
  LocalResponseNorm: { args: () => [2, 1e-4, 0.75, 1], fwd: () => [x(2, 3, 4)] },
  CrossMapLRN2d: { args: () => [3, 1e-4, 0.75, 1], fwd: () => [x(1, 4, 2, 2)] },
  Dropout1d: { args: () => [0.5, false], fwd: () => [x(2, 3, 4)] },
  Dropout3d: { args: () => [0.5, false], fwd: () => [x(2, 3, 2, 2, 2)] },
  AlphaDropout: { args: () => [0.5, false], fwd: f23 },
  FeatureAlphaDropout: { args: () => [0.5, false], fwd: () => [x(2, 3, 2, 2)] },
  Hardshrink: act(0.5),
  Softshrink: act(0.5),
  Softmax2d: { args: () => [], fwd: () => [x(2, 3, 2, 2)] },
  RReLU: act(0.125, 0.3, false),
  ChannelShuffle: { args: () => [2], fwd: () => [x(1, 4, 2, 2)] },
  Fold: { args: () => [[3, 3], 2, { dilation: 1, padding: 0, stride: 1 }], fwd: () => [x(1, 4, 4)], poly: ['0'] },
  Unfold: { args: () => [2, { dilation: 1, padding: 0, stride: 1 }], fwd: () => [x(1, 2, 3, 3)] },
  ReLU: act(false),
  ReLU6: act(false),
  LeakyReLU: act(0.01, false),
  ELU: act(1, false),
  CELU: act(1, false),
  GELU: act({ approximate: 'none' }),
  SiLU: act(false),
  Sigmoid: act(),
  Tanh: act(),
  LogSigmoid: act(),
  Softmax: act(1),
  Softmin: act(1),
  LogSoftmax: act(null),
  Softplus: act(1, 20),
  Hardtanh: act(-1, 1, false),
  Hardswish: act(false),
  Hardsigmoid: act(false),
  Mish: act(false),
  SELU: act(false),
  Softsign: act(),
  Tanhshrink: act(),
  Threshold: act(0.1, 20, false),
  GLU: { args: () => [-1], fwd: () => [x(2, 4)] },
  PReLU: { args: () => [3, { init: 0.25 }], fwd: f23 },
  Loss: 'abstract',
  WeightedLoss: 'abstract',
  MSELoss: loss({}),
  L1Loss: loss({}),
  SmoothL1Loss: loss({ beta: 1 }),
  HuberLoss: loss({ delta: 1 }),
  CrossEntropyLoss: loss({ weight: null, ignoreIndex: -100, labelSmoothing: 0 }, cls),
  NLLLoss: loss({ weight: null, ignoreIndex: -100 }, cls),
  BCELoss: loss({ weight: null }, () => [prob(2, 3), prob(2, 3)]),
  BCEWithLogitsLoss: loss({ weight: null, posWeight: null }),
  KLDivLoss: loss({ logTarget: false }),
  SoftMarginLoss: loss({}),
  MultiLabelSoftMarginLoss: loss({ weight: null }),
  HingeEmbeddingLoss: loss({ margin: 1 }),
  PoissonNLLLoss: loss({ logInput: true, full: false, eps: 1e-8 }),
  MarginRankingLoss: loss({ margin: 0 }, () => [x(3), x(3), floats([1, -1, 1])]),
  CosineEmbeddingLoss: loss({ margin: 0 }, () => [x(2, 3), x(2, 3), floats([1, -1])]),
  TripletMarginLoss: loss({ margin: 1, p: 2, eps: 1e-6, swap: false }, () => [x(2, 3), x(2, 3), x(2, 3)]),
  GaussianNLLLoss: loss({ full: false, eps: 1e-6 }, () => [x(2, 3), x(2, 3), prob(2, 3)]),
  MultiMarginLoss: loss({ p: 1, margin: 1, weight: null }, cls),
  CosineSimilarity: { args: () => [{ dim: 1, eps: 1e-8 }], fwd: pair23 },
  PairwiseDistance: { args: () => [{ p: 2, eps: 1e-6, keepdim: false }], fwd: pair23 },
  Sequential: { args: () => [lin(), named(new nn.ReLU(), 'new nn.ReLU()')], fwd: f23 },
  ModuleList: { args: () => [[lin()]], fwd: f23 },
  ModuleDict: { args: () => [{ a: lin() }], fwd: f23 },
  ParameterList: { args: () => [[x(2), x(3)]], fwd: f23 },
};

/** Would construction be slow rather than wrong (PyTorch's big defaults: d_model 512, 6 + 6 layers)? */
function tooBig(name: string, args: unknown[]): boolean {
  if (name !== 'Transformer') return false;
  const o = args[0];
  if (o !== undefined && !isPlain(o)) return false;
  const d = (o?.dModel as unknown) ?? 512;
  return typeof d === 'number' && d > 64;
}

const CLASSES = Object.keys(nn).filter((n) => /^[A-Z]/.test(n) && typeof (nn as Record<string, unknown>)[n] === 'function');

function checkModule(name: string, ctorEdit: Edit, fwdEdit: Edit, train: boolean): string | null {
  const spec = MODULES[name]!;
  const ts = inputs();
  const Cls = (nn as unknown as Record<string, new (...a: unknown[]) => Module>)[name]!;
  const ctor = spec === 'abstract' ? { args: ctorEdit.kind === 'random' ? ctorEdit.args.map((j) => junkValue(j, ts)) : [] } : apply(ctorEdit, spec.args(), ts);
  if (tooBig(name, ctor.args)) return null;
  const call = `new nn.${name}(${ctor.args.map((a) => show(a, ts)).join(', ')})`;
  const ctorTensors = [...ts, ...tensorsIn(ctor.args)];
  const ctorNames = ctorTensors.map((t) => show(t, ts));
  const before = snapshot(ctorTensors);
  let m: Module;
  try {
    m = new Cls(...ctor.args);
  } catch (e) {
    return verdictOnError(call, e, before, () => snapshot(ctorTensors), ctorNames);
  }
  if (spec !== 'abstract' && isEmptyOptionsArg(ctor.replaced)) {
    // `{}` in the place of an optional argument is PyTorch's call without keywords: the default module
    const at = Number(ctor.replaced!.slot);
    let ref: Module;
    try {
      ref = new Cls(...ctor.args.slice(0, at));
    } catch (e) {
      return `${call} took {} for argument ${at}, but leaving it out raised ${(e as Error).message}`;
    }
    if (String(ref) !== String(m)) return `${call} built ${String(m)}, not the default ${String(ref)}`;
  } else if (spec !== 'abstract' && mustRaise(ctor.replaced, spec.poly)) {
    return `${call} accepted ${show(ctor.replaced!.bad, ts)} for ${ctor.replaced!.slot} (valid: ${show(ctor.replaced!.valid, ts)})`;
  }
  count('module built');
  try {
    String(m);
  } catch (e) {
    return `${call}: printing it threw ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`;
  }
  if (m instanceof torch.Tensor || spec === 'abstract' || spec.fwd === undefined) return null;
  m.train(train);
  const fwd = apply(fwdEdit, spec.fwd(), ts);
  const fcall = `${call}${train ? '' : '.eval()'}.forward(${fwd.args.map((a) => show(a, ts)).join(', ')})`;
  const all = [...ctorTensors, ...tensorsIn(fwd.args), ...tensorsIn(m)];
  const names = all.map((t) => show(t, ts));
  const state = (): string => JSON.stringify([m.training, (m as unknown as { numBatchesTracked?: Tensor | null }).numBatchesTracked?.item() ?? null]);
  const fbefore = snapshot(all, state());
  try {
    (m.forward as (...a: unknown[]) => unknown)(...fwd.args);
  } catch (e) {
    return verdictOnError(fcall, e, fbefore, () => snapshot(all, state()), names);
  }
  count('forward ran');
  return null;
}

// ------------------------------------------------------------------ optimizers

/** Every optimizer with all its options at valid values. */
const OPTIMIZERS: Record<string, Record<string, unknown> | 'abstract'> = {
  Optimizer: 'abstract',
  SGD: { lr: 0.1, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false, maximize: false },
  LBFGS: { lr: 1, maxIter: 20, maxEval: null, toleranceGrad: 1e-7, toleranceChange: 1e-9, historySize: 100, lineSearchFn: null },
  Adam: { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, maximize: false },
  AdamW: { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 1e-2, amsgrad: false, maximize: false },
  RMSprop: { lr: 1e-2, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false, maximize: false },
  Adagrad: { lr: 1e-2, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, maximize: false },
  Adamax: { lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, maximize: false },
  NAdam: { lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, momentumDecay: 4e-3 },
  RAdam: { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 },
  Adadelta: { lr: 1, rho: 0.9, eps: 1e-6, weightDecay: 0, maximize: false },
  Rprop: { lr: 1e-2, etas: [0.5, 1.2], stepSizes: [1e-6, 50], maximize: false },
  ASGD: { lr: 1e-2, lambd: 1e-4, alpha: 0.75, t0: 1e6, weightDecay: 0, maximize: false },
};
const OPTIMIZER_NAMES = Object.keys(optim).filter((n) => /^[A-Z]/.test(n) && typeof (optim as Record<string, unknown>)[n] === 'function');

/** The groups' options (not their tensors), to see that a failed call left them alone. */
function groupState(opt: { paramGroups: Record<string, unknown>[] }): string {
  return JSON.stringify(opt.paramGroups.map((g) => Object.fromEntries(Object.entries(g).filter(([k]) => k !== 'params'))));
}

function checkOptimizer(name: string, groups: boolean, ctorEdit: Edit, stepEdit: Edit): string | null {
  const opts = OPTIMIZERS[name]!;
  const ts = inputs();
  const p1 = param(3);
  const p2 = param(2, 2);
  const params = groups ? [{ params: [p1] }, { params: [p2], lr: 0.01 }] : [p1, p2];
  const ctor = opts === 'abstract' ? { args: ctorEdit.kind === 'random' ? ctorEdit.args.map((j) => junkValue(j, ts)) : [[p1], {}] } : apply(ctorEdit, [params, opts], ts);
  const call = `new optim.${name}(${ctor.args.map((a) => show(a, ts)).join(', ')})`;
  const all = [...ts, p1, p2, ...tensorsIn(ctor.args)];
  const names = all.map((t) => show(t, ts));
  const before = snapshot(all);
  let opt: InstanceType<typeof optim.SGD>;
  try {
    opt = new (optim as unknown as Record<string, new (...a: unknown[]) => typeof opt>)[name]!(...ctor.args);
  } catch (e) {
    return verdictOnError(call, e, before, () => snapshot(all), names);
  }
  if (opts !== 'abstract' && mustRaise(ctor.replaced)) return `${call} accepted ${show(ctor.replaced!.bad, ts)} for ${ctor.replaced!.slot} (valid: ${show(ctor.replaced!.valid, ts)})`;
  try {
    String(opt);
  } catch (e) {
    return `${call}: printing it threw ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`;
  }
  for (const p of [p1, p2]) p.grad = torch.onesLike(p);
  const step = apply(stepEdit, [], ts);
  const scall = `${call}.step(${step.args.map((a) => show(a, ts)).join(', ')})`;
  const sbefore = snapshot(all, groupState(opt));
  try {
    (opt.step as (...a: unknown[]) => unknown)(...step.args);
  } catch (e) {
    return verdictOnError(scall, e, sbefore, () => snapshot(all, groupState(opt)), names);
  }
  count('optimizer step ran');
  return null;
}

// ------------------------------------------------------------------ LR schedulers

type Opt = InstanceType<typeof optim.SGD>;
const lambda = named((e: number) => 0.9 ** e, '(e) => 0.9 ** e');
/** Every scheduler's valid arguments on `opt` (an SGD with momentum) and valid `step` arguments. */
const SCHEDULERS: Record<string, { args: (opt: Opt) => unknown[]; step?: unknown[] } | 'abstract'> = {
  LRScheduler: 'abstract',
  StepLR: { args: (o) => [o, 2, 0.5, -1] },
  MultiStepLR: { args: (o) => [o, [1, 3], 0.5, -1] },
  ExponentialLR: { args: (o) => [o, 0.9, -1] },
  CosineAnnealingLR: { args: (o) => [o, 5, 0, -1] },
  LinearLR: { args: (o) => [o, 0.5, 1, 3, -1] },
  OneCycleLR: {
    args: (o) => [
      o,
      0.5,
      { totalSteps: 10, pctStart: 0.3, annealStrategy: 'cos', cycleMomentum: true, baseMomentum: 0.85, maxMomentum: 0.95, divFactor: 25, finalDivFactor: 1e4, threePhase: false, lastEpoch: -1 },
    ],
  },
  LambdaLR: { args: (o) => [o, lambda, -1] },
  MultiplicativeLR: { args: (o) => [o, [lambda], -1] },
  ConstantLR: { args: (o) => [o, 0.5, 3, -1] },
  PolynomialLR: { args: (o) => [o, 4, 1, -1] },
  CosineAnnealingWarmRestarts: { args: (o) => [o, 3, 1, 0, -1] },
  ReduceLROnPlateau: {
    args: (o) => [o, { mode: 'min', factor: 0.1, patience: 1, threshold: 1e-4, thresholdMode: 'rel', cooldown: 0, minLr: 0, eps: 1e-8 }],
    step: [1.0],
  },
  SequentialLR: {
    args: (o) => [o, [named(new S.LinearLR(o, 0.5, 1, 2), 'new LinearLR(opt, 0.5, 1, 2)'), named(new S.ExponentialLR(o, 0.9), 'new ExponentialLR(opt, 0.9)')], [2], -1],
  },
  ChainedScheduler: { args: (o) => [[named(new S.ExponentialLR(o, 0.9), 'new ExponentialLR(opt, 0.9)'), named(new S.StepLR(o, 2), 'new StepLR(opt, 2)')]] },
  CyclicLR: {
    args: (o) => [
      o,
      0.01,
      0.1,
      { stepSizeUp: 2, stepSizeDown: null, mode: 'triangular', gamma: 1, scaleFn: null, scaleMode: 'cycle', cycleMomentum: true, baseMomentum: 0.8, maxMomentum: 0.9 },
      -1,
    ],
  },
};
const SCHEDULER_NAMES = Object.keys(S).filter((n) => /^[A-Z]/.test(n) && typeof (S as Record<string, unknown>)[n] === 'function');

function checkScheduler(name: string, ctorEdit: Edit, stepEdit: Edit): string | null {
  const spec = SCHEDULERS[name]!;
  const ts = inputs();
  const p = param(3);
  const opt = named(new optim.SGD([p], { lr: 0.1, momentum: 0.9 }), 'opt');
  const ctor = spec === 'abstract' ? { args: ctorEdit.kind === 'random' ? ctorEdit.args.map((j) => junkValue(j, ts)) : [opt] } : apply(ctorEdit, spec.args(opt), ts);
  const call = `new lrScheduler.${name}(${ctor.args.map((a) => show(a, ts)).join(', ')})`;
  const all = [...ts, p];
  const names = all.map((t) => show(t, ts));
  const before = snapshot(all, groupState(opt));
  let sched: { step: (...a: unknown[]) => void };
  try {
    sched = new (S as unknown as Record<string, new (...a: unknown[]) => typeof sched>)[name]!(...ctor.args);
  } catch (e) {
    return verdictOnError(call, e, before, () => snapshot(all, groupState(opt)), names);
  }
  if (spec !== 'abstract' && mustRaise(ctor.replaced)) return `${call} accepted ${show(ctor.replaced!.bad, ts)} for ${ctor.replaced!.slot} (valid: ${show(ctor.replaced!.valid, ts)})`;
  const step = apply(stepEdit, spec === 'abstract' ? [] : (spec.step ?? []), ts);
  const scall = `${call}.step(${step.args.map((a) => show(a, ts)).join(', ')})`;
  for (let i = 0; i < 3; i++) {
    const sbefore = snapshot(all, groupState(opt));
    try {
      sched.step(...step.args);
    } catch (e) {
      return verdictOnError(scall, e, sbefore, () => snapshot(all, groupState(opt)), names);
    }
  }
  count('scheduler steps ran');
  return null;
}

// ------------------------------------------------------------------ Module methods

/** Modules whose methods are called (the base class's and the containers'). */
const HOSTS: Record<string, () => Module> = {
  Linear: () => named(new nn.Linear(3, 2), 'new nn.Linear(3, 2)'),
  BatchNorm1d: () => named(new nn.BatchNorm1d(3), 'new nn.BatchNorm1d(3)'),
  Sequential: () => named(new nn.Sequential(lin(), new nn.ReLU()), 'new nn.Sequential(new nn.Linear(3, 2), new nn.ReLU())'),
  ModuleList: () => named(new nn.ModuleList([lin()]), 'new nn.ModuleList([new nn.Linear(3, 2)])'),
  ModuleDict: () => named(new nn.ModuleDict({ a: lin() }), 'new nn.ModuleDict({ a: new nn.Linear(3, 2) })'),
  ParameterList: () => named(new nn.ParameterList([x(2)]), 'new nn.ParameterList([x(2)])'),
};

/** Public methods of `m` (forward and call are the module fuzz's; printing can't fail; namedMembers and checkInputDim are private and protected). */
function methodsOf(m: Module): string[] {
  const out = new Set<string>();
  for (let p = Object.getPrototypeOf(m) as object | null; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    for (const k of Object.getOwnPropertyNames(p)) {
      const d = Object.getOwnPropertyDescriptor(p, k);
      if (typeof d?.value === 'function' && k !== 'constructor' && !k.startsWith('_') && !['forward', 'call', 'namedMembers', 'checkInputDim', 'toString', 'extraRepr'].includes(k)) out.add(k);
    }
  }
  return [...out].sort();
}

/** Extra arguments the methods take: names, dtypes, a module, a state dict, lists and dicts with a bad entry after a good one. */
const METHOD_ARGS = (host: Module): unknown[] => [
  'weight',
  '0.weight',
  'a',
  'float64',
  named(new nn.ReLU(), 'new nn.ReLU()'),
  named(host.stateDict(), 'host.stateDict()'),
  named([new nn.ReLU(), 5], '[new nn.ReLU(), 5]'),
  named({ b: new nn.ReLU(), c: 5 }, '{ b: new nn.ReLU(), c: 5 }'),
  named({ ...host.stateDict(), extra: torch.zeros(1) }, '{ ...host.stateDict(), extra: torch.zeros(1) }'),
];

function checkMethod(hostName: string, method: number, args: (Junk | { extra: number })[]): string | null {
  const ts = inputs();
  const host = HOSTS[hostName]!();
  const names = methodsOf(host);
  const name = names[method % names.length]!;
  const extra = METHOD_ARGS(host);
  const vals = args.map((a) => ('extra' in a ? extra[a.extra % extra.length] : junkValue(a, ts)));
  const call = `${show(host, ts)}.${name}(${vals.map((v) => show(v, ts)).join(', ')})`;
  const all = [...ts, ...tensorsIn(host)];
  const tnames = all.map((t) => show(t, ts));
  const before = snapshot(all, String(host));
  try {
    (host as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...vals);
  } catch (e) {
    return verdictOnError(`${call}.`, e, before, () => snapshot(all, String(host)), tnames);
  }
  count('method ran');
  return null;
}

// ------------------------------------------------------------------ the properties

describe('error-path fuzz of nn classes: bad arguments raise a TorchError and change nothing', () => {
  it('covers every exported module, optimizer and scheduler class', () => {
    expect(CLASSES.filter((n) => !(n in MODULES))).toEqual([]);
    expect(OPTIMIZER_NAMES.filter((n) => !(n in OPTIMIZERS))).toEqual([]);
    expect(SCHEDULER_NAMES.filter((n) => !(n in SCHEDULERS))).toEqual([]);
  });

  it('the valid argument lists are valid', () => {
    for (const name of CLASSES) expect(checkModule(name, { kind: 'none' }, { kind: 'none' }, true), name).toBeNull();
    for (const name of OPTIMIZER_NAMES) expect(checkOptimizer(name, true, { kind: 'none' }, { kind: 'none' }), name).toBeNull();
    for (const name of SCHEDULER_NAMES) expect(checkScheduler(name, { kind: 'none' }, { kind: 'none' }), name).toBeNull();
  });

  it("raises PyTorch's texts, and a failed loadStateDict loads nothing", () => {
    const p = param(3);
    const sgd = (): InstanceType<typeof optim.SGD> => new optim.SGD([p], { lr: 0.1 });
    const cases: [() => unknown, string][] = [
      [() => new optim.SGD(p as never, { lr: 0.1 }), 'params argument given to the optimizer should be an iterable of Tensors or dicts, but got torch.FloatTensor'],
      [() => new optim.SGD([p]), "parameter group didn't specify a value of required optimization parameter lr"],
      [() => new optim.SGD([], { lr: 0.1 }), 'optimizer got an empty parameter list'],
      [() => new optim.SGD(null as never, { lr: 0.1 }), "'NoneType' object is not iterable"],
      [() => new optim.SGD(['x'] as never, { lr: 0.1 }), 'optimizer can only optimize Tensors, but one of the params is str'],
      [() => new optim.SGD([p, { params: [p] }] as never, { lr: 0.1 }), 'optimizer can only optimize Tensors, but one of the params is dict'],
      [() => new optim.SGD([{ params: new Set([p]) }] as never, { lr: 0.1 }), 'optimizer parameters need to be organized in ordered collections'],
      [() => new optim.Adam([p], { lr: -1 }), 'Invalid learning rate: -1'],
      [() => new optim.Adam([p], { momentum: 0.9 } as never), "Adam(): got an unexpected option 'momentum'"],
      [() => sgd().step(5 as never), "step(): argument 'closure' must be callable, not int"],
      [() => new S.StepLR(5 as never, 2), 'int is not an Optimizer'],
      [() => new S.StepLR(sgd(), 2, 0.1, 5), "param 'initial_lr' is not specified in param_groups[0] when resuming an optimizer"],
      [() => new nn.Tanh().forward(null as never), "tanh(): argument 'input' (position 1) must be Tensor, not NoneType"],
      [() => new nn.Sigmoid().forward(5 as never), "sigmoid(): argument 'input' (position 1) must be Tensor, not int"],
      [() => new nn.Linear(2.5, 3), "Linear(): argument 'in_features' (position 1) must be int, not float"],
      [() => new nn.Linear(3, 4, { biass: false } as never), "Linear(): got an unexpected option 'biass'"],
      [() => new nn.ModuleList(5 as never), 'ModuleList.extend should be called with an iterable, but got int'],
      [() => new nn.Sequential(5 as never), 'int is not a Module subclass'],
      [() => new nn.Unflatten(1, 5 as never), 'unflattened_size must be a tuple of ints, but found type int'],
      [() => new nn.Unflatten(1, [2.5] as never), 'unflattened_size must be tuple of ints, but found element of type float at pos 0'],
      [() => new nn.Dropout(2), 'dropout probability has to be between 0 and 1, but got 2'],
      [() => new nn.MultiheadAttention(8, 3), 'embed_dim must be divisible by num_heads'],
      [() => new nn.GroupNorm(2, 5), 'num_channels must be divisible by num_groups'],
      [() => new nn.CrossEntropyLoss({ weight: 5 as never }), "CrossEntropyLoss(): argument 'weight' must be Tensor, not int"],
      [() => new nn.MSELoss({ reduction: 'x' as never }), 'x is not a valid value for reduction'],
      [() => new (nn.ConvNd as unknown as new () => unknown)(), "Can't instantiate abstract class ConvNd"],
    ];
    for (const [f, text] of cases) {
      expect(f).toThrow(torch.TorchError);
      expect(f).toThrow(text);
    }
    // PyTorch 1.13: SGD without a default lr when every group has one
    expect(new optim.SGD([{ params: [p], lr: 0.5 }]).paramGroups[0]!.lr).toBe(0.5);
    const lin = new nn.Linear(3, 2);
    const w = Array.from(lin.weight.dataSync() as ArrayLike<number>);
    const v = lin.weight._version;
    expect(() => lin.loadStateDict({ weight: torch.zeros(2, 3) })).toThrow('Missing key(s) in state_dict: "bias"');
    expect(Array.from(lin.weight.dataSync() as ArrayLike<number>)).toEqual(w);
    expect(lin.weight._version).toBe(v);
  });

  const moduleRuns = RUNS || 2500;
  it(`nn modules: constructor, then forward (${CLASSES.length} classes, ${moduleRuns} runs)`, () => {
    run<[string, Edit, Edit, boolean]>([fc.constantFrom(...CLASSES), edit, edit, fc.boolean()], checkModule, 20, moduleRuns);
  }, 120_000);

  const optimRuns = RUNS ? Math.ceil(RUNS / 3) : 800;
  it(`optimizers: constructor, then step (${OPTIMIZER_NAMES.length} classes, ${optimRuns} runs)`, () => {
    run<[string, boolean, Edit, Edit]>([fc.constantFrom(...OPTIMIZER_NAMES), fc.boolean(), edit, edit], checkOptimizer, 21, optimRuns);
  }, 120_000);

  it(`LR schedulers: constructor, then step (${SCHEDULER_NAMES.length} classes, ${optimRuns} runs)`, () => {
    run<[string, Edit, Edit]>([fc.constantFrom(...SCHEDULER_NAMES), edit, edit], checkScheduler, 22, optimRuns);
  }, 120_000);

  it(`Module and container methods (${optimRuns} calls)`, () => {
    const arg = fc.oneof(junk, fc.nat({ max: 8 }).map((extra) => ({ extra })));
    run<[string, number, (Junk | { extra: number })[]]>([fc.constantFrom(...Object.keys(HOSTS)), fc.nat({ max: 60 }), fc.array(arg, { maxLength: 3 })], checkMethod, 23, optimRuns);
    if (REPORT) console.log(Object.fromEntries(outcomes));
  }, 120_000);
});
