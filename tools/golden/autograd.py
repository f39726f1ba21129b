"""Golden autograd cases from real PyTorch: gradients, node names and reprs.

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/autograd.py`.
Writes packages/autograd/test/fixtures/autograd.json with
- `ops`: one case per differentiable op and layout (float64 random inputs,
  contiguous, transposed, strided and broadcast): outputs, whether each output
  requires grad, its `grad_fn` name, the `next_functions` of the first output's
  node, `repr` of the first output, random output gradients and the input
  gradients `torch.autograd.grad` returns for them;
- `graphs`: composite graphs (an MLP, softmax + log, fan-out through views,
  in-place chains, the seed notebook's network, higher-order gradients, hooks)
  with their inputs, gradients, node names (breadth-first along
  next_functions) and reprs; float32 gradients carry `bound`, twice PyTorch's own
  rounding error (|float32 result - float64 result|) per element;
- `errors`: the text of every autograd error the TS tests provoke.
"""
import math
import warnings

import torch

from _common import enc_input, enc_result, enc_value, write_json

torch.manual_seed(0)
warnings.filterwarnings('ignore', message=r'Using backward\(\) with create_graph=True')
F64 = torch.float64


# ---------------------------------------------------------------- inputs

def rnd(*shape):
    return torch.randn(*shape, dtype=F64)


def pos(*shape):
    return rnd(*shape).abs().add(0.5)


def unit(*shape):
    return torch.rand(*shape, dtype=F64).mul(1.6).sub(0.8)


def away(*shape):
    """Random values at least 0.2 away from 0 (kinks of abs/relu/sign)."""
    x = rnd(*shape)
    return x.sign() * x.abs().add(0.2)


def distinct(*shape):
    """A random permutation of well-separated values (no ties in max/sort)."""
    n = math.prod(shape)
    return (torch.randperm(n).to(F64) * 0.37 - n * 0.15).reshape(shape)


def layouts(shape, maker=rnd):
    """The same logical 2-D shape as contiguous, transposed and strided views."""
    r, c = shape
    return [
        ('contig', maker(r, c)),
        ('transposed', maker(c, r).t()),
        ('strided', maker(r, 2 * c)[:, ::2]),
    ]


# ---------------------------------------------------------------- helpers

def node_name(t):
    return None if t.grad_fn is None else type(t.grad_fn).__name__


def next_fns(fn):
    if fn is None:
        return None
    return [[None if f is None else type(f).__name__, nr] for f, nr in fn.next_functions]


def graph_names(t):
    """Node names breadth-first from t.grad_fn along next_functions (each node once)."""
    out, seen, alive, queue = [], set(), [], [t.grad_fn]
    while queue:
        n = queue.pop(0)
        if n is None or id(n) in seen:
            continue
        seen.add(id(n))
        alive.append(n)  # keeps ids unique while walking
        out.append(type(n).__name__)
        queue.extend(f for f, _ in n.next_functions)
    return out


def enc_or_none(t):
    return None if t is None else enc_result(t.detach())


def mark(a, leaves, grad_ok):
    """Marks floating tensors as requiring grad (in traversal order) and encodes the argument."""
    if isinstance(a, torch.Tensor):
        if a.dtype.is_floating_point and grad_ok:
            a.requires_grad_(True)
            leaves.append(a)
            return dict(enc_input(a.detach()), requires_grad=True)
        return enc_input(a)
    if isinstance(a, (list, tuple)):
        return [mark(x, leaves, grad_ok) for x in a]
    if isinstance(a, float):
        return {'float': enc_value(a)}
    if isinstance(a, slice):
        return {'slice': [a.start, a.stop, a.step]}
    if a is Ellipsis:
        return '...'
    if isinstance(a, torch.dtype):
        return {'dtype': str(a).replace('torch.', '')}
    return a


ops = []


