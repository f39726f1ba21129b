"""Random fills of float16/bfloat16 tensors with PyTorch 1.13's CPU generator stream:
rand/uniform_ (`uniform_real_distribution<Half>` takes the low 11 bits, 8 for bfloat16),
randn/normal_ (drawn in float, cast), random_/randint (the float32 draws, over [0, 2^digits]
by default), bernoulli (bfloat16; 1.13 has no float16 `bernoulli_tensor_cpu_self_`). Writes packages/core/fixtures/random-half.json:
`[{name, seed, call, dtype, shape, values}]`.

    /usr/bin/python3 tools/golden/random_half.py
"""
import torch

from _common import enc_value, write_json

cases = []
CALLS = {
    'rand': lambda dt: torch.rand(7, dtype=dt),
    'randn': lambda dt: torch.randn(2, 5, dtype=dt),
    'uniform_': lambda dt: torch.empty(6, dtype=dt).uniform_(-2, 3),
    'normal_': lambda dt: torch.empty(6, dtype=dt).normal_(1.5, 0.25),
    'random_': lambda dt: torch.empty(6, dtype=dt).random_(),
    'random_to': lambda dt: torch.empty(6, dtype=dt).random_(100),
    'randint': lambda dt: torch.randint(-5, 20, (6,), dtype=dt),
    'normal_transposed': lambda dt: torch.empty(3, 2, dtype=dt).t().normal_(),
    'uniform_transposed': lambda dt: torch.empty(3, 2, dtype=dt).t().uniform_(),
    'bernoulli': lambda dt: torch.bernoulli(torch.full((8,), 0.3, dtype=dt)),
}
for dt in [torch.float16, torch.bfloat16]:
    for name, f in CALLS.items():
        torch.manual_seed(21)
        try:
            t = f(dt)
        except RuntimeError as e:  # 1.13 lacks the kernel (bernoulli of a float16 p): no case
            print('skipped', name, dt, '--', str(e).split('\n')[0])
            continue
        cases.append({'name': f'{name}/{dt}', 'seed': 21, 'call': name, 'dtype': str(dt).replace('torch.', ''),
                      'shape': list(t.shape), 'values': [enc_value(v) for v in t.reshape(-1).tolist()]})
write_json('packages/core/fixtures/random-half.json', cases)
