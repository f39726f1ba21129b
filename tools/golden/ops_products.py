"""Golden cases of the products ops: the diagonal family, trace, kron, block_diag, cross,
cdist, dist, tensordot, inner, outer/ger, vdot, the addmm family (and in-place forms),
chain_matmul, cov, corrcoef, diff, the trapezoid rules, renorm and vander.

Writes packages/core/fixtures/ops-products.json. Run: /usr/bin/python3 tools/golden/ops_products.py

Accumulating float results carry a per-element `bound`: PyTorch's own result (BLAS, vectorised
reductions, double accumulators) may differ from a correctly evaluated composite by the
rounding of K float terms, at most about K * eps * (the same computation on |inputs|), computed
here in float64 from the same inputs (tools/golden/ops.py's `accumulation_bound` rule). Each
op's K and |…| computation is next to its cases.
"""
import warnings

import torch

from _cases import Cases, layouts, rand
from _common import enc_output, write_json

warnings.filterwarnings('ignore')
torch.manual_seed(0)
c = Cases(overrides_2x={
    # aten/src/ATen/native/LinearAlgebra.cpp (addmm_impl_cpu_, reached through mm):
    # "expected m1 and m2 to have the same dtype, but got: ", m1.dtype(), " != ", m2.dtype()
    'tensordot/dtype': 'expected m1 and m2 to have the same dtype, but got: float != double',
    'inner/dtype': 'expected m1 and m2 to have the same dtype, but got: float != double',
})

ALL = ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool']
NUM = ['float32', 'float64', 'int64', 'int32', 'uint8']
FLOATS = ['float32', 'float64']


def eps_of(t):
    return 2.0 ** -24 if t.dtype == torch.float32 else 2.0 ** -53


def bound(out, terms, scale):
    """K * eps * scale per element (scale: a float64 tensor of out's shape), None for non-floats."""
    if not isinstance(out, torch.Tensor) or not out.dtype.is_floating_point:
        return None
    s = torch.as_tensor(scale, dtype=torch.float64).expand(out.shape)
    return (s * terms * eps_of(out)).reshape(-1).tolist()


def A(t):
    return t.detach().double().abs()


def add_acc(name, op, args, kwargs=None, fn=None, terms=None, scale=None):
    """A case whose float result accumulates: computes the call first to size the bound."""
    kwargs = kwargs or {}
    call = fn or (lambda *a, **k: getattr(torch, op)(*a, **k) if hasattr(torch, op) else getattr(a[0], op)(*a[1:], **k))
    try:
        out = call(*[a.clone() if isinstance(a, torch.Tensor) else a for a in args], **kwargs)
        b = bound(out, terms(), scale()) if isinstance(out, torch.Tensor) and out.dtype.is_floating_point else None
    except Exception:
        b = None
    c.add(name, op, args, kwargs, fn=fn, bound=b)


# ---------------------------------------------------------------- diagonal family
for name, x in layouts([3, 4]):
    for off in [0, 1, -1, 5, -5]:
        c.add(f'diagonal/{name}/off{off}', 'diagonal', [x], {'offset': off})
x3 = rand([2, 3, 4])
c.add('diagonal/3d_dims', 'diagonal', [x3], {'offset': 1, 'dim1': 2, 'dim2': 0})
c.add('diagonal/3d_negdims', 'diagonal', [x3], {'offset': -1, 'dim1': -1, 'dim2': -2})
c.add('diagonal/3d_default', 'diagonal', [x3])
for dt in ALL:
    c.add(f'diagonal/{dt}', 'diagonal', [rand([3, 3], dt)])
c.add('diagonal/empty', 'diagonal', [rand([0, 3])])
c.add('diagonal/same_dims', 'diagonal', [rand([3, 3])], {'dim1': 0, 'dim2': -2})
c.add('diagonal/dim_range', 'diagonal', [rand([3, 3])], {'dim1': 0, 'dim2': 2})
c.add('diagonal/1d', 'diagonal', [rand([3])])

for dt in ALL:
    c.add(f'diag/vec_{dt}', 'diag', [rand([3], dt)])
    c.add(f'diag/mat_{dt}', 'diag', [rand([3, 4], dt)])
for off in [1, -2, 6]:
    c.add(f'diag/vec_off{off}', 'diag', [rand([3])], {'diagonal': off})
# (1.13 fails on a 2-D input with an offset past the last column: "numel: integer multiplication
# overflow"; 2.x returns an empty diagonal, which the offset 4 case below also covers.)
for off in [1, -2, 4]:
    c.add(f'diag/mat_off{off}', 'diag', [rand([3, 4])], {'diagonal': off})
for name, x in layouts([3, 4]):
    c.add(f'diag/mat_{name}', 'diag', [x], {'diagonal': 1})
c.add('diag/vec_strided', 'diag', [rand([6])[::2]])
c.add('diag/empty_vec', 'diag', [rand([0])])
c.add('diag/3d', 'diag', [rand([2, 2, 2])])
c.add('diag/0d', 'diag', [rand([])])

for dt in ALL:
    c.add(f'diagflat/{dt}', 'diagflat', [rand([2, 2], dt)])
c.add('diagflat/offset', 'diagflat', [rand([3])], {'offset': -1})
c.add('diagflat/0d', 'diagflat', [rand([])])
c.add('diagflat/transposed', 'diagflat', [rand([2, 3]).t()], {'offset': 2})

for dt in ALL:
    c.add(f'diag_embed/{dt}', 'diag_embed', [rand([2, 3], dt)])
c.add('diag_embed/offset_dims', 'diag_embed', [rand([2, 3])], {'offset': 1, 'dim1': 0, 'dim2': 2})
c.add('diag_embed/neg_offset', 'diag_embed', [rand([2, 3])], {'offset': -2, 'dim1': 2, 'dim2': 0})
c.add('diag_embed/1d', 'diag_embed', [rand([3])])
c.add('diag_embed/transposed', 'diag_embed', [rand([3, 2]).t()])
c.add('diag_embed/same_dims', 'diag_embed', [rand([2, 3])], {'dim1': 1, 'dim2': 1})
c.add('diag_embed/dim_range', 'diag_embed', [rand([2, 3])], {'dim1': 1, 'dim2': 3})
c.add('diag_embed/0d', 'diag_embed', [rand([])])

# trace sums n diagonal terms (PyTorch accumulates in double): K = n, |…| = trace(|x|).
for dt in ALL:
    x = rand([3, 4], dt)
    add_acc(f'trace/{dt}', 'trace', [x], terms=lambda: 3, scale=lambda x=x: torch.trace(A(x)))
