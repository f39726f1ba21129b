"""Golden cases of `torch.special` (all 56 names of PyTorch 1.13): values on grids that
cover each function's domain and its edges (0, -0, ±inf, NaN, poles, the switch points
of the piecewise approximations, very large and very small arguments) in float32 and
float64, integer and bool inputs (promoted to the default float), Python numbers on
either side of the binary functions, layouts, and errors. Writes
packages/core/fixtures/ops-special.json; case ops are `special.<name>` (mapped in
packages/core/src/testing/surface/special.ts). Also writes
packages/core/fixtures/special-grad.json: PyTorch's autograd node name and the gradient
of sum(f(x)) on a float64 input for every differentiable name, and which names give a
result that does not require grad.

    /usr/bin/python3 tools/golden/ops_special.py

Tolerances: the conformance suite's (float32 rtol 1e-5 and atol 1e-6, about 84 ulps; float64
rtol 1e-12 and atol 1e-14) for every function on every device. The CPU backend reproduces
PyTorch's float32 steps and fused multiply-adds, within 4 ulps except where noted in the
bounds below; WebGPU computes in float32 with its WGSL library (exp, log, sin, cos, acos
within 1-3 ulps, division within 2.5 ulps as WGSL allows), which that tolerance covers, and the
float32 `bound`s below cover the ill-conditioned places (polynomials, airy_ai for x < -2.09).
"""

import math

import torch

from _cases import Cases, rand
from _common import enc_arg, enc_output, write_json

torch.manual_seed(0)
nan = float('nan')
inf = float('inf')
S = torch.special
F = ['float32', 'float64']

c = Cases()

# float32 bounds (the `bound` field: added to the suite's absolute tolerance per element) where
# float32 evaluation itself is ill-conditioned, so any float32 implementation (WebGPU's
# included) differs from PyTorch's by about PyTorch's own float32 error:
# - every element: 2·|f32 − f64|, PyTorch's float32 result against its float64 result on the
#   same inputs (the recurrences cancel: He₁₂(−5.5) is −50827.25 in float32, −50830.03 exactly);
# - the polynomials' trigonometric forms (cos(n·acos x), …, |x| < 1 and n above a threshold):
#   θ = acos(x) carries about one float32 ulp (2⁻²² near π; glibc's acosf is not correctly
#   rounded), which the form multiplies by n + 1: 4·(n + 1)·2⁻²²·max(1, |f|);
# - airy_ai below −2.09: sin/cos of t = ζ + π/4 (ζ = (2/3)|x|^1.5) with one ulp of t in float32,
#   times the amplitude 0.5642·|x|^(−1/4): 2·ulp(t)·0.5642·|x|^(−1/4).
TRIG = {'chebyshev_polynomial_t': 6, 'chebyshev_polynomial_u': 8, 'chebyshev_polynomial_v': 8, 'chebyshev_polynomial_w': 8,
        'shifted_chebyshev_polynomial_t': 6, 'shifted_chebyshev_polynomial_u': 6, 'shifted_chebyshev_polynomial_v': 6,
        'shifted_chebyshev_polynomial_w': 4}


def own_error(fn, *args):
    """2·|f32 − f64| per element (0 where either is not finite)."""
    lo = fn(*args).double()
    hi = fn(*[a.double() for a in args]).double()
    err = (lo - hi).abs()
    return torch.where(err.isfinite(), 2 * err, torch.zeros(())), hi


def poly_bound(name, fn, x, y):
    err, hi = own_error(fn, x, y)
    if name in TRIG:
        u = x.double() * 2 - 1 if name.startswith('shifted') else x.double()
        n = y.double().nan_to_num(-1.0, -1.0, -1.0).trunc()
        trig = (u.abs() < 1) & (n > TRIG[name])
        extra = 4 * (n + 1) * 2.0 ** -22 * hi.abs().nan_to_num(0.0, 0.0, 0.0).clamp(min=1)
        err = err + torch.where(trig, extra, torch.zeros(()))
    return err.reshape(-1).tolist()


