// Error-path fuzz (issue 10): every public op, called with random bad arguments, either
// works or raises a TorchError — never a TypeError/RangeError from V8 or a backend — and
// when it raises, every input tensor (values and version counter) and the RNG state are
// as they were. Seeded; FUZZ_RUNS=<n> (or `pnpm test:fuzz`) runs more.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';
import { fuzzInputs, runProperty } from './fuzz-run.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 0;

/** {@link runProperty} with this file's grouping of failures for the report mode. */
function run<T extends unknown[]>(arbs: { [K in keyof T]: fc.Arbitrary<T[K]> }, body: (...v: T) => string | null, seed: number, numRuns: number): void {
  runProperty(arbs, body, seed, numRuns, (verdict) => verdict.replace(/\(.*?\) (threw|raised|succeeded)/, ' $1').replace(/inputs\[\d\]/g, 'in').slice(0, 90));
}

/** Public functions of `torch.*` that take tensors or sizes (internals and I/O left out). */
const FUNCTIONS = `abs acos add addcdiv addcmul all amax amin any arange argmax argmin argsort asin atan atan2
  bernoulli bitwiseAnd bitwiseNot bitwiseOr bitwiseXor bmm broadcastTensors cat ceil chunk clamp clip clone
  contiguous cos cosh cummax cummin cumprod cumsum div divide dot empty emptyLike eq equal erf erfc erfinv exp
  expand expandAs expm1 eye flatten flip floor floorDivide fmax fmin fmod frac full fullLike gather ge gt hypot
  index indexSelect isfinite isinf isnan le lerp linspace log log10 log1p log2 logSoftmax logicalAnd logicalNot
  logicalOr logicalXor logsumexp lt maskedFill maskedSelect matmul max maximum mean min minimum mm movedim mul
  multinomial multiply mv nansum narrow ne neg nonzero norm normal ones onesLike outer permute pow prod rand
  randLike randint randintLike randn randnLike randperm reciprocal relu remainder repeat reshape roll round rsqrt
  scatter scatterAdd select sigmoid sign sin sinh softmax sort split sqrt square squeeze stack std sub subtract
  sum t tan tanh tensor tile topk transpose tril triu trunc unbind unflatten unsqueeze var variance view where
  zeros zerosLike`
  .split(/\s+/)
  .concat(catalogueFunctions())
  .filter((n, i, all) => all.indexOf(n) === i);

/** Every function form the op catalogue declares, its aliases and in-place functions included. */
function catalogueFunctions(): string[] {
  const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const api = torch as unknown as Record<string, unknown>;
  return Object.entries(torch.CATALOGUE).flatMap(([key, row]) => {
    if (!(row.variants as readonly string[]).includes('function')) return [];
    const names = [key, ...((row as torch.OpRow).aliases ?? []).map(camel)];
    return [...names, ...names.map((n) => `${n}_`)].filter((n) => typeof api[n] === 'function');
  });
}

/** Tensor methods, in place ones included (their receiver must then be untouched on error). */
const METHODS = Object.getOwnPropertyNames(torch.Tensor.prototype).filter((name) => {
  if (name === 'constructor' || name.startsWith('_')) return false;
  const d = Object.getOwnPropertyDescriptor(torch.Tensor.prototype, name);
  // getters are properties, not calls; backward runs user hooks; data reads are async
  return typeof d?.value === 'function' && !['backward', 'data', 'dispose', 'registerHook', 'retainGrad', 'toString', 'tolist', 'item', 'dataSync', 'numpy'].includes(name);
});

/** The shared pool of input tensors (fuzz-run.ts). */
const inputs = fuzzInputs;

/** An argument: one of the inputs, a bad or borderline value, or a small valid one. */
type Arg = { tensor: number } | { value: unknown };
const BAD: unknown[] = [undefined, null, 'x', '1:2', {}, [], true, false, NaN, Infinity, -Infinity, 2.5, -1, -7, 1e12, -1e12, 0, 1, 3,
  [2.5], [-1], [1e12, 1e12], [0, 1], [[1]], [1, 'a'], { dim: 1.5 }, { dtype: 'float16' }, { dtype: 'int64' }, { device: 'tpu' }, () => 1];
const arg: fc.Arbitrary<Arg> = fc.oneof(
  fc.nat({ max: 8 }).map((tensor) => ({ tensor })),
  fc.constantFrom(...BAD.map((_, i) => i)).map((i) => ({ value: BAD[i] })),
);

function describeArg(a: Arg): string {
  if ('tensor' in a) return `inputs[${a.tensor}]`;
  const v = a.value;
  if (typeof v === 'function') return '() => 1';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v === undefined ? 'undefined' : JSON.stringify(v);
}

interface Snapshot {
  values: number[][];
  versions: number[];
  rng: number[];
}

