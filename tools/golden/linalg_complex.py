"""Golden cases of torch.linalg with complex inputs and of the gradients of linalg.eig /
linalg.eigvals (issue #14): results of the factorization family on complex64/complex128
(conjugate-transpose semantics), PyTorch's errors, and `.grad` values of losses through
them (the conjugate Wirtinger convention for complex leaves, real parts for real ones).

Writes packages/core/fixtures/linalg-complex.json, read by
packages/antorcha/test/linalg-complex.test.ts (its CALLS and LOSSES tables name the
same calls and losses as this script's). Results that are unique are compared
directly; eigenvectors and singular vectors are unique only up to a phase each, so the
losses of the gradient cases are phase-invariant (|V|², V·diag(L)·V⁻¹), and the
phase-dependent ones are cases of PyTorch's error.

    /usr/bin/python3 tools/golden/linalg_complex.py
"""
import torch

from _common import DTYPE_NAMES, enc_value, flat_values, write_json

torch.manual_seed(1414)
L = torch.linalg
C64, C128, F64 = torch.complex64, torch.complex128, torch.float64


def enc(t):
    return {'dtype': DTYPE_NAMES[t.dtype], 'shape': list(t.shape), 'values': flat_values(t.contiguous())}


def enc_out(out):
    if isinstance(out, torch.Tensor):
        return enc(out)
    return [enc_out(o) for o in out]


def err(e):
    return {'error': str(e).split('\n')[0], 'type': type(e).__name__}


def cr(*shape, dtype=C128):
    """A random complex matrix (computed in complex128, then cast)."""
    return torch.randn(*shape, dtype=C128).to(dtype)


def herm_pd(*shape, dtype=C128):
    """A Hermitian positive-definite matrix."""
    a = torch.randn(*shape, dtype=C128)
    n = shape[-1]
    return (a @ a.mH + n * torch.eye(n, dtype=C128)).to(dtype)


def herm(*shape, dtype=C128):
    a = torch.randn(*shape, dtype=C128)
    return (a + a.mH).to(dtype)


# ------------------------------------------------------------------ forward results
CALLS = {
    'linalg.solve': lambda A, B, **k: L.solve(A, B, **k),
    'linalg.solve_ex': lambda A, B, **k: L.solve_ex(A, B, **k),
    'linalg.inv': lambda A: L.inv(A),
    'linalg.inv_ex': lambda A: L.inv_ex(A),
    'linalg.det': lambda A: L.det(A),
    'linalg.slogdet': lambda A: L.slogdet(A),
    'linalg.lu_factor': lambda A: L.lu_factor(A),
    'linalg.lu_factor_ex': lambda A: L.lu_factor_ex(A),
    'linalg.lu': lambda A: L.lu(A),
    'linalg.lu_solve': lambda LU, piv, B, **k: L.lu_solve(LU, piv, B, **k),
    'lu_unpack': lambda LU, piv: torch.lu_unpack(LU, piv),
    'linalg.solve_triangular': lambda A, B, **k: L.solve_triangular(A, B, **k),
    'linalg.tensorinv': lambda A, **k: L.tensorinv(A, **k),
    'linalg.tensorsolve': lambda A, B: L.tensorsolve(A, B),
    'linalg.matrix_power': lambda A, n: L.matrix_power(A, n),
    'linalg.multi_dot': lambda *ms: L.multi_dot(list(ms)),
    'linalg.vecdot': lambda x, y, **k: L.vecdot(x, y, **k),
    'linalg.qr': lambda A, **k: L.qr(A, **k),
    'linalg.householder_product': lambda A, tau: L.householder_product(A, tau),
    'geqrf': lambda A: torch.geqrf(A),
    'ormqr': lambda A, tau, C, **k: torch.ormqr(A, tau, C, **k),
    'linalg.eigh': lambda A, **k: L.eigh(A, **k),
    'linalg.eigvalsh': lambda A, **k: L.eigvalsh(A, **k),
    'linalg.svd': lambda A, **k: L.svd(A, **k),
    'linalg.svdvals': lambda A: L.svdvals(A),
    'linalg.pinv': lambda A, **k: L.pinv(A, **k),
    'linalg.matrix_rank': lambda A, **k: L.matrix_rank(A, **k),
    'linalg.lstsq': lambda A, B, **k: L.lstsq(A, B, **k),
    'linalg.vector_norm': lambda x, **k: L.vector_norm(x, **k),
    'linalg.matrix_norm': lambda A, **k: L.matrix_norm(A, **k),
    'linalg.cond': lambda A, **k: L.cond(A, **k),
    'linalg.matrix_exp': lambda A: L.matrix_exp(A),
    'linalg.ldl_factor': lambda A, **k: L.ldl_factor(A, **k),
    'linalg.ldl_factor_ex': lambda A, **k: L.ldl_factor_ex(A, **k),
    'linalg.ldl_solve': lambda LD, piv, B, **k: L.ldl_solve(LD, piv, B, **k),
    'logdet': lambda A: torch.logdet(A),
    'linalg.eig': lambda A: L.eig(A),
    'linalg.eigvals': lambda A: L.eigvals(A),
    'linalg.cholesky': lambda A, **k: L.cholesky(A, **k),
    'linalg.cholesky_ex': lambda A, **k: L.cholesky_ex(A, **k),
    'linalg.cholesky_ex:info': lambda A: L.cholesky_ex(A).info,
    'cholesky_solve': lambda B, Lf, **k: torch.cholesky_solve(B, Lf, **k),
    'cholesky_inverse': lambda Lf, **k: torch.cholesky_inverse(Lf, **k),
}

