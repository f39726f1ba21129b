/**
 * Golden-case calls for the indexing ops (fixture `ops-indexing.json`, written by
 * `tools/golden/ops_indexing.py`): PyTorch op name → Antorcha call. In-place ops write
 * into the decoded input itself (a fresh tensor per case), as the golden script does.
 */
import * as core from '../../index.js';
import type { SurfaceCalls } from './types.js';

type Kw = Record<string, unknown>;
const inc = (kw: Kw) => (kw.include_self === undefined ? undefined : { includeSelf: kw.include_self as boolean });
const acc = (kw: Kw) => (kw.accumulate === undefined ? undefined : { accumulate: kw.accumulate as boolean });
const alpha = (kw: Kw) => (kw.alpha === undefined ? undefined : { alpha: kw.alpha as number });

/** The calls of this area. */
export const INDEXING: SurfaceCalls = {
  calls: {
    index_add: ([x, d, i, s], kw) => core.indexAdd(x, d, i, s, alpha(kw)),
    index_add_: ([x, d, i, s], kw) => core.indexAdd_(x, d, i, s, alpha(kw)),
    index_copy: ([x, d, i, s]) => core.indexCopy(x, d, i, s),
    index_copy_: ([x, d, i, s]) => core.indexCopy_(x, d, i, s),
    index_fill: ([x, d, i, v]) => core.indexFill(x, d, i, v),
    index_fill_: ([x, d, i, v]) => core.indexFill_(x, d, i, v),
    index_reduce: ([x, d, i, s, r], kw) => core.indexReduce(x, d, i, s, r, inc(kw)),
    index_reduce_: ([x, d, i, s, r], kw) => core.indexReduce_(x, d, i, s, r, inc(kw)),
    scatter_reduce: ([x, d, i, s, r], kw) => core.scatterReduce(x, d, i, s, r, inc(kw)),
    scatter_reduce_: ([x, d, i, s, r], kw) => core.scatterReduce_(x, d, i, s, r, inc(kw)),
    take: ([x, i]) => core.take(x, i),
    put: ([x, i, s], kw) => core.put(x, i, s, acc(kw)),
    put_: ([x, i, s], kw) => core.put_(x, i, s, acc(kw)),
    take_along_dim: ([x, i, d]) => core.takeAlongDim(x, i, d),
    masked_scatter: ([x, m, s]) => core.maskedScatter(x, m, s),
    masked_scatter_: ([x, m, s]) => core.maskedScatter_(x, m, s),
    index_put: ([x, i, v], kw) => core.indexPut(x, i, v, acc(kw)),
    index_put_: ([x, i, v], kw) => core.indexPut_(x, i, v, acc(kw)),
    setitem: ([x, spec, v]) => core.setIndex_(x, spec, v),
    einsum: ([eq, ...ops]) => core.einsum(eq, ...ops),
  },
  asyncCalls: {
    setitem: ([x, spec, v]) => core.setIndexAsync_(x, spec, v),
    index_put: ([x, i, v], kw) => core.indexPutAsync(x, i, v, acc(kw)),
    index_put_: ([x, i, v], kw) => core.indexPutAsync_(x, i, v, acc(kw)),
  },
};
