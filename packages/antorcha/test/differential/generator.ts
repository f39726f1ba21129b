/**
 * The differential suite's case generator: fast-check arbitraries that describe
 * one op call each — the op (a key of `OP_CALLS`), its arguments and keyword
 * arguments — in the JSON form the golden scripts use (`tools/golden/_common.py`,
 * `@antorcha/core/testing`): tensors carry their whole storage and an exact
 * size/stride/offset, Python floats are `{float: v}`, dtypes `{dtype: name}`,
 * slices `{slice: [start, stop, step]}`.
 *
 * What gets drawn: every dtype (mixed, for promotion), 0-d tensors, 0-size and
 * 1-size dims, broadcasting pairs and mismatched shapes that must fail, layouts
 * (contiguous, permuted/transposed, sliced with steps, expanded with stride 0,
 * storage offset, and all of them at once), edge values (±0, ±inf, nan, huge,
 * tiny, denormal, integer limits), valid and invalid dims and arguments.
 *
 * Two things a TypeScript call cannot say are never drawn, so that PyTorch and
 * Antorcha always answer the same question:
 * - a Python float with an integral value (`2.0`): in TypeScript it is the
 *   number `2`, which Antorcha treats as a Python int; float scalars are drawn
 *   non-integral (or ±inf/nan);
 * - float→integer conversions of non-finite or out-of-range values, which are
 *   undefined behaviour in PyTorch's C++ (the result depends on the CPU).
 * int64 results beyond ±2^53 are outside Antorcha's documented int64 range; the
 * fixture writer marks such cases `skip` (see differential.test.ts).
 */
import fc from 'fast-check';

export type DT = 'float32' | 'float64' | 'int32' | 'int64' | 'uint8' | 'bool';
type EncodedValue = number | 'nan' | 'inf' | '-inf' | '-0';

/** An input tensor: its whole storage and the strided view of it. */
export interface TensorArg {
  tensor: true;
  dtype: DT;
  storage: EncodedValue[];
  size: number[];
  stride: number[];
  offset: number;
}

/** One drawn call. `args`/`kwargs` are in the golden JSON form. */
export interface DiffCase {
  op: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

type Arb<T> = fc.Arbitrary<T>;

// ---------------------------------------------------------------------------
// values

/** A value as the golden JSON writes it: non-finite numbers and -0 as strings. */
export function enc(v: number): EncodedValue {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Object.is(v, -0)) return '-0';
  return v;
}

const F = Math.fround;
const EDGE = [0, -0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.5, 0.1, -0.1, 1e-7, Infinity, -Infinity, NaN, NaN, 1e30, -1e30, 1e-30, -1e-30, 88.7, -103.9, 65504, 16777216, 16777217, 8388607.5, 1e20, 4.5, -7.5];
const EDGE_F32 = [...EDGE.map(F), 3.4028234663852886e38, -3.4028234663852886e38, 1.401298464324817e-45, 1.1754943508222875e-38];
const EDGE_F64 = [...EDGE, 1.7976931348623157e308, -1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 1e300, -1e300, 9007199254740993, 4503599627370495.5, 710, -746];
const EDGE_I32 = [2147483647, -2147483648, 2147483646, -2147483647, 46340, 46341, 65536, -65536, 255, 256, -1];
const EDGE_I64 = [2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 32 + 1, -(2 ** 32), 2 ** 40, 2 ** 52, -(2 ** 52), 3037000499, 94906265, -1];
const EDGE_U8 = [255, 254, 128, 127, 16, 15, 1];

const w = <T>(weight: number, arbitrary: Arb<T>) => ({ weight, arbitrary });

/** Element values of a dtype: small integers first (what shrinking aims for), then fractions, randoms and edges. */
export function valueArb(dt: DT): Arb<number> {
  switch (dt) {
    case 'bool':
      return fc.constantFrom(0, 1);
    case 'uint8':
      return fc.oneof(w(6, fc.integer({ min: 0, max: 9 })), w(2, fc.constantFrom(...EDGE_U8)), w(2, fc.integer({ min: 0, max: 255 })));
    case 'int32':
      return fc.oneof(w(6, fc.integer({ min: -9, max: 9 })), w(2, fc.constantFrom(...EDGE_I32)), w(1, fc.integer()));
    case 'int64':
      return fc.oneof(w(6, fc.integer({ min: -9, max: 9 })), w(2, fc.constantFrom(...EDGE_I64)), w(1, fc.integer({ min: -(2 ** 52), max: 2 ** 52 })));
    case 'float32':
      return fc.oneof(
        w(5, fc.integer({ min: -9, max: 9 })),
        w(3, fc.integer({ min: -40, max: 40 }).map((k) => k / 8)),
        w(3, fc.double({ min: -10, max: 10, noNaN: true }).map(F)),
        w(3, fc.constantFrom(...EDGE_F32)),
        w(1, fc.float()),
      );
    case 'float64':
      return fc.oneof(
        w(5, fc.integer({ min: -9, max: 9 })),
        w(3, fc.integer({ min: -40, max: 40 }).map((k) => k / 8)),
        w(3, fc.double({ min: -10, max: 10, noNaN: true })),
        w(3, fc.constantFrom(...EDGE_F64)),
        w(1, fc.double()),
      );
  }
}

/**
 * Values that convert to any dtype without undefined behaviour: integers in
 * [0, 127] (also valid uint8/bool after conversion) and small negatives for signed targets.
 */
function castSafeValueArb(dt: DT, target: DT): Arb<number> {
  if (dt === 'bool') return fc.constantFrom(0, 1);
  const lo = target === 'uint8' || target === 'bool' ? 0 : -9;
  if (dt === 'float32' || dt === 'float64') {
    return fc.oneof(w(3, fc.integer({ min: lo, max: 9 })), w(1, fc.integer({ min: lo * 4, max: 40 }).map((k) => k / 4 + 0.125)));
  }
  return fc.integer({ min: dt === 'uint8' ? 0 : lo, max: 9 });
}

