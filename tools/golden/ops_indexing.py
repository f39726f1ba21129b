"""Golden cases of the indexing family (index assignment, index_put, index_add/copy/fill/
reduce, masked_scatter, take, take_along_dim, put, scatter_reduce) and einsum, from PyTorch.

Run: /usr/bin/python3 tools/golden/ops_indexing.py  → packages/core/fixtures/ops-indexing.json
In-place ops run on the decoded input itself (a fresh tensor per case), so non-contiguous
layouts exercise writes through views; `setitem` is `x[spec] = value` (returns x).
"""
import warnings

import torch

from _cases import Cases, layouts, rand

warnings.filterwarnings('ignore')
torch.manual_seed(0)
c = Cases()
L = torch.tensor


def inplace(method):
    return lambda x, *a, **k: getattr(x, method)(*a, **k)


def enc_spec(spec):
    out = []
    for s in spec:
        if isinstance(s, slice):
            out.append({'slice': [s.start, s.stop, s.step]})
        elif s is Ellipsis:
            out.append('...')
        else:
            out.append(s)
    return out


def setitem(name, x, spec, value):
    def fn(x, _spec, v):
        x[tuple(spec) if isinstance(spec, (list, tuple)) else spec] = v
        return x
    c.add(f'setitem/{name}', 'setitem', [x, enc_spec(spec), value], fn=fn)


# Out-of-range indices: on CPU checked before any write, with PyTorch's text. On WebGPU the
# kernels find them and report at the next read (as gather does), in the kernel's words, so
# the cases whose text only the CPU gives use float64 inputs (WebGPU skips float64).

# ---------------------------------------------------------------- index_add
for dt in ['float32', 'float64', 'int64', 'int32', 'uint8']:
    c.add(f'index_add/{dt}/dim0', 'index_add', [rand([4, 3], dt), 0, L([0, 2, 0]), rand([3, 3], dt)])
    c.add(f'index_add/{dt}/dim1_alpha', 'index_add', [rand([3, 4], dt), 1, L([3, 1]), rand([3, 2], dt)], {'alpha': 2})
for lay, x in layouts([4, 3]):
    c.add(f'index_add/{lay}', 'index_add', [x, -2, L([1, 1, 3]), rand([3, 3])])
    c.add(f'index_add_/{lay}', 'index_add_', [x, 1, L([2, 0]), rand([4, 2])], fn=inplace('index_add_'))
c.add('index_add/float_alpha', 'index_add', [rand([3, 2]), 0, L([0, 2]), rand([2, 2])], {'alpha': 0.5})
c.add('index_add/int32_index', 'index_add', [rand([3, 2]), 0, L([0, 2]).int(), rand([2, 2])])
c.add('index_add/0d_index', 'index_add', [rand([3, 2]), 0, L(1), rand([1, 2])])
c.add('index_add/0d', 'index_add', [rand([]), 0, L([0]), rand([])])
c.add('index_add/3d', 'index_add', [rand([2, 3, 4]), 1, L([2, 2, 0, 1]), rand([2, 4, 4])])
c.add('index_add/empty_index', 'index_add', [rand([3, 2]), 0, L([], dtype=torch.long), rand([0, 2])])
c.add('index_add/broadcast_slice', 'index_add', [rand([3, 4]), 0, L([0, 2]), rand([2, 1])])
c.add('index_add/bool', 'index_add', [rand([3, 2], 'bool'), 0, L([0, 0]), rand([2, 2], 'bool')])
c.add('index_add/err_oob', 'index_add', [rand([3, 4]), 0, L([0, 5]), rand([2, 4])])
c.add('index_add/err_negative', 'index_add', [rand([3, 4]), 0, L([0, -1]), rand([2, 4])])
c.add('index_add/err_slice', 'index_add', [rand([3, 4]), 0, L([0, 1]), rand([2, 3])])
c.add('index_add/err_dtype', 'index_add', [rand([3, 4]), 0, L([0, 1]), rand([2, 4], 'float64')])
c.add('index_add/err_index_dtype', 'index_add', [rand([3, 4]), 0, L([0., 1.]), rand([2, 4])])
c.add('index_add/err_index_dim', 'index_add', [rand([3, 4]), 0, L([[0, 1]]), rand([2, 4])])
c.add('index_add/err_count', 'index_add', [rand([3, 4]), 0, L([0, 1, 2]), rand([2, 4])])
c.add('index_add/err_dim', 'index_add', [rand([3, 4]), 2, L([0, 1]), rand([2, 4])])
c.add('index_add/err_int_alpha', 'index_add', [rand([3, 4], 'int64'), 0, L([0, 1]), rand([2, 4], 'int64')], {'alpha': 1.5})
c.add('index_add_/err_expanded', 'index_add_', [rand([1, 3]).expand(4, 3), 0, L([0]), rand([1, 3])], fn=inplace('index_add_'))

# ---------------------------------------------------------------- index_copy
for dt in ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool']:
    c.add(f'index_copy/{dt}', 'index_copy', [rand([4, 3], dt), 0, L([3, 0]), rand([2, 3], dt)])
for lay, x in layouts([3, 4]):
    c.add(f'index_copy/{lay}', 'index_copy', [x, 1, L([2, 0, 3]), rand([3, 3])])
    c.add(f'index_copy_/{lay}', 'index_copy_', [x, 0, L([1]), rand([1, 4])], fn=inplace('index_copy_'))
