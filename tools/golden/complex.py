"""Golden values of complex64/complex128 tensors (packages/core/fixtures/complex.json).

Inputs and results are row-major [re, im] pairs (see _common.enc_value). Sections:
repr (torch's _tensor_str for complex, Python's repr of complex scalars), unary and
binary elementwise ops (special values included), promotion (result_type with
complex scalars and tensors), reductions, products, casts and errors.
Casts to bool follow PyTorch 2.x, not 1.13: 1.13 reads the real part only, 2.x
(c10/util/TypeCast.h, maybe_bool: `src.real() || src.imag()`) is true where either part is
nonzero, so the reference is `(z.real != 0) | (z.imag != 0)` (see ops_complex.py's note).
Run with Debian's PyTorch: /usr/bin/python3 tools/golden/complex.py
"""
import math

import torch

from _common import DTYPE_NAMES, enc_value, flat_values, write_json

torch.manual_seed(0)
inf, nan = math.inf, math.nan


def enc(t):
    return {'dtype': DTYPE_NAMES[t.dtype], 'shape': list(t.shape), 'values': flat_values(t.contiguous())}


def err(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001
        return {'type': type(e).__name__, 'message': str(e).split('\n')[0]}
    raise AssertionError('expected an error')


# ------------------------------------------------------------------ repr
REPR_INPUTS = [
    ([1 + 2j, -1j], torch.complex64),
    ([1 + 2j, -1j], torch.complex128),
    ([1.5 + 2j], torch.complex64),
    ([1e10 + 1j, 0.001 - 2.5j], torch.complex64),
    ([[1 + 1j, 2 - 3.25j], [-0.5 + 0j, 100 + 1e-5j]], torch.complex64),
    ([complex(nan, 1), complex(inf, -inf), 0j], torch.complex64),
    ([0j, 0j], torch.complex128),
    ([], torch.complex64),
    ([123456.789 + 0.5j, -2 + 3j], torch.complex128),
]
reprs = []
for data, dt in REPR_INPUTS:
    t = torch.tensor(data, dtype=dt)
    reprs.append({'input': enc(t), 'repr': repr(t)})
for dt in (torch.complex64, torch.complex128):
    t = torch.randn(2, 3, dtype=dt)
    reprs.append({'input': enc(t), 'repr': repr(t)})
    t = torch.randn(40, dtype=dt)
    reprs.append({'input': enc(t), 'repr': repr(t)})
    t = torch.randn(1100, dtype=dt) * 10
    reprs.append({'input': enc(t), 'repr': repr(t)})
t = torch.tensor(1.5 + 2j)
reprs.append({'input': enc(t), 'repr': repr(t)})

SCALARS = [1 + 2j, complex(-0.0, 2), 2j, complex(1, nan), complex(1e16, -1e-5), complex(-1.5, -0.0), complex(inf, 0), 0j]
scalar_reprs = [{'value': enc_value(z), 'repr': repr(z)} for z in SCALARS]

# ------------------------------------------------------------------ elementwise
def inputs(dt):
    base = torch.tensor([0.5 + 0.25j, -1.25 + 2j, 3 - 0.75j, -0.3 - 0.4j, 2.5 + 0j, 0 - 1.5j, 0.001 + 0.002j, -4 + 0.5j], dtype=dt)
    return base


SPECIAL = [0j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(inf, 0), complex(-inf, 0), complex(0, inf), complex(nan, 0),
           complex(1, nan), complex(-2, 0.0), complex(-2, -0.0), complex(1e-20, 1e-20), complex(30, 1), complex(-30, 1)]

UNARY = ['neg', 'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sqrt', 'rsqrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan',
         'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'sigmoid', 'reciprocal', 'square', 'abs', 'angle', 'sgn', 'conj',
         'isnan', 'isinf', 'isfinite', 'logical_not', 'exp2', 'isreal']
import mpmath  # noqa: E402

mpmath.mp.dps = 50
MP = {
    'exp': mpmath.exp, 'log': mpmath.log, 'log2': lambda z: mpmath.log(z) / mpmath.log(2), 'log10': lambda z: mpmath.log(z) / mpmath.log(10),
    'sqrt': mpmath.sqrt, 'rsqrt': lambda z: 1 / mpmath.sqrt(z), 'sin': mpmath.sin, 'cos': mpmath.cos, 'tan': mpmath.tan,
    'asin': mpmath.asin, 'acos': mpmath.acos, 'atan': mpmath.atan, 'sinh': mpmath.sinh, 'cosh': mpmath.cosh, 'tanh': mpmath.tanh,
    'asinh': mpmath.asinh, 'acosh': mpmath.acosh, 'atanh': mpmath.atanh, 'sigmoid': lambda z: 1 / (1 + mpmath.exp(-z)),
    'reciprocal': lambda z: 1 / z,
}
unary = []
for dt in (torch.complex64, torch.complex128):
    for name in UNARY:
        for kind, x in (('finite', inputs(dt)), ('special', torch.tensor(SPECIAL, dtype=dt))):
            if name == 'exp2' and kind == 'special':
                continue
            try:
                y = getattr(torch, name)(x)
            except Exception as e:  # noqa: BLE001
                unary.append({'op': name, 'kind': kind, 'input': enc(x), 'error': str(e).split('\n')[0]})
                continue
            case = {'op': name, 'kind': kind, 'input': enc(x), 'output': enc(y.resolve_conj())}
            if kind == 'finite' and name in MP:
                # the exact result (50 digits) as complex128: PyTorch's kernels lose digits to
                # cancellation in some formulas (asin, atan, …); a result no farther from this
                # than PyTorch's own passes too
                exact = [complex(MP[name](mpmath.mpc(z.real, z.imag))) for z in x.tolist()]
                case['exact'] = enc(torch.tensor(exact, dtype=torch.complex128))
            unary.append(case)

# PyTorch 2.x computes expm1, log1p and exp2 of complex tensors (c10/util/complex_math.h,
# `expm1`/`log1p` added in 2.1, exp2 in 2.0); 1.13 raises "not implemented", recorded above.
# Their reference values here are the exact results (mpmath, 50 digits) rounded to the dtype.
EXACT = {'expm1': mpmath.expm1, 'log1p': mpmath.log1p, 'exp2': lambda z: mpmath.power(2, z)}
exact_unary = []
for dt in (torch.complex64, torch.complex128):
    x = inputs(dt)
    for name, f in EXACT.items():
        vals = [complex(f(mpmath.mpc(z.real, z.imag))) for z in x.tolist()]
        exact_unary.append({'op': name, 'input': enc(x), 'output': enc(torch.tensor(vals, dtype=dt))})

binary = []
for dt in (torch.complex64, torch.complex128):
    a = torch.randn(3, 4, dtype=dt)
    b = torch.randn(4, dtype=dt)
    for name in ('add', 'sub', 'mul', 'div', 'pow', 'eq', 'ne'):
        binary.append({'op': name, 'a': enc(a), 'b': enc(b), 'output': enc(getattr(torch, name)(a, b))})
    # large and small operands: 1.13's vectorized quotient is the plain (ac+bd, bc-ad)/(c²+d²), which
    # overflows or underflows; 2.x scales it (aten/src/ATen/cpu/vec/vec256/vec256_complex_double.h,
    # operator/) as c10::complex's scalar operator/ does: the reference is the exact quotient
    big = 1e300 if dt == torch.complex128 else 1e30
    tiny = 1e-300 if dt == torch.complex128 else 1e-30
    n = torch.tensor([big + big * 1j, 1 + 0j, 3 - 2j, tiny + tiny * 1j], dtype=dt)
    d = torch.tensor([big + big * 1j, tiny * 1j, big - 2 * big * 1j, tiny - tiny * 1j], dtype=dt)
    q_exact = [complex(mpmath.mpc(a.real, a.imag) / mpmath.mpc(b.real, b.imag)) for a, b in zip(n.tolist(), d.tolist())]
    binary.append({'op': 'div', 'a': enc(n), 'b': enc(d), 'output': enc(torch.tensor(q_exact, dtype=dt)), 'reference': 'exact (2.x scales the quotient)'})
    p = torch.tensor([0j, 0j, 1 + 1j, -1 + 0j], dtype=dt)
    q = torch.tensor([0j, 2 + 0j, 0.5 + 0.5j, 0.5 + 0j], dtype=dt)
    binary.append({'op': 'pow', 'a': enc(p), 'b': enc(q), 'output': enc(torch.pow(p, q))})

scalar_ops = []
real32 = torch.tensor([1.5, -2.0, 0.25])
real64 = torch.tensor([1.5, -2.0, 0.25], dtype=torch.float64)
ints = torch.tensor([1, -2, 3])
c64 = torch.tensor([1 + 2j, -0.5 + 0.25j, 3 - 1j])
c128 = c64.to(torch.complex128)
for tname, t in (('real32', real32), ('real64', real64), ('ints', ints), ('c64', c64), ('c128', c128)):
    for op in ('add', 'sub', 'mul', 'div'):
        for s in (0.5 + 2j, 2, 1.5):
            r = getattr(torch, op)(t, s)
            scalar_ops.append({'tensor': tname, 'input': enc(t), 'op': op, 'scalar': enc_value(s), 'output': enc(r)})
    for e in (2, 3, -2, 0.5, -0.5, -1, 1.5, 0, 1):
        if t.dtype.is_complex:
            scalar_ops.append({'tensor': tname, 'input': enc(t), 'op': 'pow', 'scalar': enc_value(e), 'output': enc(torch.pow(t, e))})
    scalar_ops.append({'tensor': tname, 'input': enc(t), 'op': 'pow', 'scalar': enc_value(0.5 + 1j), 'output': enc(torch.pow(t, 0.5 + 1j))})
    scalar_ops.append({'tensor': tname, 'input': enc(t), 'op': 'rsub', 'scalar': enc_value(1j), 'output': enc(1j - t)})
    scalar_ops.append({'tensor': tname, 'input': enc(t), 'op': 'rdiv', 'scalar': enc_value(1j), 'output': enc(1j / t)})

# ------------------------------------------------------------------ promotion
promo = []
TS = {
    'f32': torch.tensor([1.0]), 'f64': torch.tensor([1.0], dtype=torch.float64), 'i64': torch.tensor([1]), 'b': torch.tensor([True]),
    'c64': torch.tensor([1j]), 'c128': torch.tensor([1j], dtype=torch.complex128),
    'f32_0': torch.tensor(1.0), 'f64_0': torch.tensor(1.0, dtype=torch.float64), 'i64_0': torch.tensor(1), 'c64_0': torch.tensor(1j),
    'c128_0': torch.tensor(1j, dtype=torch.complex128),
}
OTHERS = dict(TS)
OTHERS.update({'py_complex': 1j, 'py_float': 1.5, 'py_int': 2})
for an, a in TS.items():
    for bn, b in OTHERS.items():
        promo.append({'a': an, 'b': bn, 'result': DTYPE_NAMES[torch.result_type(a, b)]})

# ------------------------------------------------------------------ reductions and products
reductions = []
for dt in (torch.complex64, torch.complex128):
    x = torch.randn(3, 5, dtype=dt)
    for name, f in (('sum', lambda x: x.sum()), ('sum0', lambda x: x.sum(0)), ('sum1k', lambda x: x.sum(1, keepdim=True)),
                    ('mean', lambda x: x.mean()), ('mean1', lambda x: x.mean(1)), ('prod1', lambda x: x.prod(1)), ('prod', lambda x: x.prod()),
                    ('cumsum1', lambda x: x.cumsum(1)), ('cumprod1', lambda x: x.cumprod(1)), ('var', lambda x: x.var()),
                    ('std0', lambda x: x.std(0)), ('var1u', lambda x: x.var(1, unbiased=False)), ('norm', lambda x: x.norm()),
                    ('norm1_dim', lambda x: x.norm(1, 1))):
        reductions.append({'op': name, 'input': enc(x), 'output': enc(f(x))})

products = []
for dt in (torch.complex64, torch.complex128):
    a = torch.randn(3, 4, dtype=dt)
    b = torch.randn(4, 2, dtype=dt)
    v = torch.randn(4, dtype=dt)
    w = torch.randn(4, dtype=dt)
    ba = torch.randn(2, 3, 4, dtype=dt)
    bb = torch.randn(2, 4, 5, dtype=dt)
    products.append({'op': 'mm', 'args': [enc(a), enc(b)], 'output': enc(torch.mm(a, b))})
    products.append({'op': 'matmul', 'args': [enc(a), enc(b)], 'output': enc(torch.matmul(a, b))})
    products.append({'op': 'mv', 'args': [enc(a), enc(v)], 'output': enc(torch.mv(a, v))})
    # Debian's 1.13 returns 0 from complex dot/vdot (its BLAS's complex-return ABI for
    # cdotu/zdotu): the reference is the same sum taken elementwise
    products.append({'op': 'dot', 'args': [enc(v), enc(w)], 'output': enc((v * w).sum())})
    products.append({'op': 'vdot', 'args': [enc(v), enc(w)], 'output': enc((v.conj() * w).sum())})
    products.append({'op': 'bmm', 'args': [enc(ba), enc(bb)], 'output': enc(torch.bmm(ba, bb))})

# ------------------------------------------------------------------ casts
casts = []
src = torch.tensor([1.7 + 2j, -0.5 + 0j, 0 + 0j, 0 - 3j, -2.6 - 1j])
for dt in (torch.float32, torch.float64, torch.int64, torch.int32, torch.uint8, torch.bool, torch.complex128, torch.complex64):
    out = (src.real != 0) | (src.imag != 0) if dt == torch.bool else src.to(dt)  # bool: 2.x's cast
    casts.append({'input': enc(src), 'dtype': DTYPE_NAMES[dt], 'output': enc(out)})
for s in (torch.tensor([1.5, -2.0]), torch.tensor([3, -4]), torch.tensor([True, False])):
    for dt in (torch.complex64, torch.complex128):
        casts.append({'input': enc(s), 'dtype': DTYPE_NAMES[dt], 'output': enc(s.to(dt))})

# ------------------------------------------------------------------ creation
creation = {
    'full': enc(torch.full((2,), 1 + 2j)),
    'full128': enc(torch.full((2,), 3, dtype=torch.complex128)),
    'linspace': enc(torch.linspace(0, 1, 5, dtype=torch.complex64)),
    'frombuffer': enc(torch.frombuffer(bytearray(torch.tensor([1.5, -2, 3, 4]).numpy().tobytes()), dtype=torch.complex64)),
    'ones': enc(torch.ones(2, dtype=torch.complex64)),
    'eye': enc(torch.eye(2, dtype=torch.complex128)),
}
_zm = torch.tensor([[1 + 2j, 3 - 4j, 0j], [-7 + 8j, 9 + 0j, -1j]])
_zs = _zm.clone()
_zs[0, 0] = 5 + 5j
misc = {
    'input': enc(_zm),
    'where_scalar': enc(torch.where(_zm.real > 0, 9 + 9j, _zm)),
    'set_index': enc(_zs),
    'eq_scalar': enc(_zm == (3 - 4j)),
}

# ------------------------------------------------------------------ errors
z = torch.tensor([1 + 2j, 3 - 1j])
errors = {
    'lt': err(lambda: z < z),
    'max': err(lambda: z.max()),
    'imag_real': err(lambda: torch.tensor([1.0]).imag),
    'add_inplace_real': err(lambda: torch.tensor([1.0]).add_(1j)),
    'floor': err(lambda: torch.floor(z)),
    'sign': err(lambda: torch.sign(z)),
    'maximum': err(lambda: torch.maximum(z, z)),
    'view_as_real_real': err(lambda: torch.view_as_real(torch.tensor([1.0]))),
    'view_as_complex_last': err(lambda: torch.view_as_complex(torch.zeros(3, 3))),
    'view_as_complex_stride': err(lambda: torch.view_as_complex(torch.zeros(2, 4)[:, ::2])),
    'complex_dtypes': err(lambda: torch.complex(torch.zeros(2), torch.zeros(2, dtype=torch.float64))),
    'complex_int': err(lambda: torch.complex(torch.zeros(2, dtype=torch.int64), torch.zeros(2, dtype=torch.int64))),
    'abs_inplace': err(lambda: z.clone().abs_()),
    'sort': err(lambda: z.sort()),
    'logsumexp': err(lambda: z.logsumexp(0)),
    'max_dim': err(lambda: z.max(0)),
    'arange': err(lambda: torch.arange(3, dtype=torch.complex64)),
    'float_of_complex': err(lambda: float(torch.tensor(1 + 2j))),
}

write_json('packages/core/fixtures/complex.json', {
    'repr': reprs, 'scalar_repr': scalar_reprs, 'unary': unary, 'exact_unary': exact_unary, 'binary': binary, 'scalar_ops': scalar_ops,
    'promotion': promo, 'reductions': reductions, 'creation': creation, 'misc': misc, 'products': products, 'casts': casts, 'errors': errors,
})

# ------------------------------------------------------------------ gradients
# z.grad (and real leaves' grads) of real losses: PyTorch's conjugate Wirtinger convention.
torch.manual_seed(1)
GRADS = {
    'abs2': lambda z, w, x: (z * z.conj()).real.sum(),
    'abs': lambda z, w, x: z.abs().sum(),
    'exp_mul_real': lambda z, w, x: (z.exp() * w).real.sum(),
    'view_as_real_sin': lambda z, w, x: torch.view_as_real(z.sin()).pow(2).sum(),
    'angle': lambda z, w, x: z.angle().sum(),
    'div_log_imag': lambda z, w, x: (z / w).log().imag.sum(),
    'sqrt_times_i': lambda z, w, x: (z.sqrt() * 2j).real.sum(),
    'real_times_complex': lambda z, w, x: (x * z).abs().sum(),
    'complex_from_parts': lambda z, w, x: torch.complex(x, x * 2).mul(z).abs().sum(),
    'matmul': lambda z, w, x: (z.reshape(2, 2) @ w.reshape(2, 2)).abs().pow(2).sum(),
    'sum_mean': lambda z, w, x: (z.sum() * w.mean()).real,
    'conj_mul': lambda z, w, x: (z.conj() * w).imag.sum(),
    'sgn': lambda z, w, x: (z.sgn() * w).real.sum(),
    'pow_sigmoid': lambda z, w, x: (z.pow(2) + z.sigmoid()).abs().sum(),
    'var_norm': lambda z, w, x: z.var() + (z * w).norm(),
    'polar': lambda z, w, x: torch.polar(x.abs() + 0.5, x).mul(w).real.sum(),
    'view_as_complex': lambda z, w, x: torch.view_as_complex(torch.stack([x, x.square()], -1)).mul(w).abs().sum(),
}
grads = []
for dt in (torch.complex64, torch.complex128):
    rd = torch.float32 if dt == torch.complex64 else torch.float64
    z0 = torch.randn(4, dtype=dt)
    w0 = torch.randn(4, dtype=dt)
    x0 = torch.randn(4, dtype=rd)
    for name, f in GRADS.items():
        z = z0.clone().requires_grad_()
        w = w0.clone().requires_grad_()
        x = x0.clone().requires_grad_()
        loss = f(z, w, x)
        loss.backward()
        grads.append({'name': name, 'z': enc(z0), 'w': enc(w0), 'x': enc(x0), 'loss': enc(loss.detach()),
                      'grads': {k: (enc(t.grad) if t.grad is not None else None) for k, t in (('z', z), ('w', w), ('x', x))}})
# 1.13 seeds a complex scalar's backward with 1; 2.x refuses (torch/autograd/__init__.py, _make_grads:
# `if not out.dtype.is_floating_point: raise RuntimeError("grad can be implicitly created only for real
# scalar outputs" f" but got {out.dtype}")`): the 2.x text, written here as 2.x words it
grad_errors = {'complex_scalar_backward': {'type': 'RuntimeError', 'message': 'grad can be implicitly created only for real scalar outputs but got torch.complex64', 'source': 'PyTorch 2.x torch/autograd/__init__.py _make_grads'}}

write_json('packages/core/fixtures/complex-grad.json', {'grads': grads, 'errors': grad_errors})
