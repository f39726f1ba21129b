"""Golden: a 0-dim tensor as an operand beside dimensioned tensors (PyTorch accepts a
0-dim CPU tensor with CUDA tensors; type promotion is device-independent, so CPU
PyTorch is the oracle). The 0-dim operand takes part in promotion as a dimensionless
tensor, not as a Python number: int32 tensor + 0-dim float64 tensor is float64, while
int32 tensor + 2.5 is float32.

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/cpu_scalar_operand.py`.
Writes packages/core/fixtures/cpu_scalar_operand.json: per case the op,
the dimensioned tensor `x` and the 0-dim tensor `s` (dtype and values), which side `s`
is on, `torch.result_type(x, s)` (the dtype the op computes in), and the result (dtype and values) or PyTorch's error; then autograd cases with
the gradients of both operands.
"""
import torch

from _common import DTYPE_NAMES, enc_value, write_json

X = {
    'float32': [1.5, -2.25, 3.0, 0.5],
    'int32': [3, -4, 7, 2],
    'int64': [3, -4, 7, 2],
    'uint8': [3, 4, 7, 2],
    'bool': [True, False, True, True],
}
S = {
    'float32': 1.75,
    'float64': 2.5,
    'int64': 3,
    'int32': -2,
    'bool': True,
}
# Out-of-place ops with the 0-dim operand second ('xs') or first ('sx').
BINARY = {
    'add': lambda a, b: torch.add(a, b),
    'sub': lambda a, b: torch.sub(a, b),
    'mul': lambda a, b: torch.mul(a, b),
    'div': lambda a, b: torch.div(a, b),
    'maximum': lambda a, b: torch.maximum(a, b),
    'eq': lambda a, b: torch.eq(a, b),
    'lt': lambda a, b: torch.lt(a, b),
    'addAlpha': lambda a, b: torch.add(a, b, alpha=2),
}
# In-place ops on x with the 0-dim operand.
INPLACE = {
    'add_': lambda x, s: x.add_(s),
    'mul_': lambda x, s: x.mul_(s),
    'sub_': lambda x, s: x.sub_(s),
    'div_': lambda x, s: x.div_(s),
}


def enc(t):
    return {'dtype': DTYPE_NAMES[t.dtype], 'shape': list(t.shape), 'values': [enc_value(v) for v in t.reshape(-1).tolist()]}


def outcome(f):
    try:
        return enc(f())
    except Exception as e:  # PyTorch's error, first line
        return {'error': str(e).split('\n')[0]}


cases = []
for xd, xv in X.items():
    for sd, sv in S.items():
        x = lambda: torch.tensor(xv, dtype=getattr(torch, xd))
        s = lambda: torch.tensor(sv, dtype=getattr(torch, sd))
        promoted = DTYPE_NAMES[torch.result_type(x(), s())]
        for name, f in BINARY.items():
            for order in ('xs', 'sx'):
                r = outcome(lambda: f(x(), s()) if order == 'xs' else f(s(), x()))
                cases.append({'op': name, 'order': order, 'x': xd, 'xValues': xv, 's': sd, 'sValue': sv, 'promoted': promoted, 'result': r})
        for name, f in INPLACE.items():
            r = outcome(lambda: f(x(), s()))
            cases.append({'op': name, 'order': 'xs', 'x': xd, 'xValues': xv, 's': sd, 'sValue': sv, 'promoted': promoted, 'result': r})
        # where(cond, x, s) with a 0-dim value, and where(s_bool, x, x * 2) with a 0-dim condition
        r = outcome(lambda: torch.where(torch.tensor([True, False, False, True]), x(), s()))
        cases.append({'op': 'where', 'order': 'xs', 'x': xd, 'xValues': xv, 's': sd, 'sValue': sv, 'promoted': promoted, 'result': r})
        r = outcome(lambda: torch.clamp(x(), min=s()))
        cases.append({'op': 'clampMin', 'order': 'xs', 'x': xd, 'xValues': xv, 's': sd, 'sValue': sv, 'promoted': promoted, 'result': r})
        r = outcome(lambda: torch.addcmul(x(), s(), x()))
        cases.append({'op': 'addcmul', 'order': 'xs', 'x': xd, 'xValues': xv, 's': sd, 'sValue': sv, 'promoted': promoted, 'result': r})

for cv in (True, False):
    r = outcome(lambda: torch.where(torch.tensor(cv), torch.tensor(X['float32']), torch.tensor(X['float32']) * 2))
    cases.append({'op': 'whereCond', 'order': 'sx', 'x': 'float32', 'xValues': X['float32'], 's': 'bool', 'sValue': cv, 'promoted': 'float32', 'result': r})

# Autograd: y = ((x * s + s) / s - (x.abs() - s) * x) summed, with s a 0-dim float tensor that
# requires grad or not; the gradient of s has its dtype (and, in PyTorch, its device: the CPU).
grads = []
for sd in ('float32', 'float64'):
    for s_grad in (False, True):
        x = torch.tensor(X['float32'], requires_grad=True)
        s = torch.tensor(S[sd], dtype=getattr(torch, sd), requires_grad=s_grad)
        y = ((x * s + s) / s - (x.abs() - s) * x).sum()
        y.backward()
        grads.append({
            's': sd, 'sValue': S[sd], 'sRequiresGrad': s_grad, 'xValues': X['float32'],
            'y': enc(y.detach()), 'xGrad': enc(x.grad), 'sGrad': enc(s.grad) if s_grad else None,
        })

write_json('packages/core/fixtures/cpu_scalar_operand.json', {'cases': cases, 'grads': grads})