for name, x in layouts([4, 4]):
    add_acc(f'trace/{name}', 'trace', [x], terms=lambda: 4, scale=lambda x=x: torch.trace(A(x)))
c.add('trace/empty', 'trace', [rand([0, 3])])
c.add('trace/3d', 'trace', [rand([2, 2, 2])])
c.add('trace/1d', 'trace', [rand([3])])

# ---------------------------------------------------------------- kron, block_diag
for dt in ALL:
    c.add(f'kron/{dt}', 'kron', [rand([2, 3], dt), rand([2, 2], dt)])
c.add('kron/mixed', 'kron', [rand([2, 2], 'int64'), rand([3], 'float32')])
c.add('kron/0d', 'kron', [rand([]), rand([2, 3])])
c.add('kron/3d_2d', 'kron', [rand([2, 1, 2]), rand([3, 2])])
# (1.13's kron views its inputs and fails on non-viewable layouts; 2.x reshapes. Strided and
# expanded inputs that view work in both.)
c.add('kron/strided', 'kron', [rand([2, 6])[:, ::2], rand([1, 2]).expand(3, 2)])
c.add('kron/empty', 'kron', [rand([0, 2]), rand([2, 2])])

for dt in ALL:
    c.add(f'block_diag/{dt}', 'block_diag', [rand([2, 2], dt), rand([1, 3], dt)], fn=lambda *t: torch.block_diag(*t))
c.add('block_diag/mixed', 'block_diag', [rand([2, 2], 'int64'), rand([3], 'float32'), rand([], 'bool')], fn=lambda *t: torch.block_diag(*t))
c.add('block_diag/single', 'block_diag', [rand([2, 3])], fn=lambda *t: torch.block_diag(*t))
# (block_diag() with no tensors is a CPU tensor on every device: it is checked in
# packages/antorcha/test/surface-products.test.ts from the extra fixture written below.)
c.add('block_diag/empties', 'block_diag', [rand([0, 2]), rand([2, 0]), rand([1, 1])], fn=lambda *t: torch.block_diag(*t))
c.add('block_diag/transposed', 'block_diag', [rand([3, 2]).t(), rand([2])], fn=lambda *t: torch.block_diag(*t))
c.add('block_diag/3d', 'block_diag', [rand([2, 2]), rand([2, 2, 2])], fn=lambda *t: torch.block_diag(*t))

# ---------------------------------------------------------------- cross
# cross: a_j b_k − a_k b_j per component: K = 2, |…| = a_j b_k + a_k b_j on |inputs|.


def abs_cross(a, b, dim):
    a, b = torch.broadcast_tensors(A(a), A(b))
    i = lambda t, k: t.select(dim, k)
    return torch.stack([i(a, 1) * i(b, 2) + i(a, 2) * i(b, 1), i(a, 2) * i(b, 0) + i(a, 0) * i(b, 2),
                        i(a, 0) * i(b, 1) + i(a, 1) * i(b, 0)], dim)


for dt in NUM + ['bool']:
    a, b = rand([4, 3], dt), rand([4, 3], dt)
    add_acc(f'cross/{dt}', 'cross', [a, b], {'dim': 1}, terms=lambda: 2, scale=lambda a=a, b=b: abs_cross(a, b, 1))
a, b = rand([3, 2, 3]), rand([3, 2, 3])
add_acc('cross/default_dim', 'cross', [a, b], terms=lambda: 2, scale=lambda a=a, b=b: abs_cross(a, b, 0))
a, b = rand([2, 4, 3]), rand([2, 4, 3])
add_acc('cross/default_dim_last', 'cross', [a, b], terms=lambda: 2, scale=lambda a=a, b=b: abs_cross(a, b, 2))
add_acc('cross/neg_dim', 'cross', [a, b], {'dim': -1}, terms=lambda: 2, scale=lambda a=a, b=b: abs_cross(a, b, 2))
a, b = rand([2, 3]), rand([1, 3])
add_acc('cross/broadcast', 'cross', [a, b], {'dim': 1}, terms=lambda: 2, scale=lambda a=a, b=b: abs_cross(a, b, 1))
add_acc('cross/broadcast_default', 'cross', [a, b], terms=lambda: 2, scale=lambda a=a, b=b: abs_cross(a, b, 1))
for name, x in layouts([3, 3]):
    y = rand([3, 3])
    add_acc(f'cross/{name}', 'cross', [x, y], {'dim': 0}, terms=lambda: 2, scale=lambda x=x, y=y: abs_cross(x, y, 0))
c.add('cross/no_size3', 'cross', [rand([2, 4]), rand([2, 4])])
c.add('cross/bad_dim_len', 'cross', [rand([3, 4]), rand([3, 4])], {'dim': 1})
c.add('cross/rank', 'cross', [rand([3]), rand([3, 3])])
c.add('cross/broadcast_dim', 'cross', [rand([3, 3]), rand([1, 3])])
c.add('cross/dim_range', 'cross', [rand([2, 3]), rand([2, 3])], {'dim': 2})
c.add('cross/dtype', 'cross', [rand([3]), rand([3], 'float64')])
c.add('cross/empty', 'cross', [rand([0, 3]), rand([0, 3])], {'dim': 1})

# ---------------------------------------------------------------- cdist, dist
# Direct formula: sum of M terms |d|^p (each d one rounding), then the root: K = M + 2,
# |…| = the distance itself in float64. Matrix formula (p = 2 through mm): |a|² − 2a·b + |b|²
# accumulated from 2M + 2 terms (the squared norms, then the product), error δ = K·eps·s_abs
# with s_abs = |a|² + 2|a|·|b| + |b|², then the square root: |√(s ± δ) − √s| ≤ √(s + δ) − √(max(s − δ, 0)).


def cdist_bound(x1, x2, p, mm_path):
    d64 = torch.cdist(x1.double(), x2.double(), p=p, compute_mode='donot_use_mm_for_euclid_dist')
    M = x1.shape[-1]
    eps = eps_of(x1)
    if not mm_path:
        return (d64 * (M + 2) * eps).reshape(-1).tolist()
    a, b = A(x1), A(x2)
    s = d64 ** 2
    s_abs = (a * a).sum(-1, keepdim=True) + 2 * a @ b.transpose(-1, -2) + (b * b).sum(-1).unsqueeze(-2)
    delta = s_abs * (2 * M + 2) * eps
    return ((s + delta).sqrt() - (s - delta).clamp_min(0).sqrt() + d64 * eps).reshape(-1).tolist()


