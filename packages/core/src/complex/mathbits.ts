/**
 * PyTorch's math bits: the conjugate bit (`x.conj()` of a complex tensor is a view
 * of the same storage whose elements read conjugated) and the negative bit (the
 * imaginary part of a conjugate view reads negated). As in PyTorch's conjugate
 * fallback, the bits are resolved where inputs reach the backend kernels, so no
 * backend ever sees a flagged tensor:
 *
 * - every kernel operand comes from `refOf`/`refWith` (ops/dispatch.ts) and every host
 *   read from `hostStorage`/`readStorage`; for a flagged tensor they hand over a
 *   materialized copy ({@link resolvedRef}, {@link resolvedCopy});
 * - an in-place op announces its target (`notifyInplace`) before any write and
 *   finishes with `bumpVersion`: a flagged target's kernel writes land in its
 *   materialized copy ({@link markWrite}), which `bumpVersion` writes back into
 *   the storage with the bits applied again ({@link finishWrite}). The other operands
 *   read the untouched storage meanwhile, as PyTorch clones mutable flagged
 *   arguments for the same reason.
 */
import type { TensorRef } from '../backend.js';
import { toRealDtype } from '../dtype.js';
import { Storage } from '../storage.js';
import { Tensor } from '../tensor.js';

/** Whether `t` carries the conjugate or the negative bit. */
export function hasMathBits(t: Tensor): boolean {
  return t._conj || t._neg;
}

/** The kernel view of `t`'s own storage, ignoring its bits (the physical elements). */
function physicalRef(t: Tensor): TensorRef {
  return { buffer: t._storage.buffer, dtype: t.dtype.name, shape: t._shape, strides: t._strides, offset: t._offset };
}

/**
 * Applies the bits to the elements `ref` addresses, in place: conj negates the
 * imaginary parts, neg negates the elements (both: the real parts). Each is its own
 * inverse, so the same call turns stored elements into read ones and back.
 */
function applyBits(t: Tensor, ref: TensorRef, conj: boolean, neg: boolean): void {
  const b = t._storage.backend;
  if (!t.dtype.isComplex) {
    if (neg) b.unary('neg', ref, ref, ref.dtype);
    return;
  }
  if (conj === neg) {
    if (neg) b.unary('neg', ref, ref, ref.dtype);
    return;
  }
  // one part negated: the imaginary part for conj, the real part for conj∘neg
  const rd = toRealDtype(t.dtype).name;
  const part: TensorRef = { buffer: ref.buffer, dtype: rd, shape: ref.shape, strides: ref.strides.map((s) => 2 * s), offset: 2 * ref.offset + (conj ? 1 : 0) };
  b.unary('neg', part, part, rd);
}

/**
 * A plain (unflagged) tensor holding `t`'s read values, laid out with `t`'s strides
 * from offset 0 of a buffer spanning `t`'s elements: any layout derived from t's
 * (broadcast, permuted, collapsed) addresses it at its offset minus t's.
 */
function materialize(t: Tensor): Tensor {
  const b = t._storage.backend;
  let span = t._shape.some((d) => d === 0) ? 0 : 1;
  if (span > 0) for (let i = 0; i < t._shape.length; i++) span += (t._shape[i]! - 1) * t._strides[i]!;
  const storage = new Storage(b, t._storage.device, b.alloc(t.dtype.name, span), t.dtype.name);
  const tmp = new Tensor(storage, t._shape.slice(), t._strides.slice(), 0, t.dtype);
  if (span > 0) {
    b.copy(physicalRef(t), physicalRef(tmp));
    // the bits over the whole span, element by element once (t's layout may repeat elements)
    applyBits(t, { buffer: storage.buffer, dtype: t.dtype.name, shape: [span], strides: [1], offset: 0 }, t._conj, t._neg);
  }
  return tmp;
}

/** A materialized copy of an in-place target and the storage version it was read at. */
interface Pending {
  tmp: Tensor | null;
  version: number;
}

/** Targets of in-place ops under way (announced, not yet finished), and their materialized copies. */
const writing = new WeakMap<Tensor, Pending>();

/** `notifyInplace` of a flagged target: its kernel writes go to its materialized copy until {@link finishWrite}. */
export function markWrite(t: Tensor): void {
  if (hasMathBits(t)) writing.set(t, { tmp: null, version: t._storage.version });
}

/**
 * `bumpVersion` of a flagged target: writes its materialized copy back into the storage
 * with the bits applied. Without a copy no kernel got the target (an in-place op that
 * only changes metadata, `t_()`, `resize_()`), so there is nothing to write back.
 */
export function finishWrite(t: Tensor): void {
  if (!hasMathBits(t)) return;
  const tmp = writing.get(t)?.tmp;
  writing.delete(t);
  if (tmp === undefined || tmp === null || t.numel() === 0) return;
  const dst = physicalRef(t);
  t._storage.backend.copy(physicalRef(tmp), dst);
  applyBits(t, dst, t._conj, t._neg);
}

/**
 * The kernel view of a flagged `t` in the layout (`shape`, `strides`, `offset`, derived
 * from t's): one of a materialized copy. An in-place target announced by {@link markWrite}
 * gets one copy for all its operands (read and written, as an unflagged target's one
 * buffer), the one {@link finishWrite} writes back; it is made again once the storage
 * changed (an op that failed before its write-back leaves no stale copy behind).
 */
export function resolvedRef(t: Tensor, shape: readonly number[], strides: readonly number[], offset: number): TensorRef {
  const p = writing.get(t);
  let tmp: Tensor;
  if (p !== undefined && p.tmp !== null && p.version === t._storage.version && !p.tmp._storage.disposed) tmp = p.tmp;
  else {
    tmp = materialize(t);
    if (p !== undefined) writing.set(t, { tmp, version: t._storage.version });
  }
  return { buffer: tmp._storage.buffer, dtype: t.dtype.name, shape, strides, offset: offset - t._offset };
}

/** A plain tensor (own storage, t's strides) holding a flagged `t`'s read values, for host reads. */
export function resolvedCopy(t: Tensor): Tensor {
  return materialize(t);
}

/**
 * A view of `x`'s storage with the conjugate and negative bits given (autograd records
 * it as `op`; the caller records). Shape, strides, offset and dtype are x's.
 */
export function bitView(x: Tensor, conj: boolean, neg: boolean): Tensor {
  const v = new Tensor(x._storage, x._shape.slice(), x._strides.slice(), x._offset, x.dtype);
  v._conj = conj;
  v._neg = neg;
  v._base = x._base ?? x;
  v._viewVersion = x._version;
  return v;
}
