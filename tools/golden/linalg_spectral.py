"""Golden cases of torch.linalg's spectral half (issue #14, part 2): svd, svdvals, eigh,
eigvalsh, pinv, matrix_rank, cond, lstsq, the SVD orders of matrix_norm/norm, torch.svd,
torch.pinverse, their errors and autograd node names.

Writes packages/core/fixtures/linalg-spectral.json, read by
packages/antorcha/test/linalg-spectral*.test.ts. Singular vectors and eigenvectors are
unique only up to sign, so the tests compare them after a sign normalisation and through
invariants (reconstruction, orthogonality); values that are unique (singular values,
eigenvalues, pinv, ranks, solutions) are compared directly.

    /usr/bin/python3 tools/golden/linalg_spectral.py
"""
import math

import torch

from _common import DTYPE_NAMES, enc_arg, enc_input, enc_output, write_json

torch.manual_seed(14)
L = torch.linalg
F64 = torch.float64
F32 = torch.float32

cases = []
names = set()


def enc_complex(t):
    """A complex result: dtype, shape and the real and imaginary parts, row-major."""
    name = {torch.complex64: 'complex64', torch.complex128: 'complex128'}[t.dtype]
    return {'dtype': name, 'shape': list(t.shape), 're': enc_output(t.real.contiguous())['values'], 'im': enc_output(t.imag.contiguous())['values']}


def enc_any(out):
    if isinstance(out, torch.Tensor) and out.is_complex():
        return enc_complex(out)
    if isinstance(out, tuple):
        return [enc_any(o) for o in out]
    return enc_output(out)


def add(name, fn, args, kwargs=None, grad_fn=False, meta=None):
    """One case: `fn` names the call the test makes (see the test's CALLS table)."""
    assert name not in names, name
    names.add(name)
    kwargs = kwargs or {}
    enc_args = [enc_input(a) if isinstance(a, torch.Tensor) else a for a in args]
    try:
        out = CALLS[fn](*args, **kwargs)
        expected = enc_any(tuple(out) if isinstance(out, tuple) else out)
    except Exception as e:  # PyTorch's error is the expected result
        expected = {'error': str(e).split('\n')[0], 'type': type(e).__name__}
    case = {'name': name, 'fn': fn, 'args': enc_args, 'kwargs': {k: enc_arg(v) for k, v in kwargs.items()}, 'expected': expected}
    if meta is not None:
        case['meta'] = meta
    if grad_fn:
        leaves = [a.detach().clone().requires_grad_() if isinstance(a, torch.Tensor) and a.is_floating_point() else a for a in args]
        out = CALLS[fn](*leaves, **kwargs)
        outs = list(out) if isinstance(out, tuple) else [out]
        case['grad_fn'] = [o.grad_fn.name() if o.grad_fn is not None else None for o in outs]
    cases.append(case)


CALLS = {
    'linalg.svd': lambda A, **k: L.svd(A, **k),
    'linalg.svdvals': lambda A: L.svdvals(A),
    'linalg.eigh': lambda A, **k: L.eigh(A, **k),
    'linalg.eigvalsh': lambda A, **k: L.eigvalsh(A, **k),
    'linalg.eig': lambda A: L.eig(A),
    'linalg.eigvals': lambda A: L.eigvals(A),
    'linalg.pinv': lambda A, **k: L.pinv(A, **k),
    'linalg.matrix_rank': lambda A, **k: L.matrix_rank(A, **k),
    'linalg.cond': lambda A, p=None: L.cond(A, p),
    'linalg.lstsq': lambda A, B, **k: L.lstsq(A, B, **k),
    'linalg.matrix_norm': lambda A, ord, **k: L.matrix_norm(A, ord, **k),
    'linalg.norm': lambda A, ord, **k: L.norm(A, ord, **k),
    'svd': lambda A, **k: torch.svd(A, **k),
    'pinverse': lambda A, **k: torch.pinverse(A, **k),
    'Tensor.svd': lambda A, **k: A.svd(**k),
    'Tensor.pinverse': lambda A: A.pinverse(),
}


