/**
 * Body layout (`_tensor_str` and friends): nesting brackets, summarizing
 * long dimensions with `...`, and wrapping 1-D rows at `linewidth`.
 *
 * Tensors are addressed as row-major blocks (offset + remaining dims), so no
 * copy of the data is made.
 *
 * @module
 */
import { contiguousStrides } from '../shape.js';
import { ElementFormatter } from './formatter.js';
import { complexFormatter, isComplexPrint } from './complex.js';

/** What the layout needs of a formatter: the shared width and one value's text. */
type Fmt = Pick<ElementFormatter, 'width' | 'format'>;
import type { PrintDTypeName, PrintOptions } from './types.js';

/** A row-major sub-tensor: dims `shape[dim..]` starting at `offset` in `values`. */
interface Block {
  values: ArrayLike<number>;
  shape: readonly number[];
  strides: readonly number[];
  dim: number;
  offset: number;
}


function sub(b: Block, i: number): Block {
  return { ...b, dim: b.dim + 1, offset: b.offset + i * b.strides[b.dim] };
}

/** Normalizes a Python slice bound (negative counts from the end, clamped). */
function pyBound(i: number, size: number): number {
  if (i < 0) return Math.max(0, i + size);
  return Math.min(i, size);
}

/**
 * Index lists of the head `[:edge]` and tail `[-edge:]` of a 1-D slice, with
 * Python semantics (notably `[-0:]` is the whole dimension).
 */
function vectorEdges(size: number, edge: number): [number[], number[]] {
  const range = (a: number, b: number): number[] => {
    const out: number[] = [];
    for (let i = a; i < b; i++) out.push(i);
    return out;
  };
  return [range(0, pyBound(edge, size)), range(pyBound(-edge, size), size)];
}

/**
 * Outer-dimension indices shown when summarizing: `range(0, edge)` and
 * `range(len - edge, len)` in torch (plain ranges, unlike the 1-D slices).
 */
function outerEdges(size: number, edge: number): [number[], number[]] {
  const head: number[] = [];
  const tail: number[] = [];
  for (let i = 0; i < edge; i++) head.push(i);
  for (let i = size - edge; i < size; i++) tail.push(i);
  return [head, tail];
}

/**
 * The values `get_summarized_data` keeps, flattened: the formatter's width
 * and mode depend only on the elements that will actually be printed.
 */
function collectSummarized(b: Block, edge: number, out: number[]): void {
  const rank = b.shape.length - b.dim;
  if (rank === 0) {
    out.push(b.values[b.offset]);
    return;
  }
  const size = b.shape[b.dim];
  if (rank === 1) {
    const stride = b.strides[b.dim];
    if (size > 2 * edge) {
      const [head, tail] = vectorEdges(size, edge);
      for (const i of head) out.push(b.values[b.offset + i * stride]);
      for (const i of tail) out.push(b.values[b.offset + i * stride]);
    } else {
      for (let i = 0; i < size; i++) out.push(b.values[b.offset + i * stride]);
    }
    return;
  }
  if (size > 2 * edge) {
    const [head, tail] = outerEdges(size, edge);
    // torch.stack([]) raises in PyTorch; fail loudly rather than print something torch cannot
    if (head.length + tail.length === 0) throw new RangeError('tensorRepr: edgeitems must be positive to summarize a tensor of rank >= 2');
    for (const i of head) collectSummarized(sub(b, i), edge, out);
    for (const i of tail) collectSummarized(sub(b, i), edge, out);
  } else {
    for (let i = 0; i < size; i++) collectSummarized(sub(b, i), edge, out);
  }
}

function collectAll(b: Block): number[] {
  const n = b.values.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = b.values[i];
  return out;
}