def add_cdist(name, x1, x2, **kw):
    p = kw.get('p', 2.0)
    mode = kw.get('compute_mode', 'use_mm_for_euclid_dist_if_necessary')
    r1, r2 = (x1.shape[-2] if x1.dim() > 1 else 0), (x2.shape[-2] if x2.dim() > 1 else 0)
    mm_path = p == 2 and (mode == 'use_mm_for_euclid_dist' or (mode == 'use_mm_for_euclid_dist_if_necessary' and (r1 > 25 or r2 > 25)))
    try:
        b = cdist_bound(x1, x2, p, mm_path) if x1.dtype.is_floating_point and x1.dtype == x2.dtype and x1.numel() and x2.numel() else None
    except Exception:
        b = None
    c.add(name, 'cdist', [x1, x2], kw, bound=b)


for dt in FLOATS:
    for p in [0.0, 1.0, 2.0, 3.0, 0.5, float('inf')]:
        add_cdist(f'cdist/{dt}_p{p}', rand([4, 3], dt), rand([5, 3], dt), p=p)
    add_cdist(f'cdist/{dt}_mm', rand([4, 3], dt), rand([5, 3], dt), compute_mode='use_mm_for_euclid_dist')
    add_cdist(f'cdist/{dt}_large', rand([27, 3], dt), rand([2, 3], dt))
add_cdist('cdist/large_no_mm', rand([27, 3]), rand([2, 3]), compute_mode='donot_use_mm_for_euclid_dist')
add_cdist('cdist/large_p1', rand([27, 3]), rand([2, 3]), p=1.0)
add_cdist('cdist/batch', rand([2, 3, 2]), rand([2, 4, 2]))
add_cdist('cdist/batch_broadcast', rand([2, 1, 3, 2]), rand([3, 4, 2]))
add_cdist('cdist/batch_mm', rand([2, 3, 2]), rand([2, 4, 2]), compute_mode='use_mm_for_euclid_dist')
add_cdist('cdist/transposed', rand([3, 4]).t(), rand([3, 5]).t())
add_cdist('cdist/expanded', rand([1, 3]).expand(4, 3), rand([2, 3]))
add_cdist('cdist/same_points', *(lambda x: (x, x.clone()))(rand([3, 2])))
add_cdist('cdist/empty_rows', rand([0, 2]), rand([3, 2]))
add_cdist('cdist/no_cols', rand([2, 0]), rand([3, 0]))
add_cdist('cdist/int', rand([2, 2], 'int64'), rand([2, 2], 'int64'))
add_cdist('cdist/int_x2', rand([2, 2]), rand([2, 2], 'int64'))
add_cdist('cdist/1d', rand([3]), rand([3]))
add_cdist('cdist/cols', rand([3, 2]), rand([3, 4]))
add_cdist('cdist/neg_p', rand([3, 2]), rand([3, 2]), p=-1.0)
add_cdist('cdist/bad_mode', rand([3, 2]), rand([3, 2]), compute_mode='foo')
add_cdist('cdist/dtype', rand([3, 2]), rand([3, 2], 'float64'))
add_cdist('cdist/batch_mismatch', rand([2, 3, 2]), rand([3, 4, 2]))

# dist: the p-norm of a − b over all n elements: K = n + 2, |…| = the norm in float64.


def add_dist(name, a, b, *rest):
    p = rest[0] if rest else 2.0
    try:
        d64 = torch.dist(a.double(), b.double(), p)
        out_float = torch.result_type(a, b).is_floating_point
        n = torch.broadcast_shapes(a.shape, b.shape).numel()
        bnd = [d64.item() * (n + 2) * (2.0 ** -24 if torch.result_type(a, b) == torch.float32 else 2.0 ** -53)] if out_float else None
    except Exception:
        bnd = None
    c.add(name, 'dist', [a, b, *rest], bound=bnd)


for dt in FLOATS:
    for p in [2.0, 1.0, 0.0, 3.0, float('inf')]:
        add_dist(f'dist/{dt}_p{p}', rand([3, 4], dt), rand([3, 4], dt), p)
add_dist('dist/broadcast', rand([3, 4]), rand([4]))
add_dist('dist/mixed', rand([3]), rand([3], 'float64'))
add_dist('dist/transposed', rand([4, 3]).t(), rand([3, 4]))
add_dist('dist/0d', rand([]), rand([]))
add_dist('dist/int', rand([3], 'int64'), rand([3], 'int64'))
add_dist('dist/bad_shape', rand([3, 3]), rand([2]))

# ---------------------------------------------------------------- tensordot, inner, outer, vdot
# A contraction over csize terms: K = csize, |…| = the same contraction on |inputs| (float64).


def add_td(name, a, b, dims, csize):
    add_acc(name, 'tensordot', [a, b], {'dims': dims}, terms=lambda: csize,
            scale=lambda: torch.tensordot(A(a), A(b), dims=dims))


for dt in NUM:
    add_td(f'tensordot/{dt}', rand([2, 3, 4], dt), rand([3, 4, 5], dt), 2, 12)
add_td('tensordot/int_dims1', rand([2, 3]), rand([3, 4]), 1, 3)
add_td('tensordot/dims0', rand([2, 3]), rand([2]), 0, 1)
add_td('tensordot/lists', rand([2, 3, 4]), rand([4, 2, 5]), [[0, 2], [1, 0]], 8)
add_td('tensordot/neg_lists', rand([2, 3, 4]), rand([4, 3]), [[-1, -2], [0, 1]], 12)
add_td('tensordot/broadcast_one', rand([2, 1, 4]), rand([3, 4]), [[1, 2], [0, 1]], 4)
add_td('tensordot/all', rand([2, 3]), rand([2, 3]), 2, 6)
add_td('tensordot/transposed', rand([4, 3]).t(), rand([4, 2]), [[1], [0]], 4)
add_td('tensordot/empty', rand([2, 0]), rand([0, 3]), 1, 0)
c.add('tensordot/neg', 'tensordot', [rand([3, 3]), rand([3, 3])], {'dims': -1})
c.add('tensordot/mismatch', 'tensordot', [rand([3, 3]), rand([4, 3])], {'dims': 1})
c.add('tensordot/lengths', 'tensordot', [rand([3, 3]), rand([3, 3])], {'dims': [[0, 1], [0]]})
c.add('tensordot/dtype', 'tensordot', [rand([3, 3]), rand([3, 3], 'float64')], {'dims': 1})
c.add('tensordot/bool', 'tensordot', [rand([3, 3], 'bool'), rand([3, 3], 'bool')], {'dims': 1})
c.add('tensordot/too_many', 'tensordot', [rand([3, 3]), rand([3, 3])], {'dims': 3})
c.add('tensordot/repeated', 'tensordot', [rand([3, 3]), rand([3, 3])], {'dims': [[0, 0], [0, 1]]})
c.add('tensordot/dim_range', 'tensordot', [rand([3, 3]), rand([3, 3])], {'dims': [[2], [0]]})

