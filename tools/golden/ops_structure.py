"""Golden cases of the structure ops: stacking and splitting, shape views and their
`*_copy` forms, in-place view ops, and creation-like ops.

Writes packages/core/fixtures/ops-structure.json. Run: /usr/bin/python3 tools/golden/ops_structure.py
Ops whose Python result is not a tensor (bools, ints) are wrapped in a 0-dim tensor by `fn`.
"""
import warnings

import torch

from _cases import Cases, layouts, rand

warnings.filterwarnings('ignore')
torch.manual_seed(0)
c = Cases(overrides_2x={
    # aten/src/ATen/native/TriangularOps.cpp (TORCH_META_FUNC(tril) / triu, shared by tril_ / triu_):
    # TORCH_CHECK(self.dim() >= 2, "tril: input tensor must have at least 2 dimensions") (1.13 failed in wrapDim(-2))
    'tril_/1d': ('tril: input tensor must have at least 2 dimensions', 'RuntimeError'),
    'triu_/1d': ('triu: input tensor must have at least 2 dimensions', 'RuntimeError'),
})

ALL = ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool']


def method(name):
    return lambda x, *a, **k: getattr(x, name)(*a, **k)


# ---------------------------------------------------------------- stacking
for op in ['hstack', 'vstack', 'dstack', 'column_stack', 'row_stack']:
    c.add(f'{op}/0d', op, [[rand([]), rand([])]])
    c.add(f'{op}/1d', op, [[rand([3]), rand([3])]])
    c.add(f'{op}/1d_uneven', op, [[rand([2]), rand([3])]])
    c.add(f'{op}/2d', op, [[rand([2, 3]), rand([2, 3])]])
    c.add(f'{op}/2d_cols', op, [[rand([2, 3]), rand([2, 1])]])
    c.add(f'{op}/2d_rows', op, [[rand([2, 3]), rand([1, 3])]])
    c.add(f'{op}/3d', op, [[rand([2, 3, 2]), rand([2, 3, 1])]])
    c.add(f'{op}/mixed_1d_2d', op, [[rand([3]), rand([2, 3])]])
    c.add(f'{op}/single', op, [[rand([2, 2])]])
    c.add(f'{op}/promote', op, [[rand([2, 2], 'int64'), rand([2, 2], 'float32')]])
    c.add(f'{op}/empty_list', op, [[]])
    for dt in ALL:
        c.add(f'{op}/{dt}', op, [[rand([2, 2], dt), rand([2, 2], dt)]])
    for lname, t in layouts([2, 3]):
        c.add(f'{op}/{lname}', op, [[t, rand([2, 3])]])

for op in ['concat', 'concatenate']:
    if not hasattr(torch, op):
        continue
    c.add(f'{op}/dim0', op, [[rand([2, 3]), rand([1, 3])]])
    c.add(f'{op}/dim1', op, [[rand([2, 3]), rand([2, 1])]], {'dim': 1})
    c.add(f'{op}/neg', op, [[rand([2, 3]), rand([2, 2])]], {'dim': -1})
    c.add(f'{op}/int', op, [[rand([2], 'int64'), rand([3], 'int32')]])
    c.add(f'{op}/mismatch', op, [[rand([2, 3]), rand([2, 2])]])
    c.add(f'{op}/empty', op, [[]])

for op in ['atleast_1d', 'atleast_2d', 'atleast_3d']:
    for shape in [[], [3], [2, 3], [2, 3, 2], [1, 2, 1, 2], [0]]:
        c.add(f'{op}/{len(shape)}d' + ('_empty' if shape == [0] else ''), op, [rand(shape)])
    c.add(f'{op}/list', op, [[rand([]), rand([2]), rand([2, 2])]])
    c.add(f'{op}/int', op, [rand([], 'int64')])
    for lname, t in layouts([2, 3]):
        c.add(f'{op}/{lname}', op, [t])
    c.add(f'{op}/strided_1d', op, [rand([6])[::2]])

# ---------------------------------------------------------------- splitting
for op, nd in [('hsplit', 1), ('vsplit', 2), ('dsplit', 3)]:
    shape = [4, 6, 4][:max(nd, 2)] if op != 'dsplit' else [2, 3, 4]
    c.add(f'{op}/sections', op, [rand(shape), 2])
    c.add(f'{op}/indices', op, [rand(shape), [1, 3]])
    c.add(f'{op}/indices_oob', op, [rand(shape), [1, 10]])
    c.add(f'{op}/indices_unordered', op, [rand(shape), [3, 1]])
    c.add(f'{op}/indivisible', op, [rand(shape), 3 if op != 'hsplit' else 5])
    c.add(f'{op}/zero_sections', op, [rand(shape), 0])
    c.add(f'{op}/low_dim', op, [rand([4] * (nd - 1)), 2])
    c.add(f'{op}/int64', op, [rand(shape, 'int64'), 2])
    c.add(f'{op}/transposed', op, [rand(list(reversed(shape))).permute(*reversed(range(len(shape)))), [1]])
c.add('hsplit/1d', 'hsplit', [rand([6]), 3])
c.add('hsplit/1d_indices', 'hsplit', [rand([6]), [2, 5]])

