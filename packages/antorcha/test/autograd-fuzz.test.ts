// Autograd under fuzz (issue 10, "Trust"): random differentiable graphs built
// from the facade's ops — 1–3 float64 leaves with small broadcasting shapes (0-d,
// size-1 dims, non-contiguous leaves), then 1–8 ops (elementwise, reductions,
// views, indexing, matmul, cat/stack, nn.functional activations, in-place writes
// into clones, into views of them, straight into earlier intermediates and into
// constants) — checked with `gradcheck` (and, for a quarter, `gradgradcheck`) at
// PyTorch's default tolerances.
//
// Every op is planned on the leaves' actual values first: dims, indices, masks
// and clamp bounds are fixed then, and ops with a kink (abs, max, sort, clamp…)
// are only kept when no value lies within MARGIN of it, so the function checked
// is smooth at the point. In-place writes are only planned where PyTorch allows
// them (nothing backward saved is overwritten). A failing graph is shrunk and
// prints as a TypeScript reproducer.
//
// Seeded: `npm test` always runs the same graphs. `npm run test:fuzz` runs more
// (FUZZ_RUNS, default 3000); FUZZ_SEED picks another seed, FUZZ_STATS=1 prints
// coverage, FUZZ_PRINT=n prints the first n graphs, FUZZ_KNOWN=1 adds the cases
// of known open bugs (see KNOWN below).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

type T = torch.Tensor;
const F = torch.nn.functional;

const env = typeof process !== 'undefined' ? process.env : {};
const FUZZ_MODE = (import.meta as { env?: { MODE?: string } }).env?.MODE === 'fuzz';
const RUNS = Number(env.FUZZ_RUNS ?? (FUZZ_MODE ? 3000 : 400));
const DEFAULT_SEED = 12;
const SEED = Number(env.FUZZ_SEED ?? DEFAULT_SEED);
const STATS = env.FUZZ_STATS === '1';
const WITH_KNOWN = env.FUZZ_KNOWN === '1';
const PRINT = Number(env.FUZZ_PRINT ?? 0);

/** Distance kept from every kink (abs at 0, ties of max/sort, clamp bounds, integers for floor…). */
const MARGIN = 0.01;
/** Largest |value| an intermediate may hold (finite differences lose precision beyond). */
const BOUND = 50;
/** Most elements an intermediate may have (keeps gradcheck's Jacobians small). */
const CAP = 48;
const TOL = { eps: 1e-6, atol: 1e-5, rtol: 1e-3 };

// ------------------------------------------------------------------ helpers

function vals(t: T): number[] {
  return torch.noGrad(() => Array.from(t.contiguous().dataSync() as ArrayLike<number>));
}
const shapeOf = (t: T): number[] => [...t.shape];
const numel = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const fmt = (v: number) => (Object.is(v, -0) ? '0' : String(v));
const list = (xs: readonly (number | string)[]) => `[${xs.map((x) => (typeof x === 'number' ? fmt(x) : x)).join(', ')}]`;

function broadcast(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out.push(x === 1 ? y : x);
  }
  return out;
}
/** Storage positions of the elements of a strided layout. */
function positions(shape: readonly number[], strides: readonly number[], offset: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < numel(shape); k++) {
    let rest = k;
    let p = offset;
    for (let d = shape.length - 1; d >= 0; d--) {
      p += (rest % shape[d]!) * strides[d]!;
      rest = Math.floor(rest / shape[d]!);
    }
    out.push(p);
  }
  return out;
}
const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/** mulberry32: the leaves' values and the constants' contents. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Nested = number | boolean | Nested[];
function nest(flat: readonly (number | boolean)[], shape: readonly number[]): Nested {
  if (shape.length === 0) return flat[0]!;
  const [n, ...rest] = shape;
  const step = numel(rest);
  return range(n!).map((i) => nest(flat.slice(i * step, (i + 1) * step), rest));
}
const nestCode = (v: Nested): string => (Array.isArray(v) ? `[${v.map(nestCode).join(', ')}]` : typeof v === 'number' ? fmt(v) : String(v));

// Domain predicates on a tensor's values.
const every = (p: (v: number) => boolean) => (t: T) => vals(t).every(p);
const away = (...pts: number[]) => every((v) => pts.every((q) => Math.abs(v - q) > MARGIN));
const offInt = every((v) => Math.abs(v - Math.round(v)) > MARGIN);
const offHalf = every((v) => Math.abs(v - Math.floor(v) - 0.5) > MARGIN);
const inside = (lo: number, hi: number) => every((v) => v > lo && v < hi);

/** Values of `x` grouped by the slices a reduction over `dims` (null: all) combines. */
function groups(x: T, dims: readonly number[] | null): number[][] {
  const r = x.dim();
  if (r === 0) return [vals(x)];
  const ds = dims === null ? range(r) : [...new Set(dims.map((d) => (d + r) % r))];
  const keep = range(r).filter((d) => !ds.includes(d));
  const n = numel(ds.map((d) => x.shape[d]!));
  const v = vals(x.permute([...keep, ...ds]));
  return range(n === 0 ? 0 : v.length / n).map((k) => v.slice(k * n, (k + 1) * n));
}
const sorted = (g: number[]) => [...g].sort((a, b) => b - a);
/** The largest (smallest) value of every group is unique by MARGIN. */
const topGap = (gs: number[][], largest = true) =>
  gs.every((g) => {
    const s = sorted(largest ? g : g.map((v) => -v));
    return s.length < 2 || s[0]! - s[1]! > MARGIN;
  });
/** All values of every group are MARGIN apart. */
const distinct = (gs: number[][]) => gs.every((g) => sorted(g).every((v, i, s) => i === 0 || s[i - 1]! - v > MARGIN));

// ------------------------------------------------------------------ graph description

interface LeafSpec {
  drop: number;
  ones: number;
  layout: number;
  seed: number;
}
interface OpSpec {
  op: number;
  a: number;
  b: number;
  c: number;
  p: number[];
}
interface GraphSpec {
  base: number[];
  leaves: LeafSpec[];
  ops: OpSpec[];
  extra: number;
  gg: boolean;
}

/** One planned op: pool operands, the op itself, and its TypeScript. */
interface Emit {
  args: number[];
  apply(xs: T[]): T | T[];
  code(xs: string[], outs: string[]): string[];
  /** Whether backward saved the outputs (default: by op name, see NOT_SAVING). */
  saves?: boolean;
  /** Per argument: backward did not save it (default: by op name, see HARMLESS). */
  harmless?: boolean[];
}
type OpDef = (P: Planner) => Emit | null;

interface Step extends Emit {
  name: string;
  lines: string[];
  nOut: number;
}

function expr(args: number[], apply: (xs: T[]) => T, code: (xs: string[]) => string): Emit {
  return { args, apply, code: (xs, [o]) => [`const ${o} = ${code(xs)};`] };
}

/** Plans ops on actual values; `p` numbers of the op spec drive every choice. */
class Planner {
  readonly pool: T[] = [];
  readonly names: string[] = [];
  readonly consts: string[] = [];
  readonly steps: Step[] = [];
  /** Per pool entry: its step saved it for backward / it is a view output of split-like ops. */
  readonly saved: boolean[] = [];
  readonly multi: boolean[] = [];
  leaves = 0;
  private spec: OpSpec = { op: 0, a: 0, b: 0, c: 0, p: [0] };
  private k = 0;

  start(spec: OpSpec): void {
    this.spec = spec;
    this.k = 0;
  }
  int(n: number): number {
    if (n <= 1) return 0;
    const p = this.spec.p;
    const i = this.k++;
    return (p[i % p.length]! + Math.floor(i / p.length) * 7919) % n;
  }
  choose<X>(xs: readonly X[]): X {
    return xs[this.int(xs.length)]!;
  }
  coin(): boolean {
    return this.int(2) === 1;
  }
  /** A pool operand: mostly the latest two (chains), else any. */
  operand(slot = 0): number {
    const s = [this.spec.a, this.spec.b, this.spec.c][slot]!;
    const n = this.pool.length;
    const v = s % 10;
    if (v < 4) return n - 1;
    if (v < 6 && n >= 2) return n - 2;
    return Math.floor(s / 10) % n;
  }
  /** A pool entry satisfying `ok` (null: none). */
  among(slot: number, ok: (t: T, j: number) => boolean): number | null {
    const c = range(this.pool.length).filter((j) => ok(this.pool[j]!, j));
    if (c.length === 0) return null;
    const s = [this.spec.a, this.spec.b, this.spec.c][slot]!;
    return c[s % c.length]!;
  }
  /** A pool entry broadcasting with `i` to at most CAP elements (`i` itself qualifies). */
  partner(i: number, slot = 1, target?: readonly number[]): number {
    const si = shapeOf(this.x(i));
    return this.among(slot, (t) => {
      const b = broadcast(target ?? si, shapeOf(t));
      return b !== null && numel(b) <= CAP && (target === undefined || sameShape(b, target));
    }) ?? i;
  }
  x(i: number): T {
    return this.pool[i]!;
  }
  dim(r: number): number {
    const R = Math.max(r, 1);
    return this.int(2 * R) - R;
  }
  dims(r: number): number[] {
    if (r === 0) return [this.choose([0, -1])];
    const pick = range(r).filter(() => this.coin());
    const ds = pick.length === 0 ? [this.int(r)] : pick;
    return ds.map((d) => (this.coin() ? d - r : d));
  }
  rand(): () => number {
    return rng(this.int(1 << 30));
  }
  constant(value: Nested, shape: readonly number[], dtype: 'bool' | 'int64'): [string, T] {
    const name = `c${this.consts.length}`;
    const v = nest(value as (number | boolean)[], shape);
    this.consts.push(`const ${name} = torch.tensor(${nestCode(v)}, { dtype: '${dtype}' });`);
    return [name, torch.tensor(v as never, { dtype })];
  }
  /**
   * Whether pool entry `i` may be written in place without invalidating what
   * backward saved (PyTorch would refuse it then, rightly): its storage is not a
   * leaf's, no op saved a tensor of that storage, it is no multi-output view, and
   * its elements don't overlap.
   */
  mutable(i: number): boolean {
    const S = this.x(i)._storage;
    for (let k = 0; k < this.pool.length; k++) {
      if (this.pool[k]!._storage !== S) continue;
      if (k < this.leaves || this.saved[k] || this.multi[k]) return false;
    }
    for (const s of this.steps) {
      if (s.args.some((a, pos) => this.pool[a]!._storage === S && !s.harmless![pos])) return false;
    }
    const t = this.x(i);
    const ps = positions(shapeOf(t), [...t.stride()], t.storageOffset());
    return new Set(ps).size === ps.length;
  }
  mask(shape: readonly number[], atLeastOne = false): [string, T] {
    const r = this.rand();
    const flat = range(numel(shape)).map(() => r() < 0.5);
    if (atLeastOne && !flat.some(Boolean)) flat[0] = true;
    return this.constant(flat, shape, 'bool');
  }
  index(values: number[], shape: readonly number[]): [string, T] {
    return this.constant(values, shape, 'int64');
  }
}

// ------------------------------------------------------------------ op table

interface Fn1 {
  f: (x: T) => T;
  c: (x: string) => string;
}
const m = (f: (x: T) => T, c: (x: string) => string): Fn1 => ({ f, c });

/** A unary op; off its domain (`ok` false) the fallback form (a positive transform first) or nothing. */
function unary(main: Fn1, ok?: (x: T) => boolean, fallback?: Fn1): OpDef {
  return (P) => {
    const i = P.operand(0);
    const use = !ok || ok(P.x(i)) ? main : fallback;
    if (!use) return null;
    return expr([i], ([x]) => use.f(x!), ([x]) => use.c(x!));
  };
}

/** A binary op with broadcasting; `ok` sees both operands. */
function binary(f: (a: T, b: T) => T, c: (a: string, b: string) => string, ok?: (a: T, b: T) => boolean, fbB?: Fn1): OpDef {
  return (P) => {
    const i = P.operand(0);
    const j = P.partner(i);
    if (!ok || ok(P.x(i), P.x(j))) return expr([i, j], ([a, b]) => f(a!, b!), ([a, b]) => c(a!, b!));
    if (!fbB) return null;
    const b2 = torch.noGrad(() => fbB.f(P.x(j)));
    if (!ok(P.x(i), b2)) return null;
    return expr([i, j], ([a, b]) => f(a!, fbB.f(b!)), ([a, b]) => c(a!, fbB.c(b!)));
  };
}

const diffAway = (a: T, b: T) => away(0)(torch.noGrad(() => a.sub(b)));
const pos = m((x) => x.square().add(0.5), (x) => `${x}.square().add(0.5)`);
const radiusOk = (a: T, b: T) => every((v) => v > 0.01)(torch.noGrad(() => a.square().add(b.square())));
const SCALARS = [0.5, -1.25, 2, 0.75, -0.3];

/** A unary op taking a scalar parameter chosen from `params`. */
function withParam<X>(params: readonly X[], build: (p: X) => [Fn1, ((x: T) => boolean)?, Fn1?]): OpDef {
  return (P) => {
    const [main, ok, fb] = build(P.choose(params));
    return unary(main, ok, fb)(P);
  };
}

