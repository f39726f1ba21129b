"""Golden cases of the elementwise math ops: exp2, sgn, positive, deg2rad, rad2deg,
lgamma, digamma, polygamma, i0, sinc, logit, nan_to_num, isposinf, isneginf, isreal,
frexp, logaddexp, logaddexp2, copysign, heaviside, gcd, lcm, bitwise_left_shift,
bitwise_right_shift, float_power, ldexp, xlogy, nextafter, clamp_min, clamp_max, rsub,
with their in-place forms. Writes packages/core/fixtures/ops-math.json.

    /usr/bin/python3 tools/golden/ops_math.py

`exact` marks results PyTorch's CPU kernels round in a fixed way (selects, bit
operations, integer arithmetic, one IEEE multiplication or subtraction): the CPU
backend must match them bit for bit. Ops that call libm (log, sin, exp, pow, lgamma,
…) keep the suite's tolerance.

Shifts by a negative amount or by the bit width or more are a bare C++ `<<`/`>>` in
1.13's CPU kernel: x86 takes the count mod 32 (mod 64 for int64; uint8 is promoted to
int), which the cases `*/masked_count` record.
"""
import math

import torch

from _cases import Cases, layouts, rand

torch.manual_seed(0)
nan = float('nan')
inf = float('inf')

c = Cases()
F = ['float32', 'float64']
INTS = ['int64', 'int32', 'uint8']
ALL = F + INTS + ['bool']

SPECIAL = [0.0, -0.0, inf, -inf, nan, 1.0, 2.0, -1.0, -2.5, 0.5, 1e-30, 10.0, 100.0, -7.25, 3.5, 1e-3]


def special(dtype):
    return torch.tensor(SPECIAL, dtype=getattr(torch, dtype))


def positive(shape, dtype='float32', lo=0.05, hi=6.0):
    return torch.rand(shape, dtype=torch.float64).mul(hi - lo).add(lo).to(getattr(torch, dtype))


def unit(shape, dtype='float32'):
    return torch.rand(shape, dtype=torch.float64).mul(0.98).add(0.01).to(getattr(torch, dtype))


def unary(op, dtypes, maker=rand, exact=False, inplace=True, specials=True, kwargs=None):
    """Cases of a unary op: layouts per dtype, 0-d, empty, special values, in place."""
    for dt in dtypes:
        for lay, x in layouts([3, 4], dt, maker):
            c.add(f'{op}/{dt}/{lay}', op, [x], kwargs, exact=exact)
        c.add(f'{op}/{dt}/0d', op, [maker([], dt)], kwargs, exact=exact)
        c.add(f'{op}/{dt}/empty', op, [maker([0, 3], dt)], kwargs, exact=exact)
        if specials and dt in F:
            c.add(f'{op}/{dt}/special', op, [special(dt)], kwargs, exact=exact)
        if inplace:
            c.add(f'{op}_/{dt}', op + '_', [maker([2, 3], dt)], kwargs, exact=exact)


def binary(op, pairs, maker=rand, exact=False, inplace=True, scalars=True, kwargs=None):
    """Cases of a binary op: dtype pairs, broadcasting, layouts, numbers on either side, in place."""
    for da, db in pairs:
        c.add(f'{op}/{da}-{db}', op, [maker([3, 4], da), maker([3, 4], db)], kwargs, exact=exact)
    da, db = pairs[0]
    c.add(f'{op}/broadcast', op, [maker([3, 1], da), maker([4], db)], kwargs, exact=exact)
    for lay, x in layouts([3, 4], da, maker):
        c.add(f'{op}/{lay}', op, [x, maker([3, 4], db)], kwargs, exact=exact)
    c.add(f'{op}/0d', op, [maker([], da), maker([], db)], kwargs, exact=exact)
    c.add(f'{op}/empty', op, [maker([0, 4], da), maker([4], db)], kwargs, exact=exact)
    if scalars:
        c.add(f'{op}/scalar_other', op, [maker([3, 4], da), 2], kwargs, exact=exact)
        c.add(f'{op}/scalar_other_float', op, [maker([3, 4], da), 0.75], kwargs, exact=exact)
    if inplace:
        c.add(f'{op}_/same', op + '_', [maker([3, 4], da), maker([3, 4], db)], kwargs, exact=exact)
        c.add(f'{op}_/broadcast', op + '_', [maker([3, 4], da), maker([4], db)], kwargs, exact=exact)
        c.add(f'{op}_/bad_broadcast', op + '_', [maker([1, 4], da), maker([3, 4], db)], kwargs, exact=exact)