for dt in ['float32', 'int64', 'bool']:
    c.add(f'tensor_split/sections_{dt}', 'tensor_split', [rand([7, 2], dt), 3])
c.add('tensor_split/sections_exact', 'tensor_split', [rand([6]), 3])
c.add('tensor_split/sections_more_than_size', 'tensor_split', [rand([2, 3]), 5, 1])
c.add('tensor_split/indices', 'tensor_split', [rand([7, 2]), [1, 4]])
c.add('tensor_split/indices_dim', 'tensor_split', [rand([2, 7]), [2, 3]], {'dim': 1})
c.add('tensor_split/indices_neg', 'tensor_split', [rand([7]), [-2, -1]])
c.add('tensor_split/indices_decreasing', 'tensor_split', [rand([7]), [5, 2]])
c.add('tensor_split/indices_oob', 'tensor_split', [rand([4]), [2, 9]])
c.add('tensor_split/indices_empty', 'tensor_split', [rand([4]), []])
c.add('tensor_split/neg_dim', 'tensor_split', [rand([2, 5]), 2, -1])
c.add('tensor_split/empty_dim', 'tensor_split', [rand([0, 2]), 3])
c.add('tensor_split/tensor_sections', 'tensor_split', [rand([7]), torch.tensor(3)])
c.add('tensor_split/tensor_indices', 'tensor_split', [rand([7]), torch.tensor([1, 5])])
c.add('tensor_split/tensor_float', 'tensor_split', [rand([7]), torch.tensor([1.0, 5.0])])
c.add('tensor_split/tensor_2d', 'tensor_split', [rand([7]), torch.tensor([[1, 5]])])
c.add('tensor_split/zero_sections', 'tensor_split', [rand([7]), 0])
c.add('tensor_split/0d', 'tensor_split', [rand([]), 2])
c.add('tensor_split/bad_dim', 'tensor_split', [rand([3]), 2, 1])
for lname, t in layouts([5, 3]):
    c.add(f'tensor_split/{lname}', 'tensor_split', [t, 2])
    c.add(f'tensor_split/{lname}_dim1', 'tensor_split', [t, [1], 1])

for op in ['split_with_sizes', 'unsafe_split_with_sizes']:
    c.add(f'{op}/basic', op, [rand([5, 2]), [2, 3]])
    c.add(f'{op}/dim', op, [rand([2, 5]), [1, 1, 3]], {'dim': 1})
    c.add(f'{op}/zeros', op, [rand([3]), [0, 3, 0]])
    c.add(f'{op}/bad_sum', op, [rand([5]), [2, 2]])
    c.add(f'{op}/negative', op, [rand([3]), [-1, 4]])
    c.add(f'{op}/int64', op, [rand([4], 'int64'), [1, 3]])
    for lname, t in layouts([4, 3]):
        c.add(f'{op}/{lname}', op, [t, [3, 1]])
for op in ['unsafe_split']:
    c.add(f'{op}/basic', op, [rand([5, 2]), 2])
    c.add(f'{op}/dim', op, [rand([2, 5]), 3], {'dim': 1})
    c.add(f'{op}/zero', op, [rand([3]), 0])
    c.add(f'{op}/bool', op, [rand([4], 'bool'), 3])
    for lname, t in layouts([4, 3]):
        c.add(f'{op}/{lname}', op, [t, 3])
for op in ['unsafe_chunk']:
    c.add(f'{op}/basic', op, [rand([5, 2]), 2])
    c.add(f'{op}/dim', op, [rand([2, 5]), 3], {'dim': 1})
    c.add(f'{op}/many', op, [rand([3]), 6])
    c.add(f'{op}/zero', op, [rand([3]), 0])
    c.add(f'{op}/int32', op, [rand([4], 'int32'), 3])
    for lname, t in layouts([4, 3]):
        c.add(f'{op}/{lname}', op, [t, 3])

# ---------------------------------------------------------------- shape views
for dt in ALL:
    c.add(f'broadcast_to/{dt}', 'broadcast_to', [rand([3, 1], dt), [2, 3, 4]])
c.add('broadcast_to/minus1', 'broadcast_to', [rand([3, 1]), [-1, 2]])
c.add('broadcast_to/0d', 'broadcast_to', [rand([]), [2, 2]])
c.add('broadcast_to/bad', 'broadcast_to', [rand([3, 2]), [3, 4]])
c.add('broadcast_to/fewer', 'broadcast_to', [rand([3, 2]), [2]])
for lname, t in layouts([3, 1]):
    c.add(f'broadcast_to/{lname}', 'broadcast_to', [t, [2, 3, 5]])

for op in ['swapaxes', 'swapdims']:
    c.add(f'{op}/basic', op, [rand([2, 3, 4]), 0, 2])
    c.add(f'{op}/neg', op, [rand([2, 3, 4]), -1, 1])
    c.add(f'{op}/same', op, [rand([2, 3]), 1, 1])
    c.add(f'{op}/0d', op, [rand([]), 0, -1])
    c.add(f'{op}/bad', op, [rand([2, 3]), 0, 2])
    c.add(f'{op}/int', op, [rand([2, 3], 'int64'), 0, 1])
    for lname, t in layouts([2, 3]):
        c.add(f'{op}/{lname}', op, [t, 0, 1])