/** Reductions over dims: form 0 reduces everything, 1 some dims (keepdim random). */
function reduction(
  f: (x: T, dims: number[] | null, keepdim: boolean) => T,
  c: (x: string, dims: number[] | null, keepdim: boolean) => string,
  ok?: (x: T, dims: number[] | null) => boolean,
  allForm = true,
): OpDef {
  return (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const dims = allForm && P.int(3) === 0 ? null : P.dims(x.dim());
    const keepdim = P.coin();
    if (ok && !ok(x, dims)) return null;
    return expr([i], ([t]) => f(t!, dims, keepdim), ([t]) => c(t!, dims, keepdim));
  };
}

/** Ops along one dim. */
function alongDim(f: (x: T, d: number) => T, c: (x: string, d: number) => string, ok?: (x: T, d: number) => boolean, minRank = 0): OpDef {
  return (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    if (x.dim() < minRank) return null;
    const d = P.dim(x.dim());
    if (ok && !ok(x, d)) return null;
    return expr([i], ([t]) => f(t!, d), ([t]) => c(t!, d));
  };
}

const lines = (x: T, d: number) => groups(x, [d]);

/** A third operand broadcasting with both `i` and `j` (`i` itself qualifies). */
function third(P: Planner, i: number, j: number): number {
  const sij = broadcast(shapeOf(P.x(i)), shapeOf(P.x(j)))!;
  return P.among(2, (t) => {
    const b = broadcast(sij, shapeOf(t));
    return b !== null && numel(b) <= CAP;
  }) ?? i;
}
/** Running max (min) along dim never comes within MARGIN of a new value (cummax ties). */
function runningGap(x: T, d: number, largest: boolean): boolean {
  return lines(x, d).every((g) => {
    let best = largest ? g[0]! : -g[0]!;
    for (let k = 1; k < g.length; k++) {
      const v = largest ? g[k]! : -g[k]!;
      if (Math.abs(v - best) <= MARGIN) return false;
      best = Math.max(best, v);
    }
    return true;
  });
}

/** A random factorization of `n` into `parts` sizes. */
function factor(P: Planner, n: number, parts: number): number[] {
  const out: number[] = [];
  let rest = n;
  for (let k = 0; k < parts - 1; k++) {
    const divs = range(rest).map((v) => v + 1).filter((v) => rest % v === 0);
    const d = P.choose(divs);
    out.push(d);
    rest /= d;
  }
  out.push(rest);
  return out;
}

/** A view of `x` (may be written in place through). */
interface ViewOp {
  f: (x: T) => T;
  c: (x: string) => string;
}
function randomSpec(P: Planner, x: T, allowInt: boolean): (string | number | null)[] {
  const specs: (string | number | null)[] = [];
  for (const s of x.shape) {
    const k = P.int(allowInt ? 5 : 4);
    if (k === 0) specs.push(':');
    else if (k === 1 || k === 2) {
      const start = P.int(s);
      const stop = start + 1 + P.int(s - start);
      const step = 1 + P.int(3);
      specs.push(`${start}:${stop}${step > 1 ? `:${step}` : ''}`);
    } else if (k === 3) specs.push(`::${1 + P.int(2)}`);
    else specs.push(P.int(2 * s) - s);
  }
  if (P.int(4) === 0) specs.splice(P.int(specs.length + 1), 0, null);
  return specs;
}
const specCode = (s: (string | number | null)[]) => s.map((v) => (typeof v === 'string' ? `'${v}'` : v === null ? 'null' : fmt(v))).join(', ');

function viewOp(P: Planner, x: T, writable: boolean): ViewOp | null {
  const r = x.dim();
  const shape = shapeOf(x);
  const k = P.int(writable ? 9 : 10);
  switch (k) {
    case 0: {
      if (r === 0) return null;
      const d = P.dim(r);
      const size = shape[(d + r) % r]!;
      const start = P.int(size);
      const len = 1 + P.int(size - start);
      return { f: (t) => t.narrow(d, start, len), c: (t) => `${t}.narrow(${d}, ${start}, ${len})` };
    }
    case 1: {
      if (r === 0) return null;
      const d = P.dim(r);
      const size = shape[(d + r) % r]!;
      const idx = P.int(2 * size) - size;
      return { f: (t) => t.select(d, idx), c: (t) => `${t}.select(${d}, ${idx})` };
    }
    case 2: {
      const d0 = P.dim(r);
      const d1 = P.dim(r);
      return { f: (t) => t.transpose(d0, d1), c: (t) => `${t}.transpose(${d0}, ${d1})` };
    }
    case 3: {
      const specs = randomSpec(P, x, true);
      return { f: (t) => t.index(...specs), c: (t) => `${t}.index(${specCode(specs)})` };
    }
    case 4: {
      const d = P.int(2 * r + 2) - r - 1;
      return { f: (t) => t.unsqueeze(d), c: (t) => `${t}.unsqueeze(${d})` };
    }
    case 5: {
      const perm = [...range(r)];
      for (let i = r - 1; i > 0; i--) {
        const j = P.int(i + 1);
        [perm[i], perm[j]] = [perm[j]!, perm[i]!];
      }
      return { f: (t) => t.permute(perm), c: (t) => `${t}.permute(${list(perm)})` };
    }
    case 6: {
      if (P.coin() && r > 0) {
        const d = P.dim(r);
        return { f: (t) => t.squeeze(d), c: (t) => `${t}.squeeze(${d})` };
      }
      if (P.coin() && r > 0) {
        const ds = P.dims(r);
        return { f: (t) => t.squeeze(ds), c: (t) => `${t}.squeeze(${list(ds)})` };
      }
      return { f: (t) => t.squeeze(), c: (t) => `${t}.squeeze()` };
    }
    case 7: {
      if (!x.isContiguous()) return null;
      const parts = factor(P, numel(shape), 1 + P.int(3));
      if (P.coin()) parts[P.int(parts.length)] = -1;
      return { f: (t) => t.view(parts), c: (t) => `${t}.view(${list(parts)})` };
    }
    case 8: {
      // A strided window of the storage (never overlapping, so it can be written).
      if (!x.isContiguous()) return null;
      const n = numel(shape);
      const size = 1 + P.int(Math.max(1, Math.min(3, n)));
      const stride = 1 + P.int(2);
      const span = (size - 1) * stride + 1;
      if (span > n) return null;
      const off = x.storageOffset() + P.int(n - span + 1);
      return { f: (t) => t.asStrided([size], [stride], off), c: (t) => `${t}.asStrided([${size}], [${stride}], ${off})` };
    }
    default: {
      // expand: read-only (elements repeat).
      const lead = P.coin() ? [2] : [];
      const sizes = [...lead, ...shape.map((s) => (s === 1 ? 1 + P.int(3) : -1))];
      return { f: (t) => t.expand(sizes), c: (t) => `${t}.expand(${list(sizes)})` };
    }
  }
}

/** An in-place op applied to `target` (its values decide what is allowed). */
interface InplaceOp {
  args: number[];
  /** Saves its result for backward (the base may then not be written again). */
  out?: boolean;
  f: (t: T, xs: T[]) => void;
  c: (t: string, xs: string[]) => string;
}

function inplaceOp(P: Planner, target: T): InplaceOp | null {
  const ts = shapeOf(target);
  // Operands of the write: never the target's own storage (overlapping reads).
  const into = () => P.among(1, (t) => {
    const b = broadcast(ts, shapeOf(t));
    return b !== null && sameShape(b, ts) && t._storage !== target._storage;
  });
  const after = (f: (t: T) => T) => torch.noGrad(() => f(target.clone()));
  const s = P.choose(SCALARS);
  const k = P.int(24);
  switch (k) {
    case 0:
    case 1: {
      // (Not `t.mul_(t)`: PyTorch refuses its backward, autograd's errors test covers that.)
      const j = into();
      if (j === null || k === 1) return { args: [], f: (t) => void t.mul_(s), c: (t) => `${t}.mul_(${fmt(s)})` };
      return { args: [j], f: (t, [y]) => void t.mul_(y!), c: (t, [y]) => `${t}.mul_(${y})` };
    }
    case 2: {
      const j = into();
      const alpha = P.choose([1, 2, -0.5]);
      if (j === null) return { args: [], f: (t) => void t.add_(s), c: (t) => `${t}.add_(${fmt(s)})` };
      if (alpha === 1) return { args: [j], f: (t, [y]) => void t.add_(y!), c: (t, [y]) => `${t}.add_(${y})` };
      return { args: [j], f: (t, [y]) => void t.add_(y!, { alpha }), c: (t, [y]) => `${t}.add_(${y}, { alpha: ${fmt(alpha)} })` };
    }
    case 3: {
      const j = into();
      if (j === null) return { args: [], f: (t) => void t.sub_(s), c: (t) => `${t}.sub_(${fmt(s)})` };
      return { args: [j], f: (t, [y]) => void t.sub_(y!), c: (t, [y]) => `${t}.sub_(${y})` };
    }
    case 4: {
      const j = into();
      if (j === null || !away(0)(P.x(j)) || !every((v) => Math.abs(v) > 0.1)(P.x(j))) {
        return { args: [], f: (t) => void t.div_(s), c: (t) => `${t}.div_(${fmt(s)})` };
      }
      return { args: [j], f: (t, [y]) => void t.div_(y!), c: (t, [y]) => `${t}.div_(${y})` };
    }
    case 5: {
      const j = into();
      const l = P.among(2, (t) => {
        const b = broadcast(ts, shapeOf(t));
        return b !== null && sameShape(b, ts) && t._storage !== target._storage;
      });
      if (j === null || l === null) return null;
      const value = P.choose([1, 0.5, -2]);
      return { args: [j, l], f: (t, [a, b]) => void t.addcmul_(a!, b!, { value }), c: (t, [a, b]) => `${t}.addcmul_(${a}, ${b}, { value: ${fmt(value)} })` };
    }
    case 6: {
      const j = into();
      const l = P.among(2, (t) => {
        const b = broadcast(ts, shapeOf(t));
        return b !== null && sameShape(b, ts) && t._storage !== target._storage && every((v) => Math.abs(v) > 0.1)(t);
      });
      if (j === null || l === null) return null;
      return { args: [j, l], f: (t, [a, b]) => void t.addcdiv_(a!, b!), c: (t, [a, b]) => `${t}.addcdiv_(${a}, ${b})` };
    }
    case 7: {
      const j = into();
      if (j === null) return null;
      const w = P.choose([0.25, 0.5, 1.5]);
      return { args: [j], f: (t, [y]) => void t.lerp_(y!, w), c: (t, [y]) => `${t}.lerp_(${y}, ${fmt(w)})` };
    }
    case 8: {
      const lo = P.choose([-1.5, -0.7, -0.2, 0.3]);
      const hi = lo + P.choose([0.6, 1.1, 2]);
      if (!away(lo, hi)(target)) return null;
      const form = P.int(3);
      if (form === 0) return { args: [], f: (t) => void t.clamp_(lo, hi), c: (t) => `${t}.clamp_(${fmt(lo)}, ${fmt(hi)})` };
      if (form === 1) return { args: [], f: (t) => void t.clamp_(lo), c: (t) => `${t}.clamp_(${fmt(lo)})` };
      return { args: [], f: (t) => void t.clamp_(null, hi), c: (t) => `${t}.clamp_(null, ${fmt(hi)})` };
    }
    case 9:
      return inside(-BOUND, 3.5)(target) ? { args: [], out: true, f: (t) => void t.exp_(), c: (t) => `${t}.exp_()` } : null;
    case 10:
      return { args: [], out: true, f: (t) => void t.tanh_(), c: (t) => `${t}.tanh_()` };
    case 11:
      return { args: [], out: true, f: (t) => void t.sigmoid_(), c: (t) => `${t}.sigmoid_()` };
    case 12:
      return { args: [], f: (t) => void t.neg_(), c: (t) => `${t}.neg_()` };
    case 13:
      return every((v) => v > 0.05)(target) ? { args: [], out: true, f: (t) => void t.sqrt_(), c: (t) => `${t}.sqrt_()` } : null;
    case 14:
      return every((v) => v > 0.05)(target) ? { args: [], f: (t) => void t.log_(), c: (t) => `${t}.log_()` } : null;
    case 15:
      return every((v) => Math.abs(v) > 0.1)(target) ? { args: [], out: true, f: (t) => void t.reciprocal_(), c: (t) => `${t}.reciprocal_()` } : null;
    case 16:
      return away(0)(target) ? { args: [], f: (t) => void t.abs_(), c: (t) => `${t}.abs_()` } : null;
    case 17:
      return away(0)(target) ? { args: [], out: true, f: (t) => void t.relu_(), c: (t) => `${t}.relu_()` } : null;
    case 18: {
      const p = P.choose([2, 3, 0.5, -1]);
      const ok = p === 0.5 ? every((v) => v > 0.05) : p < 0 ? every((v) => Math.abs(v) > 0.1) : () => true;
      return ok(target) ? { args: [], f: (t) => void t.pow_(p), c: (t) => `${t}.pow_(${fmt(p)})` } : null;
    }
    case 19: {
      const j = into();
      if (j === null) return { args: [], f: (t) => void t.fill_(s), c: (t) => `${t}.fill_(${fmt(s)})` };
      return { args: [j], f: (t, [y]) => void t.copy_(y!), c: (t, [y]) => `${t}.copy_(${y})` };
    }
    case 20: {
      if (P.coin()) return { args: [], f: (t) => void t.zero_(), c: (t) => `${t}.zero_()` };
      const [name, mask] = P.mask(ts);
      return { args: [], f: (t) => void t.maskedFill_(mask, s), c: (t) => `${t}.maskedFill_(${name}, ${fmt(s)})` };
    }
    case 21: {
      const alpha = P.choose([1, 0.5]);
      if (!away(0)(target)) return null;
      return { args: [], out: true, f: (t) => void F.elu(t, alpha, true), c: (t) => `F.elu(${t}, ${fmt(alpha)}, true)` };
    }
    case 22: {
      const slope = P.choose([0.01, 0.2]);
      if (!away(0)(target)) return null;
      return { args: [], out: true, f: (t) => void F.leakyRelu(t, slope, true), c: (t) => `F.leakyRelu(${t}, ${fmt(slope)}, true)` };
    }
    default: {
      // scatter_ / scatterAdd_ of a pool tensor into the target.
      const r = ts.length;
      if (r === 0) return null;
      const d = P.int(r);
      const add = P.coin();
      const j = P.among(1, (t) => t._storage !== target._storage && t.dim() === r && shapeOf(t).every((sz, e) => (e === d ? add || sz <= ts[d]! : sz <= ts[e]!)));
      if (j === null) return null;
      const [name, idx] = scatterIndex(P, ts, shapeOf(P.x(j)), d, !add);
      return add
        ? { args: [j], f: (t, [y]) => void t.scatterAdd_(d, idx, y!), c: (t, [y]) => `${t}.scatterAdd_(${d}, ${name}, ${y})` }
        : { args: [j], f: (t, [y]) => void t.scatter_(d, idx, y!), c: (t, [y]) => `${t}.scatter_(${d}, ${name}, ${y})` };
    }
  }
}

