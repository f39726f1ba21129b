"""Golden cases of the 16-bit float dtypes, float16 and bfloat16 (issue #14): casts between
every pair of dtypes (round to nearest even through float32), factories, elementwise math,
promotion with tensors and scalars, reductions, scans, products, sorting and indexing.
Writes packages/core/fixtures/ops-half.json and packages/core/fixtures/half-cpu-1.13.json.

    /usr/bin/python3 tools/golden/ops_half.py

PyTorch 1.13's CPU kernels lack most float16 ops (`"exp_vml_cpu" not implemented for 'Half'`,
`"addmm_impl_cpu_" not implemented for 'Half'`, …; bfloat16 lacks only a few: prod, mse_loss,
eye). PyTorch 2.x's CPU has them all (e.g. 2.1's aten/src/ATen/native/cpu/UnaryOpsKernel.cpp
dispatches `AT_DISPATCH_FLOATING_AND_COMPLEX_TYPES_AND2(kBFloat16, kHalf, …)`), computing in
float32 (`opmath_type<Half>` is float) and rounding each result once. Antorcha follows 2.x
(the project's rule where the versions differ): for an op 1.13 rejects, the expected value is
PyTorch's float32 result of the same call on the inputs converted exactly to float32, rounded
by PyTorch's cast to the 16-bit dtype -- what 2.x's kernels compute. Every such rejection is
recorded, with 1.13's text, in half-cpu-1.13.json (the list the report cites).

`exact` marks results that are one IEEE operation (or a select/copy) in float32 rounded once,
which the CPU backend must match bit for bit; the rest keep the suite's 16-bit tolerance (one
ulp: a float32 ulp of libm difference may move the rounded result).
"""
import json

import torch

from _cases import Cases, layouts, rand
from _common import DTYPES, write_json

torch.manual_seed(0)
nan = float('nan')
inf = float('inf')

c = Cases()
H = ['float16', 'bfloat16']
ALL = ['float32', 'float64', 'int32', 'int64', 'uint8', 'bool'] + H
rejected = []


def is_half(t):
    return isinstance(t, torch.Tensor) and t.dtype in (torch.float16, torch.bfloat16)


def widen(a):
    if is_half(a):
        return a.float()
    if isinstance(a, (list, tuple)):
        return type(a)(widen(x) for x in a)
    return a


def widen_kw(k):
    return {key: (torch.float32 if v in (torch.float16, torch.bfloat16) else widen(v)) for key, v in k.items()}


def narrow(r, dt):
    if isinstance(r, torch.Tensor):
        return r.to(dt) if r.dtype == torch.float32 else r
    if isinstance(r, tuple):
        return type(r)(narrow(x, dt) for x in r) if not hasattr(r, '_fields') else tuple(narrow(x, dt) for x in r)
    if isinstance(r, list):
        return [narrow(x, dt) for x in r]
    return r


# Products in bfloat16: 1.13's CPU gemm (aten/src/ATen/native/cpu/BlasKernel.cpp, gemm_notrans_)
# accumulates into the bfloat16 output, rounding after every term; 2.x's gemm_notrans_/gemm_transa_
# for reduced floating types (`!std::is_same_v<scalar_t, opmath_t>`) sums in float (opmath) and
# rounds once, as do oneDNN's bf16 kernels. Antorcha follows 2.x: the expected value is the float32
# product rounded once (the 1.13 result is recorded in half-cpu-1.13.json as a difference).
PRODUCTS_2X = {'mm', 'matmul', 'bmm', 'mv', 'dot'}