for dt in NUM:
    a, b = rand([2, 3], dt), rand([4, 3], dt)
    add_acc(f'inner/{dt}', 'inner', [a, b], terms=lambda: 3, scale=lambda a=a, b=b: torch.inner(A(a), A(b)))
a, b = rand([4]), rand([4])
add_acc('inner/1d', 'inner', [a, b], terms=lambda: 4, scale=lambda: torch.inner(A(a), A(b)))
a3, b3 = rand([2, 2, 3]), rand([3]).expand(2, 3)
add_acc('inner/3d_expanded', 'inner', [a3, b3], terms=lambda: 3, scale=lambda: torch.inner(A(a3), A(b3)))
c.add('inner/0d', 'inner', [rand([], 'int64'), rand([2, 3])])
c.add('inner/mismatch', 'inner', [rand([2, 3]), rand([4])])
c.add('inner/dtype', 'inner', [rand([2, 3]), rand([2, 3], 'float64')])
c.add('inner/bool', 'inner', [rand([2, 3], 'bool'), rand([2, 3], 'bool')])

for dt in NUM + ['bool']:
    c.add(f'ger/{dt}', 'ger', [rand([3], dt), rand([4], dt)])
c.add('ger/mixed', 'ger', [rand([3], 'int64'), rand([2], 'float32')])

for dt in NUM:
    a, b = rand([5], dt), rand([5], dt)
    add_acc(f'vdot/{dt}', 'vdot', [a, b], terms=lambda: 5, scale=lambda a=a, b=b: torch.dot(A(a), A(b)))
a = rand([10])[::2]
b = rand([5])
add_acc('vdot/strided', 'vdot', [a, b], terms=lambda: 5, scale=lambda: torch.dot(A(a), A(b)))
c.add('vdot/empty', 'vdot', [rand([0]), rand([0])])
c.add('vdot/2d', 'vdot', [rand([3, 3]), rand([3])])
c.add('vdot/dtype', 'vdot', [rand([3]), rand([3], 'float64')])
c.add('vdot/bool', 'vdot', [rand([1], 'bool'), rand([1], 'bool')])
c.add('vdot/len', 'vdot', [rand([3]), rand([2])])

# ---------------------------------------------------------------- the addmm family
# beta·input + alpha·Σₖ(…) over K products: K + 2 roundings, |…| = |beta||input| + |alpha|(|a| @ |b|).


def add_addprod(name, op, args, kw, k, prod, fn=None):
    beta = float(kw.get('beta', 1))
    alpha = float(kw.get('alpha', 1))
    inp = args[0]
    add_acc(name, op, args, kw, fn=fn, terms=lambda: k + 2,
            scale=lambda: (abs(beta) * A(inp) if beta != 0 else 0) + abs(alpha) * prod(*[A(t) for t in args[1:]]))


mmp = lambda a, b: a @ b
for dt in NUM + ['bool']:
    add_addprod(f'addmm/{dt}', 'addmm', [rand([3, 4], dt), rand([3, 5], dt), rand([5, 4], dt)], {}, 5, mmp)
add_addprod('addmm/beta_alpha', 'addmm', [rand([3, 4]), rand([3, 5]), rand([5, 4])], {'beta': 0.5, 'alpha': -2.0}, 5, mmp)
add_addprod('addmm/int_beta_alpha', 'addmm', [rand([3, 4], 'int64'), rand([3, 5], 'int64'), rand([5, 4], 'int64')], {'beta': 2, 'alpha': 3}, 5, mmp)
# integer results truncate beta and alpha (0.5 → 0: input ignored; 1.5 → 1)
add_addprod('addmm/int_float_alpha', 'addmm', [rand([3, 4], 'int64'), rand([3, 5], 'int64'), rand([5, 4], 'int64')], {'alpha': 1.5}, 5, mmp)
add_addprod('addmm/int_float_beta', 'addmm', [rand([3, 4], 'int32'), rand([3, 5], 'int32'), rand([5, 4], 'int32')], {'beta': 0.5, 'alpha': -2.5}, 5, mmp)
add_addprod('addmv/int_float_alpha', 'addmv', [rand([3], 'int64'), rand([3, 4], 'int64'), rand([4], 'int64')], {'alpha': 2.5, 'beta': -1.5}, 4, lambda m, v: m @ v)
add_addprod('baddbmm/int_float_alpha', 'baddbmm', [rand([3], 'int64'), rand([2, 3, 4], 'int64'), rand([2, 4, 3], 'int64')], {'alpha': 1.5, 'beta': 0.5}, 4, lambda a, b: a @ b)
add_addprod('addbmm/int_float_alpha', 'addbmm', [rand([3, 3], 'int64'), rand([2, 3, 4], 'int64'), rand([2, 4, 3], 'int64')], {'alpha': 2.5}, 8, lambda a, b: (a @ b).sum(0))
nan_in = torch.full((3, 4), float('nan'))
add_addprod('addmm/beta0_nan', 'addmm', [nan_in, rand([3, 5]), rand([5, 4])], {'beta': 0.0}, 5, mmp)
add_addprod('addmm/broadcast_row', 'addmm', [rand([4]), rand([3, 5]), rand([5, 4])], {}, 5, mmp)
add_addprod('addmm/broadcast_0d', 'addmm', [rand([], 'float64'), rand([3, 5], 'float64'), rand([5, 4], 'float64')], {}, 5, mmp)
add_addprod('addmm/transposed', 'addmm', [rand([4, 3]).t(), rand([5, 3]).t(), rand([4, 5]).t()], {}, 5, mmp)
add_addprod('addmm/empty_k', 'addmm', [rand([3, 4]), rand([3, 0]), rand([0, 4])], {'beta': 2.0}, 0, mmp)
c.add('addmm/bad_input', 'addmm', [rand([2]), rand([3, 3]), rand([3, 3])])
c.add('addmm/bad_shapes', 'addmm', [rand([3, 3]), rand([3, 3]), rand([2, 3])])
c.add('addmm/1d', 'addmm', [rand([3, 3]), rand([3]), rand([3, 3])])
c.add('addmm/dtype', 'addmm', [rand([3, 3], 'float64'), rand([3, 3]), rand([3, 3])])
c.add('addmm/self_int', 'addmm', [rand([3, 3], 'int64'), rand([3, 3]), rand([3, 3])])
add_addprod('addmm_/float32', 'addmm_', [rand([3, 4]), rand([3, 5]), rand([5, 4])], {'alpha': 0.5}, 5, mmp)
add_addprod('addmm_/int64', 'addmm_', [rand([3, 4], 'int64'), rand([3, 5], 'int64'), rand([5, 4], 'int64')], {}, 5, mmp)
c.add('addmm_/broadcast', 'addmm_', [rand([4]), rand([3, 5]), rand([5, 4])])
c.add('addmm_/broadcast_row', 'addmm_', [rand([1, 4]), rand([3, 5]), rand([5, 4])])