/** A Python int. */
export const intScalarArb: Arb<number> = fc.oneof(w(6, fc.integer({ min: -5, max: 5 })), w(1, fc.constantFrom(255, 256, 2147483647, -2147483648, 2 ** 40)));
/**
 * A Python float with a non-integral value (see the module comment), as `{float}`: huge
 * floats (1e30) are integers to JavaScript, so the largest finite one is 2^52 - 0.5.
 */
export const floatScalarArb: Arb<{ float: EncodedValue }> = fc
  .oneof(
    w(5, fc.integer({ min: -20, max: 20 }).map((k) => k / 4 + (k % 4 === 0 ? 0.5 : 0))),
    w(2, fc.constantFrom(0.1, -0.3, 1e-30, 1e-7, 2.5, -1.5, 4503599627370495.5, Infinity, -Infinity, NaN)),
    w(1, fc.double({ noNaN: false }).filter((v) => !Number.isInteger(v))),
  )
  .map((v) => ({ float: enc(v) }));
/** A Python int, float or bool. */
export const scalarArb: Arb<unknown> = fc.oneof(w(3, intScalarArb), w(3, floatScalarArb), w(1, fc.boolean()));
/** A finite Python number that converts to any dtype without undefined behaviour. */
const safeScalarArb: Arb<unknown> = fc.oneof(w(3, fc.integer({ min: 0, max: 9 })), w(2, fc.constantFrom(0.5, 2.75, 1.25, 7.5).map((v) => ({ float: v }))), w(1, fc.boolean()));

export const DTYPES: readonly DT[] = ['float32', 'float64', 'int32', 'int64', 'uint8', 'bool'];
/** A dtype, float32 most often (and first, where shrinking goes). */
export const dtypeArb: Arb<DT> = fc.constantFrom<DT>('float32', 'float32', 'float64', 'int64', 'int32', 'uint8', 'bool');
const floatDtypeArb: Arb<DT> = fc.constantFrom<DT>('float32', 'float64');
/** A second dtype: the same as the first most of the time, any other otherwise. */
const pairDtype = (a: DT): Arb<DT> => fc.oneof(w(3, fc.constant(a)), w(2, dtypeArb));

// ---------------------------------------------------------------------------
// shapes and layouts

const MAX_NUMEL = 48;
const dimSizeArb: Arb<number> = fc.oneof(w(10, fc.integer({ min: 1, max: 4 })), w(1, fc.constant(0)), w(1, fc.integer({ min: 5, max: 7 })));

const numel = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
function capNumel(s: number[], max = MAX_NUMEL): number[] {
  const r = [...s];
  while (numel(r) > max) {
    const i = r.indexOf(Math.max(...r));
    r[i] = Math.max(1, Math.floor(r[i]! / 2));
  }
  return r;
}

/** A shape of `min`..`max` dims (0-d, 1-d and 2-d most often), at most 48 elements. */
export function shapeArb(min = 0, max = 4): Arb<number[]> {
  const weights = [2, 4, 5, 3, 1];
  const arbs = [];
  for (let n = min; n <= max; n++) arbs.push(w(weights[n] ?? 1, fc.tuple(...new Array<Arb<number>>(n).fill(dimSizeArb)).map((s) => capNumel(s))));
  return fc.oneof(...arbs);
}

interface Layout {
  stride: number[];
  offset: number;
  len: number;
}

function contiguousStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1]! * Math.max(shape[i + 1]!, 1);
  return s;
}

/**
 * The physical layout of a logical shape: `perm` orders dims outermost to innermost in
 * storage, `steps` slices with a step, `expand` gives stride 0, `offset` skips storage.
 */
function layoutOf(shape: readonly number[], perm: readonly number[], steps: readonly number[], expand: readonly boolean[], offset: number): Layout {
  const stride = new Array<number>(shape.length).fill(0);
  let acc = 1;
  for (let k = perm.length - 1; k >= 0; k--) {
    const d = perm[k]!;
    if (expand[d]) continue;
    stride[d] = acc * steps[d]!;
    acc *= Math.max(shape[d]!, 1) * steps[d]!;
  }
  const n = numel(shape);
  const len = n === 0 ? offset : offset + shape.reduce((a, s, i) => a + (s - 1) * stride[i]!, 0) + 1;
  return { stride, offset, len };
}

/** Contiguous first (shrinking target), then transposed, permuted, stepped, expanded, offset, or several at once. */
export function layoutArb(shape: readonly number[]): Arb<Layout> {
  const n = shape.length;
  const ident = [...Array(n).keys()];
  const swapLast = n >= 2 ? [...ident.slice(0, n - 2), n - 1, n - 2] : ident;
  const perm = n >= 2 ? fc.oneof(w(6, fc.constant(ident)), w(2, fc.constant(swapLast)), w(1, fc.shuffledSubarray(ident, { minLength: n, maxLength: n }))) : fc.constant(ident);
  const ones = new Array<number>(n).fill(1);
  const steps = fc.oneof(w(4, fc.constant(ones)), w(1, fc.tuple(...shape.map(() => fc.constantFrom(1, 2, 3)))));
  const noExpand = new Array<boolean>(n).fill(false);
  const expand = fc.oneof(w(5, fc.constant(noExpand)), w(1, fc.tuple(...shape.map(() => fc.boolean()))));
  const offset = fc.oneof(w(5, fc.constant(0)), w(1, fc.integer({ min: 1, max: 3 })));
  return fc.tuple(perm, steps, expand, offset).map(([p, s, e, o]) => layoutOf(shape, p, s, e, o));
}

/** A tensor of the given dtype and shape in a drawn layout, its storage filled from `values`. */
export function tensorArb(dt: DT, shape: readonly number[], values: Arb<number> = valueArb(dt), layouts = true): Arb<TensorArg> {
  const lay = layouts ? layoutArb(shape) : fc.constant(layoutOf(shape, [...shape.keys()], shape.map(() => 1), shape.map(() => false), 0));
  return lay.chain((l) =>
    fc.array(values, { minLength: l.len, maxLength: l.len }).map((storage) => ({
      tensor: true as const,
      dtype: dt,
      storage: storage.map(enc),
      size: [...shape],
      stride: l.stride,
      offset: l.offset,
    })),
  );
}