c.add('moveaxis/basic', 'moveaxis', [rand([2, 3, 4]), 0, 2])
c.add('moveaxis/list', 'moveaxis', [rand([2, 3, 4]), [0, 1], [2, 0]])
c.add('moveaxis/neg', 'moveaxis', [rand([2, 3, 4]), -1, 0])
c.add('moveaxis/repeat', 'moveaxis', [rand([2, 3, 4]), [0, 0], [1, 2]])
c.add('moveaxis/bad', 'moveaxis', [rand([2, 3]), 3, 0])
for lname, t in layouts([2, 3]):
    c.add(f'moveaxis/{lname}', 'moveaxis', [t, 0, 1])

for dt in ALL:
    c.add(f'ravel/{dt}', 'ravel', [rand([2, 3], dt)])
c.add('ravel/0d', 'ravel', [rand([])])
c.add('ravel/empty', 'ravel', [rand([2, 0])])
for lname, t in layouts([2, 3]):
    c.add(f'ravel/{lname}', 'ravel', [t])

c.add('unfold/basic', 'unfold', [rand([7]), 0, 2, 1])
c.add('unfold/step', 'unfold', [rand([7]), 0, 3, 2])
c.add('unfold/2d', 'unfold', [rand([3, 8]), 1, 4, 3])
c.add('unfold/2d_dim0', 'unfold', [rand([5, 2]), 0, 2, 2])
c.add('unfold/neg_dim', 'unfold', [rand([3, 8]), -1, 2, 4])
c.add('unfold/full', 'unfold', [rand([4]), 0, 4, 1])
c.add('unfold/size0', 'unfold', [rand([4]), 0, 0, 1])
c.add('unfold/0d', 'unfold', [rand([]), 0, 1, 1])
c.add('unfold/0d_big', 'unfold', [rand([]), 0, 2, 1])
c.add('unfold/too_big', 'unfold', [rand([3, 3]), 1, 4, 1])
c.add('unfold/step0', 'unfold', [rand([3]), 0, 1, 0])
c.add('unfold/bad_dim', 'unfold', [rand([3]), 1, 1, 1])
c.add('unfold/int64', 'unfold', [rand([6], 'int64'), 0, 3, 3])
for lname, t in layouts([3, 4]):
    c.add(f'unfold/{lname}', 'unfold', [t, 1, 2, 1])
    c.add(f'unfold/{lname}_dim0', 'unfold', [t, 0, 2, 1])

for op, bad in [('fliplr', [3]), ('flipud', [])]:
    for dt in ALL:
        c.add(f'{op}/{dt}', op, [rand([3, 4], dt)])
    c.add(f'{op}/3d', op, [rand([2, 3, 2])])
    c.add(f'{op}/low_dim', op, [rand(bad)])
    for lname, t in layouts([3, 2]):
        c.add(f'{op}/{lname}', op, [t])
c.add('flipud/1d', 'flipud', [rand([4])])

for k in [-5, -1, 0, 1, 2, 3, 4, 6]:
    c.add(f'rot90/k{k}', 'rot90', [rand([2, 3]), k])
c.add('rot90/dims', 'rot90', [rand([2, 3, 4]), 1, [2, 0]])
c.add('rot90/dims_neg', 'rot90', [rand([2, 3, 4]), 3, [-1, -2]])
c.add('rot90/default', 'rot90', [rand([3, 2])])
c.add('rot90/int', 'rot90', [rand([2, 3], 'int64'), 1])
c.add('rot90/bool', 'rot90', [rand([2, 3], 'bool'), 2])
c.add('rot90/1d', 'rot90', [rand([3]), 1])
c.add('rot90/three_dims', 'rot90', [rand([2, 3, 4]), 1, [0, 1, 2]])
c.add('rot90/same_dims', 'rot90', [rand([2, 3]), 1, [1, 1]])
c.add('rot90/bad_dim', 'rot90', [rand([2, 3]), 1, [0, 2]])
for lname, t in layouts([2, 3]):
    c.add(f'rot90/{lname}', 'rot90', [t, 1])

# ---------------------------------------------------------------- *_copy forms
c.add('narrow_copy/basic', 'narrow_copy', [rand([4, 3]), 0, 1, 2])
c.add('narrow_copy/neg', 'narrow_copy', [rand([4, 3]), -1, -2, 2])
c.add('narrow_copy/int', 'narrow_copy', [rand([4, 3], 'int64'), 1, 0, 3])
c.add('narrow_copy/too_long', 'narrow_copy', [rand([4]), 0, 2, 3])
c.add('narrow_copy/0d', 'narrow_copy', [rand([]), 0, 0, 1])
for lname, t in layouts([4, 3]):
    c.add(f'narrow_copy/{lname}', 'narrow_copy', [t, 1, 1, 2])