mvp = lambda m, v: m @ v
for dt in NUM + ['bool']:
    add_addprod(f'addmv/{dt}', 'addmv', [rand([3], dt), rand([3, 4], dt), rand([4], dt)], {}, 4, mvp)
add_addprod('addmv/beta_alpha', 'addmv', [rand([3]), rand([3, 4]), rand([4])], {'beta': -1.0, 'alpha': 0.25}, 4, mvp)
add_addprod('addmv/beta0_nan', 'addmv', [torch.full((3,), float('inf')), rand([3, 4]), rand([4])], {'beta': 0.0}, 4, mvp)
add_addprod('addmv/broadcast', 'addmv', [rand([1]), rand([3, 4]), rand([4])], {}, 4, mvp)
add_addprod('addmv/0d', 'addmv', [rand([]), rand([3, 4]), rand([4])], {}, 4, mvp)
add_addprod('addmv/transposed', 'addmv', [rand([3]), rand([4, 3]).t(), rand([8])[::2]], {}, 4, mvp)
c.add('addmv/bad_vec', 'addmv', [rand([3]), rand([3, 3]), rand([2])])
c.add('addmv/bad_input', 'addmv', [rand([2]), rand([3, 3]), rand([3])])
c.add('addmv/1d', 'addmv', [rand([3]), rand([3]), rand([3])])
c.add('addmv/dtype', 'addmv', [rand([3]), rand([3, 3]), rand([3], 'float64')])
add_addprod('addmv_/float64', 'addmv_', [rand([3], 'float64'), rand([3, 4], 'float64'), rand([4], 'float64')], {'beta': 2.0}, 4, mvp)
c.add('addmv_/broadcast', 'addmv_', [rand([1]), rand([3, 3]), rand([3])])

orp = lambda u, v: torch.outer(u, v)
for dt in NUM + ['bool']:
    add_addprod(f'addr/{dt}', 'addr', [rand([3, 4], dt), rand([3], dt), rand([4], dt)], {}, 1, orp)
add_addprod('addr/beta_alpha', 'addr', [rand([3, 4]), rand([3]), rand([4])], {'beta': 0.5, 'alpha': 3.0}, 1, orp)
add_addprod('addr/beta0_nan', 'addr', [torch.full((3, 4), float('nan')), rand([3]), rand([4])], {'beta': 0.0}, 1, orp)
add_addprod('addr/int_beta_alpha', 'addr', [rand([3, 4], 'int64'), rand([3], 'int64'), rand([4], 'int64')], {'beta': 2, 'alpha': -1}, 1, orp)
add_addprod('addr/bool_beta0', 'addr', [rand([3, 4], 'bool'), rand([3], 'bool'), rand([4], 'bool')], {'beta': 0}, 1, orp)
add_addprod('addr/mixed', 'addr', [rand([3, 4], 'int64'), rand([3], 'float32'), rand([4], 'int64')], {}, 1, orp)
add_addprod('addr/broadcast', 'addr', [rand([4]), rand([3]), rand([4])], {}, 1, orp)
c.add('addr/int_float_beta', 'addr', [rand([3, 3], 'int64'), rand([3], 'int64'), rand([3], 'int64')], {'beta': 0.5})
c.add('addr/2d_vec', 'addr', [rand([3, 3]), rand([3, 3]), rand([3])])
c.add('addr/bad_input', 'addr', [rand([2]), rand([3]), rand([3])])
add_addprod('addr_/float32', 'addr_', [rand([3, 4]), rand([3]), rand([4])], {'alpha': 2.0}, 1, orp)

bmp = lambda a, b: a @ b
for dt in NUM + ['bool']:
    add_addprod(f'baddbmm/{dt}', 'baddbmm', [rand([2, 3, 4], dt), rand([2, 3, 5], dt), rand([2, 5, 4], dt)], {}, 5, bmp)
add_addprod('baddbmm/beta_alpha', 'baddbmm', [rand([2, 3, 4]), rand([2, 3, 5]), rand([2, 5, 4])], {'beta': 0.5, 'alpha': 2.0}, 5, bmp)
add_addprod('baddbmm/broadcast', 'baddbmm', [rand([4]), rand([2, 3, 5]), rand([2, 5, 4])], {}, 5, bmp)
add_addprod('baddbmm/beta0_nan', 'baddbmm', [torch.full((2, 3, 4), float('nan')), rand([2, 3, 5]), rand([2, 5, 4])], {'beta': 0.0}, 5, bmp)
add_addprod('baddbmm/self_dtype', 'baddbmm', [rand([3], 'float64'), rand([2, 3, 4]), rand([2, 4, 3])], {}, 4, bmp)
c.add('baddbmm/batch_mismatch', 'baddbmm', [rand([3]), rand([2, 3, 4]), rand([3, 4, 3])])
c.add('baddbmm/k_mismatch', 'baddbmm', [rand([3]), rand([2, 3, 4]), rand([2, 5, 3])])
c.add('baddbmm/2d', 'baddbmm', [rand([3]), rand([3, 4]), rand([2, 4, 3])])
c.add('baddbmm/bad_input', 'baddbmm', [rand([2]), rand([2, 3, 4]), rand([2, 4, 3])])
c.add('baddbmm/dtype', 'baddbmm', [rand([3]), rand([2, 3, 4], 'float64'), rand([2, 4, 3])])
add_addprod('baddbmm_/float32', 'baddbmm_', [rand([2, 3, 4]), rand([2, 3, 5]), rand([2, 5, 4])], {'beta': -1.0}, 5, bmp)
c.add('baddbmm_/shape', 'baddbmm_', [rand([3, 4]), rand([2, 3, 5]), rand([2, 5, 4])])

abmp = lambda a, b: (a @ b).sum(0)
for dt in NUM + ['bool']:
    add_addprod(f'addbmm/{dt}', 'addbmm', [rand([3, 4], dt), rand([2, 3, 5], dt), rand([2, 5, 4], dt)], {}, 10, abmp)