/** Any tensor: drawn dtype (or `dtypes`), drawn shape. */
export function anyTensorArb(dtypes: Arb<DT> = dtypeArb, shape: Arb<number[]> = shapeArb()): Arb<TensorArg> {
  return fc.tuple(dtypes, shape).chain(([dt, s]) => tensorArb(dt, s));
}

/**
 * `k` shapes that broadcast together (leading dims dropped, dims set to 1), or, now
 * and then, one dim of one shape changed so that they must not.
 */
export function broadcastShapesArb(k: number, base: Arb<number[]> = shapeArb()): Arb<number[][]> {
  const one = fc.record({
    drop: fc.oneof(w(3, fc.constant(0)), w(1, fc.integer({ min: 0, max: 4 }))),
    ones: fc.tuple(...new Array(4).fill(fc.constantFrom(false, false, false, true))) as Arb<boolean[]>,
  });
  const mismatch = fc.oneof(w(10, fc.constant(null)), w(1, fc.record({ which: fc.integer({ min: 0, max: k - 1 }), dim: fc.integer({ min: 0, max: 3 }), delta: fc.integer({ min: 1, max: 2 }) })));
  return fc.tuple(base, fc.tuple(...new Array(k).fill(one)) as Arb<{ drop: number; ones: boolean[] }[]>, mismatch).map(([b, ops, mm]) => {
    const shapes = ops.map(({ drop, ones }) => {
      const s = b.slice(Math.min(drop, b.length));
      return s.map((d, i) => (ones[i] ? 1 : d));
    });
    if (mm) {
      const s = shapes[mm.which]!;
      if (s.length) {
        const i = mm.dim % s.length;
        s[i] = s[i] === 1 ? 1 + mm.delta : s[i]! + mm.delta;
      }
    }
    return shapes;
  });
}

/** A dim of an `n`-dim tensor: valid mostly (0-d tensors take -1 and 0), sometimes out of range. */
export function dimArb(n: number): Arb<number> {
  const m = Math.max(n, 1);
  return fc.oneof(w(8, fc.integer({ min: -m, max: m - 1 })), w(1, fc.constantFrom(m, -m - 1)));
}

/**
 * A list of dims: distinct valid ones mostly; sometimes a duplicate, an invalid one or (when
 * `empty`) the empty list.
 */
function dimListArb(n: number, empty = true): Arb<number[]> {
  const m = Math.max(n, 1);
  const valid = fc.shuffledSubarray([...Array(m).keys()], { minLength: 1, maxLength: m }).chain((ds) => fc.tuple(...ds.map((d) => fc.constantFrom(d, d - m))));
  const invalid = w(1, fc.array(dimArb(n), { minLength: 1, maxLength: 3 }));
  return empty ? fc.oneof(w(8, valid), invalid, w(1, fc.constant<number[]>([]))) : fc.oneof(w(8, valid), invalid);
}

// ---------------------------------------------------------------------------
// op families

const C = (op: string, args: unknown[], kwargs: Record<string, unknown> = {}): DiffCase => {
  const kw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kwargs)) if (v !== undefined) kw[k] = v;
  return { op, args, kwargs: kw };
};
const opt = <T>(arb: Arb<T>, weight = 1, noneWeight = 2): Arb<T | undefined> => fc.oneof(w(noneWeight, fc.constant(undefined)), w(weight, arb));
const dtypeKw = (a: Arb<DT> = dtypeArb) => a.map((d) => ({ dtype: d }));

/** Two (or `k`) tensors of broadcastable shapes, the first dtype drawn, the others mostly the same. */
function broadcastTensorsArb(k: number, first: Arb<DT> = dtypeArb, base?: Arb<number[]>): Arb<TensorArg[]> {
  return fc.tuple(first, broadcastShapesArb(k, base)).chain(([dt, shapes]) =>
    fc.tuple(...shapes.map((_, i) => (i === 0 ? fc.constant(dt) : pairDtype(dt)))).chain((dts) => fc.tuple(...shapes.map((s, i) => tensorArb(dts[i]!, s)))),
  );
}

