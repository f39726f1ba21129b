"""Golden op cases of complex64/complex128 tensors in the conformance format
(packages/core/fixtures/ops-complex.json, run by every backend's conformance suite; a
backend that does not store a dtype skips its cases with the reason).

Values are [re, im] pairs (_common.enc_value). Sections: unary functions (finite inputs in
several layouts, and C99 Annex G special values), arithmetic with tensors and real/complex
scalars, comparisons, promotion with real tensors, reductions, matrix products, casts,
construction (complex, polar, view_as_real/complex, real/imag), structural ops, errors.

Where PyTorch 1.13 differs from 2.x the case follows 2.x, with the reference named:
- complex expm1/log1p/exp2 raise "not implemented" in 1.13; 2.x computes them
  (c10/util/complex_math.h, expm1/log1p added in 2.1, exp2 in 2.0): the reference is the
  exact value (mpmath, 50 digits) rounded to the dtype.
- 1.13's vectorized complex quotient is the plain (ac+bd, bc-ad)/(c²+d²), which overflows
  or underflows for large and small operands; 2.x scales it
  (aten/src/ATen/cpu/vec/vec256/vec256_complex_double.h, operator/) as c10::complex's
  scalar operator/ does: the reference is the exact quotient. By a complex zero, 1.13 gives
  nan+nanj; 2.x's operator/ (c10/util/complex.h: 'divide by zeros should yield a complex inf
  or nan') gives (a/|c|, b/|d|), so (1+1j)/0 is inf+infj: that is the reference.
- Debian's 1.13 returns 0 from complex dot/vdot (its BLAS's complex-return ABI for
  cdotu/zdotu): the reference is the same sum taken elementwise.
- 1.13 casts complex to bool by the real part alone (so 1j is False, with the warning
  'Casting complex values to real discards the imaginary part'); 2.x's cast
  (c10/util/TypeCast.h: static_cast_with_inter_type<bool, src_t> through maybe_bool,
  `src.real() || src.imag()`, pytorch/pytorch#121803, March 2024) is true where either part is
  nonzero: the reference is `(z.real != 0) | (z.imag != 0)` (to/.bool()/copy_ into bool,
  and all/any, whose CPU kernels cast first).
Where PyTorch's own formula loses digits (asin, acos, atan, … near the axes), the case
carries `bound`: per element, PyTorch's own distance from the exact value (mpmath), so a
backend as accurate as PyTorch (or more) passes.

Run with Debian's PyTorch: /usr/bin/python3 tools/golden/ops_complex.py
"""
import math

import mpmath
import torch

from _cases import Cases

torch.manual_seed(0)
mpmath.mp.dps = 50
inf, nan = math.inf, math.nan
CDT = {'complex64': torch.complex64, 'complex128': torch.complex128}
RDT = {'complex64': torch.float32, 'complex128': torch.float64}


def crand(shape, dt):
    """Seeded complex normals ×1.5 (drawn in complex128, rounded to the dtype)."""
    return torch.randn(shape, dtype=torch.complex128).mul(1.5).to(dt)


def clayouts(shape, dt):
    """Contiguous, transposed and strided views of complex values."""
    out = [('contig', crand(shape, dt))]
    if len(shape) == 2:
        out.append(('transposed', crand(list(reversed(shape)), dt).t()))
    out.append(('strided', crand(shape[:-1] + [shape[-1] * 2], dt)[..., ::2]))
    return out


def finite_inputs(dt):
    return torch.tensor([0.5 + 0.25j, -1.25 + 2j, 3 - 0.75j, -0.3 - 0.4j, 2.5 + 0j, 0 - 1.5j, 0.001 + 0.002j, -4 + 0.5j], dtype=dt)


SPECIAL = [0j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(inf, 0), complex(-inf, 0), complex(0, inf), complex(nan, 0),
           complex(1, nan), complex(-2, 0.0), complex(-2, -0.0), complex(1e-20, 1e-20), complex(30, 1), complex(-30, 1)]

