/**
 * Advanced indexing: `x[...]` with integer or boolean tensors among the indices, with
 * PyTorch's rules. Python ints, slices, `None` and `...` index first (a view, as in
 * basic indexing; unlike NumPy, PyTorch treats a plain int as basic); the tensor indices
 * are then broadcast together (a boolean mask of k dims stands for the k index tensors
 * of its nonzero positions) and gathered. The broadcast index dims take the place of the
 * indexed dims when those are adjacent, and come first otherwise. The result is a copy.
 */
import { bool, int64 } from '../dtype.js';
import { TorchIndexError, fmtShape } from '../errors.js';
import { broadcastShapes } from '../shape.js';
import { Tensor } from '../tensor.js';
import { indexSelect, nonzero } from './indexing.js';
import { type IndexSpec, index as basicIndex, permute } from './views.js';

/** An index entry of {@link Tensor.index}: basic specs or a tensor. */
export type AdvancedIndexSpec = IndexSpec | Tensor;

/** Whether `specs` holds a tensor, so {@link advancedIndex} must handle it. */
export function hasTensorIndex(specs: readonly unknown[]): boolean {
  return specs.some((s) => s instanceof Tensor);
}

const isMask = (t: Tensor) => t.dtype === bool || t.dtype.name === 'uint8';

/** `x[specs]` where some specs are tensors. */
export function advancedIndex(x: Tensor, specs: readonly AdvancedIndexSpec[]): Tensor {
  const op = 'index';
  // A 0-d integer tensor indexes as the int it holds (a view), as in PyTorch; devices
  // that read back only asynchronously take it as a tensor index (same values, a copy).
  specs = specs.map((s) => (s instanceof Tensor && s._shape.length === 0 && s.dtype === int64 && s._storage.backend.syncRead ? (s.item() as number) : s));
  if (!hasTensorIndex(specs)) return basicIndex(x, ...(specs as IndexSpec[]));
  for (const s of specs) {
    if (s instanceof Tensor && !isMask(s) && s.dtype !== int64) {
      throw new TorchIndexError(op, 'tensors used as indices must be long, byte or bool tensors');
    }
  }
  const consumed = (s: AdvancedIndexSpec) => (s === null || s === '...' ? 0 : s instanceof Tensor && isMask(s) ? s._shape.length : 1);
  const total = specs.reduce<number>((sum, s) => sum + consumed(s), 0);
  const n = x._shape.length;
  if (total > n) throw new TorchIndexError(op, `too many indices for tensor of dimension ${n}`);
  // Basic specs for a first view, and the index tensors for the dims of that view.
  const basic: IndexSpec[] = [];
  const adv: { pos: number; idx: Tensor }[] = [];
  let inDim = 0;
  let outDim = 0;
  for (const s of specs) {
    if (s === '...') {
      for (let k = 0; k < n - total; k++) basic.push(':');
      inDim += n - total;
      outDim += n - total;
    } else if (!(s instanceof Tensor)) {
      basic.push(s);
      if (s === null) outDim++;
      else if (typeof s === 'number') inDim++;
      else {
        inDim++;
        outDim++;
      }
    } else if (!isMask(s)) {
      basic.push(':');
      adv.push({ pos: outDim++, idx: s });
      inDim++;
    } else if (s._shape.length === 0) {
      // A 0-d mask adds a dim of size 1, kept (True) or emptied (False).
      basic.push(null);
      adv.push({ pos: outDim++, idx: nonzero(s.reshape(1)).reshape(-1) });
    } else {
      const k = s._shape.length;
      for (let j = 0; j < k; j++) {
        if (s._shape[j] !== x._shape[inDim + j]) {
          throw new TorchIndexError(op, `The shape of the mask ${fmtShape(s._shape)} at index ${j} does not match the shape of the indexed tensor ${fmtShape(x._shape.slice(inDim))} at index ${j}`);
        }
      }
      const coords = nonzero(s).unbind(1);
      for (let j = 0; j < k; j++) {
        basic.push(':');
        adv.push({ pos: outDim++, idx: coords[j]! });
      }
      inDim += k;
    }
  }
  const v = basicIndex(x, ...basic);
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
    const { pos, idx } = adv[j]!;
    const size = v._shape[pos]!;
    if (idx.numel() > 0 && idx._storage.backend.syncRead) {
      const mx = idx.max().item() as number;
      const mn = idx.min().item() as number;
      const bad = mx >= size ? mx : mn < -size ? mn : null;
      if (bad !== null) throw new TorchIndexError(op, `index ${bad} is out of bounds for dimension ${pos} with size ${size}`);
    }
    const wrapped = idx.add(idx.lt(0).mul(size)); // negative indices count from the end
    const term: Tensor = mult === 1 ? wrapped : wrapped.mul(mult);
    linear = linear === null ? term : term.add(linear);
    mult *= size;
  }
  const advPos = adv.map((a) => a.pos);
  const rest = v._shape.map((_, i) => i).filter((i) => !advPos.includes(i));
  const moved = permute(v, [...advPos, ...rest]);
  const restShape = rest.map((i) => v._shape[i]!);
  const flat = moved.reshape([mult, ...restShape]);
  const picked = indexSelect(flat, 0, linear!.expand(bshape).reshape(-1)).reshape([...bshape, ...restShape]);
  const adjacent = advPos.every((p, i) => i === 0 || p === advPos[i - 1]! + 1);
  if (!adjacent || advPos[0] === 0 || bshape.length === 0 && rest.length === 0) return picked;
  // Adjacent indexed dims: the broadcast dims take their place.
  const at = advPos[0]!;
  const nb = bshape.length;
  const order = [...Array.from({ length: at }, (_, i) => nb + i), ...Array.from({ length: nb }, (_, i) => i), ...Array.from({ length: rest.length - at }, (_, i) => nb + at + i)];
  return permute(picked, order).contiguous();
}
