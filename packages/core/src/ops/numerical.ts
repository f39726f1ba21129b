/**
 * Numerical differentiation: `torch.gradient` (second-order accurate central
 * differences in the interior, first- or second-order one-sided differences at the
 * edges), with unit spacing, a spacing per dim or coordinate tensors per dim. A
 * composite of slices, arithmetic and `cat` (PyTorch's `ReduceOps.cpp` formulas,
 * step for step, so rounding and dtypes match): autograd and both backends for free.
 */
import { TorchIndexError, TorchRuntimeError, TorchTypeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { expectTensor, pyTypeName } from '../validate.js';
import { add, div, sub } from './elementwise.js';
import { mul } from './generated.js';
import { cat } from './indexing.js';
import { diff } from './products.js';
import { narrow, reshape, select } from './views.js';

/** Options of {@link gradient}. */
export interface GradientOptions {
  /**
   * The sample spacing: a number (the same step along every dim), a list of numbers
   * (one step per dim), or a list of 1-D coordinate tensors (one per dim: the sample
   * positions along it, which may be uneven). Default 1.
   */
  spacing?: number | readonly number[] | readonly Tensor[];
  /** The dim, or list of dims, to differentiate along (default: every dim). */
  dim?: number | readonly number[];
  /** Accuracy of the one-sided differences at the edges: 1 (default) or 2. */
  edgeOrder?: number;
}

const OP = 'gradient';

function isIntList(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((d) => typeof d === 'number' && Number.isInteger(d));
}

/** PyTorch's `dim_list_to_bitset` checks: each dim in range, none twice; returns them wrapped (in order). */
function checkDims(dims: readonly number[], ndim: number): number[] {
  const n = Math.max(ndim, 1);
  const seen = new Set<number>();
  return dims.map((d) => {
    if (d < -n || d >= n) throw new TorchIndexError(OP, `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${d})`);
    const w = d < 0 ? d + n : d;
    if (seen.has(w)) throw new TorchRuntimeError(OP, `dim ${w} appears multiple times in the list of dims`);
    seen.add(w);
    return w;
  });
}

/** PyTorch's `pre_check_gradient`. `spacingSize` null: spacing unspecified; `dims` null: dim unspecified. */
function preCheck(x: Tensor, spacingSize: number | null, dims: readonly number[] | null, edgeOrder: number): number[] {
  if (x.dtype.name === 'uint8') throw new TorchRuntimeError(OP, 'torch.gradient does not support uint8 input.');
  const nd = x._shape.length;
  if (spacingSize !== null && dims === null && spacingSize !== 1 && spacingSize !== nd) {
    throw new TorchRuntimeError(OP, `torch.gradient expected spacing to be unspecified, a scalar or a list of length ${nd} but got a list of length ${spacingSize}`);
  }
  if (spacingSize !== null && dims !== null && spacingSize !== dims.length) {
    throw new TorchRuntimeError(
      OP,
      `torch.gradient expected spacing to be unspecified, a scalar or it's spacing and dim arguments to have the same length, but got a spacing argument of length ${spacingSize} and a dim argument of length ${dims.length}.`,
    );
  }
  if (edgeOrder !== 1 && edgeOrder !== 2) throw new TorchRuntimeError(OP, 'torch.gradient only supports edge_order=1 and edge_order=2.');
  const wrapped = dims === null ? Array.from({ length: nd }, (_, i) => i) : checkDims(dims, nd);
  if (dims !== null && nd === 0 && wrapped.length > 0) {
    throw new TorchIndexError(OP, `Dimension specified as ${dims[0]} but tensor has no dimensions`);
  }
  for (const d of wrapped) {
    if (x._shape[d]! < edgeOrder + 1) throw new TorchRuntimeError(OP, 'torch.gradient expected each dimension size to be at least edge_order+1');
  }
  return wrapped;
}

/** `at::slice(x, d, start, stop)` with Python-style negative bounds, as a narrow (a view). */
function sl(x: Tensor, d: number, start: number, stop?: number): Tensor {
  const n = x._shape[d]!;
  const s = start < 0 ? start + n : start;
  const e = stop === undefined ? n : stop < 0 ? stop + n : stop;
  return narrow(x, d, s, Math.max(e - s, 0));
}

/** Uniform spacing (`gradient_helper_float`). */
function gradientUniform(x: Tensor, spacing: readonly number[], dims: readonly number[], edgeOrder: number): Tensor[] {
  return dims.map((d, i) => {
    const h = spacing[i]!;
    const center = div(sub(sl(x, d, 2), sl(x, d, 0, -2)), h);
    let prepend: Tensor;
    let append: Tensor;
    if (edgeOrder === 1) {
      prepend = div(sub(sl(x, d, 1, 2), sl(x, d, 0, 1)), h);
      append = div(sub(sl(x, d, -1), sl(x, d, -2, -1)), h);
    } else {
      prepend = div(sub(add(mul(sl(x, d, 0, 1), -1.5), mul(sl(x, d, 1, 2), 2)), mul(sl(x, d, 2, 3), 0.5)), h);
      append = div(add(sub(mul(sl(x, d, -3, -2), 0.5), mul(sl(x, d, -2, -1), 2)), mul(sl(x, d, -1), 1.5)), h);
    }
    return cat([prepend, div(center, 2), append], d);
  });
}

/** Coordinates per dim (`gradient_helper`): uneven spacing. */
function gradientCoordinates(x: Tensor, coords: readonly Tensor[], dims: readonly number[], edgeOrder: number): Tensor[] {
  for (const c of coords) {
    if (!c.device.equals(x.device)) {
      throw new TorchRuntimeError(OP, `torch.gradient expected each tensor to be on the same device, but got devices ${x.device} and ${c.device}!`);
    }
  }
  return dims.map((d, i) => {
    const coord = coords[i]!;
    if (coord._shape.length !== 1) {
      throw new TorchRuntimeError(OP, `torch.gradient expected each element of spacing to have one dimension, but got an element with ${coord._shape.length} dimensions!`);
    }
    const shape = x._shape.map(() => 1);
    shape[d] = -1;
    const axDx = diff(coord, 1, 0);
    const m = axDx._shape[0]!;
    const dx1 = sl(axDx, 0, 0, -1);
    const dx2 = sl(axDx, 0, 1);
    const a = reshape(div(mul(dx2, -1), mul(dx1, add(dx1, dx2))), shape);
    const b = reshape(div(sub(dx2, dx1), mul(dx1, dx2)), shape);
    const c = reshape(div(dx1, mul(dx2, add(dx1, dx2))), shape);
    const center = add(add(mul(a, sl(x, d, 0, -2)), mul(b, sl(x, d, 1, -1))), mul(c, sl(x, d, 2)));
    const at = (k: number) => select(axDx, 0, k < 0 ? k + m : k);
    let prepend: Tensor;
    let append: Tensor;
    if (edgeOrder === 1) {
      prepend = div(sub(sl(x, d, 1, 2), sl(x, d, 0, 1)), at(0));
      append = div(sub(sl(x, d, -1), sl(x, d, -2, -1)), at(-1));
    } else {
      const h0 = at(0);
      const h1 = at(1);
      const pa = div(mul(add(mul(h0, 2), h1), -1), mul(h0, add(h0, h1)));
      const pb = div(add(h0, h1), mul(h0, h1));
      const pc = div(mul(h0, -1), mul(h1, add(h0, h1)));
      prepend = add(add(mul(pa, sl(x, d, 0, 1)), mul(pb, sl(x, d, 1, 2))), mul(pc, sl(x, d, 2, 3)));
      const l1 = at(-1);
      const l2 = at(-2);
      const qa = div(l1, mul(l2, add(l1, l2)));
      const qb = div(mul(add(l1, l2), -1), mul(l1, l2));
      const qc = div(add(mul(l1, 2), l2), mul(l1, add(l1, l2)));
      append = add(add(mul(qa, sl(x, d, -3, -2)), mul(qb, sl(x, d, -2, -1))), mul(qc, sl(x, d, -1)));
    }
    return cat([prepend, center, append], d);
  });
}

/**
 * Estimates the gradient of a function sampled on a grid (`torch.gradient`): along each
 * requested dim, second-order central differences inside and one-sided differences of
 * order `edgeOrder` at the two ends. Returns one tensor per dim (input's shape; integer
 * inputs give float results; uint8 is refused, as in PyTorch).
 *
 * `spacing` is a number (the step on every dim), a list of numbers (one step per dim) or a
 * list of 1-D coordinate tensors (one per dim). Differentiable (a composite).
 * @example
 * ```ts pytorch=core.gradient
 * const [g] = torch.gradient(torch.tensor([1, 4, 9, 16], { dtype: 'float32' }));
 * console.log(g);
 * const img = torch.tensor([[1, 2, 4], [2, 5, 9]], { dtype: 'float32' });
 * const [gy, gx] = torch.gradient(img, { spacing: [2, 0.5] }); // rows 2 apart, columns 0.5 apart
 * console.log(gy, gx);
 * ```
 * ```text
 * tensor([3., 4., 6., 7.])
 * tensor([[0.5000, 1.5000, 2.5000],
 *         [0.5000, 1.5000, 2.5000]]) tensor([[2., 3., 4.],
 *         [6., 7., 8.]])
 * ```
 */
export function gradient(input: Tensor, opts: GradientOptions = {}): Tensor[] {
  expectTensor(OP, 'input', 1, input);
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts) || opts instanceof Tensor) {
    throw new TorchTypeError(OP, `gradient(): options must be an object of keyword arguments, not ${pyTypeName(opts)}`);
  }
  for (const k of Object.keys(opts)) {
    if (k !== 'spacing' && k !== 'dim' && k !== 'edgeOrder') {
      throw new TorchTypeError(OP, `gradient() got an unexpected keyword argument '${k.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)}'`);
    }
  }
  const { spacing, dim } = opts;
  const edgeOrder = opts.edgeOrder ?? 1;
  if (typeof edgeOrder !== 'number' || !Number.isInteger(edgeOrder)) {
    throw new TorchTypeError(OP, `gradient(): argument 'edge_order' must be int, not ${pyTypeName(edgeOrder)}`);
  }
  let dims: number[] | null;
  if (dim === undefined || dim === null) dims = null;
  else if (typeof dim === 'number' && Number.isInteger(dim)) dims = [dim];
  else if (isIntList(dim)) dims = [...dim];
  else throw new TorchTypeError(OP, `gradient(): argument 'dim' must be int or tuple of ints, not ${pyTypeName(dim)}`);
  const nd = input._shape.length;

  if (spacing === undefined || spacing === null || typeof spacing === 'number') {
    const h = spacing ?? 1;
    // a scalar step counts as a list of one step per dim (dim given) or is unchecked (spacing unspecified)
    const size = spacing === undefined || spacing === null ? null : dims === null ? 1 : dims.length;
    const wrapped = preCheck(input, size, dims, edgeOrder);
    return gradientUniform(input, wrapped.map(() => h), wrapped, edgeOrder);
  }
  if (!Array.isArray(spacing)) {
    throw new TorchTypeError(OP, `gradient(): argument 'spacing' must be Number, tuple of Numbers or tuple of Tensors, not ${pyTypeName(spacing)}`);
  }
  const list = spacing as readonly unknown[];
  const allTensors = list.length > 0 && list.every((s) => s instanceof Tensor);
  const allNumbers = list.every((s) => typeof s === 'number');
  if (!allTensors && !allNumbers) {
    throw new TorchTypeError(OP, `gradient(): argument 'spacing' must be a tuple of Numbers or a tuple of Tensors, not a ${pyTypeName(list)} mixing ${[...new Set(list.map(pyTypeName))].join(' and ')}`);
  }
  const wrapped = preCheck(input, list.length, dims, edgeOrder);
  if (list.length < wrapped.length) {
    // PyTorch 1.13 accepts one spacing for several dims here and then reads past its list
    // (an internal assert or garbage); refuse it with the pre-check's text instead.
    throw new TorchRuntimeError(OP, `torch.gradient expected spacing to be unspecified, a scalar or a list of length ${nd} but got a list of length ${list.length}`);
  }
  if (allTensors) return gradientCoordinates(input, list as Tensor[], wrapped, edgeOrder);
  return gradientUniform(input, list as number[], wrapped, edgeOrder);
}
