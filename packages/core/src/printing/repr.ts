/**
 * Repr assembly (`_str_intern` and `_add_suffixes`): `tensor(` prefix, body,
 * the `device=` / `size=` / `dtype=` / `grad_fn=` suffixes and their wrapping.
 *
 * @module
 */
import { tensorBody } from './layout.js';
import { resolveOptions } from './options.js';
import type { PrintableTensor, PrintDTypeName, PrintOptions } from './types.js';

const PREFIX = 'tensor(';

/** dtypes printed without a `dtype=` suffix when non-empty (default float, int64, bool). */
const DEFAULT_DTYPES: ReadonlySet<PrintDTypeName> = new Set(['float32', 'complex64', 'int64', 'bool']);

/** Python `str(tuple(shape))`: `(2, 0, 4)`, `(0,)`, `()`. */
function pyTuple(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return '(' + shape.join(', ') + ')';
}

/**
 * `_add_suffixes`: appends `, suffix` items, moving one to a new line
 * (indented to the body) when the current line would pass `linewidth`.
 */
function addSuffixes(tensorStr: string, suffixes: readonly string[], indent: number, linewidth: number): string {
  const parts = [tensorStr];
  // torch's formula, including its off-by-two (rfind() is -1 without a newline)
  let lastLineLen = tensorStr.length - tensorStr.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > linewidth) {
      parts.push(',\n' + ' '.repeat(indent) + suffix);
      lastLineLen = indent + suffix.length;
    } else {
      parts.push(', ' + suffix);
      lastLineLen += suffix.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}

function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) {
    if (!Number.isInteger(s) || s < 0) throw new RangeError(`tensorRepr: invalid shape [${shape.join(', ')}]`);
    n *= s;
  }
  return n;
}

/**
 * PyTorch's `repr(tensor)` for a plain (strided, dense) tensor, byte for byte,
 * e.g. `tensor([0.2405, 1.0000], requires_grad=True)`.
 *
 * Element formatting, summarization, wrapping and suffixes follow
 * `torch/_tensor_str.py` (PyTorch 2.x). For the f-string form of a 0-dim
 * float tensor (`f"{t}"`), use {@link formatPythonFloat} on its value instead.
 * @param t the tensor data and metadata
 * @param options per-call overrides of the global print options (see {@link setPrintoptions})
 * @returns the repr text, with `\n` line breaks
 * @throws RangeError when `values.length` does not match `shape`, or when a
 *   tensor of rank >= 2 must be summarized with `edgeitems` 0 (PyTorch raises there too)
 */
export function tensorRepr(t: PrintableTensor, options?: Partial<PrintOptions>): string {
  const opts = resolveOptions(options);
  const numel = numelOf(t.shape);
  // complex values interleave (re, im)
  if (t.values.length !== numel * (t.dtype === 'complex64' || t.dtype === 'complex128' ? 2 : 1)) {
    throw new RangeError(`tensorRepr: ${t.values.length} values for shape [${t.shape.join(', ')}] (expected ${numel})`);
  }
  const indent = PREFIX.length;
  const suffixes: string[] = [];
  if (t.device !== 'cpu') suffixes.push(`device='${t.device}'`);

  let body: string;
  if (numel === 0) {
    // numpy-style: the shape is shown unless it is (0,); the dtype always, except the default float
    if (t.shape.length !== 1) suffixes.push('size=' + pyTuple(t.shape));
    if (t.dtype !== 'float32') suffixes.push('dtype=torch.' + t.dtype);
    body = '[]';
  } else {
    if (!DEFAULT_DTYPES.has(t.dtype)) suffixes.push('dtype=torch.' + t.dtype);
    body = tensorBody(t.values, t.shape, t.dtype, indent, opts);
  }

  if (t.gradFnName !== null && t.gradFnName !== undefined) suffixes.push(`grad_fn=<${t.gradFnName}>`);
  else if (t.requiresGrad) suffixes.push('requires_grad=True');

  const s = addSuffixes(PREFIX + body, suffixes, indent, opts.linewidth);
  // nn.Parameter.__repr__ prepends a header line; the tensor repr itself is unchanged
  return t.isParameter === true ? 'Parameter containing:\n' + s : s;
}
