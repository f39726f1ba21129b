/**
 * A failing differential case as a small TypeScript program: the inputs as literals
 * (with their exact layout), the `torch.*` call, and PyTorch's answer as a comment.
 */
import type { EncodedResult } from '@antorcha/core/testing';
import type { DiffCase } from './generator.js';
import { type Expected, isError, isSkip } from './runner.js';

type Enc = number | string;

const num = (v: Enc): string => (v === 'nan' ? 'NaN' : v === 'inf' ? 'Infinity' : v === '-inf' ? '-Infinity' : v === '-0' ? '-0' : String(v));

interface TensorJson {
  tensor: true;
  dtype: string;
  storage: Enc[];
  size: number[];
  stride: number[];
  offset: number;
}
const isTensor = (a: unknown): a is TensorJson => typeof a === 'object' && a !== null && (a as TensorJson).tensor === true;

function contiguous(size: number[], stride: number[]): boolean {
  let acc = 1;
  for (let i = size.length - 1; i >= 0; i--) {
    if (size[i] !== 1 && stride[i] !== acc) return false;
    acc *= size[i]!;
  }
  return true;
}

/** A tensor literal: `torch.tensor([...], { dtype }).reshape([...])`, or `.asStrided(...)` for any other layout. */
export function tensorLiteral(t: TensorJson): string {
  const vals = t.storage.map((v) => (t.dtype === 'bool' ? String(v === 1) : num(v)));
  const n = t.size.reduce((a, b) => a * b, 1);
  const opts = `{ dtype: '${t.dtype}' }`;
  if (t.offset === 0 && t.storage.length === n && contiguous(t.size, t.stride)) {
    if (t.size.length === 0) return `torch.tensor(${vals[0]}, ${opts})`;
    const base = `torch.tensor([${vals.join(', ')}], ${opts})`;
    return t.size.length === 1 ? base : `${base}.reshape([${t.size.join(', ')}])`;
  }
  return `torch.tensor([${vals.join(', ')}], ${opts}).asStrided([${t.size.join(', ')}], [${t.stride.join(', ')}], ${t.offset})`;
}