def r(*shape, dtype=F64):
    return torch.randn(*shape, dtype=F64).to(dtype)


def sym(*shape, dtype=F64):
    a = torch.randn(*shape, dtype=F64)
    return (a + a.mT).to(dtype)


def hilbert(n, dtype=F64):
    i = torch.arange(n, dtype=F64)
    return (1 / (i[:, None] + i[None, :] + 1)).to(dtype)


def rank_deficient(m, n, k, dtype=F64):
    return (torch.randn(m, k, dtype=F64) @ torch.randn(k, n, dtype=F64)).to(dtype)


for dt in (F32, F64):
    d = DTYPE_NAMES[dt]
    # --- SVD ---
    for shape in ([3, 3], [4, 3], [3, 5], [2, 3, 4, 3], [1, 1], [6, 2], [64, 64]):
        A = r(*shape, dtype=dt)
        tag = 'x'.join(map(str, shape))
        for full in ((False,) if shape == [64, 64] else (False, True)):  # square: full == thin
            add(f'svd/{d}/{tag}/full={full}', 'linalg.svd', [A], {'full_matrices': full})
        add(f'svdvals/{d}/{tag}', 'linalg.svdvals', [A])
    add(f'svd/{d}/transposed', 'linalg.svd', [r(5, 3, dtype=dt).mT], {'full_matrices': False})
    add(f'svd/{d}/strided', 'linalg.svd', [r(4, 6, dtype=dt)[:, ::2]], {'full_matrices': False})
    add(f'svd/{d}/hilbert8', 'linalg.svd', [hilbert(8, dt)], {'full_matrices': False})
    add(f'svdvals/{d}/hilbert8', 'linalg.svdvals', [hilbert(8, dt)])
    add(f'svdvals/{d}/rank2of5', 'linalg.svdvals', [rank_deficient(5, 4, 2, dt)])
    add(f'svdvals/{d}/zeros', 'linalg.svdvals', [torch.zeros(3, 2, dtype=dt)])
    add(f'svd/{d}/empty0x3', 'linalg.svd', [torch.zeros(0, 3, dtype=dt)])
    add(f'svd/{d}/empty2x0', 'linalg.svd', [torch.zeros(2, 0, dtype=dt)])
    add(f'svd/{d}/emptybatch', 'linalg.svd', [torch.zeros(0, 2, 3, dtype=dt)], {'full_matrices': False})
    add(f'svd/{d}/inf', 'linalg.svd', [torch.tensor([[1.0, math.inf], [0.0, 2.0]], dtype=dt)], {'full_matrices': False})
    add(f'svd/{d}/nan', 'linalg.svd', [torch.tensor([[1.0, math.nan], [0.0, 2.0]], dtype=dt)])
    add(f'svdvals/{d}/nan-batched', 'linalg.svdvals', [torch.tensor([[[1.0, 0.0], [0.0, 2.0]], [[1.0, math.nan], [0.0, 2.0]]], dtype=dt)])
    # --- eigh ---
    for shape in ([3, 3], [5, 5], [2, 4, 4], [1, 1], [64, 64]):
        A = sym(*shape, dtype=dt)
        tag = 'x'.join(map(str, shape))
        add(f'eigh/{d}/{tag}', 'linalg.eigh', [A])
        add(f'eigvalsh/{d}/{tag}', 'linalg.eigvalsh', [A])
    ns = r(4, 4, dtype=dt)  # not symmetric: only one triangle is read
    for uplo in ('L', 'U'):
        add(f'eigh/{d}/uplo={uplo}', 'linalg.eigh', [ns], {'UPLO': uplo})
        add(f'eigvalsh/{d}/uplo={uplo}', 'linalg.eigvalsh', [ns], {'UPLO': uplo})
    add(f'eigh/{d}/hilbert8', 'linalg.eigh', [hilbert(8, dt)])
    add(f'eigvalsh/{d}/repeated', 'linalg.eigvalsh', [torch.diag(torch.tensor([2.0, 1.0, 2.0, 2.0], dtype=dt))])
    add(f'eigvalsh/{d}/diag-dominant', 'linalg.eigvalsh', [(torch.eye(5, dtype=F64) * 1e3 + sym(5, 5)).to(dt)])
    add(f'eigh/{d}/empty', 'linalg.eigh', [torch.zeros(0, 0, dtype=dt)])
    add(f'eigh/{d}/nan', 'linalg.eigh', [torch.tensor([[1.0, math.nan], [math.nan, 2.0]], dtype=dt)])
    add(f'eigvalsh/{d}/transposed', 'linalg.eigvalsh', [sym(4, 4, dtype=dt).mT.contiguous().mT])
    # --- pinv ---
    for shape in ([3, 3], [4, 3], [3, 5], [2, 3, 4, 2]):
        tag = 'x'.join(map(str, shape))
        add(f'pinv/{d}/{tag}', 'linalg.pinv', [r(*shape, dtype=dt)])
    add(f'pinv/{d}/rank2', 'linalg.pinv', [rank_deficient(5, 4, 2, dt)])
    add(f'pinv/{d}/hermitian', 'linalg.pinv', [sym(4, 4, dtype=dt)], {'hermitian': True})
    add(f'pinv/{d}/hermitian-rank1', 'linalg.pinv', [(lambda v: (v @ v.mT).to(dt))(torch.randn(4, 1, dtype=F64))], {'hermitian': True})
    add(f'pinv/{d}/atol', 'linalg.pinv', [torch.diag(torch.tensor([3.0, 1.0, 0.1], dtype=dt))], {'atol': 0.5})
    add(f'pinv/{d}/rtol', 'linalg.pinv', [torch.diag(torch.tensor([3.0, 1.0, 0.1], dtype=dt))], {'rtol': 0.2})
    add(f'pinv/{d}/atol+rtol', 'linalg.pinv', [torch.diag(torch.tensor([3.0, 1.0, 0.1], dtype=dt))], {'atol': 0.05, 'rtol': 0.2})
    add(f'pinv/{d}/rcond', 'linalg.pinv', [torch.diag(torch.tensor([3.0, 1.0, 0.1], dtype=dt))], {'rcond': 0.2})
    add(f'pinv/{d}/empty', 'linalg.pinv', [torch.zeros(0, 3, dtype=dt)])
    diag3 = torch.diag_embed(torch.tensor([[3.0, 1.0, 0.1], [2.0, 0.5, 0.05]], dtype=dt))
    add(f'pinv/{d}/atol-tensor', 'linalg.pinv', [diag3], {'atol': torch.tensor([0.5, 0.01], dtype=F64)})
    add(f'pinv/{d}/rtol-tensor', 'linalg.pinv', [diag3], {'rtol': torch.tensor([0.2, 0.01], dtype=F64)})
    add(f'matrix_rank/{d}/atol-tensor', 'linalg.matrix_rank', [diag3], {'atol': torch.tensor([0.5, 0.01], dtype=F64)})
    add(f'matrix_rank/{d}/rtol-tensor-hermitian', 'linalg.matrix_rank', [diag3], {'rtol': torch.tensor([0.2, 0.01], dtype=F64), 'hermitian': True})
    add(f'pinv/{d}/hilbert6', 'linalg.pinv', [hilbert(6, dt)])
    add(f'pinverse/{d}', 'pinverse', [r(3, 4, dtype=dt)])
    add(f'pinverse/{d}/rcond', 'pinverse', [torch.diag(torch.tensor([3.0, 1.0, 0.1], dtype=dt))], {'rcond': 0.2})
    # --- matrix_rank ---
    add(f'matrix_rank/{d}/full', 'linalg.matrix_rank', [r(4, 3, dtype=dt)])
    add(f'matrix_rank/{d}/rank2', 'linalg.matrix_rank', [rank_deficient(5, 4, 2, dt)])
    add(f'matrix_rank/{d}/batched', 'linalg.matrix_rank', [torch.stack([rank_deficient(4, 4, k, dt) for k in (1, 2, 3)])])
    add(f'matrix_rank/{d}/hermitian', 'linalg.matrix_rank', [(lambda v: (v @ v.mT).to(dt))(torch.randn(5, 2, dtype=F64))], {'hermitian': True})
    add(f'matrix_rank/{d}/atol', 'linalg.matrix_rank', [torch.diag(torch.tensor([3.0, 1.0, 0.1], dtype=dt))], {'atol': 0.5})
    add(f'matrix_rank/{d}/rtol', 'linalg.matrix_rank', [torch.diag(torch.tensor([3.0, 1.0, 0.1], dtype=dt))], {'rtol': 0.02})
    add(f'matrix_rank/{d}/tol', 'linalg.matrix_rank', [torch.diag(torch.tensor([3.0, 1.0, 0.1], dtype=dt))], {'tol': 0.5})
    add(f'matrix_rank/{d}/zeros', 'linalg.matrix_rank', [torch.zeros(3, 3, dtype=dt)])
    add(f'matrix_rank/{d}/empty', 'linalg.matrix_rank', [torch.zeros(2, 0, 3, dtype=dt)])
    add(f'matrix_rank/{d}/hilbert12', 'linalg.matrix_rank', [hilbert(12, dt)])
    # --- cond ---
    A = r(4, 4, dtype=dt)
    for p in (None, 2, -2, 'fro', 'nuc', 1, -1, math.inf, -math.inf):
        add(f'cond/{d}/p={p}', 'linalg.cond', [A], {'p': p})
    add(f'cond/{d}/batched', 'linalg.cond', [r(3, 3, 3, dtype=dt)])
    add(f'cond/{d}/nonsquare-2', 'linalg.cond', [r(3, 5, dtype=dt)])
    add(f'cond/{d}/hilbert6', 'linalg.cond', [hilbert(6, dt)])
    add(f'cond/{d}/singular-1', 'linalg.cond', [torch.zeros(2, 2, dtype=dt)], {'p': 1})
    add(f'cond/{d}/singular-fro-batched', 'linalg.cond', [torch.stack([torch.zeros(2, 2, dtype=dt), torch.eye(2, dtype=dt) * 2])], {'p': 'fro'})
    add(f'cond/{d}/singular-2', 'linalg.cond', [torch.zeros(2, 2, dtype=dt)])
    add(f'cond/{d}/empty', 'linalg.cond', [torch.zeros(0, 0, dtype=dt)], {'p': 1})
    # --- lstsq ---
    for drv in ('gelsy', 'gelsd', 'gelss', 'gels'):
        add(f'lstsq/{d}/{drv}/tall', 'linalg.lstsq', [r(5, 3, dtype=dt), r(5, 2, dtype=dt)], {'driver': drv})
        add(f'lstsq/{d}/{drv}/wide', 'linalg.lstsq', [r(3, 5, dtype=dt), r(3, 2, dtype=dt)], {'driver': drv})
        add(f'lstsq/{d}/{drv}/square', 'linalg.lstsq', [r(4, 4, dtype=dt), r(4, 1, dtype=dt)], {'driver': drv})
        add(f'lstsq/{d}/{drv}/batched-broadcast', 'linalg.lstsq', [r(2, 1, 6, 3, dtype=dt), r(1, 3, 6, 2, dtype=dt)], {'driver': drv})
        add(f'lstsq/{d}/{drv}/vector', 'linalg.lstsq', [r(5, 3, dtype=dt), r(5, dtype=dt)], {'driver': drv})
        add(f'lstsq/{d}/{drv}/batched-vector', 'linalg.lstsq', [r(2, 5, 3, dtype=dt), r(2, 5, dtype=dt)], {'driver': drv})
        if drv != 'gels':  # LAPACK's gels assumes full rank
            add(f'lstsq/{d}/{drv}/rank2', 'linalg.lstsq', [rank_deficient(6, 4, 2, dt), r(6, 2, dtype=dt)], {'driver': drv})
    add(f'lstsq/{d}/gelsd/rcond', 'linalg.lstsq', [torch.diag(torch.tensor([3.0, 1.0, 0.01], dtype=dt)), r(3, 1, dtype=dt)], {'driver': 'gelsd', 'rcond': 0.1})
    add(f'lstsq/{d}/gelsd/batched-partial-rank', 'linalg.lstsq', [torch.stack([r(5, 3, dtype=dt), rank_deficient(5, 3, 2, dt)]), r(2, 5, 2, dtype=dt)], {'driver': 'gelsd'})
    add(f'lstsq/{d}/default', 'linalg.lstsq', [r(6, 4, dtype=dt), r(6, 3, dtype=dt)])
    add(f'lstsq/{d}/empty-rows', 'linalg.lstsq', [torch.zeros(0, 3, dtype=dt), torch.zeros(0, 2, dtype=dt)], {'driver': 'gelsd'})
    add(f'lstsq/{d}/empty-cols', 'linalg.lstsq', [torch.zeros(3, 0, dtype=dt), r(3, 2, dtype=dt)], {'driver': 'gelsd'})
    add(f'lstsq/{d}/hilbert6', 'linalg.lstsq', [hilbert(6, dt), r(6, 1, dtype=dt)], {'driver': 'gelsd'})
    # --- eig / eigvals (complex results; meta.kappa: the condition number of PyTorch's
    # eigenvector matrix, for the Bauer–Fike bound on the eigenvalues) ---
    def eig_case(tag, A):
        kappa = float(L.cond(L.eig(A.to(F64))[1]).max()) if A.numel() else 1.0
        add(f'eig/{d}/{tag}', 'linalg.eig', [A], meta={'kappa': kappa})
        add(f'eigvals/{d}/{tag}', 'linalg.eigvals', [A], meta={'kappa': kappa})
    for shape in ([3, 3], [4, 4], [6, 6], [2, 3, 3], [1, 1], [64, 64]):
        eig_case('x'.join(map(str, shape)), r(*shape, dtype=dt))
    eig_case('rotation', torch.tensor([[0.0, -1.0], [1.0, 0.0]], dtype=dt))
    eig_case('symmetric', sym(4, 4, dtype=dt))
    eig_case('triangular', torch.triu(r(4, 4, dtype=dt)))
    eig_case('empty', torch.zeros(0, 0, dtype=dt))
    add(f'eig/{d}/inf', 'linalg.eig', [torch.tensor([[1.0, math.inf], [0.0, 1.0]], dtype=dt)])
    # (eigvals of a matrix holding NaN is LAPACK-dependent: NaN results, or, for a NaN that
    # balancing isolates, finite ones, or an internal assert in PyTorch 1.13; not a case)
    # --- SVD orders of the norms ---
    A = r(2, 3, 4, dtype=dt)
    for o in (2, -2, 'nuc'):
        add(f'matrix_norm/{d}/{o}', 'linalg.matrix_norm', [A, o])
        add(f'matrix_norm/{d}/{o}/dim', 'linalg.matrix_norm', [A, o], {'dim': (0, 2)})
        add(f'matrix_norm/{d}/{o}/keepdim', 'linalg.matrix_norm', [A, o], {'dim': (2, 1), 'keepdim': True})
        add(f'norm/{d}/{o}', 'linalg.norm', [A[0], o])
    # --- torch.svd, methods ---
    A = r(4, 3, dtype=dt)
    add(f'torch.svd/{d}', 'svd', [A])
    add(f'torch.svd/{d}/some=False', 'svd', [A], {'some': False})
    add(f'torch.svd/{d}/compute_uv=False', 'svd', [A], {'compute_uv': False})
    add(f'torch.svd/{d}/wide/some=False/compute_uv=False', 'svd', [r(2, 5, dtype=dt)], {'some': False, 'compute_uv': False})
    add(f'Tensor.svd/{d}', 'Tensor.svd', [r(3, 5, dtype=dt)])
    add(f'Tensor.pinverse/{d}', 'Tensor.pinverse', [r(3, 5, dtype=dt)])

