"""Golden type promotion: torch.result_type and the dtype of `a + b`, `a / b`,
`a < b` for dimensioned tensors, 0-dim tensors and Python scalars of every kind.

Writes packages/antorcha/test/fixtures/promotion.json.
"""
import itertools

import torch

from _common import DTYPE_NAMES, write_json

DTS = [torch.float32, torch.float64, torch.int32, torch.int64, torch.uint8, torch.bool]


def operands():
    for dt in DTS:
        yield {'kind': 'tensor', 'dtype': DTYPE_NAMES[dt]}, torch.ones(2, dtype=dt)
        yield {'kind': 'zerodim', 'dtype': DTYPE_NAMES[dt]}, torch.ones((), dtype=dt)
    yield {'kind': 'scalar', 'value': 2}, 2
    yield {'kind': 'scalar', 'value': 2.5}, 2.5
    yield {'kind': 'scalar', 'value': True}, True


def outcome(f):
    try:
        return DTYPE_NAMES[f()]
    except Exception as e:
        return {'error': str(e).split('\n')[0]}


cases = []
for (sa, a), (sb, b) in itertools.product(list(operands()), repeat=2):
    if not isinstance(a, torch.Tensor) and not isinstance(b, torch.Tensor):
        continue
    cases.append({
        'a': sa,
        'b': sb,
        'result_type': outcome(lambda: torch.result_type(a, b)),
        'add': outcome(lambda: torch.add(a, b).dtype if isinstance(a, torch.Tensor) else (a + b).dtype),
        'div': outcome(lambda: torch.div(a, b).dtype if isinstance(a, torch.Tensor) else (a / b).dtype),
        'lt': outcome(lambda: torch.lt(a, b).dtype if isinstance(a, torch.Tensor) else (a < b).dtype),
    })
write_json('packages/antorcha/test/fixtures/promotion.json', cases)
