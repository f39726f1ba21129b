/**
 * Advanced indexing: `x[...]` with integer or boolean tensors among the indices, with
 * PyTorch's rules. Python ints, slices, `None` and `...` index first (a view, as in
 * basic indexing; unlike NumPy, PyTorch treats a plain int as basic); the tensor indices
 * are then broadcast together (a boolean mask of k dims stands for the k index tensors
 * of its nonzero positions) and gathered. The broadcast index dims take the place of the
 * indexed dims when those are adjacent, and come first otherwise. The result is a copy.
 */
import { composite } from '../autograd-hook.js';
import { bool, int64 } from '../dtype.js';
import { TorchIndexError, TorchRuntimeError, fmtShape } from '../errors.js';
import { broadcastShapes } from '../shape.js';
import { Tensor } from '../tensor.js';
import { indexSelect, nonzero, nonzeroAsync } from './indexing.js';
import { type IndexSpec, index as basicIndex, permute } from './views.js';

/** An index entry of {@link Tensor.index}: basic specs or a tensor. */
export type AdvancedIndexSpec = IndexSpec | Tensor;

/** Whether `specs` holds a tensor, so {@link advancedIndex} must handle it. */
export function hasTensorIndex(specs: readonly unknown[]): boolean {
  return specs.some((s) => s instanceof Tensor);
}

const isMask = (t: Tensor) => t.dtype === bool || t.dtype.name === 'uint8';

/**
 * Values read from the device ahead of time, for devices that read back only
 * asynchronously: the nonzero coordinates of each mask and the [min, max] of each
 * integer index tensor.
 */
export interface Prefetched {
  coords: Map<Tensor, Tensor[]>;
  bounds: Map<Tensor, [number, number]>;
}

/** How {@link planAdvanced} reads masks, and the text of its too-many-indices error. */
export interface PlanOptions {
  /** The nonzero coordinates of a mask, one 1-D int64 tensor per mask dim. */
  maskCoords: (mask: Tensor) => Tensor[];
  /** PyTorch's error text when the specs consume more dims than `x` has. */
  tooManyText?: (dims: number, consumed: number) => string;
}

/**
 * The plan shared by reading (`x[specs]`) and writing (`x[specs] = v`) with tensor indices:
 * a basic-indexed view `v`, the positions of its indexed dims, their broadcast shape, and
 * one linear index over them (row-major, bounds-checked, negatives wrapped).
 */