# --- errors ---
i = torch.ones(3, 3, dtype=torch.int64)
v = torch.ones(3)
f = r(3, 4, dtype=F32)
for fn in ('linalg.svd', 'linalg.svdvals', 'linalg.eigh', 'linalg.eigvalsh', 'linalg.eig', 'linalg.eigvals', 'linalg.pinv', 'linalg.matrix_rank', 'linalg.cond', 'svd', 'pinverse'):
    add(f'error/{fn}/int', fn, [i])
    add(f'error/{fn}/1d', fn, [v])
for fn in ('linalg.eigh', 'linalg.eigvalsh', 'linalg.eig', 'linalg.eigvals'):
    add(f'error/{fn}/nonsquare', fn, [f])
for low in (torch.float16, torch.bfloat16):
    h = torch.eye(2).to(low)
    ln = DTYPE_NAMES[low]
    for fn in ('linalg.svd', 'linalg.svdvals', 'linalg.eigh', 'linalg.eigvalsh', 'linalg.eig', 'linalg.eigvals', 'linalg.pinv', 'linalg.matrix_rank', 'linalg.cond', 'svd', 'pinverse'):
        add(f'error/{fn}/{ln}', fn, [h])
    add(f'error/linalg.lstsq/{ln}', 'linalg.lstsq', [h, h])