for lname, t in layouts([2, 3]):
    c.add(f'view_copy/{lname}', 'view_copy', [t.contiguous() if lname != 'strided' else t, [3, 2]])
    c.add(f'expand_copy/{lname}', 'expand_copy', [t[:1] if t.shape[0] > 1 else t, [4, 3]])
    c.add(f'permute_copy/{lname}', 'permute_copy', [t, [1, 0]])
    c.add(f'squeeze_copy/{lname}', 'squeeze_copy', [t.unsqueeze(1)])
    c.add(f'unsqueeze_copy/{lname}', 'unsqueeze_copy', [t, 1])
    c.add(f't_copy/{lname}', 't_copy', [t])
    c.add(f'transpose_copy/{lname}', 'transpose_copy', [t, 0, 1])
    c.add(f'select_copy/{lname}', 'select_copy', [t, 1, -1])
    c.add(f'slice_copy/{lname}', 'slice_copy', [t, 1, 0, 3, 2])
    c.add(f'split_copy/{lname}', 'split_copy', [t, 2, 1])
    c.add(f'split_with_sizes_copy/{lname}', 'split_with_sizes_copy', [t, [1, 2], 1])
    c.add(f'unbind_copy/{lname}', 'unbind_copy', [t, 1])
    c.add(f'unfold_copy/{lname}', 'unfold_copy', [t, 1, 2, 1])
    c.add(f'diagonal_copy/{lname}', 'diagonal_copy', [t])
    c.add(f'alias_copy/{lname}', 'alias_copy', [t])
    c.add(f'detach_copy/{lname}', 'detach_copy', [t])
    c.add(f'as_strided_copy/{lname}', 'as_strided_copy', [t, [2, 2], [1, 2]])
for dt in ALL:
    c.add(f'view_copy/{dt}', 'view_copy', [rand([2, 3], dt), [-1]])
    c.add(f'permute_copy/{dt}', 'permute_copy', [rand([2, 3, 2], dt), [2, 0, 1]])
c.add('view_copy/bad', 'view_copy', [rand([2, 3]).t(), [6]])
c.add('view_copy/bad_numel', 'view_copy', [rand([2, 3]), [4]])
c.add('expand_copy/minus1', 'expand_copy', [rand([3, 1]), [-1, 4]])
c.add('expand_copy/bad', 'expand_copy', [rand([3, 2]), [3, 4]])
c.add('permute_copy/bad', 'permute_copy', [rand([2, 3]), [0]])
c.add('squeeze_copy/dim', 'squeeze_copy', [rand([2, 1, 3]), 1])
c.add('squeeze_copy/dim_noop', 'squeeze_copy', [rand([2, 1, 3]), 0])
c.add('squeeze_copy/0d', 'squeeze_copy', [rand([])])
c.add('unsqueeze_copy/neg', 'unsqueeze_copy', [rand([2, 3]), -1])
c.add('unsqueeze_copy/bad', 'unsqueeze_copy', [rand([2, 3]), 4])
c.add('t_copy/1d', 't_copy', [rand([3])])
c.add('t_copy/3d', 't_copy', [rand([2, 2, 2])])
c.add('transpose_copy/bad', 'transpose_copy', [rand([2, 3]), 0, 5])
c.add('select_copy/bad', 'select_copy', [rand([2, 3]), 0, 5])
c.add('select_copy/int', 'select_copy', [rand([2, 3], 'int32'), 0, 1])
# PyTorch 1.13's slice_copy miscounts negative bounds (torch.slice_copy(arange(6), 0, -4, -1) has one element);
# slice_copy is defined as slice(...).clone() (its functionalization), which these cases record.
c.add('slice_copy/neg', 'slice_copy', [rand([6]), 0, -4, -1], fn=lambda x, *a: torch.ops.aten.slice(x, *a).clone())
c.add('slice_copy/neg_start', 'slice_copy', [rand([6]), 0, -2, 6], fn=lambda x, *a: torch.ops.aten.slice(x, *a).clone())
c.add('slice_copy/oob', 'slice_copy', [rand([6]), 0, 2, 100, 3])
c.add('slice_copy/empty', 'slice_copy', [rand([6]), 0, 4, 2])
c.add('slice_copy/step0', 'slice_copy', [rand([6]), 0, 0, 6, 0])
c.add('split_copy/bad', 'split_copy', [rand([6]), 0])
c.add('split_with_sizes_copy/bad', 'split_with_sizes_copy', [rand([6]), [2, 3]])
c.add('unbind_copy/0d', 'unbind_copy', [rand([])])
c.add('unfold_copy/bad', 'unfold_copy', [rand([3]), 0, 4, 1])
c.add('diagonal_copy/offset', 'diagonal_copy', [rand([3, 4]), 1])
c.add('diagonal_copy/neg_offset', 'diagonal_copy', [rand([3, 4]), -2])
c.add('diagonal_copy/big_offset', 'diagonal_copy', [rand([3, 4]), 5])
c.add('diagonal_copy/dims', 'diagonal_copy', [rand([2, 3, 4]), 0, 2, 0])
c.add('diagonal_copy/same_dims', 'diagonal_copy', [rand([2, 3]), 0, 1, 1])
c.add('diagonal_copy/int', 'diagonal_copy', [rand([3, 3], 'int64')])
c.add('diagonal_copy/1d', 'diagonal_copy', [rand([3])])
c.add('as_strided_copy/offset', 'as_strided_copy', [rand([6]), [2, 2], [2, 1], 1])
c.add('as_strided_copy/oob', 'as_strided_copy', [rand([6]), [3, 3], [3, 1]])
c.add('alias_copy/bool', 'alias_copy', [rand([3], 'bool')])