add_addprod('addbmm/beta_alpha', 'addbmm', [rand([3, 4]), rand([2, 3, 5]), rand([2, 5, 4])], {'beta': 0.5, 'alpha': 2.0}, 10, abmp)
add_addprod('addbmm/broadcast', 'addbmm', [rand([4]), rand([2, 3, 5]), rand([2, 5, 4])], {}, 10, abmp)
add_addprod('addbmm/beta0_nan', 'addbmm', [torch.full((3, 4), float('nan')), rand([2, 3, 5]), rand([2, 5, 4])], {'beta': 0.0}, 10, abmp)
add_addprod('addbmm/no_batches', 'addbmm', [rand([3, 4]), rand([0, 3, 5]), rand([0, 5, 4])], {'beta': 2.0}, 0, abmp)
c.add('addbmm/batch_mismatch', 'addbmm', [rand([3]), rand([2, 3, 4]), rand([3, 4, 3])])
c.add('addbmm/k_mismatch', 'addbmm', [rand([3]), rand([2, 3, 4]), rand([2, 5, 3])])
c.add('addbmm/2d', 'addbmm', [rand([3]), rand([3, 4]), rand([2, 4, 3])])
c.add('addbmm/bad_input', 'addbmm', [rand([2]), rand([2, 3, 4]), rand([2, 4, 3])])
c.add('addbmm/dtype', 'addbmm', [rand([3], 'float64'), rand([2, 3, 4]), rand([2, 4, 3])])
add_addprod('addbmm_/float32', 'addbmm_', [rand([3, 4]), rand([2, 3, 5]), rand([2, 5, 4])], {'alpha': -1.0}, 10, abmp)
c.add('addbmm_/shape', 'addbmm_', [rand([4, 4]), rand([2, 3, 5]), rand([2, 5, 4])])

# ---------------------------------------------------------------- chain_matmul
# Successive products: K = the sum of the inner sizes, |…| = the chain on |inputs|.


def add_chain(name, mats):
    k = sum(m.shape[1] for m in mats[:-1]) if mats else 0
    add_acc(name, 'chain_matmul', mats, fn=lambda *t: torch.chain_matmul(*t), terms=lambda: k,
            scale=lambda: torch.linalg.multi_dot([A(m) for m in mats]) if len(mats) > 1 else A(mats[0]))


for dt in NUM:
    add_chain(f'chain_matmul/{dt}', [rand([2, 3], dt), rand([3, 4], dt), rand([4, 2], dt)])
add_chain('chain_matmul/one', [rand([2, 3])])
add_chain('chain_matmul/two', [rand([2, 3]), rand([3, 4])])
add_chain('chain_matmul/three_right', [rand([5, 1]), rand([1, 5]), rand([5, 1])])
add_chain('chain_matmul/four', [rand([3, 5]), rand([5, 1]), rand([1, 6]), rand([6, 2])])
add_chain('chain_matmul/five', [rand([1, 4]), rand([4, 6]), rand([6, 2]), rand([2, 5]), rand([5, 3])])
add_chain('chain_matmul/transposed', [rand([3, 2]).t(), rand([3, 3])])
c.add('chain_matmul/none', 'chain_matmul', [], fn=lambda *t: torch.chain_matmul(*t))
c.add('chain_matmul/3d', 'chain_matmul', [rand([3, 3]), rand([3, 3, 3])], fn=lambda *t: torch.chain_matmul(*t))
c.add('chain_matmul/1d_single', 'chain_matmul', [rand([3])], fn=lambda *t: torch.chain_matmul(*t))
c.add('chain_matmul/mismatch', 'chain_matmul', [rand([3, 3]), rand([3, 3]), rand([2, 3])], fn=lambda *t: torch.chain_matmul(*t))
c.add('chain_matmul/dtype', 'chain_matmul', [rand([3, 3]), rand([3, 3]), rand([3, 3], 'float64')], fn=lambda *t: torch.chain_matmul(*t))
c.add('chain_matmul/bool', 'chain_matmul', [rand([3, 3], 'bool'), rand([3, 3], 'bool')], fn=lambda *t: torch.chain_matmul(*t))

# ---------------------------------------------------------------- cov, corrcoef
# cov: the means (N terms), centring, then N weighted products per element, divided: K = 2N + 4,
# |…| = ((|x| + |avg|)·w) @ (|x| + |avg|)ᵀ / |norm factor| in float64 (w = 1 without weights).


def nf_of(n_obs, correction, fweights, aweights):
    w = torch.ones(n_obs, dtype=torch.float64)
    if fweights is not None:
        w = w * fweights.double()
    if aweights is not None:
        w = w * aweights.double()
    ws = w.sum().item()
    if fweights is None and aweights is None:
        return n_obs - correction
    if correction == 0:
        return ws
    if aweights is None:
        return ws - correction
    return ws - correction * (w * aweights.double()).sum().item() / ws


def add_cov(name, x, **kw):
    def scale():
        x2 = A(x).reshape(1, -1) if x.dim() < 2 else A(x)
        n = x2.shape[1]
        w = torch.ones(n, dtype=torch.float64)
        if kw.get('fweights') is not None:
            w = w * kw['fweights'].double()
        if kw.get('aweights') is not None:
            w = w * kw['aweights'].double()
        avg = (x2 * w).sum(1, keepdim=True) / w.sum()
        y = x2 + avg
        nf = abs(nf_of(n, kw.get('correction', 1), kw.get('fweights'), kw.get('aweights'))) or 1.0
        return ((y * w) @ y.t() / nf).squeeze()
    n = x.shape[-1] if x.dim() else 1
    add_acc(name, 'cov', [x], kw, terms=lambda: 2 * n + 4, scale=scale)


for dt in NUM:
    add_cov(f'cov/{dt}', rand([3, 5], dt))
