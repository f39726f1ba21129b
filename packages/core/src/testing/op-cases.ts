/**
 * The op conformance suite: runs every golden case of `fixtures/ops.json`
 * (real PyTorch results) through the public API on a given device.
 *
 * Each PyTorch op name maps to the Antorcha call with the same meaning; keyword
 * arguments become the trailing options object or positional arguments, as the
 * API defines them.
 */
import * as core from '../index.js';
import { Tensor } from '../tensor.js';
import { readdirSync } from 'node:fs';
import { SURFACE_ASYNC_CALLS, SURFACE_CALLS, SURFACE_CREATION_OPS, SURFACE_VIEW_OPS } from './surface/index.js';
import { type EncodedComplex, type EncodedError, type EncodedResult, compareLayout, compareTensor, decodeInput, decodeValue, fixturePath, isEncodedInput, loadFixture } from './golden.js';

/** One golden case. */
export interface OpCase {
  name: string;
  op: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  expected: EncodedResult | EncodedResult[] | EncodedError | { bool: boolean } | { float: number | string } | { complex: EncodedComplex } | number;
  /** `'linalg'`: the case needs the backend's dense matrix kernels (`Backend.linalg`); skipped without them. */
  needs?: 'linalg';
}

type Kw = Record<string, unknown>;
type Call = (args: any[], kw: Kw) => unknown;

const kwOpt = (kw: Kw, ...names: string[]): Kw | undefined => {
  const o: Kw = {};
  for (const n of names) if (kw[n] !== undefined) o[camel(n)] = kw[n];
  return Object.keys(o).length ? o : undefined;
};
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const unary = (f: (x: Tensor) => Tensor): Call => ([x]) => f(x);
const binary = (f: (a: any, b: any) => Tensor): Call => ([a, b]) => f(a, b);
const reduceCall = (f: (x: Tensor, dim?: any, keepdim?: any) => unknown): Call => ([x], kw) =>
  kw.dim === undefined ? f(x) : f(x, kw.dim, kw.keepdim ?? false);

