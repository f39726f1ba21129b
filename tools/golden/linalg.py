"""Golden cases of torch.linalg, part 1 (LU, Cholesky, QR, LDL, solvers, determinants,
matrix functions, norms, products) and the torch.* spellings (det, logdet, slogdet,
inverse, cholesky, cholesky_solve, cholesky_inverse, lu, lu_unpack, lu_solve,
triangular_solve, qr, geqrf, orgqr, ormqr, matrix_exp, matrix_power). Values, dtypes,
batched and broadcast inputs, and PyTorch's errors (singular, not positive-definite,
shapes, dtypes). Writes packages/core/fixtures/ops-linalg.json.

    /usr/bin/python3 tools/golden/linalg.py

Error bounds: factorizations are backward stable, so an entry of a result may differ
from PyTorch's (LAPACK, blocked, float32 computed in float32) by about n·κ(A)·ε·‖result‖
(κ the 2-norm condition number, ε the dtype's machine epsilon); the Antorcha CPU kernels
compute in float64 and round once. Each factorization case carries that per-element
bound, `BOUND_K · n · κ · ε · max|result|` (see `bounded`); all other results keep the
suite's tolerance. Results with sign freedom (QR, LDL pivots) are compared as PyTorch
returns them: the kernels follow LAPACK's conventions (dlarfg's sign of beta, dsytf2's
pivot choice), which give PyTorch's signs and pivots.

Cases that need a backend's linear-algebra kernels carry `needs: "linalg"`: the
conformance suite skips them on a backend without `Backend.linalg` (WebGPU today).
LinAlgError is recorded under its public name, `torch.linalg.LinAlgError` (1.13's
class is `torch._C._LinAlgError`).
"""
import torch

from _cases import Cases

torch.manual_seed(0)
L = torch.linalg
F = ['float32', 'float64']
EPS = {'float32': 2.0 ** -23, 'float64': 2.0 ** -52}
BOUND_K = 8


def dt(name):
    return getattr(torch, name)


def well(shape, dtype='float64', shift=None):
    """Random matrices made well conditioned by adding n to the diagonal."""
    n = shape[-1]
    a = torch.randn(shape, dtype=torch.float64)
    if shape[-2] == n:
        a = a + (shift if shift is not None else n) * torch.eye(n, dtype=torch.float64)
    return a.to(dt(dtype))


def spd(shape, dtype='float64'):
    a = torch.randn(shape, dtype=torch.float64)
    n = shape[-1]
    return (a @ a.mT + n * torch.eye(n, dtype=torch.float64)).to(dt(dtype))


def sym(shape, dtype='float64'):
    """Symmetric indefinite matrices (Bunch-Kaufman pivots of both kinds occur)."""
    a = torch.randn(shape, dtype=torch.float64)
    return (a + a.mT).to(dt(dtype))


def cond(a):
    a = a.detach().to(torch.float64)
    if a.numel() == 0 or a.shape[-1] == 0 or a.shape[-2] == 0:
        return 1.0
    s = torch.linalg.svdvals(a)
    return float((s[..., 0] / s[..., -1].clamp_min(1e-300)).max())


c = Cases(overrides_2x={
    # 1.13 raises an INTERNAL ASSERT ("Unknown error code") for a singular D; 2.x's
    # _linalg_check_errors has no ldl branch either. Antorcha words the failure plainly.
    'ldl_factor/singular': ('torch.linalg.ldl_factor: The factorization could not be completed because the input is not invertible (D[1,1] is zero).', 'LinAlgError'),
})
NEEDS = set()


def add(name, op, args, kwargs=None, fn=None, kernels=True, bound_of=None):
    """A case; `bound_of`: the matrix whose condition number bounds the result's error."""
    c.add(name, op, args, kwargs, fn=fn)
    case = c.cases[-1]
    exp = case['expected']
    if isinstance(exp, dict) and exp.get('type') == '_LinAlgError':
        exp['type'] = 'LinAlgError'
    if kernels:
        NEEDS.add(name)
    if bound_of is not None:
        k = cond(bound_of)
        n = max(bound_of.shape[-1], 1)
        outs = exp if isinstance(exp, list) else [exp]
        for o in outs:
            if isinstance(o, dict) and o.get('dtype') in EPS and o.get('values'):
                vals = [abs(float(v)) for v in o['values'] if isinstance(v, (int, float))]
                scale = max(vals) if vals else 1.0
                b = BOUND_K * n * k * EPS[o['dtype']] * scale
                o['bound'] = [b] * len(o['values'])


def lf(fn):
    return fn