const UNARY = ['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sqrt', 'rsqrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'sigmoid', 'reciprocal', 'erf', 'erfc', 'erfinv', 'neg', 'abs', 'sign', 'relu', 'floor', 'ceil', 'round', 'trunc', 'frac', 'square', 'isnan', 'isinf', 'isfinite', 'logical_not', 'bitwise_not', 'exp_', 'neg_', 'zero_', 'contiguous', 'clone', 'nonzero', 't'];
const BINARY_SCALAR = ['add', 'sub', 'mul', 'div', 'pow', 'remainder', 'fmod', 'floor_divide', 'eq', 'ne', 'lt', 'le', 'gt', 'ge'];
const BINARY_TENSOR = ['maximum', 'minimum', 'fmax', 'fmin', 'atan2', 'hypot', 'logical_and', 'logical_or', 'logical_xor'];
const SCALAR_LEFT = new Set(['add', 'sub', 'mul', 'div']);
const BINARY_INPLACE = ['add_', 'sub_', 'mul_', 'div_', 'pow_'];
const REDUCE_LIST = ['sum', 'nansum', 'mean', 'amax', 'amin', 'logsumexp', 'var', 'std', 'norm'];
const REDUCE_INT = ['prod', 'argmax', 'argmin', 'all', 'any'];

function binaryKw(op: string): Arb<Record<string, unknown>> {
  if (op === 'add' || op === 'sub' || op === 'add_' || op === 'sub_') return opt(fc.oneof(intScalarArb, floatScalarArb, fc.boolean()), 1, 3).map((alpha) => ({ alpha }));
  if (op === 'div') return opt(fc.constantFrom('trunc', 'floor'), 2, 3).map((m) => ({ rounding_mode: m }));
  return fc.constant({});
}

function binaryArb(op: string): Arb<DiffCase> {
  const tt = broadcastTensorsArb(2);
  const forms: { weight: number; arbitrary: Arb<unknown[]> }[] = [w(6, tt)];
  if (BINARY_SCALAR.includes(op)) forms.push(w(2, fc.tuple(anyTensorArb(), scalarArb)));
  const main = fc.tuple(fc.oneof(...forms), binaryKw(op)).map(([args, kw]) => C(op, args, kw));
  if (!SCALAR_LEFT.has(op)) return main;
  // a number on the left: `2.5 - x` in Python, `torch.sub(2.5, x)` in TypeScript
  return fc.oneof(w(6, main), w(1, fc.tuple(scalarArb, anyTensorArb()).map((args) => C(op, args))));
}

function binaryInplaceArb(op: string): Arb<DiffCase> {
  // `other` broadcasts to `self` mostly (drawn from self's shape), sometimes the other way round (must fail)
  const other = fc.oneof(w(5, broadcastTensorsArb(2)), w(1, broadcastTensorsArb(2).map(([a, b]) => [b, a] as TensorArg[])));
  const ts = fc.tuple(anyTensorArb(), scalarArb);
  return fc.tuple(fc.oneof(w(3, other), w(1, ts)), binaryKw(op)).map(([args, kw]) => C(op, args, kw));
}

function whereArb(): Arb<DiffCase> {
  const cond = fc.constantFrom<DT>('bool', 'bool', 'bool', 'bool', 'bool', 'bool', 'uint8', 'float32');
  return fc.tuple(cond, broadcastShapesArb(3), dtypeArb).chain(([cdt, [cs, as, bs], dt]) =>
    fc.tuple(tensorArb(cdt, cs!), pairDtype(dt).chain((d) => tensorArb(d, as!)), pairDtype(dt).chain((d) => tensorArb(d, bs!)), fc.integer({ min: 0, max: 7 }), scalarArb).map(([c, a, b, form, s]) =>
      C('where', form === 0 ? [c, s, b] : form === 1 ? [c, a, s] : [c, a, b]),
    ),
  );
}

function clampArb(op: 'clamp' | 'clamp_'): Arb<DiffCase> {
  const num = fc.oneof(intScalarArb, floatScalarArb);
  const scalars = fc.tuple(anyTensorArb(), opt(num, 3, 1), opt(num, 3, 1)).map(([x, min, max]) => C(op, [x], { min, max }));
  // tensor bounds (PyTorch takes both bounds as tensors or both as numbers)
  const tensors = broadcastTensorsArb(3).chain(([x, lo, hi]) => fc.integer({ min: 0, max: 2 }).map((f) => C(op, [x], { min: f === 1 ? undefined : lo, max: f === 2 ? undefined : hi })));
  return fc.oneof(w(3, scalars), w(1, tensors));
}

function addcArb(op: string): Arb<DiffCase> {
  const value = opt(fc.oneof(intScalarArb, floatScalarArb), 2, 1);
  const first = fc.constantFrom<DT>('float32', 'float32', 'float64', 'int64', 'int32');
  return fc.tuple(broadcastTensorsArb(3, first), value).map(([ts, v]) => C(op, ts, { value: v }));
}

function lerpArb(): Arb<DiffCase> {
  const tensors = broadcastTensorsArb(3, floatDtypeArb).map((ts) => C('lerp', ts));
  const scalarW = fc.tuple(broadcastTensorsArb(2, floatDtypeArb), fc.oneof(floatScalarArb, intScalarArb)).map(([[a, b], wt]) => C('lerp', [a, b, wt]));
  return fc.oneof(scalarW, tensors);
}

function reduceArb(op: string): Arb<DiffCase> {
  const lists = REDUCE_LIST.includes(op);
  const needsDim = op === 'logsumexp';
  return anyTensorArb().chain((x) => {
    const n = x.size.length;
    // logsumexp(x, dim=[]) raises from a shape slip inside PyTorch's own logsumexp (its amax keeps
    // dims, its sum does not), not from the argument: no empty dim list for it
    const dim = lists ? fc.oneof(w(2, dimArb(n)), w(1, dimListArb(n, op !== 'logsumexp'))) : dimArb(n);
    const dimKw = needsDim ? dim : opt(dim, 2, 1);
    let extra: Arb<Record<string, unknown>> = fc.constant({});
    if (op === 'sum') extra = opt(dtypeArb, 1, 4).map((dtype) => ({ dtype: dtype && { dtype } }));
    if (op === 'var' || op === 'std') extra = fc.oneof(fc.constant({}), fc.constantFrom(0, 1, 2).map((c) => ({ correction: c })), fc.boolean().map((u) => ({ unbiased: u })));
    if (op === 'norm') extra = opt(fc.constantFrom<unknown>(2, 1, 3, 0, { float: 'inf' }, { float: '-inf' }, { float: 1.5 }, { float: 0.5 }), 3, 1).map((p) => ({ p }));
    return fc.tuple(dimKw, fc.boolean(), extra).map(([d, keepdim, e]) => C(op, [x], { dim: d, keepdim: d === undefined ? undefined : keepdim, ...e }));
  });
}

function maxMinArb(op: 'max' | 'min'): Arb<DiffCase> {
  return fc.oneof(w(3, reduceArb(op)), w(1, broadcastTensorsArb(2).map((ts) => C(op, ts))));
}

function dimOpArb(op: string, dtypes: Arb<DT> = dtypeArb): Arb<DiffCase> {
  return anyTensorArb(dtypes).chain((x) => dimArb(x.size.length).map((d) => C(op, [x, d])));
}

function linalgArb(op: string): Arb<DiffCase> {
  const sz = fc.integer({ min: 0, max: 4 });
  const dts = fc.tuple(fc.constantFrom<DT>('float32', 'float32', 'float64', 'int64', 'int32'), fc.integer({ min: 0, max: 5 })).chain(([a, mix]) => fc.tuple(fc.constant(a), mix === 0 ? dtypeArb : fc.constant(a)));
  const bad = fc.oneof(w(8, fc.constant(0)), w(1, fc.integer({ min: 1, max: 2 })));
  let shapes: Arb<number[][]>;
  switch (op) {
    case 'mm':
      shapes = fc.tuple(sz, sz, sz, bad).map(([n, k, m, b]) => [[n, k], [k + b, m]]);
      break;
    case 'bmm':
      shapes = fc.tuple(fc.integer({ min: 0, max: 3 }), sz, sz, sz, bad).map(([bt, n, k, m, b]) => [[bt, n, k], [bt, k + b, m]]);
      break;
    case 'dot':
      shapes = fc.tuple(sz, bad).map(([k, b]) => [[k], [k + b]]);
      break;
    case 'mv':
      shapes = fc.tuple(sz, sz, bad).map(([n, k, b]) => [[n, k], [k + b]]);
      break;
    case 'outer':
      shapes = fc.tuple(sz, sz).map(([n, m]) => [[n], [m]]);
      break;
    default: // matmul: 1-d to 4-d on either side, batch dims broadcasting
      shapes = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), sz, sz, sz, broadcastShapesArb(2, shapeArb(0, 2)), bad).map(([ra, rb, n, k, m, [ba, bb], b]) => {
        const a = ra === 1 ? [k] : [...ba!.slice(0, ra - 2), n, k];
        const bs = rb === 1 ? [k + b] : [...bb!.slice(0, rb - 2), k + b, m];
        return [a, bs].map((s) => capNumel(s, 64));
      });
  }
  // Operands of two dtypes are drawn non-empty: with an empty operand PyTorch 1.13 returns a result
  // where 2.x checks the dtypes first (mm: LinearAlgebra.cpp addmm_impl_cpu_), so the oracle here cannot say.
  const nonEmpty = (s: number[]) => s.map((d) => Math.max(d, 1));
  return fc.tuple(shapes, dts).chain(([[sa, sb], [da, db]]) =>
    fc.tuple(tensorArb(da, da === db ? sa! : nonEmpty(sa!)), tensorArb(db, da === db ? sb! : nonEmpty(sb!))).map((args) => C(op, args)),
  );
}