export function planAdvanced(op: string, x: Tensor, specs: readonly AdvancedIndexSpec[], pre: Prefetched | undefined, opts: PlanOptions): {
  v: Tensor;
  advPos: number[];
  bshape: number[];
  linear: Tensor;
  mult: number;
} {
  for (const s of specs) {
    if (s instanceof Tensor && !isMask(s) && s.dtype !== int64) throw new TorchIndexError(op, 'tensors used as indices must be long, byte or bool tensors');
  }
  const consumed = (s: AdvancedIndexSpec) => (s === null || s === '...' ? 0 : s instanceof Tensor && isMask(s) ? s._shape.length : 1);
  const total = specs.reduce<number>((sum, s) => sum + consumed(s), 0);
  const n = x._shape.length;
  if (total > n) throw new TorchIndexError(op, opts.tooManyText ? opts.tooManyText(n, total) : `too many indices for tensor of dimension ${n}`);
  // Basic specs for a first view, and the index tensors for the dims of that view.
  const basic: IndexSpec[] = [];
  // Which entries of `basic` stand for an index tensor's dim (not a slice the user wrote).
  const forTensor: boolean[] = [];
  const adv: { pos: number; idx: Tensor; fromMask: boolean }[] = [];
  let inDim = 0;
  let outDim = 0;
  for (const s of specs) {
    if (s === '...') {
      for (let k = 0; k < n - total; k++) (basic.push(':'), forTensor.push(false));
      inDim += n - total;
      outDim += n - total;
    } else if (!(s instanceof Tensor)) {
      basic.push(s);
      forTensor.push(false);
      if (s === null) outDim++;
      else if (typeof s === 'number') inDim++;
      else {
        inDim++;
        outDim++;
      }
    } else if (!isMask(s)) {
      basic.push(':');
      forTensor.push(true);
      adv.push({ pos: outDim++, idx: s, fromMask: false });
      inDim++;
    } else if (s._shape.length === 0) {
      // A 0-d mask adds a dim of size 1, kept (True) or emptied (False).
      basic.push(null);
      forTensor.push(false);
      adv.push({ pos: outDim++, idx: opts.maskCoords(s)[0]!, fromMask: true });
    } else {
      const k = s._shape.length;
      for (let j = 0; j < k; j++) {
        if (s._shape[j] !== x._shape[inDim + j]) {
          throw new TorchIndexError(op, `The shape of the mask ${fmtShape(s._shape)} at index ${j} does not match the shape of the indexed tensor ${fmtShape(x._shape.slice(inDim))} at index ${j}`);
        }
      }
      const coords = opts.maskCoords(s);
      for (let j = 0; j < k; j++) {
        basic.push(':');
        forTensor.push(true);
        adv.push({ pos: outDim++, idx: coords[j]!, fromMask: true });
      }
      inDim += k;
    }
  }
  // PyTorch slices only the dims the user sliced: trailing index-tensor dims need no view,
  // so the index node's input is the leaf itself (x[idx]) or the last basic view (x[0, idx]).
  while (forTensor.length > 0 && forTensor[forTensor.length - 1]) (basic.pop(), forTensor.pop());
  const v = basic.length === 0 ? x : basicIndex(x, ...basic);
  let bshape: number[] = [];
  try {
    for (const a of adv) bshape = broadcastShapes(bshape, a.idx._shape, op);
  } catch {
    throw new TorchIndexError(op, `shape mismatch: indexing tensors could not be broadcast together with shapes ${adv.map((a) => fmtShape(a.idx._shape)).join(', ')}`);
  }
  // One linear index over the indexed dims (row-major), after bounds checks and wrapping.
  let linear: Tensor | null = null;
  let mult = 1;
  for (let j = adv.length - 1; j >= 0; j--) {
    const { pos, idx, fromMask } = adv[j]!;
    const size = v._shape[pos]!;
    // Devices without a synchronous read and no prefetched bounds rely on the kernels'
    // own device-side checks (reported at the next read).
    const sync = idx._storage.backend.syncRead;
    const range = fromMask || idx.numel() === 0 ? null : pre?.bounds.get(idx) ?? (sync ? [idx.min().item() as number, idx.max().item() as number] : null);
    if (range !== null) {
      const [mn, mx] = range;
      const bad = mx >= size ? mx : mn < -size ? mn : null;
      if (bad !== null) throw new TorchIndexError(op, `index ${bad} is out of bounds for dimension ${pos} with size ${size}`);
    }
    const wrapped = fromMask ? idx : idx.add(idx.lt(0).mul(size)); // negative indices count from the end
    const term: Tensor = mult === 1 ? wrapped : wrapped.mul(mult);
    linear = linear === null ? term : term.add(linear);
    mult *= size;
  }
  return { v, advPos: adv.map((a) => a.pos), bshape, linear: linear!, mult };
}

/**
 * `x[specs]` where some specs are tensors. Masks and bounds are read synchronously;
 * on devices that read back only asynchronously (WebGPU) use {@link indexAsync}.
 */
