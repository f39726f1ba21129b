"""Golden cases that the op catalogue implies: every in-place variant and every alias of
the catalogue's elementwise rows, and the catalogue ops with no case in ops.py.

Reads packages/core/fixtures/catalogue.json (written by the core build from
packages/core/src/ops/catalogue), so a new row with an in-place form or an alias gets
its cases by re-running this script. Writes packages/core/fixtures/ops-catalogue.json.
Run: /usr/bin/python3 tools/golden/ops_catalogue.py (after `pnpm --filter @antorcha/core build`)
"""
import json
import os

import torch

from _cases import Cases, layouts, rand
from _common import DTYPE_NAMES as DTN, ROOT

torch.manual_seed(11)
CATALOGUE = json.load(open(os.path.join(ROOT, 'packages/core/fixtures/catalogue.json')))
EDGE = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 1e-30, -1e-30, 1e30, 88.0, -104.0,
        float('inf'), float('-inf'), float('nan'), 3.0, 0.25, 1e-7]
DTYPES = ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool']
c = Cases()
_add = c.add
# Case names start with 'catalogue/': the suite calls them through the catalogue's own
# function or method (no clone), so in-place forms run on the very layout encoded here.
c.add = lambda name, *a, **k: _add(f'catalogue/{name}', *a, **k)


def row_has(row, variant):
    return variant in row['variants']


def elementwise_rows(family):
    return [(k, r) for k, r in CATALOGUE.items() if r['kernel'] == family and r['variants']]


def inplace(name):
    # call the in-place form on the (already encoded) input itself
    return lambda x, *rest: getattr(x, name)(*rest)


# In-place forms over every dtype: values, or PyTorch's cast error.
for key, row in elementwise_rows('unary'):
    if not row_has(row, 'inplace'):
        continue
    op = row['aten']
    for dt in DTYPES:
        c.add(f'{op}_/{dt}', f'{op}_', [rand([2, 3], dt)], fn=inplace(f'{op}_'))
    c.add(f'{op}_/strided', f'{op}_', [rand([3, 4])[:, ::2]], fn=inplace(f'{op}_'))
    c.add(f'{op}_/expanded', f'{op}_', [rand([1, 3]).expand(2, 3)], fn=inplace(f'{op}_'))
for key, row in elementwise_rows('binary'):
    if not row_has(row, 'inplace') or row.get('manualMethod'):
        continue
    op = row['aten']
    for dt in DTYPES:
        # shift counts stay small and non-negative: results must fit int32 (WebGPU's int64 storage)
        other = rand([3], dt, 0, 3) if 'shift' in op else rand([3], dt)
        c.add(f'{op}_/{dt}', f'{op}_', [rand([2, 3], dt), other], fn=inplace(f'{op}_'))
    c.add(f'{op}_/int_self_float_other', f'{op}_', [rand([2, 3], 'int64'), rand([2, 3])], fn=inplace(f'{op}_'))
    c.add(f'{op}_/scalar', f'{op}_', [rand([2, 3]), 2], fn=inplace(f'{op}_'))
    c.add(f'{op}_/broadcast_self', f'{op}_', [rand([3]), rand([2, 3])], fn=inplace(f'{op}_'))

# Every alias, as a function and (where it is one) a method.
for key, row in CATALOGUE.items():
    for alias in row.get('aliases', []):
        if row['kernel'] == 'unary':
            args = [rand([2, 3]) if row['impl']['dtype'] != 'intOrBool' else rand([2, 3], 'int64')]
        elif row['kernel'] == 'binary':
            args = [rand([2, 3]), rand([2, 3])]
        else:
            continue
        if hasattr(torch, alias):
            c.add(f'{alias}/alias', alias, args)
        if row_has(row, 'inplace') and hasattr(args[0], f'{alias}_'):
            c.add(f'{alias}_/alias', f'{alias}_', [a.clone() for a in args], fn=inplace(f'{alias}_'))

# Catalogue ops ops.py has no cases for.
for op in ['asinh', 'acosh', 'atanh']:
    for lay, x in layouts([3, 4]):
        c.add(f'{op}/{lay}', op, [x * (0.3 if op == 'atanh' else 1) + (1.5 if op == 'acosh' else 0)])
    c.add(f'{op}/edge', op, [torch.tensor(EDGE)])
    c.add(f'{op}/float64', op, [rand([2, 5], 'float64')])
    for dt in ['int32', 'int64', 'uint8', 'bool']:
        c.add(f'{op}/{dt}', op, [rand([2, 3], dt)])
    c.add(f'{op}/0dim', op, [torch.tensor(0.75)])
    c.add(f'{op}/empty', op, [torch.zeros(0, 3)])
c.add('signbit/edge', 'signbit', [torch.tensor(EDGE)])
c.add('signbit/float64', 'signbit', [torch.tensor(EDGE, dtype=torch.float64)])
for dt in ['int32', 'int64', 'uint8', 'bool']:
    c.add(f'signbit/{dt}', 'signbit', [rand([2, 3], dt)])