# ---------------------------------------------------------------- factorizations
for d in F:
    for shape in ([3, 3], [4, 4], [2, 3, 3], [2, 1, 4, 4], [0, 3, 3], [1, 1]):
        A = well(shape, d)
        tag = 'x'.join(map(str, shape))
        add(f'inv/{d}/{tag}', 'linalg.inv', [A], fn=L.inv, bound_of=A)
        add(f'inv_ex/{d}/{tag}', 'linalg.inv_ex', [A], fn=L.inv_ex, bound_of=A)
        add(f'det/{d}/{tag}', 'linalg.det', [A], fn=L.det, bound_of=A)
        add(f'slogdet/{d}/{tag}', 'linalg.slogdet', [A], fn=L.slogdet, bound_of=A)
        add(f'lu_factor/{d}/{tag}', 'linalg.lu_factor', [A], fn=L.lu_factor, bound_of=A)
        add(f'lu_factor_ex/{d}/{tag}', 'linalg.lu_factor_ex', [A], fn=L.lu_factor_ex, bound_of=A)
        add(f'lu/{d}/{tag}', 'linalg.lu', [A], fn=L.lu, bound_of=A)
        S = spd(shape, d)
        add(f'cholesky/{d}/{tag}', 'linalg.cholesky', [S], fn=L.cholesky, bound_of=S)
        add(f'cholesky/{d}/{tag}/upper', 'linalg.cholesky', [S], {'upper': True}, fn=L.cholesky, bound_of=S)
        add(f'cholesky_ex/{d}/{tag}', 'linalg.cholesky_ex', [S], fn=L.cholesky_ex, bound_of=S)
        add(f'qr/{d}/{tag}', 'linalg.qr', [A], fn=L.qr, bound_of=A)
        Y = sym(shape, d)
        add(f'ldl_factor/{d}/{tag}', 'linalg.ldl_factor', [Y], fn=L.ldl_factor, bound_of=Y)
        add(f'ldl_factor_ex/{d}/{tag}', 'linalg.ldl_factor_ex', [Y], fn=L.ldl_factor_ex, bound_of=Y)
        add(f'matrix_exp/{d}/{tag}', 'linalg.matrix_exp', [A / 4], fn=L.matrix_exp, kernels=False, bound_of=A)
        add(f'det_torch/{d}/{tag}', 'det', [A], bound_of=A)
        add(f'logdet/{d}/{tag}', 'logdet', [S], bound_of=S)
        add(f'slogdet_torch/{d}/{tag}', 'slogdet', [A], bound_of=A)
        add(f'inverse/{d}/{tag}', 'inverse', [A], bound_of=A)
    for shape in ([5, 3], [3, 5], [2, 4, 2], [2, 2, 4]):
        A = well(shape, d)
        tag = 'x'.join(map(str, shape))
        add(f'lu_factor/{d}/{tag}', 'linalg.lu_factor_ex', [A], fn=L.lu_factor_ex, bound_of=A)
        add(f'lu/{d}/{tag}', 'linalg.lu', [A], fn=L.lu, bound_of=A)
        for mode in ('reduced', 'complete', 'r'):
            add(f'qr/{d}/{tag}/{mode}', 'linalg.qr', [A], {'mode': mode}, fn=L.qr, bound_of=A)
        add(f'geqrf/{d}/{tag}', 'geqrf', [A], bound_of=A)
        add(f'qr_torch/{d}/{tag}', 'qr', [A, False], bound_of=A)

# non-contiguous inputs (transposed, strided, expanded batch): a contiguous A is factored
# transposed by solve/inv, any other as it is
for d in F:
    T = well([4, 4], d).mT
    add(f'inv/{d}/transposed', 'linalg.inv', [T], fn=L.inv, bound_of=T)
    add(f'solve/{d}/transposed', 'linalg.solve', [T, torch.randn(4, 2, dtype=dt(d))], fn=L.solve, bound_of=T)
    St = well([3, 6], d)[:, ::2]
    add(f'det/{d}/strided', 'linalg.det', [St], fn=L.det, bound_of=St)
    add(f'lu_factor/{d}/strided', 'linalg.lu_factor', [St], fn=L.lu_factor, bound_of=St)
    E = well([1, 3, 3], d).expand(2, 3, 3)
    add(f'cholesky/{d}/expanded', 'linalg.cholesky', [spd([3, 3], d).expand(2, 3, 3)], fn=L.cholesky, bound_of=E)
    add(f'qr/{d}/expanded', 'linalg.qr', [E], fn=L.qr, bound_of=E)
    add(f'inv/{d}/expanded', 'linalg.inv', [E], fn=L.inv, bound_of=E)

# pivoting actually swaps rows; a zero leading entry; a matrix needing 2x2 Bunch-Kaufman blocks
P = torch.tensor([[0., 2., 1.], [1., 1., 1.], [3., 0., 2.]], dtype=torch.float64)
add('lu_factor/pivoting', 'linalg.lu_factor', [P], fn=L.lu_factor, bound_of=P)
add('det/pivoting', 'linalg.det', [P], fn=L.det, bound_of=P)
add('slogdet/negative', 'linalg.slogdet', [P], fn=L.slogdet, bound_of=P)
add('logdet/negative', 'logdet', [P])
Z2 = torch.tensor([[0., 1., 2.], [1., 0., 3.], [2., 3., 0.]], dtype=torch.float64)
add('ldl_factor/2x2_blocks', 'linalg.ldl_factor', [Z2], fn=L.ldl_factor, bound_of=Z2)
add('ldl_factor_ex/hermitian', 'linalg.ldl_factor_ex', [Z2], {'hermitian': True}, fn=L.ldl_factor_ex, bound_of=Z2)
for d in F:
    Y = sym([6, 6], d)
    add(f'ldl_factor/{d}/6x6', 'linalg.ldl_factor', [Y], fn=L.ldl_factor, bound_of=Y)