# ---------------------------------------------------------------- in-place view-shape ops (mutate their input)
for lname, t in layouts([2, 3]):
    c.add(f't_/{lname}', 't_', [t])
    c.add(f'transpose_/{lname}', 'transpose_', [t, 0, 1])
    c.add(f'swapaxes_/{lname}', 'swapaxes_', [t, 1, 0])
    c.add(f'swapdims_/{lname}', 'swapdims_', [t, -1, 0])
    c.add(f'unsqueeze_/{lname}', 'unsqueeze_', [t, 1])
    c.add(f'squeeze_/{lname}', 'squeeze_', [t.unsqueeze(0)])
    c.add(f'squeeze_/{lname}_dim', 'squeeze_', [t.unsqueeze(2), 2])
    c.add(f'as_strided_/{lname}', 'as_strided_', [t, [3], [2]])
c.add('t_/1d', 't_', [rand([3])])
c.add('t_/3d', 't_', [rand([2, 2, 2])])
c.add('transpose_/bad', 'transpose_', [rand([2, 3]), 0, 2])
c.add('transpose_/0d', 'transpose_', [rand([]), 0, 0])
c.add('unsqueeze_/bad', 'unsqueeze_', [rand([2]), 3])
c.add('unsqueeze_/int', 'unsqueeze_', [rand([2], 'int64'), 0])
c.add('squeeze_/dim_noop', 'squeeze_', [rand([2, 3]), 1])
c.add('squeeze_/bad', 'squeeze_', [rand([2, 3]), 2])
c.add('as_strided_/offset', 'as_strided_', [rand([6]), [2, 2], [1, 2], 1])
c.add('as_strided_/oob', 'as_strided_', [rand([6]), [4, 4], [1, 2]])
c.add('as_strided_/mismatch', 'as_strided_', [rand([6]), [2, 2], [1]])

# ---------------------------------------------------------------- creation-like
src = rand([2, 3])
for op in ['new_zeros', 'new_ones', 'new_empty']:
    fn = None
    if op == 'new_empty':
        fn = lambda x, *a, **k: x.new_empty(*a, **k).fill_(0)
    for dt in ALL:
        c.add(f'{op}/{dt}', op, [rand([2], dt), [2, 3]], fn=fn)
    c.add(f'{op}/dtype', op, [rand([2]), [3]], {'dtype': torch.int64}, fn=fn)
    c.add(f'{op}/empty', op, [rand([2]), [0, 2]], fn=fn)
    c.add(f'{op}/0d', op, [rand([2], 'int32'), []], fn=fn)
    c.add(f'{op}/negative', op, [rand([2]), [-1, 2]], fn=fn)
for dt in ALL:
    c.add(f'new_full/{dt}', 'new_full', [rand([2], dt), [2, 2], 1])
c.add('new_full/float_value_int', 'new_full', [rand([2], 'int64'), [3], 2.0])
c.add('new_full/frac_value_int', 'new_full', [rand([2], 'int64'), [3], 2.5])
c.add('new_full/bool_value', 'new_full', [rand([2]), [3], True])
c.add('new_full/dtype', 'new_full', [rand([2]), [2], 7], {'dtype': torch.float64})
c.add('new_full/negative', 'new_full', [rand([2]), [-2], 7])
nes = lambda x, *a, **k: x.new_empty_strided(*a, **k).fill_(0)
c.add('new_empty_strided/basic', 'new_empty_strided', [rand([2], 'int32'), [2, 3], [1, 2]], fn=nes)
c.add('new_empty_strided/dtype', 'new_empty_strided', [rand([2]), [2, 2], [3, 1]], {'dtype': torch.float64}, fn=nes)
c.add('new_empty_strided/zero_stride', 'new_empty_strided', [rand([2]), [2, 2], [0, 1]], fn=nes)
c.add('new_empty_strided/mismatch', 'new_empty_strided', [rand([2]), [2, 2], [1]], fn=nes)
es = lambda *a, **k: torch.empty_strided(*a, **k).fill_(0)
c.add('empty_strided/basic', 'empty_strided', [[2, 3], [1, 2]], fn=es)
c.add('empty_strided/dtype', 'empty_strided', [[2, 3], [3, 1]], {'dtype': torch.int64}, fn=es)
c.add('empty_strided/empty', 'empty_strided', [[0, 3], [3, 1]], fn=es)
c.add('empty_strided/0d', 'empty_strided', [[], []], fn=es)
c.add('empty_strided/mismatch', 'empty_strided', [[2, 3], [1]], fn=es)
c.add('empty_strided/negative', 'empty_strided', [[-2, 3], [3, 1]], fn=es)

for a in ['float32', 'int64', 'bool']:
    for b in ['float64', 'int32', 'uint8']:
        c.add(f'type_as/{a}_{b}', 'type_as', [rand([2, 2], a), rand([1], b)])
c.add('type_as/same', 'type_as', [rand([2, 2]), rand([3])])

