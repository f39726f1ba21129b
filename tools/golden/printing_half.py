"""Golden reprs of float16 and bfloat16 tensors (PyTorch's torch/_tensor_str.py formats them
as floats of their values, with the `dtype=torch.float16` suffix). Writes
packages/core/fixtures/printing-half.json: `[{name, dtype, shape, values, requiresGrad, expected}]`,
values being the exact 16-bit values (every one is a float64 too).

    /usr/bin/python3 tools/golden/printing_half.py
"""
import torch

from _common import enc_value, write_json

torch.manual_seed(5)
cases = []


def add(name, t):
    cases.append({'name': name, 'dtype': str(t.dtype).replace('torch.', ''), 'shape': list(t.shape),
                  'values': [enc_value(v) for v in t.detach().reshape(-1).tolist()],
                  'requiresGrad': t.requires_grad, 'expected': repr(t)})


for dt in [torch.float16, torch.bfloat16]:
    n = str(dt).replace('torch.', '')
    add(f'{n}/basic', torch.tensor([1.0, 2.5], dtype=dt))
    add(f'{n}/ints', torch.tensor([1.0, 2.0, -3.0], dtype=dt))
    add(f'{n}/scalar', torch.tensor(0.1, dtype=dt))
    add(f'{n}/scalar_int', torch.tensor(3.0, dtype=dt))
    add(f'{n}/specials', torch.tensor([0.0, -0.0, float('inf'), float('-inf'), float('nan'), 1.5], dtype=dt))
    add(f'{n}/sci_large', torch.tensor([1.0, 60000.0, 0.5], dtype=dt))
    add(f'{n}/sci_small', torch.tensor([1e-4, 0.5, 2.0], dtype=dt))
    add(f'{n}/tiny', torch.tensor([6e-8, 1e-7], dtype=dt))
    add(f'{n}/randn_2d', (torch.randn(3, 4) * 4).to(dt))
    add(f'{n}/randn_3d', torch.randn(2, 2, 3).to(dt))
    add(f'{n}/summarized', torch.arange(0, 2000, dtype=torch.float32).mul(0.37).to(dt))
    add(f'{n}/empty', torch.zeros(0, 3, dtype=dt))
    add(f'{n}/requires_grad', torch.tensor([0.25, -1.0], dtype=dt, requires_grad=True))
add('bfloat16/big', torch.tensor([3e38, -1e30, 1.0], dtype=torch.bfloat16))
write_json('packages/core/fixtures/printing-half.json', cases)
