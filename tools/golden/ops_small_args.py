"""Golden cases of the functions whose usual formulas cancel near 0: log1p, expm1,
asinh, atanh, acosh near 1, softplus, log_sigmoid and sigmoid-based ones, on arguments
from ±1e-1 down to ±1e-30 (and subnormal float32). A formula that computes `1 + x` and
then subtracts 1 again (which a shader compiler may fold away) fails these cases by
orders of magnitude. Writes packages/core/fixtures/ops-small-args.json.

    /usr/bin/python3 tools/golden/ops_small_args.py
"""
import torch

from _cases import Cases

c = Cases()
MAGS = [0.4, 0.1, 3e-2, 1e-2, 3e-3, 1e-3, 1e-4, 1e-5, 3e-6, 1e-6, 1e-7, 1e-8, 1e-10, 1e-15, 1e-20, 1e-30, 0.0]
SMALL = [s * m for m in MAGS for s in (1.0, -1.0)] + [2e-45]
for dtype in ('float32', 'float64'):
    x = torch.tensor(SMALL, dtype=getattr(torch, dtype))
    for op in ('log1p', 'expm1', 'asinh', 'atanh', 'sin', 'tan', 'sinh', 'tanh', 'asin', 'atan', 'erf'):
        c.add(f'{op}/{dtype}/small', op, [x.clone()])
    near1 = torch.tensor([1.0 + m for m in MAGS if m > 0] + [1.0], dtype=getattr(torch, dtype))
    c.add(f'acosh/{dtype}/near_one', 'acosh', [near1])
    c.add(f'log/{dtype}/near_one', 'log', [near1.clone()])
c.write('small-args')