ra = lambda x, y: x.resize_as_(y)
c.add('resize_as_/grow', 'resize_as_', [rand([2]), rand([2, 3])], fn=lambda x, y: torch.resize_as_(x, y).fill_(1))
c.add('resize_as_/shrink', 'resize_as_', [rand([2, 3]), rand([4])])
c.add('resize_as_/same_numel', 'resize_as_', [rand([2, 3]), rand([3, 2], 'int64')])
c.add('resize_as_/int', 'resize_as_', [rand([6], 'int64'), rand([2, 2])])

for lname, t in layouts([2, 3]):
    c.add(f'resize/{lname}', 'resize', [t, 3, 2])
    c.add(f'resize_as/{lname}', 'resize_as', [t, rand([6], 'int64')])
c.add('resize/bad', 'resize', [rand([2, 3]), 4])
c.add('resize_as/bad', 'resize_as', [rand([2, 3]), rand([5])])
for dt in ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool']:
    c.add(f'sum_to_size/{dt}', 'sum_to_size', [rand([2, 3, 4], dt), [3, 1]])
c.add('sum_to_size/same', 'sum_to_size', [rand([2, 3]), [2, 3]])
c.add('sum_to_size/keep_leading', 'sum_to_size', [rand([2, 3]), [1, 3]])
c.add('sum_to_size/scalar', 'sum_to_size', [rand([2, 3]), []])
c.add('sum_to_size/bad', 'sum_to_size', [rand([2, 3]), [2]])
c.add('sum_to_size/too_many', 'sum_to_size', [rand([2, 3]), [1, 2, 3]])
for lname, t in layouts([2, 3]):
    c.add(f'sum_to_size/{lname}', 'sum_to_size', [t, [1, 3]])

wrapb = lambda f: (lambda *a, **k: torch.tensor(f(*a, **k)))
c.add('is_same_size/same', 'is_same_size', [rand([2, 3]), rand([2, 3], 'int64')], fn=wrapb(torch.is_same_size))
c.add('is_same_size/diff', 'is_same_size', [rand([2, 3]), rand([3, 2])], fn=wrapb(torch.is_same_size))
c.add('is_same_size/0d', 'is_same_size', [rand([]), rand([1])], fn=wrapb(torch.is_same_size))
for dt in ALL:
    c.add(f'is_signed/{dt}', 'is_signed', [rand([2], dt)], fn=wrapb(torch.is_signed))
    c.add(f'is_floating_point/{dt}', 'is_floating_point', [rand([2], dt)], fn=wrapb(torch.is_floating_point))
for shape in [[], [0], [2, 3], [2, 0, 4]]:
    n = len(shape)
    c.add(f'ndimension/{n}d_{len(shape) and shape[-1]}', 'ndimension', [rand(shape)], fn=wrapb(lambda x: x.ndimension()))
    c.add(f'nelement/{n}d_{len(shape) and shape[-1]}', 'nelement', [rand(shape)], fn=wrapb(lambda x: x.nelement()))
    c.add(f'numel/{n}d_{len(shape) and shape[-1]}', 'numel', [rand(shape)], fn=wrapb(torch.numel))
for name, t in [('zero', torch.tensor(0.0)), ('one', torch.tensor([1.5])), ('negzero', torch.tensor([[-0.0]])), ('nan', torch.tensor(float('nan'))),
                ('int0', torch.tensor(0)), ('int', torch.tensor([3])), ('bool', torch.tensor(True)), ('many', torch.tensor([1.0, 2.0])), ('none', torch.zeros([0]))]:
    c.add(f'is_nonzero/{name}', 'is_nonzero', [t], fn=wrapb(torch.is_nonzero))

for indexing in [None, 'ij', 'xy']:
    kw = {} if indexing is None else {'indexing': indexing}
    tag = indexing or 'default'
    c.add(f'meshgrid/{tag}_2', 'meshgrid', [[rand([2]), rand([3])]], kw)
    c.add(f'meshgrid/{tag}_3', 'meshgrid', [[rand([2]), rand([3]), rand([4])]], kw)
    c.add(f'meshgrid/{tag}_1', 'meshgrid', [[rand([3])]], kw)
    c.add(f'meshgrid/{tag}_0d', 'meshgrid', [[rand([]), rand([3])]], kw)
    c.add(f'meshgrid/{tag}_empty', 'meshgrid', [[rand([0]), rand([3])]], kw)
    c.add(f'meshgrid/{tag}_strided', 'meshgrid', [[rand([6])[::2], rand([2, 2])[:, 1]]], kw)
c.add('meshgrid/int', 'meshgrid', [[rand([2], 'int64'), rand([3], 'int64')]], {'indexing': 'ij'})
c.add('meshgrid/dtype_mismatch', 'meshgrid', [[rand([2], 'int64'), rand([3])]], {'indexing': 'ij'})
c.add('meshgrid/bad_indexing', 'meshgrid', [[rand([2]), rand([3])]], {'indexing': 'ab'})
c.add('meshgrid/none', 'meshgrid', [[]], {'indexing': 'ij'})

