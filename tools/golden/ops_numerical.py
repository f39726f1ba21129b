"""Golden cases of numerical differentiation (torch.gradient) and buffer-backed creation
(torch.frombuffer). Writes packages/core/fixtures/ops-numerical.json.

    /usr/bin/python3 tools/golden/ops_numerical.py

frombuffer cases pass the buffer as a list of byte values (PyTorch gets a `bytearray` of
them; with a second argument `[start, length]`, a memoryview slice of it, whose start
counts like a typed array's byteOffset). Sharing is tested in
packages/antorcha/test/surface-numerical.test.ts.
"""
import struct

import torch

from _cases import Cases, layouts, rand

torch.manual_seed(0)
c = Cases()


def grad_call(x, **kw):
    return torch.gradient(x, **kw)


# ---------------------------------------------------------------- gradient
for dt in ['float32', 'float64', 'int64', 'int32']:
    c.add(f'gradient/1d/{dt}', 'gradient', [rand([6], dt)])
    c.add(f'gradient/1d/{dt}/edge2', 'gradient', [rand([6], dt)], {'edge_order': 2})
    c.add(f'gradient/1d/{dt}/spacing', 'gradient', [rand([5], dt)], {'spacing': 0.5})
    c.add(f'gradient/1d/{dt}/spacing_int', 'gradient', [rand([5], dt)], {'spacing': 3, 'edge_order': 2})
    c.add(f'gradient/2d/{dt}', 'gradient', [rand([4, 5], dt)])
    c.add(f'gradient/2d/{dt}/edge2', 'gradient', [rand([4, 5], dt)], {'edge_order': 2, 'spacing': [2.0, 0.25]})
for name, x in layouts([4, 5]):
    c.add(f'gradient/layout/{name}', 'gradient', [x])
    c.add(f'gradient/layout/{name}/edge2', 'gradient', [x], {'edge_order': 2, 'dim': -1})
for name, x in layouts([3, 4, 5], 'float64'):
    c.add(f'gradient/3d/{name}', 'gradient', [x], {'dim': [2, 0], 'spacing': [1.5, -2.0]})
c.add('gradient/3d/dim_int', 'gradient', [rand([3, 4, 5])], {'dim': 1})
c.add('gradient/3d/dim_neg', 'gradient', [rand([3, 4, 5])], {'dim': -2, 'spacing': 4.0})
c.add('gradient/3d/dims_scalar_spacing', 'gradient', [rand([3, 4, 5])], {'dim': [0, -1], 'spacing': 0.5, 'edge_order': 2})
c.add('gradient/2d/one_dim_list', 'gradient', [rand([3, 4])], {'dim': [1]})
c.add('gradient/2d/size2', 'gradient', [rand([2, 2])])
c.add('gradient/2d/size3_edge2', 'gradient', [rand([3, 3])], {'edge_order': 2})
c.add('gradient/special', 'gradient', [torch.tensor([0.0, float('inf'), 1.0, float('nan'), 2.0, -float('inf'), 5.0])])
c.add('gradient/0d', 'gradient', [torch.tensor(3.0)])
c.add('gradient/0d/spacing', 'gradient', [torch.tensor(3.0)], {'spacing': 2.0})
c.add('gradient/0d/spacing_list', 'gradient', [torch.tensor(3.0)], {'spacing': [2.0]})
c.add('gradient/0d/spacing_empty', 'gradient', [torch.tensor(3.0)], {'spacing': []})
c.add('gradient/2d/dim_empty', 'gradient', [rand([3, 3])], {'dim': []})
c.add('gradient/2d/spacing_dim_empty', 'gradient', [rand([3, 3])], {'dim': [], 'spacing': []})
c.add('gradient/err/0d_dim', 'gradient', [torch.tensor(3.0)], {'dim': 0})
c.add('gradient/err/0d_dims', 'gradient', [torch.tensor(3.0)], {'dim': [-1]})
c.add('gradient/err/spacing_empty', 'gradient', [rand([3, 3])], {'spacing': []})

coords_f = torch.tensor([0.0, 1.0, 3.0, 3.5, 6.0, 10.0])
coords_d = torch.tensor([-1.0, 0.0, 0.25, 2.0, 2.5, 7.0], dtype=torch.float64)
coords_i = torch.tensor([0, 2, 3, 7, 8, 11])
for cname, co in [('float32', coords_f), ('float64', coords_d), ('int64', coords_i)]:
    for dt in ['float32', 'float64', 'int64']:
        for eo in [1, 2]:
            c.add(f'gradient/coords/{cname}/{dt}/edge{eo}', 'gradient', [rand([6], dt)], {'spacing': [co], 'edge_order': eo})