def case(name, op, args, kwargs=None, fn=None, nograd=(), gradcheck=True, gradgrad=True):
    """One op case. `nograd`: indices of top-level args that must not require grad."""
    kwargs = kwargs or {}
    leaves = []
    enc_args = [mark(a, leaves, i not in nograd) for i, a in enumerate(args)]
    enc_kwargs = {k: mark(v, leaves, True) for k, v in kwargs.items()}
    call = fn or (lambda *a, **k: getattr(torch, op)(*a, **k) if hasattr(torch, op) else getattr(a[0], op)(*a[1:], **k))
    out = call(*args, **kwargs)
    outs = [out] if isinstance(out, torch.Tensor) else list(out)
    diff = [o for o in outs if o.requires_grad]
    gos = [torch.randn(o.shape, dtype=o.dtype) for o in diff]
    grads = torch.autograd.grad(diff, leaves, gos, allow_unused=True) if diff and leaves else [None] * len(leaves)
    ops.append({
        'name': name,
        'op': op,
        'args': enc_args,
        'kwargs': enc_kwargs,
        'gradcheck': gradcheck,
        'gradgrad': gradgrad,
        'grad_outputs': [enc_input(g) for g in gos],
        'expected': {
            'outputs': [enc_result(o.detach()) for o in outs],
            'requires_grad': [o.requires_grad for o in outs],
            'grad_fn': [node_name(o) for o in outs],
            'next': next_fns(outs[0].grad_fn),
            'repr': repr(outs[0]),
            'grads': [enc_or_none(g) for g in grads],
        },
    })


def inplace(method):
    return lambda x, *a, **k: getattr(x.clone(), method)(*a, **k)


# ---------------------------------------------------------------- unary ops

UNARY = {
    'exp': rnd, 'expm1': rnd, 'log': pos, 'log1p': pos, 'log2': pos, 'log10': pos, 'sqrt': pos, 'rsqrt': pos,
    'sin': rnd, 'cos': rnd, 'tan': unit, 'asin': unit, 'acos': unit, 'atan': rnd, 'sinh': rnd, 'cosh': rnd,
    'tanh': rnd, 'sigmoid': rnd, 'reciprocal': away, 'erf': rnd, 'erfc': rnd, 'erfinv': unit, 'neg': rnd,
    'abs': away, 'sign': away, 'relu': away, 'floor': rnd, 'ceil': rnd, 'round': rnd, 'trunc': rnd, 'frac': rnd,
    'square': rnd,
}
for op, maker in UNARY.items():
    for lay, x in layouts([3, 4], maker):
        case(f'{op}/{lay}', op, [x])
    case(f'{op}/0dim', op, [maker(1).reshape([])])
case('sigmoid/float32', 'sigmoid', [rnd(2, 3).float()], gradcheck=False)

# Activations nn builds on core's parametrised unary kernels.
ACTIVATIONS = {
    'gelu': lambda x: torch.nn.functional.gelu(x),
    'gelu_tanh': lambda x: torch.nn.functional.gelu(x, approximate='tanh'),
    'silu': torch.nn.functional.silu,
    'softplus': lambda x: torch.nn.functional.softplus(x, beta=2.0, threshold=3.0),
    'elu': lambda x: torch.nn.functional.elu(x, alpha=0.7),
    'leaky_relu': lambda x: torch.nn.functional.leaky_relu(x, 0.2),
    'hardtanh': lambda x: torch.nn.functional.hardtanh(x, -0.5, 1.5),
    'log_sigmoid': torch.nn.functional.logsigmoid,
}
for op, f in ACTIVATIONS.items():
    case(f'{op}/contig', op, [away(3, 4)], fn=f)
for op, f in [('elu_', lambda x: torch.nn.functional.elu(x.clone(), alpha=0.7, inplace=True)),
              ('leaky_relu_', lambda x: torch.nn.functional.leaky_relu(x.clone(), 0.2, inplace=True)),
              ('hardtanh_', lambda x: torch.nn.functional.hardtanh(x.clone(), -0.5, 1.5, inplace=True)),
              ('silu_', lambda x: torch.nn.functional.silu(x.clone(), inplace=True))]:
    case(f'{op}/basic', op, [away(3, 4)], fn=f)

# ---------------------------------------------------------------- binary ops

BINARY = {
    'add': (rnd, rnd), 'sub': (rnd, rnd), 'mul': (rnd, rnd), 'div': (rnd, away), 'pow': (pos, rnd),
    'maximum': (rnd, rnd), 'minimum': (rnd, rnd), 'fmax': (rnd, rnd),
    'fmin': (rnd, rnd), 'atan2': (rnd, away), 'hypot': (rnd, rnd), 'remainder': (rnd, away), 'fmod': (rnd, away),
}
for op, (ma, mb) in BINARY.items():
    for lay, x in layouts([3, 4], ma):
        case(f'{op}/{lay}', op, [x, mb(3, 4)])
    case(f'{op}/broadcast', op, [ma(3, 1), mb(4)])
    case(f'{op}/0dim', op, [ma(1).reshape([]), mb(2, 3)])
for op in ['add', 'sub', 'mul', 'div', 'pow', 'remainder', 'fmod']:
    case(f'{op}/scalar', op, [pos(3, 4) if op == 'pow' else rnd(3, 4), 1.5])