forward = []
fnames = set()


def add(name, fn, args, kwargs=None):
    """One forward case: args are tensors (encoded) or plain values."""
    assert name not in fnames, name
    fnames.add(name)
    kwargs = kwargs or {}
    try:
        out = CALLS[fn](*args, **kwargs)
        expected = enc_out(tuple(out) if isinstance(out, tuple) else out)
    except Exception as e:  # noqa: BLE001 — PyTorch's error is the expected result
        expected = err(e)
    forward.append({
        'name': name,
        'fn': fn,
        'args': [enc(a) if isinstance(a, torch.Tensor) else a for a in args],
        # non-finite floats as "inf"/"-inf" (JSON has none)
        'kwargs': {k: enc_value(v) if isinstance(v, float) else v for k, v in kwargs.items()},
        'expected': expected,
    })


for dt in (C64, C128):
    d = DTYPE_NAMES[dt]
    A, B = cr(4, 4, dtype=dt), cr(4, 3, dtype=dt)
    Ab, Bb = cr(2, 3, 3, dtype=dt), cr(2, 3, 2, dtype=dt)
    # --- solve / inv ---
    add(f'solve/{d}/4x4', 'linalg.solve', [A, B])
    add(f'solve/{d}/vector', 'linalg.solve', [A, B[:, 0].contiguous()])
    add(f'solve/{d}/left=False', 'linalg.solve', [A, B.mT.contiguous()], {'left': False})
    add(f'solve/{d}/batched', 'linalg.solve', [Ab, Bb])
    add(f'solve/{d}/broadcast', 'linalg.solve', [cr(3, 3, dtype=dt), Bb])
    add(f'solve/{d}/noncontiguous', 'linalg.solve', [A.mT, B])
    add(f'solve_ex/{d}', 'linalg.solve_ex', [A, B])
    add(f'solve/{d}/singular', 'linalg.solve', [torch.ones(3, 3, dtype=dt), Bb[0]])
    add(f'solve_ex/{d}/singular', 'linalg.solve_ex', [torch.ones(3, 3, dtype=dt), Bb[0]])
    add(f'inv/{d}/4x4', 'linalg.inv', [A])
    add(f'inv/{d}/batched', 'linalg.inv', [Ab])
    add(f'inv/{d}/singular', 'linalg.inv', [torch.ones(3, 3, dtype=dt)])
    add(f'inv/{d}/batched-singular', 'linalg.inv', [torch.stack([Ab[0], torch.ones(3, 3, dtype=dt)])])
    add(f'inv_ex/{d}/singular', 'linalg.inv_ex', [torch.ones(3, 3, dtype=dt)])
    # --- det / slogdet ---
    add(f'det/{d}/4x4', 'linalg.det', [A])
    add(f'det/{d}/batched', 'linalg.det', [Ab])
    add(f'det/{d}/singular', 'linalg.det', [torch.ones(3, 3, dtype=dt)])
    add(f'det/{d}/empty', 'linalg.det', [torch.zeros(0, 0, dtype=dt)])
    add(f'slogdet/{d}/4x4', 'linalg.slogdet', [A])
    add(f'slogdet/{d}/batched', 'linalg.slogdet', [Ab])
    add(f'slogdet/{d}/singular', 'linalg.slogdet', [torch.ones(3, 3, dtype=dt)])
    add(f'logdet/{d}/4x4', 'logdet', [A])
    add(f'logdet/{d}/batched', 'logdet', [Ab])
    # (no singular case: PyTorch's -inf+nanj there comes from its complex + real add, which
    # multiplies the real -inf by the complex alpha 1+0j; Antorcha's add gives -inf+0j)
    # --- LU family ---
    add(f'lu_factor/{d}/4x4', 'linalg.lu_factor', [A])
    add(f'lu_factor/{d}/tall', 'linalg.lu_factor', [cr(5, 3, dtype=dt)])
    add(f'lu_factor/{d}/wide', 'linalg.lu_factor', [cr(3, 5, dtype=dt)])
    add(f'lu_factor_ex/{d}/singular', 'linalg.lu_factor_ex', [torch.ones(3, 3, dtype=dt)])
    add(f'lu/{d}/4x4', 'linalg.lu', [A])
    add(f'lu/{d}/batched-wide', 'linalg.lu', [cr(2, 3, 4, dtype=dt)])
    LU, piv = L.lu_factor(A)
    add(f'lu_solve/{d}', 'linalg.lu_solve', [LU, piv, B])
    add(f'lu_solve/{d}/adjoint', 'linalg.lu_solve', [LU, piv, B], {'adjoint': True})
    add(f'lu_solve/{d}/left=False', 'linalg.lu_solve', [LU, piv, B.mT.contiguous()], {'left': False})
    add(f'lu_solve/{d}/left=False/adjoint', 'linalg.lu_solve', [LU, piv, B.mT.contiguous()], {'left': False, 'adjoint': True})
    add(f'lu_unpack/{d}', 'lu_unpack', [LU, piv])
    # --- triangular ---
    U = torch.triu(A) + 4 * torch.eye(4, dtype=dt)
    add(f'solve_triangular/{d}/upper', 'linalg.solve_triangular', [U, B], {'upper': True})
    add(f'solve_triangular/{d}/lower', 'linalg.solve_triangular', [U.mH.contiguous(), B], {'upper': False})
    add(f'solve_triangular/{d}/right', 'linalg.solve_triangular', [U, B.mT.contiguous()], {'upper': True, 'left': False})
    add(f'solve_triangular/{d}/unit', 'linalg.solve_triangular', [U, B], {'upper': True, 'unitriangular': True})
    # --- composed ---
    add(f'tensorinv/{d}', 'linalg.tensorinv', [cr(4, 2, 2, dtype=dt)], {'ind': 1})
    add(f'tensorsolve/{d}', 'linalg.tensorsolve', [cr(2, 3, 6, dtype=dt), cr(2, 3, dtype=dt)])
    add(f'matrix_power/{d}/3', 'linalg.matrix_power', [A, 3])
    add(f'matrix_power/{d}/-2', 'linalg.matrix_power', [A, -2])
    add(f'multi_dot/{d}', 'linalg.multi_dot', [cr(2, 3, dtype=dt), cr(3, 4, dtype=dt), cr(4, 2, dtype=dt)])
    add(f'vecdot/{d}', 'linalg.vecdot', [cr(3, 4, dtype=dt), cr(3, 4, dtype=dt)])
    add(f'vecdot/{d}/dim0', 'linalg.vecdot', [cr(3, 4, dtype=dt), cr(3, 4, dtype=dt)], {'dim': 0})
    # --- Cholesky (Hermitian positive-definite; only the named triangle is read) ---
    P, Pb = herm_pd(4, 4, dtype=dt), herm_pd(2, 3, 3, dtype=dt)
    add(f'cholesky/{d}/4x4', 'linalg.cholesky', [P])
    add(f'cholesky/{d}/upper', 'linalg.cholesky', [P], {'upper': True})
    add(f'cholesky/{d}/batched', 'linalg.cholesky', [Pb])
    add(f'cholesky/{d}/lower-triangle-only', 'linalg.cholesky', [torch.tril(P) + torch.triu(cr(4, 4, dtype=dt), 1)])
    add(f'cholesky/{d}/not-pd', 'linalg.cholesky', [herm(4, 4, dtype=dt) - 10 * torch.eye(4, dtype=dt)])
    add(f'cholesky/{d}/batched-not-pd', 'linalg.cholesky', [torch.stack([Pb[0], -Pb[1]])])
    # (L after a failed factorization is LAPACK-implementation-defined: only info is compared, as in linalg.py)
    add(f'cholesky_ex/{d}/not-pd', 'linalg.cholesky_ex:info', [-P])
    add(f'cholesky_ex/{d}/batched-not-pd', 'linalg.cholesky_ex:info', [torch.stack([Pb[0], Pb[1] - 20 * torch.eye(3, dtype=dt)])])
    Lf = L.cholesky(P)
    add(f'cholesky_solve/{d}', 'cholesky_solve', [B, Lf])
    add(f'cholesky_solve/{d}/upper', 'cholesky_solve', [B, Lf.mH.contiguous()], {'upper': True})
    add(f'cholesky_inverse/{d}', 'cholesky_inverse', [Lf])
    add(f'cholesky_inverse/{d}/upper', 'cholesky_inverse', [Lf.mH.contiguous()], {'upper': True})
    # --- QR (Householder; R's diagonal real, signs as LAPACK's zlarfg) ---
    for tag, M in (('4x4', A), ('tall', cr(5, 3, dtype=dt)), ('wide', cr(3, 5, dtype=dt)), ('batched', cr(2, 4, 3, dtype=dt))):
        add(f'qr/{d}/{tag}', 'linalg.qr', [M])
        add(f'qr/{d}/{tag}/complete', 'linalg.qr', [M], {'mode': 'complete'})
        add(f'qr/{d}/{tag}/r', 'linalg.qr', [M], {'mode': 'r'})
        add(f'geqrf/{d}/{tag}', 'geqrf', [M])
    G, tau = torch.geqrf(cr(5, 3, dtype=dt))
    add(f'householder_product/{d}', 'linalg.householder_product', [G, tau])
    add(f'householder_product/{d}/k<n', 'linalg.householder_product', [G, tau[:2].contiguous()])
    C = cr(5, 2, dtype=dt)
    add(f'ormqr/{d}', 'ormqr', [G, tau, C])
    add(f'ormqr/{d}/transpose', 'ormqr', [G, tau, C], {'transpose': True})
    add(f'ormqr/{d}/right', 'ormqr', [G, tau, C.mT.contiguous()], {'left': False})
    add(f'ormqr/{d}/right/transpose', 'ormqr', [G, tau, C.mT.contiguous()], {'left': False, 'transpose': True})
    # --- eigh / eigvalsh (Hermitian; eigenvectors compared up to a phase each) ---
    Hm = herm(4, 4, dtype=dt)
    for tag, M, k in (('4x4', Hm, {}), ('upper', Hm, {'UPLO': 'U'}), ('batched', herm(2, 3, 3, dtype=dt), {}),
                      ('lower-triangle-only', torch.tril(Hm) + torch.triu(cr(4, 4, dtype=dt), 1), {}),
                      ('upper-triangle-only', torch.triu(Hm) + torch.tril(cr(4, 4, dtype=dt), -1), {'UPLO': 'U'}),
                      ('6x6', herm(6, 6, dtype=dt), {}), ('empty', torch.zeros(0, 0, dtype=dt), {})):
        add(f'eigh/{d}/{tag}', 'linalg.eigh', [M], k)
        add(f'eigvalsh/{d}/{tag}', 'linalg.eigvalsh', [M], k)
    # --- SVD (S unique; U, Vh compared through invariants and up to a phase per pair) ---
    for tag, M in (('4x4', A), ('tall', cr(5, 3, dtype=dt)), ('wide', cr(3, 5, dtype=dt)), ('batched', cr(2, 4, 3, dtype=dt)),
                   ('rank2', (cr(5, 2) @ cr(2, 4)).to(dt)), ('empty', torch.zeros(0, 3, dtype=dt))):
        add(f'svd/{d}/{tag}', 'linalg.svd', [M], {'full_matrices': False})
        add(f'svd/{d}/{tag}/full', 'linalg.svd', [M])
        add(f'svdvals/{d}/{tag}', 'linalg.svdvals', [M])
    # --- built on the SVD / eigh / inv ---
    R2 = (cr(5, 2) @ cr(2, 4)).to(dt)
    add(f'pinv/{d}/tall', 'linalg.pinv', [cr(5, 3, dtype=dt)])
    add(f'pinv/{d}/wide-batched', 'linalg.pinv', [cr(2, 3, 4, dtype=dt)])
    add(f'pinv/{d}/rank2', 'linalg.pinv', [R2])
    add(f'pinv/{d}/hermitian', 'linalg.pinv', [herm(4, 4, dtype=dt)], {'hermitian': True})
    add(f'matrix_rank/{d}/full', 'linalg.matrix_rank', [A])
    add(f'matrix_rank/{d}/rank2', 'linalg.matrix_rank', [R2])
    add(f'matrix_rank/{d}/hermitian', 'linalg.matrix_rank', [herm(4, 4, dtype=dt)], {'hermitian': True})
    for drv in ('gelsy', 'gelsd', 'gelss', 'gels'):
        add(f'lstsq/{d}/{drv}/tall', 'linalg.lstsq', [cr(5, 3, dtype=dt), cr(5, 2, dtype=dt)], {'driver': drv})
    add(f'lstsq/{d}/gelsd/batched', 'linalg.lstsq', [cr(2, 5, 3, dtype=dt), cr(2, 5, 2, dtype=dt)], {'driver': 'gelsd'})
    v = cr(2, 5, dtype=dt)
    for o in (2, 1, float('inf'), -float('inf'), 0, 3.5):
        add(f'vector_norm/{d}/{o}', 'linalg.vector_norm', [v], {'ord': o})
    add(f'vector_norm/{d}/dim', 'linalg.vector_norm', [v], {'dim': 1})
    for o in ('fro', 'nuc', 1, -1, 2, -2, float('inf'), -float('inf')):
        add(f'matrix_norm/{d}/{o}', 'linalg.matrix_norm', [Ab], {'ord': o})
    for o in (None, 'fro', 'nuc', 1, -2, float('inf')):
        add(f'cond/{d}/{o}', 'linalg.cond', [A], {'p': o})
    add(f'matrix_exp/{d}', 'linalg.matrix_exp', [A * 0.5])
    add(f'matrix_exp/{d}/batched', 'linalg.matrix_exp', [Ab])
    # --- LDL (Bunch–Kaufman; complex symmetric by default, Hermitian with hermitian=True) ---
    Sy = cr(5, 5, dtype=dt)
    Sy = Sy + Sy.mT
    He = herm(5, 5, dtype=dt)
    # an indefinite matrix with small diagonal: 2×2 pivots
    Sm = (cr(5, 5) * 0.1 + torch.diag(torch.tensor([0.01, -0.02, 0.03, 0.001, -0.05], dtype=C128))).to(dt)
    for tag, M, k in (('symmetric', Sy, {}), ('hermitian', He, {'hermitian': True}), ('small-diag', Sm + Sm.mT, {}),
                      ('small-diag-hermitian', Sm + Sm.mH, {'hermitian': True}), ('batched', torch.stack([Sy, Sy * 2]), {})):
        add(f'ldl_factor/{d}/{tag}', 'linalg.ldl_factor', [M], k)
        LD, piv = L.ldl_factor(M, **k)
        add(f'ldl_solve/{d}/{tag}', 'linalg.ldl_solve', [LD, piv, cr(*M.shape[:-1], 2, dtype=dt)], k)
    add(f'ldl_factor_ex/{d}/singular', 'linalg.ldl_factor_ex', [torch.zeros(3, 3, dtype=dt)])
    # --- eig / eigvals (eigenvalues compared as sets, eigenvectors up to a phase each) ---
    for tag, M in (('4x4', A), ('batched', Ab), ('6x6', cr(6, 6, dtype=dt)), ('1x1', cr(1, 1, dtype=dt)),
                   ('hermitian', herm(4, 4, dtype=dt)), ('triangular', torch.triu(cr(4, 4, dtype=dt))),
                   ('empty', torch.zeros(0, 0, dtype=dt))):
        add(f'eig/{d}/{tag}', 'linalg.eig', [M])
        add(f'eigvals/{d}/{tag}', 'linalg.eigvals', [M])
    add(f'eig/{d}/inf', 'linalg.eig', [torch.tensor([[1, complex('inf')], [0, 1]], dtype=dt)])
    # --- errors ---
    add(f'error/solve/{d}/dtype', 'linalg.solve', [A, B.to(C128 if dt == C64 else C64)])
    add(f'error/solve/{d}/real-B', 'linalg.solve', [A, B.real.contiguous()])

