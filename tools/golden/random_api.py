"""Golden random tensors from real PyTorch (1.13 here): every random function of
the tensor API after manual_seed, several seeds, sizes, dtypes, contiguous and
transposed outputs, explicit generators, interleaved calls (the normal cache), and
state round trips. Values are exact (float32 values are exact doubles).

Writes packages/antorcha/test/fixtures/random.json: a list of cases, each a seed,
a list of steps (calls made in order) and the result of every step.
"""
import torch

from _common import DTYPE_NAMES, enc_result, write_json

SEEDS = [0, 7, 42, 2**32 + 5, 2**63 - 1, -1]
SIZES = [1, 5, 15, 16, 17, 31, 100, 1000]
cases = []


def run(name, seed, steps):
    """steps: list of (description dict, callable returning a tensor)."""
    torch.manual_seed(seed)
    out = []
    for desc, fn in steps:
        r = fn()
        out.append({**desc, 'result': enc_result(r)})
    cases.append({'name': name, 'seed': seed, 'steps': out})


def transposed(fill, shape, dtype):
    """A non-contiguous (transposed) output filled in place; the result is the view."""
    def f():
        base = torch.empty(shape[::-1], dtype=dtype)
        v = base.t()
        fill(v)
        return v
    return f


for seed in SEEDS:
    for n in SIZES:
        for dt in [torch.float32, torch.float64]:
            d = DTYPE_NAMES[dt]
            run(f'rand/{seed}/{n}/{d}', seed, [({'call': 'rand', 'size': [n], 'dtype': d}, lambda n=n, dt=dt: torch.rand(n, dtype=dt))])
            run(f'randn/{seed}/{n}/{d}', seed, [({'call': 'randn', 'size': [n], 'dtype': d}, lambda n=n, dt=dt: torch.randn(n, dtype=dt))])