add_cov('cov/1d', rand([6]))
add_cov('cov/0d', rand([]))
add_cov('cov/one_var', rand([1, 4], 'float64'))
add_cov('cov/correction0', rand([2, 5]), correction=0)
add_cov('cov/correction2', rand([2, 5]), correction=2)
add_cov('cov/correction_big', rand([2, 3]), correction=5)
add_cov('cov/fweights', rand([3, 4]), fweights=torch.tensor([1, 2, 0, 3]))
add_cov('cov/aweights', rand([3, 4]), aweights=torch.tensor([0.5, 1.0, 2.0, 0.25]))
add_cov('cov/both', rand([3, 4], 'float64'), fweights=torch.tensor([1, 2, 1, 3]), aweights=torch.tensor([0.5, 1.0, 2.0, 0.25], dtype=torch.float64))
add_cov('cov/both_corr0', rand([3, 4]), correction=0, fweights=torch.tensor([1, 2, 1, 3]), aweights=torch.tensor([0.5, 1.0, 2.0, 0.25]))
add_cov('cov/aweights_f64', rand([2, 3]), aweights=torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64))
add_cov('cov/int_fweights', rand([2, 4], 'int64'), fweights=torch.tensor([1, 1, 2, 2], dtype=torch.int32))
add_cov('cov/one_obs_aweights', rand([3, 1]), aweights=torch.tensor([2.0]))
add_cov('cov/one_obs', rand([3, 1]))
add_cov('cov/transposed', rand([5, 3]).t())
c.add('cov/3d', 'cov', [rand([2, 2, 2])])
c.add('cov/bool', 'cov', [rand([2, 3], 'bool')])
c.add('cov/fweights_float', 'cov', [rand([3, 3])], {'fweights': torch.ones(3)})
c.add('cov/fweights_neg', 'cov', [rand([3, 3])], {'fweights': torch.tensor([1, -1, 2])})
c.add('cov/fweights_2d', 'cov', [rand([3, 3])], {'fweights': torch.ones(3, 3, dtype=torch.int64)})
c.add('cov/fweights_len', 'cov', [rand([3, 3])], {'fweights': torch.tensor([1, 2])})
c.add('cov/aweights_int', 'cov', [rand([3, 3])], {'aweights': torch.tensor([1, 2, 3])})
c.add('cov/aweights_neg', 'cov', [rand([3, 3])], {'aweights': torch.tensor([1.0, -2.0, 3.0])})
c.add('cov/aweights_2d', 'cov', [rand([3, 3])], {'aweights': torch.ones(3, 3)})
c.add('cov/aweights_len', 'cov', [rand([3, 3])], {'aweights': torch.tensor([1.0, 2.0])})

# corrcoef: cov's error on c_ij (bound b_ij), then c_ij / √(c_ii c_jj) and the clip: the
# result's error is (b_ij + |c_ij| (b_ii / 2c_ii + b_jj / 2c_jj)) / √(c_ii c_jj) + 4 eps |r_ij|.


def add_corr(name, x):
    try:
        out = torch.corrcoef(x)
        x64 = x.double()
        cv = torch.cov(x64)
        n = x.shape[-1]
        e = eps_of(out)
        x2 = A(x).reshape(1, -1) if x.dim() < 2 else A(x)
        y = x2 + x2.mean(1, keepdim=True)
        bc = (y @ y.t() / max(n - 1, 1)) * (2 * n + 4) * e
        if cv.dim() == 0:
            b = [(2 * bc.squeeze() / cv.abs()).item() + 2 * e] if out.dtype.is_floating_point else None
        else:
            d = cv.diagonal()
            bd = bc.diagonal()
            rel_d = bd / (2 * d)
            r = cv / (d.sqrt()[:, None] * d.sqrt()[None, :])
            b = ((bc + cv.abs() * (rel_d[:, None] + rel_d[None, :])) / (d.sqrt()[:, None] * d.sqrt()[None, :]) + 4 * e * r.abs()).reshape(-1).tolist()
    except Exception:
        b = None
    c.add(name, 'corrcoef', [x], bound=b)


for dt in NUM:
    add_corr(f'corrcoef/{dt}', rand([3, 5], dt) if dt != 'uint8' else rand([3, 5], dt) + torch.arange(5, dtype=torch.uint8))
add_corr('corrcoef/1d', rand([5]))
add_corr('corrcoef/constant_row', torch.cat([rand([1, 4]), torch.ones(1, 4)]))
add_corr('corrcoef/3d', rand([2, 2, 2]))

# ---------------------------------------------------------------- diff
for dt in ALL:
    c.add(f'diff/{dt}', 'diff', [rand([3, 5], dt)], exact=True)
for name, x in layouts([4, 5]):
    c.add(f'diff/{name}_dim0', 'diff', [x], {'dim': 0}, exact=True)
c.add('diff/n2', 'diff', [rand([3, 6])], {'n': 2}, exact=True)
c.add('diff/n_big', 'diff', [rand([3, 3])], {'n': 5}, exact=True)
c.add('diff/n0', 'diff', [rand([3, 3])], {'n': 0, 'append': rand([3, 1])}, exact=True)
c.add('diff/n_neg_append', 'diff', [rand([3, 3])], {'n': -1, 'append': rand([3, 2])}, exact=True)
c.add('diff/prepend_append', 'diff', [rand([3, 4])], {'n': 2, 'dim': 0, 'prepend': rand([1, 4]), 'append': rand([2, 4])}, exact=True)
c.add('diff/mixed_append', 'diff', [rand([3, 3], 'int64')], {'append': rand([3, 2])}, exact=True)
c.add('diff/bool_n3', 'diff', [rand([2, 6], 'bool')], {'n': 3}, exact=True)
c.add('diff/1d', 'diff', [rand([5], 'int32')], exact=True)
c.add('diff/empty', 'diff', [rand([2, 0])], exact=True)
c.add('diff/0d', 'diff', [rand([])])
c.add('diff/prepend_rank', 'diff', [rand([3, 3])], {'prepend': rand([3])})
c.add('diff/prepend_shape', 'diff', [rand([3, 3])], {'prepend': rand([2, 2])})
c.add('diff/dim_range', 'diff', [rand([3, 3])], {'dim': 2})

# ---------------------------------------------------------------- trapezoid, trapz, cumulative_trapezoid
# dx form: Σy (n terms) − (y₀ + yₙ)/2, times dx: K = n + 3, |…| = (Σ|y| + (|y₀| + |yₙ|)/2)·|dx|.
# x form: Σ dxᵢ (yᵢ + yᵢ₊₁) / 2: K = n + 3, |…| = Σ |dxᵢ| (|yᵢ| + |yᵢ₊₁|) / 2.


def trap_scale(y, x=None, dx=1.0, dim=-1):
    ya = A(y)
    n = ya.shape[dim]
    left, right = ya.narrow(dim, 0, n - 1), ya.narrow(dim, 1, n - 1)
    if x is None:
        return (left + right).sum(dim) * abs(dx) / 2 + ya.sum(dim) * abs(dx)
    xd = x.double()
    if xd.dim() == 1:
        shape = [1] * ya.dim()
        shape[dim] = xd.shape[0]
        xd = xd.view(shape)
    elif xd.dim() < ya.dim():
        xd = xd.view([1] * (ya.dim() - xd.dim()) + list(xd.shape))
    m = xd.shape[dim]
    dxs = (xd.narrow(dim, 1, m - 1) - xd.narrow(dim, 0, m - 1)).abs()
    return (dxs * (left + right)).sum(dim) / 2