/** PyTorch op name → Antorcha call. */
export const OP_CALLS: Record<string, Call> = {
  // Plain unary and binary ops of the catalogue need no entry: see catalogueCall.
  add: ([a, b], kw) => core.add(a, b, kwOpt(kw, 'alpha')),
  sub: ([a, b], kw) => core.sub(a, b, kwOpt(kw, 'alpha')),
  div: ([a, b], kw) => core.div(a, b, kwOpt(kw, 'rounding_mode') as core.DivOptions),
  where: ([c, a, b]) => (a === undefined && b === undefined ? core.where(c) : core.where(c, a, b)),
  randperm: ([n], kw) => core.randperm(n, kwOpt(kw, 'dtype', 'device')),
  clamp: ([x], kw) => core.clamp(x, kw.min as any, kw.max as any),
  addcmul: ([a, b, c], kw) => core.addcmul(a, b, c, kwOpt(kw, 'value')),
  addcdiv: ([a, b, c], kw) => core.addcdiv(a, b, c, kwOpt(kw, 'value')),
  lerp: ([a, b, w]) => core.lerp(a, b, w),
  sum: ([x], kw) => core.sum(x, kw.dim as any, { keepdim: kw.keepdim as boolean, dtype: kw.dtype as any }),
  nansum: ([x], kw) => core.nansum(x, kw.dim as any, { keepdim: kw.keepdim as boolean }),
  mean: ([x], kw) => core.mean(x, kw.dim as any, { keepdim: kw.keepdim as boolean }),
  prod: ([x], kw) => core.prod(x, kw.dim as any, { keepdim: kw.keepdim as boolean }),
  amax: ([x], kw) => core.amax(x, kw.dim as any, kw.keepdim as boolean),
  amin: ([x], kw) => core.amin(x, kw.dim as any, kw.keepdim as boolean),
  logsumexp: ([x], kw) => core.logsumexp(x, kw.dim as any, kw.keepdim as boolean),
  max: ([x, other], kw) => (other !== undefined ? core.max(x, other as Tensor) : reduceCall(core.max as any)([x], kw)),
  min: ([x, other], kw) => (other !== undefined ? core.min(x, other as Tensor) : reduceCall(core.min as any)([x], kw)),
  argmax: reduceCall(core.argmax),
  argmin: reduceCall(core.argmin),
  all: reduceCall(core.all),
  any: reduceCall(core.any),
  cumsum: ([x, dim], kw) => core.cumsum(x, (dim ?? kw.dim) as number),
  cumprod: ([x, dim], kw) => core.cumprod(x, (dim ?? kw.dim) as number),
  var: ([x], kw) => core.variance(x, kw.dim as any, kwOpt(kw, 'correction', 'unbiased', 'keepdim')),
  std: ([x], kw) => core.std(x, kw.dim as any, kwOpt(kw, 'correction', 'unbiased', 'keepdim')),
  norm: ([x], kw) => core.norm(x, (kw.p ?? 'fro') as number, kw.dim as any, kw.keepdim as boolean),
  mm: binary(core.mm),
  bmm: binary(core.bmm),
  matmul: binary(core.matmul),
  dot: binary(core.dot),
  mv: binary(core.mv),
  outer: binary(core.outer),
  softmax: ([x, d]) => core.softmax(x, d),
  log_softmax: ([x, d]) => core.logSoftmax(x, d),
  cat: ([ts], kw) => core.cat(ts, kw.dim as number),
  stack: ([ts], kw) => core.stack(ts, kw.dim as number),
  split: ([x, s], kw) => core.split(x, s, kw.dim as number),
  chunk: ([x, c], kw) => core.chunk(x, c, kw.dim as number),
  gather: ([x, d, i]) => core.gather(x, d, i),
  scatter: ([x, d, i, s], kw) => core.scatter(x, d, i, s, kwOpt(kw, 'reduce') as any),
  scatter_add: ([x, d, i, s]) => core.scatterAdd(x, d, i, s),
  index_select: ([x, d, i]) => core.indexSelect(x, d, i),
  masked_fill: ([x, m, v]) => core.maskedFill(x, m, v),
  masked_select: ([x, m]) => core.maskedSelect(x, m),
  nonzero: unary(core.nonzero),
  sort: ([x], kw) => core.sort(x, (kw.dim ?? -1) as number, (kw.descending ?? false) as boolean, kwOpt(kw, 'stable')),
  argsort: ([x], kw) => core.argsort(x, (kw.dim ?? -1) as number, (kw.descending ?? false) as boolean, kwOpt(kw, 'stable')),
  topk: ([x, k], kw) => core.topk(x, k, (kw.dim ?? -1) as number, (kw.largest ?? true) as boolean),
  flip: ([x, d]) => core.flip(x, d),
  roll: ([x, s, d]) => core.roll(x, s, d),
  repeat: ([x, ...s]) => x.repeat(...s),
  tile: ([x, d]) => core.tile(x, d),
  tril: ([x, k]) => core.tril(x, k),
  triu: ([x, k]) => core.triu(x, k),
  arange: (args, kw) => (core.arange as any)(...args, kwOpt(kw, 'dtype', 'device')),
  linspace: ([a, b, n], kw) => core.linspace(a, b, n, kwOpt(kw, 'dtype', 'device')),
  eye: ([n, m], kw) => (m === undefined ? core.eye(n, kwOpt(kw, 'dtype', 'device')) : core.eye(n, m, kwOpt(kw, 'dtype', 'device'))),
  full: ([s, v], kw) => core.full(s, v, kwOpt(kw, 'dtype', 'device')),
  tensor: ([d], kw) => core.tensor(d, kwOpt(kw, 'dtype', 'device')),
  zeros: ([s], kw) => core.zeros(s, kwOpt(kw, 'dtype', 'device')),
  view: ([x, s]) => x.view(s),
  reshape: ([x, s]) => x.reshape(s),
  permute: ([x, d]) => x.permute(d),
  transpose: ([x, a, b]) => x.transpose(a, b),
  t: unary(core.t),
  expand: ([x, s]) => x.expand(s),
  squeeze: ([x, d]) => x.squeeze(d),
  unsqueeze: ([x, d]) => x.unsqueeze(d),
  flatten: ([x, s, e]) => x.flatten(s, e),
  unflatten: ([x, d, s]) => x.unflatten(d, s),
  narrow: ([x, d, s, l]) => x.narrow(d, s, l),
  select: ([x, d, i]) => x.select(d, i),
  unbind: ([x, d]) => x.unbind(d),
  as_strided: ([x, s, st, o]) => x.asStrided(s, st, o),
  movedim: ([x, s, d]) => x.movedim(s, d),
  contiguous: unary((x) => x.contiguous()),
  clone: unary((x) => x.clone()),
  index: ([x, spec]) => x.index(...spec),
  // In-place ops write into a clone of the input, as the golden script does.
  add_: ([x, y], kw) => x.clone().add_(y, kwOpt(kw, 'alpha')),
  sub_: ([x, y], kw) => x.clone().sub_(y, kwOpt(kw, 'alpha')),
  addcmul_: ([x, a, b], kw) => x.clone().addcmul_(a, b, kwOpt(kw, 'value')),
  addcdiv_: ([x, a, b], kw) => x.clone().addcdiv_(a, b, kwOpt(kw, 'value')),
  mul_: ([x, y]) => x.clone().mul_(y),
  div_: ([x, y], kw) => x.clone().div_(y, kwOpt(kw, 'rounding_mode') as core.DivOptions),
  pow_: ([x, y]) => x.clone().pow_(y),
  clamp_: ([x], kw) => x.clone().clamp_(kw.min as any, kw.max as any),
  exp_: ([x]) => x.clone().exp_(),
  neg_: ([x]) => x.clone().neg_(),
  zero_: ([x]) => x.clone().zero_(),
  fill_: ([x, v]) => x.clone().fill_(v),
  copy_: ([x, y]) => x.clone().copy_(y),
  masked_fill_: ([x, m, v]) => x.clone().maskedFill_(m, v),
  scatter_: ([x, d, i, s]) => x.clone().scatter_(d, i, s),
  set_: ([x, y]) => x.clone().set_(y),
  item: ([x]) => core.tensor(x.item() as number, { dtype: x.dtype }),
  index_: ([x]) => {
    const y = x.clone();
    y.index('1:3', '::2').fill_(7);
    return y;
  },
  ...SURFACE_CALLS,
};