# exact references (50 digits) of the functions with a closed form
MP = {
    'exp': mpmath.exp, 'log': mpmath.log, 'log2': lambda z: mpmath.log(z) / mpmath.log(2), 'log10': lambda z: mpmath.log(z) / mpmath.log(10),
    'sqrt': mpmath.sqrt, 'rsqrt': lambda z: 1 / mpmath.sqrt(z), 'sin': mpmath.sin, 'cos': mpmath.cos, 'tan': mpmath.tan,
    'asin': mpmath.asin, 'acos': mpmath.acos, 'atan': mpmath.atan, 'sinh': mpmath.sinh, 'cosh': mpmath.cosh, 'tanh': mpmath.tanh,
    'asinh': mpmath.asinh, 'acosh': mpmath.acosh, 'atanh': mpmath.atanh, 'sigmoid': lambda z: 1 / (1 + mpmath.exp(-z)),
    'reciprocal': lambda z: 1 / z,
}
# 2.x-only functions (see the module notes): exact values rounded to the dtype
EXACT_2X = {'expm1': mpmath.expm1, 'log1p': mpmath.log1p, 'exp2': lambda z: mpmath.power(2, z)}

UNARY = ['neg', 'exp', 'log', 'log2', 'log10', 'sqrt', 'rsqrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh',
         'asinh', 'acosh', 'atanh', 'sigmoid', 'reciprocal', 'square', 'abs', 'angle', 'sgn', 'conj_physical', 'isnan', 'isinf',
         'isfinite', 'logical_not', 'isreal']


def exact_of(name, x):
    return [complex(MP[name](mpmath.mpc(z.real, z.imag))) for z in x.reshape(-1).tolist()]


def own_error(name, x, y):
    """Per element, PyTorch's own distance from the exact value (the larger part's), as the case's bound."""
    ex = exact_of(name, x)
    got = y.reshape(-1).tolist()
    return [max(abs(g.real - e.real), abs(g.imag - e.imag)) for g, e in zip(got, ex)]


# 2.x's words where they differ from 1.13's ("expected scalar type ComplexFloat but found Float"):
# aten/src/ATen/native/LinearAlgebra.cpp, addmm_impl_cpu_: TORCH_CHECK(self.dtype() == mat2.dtype(),
# "expected m1 and m2 to have the same dtype, but got: ", self.dtype(), " != ", mat2.dtype())
c = Cases(overrides_2x={
    'mm/complex64/real_operand': 'expected m1 and m2 to have the same dtype, but got: c10::complex<float> != float',
    'mm/complex128/real_operand': 'expected m1 and m2 to have the same dtype, but got: c10::complex<double> != double',
})

# ------------------------------------------------------------------ unary
for dn, dt in CDT.items():
    for name in UNARY:
        f = getattr(torch, name)
        x = finite_inputs(dt)
        bound = own_error(name, x, f(x).to(torch.complex128)) if name in MP else None
        c.add(f'{name}/{dn}/finite', name, [x], bound=bound)
        c.add(f'{name}/{dn}/special', name, [torch.tensor(SPECIAL, dtype=dt)])
        if name in ('exp', 'log', 'sqrt', 'sin', 'tanh', 'abs', 'angle', 'reciprocal', 'sgn'):
            for lname, t in clayouts([3, 4], dt)[1:]:
                bound = own_error(name, t, f(t).to(torch.complex128)) if name in MP else None
                c.add(f'{name}/{dn}/{lname}', name, [t], bound=bound)
    for name, mf in EXACT_2X.items():
        x = finite_inputs(dt)
        ref = torch.tensor([complex(mf(mpmath.mpc(z.real, z.imag))) for z in x.tolist()], dtype=dt)
        c.add(f'{name}/{dn}/finite_2x', name, [x], fn=lambda x, ref=ref: ref)
    c.add(f'real/{dn}', 'real', [crand([2, 3], dt)])
    c.add(f'imag/{dn}', 'imag', [crand([2, 3], dt)])
    c.add(f'view_as_real/{dn}', 'view_as_real', [crand([2, 3], dt)])
    c.add(f'view_as_real/{dn}/transposed', 'view_as_real', [crand([3, 2], dt).t()])
    c.add(f'conj/{dn}', 'conj', [crand([5], dt)], fn=lambda x: x.conj().resolve_conj())
    c.add(f'neg_/{dn}', 'neg_', [crand([4], dt)], fn=lambda x: x.clone().neg_())