# householder_product / orgqr / ormqr
for d in F:
    A = well([5, 3], d)
    a, tau = torch.geqrf(A)
    add(f'householder_product/{d}', 'linalg.householder_product', [a, tau], fn=L.householder_product, bound_of=A)
    add(f'householder_product/{d}/k<n', 'linalg.householder_product', [a, tau[:2]], fn=L.householder_product, bound_of=A)
    add(f'orgqr/{d}', 'orgqr', [a, tau], bound_of=A)
    Cm = torch.randn(5, 2, dtype=dt(d))
    Cr = torch.randn(2, 5, dtype=dt(d))
    add(f'ormqr/{d}/left', 'ormqr', [a, tau, Cm], bound_of=A)
    add(f'ormqr/{d}/left_t', 'ormqr', [a, tau, Cm, True, True], bound_of=A)
    add(f'ormqr/{d}/right', 'ormqr', [a, tau, Cr, False], bound_of=A)
    add(f'ormqr/{d}/right_t', 'ormqr', [a, tau, Cr, False, True], bound_of=A)
    Ab = well([2, 4, 3], d)
    ab, taub = torch.geqrf(Ab)
    add(f'householder_product/{d}/batched', 'linalg.householder_product', [ab, taub], fn=L.householder_product, bound_of=Ab)

# ---------------------------------------------------------------- solvers
for d in F:
    A = well([3, 3], d)
    add(f'solve/{d}/matrix', 'linalg.solve', [A, torch.randn(3, 2, dtype=dt(d))], fn=L.solve, bound_of=A)
    add(f'solve/{d}/vector', 'linalg.solve', [A, torch.randn(3, dtype=dt(d))], fn=L.solve, bound_of=A)
    Ab = well([2, 3, 3], d)
    add(f'solve/{d}/batched_vector', 'linalg.solve', [Ab, torch.randn(2, 3, dtype=dt(d))], fn=L.solve, bound_of=Ab)
    add(f'solve/{d}/broadcast', 'linalg.solve', [Ab, torch.randn(3, 4, dtype=dt(d))], fn=L.solve, bound_of=Ab)
    add(f'solve/{d}/broadcast_A', 'linalg.solve', [A, torch.randn(2, 3, 4, dtype=dt(d))], fn=L.solve, bound_of=A)
    add(f'solve/{d}/right', 'linalg.solve', [A, torch.randn(4, 3, dtype=dt(d))], {'left': False}, fn=L.solve, bound_of=A)
    add(f'solve_ex/{d}', 'linalg.solve_ex', [Ab, torch.randn(2, 3, 1, dtype=dt(d))], fn=L.solve_ex, bound_of=Ab)
    LU, piv = L.lu_factor(Ab)
    B = torch.randn(2, 3, 2, dtype=dt(d))
    add(f'lu_solve/{d}', 'linalg.lu_solve', [LU, piv, B], fn=L.lu_solve, bound_of=Ab)
    add(f'lu_solve/{d}/adjoint', 'linalg.lu_solve', [LU, piv, B], {'adjoint': True}, fn=L.lu_solve, bound_of=Ab)
    add(f'lu_solve/{d}/right', 'linalg.lu_solve', [LU, piv, B.mT], {'left': False}, fn=L.lu_solve, bound_of=Ab)
    add(f'lu_solve/{d}/right_adjoint', 'linalg.lu_solve', [LU, piv, B.mT], {'left': False, 'adjoint': True}, fn=L.lu_solve, bound_of=Ab)
    add(f'lu_solve/{d}/broadcast', 'linalg.lu_solve', [LU[0], piv[0], torch.randn(4, 3, 2, dtype=dt(d))], fn=L.lu_solve, bound_of=Ab)
    add(f'lu_solve_torch/{d}', 'lu_solve', [B, LU, piv], bound_of=Ab)
    add(f'lu_unpack/{d}', 'lu_unpack', [LU, piv], bound_of=Ab)
    LUw, pivw = L.lu_factor(well([3, 5], d))
    add(f'lu_unpack/{d}/wide', 'lu_unpack', [LUw, pivw])
    add(f'lu_torch/{d}', 'lu', [Ab])
    add(f'lu_torch/{d}/infos', 'lu', [Ab], {'get_infos': True})
    T = well([3, 3], d).triu()
    Tl = well([2, 3, 3], d).tril()
    for left in (True, False):
        for unit in (False, True):
            Bt = torch.randn(3, 2, dtype=dt(d)) if left else torch.randn(2, 3, dtype=dt(d))
            add(f'solve_triangular/{d}/upper/left={left}/unit={unit}', 'linalg.solve_triangular', [T, Bt], {'upper': True, 'left': left, 'unitriangular': unit}, fn=L.solve_triangular, bound_of=T)
            add(f'solve_triangular/{d}/lower/left={left}/unit={unit}', 'linalg.solve_triangular', [Tl, Bt], {'upper': False, 'left': left, 'unitriangular': unit}, fn=L.solve_triangular, bound_of=Tl)
    for upper in (True, False):
        for transpose in (False, True):
            add(f'triangular_solve/{d}/upper={upper}/t={transpose}', 'triangular_solve', [torch.randn(3, 2, dtype=dt(d)), T if upper else Tl[0]], {'upper': upper, 'transpose': transpose}, bound_of=T)
    S = spd([2, 3, 3], d)
    Ls = L.cholesky(S)
    add(f'cholesky_solve/{d}', 'cholesky_solve', [torch.randn(2, 3, 2, dtype=dt(d)), Ls], bound_of=S)
    add(f'cholesky_solve/{d}/upper', 'cholesky_solve', [torch.randn(2, 3, 2, dtype=dt(d)), Ls.mT, True], bound_of=S)
    add(f'cholesky_inverse/{d}', 'cholesky_inverse', [Ls], bound_of=S)
    add(f'cholesky_inverse/{d}/upper', 'cholesky_inverse', [Ls.mT, True], bound_of=S)
    add(f'cholesky_torch/{d}', 'cholesky', [S], bound_of=S)
    add(f'cholesky_torch/{d}/upper', 'cholesky', [S, True], bound_of=S)
    Y = sym([2, 4, 4], d)
    LD, pv = L.ldl_factor(Y)
    add(f'ldl_solve/{d}', 'linalg.ldl_solve', [LD, pv, torch.randn(2, 4, 3, dtype=dt(d))], fn=L.ldl_solve, bound_of=Y)
    add(f'ldl_solve/{d}/2x2', 'linalg.ldl_solve', [*L.ldl_factor(Z2.to(dt(d))), torch.randn(3, 2, dtype=dt(d))], fn=L.ldl_solve, bound_of=Z2)
    At = well([6, 6], d).reshape(2, 3, 6)
    add(f'tensorinv/{d}', 'linalg.tensorinv', [At], {'ind': 2}, fn=L.tensorinv, bound_of=At.reshape(6, 6))
    add(f'tensorinv/{d}/ind1', 'linalg.tensorinv', [well([4, 4], d).reshape(4, 2, 2)], {'ind': 1}, fn=L.tensorinv, bound_of=At.reshape(6, 6))
    add(f'tensorsolve/{d}', 'linalg.tensorsolve', [well([6, 6], d).reshape(2, 3, 6), torch.randn(2, 3, dtype=dt(d))], fn=L.tensorsolve, bound_of=At.reshape(6, 6))
    add(f'tensorsolve/{d}/dims', 'linalg.tensorsolve', [well([6, 6], d).reshape(6, 2, 3), torch.randn(2, 3, dtype=dt(d))], {'dims': (0,)}, fn=L.tensorsolve, bound_of=At.reshape(6, 6))