case('add/alpha', 'add', [rnd(3, 4), rnd(4)], {'alpha': 2.5})
case('sub/alpha', 'sub', [rnd(3, 4), rnd(3, 1)], {'alpha': -0.5})
case('add/scalar_first', 'add', [2.5, rnd(3, 4)], fn=lambda a, b: a + b)
case('sub/scalar_first', 'sub', [2.5, rnd(3, 4)], fn=lambda a, b: a - b)
case('mul/scalar_first', 'mul', [2.5, rnd(3, 4)], fn=lambda a, b: a * b)
case('div/scalar_first', 'div', [2.5, away(3, 4)], fn=lambda a, b: a / b)
case('pow/scalar_first', 'pow', [2.5, rnd(3, 4)])
case('pow/int_exponent', 'pow', [rnd(3, 4), 3])
case('pow/zero_exponent', 'pow', [rnd(3, 4), 0.0])
case('div/trunc', 'div', [rnd(3, 4), away(3, 4)], {'rounding_mode': 'trunc'}, gradgrad=False)
case('div/floor_scalar', 'div', [rnd(3, 4), 1.5], {'rounding_mode': 'floor'}, gradgrad=False)
case('maximum/ties', 'maximum', [torch.tensor([1.0, 2.0, 3.0], dtype=F64), torch.tensor([1.0, 0.0, 3.0], dtype=F64)], gradcheck=False)
case('mul/one_grad', 'mul', [rnd(3, 4), rnd(3, 4)], nograd=(1,))
case('add/float32_float64', 'add', [rnd(3).float(), rnd(3)], gradcheck=False)

# ---------------------------------------------------------------- where, clamp and composites

cond = torch.rand(3, 4) > 0.5
case('where/tensors', 'where', [cond, rnd(3, 4), rnd(4)])
case('where/scalar_other', 'where', [cond, rnd(3, 4), 0.5])
case('where/scalar_self', 'where', [cond, 0.5, rnd(3, 4)])
case('clamp/both', 'clamp', [rnd(3, 4)], {'min': -0.5, 'max': 0.5})
case('clamp/min', 'clamp', [rnd(3, 4)], {'min': 0.1})
case('clamp/max', 'clamp', [rnd(3, 4)], {'max': 0.1})
case('clamp/tensors', 'clamp', [rnd(3, 4)], {'min': rnd(3, 4).sub(0.6), 'max': rnd(4).add(0.6)})
case('lerp/scalar', 'lerp', [rnd(3, 4), rnd(3, 4), 0.3])
case('lerp/tensor', 'lerp', [rnd(3, 4), rnd(4), torch.rand(3, 4, dtype=F64)])
case('addcmul/value', 'addcmul', [rnd(3, 4), rnd(3, 4), rnd(4)], {'value': 0.5})
case('addcdiv/value', 'addcdiv', [rnd(3, 4), rnd(3, 4), away(4)], {'value': 2.0})

# ---------------------------------------------------------------- reductions

for lay, x in layouts([3, 4]):
    case(f'sum/all/{lay}', 'sum', [x])
    case(f'mean/all/{lay}', 'mean', [x])