# ------------------------------------------------------------------ arithmetic
for dn, dt in CDT.items():
    a = crand([3, 4], dt)
    b = crand([4], dt)
    for op in ('add', 'sub', 'mul', 'div', 'pow', 'eq', 'ne'):
        c.add(f'{op}/{dn}/broadcast', op, [a, b])
    for lname, t in clayouts([3, 4], dt):
        c.add(f'mul/{dn}/{lname}', 'mul', [t, a])
        c.add(f'div/{dn}/{lname}', 'div', [a, t])
    big = 1e300 if dt == torch.complex128 else 1e30
    tiny = 1e-300 if dt == torch.complex128 else 1e-30
    n = torch.tensor([big + big * 1j, 1 + 0j, 3 - 2j, tiny + tiny * 1j, 1 + 1j, 0j], dtype=dt)
    d = torch.tensor([big + big * 1j, tiny * 1j, big - 2 * big * 1j, tiny - tiny * 1j, 0j, 0j], dtype=dt)
    q = [complex(mpmath.mpc(u.real, u.imag) / mpmath.mpc(v.real, v.imag)) for u, v in zip(n.tolist()[:4], d.tolist()[:4])]
    q_ref = torch.tensor(q, dtype=dt)
    c.add(f'div/{dn}/scaled', 'div', [n[:4], d[:4]], fn=lambda x, y, r=q_ref: r)
    # by a complex zero: 2.x's c10::complex operator/ gives (a/|c|, b/|d|) = (±inf or nan, …)
    z_ref = torch.complex(n[4:].real / d[4:].real.abs(), n[4:].imag / d[4:].imag.abs())
    c.add(f'div/{dn}/by_zero', 'div', [n[4:], d[4:]], fn=lambda x, y, r=z_ref: r)
    p = torch.tensor([0j, 0j, 1 + 1j, -1 + 0j, 2 - 1j], dtype=dt)
    e = torch.tensor([0j, 2 + 0j, 0.5 + 0.5j, 0.5 + 0j, -1.5 + 0.25j], dtype=dt)
    c.add(f'pow/{dn}/tensor', 'pow', [p, e])
    # real and integer tensors promote to the complex dtype
    r = torch.randn(3, 4, dtype=RDT[dn])
    c.add(f'add/{dn}/real_tensor', 'add', [a, r])
    c.add(f'mul/{dn}/real_tensor', 'mul', [r, a])
    c.add(f'div/{dn}/real_tensor', 'div', [r, a])
    c.add(f'sub/{dn}/int_tensor', 'sub', [a, torch.tensor([1, -2, 3, 0])])
    c.add(f'eq/{dn}/real_tensor', 'eq', [torch.tensor([1 + 0j, 2 + 1j], dtype=dt), torch.tensor([1.0, 2.0], dtype=RDT[dn])])
    c.add(f'logical_and/{dn}', 'logical_and', [torch.tensor([0j, 1j, 2 + 0j, 0j], dtype=dt), torch.tensor([1j, 0j, 3 + 0j, 0j], dtype=dt)])
    c.add(f'logical_or/{dn}', 'logical_or', [torch.tensor([0j, 1j, 2 + 0j, 0j], dtype=dt), torch.tensor([1j, 0j, 3 + 0j, 0j], dtype=dt)])
    # scalars: complex, int, float (a complex scalar keeps the tensor's dtype)
    v = torch.tensor([1 + 2j, -0.5 + 0.25j, 3 - 1j], dtype=dt)
    for op in ('add', 'sub', 'mul', 'div'):
        for s in (0.5 + 2j, 2, 1.5):
            c.add(f'{op}/{dn}/scalar_{s}', op, [v, s])
    c.add(f'add/{dn}/alpha', 'add', [v, v], {'alpha': 2})
    for ex in (2, 3, -2, 0.5, -0.5, -1, 1.5, 0, 1, 0.5 + 1j):
        c.add(f'pow/{dn}/scalar_{ex}', 'pow', [v, ex])
    c.add(f'rsub/{dn}/complex_scalar', 'rsub', [v, 1j])
    c.add(f'eq/{dn}/complex_scalar', 'eq', [v, 3 - 1j])
    c.add(f'mul_/{dn}/complex_scalar', 'mul_', [v, 2 - 1j])
    c.add(f'add_/{dn}/complex', 'add_', [v, v.flip(0)])
