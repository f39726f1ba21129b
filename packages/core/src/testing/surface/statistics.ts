/**
 * Golden-case calls for the statistics ops (fixture `ops-statistics.json`, written by
 * `tools/golden/ops_statistics.py`): PyTorch op name → Antorcha call.
 */
import * as core from '../../index.js';
import type { Tensor } from '../../tensor.js';
import type { SurfaceCalls } from './types.js';

type Kw = Record<string, unknown>;

const dimOf = (kw: Kw): number | undefined => kw.dim as number | undefined;
const varOpts = (kw: Kw): core.VarOptions => {
  const o: core.VarOptions = {};
  if (kw.unbiased !== undefined) o.unbiased = kw.unbiased as boolean;
  if (kw.correction !== undefined) o.correction = kw.correction as number;
  if (kw.keepdim !== undefined) o.keepdim = kw.keepdim as boolean;
  return o;
};
const quantileOpts = (kw: Kw): core.QuantileOptions => ({ keepdim: kw.keepdim as boolean | undefined, interpolation: kw.interpolation as core.QuantileInterpolation | undefined });
const searchOpts = (kw: Kw): core.SearchsortedOptions => ({
  outInt32: kw.out_int32 as boolean | undefined,
  right: kw.right as boolean | undefined,
  side: kw.side as 'left' | 'right' | undefined,
  sorter: kw.sorter as Tensor | undefined,
});
const uniqueOpts = (kw: Kw): core.UniqueOptions => ({
  sorted: kw.sorted as boolean | undefined,
  returnInverse: kw.return_inverse as boolean | undefined,
  returnCounts: kw.return_counts as boolean | undefined,
  dim: kw.dim as number | undefined,
});
const iscloseOpts = (kw: Kw): core.IscloseOptions => ({ rtol: kw.rtol as number | undefined, atol: kw.atol as number | undefined, equalNan: kw.equal_nan as boolean | undefined });
const histogramOpts = (kw: Kw): core.HistogramOptions => ({
  range: kw.range as [number, number] | undefined,
  weight: kw.weight as Tensor | undefined,
  density: kw.density as boolean | undefined,
});
const bincountOpts = (w: Tensor | undefined, kw: Kw): core.BincountOptions => ({ weights: (w ?? kw.weights) as Tensor | undefined, minlength: kw.minlength as number | undefined });

/** The calls of this area. */
export const STATISTICS: SurfaceCalls = {
  calls: {
    median: ([x], kw) => core.median(x, dimOf(kw), kw.keepdim as boolean | undefined),
    nanmedian: ([x], kw) => core.nanmedian(x, dimOf(kw), kw.keepdim as boolean | undefined),
    mode: ([x], kw) => core.mode(x, (kw.dim ?? -1) as number, (kw.keepdim ?? false) as boolean),
    kthvalue: ([x, k], kw) => core.kthvalue(x, k, (kw.dim ?? -1) as number, (kw.keepdim ?? false) as boolean),
    quantile: ([x, q], kw) => core.quantile(x, q, dimOf(kw), quantileOpts(kw)),
    nanquantile: ([x, q], kw) => core.nanquantile(x, q, dimOf(kw), quantileOpts(kw)),
    msort: ([x]) => core.msort(x),
    nanmean: ([x, d], kw) => core.nanmean(x, (d ?? kw.dim) as core.DimArg, { keepdim: kw.keepdim as boolean | undefined, dtype: kw.dtype as core.DTypeLike | undefined }),
    std_mean: ([x], kw) => core.stdMean(x, kw.dim as core.DimArg, varOpts(kw)),
    var_mean: ([x], kw) => core.varMean(x, kw.dim as core.DimArg, varOpts(kw)),
    aminmax: ([x], kw) => [...core.aminmax(x, { dim: dimOf(kw), keepdim: kw.keepdim as boolean | undefined })],
    count_nonzero: ([x], kw) => core.countNonzero(x, kw.dim as core.DimArg),
    searchsorted: ([s, v], kw) => core.searchsorted(s, v, searchOpts(kw)),
    bucketize: ([x, b], kw) => core.bucketize(x, b, { outInt32: kw.out_int32 as boolean | undefined, right: kw.right as boolean | undefined }),
    isin: ([e, t], kw) => core.isin(e, t, { assumeUnique: kw.assume_unique as boolean | undefined, invert: kw.invert as boolean | undefined }),
    bincount: ([x, w], kw) => core.bincount(x, bincountOpts(w, kw)),
    histc: ([x, bins, min, max], kw) => core.histc(x, (bins ?? kw.bins ?? 100) as number, (min ?? kw.min ?? 0) as number, (max ?? kw.max ?? 0) as number),
    histogram: ([x, bins], kw) => [...core.histogram(x, bins, histogramOpts(kw))],
    histogramdd: ([x, bins], kw) => {
      const r = core.histogramdd(x, bins ?? kw.bins, { range: kw.range as number[] | undefined, weight: kw.weight as Tensor | undefined, density: kw.density as boolean | undefined });
      return [r.hist, r.binEdges];
    },
    unique: ([x], kw) => core.unique(x, uniqueOpts(kw)),
    unique_consecutive: ([x], kw) => core.uniqueConsecutive(x, uniqueOpts(kw)),
    argwhere: ([x]) => core.argwhere(x),
    isclose: ([a, b], kw) => core.isclose(a, b, iscloseOpts(kw)),
    allclose: ([a, b], kw) => core.tensor(core.allclose(a, b, iscloseOpts(kw))),
  },
  asyncCalls: {
    quantile: ([x, q], kw) => core.quantileAsync(x, q, dimOf(kw), quantileOpts(kw)),
    nanquantile: ([x, q], kw) => core.nanquantileAsync(x, q, dimOf(kw), quantileOpts(kw)),
    bincount: ([x, w], kw) => core.bincountAsync(x, bincountOpts(w, kw)),
    histc: ([x, bins, min, max], kw) => core.histcAsync(x, (bins ?? kw.bins ?? 100) as number, (min ?? kw.min ?? 0) as number, (max ?? kw.max ?? 0) as number),
    histogram: async ([x, bins], kw) => [...(await core.histogramAsync(x, bins, histogramOpts(kw)))],
    histogramdd: async ([x, bins], kw) => {
      const r = await core.histogramddAsync(x, bins ?? kw.bins, { range: kw.range as number[] | undefined, weight: kw.weight as Tensor | undefined, density: kw.density as boolean | undefined });
      // The suite reads back only top-level result tensors; the nested edge list comes read.
      return [r.hist, await Promise.all(r.binEdges.map((e) => e.toAsync('cpu')))];
    },
    unique: ([x], kw) => core.uniqueAsync(x, uniqueOpts(kw)),
    unique_consecutive: ([x], kw) => core.uniqueConsecutiveAsync(x, uniqueOpts(kw)),
    argwhere: ([x]) => core.argwhereAsync(x),
    allclose: async ([a, b], kw) => core.tensor(await core.allcloseAsync(a, b, iscloseOpts(kw)), { device: a.device }),
  },
};