def add(name, op, args, kwargs=None, fn=None, exact=False, dt=None):
    """A case; where 1.13's CPU rejects the 16-bit dtype, the expected value is 2.x's (see above)."""
    kwargs = kwargs or {}
    call = fn or (lambda *a, **k: getattr(torch, op)(*a, **k) if hasattr(torch, op) else getattr(a[0], op)(*a[1:], **k))
    if op in PRODUCTS_2X and dt == torch.bfloat16:
        rejected.append({'case': name, 'op': op, 'error': None, 'note': '1.13 accumulates the bfloat16 product in bfloat16; the case expects 2.x (float accumulation, one rounding)'})
        c.add(name, op, args, kwargs, fn=lambda *a, **k: narrow(call(*widen(list(a)), **widen_kw(k)), dt), exact=exact)
        return
    try:
        call(*[a.clone() if isinstance(a, torch.Tensor) else a for a in args], **kwargs)
        c.add(name, op, args, kwargs, fn=fn, exact=exact)
        return
    except TypeError:
        return  # an overload PyTorch lacks (e.g. a Python scalar where a tensor is required): no case
    except RuntimeError as e:
        msg = str(e).split('\n')[0]
        if 'not implemented for' not in msg or ("'Half'" not in msg and "'BFloat16'" not in msg):
            c.add(name, op, args, kwargs, fn=fn, exact=exact)
            return
    rejected.append({'case': name, 'op': op, 'error': msg})
    target = dt
    c.add(name, op, args, kwargs, fn=lambda *a, **k: narrow(call(*widen(list(a)), **widen_kw(k)), target), exact=exact)


def first_dtype(args):
    for a in args:
        if is_half(a):
            return a.dtype
        if isinstance(a, (list, tuple)):
            for x in a:
                if is_half(x):
                    return x.dtype
    return None


def addh(name, op, args, kwargs=None, fn=None, exact=False):
    add(name, op, args, kwargs, fn=fn, exact=exact, dt=first_dtype(args))


# ---------------------------------------------------------------- casts
# values that exercise rounding: ties to even, subnormals, overflow, NaN, -0, large ints
CAST_VALUES = [0.0, -0.0, 1.0, -2.5, 0.1, 1 / 3, 65504.0, 65519.0, 65520.0, 1e5, -1e5, 6e-8, 3e-8, 2.98e-8, 1e-7, 5.96e-8,
               1.00048828125, 1.00146484375, 1 + 2 ** -11, 1 + 3 * 2 ** -11, 2049.0, 2051.0, 3.0e38, 1e-39, 1e-45,
               inf, -inf, nan, 0.5, 255.0, 256.5, -1.5, 1234.5678, 3.14159265, 2 ** -24, 2 ** -25, 3 * 2 ** -26]
for dt in H:
    for src in ['float32', 'float64']:
        x = torch.tensor(CAST_VALUES, dtype=DTYPES[src])
        c.add(f'to/{src}->{dt}', 'to', [x, DTYPES[dt]], exact=True)
        c.add(f'{dt}/{src}/method', 'half' if dt == 'float16' else 'bfloat16', [x], fn=lambda t, d=dt: t.half() if d == 'float16' else t.bfloat16(), exact=True)
    c.add(f'to/int64->{dt}', 'to', [torch.tensor([0, 1, -7, 2049, 2051, 65504, 65520, 70000, 16777217, -123456789])], {}, exact=True)
    c.add(f'to/int32->{dt}', 'to', [torch.tensor([0, 1, -7, 2049, 4097, 65535], dtype=torch.int32), DTYPES[dt]], exact=True)
    c.add(f'to/uint8->{dt}', 'to', [torch.tensor([0, 1, 7, 200, 255], dtype=torch.uint8), DTYPES[dt]], exact=True)
    c.add(f'to/bool->{dt}', 'to', [torch.tensor([True, False, True]), DTYPES[dt]], exact=True)
    h = torch.tensor([0.0, -0.0, 1.5, -2.75, 3.99, -3.99, 255.5, 300.0, 65504.0, 1e-4, inf, -inf, nan], dtype=DTYPES[dt])
    for dst in ALL:
        if dst != dt:
            c.add(f'to/{dt}->{dst}', 'to', [h[:10] if dst in ('int32', 'int64', 'uint8') else h, DTYPES[dst]], exact=True)
    for lay, x in layouts([3, 4], dt):
        c.add(f'to/{dt}/{lay}->float32', 'to', [x, torch.float32], exact=True)
        c.add(f'clone/{dt}/{lay}', 'clone', [x], exact=True)
        c.add(f'contiguous/{dt}/{lay}', 'contiguous', [x], exact=True)