c.add('index_copy/neg_dim', 'index_copy', [rand([2, 3, 4]), -1, L([1, 0]), rand([2, 3, 2])])
c.add('index_copy/0d', 'index_copy', [rand([]), 0, L([0]), rand([])])
c.add('index_copy/empty', 'index_copy', [rand([3, 2]), 0, L([], dtype=torch.long), rand([0, 2])])
c.add('index_copy/err_oob', 'index_copy', [rand([3, 4], 'float64'), 0, L([0, 5]), rand([2, 4], 'float64')])
c.add('index_copy/err_negative', 'index_copy', [rand([3, 4], 'float64'), 0, L([0, -1]), rand([2, 4], 'float64')])
c.add('index_copy/err_slice', 'index_copy', [rand([3, 4]), 0, L([0, 1]), rand([2, 3])])
c.add('index_copy/err_slice_3d', 'index_copy', [rand([3, 4, 5]), 1, L([0, 1]), rand([3, 2, 4])])
c.add('index_copy/err_dtype', 'index_copy', [rand([3, 4]), 0, L([0, 1]), rand([2, 4], 'float64')])
c.add('index_copy/err_index_dtype', 'index_copy', [rand([3, 4]), 0, L([0, 1]).int(), rand([2, 4])])
c.add('index_copy/err_index_dim', 'index_copy', [rand([3, 4]), 0, L([[0, 1]]), rand([2, 4])])
c.add('index_copy/err_count', 'index_copy', [rand([3, 4]), 0, L([0, 1, 2]), rand([2, 4])])
c.add('index_copy/err_rank', 'index_copy', [rand([3, 4]), 0, L([0, 1]), rand([2])])

# ---------------------------------------------------------------- index_fill
for dt in ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool']:
    c.add(f'index_fill/{dt}', 'index_fill', [rand([4, 3], dt), 0, L([3, 0]), 1])
for lay, x in layouts([3, 4]):
    c.add(f'index_fill/{lay}', 'index_fill', [x, 1, L([2, -1]), -2.5])
    if lay != 'expanded':  # PyTorch 1.13 writes into the shared memory; Antorcha refuses such writes
        c.add(f'index_fill_/{lay}', 'index_fill_', [x, 0, L([1, 1]), 3.0], fn=inplace('index_fill_'))
c.add('index_fill/tensor_value', 'index_fill', [rand([3, 4]), 1, L([0, 2]), rand([])])
c.add('index_fill/int_float_value', 'index_fill', [rand([3, 4], 'int64'), 1, L([0]), 2.7])
c.add('index_fill/0d', 'index_fill', [rand([]), 0, L([0]), 5.0])
c.add('index_fill/0d_index', 'index_fill', [rand([3, 2]), 0, L(2), 5.0])
c.add('index_fill/empty', 'index_fill', [rand([3, 2]), 0, L([], dtype=torch.long), 5.0])
c.add('index_fill/err_oob', 'index_fill', [rand([3, 4], 'float64'), 0, L([0, 5]), 1.0])
c.add('index_fill/err_neg_oob', 'index_fill', [rand([3, 4], 'float64'), 0, L([0, -4]), 1.0])
c.add('index_fill/err_value_dim', 'index_fill', [rand([3, 4]), 0, L([0, 1]), rand([2])])
c.add('index_fill/err_index_dtype', 'index_fill', [rand([3, 4]), 0, L([0, 1]).int(), 1.0])
c.add('index_fill/err_index_dim', 'index_fill', [rand([3, 4]), 0, L([[0, 1]]), 1.0])
c.add('index_fill/err_dim', 'index_fill', [rand([3, 4]), 2, L([0, 1]), 1.0])

# ---------------------------------------------------------------- index_reduce
for red in ['prod', 'mean', 'amax', 'amin']:
    for inc in [True, False]:
        for dt in ['float32', 'float64', 'int64', 'int32']:
            c.add(f'index_reduce/{red}/{inc}/{dt}', 'index_reduce', [rand([4, 3], dt), 0, L([0, 2, 0, 3, 0]), rand([5, 3], dt), red], {'include_self': inc})
    c.add(f'index_reduce/{red}/dim1', 'index_reduce', [rand([3, 4]), -1, L([3, 3, 1]), rand([3, 3]), red])
    for lay, x in layouts([3, 4]):
        c.add(f'index_reduce_/{red}/{lay}', 'index_reduce_', [x, 1, L([0, 0, 2]), rand([3, 3]), red], {'include_self': False}, fn=inplace('index_reduce_'))
c.add('index_reduce/mean/int_negative', 'index_reduce', [L([[-7, 5], [3, -2]]), 0, L([0, 0]), L([[-4, 0], [2, 2]]), 'mean'])
c.add('index_reduce/amax_nan', 'index_reduce', [L([1.0, 2.0, 3.0]), 0, L([0, 1]), L([float('nan'), 1.0]), 'amax'])
c.add('index_reduce/prod_zero', 'index_reduce', [L([1.0, 0.0, 3.0]), 0, L([0, 1, 0]), L([0.0, 2.0, 4.0]), 'prod'])
c.add('index_reduce/0d', 'index_reduce', [rand([]), 0, L([0, 0]), rand([2]), 'amin'])
c.add('index_reduce/err_reduce', 'index_reduce', [rand([3, 4]), 0, L([0, 1]), rand([2, 4]), 'sum'])
c.add('index_reduce/err_oob', 'index_reduce', [rand([3, 4]), 0, L([0, 5]), rand([2, 4]), 'prod'])
c.add('index_reduce/err_negative', 'index_reduce', [rand([3, 4]), 0, L([0, -1]), rand([2, 4]), 'prod'])
c.add('index_reduce/err_dtype', 'index_reduce', [rand([3, 4]), 0, L([0, 1]), rand([2, 4], 'float64'), 'amax'])
c.add('index_reduce/err_count', 'index_reduce', [rand([3, 4]), 0, L([0, 1, 2]), rand([2, 4]), 'amax'])