c.add('gradient/coords/2d', 'gradient', [rand([4, 6], 'float64')], {'spacing': [torch.tensor([0.0, 0.5, 2.0, 2.25], dtype=torch.float64), coords_d]})
c.add('gradient/coords/2d/edge2', 'gradient', [rand([4, 6])], {'spacing': [torch.tensor([0.0, 0.5, 2.0, 2.25]), coords_f], 'edge_order': 2})
c.add('gradient/coords/dim', 'gradient', [rand([4, 6])], {'spacing': [coords_f], 'dim': 1})
c.add('gradient/coords/dims', 'gradient', [rand([6, 4, 6])], {'spacing': [coords_f, coords_f], 'dim': [2, 0], 'edge_order': 2})
c.add('gradient/coords/strided', 'gradient', [rand([6, 4]).t()], {'spacing': [torch.arange(12.0)[::3], coords_f[::1]]})

# errors
c.add('gradient/err/uint8', 'gradient', [rand([4], 'uint8')])
c.add('gradient/err/bool', 'gradient', [rand([4], 'bool')])
c.add('gradient/err/edge_order', 'gradient', [rand([5])], {'edge_order': 3})
c.add('gradient/err/edge_order0', 'gradient', [rand([5])], {'edge_order': 0})
c.add('gradient/err/small', 'gradient', [rand([3, 1])])
c.add('gradient/err/small_edge2', 'gradient', [rand([2, 3])], {'edge_order': 2})
c.add('gradient/err/small_dim', 'gradient', [rand([1, 3])], {'dim': 0})
c.add('gradient/err/empty', 'gradient', [torch.zeros(0)])
c.add('gradient/err/spacing_len', 'gradient', [rand([3, 4])], {'spacing': [2.0, 3.0, 4.0]})
c.add('gradient/err/spacing_len_dim', 'gradient', [rand([3, 4])], {'spacing': [2.0], 'dim': [0, 1]})
c.add('gradient/err/coords_len_dim', 'gradient', [rand([3, 4])], {'spacing': [torch.tensor([0.0, 1.0, 3.0])], 'dim': [0, 1]})
c.add('gradient/err/coords_len', 'gradient', [rand([5])], {'spacing': [torch.tensor([0.0, 1.0, 3.0, 4.0]), torch.tensor([0.0, 1.0])]})
c.add('gradient/err/coords_2d', 'gradient', [rand([5])], {'spacing': [torch.tensor([[0.0, 1.0, 3.0, 4.0, 8.0]])]})
c.add('gradient/err/coords_size', 'gradient', [rand([5])], {'spacing': [torch.tensor([0.0, 1.0, 3.0, 4.0])]})
c.add('gradient/err/dim_range', 'gradient', [rand([3, 4])], {'dim': 5})
c.add('gradient/err/dims_range', 'gradient', [rand([3, 4])], {'dim': [0, -3]})
c.add('gradient/err/dims_repeat', 'gradient', [rand([3, 4])], {'dim': [0, -2]})
c.add('gradient/err/dims_repeat_scalar', 'gradient', [rand([3, 4])], {'dim': [1, 1], 'spacing': 2.0})

# ---------------------------------------------------------------- frombuffer


def frombuffer(b, view=None, **kw):
    buf = bytearray(b)
    src = memoryview(buf)[view[0]:view[0] + view[1]] if view is not None else buf
    return torch.frombuffer(src, **kw)


def fb(name, b, view=None, **kw):
    args = [list(b)] + ([view] if view is not None else [])
    c.add(f'frombuffer/{name}', 'frombuffer', args, kw, fn=frombuffer, exact=True)


f32 = struct.pack('<6f', 1.5, -2.25, 3.0e-3, float('inf'), -0.0, 1e30)
f64 = struct.pack('<3d', 0.1, -1e300, float('nan'))
i32 = struct.pack('<5i', 1, -2, 2**31 - 1, -2**31, 123456)
# int64 values the WebGPU backend can hold (int32 range); larger ones: EXTRA below (CPU)
i64 = struct.pack('<4q', 1, -2, 2**31 - 1, -2**31)
fb('float32', f32, dtype=torch.float32)
fb('float32/offset', f32, dtype=torch.float32, offset=8)
fb('float32/count', f32, dtype=torch.float32, offset=4, count=3)
fb('float32/unaligned_offset', b'\x00' + f32[:20], dtype=torch.float32, offset=1)
fb('float32/unaligned_view', b'\x00' + f32, [1, 24], dtype=torch.float32)
fb('float32/view_offset', b'\x00\x00\x00\x00' + f32, [4, 20], dtype=torch.float32, offset=4, count=2)
fb('float64', f64, dtype=torch.float64)
fb('float64/count', f64, dtype=torch.float64, count=2)
fb('int32', i32, dtype=torch.int32)
fb('int32/odd', bytes(range(10)), dtype=torch.int32, offset=2)
fb('int64', i64, dtype=torch.int64)
fb('int64/offset', i64, dtype=torch.int64, offset=8, count=2)
fb('uint8', bytes(range(0, 250, 7)), dtype=torch.uint8)
fb('uint8/offset_count', bytes(range(10)), dtype=torch.uint8, offset=3, count=4)
fb('bool', bytes([0, 1, 1, 0, 1]), dtype=torch.bool)
fb('float32/requires_grad', f32, dtype=torch.float32, requires_grad=True)
fb('err/size_multiple', bytes(range(10)), dtype=torch.float32)
fb('err/size_multiple_offset', bytes(range(10)), dtype=torch.int64, offset=1)
fb('err/count_too_big', bytes(range(10)), dtype=torch.int32, offset=2, count=3)
fb('err/offset_end', bytes(range(10)), dtype=torch.int32, offset=10)
fb('err/offset_negative', bytes(range(10)), dtype=torch.int32, offset=-1)
fb('err/count_zero', bytes(range(10)), dtype=torch.int32, count=0)
fb('err/empty', b'', dtype=torch.int32)
fb('err/requires_grad_int', bytes(range(10)), dtype=torch.uint8, requires_grad=True)