case('sum/dim', 'sum', [rnd(3, 4)], {'dim': 1})
case('sum/dims_keepdim', 'sum', [rnd(2, 3, 4)], {'dim': [0, 2], 'keepdim': True})
case('sum/0dim', 'sum', [rnd(1).reshape([])])
case('nansum/all', 'nansum', [torch.tensor([[1.0, float('nan')], [2.0, 3.0]], dtype=F64)], gradcheck=False)
case('mean/dim', 'mean', [rnd(3, 4)], {'dim': 0})
case('mean/keepdim', 'mean', [rnd(2, 3, 4)], {'dim': [1, 2], 'keepdim': True})
case('prod/all', 'prod', [rnd(2, 3)])
case('prod/dim', 'prod', [rnd(3, 4)], {'dim': 1})
case('prod/zero', 'prod', [torch.tensor([[1.5, 0.0, 2.0], [0.5, -1.0, 3.0]], dtype=F64)], {'dim': 1})
case('prod/two_zeros', 'prod', [torch.tensor([1.5, 0.0, 2.0, 0.0], dtype=F64)])
case('amax/dim', 'amax', [distinct(3, 4)], {'dim': 1})
case('amin/dims', 'amin', [distinct(2, 3, 4)], {'dim': [0, 2], 'keepdim': True})
case('amax/ties', 'amax', [torch.tensor([[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]], dtype=F64)], {'dim': 1}, gradcheck=False)
case('max/all', 'max', [distinct(3, 4)])
case('max/all_ties', 'max', [torch.tensor([1.0, 3.0, 3.0, 2.0, 3.0], dtype=F64)], gradcheck=False)
case('min/all', 'min', [distinct(3, 4)])
case('max/dim', 'max', [distinct(3, 4)], {'dim': 1})
case('max/dim_keepdim', 'max', [distinct(3, 4)], {'dim': 0, 'keepdim': True})
case('min/dim', 'min', [distinct(3, 4)], {'dim': -1})
case('max/binary', 'max', [rnd(3, 4), rnd(3, 4)])
case('var/all', 'var', [rnd(3, 4)])
case('var/dim', 'var', [rnd(3, 4)], {'dim': 1, 'unbiased': False})
case('var/keepdim', 'var', [rnd(2, 3, 4)], {'dim': [0, 2], 'keepdim': True})
case('std/all', 'std', [rnd(3, 4)])
case('std/dim', 'std', [rnd(3, 4)], {'dim': 0, 'keepdim': True})
case('logsumexp/dim', 'logsumexp', [rnd(3, 4)], {'dim': 1})
case('logsumexp/keepdim', 'logsumexp', [rnd(2, 3, 4)], {'dim': [0, 2], 'keepdim': True})
case('norm/fro', 'norm', [rnd(3, 4)])
case('norm/p1_dim', 'norm', [away(3, 4)], {'p': 1, 'dim': 1})
case('norm/p3_dim', 'norm', [rnd(3, 4)], {'p': 3, 'dim': 0, 'keepdim': True})
case('norm/inf', 'norm', [distinct(3, 4)], {'p': float('inf')})
case('norm/p2_dim', 'norm', [rnd(3, 4)], {'p': 2, 'dim': 1})
case('cumsum/dim1', 'cumsum', [rnd(3, 4), 1])
case('cumsum/dim0_strided', 'cumsum', [rnd(3, 8)[:, ::2], 0])
case('cumprod/dim1', 'cumprod', [rnd(3, 4), 1])
case('cumprod/zero', 'cumprod', [torch.tensor([[1.5, 0.0, 2.0, -1.0], [0.5, -1.0, 0.0, 0.0]], dtype=F64), 1])
case('cumprod/dim0', 'cumprod', [rnd(3, 4), 0])
case('cummax/dim1', 'cummax', [distinct(3, 4), 1], gradgrad=False)
case('cummin/dim0', 'cummin', [distinct(3, 4), 0], gradgrad=False)
case('softmax/dim1', 'softmax', [rnd(3, 4), 1])
case('softmax/dim0_t', 'softmax', [rnd(4, 3).t(), 0])
case('log_softmax/dim1', 'log_softmax', [rnd(3, 4), 1])
case('log_softmax/dim0', 'log_softmax', [rnd(2, 3, 4), 0])

# ---------------------------------------------------------------- linear algebra

case('mm/basic', 'mm', [rnd(3, 4), rnd(4, 2)])
case('mm/transposed', 'mm', [rnd(4, 3).t(), rnd(2, 4).t()])
case('bmm/basic', 'bmm', [rnd(2, 3, 4), rnd(2, 4, 2)])
case('dot/basic', 'dot', [rnd(4), rnd(4)])
case('mv/basic', 'mv', [rnd(3, 4), rnd(4)])
case('outer/basic', 'outer', [rnd(3), rnd(4)])
MATMUL = [
    ('1x1', [4], [4]), ('2x1', [3, 4], [4]), ('1x2', [4], [4, 2]), ('2x2', [3, 4], [4, 2]),
    ('3x3', [2, 3, 4], [2, 4, 2]), ('3x2', [2, 3, 4], [4, 2]), ('2x3', [3, 4], [2, 4, 2]),
    ('1x3', [4], [2, 4, 2]), ('3x1', [2, 3, 4], [4]), ('broadcast', [2, 1, 3, 4], [3, 4, 2]),
]
for name, sa, sb in MATMUL:
    case(f'matmul/{name}', 'matmul', [rnd(*sa), rnd(*sb)])

# ---------------------------------------------------------------- views