# ---------------------------------------------------------------- scatter_reduce
idx2 = L([[0, 1, 2, 0], [2, 2, 0, 1], [0, 0, 0, 2]])
for red in ['sum', 'prod', 'mean', 'amax', 'amin']:
    for inc in [True, False]:
        for dt in ['float32', 'float64', 'int64', 'int32']:
            c.add(f'scatter_reduce/{red}/{inc}/{dt}', 'scatter_reduce', [rand([3, 4], dt), 0, idx2, rand([3, 4], dt), red], {'include_self': inc})
    c.add(f'scatter_reduce/{red}/dim1_small_index', 'scatter_reduce', [rand([3, 5]), 1, L([[4, 4], [0, 1]]), rand([3, 3]), red])
    for lay, x in layouts([3, 4]):
        c.add(f'scatter_reduce_/{red}/{lay}', 'scatter_reduce_', [x, 1, L([[1, 1, 3], [0, 0, 0], [2, 3, 2]]), rand([3, 3]), red], {'include_self': False}, fn=inplace('scatter_reduce_'))
c.add('scatter_reduce/mean/int_negative', 'scatter_reduce', [L([-7, 5, 3]), 0, L([0, 0, 2, 2]), L([-4, 0, 2, 2]), 'mean'])
c.add('scatter_reduce/uint8_sum', 'scatter_reduce', [rand([4], 'uint8'), 0, L([0, 0, 3]), rand([3], 'uint8'), 'sum'])
c.add('scatter_reduce/amin_inf', 'scatter_reduce', [L([1.0, float('inf'), 3.0]), 0, L([1, 1]), L([float('inf'), float('-inf')]), 'amin', ], {'include_self': False})
c.add('scatter_reduce/0d', 'scatter_reduce', [rand([]), 0, L(0), rand([]), 'sum'])
c.add('scatter_reduce/empty_index', 'scatter_reduce', [rand([3]), 0, L([], dtype=torch.long), rand([0]), 'prod'], {'include_self': False})
c.add('scatter_reduce/err_reduce', 'scatter_reduce', [rand([3, 4]), 0, idx2, rand([3, 4]), 'add'])
c.add('scatter_reduce/err_oob', 'scatter_reduce', [rand([3, 4]), 0, L([[0, 5]]), rand([1, 2]), 'sum'])
c.add('scatter_reduce/err_negative', 'scatter_reduce', [rand([3, 4]), 0, L([[0, -1]]), rand([1, 2]), 'sum'])
c.add('scatter_reduce/err_dtype', 'scatter_reduce', [rand([3, 4]), 0, idx2, rand([3, 4], 'float64'), 'sum'])
c.add('scatter_reduce/err_index_dtype', 'scatter_reduce', [rand([3, 4]), 0, idx2.int(), rand([3, 4]), 'sum'])
c.add('scatter_reduce/err_index_rank', 'scatter_reduce', [rand([3, 4]), 0, L([0, 1]), rand([3, 4]), 'sum'])
c.add('scatter_reduce/err_index_size', 'scatter_reduce', [rand([3, 4]), 0, L([[0, 1, 2, 0, 1]]), rand([3, 4]), 'sum'])

# ---------------------------------------------------------------- take / put / take_along_dim
for dt in ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool']:
    c.add(f'take/{dt}', 'take', [rand([3, 4], dt), L([[0, 11], [-1, 5]])])
for lay, x in layouts([3, 4]):
    c.add(f'take/{lay}', 'take', [x, L([1, 4, 7, -12, 4])])
    c.add(f'put_/{lay}', 'put_', [x, L([1, -1, 6]), rand([3])], fn=inplace('put_'))
    c.add(f'put_/{lay}/accumulate', 'put_', [x, L([1, 1, 6, 1]), rand([4])], {'accumulate': True}, fn=inplace('put_'))
c.add('take/0d', 'take', [rand([]), L([0, -1])])
c.add('take/empty_index', 'take', [rand([3]), L([], dtype=torch.long)])
c.add('take/err_oob', 'take', [rand([3, 4], 'float64'), L([0, 12])])
c.add('take/err_neg_oob', 'take', [rand([3, 4], 'float64'), L([0, -13])])
c.add('take/err_dtype', 'take', [rand([3, 4]), L([0., 1.])])
c.add('take/err_empty', 'take', [rand([0]), L([0])])
for dt in ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool']:
    c.add(f'put/{dt}', 'put', [rand([2, 3], dt), L([[0, 5]]), rand([1, 2], dt)])