# ------------------------------------------------------------------ gradients
# Each case: the loss (named in the test's LOSSES table), the leaves, PyTorch's loss
# value and `.grad` of each leaf, or PyTorch's error.
grads = []
gnames = set()


def vnorm(V, w):
    """Σ w_i·|V_ij|², weights by row: invariant to the eigenvectors' phases and to their order."""
    return (V.abs() ** 2 * w.unsqueeze(-1)).sum()


LOSSES = {
    # phase-invariant functions of eig's results
    'eig_abs': lambda A: L.eig(A)[0].abs().sum() + vnorm(L.eig(A)[1], torch.arange(1, A.shape[-1] + 1, dtype=F64)),
    'eig_vectors_abs2': lambda A: vnorm(L.eig(A)[1], torch.arange(1, A.shape[-1] + 1, dtype=F64)),
    'eig_values_poly': lambda A: (L.eig(A)[0] ** 2).real.sum() + L.eig(A)[0].imag.abs().sum(),
    'eig_reconstruct': lambda A: (lambda r: (r[1] @ torch.diag_embed(r[0]) @ L.inv(r[1])).abs().pow(2).sum())(L.eig(A)),
    'eigvals_real': lambda A: L.eigvals(A).real.sum(),
    'eigvals_abs': lambda A: L.eigvals(A).abs().sum(),
    'eigvals_prod': lambda A: torch.view_as_real(L.eigvals(A).prod(-1)).sum(),
    # phase-dependent: PyTorch's error
    'eig_vectors_real': lambda A: L.eig(A)[1].real.sum(),
    'eig_vectors_imag': lambda A: L.eig(A)[1].imag.sum(),
    # complex factorizations (holomorphic ones and slogdet's sign)
    'solve_abs2': lambda A, B: L.solve(A, B).abs().pow(2).sum(),
    'solve_left_false': lambda A, B: L.solve(A, B.mT, left=False).abs().sum(),
    'inv_abs': lambda A: L.inv(A).abs().sum(),
    'det_abs': lambda A: L.det(A).abs(),
    'det_real': lambda A: L.det(A).real.sum(),
    'slogdet_both': lambda A: (lambda r: r[0].imag.sum() + r[0].real.sum() + r[1].sum())(L.slogdet(A)),
    'lu_abs': lambda A: (lambda r: r[1].abs().sum() + r[2].abs().pow(2).sum())(L.lu(A)),
    'lu_factor_abs': lambda A: L.lu_factor(A)[0].abs().sum(),
    'cholesky_abs': lambda X: L.cholesky(X @ X.mH + X.shape[-1] * torch.eye(X.shape[-1], dtype=X.dtype)).abs().sum(),
    'cholesky_upper_abs': lambda X: L.cholesky(X @ X.mH + X.shape[-1] * torch.eye(X.shape[-1], dtype=X.dtype), upper=True).abs().sum(),
    'cholesky_solve_abs': lambda X, B: torch.cholesky_solve(B, L.cholesky(X @ X.mH + X.shape[-1] * torch.eye(X.shape[-1], dtype=X.dtype))).abs().sum(),
    'cholesky_inverse_abs': lambda X: torch.cholesky_inverse(L.cholesky(X @ X.mH + X.shape[-1] * torch.eye(X.shape[-1], dtype=X.dtype))).abs().sum(),
    'qr_abs': lambda A: (lambda r: r[0].abs().pow(2).sum(-2).sum() + (r[0] * r[1].diagonal(0, -2, -1).unsqueeze(-2)).real.sum() + r[1].abs().sum())(L.qr(A)),
    'qr_wide_abs': lambda A: (lambda r: r[0].abs().sum() + r[1].abs().sum())(L.qr(A[..., :2, :])),
    'eigh_abs': lambda X: (lambda r: r[0].sum() + (r[0].unsqueeze(-2) * r[1].abs() ** 2 * torch.arange(1, X.shape[-1] + 1, dtype=r[0].dtype).unsqueeze(-1)).sum())(L.eigh(X + X.mH)),
    'eigh_reconstruct': lambda X: (lambda r: (r[1] @ torch.diag_embed(r[0]).to(r[1].dtype) @ r[1].mH).abs().sum())(L.eigh(X + X.mH, UPLO='U')),
    'eigvalsh_sum2': lambda X: (L.eigvalsh(X + X.mH) ** 2 * torch.arange(1, X.shape[-1] + 1, dtype=torch.float64)).sum(),
    'eigh_vectors_real': lambda X: L.eigh(X + X.mH)[1].real.sum(),
    'svd_invariant': lambda A: (lambda r: r[1].sum() + (r[0] @ r[2]).abs().sum() + (r[0].abs() ** 2 * torch.arange(1, A.shape[-2] + 1, dtype=torch.float64).unsqueeze(-1)).sum())(L.svd(A, full_matrices=False)),
    'svdvals_sum': lambda A: (L.svdvals(A) * torch.arange(1, min(A.shape[-2:]) + 1, dtype=torch.float64)).sum(),
    'svd_phase': lambda A: L.svd(A)[0].real.sum(),
    'householder_product_abs': lambda A, tau: L.householder_product(A, tau).abs().sum(),
    'ormqr_abs': lambda A, tau, C: (torch.ormqr(A, tau, C).abs().sum() + torch.ormqr(A, tau, C, transpose=True).abs().sum()),
    'lu_solve_adjoint_abs': lambda A, B: (lambda f: L.lu_solve(f[0], f[1], B, adjoint=True).abs().sum() + L.lu_solve(f[0], f[1], B.mT, left=False).abs().sum())(L.lu_factor(A)),
    'pinv_abs': lambda A: L.pinv(A).abs().sum(),
    'lstsq_abs': lambda A, B: L.lstsq(A, B).solution.abs().sum(),
    'matrix_exp_abs': lambda A: L.matrix_exp(A).abs().sum(),
    'norms': lambda A: L.matrix_norm(A) + L.matrix_norm(A, 'nuc') + L.vector_norm(A, 3) + L.matrix_norm(A, 2),
    'solve_triangular_abs': lambda A, B: L.solve_triangular(A.triu() + 3 * torch.eye(A.shape[-1], dtype=A.dtype), B, upper=True).abs().sum(),
}


