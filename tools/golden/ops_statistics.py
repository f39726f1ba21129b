"""Golden cases of the statistics ops: median, nanmedian, mode, kthvalue, quantile,
nanquantile, nanmean, aminmax, count_nonzero, std_mean, var_mean, searchsorted,
bucketize, bincount, histc, histogram, isin, unique, unique_consecutive, argwhere,
isclose, allclose, msort. Writes packages/core/fixtures/ops-statistics.json.

    /usr/bin/python3 tools/golden/ops_statistics.py

Also writes packages/core/fixtures/return-types.json: PyTorch's repr of the
`torch.return_types.*` results (values/indices pairs, aminmax, histogram).

NaN in histc/histogram: PyTorch 1.13 casts NaN's bin position to int64 (undefined
behaviour; histc counts it in the first bin, histogram in the last), so no case has one.
An empty integer median is PyTorch's NaN cast to int64: left out too.

An all-NaN row of nanmedian (more than 3 long) has no defined index (nth_element's
pick among equivalent elements): the cases keep such rows short.

Ties: PyTorch's median/nanmedian break ties by index (the element a stable sort puts
at the median's place); kthvalue (quick-select) and mode (std::sort) do not, so their
tie cases keep to inputs where the answer is the stable one (documented in the op).
"""
import json
import os

import torch

from _cases import Cases, rand, layouts
from _common import ROOT, enc_value

torch.manual_seed(0)
nan = float('nan')
inf = float('inf')

c = Cases()
F = ['float32', 'float64']
INTS = ['int64', 'int32', 'uint8']