c.add('put/accumulate_dup', 'put', [rand([2, 3]), L([0, 0, 0, -1]), rand([4])], {'accumulate': True})
c.add('put/accumulate_int', 'put', [rand([5], 'int64'), L([4, 4, 1]), rand([3], 'int64')], {'accumulate': True})
c.add('put/0d', 'put', [rand([]), L(0), rand([])])
c.add('put/empty', 'put', [rand([3]), L([], dtype=torch.long), rand([0])])
c.add('put/err_oob', 'put', [rand([3, 4], 'float64'), L([0, 12]), rand([2], 'float64')])
c.add('put/err_numel', 'put', [rand([3, 4]), L([0, 1]), rand([3])])
c.add('put/err_dtype', 'put', [rand([3, 4]), L([0, 1]), rand([2], 'float64')])
c.add('put/err_index_dtype', 'put', [rand([3, 4]), L([0, 1]).int(), rand([2])])
c.add('put_/err_expanded', 'put_', [rand([1, 3]).expand(2, 3), L([0]), rand([1])], fn=inplace('put_'))

for dt in ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool']:
    c.add(f'take_along_dim/{dt}', 'take_along_dim', [rand([3, 4], dt), L([[0], [3], [1]]), 1])
for lay, x in layouts([3, 4]):
    c.add(f'take_along_dim/{lay}', 'take_along_dim', [x, L([[2, 0, 1, 1]]), 0])
c.add('take_along_dim/argmax', 'take_along_dim', [rand([3, 4]), L([[1], [0], [3]]), -1])
c.add('take_along_dim/broadcast', 'take_along_dim', [rand([3, 1, 4]), L([[[0], [3]]]), 2])
c.add('take_along_dim/flat', 'take_along_dim', [rand([3, 4]), L([[0, 11], [5, 5]])])
c.add('take_along_dim/flat_transposed', 'take_along_dim', [rand([4, 3]).t(), L([0, 1])])
c.add('take_along_dim/err_oob', 'take_along_dim', [rand([3, 4]), L([[0], [5], [1]]), 1])
c.add('take_along_dim/err_negative', 'take_along_dim', [rand([3, 4]), L([[0], [1], [-1]]), 1])
c.add('take_along_dim/err_rank', 'take_along_dim', [rand([3, 4]), L([0, 1]), 1])
c.add('take_along_dim/err_dtype', 'take_along_dim', [rand([3, 4]), L([[0.], [1.]]), 1])
c.add('take_along_dim/err_broadcast', 'take_along_dim', [rand([3, 4]), L([[0, 1]] * 2), 1])

# ---------------------------------------------------------------- masked_scatter
for dt in ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool']:
    c.add(f'masked_scatter/{dt}', 'masked_scatter', [rand([3, 4], dt), rand([3, 4], 'bool'), rand([12], dt)])
for lay, x in layouts([3, 4]):
    c.add(f'masked_scatter/{lay}', 'masked_scatter', [x, L([True, False, True, True]), rand([2, 5])])
    c.add(f'masked_scatter_/{lay}', 'masked_scatter_', [x, L([[True], [False], [True]]), rand([9])], fn=inplace('masked_scatter_'))
c.add('masked_scatter/broadcast_self', 'masked_scatter', [rand([4]), rand([2, 4], 'bool'), rand([8])])
c.add('masked_scatter/uint8_mask', 'masked_scatter', [rand([4]), L([1, 0, 1, 1]).byte(), rand([3])])
c.add('masked_scatter/none', 'masked_scatter', [rand([4]), L([False] * 4), rand([0])])
c.add('masked_scatter/0d', 'masked_scatter', [rand([]), L(True), rand([2])])
c.add('masked_scatter/err_short', 'masked_scatter', [rand([3, 4], 'float64'), L([True, False, True, True]), rand([2], 'float64')])
c.add('masked_scatter/err_dtype', 'masked_scatter', [rand([3, 4]), L([True, False, True, True]), rand([12], 'float64')])
# Not covered: integer masks other than uint8 (PyTorch 1.13 reads their bytes as bools).
c.add('masked_scatter_/err_broadcast', 'masked_scatter_', [rand([4]), rand([2, 4], 'bool'), rand([8])], fn=inplace('masked_scatter_'))

# ---------------------------------------------------------------- index_put
for dt in ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool']:
    c.add(f'index_put/{dt}', 'index_put', [rand([4, 3], dt), (L([0, 3, -1]),), rand([3, 3], dt)])
    c.add(f'index_put/{dt}/accumulate', 'index_put', [rand([4, 3], dt), (L([0, 0, 2]), L([1, 1, 2])), rand([3], dt)], {'accumulate': True})
for lay, x in layouts([3, 4]):
    c.add(f'index_put/{lay}', 'index_put', [x, (L([[0], [2]]), L([1, 3])), rand([2])])
    if lay == 'expanded':  # PyTorch 1.13 writes into the shared memory; Antorcha refuses such writes
        continue
    c.add(f'index_put_/{lay}', 'index_put_', [x, (L([2, 0]),), rand([4])], fn=inplace('index_put_'))
    c.add(f'index_put_/{lay}/accumulate', 'index_put_', [x, (L([1, 1, 1]), L([0, 0, 3])), rand([1])], {'accumulate': True}, fn=inplace('index_put_'))