/** An int64 index of `shape` into dim `d` of `target` (unique per column when `unique`). */
function scatterIndex(P: Planner, target: readonly number[], shape: readonly number[], d: number, unique: boolean): [string, T] {
  const r = P.rand();
  const n = target[d]!;
  const used = new Map<string, Set<number>>();
  const flat: number[] = [];
  const idx = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < numel(shape); k++) {
    const key = idx.filter((_, e) => e !== d).join(',');
    const u = used.get(key) ?? new Set<number>();
    used.set(key, u);
    const free = range(n).filter((v) => !unique || !u.has(v));
    const v = free[Math.floor(r() * free.length)]!;
    u.add(v);
    flat.push(v);
    for (let e = shape.length - 1; e >= 0; e--) {
      if (++idx[e]! < shape[e]!) break;
      idx[e] = 0;
    }
  }
  return P.index(flat, shape);
}

/** Where an in-place block writes: the source of its clone. */
const SOURCES: Fn1[] = [
  m((x) => x.clone(), (x) => `${x}.clone()`),
  m((x) => x.add(0.5), (x) => `${x}.add(0.5)`),
  m((x) => x.mul(1.5), (x) => `${x}.mul(1.5)`),
  m((x) => x.neg(), (x) => `${x}.neg()`),
];

/**
 * In-place block: `c = source(x)`, `v = view(c)` (0–2 view ops), maybe a second
 * view `w` taken before the write, `v.op_(…)`, maybe `c.op2_(…)`; outputs v, w, c.
 */
const inplaceBlock: OpDef = (P) => {
  const i = P.operand(0);
  const src = P.choose(SOURCES);
  const c0 = torch.noGrad(() => src.f(P.x(i)));
  if (c0.numel() > CAP) return null;
  const chain = (n: number): ViewOp[] | null => {
    const ops: ViewOp[] = [];
    let t = c0;
    for (let k = 0; k < n; k++) {
      const v = viewOp(P, t, true);
      if (v === null) return null;
      try {
        t = torch.noGrad(() => v.f(t));
      } catch {
        return null;
      }
      if (t.numel() === 0) return null;
      ops.push(v);
    }
    return ops;
  };
  const run = (ops: ViewOp[], t: T) => ops.reduce((a, o) => o.f(a), t);
  const code = (ops: ViewOp[], t: string) => ops.reduce((a, o) => o.c(a), t);
  const vOps = chain(P.int(3));
  if (vOps === null) return null;
  const wOps = P.coin() ? chain(1 + P.int(2)) : null;
  const v0 = torch.noGrad(() => run(vOps, c0));
  const op1 = inplaceOp(P, v0);
  if (op1 === null) return null;
  torch.noGrad(() => op1.f(v0, op1.args.map((j) => P.x(j))));
  const op2 = P.int(3) === 0 && !op1.out ? inplaceOp(P, c0) : null;
  const n1 = op1.args.length;
  return {
    args: [i, ...op1.args, ...(op2?.args ?? [])],
    saves: !!(op1.out || op2?.out),
    harmless: [true, ...op1.args.map(() => false), ...(op2?.args ?? []).map(() => false)],
    apply: ([x, ...ys]) => {
      const c = src.f(x!);
      const v = run(vOps, c);
      const w = wOps ? run(wOps, c) : null;
      op1.f(v, ys.slice(0, n1));
      op2?.f(c, ys.slice(n1));
      return w ? [c, v, w] : [c, v];
    },
    code: ([x, ...ys], o) => {
      const [cn, vn, wn] = o;
      return [
        `const ${cn} = ${src.c(x!)};`,
        `const ${vn} = ${code(vOps, cn!)};`,
        ...(wOps ? [`const ${wn!} = ${code(wOps, cn!)};`] : []),
        `${op1.c(vn!, ys.slice(0, n1))};`,
        ...(op2 ? [`${op2.c(cn!, ys.slice(n1))};`] : []),
      ];
    },
  };
};

/**
 * In-place write straight into an earlier intermediate (or a view of it) that
 * other pool entries may share storage with: later reads of those go through
 * CopySlices and regenerated views, as in PyTorch.
 */
const inplaceDirect: OpDef = (P) => {
  const i = P.among(0, (_t, j) => P.mutable(j));
  if (i === null) return null;
  const x = P.x(i);
  const v = P.coin() ? viewOp(P, x, true) : null;
  let target = x;
  if (v !== null) {
    try {
      target = torch.noGrad(() => v.f(x));
    } catch {
      return null;
    }
    if (target.numel() === 0 || !target.stride().every((st, d) => st !== 0 || target.shape[d] === 1)) return null;
  }
  const op = inplaceOp(P, target);
  if (op === null) return null;
  return {
    args: [i, ...op.args],
    saves: !!op.out,
    harmless: [true, ...op.args.map(() => false)],
    apply: ([t, ...ys]) => {
      const tv = v ? v.f(t!) : t!;
      op.f(tv, ys);
      return tv;
    },
    code: ([t, ...ys], [o]) => (v ? [`const ${o} = ${v.c(t!)};`, `${op.c(o!, ys)};`] : [`${op.c(t!, ys)};`, `const ${o} = ${t};`]),
  };
};

/** A float64 constant made inside the graph (written in place, so created anew by every call). */
function freshConstant(P: Planner, shape: readonly number[]): Fn1 {
  const r = P.rand();
  const flat = range(numel(shape)).map(() => Math.round((r() * 4 - 2) * 100) / 100 + 0);
  const v = nest(flat, shape);
  return m(() => torch.tensor(v as never, { dtype: 'float64' }), () => `torch.tensor(${nestCode(v)}, { dtype: 'float64' })`);
}

/**
 * A constant (no grad) written through a view by an op with a pool operand:
 * the constant's CopySlices makes it require grad (outputs: the view, the constant).
 */
const constViewWrite: OpDef = (P) => {
  const j0 = P.operand(0);
  const shape = shapeOf(P.x(j0)).map((s) => s + P.int(2));
  if (numel(shape) > CAP) return null;
  const K = freshConstant(P, shape);
  const k0 = torch.noGrad(() => K.f(P.x(j0)));
  const v = viewOp(P, k0, true);
  if (v === null) return null;
  let v0: T;
  try {
    v0 = torch.noGrad(() => v.f(k0));
  } catch {
    return null;
  }
  if (v0.numel() === 0 || !v0.stride().every((st, d) => st !== 0 || v0.shape[d] === 1)) return null;
  const op = inplaceOp(P, v0);
  if (op === null || op.args.length === 0) return null;
  return {
    args: op.args,
    saves: !!op.out,
    harmless: op.args.map(() => false),
    apply: (ys) => {
      const k = K.f(ys[0]!);
      const tv = v.f(k);
      op.f(tv, ys);
      return [k, tv];
    },
    code: (ys, [kn, vn]) => [`const ${kn} = ${K.c('')};`, `const ${vn} = ${v.c(kn!)};`, `${op.c(vn!, ys)};`],
  };
};

/**
 * A view of a constant, then the constant written in place with a pool operand:
 * the view (read afterwards) depends on that operand now (PyTorch regenerates its grad_fn).
 */
const constBaseWrite: OpDef = (P) => {
  const j0 = P.operand(0);
  const shape = shapeOf(P.x(j0));
  const K = freshConstant(P, shape);
  const k0 = torch.noGrad(() => K.f(P.x(j0)));
  const v = viewOp(P, k0, false);
  if (v === null) return null;
  try {
    if (torch.noGrad(() => v.f(k0)).numel() === 0) return null;
  } catch {
    return null;
  }
  const op = inplaceOp(P, k0);
  if (op === null || op.args.length === 0) return null;
  return {
    args: op.args,
    saves: true,
    harmless: op.args.map(() => false),
    apply: (ys) => {
      const k = K.f(ys[0]!);
      const tv = v.f(k);
      op.f(k, ys);
      return [k, tv.mul(1)];
    },
    code: (ys, [kn, vn]) => [`const ${kn} = ${K.c('')};`, `const ${vn}_ = ${v.c(kn!)};`, `${op.c(kn!, ys)};`, `const ${vn} = ${vn}_.mul(1);`],
  };
};

/** `fill_` with a 0-d tensor value that requires grad (the value gets the sum of the gradient). */
const fillTensor: OpDef = (P) => {
  const i = P.operand(0);
  const j = P.among(1, (t) => t.dim() === 0);
  if (j === null) return null;
  return {
    args: [i, j],
    saves: false,
    harmless: [true, true],
    apply: ([x, y]) => x!.clone().fill_(y!),
    code: ([x, y], [o]) => [`const ${o} = ${x}.clone().fill_(${y});`],
  };
};

/** Matrix operand of `x`: itself when 2-D, else reshaped to [-1, last]. */
function asMatrix(x: T): Fn1 {
  const r = x.dim();
  if (r === 2) return m((t) => t, (t) => t);
  if (r === 0) return m((t) => t.reshape([1, 1]), (t) => `${t}.reshape([1, 1])`);
  const last = x.shape[r - 1]!;
  return m((t) => t.reshape([-1, last]), (t) => `${t}.reshape([-1, ${last}])`);
}

