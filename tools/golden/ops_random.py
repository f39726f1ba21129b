"""Golden cases of the random distributions' deterministic behaviour: cauchy_,
log_normal_, geometric_, poisson, binomial. Writes packages/core/fixtures/ops-random.json.

    /usr/bin/python3 tools/golden/ops_random.py

The op suite has no per-case seed, so these cases are the ones whose result does not
depend on the generator: empty tensors, rates of 0, counts and probabilities at the
ends of their ranges, and PyTorch's argument and dtype errors. The random values
themselves (bit-exact streams, draw counts) are checked by
tools/golden/rng_distributions.py → packages/rng/test/fixtures/distributions.json.
"""
import torch

from _cases import Cases, layouts

nan = float('nan')
# PyTorch 2.x checks cauchy_'s dtype with a message of its own (cauchy_impl_ in
# aten/src/ATen/native/DistributionTemplates.h: TORCH_CHECK(at::isFloatingType(...),
# "Cauchy distribution is a continuous probability distribution. dtype must be a floating
# point but you specified ", self.dtype())); 1.13 fails in the kernel's dispatch.
OVERRIDES = {
    f'cauchy_/{dt}': (f'Cauchy distribution is a continuous probability distribution. dtype must be a floating point '
                      f'but you specified torch.{dt}', 'RuntimeError')
    for dt in ['int64', 'int32', 'uint8', 'bool']
}
c = Cases(overrides_2x=OVERRIDES)
F = ['float32', 'float64']


def empty(shape, dtype='float32'):
    return torch.empty(shape, dtype=getattr(torch, dtype))


# in-place fills: empty tensors (no draws) and argument / dtype errors
for dt in F:
    c.add(f'cauchy_/empty_{dt}', 'cauchy_', [empty([0], dt)])
    c.add(f'cauchy_/empty2d_{dt}', 'cauchy_', [empty([2, 0], dt)], {'median': 1.0, 'sigma': 2.0})
    c.add(f'log_normal_/empty_{dt}', 'log_normal_', [empty([0], dt)])
    c.add(f'log_normal_/empty2d_{dt}', 'log_normal_', [empty([0, 3], dt)], {'mean': 0.0, 'std': 0.5})
    c.add(f'geometric_/empty_{dt}', 'geometric_', [empty([0], dt)], {'p': 0.5})
def zeros(shape, dtype='float32'):
    return torch.zeros(shape, dtype=getattr(torch, dtype))


for dt in ['int64', 'int32', 'uint8', 'bool']:
    c.add(f'cauchy_/{dt}', 'cauchy_', [zeros([2], dt)])
    c.add(f'log_normal_/{dt}', 'log_normal_', [zeros([2], dt)])
for dt in ['int64', 'int32', 'uint8']:
    c.add(f'geometric_/empty_{dt}', 'geometric_', [empty([0], dt)], {'p': 0.25})
c.add('geometric_/bool', 'geometric_', [zeros([2], 'bool')], {'p': 0.5})
for name, p in [('p0', 0.0), ('p1', 1.0), ('p1.5', 1.5), ('neg', -0.1), ('nan', nan)]:
    c.add(f'geometric_/{name}', 'geometric_', [zeros([2])], {'p': p})
for name, std in [('std0', 0.0), ('neg', -2.0), ('nan', nan)]:
    c.add(f'log_normal_/{name}', 'log_normal_', [zeros([2])], {'mean': 1.0, 'std': std})

# poisson: rate 0 draws nothing and gives 0
for dt in F:
    for lay, z in layouts([3, 4], dt, maker=lambda s, d: torch.zeros(s, dtype=getattr(torch, d))):
        c.add(f'poisson/zeros_{lay}_{dt}', 'poisson', [z], exact=True)
    c.add(f'poisson/empty_{dt}', 'poisson', [empty([0, 2], dt)])
    c.add(f'poisson/negative_{dt}', 'poisson', [torch.tensor([0.0, -1.0], dtype=getattr(torch, dt))])
    c.add(f'poisson/nan_{dt}', 'poisson', [torch.tensor([nan], dtype=getattr(torch, dt))])
for dt in ['int64', 'int32', 'uint8']:
    c.add(f'poisson/{dt}', 'poisson', [torch.tensor([1, 2], dtype=getattr(torch, dt))])

# binomial: count <= 0, prob <= 0, prob >= 1 and NaN prob draw nothing
for dt in F:
    d = getattr(torch, dt)
    count = torch.tensor([[0.0, 5.0, -3.0, 7.0], [12.0, 0.0, 4.0, 100.0], [2.5, 9.0, 1e6, 3.0]], dtype=d)
    prob = torch.tensor([[0.5, 0.0, 0.7, 1.0], [1.5, 0.3, -0.25, 1.0], [0.0, nan, 1.0, -1.0]], dtype=d)
    c.add(f'binomial/ends_{dt}', 'binomial', [count, prob], exact=True)
    c.add(f'binomial/ends_transposed_{dt}', 'binomial', [count.t(), prob.t()], exact=True)
    c.add(f'binomial/broadcast_prob_{dt}', 'binomial', [count, torch.tensor([1.0, 0.0, 1.0, 0.0], dtype=d)], exact=True)
    c.add(f'binomial/broadcast_count_{dt}', 'binomial', [torch.tensor([[0.0], [4.0]], dtype=d), torch.tensor([[1.0, 0.0]], dtype=d)],
          exact=True)
    c.add(f'binomial/empty_{dt}', 'binomial', [empty([0], dt), empty([0], dt)])
c.add('binomial/float_double', 'binomial', [torch.tensor([1.0, 2.0]), torch.tensor([0.5, 0.5], dtype=torch.float64)])
c.add('binomial/double_float', 'binomial', [torch.tensor([1.0, 2.0], dtype=torch.float64), torch.tensor([0.5, 0.5])])
c.add('binomial/int64', 'binomial', [torch.tensor([1, 2]), torch.tensor([1, 1])])
c.add('binomial/long_float', 'binomial', [torch.tensor([1, 2]), torch.tensor([0.5, 0.5])])

c.write('random')
print('wrote', len(c.cases), 'cases')