def specials_pair(dtype):
    a = torch.tensor(SPECIAL, dtype=getattr(torch, dtype))
    b = torch.tensor(list(reversed(SPECIAL)), dtype=getattr(torch, dtype))
    return a, b


# ---------------------------------------------------------------- unary kernels
unary('exp2', ALL)
unary('lgamma', ALL)
unary('digamma', F + INTS, maker=lambda s, d: rand(s, d) if d in F else rand(s, d).abs() + 1)
c.add('digamma/int/poles', 'digamma', [torch.tensor([0, -1, -3, 2])])
c.add('digamma/bool', 'digamma', [torch.tensor([True, False])])
c.add('lgamma/float64/negative', 'lgamma', [torch.tensor([-0.5, -1.5, -2.25, -3.75, -10.1, -100.3], dtype=torch.float64)])
c.add('lgamma/float64/near_roots', 'lgamma', [torch.tensor([0.999, 1.0001, 1.9999, 2.001, 1.4616, 7.9, 8.1, 1e10], dtype=torch.float64)])
c.add('digamma/float64/negative', 'digamma', [torch.tensor([-0.5, -1.5, -2.25, -3.75, -10.1], dtype=torch.float64)])
# (i0_ on a bool tensor reports 'Long' as the target dtype in 1.13: left out)
unary('i0', F + INTS, maker=lambda s, d: rand(s, d) * (3 if d in F else 1))
c.add('i0/bool', 'i0', [torch.tensor([True, False])])
c.add('i0/float64/large', 'i0', [torch.tensor([8.0, 8.5, -12.0, 30.0, 100.0, 700.0], dtype=torch.float64)])
c.add('i0/float32/large', 'i0', [torch.tensor([8.0, 8.5, -12.0, 30.0, 80.0, 88.5, 89.0, -95.0], dtype=torch.float32)])
# float32 tensors run PyTorch's float kernels (float arithmetic, poles that a double misses)
c.add('digamma/float32/near_poles', 'digamma', [torch.tensor([-0.9999, -1.0001, -2.5, -7.25, 1e-8, -1e-8, 30.5, 1e20], dtype=torch.float32)])
c.add('polygamma/n1/float32_negative', 'polygamma', [1, torch.tensor([-1.0, -2.0, -0.9999, -1.5, 0.25, 1e-4], dtype=torch.float32)])
c.add('polygamma/n2/float32_negative', 'polygamma', [2, torch.tensor([-1.5, -0.25, 0.5, 3.0], dtype=torch.float32)])
c.add('polygamma/n3/float32_points', 'polygamma', [3, torch.tensor([0.1, 1.0, 7.5], dtype=torch.float32)])
for n in [0, 1, 2, 3, 5]:
    for dt in F:
        c.add(f'polygamma/n{n}/{dt}', 'polygamma', [n, positive([3, 4], dt, 0.2, 8.0)])
    c.add(f'polygamma/n{n}/negative', 'polygamma', [n, torch.tensor([-0.5, -1.25, -2.75], dtype=torch.float64)])
c.add('polygamma/int', 'polygamma', [1, torch.tensor([1, 2, 3, 10])])
c.add('polygamma/special', 'polygamma', [2, special('float64')])
c.add('polygamma/transposed', 'polygamma', [1, positive([4, 3], 'float64').t()])
c.add('polygamma/negative_n', 'polygamma', [-1, rand([3])])
c.add('polygamma_/float32', 'polygamma_', [positive([2, 3]), 2])
c.add('polygamma_/float64', 'polygamma_', [positive([2, 3], 'float64'), 1])
c.add('polygamma_/int', 'polygamma_', [torch.tensor([1, 2]), 1])

# frexp: mantissa and int32 exponent
for dt in F:
    for lay, x in layouts([3, 4], dt):
        c.add(f'frexp/{dt}/{lay}', 'frexp', [x * 100], exact=True)
    c.add(f'frexp/{dt}/special', 'frexp', [special(dt)], exact=True)
    c.add(f'frexp/{dt}/0d', 'frexp', [rand([], dt)], exact=True)