const OPS: Record<string, OpDef> = {
  // --- unary, smooth everywhere
  neg: unary(m((x) => x.neg(), (x) => `${x}.neg()`)),
  sin: unary(m((x) => x.sin(), (x) => `${x}.sin()`)),
  cos: unary(m((x) => x.cos(), (x) => `${x}.cos()`)),
  atan: unary(m((x) => x.atan(), (x) => `${x}.atan()`)),
  tanh: unary(m((x) => x.tanh(), (x) => `${x}.tanh()`)),
  sigmoid: unary(m((x) => x.sigmoid(), (x) => `${x}.sigmoid()`)),
  erf: unary(m((x) => x.erf(), (x) => `${x}.erf()`)),
  erfc: unary(m((x) => x.erfc(), (x) => `${x}.erfc()`)),
  square: unary(m((x) => x.square(), (x) => `${x}.square()`)),
  exp: unary(m((x) => x.exp(), (x) => `${x}.exp()`), inside(-BOUND, 3.5), m((x) => x.tanh().exp(), (x) => `${x}.tanh().exp()`)),
  expm1: unary(m((x) => torch.expm1(x), (x) => `torch.expm1(${x})`), inside(-BOUND, 3.5), m((x) => torch.expm1(x.tanh()), (x) => `torch.expm1(${x}.tanh())`)),
  sinh: unary(m((x) => x.sinh(), (x) => `${x}.sinh()`), inside(-3.5, 3.5)),
  cosh: unary(m((x) => x.cosh(), (x) => `${x}.cosh()`), inside(-3.5, 3.5)),
  tan: unary(m((x) => x.tan(), (x) => `${x}.tan()`), inside(-1.2, 1.2), m((x) => x.tanh().tan(), (x) => `${x}.tanh().tan()`)),
  asin: unary(m((x) => x.asin(), (x) => `${x}.asin()`), inside(-0.9, 0.9), m((x) => x.tanh().mul(0.9).asin(), (x) => `${x}.tanh().mul(0.9).asin()`)),
  acos: unary(m((x) => x.acos(), (x) => `${x}.acos()`), inside(-0.9, 0.9), m((x) => x.tanh().mul(0.9).acos(), (x) => `${x}.tanh().mul(0.9).acos()`)),
  erfinv: unary(m((x) => x.erfinv(), (x) => `${x}.erfinv()`), inside(-0.9, 0.9), m((x) => x.tanh().mul(0.9).erfinv(), (x) => `${x}.tanh().mul(0.9).erfinv()`)),
  log: unary(m((x) => x.log(), (x) => `${x}.log()`), inside(0.05, Infinity), m((x) => pos.f(x).log(), (x) => `${pos.c(x)}.log()`)),
  log2: unary(m((x) => torch.log2(x), (x) => `torch.log2(${x})`), inside(0.05, Infinity), m((x) => torch.log2(pos.f(x)), (x) => `torch.log2(${pos.c(x)})`)),
  log10: unary(m((x) => torch.log10(x), (x) => `torch.log10(${x})`), inside(0.05, Infinity), m((x) => torch.log10(pos.f(x)), (x) => `torch.log10(${pos.c(x)})`)),
  log1p: unary(m((x) => torch.log1p(x), (x) => `torch.log1p(${x})`), inside(-0.95, Infinity), m((x) => torch.log1p(x.square()), (x) => `torch.log1p(${x}.square())`)),
  sqrt: unary(m((x) => x.sqrt(), (x) => `${x}.sqrt()`), inside(0.05, Infinity), m((x) => pos.f(x).sqrt(), (x) => `${pos.c(x)}.sqrt()`)),
  rsqrt: unary(m((x) => x.rsqrt(), (x) => `${x}.rsqrt()`), inside(0.05, Infinity), m((x) => pos.f(x).rsqrt(), (x) => `${pos.c(x)}.rsqrt()`)),
  reciprocal: unary(m((x) => x.reciprocal(), (x) => `${x}.reciprocal()`), every((v) => Math.abs(v) > 0.1), m((x) => pos.f(x).reciprocal(), (x) => `${pos.c(x)}.reciprocal()`)),
  // --- unary with kinks, kept off them
  abs: unary(m((x) => x.abs(), (x) => `${x}.abs()`), away(0)),
  relu: unary(m((x) => x.relu(), (x) => `${x}.relu()`), away(0)),
  sign: unary(m((x) => x.sign(), (x) => `${x}.sign()`), away(0)),
  floor: unary(m((x) => x.floor(), (x) => `${x}.floor()`), offInt),
  ceil: unary(m((x) => x.ceil(), (x) => `${x}.ceil()`), offInt),
  trunc: unary(m((x) => x.trunc(), (x) => `${x}.trunc()`), offInt),
  frac: unary(m((x) => x.frac(), (x) => `${x}.frac()`), offInt),
  round: unary(m((x) => x.round(), (x) => `${x}.round()`), offHalf),
  pow: withParam([2, 3, -1, 0.5, 1.5, -0.5, 0, 1, -2], (p) => {
    const main = m((x) => x.pow(p), (x) => `${x}.pow(${fmt(p)})`);
    if (Number.isInteger(p) && p >= 0) return [main];
    const ok = Number.isInteger(p) ? every((v) => Math.abs(v) > 0.1) : inside(0.05, Infinity);
    return [main, ok, m((x) => pos.f(x).pow(p), (x) => `${pos.c(x)}.pow(${fmt(p)})`)];
  }),
  rpow: withParam([2, 0.5, 1.5], (b) => [m((x) => torch.pow(b, x), (x) => `torch.pow(${fmt(b)}, ${x})`), inside(-5, 5)]),
  // --- nn.functional activations
  gelu: unary(m((x) => F.gelu(x), (x) => `F.gelu(${x})`)),
  geluTanh: unary(m((x) => F.gelu(x, { approximate: 'tanh' }), (x) => `F.gelu(${x}, { approximate: 'tanh' })`)),
  silu: unary(m((x) => F.silu(x), (x) => `F.silu(${x})`)),
  logSigmoid: unary(m((x) => F.logSigmoid(x), (x) => `F.logSigmoid(${x})`)),
  mish: unary(m((x) => F.mish(x), (x) => `F.mish(${x})`)),
  tanhshrink: unary(m((x) => F.tanhshrink(x), (x) => `F.tanhshrink(${x})`)),
  softsign: unary(m((x) => F.softsign(x), (x) => `F.softsign(${x})`), away(0)),
  selu: unary(m((x) => F.selu(x), (x) => `F.selu(${x})`), away(0)),
  softplus: withParam([1, 2, 0.5], (beta) => [m((x) => F.softplus(x, beta), (x) => `F.softplus(${x}, ${fmt(beta)})`), away(20 / beta)]),
  elu: withParam([1, 0.5], (a) => [m((x) => F.elu(x, a), (x) => `F.elu(${x}, ${fmt(a)})`), away(0)]),
  celu: withParam([1, 0.5], (a) => [m((x) => F.celu(x, a), (x) => `F.celu(${x}, ${fmt(a)})`), away(0)]),
  leakyRelu: withParam([0.01, 0.2], (s) => [m((x) => F.leakyRelu(x, s), (x) => `F.leakyRelu(${x}, ${fmt(s)})`), away(0)]),
  hardtanh: withParam([[-1, 1], [-0.5, 2]] as const, ([lo, hi]) => [m((x) => F.hardtanh(x, lo, hi), (x) => `F.hardtanh(${x}, ${fmt(lo)}, ${fmt(hi)})`), away(lo, hi)]),
  relu6: unary(m((x) => F.relu6(x), (x) => `F.relu6(${x})`), away(0, 6)),
  hardswish: unary(m((x) => F.hardswish(x), (x) => `F.hardswish(${x})`), away(-3, 3)),
  hardsigmoid: unary(m((x) => F.hardsigmoid(x), (x) => `F.hardsigmoid(${x})`), away(-3, 3)),
  threshold: withParam([0.1, -0.5], (th) => [m((x) => F.threshold(x, th, 0.25), (x) => `F.threshold(${x}, ${fmt(th)}, 0.25)`), away(th)]),
  // --- binary with broadcasting
  add: binary((a, b) => a.add(b), (a, b) => `${a}.add(${b})`),
  addAlpha: binary((a, b) => torch.add(a, b, { alpha: -0.75 }), (a, b) => `torch.add(${a}, ${b}, { alpha: -0.75 })`),
  sub: binary((a, b) => a.sub(b), (a, b) => `${a}.sub(${b})`),
  subAlpha: binary((a, b) => torch.sub(a, b, { alpha: 2.5 }), (a, b) => `torch.sub(${a}, ${b}, { alpha: 2.5 })`),
  mul: binary((a, b) => a.mul(b), (a, b) => `${a}.mul(${b})`),
  div: binary((a, b) => a.div(b), (a, b) => `${a}.div(${b})`, (_a, b) => every((v) => Math.abs(v) > 0.1)(b), pos),
  maximum: binary((a, b) => torch.maximum(a, b), (a, b) => `torch.maximum(${a}, ${b})`, diffAway),
  minimum: binary((a, b) => torch.minimum(a, b), (a, b) => `torch.minimum(${a}, ${b})`, diffAway),
  fmax: binary((a, b) => torch.fmax(a, b), (a, b) => `torch.fmax(${a}, ${b})`, diffAway),
  fmin: binary((a, b) => torch.fmin(a, b), (a, b) => `torch.fmin(${a}, ${b})`, diffAway),
  maxOther: binary((a, b) => a.max(b), (a, b) => `${a}.max(${b})`, diffAway),
  atan2: binary((a, b) => torch.atan2(a, b), (a, b) => `torch.atan2(${a}, ${b})`, radiusOk),
  hypot: binary((a, b) => torch.hypot(a, b), (a, b) => `torch.hypot(${a}, ${b})`, radiusOk),
  powTT: binary((a, b) => a.pow(b), (a, b) => `${a}.pow(${b})`, (a, b) => inside(0.05, Infinity)(a) && inside(-BOUND, BOUND)(torch.noGrad(() => a.pow(b)))),
  powPos: binary((a, b) => pos.f(a).pow(b), (a, b) => `${pos.c(a)}.pow(${b})`, (a, b) => inside(-BOUND, BOUND)(torch.noGrad(() => pos.f(a).pow(b)))),
  remainder: binary((a, b) => torch.remainder(a, b), (a, b) => `torch.remainder(${a}, ${b})`, (a, b) => every((v) => Math.abs(v) > 0.1)(b) && offInt(torch.noGrad(() => a.div(b)))),
  fmod: binary((a, b) => torch.fmod(a, b), (a, b) => `torch.fmod(${a}, ${b})`, (a, b) => every((v) => Math.abs(v) > 0.1)(b) && offInt(torch.noGrad(() => a.div(b)))),
  lerpScalar: (P) => {
    const i = P.operand(0);
    const j = P.partner(i);
    const w = P.choose([0.25, -0.5, 1.5]);
    const sa = shapeOf(P.x(i));
    if (!sameShape(broadcast(sa, shapeOf(P.x(j)))!, sa)) return null;
    return expr([i, j], ([a, b]) => a!.lerp(b!, w), ([a, b]) => `${a}.lerp(${b}, ${fmt(w)})`);
  },
  lerpTensor: (P) => {
    const i = P.operand(0);
    const j = P.partner(i, 1);
    const l = third(P, i, j);
    return expr([i, j, l], ([a, b, w]) => torch.lerp(a!, b!, w!), ([a, b, w]) => `torch.lerp(${a}, ${b}, ${w})`);
  },
  addcmul: (P) => {
    const i = P.operand(0);
    const j = P.partner(i, 1);
    const l = third(P, i, j);
    const value = P.choose([1, 0.5, -2]);
    return expr([i, j, l], ([a, b, c]) => torch.addcmul(a!, b!, c!, { value }), ([a, b, c]) => `torch.addcmul(${a}, ${b}, ${c}, { value: ${fmt(value)} })`);
  },
  addcdiv: (P) => {
    const i = P.operand(0);
    const j = P.partner(i, 1);
    const l = third(P, i, j);
    const value = P.choose([1, 0.5, -2]);
    const d = every((v) => Math.abs(v) > 0.1)(P.x(l)) ? m((t) => t, (t) => t) : pos;
    return expr([i, j, l], ([a, b, c]) => torch.addcdiv(a!, b!, d.f(c!), { value }), ([a, b, c]) => `torch.addcdiv(${a}, ${b}, ${d.c(c!)}, { value: ${fmt(value)} })`);
  },
  // --- number operands
  scalarOps: (P) => {
    const i = P.operand(0);
    const s = P.choose(SCALARS);
    const x = P.x(i);
    const forms: [(t: T) => T, (t: string) => string, boolean][] = [
      [(t) => t.add(s), (t) => `${t}.add(${fmt(s)})`, true],
      [(t) => torch.add(s, t), (t) => `torch.add(${fmt(s)}, ${t})`, true],
      [(t) => torch.sub(s, t), (t) => `torch.sub(${fmt(s)}, ${t})`, true],
      [(t) => t.sub(s, { alpha: 2 }), (t) => `${t}.sub(${fmt(s)}, { alpha: 2 })`, true],
      [(t) => torch.mul(s, t), (t) => `torch.mul(${fmt(s)}, ${t})`, true],
      [(t) => t.div(s), (t) => `${t}.div(${fmt(s)})`, true],
      [(t) => torch.div(s, t), (t) => `torch.div(${fmt(s)}, ${t})`, every((v) => Math.abs(v) > 0.1)(x)],
      [(t) => torch.atan2(t, s), (t) => `torch.atan2(${t}, ${fmt(s)})`, true],
      [(t) => torch.atan2(s, t), (t) => `torch.atan2(${fmt(s)}, ${t})`, true],
      [(t) => torch.hypot(t, s), (t) => `torch.hypot(${t}, ${fmt(s)})`, true],
      [(t) => torch.remainder(t, s), (t) => `torch.remainder(${t}, ${fmt(s)})`, offInt(torch.noGrad(() => x.div(s)))],
      [(t) => torch.fmod(t, s), (t) => `torch.fmod(${t}, ${fmt(s)})`, offInt(torch.noGrad(() => x.div(s)))],
    ];
    const [f, c, ok] = P.choose(forms);
    return ok ? expr([i], ([t]) => f(t!), ([t]) => c(t!)) : null;
  },
  where: (P) => {
    const i = P.operand(0);
    const j = P.partner(i);
    const s = broadcast(shapeOf(P.x(i)), shapeOf(P.x(j)))!.map((d) => (P.int(3) === 0 ? 1 : d));
    const [name, mask] = P.mask(s);
    const k = P.int(3);
    const v = P.choose(SCALARS);
    if (k === 0) return expr([i, j], ([a, b]) => torch.where(mask, a!, b!), ([a, b]) => `torch.where(${name}, ${a}, ${b})`);
    if (k === 1) return expr([i], ([a]) => torch.where(mask, a!, v), ([a]) => `torch.where(${name}, ${a}, ${fmt(v)})`);
    return expr([i], ([a]) => torch.where(mask, v, a!), ([a]) => `torch.where(${name}, ${fmt(v)}, ${a})`);
  },
  clampScalar: (P) => {
    const i = P.operand(0);
    const lo = P.choose([-1.5, -0.7, -0.2, 0.3]);
    const hi = lo + P.choose([0.6, 1.1, 2]);
    if (!away(lo, hi)(P.x(i))) return null;
    const form = P.int(4);
    if (form === 0) return expr([i], ([x]) => x!.clamp(lo, hi), ([x]) => `${x}.clamp(${fmt(lo)}, ${fmt(hi)})`);
    if (form === 1) return expr([i], ([x]) => x!.clamp(lo), ([x]) => `${x}.clamp(${fmt(lo)})`);
    if (form === 2) return expr([i], ([x]) => torch.clamp(x!, null, hi), ([x]) => `torch.clamp(${x}, null, ${fmt(hi)})`);
    return expr([i], ([x]) => torch.clip(x!, lo, hi), ([x]) => `torch.clip(${x}, ${fmt(lo)}, ${fmt(hi)})`);
  },
  clampTensor: (P) => {
    const i = P.operand(0);
    const si = shapeOf(P.x(i));
    const fits = (t: T) => {
      const b = broadcast(si, shapeOf(t));
      return b !== null && sameShape(b, si);
    };
    const lo = P.among(1, fits);
    const hi = P.among(2, fits);
    const form = P.int(3);
    const x = P.x(i);
    const gap = (a: T, b: T) => diffAway(a, b);
    if (form === 0 && lo !== null && hi !== null && lo !== hi && gap(x, P.x(lo)) && gap(x, P.x(hi)) && gap(P.x(lo), P.x(hi))) {
      return expr([i, lo, hi], ([t, a, b]) => t!.clamp(a!, b!), ([t, a, b]) => `${t}.clamp(${a}, ${b})`);
    }
    if (form === 1 && lo !== null && lo !== i && gap(x, P.x(lo))) return expr([i, lo], ([t, a]) => t!.clamp(a!), ([t, a]) => `${t}.clamp(${a})`);
    if (form === 2 && hi !== null && hi !== i && gap(x, P.x(hi))) return expr([i, hi], ([t, b]) => t!.clamp(null, b!), ([t, b]) => `${t}.clamp(null, ${b})`);
    return null;
  },
  // --- reductions
  sum: reduction((x, d, k) => (d === null ? x.sum() : x.sum(d, k)), (x, d, k) => (d === null ? `${x}.sum()` : `${x}.sum(${list(d)}, ${k})`)),
  sumInt: alongDim((x, d) => torch.sum(x, d), (x, d) => `torch.sum(${x}, ${d})`),
  mean: reduction((x, d, k) => (d === null ? x.mean() : x.mean(d, k)), (x, d, k) => (d === null ? `${x}.mean()` : `${x}.mean(${list(d)}, ${k})`)),
  nansum: reduction((x, d, k) => (d === null ? x.nansum() : x.nansum(d, k)), (x, d, k) => (d === null ? `${x}.nansum()` : `${x}.nansum(${list(d)}, ${k})`)),
  prod: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    if (P.coin()) return expr([i], ([t]) => t!.prod(), ([t]) => `${t}.prod()`);
    const d = P.dim(x.dim());
    const k = P.coin();
    return expr([i], ([t]) => t!.prod(d, k), ([t]) => `${t}.prod(${d}, ${k})`);
  },
  amax: reduction((x, d, k) => x.amax(d ?? [], k), (x, d, k) => `${x}.amax(${list(d ?? [])}, ${k})`, (x, d) => topGap(groups(x, d))),
  amin: reduction((x, d, k) => x.amin(d ?? [], k), (x, d, k) => `${x}.amin(${list(d ?? [])}, ${k})`, (x, d) => topGap(groups(x, d), false)),
  maxAll: unary(m((x) => x.max(), (x) => `${x}.max()`), (x) => topGap(groups(x, null))),
  minAll: unary(m((x) => torch.min(x), (x) => `torch.min(${x})`), (x) => topGap(groups(x, null), false)),
  maxDim: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const d = P.dim(x.dim());
    const k = P.coin();
    const largest = P.coin();
    if (!topGap(groups(x, [d]), largest)) return null;
    return largest
      ? expr([i], ([t]) => t!.max(d, k).values, ([t]) => `${t}.max(${d}, ${k}).values`)
      : expr([i], ([t]) => torch.min(t!, d, k).values, ([t]) => `torch.min(${t}, ${d}, ${k}).values`);
  },
  logsumexp: reduction((x, d, k) => x.logsumexp(d ?? [], k), (x, d, k) => `${x}.logsumexp(${list(d ?? [])}, ${k})`),
  var: (P) => varStd(P, false),
  std: (P) => varStd(P, true),
  norm: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const p = P.choose(['fro', 2, 1, 3, Infinity, -Infinity, 0.5, 0] as const);
    const dims = P.int(3) === 0 ? undefined : P.dims(x.dim());
    const k = P.coin();
    const gs = groups(x, dims ?? null);
    const absG = gs.map((g) => g.map(Math.abs));
    let ok = true;
    if (p === 'fro' || p === 2 || p === 3) ok = absG.every((g) => Math.hypot(...g) > 0.05);
    else if (p === Infinity) ok = topGap(absG) && away(0)(x);
    else if (p === -Infinity) ok = topGap(absG, false) && away(0)(x);
    else ok = away(0)(x);
    if (!ok) return null;
    const pc = typeof p === 'string' ? `'${p}'` : fmt(p);
    if (dims === undefined) return expr([i], ([t]) => t!.norm(p), ([t]) => `${t}.norm(${pc})`);
    return expr([i], ([t]) => t!.norm(p, dims, k), ([t]) => `${t}.norm(${pc}, ${list(dims)}, ${k})`);
  },
  cumsum: alongDim((x, d) => x.cumsum(d), (x, d) => `${x}.cumsum(${d})`),
  cumprod: alongDim((x, d) => x.cumprod(d), (x, d) => `${x}.cumprod(${d})`),
  cummax: alongDim((x, d) => torch.cummax(x, d).values, (x, d) => `torch.cummax(${x}, ${d}).values`, (x, d) => runningGap(x, d, true)),
  cummin: alongDim((x, d) => torch.cummin(x, d).values, (x, d) => `torch.cummin(${x}, ${d}).values`, (x, d) => runningGap(x, d, false)),
  softmax: alongDim((x, d) => x.softmax(d), (x, d) => `${x}.softmax(${d})`),
  logSoftmax: alongDim((x, d) => x.logSoftmax(d), (x, d) => `${x}.logSoftmax(${d})`),
  softmin: alongDim((x, d) => F.softmin(x, d), (x, d) => `F.softmin(${x}, ${d})`),
  sort: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const d = P.dim(x.dim());
    const desc = P.coin();
    if (!distinct(lines(x, d))) return null;
    return expr([i], ([t]) => t!.sort(d, desc).values, ([t]) => `${t}.sort(${d}, ${desc}).values`);
  },
  topk: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const d = P.dim(x.dim());
    const size = x.dim() === 0 ? 1 : x.shape[(d + x.dim()) % x.dim()]!;
    const k = 1 + P.int(size);
    const largest = P.coin();
    const srt = P.coin();
    if (!distinct(lines(x, d))) return null;
    return expr([i], ([t]) => t!.topk(k, d, largest, srt).values, ([t]) => `${t}.topk(${k}, ${d}, ${largest}, ${srt}).values`);
  },
  // --- views and copies
  view: (P) => {
    const i = P.operand(0);
    const v = viewOp(P, P.x(i), false);
    return v && expr([i], ([t]) => v.f(t!), ([t]) => v.c(t!));
  },
  view2: (P) => {
    const i = P.operand(0);
    const v = viewOp(P, P.x(i), false);
    if (!v) return null;
    let y: T;
    try {
      y = torch.noGrad(() => v.f(P.x(i)));
    } catch {
      return null;
    }
    const w = viewOp(P, y, false);
    return w && expr([i], ([t]) => w.f(v.f(t!)), ([t]) => w.c(v.c(t!)));
  },
  t: unary(m((x) => x.t(), (x) => `${x}.t()`), (x) => x.dim() <= 2),
  mT: unary(m((x) => x.mT, (x) => `${x}.mT`), (x) => x.dim() >= 2),
  movedim: (P) => {
    const i = P.operand(0);
    const r = P.x(i).dim();
    if (r === 0) return null;
    const s = P.dim(r);
    const d = P.dim(r);
    return expr([i], ([t]) => t!.movedim(s, d), ([t]) => `${t}.movedim(${s}, ${d})`);
  },
  reshape: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const parts = factor(P, x.numel(), P.int(4));
    if (parts.length > 0 && P.coin()) parts[P.int(parts.length)] = -1;
    if (parts.length === 0 && x.numel() !== 1) return null;
    return expr([i], ([t]) => t!.reshape(parts), ([t]) => `${t}.reshape(${list(parts)})`);
  },
  flatten: (P) => {
    const i = P.operand(0);
    const r = P.x(i).dim();
    const a = P.int(Math.max(r, 1));
    const b = a + P.int(Math.max(r, 1) - a);
    return expr([i], ([t]) => t!.flatten(a, b), ([t]) => `${t}.flatten(${a}, ${b})`);
  },
  unflatten: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    if (x.dim() === 0) return null;
    const d = P.dim(x.dim());
    const sizes = factor(P, x.shape[(d + x.dim()) % x.dim()]!, 1 + P.int(3));
    return expr([i], ([t]) => t!.unflatten(d, sizes), ([t]) => `${t}.unflatten(${d}, ${list(sizes)})`);
  },
  flip: (P) => {
    const i = P.operand(0);
    const r = P.x(i).dim();
    const dims = r === 0 ? [] : P.dims(r);
    return expr([i], ([t]) => t!.flip(dims), ([t]) => `${t}.flip(${list(dims)})`);
  },
  roll: (P) => {
    const i = P.operand(0);
    const r = P.x(i).dim();
    const shift = P.int(7) - 3;
    if (r === 0 || P.int(3) === 0) return expr([i], ([t]) => t!.roll(shift), ([t]) => `${t}.roll(${shift})`);
    if (r >= 2 && P.coin()) {
      const ds = [P.int(r), P.int(r)];
      const ss = [shift, P.int(5) - 2];
      return expr([i], ([t]) => t!.roll(ss, ds), ([t]) => `${t}.roll(${list(ss)}, ${list(ds)})`);
    }
    const d = P.dim(r);
    return expr([i], ([t]) => t!.roll(shift, d), ([t]) => `${t}.roll(${shift}, ${d})`);
  },
  contiguous: unary(m((x) => x.contiguous(), (x) => `${x}.contiguous()`)),
  clone: unary(m((x) => x.clone(), (x) => `${x}.clone()`)),
  splitPick: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    if (x.dim() === 0) return null;
    const d = P.dim(x.dim());
    const size = x.shape[(d + x.dim()) % x.dim()]!;
    const k = P.int(4);
    if (k === 0) {
      const s = 1 + P.int(size);
      const n = Math.ceil(size / s);
      const pick = P.int(n);
      return expr([i], ([t]) => t!.split(s, d)[pick]!, ([t]) => `${t}.split(${s}, ${d})[${pick}]`);
    }
    if (k === 1) {
      const s = 1 + P.int(size);
      return expr([i], ([t]) => torch.cat(t!.split(s, d).reverse(), d), ([t]) => `torch.cat(${t}.split(${s}, ${d}).reverse(), ${d})`);
    }
    if (k === 2) {
      const n = 1 + P.int(size);
      const pieces = torch.noGrad(() => x.chunk(n, d)).length;
      const pick = P.int(pieces);
      return expr([i], ([t]) => t!.chunk(n, d)[pick]!, ([t]) => `${t}.chunk(${n}, ${d})[${pick}]`);
    }
    const pick = P.int(size);
    return P.coin()
      ? expr([i], ([t]) => t!.unbind(d)[pick]!, ([t]) => `${t}.unbind(${d})[${pick}]`)
      : expr([i], ([t]) => torch.stack(t!.unbind(d).reverse(), d), ([t]) => `torch.stack(${t}.unbind(${d}).reverse(), ${d})`);
  },
  repeat: (P) => {
    const i = P.operand(0);
    const r = P.x(i).dim();
    const reps = range(r + P.int(2)).map(() => 1 + P.int(2));
    if (reps.length === 0) reps.push(2);
    return P.coin() ? expr([i], ([t]) => t!.repeat(reps), ([t]) => `${t}.repeat(${list(reps)})`) : expr([i], ([t]) => t!.tile(reps), ([t]) => `${t}.tile(${list(reps)})`);
  },
  tril: (P) => {
    const i = P.operand(0);
    if (P.x(i).dim() < 2) return null;
    const k = P.int(5) - 2;
    return P.coin() ? expr([i], ([t]) => t!.tril(k), ([t]) => `${t}.tril(${k})`) : expr([i], ([t]) => t!.triu(k), ([t]) => `${t}.triu(${k})`);
  },
  asStrided: (P) => {
    // Any strided read of the storage, overlapping too (as_strided backward).
    const i = P.operand(0);
    const x = P.x(i);
    const n = x._storage.numel;
    const r = 1 + P.int(2);
    const size = range(r).map(() => 1 + P.int(3));
    const stride = range(r).map(() => P.int(3));
    const span = size.reduce((a, s, d) => a + (s - 1) * stride[d]!, 0);
    if (span >= n) return null;
    const off = P.int(n - span);
    // Reading storage outside the input's own elements has no gradient (PyTorch: undefined).
    const own = new Set(positions(shapeOf(x), [...x.stride()], x.storageOffset()));
    if (!positions(size, stride, off).every((q) => own.has(q))) return null;
    const cont = P.coin();
    if (cont) {
      const cn = x.numel();
      if (span >= cn) return null;
      const o2 = P.int(cn - span);
      return expr([i], ([t]) => t!.clone().asStrided(size, stride, o2), ([t]) => `${t}.clone().asStrided(${list(size)}, ${list(stride)}, ${o2})`);
    }
    return expr([i], ([t]) => t!.asStrided(size, stride, off), ([t]) => `${t}.asStrided(${list(size)}, ${list(stride)}, ${off})`);
  },
  // --- indexing
  gather: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const r = x.dim();
    const d = P.dim(r);
    const dd = r === 0 ? 0 : (d + r) % r;
    const xs = shapeOf(x);
    const shape = xs.map((s, e) => (e === dd ? 1 + P.int(3) : 1 + P.int(s)));
    const rnd = P.rand();
    const n = r === 0 ? 1 : xs[dd]!;
    const [name, idx] = P.index(range(numel(shape)).map(() => Math.floor(rnd() * n)), shape);
    return expr([i], ([t]) => t!.gather(d, idx), ([t]) => `${t}.gather(${d}, ${name})`);
  },
  indexSelect: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const r = x.dim();
    const d = P.dim(r);
    const n = r === 0 ? 1 : x.shape[(d + r) % r]!;
    const len = 1 + P.int(4);
    const rnd = P.rand();
    const [name, idx] = P.index(range(len).map(() => Math.floor(rnd() * n)), [len]);
    return expr([i], ([t]) => t!.indexSelect(d, idx), ([t]) => `${t}.indexSelect(${d}, ${name})`);
  },
  scatter: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const ts = shapeOf(x);
    const r = ts.length;
    if (r === 0) return null;
    const d = P.int(r);
    const add = P.coin();
    const j = P.among(1, (t) => t.dim() === r && shapeOf(t).every((sz, e) => (e === d ? add || sz <= ts[d]! : sz <= ts[e]!)));
    if (j === null) {
      if (add) return null;
      const shape = ts.map((s) => 1 + P.int(s));
      const [name, idx] = scatterIndex(P, ts, shape, d, true);
      return expr([i], ([t]) => t!.scatter(d, idx, 0.5), ([t]) => `${t}.scatter(${d}, ${name}, 0.5)`);
    }
    const [name, idx] = scatterIndex(P, ts, shapeOf(P.x(j)), d, !add);
    return add
      ? expr([i, j], ([t, s]) => t!.scatterAdd(d, idx, s!), ([t, s]) => `${t}.scatterAdd(${d}, ${name}, ${s})`)
      : expr([i, j], ([t, s]) => t!.scatter(d, idx, s!), ([t, s]) => `${t}.scatter(${d}, ${name}, ${s})`);
  },
  maskedFill: (P) => {
    const i = P.operand(0);
    const s = shapeOf(P.x(i)).map((d) => (P.int(3) === 0 ? 1 : d));
    const [name, mask] = P.mask(s.slice(P.int(2)));
    const j = P.coin() ? P.among(1, (t) => t.dim() === 0) : null;
    if (j !== null) return expr([i, j], ([t, v]) => t!.maskedFill(mask, v!), ([t, v]) => `${t}.maskedFill(${name}, ${v})`);
    const v = P.choose(SCALARS);
    return expr([i], ([t]) => t!.maskedFill(mask, v), ([t]) => `${t}.maskedFill(${name}, ${fmt(v)})`);
  },
  maskedSelect: (P) => {
    const i = P.operand(0);
    const s = shapeOf(P.x(i)).map((d) => (P.int(3) === 0 ? 1 : d));
    const [name, mask] = P.mask(s, true);
    return expr([i], ([t]) => t!.maskedSelect(mask), ([t]) => `${t}.maskedSelect(${name})`);
  },
  // --- matrix products
  mm: (P) => {
    const i = P.operand(0);
    const A = asMatrix(P.x(i));
    const a = torch.noGrad(() => A.f(P.x(i)));
    const k = a.shape[1]!;
    const j = P.among(1, (t) => t.numel() % k === 0 && (t.numel() / k) * a.shape[0]! <= CAP);
    if (j === null || P.int(4) === 0) return expr([i], ([t]) => torch.mm(A.f(t!), A.f(t!).t()), ([t]) => `torch.mm(${A.c(t!)}, ${A.c(t!)}.t())`);
    return expr([i, j], ([t, u]) => torch.mm(A.f(t!), u!.reshape([k, -1])), ([t, u]) => `torch.mm(${A.c(t!)}, ${u}.reshape([${k}, -1]))`);
  },
  bmm: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const A = x.dim() === 3 ? m((t) => t, (t) => t) : (() => {
      const M = asMatrix(x);
      return m((t) => M.f(t).unsqueeze(0), (t) => `${M.c(t)}.unsqueeze(0)`);
    })();
    const a = torch.noGrad(() => A.f(x));
    const [B, , K] = shapeOf(a) as [number, number, number];
    const j = P.among(1, (t) => t.numel() % (B * K) === 0 && (t.numel() / K) * a.shape[1]! <= CAP);
    if (j === null || P.int(4) === 0) return expr([i], ([t]) => torch.bmm(A.f(t!), A.f(t!).transpose(1, 2)), ([t]) => `torch.bmm(${A.c(t!)}, ${A.c(t!)}.transpose(1, 2))`);
    return expr([i, j], ([t, u]) => torch.bmm(A.f(t!), u!.reshape([B, K, -1])), ([t, u]) => `torch.bmm(${A.c(t!)}, ${u}.reshape([${B}, ${K}, -1]))`);
  },
  matmul: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    if (x.dim() === 0) return null;
    const j = P.among(1, (t) => {
      if (t.dim() === 0) return false;
      try {
        return torch.noGrad(() => torch.matmul(x, t)).numel() <= CAP;
      } catch {
        return false;
      }
    });
    if (j !== null && P.int(4) !== 0) return expr([i, j], ([a, b]) => torch.matmul(a!, b!), ([a, b]) => `torch.matmul(${a}, ${b})`);
    if (x.dim() === 1) return expr([i], ([a]) => a!.matmul(a!), ([a]) => `${a}.matmul(${a})`);
    return expr([i], ([a]) => a!.matmul(a!.mT), ([a]) => `${a}.matmul(${a}.mT)`);
  },
  dotMvOuter: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const n = x.numel();
    const k = P.int(3);
    if (k === 0) {
      const j = P.among(1, (t) => t.numel() === n) ?? i;
      return expr([i, j], ([a, b]) => torch.dot(a!.reshape(-1), b!.reshape(-1)), ([a, b]) => `torch.dot(${a}.reshape(-1), ${b}.reshape(-1))`);
    }
    if (k === 1) {
      const A = asMatrix(x);
      const cols = torch.noGrad(() => A.f(x)).shape[1]!;
      const j = P.among(1, (t) => t.numel() === cols);
      if (j === null) return expr([i], ([a]) => torch.mv(A.f(a!), A.f(a!).select(0, 0)), ([a]) => `torch.mv(${A.c(a!)}, ${A.c(a!)}.select(0, 0))`);
      return expr([i, j], ([a, v]) => torch.mv(A.f(a!), v!.reshape(-1)), ([a, v]) => `torch.mv(${A.c(a!)}, ${v}.reshape(-1))`);
    }
    const j = P.among(1, (t) => t.numel() * n <= CAP) ?? null;
    if (j === null) return null;
    return expr([i, j], ([a, b]) => torch.outer(a!.reshape(-1), b!.reshape(-1)), ([a, b]) => `torch.outer(${a}.reshape(-1), ${b}.reshape(-1))`);
  },
  // --- joining
  cat: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const r = x.dim();
    if (r === 0) return null;
    const d = P.dim(r);
    const dd = (d + r) % r;
    const xs = shapeOf(x);
    const fits = (t: T) => t.dim() === r && shapeOf(t).every((s, e) => e === dd || s === xs[e]);
    const j = P.among(1, fits) ?? i;
    const l = P.coin() ? P.among(2, fits) : null;
    const args = l === null ? [i, j] : [i, j, l];
    const order = P.coin() ? args : [...args].reverse();
    const total = order.reduce((a, k) => a + P.x(k).numel(), 0);
    if (total > CAP) return null;
    const pos2 = order.map((k) => args.indexOf(k));
    return expr(args, (ts) => torch.cat(pos2.map((p) => ts[p]!), d), (ts) => `torch.cat([${pos2.map((p) => ts[p]).join(', ')}], ${d})`);
  },
  stack: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const r = x.dim();
    const d = P.int(2 * r + 2) - r - 1;
    const j = P.among(1, (t) => sameShape(shapeOf(t), shapeOf(x))) ?? i;
    if (x.numel() * 2 > CAP) return null;
    return expr([i, j], ([a, b]) => torch.stack([b!, a!], d), ([a, b]) => `torch.stack([${b}, ${a}], ${d})`);
  },
  inplace: inplaceBlock,
  inplace2: inplaceBlock,
  inplaceDirect,
  inplaceDirect2: inplaceDirect,
  constViewWrite,
  constBaseWrite,
  fillTensor,
  // --- nn.functional composites
  glu: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const even = range(x.dim()).filter((d) => x.shape[d]! % 2 === 0);
    if (even.length === 0) return null;
    const d = P.choose(even) - (P.coin() ? x.dim() : 0);
    return expr([i], ([t]) => F.glu(t!, d), ([t]) => `F.glu(${t}, ${d})`);
  },
  normalize: alongDim((x, d) => F.normalize(x, { dim: d }), (x, d) => `F.normalize(${x}, { dim: ${d} })`, (x, d) => lines(x, d).every((g) => Math.hypot(...g) > 0.05), 1),
  layerNorm: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const r = x.dim();
    if (r === 0) return null;
    const k = 1 + P.int(r);
    const ns = shapeOf(x).slice(r - k);
    const gs = groups(x, range(k).map((e) => r - k + e));
    if (numel(ns) < 2 || !gs.every((g) => Math.max(...g) - Math.min(...g) > 0.1)) return null;
    return expr([i], ([t]) => F.layerNorm(t!, ns), ([t]) => `F.layerNorm(${t}, ${list(ns)})`);
  },
};