# ---------------------------------------------------------------- matrix functions, products, norms
for d in F:
    A = torch.randn(3, 3, dtype=dt(d))
    Ab = torch.randn(2, 3, 3, dtype=dt(d))
    add(f'matrix_exp/{d}/large_norm', 'linalg.matrix_exp', [A * 3], fn=L.matrix_exp, kernels=False, bound_of=torch.eye(3) * 40)
    add(f'matrix_exp/{d}/batched_mixed', 'linalg.matrix_exp', [Ab * torch.tensor([0.1, 4.0], dtype=dt(d)).view(2, 1, 1)], fn=L.matrix_exp, kernels=False, bound_of=torch.eye(3) * 40)
    add(f'matrix_exp_torch/{d}', 'matrix_exp', [A], kernels=False, bound_of=torch.eye(3) * 10)
    for n in (0, 1, 2, 3, 5, 6):
        add(f'matrix_power/{d}/{n}', 'linalg.matrix_power', [Ab], {'n': n}, fn=L.matrix_power, kernels=False)
    W = well([2, 3, 3], d)
    add(f'matrix_power/{d}/-2', 'linalg.matrix_power', [W], {'n': -2}, fn=L.matrix_power, bound_of=W)
    add(f'matrix_power_torch/{d}', 'matrix_power', [A, 4], kernels=False)
    add(f'multi_dot/{d}/3', 'linalg.multi_dot', [[torch.randn(2, 5, dtype=dt(d)), torch.randn(5, 3, dtype=dt(d)), torch.randn(3, 4, dtype=dt(d))]], fn=L.multi_dot, kernels=False)
    add(f'multi_dot/{d}/vectors', 'linalg.multi_dot', [[torch.randn(5, dtype=dt(d)), torch.randn(5, 3, dtype=dt(d)), torch.randn(3, 6, dtype=dt(d)), torch.randn(6, dtype=dt(d))]], fn=L.multi_dot, kernels=False)
    add(f'multi_dot/{d}/2', 'linalg.multi_dot', [[torch.randn(2, 5, dtype=dt(d)), torch.randn(5, dtype=dt(d))]], fn=L.multi_dot, kernels=False)
    x = torch.randn(2, 4, 3, dtype=dt(d))
    y = torch.randn(4, 3, dtype=dt(d))
    add(f'cross/{d}', 'linalg.cross', [x, y.unsqueeze(0)], fn=L.cross, kernels=False)
    add(f'cross/{d}/rank', 'linalg.cross', [x, y], fn=L.cross, kernels=False)
    add(f'cross/{d}/dim', 'linalg.cross', [torch.randn(3, 2, dtype=dt(d)), torch.randn(3, 2, dtype=dt(d))], {'dim': 0}, fn=L.cross, kernels=False)
    add(f'vecdot/{d}', 'linalg.vecdot', [x, y], fn=L.vecdot, kernels=False)
    add(f'vecdot/{d}/1d', 'linalg.vecdot', [y[0], y[1]], fn=L.vecdot, kernels=False)
    add(f'vecdot/{d}/dim', 'linalg.vecdot', [x, torch.randn(2, 4, 1, dtype=dt(d))], {'dim': 1}, fn=L.vecdot, kernels=False)
    add(f'vander/{d}', 'linalg.vander', [torch.randn(2, 4, dtype=dt(d))], fn=L.vander, kernels=False)
    add(f'vander/{d}/N', 'linalg.vander', [torch.randn(3, dtype=dt(d))], {'N': 5}, fn=L.vander, kernels=False)
    add(f'diagonal/{d}', 'linalg.diagonal', [torch.randn(2, 3, 4, dtype=dt(d))], fn=L.diagonal, kernels=False)
    add(f'diagonal/{d}/offset', 'linalg.diagonal', [torch.randn(2, 3, 4, dtype=dt(d))], {'offset': 1, 'dim1': 0, 'dim2': 2}, fn=L.diagonal, kernels=False)
    add(f'matmul/{d}', 'linalg.matmul', [torch.randn(2, 3, 4, dtype=dt(d)), torch.randn(4, 2, dtype=dt(d))], fn=L.matmul, kernels=False)
    v = torch.randn(2, 3, 4, dtype=dt(d))
    for ord in (2, 1, 0, 3.5, -1, float('inf'), float('-inf')):
        add(f'vector_norm/{d}/{ord}', 'linalg.vector_norm', [v], {'ord': ord}, fn=L.vector_norm, kernels=False)
    add(f'vector_norm/{d}/dim', 'linalg.vector_norm', [v], {'dim': (0, 2), 'keepdim': True}, fn=L.vector_norm, kernels=False)
    add(f'vector_norm/{d}/dim1', 'linalg.vector_norm', [v], {'ord': 3, 'dim': -1}, fn=L.vector_norm, kernels=False)
    add(f'vector_norm/{d}/empty', 'linalg.vector_norm', [torch.zeros(0, 3, dtype=dt(d))], fn=L.vector_norm, kernels=False)
    for ord in ('fro', 1, -1, float('inf'), float('-inf')):
        add(f'matrix_norm/{d}/{ord}', 'linalg.matrix_norm', [v], {'ord': ord}, fn=L.matrix_norm, kernels=False)
        add(f'matrix_norm/{d}/{ord}/dims', 'linalg.matrix_norm', [v], {'ord': ord, 'dim': (2, 0), 'keepdim': True}, fn=L.matrix_norm, kernels=False)
        add(f'norm/{d}/matrix/{ord}', 'linalg.norm', [v[0]], {'ord': ord}, fn=L.norm, kernels=False)
    add(f'norm/{d}/default', 'linalg.norm', [v], fn=L.norm, kernels=False)
    add(f'norm/{d}/vector_inf', 'linalg.norm', [v[0, 0]], {'ord': float('inf')}, fn=L.norm, kernels=False)
    add(f'norm/{d}/dim1', 'linalg.norm', [v], {'ord': 1, 'dim': 1}, fn=L.norm, kernels=False)
    add(f'norm/{d}/dim2', 'linalg.norm', [v], {'ord': 1, 'dim': (0, 1)}, fn=L.norm, kernels=False)
    add(f'vector_norm/{d}/dtype', 'linalg.vector_norm', [v], {'dtype': torch.float64}, fn=L.vector_norm, kernels=False)