add('error/eigh/uplo', 'linalg.eigh', [torch.eye(2)], {'UPLO': 'X'})
add('error/eigvalsh/uplo-lowercase', 'linalg.eigvalsh', [torch.eye(2)], {'UPLO': 'u'})
for p in (1, 'fro', 'nuc', math.inf, -math.inf, -1):
    add(f'error/cond/nonsquare/p={p}', 'linalg.cond', [f], {'p': p})
add('error/cond/p=3', 'linalg.cond', [torch.eye(2)], {'p': 3})
add('error/cond/p=1.5', 'linalg.cond', [torch.eye(2)], {'p': 1.5})
add('error/cond/p=abc', 'linalg.cond', [torch.eye(2)], {'p': 'abc'})
add('error/cond/int/p=1', 'linalg.cond', [i], {'p': 1})
add('error/cond/int/p=nuc', 'linalg.cond', [i], {'p': 'nuc'})
add('error/lstsq/int', 'linalg.lstsq', [i, i])
add('error/lstsq/dtype', 'linalg.lstsq', [f, torch.ones(3, 2, dtype=F64)])
add('error/lstsq/1d', 'linalg.lstsq', [v, v])
add('error/lstsq/0d', 'linalg.lstsq', [f, torch.tensor(1.0)])
add('error/lstsq/rows', 'linalg.lstsq', [f, torch.ones(4, 2)])
add('error/lstsq/rows-vector', 'linalg.lstsq', [f, torch.ones(4)])
add('error/lstsq/driver', 'linalg.lstsq', [f, torch.ones(3, 2)], {'driver': 'foo'})
add('error/lstsq/dims', 'linalg.lstsq', [f, torch.ones(2, 2, 3, 2)])
add('error/lstsq/vector-like-batch', 'linalg.lstsq', [r(2, 5, 3, dtype=F32), r(5, 4, dtype=F32)])
add('error/matrix_norm/2/int', 'linalg.matrix_norm', [i, 2])