c.write('numerical')

# ---------------------------------------------------------------- facade test fixture
# packages/antorcha/test/fixtures/numerical.json: golden gradients of torch.gradient,
# frombuffer's memory sharing and int64 beyond 32 bits, set_num_threads' errors.
import json
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')


def err(f):
    try:
        f()
    except Exception as e:
        return {'error': str(e).split('\n')[0], 'type': type(e).__name__}
    raise AssertionError('expected an error')


def enc(v):
    return [None if v != v else v for v in v] if isinstance(v, list) else v


torch.manual_seed(1)
grads = []
GRAD_CASES = [
    ('uniform_1d', [7], {}),
    ('uniform_1d_edge2', [7], {'edge_order': 2, 'spacing': 0.5}),
    ('uniform_2d', [3, 4], {'spacing': [2.0, 0.25]}),
    ('uniform_2d_edge2_dim', [3, 4], {'edge_order': 2, 'dim': [1, 0]}),
    ('coords_1d', [6], {'coords': [[0.0, 1.0, 3.0, 3.5, 6.0, 10.0]]}),
    ('coords_1d_edge2', [6], {'coords': [[0.0, 1.0, 3.0, 3.5, 6.0, 10.0]], 'edge_order': 2}),
    ('coords_2d_edge2', [4, 5], {'coords': [[0.0, 0.5, 2.0, 2.25], [-1.0, 0.0, 0.25, 2.0, 2.5]], 'edge_order': 2}),
]
for name, shape, kw in GRAD_CASES:
    x = torch.randn(shape, dtype=torch.float64, requires_grad=True)
    call = {k: v for k, v in kw.items() if k != 'coords'}
    coords = [torch.tensor(cv, dtype=torch.float64, requires_grad=True) for cv in kw.get('coords', [])]
    if coords:
        call['spacing'] = coords
    outs = torch.gradient(x, **call)
    ws = [torch.randn(o.shape, dtype=torch.float64) for o in outs]
    total = sum((o * w).sum() for o, w in zip(outs, ws))
    total.backward()
    grads.append({
        'name': name, 'shape': shape, 'kwargs': {k: v for k, v in kw.items()},
        'input': x.detach().flatten().tolist(), 'weights': [w.flatten().tolist() for w in ws],
        'grad': x.grad.flatten().tolist(),
        'coordGrads': [cv.grad.flatten().tolist() for cv in coords],
        'gradFn': outs[0].grad_fn.name(),
    })

big = struct.pack('<4q', 2**53 - 1, -(2**53 - 1), -2**40, 2**33 + 5)
shared = bytearray(struct.pack('<4f', 1.0, 2.0, 3.0, 4.0))
t = torch.frombuffer(shared, dtype=torch.float32, offset=4, count=2)
t.mul_(3)
after_tensor_write = list(shared)
shared[0:8] = struct.pack('<2f', -1.0, 0.5)
after_buffer_write = t.tolist()

grown = torch.frombuffer(bytearray(16), dtype=torch.float32)
shrunk = torch.frombuffer(bytearray(16), dtype=torch.float32).resize_(2)

torch.set_num_threads(3)
threads = {
    'after_set_3': torch.get_num_threads(),
    'zero': err(lambda: torch.set_num_threads(0)),
    'negative': err(lambda: torch.set_num_threads(-2)),
    'float': err(lambda: torch.set_num_threads(2.5)),
    'bool': err(lambda: torch.set_num_threads(True)),
}

extra = {
    'grads': grads,
    'int64_large': {'bytes': list(big), 'values': torch.frombuffer(bytearray(big), dtype=torch.int64).tolist()},
    'shared': {'bytes': list(struct.pack('<4f', 1.0, 2.0, 3.0, 4.0)), 'afterTensorWrite': after_tensor_write, 'afterBufferWrite': after_buffer_write},
    'missing_dtype': err(lambda: torch.frombuffer(bytearray(4))),
    'resize_grow': err(lambda: grown.resize_(100)),
    'resize_shrink_shape': list(shrunk.shape),
    'threads': threads,
}
path = os.path.join(ROOT, 'packages/antorcha/test/fixtures/numerical.json')
with open(path, 'w') as f:
    json.dump(extra, f, separators=(',', ':'), allow_nan=False)
    f.write('\n')
print('wrote packages/antorcha/test/fixtures/numerical.json')