// ------------------------------------------------------------------ nn.functional ops (fused nodes)

/** `x` as [N, C, L]. */
function as3d(x: T): Fn1 {
  const r = x.dim();
  if (r === 3) return m((t) => t, (t) => t);
  if (r === 2) return m((t) => t.unsqueeze(0), (t) => `${t}.unsqueeze(0)`);
  return m((t) => t.reshape([1, 1, -1]), (t) => `${t}.reshape([1, 1, -1])`);
}

/** A float64 constant of `shape` (values in [lo, hi)), defined once outside the graph. */
function floatConst(P: Planner, shape: readonly number[], lo = -1.5, hi = 1.5): [string, T] {
  const r = P.rand();
  const flat = range(numel(shape)).map(() => Math.round((lo + r() * (hi - lo)) * 100) / 100 + 0);
  const name = `c${P.consts.length}`;
  const v = nest(flat, shape);
  P.consts.push(`const ${name} = torch.tensor(${nestCode(v)}, { dtype: 'float64' });`);
  return [name, torch.tensor(v as never, { dtype: 'float64' })];
}

const NN: Record<string, OpDef> = {
  linear: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    if (x.dim() === 0) return null;
    const k = x.shape[x.dim() - 1]!;
    const j = P.among(1, (t) => t.numel() % k === 0 && t.numel() / k <= 4);
    if (j === null) return null;
    const bias = P.coin() ? P.among(2, (t) => t.numel() === P.x(j).numel() / k) : null;
    if (bias === null) return expr([i, j], ([a, w]) => F.linear(a!, w!.reshape([-1, k])), ([a, w]) => `F.linear(${a}, ${w}.reshape([-1, ${k}]))`);
    return expr([i, j, bias], ([a, w, b]) => F.linear(a!, w!.reshape([-1, k]), b!.reshape(-1)), ([a, w, b]) => `F.linear(${a}, ${w}.reshape([-1, ${k}]), ${b}.reshape(-1))`);
  },
  conv1d: (P) => {
    const i = P.operand(0);
    const X = as3d(P.x(i));
    const [, C, L] = shapeOf(torch.noGrad(() => X.f(P.x(i)))) as [number, number, number];
    const K = 1 + P.int(3);
    const opts = { stride: 1 + P.int(2), padding: P.int(2), dilation: 1 + P.int(2) };
    if (L + 2 * opts.padding - opts.dilation * (K - 1) - 1 < 0) return null;
    const j = P.among(1, (t) => t.numel() % (C * K) === 0 && t.numel() / (C * K) <= 3);
    if (j === null) return null;
    const O = P.x(j).numel() / (C * K);
    const bias = P.coin() ? P.among(2, (t) => t.numel() === O) : null;
    const oc = `{ stride: ${opts.stride}, padding: ${opts.padding}, dilation: ${opts.dilation} }`;
    if (bias === null) return expr([i, j], ([a, w]) => F.conv1d(X.f(a!), w!.reshape([-1, C, K]), null, opts), ([a, w]) => `F.conv1d(${X.c(a!)}, ${w}.reshape([-1, ${C}, ${K}]), null, ${oc})`);
    return expr(
      [i, j, bias],
      ([a, w, b]) => F.conv1d(X.f(a!), w!.reshape([-1, C, K]), b!.reshape(-1), opts),
      ([a, w, b]) => `F.conv1d(${X.c(a!)}, ${w}.reshape([-1, ${C}, ${K}]), ${b}.reshape(-1), ${oc})`,
    );
  },
  pad: (P) => {
    const i = P.operand(0);
    const r = P.x(i).dim();
    if (r === 0) return null;
    const pads = range(Math.min(r, 1 + P.int(2)) * 2).map(() => P.int(4) - 1);
    const value = P.choose([0, 0.5]);
    return expr([i], ([t]) => F.pad(t!, pads, 'constant', value), ([t]) => `F.pad(${t}, ${list(pads)}, 'constant', ${fmt(value)})`);
  },
  loss: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const reduction = P.choose(['mean', 'sum', 'none'] as const);
    const kind = P.int(8);
    const rc = `{ reduction: '${reduction}' }`;
    if (kind <= 3) {
      const [name, tgt] = floatConst(P, shapeOf(x));
      const d = torch.noGrad(() => x.sub(tgt));
      if (kind === 0) return expr([i], ([t]) => F.mseLoss(t!, tgt, { reduction }), ([t]) => `F.mseLoss(${t}, ${name}, ${rc})`);
      if (kind === 1) return away(0)(d) ? expr([i], ([t]) => F.l1Loss(t!, tgt, { reduction }), ([t]) => `F.l1Loss(${t}, ${name}, ${rc})`) : null;
      const b = P.choose([1, 0.5]);
      if (!away(b, -b)(d)) return null;
      return kind === 2
        ? expr([i], ([t]) => F.smoothL1Loss(t!, tgt, { reduction, beta: b }), ([t]) => `F.smoothL1Loss(${t}, ${name}, { reduction: '${reduction}', beta: ${fmt(b)} })`)
        : expr([i], ([t]) => F.huberLoss(t!, tgt, { reduction, delta: b }), ([t]) => `F.huberLoss(${t}, ${name}, { reduction: '${reduction}', delta: ${fmt(b)} })`);
    }
    const [name, tgt] = floatConst(P, shapeOf(x), 0.05, 0.95);
    if (kind === 4) return expr([i], ([t]) => F.binaryCrossEntropyWithLogits(t!, tgt, { reduction }), ([t]) => `F.binaryCrossEntropyWithLogits(${t}, ${name}, ${rc})`);
    if (kind === 5) return expr([i], ([t]) => F.binaryCrossEntropy(t!.sigmoid(), tgt, { reduction }), ([t]) => `F.binaryCrossEntropy(${t}.sigmoid(), ${name}, ${rc})`);
    if (kind === 6) return expr([i], ([t]) => F.softMarginLoss(t!, tgt.sub(0.5).sign(), { reduction }), ([t]) => `F.softMarginLoss(${t}, ${name}.sub(0.5).sign(), ${rc})`);
    if (x.dim() === 0) return null;
    return expr([i], ([t]) => F.klDiv(t!.logSoftmax(-1), tgt.softmax(-1), { reduction: 'batchmean' }), ([t]) => `F.klDiv(${t}.logSoftmax(-1), ${name}.softmax(-1), { reduction: 'batchmean' })`);
  },
  crossEntropy: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    if (x.dim() === 0 || x.dim() > 2) return null;
    const sh = shapeOf(x);
    const C = sh[sh.length - 1]!;
    const N = x.dim() === 2 ? sh[0]! : null;
    const rnd = P.rand();
    const cls = range(N ?? 1).map(() => Math.floor(rnd() * C));
    const [name, tgt] = N === null ? P.index(cls, []) : P.index(cls, [N]);
    const ls = P.choose([0, 0.1]);
    const form = P.int(3);
    if (form === 0) return expr([i], ([t]) => F.crossEntropy(t!, tgt, { labelSmoothing: ls }), ([t]) => `F.crossEntropy(${t}, ${name}, { labelSmoothing: ${fmt(ls)} })`);
    if (form === 1) return expr([i], ([t]) => F.nllLoss(t!.logSoftmax(-1), tgt), ([t]) => `F.nllLoss(${t}.logSoftmax(-1), ${name})`);
    const [pn, probs] = floatConst(P, sh, 0.05, 1);
    return expr([i], ([t]) => F.crossEntropy(t!, probs.div(probs.sum(-1, true))), ([t]) => `F.crossEntropy(${t}, ${pn}.div(${pn}.sum(-1, true)))`);
  },
  pool1d: (P) => {
    const i = P.operand(0);
    const X = as3d(P.x(i));
    const x3 = torch.noGrad(() => X.f(P.x(i)));
    const L = x3.shape[2]!;
    const k = 1 + P.int(Math.min(3, L));
    const opts = { stride: 1 + P.int(2), padding: P.int(Math.floor(k / 2) + 1) };
    const oc = `{ stride: ${opts.stride}, padding: ${opts.padding} }`;
    const form = P.int(3);
    if (form === 0) return expr([i], ([t]) => F.avgPool1d(X.f(t!), k, opts), ([t]) => `F.avgPool1d(${X.c(t!)}, ${k}, ${oc})`);
    if (form === 1) {
      if (!distinct(lines(x3, 2))) return null;
      return expr([i], ([t]) => F.maxPool1d(X.f(t!), k, opts), ([t]) => `F.maxPool1d(${X.c(t!)}, ${k}, ${oc})`);
    }
    const out = 1 + P.int(L);
    return expr([i], ([t]) => F.adaptiveAvgPool1d(X.f(t!), out), ([t]) => `F.adaptiveAvgPool1d(${X.c(t!)}, ${out})`);
  },
  norm1d: (P) => {
    const i = P.operand(0);
    const X = as3d(P.x(i));
    const x3 = torch.noGrad(() => X.f(P.x(i)));
    const [N, C, L] = shapeOf(x3) as [number, number, number];
    const spread = (dims: number[]) => groups(x3, dims).every((g) => g.length > 1 && Math.max(...g) - Math.min(...g) > 0.1);
    const form = P.int(3);
    if (form === 0) {
      if (!spread([0, 2])) return null;
      return expr([i], ([t]) => F.batchNorm(X.f(t!), null, null, { training: true }), ([t]) => `F.batchNorm(${X.c(t!)}, null, null, { training: true })`);
    }
    if (form === 1) {
      if (!spread([2])) return null;
      return expr([i], ([t]) => F.instanceNorm(X.f(t!)), ([t]) => `F.instanceNorm(${X.c(t!)})`);
    }
    const G = P.choose(range(C).map((g) => g + 1).filter((g) => C % g === 0));
    const xg = torch.noGrad(() => x3.reshape([N, G, (C / G) * L]));
    if (!groups(xg, [2]).every((g) => g.length > 1 && Math.max(...g) - Math.min(...g) > 0.1)) return null;
    return expr([i], ([t]) => F.groupNorm(X.f(t!), G), ([t]) => `F.groupNorm(${X.c(t!)}, ${G})`);
  },
  embedding: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    if (x.dim() === 0) return null;
    const k = x.shape[x.dim() - 1]!;
    const rows = x.numel() / k;
    const rnd = P.rand();
    const shape = P.coin() ? [1 + P.int(3)] : [2, 2];
    const [name, idx] = P.index(range(numel(shape)).map(() => Math.floor(rnd() * rows)), shape);
    return expr([i], ([t]) => F.embedding(idx, t!.reshape([-1, k])), ([t]) => `F.embedding(${name}, ${t}.reshape([-1, ${k}]))`);
  },
  interpolate: (P) => {
    const i = P.operand(0);
    const X = as3d(P.x(i));
    const size = 1 + P.int(5);
    const mode = P.choose(['nearest', 'linear'] as const);
    if (mode === 'nearest') return expr([i], ([t]) => F.interpolate(X.f(t!), { size, mode }), ([t]) => `F.interpolate(${X.c(t!)}, { size: ${size}, mode: 'nearest' })`);
    const ac = P.coin();
    return expr([i], ([t]) => F.interpolate(X.f(t!), { size, mode, alignCorners: ac }), ([t]) => `F.interpolate(${X.c(t!)}, { size: ${size}, mode: 'linear', alignCorners: ${ac} })`);
  },
  similarity: (P) => {
    const i = P.operand(0);
    const x = P.x(i);
    const j = P.among(1, (t) => sameShape(shapeOf(t), shapeOf(x)) && t !== x);
    if (j === null || x.dim() === 0) return null;
    const d = P.dim(x.dim());
    const y = P.x(j);
    if (P.coin()) {
      const ok = lines(x, d).every((g) => Math.hypot(...g) > 0.1) && lines(y, d).every((g) => Math.hypot(...g) > 0.1);
      return ok ? expr([i, j], ([a, b]) => F.cosineSimilarity(a!, b!, { dim: d }), ([a, b]) => `F.cosineSimilarity(${a}, ${b}, { dim: ${d} })`) : null;
    }
    const diff = torch.noGrad(() => x.sub(y));
    if (!lines(diff, -1).every((g) => Math.hypot(...g) > 0.1)) return null;
    return expr([i, j], ([a, b]) => F.pairwiseDistance(a!, b!), ([a, b]) => `F.pairwiseDistance(${a}, ${b})`);
  },
};