c.add('index_put/mask', 'index_put', [rand([3, 4]), (rand([3, 4], 'bool'),), L(7.0)])
c.add('index_put/row_mask', 'index_put', [rand([3, 4]), (L([True, False, True]),), rand([4])])
c.add('index_put/mask_accumulate', 'index_put', [rand([3, 4]), (L([True, False, True]),), rand([2, 4])], {'accumulate': True})
c.add('index_put/3d_middle', 'index_put', [rand([2, 3, 4]), (L([1]), L([0, 2])), rand([2, 4])])
c.add('index_put/empty_index', 'index_put', [rand([3, 4]), (L([], dtype=torch.long),), rand([4])])
c.add('index_put/err_oob', 'index_put', [rand([3, 4], 'float64'), (L([0, 5]),), rand([4], 'float64')])
c.add('index_put/err_neg_oob', 'index_put', [rand([3, 4], 'float64'), (L([0, -4]),), rand([4], 'float64')])
c.add('index_put/err_shape', 'index_put', [rand([3, 4]), (L([0, 1]),), rand([3])])
c.add('index_put/err_dtype', 'index_put', [rand([3, 4]), (L([0, 1]),), rand([4], 'float64')])
c.add('index_put/err_index_dtype', 'index_put', [rand([3, 4]), (L([0., 1.]),), rand([4])])
c.add('index_put/err_too_many', 'index_put', [rand([3, 4]), (L([0]), L([0]), L([0])), rand([1])])
c.add('index_put/err_broadcast_indices', 'index_put', [rand([3, 4]), (L([0, 1]), L([0, 1, 2])), rand([1])])
c.add('index_put/err_mask_shape', 'index_put', [rand([3, 4]), (L([True, False]),), rand([1])])

# ---------------------------------------------------------------- x[...] = value
for lay, x in layouts([3, 4]):
    setitem(f'{lay}/int', x, (1,), 5.0)
    setitem(f'{lay}/slice_step', x, (slice(None, None, 2), slice(1, None, 2)), rand([2, 2]))
    if lay != 'expanded':  # PyTorch 1.13's index_put_ writes into shared memory; Antorcha refuses
        setitem(f'{lay}/index_tensor', x, (L([2, 0]),), rand([4]))
        setitem(f'{lay}/mask', x, (x > 0,), 0.0)
for dt in ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool']:
    setitem(f'{dt}/cast_float_value', rand([3, 4], dt), (slice(1, 3),), 1.75)
    setitem(f'{dt}/cast_tensor_value', rand([3, 4], dt), (0,), rand([4], 'float64'))
setitem('neg_int', rand([3, 4]), (-1, -2), 9.0)
setitem('ellipsis', rand([2, 3, 4]), (Ellipsis, 1), rand([2, 3]))
setitem('ellipsis_tensor', rand([2, 3, 4]), (Ellipsis, L([3, 0])), rand([2]))
setitem('none', rand([3, 4]), (None, 1), rand([1, 4]))
setitem('none_tensor', rand([3, 4]), (None, L([0, 2])), rand([4]))
setitem('leading_ones', rand([3, 4]), (0,), rand([1, 1, 4]))
setitem('broadcast_column', rand([3, 4]), (slice(None), slice(1, 3)), rand([3, 1]))
setitem('two_tensors', rand([3, 4]), (L([0, 2]), L([3, 1])), rand([2]))
setitem('two_tensors_broadcast', rand([3, 4]), (L([[0], [2]]), L([3, 1])), 8.0)
setitem('tensor_slice_tensor', rand([3, 4, 5]), (L([0, 2]), slice(1, 3), L([4, 4])), rand([2, 2]))
setitem('tensor_int', rand([3, 4, 5]), (L([0, 2]), 1), rand([5]))
setitem('middle_tensor', rand([3, 4, 5]), (slice(None), L([1, 3])), rand([3, 2, 5]))
setitem('mask_2d_rows', rand([3, 4]), (L([True, False, True]),), rand([4]))
setitem('mask_rows_values', rand([3, 4]), (L([True, False, True]),), rand([2, 4]))
setitem('mask_full_values', rand([3, 4]), (L([[True, False, False, True]] * 3),), rand([6]))
setitem('mask_after_slice', rand([3, 4]), (slice(0, 2), L([True, True, False, False])), rand([2, 1]))
setitem('mask_column_value', rand([2, 3, 4]), (slice(None), L([True, False, True])), rand([2, 1, 4]))
setitem('uint8_mask', rand([3, 4]), (L([1, 0, 1]).byte(),), 3.0)
setitem('bool_scalar_true', rand([3]), (True,), rand([3]))
setitem('zero_d_index', rand([3, 4]), (L(1),), 4.0)
setitem('zero_d_value', rand([3, 4]), (slice(None), 0), L(2.5))
setitem('all', rand([3, 4]), (Ellipsis,), rand([4]))
setitem('empty_mask', rand([3, 4]), (L([False, False, False]),), rand([4]))
setitem('err_oob_int', rand([3, 4]), (5,), 1.0)
setitem('err_oob_tensor', rand([3, 4]), (L([0, 5]),), 1.0)
setitem('err_expand', rand([3, 4]), (0,), rand([3]))
setitem('err_expand_rank', rand([3, 4]), (0,), rand([2, 1, 4]))
setitem('err_index_shape', rand([3, 4]), (L([0, 1]),), rand([3]))
setitem('err_mask_values', rand([3, 4]), (L([[True, False, True, True]] * 3),), rand([8]))
setitem('err_mask_rows', rand([3, 4]), (L([True, False, True]),), rand([3, 4]))
setitem('err_mask_shape', rand([3, 4]), (L([True, False]),), 1.0)
setitem('err_too_many', rand([3, 4]), (0, 0, 0), 1.0)
setitem('err_float_index', rand([3, 4]), (L([0.0]),), 1.0)