/** `_vector_str`: one bracketed row, wrapped so each line holds a whole number of elements. */
function vectorStr(b: Block, indent: number, summarize: boolean, fmt: Fmt, opts: PrintOptions): string {
  const elementLength = fmt.width() + 2; // ', ' separator included
  const perLine = Math.max(1, Math.floor((opts.linewidth - indent) / elementLength));
  const size = b.shape[b.dim];
  const stride = b.strides[b.dim];
  const at = (i: number): string => fmt.format(b.values[b.offset + i * stride]);
  const data: string[] = [];
  if (summarize && size > 2 * opts.edgeitems) {
    const [head, tail] = vectorEdges(size, opts.edgeitems);
    for (const i of head) data.push(at(i));
    data.push(' ...');
    for (const i of tail) data.push(at(i));
  } else {
    for (let i = 0; i < size; i++) data.push(at(i));
  }
  const lines: string[] = [];
  for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(', '));
  return '[' + lines.join(',\n' + ' '.repeat(indent + 1)) + ']';
}

/** `_tensor_str_with_formatter`: recursive bracket nesting; blank lines between blocks of rank >= 3. */
function tensorStrWithFormatter(
  b: Block,
  indent: number,
  summarize: boolean,
  fmt: Fmt,
  opts: PrintOptions,
): string {
  const rank = b.shape.length - b.dim;
  if (rank === 0) return fmt.format(b.values[b.offset]);
  if (rank === 1) return vectorStr(b, indent, summarize, fmt, opts);
  const size = b.shape[b.dim];
  const slices: string[] = [];
  const child = (i: number): string => tensorStrWithFormatter(sub(b, i), indent + 1, summarize, fmt, opts);
  if (summarize && size > 2 * opts.edgeitems) {
    const [head, tail] = outerEdges(size, opts.edgeitems);
    for (const i of head) slices.push(child(i));
    slices.push('...');
    for (const i of tail) slices.push(child(i));
  } else {
    for (let i = 0; i < size; i++) slices.push(child(i));
  }
  return '[' + slices.join(',' + '\n'.repeat(rank - 1) + ' '.repeat(indent + 1)) + ']';
}

/**
 * `_tensor_str`: the bracketed body of a non-empty tensor (no prefix/suffixes).
 * @param values row-major values
 * @param shape tensor shape
 * @param dtype element dtype
 * @param indent column where the body starts (length of `tensor(`)
 * @param opts effective print options
 */
export function tensorBody(
  values: ArrayLike<number>,
  shape: readonly number[],
  dtype: PrintDTypeName,
  indent: number,
  opts: PrintOptions,
): string {
  if (isComplexPrint(dtype)) return complexBody(values, shape, dtype, indent, opts);
  const root: Block = { values, shape, strides: contiguousStrides(shape), dim: 0, offset: 0 };
  if (values.length === 0) return '[]';
  const { summarize, shown } = shownValues(root, values.length, opts);
  const fmt = new ElementFormatter(shown, dtype, opts);
  return tensorStrWithFormatter(root, indent, summarize, fmt, opts);
}

/** Whether a tensor of `numel` elements prints summarized, and the values that will be shown (what the formatter sizes its columns by). */
function shownValues(root: Block, numel: number, opts: PrintOptions): { summarize: boolean; shown: number[] } {
  const summarize = numel > opts.threshold;
  if (!summarize) return { summarize, shown: collectAll(root) };
  const shown: number[] = [];
  collectSummarized(root, opts.edgeitems, shown);
  return { summarize, shown };
}

/** {@link tensorBody} of a complex tensor: `values` interleave (re, im); blocks address elements by index. */
function complexBody(pairs: ArrayLike<number>, shape: readonly number[], dtype: PrintDTypeName, indent: number, opts: PrintOptions): string {
  const numel = pairs.length / 2;
  if (numel === 0) return '[]';
  const indices = new Float64Array(numel);
  for (let i = 0; i < numel; i++) indices[i] = i;
  const root: Block = { values: indices, shape, strides: contiguousStrides(shape), dim: 0, offset: 0 };
  const { summarize, shown } = shownValues(root, numel, opts);
  return tensorStrWithFormatter(root, indent, summarize, complexFormatter(pairs, shown, dtype, opts), opts);
}