def airy_bound(x):
    err, _ = own_error(S.airy_ai, x)
    xd = x.double()
    t = (2.0 / 3.0) * (-xd).clamp(min=0) ** 1.5 + math.pi / 4
    ulp = torch.tensor([math.ulp(float(torch.tensor(v, dtype=torch.float32))) if math.isfinite(v) else 0.0 for v in t.tolist()], dtype=torch.float64)
    extra = 2 * ulp * 0.5642 * (-xd).clamp(min=1) ** -0.25
    return (err + torch.where(xd < -2.09, extra, torch.zeros(()))).reshape(-1).tolist()


# Values every unary function sees: signed zeros, infinities, NaN, tiny and huge magnitudes.
EDGES = [0.0, -0.0, inf, -inf, nan, 1e-30, -1e-30, 1e-8, -1e-8, 1e-5, 0.5, -0.5, 1.0, -1.0, 2.0, 1e10, -1e10, 1e30, -1e30]


def tensor(values, dt):
    return torch.tensor(values, dtype=getattr(torch, dt))


def grid(lo, hi, n, dt, extra=()):
    vals = torch.linspace(lo, hi, n, dtype=torch.float64).tolist() + list(extra)
    return tensor(vals, dt)


def unary(name, lo, hi, breaks=(), extra=(), bound=None):
    """A unary function: a grid over [lo, hi] with its break points (and their neighbours), the edge values, a
    logarithmic sweep of both signs, int64 and bool inputs, a 0-d and an empty tensor, a transposed view, a number."""
    fn = getattr(S, name)
    op = f'special.{name}'
    for dt in F:
        near = []
        for b in breaks:
            eps = 1e-6 if dt == 'float32' else 1e-12
            near += [b, b * (1 - eps) if b else -eps, b * (1 + eps) if b else eps]
        sweep = torch.logspace(-6, 3, 46, dtype=torch.float64)
        for kind, x in [('grid', grid(lo, hi, 121, dt, near + list(extra))), ('edges', tensor(EDGES, dt)), ('sweep', torch.cat([sweep, -sweep]).to(getattr(torch, dt)))]:
            c.add(f'{op}/{dt}/{kind}', op, [x], fn=fn, bound=bound(x) if bound and dt == 'float32' else None)
        c.add(f'{op}/{dt}/0d', op, [tensor(0.75, dt)], fn=fn)
        c.add(f'{op}/{dt}/empty', op, [torch.zeros([0, 3], dtype=getattr(torch, dt))], fn=fn)
    c.add(f'{op}/transposed', op, [rand([4, 3]).t()], fn=fn)
    c.add(f'{op}/int64', op, [torch.tensor([-3, -1, 0, 1, 2, 7, 30])], fn=fn)
    c.add(f'{op}/bool', op, [torch.tensor([True, False])], fn=fn)
    c.add(f'{op}/number', op, [2], fn=fn)


