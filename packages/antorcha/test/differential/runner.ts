/**
 * Runs one differential case through Antorcha (`OP_CALLS`, the golden suite's map from
 * PyTorch op names to Antorcha calls) and compares the outcome with PyTorch's:
 * error versus no error and the Python exception class; dtype, shape, values and,
 * for views, strides and offset.
 *
 * Tolerance policy: the golden op suite's (`compareTensor` with `DEFAULT_TOLERANCE`,
 * widened by PyTorch's own accumulation bound where the fixture records one); cases
 * the fixture marks `exact` (values moved or selected, or rounded once the IEEE way)
 * must match bit for bit, the sign of zero included.
 */
import { type EncodedResult, VIEW_OPS, opCall, compareLayout, compareTensor, decodeArg, decodeValue } from '@antorcha/core/testing';
import * as torch from '../../src/index.js';
import type { DiffCase } from './generator.js';

/** PyTorch's answer: result tensor(s), the exception it raised, or why the case is not compared. */
export type Expected = EncodedResult | EncodedResult[] | { error: string; type: string } | { skip: string };

export const isError = (e: Expected): e is { error: string; type: string } => !Array.isArray(e) && 'error' in e;
export const isSkip = (e: Expected): e is { skip: string } => !Array.isArray(e) && 'skip' in e;

const EXACT = { rtol: 0, atol: 0 };

/**
 * Ops whose sign of zero PyTorch itself does not fix: min/max of -0 and +0 returns
 * either, depending on whether its vectorised (`_mm256_max_ps`: the second operand) or
 * scalar (`std::max`: the first) loop handled the element; topk picks either of tied -0/+0.
 */
const ANY_ZERO_SIGN = new Set(['maximum', 'minimum', 'fmax', 'fmin', 'clamp', 'clamp_', 'amax', 'amin', 'max', 'min', 'topk']);

/** What Antorcha did with a case: its result, or the error it threw. */
export type Outcome = { result: unknown } | { thrown: unknown };

/** Calls Antorcha for a case. */
export function callAntorcha(c: DiffCase): Outcome {
  const call = opCall(c.op);
  if (!call) throw new Error(`no Antorcha call mapped for op '${c.op}'`);
  const args = c.args.map((a) => decodeArg(a, 'cpu'));
  const kw = Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, decodeArg(v, 'cpu')]));
  try {
    return { result: call(args, kw) };
  } catch (e) {
    return { thrown: e };
  }
}

const errText = (e: unknown) => (e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e));

/** Null when Antorcha agrees with PyTorch on the case, else what differs. */
export function runCase(c: DiffCase, expected: Expected): string | null {
  if (isSkip(expected)) return null;
  return judge(c, callAntorcha(c), expected);
}

/** The verdict on an outcome. */
export function judge(c: DiffCase, out: Outcome, expected: Expected): string | null {
  if ('thrown' in out) {
    const e = out.thrown;
    // V8's TypeError/RangeError or a backend's plain Error is a bug whatever PyTorch did
    if (!(e instanceof torch.TorchError)) return `threw a non-TorchError (${errText(e)})${isError(expected) ? `; PyTorch raised ${expected.type}: ${expected.error}` : '; PyTorch returned a result'}`;
    if (!isError(expected)) return `raised ${e.pythonName}: ${e.message}; PyTorch returned a result`;
    if (e.pythonName !== expected.type) return `raised ${e.pythonName}: ${e.message}; PyTorch raised ${expected.type}: ${expected.error}`;
    return null;
  }
  if (isError(expected)) return `returned a result; PyTorch raised ${expected.type}: ${expected.error}`;
  return compareOutput(c, out.result, expected as EncodedResult | EncodedResult[]);
}

function compareOutput(c: DiffCase, result: unknown, exp: EncodedResult | EncodedResult[]): string | null {
  if (Array.isArray(exp)) {
    const list = result instanceof torch.ValuesIndices ? [result.values, result.indices] : (result as torch.Tensor[]);
    if (!Array.isArray(list) || list.length !== exp.length) return `expected ${exp.length} outputs, got ${Array.isArray(list) ? list.length : typeof list}`;
    for (let i = 0; i < exp.length; i++) {
      // topk breaks ties in an unspecified order: its indices must select its values, each once
      const d = c.op === 'topk' && i === 1 ? checkTopkIndices(c, list[0]!, list[1]!, exp[1]!) : compareOne(c.op, list[i], exp[i]!);
      if (d) return `output ${i}: ${d}`;
    }
    return null;
  }
  return compareOne(c.op, result, exp);
}

function compareOne(op: string, result: unknown, exp: EncodedResult): string | null {
  if (!(result instanceof torch.Tensor)) return `expected a tensor, got ${String(result)}`;
  const data = result.dataSync();
  const d = compareTensor(result, exp, exp.exact ? EXACT : undefined, data);
  if (d) return d;
  if (exp.exact && !ANY_ZERO_SIGN.has(op)) {
    for (let i = 0; i < exp.values.length; i++) {
      const e = decodeValue(exp.values[i]!);
      if (e === 0 && Object.is(e, -0) !== Object.is(data[i], -0)) return `element ${i}: ${Object.is(data[i], -0) ? '-0' : '0'} != expected ${Object.is(e, -0) ? '-0' : '0'} (sign of zero)`;
    }
  }
  return VIEW_OPS.has(op) ? compareLayout(result, exp) : null;
}

function checkTopkIndices(c: DiffCase, values: torch.Tensor, indices: torch.Tensor, exp: EncodedResult): string | null {
  if (!(indices instanceof torch.Tensor)) return `expected a tensor, got ${String(indices)}`;
  if (indices.dtype.name !== exp.dtype) return `dtype ${indices.dtype.name} != expected ${exp.dtype}`;
  if (indices.shape.join() !== exp.shape.join()) return `shape [${indices.shape}] != expected [${exp.shape}]`;
  const x = decodeArg(c.args[0], 'cpu') as torch.Tensor;
  if (x.dim() === 0) return indices.dataSync()[0] === 0 || indices.numel() === 0 ? null : `index ${indices.dataSync()[0]} of a 0-d tensor`;
  const dim = (c.kwargs.dim as number | undefined) ?? -1;
  const picked = torch.gather(x, dim, indices).dataSync();
  const vals = values.dataSync();
  for (let i = 0; i < vals.length; i++) {
    if (!(Object.is(picked[i], vals[i]) || picked[i] === vals[i])) return `indices do not select the values: x[${indices.dataSync()[i]}] = ${picked[i]} != value ${vals[i]}`;
  }
  const lines = indices.movedim(dim, -1).contiguous();
  const k = lines.shape[lines.dim() - 1] ?? 0;
  const flat = lines.dataSync();
  for (let s = 0; s < flat.length; s += k) {
    if (new Set(Array.from(flat.slice(s, s + k))).size !== k) return `repeated index in [${Array.from(flat.slice(s, s + k))}]`;
  }
  return null;
}