function catStackArb(op: 'cat' | 'stack'): Arb<DiffCase> {
  return fc.tuple(shapeArb(op === 'cat' ? 1 : 0, 3), fc.integer({ min: 1, max: 3 }), dtypeArb).chain(([base, count, dt]) => {
    const n = base.length;
    const d = op === 'cat' ? dimArb(n) : dimArb(n + 1);
    return d.chain((dim) => {
      const wd = ((dim % Math.max(n, 1)) + Math.max(n, 1)) % Math.max(n, 1);
      const member = fc.tuple(pairDtype(dt), fc.integer({ min: 0, max: 3 }), fc.oneof(w(12, fc.constant('ok')), w(1, fc.constant('mismatch')), w(1, fc.constant('empty1d')))).chain(([mdt, len, kind]) => {
        let s = [...base];
        if (op === 'cat' && n) s[wd] = len;
        if (kind === 'mismatch' && n) s[(wd + 1) % n] = s[(wd + 1) % n]! + 1;
        if (kind === 'empty1d' && op === 'cat') s = [0];
        return tensorArb(mdt, s);
      });
      return fc.tuple(fc.array(member, { minLength: count, maxLength: count }), fc.boolean()).map(([ts, withDim]) => C(op, [ts], { dim: withDim || dim !== 0 ? dim : undefined }));
    });
  });
}

function splitArb(op: 'split' | 'chunk'): Arb<DiffCase> {
  return anyTensorArb(dtypeArb, shapeArb(1, 3)).chain((x) => {
    const n = x.size.length;
    return dimArb(n).chain((dim) => {
      const wd = ((dim % n) + n) % n;
      const size = x.size[wd] ?? 1;
      let s: Arb<unknown>;
      if (op === 'chunk') s = fc.oneof(w(8, fc.integer({ min: 1, max: 5 })), w(1, fc.constant(0)));
      else {
        const sections = fc.integer({ min: 1, max: 3 }).chain((k) => fc.array(fc.integer({ min: 0, max: size }), { minLength: k, maxLength: k })).map((parts) => {
          const total = parts.reduce((a, b) => a + b, 0);
          return total <= size ? [...parts, size - total] : parts; // sums to the size, or (too long) must fail
        });
        s = fc.oneof(w(3, fc.integer({ min: 1, max: 4 })), w(2, sections), w(1, fc.constant(0)));
      }
      return fc.tuple(s, fc.boolean()).map(([arg, withDim]) => C(op, [x, arg], { dim: withDim || dim !== 0 ? dim : undefined }));
    });
  });
}

/** An index tensor for `dim` of a `size`-long dim: in range mostly, sometimes -1 or `size` (must fail). */
function indexValues(size: number): Arb<number> {
  return fc.oneof(w(12, fc.integer({ min: 0, max: Math.max(size - 1, 0) })), w(1, fc.constantFrom(-1, size, -size - 1)));
}
const indexDtype = fc.constantFrom<DT>('int64', 'int64', 'int64', 'int64', 'int64', 'int64', 'int32', 'float32');