function snapshot(ts: torch.Tensor[]): Snapshot {
  return {
    values: ts.map((t) => Array.from(t.detach().contiguous().dataSync() as ArrayLike<number>)),
    versions: ts.map((t) => t._version),
    rng: Array.from(torch.getRngState().dataSync() as ArrayLike<number>),
  };
}

/** What differs between two snapshots (NaN equals NaN), or null. */
function changed(a: Snapshot, b: Snapshot): string | null {
  for (let i = 0; i < a.values.length; i++) {
    if (a.versions[i] !== b.versions[i]) return `inputs[${i}] version ${a.versions[i]} -> ${b.versions[i]}`;
    const x = a.values[i]!;
    const y = b.values[i]!;
    if (x.length !== y.length || x.some((v, k) => !Object.is(v, y[k]) && !(v === 0 && y[k] === 0))) return `inputs[${i}] values changed`;
  }
  if (a.rng.some((v, k) => v !== b.rng[k])) return 'RNG state changed';
  return null;
}

/**
 * Calls `f` and checks the contract. Returns null when it holds, else a reproducer.
 * `mutates`: the op may legitimately write its inputs or advance the RNG when it succeeds.
 */
function check(call: string, f: (ts: torch.Tensor[], args: unknown[]) => unknown, args: Arg[], mutates: boolean): string | null {
  const ts = inputs();
  const values = args.map((a) => ('tensor' in a ? ts[a.tensor] : a.value));
  const before = snapshot(ts);
  try {
    const r = f(ts, values) as { then?: unknown; catch?: (h: () => void) => void } | undefined;
    // async methods (toAsync, indexAsync): their rejections are not this test's subject
    if (r && typeof r.then === 'function') r.catch?.(() => {});
  } catch (e) {
    const repro = `${call}(${args.map(describeArg).join(', ')})`;
    if (!(e instanceof torch.TorchError)) return `${repro} threw ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`;
    if (!e.op || !e.message) return `${repro} threw a TorchError without op or message`;
    const diff = changed(before, snapshot(ts));
    return diff === null ? null : `${repro} raised ${e.name} ("${e.message}") but left ${diff}`;
  }
  if (!mutates) {
    const diff = changed(before, snapshot(ts));
    if (diff !== null && !diff.startsWith('RNG')) return `${call}(${args.map(describeArg).join(', ')}) succeeded but changed ${diff}`;
  }
  return null;
}

const RANDOM = new Set(['bernoulli', 'multinomial', 'normal', 'rand', 'randLike', 'randint', 'randintLike', 'randn', 'randnLike', 'randperm']);
const isInplace = (name: string) => name.endsWith('_') || ['set_', 'resize_'].includes(name);

describe('error-path fuzz: bad arguments raise a TorchError and change nothing', () => {
  const numRuns = RUNS || 4000;
  it(`torch.* functions (${FUNCTIONS.length} ops, ${numRuns} calls)`, () => {
    const fns = FUNCTIONS.filter((n) => typeof (torch as Record<string, unknown>)[n] === 'function');
    expect(fns.length).toBe(FUNCTIONS.length);
    run<[string, Arg[]]>(
      [fc.constantFrom(...fns), fc.array(arg, { maxLength: 4 })],
      (name, args) => {
        const fn = (torch as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
        // in-place functions (`torch.exp_`, `torch.t_`) legitimately change their input on success
        return check(`torch.${name}`, (_ts, vals) => fn(...vals), args, RANDOM.has(name) || isInplace(name));
      },
      10,
      numRuns,
    );
  }, 120_000);

  const F = torch.nn.functional as unknown as Record<string, unknown>;
  const FUNCTIONAL = Object.keys(F).filter((n) => typeof F[n] === 'function' && !/^[A-Z]/.test(n));
  it(`nn.functional (${FUNCTIONAL.length} functions, ${numRuns} calls)`, () => {
    run<[string, Arg[]]>(
      [fc.constantFrom(...FUNCTIONAL), fc.array(arg, { maxLength: 4 })],
      // random draws, or `inplace = true` given, legitimately change state on success
      (name, args) =>
        check(`F.${name}`, (_ts, vals) => (F[name] as (...a: unknown[]) => unknown)(...vals), args, /dropout|gumbel|rrelu/i.test(name) || name.endsWith('_') || args.some((a) => 'value' in a && a.value === true)),
      12,
      numRuns,
    );
  }, 120_000);

  it(`Tensor methods (${METHODS.length} methods, ${numRuns} calls)`, () => {
    run<[string, number, Arg[]]>(
      [fc.constantFrom(...METHODS), fc.nat({ max: 8 }), fc.array(arg, { maxLength: 3 })],
      (name, self, args) =>
        check(
          `inputs[${self}].${name}`,
          (ts, vals) => (ts[self] as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...vals),
          args,
          isInplace(name) || RANDOM.has(name.replace(/_$/, '')),
        ),
      11,
      numRuns,
    );
  }, 120_000);
});
