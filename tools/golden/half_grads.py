"""Gradients through bfloat16 ops on the CPU (PyTorch 1.13 has these bfloat16 backward kernels;
float16 lacks most of them in 1.13 -- the float16 training step in half_training.py covers the
ones it has). Writes packages/nn/test/fixtures/half/half_grads.json:
`[{name, x, g, y, grad}]`, each `y = f(x)`, `grad = d(sum(y * g))/dx`, all bfloat16.

    /usr/bin/python3 tools/golden/half_grads.py
"""
import torch

from _common import enc_value, write_json

torch.manual_seed(4)
F = {
    'exp': lambda x: x.exp(),
    'tanh': lambda x: x.tanh(),
    'sigmoid': lambda x: x.sigmoid(),
    'sin': lambda x: x.sin(),
    'log': lambda x: x.abs().add(0.5).log(),
    'sqrt': lambda x: x.abs().add(0.1).sqrt(),
    'softmax': lambda x: torch.softmax(x, 1),
    'log_softmax': lambda x: torch.log_softmax(x, 1),
    'relu': lambda x: torch.relu(x),
    'gelu': lambda x: torch.nn.functional.gelu(x),
    'mean': lambda x: x.mean(1, keepdim=True),
    'sum_sq': lambda x: (x * x).sum(0, keepdim=True),
}
enc = lambda t: {'dtype': 'bfloat16', 'shape': list(t.shape), 'values': [enc_value(v) for v in t.detach().reshape(-1).tolist()]}
cases = []
for name, f in F.items():
    x = (torch.randn(3, 4) * 1.5).bfloat16().requires_grad_()
    y = f(x)
    g = torch.randn(y.shape).bfloat16()
    (y * g).sum().backward()
    cases.append({'name': name, 'x': enc(x), 'g': enc(g), 'y': enc(y), 'grad': enc(x.grad)})
write_json('packages/nn/test/fixtures/half/half_grads.json', cases)