# ---------------------------------------------------------------- errors
Zs = torch.tensor([[1., 2., 3.], [0., 0., 0.], [1., 1., 1.]], dtype=torch.float64).T.contiguous()
I3 = torch.eye(3, dtype=torch.float64)
ZB = torch.stack([I3, Zs])
NPD = torch.tensor([[1., 2.], [2., 1.]])
NPDB = torch.stack([torch.eye(2), NPD])
v3 = torch.ones(3)
i33 = torch.ones(3, 3, dtype=torch.long)
r23 = torch.ones(2, 3)
add('inv/singular', 'linalg.inv', [Zs], fn=L.inv)
add('inv/singular_batched', 'linalg.inv', [ZB], fn=L.inv)
add('inv_ex/singular', 'linalg.inv_ex', [Zs], fn=L.inv_ex)
add('inverse/singular', 'inverse', [Zs])
add('solve/singular', 'linalg.solve', [Zs, torch.ones(3, dtype=torch.float64)], fn=L.solve)
add('solve/singular_batched', 'linalg.solve', [ZB, torch.ones(3, dtype=torch.float64)], fn=L.solve)
add('solve_ex/singular', 'linalg.solve_ex:info', [ZB, torch.ones(3, dtype=torch.float64)], fn=lambda a, b: L.solve_ex(a, b).info)
add('det/singular', 'linalg.det', [Zs], fn=L.det)
add('slogdet/singular', 'linalg.slogdet', [Zs], fn=L.slogdet)
add('logdet/singular', 'logdet', [Zs])
add('cholesky/not_pd', 'linalg.cholesky', [NPD], fn=L.cholesky)
add('cholesky/not_pd_batched', 'linalg.cholesky', [NPDB], fn=L.cholesky)
add('cholesky_ex/not_pd', 'linalg.cholesky_ex:info', [NPDB], fn=lambda a: L.cholesky_ex(a).info)
add('lu_factor/singular', 'linalg.lu_factor', [Zs], fn=L.lu_factor)
add('lu_factor/singular_batched', 'linalg.lu_factor', [ZB], fn=L.lu_factor)
add('lu_factor_ex/singular', 'linalg.lu_factor_ex', [ZB], fn=L.lu_factor_ex)
add('lu_factor/no_pivot', 'linalg.lu_factor', [torch.eye(3)], {'pivot': False}, fn=L.lu_factor)
add('ldl_factor/singular', 'linalg.ldl_factor', [torch.zeros(3, 3)], fn=L.ldl_factor)
add('ldl_factor_ex/singular', 'linalg.ldl_factor_ex:info', [torch.zeros(3, 3)], fn=lambda a: L.ldl_factor_ex(a).info)
add('cholesky_inverse/singular', 'cholesky_inverse', [torch.zeros(2, 2)])
for nm, f in [('inv', L.inv), ('det', L.det), ('slogdet', L.slogdet), ('cholesky', L.cholesky), ('qr', L.qr), ('ldl_factor', L.ldl_factor), ('matrix_exp', L.matrix_exp)]:
    add(f'{nm}/rank', f'linalg.{nm}', [v3], fn=f)
    add(f'{nm}/int', f'linalg.{nm}', [i33], fn=f)
    if nm != 'qr':
        add(f'{nm}/rect', f'linalg.{nm}', [r23], fn=f)