cp = lambda name, op, args: c.add(name, op, args, fn=lambda ts: torch.cartesian_prod(*ts))
cp('cartesian_prod/2', 'cartesian_prod', [[rand([2]), rand([3])]])
cp('cartesian_prod/3', 'cartesian_prod', [[rand([2], 'int64'), rand([2], 'int64'), rand([3], 'int64')]])
cp('cartesian_prod/1', 'cartesian_prod', [[rand([3])]])
cp('cartesian_prod/empty', 'cartesian_prod', [[rand([0]), rand([3])]])
cp('cartesian_prod/2d', 'cartesian_prod', [[rand([2, 2]), rand([3])]])
cp('cartesian_prod/strided', 'cartesian_prod', [[rand([6])[::2], rand([2])]])

for r in [0, 1, 2, 3, 5]:
    for wr in [False, True]:
        c.add(f'combinations/r{r}_{"wr" if wr else "nowr"}', 'combinations', [rand([4])], {'r': r, 'with_replacement': wr})
c.add('combinations/default', 'combinations', [rand([3], 'int64')])
c.add('combinations/empty', 'combinations', [rand([0])])
c.add('combinations/bool', 'combinations', [rand([3], 'bool')], {'r': 2})
c.add('combinations/strided', 'combinations', [rand([8])[::2]], {'r': 2})
c.add('combinations/2d', 'combinations', [rand([2, 2])])
c.add('combinations/neg_r', 'combinations', [rand([3])], {'r': -1})

for op in ['tril_indices', 'triu_indices']:
    for args in [(3, 3), (4, 3), (3, 5), (3, 3, 1), (3, 3, -1), (4, 3, -5), (4, 3, 9), (0, 3), (1, 1)]:
        c.add(f'{op}/{"_".join(map(str, args))}', op, list(args))
    c.add(f'{op}/int32', op, [3, 4], {'dtype': torch.int32})
    c.add(f'{op}/float', op, [3, 4], {'dtype': torch.float32})
    c.add(f'{op}/neg_row', op, [-1, 3])

for dt in ALL:
    c.add(f'repeat_interleave/int_{dt}', 'repeat_interleave', [rand([2, 3], dt), 2])
c.add('repeat_interleave/int_dim', 'repeat_interleave', [rand([2, 3]), 3], {'dim': 1})
c.add('repeat_interleave/int_dim_neg', 'repeat_interleave', [rand([2, 3]), 2], {'dim': -2})
c.add('repeat_interleave/int_zero', 'repeat_interleave', [rand([2, 3]), 0], {'dim': 0})
c.add('repeat_interleave/int_0d', 'repeat_interleave', [rand([]), 3])
c.add('repeat_interleave/int_neg', 'repeat_interleave', [rand([3]), -1])
c.add('repeat_interleave/int_output_size', 'repeat_interleave', [rand([3]), 2], {'dim': 0, 'output_size': 6})
c.add('repeat_interleave/tensor', 'repeat_interleave', [rand([3, 2]), torch.tensor([1, 0, 2])], {'dim': 0})
c.add('repeat_interleave/tensor_flat', 'repeat_interleave', [rand([2, 2]), torch.tensor([1, 2, 0, 3])])
c.add('repeat_interleave/tensor_one', 'repeat_interleave', [rand([2, 3]), torch.tensor([2])], {'dim': 1})
c.add('repeat_interleave/tensor_0d', 'repeat_interleave', [rand([2, 3]), torch.tensor(2)], {'dim': 1})
c.add('repeat_interleave/tensor_int', 'repeat_interleave', [rand([3], 'int64'), torch.tensor([3, 1, 2])], {'dim': 0})
c.add('repeat_interleave/tensor_output_size', 'repeat_interleave', [rand([3]), torch.tensor([3, 1, 2])], {'dim': 0, 'output_size': 6})
c.add('repeat_interleave/tensor_output_size_bad', 'repeat_interleave', [rand([3]), torch.tensor([3, 1, 2])], {'dim': 0, 'output_size': 5})
c.add('repeat_interleave/int_output_size_bad', 'repeat_interleave', [rand([3]), 2], {'dim': 0, 'output_size': 5})
c.add('repeat_interleave/only_output_size', 'repeat_interleave', [torch.tensor([2, 0, 3])], {'output_size': 5})
c.add('repeat_interleave/int_0d_dim', 'repeat_interleave', [rand([]), 2], {'dim': 0})
c.add('repeat_interleave/tensor_0d_dim', 'repeat_interleave', [rand([]), torch.tensor([2])], {'dim': -1})
c.add('repeat_interleave/tensor_len', 'repeat_interleave', [rand([3]), torch.tensor([1, 2])], {'dim': 0})
c.add('repeat_interleave/tensor_neg', 'repeat_interleave', [rand([3]), torch.tensor([1, -1, 2])], {'dim': 0})
c.add('repeat_interleave/tensor_float', 'repeat_interleave', [rand([3]), torch.tensor([1.0, 1.0, 2.0])], {'dim': 0})
c.add('repeat_interleave/tensor_2d', 'repeat_interleave', [rand([3]), torch.tensor([[1, 1, 2]])], {'dim': 0})
c.add('repeat_interleave/tensor_int32', 'repeat_interleave', [rand([3]), torch.tensor([1, 1, 2], dtype=torch.int32)], {'dim': 0})
c.add('repeat_interleave/only', 'repeat_interleave', [torch.tensor([2, 0, 3])])
c.add('repeat_interleave/only_empty', 'repeat_interleave', [torch.tensor([], dtype=torch.int64)])
c.add('repeat_interleave/only_neg', 'repeat_interleave', [torch.tensor([2, -1])])
c.add('repeat_interleave/only_float', 'repeat_interleave', [torch.tensor([2.0, 1.0])])
for lname, t in layouts([2, 3]):
    c.add(f'repeat_interleave/{lname}', 'repeat_interleave', [t, 2], {'dim': 1})
    c.add(f'repeat_interleave/{lname}_tensor', 'repeat_interleave', [t, torch.tensor([1, 3])], {'dim': 0})