# --- autograd node names (float64 leaves) ---
A = r(4, 3)
S = sym(3, 3)
B = r(4, 2)
add('grad_fn/svd', 'linalg.svd', [A], grad_fn=True)
add('grad_fn/svd-thin', 'linalg.svd', [A], {'full_matrices': False}, grad_fn=True)
add('grad_fn/svdvals', 'linalg.svdvals', [A], grad_fn=True)
add('grad_fn/torch.svd', 'svd', [A], grad_fn=True)
add('grad_fn/torch.svd/compute_uv=False', 'svd', [A], {'compute_uv': False}, grad_fn=True)
add('grad_fn/eigh', 'linalg.eigh', [S], grad_fn=True)
add('grad_fn/eigvalsh', 'linalg.eigvalsh', [S], grad_fn=True)
add('grad_fn/pinv', 'linalg.pinv', [A], grad_fn=True)
add('grad_fn/pinv-hermitian', 'linalg.pinv', [S], {'hermitian': True}, grad_fn=True)
add('grad_fn/pinverse', 'pinverse', [A], grad_fn=True)
add('grad_fn/lstsq', 'linalg.lstsq', [A, B], grad_fn=True)
add('grad_fn/lstsq-gelsd', 'linalg.lstsq', [A, B], {'driver': 'gelsd'}, grad_fn=True)
add('grad_fn/lstsq-vector', 'linalg.lstsq', [A, B[:, 0].contiguous()], grad_fn=True)
add('grad_fn/matrix_rank', 'linalg.matrix_rank', [A], grad_fn=True)
add('grad_fn/eig', 'linalg.eig', [r(3, 3)], grad_fn=True)
add('grad_fn/eigvals', 'linalg.eigvals', [r(3, 3)], grad_fn=True)
for p in (None, -2, 'fro', 'nuc', 1):
    add(f'grad_fn/cond/p={p}', 'linalg.cond', [S], {'p': p}, grad_fn=True)
