"""Golden error texts of torch.autograd.gradcheck(..., fast_mode=True) for custom
autograd Functions with a deliberately wrong backward (real input, a wrong input
behind a non-differentiable one, complex input and output, complex input with a
real output). Writes packages/autograd/test/fixtures/gradcheck-fast.json; the
scenarios are mirrored by name in packages/autograd/test/gradcheck-fast.test.ts.

    /usr/bin/python3 tools/golden/autograd_gradcheck_fast.py
"""
import json
import os

import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')


class WrongExp(torch.autograd.Function):
    """exp whose backward is twice the right one (g * conj(y) is right)."""
    @staticmethod
    def forward(ctx, x):
        y = x.exp()
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, g):
        y, = ctx.saved_tensors
        return g * y.conj() * 2


class WrongAbsSq(torch.autograd.Function):
    """|z|^2 (real output) whose backward forgets the factor 2 (2 * g * z is right)."""
    @staticmethod
    def forward(ctx, z):
        ctx.save_for_backward(z)
        return (z * z.conj()).real

    @staticmethod
    def backward(ctx, g):
        z, = ctx.saved_tensors
        return g * z


def x_real():
    return torch.tensor([0.1, -0.2, 0.3], dtype=torch.float64, requires_grad=True)


def z_complex():
    return torch.tensor([0.1 + 0.2j, -0.3 + 0.1j], dtype=torch.complex128, requires_grad=True)


SCENARIOS = {
    'real': lambda: torch.autograd.gradcheck(lambda a: WrongExp.apply(a), (x_real(),), fast_mode=True),
    'second_input': lambda: torch.autograd.gradcheck(
        lambda c, a: WrongExp.apply(a) * c, (torch.tensor([0.5], dtype=torch.float64), x_real()), fast_mode=True),
    'complex': lambda: torch.autograd.gradcheck(lambda a: WrongExp.apply(a), (z_complex(),), fast_mode=True),
    'complex_to_real': lambda: torch.autograd.gradcheck(lambda a: WrongAbsSq.apply(a), (z_complex(),), fast_mode=True),
}

S = {}
for name, fn in SCENARIOS.items():
    try:
        fn()
        S[name] = {'passed': True}
    except RuntimeError as e:
        S[name] = {'error': str(e), 'type': type(e).__name__}

path = os.path.join(ROOT, 'packages/autograd/test/fixtures/gradcheck-fast.json')
with open(path, 'w') as f:
    json.dump(S, f, indent=1, allow_nan=False)
    f.write('\n')
print('wrote packages/autograd/test/fixtures/gradcheck-fast.json')