base = rnd(3, 4)
case('view/basic', 'view', [rnd(3, 4), [2, 6]])
case('reshape/alias', 'reshape', [rnd(3, 4), [4, 3]])
case('reshape/copy', 'reshape', [rnd(4, 3).t(), [12]])
case('permute/basic', 'permute', [rnd(2, 3, 4), [2, 0, 1]])
case('transpose/basic', 'transpose', [rnd(2, 3, 4), 0, 2])
case('t/basic', 't', [rnd(3, 4)])
case('expand/basic', 'expand', [rnd(3, 1), [2, 3, 4]])
case('squeeze/all', 'squeeze', [rnd(3, 1, 4, 1)], fn=lambda x: x.squeeze())
case('squeeze/dim', 'squeeze', [rnd(3, 1, 4), 1])
case('unsqueeze/basic', 'unsqueeze', [rnd(3, 4), 1])
case('flatten/basic', 'flatten', [rnd(2, 3, 4), 1, 2])
case('unflatten/basic', 'unflatten', [rnd(3, 4), 1, [2, 2]])
case('narrow/basic', 'narrow', [rnd(3, 5), 1, 1, 3])
case('select/basic', 'select', [rnd(3, 4), 0, 1])
case('select/neg', 'select', [rnd(3, 4), 1, -1])
case('unbind/dim1', 'unbind', [rnd(3, 2), 1])
case('as_strided/basic', 'as_strided', [rnd(3, 4), [2, 2], [1, 3], 1])
case('as_strided/overlap', 'as_strided', [rnd(3, 4), [3, 3], [1, 1], 0])
case('movedim/basic', 'movedim', [rnd(2, 3, 4), 0, -1])
case('contiguous/t', 'contiguous', [rnd(4, 3).t()])
case('clone/strided', 'clone', [rnd(3, 8)[:, ::2]])
case('split/int', 'split', [rnd(5, 2), 2])
case('split/list', 'split', [rnd(5, 2), [1, 4]])
case('chunk/dim1', 'chunk', [rnd(2, 6), 3], {'dim': 1})
case('cat/dim0', 'cat', [[rnd(2, 3), rnd(1, 3), rnd(3, 3)]])
case('cat/dim1_mixed', 'cat', [[rnd(2, 3), rnd(1, 2).t()]], {'dim': 1})
case('stack/dim1', 'stack', [[rnd(2, 3), rnd(2, 3)]], {'dim': 1})
INDEX = [
    ('int', (1,)), ('slice', (slice(1, 3),)), ('step', (slice(None, None, 2), slice(1, None, 2))),
    ('int_slice', (2, slice(None, -1))), ('slice_int', (slice(0, 2), 1)), ('none', (None, 1)),
    ('ellipsis_int', (Ellipsis, 0)), ('slice_none', (slice(1, None), None)),
]
for name, spec in INDEX:
    case(f'index/{name}', 'index', [rnd(3, 4), list(spec)], fn=lambda x, _s, spec=spec: x[spec])

# ---------------------------------------------------------------- indexing ops

idx = torch.tensor([[0, 2], [1, 1], [3, 0]])
case('gather/dim1', 'gather', [rnd(3, 4), 1, idx])
case('scatter/src', 'scatter', [rnd(3, 4), 1, torch.tensor([[0, 2], [1, 3], [3, 0]]), rnd(3, 2)])
case('scatter/value', 'scatter', [rnd(3, 4), 1, torch.tensor([[0, 2], [1, 3], [3, 0]]), 1.5])
case('scatter_add/dim1', 'scatter_add', [rnd(3, 4), 1, idx, rnd(3, 2)])
case('index_select/dim1', 'index_select', [rnd(3, 4), 1, torch.tensor([3, 0, 0])])
mask = torch.rand(3, 4) > 0.5
case('masked_fill/scalar', 'masked_fill', [rnd(3, 4), mask, 0.5])
case('masked_fill/tensor', 'masked_fill', [rnd(3, 4), mask, rnd(1).reshape([])])
case('masked_select/broadcast', 'masked_select', [rnd(3, 4), torch.rand(4) > 0.5])
case('sort/dim1', 'sort', [distinct(3, 4)], {'dim': 1})
case('sort/desc', 'sort', [distinct(3, 4)], {'dim': 0, 'descending': True})
case('topk/k2', 'topk', [distinct(3, 4), 2])
case('flip/dims', 'flip', [rnd(3, 4), [0, 1]])
case('roll/dim', 'roll', [rnd(3, 4), 1, 1])
case('roll/flat', 'roll', [rnd(3, 4), 5])
case('repeat/basic', 'repeat', [rnd(2, 3), 2, 1, 2])
case('tile/basic', 'tile', [rnd(2, 3), [2]])
case('tril/k0', 'tril', [rnd(3, 4), 0])
case('triu/k1', 'triu', [rnd(3, 4), 1])