unary('erfcx', -30, 60, breaks=[50, -26.7, -6.1], extra=[5e7, 6e7, -27, 1e-20])
unary('ndtri', -0.1, 1.1, breaks=[0.13533528323661269189, 1 - 0.13533528323661269189], extra=[1e-10, 1e-20, 1e-40, 1e-300, 1 - 1e-7, 1 - 1e-15, 1.2664165549e-14])
unary('log_ndtr', -40, 10, breaks=[-1], extra=[-1e3, -1e5, 38, 1e-20])
unary('i0e', -30, 30, breaks=[8, -8])
unary('i1e', -30, 30, breaks=[8, -8])
unary('i1', -30, 30, breaks=[8, -8])
unary('entr', -1, 5, breaks=[0], extra=[1e-300, 1e300])
unary('bessel_j0', -30, 30, breaks=[5, -5, 1e-5], extra=[2.404825557695773, 5.520078110286311, 1e3])
unary('bessel_j1', -30, 30, breaks=[5, -5], extra=[3.8317059702075125, 7.015586669815619])
unary('bessel_y0', -1, 30, breaks=[5], extra=[0.8935769662791675, 3.957678419314858, 1e-20])
unary('bessel_y1', -1, 30, breaks=[5], extra=[2.197141326031017, 5.429681040794135, 1e-20])
unary('modified_bessel_i0', -30, 30, breaks=[8, -8])
unary('modified_bessel_i1', -30, 30, breaks=[8, -8])
unary('modified_bessel_k0', -1, 30, breaks=[2], extra=[1e-20, 700, 750])
unary('modified_bessel_k1', -1, 30, breaks=[2], extra=[1e-20, 700, 750])
unary('scaled_modified_bessel_k0', -1, 30, breaks=[2], extra=[1e-20, 700, 750])
unary('scaled_modified_bessel_k1', -1, 30, breaks=[2], extra=[1e-20, 700, 750])
unary('spherical_bessel_j0', -30, 30, breaks=[0.5, -0.5], extra=[math.pi, 1e-20])
unary('airy_ai', -30, 30, breaks=[-2.09, 2.09, 8.3203353, 103.892], extra=[-1e3, 50, 104, 1e-20], bound=airy_bound)

# Names torch.special shares with top-level ops: the same values, through the namespace.
for name, lo, hi in [('erf', -6, 6), ('erfc', -6, 30), ('erfinv', -1.1, 1.1), ('exp2', -160, 130), ('expit', -40, 40),
                     ('expm1', -40, 90), ('log1p', -1.5, 10), ('digamma', -5.5, 30), ('psi', -5.5, 30), ('gammaln', -5.5, 40),
                     ('i0', -30, 30), ('sinc', -6, 6), ('ndtr', -40, 10)]:
    fn = getattr(S, name)
    op = f'special.{name}'
    for dt in F:
        c.add(f'{op}/{dt}/grid', op, [grid(lo, hi, 61, dt, [0.0, -0.0, inf, -inf, nan])], fn=fn)
    c.add(f'{op}/int64', op, [torch.tensor([-2, 0, 1, 3])], fn=fn)

for dt in F:
    x = grid(-0.2, 1.2, 29, dt, [0.0, 1.0, nan])
    c.add(f'special.logit/{dt}', 'special.logit', [x], fn=S.logit)
    c.add(f'special.logit/{dt}/eps', 'special.logit', [x], {'eps': 0.1}, fn=S.logit)
    c.add(f'special.round/{dt}', 'special.round', [grid(-3, 3, 25, dt, [2.5, -0.5, 1.5, nan, inf])], fn=S.round)
    c.add(f'special.round/{dt}/decimals', 'special.round', [tensor([1.2345, -2.5678, 0.125, 1234.5678, nan, inf], dt)], {'decimals': 2}, fn=S.round)
    c.add(f'special.round/{dt}/negative_decimals', 'special.round', [tensor([1234.5678, -2550.0, 150.0, 49.9], dt)], {'decimals': -2}, fn=S.round)
    m = rand([3, 4], dt)
    c.add(f'special.softmax/{dt}', 'special.softmax', [m, 1], fn=S.softmax)
    c.add(f'special.log_softmax/{dt}', 'special.log_softmax', [m, 0], fn=S.log_softmax)
    c.add(f'special.logsumexp/{dt}', 'special.logsumexp', [m, 1], fn=S.logsumexp)
    c.add(f'special.logsumexp/{dt}/keepdim', 'special.logsumexp', [m, [0, 1], True], fn=S.logsumexp)
    c.add(f'special.multigammaln/{dt}', 'special.multigammaln', [grid(1.6, 10, 15, dt), 3], fn=S.multigammaln)
    c.add(f'special.multigammaln/{dt}/p1', 'special.multigammaln', [grid(0.5, 10, 15, dt), 1], fn=S.multigammaln)
    for n in [0, 1, 2, 3, 5]:
        c.add(f'special.polygamma/{dt}/n{n}', 'special.polygamma', [n, grid(-3.5, 20, 31, dt, [0.0, nan, inf])], fn=S.polygamma)