c.add('frexp/float32/subnormal', 'frexp', [torch.tensor([1e-40, -3e-45, 1.1754942e-38, 3e38], dtype=torch.float32)], exact=True)
c.add('frexp/float64/subnormal', 'frexp', [torch.tensor([1e-310, -5e-324, 1.7e308], dtype=torch.float64)], exact=True)
for dt in INTS + ['bool']:
    c.add(f'frexp/{dt}', 'frexp', [rand([3], dt)])

# ---------------------------------------------------------------- binary kernels
binary('copysign', [('float32', 'float32'), ('float64', 'float32'), ('int64', 'float32'), ('int32', 'int64'), ('uint8', 'bool'), ('bool', 'bool')], exact=True)
for dt in F:
    a, b = specials_pair(dt)
    c.add(f'copysign/{dt}/special', 'copysign', [a, b], exact=True)
c.add('copysign/scalar_negzero', 'copysign', [rand([4]), -0.0], exact=True)
c.add('copysign_/int', 'copysign_', [torch.tensor([1, 2]), torch.tensor([-1.0, 1.0])])

binary('nextafter', [('float32', 'float32'), ('float64', 'float64'), ('float32', 'float64')], exact=True, scalars=False)
for dt in F:
    a, b = specials_pair(dt)
    c.add(f'nextafter/{dt}/special', 'nextafter', [a, b], exact=True)
    c.add(f'nextafter/{dt}/zero', 'nextafter', [torch.tensor([0.0, 0.0, -0.0, 1.0], dtype=getattr(torch, dt)), torch.tensor([1.0, -1.0, 1.0, 1.0], dtype=getattr(torch, dt))], exact=True)
c.add('nextafter/int', 'nextafter', [torch.tensor([1, 2]), torch.tensor([3, 4])])
c.add('nextafter/bool', 'nextafter', [torch.tensor([True]), torch.tensor([False])])


# igamma/igammac: the regimes of PyTorch's calc_igamma (series, continued fraction, small x, a ≈ x large)
for op in ['igamma', 'igammac']:
    for dt in F:
        c.add(f'{op}/{dt}', op, [positive([3, 4], dt, 0.1, 8.0), positive([3, 4], dt, 0.05, 10.0)])
        c.add(f'{op}/{dt}/regimes', op, [torch.tensor([0.5, 3.0, 0.2, 50.0, 50.0, 300.0, 300.0, 25.0, 2.0, 1e-3, 150.0, 7.0], dtype=getattr(torch, dt)),
                                          torch.tensor([0.3, 0.4, 0.8, 48.0, 55.0, 310.0, 290.0, 40.0, 30.0, 5.0, 100.0, 0.7], dtype=getattr(torch, dt))])
        c.add(f'{op}/{dt}/edges', op, [torch.tensor([0.0, 0.0, 2.0, inf, inf, 2.0, -1.0, 2.0, nan, 0.0, nan, 3.0], dtype=getattr(torch, dt)),
                                        torch.tensor([1.0, 0.0, 0.0, 3.0, inf, inf, 1.0, -1.0, 0.0, nan, 1.0, nan], dtype=getattr(torch, dt))])
        c.add(f'{op}_/{dt}', op + '_', [positive([3, 4], dt, 0.1, 8.0), positive([4], dt, 0.05, 10.0)])
    c.add(f'{op}/broadcast', op, [positive([3, 1], 'float64'), positive([4], 'float32')])
    c.add(f'{op}/transposed', op, [positive([4, 3], 'float64').t(), positive([3, 4], 'float64')])
    c.add(f'{op}/int', op, [torch.tensor([1, 2]), torch.tensor([1, 2])])
    c.add(f'{op}/bool', op, [torch.tensor([True]), torch.tensor([True])])
    c.add(f'{op}/scalar', op, [positive([3]), 2.5])
    c.add(f'{op}_/int_self', op + '_', [torch.tensor([1, 2]), positive([2])])


def ints(shape, dtype='int64'):
    t = torch.randint(-40, 41, shape)
    if dtype == 'uint8':
        t = t.abs()
    return t.to(getattr(torch, dtype))


for op in ['gcd', 'lcm']:
    binary(op, [('int64', 'int64'), ('int32', 'int32'), ('uint8', 'uint8'), ('int32', 'int64'), ('uint8', 'int64')], maker=lambda s, d: ints(s, d), exact=True, scalars=False)
    c.add(f'{op}/zeros', op, [torch.tensor([0, 0, 5, -5, 12]), torch.tensor([0, 7, 0, 15, -18])], exact=True)
    c.add(f'{op}/float', op, [rand([3]), rand([3])])
    c.add(f'{op}/int_float', op, [ints([3]), rand([3])])
    c.add(f'{op}/bool', op, [torch.tensor([True]), torch.tensor([False])])
    c.add(f'{op}_/float_other', op + '_', [ints([3]), rand([3])])