function gatherArb(op: string): Arb<DiffCase> {
  // x, dim, and an index tensor of the same rank, no larger than x off `dim`
  return anyTensorArb().chain((x) => {
    const n = x.size.length;
    return dimArb(n).chain((dim) => {
      const wd = n === 0 ? 0 : ((dim % n) + n) % n;
      const scatterish = op !== 'gather';
      const size = n === 0 ? 1 : x.size[wd]!;
      // plain scatter with repeated indices writes in an unspecified order: distinct indices along `dim`
      const distinct = op === 'scatter' || op === 'scatter_';
      const alongDim = fc.integer({ min: 0, max: distinct ? Math.min(4, size) : 4 });
      const idxShape = fc.tuple(...x.size.map((s, i) => (i === wd ? alongDim : fc.integer({ min: 0, max: s })))).map((s) => capNumel(s));
      return fc.tuple(idxShape, indexDtype).chain(([is, idt]) => {
        const count = numel(is);
        const idx = distinct
          ? fc.tuple(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: count, maxLength: count }), fc.oneof(w(10, fc.constant(null)), w(1, fc.constantFrom(-1, size)))).map(([shifts, bad]): TensorArg => {
              // element j along dim gets (j + the shift drawn for its line) mod size: distinct in each line
              const st = n === 0 ? 0 : contiguousStrides(is)[wd]!;
              const vals = shifts.map((_, flat) => {
                const j = n === 0 ? 0 : Math.floor(flat / st) % is[wd]!;
                return size === 0 ? 0 : (j + shifts[flat - j * st]!) % size;
              });
              if (bad !== null && vals.length) vals[0] = bad;
              return { tensor: true, dtype: idt, storage: vals, size: is, stride: contiguousStrides(is), offset: 0 };
            })
          : tensorArb(idt, is, indexValues(size));
        if (!scatterish) return idx.map((i) => C(op, [x, dim, i]));
        const srcShape = fc.tuple(...is.map((s) => fc.integer({ min: s, max: s + 1 })));
        const src = fc.tuple(srcShape, pairDtype(x.dtype)).chain(([ss, sdt]) => tensorArb(sdt, ss));
        const reduce = op === 'scatter' ? opt(fc.constantFrom('add', 'multiply'), 1, 3) : fc.constant(undefined);
        const value = op === 'scatter_add' ? src : fc.oneof(w(3, src), w(1, x.dtype === 'float32' || x.dtype === 'float64' ? scalarArb : safeScalarArb));
        return fc.tuple(idx, value, reduce).map(([i, v, r]) => C(op, [x, dim, i, v], { reduce: r }));
      });
    });
  });
}

function indexSelectArb(): Arb<DiffCase> {
  return anyTensorArb().chain((x) => {
    const n = x.size.length;
    return dimArb(n).chain((dim) => {
      const size = n === 0 ? 1 : x.size[(((dim % n) + n) % n)]!;
      return fc.tuple(shapeArb(0, 1), indexDtype).chain(([is, idt]) => tensorArb(idt, is, indexValues(size)).map((i) => C('index_select', [x, dim, i])));
    });
  });
}

function maskArb(op: string): Arb<DiffCase> {
  const maskDt = fc.constantFrom<DT>('bool', 'bool', 'bool', 'bool', 'bool', 'bool', 'uint8', 'int64');
  return fc.tuple(dtypeArb, broadcastShapesArb(2), maskDt).chain(([dt, [xs, ms], mdt]) => {
    // masked_fill broadcasts the mask to x only; masked_select broadcasts both
    const [xs2, ms2] = op === 'masked_select' ? [xs!, ms!] : [xs!.length >= ms!.length ? xs! : ms!, xs!.length >= ms!.length ? ms! : xs!];
    const x = tensorArb(dt, xs2);
    // masks of other dtypes hold 0/1 mostly (PyTorch 2.x rejects them whatever they hold)
    const mask = tensorArb(mdt, ms2, mdt === 'bool' ? valueArb('bool') : fc.oneof(w(4, fc.constantFrom(0, 1)), w(1, valueArb(mdt))));
    if (op === 'masked_select') return fc.tuple(x, mask).map((args) => C(op, args));
    const isFloat = dt === 'float32' || dt === 'float64';
    const value = fc.oneof(w(4, isFloat ? scalarArb : safeScalarArb), w(1, fc.tuple(isFloat ? dtypeArb : fc.constantFrom<DT>('int64', 'float32', 'bool'), shapeArb(0, 1)).chain(([vdt, vs]) => tensorArb(vdt, vs.length ? vs : [], castSafeValueArb(vdt, dt)))));
    return fc.tuple(x, mask, value).map((args) => C(op, args));
  });
}

function sortArb(op: string): Arb<DiffCase> {
  return anyTensorArb().chain((x) => {
    const n = x.size.length;
    const dim = opt(dimArb(n), 3, 1);
    if (op === 'topk') {
      return fc.tuple(dim, opt(fc.boolean(), 1, 1)).chain(([d, largest]) => {
        const size = n === 0 ? 1 : d === undefined ? x.size[n - 1]! : (x.size[(((d % n) + n) % n)] ?? 1);
        return fc.oneof(w(6, fc.integer({ min: 0, max: size })), w(1, fc.constantFrom(size + 1, -1))).map((k) => C(op, [x, k], { dim: d, largest }));
      });
    }
    return fc.tuple(dim, opt(fc.boolean(), 1, 1)).map(([d, desc]) => C(op, [x], { dim: d, descending: desc, stable: true }));
  });
}

function reorderArb(op: string): Arb<DiffCase> {
  return anyTensorArb().chain((x) => {
    const n = x.size.length;
    const dims = fc.oneof(w(4, dimListArb(n)), w(1, dimArb(n)));
    switch (op) {
      case 'flip':
        return dimListArb(n).map((d) => C(op, [x, d]));
      case 'roll':
        return fc.oneof(
          fc.integer({ min: -7, max: 7 }).map((s) => C(op, [x, s])),
          fc.tuple(fc.integer({ min: -7, max: 7 }), dimArb(n)).map(([s, d]) => C(op, [x, s, d])),
          dims.chain((d) => fc.array(fc.integer({ min: -5, max: 5 }), { minLength: Array.isArray(d) ? d.length : 1, maxLength: Array.isArray(d) ? d.length + 1 : 1 }).map((s) => C(op, [x, s, d]))),
        );
      case 'repeat':
        // at least one size: `x.repeat()` is a Python TypeError (a missing argument) that TypeScript cannot express
        return fc.array(fc.integer({ min: 0, max: 3 }), { minLength: Math.max(1, n - 1), maxLength: n + 2 }).map((s) => C(op, [x, ...s]));
      case 'tile':
        return fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: n + 1 }).map((s) => C(op, [x, s]));
      default: // tril, triu
        return opt(fc.integer({ min: -3, max: 3 }), 3, 1).map((k) => C(op, k === undefined ? [x] : [x, k]));
    }
  });
}

