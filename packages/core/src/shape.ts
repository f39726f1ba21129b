/**
 * Shapes and strides: `torch.Size`, contiguous strides, dim wrapping,
 * broadcasting and the stride arithmetic of `view`.
 */
import { TorchIndexError, TorchRuntimeError, TorchTypeError, fmtShape } from './errors.js';

/**
 * `torch.Size`: an array of numbers that prints like PyTorch's.
 * @example
 * ```ts pytorch=core.Size
 * const s = torch.zeros(1, 5).shape;
 * console.log(s, s.numel());
 * ```
 * ```text
 * torch.Size([1, 5]) 5
 * ```
 */
export class Size extends Array<number> {
  /** Builds a Size from a list of dimensions. */
  static of_(dims: readonly number[]): Size {
    const s = new Size();
    for (const d of dims) s.push(d);
    return s;
  }

  /** Number of elements: the product of the dimensions. */
  numel(): number {
    let n = 1;
    for (const d of this) n *= d;
    return n;
  }

  /** `torch.Size([1, 5])`. */
  override toString(): string {
    return `torch.Size([${this.join(', ')}])`;
  }

  /** @internal */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  // Array methods that build a new array should give plain arrays.
  static override get [Symbol.species]() {
    return Array;
  }
}

/** Product of dimensions. */
export function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides for a shape (size-1 and size-0 dims get the usual PyTorch strides). */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= Math.max(shape[i]!, 1);
  }
  return strides;
}

/**
 * Whether (shape, strides) is row-major contiguous, ignoring strides of size-1 dims, and
 * true for any layout with no elements (PyTorch's rule: every empty tensor is contiguous).
 */
export function isContiguousLayout(shape: readonly number[], strides: readonly number[]): boolean {
  if (shape.includes(0)) return true;
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i]!;
    if (d !== 1) {
      if (strides[i] !== expected) return false;
      expected *= d;
    }
  }
  return true;
}

/**
 * Wraps a possibly negative dim into [0, ndim), with PyTorch's IndexError text.
 * A 0-dim tensor accepts dims -1 and 0, as in PyTorch.
 */
export function wrapDim(dim: number, ndim: number, op = 'dim'): number {
  const n = Math.max(ndim, 1);
  if (typeof dim !== 'number' || !Number.isInteger(dim)) {
    throw new TorchTypeError(op, `${op}(): argument 'dim' must be int, not ${dim === null || dim === undefined ? 'NoneType' : typeof dim === 'number' ? 'float' : typeof dim}`);
  }
  if (dim < -n || dim >= n) {
    throw new TorchIndexError(op, `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
  }
  return dim < 0 ? dim + n : dim;
}

/** Validates a size list (integers ≥ 0) for `op`. */
export function checkShape(shape: readonly number[], op: string): void {
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isInteger(d)) {
      throw new TorchRuntimeError(op, `${op}: size must be a list of integers, but got ${fmtShape(shape.map(String) as unknown as number[])}`);
    }
    if (d < 0) throw new TorchRuntimeError(op, `Trying to create tensor with negative dimension ${d}: ${fmtShape(shape)}`);
  }
}

/**
 * Broadcast shape of two shapes, with PyTorch's error text:
 * `The size of tensor a (5) must match the size of tensor b (3) at non-singleton dimension 1`.
 */
export function broadcastShapes(a: readonly number[], b: readonly number[], op = 'broadcast'): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da === db || db === 1) out[i] = da;
    else if (da === 1) out[i] = db;
    else {
      throw new TorchRuntimeError(
        op,
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}`,
      );
    }
  }
  return out;
}

/** Strides that view (shape, strides) broadcast to `target` (stride 0 on new and expanded dims). */
export function broadcastStrides(
  shape: readonly number[],
  strides: readonly number[],
  target: readonly number[],
  op = 'expand',
): number[] {
  const n = target.length;
  const lead = n - shape.length;
  if (lead < 0) {
    throw new TorchRuntimeError(
      op,
      `expand(${fmtShape(shape)}, size=${fmtShape(target)}): the number of sizes provided (${n}) must be greater or equal to the number of dimensions in the tensor (${shape.length})`,
    );
  }
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    if (i < lead) {
      out[i] = 0;
      continue;
    }
    const d = shape[i - lead]!;
    const t = target[i]!;
    if (d === t) out[i] = strides[i - lead]!;
    else if (d === 1) out[i] = 0;
    else {
      throw new TorchRuntimeError(
        op,
        `The expanded size of the tensor (${t}) must match the existing size (${d}) at non-singleton dimension ${i}.  Target sizes: ${fmtShape(target)}.  Tensor sizes: ${fmtShape(shape)}`,
      );
    }
  }
  return out;
}