/** An argument as TypeScript source; tensors become named constants in `decls`. */
function lit(a: unknown, decls: string[]): string {
  if (isTensor(a)) {
    const name = `t${decls.length}`;
    decls.push(`const ${name} = ${tensorLiteral(a)};`);
    return name;
  }
  if (Array.isArray(a)) return `[${a.map((x) => lit(x, decls)).join(', ')}]`;
  if (a === null) return 'null';
  if (typeof a === 'object') {
    const o = a as Record<string, unknown>;
    if ('float' in o) return num(o.float as Enc);
    if ('dtype' in o) return `'${o.dtype as string}'`;
    if ('slice' in o) return `torch.slice(${(o.slice as unknown[]).map((v) => (v === null ? 'null' : String(v))).join(', ')})`;
  }
  return typeof a === 'string' ? `'${a}'` : String(a);
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** `{ a: 1, b: 2 }` from the defined entries, or '' when none. */
function opts(entries: [string, string | undefined][]): string {
  const e = entries.filter(([, v]) => v !== undefined);
  return e.length ? `{ ${e.map(([k, v]) => `${k}: ${v}`).join(', ')} }` : '';
}
const list = (...xs: (string | undefined)[]) => {
  const out = [...xs];
  while (out.length && out[out.length - 1] === undefined) out.pop();
  return out.map((x) => x ?? 'undefined').join(', ');
};

/** The Antorcha call of a case as source text, mirroring OP_CALLS. */
export function callText(c: DiffCase, decls: string[]): string {
  const a = c.args.map((x) => lit(x, decls));
  const kw: Record<string, string | undefined> = Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, lit(v, decls)]));
  const [x, y, z, u] = a;
  const op = c.op;
  const ks = (...names: string[]) => opts(names.map((n) => [camel(n), kw[n]]));
  switch (op) {
    case 'add':
    case 'sub':
      return `torch.${op}(${list(x, y, ks('alpha') || undefined)})`;
    case 'div':
      return `torch.div(${list(x, y, ks('rounding_mode') || undefined)})`;
    case 'clamp':
      return `torch.clamp(${list(x, kw.min, kw.max)})`;
    case 'clamp_':
      return `${x}.clone().clamp_(${list(kw.min, kw.max)})`;
    case 'addcmul':
    case 'addcdiv':
      return `torch.${op}(${list(x, y, z, ks('value') || undefined)})`;
    case 'sum':
      return `torch.sum(${list(x, kw.dim, opts([['keepdim', kw.keepdim], ['dtype', kw.dtype]]) || undefined)})`;
    case 'nansum':
    case 'mean':
    case 'prod':
      return `torch.${op}(${list(x, kw.dim, ks('keepdim') || undefined)})`;
    case 'amax':
    case 'amin':
    case 'logsumexp':
      return `torch.${op}(${list(x, kw.dim, kw.keepdim)})`;
    case 'max':
    case 'min':
    case 'argmax':
    case 'argmin':
    case 'all':
    case 'any':
      if (y !== undefined) return `torch.${op}(${x}, ${y})`;
      return kw.dim === undefined ? `torch.${op}(${x})` : `torch.${op}(${x}, ${kw.dim}, ${kw.keepdim ?? 'false'})`;
    case 'cumsum':
    case 'cumprod':
      return `torch.${op}(${x}, ${y ?? kw.dim})`;
    case 'var':
    case 'std':
      return `torch.${op === 'var' ? 'variance' : 'std'}(${list(x, kw.dim, ks('correction', 'unbiased', 'keepdim') || undefined)})`;
    case 'norm':
      return `torch.norm(${list(x, kw.p ?? "'fro'", kw.dim, kw.keepdim)})`;
    case 'cat':
    case 'stack':
      return `torch.${op}(${list(x, kw.dim)})`;
    case 'split':
    case 'chunk':
      return `torch.${op}(${list(x, y, kw.dim)})`;
    case 'scatter':
      return `torch.scatter(${list(x, y, z, u, ks('reduce') || undefined)})`;
    case 'sort':
    case 'argsort':
      return `torch.${op}(${x}, ${kw.dim ?? -1}, ${kw.descending ?? 'false'}${kw.stable ? `, { stable: ${kw.stable} }` : ''})`;
    case 'topk':
      return `torch.topk(${x}, ${y}, ${kw.dim ?? -1}, ${kw.largest ?? 'true'})`;
    case 'repeat':
      return `${x}.repeat(${a.slice(1).join(', ')})`;
    case 'arange':
      return `torch.arange(${[...a, ks('dtype') || undefined].filter((s) => s !== undefined).join(', ')})`;
    case 'linspace':
    case 'full':
    case 'eye':
      return `torch.${op}(${[...a, ks('dtype') || undefined].filter((s) => s !== undefined).join(', ')})`;
    case 'index':
      return `${x}.index(${(c.args[1] as unknown[]).map((s) => lit(s, decls)).join(', ')})`;
    case 'view':
    case 'reshape':
    case 'permute':
    case 'transpose':
    case 'expand':
    case 'squeeze':
    case 'unsqueeze':
    case 'flatten':
    case 'unflatten':
    case 'narrow':
    case 'select':
    case 'unbind':
    case 'movedim':
    case 'contiguous':
    case 'clone':
      return `${x}.${camel(op)}(${a.slice(1).join(', ')})`;
    case 'as_strided':
      return `${x}.asStrided(${a.slice(1).join(', ')})`;
    case 't':
      return `torch.t(${x})`;
  }
  if (op.endsWith('_')) {
    const m = op === 'masked_fill_' ? 'maskedFill_' : op;
    const k = op === 'add_' || op === 'sub_' ? ks('alpha') : op === 'addcmul_' || op === 'addcdiv_' ? ks('value') : '';
    return `${x}.clone().${m}(${[...a.slice(1), k || undefined].filter((s) => s !== undefined).join(', ')})`;
  }
  return `torch.${camel(op)}(${a.join(', ')})`;
}

function describeExpected(e: Expected): string {
  if (isError(e)) return `raises ${e.type}: ${e.error}`;
  if (isSkip(e)) return `(not compared: ${e.skip})`;
  const one = (r: EncodedResult) => `${r.dtype} [${r.shape.join(', ')}] [${r.values.map(num).join(', ')}]`;
  return Array.isArray(e) ? `(${e.map(one).join(',\n//   ')})` : one(e);
}

/** The runnable reproducer: literals, the call, PyTorch's answer and what differed. */
export function reproducer(c: DiffCase, expected: Expected, difference: string): string {
  const decls: string[] = [];
  const call = callText(c, decls);
  return [
    `import * as torch from 'antorcha';`,
    ...decls,
    `const out = ${call};`,
    `console.log(out);`,
    `// PyTorch 1.13: ${describeExpected(expected)}`,
    `// Antorcha: ${difference.split('; PyTorch ')[0]}`,
  ].join('\n');
}

/** The body of a reproducer without the import, for evaluating with `new Function('torch', body)`. */
export function reproducerBody(c: DiffCase): string {
  const decls: string[] = [];
  const call = callText(c, decls);
  return [...decls, `return ${call};`].join('\n');
}