# ---------------------------------------------------------------- einsum
def einsum_case(name, eq, *ops, as_list=False):
    """`bound` for float32 results, as tools/golden/ops.py's accumulation_bound: per element,
    K·eps·(einsum of |operands| in float64), K = the number of products summed into that
    element (einsum of all-ones operands) plus one rounding per pairwise product."""
    call_args = [eq, list(ops)] if as_list else [eq, *ops]
    bound = None
    try:
        out = torch.einsum(eq, *ops)
        if out.dtype == torch.float32:
            scale = torch.einsum(eq, *[o.detach().abs().double() for o in ops])
            terms = torch.einsum(eq, *[torch.ones_like(o, dtype=torch.float64) for o in ops])
            bound = (scale * (terms + len(ops)) * 2.0 ** -24).reshape(-1).tolist()
    except Exception:
        pass
    c.add(f'einsum/{name}', 'einsum', call_args, bound=bound)


for dt in ['float32', 'float64', 'int64', 'int32']:
    einsum_case(f'matmul/{dt}', 'ij,jk->ik', rand([3, 4], dt), rand([4, 5], dt))
einsum_case('implicit_matmul', 'ij,jk', rand([3, 4]), rand([4, 2]))
einsum_case('implicit_order', 'ba', rand([3, 4]))
einsum_case('implicit_capitals', 'aB,Bc', rand([3, 4]), rand([4, 2]))
einsum_case('bmm', 'bij,bjk->bik', rand([2, 3, 4]), rand([2, 4, 5]))
einsum_case('trace', 'ii', rand([4, 4]))
einsum_case('diag', 'ii->i', rand([4, 4]))
einsum_case('diag_3', 'iii->i', rand([3, 3, 3]))
einsum_case('batch_diag', '...ii->...i', rand([2, 3, 3]))
einsum_case('sum_all', 'ij->', rand([3, 4]))
einsum_case('transpose', 'ij->ji', rand([3, 4]))
einsum_case('outer', 'i,j->ij', rand([3]), rand([4]))
einsum_case('outer_implicit', 'i,j', rand([3]), rand([4]))
einsum_case('dot', 'i,i->', rand([5]), rand([5]))
einsum_case('dot_implicit', 'i,i', rand([5]), rand([5]))
einsum_case('hadamard', 'ij,ij->ij', rand([3, 4]), rand([3, 4]))
einsum_case('ellipsis_batch', '...ij,...jk->...ik', rand([2, 1, 3, 4]), rand([3, 4, 2]))
einsum_case('ellipsis_middle', 'i...j->j...i', rand([2, 3, 4, 5]))
einsum_case('ellipsis_sum', 'i...->i', rand([2, 3, 4]))
einsum_case('ellipsis_implicit', '...ij,jk', rand([2, 3, 4]), rand([4, 5]))
einsum_case('ellipsis_empty', '...i,i->...', rand([4]), rand([4]))
einsum_case('three_operands', 'ij,jk,kl->il', rand([2, 3]), rand([3, 4]), rand([4, 5]))
einsum_case('three_shared', 'i,i,i->', rand([4]), rand([4]), rand([4]))
einsum_case('bilinear', 'bn,anm,bm->ba', rand([2, 3]), rand([4, 3, 5]), rand([2, 5]))
einsum_case('list_operands', 'ij,jk->ik', rand([3, 4]), rand([4, 2]), as_list=True)
einsum_case('broadcast_size1', 'ij,ij->i', rand([3, 4]), rand([3, 1]))
einsum_case('repeated_in_two', 'ii,ij->j', rand([3, 3]), rand([3, 2]))
einsum_case('sum_only_one', 'ij,k->k', rand([3, 4]), rand([2]))
einsum_case('spaces', 'i j , j k -> i k', rand([2, 3]), rand([3, 2]))
einsum_case('transposed_input', 'ij,jk->ik', rand([4, 3]).t(), rand([4, 2]))
einsum_case('empty_dim', 'ij,jk->ik', rand([3, 0]), rand([0, 2]))
einsum_case('0d', ',->', rand([]), rand([]))
einsum_case('scalar_times', 'ij,->ij', rand([2, 3]), rand([]))
einsum_case('mixed_mul', 'i,i->i', rand([3]), rand([3], 'float64'))
einsum_case('uint8', 'ij->j', rand([3, 4], 'uint8'))
einsum_case('err_subscript_size', 'ij,jk', rand([2, 3]), rand([4, 2]))
einsum_case('err_fewer', 'ij,jk->', rand([2, 3]))
einsum_case('err_more', 'ij->', rand([2, 3]), rand([2, 3]))
einsum_case('err_diag_size', 'ii->i', rand([2, 3]))
einsum_case('err_output_missing', 'ij->k', rand([2, 3]))
einsum_case('err_output_repeat', 'ij->ii', rand([2, 3]))
einsum_case('err_dot', 'i.j', rand([2, 3]))
einsum_case('err_rank', 'ijk', rand([2, 3]))
einsum_case('err_rank_ellipsis', 'ijk...', rand([2, 3]))
einsum_case('err_dtype', 'ij,ij', rand([2, 3]), rand([2, 3], 'float64'))
einsum_case('err_char', 'i1', rand([2, 3]))
einsum_case('err_two_ellipses', '......', rand([2, 3]))