def distinct(shape, dtype='float32'):
    """Values without ties (a permutation, scaled), so indices are well defined."""
    n = 1
    for s in shape:
        n *= s
    dt = getattr(torch, dtype)
    if not dt.is_floating_point:
        return (torch.randperm(n) - n // 3).reshape(shape).to(dt)
    return (torch.randperm(n).to(torch.float64) * 0.75 - n * 0.3).reshape(shape).to(dt)


# ---------------------------------------------------------------- median / nanmedian
for op in ['median', 'nanmedian']:
    for dt in F + INTS:
        c.add(f'{op}/all/{dt}', op, [rand([3, 4], dt)])
        c.add(f'{op}/dim/{dt}', op, [distinct([3, 5], dt) if dt != 'uint8' else torch.randperm(15).reshape(3, 5).to(torch.uint8)], {'dim': 1})
    c.add(f'{op}/even', op, [distinct([4, 6])], {'dim': 1})
    c.add(f'{op}/keepdim', op, [distinct([3, 4])], {'dim': 0, 'keepdim': True})
    c.add(f'{op}/negdim', op, [distinct([2, 3, 4])], {'dim': -2})
    c.add(f'{op}/ties', op, [torch.tensor([[3., 1, 2, 1, 3, 2, 2, 3, 1, 5, 5, 0], [1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0, 0]])], {'dim': 1})
    c.add(f'{op}/ties_all', op, [torch.tensor([3., 1, 2, 1, 3, 2, 2, 3, 1, 5, 5, 0])])
    # (an all-NaN row of more than 3 has no defined nanmedian index: nth_element's pick)
    c.add(f'{op}/nan', op, [torch.tensor([[1., nan, 2, nan, 0], [4, 3, 2, 1, 0], [nan, 5, nan, nan, nan]])], {'dim': 1})
    c.add(f'{op}/nan_row', op, [torch.tensor([[1., 2], [nan, nan]])], {'dim': 1})
    c.add(f'{op}/nan_all', op, [torch.tensor([1., nan, 2, nan, 0])])
    c.add(f'{op}/all_nan', op, [torch.tensor([nan, nan])])
    c.add(f'{op}/scalar', op, [torch.tensor(2.5)])
    c.add(f'{op}/scalar_dim', op, [torch.tensor(2.5)], {'dim': 0})
    c.add(f'{op}/scalar_dim_keep', op, [torch.tensor(2.5)], {'dim': -1, 'keepdim': True})
    c.add(f'{op}/empty_all', op, [torch.zeros(0)])
    c.add(f'{op}/empty_rows', op, [torch.zeros(0, 3)], {'dim': 1})
    c.add(f'{op}/error_empty_dim', op, [torch.zeros(2, 0)], {'dim': 1})
    c.add(f'{op}/error_bool', op, [rand([3], 'bool')])
    c.add(f'{op}/error_bool_dim', op, [rand([3], 'bool')], {'dim': 0})
    c.add(f'{op}/error_dim', op, [rand([3, 2])], {'dim': 2})
    for name, t in layouts([4, 5]):
        c.add(f'{op}/layout/{name}', op, [t], {'dim': 1})

# ---------------------------------------------------------------- mode
for dt in F + INTS + ['bool']:
    c.add(f'mode/{dt}', 'mode', [rand([3, 6], dt, 0, 3)])
c.add('mode/dim0', 'mode', [rand([5, 3], 'int64', 0, 2)], {'dim': 0})
c.add('mode/keepdim', 'mode', [rand([3, 5], 'int64', 0, 2)], {'dim': 1, 'keepdim': True})
c.add('mode/ties', 'mode', [torch.tensor([[1, 1, 2, 2], [3, 4, 4, 3], [5, 6, 7, 8]])], {'dim': 1})
c.add('mode/ties12', 'mode', [torch.tensor([3., 1, 2, 1, 3, 2, 2, 3, 1, 5, 5, 0])])
c.add('mode/scalar', 'mode', [torch.tensor(3.)])
c.add('mode/empty_rows', 'mode', [torch.zeros(0, 3)], {'dim': 1})
c.add('mode/error_empty_dim', 'mode', [torch.zeros(2, 0)])
c.add('mode/error_empty', 'mode', [torch.zeros(0)])
c.add('mode/error_dim', 'mode', [rand([3])], {'dim': 1})
for name, t in layouts([3, 6], 'int64'):
    c.add(f'mode/layout/{name}', 'mode', [t])

# ---------------------------------------------------------------- kthvalue
for dt in F + ['int64', 'int32', 'uint8']:
    c.add(f'kthvalue/{dt}', 'kthvalue', [distinct([3, 5], dt) if dt != 'uint8' else torch.randperm(15).reshape(3, 5).to(torch.uint8), 2])
c.add('kthvalue/dim0', 'kthvalue', [distinct([4, 3]), 4], {'dim': 0})
c.add('kthvalue/keepdim', 'kthvalue', [distinct([3, 4]), 1], {'dim': 1, 'keepdim': True})
c.add('kthvalue/nan', 'kthvalue', [torch.tensor([1., nan, nan, 2, 0]), 4])
c.add('kthvalue/nan_first', 'kthvalue', [torch.tensor([1., nan, 2, 0]), 2])
c.add('kthvalue/scalar', 'kthvalue', [torch.tensor(3.), 1])
c.add('kthvalue/error_k', 'kthvalue', [rand([2]), 3])
c.add('kthvalue/error_k0', 'kthvalue', [rand([2]), 0])
c.add('kthvalue/error_bool', 'kthvalue', [rand([3], 'bool'), 1])
c.add('kthvalue/error_empty', 'kthvalue', [torch.zeros(0, 2), 1])
for name, t in layouts([4, 5]):
    c.add(f'kthvalue/layout/{name}', 'kthvalue', [t, 3])

# ---------------------------------------------------------------- quantile / nanquantile
for op in ['quantile', 'nanquantile']:
    for dt in F:
        c.add(f'{op}/all/{dt}', op, [rand([3, 5], dt), 0.3])
        c.add(f'{op}/dim/{dt}', op, [rand([3, 5], dt), 0.75], {'dim': 1})
        c.add(f'{op}/qtensor/{dt}', op, [rand([4, 3], dt), torch.tensor([0., 0.25, 0.5, 1.], dtype=getattr(torch, dt))], {'dim': 0})
    c.add(f'{op}/qtensor_all', op, [rand([7]), torch.tensor([0.1, 0.9])])
    c.add(f'{op}/qtensor_keepdim', op, [rand([2, 3, 4]), torch.tensor([0.2, 0.6, 0.9])], {'dim': 1, 'keepdim': True})
    c.add(f'{op}/keepdim_all', op, [rand([2, 3]), 0.4], {'keepdim': True})
    c.add(f'{op}/q0d', op, [rand([5]), torch.tensor(0.6)])
    c.add(f'{op}/negdim', op, [rand([2, 3, 4]), 0.5], {'dim': -2})
    for interp in ['linear', 'lower', 'higher', 'midpoint', 'nearest']:
        c.add(f'{op}/{interp}', op, [rand([3, 6]), torch.tensor([0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0])], {'dim': 1, 'interpolation': interp})
    c.add(f'{op}/nearest_half', op, [torch.arange(5.), torch.tensor([0.125, 0.375, 0.625, 0.875])], {'interpolation': 'nearest'})
    c.add(f'{op}/nan', op, [torch.tensor([[1., nan, 2, 3], [4, 3, 2, 1], [nan, nan, nan, nan]]), torch.tensor([0.25, 0.5])], {'dim': 1})
    c.add(f'{op}/scalar', op, [torch.tensor(2.), 0.5])
    c.add(f'{op}/scalar_dim', op, [torch.tensor(2.), 0.5], {'dim': 0})
    c.add(f'{op}/error_q', op, [rand([3]), 1.5])
    c.add(f'{op}/error_qneg', op, [rand([3]), -0.5])
    c.add(f'{op}/error_qtensor_range', op, [rand([3]), torch.tensor([0.5, 1.5])])
    c.add(f'{op}/error_int', op, [rand([3], 'int64'), 0.5])
    c.add(f'{op}/error_qdtype', op, [rand([3]), torch.tensor([0.5], dtype=torch.float64)])
    c.add(f'{op}/error_q2d', op, [rand([3]), torch.tensor([[0.5]])])
    c.add(f'{op}/error_empty', op, [torch.zeros(0), 0.5])
    c.add(f'{op}/error_interp', op, [rand([3]), 0.5], {'interpolation': 'cubic'})
    for name, t in layouts([4, 5]):
        c.add(f'{op}/layout/{name}', op, [t, torch.tensor([0.3, 0.8])], {'dim': 1})

# ---------------------------------------------------------------- nanmean
for dt in F:
    c.add(f'nanmean/all/{dt}', 'nanmean', [torch.tensor([[1., nan, 2], [nan, nan, nan]], dtype=getattr(torch, dt))])
    c.add(f'nanmean/dim/{dt}', 'nanmean', [torch.tensor([[1., nan, 2], [nan, nan, nan]], dtype=getattr(torch, dt))], {'dim': 1})
c.add('nanmean/plain', 'nanmean', [rand([3, 4])], {'dim': [0, 1]})
c.add('nanmean/keepdim', 'nanmean', [rand([3, 4])], {'dim': 0, 'keepdim': True})
c.add('nanmean/empty', 'nanmean', [torch.zeros(0)])
c.add('nanmean/dtype', 'nanmean', [rand([3])], {'dtype': torch.float64})
c.add('nanmean/error_int', 'nanmean', [rand([3], 'int64')])
for name, t in layouts([3, 4]):
    c.add(f'nanmean/layout/{name}', 'nanmean', [t], {'dim': 1})

# ---------------------------------------------------------------- aminmax
for dt in F + INTS + ['bool']:
    c.add(f'aminmax/all/{dt}', 'aminmax', [rand([3, 4], dt)])
    c.add(f'aminmax/dim/{dt}', 'aminmax', [rand([3, 4], dt)], {'dim': 1})
c.add('aminmax/keepdim', 'aminmax', [rand([3, 4])], {'dim': 0, 'keepdim': True})
c.add('aminmax/keepdim_all', 'aminmax', [rand([3, 4])], {'keepdim': True})
c.add('aminmax/nan', 'aminmax', [torch.tensor([[1., nan], [2, 3]])], {'dim': 1})
c.add('aminmax/scalar', 'aminmax', [torch.tensor(3.)])
c.add('aminmax/error_empty', 'aminmax', [torch.zeros(0)])
c.add('aminmax/error_empty_dim', 'aminmax', [torch.zeros(2, 0)], {'dim': 1})
c.add('aminmax/empty_other', 'aminmax', [torch.zeros(0, 2)], {'dim': 1})
for name, t in layouts([3, 4]):
    c.add(f'aminmax/layout/{name}', 'aminmax', [t], {'dim': 0})

# ---------------------------------------------------------------- count_nonzero
for dt in F + INTS + ['bool']:
    c.add(f'count_nonzero/{dt}', 'count_nonzero', [rand([3, 4], dt, -1, 1)])
c.add('count_nonzero/dim', 'count_nonzero', [rand([3, 4], 'int64', -1, 1)], {'dim': 1})
c.add('count_nonzero/dims', 'count_nonzero', [rand([2, 3, 4], 'int64', -1, 1)], {'dim': (0, 2)})
c.add('count_nonzero/nan', 'count_nonzero', [torch.tensor([0., nan, -0.0, 1])])
c.add('count_nonzero/empty', 'count_nonzero', [torch.zeros(0, 3)], {'dim': 0})
c.add('count_nonzero/error_dim', 'count_nonzero', [rand([3])], {'dim': 1})

# ---------------------------------------------------------------- std_mean / var_mean
for op in ['std_mean', 'var_mean']:
    for dt in F:
        c.add(f'{op}/all/{dt}', op, [rand([3, 4], dt)])
        c.add(f'{op}/dim/{dt}', op, [rand([3, 4], dt)], {'dim': 1})
    c.add(f'{op}/unbiased_false', op, [rand([3, 4])], {'dim': 0, 'unbiased': False})
    c.add(f'{op}/correction', op, [rand([3, 4])], {'dim': 1, 'correction': 2, 'keepdim': True})
    c.add(f'{op}/dims', op, [rand([2, 3, 4])], {'dim': [0, 2]})
    c.add(f'{op}/one', op, [rand([1])])
    c.add(f'{op}/error_int', op, [rand([3], 'int64')])
    for name, t in layouts([3, 4]):
        c.add(f'{op}/layout/{name}', op, [t], {'dim': 1})

# ---------------------------------------------------------------- searchsorted / bucketize
seq = torch.tensor([1., 3, 5, 7, 9])
vals = torch.tensor([[3., 6, 9], [0, 10, 5]])
c.add('searchsorted/left', 'searchsorted', [seq, vals])
c.add('searchsorted/right', 'searchsorted', [seq, vals], {'right': True})
c.add('searchsorted/side', 'searchsorted', [seq, vals], {'side': 'right'})
c.add('searchsorted/int32', 'searchsorted', [seq, vals], {'out_int32': True})
c.add('searchsorted/scalar', 'searchsorted', [seq, 5])
c.add('searchsorted/scalar_right', 'searchsorted', [seq, 5.0], {'right': True})
c.add('searchsorted/nd', 'searchsorted', [torch.tensor([[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]]), torch.tensor([[3, 6, 9], [3, 6, 9]])])
c.add('searchsorted/nd_right', 'searchsorted', [torch.tensor([[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]]), torch.tensor([[3, 6, 9], [3, 6, 9]])], {'right': True})
c.add('searchsorted/sorter', 'searchsorted', [torch.tensor([5., 1, 9, 3, 7]), vals], {'sorter': torch.tensor([1, 3, 0, 4, 2])})
c.add('searchsorted/promote', 'searchsorted', [torch.tensor([1, 2, 3]), torch.tensor([1.5, 2.])])
c.add('searchsorted/nan', 'searchsorted', [seq, torch.tensor([nan, inf, -inf])])
c.add('searchsorted/float64', 'searchsorted', [seq.double(), vals.double()])
c.add('searchsorted/int32_in', 'searchsorted', [seq.int(), vals.int()])
c.add('searchsorted/empty_values', 'searchsorted', [seq, torch.zeros(0)])
c.add('searchsorted/empty_seq', 'searchsorted', [torch.zeros(0), vals])
c.add('searchsorted/error_side', 'searchsorted', [seq, vals], {'side': 'middle'})
c.add('searchsorted/error_side_right', 'searchsorted', [seq, vals], {'side': 'left', 'right': True})
c.add('searchsorted/error_batch', 'searchsorted', [torch.zeros(3, 4), torch.zeros(2, 2)])
c.add('searchsorted/error_scalar_seq', 'searchsorted', [torch.tensor(1.), torch.zeros(2)])
c.add('searchsorted/error_sorter_shape', 'searchsorted', [seq, vals], {'sorter': torch.tensor([0, 1])})
c.add('searchsorted/error_sorter_dtype', 'searchsorted', [seq, vals], {'sorter': torch.tensor([0, 1, 2, 3, 4], dtype=torch.int32)})
c.add('searchsorted/error_bool', 'searchsorted', [torch.tensor([False, True]), torch.tensor([True])])
c.add('bucketize/left', 'bucketize', [vals, seq])
c.add('bucketize/right', 'bucketize', [vals, seq], {'right': True})
c.add('bucketize/int32', 'bucketize', [vals, seq], {'out_int32': True})
c.add('bucketize/scalar', 'bucketize', [4, seq])
c.add('bucketize/ints', 'bucketize', [torch.tensor([[1, 5], [9, 0]]), torch.tensor([1, 5, 9])])
c.add('bucketize/error_2d', 'bucketize', [vals, torch.zeros(2, 2)])
for name, t in layouts([3, 4]):
    c.add(f'bucketize/layout/{name}', 'bucketize', [t, torch.tensor([-1., 0, 0.5, 2])])

# ---------------------------------------------------------------- bincount
for dt in ['int64', 'int32', 'uint8']:
    c.add(f'bincount/{dt}', 'bincount', [rand([10], dt, 0, 5)])
c.add('bincount/minlength', 'bincount', [torch.tensor([1, 1, 3])], {'minlength': 7})
c.add('bincount/minlength_small', 'bincount', [torch.tensor([1, 1, 3])], {'minlength': 2})
c.add('bincount/weights', 'bincount', [torch.tensor([1, 1, 3]), torch.tensor([0.5, 2, 3])])
c.add('bincount/weights64', 'bincount', [torch.tensor([1, 1, 3]), torch.tensor([0.5, 2, 3], dtype=torch.float64)])
c.add('bincount/weights_int', 'bincount', [torch.tensor([1, 1, 3]), torch.tensor([1, 2, 3])])
c.add('bincount/empty', 'bincount', [torch.zeros(0, dtype=torch.int64)])
c.add('bincount/empty_minlength', 'bincount', [torch.zeros(0, dtype=torch.int64)], {'minlength': 3})
c.add('bincount/empty_weights', 'bincount', [torch.zeros(0, dtype=torch.int64), torch.zeros(0)])
c.add('bincount/error_neg', 'bincount', [torch.tensor([1, -1, 3])])
c.add('bincount/error_2d', 'bincount', [torch.zeros(2, 2, dtype=torch.int64)])
c.add('bincount/error_float', 'bincount', [torch.tensor([1., 2.])])
c.add('bincount/error_minlength', 'bincount', [torch.tensor([1, 2])], {'minlength': -1})
c.add('bincount/error_weights', 'bincount', [torch.tensor([1, 2]), torch.tensor([1.])])
c.add('bincount/strided', 'bincount', [torch.tensor([1, 9, 2, 9, 2, 9])[::2]])

# ---------------------------------------------------------------- histc
for dt in F:
    c.add(f'histc/auto/{dt}', 'histc', [rand([20], dt)], {'bins': 5})
    c.add(f'histc/range/{dt}', 'histc', [rand([4, 5], dt)], {'bins': 4, 'min': -2, 'max': 2})
c.add('histc/default', 'histc', [rand([30])])
c.add('histc/edges', 'histc', [torch.tensor([0., 1, 2, 3, 4, -1, 5])], {'bins': 4, 'min': 0, 'max': 4})
c.add('histc/const', 'histc', [torch.tensor([2., 2, 2])], {'bins': 4})
c.add('histc/empty', 'histc', [torch.zeros(0)], {'bins': 3})
c.add('histc/error_int', 'histc', [rand([3], 'int64')])
c.add('histc/error_bins', 'histc', [rand([3])], {'bins': 0})
c.add('histc/error_minmax', 'histc', [rand([3])], {'min': 2, 'max': 1})
c.add('histc/error_inf', 'histc', [torch.tensor([1., inf])], {'bins': 3})
for name, t in layouts([3, 4]):
    c.add(f'histc/layout/{name}', 'histc', [t], {'bins': 3, 'min': -1, 'max': 1})

# ---------------------------------------------------------------- histogram
for dt in F:
    c.add(f'histogram/bins/{dt}', 'histogram', [rand([20], dt), 5])
    c.add(f'histogram/edges/{dt}', 'histogram', [rand([20], dt), torch.tensor([-2., -0.5, 0, 0.5, 3], dtype=getattr(torch, dt))])
c.add('histogram/range', 'histogram', [rand([3, 4]), 4], {'range': (-1., 1.)})
c.add('histogram/weight', 'histogram', [rand([10]), 3], {'weight': rand([10]).abs()})
c.add('histogram/density', 'histogram', [rand([10]), 3], {'density': True})
c.add('histogram/density_edges', 'histogram', [rand([10]), torch.tensor([-3., -1, 0, 3])], {'density': True, 'weight': rand([10]).abs()})
c.add('histogram/at_edges', 'histogram', [torch.tensor([0., 1, 2, 3, 4, -1, 5]), 4], {'range': (0., 4.)})
c.add('histogram/const', 'histogram', [torch.tensor([2., 2, 2]), 2])
c.add('histogram/empty', 'histogram', [torch.zeros(0), 2])
c.add('histogram/error_int', 'histogram', [rand([3], 'int64'), 2])
c.add('histogram/error_edges_dtype', 'histogram', [rand([3], 'float64'), torch.tensor([0., 1])])
c.add('histogram/error_range', 'histogram', [rand([3]), 2], {'range': (1., 0.)})
c.add('histogram/error_inf', 'histogram', [torch.tensor([1., inf]), 2])
c.add('histogram/error_weight', 'histogram', [rand([3]), 2], {'weight': rand([2])})
for name, t in layouts([3, 4]):
    c.add(f'histogram/layout/{name}', 'histogram', [t, 3], {'range': (-1., 1.)})

# ---------------------------------------------------------------- isin
c.add('isin/basic', 'isin', [torch.tensor([[1, 2], [3, 4]]), torch.tensor([2, 3, 7])])
c.add('isin/invert', 'isin', [torch.tensor([[1, 2], [3, 4]]), torch.tensor([2, 3, 7])], {'invert': True})
c.add('isin/unique', 'isin', [torch.tensor([1, 2, 3, 4]), torch.tensor([2, 3])], {'assume_unique': True})
c.add('isin/float', 'isin', [torch.tensor([1., nan, 2.5]), torch.tensor([nan, 2.5])])
c.add('isin/promote', 'isin', [torch.tensor([1, 2, 3]), torch.tensor([1., 2.5])])
c.add('isin/scalar_elem', 'isin', [3, torch.tensor([1, 3])])
c.add('isin/scalar_test', 'isin', [torch.tensor([1, 3]), 3])
c.add('isin/empty', 'isin', [torch.tensor([1, 3]), torch.zeros(0, dtype=torch.int64)])
c.add('isin/bool', 'isin', [torch.tensor([True, False]), torch.tensor([True])])
c.add('isin/2d_test', 'isin', [rand([3, 4], 'int64'), rand([2, 2], 'int64')])
for name, t in layouts([3, 4], 'int64'):
    c.add(f'isin/layout/{name}', 'isin', [t, torch.tensor([0, 2])])

# ---------------------------------------------------------------- unique / unique_consecutive
for dt in F + INTS + ['bool']:
    c.add(f'unique/{dt}', 'unique', [rand([12], dt, 0, 4)])
    c.add(f'unique_consecutive/{dt}', 'unique_consecutive', [torch.tensor([1, 1, 2, 2, 2, 0, 1, 1]).to(getattr(torch, dt))])
c.add('unique/inverse', 'unique', [rand([3, 4], 'int64', 0, 4)], {'return_inverse': True})
c.add('unique/counts', 'unique', [rand([3, 4], 'int64', 0, 4)], {'return_counts': True})
c.add('unique/both', 'unique', [rand([3, 4], 'float32', 0, 4).round()], {'return_inverse': True, 'return_counts': True})
c.add('unique/sorted_false_one', 'unique', [torch.tensor([2, 2, 2])], {'sorted': False})
c.add('unique/empty', 'unique', [torch.zeros(0)], {'return_inverse': True, 'return_counts': True})
c.add('unique/scalar', 'unique', [torch.tensor(3)], {'return_inverse': True, 'return_counts': True})
c.add('unique/dim0', 'unique', [torch.tensor([[1, 2], [3, 4], [1, 2], [0, 9]])], {'dim': 0, 'return_inverse': True, 'return_counts': True})
c.add('unique/dim1', 'unique', [torch.tensor([[1, 3, 1, 2], [2, 4, 2, 0]])], {'dim': 1, 'return_inverse': True, 'return_counts': True})
c.add('unique/dim_neg', 'unique', [torch.tensor([[[1, 2], [1, 2]], [[0, 1], [0, 1]]])], {'dim': -1})
c.add('unique/dim_float', 'unique', [torch.tensor([[1.5, 2], [1.5, -1], [1.5, 2]])], {'dim': 0})
c.add('unique/error_dim', 'unique', [rand([3])], {'dim': 1})
for name, t in layouts([3, 4], 'int64'):
    c.add(f'unique/layout/{name}', 'unique', [t], {'return_inverse': True, 'return_counts': True})
c.add('unique_consecutive/inverse', 'unique_consecutive', [torch.tensor([[1, 1], [2, 3]])], {'return_inverse': True, 'return_counts': True})
c.add('unique_consecutive/counts', 'unique_consecutive', [torch.tensor([5, 5, 5, 1, 1, 5])], {'return_counts': True})
c.add('unique_consecutive/dim0', 'unique_consecutive', [torch.tensor([[1, 2], [1, 2], [3, 4], [1, 2]])], {'dim': 0, 'return_inverse': True, 'return_counts': True})
c.add('unique_consecutive/dim1', 'unique_consecutive', [torch.tensor([[1, 1, 2], [3, 3, 3]])], {'dim': 1, 'return_inverse': True, 'return_counts': True})
c.add('unique_consecutive/nan', 'unique_consecutive', [torch.tensor([1., nan, nan, 2])], {'return_counts': True})
c.add('unique_consecutive/empty', 'unique_consecutive', [torch.zeros(0)], {'return_inverse': True, 'return_counts': True})
c.add('unique_consecutive/scalar', 'unique_consecutive', [torch.tensor(3.)], {'return_inverse': True, 'return_counts': True})
c.add('unique_consecutive/error_dim', 'unique_consecutive', [rand([3])], {'dim': 2})

# ---------------------------------------------------------------- argwhere
for dt in F + INTS + ['bool']:
    c.add(f'argwhere/{dt}', 'argwhere', [rand([3, 4], dt, -1, 1)])
c.add('argwhere/scalar', 'argwhere', [torch.tensor(2.)])
c.add('argwhere/scalar0', 'argwhere', [torch.tensor(0.)])
c.add('argwhere/empty', 'argwhere', [torch.zeros(0, 3)])
c.add('argwhere/nan', 'argwhere', [torch.tensor([0., nan, -0.0])])
for name, t in layouts([3, 4], 'int64'):
    c.add(f'argwhere/layout/{name}', 'argwhere', [t])

# ---------------------------------------------------------------- isclose / allclose
a = torch.tensor([1., 2, nan, inf, -inf, 1e-9, 100])
b = torch.tensor([1.00001, 2.1, nan, inf, inf, 0, 100.001])
c.add('isclose/basic', 'isclose', [a, b])
c.add('isclose/equal_nan', 'isclose', [a, b], {'equal_nan': True})
c.add('isclose/tol', 'isclose', [a, b], {'rtol': 0.1, 'atol': 0.01})
c.add('isclose/zero_tol', 'isclose', [a, b], {'rtol': 0, 'atol': 0})
c.add('isclose/float64', 'isclose', [a.double(), b.double()])
c.add('isclose/int', 'isclose', [torch.tensor([1, 2, 100]), torch.tensor([1, 3, 101])], {'rtol': 0.01, 'atol': 0})
c.add('isclose/bool', 'isclose', [torch.tensor([True, False]), torch.tensor([True, True])])
c.add('isclose/broadcast', 'isclose', [rand([3, 1]), rand([4])], {'atol': 1.0})
c.add('isclose/error_dtype', 'isclose', [torch.tensor([1, 2]), torch.tensor([1., 2])])
c.add('isclose/error_rtol', 'isclose', [a, b], {'rtol': -1.0})
c.add('isclose/error_atol', 'isclose', [a, b], {'atol': -1.0})
allclose = lambda x, y, **k: torch.tensor(torch.allclose(x, y, **k))
c.add('allclose/true', 'allclose', [torch.tensor([1., 2]), torch.tensor([1.000001, 2])], fn=allclose)
c.add('allclose/false', 'allclose', [a, b], fn=allclose)
c.add('allclose/equal_nan', 'allclose', [torch.tensor([1., nan]), torch.tensor([1., nan])], {'equal_nan': True}, fn=allclose)
c.add('allclose/tol', 'allclose', [a[:2], b[:2]], {'rtol': 0.1}, fn=allclose)
c.add('allclose/empty', 'allclose', [torch.zeros(0), torch.zeros(0)], fn=allclose)
c.add('allclose/error_dtype', 'allclose', [torch.tensor([1, 2]), torch.tensor([1., 2])], fn=allclose)

# ---------------------------------------------------------------- msort
for dt in F + INTS + ['bool']:
    c.add(f'msort/{dt}', 'msort', [rand([4, 3], dt)])
c.add('msort/nan', 'msort', [torch.tensor([[2., nan], [nan, 1], [0, 0]])])
c.add('msort/1d', 'msort', [rand([5])])
c.add('msort/scalar', 'msort', [torch.tensor(3.)])
for name, t in layouts([4, 3]):
    c.add(f'msort/layout/{name}', 'msort', [t])

# ---------------------------------------------------------------- argument types (PyTorch's parser texts)
x3 = rand([3])
c.add('kthvalue/error_k_float', 'kthvalue', [x3, 1.5])
c.add('histc/error_bins_float', 'histc', [x3, 2.5])
c.add('histc/error_min_str', 'histc', [x3, 2, 'a'])
c.add('bincount/error_minlength_float', 'bincount', [torch.tensor([1])], {'minlength': 1.5})
c.add('bincount/error_weights_int', 'bincount', [torch.tensor([1])], {'weights': 3})
c.add('isclose/error_rtol_str', 'isclose', [x3, x3], {'rtol': 'a'})
c.add('isclose/error_equal_nan_int', 'isclose', [x3, x3], {'equal_nan': 1})
c.add('allclose/error_other_int', 'allclose', [x3, 3], fn=allclose)
c.add('aminmax/error_dim_float', 'aminmax', [x3], {'dim': 1.5})
c.add('nanmean/error_dim_float', 'nanmean', [x3, 1.5])
c.add('histogram/error_bins0', 'histogram', [x3, 0])
c.add('histogram/error_edges1', 'histogram', [x3, torch.tensor([0.])])
c.add('histogram/error_weight_dtype', 'histogram', [x3, 3], {'weight': torch.ones(3, dtype=torch.float64)})

# ---------------------------------------------------------------- randomized shapes, dims and options
g = torch.Generator().manual_seed(1234)


def ri(lo, hi):
    return int(torch.randint(lo, hi + 1, (1,), generator=g))


def rshape():
    return [ri(1, 4) for _ in range(ri(1, 3))]


for i in range(12):
    shape = rshape()
    dim = ri(-len(shape), len(shape) - 1)
    keep = bool(ri(0, 1))
    dt = ['float32', 'float64', 'int64', 'int32'][i % 4]
    xd = distinct(shape, dt)
    c.add(f'median/random{i}', 'median', [xd], {'dim': dim, 'keepdim': keep})
    c.add(f'nanmedian/random{i}', 'nanmedian', [xd], {'dim': dim, 'keepdim': keep})
    c.add(f'kthvalue/random{i}', 'kthvalue', [xd, ri(1, shape[dim])], {'dim': dim, 'keepdim': keep})
    c.add(f'mode/random{i}', 'mode', [rand(shape, 'int64', 0, 2)], {'dim': dim, 'keepdim': keep})
    xf = rand(shape, 'float64' if i % 2 else 'float32')
    q = torch.rand(ri(1, 4), generator=g, dtype=torch.float64).to(xf.dtype)
    interp = ['linear', 'lower', 'higher', 'midpoint', 'nearest'][i % 5]
    c.add(f'quantile/random{i}', 'quantile', [xf, q], {'dim': dim, 'keepdim': keep, 'interpolation': interp})
    xn = xf.clone()
    xn.view(-1)[::3] = nan
    c.add(f'nanquantile/random{i}', 'nanquantile', [xn, q], {'dim': dim, 'keepdim': keep, 'interpolation': interp})
    c.add(f'nanmean/random{i}', 'nanmean', [xn], {'dim': dim, 'keepdim': keep})
    c.add(f'std_mean/random{i}', 'std_mean', [xf], {'dim': dim, 'keepdim': keep, 'correction': ri(0, 1)})
    c.add(f'var_mean/random{i}', 'var_mean', [xf], {'dim': dim, 'keepdim': keep})
    c.add(f'aminmax/random{i}', 'aminmax', [rand(shape, dt)], {'dim': dim, 'keepdim': keep})
    c.add(f'count_nonzero/random{i}', 'count_nonzero', [rand(shape, dt, -1, 1)], {'dim': dim})
    # sorted sequences with repeated values; values that hit them
    seqd = torch.randint(-3, 4, shape[:-1] + [ri(1, 6)], generator=g).sort(-1).values.to(getattr(torch, dt))
    vals = torch.randint(-4, 5, shape[:-1] + [ri(1, 4)], generator=g).to(getattr(torch, dt))
    c.add(f'searchsorted/random{i}', 'searchsorted', [seqd, vals], {'right': bool(i % 2)})
    c.add(f'bucketize/random{i}', 'bucketize', [vals, seqd.reshape(-1).sort().values], {'right': bool(i % 3 == 0)})
    ints = torch.randint(0, 4, shape, generator=g)
    c.add(f'unique/random{i}', 'unique', [ints], {'return_inverse': True, 'return_counts': True, 'dim': dim if i % 2 else None})
    c.add(f'unique_consecutive/random{i}', 'unique_consecutive', [ints], {'return_inverse': True, 'return_counts': True, 'dim': dim if i % 2 else None})
    c.add(f'bincount/random{i}', 'bincount', [ints.reshape(-1)], {'minlength': ri(0, 6)})
    bins = ri(1, 20)
    c.add(f'histc/random{i}', 'histc', [xf], {'bins': bins})
    c.add(f'histogram/random{i}', 'histogram', [xf, bins], {'density': bool(i % 2)})
    c.add(f'isin/random{i}', 'isin', [ints, torch.randint(0, 5, [ri(0, 4)], generator=g)], {'invert': bool(i % 2)})
    c.add(f'isclose/random{i}', 'isclose', [xf, xf + torch.randn(shape, generator=g, dtype=torch.float64).mul(1e-5).to(xf.dtype)])

# ---------------------------------------------------------------- search edge cases
c.add('searchsorted/nan_seq', 'searchsorted', [torch.tensor([1., 2, nan, nan]), torch.tensor([0.5, 1.5, 2, 3, nan])])
c.add('searchsorted/nan_seq_right', 'searchsorted', [torch.tensor([1., 2, nan, nan]), torch.tensor([0.5, 1.5, 2, 3, nan])], {'right': True})
c.add('searchsorted/dups', 'searchsorted', [torch.tensor([1, 2, 2, 2, 2, 3, 3, 9]), torch.tensor([0, 1, 2, 3, 4, 9, 10])])
c.add('searchsorted/dups_right', 'searchsorted', [torch.tensor([1, 2, 2, 2, 2, 3, 3, 9]), torch.tensor([0, 1, 2, 3, 4, 9, 10])], {'right': True})
c.add('searchsorted/long_seq', 'searchsorted', [torch.arange(1000.).mul(0.37), torch.rand(50, dtype=torch.float64).mul(400).float()])
c.add('isin/float_nan_dups', 'isin', [torch.tensor([[1., nan, 2.5], [0, 7, -1]]), torch.tensor([2.5, nan, 1, 1, nan, -1])])
c.add('isin/long', 'isin', [torch.randint(0, 300, (40,)), torch.randint(0, 300, (200,))])
# Data on the bin edges. The edges are torch.linspace's: PyTorch's CPU linspace computes
# runs of 2×8 float32 / 2×4 float64 elements with AVX2 (base + k·step per 8 or 4), which
# rounds some edges differently from its scalar formula (Antorcha's linspace); data lying
# exactly on such an edge then falls in the other bin. These cases keep to edge counts
# below that (< 16 float32, < 8 float64 edges); histc's own linear search takes any count.
for bins in [3, 7, 10, 13]:
    c.add(f'histogram/on_edges{bins}', 'histogram', [torch.linspace(-1, 1, 41), bins])
for bins in [3, 7, 10, 13, 20]:
    c.add(f'histc/on_edges{bins}', 'histc', [torch.linspace(-1, 1, 41)], {'bins': bins})
for bins in [3, 5, 6]:
    c.add(f'histogram/on_edges{bins}_f64', 'histogram', [torch.linspace(-1, 1, 41, dtype=torch.float64), bins], {'range': (-0.9, 1.1)})

# ---------------------------------------------------------------- histogramdd
pts = torch.tensor([[0., 1], [1, 0], [2, 0], [2, 2]])
c.add('histogramdd/ints', 'histogramdd', [pts], {'bins': [3, 3], 'weight': torch.tensor([1., 2, 4, 8])})
c.add('histogramdd/int', 'histogramdd', [pts], {'bins': 2})
c.add('histogramdd/random', 'histogramdd', [rand([20, 2])], {'bins': [4, 5]})
c.add('histogramdd/edges_density', 'histogramdd', [pts], {'bins': [torch.tensor([0., 1, 2]), torch.tensor([0., 1, 2])], 'density': True})
c.add('histogramdd/range', 'histogramdd', [pts], {'bins': [2, 2], 'range': [0., 1., 0., 2.]})
c.add('histogramdd/3d', 'histogramdd', [rand([4, 5, 3], 'float64')], {'bins': [2, 3, 4], 'density': True})
c.add('histogramdd/1d_points', 'histogramdd', [rand([6, 1])], {'bins': 3})
c.add('histogramdd/empty', 'histogramdd', [torch.zeros(0, 2)], {'bins': 2})
c.add('histogramdd/const', 'histogramdd', [torch.zeros(2, 2, 2)], {'bins': 2})
c.add('histogramdd/error_bins_short', 'histogramdd', [pts], {'bins': [2]})
c.add('histogramdd/error_1d', 'histogramdd', [torch.zeros(3)], {'bins': 2})
c.add('histogramdd/error_range', 'histogramdd', [pts.double()], {'bins': 2, 'range': [0., 1.]})
c.add('histogramdd/error_bins0', 'histogramdd', [pts], {'bins': 0})
c.add('histogramdd/error_edges_count', 'histogramdd', [pts], {'bins': [torch.tensor([0., 1, 2])]})
c.add('histogramdd/error_int', 'histogramdd', [pts.long()], {'bins': 2})
c.add('histogramdd/error_weight', 'histogramdd', [pts], {'bins': 2, 'weight': torch.ones(3)})

c.write('statistics')

# ---------------------------------------------------------------- return_types printing
x = torch.tensor([[1., 5, 3], [4, 2, 6]])
reprs = {
    'max': repr(x.max(1)),
    'min_keepdim': repr(x.min(0, keepdim=True)),
    'sort': repr(x.sort(1)),
    'topk': repr(x.topk(2)),
    'cummax': repr(x.cummax(1)),
    'cummin': repr(x.cummin(0)),
    'median': repr(x.median(1)),
    'nanmedian': repr(x.nanmedian(0)),
    'mode': repr(torch.tensor([1, 1, 2]).mode()),
    'kthvalue': repr(x.kthvalue(2, 1)),
    'aminmax': repr(torch.aminmax(x)),
    'aminmax_dim': repr(torch.aminmax(x, dim=1)),
    'histogram': repr(torch.histogram(x, 2)),
    'tuple': repr((torch.tensor([1.]), torch.tensor([0]))),
    'histogramdd': repr(torch.histogramdd(torch.tensor([[0., 1], [1, 0], [2, 2]]), [2, 2])),
    'histogramdd_1': repr(torch.histogramdd(torch.tensor([[0.], [1]]), 2)),
}
path = os.path.join(ROOT, 'packages/core/fixtures/return-types.json')
with open(path, 'w') as f:
    json.dump(reprs, f, indent=1)
    f.write('\n')
print('wrote packages/core/fixtures/return-types.json')

# ---------------------------------------------------------------- gradients (ties, NaN)
# PyTorch's gradients where a composite's natural gradient could differ: ties (median of all
# elements shares its gradient among equal elements; along a dim it picks one index),
# NaN (nanmedian, nanmean, nanquantile) and interpolation.
GRADS = [
    ('median_all_ties', lambda x: torch.median(x), [1., 2, 2, 3]),
    ('median_all_nan', lambda x: torch.median(x), [1., nan, 2, nan]),
    ('nanmedian_all_ties', lambda x: torch.nanmedian(x), [1., nan, 2, 2, nan]),
    ('median_all_neg_zero', lambda x: torch.median(x), [-0.0, 1, -1]),
    ('median_dim_ties', lambda x: torch.median(x.reshape(2, 4), 1).values, [1., 2, 2, 3, 3, 3, 1, 0]),
    ('nanmedian_dim_nan', lambda x: torch.nanmedian(x.reshape(2, 4), 1).values, [1., nan, 2, 3, nan, nan, 1, 5]),
    ('mode_ties', lambda x: torch.mode(x).values, [1., 2, 2, 3, 3, 0]),
    ('kthvalue', lambda x: torch.kthvalue(x, 2).values, [1., 4, 2, 3]),
    ('quantile_ties', lambda x: torch.quantile(x, torch.tensor([0.2, 0.5, 0.9], dtype=torch.float64)), [1., 2, 2, 3]),
    ('quantile_nan', lambda x: torch.quantile(x, 0.5), [1., nan, 2, 3]),
    ('nanquantile_nan', lambda x: torch.nanquantile(x, 0.4), [1., nan, 2, 3]),
    ('quantile_midpoint', lambda x: torch.quantile(x.reshape(2, 3), 0.3, dim=1, interpolation='midpoint'), [1., 5, 2, 3, 3, 0]),
    ('nanmean_nan', lambda x: torch.nanmean(x), [1., nan, 2, 3]),
    ('std_mean', lambda x: sum(torch.std_mean(x)), [1., 4, 2, 3]),
    ('var_mean_dim', lambda x: sum(torch.var_mean(x.reshape(2, 2), 0)), [1., 4, 2, 3]),
    ('msort_ties', lambda x: torch.msort(x) * torch.arange(1., 5, dtype=torch.float64), [2., 1, 2, 0]),
]
grads = []
for name, fn, values in GRADS:
    x = torch.tensor(values, dtype=torch.float64, requires_grad=True)
    fn(x).sum().backward()
    grads.append({'name': name, 'input': [enc_value(v) for v in values], 'grad': [enc_value(v) for v in x.grad.tolist()]})
path = os.path.join(ROOT, 'packages/antorcha/test/fixtures/statistics-grads.json')
with open(path, 'w') as f:
    json.dump(grads, f, indent=1)
    f.write('\n')
print('wrote packages/antorcha/test/fixtures/statistics-grads.json')