for nm in ('det', 'logdet', 'slogdet', 'inverse', 'matrix_exp', 'cholesky_inverse'):
    add(f'{nm}_torch/rank', nm, [v3])
    add(f'{nm}_torch/rect', nm, [r23])
for nm in ('lu_factor', 'lu'):
    add(f'{nm}/rank', f'linalg.{nm}', [v3], fn=getattr(L, nm))
    add(f'{nm}/int', f'linalg.{nm}', [i33], fn=getattr(L, nm))
add('solve/shape', 'linalg.solve', [torch.eye(3), torch.ones(4)], fn=L.solve)
add('solve/shape_matrix', 'linalg.solve', [torch.eye(3), torch.ones(4, 2)], fn=L.solve)
add('solve/dtype', 'linalg.solve', [torch.eye(3), torch.ones(3, dtype=torch.float64)], fn=L.solve)
add('solve/int', 'linalg.solve', [i33, i33], fn=L.solve)
add('solve/rank', 'linalg.solve', [v3, v3], fn=L.solve)
add('solve_triangular/shape', 'linalg.solve_triangular', [torch.eye(3), torch.ones(4, 2)], {'upper': True}, fn=L.solve_triangular)
add('solve_triangular/int', 'linalg.solve_triangular', [i33, i33], {'upper': True}, fn=L.solve_triangular)
add('solve_triangular/rect', 'linalg.solve_triangular', [r23, r23], {'upper': True}, fn=L.solve_triangular)
add('solve_triangular/promotes', 'linalg.solve_triangular', [torch.eye(3) * 2, torch.ones(3, 2, dtype=torch.float64)], {'upper': True}, fn=L.solve_triangular)
add('lu_solve/shape', 'linalg.lu_solve', [torch.eye(3), torch.ones(3, dtype=torch.int32), torch.ones(2, 1)], fn=L.lu_solve)
add('lu_solve/pivots_dtype', 'linalg.lu_solve', [torch.eye(3), torch.ones(3, dtype=torch.long), torch.ones(3, 1)], fn=L.lu_solve)
add('lu_solve/pivots_shape', 'linalg.lu_solve', [torch.eye(3), torch.ones(2, dtype=torch.int32), torch.ones(3, 1)], fn=L.lu_solve)
add('lu_solve/rank', 'linalg.lu_solve', [torch.eye(3), torch.ones(3, dtype=torch.int32), torch.ones(3)], fn=L.lu_solve)
add('lu_unpack/pivots_dtype', 'lu_unpack', [torch.eye(3), torch.ones(3, dtype=torch.long)])
add('qr/mode', 'linalg.qr', [r23], {'mode': 'x'}, fn=L.qr)
add('householder_product/wide', 'linalg.householder_product', [torch.ones(2, 3), torch.ones(1)], fn=L.householder_product)
add('householder_product/tau', 'linalg.householder_product', [torch.ones(3, 2), torch.ones(3)], fn=L.householder_product)
add('householder_product/tau_rank', 'linalg.householder_product', [torch.ones(3, 2), torch.ones(2, 2)], fn=L.householder_product)
add('householder_product/dtype', 'linalg.householder_product', [torch.ones(3, 2), torch.ones(2, dtype=torch.float64)], fn=L.householder_product)
add('householder_product/rank', 'linalg.householder_product', [v3, v3], fn=L.householder_product)
add('geqrf/rank', 'geqrf', [v3])
add('cholesky_solve/rank', 'cholesky_solve', [v3, v3])
add('cholesky_solve/dtype', 'cholesky_solve', [torch.eye(3), torch.ones(3, 3, dtype=torch.float64)])
add('cholesky_solve/rect', 'cholesky_solve', [r23, r23])
add('triangular_solve/rect', 'triangular_solve', [r23, r23])
add('matrix_power/rect', 'linalg.matrix_power', [r23], {'n': 2}, fn=L.matrix_power, kernels=False)
add('matrix_power/rank', 'linalg.matrix_power', [v3], {'n': 2}, fn=L.matrix_power, kernels=False)
add('matrix_power/int', 'linalg.matrix_power', [i33], {'n': 3}, fn=L.matrix_power, kernels=False)
add('matrix_power/singular', 'linalg.matrix_power', [Zs], {'n': -1}, fn=L.matrix_power)
add('tensorinv/ind', 'linalg.tensorinv', [torch.ones(4, 2, 2)], {'ind': 0}, fn=L.tensorinv, kernels=False)
add('tensorinv/shape', 'linalg.tensorinv', [torch.ones(4, 2, 3)], {'ind': 1}, fn=L.tensorinv, kernels=False)
add('tensorinv/singular', 'linalg.tensorinv', [torch.zeros(2, 2, 4)], {'ind': 2}, fn=L.tensorinv)
add('tensorsolve/shape', 'linalg.tensorsolve', [torch.ones(4, 2, 3), torch.ones(4)], fn=L.tensorsolve, kernels=False)
add('multi_dot/one', 'linalg.multi_dot', [[torch.ones(2)]], fn=L.multi_dot, kernels=False)
add('multi_dot/first_3d', 'linalg.multi_dot', [[torch.ones(2, 2, 2), torch.ones(2, 2)]], fn=L.multi_dot, kernels=False)
add('multi_dot/shapes', 'linalg.multi_dot', [[torch.ones(2, 3), torch.ones(2, 2)]], fn=L.multi_dot, kernels=False)
add('multi_dot/dtype', 'linalg.multi_dot', [[torch.ones(2, 2), torch.ones(2, 2, dtype=torch.float64)]], fn=L.multi_dot, kernels=False)
add('multi_dot/middle_1d', 'linalg.multi_dot', [[torch.ones(2, 2), torch.ones(2), torch.ones(2, 2)]], fn=L.multi_dot, kernels=False)
add('cross/length', 'linalg.cross', [torch.ones(2), torch.ones(2)], fn=L.cross, kernels=False)
add('cross/dtype', 'linalg.cross', [torch.ones(3), torch.ones(3, dtype=torch.float64)], fn=L.cross, kernels=False)
add('vecdot/dtype', 'linalg.vecdot', [torch.ones(3), torch.ones(3, dtype=torch.float64)], fn=L.vecdot, kernels=False)
add('vander/0d', 'linalg.vander', [torch.tensor(1.)], fn=L.vander, kernels=False)
add('vector_norm/int', 'linalg.vector_norm', [i33], fn=L.vector_norm, kernels=False)
add('vector_norm/empty_inf', 'linalg.vector_norm', [torch.ones(0)], {'ord': float('inf')}, fn=L.vector_norm, kernels=False)
add('matrix_norm/rank', 'linalg.matrix_norm', [v3], fn=L.matrix_norm, kernels=False)
add('matrix_norm/int', 'linalg.matrix_norm', [i33], fn=L.matrix_norm, kernels=False)
add('matrix_norm/same_dims', 'linalg.matrix_norm', [r23], {'dim': (0, 0)}, fn=L.matrix_norm, kernels=False)
add('matrix_norm/ord', 'linalg.matrix_norm', [r23], {'ord': 3}, fn=L.matrix_norm, kernels=False)
add('norm/3d_ord', 'linalg.norm', [torch.ones(2, 2, 2)], {'ord': 1}, fn=L.norm, kernels=False)
add('norm/str_1d', 'linalg.norm', [v3], {'ord': 'fro'}, fn=L.norm, kernels=False)
add('norm/dim3', 'linalg.norm', [torch.ones(2, 2, 2)], {'dim': (0, 1, 2)}, fn=L.norm, kernels=False)
add('norm/str_dim1', 'linalg.norm', [torch.ones(2, 2)], {'ord': 'fro', 'dim': 0}, fn=L.norm, kernels=False)
add('matrix_norm/dim_len', 'linalg.matrix_norm', [torch.ones(2, 2)], {'dim': (0,)}, fn=L.matrix_norm, kernels=False)
add('lu/no_pivot', 'linalg.lu', [torch.eye(3)], {'pivot': False}, fn=L.lu)
add('lu_factor_ex/no_pivot', 'linalg.lu_factor_ex', [torch.eye(3)], {'pivot': False}, fn=L.lu_factor_ex)
add('cholesky_solve/size', 'cholesky_solve', [torch.ones(4, 2), torch.eye(3)])
add('triangular_solve/size', 'triangular_solve', [torch.ones(4, 2), torch.eye(3)])
add('triangular_solve/dtype', 'triangular_solve', [torch.ones(3, 2), torch.eye(3, dtype=torch.float64)])
add('ormqr/other', 'ormqr', [torch.ones(4, 3), torch.ones(3), torch.ones(3, 2)])
add('ormqr/tau', 'ormqr', [torch.ones(4, 3), torch.ones(4), torch.ones(4, 2)])
add('ormqr/dtype', 'ormqr', [torch.ones(4, 3), torch.ones(3), torch.ones(4, 2, dtype=torch.float64)])
add('ormqr/right', 'ormqr', [torch.ones(4, 3), torch.ones(3), torch.ones(2, 3), False])
add('ldl_solve/shape', 'linalg.ldl_solve', [torch.eye(3), torch.ones(3, dtype=torch.int32), torch.ones(4, 1)], fn=L.ldl_solve)
add('ldl_solve/pivots_shape', 'linalg.ldl_solve', [torch.eye(3), torch.ones(2, dtype=torch.int32), torch.ones(3, 1)], fn=L.ldl_solve)
add('ldl_solve/dtype', 'linalg.ldl_solve', [torch.eye(3), torch.ones(3, dtype=torch.int32), torch.ones(3, 1, dtype=torch.float64)], fn=L.ldl_solve)
add('householder_product/batch', 'linalg.householder_product', [torch.ones(2, 3, 2), torch.ones(3, 2)], fn=L.householder_product)
add('lu_unpack/rank', 'lu_unpack', [torch.ones(3), torch.ones(3, dtype=torch.int32)])
add('lu_solve/LU_rect', 'linalg.lu_solve', [torch.ones(2, 3), torch.ones(2, dtype=torch.int32), torch.ones(2, 1)], fn=L.lu_solve)
add('lu_solve/dtype', 'linalg.lu_solve', [torch.eye(3), torch.ones(3, dtype=torch.int32), torch.ones(3, 1, dtype=torch.float64)], fn=L.lu_solve)
add('lu_solve/right_shape', 'linalg.lu_solve', [torch.eye(3), torch.ones(3, dtype=torch.int32), torch.ones(3, 2)], {'left': False}, fn=L.lu_solve)
add('solve/right_shape', 'linalg.solve', [torch.eye(3), torch.ones(3, 2)], {'left': False}, fn=L.solve)
add('solve/batch_broadcast', 'linalg.solve', [torch.eye(3).expand(2, 3, 3), torch.ones(3, 3, 1)], fn=L.solve)
add('vander/bool', 'linalg.vander', [torch.ones(3, dtype=torch.bool)], fn=L.vander, kernels=False)
add('vander/int', 'linalg.vander', [torch.arange(3)], fn=L.vander, kernels=False)
add('vecdot/int', 'linalg.vecdot', [torch.arange(3), torch.arange(3)], fn=L.vecdot, kernels=False)
add('multi_dot/last_3d', 'linalg.multi_dot', [[torch.ones(2, 2), torch.ones(2, 2, 2)]], fn=L.multi_dot, kernels=False)
add('cholesky_inverse/upper_singular', 'cholesky_inverse', [torch.tensor([[1., 2.], [0., 0.]]), True])
add('cholesky_torch/not_pd', 'cholesky', [NPD])
add('inv/float16', 'linalg.inv', [torch.eye(2, dtype=torch.float16)], fn=L.inv)
add('vector_norm/float16', 'linalg.vector_norm', [torch.tensor([3., 4., 1.5], dtype=torch.float16)], fn=L.vector_norm, kernels=False)
# NaN inputs propagate (no error): LAPACK's pivot search keeps a NaN in first place
Nn = torch.tensor([[float('nan'), 1.], [1., 1.]], dtype=torch.float64)
add('det/nan', 'linalg.det', [Nn], fn=L.det)
add('inv/nan', 'linalg.inv', [Nn], fn=L.inv)
add('lu_factor_ex/nan', 'linalg.lu_factor_ex', [Nn], fn=L.lu_factor_ex)
add('cholesky/nan', 'linalg.cholesky', [Nn], fn=L.cholesky)
add('cholesky_ex/nan_last', 'linalg.cholesky_ex', [torch.tensor([[4., 2.], [2., float('nan')]], dtype=torch.float64)], fn=L.cholesky_ex)
add('qr/nan', 'linalg.qr', [Nn], fn=L.qr)