# fix the int64 case's missing dtype argument
c.cases = [cs for cs in c.cases if not cs['name'].startswith('to/int64->')]
c.names = {cs['name'] for cs in c.cases}
for dt in H:
    c.add(f'to/int64->{dt}', 'to', [torch.tensor([0, 1, -7, 2049, 2051, 65504, 65520, 70000, 16777217, -123456789]), DTYPES[dt]], exact=True)

# ---------------------------------------------------------------- factories
for dt in H:
    D = DTYPES[dt]
    c.add(f'tensor/{dt}', 'tensor', [[0.1, 1.0, 2.5, 65520.0, -1e-8, 1e5]], {'dtype': D}, exact=True)
    c.add(f'zeros/{dt}', 'zeros', [[2, 3]], {'dtype': D}, exact=True)
    c.add(f'ones/{dt}', 'ones', [[3]], {'dtype': D}, exact=True)
    c.add(f'full/{dt}', 'full', [[2, 2], 0.1], {'dtype': D}, exact=True)
    add(f'arange/{dt}', 'arange', [0, 3, 0.3], {'dtype': D}, exact=True, dt=D)
    add(f'arange/{dt}/int', 'arange', [5], {'dtype': D}, exact=True, dt=D)
    add(f'linspace/{dt}', 'linspace', [-1, 2, 7], {'dtype': D}, dt=D)
    add(f'eye/{dt}', 'eye', [3], {'dtype': D}, exact=True, dt=D)

# ---------------------------------------------------------------- elementwise
UNARY_EXACT = ['abs', 'neg', 'floor', 'ceil', 'round', 'trunc', 'frac', 'sign', 'square', 'relu', 'reciprocal', 'sqrt']
UNARY_LIBM = ['exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'rsqrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan',
              'sinh', 'cosh', 'tanh', 'asinh', 'atanh', 'sigmoid', 'erf', 'erfc', 'lgamma']
for dt in H:
    for op in UNARY_EXACT + UNARY_LIBM:
        maker = (lambda s, d: torch.rand(s, dtype=torch.float64).mul(0.98).add(0.01).to(DTYPES[d])) if op in ('asin', 'acos', 'atanh') else \
                (lambda s, d: torch.rand(s, dtype=torch.float64).mul(5).add(0.05).to(DTYPES[d])) if op in ('log', 'log2', 'log10', 'sqrt', 'rsqrt', 'lgamma') else rand
        for lay, x in layouts([3, 4], dt, maker):
            addh(f'{op}/{dt}/{lay}', op, [x], exact=op in UNARY_EXACT)
        addh(f'{op}_/{dt}', op + '_', [maker([2, 3], dt)], exact=op in UNARY_EXACT)
    x = torch.tensor([0.0, -0.0, inf, -inf, nan, 1.0, -2.5, 0.5, 100.0, 1e-3], dtype=DTYPES[dt])
    for op in ['abs', 'neg', 'exp', 'sqrt', 'tanh', 'sigmoid', 'isnan', 'isinf', 'isfinite', 'signbit']:
        addh(f'{op}/{dt}/special', op, [x], exact=op not in ('exp', 'tanh', 'sigmoid'))