# real tensors with complex scalars become complex64 (the default complex dtype)
for op in ('add', 'mul', 'div'):
    c.add(f'{op}/float32/complex_scalar', op, [torch.tensor([1.5, -2.0, 0.25]), 0.5 + 2j])
c.add('mul/int64/complex_scalar', 'mul', [torch.tensor([1, -2, 3]), 1j])
c.add('add/float64/complex_scalar', 'add', [torch.tensor([1.5, -2.0], dtype=torch.float64), 1j])
c.add('add/complex64/complex128', 'add', [crand([3], torch.complex64), crand([3], torch.complex128)])

# ------------------------------------------------------------------ reductions
for dn, dt in CDT.items():
    for lname, x in clayouts([3, 5], dt):
        c.add(f'sum/{dn}/{lname}', 'sum', [x])
        c.add(f'sum/{dn}/{lname}/dim0', 'sum', [x], {'dim': 0})
        c.add(f'mean/{dn}/{lname}', 'mean', [x])
        c.add(f'prod/{dn}/{lname}/dim1', 'prod', [x], {'dim': 1})
    x = crand([3, 5], dt)
    c.add(f'sum/{dn}/dim1_keepdim', 'sum', [x], {'dim': 1, 'keepdim': True})
    c.add(f'mean/{dn}/dim1', 'mean', [x], {'dim': 1})
    c.add(f'prod/{dn}/all', 'prod', [x])
    c.add(f'cumsum/{dn}', 'cumsum', [x, 1])
    c.add(f'cumprod/{dn}', 'cumprod', [x, 1])
    c.add(f'var/{dn}', 'var', [x])
    c.add(f'std/{dn}/dim0', 'std', [x], {'dim': 0})
    c.add(f'norm/{dn}', 'norm', [x])
    # (1.13's all/any of complex read only the real part, as its complex → bool cast does;
    # these inputs have parts zero together, so every reading agrees)
    c.add(f'all/{dn}', 'all', [torch.tensor([1 + 1j, 2 + 0j, 0j], dtype=dt)])
    c.add(f'any/{dn}', 'any', [torch.tensor([0j, 0j, 1e-3 + 1e-3j], dtype=dt)])
    # 2.x reads both parts (see the note above): purely imaginary elements count as nonzero
    c.add(f'all/{dn}/imaginary', 'all', [torch.tensor([1j, 2 + 0j, -0.5j], dtype=dt)], fn=lambda z: ((z.real != 0) | (z.imag != 0)).all())
    c.add(f'any/{dn}/imaginary', 'any', [torch.tensor([0j, 1e-3j, 0j], dtype=dt)], fn=lambda z: ((z.real != 0) | (z.imag != 0)).any())
    c.add(f'sum/{dn}/large', 'sum', [crand([1000], dt)])