/** Shapes with the same number of elements as `s` (one may carry a -1), and a few that must fail. */
function reshapeTargets(s: readonly number[]): number[][] {
  const n = numel(s);
  const out: number[][] = [[n], [-1], [...s].reverse(), [1, ...s], [...s, 1], [n + 1], [-1, -1]];
  if (s.length) out.push(s.map((d, i) => (i === 0 ? -1 : d)));
  if (s.length >= 2) out.push([s[0]! * s[1]!, ...s.slice(2)]);
  for (const d of s) if (d % 2 === 0 && d > 0) out.push([2, -1]);
  if (n === 0) out.push([0, -1], [3, 0]);
  return out;
}

function viewArb(op: string): Arb<DiffCase> {
  return anyTensorArb().chain((x): Arb<DiffCase> => {
    const s = x.size;
    const n = s.length;
    const perm = fc.oneof(w(6, fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })), w(1, fc.array(dimArb(n), { minLength: n, maxLength: n + 1 })));
    switch (op) {
      case 'view':
      case 'reshape':
        return fc.constantFrom(...reshapeTargets(s)).map((t) => C(op, [x, t]));
      case 'permute':
        return perm.map((p) => C(op, [x, p]));
      case 'movedim':
        return fc.tuple(dimArb(n), dimArb(n)).map(([a, b]) => C(op, [x, a, b]));
      case 'transpose':
        return fc.tuple(dimArb(n), dimArb(n)).map(([a, b]) => C(op, [x, a, b]));
      case 'expand': {
        const dimTarget = (d: number) => (d === 1 ? fc.constantFrom(1, 2, 3, -1) : fc.oneof(w(6, fc.constantFrom(d, -1)), w(1, fc.constant(d + 1))));
        return fc.tuple(fc.tuple(...s.map(dimTarget)), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 })).map(([t, lead]) => C(op, [x, [...lead, ...t]]));
      }
      case 'squeeze':
      case 'unbind':
        return opt(dimArb(n), 3, 1).map((d) => C(op, d === undefined ? [x] : [x, d]));
      case 'unsqueeze':
        return dimArb(n + 1).map((d) => C(op, [x, d]));
      case 'flatten':
        return fc.tuple(opt(dimArb(n)), opt(dimArb(n))).map(([a, b]) => C(op, a === undefined ? [x] : b === undefined ? [x, a] : [x, a, b]));
      case 'unflatten':
        return dimArb(n).chain((d) => {
          const size = s[(((d % Math.max(n, 1)) + Math.max(n, 1)) % Math.max(n, 1))] ?? 1;
          const targets = [[size], [1, size], [size, 1], [-1, 1], [1, -1], [size + 1], [-1, -1]];
          if (size % 2 === 0) targets.push([2, size / 2], [2, -1]);
          return fc.constantFrom(...targets).map((t) => C(op, [x, d, t]));
        });
      case 'narrow':
        return dimArb(n).chain((d) => {
          const size = s[(((d % Math.max(n, 1)) + Math.max(n, 1)) % Math.max(n, 1))] ?? 1;
          return fc.tuple(fc.integer({ min: -size - 1, max: size + 1 }), fc.integer({ min: 0, max: size + 1 })).map(([st, len]) => C(op, [x, d, st, len]));
        });
      case 'select':
        return dimArb(n).chain((d) => {
          const size = s[(((d % Math.max(n, 1)) + Math.max(n, 1)) % Math.max(n, 1))] ?? 1;
          return fc.integer({ min: -size - 1, max: size }).map((i) => C(op, [x, d, i]));
        });
      case 'as_strided': {
        const len = x.storage.length;
        return fc.tuple(shapeArb(0, 3), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: Math.max(len, 1) })).map(([size, stride, off]) => C(op, [x, size, stride.slice(0, size.length), off]));
      }
      default: // index
        return indexSpecArb(s).map((spec) => C('index', [x, spec]));
    }
  });
}

/** A basic-indexing spec (`x[1, 0:3:2, None, ...]`): ints, slices, None, at most one ellipsis (now and then two, or a bad step). */
function indexSpecArb(s: readonly number[]): Arb<unknown[]> {
  const n = s.length;
  const bound = Math.max(...s, 1) + 2;
  const end = opt(fc.integer({ min: -bound, max: bound }), 3, 1).map((v) => (v === undefined ? null : v));
  const step = fc.oneof(w(6, fc.constant(null)), w(3, fc.integer({ min: 1, max: 3 })), w(1, fc.constantFrom(0, -1)));
  const item = fc.oneof(
    w(4, fc.integer({ min: -bound, max: bound - 1 })),
    w(4, fc.tuple(end, end, step).map((sl) => ({ slice: sl }))),
    w(1, fc.constant(null)),
    w(1, fc.constant('...')),
  );
  return fc.array(item, { minLength: 1, maxLength: n + 1 });
}