c.add('special.softmax/int_dtype', 'special.softmax', [torch.tensor([1, 2, 3]), 0], {'dtype': torch.float64}, fn=S.softmax)
c.add('special.log_softmax/dtype', 'special.log_softmax', [rand([2, 3]), 1], {'dtype': torch.float64}, fn=S.log_softmax)
c.add('special.round/int64', 'special.round', [torch.tensor([1, 2])], fn=S.round)
c.add('special.round/int64_decimals', 'special.round', [torch.tensor([1, 2])], {'decimals': 1}, fn=S.round)
c.add('special.multigammaln/int64', 'special.multigammaln', [torch.tensor([4, 5, 6]), 2], fn=S.multigammaln)
c.add('special.multigammaln/p0', 'special.multigammaln', [rand([3]).abs() + 2, 0], fn=S.multigammaln)
c.add('special.multigammaln/bool', 'special.multigammaln', [torch.tensor([True]), 1], fn=S.multigammaln)
c.add('special.polygamma/negative_n', 'special.polygamma', [-1, rand([3])], fn=S.polygamma)
c.add('special.polygamma/int64', 'special.polygamma', [2, torch.tensor([1, 2, 3])], fn=S.polygamma)

# Binary functions: a grid of both operands (broadcast), numbers on either side, integers.
def binary(name, xs, ys, dts=F, scalars=True):
    fn = getattr(S, name)
    op = f'special.{name}'
    for dt in dts:
        x = tensor(xs, dt).reshape(-1, 1)
        y = tensor(ys, dt)
        c.add(f'{op}/{dt}/grid', op, [x, y], fn=fn, bound=poly_bound(name, fn, x, y) if dt == 'float32' and 'polynomial' in name else None)
    c.add(f'{op}/mixed', op, [tensor(xs, 'float32'), tensor(ys[:len(xs)] + ys[:max(0, len(xs) - len(ys))], 'float64')[:len(xs)]], fn=fn)
    if scalars:
        c.add(f'{op}/number_other', op, [tensor(xs, 'float32'), 3], fn=fn)
        c.add(f'{op}/number_other_float', op, [tensor(xs, 'float64'), 2.5], fn=fn)
        yt = tensor(ys, 'float32')
        c.add(f'{op}/number_input', op, [0.75, yt], fn=fn, bound=poly_bound(name, fn, torch.tensor(0.75), yt) if 'polynomial' in name else None)
    c.add(f'{op}/int64', op, [torch.tensor([0, 1, 2, 3]), torch.tensor([1, 2, 3, 4])], fn=fn)
    c.add(f'{op}/bool', op, [torch.tensor([True, False]), torch.tensor([True, True])], fn=fn)
    c.add(f'{op}/0d', op, [tensor(0.5, 'float32'), tensor(2.0, 'float32')], fn=fn)
    c.add(f'{op}/bad_broadcast', op, [rand([2]), rand([3])], fn=fn)


NS = [-3.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 12.0, 20.0, 33.0, 2.5, -0.5, nan, inf]
X_CHEB = torch.linspace(-1.25, 1.25, 21, dtype=torch.float64).tolist() + [1.0, -1.0, 0.0, -0.0, 0.999, -0.999, 0.5, 1e-8, 2.0, -3.0, nan, inf, -inf]
X_SHIFT = torch.linspace(-0.25, 1.25, 19, dtype=torch.float64).tolist() + [1.0, 0.0, -0.0, 0.5, 0.9995, 0.0005, 1.5, -1.0, nan, inf]
for name in ['chebyshev_polynomial_t', 'chebyshev_polynomial_u', 'chebyshev_polynomial_v', 'chebyshev_polynomial_w', 'legendre_polynomial_p']:
    binary(name, X_CHEB, NS)
for name in ['shifted_chebyshev_polynomial_t', 'shifted_chebyshev_polynomial_u', 'shifted_chebyshev_polynomial_v', 'shifted_chebyshev_polynomial_w']:
    binary(name, X_SHIFT, NS)