function varStd(P: Planner, isStd: boolean): Emit | null {
  const i = P.operand(0);
  const x = P.x(i);
  const name = isStd ? 'std' : 'var';
  const form = P.int(3);
  const dims = form === 0 ? null : P.dims(x.dim());
  const correction = P.choose([1, 0, 2]);
  const keepdim = P.coin();
  const gs = groups(x, dims);
  const n = gs[0]!.length;
  if (n - correction <= 0) return null;
  if (isStd && !gs.every((g) => Math.max(...g) - Math.min(...g) > 0.05)) return null;
  const f = (t: T) => (dims === null ? (isStd ? t.std() : t.var()) : isStd ? t.std(dims, { correction, keepdim }) : t.var(dims, { correction, keepdim }));
  if (dims === null && correction !== 1) return null;
  if (form === 2 && dims !== null) {
    // The legacy boolean `unbiased` argument.
    const unbiased = correction !== 0;
    if (correction === 2) return null;
    return expr([i], ([t]) => (isStd ? t!.std(dims, unbiased) : t!.var(dims, unbiased)), ([t]) => `${t}.${name}(${list(dims)}, ${unbiased})`);
  }
  return expr([i], ([t]) => f(t!), ([t]) => (dims === null ? `${t}.${name}()` : `${t}.${name}(${list(dims)}, { correction: ${correction}, keepdim: ${keepdim} })`));
}