function creationArb(op: string): Arb<DiffCase> {
  const num = fc.oneof(w(3, fc.integer({ min: -6, max: 6 })), w(1, fc.integer({ min: -24, max: 24 }).map((k) => ({ float: k / 4 + 0.125 }))));
  const val = (v: unknown) => (typeof v === 'number' ? v : ((v as { float: number }).float));
  const dtypeOpt = opt(dtypeKw(), 1, 2).map((d) => (d ? d.dtype : undefined));
  switch (op) {
    case 'arange':
      return fc.tuple(fc.integer({ min: 1, max: 3 }), num, num, fc.oneof(w(4, num), w(1, fc.constant(0))), dtypeOpt)
        .filter(([k, a, b, st]) => {
          const A = val(a), B = val(b), S = val(st);
          if (k === 1) return Math.abs(A) <= 40;
          if (k === 2) return Math.abs(B - A) <= 40;
          return S === 0 || Math.abs((B - A) / S) <= 40;
        })
        .map(([k, a, b, st, dt]) => C(op, k === 1 ? [a] : k === 2 ? [a, b] : [a, b, st], { dtype: dt && (dt === 'bool' ? undefined : { dtype: dt }) }));
    case 'linspace':
      return fc.tuple(num, num, fc.oneof(w(8, fc.integer({ min: 0, max: 12 })), w(1, fc.constant(-1))), opt(floatDtypeArb.map((d) => ({ dtype: d })), 1, 2)).map(([a, b, k, dt]) => C(op, [a, b, k], { dtype: dt }));
    case 'eye':
      return fc.tuple(fc.integer({ min: -1, max: 5 }), opt(fc.integer({ min: 0, max: 5 })), dtypeOpt).map(([n, m, dt]) => C(op, m === undefined ? [n] : [n, m], { dtype: dt && { dtype: dt } }));
    case 'full':
      return fc.tuple(fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 3 }), dtypeOpt).chain(([size, dt]) =>
        (dt && dt !== 'float32' && dt !== 'float64' ? safeScalarArb : scalarArb).map((v) => C(op, [size, v], { dtype: dt && { dtype: dt } })),
      );
    case 'zeros':
      return fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 3 }).map((size) => C(op, [size]));
    default: // tensor: nested lists of numbers, bools, or mixed; ragged now and then
      return fc.oneof(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(0.5, -1.25, 2.75)), { maxLength: 5 }).map((l) => C(op, [l])),
        fc.array(fc.boolean(), { maxLength: 4 }).map((l) => C(op, [l])),
        fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.boolean()).chain(([r, c, ragged]) =>
          fc.array(fc.integer({ min: -9, max: 9 }), { minLength: r * c, maxLength: r * c }).map((v) => {
            const rows = [...Array(r).keys()].map((i) => v.slice(i * c, (i + 1) * c));
            if (ragged && r > 1) rows[r - 1] = [...rows[r - 1]!, 1];
            return C(op, [rows]);
          }),
        ),
      );
  }
}

function fillCopyArb(op: string): Arb<DiffCase> {
  if (op === 'fill_') {
    return anyTensorArb().chain((x) => {
      const isFloat = x.dtype === 'float32' || x.dtype === 'float64';
      const value = fc.oneof(w(4, isFloat ? scalarArb : safeScalarArb), w(1, fc.tuple(dtypeArb, shapeArb(0, 1)).chain(([vdt, vs]) => tensorArb(vdt, vs, castSafeValueArb(vdt, x.dtype)))));
      return value.map((v) => C(op, [x, v]));
    });
  }
  // copy_: src broadcast to self; float sources into integer selves keep to values that convert
  return fc.tuple(dtypeArb, dtypeArb, fc.oneof(w(5, broadcastShapesArb(2)), w(1, broadcastShapesArb(2).map(([a, b]) => [b!, a!])))).chain(([dt, sdt, [xs, ss]]) => {
    const toInt = !(dt === 'float32' || dt === 'float64') && (sdt === 'float32' || sdt === 'float64');
    const toU8 = dt === 'uint8' && sdt !== 'uint8' && sdt !== 'bool';
    return fc.tuple(tensorArb(dt, xs!), tensorArb(sdt, ss!, toInt || toU8 ? castSafeValueArb(sdt, dt) : valueArb(sdt))).map((args) => C(op, args));
  });
}

// ---------------------------------------------------------------------------
// the op table

/** Every op the suite draws, with its arbitrary and its relative weight in a mixed draw. */
export const OP_ARBS: Record<string, { arb: () => Arb<DiffCase>; weight: number }> = {};
const def = (ops: readonly string[], arb: (op: string) => Arb<DiffCase>, weight = 1) => {
  for (const op of ops) OP_ARBS[op] = { arb: () => arb(op), weight };
};
def(UNARY, (op) => anyTensorArb().map((x) => C(op, [x])));
def(BINARY_SCALAR, binaryArb, 3);
def(BINARY_TENSOR, binaryArb, 2);
def(BINARY_INPLACE, binaryInplaceArb, 2);
def(['where'], whereArb, 3);
def(['clamp', 'clamp_'], (op) => clampArb(op as 'clamp'), 2);
def(['addcmul', 'addcdiv', 'addcmul_', 'addcdiv_'], addcArb, 2);
def(['lerp'], lerpArb, 2);
def([...REDUCE_LIST, ...REDUCE_INT], reduceArb, 2);
def(['max', 'min'], (op) => maxMinArb(op as 'max'), 2);
def(['cumsum', 'cumprod', 'softmax', 'log_softmax'], (op) => dimOpArb(op), 2);
def(['mm', 'bmm', 'matmul', 'dot', 'mv', 'outer'], linalgArb, 2);
def(['cat', 'stack'], (op) => catStackArb(op as 'cat'), 3);
def(['split', 'chunk'], (op) => splitArb(op as 'split'), 2);
def(['gather', 'scatter', 'scatter_add', 'scatter_'], gatherArb, 2);
def(['index_select'], indexSelectArb, 2);
def(['masked_fill', 'masked_fill_', 'masked_select'], maskArb, 2);
def(['sort', 'argsort', 'topk'], sortArb, 2);
def(['flip', 'roll', 'repeat', 'tile', 'tril', 'triu'], reorderArb, 1);
def(['view', 'reshape', 'permute', 'transpose', 'expand', 'squeeze', 'unsqueeze', 'flatten', 'unflatten', 'narrow', 'select', 'unbind', 'movedim', 'as_strided'], viewArb, 1);
def(['index'], viewArb, 4);
def(['arange', 'linspace', 'eye', 'full', 'zeros', 'tensor'], creationArb, 1);
def(['fill_', 'copy_'], fillCopyArb, 2);

/** One drawn call of any op, weighted by the table. */
export function caseArb(ops: readonly string[] = Object.keys(OP_ARBS)): Arb<DiffCase> {
  return fc.oneof(...ops.map((op) => w(OP_ARBS[op]!.weight, OP_ARBS[op]!.arb())));
}

/** The committed fixture's draw: `count` cases from `seed` (deterministic for a given fast-check version). */
export function generateCases(seed: number, count: number): DiffCase[] {
  return fc.sample(caseArb(), { seed, numRuns: count });
}