def gadd(name, loss, inputs):
    assert name not in gnames, name
    gnames.add(name)
    leaves = [x.detach().clone().requires_grad_() for x in inputs]
    case = {'name': name, 'loss': loss, 'inputs': [enc(x) for x in inputs]}
    try:
        out = LOSSES[loss](*leaves)
        out.backward()
        case['value'] = enc(out.detach())
        case['grads'] = [enc(x.grad) if x.grad is not None else None for x in leaves]
    except Exception as e:  # noqa: BLE001
        case['expected'] = err(e)
    grads.append(case)


def rr(*shape):
    return torch.randn(*shape, dtype=F64)


for tag, A in (('real-3x3', rr(3, 3)), ('real-4x4', rr(4, 4)), ('real-batched', rr(2, 3, 3)),
               ('complex-3x3', cr(3, 3)), ('complex-batched', cr(2, 3, 3)), ('complex64-3x3', cr(3, 3, dtype=C64))):
    for loss in ('eig_abs', 'eig_vectors_abs2', 'eig_values_poly', 'eig_reconstruct', 'eigvals_real', 'eigvals_abs', 'eigvals_prod'):
        gadd(f'{loss}/{tag}', loss, [A])
# (a real matrix with a complex pair, so that its eigenvectors are complex: a real
# eigenvector would be fixed only up to sign, and a sign-dependent loss is no error in PyTorch)
for tag, A in (('real-3x3', torch.tensor([[1.0, -2.0, 0.5], [2.0, 1.0, 0.0], [0.3, 0.0, 3.0]], dtype=F64)), ('complex-3x3', cr(3, 3))):
    for loss in ('eig_vectors_real', 'eig_vectors_imag'):
        gadd(f'{loss}/{tag}', loss, [A])
