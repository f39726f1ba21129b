/**
 * Iteration over strided views. Kernels iterate "rows": after dropping size-1
 * dims and merging adjacent dims that are contiguous with each other in every
 * operand (as ATen's TensorIterator does), the last dim is a row walked by a
 * tight loop, and an odometer steps over the remaining outer dims.
 */

/** Number of elements of a shape. */
export function numel(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

/** Whether a view with these shape and strides is C-contiguous (size-1 dims may have any stride). */
export function isContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i];
    if (d !== 1 && strides[i] !== expected) return false;
    expected *= d;
  }
  return true;
}

/** Shape and per-operand strides after {@link collapse}; always at least one dim. */
export interface Collapsed {
  shape: number[];
  strides: number[][];
}

/**
 * Simplifies an iteration space shared by several operands: drops size-1 dims,
 * orders dims so that operand 0 (the output, by convention) is walked in memory
 * order when it is not already, and merges dim i into dim i+1 wherever
 * `strides[i] === strides[i+1] * shape[i+1]` holds for every operand.
 */
export function collapse(shape: readonly number[], strides: readonly (readonly number[])[], reorder = true): Collapsed {
  const k = strides.length;
  let dims: number[] = [];
  for (let i = 0; i < shape.length; i++) if (shape[i] !== 1) dims.push(i);
  if (reorder && k > 0 && dims.length > 1) {
    const s0 = strides[0];
    let ordered = true;
    for (let j = 1; j < dims.length; j++) if (Math.abs(s0[dims[j - 1]]) < Math.abs(s0[dims[j]])) ordered = false;
    if (!ordered) {
      // stable sort by |stride of operand 0|, descending (so the smallest stride is innermost)
      dims = dims
        .map((d, pos) => ({ d, pos }))
        .sort((x, y) => Math.abs(s0[y.d]) - Math.abs(s0[x.d]) || x.pos - y.pos)
        .map((e) => e.d);
    }
  }
  const outShape: number[] = [];
  const outStrides: number[][] = [];
  for (let j = 0; j < k; j++) outStrides.push([]);
  for (let t = dims.length - 1; t >= 0; t--) {
    const d = dims[t];
    const size = shape[d];
    const last = outShape.length - 1;
    if (last >= 0) {
      let mergeable = true;
      for (let j = 0; j < k; j++) {
        if (strides[j][d] !== outStrides[j][0] * outShape[0]) {
          mergeable = false;
          break;
        }
      }
      if (mergeable) {
        outShape[0] *= size;
        continue;
      }
    }
    outShape.unshift(size);
    for (let j = 0; j < k; j++) outStrides[j].unshift(strides[j][d]);
  }
  if (outShape.length === 0) {
    outShape.push(1);
    for (let j = 0; j < k; j++) outStrides[j].push(0);
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * An odometer over the outer dims of a collapsed iteration space: `pos[j]` is the
 * element offset of operand j at the start of the current row, `rowLen` the row
 * length and `inner[j]` operand j's stride along the row.
 * ```ts
 * const it = new RowIter(c.shape, c.strides, [out.offset, x.offset]);
 * do row(it.rowLen, O, it.pos[0], it.inner[0], X, it.pos[1], it.inner[1]); while (it.next());
 * ```
 */
export class RowIter {
  /** Length of every row. */
  readonly rowLen: number;
  /** Per-operand stride along the row. */
  readonly inner: number[];
  /** Per-operand offset of the current row's first element. */
  readonly pos: number[];
  private readonly outer: number;
  private readonly counter: number[];

  /** Starts at the first row; `shape` must not be empty. */
  constructor(
    private readonly shape: readonly number[],
    private readonly strides: readonly (readonly number[])[],
    offsets: readonly number[],
  ) {
    const nd = shape.length;
    this.rowLen = shape[nd - 1];
    this.inner = strides.map((s) => s[nd - 1]);
    this.pos = offsets.slice();
    this.outer = nd - 1;
    this.counter = new Array<number>(nd - 1).fill(0);
  }

  /** Restarts at the first row with new base offsets (same shape and strides). */
  reset(offsets: readonly number[]): void {
    for (let j = 0; j < offsets.length; j++) this.pos[j] = offsets[j];
    this.counter.fill(0);
  }

  /** Advances to the next row; false when all rows were visited. */
  next(): boolean {
    const pos = this.pos;
    const k = pos.length;
    for (let d = this.outer - 1; d >= 0; d--) {
      const size = this.shape[d];
      if (++this.counter[d] < size) {
        for (let j = 0; j < k; j++) pos[j] += this.strides[j][d];
        return true;
      }
      this.counter[d] = 0;
      for (let j = 0; j < k; j++) pos[j] -= this.strides[j][d] * (size - 1);
    }
    return false;
  }
}