for case in c.cases:
    if case['name'] in NEEDS:
        case['needs'] = 'linalg'
c.write('linalg')

# ---------------------------------------------------------------- autograd node names
# packages/core/fixtures/linalg-grad-fns.json: the grad_fn of each differentiable
# result, by the name packages/antorcha/test/linalg-grad.test.ts computes it under.
from _common import write_json  # noqa: E402

torch.manual_seed(1)
Ag = (torch.randn(3, 3, dtype=torch.float64) + 3 * torch.eye(3, dtype=torch.float64)).requires_grad_()
Sg = (Ag @ Ag.mT + 3 * torch.eye(3, dtype=torch.float64))
Bg = torch.randn(3, 2, dtype=torch.float64, requires_grad=True)
vg = torch.randn(3, dtype=torch.float64, requires_grad=True)
LUg, pg = L.lu_factor(Ag)
ag, taug = torch.geqrf(Ag.detach())
ag.requires_grad_()
GRAD_FNS = {
    'inv': L.inv(Ag), 'inv_ex': L.inv_ex(Ag).inverse, 'inverse': torch.inverse(Ag),
    'solve': L.solve(Ag, Bg), 'solve_ex': L.solve_ex(Ag, Bg).result,
    'det': L.det(Ag), 'det_torch': torch.det(Ag), 'slogdet': L.slogdet(Ag).logabsdet, 'logdet': torch.logdet(Sg),
    'cholesky': L.cholesky(Sg), 'cholesky_ex': L.cholesky_ex(Sg).L, 'cholesky_torch': torch.cholesky(Sg),
    'qr': L.qr(Ag).Q, 'lu_factor': LUg, 'lu_factor_ex': L.lu_factor_ex(Ag).LU, 'lu': L.lu(Ag).L,
    'lu_solve': L.lu_solve(LUg, pg, Bg), 'solve_triangular': L.solve_triangular(Ag, Bg, upper=True),
    'triangular_solve': torch.triangular_solve(Bg, Ag).solution, 'matrix_exp': L.matrix_exp(Ag),
    'householder_product': L.householder_product(ag, taug), 'orgqr': torch.orgqr(ag, taug),
    'cholesky_solve': torch.cholesky_solve(Bg, Ag), 'cholesky_inverse': torch.cholesky_inverse(Ag),
    'lu_unpack': torch.lu_unpack(LUg, pg).U, 'cross': L.cross(Bg.mT, Bg.mT), 'vector_norm': L.vector_norm(Ag),
    'matrix_norm_fro': L.matrix_norm(Ag), 'matrix_norm_1': L.matrix_norm(Ag, 1), 'norm': L.norm(vg),
    'matrix_power_2': L.matrix_power(Ag, 2), 'vecdot': L.vecdot(vg, vg),
    'ormqr': torch.ormqr(ag, taug, Bg), 'geqrf': torch.geqrf(Ag).a,
}
write_json('packages/core/fixtures/linalg-grad-fns.json', {k: type(v.grad_fn).__name__ for k, v in GRAD_FNS.items()})