/** In-place ops whose case writes into the input itself (no clone), e.g. an expanded view. */
const IN_PLACE_ON_INPUT: Record<string, Call> = {
  'add_/expanded_self': ([x, y]) => x.add_(y),
};

/** Bit-for-bit comparison (−0 and +0 still compare equal, as PyTorch's own `equal` does). */
const EXACT = { rtol: 0, atol: 0 };

/** Ops whose results are views: their strides and offset must match PyTorch's too. */
export const VIEW_OPS = new Set(['view', 'reshape', 'permute', 'transpose', 't', 'expand', 'squeeze', 'unsqueeze', 'flatten', 'unflatten', 'narrow', 'select', 'unbind', 'as_strided', 'movedim', 'contiguous', 'index', 'split', 'chunk', ...SURFACE_VIEW_OPS]);

/** Decodes a JSON argument into tensors, numbers, dtypes and slices. */
export function decodeArg(a: unknown, device: core.DeviceLike): unknown {
  if (isEncodedInput(a)) return decodeInput(a, device);
  if (Array.isArray(a)) return a.map((x) => decodeArg(x, device));
  if (a !== null && typeof a === 'object') {
    const o = a as Record<string, unknown>;
    if ('float' in o) return decodeValue(o.float as never);
    if ('complex' in o) {
      // a Python complex scalar: its [re, im] pair
      const [re, im] = o.complex as EncodedComplex;
      return core.cplx(decodeValue(re), decodeValue(im));
    }
    if ('dtype' in o) return o.dtype;
    if ('slice' in o) {
      const [s, e, st] = o.slice as (number | null)[];
      return core.slice(s ?? null, e ?? null, st ?? null);
    }
  }
  return a;
}

/**
 * The call of an op the catalogue declares, by its PyTorch name: `torch.<name>(…)` when
 * it exists (`exp_` → `torch.exp_(x)`, `arccos` → `torch.arccos(x)`), else the Tensor method;
 * keyword arguments become a trailing options object with camelCase keys.
 */