def shift_amounts(shape, dtype):
    width = {'int64': 63, 'int32': 31, 'uint8': 7}[dtype]
    return torch.randint(0, min(width, 12) + 1, shape).to(getattr(torch, dtype))


for op in ['bitwise_left_shift', 'bitwise_right_shift']:
    for dt in INTS:
        base = ints([3, 4], dt)
        c.add(f'{op}/{dt}', op, [base, shift_amounts([3, 4], dt)], exact=True)
        c.add(f'{op}/{dt}/scalar', op, [base, 3], exact=True)
        c.add(f'{op}_/{dt}', op + '_', [ints([3, 4], dt), shift_amounts([4], dt)], exact=True)
        for lay, x in layouts([3, 4], dt, lambda s, d: ints(s, d)):
            c.add(f'{op}/{dt}/{lay}', op, [x, shift_amounts([3, 4], dt)], exact=True)
    c.add(f'{op}/int32_big', op, [torch.tensor([2**30, -2**30, 123456789, -1], dtype=torch.int32), torch.tensor([1, 1, 4, 31], dtype=torch.int32)], exact=True)
    c.add(f'{op}/int64_mixed', op, [torch.tensor([5, -9], dtype=torch.int64), torch.tensor([2, 1], dtype=torch.int32)], exact=True)
    c.add(f'{op}/uint8_wrap', op, [torch.tensor([200, 255, 1], dtype=torch.uint8), torch.tensor([1, 3, 7], dtype=torch.uint8)], exact=True)
    c.add(f'{op}/scalar_self', op, [3, shift_amounts([4], 'int64')], exact=True)
    c.add(f'{op}/int32/masked_count', op, [torch.tensor([1, -5, 7, 3], dtype=torch.int32), torch.tensor([-3, 33, 40, -1], dtype=torch.int32)], exact=True)
    # (counts whose residues mod 64 and mod 32 agree, results within int32: WebGPU holds int64 in 32 bits)
    c.add(f'{op}/int64/masked_count', op, [torch.tensor([1, -5, 7, 3]), torch.tensor([-62, 65, 70, -40])], exact=True)
    c.add(f'{op}/uint8/masked_count', op, [torch.tensor([1, 200, 7], dtype=torch.uint8), torch.tensor([9, 33, 250], dtype=torch.uint8)], exact=True)
    c.add(f'{op}/float', op, [rand([3]), 1])
    c.add(f'{op}/bool', op, [torch.tensor([True]), torch.tensor([True])])