for args, kw in [((0, 2, 5), {}), ((-1, 1, 4), {}), ((0, 3, 4), {'base': 2}), ((1, 1, 1), {}), ((0, 1, 0), {}), ((2, 0, 3), {'base': 3.0}),
                 ((0, 2, 7), {'dtype': torch.float64}), ((0, 3, 4), {'dtype': torch.int64}), ((0, 3, 4), {'base': 2, 'dtype': torch.int32}),
                 ((0.5, 2.5, 6), {'base': 0.5}), ((0, 1, -1), {}), ((0, 40, 9), {'dtype': torch.float32})]:
    c.add(f'logspace/{"_".join(map(str, args))}_{"_".join(f"{k}{v}" for k, v in kw.items())}', 'logspace', list(args), kw)

for args, kw in [((0, 5), {}), ((0, 5, 2), {}), ((1, 2, 0.25), {}), ((5, 0, -1), {}), ((0, 1, 0.3), {}), ((0, 5), {'dtype': torch.int64}),
                 ((0, 5, 2), {'dtype': torch.float64}), ((0, 0), {}), ((0, 5, -1), {}), ((0, 5, 0), {}), ((-2.5, 2.5, 0.5), {'dtype': torch.int32})]:
    c.add(f'range/{"_".join(map(str, args))}_{"_".join(f"{k}{v}" for k, v in kw.items())}', 'range', list(args), kw)

for op in ['as_tensor', 'asarray']:
    c.add(f'{op}/list_int', op, [[[1, 2], [3, 4]]])
    c.add(f'{op}/list_float', op, [[1.5, 2.0]])
    c.add(f'{op}/list_bool', op, [[True, False]])
    c.add(f'{op}/list_dtype', op, [[1, 2]], {'dtype': torch.float64})
    c.add(f'{op}/scalar', op, [3.5])
    c.add(f'{op}/tensor', op, [rand([2, 3])])
    c.add(f'{op}/tensor_dtype', op, [rand([2, 3]), ], {'dtype': torch.int32})
    c.add(f'{op}/tensor_strided', op, [rand([2, 6])[:, ::2]])
    c.add(f'{op}/ragged', op, [[[1, 2], [3]]])
c.add('asarray/copy', 'asarray', [rand([2, 2]).t()], {'copy': True})

for dt in ALL:
    c.add(f'fill/{dt}', 'fill', [rand([2, 3], dt), 2])
c.add('fill/float_into_int', 'fill', [rand([3], 'int64'), 2.7])
c.add('fill/tensor', 'fill', [rand([2, 2]), torch.tensor(1.5)])
c.add('fill/tensor_1d', 'fill', [rand([2, 2]), torch.tensor([1.5])])
c.add('fill/tensor_2', 'fill', [rand([2, 2]), torch.tensor([1.5, 2.0])])
for lname, t in layouts([2, 3]):
    c.add(f'fill/{lname}', 'fill', [t, -1.25])

for shape in [[3, 3], [3, 5], [5, 3], [7, 3], [2, 2, 2], [1, 4]]:
    for wrap in [False, True]:
        c.add(f'fill_diagonal_/{"x".join(map(str, shape))}_{"wrap" if wrap else "nowrap"}', 'fill_diagonal_', [rand(shape), 9.5], {'wrap': wrap})
c.add('fill_diagonal_/int', 'fill_diagonal_', [rand([3, 3], 'int64'), 4])
c.add('fill_diagonal_/bool', 'fill_diagonal_', [rand([3, 3], 'bool'), True])
c.add('fill_diagonal_/1d', 'fill_diagonal_', [rand([3]), 1.0])
c.add('fill_diagonal_/unequal', 'fill_diagonal_', [rand([2, 2, 3]), 1.0])
for lname, t in layouts([4, 3]):
    c.add(f'fill_diagonal_/{lname}', 'fill_diagonal_', [t.clone() if lname == 'expanded' else t, 2.0], {'wrap': True})

for op in ['tril_', 'triu_']:
    for k in [-1, 0, 2]:
        c.add(f'{op}/k{k}', op, [rand([3, 4]), k])
    c.add(f'{op}/batched', op, [rand([2, 3, 3])])
    c.add(f'{op}/int', op, [rand([3, 3], 'int64')])
    c.add(f'{op}/bool', op, [rand([3, 3], 'bool')])
    c.add(f'{op}/1d', op, [rand([3])])
    for lname, t in layouts([3, 4]):
        if lname != 'expanded':
            c.add(f'{op}/{lname}', op, [t, 1])

c.write('structure')