/** Ops whose backward saves none of their inputs (writing into those afterwards is fine). */
const HARMLESS = new Set(['view', 'view2', 't', 'mT', 'movedim', 'reshape', 'flatten', 'unflatten', 'contiguous', 'clone', 'add', 'addAlpha', 'sub', 'subAlpha', 'neg', 'sum', 'sumInt', 'mean', 'cat', 'stack', 'flip', 'roll', 'repeat', 'tril', 'splitPick', 'where', 'maskedFill']);
/** Ops whose backward does not save their output (so it may be written in place). */
const NOT_SAVING = new Set([...HARMLESS, 'mul', 'div', 'sin', 'cos', 'atan', 'erf', 'erfc', 'square', 'abs', 'clampScalar', 'lerpScalar', 'lerpTensor', 'addcmul', 'addcdiv', 'mm', 'bmm', 'matmul', 'dotMvOuter', 'gather', 'indexSelect', 'scatter', 'asStrided']);

/**
 * Cases of known open bugs, off unless FUZZ_KNOWN=1 (none open now: put a case here,
 * with the bug, while it waits for a fix).
 */
const KNOWN: Record<string, OpDef> = {};

const TABLE: [string, OpDef][] = Object.entries(WITH_KNOWN ? { ...OPS, ...NN, ...KNOWN } : { ...OPS, ...NN });

// ------------------------------------------------------------------ graphs