# ---------------------------------------------------------------- conversions and in-place ops

case('to/float32', 'to', [rnd(3, 4), torch.float32], fn=lambda x, d: x.to(d), gradcheck=False)
case('add_/tensor', 'add_', [rnd(3, 4), rnd(4)], {'alpha': 2.0}, fn=inplace('add_'))
case('sub_/scalar', 'sub_', [rnd(3, 4), 0.5], fn=inplace('sub_'))
case('mul_/tensor', 'mul_', [rnd(3, 4), rnd(3, 1)], fn=inplace('mul_'))
case('mul_/scalar', 'mul_', [rnd(3, 4), 2.5], fn=inplace('mul_'))
case('div_/tensor', 'div_', [rnd(3, 4), away(4)], fn=inplace('div_'))
case('pow_/scalar', 'pow_', [pos(3, 4), 2.5], fn=inplace('pow_'))
case('clamp_/both', 'clamp_', [rnd(3, 4)], {'min': -0.5, 'max': 0.5}, fn=inplace('clamp_'))
for op, maker in [('exp_', rnd), ('neg_', rnd), ('sigmoid_', rnd), ('tanh_', rnd), ('relu_', away), ('abs_', away),
                  ('log_', pos), ('sqrt_', pos), ('reciprocal_', away)]:
    case(f'{op}/basic', op, [maker(3, 4)], fn=inplace(op))
case('zero_/basic', 'zero_', [rnd(3, 4)], fn=inplace('zero_'))
case('fill_/basic', 'fill_', [rnd(3, 4), 2.0], fn=inplace('fill_'))
case('copy_/broadcast', 'copy_', [rnd(3, 4), rnd(4)], fn=inplace('copy_'))
case('masked_fill_/scalar', 'masked_fill_', [rnd(3, 4), mask, 0.5], fn=inplace('masked_fill_'))
case('scatter_/src', 'scatter_', [rnd(3, 4), 1, torch.tensor([[0, 2], [1, 3], [3, 0]]), rnd(3, 2)], fn=inplace('scatter_'))


def view_mul_(x, w):
    y = x.clone()
    y[1:3].mul_(w)
    return y


def view_copy_(x, w):
    y = torch.zeros(3, 4, dtype=F64)
    y[:, 1].copy_(w)
    return y * x


def view_then_base_(x):
    y = x.clone()
    v = y[0]
    y.mul_(2)
    return v * 3


case('inplace_view/mul_', 'inplace_view_mul_', [rnd(3, 4), rnd(4)], fn=view_mul_)
case('inplace_view/copy_', 'inplace_view_copy_', [rnd(3, 4), rnd(3)], fn=view_copy_)
case('inplace_view/base_written', 'inplace_view_base_written', [rnd(3, 4)], fn=view_then_base_)

# ---------------------------------------------------------------- non-differentiable outputs

case('gt/float', 'gt', [rnd(3, 4), 0.0], gradcheck=False)
case('argmax/dim', 'argmax', [distinct(3, 4)], {'dim': 1}, gradcheck=False)

# ================================================================ graphs

graphs = []


def bound32(g32, g64):
    """Twice PyTorch's own float32 rounding error per element."""
    return [enc_value(2 * abs(a - b)) for a, b in zip(g32.reshape(-1).tolist(), g64.reshape(-1).tolist())]


def graph(name, inputs, build, float32=True):
    """Runs `build(*leaves)` -> (loss, {label: tensor to print}), in float32 (and float64 for the bound)."""
    def run(dtype):
        leaves = [t.detach().to(dtype).requires_grad_(rg) for t, rg in inputs]
        loss, shown = build(*leaves)
        names = graph_names(loss)
        reprs = {k: repr(v) for k, v in shown.items()}
        grads = torch.autograd.grad(loss, [t for t in leaves if t.requires_grad])
        return loss, names, reprs, grads

    dt = torch.float32 if float32 else F64
    loss, names, reprs, grads = run(dt)
    _, _, _, grads64 = run(F64)
    enc_grads = []
    for g, g64 in zip(grads, grads64):
        e = enc_result(g)
        if float32:
            e['bound'] = bound32(g, g64)
        enc_grads.append(e)
    graphs.append({
        'name': name,
        'inputs': [dict(enc_input(t.detach().to(dt)), requires_grad=rg) for t, rg in inputs],
        'loss': enc_result(loss.detach()),
        'names': names,
        'reprs': reprs,
        'grads': enc_grads,
    })


