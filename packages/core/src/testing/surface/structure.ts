/**
 * Golden-case calls for the structure ops (fixture `ops-structure.json`, written by
 * `tools/golden/ops_structure.py`): PyTorch op name → Antorcha call.
 */
import * as s from '../../ops/index.js';
import { tensor } from '../../ops/creation.js';
import { Tensor } from '../../tensor.js';
import type { SurfaceCalls } from './types.js';

type Kw = Record<string, unknown>;

const opts = (kw: Kw, ...names: string[]): any => {
  const o: Kw = {};
  for (const n of names) if (kw[n] !== undefined && kw[n] !== null) o[n.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = kw[n];
  return Object.keys(o).length ? o : undefined;
};
const dim0 = (kw: Kw, pos: unknown): number => (pos ?? kw.dim ?? 0) as number;

/** A tensor argument moved to the CPU first (PyTorch takes split indices from CPU tensors only). */
const onCpu = async (v: unknown): Promise<unknown> => (v instanceof Tensor && !v.isCpu ? v.toAsync('cpu') : v);

/** A predicate's answer as a 0-dim tensor on `x`'s device (the golden script wraps it likewise). */
const on = (x: Tensor, v: number | boolean): Tensor => tensor(v, { device: x.device });

/** The calls of this area. */
export const STRUCTURE: SurfaceCalls = {
  calls: {
    H: ([x]) => x.H,
    mH: ([x]) => x.mH,
    iter: ([x]) => [...(x as Tensor)],
    clip_: ([x, lo, hi]) => x.clip_(lo, hi),
    hstack: ([ts]) => s.hstack(ts),
    vstack: ([ts]) => s.vstack(ts),
    dstack: ([ts]) => s.dstack(ts),
    column_stack: ([ts]) => s.columnStack(ts),
    row_stack: ([ts]) => s.rowStack(ts),
    concat: ([ts], kw) => s.concat(ts, dim0(kw, undefined)),
    concatenate: ([ts], kw) => s.concatenate(ts, dim0(kw, undefined)),
    atleast_1d: ([x]) => s.atleast1d(x),
    atleast_2d: ([x]) => s.atleast2d(x),
    atleast_3d: ([x]) => s.atleast3d(x),
    hsplit: ([x, a]) => s.hsplit(x, a),
    vsplit: ([x, a]) => s.vsplit(x, a),
    dsplit: ([x, a]) => s.dsplit(x, a),
    tensor_split: ([x, a, d], kw) => s.tensorSplit(x, a, dim0(kw, d)),
    split_with_sizes: ([x, a, d], kw) => s.splitWithSizes(x, a, dim0(kw, d)),
    unsafe_split_with_sizes: ([x, a, d], kw) => s.unsafeSplitWithSizes(x, a, dim0(kw, d)),
    unsafe_split: ([x, a, d], kw) => s.unsafeSplit(x, a, dim0(kw, d)),
    unsafe_chunk: ([x, a, d], kw) => s.unsafeChunk(x, a, dim0(kw, d)),
    broadcast_to: ([x, shape]) => s.broadcastTo(x, shape),
    swapaxes: ([x, a, b]) => s.swapaxes(x, a, b),
    swapdims: ([x, a, b]) => s.swapdims(x, a, b),
    moveaxis: ([x, a, b]) => s.moveaxis(x, a, b),
    ravel: ([x]) => s.ravel(x),
    unfold: ([x, d, size, step]) => s.unfold(x, d, size, step),
    fliplr: ([x]) => s.fliplr(x),
    flipud: ([x]) => s.flipud(x),
    rot90: ([x, k, dims]) => s.rot90(x, k ?? 1, dims ?? [0, 1]),
    narrow_copy: ([x, d, st, len]) => s.narrowCopy(x, d, st, len),
    view_copy: ([x, size]) => s.viewCopy(x, size),
    expand_copy: ([x, size]) => s.expandCopy(x, size),
    permute_copy: ([x, dims]) => s.permuteCopy(x, dims),
    squeeze_copy: ([x, d]) => s.squeezeCopy(x, d),
    unsqueeze_copy: ([x, d]) => s.unsqueezeCopy(x, d),
    t_copy: ([x]) => s.tCopy(x),
    transpose_copy: ([x, a, b]) => s.transposeCopy(x, a, b),
    select_copy: ([x, d, i]) => s.selectCopy(x, d, i),
    slice_copy: ([x, d, st, e, step]) => s.sliceCopy(x, d ?? 0, st ?? null, e ?? null, step ?? 1),
    split_copy: ([x, a, d], kw) => s.splitCopy(x, a, dim0(kw, d)),
    split_with_sizes_copy: ([x, a, d], kw) => s.splitWithSizesCopy(x, a, dim0(kw, d)),
    unbind_copy: ([x, d]) => s.unbindCopy(x, d ?? 0),
    unfold_copy: ([x, d, size, step]) => s.unfoldCopy(x, d, size, step),
    diagonal_copy: ([x, o, d1, d2]) => s.diagonalCopy(x, o ?? 0, d1 ?? 0, d2 ?? 1),
    alias_copy: ([x]) => s.aliasCopy(x),
    detach_copy: ([x]) => s.detachCopy(x),
    as_strided_copy: ([x, size, stride, o]) => s.asStridedCopy(x, size, stride, o),
    // In-place view ops: the decoded input is fresh for each case, so they act on it directly.
    t_: ([x]) => s.t_(x),
    transpose_: ([x, a, b]) => s.transpose_(x, a, b),
    swapaxes_: ([x, a, b]) => s.swapaxes_(x, a, b),
    swapdims_: ([x, a, b]) => s.swapdims_(x, a, b),
    squeeze_: ([x, d]) => s.squeeze_(x, d),
    unsqueeze_: ([x, d]) => s.unsqueeze_(x, d),
    as_strided_: ([x, size, stride, o]) => s.asStrided_(x, size, stride, o),
    new_zeros: ([x, size], kw) => s.newZeros(x, size, opts(kw, 'dtype')),
    new_ones: ([x, size], kw) => s.newOnes(x, size, opts(kw, 'dtype')),
    new_empty: ([x, size], kw) => s.newEmpty(x, size, opts(kw, 'dtype')),
    new_full: ([x, size, v], kw) => s.newFull(x, size, v, opts(kw, 'dtype')),
    new_empty_strided: ([x, size, stride], kw) => s.newEmptyStrided(x, size, stride, opts(kw, 'dtype')),
    empty_strided: ([size, stride], kw) => s.emptyStrided(size, stride, opts(kw, 'dtype', 'device')),
    type_as: ([x, y]) => s.typeAs(x, y),
    resize_as_: ([x, y]) => {
      const before = (x as Tensor).numel();
      const r = s.resizeAs_(x, y);
      // The golden case that grows the tensor fills it (new elements are uninitialised).
      return r.numel() > before ? r.fill_(1) : r;
    },
    resize: ([x, ...size]) => s.resize(x, ...size),
    resize_as: ([x, y]) => s.resizeAs(x, y),
    sum_to_size: ([x, size]) => s.sumToSize(x, size),
    is_same_size: ([x, y]) => on(x, s.isSameSize(x, y)),
    is_signed: ([x]) => on(x, s.isSigned(x)),
    is_floating_point: ([x]) => on(x, s.isFloatingPoint(x)),
    ndimension: ([x]) => on(x, s.ndimension(x)),
    nelement: ([x]) => on(x, s.nelement(x)),
    numel: ([x]) => on(x, s.numel(x)),
    is_nonzero: ([x]) => on(x, s.isNonzero(x)),
    meshgrid: ([ts], kw) => s.meshgrid(ts, opts(kw, 'indexing')),
    cartesian_prod: ([ts]) => s.cartesianProd(ts),
    combinations: ([x], kw) => s.combinations(x, opts(kw, 'r', 'with_replacement')),
    tril_indices: ([r, c, o], kw) => s.trilIndices(r, c, o ?? 0, opts(kw, 'dtype', 'device')),
    triu_indices: ([r, c, o], kw) => s.triuIndices(r, c, o ?? 0, opts(kw, 'dtype', 'device')),
    repeat_interleave: ([x, r], kw) => s.repeatInterleave(x, r, opts(kw, 'dim', 'output_size')),
    logspace: ([a, b, n], kw) => s.logspace(a, b, n, opts(kw, 'base', 'dtype', 'device')),
    range: ([a, b, st], kw) => s.range(a, b, st ?? 1, opts(kw, 'dtype', 'device')),
    as_tensor: ([d], kw) => s.asTensor(d, opts(kw, 'dtype', 'device')),
    asarray: ([d], kw) => s.asarray(d, opts(kw, 'dtype', 'device', 'copy')),
    fill: ([x, v]) => s.fill(x, v),
    fill_diagonal_: ([x, v], kw) => s.fillDiagonal_(x, v, opts(kw, 'wrap')),
    tril_: ([x, k]) => s.tril_(x, k ?? 0),
    triu_: ([x, k]) => s.triu_(x, k ?? 0),
  },
  asyncCalls: {
    tensor_split: async ([x, a, d], kw) => s.tensorSplit(x, (await onCpu(a)) as never, dim0(kw, d)),
    is_nonzero: async ([x]) => on(x, await s.isNonzeroAsync(x)),
    repeat_interleave: ([x, r], kw) => s.repeatInterleaveAsync(x, r, opts(kw, 'dim', 'output_size')),
  },
  creationOps: ['empty_strided', 'tril_indices', 'triu_indices', 'logspace', 'range', 'as_tensor', 'asarray'],
  viewOps: [
    'H',
    'mH',
    'adjoint',
    'resize',
    'resize_as',
    'atleast_1d',
    'atleast_2d',
    'atleast_3d',
    'hsplit',
    'vsplit',
    'dsplit',
    'tensor_split',
    'split_with_sizes',
    'unsafe_split',
    'unsafe_chunk',
    'unsafe_split_with_sizes',
    'broadcast_to',
    'swapaxes',
    'swapdims',
    'moveaxis',
    'ravel',
    'unfold',
    't_',
    'transpose_',
    'swapaxes_',
    'swapdims_',
    'squeeze_',
    'unsqueeze_',
    'as_strided_',
    'meshgrid',
    'empty_strided',
    'new_empty_strided',
  ],
};