const planned = new Map<string, number>();
const threw = new Map<string, string>();

class Graph {
  constructor(
    readonly leaves: T[],
    private readonly leafCode: string[],
    private readonly consts: string[],
    private readonly steps: Step[],
    readonly outputs: number[],
    private readonly names: string[],
    readonly gg: boolean,
  ) {}

  /** The graph as a function of the leaves (what gradcheck differentiates). */
  readonly fn = (...xs: T[]): T[] => {
    const pool = [...xs];
    for (const s of this.steps) {
      const r = s.apply(s.args.map((i) => pool[i]!));
      if (Array.isArray(r)) pool.push(...r);
      else pool.push(r);
    }
    return this.outputs.map((i) => pool[i]!);
  };

  get opNames(): string[] {
    return this.steps.map((s) => s.name);
  }

  toString(): string {
    const args = this.leaves.map((_, i) => `x${i}`);
    const outs = this.outputs.map((i) => this.names[i]!);
    return [
      '',
      "import * as torch from 'antorcha';",
      'const F = torch.nn.functional;',
      ...this.leafCode,
      ...this.consts,
      `const f = (${args.map((a) => `${a}: torch.Tensor`).join(', ')}) => {`,
      ...this.steps.flatMap((s) => s.lines.map((l) => `  ${l}`)),
      `  return [${outs.join(', ')}];`,
      '};',
      `torch.autograd.gradcheck(f, [${args.join(', ')}]);`,
      ...(this.gg ? [`torch.autograd.gradgradcheck(f, [${args.join(', ')}]);`] : []),
      '',
    ].join('\n');
  }

  [fc.toStringMethod](): string {
    return this.toString();
  }
}

function leaf(spec: LeafSpec, base: readonly number[], i: number): [T, string] {
  const shape = base.slice(Math.min(spec.drop, base.length)).map((s, d) => ((spec.ones >> d) & 1 ? 1 : s));
  const r = rng(spec.seed);
  const draw = (n: number) => range(n).map(() => Math.round((r() * 4 - 2) * 1e4) / 1e4 + 0);
  const opts = "{ dtype: 'float64' }";
  const layout = spec.layout % 3;
  if (layout === 1 && shape.length >= 2) {
    // Stored transposed: a non-contiguous leaf.
    const st = [...shape];
    [st[st.length - 1], st[st.length - 2]] = [st[st.length - 2]!, st[st.length - 1]!];
    const v = nest(draw(numel(st)), st);
    const t = torch.tensor(v as never, { dtype: 'float64' }).mT.requiresGrad_(true);
    return [t, `const x${i} = torch.tensor(${nestCode(v)}, ${opts}).mT.requiresGrad_(true);`];
  }
  if (layout === 2 && shape.length >= 1) {
    // Every other row of a bigger tensor: a strided leaf with an unused storage tail.
    const st = [2 * shape[0]!, ...shape.slice(1)];
    const v = nest(draw(numel(st)), st);
    const t = torch.tensor(v as never, { dtype: 'float64' }).index('1::2').requiresGrad_(true);
    return [t, `const x${i} = torch.tensor(${nestCode(v)}, ${opts}).index('1::2').requiresGrad_(true);`];
  }
  const v = nest(draw(numel(shape)), shape);
  const t = torch.tensor(v as never, { dtype: 'float64', requiresGrad: true });
  return [t, `const x${i} = torch.tensor(${nestCode(v)}, { dtype: 'float64', requiresGrad: true });`];
}

function build(spec: GraphSpec): Graph {
  const P = new Planner();
  const leafCode: string[] = [];
  const leaves = spec.leaves.map((l, i) => {
    const [t, code] = leaf(l, spec.base, i);
    leafCode.push(code);
    P.pool.push(torch.noGrad(() => t.detach()));
    P.names.push(`x${i}`);
    P.saved.push(true);
    P.multi.push(false);
    P.leaves++;
    return t;
  });
  for (const os of spec.ops) {
    const [name, def] = TABLE[os.op % TABLE.length]!;
    P.start(os);
    let e: Emit | null;
    let outs: T[];
    try {
      e = torch.noGrad(() => def(P));
      if (e === null) continue;
      const emit = e;
      const r = torch.noGrad(() => emit.apply(emit.args.map((i) => P.pool[i]!)));
      outs = Array.isArray(r) ? r : [r];
    } catch (err) {
      if (!threw.has(name)) threw.set(name, String((err as Error).message).slice(0, 200));
      continue;
    }
    const fine = outs.every((o) => o.dtype === torch.float64 && o.numel() >= 1 && o.numel() <= CAP && vals(o).every((v) => Number.isFinite(v) && Math.abs(v) <= BOUND));
    if (!fine) continue;
    const base = P.pool.length;
    const outNames = outs.map((_, k) => `t${base + k}`);
    const harmless = e.harmless ?? e.args.map(() => HARMLESS.has(name));
    const saves = e.saves ?? !NOT_SAVING.has(name);
    const argStorages = e.args.map((a) => P.pool[a]!._storage);
    P.steps.push({ ...e, name, harmless, lines: e.code(e.args.map((i) => P.names[i]!), outNames), nOut: outs.length });
    outs.forEach((o, k) => {
      P.pool.push(o);
      P.names.push(outNames[k]!);
      P.saved.push(saves);
      P.multi.push(name === 'splitPick' && argStorages.includes(o._storage));
    });
    planned.set(name, (planned.get(name) ?? 0) + 1);
  }
  if (P.steps.length === 0) {
    const last = P.pool.length - 1;
    P.steps.push({ ...expr([last], ([x]) => x!.sin(), ([x]) => `${x}.sin()`), name: 'sin', harmless: [false], lines: [`const t${last + 1} = ${P.names[last]}.sin();`], nOut: 1 });
    P.names.push(`t${last + 1}`);
    P.pool.push(torch.noGrad(() => P.pool[last]!.sin()));
  }
  // Outputs: the latest result and every other unused result (up to 3), sometimes one more.
  const n = P.pool.length;
  const nl = leaves.length;
  const used = new Set(P.steps.flatMap((s) => s.args));
  const outputs = [n - 1, ...range(n - 1).reverse().filter((i) => i >= nl && !used.has(i))].slice(0, 3);
  const extra = nl + (spec.extra % Math.max(1, n - nl));
  if (spec.extra % 4 === 0 && extra < n && !outputs.includes(extra)) outputs.push(extra);
  return new Graph(leaves, leafCode, P.consts, P.steps, outputs, P.names, spec.gg);
}

const opNames = TABLE.map(([n]) => n);
const opSpec = fc.record({
  op: fc.noBias(fc.nat({ max: opNames.length - 1 })),
  a: fc.noBias(fc.nat({ max: 1000 })),
  b: fc.noBias(fc.nat({ max: 1000 })),
  c: fc.noBias(fc.nat({ max: 1000 })),
  p: fc.array(fc.noBias(fc.nat({ max: 1 << 20 })), { minLength: 8, maxLength: 8 }),
});
const leafSpec = fc.record({
  drop: fc.constantFrom(0, 0, 0, 1, 2),
  ones: fc.constantFrom(0, 0, 0, 1, 2, 4, 3, 5),
  layout: fc.noBias(fc.nat({ max: 5 })),
  seed: fc.noBias(fc.nat()),
});
const baseShape = fc
  .tuple(fc.constantFrom(0, 1, 2, 2, 3, 3), fc.array(fc.noBias(fc.integer({ min: 1, max: 3 })), { minLength: 3, maxLength: 3 }))
  .map(([r, dims]) => {
    const s = dims.slice(0, r);
    return numel(s) > 18 ? [1, ...s.slice(1)] : s;
  });
const graphSpec = fc.record({
  base: baseShape,
  leaves: fc.array(leafSpec, { minLength: 1, maxLength: 3, size: 'max' }),
  ops: fc.array(opSpec, { minLength: 1, maxLength: 8, size: 'max' }),
  extra: fc.nat({ max: 100 }),
  gg: fc.nat({ max: 3 }).map((v) => v === 0),
});
/** Random differentiable graphs (planned on their leaves' values). */
const graphArb: fc.Arbitrary<Graph> = graphSpec.map(build);

// ------------------------------------------------------------------ tests

let graphsRun = 0;
let ggRun = 0;

describe('autograd under fuzz', () => {
  afterAll(() => {
    if (!STATS) return;
    const missing = opNames.filter((n) => !planned.has(n));
    console.log(`graphs: ${graphsRun} (gradgradcheck: ${ggRun}); op kinds planned: ${planned.size}/${opNames.length}`);
    console.log(`planned: ${[...planned].sort((a, b) => a[1] - b[1]).map(([k, v]) => `${k}:${v}`).join(' ')}`);
    if (missing.length) console.log(`never planned: ${missing.join(' ')}`);
    for (const [k, v] of threw) console.log(`planning threw in ${k}: ${v}`);
  });

  it(`random graphs pass gradcheck (and a quarter gradgradcheck), ${RUNS} runs, seed ${SEED}`, () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        graphsRun++;
        if (graphsRun <= PRINT) console.log(g.toString());
        torch.autograd.gradcheck(g.fn, g.leaves, TOL);
        if (g.gg) {
          ggRun++;
          torch.autograd.gradgradcheck(g.fn, g.leaves, null, TOL);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The planner keeps the op table in play: an op it never manages to plan (say, one that
    // always throws after an API change) would go untested silently. The rarest ops plan a
    // few times per 400 graphs, so a short run may miss one or two.
    const missing = opNames.filter((n) => !planned.has(n));
    if (RUNS >= 400) expect(missing.length <= (SEED === DEFAULT_SEED ? 2 : 6) ? [] : missing).toEqual([]);
  }, 600_000);
});

// Shrunk counterexamples of bugs the fuzzer found, kept as plain cases.
describe('autograd fuzz regressions', () => {
  const x = () => torch.tensor([0.7, -1.3, 2.1], { dtype: 'float64', requiresGrad: true });

  // Core returns these ops' results as views of internal buffers (core `_base` set):
  // autograd took an in-place write into them for a write into a view of a buffer
  // that requires no grad, and dropped the gradient of the old value.
  const producers: [string, (t: T) => T][] = [
    ['sort', (t) => t.sort(0).values],
    ['repeat', (t) => t.repeat([2])],
    ['tile', (t) => t.tile([2])],
    ['roll', (t) => t.roll(1)],
    ['dot', (t) => torch.dot(t, t)],
    ['mv', (t) => torch.mv(t.unsqueeze(0), t)],
    ['matmul 1-D', (t) => torch.matmul(t.unsqueeze(0), t)],
  ];
  for (const [name, p] of producers) {
    it(`an in-place write into the result of ${name} keeps its gradient`, () => {
      const f = (t: T) => {
        const r = p(t);
        r.mul_(t.sum().sin());
        return r;
      };
      expect(torch.autograd.gradcheck(f, [x()], TOL)).toBe(true);
      expect(torch.autograd.gradgradcheck(f, [x()], null, TOL)).toBe(true);
      const r = p(x());
      r.mul_(2);
      expect(r.gradFn!.name()).toBe('MulBackward0');
    });
  }

  it('a reshape that copies is no view (PyTorch: _unsafe_view), so in-place writes record as themselves', () => {
    const f = (t: T) => {
      const r = t.unsqueeze(1).expand([3, 2]).mT.reshape(-1);
      r.mul_(t.sum().cos());
      return r;
    };
    expect(torch.autograd.gradcheck(f, [x()], TOL)).toBe(true);
    expect(torch.autograd.gradgradcheck(f, [x()], null, TOL)).toBe(true);
    const r = x().unsqueeze(1).expand([3, 2]).mT.reshape(-1);
    expect(r.gradFn!.name()).toBe('UnsafeViewBackward0');
    r.mul_(2);
    expect(r.gradFn!.name()).toBe('MulBackward0');
  });

  it('a view of a constant stays a view once written (then the constant is written again)', () => {
    // Shrunk: t1 = torch.tensor(-0.93); t2 = t1.view([-1, 1]); t2.mul_(x0); t1.mul_(x0); return [t1, t2].
    const f = (t: T) => {
      const k = torch.tensor([-0.93, 0.4, 1.2], { dtype: 'float64' });
      const v = k.view([-1, 1]);
      v.mul_(t.unsqueeze(1));
      k.mul_(t.flip([0]));
      return [k, v];
    };
    expect(torch.autograd.gradcheck(f, [x()], TOL)).toBe(true);
    expect(torch.autograd.gradgradcheck(f, [x()], null, TOL)).toBe(true);
  });

  it('a write through a view of such a result reaches the result', () => {
    // const t1 = x0.tile([2]); const t2 = t1.narrow(-1, 1, 1); t2.mul_(x0); return [t2, t1];
    const f = (t: T) => {
      const r = t.tile([2]);
      const v = r.narrow(-1, 1, 2);
      v.mul_(t.narrow(0, 0, 2));
      return [v, r];
    };
    expect(torch.autograd.gradcheck(f, [x()], TOL)).toBe(true);
    expect(torch.autograd.gradgradcheck(f, [x()], null, TOL)).toBe(true);
  });
});
