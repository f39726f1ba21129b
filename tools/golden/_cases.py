"""A writer of golden op cases in the format of packages/core/fixtures/ops.json.

Scripts that cover one area of the op surface (tools/golden/ops_<area>.py) each write
their own fixture, packages/core/fixtures/ops-<area>.json; the op conformance suite
(@antorcha/core/testing `loadOpCases`) reads ops.json and every ops-*.json.

    from _cases import Cases, rand, layouts
    c = Cases()
    c.add('diag/vector', 'diag', [rand([3])])
    c.add('diag/offset', 'diag', [rand([3, 3])], {'diagonal': 1})
    c.write('structure')

`op` is PyTorch's name: `torch.<op>` when it exists, else the method `args[0].<op>(…)`;
pass `fn` for anything else. A raised error becomes the expected result (message's
first line and Python class); `overrides_2x` maps a case name to PyTorch 2.x's text
(cite the 2.x source next to it).
"""
import torch

from _common import DTYPES, enc_arg, enc_output, enc_value, write_json


class Cases:
    def __init__(self, overrides_2x=None):
        self.cases = []
        self.overrides_2x = overrides_2x or {}
        self.names = set()

    def add(self, name, op, args, kwargs=None, fn=None, exact=False, bound=None):
        """One case. `exact`: PyTorch rounds this result in a fixed way (IEEE operations),
        so a CPU backend must match bit for bit. `bound`: a per-element tolerance (list of
        floats in row-major order) for results that accumulate many float32 terms."""
        if name in self.names:
            raise ValueError(f'duplicate case name {name}')
        self.names.add(name)
        kwargs = kwargs or {}
        call = fn or (lambda *a, **k: getattr(torch, op)(*a, **k) if hasattr(torch, op) else getattr(a[0], op)(*a[1:], **k))
        # the call may write into its inputs (in-place ops): encode them first
        enc_args = [enc_arg(a) for a in args]
        enc_kwargs = {k: enc_arg(v) for k, v in kwargs.items()}
        try:
            out = call(*args, **kwargs)
            expected = enc_output(out)
            if exact and isinstance(expected, dict):
                expected['exact'] = True
            if bound is not None and isinstance(expected, dict):
                expected['bound'] = [enc_value(v) for v in bound]
        except Exception as e:  # PyTorch's error is the expected result
            override = self.overrides_2x.get(name)
            text, kind = override if isinstance(override, tuple) else (override, None)
            expected = {'error': text or str(e).split('\n')[0], 'type': kind or type(e).__name__}
        self.cases.append({'name': name, 'op': op, 'args': enc_args, 'kwargs': enc_kwargs, 'expected': expected})

    def write(self, area):
        write_json(f'packages/core/fixtures/ops-{area}.json', self.cases)


def rand(shape, dtype='float32', lo=-3, hi=3):
    """Seeded-stream values of a dtype: normals ×1.5 for floats, small integers otherwise."""
    dt = DTYPES[dtype]
    if dt.is_floating_point:
        return torch.randn(shape, dtype=torch.float64).mul(1.5).to(dt)
    if dt == torch.bool:
        return torch.randint(0, 2, shape).bool()
    if dt == torch.uint8:
        return torch.randint(0, 20, shape).to(dt)
    return torch.randint(lo, hi + 1, shape).to(dt)


def layouts(shape, dtype='float32', maker=rand):
    """The same logical shape as contiguous, transposed, strided-slice and expanded views."""
    out = [('contig', maker(shape, dtype))]
    if len(shape) >= 2:
        base = maker(list(reversed(shape[-2:])) if len(shape) == 2 else shape[:-2] + [shape[-1], shape[-2]], dtype)
        out.append(('transposed', base.transpose(-1, -2)))
    big = maker(shape[:-1] + [shape[-1] * 2], dtype) if shape else maker([2], dtype)
    out.append(('strided', big[..., ::2] if shape else big[0]))
    if shape and shape[0] > 1:
        out.append(('expanded', maker([1] + shape[1:], dtype).expand(shape)))
    return out