for lay, x in layouts([3, 4]):
    c.add(f'logcumsumexp/{lay}', 'logcumsumexp', [x, 1])
c.add('logcumsumexp/dim0', 'logcumsumexp', [rand([3, 4]), 0])
c.add('logcumsumexp/neg_dim', 'logcumsumexp', [rand([2, 3, 4], 'float64'), -2])
c.add('logcumsumexp/edge', 'logcumsumexp', [torch.tensor(EDGE), 0])
c.add('logcumsumexp/0dim', 'logcumsumexp', [torch.tensor(0.5), 0])
c.add('logcumsumexp/empty', 'logcumsumexp', [torch.zeros(0, 3), 1])
c.add('logcumsumexp/int64', 'logcumsumexp', [rand([3], 'int64'), 0])
c.add('logcumsumexp/bool', 'logcumsumexp', [rand([3], 'bool'), 0])
c.add('logcumsumexp/bad_dim', 'logcumsumexp', [rand([3]), 1])
for op in ['cumsum_', 'cumprod_']:
    for dt in DTYPES:
        c.add(f'{op}/{dt}', op, [rand([3, 4], dt), 1], fn=inplace(op))
    c.add(f'{op}/strided', op, [rand([3, 8])[:, ::2], 0], fn=inplace(op))
    c.add(f'{op}/dtype_mismatch', op, [rand([3]), 0], {'dtype': torch.float64}, fn=lambda x, d, **k: getattr(x, op)(d, **k))
    c.add(f'{op}/dtype_same', op, [rand([3]), 0], {'dtype': torch.float32}, fn=lambda x, d, **k: getattr(x, op)(d, **k))

for op in ['cummax', 'cummin']:
    for lay, x in layouts([3, 4]):
        c.add(f'{op}/{lay}', op, [x, 1])
    c.add(f'{op}/ties_and_nan', op, [torch.tensor([1.0, 3.0, 3.0, float('nan'), 2.0, float('nan')]), 0])
    for dt in ['float64', 'int64', 'int32', 'uint8', 'bool']:
        c.add(f'{op}/{dt}', op, [rand([2, 5], dt), 1])
    c.add(f'{op}/0dim', op, [torch.tensor(0.5), 0])
    c.add(f'{op}/empty', op, [torch.zeros(0, 3), 0])
    c.add(f'{op}/bad_dim', op, [rand([3]), 2])
c.add('is_tensor/tensor', 'is_tensor', [rand([2])])

# Small pieces of the Tensor surface next to the catalogue's rows.
for shape in [[2, 3], [2, 3, 4], [3], []]:
    name = 'x'.join(map(str, shape)) or '0d'
    c.add(f'H/{name}', 'H', [rand(shape)], fn=lambda x: x.H)
    c.add(f'mH/{name}', 'mH', [rand(shape)], fn=lambda x: x.mH)
    c.add(f'adjoint/{name}', 'adjoint', [rand(shape)])
    if shape:  # a 0-d tensor is not iterable (a TypeError in both; JS raises its own: see tensor-iteration.test.ts)
        c.add(f'iter/{name}', 'iter', [rand(shape, 'int64')], fn=lambda x: list(x))
for dt in ['float32', 'float64', 'int64', 'bool']:
    c.add(f'hardshrink/{dt}', 'hardshrink', [rand([8], dt)])
c.add('hardshrink/edge', 'hardshrink', [torch.tensor(EDGE)])
c.add('hardshrink/lambd', 'hardshrink', [rand([3, 4]), 1.2])
c.add('outer/2d_vec2', 'outer', [rand([2]), rand([3, 3])])
c.add('outer/2d_self', 'outer', [rand([2, 2]), rand([3])])
c.add('clip_/bounds', 'clip_', [rand([3, 4]), -0.5, 0.5], fn=lambda x, lo, hi: x.clip_(lo, hi))

# arange/linspace in PyTorch's CPU block order (vector bases fused, lanes, tail): the last
# bit of long ranges depends on it (packages/core/src/ops/range-fill.ts).
for n in [7, 16, 17, 33, 100, 1000, 5000]:
    for dt in [torch.float32, torch.float64]:
        c.add(f'range/linspace_{n}_{DTN[dt]}', 'linspace', [-1.3, 2.7, n], {'dtype': dt})
    c.add(f'range/linspace_{n}_int64', 'linspace', [-37, 1000, n], {'dtype': torch.int64})
for (start, end, step) in [(0.1, 100.0, 0.37), (-3.0, 7.0, 0.01), (5.0, -5.0, -1 / 3), (0.0, 2000.0, 1.7)]:
    for dt in [torch.float32, torch.float64]:
        c.add(f'range/arange_{start}_{end}_{step:.3f}_{DTN[dt]}', 'arange', [start, end, step], {'dtype': dt})

c.write('catalogue')