def mlp(x, w1, b1, w2, b2, w3, b3):
    h1 = torch.sigmoid(x @ w1 + b1)
    h2 = torch.tanh(h1 @ w2 + b2)
    out = torch.relu(h2 @ w3 + b3)
    return out.pow(2).mean(), {'h1': h1, 'out': out}


graph('mlp', [(rnd(4, 5), False), (rnd(5, 6), True), (rnd(6), True), (rnd(6, 4), True), (rnd(4), True), (rnd(4, 3), True), (rnd(3), True)], mlp)


def softmax_log(z, t):
    p = torch.softmax(z, 1)
    loss = -(torch.log(p) * t).sum(1).mean()
    return loss, {'p': p, 'loss': loss}


graph('softmax_log', [(rnd(4, 3), True), (torch.softmax(rnd(4, 3), 1), False)], softmax_log)

target = torch.tensor([[2], [0], [1], [1]])


def nll(z):
    lsm = torch.log_softmax(z, 1)
    loss = -lsm.gather(1, target).mean()
    return loss, {'lsm': lsm, 'loss': loss}


graph('log_softmax_nll', [(rnd(4, 3), True)], nll)


def fanout_views(x, w):
    a = x.view(2, 6)
    b = a.t()
    c = a * 2 + b.t()
    d = c[0] + c[1] * w
    e = x.unsqueeze(0).expand(3, 3, 4).permute(2, 0, 1)
    f = e.narrow(0, 1, 2).sum() + d.sum() + x.sum(0).dot(x.sum(0))
    return f * x.mean(), {'c': c, 'd': d, 'f': f}


graph('fanout_views', [(rnd(3, 4), True), (rnd(6), True)], fanout_views)


def inplace_chain(x, z):
    y = x.clone()
    y.mul_(2)
    y[0].mul_(3)
    y.narrow(1, 1, 2).add_(z.narrow(1, 0, 2).exp())
    y.add_(z)
    y.sigmoid_()
    return y.sum() + (y * y).mean(), {'y': y}


graph('inplace_chain', [(rnd(3, 4), True), (rnd(3, 4), True)], inplace_chain)


def activation(x):
    return 1 / (1 + torch.exp(-x))


def seed_network(features, w1, w2, b1, b2):
    h1 = activation(torch.mm(features, w1) + b1)
    output = torch.sigmoid((h1 @ w2) + b2)
    return output.sum(), {'h1': h1, 'output': output}


torch.manual_seed(7)
features = torch.randn(1, 3)
W1 = torch.randn((3, 2))
W2 = torch.randn((2,))
B1 = torch.randn((2))
B2 = torch.randn(())
graph('seed_notebook', [(features, False), (W1, True), (W2, True), (B1, True), (B2, True)], seed_network)

# Higher order: grad of grad of tanh, a Hessian-vector product.
higher = []
x = rnd(5).requires_grad_()
g1, = torch.autograd.grad(torch.tanh(x).sum(), x, create_graph=True)
g2, = torch.autograd.grad(g1.sum(), x, create_graph=True)
g3, = torch.autograd.grad(g2.sum(), x)
higher.append({'name': 'tanh', 'x': enc_input(x.detach()), 'g1': enc_result(g1.detach()), 'g2': enc_result(g2.detach()),
               'g3': enc_result(g3), 'g1_repr': repr(g1), 'g1_fn': node_name(g1)})
x = rnd(4).requires_grad_()
y = rnd(4).requires_grad_()
v = rnd(4)
f = (x.pow(3) * y).sum() + (x * y).sin().sum() + x.outer(y).logsumexp(1).sum()
gx, = torch.autograd.grad(f, x, create_graph=True)
hvp = torch.autograd.grad(gx @ v, [x, y])
higher.append({'name': 'hvp', 'x': enc_input(x.detach()), 'y': enc_input(y.detach()), 'v': enc_input(v),
               'hvp_x': enc_result(hvp[0]), 'hvp_y': enc_result(hvp[1])})
x = rnd(3).requires_grad_()
(x ** 3).sum().backward(create_graph=True)
first = x.grad.clone()
x.grad.sum().backward()
higher.append({'name': 'backward_create_graph', 'x': enc_input(x.detach()), 'first': enc_result(first.detach()), 'accumulated': enc_result(x.grad.detach())})

