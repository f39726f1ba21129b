"""Golden values of random fills of complex tensors (packages/core/fixtures/complex-random.json).

PyTorch draws over the real view (ATen normal_impl_/uniform_impl_: view_as_real, then the
float kernel; normal_ with std/sqrt(2) per part), so the values follow the float stream
bit for bit (see /work/shared/rng/SPEC.md). Each case: a seed, the op replayed by
packages/antorcha/test/complex-random.test.ts under the same name, and PyTorch's values.
Run with Debian's PyTorch 1.13: /usr/bin/python3 tools/golden/complex_random.py
"""
import torch

from _common import DTYPE_NAMES, flat_values, write_json


def enc(t):
    return {'dtype': DTYPE_NAMES[t.dtype], 'shape': list(t.shape), 'values': flat_values(t.resolve_conj().contiguous())}


def err(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001
        return {'type': type(e).__name__, 'message': str(e).split('\n')[0]}
    raise AssertionError('expected an error')


SHAPES = [[3], [5, 4], [17], [2, 3, 4]]  # under and over the 16 elements of the vectorized normal path
SEEDS = [0, 42, 2024]


def ops(dt):
    return {
        'randn': lambda shape: torch.randn(shape, dtype=dt),
        'rand': lambda shape: torch.rand(shape, dtype=dt),
        'randn_like': lambda shape: torch.randn_like(torch.zeros(shape, dtype=dt)),
        'rand_like': lambda shape: torch.rand_like(torch.zeros(shape, dtype=dt)),
        'normal_': lambda shape: torch.zeros(shape, dtype=dt).normal_(1.5, 3),
        'uniform_': lambda shape: torch.zeros(shape, dtype=dt).uniform_(-2, 5),
        # a transposed (non-contiguous) tensor is filled in storage order
        'normal_t': lambda shape: torch.zeros(shape, dtype=dt).t().normal_(),
        'uniform_t': lambda shape: torch.zeros(shape, dtype=dt).t().uniform_(),
        # a conjugate view: the draws land conjugated in the base, the view reads them
        'normal_conj_view': lambda shape: torch.zeros(shape, dtype=dt).conj().normal_(),
        'normal_conj_base': lambda shape: (lambda b: (b.conj().normal_(), b)[1])(torch.zeros(shape, dtype=dt)),
        'normal_mean_tensor': lambda shape: torch.normal(torch.full(shape, 1 + 2j, dtype=dt), 0.5),
        # a std that is no power of two: PyTorch scales the draws (normal_(0, std)), then adds the mean
        'normal_mean_tensor_std': lambda shape: torch.normal(torch.full(shape, 1 - 0.5j, dtype=dt), 0.3),
        'normal_mean_std_tensors': lambda shape: torch.normal(torch.full(shape, 1 - 0.5j, dtype=dt), torch.full(shape, 0.3)),
    }


cases = []
for dt in (torch.complex64, torch.complex128):
    for name, f in ops(dt).items():
        for shape in SHAPES:
            if name.endswith('_t') and len(shape) != 2:
                continue
            for seed in SEEDS:
                torch.manual_seed(seed)
                cases.append({'op': name, 'dtype': DTYPE_NAMES[dt], 'shape': shape, 'seed': seed, 'out': enc(f(shape))})

# a generator of its own
g = torch.Generator().manual_seed(7)
gen_cases = {DTYPE_NAMES[dt]: enc(torch.randn([6], dtype=dt, generator=g)) for dt in (torch.complex64, torch.complex128)}

errors = {
    'exponential_': err(lambda: torch.zeros(3, dtype=torch.complex64).exponential_()),
    'random_': err(lambda: torch.zeros(3, dtype=torch.complex64).random_()),
    'bernoulli_': err(lambda: torch.zeros(3, dtype=torch.complex64).bernoulli_()),
    'bernoulli_tensor': err(lambda: torch.zeros(3, dtype=torch.complex64).bernoulli_(torch.full((3,), 0.5))),
    'random_from_to': err(lambda: torch.zeros(3, dtype=torch.complex128).random_(0, 5)),
    'randint': err(lambda: torch.randint(0, 3, (2,), dtype=torch.complex64)),
    'randperm': err(lambda: torch.randperm(3, dtype=torch.complex64)),
    'cauchy_': err(lambda: torch.zeros(3, dtype=torch.complex64).cauchy_()),
    'log_normal_': err(lambda: torch.zeros(3, dtype=torch.complex64).log_normal_()),
    'geometric_': err(lambda: torch.zeros(3, dtype=torch.complex64).geometric_(0.5)),
    'normal_std': err(lambda: torch.zeros(3, dtype=torch.complex64).normal_(0, -1)),
    'uniform_bounds': err(lambda: torch.zeros(3, dtype=torch.complex128).uniform_(2, 1)),
}

# PyTorch 2.x checks cauchy_'s dtype with its own text (aten/src/ATen/native/DistributionTemplates.h,
# cauchy_impl_: "Cauchy distribution is a continuous probability distribution. dtype must be a floating
# point but you specified <dtype>"); Antorcha follows 2.x there (setRngCompat('2'), the default).
errors['cauchy_']['message_2x'] = 'Cauchy distribution is a continuous probability distribution. dtype must be a floating point but you specified torch.complex64'

write_json('packages/core/fixtures/complex-random.json', {'cases': cases, 'generator': gen_cases, 'errors': errors})