BINARY_EXACT = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'fmod', 'remainder', 'fmax', 'fmin', 'copysign']
BINARY_LIBM = ['pow', 'atan2', 'hypot', 'logaddexp', 'xlogy']
for dt in H:
    for op in BINARY_EXACT + BINARY_LIBM:
        a, b = rand([3, 4], dt), rand([3, 4], dt)
        if op in ('pow', 'xlogy'):
            a = a.abs().add(0.1)
        addh(f'{op}/{dt}/tt', op, [a, b], exact=op in BINARY_EXACT)
        addh(f'{op}/{dt}/broadcast', op, [rand([3, 1], dt).abs().add(0.1), rand([4], dt)], exact=op in BINARY_EXACT)
        addh(f'{op}/{dt}/scalar', op, [a, 1.7], exact=op in BINARY_EXACT)
    addh(f'add/{dt}/alpha', 'add', [rand([5], dt), rand([5], dt)], {'alpha': 0.3})
    addh(f'add_/{dt}', 'add_', [rand([2, 3], dt), rand([2, 3], dt)], exact=True)
    addh(f'mul_/{dt}/float32', 'mul_', [rand([2, 3], dt), rand([2, 3], 'float32')], exact=True)
    addh(f'div/{dt}/floor', 'div', [rand([6], dt), rand([6], dt)], {'rounding_mode': 'floor'}, exact=True)
    addh(f'clamp/{dt}', 'clamp', [rand([8], dt)], {'min': -0.5, 'max': 0.7}, exact=True)
    addh(f'where/{dt}', 'where', [rand([6]) > 0, rand([6], dt), rand([6], dt)], exact=True)
    addh(f'where/{dt}/scalar', 'where', [rand([6]) > 0, rand([6], dt), 0.1], exact=True)
    addh(f'addcmul/{dt}', 'addcmul', [rand([6], dt), rand([6], dt), rand([6], dt)], {'value': 0.5})
    addh(f'addcdiv/{dt}', 'addcdiv', [rand([6], dt), rand([6], dt), rand([6], dt).abs().add(0.5)], {'value': 0.5})
    addh(f'lerp/{dt}', 'lerp', [rand([6], dt), rand([6], dt), 0.3])

# ---------------------------------------------------------------- promotion
for dt in H:
    D = DTYPES[dt]
    x = rand([4], dt)
    c.add(f'promote/{dt}+float_scalar', 'add', [x, 2.5], exact=True)
    c.add(f'promote/{dt}+int_scalar', 'add', [x, 3], exact=True)
    c.add(f'promote/{dt}*float32_tensor', 'mul', [x, rand([4], 'float32')], exact=True)
    c.add(f'promote/{dt}+float64_tensor', 'add', [x, rand([4], 'float64')], exact=True)
    c.add(f'promote/{dt}+int64_tensor', 'add', [x, torch.tensor([1, 2049, -3, 7])], exact=True)
    c.add(f'promote/{dt}+uint8_tensor', 'add', [x, torch.tensor([1, 200, 3, 7], dtype=torch.uint8)], exact=True)
    c.add(f'promote/{dt}+bool_tensor', 'add', [x, torch.tensor([True, False, True, True])], exact=True)
    c.add(f'promote/{dt}+float32_0d', 'add', [x, torch.tensor(0.1)], exact=True)
    c.add(f'promote/{dt}_0d+float32', 'add', [torch.tensor(0.1, dtype=D), rand([4], 'float32')], exact=True)
    c.add(f'promote/{dt}_0d+int64', 'add', [torch.tensor(0.1, dtype=D), torch.tensor([1, 2049, -3, 70000])], exact=True)
    c.add(f'promote/int64_tensor*{dt}_scalar_tensor', 'mul', [torch.tensor([3, 5]), torch.tensor(1.1, dtype=D)], exact=True)
    c.add(f'promote/{dt}/div_int', 'div', [torch.tensor([1, 2049, 7]), torch.tensor([3, 3, 3])], exact=True)
c.add('promote/float16+bfloat16', 'add', [rand([4], 'float16'), rand([4], 'bfloat16')], exact=True)
c.add('promote/bfloat16*float16_0d', 'mul', [rand([4], 'bfloat16'), torch.tensor(0.3, dtype=torch.float16)], exact=True)
c.add('promote/float16_0d+bfloat16_0d', 'add', [torch.tensor(0.3, dtype=torch.float16), torch.tensor(0.7, dtype=torch.bfloat16)], exact=True)