for tag, dt in (('complex128', C128), ('complex64', C64)):
    A, B = cr(3, 3, dtype=dt), cr(3, 2, dtype=dt)
    gadd(f'solve_abs2/{tag}', 'solve_abs2', [A, B])
    gadd(f'solve_left_false/{tag}', 'solve_left_false', [A, B])
    gadd(f'inv_abs/{tag}', 'inv_abs', [A])
    gadd(f'det_abs/{tag}', 'det_abs', [A])
    gadd(f'det_real/{tag}', 'det_real', [cr(2, 3, 3, dtype=dt)])
    gadd(f'slogdet_both/{tag}', 'slogdet_both', [A])
    gadd(f'lu_abs/{tag}', 'lu_abs', [A])
    gadd(f'lu_factor_abs/{tag}', 'lu_factor_abs', [A])
    gadd(f'solve_triangular_abs/{tag}', 'solve_triangular_abs', [A, B])
    for loss in ('cholesky_abs', 'cholesky_upper_abs', 'cholesky_inverse_abs'):
        gadd(f'{loss}/{tag}', loss, [A])
    gadd(f'cholesky_solve_abs/{tag}', 'cholesky_solve_abs', [A, B])
    gadd(f'qr_abs/{tag}', 'qr_abs', [A])
    gadd(f'qr_abs/{tag}/tall', 'qr_abs', [cr(4, 3, dtype=dt)])
    gadd(f'qr_wide_abs/{tag}', 'qr_wide_abs', [A])
    for loss in ('eigh_abs', 'eigh_reconstruct', 'eigvalsh_sum2', 'eigh_vectors_real'):
        gadd(f'{loss}/{tag}', loss, [A])
    gadd(f'householder_product_abs/{tag}', 'householder_product_abs', [cr(5, 3, dtype=dt), cr(3, dtype=dt)])
    gadd(f'ormqr_abs/{tag}', 'ormqr_abs', [cr(5, 3, dtype=dt), cr(3, dtype=dt), cr(5, 2, dtype=dt)])
    gadd(f'lu_solve_adjoint_abs/{tag}', 'lu_solve_adjoint_abs', [A, B])
    gadd(f'pinv_abs/{tag}', 'pinv_abs', [cr(4, 3, dtype=dt)])
    gadd(f'pinv_abs/{tag}/wide', 'pinv_abs', [cr(3, 4, dtype=dt)])
    gadd(f'lstsq_abs/{tag}', 'lstsq_abs', [cr(5, 3, dtype=dt), cr(5, 2, dtype=dt)])
    gadd(f'matrix_exp_abs/{tag}', 'matrix_exp_abs', [A])
    gadd(f'norms/{tag}', 'norms', [A])
    for shape in ((3, 3), (4, 3), (3, 5)):
        M = cr(*shape, dtype=dt)
        for loss in ('svd_invariant', 'svdvals_sum', 'svd_phase'):
            gadd(f'{loss}/{tag}/{shape[0]}x{shape[1]}', loss, [M])

write_json('packages/core/fixtures/linalg-complex.json', {'forward': forward, 'grads': grads})
