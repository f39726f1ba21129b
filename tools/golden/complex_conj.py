"""Golden values of PyTorch's conjugate and negative bits (packages/core/fixtures/complex-conj.json).

`x.conj()` of a complex tensor is a view sharing storage with the conjugate bit set; its
imaginary part carries the negative bit; in-place ops through either write conjugated /
negated values into the original. Sections, each a dict keyed by a scenario name that
packages/antorcha/test/complex-conj.test.ts replays op for op:
  values  — tensors read through conj/neg views (kernels see the resolved values)
  writes  — the original tensor after in-place writes through conj/neg views
  flags   — is_conj()/is_neg() of the results of ops on conj/neg views
  shares  — whether a result shares storage with the original
  reprs   — repr() of conj and neg views
  grads   — gradients (and grad_fn names) through conj views and writes into them
  errors  — messages
Tensors are {dtype, shape, values} with row-major [re, im] pairs (_common.enc_value).
Run with Debian's PyTorch 1.13: /usr/bin/python3 tools/golden/complex_conj.py
"""
import torch

from _common import DTYPE_NAMES, flat_values, write_json


def enc(t):
    return {'dtype': DTYPE_NAMES[t.dtype], 'shape': list(t.shape), 'values': flat_values(t.detach().resolve_conj().resolve_neg().contiguous())}