X_H = torch.linspace(-6, 6, 25, dtype=torch.float64).tolist() + [0.0, -0.0, 1e-3, 1.0, -1.0, 30.0, nan, inf, -inf]
binary('hermite_polynomial_h', X_H, NS)
binary('hermite_polynomial_he', X_H, NS)
binary('laguerre_polynomial_l', torch.linspace(-4, 40, 23, dtype=torch.float64).tolist() + [0.0, -0.0, 1e-3, 1.0, 100.0, nan, inf, -inf], NS)
binary('zeta', [0.5, 1.0, 1.0001, 1.5, 2.0, 3.0, 4.5, 10.0, 30.0, 80.0, -2.0, nan, inf],
       [-3.0, -2.5, -1.0, -0.0, 0.0, 1e-10, 0.5, 1.0, 2.0, 7.5, 10.0, 1e3, 1e8, nan, inf])
binary('xlog1py', [0.0, -0.0, 1.0, -2.0, 0.5, 3.0, 1e-30, nan, inf, -inf],
       [-2.0, -1.0, -0.5, 0.0, 1e-10, 1e-3, 1.0, 100.0, 1e30, nan, inf, -inf])
binary('xlogy', [0.0, -0.0, 1.0, -2.0, 0.5, nan, inf],
       [-1.0, 0.0, 1e-10, 1.0, 100.0, nan, inf])
binary('gammainc', [0.5, 1.0, 2.0, 5.0, 30.0, 0.0, -1.0, nan, inf], [0.0, 0.1, 1.0, 2.5, 10.0, 40.0, -1.0, nan, inf], scalars=False)
binary('gammaincc', [0.5, 1.0, 2.0, 5.0, 30.0, 0.0, -1.0, nan, inf], [0.0, 0.1, 1.0, 2.5, 10.0, 40.0, -1.0, nan, inf], scalars=False)
c.add('special.gammainc/number_other', 'special.gammainc', [rand([3]).abs(), 2], fn=S.gammainc)
c.add('special.gammaincc/number_input', 'special.gammaincc', [2.5, rand([3]).abs()], fn=S.gammaincc)
c.add('special.chebyshev_polynomial_t/large_n', 'special.chebyshev_polynomial_t',
      [tensor([0.3, -0.7, 0.999, 1.001, -1.01], 'float64').reshape(-1, 1), tensor([100.0, 257.0, 1000.0], 'float64')], fn=S.chebyshev_polynomial_t)
c.add('special.legendre_polynomial_p/large_n', 'special.legendre_polynomial_p',
      [tensor([0.3, -0.7, 0.999], 'float32').reshape(-1, 1), tensor([100.0, 257.0], 'float32')], fn=S.legendre_polynomial_p)

# Bad arguments: PyTorch's texts.
for name in ['zeta', 'xlog1py', 'chebyshev_polynomial_t', 'hermite_polynomial_h']:
    c.add(f'special.{name}/two_numbers', f'special.{name}', [2, 3], fn=getattr(S, name))
c.add('special.logsumexp/int64', 'special.logsumexp', [torch.tensor([1, 2, 3]), 0], fn=S.logsumexp)
c.add('special.softmax/int64', 'special.softmax', [torch.tensor([1, 2, 3]), 0], fn=S.softmax)
c.add('special.log_softmax/int64', 'special.log_softmax', [torch.tensor([1, 2, 3]), 0], fn=S.log_softmax)
for name in ['erfcx', 'ndtri', 'log_ndtr', 'i0e', 'i1', 'i1e', 'entr', 'bessel_j0', 'airy_ai', 'modified_bessel_k1', 'ndtr', 'spherical_bessel_j0']:
    c.add(f'special.{name}/not_a_tensor', f'special.{name}', [[1.0, 2.0]], fn=getattr(S, name))

c.write('special')