for seed in [0, 7]:
    for shape in [[3, 5], [4, 8], [5, 7]]:
        for dt in [torch.float32, torch.float64]:
            d = DTYPE_NAMES[dt]
            run(f'normal_/transposed/{seed}/{shape}/{d}', seed, [({'call': 'normal_T', 'size': shape, 'dtype': d, 'mean': 0.5, 'std': 2.0}, transposed(lambda v: v.normal_(0.5, 2.0), shape, dt))])
            run(f'uniform_/transposed/{seed}/{shape}/{d}', seed, [({'call': 'uniform_T', 'size': shape, 'dtype': d, 'from': -2.0, 'to': 3.0}, transposed(lambda v: v.uniform_(-2.0, 3.0), shape, dt))])
    run(f'interleaved/{seed}', seed, [
        ({'call': 'randn', 'size': [3], 'dtype': 'float64'}, lambda: torch.randn(3, dtype=torch.float64)),
        ({'call': 'randn', 'size': [40], 'dtype': 'float64'}, lambda: torch.randn(40, dtype=torch.float64)),
        ({'call': 'randn', 'size': [2], 'dtype': 'float64'}, lambda: torch.randn(2, dtype=torch.float64)),
        ({'call': 'randn', 'size': [5], 'dtype': 'float32'}, lambda: torch.randn(5)),
        ({'call': 'rand', 'size': [3], 'dtype': 'float32'}, lambda: torch.rand(3)),
        ({'call': 'randn', 'size': [1], 'dtype': 'float64'}, lambda: torch.randn(1, dtype=torch.float64)),
    ])
    for low, high in [(0, 10), (-5, 5), (0, 2**32 + 7), (-(2**40), 2**40)]:
        run(f'randint/{seed}/{low}/{high}', seed, [({'call': 'randint', 'low': low, 'high': high, 'size': [17]}, lambda low=low, high=high: torch.randint(low, high, (17,)))])
    run(f'randint/int32/{seed}', seed, [({'call': 'randint', 'low': 0, 'high': 100, 'size': [9], 'dtype': 'int32'}, lambda: torch.randint(0, 100, (9,), dtype=torch.int32))])
    run(f'randint/float32/{seed}', seed, [({'call': 'randint', 'low': 3, 'high': 9, 'size': [9], 'dtype': 'float32'}, lambda: torch.randint(3, 9, (9,), dtype=torch.float32))])
    for n in [1, 5, 100]:
        run(f'randperm/{seed}/{n}', seed, [({'call': 'randperm', 'n': n}, lambda n=n: torch.randperm(n))])
    run(f'bernoulli/scalar/{seed}', seed, [({'call': 'bernoulli_', 'size': [20], 'p': 0.3}, lambda: torch.empty(20).bernoulli_(0.3))])
    probs = torch.linspace(0, 1, 12).reshape(3, 4)
    run(f'bernoulli/tensor/{seed}', seed, [({'call': 'bernoulli', 'probs': probs.reshape(-1).tolist(), 'size': [3, 4]}, lambda: torch.bernoulli(probs))])
    # a transposed output is drawn in storage order, each draw against the p at its own position
    run(f'bernoulli/tensor_T/{seed}', seed, [({'call': 'bernoulli_T', 'probs': probs.reshape(-1).tolist(), 'size': [3, 4]},
                                              lambda: torch.empty(4, 3).t().bernoulli_(probs))])
    w = torch.tensor([[1.0, 2.0, 0.0, 4.0, 3.0], [0.5, 0.5, 1.0, 0.0, 2.0]])
    for k, repl in [(1, False), (3, False), (5, False), (4, True), (1, True)]:
        run(f'multinomial/{seed}/{k}/{repl}', seed, [({'call': 'multinomial', 'weights': w.reshape(-1).tolist(), 'size': [2, 5], 'k': k, 'replacement': repl}, lambda k=k, repl=repl: torch.multinomial(w, k, repl))])
    run(f'exponential/{seed}', seed, [({'call': 'exponential_', 'size': [20], 'lambd': 1.5}, lambda: torch.empty(20).exponential_(1.5))])
    run(f'random_/{seed}', seed, [({'call': 'random_', 'size': [6], 'dtype': 'int64'}, lambda: torch.empty(6, dtype=torch.int64).random_())])
    run(f'random_/to/{seed}', seed, [({'call': 'random_', 'size': [6], 'dtype': 'float32', 'to': 50}, lambda: torch.empty(6).random_(50))])
    run(f'normal/scalars/{seed}', seed, [({'call': 'normal', 'mean': 2.0, 'std': 3.0, 'size': [7]}, lambda: torch.normal(2.0, 3.0, (7,)))])
    mean = torch.arange(6, dtype=torch.float32)
    run(f'normal/tensor_mean/{seed}', seed, [({'call': 'normal_tensor', 'mean': mean.tolist(), 'std': 0.5}, lambda: torch.normal(mean, 0.5))])
    run(f'linear_init/{seed}', seed, [({'call': 'uniform_', 'size': [8, 784], 'bound': 1 / 784 ** 0.5}, lambda: torch.empty(8, 784).uniform_(-1 / 784 ** 0.5, 1 / 784 ** 0.5))])
    g = torch.Generator().manual_seed(seed + 1)
    run(f'generator/{seed}', seed, [({'call': 'randn_gen', 'size': [20], 'gen_seed': seed + 1}, lambda: torch.randn(20, generator=g)),
                                    ({'call': 'randn', 'size': [4], 'dtype': 'float32'}, lambda: torch.randn(4))])

# State: a dump from PyTorch, then what follows it.
torch.manual_seed(123)
torch.randn(3, dtype=torch.float64)  # leaves a cached normal in the state
state = torch.get_rng_state()
after = torch.randn(5, dtype=torch.float64)
after2 = torch.rand(4)
cases.append({'name': 'state/roundtrip', 'state': state.tolist(), 'initial_seed': str(torch.initial_seed()),
              'steps': [{'call': 'randn', 'size': [5], 'dtype': 'float64', 'result': enc_result(after)},
                        {'call': 'rand', 'size': [4], 'dtype': 'float32', 'result': enc_result(after2)}]})
torch.manual_seed(2**63 - 1)
cases.append({'name': 'state/initial_seed', 'seed': 2**63 - 1, 'initial_seed': str(torch.initial_seed()), 'steps': []})
torch.manual_seed(-1)
cases.append({'name': 'state/initial_seed_negative', 'seed': -1, 'initial_seed': str(torch.initial_seed()), 'steps': []})
for c in cases:
    if 'seed' in c:
        c['seed'] = str(c['seed'])
write_json('packages/antorcha/test/fixtures/random.json', cases)