def err(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001
        return {'type': type(e).__name__, 'message': str(e).split('\n')[0]}
    raise AssertionError('expected an error')


X = [[1 + 2j, 3 - 4j, -5 + 0.5j], [0.25 - 1j, 2j, -1.5 + 0j]]
OTHER = [[0.5 - 1j, -2 + 0.25j, 1j], [3 + 0j, -1 - 1j, 0.75 + 2j]]


def base(dt):
    return torch.tensor(X, dtype=dt)


def other(dt):
    return torch.tensor(OTHER, dtype=dt)


out = {}
for dt in (torch.complex64, torch.complex128):
    name = DTYPE_NAMES[dt]
    x, w = base(dt), other(dt)
    c = x.conj()

    values = {
        'conj': c,
        'conj_imag': c.imag,
        'conj_real': c.real,
        'conj_t': c.t(),
        'conj_row': c[1],
        'conj_conj': c.conj(),
        'add': c + w,
        'mul_self': c * x,
        'matmul': c @ w.t(),
        'matmul_t': x @ w.conj().t(),
        'sum': c.sum(0),
        'prod': c.prod(1),
        'abs': c.abs(),
        'angle': c.angle(),
        'exp': c.exp(),
        'sgn': c.sgn(),
        'neg': c.neg(),
        'cat': torch.cat([c, x]),
        'stack_t': torch.stack([c.t(), w.t()]),
        'index_select': c.index_select(1, torch.tensor([2, 0])),
        'flip': c.flip(1),
        'expand': c[0:1].expand(3, 3),
        'imag_mul': c.imag * 2,
        'imag_add_imag': c.imag + x.imag,
        'resolve_conj': c.resolve_conj(),
        'resolve_neg': c.imag.resolve_neg(),
        'conj_physical': c.conj_physical(),
        'clone': c.clone(),
        'to128': c.to(torch.complex128),
        'where': torch.where(c.real > 0, c, w),
        'mH': x.mH,
        'adjoint_matmul': x.adjoint() @ x,
        # (not torch.vdot: Debian's PyTorch 1.13 returns 0 for complex vdot, a zdotc ABI bug of its BLAS)
        'conj_mul_sum': (x[0].conj() * w[0]).sum().reshape(1),
        'item': c[0, 1].reshape(1),
        'real_tensor_conj': x.real.conj(),
        't_': (lambda v: (v.t_(), v)[1])(x.conj()),
    }

    def wr(f):
        t = base(dt)
        f(t)
        return t

    writes = {
        'add_': wr(lambda t: t.conj().add_(1j)),
        'mul_': wr(lambda t: t.conj().mul_(2 + 1j)),
        'mul_tensor': wr(lambda t: t.conj().mul_(other(dt))),
        'sub_conj_view': wr(lambda t: t.conj().sub_(other(dt).conj())),
        'setitem': wr(lambda t: t.conj().__setitem__((0, 1), 7 + 7j)),
        'setitem_row': wr(lambda t: t.conj().__setitem__(1, torch.tensor([1 + 1j, 2 + 2j, 3 + 3j], dtype=dt))),
        'fill_': wr(lambda t: t.conj().fill_(1 + 1j)),
        'zero_': wr(lambda t: t.conj().zero_()),
        'copy_': wr(lambda t: t.conj().copy_(other(dt))),
        'copy_conj': wr(lambda t: t.conj().copy_(other(dt).conj())),
        'copy_from_conj': wr(lambda t: t.copy_(other(dt).conj())),
        'exp_': wr(lambda t: t.conj().exp_()),
        'sgn_': wr(lambda t: t.conj().sgn_()),
        'row_mul_': wr(lambda t: t.conj()[1].mul_(2j)),
        't_add_': wr(lambda t: t.conj().t().add_(torch.tensor([1j, 2j, 3j], dtype=dt).reshape(3, 1))),
        'add_self': wr(lambda t: t.conj().add_(t.conj())),
        'add_base': wr(lambda t: t.conj().add_(t)),
        'mul_self': wr(lambda t: t.conj().mul_(t)),
        'conj_physical_': wr(lambda t: t.conj().conj_physical_()),
        'imag_add_': wr(lambda t: t.conj().imag.add_(1)),
        'imag_mul_': wr(lambda t: t.conj().imag.mul_(3)),
        'imag_fill_': wr(lambda t: t.conj().imag.fill_(2)),
        'real_mul_': wr(lambda t: t.conj().real.mul_(-2)),
        'conj_conj_add_': wr(lambda t: t.conj().conj().add_(1j)),
        'index_put_': wr(lambda t: t.conj().index_put_((torch.tensor([0, 1]), torch.tensor([2, 0])), torch.tensor([5j, 6 + 1j], dtype=dt))),
    }

    flags = {
        'conj': c.is_conj(),
        'conj_neg': c.is_neg(),
        'conj_imag_neg': c.imag.is_neg(),
        'conj_imag_conj': c.imag.is_conj(),
        'conj_real_neg': c.real.is_neg(),
        'conj_conj': c.conj().is_conj(),
        'clone': c.clone().is_conj(),
        'contiguous': c.contiguous().is_conj(),
        't_contiguous': c.t().contiguous().is_conj(),
        'resolve_conj': c.resolve_conj().is_conj(),
        'conj_physical': c.conj_physical().is_conj(),
        'detach': c.detach().is_conj(),
        'to128': c.to(torch.complex128).is_conj(),
        'view': c.view(3, 2).is_conj(),
        't': c.t().is_conj(),
        'row': c[1].is_conj(),
        'expand': c[0:1].expand(3, 3).is_conj(),
        'neg': c.neg().is_conj(),
        'mul': (c * 1).is_conj(),
        'mH': x.mH.is_conj(),
        'adjoint': x.adjoint().is_conj(),
        'H': x.H.is_conj(),
        'mT': x.mT.is_conj(),
        'resolve_neg': c.imag.resolve_neg().is_neg(),
        'imag_clone_neg': c.imag.clone().is_neg(),
        'imag_neg_neg': c.imag.neg().is_neg(),
        'imag_conj_neg': c.imag.conj().is_neg(),
        'real_conj': x.real.conj().is_conj(),
        'x': x.is_conj(),
        'torch_is_conj': torch.is_conj(c),
        't_': (lambda v: (v.t_(), v)[1])(x.conj()).is_conj(),
    }

    shares = {
        'conj': c.data_ptr() == x.data_ptr(),
        'conj_is_view': c._is_view() and c._base is x,
        'contiguous': c.contiguous().data_ptr() == x.data_ptr(),
        'clone': c.clone().data_ptr() == x.data_ptr(),
        'resolve_conj': c.resolve_conj().data_ptr() == x.data_ptr(),
        'real_conj_is_self': (lambda r: r.conj() is r)(x.real),
        'conj_conj_is_x': c.conj() is x,
    }

    reprs = {
        'conj': repr(c),
        'conj_imag': repr(c.imag),
        'conj_row': repr(c[0]),
        'conj_scalar': repr(c[0, 0]),
    }

    out[name] = {
        'x': enc(x), 'other': enc(w),
        'values': {k: enc(v) for k, v in values.items()},
        'writes': {k: enc(v) for k, v in writes.items()},
        'flags': flags, 'shares': shares, 'reprs': reprs,
    }

# ------------------------------------------------------------------ autograd
W = torch.tensor([1 + 1j, 2 - 1j, -0.5 + 0.25j], dtype=torch.complex128)


def grad_case(f):
    a = torch.tensor([1 + 2j, 3 - 1j, -0.5 + 0.75j], dtype=torch.complex128, requires_grad=True)
    names = f(a)
    return {'grad': enc(a.grad), 'names': names}


def g_conj(a):
    c = a.conj()
    (c * W).sum().abs().backward()
    return [type(c.grad_fn).__name__]


def g_resolve(a):
    r = a.conj().resolve_conj()
    (r * W).sum().abs().backward()
    return [type(r.grad_fn).__name__]


def g_physical(a):
    p = a.conj_physical()
    (p * W).sum().abs().backward()
    return [type(p.grad_fn).__name__]


def g_physical_(a):
    y = a * 1
    y.conj_physical_()
    (y * W).sum().abs().backward()
    return [type(y.grad_fn).__name__]


def g_conj_imag(a):
    n = a.conj().imag
    (n * n).sum().backward()
    return []


def g_write_conj(a):
    y = a.clone()
    c = y.conj()
    c.mul_(1j)
    names = [type(c.grad_fn).__name__, type(y.grad_fn).__name__]
    (y * W).sum().abs().backward()
    return names


def g_write_conj_row(a):
    y = a.clone()
    c = y.conj()[1:]
    c.mul_(W[1:])
    names = [type(c.grad_fn).__name__, type(y.grad_fn).__name__]
    (y * W).sum().abs().backward()
    return names


def g_write_conj_imag(a):
    y = a.clone()
    c = y.conj().imag
    c.mul_(3)
    names = [type(c.grad_fn).__name__, type(y.grad_fn).__name__]
    (y * W).sum().abs().backward()
    return names


def g_write_base_then_conj(a):
    y = a.clone()
    c = y.conj()
    y.mul_(W)
    names = [type(c.grad_fn).__name__]
    (c * W).sum().abs().backward()
    return names


def g_copy_into_conj(a):
    y = torch.zeros(3, dtype=torch.complex128)
    y.conj().copy_(a * W)
    names = [type(y.grad_fn).__name__]
    y.sum().abs().backward()
    return names


# ------------------------------------------------------------------ in-place writes into .real/.imag
def g_real_mul_(a):
    y = a.clone()
    r = y.real
    r.mul_(2)
    names = [type(r.grad_fn).__name__, type(y.grad_fn).__name__]
    y.sum().abs().backward()
    return names


def g_imag_mul_(a):
    y = a.clone()
    i = y.imag
    i.mul_(-3)
    names = [type(i.grad_fn).__name__, type(y.grad_fn).__name__]
    (y * W).sum().abs().backward()
    return names


def g_real_add_imag(a):
    y = a.clone()
    y.real.add_(y.imag)
    names = [type(y.grad_fn).__name__]
    (y * W).sum().abs().backward()
    return names


def g_imag_copy_(a):
    y = a.clone()
    y.imag.copy_(a.real * a.imag)
    names = [type(y.grad_fn).__name__]
    (y * W).sum().abs().backward()
    return names


def g_real_row_write(a):
    y = a.clone()
    r = y.real[1:]
    r.pow_(2)
    names = [type(r.grad_fn).__name__, type(y.grad_fn).__name__]
    (y * W).sum().abs().backward()
    return names


def g_view_as_real_write(a):
    y = a.clone()
    v = torch.view_as_real(y)
    v[:, 1].mul_(0.5)
    names = [type(y.grad_fn).__name__]
    (y * W).sum().abs().backward()
    return names


def g_base_write_then_real(a):
    y = a.clone()
    r = y.real
    y.mul_(W)
    names = [type(r.grad_fn).__name__]
    (r * r).sum().backward()
    return names


def g_part_names(a):
    names = [type(a.real.grad_fn).__name__, type(a.imag.grad_fn).__name__, type(torch.view_as_real(a).grad_fn).__name__]
    (a.real * a.imag).sum().backward()
    return names


GRADS = {
    'conj': g_conj, 'resolve_conj': g_resolve, 'conj_physical': g_physical, 'conj_physical_': g_physical_,
    'conj_imag': g_conj_imag, 'write_conj': g_write_conj, 'write_conj_row': g_write_conj_row,
    'write_conj_imag': g_write_conj_imag, 'write_base_then_conj': g_write_base_then_conj, 'copy_into_conj': g_copy_into_conj,
    'real_mul_': g_real_mul_, 'imag_mul_': g_imag_mul_, 'real_add_imag': g_real_add_imag, 'imag_copy_': g_imag_copy_,
    'real_row_write': g_real_row_write, 'view_as_real_write': g_view_as_real_write, 'base_write_then_real': g_base_write_then_real,
    'part_names': g_part_names,
}


def view_as_complex_write():
    b = torch.tensor([[1., 2.], [3., -4.], [0.5, 0.25]], dtype=torch.float64, requires_grad=True)
    y = b.clone()
    v = torch.view_as_complex(y)
    v.mul_(1j)
    names = [type(v.grad_fn).__name__, type(y.grad_fn).__name__]
    (y * torch.tensor([[1., 2.], [3., 5.], [-1., 0.5]], dtype=torch.float64)).sum().backward()
    return {'grad': enc(b.grad), 'names': names}


real_leaf = {'view_as_complex_write': view_as_complex_write()}
grads = {k: grad_case(f) for k, f in GRADS.items()}


def leaf_view_write():
    a = torch.tensor([1 + 2j], requires_grad=True)
    a.conj().mul_(2)


def leaf_real_write():
    a = torch.tensor([1 + 2j], requires_grad=True)
    a.real.mul_(2)


errors = {
    'view_as_real': err(lambda: torch.view_as_real(base(torch.complex64).conj())),
    'leaf_view_write': err(leaf_view_write),
    'leaf_real_write': err(leaf_real_write),
}

# torch.save writes the storage as stored: a conjugate view loads without its bit (PyTorch 1.13)
import io  # noqa: E402

buf = io.BytesIO()
xs = base(torch.complex64)
torch.save({'c': xs.conj(), 'x': xs}, buf)
buf.seek(0)
loaded = torch.load(buf)
serialization = {'c': enc(loaded['c']), 'c_is_conj': loaded['c'].is_conj(), 'x': enc(loaded['x'])}

write_json('packages/core/fixtures/complex-conj.json', {'dtypes': out, 'grads': grads, 'real_leaf': real_leaf, 'errors': errors, 'serialization': serialization})