# ---------------------------------------------------------------- more edges
c.add('index_put/0d_mask', 'index_put', [rand([3]), (L(True),), rand([1, 3])])
# Not covered: index_put with a False 0-d mask or no index tensors (PyTorch 1.13 fails an INTERNAL ASSERT).
c.add('index_put/0d_self_mask', 'index_put', [rand([]), (L(True),), rand([])])
c.add('index_put/uint8_mask', 'index_put', [rand([3, 4]), (L([1, 0, 1]).byte(),), rand([4])])
c.add('index_put/negative_two', 'index_put', [rand([3, 4]), (L([-1, -3]), L([-4, 0])), rand([2])], {'accumulate': True})
c.add('index_put/empty_tensor', 'index_put', [rand([0, 4]), (L([], dtype=torch.long),), rand([4])])
setitem('negative_tensor', rand([3, 4]), (slice(None), L([-1, -4])), rand([3, 1]))
setitem('step_slice_tensor', rand([6, 4]), (slice(None, None, 2), L([0, 0, 3])), 1.0)
setitem('mask_3d_partial', rand([2, 3, 4]), (rand([2, 3], 'bool'),), rand([4]))
setitem('mask_after_ellipsis', rand([2, 3, 4]), (Ellipsis, rand([4], 'bool')), 0.5)
setitem('int_dtype_mask', rand([3, 4], 'int64'), (L([True, False, True]),), 7)
setitem('bool_value', rand([3, 4], 'bool'), (0,), True)
setitem('0d_tensor_x', rand([]), (Ellipsis,), 3.0)
setitem('none_only', rand([3]), (None,), rand([1, 3]))
c.add('take_along_dim/0d', 'take_along_dim', [rand([]), L(0), 0])
c.add('index_add/neg_dim_1d', 'index_add', [rand([5]), -1, L([4, 0]), rand([2])])
c.add('index_add/empty_self', 'index_add', [rand([0, 3]), 1, L([2]), rand([0, 1])])
c.add('index_copy/0d_index', 'index_copy', [rand([3, 2]), 0, L(1), rand([1, 2])])
c.add('masked_scatter/bool_src', 'masked_scatter', [rand([4], 'bool'), L([True, False, True, False]), rand([3], 'bool')])
c.add('scatter_reduce/bool_amax', 'scatter_reduce', [rand([4], 'bool'), 0, L([0, 0, 1]), rand([3], 'bool'), 'amax'])
c.add('index_fill/bool_value_float_x', 'index_fill', [rand([3]), 0, L([1]), True])
einsum_case('ellipsis_only', '...->...', rand([2, 3]))
einsum_case('ellipsis_out_only', 'ij->...ij', rand([2, 3]))
einsum_case('err_no_operands', 'i')
einsum_case('bool', 'ij,jk', rand([2, 3], 'bool'), rand([3, 2], 'bool'))
einsum_case('implicit_repeated', 'ii,i', rand([3, 3]), rand([3]))
einsum_case('sum_dim_size1', 'ij,jk->', rand([2, 1]), rand([1, 3]))
einsum_case('err_output_dot', 'ij->i.', rand([2, 3]))
einsum_case('err_arrow_char', 'ij-k', rand([2, 3]))

c.write('indexing')

# ---------------------------------------------------------------- gradients
# PyTorch's gradients of sum(out * weight) w.r.t. the float64 inputs listed in `wrt`, for
# packages/antorcha/test/surface-indexing.test.ts (written to packages/antorcha/test/fixtures/
# indexing-grads.json): ties of amax/amin, zeros in prod, duplicates, masks. In-place ops
# and setitem run on a clone of input 0 (a leaf can't be written in place).
from _common import enc_arg, enc_result, write_json  # noqa: E402

grads = []


def grad_case(name, op, args, kwargs=None, wrt=(0,), fn=None):
    kwargs = kwargs or {}
    args = [a.double() if isinstance(a, torch.Tensor) and a.is_floating_point() else a for a in args]
    enc = [enc_arg(a) for a in args]
    leaves = [a.detach().clone().requires_grad_(i in wrt) if isinstance(a, torch.Tensor) and i in wrt else a for i, a in enumerate(args)]
    call = fn or (lambda *a, **k: getattr(torch, op)(*a, **k))
    call_args = list(leaves)
    if op.endswith('_') or op == 'setitem':
        call_args[0] = call_args[0].clone()
    out = call(*call_args, **kwargs)
    weight = torch.randn(out.shape, dtype=torch.float64)
    (out * weight).sum().backward()
    grads.append({'name': name, 'op': op, 'args': enc, 'kwargs': {k: enc_arg(v) for k, v in kwargs.items()}, 'wrt': list(wrt),
                  'weight': enc_arg(weight), 'value': enc_result(out.detach()), 'grads': [enc_result(leaves[i].grad) for i in wrt]})


def setitem_fn(spec):
    def fn(x, _spec, v):
        x[tuple(spec)] = v
        return x
    return fn


