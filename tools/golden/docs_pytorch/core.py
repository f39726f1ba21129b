"""PyTorch programs for the TSDoc @example blocks of packages/core, rng, autograd and backend-webgpu (ids start with `core.`)."""

EXAMPLES = {
    'core.Complex': '''
z = complex(1, 2)
print(str(z))
print(torch.tensor([z, complex(0, -1)]))
''',
    'core.DType': '''
print(torch.float32, torch.zeros([2], dtype=torch.int32).dtype)
''',
    'core.Size': '''
s = torch.zeros(1, 5).shape
print(s, s.numel())
''',
    'core.Tensor': '''
x = torch.tensor([[1, 2], [3, 4]], dtype=torch.float32)
y = x.t().matmul(x)
print(y)
print(y.shape, y.dtype)
''',
    'core.Tensor.backward': '''
x = torch.tensor([1, 2, 3], dtype=torch.float32, requires_grad=True)
x.pow(2).sum().backward()
print(x.grad)
x.mul(2).backward(torch.tensor([1, 0, 1], dtype=torch.float32))
print(x.grad)
''',
    'core.Tensor.bfloat16': '''
print(torch.tensor([0.1, 300], dtype=torch.float32).bfloat16())
''',
    'core.Tensor.dim': '''
print(torch.zeros(2, 3).dim(), torch.tensor(5).dim())
''',
    'core.Tensor.fill_': '''
x = torch.zeros(2, 2)
x.fill_(7)
print(x)
''',
    'core.Tensor.half': '''
x = torch.tensor([1, 2.5, 0.1], dtype=torch.float32).half()
print(x)
print(x.float())
''',
    'core.Tensor.index': '''
x = torch.arange(9).reshape(3, 3)
print(x[:, 1:3])
print(x[x > 5])
print(x[:, [2, 0]])
''',
    'core.Tensor.itemAsync': '''
loss = torch.tensor([0.5, 1.5]).square().mean()
print(loss.item())
''',
    'core.Tensor.numel': '''
print(torch.zeros(2, 3, 4).numel())
''',
    'core.Tensor.registerHook': '''
x = torch.tensor([1, 2], dtype=torch.float32, requires_grad=True)
handle = x.register_hook(lambda g: g.mul(10))
x.sum().backward()
print(x.grad)
handle.remove()
''',
    'core.Tensor.requiresGrad_': '''
w = torch.ones(2).requires_grad_()
w.mul(3).sum().backward()
print(w.grad)
''',
    'core.Tensor.retainGrad': '''
x = torch.tensor([1, 2], dtype=torch.float32, requires_grad=True)
y = x.mul(2)
y.retain_grad()
y.square().sum().backward()
print(y.grad, x.grad)
''',
    'core.Tensor.shape': '''
x = torch.zeros(2, 3)
print(x.shape, x.shape[1], x.shape.numel())
''',
    'core.Tensor.size': '''
x = torch.zeros(2, 3)
print(x.size(), x.size(-1))
''',
    'core.Tensor.stride': '''
x = torch.zeros(2, 3)
print(x.stride(1), x.t().stride(0))
''',
    'core.Tensor.to': '''
x = torch.tensor([1.7, -2.5])
print(x.to(torch.int64))
print(x.to('cpu', torch.float64))
print(x.to(torch.tensor([True])))
''',
    'core.ValuesIndices': '''
x = torch.tensor([[1, 5, 2], [7, 3, 4]])
values, indices = torch.median(x, 1)
print(values, indices)
print(x.max(1))
''',
    'core.abs': '''print(torch.abs(torch.tensor([-3, 0, 2])))
''',
    'core.add': '''
a = torch.tensor([1, 2, 3])
print(torch.add(a, 10))
print(a.add(torch.tensor([0.5, 0.5, 0.5]), alpha=2))
''',
    'core.addbmm': '''
print(torch.addbmm(torch.zeros(2, 2), torch.ones(3, 2, 4), torch.ones(3, 4, 2)))
''',
    'core.addmm': '''
print(torch.addmm(torch.tensor([1, -1], dtype=torch.float32), torch.ones(2, 3), torch.ones(3, 2), alpha=2))
''',
    'core.addmv': '''
print(torch.addmv(torch.ones(2), torch.ones(2, 3), torch.ones(3)))
''',
    'core.addr': '''
print(torch.addr(torch.zeros(2, 2), torch.tensor([1, 2]), torch.tensor([3, 4])))
''',
    'core.all': '''
x = torch.tensor([[True, False], [True, True]])
print(torch.all(x), x.all(1))
''',
    'core.amax': '''
x = torch.tensor([[1, 9, 3], [7, 2, 8]])
print(torch.amax(x, 1), torch.amax(x, [0, 1]))
''',
    'core.amin': '''
x = torch.tensor([[1, 9, 3], [7, 2, 8]])
print(torch.amin(x, 0))
''',
    'core.aminmax': '''
x = torch.tensor([[4, -1, 7], [0, 2, 2]])
min, max = torch.aminmax(x, dim=1)
print(min, max)
''',
    'core.any': '''
x = torch.tensor([[0, 0], [0, 3]])
print(torch.any(x), x.any(1))
''',
    'core.arange': '''
print(torch.arange(5))
print(torch.arange(1, 2.5, 0.5))
''',
    'core.argmax': '''
x = torch.tensor([[1, 9, 3], [7, 2, 8]])
print(torch.argmax(x))
print(torch.argmax(x, 1))
''',
    'core.argmin': '''
x = torch.tensor([[4, 1, 3], [0, 5, 0]])
print(torch.argmin(x), torch.argmin(x, 1))
''',
    'core.argsort': '''
print(torch.argsort(torch.tensor([3, 1, 2])))
''',
    'core.atan2': '''print(torch.atan2(torch.tensor([1, 1, -1], dtype=torch.float32), torch.tensor([1, -1, -1], dtype=torch.float32)))
''',
    'core.atleast1d': '''
print(torch.atleast_1d(torch.tensor(3)))
''',
    'core.autograd.Function': '''
class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = x.exp()
        ctx.save_for_backward(y)
        return y
    @staticmethod
    def backward(ctx, g):
        y, = ctx.saved_tensors
        return g * y
x = torch.tensor([0, 1], dtype=torch.float32, requires_grad=True)
y = Exp.apply(x)
print(y.grad_fn.name())
y.sum().backward()
print(x.grad)
''',
    'core.autograd.backward': '''
x = torch.tensor([1, 2, 3], dtype=torch.float32, requires_grad=True)
torch.autograd.backward(x.mul(x).sum())
print(x.grad)
''',
    'core.autograd.fusedNode': '''
input = torch.tensor([1, 2, 3], dtype=torch.float32, requires_grad=True)
target = torch.tensor([1, 0, 0], dtype=torch.float32)
loss = F.mse_loss(input, target)
print(loss)
loss.backward()
print(input.grad)
''',
    'core.autograd.grad': '''
x = torch.tensor([1, 2, 3], dtype=torch.float32, requires_grad=True)
dx, = torch.autograd.grad(x.pow(3).sum(), [x], create_graph=True)
d2x, = torch.autograd.grad(dx.sum(), [x])
print(dx)
print(d2x)
''',
    'core.autograd.sumTo': '''
print(torch.ones(2, 3).sum_to_size(3))
''',
    'core.baddbmm': '''
print(torch.baddbmm(torch.zeros(3), torch.ones(2, 3, 4), torch.ones(2, 4, 3)).shape)
''',
    'core.bartlettWindow': '''
print(torch.bartlett_window(5, False))
''',
    'core.bincount': '''
print(torch.bincount(torch.tensor([1, 1, 3])))
''',
    'core.blackmanWindow': '''
print(torch.blackman_window(4))
''',
    'core.blockDiag': '''
print(torch.block_diag(torch.tensor([[1, 2], [3, 4]]), torch.tensor([5, 6])))
''',
    'core.bmm': '''
a = torch.arange(12, dtype=torch.float32).reshape(2, 2, 3)
b = torch.ones(2, 3, 1)
print(torch.bmm(a, b))
''',
    'core.bucketize': '''
print(torch.bucketize(torch.tensor([1, 5, 9]), torch.tensor([2, 6])))
''',
    'core.cat': '''
a = torch.tensor([[1, 2]])
print(torch.cat([a, a], 0))
print(torch.cat([a, a], 1))
''',
    'core.cauchy_': '''
torch.manual_seed(0)
print(torch.empty(3).cauchy_())
''',
    'core.cdist': '''
a = torch.tensor([[0, 0], [1, 1]], dtype=torch.float32)
b = torch.tensor([[3, 4], [1, 0]], dtype=torch.float32)
print(torch.cdist(a, b))
''',
    'core.chainMatmul': '''
print(torch.chain_matmul(torch.ones(2, 3), torch.ones(3, 4), torch.ones(4, 1)))
''',
    'core.chunk': '''
x = torch.arange(6)
print(*torch.chunk(x, 3))
print(*x.chunk(4))
''',
    'core.clamp': '''
print(torch.clamp(torch.tensor([-2, 0.5, 3]), -1, 1))
''',
    'core.clampMin': '''
print(torch.clamp_min(torch.tensor([-1, 2]), 0))
''',
    'core.clone': '''
x = torch.tensor([1, 2])
y = x.clone()
y.add_(10)
print(x, y)
''',
    'core.combinations': '''
print(torch.combinations(torch.tensor([1, 2, 3])))
''',
    'core.complex': '''
print(torch.complex(torch.tensor([1, 0], dtype=torch.float32), torch.tensor([2, -1], dtype=torch.float32)))
''',
    'core.conj': '''
x = torch.tensor([1+2j])
y = x.conj()
print(y)
y.add_(1j)
print(x)
''',
    'core.corrcoef': '''
print(torch.corrcoef(torch.tensor([[0, 1, 2], [2, 1, 5]]).float()))
''',
    'core.countNonzero': '''
x = torch.tensor([[0, 1], [2, 3]])
print(torch.count_nonzero(x), torch.count_nonzero(x, 0))
''',
    'core.cov': '''
print(torch.cov(torch.tensor([[0, 1, 2], [2, 1, 0]]).float()))
''',
    'core.covAsync': '''
x = torch.tensor([[1, 2, 4], [2, 1, 0]], dtype=torch.float32)
print(torch.cov(x, fweights=torch.tensor([1, 2, 1])))
try:
    torch.cov(x, fweights=torch.tensor([1, -2, 1]))
except RuntimeError as e:
    print(e)
''',
    'core.cplx': '''
print(torch.tensor([complex(1, 2), complex(0, -1)]))
''',
    'core.cross': '''
print(torch.cross(torch.tensor([1, 0, 0]), torch.tensor([0, 1, 0])))
''',
    'core.cumprod': '''
print(torch.cumprod(torch.tensor([1, 2, 3, 4]), 0))
''',
    'core.cumsum': '''
print(torch.tensor([1, 2, 3, 4]).cumsum(0))
print(torch.tensor([[1.5, 2], [3, 4]]).cumsum(1))
''',
    'core.cumulativeTrapezoid': '''
print(torch.cumulative_trapezoid(torch.tensor([1, 2, 3]).float()))
''',
    'core.deg2rad': '''
print(torch.deg2rad(torch.tensor([180, 90], dtype=torch.float32)))
''',
    'core.det': '''
print(torch.det(torch.tensor([[4, 1], [2, 3]], dtype=torch.float64)))
''',
    'core.detach': '''
x = torch.tensor([1, 2], dtype=torch.float32, requires_grad=True)
y = x.mul(2)
print(y)
print(y.detach())
''',
    'core.diag': '''
print(torch.diag(torch.tensor([1, 2])))
print(torch.diag(torch.tensor([[1, 2], [3, 4]])))
''',
    'core.diagEmbed': '''
print(torch.diag_embed(torch.tensor([[1, 2], [3, 4]])))
''',
    'core.diagflat': '''
print(torch.diagflat(torch.tensor([[1, 2], [3, 4]])))
''',
    'core.diagonal': '''
x = torch.arange(9).view(3, 3)
print(torch.diagonal(x))
print(torch.diagonal(x, 1))
''',
    'core.diff': '''
print(torch.diff(torch.tensor([1, 4, 9, 16])))
print(torch.diff(torch.tensor([1, 4, 9, 16]), 2))
''',
    'core.dist': '''
print(torch.dist(torch.zeros(2), torch.tensor([3, 4]).float()))
print(torch.dist(torch.zeros(2), torch.tensor([3, 4]).float(), 1))
''',
    'core.div': '''
a = torch.tensor([7, -7])
print(torch.div(a, 2))
print(torch.div(a, 2, rounding_mode='floor'))
print(a.div(2, rounding_mode='trunc'))
''',
    'core.dot': '''
print(torch.dot(torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6])))
''',
    'core.einsum': '''
m = torch.arange(4, dtype=torch.float32).reshape(2, 2)
u = torch.tensor([1, 2], dtype=torch.float32)
print(torch.einsum('ij,jk->ik', m, m))
print(torch.einsum('ii', m))
print(torch.einsum('i,j', u, u))
''',
    'core.eq': '''a = torch.tensor([1, 2, 3])
print(torch.eq(a, 2))
print(a.eq(torch.tensor([1, 0, 3])))
''',
    'core.exp': '''x = torch.tensor([0, 1, -1], dtype=torch.float32)
print(torch.exp(x))
print(x.exp().log())
''',
    'core.expand': '''
x = torch.tensor([[1], [2]])
print(x.expand(2, 3))
print(x.expand(-1, 4).shape)
''',
    'core.eye': '''
print(torch.eye(2, 3))
''',
    'core.fft': '''
print(torch.fft.fft(torch.tensor([1, 0, -1, 0], dtype=torch.float32)))
print(torch.fft.fftfreq(4))
''',
    'core.fft.fft': '''
x = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
print(torch.fft.fft(x))
print(torch.fft.fft(x, n=8, norm='ortho'))
''',
    'core.fft.fft2': '''
x = torch.tensor([[1, 2], [3, 4]], dtype=torch.float32)
print(torch.fft.fft2(x))
''',
    'core.fft.fftfreq': '''
print(torch.fft.fftfreq(5))
print(torch.fft.fftfreq(4, 0.5, dtype=torch.float64))
''',
    'core.fft.fftn': '''
x = torch.arange(4, dtype=torch.float32).reshape(2, 2)
print(torch.fft.fftn(x))
print(torch.fft.fftn(x, s=[3], dim=[1]))
''',
    'core.fft.fftshift': '''
x = torch.arange(5)
y = torch.fft.fftshift(x)
print(y)
print(torch.fft.ifftshift(y))
''',
    'core.fft.fftshiftFreq': '''
print(torch.fft.fftshift(torch.fft.fftfreq(5)))
''',
    'core.fft.hfft': '''
x = torch.tensor([0.5, 2, 3, 4, 5], dtype=torch.float32)
print(torch.fft.hfft(torch.fft.ihfft(x), n=x.shape[0]))
''',
    'core.fft.ifft': '''
x = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
print(torch.fft.ifft(torch.fft.fft(x)))
''',
    'core.fft.ihfft': '''
print(torch.fft.ihfft(torch.tensor([1, 2, 3, 4], dtype=torch.float32)))
''',
    'core.fft.irfft': '''
x = torch.tensor([0.5, 2, 3, 4, 5], dtype=torch.float32)
X = torch.fft.rfft(x)
print(torch.fft.irfft(X, n=x.shape[0]))
''',
    'core.fft.rfft': '''
print(torch.fft.rfft(torch.tensor([1, 2, 3, 4], dtype=torch.float32)))
''',
    'core.fft.rfft2': '''
print(torch.fft.rfft2(torch.ones(4, 6)).shape)
''',
    'core.fft.rfftfreq': '''
print(torch.fft.rfftfreq(5))
''',
    'core.flatten': '''
x = torch.zeros(2, 3, 4)
print(x.flatten().shape)
print(x.flatten(1).shape)
''',
    'core.flip': '''
x = torch.tensor([[1, 2], [3, 4]])
print(torch.flip(x, [0]))
print(x.flip([0, 1]))
''',
    'core.floatPower': '''
print(torch.float_power(torch.tensor([2, 3]), 2))
''',
    'core.floor': '''x = torch.tensor([-1.5, -0.5, 0.5, 1.5])
print(torch.floor(x), x.ceil())
''',
    'core.frexp': '''
m, e = torch.frexp(torch.tensor([8, 0.3, -5], dtype=torch.float32))
print(m, e)
''',
    'core.full': '''
print(torch.full([2, 3], 7))
print(torch.full([2], 0.5))
''',
    'core.fullLike': '''
print(torch.full_like(torch.zeros(2), 7))
''',
    'core.gather': '''
x = torch.tensor([[1, 2], [3, 4]])
print(torch.gather(x, 1, torch.tensor([[0, 0], [1, 0]])))
''',
    'core.gradient': '''
g, = torch.gradient(torch.tensor([1, 4, 9, 16], dtype=torch.float32))
print(g)
img = torch.tensor([[1, 2, 4], [2, 5, 9]], dtype=torch.float32)
gy, gx = torch.gradient(img, spacing=[2, 0.5])
print(gy, gx)
''',
    'core.gt': '''x = torch.tensor([[1, 5], [3, 2]])
print(x.gt(2))
print(torch.gt(x, torch.tensor([2, 4])))
''',
    'core.hammingWindow': '''
print(torch.hamming_window(4))
print(torch.hamming_window(4, False, 0.5, 0.5, dtype=torch.float64))
''',
    'core.hannWindow': '''
print(torch.hann_window(4))
print(torch.hann_window(5, False))
''',
    'core.heaviside': '''
print(torch.heaviside(torch.tensor([-1, 0, 2]), torch.tensor([7])))
''',
    'core.histc': '''
print(torch.histc(torch.tensor([1, 2, 1], dtype=torch.float32), 4, 0, 3))
''',
    'core.histogram': '''
hist, bin_edges = torch.histogram(torch.tensor([1, 2, 1], dtype=torch.float32), 2, range=(0, 2))
print(hist, bin_edges)
''',
    'core.histogramdd': '''
hist, bin_edges = torch.histogramdd(torch.tensor([[0, 1], [1, 0], [2, 2]]).float(), [2, 2])
print(hist)
print(*bin_edges)
''',
    'core.hstack': '''
print(torch.hstack([torch.tensor([1, 2]), torch.tensor([3])]))
print(torch.hstack([torch.tensor([[1], [2]]), torch.tensor([[3], [4]])]))
''',
    'core.index': '''
x = torch.arange(12).reshape(3, 4)
print(x[0, 1:3])
print(x[..., None].shape)
print(x[::2, -1])
''',
    'core.indexAdd': '''
print(torch.index_add(torch.zeros(3), 0, torch.tensor([0, 0, 2]), torch.tensor([1, 2, 3], dtype=torch.float32)))
''',
    'core.indexAsync': '''
x = torch.tensor([[-1, 2], [3, -4]])
print(x[x > 0])
''',
    'core.indexSelect': '''
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(torch.index_select(x, 1, torch.tensor([2, 0])))
''',
    'core.inner': '''
print(torch.inner(torch.tensor([1, 2, 3]), torch.tensor([0, 1, -1])))
print(torch.inner(torch.ones(2, 3), torch.ones(4, 3)).shape)
''',
    'core.inverse': '''
print(torch.inverse(torch.tensor([[2, 0], [0, 4]], dtype=torch.float64)))
''',
    'core.isclose': '''
a = torch.tensor([1, 2, float('nan')], dtype=torch.float32)
b = torch.tensor([1.000001, 2.1, float('nan')], dtype=torch.float32)
print(torch.isclose(a, b))
print(torch.isclose(a, b, equal_nan=True))
''',
    'core.isin': '''
print(torch.isin(torch.tensor([1, 2, 3]), torch.tensor([2, 5])))
''',
    'core.isnan': '''x = torch.tensor([1, float('nan'), float('inf')])
print(torch.isnan(x), x.isinf())
''',
    'core.istft': '''
x = torch.arange(8, dtype=torch.float32)
w = torch.hann_window(4)
S = torch.stft(x, 4, hop_length=1, window=w, return_complex=True)
print(torch.istft(S, 4, hop_length=1, window=w, length=x.shape[0]))
''',
    'core.kaiserWindow': '''
print(torch.kaiser_window(5, False, 8.0, dtype=torch.float64))
''',
    'core.kron': '''
print(torch.kron(torch.tensor([[1, 2]]), torch.tensor([[1], [10]])))
''',
    'core.kthvalue': '''
v, i = torch.kthvalue(torch.tensor([5, 1, 4]), 2)
print(v, i)
''',
    'core.ldexp': '''
print(torch.ldexp(torch.tensor([1, 0.5]), torch.tensor([3, 2])))
''',
    'core.linalg': '''
a = torch.tensor([[4, 1], [2, 3]], dtype=torch.float64)
print(torch.linalg.det(a))
print(torch.linalg.inv(a))
''',
    'core.linalg.cholesky': '''
L = torch.linalg.cholesky(torch.tensor([[4, 2], [2, 5]], dtype=torch.float64))
print(L)
''',
    'core.linalg.cond': '''
print(torch.linalg.cond(torch.tensor([[1, 0], [0, 4]], dtype=torch.float64)))
''',
    'core.linalg.cross': '''
print(torch.linalg.cross(torch.tensor([1, 0, 0], dtype=torch.float32), torch.tensor([0, 1, 0], dtype=torch.float32)))
''',
    'core.linalg.det': '''
print(torch.linalg.det(torch.tensor([[4, 1], [2, 3]], dtype=torch.float64)))
''',
    'core.linalg.eig': '''
eigenvalues, eigenvectors = torch.linalg.eig(torch.tensor([[0, -1], [1, 0]], dtype=torch.float64))
print(eigenvalues)
''',
    'core.linalg.eigh': '''
eigenvalues, eigenvectors = torch.linalg.eigh(torch.tensor([[2, 1], [1, 3]], dtype=torch.float64))
print(eigenvalues)
print(eigenvectors.abs())
''',
    'core.linalg.eigvals': '''
print(torch.linalg.eigvals(torch.tensor([[2, 0], [0, 3]], dtype=torch.float64)))
''',
    'core.linalg.eigvalsh': '''
print(torch.linalg.eigvalsh(torch.tensor([[2, 1], [1, 3]], dtype=torch.float64)))
''',
    'core.linalg.householderProduct': '''
A = torch.tensor([[3, 1], [4, 2]], dtype=torch.float32)
a, tau = torch.geqrf(A)
print(torch.linalg.householder_product(a, tau))
''',
    'core.linalg.inv': '''
print(torch.linalg.inv(torch.tensor([[2, 0], [0, 4]], dtype=torch.float64)))
''',
    'core.linalg.ldlSolve': '''
A = torch.tensor([[4, 2], [2, 3]], dtype=torch.float32)
B = torch.tensor([[2], [1]], dtype=torch.float32)
LD, pivots = torch.linalg.ldl_factor(A)
print(torch.linalg.ldl_solve(LD, pivots, B))
''',
    'core.linalg.lstsq': '''
A = torch.tensor([[1, 0], [1, 1], [1, 2]], dtype=torch.float32)
B = torch.tensor([[1], [2], [4]], dtype=torch.float32)
print(torch.linalg.lstsq(A, B).solution)
''',
    'core.linalg.lu': '''
A = torch.tensor([[4, 1], [2, 3]], dtype=torch.float32)
P, L, U = torch.linalg.lu(A)
print(L)
print(U)
print(P.matmul(L).matmul(U))
''',
    'core.linalg.luFactorEx': '''
A = torch.tensor([[4, 1], [2, 3]], dtype=torch.float32)
LU, pivots, info = torch.linalg.lu_factor_ex(A)
print(LU)
print(pivots, info)
''',
    'core.linalg.luSolve': '''
A = torch.tensor([[4, 1], [2, 3]], dtype=torch.float32)
B = torch.tensor([[5], [5]], dtype=torch.float32)
LU, pivots = torch.linalg.lu_factor(A)
print(torch.linalg.lu_solve(LU, pivots, B))
''',
    'core.linalg.matrixExp': '''
print(torch.linalg.matrix_exp(torch.zeros(2, 2)))
print(torch.linalg.matrix_exp(torch.tensor([[0, 1], [0, 0]], dtype=torch.float32)))
''',
    'core.linalg.matrixNorm': '''
A = torch.tensor([[1, -2], [3, 4]], dtype=torch.float32)
print(torch.linalg.matrix_norm(A))
print(torch.linalg.matrix_norm(A, 1))
''',
    'core.linalg.matrixPower': '''
A = torch.tensor([[1, 1], [1, 0]])
print(torch.linalg.matrix_power(A, 5))
print(torch.linalg.matrix_power(A, 0))
''',
    'core.linalg.matrixRank': '''
print(torch.linalg.matrix_rank(torch.tensor([[1, 2], [2, 4]], dtype=torch.float64)))
''',
    'core.linalg.multiDot': '''
A = torch.ones(4, 2)
B = torch.ones(2, 5)
C = torch.ones(5, 1)
print(torch.linalg.multi_dot([A, B, C]))
''',
    'core.linalg.norm': '''
A = torch.tensor([[3, 0], [0, 4]], dtype=torch.float32)
v = torch.tensor([1, -5, 2], dtype=torch.float32)
print(torch.linalg.norm(A))
print(torch.linalg.norm(v, float('inf')))
''',
    'core.linalg.pinv': '''
print(torch.linalg.pinv(torch.tensor([[1, 2], [2, 4]], dtype=torch.float64)))
''',
    'core.linalg.qr': '''
A = torch.tensor([[3, 1], [4, 2]], dtype=torch.float32)
Q, R = torch.linalg.qr(A)
print(Q)
print(R)
''',
    'core.linalg.solve': '''
A = torch.tensor([[3, 1], [1, 2]], dtype=torch.float64)
print(torch.linalg.solve(A, torch.tensor([9, 8], dtype=torch.float64)))
''',
    'core.linalg.solveTriangular': '''
U = torch.tensor([[2, 1], [0, 4]], dtype=torch.float32)
B = torch.tensor([[4], [8]], dtype=torch.float32)
print(torch.linalg.solve_triangular(U, B, upper=True))
''',
    'core.linalg.svd': '''
A = torch.tensor([[3, 0], [4, 5]], dtype=torch.float64)
U, S, Vh = torch.linalg.svd(A, False)
print(S)
print(U.mul(S.unsqueeze(-2)).matmul(Vh).sub(A).abs().max().lt(1e-12))
''',
    'core.linalg.svdvals': '''
print(torch.linalg.svdvals(torch.tensor([[3, 0], [0, -4]], dtype=torch.float64)))
''',
    'core.linalg.vander': '''
print(torch.linalg.vander(torch.tensor([1, 2, 3])))
''',
    'core.linalg.vectorNorm': '''
v = torch.tensor([3, -4], dtype=torch.float32)
print(torch.linalg.vector_norm(v))
print(torch.linalg.vector_norm(v, 1))
''',
    'core.linspace': '''
print(torch.linspace(0, 1, 5))
''',
    'core.log': '''import math
print(torch.log(torch.tensor([1, math.e, 0, -1], dtype=torch.float32)))
''',
    'core.logSoftmax': '''
x = torch.tensor([[1, 2, 3]], dtype=torch.float32)
print(torch.log_softmax(x, 1))
print(x.log_softmax(1).exp().sum())
''',
    'core.logaddexp': '''
a = torch.tensor([0, -100, 1000], dtype=torch.float32)
b = torch.tensor([0, -101, 1000], dtype=torch.float32)
print(torch.logaddexp(a, b))
''',
    'core.logicalAnd': '''a = torch.tensor([True, True, False])
print(torch.logical_and(a, torch.tensor([True, False, False])))
print(torch.tensor([1, 0, 2]).logical_and(torch.tensor([3, 3, 0])))
''',
    'core.logit': '''
print(torch.logit(torch.tensor([0.25, 0.5, 0.9])))
''',
    'core.logsumexp': '''
x = torch.tensor([[0, 0], [1000, 1000]], dtype=torch.float32)
print(torch.logsumexp(x, 1))
''',
    'core.luUnpack': '''
A = torch.tensor([[1, 2], [3, 4]], dtype=torch.float32)
LU, pivots = torch.linalg.lu_factor(A)
P, L, U = torch.lu_unpack(LU, pivots)
print(P)
print(L)
print(U)
''',
    'core.manualSeed': '''
torch.manual_seed(7)
print(torch.randn(1, 5))
''',
    'core.maskedFill': '''
x = torch.tensor([1, -2, 3, -4])
print(x.masked_fill(x.lt(0), 0))
''',
    'core.maskedSelect': '''
x = torch.tensor([[1, -2], [-3, 4]])
print(torch.masked_select(x, x.gt(0)))
''',
    'core.matmul': '''
a = torch.arange(6, dtype=torch.float32).reshape(2, 3)
print(torch.matmul(a, torch.tensor([1, 0, -1], dtype=torch.float32)))
print(torch.matmul(a, a.T))
''',
    'core.max': '''
x = torch.tensor([[1, 9, 3], [7, 2, 8]])
print(torch.max(x))
values, indices = torch.max(x, 1)
print(values, indices)
''',
    'core.maximum': '''a = torch.tensor([1, 5, 3])
print(torch.maximum(a, torch.tensor([4, 2, 3])))
print(a.maximum(torch.tensor([2])))
''',
    'core.mean': '''
x = torch.tensor([[1, 2], [3, 5]], dtype=torch.float32)
print(x.mean())
print(torch.mean(x, 0))
''',
    'core.median': '''
print(torch.median(torch.tensor([3, 1, 2, 4])))
x = torch.tensor([[5, 1, 3], [2, 8, 6]])
values, indices = torch.median(x, 1)
print(values, indices)
''',
    'core.meshgrid': '''
gx, gy = torch.meshgrid(torch.arange(2), torch.arange(3), indexing='ij')
print(gx)
print(gy)
''',
    'core.min': '''
x = torch.tensor([[1, 9, 3], [7, 2, 8]])
print(x.min())
print(x.min(0, True))
''',
    'core.mm': '''
a = torch.tensor([[1, 2], [3, 4]], dtype=torch.float32)
print(torch.mm(a, a))
print(a.mm(torch.eye(2)))
''',
    'core.mode': '''
print(torch.mode(torch.tensor([1, 2, 2, 3, 3])))
''',
    'core.movedim': '''
print(torch.movedim(torch.zeros(2, 3, 4), 0, -1).shape)
''',
    'core.mul': '''a = torch.tensor([1, 2, 3])
print(torch.mul(a, 2))
print(a.mul(torch.tensor([[1], [-1]])))
print(a.mul(0.5))
''',
    'core.nanToNum': '''
x = torch.tensor([float('nan'), float('inf'), float('-inf'), 1])
print(torch.nan_to_num(x, nan=0, posinf=9))
''',
    'core.nanmean': '''
x = torch.tensor([1, float('nan'), 2])
print(torch.nanmean(x), x.mean())
''',
    'core.narrow': '''
x = torch.arange(12).view(3, 4)
print(x.narrow(1, 1, 2))
''',
    'core.neg': '''print(torch.neg(torch.tensor([1, -2, 0])))
''',
    'core.nonzero': '''
x = torch.tensor([[0, 1], [2, 0]])
print(torch.nonzero(x))
''',
    'core.norm': '''
x = torch.tensor([[3, 4], [6, 8]], dtype=torch.float32)
print(torch.norm(x))
print(torch.norm(x, 1, 1))
''',
    'core.ones': '''
print(torch.ones(2, 2))
''',
    'core.onesLike': '''
print(torch.ones_like(torch.zeros(2, 3)))
''',
    'core.outer': '''
print(torch.outer(torch.tensor([1, 2]), torch.tensor([1, 10, 100])))
''',
    'core.permute': '''
x = torch.zeros(2, 3, 4)
print(x.permute(2, 0, 1).shape)
print(torch.permute(x, [1, 0, 2]).shape)
''',
    'core.pinverse': '''
print(torch.pinverse(torch.tensor([[2, 0], [0, 4]], dtype=torch.float64)))
''',
    'core.poisson': '''
torch.manual_seed(0)
print(torch.poisson(torch.tensor([0.5, 4, 40])))
''',
    'core.polygamma': '''
print(torch.polygamma(1, torch.tensor([1, 2], dtype=torch.float32)))
''',
    'core.positive': '''
x = torch.tensor([-1, 2])
print(torch.positive(x))
''',
    'core.pow': '''x = torch.tensor([1, 2, 3])
print(torch.pow(x, 2))
print(x.pow(torch.tensor([0, 1, 2])))
print(torch.pow(x, 0.5))
''',
    'core.prod': '''
print(torch.tensor([[1, 2], [3, 4]]).prod(1))
''',
    'core.quantile': '''
print(torch.quantile(torch.tensor([1, 2, 3, 4], dtype=torch.float32), 0.5))
x = torch.tensor([[0, 1, 2, 3, 4], [0, 10, 20, 30, 40]], dtype=torch.float32)
print(torch.quantile(x, torch.tensor([0.25, 0.75]), 1, keepdim=True))
''',
    'core.rand': '''
torch.manual_seed(0)
print(torch.rand(2, 3))
''',
    'core.randint': '''
torch.manual_seed(0)
print(torch.randint(10, [5]))
print(torch.randint(-3, 3, [2, 3]))
''',
    'core.randn': '''
torch.manual_seed(0)
print(torch.randn(2, 3))
''',
    'core.randnLike': '''
torch.manual_seed(0)
print(torch.randn_like(torch.zeros(2, 2)))
''',
    'core.randperm': '''
torch.manual_seed(0)
print(torch.randperm(6))
''',
    'core.relu': '''x = torch.tensor([-1.5, 0, 2])
print(torch.relu(x))
print(x.relu_(), x)
''',
    'core.remainder': '''print(torch.remainder(torch.tensor([-3, -1, 2, 5]), 3))
''',
    'core.renorm': '''
x = torch.tensor([[1, 1, 1, 1], [0.1, 0, 0, 0]])
print(torch.renorm(x, 2, 0, 1))
''',
    'core.repeat': '''
x = torch.tensor([1, 2])
print(x.repeat(2, 2))
''',
    'core.repeatInterleave': '''
print(torch.repeat_interleave(torch.tensor([1, 2]), 2))
print(torch.repeat_interleave(torch.tensor([[1, 2]]), torch.tensor([1, 2]), dim=1))
''',
    'core.reshape': '''
x = torch.arange(6).view(2, 3).t()
print(x.reshape(6))
print(torch.reshape(x, [3, -1]).shape)
''',
    'core.resultType': '''
print(torch.result_type(torch.tensor([1, 2]), 1.5))
print(torch.result_type(torch.tensor([1, 2], dtype=torch.int32), torch.tensor([1], dtype=torch.int64)))
''',
    'core.roll': '''
x = torch.arange(5)
print(torch.roll(x, 2))
print(x.roll(-1))
''',
    'core.rot90': '''
print(torch.rot90(torch.tensor([[1, 2], [3, 4]])))
''',
    'core.round': '''print(torch.round(torch.tensor([-1.5, -0.5, 0.5, 1.5, 2.5])))
print(torch.tensor([1.23456, 1234.5]).round(decimals=2))
print(torch.tensor([1.23456, 1234.5]).round(decimals=-2))
''',
    'core.rsub': '''
print(torch.rsub(torch.tensor([1, 2]), 10))
''',
    'core.scatter': '''
x = torch.zeros(2, 4)
index = torch.tensor([[0, 2], [1, 3]])
print(x.scatter(1, index, torch.tensor([[5, 6], [7, 8]], dtype=torch.float32)))
print(x.scatter(1, index, 1))
''',
    'core.scatterReduce': '''
src = torch.tensor([1, 5, 2], dtype=torch.float32)
print(torch.scatter_reduce(torch.zeros(3), 0, torch.tensor([0, 0, 2]), src, 'amax'))
''',
    'core.searchsorted': '''
sorted = torch.tensor([1, 3, 5])
print(torch.searchsorted(sorted, torch.tensor([3, 6])))
print(torch.searchsorted(sorted, torch.tensor([3, 6]), right=True))
''',
    'core.select': '''
x = torch.arange(6).view(2, 3)
print(x.select(1, 0), x.select(0, -1))
''',
    'core.setDefaultDtype': '''
torch.set_default_dtype(torch.float64)
print(torch.tensor([1.5]).dtype, torch.zeros(1).dtype)
torch.set_default_dtype(torch.float32)
''',
    'core.setIndexAsync_': '''
x = torch.zeros(2, 3)
mask = torch.tensor([[True, False, True], [False, True, False]])
x[mask] = torch.arange(3).float()
print(x)
''',
    'core.setIndex_': '''
x = torch.tensor([[1, -2, 3], [-4, 5, 6]])
x[0, 1:3] = 7
x[x < 0] = 0
x[..., [2, 0]] = torch.tensor([8, 9])
print(x)
''',
    'core.setPrintoptions': '''
x = torch.tensor([3.141592653589793, 1e-3])
torch.set_printoptions(precision=2)
print(x)
torch.set_printoptions(sci_mode=False, precision=6)
print(x)
torch.set_printoptions(profile='default')
''',
    'core.sigmoid': '''x = torch.tensor([-2, 0, 3], dtype=torch.float32)
print(torch.sigmoid(x))
print(x.sigmoid().sum())
''',
    'core.sign': '''print(torch.sign(torch.tensor([-3, 0, 2])))
''',
    'core.sin': '''import math
print(torch.sin(torch.tensor([0, math.pi / 6, math.pi / 2])))
''',
    'core.sinc': '''
print(torch.sinc(torch.tensor([0, 0.5, 1])))
''',
    'core.slice': '''
x = torch.arange(6)
print(x[1::2])
''',
    'core.softmax': '''
x = torch.tensor([[1, 2, 3], [1, 1, 1]], dtype=torch.float32)
print(torch.softmax(x, 1))
''',
    'core.sort': '''
x = torch.tensor([3, 1, 2])
values, indices = torch.sort(x)
print(values, indices)
print(x.sort(0, True))
''',
    'core.special': '''
x = torch.tensor([0.5, 1, 2], dtype=torch.float64)
print(torch.special.erfcx(x))
print(torch.special.chebyshev_polynomial_t(x, 3))
''',
    'core.special.erfcx': '''
print(torch.special.erfcx(torch.tensor([0, 30], dtype=torch.float64)))
''',
    'core.split': '''
x = torch.arange(5)
print(*torch.split(x, 2))
print(*x.split([1, 4]))
''',
    'core.sqrt': '''print(torch.sqrt(torch.tensor([4, 2, -1], dtype=torch.float32)))
''',
    'core.squeeze': '''
x = torch.zeros(2, 1, 3, 1)
print(x.squeeze().shape)
print(x.squeeze(1).shape)
''',
    'core.stack': '''
print(torch.stack([torch.tensor([1, 2]), torch.tensor([3, 4])], 1))
''',
    'core.std': '''
x = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
print(torch.std(x))
print(torch.std(x, None, correction=0))
''',
    'core.stdMean': '''
x = torch.tensor([[1, 3], [2, 6]], dtype=torch.float32)
s, m = torch.std_mean(x, 1, correction=0)
print(s, m)
''',
    'core.stft': '''
torch.manual_seed(0)
x = torch.randn(1000)
S = torch.stft(x, 256, hop_length=64, window=torch.hann_window(256), return_complex=True)
print(S.shape, S.dtype)
''',
    'core.sub': '''
a = torch.tensor([5, 7])
print(torch.sub(a, 2))
print(a.sub(torch.tensor([1, 1]), alpha=3))
''',
    'core.sum': '''
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(torch.sum(x))
print(torch.sum(x, 1, keepdim=True))
print(x.sum([0, -1]))
''',
    'core.svd': '''
A = torch.tensor([[3, 0], [4, 5]], dtype=torch.float64)
U, S, V = torch.svd(A)
print(S)
print(U.mul(S.unsqueeze(-2)).matmul(V.mT).sub(A).abs().max().lt(1e-12))
''',
    'core.t': '''
print(torch.tensor([[1, 2, 3]]).t())
''',
    'core.takeAlongDim': '''
x = torch.tensor([[10, 30, 20], [60, 40, 50]])
print(torch.take_along_dim(x, x.argmax(1, True), 1))
''',
    'core.tanh': '''print(torch.tanh(torch.tensor([-2, 0, 0.5], dtype=torch.float32)))
''',
    'core.tensor': '''
print(torch.tensor([[1, 2], [3, 4]]))
print(torch.tensor([1., 2., 3.]))
print(torch.tensor([0.5, 1], dtype=torch.float64, requires_grad=True))
print(torch.tensor([True, False]))
''',
    'core.tensorSplit': '''
print(*torch.tensor_split(torch.arange(7), 3))
print(*torch.tensor_split(torch.arange(7), [1, 4]))
''',
    'core.tensordot': '''
print(torch.tensordot(torch.ones(3, 4), torch.ones(4, 5), 1).shape)
print(torch.tensordot(torch.ones(3, 4), torch.ones(3, 4), 2))
''',
    'core.tidy': '''
torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.MSELoss()
x = torch.randn(4, 3)
y = torch.randn(4, 1)
opt.zero_grad()
l = loss_fn(model(x), y)
l.backward()
opt.step()
print(l.detach().item())
''',
    'core.tile': '''
print(torch.tile(torch.tensor([[1, 2]]), [2]))
''',
    'core.topk': '''
x = torch.tensor([1, 5, 2, 8, 3])
print(torch.topk(x, 2))
print(x.topk(2, 0, False).values)
''',
    'core.trace': '''
print(torch.trace(torch.tensor([[1, 2], [3, 4]])))
''',
    'core.transpose': '''
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(x.transpose(0, 1))
''',
    'core.trapezoid': '''
y = torch.tensor([1, 2, 3]).float()
print(torch.trapezoid(y))
print(torch.trapezoid(y, dx=2))
''',
    'core.tril': '''
x = torch.ones(3, 3)
print(torch.tril(x))
print(torch.tril(x, -1))
''',
    'core.triu': '''
print(torch.triu(torch.arange(1, 10).view(3, 3)))
''',
    'core.unbind': '''
print(*torch.unbind(torch.tensor([[1, 2], [3, 4]]), 1))
''',
    'core.unfold': '''
print(torch.arange(5).unfold(0, 2, 2))
print(torch.arange(5).unfold(0, 3, 1))
''',
    'core.unique': '''
print(torch.unique(torch.tensor([3, 1, 3])))
x = torch.tensor([2, 7, 2, 5, 7, 2])
values, inverse, counts = torch.unique(x, return_inverse=True, return_counts=True)
print(values, inverse, counts)
''',
    'core.uniqueConsecutive': '''
print(torch.unique_consecutive(torch.tensor([1, 1, 2, 1])))
''',
    'core.unsqueeze': '''
x = torch.tensor([1, 2, 3])
print(x.unsqueeze(0))
print(x.unsqueeze(-1))
''',
    'core.vander': '''
print(torch.vander(torch.tensor([1, 2, 3]), 3))
''',
    'core.var': '''
x = torch.tensor([[1, 2, 3, 4], [2, 2, 2, 2]], dtype=torch.float32)
print(x.var(1))
print(x.var(1, correction=0, keepdim=True))
''',
    'core.view': '''
x = torch.arange(6)
print(x.view(2, 3))
print(x.view([-1, 2]).shape)
''',
    'core.viewAsReal': '''
print(torch.view_as_real(torch.tensor([1+2j, 3-4j])))
''',
    'core.webgpu.createWebGPUBackend': '''
device = 'cuda' if torch.cuda.is_available() else 'cpu'
y = torch.ones([3], device=device).mul(2)
print(y.to('cpu'))
''',
    'core.webgpu.isAvailable': '''
device = 'cuda' if torch.cuda.is_available() else 'cpu'
x = torch.arange(4, device=device)
print(x.mul(x).to('cpu'))
''',
    'core.where': '''
x = torch.tensor([-1.5, 0.5, 2])
print(torch.where(x.gt(0), x, 0))
''',
    'core.xlogy': '''
import math
print(torch.xlogy(torch.tensor([0, 2]), torch.tensor([0, math.e])))
''',
    'core.zeros': '''
print(torch.zeros(2, 3))
print(torch.zeros([2], dtype=torch.int64))
''',
    'core.zerosLike': '''
x = torch.tensor([[1, 2], [3, 4]])
print(torch.zeros_like(x))
print(torch.zeros_like(x, dtype=torch.float32))
''',
}