# ------------------------------------------------------------------ products
for dn, dt in CDT.items():
    a = crand([3, 4], dt)
    b = crand([4, 2], dt)
    v = crand([4], dt)
    w = crand([4], dt)
    c.add(f'mm/{dn}', 'mm', [a, b])
    c.add(f'mm/{dn}/transposed', 'mm', [crand([4, 3], dt).t(), b])
    c.add(f'matmul/{dn}', 'matmul', [a, b])
    c.add(f'matmul/{dn}/vector', 'matmul', [a, v])
    c.add(f'mv/{dn}', 'mv', [a, v])
    c.add(f'bmm/{dn}', 'bmm', [crand([2, 3, 4], dt), crand([2, 4, 5], dt)])
    c.add(f'dot/{dn}', 'dot', [v, w], fn=lambda v, w: (v * w).sum())
    c.add(f'vdot/{dn}', 'vdot', [v, w], fn=lambda v, w: (v.conj() * w).sum())
    c.add(f'outer/{dn}', 'outer', [v, w])
    c.add(f'mm/{dn}/real_operand', 'mm', [a, torch.randn(4, 2, dtype=RDT[dn])])

# ------------------------------------------------------------------ casts and construction
src = torch.tensor([1.7 + 2j, -0.5 + 0j, 0 + 0j, 0 - 3j, -2.6 - 1j])
for dt in (torch.float32, torch.float64, torch.int64, torch.int32, torch.complex128, torch.complex64):
    c.add(f'to/complex64/{dt}', 'to', [src, dt])
# complex → bool follows 2.x: nonzero where either part is (see the note above)
either = lambda z, *_: (z.real != 0) | (z.imag != 0)  # noqa: E731
c.add('to/complex64/torch.bool', 'to', [src, torch.bool], fn=either)
for dn, dt in CDT.items():
    zs = torch.tensor([0j, 1j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(0, nan), complex(nan, 0),
                       complex(0, -inf), 2 + 0j, complex(0, 1e-30)], dtype=dt)
    c.add(f'to/{dn}/bool/either_part', 'to', [zs, torch.bool], fn=either)
    c.add(f'to/{dn}/bool/transposed', 'to', [torch.tensor([[1j, 0j, 3 + 0j], [0j, -2j, 1 + 1j]], dtype=dt).t(), torch.bool], fn=either)
    c.add(f'copy_/{dn}/into_bool', 'copy_', [torch.zeros(9, dtype=torch.bool), zs], fn=lambda d, z: either(z))
for s in (torch.tensor([1.5, -2.0]), torch.tensor([3, -4]), torch.tensor([True, False])):
    for dt in (torch.complex64, torch.complex128):
        c.add(f'to/{s.dtype}/{dt}', 'to', [s, dt])
for dn, dt in CDT.items():
    rd = RDT[dn]
    re, im = torch.randn(2, 3, dtype=rd), torch.randn(3, dtype=rd)
    c.add(f'complex/{dn}', 'complex', [re, im])
    c.add(f'polar/{dn}', 'polar', [torch.rand(2, 3, dtype=rd) + 0.5, torch.randn(2, 3, dtype=rd)])
    c.add(f'view_as_complex/{dn}', 'view_as_complex', [torch.randn(3, 2, dtype=rd)])
    c.add(f'full/{dn}', 'full', [[2, 2], 1 + 2j], {'dtype': dt})
    c.add(f'zeros/{dn}', 'zeros', [[3]], {'dtype': dt})
    c.add(f'tensor/{dn}', 'tensor', [[1 + 2j, -1j, 3]], {'dtype': dt})
c.add('complex/errors/dtypes', 'complex', [torch.zeros(2), torch.zeros(2, dtype=torch.float64)])