export function catalogueCall(op: string): Call | undefined {
  const inplace = op.endsWith('_');
  const base = camel(inplace ? op.slice(0, -1) : op);
  const name = inplace ? `${base}_` : base;
  const row = Object.entries(core.CATALOGUE).find(([key, r]) => key === base || camel(r.aten) === base || ('aliases' in r && (r.aliases as readonly string[]).some((a) => camel(a) === base)));
  if (!row) return undefined;
  const opts = (kw: Kw) => (Object.keys(kw).length ? [kwOpt(kw, ...Object.keys(kw))] : []);
  const fn = (core as unknown as Record<string, unknown>)[name];
  if (typeof fn === 'function') return (args, kw) => (fn as (...a: unknown[]) => unknown)(...args, ...opts(kw));
  const proto = Tensor.prototype as unknown as Record<string, unknown>;
  if (typeof proto[name] === 'function') return ([x, ...rest], kw) => (x as any)[name](...rest, ...opts(kw));
  return undefined;
}

/** The call of a PyTorch op name: the table above, else the catalogue's function or method. */
export function opCall(op: string): Call | undefined {
  return OP_CALLS[op] ?? catalogueCall(op);
}

/** Loads the op cases. */
export function loadOpCases(): OpCase[] {
  const areas = readdirSync(fixturePath('.')).filter((f) => /^ops-[a-z0-9-]+\.json$/.test(f)).sort();
  return ['ops.json', ...areas].flatMap((f) => loadFixture<OpCase[]>(f));
}

/** Ops that create tensors from arguments alone. */
const CREATION_OPS = new Set(['arange', 'linspace', 'eye', 'full', 'tensor', 'zeros', ...SURFACE_CREATION_OPS]);

/** Async replacements of data-dependent ops, for devices that read back only asynchronously. */
const ASYNC_OP_CALLS: Record<string, (args: any[], kw: Kw) => Promise<unknown>> = {
  nonzero: ([x]) => core.nonzeroAsync(x),
  masked_select: ([x, m]) => core.maskedSelectAsync(x, m),
  index: ([x, spec]) => core.indexAsync(x, ...spec),
  where: async ([c, a, b]) => (a === undefined && b === undefined ? (await core.nonzeroAsync(c)).unbind(1) : core.where(c, a, b)),
  ...SURFACE_ASYNC_CALLS,
};

type Expected = OpCase['expected'];

function expectsError(exp: Expected): exp is EncodedError {
  return typeof exp === 'object' && exp !== null && 'error' in exp;
}

/** The verdict on a thrown error: null when it is the expected one; rethrows when none was expected. */
function checkError(exp: Expected, e: unknown): string | null {
  if (!expectsError(exp)) throw e;
  const err = e as core.TorchError;
  if (!(err instanceof core.TorchError)) return `threw a non-TorchError: ${String(e)}`;
  if (err.message !== exp.error) return `error text differs:\n  got:      ${err.message}\n  expected: ${exp.error}`;
  if (err.pythonName !== exp.type) return `error class ${err.pythonName} != expected ${exp.type}`;
  return null;
}

/** Decodes a case's arguments on `device` and finds its call (or a verdict when none is mapped). */
function prepare(c: OpCase, device: core.DeviceLike): { call: Call; args: unknown[]; kw: Kw } | string {
  // Cases of ops-catalogue.json call the catalogue's function or method as is (in place on the input).
  const call = c.name.startsWith('catalogue/') ? (catalogueCall(c.op) ?? OP_CALLS[c.op]) : (IN_PLACE_ON_INPUT[c.name] ?? OP_CALLS[c.op] ?? catalogueCall(c.op));
  if (!call) return `no Antorcha call mapped for op '${c.op}'`;
  const args = c.args.map((a) => decodeArg(a, device));
  const kw = Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, decodeArg(v, device)]));
  // factories create their result on the device under test
  if (CREATION_OPS.has(c.op) && device !== 'cpu') kw.device = device;
  return { call, args, kw };
}

/** The result tensors of a call (a tensor, a list, or values and indices). */
function resultTensors(result: unknown): Tensor[] {
  if (result instanceof Tensor) return [result];
  if (result instanceof core.ValuesIndices) return [result.values, result.indices];
  return Array.isArray(result) ? result.filter((t): t is Tensor => t instanceof Tensor) : [];
}

/**
 * Runs one case and returns null when the result matches PyTorch's, else a
 * description of the difference. Reads results synchronously (CPU-like devices).
 */