# ---------------------------------------------------------------- reductions, scans
for dt in H:
    x = rand([4, 6], dt)
    for op in ['sum', 'mean', 'amax', 'amin', 'argmax', 'argmin', 'prod']:
        addh(f'{op}/{dt}/all', op, [x], exact=op in ('amax', 'amin', 'argmax', 'argmin'))
        addh(f'{op}/{dt}/dim', op, [x], {'dim': 1} if op not in ('argmax', 'argmin') else {'dim': 0}, exact=op in ('amax', 'amin', 'argmax', 'argmin'))
    addh(f'sum/{dt}/large', 'sum', [rand([1000], dt)])
    addh(f'mean/{dt}/large', 'mean', [rand([1000], dt)])
    addh(f'sum/{dt}/to_float32', 'sum', [x], {'dtype': torch.float32})
    addh(f'std/{dt}', 'std', [x], {'dim': 1})
    addh(f'var/{dt}', 'var', [x], {'dim': 0})
    addh(f'norm/{dt}', 'norm', [x])
    addh(f'logsumexp/{dt}', 'logsumexp', [x], {'dim': 1})
    addh(f'max/{dt}/dim', 'max', [x], {'dim': 1}, exact=True)
    for op in ['cumsum', 'cumprod']:
        addh(f'{op}/{dt}', op, [rand([3, 5], dt)], {'dim': 1})
    addh(f'cumsum/{dt}/long', 'cumsum', [rand([300], dt)], {'dim': 0})
    addh(f'softmax/{dt}', 'softmax', [x, 1])
    addh(f'log_softmax/{dt}', 'log_softmax', [x, 0])

# ---------------------------------------------------------------- products
for dt in H:
    addh(f'mm/{dt}', 'mm', [rand([3, 5], dt), rand([5, 4], dt)])
    addh(f'matmul/{dt}/batched', 'matmul', [rand([2, 3, 5], dt), rand([5, 2], dt)])
    addh(f'bmm/{dt}', 'bmm', [rand([2, 3, 4], dt), rand([2, 4, 2], dt)])
    addh(f'mv/{dt}', 'mv', [rand([3, 4], dt), rand([4], dt)])
    addh(f'dot/{dt}', 'dot', [rand([7], dt), rand([7], dt)])
    addh(f'outer/{dt}', 'outer', [rand([3], dt), rand([2], dt)], exact=True)

# ---------------------------------------------------------------- sorting, indexing, structure
for dt in H:
    x = torch.tensor([3.0, -1.0, nan, 0.5, -0.0, 0.0, inf, -inf, 2.0, 0.5], dtype=DTYPES[dt])
    addh(f'sort/{dt}', 'sort', [x], {'stable': True}, exact=True)
    addh(f'sort/{dt}/desc', 'sort', [rand([3, 5], dt)], {'descending': True, 'stable': True}, exact=True)
    addh(f'argsort/{dt}', 'argsort', [rand([6], dt)], {'stable': True}, exact=True)
    addh(f'topk/{dt}', 'topk', [rand([8], dt), 3], exact=True)
    addh(f'gather/{dt}', 'gather', [rand([3, 4], dt), 1, torch.tensor([[0, 3], [1, 1], [2, 0]])], exact=True)
    addh(f'scatter_add/{dt}', 'scatter_add', [rand([3, 4], dt), 1, torch.tensor([[0, 0], [1, 1], [3, 0]]), rand([3, 2], dt)], exact=True)
    addh(f'index_select/{dt}', 'index_select', [rand([4, 3], dt), 0, torch.tensor([3, 0, 0])], exact=True)
    addh(f'cat/{dt}', 'cat', [[rand([2, 3], dt), rand([1, 3], dt)]], {'dim': 0}, exact=True)
    addh(f'cat/{dt}+float32', 'cat', [[rand([2, 3], dt), rand([1, 3], 'float32')]], {'dim': 0}, exact=True)
    addh(f'flip/{dt}', 'flip', [rand([2, 3], dt), [1]], exact=True)
    addh(f'masked_fill/{dt}', 'masked_fill', [rand([5], dt), rand([5]) > 0, 0.1], exact=True)
    addh(f'tril/{dt}', 'tril', [rand([3, 3], dt), 0], exact=True)
    addh(f'fill_/{dt}', 'fill_', [rand([3], dt), 0.1], exact=True)
    addh(f'copy_/{dt}<-float64', 'copy_', [rand([3], dt), rand([3], 'float64')], exact=True)
    addh(f'copy_/float32<-{dt}', 'copy_', [rand([3], 'float32'), rand([3], dt)], exact=True)

c.write('half')
write_json('packages/core/fixtures/half-cpu-1.13.json', rejected)
print(len(c.cases), 'cases;', len(rejected), 'rejected by 1.13 CPU')
