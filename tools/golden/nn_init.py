"""Golden `torch.nn.init` cases from real PyTorch (1.13).

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/nn_init.py`.
Writes packages/nn/test/fixtures/nn_init.json: for seeds 0, 1 and 99, every
initialiser applied to a fresh `torch.empty(shape)` right after
`torch.manual_seed(seed)` (all values, float32), and `calculate_gain` for
every nonlinearity.
"""
import math

import torch
from torch.nn import init

from _common import enc_result, write_json

INITS = [
    ('uniform_', [3, 5], {'a': -0.5, 'b': 2.0}, lambda t: init.uniform_(t, -0.5, 2.0)),
    ('normal_', [4, 6], {'mean': 0.3, 'std': 2.0}, lambda t: init.normal_(t, 0.3, 2.0)),
    ('normal_small', [3], {'mean': 0.0, 'std': 1.0}, lambda t: init.normal_(t)),
    ('constant_', [2, 3], {'val': 0.7}, lambda t: init.constant_(t, 0.7)),
    ('ones_', [2, 3], {}, init.ones_),
    ('zeros_', [2, 3], {}, init.zeros_),
    ('eye_', [3, 5], {}, init.eye_),
    ('dirac_', [4, 2, 3, 3], {}, init.dirac_),
    ('dirac_groups', [4, 2, 3], {'groups': 2}, lambda t: init.dirac_(t, 2)),
    ('xavier_uniform_', [20, 30], {}, init.xavier_uniform_),
    ('xavier_uniform_gain', [7, 9], {'gain': math.sqrt(2.0)}, lambda t: init.xavier_uniform_(t, gain=init.calculate_gain('relu'))),
    ('xavier_normal_', [10, 8, 3], {}, init.xavier_normal_),
    ('kaiming_uniform_', [16, 8, 3, 3], {}, init.kaiming_uniform_),
    ('kaiming_uniform_fan_out_relu', [6, 5], {'mode': 'fan_out', 'nonlinearity': 'relu'}, lambda t: init.kaiming_uniform_(t, mode='fan_out', nonlinearity='relu')),
    ('kaiming_normal_', [32, 16], {'a': 0.1}, lambda t: init.kaiming_normal_(t, a=0.1)),
    ('kaiming_normal_tanh_fan_out', [5, 4, 2], {'mode': 'fan_out', 'nonlinearity': 'tanh'}, lambda t: init.kaiming_normal_(t, mode='fan_out', nonlinearity='tanh')),
    ('trunc_normal_', [50], {}, init.trunc_normal_),
    ('trunc_normal_args', [6, 7], {'mean': 0.5, 'std': 2.0, 'a': -1.0, 'b': 3.0}, lambda t: init.trunc_normal_(t, 0.5, 2.0, -1.0, 3.0)),
    ('orthogonal_', [6, 4], {}, init.orthogonal_),
    ('orthogonal_wide_gain', [3, 8], {'gain': 2.0}, lambda t: init.orthogonal_(t, gain=2.0)),
    ('orthogonal_3d', [4, 2, 3], {}, init.orthogonal_),
]


def main():
    cases = []
    for name, shape, opts, fn in INITS:
        per_seed = {}
        for seed in (0, 1, 99):
            torch.manual_seed(seed)
            t = torch.empty(shape)
            fn(t)
            after = torch.rand(2)  # where the stream stands afterwards
            per_seed[str(seed)] = {'value': enc_result(t), 'after': enc_result(after)}
        cases.append({'name': name, 'shape': shape, 'opts': opts, 'seeds': per_seed})
    gains = {}
    for nl in ['linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'selu']:
        gains[nl] = init.calculate_gain(nl)
    gains['leaky_relu_0.2'] = init.calculate_gain('leaky_relu', 0.2)
    write_json('packages/nn/test/fixtures/nn_init.json', {'cases': cases, 'gains': gains})


if __name__ == '__main__':
    main()