ties = L([[1.0, 2.0, 2.0], [0.5, 2.0, -1.0], [1.0, 3.0, 3.0]])
tie_src = L([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]])
for red in ['amax', 'amin', 'prod', 'mean', 'sum']:
    for inc in [True, False]:
        grad_case(f'scatter_reduce/{red}/{inc}/ties', 'scatter_reduce', [ties, 0, L([[0, 0, 2], [0, 1, 2]]), tie_src, red], {'include_self': inc}, wrt=(0, 3))
grad_case('scatter_reduce/prod/zeros', 'scatter_reduce', [L([1.5, -2.0, 3.0, 0.0]), 0, L([0, 0, 1, 2, 2, 3]), L([0.0, 2.0, 0.5, 0.0, 4.0, 0.0]), 'prod'], wrt=(0, 3))
grad_case('scatter_reduce/prod/zeros_no_self', 'scatter_reduce', [L([1.5, -2.0, 3.0, 0.0]), 0, L([0, 0, 1, 2, 2, 3]), L([0.0, 2.0, 0.5, 0.0, 0.0, 7.0]), 'prod'], {'include_self': False}, wrt=(0, 3))
for red in ['amax', 'amin', 'prod', 'mean']:
    grad_case(f'index_reduce/{red}/ties', 'index_reduce', [ties, 0, L([0, 2]), tie_src, red], wrt=(0, 3))
    grad_case(f'index_reduce_/{red}/no_self', 'index_reduce_', [ties, 1, L([0, 0, 2]), ties.t().clone(), red], {'include_self': False}, wrt=(0, 3), fn=lambda x, *a, **k: x.index_reduce_(*a, **k))
grad_case('index_add/dup', 'index_add', [rand([4, 3]), 0, L([0, 2, 0]), rand([3, 3])], {'alpha': 2}, wrt=(0, 3))
grad_case('index_copy', 'index_copy', [rand([4, 3]), 0, L([3, 0]), rand([2, 3])], wrt=(0, 3))
grad_case('index_fill/tensor_value_dup', 'index_fill', [rand([3, 4]), 1, L([0, 2, 2]), rand([])], wrt=(0, 3))
grad_case('index_put/accumulate_dup', 'index_put', [rand([3, 4]), (L([0, 0, 2]), L([1, 1, 2])), rand([3])], {'accumulate': True}, wrt=(0, 2))
grad_case('index_put/mask_rows', 'index_put', [rand([3, 4]), (L([True, False, True]),), rand([2, 4])], wrt=(0, 2))
grad_case('masked_scatter', 'masked_scatter', [rand([3, 4]), L([True, False, True, True]), rand([10])], wrt=(0, 2))
grad_case('take/dup', 'take', [rand([3, 4]), L([[0, 11], [-1, 5], [5, 5]])])
grad_case('put/accumulate', 'put', [rand([3, 4]), L([1, 1, -1]), rand([3])], {'accumulate': True}, wrt=(0, 2))
grad_case('take_along_dim', 'take_along_dim', [rand([3, 1, 4]), L([[[0], [3]]]), 2])
for name, spec, vshape in [('mask_broadcast', (L([True, False, True]),), [4]), ('two_tensors', (L([[0], [2]]), L([3, 1])), [2, 2]),
                           ('slice_step', (slice(None, None, 2), slice(1, None, 2)), [2, 2]), ('elements', (L([[True, False, False, True]] * 3),), [6])]:
    grad_case(f'setitem/{name}', 'setitem', [rand([3, 4]), enc_spec(spec), rand(vshape)], wrt=(0, 2), fn=setitem_fn(spec))
grad_case('einsum/bilinear', 'einsum', ['bn,anm,bm->ba', rand([2, 3]), rand([4, 3, 5]), rand([2, 5])], wrt=(1, 2, 3))
grad_case('einsum/diag_broadcast', 'einsum', ['ii,ij->j', rand([3, 3]), rand([1, 2])], wrt=(1, 2))
grad_case('setitem/view_of_nonleaf', 'setitem_view', [rand([3, 4]), rand([4])], wrt=(0, 1),
          fn=lambda x, v: (lambda y: (y[1].__setitem__(L([0, 3]), v[0:2]), y)[1])(x * 2))
# x[...] with index tensors: one IndexBackward0 node whose input is the leaf or the view of
# the dims the user sliced/selected (its next function, named as Antorcha names them).
getitem_x = rand([2, 3, 4])
getitem_idx = L([1, 0])
for name, spec in [('mask', (getitem_x > 0.5,)), ('idx', (getitem_idx,)), ('slice_idx', (slice(None), getitem_idx)),
                   ('idx_slice_idx', (getitem_idx, slice(None), getitem_idx)), ('select_idx', (0, getitem_idx)),
                   ('none_idx', (None, getitem_idx)), ('dup', (L([[0, 1], [1, 1]]), slice(1, 3))),
                   ('apart', (getitem_idx, slice(None), L([3, 3])))]:
    grad_case(f'getitem/{name}', f'getitem/{name}', [getitem_x], fn=lambda x, spec=spec: x[spec])
    out = grads[-1]
    leaf = getitem_x.double().detach().clone().requires_grad_()
    y = leaf[spec]
    out['grad_fn'] = y.grad_fn.name()
    out['next'] = [f[0].name().replace('torch::autograd::', '') if f[0] else None for f in y.grad_fn.next_functions]

write_json('packages/antorcha/test/fixtures/indexing-grads.json', grads)