export function advancedIndex(x: Tensor, specs: readonly AdvancedIndexSpec[], pre?: Prefetched): Tensor {
  const op = 'index';
  const sync = (t: Tensor) => t._storage.backend.syncRead;
  // A 0-d integer tensor indexes as the int it holds (a view), as in PyTorch.
  specs = specs.map((s) => (s instanceof Tensor && s._shape.length === 0 && s.dtype === int64 && sync(s) ? (s.item() as number) : s));
  if (!hasTensorIndex(specs)) return basicIndex(x, ...(specs as IndexSpec[]));
  const maskCoords = (m: Tensor): Tensor[] => {
    const got = pre?.coords.get(m);
    if (got) return got;
    if (!sync(m)) throw new TorchRuntimeError(op, `index: a boolean mask's result size depends on the data, which tensors on '${m.device}' can only read asynchronously; use await x.indexAsync(...)`);
    return m._shape.length === 0 ? [nonzero(m.reshape(1)).reshape(-1)] : nonzero(m).unbind(1);
  };
  const { v, advPos, bshape, linear, mult } = planAdvanced(op, x, specs, pre, { maskCoords });
  const rest = v._shape.map((_, i) => i).filter((i) => !advPos.includes(i));
  const perm = [...advPos, ...rest];
  const restShape = rest.map((i) => v._shape[i]!);
  const flatIndex = linear.expand(bshape).reshape(-1);
  const adjacent = advPos.every((p, i) => i === 0 || p === advPos[i - 1]! + 1);
  // Adjacent indexed dims (not leading): the broadcast dims take their place.
  let order: number[] | null = null;
  if (adjacent && advPos[0] !== 0 && !(bshape.length === 0 && rest.length === 0)) {
    const at = advPos[0]!;
    const nb = bshape.length;
    order = [...Array.from({ length: at }, (_, i) => nb + i), ...Array.from({ length: nb }, (_, i) => i), ...Array.from({ length: rest.length - at }, (_, i) => nb + at + i)];
  }
  // One autograd node, IndexBackward0 as in PyTorch, whose input is the basic-indexed view
  // (SliceBackward0, SelectBackward0, … or the leaf itself); autograd's 'index' rule scatters
  // the gradient back through the same plan.
  const attrs = { vShape: [...v._shape], perm, restShape, mult, flatIndex, bshape, order };
  return composite('index', [v], attrs, () => {
    const flat = permute(v, perm).reshape([mult, ...restShape]);
    const picked = indexSelect(flat, 0, flatIndex).reshape([...bshape, ...restShape]);
    return order === null ? picked : permute(picked, order).contiguous();
  });
}

/**
 * {@link Tensor.index} for any device: reads the masks' nonzero positions and the
 * index tensors' ranges asynchronously first, so devices that read back only
 * asynchronously (WebGPU) get the same results and errors as the CPU.
 * @example
 * ```ts pytorch=core.indexAsync
 * const x = torch.tensor([[-1, 2], [3, -4]]);
 * console.log(await x.indexAsync(x.gt(0))); // x[x > 0]
 * ```
 * ```text
 * tensor([2, 3])
 * ```
 */
export async function indexAsync(x: Tensor, ...specs: AdvancedIndexSpec[]): Promise<Tensor> {
  const pre: Prefetched = { coords: new Map(), bounds: new Map() };
  const resolved: AdvancedIndexSpec[] = [];
  for (const s of specs) {
    if (!(s instanceof Tensor)) resolved.push(s);
    else if (s._shape.length === 0 && s.dtype === int64) resolved.push(Number((await s.data())[0]));
    else if (isMask(s)) {
      const m = s._shape.length === 0 ? s.reshape(1) : s;
      const nz = await nonzeroAsync(m);
      pre.coords.set(s, s._shape.length === 0 ? [nz.reshape(-1)] : nz.unbind(1));
      resolved.push(s);
    } else {
      if (s.numel() > 0 && s.dtype === int64) {
        const [mn, mx] = await Promise.all([s.min().data(), s.max().data()]);
        pre.bounds.set(s, [Number(mn[0]), Number(mx[0])]);
      }
      resolved.push(s);
    }
  }
  return hasTensorIndex(resolved) ? advancedIndex(x, resolved, pre) : basicIndex(x, ...(resolved as IndexSpec[]));
}