/**
 * Resolves one `-1` in a requested shape against `numel`, with PyTorch's errors
 * (`shape '[3, 3]' is invalid for input of size 5`).
 */
export function inferSize(shape: readonly number[], numel: number, op = 'view'): number[] {
  let infer = -1;
  let known = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i]!;
    if (!Number.isInteger(d)) throw new TorchRuntimeError(op, `${op}: shape must be integers, got ${fmtShape(shape)}`);
    if (d === -1) {
      if (infer >= 0) throw new TorchRuntimeError(op, 'only one dimension can be inferred');
      infer = i;
    } else if (d < 0) {
      throw new TorchRuntimeError(op, `invalid shape dimension ${d}`);
    } else known *= d;
  }
  const out = [...shape];
  if (infer >= 0) {
    if (known === 0 || numel % known !== 0) {
      if (known === 0) throw new TorchRuntimeError(op, `cannot reshape tensor of 0 elements into shape ${fmtShape(shape)} because the unspecified dimension size -1 can be any value and is ambiguous`);
      throw new TorchRuntimeError(op, `shape '${fmtShape(shape)}' is invalid for input of size ${numel}`);
    }
    out[infer] = numel / known;
  } else if (known !== numel) {
    throw new TorchRuntimeError(op, `shape '${fmtShape(shape)}' is invalid for input of size ${numel}`);
  }
  return out;
}

/**
 * Strides for viewing (oldShape, oldStrides) as newShape without copying, or null
 * when impossible — a port of ATen's `computeStride`.
 */
export function computeViewStrides(
  oldShape: readonly number[],
  oldStrides: readonly number[],
  newShape: readonly number[],
): number[] | null {
  const numel = numelOf(oldShape);
  if (oldShape.length === 0) return newShape.map(() => 1);
  if (numel === 0) {
    return oldShape.length === newShape.length && oldShape.every((d, i) => d === newShape[i])
      ? [...oldStrides]
      : contiguousStrides(newShape);
  }
  const newStrides = new Array<number>(newShape.length);
  let viewD = newShape.length - 1;
  let chunkBaseStride = oldStrides[oldStrides.length - 1] ?? 1;
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
    tensorNumel *= oldShape[tensorD]!;
    if (tensorD === 0 || (oldShape[tensorD - 1] !== 1 && oldStrides[tensorD - 1] !== tensorNumel * chunkBaseStride)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] === 1)) {
        newStrides[viewD] = viewNumel * chunkBaseStride;
        viewNumel *= newShape[viewD]!;
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (tensorD > 0) {
        chunkBaseStride = oldStrides[tensorD - 1]!;
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) return null;
  return newStrides;
}

/** Normalises a list of dims (number, list or undefined = all) to sorted unique dims. */
export function normalizeDims(dim: number | readonly number[] | undefined | null, ndim: number, op: string): number[] {
  if (dim === undefined || dim === null) return allDims(ndim);
  // One number: the list path below with a list of one (no repeats possible).
  if (typeof dim === 'number') return ndim === 0 ? (wrapDim(dim, 0, op), []) : [wrapDim(dim, ndim, op)];
  const list = dim;
  if (!Array.isArray(list)) {
    throw new TorchTypeError(op, `${op}(): argument 'dim' must be int or tuple of ints, not ${typeof dim === 'object' ? (dim as object).constructor?.name ?? 'object' : typeof dim}`);
  }
  if (list.length === 0) return allDims(ndim);
  const seen = new Set<number>();
  for (const d of list) {
    const w = ndim === 0 ? (wrapDim(d, 0, op), 0) : wrapDim(d, ndim, op);
    if (seen.has(w)) throw new TorchRuntimeError(op, `dim ${w} appears multiple times in the list of dims`);
    seen.add(w);
  }
  return ndim === 0 ? [] : [...seen].sort((a, b) => a - b);
}

/** `[0, 1, …, ndim - 1]`. */
function allDims(ndim: number): number[] {
  const dims = new Array<number>(ndim);
  for (let i = 0; i < ndim; i++) dims[i] = i;
  return dims;
}