# Accumulation, retain_graph, retain_grad, hooks.
behaviour = {}
x = rnd(3).requires_grad_()
y = (x * x.sigmoid()).sum()
y.backward(retain_graph=True)
y.backward()
behaviour['accumulate_twice'] = {'x': enc_input(x.detach()), 'grad': enc_result(x.grad)}
x = rnd(3).requires_grad_()
h = x * 2
h.retain_grad()
h.register_hook(lambda g: g * 3)
z = (h.exp()).sum()
x.register_hook(lambda g: g + 1)
z.backward()
behaviour['hooks'] = {'x': enc_input(x.detach()), 'x_grad': enc_result(x.grad), 'h_grad': enc_result(h.grad)}
x = rnd(3).requires_grad_()
w = rnd(3).requires_grad_()
y = (x * w).sum()
y.backward(inputs=[w])
behaviour['backward_inputs'] = {'x': enc_input(x.detach()), 'w': enc_input(w.detach()), 'x_grad_is_none': x.grad is None, 'w_grad': enc_result(w.grad)}
x = rnd(3).requires_grad_()
y = x * 2
y.backward(torch.tensor([1.0, 0.5, -1.0], dtype=F64))
behaviour['gradient_arg'] = {'x_grad': enc_result(x.grad)}
reprs = {}
x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
reprs['leaf'] = repr(x)
reprs['mul'] = repr(x * 2)
reprs['sum'] = repr(x.sum())
reprs['detach'] = repr((x * 2).detach())
with torch.no_grad():
    reprs['no_grad'] = repr(x * 2)
reprs['max_values'] = repr(x.max(0).values)
reprs['float64_leaf'] = repr(torch.tensor([0.5, 1.5], dtype=F64, requires_grad=True))
reprs['activation'] = repr(activation(x))
behaviour['reprs'] = reprs

# ================================================================ errors

errors = {}


def err(name, f):
    try:
        f()
    except Exception as e:  # the text PyTorch raises is the expectation
        errors[name] = {'error': str(e), 'type': type(e).__name__}
        return
    raise SystemExit(f'{name}: expected an error')


xl = torch.randn(3, requires_grad=True)
err('implicit_non_scalar', lambda: (xl * 2).backward())
err('no_grad_fn', lambda: torch.randn(3).sum().backward())


def twice():
    s = xl.sigmoid().sum()
    s.backward()
    s.backward()


err('backward_twice', twice)
err('leaf_inplace', lambda: xl.add_(1))
err('view_of_leaf_inplace', lambda: xl[0:2].mul_(2))


def saved_output_modified():
    y = torch.randn(3, 4, requires_grad=True).sigmoid()
    y.mul_(2)
    y.sum().backward()


def saved_input_modified():
    w = xl * 1
    u = w.sin()
    w.add_(1)
    u.sum().backward()


def saved_leaf_modified():
    c = torch.randn(3)
    u = xl * c
    c.add_(1)
    u.sum().backward()


err('saved_output_modified', saved_output_modified)
err('saved_input_modified', saved_input_modified)
err('saved_leaf_modified', saved_leaf_modified)
def inplace_reads_itself():
    y = xl * 1
    y.mul_(y)
    y.sum().backward()


err('inplace_reads_itself', inplace_reads_itself)
err('multi_view_inplace', lambda: (xl * 1).split(1)[0].mul_(2))
err('grad_shape_mismatch', lambda: (xl * 2).backward(torch.ones(2)))
err('grad_unused', lambda: torch.autograd.grad(xl.sum(), [torch.randn(3, requires_grad=True)]))
err('grad_not_requiring', lambda: torch.autograd.grad(xl.sum(), [torch.randn(3)]))
err('floor_divide_backward', lambda: xl.floor_divide(xl.detach().abs() + 1).sum().backward())


class Twice(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        return a * b

    @staticmethod
    def backward(ctx, g):
        return g


err('function_wrong_count', lambda: Twice.apply(xl, xl).sum().backward())
err('requires_grad_non_leaf', lambda: setattr(xl * 2, 'requires_grad', False))
err('hook_without_grad', lambda: torch.randn(3).register_hook(lambda g: g))


class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        y = a.exp()
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, g):
        y, = ctx.saved_tensors
        return g * y


xe = rnd(3).requires_grad_()
ye = Exp.apply(xe)
ge, = torch.autograd.grad(ye.sum(), xe)
behaviour['custom_function'] = {'x': enc_input(xe.detach()), 'name': node_name(ye), 'grad': enc_result(ge), 'repr': repr(ye)}

write_json('packages/autograd/test/fixtures/autograd.json', {
    'ops': ops, 'graphs': graphs, 'higher': higher, 'behaviour': behaviour, 'errors': errors,
})
print(f'{len(ops)} op cases, {len(graphs)} graphs, {len(errors)} errors')