def trap_cum_scale(y, x=None, dx=1.0, dim=-1):
    ya = A(y)
    n = ya.shape[dim]
    left, right = ya.narrow(dim, 0, n - 1), ya.narrow(dim, 1, n - 1)
    if x is None:
        return ((left + right) * abs(dx) / 2).cumsum(dim)
    xd = x.double()
    if xd.dim() == 1:
        shape = [1] * ya.dim()
        shape[dim] = xd.shape[0]
        xd = xd.view(shape)
    elif xd.dim() < ya.dim():
        xd = xd.view([1] * (ya.dim() - xd.dim()) + list(xd.shape))
    m = xd.shape[dim]
    dxs = (xd.narrow(dim, 1, m - 1) - xd.narrow(dim, 0, m - 1)).abs()
    return (dxs * (left + right) / 2).cumsum(dim)


def add_trap(name, op, y, x=None, **kw):
    n = y.shape[kw.get('dim', -1)] if y.dim() else 1
    cum = op == 'cumulative_trapezoid'
    sc = trap_cum_scale if cum else trap_scale
    add_acc(name, op, [y] if x is None else [y, x], kw, terms=lambda: n + 3,
            scale=lambda: sc(y, x, kw.get('dx', 1.0), kw.get('dim', -1)))


for op in ['trapezoid', 'trapz', 'cumulative_trapezoid']:
    for dt in NUM:
        add_trap(f'{op}/{dt}', op, rand([3, 5], dt))
    add_trap(f'{op}/dx', op, rand([3, 5]), dx=0.5)
    add_trap(f'{op}/dx_int', op, rand([3, 5], 'int64'), dx=2)
    add_trap(f'{op}/dim0', op, rand([4, 3]), dim=0)
    add_trap(f'{op}/x1d', op, rand([3, 4]), torch.tensor([0.0, 0.5, 2.0, 2.25]))
    add_trap(f'{op}/x1d_dim0', op, rand([3, 4]), torch.tensor([0.0, 1.0, 3.0]), dim=0)
    add_trap(f'{op}/x_int', op, rand([3, 4]), torch.tensor([0, 1, 3, 4]))
    add_trap(f'{op}/x_f64', op, rand([3, 4]), rand([4], 'float64'))
    add_trap(f'{op}/y_int_x_float', op, rand([3, 4], 'int64'), rand([4]))
    add_trap(f'{op}/x_full', op, rand([3, 4]), rand([3, 4]))
    add_trap(f'{op}/x_broadcast', op, rand([3, 4]), rand([1, 4]))
    add_trap(f'{op}/transposed', op, rand([4, 3]).t())
    add_trap(f'{op}/one_sample', op, rand([3, 1]))
    c.add(f'{op}/empty', op, [rand([3, 0])])
    c.add(f'{op}/empty_int', op, [rand([3, 0], 'int64')])
    c.add(f'{op}/x_1d_bad', op, [rand([3, 3]), torch.arange(4)])
    c.add(f'{op}/x_bad', op, [rand([3, 3]), rand([2, 3])])
    c.add(f'{op}/dim_range', op, [rand([3, 3])], {'dim': 3})
    c.add(f'{op}/bool', op, [rand([3, 3], 'bool')])
    c.add(f'{op}/bool_x', op, [rand([3, 3]), rand([3], 'bool')])
for op in ['trapezoid', 'cumulative_trapezoid']:
    c.add(f'{op}/x_int_scalar', op, [rand([3]), 2])
    c.add(f'{op}/x_float_scalar', op, [rand([3]), 2.5])
c.add('trapezoid/0d', 'trapezoid', [rand([])])
c.add('cumulative_trapezoid/0d', 'cumulative_trapezoid', [rand([])])

# ---------------------------------------------------------------- renorm
# The norm of each slice (K terms), the factor maxnorm / (norm + 1e-7), the product:
# K + 4 roundings of the result, |…| = |result| in float64.


def add_renorm(name, op, x, p, dim, maxnorm):
    n = x.numel() // max(x.shape[dim], 1) if x.dim() > 1 else 1
    add_acc(name, op, [x, p, dim, maxnorm], terms=lambda: n + 4,
            scale=lambda: A(torch.renorm(x.double(), p, dim, maxnorm)))


for dt in FLOATS:
    for p in [1.0, 2.0, 3.0, float('inf')]:
        add_renorm(f'renorm/{dt}_p{p}', 'renorm', rand([3, 4], dt), p, 0, 2.0)
add_renorm('renorm/dim1', 'renorm', rand([3, 4]), 2.0, 1, 1.5)
add_renorm('renorm/neg_dim', 'renorm', rand([2, 3, 4]), 2.0, -1, 1.0)
add_renorm('renorm/big_max', 'renorm', rand([3, 4]), 2.0, 0, 100.0)
add_renorm('renorm/zero_max', 'renorm', rand([3, 4]), 2.0, 0, 0.0)
add_renorm('renorm/transposed', 'renorm', rand([4, 3]).t(), 2.0, 0, 1.0)
add_renorm('renorm_/float32', 'renorm_', rand([3, 4]), 2.0, 0, 1.0)
c.add('renorm/int', 'renorm', [rand([3, 3], 'int64'), 2.0, 0, 1.0])
c.add('renorm/neg_p', 'renorm', [rand([3, 3]), -1.0, 0, 1.0])
c.add('renorm/p0', 'renorm', [rand([3, 3]), 0.0, 0, 1.0])
c.add('renorm/neg_max', 'renorm', [rand([3, 3]), 2.0, 0, -1.0])
c.add('renorm/dim_range', 'renorm', [rand([3, 3]), 2.0, 3, 1.0])
c.add('renorm/1d', 'renorm', [rand([3]), 2.0, 0, 1.0])
c.add('renorm/0d', 'renorm', [rand([]), 2.0, 0, 1.0])

# ---------------------------------------------------------------- vander (cumprod: the same products as PyTorch)
for dt in ALL:
    c.add(f'vander/{dt}', 'vander', [rand([4], dt)], exact=True)
c.add('vander/N', 'vander', [rand([3])], {'N': 5}, exact=True)
c.add('vander/increasing', 'vander', [rand([3], 'int64')], {'N': 4, 'increasing': True}, exact=True)
c.add('vander/N0', 'vander', [rand([3])], {'N': 0})
c.add('vander/N1', 'vander', [rand([3])], {'N': 1})
c.add('vander/strided', 'vander', [rand([8])[::2]], exact=True)
c.add('vander/empty', 'vander', [rand([0])])
c.add('vander/2d', 'vander', [rand([2, 2])])
c.add('vander/0d', 'vander', [rand([])])
c.add('vander/N_neg', 'vander', [rand([3])], {'N': -1})

c.write('products')

# Extras for packages/antorcha/test/surface-products.test.ts: results no per-device case can hold.
write_json('packages/antorcha/test/fixtures/products.json', {
    'block_diag_none': enc_output(torch.block_diag()),
})