export function runOpCase(c: OpCase, device: core.DeviceLike = 'cpu'): string | null {
  const p = prepare(c, device);
  if (typeof p === 'string') return p;
  let result: unknown;
  try {
    result = p.call(p.args, p.kw);
  } catch (e) {
    return checkError(c.expected, e);
  }
  if (expectsError(c.expected)) return `expected error "${c.expected.error}" but the call succeeded`;
  return compareOutput(c.op, result, c.expected as never, (t) => t.dataSync(), true);
}

/**
 * {@link runOpCase} for devices that read back only asynchronously (WebGPU):
 * results are read with `await tensor.data()`, data-dependent ops use their async
 * variants, and an error the device reports at read-back time (an index out of
 * range found by a kernel) counts as the op's error.
 */
export async function runOpCaseAsync(c: OpCase, device: core.DeviceLike): Promise<string | null> {
  const p = prepare(c, device);
  if (typeof p === 'string') return p;
  const asyncCall = IN_PLACE_ON_INPUT[c.name] || c.name.startsWith('catalogue/') ? undefined : ASYNC_OP_CALLS[c.op];
  let result: unknown;
  const values = new Map<Tensor, ArrayLike<number>>();
  try {
    result = asyncCall ? await asyncCall(p.args, p.kw) : p.call(p.args, p.kw);
    for (const t of resultTensors(result)) values.set(t, await t.data());
  } catch (e) {
    return checkError(c.expected, e);
  }
  if (expectsError(c.expected)) return `expected error "${c.expected.error}" but the call succeeded`;
  const type = core.device(device).type;
  for (const t of values.keys()) if (t.device.type !== type) return `result is on '${t.device}', not on '${device}'`;
  return compareOutput(c.op, result, c.expected as never, (t) => values.get(t) ?? t.dataSync(), false);
}

/**
 * Compares a call's result with the expected one. `honourExact`: cases PyTorch rounds in a
 * fixed way (`exact`) must match bit for bit — true for IEEE hosts (the CPU backend); GPU
 * arithmetic (WGSL allows unfused `fma` and inexact division) keeps the tolerance.
 */
function compareOutput(op: string, result: unknown, exp: EncodedResult | EncodedResult[], read: (t: Tensor) => ArrayLike<number>, honourExact: boolean): string | null {
  // Python bools, ints and floats (is_tensor, numel, …) come back as JS values.
  const plain = exp as unknown;
  if (plain !== null && typeof plain === 'object' && 'bool' in plain) return result === (plain as { bool: boolean }).bool ? null : `expected ${String((plain as { bool: boolean }).bool)}, got ${String(result)}`;
  if (typeof plain === 'number') return result === plain ? null : `expected ${plain}, got ${String(result)}`;
  if (plain !== null && typeof plain === 'object' && 'float' in plain) {
    const want = decodeValue((plain as { float: never }).float);
    return Object.is(result, want) || result === want ? null : `expected ${want}, got ${String(result)}`;
  }
  if (plain !== null && typeof plain === 'object' && 'complex' in plain) {
    // a Python complex (`item()` of a complex tensor): both parts exactly
    const [re, im] = (plain as { complex: EncodedComplex }).complex.map(decodeValue) as [number, number];
    const same = (a: number, b: number) => Object.is(a, b) || a === b;
    return result instanceof core.Complex && same(result.re, re) && same(result.im, im) ? null : `expected ${re}+${im}j, got ${String(result)}`;
  }
  if (Array.isArray(exp)) {
    const list = result instanceof core.ValuesIndices ? [result.values, result.indices] : (result as Tensor[]);
    if (!Array.isArray(list) || list.length !== exp.length) return `expected ${exp.length} outputs, got ${Array.isArray(list) ? list.length : typeof list}`;
    for (let i = 0; i < exp.length; i++) {
      const d = compareOutput(op, list[i], exp[i]!, read, honourExact);
      if (d) return `output ${i}: ${d}`;
    }
    return null;
  }
  if (!(result instanceof Tensor)) return `expected a tensor, got ${String(result)}`;
  const d = compareTensor(result, exp, honourExact && exp.exact === true ? EXACT : undefined, read(result));
  if (d) return d;
  return VIEW_OPS.has(op) ? compareLayout(result, exp) : null;
}