for o in (2, -2, 'nuc'):
    add(f'grad_fn/matrix_norm/{o}', 'linalg.matrix_norm', [A, o], grad_fn=True)

write_json('packages/core/fixtures/linalg-spectral.json', cases)

# --- op-conformance cases (ops-linalg-spectral.json) for the catalogue rows `svd` and
# `pinverse`: results that are unique (singular values; torch.svd's zero U and V without
# compute_uv; the pseudoinverse), run by every backend's conformance suite where it has
# Backend.linalg (`needs: linalg`), with per-element bounds c·n·κ·ε·max|value| (c = 64). ---
from _cases import Cases  # noqa: E402

EPS = {'float32': 2.0 ** -23, 'float64': 2.0 ** -52}
oc = Cases()


def bounded(name, op, args, kwargs=None):
    oc.add(name, op, args, kwargs)
    case = oc.cases[-1]
    case['needs'] = 'linalg'
    A = args[0].detach().to(F64)
    s = L.svdvals(A)
    kappa = float((s[..., 0] / s[..., -1]).max()) if s.numel() else 1.0
    n = max(A.shape[-1], A.shape[-2], 1)
    exp = case['expected']
    for o in (exp if isinstance(exp, list) else [exp]):
        if isinstance(o, dict) and o.get('dtype') in EPS and o.get('values'):
            scale = max([abs(float(v)) for v in o['values'] if isinstance(v, (int, float))] + [1.0])
            b = 64 * n * kappa * EPS[o['dtype']] * scale
            o['bound'] = [b] * len(o['values'])


for dt in (F32, F64):
    d = DTYPE_NAMES[dt]
    bounded(f'svd/{d}/compute_uv=False', 'svd', [r(4, 3, dtype=dt), True, False])
    bounded(f'svd/{d}/wide/some=False/compute_uv=False', 'svd', [r(2, 3, 5, dtype=dt), False, False])
    bounded(f'pinverse/{d}', 'pinverse', [r(3, 4, dtype=dt)])
    bounded(f'pinverse/{d}/batched', 'pinverse', [r(2, 4, 3, dtype=dt)])
    bounded(f'pinverse/{d}/rcond', 'pinverse', [torch.diag(torch.tensor([3.0, 1.0, 0.1], dtype=dt)), 0.2])
oc.write('linalg-spectral')