# ---------------------------------------------------------------- composites
unary('sgn', ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool'], exact=True)
unary('positive', F + INTS, exact=True, inplace=False)
c.add('positive/bool', 'positive', [torch.tensor([True])])
for op in ['deg2rad', 'rad2deg']:
    unary(op, F + INTS + ['bool'], exact=True, inplace=False)
    for dt in F:
        c.add(f'{op}_/{dt}', op + '_', [rand([2, 3], dt)], exact=True)
    c.add(f'{op}_/int', op + '_', [torch.tensor([1, 2])])
unary('nan_to_num', ALL, exact=True)
for dt in F:
    x = special(dt)
    c.add(f'nan_to_num/{dt}/values', 'nan_to_num', [x], {'nan': 1.5, 'posinf': 100.0, 'neginf': -7.0}, exact=True)
    c.add(f'nan_to_num/{dt}/only_nan', 'nan_to_num', [x], {'nan': -2.0}, exact=True)
    c.add(f'nan_to_num_/{dt}/values', 'nan_to_num_', [special(dt)], {'posinf': 3.0}, exact=True)
c.add('nan_to_num/int/kwargs', 'nan_to_num', [torch.tensor([1, 2])], {'nan': 1.0}, exact=True)
for op in ['isposinf', 'isneginf', 'isreal']:
    unary(op, ALL, exact=True, inplace=False)

unary('sinc', ALL)
c.add('sinc/float64/integers', 'sinc', [torch.tensor([-3.0, -1.0, 0.0, 1.0, 2.0, 1e-9], dtype=torch.float64)])
c.add('sinc_/int', 'sinc_', [torch.tensor([1, 2])])
unary('logit', F + INTS + ['bool'], maker=lambda s, d: unit(s, d) if d in F else rand(s, d), inplace=False)
for dt in F:
    c.add(f'logit/{dt}/eps', 'logit', [torch.tensor([-0.5, 0.0, 1e-8, 0.3, 0.9999999, 1.0, 2.0, nan], dtype=getattr(torch, dt)), 1e-6])
    c.add(f'logit/{dt}/eps_kw', 'logit', [unit([3, 4], dt)], {'eps': 0.25})
    c.add(f'logit/{dt}/negative_eps', 'logit', [unit([3, 4], dt), -1.0])
    c.add(f'logit_/{dt}', 'logit_', [unit([2, 3], dt)])
    c.add(f'logit_/{dt}/eps', 'logit_', [unit([2, 3], dt), 0.1])
c.add('logit_/int', 'logit_', [torch.tensor([0, 1])])

binary('logaddexp', [('float32', 'float32'), ('float64', 'float64'), ('float32', 'float64'), ('float32', 'int64')], inplace=False, scalars=False)
binary('logaddexp2', [('float32', 'float32'), ('float64', 'float64'), ('float32', 'float64'), ('float32', 'int64')], inplace=False, scalars=False)
for op in ['logaddexp', 'logaddexp2']:
    for dt in F:
        a, b = specials_pair(dt)
        c.add(f'{op}/{dt}/special', op, [a, b])
        c.add(f'{op}/{dt}/same_inf', op, [torch.tensor([inf, -inf, inf, -inf], dtype=getattr(torch, dt)), torch.tensor([inf, -inf, -inf, 3.0], dtype=getattr(torch, dt))])
        c.add(f'{op}/{dt}/large', op, [torch.tensor([1000.0, -1000.0, 50.0], dtype=getattr(torch, dt)), torch.tensor([999.0, -1001.0, -50.0], dtype=getattr(torch, dt))])
    c.add(f'{op}/int', op, [torch.tensor([1, 2]), torch.tensor([3, 4])])
    c.add(f'{op}/bool', op, [torch.tensor([True]), torch.tensor([False])])
    c.add(f'{op}/scalar', op, [rand([3]), 2.5])


def hv(shape, dtype):
    x = rand(shape, dtype)
    if dtype in F:
        x = x.round()
    return x


for dt in ALL:
    x = hv([3, 4], dt)
    c.add(f'heaviside/{dt}', 'heaviside', [x, hv([4], dt)], exact=True)
    c.add(f'heaviside_/{dt}', 'heaviside_', [hv([3, 4], dt), hv([3, 4], dt)], exact=True)
for lay, x in layouts([3, 4], 'float32', hv):
    c.add(f'heaviside/{lay}', 'heaviside', [x, torch.tensor(0.5)], exact=True)
c.add('heaviside/special', 'heaviside', [special('float32'), torch.tensor([7.0])], exact=True)
c.add('heaviside/negzero', 'heaviside', [torch.tensor([-0.0, 0.0]), torch.tensor([-1.0, 2.0])], exact=True)
c.add('heaviside/dtypes', 'heaviside', [rand([3]), rand([3], 'float64')])
c.add('heaviside/scalar', 'heaviside', [rand([3]), 0.5])

for op in ['clamp_min', 'clamp_max']:
    binary(op, [('float32', 'float32'), ('float64', 'float32'), ('int64', 'int64'), ('int32', 'float32'), ('uint8', 'uint8'), ('bool', 'bool')], exact=True)
    c.add(f'{op}/special', op, list(specials_pair('float32')), exact=True)
    c.add(f'{op}/nan_bound', op, [rand([4]), nan], exact=True)
    c.add(f'{op}/int_float_bound', op, [rand([3, 4], 'int64'), 1.5], exact=True)
    c.add(f'{op}/bool_scalar', op, [torch.tensor([True, False]), True])
    c.add(f'{op}_/int_float_bound', op + '_', [rand([3], 'int64'), 1.5])

for dt in ['float32', 'float64', 'int64', 'int32', 'uint8']:
    c.add(f'rsub/{dt}', 'rsub', [rand([3, 4], dt), rand([3, 4], dt)], exact=True)
    c.add(f'rsub/{dt}/scalar', 'rsub', [rand([3, 4], dt), 5], exact=True)
    c.add(f'rsub/{dt}/alpha', 'rsub', [rand([3, 4], dt), rand([4], dt)], {'alpha': 3}, exact=True)
c.add('rsub/float_alpha', 'rsub', [rand([3, 4]), rand([3, 4])], {'alpha': 0.5}, exact=True)
c.add('rsub/int_float_alpha', 'rsub', [rand([3], 'int64'), rand([3], 'int64')], {'alpha': 0.5})
c.add('rsub/mixed', 'rsub', [rand([3], 'int64'), rand([3])], exact=True)
c.add('rsub/scalar_float', 'rsub', [rand([3], 'int64'), 1.5], exact=True)
c.add('rsub/bool', 'rsub', [torch.tensor([True]), torch.tensor([False])])
for lay, x in layouts([3, 4]):
    c.add(f'rsub/{lay}', 'rsub', [x, rand([3, 4])], exact=True)

# float_power: float64 results
for da, db in [('float32', 'float32'), ('int64', 'int64'), ('float64', 'int32'), ('uint8', 'float32'), ('bool', 'int64')]:
    base = positive([3, 4], da, 0.1, 3.0) if da in F else (rand([3, 4], da) if da == 'bool' else rand([3, 4], da).abs())
    c.add(f'float_power/{da}-{db}', 'float_power', [base, rand([3, 4], db)])
c.add('float_power/scalar_exp', 'float_power', [rand([3, 4]), 2], exact=True)
c.add('float_power/scalar_frac', 'float_power', [positive([3, 4]), 0.5])
c.add('float_power/scalar_base', 'float_power', [2, rand([3, 4], 'int64')])
c.add('float_power/special', 'float_power', list(specials_pair('float64')))
c.add('float_power/broadcast', 'float_power', [positive([3, 1], 'float64'), rand([4])])
c.add('float_power_/float64', 'float_power_', [positive([3, 4], 'float64'), rand([4], 'float64')])
c.add('float_power_/float32', 'float_power_', [positive([3, 4]), 2])
c.add('float_power_/scalar', 'float_power_', [positive([3, 4], 'float64'), 3])

# ldexp: input * pow(2.0, other)
for da, db in [('float32', 'int64'), ('float64', 'int32'), ('int64', 'int64'), ('uint8', 'uint8'), ('float32', 'float32'), ('bool', 'int64')]:
    c.add(f'ldexp/{da}-{db}', 'ldexp', [rand([3, 4], da), rand([3, 4], db)], exact=True)
c.add('ldexp/broadcast', 'ldexp', [rand([3, 1]), torch.tensor([0, 1, -3, 10])], exact=True)
c.add('ldexp/large', 'ldexp', [torch.tensor([1.5, -1.0, 3.0]), torch.tensor([127, -149, 200])], exact=True)
c.add('ldexp/scalar', 'ldexp', [rand([3]), 2])
c.add('ldexp_/float', 'ldexp_', [rand([3, 4]), rand([4], 'int64')], exact=True)
c.add('ldexp_/int', 'ldexp_', [rand([3], 'int64'), rand([3], 'int64')])

# xlogy
for da, db in [('float32', 'float32'), ('float64', 'float64'), ('int64', 'int64'), ('float32', 'float64'), ('uint8', 'bool'), ('bool', 'float32')]:
    a = rand([3, 4], da)
    b = positive([3, 4], db) if db in F else rand([3, 4], db)
    c.add(f'xlogy/{da}-{db}', 'xlogy', [a, b])
c.add('xlogy/zeros', 'xlogy', [torch.tensor([0.0, 0.0, 0.0, 0.0, 2.0, 1.0]), torch.tensor([0.0, nan, inf, -1.0, 0.0, nan])])
c.add('xlogy/scalar_other', 'xlogy', [rand([3, 4]), 3.0])
c.add('xlogy/scalar_self', 'xlogy', [2, positive([3, 4])])
c.add('xlogy/scalar_self_zero', 'xlogy', [0, torch.tensor([0.0, 1.0, nan])])
c.add('xlogy/broadcast', 'xlogy', [rand([3, 1]), positive([4])])
for lay, x in layouts([3, 4]):
    c.add(f'xlogy/{lay}', 'xlogy', [x, positive([3, 4])])
c.add('xlogy_/float', 'xlogy_', [rand([3, 4]), positive([4])])
c.add('xlogy_/int', 'xlogy_', [rand([3], 'int64'), positive([3])])

c.write('math')