def grad_case(name, fn, x):
    x = x.detach().clone().requires_grad_(True)
    y = fn(x)
    entry = {'name': name, 'input': enc_arg(x.detach()), 'requires_grad': y.requires_grad}
    if y.requires_grad:
        entry['grad_fn'] = y.grad_fn.name()
        try:
            (g,) = torch.autograd.grad(y.sum(), x)
            entry['grad'] = enc_output(g)
        except RuntimeError as e:
            entry['error'] = str(e).split('\n')[0]
    return entry


pos = torch.tensor([0.3, 1.2, 2.5, 7.0, 9.5], dtype=torch.float64)
sym = torch.tensor([-9.5, -2.0, -0.4, 0.3, 1.2, 8.5], dtype=torch.float64)
unit = torch.tensor([0.05, 0.3, 0.5, 0.8, 0.97], dtype=torch.float64)
grads = []
for name in ['airy_ai', 'bessel_j0', 'bessel_j1', 'bessel_y0', 'bessel_y1', 'modified_bessel_i0', 'modified_bessel_i1',
             'modified_bessel_k0', 'modified_bessel_k1', 'scaled_modified_bessel_k0', 'scaled_modified_bessel_k1', 'spherical_bessel_j0',
             'erfcx', 'log_ndtr', 'i0e', 'i1', 'i1e', 'entr', 'ndtr', 'erf', 'erfc', 'expit', 'exp2', 'expm1', 'log1p', 'digamma', 'psi',
             'gammaln', 'i0', 'sinc', 'round']:
    grads.append(grad_case(name, getattr(S, name), pos if name in ('entr', 'gammaln', 'digamma', 'psi') or 'k0' in name or 'k1' in name or 'y0' in name or 'y1' in name else sym))
grads.append(grad_case('ndtri', S.ndtri, unit))
grads.append(grad_case('erfinv', S.erfinv, unit))
grads.append(grad_case('logit', S.logit, unit))
grads.append(grad_case('multigammaln', lambda x: S.multigammaln(x, 3), pos + 1.5))
grads.append(grad_case('polygamma', lambda x: S.polygamma(2, x), pos))
grads.append(grad_case('softmax', lambda x: S.softmax(x, 0) * torch.arange(6.0, dtype=torch.float64), sym))
grads.append(grad_case('log_softmax', lambda x: S.log_softmax(x, 0) * torch.arange(6.0, dtype=torch.float64), sym))
grads.append(grad_case('logsumexp', lambda x: S.logsumexp(x, 0), sym))
other = torch.tensor([0.5, 1.5, 2.0, 3.0, 4.0], dtype=torch.float64)
grads.append(grad_case('xlog1py', lambda x: S.xlog1py(x, other), pos))
grads.append(grad_case('xlog1py/other', lambda y: S.xlog1py(other, y), pos))
grads.append(grad_case('xlogy', lambda x: S.xlogy(x, other), pos))
grads.append(grad_case('zeta', lambda x: S.zeta(x + 1.5, other), pos))
grads.append(grad_case('zeta/other', lambda q: S.zeta(other + 1.5, q), pos))
grads.append(grad_case('gammainc', lambda x: S.gammainc(other, x), pos))
grads.append(grad_case('gammainc/input', lambda a: S.gammainc(a, other), pos))
grads.append(grad_case('gammaincc', lambda x: S.gammaincc(other, x), pos))
for name in ['chebyshev_polynomial_t', 'chebyshev_polynomial_u', 'chebyshev_polynomial_v', 'chebyshev_polynomial_w',
             'shifted_chebyshev_polynomial_t', 'shifted_chebyshev_polynomial_u', 'shifted_chebyshev_polynomial_v',
             'shifted_chebyshev_polynomial_w', 'hermite_polynomial_h', 'hermite_polynomial_he', 'laguerre_polynomial_l',
             'legendre_polynomial_p']:
    grads.append(grad_case(name, lambda x, f=getattr(S, name): f(x, 3), unit))
write_json('packages/core/fixtures/special-grad.json', grads)
print(len(c.cases), 'cases,', len(grads), 'gradient cases')