# ------------------------------------------------------------------ structural ops
for dn, dt in CDT.items():
    a = crand([3, 4], dt)
    b = crand([2, 4], dt)
    c.add(f'cat/{dn}', 'cat', [[a, b]], {'dim': 0})
    c.add(f'stack/{dn}', 'stack', [[a, a]], {'dim': 1})
    c.add(f'flip/{dn}', 'flip', [a, [0, 1]])
    c.add(f'roll/{dn}', 'roll', [a, 1, 1])
    c.add(f'tril/{dn}', 'tril', [a])
    c.add(f'contiguous/{dn}/transposed', 'contiguous', [crand([4, 3], dt).t()])
    c.add(f'clone/{dn}/strided', 'clone', [crand([3, 8], dt)[:, ::2]])
    c.add(f'index_select/{dn}', 'index_select', [a, 1, torch.tensor([3, 0, 0])])
    c.add(f'gather/{dn}', 'gather', [a, 1, torch.tensor([[0, 1], [3, 3], [2, 0]])])
    c.add(f'scatter/{dn}', 'scatter', [torch.zeros(3, 4, dtype=dt), 1, torch.tensor([[0, 1], [3, 2], [2, 0]]), crand([3, 2], dt)])
    c.add(f'scatter_add/{dn}', 'scatter_add', [a, 1, torch.tensor([[0, 0], [3, 2], [2, 2]]), crand([3, 2], dt)])
    cond = torch.tensor([[True, False, True, False]] * 3)
    c.add(f'where/{dn}', 'where', [cond, a, crand([3, 4], dt)])
    c.add(f'where/{dn}/real_other', 'where', [cond, a, torch.zeros(3, 4, dtype=RDT[dn])])
    c.add(f'masked_fill/{dn}/real_value', 'masked_fill', [a, cond, 2.5])
    c.add(f'repeat/{dn}', 'repeat', [crand([2], dt), 2, 2])
    c.add(f'select/{dn}', 'select', [a, 1, 2])
    c.add(f'transpose/{dn}', 'transpose', [a, 0, 1])
    c.add(f'expand/{dn}', 'expand', [crand([1, 3], dt), [2, 3]])
    c.add(f'fill_/{dn}', 'fill_', [crand([3], dt), 1.5])
    c.add(f'copy_/{dn}/from_real', 'copy_', [crand([3], dt), torch.tensor([1.0, 2.0, 3.0], dtype=RDT[dn])])
    c.add(f'masked_fill/{dn}/complex_value', 'masked_fill', [a, cond, 2.5 - 1j])
    c.add(f'index_fill/{dn}/complex_value', 'index_fill', [a, 1, torch.tensor([3, 0]), -1 + 0.5j])
    c.add(f'fill_/{dn}/complex_value', 'fill_', [crand([3], dt), 0.25 + 2j])
    c.add(f'full/{dn}/complex_value', 'full', [[2, 3], 1.5 - 0.5j], {'dtype': dt})
    # fused pointwise ops: input + value·t1·t2 and input + value·t1/t2 (scalar·t1 first, as
    # PyTorch's kernel), with real values and tensors of the other operand dtypes
    for op in ('addcmul', 'addcdiv'):
        c.add(f'{op}/{dn}', op, [a, crand([3, 4], dt), crand([3, 4], dt)], {'value': 0.5})
        c.add(f'{op}/{dn}/default_value', op, [a, crand([3, 4], dt), crand([4], dt)])
        c.add(f'{op}/{dn}/real_tensors', op, [a, torch.randn(3, 4, dtype=RDT[dn]), torch.randn(1, 4, dtype=RDT[dn]).add(2)], {'value': -2})

# ------------------------------------------------------------------ errors (PyTorch's words)
z = torch.tensor([1 + 2j, 3 - 1j])
for name, op, args in (('lt', 'lt', [z, z]), ('floor', 'floor', [z]), ('sign', 'sign', [z]), ('maximum', 'maximum', [z, z]),
                       ('view_as_complex_last', 'view_as_complex', [torch.zeros(3, 3)]),
                       # ops PyTorch refuses on complex, with its kernel's or its own text
                       ('amax', 'amax', [z]), ('amin', 'amin', [z]), ('max', 'max', [z]), ('min', 'min', [z]),
                       ('sort', 'sort', [z]), ('topk', 'topk', [z, 1])):
    c.add(f'{op}/complex64/error_{name}', op, args)
c.add('clamp/complex64/error_clamp', 'clamp', [z], {'min': 0, 'max': 1})

c.write('complex')
